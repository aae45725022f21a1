"""
Benchmark: score N appraisals under PP 30/2019 + PermenPANRB 8/2021, against an exact floor.

Measured paths: ``Pp30Regime().score(appraisal, trace=False)`` and ``trace=True``, once
per in-memory appraisal, as a caller scoring a batch does.

Floor, in the same process: the same formulas hand-written in `Decimal` over plain
tuples extracted beforehand (not timed) that hold the model's `Decimal` inputs: capaian
IKI as one exact half-up division to a whole percent (``divmod``, which never rounds);
for a JPT post the conversion table as an if-chain and the means (PermenPANRB 8/2021
Bab VI.A.1), for every other post the category points 16/13/8/3/1 summed per rencana,
its cut-offs and nilai 120/100/80/60/25, and kinerja tambahan's 2.4/1.6/1.0/0.5/0.1
(Bab VI.A.2); values carried in whole hundredths, means divided exactly half up, the
70/30 or 60/40 weights, the cap, ``quantize(..., ROUND_HALF_UP)`` and the predikat.  No
validation, no figures dictionary, no trace.  Before timing, every appraisal's floor
grade and final value are checked against the regime's, with `Inexact` and `Rounded`
trapped (no Decimal operation outside the declared rounding points rounded).  A float
loop of the same formulas is timed beside, for scale only (never the goal's floor).
The paths are timed A/B interleaved, round after round, and the medians reported.  The
ratio penilaian/floor is what the regime's structure (figures, rules as data, declared
rounding, the aggregator, the result) costs over the bare arithmetic.  Timing is
reported, never asserted.

    python benchmarks/bench_score_pp30.py                       # N=100_000, median of 3
    python benchmarks/bench_score_pp30.py --n 2000 --repeat 1   # a quick smoke run
"""

from __future__ import annotations

import math
import random
import sys
import time
from decimal import ROUND_HALF_UP, Context, Decimal, Inexact, Rounded, localcontext
from typing import TYPE_CHECKING

from _common import (
    arguments,
    environment,
    float_half_up,
    half_up,
    interleaved_medians,
    print_paths,
    settle,
)

from penilaian import (
    PP30_2019_BEHAVIOUR,
    Appraisal,
    Direction,
    Employee,
    Grade,
    Indicator,
    Innovation,
    InnovationScope,
    NumericScale,
    Period,
    PointTarget,
    Position,
    PositionKind,
    RangeTarget,
    Rater,
    RaterRole,
    Rating,
    Realisation,
    WorkTarget,
)
from penilaian.model import TargetKind
from penilaian.regimes.pp30_2019 import Pp30Regime

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

# -- the appraisals ---------------------------------------------------------------------------

INDICATORS_PER_TARGET = (3, 3, 2)  # two main work targets, one additional
INDICATOR_PLAN = (  # (aspect, target kind, direction) of the 8 indicators in order
    ("quantity", "point", Direction.HIGHER_IS_BETTER),
    ("quality", "point", Direction.HIGHER_IS_BETTER),
    ("time", "range", Direction.LOWER_IS_BETTER),
    ("quantity", "range", Direction.HIGHER_IS_BETTER),
    ("quality", "point", Direction.HIGHER_IS_BETTER),
    ("cost", "point", Direction.LOWER_IS_BETTER),
    ("quantity", "point", Direction.HIGHER_IS_BETTER),
    ("quality", "range", Direction.HIGHER_IS_BETTER),
)
KINDS = (  # managerial kinds are rated on 5 aspects, the others on 4; JPT take the table
    PositionKind.JPT_PRATAMA,
    PositionKind.SUPERVISOR,
    PositionKind.ADMINISTRATOR,
    PositionKind.EXECUTOR,
    PositionKind.EXPERT_FIRST,
    PositionKind.EXPERT_JUNIOR,
    PositionKind.SKILL_SKILLED,
)
SCALE = NumericScale("nilai_0_120", 0, 120, step=1)

JPT_KINDS = (PositionKind.JPT_UTAMA, PositionKind.JPT_MADYA, PositionKind.JPT_PRATAMA)
"""The posts the interpolation table scores (PermenPANRB 8/2021 Bab VI.A.1); others: categories."""

SHAPE = f"""\
one appraisal = employee, position (JPT pratama, taking the interpolation table, or
  supervisor/administrator/executor/functional kinds, taking the category route),
  period (second semester of 2021), framework penilaian.PP30_2019_BEHAVIOUR,
  {len(INDICATORS_PER_TARGET)} work targets (2 main, 1 additional) with \
{sum(INDICATORS_PER_TARGET)} indicators (5 point, 3 range targets; 2 lower-is-better;
  1 in 10 at its maximum), all realised (achievement about 50-130 %),
  1 supervisor rating per aspect that applies (4 or 5, on 0-120), a peer rating in 1 of 4,
  an organisation-wide innovation in 1 of 3"""


def make_appraisal(rng: random.Random, number: int) -> Appraisal:
    """Build one valid appraisal, the same for the same *rng* state and *number*."""
    kind = rng.choice(KINDS)
    indicators: list[Indicator] = []
    for index, (aspect, target_kind, direction) in enumerate(INDICATOR_PLAN):
        base = rng.randrange(5, 200)
        target: PointTarget | RangeTarget
        target = PointTarget(base) if target_kind == "point" else RangeTarget(base, base + 5)
        value = Decimal(base * rng.randrange(50, 131)) / 100
        indicators.append(
            Indicator(
                f"iki-{index + 1}",
                f"Indikator {index + 1}: {aspect}",
                aspect,
                target,
                direction,
                realisation=Realisation(value),
                target_is_maximum=rng.random() < 0.1,
            )
        )
    targets, start = [], 0
    for index, count in enumerate(INDICATORS_PER_TARGET):
        main = index < len(INDICATORS_PER_TARGET) - 1
        targets.append(
            WorkTarget(
                f"rk-{index + 1}",
                f"Rencana kinerja {index + 1}",
                tuple(indicators[start : start + count]),
                TargetKind.MAIN if main else TargetKind.ADDITIONAL,
            )
        )
        start += count
    employee_id = f"emp-{number:06d}"
    raters = [Rater("atasan", RaterRole.SUPERVISOR, f"{employee_id}-atasan")]
    ratings = [
        Rating("atasan", aspect.id, SCALE.id, score=rng.randrange(60, 121))
        for aspect in PP30_2019_BEHAVIOUR.aspects_for(kind)
    ]
    if rng.random() < 0.25:
        raters.append(Rater("rekan", RaterRole.PEER, f"{employee_id}-rekan"))
        ratings.append(Rating("rekan", "cooperation", SCALE.id, score=rng.randrange(60, 121)))
    innovations = (
        (Innovation("Aplikasi layanan daring", InnovationScope.ORGANISATION),)
        if rng.random() < 1 / 3
        else ()
    )
    return Appraisal(
        f"skp-{number:06d}",
        Employee(employee_id, f"Pegawai {number}"),
        Position(f"Jabatan {kind.label()}", kind),
        Period.semester(2021, 2),
        PP30_2019_BEHAVIOUR,
        tuple(targets),
        tuple(raters),
        (SCALE,),
        tuple(ratings),
        innovations=innovations,
    )


# -- the floor: the same formulas over plain tuples -------------------------------------------

# One indicator: (low, high, realised, higher_is_better, at_maximum), as the model holds them.
PlainIndicator = tuple[Decimal, Decimal, Decimal, bool, bool]
# One appraisal: ((is_main, indicators) per target, supervisor's scores, peer input,
# innovation, the post's kind).
Plain = tuple[
    tuple[tuple[bool, tuple[PlainIndicator, ...]], ...],
    tuple[Decimal, ...],
    bool,
    bool,
    PositionKind,
]
FloatPlain = tuple[
    tuple[tuple[bool, tuple[tuple[float, float, float, bool, bool], ...]], ...],
    tuple[float, ...],
    bool,
    bool,
    PositionKind,
]


def extract(appraisal: Appraisal) -> Plain:
    """Pre-extract what the formulas read (not timed)."""
    targets = []
    for target in appraisal.targets:
        indicators = []
        for indicator in target.indicators:
            given = indicator.target
            if isinstance(given, RangeTarget):
                low, high = given.low, given.high
            else:
                assert isinstance(given, PointTarget)
                low = high = given.value
            realised = indicator.realisation.value if indicator.realisation else None
            indicators.append((
                low, high, realised or Decimal(0),
                indicator.direction is Direction.HIGHER_IS_BETTER, indicator.target_is_maximum,
            ))  # fmt: skip
        targets.append((target.kind is TargetKind.MAIN, tuple(indicators)))
    roles = {rater.id: rater.role for rater in appraisal.raters}
    scores = tuple(
        rating.score or Decimal(0)
        for rating in appraisal.ratings
        if roles[rating.rater_id] is RaterRole.SUPERVISOR
    )
    peer = any(roles[rating.rater_id] is not RaterRole.SUPERVISOR for rating in appraisal.ratings)
    innovation = any(
        item.scope in {InnovationScope.ORGANISATION, InnovationScope.STATE}
        for item in appraisal.innovations
    )
    return tuple(targets), scores, peer, innovation, appraisal.position.kind


HUNDREDTH = Decimal("0.01")
ZERO = Decimal(0)
CAP = Decimal(120)
DECLARED = Context(traps=[])
"""The context of the declared rounding points (``quantize``); the check traps any other."""


def iki_value(capaian: int, at_maximum: bool) -> int:
    """The conversion table of PermenPANRB 8/2021, as an if-chain, in hundredths (2 places)."""
    if capaian >= 110 or (at_maximum and capaian == 100):
        return 12000
    if capaian >= 101:
        return 11000 + int(half_up(Decimal(1000 * (capaian - 101)), 9))  # 110 + 10/9 (c - 101)
    if capaian >= 100:
        return 10900
    if capaian >= 60:
        return 100 * (capaian - 10)
    return max(int(half_up(Decimal(4900 * capaian), 59)), 0)  # c x 49/59, not below 0


def category_of(capaian: int, at_maximum: bool) -> int:
    """The IKI category (0 Sangat Baik ... 4 Sangat Kurang) of a whole-percent capaian."""
    if capaian >= 101 or (at_maximum and capaian == 100):
        return 0
    if capaian == 100:
        return 1
    return 2 if capaian >= 80 else 3 if capaian >= 60 else 4


POINTS = (16, 13, 8, 3, 1)
RENCANA = (12000, 10000, 8000, 6000, 2500)  # nilai 120/100/80/60/25, in hundredths
ADDITIONAL = (240, 160, 100, 50, 10)  # kinerja tambahan 2.4/1.6/1.0/0.5/0.1, in hundredths


def rencana(categories: Sequence[int]) -> int:
    """A rencana's band (0 Sangat Baik ... 4) from its IKIs' categories: > 14n, 34n/3, ..."""
    total, count = sum(POINTS[category] for category in categories), len(categories)
    if total > 14 * count:
        return 0
    if 3 * total >= 34 * count:
        return 1
    return 2 if 3 * total >= 19 * count else 3 if 3 * total >= 7 * count else 4


def capaian_of(low: Decimal, high: Decimal, realised: Decimal, higher: bool) -> int:
    """Capaian IKI in whole percent, half up: the one exact Decimal division per indicator."""
    if low <= realised <= high:
        return 100
    bound = high if realised > high else low
    # R / B x 100, or (2 - R / B) x 100 = (200 B - 100 R) / B when lower is better
    numerator = 100 * realised if higher else 200 * bound - 100 * realised
    return int(half_up(numerator, bound))


def floor(plain: Plain) -> tuple[Grade, Decimal]:
    """
    Score one pre-extracted appraisal by hand in `Decimal`: (grade, final value).

    Each capaian is one exact half-up division of Decimals (``divmod``); from then on
    the values are whole numbers of hundredths, means divided exactly half up, and
    the weighted final value rounded with ``quantize(..., ROUND_HALF_UP)``.
    """
    targets, scores, peer, innovation, kind = plain
    table = kind in JPT_KINDS
    main_values = 0  # the sum of the main rencana values, in hundredths
    mains = 0
    additional = 0  # the table: additional work is valued but adds nothing by default
    for is_main, indicators in targets:
        if table:
            total = 0
            for low, high, realised, higher, at_maximum in indicators:
                total += iki_value(capaian_of(low, high, realised, higher), at_maximum)
            value = int(half_up(Decimal(total), len(indicators)))
        else:
            band = rencana([
                category_of(capaian_of(low, high, realised, higher), at_maximum)
                for low, high, realised, higher, at_maximum in indicators
            ])  # fmt: skip
            value = RENCANA[band]
            additional += 0 if is_main else ADDITIONAL[band]
        if is_main:
            main_values += value
            mains += 1
    skp = half_up(Decimal(main_values), mains) + additional
    behaviour = half_up(100 * sum(scores, ZERO), len(scores))
    work = 6 if peer else 7  # tenths: 60/40 with peer ratings, 70/30 without
    final = (work * skp + (10 - work) * behaviour) / 1000
    final = min(final, CAP).quantize(HUNDREDTH, ROUND_HALF_UP, DECLARED)
    return predikat(final, innovation), final


def predikat(final: Decimal | float, innovation: bool) -> Grade:
    """The predikat of a final value (the same cut-offs for both floors)."""
    if final >= 110:
        return Grade.VERY_GOOD if innovation else Grade.GOOD
    if final >= 90:
        return Grade.GOOD
    if final >= 70:
        return Grade.NEEDS_IMPROVEMENT
    return Grade.POOR if final >= 50 else Grade.VERY_POOR


def float_capaian(low: float, high: float, realised: float, higher: bool) -> int:
    """Capaian IKI in whole percent, half up, in floats."""
    if low <= realised <= high:
        return 100
    ratio = realised / (high if realised > high else low)
    return math.floor((ratio if higher else 2 - ratio) * 100 + 0.5)


def float_iki(capaian: int, at_maximum: bool) -> float:
    """The conversion table in floats."""
    if capaian >= 110 or (at_maximum and capaian == 100):
        return 120.0
    if capaian >= 101:
        return 110 + 10 / 9 * (capaian - 101)
    if capaian >= 100:
        return 109.0
    if capaian >= 60:
        return capaian - 10.0
    return max(capaian * 49 / 59, 0.0)


def float_floor(plain: FloatPlain) -> tuple[Grade, float]:
    """The same formulas in floats: shown for scale, never the goal's floor (floats can miss)."""
    targets, scores, peer, innovation, kind = plain
    table = kind in JPT_KINDS
    main_values, mains, additional = 0.0, 0, 0.0
    for is_main, indicators in targets:
        values, categories = 0.0, []
        for low, high, realised, higher, at_maximum in indicators:
            whole = float_capaian(low, high, realised, higher)
            if table:
                values += float_half_up(float_iki(whole, at_maximum))
            else:
                categories.append(category_of(whole, at_maximum))
        if table:
            value = float_half_up(values / len(indicators))
        else:
            band = rencana(categories)
            value = RENCANA[band] / 100
            additional += 0 if is_main else ADDITIONAL[band] / 100
        if is_main:
            main_values += value
            mains += 1
    skp = float_half_up(main_values / mains) + additional
    behaviour = float_half_up(sum(scores) / len(scores))
    work = 0.6 if peer else 0.7
    final = float_half_up(min(work * skp + (1 - work) * behaviour, 120.0))
    return predikat(final, innovation), final


def to_floats(plain: Plain) -> FloatPlain:
    """The float floor's input: the same numbers as floats (converted before timing)."""
    targets, scores, peer, innovation, kind = plain
    converted = tuple(
        (is_main, tuple((float(lo), float(hi), float(r), up, top) for lo, hi, r, up, top in items))
        for is_main, items in targets
    )
    return converted, tuple(map(float, scores)), peer, innovation, kind


# -- measuring -------------------------------------------------------------------------------


def check_equivalent(
    regime: Pp30Regime,
    appraisals: Sequence[Appraisal],
    plains: Sequence[Plain],
    floats: Sequence[FloatPlain],
) -> tuple[dict[str, int], int]:
    """
    Assert that the floor and the regime agree on every appraisal (and warm both up).

    The floor runs here with `Inexact` and `Rounded` trapped, so a Decimal operation
    that had to round (not one of the declared rounding points) would raise.  Return
    how many appraisals took each route, and how often the float floor missed.
    """
    routes = {"table (JPT)": 0, "categories": 0}
    float_misses = 0
    with localcontext() as exact:
        exact.traps[Inexact] = exact.traps[Rounded] = True
        for appraisal, plain, numbers in zip(appraisals, plains, floats, strict=True):
            result = regime.score(appraisal, trace=False)
            assert result.score is not None
            expected = floor(plain)
            assert (result.grade, result.score) == expected, (appraisal.id, result, expected)
            assert regime.score(appraisal).without_trace() == result
            routes["table (JPT)" if plain[4] in JPT_KINDS else "categories"] += 1
            grade, final = float_floor(numbers)
            float_misses += (grade, round(final, 2)) != (result.grade, float(result.score))
    return routes, float_misses


def main(argv: Sequence[str] | None = None) -> int:
    args = arguments(__doc__, argv)

    built = time.perf_counter()
    rng = random.Random(args.seed)
    appraisals = [make_appraisal(rng, number) for number in range(args.n)]
    plains = [extract(appraisal) for appraisal in appraisals]
    floats = [to_floats(plain) for plain in plains]
    built = time.perf_counter() - built
    regime = Pp30Regime()
    routes, float_misses = check_equivalent(regime, appraisals, plains, floats)
    settle()

    paths: dict[str, tuple[Callable[[object], object], Sequence[object]]] = {
        "trace off": (lambda a: regime.score(a, trace=False), appraisals),  # type: ignore[arg-type]
        "trace on": (regime.score, appraisals),  # type: ignore[dict-item]
        "floor": (floor, plains),  # type: ignore[dict-item]
        "float": (float_floor, floats),  # type: ignore[dict-item]
    }
    median = interleaved_medians(paths, args.repeat)

    grades: dict[str, int] = {}
    for appraisal in appraisals[:1000]:
        grade = regime.score(appraisal, trace=False).grade
        key = grade.value if grade else "incomplete"
        grades[key] = grades.get(key, 0) + 1
    print("bench_score_pp30: score appraisals under PP 30/2019 + PermenPANRB 8/2021")
    print(f"appraisal shape: {SHAPE}")
    print(
        f"  seed {args.seed}; built and extracted in {built:.1f} s; "
        f"grades of the first 1000: {grades}; routes: {routes}"
    )
    print("measured: Pp30Regime().score(appraisal, trace=False) and trace=True, one per appraisal")
    print(
        "floor:    the same formulas by hand in Decimal over pre-extracted tuples of the Decimal\n"
        "          inputs: each capaian one exact half-up division (divmod), then whole\n"
        "          hundredths; if-chain table for JPT, category points and cut-offs for the\n"
        "          others; quantize(ROUND_HALF_UP) for the final value; no figures, no trace;\n"
        "          checked equal to the regime on every appraisal first, with Inexact and\n"
        "          Rounded trapped (no Decimal operation rounded)"
    )
    print(
        f"float:    the same formulas in floats, for scale only (never the goal's floor);\n"
        f"          it missed the regime's final value or predikat on {float_misses} of {args.n}"
    )
    print(
        f"each result is dropped as it comes; {args.repeat} interleaved run(s), medians, "
        "time.perf_counter"
    )
    print()
    print_paths(median, args.n)
    print()
    print(
        f"ratio trace off/floor: {median['trace off'] / median['floor']:.2f} (target <= 2); "
        f"trace on/floor: {median['trace on'] / median['floor']:.2f} (target <= 4)"
    )
    print(
        f"for scale: trace off / float {median['trace off'] / median['float']:.2f}, "
        f"floor / float {median['floor'] / median['float']:.2f}"
    )
    print(environment())
    return 0


if __name__ == "__main__":
    sys.exit(main())
