"""
The rules of PP 46/2011 with Perka BKN 1/2013, as data and as plain functions.

The tables (the aspects of a kegiatan, the sebutan, the tugas tambahan and
kreativitas points) are values; each formula is a function on exact numbers
(`Fraction`, `Decimal` or `int`) that names its clause; each `Rule` is what a
trace step cites.  `penilaian.regimes.pp46_2011.Pp46Regime` scores by composing
these functions, and the batch engine `penilaian.batch.pp46` reads the same tables,
so each rule is written once.

>>> from fractions import Fraction
>>> time_value(12, Fraction("9.12"))  # efficiency exactly 24 %: the full 100
Fraction(100, 1)
>>> category(Fraction(9040, 100), "round_to_integer")
<Grade.GOOD: 'good'>
"""

from __future__ import annotations

import types
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Final, Literal, TypeAlias

import attrs

from penilaian._base.rounding import Rounding
from penilaian._base.trace import Rule
from penilaian.model.appraisal import InnovationScope
from penilaian.model.grades import BandTable, Grade
from penilaian.model.targets import Aspect, Direction
from penilaian.policy.weights import PP46_2011_COMPONENTS

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence

    from penilaian.policy.weights import Weights

__all__ = [
    "ACTIVITIES_RULE",
    "ACTIVITY_RULE",
    "ADDITIONAL_TASKS_RULE",
    "BEHAVIOUR_ASPECT_RULE",
    "BEHAVIOUR_RULE",
    "CATEGORY_RULE",
    "COST_ABOVE_24_RULE",
    "COST_RULE",
    "CREATIVITY_RULE",
    "FINAL_RULE",
    "PP46_2011_ACTIVITY_ASPECTS",
    "PP46_2011_ADDITIONAL_TASK_POINTS",
    "PP46_2011_CATEGORIES",
    "PP46_2011_CREATIVITY_POINTS",
    "PP46_2011_EFFICIENCY_LIMIT",
    "PP46_2011_TIME_COST_FACTOR",
    "QUALITY_RULE",
    "QUANTITY_RULE",
    "RESULT_RULE",
    "ROUNDING_RULE",
    "SKP_RULE",
    "TIME_ABOVE_24_RULE",
    "TIME_RULE",
    "WHOLE_NUMBER_RULE",
    "ZERO_OUTPUT_RULE",
    "ActivityAspect",
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

_LAMPIRAN: Final = "Perka BKN 1/2013 Lampiran, Penilaian SKP"

# -- the rules a trace cites ---------------------------------------------------------------

QUANTITY_RULE: Final = Rule(
    "pp46.quantity",
    f"{_LAMPIRAN}: kuantitas",
    "Kuantitas = RO / TO \u00d7 100",
    "Quantity = realised output / target output \u00d7 100",
)
QUALITY_RULE: Final = Rule(
    "pp46.quality",
    f"{_LAMPIRAN}: kualitas",
    "Kualitas = RK / TK \u00d7 100",
    "Quality = realised quality / target quality \u00d7 100",
)
TIME_RULE: Final = Rule(
    "pp46.time",
    f"{_LAMPIRAN}: waktu, efisiensi \u2264 24 %",
    "Waktu (efisiensi = 100 \u2212 RW / TW \u00d7 100 \u2264 24): "
    "((1,76 \u00d7 TW \u2212 RW) / TW) \u00d7 100",
    "Time (efficiency = 100 \u2212 RW / TW \u00d7 100 at most 24): "
    "((1.76 \u00d7 TW \u2212 RW) / TW) \u00d7 100",
)
TIME_ABOVE_24_RULE: Final = Rule(
    "pp46.time_above_24",
    f"{_LAMPIRAN}: waktu, efisiensi > 24 %",
    "Waktu (efisiensi > 24): 76 \u2212 ((((1,76 \u00d7 TW \u2212 RW) / TW) \u00d7 100) \u2212 100)",
    "Time (efficiency above 24, an unrealistic target): "
    "76 \u2212 ((((1.76 \u00d7 TW \u2212 RW) / TW) \u00d7 100) \u2212 100)",
)
COST_RULE: Final = Rule(
    "pp46.cost",
    f"{_LAMPIRAN}: biaya, efisiensi \u2264 24 %",
    "Biaya (efisiensi = 100 \u2212 RB / TB \u00d7 100 \u2264 24): "
    "((1,76 \u00d7 TB \u2212 RB) / TB) \u00d7 100",
    "Cost (efficiency = 100 \u2212 RB / TB \u00d7 100 at most 24): "
    "((1.76 \u00d7 TB \u2212 RB) / TB) \u00d7 100",
)
COST_ABOVE_24_RULE: Final = Rule(
    "pp46.cost_above_24",
    f"{_LAMPIRAN}: biaya, efisiensi > 24 %",
    "Biaya (efisiensi > 24): 76 \u2212 ((((1,76 \u00d7 TB \u2212 RB) / TB) \u00d7 100) \u2212 100)",
    "Cost (efficiency above 24, an unrealistic target): "
    "76 \u2212 ((((1.76 \u00d7 TB \u2212 RB) / TB) \u00d7 100) \u2212 100)",
)
ZERO_OUTPUT_RULE: Final = Rule(
    "pp46.zero_output",
    "convention [LOW]: seen in e-SKP code, not in Perka BKN 1/2013",
    "Realisasi output 0: semua aspek kegiatan bernilai 0",
    "No output realised: every aspect of the kegiatan scores 0",
)
ACTIVITY_RULE: Final = Rule(
    "pp46.activity",
    f"{_LAMPIRAN}: nilai capaian kegiatan",
    "Nilai capaian kegiatan = penghitungan / jumlah aspek (3, atau 4 bila ada biaya)",
    "Kegiatan value = sum of the aspect values / number of aspects (3, or 4 with cost)",
)
ACTIVITIES_RULE: Final = Rule(
    "pp46.activities",
    f"{_LAMPIRAN}: nilai capaian SKP",
    "Rata-rata nilai capaian kegiatan tugas jabatan",
    "Mean of the kegiatan tugas jabatan values",
)
ADDITIONAL_TASKS_RULE: Final = Rule(
    "pp46.additional_tasks",
    "Perka BKN 1/2013: tugas tambahan",
    "Tugas tambahan: 1\u20133 kegiatan bernilai 1, 4\u20136 bernilai 2, 7 atau lebih bernilai 3",
    "Additional tasks: 1-3 give 1 point, 4-6 give 2, 7 or more give 3",
)
CREATIVITY_RULE: Final = Rule(
    "pp46.creativity",
    "Perka BKN 1/2013: kreativitas",
    "Kreativitas bermanfaat bagi unit kerja 3, organisasi 6, negara 12",
    "Creativity useful to the work unit 3 points, the organisation 6, the state 12",
)
SKP_RULE: Final = Rule(
    "pp46.skp",
    f"{_LAMPIRAN}: nilai capaian SKP",
    "Nilai capaian SKP = rata-rata nilai kegiatan + tugas tambahan + kreativitas",
    "SKP value = mean kegiatan value + additional tasks + creativity",
)
BEHAVIOUR_ASPECT_RULE: Final = Rule(
    "pp46.behaviour_aspect",
    "PP 46/2011 (about Pasal 12): the pejabat penilai rates each aspect 0-100",
    "Nilai aspek perilaku kerja (0\u2013100)",
    "Behaviour aspect value (0-100)",
)
BEHAVIOUR_RULE: Final = Rule(
    "pp46.behaviour",
    "PP 46/2011 (about Pasal 12)",
    "Nilai perilaku kerja = rata-rata nilai aspek "
    "(6 aspek untuk jabatan struktural, 5 untuk lainnya)",
    "Behaviour value = mean of the aspect values (6 aspects for a structural post, 5 otherwise)",
)
FINAL_RULE: Final = Rule(
    "pp46.final",
    "PP 46/2011: unsur SKP 60 % dan perilaku kerja 40 %",
    "Nilai prestasi kerja = bobot SKP \u00d7 nilai SKP + bobot perilaku \u00d7 nilai perilaku",
    "Work performance = SKP weight \u00d7 SKP value + behaviour weight \u00d7 behaviour value",
)
ROUNDING_RULE: Final = Rule(
    "pp46.rounding",
    "convention [MED]: the BKN forms show two decimal places",
    "Dibulatkan; langkah berikutnya memakai nilai yang dibulatkan",
    "Rounded; later steps use the rounded value",
)
WHOLE_NUMBER_RULE: Final = Rule(
    "pp46.whole_number",
    "convention [LOW]: the category table is written for whole numbers",
    "Dibulatkan ke bilangan bulat (setengah ke atas) sebelum sebutan ditentukan",
    "Rounded to a whole number (halves up) before the category is read",
)
CATEGORY_RULE: Final = Rule(
    "pp46.category",
    "PP 46/2011; Perka BKN 1/2013: sebutan",
    "Sebutan: \u2264 50 Buruk; 51\u201360 Kurang; 61\u201375 Cukup; 76\u201390 Baik; "
    "91 ke atas Sangat Baik",
    "Category: up to 50 bad; 51-60 poor; 61-75 fair; 76-90 good; 91 and above very good",
)
RESULT_RULE: Final = Rule(
    "pp46.result",
    "PP 46/2011; Perka BKN 1/2013",
    "Penilaian prestasi kerja PNS",
    "Civil servant work performance appraisal",
)

# -- the tables -------------------------------------------------------------------------

PP46_2011_TIME_COST_FACTOR: Final = Fraction(176, 100)
"""Perka BKN 1/2013 Lampiran: the 1.76 of the time and cost formulas (100 at 76 % of target)."""

PP46_2011_EFFICIENCY_LIMIT: Final = Fraction(24)
"""Perka BKN 1/2013 Lampiran: efficiency (percent) up to which time and cost score up to 100."""

PP46_2011_CATEGORIES: Final[BandTable[Grade]] = BandTable(
    id="pp46_2011.categories",
    clause="PP 46/2011; Perka BKN 1/2013 (upper bound inclusive, REGULATIONS.md 1.5)",
    labels=(Grade.BAD, Grade.POOR, Grade.FAIR, Grade.GOOD, Grade.VERY_GOOD),
    cuts=(Decimal(50), Decimal(60), Decimal(75), Decimal(90)),
    closed="upper",
)
"""
The sebutan of PP 46/2011 (rule `CATEGORY_RULE`): <= 50 Buruk, (50, 60] Kurang,
(60, 75] Cukup, (75, 90] Baik, > 90 Sangat Baik.
"""

PP46_2011_ADDITIONAL_TASK_POINTS: Final[BandTable[int]] = BandTable(
    id="pp46_2011.additional_tasks",
    clause="Perka BKN 1/2013: tugas tambahan",
    labels=(0, 1, 2, 3),
    cuts=(Decimal(0), Decimal(3), Decimal(6)),
    closed="upper",
)
"""Tugas tambahan points by count (rule `ADDITIONAL_TASKS_RULE`): 0, 1-3, 4-6, 7 or more."""

PP46_2011_CREATIVITY_POINTS: Final[Mapping[InnovationScope, int]] = types.MappingProxyType(
    {InnovationScope.UNIT: 3, InnovationScope.ORGANISATION: 6, InnovationScope.STATE: 12}
)
"""Kreativitas points by who benefits (rule `CREATIVITY_RULE`)."""

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


@attrs.frozen
class ActivityAspect:
    """
    One aspect of a kegiatan tugas jabatan: a row of `PP46_2011_ACTIVITY_ASPECTS`.

    Attributes:
        aspect: The indicator aspect it reads.
        rule: Its formula's rule (below the efficiency limit, for time and cost).
        above_limit_rule: The rule above `PP46_2011_EFFICIENCY_LIMIT`, for time
            and cost; `None` for quantity and quality.
        direction: The direction its indicator must have.
        target_symbol: The Lampiran's name of its target (``"TO"``, ``"TK"``, ...).
        realised_symbol: The Lampiran's name of its realisation (``"RO"``, ...).
        required: Whether every kegiatan needs it (quantity, quality and time do).
        formula: Its value from target and realisation (`quantity_value`, ...).
    """

    aspect: Aspect
    rule: Rule
    above_limit_rule: Rule | None
    direction: Direction
    target_symbol: str
    realised_symbol: str
    required: bool
    formula: Callable[[Decimal | Fraction | int, Decimal | Fraction | int], Fraction] = attrs.field(
        eq=False, repr=False
    )

    @property
    def name(self) -> str:
        """The aspect's id, as in the figure keys (``"quantity"``, ...)."""
        return self.aspect.id


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
