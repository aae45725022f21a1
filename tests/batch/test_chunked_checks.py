"""Column checks run a chunk of rows at a time give the problems of one pass over whole columns."""

from __future__ import annotations

import functools
from decimal import Decimal
from unittest import mock

import attrs
import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import penilaian as p
from penilaian.batch import _chunks
from penilaian.batch._chunks import CHUNK_ROWS, Check, row_chunks
from penilaian.batch._columns import checked, listed
from penilaian.batch.generic import ROLES, GenericBatch, score_generic
from penilaian.batch.permen6 import Permen6Batch
from penilaian.batch.pp30 import Pp30Batch, score_pp30
from penilaian.batch.pp46 import Pp46Batch
from penilaian.exceptions import InvalidInputError, InvalidNumberError, OffScaleError
from penilaian.simulation import WorkforceSpec, generate

ROWS = 24
"""Rows of the small batches, so that chunks of 1 to 7 rows split them many ways."""


def key(problems):
    """What a problem says: its path, message, error type, field, value and text."""
    return [
        (q.path, q.message, type(q.error), q.error.field, q.error.value, str(q.error))
        for q in problems
    ]


def problems_of(build, columns, size=None):
    """The problems *build* raises on *columns*, with the checks' chunk set to *size* rows."""
    with mock.patch.object(_chunks, "CHUNK_ROWS", size or CHUNK_ROWS):
        try:
            build(**columns)
        except InvalidInputError as error:
            return key(error.problems)
    return []


def fields(batch):
    """A fresh copy of every column of *batch*, by name."""
    return {
        field.name: np.copy(value) if isinstance(value, np.ndarray) else value
        for field in attrs.fields(type(batch))
        for value in [getattr(batch, field.name)]
    }


@functools.cache
def workforce(regime):
    return generate(WorkforceSpec(employees=ROWS, regime=regime), seed=3).appraisals


def generic_columns():
    return fields(GenericBatch.from_appraisals(workforce("pp30_2019")))


def pp30_columns():
    return fields(Pp30Batch.from_appraisals(workforce("pp30_2019")))


def permen6_columns():
    return fields(Permen6Batch.from_appraisals(workforce("permen6_2022")))


def pp46_columns(n=ROWS):
    """Valid PP 46/2011 columns by hand: two kegiatan of quantity, quality and time, 90 of 100."""
    cells = (n, 2, 4)
    indicator = np.zeros(cells, np.bool_)
    indicator[..., :3] = True
    return {
        "places": 2, "main": np.ones(cells[:2], np.bool_), "indicator": indicator,
        "target": np.full(cells, 100_00, np.int64), "realisation": np.full(cells, 90_00, np.int64),
        "realised": indicator.copy(), "additional": np.zeros(n, np.int64),
        "innovations": np.zeros((n, 3), np.int64), "behaviour": np.full((n, 6), 80_00, np.int64),
        "rated": np.ones((n, 6), np.bool_), "applies": np.ones((n, 6), np.bool_),
    }  # fmt: skip


# Per engine: how to build it, valid columns, and (column, value) pokes that make cells bad.
ENGINES = {
    "generic": (
        GenericBatch, generic_columns,
        [("target_low", 0), ("target_high", 2**53), ("realised", False), ("kind", -1),
         ("realisation", -(2**53)), ("score", 10**9), ("role", 9), ("kind", 7)],
    ),
    "pp30": (
        Pp30Batch, pp30_columns,
        [("target_low", -1), ("realised", False), ("realisation", -5), ("behaviour", 121_000_000),
         ("main", False), ("applies", False)],
    ),
    "pp46": (
        Pp46Batch, pp46_columns,
        [("target", 0), ("realised", False), ("indicator", False), ("realisation", -1),
         ("additional", -1), ("innovations", 99), ("behaviour", 100_01), ("applies", False),
         ("main", False), ("target", 1)],
    ),
    "permen6": (
        Permen6Batch, permen6_columns,
        [("work", 3), ("behaviour", -2), ("unit_grade", 9)],
    ),
}  # fmt: skip


@st.composite
def poked(draw, engine):
    """Valid columns of *engine* with some cells made bad, each at a drawn row and place."""
    build, columns_of, pokes = ENGINES[engine]
    columns = columns_of()
    for name, value in draw(st.lists(st.sampled_from(pokes), max_size=12)):
        column = columns[name]
        index = tuple(draw(st.integers(0, size - 1)) for size in column.shape)
        column[index] = value
    return build, columns


class TestChunkedEqualsWhole:
    """Every engine's problems are the same whatever the chunk, in the same order."""

    @pytest.mark.parametrize("engine", list(ENGINES))
    @given(data=st.data(), size=st.integers(1, ROWS + 1))
    def test_same_problems(self, engine, data, size):
        """Bad cells anywhere give the same problems with chunks of *size* rows as with one."""
        build, columns = data.draw(poked(engine))
        whole = problems_of(build, columns, 10**9)
        assert problems_of(build, columns, size) == whole
        assert problems_of(build, columns) == whole

    @pytest.mark.parametrize("engine", list(ENGINES))
    def test_valid_columns_build(self, engine):
        """The unpoked columns of every engine build at any chunk size: pokes make the fails."""
        build, columns_of, _ = ENGINES[engine]
        for size in (1, 5, None):
            assert problems_of(build, columns_of(), size) == []

    @given(
        shape=st.sampled_from([(11,), (11, 3), (11, 2, 4)]),
        seed=st.integers(0, 2**32 - 1),
        share=st.sampled_from([0.0, 0.02, 0.2, 1.0]),
        size=st.integers(1, 12),
    )
    def test_checked_equals_listed(self, shape, seed, share, size):
        """`checked` in chunks lists the cells `listed` lists over the whole mask."""
        rng = np.random.default_rng(seed)
        bad = rng.random(shape) < share
        values = rng.integers(-9, 9, shape)
        check = Check("x", "is bad", lambda r: bad[r], lambda r: values[r], OffScaleError)
        want = key(listed("x", bad, values, "is bad", OffScaleError))
        assert key(checked(shape[0], [check], size)) == want

    def test_chunks_cover_the_rows(self):
        """Chunks are consecutive, of the size asked, the last one shorter."""
        assert list(row_chunks(5, 2)) == [slice(0, 2), slice(2, 4), slice(4, 5)]
        assert list(row_chunks(0, 2)) == []


def national(n):
    """A valid generic batch of *n* appraisals: 2 indicators, 1 subject, 2 raters."""
    cells = (n, 2)
    supervisor, peer = ROLES.index(p.RaterRole.SUPERVISOR), ROLES.index(p.RaterRole.PEER)
    return {
        "places": 2, "subjects": ("s1",), "scale_min": Decimal(1), "scale_max": Decimal(5),
        "indicator": np.ones(cells, np.bool_), "kind": np.zeros(cells, np.int8),
        "target_low": np.full(cells, 100, np.int64), "target_high": np.full(cells, 100, np.int64),
        "realisation": np.full(cells, 90, np.int64), "realised": np.ones(cells, np.bool_),
        "lower_is_better": np.zeros(cells, np.bool_), "applies": np.ones((n, 1), np.bool_),
        "role": np.tile(np.array([supervisor, peer], np.int8), (n, 1)),
        "score": np.full((n, 1, 2), 400, np.int64), "rated": np.ones((n, 1, 2), np.bool_),
    }  # fmt: skip


class TestAtRealSize:
    """With the real chunk, a bad cell past the first chunk keeps its row label."""

    N = CHUNK_ROWS + 100

    def test_bad_cell_in_second_chunk(self):
        """One bad target in the second chunk is named at its row in the batch."""
        columns = national(self.N)
        row = CHUNK_ROWS + 37
        columns["target_low"][row, 1] = 0
        with pytest.raises(InvalidInputError) as caught:
            GenericBatch(**columns)
        (problem,) = caught.value.problems
        assert problem.path == f"$.target_low[{row}, 1]"
        assert isinstance(problem.error, InvalidNumberError)
        assert problem.error.field == "target_low"
        assert str(row) in problem.error.reason

    def test_bad_cells_across_chunks(self):
        """Bad cells either side of the chunk boundary: the first five in row order, then a sum."""
        columns = national(self.N)
        rows = [3, CHUNK_ROWS - 1, CHUNK_ROWS, CHUNK_ROWS + 1, CHUNK_ROWS + 50, CHUNK_ROWS + 99]
        for row in rows:
            columns["score"][row, 0, 1] = 600  # off the 1-5 scale
        columns["kind"][CHUNK_ROWS + 2, 0] = 99  # a bad code, checked before the values
        with pytest.raises(InvalidInputError) as caught:
            GenericBatch(**columns)
        assert [q.path for q in caught.value.problems] == [f"$.kind[{CHUNK_ROWS + 2}, 0]"]
        columns["kind"][CHUNK_ROWS + 2, 0] = 0
        with pytest.raises(InvalidInputError) as caught:
            GenericBatch(**columns)
        found = caught.value.problems
        assert [q.path for q in found] == [
            *(f"$.score[{row}, 0, 1]" for row in rows[:5]),
            "$.score",
        ]
        assert all(isinstance(q.error, OffScaleError) for q in found)
        assert found[-1].error.value == 1
        assert found[-1].message.endswith(": 1 more cells")

    def test_scores_equal_across_score_chunks(self):
        """Scoring in chunks of any size gives the scores of one chunk."""
        batch = GenericBatch(**national(self.N))
        one = score_generic(batch, chunk=self.N)
        for chunk in (1000, CHUNK_ROWS, 200_000):
            split = score_generic(batch, chunk=chunk)
            for name in ("complete", "score", "band", "grade", "component"):
                assert np.array_equal(getattr(split, name), getattr(one, name)), (chunk, name)


def test_pp30_scores_unchanged_by_check_chunks():
    """The check chunk never changes a PP 30/2019 score."""
    columns = pp30_columns()
    with mock.patch.object(_chunks, "CHUNK_ROWS", 1):
        small = score_pp30(Pp30Batch(**columns))
    whole = score_pp30(Pp30Batch(**columns))
    assert np.array_equal(small.final, whole.final)
    assert np.array_equal(small.grade, whole.grade)
