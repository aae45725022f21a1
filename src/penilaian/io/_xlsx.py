"""
Reading an XLSX workbook safely: check the zip first, then stream its sheets with openpyxl.

Before openpyxl sees the file, the zip's declared sizes are added up (a zip bomb
is refused before anything is unpacked; `zipfile` never unpacks more than a
member declares), every XML part is checked for a DTD (no entity tricks), and
every part is measured against the limits of `penilaian.io._xlsx_limits` (its
size, its cells or strings, its XML elements); each worksheet is scanned for
merged cells and for cells far to the right on the way.  The workbook is then
opened read-only, with formulas kept as formulas (never evaluated) and external
links dropped, and read row by row.
"""

from __future__ import annotations

import io
import re
import warnings
import zipfile
from collections import defaultdict
from typing import TYPE_CHECKING, Any, Final
from xml.etree import ElementTree as ET

import attrs

from penilaian.exceptions import InvalidValueError
from penilaian.io._extra import openpyxl_module
from penilaian.io._places import Finding, Where
from penilaian.io._source import CellError, Formula, Percent, SheetRows, collect
from penilaian.io._xlsx_limits import XML_SUFFIXES, measure_parts

if TYPE_CHECKING:
    from collections.abc import Iterator

    from penilaian.io._source import RawTable, RawValue

__all__ = ["Limits", "read_xlsx"]

_MAX_MEMBERS: Final = 10_000
_PROLOG_LIMIT: Final = 1 << 16
# The XML declaration, comments and spaces a part may start with before its root element.
_PROLOG: Final = re.compile(rb"(?:\xef\xbb\xbf)?(?:\s+|<\?.*?\?>|<!--.*?-->)*", re.DOTALL)
_ELEMENT_START: Final = re.compile(rb"<[A-Za-z_]")
_MERGE: Final = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?mergeCell\s[^>]*?ref=\"([^\"]*)\"")
# A cell reference with three letters or more: column AAA (703) or further right.
_FAR_RIGHT: Final = re.compile(rb"\sr=\"[A-Za-z]{3}")


@attrs.frozen
class Limits:
    """
    How much a reader accepts before it stops.

    Attributes:
        max_bytes: The largest file (or CSV directory, all files together), in bytes.
        max_rows: The most data rows in one sheet.
        max_unpacked_bytes: The most an XLSX file may unpack to, all parts together.
    """

    max_bytes: int
    max_rows: int
    max_unpacked_bytes: int


def read_xlsx(name: str, data: bytes, limits: Limits) -> tuple[dict[str, RawTable], list[Finding]]:
    """
    Read the tables of the XLSX workbook *data* (the file called *name*).

    Returns:
        The tables found and every problem; a file that is no readable workbook
        gives no tables and one problem naming the file.
    """
    openpyxl = openpyxl_module()
    archive, problem = _open_zip(name, data, limits)
    if archive is None:
        return {}, [problem] if problem else []
    with archive:
        checked = _check_parts(name, archive)
        if isinstance(checked, Finding):
            return {}, [checked]
        scans = checked
    findings: list[Finding] = []
    with warnings.catch_warnings():
        # openpyxl warns about parts it does not keep (extensions, data validation...).
        warnings.simplefilter("ignore")
        try:
            workbook = openpyxl.load_workbook(
                io.BytesIO(data),
                read_only=True,
                data_only=False,
                keep_links=False,
                keep_vba=False,
                rich_text=False,
            )
        except Exception as error:  # noqa: BLE001 - any failure of a broken file is one problem
            return {}, [
                _not_a_workbook(name, f"it cannot be opened ({type(error).__name__}: {error})")
            ]
        try:
            sheets = [
                _sheet(workbook, title, scans.get(title, ()), findings)
                for title in workbook.sheetnames
            ]
            tables, found = collect(sheets, max_rows=limits.max_rows, noun="sheet")
        finally:
            workbook.close()
    return tables, found + findings


def _not_a_workbook(name: str, why: str) -> Finding:
    reason = f"not an XLSX workbook: {why}; save it from Excel or LibreOffice as .xlsx"
    return Finding(Where(name, whole_file=True), reason, InvalidValueError("file", name, reason))


def _open_zip(
    name: str, data: bytes, limits: Limits
) -> tuple[zipfile.ZipFile | None, Finding | None]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError):
        return None, _not_a_workbook(name, "it is not a zip archive")
    infos = archive.infolist()
    problem: Finding | None = None
    unpacked = sum(info.file_size for info in infos)
    if len(infos) > _MAX_MEMBERS:
        problem = _not_a_workbook(name, f"it holds more than {_MAX_MEMBERS:,} parts")
    elif unpacked > limits.max_unpacked_bytes:
        reason = (
            f"the workbook unpacks to {unpacked:,} bytes, more than the limit of "
            f"{limits.max_unpacked_bytes:,} (max_unpacked_bytes); split it into smaller files"
        )
        problem = Finding(
            Where(name, whole_file=True), reason, InvalidValueError("file", unpacked, reason)
        )
    elif any(info.flag_bits & 0x1 for info in infos):
        problem = _not_a_workbook(name, "it is encrypted; remove the password")
    elif "[Content_Types].xml" not in archive.namelist():
        problem = _not_a_workbook(name, "it is a zip archive without the parts of a workbook")
    if problem is not None:
        archive.close()
        return None, problem
    return archive, None


def _check_parts(name: str, archive: zipfile.ZipFile) -> dict[str, tuple[Finding, ...]] | Finding:
    """Refuse DTDs and parts too large; scan each worksheet for merged and far-right cells."""
    scans: defaultdict[str, _SheetScan] = defaultdict(_SheetScan)
    try:
        for info in archive.infolist():
            if info.filename.lower().endswith(XML_SUFFIXES) and not _plain_xml(archive, info):
                return _not_a_workbook(
                    name, f"its part {info.filename} declares a DTD or is not UTF-8 XML"
                )
        titles = measure_parts(archive, lambda part, body: scans[part].see(body))
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, ET.ParseError) as error:
        return _not_a_workbook(name, f"it cannot be unpacked ({error})")
    if isinstance(titles, str):
        return Finding(
            Where(name, whole_file=True), titles, InvalidValueError("file", name, titles)
        )
    names = set(archive.namelist())
    return {title: scans[part].findings(title) for part, title in titles.items() if part in names}


def _plain_xml(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bool:
    """Tell whether a part starts, after its prolog, with an element: no DTD, UTF-8."""
    if info.file_size == 0:
        return True
    with archive.open(info) as part:
        head = part.read(_PROLOG_LIMIT)
    prolog = _PROLOG.match(head)
    rest = head[prolog.end() if prolog else 0 :]
    return _ELEMENT_START.match(rest) is not None


@attrs.define
class _SheetScan:
    """What the pieces of one worksheet show: its merged ranges, a cell beyond column ZZ."""

    merged: dict[str, None] = attrs.Factory(dict)
    far_right: bool = False

    def see(self, body: bytes) -> None:
        """Look at one piece of the sheet (pieces are cut between tags)."""
        if b"mergeCell" in body:
            self.merged.update(
                dict.fromkeys(ref.decode("ascii", "replace") for ref in _MERGE.findall(body))
            )
        self.far_right = self.far_right or _FAR_RIGHT.search(body) is not None

    def findings(self, title: str) -> tuple[Finding, ...]:
        """Return the problems of the sheet called *title*."""
        findings = []
        for ref in self.merged:
            reason = "merged cells; unmerge them, so that every value has a cell of its own"
            error = InvalidValueError("cells", ref, reason)
            findings.append(Finding(Where(title, cells=ref), reason, error, blocks=False))
        if self.far_right:
            reason = (
                "the sheet has cells beyond column ZZ; delete the columns to the right of the table"
            )
            error = InvalidValueError("columns", title, reason)
            findings.append(Finding(Where(title), reason, error))
        return tuple(findings)


def _sheet(
    workbook: Any,  # noqa: ANN401 - openpyxl's workbook is untyped
    title: str,
    scan: tuple[Finding, ...],
    findings: list[Finding],
) -> SheetRows:
    sheet = workbook[title]
    far_right = any(finding.where.cells is None for finding in scan)
    if far_right or not hasattr(sheet, "iter_rows"):
        return SheetRows(title, (), scan, readable=not far_right)
    sheet.reset_dimensions()  # read every row, whatever the file says its size is
    return SheetRows(title, _rows(sheet, title, findings), scan)


def _rows(sheet: Any, title: str, findings: list[Finding]) -> Iterator[tuple[RawValue, ...]]:  # noqa: ANN401
    try:
        for cells in sheet.iter_rows():
            yield tuple(_value(cell) for cell in cells)
    except Exception as error:  # noqa: BLE001 - a broken sheet stops here, reported
        reason = f"the sheet cannot be read past this point ({type(error).__name__}: {error})"
        findings.append(Finding(Where(title), reason, InvalidValueError("sheet", title, reason)))


def _value(cell: Any) -> RawValue:  # noqa: ANN401 - openpyxl's read-only cells are untyped
    value = cell.value
    if value is None:
        return None
    kind = cell.data_type
    if kind == "f":
        return Formula(str(getattr(value, "text", value)))
    if kind == "e":
        return CellError(str(value))
    if kind == "n" and cell.has_style and "%" in cell.number_format:
        return Percent(value)
    return value  # type: ignore[no-any-return]
