"""A trace whenever one is asked for, complete or not: every regime, every result."""

from __future__ import annotations

import attrs
from hypothesis import given

import penilaian as p
from penilaian.exceptions import ScoringInputError
from penilaian.scoring import INCOMPLETE_RULE
from strategies import appraisals

REGIMES = [p.default_registry().get(regime_id) for regime_id in p.default_registry()]


class TestTraceAlways:
    """trace=True gives a trace on every result; trace=False gives none, and the same result."""

    @given(appraisals())
    def test_every_result_has_its_trace(self, appraisal):
        """Whatever the regime and whether it grades or not, the trace is there when asked."""
        for regime in REGIMES:
            try:
                result = regime.score(appraisal)
            except ScoringInputError:
                continue
            assert result.trace is not None, (regime.id, result.gaps)
            assert regime.score(appraisal, trace=False) == result.without_trace()

    def test_incomplete_generic_result_is_traced(self):
        """The generic regime with no ratings is incomplete, and its trace says what is missing."""
        appraisal = attrs.evolve(p.load_sample("generic"), ratings=())
        result = p.GenericRegime.default().score(appraisal)
        assert not result.is_complete
        assert result.trace is not None
        assert result.trace.rule == INCOMPLETE_RULE
        missing = dict(result.trace.inputs)["missing"]
        assert all(gap.path in missing for gap in result.gaps)
        assert p.render_trace(result.trace, "en").startswith("Incomplete: no grade")
