"""examples/dask_national_run.py on a real local Dask cluster: the same rows as one process."""

from __future__ import annotations

import importlib
from collections import Counter
from decimal import Decimal
from pathlib import Path

import dask
import dask.dataframe as dd
import numpy as np
import pandas as pd
import pytest
from distributed import Client, LocalCluster

from penilaian.batch.frames import score_pp30_wide
from penilaian.exceptions import InvalidInputError, MissingValueError

pytestmark = pytest.mark.slow

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
ROWS, PARTITIONS, SEED = 2_000, 4, 7


@pytest.fixture(scope="module")
def example():
    """The example as a module the worker processes can import too (examples/ on sys.path)."""
    with pytest.MonkeyPatch.context() as patch:
        # Workers are spawned processes; they get this sys.path, so they can unpickle the
        # example's functions by name.  The cluster fixture starts them inside this context.
        patch.syspath_prepend(str(EXAMPLES))
        yield importlib.import_module("dask_national_run")


@pytest.fixture(scope="module")
def client(example):
    """
    A two-process local cluster, closed after the module's tests, in the example's settings.

    The scheduler serves HTTP even with ``dashboard_address=None`` (on 8787, warning when
    another cluster holds that port), so it is bound to a free port on 127.0.0.1 instead.
    """
    with (
        dask.config.set(example.SETTINGS),
        LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address="127.0.0.1:0"
        ) as cluster,
        Client(cluster) as connected,
    ):
        yield connected


@pytest.fixture(scope="module")
def single(example):
    """The same population, concatenated and scored in this process by `score_pp30_wide`."""
    size = ROWS // PARTITIONS
    frame = pd.concat([example.partition_frame(part, size, SEED) for part in range(PARTITIONS)])
    return frame, score_pp30_wide(frame)


def test_results_equal_single_process_row_by_row(example, client, single):
    """Partitions built and scored on the workers equal one process's results exactly."""
    results = example.national_run(ROWS, PARTITIONS, SEED)
    assert results.npartitions == PARTITIONS
    computed = results.compute()
    pd.testing.assert_frame_equal(computed, single[1])
    pd.testing.assert_frame_equal(computed.iloc[:0], example.results_meta())  # meta was right
    assert isinstance(computed["score"].iloc[0], Decimal)


def test_distribution_equals_a_count_of_single_grades(example, client, single):
    """The grade counts are a count of the single-process grades; the sum is the exact sum."""
    counts, total = example.distribution(example.national_run(ROWS, PARTITIONS, SEED))
    expected = Counter("none" if grade is None else grade for grade in single[1]["grade"])
    assert {grade: count for grade, count in counts.items() if count} == expected
    assert counts.sum() == ROWS
    assert total == sum(score for score in single[1]["score"] if score is not None)
    same_counts, same_total = example.single_process(ROWS, PARTITIONS, SEED)
    pd.testing.assert_series_equal(same_counts, counts)
    assert same_total == total


def test_bad_cell_raises_the_typed_error_through_dask(example, client, single):
    """A NaN realisation in one partition raises InvalidInputError naming column and row."""
    frame = single[0].copy()
    frame.loc["skp-0001234", "realisation_0_1"] = np.nan
    ddf = dd.from_pandas(frame, npartitions=PARTITIONS, sort=False)
    with pytest.raises(InvalidInputError) as caught:
        ddf.map_partitions(score_pp30_wide, meta=example.results_meta()).compute()
    (problem,) = caught.value.problems
    assert problem.path == "$.realisation_0_1['skp-0001234']"
    assert isinstance(problem.error, MissingValueError)


def test_misspelt_column_is_named_through_dask(example, client, single):
    """A misspelt column is refused on the workers, naming it and the column it should be."""
    ddf = dd.from_pandas(single[0], npartitions=PARTITIONS, sort=False)
    ddf = ddf.rename(columns={"score_commitment": "score_comitment"})
    with pytest.raises(InvalidInputError) as caught:
        ddf.map_partitions(score_pp30_wide, meta=example.results_meta()).compute()
    (problem,) = caught.value.problems
    assert problem.path == "$.score_comitment"
    assert "'score_commitment'" in problem.message


def test_unequal_split_is_refused(example):
    """Rows that do not split into equal partitions are refused before any work."""
    with pytest.raises(ValueError, match="equal partitions"):
        example.national_run(10, 3, SEED)
