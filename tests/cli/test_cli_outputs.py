"""`penilaian score` tables: rows joined by identity, CSV that never runs, Markdown without HTML."""

from __future__ import annotations

import csv
import io

import attrs
import pytest

from penilaian import default_registry, load_sample, load_sample_unit
from penilaian.cli._main import EXIT_INVALID_INPUT, EXIT_OK, main
from penilaian.cli._text import results_table
from penilaian.exceptions import DuplicateIdError, InvalidInputError
from penilaian.serialization import dumps

STRATEGY = default_registry().get("permen6_2022")


def run(*argv: str) -> tuple[int, str, str]:
    """Run the command in process: exit code, standard output, standard error."""
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def named(appraisal, name):
    """*appraisal* with its employee called *name*."""
    return attrs.evolve(appraisal, employee=attrs.evolve(appraisal.employee, name=name))


def document(tmp_path, appraisals):
    """A JSON array of *appraisals* in a file."""
    path = tmp_path / "appraisals.json"
    path.write_text("[" + ",".join(dumps(a) for a in appraisals) + "]", encoding="utf-8")
    return path


def two_with_one_id():
    """Two appraisals of different people and grades that share one id."""
    unit = load_sample_unit().appraisals
    grades = [STRATEGY.score(appraisal).grade for appraisal in unit]
    second = next(i for i, grade in enumerate(grades) if grade != grades[0])
    return unit[0], attrs.evolve(unit[second], id=unit[0].id)


class TestJoinedByIdentity:
    """A grade is never printed beside another person's name."""

    @pytest.mark.parametrize("fmt", ["csv", "markdown", "xlsx"])
    def test_two_appraisals_with_one_id_are_refused(self, tmp_path, fmt):
        """score refuses a file of two appraisals under one id, naming the second; no output."""
        path = document(tmp_path, two_with_one_id())
        target = tmp_path / ("out.xlsx" if fmt == "xlsx" else "out.txt")
        code, out, err = run("score", str(path), "--format", fmt, "--output", str(target))
        assert (code, out) == (EXIT_INVALID_INPUT, "")
        assert "$[1]" in err
        assert not target.exists()

    @pytest.mark.parametrize("markdown", [False, True])
    def test_table_refuses_pairs_with_one_id(self, markdown):
        """The table itself refuses two pairs of one id, whoever calls it."""
        pairs = [(appraisal, STRATEGY.score(appraisal)) for appraisal in two_with_one_id()]
        with pytest.raises(InvalidInputError) as raised:
            results_table(pairs, markdown=markdown)
        (problem,) = raised.value.problems
        assert (
            problem.path,
            isinstance(problem.error, DuplicateIdError),
        ) == ("$[1].appraisal_id", True)
        assert "$[0]" in problem.message

    def test_each_row_holds_its_own_name_and_grade(self, tmp_path):
        """Every CSV row pairs the name and grade of the same appraisal."""
        unit = load_sample_unit().appraisals
        code, out, _ = run("score", str(document(tmp_path, unit)), "--format", "csv")
        rows = list(csv.DictReader(io.StringIO(out)))
        expected = [(a.employee.name, STRATEGY.score(a).grade.value) for a in unit]
        assert code == EXIT_OK
        assert expected == [(row["name"], row["grade"]) for row in rows]


class TestHostileText:
    """Names that would run in a spreadsheet or render as HTML are neutralised."""

    def test_csv_formula_gets_a_quote(self, tmp_path):
        """A name starting with = is written after a single quote; raw on request."""
        appraisal = named(load_sample(), '=HYPERLINK("http://x","y")')
        code, out, _ = run("score", str(document(tmp_path, [appraisal])), "--format", "csv")
        (row,) = csv.DictReader(io.StringIO(out))
        assert (code, row["name"]) == (EXIT_OK, '\'=HYPERLINK("http://x","y")')
        raw = results_table([(appraisal, STRATEGY.score(appraisal))], raw=True)
        (row,) = csv.DictReader(io.StringIO(raw))
        assert row["name"] == '=HYPERLINK("http://x","y")'

    def test_markdown_escapes_html(self, tmp_path):
        """A name holding HTML is escaped as in the reports: no raw tag reaches the table."""
        appraisal = named(load_sample(), "<img src=x onerror=alert(1)> | Dewi")
        path = document(tmp_path, [appraisal])
        code, out, _ = run("score", str(path), "--format", "markdown")
        assert code == EXIT_OK
        assert "<img" not in out.replace("\\<img", "")
        assert "\\<img src=x onerror=alert(1)\\> \\| Dewi" in out

    def test_markdown_keeps_one_row_per_line(self, tmp_path):
        """A line break in a name cannot start a new row or block."""
        appraisal = named(load_sample(), "Dewi\n\n# heading")
        code, out, _ = run("score", str(document(tmp_path, [appraisal])), "--format", "markdown")
        assert (code, len(out.splitlines())) == (EXIT_OK, 3)
        assert "| Dewi \\# heading |" in out
