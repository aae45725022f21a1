"""
Reading one cell: from what a reader found to the value its column's type calls for.

XLSX cells arrive as text, numbers, booleans or dates; CSV cells always as text.
The same rules serve both, so a CSV file and a workbook that say the same thing
read the same.  Nothing is guessed: a number in an id column, text in a date
column or a percentage in a number column is refused with what to do instead.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Final

from penilaian._base.labels import normalise_label
from penilaian._base.numbers import to_decimal
from penilaian.exceptions import InvalidNumberError, InvalidValueError, UnknownLabelError
from penilaian.io._places import show
from penilaian.io._source import CellError, Formula, Percent
from penilaian.io.tables import LIST_SEPARATOR, ColumnType

if TYPE_CHECKING:
    from collections.abc import Callable

    from penilaian.io._source import RawValue
    from penilaian.io.tables import Column

__all__ = ["FALSE_WORDS", "TRUE_WORDS", "cell_reader", "read_cell"]

TRUE_WORDS: Final = frozenset({"ya", "y", "yes", "true", "benar"})
"""Text read as yes in a yes/no column (case ignored)."""

FALSE_WORDS: Final = frozenset({"tidak", "no", "n", "false", "salah"})
"""Text read as no in a yes/no column (case ignored)."""

_ISO_DATE: Final = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_DECIMAL_COMMA: Final = re.compile(r"[+-]?[0-9]*,[0-9]+")
_AS_TEXT: Final = "format the column as Text and type it again"


def read_cell(column: Column, value: RawValue) -> object:
    """
    Return the value of a cell of *column*: `None` when empty, else typed.

    Returns:
        `None`, or a `str` (ids, text, NIP, choices as their canonical id), a
        `Decimal`, a `datetime.date`, a `bool`, or a tuple of `str` (lists).

    Raises:
        InvalidValueError: naming the column's header, for a value that its type
            refuses (the reason says what to do instead).
    """
    return cell_reader(column)(value)


def cell_reader(column: Column) -> Callable[[RawValue], object]:
    """Return the function that reads the cells of *column* (see `read_cell`)."""
    read_text = _READ_TEXT[column.kind]
    read_other = _READ_OTHER[column.kind]

    def read(value: RawValue) -> object:
        if isinstance(value, str):
            text = value.strip()
            return read_text(column, text) if text else None
        if value is None:
            return None
        if isinstance(value, Formula):
            reason = (
                "a formula is never calculated by the reader; "
                "replace it by its value (Copy, then Paste Special > Values)"
            )
            raise InvalidValueError(column.header, value.text, reason)
        if isinstance(value, CellError):
            reason = f"the cell shows the error {value.code}; enter a value"
            raise InvalidValueError(column.header, value.code, reason)
        return read_other(column, value)

    return read


# -- text, as every CSV cell and most XLSX cells are ---------------------------------------


def _text(_column: Column, text: str) -> object:
    return text


def _number(column: Column, text: str) -> object:
    if _DECIMAL_COMMA.fullmatch(text):
        reason = "write numbers with a decimal point (2.5), not a comma"
        raise InvalidNumberError(column.header, text, reason)
    if text.endswith("%"):
        reason = "write the number without % (93 for 93 %)"
        raise InvalidNumberError(column.header, text, reason)
    return to_decimal(text, column.header)


def _date(column: Column, text: str) -> object:
    if not _ISO_DATE.fullmatch(text):
        reason = "enter a date: a date cell, or text in the form YYYY-MM-DD such as 2024-03-15"
        raise InvalidValueError(column.header, text, reason)
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise InvalidValueError(column.header, text, "is not a calendar date") from None


def _boolean(column: Column, text: str) -> object:
    word = text.casefold()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    reason = "write Ya or Tidak (yes/no, TRUE/FALSE), or leave the cell empty for no"
    raise InvalidValueError(column.header, text, reason)


def _choice(column: Column, text: str) -> object:
    if column.enum is not None:
        return column.enum.parse(text, column.header).value
    if text in column.choices:
        return text  # the common case: written as the template spells it
    key = normalise_label(text)
    for choice in column.choices:
        if normalise_label(choice) == key:
            return choice
    raise UnknownLabelError(column.header, text, column.header, column.choices)


def _list(_column: Column, text: str) -> object:
    items = tuple(item.strip() for item in text.split(LIST_SEPARATOR))
    return tuple(item for item in items if item)


_READ_TEXT: Final[dict[ColumnType, Callable[[Column, str], object]]] = {
    ColumnType.ID: _text,
    ColumnType.TEXT: _text,
    ColumnType.NIP: _text,
    ColumnType.NUMBER: _number,
    ColumnType.DATE: _date,
    ColumnType.BOOLEAN: _boolean,
    ColumnType.CHOICE: _choice,
    ColumnType.LIST: _list,
}


# -- typed XLSX cells: numbers, booleans, dates ----------------------------------------


def _refuse(column: Column, value: object, reason: str) -> InvalidValueError:
    return InvalidValueError(column.header, value, reason)


def _kind_of(value: object) -> str:
    if isinstance(value, bool):
        return "TRUE/FALSE"
    if isinstance(value, dt.datetime | dt.date):
        return "a date"
    if isinstance(value, dt.time | dt.timedelta):
        return "a time"
    return "a number"


def _other_id(column: Column, value: object) -> object:
    if isinstance(value, int | float | Percent) and not isinstance(value, bool):
        reason = f"an id typed as a number (Excel drops leading zeros); {_AS_TEXT}"
    else:
        reason = f"an id must be text, not {_kind_of(value)}; {_AS_TEXT}"
    raise _refuse(column, _plain(value), reason)


def _other_nip(column: Column, value: object) -> object:
    if isinstance(value, int | float | Percent) and not isinstance(value, bool):
        reason = (
            "a NIP stored as a number loses digits (Excel keeps 15 and drops leading "
            f"zeros); {_AS_TEXT}"
        )
    else:
        reason = f"a NIP must be text; {_AS_TEXT}"
    raise _refuse(column, _plain(value), reason)


def _other_text(column: Column, value: object) -> object:
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    reason = f"expected text, not {_kind_of(value)}; {_AS_TEXT}"
    raise _refuse(column, _plain(value), reason)


def _other_list(column: Column, value: object) -> object:
    text = _other_text(column, value)
    return (text,)


def _other_number(column: Column, value: object) -> object:
    if isinstance(value, Percent):
        reason = (
            "the cell is formatted as a percentage, so Excel stores 93 % as 0.93; "
            "format it as a number and type 93"
        )
        raise InvalidNumberError(column.header, value.value, reason)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return to_decimal(value, column.header)
    raise InvalidNumberError(
        column.header, _plain(value), f"expected a number, not {_kind_of(value)}"
    )


def _other_date(column: Column, value: object) -> object:
    if isinstance(value, dt.datetime):
        if value.time() != dt.time():
            reason = "the date has a time of day; enter a date only"
            raise _refuse(column, value, reason)
        return value.date()
    if isinstance(value, dt.date):
        return value
    reason = (
        f"enter a date, not {_kind_of(value)}: format the cell as a date, "
        "or type the date as text YYYY-MM-DD"
    )
    raise _refuse(column, _plain(value), reason)


def _other_boolean(column: Column, value: object) -> object:
    if isinstance(value, bool):
        return value
    reason = "write Ya or Tidak (yes/no, TRUE/FALSE), or leave the cell empty for no"
    raise _refuse(column, _plain(value), reason)


def _other_choice(column: Column, value: object) -> object:
    reason = f"expected one of {', '.join(column.choices)}, not {show(_plain(value))}"
    raise _refuse(column, _plain(value), reason)


def _plain(value: object) -> object:
    return value.value if isinstance(value, Percent) else value


_READ_OTHER: Final[dict[ColumnType, Callable[[Column, object], object]]] = {
    ColumnType.ID: _other_id,
    ColumnType.TEXT: _other_text,
    ColumnType.NIP: _other_nip,
    ColumnType.NUMBER: _other_number,
    ColumnType.DATE: _other_date,
    ColumnType.BOOLEAN: _other_boolean,
    ColumnType.CHOICE: _other_choice,
    ColumnType.LIST: _other_list,
}
