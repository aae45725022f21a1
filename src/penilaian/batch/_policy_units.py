"""
Per-unit curve compliance of a policy grid, counted while the grid streams past.

The batch columns carry no units, so `penilaian.batch.policies.summarise_policies`
takes them as an optional column (each row's unit id) with each unit's grade.
`UnitTable.read` checks them and resolves, once per unit, the quotas of its grade's
rules with the library's own `penilaian.analysis.curve.curve_quotas` (the
curve and `penilaian.analysis.curve.QuotaConvention` chosen by the caller).  Per policy
and slice, `UnitTable.counts` counts each unit's employees by curve grade, and
`UnitTable.status` turns the counts of the units whose rows are all seen into
1 (every binding quota holds), 0 (one is broken) or -1 (not known: an employee of
the unit has no grade, or a grade the curve does not speak of, which
`penilaian.analysis.curve.check_curve` would refuse).  A unit whose rows cross a slice
boundary is carried over until its last row.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Final

import attrs
import numpy as np

from penilaian._base.checks import is_text
from penilaian.analysis.curve.quotas import curve_quotas
from penilaian.analysis.curve.rules import CurveBound, DistributionCurve, QuotaConvention
from penilaian.batch._columns import GRADES, Bools, Ints, fail
from penilaian.exceptions import InvalidValueError, MissingValueError, Problem
from penilaian.model.grades import OrganisationGrade

if TYPE_CHECKING:
    from collections.abc import Sequence

    from penilaian.batch._columns import Codes

__all__ = ["UnitTable"]

_SHOWN: Final = 5
_ORG_GRADES: Final = tuple(OrganisationGrade)


@attrs.frozen(eq=False)
class UnitTable:
    """
    The units of a batch's rows, and what the curve asks of each.

    Attributes:
        ids: The units, in the order their first row comes.
        grades: Each unit's grade.
        code: ``(n,)``: each row's unit, an index into *ids*.
        headcount: ``(u,)``: each unit's rows.
        last: ``(u,)``: each unit's last row.
        category: Grade code + 1 to a count column; the last column counts rows with
            no grade of the curve.
        member: ``(u, k, r)``: which count columns each rule of the unit's grade adds up.
        quota: ``(u, r)``: each rule's quota for the unit.
        at_most: ``(u, r)``: whether the rule is a maximum (else a minimum).
        binding: ``(u, r)``: whether the rule exists and binds (is not waived).
    """

    ids: tuple[str, ...]
    grades: tuple[OrganisationGrade, ...]
    code: Ints
    headcount: Ints
    last: Ints
    category: Ints
    member: Ints
    quota: Ints
    at_most: Bools
    binding: Bools

    @property
    def columns(self) -> int:
        """The count columns: one per curve grade, and one for the rest."""
        return int(self.member.shape[1])

    @classmethod
    def read(
        cls,
        units: Sequence[str],
        unit_grades: Mapping[str, OrganisationGrade | str],
        n: int,
        curve: DistributionCurve,
        convention: QuotaConvention,
    ) -> UnitTable:
        """
        Check the unit column and grades, and resolve every unit's quotas.

        Raises:
            InvalidInputError: listing a column of the wrong length, rows whose unit is
                not a non-empty string, and units without a grade or with one that
                names no `penilaian.OrganisationGrade` (the first five of each).
            InvalidValueError: *unit_grades* is not a mapping, or *curve* or
                *convention* is of the wrong type.
        """
        if not isinstance(curve, DistributionCurve):
            raise InvalidValueError("curve", curve, "must be a DistributionCurve")
        if not isinstance(convention, QuotaConvention):
            raise InvalidValueError("convention", convention, "must be a QuotaConvention")
        given: object = unit_grades
        if not isinstance(given, Mapping):
            expected = "unit grades"
            raise InvalidValueError("unit_grades", unit_grades, f"must map text keys to {expected}")
        code, ids = _codes(units, n)
        grades = _grades(ids, unit_grades)
        size = len(ids)
        headcount = np.bincount(code, minlength=size).astype(np.int64)
        last = np.zeros(size, np.int64)
        np.maximum.at(last, code, np.arange(n, dtype=np.int64))
        category = np.full(len(GRADES) + 1, len(curve.grades), np.int64)
        for column, grade in enumerate(curve.grades):
            category[GRADES.index(grade) + 1] = column
        widest = max((len(rules) for rules in curve.rules.values()), default=0)
        shape = (size, widest)
        member = np.zeros((size, len(curve.grades) + 1, widest), np.int64)
        quota = np.zeros(shape, np.int64)
        at_most, binding = np.zeros(shape, np.bool_), np.zeros(shape, np.bool_)
        resolved: dict[tuple[int, OrganisationGrade], tuple[tuple[int, bool, bool], ...]] = {}
        for unit, unit_grade in enumerate(grades):
            count = int(headcount[unit])
            if (count, unit_grade) not in resolved:
                found = curve_quotas(count, unit_grade, curve=curve, convention=convention)
                resolved[count, unit_grade] = tuple(
                    (q.quota, q.rule.bound is CurveBound.AT_MOST, not q.waived) for q in found
                )
            for slot, (rule, values) in enumerate(
                zip(curve.rules[unit_grade], resolved[count, unit_grade], strict=True)
            ):
                for member_grade in rule.grades:
                    member[unit, curve.grades.index(member_grade), slot] = 1
                quota[unit, slot], at_most[unit, slot], binding[unit, slot] = values
        return cls(ids, grades, code, headcount, last, category, member, quota, at_most, binding)

    def counts(self, grade: Codes, local: Ints, size: int) -> Ints:
        """``(size, k)``: rows by count column of each of *size* units (*local*: each row's)."""
        columns = self.columns
        key = local * columns + self.category[grade.astype(np.int64) + 1]
        found: Ints = np.bincount(key, minlength=size * columns)
        return found.reshape(size, columns)

    def rules(self, units: Ints) -> tuple[Ints, Ints]:
        """
        The rules of *units* as signed sums, for `status`: ``(member, quota)``.

        A rule holds when ``quota - counts @ member >= 0``: a maximum as given, a
        minimum (or "must include") with both signs turned, a rule that does not bind
        (absent, or waived by the small-unit leniency) with both 0.
        """
        sign = np.where(self.at_most[units], 1, -1) * self.binding[units]
        return self.member[units] * sign[:, None, :], self.quota[units] * sign

    @staticmethod
    def status(rules: tuple[Ints, Ints], counts: Ints) -> Codes:
        """
        For whole units with their *rules* and *counts*: 1 compliant, 0 not, -1 not known.

        A maximum holds when the count is at most the quota, a minimum or a
        "must include" when it is at least the quota, as `check_curve` counts.
        """
        member, quota = rules
        kept = (quota - np.matmul(counts[:, None, :], member)[:, 0, :] >= 0).all(axis=1)
        status: Codes = np.where(counts[:, -1] > 0, -1, kept).astype(np.int8)
        return status


def _codes(units: Sequence[str], n: int) -> tuple[Ints, tuple[str, ...]]:
    """Each row's unit as an index into the units in order of first row; checked."""
    try:
        size = len(units)
    except TypeError:
        size = -1
    if size != n:
        reason = f"must have shape ({n},)"  # one unit id per row
        error = InvalidValueError("units", size, reason)
        fail([Problem("$.units", reason, error)])
    index: dict[str, int] = {}
    code = np.empty(n, np.int64)
    problems: list[Problem] = []
    given: object = units
    for row, unit in enumerate(given.tolist() if isinstance(given, np.ndarray) else units):
        if not is_text(unit):
            error = InvalidValueError("units", unit, f"row {row}: must be a non-empty string")
            problems.append(Problem(f"$.units[{row}]", str(error), error))
            continue
        code[row] = index.setdefault(unit, len(index))
    fail(_first(problems, "units"))
    return code, tuple(index)


def _first(problems: list[Problem], column: str) -> list[Problem]:
    """The first few *problems*, then one that counts the rest: none is dropped unsaid."""
    if len(problems) <= _SHOWN:
        return problems
    rest = len(problems) - _SHOWN
    reason = f"{rest} more problems like these"
    return [
        *problems[:_SHOWN],
        Problem(f"$.{column}", reason, InvalidValueError(column, rest, reason)),
    ]


def _grades(
    ids: tuple[str, ...], unit_grades: Mapping[str, OrganisationGrade | str]
) -> tuple[OrganisationGrade, ...]:
    """Each unit's grade, parsed; a unit without one is a problem, never a default."""
    problems: list[Problem] = []
    grades = []
    for unit in ids:
        where = f"unit_grades[{unit!r}]"
        value = unit_grades.get(unit)
        if value is None:
            missing = MissingValueError(where, None, "is required")  # for the unit's curve
            problems.append(Problem(f"$.{where}", str(missing), missing))
            grades.append(_ORG_GRADES[0])
            continue
        try:
            grades.append(OrganisationGrade.parse(value, where))
        except InvalidValueError as error:
            problems.append(Problem(f"$.{where}", str(error), error))
            grades.append(_ORG_GRADES[0])
    fail(_first(problems, "unit_grades"))
    return tuple(grades)
