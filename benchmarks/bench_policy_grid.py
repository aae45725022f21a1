"""
Benchmark: a policy grid as per-policy summaries, beside the full grid and a numpy floor.

``--policies`` x ``--n`` employees (default 1,000 x 100,000 synthetic employees from
`penilaian.simulation.generate`, their units and unit grades included), under the
regimes of ``bench_national.py``'s policy grid: the behaviour weight swept from 0.2 to
0.5 and the supervisor's role weight through 30, 40, 50, 60.  Three paths, run round
after round (A/B interleaved, so drift on a shared machine hits each alike):

- **summary**: ``summarise_policies`` with the units and their grades, the middle
  policy as baseline: grade and band counts, changed employees, per-unit compliance
  with the PermenPANRB 6/2022 curve; never the grid;
- **full grid**: ``score_policies``, every cell held (11 bytes each);
- **broadcasting floor**: ``bench_national.grid_floor``, the same scores for blocks of
  policies in float64, no checks, no exact path, its (p, n) grade grid held.

Reported per path: the median wall seconds and CPU seconds of the process (CPU time
is what the path itself costs when other work shares the cores), ns per cell, the
ratio to the floor, and the peak memory traced by `tracemalloc` in one more run of
its own (numpy reports to it): what the path allocates beyond its inputs.  Before
timing, the summary's counts and changes are checked against the full grid.

    python benchmarks/bench_policy_grid.py                                  # 1,000 x 100,000
    python benchmarks/bench_policy_grid.py --n 2000 --policies 20 --repeat 1  # smoke run
"""

from __future__ import annotations

import gc
import statistics
import sys
import time
from fractions import Fraction
from typing import TYPE_CHECKING

import numpy as np
from _common import arguments, environment, peak_mib, peak_rss_mib
from bench_national import grid_floor, regime

from penilaian.batch.generic import GenericBatch
from penilaian.batch.policies import score_policies, summarise_policies
from penilaian.simulation import WorkforceSpec, generate

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from penilaian.batch.policies import PolicyScores, PolicySummary
    from penilaian.regimes.generic import GenericRegime


def grid_regimes(policies: int) -> tuple[dict[str, GenericRegime], np.ndarray, np.ndarray]:
    """The regimes, and the floor's float behaviour shares and supervisor weights."""
    behaviours = np.linspace(0.2, 0.5, policies)
    supervisors = np.tile(np.array([30.0, 40.0, 50.0, 60.0]), -(-policies // 4))[:policies]
    shares = [Fraction(round(b * 1000), 1000) for b in behaviours]
    regimes = {
        f"b{index}": regime(share, int(s))
        for index, (share, s) in enumerate(zip(shares, supervisors, strict=True))
    }
    return regimes, np.array([float(share) for share in shares]), supervisors


def interleaved(
    paths: dict[str, Callable[[], object]], repeat: int
) -> dict[str, tuple[float, float]]:
    """Median (wall, CPU) seconds of each path, run round after round."""
    wall: dict[str, list[float]] = {name: [] for name in paths}
    cpu: dict[str, list[float]] = {name: [] for name in paths}
    for _ in range(repeat):
        for name, run in paths.items():
            gc.collect()
            start, clock = time.perf_counter(), time.process_time()
            result = run()
            wall[name].append(time.perf_counter() - start)
            cpu[name].append(time.process_time() - clock)
            del result
    return {name: (statistics.median(wall[name]), statistics.median(cpu[name])) for name in paths}


def main(argv: Sequence[str] | None = None) -> int:
    args = arguments(__doc__, argv, default_n=100_000, extra={"--policies": 1000})
    print(f"environment: {environment('numpy')}")
    start = time.perf_counter()
    workforce = generate(WorkforceSpec(employees=args.n, regime="pp30_2019"), seed=args.seed)
    batch = GenericBatch.from_appraisals(workforce.appraisals)
    units = [appraisal.position.unit_id for appraisal in workforce.appraisals]
    print(f"population: {len(batch):,} employees in {len(workforce.unit_grades):,} units "
          f"(built in {time.perf_counter() - start:.0f} s, not timed)")  # fmt: skip
    regimes, behaviours, supervisors = grid_regimes(args.policies)
    baseline = f"b{args.policies // 2}"

    def summary() -> PolicySummary:
        return summarise_policies(
            batch, regimes, baseline=baseline, units=units, unit_grades=workforce.unit_grades
        )

    paths: dict[str, Callable[[], object]] = {
        "summary": summary,
        "full grid": lambda: score_policies(batch, regimes),
        "broadcasting floor": lambda: grid_floor(batch, behaviours, supervisors),
    }
    check(summary(), score_policies(batch, regimes), baseline)
    times = interleaved(paths, args.repeat)
    peaks = {name: peak_mib(run) for name, run in paths.items()}
    cells = args.policies * len(batch)
    floor_wall, floor_cpu = times["broadcasting floor"]
    shape = f"{args.policies:,} policies x {len(batch):,} employees = {cells:,} cells"
    print(f"\npolicy grid: {shape}; medians of {args.repeat} interleaved rounds")
    print(
        f"   {'path':<19} {'wall s':>7} {'CPU s':>7} {'ns/cell':>8} {'vs floor':>9} {'peak MiB':>9}"
    )
    for name, (wall, cpu) in times.items():
        print(f"   {name:<19} {wall:>7.2f} {cpu:>7.2f} {cpu / cells * 1e9:>8.1f} "
              f"{cpu / floor_cpu:>8.2f}x {peaks[name]:>9,.0f}")  # fmt: skip
    wall_ratio = times["summary"][0] / floor_wall
    print(f"   (ns/cell and ratios on CPU time; on wall time summary/floor {wall_ratio:.2f})")
    print(f"\npeak RSS of the process: {peak_rss_mib():,.0f} MiB")
    return 0


def check(summary: PolicySummary, grid: PolicyScores, baseline: str) -> None:
    """The summary's counts and changes are the full grid's."""
    assert (summary.grades == grid.distribution()).all()
    for name in grid.names:
        assert summary.changed(name).rows.tolist() == grid.changes(baseline, name).tolist()
    changed = sum(len(changes) for changes in summary.changes)
    exact = f"{summary.exact_cells:,} cells on the exact path (grid: {grid.exact_cells:,})"
    print(f"summary equals the full grid: counts, and {changed:,} changed grades; {exact}")


if __name__ == "__main__":
    sys.exit(main())
