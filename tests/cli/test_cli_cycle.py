"""
The HR officer's cycle from one workbook: one bad employee is set aside, never the whole file.

The fixture is a seeded 8-person unit (the sample unit's first eight) in which two people,
chosen by ``random.Random(17)``, have a supervisor's behaviour rating given as a number on a
numeric scale, which PermenPANRB 6/2022 cannot read (it needs an expectation level): their
scoring fails, the six others score.
"""

from __future__ import annotations

import csv
import io
import json
import random

import attrs
import pytest

from penilaian import load_sample_unit
from penilaian._base.trace import Gap
from penilaian.cli._main import EXIT_INVALID_INPUT, EXIT_OK, EXIT_USAGE, main
from penilaian.cli._text import problem_text
from penilaian.exceptions import InvalidValueError, Problem
from penilaian.io.spreadsheet import write_appraisals
from penilaian.model.raters import NumericScale
from penilaian.serialization import dumps

UNIT = load_sample_unit()
EIGHT = UNIT.appraisals[:8]
# A seed, not security: the same two people on every run, never the leader (row 0).
BAD = sorted(random.Random(17).sample(range(1, 8), 2))  # noqa: S311
LIKERT = NumericScale("likert-1-5", 1, 5, 1)


def run(*argv: str) -> tuple[int, str, str]:
    """Run the command in process: exit code, standard output, standard error."""
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def spoilt(appraisal):
    """*appraisal* with its supervisor's behaviour rating as a score on a numeric scale."""
    ratings = tuple(
        attrs.evolve(rating, scale_id=LIKERT.id, level=None, score=4)
        if (rating.rater_id, rating.subject) == ("atasan", "behaviour")
        else rating
        for rating in appraisal.ratings
    )
    return attrs.evolve(appraisal, ratings=ratings, scales=(*appraisal.scales, LIKERT))


def people(appraisals):
    """The heading text names each person: name, NIP, appraisal id."""
    return [f"{a.employee.name} (NIP {a.employee.nip.spaced}, {a.id})" for a in appraisals]


@pytest.fixture(name="unit8")
def _unit8(tmp_path):
    path = tmp_path / "unit8.xlsx"
    write_appraisals(path, [spoilt(a) if i in BAD else a for i, a in enumerate(EIGHT)])
    return path


def test_the_seed_picks_two_people():
    """The seed chooses two distinct non-leaders, so the fixture is the same on every run."""
    assert len(set(BAD)) == 2
    assert 0 not in BAD


class TestScore:
    """score: six scored, two set aside and named by sheet and row, exit 1."""

    def test_text_names_everyone_and_sets_two_aside(self, unit8):
        """Every person is named; the two bad ones at their employees row and rating cell."""
        code, out, err = run("score", str(unit8))
        assert code == EXIT_INVALID_INPUT
        for heading in people(EIGHT):
            assert heading in out
        for index in BAD:
            line = f"{people([EIGHT[index]])[0]}, lembar employees, baris {index + 2}: disisihkan"
            assert line in out
            assert line in err
        assert err.count("diperlukan tingkat") == 2
        assert err.count("[ratings!G") == 2
        assert err.rstrip().endswith("2 dari 8 penilaian disisihkan (tidak dinilai); 6 dinilai")

    def test_summary_in_english(self, unit8):
        """The summary and the words around the problems follow --lang."""
        code, _, err = run("score", str(unit8), "--lang", "en")
        assert code == EXIT_INVALID_INPUT
        assert "sheet employees, row" in err
        assert err.rstrip().endswith("2 of 8 appraisals set aside (not scored); 6 scored")

    def test_json_keeps_the_set_aside_entries(self, unit8):
        """JSON lists all eight in order; the two set aside are explicit, with their problems."""
        code, out, _ = run("score", str(unit8), "--json")
        assert code == EXIT_INVALID_INPUT
        items = json.loads(out)
        assert [item["appraisal_id"] for item in items] == [a.id for a in EIGHT]
        aside = [index for index, item in enumerate(items) if item.get("set_aside")]
        assert aside == BAD
        entry = items[BAD[0]]
        assert entry["row"] == f"lembar employees, baris {BAD[0] + 2}"
        assert entry["nip"] == EIGHT[BAD[0]].employee.nip.digits
        (problem,) = entry["problems"]
        assert problem["path"] == "$.ratings[1].scale_id"
        assert problem["place"].startswith("ratings!G")
        assert "grade" in items[0]

    def test_csv_has_the_six_scored(self, unit8):
        """A table holds the scored rows only; the set-aside ones are named on stderr."""
        code, out, err = run("score", str(unit8), "--format", "csv")
        assert code == EXIT_INVALID_INPUT
        rows = list(csv.DictReader(io.StringIO(out)))
        assert len(rows) == 6
        assert "2 dari 8" in err

    def test_validate_sets_aside_too(self, unit8):
        """validate reads the whole file, then names what cannot be scored: exit 1."""
        code, out, err = run("validate", str(unit8))
        assert (code, out) == (EXIT_INVALID_INPUT, "")
        assert "8 penilaian valid" in err
        assert "2 dari 8 penilaian disisihkan" in err

    def test_a_clean_file_exits_0(self, tmp_path):
        """With nothing set aside, the exit code is 0 and no summary is written."""
        path = tmp_path / "unit.xlsx"
        write_appraisals(path, EIGHT)
        code, out, err = run("score", str(path))
        assert (code, err) == (EXIT_OK, "")
        assert "disisihkan" not in out

    def test_generic_missing_realisation_is_named_at_its_target_row(self, tmp_path):
        """Under --regime generic a missing realisation sets one person aside, at the target row."""
        write_appraisals(tmp_path, EIGHT, format="csv")
        gone = EIGHT[1]
        indicator = gone.targets[0].indicators[0].id
        path = tmp_path / "realisations.csv"
        with path.open(encoding="utf-8-sig", newline="") as file:
            rows = list(csv.reader(file))
        kept = [row for row in rows if row[:2] != [gone.id, indicator]]
        assert len(kept) == len(rows) - 1
        with path.open("w", encoding="utf-8", newline="") as file:
            csv.writer(file).writerows(kept)
        code, _, err = run("score", str(tmp_path), "--regime", "generic")
        assert code == EXIT_INVALID_INPUT
        assert f"{gone.id}), lembar employees, baris 3: disisihkan" in err
        assert f"indicator {indicator} has no realisation" in err
        assert "[targets!" in err
        assert "1 dari 8 penilaian disisihkan" in err


class TestOneAppraisal:
    """report and explain of one person name that person's row when scoring fails."""

    @pytest.mark.parametrize("command", ["report", "explain"])
    def test_a_bad_one(self, unit8, command):
        """Exit 1, naming the person, the row and the cell."""
        bad = EIGHT[BAD[0]]
        code, out, err = run(command, str(unit8), "--appraisal", bad.id)
        assert (code, out) == (EXIT_INVALID_INPUT, "")
        assert f"lembar employees, baris {BAD[0] + 2}: disisihkan" in err
        assert "[ratings!G" in err

    def test_a_good_one(self, unit8):
        """Another person of the same file is reported as usual."""
        code, out, _ = run("explain", str(unit8), "--appraisal", EIGHT[0].id)
        assert code == EXIT_OK
        assert out.startswith(people(EIGHT[:1])[0])


class TestCurve:
    """curve reads the file score reads, and still reads a unit JSON document."""

    def test_workbook(self, unit8):
        """The six scored are checked against the curve; the two set aside are named; exit 1."""
        code, out, err = run("curve", str(unit8), "--propose")
        assert code == EXIT_INVALID_INPUT
        assert out.startswith("Unit bkpsdm-bidang-pengembangan (Baik), 6 pegawai:")
        assert "bukan penilaian atas prestasi" in out
        assert "2 dari 8 penilaian disisihkan" in err

    def test_csv_folder(self, tmp_path):
        """A CSV folder works as the workbook does: all ten, exit 0."""
        write_appraisals(tmp_path, UNIT.appraisals, format="csv")
        code, out, _ = run("curve", str(tmp_path), "--lang", "en")
        assert code == EXIT_OK
        assert out.startswith("Unit bkpsdm-bidang-pengembangan (Good), 10 employees:")

    def test_unit_document_still_works(self, tmp_path):
        """The unit JSON document is checked whole, as before, with the unit's name."""
        path = tmp_path / "unit.json"
        path.write_text(dumps(UNIT), encoding="utf-8")
        code, out, _ = run("curve", str(path), "--format", "markdown")
        assert code == EXIT_OK
        assert UNIT.unit.name in out

    def test_same_check_as_the_unit_document(self, tmp_path):
        """The workbook's unit gives the very check the unit document gives."""
        write_appraisals(tmp_path / "book", UNIT.appraisals, format="csv")
        (tmp_path / "unit.json").write_text(dumps(UNIT), encoding="utf-8")
        _, from_book, _ = run("curve", str(tmp_path / "book"), "--propose")
        _, from_document, _ = run("curve", str(tmp_path / "unit.json"), "--propose")
        assert from_book == from_document

    def test_a_unit_without_its_grade(self, tmp_path):
        """Without unit_grade on any row, the unit's grade is asked for on the leader's row."""
        plain = [attrs.evolve(a, unit_grade=None) for a in EIGHT]
        write_appraisals(tmp_path, plain, format="csv")
        code, _, err = run("curve", str(tmp_path))
        assert code == EXIT_INVALID_INPUT
        assert "isi unit_grade pada baris pimpinan unit" in err
        assert "@ employees!M2" in err  # the leader's unit_grade cell

    def test_nothing_gradable(self, tmp_path):
        """A file whose one appraisal has no grade names it, and the curve is refused: exit 1."""
        path = tmp_path / "one.json"
        path.write_text(dumps(UNIT.appraisals[2]), encoding="utf-8")
        code, _, err = run("curve", str(path), "--regime", "generic", "--lang", "en")
        assert code == EXIT_INVALID_INPUT
        assert "the appraisal is incomplete: it has no grade" in err
        assert "1 of 1 appraisals set aside" in err
        assert err.rstrip().endswith("no appraisal could be scored for the curve")


class TestUnitReport:
    """report --unit: one report for the whole unit, with its curve, calibration and set-aside."""

    def test_markdown(self, unit8):
        """The unit's report names the people left out of the curve, and how ties are broken."""
        code, out, err = run("report", str(unit8), "--unit")
        assert code == EXIT_INVALID_INPUT
        assert out.startswith("# Kurva distribusi predikat unit kerja: bkpsdm-bidang-pengembangan")
        assert "## Disisihkan dari kurva" in out
        for index in BAD:
            assert EIGHT[index].employee.name in out.split("## Disisihkan dari kurva")[1]
        assert "2 dari 8 penilaian disisihkan" in err

    def test_html_in_english(self, tmp_path):
        """HTML of one unit, in English, exit 0 for a clean file."""
        write_appraisals(tmp_path, UNIT.appraisals, format="csv")
        code, out, _ = run("report", str(tmp_path), "--unit", "--format", "html", "--lang", "en")
        assert code == EXIT_OK
        assert out.startswith("<!DOCTYPE html>")
        assert "not a judgement on merit" in out

    def test_an_unknown_unit_is_usage(self, unit8):
        """--unit-id naming no unit of the file is wrong usage, listing the units."""
        code, _, err = run("report", str(unit8), "--unit", "--unit-id", "nope")
        assert code == EXIT_USAGE
        assert "bkpsdm-bidang-pengembangan" in err


class TestLanguages:
    """Every command takes --lang; the command line's own words follow it."""

    @pytest.mark.parametrize(
        "argv",
        [
            ["schema"],
            ["demo"],
            ["simulate", "--employees", "5"],
        ],
    )
    def test_commands_without_a_file(self, argv):
        """Commands that read no file accept --lang en."""
        code, _, err = run(*argv, "--lang", "en")
        assert (code, err) == (EXIT_OK, "")

    def test_template(self, tmp_path):
        """template says what it wrote in the language asked for."""
        code, _, err = run("template", "-o", str(tmp_path / "t.xlsx"), "--lang", "en")
        assert (code, err) == (EXIT_OK, f"{tmp_path / 't.xlsx'}: xlsx template written\n")
        code, _, err = run("template", "-o", str(tmp_path / "u.xlsx"))
        assert (code, err) == (EXIT_OK, f"{tmp_path / 'u.xlsx'}: templat xlsx ditulis\n")

    @pytest.mark.parametrize(
        "command", ["score", "validate", "explain", "curve", "completeness", "report"]
    )
    def test_commands_with_a_file(self, tmp_path, command):
        """Commands that read FILE accept --lang en."""
        path = tmp_path / "one.json"
        path.write_text(dumps(UNIT.appraisals[0]), encoding="utf-8")  # the leader: its grade
        code, _, _ = run(command, str(path), "--lang", "en")
        assert code == EXIT_OK


class TestProblemText:
    """The one door every printed problem passes: the catalogue of reasons in both languages."""

    def test_a_problem_is_said_in_the_language(self):
        """A problem reads in Indonesian by default, in English (its own text) on request."""
        problem = Problem("$.id", "must not be empty", InvalidValueError("id", "", "x"))
        assert problem_text(problem) == "tidak boleh kosong @ $.id"
        assert problem_text(problem, "en") == str(problem)

    def test_a_gap_names_its_path(self):
        """A gap is its reason at its path, in the reader's language."""
        gap = Gap("$.ratings", "no supervisor rating of behaviour; the pejabat penilai must set it")
        assert problem_text(gap, "en") == (
            "no supervisor rating of behaviour; the pejabat penilai must set it @ $.ratings"
        )
        indonesian = problem_text(gap)
        assert indonesian.endswith(" @ $.ratings")
        assert "[EN]" not in indonesian
        assert "rating of" not in indonesian

    def test_a_reason_nobody_wrote_is_marked_english(self):
        """A reason with no template (a caller's own) is kept in English after [EN]."""
        assert problem_text(Gap("$.x", "a caller's own words")) == "[EN] a caller's own words @ $.x"

    def test_an_error_is_its_text(self):
        """An error is printed as its own message."""
        error = InvalidValueError("id", "", "must not be empty")
        assert problem_text(error, "en") == str(error)
