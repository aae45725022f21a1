"""Tests for penilaian.io.spreadsheet: files that are no workbooks, limits, zip bombs, the extra."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import time
import zipfile

import openpyxl
import pytest

from penilaian import load_sample
from penilaian.exceptions import InvalidInputError, PenilaianError
from penilaian.io.spreadsheet import (
    DEFAULT_MAX_BYTES,
    DEFAULT_MAX_ROWS,
    DEFAULT_MAX_UNPACKED_BYTES,
    MissingExtraError,
    read_appraisals,
    write_appraisals,
    write_results,
    write_template,
)

SAMPLE = load_sample("pp46_2011")


@pytest.fixture(name="no_openpyxl_load")
def _no_openpyxl_load(monkeypatch):
    """Make openpyxl's loader fail the test if the reader ever gets that far."""

    def refuse(*args, **kwargs):
        pytest.fail("openpyxl was asked to open a file the reader should have refused")

    monkeypatch.setattr(openpyxl, "load_workbook", refuse)


def only_problem(path, **limits):
    """The single problem reading *path* reports."""
    with pytest.raises(InvalidInputError) as raised:
        read_appraisals(path, **limits)
    (problem,) = raised.value.problems
    return problem


def rezip(path, change):
    """Rewrite the zip at *path*, passing each member's name and bytes through *change*."""
    with zipfile.ZipFile(path) as archive:
        members = [(info.filename, archive.read(info)) for info in archive.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members:
            archive.writestr(name, change(name, data))


def sheet_part(path, header):
    """The name of the worksheet part whose XML holds *header* (a header unique to it)."""
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            data = archive.read(name)
            # The instructions sheet lists every header, so it is left out.
            wanted = header.encode() in data and b"Petunjuk" not in data
            if name.startswith("xl/worksheets/") and wanted:
                return name
    raise AssertionError(header)


class TestNotAWorkbook:
    """Files that are not spreadsheets are refused by name, before anything is parsed."""

    @pytest.mark.parametrize(
        "data",
        [b"\x89PNG\r\n\x1a\n" + bytes(range(256)), os.urandom(2048), b""],
        ids=["png", "random", "empty"],
    )
    def test_other_files_named_xlsx(self, tmp_path, data, no_openpyxl_load):
        """A PNG, random bytes or an empty file called .xlsx is no workbook."""
        path = tmp_path / "nilai.xlsx"
        path.write_bytes(data)
        problem = only_problem(path)
        assert problem.path == "nilai.xlsx"
        assert "neither an XLSX workbook nor a directory of CSV files" in problem.message

    def test_zip_without_workbook_parts(self, tmp_path, no_openpyxl_load):
        """A zip archive that holds no workbook is refused."""
        path = tmp_path / "nilai.xlsx"
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("readme.txt", "halo")
        assert "a zip archive without the parts of a workbook" in only_problem(path).message

    def test_zip_with_broken_workbook(self, tmp_path):
        """A zip with a content-types part but no workbook cannot be opened."""
        path = tmp_path / "nilai.xlsx"
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("[Content_Types].xml", "<Types/>")
        assert "not an XLSX workbook: it cannot be opened" in only_problem(path).message

    def test_truncated_workbook(self, xlsx):
        """Half a workbook is not a zip archive any more."""
        xlsx.write_bytes(xlsx.read_bytes()[:2000])
        assert "it is not a zip archive" in only_problem(xlsx).message

    def test_old_xls_workbook(self, tmp_path):
        """An old binary .xls file is refused, saying to save it as .xlsx."""
        path = tmp_path / "nilai.xls"
        path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512))
        assert "save it as .xlsx" in only_problem(path).message

    def test_single_csv_file(self, folder):
        """One CSV file is refused: the reader reads the directory of all tables."""
        assert "put the CSV files of all tables" in only_problem(folder / "employees.csv").message

    @pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
    def test_named_pipe_does_not_hang(self, tmp_path):
        """A named pipe is not a regular file; nothing waits on it."""
        path = tmp_path / "pipe.xlsx"
        os.mkfifo(path)
        started = time.monotonic()
        assert "not a regular file" in only_problem(path).message
        assert time.monotonic() - started < 5

    def test_missing_file_is_a_typed_error(self, tmp_path):
        """A path that does not exist is one problem naming the file, as every reader says it."""
        assert "no such file" in only_problem(tmp_path / "missing.xlsx").message


class TestLimits:
    """Size and row limits are checked before the data is read in full."""

    def test_defaults(self):
        """The documented defaults: 50 MB, 200,000 rows a sheet, 500 MB unpacked."""
        assert (
            DEFAULT_MAX_BYTES,
            DEFAULT_MAX_ROWS,
            DEFAULT_MAX_UNPACKED_BYTES,
        ) == (50_000_000, 200_000, 500_000_000)

    def test_file_too_large(self, xlsx, no_openpyxl_load):
        """A file larger than max_bytes is refused before it is opened as a workbook."""
        message = only_problem(xlsx, max_bytes=1000).message
        assert "is larger than the limit of 1000 bytes (max_bytes)" in message

    def test_csv_directory_too_large(self, folder):
        """The CSV files together may not exceed max_bytes."""
        assert "(max_bytes)" in only_problem(folder, max_bytes=1000).message

    @pytest.mark.parametrize("fmt", ["xlsx", "csv"])
    def test_too_many_rows(self, tmp_path, fmt):
        """A sheet with more than max_rows data rows is refused, naming the sheet."""
        path = tmp_path / ("book.xlsx" if fmt == "xlsx" else "book")
        write_appraisals(path, [SAMPLE], format=fmt)
        with pytest.raises(InvalidInputError) as raised:
            read_appraisals(path, max_rows=5)
        found = {problem.path: problem.message for problem in raised.value.problems}
        assert "more than 5 rows" in found["targets"]
        assert "more than 5 rows" in found["ratings"]

    def test_zip_bomb_refused_before_unpacking(self, tmp_path, no_openpyxl_load):
        """A small file that would unpack past max_unpacked_bytes is refused unopened."""
        path = tmp_path / "bomb.xlsx"
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("[Content_Types].xml", "<Types/>")
            archive.writestr("xl/worksheets/sheet1.xml", bytes(20_000_000))
        assert path.stat().st_size < 100_000
        problem = only_problem(path, max_unpacked_bytes=10_000_000)
        assert "unpacks to 20,000,0" in problem.message
        assert "(max_unpacked_bytes)" in problem.message

    def test_too_many_parts(self, tmp_path, no_openpyxl_load):
        """A zip of more than 10,000 parts is no workbook."""
        path = tmp_path / "parts.xlsx"
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("[Content_Types].xml", "<Types/>")
            for number in range(10_000):
                archive.writestr(f"x/{number}", b"")
        assert "more than 10,000 parts" in only_problem(path).message

    def test_encrypted_part(self, tmp_path, no_openpyxl_load):
        """A zip whose parts are encrypted is refused, asking to remove the password."""
        path = tmp_path / "locked.xlsx"
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("[Content_Types].xml", b"<Types/>")
        data = bytearray(path.read_bytes())
        # zipfile never writes the encryption flag, so set it in the local and central headers.
        for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
            data[data.index(signature) + offset] |= 0x1
        path.write_bytes(bytes(data))
        assert "encrypted" in only_problem(path).message

    def test_empty_xml_part_is_harmless(self, xlsx):
        """An empty part that nothing refers to does not stop the workbook."""
        rezip(xlsx, lambda name, data: data)
        with zipfile.ZipFile(xlsx, "a") as archive:
            archive.writestr("xl/unused.xml", b"")
        assert read_appraisals(xlsx) == (SAMPLE,)

    def test_rows_past_the_last_row_of_a_sheet(self, xlsx):
        """A sheet claiming a row past 1,048,576 is not read further."""
        part = sheet_part(xlsx, "certified_by")
        row = b'<row r="1048577"><c r="A1048577" t="inlineStr"><is><t>x</t></is></c></row>'
        rezip(
            xlsx,
            lambda name, data: (
                data.replace(b"</sheetData>", row + b"</sheetData>") if name == part else data
            ),
        )
        assert "past the last row a worksheet can have" in only_problem(xlsx).message

    def test_cells_far_to_the_right(self, xlsx):
        """A cell beyond column ZZ makes the sheet unreadable, quickly."""
        put = openpyxl.load_workbook(xlsx)
        put["feedback"]["XFD2"] = "jauh"
        put.save(xlsx)
        started = time.monotonic()
        problem = only_problem(xlsx)
        assert (problem.path, "beyond column ZZ" in problem.message) == ("feedback", True)
        assert time.monotonic() - started < 5


class TestNothingRuns:
    """No input makes the reader evaluate, fetch or expand anything."""

    def test_dtd_refused(self, xlsx, no_openpyxl_load):
        """An XML part with a DTD (entity expansion) is refused before it is parsed."""
        laughs = (
            b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
            b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
        )

        def change(name, data):
            if name == "xl/workbook.xml":
                return laughs + data.split(b"?>", 1)[-1]
            return data

        rezip(xlsx, change)
        assert "declares a DTD" in only_problem(xlsx).message

    def test_opened_without_links_or_evaluation(self, xlsx, monkeypatch):
        """openpyxl opens the workbook read-only, formulas kept, external links dropped."""
        seen = {}
        load = openpyxl.load_workbook

        def spy(source, **options):
            seen.update(options)
            assert isinstance(source, io.BytesIO)  # the bytes already read, not the path
            return load(source, **options)

        monkeypatch.setattr(openpyxl, "load_workbook", spy)
        read_appraisals(xlsx)
        assert {key: seen[key] for key in ("read_only", "data_only", "keep_links", "keep_vba")} == {
            "read_only": True,
            "data_only": False,
            "keep_links": False,
            "keep_vba": False,
        }


class TestCsvDirectory:
    """Only the directory's own CSV files are read."""

    def test_link_refused(self, folder, tmp_path):
        """A link in the directory is refused, even to a valid table."""
        target = tmp_path / "elsewhere.csv"
        target.write_bytes((folder / "feedback.csv").read_bytes())
        (folder / "feedback.csv").unlink()
        (folder / "feedback.csv").symlink_to(target)
        problem = only_problem(folder)
        assert (problem.path, "a link" in problem.message) == ("feedback.csv", True)

    def test_subdirectory_refused(self, folder):
        """A directory inside is not a table."""
        (folder / "arsip").mkdir()
        assert "not a CSV file" in only_problem(folder).message

    def test_not_utf8(self, folder):
        """A file in another encoding is refused at the line of the first bad byte."""
        path = folder / "employees.csv"
        path.write_bytes(path.read_bytes().replace(b"Dewi", "D\xe9wi".encode("latin-1")))
        problem = only_problem(folder)
        assert (problem.path, "not UTF-8" in problem.message) == ("employees!2:2", True)

    def test_broken_quotes(self, folder):
        """A quote that is never closed is named at its row."""
        with (folder / "innovations.csv").open("a", encoding="utf-8") as stream:
            stream.write('skp-2019-dewi,"tanpa akhir,organisation\n')
        assert "not valid CSV" in only_problem(folder).message


class TestMissingExtra:
    """Without openpyxl, XLSX says what to install, and CSV still works."""

    @pytest.fixture(name="without_openpyxl")
    def _without_openpyxl(self, monkeypatch):
        for name in [name for name in sys.modules if name.startswith("openpyxl")]:
            monkeypatch.delitem(sys.modules, name)
        monkeypatch.setitem(sys.modules, "openpyxl", None)

    def test_reading_xlsx_names_the_install(self, xlsx, without_openpyxl):
        """Reading a workbook raises MissingExtraError naming pip install "penilaian[xlsx]"."""
        with pytest.raises(MissingExtraError, match=r'pip install "penilaian\[xlsx\]"') as raised:
            read_appraisals(xlsx)
        assert isinstance(raised.value, PenilaianError)
        assert isinstance(raised.value, ImportError)
        assert (raised.value.extra, raised.value.package) == ("xlsx", "openpyxl")

    def test_writing_xlsx_names_the_install(self, tmp_path, without_openpyxl):
        """Writing a template or results as XLSX raises the same error; nothing is written."""
        with pytest.raises(MissingExtraError):
            write_template(tmp_path / "template.xlsx")
        with pytest.raises(MissingExtraError):
            write_results(tmp_path / "results.xlsx", [], [])
        assert list(tmp_path.iterdir()) == []

    def test_csv_needs_nothing(self, folder, without_openpyxl):
        """CSV templates are written and read without openpyxl."""
        write_template(folder.parent / "template", "csv")
        assert read_appraisals(folder) == (SAMPLE,)

    def test_importing_penilaian_does_not_import_openpyxl(self):
        """The core and the spreadsheet module import openpyxl only when XLSX is used."""
        code = "import sys, penilaian, penilaian.io.spreadsheet; print('openpyxl' in sys.modules)"
        result = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )
        assert result.stdout.strip() == "False"
