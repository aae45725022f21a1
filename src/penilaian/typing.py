"""
The contracts of penilaian's extension points.

Anything that satisfies these protocols can be passed where the library expects
one: a regime of your own is a `ScoringStrategy`, a way of combining several
raters' ratings is a `RatingAggregator`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol, runtime_checkable

if TYPE_CHECKING:
    from penilaian.model.appraisal import Appraisal
    from penilaian.policy.aggregation import Aggregate
    from penilaian.scoring.result import Result

__all__ = ["RatingAggregator", "ScoringStrategy"]


@runtime_checkable
class ScoringStrategy(Protocol):
    """
    Turns an appraisal into a `penilaian.Result`: one regime, with its configuration.

    Built-in strategies are small frozen classes (`penilaian.Pp46Regime`, ...) whose
    fields are their policy.  Register your own in a `penilaian.StrategyRegistry`, or
    publish it under the ``penilaian.strategies`` entry-point group.
    """

    @property
    def id(self) -> str:
        """A stable id, such as ``"pp46_2011"``."""
        ...

    def score(self, appraisal: Appraisal, *, trace: bool = True) -> Result:
        """
        Score *appraisal*.

        Args:
            appraisal: A valid appraisal.
            trace: Whether to build the trace; the figures are the same either way.

        Raises:
            penilaian.exceptions.ScoringInputError: if the appraisal lacks what the
                regime needs (a realisation, a rating) or holds what it does not define.
        """
        ...


class RatingAggregator(Protocol):
    """
    Combines the ratings of one subject (a behaviour aspect, an overall rating) into one value.

    The regimes ask an aggregator for each behaviour value they need; the default,
    `penilaian.SupervisorRating`, takes the appraising supervisor's rating alone, as
    the regulations describe.  A weighting policy for several raters is another
    aggregator.
    """

    def __call__(self, appraisal: Appraisal, subject: str, *, trace: bool = True) -> Aggregate:
        """Return the combined value of *subject* in *appraisal*, or why there is none."""
        ...
