"""
Benchmark: score N appraisals under PP 30/2019 + PermenPANRB 8/2021, against an exact floor.

Measured paths: ``Pp30Regime().score(appraisal, trace=False)`` and ``trace=True``, once
per in-memory appraisal, as a caller scoring a batch does.

Floor, in the same process: the same formulas written by hand over plain tuples
extracted beforehand (not timed) that hold the model's `Decimal` inputs: each turned
into a `Fraction`, capaian IKI rounded half up to a whole percent; for a JPT post the
conversion table as an if-chain and the means (PermenPANRB 8/2021 Bab VI.A.1), for
every other post the category points 16/13/8/3/1 summed per rencana, its cut-offs
and nilai 120/100/80/60/25, and kinerja tambahan's 2.4/1.6/1.0/0.5/0.1 (Bab VI.A.2);
half-up rounding to 2 places in integer arithmetic, the 70/30 or 60/40 weights, the
cap and the predikat.  No validation, no figures
dictionary, no trace, no Decimal output.  Before timing, every
appraisal's floor grade and final value are checked against the regime's.  The ratio
penilaian/floor is what the regime's structure (figures, rules as data, declared
rounding, the aggregator, the result) costs over the bare arithmetic.  Timing is
reported, never asserted.

    python benchmarks/bench_score_pp30.py                       # N=100_000, best of 3
    python benchmarks/bench_score_pp30.py --n 2000 --repeat 1   # a quick smoke run
"""

from __future__ import annotations

import random
import sys
import time
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING

from _common import arguments, environment, settle, time_once

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
ZERO = Fraction(0)

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


def round_half_up(value: Fraction, places: int = 2) -> Fraction:
    """Round a non-negative or negative fraction half away from zero, in integers."""
    scale = 10**places
    numerator, denominator = value.numerator * scale, value.denominator
    whole = (2 * abs(numerator) + denominator) // (2 * denominator)
    return Fraction(whole if numerator >= 0 else -whole, scale)


def iki_value(capaian: Fraction, at_maximum: bool) -> Fraction:
    """The conversion table of PermenPANRB 8/2021, as an if-chain."""
    if capaian >= 110 or (at_maximum and capaian == 100):
        value = Fraction(120)
    elif capaian >= 101:
        value = 110 + Fraction(10, 9) * (capaian - 101)
    elif capaian >= 100:
        value = Fraction(109)
    elif capaian >= 60:
        value = capaian - 10
    else:
        value = max(capaian * Fraction(49, 59), Fraction(0))
    return value


def category_of(capaian: Fraction, at_maximum: bool) -> int:
    """The IKI category (0 Sangat Baik ... 4 Sangat Kurang) of a whole-percent capaian."""
    if capaian >= 101 or (at_maximum and capaian == 100):
        return 0
    if capaian == 100:
        return 1
    return 2 if capaian >= 80 else 3 if capaian >= 60 else 4


POINTS = (16, 13, 8, 3, 1)
RENCANA = (120, 100, 80, 60, 25)
ADDITIONAL = (Fraction(12, 5), Fraction(8, 5), Fraction(1), Fraction(1, 2), Fraction(1, 10))


def rencana(categories: Sequence[int]) -> int:
    """A rencana's band (0 Sangat Baik ... 4) from its IKIs' categories: > 14n, 34n/3, ..."""
    total, count = sum(POINTS[category] for category in categories), len(categories)
    if total > 14 * count:
        return 0
    if 3 * total >= 34 * count:
        return 1
    return 2 if 3 * total >= 19 * count else 3 if 3 * total >= 7 * count else 4


def floor(plain: Plain) -> tuple[Grade, Fraction]:
    """Score one pre-extracted appraisal by hand: (grade, final value)."""
    targets, scores, peer, innovation, kind = plain
    table = kind in JPT_KINDS
    main_values = []  # the table: additional work is valued but adds nothing by default
    additional = ZERO
    for is_main, indicators in targets:
        values, categories = [], []
        for low, high, realised, higher, at_maximum in indicators:
            if low <= realised <= high:
                capaian = Fraction(100)
            else:
                ratio = Fraction(realised) / Fraction(high if realised > high else low)
                capaian = (ratio if higher else 2 - ratio) * 100
            whole = round_half_up(capaian, 0)
            values.append(round_half_up(iki_value(whole, at_maximum)))
            categories.append(category_of(whole, at_maximum))
        if table:
            value = round_half_up(sum(values, ZERO) / len(values))
        else:
            band = rencana(categories)
            value = Fraction(RENCANA[band])
            additional += 0 if is_main else ADDITIONAL[band]
        if is_main:
            main_values.append(value)
    skp = round_half_up(sum(main_values, ZERO) / len(main_values)) + additional
    behaviour = round_half_up(sum(map(Fraction, scores), ZERO) / len(scores))
    work_weight = Fraction(3, 5) if peer else Fraction(7, 10)
    final = round_half_up(min(work_weight * skp + (1 - work_weight) * behaviour, Fraction(120)))
    if final >= 110:
        grade = Grade.VERY_GOOD if innovation else Grade.GOOD
    elif final >= 90:
        grade = Grade.GOOD
    elif final >= 70:
        grade = Grade.NEEDS_IMPROVEMENT
    else:
        grade = Grade.POOR if final >= 50 else Grade.VERY_POOR
    return grade, final


# -- measuring -------------------------------------------------------------------------------


def check_equivalent(
    regime: Pp30Regime, appraisals: Sequence[Appraisal], plains: Sequence[Plain]
) -> None:
    """Assert that the floor and the regime agree on every appraisal (and warm both up)."""
    for appraisal, plain in zip(appraisals, plains, strict=True):
        result = regime.score(appraisal, trace=False)
        assert result.score is not None
        expected = floor(plain)
        assert (result.grade, Fraction(result.score)) == expected, (appraisal.id, result, expected)
        assert regime.score(appraisal).without_trace() == result


def main(argv: Sequence[str] | None = None) -> int:
    args = arguments(__doc__, argv)

    built = time.perf_counter()
    rng = random.Random(args.seed)
    appraisals = [make_appraisal(rng, number) for number in range(args.n)]
    plains = [extract(appraisal) for appraisal in appraisals]
    built = time.perf_counter() - built
    regime = Pp30Regime()
    check_equivalent(regime, appraisals, plains)
    settle()

    paths: dict[str, tuple[Callable[[object], object], Sequence[object]]] = {
        "trace off": (lambda a: regime.score(a, trace=False), appraisals),  # type: ignore[arg-type]
        "trace on": (regime.score, appraisals),  # type: ignore[dict-item]
        "floor": (floor, plains),  # type: ignore[dict-item]
    }
    best = dict.fromkeys(paths, float("inf"))
    for _ in range(args.repeat):
        for name, (run, items) in paths.items():  # interleaved, so drift hits every path alike
            best[name] = min(best[name], time_once(run, items, fresh=True))

    grades: dict[str, int] = {}
    for appraisal in appraisals[:1000]:
        grade = regime.score(appraisal, trace=False).grade
        key = grade.value if grade else "incomplete"
        grades[key] = grades.get(key, 0) + 1
    print("bench_score_pp30: score appraisals under PP 30/2019 + PermenPANRB 8/2021")
    print(f"appraisal shape: {SHAPE}")
    print(
        f"  seed {args.seed}; built and extracted in {built:.1f} s; "
        f"grades of the first 1000: {grades}"
    )
    print("measured: Pp30Regime().score(appraisal, trace=False) and trace=True, one per appraisal")
    print(
        "floor:    the same formulas by hand over pre-extracted tuples of the Decimal inputs\n"
        "          (Fraction arithmetic, if-chain table for JPT, category points and cut-offs for\n"
        "          the others, integer half-up rounding, no figures, no trace); checked equal\n"
        "          to the regime on every appraisal first"
    )
    print(f"each result is dropped as it comes; best of {args.repeat} run(s), time.perf_counter")
    print()
    print(f"{'path':<10} {'N':>9} {'total s':>9} {'µs/appraisal':>13} {'vs floor':>9}")
    for name, seconds in best.items():
        per = seconds / args.n * 1e6
        ratio = seconds / best["floor"]
        print(f"{name:<10} {args.n:>9} {seconds:>9.3f} {per:>13.1f} {ratio:>8.2f}x")
    print()
    print(
        f"ratio trace off/floor: {best['trace off'] / best['floor']:.2f} (target <= 2); "
        f"trace on/floor: {best['trace on'] / best['floor']:.2f} (target <= 4)"
    )
    print(environment())
    return 0


if __name__ == "__main__":
    sys.exit(main())
