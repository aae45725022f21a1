"""
The untraced PP 46/2011 score's inputs, read in one pass when the appraisal is plain.

`read_plain` reads what `penilaian.regimes.pp46_2011._kernel.score_untraced` needs (each
kegiatan's aspect values and their sum, each behaviour aspect's value, all as integer
ratios, never reduced) without building the objects of
`penilaian.regimes.pp46_2011.checks`: no `Activity`, no `BehaviourValue`, no
`fractions.Fraction`.  It answers only the plain
case, where `check_appraisal` would find no problem and no gap: every kegiatan with one
quantity, quality and time indicator and at most one cost indicator, each a point target
with the aspect's direction and a realisation; the PP 46/2011 framework, no kepemimpinan
rating for a post that is not structural; and each behaviour value, from the supervisor's
rating or a `penilaian.WeightingPolicy`, within 0-100.  Anything else returns `None`, and
the regime takes `check_appraisal`, the one source of every problem, gap and message.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Final, TypeAlias

from penilaian.model.behaviour import PP46_2011_BEHAVIOUR
from penilaian.model.targets import PointTarget, TargetKind
from penilaian.policy.supervisor import SupervisorRating
from penilaian.policy.weighting import WeightingPolicy
from penilaian.regimes.pp46_2011.rules import PP46_2011_ACTIVITY_ASPECTS
from penilaian.regimes.pp46_2011.tables import PP46_2011_EFFICIENCY_LIMIT

if TYPE_CHECKING:
    from collections.abc import Sequence
    from decimal import Decimal

    from penilaian._base.numbers import Ratio
    from penilaian._base.trace import Gap
    from penilaian.model.appraisal import Appraisal
    from penilaian.model.organisation import PositionKind
    from penilaian.model.targets import WorkTarget
    from penilaian.regimes.pp46_2011.checks import CheckedAppraisal
    from penilaian.typing import RatingAggregator

__all__ = ["Aspects", "Kegiatan", "Plain", "Values", "from_checked", "read_plain"]

Values: TypeAlias = "list[Ratio | None]"
"""Per row of `PP46_2011_ACTIVITY_ASPECTS`: the aspect's value (`_value`), or `None`."""

Kegiatan: TypeAlias = "tuple[str, Values, int, int, int]"
"""A kegiatan's target id, its aspect values and their sum (numerator, denominator, count)."""

Aspects: TypeAlias = "tuple[tuple[tuple[str, str], ...], Sequence[tuple[int, int, str] | None]]"
"""
The behaviour aspects: each one's figure key and ``.whole`` key, and each one's value.

A value is ``(numerator, denominator, scale_id)``, as `SupervisorRating.ratios` gives it
(the scale id is not read; `from_checked` leaves it empty), or `None`: a gap.
"""

Plain: TypeAlias = "tuple[list[Kegiatan], Aspects, tuple[Gap, ...]]"
"""The kegiatan (target id and pairs), the behaviour aspects and the gaps, in order."""

_BY_EFFICIENCY: Final = tuple(
    row.above_limit_rule is not None for row in PP46_2011_ACTIVITY_ASPECTS
)
"""Whether each row scores by its efficiency (time, cost) rather than by ``R / T x 100``."""
_ROWS: Final = {
    row.aspect: (row.direction, slot, _BY_EFFICIENCY[slot])
    for slot, row in enumerate(PP46_2011_ACTIVITY_ASPECTS)
}
"""Each aspect of `PP46_2011_ACTIVITY_ASPECTS`: its direction, row (slot), `_BY_EFFICIENCY`."""
_REQUIRED: Final = tuple(
    slot for slot, row in enumerate(PP46_2011_ACTIVITY_ASPECTS) if row.required
)
if _REQUIRED != (0, 1, 2) or len(PP46_2011_ACTIVITY_ASPECTS) != 4:  # pragma: no cover - data
    raise RuntimeError("_activities reads rows 0-2 as required, of four")
_MAIN: Final = TargetKind.MAIN
_LIMIT_N, _LIMIT_D = PP46_2011_EFFICIENCY_LIMIT.as_integer_ratio()
_ON_TIME_N: Final = 100 * _LIMIT_D - _LIMIT_N
"""``R / T x 100 >= _ON_TIME_N / _LIMIT_D``: an efficiency within the limit (76 of 100)."""
_HUNDRED: Final = 100


def read_plain(appraisal: Appraisal, aggregator: RatingAggregator) -> Plain | None:
    """
    Return the kernel's inputs of a plain *appraisal*, or `None` for `check_appraisal`.

    `None` whenever `check_appraisal` could find a problem or a gap, or *aggregator*
    is neither `SupervisorRating` nor a `WeightingPolicy`.
    """
    activities = _activities(appraisal.targets)
    if not activities:  # None, or no kegiatan
        return None
    behaviour = _behaviour(appraisal, aggregator)
    if behaviour is None:
        return None
    return activities, behaviour, ()


def from_checked(checked: CheckedAppraisal) -> Plain:
    """Return what `check_appraisal` read (with no problem) in the kernel's form."""
    activities: list[Kegiatan] = []
    for item in checked.activities:
        values: Values = [
            None if pair is None else _value(slot, *pair) for slot, pair in enumerate(item.pairs)
        ]
        sum_n, sum_d, count = 0, 1, 0
        for value in values:
            if value is not None:
                sum_n, sum_d = sum_n * value[1] + value[0] * sum_d, sum_d * value[1]
                count += 1
        activities.append((item.target.id, values, sum_n, sum_d, count))
    keys = tuple(_keys(aspect.aspect.id) for aspect in checked.behaviour)
    ratios: list[tuple[int, int, str] | None] = [
        None if (found := aspect.value) is None else (found.numerator, found.denominator, "")
        for aspect in checked.behaviour
    ]
    return activities, (keys, ratios), checked.gaps


def _value(slot: int, planned: Decimal, realised: Decimal) -> Ratio:
    """
    The value of the aspect of row *slot* (`quantity_value` ... `cost_value` of the rules).

    ``R / T x 100`` (T above 0: a point target is); for time and cost, with an efficiency
    (100 - R / T x 100) within the limit, 76 + efficiency = 176 - R / T x 100, and above
    it 76 - (76 + efficiency - 100), which is R / T x 100 again.  `_activities` computes
    the same in line.
    """
    tn, td = planned.as_integer_ratio()
    rn, rd = realised.as_integer_ratio()
    numerator, denominator = rn * td * 100, rd * tn
    if _BY_EFFICIENCY[slot] and numerator * _LIMIT_D >= _ON_TIME_N * denominator:
        numerator = 176 * denominator - numerator
    return numerator, denominator


def _activities(targets: tuple[WorkTarget, ...]) -> list[Kegiatan] | None:
    """
    Each kegiatan's values in the common case; `None` for anything the checks' `_pairs` report.

    One call and one loop for all the work targets (not one call per kegiatan): this
    runs for every indicator of every appraisal.
    """
    activities: list[Kegiatan] = []
    rows = _ROWS.get
    for target in targets:
        if target.kind is not _MAIN:
            continue
        values: Values = [None, None, None, None]
        sum_n, sum_d = 0, 1  # of the aspect values, in the indicators' order
        indicators = target.indicators
        for indicator in indicators:
            row = rows(indicator.aspect)
            if row is None:
                return None
            direction, slot, by_efficiency = row
            planned, realisation = indicator.target, indicator.realisation
            if (
                values[slot] is not None
                or type(planned) is not PointTarget
                or indicator.direction is not direction
                or realisation is None
                or realisation.value is None
            ):
                return None
            # As `_value`, in line.
            tn, td = planned.value.as_integer_ratio()
            rn, rd = realisation.value.as_integer_ratio()
            numerator, denominator = rn * td * 100, rd * tn
            if by_efficiency and numerator * _LIMIT_D >= _ON_TIME_N * denominator:
                numerator = 176 * denominator - numerator
            values[slot] = numerator, denominator
            sum_n, sum_d = sum_n * denominator + numerator * sum_d, sum_d * denominator
        if values[0] is None or values[1] is None or values[2] is None:  # the rows _REQUIRED
            return None
        # Each indicator filled its own row (a second one of a row returned None above).
        activities.append((target.id, values, sum_n, sum_d, len(indicators)))
    return activities


@functools.cache
def _keys(aspect_id: str) -> tuple[str, str]:
    """An aspect's figure key and its ``.whole`` key."""
    key = f"behaviour[{aspect_id}]"
    return key, f"{key}.whole"


@functools.cache
def _aspects(
    kind: PositionKind,
) -> tuple[tuple[str, ...], tuple[tuple[str, str], ...], frozenset[str]]:
    """The ids and keys of the aspects of `PP46_2011_BEHAVIOUR` for a *kind* of post; the others."""
    aspects = PP46_2011_BEHAVIOUR.aspects_for(kind)
    ids = tuple(aspect.id for aspect in aspects)
    unused = frozenset(aspect.id for aspect in PP46_2011_BEHAVIOUR.aspects) - set(ids)
    return ids, tuple(_keys(aspect_id) for aspect_id in ids), unused


def _behaviour(appraisal: Appraisal, aggregator: RatingAggregator) -> Aspects | None:
    """Each aspect's value as a ratio within 0-100; `None` for anything else."""
    framework = appraisal.framework
    if framework is not PP46_2011_BEHAVIOUR and framework != PP46_2011_BEHAVIOUR:
        return None
    kind = type(aggregator)
    if kind is not SupervisorRating and kind is not WeightingPolicy:
        return None  # a subclass may aggregate otherwise: only these two give ratios
    ids, aspects, unused = _aspects(appraisal.position.kind)
    # Every aspect's value from one scan of the ratings.
    values = aggregator.ratios(appraisal, ids)  # type: ignore[attr-defined]
    if values is None:
        return None
    ratings = appraisal.ratings
    # With a value for every aspect, the supervisor gave one rating of each (`ratios`): when
    # that is every rating, none is of an aspect that does not apply, and none is scanned.
    if unused and (kind is not SupervisorRating or len(ratings) != len(ids)):
        for rating in ratings:
            if rating.subject in unused:
                return None  # kepemimpinan rated for a post that is not structural: refused
    for numerator, denominator, _ in values:
        # 0 <= n / d <= 100, in integers (d > 0).
        if numerator < 0 or numerator > _HUNDRED * denominator:
            return None
    return aspects, values
