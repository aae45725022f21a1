"""
Benchmark: the columnar batch engines on N appraisals, against a numpy float floor.

Measured paths, in the same process, on the same columns:

- **pp30 batch**: ``Pp30Batch(...)`` (every column check) then ``score_pp30(batch)``:
  exact scaled ``int64`` arithmetic, every figure of the scalar result;
- **pp30 floor**: the same PP 30/2019 + PermenPANRB 8/2021 formulas written by hand in
  numpy ``float64``, both routes on every row and the row's route picked (capaian,
  whole-percent rounding; JPT rows the conversion as ``np.select`` and means; the
  others the category points 16/13/8/3/1 summed per rencana, its cut-offs and nilai
  120/100/80/60/25, and kinerja tambahan's 2.4/1.6/1.0/0.5/0.1; 70/30 or 60/40, cap,
  predikat): no validation, no masks, no exactness;
- **permen6 batch** / **permen6 floor**: ``Permen6Batch`` + ``score_permen6`` against a bare
  matrix look-up on the code columns.

Shape per appraisal: 8 indicators over 3 work-target places (3, 3, 2; 2 main, 1
additional), point and range targets, 2 lower-is-better, 1 in 10 at its maximum,
realisations at 50-130 % of target with 2 places; a JPT post (the interpolation table)
in 1 of 5 rows, pejabat administrasi or fungsional (the category route) in the others;
the supervisor's scores of the 4 or 5 aspects that apply; 6 raters, of whom peers or
subordinates gave input in 1 of 4 rows (the ``peer_input`` column); an innovation in 1
of 3.  Before timing, 200 appraisals of
`bench_score_pp30`'s shape are scored by the batch engine and the scalar regime and must
agree; and the float floor's disagreements with the exact engine are counted and shown.
Timing is reported, never asserted.

    python benchmarks/bench_batch.py                 # N=1,000,000, best of 3
    python benchmarks/bench_batch.py --n 50 --repeat 1   # a smoke run
"""

from __future__ import annotations

import random
import sys
from decimal import Decimal
from typing import TYPE_CHECKING

import numpy as np
from _common import arguments, best_of, environment, peak_mib, peak_rss_mib
from bench_score_pp30 import make_appraisal

from penilaian.batch import MISSING, Permen6Batch, Pp30Batch, grades, score_permen6
from penilaian.batch.pp30 import ASPECTS, score_pp30
from penilaian.regimes.pp30_2019 import Pp30Regime

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

PLACES = 2
SIZES = (3, 3, 2)


def pp30_columns(n: int, seed: int) -> dict[str, object]:
    """Random, valid PP 30 columns for *n* appraisals (built once, not timed)."""
    rng = np.random.default_rng(seed)
    cells = (n, len(SIZES), max(SIZES))
    indicator = np.zeros(cells, np.bool_)
    for t_index, size in enumerate(SIZES):
        indicator[:, t_index, :size] = True
    low = rng.integers(5, 200, cells, dtype=np.int64) * 10**PLACES
    is_range = rng.random(cells) < 3 / 8
    high = np.where(is_range, low + 5 * 10**PLACES, low)
    realisation = low * rng.integers(50, 131, cells, dtype=np.int64) // 100
    lower = np.zeros(cells, np.bool_)
    lower[:, 0, 2] = lower[:, 1, 2] = True
    jpt = rng.random(n) < 1 / 5
    managerial = jpt | (rng.random(n) < 1 / 3)
    applies = np.ones((n, len(ASPECTS)), np.bool_)
    applies[:, ASPECTS.index("leadership")] = managerial
    return {
        "places": PLACES,
        "indicator": indicator,
        "target_low": low,
        "target_high": high,
        "realisation": realisation,
        "realised": indicator.copy(),
        "lower_is_better": lower,
        "at_maximum": rng.random(cells) < 0.1,
        "main": np.tile(np.array([True, True, False]), (n, 1)),
        "behaviour": rng.integers(60, 121, (n, len(ASPECTS)), dtype=np.int64) * 10**PLACES,
        "rated": applies.copy(),
        "applies": applies,
        "peer_input": rng.random(n) < 0.25,
        "innovation": rng.random(n) < 1 / 3,
        "interpolation": jpt,
    }


def pp30_batch(columns: dict[str, object]) -> object:
    """The measured path: check the columns, then score exactly."""
    return score_pp30(Pp30Batch(**columns))  # type: ignore[arg-type]


def pp30_floor(c: dict[str, np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """The same formulas in float64, no validation: (final, predikat band index)."""
    scale = 10.0**PLACES
    real, low, high = c["realisation"] / scale, c["target_low"] / scale, c["target_high"] / scale
    compared = np.where(real > high, high, low)
    ratio = real / compared
    capaian = np.where(c["lower_is_better"], 2 - ratio, ratio) * 100
    capaian = np.where((real >= low) & (real <= high), 100.0, capaian)
    capaian = np.sign(capaian) * np.floor(np.abs(capaian) + 0.5)
    value = np.select(
        [capaian < 0, capaian < 60, capaian < 80, capaian < 100, capaian < 101, capaian < 110],
        [0.0, capaian * 49 / 59, capaian - 10, capaian - 10, 109.0, 110 + (capaian - 101) * 10 / 9],
        120.0,
    )
    at_maximum = c["at_maximum"] & (capaian == 100)
    value = np.where(at_maximum, 120.0, value)
    value = np.floor(value * 100 + 0.5) / 100
    indicator, main = c["indicator"], c["main"]
    counts = indicator.sum(axis=2)
    table = np.floor(np.where(indicator, value, 0).sum(axis=2) / counts * 100 + 0.5) / 100
    # The category route: Sangat Baik from 101 % (or 100 % of a maximum target) ... 16/13/8/3/1.
    category = np.select(
        [(capaian >= 101) | at_maximum, capaian >= 100, capaian >= 80, capaian >= 60],
        [0, 1, 2, 3],
        4,
    )
    points = np.where(indicator, np.array([16.0, 13.0, 8.0, 3.0, 1.0])[category], 0).sum(axis=2)
    band = np.select(
        [points > 14 * counts, 3 * points >= 34 * counts, 3 * points >= 19 * counts,
         3 * points >= 7 * counts], [0, 1, 2, 3], 4,
    )  # fmt: skip
    by_category = np.array([120.0, 100.0, 80.0, 60.0, 25.0])[band]
    extra = np.where(main, 0, np.array([2.4, 1.6, 1.0, 0.5, 0.1])[band]).sum(axis=1)
    jpt = c["interpolation"]
    target = np.where(jpt[:, None], table, by_category)
    mean = np.floor(np.where(main, target, 0).sum(axis=1) / main.sum(axis=1) * 100 + 0.5) / 100
    skp = mean + np.where(jpt, 0.0, extra)
    applies = c["applies"]
    aspects = np.where(applies, c["behaviour"] / scale, 0)
    behaviour = np.floor(aspects.sum(axis=1) / applies.sum(axis=1) * 100 + 0.5) / 100
    work = np.where(c["peer_input"], 0.6, 0.7)
    final = np.minimum(work * skp + (1 - work) * behaviour, 120.0)
    final = np.floor(final * 100 + 0.5) / 100
    predikat = np.searchsorted(np.array([50.0, 70.0, 90.0, 110.0]), final, side="right")
    return final, predikat


def permen6_columns(n: int, seed: int) -> dict[str, np.ndarray]:
    """Random PermenPANRB 6/2022 code columns (1 in 50 ratings missing, leaders 1 in 10)."""
    rng = np.random.default_rng(seed + 1)
    return {
        "work": rng.integers(-1, 3, n, dtype=np.int8) * (rng.random(n) < 0.98) + 0,
        "behaviour": rng.integers(0, 3, n, dtype=np.int8),
        "leads_unit": rng.random(n) < 0.1,
        "unit_grade": rng.integers(-1, 5, n, dtype=np.int8),
    }


MATRIX_FLOOR = np.array([[5, 2, 2], [4, 1, 1], [3, 1, 0]], np.int8)  # any 3x3 code table


def permen6_floor(c: dict[str, np.ndarray]) -> np.ndarray:
    """A bare matrix look-up on the codes, no validation, no leaders, no gaps."""
    return MATRIX_FLOOR[c["work"], c["behaviour"]]


def check_against_scalar(count: int, seed: int) -> None:
    """The batch engine and the scalar regime agree on *count* appraisals of the PP 30 shape."""
    rng = random.Random(seed)
    appraisals = [make_appraisal(rng, number) for number in range(count)]
    scores = score_pp30(Pp30Batch.from_appraisals(appraisals))
    found = grades(scores.grade)
    regime = Pp30Regime()
    for row, appraisal in enumerate(appraisals):
        result = regime.score(appraisal, trace=False)
        final = Decimal(int(scores.final[row])).scaleb(-scores.places)
        assert (result.score, result.grade) == (final, found[row]), appraisal.id


def main(argv: Sequence[str] | None = None) -> int:
    args = arguments(__doc__, argv, default_n=1_000_000)
    print(f"environment: {environment('numpy')}")
    print(f"N={args.n:,} appraisals, best of {args.repeat}; shape: see the module docstring")
    check_against_scalar(min(args.n, 200), args.seed)
    pp30 = pp30_columns(args.n, args.seed)
    permen6 = permen6_columns(args.n, args.seed)

    exact = score_pp30(Pp30Batch(**pp30))  # type: ignore[arg-type]
    final, band = pp30_floor(pp30)  # type: ignore[arg-type]
    exact_final = exact.final / 10.0**exact.places
    flips = int(np.count_nonzero(np.abs(final - exact_final) > 1e-9))
    assert not (exact.final == MISSING).any()

    paths: dict[str, Callable[[], object]] = {
        "pp30 batch": lambda: pp30_batch(pp30),
        "pp30 floor": lambda: pp30_floor(pp30),  # type: ignore[arg-type]
        "permen6 batch": lambda: score_permen6(Permen6Batch(**permen6)),
        "permen6 floor": lambda: permen6_floor(permen6),
    }
    seconds = {name: best_of(args.repeat, run)[0] for name, run in paths.items()}
    memory = {name: peak_mib(run) for name, run in paths.items()}
    print(f"{'path':<15} {'seconds':>9} {'ns/appraisal':>13} {'peak MiB':>9} {'vs floor':>9}")
    for name in paths:
        floor = seconds[name.split()[0] + " floor"]
        print(
            f"{name:<15} {seconds[name]:>9.3f} {seconds[name] / args.n * 1e9:>13.1f} "
            f"{memory[name]:>9.1f} {seconds[name] / floor:>8.2f}x"
        )
    print(f"ratio pp30 batch/floor: {seconds['pp30 batch'] / seconds['pp30 floor']:.2f}")
    print(f"ratio permen6 batch/floor: {seconds['permen6 batch'] / seconds['permen6 floor']:.2f}")
    print(f"float floor final values off the exact engine: {flips:,} of {args.n:,}")
    print(f"float floor band index range: {int(band.min())}-{int(band.max())}")
    print(f"peak RSS of the process: {peak_rss_mib():.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
