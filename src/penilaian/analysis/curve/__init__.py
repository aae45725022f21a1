"""The distribution curve of PermenPANRB 6/2022: rules, the check, calibration proposals, a unit."""

from __future__ import annotations

from penilaian.analysis.curve.calibration import (
    Calibration,
    GradeChange,
    propose_calibration,
)
from penilaian.analysis.curve.check import (
    CURVE_CHECK_RULE,
    CurveCheck,
    RuleCheck,
    check_curve,
)
from penilaian.analysis.curve.employee import (
    GradedEmployee,
)
from penilaian.analysis.curve.flow import (
    FlowNetwork,
)
from penilaian.analysis.curve.quotas import (
    CURVE_QUOTA_RULE,
    SMALL_UNIT_LENIENCY_RULE,
    RuleQuota,
    curve_quotas,
)
from penilaian.analysis.curve.rules import (
    PERMEN6_2022_CURVE,
    CurveBound,
    CurveRule,
    DistributionCurve,
    QuotaConvention,
    RuleStatus,
    grade_name,
)
from penilaian.analysis.curve.unit import (
    UnitAppraisals,
    unit_grades,
)

__all__ = [
    "CURVE_CHECK_RULE",
    "CURVE_QUOTA_RULE",
    "PERMEN6_2022_CURVE",
    "SMALL_UNIT_LENIENCY_RULE",
    "Calibration",
    "CurveBound",
    "CurveCheck",
    "CurveRule",
    "DistributionCurve",
    "FlowNetwork",
    "GradeChange",
    "GradedEmployee",
    "QuotaConvention",
    "RuleCheck",
    "RuleQuota",
    "RuleStatus",
    "UnitAppraisals",
    "check_curve",
    "curve_quotas",
    "grade_name",
    "propose_calibration",
    "unit_grades",
]
