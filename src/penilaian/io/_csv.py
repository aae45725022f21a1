"""
A CSV workbook: a directory with one UTF-8 file per table (``employees.csv``, ...).

Reading accepts a comma or a semicolon between cells (Excel in an Indonesian
locale saves with semicolons), found from the header line, and a byte-order mark.
Dates are ISO text (``2024-03-15``), numbers use a decimal point.  Text cells are
written through `penilaian.io.escaping.CsvWriter`, so a text that a spreadsheet
program would run as a formula gets a single quote in front (``'=1+2``); the
reader undoes it with `penilaian.io.escaping.restore_cell`, here and nowhere else,
so what is written reads back equal.  Files whose
names start with ``.`` or ``~$`` (editors' lock files) are skipped; any other
entry that is not one of the tables' CSV files (or ``petunjuk.csv``) is refused,
and so is a link, so that nothing outside the directory is read.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
from decimal import Decimal
from typing import TYPE_CHECKING, Final

from penilaian.exceptions import InvalidValueError
from penilaian.io._places import Finding, Where
from penilaian.io._source import SheetRows, collect
from penilaian.io.escaping import CsvWriter, restore_cell
from penilaian.io.files import staged
from penilaian.io.tables import LIST_SEPARATOR

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Sequence
    from pathlib import Path

    from penilaian.io._source import RawTable, RawValue
    from penilaian.io._xlsx import Limits

__all__ = ["format_cell", "read_csv", "write_csv"]

_SKIPPED: Final = (".", "~$")
_ENCODING: Final = "utf-8-sig"


def read_csv(directory: Path, limits: Limits) -> tuple[dict[str, RawTable], list[Finding]]:
    """Read the tables of the CSV directory *directory*, with every problem found."""
    findings: list[Finding] = []
    files: list[Path] = []
    with os.scandir(directory) as entries:
        for entry in sorted(entries, key=lambda entry: entry.name):
            if entry.name.startswith(_SKIPPED):
                continue
            path = directory / entry.name
            problem = None
            if entry.is_symlink():
                problem = "a link; copy the file itself into the directory"
            elif not entry.is_file(follow_symlinks=False) or path.suffix.lower() != ".csv":
                problem = "not a CSV file; the directory may hold only the tables' CSV files"
            if problem is None:
                files.append(path)
            else:
                error = InvalidValueError("file", entry.name, problem)
                findings.append(Finding(Where(entry.name, whole_file=True), problem, error))
    texts: list[tuple[str, bytes]] = []
    budget = limits.max_bytes
    for path in files:
        with path.open("rb") as stream:
            data = stream.read(budget + 1)  # never more than one byte past the limit
        if len(data) > budget:
            reason = (
                f"the CSV files hold more than {limits.max_bytes:,} bytes, the limit "
                "(max_bytes); split them into smaller workbooks"
            )
            error = InvalidValueError("directory", str(directory), reason)
            where = Where(directory.name, whole_file=True)
            return {}, [*findings, Finding(where, reason, error)]
        budget -= len(data)
        texts.append((path.stem, data))
    sheets = [_sheet(stem, data, findings) for stem, data in texts]
    tables, found = collect(sheets, max_rows=limits.max_rows, noun="file")
    return tables, findings + found


def _sheet(stem: str, data: bytes, findings: list[Finding]) -> SheetRows:
    """Decode one file; its rows are parsed as they are asked for."""
    try:
        text = data.decode(_ENCODING)
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        reason = "the file is not UTF-8 text; save it as CSV UTF-8 (comma delimited)"
        problem = Finding(Where(stem, line), reason, InvalidValueError("file", stem, reason))
        return SheetRows(stem, (), (problem,), readable=False)
    return SheetRows(stem, _rows(text, stem, findings))


def _rows(text: str, stem: str, findings: list[Finding]) -> Iterator[list[RawValue]]:
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if ";" in first_line and "," not in first_line else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    number = 0
    try:
        for number, cells in enumerate(reader, start=1):  # noqa: B007 - reported below
            yield [restore_cell(cell) or None for cell in cells]
    except csv.Error as error:
        reason = f"the file is not valid CSV here ({error}); check the quotes"
        findings.append(
            Finding(Where(stem, number + 1), reason, InvalidValueError("file", stem, reason))
        )


def format_cell(value: object) -> str:
    """Write a value as CSV text: ISO dates, plain decimals, ``true``/``false``, lists joined."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple):
        return f"{LIST_SEPARATOR} ".join(value)
    return str(value)


def write_csv(
    directory: Path,
    files: Sequence[tuple[str, Sequence[str], Iterable[Sequence[object]]]],
    *,
    raw: bool = False,
) -> None:
    """
    Write each ``(name, headers, rows)`` to ``<directory>/<name>.csv``, UTF-8 with a BOM.

    Every file is written to a temporary file first; they are renamed into place
    together once all are complete.  The mark lets Excel open the file as UTF-8.
    Text cells that would start a formula are neutralised unless *raw*.
    """
    directory.mkdir(exist_ok=True)
    targets = [directory / f"{name}.csv" for name, _, _ in files]
    with staged(targets) as temporary:
        for path, (_, headers, rows) in zip(temporary, files, strict=True):
            with path.open("w", encoding=_ENCODING, newline="") as stream:
                writer = CsvWriter(stream, raw=raw)
                writer.writerow(headers)
                writer.writerows([format_cell(value) for value in row] for row in rows)
