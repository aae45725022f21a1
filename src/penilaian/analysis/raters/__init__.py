"""Rater analytics: leniency, halo, central tendency, agreement, self-other gaps."""

from __future__ import annotations

from penilaian.analysis.raters.agreement import krippendorff_alpha
from penilaian.analysis.raters.effects import RaterAnalytics
from penilaian.analysis.raters.findings import (
    AgreementFinding,
    AnalyticsReport,
    CentralTendencyFinding,
    FindingKind,
    HaloFinding,
    LeniencyFinding,
    SelfOtherFinding,
)

__all__ = [
    "AgreementFinding",
    "AnalyticsReport",
    "CentralTendencyFinding",
    "FindingKind",
    "HaloFinding",
    "LeniencyFinding",
    "RaterAnalytics",
    "SelfOtherFinding",
    "krippendorff_alpha",
]
