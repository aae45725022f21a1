"""
The contracts of penilaian's extension points, every one in this module.

Anything that satisfies these protocols can be passed where the library expects
one: a regime of your own is a `ScoringStrategy` (a `PolicyTakingStrategy` when its
ratings come through a replaceable aggregator), a way of combining several raters'
ratings is a `RatingAggregator`, one role's ratings are combined by an
`AggregationFn`, a PermenPANRB 6/2022 rating comes from a `RatingRule`, the periods of
a year make its grade through a `Rollup`, and a long run reports to a `ProgressHook`.

This module imports nothing of penilaian at run time, so every layer may use it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Protocol, TypeAlias, runtime_checkable

if TYPE_CHECKING:
    from fractions import Fraction

    from penilaian._base.trace import Step
    from penilaian.model.appraisal import Appraisal
    from penilaian.model.grades import Grade
    from penilaian.policy.aggregation import Aggregate
    from penilaian.regimes.permen6_2022.annual import PeriodGrade
    from penilaian.regimes.permen6_2022.ratings import RatingOutcome
    from penilaian.scoring.result import Result

__all__ = [
    "AggregationFn",
    "PolicyTakingStrategy",
    "ProgressHook",
    "RatingAggregator",
    "RatingRule",
    "Rollup",
    "ScoringStrategy",
]


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
    `penilaian.policy.SupervisorRating`, takes the appraising supervisor's rating alone, as
    the regulations describe.  A weighting policy for several raters is another
    aggregator.
    """

    def __call__(self, appraisal: Appraisal, subject: str, *, trace: bool = True) -> Aggregate:
        """Return the combined value of *subject* in *appraisal*, or why there is none."""
        ...


@runtime_checkable
class PolicyTakingStrategy(ScoringStrategy, Protocol):
    """
    A `ScoringStrategy` whose ratings come through a `RatingAggregator` a caller may replace.

    `penilaian.Pp46Regime`, `penilaian.Pp30Regime` and `penilaian.GenericRegime` are
    policy-taking: give them a `penilaian.WeightingPolicy` for 360° appraisal.  The
    command line's ``--policy`` takes any strategy that satisfies this protocol.
    """

    @property
    def aggregator(self) -> RatingAggregator:
        """The aggregator that gives each rated subject its value."""
        ...

    def with_aggregator(self, aggregator: RatingAggregator) -> PolicyTakingStrategy:
        """Return the same strategy with *aggregator* in place of its own."""
        ...


class AggregationFn(Protocol):
    """
    Combines one role's ratings (never empty, in no particular order) into one exact value.

    `Mean`, `Median` and `TrimmedMean` are aggregation functions; so is any function
    ``(Sequence[Fraction]) -> Fraction`` of your own.  It should not depend on the
    order of its input.
    """

    def __call__(self, values: Sequence[Fraction], /) -> Fraction:
        """Return the combined value of *values*."""
        ...


class RatingRule(Protocol):
    """
    How the regime finds one of its two ratings (work results or behaviour).

    A rule returns a `RatingOutcome`: a level, or the gaps that keep it from one
    (the result is then incomplete).  It raises
    `penilaian.exceptions.ScoringInputError` for what it cannot use.
    """

    def __call__(self, appraisal: Appraisal, *, trace: bool = True) -> RatingOutcome:
        """Return the rating of *appraisal*, or what is missing."""
        ...


class Rollup(Protocol):
    """
    How the grades of the periods make the annual grade.

    A roll-up receives the periods in calendar order, at least one, none
    overlapping, and returns the annual grade with its step (when traced).
    """

    def __call__(
        self, periods: tuple[PeriodGrade, ...], *, trace: bool = True
    ) -> tuple[Grade, Step | None]:
        """Return the annual grade of *periods* and, if *trace*, how it was found."""
        ...


ProgressHook: TypeAlias = Callable[[int, int], None]
"""Called as ``progress(done, total)``: *done* of *total* steps are finished."""
