"""
`score_generic(..., figures=False)`: the same scores, bands and grades, without the figures.

Without figures the result holds 11 bytes a row (score, band, grade, completeness)
instead of 11 + 8 per component, and ``component`` is `None` (not computed, not missing).
"""

from __future__ import annotations

import importlib.util
import tracemalloc

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_batch_generic import assert_equal_to_scalar, batch_of, regimes, workforce
from test_compiled import columns, running
from test_compiled import regimes as every_regime

from penilaian.batch import MISSING
from penilaian.batch.generic import GenericBatch, score_generic
from penilaian.exceptions import InvalidValueError, in_language

PATHS = ["numpy", *(["numba"] if importlib.util.find_spec("numba") else [])]


def assert_same_scores(kept, dropped) -> None:
    """Scores, bands, grades and completeness equal; no figures at all."""
    for name in ("complete", "score", "band", "grade"):
        assert getattr(kept, name).tolist() == getattr(dropped, name).tolist(), name
    assert kept.component is not None
    assert dropped.component is None
    assert dropped.exact_rows <= kept.exact_rows  # only the score decides, not the figures


class TestWithoutFigures:
    @settings(max_examples=30, deadline=None)
    @given(data=st.data(), path=st.sampled_from(PATHS))
    def test_the_same_scores_on_random_columns(self, data, path):
        """Every option the engine computes, on both paths, any chunk."""
        given_columns = data.draw(columns())
        regime = data.draw(every_regime(len(given_columns["subjects"])))
        batch = GenericBatch(**given_columns)
        chunk = data.draw(st.integers(1, 13))
        with running(path):
            kept = score_generic(batch, regime, chunk=chunk)
            dropped = score_generic(batch, regime, chunk=chunk, figures=False)
        assert_same_scores(kept, dropped)

    @settings(max_examples=10, deadline=None)
    @given(seed=st.integers(0, 5), regime=regimes())
    def test_the_scalar_scores_on_a_workforce(self, seed, regime):
        """Each row's score, band and grade equal the scalar regime's."""
        dropped = score_generic(batch_of(seed), regime, chunk=17, figures=False)
        kept = score_generic(batch_of(seed), regime, chunk=17)
        assert_same_scores(kept, dropped)
        assert_equal_to_scalar(regime, workforce(seed), kept)

    def test_no_figures_is_none_not_missing(self):
        """Figures not computed are not figures missing: `None`, never cells of `MISSING`."""
        assert score_generic(batch_of(0), figures=False).component is None
        assert (score_generic(batch_of(0)).component != MISSING).any()

    def test_the_result_is_smaller_by_the_figures(self):
        """Peak memory of a run: at least 8 bytes a row and component less without figures."""
        batch = GenericBatch(**_tiled(batch_of(1), 200))
        score_generic(batch, chunk=1_000)  # any first-call cost outside the traced runs

        def peak(figures: bool) -> int:
            tracemalloc.start()
            tracemalloc.reset_peak()
            score_generic(batch, chunk=1_000, figures=figures)
            found = tracemalloc.get_traced_memory()[1]
            tracemalloc.stop()
            return found

        assert peak(True) - peak(False) >= 8 * 2 * len(batch) * 0.9

    @pytest.mark.parametrize("figures", [None, 1, "no"])
    def test_figures_must_be_a_bool(self, figures):
        with pytest.raises(InvalidValueError) as caught:
            score_generic(batch_of(0), figures=figures)
        assert caught.value.field == "figures"
        assert in_language(caught.value, "id").startswith("figures: harus True atau False")


def _tiled(batch: GenericBatch, times: int) -> dict[str, object]:
    """*batch*'s columns repeated *times* over, row after row."""
    names = (
        "indicator", "kind", "target_low", "target_high", "realisation", "realised",
        "lower_is_better", "applies", "role", "score", "rated",
    )  # fmt: skip
    tiled: dict[str, object] = {
        name: np.concatenate([getattr(batch, name)] * times) for name in names
    }
    return {
        **tiled, "places": batch.places, "subjects": batch.subjects,
        "scale_min": batch.scale_min, "scale_max": batch.scale_max,
    }  # fmt: skip
