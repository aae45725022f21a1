"""
Benchmark: grade N appraisals under PermenPANRB 6/2022, against hand-written floors.

Measured paths, on the same in-memory appraisals:

- ``Permen6Regime().score(appraisal, trace=False)`` and ``.score(appraisal)`` (traced: the
  trace is built the first time it is read); **trace read** also reads the whole trace;
- **scan floor**: plain code that finds the supervisor's two overall ratings in
  ``appraisal.ratings`` (a role dict and one loop), maps their level ids to
  `ExpectationLevel` members with a dict and looks the grade up in the matrix;
  no checks, no gaps, no `Result`;
- **floor**: the matrix lookup alone, ``PERMEN6_2022_MATRIX[work, behaviour]``, on
  levels extracted before timing.

Ratios are against the floor; the scan floor shows how much of the cost is finding
the ratings at all.  Timing is reported, never asserted.

    python benchmarks/bench_score_permen6.py                       # N=100_000, median of 3
    python benchmarks/bench_score_permen6.py --n 20000 --repeat 3  # the figures of the README
    python benchmarks/bench_score_permen6.py --n 2000 --repeat 1   # a quick smoke run
"""

from __future__ import annotations

import random
import sys
import time
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from _common import (
    arguments,
    environment,
    interleaved_medians,
    peak_rss_mib,
    settle,
    traced_paths,
)

from penilaian import (
    BERAKHLAK,
    EXPECTATION_SCALE,
    Appraisal,
    Employee,
    ExpectationLevel,
    Grade,
    Indicator,
    Period,
    PointTarget,
    Position,
    PositionKind,
    Rater,
    RaterRole,
    Rating,
    Realisation,
    WorkTarget,
)
from penilaian.model import OVERALL_BEHAVIOUR, OVERALL_WORK_RESULTS
from penilaian.regimes.permen6_2022 import PERMEN6_2022_MATRIX, Permen6Regime

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

LEVELS = tuple(ExpectationLevel)
RATERS = (
    ("self", RaterRole.SELF),
    ("supervisor", RaterRole.SUPERVISOR),
    ("peer_1", RaterRole.PEER),
    ("peer_2", RaterRole.PEER),
)
INDICATORS = 3
SHAPE = (
    f"one appraisal = employee, position (Ahli Pertama), period (one year), framework "
    f"berakhlak,\n  1 work target with {INDICATORS} realised point indicators, "
    f"{len(RATERS)} raters (self, supervisor, 2 peers), the expectation scale,\n"
    f"  {2 + 2 * 2 + len(BERAKHLAK.aspects)} ratings: the supervisor's {OVERALL_WORK_RESULTS} "
    f"and {OVERALL_BEHAVIOUR} levels, each peer's two overall levels\n"
    f"  (ignored by the rule) and the self rater's {len(BERAKHLAK.aspects)} BerAKHLAK values, "
    "in a shuffled order"
)


def make_appraisal(rng: random.Random, number: int) -> Appraisal:
    """Build one valid appraisal, the same for the same *rng* state and *number*."""
    employee_id = f"emp-{number:06d}"
    indicators = [
        Indicator(f"iki-{index}", f"Indikator {index}", "kuantitas", PointTarget(12),
                  realisation=Realisation(Decimal(rng.randrange(6, 15))))
        for index in range(INDICATORS)
    ]  # fmt: skip
    raters = [
        Rater(f"r-{name}", role, employee_id if role is RaterRole.SELF else f"{employee_id}-{name}")
        for name, role in RATERS
    ]
    ratings = [
        Rating(f"r-{name}", subject, EXPECTATION_SCALE.id, level=rng.choice(LEVELS).value)
        for name in ("supervisor", "peer_1", "peer_2")
        for subject in (OVERALL_WORK_RESULTS, OVERALL_BEHAVIOUR)
    ]
    ratings.extend(
        Rating("r-self", aspect.id, EXPECTATION_SCALE.id, level=rng.choice(LEVELS).value)
        for aspect in BERAKHLAK.aspects
    )
    rng.shuffle(ratings)
    return Appraisal(
        f"skp-{number:06d}",
        Employee(employee_id, f"Pegawai {number}"),
        Position("Analis Ahli Pertama", PositionKind.EXPERT_FIRST, unit_id="unit-1"),
        Period.year(2024),
        BERAKHLAK,
        [WorkTarget("rhk-1", "Tersusunnya laporan", indicators)],
        raters,
        [EXPECTATION_SCALE],
        ratings,
    )


BY_ID = {level.value: level for level in LEVELS}


def scan_floor(appraisal: Appraisal) -> Grade:
    """Find the supervisor's two levels by hand and look the grade up; nothing checked."""
    supervisors = {rater.id for rater in appraisal.raters if rater.role is RaterRole.SUPERVISOR}
    work = behaviour = LEVELS[0]
    for rating in appraisal.ratings:
        if rating.rater_id in supervisors and rating.level is not None:
            if rating.subject == OVERALL_WORK_RESULTS:
                work = BY_ID[rating.level]
            elif rating.subject == OVERALL_BEHAVIOUR:
                behaviour = BY_ID[rating.level]
    return PERMEN6_2022_MATRIX[work, behaviour]


def extract(appraisal: Appraisal) -> tuple[ExpectationLevel, ExpectationLevel]:
    """Return the supervisor's (work, behaviour) levels, before timing."""
    levels = {
        rating.subject: BY_ID[rating.level]
        for rating in appraisal.ratings
        if rating.rater_id == "r-supervisor" and rating.level is not None
    }
    return levels[OVERALL_WORK_RESULTS], levels[OVERALL_BEHAVIOUR]


def main(argv: Sequence[str] | None = None) -> int:
    args = arguments(__doc__, argv)

    built = time.perf_counter()
    rng = random.Random(args.seed)
    appraisals = [make_appraisal(rng, number) for number in range(args.n)]
    pairs = [extract(appraisal) for appraisal in appraisals]
    built = time.perf_counter() - built

    regime = Permen6Regime()
    settle()
    expected = [PERMEN6_2022_MATRIX[pair] for pair in pairs]
    assert [regime.score(a, trace=False).grade for a in appraisals] == expected
    assert [regime.score(a).grade for a in appraisals[:1000]] == expected[:1000]
    assert [scan_floor(a) for a in appraisals] == expected

    paths: dict[str, tuple[Callable[[Any], object], Sequence[Any]]] = {
        **traced_paths(regime.score, appraisals),
        "scan floor": (scan_floor, appraisals),
        "floor": (PERMEN6_2022_MATRIX.__getitem__, pairs),
    }
    # A/B interleaved, so drift hits every path alike; the median of the passes.
    median = interleaved_medians(paths, args.repeat)

    counts = {grade.value: expected.count(grade) for grade in dict.fromkeys(expected)}
    print("bench_score_permen6: grade appraisals under PermenPANRB 6/2022")
    print(f"appraisal shape: {SHAPE}")
    print(f"  seed {args.seed}; built in {built:.1f} s; grades {counts}")
    print("measured: Permen6Regime().score(appraisal, trace=False / True), default rules")
    print(
        "scan floor: plain loop finding the supervisor's two levels, dict to ExpectationLevel,\n"
        "            matrix lookup; floor: PERMEN6_2022_MATRIX[(work, behaviour)] on levels\n"
        "            extracted before timing"
    )
    print(f"each result is dropped as it comes; median of {args.repeat} run(s), time.perf_counter")
    print()
    print(f"{'path':<11} {'N':>9} {'total s':>9} {'µs/appraisal':>13} {'vs floor':>9}")
    for name, seconds in median.items():
        per, ratio = seconds / args.n * 1e6, seconds / median["floor"]
        print(f"{name:<11} {args.n:>9} {seconds:>9.3f} {per:>13.2f} {ratio:>8.1f}x")
    print()
    print(f"ratio trace on / trace off: {median['trace on'] / median['trace off']:.2f}")
    print(f"ratio trace off / scan floor: {median['trace off'] / median['scan floor']:.2f}")
    print(f"ratio trace on / scan floor: {median['trace on'] / median['scan floor']:.2f}")
    print(f"peak RSS: {peak_rss_mib():,.0f} MiB (whole process, the N appraisals included)")
    print(environment())
    return 0


if __name__ == "__main__":
    sys.exit(main())
