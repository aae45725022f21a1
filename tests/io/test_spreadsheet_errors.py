"""Tests for penilaian.io.spreadsheet: bad workbooks, each problem named by sheet, row, column."""

from __future__ import annotations

import csv
import datetime as dt

import openpyxl
import pytest

from penilaian import load_sample
from penilaian.exceptions import (
    DuplicateIdError,
    InvalidInputError,
    InvalidNumberError,
    MissingValueError,
    OffScaleError,
    SelfRatingError,
    UnknownLabelError,
    UnknownReferenceError,
)
from penilaian.io.spreadsheet import read_appraisals, write_appraisals
from penilaian.io.tables import find_table

SAMPLE = load_sample("pp46_2011")
NEW_YEAR = dt.datetime(2019, 1, 1)  # noqa: DTZ001 - Excel's dates are naive


def letter(table, header):
    """The column letter of *header* in a written *table* (the template's order)."""
    return openpyxl.utils.get_column_letter(find_table(table).headers.index(header) + 1)


def cell(table, header, row):
    """The reference of a cell, as problems name it: ``targets!K2``."""
    return f"{table}!{letter(table, header)}{row}"


@pytest.fixture(name="xlsx")
def _xlsx(tmp_path):
    path = tmp_path / "book.xlsx"
    write_appraisals(path, [SAMPLE])
    return path


@pytest.fixture(name="folder")
def _folder(tmp_path):
    path = tmp_path / "book"
    write_appraisals(path, [SAMPLE], format="csv")
    return path


def edit(path, change):
    """Open the workbook at *path*, let *change* edit it, and save it."""
    book = openpyxl.load_workbook(path)
    change(book)
    book.save(path)
    return path


def put(path, values):
    """Set cells of the workbook: ``{"targets!K2": 0}``."""

    def change(book):
        for reference, value in values.items():
            sheet, coordinate = reference.split("!")
            book[sheet][coordinate].value = value

    return edit(path, change)


def put_csv(folder, name, cells):
    """Set cells of ``<name>.csv`` by (row number, header), the header being row 1."""
    path = folder / f"{name}.csv"
    with path.open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.reader(stream))
    for (number, header), value in cells.items():
        rows[number - 1][rows[0].index(header)] = value
    write_rows(path, rows)


def write_rows(path, rows):
    """Write *rows* as a UTF-8 CSV file."""
    with path.open("w", encoding="utf-8", newline="") as stream:
        csv.writer(stream).writerows(rows)


def problems(path, **limits):
    """The problems reading *path* reports."""
    with pytest.raises(InvalidInputError) as raised:
        read_appraisals(path, **limits)
    return raised.value.problems


def by_path(path, **limits):
    """The problems reading *path* reports, by their paths."""
    return {problem.path: problem for problem in problems(path, **limits)}


class TestMessages:
    """A problem names sheet, row and column the way a spreadsheet user reads them."""

    def test_cell_problem_names_sheet_row_column_and_header(self, xlsx):
        """A point target of 0 is refused at targets!K2, by the library's own rule."""
        put(xlsx, {"targets!K2": 0})
        (problem,) = problems(xlsx)
        assert problem.path == "targets!K2"
        assert problem.message == (
            "targets, row 2, column K (target_value): "
            "must be greater than 0 (the rule divides by it) (got 0)"
        )
        assert isinstance(problem.error, InvalidNumberError)

    def test_every_problem_of_every_sheet_at_once(self, xlsx):
        """Problems in three sheets are reported together, sheet by sheet, row by row."""
        put(
            xlsx,
            {
                "ratings!H3": "banyak",
                "employees!C2": None,
                "targets!I5": "kecepatan",
                "targets!I3": "mutu",
            },
        )
        assert [
            cell("employees", "name", 2),
            cell("targets", "aspect", 5),
            cell("ratings", "score", 3),
        ] == [problem.path for problem in problems(xlsx)]

    def test_unknown_choice_lists_what_is_accepted(self, xlsx):
        """An aspect nobody knows is refused with the accepted ids."""
        put(xlsx, {"targets!I2": "kecepatan"})
        (problem,) = problems(xlsx)
        assert isinstance(problem.error, UnknownLabelError)
        assert problem.message.endswith(
            '"kecepatan" is not a known Aspect; accepted: quantity, quality, time, cost'
        )

    def test_required_cell_left_empty(self, xlsx):
        """An empty required cell is missing, never 0 or blank text."""
        put(xlsx, {"targets!K2": None, "employees!E2": "   "})
        found = by_path(xlsx)
        assert isinstance(found[cell("employees", "position_title", 2)].error, MissingValueError)
        assert "a point target needs target_value" in found["targets!K2"].message


class TestLayout:
    """Sheets and columns: missing, unknown, misspelled, repeated."""

    def test_missing_required_sheet(self, xlsx):
        """Without the targets sheet the workbook is refused, naming the sheet."""
        edit(xlsx, lambda book: book.remove(book["targets"]))
        found = by_path(xlsx)
        assert list(found) == ["targets"]
        assert "the sheet targets is missing" in found["targets"].message

    def test_missing_required_file(self, folder):
        """Without ratings.csv the directory is refused, naming the file."""
        (folder / "ratings.csv").unlink()
        assert "the file ratings is missing" in by_path(folder)["ratings"].message

    def test_unknown_sheet_refused(self, xlsx):
        """A sheet that is no table (and not the instructions) is refused, with a suggestion."""
        edit(xlsx, lambda book: setattr(book["targets"], "title", "target"))
        found = by_path(xlsx)
        assert 'unknown sheet "target" (did you mean targets?)' in found["target"].message
        assert "targets" in found

    def test_unknown_file_refused(self, folder):
        """A CSV file that is no table, or another file, is refused; lock files are skipped."""
        (folder / "catatan.csv").write_text("a,b\n", encoding="utf-8")
        (folder / "notes.txt").write_text("hello", encoding="utf-8")
        (folder / ".~lock.employees.csv#").write_text("lock", encoding="utf-8")
        (folder / "~$employees.csv").write_text("lock", encoding="utf-8")
        assert {"catatan", "notes.txt"} == set(by_path(folder))

    def test_second_file_for_a_table(self, folder):
        """Employees.csv beside employees.csv is one table twice."""
        (folder / "Employees.csv").write_bytes((folder / "employees.csv").read_bytes())
        (problem,) = problems(folder)
        assert "a second file for table employees" in problem.message

    def test_misspelled_column(self, xlsx):
        """A header that is no column is refused at its cell, with a suggestion."""
        put(xlsx, {"targets!K1": "target_valeu"})
        found = by_path(xlsx)
        assert (
            'unknown column "target_valeu" (did you mean target_value?)'
            in found["targets!K1"].message
        )

    def test_missing_required_column(self, folder):
        """A required column that is not there is named, at the header row."""
        path = folder / "targets.csv"
        with path.open(encoding="utf-8-sig", newline="") as stream:
            rows = list(csv.reader(stream))
        index = rows[0].index("aspect")
        write_rows(path, [row[:index] + row[index + 1 :] for row in rows])
        (problem,) = problems(folder)
        assert (
            problem.path,
            problem.message,
        ) == ("targets!1:1", "targets, row 1: the required column aspect is missing")

    def test_repeated_column(self, xlsx):
        """A column twice is refused at the second header."""
        put(xlsx, {"targets!R1": "aspect", "targets!R2": "quality"})
        (problem,) = problems(xlsx)
        assert (
            problem.path,
            problem.message.split(": ", 1)[1],
        ) == ("targets!R1", "column aspect repeats column I")
        assert isinstance(problem.error, DuplicateIdError)

    def test_value_in_a_column_without_header(self, xlsx):
        """A value to the right of the table, under no header, is refused."""
        put(xlsx, {"employees!O2": "catatan"})
        assert "a value in a column without a header" in by_path(xlsx)["employees!O2"].message

    def test_header_row_missing(self, xlsx):
        """A sheet whose first row is empty has no headers."""
        edit(xlsx, lambda book: book["targets"].insert_rows(1))
        assert "row 1 must hold the column headers" in by_path(xlsx)["targets!1:1"].message

    def test_header_that_is_not_text(self, xlsx):
        """A number in the header row is no header."""
        put(xlsx, {"realisations!G1": 2024})
        assert "a column header must be text" in by_path(xlsx)["realisations!G1"].message


class TestCells:
    """Cells whose content a spreadsheet mangles, or the reader will not take."""

    def test_merged_cells_refused(self, xlsx):
        """Merged cells are refused by their range."""
        edit(xlsx, lambda book: book["ratings"].merge_cells("J2:K3"))
        assert "merged cells" in by_path(xlsx)["ratings!J2:K3"].message

    def test_date_typed_as_text(self, xlsx):
        """15/03/2019 typed as text is refused, saying to enter a date."""
        put(xlsx, {"employees!I2": "15/03/2019"})
        message = by_path(xlsx)[cell("employees", "period_start", 2)].message
        assert "enter a date" in message
        assert '(got "15/03/2019")' in message

    def test_date_in_csv_must_be_iso(self, folder):
        """In a CSV file a date is ISO text; 2019-02-30 is no date."""
        put_csv(
            folder,
            "employees",
            {(2, "period_start"): "01/01/2019", (2, "period_end"): "2019-02-30"},
        )
        found = by_path(folder)
        assert "enter a date" in found[cell("employees", "period_start", 2)].message
        assert "is not a calendar date" in found[cell("employees", "period_end", 2)].message

    def test_date_with_a_time_or_a_number(self, xlsx):
        """A date cell with a time of day, or a plain number in a date column, is refused."""
        morning = dt.datetime(2019, 1, 1, 9, 30)  # noqa: DTZ001 - Excel's dates are naive
        put(xlsx, {"employees!I2": morning, "employees!J2": 43830})
        edit(xlsx, lambda book: setattr(book["employees"]["J2"], "number_format", "General"))
        found = by_path(xlsx)
        assert "time of day" in found["employees!I2"].message
        assert "enter a date, not a number" in found["employees!J2"].message

    def test_nip_stored_as_a_number(self, xlsx):
        """A NIP as a number has lost digits; the message says to format the column as text."""
        put(xlsx, {"employees!D2": 198304122008012004})
        message = by_path(xlsx)["employees!D2"].message
        assert "a NIP stored as a number" in message
        assert "format the column as Text" in message

    def test_id_typed_as_a_number(self, xlsx):
        """An id as a number may have lost leading zeros; it is refused."""
        put(xlsx, {"employees!B2": 7})
        assert "an id typed as a number" in by_path(xlsx)["employees!B2"].message

    def test_other_cell_types_refused(self, xlsx):
        """TRUE in an id column, a date in a number or text column, a number in a choice column."""
        put(
            xlsx,
            {
                "targets!B2": True,
                "targets!K2": NEW_YEAR,
                "targets!C2": NEW_YEAR,
                "targets!I2": 3,
                "targets!Q2": 1,
                "employees!C2": 1.5,
            },
        )
        found = by_path(xlsx)
        assert "an id must be text, not TRUE/FALSE" in found["targets!B2"].message
        assert "expected a number, not a date" in found["targets!K2"].message
        assert "expected text, not a date" in found["targets!C2"].message
        assert "expected one of quantity, quality, time, cost" in found["targets!I2"].message
        assert "write Ya or Tidak" in found["targets!Q2"].message
        assert "expected text, not a number" in found["employees!C2"].message

    def test_whole_number_in_a_text_column(self, xlsx):
        """A whole number typed into a text column is its text."""
        put(xlsx, {"targets!P2": 12})
        assert read_appraisals(xlsx)[0].targets[0].indicators[0].unit == "12"

    def test_empty_row_in_the_middle(self, xlsx):
        """An empty row inside a table is named; empty rows after it are fine."""
        edit(xlsx, lambda book: book["targets"].insert_rows(4, 2))
        (problem,) = problems(xlsx)
        assert (
            problem.path,
            problem.message.split(" (")[0],
        ) == ("targets!4:5", "targets, rows 4 to 5: empty rows in the middle of the table")

    def test_formula_refused(self, xlsx):
        """A formula is never evaluated: it is refused at its cell."""
        put(xlsx, {"targets!K2": "=2+2"})
        message = by_path(xlsx)["targets!K2"].message
        assert "a formula is never calculated" in message
        assert '(got "=2+2")' in message

    def test_error_value_refused(self, xlsx):
        """A cell showing #N/A is refused."""

        def change(book):
            book["targets"]["K2"].value = "#N/A"
            book["targets"]["K2"].data_type = "e"

        edit(xlsx, change)
        assert "the cell shows the error #N/A" in by_path(xlsx)["targets!K2"].message

    def test_percentage_refused(self, xlsx):
        """A number formatted as a percentage (0.92 shown as 92 %) is refused."""

        def change(book):
            book["realisations"]["C3"].value = 0.92
            book["realisations"]["C3"].number_format = "0%"

        edit(xlsx, change)
        assert "formatted as a percentage" in by_path(xlsx)["realisations!C3"].message

    def test_number_text_with_comma_or_percent(self, folder):
        """2,5 and 92% are refused with what to write instead."""
        put_csv(folder, "realisations", {(2, "value"): "2,5", (3, "value"): "92%"})
        found = by_path(folder)
        assert "decimal point" in found["realisations!C2"].message
        assert "without %" in found["realisations!C3"].message

    def test_yes_no_word_unknown(self, folder):
        """A yes/no cell must say Ya or Tidak (or yes/no, TRUE/FALSE)."""
        put_csv(folder, "employees", {(2, "leads_unit"): "mungkin"})
        assert "write Ya or Tidak" in by_path(folder)[cell("employees", "leads_unit", 2)].message


class TestRows:
    """Rules that span rows and sheets, placed at the cell they concern."""

    def test_duplicate_and_unknown_appraisal(self, xlsx):
        """An appraisal id twice on employees, and one unknown there, are named."""
        put(
            xlsx, {"employees!A3": "skp-2019-dewi", "employees!B3": "x", "realisations!A2": "skp-x"}
        )
        found = by_path(xlsx)
        assert "repeats appraisal skp-2019-dewi of row 2" in found["employees!A3"].message
        assert isinstance(found["realisations!A2"].error, UnknownReferenceError)

    def test_realisations_duplicate_and_stray(self, xlsx):
        """Two realisations of one indicator, and one of no indicator, are refused."""
        put(xlsx, {"realisations!B3": "k1-o", "realisations!B4": "k9-x"})
        found = by_path(xlsx)
        assert "a second realisation of indicator k1-o" in found["realisations!B3"].message
        assert "has no indicator k9-x on the targets sheet" in found["realisations!B4"].message

    def test_bad_row_causes_no_follow_on_problems(self, xlsx):
        """A refused indicator row does not make its realisation a stray."""
        put(xlsx, {"targets!I3": "kecepatan"})
        assert [cell("targets", "aspect", 3)] == [problem.path for problem in problems(xlsx)]

    def test_repeated_indicator_in_a_target(self, xlsx):
        """An indicator id twice in one work target is named at the second."""
        put(xlsx, {"targets!G3": "k1-o", "realisations!B3": "k1-o-old"})
        assert "repeats indicator k1-o of row 2" in by_path(xlsx)["targets!G3"].message

    def test_rows_of_a_target_must_agree(self, xlsx):
        """Rows of one work target repeat its title exactly."""
        put(xlsx, {"targets!C3": "Lain"})
        (problem,) = problems(xlsx)
        assert problem.path == "targets!C3"
        assert "work target kegiatan-1 has" in problem.message

    def test_rows_of_a_rater_must_agree(self, xlsx):
        """Rows of one rater repeat the rater's columns."""
        put(xlsx, {"ratings!E3": "Bupati"})
        assert "rater atasan has" in by_path(xlsx)["ratings!E3"].message

    def test_target_cells_must_fit_the_target_type(self, xlsx):
        """A point target with a low bound, or a range without its high bound, is refused."""
        put(xlsx, {"targets!L2": 1, "targets!J3": "range", "targets!L3": 80})
        found = by_path(xlsx)
        assert "target_low is not used by a point target" in found["targets!L2"].message
        assert "a range target needs target_high" in found["targets!M3"].message
        assert "target_value is not used by a range target" in found["targets!K3"].message

    def test_scale_cells_must_fit_the_scale_kind(self, xlsx):
        """A numeric scale with levels, and bad alias syntax, are refused."""
        put(xlsx, {"scales!G2": "a; b", "scales!A3": "skp-2019-dewi", "scales!B3": "mutu",
                   "scales!C3": "ordinal", "scales!G3": "a; b", "scales!H3": "x-a"})  # fmt: skip
        found = by_path(xlsx)
        assert "levels is not used by a numeric scale" in found["scales!G2"].message
        assert "write each alias as alias=level" in found["scales!H3"].message

    def test_library_rules_across_the_appraisal(self, xlsx):
        """Off-scale score, self rating, unknown subject, date outside the period: each placed."""
        put(
            xlsx,
            {
                "ratings!H2": 101,
                **{f"ratings!D{row}": "198304122008012004" for row in range(2, 8)},
                "ratings!F4": "kecepatan",
                "realisations!F2": NEW_YEAR.replace(year=2020, day=5),
            },
        )
        found = by_path(xlsx)
        assert isinstance(found["ratings!H2"].error, OffScaleError)
        assert isinstance(found["ratings!C2"].error, SelfRatingError)
        assert "not an aspect, target or indicator" in found["ratings!F4"].message
        assert "outside the appraisal period 2019" in found["realisations!F2"].message

    def test_rater_only_row_cannot_carry_a_comment(self, xlsx):
        """A row without a rating names a rater only; a comment there is refused."""
        put(xlsx, {"ratings!F2": None, "ratings!G2": None, "ratings!H2": None})
        assert "comment is not used by a row without a rating" not in str(problems_or_none(xlsx))
        put(xlsx, {"ratings!J2": "baik", "ratings!F3": None})
        found = by_path(xlsx)
        assert "comment is not used by a row without a rating" in found["ratings!J2"].message
        assert "a rating needs subject" in found["ratings!F3"].message


class TestMoreRows:
    """Rows the library refuses, and rows whose problem stays in its cell."""

    def test_appraisal_without_id_is_skipped(self, xlsx):
        """An employees row without appraisal_id is only reported, not joined to anything."""

        def copy_without_id(book):
            sheet = book["employees"]
            for source in sheet[2]:
                sheet.cell(3, source.column).value = source.value
            sheet["A3"].value = None

        edit(xlsx, copy_without_id)
        assert [cell("employees", "appraisal_id", 3)] == [p.path for p in problems(xlsx)]

    def test_appraisal_without_targets(self, xlsx):
        """An appraisal with no rows on targets is refused at its employees row."""
        rows = range(2, 2 + len(list(SAMPLE.indicators())))
        sheets = ("targets", "realisations")
        put(xlsx, {f"{sheet}!A{row}": "skp-lain" for sheet in sheets for row in rows})
        found = by_path(xlsx)
        assert "an appraisal needs at least one work target" in found["employees!2:2"].message

    def test_numeric_target_realised_in_words_only(self, xlsx):
        """A point target's realisation needs a value; the value cell is named."""
        put(xlsx, {"realisations!C2": None, "realisations!D2": "selesai"})
        message = by_path(xlsx)["realisations!C2"].message
        assert "a numeric target needs a numeric realisation" in message

    def test_special_expectations_outside_berakhlak(self, xlsx):
        """PP 46/2011's framework has no special expectations: the first such row is named."""
        put(xlsx, {"expectations!A2": "skp-2019-dewi", "expectations!B2": "integrity",
                   "expectations!C2": "Tepat waktu"})  # fmt: skip
        message = by_path(xlsx)["expectations!2:2"].message
        assert "framework pp46_2011 has no special expectations" in message

    def test_unknown_framework_stops_at_its_cell(self, xlsx):
        """An unknown framework id is refused; the ratings cause no more problems."""
        put(xlsx, {"employees!L2": "berakhlak-2099"})
        assert [cell("employees", "framework_id", 2)] == [p.path for p in problems(xlsx)]

    def test_realisation_without_indicator_id(self, xlsx):
        """A realisation row without indicator_id is refused at that cell."""
        put(xlsx, {"realisations!B2": None})
        assert [cell("realisations", "indicator_id", 2)] == [p.path for p in problems(xlsx)]

    def test_invalid_nip(self, xlsx):
        """A NIP that is not 18 digits is refused by the NIP's own rules."""
        put(xlsx, {"employees!D2": "1983"})
        message = by_path(xlsx)["employees!D2"].message
        assert message.startswith("employees, row 2, column D (nip): length: ")

    def test_supervisor_without_employee_id(self, xlsx):
        """A supervisor must be an employee: the empty cell is named."""
        put(xlsx, {f"ratings!D{row}": None for row in range(2, 8)})
        message = by_path(xlsx)["ratings!D2"].message
        assert "a rater in the supervisor role must be an employee" in message

    def test_rating_with_score_and_level(self, xlsx):
        """A rating gives a score or a level, never both."""
        put(xlsx, {"ratings!I2": "baik"})
        assert "give exactly one of score" in by_path(xlsx)["ratings!H2"].message

    def test_shared_scale_problems(self, xlsx):
        """A shared scale (no appraisal_id) that fails stops every appraisal at that scale."""
        put(xlsx, {"scales!A2": None, "scales!D2": None})
        assert [cell("scales", "minimum", 2)] == [p.path for p in problems(xlsx)]
        put(xlsx, {"scales!D2": "nol"})
        assert [cell("scales", "minimum", 2)] == [p.path for p in problems(xlsx)]

    def test_empty_header_cell_between_columns(self, folder):
        """An empty column between the headers is fine when nothing is written under it."""
        path = folder / "realisations.csv"
        with path.open(encoding="utf-8-sig", newline="") as stream:
            rows = list(csv.reader(stream))
        write_rows(path, [[row[0], "", *row[1:]] for row in rows])
        assert read_appraisals(folder) == (SAMPLE,)


def problems_or_none(path):
    """The problems reading *path* reports, or `None` when it reads."""
    try:
        read_appraisals(path)
    except InvalidInputError as error:
        return error.problems
    return None
