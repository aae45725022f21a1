"""Fuzzing the JSON door: only typed errors come out of structuring and scoring, quickly."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "fuzz.py"


@pytest.fixture(name="fuzz", scope="module")
def _fuzz():
    """The fuzzing script, imported from scripts/fuzz.py."""
    spec = importlib.util.spec_from_file_location("penilaian_fuzz", SCRIPT)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


class TestFuzz:
    """Mutated samples structure or are refused, and score or are refused, all typed."""

    def test_only_typed_errors_and_each_document_under_a_second(self, fuzz):
        """1000 mutated samples: only PenilaianErrors, short messages, under a second each."""
        outcome = fuzz.fuzz(1000, seed=20240601, watchdog=10)
        assert outcome.documents == 1000
        assert outcome.untyped == []
        assert outcome.slow == []
        assert outcome.loaded >= 100  # enough documents load to exercise every regime

    def test_a_document_depends_on_the_seed_and_its_index_only(self, fuzz):
        """Document i is the same whichever run makes it, so a finding can be replayed alone."""
        samples = fuzz._samples()
        first = fuzz._document(samples, 7, 12)
        assert fuzz._document(samples, 7, 12)[1] == first[1]
        assert fuzz._document(samples, 8, 12)[1] != first[1]

    def test_a_finding_is_reported(self, fuzz, monkeypatch):
        """An untyped error is counted and described with the document that gave it."""

        def attempt(_document, _registry):
            return False, ["structure: ValueError: boom"]

        monkeypatch.setattr(fuzz, "_attempt", attempt)
        outcome = fuzz.fuzz(2, seed=1)
        assert outcome.documents == 2
        assert len(outcome.untyped) == 2
        assert outcome.untyped[0].startswith("#0 [")
        assert outcome.untyped[0].endswith("] structure: ValueError: boom")
