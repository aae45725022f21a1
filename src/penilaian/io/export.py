"""
From the library's values to rows of the layout: appraisals (the round trip) and results.

`appraisal_rows` writes what `read_appraisals` reads back as an equal appraisal;
before anything is written, `check_writable` refuses what a spreadsheet cannot
carry faithfully (a custom behaviour framework, text with surrounding spaces, a
list item holding the separator) and names where it is.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Final

from penilaian._base.numbers import format_number
from penilaian.exceptions import DuplicateIdError, InvalidValueError, Problem
from penilaian.io._instructions import INSTRUCTION_HEADERS, RULES, instruction_rows
from penilaian.io.escaping import restore_cell
from penilaian.io.tables import (
    ALIAS_SEPARATOR,
    CASCADE,
    CATEGORIES,
    EMPLOYEES,
    EXPECTATIONS,
    FEEDBACK,
    FIGURES,
    INNOVATIONS,
    LIST_SEPARATOR,
    RATINGS,
    REALISATIONS,
    RESULTS,
    SCALES,
    TABLES,
    TARGETS,
    Table,
)
from penilaian.model.behaviour import BUILTIN_FRAMEWORKS
from penilaian.model.raters import EXPECTATION_SCALE, NumericScale
from penilaian.model.targets import PointTarget, RangeTarget

if TYPE_CHECKING:
    from collections.abc import Sequence

    from penilaian._base.labels import Language
    from penilaian.analysis.cascade import CascadeMatrix, RollUp
    from penilaian.model.appraisal import Appraisal
    from penilaian.model.raters import Scale
    from penilaian.scoring.result import Result

__all__ = [
    "INSTRUCTION_HEADERS",
    "MAX_CELL_TEXT",
    "RULES",
    "Rows",
    "appraisal_rows",
    "cascade_rows",
    "cell_problem",
    "check_writable",
    "instruction_rows",
    "result_rows",
]

Rows = dict[Table, list[dict[str, Any]]]
"""Each table with its rows, each row a mapping from header to value."""

_TARGET_TYPES: Final = {PointTarget: "point", RangeTarget: "range"}
_CONTROL: Final = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")

MAX_CELL_TEXT: Final = 32_767
"""The most characters a cell holds (Excel's limit, kept for CSV too)."""


def cell_problem(value: object) -> str | None:
    """Say why a value cannot be stored in a cell at all, or return `None`."""
    texts = value if isinstance(value, tuple) else (value,)
    for text in texts:
        if not isinstance(text, str):
            continue
        if _CONTROL.search(text):
            return "text holding a control character cannot be stored in a spreadsheet"
        if len(text) > MAX_CELL_TEXT:
            return f"a cell holds at most {MAX_CELL_TEXT:,} characters"
    joined = f"{LIST_SEPARATOR} ".join(texts) if isinstance(value, tuple) else ""
    if len(joined) > MAX_CELL_TEXT:
        return f"a cell holds at most {MAX_CELL_TEXT:,} characters"
    return None


def appraisal_rows(appraisals: Sequence[Appraisal]) -> Rows:
    """Return the rows of every table for *appraisals*, in the layout's order."""
    rows: Rows = {table: [] for table in TABLES}
    for appraisal in appraisals:
        _add_appraisal(rows, appraisal)
    return rows


def _add_appraisal(rows: Rows, appraisal: Appraisal) -> None:
    key = {"appraisal_id": appraisal.id}
    employee, position, period = appraisal.employee, appraisal.position, appraisal.period
    rows[EMPLOYEES].append(
        {
            **key,
            "employee_id": employee.id,
            "name": employee.name,
            "nip": None if employee.nip is None else str(employee.nip),
            "position_title": position.title,
            "position_kind": position.kind.value,
            "unit_id": position.unit_id,
            "leads_unit": position.leads_unit,
            "leads_independent_unit": position.leads_independent_unit,
            "period_start": period.start,
            "period_end": period.end,
            "period_kind": period.kind.value,
            "framework_id": appraisal.framework.id,
            "unit_grade": None if appraisal.unit_grade is None else appraisal.unit_grade.value,
        }
    )
    for target, indicator in appraisal.indicators():
        goal = indicator.target
        rows[TARGETS].append(
            {
                **key,
                "target_id": target.id,
                "target_title": target.title,
                "target_kind": target.kind.value,
                "cascades_from": target.cascades_from,
                "perspective": None if target.perspective is None else target.perspective.value,
                "indicator_id": indicator.id,
                "indicator_description": indicator.description,
                "aspect": indicator.aspect.value,
                "target_type": _TARGET_TYPES.get(type(goal), "qualitative"),
                "target_value": goal.value if isinstance(goal, PointTarget) else None,
                "target_low": goal.low if isinstance(goal, RangeTarget) else None,
                "target_high": goal.high if isinstance(goal, RangeTarget) else None,
                "target_description": getattr(goal, "description", None),
                "direction": indicator.direction.value,
                "unit": indicator.unit,
                "target_is_maximum": indicator.target_is_maximum,
            }
        )
        realisation = indicator.realisation
        if realisation is not None:
            rows[REALISATIONS].append(
                {
                    **key,
                    "indicator_id": indicator.id,
                    "value": realisation.value,
                    "description": realisation.description,
                    "evidence": realisation.evidence or None,
                    "recorded_on": realisation.recorded_on,
                }
            )
    _add_ratings(rows, appraisal)
    for scale in appraisal.scales:
        rows[SCALES].append({**key, **_scale_cells(scale)})
    for note in appraisal.feedback:
        rows[FEEDBACK].append(
            {
                **key,
                "given_on": note.given_on,
                "author_id": note.author_id,
                "text": note.text,
                "subject": note.subject,
                "evidence": note.evidence or None,
            }
        )
    for expectation in appraisal.special_expectations:
        rows[EXPECTATIONS].append(
            {**key, "aspect_id": expectation.aspect_id, "text": expectation.text}
        )
    for innovation in appraisal.innovations:
        rows[INNOVATIONS].append(
            {
                **key,
                "description": innovation.description,
                "scope": innovation.scope.value,
                "evidence": innovation.evidence or None,
                "certified_by": innovation.certified_by,
            }
        )


def _add_ratings(rows: Rows, appraisal: Appraisal) -> None:
    """Add the ratings; first a row per rater when their order would not survive otherwise."""
    raters = {rater.id: rater for rater in appraisal.raters}
    mentioned = list(dict.fromkeys(rating.rater_id for rating in appraisal.ratings))
    declare = mentioned != list(raters)
    for rater in appraisal.raters if declare else ():
        rows[RATINGS].append(_rater_cells(appraisal.id, rater.id, raters))
    for rating in appraisal.ratings:
        rows[RATINGS].append(
            {
                **_rater_cells(appraisal.id, rating.rater_id, raters),
                "subject": rating.subject,
                "scale_id": rating.scale_id,
                "score": rating.score,
                "level": rating.level,
                "comment": rating.comment,
                "rated_on": rating.rated_on,
            }
        )


def _rater_cells(appraisal_id: str, rater_id: str, raters: dict[str, Any]) -> dict[str, Any]:
    rater = raters[rater_id]
    return {
        "appraisal_id": appraisal_id,
        "rater_id": rater.id,
        "rater_role": rater.role.value,
        "rater_employee_id": rater.employee_id,
        "rater_name": rater.name,
    }


def _scale_cells(scale: Scale) -> dict[str, Any]:
    if isinstance(scale, NumericScale):
        return {
            "scale_id": scale.id,
            "scale_kind": "numeric",
            "minimum": scale.minimum,
            "maximum": scale.maximum,
            "step": scale.step,
        }
    if scale.levels == EXPECTATION_SCALE.levels and scale.aliases == EXPECTATION_SCALE.aliases:
        return {"scale_id": scale.id, "scale_kind": "expectation"}
    return {
        "scale_id": scale.id,
        "scale_kind": "ordinal",
        "levels": scale.levels,
        "aliases": tuple(f"{alias}{ALIAS_SEPARATOR}{level}" for alias, level in scale.aliases)
        or None,
    }


# -- what a spreadsheet cannot carry ------------------------------------------------------


def check_writable(appraisals: Sequence[Appraisal], *, raw: bool = False) -> list[Problem]:
    """
    Return a problem for each value that would not read back equal, at its appraisal's position.

    Each appraisal's rows are built here, so a problem is placed at its own appraisal
    even when two share an id.  With *raw* (CSV not neutralised), a text starting with
    quotes before a formula character is refused too: the reader would drop a quote.
    """
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    for position, appraisal in enumerate(appraisals):
        if appraisal.id in seen:
            reason = f"repeats the id of the appraisal at $[{seen[appraisal.id]}]"
            duplicate = DuplicateIdError("id", appraisal.id, reason)
            problems.append(Problem.from_error(f"$[{position}].id", duplicate))
        seen.setdefault(appraisal.id, position)
        if BUILTIN_FRAMEWORKS.get(appraisal.framework.id) != appraisal.framework:
            reason = f"a spreadsheet names a built-in framework ({', '.join(BUILTIN_FRAMEWORKS)})"
            error = InvalidValueError("framework", appraisal.framework.id, reason)
            problems.append(
                Problem(f"$[{position}].framework", f"{reason}; this one is custom", error)
            )
        for table, table_rows in appraisal_rows([appraisal]).items():
            for row in table_rows:
                for header, value in row.items():
                    unwritable = (
                        cell_problem(value)
                        or _unwritable(header, value)
                        or (_quote_lost(value) if raw else None)
                    )
                    if unwritable is not None:
                        error = InvalidValueError(header, value, unwritable)
                        place = f"appraisal {appraisal.id}, {table.name}.{header}"
                        message = f"{place}: {unwritable} (got {value!r})"
                        problems.append(Problem(f"$[{position}]", message, error))
    return problems


def _unwritable(header: str, value: object) -> str | None:
    if isinstance(value, str):
        if value != value.strip():
            return "text with spaces around it would lose them"
        return None
    if isinstance(value, tuple):
        separator = ALIAS_SEPARATOR if header == "aliases" else LIST_SEPARATOR
        for item in value:
            if not item.strip() or item != item.strip():
                return "a list item that is empty or has spaces around it would be lost"
            if LIST_SEPARATOR in item or (header == "levels" and ALIAS_SEPARATOR in item):
                return f"a list item holding {separator!r} would be split"
    return None


def _quote_lost(value: object) -> str | None:
    """Say why a raw CSV cell would not read back equal (the reader drops a quote), or `None`."""
    text = f"{LIST_SEPARATOR} ".join(value) if isinstance(value, tuple) else value
    if isinstance(text, str) and restore_cell(text) != text:
        return "text starting with a quote before =, +, -, @ loses the quote unless raw=False"
    return None


# -- results ---------------------------------------------------------------------------


def result_rows(
    pairs: Sequence[tuple[Appraisal, Result]], lang: Language
) -> tuple[Rows, list[Problem]]:
    """
    Return the rows of the results tables, one per pair, or the problems that stop them.

    Each row joins a result to the appraisal it is paired with, never to another
    appraisal of the same id.  A result paired with another appraisal than its
    own, and a second pair of an appraisal id already exported (the ``figures``
    and ``categories`` rows are joined to their result by that id), are refused
    at ``$[i].appraisal_id``, the second naming the first one's position.
    """
    rows: Rows = {RESULTS: [], FIGURES: [], CATEGORIES: []}
    problems: list[Problem] = []
    first: dict[str, int] = {}
    for position, (appraisal, result) in enumerate(pairs):
        where = f"$[{position}]"
        if result.appraisal_id != appraisal.id:
            reason = f"is not the result of the appraisal it is paired with ({appraisal.id!r})"
            error = InvalidValueError("appraisal_id", result.appraisal_id, reason)
            problems.append(Problem.from_error(f"{where}.appraisal_id", error))
            continue
        if appraisal.id in first:
            reason = f"repeats the appraisal id of the result at $[{first[appraisal.id]}]"
            duplicate = DuplicateIdError("appraisal_id", appraisal.id, reason)
            problems.append(Problem.from_error(f"{where}.appraisal_id", duplicate))
            continue
        first[appraisal.id] = position
        employee = appraisal.employee
        for value in (employee.id, employee.name, *(gap.reason for gap in result.gaps)):
            unstorable = cell_problem(value)
            if unstorable is not None:
                problems.append(
                    Problem.from_error(where, InvalidValueError("text", value, unstorable))
                )
        _add_result(rows, appraisal, result, lang)
    return rows, problems


def _add_result(rows: Rows, appraisal: Appraisal, result: Result, lang: Language) -> None:
    employee = appraisal.employee
    rows[RESULTS].append(
        {
            "appraisal_id": appraisal.id,
            "employee_id": employee.id,
            "name": employee.name,
            "nip": None if employee.nip is None else str(employee.nip),
            "regime": result.regime,
            "grade": None if result.grade is None else result.grade.value,
            "grade_label": None if result.grade is None else result.grade.label(lang),
            "score": result.score,
            "complete": result.is_complete,
            "gaps": f"{LIST_SEPARATOR} ".join(f"{gap.path}: {gap.reason}" for gap in result.gaps)
            or None,
        }
    )
    key = {"appraisal_id": appraisal.id}
    rows[FIGURES].extend(
        {**key, "key": name, "value": value} for name, value in result.figures.items()
    )
    rows[CATEGORIES].extend(
        {**key, "key": name, "value": value} for name, value in result.ratings.items()
    )


# -- the cascading matrix --------------------------------------------------------------


def cascade_rows(matrix: CascadeMatrix, rolled: RollUp | None = None) -> Rows:
    """
    Return the rows of the ``cascade`` table: the cascading matrix of one leader.

    One row per leader's target and target that cascades from it, in the matrix's
    order (rows, then columns); a leader's target that nothing cascades from has one
    row with the ``child_`` cells empty.  With *rolled*, the ``value`` cell holds the
    target's rolled-up value written exactly (``12.5``, ``1/3``), empty when missing.
    """
    rows: list[dict[str, Any]] = []
    for row in matrix.rows:
        value = None if rolled is None else rolled.value(row.target.ref)
        leader = {
            "appraisal_id": matrix.appraisal_id,
            "employee_id": matrix.employee_id,
            "target_id": row.target.ref.target_id,
            "target_title": row.target.title,
            "value": None if value is None else format_number(value),
        }
        children = [
            {
                "child_appraisal_id": column.appraisal_id,
                "child_employee_id": column.employee_id,
                "child_name": column.employee_name,
                "child_target_id": entry.ref.target_id,
                "child_target_title": entry.title,
            }
            for column, cell in zip(matrix.columns, row.cells, strict=True)
            for entry in cell
        ]
        rows.extend({**leader, **child} for child in children or [{}])
    return {CASCADE: rows}
