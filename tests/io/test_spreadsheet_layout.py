"""Tests for penilaian.io.tables and the cell rules: the layout as data, places, typed cells."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.strategies import excel_decimals, long_decimals

from penilaian import Aspect, PositionKind
from penilaian.exceptions import InvalidValueError, UnknownLabelError
from penilaian.io._cells import FALSE_WORDS, TRUE_WORDS, read_cell
from penilaian.io._csv import format_cell
from penilaian.io._places import Finding, Where, column_letter, show, to_problems
from penilaian.io._source import CellError, Formula, Percent
from penilaian.io._xlsx_write import excel_number
from penilaian.io.tables import (
    INSTRUCTIONS_SHEET,
    RESULT_TABLES,
    TABLES,
    Column,
    ColumnType,
    find_table,
)
from penilaian.model import BUILTIN_FRAMEWORKS


def column(kind, **options):
    """A column of *kind* named "x", for reading single cells."""
    return Column("x", kind, "uraian", "description", **options)


class TestTables:
    """The layout is consistent, and matches the model's enumerations."""

    def test_names_and_headers_are_unique(self):
        """Table names are unique, and so are the headers of each table."""
        names = [table.name for table in (*TABLES, *RESULT_TABLES)]
        assert len(names) == len(set(names))
        assert INSTRUCTIONS_SHEET not in names
        for table in (*TABLES, *RESULT_TABLES):
            assert len(table.headers) == len(set(table.headers))

    def test_every_table_names_its_appraisal_first(self):
        """Every table's first column is appraisal_id."""
        assert {"appraisal_id"} == {table.headers[0] for table in (*TABLES, *RESULT_TABLES)}

    def test_required_tables(self):
        """Employees, targets, realisations and ratings are required; the rest optional."""
        assert [table.name for table in TABLES if table.required] == [
            "employees",
            "targets",
            "realisations",
            "ratings",
        ]

    def test_choices_follow_the_enumerations(self):
        """A choice backed by an enumeration lists exactly its ids."""
        position_kind = find_table("employees").column("position_kind")
        assert tuple(kind.value for kind in PositionKind) == position_kind.choices
        assert (
            tuple(aspect.value for aspect in Aspect)
            == find_table("targets").column("aspect").choices
        )
        assert tuple(BUILTIN_FRAMEWORKS) == find_table("employees").column("framework_id").choices
        for table in TABLES:
            for item in table.columns:
                assert bool(item.choices) == (item.kind is ColumnType.CHOICE)

    def test_every_column_is_described_in_both_languages(self):
        """Each column has an Indonesian and an English description."""
        for table in (*TABLES, *RESULT_TABLES):
            for item in table.columns:
                assert item.description_id.strip()
                assert item.description_en.strip()
                assert item.description_id != item.description_en

    def test_find_table(self):
        """Tables are found by name, case and surrounding spaces ignored."""
        assert TABLES[1] is find_table(" Targets ")
        assert find_table("sheet1") is None
        assert find_table("figures") is None
        assert RESULT_TABLES[1] is find_table("figures", RESULT_TABLES)

    def test_column_lookup(self):
        """A table finds its column by header, or gives None."""
        targets = find_table("targets")
        assert targets.column("target_value").header == "target_value"
        assert targets.column("nope") is None


class TestPlaces:
    """Places read as in a spreadsheet: targets!E7, and in words."""

    @pytest.mark.parametrize(
        ("index", "letters"), [(0, "A"), (4, "E"), (25, "Z"), (26, "AA"), (701, "ZZ"), (702, "AAA")]
    )
    def test_column_letters(self, index, letters):
        """Column 0 is A, 26 is AA, 702 is AAA."""
        assert letters == column_letter(index)

    @pytest.mark.parametrize(
        ("where", "path", "label"),
        [
            (
                Where("targets", 7, 4, "target_value"),
                "targets!E7",
                "targets, row 7, column E (target_value)",
            ),
            (Where("targets", 7), "targets!7:7", "targets, row 7"),
            (Where("targets", 5, last_row=7), "targets!5:7", "targets, rows 5 to 7"),
            (Where("ratings", cells="J2:K3"), "ratings!J2:K3", "ratings, cells J2:K3"),
            (Where("targets"), "targets", "targets"),
            (Where("nilai.xlsx", whole_file=True), "nilai.xlsx", "nilai.xlsx"),
        ],
    )
    def test_path_and_label(self, where, path, label):
        """Each kind of place has its reference and its words."""
        assert (path, label) == (where.path, where.label)

    def test_problems_ordered_by_file_sheet_row_and_column(self):
        """Problems come file first, then sheet by sheet in the layout's order, row, column."""
        places = [
            Where("ratings", 2, 1),
            Where("Sheet1"),
            Where("targets", 9, 0),
            Where("targets", 3, 5),
            Where("targets", 3, 2),
            Where("book.xlsx", whole_file=True),
            Where("employees"),
        ]
        problems = to_problems(Finding(where, "x") for where in places)
        assert [problem.path for problem in problems] == [
            "book.xlsx",
            "employees",
            "targets!C3",
            "targets!F3",
            "targets!A9",
            "ratings!B2",
            "Sheet1",
        ]

    @pytest.mark.parametrize(
        ("value", "shown"),
        [
            (None, "an empty cell"),
            ("abc", '"abc"'),
            (True, "TRUE"),
            (Decimal("2.50"), "2.50"),
            (12, "12"),
            (dt.date(2024, 3, 15), "2024-03-15"),
            ((1, 2), "(1, 2)"),
        ],
    )
    def test_show(self, value, shown):
        """Values are shown as a spreadsheet user typed them."""
        assert shown == show(value)


class TestCells:
    """Each column type reads text (CSV and XLSX) and typed XLSX cells by the same rules."""

    @pytest.mark.parametrize(
        ("kind", "raw", "expected"),
        [
            (ColumnType.ID, "  rhk-1 ", "rhk-1"),
            (ColumnType.TEXT, "Laporan\nbulanan", "Laporan\nbulanan"),
            (ColumnType.TEXT, 2024, "2024"),
            (ColumnType.NIP, "19920315 201903 2 001", "19920315 201903 2 001"),
            (ColumnType.NUMBER, "12.50", Decimal("12.50")),
            (ColumnType.NUMBER, 12, Decimal(12)),
            (ColumnType.NUMBER, 0.1, Decimal("0.1")),
            (ColumnType.DATE, "2024-03-15", dt.date(2024, 3, 15)),
            (ColumnType.DATE, dt.datetime(2024, 3, 15), dt.date(2024, 3, 15)),  # noqa: DTZ001
            (ColumnType.DATE, dt.date(2024, 3, 15), dt.date(2024, 3, 15)),
            (ColumnType.BOOLEAN, "Ya", True),
            (ColumnType.BOOLEAN, "FALSE", False),
            (ColumnType.BOOLEAN, True, True),
            (ColumnType.LIST, "a.pdf; b.pdf", ("a.pdf", "b.pdf")),
            (ColumnType.LIST, 7, ("7",)),
            (ColumnType.TEXT, "   ", None),
            (ColumnType.NUMBER, None, None),
        ],
    )
    def test_reads(self, kind, raw, expected):
        """What each type makes of a cell."""
        assert expected == read_cell(column(kind), raw)

    def test_choice_by_id_label_or_alias(self):
        """A choice is read as its canonical id, whatever spelling named it."""
        kinds = column(ColumnType.CHOICE, choices=("point", "range"))
        assert read_cell(kinds, " RANGE ") == "range"
        aspects = column(ColumnType.CHOICE, choices=("quantity",), enum=Aspect)
        assert read_cell(aspects, "kualitas/mutu") == "quality"
        with pytest.raises(UnknownLabelError) as raised:
            read_cell(kinds, "titik")
        assert raised.value.accepted == ("point", "range")

    @pytest.mark.parametrize(
        ("kind", "raw", "reason"),
        [
            (ColumnType.NUMBER, Formula("=A1"), "a formula is never calculated"),
            (ColumnType.TEXT, CellError("#DIV/0!"), "the cell shows the error #DIV/0!"),
            (ColumnType.NUMBER, Percent(0.5), "formatted as a percentage"),
            (ColumnType.NUMBER, "abc", "is not a number"),
            (ColumnType.NUMBER, True, "expected a number, not TRUE/FALSE"),
            (ColumnType.ID, Percent(1), "an id typed as a number"),
            (ColumnType.ID, dt.time(9, 30), "an id must be text, not a time"),
            (ColumnType.NIP, True, "a NIP must be text"),
            (ColumnType.DATE, dt.timedelta(days=1), "enter a date, not a time"),
            (ColumnType.BOOLEAN, 1, "write Ya or Tidak"),
            (ColumnType.CHOICE, 2, "expected one of"),
            (ColumnType.LIST, 1.5, "expected text, not a number"),
        ],
    )
    def test_refuses(self, kind, raw, reason):
        """What each type refuses, saying what to do instead."""
        with pytest.raises(InvalidValueError, match=reason) as raised:
            read_cell(column(kind, choices=("a",) if kind is ColumnType.CHOICE else ()), raw)
        assert raised.value.field == "x"

    def test_yes_and_no_words_do_not_overlap(self):
        """No word reads as both yes and no."""
        assert not TRUE_WORDS & FALSE_WORDS

    @given(value=excel_decimals)
    def test_excel_keeps_short_decimals(self, value):
        """A decimal of at most 15 significant digits is written as a number Excel keeps."""
        number = excel_number(value)
        assert number is not None
        assert value == read_cell(column(ColumnType.NUMBER), number)

    @given(value=long_decimals)
    def test_long_decimals_are_not_numbers(self, value):
        """A decimal Excel would round is not written as a number."""
        assert excel_number(value) is None

    @given(
        value=st.one_of(
            excel_decimals,
            long_decimals,
            st.dates(min_value=dt.date(1900, 1, 1)),
            st.booleans(),
        )
    )
    def test_csv_text_reads_back(self, value):
        """A number, date or yes/no written as CSV text reads back equal."""
        kind = {Decimal: ColumnType.NUMBER, dt.date: ColumnType.DATE, bool: ColumnType.BOOLEAN}
        assert value == read_cell(column(kind[type(value)]), format_cell(value))
