"""
The trace of a `penilaian.WeightingPolicy`: one step per rater role under the weighted step.

It also says, for the full path, whether each role counts and, for a subject with no
value, which roles lack ratings (the gap).

Each role's step lists its status, raters, minimum, ratings and combined value; the
weighted step lists the weights (also after renormalisation), the aggregation, the
missing-rater policy and the self-other gap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from penilaian._base.trace import MISSING, Gap, Rule, Step, show
from penilaian.model.raters import RaterRole
from penilaian.policy.aggregation import LACKING, RoleStatus

if TYPE_CHECKING:
    from collections.abc import Mapping
    from fractions import Fraction

    from penilaian.policy.aggregation import (
        MissingRaterPolicy,
        PublicIndex,
        RoleAggregate,
        WeightedAggregate,
    )

__all__ = ["lacking_gap", "role_status", "shown", "weighting_step"]

_SELF: Final = RaterRole.SELF.value
_PUBLIC: Final = RaterRole.PUBLIC.value

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
    policy's own.  Each step is built as `Step.of` would build it, its values written
    by `shown` (the same text as `show`, remembered).
    """
    weights, aggregation, missing = texts
    subject = result.subject
    children = []
    for part in result.roles:
        role = part.role.value
        ratings = _ratings(grouped.get(role, []))
        if part.status is RoleStatus.PUBLIC_INDEX and public is not None:
            ratings = f"index from {public.source or 'survey'}"
        inputs = [
            ("role", role),
            ("status", part.status.value),
            ("raters", str(part.raters)),
            ("minimum", str(max(min_raters.get(part.role, 1), 1))),
            ("ratings", ratings),
            ("own", shown(part.own)),
        ]
        if part.used is not None and part.status in LACKING:
            inputs.append(("missing_policy", missing))
        children.append(Step(_ROLE_RULE, shown(part.used), tuple(inputs), subject))
    if not count_self and _SELF in grouped:
        inputs = [
            ("role", _SELF),
            ("counted", "False"),
            ("ratings", _ratings(grouped[_SELF])),
        ]
        children.append(Step(_ROLE_RULE, shown(result.self_value), tuple(inputs), subject))
    effective = MISSING
    if result.value is not None:
        effective = ", ".join(
            f"{part.role.value} {shown(part.effective_weight)}" for part in result.roles
        )
    inputs = [
        ("weights", weights),
        ("aggregation", aggregation),
        ("missing_policy", missing),
        ("effective_weights", effective),
        ("count_self", str(count_self)),
        ("self", shown(result.self_value)),
        ("others", shown(result.others_value)),
        ("self_other_gap", shown(result.self_other_gap)),
    ]
    return Step(_WEIGHTED_RULE, shown(result.value), tuple(inputs), subject, tuple(children))


def role_status(
    role: str,
    present: Mapping[str, Fraction],
    counts: Mapping[str, int],
    public: PublicIndex | None,
) -> RoleStatus:
    """Whether *role* counts: rated (or by the public index), below its minimum, or missing."""
    if role in present:
        indexed = public is not None and role == _PUBLIC
        return RoleStatus.PUBLIC_INDEX if indexed else RoleStatus.RATED
    return RoleStatus.BELOW_MINIMUM if counts.get(role) else RoleStatus.MISSING


def lacking_gap(
    subject: str,
    roles: tuple[RoleAggregate, ...],
    missing: MissingRaterPolicy,
    min_raters: Mapping[RaterRole, int],
) -> Gap:
    """The gap of a subject with no value: the weighted roles that lack ratings, and why."""
    weighted = [part for part in roles if part.weight > 0]
    lacking = [
        f"{part.role.value} ({part.raters} of {min_raters[part.role]} needed)"
        if part.status is RoleStatus.BELOW_MINIMUM
        else f"{part.role.value} (none)"
        for part in weighted
        if part.status in LACKING
    ]
    if len(lacking) == len(weighted):
        reason = f"no weighted role rated {subject} enough to count: {', '.join(lacking)}"
    else:
        reason = f"policy {missing} needs every weighted role; {subject} lacks "
        reason += ", ".join(lacking)
    return Gap("$.ratings", reason)


_SHOWN: Final[dict[tuple[int, int], str]] = {}
_SHOWN_LIMIT: Final = 4096


def shown(value: Fraction | None) -> str:
    """
    Write *value* as `show` does, remembering the text of each fraction seen.

    The trace writes the same few values (scores, weights) again and again; the text
    of each is kept, keyed by its numerator and denominator, up to a bounded number.
    """
    if value is None:
        return MISSING
    key = (value.numerator, value.denominator)
    text = _SHOWN.get(key)
    if text is None:
        if len(_SHOWN) >= _SHOWN_LIMIT:
            _SHOWN.clear()
        text = _SHOWN[key] = show(value)
    return text


def _ratings(values: list[Fraction]) -> str:
    return ", ".join(shown(value) for value in sorted(values))
