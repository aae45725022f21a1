"""
The ratings a `penilaian.WeightingPolicy` reads: grouped by role, checked, on one scale.

Every rating of the subject (self and weight-0 roles too) must be numeric and on one
scale, from a role the policy weights (or self); a public index must be on a numeric
scale of the appraisal, and it and an imputed value must lie on that scale.  Every
problem is collected, each at the rating's JSON path, and raised together.
"""

from __future__ import annotations

from fractions import Fraction
from typing import TYPE_CHECKING, Final

from penilaian._base.trace import show
from penilaian.exceptions import Problem, ScoringInputError, UnsupportedInputError
from penilaian.model.raters import NumericScale, RaterRole
from penilaian.policy.aggregation import Impute

if TYPE_CHECKING:
    from penilaian.model.appraisal import Appraisal
    from penilaian.policy.aggregation import MissingRaterPolicy, PublicIndex
    from penilaian.policy.weights import Weights

__all__ = ["collect"]

_SELF: Final = RaterRole.SELF.value
_PUBLIC: Final = RaterRole.PUBLIC.value


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
