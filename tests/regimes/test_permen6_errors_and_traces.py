"""
PermenPANRB 6/2022: whole errors, every problem, and the traces of annual grades and credit points.

Every refusal is checked whole: the error's type, the field it names, the value it got
and its reason; every problem of an annual roll-up is listed, at its index, with its
message.  Each roll-up's step and the credit-point steps are compared with the figures
they explain, and the rule functions' documented defaults are pinned.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import attrs
import pytest

import penilaian as p
from penilaian.exceptions import (
    InvalidNumberError,
    InvalidValueError,
    MissingValueError,
    ScoringInputError,
    UnknownLabelError,
    UnsupportedInputError,
)
from penilaian.model.raters import OVERALL_BEHAVIOUR, OVERALL_WORK_RESULTS
from penilaian.regimes.permen6_2022 import (
    PERMEN6_2022_GRADE_ORDER,
    PERMENPANRB_1_2023_COEFFICIENTS,
    PERMENPANRB_1_2023_PERCENTAGES,
    PERMENPANRB_1_2023_RULE,
    GivenBehaviourRating,
    GivenWorkRating,
    LastPeriod,
    MonthWeighted,
    MostFrequent,
    PeriodGrade,
    Permen6Regime,
    WorstPeriod,
    achievement_bands,
    annual_grade,
    behaviour_from_values,
    credit_points,
    framework_error,
    mean_achievement,
    work_rating_from_achievement,
)

G = p.Grade
ABOVE, MEETS, BELOW = p.ExpectationLevel.ABOVE, p.ExpectationLevel.MEETS, p.ExpectationLevel.BELOW
Q = [p.Period.quarter(2024, n) for n in (1, 2, 3, 4)]
SUPERVISOR = p.Rater("r-sup", "supervisor", "e-budi")
STAFF = p.Position("Analis Ahli Pertama", "expert_first", unit_id="u-keu")
LEADER = p.Position("Kepala Bidang", "administrator", unit_id="u-keu", leads_unit=True)
TARGET = p.WorkTarget(
    "t1",
    "Laporan",
    [p.Indicator("i1", "Laporan", "quantity", p.PointTarget(12), realisation=p.Realisation(12))],
)


def appraisal(work="meets", behaviour="meets", **changes):
    ratings = [
        p.Rating("r-sup", subject, "expectation", level=level)
        for subject, level in ((OVERALL_WORK_RESULTS, work), (OVERALL_BEHAVIOUR, behaviour))
        if level is not None
    ]
    fields = {
        "id": "skp-2024",
        "employee": p.Employee("e-ani", "Ani"),
        "position": STAFF,
        "period": p.Period.year(2024),
        "framework": p.BERAKHLAK,
        "targets": [TARGET],
        "raters": [SUPERVISOR],
        "scales": [p.EXPECTATION_SCALE],
        "ratings": ratings,
    }
    fields.update(changes)
    return p.Appraisal(**fields)


def whole(error):
    return type(error), error.field, error.value, error.reason


# -- credit points ---------------------------------------------------------------------


class TestCreditPoints:
    def test_exact_value_and_its_step(self):
        """Ahli Muda, Sangat Baik, 12 months: 12/12 x 150 % x 25 = 37.5, exactly, one step."""
        found = credit_points("very_good", "expert_junior")
        assert (found.value, found.exact) == (Decimal("37.5"), Fraction(75, 2))
        assert (found.grade, found.position_kind, found.months) == (
            G.VERY_GOOD,
            p.PositionKind.EXPERT_JUNIOR,
            12,
        )
        step = found.step
        assert step.rule is PERMENPANRB_1_2023_RULE
        assert (step.subject, step.output) == ("expert_junior", "37.5")
        assert dict(step.inputs) == {
            "months": "12",
            "grade": "very_good",
            "percentage": "150",
            "coefficient": "25",
        }
        expected = Fraction(12, 12) * Fraction(150, 100) * Fraction(25)
        assert found.exact == expected

    def test_rounded_value_has_a_rounding_step(self):
        """Terampil, Baik, one month: 1/12 x 100 % x 5 = 5/12, written 0.417 to 3 places."""
        found = credit_points(G.GOOD, "skill_skilled", 1, rounding=p.Rounding(3))
        assert (found.value, found.exact) == (Decimal("0.417"), Fraction(5, 12))
        rounding = found.step
        assert rounding.rule.id == "permenpanrb1_2023.rounding"
        assert rounding.output == "0.417"
        assert dict(rounding.inputs) == {"to": p.Rounding(3).describe("en")}
        [exact] = rounding.children
        assert exact.rule is PERMENPANRB_1_2023_RULE
        assert exact.output == "5/12"
        other = credit_points(G.GOOD, "skill_skilled", 1, rounding=p.Rounding(1, "half_even"))
        assert other.value == Decimal("0.4")
        assert dict(other.step.inputs) == {"to": p.Rounding(1, "half_even").describe("en")}

    def test_every_grade_and_level(self):
        for grade, percentage in PERMENPANRB_1_2023_PERCENTAGES.items():
            for kind, coefficient in PERMENPANRB_1_2023_COEFFICIENTS.items():
                found = credit_points(grade, kind, Fraction(6), trace=False)
                assert found.exact == Fraction(6, 12) * Fraction(percentage) / 100 * Fraction(
                    coefficient
                )
                assert found.step is None

    @pytest.mark.parametrize(
        ("call", "expected"),
        [
            (
                lambda: credit_points("good", "expert_first", rounding=3),
                (InvalidValueError, "rounding", 3),
            ),
            (
                lambda: credit_points("good", "executor"),
                (UnsupportedInputError, "position_kind", "executor"),
            ),
            (
                lambda: credit_points("bad", "expert_first"),
                (UnsupportedInputError, "grade", "bad"),
            ),
            (
                lambda: credit_points("good", "expert_first", 1.5),
                (InvalidNumberError, "months", 1.5),
            ),
            (
                lambda: credit_points("good", "expert_first", True),
                (InvalidNumberError, "months", True),
            ),
            (
                lambda: credit_points("good", "expert_first", 13),
                (InvalidNumberError, "months", 13),
            ),
            (
                lambda: credit_points("good", "expert_first", 0),
                (InvalidNumberError, "months", 0),
            ),
        ],
    )
    def test_refusals_name_field_value_and_reason(self, call, expected):
        """The reason's wording is the module's own (its language may be chosen): it is text."""
        with pytest.raises(InvalidValueError) as caught:
            call()
        error = caught.value
        assert whole(error)[:3] == expected
        assert isinstance(error.reason, str)
        assert error.reason.strip()
        assert error.reason in str(error)

    @pytest.mark.parametrize(("grade", "kind"), [("nonsense", "expert_first"), ("good", "x")])
    def test_unknown_text_names_its_argument(self, grade, kind):
        with pytest.raises(UnknownLabelError) as caught:
            credit_points(grade, kind)
        assert caught.value.field == ("grade" if grade == "nonsense" else "position_kind")


# -- the annual grade -------------------------------------------------------------------


ROLLUPS = [
    (LastPeriod(), "permen6.annual.last_period"),
    (WorstPeriod(), "permen6.annual.worst_period"),
    (MostFrequent(), "permen6.annual.most_frequent"),
    (MonthWeighted(), "permen6.annual.month_weighted"),
]


class TestAnnualGrade:
    @pytest.mark.parametrize(("rollup", "rule_id"), ROLLUPS)
    def test_each_rollup_traces_its_grade(self, rollup, rule_id):
        periods = [PeriodGrade(Q[0], "good"), PeriodGrade(Q[1], "poor"), PeriodGrade(Q[2], "good")]
        periods.append(PeriodGrade(Q[3], "very_good"))
        grade, step = rollup(tuple(periods))  # traced by default
        assert step.rule.id == rule_id
        assert step.output == grade.value
        inputs = dict(step.inputs)
        if isinstance(rollup, MonthWeighted):
            mean = inputs.pop("mean_rank")
            ranks = [PERMEN6_2022_GRADE_ORDER[item.grade] for item in periods]
            assert Fraction(mean) == Fraction(sum(ranks), 4)
            assert inputs == {
                str(item.period): f"{item.grade.value} (rank {rank}, months 3)"
                for item, rank in zip(periods, ranks, strict=True)
            }
        else:
            assert inputs == {str(item.period): item.grade.value for item in periods}
        assert rollup(tuple(periods), trace=False) == (grade, None)
        expected = {LastPeriod: G.VERY_GOOD, WorstPeriod: G.POOR, MostFrequent: G.GOOD}
        assert grade == expected.get(type(rollup), G.GOOD)  # mean rank 3.75 -> 4, Baik

    def test_month_weighted_weighs_months(self):
        """A semester of Sangat Baik and a quarter of Kurang: (6 x 5 + 3 x 2) / 9 = 4."""
        periods = (PeriodGrade(p.Period.semester(2024, 1), "very_good"), PeriodGrade(Q[2], "poor"))
        grade, step = MonthWeighted()(periods)
        assert grade == G.GOOD
        assert dict(step.inputs)["mean_rank"] == "4"

    def test_annual_grade_keeps_the_step_and_orders_the_periods(self):
        given = [PeriodGrade(Q[1], "poor"), PeriodGrade(Q[0], "good")]
        annual = annual_grade(given, WorstPeriod(), year=2024)
        assert annual.periods == (given[1], given[0])
        assert annual.year == p.Period.year(2024)
        assert annual.step.rule.id == "permen6.annual.worst_period"
        assert annual_grade(given, trace=False).step is None

    def test_every_problem_is_listed(self):
        """Two periods outside the year and two overlaps, each at its own index."""
        periods = [
            PeriodGrade(p.Period.year(2024), "good"),  # $[0]
            PeriodGrade(p.Period.quarter(2023, 4), "good"),  # $[1] outside
            PeriodGrade(p.Period.semester(2024, 2), "good"),  # $[2] overlaps $[0]
            PeriodGrade(Q[3], "good"),  # $[3] overlaps $[0] (which ends last, first)
            PeriodGrade(p.Period.quarter(2025, 1), "good"),  # $[4] outside
        ]
        with pytest.raises(ScoringInputError) as caught:
            annual_grade(periods, year=2024)
        rows = [(pr.path, pr.message, *whole(pr.error)) for pr in caught.value.problems]
        q4_2023, h2, q4, q1_2025 = (str(periods[i].period) for i in (1, 2, 3, 4))
        year = str(p.Period.year(2024))
        assert rows == [
            (
                "$[1].period",
                f"period {q4_2023} lies outside the year {year}",
                UnsupportedInputError,
                "period",
                q4_2023,
                f"period {q4_2023} lies outside the year {year}",
            ),
            (
                "$[4].period",
                f"period {q1_2025} lies outside the year {year}",
                UnsupportedInputError,
                "period",
                q1_2025,
                f"period {q1_2025} lies outside the year {year}",
            ),
            (
                "$[2].period",
                f"period {h2} overlaps period {year} ($[0])",
                UnsupportedInputError,
                "period",
                h2,
                f"period {h2} overlaps period {year} ($[0])",
            ),
            (
                "$[3].period",
                f"period {q4} overlaps period {year} ($[0])",
                UnsupportedInputError,
                "period",
                q4,
                f"period {q4} overlaps period {year} ($[0])",
            ),
        ]

    def test_no_periods(self):
        with pytest.raises(ScoringInputError) as caught:
            annual_grade([])
        [problem] = caught.value.problems
        reason = "no periodic grades; the annual grade rests on the periodic evaluations"
        assert (problem.path, problem.message) == ("$", reason)
        assert whole(problem.error) == (MissingValueError, "periods", (), reason)

    def test_bad_arguments(self):
        with pytest.raises(InvalidValueError) as caught:
            annual_grade([PeriodGrade(Q[0], "good")], rollup=3)
        assert whole(caught.value) == (
            InvalidValueError,
            "rollup",
            3,
            "must be a roll-up (a Rollup) or None",
        )
        with pytest.raises(InvalidValueError) as caught:
            annual_grade(["good"])
        assert whole(caught.value) == (
            InvalidValueError,
            "periods",
            "good",
            "must hold PeriodGrade values",
        )

    def test_period_grade_refusals(self):
        with pytest.raises(UnsupportedInputError) as caught:
            PeriodGrade("2024-Q1", "good")
        assert whole(caught.value) == (
            UnsupportedInputError,
            "period",
            "2024-Q1",
            "must be a penilaian.Period",
        )
        with pytest.raises(UnsupportedInputError) as caught:
            PeriodGrade(Q[0], "fair")
        names = ", ".join(
            grade.value
            for grade in sorted(PERMEN6_2022_GRADE_ORDER, key=PERMEN6_2022_GRADE_ORDER.get)
        )
        assert whole(caught.value) == (
            UnsupportedInputError,
            "grade",
            "fair",
            f"not a grade of PermenPANRB 6/2022 ({names})",
        )

    def test_from_result_refusals(self):
        pp46 = p.Result("pp46_2011", "skp", G.GOOD, Decimal(80))
        with pytest.raises(UnsupportedInputError) as caught:
            PeriodGrade.from_result(Q[0], pp46)
        assert whole(caught.value) == (
            UnsupportedInputError,
            "regime",
            "pp46_2011",
            "only PermenPANRB 6/2022 results roll up into its annual grade",
        )
        incomplete = Permen6Regime().score(appraisal(work=None, behaviour=None))
        with pytest.raises(MissingValueError) as caught:
            PeriodGrade.from_result(Q[0], incomplete)
        missing = "; ".join(gap.reason for gap in incomplete.gaps)
        assert len(incomplete.gaps) == 2
        assert whole(caught.value) == (
            MissingValueError,
            "grade",
            None,
            f"result skp-2024 is incomplete: {missing}",
        )


# -- the rules and the regime ------------------------------------------------------------


class TestRules:
    def test_achievement_bands_are_named(self):
        bands = achievement_bands()
        assert (bands.id, bands.clause) == ("permen6.achievement_bands", "konvensi penilaian [LOW]")
        assert bands == achievement_bands(Decimal(101), Decimal(100))

    def test_defaults_of_the_rule_functions(self):
        """Below under 100 %, above from 101 %; four of seven values above is above."""
        assert work_rating_from_achievement(Fraction(9999, 100)) is BELOW
        assert work_rating_from_achievement(Fraction(100)) is MEETS
        assert work_rating_from_achievement(Fraction(99), below_under=Decimal(99)) is MEETS
        assert work_rating_from_achievement(Fraction(101)) is ABOVE
        assert behaviour_from_values([ABOVE] * 4 + [MEETS] * 3) is ABOVE
        assert behaviour_from_values([ABOVE] * 3 + [MEETS] * 4) is MEETS
        assert mean_achievement([Fraction(1), Fraction(2)]) == Fraction(3, 2)

    def test_framework_error(self):
        copy = attrs.evolve(p.BERAKHLAK)
        assert copy is not p.BERAKHLAK
        assert framework_error(copy) is None
        error = framework_error(p.PP30_2019_BEHAVIOUR)
        assert (error.field, error.value) == ("framework", p.PP30_2019_BEHAVIOUR.id)
        assert error.reason == "PermenPANRB 6/2022 appraises behaviour on the BerAKHLAK core values"

    def test_an_equal_copy_of_berakhlak_scores_the_same(self):
        copy = attrs.evolve(p.BERAKHLAK)
        expected = Permen6Regime().score(appraisal())
        assert Permen6Regime().score(appraisal(framework=copy)) == expected

    def test_given_ratings_trace_by_default(self):
        value = appraisal()
        assert GivenWorkRating()(value).step is not None
        assert GivenBehaviourRating()(value).step is not None
        assert GivenWorkRating()(value, trace=False).step is None

    def test_leader_step_names_the_leader_rule(self):
        value = appraisal(position=LEADER, unit_grade="baik")
        result = Permen6Regime().score(value)
        [leader] = result.trace.find("permen6.leader")
        assert dict(leader.inputs) == {"unit": "u-keu", "leader_rule": "unit_grade"}
        assert leader.output == result.ratings[OVERALL_WORK_RESULTS]
