"""
JSON in and out, strictly: the one place where `cattrs` is used.

Every public value type structures from and unstructures to plain JSON data:
decimals travel as strings (``"12.50"``), dates as ISO 8601, enumerations as their
English ids (labels and aliases are accepted on the way in), a NIP as its 18
digits, targets and scales as objects tagged with ``"kind"``, a built-in
behaviour framework as its id, a `penilaian.WeightingPolicy` in its policy-file form
(`penilaian.serialization.policy`), a development catalogue as ``{"actions": [...]}``
and a trace step's inputs as an object of names to exact texts, in order (the pairs of
earlier versions are still read).
Unknown keys are rejected, and a document with several problems reports all of them
(the first `penilaian.exceptions.InvalidInputError.MAX_PROBLEMS` listed, the rest
counted), each with its JSON path.  JSON text is read by `parse_json`, numbers exactly.
Every number keeps the bounds of `penilaian._base.numbers.check_bounds`, an array is
never taken from a string, and data nested deeper than `MAX_DEPTH` levels is refused
with that one problem.

Example:
    >>> from penilaian import Period
    >>> from penilaian.serialization import structure, unstructure
    >>> unstructure(Period.quarter(2024, 3))
    {'start': '2024-07-01', 'end': '2024-09-30', 'kind': 'quarter'}
    >>> structure("2024-Q3", Period) == Period.quarter(2024, 3)
    True
"""

from __future__ import annotations

import functools
import itertools
import json
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any, TypeAlias, TypeVar

import attrs
from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn
from cattrs.preconf.json import make_converter as make_json_converter
from cattrs.v import format_exception

from penilaian._base.bounds import check_bounds
from penilaian._base.labels import LabelledEnum
from penilaian._base.numbers import to_decimal, to_fraction
from penilaian.exceptions import (
    InvalidInputError,
    InvalidValueError,
    PenilaianError,
    Problem,
)
from penilaian.model.behaviour import BUILTIN_FRAMEWORKS, BehaviourFramework
from penilaian.model.nip import Nip
from penilaian.model.periods import Period
from penilaian.model.raters import EXPECTATION_SCALE, OrdinalScale
from penilaian.serialization._bounds import (
    MAX_DEPTH,
    check_depth,
    register_arrays,
    too_deep,
    type_depth,
)
from penilaian.serialization._catalogue import register_catalogue_hooks
from penilaian.serialization._fast import quick_structure_fn, register_quick
from penilaian.serialization._hooks import (
    is_optional,
    optional_hook,
    register_tagged_union,
    structure_date,
    structure_labelled,
)
from penilaian.serialization._policy import register_policy_hooks
from penilaian.serialization._reading import parse_document
from penilaian.serialization._trace import register_trace_hooks
from penilaian.serialization.schema import TAGS, json_schema

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    import cattrs

__all__ = [
    "MAX_DEPTH",
    "dumps",
    "json_schema",
    "loads",
    "make_converter",
    "structure",
    "unstructure",
]

T = TypeVar("T")
# Built-in values that documents carry whole: read back as themselves, not rebuilt.
_KNOWN: dict[type, tuple[object, ...]] = {OrdinalScale: (EXPECTATION_SCALE,)}
_Made: TypeAlias = "Callable[[], Problem]"  # a problem, written out only if it is listed
_StructureFn: TypeAlias = "Callable[[type, cattrs.Converter], Callable[[Any, Any], Any]]"
_TaggedFn: TypeAlias = "Callable[[type, cattrs.Converter, str], Callable[[Any, Any], Any]]"


def _strict(kind: type[Any], name: str) -> Callable[[Any, type[Any]], Any]:
    # cattrs would turn 12 into "12" or "yes" into True; a document must say what it means.
    def structure_strictly(value: Any, _type: type[Any]) -> Any:  # noqa: ANN401
        if type(value) is not kind:
            raise InvalidValueError("value", value, f"expected {name}")
        return check_bounds(value) if kind is int else value  # an integer keeps the bounds

    return structure_strictly


def _structure_decimal(value: Any, _type: type[Any]) -> Decimal:  # noqa: ANN401
    return to_decimal(value)


def _structure_fraction(value: Any, _type: type[Any]) -> Fraction:  # noqa: ANN401
    return to_fraction(value)


def _structure_nip(value: Any, _type: type[Any]) -> Nip:  # noqa: ANN401
    return Nip.parse(value)


def make_converter() -> cattrs.Converter:
    """
    Build a new strict JSON converter for penilaian's types.

    Returns:
        A `cattrs.Converter` that forbids unknown keys, structures decimals
        exactly and knows every penilaian type.  Use it to add hooks for your own
        types; the module-level functions use a shared instance.
    """
    return _made(_careful)


def _careful(cls: type, converter: cattrs.Converter) -> Callable[[Any, Any], Any]:
    """Return cattrs' own structuring function of *cls*: every problem noted with its place."""
    return make_dict_structure_fn(cls, converter, _cattrs_forbid_extra_keys=True)


def _made(structure_fn: _StructureFn, tagged_fn: _TaggedFn | None = None) -> cattrs.Converter:
    """
    The converter, with *structure_fn* writing the structuring of each class in a union.

    *tagged_fn*, if given, writes that of a union's member, which takes its own tag.
    """
    # Every tuple becomes a JSON array (a list), so unstructured data is plain JSON data.
    converter = make_json_converter(
        forbid_extra_keys=True, unstruct_collection_overrides={tuple: list}
    )
    converter.register_structure_hook_factory(is_optional, optional_hook(converter))
    # Simple types first: hook factories for composite types resolve early.
    converter.register_structure_hook(str, _strict(str, "a string"))
    converter.register_structure_hook(bool, _strict(bool, "true or false"))
    converter.register_structure_hook(int, _strict(int, "an integer"))
    converter.register_unstructure_hook(Decimal, str)
    converter.register_structure_hook(Decimal, _structure_decimal)
    converter.register_unstructure_hook(Fraction, str)  # "3/5", "1/7", "1"
    converter.register_structure_hook(Fraction, _structure_fraction)
    converter.register_unstructure_hook(date, date.isoformat)
    converter.register_structure_hook(date, structure_date)
    converter.register_unstructure_hook(Nip, str)
    converter.register_structure_hook(Nip, _structure_nip)

    def is_labelled(cls: Any) -> bool:  # noqa: ANN401
        return isinstance(cls, type) and issubclass(cls, LabelledEnum)

    converter.register_unstructure_hook_func(is_labelled, lambda member: member.value)
    converter.register_structure_hook_func(is_labelled, structure_labelled)

    register_arrays(converter)
    register_trace_hooks(converter)
    _register_period(converter, structure_fn)
    _register_framework(converter, structure_fn)
    for union, tags in TAGS.items():
        register_tagged_union(converter, union, tags, _KNOWN, structure_fn, tagged_fn=tagged_fn)
    register_policy_hooks(converter)
    register_catalogue_hooks(converter)
    return converter


def _register_period(converter: cattrs.Converter, structure_fn: _StructureFn) -> None:
    as_object = structure_fn(Period, converter)

    def structure_period(value: Any, _type: type[Any]) -> Period:  # noqa: ANN401
        return Period.parse(value) if isinstance(value, str) else as_object(value, Period)

    converter.register_structure_hook(Period, structure_period)


def _register_framework(converter: cattrs.Converter, structure_fn: _StructureFn) -> None:
    as_object = structure_fn(BehaviourFramework, converter)
    to_object = make_dict_unstructure_fn(BehaviourFramework, converter)

    def structure_framework(value: Any, _type: type[Any]) -> BehaviourFramework:  # noqa: ANN401
        if not isinstance(value, str):
            framework: BehaviourFramework = as_object(value, BehaviourFramework)
            return framework
        if value not in BUILTIN_FRAMEWORKS:
            reason = f"not a built-in framework ({', '.join(BUILTIN_FRAMEWORKS)})"
            raise InvalidValueError("framework", value, reason)
        return BUILTIN_FRAMEWORKS[value]

    def unstructure_framework(framework: BehaviourFramework) -> Any:  # noqa: ANN401
        if BUILTIN_FRAMEWORKS.get(framework.id) == framework:
            return framework.id
        return to_object(framework)

    converter.register_structure_hook(BehaviourFramework, structure_framework)
    converter.register_unstructure_hook(BehaviourFramework, unstructure_framework)


_CONVERTER = make_converter()
# The quick way: tried first, on the plain case; anything unusual takes the careful way.
_QUICK = _made(quick_structure_fn, quick_structure_fn)
register_quick(_QUICK)

# What structuring raises for bad data: cattrs' error trees, our own errors, and the
# builtins that a wrong shape at the top level gives (cattrs' code for an object
# raises AttributeError on a list, for instance).
_STRUCTURING_ERRORS = (
    ClassValidationError,
    IterableValidationError,
    PenilaianError,
    ValueError,
    TypeError,
    KeyError,
    AttributeError,
)


def unstructure(value: object) -> Any:  # noqa: ANN401 - JSON data is untyped
    """Turn a penilaian value into plain JSON data (dicts, lists, strings, numbers)."""
    return _CONVERTER.unstructure(value)


def structure(data: object, cls: type[T]) -> T:
    """
    Build a *cls* from plain JSON data, checking everything.

    Right data takes the quick way (`penilaian.serialization._fast`); anything unusual
    is structured again the careful way, which reports every problem.

    Args:
        data: Plain data, as `parse_json` gives it (or any dicts, lists, strings and numbers).
        cls: The type to build, for example `penilaian.Appraisal`.

    Raises:
        InvalidInputError: listing the problems found, each with its JSON path
            (``$`` is *data* itself): the first `InvalidInputError.MAX_PROBLEMS`, and
            how many more; for data nested deeper than `MAX_DEPTH`, the one problem
            is at an object or array too deep.
    """
    # Data of a type that cannot nest deep is checked for depth only when it fails: what
    # structures as such a type is no deeper than the type, and what fails may have
    # failed for its depth, which is then the one problem, as for any other type.
    depth = type_depth(cls)
    lazy = depth is not None and depth <= MAX_DEPTH
    if not lazy:
        check_depth(data)
    try:
        return _QUICK.structure(data, cls)
    except Exception:  # noqa: BLE001, S110 - the careful way below decides, and says why
        pass
    try:
        return _CONVERTER.structure(data, cls)
    except Exception as error:
        deep = too_deep(data) if lazy else None
        if deep is None:
            if not isinstance(error, _STRUCTURING_ERRORS):
                raise
            raise _invalid(error) from error
    raise deep  # outside the handler, as when it is found before structuring


def _invalid(error: BaseException) -> InvalidInputError:
    """The error that reports the problems of the structuring *error*, with their JSON paths."""
    # Only the problems listed are written out; the others are only counted.
    omitted: list[int] = []  # problems that nested errors counted but did not list
    found = _problems(error, "$", omitted)
    listed = [make() for make in itertools.islice(found, InvalidInputError.MAX_PROBLEMS)]
    rest = sum(1 for _ in found)
    return InvalidInputError(listed, omitted=rest + sum(omitted))


def dumps(value: object, *, indent: int | None = None) -> str:
    """Serialise a penilaian value to a JSON string."""
    return json.dumps(unstructure(value), indent=indent, ensure_ascii=False)


def loads(text: str | bytes, cls: type[T]) -> T:
    """
    Parse JSON text into a *cls*, reading every JSON number exactly (`parse_json`).

    Raises:
        InvalidInputError: for a document larger than `MAX_DOCUMENT_BYTES` or text
            that is not JSON (path ``$``), and for every problem in the document.
    """
    # Keys repeated in the text are marked only for the types that ask (policies, traces).
    return structure(parse_document(text, marking=type_depth(cls) is None), cls)


def _problems(error: BaseException, path: str, omitted: list[int]) -> Iterator[_Made]:
    """Flatten an error tree from structuring into (makers of) problems with JSON paths."""
    if isinstance(error, ClassValidationError | IterableValidationError):
        with_notes, without = error.group_exceptions()
        for inner, note in with_notes:
            place = (
                f"[{note.index!r}]" if isinstance(note, IterableValidationNote) else f".{note.name}"
            )
            yield from _at(inner, path + place, note.type, omitted)
        for inner in without:
            # Raised by the class itself (its validators): the error names its field.
            yield from _problems(inner, path, omitted)
    elif isinstance(error, InvalidInputError):
        omitted.append(error.omitted)
        for problem in error.problems:
            yield functools.partial(attrs.evolve, problem, path=path + problem.path[1:])
    elif isinstance(error, ForbiddenExtraKeysError):
        for key in sorted(error.extra_fields):
            yield functools.partial(Problem, f"{path}.{key}", "unknown key", error)
    elif isinstance(error, InvalidValueError):
        yield functools.partial(Problem.from_error, f"{path}.{error.field}", error)
    else:
        yield functools.partial(_described, path, error, None)


def _at(error: BaseException, path: str, type_: Any, omitted: list[int]) -> Iterator[_Made]:  # noqa: ANN401
    """Problems of an error that cattrs already placed at *path* (an attribute or item)."""
    if isinstance(error, InvalidValueError):
        yield functools.partial(Problem.from_error, path, error)
    elif isinstance(error, Exception) and not _is_tree(error):
        yield functools.partial(_described, path, error, type_)
    else:
        yield from _problems(error, path, omitted)


def _is_tree(error: Exception) -> bool:
    trees = (ClassValidationError, IterableValidationError, InvalidInputError)
    return isinstance(error, (*trees, ForbiddenExtraKeysError))


def _described(path: str, error: BaseException, type_: Any) -> Problem:  # noqa: ANN401
    if isinstance(error, AttributeError):
        message = "expected a JSON object"  # cattrs' code for a class read keys of a non-mapping
    else:
        message = format_exception(error, type_)
    return Problem(path, message, error)  # type: ignore[arg-type]
