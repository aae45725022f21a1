"""
The 2021 integration year: January-June by PP 46/2011, July-December by PP 30/2019, one result.

- ``tables``: the conversion tables (`INTEGRATION_2021_CONVERSION`, the default [LOW],
  and `INTEGRATION_2021_CONTINUOUS`), the semester weights and the rules a trace cites;
- ``rules``: `convert_pp46_value`, `merge_semesters` and `Integration2021`, which
  returns a traced `penilaian.Result` from two numbers or from the two regimes' results.
"""

from __future__ import annotations

from penilaian.regimes.integration_2021.rules import (
    Integration2021,
    convert_pp46_value,
    merge_semesters,
)
from penilaian.regimes.integration_2021.tables import (
    CONVERSION_CAP_RULE,
    CONVERSION_RULE,
    INTEGRATION_2021_CONTINUOUS,
    INTEGRATION_2021_CONVERSION,
    INTEGRATION_2021_WEIGHTS,
    INTEGRATION_PREDIKAT_RULE,
    INTEGRATION_RESULT_RULE,
    INTEGRATION_ROUNDING_RULE,
    MERGE_RULE,
    IntegrationBand,
    IntegrationTable,
)

__all__ = [
    "CONVERSION_CAP_RULE",
    "CONVERSION_RULE",
    "INTEGRATION_2021_CONTINUOUS",
    "INTEGRATION_2021_CONVERSION",
    "INTEGRATION_2021_WEIGHTS",
    "INTEGRATION_PREDIKAT_RULE",
    "INTEGRATION_RESULT_RULE",
    "INTEGRATION_ROUNDING_RULE",
    "MERGE_RULE",
    "Integration2021",
    "IntegrationBand",
    "IntegrationTable",
    "convert_pp46_value",
    "merge_semesters",
]
