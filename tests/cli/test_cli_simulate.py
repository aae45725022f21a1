"""`penilaian simulate`: weighting policies compared on a seeded synthetic workforce."""

from __future__ import annotations

import csv
import io
import json
import shlex
import subprocess
import sys
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import attrs
import pytest

from penilaian import Period, Pp30Regime
from penilaian.cli._main import EXIT_INVALID_INPUT, EXIT_OK, EXIT_USAGE, main
from penilaian.serialization.policy import load_policy
from penilaian.simulation import WorkforceSpec, compare, generate
from penilaian.simulation.compare import Scenario, silent

EMPLOYEES = 120
SEED = "4"
POLICIES = {
    # peers weigh most: four appraisals change grade with seed 4
    "rekan": {"supervisor": "1/4", "peer": "1/2", "subordinate": "1/4", "public": "0"},
    # the self-assessment counts: two change
    "self": {"supervisor": "1/2", "self": "1/4", "peer": "1/4", "subordinate": "0", "public": "0"},
    # the supervisor alone, as the regime as shipped: nobody changes
    "same": {"supervisor": "1", "peer": "0", "subordinate": "0", "public": "0"},
    # all roles but the public required, subordinates three times: leaders only are graded
    "strict": {"supervisor": "1/2", "peer": "1/4", "subordinate": "1/4", "public": "0"},
    # two supervisors required: nobody is graded
    "never": {"supervisor": "1/2", "peer": "1/4", "subordinate": "1/4", "public": "0"},
    # the subordinates and the public are not weighted at all: refused
    "narrow": {"supervisor": "1/2", "peer": "1/2"},
}
EXTRA = {
    "self": {"count_self": True},
    "strict": {"missing": {"kind": "require"}, "min_raters": {"subordinate": 3}},
    "never": {"missing": {"kind": "require"}, "min_raters": {"supervisor": 2}},
}


@pytest.fixture(name="folder", scope="module")
def _folder(tmp_path_factory):
    """A folder with one policy file per entry of POLICIES, and a broken one."""
    folder = tmp_path_factory.mktemp("simulate")
    for name, weights in POLICIES.items():
        document = {"weights": weights, "missing": {"kind": "renormalise"}, **EXTRA.get(name, {})}
        (folder / f"{name}.json").write_text(json.dumps(document), encoding="utf-8")
    (folder / "broken.json").write_text('{"weights": {"supervisor": 0.5}}', encoding="utf-8")
    return folder


def run(*argv: object, stderr: io.StringIO | None = None) -> tuple[int, str, str]:
    out, err = io.StringIO(), stderr or io.StringIO()
    code = main([str(arg) for arg in argv], stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def simulate(folder, *argv: object, policies=("rekan", "self", "same")) -> tuple[int, str, str]:
    """Simulate the 120 employees of seed 4 under PP 30/2019 with *policies*."""
    files = [arg for name in policies for arg in ("--policy", folder / f"{name}.json")]
    common = ("--employees", EMPLOYEES, "--seed", SEED, "--regime", "pp30_2019")
    return run("simulate", *common, *files, *argv)


@pytest.fixture(name="document", scope="module")
def _document(folder):
    code, out, err = simulate(folder, "--format", "json", "--changes", "2")
    assert (code, err) == (EXIT_OK, "")
    return json.loads(out)


@pytest.fixture(name="comparison", scope="module")
def _comparison(folder):
    """What the library gives for the same seed, regime and policies."""
    spec = WorkforceSpec(employees=EMPLOYEES, regime="pp30_2019", period=Period.semester(2021, 2))
    regime = Pp30Regime()
    scenarios = [Scenario("baseline", regime)] + [
        Scenario(name, attrs.evolve(regime, aggregator=load_policy(folder / f"{name}.json")))
        for name in ("rekan", "self", "same")
    ]
    return compare.run(generate(spec, int(SEED)), scenarios, progress=silent)


class TestOutput:
    """Text, JSON and CSV say the same exact comparison as `compare.run`."""

    def test_totals_are_the_employee_count(self, document):
        """Every scenario counts every employee once, graded or not."""
        for scenario in document["scenarios"]:
            distribution = scenario["distribution"]
            assert distribution["total"] == EMPLOYEES
            graded = sum(distribution["counts"].values())
            assert graded + len(distribution["incomplete"]) == EMPLOYEES

    def test_distributions_are_those_of_the_library(self, document, comparison):
        """The baseline is the regime as shipped, first; each scenario's counts match run()."""
        assert [s["name"] for s in document["scenarios"]] == ["baseline", "rekan", "self", "same"]
        assert document["scenarios"][0]["policy"] is None
        for scenario, distribution in zip(
            document["scenarios"], comparison.distributions, strict=True
        ):
            counts = {grade.value: count for grade, count in distribution.counts.items()}
            assert scenario["distribution"]["counts"] == counts
            assert scenario["curve"]["compliant"] == comparison.compliant_units(scenario["name"])
        assert document["grades"] == list(document["scenarios"][0]["distribution"]["counts"])

    def test_json_values_are_exact(self, document, comparison):
        """Shares are fractions of the graded, figures the Decimal text of the results."""
        for scenario in document["scenarios"]:
            distribution = scenario["distribution"]
            shares = {g: Fraction(s) for g, s in distribution["shares"].items()}
            assert sum(shares.values()) == 1
            for grade, share in shares.items():
                assert share * distribution["graded"] == distribution["counts"][grade]
            changes = comparison.changes("baseline", scenario["name"])
            assert scenario["changes"]["count"] == len(changes)
            for shown, change in zip(scenario["changes"]["first"], changes, strict=False):
                assert shown["appraisal_id"] == change.appraisal_id
                assert shown["before"] == change.before.value
                assert shown["after"] == change.after.value
                assert shown["step"] == change.step
                figures = [(d.key, d.before, d.after) for d in change.figures]
                assert [
                    (f["key"], Decimal(f["before"]), Decimal(f["after"])) for f in shown["figures"]
                ] == figures
        assert [len(s["changes"]["first"]) for s in document["scenarios"]] == [0, 2, 2, 0]

    def test_json_keys_are_stable(self, document):
        """The document and each scenario have the same keys every time, in order."""
        assert list(document) == [
            "regime", "period", "employees", "seed", "baseline", "grades", "scenarios"
        ]  # fmt: skip
        period = {"start": "2021-07-01", "end": "2021-12-31", "kind": "semester"}
        assert document["period"] == period
        for scenario in document["scenarios"]:
            assert list(scenario) == ["name", "policy", "distribution", "curve", "changes"]
            assert list(scenario["curve"]) == ["units", "compliant", "not_compliant", "not_checked"]

    @pytest.mark.parametrize(
        ("lang", "words"),
        [("id", ["Simulasi: 120 pegawai sintetis (seed 4)", "rekan: 4 penilaian berubah",
                 "self: 2 penilaian berubah", "\u2026 dan 2 lainnya", "same: tidak ada perubahan",
                 "baseline (rezim bawaan)", "kurva: "]),
         ("en", ["Simulation: 120 synthetic employees (seed 4)", "rekan: 4 appraisals change",
                 "self: 2 appraisals change", "\u2026 and 2 more", "same: no change",
                 "baseline (the regime as shipped)", "curve: "])],
    )  # fmt: skip
    def test_text_in_both_languages(self, folder, comparison, lang, words):
        """The text lists distributions, curve compliance and the first changes."""
        code, out, _ = simulate(folder, "--changes", "2", "--lang", lang)
        assert code == EXIT_OK
        for word in words:
            assert word in out
        for distribution in comparison.distributions:
            assert distribution.describe(lang) in out
        first = comparison.changes("baseline", "self")[0]
        assert first.describe(lang) in out
        assert "\u2026" not in out.split("self: 2")[1].split("same: ")[0]

    def test_csv(self, folder, document):
        """CSV has one row per scenario, the same counts as JSON."""
        code, out, _ = simulate(folder, "--format", "csv")
        assert code == EXIT_OK
        rows = list(csv.DictReader(io.StringIO(out)))
        assert [row["scenario"] for row in rows] == ["baseline", "rekan", "self", "same"]
        assert rows[1]["policy"].endswith("rekan.json")
        for row, scenario in zip(rows, document["scenarios"], strict=True):
            for grade, count in scenario["distribution"]["counts"].items():
                assert int(row[grade]) == count
            assert int(row["changes"]) == scenario["changes"]["count"]
            assert int(row["compliant_units"]) == scenario["curve"]["compliant"]
            assert int(row["total"]) == EMPLOYEES

    def test_deterministic(self, folder):
        """The same seed gives the same output, byte for byte; another seed, another."""
        first = simulate(folder, "--format", "json")
        assert simulate(folder, "--format", "json") == first
        other = run("simulate", "--employees", EMPLOYEES, "--seed", "5", "--format", "json")
        assert json.loads(other[1])["scenarios"][0] != json.loads(first[1])["scenarios"][0]

    def test_named_scenarios_and_output_file(self, folder, tmp_path):
        """--name names each policy's scenario; --output holds exactly what stdout would."""
        target = tmp_path / "simulation.json"
        code, out, _ = simulate(
            folder, "--name", "A", "--name", "B", "--format", "json", "-o", target,
            policies=("rekan", "self"),
        )  # fmt: skip
        assert (code, out) == (EXIT_OK, "")
        names = [s["name"] for s in json.loads(target.read_text("utf-8"))["scenarios"]]
        assert names == ["baseline", "A", "B"]

    def test_baseline_alone(self):
        """Without a policy, the shipped regime (PermenPANRB 6/2022 by default) is simulated."""
        code, out, _ = run("simulate", "--employees", "30", "--lang", "en")
        assert code == EXIT_OK
        assert "regime permen6_2022, period Year 2024" in out
        assert "Grade changes" not in out
        assert out.count("curve: ") == 1

    def test_incomplete_results(self, folder):
        """A policy that leaves appraisals without a grade counts them apart, curve unchecked."""
        code, out, _ = run(
            "simulate", "--employees", "30", "--seed", "1", "--regime", "pp30_2019",
            "--policy", folder / "strict.json", "--policy", folder / "never.json",
            "--lang", "en", "--changes", "1",
        )  # fmt: skip
        assert code == EXIT_OK
        assert ", incomplete 28\n  curve: 0 of 5 units compliant, 5 not checked" in out
        assert "never: incomplete 30\n" in out
        assert "Good \u2192 incomplete" in out
        _, out, _ = run(
            "simulate", "--employees", "30", "--seed", "1", "--regime", "pp30_2019",
            "--policy", folder / "never.json", "--format", "json", "--changes", "1",
        )  # fmt: skip
        never = json.loads(out)["scenarios"][1]
        assert never["distribution"]["graded"] == 0
        assert set(never["distribution"]["shares"].values()) == {None}
        assert len(never["distribution"]["incomplete"]) == 30
        assert never["curve"]["not_checked"] == 5
        change = never["changes"]["first"][0]
        assert change["after"] is None
        assert change["step"] is None
        assert {figure["after"] for figure in change["figures"]} == {None}

    def test_progress_on_a_terminal_only(self, folder):
        """On a terminal stderr shows a running count, ended by a new line; else nothing."""

        class Terminal(io.StringIO):
            def isatty(self):
                return True

        code, _, err = run("simulate", "--employees", "30", stderr=Terminal())
        assert code == EXIT_OK
        assert err.startswith("\rscored 1/30")
        assert err.endswith("\rscored 30/30\n")
        assert run("simulate", "--employees", "30")[2] == ""


class TestBadInput:
    """Each mistake exits 1 (invalid input) or 2 (usage), naming the option or file."""

    @pytest.mark.parametrize(
        ("argv", "code", "message"),
        [(["--employees", "0"], EXIT_INVALID_INPUT,
          "--employees: must be a whole number of at least 1 (got 0)"),
         (["--employees", "1.5"], EXIT_USAGE, "argument --employees: invalid int value"),
         (["--seed", "x"], EXIT_USAGE, "argument --seed: invalid int value: 'x'"),
         (["--regime", "pp46_2011"], EXIT_USAGE,
          "--regime: must be one of permen6_2022, pp30_2019 (got 'pp46_2011')"),
         (["--changes", "-1"], EXIT_USAGE, "argument --changes: must be 0 or more (got -1)"),
         (["--format", "xlsx"], EXIT_USAGE, "argument --format: invalid choice: 'xlsx'"),
         (["--name", "A"], EXIT_USAGE,
          "penilaian simulate: --name is given once but --policy 0 times")],
    )  # fmt: skip
    def test_options(self, capsys, argv, code, message):
        """Values the library or argparse (on sys.stderr) refuses are named by their option."""
        found, out, err = run("simulate", "--employees", "10", *argv, "--lang", "en")
        assert (found, out) == (code, "")
        assert message in err + capsys.readouterr().err

    @pytest.mark.parametrize(
        ("policies", "argv", "code", "message"),
        [(["rekan"], ["--regime", "permen6_2022"], EXIT_USAGE,
          ("the regime permen6_2022 combines no ratings, so it takes no --policy "
           "(simulate a policy with --regime pp30_2019)")),
         (["rekan"], ["--name", "A", "--name", "B"], EXIT_USAGE,
          "--name is given 2 times but --policy once: give one --name per --policy, or none"),
         (["rekan"], ["--name", "baseline"], EXIT_USAGE,
          "two scenarios are named 'baseline': give each --policy its own --name"),
         (["rekan", "rekan"], [], EXIT_USAGE, "two scenarios are named 'rekan'"),
         (["rekan"], ["--name", " "], EXIT_USAGE, "--name ' ': must be a non-empty string"),
         (["broken"], [], EXIT_INVALID_INPUT, "broken.json: 2 problem(s)"),
         (["missing"], [], EXIT_INVALID_INPUT, "missing.json: 1 problem(s)"),
         (["rekan", "narrow"], [], EXIT_INVALID_INPUT,
          ("narrow.json: does not fit the pp30_2019 workforce (appraisal skp-20210701-000001): "
           "4 problem(s):\n  bawahan-1 rates service_orientation as subordinate, a role the policy "
           "does not weight"))],
    )  # fmt: skip
    def test_policies(self, folder, tmp_path, policies, argv, *, code, message):
        """Policy files that do not fit are named, and no output file appears."""
        target = tmp_path / "out.json"
        found, out, err = simulate(
            folder, "--employees", "10", *argv, "-o", target, "--lang", "en", policies=policies
        )
        assert (found, out) == (code, "")
        assert message in err
        assert err.startswith("penilaian simulate: " if code == EXIT_USAGE else str(folder))
        assert list(tmp_path.iterdir()) == []

    def test_said_in_indonesian_by_default(self, folder, tmp_path):
        """Without --lang, the option's and the policy's problems are in Indonesian."""
        found, _, err = run("simulate", "--employees", "0")
        assert (found, err) == (
            EXIT_INVALID_INPUT,
            "--employees: harus berupa bilangan bulat paling sedikit 1 (isian: 0)\n",
        )
        target = tmp_path / "out.json"
        found, _, err = simulate(
            folder, "--employees", "10", "-o", target, policies=["rekan", "narrow"]
        )
        assert found == EXIT_INVALID_INPUT
        assert "narrow.json: tidak cocok dengan tenaga kerja pp30_2019 (penilaian " in err
        assert "4 masalah:" in err


def test_as_a_program(folder, document):
    """python -m penilaian simulate prints the same JSON, and nothing on a piped stderr."""
    done = subprocess.run(
        [sys.executable, "-m", "penilaian", "simulate", "--employees", str(EMPLOYEES),
         "--seed", SEED, "--regime", "pp30_2019", "--format", "json", "--changes", "2",
         *[arg for name in ("rekan", "self", "same") for arg in ("--policy", f"{name}.json")]],
        capture_output=True, text=True, check=False, timeout=120, cwd=folder,
    )  # fmt: skip
    assert (done.returncode, done.stderr) == (EXIT_OK, "")
    program = json.loads(done.stdout)
    for ours, theirs in zip(program["scenarios"], document["scenarios"], strict=True):
        policy = theirs["policy"] and Path(theirs["policy"]).name  # given by name, not path
        assert ours == {**theirs, "policy": policy}


def test_the_how_to_example(tmp_path, monkeypatch):
    """The console example of docs/how-to/command-line.md prints what the page shows."""
    page = Path(__file__).parents[2] / "docs/how-to/command-line.md"
    section = page.read_text("utf-8").split("## Simulate a policy change")[1]
    block = section.split("```console\n")[1].split("```")[0]
    monkeypatch.chdir(tmp_path)
    steps = [step.split("\n", 1) for step in block.split("$ ")[1:]]
    assert [command.split()[:2] for command, _ in steps] == [
        ["cat", "rekan-kerja.json"], ["cat", "dengan-diri.json"],
        ["penilaian", "simulate"], ["penilaian", "simulate"],
    ]  # fmt: skip
    for command, shown in steps[:2]:
        (tmp_path / command.split()[1]).write_text(shown, encoding="utf-8")
    assert json.loads(shown)["weights"] == POLICIES["self"]
    for command, shown in steps[2:]:
        code, out, err = run(*shlex.split(command)[1:])
        assert (code, err) == (EXIT_OK, "")
        assert out == shown
