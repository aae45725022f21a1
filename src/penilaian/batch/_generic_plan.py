"""
A `penilaian.GenericRegime` resolved against a batch: what each component reads, checked.

`plan_for` refuses, before any row is read, every regime option the columnar engine
does not compute, each as a `penilaian.exceptions.Problem` of one
`penilaian.exceptions.ScoringInputError`.
"""

from __future__ import annotations

from fractions import Fraction
from typing import TYPE_CHECKING, Any, Final

import attrs
import numpy as np

from penilaian.batch._columns import GRADES, NONE, Codes
from penilaian.exceptions import Problem, ScoringInputError, UnsupportedInputError
from penilaian.model.grades import Grade
from penilaian.model.raters import RaterRole
from penilaian.model.targets import TargetKind
from penilaian.policy.aggregation import Impute, Mean, Median, Require, Zero
from penilaian.policy.supervisor import SupervisorRating
from penilaian.policy.weighting import WeightingPolicy
from penilaian.regimes.generic import GenericRegime, WorkAchievement

if TYPE_CHECKING:
    from penilaian._base.rounding import Rounding  # noqa: TC004 - attrs leaves the annotation a string
    from penilaian.model.grades import BandTable  # noqa: TC004 - attrs leaves the annotation a string

__all__ = ["Plan", "RatedPart", "RolePolicy", "WorkPart", "plan_for"]

_ROLES: Final = tuple(RaterRole)
_KINDS: Final = tuple(TargetKind)


@attrs.frozen
class WorkPart:
    """A `penilaian.regimes.generic.WorkAchievement` component: its weight, kind codes and cap."""

    id: str
    weight: Fraction
    kinds: tuple[int, ...]
    cap: Fraction | None


@attrs.frozen
class RatedPart:
    """A rated component of the generic regime: subject columns, or `None` for ``applies``."""

    id: str
    weight: Fraction
    subjects: tuple[int, ...] | None
    unknown: tuple[str, ...]
    """Listed subjects the batch has no column for: no row has their value."""


@attrs.frozen
class RolePolicy:
    """
    How one subject's ratings become one value, role by role.

    Attributes:
        policy: The weighting policy, or `None` for `penilaian.policy.SupervisorRating`.
        roles: Codes into ``ROLES`` of the roles read (weighted ones).
        weights: Each role's exact weight.
        minimum: The fewest ratings each role needs to count.
        median: Whether a role's ratings combine by median (else mean).
    """

    policy: WeightingPolicy | None
    roles: tuple[int, ...]
    weights: tuple[Fraction, ...]
    minimum: tuple[int, ...]
    median: bool

    @property
    def require(self) -> bool:
        """Whether a missing weighted role leaves the subject without a value."""
        return self.policy is None or isinstance(self.policy.missing, Require)


@attrs.frozen
class Plan:
    """Everything the engine needs from the regime, in the batch's terms."""

    components: tuple[WorkPart | RatedPart, ...]
    roles: RolePolicy
    rounding: Rounding
    bands: BandTable[Any]
    grade_of_band: Codes

    @property
    def labels(self) -> tuple[Any, ...]:
        """The band labels, lowest first."""
        return tuple(self.bands.labels)

    @property
    def component_ids(self) -> tuple[str, ...]:
        """The component ids, in order."""
        return tuple(part.id for part in self.components)


def _refused(name: str, value: object, reason: str) -> Problem:
    error = UnsupportedInputError(name, value, reason)
    return Problem(f"$.regime.{name}", reason, error)


def plan_for(regime: GenericRegime, subjects: tuple[str, ...]) -> Plan:
    """
    Resolve *regime* for a batch with *subjects*.

    Raises:
        ScoringInputError: *regime* is not a `penilaian.GenericRegime`, or uses an
            option the batch does not compute: no rounding, an aggregator other than
            `penilaian.policy.SupervisorRating` or `penilaian.WeightingPolicy`, an aggregation
            other than `penilaian.Mean` or `penilaian.Median`, a missing-component
            policy other than `penilaian.policy.Require` (at ``$.regime.missing``).
    """
    if not isinstance(regime, GenericRegime):
        problem = _refused("regime", type(regime).__name__, "must be a GenericRegime")
        raise ScoringInputError([problem])
    problems: list[Problem] = []
    if regime.rounding is None:
        reason = "the batch engine needs a declared rounding (exact scores have no fixed width)"
        problems.append(_refused("rounding", None, reason))
    if not isinstance(regime.missing, Require):
        reason = (
            "the batch engine computes the missing-component policy require only; "
            "score this regime with GenericRegime.score"
        )
        problems.append(_refused("missing", str(regime.missing), reason))
    roles = _role_policy(regime.aggregator, problems)
    components: list[WorkPart | RatedPart] = []
    for component in regime.components:
        weight = regime.weights[component.id]
        source = component.source
        if isinstance(source, WorkAchievement):
            kinds = tuple(_KINDS.index(kind) for kind in source.kinds)
            components.append(WorkPart(component.id, weight, kinds, source.cap))
        elif source.subjects is None:
            components.append(RatedPart(component.id, weight, None, ()))
        else:
            known = tuple(subjects.index(s) for s in source.subjects if s in subjects)
            unknown = tuple(s for s in source.subjects if s not in subjects)
            components.append(RatedPart(component.id, weight, known, unknown))
    if problems or roles is None or regime.rounding is None:
        raise ScoringInputError(problems)
    grades = [
        GRADES.index(label) if isinstance(label, Grade) else NONE for label in regime.bands.labels
    ]
    return Plan(tuple(components), roles, regime.rounding, regime.bands, np.array(grades, np.int8))


def _role_policy(aggregator: object, problems: list[Problem]) -> RolePolicy | None:
    if isinstance(aggregator, SupervisorRating):
        supervisor = _ROLES.index(RaterRole.SUPERVISOR)
        return RolePolicy(None, (supervisor,), (Fraction(1),), (1,), median=False)
    if not isinstance(aggregator, WeightingPolicy):
        reason = "the batch engine computes SupervisorRating and WeightingPolicy only"
        problems.append(_refused("aggregator", type(aggregator).__name__, reason))
        return None
    aggregation = aggregator.aggregation
    if not isinstance(aggregation, (Mean, Median)):
        reason = "the batch engine combines a role's ratings by Mean or Median only"
        problems.append(_refused("aggregator.aggregation", str(aggregation), reason))
        return None
    shares = aggregator.role_weights.shares
    roles = tuple(_ROLES.index(RaterRole(role)) for role in shares)
    minimum = tuple(max(aggregator.min_raters.get(RaterRole(role), 1), 1) for role in shares)
    return RolePolicy(
        aggregator, roles, tuple(shares.values()), minimum, isinstance(aggregation, Median)
    )


def imputed(roles: RolePolicy) -> Fraction | None:
    """The value a missing role gets (`None`: renormalise or require; 0 for `Zero`)."""
    policy = roles.policy
    if policy is None or roles.require:
        return None
    if isinstance(policy.missing, Impute):
        return policy.missing.value
    if isinstance(policy.missing, Zero):
        return Fraction(0)
    return None
