"""The command line, end to end: in process for speed, and once as a subprocess."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from typing import TYPE_CHECKING
from xml.etree import ElementTree as ET

import jsonschema
import pytest

from penilaian import default_registry, load_sample, load_sample_unit
from penilaian.cli._main import (
    EXIT_INTERNAL_ERROR,
    EXIT_INVALID_INPUT,
    EXIT_OK,
    EXIT_USAGE,
    main,
    render,
)
from penilaian.exceptions import UnknownStrategyError
from penilaian.io.samples import SAMPLES
from penilaian.serialization import dumps, unstructure
from penilaian.simulation.progress import Progress

if TYPE_CHECKING:
    from pathlib import Path


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


class TestDemo:
    """`penilaian demo` loads the sample through the strict loader and shows it."""

    @pytest.mark.parametrize(
        ("lang", "words"),
        [("id", ["Pegawai", "belum dilaporkan", "Di Atas Ekspektasi"]),
         ("en", ["Employee", "not reported", "Above expectations"])],
    )  # fmt: skip
    def test_text_in_both_languages(self, lang, words):
        """The demo prints the sample in the language asked for, missing values marked, not zero."""
        code, out, _ = run("demo", "--lang", lang)
        assert code == EXIT_OK
        for word in words:
            assert word in out
        assert "19920315 201903 2 001" in out

    def test_json(self):
        """--json prints the sample's JSON, which is the sample unstructured."""
        code, out, _ = run("demo", "--json")
        assert code == EXIT_OK
        assert json.loads(out) == unstructure(load_sample())

    def test_render_matches_sample(self):
        """Every work target and indicator of the sample appears in the text."""
        sample = load_sample()
        text = render(sample, "en")
        for _, indicator in sample.indicators():
            assert indicator.id in text

    def test_render_minimal_appraisal(self):
        """An appraisal without feedback or expectations, on a custom scale, renders plainly."""
        import penilaian as p  # noqa: PLC0415

        scale = p.OrdinalScale("grade", ["C", "B", "A"])
        appraisal = p.Appraisal(
            id="a",
            employee=p.Employee("e", "Ana"),
            position=p.Position("Clerk", p.PositionKind.EXECUTOR),
            period=p.Period.quarter(2025, 1),
            framework=p.PP30_2019_BEHAVIOUR,
            targets=[p.WorkTarget("t", "T", [p.Indicator("i", "I", "quantity", p.PointTarget(1))])],
            raters=[p.Rater("boss", "supervisor", "b")],
            scales=[scale],
            ratings=[p.Rating("boss", "work_results", "grade", level="B")],
        )
        text = render(appraisal, "en")
        assert "boss \u2192 work_results: B" in text
        assert "no NIP" in text
        assert "feedback" not in text.lower()


class TestDemoScores:
    """The demo scores each regime's sample and shows one trace."""

    def test_every_regime_is_scored(self):
        """Each built-in regime's grade appears, and the chosen regime's trace follows."""
        code, out, _ = run("demo", "--lang", "en", "--regime", "pp46_2011")
        assert code == EXIT_OK
        for line in (
            "generic: Good",
            "permen6_2022: Good",
            "pp30_2019: Good",
            "pp46_2011: Very good",
        ):
            assert line in out
        assert "How the grade came about (pp46_2011):" in out

    @pytest.mark.parametrize(
        ("lang", "heading", "verdict"),
        [("en", "The sample unit against its distribution curve", "\u2192 complies"),
         ("id", "Kurva distribusi unit contoh", "\u2192 sesuai kurva")],
    )  # fmt: skip
    def test_curve_check_and_development_plan(self, lang, heading, verdict):
        """The demo checks the sample unit, proposes a calibration and plans development."""
        code, out, _ = run("demo", "--lang", lang)
        assert code == EXIT_OK
        curve = out.index(heading)
        plan = out.index("JP", curve)
        assert "Unit bkpsdm-bidang-pengembangan" in out[curve:]
        assert verdict in out[curve:plan]
        assert "199203152019032001 (skp-2024-rina, permen6_2022)" in out[curve:]

    def test_samples_match_their_regimes(self):
        """Every shipped sample loads strictly and scores completely under its regime."""
        registry = default_registry(entry_points=False)
        for regime_id in SAMPLES:
            result = registry.get(regime_id).score(load_sample(regime_id))
            assert result.is_complete, regime_id

    def test_unknown_sample(self):
        """A regime without a sample is refused with the ones that have one."""
        with pytest.raises(UnknownStrategyError, match="registered: generic, permen6_2022"):
            load_sample("pp99")


class TestScore:
    """`penilaian score FILE --regime ID` scores a file; unknown regimes and gaps are reported."""

    def write(self, tmp_path, regime_id="pp30_2019"):
        path = tmp_path / "a.json"
        path.write_text(dumps(load_sample(regime_id)), encoding="utf-8")
        return path

    def test_text_with_trace(self, tmp_path):
        """Text output names the grade and score, and the trace on request."""
        code, out, _ = run("score", str(self.write(tmp_path)), "--regime", "pp30_2019", "--trace")
        assert code == EXIT_OK
        name, grade = out.splitlines()[:2]
        assert name == "Arif Setiawan, S.H. (NIP 19880719 201101 1 002, skp-2021-s2-arif)"
        assert grade == "pp30_2019: Baik, nilai 98.88"  # a fungsional: the category route
        assert "weighting = without_peer_input" in out
        assert "PP 30/2019" in out

    def test_json(self, tmp_path):
        """JSON output is the Result, which loads back."""
        import penilaian as p  # noqa: PLC0415
        from penilaian.serialization import loads  # noqa: PLC0415

        path = self.write(tmp_path, "pp46_2011")
        code, out, _ = run("score", str(path), "--regime", "pp46_2011", "--json")
        assert code == EXIT_OK
        assert loads(out, p.Result).grade is p.Grade.VERY_GOOD

    @pytest.mark.parametrize("command", ["score", "explain", "validate", "completeness"])
    def test_unknown_regime(self, tmp_path, command):
        """An unknown regime id is wrong usage (exit 2), naming the option and the known ones."""
        code, out, err = run(command, str(self.write(tmp_path)), "--regime", "pp99")
        assert code == EXIT_USAGE
        assert out == ""
        assert err.startswith(f"penilaian {command}: --regime: no scoring strategy 'pp99'")
        assert "registered: generic, permen6_2022, pp30_2019, pp46_2011" in err

    def test_wrong_shape_for_the_regime(self, tmp_path):
        """A BerAKHLAK appraisal under PP 46/2011 is refused with the reason and path."""
        code, _, err = run(
            "score", str(self.write(tmp_path, "permen6_2022")), "--regime", "pp46_2011"
        )
        assert code == EXIT_INVALID_INPUT
        assert "$.framework" in err

    def test_incomplete_result_lists_its_gaps(self, tmp_path):
        """A missing supervisor rating gives no grade and names the gap."""
        import json  # noqa: PLC0415

        document = unstructure(load_sample())
        document["ratings"] = [r for r in document["ratings"] if r["subject"] != "behaviour"]
        path = tmp_path / "a.json"
        path.write_text(json.dumps(document), encoding="utf-8")
        code, out, _ = run("score", str(path), "--regime", "permen6_2022", "--lang", "en")
        assert code == EXIT_OK
        assert "incomplete: " in out


class TestValidate:
    """`penilaian validate FILE` reports every problem with its path, exit 1 when invalid."""

    def test_valid_file(self, tmp_path):
        """A valid document exits 0."""
        path = tmp_path / "ok.json"
        path.write_text(dumps(load_sample()), encoding="utf-8")
        code, out, err = run("validate", str(path))
        assert (code, out) == (EXIT_OK, "")
        assert "1 penilaian valid: skp-2024-rina" in err
        _, _, err = run("validate", str(path), "--lang", "en")
        assert err.startswith(f"{path}: valid appraisal skp-2024-rina\n")

    def test_invalid_file_lists_all_problems(self, tmp_path):
        """An invalid document exits 1 and lists each problem with its JSON path on stderr."""
        document = unstructure(load_sample())
        document["targets"][0]["indicators"][0]["target"]["value"] = "-4"
        document["ratings"][0]["rater_id"] = "nobody"
        document["extra"] = True
        path = tmp_path / "bad.json"
        path.write_text(json.dumps(document), encoding="utf-8")
        code, out, err = run("validate", str(path))
        assert (code, out) == (EXIT_INVALID_INPUT, "")
        assert "$.targets[0].indicators[0].target.value" in err
        assert "$.extra" in err

    def test_not_json(self, tmp_path):
        """Text that is not JSON is reported at $."""
        path = tmp_path / "bad.json"
        path.write_text("{not json", encoding="utf-8")
        code, _, err = run("validate", str(path), "--lang", "en")
        assert code == EXIT_INVALID_INPUT
        assert "not JSON" in err
        assert "@ $" in err

    def test_cross_field_problems_after_structure(self, tmp_path):
        """Cross-field problems are reported with their paths from the document root."""
        document = unstructure(load_sample())
        document["ratings"][0]["rater_id"] = "nobody"
        path = tmp_path / "bad.json"
        path.write_text(json.dumps(document), encoding="utf-8")
        code, _, err = run("validate", str(path), "--lang", "en")
        assert code == EXIT_INVALID_INPUT
        assert "no rater has this id (got 'nobody') @ $.ratings[0].rater_id" in err


class TestNothingToCheck:
    """A file that holds no appraisal is a mistake (exit 1), never "valid 0 appraisals"."""

    @pytest.mark.parametrize("command", ["validate", "score", "completeness"])
    def test_an_empty_template(self, tmp_path, command):
        """The blank workbook `penilaian template` writes, read back unfilled."""
        pytest.importorskip("openpyxl")
        from penilaian.io.spreadsheet import write_template  # noqa: PLC0415 - needs the extra

        path = tmp_path / "kosong.xlsx"
        write_template(path)
        code, out, err = run(command, str(path))
        assert (code, out) == (EXIT_INVALID_INPUT, "")
        assert err.startswith(f"{path}: 1 masalah:")
        assert "tidak berisi penilaian" in err

    def test_an_empty_array(self, tmp_path):
        """An empty JSON array is refused the same way."""
        path = tmp_path / "kosong.json"
        path.write_text("[]", encoding="utf-8")
        code, _, err = run("validate", str(path), "--lang", "en")
        assert code == EXIT_INVALID_INPUT
        assert "holds no appraisal" in err
        assert "valid 0" not in err


class TestSchemaAndUsage:
    """`penilaian schema` prints a valid JSON Schema; wrong usage exits 2."""

    def test_schema_validates_sample(self):
        """The printed schema is a valid draft 2020-12 schema that accepts the sample."""
        code, out, _ = run("schema")
        schema = json.loads(out)
        assert code == EXIT_OK
        jsonschema.Draft202012Validator.check_schema(schema)
        jsonschema.validate(unstructure(load_sample()), schema)

    @pytest.mark.parametrize("argv", [[], ["frobnicate"], ["demo", "--lang", "fr"]])
    def test_usage_errors(self, argv, capsys):
        """A missing or unknown command or option exits 2."""
        code, _, _ = run(*argv)
        assert code == EXIT_USAGE
        capsys.readouterr()

    def test_help_exits_zero(self, capsys):
        """--help exits 0."""
        code, _, _ = run("--help")
        assert code == EXIT_OK
        assert "demo" in capsys.readouterr().out

    def test_entry_points(self, monkeypatch, capsys):
        """The console script and python -m both run main() and exit with its code."""
        import runpy  # noqa: PLC0415

        from penilaian.cli._main import console  # noqa: PLC0415

        monkeypatch.setattr(sys, "argv", ["penilaian", "schema"])
        with pytest.raises(SystemExit) as caught:
            console()
        assert caught.value.code == EXIT_OK
        with pytest.raises(SystemExit) as caught:
            runpy.run_module("penilaian", run_name="__main__")
        assert caught.value.code == EXIT_OK
        assert '"title": "Appraisal"' in capsys.readouterr().out

    def test_module_runs_as_a_program(self):
        """python -m penilaian demo works in a subprocess, as a newcomer runs it."""
        result = subprocess.run(
            [sys.executable, "-m", "penilaian", "demo", "--lang", "en"],
            capture_output=True, text=True, check=False, timeout=120,
        )  # fmt: skip
        assert result.returncode == EXIT_OK
        assert "Rina Wulandari" in result.stdout


class TestManyAppraisals:
    """Files of several appraisals: formats, output files, progress, explain, curve."""

    @pytest.fixture
    def many(self, tmp_path):
        unit = load_sample_unit()
        path = tmp_path / "unit-appraisals.json"
        path.write_text("[" + ",".join(dumps(a) for a in unit.appraisals) + "]", encoding="utf-8")
        return path

    def test_score_formats(self, many):
        """Text, JSON, CSV and Markdown each carry one result per appraisal."""
        code, out, _ = run("score", str(many), "--format", "csv", "--lang", "en")
        rows = list(csv.DictReader(io.StringIO(out)))
        assert code == EXIT_OK
        assert [row["grade"] for row in rows].count("very_good") == 2
        assert len(rows) == 10
        _, out, _ = run("score", str(many), "--format", "json")
        assert [item["grade"] for item in json.loads(out)].count("good") == 8
        _, out, _ = run("score", str(many), "--format", "markdown")
        assert out.count("| permen6_2022 |") == 10
        _, out, _ = run("score", str(many))
        assert out.count("permen6_2022: ") == 10

    def test_regime_defaults_to_the_period(self, many):
        """Without --regime each appraisal is scored by the regime governing its period."""
        _, out, _ = run("score", str(many), "--format", "csv")
        assert {row["regime"] for row in csv.DictReader(io.StringIO(out))} == {"permen6_2022"}

    def test_output_file(self, many, tmp_path):
        """--output writes the file and prints nothing on stdout."""
        target = tmp_path / "results.csv"
        code, out, _ = run("score", str(many), "--format", "csv", "--output", str(target))
        assert (code, out) == (EXIT_OK, "")
        assert target.read_text(encoding="utf-8").startswith("appraisal_id,employee_id,")

    def test_no_partial_output_on_bad_input(self, many, tmp_path):
        """An invalid file exits 1 and leaves no output file, not even a temporary one."""
        document = json.loads(many.read_text(encoding="utf-8"))
        document[3]["employee"]["nip"] = "123"
        many.write_text(json.dumps(document), encoding="utf-8")
        target = tmp_path / "results.csv"
        code, _, err = run("score", str(many), "--format", "csv", "--output", str(target))
        assert code == EXIT_INVALID_INPUT
        assert "$[3].employee.nip" in err
        assert sorted(path.name for path in tmp_path.iterdir()) == ["unit-appraisals.json"]

    def test_explain_one(self, many):
        """explain prints one appraisal's trace; with several, --appraisal chooses."""
        code, _, err = run("explain", str(many))
        assert code == EXIT_USAGE
        assert "--appraisal" in err
        code, out, _ = run("explain", str(many), "--appraisal", "skp-2024-rina", "--lang", "en")
        assert code == EXIT_OK
        assert "(skp-2024-rina): work_results = above_expectations" in out
        code, _, err = run("explain", str(many), "--appraisal", "nobody")
        assert code == EXIT_USAGE
        assert "tidak ada penilaian 'nobody'" in err
        _, _, err = run("explain", str(many), "--appraisal", "nobody", "--lang", "en")
        assert "no appraisal 'nobody'" in err

    def test_validate_many(self, many):
        """validate counts the appraisals of a file."""
        code, _, err = run("validate", str(many))
        assert code == EXIT_OK
        assert "10 penilaian valid: skp-2024-198105102006041003" in err

    def test_curve_with_proposal(self, tmp_path):
        """curve checks a unit document and proposes a calibration on request."""
        path = tmp_path / "unit.json"
        path.write_text(dumps(load_sample_unit()), encoding="utf-8")
        code, out, _ = run("curve", str(path), "--propose", "--lang", "en")
        assert code == EXIT_OK
        assert "Good at most 70%: 70% \u00d7 10 = 7 \u2192 quota 7, count 8 \u2192 violated" in out
        assert "\n\u2192 complies\n" in out
        assert out.rstrip().endswith("the choice among equals belongs to the appraisal panel.")
        _, out, _ = run("curve", str(path))
        assert "tidak terpenuhi" in out
        assert "sesuai kurva" not in out

    def test_missing_file(self, tmp_path):
        """A file that does not exist is invalid input, named."""
        code, _, err = run("score", str(tmp_path / "nope.json"), "--lang", "en")
        assert code == EXIT_INVALID_INPUT
        assert "no such file" in err

    def test_internal_errors_exit_3(self, monkeypatch, many):
        """A bug is reported as such, with exit code 3 and no traceback dump."""
        import penilaian.cli._main as cli  # noqa: PLC0415

        def broken(*_args):
            raise RuntimeError("boom")

        monkeypatch.setitem(cli._COMMANDS, "validate", broken)
        code, out, err = run("validate", str(many))
        assert (code, out) == (EXIT_INTERNAL_ERROR, "")
        assert "internal error: RuntimeError: boom" in err
        assert "laporkan" in err


class TestProgress:
    """Progress shows on a terminal and never when piped."""

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    def test_on_a_terminal(self):
        """Counts are written with carriage returns, and the line is ended."""
        stream = self.Terminal()
        progress = Progress(3, "scored", stream)
        for done in (1, 2, 3):
            progress.update(done)
        progress.close()
        assert stream.getvalue() == "\rscored 1/3\rscored 2/3\rscored 3/3\n"

    def test_piped(self):
        """Nothing is written when the stream is not a terminal."""
        stream = io.StringIO()
        progress = Progress(3, "scored", stream)
        progress.update(3)
        progress.close()
        assert stream.getvalue() == ""


class TestReports:
    """`penilaian report` and `penilaian curve --format` write readable reports."""

    @pytest.fixture
    def unit_file(self, tmp_path):
        path = tmp_path / "unit.json"
        path.write_text(dumps(load_sample_unit()), encoding="utf-8")
        return path

    @pytest.mark.parametrize(
        ("lang", "title"),
        [("id", "Laporan penilaian kinerja"), ("en", "Performance appraisal report")],
    )
    def test_employee_report_in_both_languages(self, tmp_path, lang, title):
        """The report names the employee, the grade and the plan, in the language asked for."""
        path = tmp_path / "rina.json"
        path.write_text(dumps(load_sample()), encoding="utf-8")
        code, out, _ = run("report", str(path), "--lang", lang)
        assert code == EXIT_OK
        assert out.startswith(f"# {title}: Rina Wulandari, S.E.")
        assert "JP" in out

    def test_html_report_to_a_file(self, tmp_path):
        """--format html writes a standalone page that parses as XML."""
        source = tmp_path / "rina.json"
        source.write_text(dumps(load_sample("pp46_2011")), encoding="utf-8")
        target = tmp_path / "rina.html"
        code, out, _ = run("report", str(source), "--format", "html", "-o", str(target))
        assert (code, out) == (EXIT_OK, "")
        page = target.read_text(encoding="utf-8")
        assert page.startswith("<!DOCTYPE html>")
        ET.fromstring(page.removeprefix("<!DOCTYPE html>"))  # noqa: S314 - our own page

    def test_report_without_plan(self, tmp_path):
        """--no-plan leaves the development plan out."""
        path = tmp_path / "rina.json"
        path.write_text(dumps(load_sample()), encoding="utf-8")
        _, with_plan, _ = run("report", str(path), "--lang", "en")
        _, without, _ = run("report", str(path), "--lang", "en", "--no-plan")
        assert "Entitlement" in with_plan
        assert "Entitlement" not in without

    @pytest.mark.parametrize("fmt", ["markdown", "html"])
    def test_unit_report(self, unit_file, fmt):
        """curve --format markdown|html shows the rules and the proposal with names."""
        code, out, _ = run("curve", str(unit_file), "--propose", "--format", fmt, "--lang", "en")
        assert code == EXIT_OK
        assert "Fajar Nugroho" in out
        assert "<svg" in out if fmt == "html" else "| Good at most 70%" in out


class TestSpreadsheetsAndPolicies:
    """Spreadsheet input and output, templates, and policy files through the command line."""

    def test_template_then_score_xlsx(self, tmp_path):
        """An example template scores to an XLSX of results with the sample's grades."""
        openpyxl = pytest.importorskip("openpyxl")
        workbook = tmp_path / "unit.xlsx"
        assert run("template", "--output", str(workbook), "--example")[0] == EXIT_OK
        results = tmp_path / "results.xlsx"
        code, out, _ = run("score", str(workbook), "--format", "xlsx", "-o", str(results))
        assert (code, out) == (EXIT_OK, "")
        workbook = openpyxl.load_workbook(results, read_only=True)
        try:
            rows = workbook["results"].iter_rows(min_row=2, values_only=True)
            grades = [row[5] for row in rows]
        finally:
            workbook.close()
        assert sorted(grades) == ["good"] * 8 + ["very_good"] * 2

    def test_template_with_indonesian_headers_scores_the_same(self, tmp_path):
        """--headers id writes Indonesian sheet and column names that score as the English do."""
        openpyxl = pytest.importorskip("openpyxl")
        english, indonesian = tmp_path / "en.xlsx", tmp_path / "id.xlsx"
        assert run("template", "--output", str(english), "--example")[0] == EXIT_OK
        assert run("template", "-o", str(indonesian), "--example", "--headers", "id")[0] == 0
        workbook = openpyxl.load_workbook(indonesian, read_only=True)
        try:
            assert "pegawai" in workbook.sheetnames
            assert "employees" not in workbook.sheetnames
        finally:
            workbook.close()
        scored = [run("score", str(path), "--format", "csv") for path in (english, indonesian)]
        assert scored[0] == scored[1]
        assert scored[0][0] == EXIT_OK

    def test_xlsx_needs_an_output_file(self, tmp_path):
        """XLSX is not written to standard output."""
        path = tmp_path / "a.json"
        path.write_text(dumps(load_sample()), encoding="utf-8")
        code, _, err = run("score", str(path), "--format", "xlsx")
        assert code == EXIT_USAGE
        assert "--output" in err

    def test_csv_template_and_report(self, tmp_path):
        """A CSV template folder is read like a workbook; report picks one appraisal."""
        folder = tmp_path / "unit"
        assert run("template", "--format", "csv", "--output", str(folder), "--example")[0] == 0
        code, out, _ = run("report", str(folder), "--appraisal", "skp-2024-rina", "--lang", "en")
        assert code == EXIT_OK
        assert "Rina Wulandari" in out

    def test_spreadsheet_problems_name_the_cell(self, tmp_path):
        """A broken CSV cell is invalid input, reported with its sheet, row and column."""
        folder = tmp_path / "unit"
        run("template", "--format", "csv", "--output", str(folder), "--example")
        targets = folder / "targets.csv"
        lines = targets.read_text(encoding="utf-8-sig").splitlines()
        lines[1] = lines[1].replace(",4,,,,higher_is_better", ",-4,,,,higher_is_better", 1)
        targets.write_text("\n".join(lines) + "\n", encoding="utf-8")
        code, _, err = run("validate", str(folder))
        assert code == EXIT_INVALID_INPUT
        assert "targets!K2" in err

    def test_policy_file(self, tmp_path):
        """--policy weighs the generic regime's behaviour ratings by the file's policy."""
        appraisal = tmp_path / "rina.json"
        appraisal.write_text(dumps(load_sample("generic")), encoding="utf-8")
        policy = tmp_path / "policy.json"
        policy.write_text(
            json.dumps({"weights": {"supervisor": "1/2", "peer": "1/4", "public": "1/4"},
                        "missing": {"kind": "renormalise"}, "min_raters": {"peer": 2}}),
            encoding="utf-8",
        )  # fmt: skip
        _, plain, _ = run("score", str(appraisal), "--regime", "generic", "--format", "json")
        code, weighed, _ = run(
            "score", str(appraisal), "--regime", "generic", "--policy", str(policy), "--json"
        )
        assert code == EXIT_OK
        assert (json.loads(plain)["score"], json.loads(weighed)["score"]) == ("97.52", "97.37")

    def test_bad_policy_file_is_named(self, tmp_path):
        """A policy file's problems are reported under its own name, with JSON paths."""
        appraisal = tmp_path / "rina.json"
        appraisal.write_text(dumps(load_sample("generic")), encoding="utf-8")
        policy = tmp_path / "policy.json"
        policy.write_text('{"weights": {"supervisor": "half"}}', encoding="utf-8")
        code, _, err = run("score", str(appraisal), "--regime", "generic", "--policy", str(policy))
        assert code == EXIT_INVALID_INPUT
        assert err.startswith(f"{policy}: 2 masalah")
        assert "$.weights['supervisor']" in err

    def test_a_regime_without_ratings_takes_no_policy(self, tmp_path):
        """PermenPANRB 6/2022 with given ratings combines nothing, so --policy is wrong usage."""
        appraisal = tmp_path / "rina.json"
        appraisal.write_text(dumps(load_sample()), encoding="utf-8")
        code, _, err = run("score", str(appraisal), "--policy", str(appraisal))
        assert code == EXIT_USAGE
        assert "takes no --policy" in err

    def test_standard_input(self, monkeypatch):
        """- reads one appraisal from standard input."""
        monkeypatch.setattr(
            sys, "stdin", io.TextIOWrapper(io.BytesIO(dumps(load_sample()).encode()))
        )
        code, out, _ = run("score", "-", "--format", "csv")
        assert code == EXIT_OK
        assert out.count("\n") == 2


def _subprocess(*argv: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "penilaian", *argv],
        capture_output=True, text=True, check=False, timeout=120, cwd=cwd,
    )  # fmt: skip


@pytest.fixture(scope="module")
def program_folder(tmp_path_factory):
    """A folder with the sample, the sample unit and its workbook, for the program to read."""
    folder = tmp_path_factory.mktemp("cli")
    (folder / "rina.json").write_text(dumps(load_sample()), encoding="utf-8")
    (folder / "unit.json").write_text(dumps(load_sample_unit()), encoding="utf-8")
    assert _subprocess("template", "-o", "unit.xlsx", "--example", cwd=folder).returncode == 0
    return folder


class TestAsAProgram:
    """Each command run as a newcomer runs it: a separate process, with real files."""

    @pytest.mark.parametrize(
        ("argv", "expected"),
        [(["score", "unit.xlsx", "--format", "csv", "--lang", "en"], "Very good"),
         (["score", "rina.json", "--format", "markdown"], "| skp-2024-rina |"),
         (["score", "rina.json", "--format", "json"], '"grade": "good"'),
         (["score", "rina.json"], "permen6_2022: Baik"),
         (["explain", "unit.xlsx", "--appraisal", "skp-2024-rina"], "Predikat kinerja"),
         (["report", "rina.json", "--lang", "en"], "# Performance appraisal report"),
         (["report", "rina.json", "--format", "html"], "<!DOCTYPE html>"),
         (["curve", "unit.json", "--propose", "--lang", "en"], "complies"),
         (["curve", "unit.json", "--format", "html"], "<svg"),
         (["schema"], '"title": "Appraisal"')],
    )  # fmt: skip
    def test_commands(self, program_folder, argv, expected):
        """Each command exits 0 with its data on stdout and nothing on stderr."""
        done = _subprocess(*argv, cwd=program_folder)
        assert (done.returncode, done.stderr) == (0, "")
        assert expected in done.stdout

    def test_validate_speaks_on_stderr(self, program_folder):
        """validate prints its verdict on stderr, nothing on stdout."""
        done = _subprocess("validate", "unit.xlsx", cwd=program_folder)
        assert (done.returncode, done.stdout) == (0, "")
        assert "10 penilaian valid" in done.stderr

    def test_piped_output_has_no_progress(self, program_folder):
        """Piped, a long run stays quiet: no progress line on stderr."""
        done = _subprocess("score", "unit.xlsx", "--format", "csv", cwd=program_folder)
        assert done.stderr == ""


class TestBadSpreadsheets:
    """Each bad spreadsheet exits 1, names sheet, row and column, and writes no output."""

    @pytest.fixture
    def folder(self, tmp_path):
        assert run("template", "--format", "csv", "-o", str(tmp_path / "unit"), "--example")[0] == 0
        return tmp_path

    def check(self, folder, source, *places):
        target = folder / "results.csv"
        code, out, err = run("score", str(source), "--format", "csv", "-o", str(target))
        assert (code, out) == (EXIT_INVALID_INPUT, "")
        for place in places:
            assert place in err
        assert not target.exists()
        assert not [path for path in folder.iterdir() if path.name.startswith(".results")]

    def edit(self, path, change):
        lines = path.read_text(encoding="utf-8-sig").splitlines()
        path.write_text("\n".join(change(lines)) + "\n", encoding="utf-8")

    def test_missing_sheet(self, folder):
        """A required table that is not there is named."""
        (folder / "unit" / "ratings.csv").unlink()
        self.check(folder, folder / "unit", "ratings")

    def test_extra_column(self, folder):
        """A column the table does not have is named with its column letter."""

        def add_column(lines):
            return [lines[0] + ",remarks", *(line + "," for line in lines[1:])]

        self.edit(folder / "unit" / "realisations.csv", add_column)
        self.check(folder, folder / "unit", "realisations!G1", "remarks")

    def test_empty_row_in_the_middle(self, folder):
        """An empty row between rows is reported at its row."""
        self.edit(folder / "unit" / "targets.csv", lambda lines: [*lines[:3], ",,,", *lines[3:]])
        self.check(folder, folder / "unit", "targets!4")

    def test_not_a_spreadsheet(self, folder):
        """Bytes that are not a workbook are refused, named."""
        fake = folder / "photo.xlsx"
        fake.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
        self.check(folder, fake, "photo.xlsx")

    def test_nip_stored_as_a_number_and_date_typed_as_text(self, folder):
        """In a workbook, a numeric NIP and a date typed as text are refused at their cells."""
        openpyxl = pytest.importorskip("openpyxl")
        workbook_path = folder / "unit.xlsx"
        assert run("template", "-o", str(workbook_path), "--example")[0] == 0
        workbook = openpyxl.load_workbook(workbook_path)
        sheet = workbook["employees"]
        headers = [cell.value for cell in sheet[1]]
        sheet.cell(2, headers.index("nip") + 1).value = 198105102006041003
        sheet.cell(3, headers.index("period_start") + 1).value = "01/01/2024"
        workbook.save(workbook_path)
        self.check(folder, workbook_path, "employees!D2", "employees!I3")

    def test_merged_cell(self, folder):
        """A merged range is refused where it is."""
        openpyxl = pytest.importorskip("openpyxl")
        workbook_path = folder / "unit.xlsx"
        run("template", "-o", str(workbook_path), "--example")
        workbook = openpyxl.load_workbook(workbook_path)
        workbook["ratings"].merge_cells("J2:K3")
        workbook.save(workbook_path)
        self.check(folder, workbook_path, "ratings!J2:K3")
