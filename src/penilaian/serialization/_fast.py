"""
The quick way through a right document: structuring with no error bookkeeping.

cattrs' own code for a class wraps every field in its own ``try``, notes where each
error arose and only then builds the object; `penilaian.serialization.structure` needs
that to list every problem of a wrong document with its path.  Most documents are
right, so it first tries the quick way: `quick_structure_fn` writes, for each attrs
class, one plain function that reads the fields, checks a text or a true/false value
in line (as the strict hooks do), hands a number straight to the class's own
converter (which converts it once, where the careful way's hook and the converter
convert it twice), reads an optional or an array of another type through that type's
hook, calls the hook of every other field's type, and builds the object with all its
validators.  It raises on anything unusual (a key it does not know, a missing field, a
value of another JSON type), and then the careful way runs from the start and reports
every problem.  The quick way therefore never accepts what the careful way refuses, and
builds the same object from the same data
(``tests/serialization/test_quick_structure.py`` holds the two equal on random right
and wrong documents).
"""

from __future__ import annotations

import threading
import typing
from types import NoneType, UnionType
from typing import TYPE_CHECKING, Any, Union, get_args, get_origin

import attrs

from penilaian._base.numbers import DECIMAL, OPTIONAL_DECIMAL

if TYPE_CHECKING:
    from collections.abc import Callable

    import cattrs

__all__ = ["Unusual", "quick_structure_fn", "register_quick"]

# Converters that take raw JSON data exactly as the cattrs hook of their field's type
# and then the converter would: the hook's work done twice is done once.
_RAW_CONVERTERS = (DECIMAL, OPTIONAL_DECIMAL)


class Unusual(Exception):  # noqa: N818 - not an error: the quick way steps aside
    """The data is not the plain case; the careful way decides."""


def _kind(type_: Any) -> tuple[str, Any]:  # noqa: ANN401
    """How the quick function reads a field of *type_*, and the type whose hook it calls."""
    if type_ in {str, bool}:
        return type_.__name__, None
    origin, args = get_origin(type_), get_args(type_)
    if origin in {Union, UnionType} and len(args) == 2 and NoneType in args:
        inner = args[0] if args[1] is NoneType else args[1]
        return ("optional str", None) if inner is str else ("optional", inner)
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        return ("texts", None) if args[0] is str else ("array", args[0])
    return "hook", type_


# What each kind of field does with its value ``v`` ({h}, {t}: its hook and its type).
_READS = {
    "raw": "",
    "str": "if type(v) is not str: raise Unusual",
    "bool": "if type(v) is not bool: raise Unusual",
    "optional str": "if v is not None and type(v) is not str: raise Unusual",
    "texts": (
        "if type(v) is not list or not all(type(e) is str for e in v): raise Unusual\nv = tuple(v)"
    ),
    "optional": "if v is not None: v = {h}(v, {t})",
    "array": "if type(v) is not list: raise Unusual\nv = tuple([{h}(e, {t}) for e in v])",
    "hook": "v = {h}(v, {t})",
}
# The hooks that the in-line kinds stand for: anything else registered is called.
_STANDS_FOR = {
    "optional str": "structure_optional",
    "optional": "structure_optional",
    "texts": "structure_array",
    "array": "structure_array",
}


def quick_structure_fn(cls: type, converter: cattrs.Converter) -> Callable[[Any, Any], Any]:
    """
    Write the quick structuring function of the attrs class *cls*.

    The hooks of the fields' types are looked up now (which writes the quick functions
    of the classes inside), one thread at a time; a class met again inside itself
    looks its hooks up on its first call instead.
    """
    with _WRITING:
        if cls in _BUILDING:  # a class inside itself: written on its first call
            made: list[Callable[[Any, Any], Any]] = []

            def structure_on_first_use(value: Any, type_: Any) -> Any:  # noqa: ANN401
                if not made:
                    made.append(quick_structure_fn(cls, converter))
                return made[0](value, type_)

            return structure_on_first_use
        _BUILDING.add(cls)
        try:
            return _written(cls, converter)
        finally:
            _BUILDING.discard(cls)


_WRITING = threading.RLock()  # one thread writes quick functions at a time
_BUILDING: set[type] = set()  # classes whose quick function this thread is writing


def _written(cls: type, converter: cattrs.Converter) -> Callable[[Any, Any], Any]:
    hints = typing.get_type_hints(cls)
    fields = [field for field in attrs.fields(cls) if field.init]
    names: dict[str, Any] = {"Unusual": Unusual, "cls": cls, "keys": {f.name for f in fields}}
    body = [
        "def structure_quickly(o, _):",
        "    if type(o) is not dict or not o.keys() <= keys: raise Unusual",
        "    k = {}",
    ]
    for index, field in enumerate(fields):
        type_ = hints[field.name]
        kind, of = ("raw", None) if field.converter in _RAW_CONVERTERS else _kind(type_)
        hook = converter.get_structure_hook(type_) if kind in _STANDS_FOR else None
        if hook is not None and hook.__name__ != _STANDS_FOR[kind]:
            kind, of = "hook", type_  # a hook of its own: called as it is
        if of is not None:
            names[f"t{index}"], names[f"h{index}"] = of, converter.get_structure_hook(of)
        indent = "    "
        if field.default is attrs.NOTHING:
            body.append(f"    v = o[{field.name!r}]")
        else:
            body.append(f"    if {field.name!r} in o:\n        v = o[{field.name!r}]")
            indent = "        "
        reads = _READS[kind].format(h=f"h{index}", t=f"t{index}")
        body.extend(indent + line for line in [*reads.splitlines(), f"k[{field.alias!r}] = v"])
    body.append("    return cls(**k)\n")
    code = compile("\n".join(body), f"<penilaian quick structure {cls.__qualname__}>", "exec")
    exec(code, names)  # noqa: S102 - our own text, from the class's fields
    function: Callable[[Any, Any], Any] = names["structure_quickly"]
    return function


def register_quick(converter: cattrs.Converter) -> None:
    """Structure every attrs class that has no hook of its own the quick way on *converter*."""
    converter.register_structure_hook_factory(
        attrs.has, lambda cls: quick_structure_fn(cls, converter)
    )
