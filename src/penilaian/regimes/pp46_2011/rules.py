"""
The formulas of PP 46/2011 with Perka BKN 1/2013, as plain functions.

Each formula is a function on exact numbers (`Fraction`, `Decimal` or `int`) that
names its clause; the tables it reads (the sebutan, the tugas tambahan and
kreativitas points) and each `Rule` a trace step cites are data, in
`penilaian.regimes.pp46_2011.tables`.  `PP46_2011_ACTIVITY_ASPECTS` binds each
aspect of a kegiatan to its formula.  `penilaian.regimes.pp46_2011.Pp46Regime`
scores by composing these functions, and the batch engine `penilaian.batch.pp46`
reads the same tables, so each rule is written once.

>>> from fractions import Fraction
>>> time_value(12, Fraction("9.12"))  # efficiency exactly 24 %: the full 100
Fraction(100, 1)
>>> category(Fraction(9040, 100), "round_to_integer")
<Grade.GOOD: 'good'>
"""

from __future__ import annotations

from decimal import Decimal  # noqa: TC003 - the doctests use it
from fractions import Fraction
from typing import TYPE_CHECKING, Final, Literal, TypeAlias

from penilaian._base.rounding import Rounding
from penilaian.model.targets import Aspect, Direction
from penilaian.policy.weights import PP46_2011_COMPONENTS
from penilaian.regimes.pp46_2011.tables import (
    COST_ABOVE_24_RULE,
    COST_RULE,
    PP46_2011_ADDITIONAL_TASK_POINTS,
    PP46_2011_CATEGORIES,
    PP46_2011_CREATIVITY_POINTS,
    PP46_2011_EFFICIENCY_LIMIT,
    QUALITY_RULE,
    QUANTITY_RULE,
    TIME_ABOVE_24_RULE,
    TIME_RULE,
    ActivityAspect,
)

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from penilaian.model.appraisal import InnovationScope
    from penilaian.model.grades import Grade
    from penilaian.policy.weights import Weights

__all__ = [
    "PP46_2011_ACTIVITY_ASPECTS",
    "BandConvention",
    "CreativityPolicy",
    "activities_value",
    "activity_value",
    "additional_task_points",
    "behaviour_value",
    "category",
    "cost_value",
    "creativity_points",
    "efficiency",
    "exceeds_efficiency_limit",
    "final_value",
    "quality_value",
    "quantity_value",
    "skp_value",
    "time_cost_value",
    "time_value",
    "whole_value",
]

BandConvention: TypeAlias = Literal["upper_inclusive", "round_to_integer"]
"""How the category table is read between its whole-number rows (see `category`)."""

CreativityPolicy: TypeAlias = Literal["highest", "sum"]
"""Which innovations' points count (see `creativity_points`): the highest one's, or their sum."""

_WHOLE: Final = Rounding(0, "half_up")
_ZERO: Final = Fraction(0)


def _exact(value: Decimal | Fraction | int) -> Fraction:
    # Fraction(a_fraction) would build a copy through the numbers ABCs; the hot path skips it.
    return value if type(value) is Fraction else Fraction(value)


# -- the formulas ----------------------------------------------------------------------


def efficiency(target: Decimal | Fraction | int, realised: Decimal | Fraction | int) -> Fraction:
    """
    Return the efficiency of a time or cost realisation, in percent: ``100 - R / T x 100``.

    Perka BKN 1/2013 Lampiran, waktu and biaya: time and cost score by `time_value`
    and `cost_value` while this is at most `PP46_2011_EFFICIENCY_LIMIT`.

    >>> efficiency(12, 9)
    Fraction(25, 1)
    """
    return 100 - Fraction(realised) / Fraction(target) * 100


def exceeds_efficiency_limit(value: Fraction) -> bool:
    """
    Tell whether an `efficiency` is above `PP46_2011_EFFICIENCY_LIMIT` (24 %), exactly.

    Perka BKN 1/2013 Lampiran: above it the target is taken as unrealistic, and time
    and cost score by the second formula (rules `TIME_ABOVE_24_RULE`, `COST_ABOVE_24_RULE`).
    """
    return value > PP46_2011_EFFICIENCY_LIMIT


def quantity_value(
    target: Decimal | Fraction | int, realised: Decimal | Fraction | int
) -> Fraction:
    """
    Return the kuantitas value: ``RO / TO x 100`` (rule `QUANTITY_RULE`), not capped.

    Perka BKN 1/2013 Lampiran, Penilaian SKP: kuantitas.

    >>> quantity_value(3, 2)
    Fraction(200, 3)
    """
    return Fraction(realised) / Fraction(target) * 100


def quality_value(target: Decimal | Fraction | int, realised: Decimal | Fraction | int) -> Fraction:
    """
    Return the kualitas value: ``RK / TK x 100`` (rule `QUALITY_RULE`), not capped.

    Perka BKN 1/2013 Lampiran, Penilaian SKP: kualitas.
    """
    return Fraction(realised) / Fraction(target) * 100


def time_cost_value(efficiency: Fraction) -> Fraction:
    """
    Return the waktu or biaya value of a realisation with *efficiency* (see `efficiency`).

    Perka BKN 1/2013 Lampiran, Penilaian SKP: ``((1.76 T - R) / T) x 100``, which is
    ``76 + efficiency``, while the efficiency is at most 24 % (rules `TIME_RULE`,
    `COST_RULE`: 76 on target, 100 at exactly 24 %), and ``76 - (that - 100)``
    above it (rules `TIME_ABOVE_24_RULE`, `COST_ABOVE_24_RULE`).

    >>> time_cost_value(Fraction(24)), time_cost_value(Fraction(25))
    (Fraction(100, 1), Fraction(75, 1))
    """
    # ((1.76 x T - R) / T) x 100 = 176 - R / T x 100 = 76 + (100 - R / T x 100), exactly.
    value = 76 + efficiency
    if exceeds_efficiency_limit(efficiency):
        return 76 - (value - 100)
    return value


def time_value(target: Decimal | Fraction | int, realised: Decimal | Fraction | int) -> Fraction:
    """
    Return the waktu value of a time target *target* (TW) realised in *realised* (RW).

    Perka BKN 1/2013 Lampiran, Penilaian SKP, waktu: ``((1.76 TW - RW) / TW) x 100``
    while the `efficiency` is at most 24 % (rule `TIME_RULE`; 76 on time, 100 at
    exactly 24 %), and ``76 - (that - 100)`` above it (rule `TIME_ABOVE_24_RULE`);
    see `time_cost_value`.

    >>> time_value(12, 12), time_value(12, 0)
    (Fraction(76, 1), Fraction(0, 1))
    """
    return time_cost_value(efficiency(target, realised))


def cost_value(target: Decimal | Fraction | int, realised: Decimal | Fraction | int) -> Fraction:
    """
    Return the biaya value of a cost target *target* (TB) realised in *realised* (RB).

    Perka BKN 1/2013 Lampiran, Penilaian SKP, biaya: the two branches of `time_value`
    with TB and RB (rules `COST_RULE` and `COST_ABOVE_24_RULE`).

    >>> cost_value(1000, 900)
    Fraction(86, 1)
    """
    return time_cost_value(efficiency(target, realised))


def activity_value(values: Sequence[Fraction]) -> Fraction:
    """
    Return the nilai capaian kegiatan: the sum of its aspect values over their count (3 or 4).

    Perka BKN 1/2013 Lampiran, Penilaian SKP (rule `ACTIVITY_RULE`); exact, rounded by the regime.

    >>> activity_value([Fraction(100), Fraction(90), Fraction(76)])
    Fraction(266, 3)
    """
    return sum(values, _ZERO) / len(values)


def activities_value(values: Sequence[Decimal | Fraction]) -> Fraction:
    """
    Return the mean of the (rounded) kegiatan tugas jabatan values.

    Perka BKN 1/2013 Lampiran, nilai capaian SKP (rule `ACTIVITIES_RULE`).
    """
    return sum(map(_exact, values), _ZERO) / len(values)


def additional_task_points(count: int) -> int:
    """
    Return the tugas tambahan points for *count* tasks: 0, 1 (1-3), 2 (4-6) or 3 (7 or more).

    Perka BKN 1/2013, tugas tambahan (rule `ADDITIONAL_TASKS_RULE`, table
    `PP46_2011_ADDITIONAL_TASK_POINTS`).
    """
    return PP46_2011_ADDITIONAL_TASK_POINTS.classify(count)


def creativity_points(
    scopes: Iterable[InnovationScope], policy: CreativityPolicy = "highest"
) -> int:
    """
    Return the kreativitas points of innovations useful to *scopes*: 3, 6 or 12 each.

    Perka BKN 1/2013, kreativitas (rule `CREATIVITY_RULE`, table
    `PP46_2011_CREATIVITY_POINTS`).  With several innovations, *policy* counts the
    ``"highest"`` points (convention [LOW]) or their ``"sum"``; none gives 0.
    """
    points = [PP46_2011_CREATIVITY_POINTS[scope] for scope in scopes]
    return sum(points) if policy == "sum" else max(points, default=0)


def skp_value(activities: Decimal | Fraction, additional_tasks: int, creativity: int) -> Fraction:
    """
    Return the nilai capaian SKP: mean kegiatan value + tugas tambahan + kreativitas.

    Perka BKN 1/2013 Lampiran, nilai capaian SKP (rule `SKP_RULE`).
    """
    return _exact(activities) + additional_tasks + creativity


def behaviour_value(values: Sequence[Decimal | Fraction]) -> Fraction:
    """
    Return the nilai perilaku kerja: the mean of the aspect values (6 aspects, or 5).

    PP 46/2011 (about Pasal 12; rule `BEHAVIOUR_RULE`): kepemimpinan is rated for a
    jabatan struktural only.
    """
    return sum(map(_exact, values), _ZERO) / len(values)


def final_value(
    skp: Decimal | Fraction, behaviour: Decimal | Fraction, weights: Weights = PP46_2011_COMPONENTS
) -> Fraction:
    """
    Return the nilai prestasi kerja: ``work x SKP + behaviour x perilaku`` of *weights*.

    PP 46/2011: unsur SKP 60 % and perilaku kerja 40 % (rule `FINAL_RULE`), the
    default *weights* (`penilaian.policy.PP46_2011_COMPONENTS`).

    >>> final_value(Fraction(9180, 100), 82)
    Fraction(2197, 25)
    """
    return weights["work"] * _exact(skp) + weights["behaviour"] * _exact(behaviour)


def whole_value(value: Decimal | Fraction | int) -> Decimal:
    """
    Return *value* rounded to a whole number, halves up (rule `WHOLE_NUMBER_RULE`).

    Convention [LOW]: the category table is written for whole numbers, so under
    ``band_convention="round_to_integer"`` the category is read from this.
    """
    return _WHOLE.apply(value)


def category(
    value: Decimal | Fraction | int, band_convention: BandConvention = "upper_inclusive"
) -> Grade:
    """
    Return the sebutan of a nilai capaian SKP, perilaku or prestasi kerja.

    PP 46/2011; Perka BKN 1/2013 (rule `CATEGORY_RULE`, table `PP46_2011_CATEGORIES`).
    Under ``"upper_inclusive"`` the table's upper bounds are inclusive (90.01 is
    Sangat Baik); under ``"round_to_integer"`` *value* is read as its `whole_value`.

    >>> category(Decimal("90.4")), category(Decimal("90.4"), "round_to_integer")
    (<Grade.VERY_GOOD: 'very_good'>, <Grade.GOOD: 'good'>)
    """
    if band_convention == "round_to_integer":
        value = whole_value(value)
    return PP46_2011_CATEGORIES.classify(value)


PP46_2011_ACTIVITY_ASPECTS: Final[tuple[ActivityAspect, ...]] = (
    ActivityAspect(
        aspect=Aspect.QUANTITY,
        rule=QUANTITY_RULE,
        above_limit_rule=None,
        direction=Direction.HIGHER_IS_BETTER,
        target_symbol="TO",
        realised_symbol="RO",
        required=True,
        formula=quantity_value,
    ),
    ActivityAspect(
        aspect=Aspect.QUALITY,
        rule=QUALITY_RULE,
        above_limit_rule=None,
        direction=Direction.HIGHER_IS_BETTER,
        target_symbol="TK",
        realised_symbol="RK",
        required=True,
        formula=quality_value,
    ),
    ActivityAspect(
        aspect=Aspect.TIME,
        rule=TIME_RULE,
        above_limit_rule=TIME_ABOVE_24_RULE,
        direction=Direction.LOWER_IS_BETTER,
        target_symbol="TW",
        realised_symbol="RW",
        required=True,
        formula=time_value,
    ),
    ActivityAspect(
        aspect=Aspect.COST,
        rule=COST_RULE,
        above_limit_rule=COST_ABOVE_24_RULE,
        direction=Direction.LOWER_IS_BETTER,
        target_symbol="TB",
        realised_symbol="RB",
        required=False,
        formula=cost_value,
    ),
)
"""
The aspects of a kegiatan tugas jabatan, in the order the regime reads them.

Perka BKN 1/2013 Lampiran, Penilaian SKP: kuantitas, kualitas and waktu are
required, biaya is scored when the kegiatan has a cost target.  The first aspect's
realisation (the output) decides the zero-output convention (`ZERO_OUTPUT_RULE`).
"""
