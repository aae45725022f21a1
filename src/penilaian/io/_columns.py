"""
The pieces of the spreadsheet layout: the kinds of column, a column, a table.

`penilaian.io.tables` declares the tables themselves as data with these; the
small constructors below (one per kind of column) keep each declaration to its
header, its two descriptions and whether it is required.  A table's and a column's
Indonesian names are matched as `header_key` folds them: case, spaces, hyphens and
underscores aside.
"""

from __future__ import annotations

from typing import Final, Protocol

import attrs

from penilaian._base.labels import LabelledEnum, Language, normalise_label

__all__ = [
    "Column",
    "ColumnMaker",
    "ColumnType",
    "Table",
    "choice",
    "date",
    "flag",
    "header_key",
    "ident",
    "nip",
    "number",
    "text",
    "text_list",
]


def header_key(text: str) -> str:
    """
    Fold a sheet name or a column header to the key it is matched by.

    Case, spaces, hyphens and underscores are ignored, so ``Kode Penilaian``,
    ``kode-penilaian`` and ``KODE_PENILAIAN`` are one header.
    """
    return normalise_label(text)


class ColumnType(LabelledEnum):
    """What a column holds, and so how its cells are read."""

    ID = ("id", "Kode", "Identifier", "kode unik")
    TEXT = ("text", "Teks", "Text", "teks bebas")
    NIP = ("nip", "NIP", "NIP (18 digits)", "nomor induk pegawai")
    NUMBER = ("number", "Angka", "Number", "bilangan")
    DATE = ("date", "Tanggal", "Date", "tgl")
    BOOLEAN = ("boolean", "Ya/Tidak", "Yes/No", "bool", "true/false")
    CHOICE = ("choice", "Pilihan", "Choice", "pilihan tetap")
    LIST = ("list", "Daftar", "List", "daftar item")


@attrs.frozen
class Column:
    """
    One column of a table.

    Attributes:
        header: The stable English id written in the header row.
        kind: What the cells hold.
        description_id: What to write, in Indonesian.
        description_en: What to write, in English.
        required: Whether the column must be present and filled on every row.
        choices: For a `ColumnType.CHOICE` column, the accepted ids.
        enum: For a choice backed by an enumeration, the enumeration: its
            Indonesian and English labels and aliases are accepted too.
        names: The column's Indonesian names, read as the header is; the first is
            the header an Indonesian template writes.
    """

    header: str
    kind: ColumnType
    description_id: str
    description_en: str
    required: bool = False
    choices: tuple[str, ...] = ()
    enum: type[LabelledEnum] | None = None
    names: tuple[str, ...] = ()

    def heading(self, lang: Language = "en") -> str:
        """Return the header in *lang*: the English id, or the first Indonesian name."""
        return self.names[0] if lang == "id" and self.names else self.header


@attrs.frozen
class Table:
    """
    One table: a sheet of a workbook, or one CSV file of a directory.

    Attributes:
        name: The sheet name, and the CSV file's name without ``.csv``.
        description_id: What a row is, in Indonesian.
        description_en: What a row is, in English.
        columns: The columns, in the template's order.
        required: Whether the sheet (or file) must be present; an optional one
            may be left out, which is the same as leaving it empty.
        names: The table's Indonesian names, read as the name is; the first is the
            sheet (or file) name an Indonesian template writes.
    """

    name: str
    description_id: str
    description_en: str
    columns: tuple[Column, ...]
    required: bool = True
    names: tuple[str, ...] = ()
    _by_key: dict[str, Column] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        by_key: dict[str, Column] = {}
        for column in self.columns:
            for spelling in (column.header, *column.names):
                other = by_key.setdefault(header_key(spelling), column)
                if other is not column:
                    msg = f"{self.name}: {spelling!r} names both {other.header} and {column.header}"
                    raise TypeError(msg)
        object.__setattr__(self, "_by_key", by_key)

    @property
    def headers(self) -> tuple[str, ...]:
        """The column headers (the stable English ids), in order."""
        return tuple(column.header for column in self.columns)

    def sheet_name(self, lang: Language = "en") -> str:
        """Return the sheet's name in *lang*: the English id, or the first Indonesian name."""
        return self.names[0] if lang == "id" and self.names else self.name

    def headings(self, lang: Language = "en") -> tuple[str, ...]:
        """Return the column headers in *lang*, in order (see `Column.heading`)."""
        return tuple(column.heading(lang) for column in self.columns)

    def column(self, header: str) -> Column | None:
        """
        Return the column that *header* names, or `None`.

        *header* is the English id or one of the Indonesian names, matched as
        `header_key` folds them (case and spacing aside).
        """
        return self._by_key.get(header_key(header))

    def spells(self, name: str) -> bool:
        """Tell whether *name* names this table: its English id or an Indonesian name."""
        key = header_key(name)
        return any(header_key(spelling) == key for spelling in (self.name, *self.names))


# -- one constructor per kind of column: header, Indonesian, English, required ------------


class ColumnMaker(Protocol):
    """Makes a column of one kind: from its header, two descriptions and whether it is required."""

    def __call__(
        self, header: str, description_id: str, description_en: str, *, required: bool = False
    ) -> Column:
        """Return the column."""
        ...


def _maker(kind: ColumnType) -> ColumnMaker:
    def make(
        header: str, description_id: str, description_en: str, *, required: bool = False
    ) -> Column:
        return Column(header, kind, description_id, description_en, required)

    return make


ident: Final = _maker(ColumnType.ID)
"""An id column (`ColumnType.ID`)."""
text: Final = _maker(ColumnType.TEXT)
"""A free-text column (`ColumnType.TEXT`)."""
nip: Final = _maker(ColumnType.NIP)
"""A NIP column (`ColumnType.NIP`)."""
number: Final = _maker(ColumnType.NUMBER)
"""A number column (`ColumnType.NUMBER`)."""
date: Final = _maker(ColumnType.DATE)
"""A date column (`ColumnType.DATE`)."""
flag: Final = _maker(ColumnType.BOOLEAN)
"""A yes/no column (`ColumnType.BOOLEAN`); empty means no."""
text_list: Final = _maker(ColumnType.LIST)
"""A list column (`ColumnType.LIST`), its items separated by ``;``."""


def choice(
    header: str,
    choices: type[LabelledEnum] | tuple[str, ...],
    description_id: str,
    description_en: str,
    *,
    required: bool = False,
) -> Column:
    """
    Return a choice column (`ColumnType.CHOICE`): of an enumeration's members, or of fixed ids.

    An enumeration's labels and aliases are accepted too; fixed ids are accepted as
    they are spelt (case, spaces and separators aside).
    """
    if isinstance(choices, tuple):
        return Column(header, ColumnType.CHOICE, description_id, description_en, required, choices)
    ids = tuple(member.value for member in choices)
    return Column(header, ColumnType.CHOICE, description_id, description_en, required, ids, choices)
