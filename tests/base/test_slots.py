"""`_base.slots`: a frozen slotted class's writable twin, filled by plain writes, then frozen."""

from __future__ import annotations

import pickle
from typing import Any

import attrs
import pytest

from penilaian._base.slots import writable_twin


@attrs.frozen
class Pair:
    left: int
    right: str = "r"


@attrs.frozen
class Child(Pair):
    extra: int = 0


@attrs.frozen(slots=False)
class Loose:
    value: int


def built(cls: type, **fields: object) -> Any:
    """An instance of *cls* filled through its writable twin, then given *cls* as its class."""
    value: Any = object.__new__(writable_twin(cls))
    for name, field in fields.items():
        setattr(value, name, field)
    value.__class__ = cls
    return value


def test_the_twin_builds_what_init_builds() -> None:
    pair = built(Pair, left=3, right="x")
    assert type(pair) is Pair
    assert pair == Pair(3, "x")
    assert hash(pair) == hash(Pair(3, "x"))
    assert repr(pair) == repr(Pair(3, "x"))
    assert pickle.loads(pickle.dumps(pair)) == Pair(3, "x")  # noqa: S301 - our own bytes


def test_what_it_builds_is_frozen() -> None:
    pair = built(Pair, left=3, right="x")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        pair.left = 4
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        del pair.left
    assert pair.left == 3


def test_an_inherited_field_is_written_along_the_mro() -> None:
    assert built(Child, left=1, right="y", extra=2) == Child(1, "y", 2)


def test_the_twin_is_made_once_and_adds_no_slot() -> None:
    twin = writable_twin(Pair)
    assert writable_twin(Pair) is twin
    assert issubclass(twin, Pair)
    assert twin.__slots__ == ()  # type: ignore[attr-defined]  # the twin's own, empty
    assert twin.__basicsize__ == Pair.__basicsize__


def test_a_name_that_is_no_slot_cannot_be_written() -> None:
    value: Any = object.__new__(writable_twin(Pair))
    with pytest.raises(AttributeError):
        value.absent = 1


def test_a_class_with_a_dict_has_no_twin() -> None:
    with pytest.raises(RuntimeError, match="Loose must be a slotted class"):
        writable_twin(Loose)
