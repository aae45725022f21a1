"""
A unit's appraisals for one period, with the unit's grade: what the distribution curve reads.

`UnitAppraisals` gathers the appraisals of the employees of one `penilaian.OrgUnit`
with the unit's grade (capaian kinerja organisasi), checks that they belong together,
and scores and checks them against the distribution curve in one call.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from penilaian._base.checks import TUPLE, unique_ids
from penilaian.analysis.curve.check import CurveCheck, GradedEmployee, check_curve
from penilaian.analysis.curve.rules import PERMEN6_2022_CURVE, DistributionCurve, QuotaConvention
from penilaian.exceptions import (
    InvalidInputError,
    InvalidValueError,
    Problem,
    UnknownReferenceError,
)
from penilaian.model.appraisal import Appraisal
from penilaian.model.grades import OrganisationGrade
from penilaian.model.organisation import OrgUnit
from penilaian.regimes.permen6_2022.strategy import Permen6Regime

if TYPE_CHECKING:
    from collections.abc import Iterable

    from penilaian.scoring.result import Result
    from penilaian.typing import ScoringStrategy

__all__ = ["UnitAppraisals", "unit_grades"]


@attrs.frozen
class UnitAppraisals:
    """
    The appraisals of one unit's employees for one period, and the unit's grade.

    Attributes:
        unit: The unit.
        unit_grade: Its grade, set by the leader one level up.
        appraisals: One appraisal per employee; ids unique, each position in the unit
            (or naming no unit), and a leader's own ``unit_grade``, if given, equal to
            the unit's.
    """

    unit: OrgUnit
    unit_grade: OrganisationGrade = attrs.field(converter=OrganisationGrade)
    appraisals: tuple[Appraisal, ...] = attrs.field(converter=TUPLE)

    @appraisals.validator
    def _check_appraisals(
        self, attribute: attrs.Attribute[tuple[Appraisal, ...]], value: tuple[Appraisal, ...]
    ) -> None:
        if not value:
            raise InvalidValueError(attribute.name, value, "a unit needs at least one appraisal")
        unique_ids(attribute.name, value)
        problems: list[Problem] = []
        for index, appraisal in enumerate(value):
            where = f"$.appraisals[{index}]"
            unit_id = appraisal.position.unit_id
            if unit_id not in (None, self.unit.id):
                reason = f"is in unit {unit_id!r}, not {self.unit.id!r}"
                error = UnknownReferenceError("unit_id", unit_id, reason)
                problems.append(Problem(f"{where}.position.unit_id", str(error), error))
            own = appraisal.unit_grade
            if appraisal.position.leads_unit and own not in (None, self.unit_grade):
                reason = f"differs from the unit's grade {self.unit_grade.id!r}"
                grade_error = InvalidValueError("unit_grade", own, reason)
                problems.append(Problem(f"{where}.unit_grade", str(grade_error), grade_error))
        if problems:
            raise InvalidInputError(problems)

    def score(self, strategy: ScoringStrategy | None = None) -> tuple[Result, ...]:
        """Score every appraisal, in order, with *strategy* (default `penilaian.Permen6Regime`)."""
        regime = strategy or Permen6Regime()
        return tuple(regime.score(appraisal) for appraisal in self.appraisals)

    def graded(self, results: tuple[Result, ...]) -> tuple[GradedEmployee, ...]:
        """Place each appraisal's result in the unit, for the curve."""
        if len(results) != len(self.appraisals):
            reason = f"needs one result per appraisal ({len(self.appraisals)})"
            raise InvalidValueError("results", len(results), reason)
        return tuple(
            GradedEmployee.from_result(appraisal, result, unit_id=self.unit.id)
            for appraisal, result in zip(self.appraisals, results, strict=True)
        )

    def check_curve(
        self,
        strategy: ScoringStrategy | None = None,
        *,
        curve: DistributionCurve = PERMEN6_2022_CURVE,
        convention: QuotaConvention | None = None,
    ) -> CurveCheck:
        """Score every appraisal and check the unit's grades against its curve."""
        staff = self.graded(self.score(strategy))
        return check_curve(self.unit.id, self.unit_grade, staff, curve=curve, convention=convention)


def unit_grades(appraisals: Iterable[Appraisal], unit_id: str) -> tuple[OrganisationGrade, ...]:
    """
    Return the organisation grades the appraisals of unit *unit_id* give it, distinct, sorted.

    The unit's leader gives it: the ``unit_grade`` of an appraisal whose position leads
    the unit.  Where no leader gives one, any appraisal of the unit may (a workbook that
    writes the grade on every row of the unit).  A curve check needs exactly one; none or
    several are for the caller to refuse, naming where they are.

    >>> from penilaian import load_sample
    >>> import attrs
    >>> sample = load_sample()
    >>> unit = sample.position.unit_id
    >>> unit_grades([sample], unit)
    ()
    >>> unit_grades([attrs.evolve(sample, unit_grade="good")], unit)[0].id
    'good'
    """
    everyone = [a for a in appraisals if a.position.unit_id == unit_id]
    given = [a.unit_grade for a in everyone if a.unit_grade is not None and a.position.leads_unit]
    given = given or [a.unit_grade for a in everyone if a.unit_grade is not None]
    return tuple(sorted(set(given), key=lambda grade: grade.id))
