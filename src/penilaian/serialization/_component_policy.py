"""
Converter hooks for the generic regime's missing-component policy, in the policy file's form.

`penilaian.regimes.generic.MissingComponentPolicy` is written as ``{"kind": "require"}``,
``{"kind": "renormalise"}`` (the words of a weighting policy's ``missing``) or a table::

    {"kind": "table",
     "rows": [{"present": ["work"], "weights": {"work": "1"}},
              {"present": ["work", "peer"], "weights": {"work": "3/4", "peer": "1/4"}}]}

`register_component_hooks` puts the hooks on a converter (`register_policy_hooks` does
so).  The JSON reading both share (an object with its repeated keys, an exact number)
lives here, so that `_policy` imports this module and not the other way round.
Every problem of a value is reported at once, as an `InvalidInputError` whose paths
start at the value (``$``).
"""

from __future__ import annotations

import functools
import operator
from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any, Final

from penilaian._base.numbers import to_fraction
from penilaian._base.problems import ProblemList
from penilaian._base.trace import show
from penilaian.exceptions import (
    DuplicateIdError,
    InvalidInputError,
    InvalidNumberError,
    InvalidValueError,
    MissingValueError,
    UnknownLabelError,
)
from penilaian.policy.aggregation import Renormalise, Require
from penilaian.policy.weights import Weights
from penilaian.regimes.generic import MissingComponentPolicy, WeightsByPresence
from penilaian.serialization._reading import repeated_keys

if TYPE_CHECKING:
    import cattrs

__all__ = ["register_component_hooks"]

_KINDS: Final = {"require": Require, "renormalise": Renormalise, "table": WeightsByPresence}


# The JSON reading shared with the weighting policy's hooks (`_policy`).


def _item(path: str, key: object) -> str:
    return f"{path}[{key!r}]"


def _field(path: str, key: object) -> str:
    return f"{path}.{key}" if isinstance(key, str) and key.isidentifier() else _item(path, key)


def _mapping(
    value: object, path: str, field: str, meaning: str, problems: ProblemList, *, entries: bool
) -> Mapping[str, object] | None:
    """Return *value* if it is an object, reporting keys the file gave twice; else report it."""
    if not isinstance(value, Mapping):
        problems.add(path, InvalidValueError(field, value, f"must be a JSON object {meaning}"))
        return None
    for key in repeated_keys(value):
        error = DuplicateIdError(key, key, "is given twice; the file must say it once")
        problems.add(_item(path, key) if entries else _field(path, key), error)
    return value


def _exact(value: object, path: str, field: str, problems: ProblemList) -> Fraction | None:
    """Read an exact number: text such as "1/4" or "0.25", or a JSON number, read exactly."""
    if isinstance(value, float):
        reason = 'a float is binary, not exact; write it as text ("0.25" or "1/4")'
        problems.add(path, InvalidNumberError(field, value, reason))
        return None
    if isinstance(value, bool) or not isinstance(value, str | int | Decimal):
        reason = 'expected an exact number: text such as "1/4" or "0.25", or a number'
        problems.add(path, InvalidNumberError(field, value, reason))
        return None
    try:
        return to_fraction(value, field)
    except InvalidNumberError as error:
        problems.add(path, error)
        return None


def _object(value: object, path: str, field: str, meaning: str, problems: ProblemList) -> Any:  # noqa: ANN401
    return _mapping(value, path, field, meaning, problems, entries=False)


def _present(value: object, path: str, problems: ProblemList) -> list[str] | None:
    names = value if isinstance(value, list) else None
    if not names or not all(isinstance(name, str) and name.strip() for name in names):
        reason = "must be a list of at least one component id"
        problems.add(path, InvalidValueError("present", value, reason))
        return None
    if len(set(names)) != len(names):
        problems.add(path, DuplicateIdError("present", value, "names a component twice"))
        return None
    return names


def _row_weights(
    value: object, present: list[str] | None, path: str, problems: ProblemList
) -> dict[str, Fraction] | None:
    raw = _object(value, path, "weights", "of component ids to weights", problems)
    if raw is None:
        return None
    shares: dict[str, Fraction] = {}
    for name, share in raw.items():
        number = _exact(share, f"{path}[{name!r}]", f"weights[{name!r}]", problems)
        if number is not None and number < 0:
            error = InvalidNumberError(f"weights[{name!r}]", share, "must not be negative")
            problems.add(f"{path}[{name!r}]", error)
        elif number is not None:
            shares[str(name)] = number
    if len(shares) < len(raw):
        return None
    total = sum(shares.values(), Fraction(0))
    if total != 1:
        reason = f"must sum to exactly 1, not {show(total)}"
        problems.add(path, InvalidNumberError("weights", total, reason))
        return None
    if present is not None and set(shares) != set(present):
        reason = f"must weigh exactly the present components {present}"
        problems.add(path, InvalidValueError("weights", sorted(shares), reason))
        return None
    return shares


def _rows(body: Mapping[str, object], problems: ProblemList) -> list[tuple[list[str], Weights]]:
    if "rows" not in body:
        reason = "a table needs rows: the weights for each set of present components"
        problems.add("$.rows", MissingValueError("rows", None, reason))
        return []
    rows = body["rows"]
    if not isinstance(rows, list) or not rows:
        reason = "must be a list of at least one row"
        problems.add("$.rows", InvalidValueError("rows", rows, reason))
        return []
    built: list[tuple[list[str], Weights]] = []
    seen: set[frozenset[str]] = set()
    for index, row in enumerate(rows):
        path = f"$.rows[{index}]"
        raw = _object(row, path, f"rows[{index}]", 'with "present" and "weights"', problems)
        if raw is None:
            continue
        for key in raw:
            if key not in ("present", "weights"):
                reason = "unknown key; accepted: present, weights"
                problems.add(f"{path}.{key}", InvalidValueError(str(key), key, reason))
        present = _present(raw.get("present"), f"{path}.present", problems)
        if present is not None and frozenset(present) in seen:
            error = DuplicateIdError("present", present, "is the set of an earlier row")
            problems.add(f"{path}.present", error)
            present = None
        shares = _row_weights(raw.get("weights"), present, f"{path}.weights", problems)
        if present is not None and shares is not None:
            seen.add(frozenset(present))
            built.append((present, Weights(shares)))
    return built


def _structure(value: object, _type: object) -> MissingComponentPolicy:
    problems = ProblemList()
    body = _object(value, "$", "missing", 'with a "kind"', problems)
    if body is None:
        raise InvalidInputError(problems, omitted=problems.omitted)
    kind = body.get("kind")
    if not isinstance(kind, str) or kind not in _KINDS:
        meaning = "missing-component rule"
        error = (
            MissingValueError("kind", None, f"names the {meaning}; accepted: {', '.join(_KINDS)}")
            if kind is None
            else UnknownLabelError("kind", kind, meaning, list(_KINDS))
        )
        problems.add("$.kind", error)
        raise InvalidInputError(problems, omitted=problems.omitted)
    allowed = ("kind", "rows") if kind == "table" else ("kind",)
    for key in body:
        if key not in allowed:
            reason = f"unknown key; accepted: {', '.join(allowed)}"
            problems.add(f"$.{key}", InvalidValueError(str(key), key, reason))
    rows = _rows(body, problems) if kind == "table" else []
    if problems:
        raise InvalidInputError(problems, omitted=problems.omitted)
    if kind == "table":
        return WeightsByPresence(rows)
    policy: Require | Renormalise = _KINDS[kind]()
    return policy


def _structure_table(value: object, _type: object) -> WeightsByPresence:
    if isinstance(value, Mapping) and "kind" not in value:
        value = {"kind": "table", **value}
    policy = _structure(value, WeightsByPresence)
    if not isinstance(policy, WeightsByPresence):
        problems = ProblemList()
        problems.add("$.kind", InvalidValueError("kind", str(policy), "must be table"))
        raise InvalidInputError(problems)
    return policy


def _unstructure_table(policy: WeightsByPresence) -> dict[str, object]:
    rows = [
        {
            "present": list(weights),
            "weights": {name: str(share) for name, share in weights.shares.items()},
        }
        for weights in policy.rows.values()
    ]
    return {"kind": policy.id, "rows": rows}


def register_component_hooks(converter: cattrs.Converter) -> None:
    """
    Teach *converter* the file form of `penilaian.regimes.generic.MissingComponentPolicy`.

    `Require` and `Renormalise` keep the hooks of a weighting policy's ``missing``
    (``{"kind": ...}``); a `WeightsByPresence` is ``{"kind": "table", "rows": [...]}``.
    """
    is_union = functools.partial(operator.is_, MissingComponentPolicy)
    converter.register_structure_hook_func(is_union, _structure)
    converter.register_structure_hook(WeightsByPresence, _structure_table)
    converter.register_unstructure_hook(WeightsByPresence, _unstructure_table)
