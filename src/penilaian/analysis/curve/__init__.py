"""The distribution curve of PermenPANRB 6/2022: rules, the check, calibration proposals, a unit."""

from __future__ import annotations

from penilaian.analysis.curve.calibration import (
    Calibration,
    GradeChange,
    propose_calibration,
)
from penilaian.analysis.curve.check import (
    CurveCheck,
    GradedEmployee,
    RuleCheck,
    check_curve,
)
from penilaian.analysis.curve.flow import (
    FlowNetwork,
)
from penilaian.analysis.curve.rules import (
    PERMEN6_2022_CURVE,
    CurveBound,
    CurveRule,
    DistributionCurve,
    QuotaConvention,
    RuleStatus,
)
from penilaian.analysis.curve.unit import (
    UnitAppraisals,
)

__all__ = [
    "PERMEN6_2022_CURVE",
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
    "RuleStatus",
    "UnitAppraisals",
    "check_curve",
    "propose_calibration",
]
