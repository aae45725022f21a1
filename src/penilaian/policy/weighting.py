"""
Weighting policies for several raters (360°): role weights, missing raters, self-assessment.

A `WeightingPolicy` is a `penilaian.typing.RatingAggregator`.  For one subject of one
appraisal it combines each rater role's numeric ratings with its `aggregation`, then
takes the weighted sum ``Σ weight(role) x value(role)`` with exact `Fraction` weights.

- A role with fewer ratings than its ``min_raters`` counts as missing; a weighted role
  with no ratings is missing.  The `missing` policy, always named, then decides:
  `Renormalise`, `Require` (no value, a `penilaian.Gap` naming the roles), `Impute` or
  `Zero`.  With no weighted role rated at all there is never a value, whatever the policy.
- A role of weight 0 never changes the value, rated or not.
- Self-assessment counts only with ``count_self=True`` (and a weight for ``self``); it is
  always reported beside the others as the self-other gap.
- Every rating of the subject (self and weight-0 roles too) must be numeric and on one
  scale.  A rating from a role the policy does not weight, on an ordinal scale or on a
  second scale raises `ScoringInputError`, each problem an `UnsupportedInputError` with
  the rating's JSON path.

No national role weights exist (PermenPANRB 8/2021 p.75 names who may give input, not how
much it counts): they are agency configuration.  `EXAMPLE_360_ROLE_WEIGHTS` and
`EXAMPLE_SERVICE_ROLE_WEIGHTS` are examples only.
"""

from __future__ import annotations

import functools
from fractions import Fraction
from typing import TYPE_CHECKING, Final

import attrs

from penilaian._base.checks import callable_value, instance_of
from penilaian._base.trace import deferred_step
from penilaian.exceptions import InvalidNumberError, InvalidValueError, UnsupportedInputError
from penilaian.model.appraisal import Appraisal
from penilaian.model.raters import RaterRole
from penilaian.policy._roles import ROLES, by_role, listed, to_min_raters, to_role_weights
from penilaian.policy._trusted import trusted_aggregate
from penilaian.policy._weighting_input import collect
from penilaian.policy._weighting_kernel import Kernel
from penilaian.policy._weighting_trace import lacking_gap, role_status, weighting_step
from penilaian.policy.aggregation import (
    MISSING_RATER_POLICY,
    Aggregate,
    Impute,
    Mean,
    MissingRaterPolicy,
    PublicIndex,
    Renormalise,
    Require,
    RoleAggregate,
    WeightedAggregate,
    describe_aggregation,
    weighted_sum,
)
from penilaian.policy.weights import (
    PP30_2019_WITH_PEER_INPUT,
    PP30_2019_WITHOUT_PEER_INPUT,
    Weights,
)
from penilaian.typing import AggregationFn

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from penilaian._base.numbers import Number

__all__ = ["EXAMPLE_360_ROLE_WEIGHTS", "EXAMPLE_SERVICE_ROLE_WEIGHTS", "WeightingPolicy"]

_SELF: Final = RaterRole.SELF.value
_PUBLIC: Final = RaterRole.PUBLIC.value
_NOUGHT: Final = Fraction(0)


@attrs.frozen
class WeightingPolicy:
    """
    How much each rater role counts, and what happens when one is missing.

    >>> policy = WeightingPolicy(EXAMPLE_360_ROLE_WEIGHTS, missing=Renormalise())
    >>> policy.role_weights["supervisor"]
    Fraction(1, 2)

    Attributes:
        role_weights: Exact weights by rater role (any spelling of a role), summing to
            exactly 1; use `normalised` for raw amounts.
        missing: What a weighted role with no usable ratings gets; required.
        aggregation: How one role's ratings are combined; `Mean` by default.
        min_raters: The fewest ratings a role needs to count (for example peers 3); a
            role below it is missing.  Roles not listed need 1.
        count_self: Whether the self-assessment counts; then ``self`` needs a weight.

    Raises:
        InvalidValueError: naming the field, for a value of the wrong type or a misfit.
    """

    role_weights: Weights = attrs.field(converter=to_role_weights)
    missing: MissingRaterPolicy = attrs.field(kw_only=True, validator=MISSING_RATER_POLICY)
    aggregation: AggregationFn = attrs.field(
        factory=Mean, kw_only=True, validator=callable_value("an aggregation, such as Mean()")
    )
    min_raters: dict[RaterRole, int] = attrs.field(
        factory=dict, kw_only=True, converter=to_min_raters, hash=False
    )
    count_self: bool = attrs.field(
        default=False, kw_only=True, validator=instance_of(bool, expected="True or False")
    )

    def __attrs_post_init__(self) -> None:
        if self.count_self and _SELF not in self.role_weights:
            reason = "self-assessment is counted, so role_weights needs a weight for self"
            raise InvalidValueError("count_self", self.count_self, reason)
        if not self.count_self and _SELF in self.role_weights:
            reason = "self has a weight but count_self is False; set count_self=True to count it"
            raise InvalidValueError("role_weights['self']", self.role_weights[_SELF], reason)
        for role, count in self.min_raters.items():
            if role.value not in self.role_weights:
                reason = f"role {role.value} has no weight in this policy"
                raise UnsupportedInputError(f"min_raters[{role.value!r}]", count, reason)

    @classmethod
    def normalised(
        cls,
        amounts: Mapping[RaterRole | str, Number],
        *,
        missing: MissingRaterPolicy,
        aggregation: AggregationFn | None = None,
        min_raters: Mapping[RaterRole | str, int] | None = None,
        count_self: bool = False,
    ) -> WeightingPolicy:
        """
        Build a policy from non-negative amounts (such as 50, 25, 25), scaled to sum to 1.

        Raises:
            InvalidNumberError: for a negative amount, or if all are 0.
            InvalidValueError: naming the argument of the wrong type.
        """
        weights = Weights.normalised(by_role(amounts, "amounts"))
        return cls(
            weights,
            missing=missing,
            aggregation=Mean() if aggregation is None else aggregation,
            min_raters={} if min_raters is None else min_raters,
            count_self=count_self,
        )

    @property
    def uses_peer_input(self) -> bool:
        """Whether peers or subordinates count (PP 30/2019 Pasal 41(4) then weighs 60/40)."""
        return any(
            self.role_weights.shares.get(role, 0) > 0
            for role in (RaterRole.PEER.value, RaterRole.SUBORDINATE.value)
        )

    @property
    def pp30_2019_components(self) -> Weights:
        """The work/behaviour weights PP 30/2019 Pasal 41(3)-(4) sets for this policy."""
        return PP30_2019_WITH_PEER_INPUT if self.uses_peer_input else PP30_2019_WITHOUT_PEER_INPUT

    def __call__(
        self,
        appraisal: Appraisal,
        subject: str,
        *,
        trace: bool = True,
        public: PublicIndex | None = None,
    ) -> Aggregate:
        """
        Return the weighted value of *subject* in *appraisal*, or the gap (see `aggregate`).

        Without a public index, the value is computed in whole numbers from the ratings
        summed or grouped once per appraisal (no per-role part is built), and its step, when a
        trace is asked for, is built by `aggregate` the first time it is read
        (`penilaian._base.trace.deferred_step`); whatever the whole numbers cannot
        answer (an error, a gap, a custom aggregation) takes `aggregate` at once.
        """
        if public is None and isinstance(appraisal, Appraisal):
            found = self._kernel.value(appraisal, subject)
            if found is not None:
                if not trace:
                    return trusted_aggregate(subject, *found)
                step = deferred_step(lambda: self.aggregate(appraisal, subject, trace=True).step)
                return trusted_aggregate(subject, *found, step=step)
        return self.aggregate(appraisal, subject, trace=trace, public=public).as_aggregate()

    def ratio(self, appraisal: Appraisal, subject: str) -> tuple[int, int, str] | None:
        """
        Return the weighted value of *subject* as an exact integer ratio, and its scale.

        The value is ``(numerator, denominator, scale_id)``: the denominator above 0,
        the ratio not necessarily reduced, the id of the scale every rating counted is
        on.  It is the value this policy gives without a public index, with no
        `penilaian.policy.Aggregate` or `fractions.Fraction` built, and `None` whenever
        the whole numbers cannot answer (a rating to refuse, a gap, a custom
        aggregation); calling the policy then gives the error, the gap or the value.
        """
        return self._kernel.ratio(appraisal, subject)

    def ratios(
        self, appraisal: Appraisal, subjects: Iterable[str]
    ) -> list[tuple[int, int, str]] | None:
        """Return `ratio` of each of *subjects*, in order (the ratings read once), or `None`."""
        return self._kernel.ratios(appraisal, subjects)

    def aggregate(
        self,
        appraisal: Appraisal,
        subject: str,
        *,
        trace: bool = True,
        public: PublicIndex | None = None,
    ) -> WeightedAggregate:
        """
        Combine the numeric ratings of *subject* by role, with every part kept.

        Args:
            appraisal: The appraisal whose ratings are combined.
            subject: The aspect, target, indicator or overall subject rated.
            trace: Whether to build the trace; the value is the same either way.
            public: A service-user index standing for the public role, if any.

        Raises:
            InvalidValueError: for an *appraisal* that is not an `Appraisal` or a
                *public* that is not a `PublicIndex`.
            ScoringInputError: listing every rating from a role the policy does not
                weight, on an ordinal scale or on a second scale, and a public index
                or imputed value off the scale.
        """
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
            others = self._combine(present, self._restricted(rest))[0] if weighted else None
        roles = tuple(
            RoleAggregate(
                ROLES[role],
                weight,
                role_status(role, present, counts, public),
                counts.get(role, 0),
                own.get(role),
                used.get(role),
                effective.get(role, _NOUGHT),
            )
            for role, weight in self.role_weights.shares.items()
        )
        gap = (
            None
            if value is not None
            else lacking_gap(subject, roles, self.missing, self.min_raters)
        )
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

    def weigh_roles(self, present: Mapping[str, Fraction]) -> Fraction | None:
        """
        Return the weighted value of the roles' values *present*, or `None` if none can be formed.

        The roles missing from *present* are handled by the missing-rater policy, exactly
        as `aggregate` does; the batch engines call this so that the rule exists once.

        >>> policy = WeightingPolicy({"supervisor": "1/2", "peer": "1/2"}, missing=Renormalise())
        >>> policy.weigh_roles({"supervisor": Fraction(4)})
        Fraction(4, 1)
        """
        return self._combine(dict(present), self.role_weights)[0]

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
            shares = self._restricted(frozenset(used)).shares
        elif missing:
            filler = self.missing.value if isinstance(self.missing, Impute) else _NOUGHT
            used.update(dict.fromkeys(missing, filler))
        total = weighted_sum((shares[role], value) for role, value in used.items())
        return total, used, shares

    def _restricted(self, names: frozenset[str]) -> Weights:
        """The role weights of *names* renormalised, built and checked once per set of names."""
        found = self._patterns.get(names)
        if found is None:
            found = self._patterns[names] = self.role_weights.restricted(names)
        return found

    @functools.cached_property
    def _patterns(self) -> dict[frozenset[str], Weights]:
        """The renormalised weights by the set of roles present (filled by `_restricted`)."""
        return {}

    @functools.cached_property
    def _kernel(self) -> Kernel:
        """The policy in whole numbers, for the value without a trace."""
        return Kernel(self.role_weights, self.min_raters, self.aggregation, self.missing)

    @functools.cached_property
    def _texts(self) -> tuple[str, str, str]:
        """The weights, aggregation and missing-rater policy as the trace writes them."""
        weights = listed(self.role_weights.shares)
        return weights, describe_aggregation(self.aggregation), str(self.missing)


EXAMPLE_360_ROLE_WEIGHTS: Final = Weights(
    {"supervisor": Fraction(1, 2), "peer": Fraction(1, 4), "subordinate": Fraction(1, 4)}
)
"""An EXAMPLE agency choice, not a rule: supervisor 1/2, peers 1/4, subordinates 1/4."""

EXAMPLE_SERVICE_ROLE_WEIGHTS: Final = Weights(
    {
        "supervisor": Fraction(2, 5),
        "second_level_supervisor": Fraction(1, 10),
        "peer": Fraction(1, 5),
        "subordinate": Fraction(1, 10),
        "public": Fraction(1, 5),
    }
)
"""An EXAMPLE for a service unit, not a rule: supervisor 2/5, second level 1/10, peers 1/5,
subordinates 1/10, service users 1/5."""
