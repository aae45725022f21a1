"""
A frozen slotted class's writable twin: build an instance by plain writes, then freeze it.

A frozen attrs class refuses ``setattr``, so its ``__init__`` writes each field with
``object.__setattr__``, which looks the name up along the class's MRO and calls the slot's
member descriptor.  Code that builds many instances of such a class without their
``__init__`` (the loader's quick way, `penilaian.serialization._fast`; a scored
`penilaian.Result`; the weighting kernel's `Aggregate`; a deferred trace step) makes an
instance of the class's *writable twin* instead: a subclass that adds no slot and lets
writes and deletes through (`object`'s own ``__setattr__`` and ``__delattr__``, which
keep CPython's fast path for writes).  It writes the fields as plain attributes, which
reach the same slots, then assigns the object's ``__class__``: the class itself, with
the same layout, frozen as any other instance.  A plain write costs about half a call
of the slot's setter.
"""

from __future__ import annotations

import functools

__all__ = ["writable_twin"]


@functools.cache
def writable_twin(cls: type) -> type:
    """
    The writable twin of the slotted class *cls*, made once.

    Fill an instance of the twin (``object.__new__(twin)``) by plain writes of every
    field, then set its ``__class__`` to *cls*.  A name that is not a slot of *cls*
    cannot be written (the twin has no ``__dict__``).

    Raises:
        RuntimeError: if *cls*'s instances have a ``__dict__`` (at import: a trusted
            constructor needs a slotted class).
    """
    if cls.__dictoffset__:  # instances with a __dict__
        raise RuntimeError(f"{cls.__name__} must be a slotted class")
    namespace = {
        "__slots__": (),
        "__setattr__": object.__setattr__,
        "__delattr__": object.__delattr__,
        "__module__": cls.__module__,
        "__qualname__": f"{cls.__qualname__}.writable_twin",
        "__doc__": f"{cls.__name__} filled by plain writes (`penilaian._base.slots`).",
    }
    return type(f"{cls.__name__}WritableTwin", (cls,), namespace)
