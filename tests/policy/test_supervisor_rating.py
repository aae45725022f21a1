"""`SupervisorRating` without a trace (from the ratings grouped once) against its full path."""

from __future__ import annotations

from fractions import Fraction

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import penilaian as p
from penilaian.exceptions import ScoringInputError
from penilaian.model.raters import OVERALL_BEHAVIOUR, OVERALL_WORK_RESULTS, RaterRole
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
