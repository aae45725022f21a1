"""Tests for Indonesian sheet and column names: a workbook named in Indonesian reads the same."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import attrs
import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st
from sheet_edits import edit, problems, put, write_rows

from penilaian import load_sample
from penilaian.exceptions import DuplicateIdError, InvalidValueError
from penilaian.io._columns import header_key
from penilaian.io.samples import load_sample_unit
from penilaian.io.spreadsheet import read_appraisals, write_appraisals, write_template
from penilaian.io.tables import (
    INSTRUCTIONS_SHEET,
    LISTS_SHEET,
    RESULT_TABLES,
    TABLES,
    Column,
    ColumnType,
    Table,
    find_table,
)

UNIT = load_sample_unit().appraisals
SAMPLE = load_sample("pp46_2011")
DOCS = Path(__file__).parents[2] / "docs" / "how-to" / "import-a-spreadsheet.md"


def spelt(name, style):
    """*name* as a person might type it: ``Kode Penilaian``, ``KODE-PENILAIAN``..."""
    words = name.split("_")
    return {
        "title": " ".join(word.capitalize() for word in words),
        "upper": "-".join(words).upper(),
        "spaced": f"  {' '.join(words)} ",
        "plain": name,
    }[style]


STYLES = ("title", "upper", "spaced", "plain")


def renamed_csv(folder, choose):
    """Rename every file and header of a CSV workbook to the Indonesian name *choose* picks."""
    for table in TABLES:
        path = folder / f"{table.name}.csv"
        with path.open(encoding="utf-8-sig", newline="") as stream:
            rows = list(csv.reader(stream))
        rows[0] = [choose(table.column(header).names, header) for header in rows[0]]
        path.unlink()
        write_rows(folder / f"{choose(table.names, table.name).strip()}.csv", rows)


class TestTheNames:
    """Every sheet and column has Indonesian names, and no name is ambiguous."""

    def test_every_table_and_column_has_an_indonesian_name(self):
        """The first Indonesian name is the one an Indonesian template writes."""
        for table in TABLES:
            assert table.names
            assert table.sheet_name("id") == table.names[0]
            for column in table.columns:
                assert column.names, (table.name, column.header)
                assert column.heading("id") == column.names[0]
                assert column.heading("en") == column.header

    def test_no_name_names_two_sheets(self):
        """Sheet names (English or Indonesian) are unique, and none is a skipped sheet."""
        keys = [header_key(name) for table in TABLES for name in {table.name, *table.names}]
        assert len(keys) == len(set(keys))
        assert not {header_key(INSTRUCTIONS_SHEET), header_key(LISTS_SHEET)} & set(keys)
        for table in (*TABLES, *RESULT_TABLES):
            assert find_table(table.name, (*TABLES, *RESULT_TABLES)) is table

    def test_every_name_finds_its_column(self):
        """Each name, however spelt, finds its own column."""
        for table in TABLES:
            for name in table.names:
                for style in STYLES:
                    assert find_table(spelt(name, style)) is table
            for column in table.columns:
                for name in (column.header, *column.names):
                    for style in STYLES:
                        assert table.column(spelt(name, style)) is column

    def test_a_name_of_two_columns_is_refused_when_declared(self):
        """An ambiguous layout never reaches a reader: the table refuses it."""
        first = Column("a", ColumnType.TEXT, "satu", "one", names=("nama",))
        second = Column("b", ColumnType.TEXT, "dua", "two", names=("Nama",))
        with pytest.raises(TypeError, match="'Nama' names both a and b"):
            Table("t", "uraian", "description", (first, second))

    def test_the_docs_list_every_name(self):
        """The how-to's table of Indonesian names is the layout's."""
        text = DOCS.read_text(encoding="utf-8")
        listed = {}
        for sheet, column, names in re.findall(
            r"^\| `(\w+)` \| `(\w+)` \| (.+) \|$", text, re.MULTILINE
        ):
            listed[sheet, column] = tuple(re.findall(r"`(\w+)`", names))
        sheets = dict(re.findall(r"^\| `(\w+)` \| \| (.+) \|$", text, re.MULTILINE))
        for table in TABLES:
            assert tuple(re.findall(r"`(\w+)`", sheets[table.name])) == table.names
            for column in table.columns:
                assert listed[table.name, column.header] == column.names


class TestIndonesianWorkbooks:
    """A workbook named in Indonesian reads as the English one."""

    def test_renamed_workbook_reads_equal(self, tmp_path):
        """Every sheet and header renamed, in any case and spacing, reads the same."""
        path = tmp_path / "unit.xlsx"
        write_appraisals(path, UNIT)
        english = read_appraisals(path)
        book = openpyxl.load_workbook(path)
        for number, table in enumerate(TABLES):
            sheet = book[table.name]
            for index, cell in enumerate(sheet[1]):
                names = table.column(cell.value).names
                cell.value = spelt(names[index % len(names)], STYLES[index % len(STYLES)])
            sheet.title = spelt(table.names[number % len(table.names)], STYLES[number % 2])
        book.save(path)
        assert read_appraisals(path) == english == UNIT

    @given(data=st.data())
    def test_renamed_csv_folder_reads_equal(self, tmp_path_factory, data):
        """CSV files and headers named by any of their names, however spelt, read the same."""
        folder = tmp_path_factory.mktemp("csv")
        write_appraisals(folder, [SAMPLE], format="csv")

        def choose(names, english):
            name = data.draw(st.sampled_from((english, *names)))
            return spelt(name, data.draw(st.sampled_from(STYLES[:3])))

        renamed_csv(folder, choose)
        assert read_appraisals(folder) == (SAMPLE,)

    @pytest.mark.parametrize("format", ["xlsx", "csv"])
    def test_indonesian_template_reads_equal(self, tmp_path, format):  # noqa: A002
        """A template written in Indonesian names its sheets so, and reads back equal."""
        path = tmp_path / ("unit.xlsx" if format == "xlsx" else "unit")
        write_template(path, format, example=UNIT, lang="id")
        assert read_appraisals(path) == UNIT
        if format == "xlsx":
            book = openpyxl.load_workbook(path)
            assert book.sheetnames == [INSTRUCTIONS_SHEET, *(t.sheet_name("id") for t in TABLES)]
            assert tuple(cell.value for cell in book["pegawai"][1]) == TABLES[0].headings("id")
            assert book["pegawai"]["F2"].value == UNIT[0].position.kind.label_id
        else:
            assert {p.stem for p in path.iterdir()} == {
                INSTRUCTIONS_SHEET,
                *(t.sheet_name("id") for t in TABLES),
            }

    def test_problems_name_the_sheet_as_spelt(self, tmp_path):
        """A bad cell of an Indonesian sheet is placed on that sheet, under its English id."""
        path = tmp_path / "unit.xlsx"
        write_template(path, example=[SAMPLE], lang="id")
        put(path, {"target!K2": 0})
        (problem,) = problems(path)
        assert problem.path == "target!K2"
        assert problem.message.startswith("target, row 2, column K (target_value):")

    def test_an_unknown_language_is_refused(self, tmp_path):
        """Only id and en are template languages."""
        with pytest.raises(InvalidValueError, match="lang"):
            write_template(tmp_path / "x.xlsx", lang="fr")
        assert not (tmp_path / "x.xlsx").exists()


class TestDuplicates:
    """A column or sheet named twice, in two languages, is one problem at the second."""

    def test_a_column_in_both_languages(self, xlsx):
        """appraisal_id and Kode Penilaian on one sheet: the second is refused, typed."""
        put(xlsx, {"targets!R1": "Kode Penilaian"})
        (problem,) = problems(xlsx)
        assert problem.path == "targets!R1"
        assert problem.message == "targets, row 1, column R: column appraisal_id repeats column A"
        assert isinstance(problem.error, DuplicateIdError)

    def test_a_sheet_in_both_languages(self, xlsx):
        """An employees sheet and a pegawai sheet are one table twice."""

        def copy(book):
            book.copy_worksheet(book["employees"]).title = "Pegawai"

        edit(xlsx, copy)
        (problem,) = problems(xlsx)
        assert problem.path == "Pegawai"
        assert "a second sheet for table employees (the first is employees)" in problem.message
        assert isinstance(problem.error, DuplicateIdError)


def test_names_are_kept_when_a_table_changes():
    """A table rebuilt with evolve keeps matching its names."""
    targets = find_table("targets")
    rebuilt = attrs.evolve(targets, required=False)
    assert rebuilt.column("Target Angka") is targets.column("target_value")
