"""Tests for penilaian.io.spreadsheet: templates, round trips, reading features, result export."""

from __future__ import annotations

import csv
from datetime import date
from decimal import Decimal

import attrs
import openpyxl
import pytest
from hypothesis import given, settings
from tests.strategies import writable_appraisals

from penilaian import (
    Grade,
    NumericScale,
    OrdinalScale,
    Period,
    Rating,
    Realisation,
    default_registry,
    load_sample,
    load_sample_unit,
)
from penilaian.exceptions import InvalidInputError, InvalidValueError
from penilaian.io.spreadsheet import (
    read_appraisals,
    write_appraisals,
    write_results,
    write_template,
)
from penilaian.io.tables import (
    INSTRUCTIONS_SHEET,
    RESULT_TABLES,
    TABLES,
    ColumnType,
    find_table,
)

REGIMES = ("pp46_2011", "pp30_2019", "permen6_2022")
FORMATS = ("xlsx", "csv")
REGISTRY = default_registry()


def workbook(tmp_path, fmt, name="appraisals"):
    """The path of a workbook of format *fmt*: an .xlsx file or a CSV directory."""
    return tmp_path / (f"{name}.xlsx" if fmt == "xlsx" else name)


def scored(appraisals, regime):
    """Score *appraisals* under *regime*, without the trace."""
    strategy = REGISTRY.get(regime)
    return [strategy.score(appraisal).without_trace() for appraisal in appraisals]


def table_rows(path, name, fmt):
    """The rows of table *name* of a written workbook, as dicts of cell values."""
    if fmt == "csv":
        with (path / f"{name}.csv").open(encoding="utf-8-sig", newline="") as stream:
            return list(csv.DictReader(stream))
    book = openpyxl.load_workbook(path, read_only=True)
    try:
        rows = list(book[name].iter_rows(values_only=True))
    finally:
        book.close()
    return [dict(zip(rows[0], row, strict=False)) for row in rows[1:]]


def exported(cell):
    """A score cell read back from an export: empty, or an exact decimal."""
    return None if cell in (None, "") else Decimal(str(cell))


def edit_csv(directory, name, change):
    """Rewrite ``<directory>/<name>.csv`` with ``change(rows)``, rows as lists of strings."""
    path = directory / f"{name}.csv"
    with path.open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.reader(stream))
    rows = change(rows)
    with path.open("w", encoding="utf-8", newline="") as stream:
        csv.writer(stream).writerows(rows)


def set_cells(directory, name, cells):
    """Set cells of ``<name>.csv`` by (row number, header): the header is row 1."""

    def change(rows):
        for (number, header), value in cells.items():
            rows[number - 1][rows[0].index(header)] = value
        return rows

    edit_csv(directory, name, change)


class TestRoundTrip:
    """A filled template reads back as equal appraisals, which score the same."""

    @pytest.mark.parametrize("fmt", FORMATS)
    @pytest.mark.parametrize("regime", REGIMES)
    def test_sample_reads_back_equal(self, tmp_path, regime, fmt):
        """The regime's shipped sample survives writing and reading unchanged."""
        sample = load_sample(regime)
        path = workbook(tmp_path, fmt)
        write_appraisals(path, [sample], format=fmt)
        assert (sample,) == read_appraisals(path)

    @pytest.mark.parametrize("fmt", FORMATS)
    @pytest.mark.parametrize("regime", REGIMES)
    def test_sample_scores_the_same(self, tmp_path, regime, fmt):
        """The appraisal read back gives the same result, figure for figure."""
        sample = load_sample(regime)
        path = workbook(tmp_path, fmt)
        write_template(path, fmt, example=[sample])
        assert scored([sample], regime) == scored(read_appraisals(path), regime)

    @pytest.mark.parametrize("fmt", FORMATS)
    def test_unit_of_ten_reads_back_equal(self, tmp_path, fmt):
        """The ten appraisals of the sample unit, leader's unit grade included, survive."""
        appraisals = load_sample_unit().appraisals
        path = workbook(tmp_path, fmt)
        write_appraisals(path, appraisals, format=fmt)
        back = read_appraisals(path)
        assert appraisals == back
        assert scored(appraisals, "permen6_2022") == scored(back, "permen6_2022")

    @pytest.mark.parametrize("fmt", FORMATS)
    def test_empty_template_reads_as_no_appraisals(self, tmp_path, fmt):
        """A template nobody filled in holds no appraisal, and no problem."""
        path = workbook(tmp_path, fmt)
        write_template(path, fmt)
        assert read_appraisals(path) == ()

    @given(appraisal=writable_appraisals())
    def test_any_writable_appraisal_reads_back_equal_from_csv(self, tmp_path_factory, appraisal):
        """Every appraisal the writer accepts reads back equal from CSV."""
        path = tmp_path_factory.mktemp("csv") / "book"
        write_appraisals(path, [appraisal], format="csv")
        assert (appraisal,) == read_appraisals(path)

    @settings(max_examples=20)
    @given(appraisal=writable_appraisals())
    def test_any_writable_appraisal_reads_back_equal_from_xlsx(self, tmp_path_factory, appraisal):
        """Every appraisal the writer accepts reads back equal from XLSX."""
        path = tmp_path_factory.mktemp("xlsx") / "book.xlsx"
        write_appraisals(path, [appraisal])
        assert (appraisal,) == read_appraisals(path)

    def test_rater_without_ratings_and_rater_order_survive(self, tmp_path):
        """Rina's second-level supervisor has not rated; raters keep their order."""
        sample = load_sample()
        rated = {rating.rater_id for rating in sample.ratings}
        assert "atasan-2" not in rated
        path = workbook(tmp_path, "csv")
        write_appraisals(path, [sample], format="csv")
        assert sample.raters == read_appraisals(path)[0].raters

    def test_text_starting_with_equals_stays_text(self, tmp_path):
        """A comment that looks like a formula is written and read as text."""
        sample = load_sample()
        first = attrs.evolve(sample.ratings[0], comment="=SUM(A1:A3) belum dihitung")
        changed = attrs.evolve(sample, ratings=(first, *sample.ratings[1:]))
        path = workbook(tmp_path, "xlsx")
        write_appraisals(path, [changed])
        book = openpyxl.load_workbook(path)
        cells = [row[9] for row in book["ratings"].iter_rows(min_row=2)]
        assert {"s"} == {cell.data_type for cell in cells if cell.value}
        assert (changed,) == read_appraisals(path)

    def test_long_decimal_survives_as_text(self, tmp_path):
        """A value with more digits than Excel keeps is written as text, and read exactly."""
        sample = load_sample("pp46_2011")
        value = Decimal("1234567.890123456789")
        changed = sample.with_realisation("kegiatan-1", "k1-o", Realisation(value))
        path = workbook(tmp_path, "xlsx")
        write_appraisals(path, [changed])
        assert value == read_appraisals(path)[0].targets[0].indicators[0].realisation.value

    def test_custom_ordinal_scale_with_aliases_survives(self, tmp_path):
        """An ordinal scale other than the expectation scale keeps its levels and aliases."""
        sample = load_sample()
        scale = OrdinalScale("mutu", ("kurang", "cukup", "baik"), (("B", "baik"), ("K", "kurang")))
        rating = Rating("atasan", "iki-3.1", "mutu", level="B")
        changed = attrs.evolve(sample, scales=(*sample.scales, scale)).with_rating(rating)
        for fmt in FORMATS:
            path = workbook(tmp_path, fmt)
            write_appraisals(path, [changed], format=fmt)
            assert (changed,) == read_appraisals(path)


class TestExport:
    """Template, filled sample, score, export: the export holds the sample's results."""

    @pytest.mark.parametrize("fmt", FORMATS)
    @pytest.mark.parametrize("regime", REGIMES)
    def test_export_reproduces_the_sample_results(self, tmp_path, regime, fmt):
        """Grade and score of the export equal those of the sample scored directly."""
        sample = load_sample(regime)
        expected = REGISTRY.get(regime).score(sample)
        book = workbook(tmp_path, fmt)
        write_template(book, fmt, example=[sample])
        appraisals = read_appraisals(book)
        export = workbook(tmp_path, fmt, "results")
        write_results(export, scored(appraisals, regime), appraisals, format=fmt)
        (row,) = table_rows(export, "results", fmt)
        assert expected.grade.value == row["grade"]
        assert expected.grade.label_id == row["grade_label"]
        assert expected.score == exported(row["score"])
        assert sample.employee.name == row["name"]
        assert str(sample.employee.nip) == row["nip"]
        figures = table_rows(export, "figures", fmt)
        assert expected.figures == {item["key"]: exported(item["value"]) for item in figures}
        categories = table_rows(export, "categories", fmt)
        assert expected.ratings == {item["key"]: item["value"] for item in categories}

    @pytest.mark.parametrize("fmt", FORMATS)
    def test_export_of_the_unit_has_every_grade(self, tmp_path, fmt):
        """The unit's ten grades are exported in order, one row each."""
        unit = load_sample_unit()
        results = unit.score()
        path = workbook(tmp_path, fmt, "results")
        write_results(path, results, unit.appraisals, format=fmt, figures=False)
        rows = table_rows(path, "results", fmt)
        assert [result.grade.value for result in results] == [row["grade"] for row in rows]
        assert [appraisal.id for appraisal in unit.appraisals] == [
            row["appraisal_id"] for row in rows
        ]

    def test_results_sheets_and_headers(self, tmp_path):
        """The export has the results, figures and categories sheets with their headers."""
        sample = load_sample("pp46_2011")
        path = tmp_path / "results.xlsx"
        write_results(path, scored([sample], "pp46_2011"), [sample])
        book = openpyxl.load_workbook(path, read_only=True)
        names = book.sheetnames
        headers = [next(book[table.name].iter_rows(values_only=True)) for table in RESULT_TABLES]
        book.close()
        assert [table.name for table in RESULT_TABLES] == names
        assert [table.headers for table in RESULT_TABLES] == headers

    def test_without_figures_only_results(self, tmp_path):
        """With figures=False only results.csv is written."""
        sample = load_sample("pp30_2019")
        path = tmp_path / "export"
        write_results(path, scored([sample], "pp30_2019"), [sample], figures=False)
        assert sorted(entry.name for entry in path.iterdir()) == ["results.csv"]

    def test_english_labels(self, tmp_path):
        """With lang="en" the grade label is English."""
        sample = load_sample("pp46_2011")
        path = tmp_path / "export"
        write_results(path, scored([sample], "pp46_2011"), [sample], lang="en")
        assert Grade.VERY_GOOD.label_en == table_rows(path, "results", "csv")[0]["grade_label"]

    def test_incomplete_result_lists_its_gaps(self, tmp_path):
        """An appraisal without the supervisor's ratings exports no grade, and why."""
        sample = attrs.evolve(load_sample(), ratings=())
        (result,) = scored([sample], "permen6_2022")
        path = tmp_path / "export"
        write_results(path, [result], [sample])
        row = table_rows(path, "results", "csv")[0]
        assert (row["grade"], row["score"], row["complete"]) == ("", "", "false")
        assert result.gaps[0].reason in row["gaps"]

    def test_result_of_an_unknown_appraisal_writes_nothing(self, tmp_path):
        """A result whose appraisal is not given is refused before anything is written."""
        sample = load_sample("pp46_2011")
        path = tmp_path / "results.xlsx"
        with pytest.raises(InvalidInputError) as raised:
            write_results(path, scored([sample], "pp46_2011"), [])
        assert [problem.path for problem in raised.value.problems] == ["$[0].appraisal_id"]
        assert not path.exists()


class TestAtomicWrites:
    """A failed write leaves no partial file and no temporary file behind."""

    def test_failed_xlsx_save_leaves_old_file(self, tmp_path, monkeypatch):
        """If saving fails half way, the earlier file is untouched and no temp file remains."""
        sample = load_sample("pp46_2011")
        path = tmp_path / "results.xlsx"
        path.write_bytes(b"earlier")

        save = openpyxl.Workbook.save

        def broken_save(self, filename):
            save(self, filename)  # the temporary file is written, then the disk fills up
            raise OSError("disk full")

        monkeypatch.setattr(openpyxl.Workbook, "save", broken_save)
        with pytest.raises(OSError, match="disk full"):
            write_results(path, scored([sample], "pp46_2011"), [sample])
        assert path.read_bytes() == b"earlier"
        assert [entry.name for entry in tmp_path.iterdir()] == ["results.xlsx"]

    def test_failed_csv_write_leaves_no_file(self, tmp_path, monkeypatch):
        """If one CSV file fails, none of the files is put in place."""
        import penilaian.io._csv as csv_module  # noqa: PLC0415

        calls = []

        def failing(value):
            calls.append(value)
            if len(calls) > 50:
                raise OSError("disk full")
            return str(value)

        monkeypatch.setattr(csv_module, "format_cell", failing)
        path = tmp_path / "book"
        with pytest.raises(OSError, match="disk full"):
            write_appraisals(path, [load_sample()], format="csv")
        assert list(path.iterdir()) == []


class TestTemplate:
    """The template explains itself and keeps ids, NIPs and dates as typed."""

    def test_sheets_in_order_with_instructions_first(self, tmp_path):
        """The petunjuk sheet comes first, then every table in the layout's order."""
        path = tmp_path / "template.xlsx"
        write_template(path)
        book = openpyxl.load_workbook(path)
        assert [INSTRUCTIONS_SHEET, *(table.name for table in TABLES)] == book.sheetnames
        for table in TABLES:
            assert table.headers == tuple(cell.value for cell in book[table.name][1])

    def test_headers_are_bold_and_explained(self, tmp_path):
        """Each header is bold and carries its Indonesian and English description."""
        path = tmp_path / "template.xlsx"
        write_template(path)
        book = openpyxl.load_workbook(path)
        for table in TABLES:
            for cell, column in zip(book[table.name][1], table.columns, strict=True):
                assert cell.font.b
                assert column.description_id in cell.comment.text
                assert column.description_en in cell.comment.text

    def test_text_and_date_columns_are_formatted(self, tmp_path):
        """Id and NIP columns are Text (leading zeros kept), date columns dates."""
        path = tmp_path / "template.xlsx"
        write_template(path, example=[load_sample("pp46_2011")])
        book = openpyxl.load_workbook(path)
        employees = find_table("employees")
        sheet = book["employees"]
        for index, column in enumerate(employees.columns):
            letter = openpyxl.utils.get_column_letter(index + 1)
            expected = {ColumnType.ID: "@", ColumnType.NIP: "@", ColumnType.DATE: "yyyy-mm-dd"}
            if column.kind in expected:
                assert expected[column.kind] == sheet.column_dimensions[letter].number_format
                assert expected[column.kind] == sheet[f"{letter}2"].number_format
        assert sheet["D2"].data_type == "s"  # the NIP, as text
        assert date(2019, 1, 1) == sheet["I2"].value.date()

    def test_instructions_list_every_column(self, tmp_path):
        """The petunjuk sheet has a row for every column of every table."""
        path = tmp_path / "template.xlsx"
        write_template(path)
        book = openpyxl.load_workbook(path, read_only=True)
        listed = {row[:2] for row in book[INSTRUCTIONS_SHEET].iter_rows(values_only=True)}
        book.close()
        assert {(table.name, header) for table in TABLES for header in table.headers} <= listed

    def test_csv_template_is_a_directory_of_utf8_files(self, tmp_path):
        """A CSV template has petunjuk.csv and one file per table, with a BOM for Excel."""
        path = tmp_path / "template"
        write_template(path, "csv")
        names = sorted(entry.name for entry in path.iterdir())
        assert sorted([f"{INSTRUCTIONS_SHEET}.csv", *(f"{t.name}.csv" for t in TABLES)]) == names
        assert (path / "employees.csv").read_bytes().startswith(b"\xef\xbb\xbfappraisal_id,")

    def test_format_follows_the_path(self, tmp_path):
        """Without a format, a path ending in .xlsx is a workbook and anything else CSV."""
        write_template(tmp_path / "a.xlsx")
        write_template(tmp_path / "b")
        assert (tmp_path / "a.xlsx").is_file()
        assert (tmp_path / "b" / "employees.csv").is_file()

    def test_unknown_format_refused(self, tmp_path):
        """A format other than xlsx or csv is refused."""
        with pytest.raises(ValueError, match="must be xlsx or csv"):
            write_template(tmp_path / "a.ods", "ods")  # type: ignore[arg-type]

    def test_custom_framework_refused_and_nothing_written(self, tmp_path):
        """A custom behaviour framework cannot be named in a sheet; nothing is written."""
        sample = load_sample("pp46_2011")
        custom = attrs.evolve(sample.framework, id="agency-values", name="Nilai instansi")
        path = tmp_path / "a.xlsx"
        with pytest.raises(InvalidInputError) as raised:
            write_appraisals(path, [attrs.evolve(sample, framework=custom)])
        assert [problem.path for problem in raised.value.problems] == ["$[0].framework"]
        assert not path.exists()

    def test_unfaithful_text_refused(self, tmp_path):
        """Text with spaces around it and list items with a semicolon are refused."""
        sample = load_sample("pp46_2011")
        employee = attrs.evolve(sample.employee, name=" Dewi ")
        realisation = Realisation(Decimal(4), evidence=("a;b.pdf",))
        changed = attrs.evolve(sample, employee=employee).with_realisation(
            "kegiatan-1", "k1-o", realisation
        )
        with pytest.raises(InvalidInputError) as raised:
            write_appraisals(tmp_path / "book", [changed, changed], format="csv")
        messages = [problem.message for problem in raised.value.problems]
        assert any("repeats the id" in message for message in messages)
        assert any("employees.name: text with spaces" in message for message in messages)
        assert any(
            "realisations.evidence: a list item holding ';'" in message for message in messages
        )
        assert not (tmp_path / "book").exists()

    def test_too_much_text_for_a_cell(self, tmp_path):
        """A cell holds at most 32,767 characters: a list cell joins items that each fit."""
        sample = load_sample("pp46_2011")
        with pytest.raises(InvalidValueError, match="at most 10000 are taken"):
            attrs.evolve(sample.employee, name="a" * 40_000)  # the model's own bound comes first
        items = tuple(letter * 9_000 for letter in "bcde")  # each within MAX_TEXT_LENGTH
        evidence = Realisation(Decimal(4), evidence=items)
        long_list = sample.with_realisation("kegiatan-1", "k1-o", evidence)
        with pytest.raises(InvalidInputError, match="at most 32,767 characters"):
            write_appraisals(tmp_path / "a.xlsx", [long_list])

    def test_results_with_unstorable_text_refused(self, tmp_path):
        """A result whose employee's name holds a control character writes nothing."""
        sample = load_sample("pp46_2011")
        changed = attrs.evolve(sample, employee=attrs.evolve(sample.employee, name="Dewi\x00"))
        with pytest.raises(InvalidInputError, match="control character"):
            write_results(tmp_path / "r.xlsx", scored([changed], "pp46_2011"), [changed])
        assert not (tmp_path / "r.xlsx").exists()

    def test_control_character_refused(self, tmp_path):
        """Text holding a control character cannot be stored in a cell."""
        sample = load_sample("pp46_2011")
        changed = attrs.evolve(sample, employee=attrs.evolve(sample.employee, name="Dewi\x07"))
        with pytest.raises(InvalidInputError, match="control character"):
            write_appraisals(tmp_path / "a.xlsx", [changed])


class TestReading:
    """What the reader accepts beyond the canonical form, and how it reads it."""

    @pytest.fixture(name="book")
    def _book(self, tmp_path):
        path = tmp_path / "book"
        write_appraisals(path, [load_sample("pp46_2011")], format="csv")
        return path

    def test_period_kind_is_read_from_the_dates(self, book):
        """An empty period_kind is the calendar unit the dates form, or a custom range."""
        set_cells(book, "employees", {(2, "period_kind"): ""})
        assert Period.year(2019) == read_appraisals(book)[0].period
        set_cells(
            book, "employees", {(2, "period_start"): "2019-04-01", (2, "period_end"): "2019-06-30"}
        )
        assert Period.quarter(2019, 2) == read_appraisals(book)[0].period
        set_cells(book, "employees", {(2, "period_end"): "2019-06-15"})
        assert Period.custom(date(2019, 4, 1), date(2019, 6, 15)) == read_appraisals(book)[0].period

    def test_labels_and_yes_no_words_accepted(self, book):
        """Indonesian labels name choices, and Ya/Tidak answer yes/no columns."""
        set_cells(book, "employees", {(2, "position_kind"): "Pengawas", (2, "leads_unit"): "Ya"})
        set_cells(book, "targets", {(2, "aspect"): "Kuantitas", (2, "target_is_maximum"): "tidak"})
        set_cells(book, "ratings", {(2, "rater_role"): "Atasan langsung"})
        assert (load_sample("pp46_2011"),) == read_appraisals(book)

    def test_aspect_label_names_the_subject(self, book):
        """A rating about "Integritas" is about the aspect integrity."""
        set_cells(book, "ratings", {(3, "subject"): "Integritas"})
        assert read_appraisals(book)[0].ratings[1].subject == "integrity"

    def test_semicolon_separated_csv(self, book):
        """A CSV file saved with semicolons (Excel in an Indonesian locale) reads the same."""
        for table in TABLES:
            path = book / f"{table.name}.csv"
            with path.open(encoding="utf-8-sig", newline="") as stream:
                rows = list(csv.reader(stream))
            with path.open("w", encoding="utf-8", newline="") as stream:
                csv.writer(stream, delimiter=";").writerows(rows)
        assert (load_sample("pp46_2011"),) == read_appraisals(book)

    def test_columns_in_any_order_and_case(self, book):
        """Columns may be reordered, and headers written in another case."""

        def shuffle(rows):
            rows[0] = [header.upper() for header in rows[0]]
            return [list(reversed(row)) for row in rows]

        edit_csv(book, "targets", shuffle)
        assert (load_sample("pp46_2011"),) == read_appraisals(book)

    def test_optional_sheets_and_columns_may_be_absent(self, tmp_path):
        """Without the optional sheets and columns the workbook still reads."""
        sample = attrs.evolve(
            load_sample("pp46_2011"), raters=(), scales=(), ratings=(), innovations=()
        )
        path = tmp_path / "book"
        write_appraisals(path, [sample], format="csv")
        for name in ("scales", "feedback", "expectations", "innovations", INSTRUCTIONS_SHEET):
            (path / f"{name}.csv").unlink()
        edit_csv(path, "employees", lambda rows: [row[:13] for row in rows])  # all columns
        edit_csv(path, "realisations", lambda rows: [row[:3] for row in rows])
        assert (sample,) == read_appraisals(path)

    def test_shared_scale_serves_every_appraisal(self, book):
        """A scale row without appraisal_id is a scale of every appraisal that has none so named."""
        set_cells(book, "scales", {(2, "appraisal_id"): ""})
        sample = load_sample("pp46_2011")
        assert (sample,) == read_appraisals(book)
        edit_csv(
            book,
            "scales",
            lambda rows: [*rows, ["skp-2019-dewi", "nilai", "numeric", "0", "100", "1", "", ""]],
        )
        assert (NumericScale("nilai", 0, 100, 1),) == read_appraisals(book)[0].scales

    def test_empty_list_items_and_trailing_empty_rows_ignored(self, book):
        """ "a.pdf; ; b.pdf" is two items; empty rows after the table are fine."""
        set_cells(book, "realisations", {(2, "evidence"): "a.pdf; ; b.pdf;"})
        edit_csv(book, "realisations", lambda rows: [*rows, ["", "", ""], []])
        realisation = read_appraisals(book)[0].targets[0].indicators[0].realisation
        assert realisation.evidence == ("a.pdf", "b.pdf")

    def test_iso_date_text_in_xlsx(self, tmp_path):
        """In a workbook, a date may also be text in the form YYYY-MM-DD."""
        path = tmp_path / "book.xlsx"
        write_appraisals(path, [load_sample("pp46_2011")])
        book = openpyxl.load_workbook(path)
        book["employees"]["I2"].value = "2019-01-01"
        book["petunjuk"]["A1"].value = "anything: the instructions sheet is not read"
        book.save(path)
        assert (load_sample("pp46_2011"),) == read_appraisals(path)
