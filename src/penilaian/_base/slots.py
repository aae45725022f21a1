"""
The setter of a slotted class's field: what ``object.__setattr__`` reaches, without the lookup.

A frozen attrs class refuses ``setattr``, so its ``__init__`` writes each field with
``object.__setattr__``, which looks the name up along the class's MRO and calls the data
descriptor it finds: for a slotted class, the slot's member descriptor.  Calling that
descriptor's ``__set__`` does the same write.  The weighting policy's trusted constructor
(``trusted_aggregate``), `penilaian._base.trace.deferred_step` and the quick way of
loading (`penilaian.serialization._fast`) write fields this way.
"""

from __future__ import annotations

from collections.abc import Callable
from types import MemberDescriptorType

import attrs

__all__ = ["Setter", "own_slot_setter", "slot_setter", "slot_setters"]

Setter = Callable[[object, object], None]
"""Write one field of an object: ``setter(obj, value)``."""


def slot_setter(cls: type, name: str) -> Setter | None:
    """The slot setter of field *name* of *cls*; `None` if ``object.__setattr__`` finds no slot."""
    for klass in cls.__mro__:
        if name in vars(klass):
            found = vars(klass)[name]
            return found.__set__ if type(found) is MemberDescriptorType else None
    return None


def own_slot_setter(cls: type, name: str) -> Setter:
    """
    `slot_setter` of a field that must be a slot.

    Raises:
        RuntimeError: if it is not (at import: a class's own trusted constructor).
    """
    setter = slot_setter(cls, name)
    if setter is None:
        raise RuntimeError(f"the field {name} of {cls.__name__} must be a slot")
    return setter


def slot_setters(cls: type, names: tuple[str, ...]) -> tuple[Setter, ...]:
    """
    The slot setters of *names*, which must be every field of the attrs class *cls*, in order.

    Raises:
        RuntimeError: if *names* are not *cls*'s fields, in order, or one is not a slot
            (at import: a trusted constructor must write every field, as ``__init__`` does).
    """
    fields = tuple(field.name for field in attrs.fields(cls))
    if fields != names:
        raise RuntimeError(f"{cls.__name__} has the fields {fields}, not {names}")
    return tuple(own_slot_setter(cls, name) for name in names)
