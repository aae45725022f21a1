"""
What PP 46/2011 needs of an appraisal, checked: the kegiatan and the behaviour values.

`check_appraisal` is the one place that decides what the regime refuses.
`penilaian.regimes.pp46_2011.Pp46Regime` scores what it returns, and the batch engine
`penilaian.batch.pp46` reads appraisals through it, so both refuse exactly the same
appraisals with the same problems.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Final

import attrs

from penilaian._base.trace import Gap, Step
from penilaian.exceptions import (
    InvalidValueError,
    MissingValueError,
    Problem,
    ScoringInputError,
    UnsupportedInputError,
)
from penilaian.model.behaviour import PP46_2011_BEHAVIOUR, BehaviourAspect
from penilaian.model.targets import PointTarget, TargetKind, WorkTarget
from penilaian.policy.supervisor import SupervisorRating
from penilaian.regimes.pp46_2011.rules import PP46_2011_ACTIVITY_ASPECTS
from penilaian.regimes.pp46_2011.tables import (
    BEHAVIOUR_ASPECT_RULE,
    BEHAVIOUR_RULE,
)

if TYPE_CHECKING:
    from penilaian.model.appraisal import Appraisal
    from penilaian.typing import RatingAggregator

__all__ = ["Activity", "BehaviourValue", "CheckedAppraisal", "check_appraisal"]

_SLOTS: Final = {row.aspect: slot for slot, row in enumerate(PP46_2011_ACTIVITY_ASPECTS)}
_REQUIRED: Final = tuple(
    slot for slot, row in enumerate(PP46_2011_ACTIVITY_ASPECTS) if row.required
)
_NO_ACTIVITY: Final = "PP 46/2011 needs at least one kegiatan tugas jabatan (a main work target)"


@attrs.frozen
class Activity:
    """
    One kegiatan tugas jabatan (a main work target), with its numbers per aspect.

    Attributes:
        index: Its place in the appraisal's ``targets``.
        target: The work target.
        pairs: Per row of `PP46_2011_ACTIVITY_ASPECTS` (quantity, quality, time,
            cost), the point target and its realisation; `None` for an aspect the
            kegiatan does not have.
    """

    index: int
    target: WorkTarget
    pairs: tuple[tuple[Decimal, Decimal] | None, ...]


@attrs.frozen
class BehaviourValue:
    """
    One behaviour aspect that applies to the post, with its value from the aggregator.

    Attributes:
        aspect: The aspect of `penilaian.PP46_2011_BEHAVIOUR`.
        value: Its value (0-100 when checked), or `None` when the aggregator gave none.
        step: How the aggregator formed it, when a trace was asked for.
    """

    aspect: BehaviourAspect
    value: Fraction | None
    step: Step | None = None


@attrs.frozen
class CheckedAppraisal:
    """
    What `check_appraisal` found: the inputs of the rules, the gaps and the problems.

    Attributes:
        activities: Every kegiatan tugas jabatan, in order.
        behaviour: Every behaviour aspect that applies to the post, in order.
        gaps: Why an aspect has no value (the result will have no grade).
        problems: What the regime refuses, each with its JSON path; the other
            fields are complete only when there are none.
    """

    activities: tuple[Activity, ...]
    behaviour: tuple[BehaviourValue, ...]
    gaps: tuple[Gap, ...]
    problems: tuple[Problem, ...]


def check_appraisal(
    appraisal: Appraisal, aggregator: RatingAggregator | None = None, *, trace: bool = False
) -> CheckedAppraisal:
    """
    Check *appraisal* against PP 46/2011 and read what its rules need.

    Every main work target must be a kegiatan with exactly one quantity, quality and
    time indicator and at most one cost indicator (Perka BKN 1/2013 Lampiran), each
    with a point target, the aspect's direction and a realisation; there must be at
    least one.  The framework must be `penilaian.PP46_2011_BEHAVIOUR`; each aspect
    that applies to the post gets its value from *aggregator*, which must lie in
    0-100, and kepemimpinan rated for a post that is not structural is refused.

    Args:
        appraisal: The appraisal.
        aggregator: Gives each behaviour aspect's value; the supervisor's rating by default.
        trace: Whether the aggregator builds its steps.

    Returns:
        The kegiatan, the behaviour values, the gaps and every problem, in the order
        the regime reports them (work targets first).
    """
    problems: list[Problem] = []
    activities = _activities(appraisal, problems)
    gaps: list[Gap] = []
    aggregator = SupervisorRating() if aggregator is None else aggregator
    behaviour = _behaviour(appraisal, aggregator, trace, gaps, problems)
    return CheckedAppraisal(tuple(activities), tuple(behaviour), tuple(gaps), tuple(problems))


def _problem(problems: list[Problem], path: str, error: InvalidValueError) -> None:
    problems.append(Problem.from_error(path, error))


def _activities(appraisal: Appraisal, problems: list[Problem]) -> list[Activity]:
    activities = [
        Activity(index, target, _pairs(index, target, problems))
        for index, target in enumerate(appraisal.targets)
        if target.kind is TargetKind.MAIN
    ]
    if not activities:
        _problem(problems, "$.targets", MissingValueError("targets", None, _NO_ACTIVITY))
    return activities


def _pairs(
    t_index: int, target: WorkTarget, problems: list[Problem]
) -> tuple[tuple[Decimal, Decimal] | None, ...]:
    pairs: list[tuple[Decimal, Decimal] | None] = [None, None, None, None]
    seen: list[int | None] = [None, None, None, None]
    for i_index, indicator in enumerate(target.indicators):
        slot = _SLOTS[indicator.aspect]
        row = PP46_2011_ACTIVITY_ASPECTS[slot]
        name, rule = row.name, row.rule
        path = f"$.targets[{t_index}].indicators[{i_index}]"
        if seen[slot] is not None:
            reason = (
                f"kegiatan {target.id} already has a {name} indicator "
                f"(indicators[{seen[slot]}]); {rule.id} ({rule.clause}) takes one"
            )
            _problem(problems, f"{path}.aspect", UnsupportedInputError("aspect", name, reason))
            continue
        seen[slot] = i_index
        planned, realisation = indicator.target, indicator.realisation
        usable = True
        if not isinstance(planned, PointTarget):
            reason = f"{rule.id} ({rule.clause}) needs a point target"
            _problem(problems, f"{path}.target", UnsupportedInputError("target", planned, reason))
            usable = False
        if indicator.direction is not row.direction:
            reason = f"{rule.id} ({rule.clause}) needs direction {row.direction.value}"
            turned = UnsupportedInputError("direction", indicator.direction.value, reason)
            _problem(problems, f"{path}.direction", turned)
            usable = False
        if realisation is None:
            reason = f"{rule.id} ({rule.clause}) needs the realisation; missing is not 0"
            unreported = MissingValueError("realisation", None, reason)
            _problem(problems, f"{path}.realisation", unreported)
        elif usable and isinstance(planned, PointTarget) and realisation.value is not None:
            # A point target's realisation always has a value (Indicator checks it).
            pairs[slot] = (planned.value, realisation.value)
    for slot in _REQUIRED:
        if seen[slot] is None:
            row = PP46_2011_ACTIVITY_ASPECTS[slot]
            rule = row.rule
            reason = f"kegiatan {target.id} has no {row.name} indicator; {rule.id} ({rule.clause})"
            absent = MissingValueError("indicators", row.name, f"{reason} needs one")
            _problem(problems, f"$.targets[{t_index}].indicators", absent)
    return tuple(pairs)


def _behaviour(
    appraisal: Appraisal,
    aggregator: RatingAggregator,
    trace: bool,
    gaps: list[Gap],
    problems: list[Problem],
) -> list[BehaviourValue]:
    framework = appraisal.framework
    if framework is not PP46_2011_BEHAVIOUR and framework != PP46_2011_BEHAVIOUR:
        reason = f"{BEHAVIOUR_RULE.clause} rates the {PP46_2011_BEHAVIOUR.id} behaviour aspects"
        error = UnsupportedInputError("framework", framework.id, reason)
        _problem(problems, "$.framework", error)
        return []
    aspects = framework.aspects_for(appraisal.position.kind)
    if len(aspects) < len(framework.aspects):
        _check_unused_ratings(appraisal, aspects, problems)
    values: list[BehaviourValue] = []
    for aspect in aspects:
        try:
            aggregate = aggregator(appraisal, aspect.id, trace=trace)
        except ScoringInputError as error:
            problems.extend(error.problems)
            continue
        value = aggregate.value
        if value is None:
            reason = f"no value for behaviour aspect {aspect.id}"
            gaps.append(aggregate.gap or Gap("$.ratings", reason))
        elif not 0 <= value <= 100:
            rule = BEHAVIOUR_ASPECT_RULE
            reason = f"{rule.id} ({rule.clause}) needs {aspect.id} between 0 and 100"
            off = UnsupportedInputError("score", value, reason)
            _problem(problems, _rating_path(appraisal, aspect.id), off)
        values.append(BehaviourValue(aspect, value, aggregate.step))
    return values


def _check_unused_ratings(
    appraisal: Appraisal, aspects: tuple[BehaviourAspect, ...], problems: list[Problem]
) -> None:
    used = {aspect.id for aspect in aspects}
    unused = {aspect.id for aspect in appraisal.framework.aspects} - used
    kind = appraisal.position.kind
    for index, rating in enumerate(appraisal.ratings):
        if rating.subject in unused:
            reason = (
                f"{BEHAVIOUR_RULE.id} ({BEHAVIOUR_RULE.clause}): {rating.subject} is rated "
                f"only for jabatan struktural, not {kind.value}"
            )
            error = UnsupportedInputError("subject", rating.subject, reason)
            _problem(problems, f"$.ratings[{index}].subject", error)


def _rating_path(appraisal: Appraisal, subject: str) -> str:
    indexes = [index for index, _ in appraisal.ratings_by_subject.get(subject, ())]
    return f"$.ratings[{indexes[0]}].score" if len(indexes) == 1 else "$.ratings"
