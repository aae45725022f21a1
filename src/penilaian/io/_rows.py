"""
Typed rows, and building the library's values from them with every problem placed.

`typed_rows` reads every cell of a raw table by its column's type; a `Row` then
knows where each of its cells is.  `Builder.make` calls a library constructor
(so every domain rule runs) and turns the error it raises into a finding at the
cell of the field that broke the rule.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from penilaian.exceptions import InvalidValueError, MissingValueError
from penilaian.io._cells import cell_reader
from penilaian.io._places import Finding, Where, describe

if TYPE_CHECKING:
    from collections.abc import Callable

    from penilaian.io._source import RawTable

__all__ = ["Builder", "Row", "Source", "typed_rows"]

T = TypeVar("T")


@attrs.frozen
class Row:
    """
    One data row, its cells read by type.

    Attributes:
        sheet: The sheet's name, as the file spells it.
        number: The row's number, as the spreadsheet shows it (the header is 1).
        values: Each header with its value; `None` when empty or absent.
        columns: Each header present in the sheet, with its 0-based column.
        ok: Whether every cell of the row was read without a problem.
    """

    sheet: str
    number: int
    values: Mapping[str, Any]
    columns: Mapping[str, int] = attrs.field(eq=False, repr=False)
    ok: bool = True

    def __getitem__(self, header: str) -> Any:  # noqa: ANN401 - a cell may hold any type
        return self.values.get(header)

    def at(self, header: str | None = None) -> Where:
        """Return the cell of *header* in this row, or the whole row without one."""
        column = None if header is None else self.columns.get(header)
        if column is None:
            label = None if header is None else f"{header}, not in the sheet"
            return Where(self.sheet, self.number, header=label)
        return Where(self.sheet, self.number, column, header)


@attrs.frozen
class Source:
    """
    Where the fields of one library value were read: a row, and a header per field.

    Attributes:
        row: The row most fields come from.
        headers: Each field's header on *row*; `None` for a field of the whole row.
        elsewhere: Fields read from another row, such as an indicator's
            ``realisation.value`` from the realisations sheet.
    """

    row: Row
    headers: Mapping[str, str | None]
    elsewhere: Mapping[str, tuple[Row, str | None]] = attrs.field(factory=dict)

    def place(self, field: str | None) -> Where:
        """Return where *field* (or the field it is an item of, ``levels[2]``) was read."""
        if field is not None:
            for key in (field, field.split("[", 1)[0].split(".", 1)[0]):
                if key in self.elsewhere:
                    row, header = self.elsewhere[key]
                    return row.at(header)
                if key in self.headers:
                    return self.row.at(self.headers[key])
        return self.row.at()


def typed_rows(raw: RawTable, findings: list[Finding]) -> list[Row]:
    """Read every cell of *raw* by its column's type; add a finding for each bad cell."""
    rows: list[Row] = []
    present = [
        (column, raw.columns[column.header], cell_reader(column))
        for column in raw.table.columns
        if column.header in raw.columns
    ]
    for number, cells in raw.rows:
        values: dict[str, Any] = {}
        ok = True
        width = len(cells)
        for column, index, read in present:
            try:
                value = read(cells[index]) if index < width else None
            except InvalidValueError as error:
                where = Where(raw.title, number, index, column.header)
                findings.append(Finding(where, describe(error), error))
                value, ok = None, False
            else:
                if value is None and column.required:
                    where = Where(raw.title, number, index, column.header)
                    reason = "required, but the cell is empty"
                    findings.append(
                        Finding(where, reason, MissingValueError(column.header, None, reason))
                    )
                    ok = False
            values[column.header] = value
        rows.append(Row(raw.title, number, values, raw.columns, ok))
    return rows


@attrs.define
class Builder:
    """
    Calls library constructors and collects, as findings, the rules they break.

    Attributes:
        findings: Every problem found so far.
        omitted: How many more problems the library's errors counted without listing them
            (an `InvalidInputError` lists its first hundred).
    """

    findings: list[Finding] = attrs.field(factory=list)
    omitted: int = 0

    def add(self, where: Where, reason: str, error: Exception | None = None) -> None:
        """Record a problem at *where*."""
        self.findings.append(Finding(where, reason, error))

    def make(
        self, source: Source, factory: Callable[..., T], /, *args: object, **kwargs: object
    ) -> T | None:
        """
        Return ``factory(*args, **kwargs)``, or `None` after recording what it refused.

        Args:
            source: Where the value's fields were read, to place the error.
            factory: The library constructor.
            *args: Its positional arguments.
            **kwargs: Its keyword arguments.
        """
        try:
            return factory(*args, **kwargs)
        except InvalidValueError as error:
            self.add(source.place(error.field), describe(error), error)
            return None
