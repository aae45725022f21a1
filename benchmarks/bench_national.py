"""
Benchmark: national-scale batch scoring and policy simulation with the generic engine.

Three measurements, each beside floors run in the same process on the same columns,
engine and floors timed round after round (interleaved, medians), so that drift on a
shared machine hits them alike:

1. **national batch**, a scaling table at ``--sizes`` rows (default 10^3, 10^4, 10^5,
   10^6 and 4.5 x 10^6; ``--n N`` runs the one size N): ``GenericBatch(...)`` (every
   column check) and ``score_generic`` under a 360° `WeightingPolicy` (supervisor 40,
   peers 25, subordinates 20, public 15, renormalised; 2 places, default bands).
   Shape per appraisal: 8 indicators (6 main, 2 additional; point and range targets;
   2 lower-is-better; realisations 50-130 % of target, 2 places), 5 aspects rated by
   6 raters each (1 supervisor, 3 peers, 2 subordinates; 1-5 scale, whole numbers;
   about 1 in 20 peer ratings absent).  Floors: **numpy floor**, the same formula by
   hand in ``float64`` with no validation, no exact path, in the same row chunks;
   **memory pass**, one pass reading every input column once (a sum).  Where numba
   is installed the engine runs compiled (``penilaian.batch.accelerator()``, printed),
   and its numpy path is timed too, interleaved (``numpy s``).  Per size: ns
   per appraisal of each, the engine's ratio to both floors, and the peak memory of
   one engine run beyond its input columns, as tracemalloc traces it (numpy reports
   its buffers to tracemalloc; the input columns are allocated before tracing starts),
   with the component figures and without them (``no figs``: ``figures=False``);
   the times of 2 threads (``threads=2``), with figures and without (``no figs s``).
   Engine and float floor both work in chunks of ``CHUNK`` rows (the engine's default).
2. **policy grid** (``--policies`` x ``--employees``, default 1,000 x 100,000 synthetic
   employees from `penilaian.simulation.generate`): ``score_policies`` over regimes
   that sweep the behaviour weight and the supervisor's role weight, against a numpy
   **broadcasting floor** computing the same scores for blocks of policies at once.
3. **scalar path** (``--scalar``, default 100,000): ``GenericRegime.score`` on the
   same employees' appraisal objects, one by one, to show what the batch saves.

Before timing, the exact engine is checked against the scalar regime on the first
200 employees, and the float floor's disagreements with the exact engine are counted.
Timing is reported, never asserted.

    python benchmarks/bench_national.py                  # the full run (a few minutes)
    python benchmarks/bench_national.py --sizes 1e5,1e6 --policies 100 --scalar 1000
    python benchmarks/bench_national.py --n 2000 --policies 3 --employees 300 --scalar 50 --repeat 1
"""

from __future__ import annotations

import functools
import gc
import os
import sys
import time
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING

import attrs
import numpy as np
from _common import (
    arguments,
    environment,
    interleaved_medians,
    peak_mib,
    peak_rss_mib,
    settle,
)

import penilaian as p
from penilaian.batch import GRADES, MISSING, accelerator
from penilaian.batch.generic import ROLES, GenericBatch, score_generic
from penilaian.batch.policies import score_policies
from penilaian.simulation import WorkforceSpec, generate

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

PLACES = 2
INDICATORS = 8
SUBJECTS = ("s1", "s2", "s3", "s4", "s5")
RATER_ROLES = ("supervisor", "peer", "peer", "peer", "subordinate", "subordinate")
AMOUNTS = {"supervisor": 40, "peer": 25, "subordinate": 20, "public": 15}
CHUNK = 16_384  # rows scored at a time, by the engine and the float floor: score_generic's default
SIZES = (1_000, 10_000, 100_000, 1_000_000, 4_500_000)
ACCELERATOR = "PENILAIAN_BATCH_ACCELERATOR"  # numpy: the engine's numpy path


def policy(supervisor: int = 40) -> p.WeightingPolicy:
    return p.WeightingPolicy.normalised(
        {**AMOUNTS, "supervisor": supervisor}, missing=p.Renormalise()
    )


def regime(behaviour: Fraction = Fraction(3, 10), supervisor: int = 40) -> p.GenericRegime:
    weights = p.Weights({"work": 1 - behaviour, "behaviour": behaviour})
    return attrs.evolve(p.GenericRegime.default(), aggregator=policy(supervisor), weights=weights)


def national_columns(n: int, seed: int) -> dict[str, object]:
    """Random, valid generic columns for *n* appraisals (built once, not timed)."""
    rng = np.random.default_rng(seed)
    cells = (n, INDICATORS)
    low = rng.integers(5, 200, cells, dtype=np.int64) * 10**PLACES
    high = np.where(rng.random(cells) < 3 / 8, low + 5 * 10**PLACES, low)
    realisation = (low * rng.uniform(0.5, 1.3, cells)).astype(np.int64)
    kind = np.zeros(cells, np.int8)
    kind[:, 6:] = 1
    lower = np.zeros(cells, np.bool_)
    lower[:, [2, 5]] = True
    ratings = (n, len(SUBJECTS), len(RATER_ROLES))
    score = rng.integers(1, 6, ratings, dtype=np.int64) * 10**PLACES
    rated = np.ones(ratings, np.bool_)
    rated[:, :, 1:4] = rng.random((n, len(SUBJECTS), 3)) >= 1 / 20
    role = np.tile(np.array([ROLES.index(p.RaterRole(r)) for r in RATER_ROLES], np.int8), (n, 1))
    return {
        "places": PLACES, "subjects": SUBJECTS, "scale_min": Decimal(1), "scale_max": Decimal(5),
        "indicator": np.ones(cells, np.bool_), "kind": kind, "target_low": low,
        "target_high": high, "realisation": realisation, "realised": np.ones(cells, np.bool_),
        "lower_is_better": lower, "applies": np.ones((n, len(SUBJECTS)), np.bool_),
        "role": role, "score": score, "rated": rated,
    }  # fmt: skip


def national_floor(c: dict[str, np.ndarray], behaviour: float = 0.3) -> np.ndarray:
    """The same formula in float64, by hand, in the engine's chunks: band index per row."""
    n = len(c["indicator"])
    bands = np.empty(n, np.int64)
    role_weights = np.array([0.4, 0.25, 0.25, 0.25, 0.2, 0.2]) / np.array([1, 3, 3, 3, 2, 2])
    for start in range(0, n, CHUNK):
        rows = slice(start, start + CHUNK)
        real = c["realisation"][rows].astype(np.float64)
        low = c["target_low"][rows].astype(np.float64)
        high = c["target_high"][rows].astype(np.float64)
        ratio = real / np.where(real > high, high, low)
        achieved = np.where(c["lower_is_better"][rows], 200.0 - 100.0 * ratio, 100.0 * ratio)
        achieved = np.where((real >= low) & (real <= high), 100.0, achieved)
        work = np.minimum(achieved, 120.0)[:, :6].mean(axis=1)
        rated = c["rated"][rows]
        value = c["score"][rows] / 100.0
        peers = rated[:, :, 1:4].sum(axis=2)
        weight = np.where(rated, role_weights, 0.0)
        weight[:, :, 1:4] *= 3.0 / np.maximum(peers, 1)[..., None]
        subject = (weight * value).sum(axis=2) / weight.sum(axis=2)
        behaviour_value = ((subject - 1.0) / 4.0 * 100.0).mean(axis=1)
        total = np.round((1 - behaviour) * work + behaviour * behaviour_value, 2)
        bands[rows] = np.searchsorted(np.array([50.0, 70.0, 90.0, 110.0]), total, side="right")
    return bands


def memory_pass(c: dict[str, object]) -> int:
    """One pass reading every input column once: the memory-bandwidth limit."""
    return sum(
        int(np.asarray(column).sum()) for column in c.values() if isinstance(column, np.ndarray)
    )


def grid_floor(batch: GenericBatch, behaviours: np.ndarray, supervisors: np.ndarray) -> np.ndarray:
    """Broadcasting floor: the same scores for blocks of policies, float64, no checks."""
    with np.errstate(invalid="ignore", divide="ignore"):  # empty places divide 0 by 0
        return _grid_floor(batch, behaviours, supervisors)


def _grid_floor(batch: GenericBatch, behaviours: np.ndarray, supervisors: np.ndarray) -> np.ndarray:
    rated, role, score = batch.rated, batch.role, batch.score / 10.0**batch.places
    codes = [ROLES.index(p.RaterRole(r)) for r in ("supervisor", "peer", "subordinate", "public")]
    means, present = [], []
    for code in codes:
        mine = rated & (role == code)[:, None, :]
        count = mine.sum(axis=2)
        means.append(np.where(mine, score, 0.0).sum(axis=2) / np.maximum(count, 1))
        present.append(count > 0)
    m, h = np.stack(means, -1), np.stack(present, -1)  # (n, s, 4)
    applies = batch.applies  # the aspects that apply to each post
    at = batch.indicator & (batch.kind == 0)
    real, low, high = (batch.realisation / 1.0, batch.target_low / 1.0, batch.target_high / 1.0)
    ratio = real / np.where(real > high, high, low)
    achieved = np.where(batch.lower_is_better, 200.0 - 100.0 * ratio, 100.0 * ratio)
    achieved = np.where((real >= low) & (real <= high), 100.0, achieved)
    work = np.where(at, np.minimum(achieved, 120.0), 0.0).sum(axis=1) / at.sum(axis=1)
    low_s, span = float(batch.scale_min), float(batch.scale_max - batch.scale_min)
    grades = np.empty((len(behaviours), len(batch)), np.int64)
    block = 8
    for start in range(0, len(behaviours), block):
        sup = supervisors[start : start + block]
        w = np.stack(
            [sup, np.full_like(sup, 25.0), np.full_like(sup, 20.0), np.full_like(sup, 15.0)], -1
        )
        w = w / w.sum(axis=1, keepdims=True)  # (b, 4)
        top = np.einsum("nsk,bk->bns", m * h, w)
        bottom = np.einsum("nsk,bk->bns", h.astype(np.float64), w)
        rescaled = (top / bottom - low_s) / span * 100.0
        beh = np.where(applies, rescaled, 0.0).sum(axis=2) / applies.sum(axis=1)
        b = behaviours[start : start + block, None]
        total = np.round((1 - b) * work + b * beh, 2)
        grades[start : start + block] = np.searchsorted(
            [50.0, 70.0, 90.0, 110.0], total, side="right"
        )
    return grades


def on_numpy(run: Callable[[], object]) -> Callable[[], object]:
    """*run* on the engine's numpy path (``PENILAIAN_BATCH_ACCELERATOR=numpy``)."""

    def numpy_path() -> object:
        before = os.environ.get(ACCELERATOR)
        os.environ[ACCELERATOR] = "numpy"
        try:
            return run()
        finally:
            if before is None:
                del os.environ[ACCELERATOR]
            else:
                os.environ[ACCELERATOR] = before

    return numpy_path


def national_paths(columns: dict[str, object]) -> dict[str, Callable[[], object]]:
    """The engine (its column checks included), its numpy path and the floors, alike."""
    chosen = regime()

    def engine() -> object:
        return score_generic(GenericBatch(**columns), chosen, chunk=CHUNK)  # type: ignore[arg-type]

    def two_threads() -> object:
        return score_generic(GenericBatch(**columns), chosen, chunk=CHUNK, threads=2)  # type: ignore[arg-type]

    def lean() -> object:  # scores, bands and grades only: the memory target
        return score_generic(
            GenericBatch(**columns),  # type: ignore[arg-type]
            chosen, chunk=CHUNK, threads=2, figures=False,
        )  # fmt: skip

    paths = {
        "exact engine": engine,
        "2 threads": two_threads,
        "2 threads, no figs": lean,
        "numpy floor": lambda: national_floor(columns),  # type: ignore[arg-type]
        "memory pass": lambda: memory_pass(columns),
    }
    if accelerator() == "numba":  # the numpy path too, interleaved with the compiled one
        paths["numpy path"] = on_numpy(engine)
    return paths


def without_figures(columns: dict[str, object]) -> object:
    """The engine keeping scores, bands and grades only (``figures=False``): its peak memory."""
    return score_generic(GenericBatch(**columns), regime(), chunk=CHUNK, figures=False)  # type: ignore[arg-type]


def interleaved(paths: dict[str, Callable[[], object]], repeat: int) -> dict[str, float]:
    """The median seconds of each path, run round after round (A/B interleaved)."""
    return interleaved_medians(
        {name: (lambda _, run=run: run(), [None]) for name, run in paths.items()}, repeat
    )


def national(sizes: Sequence[int], seed: int, repeat: int) -> None:
    print("\n1. national batch: GenericBatch(...) + score_generic, 360° policy, exact;")
    print(f"   medians of {repeat} interleaved rounds; peak = tracemalloc peak of one engine run")
    print("   beyond its input columns (numpy reports its buffers to tracemalloc)")
    start = time.perf_counter()  # numba's import and compile (or cache load): not timed below
    score_generic(GenericBatch(**national_columns(100, seed)), regime(), chunk=CHUNK)  # type: ignore[arg-type]
    warm = time.perf_counter() - start
    print(f"   engine path: penilaian.batch.accelerator() = {accelerator()!r}", end="")
    print(f" (first call, 100 rows: {warm:.2f} s)", end="")
    compared = accelerator() == "numba"
    print("; 'numpy s' is the same engine on its numpy path" if compared else "")
    head = f"   {'rows':>9} {'input MiB':>9} {'engine s':>9} {'ns/row':>7} {'floor ns':>8}"
    head += f" {'mem ns':>7} {'/floor':>7} {'/memory':>8} {'peak MiB':>9} {'no figs':>8}"
    head += f" {'exact rows':>10}"
    head += f" {'numpy s':>8} {'/floor':>7}" if compared else ""
    head += f" {'2 threads s':>11} {'/memory':>8} {'no figs s':>9}"
    print(head)
    for n in sizes:
        columns = national_columns(n, seed)
        inputs_mib = sum(v.nbytes for v in columns.values() if isinstance(v, np.ndarray)) / 2**20
        paths = national_paths(columns)
        settle()
        medians = interleaved(paths, repeat)
        peak = peak_mib(paths["exact engine"])
        bare = peak_mib(functools.partial(without_figures, columns))
        scores = paths["exact engine"]()
        engine, floor, memory = (medians[k] for k in ("exact engine", "numpy floor", "memory pass"))
        flips = int(np.count_nonzero(scores.band.astype(np.int64) != national_floor(columns)))  # type: ignore[attr-defined, arg-type]
        print(
            f"   {n:>9,} {inputs_mib:>9,.0f} {engine:>9.3f} {engine / n * 1e9:>7.0f} "
            f"{floor / n * 1e9:>8.0f} {memory / n * 1e9:>7.1f} {engine / floor:>6.2f}x "
            f"{engine / memory:>7.1f}x {peak:>9,.0f} {bare:>8,.0f} {scores.exact_rows:>10,}"  # type: ignore[attr-defined]
            + (
                f" {medians['numpy path']:>8.3f} {medians['numpy path'] / floor:>6.2f}x"
                if "numpy path" in medians
                else ""
            )
            + f" {medians['2 threads']:>11.3f} {medians['2 threads'] / memory:>7.1f}x"
            + f" {medians['2 threads, no figs']:>9.3f}"
            + f"   (float floor bands off the exact: {flips:,})"
        )
        del columns, paths, scores
        gc.unfreeze()
        gc.collect()


def population(employees: int, seed: int) -> tuple[tuple[p.Appraisal, ...], GenericBatch, float]:
    workforce = generate(WorkforceSpec(employees=employees, regime="pp30_2019"), seed=seed)
    start = time.perf_counter()
    batch = GenericBatch.from_appraisals(workforce.appraisals)
    return workforce.appraisals, batch, time.perf_counter() - start


def check_against_scalar(appraisals: Sequence[p.Appraisal], batch: GenericBatch) -> None:
    chosen = regime()
    scores = score_generic(batch, chosen)
    for row, appraisal in enumerate(appraisals[:200]):
        result = chosen.score(appraisal, trace=False)
        want = None if result.score is None else int(result.score.scaleb(scores.places))
        got = None if scores.score[row] == MISSING else int(scores.score[row])
        grade = None if scores.grade[row] < 0 else GRADES[scores.grade[row]]
        assert (got, grade) == (want, result.grade), appraisal.id


def grid(policies: int, batch: GenericBatch, repeat: int) -> None:
    behaviours = np.linspace(0.2, 0.5, policies)
    supervisors = np.tile(np.array([30.0, 40.0, 50.0, 60.0]), -(-policies // 4))[:policies]
    regimes = {
        f"b{index}": regime(Fraction(round(b * 1000), 1000), int(s))
        for index, (b, s) in enumerate(zip(behaviours, supervisors, strict=True))
    }
    exact_b = np.array([float(Fraction(round(b * 1000), 1000)) for b in behaviours])
    paths: dict[str, Callable[[], object]] = {
        "engine": lambda: score_policies(batch, regimes),
        "floor": lambda: grid_floor(batch, exact_b, supervisors),
    }
    medians = interleaved(paths, repeat)
    seconds, floor_seconds = medians["engine"], medians["floor"]
    scores, floor_bands = score_policies(batch, regimes), grid_floor(batch, exact_b, supervisors)
    cells = policies * len(batch)
    flips = int(np.count_nonzero(scores.band.astype(np.int64) != floor_bands))
    print(f"\n2. policy grid: {policies:,} policies x {len(batch):,} employees = {cells:,} cells")
    print(f"   score_policies      {seconds:>8.2f} s  {seconds / cells * 1e9:>7.1f} ns/cell")
    per_cell = floor_seconds / cells * 1e9
    print(f"   broadcasting floor  {floor_seconds:>8.2f} s  {per_cell:>7.1f} ns/cell")
    print(f"   ratio engine/floor: {seconds / floor_seconds:.2f}")
    print(
        f"   cells sent to the exact path: {scores.exact_cells:,}; float floor bands off: {flips:,}"
    )


def scalar(
    count: int, appraisals: Sequence[p.Appraisal], batch: GenericBatch, build: float
) -> None:
    chosen = regime()
    subset = appraisals[:count]
    start = time.perf_counter()
    for appraisal in subset:
        chosen.score(appraisal, trace=False)
    scalar_seconds = time.perf_counter() - start
    start = time.perf_counter()
    score_generic(batch, chosen)
    batch_seconds = (time.perf_counter() - start) * len(subset) / len(batch)
    print(f"\n3. scalar path: {len(subset):,} appraisals through GenericRegime.score")
    print(
        f"   scalar {scalar_seconds:.2f} s ({scalar_seconds / len(subset) * 1e6:.1f} µs each); "
        f"batch {batch_seconds:.3f} s for as many rows: "
        f"{scalar_seconds / batch_seconds:,.0f}x faster"
    )
    print(f"   (building the batch from appraisal objects: {build / len(batch) * 1e6:.1f} µs each)")


def sizes_of(text: str) -> list[int]:
    """``"1e3,4.5e6"`` -> ``[1000, 4500000]``: the rows of the scaling table."""
    sizes = [int(float(part)) for part in text.split(",") if part.strip()]
    if not sizes or min(sizes) < 1:
        raise SystemExit(f"--sizes: whole numbers of rows, at least 1 (got {text!r})")
    return sizes


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    sizes = SIZES
    if "--sizes" in argv:
        at = argv.index("--sizes")
        sizes, argv = sizes_of(argv[at + 1]), argv[:at] + argv[at + 2 :]
    extra = {"--policies": 1000, "--employees": 100_000, "--scalar": 100_000}
    args = arguments(__doc__, argv, default_n=4_500_000, extra=extra)
    print(f"environment: {environment('numpy')}")
    if "--n" in argv:
        sizes = [args.n]
    national(sizes, args.seed, args.repeat)
    appraisals, batch, build = population(args.employees, args.seed)
    check_against_scalar(appraisals, batch)
    grid(args.policies, batch, args.repeat)
    scalar(min(args.scalar, len(appraisals)), appraisals, batch, build)
    print(f"\npeak RSS of the process: {peak_rss_mib():,.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
