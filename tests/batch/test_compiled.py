"""
The generic engine's compiled (numba) path equals its numpy path, and both the scalar regime.

The two paths compute the same floats in the same order, so they give the same scores,
bands, grades and figures, and the float filter sends the same rows to the exact path
(``exact_rows``).  Tests that compile skip when numba is not installed; the switch and
the numpy path are tested either way.
"""

from __future__ import annotations

import contextlib
import importlib.util
import os
import sys
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING
from unittest import mock

import attrs
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_batch_generic import assert_equal_to_scalar, batch_of, one_row, policies, workforce
from test_batch_generic import regimes as generic_regimes

import penilaian as p
from penilaian.batch import GRADES, accelerator
from penilaian.batch import _compiled as compiled
from penilaian.batch import _compiled_kernels as kernels
from penilaian.batch._generic_plan import RatedPart, plan_for
from penilaian.batch._generic_values import Inputs, behaviour
from penilaian.batch.generic import ROLES, GenericBatch, score_generic
from penilaian.batch.policies import score_policies
from penilaian.exceptions import InvalidValueError, MissingExtraError
from penilaian.model import BandTable, TargetKind
from penilaian.regimes.generic import Component, RatedSubjects

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

VARIABLE = "PENILAIAN_BATCH_ACCELERATOR"
needs_numba = pytest.mark.skipif(
    importlib.util.find_spec("numba") is None,
    reason="numba is not installed (the batch extra brings it)",
)
SUPERVISOR, SELF = ROLES.index(p.RaterRole.SUPERVISOR), ROLES.index(p.RaterRole.SELF)
OTHERS = tuple(ROLES.index(p.RaterRole(r)) for r in ("peer", "subordinate", "public"))


@contextlib.contextmanager
def running(path: str) -> Iterator[None]:
    """Run the engine on *path* (``numba`` or ``numpy``) inside the block."""
    with mock.patch.dict(os.environ, {VARIABLE: path}):
        assert accelerator() == path
        yield


def both(score: Callable[[], object]) -> tuple[object, object]:
    """*score* on the compiled path, then on the numpy path."""
    with running("numba"):
        fast = score()
    with running("numpy"):
        plain = score()
    return fast, plain


def assert_same(fast, plain) -> None:
    """Two `GenericScores` hold the same values, row by row, and took the same exact rows."""
    for name in ("complete", "score", "band", "grade", "component"):
        assert getattr(fast, name).tolist() == getattr(plain, name).tolist(), name
    assert (fast.exact_rows, fast.labels, fast.places) == (
        plain.exact_rows, plain.labels, plain.places,
    )  # fmt: skip


SCALES = ((1, 5), (0, 10), (1, 7), (0, 100))


def random_columns(
    rng: np.random.Generator,
    n: int,
    shape: tuple[int, int, int],
    places: int,
    scale: tuple[int, int],
    *,
    any_number: bool,
) -> dict[str, object]:
    """
    Random generic columns: *n* rows of (indicators, subjects, raters) places *shape*.

    Ratings on halves of the scale (or, with *any_number*, any number to the last
    place), missing roles, empty places.  Rater place 0 is the only one a supervisor
    may hold, so that no subject has two supervisor ratings (`SupervisorRating`
    refuses them).  Every row has a main indicator and an applying subject, so no row
    is refused.
    """
    i, s, r = shape
    unit = 10**places
    indicator = rng.random((n, i)) < 0.7
    indicator[:, 0] = True
    kind = np.where(indicator, rng.integers(0, len(TargetKind), (n, i)), -1).astype(np.int8)
    kind[:, 0] = list(TargetKind).index(TargetKind.MAIN)
    low = rng.integers(1, 20, (n, i)) * unit
    high = low + rng.integers(0, 3, (n, i)) * rng.integers(0, 10, (n, i)) * unit
    realisation = rng.integers(0, 40 * unit, (n, i))
    applies = rng.random((n, s)) < 0.8
    applies[:, 0] = True
    role = rng.choice(np.array([*OTHERS, SELF, -1]), (n, r)).astype(np.int8)
    role[:, 0] = np.where(rng.random(n) < 0.8, SUPERVISOR, role[:, 0])
    rated = (rng.random((n, s, r)) < 0.75) & (role >= 0)[:, None, :]
    bottom, top = scale
    halves = 2 if places else 1  # a half point needs a decimal place
    score = rng.integers(halves * bottom, halves * top + 1, (n, s, r)) * unit // halves
    if any_number:
        score = rng.integers(bottom * unit, top * unit + 1, (n, s, r))
    return {
        "places": places, "subjects": tuple(f"s{k}" for k in range(s)),
        "scale_min": Decimal(bottom), "scale_max": Decimal(top), "indicator": indicator,
        "kind": kind, "target_low": low, "target_high": high, "realisation": realisation,
        "realised": np.ones((n, i), np.bool_), "lower_is_better": rng.random((n, i)) < 0.3,
        "applies": applies, "role": role, "score": score.astype(np.int64), "rated": rated,
    }  # fmt: skip


@st.composite
def columns(draw: st.DrawFn) -> dict[str, object]:
    """`random_columns` of up to 12 rows, every shape, scale and kind of rating."""
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    shape = (
        draw(st.sampled_from([1, 3, 8, 11])),
        draw(st.sampled_from([1, 2, 5, 9])),
        draw(st.integers(1, 7)),
    )
    return random_columns(
        rng, draw(st.integers(1, 12)), shape, draw(st.integers(0, 3)),
        draw(st.sampled_from(SCALES)), any_number=draw(st.booleans()),
    )  # fmt: skip


@st.composite
def regimes(draw: st.DrawFn, subjects: int) -> p.GenericRegime:
    """A regime of every option the engine computes; the rated subjects all or a few."""
    regime = draw(generic_regimes())
    chosen = draw(
        st.none()
        | st.lists(st.integers(0, subjects), min_size=1, max_size=3, unique=True).map(
            lambda ks: tuple(f"s{k}" for k in ks)  # s<subjects> is a subject the batch lacks
        )
    )
    kinds = draw(st.sampled_from([(TargetKind.MAIN,), (TargetKind.MAIN, TargetKind.ADDITIONAL)]))
    work = attrs.evolve(regime.components[0].source, kinds=kinds)
    components = (Component("work", work), Component("behaviour", RatedSubjects(chosen)))
    return attrs.evolve(regime, components=components)


def at_scores(regime: p.GenericRegime, found: list[int], places: int) -> p.GenericRegime:
    """*regime* with its band cuts exactly at the scaled scores *found* (each hits a cut)."""
    cuts = sorted({Decimal(score).scaleb(-places) for score in found})
    if not cuts:
        return regime
    closed = "upper" if len(cuts) % 2 else "lower"
    labels = tuple(GRADES[: len(cuts) + 1]) if len(cuts) < len(GRADES) else None
    if labels is None:
        return regime
    bands = BandTable(id="at-scores", clause="test", labels=labels, cuts=cuts, closed=closed)
    return attrs.evolve(regime, bands=bands)


@needs_numba
class TestPathsAgree:
    @settings(max_examples=40, deadline=None)
    @given(data=st.data(), cuts=st.lists(st.integers(0, 11), max_size=3))
    def test_random_columns(self, data, cuts):
        """Every option on random columns, with band cuts placed exactly on real scores."""
        given_columns = data.draw(columns())
        regime = data.draw(regimes(len(given_columns["subjects"])))
        batch = GenericBatch(**given_columns)
        fast, plain = both(lambda: score_generic(batch, regime, chunk=5))
        assert_same(fast, plain)
        found = [int(plain.score[k]) for k in cuts if k < len(batch) and plain.complete[k]]
        placed = at_scores(regime, found, plain.places)
        fast, plain = both(lambda: score_generic(batch, placed, chunk=5))
        assert_same(fast, plain)
        on_cut = [k for k in cuts if k < len(batch) and plain.complete[k]]
        assert all(plain.band[k] >= 0 for k in on_cut)

    @settings(max_examples=15, deadline=None)
    @given(seed=st.integers(0, 5), regime=generic_regimes())
    def test_workforces_equal_the_scalar_regime(self, seed, regime):
        """Both paths, and the scalar regime on every row of a generated workforce."""
        fast, plain = both(lambda: score_generic(batch_of(seed), regime, chunk=23))
        assert_same(fast, plain)
        assert_equal_to_scalar(regime, workforce(seed), fast)

    @pytest.mark.parametrize(("rating", "expected"), [(101, 34), (103, 34), (102, 34)])
    def test_a_score_on_a_rounding_half(self, rating, expected):
        """(100 + 2 x 0.25) / 3 = 33.5 exactly: both paths send it to the exact path."""
        regime = attrs.evolve(
            p.GenericRegime.default(),
            weights=p.Weights({"work": Fraction(1, 3), "behaviour": Fraction(2, 3)}),
            rounding=p.Rounding(0),
        )
        batch = GenericBatch(**one_row(score=rating))
        fast, plain = both(lambda: score_generic(batch, regime))
        assert_same(fast, plain)
        assert int(fast.score[0]) == expected
        if rating == 101:
            assert fast.exact_rows == 1

    @settings(max_examples=10, deadline=None)
    @given(policy=policies(), seed=st.integers(0, 5))
    def test_the_policy_grid(self, policy, seed):
        """`score_policies` reads each slice once on either path, with the same cells."""
        chosen = {
            f"b{tenths}": attrs.evolve(
                p.GenericRegime.default(),
                aggregator=policy,
                weights=p.Weights(
                    {"work": 1 - Fraction(tenths, 10), "behaviour": Fraction(tenths, 10)}
                ),
            )
            for tenths in (2, 5)
        }
        fast, plain = both(lambda: score_policies(batch_of(seed), chosen, chunk=25))
        assert fast.score.tolist() == plain.score.tolist()
        assert fast.grade.tolist() == plain.grade.tolist()
        assert fast.exact_cells == plain.exact_cells

    def test_median_of_an_even_count_and_a_missing_role(self):
        """Two supervisor places, median 1.5 and 4.5 halves; peers absent for the subject."""
        columns = one_row(score=100)
        columns["role"] = np.array([[SUPERVISOR, OTHERS[0]]], np.int8)
        columns["score"] = np.array([[[100, 200]]])
        columns["rated"] = np.array([[[True, False]]])
        policy = p.WeightingPolicy.normalised(
            {"supervisor": 1, "peer": 1}, missing=p.Renormalise(), aggregation=p.Median()
        )
        regime = attrs.evolve(p.GenericRegime.default(), aggregator=policy)
        batch = GenericBatch(**columns)
        fast, plain = both(lambda: score_generic(batch, regime))
        assert_same(fast, plain)
        assert bool(fast.complete[0])


@needs_numba
class TestSameFloats:
    @settings(max_examples=30, deadline=None)
    @given(data=st.data())
    def test_every_intermediate(self, data):
        """Work means and rated means, with their flags and magnitudes: the same bits."""
        given_columns = data.draw(columns())
        self.check(given_columns, data.draw(regimes(len(given_columns["subjects"]))))

    @pytest.mark.parametrize("median", [False, True])
    @pytest.mark.parametrize("scale", SCALES)
    def test_thousands_of_rows(self, scale, median):
        """Any rating to its last place: a last bit lost anywhere shows in some row."""
        rng = np.random.default_rng(scale[1])
        given_columns = random_columns(rng, 4000, (8, 5, 7), 3, scale, any_number=True)
        aggregation = p.Median() if median else p.Mean()
        policy = p.WeightingPolicy.normalised(
            {"supervisor": 3, "peer": 2, "subordinate": 2, "public": 1},
            missing=p.Renormalise(),
            aggregation=aggregation,
        )
        self.check(given_columns, attrs.evolve(p.GenericRegime.default(), aggregator=policy))

    def check(self, given_columns: dict[str, object], regime: p.GenericRegime) -> None:
        """Both paths read the same bits from *given_columns* under *regime*."""
        batch = GenericBatch(**given_columns)
        plan = plan_for(regime, batch.subjects)
        weights = np.array([float(w) for w in plan.roles.weights])

        def read() -> list[np.ndarray]:
            inputs = Inputs.read(batch, plan, slice(0, len(batch)))
            found = []
            for index, part in enumerate(plan.components):
                if isinstance(part, RatedPart):
                    found += behaviour(inputs, plan, part, weights)
                else:
                    found += inputs.work[index]
            return found

        fast, plain = both(read)
        for got, want in zip(fast, plain, strict=True):
            assert got.dtype == want.dtype
            assert got.tobytes() == want.tobytes()


class TestPairwise:
    @pytest.mark.parametrize("length", [0, 1, 7, 8, 9, 16, 127, 128, 129, 300, 1031, 4100])
    def test_plain_sum_is_numpys(self, length):
        """The kernels' sum adds in numpy's order, to the last bit (also uncompiled)."""
        rng = np.random.default_rng(length)
        values = rng.standard_normal(length + 3) * 10.0 ** rng.integers(-9, 9, length + 3)
        want = values[2 : 2 + length].sum()
        assert kernels.pairwise_sum(values, 2, length) == want

    @needs_numba
    def test_compiled_sum_is_numpys(self):
        rng = np.random.default_rng(7)
        add = compiled.compiled("pairwise_sum")
        for length in (5, 8, 100, 129, 1000):
            values = rng.standard_normal(length) * 10.0 ** rng.integers(-9, 9, length)
            assert add(values, 0, length) == values.sum(), length


class TestSwitch:
    @pytest.mark.parametrize(("value", "path"), [("numpy", "numpy"), (" NumPy ", "numpy")])
    def test_numpy_by_request(self, value, path):
        with mock.patch.dict(os.environ, {VARIABLE: value}):
            assert accelerator() == path

    @needs_numba
    @pytest.mark.parametrize("value", ["", "auto", "numba", "NUMBA"])
    def test_numba_where_installed(self, value):
        with mock.patch.dict(os.environ, {VARIABLE: value}):
            assert accelerator() == "numba"

    def test_another_value_is_refused_naming_the_variable(self):
        with (
            mock.patch.dict(os.environ, {VARIABLE: "gpu"}),
            pytest.raises(InvalidValueError, match="numba, numpy or auto") as caught,
        ):
            accelerator()
        assert caught.value.field == VARIABLE

    def test_without_numba_the_numpy_path_runs(self, monkeypatch):
        """numba missing: auto chooses numpy and scores; asking for numba names the extra."""
        monkeypatch.setattr(compiled, "_numba_installed", lambda: False)
        monkeypatch.delenv(VARIABLE, raising=False)
        assert accelerator() == "numpy"
        regime = p.GenericRegime.default()
        assert_equal_to_scalar(regime, workforce(0), score_generic(batch_of(0), regime))
        monkeypatch.setitem(sys.modules, "numba", None)
        monkeypatch.setenv(VARIABLE, "numba")
        with pytest.raises(MissingExtraError) as caught:
            accelerator()
        assert (caught.value.extra, caught.value.package) == ("batch", "numba")


class TestThreads:
    """`score_generic(..., threads=k)` scores chunks side by side, to the same results."""

    @pytest.mark.parametrize("path", ["numba", "numpy"])
    @given(seed=st.integers(0, 2**32 - 1), chunk=st.integers(1, 40), threads=st.integers(2, 4))
    @settings(max_examples=10)
    def test_any_number_of_threads_gives_the_serial_scores(self, path, seed, chunk, threads):
        if path == "numba" and importlib.util.find_spec("numba") is None:
            pytest.skip("numba is not installed (the batch extra brings it)")
        rng = np.random.default_rng(seed)
        batch = GenericBatch(**random_columns(rng, 120, (3, 2, 4), 2, (1, 5), any_number=True))
        with running(path):
            serial = score_generic(batch, chunk=chunk)
            side_by_side = score_generic(batch, chunk=chunk, threads=threads)
        assert_same(side_by_side, serial)

    def test_the_first_problem_in_row_order_is_raised(self):
        columns = random_columns(
            np.random.default_rng(7), 60, (2, 1, 3), 0, (1, 5), any_number=False
        )
        # Two supervisor ratings of one subject are refused; put them in rows 25 and 55.
        for row in (25, 55):
            columns["role"][row, :2] = SUPERVISOR
            columns["rated"][row, 0, :2] = True
        batch = GenericBatch(**columns)
        with pytest.raises(p.exceptions.ScoringInputError) as serial:
            score_generic(batch, chunk=10)
        with pytest.raises(p.exceptions.ScoringInputError) as threaded:
            score_generic(batch, chunk=10, threads=3)
        assert [q.path for q in serial.value.problems] == ["$.rated[25, 0]"]
        assert [q.path for q in threaded.value.problems] == ["$.rated[25, 0]"]

    @pytest.mark.parametrize("threads", [0, -1, True, 1.5, "2"])
    def test_threads_must_be_a_whole_number_of_at_least_one(self, threads):
        batch = GenericBatch(
            **random_columns(np.random.default_rng(1), 3, (1, 1, 1), 0, (1, 5), any_number=False)
        )
        with pytest.raises(InvalidValueError) as caught:
            score_generic(batch, threads=threads)
        assert caught.value.field == "threads"
