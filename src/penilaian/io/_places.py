"""
Where a problem is in a workbook, said the way a spreadsheet user reads it.

A `Where` is a whole file, a sheet, a run of rows, one cell or a range of cells.
Its `path` uses the spreadsheet's own reference notation (``targets!E7``,
``targets!5:7``, ``targets!A2:B2``), with row numbers as the spreadsheet shows them
(the header is row 1), and its `label` spells the same place out in words
(``targets, row 7, column E (target_value)``) for the problem's message.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING

import attrs

from penilaian.exceptions import (
    InvalidNipError,
    InvalidValueError,
    Problem,
    UnknownLabelError,
)
from penilaian.io.tables import TABLES, find_table

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["Finding", "Where", "column_letter", "describe", "show", "to_problems"]

_SHEET_RANK = {table.name: rank for rank, table in enumerate(TABLES)}


def column_letter(index: int) -> str:
    """Return the spreadsheet letters of the 0-based column *index*: 0 is A, 27 is AB."""
    letters = ""
    number = index + 1
    while number:
        number, remainder = divmod(number - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters


@attrs.frozen
class Where:
    """
    A place in a workbook: a file, a sheet, rows, a cell or a range of cells.

    Attributes:
        sheet: The sheet's name as the file spells it (a CSV file's name without
            ``.csv``), or the file's name for a problem with the whole file.
        row: The first row, numbered as the spreadsheet shows it; `None` for a
            whole sheet or file.
        column: The 0-based column, for a cell; `None` for whole rows.
        header: The column's header, for the message.
        last_row: The last row of a run of rows, if more than one.
        cells: A range of cells such as ``A2:B3``, for merged cells.
        whole_file: Whether *sheet* names the file rather than a sheet.
    """

    sheet: str
    row: int | None = None
    column: int | None = None
    header: str | None = None
    last_row: int | None = None
    cells: str | None = None
    whole_file: bool = False

    @property
    def path(self) -> str:
        """The place in the spreadsheet's notation: ``targets!E7``, ``targets!5:7``..."""
        if self.cells is not None:
            return f"{self.sheet}!{self.cells}"
        if self.row is None:
            return self.sheet
        if self.column is None:
            return f"{self.sheet}!{self.row}:{self.last_row or self.row}"
        return f"{self.sheet}!{column_letter(self.column)}{self.row}"

    @property
    def label(self) -> str:
        """The place in words: ``targets, row 7, column E (target_value)``."""
        if self.cells is not None:
            return f"{self.sheet}, cells {self.cells}"
        if self.row is None:
            return self.sheet
        if self.last_row is not None and self.last_row != self.row:
            return f"{self.sheet}, rows {self.row} to {self.last_row}"
        label = f"{self.sheet}, row {self.row}"
        if self.column is not None:
            label += f", column {column_letter(self.column)}"
        if self.header is not None:
            label += f" ({self.header})"
        return label

    @property
    def sort_key(self) -> tuple[int, int, int]:
        """Files first, then sheets in the layout's order, rows, columns."""
        if self.whole_file:
            rank = -1
        else:  # a sheet may be named in Indonesian: ranked as its table
            table = find_table(self.sheet)
            rank = _SHEET_RANK[table.name] if table else len(_SHEET_RANK)
        return (rank, self.row or 0, -1 if self.column is None else self.column)


@attrs.frozen
class Finding:
    """
    One problem found while reading, before it becomes a `Problem`.

    Attributes:
        where: Where it is.
        reason: What is wrong, in words.
        error: The typed error behind it.
        blocks: Whether it stops the rows from being joined into appraisals (a
            problem with the layout: a missing sheet, a wrong header) or leaves
            the rest readable (a merged cell, an empty row, an unknown sheet).
    """

    where: Where
    reason: str
    error: Exception | None = None
    blocks: bool = True


def show(value: object) -> str:
    """Show a cell's value the way the user typed it: text in quotes, numbers and dates plain."""
    if value is None:
        return "an empty cell"
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, Decimal | int | float):
        return str(value)
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return repr(value)


def describe(error: InvalidValueError) -> str:
    """Say what is wrong with a value, from the typed error of the library."""
    if isinstance(error, UnknownLabelError):
        accepted = ", ".join(error.accepted)
        return f"{show(error.value)} is not a known {error.enum}; accepted: {accepted}"
    if isinstance(error, InvalidNipError):
        return f"{error.group}: {error.reason} (got {show(error.value)})"
    return f"{error.reason} (got {show(error.value)})"


def to_problems(findings: Iterable[Finding]) -> list[Problem]:
    """Turn *findings* into problems, ordered by sheet, row and column."""
    ordered = sorted(findings, key=lambda finding: finding.where.sort_key)
    return [
        Problem(finding.where.path, f"{finding.where.label}: {finding.reason}", finding.error)
        for finding in ordered
    ]
