"""Validators shared by the domain types: ids and texts within bounds, unique ids, whole numbers."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

import attrs

from penilaian._base.bounds import MAX_ID_LENGTH, MAX_TEXT_LENGTH, check_bounds, check_length
from penilaian.exceptions import (
    DuplicateIdError,
    InvalidNumberError,
    InvalidValueError,
    UnknownReferenceError,
)

__all__ = [
    "TUPLE",
    "HasId",
    "TypeCheck",
    "as_tuple",
    "at_least_one",
    "callable_value",
    "find_by_id",
    "identifier",
    "instance_of",
    "is_date",
    "is_text",
    "items_of",
    "non_empty",
    "one_of",
    "optional_at_least_one",
    "optional_date",
    "optional_identifier",
    "optional_non_empty",
    "optional_text",
    "optional_whole_number",
    "plain_case",
    "repeated_indexes",
    "texts",
    "unique_ids",
    "whole_number",
]


class HasId(Protocol):
    """Anything with a string ``id``."""

    @property
    def id(self) -> str:
        """The item's id."""
        ...


_F = TypeVar("_F", bound=Callable[..., object])


def plain_case(test: str, **names: object) -> Callable[[_F], _F]:
    """
    Mark a validator, a converter or an ``__attrs_post_init__`` with its plain case.

    *test* is a Python expression on ``v`` (the value, for a validator or a converter)
    or on ``self`` (every field set, for a post-init hook) that uses only builtins,
    ``date``, ``Decimal``, ``STR`` (the set of `str`) and *names*.  Where it holds, a
    validator or a post-init hook returns without raising and changes nothing, and a
    converter returns ``v`` itself; so the quick way of loading
    (`penilaian.serialization._fast`) tests it in line instead of calling the function.
    Where it fails, the function runs (or, for a validator, the careful way decides).
    ``tests/serialization/test_quick_structure.py`` holds every marked function to this.
    A converter is marked by a call, ``plain_case(test)(convert)``, not as a decorator:
    attrs' mypy plugin reads only plain functions as converters.
    """

    def mark(function: _F) -> _F:
        function.__plain_case__ = test  # type: ignore[attr-defined]
        function.__plain_names__ = names  # type: ignore[attr-defined]
        return function

    return mark


def is_text(value: object) -> bool:
    """Tell whether *value* is a string with something other than spaces."""
    return isinstance(value, str) and bool(value.strip())


def non_empty(_instance: object, attribute: attrs.Attribute[str], value: object) -> None:
    """Validate a string with something other than spaces, at most `MAX_TEXT_LENGTH` long."""
    if type(value) is str and 0 < len(value) <= MAX_TEXT_LENGTH and not value.isspace():
        return  # the common case, decided without a copy; the same test as below
    if not is_text(value):
        raise InvalidValueError(attribute.name, value, "must be a non-empty string")
    check_length(value, attribute.name)  # type: ignore[arg-type]  # is_text: a str


def optional_non_empty(
    _instance: object, attribute: attrs.Attribute[str | None], value: object
) -> None:
    """Validate `None`, or a string with something other than spaces (see `non_empty`)."""
    if value is not None:
        non_empty(_instance, attribute, value)  # type: ignore[arg-type]


def identifier(_instance: object, attribute: attrs.Attribute[str], value: object) -> None:
    """Validate an id, or a reference to one: non-empty text of at most `MAX_ID_LENGTH`."""
    if type(value) is str and 0 < len(value) <= MAX_ID_LENGTH and not value.isspace():
        return  # the common case, decided without a copy; the same test as below
    if not is_text(value):
        raise InvalidValueError(attribute.name, value, "must be a non-empty string")
    check_length(value, attribute.name, MAX_ID_LENGTH)  # type: ignore[arg-type]  # is_text


def optional_identifier(
    _instance: object, attribute: attrs.Attribute[str | None], value: object
) -> None:
    """Validate `None`, or an id (see `identifier`)."""
    if value is None or (
        type(value) is str and 0 < len(value) <= MAX_ID_LENGTH and not value.isspace()
    ):
        return
    if value is not None:
        identifier(_instance, attribute, value)  # type: ignore[arg-type]


def optional_text(_instance: object, attribute: attrs.Attribute[str | None], value: object) -> None:
    """Validate `None`, or any string (empty allowed) of at most `MAX_TEXT_LENGTH`."""
    if value is None or (type(value) is str and len(value) <= MAX_TEXT_LENGTH):
        return
    if value is not None:
        if not isinstance(value, str):
            raise InvalidValueError(attribute.name, value, "must be text or None")
        check_length(value, attribute.name)


def texts(
    _instance: object, attribute: attrs.Attribute[tuple[str, ...]], value: Iterable[object]
) -> None:
    """Validate every item of a tuple as a string of at most `MAX_TEXT_LENGTH`, at its place."""
    if type(value) is tuple and all(
        type(item) is str and len(item) <= MAX_TEXT_LENGTH for item in value
    ):
        return  # the common case; the loop below finds the first wrong item
    for index, item in enumerate(value):
        if not isinstance(item, str):
            raise InvalidValueError(f"{attribute.name}[{index}]", item, "must be text")
        check_length(item, f"{attribute.name}[{index}]")


def is_date(_instance: object, attribute: attrs.Attribute[date], value: object) -> None:
    """Validate a calendar date; a `datetime` is refused, not truncated."""
    if not isinstance(value, date) or isinstance(value, datetime):
        raise InvalidValueError(
            attribute.name, value, "must be a date (YYYY-MM-DD), not a datetime"
        )


def optional_date(
    _instance: object, attribute: attrs.Attribute[date | None], value: object
) -> None:
    """Validate `None` or a calendar date (see `is_date`)."""
    if value is not None:
        is_date(_instance, attribute, value)  # type: ignore[arg-type]


def repeated_indexes(keys: Sequence[Hashable]) -> Iterator[int]:
    """Yield the index of every key that repeats an earlier one, in order."""
    if len(set(keys)) == len(keys):
        return  # the common case, decided in one pass in C: no key repeats
    seen: set[Hashable] = set()
    for index, key in enumerate(keys):
        if key in seen:
            yield index
        seen.add(key)


_H = TypeVar("_H", bound=HasId)


def find_by_id(items: Iterable[_H], item_id: str, field: str, reason: str) -> _H:
    """
    Return the item of *items* whose ``id`` is *item_id*.

    Raises:
        UnknownReferenceError: naming *field*, the id and *reason*.
    """
    for item in items:
        if item.id == item_id:
            return item
    raise UnknownReferenceError(field, item_id, reason)


def unique_ids(field: str, items: Iterable[HasId]) -> None:
    """
    Raise if two of *items* share an ``id``.

    Raises:
        DuplicateIdError: naming ``field[index].id`` and the repeated id.
    """
    ids = [item.id for item in items]
    for index in repeated_indexes(ids):
        raise DuplicateIdError(f"{field}[{index}].id", ids[index], "repeats an earlier id")


def as_tuple(value: object, field: str) -> tuple[Any, ...]:
    """
    Return the items of a list or tuple as a tuple.

    Raises:
        InvalidValueError: naming *field*, for text, mappings and non-iterables.
    """
    if type(value) is tuple:
        return value
    if isinstance(value, str | bytes | dict) or not isinstance(value, Iterable):
        raise InvalidValueError(field, value, "must be a list or tuple")
    return tuple(value)


def _convert_tuple(value: object, field: attrs.Attribute[tuple[Any, ...]]) -> tuple[Any, ...]:
    return as_tuple(value, field.name)


# See penilaian._base.numbers.DECIMAL: mypy sees a typed function, attrs a field-aware converter.
if TYPE_CHECKING:

    def TUPLE(value: Iterable[Any]) -> tuple[Any, ...]:  # noqa: N802
        """Attrs converter: a list or tuple to a tuple; text and mappings are refused."""

else:
    TUPLE = attrs.Converter(_convert_tuple, takes_field=True)


def whole_number(value: object, field: str, minimum: int = 1) -> int:
    """
    Return *value* when it is a whole number of at least *minimum*.

    Raises:
        InvalidNumberError: naming *field*, for anything else (a boolean, a float
            such as ``2.0``, text) or a smaller number.
    """
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise InvalidNumberError(field, value, f"must be a whole number of at least {minimum}")
    check_bounds(value, field)
    return value


def at_least_one(_instance: object, attribute: attrs.Attribute[int], value: object) -> None:
    """Validate a whole number of at least 1 (a count, a number of people or hours)."""
    whole_number(value, attribute.name)


def optional_at_least_one(
    _instance: object, attribute: attrs.Attribute[int | None], value: object
) -> None:
    """Validate `None`, or a whole number of at least 1."""
    if value is not None:
        whole_number(value, attribute.name)


def optional_whole_number(
    _instance: object, attribute: attrs.Attribute[int | None], value: object
) -> None:
    """Validate `None`, or a whole number of at least 0."""
    if value is not None:
        whole_number(value, attribute.name, 0)


Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]
"""An attrs validator: ``(instance, attribute, value) -> None``, raising when *value* is wrong."""


class TypeCheck:
    """
    The validator `instance_of` or `items_of` makes: its *types* stay readable.

    Readable, so that the quick structuring of `penilaian.serialization` can test the
    plain case (a value, or every item, of exactly one of *types*) in line and skip the
    call; any other value is left to this validator.

    Attributes:
        types: The types accepted; `bool` only where named.
        expected: What the message says the value must be.
        each: Whether every item of a tuple is checked (`items_of`) rather than the value.
    """

    __slots__ = ("each", "expected", "types")

    def __init__(self, types: tuple[type, ...], expected: str, *, each: bool) -> None:
        self.types = types
        self.expected = expected
        self.each = each

    def __repr__(self) -> str:
        maker = "items_of" if self.each else "instance_of"
        names = ", ".join(type_.__name__ for type_ in self.types)
        return f"<{maker}({names}, expected={self.expected!r})>"

    def __call__(self, _instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:  # noqa: ANN401
        """Raise `InvalidValueError` at the field (or the item's place) for a wrong value."""
        types = self.types
        if not self.each:
            if not isinstance(value, types) or (isinstance(value, bool) and bool not in types):
                raise InvalidValueError(attribute.name, value, f"must be {self.expected}")
            return
        for index, item in enumerate(value):
            if not isinstance(item, types) or (isinstance(item, bool) and bool not in types):
                raise InvalidValueError(
                    f"{attribute.name}[{index}]", item, f"must be {self.expected}"
                )


def instance_of(*types: type, expected: str) -> Validator:
    """
    Return a validator that the value is an instance of one of *types*.

    Anything else raises `InvalidValueError` at the field, saying ``must be <expected>``:
    a constructor never lets a bare `TypeError` out.  `bool` is refused where it is not
    named, although it is an `int`.

    >>> import attrs
    >>> @attrs.frozen
    ... class Cap:
    ...     places: int = attrs.field(validator=instance_of(int, expected="a whole number"))
    >>> Cap("2")
    Traceback (most recent call last):
    penilaian.exceptions.InvalidValueError: places: must be a whole number (got '2')
    """
    return TypeCheck(types, expected, each=False)


def one_of(choices: Iterable[object]) -> Validator:
    """
    Return a validator that the value is one of *choices* (compared with ``==``).

    Anything else raises `InvalidValueError` at the field, listing the choices.

    >>> import attrs
    >>> @attrs.frozen
    ... class Mode:
    ...     mode: str = attrs.field(validator=one_of(["up", "even"]))
    >>> Mode("x")
    Traceback (most recent call last):
    penilaian.exceptions.InvalidValueError: mode: must be one of 'up', 'even' (got 'x')
    """
    allowed = tuple(choices)
    listed = ", ".join(repr(choice) for choice in allowed)

    def check(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not any(value == choice and type(value) is type(choice) for choice in allowed):
            raise InvalidValueError(attribute.name, value, f"must be one of {listed}")

    return check


def callable_value(expected: str) -> Validator:
    """
    Return a validator that the value can be called (a rule, an aggregator, a function).

    Anything else raises `InvalidValueError` at the field, saying ``must be <expected>``.
    """

    def check(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not callable(value):
            raise InvalidValueError(attribute.name, value, f"must be {expected}")

    return check


def items_of(*types: type, expected: str) -> Validator:
    """
    Return a validator that every item of a tuple is an instance of one of *types*.

    A wrong item raises `InvalidValueError` at its place, ``<field>[<index>]``, saying
    ``must be <expected>``; `bool` is refused where it is not named, as in `instance_of`.
    Pair it with the `TUPLE` converter, which refuses text (a string is not split into
    characters), mappings and non-iterables.

    >>> import attrs
    >>> @attrs.frozen
    ... class Notes:
    ...     texts: tuple[str, ...] = attrs.field(
    ...         converter=TUPLE, validator=items_of(str, expected="text")
    ...     )
    >>> Notes(["a", 2])
    Traceback (most recent call last):
    penilaian.exceptions.InvalidValueError: texts[1]: must be text (got 2)
    """
    return TypeCheck(types, expected, each=True)
