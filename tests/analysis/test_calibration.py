"""Tests for curve.calibration: the fewest changes that bring a unit within its curve."""

from __future__ import annotations

import itertools
from collections import Counter

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.strategies import organisation_grades, units

from penilaian import ExpectationLevel, Grade, OrganisationGrade
from penilaian.analysis.curve.calibration import GradeChange, propose_calibration
from penilaian.analysis.curve.check import CurveCheck, GradedEmployee, check_curve
from penilaian.analysis.curve.rules import CurveBound, QuotaConvention
from penilaian.exceptions import InvalidValueError
from penilaian.regimes.permen6_2022 import PERMEN6_2022_MATRIX

_LEVELS = (ExpectationLevel.BELOW, ExpectationLevel.MEETS, ExpectationLevel.ABOVE)
_A, _M, _B = ExpectationLevel.ABOVE, ExpectationLevel.MEETS, ExpectationLevel.BELOW


def employee(index: int, work: ExpectationLevel, behaviour: ExpectationLevel) -> GradedEmployee:
    """An employee of the unit in the matrix cell (work, behaviour)."""
    grade = PERMEN6_2022_MATRIX[work, behaviour]
    return GradedEmployee(f"emp-{index:03d}", grade, "unit", work, behaviour)


def cells(*pairs: tuple[ExpectationLevel, ExpectationLevel]) -> list[GradedEmployee]:
    """A unit with one employee per (work, behaviour) pair."""
    return [employee(index, *pair) for index, pair in enumerate(pairs)]


def allowed_grades(person: GradedEmployee, steps: int) -> set[Grade]:
    """Every grade the matrix allows *person* within *steps* rating levels (oracle)."""
    if person.work_results is None or person.behaviour is None:
        return {person.grade}
    work, behaviour = _LEVELS.index(person.work_results), _LEVELS.index(person.behaviour)
    found = set()
    for new_work, new_behaviour in itertools.product(range(3), repeat=2):
        if person.work_fixed and new_work != work:
            continue
        if abs(new_work - work) + abs(new_behaviour - behaviour) <= steps:
            found.add(PERMEN6_2022_MATRIX[_LEVELS[new_work], _LEVELS[new_behaviour]])
    return found


def complies(check: CurveCheck, grades: list[Grade]) -> bool:
    """Whether *grades* meet every enforced rule of *check* (quotas depend only on headcount)."""
    tally = Counter(grades)
    for rule in check.rules:
        if not rule.enforced:
            continue
        count = sum(tally[grade] for grade in rule.rule.grades)
        if rule.rule.bound is CurveBound.AT_MOST and count > rule.quota:
            return False
        if rule.rule.bound is not CurveBound.AT_MOST and count < rule.quota:
            return False
    return True


def fewest_changes(check: CurveCheck, steps: int) -> int | None:
    """The fewest employees to move for compliance, by brute force; `None` if unreachable."""
    staff = check.employees
    current = [person.grade for person in staff]
    options = [sorted(allowed_grades(person, steps) - {person.grade}, key=str) for person in staff]
    for size in range(len(staff) + 1):
        for chosen in itertools.combinations(range(len(staff)), size):
            for picks in itertools.product(*(options[index] for index in chosen)):
                grades = list(current)
                for index, grade in zip(chosen, picks, strict=True):
                    grades[index] = grade
                if complies(check, grades):
                    return size
    return None


class TestExamples:
    """Calibration of small units, worked by hand."""

    def test_a_compliant_unit_needs_no_change(self) -> None:
        """A unit within its curve gets an empty proposal."""
        check = check_curve("unit", "Istimewa", cells(*[(_A, _A)] * 7, *[(_M, _M)] * 3))
        calibration = propose_calibration(check)
        assert (calibration.changes, calibration.reaches_compliance) == ((), True)
        assert calibration.describe("en") == "no change needed"

    def test_one_very_good_too_many_under_outstanding(self) -> None:
        """Istimewa, 8 of 10 Sangat Baik: one moves to Baik by lowering the work rating."""
        check = check_curve("unit", "Istimewa", cells(*[(_A, _A)] * 8, *[(_M, _M)] * 2))
        calibration = propose_calibration(check)
        [change] = calibration.changes
        assert (change.employee_id, change.before, change.after) == (
            "emp-000",
            Grade.VERY_GOOD,
            Grade.GOOD,
        )
        assert (change.ratings_before, change.ratings_after) == ((_A, _A), (_M, _A))
        assert change.reason("en") == "Very good at most 70%: 8 \u2192 7 (quota 7)"
        assert calibration.reaches_compliance

    def test_a_good_unit_of_all_good_needs_three_changes(self) -> None:
        """Baik, 10 Baik: 3 must leave Baik, which also brings in the Butuh Perbaikan it needs."""
        check = check_curve("unit", "Baik", cells(*[(_M, _M)] * 10))
        calibration = propose_calibration(check)
        assert len(calibration.changes) == 3
        assert {change.after for change in calibration.changes} == {Grade.NEEDS_IMPROVEMENT}
        assert calibration.reaches_compliance
        assert "must include" in calibration.changes[0].reason("en")

    def test_the_leader_keeps_the_work_rating(self) -> None:
        """A unit leader's work rating is the unit's; calibration changes the behaviour rating."""
        leader = attrs.evolve(employee(0, _A, _A), work_fixed=True)
        nine = [leader, *cells(*[(_B, _M)] * 9)[1:]]
        check = check_curve("unit", "Butuh Perbaikan", nine)
        # 10 % of 9 rounds to 0: no Sangat Baik allowed, so the leader's behaviour comes down.
        strict = propose_calibration(check)
        assert [(c.employee_id, c.ratings_after) for c in strict.changes] == [("emp-000", (_A, _M))]
        assert strict.reaches_compliance
        lenient = QuotaConvention(small_unit_leniency=True)
        waived = check_curve("unit", "Butuh Perbaikan", nine, convention=lenient)
        assert propose_calibration(waived).changes == ()
        staff = [leader, *[employee(index, _B, _M) for index in range(1, 10)]]
        staff[1] = GradedEmployee("emp-001", Grade.VERY_GOOD, "unit")  # unrated: cannot move
        calibration = propose_calibration(check_curve("unit", "Butuh Perbaikan", staff))
        assert [change.employee_id for change in calibration.changes] == ["emp-000"]
        assert calibration.changes[0].ratings_after == (_A, _M)

    def test_two_very_good_of_seven_both_move(self) -> None:
        """Butuh Perbaikan, 7 people, 2 Sangat Baik (issue 15): none is allowed, so both move."""
        check = check_curve("unit", "Butuh Perbaikan", cells(*[(_A, _A)] * 2, *[(_B, _M)] * 5))
        calibration = propose_calibration(check)
        assert [change.employee_id for change in calibration.changes] == ["emp-000", "emp-001"]
        assert {change.after for change in calibration.changes} == {Grade.GOOD}
        assert calibration.reaches_compliance
        assert calibration.changes[0].reason("en") == "Very good at most 10%: 2 \u2192 0 (quota 0)"

    @given(organisation_grades(), units(max_size=10))
    def test_a_strict_proposal_that_complies_holds_every_quota(
        self, grade: OrganisationGrade, staff: list[GradedEmployee]
    ) -> None:
        """With the leniency off, a proposal reaching compliance meets every quota of the unit."""
        after = propose_calibration(check_curve("unit", grade, staff)).after
        if after.compliant:
            assert complies(after, [person.grade for person in after.employees])
            assert all(rule.enforced for rule in after.rules)

    def test_unrated_employees_are_never_moved(self) -> None:
        """Without both ratings an employee cannot be moved; the proposal says it falls short."""
        staff = [GradedEmployee(f"emp-{index}", Grade.GOOD, "unit") for index in range(10)]
        calibration = propose_calibration(check_curve("unit", "Baik", staff))
        assert (calibration.changes, calibration.reaches_compliance) == ((), False)
        assert calibration.describe("en") == "compliance unreachable"

    def test_out_of_reach_in_one_step_comes_as_close_as_it_can(self) -> None:
        """Sangat Kurang needs 60 % (Below, Below); from (Meets, Meets) it takes two steps."""
        check = check_curve("unit", "Sangat Kurang", cells(*[(_M, _M)] * 10))
        near = propose_calibration(check)
        far = propose_calibration(check, max_steps=2)
        assert (near.reaches_compliance, far.reaches_compliance) == (False, True)
        assert len(near.after.violations) == 1  # the 10 % rule is met, the 60 % one is not
        assert len(far.changes) == 7
        assert far.describe("en").endswith("\u2192 complies")
        assert near.describe().endswith("\u2192 masih belum sesuai kurva")

    def test_applying_gives_new_values(self) -> None:
        """Applying returns new employees in the unit's order; the check before is unchanged."""
        staff = cells(*[(_A, _A)] * 8, *[(_M, _M)] * 2)
        check = check_curve("unit", "Istimewa", staff)
        applied = propose_calibration(check).apply()
        assert [person.employee_id for person in applied] == [p.employee_id for p in staff]
        assert applied[0].grade is Grade.GOOD
        assert check.employees == tuple(staff)
        assert check_curve("unit", "Istimewa", applied).compliant

    def test_describe_names_each_change(self) -> None:
        """The proposal says each change with its ratings and reason, in both languages."""
        check = check_curve("unit", "Istimewa", cells(*[(_A, _A)] * 8, *[(_M, _M)] * 2))
        text = propose_calibration(check).describe()
        assert text.startswith("emp-000: Sangat Baik \u2192 Baik (hasil kerja Di Atas Ekspektasi")
        assert text.endswith("\u2192 sesuai kurva")

    @pytest.mark.parametrize("steps", [0, -1, True, 1.5])
    def test_steps_must_be_positive_whole_numbers(self, steps: object) -> None:
        """A proposal moves at least one rating level."""
        check = check_curve("unit", "Istimewa", cells((_A, _A)))
        with pytest.raises(InvalidValueError, match="max_steps"):
            propose_calibration(check, max_steps=steps)  # type: ignore[arg-type]


class TestProperties:
    """Laws of the proposal, against brute force on small units."""

    @settings(deadline=None)
    @given(staff=units(max_size=8), org_grade=organisation_grades(), steps=st.integers(1, 2))
    def test_minimal_and_compliant_when_reachable(
        self, staff: list[GradedEmployee], org_grade: OrganisationGrade, steps: int
    ) -> None:
        """The proposal reaches compliance exactly when brute force can, with as few changes."""
        check = check_curve("unit", org_grade, staff)
        calibration = propose_calibration(check, max_steps=steps)
        fewest = fewest_changes(check, steps)
        assert calibration.reaches_compliance == (fewest is not None)
        if fewest is not None:
            assert len(calibration.changes) == fewest

    @given(staff=units(max_size=20), org_grade=organisation_grades(), steps=st.integers(1, 3))
    def test_never_moves_anyone_the_matrix_forbids(
        self, staff: list[GradedEmployee], org_grade: OrganisationGrade, steps: int
    ) -> None:
        """Every change stays within its steps, keeps fixed ratings, takes the matrix's grade."""
        check = check_curve("unit", org_grade, staff)
        by_id = {person.employee_id: person for person in staff}
        for change in propose_calibration(check, max_steps=steps).changes:
            person = by_id[change.employee_id]
            assert person.movable
            assert change.after in allowed_grades(person, steps)
            assert PERMEN6_2022_MATRIX[change.ratings_after] is change.after
            if person.work_fixed:
                assert change.ratings_after[0] is person.work_results
            assert change.serves  # every change helps some rule

    @given(staff=units(max_size=20), org_grade=organisation_grades(), data=st.data())
    def test_deterministic_whatever_the_order(
        self, staff: list[GradedEmployee], org_grade: OrganisationGrade, data: st.DataObject
    ) -> None:
        """The same unit in any order gets the same proposal."""
        shuffled = data.draw(st.permutations(staff))
        one = propose_calibration(check_curve("unit", org_grade, staff))
        other = propose_calibration(check_curve("unit", org_grade, shuffled))

        def moves(changes: tuple[GradeChange, ...]) -> list[tuple[object, ...]]:
            return [(c.employee_id, c.ratings_after, c.reason("en")) for c in changes]

        assert moves(one.changes) == moves(other.changes)

    @given(staff=units(max_size=20), org_grade=organisation_grades())
    def test_never_worse_than_before(
        self, staff: list[GradedEmployee], org_grade: OrganisationGrade
    ) -> None:
        """A compliant unit stays as it is; otherwise the violations do not grow."""
        check = check_curve("unit", org_grade, staff)
        calibration = propose_calibration(check)
        if check.compliant:
            assert calibration.changes == ()
        assert len(calibration.after.violations) <= len(check.violations)
