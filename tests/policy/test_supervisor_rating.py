"""`SupervisorRating` without a trace (from the ratings grouped once) against its full path."""

from __future__ import annotations

from fractions import Fraction

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import penilaian as p
from penilaian.exceptions import ScoringInputError
from penilaian.model.raters import (
    EXPECTATION_SCALE,
    OVERALL_BEHAVIOUR,
    OVERALL_WORK_RESULTS,
    RaterRole,
)
from penilaian.policy import SupervisorRating
from strategies.model import appraisals

AGGREGATOR = SupervisorRating()


def _outcome(appraisal, subject, *, trace):
    try:
        found = AGGREGATOR(appraisal, subject, trace=trace)
    except ScoringInputError as error:
        return [(problem.path, str(problem)) for problem in error.problems]
    return found.subject, found.value, found.scale_id, found.gap


@given(appraisals(min_ratings=1), st.data())
def test_without_a_trace_the_same_value_gap_or_error(appraisal, data):
    subjects = [rating.subject for rating in appraisal.ratings]
    subjects += [aspect.id for aspect in appraisal.framework.aspects]
    subjects += [OVERALL_WORK_RESULTS, OVERALL_BEHAVIOUR]
    roles = appraisal.rater_roles
    supervised = [r.subject for r in appraisal.ratings if roles[r.rater_id] is RaterRole.SUPERVISOR]
    anything = st.sampled_from(subjects)
    subject = data.draw(st.sampled_from(supervised) | anything if supervised else anything)
    untraced = _outcome(appraisal, subject, trace=False)
    assert untraced == _outcome(appraisal, subject, trace=True)


def test_one_numeric_supervisor_rating_is_taken_exactly():
    appraisal = p.load_sample("pp46_2011")
    rating = next(r for r in appraisal.ratings if r.rater_id == "atasan")
    found = AGGREGATOR(appraisal, rating.subject, trace=False)
    assert found.value == Fraction(rating.score)
    assert found.scale_id == rating.scale_id
    assert found.gap is None
    assert found.step is None


@given(appraisals(min_ratings=1), st.data())
def test_the_ratio_is_the_untraced_value_or_declines(appraisal, data):
    """`ratio` gives the untraced value as two integers, or `None` where it is no plain value."""
    subjects = [rating.subject for rating in appraisal.ratings]
    subjects += [aspect.id for aspect in appraisal.framework.aspects]
    subject = data.draw(st.sampled_from(subjects))
    found = AGGREGATOR.ratio(appraisal, subject)
    outcome = _outcome(appraisal, subject, trace=False)
    roles = appraisal.rater_roles
    supervised = [
        rating
        for rating in appraisal.ratings
        if rating.subject == subject and roles[rating.rater_id] is RaterRole.SUPERVISOR
    ]
    if found is None:
        # Declined: the aggregator gives a gap, raises, or reads an ordinal scale.
        plain = (
            len(supervised) == 1
            and supervised[0].score is not None
            and isinstance(appraisal.scale(supervised[0].scale_id), p.NumericScale)
        )
        assert not plain
        assert isinstance(outcome, list) or outcome[3] is not None or len(supervised) == 1
    else:
        numerator, denominator, scale_id = found
        assert denominator > 0
        assert not isinstance(outcome, list)
        assert Fraction(numerator, denominator) == outcome[1]
        assert scale_id == outcome[2]
        assert outcome[3] is None


def test_the_ratio_declines_a_missing_or_doubled_rating():
    """No supervisor rating (a gap) or two of one subject (an error): no ratio."""
    appraisal = p.load_sample("pp46_2011")
    rating = next(r for r in appraisal.ratings if r.rater_id == "atasan")
    others = [r for r in appraisal.ratings if r is not rating]
    missing = attrs.evolve(appraisal, ratings=others)
    second = p.Rater("atasan-2", "supervisor", "e-atasan-2")
    twice = attrs.evolve(
        appraisal,
        raters=[*appraisal.raters, second],
        ratings=[*appraisal.ratings, attrs.evolve(rating, rater_id="atasan-2")],
    )
    assert AGGREGATOR.ratio(missing, rating.subject) is None
    assert AGGREGATOR(missing, rating.subject, trace=False).gap is not None
    assert AGGREGATOR.ratio(twice, rating.subject) is None
    with pytest.raises(ScoringInputError):
        AGGREGATOR(twice, rating.subject, trace=False)
    assert AGGREGATOR.ratio(appraisal, rating.subject) == (
        *rating.score.as_integer_ratio(), rating.scale_id,
    )  # fmt: skip


@given(appraisals(min_ratings=1), st.data())
def test_the_ratios_are_the_ratio_of_each_subject(appraisal, data):
    """`ratios` (one scan) gives `ratio` of every subject, or `None` when one of them has none."""
    subjects = [rating.subject for rating in appraisal.ratings]
    subjects += [aspect.id for aspect in appraisal.framework.aspects]
    chosen = data.draw(st.lists(st.sampled_from(subjects), max_size=6))
    each = [AGGREGATOR.ratio(appraisal, subject) for subject in chosen]
    found = AGGREGATOR.ratios(appraisal, chosen)
    assert found == (None if None in each else each)


def test_the_ratios_decline_a_doubled_or_missing_rating_among_others():
    """Two supervisor ratings of one subject (an error), or none (a gap): no ratios at all."""
    appraisal = p.load_sample("pp46_2011")
    supervised = [r for r in appraisal.ratings if r.rater_id == "atasan"]
    subjects = [r.subject for r in supervised]
    assert AGGREGATOR.ratios(appraisal, subjects) == [
        (*r.score.as_integer_ratio(), r.scale_id) for r in supervised
    ]
    last = supervised[-1]
    for extra in (["atasan-2"], ["atasan-2", "atasan-3"]):  # a second and a third rating
        twice = attrs.evolve(
            appraisal,
            raters=[*appraisal.raters, *(p.Rater(i, "supervisor", f"e-{i}") for i in extra)],
            ratings=[*appraisal.ratings, *(attrs.evolve(last, rater_id=i) for i in extra)],
        )
        assert AGGREGATOR.ratios(twice, subjects) is None
        assert AGGREGATOR.ratios(twice, subjects[:-1]) is not None
    others = [r for r in appraisal.ratings if r is not supervised[0]]
    missing = attrs.evolve(appraisal, ratings=others)
    assert AGGREGATOR.ratios(missing, subjects) is None
    assert AGGREGATOR.ratios(missing, subjects[1:]) is not None


def test_the_ratios_decline_a_rating_on_an_ordinal_scale():
    """A supervisor rating without a score (a level on an ordinal scale): no ratio, no ratios."""
    appraisal = p.load_sample("pp46_2011")
    supervised = [r for r in appraisal.ratings if r.rater_id == "atasan"]
    level = attrs.evolve(
        supervised[0], scale_id=EXPECTATION_SCALE.id, score=None, level="meets_expectations"
    )
    ordinal = attrs.evolve(
        appraisal,
        scales=[*appraisal.scales, EXPECTATION_SCALE],
        ratings=[level if r is supervised[0] else r for r in appraisal.ratings],
    )
    subjects = [r.subject for r in supervised]
    assert AGGREGATOR.ratio(ordinal, subjects[0]) is None
    assert AGGREGATOR.ratios(ordinal, subjects) is None
    assert AGGREGATOR.ratios(ordinal, subjects[1:]) == AGGREGATOR.ratios(appraisal, subjects[1:])
