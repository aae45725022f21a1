"""
The formulas of PP 46/2011 with Perka BKN 1/2013, as plain functions.

Each formula takes plain exact numbers (`Fraction`, `Decimal`, `int`, or text such as
``"9.12"`` or ``"1/3"``), names its clause, and refuses bad input with a typed error
naming the argument (`penilaian.exceptions.InvalidNumberError` for a target of 0, say).
The tables it reads and each `Rule` a trace step cites are data, in
`penilaian.regimes.pp46_2011.tables`.  `PP46_2011_ACTIVITY_ASPECTS` binds each
aspect of a kegiatan to its formula.  The traced run of
`penilaian.regimes.pp46_2011.Pp46Regime` composes these functions; its integer
kernel and the batch engine `penilaian.batch.pp46` compute the same formulas from the
same tables, and tests hold each equal to these functions.

>>> time_value(12, "9.12")  # efficiency exactly 24 %: the full 100
Fraction(100, 1)
>>> category("90.40", "round_to_integer")
<Grade.GOOD: 'good'>
"""

from __future__ import annotations

from decimal import Decimal  # noqa: TC003 - the doctests use it
from fractions import Fraction
from typing import TYPE_CHECKING, Final, Literal, TypeAlias

from penilaian._base.checks import as_tuple
from penilaian._base.rounding import Rounding
from penilaian.exceptions import InvalidValueError
from penilaian.model.appraisal import InnovationScope
from penilaian.model.targets import Aspect, Direction
from penilaian.policy.weights import PP46_2011_COMPONENTS, Weights
from penilaian.regimes.pp46_2011._inputs import (
    HUNDRED,
    choice,
    number,
    numbers,
    positive,
    rated,
    whole,
)
from penilaian.regimes.pp46_2011.tables import (
    ACTIVITY_RULE,
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

    from penilaian.model.grades import Grade

__all__ = [
    "PP46_2011_ACTIVITY_ASPECTS",
    "BandConvention",
    "CreativityPolicy",
    "RoundingPoints",
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

RoundingPoints: TypeAlias = Literal["as_bkn_forms", "outputs_only"]
"""
Where `Pp46Regime` rounds.  ``"as_bkn_forms"``: the kegiatan values, the SKP, the
behaviour and the final value are rounded and later steps use the rounded values, as
the BKN forms do.  ``"outputs_only"``: the same figures are shown rounded, but every
later step combines the unrounded values (PP 46/2011 fixes no rounding point).
"""

_WHOLE: Final = Rounding(0, "half_up")
_ZERO: Final = Fraction(0)
_ACTIVITY_ASPECTS: Final = (3, 4)
_BAND_CONVENTIONS: Final = ("upper_inclusive", "round_to_integer")
_CREATIVITY_POLICIES: Final = ("highest", "sum")


# -- the formulas ----------------------------------------------------------------------


def _ratio(
    target: Decimal | Fraction | int | str, realised: Decimal | Fraction | int | str
) -> Fraction:
    """``R / T x 100`` of a target greater than 0 and a realisation of at least 0."""
    return rated(realised, "realised", low=_ZERO, high=None) / positive(target, "target") * 100


def efficiency(
    target: Decimal | Fraction | int | str, realised: Decimal | Fraction | int | str
) -> Fraction:
    """
    Return the efficiency of a time or cost realisation, in percent: ``100 - R / T x 100``.

    Perka BKN 1/2013 Lampiran, waktu and biaya: time and cost score by `time_value`
    and `cost_value` while this is at most `PP46_2011_EFFICIENCY_LIMIT`.

    >>> efficiency(12, "9.12"), efficiency(12, 9)
    (Fraction(24, 1), Fraction(25, 1))

    Raises:
        InvalidNumberError: naming ``target`` (not a number, or 0 or less) or
            ``realised`` (not a number, or negative).
    """
    return 100 - _ratio(target, realised)


def exceeds_efficiency_limit(value: Decimal | Fraction | int | str) -> bool:
    """
    Tell whether an `efficiency` is above `PP46_2011_EFFICIENCY_LIMIT` (24 %), exactly.

    Perka BKN 1/2013 Lampiran: above it the target is taken as unrealistic, and time
    and cost score by the second formula (rules `TIME_ABOVE_24_RULE`, `COST_ABOVE_24_RULE`).

    >>> exceeds_efficiency_limit(24), exceeds_efficiency_limit("24.01")
    (False, True)

    Raises:
        InvalidNumberError: naming ``value``, for a non-number.
    """
    return number(value, "value") > PP46_2011_EFFICIENCY_LIMIT


def quantity_value(
    target: Decimal | Fraction | int | str, realised: Decimal | Fraction | int | str
) -> Fraction:
    """
    Return the kuantitas value: ``RO / TO x 100`` (rule `QUANTITY_RULE`), not capped.

    Perka BKN 1/2013 Lampiran, Penilaian SKP: kuantitas.

    >>> quantity_value(3, 2)
    Fraction(200, 3)

    Raises:
        InvalidNumberError: naming ``target`` (not a number, or 0 or less) or
            ``realised`` (not a number, or negative).
    """
    return _ratio(target, realised)


def quality_value(
    target: Decimal | Fraction | int | str, realised: Decimal | Fraction | int | str
) -> Fraction:
    """
    Return the kualitas value: ``RK / TK x 100`` (rule `QUALITY_RULE`), not capped.

    Perka BKN 1/2013 Lampiran, Penilaian SKP: kualitas.

    Raises:
        InvalidNumberError: as `quantity_value`.
    """
    return _ratio(target, realised)


def time_cost_value(efficiency: Decimal | Fraction | int | str) -> Fraction:
    """
    Return the waktu or biaya value of a realisation with *efficiency* (see `efficiency`).

    Perka BKN 1/2013 Lampiran, Penilaian SKP: ``((1.76 T - R) / T) x 100``, which is
    ``76 + efficiency``, while the efficiency is at most 24 % (rules `TIME_RULE`,
    `COST_RULE`: 76 on target, 100 at exactly 24 %), and ``76 - (that - 100)``
    above it (rules `TIME_ABOVE_24_RULE`, `COST_ABOVE_24_RULE`).

    >>> time_cost_value(Fraction(24)), time_cost_value(Fraction(25))
    (Fraction(100, 1), Fraction(75, 1))

    Raises:
        InvalidNumberError: naming ``efficiency``, for a non-number or a value above
            100 (which would need a negative realisation).
    """
    found = rated(efficiency, "efficiency", low=None, high=HUNDRED)
    # ((1.76 x T - R) / T) x 100 = 176 - R / T x 100 = 76 + (100 - R / T x 100), exactly.
    value = 76 + found
    if found > PP46_2011_EFFICIENCY_LIMIT:
        return 76 - (value - 100)
    return value


def time_value(
    target: Decimal | Fraction | int | str, realised: Decimal | Fraction | int | str
) -> Fraction:
    """
    Return the waktu value of a time target *target* (TW) realised in *realised* (RW).

    Perka BKN 1/2013 Lampiran, Penilaian SKP, waktu: ``((1.76 TW - RW) / TW) x 100``
    while the `efficiency` is at most 24 % (rule `TIME_RULE`; 76 on time, 100 at
    exactly 24 %), and ``76 - (that - 100)`` above it (rule `TIME_ABOVE_24_RULE`);
    see `time_cost_value`.

    >>> time_value(12, 12), time_value(12, 0)
    (Fraction(76, 1), Fraction(0, 1))

    Raises:
        InvalidNumberError: as `efficiency`.
    """
    return time_cost_value(efficiency(target, realised))


def cost_value(
    target: Decimal | Fraction | int | str, realised: Decimal | Fraction | int | str
) -> Fraction:
    """
    Return the biaya value of a cost target *target* (TB) realised in *realised* (RB).

    Perka BKN 1/2013 Lampiran, Penilaian SKP, biaya: the two branches of `time_value`
    with TB and RB (rules `COST_RULE` and `COST_ABOVE_24_RULE`).

    >>> cost_value(1000, 900)
    Fraction(86, 1)

    Raises:
        InvalidNumberError: as `efficiency`.
    """
    return time_cost_value(efficiency(target, realised))


def activity_value(values: Sequence[Decimal | Fraction | int | str]) -> Fraction:
    """
    Return the nilai capaian kegiatan: the sum of its aspect values over their count (3 or 4).

    Perka BKN 1/2013 Lampiran, Penilaian SKP (rule `ACTIVITY_RULE`); exact, rounded by the regime.

    >>> activity_value([100, 90, 76])
    Fraction(266, 3)

    Raises:
        InvalidValueError: naming ``values``, for anything but 3 values (kuantitas,
            kualitas, waktu) or 4 (with biaya); `InvalidNumberError` for a non-number.
    """
    found = numbers(values, "values")
    if len(found) not in _ACTIVITY_ASPECTS:
        reason = f"needs 3 aspect values, or 4 with a cost target ({ACTIVITY_RULE.clause})"
        raise InvalidValueError("values", values, reason)
    return sum(found, _ZERO) / len(found)


def activities_value(values: Sequence[Decimal | Fraction | int | str]) -> Fraction:
    """
    Return the mean of the (rounded) kegiatan tugas jabatan values.

    Perka BKN 1/2013 Lampiran, nilai capaian SKP (rule `ACTIVITIES_RULE`).

    Raises:
        MissingValueError: for no value; `InvalidNumberError` for a non-number.
    """
    found = numbers(values, "values")
    return sum(found, _ZERO) / len(found)


def additional_task_points(count: int) -> int:
    """
    Return the tugas tambahan points for *count* tasks: 0, 1 (1-3), 2 (4-6) or 3 (7 or more).

    Perka BKN 1/2013, tugas tambahan (rule `ADDITIONAL_TASKS_RULE`, table
    `PP46_2011_ADDITIONAL_TASK_POINTS`).

    Raises:
        InvalidValueError: naming ``count``, for anything but a whole number of at least 0.
    """
    return PP46_2011_ADDITIONAL_TASK_POINTS.classify(whole(count, "count"))


def creativity_points(
    scopes: Iterable[InnovationScope | str], policy: CreativityPolicy = "highest"
) -> int:
    """
    Return the kreativitas points of innovations useful to *scopes*: 3, 6 or 12 each.

    Perka BKN 1/2013, kreativitas (rule `CREATIVITY_RULE`, table
    `PP46_2011_CREATIVITY_POINTS`).  With several innovations, *policy* counts the
    ``"highest"`` points (convention [LOW]) or their ``"sum"``; none gives 0.
    A scope may be given by its id or label (``"unit"``, ``"negara"``).

    >>> creativity_points(["unit", "organisation"]), creativity_points(["unit", "unit"], "sum")
    (6, 6)

    Raises:
        InvalidValueError: naming ``policy`` or ``scopes``; `penilaian.exceptions.UnknownLabelError`
            naming ``scopes[index]`` for a text that names no scope.
    """
    choice("policy", policy, _CREATIVITY_POLICIES)
    points = [
        PP46_2011_CREATIVITY_POINTS[InnovationScope.parse(scope, f"scopes[{index}]")]
        for index, scope in enumerate(as_tuple(scopes, "scopes"))
    ]
    return sum(points) if policy == "sum" else max(points, default=0)


def skp_value(
    activities: Decimal | Fraction | int | str, additional_tasks: int, creativity: int
) -> Fraction:
    """
    Return the nilai capaian SKP: mean kegiatan value + tugas tambahan + kreativitas.

    Perka BKN 1/2013 Lampiran, nilai capaian SKP (rule `SKP_RULE`).

    Raises:
        InvalidNumberError: naming ``activities``, for a non-number;
            `InvalidValueError` naming ``additional_tasks`` or ``creativity``, for
            anything but a whole number of at least 0.
    """
    extra = whole(additional_tasks, "additional_tasks") + whole(creativity, "creativity")
    return number(activities, "activities") + extra


def behaviour_value(values: Sequence[Decimal | Fraction | int | str]) -> Fraction:
    """
    Return the nilai perilaku kerja: the mean of the aspect values (6 aspects, or 5).

    PP 46/2011 (about Pasal 12; rule `BEHAVIOUR_RULE`): kepemimpinan is rated for a
    jabatan struktural only; each aspect is rated 0-100.

    >>> behaviour_value([80, 80, "82.5", 85, 84])
    Fraction(823, 10)

    Raises:
        MissingValueError: for no value; `InvalidNumberError` naming
            ``values[index]`` for a non-number or a value outside 0-100.
    """
    found = numbers(values, "values", low=_ZERO, high=HUNDRED)
    return sum(found, _ZERO) / len(found)


def final_value(
    skp: Decimal | Fraction | int | str,
    behaviour: Decimal | Fraction | int | str,
    weights: Weights = PP46_2011_COMPONENTS,
) -> Fraction:
    """
    Return the nilai prestasi kerja: ``work x SKP + behaviour x perilaku`` of *weights*.

    PP 46/2011: unsur SKP 60 % and perilaku kerja 40 % (rule `FINAL_RULE`), the
    default *weights* (`penilaian.policy.PP46_2011_COMPONENTS`).

    >>> final_value("91.80", 82)
    Fraction(2197, 25)

    Raises:
        InvalidNumberError: naming ``skp`` (a non-number) or ``behaviour`` (a
            non-number, or outside 0-100); `InvalidValueError` naming ``weights``,
            for anything but `Weights` of exactly ``"work"`` and ``"behaviour"``.
    """
    given: object = weights  # typed as Weights, but a caller may pass anything
    if not isinstance(given, Weights) or set(given) != {"work", "behaviour"}:
        reason = "must be Weights of exactly 'work' and 'behaviour'"
        raise InvalidValueError("weights", weights, reason)
    work = number(skp, "skp")
    other = rated(behaviour, "behaviour", low=_ZERO, high=HUNDRED)
    return weights["work"] * work + weights["behaviour"] * other


def whole_value(value: Decimal | Fraction | int | str) -> Decimal:
    """
    Return *value* rounded to a whole number, halves up (rule `WHOLE_NUMBER_RULE`).

    Convention [LOW]: the category table is written for whole numbers, so under
    ``band_convention="round_to_integer"`` the category is read from this.

    Raises:
        InvalidNumberError: naming ``value``, for a non-number.
    """
    return _WHOLE.apply(number(value, "value"))


def category(
    value: Decimal | Fraction | int | str, band_convention: BandConvention = "upper_inclusive"
) -> Grade:
    """
    Return the sebutan of a nilai capaian SKP, perilaku or prestasi kerja.

    PP 46/2011; Perka BKN 1/2013 (rule `CATEGORY_RULE`, table `PP46_2011_CATEGORIES`).
    Under ``"upper_inclusive"`` the table's upper bounds are inclusive (90.01 is
    Sangat Baik); under ``"round_to_integer"`` *value* is read as its `whole_value`.

    >>> category(Decimal("90.4")), category("90.4", "round_to_integer")
    (<Grade.VERY_GOOD: 'very_good'>, <Grade.GOOD: 'good'>)

    Raises:
        InvalidNumberError: naming ``value``, for a non-number; `InvalidValueError`
            naming ``band_convention``, for anything but its two choices.
    """
    choice("band_convention", band_convention, _BAND_CONVENTIONS)
    found = number(value, "value")
    if band_convention == "round_to_integer":
        return PP46_2011_CATEGORIES.classify(_WHOLE.apply(found))
    return PP46_2011_CATEGORIES.classify(found)


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
