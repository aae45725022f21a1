"""Tests for penilaian.io._xlsx_limits: every part of a workbook is measured before openpyxl."""

from __future__ import annotations

import io
import re
import time
import zipfile

import openpyxl
import pytest

from penilaian import load_sample
from penilaian.exceptions import InvalidInputError, PenilaianError
from penilaian.io import _xlsx_limits as limits
from penilaian.io.spreadsheet import read_appraisals, write_appraisals

SAMPLE = load_sample("pp46_2011")
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
DOC = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
ML = "application/vnd.openxmlformats-officedocument.spreadsheetml."
SHEET_HEAD = f'<worksheet xmlns="{MAIN}"><sheetData>'.encode()
SHEET_TAIL = b"</sheetData></worksheet>"
STRINGS_HEAD = f'<sst xmlns="{MAIN}">'.encode()


class Repeat:
    """A part of *head*, *unit* repeated *count* times and *tail*, written without being held."""

    def __init__(self, head, unit, count, tail):
        self.head, self.unit, self.count, self.tail = head, unit, count, tail

    def pieces(self):
        per = max(1, (1 << 20) // len(self.unit))
        full, rest = divmod(self.count, per)
        yield self.head
        block = self.unit * per
        for _ in range(full):
            yield block
        yield self.unit * rest + self.tail


def sheet(*rows):
    """A worksheet of *rows* (each the XML of one row)."""
    return SHEET_HEAD + b"".join(rows) + SHEET_TAIL


def package(path, *, sheets=None, strings=None, parts=(), links=(), types=()):
    """
    Write a small XLSX package: *sheets* by title, the shared *strings*, other *parts*.

    *links* adds relationships ``(type, target)`` to the workbook's; *types* adds
    content-type overrides ``(part, content type)``.
    """
    sheets = sheets or {"employees": sheet()}
    members = {}
    overrides = [("xl/workbook.xml", ML + "sheet.main+xml"), *types]
    relations = []
    entries = []
    for number, (title, body) in enumerate(sheets.items(), start=1):
        name = f"xl/worksheets/sheet{number}.xml"
        members[name] = body
        overrides.append((name, ML + "worksheet+xml"))
        relations.append((f"{DOC}/worksheet", f"worksheets/sheet{number}.xml"))
        entries.append(f'<sheet name="{title}" sheetId="{number}" r:id="rId{number}"/>')
    if strings is not None:
        members["xl/sharedStrings.xml"] = strings
        overrides.append(("xl/sharedStrings.xml", ML + "sharedStrings+xml"))
        relations.append((f"{DOC}/sharedStrings", "sharedStrings.xml"))
    relations.extend(links)
    members.update(dict(parts))
    members["[Content_Types].xml"] = (
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        + "".join(
            f'<Override PartName="/{part}" ContentType="{kind}"/>' for part, kind in overrides
        )
        + "</Types>"
    ).encode()
    members["_rels/.rels"] = (
        f'<Relationships xmlns="{RELS}"><Relationship Id="rId1" '
        f'Type="{DOC}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
    ).encode()
    members["xl/workbook.xml"] = (
        f'<workbook xmlns="{MAIN}" xmlns:r="{DOC}"><sheets>{"".join(entries)}</sheets></workbook>'
    ).encode()
    members["xl/_rels/workbook.xml.rels"] = (
        f'<Relationships xmlns="{RELS}">'
        + "".join(
            f'<Relationship Id="rId{number}" Type="{kind}" Target="{target}"/>'
            for number, (kind, target) in enumerate(relations, start=1)
        )
        + "</Relationships>"
    ).encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for name, body in members.items():
            with archive.open(name, "w", force_zip64=True) as part:
                for piece in body.pieces() if isinstance(body, Repeat) else [body]:
                    part.write(piece)
    return path


@pytest.fixture(name="no_openpyxl_load")
def _no_openpyxl_load(monkeypatch):
    """Make openpyxl's loader fail the test if the reader ever gets that far."""

    def refuse(*args, **kwargs):
        pytest.fail("openpyxl was asked to open a file the reader should have refused")

    monkeypatch.setattr(openpyxl, "load_workbook", refuse)


def refused(path, within=2.0):
    """
    The single problem reading *path* reports, found within *within* seconds of processor time.

    Processor time, not wall time: other work on the machine cannot fail it, and a reader
    that parsed the bomb (minutes, gigabytes) still would.
    """
    started = time.process_time()
    with pytest.raises(InvalidInputError) as raised:
        read_appraisals(path)
    assert time.process_time() - started < within
    (problem,) = raised.value.problems
    assert isinstance(problem.error, PenilaianError)
    assert problem.path == path.name
    assert problem.message.startswith(f"{path.name}: ")
    return problem.message


@pytest.mark.usefixtures("no_openpyxl_load")
class TestSizes:
    """A part that unpacks past its limit is refused from its declared size, unpacking nothing."""

    def test_shared_strings_too_large(self, tmp_path):
        """1 MB of zip whose shared strings unpack to 210 MB: refused before they are read."""
        unit = b"<si><t>Meningkatkan kualitas layanan publik</t></si>"
        strings = Repeat(STRINGS_HEAD, unit, 210_000_000 // len(unit), b"</sst>")
        path = package(tmp_path / "bomb.xlsx", strings=strings)
        assert path.stat().st_size < 2_000_000
        message = refused(path)
        assert "part xl/sharedStrings.xml (the shared strings) unpacks to 210,0" in message
        assert "more than the limit of 200,000,000 for the shared strings" in message

    def test_worksheet_too_large(self, tmp_path):
        """A worksheet that unpacks past 250 MB is refused, naming the sheet."""
        row = b'<row><c t="inlineStr"><is><t>Meningkatkan kualitas layanan</t></is></c></row>'
        body = Repeat(SHEET_HEAD, row, 251_000_000 // len(row) + 1, SHEET_TAIL)
        message = refused(package(tmp_path / "big.xlsx", sheets={"targets": body}))
        assert "part xl/worksheets/sheet1.xml (the worksheet targets) unpacks to" in message
        assert "the limit of 250,000,000 for a worksheet; split the workbook" in message

    def test_other_part_too_large(self, tmp_path):
        """Any other XML part (here the styles) may unpack to 50 MB at most."""
        styles = Repeat(f'<styleSheet xmlns="{MAIN}">'.encode(), b" ", 51_000_000, b"</styleSheet>")
        message = refused(package(tmp_path / "styles.xlsx", parts={"xl/styles.xml": styles}))
        assert "part xl/styles.xml unpacks to 51,0" in message
        assert "limit of 50,000,000 for any other part" in message


@pytest.mark.usefixtures("no_openpyxl_load")
class TestCounts:
    """Streamed once, cheaply, a part is refused as soon as it passes a count."""

    def test_too_many_shared_strings(self, tmp_path):
        """More than 2,000,000 strings (here empty ones, 10 MB) are refused."""
        strings = Repeat(STRINGS_HEAD, b"<si/>", 2_000_001, b"</sst>")
        message = refused(package(tmp_path / "strings.xlsx", strings=strings))
        assert "(the shared strings) holds more than 2,000,000 strings" in message

    def test_too_many_cells(self, tmp_path):
        """More than 5,000,000 cells in a worksheet are refused, naming it."""
        row = b"<row>" + b"<c/>" * 1000 + b"</row>"
        body = Repeat(SHEET_HEAD, row, 5001, SHEET_TAIL)
        message = refused(package(tmp_path / "cells.xlsx", sheets={"ratings": body}))
        assert "(the worksheet ratings) holds more than 5,000,000 cells" in message
        assert "the limit for a worksheet" in message

    def test_prefixed_cells_count(self, tmp_path):
        """Cells written with a namespace prefix (<x:c>) are counted as well."""
        head = f'<x:worksheet xmlns:x="{MAIN}"><x:sheetData>'.encode()
        row = b"<x:row>" + b"<x:c/>" * 1000 + b"</x:row>"
        body = Repeat(head, row, 5001, b"</x:sheetData></x:worksheet>")
        message = refused(package(tmp_path / "prefixed.xlsx", sheets={"ratings": body}))
        assert "holds more than 5,000,000 cells" in message

    def test_too_many_elements_in_the_strings(self, tmp_path):
        """Formatted runs count as elements: 10,000,000 at most in the shared strings."""
        unit = b"<si>" + b"<r/>" * 1000 + b"</si>"
        strings = Repeat(STRINGS_HEAD, unit, 10_001, b"</sst>")
        message = refused(package(tmp_path / "runs.xlsx", strings=strings))
        assert "(the shared strings) holds more than 10,000,000 XML elements" in message

    def test_elements_outside_the_rows(self, tmp_path):
        """A worksheet holds at most 500,000 elements outside its rows (hyperlinks here)."""
        head = SHEET_HEAD + SHEET_TAIL[: -len(b"</worksheet>")] + b"<hyperlinks>"
        body = Repeat(head, b'<hyperlink ref="A1"/>', 500_001, b"</hyperlinks></worksheet>")
        message = refused(package(tmp_path / "links.xlsx", sheets={"targets": body}))
        assert "holds more than 500,000 XML elements outside its rows" in message

    def test_a_row_too_long_counts_as_outside(self, tmp_path):
        """A row of more than 20,000 tags is kept whole in memory: it counts as outside the rows."""
        body = sheet(b"<row>" + b"<c/>" * 600_000 + b"</row>")
        message = refused(package(tmp_path / "row.xlsx", sheets={"targets": body}))
        assert "outside its rows (or rows of more than 20,000 tags)" in message

    def test_other_parts_share_one_budget(self, tmp_path):
        """Styles and comments, each under 1,000,000 elements, are refused together."""
        styles = Repeat(
            f'<styleSheet xmlns="{MAIN}">'.encode(), b"<xf/>", 600_000, b"</styleSheet>"
        )
        comments = Repeat(b"<comments>", b"<a/>", 600_000, b"</comments>")
        parts = {"xl/styles.xml": styles, "xl/comments1.xml": comments}
        message = refused(package(tmp_path / "others.xlsx", parts=parts))
        assert (
            "its parts other than worksheets and shared strings hold more than 1,000,000 XML "
            "elements together, the limit, passed in its part xl/" in message
        )


@pytest.mark.usefixtures("no_openpyxl_load")
class TestKinds:
    """Only a part the package names without ambiguity gets a worksheet's limits."""

    CELLS = Repeat(SHEET_HEAD, b"<row>" + b"<c/>" * 1000 + b"</row>", 1001, SHEET_TAIL)

    def test_a_worksheet_has_the_larger_limits(self, tmp_path):
        """1,001,000 cells fit a worksheet (openpyxl is reached, and fails the test otherwise)."""
        path = package(tmp_path / "fine.xlsx", sheets={"ratings": self.CELLS})
        with zipfile.ZipFile(path) as archive:
            assert limits.measure_parts(archive, lambda part, body: None) == {
                "xl/worksheets/sheet1.xml": "ratings"
            }

    def test_a_missing_worksheet_is_left_to_the_reader(self, tmp_path):
        """A sheet whose part is not in the zip is not measured (openpyxl skips it too)."""
        path = package(tmp_path / "gap.xlsx", sheets={"ratings": sheet(), "targets": sheet()})
        with zipfile.ZipFile(path) as archive:
            members = {info.filename: archive.read(info) for info in archive.infolist()}
        del members["xl/worksheets/sheet2.xml"]
        with zipfile.ZipFile(path, "w") as archive:
            for name, data in members.items():
                archive.writestr(name, data)
        with zipfile.ZipFile(path) as archive:
            titles = limits.measure_parts(archive, lambda part, body: None)
        assert titles == {
            "xl/worksheets/sheet1.xml": "ratings",
            "xl/worksheets/sheet2.xml": "targets",
        }

    @pytest.mark.parametrize(
        ("links", "types"),
        [
            pytest.param([(f"{DOC}/chartsheet", "worksheets/sheet1.xml")], [], id="chartsheet"),
            pytest.param([], [("xl/other.xml", ML + "sheet.main+xml")], id="two-workbooks"),
            pytest.param(
                [], [("xl/worksheets/sheet1.xml", ML + "sharedStrings+xml")], id="also-strings"
            ),
        ],
    )
    def test_an_ambiguous_worksheet_has_the_small_budget(self, tmp_path, links, types):
        """A sheet also named as a chartsheet, beside a second workbook or as the strings."""
        path = package(
            tmp_path / "odd.xlsx", sheets={"ratings": self.CELLS}, links=links, types=types
        )
        message = refused(path)
        assert "hold more than 1,000,000 XML elements together" in message
        assert "passed in its part xl/worksheets/sheet1.xml" in message


def shared(path):
    """Rewrite the workbook at *path* as Excel saves it: text in shared strings, not inline."""
    with zipfile.ZipFile(path) as archive:
        members = {info.filename: archive.read(info) for info in archive.infolist()}
    texts: dict[bytes, int] = {}
    inline = re.compile(rb't="inlineStr"><is><t(?: xml:space="preserve")?>(.*?)</t></is>')

    def share(match):
        return b't="s"><v>%d</v>' % texts.setdefault(match.group(1), len(texts))

    for name in [name for name in members if name.startswith("xl/worksheets/sheet")]:
        members[name] = inline.sub(share, members[name])
    members["xl/sharedStrings.xml"] = (
        STRINGS_HEAD + b"".join(b"<si><t>%s</t></si>" % text for text in texts) + b"</sst>"
    )
    override = f'<Override PartName="/xl/sharedStrings.xml" ContentType="{ML}sharedStrings+xml"/>'
    members["[Content_Types].xml"] = members["[Content_Types].xml"].replace(
        b"</Types>", override.encode() + b"</Types>"
    )
    relation = f'<Relationship Id="rIdS" Type="{DOC}/sharedStrings" Target="sharedStrings.xml"/>'
    members["xl/_rels/workbook.xml.rels"] = members["xl/_rels/workbook.xml.rels"].replace(
        b"</Relationships>", relation.encode() + b"</Relationships>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return texts


class TestNormalWorkbooks:
    """A workbook as the library or Excel writes it reads as before."""

    def test_shared_strings_workbook_reads(self, tmp_path):
        """The template, its text moved to shared strings, reads back the same appraisal."""
        path = tmp_path / "book.xlsx"
        write_appraisals(path, [SAMPLE])
        assert shared(path)
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            titles, kinds = limits._classify(archive, names, "xl/workbook.xml")
        assert kinds["xl/sharedStrings.xml"] is limits.STRINGS
        assert {kinds[part] for part in titles} == {limits.SHEET}
        assert read_appraisals(path) == (SAMPLE,)

    def test_template_reads(self, tmp_path):
        """The library's own workbook reads, its sheets measured as worksheets."""
        path = tmp_path / "book.xlsx"
        write_appraisals(path, [SAMPLE])
        assert read_appraisals(path) == (SAMPLE,)

    def test_pieces_are_cut_before_a_tag(self, monkeypatch):
        """Streamed pieces join back into the part, each after the first starting a tag."""
        monkeypatch.setattr(limits, "CHUNK", 64)
        data = sheet(
            *(b'<row r="%d"><c r="A%d"><v>%d</v></c></row>' % (n, n, n) for n in range(99))
        )
        pieces = list(limits.bodies(io.BytesIO(data)))
        assert b"".join(pieces) == data
        assert len(pieces) > 10
        assert all(piece.startswith(b"<") for piece in pieces[1:])
