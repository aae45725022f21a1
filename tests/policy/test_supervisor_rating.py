"""`SupervisorRating` without a trace (from the ratings grouped once) against its full path."""

from __future__ import annotations

from fractions import Fraction

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
