"""
How much each part of an XLSX workbook may hold, measured before openpyxl parses it.

openpyxl reads the shared strings whole when it opens a workbook, and a sheet's
rows when they are asked for; until it is done with an element it keeps it in
memory, with everything inside it.  So a small file could cost minutes and
gigabytes: 1 MB of zip whose shared strings unpack to 450 MB.  Before openpyxl
sees the file, every part is measured against the limits below: its declared
size first (nothing is unpacked), then its elements, counted while the part is
streamed once (``bytes.count`` and one regular expression, no XML parsing).  The
first limit passed stops the reading, and the reason names the part and the limit.

A worksheet and the shared strings are read a row or a string at a time, so they
may be large, provided that no row or string is large and little lies outside
them.  Any other part (styles, comments, drawings, pivot caches...) may be parsed
whole, so all of them together share one small budget.  A part gets a worksheet's
or the shared strings' limits only when the package says so without ambiguity
(one workbook, no relationship of another kind to the part), so that nothing
openpyxl parses whole escapes that budget.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from collections import defaultdict
from collections.abc import Callable
from typing import IO, TYPE_CHECKING, Final
from xml.etree import ElementTree as ET

import attrs

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = ["XML_SUFFIXES", "bodies", "measure_parts"]

MAX_SHEET_BYTES: Final = 250_000_000
"""The most one worksheet may unpack to: 250 MB."""

MAX_SHEET_CELLS: Final = 5_000_000
"""The most cells in one worksheet: 200,000 rows (the default ``max_rows``) of 25 columns."""

MAX_SHEET_ELEMENTS: Final = 20_000_000
"""The most XML elements in one worksheet: four for each cell."""

MAX_STRINGS_BYTES: Final = 200_000_000
"""The most the shared strings may unpack to: 200 MB."""

MAX_STRINGS: Final = 2_000_000
"""The most shared strings: forty different texts for each of 50,000 appraisals."""

MAX_STRINGS_ELEMENTS: Final = 10_000_000
"""The most XML elements in the shared strings: five for each string (formatted runs)."""

MAX_PART_BYTES: Final = 50_000_000
"""The most any other XML part may unpack to: 50 MB."""

MAX_OTHER_ELEMENTS: Final = 1_000_000
"""The most XML elements in all other parts together (styles, comments, drawings...)."""

MAX_LOOSE_ELEMENTS: Final = 500_000
"""The most XML elements a worksheet may hold outside its rows (the shared strings outside
their strings): merged ranges, hyperlinks, conditional formats..."""

MAX_RECORD_TAGS: Final = 20_000
"""The most tags in one row or one shared string; a longer one counts as outside them."""

XML_SUFFIXES: Final = (".xml", ".rels", ".vml")
"""The names of the parts that must be plain UTF-8 XML."""

CHUNK: Final = 1 << 20
_OVERLAP: Final = 4096
_CONTENT_TYPES: Final = "[Content_Types].xml"
_TYPES: Final = "{http://schemas.openxmlformats.org/package/2006/content-types}Override"
_MAIN: Final = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL: Final = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PACKAGE_REL: Final = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_SPREADSHEETML: Final = "application/vnd.openxmlformats-officedocument.spreadsheetml."
_SHEET_TYPE: Final = _SPREADSHEETML + "worksheet+xml"
_STRINGS_TYPE: Final = _SPREADSHEETML + "sharedStrings+xml"
# The parts openpyxl reads whole by their names, whatever the package says of them.
_FIXED: Final = frozenset(
    {
        _CONTENT_TYPES,
        "xl/workbook.xml",
        "xl/styles.xml",
        "xl/theme/theme1.xml",
        "docProps/core.xml",
        "docProps/custom.xml",
    }
)
# How a part that is XML may start: a tag, a byte-order mark, UTF-16 without one.
_XML_STARTS: Final = (b"<", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\x00<")


def _record(name: bytes) -> re.Pattern[bytes]:
    """Match one element *name* (a row, a string) of at most `MAX_RECORD_TAGS` tags."""
    tag = rb"(?:[\w.-]+:)?" + name
    inner = rb"(?:<(?![!?]|[\w.:/-]*" + name + rb"[\s/>])[^<]*){0,%d}" % MAX_RECORD_TAGS
    return re.compile(
        rb"<" + tag + rb"(?:\s[^<>]*)?/>"
        rb"|<" + tag + rb"(?:\s[^<>]*)?>[^<]*" + inner + rb"</" + tag + rb"\s*>"
    )


@attrs.frozen
class Kind:
    """
    What one kind of part may hold.

    Attributes:
        noun: What the part is, for the messages.
        max_bytes: The most the part may unpack to.
        max_elements: The most XML elements it may hold.
        item: The element counted on its own (``c`` for a cell), or empty.
        items: What those elements are, for the messages.
        max_items: The most of them.
        record: The element openpyxl reads one at a time and lets go of, if any.
        records: What those elements are, for the messages.
    """

    noun: str
    max_bytes: int
    max_elements: int
    item: bytes = b""
    items: str = ""
    max_items: int = 0
    record: re.Pattern[bytes] | None = None
    records: str = ""


SHEET: Final = Kind(
    "a worksheet",
    MAX_SHEET_BYTES,
    MAX_SHEET_ELEMENTS,
    b"c",
    "cells",
    MAX_SHEET_CELLS,
    _record(b"row"),
    "rows",
)
STRINGS: Final = Kind(
    "the shared strings",
    MAX_STRINGS_BYTES,
    MAX_STRINGS_ELEMENTS,
    b"si",
    "strings",
    MAX_STRINGS,
    _record(b"si"),
    "strings",
)
OTHER: Final = Kind("any other part", MAX_PART_BYTES, MAX_OTHER_ELEMENTS)


@attrs.define
class _Tally:
    """The running counts of one part, or of all other parts together."""

    kind: Kind
    elements: int = 0
    items: int = 0
    loose: int = 0

    def count(self, body: bytes) -> str | None:
        """Count *body*'s elements; return the limit they pass, if any."""
        kind = self.kind
        self.elements += body.count(b"<") - body.count(b"</")
        if self.elements > kind.max_elements:
            return f"more than {kind.max_elements:,} XML elements"
        if kind.record is None:
            return None
        # A prefixed element (<x:c>) counts too; so may <col> or <cfRule>, a few.
        self.items += body.count(b"<" + kind.item) + body.count(b":" + kind.item)
        if self.items > kind.max_items:
            return f"more than {kind.max_items:,} {kind.items}"
        loose = kind.record.sub(b"", body)
        self.loose += loose.count(b"<") - loose.count(b"</")
        if self.loose > MAX_LOOSE_ELEMENTS:
            return (
                f"more than {MAX_LOOSE_ELEMENTS:,} XML elements outside its {kind.records} "
                f"(or {kind.records} of more than {MAX_RECORD_TAGS:,} tags)"
            )
        return None


def bodies(stream: IO[bytes]) -> Iterator[bytes]:
    """Yield a part in pieces of about `CHUNK` bytes, each cut just before a tag."""
    pending = b""
    while chunk := stream.read(CHUNK):
        window = pending + chunk
        cut = window.rfind(b"<", max(0, len(window) - _OVERLAP))
        cut = len(window) if cut < 0 else cut
        if cut:
            yield window[:cut]
        pending = window[cut:]
    if pending:
        yield pending


def measure_parts(
    archive: zipfile.ZipFile, watch: Callable[[str, bytes], None]
) -> dict[str, str] | str:
    """
    Measure every part of *archive* against the limits of its kind, before openpyxl opens it.

    Args:
        archive: The workbook, its number of parts and total size already checked.
        watch: Called with a worksheet's part name and each piece of it, so
            that the reader's own checks of the sheet need no second pass.

    Returns:
        Each worksheet's part, with its sheet's title; or why the workbook is
        refused, naming the part and the limit.
    """
    measurer = _Measurer(archive, watch)
    names = set(archive.namelist())
    # The parts that say which part is what are measured before they are parsed.
    structure = sorted(part for part in names if part == _CONTENT_TYPES or part.endswith(".rels"))
    if reason := measurer.each(structure, OTHER):
        return reason
    workbook = _workbook(archive)
    if workbook in names and (reason := measurer.measure(workbook, OTHER)):
        return reason
    measurer.titles, kinds = _classify(archive, names, workbook)
    # Every declared size first, so that a part too large is refused before any is unpacked.
    for info in archive.infolist():
        kind = kinds.get(info.filename, OTHER)
        if (kind is not OTHER or info.filename.lower().endswith(XML_SUFFIXES)) and (
            reason := measurer.too_large(info.filename, kind)
        ):
            return reason
    others = [info.filename for info in archive.infolist() if info.filename not in kinds]
    return measurer.each([part for part in others if _is_xml(archive, part)], OTHER) or next(
        (reason for part, kind in kinds.items() if (reason := measurer.measure(part, kind))),
        measurer.titles,
    )


@attrs.define
class _Measurer:
    """Measures parts, each once, all other parts against one budget."""

    archive: zipfile.ZipFile
    watch: Callable[[str, bytes], None]
    titles: dict[str, str] = attrs.Factory(dict)
    others: _Tally = attrs.Factory(lambda: _Tally(OTHER))
    done: set[str] = attrs.Factory(set)

    def each(self, parts: list[str], kind: Kind) -> str | None:
        """Measure *parts*; return why the first refused is, if one is."""
        return next((reason for part in parts if (reason := self.measure(part, kind))), None)

    def too_large(self, part: str, kind: Kind) -> str | None:
        """Return why *part* is too large to unpack, if it is."""
        size = self.archive.getinfo(part).file_size
        if size <= kind.max_bytes:
            return None
        return (
            f"its {self._what(part, kind)} unpacks to {size:,} bytes, more than the limit "
            f"of {kind.max_bytes:,} for {kind.noun}; {_hint(kind)}"
        )

    def measure(self, part: str, kind: Kind) -> str | None:
        """Return why *part* is refused as a part of *kind*, if it is."""
        if (reason := self.too_large(part, kind)) or part in self.done:
            return reason
        self.done.add(part)
        tally = self.others if kind is OTHER else _Tally(kind)
        with self.archive.open(part) as stream:
            for body in bodies(stream):
                if part in self.titles:
                    self.watch(part, body)
                if over := tally.count(body):
                    return _too_many(self._what(part, kind), kind, over)
        return None

    def _what(self, part: str, kind: Kind) -> str:
        if kind is SHEET:
            return f"part {part} (the worksheet {self.titles.get(part, '')})"
        return f"part {part} (the shared strings)" if kind is STRINGS else f"part {part}"


def _hint(kind: Kind) -> str:
    if kind is OTHER:
        return "delete the pivot tables, comments or drawings it does not need, or split it"
    return "split the workbook into smaller files"


def _too_many(what: str, kind: Kind, over: str) -> str:
    if kind is OTHER:
        return (
            f"its parts other than worksheets and shared strings hold {over} together, "
            f"the limit, passed in its {what}; {_hint(kind)}"
        )
    return f"its {what} holds {over}, the limit for {kind.noun}; {_hint(kind)}"


def _is_xml(archive: zipfile.ZipFile, name: str) -> bool:
    """Tell whether a part may be XML, whatever its name: a binary one cannot be parsed."""
    if archive.getinfo(name).file_size == 0:
        return False
    with archive.open(name) as part:
        head = part.read(_OVERLAP).lstrip(b" \t\r\n")
    return not head or head.startswith(_XML_STARTS)


def _relations(archive: zipfile.ZipFile, path: str) -> list[tuple[str, str, str]]:
    """Return the id, type and target (a part's name) of each relationship in *path*."""
    try:
        archive.getinfo(path)
    except KeyError:
        return []
    folder = posixpath.dirname(posixpath.dirname(path))
    found = []
    for relation in _parse(archive, path).iter(f"{_PACKAGE_REL}Relationship"):
        target = relation.get("Target", "")
        target = (
            target.lstrip("/")
            if target.startswith("/")
            else posixpath.normpath(posixpath.join(folder, target))
        )
        found.append((relation.get("Id", ""), relation.get("Type", ""), target))
    return found


def _parse(archive: zipfile.ZipFile, part: str) -> ET.Element:
    return ET.fromstring(archive.read(part))  # noqa: S314 - checked for DTDs and measured


def _workbook(archive: zipfile.ZipFile) -> str:
    """Return the workbook part the package's relationships name."""
    return next(
        (
            target
            for _, kind, target in _relations(archive, "_rels/.rels")
            if kind.endswith("/officeDocument")
        ),
        "xl/workbook.xml",
    )


def _classify(
    archive: zipfile.ZipFile, names: set[str], workbook: str
) -> tuple[dict[str, str], dict[str, Kind]]:
    """Return each sheet's part with its title, and the parts that are worksheets or strings."""
    if workbook not in names:
        return {}, {}  # openpyxl will say the workbook cannot be opened
    folder, base = posixpath.split(workbook)
    links = {
        key: (kind, target)
        for key, kind, target in _relations(
            archive, posixpath.join(folder, "_rels", base + ".rels")
        )
    }
    sheets = [
        (*links.get(sheet.get(f"{_REL}id", ""), ("", "")), sheet.get("name", ""))
        for sheet in _parse(archive, workbook).iter(f"{_MAIN}sheet")
    ]
    titles = {target: title for _, target, title in sheets if target}
    declared = (
        [
            (override.get("PartName", "").lstrip("/"), override.get("ContentType", ""))
            for override in _parse(archive, _CONTENT_TYPES).iter(_TYPES)
        ]
        if _CONTENT_TYPES in names
        else []
    )
    if {part for part, content in declared if content.endswith(".main+xml")} != {workbook}:
        return titles, {}  # which part openpyxl takes for the workbook is unclear
    pointed: defaultdict[str, set[str]] = defaultdict(set)
    for path in sorted(part for part in names if part.endswith(".rels")):
        for _, kind, target in _relations(archive, path):
            pointed[target].add(kind)
    for part, content in declared:
        pointed[part].add(content)

    def free(part: str, *allowed: str) -> bool:
        """Tell whether only a worksheet's (or the strings') relationship names *part*."""
        return (
            part in names
            and part not in _FIXED | {workbook}
            and not part.endswith(".rels")
            and (pointed[part] <= set(allowed))
        )

    worksheet = next((kind for kind, _, _ in sheets if kind.endswith("/worksheet")), "")
    kinds = {
        target: SHEET
        for kind, target, _ in sheets
        if kind == worksheet and "chartsheet" not in kind and free(target, kind, _SHEET_TYPE)
    }
    strings = next((part for part, content in declared if content == _STRINGS_TYPE), "")
    relation = next((kind for kind in pointed[strings] if kind.endswith("/sharedStrings")), "")
    if strings in kinds:
        del kinds[strings]  # read as strings and as a sheet: the strict limits
    elif strings and free(strings, relation, _STRINGS_TYPE):
        kinds[strings] = STRINGS
    return titles, kinds
