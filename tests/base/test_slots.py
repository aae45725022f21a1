"""`_base.slots`: the setter ``object.__setattr__`` reaches for a slotted class's field."""

from __future__ import annotations

import pickle

import attrs
import pytest

from penilaian._base.slots import own_slot_setter, slot_setter, slot_setters


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


def test_the_setters_build_what_init_builds() -> None:
    set_left, set_right = slot_setters(Pair, ("left", "right"))
    pair = object.__new__(Pair)
    set_left(pair, 3)
    set_right(pair, "x")
    assert pair == Pair(3, "x")
    assert hash(pair) == hash(Pair(3, "x"))
    assert repr(pair) == repr(Pair(3, "x"))
    assert pickle.loads(pickle.dumps(pair)) == Pair(3, "x")  # noqa: S301 - our own bytes


def test_an_inherited_field_is_found_along_the_mro() -> None:
    setters = slot_setters(Child, ("left", "right", "extra"))
    child = object.__new__(Child)
    for setter, value in zip(setters, (1, "y", 2), strict=True):
        setter(child, value)
    assert child == Child(1, "y", 2)


def test_a_field_without_a_slot_has_no_setter() -> None:
    assert slot_setter(Loose, "value") is None
    assert slot_setter(Pair, "absent") is None
    with pytest.raises(RuntimeError, match="must be a slot"):
        slot_setters(Loose, ("value",))
    with pytest.raises(RuntimeError, match="absent of Pair must be a slot"):
        own_slot_setter(Pair, "absent")


@pytest.mark.parametrize("names", [("right", "left"), ("left",), ("left", "right", "more")])
def test_the_names_must_be_every_field_in_order(names: tuple[str, ...]) -> None:
    with pytest.raises(RuntimeError, match="has the fields"):
        slot_setters(Pair, names)
