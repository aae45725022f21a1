"""The generic batch engine and the policy grid equal the scalar GenericRegime on every row."""

from __future__ import annotations

import functools
from decimal import Decimal
from fractions import Fraction

import attrs
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import penilaian as p
from penilaian._base.rounding import FIGURE_ROUNDING
from penilaian.batch import GRADES, MISSING
from penilaian.batch.generic import ROLES, GenericBatch, score_generic
from penilaian.batch.policies import score_policies
from penilaian.exceptions import InvalidInputError, InvalidValueError, ScoringInputError
from penilaian.model import BandTable, TargetKind
from penilaian.policy import EXAMPLE_360_ROLE_WEIGHTS, SupervisorRating
from penilaian.regimes.generic import (
    Component,
    RatedSubjects,
    WeightsByPresence,
    WorkAchievement,
)
from penilaian.simulation import WorkforceSpec, generate

ROLE_AMOUNTS = {"supervisor": 40, "peer": 25, "subordinate": 20, "public": 15}


@functools.cache
def workforce(seed: int, employees: int = 60) -> tuple[p.Appraisal, ...]:
    return generate(WorkforceSpec(employees=employees, regime="pp30_2019"), seed=seed).appraisals


@functools.cache
def batch_of(seed: int) -> GenericBatch:
    return GenericBatch.from_appraisals(workforce(seed))


def scaled(value: Decimal | None, places: int) -> int | None:
    return None if value is None else int(value.scaleb(places))


def assert_equal_to_scalar(regime: p.GenericRegime, appraisals, scores) -> None:
    """Every row's score, band, grade and component figures equal the scalar result."""
    for row, appraisal in enumerate(appraisals):
        result = regime.score(appraisal, trace=False)
        got = None if scores.score[row] == MISSING else int(scores.score[row])
        assert got == scaled(result.score, scores.places), row
        band = None if scores.band[row] < 0 else scores.labels[scores.band[row]]
        expected_band = regime.bands.classify(result.score) if result.score is not None else None
        assert band == expected_band, row
        grade = None if scores.grade[row] < 0 else GRADES[scores.grade[row]]
        assert grade == result.grade, row
        for column, name in enumerate(scores.components):
            figure = result.figures.get(f"component[{name}]")
            want = None if figure is None else scaled(FIGURE_ROUNDING.apply(figure), 6)
            got_figure = scores.component[row, column]
            assert (None if got_figure == MISSING else int(got_figure)) == want, (row, name)


@st.composite
def policies(draw: st.DrawFn) -> p.WeightingPolicy:
    roles = draw(st.sets(st.sampled_from(sorted(ROLE_AMOUNTS)), min_size=1))
    amounts = {role: draw(st.integers(0, 5)) for role in sorted(roles)}
    if not any(amounts.values()):
        amounts[min(amounts)] = 1
    for role in set(ROLE_AMOUNTS) - roles:
        amounts[role] = 0  # the workforce's ratings come from every role; weight 0 ignores
    missing = draw(st.sampled_from([p.Renormalise(), p.Require(), p.Zero(), p.Impute(Decimal(3))]))
    aggregation = draw(st.sampled_from([p.Mean(), p.Median()]))
    minimum = draw(st.dictionaries(st.sampled_from(sorted(roles)), st.integers(0, 3), max_size=2))
    return p.WeightingPolicy.normalised(
        amounts, missing=missing, aggregation=aggregation, min_raters=minimum
    )


@st.composite
def regimes(draw: st.DrawFn) -> p.GenericRegime:
    share = Fraction(draw(st.integers(0, 20)), 20)
    aggregator = draw(st.one_of(st.just(SupervisorRating()), policies()))
    rounding = p.Rounding(
        draw(st.integers(0, 3)), draw(st.sampled_from(["half_up", "half_even", "down"]))
    )
    cap = draw(st.sampled_from([Fraction(120), None, Fraction(100)]))
    kinds = draw(st.sampled_from([(TargetKind.MAIN,), (TargetKind.MAIN, TargetKind.ADDITIONAL)]))
    return p.GenericRegime(
        components=(
            Component("work", WorkAchievement(kinds=kinds, cap=cap)),
            Component("behaviour", RatedSubjects()),
        ),
        weights=p.Weights({"work": 1 - share, "behaviour": share}),
        aggregator=aggregator,
        rounding=rounding,
    )


def with_cuts_at(regime: p.GenericRegime, appraisals, rows: list[int]) -> p.GenericRegime:
    """The regime with its band cuts at the exact scores of *rows*: every cut is hit."""
    found = sorted(
        {
            result.score
            for row in rows
            if (result := regime.score(appraisals[row], trace=False)).score is not None
        }
    )
    if len(found) < 2:
        return regime
    labels = tuple(GRADES[: len(found) + 1])
    closed = "upper" if len(found) % 2 else "lower"
    bands = BandTable(id="at-scores", clause="test", labels=labels, cuts=found, closed=closed)
    return attrs.evolve(regime, bands=bands)


def one_row(score: int) -> dict[str, object]:
    """One appraisal: one main indicator met exactly, one subject rated by the supervisor."""
    return {
        "places": 2, "subjects": ("s",), "scale_min": Decimal(1), "scale_max": Decimal(5),
        "indicator": np.ones((1, 1), np.bool_), "kind": np.zeros((1, 1), np.int8),
        "target_low": np.array([[1000]]), "target_high": np.array([[1000]]),
        "realisation": np.array([[1000]]), "realised": np.ones((1, 1), np.bool_),
        "lower_is_better": np.zeros((1, 1), np.bool_), "applies": np.ones((1, 1), np.bool_),
        "role": np.array([[ROLES.index(p.RaterRole.SUPERVISOR)]], np.int8),
        "score": np.array([[[score]]]), "rated": np.ones((1, 1, 1), np.bool_),
    }  # fmt: skip


class TestEqualsScalar:
    @settings(max_examples=25, deadline=None)
    @given(seed=st.integers(0, 5), regime=regimes(), picks=st.lists(st.integers(0, 59), max_size=4))
    def test_every_row(self, seed, regime, picks):
        """Random policies, roundings, caps and cuts placed exactly on real scores."""
        appraisals = workforce(seed)
        regime = with_cuts_at(regime, appraisals, picks)
        scores = score_generic(batch_of(seed), regime, chunk=17)
        assert_equal_to_scalar(regime, appraisals, scores)

    def test_a_score_exactly_on_a_half_takes_the_exact_path(self):
        """(100 + 2 x 0.25) / 3 = 33.5 exactly; the float is not, and is flagged."""
        columns = one_row(score=101)  # 1.01 on a 1-5 scale rescales to 0.25
        regime = attrs.evolve(
            p.GenericRegime.default(),
            weights=p.Weights({"work": Fraction(1, 3), "behaviour": Fraction(2, 3)}),
            rounding=p.Rounding(0),
        )
        assert (1 / 3) * 100 + (2 / 3) * ((1.01 - 1) / 4 * 100) != 33.5  # the float misses
        scores = score_generic(GenericBatch(**columns), regime)
        assert (int(scores.score[0]), scores.exact_rows) == (34, 1)
        down = score_generic(
            GenericBatch(**columns), attrs.evolve(regime, rounding=p.Rounding(0, "half_even"))
        )
        assert int(down.score[0]) == 34  # 33.5 to even is 34
        columns = one_row(score=103)  # 0.75: (100 + 1.5) / 3 = 33.8333...
        assert int(score_generic(GenericBatch(**columns), regime).score[0]) == 34

    def test_policies_equal_each_regime(self):
        appraisals = workforce(4)
        policy = p.WeightingPolicy.normalised(ROLE_AMOUNTS, missing=p.Renormalise())
        chosen = {
            f"b{tenths}": attrs.evolve(
                p.GenericRegime.default(),
                aggregator=policy,
                weights=p.Weights(
                    {"work": 1 - Fraction(tenths, 10), "behaviour": Fraction(tenths, 10)}
                ),
            )
            for tenths in range(1, 6)
        }
        calls = []
        grid = score_policies(batch_of(4), chosen, chunk=25, progress=lambda *a: calls.append(a))
        for index, regime in enumerate(chosen.values()):
            single = score_generic(batch_of(4), regime)
            assert grid.score[index].tolist() == single.score.tolist()
            assert grid.grade[index].tolist() == single.grade.tolist()
            assert_equal_to_scalar(regime, appraisals, single)
        assert calls[-1] == (15, 15)
        assert grid.distribution().sum(axis=1).tolist() == [60] * 5
        changed = grid.changes("b1", "b5")
        assert changed.tolist() == np.flatnonzero(grid.grade[0] != grid.grade[4]).tolist()


class TestRefused:
    def test_regime_options_the_batch_does_not_compute(self):
        regime = attrs.evolve(
            p.GenericRegime.default(),
            rounding=None,
            aggregator=p.WeightingPolicy(
                EXAMPLE_360_ROLE_WEIGHTS,
                missing=p.Require(),
                aggregation=p.TrimmedMean(Fraction(1, 5)),
            ),
        )
        with pytest.raises(ScoringInputError) as caught:
            score_generic(batch_of(0), regime)
        paths = [problem.path for problem in caught.value.problems]
        assert paths == ["$.regime.rounding", "$.regime.aggregator.aggregation"]

    @pytest.mark.parametrize(
        "missing",
        [
            p.Renormalise(),
            WeightsByPresence({("work",): {"work": 1}}),
        ],
    )
    def test_a_missing_component_policy_other_than_require(self, missing):
        """The batch computes require only; another policy is refused, never computed otherwise."""
        regime = attrs.evolve(p.GenericRegime.default(), missing=missing)
        for score in (
            lambda: score_generic(batch_of(0), regime),
            lambda: score_policies(batch_of(0), {"other": regime}),
        ):
            with pytest.raises(ScoringInputError) as caught:
                score()
            assert [problem.path for problem in caught.value.problems] == ["$.regime.missing"]
            assert caught.value.problems[0].error.field == "missing"

    def test_a_role_the_policy_does_not_weigh(self):
        policy = p.WeightingPolicy(EXAMPLE_360_ROLE_WEIGHTS, missing=p.Renormalise())
        regime = attrs.evolve(p.GenericRegime.default(), aggregator=policy)
        with pytest.raises(ScoringInputError, match="public, a role the policy does not weight"):
            score_generic(batch_of(0), regime)

    def test_columns_are_checked_before_any_work(self):
        good = batch_of(0)
        realisation = good.realisation.astype(np.float64)
        realisation[3, 0] = np.nan
        with pytest.raises(InvalidInputError) as caught:
            attrs.evolve(good, realisation=realisation)
        assert caught.value.problems[0].path == "$.realisation"
        assert "NaN" in caught.value.problems[0].message
        realised = good.realised.copy()
        realised[7, 0] = False
        with pytest.raises(InvalidInputError, match="never taken as 0") as caught:
            attrs.evolve(good, realised=realised)
        assert caught.value.problems[0].path == "$.realised[7, 0]"
        score = good.score.copy()
        row, subject, rater = np.argwhere(good.rated)[0]
        score[row, subject, rater] = 10 ** (good.places + 3)
        with pytest.raises(InvalidInputError, match="must lie on the scale") as caught:
            attrs.evolve(good, score=score)
        assert caught.value.problems[0].path == f"$.score[{row}, {subject}, {rater}]"

    def test_two_supervisor_ratings(self):
        good = batch_of(0)
        role = good.role.copy()
        rated = good.rated.copy()
        row = 0
        raters = np.flatnonzero(good.role[row] >= 0)
        role[row, raters[:2]] = ROLES.index(p.RaterRole.SUPERVISOR)
        rated[row, 0, raters[:2]] = True
        with pytest.raises(ScoringInputError, match="2 supervisor ratings"):
            score_generic(attrs.evolve(good, role=role, rated=rated))

    def test_policies_must_share_what_is_read(self):
        other = attrs.evolve(
            p.GenericRegime.default(),
            aggregator=p.WeightingPolicy.normalised(ROLE_AMOUNTS, missing=p.Zero()),
        )
        with pytest.raises(InvalidValueError, match="must share"):
            score_policies(batch_of(0), {"a": p.GenericRegime.default(), "b": other})
        with pytest.raises(InvalidValueError, match="at least one"):
            score_policies(batch_of(0), {})
        grid = score_policies(batch_of(0), {"a": p.GenericRegime.default()})
        with pytest.raises(InvalidValueError, match="is not a policy scored"):
            grid.changes("a", "z")

    def test_chunk_must_be_a_positive_whole_number(self):
        with pytest.raises(InvalidValueError, match="chunk"):
            score_generic(batch_of(0), chunk=0)
