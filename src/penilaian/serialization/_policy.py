"""
Converter hooks for `penilaian.WeightingPolicy` and its parts, in the policy file's form.

`register_policy_hooks` puts them on a converter (`make_converter` does so for the one
converter); `penilaian.serialization.policy` documents the format.  A hook reports
every problem of its value at once, as an `InvalidInputError` whose paths start at the
value (``$``); the converter places them in the whole document.
"""

from __future__ import annotations

import functools
import operator
from collections.abc import Callable, Mapping
from fractions import Fraction
from typing import TYPE_CHECKING, Any, Final

import attrs

from penilaian._base.problems import ProblemList
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
from penilaian.serialization._component_policy import (
    _exact,
    _field,
    _item,
    _mapping,
    register_component_hooks,
)
from penilaian.typing import AggregationFn

if TYPE_CHECKING:
    import cattrs

__all__ = ["register_policy_hooks"]

_Entry = tuple[str, str, RaterRole | None, object]  # (path, field, role or None, value)


@attrs.frozen
class _Kinds:
    """A union written as ``{"kind": ..., <parameters>}``: each kind's class and parameters."""

    field: str
    meaning: str
    members: Mapping[str, tuple[Callable[..., Any], tuple[str, ...]]]


_AGGREGATIONS: Final = _Kinds(
    "aggregation",
    "aggregation",
    {"mean": (Mean, ()), "median": (Median, ()), "trimmed_mean": (TrimmedMean, ("proportion",))},
)
_MISSING: Final = _Kinds(
    "missing",
    "missing-rater rule",
    {
        "renormalise": (Renormalise, ()),
        "require": (Require, ()),
        "impute": (Impute, ("value",)),
        "zero": (Zero, ()),
    },
)
_KEYS: Final = ("weights", "aggregation", "min_raters", "missing", "count_self")


def _check_keys(
    data: Mapping[str, object], allowed: tuple[str, ...], path: str, problems: ProblemList
) -> None:
    for key in data:
        if key not in allowed:
            reason = f"unknown key; accepted: {', '.join(allowed)}"
            problems.add(_field(path, key), InvalidValueError(str(key), key, reason))


def _structure_kind(value: object, kinds: _Kinds) -> Any:  # noqa: ANN401 - one of the kinds
    """Build the member of *kinds* that *value* names by its ``"kind"``."""
    problems = ProblemList()
    raw = _mapping(value, "$", kinds.field, 'with a "kind"', problems, entries=False)
    if raw is None:
        raise InvalidInputError(problems, omitted=problems.omitted)
    kind = raw.get("kind")
    if kind is None:
        reason = f"names the {kinds.meaning}; accepted: {', '.join(kinds.members)}"
        problems.add("$.kind", MissingValueError("kind", None, reason))
        raise InvalidInputError(problems, omitted=problems.omitted)
    if not isinstance(kind, str) or kind not in kinds.members:
        problems.add("$.kind", UnknownLabelError("kind", kind, kinds.meaning, list(kinds.members)))
        raise InvalidInputError(problems, omitted=problems.omitted)
    cls, parameters = kinds.members[kind]
    _check_keys(raw, ("kind", *parameters), "$", problems)
    arguments: list[Fraction | None] = []
    for key in parameters:
        if key in raw:
            arguments.append(_exact(raw[key], f"$.{key}", key, problems))
        else:
            problems.add(f"$.{key}", MissingValueError(key, None, f"{kind!r} needs {key!r}"))
            arguments.append(None)
    built = None
    if None not in arguments:
        try:
            built = cls(*arguments)
        except InvalidNumberError as error:
            problems.add(f"$.{parameters[0]}", error)
    if problems:
        raise InvalidInputError(problems, omitted=problems.omitted)
    return built


def _unstructure_kind(value: Any, kinds: _Kinds) -> dict[str, str]:  # noqa: ANN401
    kind = next((kind for kind, (cls, _) in kinds.members.items() if type(value) is cls), None)
    if kind is None:
        reason = (
            "a custom aggregation function cannot be written to a policy file; "
            "use Mean, Median or TrimmedMean, or keep this policy in code"
        )
        raise UnsupportedInputError(kinds.field, describe_aggregation(value), reason)
    _, parameters = kinds.members[kind]
    return {"kind": kind, **{key: str(getattr(value, key)) for key in parameters}}


def _by_role(
    value: object, section: str, meaning: str, problems: ProblemList
) -> tuple[list[_Entry], dict[RaterRole, str]]:
    """Read an object keyed by rater roles (any spelling, once): its entries, the roles named."""
    raw = _mapping(value, f"$.{section}", section, meaning, problems, entries=True)
    entries: list[_Entry] = []
    seen: dict[RaterRole, str] = {}  # each role named, with its key as written
    for key, item in (raw or {}).items():
        path, role = _item(f"$.{section}", key), None
        try:
            role = RaterRole.parse(key, section)
        except UnknownLabelError as error:
            problems.add(path, error)
        if role is not None and role in seen:
            reason = f"names role {role.value} again (also as {seen[role]!r})"
            problems.add(path, DuplicateIdError(section, key, reason))
            role = None
        elif role is not None:
            seen[role] = key
        entries.append((path, f"{section}[{key if role is None else role.value!r}]", role, item))
    return entries, seen


def _weights(
    value: object, problems: ProblemList
) -> tuple[dict[RaterRole, str] | None, dict[str, Fraction] | None]:
    """The roles weighted (keys as written), and the shares by role id if all are valid."""
    entries, roles = _by_role(value, "weights", "of rater roles to weights", problems)
    if not entries:
        if isinstance(value, Mapping):
            error = InvalidValueError("weights", {}, "needs at least one rater role")
            problems.add("$.weights", error)
        return None, None
    shares: dict[str, Fraction] = {}
    for path, field, role, share in entries:
        exact = _exact(share, path, field, problems)
        if exact is not None and exact < 0:
            problems.add(path, InvalidNumberError(field, share, "must not be negative"))
        elif exact is not None and role is not None:
            shares[role.value] = exact
    if len(shares) < len(entries):
        return roles, None
    total = sum(shares.values(), Fraction(0))
    if total != 1:
        given = ", ".join(f"{role} {show(share)}" for role, share in shares.items())
        reason = f"must sum to exactly 1, not {show(total)} (given: {given})"
        problems.add("$.weights", InvalidNumberError("weights", total, reason))
        return roles, None
    return roles, shares


def _min_raters(
    value: object, weighted: dict[RaterRole, str] | None, problems: ProblemList
) -> dict[RaterRole | str, int]:
    counts: dict[RaterRole | str, int] = {}
    meaning = "of rater roles to counts"
    for path, field, role, count in _by_role(value, "min_raters", meaning, problems)[0]:
        if isinstance(count, bool) or not isinstance(count, int):
            problems.add(path, InvalidNumberError(field, count, "must be a whole number of raters"))
        elif count < 0:
            problems.add(path, InvalidNumberError(field, count, "must not be negative"))
        elif role is not None and weighted is not None and role not in weighted:
            reason = f"role {role.value} has no weight in this policy"
            problems.add(path, UnsupportedInputError(field, count, reason))
        elif role is not None:
            counts[role] = count
    return counts


def _count_self(
    value: object, weighted: dict[RaterRole, str] | None, problems: ProblemList
) -> bool:
    if not isinstance(value, bool):
        problems.add(
            "$.count_self", InvalidValueError("count_self", value, "must be true or false")
        )
        return False
    if weighted is not None and value and RaterRole.SELF not in weighted:
        reason = "self-assessment is counted, so weights needs a weight for self"
        problems.add("$.count_self", InvalidValueError("count_self", value, reason))
    if weighted is not None and not value and RaterRole.SELF in weighted:
        key = weighted[RaterRole.SELF]
        reason = 'self has a weight but count_self is false; set "count_self": true to count it'
        error = InvalidValueError(f"weights[{RaterRole.SELF.value!r}]", key, reason)
        problems.add(_item("$.weights", key), error)
    return value


def _part(value: object, kinds: _Kinds, problems: ProblemList) -> Any:  # noqa: ANN401
    try:
        return _structure_kind(value, kinds)
    except InvalidInputError as error:
        problems.within(error, f"$.{kinds.field}")
        return None


def _given(body: Mapping[str, object], key: str, *, default: object) -> object:
    value = body.get(key)
    return default if value is None else value


def _structure_policy(data: object, _type: object) -> WeightingPolicy:
    problems = ProblemList()
    body = _mapping(data, "$", "policy", "(a weighting policy)", problems, entries=False)
    if body is None:
        raise InvalidInputError(problems, omitted=problems.omitted)
    _check_keys(body, _KEYS, "$", problems)
    weighted, shares = None, None
    if "weights" in body:
        weighted, shares = _weights(body["weights"], problems)
    else:
        reason = "a policy needs the weight of each rater role"
        problems.add("$.weights", MissingValueError("weights", None, reason))
    aggregation = body.get("aggregation")
    if aggregation is not None:
        aggregation = _part(aggregation, _AGGREGATIONS, problems)
    min_raters = _min_raters(_given(body, "min_raters", default={}), weighted, problems)
    missing = body.get("missing")
    if missing is None:
        accepted = ", ".join(_MISSING.members)
        reason = f"a policy must name what a missing role gets; accepted: {accepted}"
        problems.add("$.missing", MissingValueError("missing", None, reason))
    else:
        missing = _part(missing, _MISSING, problems)
    count_self = _count_self(_given(body, "count_self", default=False), weighted, problems)
    if problems or shares is None or missing is None:
        raise InvalidInputError(problems, omitted=problems.omitted)
    return WeightingPolicy(
        Weights(shares),
        missing=missing,
        aggregation=Mean() if aggregation is None else aggregation,
        min_raters=min_raters,
        count_self=count_self,
    )


def _unstructure_policy(policy: WeightingPolicy) -> dict[str, object]:
    order = list(policy.role_weights)
    min_raters = sorted(policy.min_raters.items(), key=lambda item: order.index(item[0].value))
    return {
        "weights": {role: str(share) for role, share in policy.role_weights.shares.items()},
        "aggregation": _unstructure_kind(policy.aggregation, _AGGREGATIONS),
        "min_raters": {role.value: count for role, count in min_raters},
        "missing": _unstructure_kind(policy.missing, _MISSING),
        "count_self": policy.count_self,
    }


def _structure_member(kinds: _Kinds, kind: str | None = None) -> Callable[[Any, Any], Any]:
    """Structure any member of *kinds*, or the one of *kind*: written with that kind or none."""

    def structure_member(value: Any, _type: Any) -> Any:  # noqa: ANN401
        if kind is not None and isinstance(value, Mapping):
            if "kind" not in value:
                value = {"kind": kind, **value}
            elif value["kind"] != kind:
                error = InvalidValueError("kind", value["kind"], f"must be {kind}")
                raise InvalidInputError([Problem.from_error("$.kind", error)])
        return _structure_kind(value, kinds)

    return structure_member


def register_policy_hooks(converter: cattrs.Converter) -> None:
    """
    Teach *converter* the policy file's form of `WeightingPolicy`, its aggregations and rules.

    A `WeightingPolicy` is the object a policy file holds; an aggregation (`Mean`,
    `Median`, `TrimmedMean`; any `AggregationFn` when structuring) and a missing-rater
    rule (`Renormalise`, `Require`, `Impute`, `Zero`) are ``{"kind": ...}`` objects, and
    so is the generic regime's missing-component policy (`Require`, `Renormalise` or a
    `penilaian.regimes.generic.WeightsByPresence` table).
    """
    converter.register_structure_hook(WeightingPolicy, _structure_policy)
    converter.register_unstructure_hook(WeightingPolicy, _unstructure_policy)
    for kinds, union in ((_AGGREGATIONS, AggregationFn), (_MISSING, MissingRaterPolicy)):
        # By identity: a protocol registered as a class could claim other classes.
        is_union = functools.partial(operator.is_, union)
        converter.register_structure_hook_func(is_union, _structure_member(kinds))
        for kind, (cls, _) in kinds.members.items():
            converter.register_structure_hook(cls, _structure_member(kinds, kind))
            converter.register_unstructure_hook(
                cls, functools.partial(_unstructure_kind, kinds=kinds)
            )
    register_component_hooks(converter)
