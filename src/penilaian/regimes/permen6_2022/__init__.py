"""
PermenPANRB 6/2022.

The 3x3 matrix of work results and behaviour, annual grades, credit points.
"""

from __future__ import annotations

from penilaian.regimes.permen6_2022.annual import (
    AnnualGrade,
    LastPeriod,
    MonthWeighted,
    MostFrequent,
    PeriodGrade,
    WorstPeriod,
    annual_grade,
)
from penilaian.regimes.permen6_2022.credit import (
    CREDIT_POINT_ROUNDING,
    PERMENPANRB_1_2023_COEFFICIENTS,
    PERMENPANRB_1_2023_PERCENTAGES,
    PERMENPANRB_1_2023_RULE,
    CreditPoints,
    credit_points,
)
from penilaian.regimes.permen6_2022.strategy import (
    PERMEN6_2022_GRADE_ORDER,
    PERMEN6_2022_MATRIX,
    PERMEN6_2022_MATRIX_RULE,
    PERMEN6_2022_UNIT_RATINGS,
    BehaviourRatingFromValues,
    GivenBehaviourRating,
    GivenWorkRating,
    Permen6Regime,
    RatingOutcome,
    WorkRatingFromAchievement,
    WorkRatingFromUnit,
)

__all__ = [
    "CREDIT_POINT_ROUNDING",
    "PERMEN6_2022_GRADE_ORDER",
    "PERMEN6_2022_MATRIX",
    "PERMEN6_2022_MATRIX_RULE",
    "PERMEN6_2022_UNIT_RATINGS",
    "PERMENPANRB_1_2023_COEFFICIENTS",
    "PERMENPANRB_1_2023_PERCENTAGES",
    "PERMENPANRB_1_2023_RULE",
    "AnnualGrade",
    "BehaviourRatingFromValues",
    "CreditPoints",
    "GivenBehaviourRating",
    "GivenWorkRating",
    "LastPeriod",
    "MonthWeighted",
    "MostFrequent",
    "PeriodGrade",
    "Permen6Regime",
    "RatingOutcome",
    "WorkRatingFromAchievement",
    "WorkRatingFromUnit",
    "WorstPeriod",
    "annual_grade",
    "credit_points",
]
