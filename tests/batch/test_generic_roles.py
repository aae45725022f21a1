"""
The numpy path's grouping by role (`penilaian.batch._generic_roles.by_role`).

It must give the compiled kernel's floats bit for bit: each role's ratings added as
floats in rater order from 0, divided by ``count x 10^places``; a median halving the
two middle ratings.  A plain-Python reference spells that order out, and the tests
use ratings large enough that their sums pass 2^53, where a float sum in another
order (a ``bincount``, a pairwise sum) would round differently.
"""

from __future__ import annotations

from decimal import Decimal

import attrs
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_compiled import OTHERS, SELF, SUPERVISOR, both, needs_numba

import penilaian as p
from penilaian.batch._generic_roles import by_role
from penilaian.batch.generic import ROLES, GenericBatch, score_generic
from penilaian.model import TargetKind

ROLE_CODES = (SUPERVISOR, *OTHERS, SELF)
# The largest rating a batch holds: 9,007,199,254.740991 x 10^6 = 2^53 - 1.
TOP = 2**53 - 1
MAIN = list(TargetKind).index(TargetKind.MAIN)


def reference(batch: GenericBatch, roles: tuple[int, ...], *, median: bool):
    """The grouping cell by cell, in plain Python: the kernel's order of operations."""
    n, s, r = batch.score.shape
    unit = 10.0**batch.places
    count = np.zeros((len(roles), n, s), np.int64)
    value = np.full((len(roles), n, s), np.nan)
    for k, code in enumerate(roles):
        for row in range(n):
            for subject in range(s):
                mine = [
                    int(batch.score[row, subject, rater])
                    for rater in range(r)
                    if batch.rated[row, subject, rater] and batch.role[row, rater] == code
                ]
                count[k, row, subject] = len(mine)
                if not mine:
                    continue
                if median:
                    ordered = sorted(mine)
                    middle = float(ordered[(len(mine) - 1) // 2]) + float(ordered[len(mine) // 2])
                    value[k, row, subject] = middle / 2.0 / unit
                else:
                    total = 0.0
                    for rating in mine:
                        total += float(rating)
                    value[k, row, subject] = total / (len(mine) * unit)
    return count, value


@st.composite
def grouped_columns(draw: st.DrawFn) -> dict[str, object]:
    """
    Ratings of up to 9 rows: each rater place's role the same on every row, varying
    from row to row, or empty; ratings anywhere on a scale up to 2^53 - 1 scaled.
    """
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    n, s, r = draw(st.integers(1, 9)), draw(st.integers(1, 4)), draw(st.integers(1, 8))
    places = draw(st.integers(0, 6))
    top = draw(st.sampled_from([5 * 10**places, TOP]))
    role = np.empty((n, r), np.int8)
    for rater in range(r):
        layout = draw(st.sampled_from(["fixed", "mixed", "empty"]))
        if layout == "fixed":
            role[:, rater] = draw(st.sampled_from(ROLE_CODES))
        elif layout == "mixed":
            role[:, rater] = rng.choice(np.array([*ROLE_CODES, -1]), n)
        else:
            role[:, rater] = -1
    rated = (rng.random((n, s, r)) < draw(st.sampled_from([0.0, 0.6, 1.0]))) & (role >= 0)[
        :, None, :
    ]
    score = rng.integers(top // 2, top + 1, (n, s, r), dtype=np.int64)
    return {
        "places": places, "subjects": tuple(f"s{k}" for k in range(s)),
        "scale_min": Decimal(0), "scale_max": Decimal(top).scaleb(-places),
        "indicator": np.ones((n, 1), np.bool_), "kind": np.full((n, 1), MAIN, np.int8),
        "target_low": np.ones((n, 1), np.int64), "target_high": np.ones((n, 1), np.int64),
        "realisation": np.ones((n, 1), np.int64), "realised": np.ones((n, 1), np.bool_),
        "lower_is_better": np.zeros((n, 1), np.bool_), "applies": np.ones((n, s), np.bool_),
        "role": role, "score": score, "rated": rated,
    }  # fmt: skip


class TestByRole:
    @settings(max_examples=60, deadline=None)
    @given(columns=grouped_columns(), median=st.booleans(), data=st.data())
    def test_equals_the_kernels_order_bit_for_bit(self, columns, median, data):
        """Counts equal; values equal to the last bit (NaN where a role has none)."""
        batch = GenericBatch(**columns)
        roles = tuple(data.draw(st.lists(st.sampled_from(ROLE_CODES), min_size=1, unique=True)))
        start = data.draw(st.integers(0, len(batch) - 1))
        count, value = by_role(batch, slice(start, None), roles, median=median)
        want_count, want_value = reference(batch, roles, median=median)
        assert count.tolist() == want_count[:, start:].tolist()
        assert value.tobytes() == want_value[:, start:].tobytes()

    def test_a_sum_past_two_to_the_53_keeps_the_rater_order(self):
        """Three ratings whose float sum depends on the order of addition."""
        ratings = [TOP, 2, 1]  # (2^53 - 1) + 2 rounds to 2^53, then + 1 again; exactly 2^53 + 2
        batch = GenericBatch(**_one_subject(ratings, [SUPERVISOR] * 3))
        count, value = by_role(batch, slice(0, 1), (SUPERVISOR,), median=False)
        assert int(count[0, 0, 0]) == 3
        total = 0.0
        for rating in ratings:
            total += float(rating)
        assert value[0, 0, 0] == total / 3  # places 0: the unit is 1
        assert total == 2.0**53
        assert value[0, 0, 0] != float(sum(ratings)) / 3


def _one_subject(ratings: list[int], roles: list[int]) -> dict[str, object]:
    n, r = 1, len(ratings)
    return {
        "places": 0, "subjects": ("s0",), "scale_min": Decimal(0), "scale_max": Decimal(TOP),
        "indicator": np.ones((n, 1), np.bool_), "kind": np.full((n, 1), MAIN, np.int8),
        "target_low": np.ones((n, 1), np.int64), "target_high": np.ones((n, 1), np.int64),
        "realisation": np.ones((n, 1), np.int64), "realised": np.ones((n, 1), np.bool_),
        "lower_is_better": np.zeros((n, 1), np.bool_), "applies": np.ones((n, 1), np.bool_),
        "role": np.array([roles], np.int8), "score": np.array([[ratings]], np.int64),
        "rated": np.ones((n, 1, r), np.bool_),
    }  # fmt: skip


@needs_numba
class TestBothPathsOnLargeRatings:
    @settings(max_examples=30, deadline=None)
    @given(columns=grouped_columns(), median=st.booleans())
    def test_same_scores(self, columns, median):
        """Both paths give the same results where role sums pass 2^53, on every layout."""
        batch = GenericBatch(**columns)
        policy = p.WeightingPolicy.normalised(
            {"supervisor": 3, "peer": 2, "subordinate": 2, "public": 1},
            missing=p.Renormalise(),
            aggregation=p.Median() if median else p.Mean(),
        )
        regime = attrs.evolve(p.GenericRegime.default(), aggregator=policy)
        fast, plain = both(lambda: score_generic(batch, regime, chunk=4))
        for name in ("complete", "score", "band", "grade", "component"):
            assert getattr(fast, name).tolist() == getattr(plain, name).tolist(), name
        assert fast.exact_rows == plain.exact_rows


@pytest.mark.parametrize("role", [ROLES.index(p.RaterRole.PEER), -1])
def test_a_place_nobody_rates_is_skipped(role):
    """An empty place, or one without a rater, adds nothing and counts nothing."""
    columns = _one_subject([10, 20], [SUPERVISOR, role])
    columns["rated"] = np.array([[[True, False]]])
    count, value = by_role(
        GenericBatch(**columns), slice(0, 1), (SUPERVISOR, OTHERS[0]), median=False
    )
    assert count[:, 0, 0].tolist() == [1, 0]
    assert value[0, 0, 0] == 10.0
    assert np.isnan(value[1, 0, 0])
