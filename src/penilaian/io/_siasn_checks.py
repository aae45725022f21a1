"""
The checks of what a SIASN record is built from, each adding its problems to a list.

`penilaian.io.siasn` runs them all before it builds a record, so that every wrong
argument is reported at once, each at its path among the arguments
(``$.result.grade``, ``$.pns_id``, ``$.appraiser``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from penilaian._base.checks import is_text
from penilaian.exceptions import (
    InvalidPeriodError,
    InvalidValueError,
    MissingValueError,
    Problem,
    UnknownLabelError,
    UnsupportedInputError,
)
from penilaian.io._siasn_data import SiasnAppraiser
from penilaian.model.periods import Period, PeriodKind
from penilaian.model.raters import OVERALL_BEHAVIOUR, OVERALL_WORK_RESULTS, ExpectationLevel

if TYPE_CHECKING:
    from penilaian.io._siasn_data import SiasnCodes
    from penilaian.model.appraisal import Appraisal
    from penilaian.scoring.result import Result

__all__ = [
    "annual_year",
    "appraiser_of",
    "check_record_id",
    "check_text",
    "codes_of",
    "periodic_period",
]

_PERIODIC_KINDS: Final = (PeriodKind.MONTH, PeriodKind.QUARTER, PeriodKind.SEMESTER)


def check_text(path: str, field: str, value: object, meaning: str, problems: list[Problem]) -> None:
    """Add a problem unless *value* is non-empty text; *meaning* says what it is."""
    error: InvalidValueError
    if value is None:
        error = MissingValueError(field, None, f"SIASN needs {meaning}")
    elif not is_text(value):
        error = InvalidValueError(field, value, f"must be non-empty text: {meaning}")
    else:
        return
    problems.append(Problem.from_error(path, error))


def codes_of(
    appraisal: Appraisal, result: Result, codes: SiasnCodes, problems: list[Problem]
) -> tuple[int, int, int] | None:
    """Return the codes of the two ratings and of the grade, or record why not."""
    if result.regime != "permen6_2022":
        reason = "SIASN's SKP 2022 records hold PermenPANRB 6/2022 results only"
        error = UnsupportedInputError("regime", result.regime, reason)
        problems.append(Problem.from_error("$.result.regime", error))
        return None
    if result.appraisal_id != appraisal.id:
        reason = f"the result is of appraisal {result.appraisal_id}, not {appraisal.id}"
        error = UnsupportedInputError("appraisal_id", result.appraisal_id, reason)
        problems.append(Problem.from_error("$.result.appraisal_id", error))
        return None
    if result.grade is None:
        gaps = "; ".join(gap.reason for gap in result.gaps) or "it has no grade"
        reason = f"result {result.appraisal_id} is incomplete: {gaps}"
        problems.append(
            Problem.from_error("$.result.grade", MissingValueError("grade", None, reason))
        )
        return None
    found = []
    for key in (OVERALL_WORK_RESULTS, OVERALL_BEHAVIOUR):
        path = f"$.result.ratings[{key!r}]"
        text = result.ratings.get(key)
        if text is None:
            reason = f"the result has no {key} rating; SIASN records both ratings"
            problems.append(Problem.from_error(path, MissingValueError(key, None, reason)))
            continue
        try:
            found.append(codes.ratings[ExpectationLevel.parse(text, key)])
        except UnknownLabelError as error:
            problems.append(Problem.from_error(path, error))
    quadrant = codes.quadrants.get(result.grade)
    if quadrant is None:
        reason = "not a grade of PermenPANRB 6/2022, so it has no SIASN quadrant"
        unsupported = UnsupportedInputError("grade", result.grade.value, reason)
        problems.append(Problem.from_error("$.result.grade", unsupported))
    if len(found) < 2 or quadrant is None:
        return None
    return found[0], found[1], quadrant


def appraiser_of(appraiser: object, problems: list[Problem]) -> SiasnAppraiser | None:
    """Return *appraiser* if it is a `SiasnAppraiser`, or record why not."""
    if isinstance(appraiser, SiasnAppraiser):
        return appraiser
    error: InvalidValueError
    if appraiser is None:
        error = MissingValueError("appraiser", None, "SIASN needs the appraiser (pejabat penilai)")
    else:
        error = UnsupportedInputError("appraiser", appraiser, "must be a SiasnAppraiser")
    problems.append(Problem.from_error("$.appraiser", error))
    return None


def check_record_id(record_id: object, problems: list[Problem]) -> None:
    """Add a problem unless *record_id* is `None` (a new record) or SIASN's id, as text."""
    if record_id is not None and not is_text(record_id):
        reason = "must be SIASN's id of the record to replace, or None for a new record"
        error = InvalidValueError("record_id", record_id, reason)
        problems.append(Problem.from_error("$.record_id", error))


def annual_year(appraisal: Appraisal, year: object, problems: list[Problem]) -> int | None:
    """Return the year of an annual record: *year*, or the appraisal's calendar year."""
    period = appraisal.period
    if year is None:
        if period.kind is PeriodKind.YEAR:
            return period.start.year
        reason = (
            f"an annual SKP 2022 record is for a calendar year, and this appraisal covers "
            f"{period}; pass year= (the last period's result is the annual one) or use "
            f"periodic_record"
        )
        unsupported = UnsupportedInputError("period", str(period), reason)
        problems.append(Problem.from_error("$.appraisal.period", unsupported))
        return None
    if isinstance(year, bool) or not isinstance(year, int):
        error = InvalidValueError("year", year, "must be a whole year")
        problems.append(Problem.from_error("$.year", error))
        return None
    try:
        calendar_year = Period.year(year)
    except InvalidPeriodError as invalid:
        problems.append(Problem.from_error("$.year", invalid))
        return None
    if not calendar_year.contains(period):
        reason = f"the appraisal covers {period}, which lies outside the year {year}"
        problems.append(Problem.from_error("$.year", UnsupportedInputError("year", year, reason)))
        return None
    return year


def periodic_period(appraisal: Appraisal, period: object, problems: list[Problem]) -> Period | None:
    """Return the period of a periodic record: *period*, or the appraisal's own."""
    if period is None:
        chosen, path = appraisal.period, "$.appraisal.period"
    elif isinstance(period, Period):
        chosen, path = period, "$.period"
    else:
        error = UnsupportedInputError("period", period, "must be a penilaian.Period")
        problems.append(Problem.from_error("$.period", error))
        return None
    reason = None
    if chosen.kind is PeriodKind.YEAR:
        reason = "a whole year is the annual record (annual_record), not a periodic one"
    elif chosen.start.year != chosen.end.year:
        reason = "a periodic record lies within one calendar year"
    elif chosen.kind not in _PERIODIC_KINDS and (
        chosen.start.day != 1 or chosen.end != Period.month(chosen.end.year, chosen.end.month).end
    ):
        reason = (
            "SIASN records whole months; the range must start on a 1st and end on a month's end"
        )
    elif not appraisal.period.contains(chosen):
        reason = f"lies outside the appraisal's period {appraisal.period}"
    if reason is not None:
        error = UnsupportedInputError("period", str(chosen), reason)
        problems.append(Problem.from_error(path, error))
        return None
    return chosen
