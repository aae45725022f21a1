"""Tests for curve.rules and curve.check: the distribution curve and its check."""

from __future__ import annotations

from fractions import Fraction

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.strategies import organisation_grades, units

from penilaian import (
    ExpectationLevel,
    Grade,
    OrganisationGrade,
    Permen6Regime,
    load_sample,
    load_sample_unit,
)
from penilaian.analysis.curve.check import GradedEmployee, check_curve
from penilaian.analysis.curve.quotas import SMALL_UNIT_LENIENCY_RULE, curve_quotas
from penilaian.analysis.curve.rules import (
    PERMEN6_2022_CURVE,
    CurveBound,
    CurveRule,
    QuotaConvention,
    RuleStatus,
)
from penilaian.exceptions import (
    DuplicateIdError,
    InvalidInputError,
    InvalidNumberError,
    InvalidValueError,
    MissingValueError,
    UnknownLabelError,
    UnknownReferenceError,
    UnsupportedInputError,
)

_A, _M, _B = ExpectationLevel.ABOVE, ExpectationLevel.MEETS, ExpectationLevel.BELOW
_CELLS = {
    Grade.VERY_GOOD: (_A, _A),
    Grade.GOOD: (_M, _M),
    Grade.NEEDS_IMPROVEMENT: (_B, _M),
    Grade.POOR: (_M, _B),
    Grade.VERY_POOR: (_B, _B),
}
_ORDER = (Grade.VERY_GOOD, Grade.GOOD, Grade.NEEDS_IMPROVEMENT, Grade.POOR, Grade.VERY_POOR)


def unit_of(*grades: Grade, unit_id: str = "unit") -> list[GradedEmployee]:
    """A unit whose employees hold *grades*, each in its grade's usual matrix cell."""
    return [
        GradedEmployee(f"emp-{index:03d}", grade, unit_id, *_CELLS[grade])
        for index, grade in enumerate(grades)
    ]


def filler_for(rule: CurveRule) -> Grade:
    """A grade outside *rule*'s set, to fill the rest of a unit."""
    return next(grade for grade in reversed(_ORDER) if grade not in rule.grades)


# Quotas of a unit of 10 under the default convention, rule by rule, from REGULATIONS.md 3.5.
QUOTAS_OF_TEN = {
    OrganisationGrade.OUTSTANDING: (7,),
    OrganisationGrade.GOOD: (7, 1),
    OrganisationGrade.NEEDS_IMPROVEMENT: (6, 1),
    OrganisationGrade.POOR: (6, 1, 1),
    OrganisationGrade.VERY_POOR: (6, 1, 0),
}

EDGES = [
    (org_grade, index, rule)
    for org_grade, rules in PERMEN6_2022_CURVE.rules.items()
    for index, rule in enumerate(rules)
]


class TestPermen6Curve:
    """The PermenPANRB 6/2022 curve as data."""

    def test_quotas_of_a_unit_of_ten(self) -> None:
        """Every rule's quota for 10 staff is the regulation's percentage of 10."""
        staff = unit_of(*[Grade.GOOD] * 10)
        actual = {
            grade: tuple(check.quota for check in check_curve("unit", grade, staff).rules)
            for grade in OrganisationGrade
        }
        assert actual == QUOTAS_OF_TEN

    def test_ten_staff_allow_seven_very_good_under_outstanding(self) -> None:
        """Istimewa, 10 staff: 7 Sangat Baik are allowed and 8 are not (REGULATIONS.md 3.5)."""
        seven = check_curve("unit", "Istimewa", unit_of(*[Grade.VERY_GOOD] * 7, *[Grade.GOOD] * 3))
        eight = check_curve("unit", "Istimewa", unit_of(*[Grade.VERY_GOOD] * 8, *[Grade.GOOD] * 2))
        assert (seven.compliant, eight.compliant) == (True, False)
        assert [f"emp-{index:03d}" for index in range(8)] == list(eight.violations[0].employee_ids)

    @pytest.mark.parametrize(("org_grade", "index", "rule"), EDGES, ids=str)
    def test_every_rule_at_its_quota_edge(
        self, org_grade: OrganisationGrade, index: int, rule: CurveRule
    ) -> None:
        """Each rule is met at its quota and broken one person beyond it, for 10 staff."""
        quota = QUOTAS_OF_TEN[org_grade][index]
        inside = min(rule.grades, key=_ORDER.index)
        beyond = quota + 1 if rule.bound is CurveBound.AT_MOST else quota - 1
        statuses = []
        for count in (quota, beyond):
            staff = unit_of(*[inside] * count, *[filler_for(rule)] * (10 - count))
            statuses.append(check_curve("unit", org_grade, staff).rules[index].status)
        assert statuses == [RuleStatus.MET, RuleStatus.VIOLATED]

    def test_must_include_counts_either_grade(self) -> None:
        """Baik's "some Butuh Perbaikan and/or Kurang" is met by one Kurang alone."""
        staff = unit_of(*[Grade.GOOD] * 7, Grade.POOR, Grade.VERY_GOOD, Grade.VERY_POOR)
        assert check_curve("unit", "baik", staff).compliant

    def test_very_poor_unit_forbids_any_very_good(self) -> None:
        """Sangat Kurang: no Sangat Baik, even in a unit of one."""
        check = check_curve("unit", "Sangat Kurang", unit_of(Grade.VERY_GOOD))
        assert check.rules[2].status == RuleStatus.VIOLATED

    def test_rules_describe_themselves_in_both_languages(self) -> None:
        """A rule says its grades, bound and share in Indonesian and English."""
        rule = PERMEN6_2022_CURVE.rules_for("Istimewa")[0]
        assert (
            rule.describe(),
            rule.describe("en"),
        ) == ("Sangat Baik paling banyak 70%", "Very good at most 70%")

    def test_a_zero_share_reads_as_none(self) -> None:
        """At most 0 % Sangat Baik reads "no Sangat Baik"."""
        rule = PERMEN6_2022_CURVE.rules_for("Sangat Kurang")[2]
        assert (rule.describe(), rule.describe("en")) == ("tidak ada Sangat Baik", "no Very good")

    def test_rule_ids_are_stable(self) -> None:
        """A rule's id names its bound and grades, in sorted order."""
        ids = [rule.id for rule in PERMEN6_2022_CURVE.rules_for(OrganisationGrade.GOOD)]
        assert ids == ["at_most:good", "must_include:needs_improvement+poor"]


class TestQuotaConvention:
    """Rounding quotas of small units, a named convention [LOW]."""

    def test_default_rounds_maxima_down_and_minima_up(self) -> None:
        """Seven staff: 70 % is 4.9, so at most 4; 60 % is 4.2, so at least 5."""
        staff = unit_of(*[Grade.GOOD] * 7)
        maxima = check_curve("unit", "Istimewa", staff).rules[0]
        minima = check_curve("unit", "Kurang", staff).rules[0]
        assert ((Fraction(49, 10), 4), (Fraction(21, 5), 5)) == (
            (maxima.exact, maxima.quota),
            (minima.exact, minima.quota),
        )

    @pytest.mark.parametrize(
        ("convention", "expected"),
        [
            (QuotaConvention(maximum="ceil"), 5),
            (QuotaConvention(maximum="half_up"), 5),
            (QuotaConvention(maximum="floor"), 4),
        ],
    )
    def test_maximum_rounding_is_configurable(
        self, convention: QuotaConvention, expected: int
    ) -> None:
        """The maximum of 70 % of 7 staff follows the chosen rounding."""
        staff = unit_of(*[Grade.GOOD] * 7)
        assert (
            expected == check_curve("unit", "Istimewa", staff, convention=convention).rules[0].quota
        )

    def test_half_up_rounds_halves_up(self) -> None:
        """Half up: 60 % of 5 staff is 3 exactly, 10 % of 5 is 0.5, taken up to 1."""
        staff = unit_of(*[Grade.POOR] * 5)
        convention = QuotaConvention(minimum="half_up")
        quotas = [
            check.quota
            for check in check_curve("unit", "Kurang", staff, convention=convention).rules
        ]
        assert quotas == [3, 1, 0]

    def test_must_include_count_is_configurable(self) -> None:
        """The must-include rule may ask for two people instead of one."""
        staff = unit_of(*[Grade.GOOD] * 7, Grade.POOR, *[Grade.VERY_GOOD] * 2)
        check = check_curve("unit", "baik", staff, convention=QuotaConvention(must_include=2))
        assert (check.rules[1].quota, check.rules[1].status) == (2, RuleStatus.VIOLATED)

    @pytest.mark.parametrize(
        "kwargs",
        [{"maximum": "round"}, {"minimum": "up"}, {"must_include": 0}, {"must_include": True}],
    )
    def test_unknown_settings_are_refused(self, kwargs: dict[str, object]) -> None:
        """A rounding or count outside the documented ones is an error."""
        with pytest.raises((ValueError, InvalidValueError)):
            QuotaConvention(**kwargs)  # type: ignore[arg-type]


_LENIENT = QuotaConvention(small_unit_leniency=True)


class TestSmallUnits:
    """A maximum rounding to 0 allows none; waiving it is a named leniency, off by default."""

    def test_two_very_good_of_seven_violate_a_needs_improvement_unit(self) -> None:
        """Issue 15 item 2: 10 % of 7 rounds to 0, so 2 Sangat Baik of 7 break the curve."""
        staff = unit_of(*[Grade.VERY_GOOD] * 2, *[Grade.NEEDS_IMPROVEMENT] * 5)
        check = check_curve("unit", "Butuh Perbaikan", staff)
        assert (check.rules[1].quota, check.rules[1].count) == (0, 2)
        assert (check.rules[1].status, check.compliant) == (RuleStatus.VIOLATED, False)
        assert check.violations == (check.rules[1],)

    def test_a_share_rounded_to_nobody_is_enforced(self) -> None:
        """Butuh Perbaikan, 5 staff, one Sangat Baik: 10 % of 5 rounds to 0, none allowed."""
        staff = unit_of(Grade.VERY_GOOD, *[Grade.NEEDS_IMPROVEMENT] * 4)
        check = check_curve("unit", "Butuh Perbaikan", staff)
        assert (check.rules[1].status, check.compliant) == (RuleStatus.VIOLATED, False)
        assert check.rules[1].enforced

    def test_the_leniency_waives_it_and_says_so(self) -> None:
        """With the small-unit leniency on, the rule is waived, in its status and the trace."""
        staff = unit_of(Grade.VERY_GOOD, *[Grade.NEEDS_IMPROVEMENT] * 4)
        check = check_curve("unit", "Butuh Perbaikan", staff, convention=_LENIENT)
        assert (check.rules[1].status, check.compliant) == (RuleStatus.TOO_SMALL, True)
        assert check.rules[1].status.label("en") == "waived: small-unit leniency"
        waived = check.trace.find(SMALL_UNIT_LENIENCY_RULE.id)
        assert [step.subject for step in waived] == ["at_most:very_good"]
        assert "small-unit leniency on" in dict(check.trace.inputs)["convention"]
        strict = check_curve("unit", "Butuh Perbaikan", staff)
        assert strict.trace.find(SMALL_UNIT_LENIENCY_RULE.id) == ()
        assert dict(strict.trace.inputs)["convention"].endswith("small-unit leniency off")

    def test_minima_asking_more_people_than_the_unit_has(self) -> None:
        """Kurang, 1 person: 60 % Kurang and 10 % Butuh Perbaikan ask 2; strict, that fails."""
        check = check_curve("unit", "Kurang", unit_of(Grade.POOR))
        assert [rule.status for rule in check.rules] == [
            RuleStatus.MET,
            RuleStatus.VIOLATED,
            RuleStatus.MET,
        ]
        assert not check.compliant
        lenient = check_curve("unit", "Kurang", unit_of(Grade.POOR), convention=_LENIENT)
        assert [rule.status for rule in lenient.rules] == [
            RuleStatus.MET,
            RuleStatus.TOO_SMALL,
            RuleStatus.TOO_SMALL,
        ]
        assert lenient.compliant

    def test_waived_rules_are_not_enforced(self) -> None:
        """A rule waived by the leniency never counts as a violation; without it, it does."""
        lone = check_curve("unit", "Baik", unit_of(Grade.GOOD), convention=_LENIENT)
        # 70 % of 1 rounds to 0: waived, and the lone Baik is no violation of it.
        assert (lone.rules[0].status, lone.rules[0].enforced) == (RuleStatus.TOO_SMALL, False)
        assert lone.violations == (lone.rules[1],)
        strict = check_curve("unit", "Baik", unit_of(Grade.GOOD))
        assert strict.violations == strict.rules

    def test_a_zero_share_is_enforced_in_any_unit(self) -> None:
        """The rule of no Sangat Baik is a quota of 0 that binds a unit of one, leniency or not."""
        for convention in (None, _LENIENT):
            check = check_curve("unit", "Sangat Kurang", unit_of(Grade.VERY_POOR),
                                convention=convention)  # fmt: skip
            assert (check.rules[2].quota, check.rules[2].status) == (0, RuleStatus.MET)
        worse = check_curve("unit", "Sangat Kurang", unit_of(Grade.VERY_GOOD), convention=_LENIENT)
        assert worse.rules[2].status is RuleStatus.VIOLATED

    @given(organisation_grades(), units(), st.booleans())
    def test_a_small_unit_never_passes_beyond_a_maximum(
        self, grade: OrganisationGrade, staff: list[GradedEmployee], lenient: bool
    ) -> None:
        """No maximum that binds is ever exceeded by a unit reported as complying."""
        convention = QuotaConvention(small_unit_leniency=lenient)
        check = check_curve("unit", grade, staff, convention=convention)
        if check.compliant:
            for rule in check.rules:
                if rule.rule.bound is CurveBound.AT_MOST and rule.enforced:
                    assert rule.count <= rule.quota

    @given(organisation_grades(), units())
    def test_strict_passes_iff_every_quota_holds(
        self, grade: OrganisationGrade, staff: list[GradedEmployee]
    ) -> None:
        """With the leniency off, a unit complies exactly when every quota holds."""
        check = check_curve("unit", grade, staff)
        held = [
            rule.count <= rule.quota
            if rule.rule.bound is CurveBound.AT_MOST
            else rule.count >= rule.quota
            for rule in check.rules
        ]
        assert check.compliant == all(held)
        assert RuleStatus.TOO_SMALL not in {rule.status for rule in check.rules}


class TestCurveQuotas:
    """`curve_quotas` on plain numbers: the very quotas the check counts against."""

    def test_the_issue_example(self) -> None:
        """Butuh Perbaikan, 7 people: at least 60 % -> 5; at most 10 % Sangat Baik -> 0."""
        quotas = curve_quotas(7, "Butuh Perbaikan")
        assert [(q.rule.id, q.exact, q.quota, q.waived) for q in quotas] == [
            ("at_least:needs_improvement", Fraction(21, 5), 5, False),
            ("at_most:very_good", Fraction(7, 10), 0, False),
        ]
        lenient = curve_quotas(7, "Butuh Perbaikan", convention=_LENIENT)
        assert [q.waived for q in lenient] == [False, True]

    def test_a_unit_of_ten(self) -> None:
        """Istimewa, 10 people: at most 7 Sangat Baik."""
        (only,) = curve_quotas(10, OrganisationGrade.OUTSTANDING)
        assert (only.exact, only.quota) == (Fraction(7), 7)

    @pytest.mark.parametrize("headcount", [0, -1, 2.0, True, "7"])
    def test_a_headcount_must_be_a_whole_number(self, headcount: object) -> None:
        """A headcount of 0, a float, a boolean or text is refused, naming the field."""
        with pytest.raises(InvalidNumberError, match="headcount"):
            curve_quotas(headcount, "Baik")  # type: ignore[arg-type]

    def test_other_input_is_refused(self) -> None:
        """An unknown unit grade, curve or convention is refused by type."""
        with pytest.raises(UnknownLabelError):
            curve_quotas(3, "Luar Biasa")
        with pytest.raises(InvalidValueError, match="curve"):
            curve_quotas(3, "Baik", curve="permen6_2022")  # type: ignore[arg-type]
        with pytest.raises(InvalidValueError, match="convention"):
            curve_quotas(3, "Baik", convention="floor")  # type: ignore[arg-type]
        with pytest.raises(InvalidValueError, match="small_unit_leniency"):
            QuotaConvention(small_unit_leniency="yes")  # type: ignore[arg-type]

    @given(organisation_grades(), units(), st.booleans())
    def test_the_check_composes_the_quotas(
        self, grade: OrganisationGrade, staff: list[GradedEmployee], lenient: bool
    ) -> None:
        """Each rule of a check has curve_quotas' quota and waiver for the unit's size."""
        convention = QuotaConvention(small_unit_leniency=lenient)
        check = check_curve("unit", grade, staff, convention=convention)
        quotas = curve_quotas(len(staff), grade, convention=convention)
        assert [(r.rule, r.exact, r.quota, not r.enforced) for r in check.rules] == [
            (q.rule, q.exact, q.quota, q.waived) for q in quotas
        ]


class TestCheckInput:
    """Bad input to a check gets a typed error naming the item."""

    def test_an_empty_unit_is_refused(self) -> None:
        """A unit with no employees cannot be checked."""
        with pytest.raises(InvalidValueError, match="no employees"):
            check_curve("unit", "Baik", [])

    def test_employees_of_another_unit_are_named(self) -> None:
        """Each employee of another unit is a problem at its index."""
        staff = [*unit_of(Grade.GOOD, Grade.GOOD), *unit_of(Grade.POOR, unit_id="other")]
        staff[2] = attrs.evolve(staff[2], employee_id="emp-009")
        with pytest.raises(InvalidInputError) as raised:
            check_curve("unit", "Baik", staff)
        assert [problem.path for problem in raised.value.problems] == ["$[2].unit_id"]
        assert isinstance(raised.value.problems[0].error, UnknownReferenceError)

    def test_an_employee_without_a_unit_is_named(self) -> None:
        """An employee naming no unit is not taken as a member."""
        staff = [GradedEmployee("emp-000", Grade.GOOD)]
        with pytest.raises(InvalidInputError, match=r"\$\[0\]\.unit_id"):
            check_curve("unit", "Baik", staff)

    def test_repeated_employees_are_named(self) -> None:
        """The same employee twice is a DuplicateIdError at the repeat."""
        staff = unit_of(Grade.GOOD, Grade.GOOD)
        staff[1] = attrs.evolve(staff[1], employee_id="emp-000")
        with pytest.raises(InvalidInputError) as raised:
            check_curve("unit", "Baik", staff)
        assert isinstance(raised.value.problems[0].error, DuplicateIdError)
        assert raised.value.problems[0].path == "$[1].employee_id"

    def test_grades_outside_the_curve_are_named(self) -> None:
        """A PP 46/2011 grade such as Cukup is not a grade of the 6/2022 curve."""
        staff = [GradedEmployee("emp-000", Grade.FAIR, "unit")]
        with pytest.raises(InvalidInputError) as raised:
            check_curve("unit", "Baik", staff)
        assert isinstance(raised.value.problems[0].error, UnsupportedInputError)

    def test_items_that_are_not_employees_are_named(self) -> None:
        """Anything but a GradedEmployee is a problem at its index."""
        with pytest.raises(InvalidInputError, match=r"\$\[0\]"):
            check_curve("unit", "Baik", ["emp-000"])  # type: ignore[list-item]

    def test_an_unknown_unit_grade_lists_the_accepted(self) -> None:
        """An organisation grade that does not exist is an UnknownLabelError."""
        with pytest.raises(UnknownLabelError):
            check_curve("unit", "Luar Biasa", unit_of(Grade.GOOD))

    def test_a_grade_the_matrix_does_not_give_is_refused(self) -> None:
        """Ratings above/above make Sangat Baik, so a Baik grade with them is refused."""
        with pytest.raises(InvalidValueError, match="matrix gives very_good"):
            GradedEmployee("emp-000", Grade.GOOD, "unit", _A, _A)


class TestCurveData:
    """A curve is validated as data."""

    def test_a_share_is_required_for_bounds(self) -> None:
        """At-most and at-least rules need a share."""
        with pytest.raises(MissingValueError):
            CurveRule(CurveBound.AT_MOST, {Grade.GOOD})

    def test_must_include_takes_no_share(self) -> None:
        """A must-include rule's quota is the convention's, not a share."""
        with pytest.raises(InvalidValueError):
            CurveRule(CurveBound.MUST_INCLUDE, {Grade.GOOD}, "1/10")

    @pytest.mark.parametrize("share", ["-1/10", "11/10"])
    def test_shares_lie_between_zero_and_one(self, share: str) -> None:
        """A share below 0 or above 1 is refused."""
        with pytest.raises(InvalidValueError):
            CurveRule(CurveBound.AT_LEAST, {Grade.GOOD}, share)

    def test_a_rule_names_some_grade(self) -> None:
        """A rule over no grade is refused."""
        with pytest.raises(InvalidValueError):
            CurveRule(CurveBound.AT_LEAST, set(), "1/2")

    def test_every_organisation_grade_needs_rules(self) -> None:
        """A curve that forgets an organisation grade is refused."""
        rules = dict(PERMEN6_2022_CURVE.rules)
        del rules[OrganisationGrade.POOR]
        with pytest.raises(MissingValueError, match="poor"):
            attrs.evolve(PERMEN6_2022_CURVE, rules=rules)

    def test_rules_over_unknown_grades_are_refused(self) -> None:
        """A rule on a grade the curve does not list is an UnknownReferenceError."""
        rules = dict(PERMEN6_2022_CURVE.rules)
        rules[OrganisationGrade.POOR] = (CurveRule(CurveBound.AT_MOST, {Grade.FAIR}, "1/2"),)
        with pytest.raises(UnknownReferenceError):
            attrs.evolve(PERMEN6_2022_CURVE, rules=rules)

    def test_overlapping_grade_sets_are_refused(self) -> None:
        """Rule grade sets must nest or be disjoint, so calibration stays exact."""
        rules = dict(PERMEN6_2022_CURVE.rules)
        rules[OrganisationGrade.POOR] = (
            CurveRule(CurveBound.AT_MOST, {Grade.GOOD, Grade.POOR}, "1/2"),
            CurveRule(CurveBound.AT_MOST, {Grade.POOR, Grade.VERY_POOR}, "1/2"),
        )
        with pytest.raises(InvalidValueError, match="nest"):
            attrs.evolve(PERMEN6_2022_CURVE, rules=rules)

    def test_rules_must_be_rules(self) -> None:
        """Anything but a CurveRule in the table is refused, as is a table that is not a mapping."""
        rules = dict(PERMEN6_2022_CURVE.rules)
        rules[OrganisationGrade.POOR] = ("at most 50%",)  # type: ignore[assignment]
        with pytest.raises(InvalidValueError):
            attrs.evolve(PERMEN6_2022_CURVE, rules=rules)
        with pytest.raises(InvalidValueError):
            attrs.evolve(PERMEN6_2022_CURVE, rules=[])  # type: ignore[arg-type]

    def test_a_custom_curve_with_nested_minima(self) -> None:
        """Nested minima ask for the larger of the outer quota and the inner ones together."""
        rules = dict(PERMEN6_2022_CURVE.rules)
        rules[OrganisationGrade.POOR] = (
            CurveRule(CurveBound.AT_LEAST, {Grade.POOR, Grade.VERY_POOR}, "1/2"),
            CurveRule(CurveBound.AT_LEAST, {Grade.POOR}, "1/4"),
            CurveRule(CurveBound.AT_LEAST, {Grade.GOOD}, "1/2"),
        )
        curve = attrs.evolve(PERMEN6_2022_CURVE, rules=rules)
        staff = unit_of(Grade.POOR, Grade.VERY_POOR, Grade.GOOD, Grade.GOOD)
        check = check_curve("unit", "Kurang", staff, curve=curve)
        assert [rule.status for rule in check.rules] == [RuleStatus.MET] * 3
        three = check_curve("unit", "Kurang", staff[:3], curve=curve, convention=_LENIENT)
        # 1/2 of 3 -> 2 and 1/4 of 3 -> 1 nest into 2 people; 1/2 of 3 Baik -> 2 more is too many.
        assert three.rules[2].status == RuleStatus.TOO_SMALL
        strict = check_curve("unit", "Kurang", staff[:3], curve=curve)
        assert [rule.status for rule in strict.rules] == [RuleStatus.MET] * 2 + [
            RuleStatus.VIOLATED
        ]


class TestCheckReport:
    """What a check reports."""

    def test_counts_include_every_grade(self) -> None:
        """Counts list every grade of the curve, best first, zeros included."""
        check = check_curve("unit", "Baik", unit_of(Grade.GOOD, Grade.POOR))
        assert list(check.counts.values()) == [0, 1, 0, 1, 0]
        assert list(_ORDER) == list(check.counts)

    def test_describe_shows_quota_arithmetic(self) -> None:
        """The report shows share times headcount, the quota, the count and the status."""
        check = check_curve("unit", "Istimewa", unit_of(*[Grade.VERY_GOOD] * 8, *[Grade.GOOD] * 2))
        assert "70% \u00d7 10 = 7 → quota 7, count 8 → violated" in check.describe("en")
        assert "kuota 7, jumlah 8 → tidak terpenuhi" in check.describe()

    def test_describe_shows_fractions_of_people(self) -> None:
        """A quota from a fraction of a person shows the fraction before rounding."""
        check = check_curve("unit", "Istimewa", unit_of(*[Grade.GOOD] * 7))
        assert "70% \u00d7 7 = 4.9 → quota 4" in check.describe("en")
        assert "1 employee:" in check_curve("unit", "Baik", unit_of(Grade.GOOD)).describe("en")

    def test_describe_writes_shares_exactly(self) -> None:
        """A share of a custom curve is written as an exact decimal, or n/d with two places."""
        rules = (
            CurveRule(CurveBound.AT_MOST, {Grade.VERY_GOOD}, "1/3"),
            CurveRule(CurveBound.AT_LEAST, {Grade.GOOD}, "1/8"),
        )
        curve = attrs.evolve(PERMEN6_2022_CURVE, rules=dict.fromkeys(OrganisationGrade, rules))
        check = check_curve("unit", "Baik", unit_of(Grade.GOOD, Grade.POOR), curve=curve)
        assert [rule.quota_found for rule in check.rules] == [
            "100/3% \u00d7 2 = 2/3 (\u2248 0.67)",
            "12.5% \u00d7 2 = 0.25",
        ]
        text = check.describe("en")
        assert "Very good at most 100/3%: 100/3% \u00d7 2 = 2/3 (\u2248 0.67) \u2192" in text
        assert "Good at least 12.5%: 12.5% \u00d7 2 = 0.25 \u2192 quota 1" in text

    def test_must_include_has_no_quota_arithmetic(self) -> None:
        """A must-include rule's quota comes from the convention: no share times headcount."""
        check = check_curve("unit", "Baik", unit_of(Grade.GOOD, Grade.POOR))
        assert [rule.quota_found is None for rule in check.rules] == [False, True]

    @given(staff=units(), org_grade=organisation_grades())
    def test_a_check_changes_no_grade(
        self, staff: list[GradedEmployee], org_grade: OrganisationGrade
    ) -> None:
        """The check keeps every employee as given, and its counts sum to the headcount."""
        check = check_curve("unit", org_grade, staff)
        assert tuple(staff) == check.employees
        assert len(staff) == sum(check.counts.values())

    @given(staff=units(), org_grade=organisation_grades(), data=st.data())
    def test_a_check_is_independent_of_order(
        self, staff: list[GradedEmployee], org_grade: OrganisationGrade, data: st.DataObject
    ) -> None:
        """Statuses, quotas and counts do not depend on the order of employees."""
        shuffled = data.draw(st.permutations(staff))
        one, other = check_curve("unit", org_grade, staff), check_curve("unit", org_grade, shuffled)
        assert [(r.status, r.quota, r.count) for r in one.rules] == [
            (r.status, r.quota, r.count) for r in other.rules
        ]


class TestFromResult:
    """Taking grades from scored appraisals."""

    def test_from_a_permen6_result(self) -> None:
        """The sample's result gives its grade, ratings and unit."""
        appraisal = load_sample("permen6_2022")
        result = Permen6Regime().score(appraisal)
        employee = GradedEmployee.from_result(appraisal, result, unit_id="unit")
        assert (result.grade, appraisal.employee.id, "unit", appraisal.id) == (
            employee.grade,
            employee.employee_id,
            employee.unit_id,
            employee.appraisal_id,
        )
        assert employee.movable

    def test_from_a_result_of_another_appraisal(self) -> None:
        """A result must be of the appraisal given."""
        appraisal = load_sample("permen6_2022")
        result = attrs.evolve(Permen6Regime().score(appraisal), appraisal_id="other")
        with pytest.raises(UnknownReferenceError):
            GradedEmployee.from_result(appraisal, result, unit_id="unit")

    def test_from_an_incomplete_result(self) -> None:
        """An incomplete result has no grade to count."""
        appraisal = load_sample("permen6_2022")
        result = attrs.evolve(Permen6Regime().score(appraisal), grade=None)
        with pytest.raises(MissingValueError):
            GradedEmployee.from_result(appraisal, result, unit_id="unit")

    def test_a_unit_is_needed(self) -> None:
        """Without a unit on the position or in the call, the grade cannot be placed."""
        appraisal = load_sample("permen6_2022")
        appraisal = attrs.evolve(appraisal, position=attrs.evolve(appraisal.position, unit_id=None))
        result = Permen6Regime().score(appraisal)
        with pytest.raises(MissingValueError, match="unit_id"):
            GradedEmployee.from_result(appraisal, result)


class TestUnitAppraisals:
    """A unit's appraisals and grade, scored and checked in one call."""

    def test_the_sample_unit(self) -> None:
        """The sample unit of ten scores completely and breaks both Baik rules."""
        unit = load_sample_unit()
        check = unit.check_curve()
        assert (len(check.employees), check.unit_grade) == (10, OrganisationGrade.GOOD)
        assert [rule.status for rule in check.rules] == [RuleStatus.VIOLATED] * 2
        leader = check.employees[0]
        assert (leader.employee_id, leader.work_fixed) == (unit.unit.leader_id, True)

    def test_an_appraisal_of_another_unit_is_refused(self) -> None:
        """An appraisal whose position sits in another unit is named with its path."""
        unit = load_sample_unit()
        stray = unit.appraisals[3]
        stray = attrs.evolve(stray, position=attrs.evolve(stray.position, unit_id="elsewhere"))
        appraisals = (*unit.appraisals[:3], stray, *unit.appraisals[4:])
        with pytest.raises(InvalidInputError) as raised:
            attrs.evolve(unit, appraisals=appraisals)
        assert [p.path for p in raised.value.problems] == ["$.appraisals[3].position.unit_id"]

    def test_a_leader_with_another_unit_grade_is_refused(self) -> None:
        """The leader's own unit grade must be the unit's."""
        unit = load_sample_unit()
        leader = attrs.evolve(unit.appraisals[0], unit_grade=OrganisationGrade.OUTSTANDING)
        with pytest.raises(InvalidInputError, match=r"\$\.appraisals\[0\]\.unit_grade"):
            attrs.evolve(unit, appraisals=(leader, *unit.appraisals[1:]))

    def test_an_empty_unit_is_refused(self) -> None:
        """A unit needs appraisals."""
        with pytest.raises(InvalidValueError, match="at least one appraisal"):
            attrs.evolve(load_sample_unit(), appraisals=())

    def test_results_must_match_the_appraisals(self) -> None:
        """Placing results needs one per appraisal."""
        unit = load_sample_unit()
        results = unit.score()
        with pytest.raises(InvalidValueError, match="one result per appraisal"):
            unit.graded(results[:-1])

    def test_appraisals_without_a_unit_are_placed_in_it(self) -> None:
        """An appraisal naming no unit is taken as the unit's."""
        unit = load_sample_unit()
        first = unit.appraisals[1]
        first = attrs.evolve(first, position=attrs.evolve(first.position, unit_id=None))
        moved = attrs.evolve(unit, appraisals=(unit.appraisals[0], first, *unit.appraisals[2:]))
        assert moved.check_curve().employees[1].unit_id == unit.unit.id


class TestUnitGrades:
    """The organisation grade a unit's appraisals give it: the leader's, else any row's."""

    @staticmethod
    def member(number, *, grade=None, leads=False, unit="bidang-a"):
        import attrs  # noqa: PLC0415 - local to these helpers

        from penilaian import load_sample  # noqa: PLC0415

        sample = load_sample()
        position = attrs.evolve(sample.position, unit_id=unit, leads_unit=leads)
        return attrs.evolve(sample, id=f"skp-{number}", position=position, unit_grade=grade)

    def test_the_leaders_grade_wins(self):
        """A leader's unit_grade is the unit's, whatever other rows of the unit say."""
        from penilaian.analysis.curve import unit_grades  # noqa: PLC0415

        appraisals = [
            self.member(1, grade="good"),
            self.member(2, grade="outstanding", leads=True),
            self.member(3, grade="poor", unit="bidang-b"),
        ]
        assert [g.id for g in unit_grades(appraisals, "bidang-a")] == ["outstanding"]
        assert [g.id for g in unit_grades(appraisals, "bidang-b")] == ["poor"]

    def test_without_a_leader_every_row_counts(self):
        """No leader gives a grade: the rows' grades, distinct; none or several for the caller."""
        from penilaian.analysis.curve import unit_grades  # noqa: PLC0415

        same = [self.member(1, grade="good"), self.member(2, grade="good"), self.member(3)]
        assert [g.id for g in unit_grades(same, "bidang-a")] == ["good"]
        mixed = [self.member(1, grade="good"), self.member(2, grade="outstanding")]
        assert [g.id for g in unit_grades(mixed, "bidang-a")] == ["good", "outstanding"]
        assert unit_grades([self.member(1)], "bidang-a") == ()
        assert unit_grades(same, "another-unit") == ()
