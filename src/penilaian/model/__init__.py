"""
The appraisal model: people, organisation, periods, work targets, behaviour, raters, grades.

Every name here is also on the face where the main job needs it.
"""

from __future__ import annotations

from penilaian._base.labels import LabelledEnum, Language
from penilaian.model.appraisal import Appraisal
from penilaian.model.behaviour import (
    BERAKHLAK,
    BUILTIN_FRAMEWORKS,
    PP30_2019_BEHAVIOUR,
    PP46_2011_BEHAVIOUR,
    BehaviourAspect,
    BehaviourFramework,
    SpecialExpectation,
)
from penilaian.model.grades import (
    GRADE_RANKING,
    REGIME_GRADE_LABELS,
    BandTable,
    Grade,
    OrganisationGrade,
)
from penilaian.model.innovations import Innovation, InnovationScope
from penilaian.model.nip import (
    MINIMUM_APPOINTMENT_AGE,
    Gender,
    Nip,
    NipKind,
)
from penilaian.model.organisation import (
    OrgUnit,
    Position,
    PositionGroup,
    PositionKind,
)
from penilaian.model.people import (
    Employee,
)
from penilaian.model.periods import (
    Period,
    PeriodKind,
)
from penilaian.model.raters import (
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
from penilaian.model.targets import (
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

__all__ = [
    "BERAKHLAK",
    "BUILTIN_FRAMEWORKS",
    "EXPECTATION_SCALE",
    "GRADE_RANKING",
    "MINIMUM_APPOINTMENT_AGE",
    "OVERALL_BEHAVIOUR",
    "OVERALL_WORK_RESULTS",
    "PP30_2019_BEHAVIOUR",
    "PP46_2011_BEHAVIOUR",
    "REGIME_GRADE_LABELS",
    "Appraisal",
    "Aspect",
    "BandTable",
    "BehaviourAspect",
    "BehaviourFramework",
    "Direction",
    "Employee",
    "ExpectationLevel",
    "FeedbackNote",
    "Gender",
    "Grade",
    "Indicator",
    "Innovation",
    "InnovationScope",
    "LabelledEnum",
    "Language",
    "Nip",
    "NipKind",
    "NumericScale",
    "OrdinalScale",
    "OrgUnit",
    "OrganisationGrade",
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
]
