"""
Writing an XLSX workbook: one sheet per table, styled headers, typed columns.

Id, NIP and text columns are formatted as Text (so Excel keeps leading zeros and
never turns ``1-2`` into a date), date columns as ``yyyy-mm-dd``; numbers are
written as numbers when Excel keeps them exactly (15 significant digits), else as
text.  Every text cell is a string cell, never a formula, whatever it starts with
(``=``, ``+``, ``-``, ``@``), so XLSX needs none of the quoting CSV cells get
(`penilaian.io.escaping.neutralise_cell`).  The workbook is saved to a temporary
file and renamed into place.

A template also gets a drop-down list on every choice and yes/no column, and on a
rating's ``scale_id`` and ``level`` (`penilaian.io._choices`), covering every row
below the header.  A list whose values fit Excel's 255 characters is written in the
rule itself; a longer one on the hidden ``pilihan`` sheet (`LISTS_SHEET`), which the
reader skips.
"""

from __future__ import annotations

import importlib
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final

from penilaian.io._choices import Dropdown, dropdowns
from penilaian.io._extra import openpyxl_module
from penilaian.io._places import column_letter
from penilaian.io._source import EXCEL_MAX_ROWS
from penilaian.io.export import INSTRUCTION_HEADERS, RULES, instruction_rows
from penilaian.io.files import staged
from penilaian.io.tables import INSTRUCTIONS_SHEET, LIST_SEPARATOR, LISTS_SHEET, ColumnType

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence
    from pathlib import Path

    from penilaian._base.labels import Language
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
_INLINE_LIMIT: Final = 255  # the most characters Excel takes in a list written in its rule
_CLOSED_ERROR: Final = "Pilih satu nilai dari daftar. / Choose a value from the list."
_OPEN_ERROR: Final = (
    "Nilai ini tidak ada di daftar; tetap pakai bila skalanya ada di lembar scales. / "
    "Not in the list; keep it if its scale is on the scales sheet."
)


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

    def header(
        self, column: Column, *, comment: bool, lang: Language, offered: Dropdown | None
    ) -> Any:  # noqa: ANN401
        cell = self.bold_text(column.heading(lang))
        if comment:
            need = "Wajib / Required" if column.required else "Opsional / Optional"
            values = column.choices if offered is None else offered.values
            choices = f"\n\n{', '.join(values)}" if values else ""
            text = f"{column.description_id}\n\n{column.description_en}\n\n{need}{choices}"
            cell.comment = self.comment(text, "penilaian", width=320, height=200)
        return cell


def write_xlsx(
    path: Path,
    tables: Sequence[tuple[Table, Iterable[Mapping[str, object]]]],
    *,
    instructions: bool,
    lang: Language = "en",
    scale_ids: Sequence[str] = (),
) -> None:
    """
    Write *tables* as the sheets of an XLSX workbook at *path*, atomically.

    Args:
        path: The workbook to write; replaced if it exists.
        tables: Each table with its rows, in sheet order.
        instructions: Whether to write a template: the ``petunjuk`` sheet first,
            each column described in a comment on its header, and drop-down lists.
        lang: The language of the sheet names and headers (and of a template's
            lists): the English ids, or the Indonesian names.
        scale_ids: The scales a template's ``scales`` sheet defines, offered in the
            list of a rating's ``scale_id``.
    """
    # The output is checked (and staged) first: a workbook built for an output that
    # cannot be written would be left half-made, and openpyxl complains when it goes.
    with staged([path]) as (temporary,):
        workbook = openpyxl_module().Workbook(write_only=True)
        if instructions:
            _instructions(workbook, lang)
        lists = _Lists()
        for table, rows in tables:
            offered = dropdowns(table, lang, scale_ids) if instructions else {}
            sheet = workbook.create_sheet(table.sheet_name(lang))
            sheet.freeze_panes = "A2"
            cells = _Cells(sheet)
            formats = [_FORMATS.get(column.kind) for column in table.columns]
            for index, column in enumerate(table.columns):
                dimension = sheet.column_dimensions[column_letter(index)]
                dimension.width = _WIDTHS.get(column.kind, max(14, len(column.header) + 4))
                if formats[index] is not None:
                    dimension.number_format = formats[index]
            sheet.append(
                [
                    cells.header(
                        column, comment=instructions, lang=lang, offered=offered.get(column.header)
                    )
                    for column in table.columns
                ]
            )
            for index, column in enumerate(table.columns):
                if column.header in offered:
                    sheet.data_validations.append(
                        lists.validation(offered[column.header], column_letter(index))
                    )
            for row in rows:
                sheet.append(
                    [
                        cells.value(row.get(column.header), number_format)
                        for column, number_format in zip(table.columns, formats, strict=True)
                    ]
                )
        lists.write(workbook)
        workbook.save(temporary)


class _Lists:
    """Makes the drop-down rules of a workbook, keeping the lists too long for a rule."""

    def __init__(self) -> None:
        self.validation_class = importlib.import_module(
            "openpyxl.worksheet.datavalidation"
        ).DataValidation
        self.kept: dict[tuple[str, ...], str] = {}  # each long list, once, with its range

    def validation(self, dropdown: Dropdown, letter: str) -> Any:  # noqa: ANN401
        """Return the list rule for the column *letter*, every row below the header."""
        inline = ",".join(dropdown.values)
        if len(inline) <= _INLINE_LIMIT and not any(
            "," in value or '"' in value for value in dropdown.values
        ):
            formula = f'"{inline}"'
        else:
            formula = self._range(dropdown.values)
        closed = dropdown.closed
        rule = self.validation_class(
            type="list",
            formula1=formula,
            allow_blank=True,
            showErrorMessage=True,
            errorStyle="stop" if closed else "warning",
            error=_CLOSED_ERROR if closed else _OPEN_ERROR,
        )
        rule.add(f"{letter}2:{letter}{EXCEL_MAX_ROWS}")
        return rule

    def _range(self, values: tuple[str, ...]) -> str:
        found = self.kept.get(values)
        if found is None:
            letter = column_letter(len(self.kept))
            found = f"'{LISTS_SHEET}'!${letter}$1:${letter}${len(values)}"
            self.kept[values] = found
        return found

    def write(self, workbook: Any) -> None:  # noqa: ANN401 - openpyxl's workbook is untyped
        """Add the hidden sheet of the long lists, one list per column, if there is any."""
        if not self.kept:
            return
        sheet = workbook.create_sheet(LISTS_SHEET)
        sheet.sheet_state = "hidden"
        cells = _Cells(sheet)
        columns = list(self.kept)
        for number in range(max(len(values) for values in columns)):
            sheet.append(
                [
                    cells.text(values[number], None) if number < len(values) else None
                    for values in columns
                ]
            )


def _instructions(workbook: Any, lang: Language) -> None:  # noqa: ANN401 - openpyxl's workbook is untyped
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
    for row in instruction_rows(lang):
        sheet.append([cells.text(value, None) for value in row])
