"""
PP 46/2011: every problem is listed, each with its field, value and rule, and nothing more.

One appraisal with a problem of every kind in several places: the regime must list all
of them (a check that stopped at the first bad indicator or rating would drop the rest),
each as the typed error of the field it names, with the value it got and a reason that
names the rule and its clause.
"""

from __future__ import annotations

from fractions import Fraction

import attrs
import pytest

import penilaian as p
from penilaian.exceptions import (
    MissingValueError,
    Problem,
    ScoringInputError,
    UnsupportedInputError,
)
from penilaian.policy import Aggregate
from penilaian.regimes.pp46_2011 import (
    BEHAVIOUR_ASPECT_RULE,
    BEHAVIOUR_RULE,
    COST_RULE,
    QUALITY_RULE,
    QUANTITY_RULE,
    TIME_RULE,
    Pp46Regime,
    check_appraisal,
)

REGIME = Pp46Regime()
WIDE = p.NumericScale("nilai", 0, 200)
RATERS = [p.Rater("atasan", "supervisor", "e-atasan")]
SIX = ("service_orientation", "integrity", "commitment", "discipline", "cooperation", "leadership")


def indicator(target_id, aspect, planned, realised, *, number="", direction=None, target=None):
    lower = aspect in {"time", "cost"}
    return p.Indicator(
        f"{target_id}-{aspect}{number}",
        f"{aspect} of {target_id}",
        aspect,
        target or p.PointTarget(planned),
        direction=direction or ("lower_is_better" if lower else "higher_is_better"),
        realisation=None if realised is None else p.Realisation(realised),
    )


def kegiatan(target_id, *indicators):
    return p.WorkTarget(target_id, f"Kegiatan {target_id}", indicators)


def good(target_id):
    return kegiatan(
        target_id,
        indicator(target_id, "quantity", 10, 10),
        indicator(target_id, "quality", 100, 90),
        indicator(target_id, "time", 12, 12),
    )


def appraisal(targets, scores, *, kind="executor", **changes):
    fields = {
        "id": "skp-2019",
        "employee": p.Employee("e-ani", "Ani"),
        "position": p.Position("Jabatan", kind),
        "period": p.Period.year(2019),
        "framework": p.PP46_2011_BEHAVIOUR,
        "targets": targets,
        "raters": RATERS,
        "scales": [WIDE],
        "ratings": [p.Rating("atasan", s, "nilai", score=score) for s, score in scores.items()],
    }
    fields.update(changes)
    return p.Appraisal(**fields)


def listed(value, regime=REGIME):
    """Every problem as (path, error type, field, value): the whole list, in order."""
    with pytest.raises(ScoringInputError) as caught:
        regime.score(value)
    rows = []
    for problem in caught.value.problems:
        error = problem.error
        assert (
            problem.message == f"{error.reason} (got {error.value!r})"
            or str(error.value) in problem.message.rsplit("(got ", 1)[1]
        )
        rows.append((problem.path, type(error), error.field, error.value))
    return rows, caught.value.problems


def everything_wrong():
    """Two broken kegiatan between good ones, two ratings out of range, leadership rated."""
    first = kegiatan(
        "k1",
        indicator("k1", "quantity", 10, 10),
        indicator("k1", "quantity", 10, 9, number="b"),  # a second quantity
        indicator("k1", "quality", None, 90, target=p.RangeTarget(80, 100)),
        indicator("k1", "time", 12, 12, direction="higher_is_better"),
        indicator("k1", "cost", 100, None),
    )
    second = kegiatan(
        "k2",
        indicator("k2", "quantity", 10, None),
        indicator("k2", "cost", 100, 100),
        indicator("k2", "cost", 100, 90, number="b"),  # a second cost
        indicator("k2", "quality", 100, 90, direction="lower_is_better"),
    )  # and no time
    scores = dict.fromkeys(SIX, 80) | {"integrity": 150, "cooperation": 101}
    return appraisal([good("k0"), first, good("k3"), second], scores)


def test_every_problem_of_every_target_and_rating():
    rows, problems = listed(everything_wrong())
    expected = [
        ("$.targets[1].indicators[1].aspect", UnsupportedInputError, "aspect", "quantity"),
        (
            "$.targets[1].indicators[2].target",
            UnsupportedInputError,
            "target",
            p.RangeTarget(80, 100),
        ),
        (
            "$.targets[1].indicators[3].direction",
            UnsupportedInputError,
            "direction",
            "higher_is_better",
        ),
        ("$.targets[1].indicators[4].realisation", MissingValueError, "realisation", None),
        ("$.targets[3].indicators[0].realisation", MissingValueError, "realisation", None),
        ("$.targets[3].indicators[2].aspect", UnsupportedInputError, "aspect", "cost"),
        (
            "$.targets[3].indicators[3].direction",
            UnsupportedInputError,
            "direction",
            "lower_is_better",
        ),
        ("$.targets[3].indicators", MissingValueError, "indicators", "time"),
        ("$.ratings[5].subject", UnsupportedInputError, "subject", "leadership"),
        ("$.ratings[1].score", UnsupportedInputError, "score", 150),
        ("$.ratings[4].score", UnsupportedInputError, "score", 101),
    ]
    assert rows == expected
    rules = [
        QUANTITY_RULE,
        QUALITY_RULE,
        TIME_RULE,
        COST_RULE,
        QUANTITY_RULE,
        COST_RULE,
        QUALITY_RULE,
        TIME_RULE,
        BEHAVIOUR_RULE,
        BEHAVIOUR_ASPECT_RULE,
        BEHAVIOUR_ASPECT_RULE,
    ]
    for problem, rule in zip(problems, rules, strict=True):
        assert f"{rule.id} ({rule.clause})" in problem.error.reason, problem
    reasons = [problem.error.reason for problem in problems]
    assert "kegiatan k1 already has a quantity indicator (indicators[0])" in reasons[0]
    assert reasons[3].endswith("needs the realisation; missing is not 0")
    assert "kegiatan k2 has no time indicator" in reasons[7]
    assert reasons[7].endswith("needs one")
    assert "only for jabatan struktural, not executor" in reasons[8]
    assert reasons[9].endswith("needs integrity between 0 and 100")


def test_a_broken_indicator_gives_no_numbers():
    """An indicator with a problem gives no pair, so nothing of it can be scored by mistake."""
    checked = check_appraisal(everything_wrong())
    pairs = {activity.target.id: activity.pairs for activity in checked.activities}
    assert pairs["k0"] == ((10, 10), (100, 90), (12, 12), None)
    assert pairs["k1"] == ((10, 10), None, None, None)
    assert pairs["k2"] == (None, None, None, (100, 100))
    assert [a.index for a in checked.activities] == [0, 1, 2, 3]
    assert [v.aspect.id for v in checked.behaviour] == list(SIX[:5])
    assert [v.value for v in checked.behaviour] == [80, 150, 80, 80, 101]


def test_every_leadership_rating_of_a_non_structural_post():
    """Two raters rating kepemimpinan for an executor: both ratings are listed."""
    second = p.Rater("atasan2", "supervisor", "e-atasan2")
    value = appraisal([good("k1")], dict.fromkeys(SIX, 80))
    more = p.Rating("atasan2", "leadership", "nilai", score=70)
    value = attrs.evolve(value, raters=[*RATERS, second], ratings=[*value.ratings, more])
    rows, _ = listed(value)
    assert rows == [
        ("$.ratings[5].subject", UnsupportedInputError, "subject", "leadership"),
        ("$.ratings[6].subject", UnsupportedInputError, "subject", "leadership"),
    ]


def test_out_of_range_value_with_several_ratings_points_at_all():
    """A value from several ratings is off 0-100: the problem points at $.ratings."""

    def doubled(_appraisal, subject, *, trace=True):
        return Aggregate(subject, Fraction(160) if subject == "integrity" else Fraction(80))

    value = appraisal([good("k1")], dict.fromkeys(SIX[:5], 80))
    rows, _ = listed(value, Pp46Regime(aggregator=doubled))
    assert rows == [("$.ratings[1].score", UnsupportedInputError, "score", 160)]
    unrated = attrs.evolve(value, ratings=value.ratings[:1])
    rows, _ = listed(unrated, Pp46Regime(aggregator=doubled))
    assert rows == [("$.ratings", UnsupportedInputError, "score", 160)]


def test_no_kegiatan_and_another_framework():
    task = p.WorkTarget(
        "t1",
        "Tugas",
        [p.Indicator("t1-q", "q", "quantity", p.PointTarget(1), realisation=p.Realisation(1))],
        "additional",
    )
    rows, problems = listed(appraisal([task], {}, framework=p.BERAKHLAK))
    assert rows == [
        ("$.targets", MissingValueError, "targets", None),
        ("$.framework", UnsupportedInputError, "framework", p.BERAKHLAK.id),
    ]
    assert problems[0].error.reason == (
        "PP 46/2011 needs at least one kegiatan tugas jabatan (a main work target)"
    )
    assert problems[1].error.reason == (
        f"{BEHAVIOUR_RULE.clause} rates the {p.PP46_2011_BEHAVIOUR.id} behaviour aspects"
    )


def test_an_equal_copy_of_the_framework_is_the_framework():
    """The built-in framework given in full (equal, not the same object) is accepted."""
    copy = attrs.evolve(p.PP46_2011_BEHAVIOUR)
    assert copy is not p.PP46_2011_BEHAVIOUR
    assert copy == p.PP46_2011_BEHAVIOUR
    scores = dict.fromkeys(SIX[:5], 80)
    expected = REGIME.score(appraisal([good("k1")], scores))
    assert REGIME.score(appraisal([good("k1")], scores, framework=copy)) == expected


def test_bad_weights_name_the_field():
    with pytest.raises(p.InvalidValueError) as caught:
        Pp46Regime(weights=p.Weights({"work": 1}))
    assert caught.value.field == "weights"
    assert caught.value.reason == "must be Weights of exactly 'work' and 'behaviour'"


def test_every_aspect_without_a_value_is_a_gap_and_the_rest_are_scored():
    """An aggregator with no value (and no reason) for two aspects: two gaps, the rest scored."""
    silent = {"integrity", "discipline"}

    def partial(_appraisal, subject, *, trace=True):
        return Aggregate(subject, None if subject in silent else Fraction(80))

    result = Pp46Regime(aggregator=partial).score(appraisal([good("k1")], {}))
    assert [(gap.path, gap.reason) for gap in result.gaps] == [
        ("$.ratings", f"no value for behaviour aspect {aspect}")
        for aspect in ("integrity", "discipline")
    ]
    assert {key for key in result.figures if key.startswith("behaviour[")} == {
        f"behaviour[{aspect}]" for aspect in SIX[:5] if aspect not in silent
    }
    categories = [step.subject for step in result.trace.find("pp46.category")]
    assert categories[0] == "skp"
    assert sorted(categories) == sorted(result.ratings)
    steps = result.trace.find("pp46.behaviour_aspect")
    assert [step.children for step in steps] == [()] * 3  # the aggregator gave no steps


def test_problems_an_aggregator_raises_are_all_listed():
    """The aggregator refuses two aspects: both problems are listed, with the regime's own."""

    def refusing(_appraisal, subject, *, trace=True):
        if subject in {"service_orientation", "cooperation"}:
            raise ScoringInputError([Problem(f"$.ratings.{subject}", f"refused {subject}")])
        return Aggregate(subject, Fraction(150) if subject == "commitment" else Fraction(80))

    with pytest.raises(ScoringInputError) as caught:
        Pp46Regime(aggregator=refusing).score(appraisal([good("k1")], {}))
    assert [problem.path for problem in caught.value.problems] == [
        "$.ratings.service_orientation",
        "$.ratings",
        "$.ratings.cooperation",
    ]
