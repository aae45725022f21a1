"""scripts/batch_equals_scalar.py: the batch engines equal the scalar regimes, row by row."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import attrs
import numpy as np
import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "batch_equals_scalar.py"
ENGINES = ("pp46", "pp30", "permen6", "generic")


@pytest.fixture(name="script", scope="module")
def _script():
    """The script, imported from scripts/batch_equals_scalar.py."""
    spec = importlib.util.spec_from_file_location("penilaian_batch_equals_scalar", SCRIPT)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("engine", ENGINES)
def test_every_row_equals_the_scalar_regime(script, engine, capsys):
    """A few hundred rows across two chunks (two regimes) of each engine: no difference."""
    rows = 600
    start = script.CHUNK - 300  # the end of one chunk and the start of the next
    assert script.main(["--engine", engine, "--rows", str(rows), "--start", str(start)]) == 0
    out = capsys.readouterr().out
    assert f"{rows} rows compared, 0 differ" in out


def test_rows_sit_on_the_decisions(script):
    """The draws reach the edges: PP 30 capaian at the table's cuts, PP 46 above 24 %."""
    engine = script.ENGINES["pp30"]
    regime = engine.regime(script._rng("edges"))
    rows = [engine.row(script._rng(f"edges:{i}"), i, regime) for i in range(200)]
    batch = script.Pp30Batch.from_appraisals(rows)
    capaian = script.score_pp30(batch, script.p.Pp30Regime(rounding=regime.rounding)).achievement
    found = set(capaian[capaian != script.MISSING].tolist())
    assert {59, 60, 79, 80, 99, 100, 101, 110} <= found
    engine = script.ENGINES["pp46"]
    regime = engine.regime(script._rng("edges"))
    rows = [engine.row(script._rng(f"edges:{i}"), i, regime) for i in range(200)]
    scores = script.score_pp46(script.Pp46Batch.from_appraisals(rows), regime)
    assert scores.above_limit.any()
    assert not scores.complete.all()  # gaps are drawn too


def test_a_row_depends_on_the_seed_and_its_index_only(script):
    """Row i is the same whichever run draws it, so a difference can be replayed alone."""
    engine = script.ENGINES["generic"]
    case = engine.regime(script._rng("0:generic:chunk:0"))
    first = engine.row(script._rng("0:generic:7"), 7, case)
    assert engine.row(script._rng("0:generic:7"), 7, case) == first
    assert engine.row(script._rng("1:generic:7"), 7, case) != first
    alone = script.check("permen6", 1, seed=5, start=731)
    assert (alone.rows, alone.differing) == (1, 0)


@pytest.mark.parametrize("engine", ["pp46", "permen6"])
def test_a_wrong_batch_value_is_reported(script, engine, monkeypatch, capsys):
    """A batch engine that moves one grade is caught, with the row and how to replay it."""
    name = f"score_{engine}"
    scorer = getattr(script, name)

    def wrong(batch, regime=None):
        scores = scorer(batch, regime)
        grade = scores.grade.copy()
        grade[::3] = np.where(grade[::3] == 0, 1, 0)  # every third row another grade
        return attrs.evolve(scores, grade=grade.astype(np.int8))

    monkeypatch.setattr(script, name, wrong)
    assert script.main(["--engine", engine, "--rows", "60", "--seed", "2"]) == 1
    out = capsys.readouterr().out
    assert "60 rows compared, 20 differ" in out
    assert "row 0 (" in out
    assert f"[replay: --engine {engine} --seed 2 --start 0 --rows 1]" in out
