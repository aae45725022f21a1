"""What scoring shares across regimes: the result, the registry, the timeline, achievement."""

from __future__ import annotations

from penilaian._base.rounding import FIGURE_ROUNDING, Rounding, RoundingMode, figure
from penilaian._base.trace import MISSING, Gap, Rule, Step, render_trace, show
from penilaian.scoring.achievement import (
    ACHIEVEMENT_RULES,
    achievement,
    achievement_ratio,
    achievement_step,
    achievements,
    check_kinds,
    compared_target,
)
from penilaian.scoring.registry import (
    ENTRY_POINT_GROUP,
    StrategyRegistry,
)
from penilaian.scoring.result import (
    Note,
    Result,
)
from penilaian.scoring.run import INCOMPLETE_RULE, Run
from penilaian.scoring.timeline import (
    REGIME_TIMELINE,
    suggest_regime,
)

__all__ = [
    "ACHIEVEMENT_RULES",
    "ENTRY_POINT_GROUP",
    "FIGURE_ROUNDING",
    "INCOMPLETE_RULE",
    "MISSING",
    "REGIME_TIMELINE",
    "Gap",
    "Note",
    "Result",
    "Rounding",
    "RoundingMode",
    "Rule",
    "Run",
    "Step",
    "StrategyRegistry",
    "achievement",
    "achievement_ratio",
    "achievement_step",
    "achievements",
    "check_kinds",
    "compared_target",
    "figure",
    "render_trace",
    "show",
    "suggest_regime",
]
