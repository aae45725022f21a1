"""
Benchmark: aggregate the 360-degree behaviour ratings of N appraisals with a weighting policy.

Measured path: ``policy(appraisal, aspect, trace=...)`` (with the trace on, the step is
built when first read; ``trace read`` reads it) for each of the 7 BerAKHLAK aspects
of each appraisal (all aspects, as a regime asks), with a typical agency policy: supervisor
2/5, second-level supervisor 1/10, peers 3/10, subordinate 1/5, `Mean` within a role,
`Renormalise` for missing roles, at least 2 peers, self not counted (reported beside).

Floor, in the same process: the weighted mean of per-role means hand-written in
`Decimal`, over ``(role, Decimal score)`` tuples extracted per aspect before timing,
kept as an exact numerator and denominator (Decimal products and sums never round; a
mean of 3 raters would not terminate), with the minimum raters, renormalisation and
the self value (no lookups, no checks, no result objects).  Both give identical
values, checked before timing with `Inexact` and `Rounded` trapped.  A float loop of
the same formulas is timed beside, for scale only (never the goal's floor).  The paths
are timed A/B interleaved, round after round, and the medians reported.  Timing is
reported, never asserted.

    python benchmarks/bench_aggregate.py                       # N=100_000, median of 3
    python benchmarks/bench_aggregate.py --n 2000 --repeat 1   # a quick smoke run
"""

from __future__ import annotations

import random
import sys
import time
from decimal import Decimal, Inexact, Rounded, localcontext
from typing import TYPE_CHECKING, Any

import attrs
from _common import arguments, environment, interleaved_medians, peak_rss_mib, settle

from penilaian import (
    NumericScale,
    Rater,
    RaterRole,
    Rating,
    Renormalise,
    WeightingPolicy,
    load_sample,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from penilaian import Appraisal

RATERS = (
    ("r-self", RaterRole.SELF),
    ("r-supervisor", RaterRole.SUPERVISOR),
    ("r-second", RaterRole.SECOND_LEVEL_SUPERVISOR),
    ("r-peer-1", RaterRole.PEER),
    ("r-peer-2", RaterRole.PEER),
    ("r-subordinate", RaterRole.SUBORDINATE),
)
SCALE = NumericScale("score_0_100", 0, 100, step=1)
POLICY = WeightingPolicy(
    {
        "supervisor": "2/5",
        "second_level_supervisor": "1/10",
        "peer": "3/10",
        "subordinate": "1/5",
    },
    missing=Renormalise(),
    min_raters={"peer": 2},
)
SCORES = tuple(Decimal(score) for score in range(101))

SHAPE = f"""\
one appraisal = the sample appraisal's employee, targets and framework (BerAKHLAK, 7 aspects),
  {len(RATERS)} raters (self, supervisor, second-level supervisor, 2 peers, 1 subordinate),
  {len(RATERS) * 7} ratings (every rater x every aspect, scores 55-100 on a 0-100 scale, step 1)
policy = supervisor 2/5, second-level 1/10, peer 3/10, subordinate 1/5; mean within a role;
  renormalise; min_raters peer 2; self not counted (self-other gap reported)"""


def make_appraisals(n: int, seed: int) -> list[Appraisal]:
    """Build *n* valid appraisals; ratings are shared immutable objects, so memory stays small."""
    rng = random.Random(seed)
    base = load_sample()
    aspects = [aspect.id for aspect in base.framework.aspects]
    raters = [
        Rater(rater_id, role, base.employee.id if role is RaterRole.SELF else f"emp-{rater_id}")
        for rater_id, role in RATERS
    ]
    base = attrs.evolve(base, raters=raters, scales=[SCALE], ratings=(), feedback=())
    cache: dict[tuple[str, str, int], Rating] = {}

    def rating(rater_id: str, aspect: str, score: int) -> Rating:
        key = (rater_id, aspect, score)
        if key not in cache:
            cache[key] = Rating(rater_id, aspect, SCALE.id, score=SCORES[score])
        return cache[key]

    return [
        attrs.evolve(
            base,
            id=f"skp-{number:06d}",
            ratings=tuple(
                rating(rater_id, aspect, rng.randrange(55, 101))
                for rater_id, _ in RATERS
                for aspect in aspects
            ),
        )
        for number in range(n)
    ]


Extracted = list[tuple[tuple[str, Decimal], ...]]
Weights = tuple[tuple[str, Decimal, int], ...]
FloorValue = tuple[Decimal | None, Decimal, Decimal | None, int]


def extract(appraisals: Sequence[Appraisal]) -> Extracted:
    """Per appraisal and aspect, the (role id, Decimal score) of every rating: the floor's input."""
    roles = {rater_id: role.value for rater_id, role in RATERS}
    aspects = [aspect.id for aspect in appraisals[0].framework.aspects]
    return [
        tuple(
            (roles[rating.rater_id], rating.score or Decimal(0))
            for rating in appraisal.ratings
            if rating.subject == aspect
        )
        for appraisal in appraisals
        for aspect in aspects
    ]


def floor_weights() -> Weights:
    """(role, weight as an exact Decimal, minimum raters) for each weighted role, in order."""
    return tuple(
        (
            role,
            Decimal(share.numerator) / share.denominator,
            max(POLICY.min_raters.get(RaterRole(role), 1), 1),
        )
        for role, share in POLICY.role_weights.shares.items()
    )


def floor_value(pairs: tuple[tuple[str, Decimal], ...], weights: Weights) -> FloorValue:
    """
    The hand-written floor: weighted mean of per-role means, exact, in `Decimal`.

    Returns (numerator, denominator, self sum, self count): the value is numerator /
    denominator, kept as a pair because a mean over 3 raters does not terminate
    (Decimal products and sums are exact; a Decimal ``/`` would round).  A role with
    fewer raters than its minimum is missing, and the others' weights are renormalised.
    """
    sums: dict[str, Decimal] = {}
    counts: dict[str, int] = {}
    for role, score in pairs:
        if role in sums:
            sums[role] += score
            counts[role] += 1
        else:
            sums[role] = score
            counts[role] = 1
    numerator, denominator, present = Decimal(0), 1, Decimal(0)
    for role, weight, minimum in weights:
        count = counts.get(role, 0)
        if count >= minimum:
            numerator = numerator * count + weight * sums[role] * denominator
            denominator *= count
            present += weight
    value = numerator if present else None
    return value, denominator * present, sums.get("self"), counts.get("self", 0)


FloatWeights = tuple[tuple[str, float, int], ...]


def float_value(pairs: tuple[tuple[str, float], ...], weights: FloatWeights) -> float | None:
    """The same formulas in floats: shown for scale, never the goal's floor."""
    sums: dict[str, float] = {}
    counts: dict[str, int] = {}
    for role, score in pairs:
        if role in sums:
            sums[role] += score
            counts[role] += 1
        else:
            sums[role] = score
            counts[role] = 1
    total = present = 0.0
    for role, weight, minimum in weights:
        count = counts.get(role, 0)
        if count >= minimum:
            total += weight * sums[role] / count
            present += weight
    return total / present if present else None


def make_paths(
    appraisals: Sequence[Appraisal], extracted: Extracted
) -> dict[str, tuple[Callable[[Any], object], Sequence[Any]]]:
    """Each path: what it runs on one item, and its items (an appraisal, or extracted pairs)."""
    aspects = [aspect.id for aspect in appraisals[0].framework.aspects]
    weights = floor_weights()
    float_weights = tuple((role, float(weight), minimum) for role, weight, minimum in weights)
    floats = [tuple((role, float(score)) for role, score in pairs) for pairs in extracted]

    def policy_without_trace(appraisal: Appraisal) -> object:
        return [POLICY(appraisal, aspect, trace=False) for aspect in aspects]

    def policy_with_trace(appraisal: Appraisal) -> object:
        return [POLICY(appraisal, aspect, trace=True) for aspect in aspects]

    def trace_read(appraisal: Appraisal) -> object:
        # A step is built when first read: read each, as a regime's trace does.
        return [POLICY(appraisal, aspect, trace=True).step.output for aspect in aspects]  # type: ignore[union-attr]

    def floor(pairs: Any) -> object:
        return floor_value(pairs, weights)

    def float_floor(pairs: Any) -> object:
        return float_value(pairs, float_weights)

    return {
        "trace off": (policy_without_trace, appraisals),
        "trace on": (policy_with_trace, appraisals),
        "trace read": (trace_read, appraisals),
        "floor": (floor, extracted),
        "float": (float_floor, floats),
    }


def same(value: Any, numerator: Decimal | None, denominator: Decimal | int) -> bool:
    """Whether the library's exact *value* is numerator / denominator, cross-multiplied."""
    if value is None or numerator is None:
        return value is None and numerator is None
    return Decimal(value.numerator) * denominator == numerator * value.denominator


def check_equivalent(appraisals: Sequence[Appraisal], extracted: Extracted, count: int) -> None:
    """
    Assert that the policy and the floor give the same values (and warm both up).

    The floor runs with `Inexact` and `Rounded` trapped: no Decimal operation rounded.
    """
    aspects = [aspect.id for aspect in appraisals[0].framework.aspects]
    weights = floor_weights()
    with localcontext() as exact:
        exact.traps[Inexact] = exact.traps[Rounded] = True
        floors = [floor_value(pairs, weights) for pairs in extracted[: count * len(aspects)]]
    results = [
        POLICY.aggregate(appraisal, aspect, trace=False)
        for appraisal in appraisals[:count]
        for aspect in aspects
    ]
    for result, (numerator, denominator, own, mine) in zip(results, floors, strict=True):
        assert same(result.value, numerator, denominator), "the policy and the floor disagree"
        assert same(result.self_value, own, mine), "the self values disagree"
    assert [POLICY(a, s, trace=False).value for a in appraisals[:1] for s in aspects] == [
        result.value for result in results[: len(aspects)]
    ]
    traced = POLICY(appraisals[0], aspects[0], trace=True)
    assert traced.step is not None
    assert traced.value == results[0].value


def main(argv: Sequence[str] | None = None) -> int:
    args = arguments(__doc__, argv)

    built = time.perf_counter()
    appraisals = make_appraisals(args.n, args.seed)
    extracted = extract(appraisals)
    built = time.perf_counter() - built
    check_equivalent(appraisals, extracted, min(args.n, 1000))
    paths = make_paths(appraisals, extracted)
    settle()

    median = interleaved_medians(paths, args.repeat)

    aspects = len(appraisals[0].framework.aspects)
    print("bench_aggregate: weighted multi-rater aggregation of behaviour ratings")
    print(f"shape: {SHAPE}")
    print(f"  seed {args.seed}; built and extracted in {built:.1f} s")
    print(f"measured: POLICY(appraisal, aspect, trace=...) for all {aspects} aspects per appraisal")
    print(
        "floor:    weighted mean of per-role means hand-written in Decimal over (role, score)\n"
        "          tuples extracted per aspect before timing, kept as an exact numerator and\n"
        "          denominator (Decimal products and sums; no rounding division), with the\n"
        "          minimum raters, renormalisation and the self value; values checked equal\n"
        f"          on the first {min(args.n, 1000)} appraisals, Inexact and Rounded trapped"
    )
    print("float:    the same formulas in floats, for scale only (never the goal's floor)")
    print(f"{args.repeat} interleaved run(s), medians, time.perf_counter")
    print()
    header = f"{'path':<10} {'N':>9} {'calls':>9} {'total s':>9} {'µs/appraisal':>13}"
    print(f"{header} {'vs floor':>9} {'vs float':>9}")
    for name, seconds in median.items():
        per = seconds / args.n * 1e6
        ratio, scale = seconds / median["floor"], seconds / median["float"]
        calls = args.n * aspects
        print(
            f"{name:<10} {args.n:>9} {calls:>9} {seconds:>9.3f} {per:>13.1f} "
            f"{ratio:>8.2f}x {scale:>8.2f}x"
        )
    print()
    print(f"ratio trace off/floor: {median['trace off'] / median['floor']:.2f}")
    print(f"ratio trace on/floor: {median['trace on'] / median['floor']:.2f}")
    print(f"ratio trace read/floor: {median['trace read'] / median['floor']:.2f}")
    print(f"ratio trace on/trace off: {median['trace on'] / median['trace off']:.2f}")
    print(
        f"for scale: trace off / float {median['trace off'] / median['float']:.2f}, "
        f"floor / float {median['floor'] / median['float']:.2f}"
    )
    print(f"peak RSS: {peak_rss_mib():,.0f} MiB (whole process, inputs included)")
    print(environment())
    return 0


if __name__ == "__main__":
    sys.exit(main())
