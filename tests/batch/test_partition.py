"""Whether a PP 30/2019, PP 46/2011 or generic row is accepted depends on it alone (issue 14)."""

from __future__ import annotations

import itertools
import re
from decimal import Decimal

import attrs
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_batch_generic import assert_equal_to_scalar
from test_batch_generic import regimes as generic_regimes
from test_batch_generic import workforce as generic_workforce
from test_batch_pp30 import one as pp30_one
from test_batch_pp46 import one as pp46_one
from test_batch_pp46 import pp46_populations

import penilaian as p
from penilaian.batch import Pp30Batch, Pp46Batch, score_pp30, score_pp46
from penilaian.batch._columns import INT64_LIMIT, MAX_PLACES
from penilaian.batch._generic_reader import RATING_BOUND
from penilaian.batch.frames import score_pp30_wide
from penilaian.batch.generic import GenericBatch, score_generic
from penilaian.exceptions import InvalidInputError, ScoringInputError
from strategies.batch import pp30_populations

HUGE = Decimal(3 * 10**13)
"""The issue's target: accepted alone, and it must stay accepted beside any other row."""
FINE = Decimal("90.123456")
"""A realisation with 6 decimal places, the most a batch holds."""
ASPECTS4 = ("service_orientation", "commitment", "initiative", "cooperation")


def wide_row(low, high, real, scores):
    """One executor's wide row: one main work target with one indicator, four scores."""
    return {
        "position_kind": "executor", "peer_input": False, "innovation": False,
        "main_0": True, "target_low_0_0": low, "target_high_0_0": high,
        "realisation_0_0": real, "lower_is_better_0_0": False, "at_maximum_0_0": False,
        **{f"score_{aspect}": score for aspect, score in zip(ASPECTS4, scores, strict=True)},
    }  # fmt: skip


def wide(rows, labels):
    """A wide PP 30/2019 frame of *rows* (object number columns: exact Decimals)."""
    return pd.DataFrame(rows, index=pd.Index(labels, name="id"), dtype=object).astype(
        {"peer_input": bool, "innovation": bool, "main_0": bool,
         "lower_is_better_0_0": bool, "at_maximum_0_0": bool}
    )  # fmt: skip


def outcome(frame):
    """The results of *frame*, or the set of its problems (path, message, error type)."""
    try:
        return score_pp30_wide(frame)
    except InvalidInputError as error:
        return {(pr.path, pr.message, type(pr.error)) for pr in error.problems}


def assert_split_equal(frame, cuts):
    """Scoring *frame* whole equals scoring its parts at *cuts*: results and problems."""
    bounds = [0, *sorted(set(cuts)), len(frame)]
    parts = [outcome(frame.iloc[a:b]) for a, b in itertools.pairwise(bounds) if b > a]
    whole = outcome(frame)
    refused = [part for part in parts if isinstance(part, set)]
    if refused:
        assert isinstance(whole, set)
        assert set().union(*refused) == whole
    else:
        assert isinstance(whole, pd.DataFrame)
        pd.testing.assert_frame_equal(pd.concat(parts), whole)


def magnitudes():
    """Numbers with 0 to 7 decimal places, and whole numbers up to past the int64 bound."""
    places = st.integers(0, MAX_PLACES + 1)
    small = st.builds(lambda d, k: Decimal(d).scaleb(-k), st.integers(1, 10**6), places)
    huge = st.integers(10**12, 10 * INT64_LIMIT).map(Decimal)
    return st.one_of(small, huge)


@st.composite
def wide_rows(draw):
    """A row of any numbers' size and places: some fit their own bound, some do not."""
    low = draw(magnitudes())
    high = low + draw(st.sampled_from([Decimal(0), Decimal(1), Decimal("0.5")]))
    real = draw(st.one_of(magnitudes(), st.just(low)))
    score = st.builds(
        lambda d, k: Decimal(d).scaleb(-k), st.integers(0, 120), st.integers(0, MAX_PLACES + 1)
    )
    return wide_row(low, high, real, [draw(score) for _ in ASPECTS4])


class TestPartitioning:
    """A frame scored whole equals the same frame scored in any parts, row by row."""

    @given(st.lists(wide_rows(), min_size=1, max_size=5), st.lists(st.integers(1, 4)))
    def test_any_split_scores_as_the_whole(self, rows, cuts):
        """Results, and which rows are refused with which problems, do not see the split."""
        frame = wide(rows, [f"a-{n}" for n in range(len(rows))])
        assert_split_equal(frame, [cut for cut in cuts if cut < len(rows)])

    def test_issue_example_wide(self):
        """A target of 3 x 10^13 beside a row with 6 places is accepted as it is alone."""
        big = wide_row(HUGE, HUGE, HUGE, [100] * 4)
        fine = wide_row(100, 100, FINE, [Decimal("99.5")] * 4)
        frame = wide([big, fine], ["big", "fine"])
        together = score_pp30_wide(frame)
        assert together.loc["big", "score"] == Decimal("100.00")  # 100 %: Baik, 100
        assert_split_equal(frame, [1])

    def test_a_row_beyond_its_own_bound_is_refused_the_same_way(self):
        """A cell needing 6 places at 3 x 10^13 is refused alone and beside any row."""
        bad = wide_row(HUGE, HUGE, Decimal("0.000001"), [100] * 4)
        fine = wide_row(100, 100, FINE, [100] * 4)
        frame = wide([fine, bad], ["fine", "bad"])
        problems = outcome(frame)
        assert {path for path, _, _ in problems} == {
            "$.target_low_0_0['bad']",
            "$.target_high_0_0['bad']",
        }
        assert_split_equal(frame, [1])


def pp30_huge(realisation=HUGE):
    """A PP 30/2019 appraisal with the issue's target of 3 x 10^13."""
    item = p.Indicator("iki-1", "Anggaran", "quantity", p.PointTarget(HUGE),
                       realisation=p.Realisation(realisation))  # fmt: skip
    return attrs.evolve(pp30_one("90"), targets=[p.WorkTarget("rk-1", "Rencana", [item])])


class TestAppraisals:
    """`from_appraisals` accepts and refuses each appraisal on its own values."""

    @pytest.mark.parametrize("order", [0, 1])
    def test_pp30_issue_example(self, order):
        """The issue's example scores as alone, and as the scalar regime, in either order."""
        rows = [pp30_huge(), pp30_one(str(FINE))]
        rows = rows[::-1] if order else rows
        together = score_pp30(Pp30Batch.from_appraisals(rows))
        regime = p.Pp30Regime()
        for row, appraisal in enumerate(rows):
            alone = score_pp30(Pp30Batch.from_appraisals([appraisal]))
            assert alone.final[0] == together.final[row]
            assert alone.grade[0] == together.grade[row]
            scalar = regime.score(appraisal, trace=False).score
            assert Decimal(int(together.final[row])).scaleb(-together.places) == scalar

    def test_pp30_refused_alone_and_together(self):
        """A cell beyond its own bound is refused at its cell, alone and beside others."""
        bad = pp30_huge(Decimal("0.000001"))
        for rows, at in (([bad], 0), ([pp30_one(str(FINE)), bad], 1)):
            with pytest.raises(InvalidInputError) as caught:
                Pp30Batch.from_appraisals(rows)
            paths = [problem.path for problem in caught.value.problems]
            assert paths == [f"$.target_low[{at}, 0, 0]", f"$.target_high[{at}, 0, 0]"]

    @pytest.mark.parametrize("order", [0, 1])
    def test_pp46_issue_example(self, order):
        """Under PP 46/2011 too: 3 x 10^13 beside 6 places scores as alone and as scalar."""
        big = pp46_one({p.Aspect.QUANTITY: (str(HUGE), str(HUGE))})
        fine = pp46_one({p.Aspect.QUALITY: ("100", str(FINE))}, score="80.000001")
        rows = [big, fine][::-1] if order else [big, fine]
        together = score_pp46(Pp46Batch.from_appraisals(rows))
        regime = p.Pp46Regime()
        for row, appraisal in enumerate(rows):
            alone = score_pp46(Pp46Batch.from_appraisals([appraisal]))
            assert (alone.final[0], alone.grade[0]) == (together.final[row], together.grade[row])
            scalar = regime.score(appraisal, trace=False).score
            assert Decimal(int(together.final[row])).scaleb(-together.places) == scalar


def assert_rows_alone(population, read, score):
    """Every figure of each row scored in the whole batch equals the row scored alone."""
    together = score(read(population))
    for row, appraisal in enumerate(population):
        alone = score(read([appraisal]))
        for name, value in attrs.asdict(alone, recurse=False).items():
            if isinstance(value, np.ndarray):
                mine = getattr(together, name)[row][tuple(slice(0, n) for n in value.shape[1:])]
                assert (mine == value[0]).all(), (row, name)
            else:
                assert value == getattr(together, name), name


class TestPopulations:
    """Random populations, with the issue's huge target among them, score row by row."""

    @given(pp30_populations(max_size=4), st.integers(0, 4))
    def test_pp30_rows_score_as_alone(self, population, at):
        """Each PP 30/2019 row's figures in the batch are its figures alone."""
        population = [*population[:at], pp30_huge(), *population[at:]]
        assert_rows_alone(population, Pp30Batch.from_appraisals, score_pp30)

    @given(pp46_populations(max_size=4))
    def test_pp46_rows_score_as_alone(self, population):
        """Each PP 46/2011 row's figures in the batch are its figures alone."""
        big = pp46_one({p.Aspect.QUANTITY: (str(HUGE), str(HUGE))})
        assert_rows_alone([*population, big], Pp46Batch.from_appraisals, score_pp46)


# The generic engine (issue 14, item 3): each indicator's numbers scaled by their own
# fewest places, every rating by 10^6, so a row is accepted on its own values.

SHIFTED = re.compile(r"^\$(\.\w+)?\[(\d+)")


def generic_outcome(appraisals, regime, offset=0):
    """Per-row results of *appraisals* in one batch, or its problems with rows + *offset*."""
    try:
        scores = score_generic(GenericBatch.from_appraisals(appraisals), regime)
    except (InvalidInputError, ScoringInputError) as error:
        return {
            (SHIFTED.sub(lambda m: f"${m[1] or ''}[{int(m[2]) + offset}", pr.path), pr.message,
             type(pr.error))
            for pr in error.problems
        }  # fmt: skip
    return [
        (bool(scores.complete[row]), int(scores.score[row]), int(scores.band[row]),
         int(scores.grade[row]), tuple(scores.component[row].tolist()))
        for row in range(len(appraisals))
    ]  # fmt: skip


def assert_generic_split_equal(appraisals, regime, cuts):
    """The whole batch scores as its parts at *cuts*; refused iff a part is refused."""
    bounds = [0, *sorted({cut for cut in cuts if 0 < cut < len(appraisals)}), len(appraisals)]
    parts = [generic_outcome(appraisals[a:b], regime, a) for a, b in itertools.pairwise(bounds)]
    whole = generic_outcome(appraisals, regime)
    refused = [part for part in parts if isinstance(part, set)]
    if refused:
        # The whole stops at its first failing check (and lists the first few rows of
        # some), so its problems are among the parts' problems, each at its own row.
        assert isinstance(whole, set)
        assert whole
        assert whole <= set().union(*refused)
    else:
        assert whole == [row for part in parts for row in part]
    return whole


def indicator(draw, index):
    """One quantity indicator of any numbers' size and places, met or not."""
    low = draw(magnitudes())
    high = low + draw(st.sampled_from([Decimal(0), Decimal(1), Decimal("0.5")]))
    real = draw(st.one_of(magnitudes(), st.just(low), st.just(high)))
    target = p.PointTarget(low) if high == low else p.RangeTarget(low, high)
    direction = draw(st.sampled_from(list(p.Direction)))
    return p.Indicator(f"iki-{index}", "Angka", "quantity", target, direction,
                       realisation=p.Realisation(real))  # fmt: skip


@st.composite
def generic_appraisals(draw):
    """A workforce appraisal with drawn indicators and one rating of 0 to 7 places."""
    base = generic_workforce(0)[draw(st.integers(0, 59))]
    items = [indicator(draw, k) for k in range(draw(st.integers(1, 2)))]
    score = draw(st.builds(lambda d, k: Decimal(d).scaleb(-k), st.integers(0, 120 * 10**7),
                           st.integers(0, MAX_PLACES + 1)).filter(lambda v: v <= 120))  # fmt: skip
    ratings = [attrs.evolve(base.ratings[0], score=score), *base.ratings[1:]]
    return attrs.evolve(base, targets=[p.WorkTarget("rk-1", "Rencana", items)], ratings=ratings)


def generic_huge(realisation=HUGE - 10**12):
    """A workforce appraisal whose one indicator is the issue's target of 3 x 10^13."""
    item = p.Indicator("iki-1", "Anggaran", "quantity", p.PointTarget(HUGE),
                       realisation=p.Realisation(realisation))  # fmt: skip
    return attrs.evolve(generic_workforce(0)[0], targets=[p.WorkTarget("rk-1", "Rencana", [item])])


def generic_fine():
    """A workforce appraisal whose one indicator's realisation has 6 decimal places."""
    item = p.Indicator("iki-1", "Laporan", "quantity", p.PointTarget(Decimal(100)),
                       realisation=p.Realisation(FINE))  # fmt: skip
    return attrs.evolve(generic_workforce(0)[1], targets=[p.WorkTarget("rk-1", "Rencana", [item])])


class TestGeneric:
    """`GenericBatch.from_appraisals` and `score_generic` accept and score each row alone."""

    @settings(max_examples=30, deadline=None)
    @given(
        st.lists(generic_appraisals(), min_size=1, max_size=4),
        st.lists(st.integers(1, 3), max_size=3),
        generic_regimes(),
    )
    def test_any_split_scores_and_refuses_as_the_whole(self, rows, cuts, regime):
        """Results, and whether and where rows are refused, do not see the split."""
        whole = assert_generic_split_equal(rows, regime, cuts)
        if not isinstance(whole, set):
            scores = score_generic(GenericBatch.from_appraisals(rows), regime)
            assert_equal_to_scalar(regime, rows, scores)

    @pytest.mark.parametrize("order", [0, 1])
    def test_issue_example(self, order):
        """3 x 10^13 beside 6 places: refused together before (one scale), now as alone."""
        # One scale for both rows would be 10^6, and 3 x 10^13 x 10^6 is past 2^53.
        assert HUGE.scaleb(MAX_PLACES) > RATING_BOUND.scaleb(MAX_PLACES)
        rows = [generic_huge(), generic_fine()][:: -1 if order else 1]
        regime = p.GenericRegime.default()
        assert_generic_split_equal(rows, regime, [1])
        together = score_generic(GenericBatch.from_appraisals(rows), regime)
        assert together.complete.all()
        assert_equal_to_scalar(regime, rows, together)

    def test_a_row_beyond_its_own_bound_is_refused_the_same_way(self):
        """A realisation of 10^-6 under 3 x 10^13 is refused at its cell, alone or not."""
        bad = generic_huge(Decimal("0.000001"))
        for rows, at in (([bad], 0), ([generic_fine(), bad], 1)):
            with pytest.raises(InvalidInputError) as caught:
                GenericBatch.from_appraisals(rows)
            paths = [problem.path for problem in caught.value.problems]
            assert paths == [f"$.target_low[{at}, 0]", f"$.target_high[{at}, 0]"]
        assert_generic_split_equal([generic_fine(), bad], p.GenericRegime.default(), [1])

    def test_a_rating_beyond_its_bound_is_refused_at_its_path(self):
        """A rating past 9,007,199,254.740991 is refused, alone and beside others."""
        base = generic_workforce(0)[2]
        scale = attrs.evolve(base.scales[0], maximum=Decimal(10**10))
        high = attrs.evolve(base.ratings[0], score=RATING_BOUND + Decimal("0.000001"))
        bad = attrs.evolve(base, scales=(scale,), ratings=[high, *base.ratings[1:]])
        fine = attrs.evolve(generic_fine(), scales=(scale,))  # a batch has one scale
        for rows, at in (([bad], 0), ([fine, bad], 1)):
            with pytest.raises(ScoringInputError) as caught:
                GenericBatch.from_appraisals(rows)
            paths = [problem.path for problem in caught.value.problems]
            assert paths == [f"$[{at}].ratings[0].score"]
        top = attrs.evolve(high, score=RATING_BOUND)
        batch = GenericBatch.from_appraisals([attrs.evolve(bad, ratings=[top, *bad.ratings[1:]])])
        assert int(batch.score.max()) == 2**53 - 1

    def test_a_value_beyond_int64_is_refused_at_its_row(self):
        """A realisation 10^12 times a lower-is-better target has no int64 figure: refused."""
        lower = p.Direction.LOWER_IS_BETTER
        real = p.Realisation(Decimal(10**12))
        item = p.Indicator("iki-1", "Biaya", "quantity", p.PointTarget(Decimal(1)), lower,
                           realisation=real)  # fmt: skip
        far = attrs.evolve(generic_fine(), targets=[p.WorkTarget("rk-1", "Rencana", [item])])
        regime = p.GenericRegime.default()
        work = regime.score(far, trace=False).figures["component[work]"]
        assert abs(work) * 10**MAX_PLACES > 2**63  # the scalar regime's figure
        for rows, at in (([far], 0), ([generic_fine(), far], 1)):
            with pytest.raises(ScoringInputError) as caught:
                score_generic(GenericBatch.from_appraisals(rows), regime)
            paths = [problem.path for problem in caught.value.problems]
            assert paths == [f"$.realisation[{at}]"]
        assert_generic_split_equal([generic_fine(), far, generic_huge()], regime, [1, 2])
