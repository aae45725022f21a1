"""The employee report before the period closes: nothing that peers' ratings moved is shown."""

from __future__ import annotations

from datetime import timedelta

import attrs
import pytest

import penilaian as p
from penilaian import load_sample
from penilaian.reporting.employee import employee_report

POLICY = p.WeightingPolicy(
    {"supervisor": "1/2", "peer": "1/2", "public": 0},
    missing=p.Require(),
    min_raters={"peer": 3},
)


def peer_weighted():
    """The sample scored with peers weighing half: the result draws on their ratings."""
    appraisal = load_sample()
    result = attrs.evolve(p.GenericRegime.default(), aggregator=POLICY).score(appraisal)
    return appraisal, result


class TestBeforeTheClose:
    def test_grade_score_and_trace_wait_for_the_close(self):
        """Inside the period a peer-weighted result shows no grade, score, trace or plan."""
        appraisal, result = peer_weighted()
        inside = appraisal.period.end - timedelta(days=1)
        report = employee_report(appraisal, result, lang="en", as_of=inside)
        markdown = report.markdown()
        assert "are shown after the period closes" in markdown
        assert f"**Score:** {result.score}" not in markdown
        assert "Grade: **" not in markdown
        assert "## Trace" not in markdown
        assert "own = 13/3" not in report.html()

    def test_after_the_close_all_is_shown(self):
        """The day after the period's last day, the same report shows grade, score and trace."""
        appraisal, result = peer_weighted()
        after = appraisal.period.end + timedelta(days=1)
        markdown = employee_report(appraisal, result, lang="en", as_of=after).markdown()
        assert "are shown after the period closes" not in markdown
        assert f"**Score:** {result.score}" in markdown
        assert "role = peer, status = rated, raters = 3, minimum = 3, own = 13/3" in markdown

    def test_a_supervisor_only_result_is_shown_at_once(self):
        """Peers rated, but the regime reads the supervisor alone: nothing to hold."""
        appraisal = load_sample()
        result = p.Permen6Regime().score(appraisal)
        inside = appraisal.period.end - timedelta(days=1)
        markdown = employee_report(appraisal, result, lang="en", as_of=inside).markdown()
        assert "are shown after the period closes" not in markdown
        assert "Grade: **Good**" in markdown

    @pytest.mark.parametrize("trace", [True, False])
    def test_without_a_trace_it_holds_when_peers_rated(self, trace):
        """With no trace to tell what the result drew on, any peer rating holds it (safe side)."""
        appraisal, result = peer_weighted()
        if not trace:
            result = result.without_trace()
        inside = appraisal.period.end - timedelta(days=1)
        markdown = employee_report(appraisal, result, lang="en", as_of=inside).markdown()
        assert "are shown after the period closes" in markdown

    def test_the_report_is_a_function_of_its_inputs(self):
        """Given as_of, equal inputs write equal bytes, whatever today is."""
        appraisal, result = peer_weighted()
        day = appraisal.period.end
        first = employee_report(appraisal, result, as_of=day).html()
        assert first == employee_report(appraisal, result, as_of=day).html()
