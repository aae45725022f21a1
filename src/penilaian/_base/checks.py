"""Validators shared by the domain types: non-empty text, unique ids, whole numbers."""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Iterator, Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

import attrs

from penilaian.exceptions import (
    DuplicateIdError,
    InvalidNumberError,
    InvalidValueError,
    UnknownReferenceError,
)

__all__ = [
    "TUPLE",
    "HasId",
    "as_tuple",
    "at_least_one",
    "find_by_id",
    "is_date",
    "is_text",
    "non_empty",
    "optional_at_least_one",
    "optional_date",
    "optional_non_empty",
    "optional_whole_number",
    "repeated_indexes",
    "unique_ids",
    "whole_number",
]


class HasId(Protocol):
    """Anything with a string ``id``."""

    @property
    def id(self) -> str:
        """The item's id."""
        ...


def is_text(value: object) -> bool:
    """Tell whether *value* is a string with something other than spaces."""
    return isinstance(value, str) and bool(value.strip())


def non_empty(_instance: object, attribute: attrs.Attribute[str], value: object) -> None:
    """Validate a string with something other than spaces."""
    if not is_text(value):
        raise InvalidValueError(attribute.name, value, "must be a non-empty string")


def optional_non_empty(
    _instance: object, attribute: attrs.Attribute[str | None], value: object
) -> None:
    """Validate `None`, or a string with something other than spaces."""
    if value is not None:
        non_empty(_instance, attribute, value)  # type: ignore[arg-type]


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
