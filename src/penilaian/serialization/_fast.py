"""
The quick way through a right document: structuring with no error bookkeeping.

cattrs' own code for a class wraps every field in its own ``try``, notes where each
error arose and only then builds the object; `penilaian.serialization.structure` needs
that to list every problem of a wrong document with its path.  Most documents are
right, so it first tries the quick way: `quick_structure_fn` writes, for each attrs
class, one plain function that reads the fields, checks a text or a true/false value
in line (as the strict hooks do), hands a number straight to the class's own
converter (which converts it once, as `penilaian._base.numbers.to_decimal` would
twice), calls the hook of every other field's type, and builds the object with all its
validators.  It raises on anything unusual (a key it does not know, a missing field, a
value of another JSON type), and then the careful way runs from the start and reports
every problem.  The quick way therefore never accepts what the careful way refuses,
and builds the same object from the same data (`tests/serialization/test_quick.py`
holds the two equal on random right and wrong documents).
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


def _kind(type_: Any) -> str:  # noqa: ANN401
    """How the quick function reads a field of *type_*: in line, or through its hook."""
    if type_ is str:
        return "str"
    if type_ is bool:
        return "bool"
    args = get_args(type_)
    if get_origin(type_) in {Union, UnionType} and args in {(str, NoneType), (NoneType, str)}:
        return "optional str"
    return "hook"


_CHECKS = {
    "str": "    if type(v) is not str: raise Unusual\n",
    "bool": "    if type(v) is not bool: raise Unusual\n",
    "optional str": "    if v is not None and type(v) is not str: raise Unusual\n",
}


def quick_structure_fn(cls: type, converter: cattrs.Converter) -> Callable[[Any, Any], Any]:
    """
    Write the quick structuring function of the attrs class *cls*.

    The hooks of the fields' types are looked up now (which writes the quick functions
    of the classes inside), one thread at a time; a class met again inside itself
    looks its hooks up on its first call instead.
    """
    hints = typing.get_type_hints(cls)
    fields = [field for field in attrs.fields(cls) if field.init]
    keys = frozenset(field.name for field in fields)
    names: dict[str, Any] = {"Unusual": Unusual, "cls": cls, "keys": keys}
    body = ["def structure_quickly(o, _):\n"]
    body.append("    if type(o) is not dict or not o.keys() <= keys: raise Unusual\n")
    body.append("    k = {}\n")
    hooked: list[tuple[str, Any]] = []
    for index, field in enumerate(fields):
        name, alias = field.name, field.alias
        required = field.default is attrs.NOTHING
        indent = "" if required else "    "
        read = f"    v = o[{name!r}]\n"
        if not required:
            read = f"    if {name!r} in o:\n    {read}"
        kind = "raw" if field.converter in _RAW_CONVERTERS else _kind(hints[name])
        lines = [read]
        if kind in _CHECKS:
            lines.append(indent + _CHECKS[kind])
        elif kind == "hook":
            names[f"t{index}"] = hints[name]
            hooked.append((f"h{index}", hints[name]))
            lines.append(f"{indent}    v = h{index}(v, t{index})\n")
        lines.append(f"{indent}    k[{alias!r}] = v\n")
        body.extend(lines)
    body.append("    return cls(**k)\n")
    source = "".join(body)
    with _WRITING:
        if cls in _BUILDING:  # a class inside itself: its hooks are looked up on first use
            return _on_first_use(source, names, hooked, converter, cls)
        _BUILDING.add(cls)
        try:
            return _written(source, names, hooked, converter, cls)
        finally:
            _BUILDING.discard(cls)


_WRITING = threading.RLock()  # one thread writes quick functions at a time
_BUILDING: set[type] = set()  # classes whose quick function this thread is writing


def _written(
    source: str,
    names: dict[str, Any],
    hooked: list[tuple[str, Any]],
    converter: cattrs.Converter,
    cls: type,
) -> Callable[[Any, Any], Any]:
    names.update((hook, converter.get_structure_hook(of)) for hook, of in hooked)
    code = compile(source, f"<penilaian quick structure {cls.__qualname__}>", "exec")
    exec(code, names)  # noqa: S102 - our own text, from the class's fields
    function: Callable[[Any, Any], Any] = names["structure_quickly"]
    return function


def _on_first_use(
    source: str,
    names: dict[str, Any],
    hooked: list[tuple[str, Any]],
    converter: cattrs.Converter,
    cls: type,
) -> Callable[[Any, Any], Any]:
    made: list[Callable[[Any, Any], Any]] = []

    def structure_on_first_use(value: Any, type_: Any) -> Any:  # noqa: ANN401
        if not made:
            made.append(_written(source, dict(names), hooked, converter, cls))
        return made[0](value, type_)

    return structure_on_first_use


def register_quick(converter: cattrs.Converter) -> None:
    """Structure every attrs class that has no hook of its own the quick way on *converter*."""
    converter.register_structure_hook_factory(
        attrs.has, lambda cls: quick_structure_fn(cls, converter)
    )
