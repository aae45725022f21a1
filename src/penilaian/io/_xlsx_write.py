"""
Writing an XLSX workbook: one sheet per table, styled headers, typed columns.

Id, NIP and text columns are formatted as Text (so Excel keeps leading zeros and
never turns ``1-2`` into a date), date columns as ``yyyy-mm-dd``; numbers are
written as numbers when Excel keeps them exactly (15 significant digits), else as
text.  Every text cell is a string cell, never a formula, whatever it starts with
(``=``, ``+``, ``-``, ``@``), so XLSX needs none of the quoting CSV cells get
(`penilaian.io.escaping.neutralise_cell`).  The workbook is saved to a temporary
file and renamed into place.
"""

from __future__ import annotations

import importlib
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final

from penilaian.io._extra import openpyxl_module
from penilaian.io._places import column_letter
from penilaian.io.export import INSTRUCTION_HEADERS, RULES, instruction_rows
from penilaian.io.files import staged
from penilaian.io.tables import INSTRUCTIONS_SHEET, LIST_SEPARATOR, ColumnType

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence
    from pathlib import Path

    from penilaian.io.tables import Column, Table

__all__ = ["excel_number", "write_xlsx"]

TEXT_FORMAT: Final = "@"
DATE_FORMAT: Final = "yyyy-mm-dd"
_FORMATS: Final = {
    ColumnType.ID: TEXT_FORMAT,
    ColumnType.NIP: TEXT_FORMAT,
    ColumnType.TEXT: TEXT_FORMAT,
    ColumnType.CHOICE: TEXT_FORMAT,
    ColumnType.LIST: TEXT_FORMAT,
    ColumnType.DATE: DATE_FORMAT,
}
_WIDTHS: Final = {ColumnType.TEXT: 36, ColumnType.LIST: 30, ColumnType.NIP: 22}
_EXCEL_DIGITS: Final = 15
_HEADER_FILL: Final = "DDEBF7"


def excel_number(value: Decimal) -> int | float | None:
    """Return *value* as the number Excel would keep exactly, or `None` if it cannot."""
    digits = value.normalize().as_tuple().digits
    if len(digits) > _EXCEL_DIGITS:
        return None
    if value == value.to_integral_value():
        return int(value)
    number = float(value)
    return number if Decimal(repr(number)) == value else None


class _Cells:
    """Makes the cells of one sheet, with the workbook's shared styles."""

    def __init__(self, sheet: Any) -> None:  # noqa: ANN401 - openpyxl's sheets are untyped
        cell_module = importlib.import_module("openpyxl.cell")
        styles = importlib.import_module("openpyxl.styles")
        self.sheet = sheet
        self.new = cell_module.WriteOnlyCell
        self.bold = styles.Font(bold=True)
        self.fill = styles.PatternFill("solid", fgColor=_HEADER_FILL)
        self.comment = importlib.import_module("openpyxl.comments").Comment

    def text(self, value: str, number_format: str | None = TEXT_FORMAT) -> Any:  # noqa: ANN401
        cell = self.new(self.sheet, value)
        cell.data_type = "s"  # never a formula, whatever the text starts with
        if number_format is not None:
            cell.number_format = number_format
        return cell

    def value(self, value: object, number_format: str | None) -> object:
        if value is None or isinstance(value, bool):
            return value
        if isinstance(value, tuple):
            return self.text(f"{LIST_SEPARATOR} ".join(value), number_format)
        if isinstance(value, str):
            return self.text(value, number_format)
        if isinstance(value, Decimal):
            number = excel_number(value)
            return self.text(format(value, "f"), None) if number is None else number
        cell = self.new(self.sheet, value)  # a date: rows hold no other type
        cell.number_format = DATE_FORMAT
        return cell

    def bold_text(self, value: str) -> Any:  # noqa: ANN401
        cell = self.text(value, None)
        cell.font, cell.fill = self.bold, self.fill
        return cell

    def header(self, column: Column, *, comment: bool) -> Any:  # noqa: ANN401
        cell = self.bold_text(column.header)
        if comment:
            need = "Wajib / Required" if column.required else "Opsional / Optional"
            choices = f"\n\n{', '.join(column.choices)}" if column.choices else ""
            text = f"{column.description_id}\n\n{column.description_en}\n\n{need}{choices}"
            cell.comment = self.comment(text, "penilaian", width=320, height=200)
        return cell


def write_xlsx(
    path: Path,
    tables: Sequence[tuple[Table, Iterable[Mapping[str, object]]]],
    *,
    instructions: bool,
) -> None:
    """
    Write *tables* as the sheets of an XLSX workbook at *path*, atomically.

    Args:
        path: The workbook to write; replaced if it exists.
        tables: Each table with its rows, in sheet order.
        instructions: Whether to add the ``petunjuk`` sheet first and describe
            each column in a comment on its header (for templates).
    """
    # The output is checked (and staged) first: a workbook built for an output that
    # cannot be written would be left half-made, and openpyxl complains when it goes.
    with staged([path]) as (temporary,):
        workbook = openpyxl_module().Workbook(write_only=True)
        if instructions:
            _instructions(workbook)
        for table, rows in tables:
            sheet = workbook.create_sheet(table.name)
            sheet.freeze_panes = "A2"
            cells = _Cells(sheet)
            formats = [_FORMATS.get(column.kind) for column in table.columns]
            for index, column in enumerate(table.columns):
                dimension = sheet.column_dimensions[column_letter(index)]
                dimension.width = _WIDTHS.get(column.kind, max(14, len(column.header) + 4))
                if formats[index] is not None:
                    dimension.number_format = formats[index]
            sheet.append([cells.header(column, comment=instructions) for column in table.columns])
            for row in rows:
                sheet.append(
                    [
                        cells.value(row.get(column.header), number_format)
                        for column, number_format in zip(table.columns, formats, strict=True)
                    ]
                )
        workbook.save(temporary)


def _instructions(workbook: Any) -> None:  # noqa: ANN401 - openpyxl's workbook is untyped
    sheet = workbook.create_sheet(INSTRUCTIONS_SHEET)
    cells = _Cells(sheet)
    for index, width in enumerate((16, 24, 20, 18, 60, 60, 40)):
        sheet.column_dimensions[column_letter(index)].width = width
    sheet.append([cells.bold_text("Petunjuk pengisian / How to fill in this workbook")])
    for indonesian, english in RULES:
        sheet.append([cells.text(indonesian, None)])
        sheet.append([cells.text(english, None)])
    sheet.append([])
    sheet.append([cells.bold_text(header) for header in INSTRUCTION_HEADERS])
    for row in instruction_rows():
        sheet.append([cells.text(value, None) for value in row])
