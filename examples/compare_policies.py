"""
Compare two 360-degree weighting policies on the same appraisal, value by value.

The shipped sample has ratings of each BerAKHLAK value from the supervisor, three
peers, the employee herself and the public.  Under the generic regime, the policy
decides how those ratings become one value per value (and so the behaviour score
and the grade).  This script scores the sample under the supervisor's rating alone
and under an agency's 360-degree policy, and prints what changes and why.

Run: python examples/compare_policies.py
"""

from __future__ import annotations

import attrs

import penilaian as p
from penilaian.policy import SupervisorRating

SUPERVISOR_ONLY = SupervisorRating()
AGENCY_360 = p.WeightingPolicy(
    {"supervisor": "1/2", "peer": "1/4", "public": "1/4"},
    missing=p.Renormalise(),
    min_raters={"peer": 2},
)


def score_under(policy: p.typing.RatingAggregator, appraisal: p.Appraisal) -> p.Result:
    """Score *appraisal* with the generic regime, its behaviour values combined by *policy*."""
    regime = attrs.evolve(p.GenericRegime.default(), aggregator=policy)
    return regime.score(appraisal)


def main() -> int:
    appraisal = p.load_sample("generic")
    before = score_under(SUPERVISOR_ONLY, appraisal)
    after = score_under(AGENCY_360, appraisal)
    print(f"{'figure':32} {'supervisor only':>16} {'360 policy':>12}")
    for key in before.figures:
        old, new = before.figures[key], after.figures.get(key)
        mark = "  <- changed" if old != new else ""
        print(f"{key:32} {old!s:>16} {new!s:>12}{mark}")
    print(f"{'grade':32} {before.grade!s:>16} {after.grade!s:>12}")
    print()
    print("How the 360 policy formed the collaborative value:")
    trace = after.trace
    assert trace is not None  # noqa: S101 - scored with the trace on
    for step in trace.walk():
        if step.subject == "collaborative" and step.rule.id.startswith("weighting."):
            inputs = ", ".join(f"{name} {value}" for name, value in step.inputs)
            print(f"  {step.rule.text('en')} -> {step.output}\n      ({inputs})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
