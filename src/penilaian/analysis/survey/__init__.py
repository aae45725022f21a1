"""The public satisfaction index (IKM) of PermenPANRB 14/2017: the rules and the index."""

from __future__ import annotations

from penilaian.analysis.survey.formulas import (
    IkmValue,
    element_nrr,
    ikm_from_nrr,
    ikm_from_totals,
)
from penilaian.analysis.survey.index import (
    ElementScore,
    SatisfactionIndex,
    SurveyResponse,
    public_index_from_survey,
    satisfaction_index,
)
from penilaian.analysis.survey.rules import (
    PERMEN14_2017_BANDS,
    PERMEN14_2017_FACTOR,
    PERMEN14_2017_WEIGHT,
    SatisfactionAnswer,
    ServiceElement,
    ServiceQuality,
    SurveyWeighting,
)

__all__ = [
    "PERMEN14_2017_BANDS",
    "PERMEN14_2017_FACTOR",
    "PERMEN14_2017_WEIGHT",
    "ElementScore",
    "IkmValue",
    "SatisfactionAnswer",
    "SatisfactionIndex",
    "ServiceElement",
    "ServiceQuality",
    "SurveyResponse",
    "SurveyWeighting",
    "element_nrr",
    "ikm_from_nrr",
    "ikm_from_totals",
    "public_index_from_survey",
    "satisfaction_index",
]
