"""
Benchmark: aggregate the 360-degree behaviour ratings of N appraisals with a weighting policy.

Measured path: ``policy(appraisal, aspect, trace=...)`` for each of the 7 BerAKHLAK aspects
of each appraisal (all aspects, as a regime asks), with a typical agency policy: supervisor
2/5, second-level supervisor 1/10, peers 3/10, subordinate 1/5, `Mean` within a role,
`Renormalise` for missing roles, at least 2 peers, self not counted (reported beside).

Floor, in the same process: the weighted mean of per-role means in exact `Fraction`s,
written by hand over ``(role, Fraction score)`` tuples extracted per aspect before timing
(no lookups, no checks, no missing roles, no self-other gap, no result objects).
Both give identical values, checked before timing.  Timing is reported, never asserted.

    python benchmarks/bench_aggregate.py                       # N=100_000, best of 3
    python benchmarks/bench_aggregate.py --n 2000 --repeat 1   # a quick smoke run
"""

from __future__ import annotations

import random
import sys
import time
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any

import attrs
from _common import arguments, environment, peak_rss_mib, settle, time_once

from penilaian import NumericScale, Rater, RaterRole, Rating, Renormalise, WeightingPolicy
from penilaian.cli._main import load_sample

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


Extracted = list[tuple[tuple[str, Fraction], ...]]


def extract(appraisals: Sequence[Appraisal]) -> Extracted:
    """Per appraisal and aspect, the (role id, exact score) of every rating: the floor's input."""
    roles = {rater_id: role.value for rater_id, role in RATERS}
    aspects = [aspect.id for aspect in appraisals[0].framework.aspects]
    return [
        tuple(
            (roles[rating.rater_id], Fraction(rating.score or 0))
            for rating in appraisal.ratings
            if rating.subject == aspect
        )
        for appraisal in appraisals
        for aspect in aspects
    ]


def floor_value(pairs: tuple[tuple[str, Fraction], ...], weights: dict[str, Fraction]) -> Fraction:
    """The hand-written floor: weighted mean of per-role means, exact, every role present."""
    sums: dict[str, Fraction] = {}
    counts: dict[str, int] = {}
    for role, score in pairs:
        if role in weights:
            sums[role] = sums.get(role, Fraction(0)) + score
            counts[role] = counts.get(role, 0) + 1
    total = Fraction(0)
    for role, weight in weights.items():
        total += weight * sums[role] / counts[role]
    return total


def make_paths(
    appraisals: Sequence[Appraisal], extracted: Extracted
) -> dict[str, tuple[Callable[[Any], object], Sequence[Any]]]:
    """Each path: what it runs on one item, and its items (an appraisal, or extracted pairs)."""
    aspects = [aspect.id for aspect in appraisals[0].framework.aspects]
    weights = dict(POLICY.role_weights.shares)

    def policy_without_trace(appraisal: Appraisal) -> object:
        return [POLICY(appraisal, aspect, trace=False) for aspect in aspects]

    def policy_with_trace(appraisal: Appraisal) -> object:
        return [POLICY(appraisal, aspect, trace=True) for aspect in aspects]

    def floor(pairs: Any) -> object:
        return floor_value(pairs, weights)

    return {
        "trace off": (policy_without_trace, appraisals),
        "trace on": (policy_with_trace, appraisals),
        "floor": (floor, extracted),
    }


def check_equivalent(appraisals: Sequence[Appraisal], extracted: Extracted, count: int) -> None:
    """Assert that the policy and the floor give the same values (and warm both up)."""
    aspects = [aspect.id for aspect in appraisals[0].framework.aspects]
    weights = dict(POLICY.role_weights.shares)
    values = [
        POLICY(appraisal, aspect, trace=False).value
        for appraisal in appraisals[:count]
        for aspect in aspects
    ]
    floors = [floor_value(pairs, weights) for pairs in extracted[: count * len(aspects)]]
    assert values == floors, "the policy and the floor disagree"
    traced = POLICY(appraisals[0], aspects[0], trace=True)
    assert traced.step is not None
    assert traced.value == values[0]


def main(argv: Sequence[str] | None = None) -> int:
    args = arguments(__doc__, argv)

    built = time.perf_counter()
    appraisals = make_appraisals(args.n, args.seed)
    extracted = extract(appraisals)
    built = time.perf_counter() - built
    check_equivalent(appraisals, extracted, min(args.n, 1000))
    paths = make_paths(appraisals, extracted)
    settle()

    best = dict.fromkeys(paths, float("inf"))
    for _ in range(args.repeat):
        for name, (run, items) in paths.items():  # interleaved, so drift hits every path alike
            best[name] = min(best[name], time_once(run, items, fresh=True))

    aspects = len(appraisals[0].framework.aspects)
    print("bench_aggregate: weighted multi-rater aggregation of behaviour ratings")
    print(f"shape: {SHAPE}")
    print(f"  seed {args.seed}; built and extracted in {built:.1f} s")
    print(f"measured: POLICY(appraisal, aspect, trace=...) for all {aspects} aspects per appraisal")
    print(
        "floor:    weighted mean of per-role means in Fractions over (role, score) tuples\n"
        "          extracted per aspect before timing; values checked equal on the first "
        f"{min(args.n, 1000)} appraisals"
    )
    print(f"best of {args.repeat} run(s), time.perf_counter")
    print()
    print(f"{'path':<10} {'N':>9} {'calls':>9} {'total s':>9} {'µs/appraisal':>13} {'vs floor':>9}")
    for name, seconds in best.items():
        per = seconds / args.n * 1e6
        ratio = seconds / best["floor"]
        calls = args.n * aspects
        print(f"{name:<10} {args.n:>9} {calls:>9} {seconds:>9.3f} {per:>13.1f} {ratio:>8.2f}x")
    print()
    print(f"ratio trace off/floor: {best['trace off'] / best['floor']:.2f}")
    print(f"ratio trace on/trace off: {best['trace on'] / best['trace off']:.2f}")
    print(f"peak RSS: {peak_rss_mib():,.0f} MiB (whole process, inputs included)")
    print(environment())
    return 0


if __name__ == "__main__":
    sys.exit(main())
