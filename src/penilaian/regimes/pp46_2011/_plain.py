"""
The untraced PP 46/2011 score's inputs, read in one pass when the appraisal is plain.

`read_plain` reads what `penilaian.regimes.pp46_2011._kernel.score_untraced` needs (the
kegiatan's point targets and realisations, each behaviour aspect's value as an integer
ratio) without building the objects of `penilaian.regimes.pp46_2011.checks`: no
`Activity`, no `BehaviourValue`, no `fractions.Fraction`.  It answers only the plain
case, where `check_appraisal` would find no problem and no gap: every kegiatan with one
quantity, quality and time indicator and at most one cost indicator, each a point target
with the aspect's direction and a realisation; the PP 46/2011 framework, no kepemimpinan
rating for a post that is not structural; and each behaviour value, from the supervisor's
rating or a `penilaian.WeightingPolicy`, within 0-100.  Anything else returns `None`, and
the regime takes `check_appraisal`, the one source of every problem, gap and message.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Final, TypeAlias, cast

from penilaian.model.behaviour import PP46_2011_BEHAVIOUR
from penilaian.model.targets import PointTarget, TargetKind
from penilaian.policy.supervisor import SupervisorRating
from penilaian.policy.weighting import WeightingPolicy
from penilaian.regimes.pp46_2011.rules import PP46_2011_ACTIVITY_ASPECTS

if TYPE_CHECKING:
    from decimal import Decimal

    from penilaian._base.numbers import Ratio
    from penilaian._base.trace import Gap
    from penilaian.model.appraisal import Appraisal
    from penilaian.model.organisation import PositionKind
    from penilaian.model.targets import WorkTarget
    from penilaian.regimes.pp46_2011.checks import CheckedAppraisal
    from penilaian.typing import RatingAggregator

__all__ = ["Aspect", "Pairs", "Plain", "from_checked", "read_plain"]

Pairs: TypeAlias = "tuple[tuple[Decimal, Decimal] | None, ...]"
"""Per row of `PP46_2011_ACTIVITY_ASPECTS`: the point target and its realisation, or `None`."""

Aspect: TypeAlias = "tuple[str, str, Ratio | None]"
"""A behaviour aspect's figure key, its ``.whole`` key and its value (`None`: a gap)."""

Plain: TypeAlias = "tuple[list[tuple[str, Pairs]], list[Aspect], tuple[Gap, ...]]"
"""The kegiatan (target id and pairs), the behaviour aspects and the gaps, in order."""

_ROWS: Final = {
    row.aspect: (row.direction, slot) for slot, row in enumerate(PP46_2011_ACTIVITY_ASPECTS)
}
"""Each aspect of `PP46_2011_ACTIVITY_ASPECTS` with its direction and its row (slot)."""
_REQUIRED: Final = tuple(
    slot for slot, row in enumerate(PP46_2011_ACTIVITY_ASPECTS) if row.required
)
_MAIN: Final = TargetKind.MAIN
_HUNDRED: Final = 100


def read_plain(appraisal: Appraisal, aggregator: RatingAggregator) -> Plain | None:
    """
    Return the kernel's inputs of a plain *appraisal*, or `None` for `check_appraisal`.

    `None` whenever `check_appraisal` could find a problem or a gap, or *aggregator*
    is neither `SupervisorRating` nor a `WeightingPolicy`.
    """
    activities: list[tuple[str, Pairs]] = []
    for target in appraisal.targets:
        if target.kind is _MAIN:
            pairs = _pairs(target)
            if pairs is None:
                return None
            activities.append((target.id, pairs))
    if not activities:
        return None
    behaviour = _behaviour(appraisal, aggregator)
    if behaviour is None:
        return None
    return activities, behaviour, ()


def from_checked(checked: CheckedAppraisal) -> Plain:
    """Return what `check_appraisal` read (with no problem) in the kernel's form."""
    activities = [(item.target.id, item.pairs) for item in checked.activities]
    behaviour: list[Aspect] = []
    for item in checked.behaviour:
        value = item.value
        key = _keys(item.aspect.id)
        behaviour.append((*key, None if value is None else (value.numerator, value.denominator)))
    return activities, behaviour, checked.gaps


def _pairs(target: WorkTarget) -> Pairs | None:
    """A kegiatan's pairs in the common case; `None` for anything `_pairs` of the checks reports."""
    pairs: list[tuple[Decimal, Decimal] | None] = [None, None, None, None]
    for indicator in target.indicators:
        row = _ROWS.get(indicator.aspect)
        if row is None:
            return None
        direction, slot = row
        planned, realisation = indicator.target, indicator.realisation
        if (
            pairs[slot] is not None
            or type(planned) is not PointTarget
            or indicator.direction is not direction
            or realisation is None
            or realisation.value is None
        ):
            return None
        pairs[slot] = (planned.value, realisation.value)
    for slot in _REQUIRED:
        if pairs[slot] is None:
            return None
    return tuple(pairs)


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


def _behaviour(appraisal: Appraisal, aggregator: RatingAggregator) -> list[Aspect] | None:
    """Each aspect's value as a ratio within 0-100; `None` for anything else."""
    framework = appraisal.framework
    if framework is not PP46_2011_BEHAVIOUR and framework != PP46_2011_BEHAVIOUR:
        return None
    kind = type(aggregator)
    if kind is not SupervisorRating and kind is not WeightingPolicy:
        return None  # a subclass may aggregate otherwise: only these two give ratios
    ids, aspects, unused = _aspects(appraisal.position.kind)
    if unused:
        for rating in appraisal.ratings:
            if rating.subject in unused:
                return None  # kepemimpinan rated for a post that is not structural: refused
    # Every aspect's value from one scan of the ratings.
    values = cast("SupervisorRating | WeightingPolicy", aggregator).ratios(appraisal, ids)
    if values is None:
        return None
    found: list[Aspect] = []
    for (key, whole), (numerator, denominator, _) in zip(aspects, values, strict=True):
        # 0 <= n / d <= 100, in integers (d > 0).
        if numerator < 0 or numerator > _HUNDRED * denominator:
            return None
        found.append((key, whole, (numerator, denominator)))
    return found
