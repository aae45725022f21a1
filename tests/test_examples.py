"""Every script in examples/ and benchmarks/ runs (a smoke test; nothing is timed)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.py"))
BENCHMARKS = sorted((ROOT / "benchmarks").glob("bench_*.py"))


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


class TestBenchmarks:
    """Each benchmark still runs on a tiny input (its figures are not checked)."""

    @pytest.mark.parametrize("script", BENCHMARKS, ids=lambda path: path.name)
    def test_runs_small(self, script):
        """The benchmark exits 0 on a tiny input and prints its ratio to the floor."""
        result = run(script, "--n", "50", "--repeat", "1")
        assert result.returncode == 0, result.stderr
        assert "floor" in result.stdout
