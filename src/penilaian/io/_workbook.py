"""
Reading a workbook (XLSX, or a directory of CSV files) into appraisals that know their rows.

`penilaian.io.spreadsheet.read_workbook` is what `penilaian.io.spreadsheet.read_appraisals`
does, and it also keeps where each appraisal and each of its parts was read, so that a later problem
with one appraisal (a scoring error, a missing realisation) is named at its
employees row and at the cell it concerns: `Workbook.row` and `Workbook.place`.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Final

import attrs

from penilaian.exceptions import InvalidInputError, InvalidValueError
from penilaian.io._assemble import assemble, locate
from penilaian.io._csv import read_csv
from penilaian.io._places import Finding, Where, to_problems
from penilaian.io._rows import Builder, Source, typed_rows
from penilaian.io._source import read_checked
from penilaian.io._xlsx import read_xlsx
from penilaian.model.appraisal import Appraisal

if TYPE_CHECKING:
    import os

    from penilaian.io._source import RawTable
    from penilaian.io._xlsx import Limits

__all__ = ["Workbook", "read_sourced"]

_ZIP_MAGIC: Final = (b"PK\x03\x04", b"PK\x05\x06")
_OLE_MAGIC: Final = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@attrs.frozen
class Workbook:
    """
    The appraisals of a workbook, and where each was read.

    Build it with `penilaian.io.spreadsheet.read_workbook`.

    Attributes:
        appraisals: The appraisals, one per row of the employees sheet, in its order.
        places: Each appraisal's id with where each of its parts was read (kept for
            `row` and `place`; not part of the value).
    """

    appraisals: tuple[Appraisal, ...]
    places: Mapping[str, Mapping[str, Source]] = attrs.field(eq=False, repr=False)

    def row(self, appraisal_id: str) -> tuple[str, int]:
        """
        Return the sheet and row number of the appraisal's row on the employees sheet.

        >>> from penilaian.io.samples import load_sample_unit
        >>> import pathlib, tempfile
        >>> from penilaian.io.spreadsheet import write_template, read_workbook
        >>> folder = pathlib.Path(tempfile.mkdtemp()) / "unit"
        >>> write_template(folder, "csv", example=load_sample_unit().appraisals)
        >>> read_workbook(folder).row("skp-2024-rina")
        ('employees', 3)

        Raises:
            InvalidValueError: for an id the workbook holds no appraisal of.
        """
        where = self._where(appraisal_id, "$")
        return where.sheet, where.row or 0

    def place(self, appraisal_id: str, path: str = "$") -> str:
        """
        Return where the part *path* of an appraisal was read, in spreadsheet notation.

        *path* is a JSON path into the appraisal, as a `penilaian.exceptions.Problem`
        or a `penilaian.Gap` gives it: ``$.targets[0].indicators[1].realisation`` is
        the cell (or row) it was read from, such as ``targets!5:5``; ``$`` is the
        appraisal's row on the employees sheet (``employees!3:3``).

        Raises:
            InvalidValueError: for an id the workbook holds no appraisal of.
        """
        return self._where(appraisal_id, path).path

    def _where(self, appraisal_id: str, path: str) -> Where:
        places = self.places.get(appraisal_id)
        if places is None:
            raise InvalidValueError("appraisal_id", appraisal_id, "no appraisal with this id")
        return locate(places, path)


def read_sourced(path: str | os.PathLike[str], limits: Limits) -> Workbook:
    """
    Read the appraisals of an XLSX workbook or a CSV directory, with where each was read.

    The work of `penilaian.io.spreadsheet.read_workbook` (see there).

    Raises:
        InvalidInputError: listing every problem, each with its place.
        MissingExtraError: for an XLSX file without openpyxl installed.
    """
    source = Path(path)
    if source.is_dir():
        tables, findings = read_csv(source, limits)
    else:
        tables, findings = _read_file(source, limits)
    builder = Builder(list(findings))
    rows = {name: typed_rows(raw, builder.findings) for name, raw in tables.items()}
    places: dict[str, Mapping[str, Source]] = {}
    # Rows are joined into appraisals only once the layout itself is right.
    blocked = any(finding.blocks for finding in findings)
    appraisals = () if blocked else assemble(rows, builder, places)
    if builder.findings or builder.omitted:
        raise InvalidInputError(to_problems(builder.findings), omitted=builder.omitted)
    return Workbook(appraisals, places)


def _read_file(path: Path, limits: Limits) -> tuple[dict[str, RawTable], list[Finding]]:
    data = read_checked(path, limits.max_bytes)
    if isinstance(data, Finding):
        return {}, [data]
    if data.startswith(_ZIP_MAGIC):
        return read_xlsx(path.name, data, limits)
    if data.startswith(_OLE_MAGIC):
        why = (
            "an old .xls workbook or a password-protected one; save it as .xlsx without a password"
        )
    elif path.suffix.lower() == ".csv":
        why = (
            "a single CSV file; put the CSV files of all tables (employees.csv, "
            "targets.csv, ...) in one directory and read the directory"
        )
    else:
        why = "neither an XLSX workbook nor a directory of CSV files"
    error = InvalidValueError("path", str(path), why)
    return {}, [Finding(Where(path.name, whole_file=True), why, error)]
