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

from penilaian.exceptions import DuplicateIdError, InvalidValueError, Problem
from penilaian.io.tables import (
    ALIAS_SEPARATOR,
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
    from collections.abc import Iterator, Sequence

    from penilaian._base.labels import Language
    from penilaian.model.appraisal import Appraisal
    from penilaian.model.raters import Scale
    from penilaian.scoring.result import Result

__all__ = [
    "INSTRUCTION_HEADERS",
    "MAX_CELL_TEXT",
    "RULES",
    "Rows",
    "appraisal_rows",
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


def check_writable(appraisals: Sequence[Appraisal], rows: Rows) -> list[Problem]:
    """Return a problem for each value that would not read back equal."""
    problems: list[Problem] = []
    index = {appraisal.id: position for position, appraisal in enumerate(appraisals)}
    seen: set[str] = set()
    for position, appraisal in enumerate(appraisals):
        if appraisal.id in seen:
            reason = "repeats the id of an earlier appraisal"
            duplicate = DuplicateIdError("id", appraisal.id, reason)
            problems.append(Problem.from_error(f"$[{position}].id", duplicate))
        seen.add(appraisal.id)
        if BUILTIN_FRAMEWORKS.get(appraisal.framework.id) != appraisal.framework:
            reason = f"a spreadsheet names a built-in framework ({', '.join(BUILTIN_FRAMEWORKS)})"
            error = InvalidValueError("framework", appraisal.framework.id, reason)
            problems.append(
                Problem(f"$[{position}].framework", f"{reason}; this one is custom", error)
            )
    for table, table_rows in rows.items():
        for row in table_rows:
            for header, value in row.items():
                unwritable = cell_problem(value) or _unwritable(header, value)
                if unwritable is not None:
                    where = f"$[{index[row['appraisal_id']]}]"
                    error = InvalidValueError(header, value, unwritable)
                    place = f"appraisal {row['appraisal_id']}, {table.name}.{header}"
                    message = f"{place}: {unwritable} (got {value!r})"
                    problems.append(Problem(where, message, error))
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


# -- results ---------------------------------------------------------------------------


def result_rows(
    results: Sequence[Result], appraisals: Sequence[Appraisal], lang: Language
) -> tuple[Rows, list[Problem]]:
    """Return the rows of the results tables, or the problems that stop them."""
    by_id = {appraisal.id: appraisal for appraisal in appraisals}
    rows: Rows = {RESULTS: [], FIGURES: [], CATEGORIES: []}
    problems: list[Problem] = []
    for position, result in enumerate(results):
        appraisal = by_id.get(result.appraisal_id)
        if appraisal is None:
            reason = "no appraisal with this id was given"
            error = InvalidValueError("appraisal_id", result.appraisal_id, reason)
            problems.append(Problem.from_error(f"$[{position}].appraisal_id", error))
            continue
        employee = appraisal.employee
        for value in (employee.id, employee.name, *(gap.reason for gap in result.gaps)):
            unstorable = cell_problem(value)
            if unstorable is not None:
                bad = InvalidValueError("text", value, unstorable)
                problems.append(Problem.from_error(f"$[{position}]", bad))
        rows[RESULTS].append(
            {
                "appraisal_id": result.appraisal_id,
                "employee_id": employee.id,
                "name": employee.name,
                "nip": None if employee.nip is None else str(employee.nip),
                "regime": result.regime,
                "grade": None if result.grade is None else result.grade.value,
                "grade_label": None if result.grade is None else result.grade.label(lang),
                "score": result.score,
                "complete": result.is_complete,
                "gaps": f"{LIST_SEPARATOR} ".join(
                    f"{gap.path}: {gap.reason}" for gap in result.gaps
                )
                or None,
            }
        )
        key = {"appraisal_id": result.appraisal_id}
        rows[FIGURES].extend(
            {**key, "key": name, "value": value} for name, value in result.figures.items()
        )
        rows[CATEGORIES].extend(
            {**key, "key": name, "value": value} for name, value in result.ratings.items()
        )
    return rows, problems


# -- the instructions -------------------------------------------------------------------

RULES: Final = (
    (
        "Satu lembar per tabel; baris 1 berisi nama kolom (jangan diubah). Urutan kolom bebas.",
        "One sheet per table; row 1 holds the column headers (keep them). Column order is free.",
    ),
    (
        "Sel kosong berarti tidak ada (bukan 0). Kolom wajib harus diisi di setiap baris.",
        "An empty cell is missing (never 0). Required columns are filled on every row.",
    ),
    (
        "Tanggal: sel tanggal, atau teks YYYY-MM-DD. Angka memakai titik desimal (2.5).",
        "Dates: a date cell, or text YYYY-MM-DD. Numbers use a decimal point (2.5).",
    ),
    (
        "Kode dan NIP ditulis sebagai teks (kolomnya sudah berformat Text).",
        "Ids and NIPs are text (their columns are formatted as Text).",
    ),
    (
        "Daftar (bukti dukung, levels) dipisah titik koma. Jangan menggabung sel, jangan rumus.",
        "Lists (evidence, levels) are separated by semicolons. Do not merge cells or use formulas.",
    ),
    (
        "Jangan menyisakan baris kosong di tengah tabel. Lembar opsional boleh dihapus.",
        "Leave no empty row inside a table. Optional sheets may be deleted.",
    ),
)
"""The general rules printed at the top of the instructions sheet: (Indonesian, English)."""


def instruction_rows() -> Iterator[tuple[str, ...]]:
    """Yield one row per column of every table: what it is, in both languages."""
    for table in TABLES:
        for column in table.columns:
            yield (
                table.name,
                column.header,
                "wajib / required" if column.required else "opsional / optional",
                f"{column.kind.label_id} / {column.kind.label_en}",
                column.description_id,
                column.description_en,
                ", ".join(column.choices),
            )


INSTRUCTION_HEADERS: Final = (
    "sheet",
    "column",
    "required",
    "type",
    "keterangan",
    "description",
    "choices",
)
"""The header of the instructions table."""
