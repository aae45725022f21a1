"""
PermenPANRB 6/2022 rating rules: whole outcomes, whole steps and every problem or gap.

Each rating rule is called on an appraisal built for it, and what it returns is
compared whole: the level, every gap, the figures and ratings, and each step's rule,
subject, inputs, output and children (the outputs equal the figures).  A rule that
stops at the first unrated value, names the wrong field or drops an input fails here.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest

import penilaian as p
from penilaian.exceptions import (
    InvalidValueError,
    MissingValueError,
    ScoringInputError,
    UnknownLabelError,
    UnsupportedInputError,
)
from penilaian.model import TargetKind
from penilaian.model.raters import OVERALL_BEHAVIOUR, OVERALL_WORK_RESULTS
from penilaian.regimes.permen6_2022 import (
    BEHAVIOUR_FROM_VALUES_RULE,
    GIVEN_RATING_RULE,
    LEADER_RULE,
    MEAN_ACHIEVEMENT_RULE,
    PERMEN6_2022_MATRIX_RULE,
    UNIT_RATING_RULE,
    WORK_RATING_FROM_ACHIEVEMENT_RULE,
    BehaviourRatingFromValues,
    GivenBehaviourRating,
    GivenWorkRating,
    Permen6Regime,
    WorkRatingFromAchievement,
    WorkRatingFromUnit,
    matrix_grade,
)
from penilaian.scoring import MISSING

ABOVE, MEETS, BELOW = p.ExpectationLevel.ABOVE, p.ExpectationLevel.MEETS, p.ExpectationLevel.BELOW
A, M, B = ABOVE.value, MEETS.value, BELOW.value
FIVE = p.OrdinalScale("lima", ["1", "2", "3"])
VALUES = [aspect.id for aspect in p.BERAKHLAK.aspects]
SUPERVISOR = p.Rater("r-sup", "supervisor", "e-budi")
SECOND = p.Rater("r-sup2", "supervisor", "e-dewi")
STAFF = p.Position("Analis Ahli Pertama", "expert_first", unit_id="u-keu")
LEADER = p.Position("Kepala Bidang", "administrator", unit_id="u-keu", leads_unit=True)
SCORE = p.NumericScale("score", 0, 100)


def indicator(id_, planned, realised, direction="higher_is_better"):
    realisation = None if realised is None else p.Realisation(Decimal(realised))
    return p.Indicator(id_, id_, "quantity", p.PointTarget(planned), direction, None, realisation)


MAIN = [
    p.WorkTarget(
        "t1", "Laporan", [indicator("i1", 10, "11"), indicator("i2", 8, "6", "lower_is_better")]
    ),
    p.WorkTarget("t2", "Rapat", [indicator("i3", 4, "3")]),
    p.WorkTarget("t3", "Tambahan", [indicator("i4", 1, "5")], TargetKind.ADDITIONAL),
]


def rating(subject, level, rater="r-sup", scale="expectation", score=None):
    if score is not None:
        return p.Rating(rater, subject, scale, score=score)
    return p.Rating(rater, subject, scale, level=level)


def appraisal(ratings=(), targets=MAIN, **changes):
    fields = {
        "id": "skp-2024",
        "employee": p.Employee("e-ani", "Ani"),
        "position": STAFF,
        "period": p.Period.year(2024),
        "framework": p.BERAKHLAK,
        "targets": targets,
        "raters": [SUPERVISOR, SECOND],
        "scales": [p.EXPECTATION_SCALE, SCORE],
        "ratings": list(ratings),
    }
    fields.update(changes)
    return p.Appraisal(**fields)


def rows(caught):
    return [
        (pr.path, pr.message, type(pr.error), pr.error.field, pr.error.value, pr.error.reason)
        for pr in caught.value.problems
    ]


class TestWorkRatingFromAchievement:
    # i1: 11/10 = 110 %, i2: (1 + (1 - 6/8)) = 125 %, i3: 3/4 = 75 %; mean 310/3 %.
    MEAN = Fraction(110 + 125 + 75, 3)

    def test_outcome_and_step(self):
        outcome = WorkRatingFromAchievement()(appraisal())
        assert outcome.level is ABOVE
        assert outcome.figures == {
            "indicator[i1].achievement": Decimal(110),
            "indicator[i2].achievement": Decimal(125),
            "indicator[i3].achievement": Decimal(75),
            "achievement": Decimal("103.333333"),
        }
        step = outcome.step
        assert (step.rule, step.subject, step.output) == (
            WORK_RATING_FROM_ACHIEVEMENT_RULE,
            OVERALL_WORK_RESULTS,
            A,
        )
        assert dict(step.inputs) == {
            "achievement": "310/3",
            "above_from": "101",
            "below_under": "100",
        }
        [mean] = step.children
        assert (mean.rule, mean.output, dict(mean.inputs)) == (
            MEAN_ACHIEVEMENT_RULE,
            "310/3",
            {"indicators": "3"},
        )
        assert [(c.subject, c.output) for c in mean.children] == [
            ("i1", "110"),
            ("i2", "125"),
            ("i3", "75"),
        ]
        assert Fraction(mean.output) == self.MEAN

    def test_bounds_are_read_and_shown(self):
        rule = WorkRatingFromAchievement(above_from=110, below_under=104)
        outcome = rule(appraisal())
        assert outcome.level is BELOW
        assert dict(outcome.step.inputs) == {
            "achievement": "310/3",
            "above_from": "110",
            "below_under": "104",
        }
        assert WorkRatingFromAchievement(above_from=110)(appraisal()).level is MEETS
        assert rule(appraisal(), trace=False).step is None

    def test_every_unrealised_indicator_is_listed(self):
        targets = [
            p.WorkTarget("t1", "A", [indicator("a", 1, None), indicator("b", 1, "1")]),
            p.WorkTarget("t2", "B", [indicator("c", 1, None)]),
        ]
        with pytest.raises(ScoringInputError) as caught:
            WorkRatingFromAchievement()(appraisal(targets=targets))
        purpose = "the work-results rating derives from achievement"
        assert [(r[0], r[2], r[3]) for r in rows(caught)] == [
            ("$.targets[0].indicators[0].realisation", MissingValueError, "realisation"),
            ("$.targets[1].indicators[0].realisation", MissingValueError, "realisation"),
        ]
        assert all(r[1].endswith(f"; {purpose}") for r in rows(caught))

    def test_no_indicator_to_count(self):
        rule = WorkRatingFromAchievement(kinds=(TargetKind.ADDITIONAL,))
        with pytest.raises(ScoringInputError) as caught:
            rule(appraisal(targets=MAIN[:2]))
        reason = "no indicators of kind additional to derive the work-results rating from"
        assert rows(caught) == [
            ("$.targets", reason, UnsupportedInputError, "targets", "additional", reason)
        ]


class TestWorkRatingFromUnit:
    def test_outcome_and_step(self):
        outcome = WorkRatingFromUnit()(appraisal(position=LEADER, unit_grade="baik"))
        assert outcome.level is MEETS
        assert outcome.ratings == {"unit_grade": "good"}
        step = outcome.step
        assert (step.rule, step.subject, step.output) == (
            UNIT_RATING_RULE,
            OVERALL_WORK_RESULTS,
            M,
        )
        assert dict(step.inputs) == {"unit": "u-keu", "unit_grade": "good"}

    def test_no_unit_grade_is_a_gap_with_its_step(self):
        outcome = WorkRatingFromUnit()(appraisal(position=LEADER))
        reason = "no grade of unit u-keu; a unit leader's work-results rating is the unit's"
        assert (outcome.level, outcome.gaps) == (None, (p.Gap("$.unit_grade", reason),))
        assert (outcome.step.output, dict(outcome.step.inputs)) == (
            MISSING,
            {"unit": "u-keu", "unit_grade": MISSING},
        )
        assert WorkRatingFromUnit()(appraisal(position=LEADER), trace=False).step is None

    def test_mapping_refusals(self):
        with pytest.raises(InvalidValueError) as caught:
            WorkRatingFromUnit(mapping=3)
        error = caught.value
        assert (error.field, error.value, error.reason) == (
            "mapping",
            3,
            "must map unit grades to expectation levels",
        )
        with pytest.raises(InvalidValueError) as caught:
            WorkRatingFromUnit(mapping={"baik": M})
        missing = [g.value for g in p.OrganisationGrade if g is not p.OrganisationGrade.GOOD]
        error = caught.value
        assert (error.field, error.value, error.reason) == (
            "mapping",
            missing,
            "must give a level for every unit grade",
        )
        for bad in ({"nonsense": M}, {"baik": "nonsense"}):
            with pytest.raises(UnknownLabelError) as caught:
                WorkRatingFromUnit(mapping=bad)
            assert caught.value.field == "mapping"


class TestBehaviourRatingFromValues:
    def test_outcome_and_step(self):
        levels = [A] * 4 + [M] * 3
        value = appraisal(
            [rating(v, level) for v, level in zip(VALUES, levels, strict=True)],
            special_expectations=[],
        )
        outcome = BehaviourRatingFromValues()(value)
        assert outcome.level is ABOVE
        assert outcome.ratings == {
            f"behaviour[{v}]": lv for v, lv in zip(VALUES, levels, strict=True)
        }
        step = outcome.step
        assert (step.rule, step.subject, step.output) == (
            BEHAVIOUR_FROM_VALUES_RULE,
            OVERALL_BEHAVIOUR,
            A,
        )
        assert dict(step.inputs) == {
            "above": "4",
            "meets": "3",
            "below": "0",
            "above_at_least": "4",
            "special_expectations": "0",
        }
        assert [(c.rule, c.subject, c.output, dict(c.inputs)) for c in step.children] == [
            (GIVEN_RATING_RULE, v, lv, {"rater": "r-sup", "given": lv})
            for v, lv in zip(VALUES, levels, strict=True)
        ]
        assert BehaviourRatingFromValues(above_at_least=5)(value).level is MEETS

    def test_every_unrated_value_is_a_gap(self):
        rated = [VALUES[0], VALUES[3], VALUES[6]]
        outcome = BehaviourRatingFromValues()(appraisal([rating(v, B) for v in rated]))
        unrated = [v for v in VALUES if v not in rated]
        assert outcome.level is None
        assert list(outcome.gaps) == [
            p.Gap("$.ratings", f"no supervisor rating of {v}; the pejabat penilai must set it")
            for v in unrated
        ]
        assert dict(outcome.step.inputs)["below"] == "3"
        assert outcome.step.output == MISSING

    def test_every_problem_is_listed(self):
        ratings = [rating(v, M) for v in VALUES]
        ratings[1] = rating(VALUES[1], None, scale="score", score=80)  # numeric: no level
        ratings.append(rating(VALUES[2], A, rater="r-sup2"))  # twice rated
        ratings[4] = rating(VALUES[4], "2", scale="lima")  # a level of no expectation level
        ratings.append(rating(VALUES[5], M, rater="r-sup2"))  # twice rated
        value = appraisal(ratings, scales=[p.EXPECTATION_SCALE, SCORE, FIVE])
        with pytest.raises(ScoringInputError) as caught:
            BehaviourRatingFromValues()(value)
        rates = "one pejabat penilai rates"
        two = f"2 supervisor ratings of {VALUES[2]} ($.ratings[2], $.ratings[7]); {rates}"
        five = f"2 supervisor ratings of {VALUES[5]} ($.ratings[5], $.ratings[8]); {rates}"
        numeric = f"rating of {VALUES[1]} is on numeric scale score; a level is needed"
        found = rows(caught)
        assert found[0] == (
            "$.ratings[1].scale_id",
            numeric,
            UnsupportedInputError,
            "scale_id",
            "score",
            numeric,
        )
        assert found[1] == ("$.ratings", two, UnsupportedInputError, "ratings", VALUES[2], two)
        level = "level '2' of scale lima names no expectation level"
        assert found[2:] == [
            ("$.ratings[4].level", level, UnsupportedInputError, "level", "2", level),
            ("$.ratings", five, UnsupportedInputError, "ratings", VALUES[5], five),
        ]


class TestGivenRatings:
    def test_given_steps_and_gaps(self):
        outcome = GivenWorkRating()(appraisal([rating(OVERALL_WORK_RESULTS, "Di atas ekspektasi")]))
        assert outcome.level is ABOVE
        step = outcome.step
        assert (step.rule, step.subject, step.output) == (
            GIVEN_RATING_RULE,
            OVERALL_WORK_RESULTS,
            A,
        )
        assert dict(step.inputs) == {"rater": "r-sup", "given": "Di atas ekspektasi"}
        missing = GivenBehaviourRating()(appraisal())
        assert missing.gaps == (
            p.Gap(
                "$.ratings",
                f"no supervisor rating of {OVERALL_BEHAVIOUR}; the pejabat penilai must set it",
            ),
        )
        assert (missing.step.subject, missing.step.output, dict(missing.step.inputs)) == (
            OVERALL_BEHAVIOUR,
            MISSING,
            {"rater": MISSING},
        )
        assert GivenBehaviourRating()(appraisal(), trace=False).step is None

    def test_a_level_of_no_expectation(self):
        value = appraisal([rating(OVERALL_WORK_RESULTS, "2", scale="lima")], scales=[FIVE])
        with pytest.raises(ScoringInputError) as caught:
            GivenWorkRating()(value)
        reason = "level '2' of scale lima names no expectation level"
        assert rows(caught) == [
            ("$.ratings[0].level", reason, UnsupportedInputError, "level", "2", reason)
        ]


class TestRegimeSteps:
    def test_root_and_leader_steps(self):
        value = appraisal([rating(OVERALL_BEHAVIOUR, A)], position=LEADER, unit_grade="istimewa")
        result = Permen6Regime().score(value)
        root = result.trace
        assert (root.rule, root.subject, root.output) == (
            PERMEN6_2022_MATRIX_RULE,
            "skp-2024",
            matrix_grade(ABOVE, ABOVE).value,
        )
        assert dict(root.inputs) == {"work_results": A, "behaviour": A}
        leader, behaviour = root.children
        assert (leader.rule, leader.subject, leader.output) == (
            LEADER_RULE,
            OVERALL_WORK_RESULTS,
            A,
        )
        assert dict(leader.inputs) == {"unit": "u-keu", "leader_rule": "unit_grade"}
        assert [c.rule for c in leader.children] == [UNIT_RATING_RULE]
        assert behaviour.rule is GIVEN_RATING_RULE
        assert Permen6Regime().score(value, trace=False).trace is None

    def test_incomplete_root_keeps_both_steps(self):
        result = Permen6Regime().score(appraisal([rating(OVERALL_WORK_RESULTS, M)]))
        root = result.trace
        assert dict(root.inputs) == {"work_results": M, "behaviour": MISSING}
        assert [(c.subject, c.output) for c in root.children] == [
            (OVERALL_WORK_RESULTS, M),
            (OVERALL_BEHAVIOUR, MISSING),
        ]
