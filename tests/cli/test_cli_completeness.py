"""`penilaian completeness`: who in a cycle still lacks what, in four formats."""

from __future__ import annotations

import csv
import io
import json

import attrs
import pytest

from penilaian import load_sample, load_sample_unit
from penilaian.cli._main import EXIT_INVALID_INPUT, EXIT_OK, EXIT_USAGE, main
from penilaian.serialization import dumps


def run(*argv: str) -> tuple[int, str, str]:
    """Run the command in process: exit code, standard output, standard error."""
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(name="unit_file")
def _unit_file(tmp_path):
    """The sample unit's ten appraisals as one JSON array; the first loses a rating."""
    appraisals = list(load_sample_unit().appraisals)
    first = appraisals[0]
    appraisals[0] = attrs.evolve(first, ratings=first.ratings[1:])
    path = tmp_path / "unit.json"
    path.write_text(dumps(appraisals), encoding="utf-8")
    return path, first


class TestCompleteness:
    """The command reads what `score` reads and writes what is missing."""

    def test_json(self, unit_file):
        """JSON: counts per kind, per unit and per person, with the path of each item."""
        path, first = unit_file
        code, out, _ = run("completeness", str(path), "--format", "json")
        assert code == EXIT_OK
        data = json.loads(out)
        assert data["people"] == 10
        assert data["counts"]["feedback"] == 9
        assert data["counts"]["supervisor_rating"] == 1
        person = data["units"][0]["people"][0]
        assert person["appraisal_id"] == first.id
        rating = next(m for m in person["missing"] if m["kind"] == "supervisor_rating")
        assert (rating["subject"], rating["path"]) == (first.ratings[0].subject, "$.ratings")

    def test_csv_one_row_per_item(self, unit_file):
        """CSV: one row per missing item, with its kind, subject and path."""
        path, _ = unit_file
        code, out, _ = run("completeness", str(path), "--format", "csv", "--lang", "en")
        assert code == EXIT_OK
        rows = list(csv.DictReader(io.StringIO(out)))
        assert len(rows) == 10
        assert {row["kind"] for row in rows} == {"feedback", "supervisor_rating"}

    def test_text_and_markdown_languages(self, unit_file):
        """Text is Indonesian by default; Markdown in English has a counts table."""
        path, _ = unit_file
        code, out, _ = run("completeness", str(path))
        assert code == EXIT_OK
        assert out.startswith("Kelengkapan siklus penilaian: 9 dari 10 pegawai belum lengkap")
        code, out, _ = run("completeness", str(path), "--format", "markdown", "--lang", "en")
        assert code == EXIT_OK
        assert "| bkpsdm-bidang-pengembangan | 10 | 9 | 1 | 9 |" in out

    def test_complete_file(self, tmp_path):
        """A complete appraisal under its regime: nothing missing, exit 0."""
        path = tmp_path / "one.json"
        path.write_text(dumps(load_sample("pp46_2011")), encoding="utf-8")
        code, out, _ = run("completeness", str(path), "--format", "markdown", "--lang", "en")
        assert code == EXIT_OK
        assert "Every appraisal is complete." in out

    def test_output_file(self, unit_file, tmp_path):
        """--output writes the file, and nothing to standard output."""
        path, _ = unit_file
        target = tmp_path / "out.json"
        code, out, _ = run("completeness", str(path), "--format", "json", "-o", str(target))
        assert (code, out) == (EXIT_OK, "")
        assert json.loads(target.read_text(encoding="utf-8"))["people"] == 10

    def test_workbook(self, tmp_path):
        """An XLSX workbook written by `template --example` is read as `score` reads it."""
        pytest.importorskip("openpyxl")
        book = tmp_path / "unit.xlsx"
        assert run("template", "--example", "-o", str(book))[0] == EXIT_OK
        code, out, _ = run("completeness", str(book), "--format", "json")
        assert code == EXIT_OK
        assert json.loads(out)["people"] == 10

    def test_policy_for_a_regime_without_ratings(self, unit_file, tmp_path):
        """--policy for a regime that combines no ratings is wrong usage (exit 2)."""
        path, _ = unit_file
        policy = tmp_path / "policy.json"
        policy.write_text("{}", encoding="utf-8")
        code, _, err = run("completeness", str(path), "--policy", str(policy))
        assert code == EXIT_USAGE
        assert "takes no --policy" in err

    def test_invalid_input(self, tmp_path):
        """A file that is not an appraisal exits 1, naming the file."""
        path = tmp_path / "bad.json"
        path.write_text('{"id": 1}', encoding="utf-8")
        code, _, err = run("completeness", str(path))
        assert code == EXIT_INVALID_INPUT
        assert str(path) in err

    def test_bad_format_is_usage(self, unit_file):
        """An unknown format is wrong usage (exit 2)."""
        path, _ = unit_file
        assert run("completeness", str(path), "--format", "xlsx")[0] == EXIT_USAGE
