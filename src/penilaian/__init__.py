"""
penilaian: exact, explainable performance appraisal for Indonesia's civil servants (ASN).

Import everything from here: ``from penilaian import Appraisal, WorkTarget``.
`penilaian.exceptions` holds the errors and `penilaian.serialization` the JSON
converter and schema.
"""

from penilaian._achievement import ACHIEVEMENT_RULES, achievement, compared_target
from penilaian._appraisal import Appraisal, Innovation, InnovationScope, SpecialExpectation
from penilaian._behaviour import (
    BERAKHLAK,
    BUILTIN_FRAMEWORKS,
    PP30_2019_BEHAVIOUR,
    PP46_2011_BEHAVIOUR,
    BehaviourAspect,
    BehaviourFramework,
)
from penilaian._grades import BandTable, Grade, OrganisationGrade
from penilaian._labels import LabelledEnum, Language
from penilaian._nip import MINIMUM_APPOINTMENT_AGE, Gender, Nip, NipKind
from penilaian._organisation import OrgUnit, Position, PositionGroup, PositionKind
from penilaian._people import Employee
from penilaian._periods import Period, PeriodKind
from penilaian._raters import (
    EXPECTATION_SCALE,
    OVERALL_BEHAVIOUR,
    OVERALL_WORK_RESULTS,
    ExpectationLevel,
    FeedbackNote,
    NumericScale,
    OrdinalScale,
    Rater,
    RaterRole,
    Rating,
    Scale,
)
from penilaian._result import Gap, Result
from penilaian._rounding import FIGURE_ROUNDING, Rounding, RoundingMode, figure
from penilaian._scoring import (
    ENTRY_POINT_GROUP,
    REGIME_TIMELINE,
    Aggregate,
    StrategyRegistry,
    SupervisorRating,
    suggest_regime,
    supervisor_ratings,
)
from penilaian._targets import (
    Aspect,
    Direction,
    Indicator,
    Perspective,
    PointTarget,
    QualitativeTarget,
    RangeTarget,
    Realisation,
    Target,
    TargetKind,
    WorkTarget,
)
from penilaian._trace import MISSING, Rule, Step, render_trace, show
from penilaian._weights import (
    PP30_2019_WITH_PEER_INPUT,
    PP30_2019_WITHOUT_PEER_INPUT,
    PP46_2011_COMPONENTS,
    Weights,
)
from penilaian.regimes import default_registry
from penilaian.regimes.generic import (
    GENERIC_DEFAULT_BANDS,
    Component,
    GenericRegime,
    RatedSubjects,
    WorkAchievement,
)
from penilaian.regimes.permen6_2022 import (
    PERMEN6_2022_MATRIX,
    BehaviourRatingFromValues,
    GivenBehaviourRating,
    GivenWorkRating,
    Permen6Regime,
    WorkRatingFromAchievement,
    WorkRatingFromUnit,
)
from penilaian.regimes.permen6_annual import (
    AnnualGrade,
    LastPeriod,
    MonthWeighted,
    MostFrequent,
    PeriodGrade,
    WorstPeriod,
    annual_grade,
)
from penilaian.regimes.permen6_credit import CreditPoints, credit_points
from penilaian.regimes.pp30_2019 import PERMEN8_2021_IKI_CONVERSION, PP30_2019_PREDIKAT, Pp30Regime
from penilaian.regimes.pp46_2011 import PP46_2011_CATEGORIES, Pp46Regime

__version__ = "0.1.0.dev0"

__all__ = [
    "ACHIEVEMENT_RULES",
    "BERAKHLAK",
    "BUILTIN_FRAMEWORKS",
    "ENTRY_POINT_GROUP",
    "EXPECTATION_SCALE",
    "FIGURE_ROUNDING",
    "GENERIC_DEFAULT_BANDS",
    "MINIMUM_APPOINTMENT_AGE",
    "MISSING",
    "OVERALL_BEHAVIOUR",
    "OVERALL_WORK_RESULTS",
    "PERMEN6_2022_MATRIX",
    "PERMEN8_2021_IKI_CONVERSION",
    "PP30_2019_BEHAVIOUR",
    "PP30_2019_PREDIKAT",
    "PP30_2019_WITHOUT_PEER_INPUT",
    "PP30_2019_WITH_PEER_INPUT",
    "PP46_2011_BEHAVIOUR",
    "PP46_2011_CATEGORIES",
    "PP46_2011_COMPONENTS",
    "REGIME_TIMELINE",
    "Aggregate",
    "AnnualGrade",
    "Appraisal",
    "Aspect",
    "BandTable",
    "BehaviourAspect",
    "BehaviourFramework",
    "BehaviourRatingFromValues",
    "Component",
    "CreditPoints",
    "Direction",
    "Employee",
    "ExpectationLevel",
    "FeedbackNote",
    "Gap",
    "Gender",
    "GenericRegime",
    "GivenBehaviourRating",
    "GivenWorkRating",
    "Grade",
    "Indicator",
    "Innovation",
    "InnovationScope",
    "LabelledEnum",
    "Language",
    "LastPeriod",
    "MonthWeighted",
    "MostFrequent",
    "Nip",
    "NipKind",
    "NumericScale",
    "OrdinalScale",
    "OrgUnit",
    "OrganisationGrade",
    "Period",
    "PeriodGrade",
    "PeriodKind",
    "Permen6Regime",
    "Perspective",
    "PointTarget",
    "Position",
    "PositionGroup",
    "PositionKind",
    "Pp30Regime",
    "Pp46Regime",
    "QualitativeTarget",
    "RangeTarget",
    "RatedSubjects",
    "Rater",
    "RaterRole",
    "Rating",
    "Realisation",
    "Result",
    "Rounding",
    "RoundingMode",
    "Rule",
    "Scale",
    "SpecialExpectation",
    "Step",
    "StrategyRegistry",
    "SupervisorRating",
    "Target",
    "TargetKind",
    "Weights",
    "WorkAchievement",
    "WorkRatingFromAchievement",
    "WorkRatingFromUnit",
    "WorkTarget",
    "WorstPeriod",
    "__version__",
    "achievement",
    "annual_grade",
    "compared_target",
    "credit_points",
    "default_registry",
    "figure",
    "render_trace",
    "show",
    "suggest_regime",
    "supervisor_ratings",
]
