"""
Checking a unit against its distribution curve: `check_curve` and what it reports.

Each employee enters as a `GradedEmployee` (grade, unit, and the two PermenPANRB
6/2022 ratings behind the grade when known).  `check_curve` counts them against the
rules of the unit's grade and reports, per rule, the quota and how it was found, the
count, the status and the employees involved.  It never changes a grade.  The quotas
are `penilaian.analysis.curve.curve_quotas`'s, so a maximum that rounds to 0 means
none allowed; a rule is waived (``too_small``) only under the named small-unit
leniency (`QuotaConvention.small_unit_leniency`, off by default).  The check's
`CurveCheck.trace` shows every quota, count and status, and the leniency when it
waived a rule.
"""

from __future__ import annotations

import itertools
from collections import Counter
from fractions import Fraction
from typing import TYPE_CHECKING, Final

import attrs

from penilaian._base.checks import (
    TUPLE,
    as_tuple,
    repeated_indexes,
)
from penilaian._base.numbers import format_number
from penilaian._base.trace import Rule, Step
from penilaian.analysis.curve.employee import GradedEmployee
from penilaian.analysis.curve.quotas import (
    CURVE_QUOTA_RULE,
    SMALL_UNIT_LENIENCY_RULE,
    RuleQuota,
    curve_quotas,
)
from penilaian.analysis.curve.rules import (
    PERMEN6_2022_CURVE,
    CurveBound,
    CurveRule,
    DistributionCurve,
    QuotaConvention,
    RuleStatus,
    grade_name,
)
from penilaian.analysis.words import WORDS
from penilaian.exceptions import (
    DuplicateIdError,
    InvalidInputError,
    InvalidValueError,
    Problem,
    UnknownReferenceError,
    UnsupportedInputError,
)
from penilaian.model.grades import Grade, OrganisationGrade

if TYPE_CHECKING:
    from collections.abc import Iterable

    from penilaian._base.labels import Language

__all__ = ["CURVE_CHECK_RULE", "CurveCheck", "GradedEmployee", "RuleCheck", "check_curve"]

_DEFAULT_CONVENTION = QuotaConvention()

CURVE_CHECK_RULE: Final = Rule(
    id="curve.check",
    clause="PermenPANRB 6/2022 Anak Lampiran, kurva distribusi predikat kinerja pegawai [MED]",
    text_id="Unit sesuai kurva bila setiap kuota yang berlaku terpenuhi",
    text_en="The unit complies when every quota that binds holds",
)
"""The root step of a `CurveCheck`'s trace: compliance, over one step per rule."""


_STATUS_RULE: Final = Rule(
    id="curve.rule_status",
    clause="PermenPANRB 6/2022 Anak Lampiran, kurva distribusi [MED]",
    text_id="Paling banyak: jumlah \u2264 kuota; paling sedikit dan harus ada: jumlah \u2265 kuota",
    text_en="At most: count \u2264 quota; at least and must include: count \u2265 quota",
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
        status: Met or violated; ``too_small`` (waived, not enforced) only when
            `QuotaConvention.small_unit_leniency` is on and the unit is too small for
            the rule (see `penilaian.analysis.curve.curve_quotas`).  A quota of 0
            is a quota: with it, any holder of the rule's grades violates a maximum.
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
    def step(self) -> Step:
        """The trace of the check of this rule: quota, count, status (and leniency, if waived)."""
        quota = Step.of(CURVE_QUOTA_RULE, self.quota, subject=self.rule.id,
                        bound=self.rule.bound, share=self.rule.share,
                        headcount=self.headcount, exact=self.exact, count=self.count)  # fmt: skip
        if self.status is not RuleStatus.TOO_SMALL:
            return Step.of(_STATUS_RULE, self.status, subject=self.rule.id, children=(quota,),
                           quota=self.quota, count=self.count)  # fmt: skip
        return Step.of(SMALL_UNIT_LENIENCY_RULE, self.status, subject=self.rule.id,
                       children=(quota,), quota=self.quota, count=self.count,
                       headcount=self.headcount)  # fmt: skip

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
    def trace(self) -> Step:
        """
        The check as a trace: compliance at the root, one step per rule below it.

        Each rule's step gives its quota (share, headcount, exact share, rounding) and
        count; a rule waived by the small-unit leniency shows the
        `SMALL_UNIT_LENIENCY_RULE` step, so the trace says the convention was used.
        """
        return Step.of(CURVE_CHECK_RULE, self.compliant, subject=self.unit_id,
                       children=[check.step for check in self.rules],
                       unit_grade=self.unit_grade, headcount=len(self.employees),
                       convention=self.convention.describe("en"))  # fmt: skip

    @property
    def counts(self) -> dict[Grade, int]:
        """How many employees hold each grade of the curve, best first (zeros included)."""
        tally = Counter(employee.grade for employee in self.employees)
        return {grade: tally[grade] for grade in self.curve.grades}

    def describe(self, lang: Language = "id") -> str:
        """Say the whole check in words, one line per rule."""
        grade = self.unit_grade.label(lang)
        size = WORDS.in_language(lang)["employee" if len(self.employees) == 1 else "employees"]
        counts = ", ".join(f"{grade_name(g, lang)} {n}" for g, n in self.counts.items())
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
        convention: Quota rounding and the small-unit leniency (default
            `QuotaConvention()`: leniency off, every quota binds).

    Raises:
        InvalidValueError: the unit has no employees.
        InvalidInputError: listing every employee of another unit, repeated
            employee or grade outside the curve, each with its path (``$[3].unit_id``).
    """
    grade = OrganisationGrade.parse(unit_grade, "unit_grade")
    staff = as_employees(employees)
    by_grade = _check_members(unit_id, staff, curve)
    convention = convention or _DEFAULT_CONVENTION
    quotas = curve_quotas(len(staff), grade, curve=curve, convention=convention)
    rules = _rule_checks(quotas, staff, by_grade)
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
    quotas: tuple[RuleQuota, ...],
    staff: tuple[GradedEmployee, ...],
    by_grade: dict[Grade, list[int]],
) -> tuple[RuleCheck, ...]:
    checks: list[RuleCheck] = []
    for found in quotas:
        rule, quota = found.rule, found.quota
        buckets = [by_grade[grade] for grade in rule.grades]
        positions = buckets[0] if len(buckets) == 1 else sorted(itertools.chain(*buckets))
        ids = tuple(staff[index].employee_id for index in positions)
        count = len(ids)
        met = count <= quota if rule.bound is CurveBound.AT_MOST else count >= quota
        status = (
            RuleStatus.TOO_SMALL if found.waived else RuleStatus.MET if met else RuleStatus.VIOLATED
        )
        checks.append(RuleCheck(rule, found.headcount, found.exact, quota, count, status, ids))
    return tuple(checks)
