"""
Checking a unit against its distribution curve: `check_curve` and what it reports.

Each employee enters as a `GradedEmployee` (grade, unit, and the two PermenPANRB
6/2022 ratings behind the grade when known).  `check_curve` counts them against the
rules of the unit's grade and reports, per rule, the quota and how it was found, the
count, the status and the employees involved.  It never changes a grade.  A rule the
unit is too small for (a share that rounds to 0 people, or minima that together ask
for more people than the unit has) is reported as ``too_small``, not as a violation.
"""

from __future__ import annotations

import itertools
from collections import Counter
from fractions import Fraction
from typing import TYPE_CHECKING

import attrs

from penilaian._base.checks import TUPLE, as_tuple, non_empty, optional_non_empty, repeated_indexes
from penilaian._base.numbers import format_number
from penilaian.analysis.curve.rules import (
    PERMEN6_2022_CURVE,
    CurveBound,
    CurveRule,
    DistributionCurve,
    QuotaConvention,
    RuleStatus,
)
from penilaian.analysis.words import WORDS
from penilaian.exceptions import (
    DuplicateIdError,
    InvalidInputError,
    InvalidValueError,
    MissingValueError,
    Problem,
    UnknownReferenceError,
    UnsupportedInputError,
)
from penilaian.model.grades import Grade, OrganisationGrade
from penilaian.model.raters import ExpectationLevel
from penilaian.regimes.permen6_2022 import PERMEN6_2022_MATRIX

if TYPE_CHECKING:
    from collections.abc import Iterable

    from penilaian._base.labels import Language
    from penilaian.model.appraisal import Appraisal
    from penilaian.scoring.result import Result

__all__ = ["CurveCheck", "GradedEmployee", "RuleCheck", "check_curve"]

_DEFAULT_CONVENTION = QuotaConvention()


def _optional_level(value: ExpectationLevel | str | None) -> ExpectationLevel | None:
    """Attrs converter: an expectation level (member, id or label) or `None`."""
    return None if value is None else ExpectationLevel.parse(value)


@attrs.frozen
class GradedEmployee:
    """
    One employee's grade in a unit, as the curve counts it and calibration may move it.

    Attributes:
        employee_id: The employee.
        grade: The employee's grade (predikat kinerja pegawai).
        unit_id: The unit the employee's position sits in.
        work_results: The work-results rating behind the grade, if known.
        behaviour: The behaviour rating behind the grade, if known.  With both
            ratings, the grade must be their cell of
            `penilaian.regimes.permen6_2022.PERMEN6_2022_MATRIX`;
            without both, calibration cannot move the employee.
        work_fixed: Whether the work-results rating is fixed (a unit leader's is the
            unit's grade), so calibration may change only the behaviour rating.
        appraisal_id: The appraisal the grade comes from, if any.
    """

    employee_id: str = attrs.field(validator=non_empty)
    grade: Grade = attrs.field(converter=Grade)
    unit_id: str | None = attrs.field(default=None, validator=optional_non_empty)
    work_results: ExpectationLevel | None = attrs.field(default=None, converter=_optional_level)
    behaviour: ExpectationLevel | None = attrs.field(default=None, converter=_optional_level)
    work_fixed: bool = False
    appraisal_id: str | None = attrs.field(default=None, validator=optional_non_empty)

    @behaviour.validator
    def _check_matrix(
        self, attribute: attrs.Attribute[ExpectationLevel | None], value: ExpectationLevel | None
    ) -> None:
        if value is None or self.work_results is None:
            return
        cell = PERMEN6_2022_MATRIX[self.work_results, value]
        if cell is not self.grade:
            reason = (
                f"with work results {self.work_results} the matrix gives {cell}, not {self.grade}"
            )
            raise InvalidValueError(attribute.name, value, reason)

    @property
    def movable(self) -> bool:
        """Whether both ratings are known, so calibration may move the employee."""
        return self.work_results is not None and self.behaviour is not None

    @classmethod
    def from_result(
        cls, appraisal: Appraisal, result: Result, *, unit_id: str | None = None
    ) -> GradedEmployee:
        """
        Take the grade and ratings of a scored appraisal.

        Args:
            appraisal: The appraisal scored.
            result: Its complete result (any regime; only PermenPANRB 6/2022 results
                carry the two ratings calibration needs).
            unit_id: The unit, when the appraisal's position does not name it.

        Raises:
            UnknownReferenceError: the result is of another appraisal.
            MissingValueError: the result has no grade, or no unit is known.
        """
        if result.appraisal_id != appraisal.id:
            reason = f"is the result of appraisal {result.appraisal_id!r}, not {appraisal.id!r}"
            raise UnknownReferenceError("result.appraisal_id", result.appraisal_id, reason)
        if result.grade is None:
            gaps = "; ".join(gap.reason for gap in result.gaps)
            raise MissingValueError("result.grade", None, f"the result is incomplete: {gaps}")
        unit = unit_id or appraisal.position.unit_id
        if unit is None:
            raise MissingValueError("unit_id", None, "the position names no unit; pass unit_id")
        return cls(
            employee_id=appraisal.employee.id,
            grade=result.grade,
            unit_id=unit,
            work_results=result.ratings.get("work_results"),
            behaviour=result.ratings.get("behaviour"),
            work_fixed="unit_grade" in result.ratings,
            appraisal_id=appraisal.id,
        )


@attrs.frozen
class RuleCheck:
    """
    One curve rule applied to one unit.

    Attributes:
        rule: The rule.
        headcount: The unit's number of employees.
        exact: The rule's share of the headcount, before rounding (`None` for
            must-include).
        quota: The whole number of people the rule allows (at most) or asks (at
            least, must include), after the convention's rounding.
        count: How many employees hold the rule's grades.
        status: Met, violated, or too small: a share whose quota rounds to 0, or a
            minimum that, with the minima before it, asks for more people than the
            unit has, is not enforced and is reported as ``too_small``.
        employee_ids: The employees holding the rule's grades, in the unit's order.
    """

    rule: CurveRule
    headcount: int
    exact: Fraction | None
    quota: int
    count: int
    status: RuleStatus
    employee_ids: tuple[str, ...] = attrs.field(converter=TUPLE)

    @property
    def enforced(self) -> bool:
        """Whether the rule binds this unit (it is not too small)."""
        return self.status is not RuleStatus.TOO_SMALL

    @property
    def quota_found(self) -> str | None:
        """
        How the quota was found, such as ``"70% \u00d7 7 = 4.9"``; `None` for "must include".

        The product is written exactly, with two places beside a decimal that does not end.
        """
        if self.exact is None or self.rule.share is None:
            return None
        share = format_number(self.rule.share, percent=True)
        return f"{share} \u00d7 {self.headcount} = {format_number(self.exact, approximate=2)}"

    def describe(self, lang: Language = "id") -> str:
        """Say the check in words: the rule, how its quota was found, the count, the status."""
        words = WORDS.in_language(lang)
        quota, count = words["quota"], words["count"]
        found = "" if self.quota_found is None else f"{self.quota_found} \u2192 "
        return (
            f"{self.rule.describe(lang)}: {found}{quota} {self.quota}, {count} {self.count}"
            f" \u2192 {self.status.label(lang)}"
        )


@attrs.frozen
class CurveCheck:
    """
    A unit's employees' grades counted against the curve of the unit's grade.

    Attributes:
        unit_id: The unit.
        unit_grade: The unit's grade, which chose the rules.
        curve: The curve applied.
        convention: How quotas were rounded.
        employees: The unit's employees, in the order given.
        rules: One check per rule of the unit's grade, in the curve's order.
    """

    unit_id: str
    unit_grade: OrganisationGrade
    curve: DistributionCurve
    convention: QuotaConvention
    employees: tuple[GradedEmployee, ...] = attrs.field(converter=TUPLE)
    rules: tuple[RuleCheck, ...] = attrs.field(converter=TUPLE)

    @property
    def compliant(self) -> bool:
        """Whether no enforced rule is violated."""
        return all(check.status is not RuleStatus.VIOLATED for check in self.rules)

    @property
    def violations(self) -> tuple[RuleCheck, ...]:
        """The rules the unit breaks."""
        return tuple(check for check in self.rules if check.status is RuleStatus.VIOLATED)

    @property
    def counts(self) -> dict[Grade, int]:
        """How many employees hold each grade of the curve, best first (zeros included)."""
        tally = Counter(employee.grade for employee in self.employees)
        return {grade: tally[grade] for grade in self.curve.grades}

    def describe(self, lang: Language = "id") -> str:
        """Say the whole check in words, one line per rule."""
        grade = self.unit_grade.label(lang)
        size = WORDS.in_language(lang)["employee" if len(self.employees) == 1 else "employees"]
        counts = ", ".join(f"{g.label(lang)} {n}" for g, n in self.counts.items())
        lines = [f"Unit {self.unit_id} ({grade}), {len(self.employees)} {size}: {counts}"]
        lines.extend(f"  - {check.describe(lang)}" for check in self.rules)
        return "\n".join(lines)


def check_curve(
    unit_id: str,
    unit_grade: OrganisationGrade | str,
    employees: Iterable[GradedEmployee],
    *,
    curve: DistributionCurve = PERMEN6_2022_CURVE,
    convention: QuotaConvention | None = None,
) -> CurveCheck:
    """
    Count a unit's employees' grades against the curve of the unit's grade.

    No grade is changed: the check only reports.

    Args:
        unit_id: The unit checked; every employee must belong to it.
        unit_grade: The unit's grade (capaian kinerja organisasi).
        employees: The unit's employees and their grades.
        curve: The curve (default `PERMEN6_2022_CURVE`).
        convention: Quota rounding (default `QuotaConvention()`).

    Raises:
        InvalidValueError: the unit has no employees.
        InvalidInputError: listing every employee of another unit, repeated
            employee or grade outside the curve, each with its path (``$[3].unit_id``).
    """
    grade = OrganisationGrade.parse(unit_grade, "unit_grade")
    staff = as_employees(employees)
    by_grade = _check_members(unit_id, staff, curve)
    convention = convention or _DEFAULT_CONVENTION
    rules = _rule_checks(curve.rules[grade], staff, by_grade, convention)
    return CurveCheck(unit_id, grade, curve, convention, staff, rules)


def as_employees(employees: Iterable[GradedEmployee]) -> tuple[GradedEmployee, ...]:
    """Return *employees* as a tuple, refusing an empty unit and anything else."""
    staff = as_tuple(employees, "employees")
    if not staff:
        raise InvalidValueError("employees", staff, "the unit has no employees to check")
    return staff


def _check_members(
    unit_id: str, staff: tuple[GradedEmployee, ...], curve: DistributionCurve
) -> dict[Grade, list[int]]:
    """Check every employee, and return the positions of the employees of each grade."""
    problems: list[Problem] = []
    by_grade: dict[Grade, list[int]] = {grade: [] for grade in curve.grades}
    for index, employee in enumerate(staff):
        if not isinstance(employee, GradedEmployee):
            error = InvalidValueError(f"[{index}]", employee, "must be a GradedEmployee")
            problems.append(Problem(f"$[{index}]", str(error), error))
            continue
        if employee.unit_id != unit_id:
            reason = f"belongs to unit {employee.unit_id!r}, not {unit_id!r}"
            error = UnknownReferenceError("unit_id", employee.unit_id, reason)
            problems.append(Problem(f"$[{index}].unit_id", str(error), error))
        positions = by_grade.get(employee.grade)
        if positions is None:
            reason = f"is not a grade of the {curve.id} curve"
            unsupported = UnsupportedInputError("grade", employee.grade.id, reason)
            problems.append(Problem(f"$[{index}].grade", str(unsupported), unsupported))
        else:
            positions.append(index)
    ids = [getattr(employee, "employee_id", None) for employee in staff]
    for index in repeated_indexes(ids):
        repeated = DuplicateIdError("employee_id", ids[index], "repeats an earlier employee")
        problems.append(Problem(f"$[{index}].employee_id", str(repeated), repeated))
    if problems:
        raise InvalidInputError(problems)
    return by_grade


def _rule_checks(
    rules: tuple[CurveRule, ...],
    staff: tuple[GradedEmployee, ...],
    by_grade: dict[Grade, list[int]],
    convention: QuotaConvention,
) -> tuple[RuleCheck, ...]:
    headcount = len(staff)
    minima: list[tuple[frozenset[Grade], int]] = []  # the enforced minima so far
    checks: list[RuleCheck] = []
    for rule in rules:
        exact, quota = convention.quota(rule, headcount)
        buckets = [by_grade[grade] for grade in rule.grades]
        positions = buckets[0] if len(buckets) == 1 else sorted(itertools.chain(*buckets))
        ids = tuple(staff[index].employee_id for index in positions)
        count = len(ids)
        degenerate = quota == 0 and rule.share != 0  # a share the unit rounds away
        if rule.bound is CurveBound.AT_MOST:
            too_small, met = degenerate, count <= quota
        else:
            too_small = degenerate or _people_needed([*minima, (rule.grades, quota)]) > headcount
            if not too_small:
                minima.append((rule.grades, quota))
            met = count >= quota
        status = (
            RuleStatus.TOO_SMALL if too_small else RuleStatus.MET if met else RuleStatus.VIOLATED
        )
        checks.append(RuleCheck(rule, headcount, exact, quota, count, status, ids))
    return tuple(checks)


def _people_needed(minima: list[tuple[frozenset[Grade], int]]) -> int:
    """How many people a set of minima on nested-or-disjoint grade sets ask for together."""
    sets = [grades for grades, _ in minima]
    if sum(map(len, sets)) == len(frozenset().union(*sets)):
        return sum(quota for _, quota in minima)  # disjoint (as in the 6/2022 curve): they add up

    def need(grades: frozenset[Grade]) -> int:
        inner = [other for other, _ in minima if other < grades]
        top = [other for other in set(inner) if not any(other < o for o in inner)]
        own = max((quota for other, quota in minima if other == grades), default=0)
        return max(own, sum(need(other) for other in top))

    distinct = set(sets)
    roots = [grades for grades in distinct if not any(grades < other for other in distinct)]
    return sum(need(grades) for grades in roots)
