"""
A whole cycle at once, for the browser page: every appraisal's grade or problems, each unit's curve.

The appraisals of a body (a workbook, or JSON) are scored each under its own regime;
one that cannot be scored is set aside with its problems, never failing the others.
The graded ones are grouped by their position's ``unit_id`` and each unit is checked
against its distribution curve (`penilaian.analysis.curve.check_curve`) with the
organisation grade its appraisals give (``unit_grade``, on the leader's row), and a
calibration is proposed (`penilaian.analysis.curve.calibration.propose_calibration`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from penilaian.analysis.curve.calibration import propose_calibration
from penilaian.analysis.curve.check import GradedEmployee, check_curve
from penilaian.analysis.curve.rules import grade_name
from penilaian.analysis.curve.unit import unit_grades
from penilaian.exceptions import PenilaianError, UnknownStrategyError, in_language
from penilaian.serialization import unstructure
from penilaian.server._problems import WORDS, from_error

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from penilaian._base.labels import Language
    from penilaian.model.appraisal import Appraisal
    from penilaian.scoring.result import Result
    from penilaian.typing import ScoringStrategy

__all__ = ["cycle_summary"]


def _scored(
    appraisals: Sequence[Appraisal],
    strategy: Callable[[Appraisal], ScoringStrategy],
    lang: Language,
) -> list[tuple[Appraisal, Result | None, list[dict[str, object]]]]:
    scored: list[tuple[Appraisal, Result | None, list[dict[str, object]]]] = []
    for index, appraisal in enumerate(appraisals):
        try:
            result = strategy(appraisal).score(appraisal, trace=False)
        except UnknownStrategyError:  # noqa: PERF203 - a wrong ?regime is the request's
            raise
        except PenilaianError as error:  # set aside, named with its problems
            problems = from_error(error, lang).problems or []
            for problem in problems:
                problem["path"] = f"$[{index}]{str(problem['path'])[1:]}"
            scored.append((appraisal, None, problems))
        else:
            # A result without a grade (a rating missing) is set aside too, with its gaps.
            gaps: list[dict[str, object]] = [
                {"path": f"$[{index}]{gap.path[1:]}", "message": in_language(gap.reason, lang)}
                for gap in (result.gaps if result.grade is None else ())
            ]
            scored.append((appraisal, result, gaps))
    return scored


def _person(
    appraisal: Appraisal, result: Result | None, problems: list[dict[str, object]], lang: Language
) -> dict[str, object]:
    grade = None if result is None else result.grade
    return {
        "id": appraisal.id,
        "employee_id": appraisal.employee.id,
        "name": appraisal.employee.name,
        "nip": None if appraisal.employee.nip is None else str(appraisal.employee.nip),
        "unit_id": appraisal.position.unit_id,
        "regime": None if result is None else result.regime,
        "grade": None if grade is None else grade.id,
        "grade_label": None
        if grade is None or result is None
        else grade.label(lang, regime=result.regime),
        "problems": problems,
    }


def _unit(
    unit_id: str,
    members: list[tuple[Appraisal, Result]],
    appraisals: Sequence[Appraisal],
    lang: Language,
) -> dict[str, object]:
    words = WORDS.in_language(lang)
    grades = unit_grades(appraisals, unit_id)
    found: dict[str, object] = {"unit_id": unit_id, "people": len(members)}
    if len(grades) != 1:
        found["problem"] = words["unit_grade_none" if not grades else "unit_grade_many"]
        return found
    try:
        employees = [GradedEmployee.from_result(a, r, unit_id=unit_id) for a, r in members]
        check = check_curve(unit_id, grades[0], employees)
        calibration = propose_calibration(check)
    except PenilaianError as error:
        found["problem"] = in_language(error, lang)
        return found
    found.update(
        unit_grade=check.unit_grade.id,
        compliant=check.compliant,
        verdict=words["curve_met" if check.compliant else "curve_broken"],
        counts=[
            {"grade": grade.id, "label": grade_name(grade, lang), "count": count}
            for grade, count in check.counts.items()
        ],
        text=check.describe(lang),
        calibration=unstructure(calibration.changes),
        calibration_text=calibration.describe(lang),
    )
    return found


def cycle_summary(
    appraisals: Sequence[Appraisal],
    strategy: Callable[[Appraisal], ScoringStrategy],
    lang: Language,
) -> dict[str, object]:
    """Return every appraisal's grade (or problems) and each unit's curve check and calibration."""
    scored = _scored(appraisals, strategy, lang)
    units: dict[str, list[tuple[Appraisal, Result]]] = {}
    for appraisal, result, _ in scored:
        unit_id = appraisal.position.unit_id
        if result is not None and result.grade is not None and unit_id is not None:
            units.setdefault(unit_id, []).append((appraisal, result))
    people = [_person(appraisal, result, problems, lang) for appraisal, result, problems in scored]
    return {
        "count": len(people),
        "set_aside": sum(1 for person in people if person["problems"]),
        "appraisals": people,
        "units": [_unit(unit_id, members, appraisals, lang) for unit_id, members in units.items()],
    }
