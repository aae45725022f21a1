"""
What a template offers in its drop-down lists, and its example rows in the template's language.

Every value a list offers reads back through the reader as it is offered: a choice
backed by an enumeration offers its ids (an English template) or its Indonesian
labels (an Indonesian one), both of which `penilaian._base.labels.LabelledEnum.parse`
accepts; a choice of fixed ids offers the ids; a yes/no column offers ``TRUE`` and
``FALSE`` or ``Ya`` and ``Tidak`` (`penilaian.io._cells.TRUE_WORDS`).  These lists
are closed: a spreadsheet program refuses anything else.

Two lists are open, since a workbook may add to them: a rating's ``scale_id`` offers
the built-in scales and the scales of the example, and its ``level`` the levels of the
built-in expectation scale; another value only draws a warning.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

import attrs

from penilaian.io._scale_ids import BUILTIN_SCALES
from penilaian.io.tables import RATINGS, SCALES, ColumnType
from penilaian.model.raters import ExpectationLevel

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence

    from penilaian._base.labels import Language
    from penilaian.io.tables import Column, Table

    Rows = Mapping[Table, Sequence[Mapping[str, object]]]

__all__ = ["FLAG_WORDS", "Dropdown", "choice_values", "dropdowns", "localised_rows", "scale_ids"]

FLAG_WORDS: Final[Mapping[Language, tuple[str, str]]] = {
    "en": ("TRUE", "FALSE"),
    "id": ("Ya", "Tidak"),
}
"""What a yes/no column offers, yes first, by the template's language."""


@attrs.frozen
class Dropdown:
    """
    One column's drop-down list.

    Attributes:
        values: The values offered, in order.
        closed: Whether any other value is refused (else it only draws a warning).
    """

    values: tuple[str, ...]
    closed: bool = True


def choice_values(column: Column, lang: Language = "en") -> tuple[str, ...]:
    """
    Return the values a closed list offers for *column*, or ``()`` for a column without one.

    A choice of an enumeration offers its ids in English and its Indonesian labels
    in Indonesian; a choice of fixed ids its ids; a yes/no column `FLAG_WORDS`.
    """
    if column.kind is ColumnType.BOOLEAN:
        return FLAG_WORDS[lang]
    if column.kind is not ColumnType.CHOICE:
        return ()
    if column.enum is not None and lang == "id":
        return tuple(member.label_id for member in column.enum)
    return column.choices


def dropdowns(
    table: Table, lang: Language = "en", scale_ids: Iterable[str] = ()
) -> dict[str, Dropdown]:
    """
    Return the drop-down list of each column of *table* that has one, by header.

    Args:
        table: The table.
        lang: The template's language.
        scale_ids: The ids of the scales the template's ``scales`` sheet defines,
            offered with the built-in ones for a rating's ``scale_id``.
    """
    lists = {
        column.header: Dropdown(values)
        for column in table.columns
        if (values := choice_values(column, lang))
    }
    if table is RATINGS:
        scales = dict.fromkeys((*BUILTIN_SCALES, *scale_ids))
        lists["scale_id"] = Dropdown(tuple(scales), closed=False)
        levels = (level.label(lang) if lang == "id" else level.value for level in ExpectationLevel)
        lists["level"] = Dropdown(tuple(levels), closed=False)
    return lists


def scale_ids(rows: Rows) -> tuple[str, ...]:
    """Return the scale ids the ``scales`` rows of *rows* define, each once, in order."""
    found = (row.get("scale_id") for row in rows.get(SCALES, ()))
    return tuple(dict.fromkeys(item for item in found if isinstance(item, str)))


def localised_rows(rows: Rows, lang: Language) -> dict[Table, list[dict[str, object]]]:
    """
    Return *rows* as a template in *lang* writes them.

    In Indonesian, a choice of an enumeration is written as its Indonesian label and a
    yes/no cell as ``Ya`` or ``Tidak``; the reader reads both back to the same values.
    In English the rows are returned as they are.
    """
    if lang != "id":
        return {table: [dict(row) for row in table_rows] for table, table_rows in rows.items()}
    return {
        table: [_localised(table, row) for row in table_rows] for table, table_rows in rows.items()
    }


def _localised(table: Table, row: Mapping[str, object]) -> dict[str, object]:
    cells = dict(row)
    for column in table.columns:
        value = cells.get(column.header)
        if column.kind is ColumnType.BOOLEAN and isinstance(value, bool):
            yes, no = FLAG_WORDS["id"]
            cells[column.header] = yes if value else no
        elif column.enum is not None and isinstance(value, str):
            cells[column.header] = column.enum(value).label_id
    return cells
