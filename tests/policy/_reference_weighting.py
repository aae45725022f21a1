"""
The weighting policy as it computed before the integer kernel (issue 13): the reference.

A verbatim copy of `WeightingPolicy.aggregate` and its helpers (grouping, trace) as they
stood, computing in `Fraction` and rebuilding everything per subject.  The differential
tests compare the library with it; do not "fix" it to follow the library.
"""

from __future__ import annotations

import functools
from fractions import Fraction
from typing import TYPE_CHECKING, Final

import attrs

from penilaian._base.trace import Gap, Rule, Step, show
from penilaian.exceptions import (
    InvalidNumberError,
    InvalidValueError,
    Problem,
    ScoringInputError,
    UnsupportedInputError,
)
from penilaian.model.appraisal import Appraisal
from penilaian.model.raters import NumericScale, RaterRole
from penilaian.policy._roles import ROLES, listed
from penilaian.policy.aggregation import (
    LACKING,
    Impute,
    PublicIndex,
    Renormalise,
    Require,
    RoleAggregate,
    RoleStatus,
    WeightedAggregate,
    describe_aggregation,
    weighted_sum,
)

if TYPE_CHECKING:
    from collections.abc import Mapping

    from penilaian.policy import WeightingPolicy
    from penilaian.policy.aggregation import MissingRaterPolicy
    from penilaian.policy.weights import Weights

__all__ = ["reference_aggregate"]

_SELF: Final = RaterRole.SELF.value
_PUBLIC: Final = RaterRole.PUBLIC.value


class _Reference:
    """The old `WeightingPolicy.aggregate`, reading the settings of *policy*."""

    def __init__(self, policy: WeightingPolicy) -> None:
        self.role_weights = policy.role_weights
        self.missing = policy.missing
        self.aggregation = policy.aggregation
        self.min_raters = policy.min_raters
        self.count_self = policy.count_self

    def aggregate(
        self, appraisal: Appraisal, subject: str, *, trace: bool, public: PublicIndex | None
    ) -> WeightedAggregate:
        if not isinstance(appraisal, Appraisal):
            raise InvalidValueError("appraisal", appraisal, "must be an Appraisal")
        if public is not None and not isinstance(public, PublicIndex):
            raise InvalidValueError("public", public, "must be a PublicIndex or None")
        grouped, scale = collect(appraisal, subject, public, self.role_weights, self.missing)
        own = {role: self.combine(values) for role, values in grouped.items()}
        counts = {role: len(values) for role, values in grouped.items()}
        if public is not None:
            own[_PUBLIC], counts[_PUBLIC] = public.value, public.respondents
        present = {}
        for role in self.role_weights:
            minimum = max(self.min_raters.get(ROLES[role], 1), 1)
            if counts.get(role, 0) >= minimum:
                present[role] = own[role]
        value, used, effective = self._combine(present, self.role_weights)
        others = value
        if self.count_self:
            rest = frozenset(self.role_weights) - {_SELF}
            weighted = any(self.role_weights[role] for role in rest)
            others = (
                self._combine(present, self.role_weights.restricted(rest))[0] if weighted else None
            )
        roles = tuple(
            RoleAggregate(
                ROLES[role],
                weight,
                self._status(role, present, counts, public),
                counts.get(role, 0),
                own.get(role),
                used.get(role),
                effective.get(role, Fraction(0)),
            )
            for role, weight in self.role_weights.shares.items()
        )
        gap = None if value is not None else self._gap(subject, roles)
        scale_id = None if scale is None else scale.id
        result = WeightedAggregate(
            subject, value, scale_id, roles, self.missing, own.get(_SELF), others, gap
        )
        if not trace:
            return result
        step = weighting_step(
            result,
            grouped,
            public,
            texts=self._texts,
            min_raters=self.min_raters,
            count_self=self.count_self,
        )
        return attrs.evolve(result, step=step)

    def combine(self, values: list[Fraction]) -> Fraction:
        """
        Combine one role's ratings with the policy's aggregation.

        Raises:
            InvalidNumberError: if the aggregation returns anything but an exact number.
        """
        combined = self.aggregation(values)
        if isinstance(combined, int) and not isinstance(combined, bool):
            return Fraction(combined)
        if not isinstance(combined, Fraction):
            reason = "an aggregation must return an exact Fraction"
            raise InvalidNumberError("aggregation", combined, reason)
        return combined

    def _combine(
        self, present: dict[str, Fraction], weights: Weights
    ) -> tuple[Fraction | None, dict[str, Fraction], Mapping[str, Fraction]]:
        """Return the weighted value, the value used per role, and the weights used."""
        shares = weights.shares
        positive = [role for role, share in shares.items() if share > 0]
        missing = [role for role in positive if role not in present]
        if len(missing) == len(positive) or (missing and isinstance(self.missing, Require)):
            return None, {}, {}
        used = {role: value for role, value in present.items() if role in shares}
        if missing and isinstance(self.missing, Renormalise):
            shares = weights.restricted(frozenset(used)).shares
        elif missing:
            filler = self.missing.value if isinstance(self.missing, Impute) else Fraction(0)
            used.update(dict.fromkeys(missing, filler))
        total = weighted_sum((shares[role], value) for role, value in used.items())
        return total, used, shares

    @functools.cached_property
    def _texts(self) -> tuple[str, str, str]:
        weights = listed(self.role_weights.shares)
        return weights, describe_aggregation(self.aggregation), str(self.missing)

    @staticmethod
    def _status(
        role: str, present: dict[str, Fraction], counts: dict[str, int], public: PublicIndex | None
    ) -> RoleStatus:
        if role in present:
            indexed = public is not None and role == _PUBLIC
            return RoleStatus.PUBLIC_INDEX if indexed else RoleStatus.RATED
        return RoleStatus.BELOW_MINIMUM if counts.get(role) else RoleStatus.MISSING

    def _gap(self, subject: str, roles: tuple[RoleAggregate, ...]) -> Gap:
        weighted = [part for part in roles if part.weight > 0]
        lacking = [
            f"{part.role.value} ({part.raters} of {self.min_raters[part.role]} needed)"
            if part.status is RoleStatus.BELOW_MINIMUM
            else f"{part.role.value} (none)"
            for part in weighted
            if part.status in LACKING
        ]
        if len(lacking) == len(weighted):
            reason = f"no weighted role rated {subject} enough to count: {', '.join(lacking)}"
        else:
            reason = f"policy {self.missing} needs every weighted role; {subject} lacks "
            reason += ", ".join(lacking)
        return Gap("$.ratings", reason)


def reference_aggregate(
    policy: WeightingPolicy,
    appraisal: Appraisal,
    subject: str,
    *,
    trace: bool = True,
    public: PublicIndex | None = None,
) -> WeightedAggregate:
    """Return what `policy.aggregate(appraisal, subject, ...)` returned before the kernel."""
    return _Reference(policy).aggregate(appraisal, subject, trace=trace, public=public)


# -- the old grouping (policy/_weighting_input.py) ----------------------------------------


def collect(
    appraisal: Appraisal,
    subject: str,
    public: PublicIndex | None,
    role_weights: Weights,
    missing: MissingRaterPolicy,
) -> tuple[dict[str, list[Fraction]], NumericScale | None]:
    """
    Return the numeric ratings of *subject* grouped by role id, and the scale they are on.

    *role_weights* and *missing* are the policy's own; the self-assessment is always
    collected (the policy reports it beside the others).

    Raises:
        ScoringInputError: listing every rating from a role (other than self) not
            in *role_weights*, on an ordinal scale or on a second scale, and a public
            index or imputed value off the scale.
    """
    roles = appraisal.rater_roles
    grouped: dict[str, list[Fraction]] = {}
    problems: list[Problem] = []
    scale_id = None if public is None else public.scale_id
    if public is not None and _PUBLIC not in role_weights:
        reason = "a public index is given, but the policy does not weight public"
        problems.append(_unsupported("$.raters", "role", _PUBLIC, reason))
    for index, rating in appraisal.ratings_by_subject.get(subject, ()):
        role, path = roles[rating.rater_id].value, f"$.ratings[{index}]"
        if role not in role_weights and role != _SELF:
            reason = f"{rating.rater_id} rates {subject} as {role}, a role the policy does"
            reason += f" not weight; give {role} a weight (0 to ignore it on purpose)"
            problems.append(_unsupported(f"{path}.rater_id", "role", role, reason))
        elif public is not None and role == _PUBLIC:
            reason = f"public ratings of {subject} and a public index; give one of them"
            problems.append(_unsupported(f"{path}.rater_id", "role", role, reason))
        elif rating.score is None:
            reason = f"{subject} is rated on ordinal scale {rating.scale_id}; a number is needed"
            problems.append(_unsupported(f"{path}.scale_id", "scale_id", rating.scale_id, reason))
        elif scale_id is not None and rating.scale_id != scale_id:
            reason = f"{subject} is rated on {scale_id} and on {rating.scale_id}; use one scale"
            problems.append(_unsupported(f"{path}.scale_id", "scale_id", rating.scale_id, reason))
        else:
            scale_id = rating.scale_id
            grouped.setdefault(role, []).append(Fraction(rating.score))
    scale = None if scale_id is None else _scale(appraisal, scale_id, public, missing, problems)
    if problems:
        raise ScoringInputError(problems)
    return grouped, scale


def _scale(
    appraisal: Appraisal,
    scale_id: str,
    public: PublicIndex | None,
    missing: MissingRaterPolicy,
    problems: list[Problem],
) -> NumericScale | None:
    numeric = [
        (index, scale)
        for index, scale in enumerate(appraisal.scales)
        if scale.id == scale_id and isinstance(scale, NumericScale)
    ]
    if not numeric:
        reason = f"the public index is on {scale_id}, not a numeric scale of this appraisal"
        problems.append(_unsupported("$.scales", "scale_id", scale_id, reason))
        return None
    index, scale = numeric[0]
    checks = [("public", public.value)] if public is not None else []
    if isinstance(missing, Impute):
        checks.append(("imputed", missing.value))
    for name, value in checks:
        if not scale.minimum <= value <= scale.maximum:
            reason = f"{name} value {show(value)} lies outside scale {scale.id}"
            reason += f" ({scale.minimum} to {scale.maximum})"
            problems.append(_unsupported(f"$.scales[{index}]", name, value, reason))
    return scale


def _unsupported(path: str, field: str, value: object, reason: str) -> Problem:
    return Problem.from_error(path, UnsupportedInputError(field, value, reason))


# -- the old trace (policy/_weighting_trace.py) -------------------------------------------

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
