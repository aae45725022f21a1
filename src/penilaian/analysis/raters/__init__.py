"""Rater analytics: leniency, halo, agreement, self-other gaps, rater effects, achievement check."""

from __future__ import annotations

from penilaian.analysis.raters.adjust import Adjustment, adjust
from penilaian.analysis.raters.agreement import krippendorff_alpha
from penilaian.analysis.raters.anchor import AchievementCheck, AchievementEstimate
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
from penilaian.analysis.raters.model import Evidence, RaterEffectEstimate, RaterEffects

__all__ = [
    "AchievementCheck",
    "AchievementEstimate",
    "Adjustment",
    "AgreementFinding",
    "AnalyticsReport",
    "CentralTendencyFinding",
    "Evidence",
    "FindingKind",
    "HaloFinding",
    "LeniencyFinding",
    "RaterAnalytics",
    "RaterEffectEstimate",
    "RaterEffects",
    "SelfOtherFinding",
    "adjust",
    "krippendorff_alpha",
]
