"""The regimes read behaviour through any RatingAggregator, a WeightingPolicy included."""

from __future__ import annotations

from decimal import Decimal

import attrs
import pytest

import penilaian as p
from penilaian import load_sample
from penilaian.policy import PP30_2019_WITH_PEER_INPUT, PP30_2019_WITHOUT_PEER_INPUT
from penilaian.typing import PolicyTakingStrategy

POLICY = p.WeightingPolicy(
    {"supervisor": "1/2", "peer": "1/2"}, missing=p.Require(), min_raters={"peer": 2}
)


def pp46_with_peers(peer_scores):
    """The PP 46/2011 sample with two peers rating every aspect."""
    sample = load_sample("pp46_2011")
    peers = [p.Rater(f"peer-{i}", "peer", f"emp-peer-{i}") for i in range(2)]
    aspects = sample.framework.aspects_for(sample.position.kind)
    ratings = [
        p.Rating(rater.id, aspect.id, "nilai", score=score)
        for rater, score in zip(peers, peer_scores, strict=True)
        for aspect in aspects
    ]
    return attrs.evolve(
        sample, raters=(*sample.raters, *peers), ratings=(*sample.ratings, *ratings)
    )


class TestRegimesWithPolicies:
    """A regime's aggregator can be a 360-degree weighting policy."""

    def test_pp46_weighs_supervisor_and_peers(self):
        """Each behaviour aspect becomes 1/2 supervisor + 1/2 mean of the two peers."""
        appraisal = pp46_with_peers([70, 90])
        plain = p.Pp46Regime().score(appraisal)
        weighted = p.Pp46Regime(aggregator=POLICY).score(appraisal)
        supervisor = plain.figures["behaviour[service_orientation]"]
        expected = (supervisor + Decimal(80)) / 2
        assert expected == weighted.figures["behaviour[service_orientation]"]
        assert weighted.figures["skp"] == plain.figures["skp"]
        assert weighted.trace.find("weighting.roles")

    def test_require_leaves_the_result_incomplete(self):
        """Under Require, too few peers means no score at all, never a zero."""
        appraisal = pp46_with_peers([70, 90])
        appraisal = attrs.evolve(
            appraisal, ratings=[r for r in appraisal.ratings if r.rater_id != "peer-1"]
        )
        result = p.Pp46Regime(aggregator=POLICY).score(appraisal)
        assert (result.grade, result.score) == (None, None)
        assert "peer" in result.gaps[0].reason

    def test_generic_regime_with_a_policy(self):
        """With peers and the public weighted 0 on purpose, the policy equals the default."""
        policy = p.WeightingPolicy({"supervisor": 1, "peer": 0, "public": 0}, missing=p.Require())
        regime = attrs.evolve(p.GenericRegime.default(), aggregator=policy)
        weighted = regime.score(load_sample())
        plain = p.GenericRegime.default().score(load_sample())
        assert weighted.without_trace() == plain.without_trace()
        assert weighted.trace.find("weighting.roles")  # the trace shows the policy at work

    @pytest.mark.parametrize(
        ("weights", "expected"),
        [
            ({"supervisor": 1}, PP30_2019_WITHOUT_PEER_INPUT),
            ({"supervisor": "1/2", "peer": "1/2"}, PP30_2019_WITH_PEER_INPUT),
        ],
    )
    def test_pp30_components_follow_the_policy(self, weights, expected):
        """A policy that weighs peers calls for PP 30/2019's 60/40; one that does not, 70/30."""
        policy = p.WeightingPolicy(weights, missing=p.Renormalise())
        assert expected == policy.pp30_2019_components


class TestPolicyTakingStrategy:
    """Regimes that combine ratings satisfy `PolicyTakingStrategy`; the others do not."""

    @pytest.mark.parametrize("regime", [p.Pp46Regime(), p.Pp30Regime(), p.GenericRegime.default()])
    def test_takes_a_policy(self, regime):
        """with_aggregator returns the same regime with the policy as its aggregator."""
        policy = p.WeightingPolicy({"supervisor": "1/2", "peer": "1/2"}, missing=p.Renormalise())
        assert isinstance(regime, PolicyTakingStrategy)
        changed = regime.with_aggregator(policy)
        assert changed.aggregator is policy
        assert attrs.evolve(changed, aggregator=regime.aggregator) == regime

    def test_permen6_takes_none(self):
        """PermenPANRB 6/2022 reads given ratings, so it is no policy-taking strategy."""
        assert not isinstance(p.Permen6Regime(), PolicyTakingStrategy)
