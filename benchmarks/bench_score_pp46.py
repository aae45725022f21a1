"""
Benchmark: score N appraisals under PP 46/2011, against a hand-written exact floor.

Measured paths, on the same in-memory appraisals:

- ``Pp46Regime().score(appraisal, trace=False)`` and ``.score(appraisal)`` (traced);
- **floor**: a plain function computing the same Perka BKN 1/2013 formulas, the same
  rounding (2 places, halves up, at the kegiatan values, the SKP, the behaviour and
  the final value) and the same category, exactly with `Fraction`, from plain tuples
  of the `Decimal` targets, realisations and supervisor ratings extracted before
  timing; no checks, no figures, no `Result`, no trace.

Ratios are against the floor.  Before timing, the floor's final value and category
are checked against the regime's on every appraisal, and the inputs are frozen out
of the garbage collector's generations (``gc.freeze``) so that collections do not
walk all N appraisals.  Timing is reported, never asserted.

    python benchmarks/bench_score_pp46.py                       # N=100_000, best of 3
    python benchmarks/bench_score_pp46.py --n 2000 --repeat 1   # a quick smoke run
"""

from __future__ import annotations

import random
import sys
import time
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from _common import arguments, environment, peak_rss_mib, settle, time_once

from penilaian import (
    PP46_2011_BEHAVIOUR,
    Appraisal,
    Aspect,
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
    Rater,
    Rating,
    Realisation,
    WorkTarget,
)
from penilaian.model import TargetKind
from penilaian.regimes.pp46_2011 import Pp46Regime

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

ACTIVITIES = 4
SHAPE = (
    f"{ACTIVITIES} kegiatan of 3 or 4 aspects (cost on every other one), 0-3 tugas "
    "tambahan, 0-1 innovation, supervisor ratings on 5 or 6 aspects (a third structural)"
)
SCALE = NumericScale("nilai", 0, 100)
KINDS = (PositionKind.SUPERVISOR, PositionKind.EXECUTOR, PositionKind.EXPERT_FIRST)
SCOPES = (None, None, InnovationScope.UNIT, InnovationScope.ORGANISATION, InnovationScope.STATE)


def make_appraisal(rng: random.Random, number: int) -> Appraisal:
    """Return one realistic appraisal: amounts in whole units, months and rupiah."""
    targets = []
    for index in range(ACTIVITIES):
        output = rng.randrange(2, 40)
        months = 12
        cost = rng.randrange(10, 500) * 1_000_000 if index % 2 else None
        aspects = [
            (Aspect.QUANTITY, output, rng.randrange(0, output + 3)),
            (Aspect.QUALITY, 100, rng.randrange(70, 101)),
            (Aspect.TIME, months, rng.choice((8, 9, 10, 11, 12, 12, 12, 13))),
        ]
        if cost:
            aspects.append((Aspect.COST, cost, cost * rng.randrange(70, 111) // 100))
        indicators = [
            Indicator(
                f"k{index}-{aspect.value}",
                f"{aspect.label()} kegiatan {index}",
                aspect,
                PointTarget(planned),
                direction=Direction.LOWER_IS_BETTER
                if aspect in (Aspect.TIME, Aspect.COST)
                else Direction.HIGHER_IS_BETTER,
                realisation=Realisation(realised),
            )
            for aspect, planned, realised in aspects
        ]
        targets.append(WorkTarget(f"k{index}", f"Kegiatan {index}", indicators))
    for index in range(rng.randrange(0, 4)):
        indicator = Indicator(f"tt{index}-o", "Tugas", Aspect.QUANTITY, PointTarget(1))
        targets.append(WorkTarget(f"tt{index}", "Tugas tambahan", [indicator], "additional"))
    kind = KINDS[number % 3]
    ratings = [
        Rating("atasan", aspect.id, SCALE.id, score=Decimal(rng.randrange(6000, 10001)) / 100)
        for aspect in PP46_2011_BEHAVIOUR.aspects_for(kind)
    ]
    scope = rng.choice(SCOPES)
    return Appraisal(
        f"skp-{number:06d}",
        Employee(f"e-{number}", "Pegawai"),
        Position("Jabatan", kind),
        Period.year(2019),
        PP46_2011_BEHAVIOUR,
        targets,
        [Rater("atasan", "supervisor", f"e-atasan-{number}")],
        [SCALE],
        ratings,
        innovations=[Innovation("Inovasi", scope)] if scope else [],
    )


# -- the floor: the same formulas on plain tuples, nothing checked -----------------------

Plain = tuple[
    tuple[tuple[tuple[int, Decimal, Decimal], ...], ...], int, tuple[str, ...], tuple[Decimal, ...]
]
ASPECT_CODES = {Aspect.QUANTITY: 0, Aspect.QUALITY: 1, Aspect.TIME: 2, Aspect.COST: 3}
FACTOR = Fraction(176, 100)
POINTS = {"unit": 3, "organisation": 6, "state": 12}
CUTS = ((50, Grade.BAD), (60, Grade.POOR), (75, Grade.FAIR), (90, Grade.GOOD))


def extract(appraisal: Appraisal) -> Plain:
    """Return the numbers the floor needs, in plain tuples, in the regime's order."""

    def numbers(indicator: Indicator) -> tuple[int, Decimal, Decimal]:
        assert isinstance(indicator.target, PointTarget)
        assert indicator.realisation is not None
        assert indicator.realisation.value is not None
        return ASPECT_CODES[indicator.aspect], indicator.target.value, indicator.realisation.value

    activities = tuple(
        tuple(sorted(numbers(indicator) for indicator in target.indicators))
        for target in appraisal.targets
        if target.kind is TargetKind.MAIN
    )
    additional = sum(target.kind is TargetKind.ADDITIONAL for target in appraisal.targets)
    scopes = tuple(innovation.scope.value for innovation in appraisal.innovations)
    behaviour = tuple(rating.score for rating in appraisal.ratings if rating.score is not None)
    return activities, additional, scopes, behaviour


def round2(value: Fraction) -> Fraction:
    """Round to 2 places, halves up (away from zero), in integers."""
    whole, rest = divmod(abs(value.numerator) * 100, value.denominator)
    whole += 2 * rest >= value.denominator
    return Fraction(-whole if value < 0 else whole, 100)


def floor(plain: Plain) -> tuple[Fraction, Grade]:
    """Score one appraisal by PP 46/2011, exactly, with no checks."""
    activities, additional, scopes, behaviour = plain
    values = []
    for aspects in activities:
        zero = aspects[0][2] == 0
        total = Fraction(0)
        for code, planned, realised in aspects:
            if zero:
                continue
            ratio = Fraction(realised) / Fraction(planned)
            if code < 2:
                total += ratio * 100
            else:
                # ((1.76 x T - R) / T) x 100 == (1.76 - R / T) x 100, as the regime computes it.
                value = (FACTOR - ratio) * 100
                if 100 - ratio * 100 > 24:
                    value = 76 - (value - 100)
                total += value
        values.append(round2(total / len(aspects)))
    tasks = 0 if additional == 0 else 1 if additional <= 3 else 2 if additional <= 6 else 3
    creativity = max((POINTS[scope] for scope in scopes), default=0)
    skp = round2(sum(values, Fraction(0)) / len(values) + tasks + creativity)
    perilaku = round2(sum((Fraction(score) for score in behaviour), Fraction(0)) / len(behaviour))
    final = round2(Fraction(3, 5) * skp + Fraction(2, 5) * perilaku)
    grade = next((label for cut, label in CUTS if final <= cut), Grade.VERY_GOOD)
    return final, grade


# -- measuring ---------------------------------------------------------------------------


def check_equivalent(appraisals: Sequence[Appraisal], plains: Sequence[Plain]) -> dict[str, int]:
    """Assert that the floor and the regime agree on every appraisal; count the grades."""
    regime = Pp46Regime()
    counts: dict[str, int] = {}
    for appraisal, plain in zip(appraisals, plains, strict=True):
        result = regime.score(appraisal, trace=False)
        assert result.score is not None
        assert result.grade is not None
        assert (Fraction(result.score), result.grade) == floor(plain), appraisal.id
        counts[result.grade.value] = counts.get(result.grade.value, 0) + 1
    return counts


def main(argv: Sequence[str] | None = None) -> int:
    args = arguments(__doc__, argv)

    built = time.perf_counter()
    rng = random.Random(args.seed)
    appraisals = [make_appraisal(rng, number) for number in range(args.n)]
    plains = [extract(appraisal) for appraisal in appraisals]
    built = time.perf_counter() - built
    counts = check_equivalent(appraisals, plains)
    # The N appraisals are live objects (bench_load's inputs are strings, which the
    # collector skips): freeze them, so that collections triggered by the steps a
    # traced score allocates do not walk all N inputs each time.
    settle()

    regime = Pp46Regime()

    def trace_off(appraisal: Appraisal) -> object:
        return regime.score(appraisal, trace=False)

    def trace_on(appraisal: Appraisal) -> object:
        return regime.score(appraisal)

    paths: dict[str, tuple[Callable[[Any], object], Sequence[Any]]] = {
        "trace off": (trace_off, appraisals),
        "trace on": (trace_on, appraisals),
        "floor": (floor, plains),
    }
    best = dict.fromkeys(paths, float("inf"))
    for _ in range(args.repeat):
        for name, (run, items) in paths.items():  # interleaved, so drift hits every path alike
            best[name] = min(best[name], time_once(run, items, fresh=True))

    print("bench_score_pp46: score appraisals under PP 46/2011")
    print(f"appraisal shape: {SHAPE}")
    print(f"  seed {args.seed}; built in {built:.1f} s; grades {dict(sorted(counts.items()))}")
    print("measured: Pp46Regime().score(appraisal, trace=False / True), default policy")
    print(
        "floor:    the same formulas, rounding and category, exact with Fraction, on plain\n"
        "          tuples of the Decimal inputs extracted before timing; no checks, no Result"
    )
    print("the floor agreed with the regime on every appraisal (final value and category)")
    print(
        "inputs built before timing and moved out of the collector's reach (gc.freeze);\n"
        f"each result is dropped as it comes; best of {args.repeat} run(s), time.perf_counter"
    )
    print()
    print(f"{'path':<10} {'N':>9} {'total s':>9} {'µs/appraisal':>13} {'vs floor':>9}")
    for name, seconds in best.items():
        per = seconds / args.n * 1e6
        ratio = seconds / best["floor"]
        print(f"{name:<10} {args.n:>9} {seconds:>9.3f} {per:>13.1f} {ratio:>8.2f}x")
    print()
    print(f"ratio trace off / floor: {best['trace off'] / best['floor']:.2f} (target <= 2)")
    print(f"ratio trace on / floor:  {best['trace on'] / best['floor']:.2f} (target <= 4)")
    print(f"peak RSS: {peak_rss_mib():,.0f} MiB (whole process, the N appraisals included)")
    print(environment())
    return 0


if __name__ == "__main__":
    sys.exit(main())
