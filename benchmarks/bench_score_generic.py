"""
Benchmark: score N appraisals with `GenericRegime` and a 360-degree policy, against an exact floor.

Workload (the scalar issue's): 8 indicators (two main work targets of 4, point and range
targets, both directions) and 4-7 raters (supervisor, maybe a second-level supervisor,
1-3 peers, maybe a subordinate, maybe the employee) rating the 7 BerAKHLAK aspects on a
0-100 scale.  Regime: `GenericRegime.default()` (work 7/10: the mean achievement of the
main indicators, capped at 120; behaviour 3/10: the mean of the aspects, each the policy's
value rescaled to 0-100; 2 places halves up; the default bands) with the policy of
``bench_aggregate`` (supervisor 2/5, second-level 1/10, peer 3/10, subordinate 1/5, mean
within a role, renormalise, at least 2 peers, self not counted).

Measured paths, on the same in-memory appraisals:

- ``regime.score(appraisal, trace=False)`` and ``regime.score(appraisal)`` (traced; the
  trace is built when first read), and ``trace read``: the traced score with its whole
  trace walked;
- **floor**: the same rules hand-written in plain integers over tuples of the `Decimal`
  inputs extracted before timing (each `Decimal` turned into its integer ratio inside the
  floor, as the library must): achievements over a common denominator, the cap, the role
  means with the minimum and renormalisation, the weighted total, one exact half-up
  division (``divmod``) for the rounding, the bands; no checks, no figures, no `Result`;
- **float**: the same formulas in floats, for scale only (never the goal's floor).

Before timing, the floor's score and band are checked equal to the regime's on every
appraisal.  The paths are timed A/B interleaved, round after round, and the medians
reported; the appraisals' cached indexes are dropped before each pass, so every pass
pays for them.  Timing is reported, never asserted.

    python benchmarks/bench_score_generic.py                       # N=100_000, median of 3
    python benchmarks/bench_score_generic.py --n 2000 --repeat 1   # a quick smoke run
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
    float_half_up,
    interleaved_medians,
    peak_rss_mib,
    print_paths,
    settle,
    traced_paths,
)
from bench_aggregate import POLICY, SCALE

from penilaian import (
    BERAKHLAK,
    Appraisal,
    Aspect,
    Direction,
    Employee,
    GenericRegime,
    Indicator,
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

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

REGIME = GenericRegime.default().with_aggregator(POLICY)
ASPECTS = tuple(aspect.id for aspect in BERAKHLAK.aspects)
SCORES = tuple(Decimal(score) for score in range(101))
CAP = 120
ROLE_WEIGHTS = tuple(
    (
        role,
        share.numerator * (10 // share.denominator),
        max(POLICY.min_raters.get(RaterRole(role), 1), 1),
    )
    for role, share in POLICY.role_weights.shares.items()
)
"""(role id, weight in tenths, minimum raters), in the policy's order."""
CUTS = tuple((cut * 100, label) for cut, label in ((50, 0), (70, 1), (90, 2), (110, 3)))
SHAPE = (
    "8 indicators (2 main targets of 4; point and range targets, both directions), "
    "4-7 raters x 7 BerAKHLAK aspects on 0-100"
)


def make_appraisal(rng: random.Random, number: int) -> Appraisal:
    """One appraisal of the workload, with a fresh set of raters."""
    targets = []
    for index in range(2):
        indicators = []
        for place in range(4):
            planned = rng.randrange(2, 200)
            lower = place == 3
            target: PointTarget | RangeTarget = (
                RangeTarget(planned, planned + rng.randrange(1, 20))
                if place == 2
                else PointTarget(planned)
            )
            indicators.append(
                Indicator(
                    f"t{index}.i{place}",
                    "Indikator",
                    Aspect.QUANTITY,
                    target,
                    direction=Direction.LOWER_IS_BETTER if lower else Direction.HIGHER_IS_BETTER,
                    realisation=Realisation(
                        Decimal(rng.randrange(planned * 50, planned * 150)) / 100
                    ),
                )
            )
        targets.append(WorkTarget(f"t{index}", "Sasaran", indicators))
    roles = [RaterRole.SUPERVISOR]
    roles += [RaterRole.SECOND_LEVEL_SUPERVISOR] * rng.randrange(2)
    roles += [RaterRole.PEER] * rng.randrange(1, 4)
    roles += [RaterRole.SUBORDINATE] * rng.randrange(2)
    roles += [RaterRole.SELF] * rng.randrange(2)
    while len(roles) < 4:
        roles.append(RaterRole.PEER)
    raters = [
        Rater(f"r{index}", role, "e" if role is RaterRole.SELF else f"emp-{index}")
        for index, role in enumerate(roles)
    ]
    ratings = [
        Rating(rater.id, aspect, SCALE.id, score=SCORES[rng.randrange(55, 101)])
        for rater in raters
        for aspect in ASPECTS
    ]
    return Appraisal(
        f"a-{number:06d}",
        Employee("e", "Pegawai"),
        Position("Jabatan", PositionKind.EXECUTOR),
        Period.year(2024),
        BERAKHLAK,
        targets,
        raters,
        [SCALE],
        ratings,
    )


# -- the floors ------------------------------------------------------------------------

Plain = tuple[
    tuple[tuple[bool, Decimal, Decimal, Decimal | None], ...],
    tuple[tuple[tuple[str, Decimal], ...], ...],
]


def extract(appraisal: Appraisal) -> Plain:
    """(lower, low, realised, high or None) per indicator; (role, score) per aspect."""
    work = []
    for target in appraisal.targets:
        for indicator in target.indicators:
            planned = indicator.target
            realised = indicator.realisation.value  # type: ignore[union-attr]
            lower = indicator.direction is Direction.LOWER_IS_BETTER
            if isinstance(planned, RangeTarget):
                work.append((lower, planned.low, realised, planned.high))
            else:
                work.append((lower, planned.value, realised, None))  # type: ignore[union-attr]
    roles = {rater.id: rater.role.value for rater in appraisal.raters}
    behaviour = tuple(
        tuple((roles[r.rater_id], r.score) for r in appraisal.ratings if r.subject == aspect)
        for aspect in ASPECTS
    )
    return tuple(work), behaviour  # type: ignore[return-value]


def floor(plain: Plain) -> tuple[int, int]:
    """The score x 100 and the band index, exactly, in integers."""
    work, behaviour = plain
    w_n, w_d = 0, 1
    for lower, low, realised, high in work:
        if high is not None and low <= realised <= high:
            n, d = 100, 1
        else:
            compared = high if high is not None and realised > high else low
            rn, rd = realised.as_integer_ratio()
            tn, td = compared.as_integer_ratio()
            n, d = rn * td, rd * tn
            if lower:
                n = 2 * d - n
            n *= 100
            if n > CAP * d:
                n, d = CAP, 1
        w_n, w_d = w_n * d + n * w_d, w_d * d
    w_d *= len(work)
    b_n, b_d = 0, 1
    for pairs in behaviour:
        sums: dict[str, Decimal] = {}
        counts: dict[str, int] = {}
        for role, score in pairs:
            if role in sums:
                sums[role] += score
                counts[role] += 1
            else:
                sums[role] = score
                counts[role] = 1
        n, d, present = 0, 1, 0
        for role, weight, minimum in ROLE_WEIGHTS:
            count = counts.get(role, 0)
            if count >= minimum:
                total = int(sums[role])  # whole scores on this scale
                n, d = n * count + weight * total * d, d * count
                present += weight
        b_n, b_d = b_n * d * present + n * b_d, b_d * d * present
    b_d *= len(behaviour)
    # 7/10 work + 3/10 behaviour, x 100, rounded half up to a whole number.
    t_n, t_d = (7 * w_n * b_d + 3 * b_n * w_d) * 100, 10 * w_d * b_d
    whole, remainder = divmod(t_n, t_d)
    whole += 2 * remainder >= t_d
    band = next((label for cut, label in CUTS if whole < cut), 4)
    return whole, band


def float_floor(plain: Plain) -> tuple[float, int]:
    """The same formulas in floats: for scale only."""
    work, behaviour = plain
    total = 0.0
    for lower, low, realised, high in work:
        if high is not None and low <= realised <= high:
            value = 100.0
        else:
            compared = float(high if high is not None and realised > high else low)
            ratio = float(realised) / compared
            value = min((2 - ratio if lower else ratio) * 100, CAP)
        total += value
    work_mean = total / len(work)
    aspects = 0.0
    for pairs in behaviour:
        sums: dict[str, float] = {}
        counts: dict[str, int] = {}
        for role, score in pairs:
            sums[role] = sums.get(role, 0.0) + float(score)
            counts[role] = counts.get(role, 0) + 1
        value = present = 0.0
        for role, weight, minimum in ROLE_WEIGHTS:
            count = counts.get(role, 0)
            if count >= minimum:
                value += weight * sums[role] / count
                present += weight
        aspects += value / present
    score = float_half_up(0.7 * work_mean + 0.3 * aspects / len(behaviour))
    band = next((label for cut, label in CUTS if score * 100 < cut), 4)
    return score, band


def check_equivalent(appraisals: Sequence[Appraisal], plains: Sequence[Plain]) -> int:
    """Assert the floor and the regime agree on every appraisal; count float misses."""
    bands = list(REGIME.bands.labels)
    misses = 0
    for appraisal, plain in zip(appraisals, plains, strict=True):
        result = REGIME.score(appraisal, trace=False)
        assert result.score is not None, appraisal.id
        whole, band = floor(plain)
        assert (result.score * 100, result.grade) == (whole, bands[band]), appraisal.id
        score, fband = float_floor(plain)
        misses += (round(score, 2), fband) != (float(result.score), band)
    return misses


def main(argv: Sequence[str] | None = None) -> int:
    args = arguments(__doc__, argv)
    built = time.perf_counter()
    rng = random.Random(args.seed)
    appraisals = [make_appraisal(rng, number) for number in range(args.n)]
    plains = [extract(appraisal) for appraisal in appraisals]
    built = time.perf_counter() - built
    misses = check_equivalent(appraisals, plains)
    settle()

    paths: dict[str, tuple[Callable[[Any], object], Sequence[Any]]] = {
        **traced_paths(REGIME.score, appraisals),
        "floor": (floor, plains),
        "float": (float_floor, plains),
    }
    median = interleaved_medians(paths, args.repeat)

    print("bench_score_generic: GenericRegime.default() with a 360-degree WeightingPolicy")
    print(f"appraisal shape: {SHAPE}")
    print(f"  seed {args.seed}; built in {built:.1f} s")
    print("floor:    the same rules in plain integers on Decimal tuples extracted before timing;")
    print("          agreed with the regime on every appraisal (score and band)")
    print(f"float:    for scale only; missed the regime's score or band on {misses} of {args.n}")
    print(f"{args.repeat} interleaved run(s), medians, time.perf_counter")
    print()
    print_paths(median, args.n)
    print()
    print(f"ratio trace off / floor: {median['trace off'] / median['floor']:.2f} (target <= 2)")
    print(f"ratio trace on / floor:  {median['trace on'] / median['floor']:.2f} (target <= 4)")
    print(f"ratio trace read / floor: {median['trace read'] / median['floor']:.2f}")
    print(f"peak RSS: {peak_rss_mib():,.0f} MiB (whole process, the N appraisals included)")
    print(environment())
    return 0


if __name__ == "__main__":
    sys.exit(main())
