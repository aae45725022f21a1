"""The command line, end to end: in process for speed, and once as a subprocess."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import jsonschema
import pytest

from penilaian import SAMPLES, default_registry, load_sample
from penilaian._cli import EXIT_INVALID_INPUT, EXIT_OK, EXIT_USAGE, main, render
from penilaian.exceptions import UnknownStrategyError
from penilaian.serialization import dumps, unstructure


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
        assert out.startswith("pp30_2019: Baik, nilai 102.84")
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

    def test_unknown_regime(self, tmp_path):
        """An unknown regime id exits 1 and lists the registered ones."""
        code, _, err = run("score", str(self.write(tmp_path)), "--regime", "pp99")
        assert code == EXIT_INVALID_INPUT
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
        assert "valid appraisal skp-2024-rina" in err

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
        code, _, err = run("validate", str(path))
        assert code == EXIT_INVALID_INPUT
        assert "not JSON" in err
        assert "@ $" in err

    def test_cross_field_problems_after_structure(self, tmp_path):
        """Cross-field problems are reported with their paths from the document root."""
        document = unstructure(load_sample())
        document["ratings"][0]["rater_id"] = "nobody"
        path = tmp_path / "bad.json"
        path.write_text(json.dumps(document), encoding="utf-8")
        code, _, err = run("validate", str(path))
        assert code == EXIT_INVALID_INPUT
        assert "no rater has this id (got 'nobody') @ $.ratings[0].rater_id" in err


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

        from penilaian._cli import console  # noqa: PLC0415

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
