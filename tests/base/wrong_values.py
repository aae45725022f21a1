"""
Wrong values for the fields of attrs classes, derived from their annotations.

Every constructor of the model and the policy refuses a value of the wrong type with a
`PenilaianError` that names the field (or a place inside it, ``targets[0]``); no bare
`TypeError`, `ValueError` or `AttributeError` gets out.  The tests of each module give
one valid set of arguments per class and check every field with:

- `wrong_cases`: values of the wrong type picked from each field's annotation (``None``
  where it is not optional, text for numbers, a number for enumerations and objects,
  a list for mappings, text where a collection is expected), each refused at its field;
- `JUNK`: arbitrary values, after which either a `PenilaianError` came out or the field
  holds a value of its annotated type.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Callable, Mapping
from datetime import date, datetime, timezone
from decimal import Decimal
from fractions import Fraction
from typing import Any, Literal, TypeVar, Union

import attrs
import pytest
from hypothesis import strategies as st

from penilaian._base.labels import LabelledEnum
from penilaian.exceptions import InvalidInputError, InvalidValueError, PenilaianError

__all__ = ["JUNK", "conforms", "fields_of", "only_typed_errors", "refused_at", "wrong_cases"]

_MIDNIGHT = datetime(2024, 1, 1, tzinfo=timezone.utc)  # a datetime is not a date here

JUNK = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3, 3),
    st.floats(),
    st.text(max_size=4),
    st.binary(max_size=2),
    st.lists(st.integers(), max_size=2),
    st.dictionaries(st.text(max_size=2), st.integers(), max_size=2),
    st.tuples(st.text(max_size=2)),
    st.sampled_from([object(), Decimal("NaN"), Fraction(1, 3), date(2024, 1, 1), _MIDNIGHT]),
)
"""Arbitrary values of many types, for the law that only typed errors come out."""

_TEXT_ELSEWHERE: tuple[object, ...] = (3, b"text", ["text"], True)


def _members(annotation: Any) -> tuple[list[Any], bool]:
    """Return the members of a union (or the type alone) and whether None is one."""
    if typing.get_origin(annotation) in (Union, types.UnionType):
        args = typing.get_args(annotation)
        return [arg for arg in args if arg is not type(None)], type(None) in args
    return [annotation], False


def _wrong_for(annotation: Any) -> list[object]:  # noqa: C901, PLR0911 - one case per kind
    """Return values that are not of *annotation* and cannot be taken as it."""
    members, _ = _members(annotation)
    if len(members) > 1:  # a union of classes, such as Target or MissingRaterPolicy
        return [3, "text", {}]
    kind = members[0]
    origin, args = typing.get_origin(kind), typing.get_args(kind)
    if isinstance(kind, TypeVar):
        return []  # a generic label: anything goes
    if origin is Literal:
        return ["neither", 3]
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        items = [(wrong,) for wrong in _wrong_for(args[0])[:1]]
        return ["text", 3, {"key": "value"}, *items]
    if origin is tuple:
        return [3, "text"]
    if origin in (dict, Mapping):
        return [[("key", 1)], "text", 3]
    if kind is str:
        return list(_TEXT_ELSEWHERE)
    if kind is bool:
        return ["yes", 1]
    if kind is int:
        return ["3", 2.5, True]
    if kind in (Decimal, Fraction):
        return ["many", True, [], {}]
    if kind is date:
        return ["2024-01-01", _MIDNIGHT]
    if isinstance(kind, type) and issubclass(kind, LabelledEnum):
        return [3, "no such label", []]
    return [3, "text", {}]  # an object, or a callable contract such as AggregationFn


def _fields(cls: type) -> tuple[attrs.Attribute[Any], ...]:
    attrs.resolve_types(cls)
    return attrs.fields(cls)


def fields_of(valid: Mapping[type, Mapping[str, object]]) -> list[Any]:
    """Return a pytest parameter ``(cls, field)`` for every field of every class of *valid*."""
    return [
        pytest.param(cls, field.name, id=f"{cls.__name__}.{field.name}")
        for cls in valid
        for field in _fields(cls)
    ]


def wrong_cases(valid: Mapping[type, Mapping[str, object]]) -> list[Any]:
    """Return a pytest parameter ``(cls, field, value)`` per wrong value of every field."""
    cases = []
    for cls in valid:
        for field in _fields(cls):
            _, optional = _members(field.type)
            values = _wrong_for(field.type) + ([] if optional else [None])
            cases.extend(
                pytest.param(cls, field.name, value, id=f"{cls.__name__}.{field.name}={value!r}")
                for value in values
            )
    return cases


def _named(error: PenilaianError, field: str, aliases: tuple[str, ...]) -> bool:
    """Tell whether *error* names *field* (or a place inside it, or one of *aliases*)."""
    if isinstance(error, InvalidInputError):
        return all(_named(problem.error, field, aliases) for problem in error.problems)  # type: ignore[arg-type]
    if not isinstance(error, InvalidValueError):
        return False
    names = (field, *aliases)
    return error.field in names or error.field.startswith(
        tuple(name + mark for name in names for mark in ("[", "."))
    )


def refused_at(
    cls: Callable[..., object],
    valid: Mapping[str, object],
    field: str,
    value: object,
    *aliases: str,
) -> InvalidValueError:
    """
    Check that building *cls* with *value* for *field* raises an error naming the field.

    *aliases* are other names the error may give the field (``nip`` for `Nip.digits`).
    """
    with pytest.raises(PenilaianError) as caught:
        cls(**{**valid, field: value})
    assert _named(caught.value, field, aliases), (field, caught.value)
    return caught.value  # type: ignore[return-value]


def conforms(value: object, annotation: Any) -> bool:  # noqa: C901, PLR0911 - one case per kind
    """Tell whether *value* is of *annotation* (a resolved field type)."""
    if annotation is Any or isinstance(annotation, TypeVar):
        return True
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin in (Union, types.UnionType):
        return any(conforms(value, arg) for arg in args)
    if origin is Literal:
        return any(value == arg and type(value) is type(arg) for arg in args)
    if origin is tuple:
        if not isinstance(value, tuple):
            return False
        if len(args) == 2 and args[1] is Ellipsis:
            return all(conforms(item, args[0]) for item in value)
        return len(value) == len(args) and all(map(conforms, value, args))
    if origin in (dict, Mapping):
        key, item = args
        return isinstance(value, Mapping) and all(
            conforms(k, key) and conforms(v, item) for k, v in value.items()
        )
    if annotation is type(None):
        return value is None
    if annotation is bool:
        return type(value) is bool
    if annotation is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if annotation is date:
        return isinstance(value, date) and not isinstance(value, datetime)
    if getattr(annotation, "_is_protocol", False):
        return callable(value)
    return isinstance(value, origin or annotation)


def only_typed_errors(
    cls: Callable[..., object], valid: Mapping[str, object], field: str, value: object
) -> None:
    """Check that *value* for *field* is refused with a `PenilaianError`, or taken as typed."""
    try:
        built = cls(**{**valid, field: value})
    except PenilaianError:
        return
    annotation = attrs.fields_dict(type(built))[field].type
    assert conforms(getattr(built, field), annotation), (field, value, getattr(built, field))
