"""
penilaian: exact, explainable performance appraisal for Indonesia's civil servants (ASN).

Import everything from here: ``from penilaian import Appraisal, WorkTarget``.
`penilaian.exceptions` holds the errors and `penilaian.serialization` the JSON
converter and schema.
"""

from penilaian._appraisal import Appraisal, SpecialExpectation
from penilaian._behaviour import (
    BERAKHLAK,
    BUILTIN_FRAMEWORKS,
    PP30_2019_BEHAVIOUR,
    PP46_2011_BEHAVIOUR,
    BehaviourAspect,
    BehaviourFramework,
)
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

__version__ = "0.1.0.dev0"

__all__ = [
    "BERAKHLAK",
    "BUILTIN_FRAMEWORKS",
    "EXPECTATION_SCALE",
    "MINIMUM_APPOINTMENT_AGE",
    "OVERALL_BEHAVIOUR",
    "OVERALL_WORK_RESULTS",
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
    "Gender",
    "Indicator",
    "LabelledEnum",
    "Language",
    "Nip",
    "NipKind",
    "NumericScale",
    "OrdinalScale",
    "OrgUnit",
    "Period",
    "PeriodKind",
    "Perspective",
    "PointTarget",
    "Position",
    "PositionGroup",
    "PositionKind",
    "QualitativeTarget",
    "RangeTarget",
    "Rater",
    "RaterRole",
    "Rating",
    "Realisation",
    "Scale",
    "SpecialExpectation",
    "Target",
    "TargetKind",
    "WorkTarget",
    "__version__",
]
