"""
Writing SIASN records: one JSON array, or CSV with a header of SIASN's field names.

Every record is checked first (a mapping of text to text, whole numbers or `None`),
and every problem is reported at once, at ``$[index]``.
"""

from __future__ import annotations

import io
import json
import os
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, TextIO

from penilaian.exceptions import InvalidInputError, InvalidValueError, Problem
from penilaian.io.escaping import CsvWriter

if TYPE_CHECKING:
    from penilaian.io._siasn_data import SiasnRecord

__all__ = ["write_csv", "write_json"]


def _checked(records: Iterable[Mapping[str, object]]) -> list[SiasnRecord]:
    rows: list[SiasnRecord] = []
    problems: list[Problem] = []
    for index, record in enumerate(records):
        if not isinstance(record, Mapping):
            error = InvalidValueError("record", record, "must be a mapping of SIASN fields")
            problems.append(Problem.from_error(f"$[{index}]", error))
            continue
        row: SiasnRecord = {}
        items: Iterable[tuple[object, object]] = record.items()
        for key, value in items:
            if not isinstance(key, str) or not (
                value is None or isinstance(value, str) or type(value) is int
            ):
                reason = "SIASN fields are named by text and hold text, whole numbers or None"
                error = InvalidValueError(str(key), value, reason)
                problems.append(Problem.from_error(f"$[{index}][{key!r}]", error))
                continue
            row[key] = value
        rows.append(row)
    if problems:
        raise InvalidInputError(problems)
    return rows


def _write(target: str | os.PathLike[str] | TextIO, text: str) -> None:
    if isinstance(target, str | os.PathLike):
        with open(target, "w", encoding="utf-8", newline="") as stream:  # noqa: PTH123
            stream.write(text)
    else:
        target.write(text)


def write_json(
    records: Iterable[Mapping[str, object]], target: str | os.PathLike[str] | TextIO
) -> None:
    """
    Write *records* as one JSON array, UTF-8, indented, keys in their order.

    Args:
        records: Records from `annual_record` or `periodic_record` (or any
            mapping of text to text, whole numbers or `None`).
        target: A file path (written as UTF-8) or an open text stream.

    Raises:
        InvalidInputError: for a record that is not a mapping, or a value that is
            not text, a whole number or `None`, each at ``$[index]``.
    """
    rows = _checked(records)
    _write(target, json.dumps(rows, ensure_ascii=False, indent=2) + "\n")


def write_csv(
    records: Iterable[Mapping[str, object]],
    target: str | os.PathLike[str] | TextIO,
    *,
    fields: Iterable[str] | None = None,
    raw: bool = False,
) -> None:
    """
    Write *records* as CSV: a header row of SIASN's field names, then one row per record.

    Text is UTF-8 (without a byte-order mark), rows end in CRLF, and `None` is an
    empty cell.  All records must have the same keys: annual and periodic records
    go to separate files.  A text cell that would start a formula in a spreadsheet
    (``=``, ``+``, ``-``, ``@``, a tab or a carriage return) is written with a leading
    ``'`` (`penilaian.io.escaping.neutralise_cell`), unless *raw*.

    Args:
        records: Records with the same keys, in the same order.
        target: A file path (written as UTF-8) or an open text stream (opened
            with ``newline=""``).
        fields: The header; by default the keys of the first record.  Give it
            (`SIASN_ANNUAL_FIELDS`, `SIASN_PERIODIC_FIELDS`) to write a header
            with no records.
        raw: Write every cell as it is, for a program that reads the file as data.

    Raises:
        InvalidInputError: for a record whose keys differ from the header, and as
            `write_json`.
        InvalidValueError: for no records and no *fields*.
    """
    rows = _checked(records)
    if fields is None:
        if not rows:
            reason = "no records to take a header from; pass fields=SIASN_ANNUAL_FIELDS or similar"
            raise InvalidValueError("records", [], reason)
        fields = list(rows[0])
    header = list(fields)
    problems = [
        Problem.from_error(
            f"$[{index}]",
            InvalidValueError("record", list(row), f"must have the keys {', '.join(header)}"),
        )
        for index, row in enumerate(rows)
        if list(row) != header
    ]
    if problems:
        raise InvalidInputError(problems)
    buffer = io.StringIO()
    writer = CsvWriter(buffer, raw=raw)  # names and ids: no cell starts a formula
    writer.writerow(header)
    for row in rows:
        writer.writerow(["" if row[key] is None else row[key] for key in header])
    _write(target, buffer.getvalue())
