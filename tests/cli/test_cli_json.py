"""The command line reads JSON through the one door: same numbers, same size limit."""

from __future__ import annotations

import io
import json
import sys
from decimal import Decimal
from typing import TYPE_CHECKING

import pytest

import penilaian as p
from penilaian.cli._main import EXIT_INVALID_INPUT, EXIT_OK, main
from penilaian.serialization import (
    MAX_DOCUMENT_BYTES,
    _reading,
    dumps,
    loads,
    structure,
    unstructure,
)

if TYPE_CHECKING:
    from pathlib import Path

NUMBER = "99.499999999999999999"  # 20 significant digits a binary float cannot hold
POLICY = {
    "weights": {"supervisor": "1/2", "peer": "1/4", "public": "1/4"},
    "missing": {"kind": "zero"},
}


def run(*argv: object) -> tuple[int, str, str]:
    """Run the command line in this process, returning its exit code, stdout and stderr."""
    out, err = io.StringIO(), io.StringIO()
    code = main([str(arg) for arg in argv], stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def long_number_document(appraisal_id: str | None = None) -> str:
    """A PP 30/2019 appraisal whose first realisation is 99.499999999999999999 of 100."""
    document = unstructure(p.load_sample("pp30_2019"))
    if appraisal_id is not None:
        document["id"] = appraisal_id
    indicator = document["targets"][0]["indicators"][0]
    indicator["target"]["value"] = "100"
    indicator["realisation"]["value"] = "@"
    return json.dumps(document).replace('"@"', NUMBER)


class TestSameResultAsTheLibrary:
    """penilaian score gives what serialization.loads and the regime give."""

    def test_score_json_equals_the_api(self, tmp_path: Path) -> None:
        """A 20-digit realisation scores 98.88 through both doors, never the float's 105.88."""
        text = long_number_document()
        path = tmp_path / "rina.json"
        path.write_text(text, encoding="utf-8")
        code, out, _ = run("score", path, "--regime", "pp30_2019", "--format", "json")
        strategy = p.default_registry().get("pp30_2019")
        by_api = strategy.score(loads(text, p.Appraisal))
        as_float = strategy.score(structure(json.loads(text), p.Appraisal))
        assert code == EXIT_OK
        assert json.loads(out) == unstructure(by_api)
        assert (json.loads(out)["score"], as_float.score) == ("98.88", Decimal("105.88"))

    def test_standard_input_and_arrays_read_the_same(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """An array of the document on standard input scores each item as the library does."""
        text = long_number_document()
        other = long_number_document("other")  # the ids in one file are unique
        stdin = io.TextIOWrapper(io.BytesIO(f"[{text}, {other}]".encode()))
        monkeypatch.setattr(sys, "stdin", stdin)
        code, out, _ = run("score", "-", "--regime", "pp30_2019", "--json")
        assert code == EXIT_OK
        assert [item["score"] for item in json.loads(out)] == ["98.88", "98.88"]

    def test_a_policy_file_keeps_a_long_number(self, tmp_path: Path) -> None:
        """--policy reads its numbers exactly too: the CLI scores as the library does with it."""
        appraisal = tmp_path / "rina.json"
        appraisal.write_text(dumps(p.load_sample("generic")), encoding="utf-8")
        policy = tmp_path / "policy.json"
        policy.write_text(
            '{"weights": {"supervisor": 0.499999999999999999999,'
            ' "peer": 0.250000000000000000001, "public": 0.25}, "missing": {"kind": "zero"}}',
            encoding="utf-8",
        )
        code, out, _ = run("score", appraisal, "--regime", "generic", "--policy", policy, "--json")
        weights = {"supervisor": "0.499999999999999999999", "peer": "0.250000000000000000001"}
        exact = p.WeightingPolicy({**weights, "public": "1/4"}, missing=p.Zero())
        strategy = p.default_registry().get("generic").with_aggregator(exact)
        assert code == EXIT_OK
        assert json.loads(out) == unstructure(strategy.score(p.load_sample("generic")))

    def test_array_problems_name_the_item(self, tmp_path: Path) -> None:
        """A problem in the second appraisal of an array is reported at $[1]."""
        document = unstructure(p.load_sample())
        broken = json.loads(json.dumps(document))
        broken["ratings"][0]["rater_id"] = "nobody"
        path = tmp_path / "two.json"
        path.write_text(json.dumps([document, broken, 3]), encoding="utf-8")
        code, _, err = run("validate", path)
        assert code == EXIT_INVALID_INPUT
        assert "@ $[1].ratings[0].rater_id" in err
        assert "@ $[2]" in err
        assert "@ $[0]" not in err


class TestSizeLimit:
    """Every file the command line reads is refused over MAX_DOCUMENT_BYTES, naming the limit."""

    @pytest.fixture(name="small_limit")
    def _small_limit(self, monkeypatch: pytest.MonkeyPatch) -> int:
        """Lower the one size limit, read by every reader when it runs, to 1000 bytes."""
        monkeypatch.setattr(_reading, "MAX_DOCUMENT_BYTES", 1000)
        return 1000

    def test_a_file_over_200_mib(self, tmp_path: Path) -> None:
        """A (sparse) file one byte over the limit is refused from its size, exit 1."""
        path = tmp_path / "big.json"
        with path.open("wb") as stream:
            stream.truncate(MAX_DOCUMENT_BYTES + 1)
        for command in ("score", "validate", "curve"):
            code, out, err = run(command, path)
            assert (code, out) == (EXIT_INVALID_INPUT, "")
            assert err.startswith(f"{path}: 1 masalah")
            assert f"lebih besar dari batas {MAX_DOCUMENT_BYTES} byte" in err
            assert "MAX_DOCUMENT_BYTES" in err

    def test_standard_input(self, small_limit: int, monkeypatch: pytest.MonkeyPatch) -> None:
        """Standard input is read one byte past the limit at most, then refused."""
        stdin = io.TextIOWrapper(io.BytesIO(b" " * (10 * small_limit)))
        monkeypatch.setattr(sys, "stdin", stdin)
        code, _, err = run("validate", "-")
        assert code == EXIT_INVALID_INPUT
        assert f"(isian: {small_limit + 1}) @ $" in err

    def test_policy_files(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """A --policy file over the limit is refused under its own name, for score and simulate."""
        appraisal = tmp_path / "rina.json"
        appraisal.write_text(json.dumps(unstructure(p.load_sample("generic"))), encoding="utf-8")
        policy = tmp_path / "policy.json"
        policy.write_text(json.dumps(POLICY) + " " * appraisal.stat().st_size, encoding="utf-8")
        monkeypatch.setattr(_reading, "MAX_DOCUMENT_BYTES", appraisal.stat().st_size)
        assert policy.stat().st_size > appraisal.stat().st_size  # only the policy is too large
        code, _, err = run("score", appraisal, "--regime", "generic", "--policy", policy)
        assert code == EXIT_INVALID_INPUT
        assert err.startswith(f"{policy}: 1 masalah")
        assert "lebih besar dari batas" in err
        code, _, err = run(
            "simulate", "--regime", "pp30_2019", "--employees", 3, "--policy", policy
        )
        assert code == EXIT_INVALID_INPUT
        assert "lebih besar dari batas" in err

    def test_unit_documents(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """curve refuses a unit document over the limit."""
        path = tmp_path / "unit.json"
        path.write_text(dumps(p.load_sample_unit()), encoding="utf-8")
        monkeypatch.setattr(_reading, "MAX_DOCUMENT_BYTES", 1000)
        code, _, err = run("curve", path)
        assert code == EXIT_INVALID_INPUT
        assert "lebih besar dari batas 1000 byte" in err
