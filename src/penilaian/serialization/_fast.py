"""
The quick way through a right document: structuring with no error bookkeeping.

cattrs' own code for a class wraps every field in its own ``try``, notes where each
error arose and only then builds the object; `penilaian.serialization.structure` needs
that to list every problem of a wrong document with its path.  Most documents are
right, so it first tries the quick way: `quick_structure_fn` writes, for each attrs
class, one plain function that reads the fields, checks a text or a true/false value
in line (as the strict hooks do), reads an enumeration's id in line, hands a number
straight to the class's own converter (which converts it once, where the careful way's
hook and the converter convert it twice; a text of plain digits becomes its `Decimal`
in line, as `to_decimal` makes it), reads an optional or an array of another type
through that type's hook, calls the hook of every other field's type, and builds the
object.  It raises on anything unusual (a key it does not know, told by counting the
keys it knows, a missing field, a value of another JSON type), and then the careful way
runs from the start and reports every problem.

It builds the object as the class's own ``__init__`` does, without calling it, when that
is provably the same (`_builds_alike`: a frozen slotted attrs class, with no
``__dict__`` from a base, whose ``__init__`` attrs wrote, with no
``__attrs_pre_init__``, no own ``__new__``, no cached hash and every field in
``__init__``): each field converted and written in order, as a plain write to an
instance of the class's writable twin (`_base.slots.writable_twin`: the same slots
``object.__setattr__`` writes), which then becomes an instance of the class; then every
validator, then ``__attrs_post_init__``.  A validator with a plain case (`_plain`: one
of `_base.checks`, a type check, or one marked with `_base.checks.plain_case`) is
replaced by its test in line, which implies the validator passes; a value that fails the
test steps aside.  A marked converter is skipped where its test holds (it would return
the value itself), and a marked ``__attrs_post_init__`` is called only where its test
fails (where it holds, the hook would do nothing).  Every other validator runs as
``__init__`` runs it.  Any other class is built by calling it.

The quick way therefore never accepts what the careful way refuses, and builds the
same object from the same data (``tests/serialization/test_quick_structure.py`` holds
the two equal on random right and wrong documents, and checks each in-line test and
each marked function).
"""

from __future__ import annotations

import threading
import typing
from datetime import date
from decimal import Decimal
from types import NoneType, UnionType
from typing import TYPE_CHECKING, Any, Union, get_args, get_origin

import attrs
from attr import _config

from penilaian._base.checks import TUPLE, TypeCheck
from penilaian._base.labels import LabelledEnum
from penilaian._base.numbers import DECIMAL, OPTIONAL_DECIMAL
from penilaian._base.slots import writable_twin
from penilaian.serialization._hooks import structure_date, structure_labelled
from penilaian.serialization._plain import DIGITS, TEST_NAMES, marked, test_of

if TYPE_CHECKING:
    from collections.abc import Callable

    import cattrs

__all__ = ["Unusual", "quick_structure_fn", "register_quick"]

# Converters that take raw JSON data exactly as the cattrs hook of their field's type
# and then the converter would: the hook's work done twice is done once.
_RAW_CONVERTERS: tuple[object, ...] = (DECIMAL, OPTIONAL_DECIMAL)


class Unusual(Exception):  # noqa: N818 - not an error: the quick way steps aside
    """The data is not the plain case; the careful way decides."""


def _kind(type_: Any) -> tuple[str, Any]:  # noqa: ANN401, PLR0911 - one return per kind
    """How the quick function reads a field of *type_*, and the type whose hook it calls."""
    if type_ in {str, bool}:
        return type_.__name__, None
    if type_ is date:
        return "date", date
    if isinstance(type_, type) and issubclass(type_, LabelledEnum):
        return "labelled", type_
    origin, args = get_origin(type_), get_args(type_)
    if origin in {Union, UnionType} and len(args) == 2 and NoneType in args:
        inner = args[0] if args[1] is NoneType else args[1]
        if inner is date:
            return "optional date", date
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
        "if type(v) is not list or not STR.issuperset(map(type, v)): raise Unusual\nv = tuple(v)"
    ),
    "optional": "if v is not None: v = {h}(v, {t})",
    # A date's text, read as its hook reads it (`_hooks.structure_date`).
    "date": "v = fromisoformat(v) if type(v) is str else {h}(v, {t})",
    "optional date": "if v is not None: v = fromisoformat(v) if type(v) is str else {h}(v, {t})",
    "array": "if type(v) is not list: raise Unusual\nv = tuple([{h}(e, {t}) for e in v])",
    # An enumeration's id, as its hook finds it first (`LabelledEnum.parse`).
    "labelled": "v = {t}._value2member_map_.get(v, v) if type(v) is str else v\n"
    "if type(v) is not {t}: v = {h}(v, {t})",
    "hook": "v = {h}(v, {t})",
}
# The hooks that the in-line kinds stand for: anything else registered is called.
_STANDS_FOR = {
    "optional str": "structure_optional",
    "optional date": "structure_optional",
    "optional": "structure_optional",
    "texts": "structure_array",
    "array": "structure_array",
}

# The reads that a plain test beginning so makes needless.
_IMPLIES = {"str": "type(v) is str and ", "optional str": "v is None or (type(v) is str and "}


def _builds_alike(cls: type) -> bool:
    """Tell whether setting the fields as attrs' ``__init__`` does is provably the same."""
    inspect: Any = getattr(attrs, "inspect", None)  # attrs 25.4 and later tell how they built
    if inspect is None or "__attrs_attrs__" not in cls.__dict__:
        return False
    props = inspect(cls)
    code = getattr(cls.__dict__.get("__init__"), "__code__", None)
    return (
        props.is_slotted
        and props.is_frozen
        and props.added_init
        and props.hashability is not type(props.hashability).HASHABLE_CACHED
        and code is not None
        and code.co_filename.startswith("<attrs generated")
        and typing.cast("object", cls.__new__) is object.__new__
        and not cls.__dictoffset__  # no `__dict__` from a base: `writable_twin` needs slots
        and not hasattr(cls, "__attrs_pre_init__")
        and all(field.init for field in attrs.fields(cls))
    )


def quick_structure_fn(
    cls: type, converter: cattrs.Converter, tag: str | None = None
) -> Callable[[Any, Any], Any]:
    """
    Write the quick structuring function of the attrs class *cls*.

    With *tag*, the data may also carry ``"kind": tag`` (a member of a tagged union,
    `_hooks.register_tagged_union`), read without a copy.  The hooks of the fields'
    types are looked up now (which writes the quick functions of the classes inside),
    one thread at a time; a class met again inside itself looks its hooks up on its
    first call instead.
    """
    with _WRITING:
        if cls in _BUILDING:  # a class inside itself: written on its first call
            made: list[Callable[[Any, Any], Any]] = []

            def structure_on_first_use(value: Any, type_: Any) -> Any:  # noqa: ANN401
                if not made:
                    made.append(quick_structure_fn(cls, converter, tag))
                return made[0](value, type_)

            return structure_on_first_use
        _BUILDING.add(cls)
        try:
            return _written(cls, converter, tag)
        finally:
            _BUILDING.discard(cls)


_WRITING = threading.RLock()  # one thread writes quick functions at a time
_BUILDING: set[type] = set()  # classes whose quick function this thread is writing


def _read(field: attrs.Attribute[Any], type_: Any, converter: Any) -> tuple[str, Any]:  # noqa: ANN401
    """How the quick function reads *field* into ``v``, and the type whose hook it calls."""
    kind, of = ("raw", None) if field.converter in _RAW_CONVERTERS else _kind(type_)
    hook = converter.get_structure_hook(type_) if kind in _STANDS_FOR else None
    if hook is not None and hook.__name__ != _STANDS_FOR[kind]:
        kind, of = "hook", type_  # a hook of its own: called as it is
    # An enumeration or a date read in line only where its hook is the one that stands for.
    if kind == "labelled" and converter.get_structure_hook(of) is not structure_labelled:
        kind = "hook"
    if kind in {"date", "optional date"} and converter.get_structure_hook(of) is not structure_date:
        kind = "hook" if kind == "date" else "optional"
    return kind, of


def _written(cls: type, converter: cattrs.Converter, tag: str | None) -> Callable[[Any, Any], Any]:
    hints = typing.get_type_hints(cls)
    alike = _builds_alike(cls)
    fields = [field for field in attrs.fields(cls) if field.init]
    keys = {f.name for f in fields}
    tagged = tag is not None and "kind" not in keys  # else "kind" is a field, and no tag
    names: dict[str, Any] = {
        "Unusual": Unusual,
        "cls": cls,
        "tag": tag,
        **TEST_NAMES,
        "fromisoformat": date.fromisoformat,
        "_config": _config,
        "new": object.__new__,
    }
    # ``n`` counts the keys it knows that *o* holds: every other key makes ``len(o)`` larger.
    body = [
        "def structure_quickly(o, _):",
        "    if type(o) is not dict: raise Unusual",
        f"    n = {len(keys) + tagged}",
    ]
    if tagged:  # the tag is its own, or absent: as `_hooks._untagging` takes it
        body += [
            "    if 'kind' in o:",
            "        if o['kind'] != tag: raise Unusual",
            "    else:",
            "        n -= 1",
        ]
    if alike:  # validators switched off: cls(**k) skips them, the careful way does it
        names["twin"] = writable_twin(cls)  # filled by plain writes: see `_base.slots`
        body += [
            "    if _config._run_validators is not True: raise Unusual",
            "    self = new(twin)",
        ]
    else:
        body.append("    k = {}")
    later: list[str] = []  # the validators run after every field is set, in order
    for index, field in enumerate(fields):
        kind, of = _read(field, hints[field.name], converter)
        if of is not None:
            names[f"t{index}"], names[f"h{index}"] = of, converter.get_structure_hook(of)
        if alike:
            body.extend(_set(index, field, kind, names, later))
        else:
            body.extend(_passed(index, field, kind))
    body.append("    if len(o) != n: raise Unusual")  # a key it does not know
    if alike:
        body.append("    self.__class__ = cls")  # frozen from here on, as built by __init__
        body.extend(later)
        if hasattr(cls, "__attrs_post_init__"):  # in its plain case, it would do nothing
            test = marked(cls.__attrs_post_init__, names)
            call = "self.__attrs_post_init__()"
            body.append(f"    if not ({test}): {call}" if test else f"    {call}")
        body.append("    return self\n")
    else:
        body.append("    return cls(**k)\n")
    code = compile("\n".join(body), f"<penilaian quick structure {cls.__qualname__}>", "exec")
    exec(code, names)  # noqa: S102 - our own text, from the class's fields
    function: Callable[[Any, Any], Any] = names["structure_quickly"]
    return function


def _reads(index: int, field: attrs.Attribute[Any], kind: str) -> list[str]:
    reads = _READS[kind].format(h=f"h{index}", t=f"t{index}")
    return [f"v = o[{field.name!r}]", *reads.splitlines()]


def _passed(index: int, field: attrs.Attribute[Any], kind: str) -> list[str]:
    """The lines that read *field* and pass it to the class's ``__init__``, if given."""
    lines = [*_reads(index, field, kind), f"k[{field.alias!r}] = v"]
    if field.default is attrs.NOTHING:
        return ["    " + line for line in lines]
    given = [f"    if {field.name!r} in o:", *("        " + line for line in lines)]
    return [*given, "    else:", "        n -= 1"]


def _set(
    index: int, field: attrs.Attribute[Any], kind: str, names: dict[str, Any], later: list[str]
) -> list[str]:
    """The lines that read, convert, set and check *field* as ``__init__`` would."""
    parts = _parts(field.validator)
    tests = [test_of(part, f"y{index}_{number}", names) for number, part in enumerate(parts)]
    implied = _IMPLIES.get(kind, "-")
    if field.converter is None and any(test and test.startswith(implied) for test in tests):
        kind = "raw"  # a plain test checks the JSON type too
    names[f"f{index}"] = field
    checks = []
    for number, (part, test) in enumerate(zip(parts, tests, strict=True)):
        name = f"{index}_{number}"
        if isinstance(part, TypeCheck):
            names[f"y{name}"] = frozenset(part.types)
        if test is None:  # run after every field is set, in order, as __init__ runs it
            names[f"x{name}"] = part
            later.append(f"    x{name}(self, f{index}, self.{field.name})")
        else:
            checks.append(f"if not ({test}): raise Unusual")
    reads = _reads(index, field, kind)
    if field.default is attrs.NOTHING:
        lines = ["    " + line for line in reads]
    elif _passes(field, checks, names):  # the default passes: only a given value is tested
        lines = [f"    if {field.name!r} in o:", *("        " + line for line in reads + checks)]
        lines += ["    else:", "        n -= 1", "        " + _default(index, field, names)]
        checks = []
    else:
        lines = [f"    if {field.name!r} in o:", *("        " + line for line in reads)]
        lines += ["    else:", "        n -= 1", "        " + _default(index, field, names)]
    lines += ["    " + line for line in _converted(index, field, names)]
    lines.append(f"    self.{field.name} = v")  # the slot ``object.__setattr__`` would write
    return lines + ["    " + line for line in checks]


def _passes(field: attrs.Attribute[Any], checks: list[str], names: dict[str, Any]) -> bool:
    """Tell whether the default of *field* (unconverted: None, a bool, text) passes *checks*."""
    default = field.default
    if field.converter is not None or not (default is None or type(default) in {bool, str}):
        return False
    try:
        exec("\n".join(checks), dict(names), {"v": default})  # noqa: S102 - our own tests
    except Unusual:
        return False
    return True


# The class of `attrs.validators.and_`: its validators run one after another.
_AND: type[Any] = type(attrs.validators.and_())


def _parts(validator: object) -> tuple[Any, ...]:
    """The validators that *validator* runs, in order: itself, or those it joins."""
    if validator is None:
        return ()
    if type(validator) is _AND:
        return tuple(validator._validators)  # type: ignore[attr-defined]  # noqa: SLF001 - attrs' own and_
    return (validator,)


def _default(index: int, field: attrs.Attribute[Any], names: dict[str, Any]) -> str:
    """The line that puts the default of *field* in ``v``, as attrs' ``__init__`` does."""
    default: Any = field.default
    if isinstance(default, attrs.Factory):  # type: ignore[arg-type]  # a class at run time
        names[f"d{index}"] = default.factory
        return f"v = d{index}(self)" if default.takes_self else f"v = d{index}()"
    names[f"d{index}"] = default
    return f"v = d{index}"


def _converted(index: int, field: attrs.Attribute[Any], names: dict[str, Any]) -> list[str]:
    """The lines that convert ``v`` with the converter of *field*, as ``__init__`` does."""
    converter: Any = field.converter
    if converter is None:
        return []
    if not isinstance(converter, attrs.Converter):
        names[f"c{index}"] = converter
        test = marked(converter, names)  # where it holds, v is converted to itself
        return [f"if not ({test}): v = c{index}(v)" if test else f"v = c{index}(v)"]
    wrapped: Any = converter  # attrs' stubs do not show a Converter's parts
    names[f"c{index}"], names[f"f{index}"] = wrapped.converter, field
    arguments = ["v"]
    if wrapped.takes_self:
        arguments.append("self")
    if wrapped.takes_field:
        arguments.append(f"f{index}")
    call = f"v = c{index}({', '.join(arguments)})"
    if converter in _RAW_CONVERTERS:  # plain digits: the Decimal that `to_decimal` makes
        names["Decimal"] = Decimal
        skip = "elif v is not None" if converter is OPTIONAL_DECIMAL else "else"
        return [f"if {DIGITS}: v = Decimal(v)", f"{skip}: {call}"]
    # A tuple is what TUPLE returns it as, unchanged (`_base.checks.as_tuple`).
    return [f"if type(v) is not tuple: {call}"] if converter is TUPLE else [call]


def register_quick(converter: cattrs.Converter) -> None:
    """Structure every attrs class that has no hook of its own the quick way on *converter*."""
    converter.register_structure_hook_factory(
        attrs.has, lambda cls: quick_structure_fn(cls, converter)
    )
