"""
Benchmark: rater effects with error bars (`penilaian.analysis.raters.RaterEffects`).

Two parts.

Detection: synthetic workforces (`penilaian.simulation.generate`, PermenPANRB 6/2022
shape) with 10 % of raters made lenient by +0.5 noise sd, in a balanced design and a
confounded one (lenient raters rate weaker employees), one workforce per seed, with
the default rater mix and with a rich one (each rater rates about 15 people);
`RaterEffects()` at its defaults, and its unadjusted p-values at 5 % beside it.
Recall is the share of lenient raters reported lenient; the false-positive rate the
share of unbiased raters reported.
The old `RaterAnalytics.leniency` (0.5 pooled sd threshold) is shown beside it, and
an upper bound no method can pass: the recall, at a false-positive rate of 5 %, of an
oracle that knows every rated item's true value and the direction of the bias, from
each lenient rater's own number of ratings (rating noise of the simulation's sd plus
the rounding to whole points, 1/12 of a point squared, in the normal approximation).
On the default mix a rater rates about 4 people on 7 aspects (28 ratings), and the
bound is below 0.9: the target needs more ratings per rater, which the rich mix has.

Cost: `RaterEffects().estimates(appraisals)` over N appraisals of one workforce
(generated, not timed).  Floor, in the same process: the same solver on the rating
arrays already extracted (no reading of appraisals, no findings).  Timing is
reported, never asserted.

    python benchmarks/bench_rater_effects.py                       # N=100_000, 10 seeds
    python benchmarks/bench_rater_effects.py --n 50 --repeat 1     # a quick smoke run
"""

from __future__ import annotations

import math
import sys
import time
from statistics import NormalDist
from typing import TYPE_CHECKING, Any

from _common import arguments, best_of, environment, settle

from penilaian.analysis.raters import RaterAnalytics, RaterEffects
from penilaian.analysis.raters._fitting import fit
from penilaian.analysis.raters._ratings import extract_ratings
from penilaian.simulation import RaterBias, RaterMix, WorkforceSpec, generate
from penilaian.simulation._ratings import PERMEN6_SHAPE

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

BIAS = RaterBias(kind="leniency", strength="1/2", share="1/10")
LEVEL = 0.05


DESIGNS = {
    "default mix": {},
    "rich (15 peers, units of 16-24)": {"raters": RaterMix(peers=15), "unit_sizes": (16, 24)},
}
"""The workforces: the simulation's default rater mix, and one where raters rate more people."""

METHODS = (
    "RaterEffects() (Benjamini-Hochberg 5 %)",
    "RaterEffects, p <= 0.05 unadjusted",
    "RaterAnalytics.leniency (0.5 sd)",
)
ORACLE = "bound: oracle at 5 % false positives"


def oracle_recall(ratings: Sequence[int]) -> float:
    """Return the mean recall of the oracle bound over lenient raters with these ratings."""
    noise = math.sqrt(PERMEN6_SHAPE.noise_sd**2 + 1 / 12)  # rating noise and rounding
    shift = float(BIAS.strength) * PERMEN6_SHAPE.noise_sd
    one_sided = NormalDist().inv_cdf(1 - LEVEL)
    return sum(NormalDist().cdf(shift / noise * math.sqrt(n) - one_sided) for n in ratings) / max(
        len(ratings), 1
    )


def detection(
    employees: int, seeds: int, shape: Mapping[str, Any], *, confounded: bool
) -> list[tuple[str, float, float]]:
    """Return (method, mean recall, mean false-positive rate) over *seeds* workforces."""
    totals = {method: [0.0, 0.0] for method in (*METHODS, ORACLE)}
    spec = WorkforceSpec(employees=employees, biases=(BIAS,), confounded=confounded, **shape)
    for seed in range(seeds):
        workforce = generate(spec, seed)
        lenient = workforce.biased_raters()
        fair = set(workforce.raters) - lenient
        estimates = RaterEffects().estimates(workforce.appraisals)
        flagged = (
            {e.rater for e in estimates if e.kind is not None},
            {e.rater for e in estimates if e.p_value <= LEVEL},
            {f.rater for f in RaterAnalytics().leniency(workforce.appraisals)},
        )
        totals[ORACLE][0] += oracle_recall([e.ratings for e in estimates if e.rater in lenient])
        totals[ORACLE][1] += LEVEL  # its false-positive rate, by construction
        for method, found in zip(METHODS, flagged, strict=True):
            totals[method][0] += len(found & lenient) / max(len(lenient), 1)
            totals[method][1] += len(found & fair) / max(len(fair), 1)
    return [(method, hit / seeds, false / seeds) for method, (hit, false) in totals.items()]


def main(argv: Sequence[str] | None = None) -> int:
    """Print the detection table and the cost of N appraisals."""
    args = arguments(__doc__ or "", argv, extra={"--seeds": 10, "--employees": 2000})
    employees = min(args.n, args.employees)
    print(environment("numpy"))
    print(f"detection: {args.seeds} seeds x {employees} employees, 10 % lenient by +0.5 sd\n")
    print("| workforce | design | method | recall | false-positive rate |")
    print("| --- | --- | --- | --- | --- |")
    for workforce_name, shape in DESIGNS.items():
        for confounded in (False, True):
            design = "confounded" if confounded else "balanced"
            rows = detection(employees, args.seeds, shape, confounded=confounded)
            for name, recall, false in rows:
                print(f"| {workforce_name} | {design} | {name} | {recall:.3f} | {false:.4f} |")
    start = time.perf_counter()
    workforce = generate(WorkforceSpec(employees=args.n, biases=(BIAS,)), args.seed)
    appraisals = workforce.appraisals
    print(f"\ncost: N={args.n} appraisals (generated in {time.perf_counter() - start:.1f} s)")
    settle()
    data = extract_ratings(appraisals)
    ratings = len(data.values)
    model = RaterEffects()
    seconds, estimates = best_of(args.repeat, lambda: model.estimates(appraisals))
    floor, _ = best_of(args.repeat, lambda: fit(data, model.max_iterations))
    print(f"{ratings} ratings, {len(estimates)} raters")
    print("| path | seconds | vs floor |")
    print("| --- | --- | --- |")
    print(f"| RaterEffects().estimates | {seconds:.3f} | {seconds / floor:.2f}x |")
    print(f"| floor (solver on extracted arrays) | {floor:.3f} | 1.00x |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
