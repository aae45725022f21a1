"""
One employee as the distribution curve counts them: `GradedEmployee`.

The grade, the unit, and (when known) the two PermenPANRB 6/2022 ratings behind the
grade, which calibration may move; and the result's notes, which calibration
proposals repeat.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from penilaian._base.checks import TUPLE, items_of, non_empty, optional_non_empty
from penilaian.exceptions import InvalidValueError, MissingValueError, UnknownReferenceError
from penilaian.model.grades import Grade
from penilaian.model.raters import ExpectationLevel
from penilaian.regimes.permen6_2022 import PERMEN6_2022_MATRIX
from penilaian.scoring.result import Note

if TYPE_CHECKING:
    from penilaian.model.appraisal import Appraisal
    from penilaian.scoring.result import Result

__all__ = ["GradedEmployee"]


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
        notes: The result's notes (`penilaian.scoring.result.Note`): what is worth
            saying that did not block the grade, such as an indicator without a
            realisation; calibration proposals repeat them in their reasons.
    """

    employee_id: str = attrs.field(validator=non_empty)
    grade: Grade = attrs.field(converter=Grade)
    unit_id: str | None = attrs.field(default=None, validator=optional_non_empty)
    work_results: ExpectationLevel | None = attrs.field(default=None, converter=_optional_level)
    behaviour: ExpectationLevel | None = attrs.field(default=None, converter=_optional_level)
    work_fixed: bool = False
    appraisal_id: str | None = attrs.field(default=None, validator=optional_non_empty)
    notes: tuple[Note, ...] = attrs.field(
        default=(), converter=TUPLE, validator=items_of(Note, expected="a Note")
    )

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
            notes=result.notes,
        )
