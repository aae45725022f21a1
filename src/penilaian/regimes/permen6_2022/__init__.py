"""
PermenPANRB 6/2022.

The 3x3 matrix of work results and behaviour, annual grades, credit points:

- `rules`: the matrix, the tables, the formulas as plain functions, the trace rules;
- `ratings`: how each of the two ratings is found (the rating rules);
- `strategy`: the regime, `Permen6Regime`;
- `annual`: the annual grade from the periodic ones;
- `credit`: credit points of functional posts (PermenPANRB 1/2023) and the carry-over;
- `credit_thresholds`: ranks and the credit points a promotion needs (Perban BKN 3/2023);
- `credit_eligibility`: whether a promotion may happen, with its reasons;
- `ledger`: the angka-kredit ledger of a pejabat fungsional.
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
    CarryOver,
    CreditPoints,
    carry_over,
    credit_points,
)
from penilaian.regimes.permen6_2022.credit_eligibility import (
    Condition,
    ConditionCheck,
    Eligibility,
    promotion_eligibility,
)
from penilaian.regimes.permen6_2022.credit_thresholds import (
    PERBAN_BKN_3_2023_THRESHOLDS,
    CreditRequirement,
    CreditThreshold,
    CreditThresholds,
    Rank,
    credit_requirement,
)
from penilaian.regimes.permen6_2022.ledger import (
    CreditLedger,
    CreditPeriod,
    LedgerLine,
    Opening,
    OpeningKind,
    Promotion,
    credit_ledger,
)
from penilaian.regimes.permen6_2022.ratings import (
    BehaviourRatingFromValues,
    GivenBehaviourRating,
    GivenWorkRating,
    RatingOutcome,
    WorkRatingFromAchievement,
    WorkRatingFromUnit,
)
from penilaian.regimes.permen6_2022.rules import (
    BEHAVIOUR_FROM_VALUES_RULE,
    GIVEN_RATING_RULE,
    LEADER_RULE,
    MEAN_ACHIEVEMENT_RULE,
    PERMEN6_2022_GRADE_ORDER,
    PERMEN6_2022_MATRIX,
    PERMEN6_2022_MATRIX_RULE,
    PERMEN6_2022_UNIT_RATINGS,
    UNIT_RATING_RULE,
    WORK_RATING_FROM_ACHIEVEMENT_RULE,
    achievement_bands,
    behaviour_from_values,
    framework_error,
    matrix_grade,
    mean_achievement,
    unit_work_rating,
    work_rating_from_achievement,
)
from penilaian.regimes.permen6_2022.strategy import Permen6Regime

__all__ = [
    "BEHAVIOUR_FROM_VALUES_RULE",
    "CREDIT_POINT_ROUNDING",
    "GIVEN_RATING_RULE",
    "LEADER_RULE",
    "MEAN_ACHIEVEMENT_RULE",
    "PERBAN_BKN_3_2023_THRESHOLDS",
    "PERMEN6_2022_GRADE_ORDER",
    "PERMEN6_2022_MATRIX",
    "PERMEN6_2022_MATRIX_RULE",
    "PERMEN6_2022_UNIT_RATINGS",
    "PERMENPANRB_1_2023_COEFFICIENTS",
    "PERMENPANRB_1_2023_PERCENTAGES",
    "PERMENPANRB_1_2023_RULE",
    "UNIT_RATING_RULE",
    "WORK_RATING_FROM_ACHIEVEMENT_RULE",
    "AnnualGrade",
    "BehaviourRatingFromValues",
    "CarryOver",
    "Condition",
    "ConditionCheck",
    "CreditLedger",
    "CreditPeriod",
    "CreditPoints",
    "CreditRequirement",
    "CreditThreshold",
    "CreditThresholds",
    "Eligibility",
    "GivenBehaviourRating",
    "GivenWorkRating",
    "LastPeriod",
    "LedgerLine",
    "MonthWeighted",
    "MostFrequent",
    "Opening",
    "OpeningKind",
    "PeriodGrade",
    "Permen6Regime",
    "Promotion",
    "Rank",
    "RatingOutcome",
    "WorkRatingFromAchievement",
    "WorkRatingFromUnit",
    "WorstPeriod",
    "achievement_bands",
    "annual_grade",
    "behaviour_from_values",
    "carry_over",
    "credit_ledger",
    "credit_points",
    "credit_requirement",
    "framework_error",
    "matrix_grade",
    "mean_achievement",
    "promotion_eligibility",
    "unit_work_rating",
    "work_rating_from_achievement",
]
