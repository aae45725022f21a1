"""
The behaviour part of one scoring under PP 30/2019: perilaku kerja, rounded and traced.

Private to `penilaian.regimes.pp30_2019`: `score_behaviour` takes each aspect's value from
the regime's aggregator, checks it lies from 0 to `PP30_2019_CAP` (`checked_aspects`,
which the integer kernel shares), rounds it and takes the mean by
`rules.behaviour_value`, recording gaps and problems on the run.
"""

from __future__ import annotations

import functools
from fractions import Fraction
from typing import TYPE_CHECKING, Protocol, TypeAlias

from penilaian._base.trace import Step, show
from penilaian.exceptions import UnsupportedInputError
from penilaian.model.behaviour import PP30_2019_BEHAVIOUR
from penilaian.policy.supervisor import SupervisorRating
from penilaian.policy.weighting import WeightingPolicy
from penilaian.regimes.pp30_2019 import rules
from penilaian.regimes.pp30_2019.tables import (
    _AGGREGATED_RULE,
    _BEHAVIOUR_RULE,
    PP30_2019_CAP,
)

if TYPE_CHECKING:
    from decimal import Decimal

    from penilaian._base.trace import Gap
    from penilaian.exceptions import InvalidValueError, Problem
    from penilaian.model.appraisal import Appraisal
    from penilaian.model.organisation import PositionKind
    from penilaian.typing import RatingAggregator

__all__ = [
    "BehaviourChecks",
    "BehaviourRun",
    "Plain",
    "checked_aspects",
    "plain_aspects",
    "score_behaviour",
]

_CAP_N, _CAP_D = PP30_2019_CAP.numerator, PP30_2019_CAP.denominator

Plain: TypeAlias = "tuple[tuple[str, ...], list[tuple[int, int, str]]]"
"""
The aspects' figure keys, and their values in the same order: each a numerator, a
denominator (above 0) and the id of its scale.
"""

_Steps: TypeAlias = "tuple[Step, ...]"
"""The step of a value when tracing; empty otherwise."""


class _Aggregating(Protocol):
    @property
    def aggregator(self) -> RatingAggregator: ...


class BehaviourChecks(Protocol):
    """What the behaviour checks read and record of a scoring: a `Pp30Run`, or the kernel's."""

    @property
    def appraisal(self) -> Appraisal: ...
    @property
    def trace(self) -> bool: ...
    @property
    def gaps(self) -> list[Gap]: ...
    @property
    def problems(self) -> list[Problem]: ...
    @property
    def regime(self) -> _Aggregating: ...
    def problem(self, path: str, error: InvalidValueError) -> None: ...
    def gap(self, path: str, reason: str) -> None: ...


class BehaviourRun(BehaviourChecks, Protocol):
    """What the behaviour part reads and records of a run: the fields of `Pp30Run` (see there)."""

    def rounded(self, key: str, value: Fraction) -> Decimal: ...
    def round_step(self, result: Decimal, step: Step, subject: str | None = None) -> Step: ...


def checked_aspects(run: BehaviourChecks) -> list[tuple[str, Fraction, Step | None]] | None:
    """
    Return each aspect that applies, its value and its step, in order, when the value is in range.

    The checks of the behaviour part, shared by `Pp30Run` and the integer kernel: the
    framework must be `PP30_2019_BEHAVIOUR` (else a problem, and `None`); an aspect
    without a value is a gap (never 0); a value outside 0 to `PP30_2019_CAP` is a problem.
    """
    appraisal = run.appraisal
    framework = appraisal.framework
    if framework is not PP30_2019_BEHAVIOUR and framework != PP30_2019_BEHAVIOUR:
        reason = f"pp30_2019 appraises the aspects of framework {PP30_2019_BEHAVIOUR.id}"
        run.problem("$.framework", UnsupportedInputError("framework", framework.id, reason))
        return None
    found: list[tuple[str, Fraction, Step | None]] = []
    aggregator = run.regime.aggregator
    for aspect in framework.aspects_for(appraisal.position.kind):
        aggregate = aggregator(appraisal, aspect.id, trace=run.trace)
        value = aggregate.value
        if value is None:
            if aggregate.gap is None:
                run.gap("$.ratings", f"no value for {aspect.id}")
            else:
                run.gaps.append(aggregate.gap)
            continue
        # 0 <= n/d <= cap, in integers (d > 0).
        if value.numerator < 0 or value.numerator * _CAP_D > _CAP_N * value.denominator:
            _off_range(run, aspect.id, value)
            continue
        found.append((aspect.id, value, aggregate.step))
    return found


def plain_aspects(appraisal: Appraisal, aggregator: RatingAggregator) -> Plain | None:
    """
    Return each aspect's figure key, and each one's value, in order, when all are plain.

    The untraced fast path of `checked_aspects`: it reads every aspect from one scan of
    the ratings (the aggregator's ``ratios``: a numerator, a denominator above 0 and a
    scale id each), builds no `penilaian.policy.Aggregate` and records nothing.  It
    answers only when *aggregator* is `SupervisorRating` or a `penilaian.WeightingPolicy`,
    the framework is `PP30_2019_BEHAVIOUR` and every aspect has a value from 0 to
    `PP30_2019_CAP`; otherwise `None`, and `checked_aspects`, the one source of every
    gap and problem, takes over.
    """
    # A subclass may aggregate otherwise: only these two give ratios.
    if type(aggregator) is not SupervisorRating and type(aggregator) is not WeightingPolicy:
        return None
    framework = appraisal.framework
    if framework is not PP30_2019_BEHAVIOUR and framework != PP30_2019_BEHAVIOUR:
        return None
    ids, keys = _aspects(appraisal.position.kind)
    values = aggregator.ratios(appraisal, ids)  # every aspect from one scan of the ratings
    if not values:  # None, or no aspect
        return None
    for numerator, denominator, _ in values:
        # 0 <= n/d <= cap, in integers (d > 0).
        if numerator < 0 or numerator * _CAP_D > _CAP_N * denominator:
            return None
    return keys, values


@functools.cache
def _aspects(kind: PositionKind) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The ids and figure keys of the aspects of `PP30_2019_BEHAVIOUR` a *kind* of post has."""
    ids = tuple(aspect.id for aspect in PP30_2019_BEHAVIOUR.aspects_for(kind))
    return ids, tuple(f"behaviour[{aspect_id}]" for aspect_id in ids)


def score_behaviour(run: BehaviourRun) -> tuple[Fraction | None, _Steps]:
    """Return the rounded perilaku value and its steps; `None` with gaps or problems."""
    found = checked_aspects(run)
    if found is None:
        return None, ()
    values: list[Decimal] = []
    steps: list[Step] = []
    for aspect_id, value, given in found:
        result = run.rounded(f"behaviour[{aspect_id}]", value)
        values.append(result)
        if run.trace:
            step = given or Step.of(_AGGREGATED_RULE, value, subject=aspect_id)
            steps.append(run.round_step(result, step, aspect_id))
    if run.gaps or run.problems:
        return None, tuple(steps)
    mean = rules.behaviour_value(values)
    result = run.rounded("behaviour", mean)
    if not run.trace:
        return Fraction(result), ()
    step = Step.of(_BEHAVIOUR_RULE, mean, children=steps, aspects=len(values))
    return Fraction(result), (run.round_step(result, step),)


def _off_range(run: BehaviourChecks, aspect: str, value: Fraction) -> None:
    """Record a behaviour value outside 0-120, at its rating when there is one."""
    ratings = run.appraisal.ratings
    indexes = [index for index, rating in enumerate(ratings) if rating.subject == aspect]
    path = f"$.ratings[{indexes[0]}].score" if len(indexes) == 1 else "$.ratings"
    reason = f"the value of {aspect} must lie from 0 to 120 under pp30_2019"
    run.problem(path, UnsupportedInputError("score", show(value), reason))
