"""
From the files and the rows of sheets (XLSX) or files (CSV) to checked raw tables.

Both readers read a file through `read_checked`, the project's one input check
(`penilaian.serialization.read_file`), and hand over each sheet as its title and
its rows of raw cell values; this module checks what is common to both: which
sheets there are, the header row (unknown, repeated and missing columns), values
in columns without a header, empty rows in the middle of a table, and the row limit.
Sheets and headers are matched by their English ids or their Indonesian names
(`penilaian.io.tables`), case and spacing aside; a table is then known by its id.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Final, TypeAlias, cast

import attrs

from penilaian.exceptions import DuplicateIdError, InvalidInputError, InvalidValueError
from penilaian.io._columns import header_key
from penilaian.io._places import Finding, Where, column_letter, show
from penilaian.io.tables import INSTRUCTIONS_SHEET, LISTS_SHEET, TABLES, Table, find_table
from penilaian.serialization import read_file

if TYPE_CHECKING:
    import datetime as dt
    from pathlib import Path

__all__ = [
    "EXCEL_MAX_ROWS",
    "CellError",
    "Formula",
    "Percent",
    "RawTable",
    "RawValue",
    "SheetRows",
    "collect",
    "is_blank",
    "read_checked",
]

EXCEL_MAX_ROWS: Final = 1_048_576
"""The last row a worksheet can have; a sheet claiming more is not read further."""

_SKIPPED_SHEETS: Final = frozenset(header_key(name) for name in (INSTRUCTIONS_SHEET, LISTS_SHEET))


@attrs.frozen
class Formula:
    """A cell holding a formula, which the reader never calculates."""

    text: str


@attrs.frozen
class CellError:
    """A cell showing an error value such as ``#N/A``."""

    code: str


@attrs.frozen
class Percent:
    """A number in a cell formatted as a percentage (Excel stores 93 % as 0.93)."""

    value: int | float


RawValue: TypeAlias = (
    "str | int | float | bool | dt.datetime | dt.date | dt.time | dt.timedelta "
    "| Formula | CellError | Percent | None"
)
"""A cell as a reader found it: text, a number, a date... or `None` when empty."""


@attrs.frozen
class SheetRows:
    """
    One sheet as a reader hands it over.

    Attributes:
        title: The sheet's name (a CSV file's name without ``.csv``).
        rows: Its rows, the header row first, numbered from 1 without gaps.
        findings: Problems the reader found with the sheet itself (merged cells,
            undecodable text), reported with the others.
        readable: Whether its rows can be read at all; an unreadable sheet is
            reported by its reader and otherwise only counted as present.
    """

    title: str
    rows: Iterable[Sequence[RawValue]]
    findings: tuple[Finding, ...] = ()
    readable: bool = True


@attrs.frozen
class RawTable:
    """
    A sheet whose structure passed: its columns and its non-empty data rows.

    Attributes:
        table: The layout it follows.
        title: Its name, as the file spells it.
        columns: Each header present, with its 0-based column.
        rows: Each data row with its number, as the spreadsheet shows it.
    """

    table: Table
    title: str
    columns: dict[str, int]
    rows: tuple[tuple[int, Sequence[RawValue]], ...]


def read_checked(path: Path, max_bytes: int) -> bytes | Finding:
    """
    Return the bytes of the regular file *path*, or the finding that refuses it.

    The check is the project's one (`penilaian.serialization.read_file`): a missing
    file, a directory, a device, a named pipe or a file over *max_bytes* is one
    problem with the whole file, never a wait on a pipe nor a read past the limit.
    """
    try:
        return read_file(path, limit=max_bytes, limit_name="max_bytes")
    except InvalidInputError as refused:
        (problem,) = refused.problems
        error = cast("InvalidValueError", problem.error)  # the check's errors all are
        return Finding(Where(path.name, whole_file=True), error.reason, error)


def is_blank(value: RawValue) -> bool:
    """Tell whether a cell is empty: nothing, or text of spaces only."""
    return value is None or (isinstance(value, str) and not value.strip())


def collect(
    sheets: Iterable[SheetRows], *, max_rows: int, noun: str
) -> tuple[dict[str, RawTable], list[Finding]]:
    """
    Check the sheets and return the tables found, with every problem.

    Args:
        sheets: The sheets, in the file's order.
        max_rows: The most data rows a sheet may have.
        noun: ``"sheet"`` or ``"file"``, for the messages.

    Returns:
        The tables found, by layout name, and the problems.  A table is returned
        even when its header has problems, so that its cells are still checked.
    """
    tables: dict[str, RawTable] = {}
    seen: dict[str, str] = {}
    findings: list[Finding] = []
    for sheet in sheets:
        findings.extend(sheet.findings)
        if header_key(sheet.title) in _SKIPPED_SHEETS:
            continue
        table = find_table(sheet.title)
        if table is None:
            findings.append(_unknown_sheet(sheet.title, noun))
            continue
        if table.name in seen:
            reason = f"a second {noun} for table {table.name} (the first is {seen[table.name]})"
            error = DuplicateIdError(noun, sheet.title, reason)
            findings.append(Finding(Where(sheet.title), reason, error))
            continue
        seen[table.name] = sheet.title
        raw = _read_table(table, sheet, max_rows, findings) if sheet.readable else None
        if raw is not None:
            tables[table.name] = raw
    for table in TABLES:
        if table.required and table.name not in seen:
            reason = f"the {noun} {table.name} is missing; it is required (even with no rows)"
            missing = InvalidValueError(noun, table.name, reason)
            findings.append(Finding(Where(table.name), reason, missing))
    return tables, findings


def _suggestion(text: str, options: Sequence[str]) -> str:
    close = difflib.get_close_matches(text.strip().casefold(), options, n=1)
    return f" (did you mean {close[0]}?)" if close else ""


def _unknown_sheet(title: str, noun: str) -> Finding:
    names = [table.name for table in TABLES]
    reason = (
        f"unknown {noun} {show(title)}{_suggestion(title, names)}; "
        f"the {noun}s are {', '.join(names)} and {INSTRUCTIONS_SHEET}"
    )
    return Finding(Where(title), reason, InvalidValueError(noun, title, reason), blocks=False)


def _read_table(
    table: Table, sheet: SheetRows, max_rows: int, findings: list[Finding]
) -> RawTable | None:
    rows = iter(sheet.rows)
    header = next(rows, None)
    if header is None or all(is_blank(cell) for cell in header):
        reason = f"row 1 must hold the column headers ({', '.join(table.headers)})"
        findings.append(
            Finding(Where(sheet.title, 1), reason, InvalidValueError("header", None, reason))
        )
        return None
    columns = _read_header(table, sheet.title, header, findings)
    headed = frozenset(index for index, cell in enumerate(header) if not is_blank(cell))
    data = _read_rows(sheet.title, rows, headed, max_rows, findings)
    return RawTable(table, sheet.title, columns, data)


def _read_header(
    table: Table, title: str, header: Sequence[RawValue], findings: list[Finding]
) -> dict[str, int]:
    columns: dict[str, int] = {}
    for index, cell in enumerate(header):
        if is_blank(cell):
            continue
        where = Where(title, 1, index)
        if not isinstance(cell, str):
            reason = f"a column header must be text (got {show(cell)})"
            findings.append(Finding(where, reason, InvalidValueError("header", cell, reason)))
            continue
        name = cell.strip()
        column = table.column(name)
        if column is None:
            reason = (
                f"unknown column {show(name)}{_suggestion(name, table.headers)}; "
                f"the columns of {table.name} are {', '.join(table.headers)}"
            )
            findings.append(Finding(where, reason, InvalidValueError("header", name, reason)))
        elif column.header in columns:
            first = column_letter(columns[column.header])
            reason = f"column {column.header} repeats column {first}"
            findings.append(Finding(where, reason, DuplicateIdError("header", name, reason)))
        else:
            columns[column.header] = index
    for column in table.columns:
        if column.required and column.header not in columns:
            reason = f"the required column {column.header} is missing"
            error = InvalidValueError("header", column.header, reason)
            findings.append(Finding(Where(title, 1), reason, error))
    return columns


def _read_rows(
    title: str,
    rows: Iterable[Sequence[RawValue]],
    headed: frozenset[int],
    max_rows: int,
    findings: list[Finding],
) -> tuple[tuple[int, Sequence[RawValue]], ...]:
    data: list[tuple[int, Sequence[RawValue]]] = []
    blank_from: int | None = None
    for number, cells in enumerate(rows, start=2):
        if number > EXCEL_MAX_ROWS:
            reason = f"rows go past the last row a worksheet can have ({EXCEL_MAX_ROWS})"
            findings.append(
                Finding(Where(title), reason, InvalidValueError("rows", number, reason))
            )
            break
        filled = [
            index
            for index, cell in enumerate(cells)
            if cell is not None and (not isinstance(cell, str) or cell.strip())
        ]
        if not filled:
            blank_from = number if blank_from is None else blank_from
            continue
        if blank_from is not None:
            findings.append(_blank_rows(title, blank_from, number - 1))
            blank_from = None
        if len(data) == max_rows:
            reason = (
                f"more than {max_rows:,} rows; split the workbook, or raise the limit "
                "(max_rows) if the machine can take it"
            )
            findings.append(
                Finding(Where(title), reason, InvalidValueError("rows", number, reason))
            )
            break
        for index in filled:
            if index not in headed:
                reason = f"a value in a column without a header (got {show(cells[index])})"
                error = InvalidValueError(column_letter(index), cells[index], reason)
                findings.append(Finding(Where(title, number, index), reason, error, blocks=False))
        data.append((number, cells))
    return tuple(data)


def _blank_rows(title: str, first: int, last: int) -> Finding:
    rows = "an empty row" if first == last else "empty rows"
    reason = f"{rows} in the middle of the table (rows below hold data); delete them"
    error = InvalidValueError("row", first, reason)
    return Finding(Where(title, first, last_row=last), reason, error, blocks=False)
