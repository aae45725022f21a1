"""
Weighting policies as JSON: the file form of `penilaian.WeightingPolicy`.

An agency keeps its 360-degree policy in a file such as::

    {"weights": {"supervisor": "1/2", "peer": "1/4", "subordinate": "1/4"},
     "aggregation": {"kind": "trimmed_mean", "proportion": "1/4"},
     "min_raters": {"peer": 3},
     "missing": {"kind": "renormalise"},
     "count_self": false}

- ``weights`` (required): each rater role (any spelling `penilaian.RaterRole`
  accepts) to its exact weight; the weights sum to exactly 1.
- ``missing`` (required): ``{"kind": "renormalise"}``, ``{"kind": "require"}``,
  ``{"kind": "zero"}`` or ``{"kind": "impute", "value": "3"}``.
- ``aggregation``: ``{"kind": "mean"}`` (the default), ``{"kind": "median"}`` or
  ``{"kind": "trimmed_mean", "proportion": "1/4"}``.
- ``min_raters``: the fewest ratings a weighted role needs to count, whole numbers.
- ``count_self``: whether the self-assessment counts (`False` by default).

Numbers are exact: text such as ``"1/4"`` or ``"0.25"``, or a whole number.  A
JSON number with a point or an exponent is a binary float and is refused, so a
float never decides anything.  Unknown keys are refused, and every problem of a
document is reported at once, each with its JSON path.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING, Final

import attrs

from penilaian._base.numbers import to_fraction
from penilaian._base.trace import show
from penilaian.exceptions import (
    DuplicateIdError,
    InvalidInputError,
    InvalidNumberError,
    InvalidValueError,
    MissingValueError,
    Problem,
    UnknownLabelError,
    UnsupportedInputError,
)
from penilaian.model.raters import RaterRole
from penilaian.policy.aggregation import (
    Impute,
    Mean,
    Median,
    MissingRaterPolicy,
    Renormalise,
    Require,
    TrimmedMean,
    Zero,
    describe_aggregation,
)
from penilaian.policy.weighting import WeightingPolicy
from penilaian.policy.weights import Weights

if TYPE_CHECKING:
    import os

    from penilaian.typing import AggregationFn

__all__ = ["load_policy", "policy_from_mapping", "policy_to_mapping"]

_KEYS: Final = ("weights", "aggregation", "min_raters", "missing", "count_self")
_AGGREGATIONS: Final[dict[str, tuple[str, ...]]] = {
    "mean": (),
    "median": (),
    "trimmed_mean": ("proportion",),
}
_MISSING: Final[dict[str, tuple[str, ...]]] = {
    "renormalise": (),
    "require": (),
    "impute": ("value",),
    "zero": (),
}
_SELF: Final = RaterRole.SELF.value


@attrs.frozen
class _JsonFloat:
    """A JSON number with a point or an exponent, kept as written so it can be refused."""

    text: str

    def __repr__(self) -> str:
        return self.text


class _JsonObject(dict[str, object]):
    """A JSON object that remembers the keys it was given more than once."""

    repeated: tuple[str, ...] = ()


def _object(pairs: list[tuple[str, object]]) -> _JsonObject:
    found = _JsonObject(pairs)
    keys = [key for key, _ in pairs]
    found.repeated = tuple(sorted({key for key in keys if keys.count(key) > 1}))
    return found


def _problem(path: str, error: InvalidValueError) -> Problem:
    reason = error.reason
    if isinstance(error, UnknownLabelError):
        reason += f"; accepted: {', '.join(error.accepted)}"
    return Problem(path, f"{reason} (got {error.value!r})", error)


def _item(path: str, key: object) -> str:
    return f"{path}[{key!r}]"


def _field(path: str, key: object) -> str:
    return f"{path}.{key}" if isinstance(key, str) and key.isidentifier() else _item(path, key)


def _check_keys(
    data: Mapping[str, object], allowed: tuple[str, ...], path: str, problems: list[Problem]
) -> None:
    for key in data:
        if key not in allowed:
            reason = f"unknown key; accepted: {', '.join(allowed)}"
            problems.append(_problem(_field(path, key), InvalidValueError(str(key), key, reason)))


def _exact(value: object, path: str, field: str, problems: list[Problem]) -> Fraction | None:
    """Read an exact number: text such as "1/4" or "0.25", or a whole number."""
    if isinstance(value, _JsonFloat | float):
        reason = 'a JSON number with a point is a binary float; write it as text ("0.25" or "1/4")'
        problems.append(_problem(path, InvalidNumberError(field, value, reason)))
        return None
    if isinstance(value, bool) or not isinstance(value, str | int):
        reason = 'expected an exact number: text such as "1/4" or "0.25", or a whole number'
        problems.append(_problem(path, InvalidNumberError(field, value, reason)))
        return None
    try:
        return to_fraction(value, field)
    except InvalidNumberError as error:
        problems.append(_problem(path, error))
        return None


def _mapping(
    value: object,
    path: str,
    field: str,
    meaning: str,
    problems: list[Problem],
    *,
    entries: bool = False,
) -> Mapping[object, object] | None:
    """Return *value* if it is an object, reporting keys the file gave twice; else report it."""
    if not isinstance(value, Mapping):
        error = InvalidValueError(field, value, f"must be a JSON object {meaning}")
        problems.append(_problem(path, error))
        return None
    for key in getattr(value, "repeated", ()):
        error = DuplicateIdError(str(key), key, "is given twice; the file must say it once")
        problems.append(_problem(_item(path, key) if entries else _field(path, key), error))
    return value


def _roles(
    raw: Mapping[object, object], path: str, problems: list[Problem]
) -> list[tuple[object, RaterRole | None, object]]:
    """Each entry of *raw* as (key as written, its role or `None` if unusable, value)."""
    field = path.removeprefix("$.")
    entries: list[tuple[object, RaterRole | None, object]] = []
    seen: dict[RaterRole, object] = {}
    for key, value in raw.items():
        role: RaterRole | None = None
        try:
            role = RaterRole.parse(key, field)  # type: ignore[arg-type]
        except UnknownLabelError as error:
            problems.append(_problem(_item(path, key), error))
        if role is not None and role in seen:
            reason = f"names role {role.value} again (also as {seen[role]!r})"
            problems.append(_problem(_item(path, key), DuplicateIdError(field, key, reason)))
            role = None
        if role is not None:
            seen[role] = key
        entries.append((key, role, value))
    return entries


@attrs.frozen
class _Weighted:
    """What the weights say: the roles named (keys as written), and the shares if all valid."""

    roles: dict[RaterRole, object]
    shares: dict[str, Fraction] | None


def _weights(value: object, problems: list[Problem]) -> _Weighted | None:
    meaning = "of rater roles to weights"
    raw = _mapping(value, "$.weights", "weights", meaning, problems, entries=True)
    if raw is None:
        return None
    if not raw:
        error = InvalidValueError("weights", {}, "needs at least one rater role")
        problems.append(_problem("$.weights", error))
        return None
    shares: dict[str, Fraction] = {}
    roles: dict[RaterRole, object] = {}
    complete = True
    for key, role, share in _roles(raw, "$.weights", problems):
        name = key if role is None else role.value
        field, path = f"weights[{name!r}]", _item("$.weights", key)
        exact = _exact(share, path, field, problems)
        if exact is not None and exact < 0:
            problems.append(
                _problem(path, InvalidNumberError(field, share, "must not be negative"))
            )
            exact = None
        if role is None or exact is None:
            complete = False
        else:
            shares[role.value] = exact
        if role is not None:
            roles[role] = key
    if not complete:
        return _Weighted(roles, None)
    total = sum(shares.values(), Fraction(0))
    if total != 1:
        given = ", ".join(f"{role} {show(share)}" for role, share in shares.items())
        reason = f"must sum to exactly 1, not {show(total)} (given: {given})"
        problems.append(_problem("$.weights", InvalidNumberError("weights", total, reason)))
        return _Weighted(roles, None)
    return _Weighted(roles, shares)


def _kind(
    value: object,
    path: str,
    kinds: Mapping[str, tuple[str, ...]],
    meaning: str,
    problems: list[Problem],
) -> tuple[str, Mapping[str, object]] | None:
    raw = _mapping(value, path, path.removeprefix("$."), 'with a "kind"', problems)
    if raw is None:
        return None
    kind = raw.get("kind")
    if kind is None:
        reason = f"names the {meaning}; accepted: {', '.join(kinds)}"
        problems.append(_problem(f"{path}.kind", MissingValueError("kind", None, reason)))
        return None
    if not isinstance(kind, str) or kind not in kinds:
        error = UnknownLabelError("kind", kind, meaning, list(kinds))
        problems.append(_problem(f"{path}.kind", error))
        return None
    body: Mapping[str, object] = raw  # type: ignore[assignment]
    _check_keys(body, ("kind", *kinds[kind]), path, problems)
    for key in kinds[kind]:
        if key not in body:
            reason = f"{kind!r} needs {key!r}"
            problems.append(_problem(f"{path}.{key}", MissingValueError(key, None, reason)))
    return kind, body


def _aggregation(value: object, problems: list[Problem]) -> AggregationFn | None:
    if value is None:
        return Mean()
    found = _kind(value, "$.aggregation", _AGGREGATIONS, "aggregation", problems)
    if found is None:
        return None
    kind, body = found
    if kind != "trimmed_mean":
        return Median() if kind == "median" else Mean()
    return _trimmed_mean(body, problems)


def _trimmed_mean(body: Mapping[str, object], problems: list[Problem]) -> TrimmedMean | None:
    if "proportion" not in body:
        return None
    proportion = _exact(body["proportion"], "$.aggregation.proportion", "proportion", problems)
    if proportion is None:
        return None
    try:
        return TrimmedMean(proportion)
    except InvalidNumberError as error:
        problems.append(_problem("$.aggregation.proportion", error))
        return None


_SIMPLE_MISSING: Final[dict[str, Callable[[], MissingRaterPolicy]]] = {
    "renormalise": Renormalise,
    "require": Require,
    "zero": Zero,
}


def _missing(value: object, problems: list[Problem]) -> MissingRaterPolicy | None:
    if value is None:
        reason = "a policy must name what a missing role gets; accepted: " + ", ".join(_MISSING)
        problems.append(_problem("$.missing", MissingValueError("missing", None, reason)))
        return None
    found = _kind(value, "$.missing", _MISSING, "missing-rater rule", problems)
    if found is None:
        return None
    kind, body = found
    if kind != "impute":
        return _SIMPLE_MISSING[kind]()
    if "value" not in body:
        return None
    imputed = _exact(body["value"], "$.missing.value", "value", problems)
    return None if imputed is None else Impute(imputed)


def _min_raters(
    value: object, weighted: dict[RaterRole, object] | None, problems: list[Problem]
) -> dict[RaterRole | str, int] | None:
    if value is None:
        return {}
    meaning = "of rater roles to counts"
    raw = _mapping(value, "$.min_raters", "min_raters", meaning, problems, entries=True)
    if raw is None:
        return None
    counts: dict[RaterRole | str, int] = {}
    for key, role, count in _roles(raw, "$.min_raters", problems):
        name = key if role is None else role.value
        path, field = _item("$.min_raters", key), f"min_raters[{name!r}]"
        if isinstance(count, bool) or not isinstance(count, int):
            error = InvalidNumberError(field, count, "must be a whole number of raters")
            problems.append(_problem(path, error))
        elif count < 0:
            problems.append(
                _problem(path, InvalidNumberError(field, count, "must not be negative"))
            )
        elif role is not None and weighted is not None and role not in weighted:
            reason = f"role {role.value} has no weight in this policy"
            problems.append(_problem(path, UnsupportedInputError(field, count, reason)))
        elif role is not None:
            counts[role] = count
    return counts


def _count_self(
    value: object, weighted: dict[RaterRole, object] | None, problems: list[Problem]
) -> bool | None:
    if value is None:
        value = False
    if not isinstance(value, bool):
        error = InvalidValueError("count_self", value, "must be true or false")
        problems.append(_problem("$.count_self", error))
        return None
    if weighted is None:
        return value
    if value and RaterRole.SELF not in weighted:
        reason = "self-assessment is counted, so weights needs a weight for self"
        problems.append(_problem("$.count_self", InvalidValueError("count_self", value, reason)))
    if not value and RaterRole.SELF in weighted:
        key = weighted[RaterRole.SELF]
        reason = 'self has a weight but count_self is false; set "count_self": true to count it'
        error = InvalidValueError(f"weights[{_SELF!r}]", key, reason)
        problems.append(_problem(_item("$.weights", key), error))
    return value


def policy_from_mapping(data: object) -> WeightingPolicy:
    """
    Build a `penilaian.WeightingPolicy` from its JSON form (parsed JSON, or a dict).

    >>> policy = policy_from_mapping(
    ...     {"weights": {"atasan": "1/2", "rekan kerja": "1/2"}, "missing": {"kind": "require"}}
    ... )
    >>> policy.role_weights["peer"]
    Fraction(1, 2)

    Args:
        data: A mapping with the keys described in `penilaian.serialization.policy`.

    Returns:
        The policy.

    Raises:
        InvalidInputError: listing every problem with its JSON path: an unknown
            or repeated key, a missing required key, an unknown role or kind,
            a float or other inexact number (`InvalidNumberError`), weights that
            do not sum to exactly 1, a value of the wrong type, and roles that
            do not fit together (`min_raters` of an unweighted role, ``self``
            weighted without ``count_self``).
    """
    problems: list[Problem] = []
    top = _mapping(data, "$", "policy", "(a weighting policy)", problems)
    if top is None:
        raise InvalidInputError(problems)
    body: Mapping[str, object] = top  # type: ignore[assignment]
    _check_keys(body, _KEYS, "$", problems)
    if "weights" not in body:
        reason = "a policy needs the weight of each rater role"
        problems.append(_problem("$.weights", MissingValueError("weights", None, reason)))
        weights = None
    else:
        weights = _weights(body["weights"], problems)
    weighted = None if weights is None else weights.roles
    aggregation = _aggregation(body.get("aggregation"), problems)
    min_raters = _min_raters(body.get("min_raters"), weighted, problems)
    missing = _missing(body.get("missing"), problems)
    count_self = _count_self(body.get("count_self"), weighted, problems)
    if (
        problems
        or weights is None
        or weights.shares is None
        or aggregation is None
        or min_raters is None
        or missing is None
        or count_self is None
    ):
        raise InvalidInputError(problems)
    return WeightingPolicy(
        Weights(weights.shares),
        missing=missing,
        aggregation=aggregation,
        min_raters=min_raters,
        count_self=count_self,
    )


def _aggregation_mapping(aggregation: AggregationFn) -> dict[str, str]:
    if isinstance(aggregation, TrimmedMean):
        return {"kind": "trimmed_mean", "proportion": str(aggregation.proportion)}
    if isinstance(aggregation, Median):
        return {"kind": "median"}
    if isinstance(aggregation, Mean):
        return {"kind": "mean"}
    reason = (
        "a custom aggregation function cannot be written to a policy file; "
        "use Mean, Median or TrimmedMean, or keep this policy in code"
    )
    raise UnsupportedInputError("aggregation", describe_aggregation(aggregation), reason)


def policy_to_mapping(policy: WeightingPolicy) -> dict[str, object]:
    """
    Return the JSON form of *policy*, for `json.dumps`.

    Weights and numbers are written as exact text (``"1/3"``), roles by their
    ids, and every key is written, defaults included, so the file says all.
    ``policy_from_mapping(policy_to_mapping(policy)) == policy``.

    Raises:
        UnsupportedInputError: for a policy whose aggregation is a function of
            your own, which a file cannot hold.
    """
    missing: dict[str, str] = {"kind": policy.missing.id}
    if isinstance(policy.missing, Impute):
        missing["value"] = str(policy.missing.value)
    order = list(policy.role_weights)
    min_raters = {
        role.value: count
        for role, count in sorted(
            policy.min_raters.items(), key=lambda item: order.index(item[0].value)
        )
    }
    return {
        "weights": {role: str(share) for role, share in policy.role_weights.shares.items()},
        "aggregation": _aggregation_mapping(policy.aggregation),
        "min_raters": min_raters,
        "missing": missing,
        "count_self": policy.count_self,
    }


def load_policy(path: str | os.PathLike[str]) -> WeightingPolicy:
    """
    Read a weighting policy from a UTF-8 JSON file.

    Args:
        path: The file.

    Returns:
        The policy.

    Raises:
        InvalidInputError: for text that is not UTF-8 or not JSON (at ``$``), and
            every problem `policy_from_mapping` finds; a number written with a
            point (``0.25``) is refused at its path, as is a key given twice.
        OSError: if the file cannot be read.
    """
    raw = Path(path).read_bytes()
    try:
        data = json.loads(
            raw.decode("utf-8"),
            parse_float=_JsonFloat,
            parse_constant=_JsonFloat,
            object_pairs_hook=_object,
        )
    except ValueError as error:
        reason = f"not UTF-8 JSON: {error}"
        raise InvalidInputError([Problem("$", reason, error)]) from error
    return policy_from_mapping(data)
