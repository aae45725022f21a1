"""Scoring plumbing: aggregated values, the default aggregator, the registry, the timeline."""

from __future__ import annotations

import importlib.metadata
from collections.abc import Callable, Iterator
from datetime import date
from fractions import Fraction
from typing import TYPE_CHECKING, Final

import attrs

from penilaian._periods import Period
from penilaian._raters import NumericScale, RaterRole, Rating
from penilaian._result import Gap
from penilaian._trace import Rule, Step
from penilaian.exceptions import (
    DuplicateIdError,
    InvalidInputError,
    Problem,
    ScoringInputError,
    UnknownStrategyError,
    UnsupportedInputError,
)
from penilaian.typing import ScoringStrategy

if TYPE_CHECKING:
    from penilaian._appraisal import Appraisal

__all__ = [
    "ENTRY_POINT_GROUP",
    "REGIME_TIMELINE",
    "Aggregate",
    "StrategyRegistry",
    "SupervisorRating",
    "suggest_regime",
    "supervisor_ratings",
]

ENTRY_POINT_GROUP: Final = "penilaian.strategies"
"""The entry-point group under which other packages publish scoring strategies."""


@attrs.frozen
class Aggregate:
    """
    One value combined from ratings, or the reason there is none.

    Attributes:
        subject: What was rated.
        value: The combined value, exact; `None` when it could not be formed.
        scale_id: The scale the value is on.
        gap: Why there is no value, when there is none.
        step: How it was combined, when a trace was asked for.
    """

    subject: str
    value: Fraction | None
    scale_id: str | None = None
    gap: Gap | None = None
    step: Step | None = None


_SUPERVISOR_RULE: Final = Rule(
    id="supervisor_rating",
    clause="PP 46/2011 (\u00b1Pasal 12); PermenPANRB 6/2022 Pasal 5: the pejabat penilai rates",
    text_id="Nilai dari pejabat penilai (atasan langsung)",
    text_en="The appraising supervisor's rating",
)


@attrs.frozen
class SupervisorRating:
    """
    The default `penilaian.typing.RatingAggregator`: the supervisor's own rating.

    The regulations have the appraising official (pejabat penilai, the direct
    supervisor) rate behaviour.  This aggregator takes that single numeric rating;
    with none it reports a gap (never 0), and with more than one supervisor rating
    of the same subject it refuses to choose and raises.
    """

    def __call__(self, appraisal: Appraisal, subject: str, *, trace: bool = True) -> Aggregate:
        """Return the supervisor's rating of *subject*, or the gap."""
        found = supervisor_ratings(appraisal, subject)
        if not found:
            reason = f"no supervisor rating of {subject}; the pejabat penilai must rate it"
            return Aggregate(subject, None, gap=Gap("$.ratings", reason))
        if len(found) > 1:
            paths = ", ".join(f"$.ratings[{index}]" for index, _ in found)
            reason = (
                f"{len(found)} supervisor ratings of {subject} ({paths}); use a weighting policy"
            )
            raise _unsupported("$.ratings", subject, reason)
        index, rating = found[0]
        scale = appraisal.scale(rating.scale_id)
        if not isinstance(scale, NumericScale) or rating.score is None:
            reason = f"rating of {subject} is on ordinal scale {scale.id}; a number is needed"
            raise _unsupported(f"$.ratings[{index}].scale_id", rating.scale_id, reason)
        value = Fraction(rating.score)
        step = (
            Step.of(_SUPERVISOR_RULE, value, subject=subject, rater=rating.rater_id)
            if trace
            else None
        )
        return Aggregate(subject, value, scale.id, step=step)


def supervisor_ratings(appraisal: Appraisal, subject: str) -> list[tuple[int, Rating]]:
    """Return the supervisor's ratings of *subject* with their indexes in `Appraisal.ratings`."""
    # A plain scan: cheaper than building the full ratings index for the few
    # subjects a regime asks the supervisor about.
    roles = appraisal.rater_roles
    return [
        (index, rating)
        for index, rating in enumerate(appraisal.ratings)
        if rating.subject == subject and roles[rating.rater_id] is RaterRole.SUPERVISOR
    ]


def _unsupported(path: str, value: object, reason: str) -> InvalidInputError:
    error = UnsupportedInputError(path.rsplit(".", 1)[-1], value, reason)
    return ScoringInputError([Problem(path, f"{reason} (got {value!r})", error)])


@attrs.define
class StrategyRegistry:
    """
    The scoring strategies available, by id.  An explicit object; never a global.

    Use `default_registry()` for the built-in regimes and those published by other
    packages under the ``penilaian.strategies`` entry-point group.
    """

    _factories: dict[str, Callable[[], ScoringStrategy]] = attrs.field(factory=dict)

    def register(self, strategy_id: str, factory: Callable[[], ScoringStrategy]) -> None:
        """
        Make *factory* (a callable returning a configured strategy) available as *strategy_id*.

        Raises:
            DuplicateIdError: if the id is taken.
        """
        if strategy_id in self._factories:
            raise DuplicateIdError("strategy_id", strategy_id, "is already registered")
        self._factories[strategy_id] = factory

    def get(self, strategy_id: str) -> ScoringStrategy:
        """
        Return a new strategy *strategy_id* with its default configuration.

        Raises:
            UnknownStrategyError: listing the registered ids.
        """
        factory = self._factories.get(strategy_id)
        if factory is None:
            raise UnknownStrategyError(strategy_id, sorted(self._factories))
        return factory()

    def __contains__(self, strategy_id: object) -> bool:
        return strategy_id in self._factories

    def __iter__(self) -> Iterator[str]:
        return iter(sorted(self._factories))

    def __len__(self) -> int:
        return len(self._factories)

    def __repr__(self) -> str:
        return f"<StrategyRegistry({len(self._factories)} strategies: {', '.join(self)})>"

    def load_entry_points(self, group: str = ENTRY_POINT_GROUP) -> None:
        """Register every strategy factory published under *group* by installed packages."""
        for entry_point in importlib.metadata.entry_points(group=group):
            if entry_point.name not in self._factories:
                self.register(entry_point.name, entry_point.load())


REGIME_TIMELINE: Final = (
    ("pp46_2011", date(2014, 1, 1), date(2021, 6, 30)),
    ("pp30_2019", date(2021, 7, 1), date(2021, 12, 31)),
    ("permen6_2022", date(2022, 1, 1), date(9999, 12, 31)),
)
"""Which regime governs which appraisal dates (REGULATIONS.md regime timeline)."""


def suggest_regime(period: Period) -> str:
    """
    Return the id of the regime that governs *period*; a suggestion, never applied.

    Raises:
        UnsupportedInputError: if the period lies before 2014 or spans two regimes
            (2021 was split into January-June and July-December).
    """
    for regime_id, start, end in REGIME_TIMELINE:
        if start <= period.start and period.end <= end:
            return regime_id
    spans = [regime_id for regime_id, start, end in REGIME_TIMELINE
             if period.overlaps(Period.custom(start, end))]  # fmt: skip
    reason = (
        f"spans {' and '.join(spans)}; split it at the change of regime"
        if spans
        else "lies before 2014, when PP 46/2011 appraisal began"
    )
    raise UnsupportedInputError("period", str(period), reason)
