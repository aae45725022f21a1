"""Tests for the template's drop-down lists: one on every choice column, every value reads back."""

from __future__ import annotations

import csv

import openpyxl
import pytest

from penilaian import ExpectationLevel, load_sample
from penilaian.io._cells import read_cell
from penilaian.io._choices import choice_values
from penilaian.io._rows import typed_rows
from penilaian.io._source import EXCEL_MAX_ROWS
from penilaian.io._xlsx import Limits, read_xlsx
from penilaian.io._xlsx_write import write_xlsx
from penilaian.io.spreadsheet import (
    DEFAULT_MAX_BYTES,
    DEFAULT_MAX_ROWS,
    DEFAULT_MAX_UNPACKED_BYTES,
    read_appraisals,
    write_template,
)
from penilaian.io.tables import (
    INSTRUCTIONS_SHEET,
    LISTS_SHEET,
    TABLES,
    Column,
    ColumnType,
    Table,
    find_table,
)
from penilaian.model.raters import EXPECTATION_SCALE

SAMPLE = load_sample("permen6_2022")
# Beyond the choice and yes/no columns, a rating's scale and level have an (open) list.
OPEN_LISTS = {("ratings", "scale_id"), ("ratings", "level")}
LIMITS = Limits(DEFAULT_MAX_BYTES, DEFAULT_MAX_ROWS, DEFAULT_MAX_UNPACKED_BYTES)


def listed_columns():
    """Every (table, column) that must have a drop-down list, from the column kinds alone."""
    return [
        (table, column)
        for table in TABLES
        for column in table.columns
        if column.kind in (ColumnType.CHOICE, ColumnType.BOOLEAN)
        or (table.name, column.header) in OPEN_LISTS
    ]


def validations(book, table, lang):
    """Each list rule of *table*'s sheet, by the column letter it covers."""
    rules = {}
    for rule in book[table.sheet_name(lang)].data_validations.dataValidation:
        for cells in rule.sqref.ranges:
            rules[cells.coord.split(":")[0].rstrip("0123456789")] = (rule, cells)
    return rules


def offered(book, rule):
    """The values a list rule offers: written in the rule, or on the hidden lists sheet."""
    formula = rule.formula1
    if formula.startswith('"'):
        return formula.strip('"').split(",")
    sheet, cells = formula.split("!")
    values = book[sheet.strip("'")][cells.replace("$", "")]
    return [row[0].value for row in values]


def letter_of(table, header):
    """The column letter of *header* in a template (the layout's order)."""
    return openpyxl.utils.get_column_letter(table.headers.index(header) + 1)


@pytest.fixture(scope="module", params=["en", "id"])
def template(request, tmp_path_factory):
    """A template in each language, filled with the PermenPANRB 6/2022 sample."""
    path = tmp_path_factory.mktemp(request.param) / "template.xlsx"
    write_template(path, example=[SAMPLE], lang=request.param)
    return request.param, path


class TestEveryChoiceColumnHasAList:
    """Each choice and yes/no column offers its values on every data row."""

    def test_each_list_covers_the_data_rows(self, template):
        """A list rule starts below the header and runs to the last row of a sheet."""
        lang, path = template
        book = openpyxl.load_workbook(path)
        for table, column in listed_columns():
            letter = letter_of(table, column.header)
            rule, cells = validations(book, table, lang)[letter]
            assert rule.type == "list"
            assert rule.allow_blank  # an empty optional cell stays allowed
            assert (cells.min_row, cells.max_row) == (2, EXCEL_MAX_ROWS)
            assert (cells.min_col, cells.max_col) == (cells.min_col, cells.min_col)
            closed = (table.name, column.header) not in OPEN_LISTS
            assert rule.errorStyle == ("stop" if closed else "warning")

    def test_no_other_column_has_one(self, template):
        """Ids, numbers, dates and texts have no list."""
        lang, path = template
        book = openpyxl.load_workbook(path)
        listed = {(table.name, column.header) for table, column in listed_columns()}
        for table in TABLES:
            letters = set(validations(book, table, lang))
            expected = {
                letter_of(table, column.header)
                for column in table.columns
                if (table.name, column.header) in listed
            }
            assert letters == expected

    def test_enumerations_offer_ids_or_indonesian_labels(self, template):
        """In English a list offers the ids; in Indonesian the official labels."""
        lang, path = template
        book = openpyxl.load_workbook(path)
        for table, column in listed_columns():
            if column.enum is None:
                continue
            rule, _ = validations(book, table, lang)[letter_of(table, column.header)]
            members = list(column.enum)
            expected = [m.value if lang == "en" else m.label_id for m in members]
            assert offered(book, rule) == expected

    def test_expectation_levels_and_scales_are_offered(self, template):
        """A rating's level offers the expectation scale; its scale the built-in and own ones."""
        lang, path = template
        book = openpyxl.load_workbook(path)
        ratings = find_table("ratings")
        rules = validations(book, ratings, lang)
        levels = offered(book, rules[letter_of(ratings, "level")][0])
        assert levels == [
            level.label("id") if lang == "id" else level.value for level in ExpectationLevel
        ]
        scales = offered(book, rules[letter_of(ratings, "scale_id")][0])
        assert scales == ["expectation", "likert-1-5"]


class TestEveryOfferedValueReads:
    """What a list offers is exactly what the reader accepts."""

    def test_each_value_reads_as_a_cell(self, template):
        """Every closed list's value reads through its column to one of its choices."""
        lang, path = template
        book = openpyxl.load_workbook(path)
        for table, column in listed_columns():
            if (table.name, column.header) in OPEN_LISTS:
                continue
            rule, _ = validations(book, table, lang)[letter_of(table, column.header)]
            values = offered(book, rule)
            read = [read_cell(column, value) for value in values]
            if column.kind is ColumnType.BOOLEAN:
                assert read == [True, False]
            else:
                assert read == list(column.choices)  # each value names its own choice, in order

    def test_each_value_reads_in_a_filled_row(self, template, tmp_path):
        """Typed into the sample's first row, each offered value reads as the choice it names."""
        lang, path = template
        book = openpyxl.load_workbook(path)
        lists = {}
        for table, column in listed_columns():
            rule, _ = validations(book, table, lang)[letter_of(table, column.header)]
            lists[table, column] = offered(book, rule)
        for index in range(max(len(values) for values in lists.values())):
            book = openpyxl.load_workbook(path)
            edited = {}
            for (table, column), values in lists.items():
                if index < len(values):
                    book[table.sheet_name(lang)][f"{letter_of(table, column.header)}2"] = values[
                        index
                    ]
                    edited[table.name, column.header] = values[index]
            trial = tmp_path / f"trial-{index}.xlsx"
            book.save(trial)
            rows, findings = typed_first_rows(trial)
            # An optional sheet the sample leaves empty gets a row of one cell: its
            # empty required cells are refused, but never the value typed.
            places = {(f.where.sheet, f.where.row, f.where.header) for f in findings}
            for name, header in edited:
                assert (find_table(name).sheet_name(lang), 2, header) not in places
            for (name, header), value in edited.items():
                column = find_table(name).column(header)
                assert rows[name][header] == expected_reading(column, value, lang)

    def test_each_expectation_level_reads_in_a_rating(self, template, tmp_path):
        """Each level offered, as a rating on the expectation scale, reads to that level."""
        lang, path = template
        book = openpyxl.load_workbook(path)
        ratings = find_table("ratings")
        rule, _ = validations(book, ratings, lang)[letter_of(ratings, "level")]
        sheet = book[ratings.sheet_name(lang)]
        column = ratings.headers.index
        rows = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=2)]
        rated = [row for row in rows if row[column("subject")] is not None]
        index = next(i for i, row in enumerate(rated) if row[column("scale_id")] == "expectation")
        number = rows.index(rated[index]) + 2
        for value, level in zip(offered(book, rule), ExpectationLevel, strict=True):
            book = openpyxl.load_workbook(path)
            book[ratings.sheet_name(lang)][f"{letter_of(ratings, 'level')}{number}"] = value
            book.save(tmp_path / "level.xlsx")
            (appraisal,) = read_appraisals(tmp_path / "level.xlsx")
            # A level is kept as typed; the scale names its level by any spelling.
            assert EXPECTATION_SCALE.resolve(appraisal.ratings[index].level) == level.value
            assert appraisal.ratings[index].scale_id == "expectation"


def typed_first_rows(path):
    """Each table's first data row as the reader types it, and every problem on the way."""
    tables, findings = read_xlsx(path.name, path.read_bytes(), LIMITS)
    rows = {name: typed_rows(raw, findings)[0].values for name, raw in tables.items() if raw.rows}
    return rows, findings


def expected_reading(column, value, lang):
    """What a value offered for *column* must read as: its choice's id, or yes/no."""
    if column.kind is ColumnType.BOOLEAN:
        return value == choice_values(column, lang)[0]
    if column.enum is not None and lang == "id":
        (member,) = [member for member in column.enum if member.label_id == value]
        return member.value
    return value


class TestLongLists:
    """A list too long for Excel's rule is kept on a hidden sheet the reader skips."""

    def long_table(self):
        """A table with one choice of sixty twelve-letter ids: 779 characters joined."""
        ids = tuple(f"choice-{number:05d}" for number in range(60))
        column = Column("pick", ColumnType.CHOICE, "pilihan", "a choice", choices=ids)
        short = Column("short", ColumnType.CHOICE, "pilihan", "a choice", choices=("a", "b"))
        return Table("picks", "uraian", "description", (column, short)), ids

    def test_a_long_list_is_on_the_hidden_sheet(self, tmp_path):
        """The rule names a range of the hidden lists sheet, which holds every value."""
        table, ids = self.long_table()
        path = tmp_path / "long.xlsx"
        write_xlsx(path, [(table, [])], instructions=True)
        book = openpyxl.load_workbook(path)
        assert book.sheetnames == [INSTRUCTIONS_SHEET, "picks", LISTS_SHEET]
        assert book[LISTS_SHEET].sheet_state == "hidden"
        rules = validations(book, table, "en")
        assert rules["A"][0].formula1 == f"'{LISTS_SHEET}'!$A$1:$A$60"
        assert offered(book, rules["A"][0]) == list(ids)
        assert rules["B"][0].formula1 == '"a,b"'  # a short list stays in its rule

    def test_the_reader_skips_the_lists_sheet(self, tmp_path):
        """A template carrying the hidden lists sheet reads as one without it."""
        path = tmp_path / "book.xlsx"
        write_template(path, example=[SAMPLE])
        book = openpyxl.load_workbook(path)
        book.create_sheet(LISTS_SHEET).append(["choice-00001"])
        book[LISTS_SHEET].sheet_state = "hidden"
        book.save(path)
        assert read_appraisals(path) == (SAMPLE,)

    def test_results_have_no_lists(self, tmp_path):
        """Only templates get lists: results are a program's output, not a form."""
        table, _ = self.long_table()
        path = tmp_path / "plain.xlsx"
        write_xlsx(path, [(table, [])], instructions=False)
        book = openpyxl.load_workbook(path)
        assert book.sheetnames == ["picks"]
        assert not book["picks"].data_validations.dataValidation


class TestCsvUnaffected:
    """The CSV template is files of text: no lists sheet, the same headers and cells."""

    def test_csv_template_files_and_headers(self, tmp_path):
        """One file per table and the instructions, headed by the English ids."""
        write_template(tmp_path / "csv", "csv", example=[SAMPLE])
        names = sorted(path.name for path in (tmp_path / "csv").iterdir())
        assert names == sorted([f"{INSTRUCTIONS_SHEET}.csv", *(f"{t.name}.csv" for t in TABLES)])
        for table in TABLES:
            with (tmp_path / "csv" / f"{table.name}.csv").open(encoding="utf-8-sig") as stream:
                assert tuple(next(csv.reader(stream))) == table.headers
        assert read_appraisals(tmp_path / "csv") == (SAMPLE,)

    def test_csv_cells_keep_ids_and_words(self, tmp_path):
        """An English CSV template writes choices as ids and yes/no as true/false, as before."""
        write_template(tmp_path / "csv", "csv", example=[SAMPLE])
        with (tmp_path / "csv" / "employees.csv").open(encoding="utf-8-sig") as stream:
            row = next(csv.DictReader(stream))
        assert row["position_kind"] == SAMPLE.position.kind.value
        assert row["leads_unit"] in {"true", "false"}


def test_choice_values_follow_the_column():
    """A column without choices offers nothing; yes/no offers a pair per language."""
    employees = find_table("employees")
    assert choice_values(employees.column("name")) == ()
    assert choice_values(employees.column("leads_unit"), "id") == ("Ya", "Tidak")
    assert choice_values(employees.column("leads_unit"), "en") == ("TRUE", "FALSE")
