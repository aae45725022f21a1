"""
penilaian: exact, explainable performance appraisal for Indonesia's civil servants (ASN).

The face holds the names of the main job: the model, the regimes, the weighting policy,
the result, loading and dumping JSON, and the errors.  It is loaded lazily, so
``import penilaian`` imports only what the names you use need.  Everything else lives
in a topic module, each documented in the API reference:

- `penilaian.model`: people, organisation, periods, work targets, behaviour, raters, grades;
- `penilaian.policy`: weights, aggregation, missing raters, anonymity;
- `penilaian.scoring`: the result, its trace, the registry, the timeline, achievement;
- `penilaian.regimes` and one module per regulation (`penilaian.regimes.pp46_2011`, ...);
- `penilaian.analysis.curve`, `.survey`, `.raters`, `.development`;
- `penilaian.serialization`, `penilaian.exceptions`, `penilaian.typing`;
- the boundary: `penilaian.io`, `penilaian.reporting`, `penilaian.batch`,
  `penilaian.simulation`, `penilaian.cli`.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from penilaian._base.version import __version__

if TYPE_CHECKING:
    from penilaian.analysis.curve import (
        UnitAppraisals,
        propose_calibration,
    )
    from penilaian.analysis.development import (
        recommend,
    )
    from penilaian.analysis.survey import (
        SurveyResponse,
        satisfaction_index,
    )
    from penilaian.exceptions import (
        InvalidInputError,
        InvalidValueError,
        PenilaianError,
        Problem,
        ScoringInputError,
    )
    from penilaian.io.samples import (
        load_sample,
        load_sample_unit,
    )
    from penilaian.model import (
        BERAKHLAK,
        EXPECTATION_SCALE,
        PP30_2019_BEHAVIOUR,
        PP46_2011_BEHAVIOUR,
        Appraisal,
        Aspect,
        BehaviourAspect,
        BehaviourFramework,
        Direction,
        Employee,
        ExpectationLevel,
        FeedbackNote,
        Grade,
        Indicator,
        Innovation,
        InnovationScope,
        Language,
        Nip,
        NumericScale,
        OrdinalScale,
        OrganisationGrade,
        OrgUnit,
        Period,
        PointTarget,
        Position,
        PositionKind,
        QualitativeTarget,
        RangeTarget,
        Rater,
        RaterRole,
        Rating,
        Realisation,
        SpecialExpectation,
        WorkTarget,
    )
    from penilaian.policy import (
        Impute,
        Mean,
        Median,
        Renormalise,
        Require,
        TrimmedMean,
        WeightingPolicy,
        Weights,
        Zero,
    )
    from penilaian.regimes import (
        default_registry,
    )
    from penilaian.regimes.generic import (
        GenericRegime,
    )
    from penilaian.regimes.permen6_2022.strategy import (
        Permen6Regime,
    )
    from penilaian.regimes.pp30_2019.strategy import (
        Pp30Regime,
    )
    from penilaian.regimes.pp46_2011.strategy import (
        Pp46Regime,
    )
    from penilaian.scoring import (
        Gap,
        Result,
        Rounding,
        RoundingMode,
        Step,
        StrategyRegistry,
        render_trace,
        suggest_regime,
    )
    from penilaian.serialization import (
        dumps,
        loads,
        structure,
        unstructure,
    )

# Where each name of the face lives; it is imported on first use.
_HOMES: dict[str, str] = {
    "Appraisal": "penilaian.model",
    "Aspect": "penilaian.model",
    "BERAKHLAK": "penilaian.model",
    "BehaviourAspect": "penilaian.model",
    "BehaviourFramework": "penilaian.model",
    "Direction": "penilaian.model",
    "EXPECTATION_SCALE": "penilaian.model",
    "Employee": "penilaian.model",
    "ExpectationLevel": "penilaian.model",
    "FeedbackNote": "penilaian.model",
    "Gap": "penilaian.scoring",
    "GenericRegime": "penilaian.regimes.generic",
    "Grade": "penilaian.model",
    "Impute": "penilaian.policy",
    "Indicator": "penilaian.model",
    "Innovation": "penilaian.model",
    "InnovationScope": "penilaian.model",
    "InvalidInputError": "penilaian.exceptions",
    "InvalidValueError": "penilaian.exceptions",
    "Language": "penilaian.model",
    "Mean": "penilaian.policy",
    "Median": "penilaian.policy",
    "Nip": "penilaian.model",
    "NumericScale": "penilaian.model",
    "OrdinalScale": "penilaian.model",
    "OrgUnit": "penilaian.model",
    "OrganisationGrade": "penilaian.model",
    "PP30_2019_BEHAVIOUR": "penilaian.model",
    "PP46_2011_BEHAVIOUR": "penilaian.model",
    "PenilaianError": "penilaian.exceptions",
    "Period": "penilaian.model",
    "Permen6Regime": "penilaian.regimes.permen6_2022",
    "PointTarget": "penilaian.model",
    "Position": "penilaian.model",
    "PositionKind": "penilaian.model",
    "Pp30Regime": "penilaian.regimes.pp30_2019",
    "Pp46Regime": "penilaian.regimes.pp46_2011",
    "Problem": "penilaian.exceptions",
    "QualitativeTarget": "penilaian.model",
    "RangeTarget": "penilaian.model",
    "Rater": "penilaian.model",
    "RaterRole": "penilaian.model",
    "Rating": "penilaian.model",
    "Realisation": "penilaian.model",
    "Renormalise": "penilaian.policy",
    "Require": "penilaian.policy",
    "Result": "penilaian.scoring",
    "Rounding": "penilaian.scoring",
    "RoundingMode": "penilaian.scoring",
    "ScoringInputError": "penilaian.exceptions",
    "SpecialExpectation": "penilaian.model",
    "Step": "penilaian.scoring",
    "StrategyRegistry": "penilaian.scoring",
    "SurveyResponse": "penilaian.analysis.survey",
    "TrimmedMean": "penilaian.policy",
    "UnitAppraisals": "penilaian.analysis.curve",
    "WeightingPolicy": "penilaian.policy",
    "Weights": "penilaian.policy",
    "WorkTarget": "penilaian.model",
    "Zero": "penilaian.policy",
    "default_registry": "penilaian.regimes",
    "dumps": "penilaian.serialization",
    "load_sample": "penilaian.io.samples",
    "load_sample_unit": "penilaian.io.samples",
    "loads": "penilaian.serialization",
    "propose_calibration": "penilaian.analysis.curve",
    "recommend": "penilaian.analysis.development",
    "render_trace": "penilaian.scoring",
    "satisfaction_index": "penilaian.analysis.survey",
    "structure": "penilaian.serialization",
    "suggest_regime": "penilaian.scoring",
    "unstructure": "penilaian.serialization",
}

__all__ = [
    "BERAKHLAK",
    "EXPECTATION_SCALE",
    "PP30_2019_BEHAVIOUR",
    "PP46_2011_BEHAVIOUR",
    "Appraisal",
    "Aspect",
    "BehaviourAspect",
    "BehaviourFramework",
    "Direction",
    "Employee",
    "ExpectationLevel",
    "FeedbackNote",
    "Gap",
    "GenericRegime",
    "Grade",
    "Impute",
    "Indicator",
    "Innovation",
    "InnovationScope",
    "InvalidInputError",
    "InvalidValueError",
    "Language",
    "Mean",
    "Median",
    "Nip",
    "NumericScale",
    "OrdinalScale",
    "OrgUnit",
    "OrganisationGrade",
    "PenilaianError",
    "Period",
    "Permen6Regime",
    "PointTarget",
    "Position",
    "PositionKind",
    "Pp30Regime",
    "Pp46Regime",
    "Problem",
    "QualitativeTarget",
    "RangeTarget",
    "Rater",
    "RaterRole",
    "Rating",
    "Realisation",
    "Renormalise",
    "Require",
    "Result",
    "Rounding",
    "RoundingMode",
    "ScoringInputError",
    "SpecialExpectation",
    "Step",
    "StrategyRegistry",
    "SurveyResponse",
    "TrimmedMean",
    "UnitAppraisals",
    "WeightingPolicy",
    "Weights",
    "WorkTarget",
    "Zero",
    "__version__",
    "default_registry",
    "dumps",
    "load_sample",
    "load_sample_unit",
    "loads",
    "propose_calibration",
    "recommend",
    "render_trace",
    "satisfaction_index",
    "structure",
    "suggest_regime",
    "unstructure",
]


def __getattr__(name: str) -> Any:  # noqa: ANN401 - a face name can be any kind of object
    home = _HOMES.get(name)
    if home is None:
        message = f"module 'penilaian' has no attribute {name!r}"
        raise AttributeError(message)
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value  # the next look-up is a plain module attribute
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
