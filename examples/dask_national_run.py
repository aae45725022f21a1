"""
Score a national workforce under PP 30/2019 on a Dask cluster, exactly, and count the grades.

Dask does the distributing and penilaian does the scoring. Each partition of a
`dask.dataframe` is one wide PP 30/2019 frame (the layout of `penilaian.batch.frames`).
`partition_frame` builds it on the worker from a seed and the partition number, so the
same arguments give the same population on any cluster. Each worker scores its
partition with `penilaian.batch.frames.score_pp30_wide`, which gives the scalar
regime's score and grade for every row. Dask then adds up the grade counts and the
scaled scores across partitions. Every step works in integers, so the totals are exact.

Results hold `decimal.Decimal` objects (``score``, ``main``, ...) in object columns.
`results_meta` tells Dask their dtypes: it is an empty frame scored by the library
itself. `national_run` is meant to run inside `SETTINGS`. Those settings switch off
Dask's conversion of object and text columns to pyarrow strings, so the frames keep
pandas' own dtypes and equal a single-process run exactly.

Each appraisal has two work targets with two indicators each. The first target is
always main, and the second is main in one row of two. Targets are points of 5-200
units, and one in four is a range of 5 units. Realisations are 50-130 % of the target
with one decimal place. One indicator in eight is lower-is-better, and one in ten
(of the others) is at its maximum. The supervisor scores every aspect that applies
from 60 to 120 in steps of 0.5; leadership applies to managerial posts only. Peer
input is given in one row of four, and an innovation in one of three.

Run: python examples/dask_national_run.py            # 10,000 appraisals, 4 partitions
     python examples/dask_national_run.py --rows 1000000 --partitions 20 --check
"""

from __future__ import annotations

import argparse
import time
from decimal import Decimal
from typing import TYPE_CHECKING, Final

import dask
import dask.dataframe as dd
import numpy as np
import pandas as pd
from distributed import Client, LocalCluster

from penilaian.batch import ASPECTS, GRADES
from penilaian.batch.frames import score_pp30_wide

if TYPE_CHECKING:
    from collections.abc import Sequence

SETTINGS: Final = {"dataframe.convert-string": False}
"""Dask settings for the run: keep pandas' dtypes (no conversion to pyarrow strings)."""
KINDS: Final = ("executor", "expert_first", "expert_junior", "skill_skilled", "administrator",
                "supervisor")  # fmt: skip
"""The position kinds drawn, uniformly; leadership applies to the last two."""
MANAGERIAL: Final = ("administrator", "supervisor")
TARGETS: Final = 2
"""Work-target places per appraisal."""
INDICATORS: Final = 2
"""Indicator places per work target."""
NO_GRADE: Final = "none"
"""The label `grade_counts` gives incomplete results (no grade)."""


def partition_frame(partition: int, rows: int, seed: int) -> pd.DataFrame:
    """
    The wide PP 30/2019 frame of one partition: *rows* appraisals, the same for the same args.

    Each partition draws from its own stream of *seed* (``default_rng([seed, partition])``),
    so partitions are independent and can be built on any worker in any order. Appraisal
    ids continue from one partition to the next: ``skp-0000000``, ``skp-0000001``, ...
    """
    rng = np.random.default_rng([seed, partition])
    first = partition * rows
    ids = pd.Index([f"skp-{n:07d}" for n in range(first, first + rows)], dtype="str", name="id")
    kinds = np.asarray(KINDS)[rng.integers(0, len(KINDS), rows)]
    columns: dict[str, object] = {
        "position_kind": pd.Series(kinds, index=ids, dtype="str"),
        "peer_input": rng.random(rows) < 1 / 4,
        "innovation": rng.random(rows) < 1 / 3,
    }
    for t_place in range(TARGETS):
        main = np.ones(rows, np.bool_) if t_place == 0 else rng.random(rows) < 1 / 2
        columns[f"main_{t_place}"] = main
        for i_place in range(INDICATORS):
            place = f"{t_place}_{i_place}"
            low = rng.integers(5, 201, rows)
            lower = rng.random(rows) < 1 / 8
            tenths = low * rng.integers(500, 1301, rows) // 100  # 50.0-130.0 % of the target
            columns[f"target_low_{place}"] = low
            columns[f"target_high_{place}"] = np.where(rng.random(rows) < 1 / 4, low + 5, low)
            columns[f"realisation_{place}"] = tenths / 10  # a float read as its decimal text
            columns[f"lower_is_better_{place}"] = lower
            columns[f"at_maximum_{place}"] = ~lower & (rng.random(rows) < 1 / 10)
    managerial = np.isin(kinds, MANAGERIAL)
    for aspect in ASPECTS:
        score = rng.integers(120, 241, rows) / 2  # 60.0-120.0 in steps of 0.5
        if aspect == "leadership":
            score = np.where(managerial, score, np.nan)  # NA: does not apply to the post
        columns[f"score_{aspect}"] = score
    return pd.DataFrame(columns, index=ids)


def results_meta() -> pd.DataFrame:
    """The empty results frame: the columns and dtypes `score_pp30_wide` returns."""
    return score_pp30_wide(partition_frame(0, 0, 0))


def national_run(rows: int, partitions: int, seed: int) -> dd.DataFrame:
    """
    The results of *rows* appraisals in *partitions* equal partitions, as a lazy Dask frame.

    Nothing is built or scored until it is computed: each partition's frame is built by
    `partition_frame` and scored by `score_pp30_wide` where Dask runs the task.

    Raises:
        ValueError: when *rows* does not split into *partitions* equal parts.
    """
    per_partition, rest = divmod(rows, partitions)
    if rest:
        raise ValueError(f"{rows} rows do not split into {partitions} equal partitions")
    frames = dd.from_map(
        partition_frame, range(partitions), rows=per_partition, seed=seed,
        meta=partition_frame(0, 0, seed),
    )  # fmt: skip
    return frames.map_partitions(score_pp30_wide, meta=results_meta())


def grade_counts(codes: pd.Series) -> pd.Series:
    """
    Counts per grade code (as `Series.value_counts` gives them) as counts per grade id.

    Every grade of `penilaian.batch.GRADES` is listed, 0 where none fell, and last
    `NO_GRADE` for the incomplete results (code -1).
    """
    named = {code: grade.value for code, grade in enumerate(GRADES)} | {-1: NO_GRADE}
    counts = codes.rename(index=named).reindex(list(named.values()), fill_value=0)
    return counts.astype("int64").rename("appraisals").rename_axis("grade")


def distribution(results: dd.DataFrame) -> tuple[pd.Series, Decimal]:
    """
    The grade counts of *results* and the sum of their scores, exactly, in one pass.

    The counts come from the integer ``grade_code`` column. The sum adds the scaled
    integers of ``score_scaled`` (a nullable Int64; incomplete rows are NA and
    skipped) and divides by 10**places once at the end, so it is exact.

    Raises:
        ValueError: when partitions were scored at different rounding places.
    """
    codes, total, low, high = dask.compute(
        results["grade_code"].value_counts(split_out=1),  # one tree reduction, no shuffle
        results["score_scaled"].sum(),
        results["places"].min(),
        results["places"].max(),
    )
    if low != high:
        raise ValueError(f"partitions were scored at {low} to {high} places")
    return grade_counts(codes), Decimal(int(total)).scaleb(-int(high))


def single_process(rows: int, partitions: int, seed: int) -> tuple[pd.Series, Decimal]:
    """The same as `distribution` of `national_run`, scored in this process without Dask."""
    per_partition = rows // partitions
    frame = pd.concat([partition_frame(part, per_partition, seed) for part in range(partitions)])
    results = score_pp30_wide(frame)
    total = int(results["score_scaled"].sum())
    places = int(results["places"].iloc[0]) if len(results) else 0
    return grade_counts(results["grade_code"].value_counts()), Decimal(total).scaleb(-places)


def show(counts: pd.Series, total: Decimal) -> None:
    """Print the grade distribution and the mean score of the complete results."""
    rows = int(counts.sum())
    print(f"{'grade':<20} {'appraisals':>12} {'share':>8}")
    for grade, count in counts.items():
        print(f"{grade:<20} {count:>12,} {count / max(rows, 1):>8.2%}")
    complete = rows - int(counts[NO_GRADE])
    if complete:
        print(f"mean score of the {complete:,} complete results: {total / complete:.4f}")
        print(f"(exact sum {total})")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").strip().splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000, help="appraisals (default 10,000)")
    parser.add_argument("--partitions", type=int, default=4, help="partitions (default 4)")
    parser.add_argument("--workers", type=int, default=2, help="worker processes (default 2)")
    parser.add_argument("--threads", type=int, default=1, help="threads per worker (default 1)")
    parser.add_argument("--seed", type=int, default=2024, help="the population's seed")
    parser.add_argument("--dashboard", default="127.0.0.1:0",
                        help="the scheduler's HTTP address (default: a free port)")  # fmt: skip
    parser.add_argument("--check", action="store_true",
                        help="also score all rows in this process and compare")  # fmt: skip
    args = parser.parse_args(argv)
    if args.rows % args.partitions:
        parser.error(f"--rows {args.rows} does not split into {args.partitions} equal partitions")
    start = time.perf_counter()
    with (
        dask.config.set(SETTINGS),
        LocalCluster(
            n_workers=args.workers, threads_per_worker=args.threads, processes=True,
            dashboard_address=args.dashboard,
        ) as cluster,
        Client(cluster),
    ):  # fmt: skip
        counts, total = distribution(national_run(args.rows, args.partitions, args.seed))
    seconds = time.perf_counter() - start
    cluster_size = f"{args.workers} worker processes x {args.threads} thread(s)"
    print(f"{args.rows:,} appraisals, {args.partitions} partitions, {cluster_size}:"
          f" {seconds:.1f} s, the cluster's start included")  # fmt: skip
    show(counts, total)
    if args.check:
        start = time.perf_counter()
        same = single_process(args.rows, args.partitions, args.seed)
        seconds = time.perf_counter() - start
        equal = counts.equals(same[0]) and total == same[1]
        print(f"single process: {seconds:.1f} s; the same counts and sum: {equal}")
        return 0 if equal else 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
