"""Every script in examples/ and benchmarks/ runs (a smoke test; nothing is timed)."""

from __future__ import annotations

import importlib.util
import io
import json
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from penilaian import load_sample
from penilaian.serialization import dumps

pytestmark = pytest.mark.slow

if TYPE_CHECKING:
    from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.py"))
BENCHMARKS = sorted((ROOT / "benchmarks").glob("bench_*.py"))
SMALL = {
    "bench_national.py": ("--policies", "3", "--employees", "60", "--scalar", "20"),
    "bench_import.py": ("--n", "2"),
}
"""The other sizes of benchmarks that take more than ``--n``, made tiny."""


def run(*argv: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *map(str, argv)],
        capture_output=True, text=True, check=False, timeout=300, cwd=ROOT,
    )  # fmt: skip


class TestExamples:
    """Each example exits 0 and prints something."""

    @pytest.mark.parametrize("script", EXAMPLES, ids=lambda path: path.name)
    def test_runs(self, script):
        """The example exits 0 with output."""
        result = run(script)
        assert result.returncode == 0, result.stderr
        assert result.stdout.strip()

    def test_missing_realisations_names_the_gap(self):
        """The unreported indicator and the silent second-level supervisor are listed."""
        result = run(ROOT / "examples" / "missing_realisations.py")
        assert "rhk-3/iki-3.2" in result.stdout
        assert "Second-level supervisor Dewi Lestari: no ratings yet" in result.stdout


def load_example(name: str) -> ModuleType:
    """Import examples/<name>.py as a module."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "examples" / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class TestWebBackend:
    """The WSGI example, called directly as a server would call it."""

    app = staticmethod(load_example("web_backend").app)
    sample = dumps(load_sample()).encode()

    def call(self, method, path, body=b"", query=""):
        seen = {}
        environ = {
            "REQUEST_METHOD": method,
            "PATH_INFO": path,
            "QUERY_STRING": query,
            "CONTENT_LENGTH": str(len(body)),
            "wsgi.input": io.BytesIO(body),
        }
        chunks = self.app(environ, lambda status, _headers: seen.update(status=status))
        return seen["status"], json.loads(b"".join(chunks))

    def test_scores_the_sample(self):
        """POST /score answers 200 with the result of the regime asked for."""
        status, result = self.call("POST", "/score", self.sample, "regime=permen6_2022")
        assert (status, result["regime"], result["grade"]) == ("200 OK", "permen6_2022", "good")

    def test_lists_the_regimes(self):
        """GET /regimes lists the built-in regimes."""
        status, answer = self.call("GET", "/regimes")
        assert status == "200 OK"
        assert answer["regimes"] == ["generic", "permen6_2022", "pp30_2019", "pp46_2011"]

    def test_refusals(self):
        """Unknown routes and regimes are 404; a bad document or wrong regime 422 with paths."""
        assert self.call("POST", "/score", self.sample, "regime=nope")[0] == "404 Not Found"
        assert self.call("GET", "/nowhere")[0] == "404 Not Found"
        status, answer = self.call("POST", "/score", b"{}")
        assert status == "422 Unprocessable Entity"
        assert any(problem["path"] == "$.employee" for problem in answer["problems"])
        status, answer = self.call("POST", "/score", self.sample, "regime=pp46_2011")
        assert status == "422 Unprocessable Entity"
        assert answer["problems"]


class TestBenchmarks:
    """Each benchmark still runs on a tiny input (its figures are not checked)."""

    @pytest.mark.parametrize("script", BENCHMARKS, ids=lambda path: path.name)
    def test_runs_small(self, script):
        """The benchmark exits 0 on a tiny input and prints its ratio to the floor."""
        result = run(script, "--n", "50", "--repeat", "1", *SMALL.get(script.name, ()))
        assert result.returncode == 0, result.stderr
        assert "floor" in result.stdout
