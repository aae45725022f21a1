"""
The trace of a `penilaian.WeightingPolicy`: one step per rater role under the weighted step.

Each role's step lists its status, raters, minimum, ratings and combined value; the
weighted step lists the weights (also after renormalisation), the aggregation, the
missing-rater policy and the self-other gap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from penilaian._base.trace import Rule, Step, show
from penilaian.model.raters import RaterRole
from penilaian.policy._roles import listed
from penilaian.policy.aggregation import LACKING, RoleStatus

if TYPE_CHECKING:
    from collections.abc import Mapping
    from fractions import Fraction

    from penilaian.policy.aggregation import PublicIndex, WeightedAggregate

__all__ = ["weighting_step"]

_SELF: Final = RaterRole.SELF.value

_ROLE_RULE: Final = Rule(
    id="weighting.role",
    clause="agency policy (convention); PermenPANRB 8/2021 p.75: peers and subordinates",
    text_id="Nilai satu peran penilai: gabungan penilaian para penilainya",
    text_en="One rater role's value: its raters' ratings combined",
)
_WEIGHTED_RULE: Final = Rule(
    id="weighting.roles",
    clause="agency policy (convention); no national role weights exist",
    text_id="Nilai tertimbang: jumlah bobot peran x nilai peran",
    text_en="Weighted value: the sum of role weight x role value",
)


def weighting_step(
    result: WeightedAggregate,
    grouped: dict[str, list[Fraction]],
    public: PublicIndex | None,
    *,
    texts: tuple[str, str, str],
    min_raters: Mapping[RaterRole, int],
    count_self: bool,
) -> Step:
    """
    Return the step that explains *result*, built from the ratings *grouped* by role.

    *texts* are the policy's weights, aggregation and missing-rater policy as the trace
    writes them (the policy computes them once); *min_raters* and *count_self* are the
    policy's own.
    """
    weights, aggregation, missing = texts
    children = []
    for part in result.roles:
        ratings = _ratings(grouped.get(part.role.value, []))
        if part.status is RoleStatus.PUBLIC_INDEX and public is not None:
            ratings = f"index from {public.source or 'survey'}"
        inputs = [
            ("role", part.role.value),
            ("status", part.status.value),
            ("raters", str(part.raters)),
            ("minimum", str(max(min_raters.get(part.role, 1), 1))),
            ("ratings", ratings),
            ("own", show(part.own)),
        ]
        if part.used is not None and part.status in LACKING:
            inputs.append(("missing_policy", missing))
        children.append(Step(_ROLE_RULE, show(part.used), tuple(inputs), result.subject))
    if not count_self and _SELF in grouped:
        children.append(
            Step.of(
                _ROLE_RULE,
                result.self_value,
                subject=result.subject,
                role=RaterRole.SELF,
                counted=False,
                ratings=_ratings(grouped[_SELF]),
            )
        )
    used = {part.role.value: part.effective_weight for part in result.roles}
    return Step.of(
        _WEIGHTED_RULE,
        result.value,
        subject=result.subject,
        children=tuple(children),
        weights=weights,
        aggregation=aggregation,
        missing_policy=missing,
        effective_weights=listed(used) if result.value is not None else None,
        count_self=count_self,
        self=result.self_value,
        others=result.others_value,
        self_other_gap=result.self_other_gap,
    )


def _ratings(values: list[Fraction]) -> str:
    return ", ".join(show(value) for value in sorted(values))
