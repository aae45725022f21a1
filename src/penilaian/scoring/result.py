"""What scoring returns: `Result`, with its figures, grade, gaps and trace."""

from __future__ import annotations

from decimal import Decimal

import attrs

from penilaian._base.checks import TUPLE, non_empty
from penilaian._base.trace import Gap, Step
from penilaian.model.grades import Grade

__all__ = ["Result"]


@attrs.frozen
class Result:
    """
    The outcome of scoring one appraisal under one regime.

    A complete result has a grade (and a score where the regime has one); an
    incomplete one has neither, and lists its gaps instead.  Nothing missing is
    ever scored as 0.

    Attributes:
        regime: The id of the strategy that scored it.
        appraisal_id: The appraisal scored.
        grade: The predikat; `None` when incomplete.
        score: The final number, where the regime has one (PP 46/2011, PP 30/2019).
        figures: Every intermediate number by a documented key, such as
            ``"activity[rhk-1].time"`` or ``"skp"``; each regime's page lists its keys.
        ratings: Every intermediate categorical value (such as the work-results
            rating of PermenPANRB 6/2022) by key, as enum ids.
        gaps: Why the result is incomplete; empty when complete.
        trace: The tree of steps behind every figure; `None` when scoring was asked
            to skip it.
    """

    regime: str = attrs.field(validator=non_empty)
    appraisal_id: str = attrs.field(validator=non_empty)
    grade: Grade | None = None
    score: Decimal | None = None
    figures: dict[str, Decimal] = attrs.field(factory=dict, hash=False)
    ratings: dict[str, str] = attrs.field(factory=dict, hash=False)
    gaps: tuple[Gap, ...] = attrs.field(default=(), converter=TUPLE)
    trace: Step | None = None

    @property
    def is_complete(self) -> bool:
        """Whether a grade was given (no gaps)."""
        return not self.gaps

    def without_trace(self) -> Result:
        """Return a copy without the trace, for storage or comparison."""
        return attrs.evolve(self, trace=None)
