"""
PP 30/2019 with PermenPANRB 8/2021: SKP and behaviour.

`Pp30Regime` scores an appraisal; the formulas it composes are public
(`penilaian.regimes.pp30_2019.rules`), each a plain function on exact numbers that
names its clause, and so are the tables they read (`penilaian.regimes.pp30_2019.tables`),
so the batch engine and other packages read the same rules.
"""

from __future__ import annotations

from penilaian.regimes.pp30_2019.category_route import (
    IKI_CATEGORIES,
    PERMEN8_2021_ADDITIONAL_POINTS,
    PERMEN8_2021_IKI_POINTS,
    PERMEN8_2021_RENCANA_BANDS,
    CategoryPoints,
    RencanaBand,
    RencanaBands,
)
from penilaian.regimes.pp30_2019.rules import (
    additional_category_points,
    behaviour_value,
    capped,
    category_points,
    grade_of_band,
    iki_achievement,
    iki_category,
    iki_segment,
    iki_value,
    innovation_count,
    main_work_value,
    peer_input_count,
    performance_band,
    performance_grade,
    performance_value,
    performance_weights,
    rencana_band,
    rencana_value,
    skp_route,
    skp_value,
    weighted_value,
    whole_percent,
    work_target_value,
)
from penilaian.regimes.pp30_2019.strategy import Pp30Regime
from penilaian.regimes.pp30_2019.tables import (
    PERMEN8_2021_IKI_CONVERSION,
    PERMEN8_2021_MAXIMUM_TARGET,
    PERMEN8_2021_WHOLE_PERCENT,
    PP30_2019_CAP,
    PP30_2019_INNOVATION_SCOPES,
    PP30_2019_PEER_ROLES,
    PP30_2019_PREDIKAT,
    IkiSegment,
)

__all__ = [
    "IKI_CATEGORIES",
    "PERMEN8_2021_ADDITIONAL_POINTS",
    "PERMEN8_2021_IKI_CONVERSION",
    "PERMEN8_2021_IKI_POINTS",
    "PERMEN8_2021_MAXIMUM_TARGET",
    "PERMEN8_2021_RENCANA_BANDS",
    "PERMEN8_2021_WHOLE_PERCENT",
    "PP30_2019_CAP",
    "PP30_2019_INNOVATION_SCOPES",
    "PP30_2019_PEER_ROLES",
    "PP30_2019_PREDIKAT",
    "CategoryPoints",
    "IkiSegment",
    "Pp30Regime",
    "RencanaBand",
    "RencanaBands",
    "additional_category_points",
    "behaviour_value",
    "capped",
    "category_points",
    "grade_of_band",
    "iki_achievement",
    "iki_category",
    "iki_segment",
    "iki_value",
    "innovation_count",
    "main_work_value",
    "peer_input_count",
    "performance_band",
    "performance_grade",
    "performance_value",
    "performance_weights",
    "rencana_band",
    "rencana_value",
    "skp_route",
    "skp_value",
    "weighted_value",
    "whole_percent",
    "work_target_value",
]
