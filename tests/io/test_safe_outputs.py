"""Outputs that cannot be turned against their reader, joined by identity: CSV cells, exports."""

from __future__ import annotations

import ast
import csv
import io
from pathlib import Path

import attrs
import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.strategies import hostile_texts

import penilaian
from penilaian import default_registry, load_sample, load_sample_unit
from penilaian.exceptions import DuplicateIdError, InvalidInputError, InvalidValueError
from penilaian.io.escaping import (
    FORMULA_STARTS,
    CsvWriter,
    escape_markdown,
    neutralise_cell,
    restore_cell,
)
from penilaian.io.export import check_writable, result_rows
from penilaian.io.spreadsheet import read_appraisals, write_appraisals, write_results
from penilaian.io.tables import RESULTS
from penilaian.reporting import _markdown

FORMULAS = ("=1+2", "+1+2", "-1+2", "@SUM(A1)", "\t=1", "\r=1", '=HYPERLINK("http://x")')
NUMBERS = ("-5", "+5", "-2.5", "-2.5E3", "-.5", "5")
# Text in which quotes and formula characters meet the start in every way.
EDGY = st.text(alphabet=st.sampled_from(["'", "=", "+", "-", "@", "\t", "\r", "1", ".", "a", "E"]))
REGISTRY = default_registry()
SOURCE = Path(penilaian.__file__).parent


def hostile(appraisal, text):
    """*appraisal* with *text* as the employee's name and the first target's title."""
    first, *rest = appraisal.targets
    return attrs.evolve(
        appraisal,
        employee=attrs.evolve(appraisal.employee, name=text),
        targets=(attrs.evolve(first, title=text), *rest),
    )


def csv_rows(path):
    """The rows of a written CSV file, as the csv module reads them (no quote removed)."""
    with path.open(encoding="utf-8-sig", newline="") as stream:
        return list(csv.DictReader(stream))


def scored(appraisals):
    """Each appraisal's result under PermenPANRB 6/2022, without the trace."""
    strategy = REGISTRY.get("permen6_2022")
    return [strategy.score(appraisal).without_trace() for appraisal in appraisals]


def two_with_one_id():
    """Two appraisals of different people and grades that share one id."""
    unit = load_sample_unit().appraisals
    results = scored(unit)
    first = 0
    second = next(i for i, r in enumerate(results) if r.grade != results[first].grade)
    return unit[first], attrs.evolve(unit[second], id=unit[first].id)


class TestNeutraliseCell:
    """A CSV text cell never starts a formula; numbers stay numbers; the reader undoes it."""

    @pytest.mark.parametrize("text", FORMULAS)
    def test_formula_gets_a_quote(self, text):
        """Text starting with = + - @ tab or CR gets a single quote in front."""
        assert f"'{text}" == neutralise_cell(text)

    @pytest.mark.parametrize("text", NUMBERS)
    def test_number_is_left_alone(self, text):
        """A negative or signed number is not a formula: it is written as it is."""
        assert text == neutralise_cell(text)

    @pytest.mark.parametrize("text", ["Dewi", "'quoted", "1-2", " =1", ""])
    def test_other_text_is_left_alone(self, text):
        """Text not starting with a formula character is written as it is."""
        assert text == neutralise_cell(text)

    def test_formula_starts_are_the_documented_ones(self):
        """The characters that make a formula: = + - @ tab and carriage return."""
        assert FORMULA_STARTS == ("=", "+", "-", "@", "\t", "\r")

    @given(text=st.one_of(EDGY, hostile_texts(), st.text()))
    def test_restore_undoes_neutralise(self, text):
        """Reading a neutralised cell gives back the text, whatever quotes it starts with."""
        assert text == restore_cell(neutralise_cell(text))

    @given(text=st.one_of(EDGY, st.text()))
    def test_neutralised_text_starts_no_formula(self, text):
        """A neutralised cell starts with a formula character only if it is a number."""
        cell = neutralise_cell(text)
        assert not cell.startswith(FORMULA_STARTS) or cell in NUMBERS or _is_number(cell)


def _is_number(text):
    try:
        float(text)
    except ValueError:
        return False
    return text.strip() == text and not text.lstrip("+-").startswith(("i", "I", "n", "N"))


class TestCsvWriter:
    """The one CSV writer: text neutralised unless raw, other values as the csv module writes."""

    def test_text_is_neutralised_numbers_not(self):
        """A text formula gets its quote; a negative Decimal and an int do not."""
        buffer = io.StringIO()
        CsvWriter(buffer, lineterminator="\n").writerows([["=1+2", -5, "-5", None, "ok"]])
        assert buffer.getvalue() == "'=1+2,-5,-5,,ok\n"

    def test_raw_writes_as_it_is(self):
        """With raw=True every cell is written as it is, for machine consumers."""
        buffer = io.StringIO()
        CsvWriter(buffer, raw=True, lineterminator="\n").writerow(["=1+2", "@x"])
        assert buffer.getvalue() == "=1+2,@x\n"

    def test_every_csv_of_the_library_goes_through_it(self):
        """No module but penilaian.io.escaping calls csv.writer (or DictWriter) itself."""
        callers = set()
        for path in SOURCE.rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text("utf-8"))):
                if (
                    isinstance(node, ast.Attribute)
                    and isinstance(node.value, ast.Name)
                    and (node.value.id, node.attr) in {("csv", "writer"), ("csv", "DictWriter")}
                ):
                    callers.add(path.relative_to(SOURCE).as_posix())
        # Writers owned elsewhere, to be moved onto CsvWriter (see the report of this change).
        assert set() == callers - {"io/escaping.py"}


class TestSpreadsheetCsv:
    """The CSV workbook: formulas neutralised, read back equal; raw on request."""

    @pytest.mark.parametrize("text", [*FORMULAS[:4], "'=already", "-5", "''+x"])
    def test_template_neutralises_and_reads_back_equal(self, tmp_path, text):
        """A hostile name and title are written with a quote and read back as they were."""
        appraisal = hostile(load_sample("pp46_2011"), text)
        write_appraisals(tmp_path / "book", [appraisal], format="csv")
        (row,) = csv_rows(tmp_path / "book" / "employees.csv")
        assert neutralise_cell(text) == row["name"]
        assert not row["name"].startswith(FORMULA_STARTS) or text == "-5"
        assert (appraisal,) == read_appraisals(tmp_path / "book")

    def test_raw_template_writes_formulas_as_they_are(self, tmp_path):
        """raw=True writes the text unchanged, and it still reads back equal."""
        appraisal = hostile(load_sample("pp46_2011"), "=1+2")
        write_appraisals(tmp_path / "book", [appraisal], format="csv", raw=True)
        (row,) = csv_rows(tmp_path / "book" / "employees.csv")
        assert row["name"] == "=1+2"
        assert (appraisal,) == read_appraisals(tmp_path / "book")

    def test_raw_refuses_what_would_lose_its_quote(self, tmp_path):
        """Raw, a text starting with a quote before = would read back without it: refused."""
        appraisal = hostile(load_sample("pp46_2011"), "'=1+2")
        with pytest.raises(InvalidInputError, match="raw=False") as raised:
            write_appraisals(tmp_path / "book", [appraisal], format="csv", raw=True)
        assert {"$[0]"} == {problem.path for problem in raised.value.problems}
        assert not (tmp_path / "book").exists()

    def test_xlsx_text_is_never_a_formula(self, tmp_path):
        """In XLSX a text starting with = is a text cell, and reads back equal."""
        appraisal = hostile(load_sample("pp46_2011"), "=1+2")
        write_appraisals(tmp_path / "book.xlsx", [appraisal], raw=True)
        book = openpyxl.load_workbook(tmp_path / "book.xlsx")
        cell = book["employees"]["C2"]
        assert (cell.value, cell.data_type) == ("=1+2", "s")
        assert (appraisal,) == read_appraisals(tmp_path / "book.xlsx")

    @pytest.mark.parametrize("raw", [False, True])
    def test_results_csv(self, tmp_path, raw):
        """The results' name cell is neutralised, or raw on request; a score stays a number."""
        appraisal = hostile(load_sample(), '=HYPERLINK("http://x")')
        write_results(tmp_path / "out", scored([appraisal]), [appraisal], raw=raw)
        (row,) = csv_rows(tmp_path / "out" / "results.csv")
        expected = '=HYPERLINK("http://x")'
        assert (expected if raw else f"'{expected}") == row["name"]
        assert not row["score"].startswith("'")


class TestResultsJoin:
    """Each exported row is its own appraisal's result: never joined through an id."""

    @pytest.mark.parametrize("fmt", ["csv", "xlsx"])
    def test_two_appraisals_with_one_id_are_refused(self, tmp_path, fmt):
        """write_results names both positions and writes nothing."""
        first, second = two_with_one_id()
        path = tmp_path / ("out.xlsx" if fmt == "xlsx" else "out")
        with pytest.raises(InvalidInputError) as raised:
            write_results(path, scored([first, second]), [first, second], format=fmt)
        (problem,) = raised.value.problems
        assert problem.path == "$[1].id"
        assert "$[0]" in problem.message
        assert isinstance(problem.error, DuplicateIdError)
        assert not path.exists()

    def test_pairs_with_one_id_are_refused(self):
        """result_rows refuses a second pair of an appraisal id, naming the first one."""
        first, second = two_with_one_id()
        pairs = list(zip([first, second], scored([first, second]), strict=True))
        _, problems = result_rows(pairs, "id")
        (problem,) = problems
        assert problem.path == "$[1].appraisal_id"
        assert "$[0]" in problem.message
        assert isinstance(problem.error, DuplicateIdError)

    def test_two_results_of_one_appraisal_are_refused(self, tmp_path):
        """Two results of one appraisal would share its figures' rows: refused at the second."""
        sample = load_sample()
        (result,) = scored([sample])
        with pytest.raises(InvalidInputError) as raised:
            write_results(tmp_path / "out", [result, result], [sample])
        assert [problem.path for problem in raised.value.problems] == ["$[1].appraisal_id"]

    def test_pair_of_another_appraisal_is_refused(self):
        """A result paired with an appraisal that is not its own is refused."""
        unit = load_sample_unit().appraisals
        results = scored(unit[:2])
        _, problems = result_rows([(unit[0], results[1])], "id")
        (problem,) = problems
        assert problem.path == "$[0].appraisal_id"
        assert isinstance(problem.error, InvalidValueError)

    def test_each_row_is_its_own_appraisal(self):
        """Each row holds the name of the appraisal its result was paired with, in order."""
        unit = load_sample_unit().appraisals
        results = scored(unit)
        rows, problems = result_rows(list(zip(unit, results, strict=True)), "en")
        assert problems == []
        expected = [(a.employee.name, r.grade.value) for a, r in zip(unit, results, strict=True)]
        assert expected == [(row["name"], row["grade"]) for row in rows[RESULTS]]

    def test_cell_problem_placed_at_its_own_appraisal(self):
        """A bad cell of the first of two appraisals sharing an id is placed at $[0]."""
        sample = load_sample("pp46_2011")
        bad = hostile(sample, "Dewi\x07")
        problems = check_writable([bad, sample])
        places = {(problem.path, type(problem.error)) for problem in problems}
        assert {("$[1].id", DuplicateIdError), ("$[0]", InvalidValueError)} == places


class TestMarkdownEscape:
    """Every Markdown output escapes its data with one function."""

    def test_reports_use_the_shared_escape(self):
        """The reports' Markdown escape is penilaian.io.escaping.escape_markdown itself."""
        assert _markdown.escape is escape_markdown

    def test_html_is_escaped(self):
        """Raw HTML reads as text."""
        assert escape_markdown("<script>x</script>") == "\\<script\\>x\\</script\\>"
