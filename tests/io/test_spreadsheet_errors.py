"""Tests for penilaian.io.spreadsheet: bad workbooks, each problem named by sheet, row, column."""

from __future__ import annotations

import csv
import datetime as dt

import pytest
from sheet_edits import NEW_YEAR, by_path, cell, edit, problems, put, put_csv, write_rows

from penilaian.exceptions import (
    DuplicateIdError,
    InvalidInputError,
    InvalidNumberError,
    MissingValueError,
    UnknownLabelError,
)
from penilaian.io.spreadsheet import read_appraisals


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
        edit(xlsx, lambda book: setattr(book["targets"], "title", "tagets"))
        found = by_path(xlsx)
        assert 'unknown sheet "tagets" (did you mean targets?)' in found["tagets"].message
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


class TestManyProblems:
    """Past the hundred problems an error lists, the rest are counted, never lost."""

    def test_an_appraisals_unlisted_problems_are_counted(self, folder):
        """150 ratings of unknown subjects: 100 listed, 150 counted, through the sheet reader."""
        path = folder / "ratings.csv"
        with path.open(encoding="utf-8-sig", newline="") as stream:
            rows = list(csv.reader(stream))
        subject = rows[0].index("subject")
        template = rows[1]
        extra = [
            [*template[:subject], f"unknown-{index}", *template[subject + 1 :]]
            for index in range(150)
        ]
        write_rows(path, [*rows, *extra])
        with pytest.raises(InvalidInputError) as raised:
            read_appraisals(folder)
        assert len(raised.value.problems) == InvalidInputError.MAX_PROBLEMS
        assert raised.value.count == 150
        assert "and 50 more problems" in str(raised.value)
