"""
Synthetic workforces for simulating appraisal policy and testing rater analytics.

The boundary layer: nothing here is imported by ``import penilaian``, and it needs
no extra (only the standard library's `random`).  `generate` turns a
`WorkforceSpec` and a seed into a `Workforce` of valid `penilaian.Appraisal`
values, reproducibly, optionally with known injected rater bias (`RaterBias`).
"""

from __future__ import annotations

from penilaian.simulation._spec import (
    DEFAULT_UNIT_GRADE_WEIGHTS,
    REGIME_SHAPES,
    AchievementModel,
    BiasKind,
    RaterBias,
    RaterMix,
    RegimeShape,
    WorkforceSpec,
)
from penilaian.simulation.workforce import Workforce, generate

__all__ = [
    "DEFAULT_UNIT_GRADE_WEIGHTS",
    "REGIME_SHAPES",
    "AchievementModel",
    "BiasKind",
    "RaterBias",
    "RaterMix",
    "RegimeShape",
    "Workforce",
    "WorkforceSpec",
    "generate",
]
