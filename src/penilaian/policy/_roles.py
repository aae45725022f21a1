"""
The role-keyed settings of a `penilaian.WeightingPolicy`: role weights and minimum raters.

Any spelling of a rater role is accepted as a key, once; each setting is checked at its
place (``role_weights['peer']``, ``min_raters['peer']``).
"""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction
from typing import TYPE_CHECKING, Final

from penilaian._base.bounds import check_bounds
from penilaian._base.trace import show
from penilaian.exceptions import DuplicateIdError, InvalidNumberError, InvalidValueError
from penilaian.model.raters import RaterRole
from penilaian.policy.weights import Weights

if TYPE_CHECKING:
    from penilaian._base.numbers import Number

__all__ = ["ROLES", "by_role", "listed", "to_min_raters", "to_role_weights"]

ROLES: Final = {role.value: role for role in RaterRole}
"""Each rater role by its id."""


def by_role(raw: object, field: str) -> dict[str, object]:
    """
    Key *raw* by canonical role id; any spelling of a role is accepted, once.

    Raises:
        InvalidValueError: naming *field*, when *raw* is not a mapping (or `Weights`).
        UnknownLabelError: for a key that names no role.
        DuplicateIdError: for two keys that name the same role.
    """
    if isinstance(raw, Weights):
        raw = raw.shares
    if not isinstance(raw, Mapping):
        raise InvalidValueError(field, raw, "must map rater roles to values")
    keyed: dict[str, object] = {}
    for key, value in raw.items():
        role = RaterRole.parse(key, field).value
        if role in keyed:
            raise DuplicateIdError(field, key, f"names role {role} twice")
        keyed[role] = value
    return keyed


def to_role_weights(value: Weights | Mapping[RaterRole | str, Number]) -> Weights:
    """
    Return the exact weights by role id (the converter of `WeightingPolicy.role_weights`).

    Raises:
        InvalidValueError: the error of `Weights` at ``role_weights[...]``, with the
            weights given.
    """
    keyed = by_role(value, "role_weights")
    if isinstance(value, Weights) and list(keyed) == list(value.shares):
        return value
    try:
        return Weights(keyed)
    except InvalidValueError as error:
        given = ", ".join(f"{role} {share}" for role, share in keyed.items())
        reason = f"{error.reason} (given: {given})"
        if isinstance(error.value, Fraction) and error.field == "shares":
            reason = f"must sum to exactly 1, not {show(error.value)} (given: {given}); "
            reason += "use WeightingPolicy.normalised() to scale amounts"
        field = "role_weights" + error.field.removeprefix("shares")
        raise type(error)(field, error.value, reason) from None


def to_min_raters(value: Mapping[RaterRole | str, int]) -> dict[RaterRole, int]:
    """
    Return the fewest ratings each role needs (the converter of `WeightingPolicy.min_raters`).

    Raises:
        InvalidNumberError: at ``min_raters[...]``, for anything but a whole number of
            at least 0.
    """
    counts: dict[RaterRole, int] = {}
    for role, count in by_role(value, "min_raters").items():
        field = f"min_raters[{role!r}]"
        if isinstance(count, bool) or not isinstance(count, int):
            raise InvalidNumberError(field, count, "must be a whole number of raters")
        if count < 0:
            raise InvalidNumberError(field, count, "must not be negative")
        counts[RaterRole(role)] = check_bounds(count, field)
    return counts


def listed(shares: Mapping[str, Fraction]) -> str:
    """Write weights by role as the trace does: ``supervisor 0.5, peer 0.25``."""
    return ", ".join(f"{role} {show(share)}" for role, share in shares.items())
