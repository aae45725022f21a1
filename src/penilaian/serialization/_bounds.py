"""
The bounds of a document the converter takes: how deep it nests, and how an array is read.

Data nested deeper than `MAX_DEPTH` is refused before it is structured (structuring
recurses), or, for a type whose own nesting is bounded (`type_depth`: an appraisal is
seven levels deep), as soon as structuring it fails, which such data always does.  An
array is taken only from a JSON array (never from a string, whose characters would become
items) and stops being checked after `_ARRAY_PROBLEMS` wrong items, so a hostile document
costs little and reports a bounded list of problems.
"""

from __future__ import annotations

import functools
import typing
from collections import abc
from datetime import date
from decimal import Decimal
from fractions import Fraction
from types import NoneType, UnionType
from typing import TYPE_CHECKING, Any, Final, Union, get_args, get_origin

import attrs
from cattrs.errors import IterableValidationError, IterableValidationNote

from penilaian._base.labels import LabelledEnum
from penilaian.exceptions import (
    InvalidInputError,
    InvalidValueError,
    Problem,
    UnsupportedInputError,
)
from penilaian.model.nip import Nip

if TYPE_CHECKING:
    from collections.abc import Callable

    import cattrs

__all__ = ["MAX_DEPTH", "check_depth", "register_arrays", "too_deep", "type_depth"]

MAX_DEPTH: Final = 64
"""
The deepest nesting of objects and arrays `structure` takes, the root counted: 64.

An appraisal is about eight levels deep, an organisation tree two levels a unit.
Deeper data is refused (before it is structured, which recurses, or, for a model type
that cannot nest that deep, once structuring it fails): `InvalidInputError` with one
`UnsupportedInputError`, at an object or array too deep, and no other problem.
"""

_ARRAY_PROBLEMS: Final = 50  # wrong items of one array checked; the rest are one problem
_LISTS: Final = frozenset({list, abc.MutableSequence})
_SEQUENCES: Final = _LISTS | {tuple, abc.Sequence}
_ARRAYS: Final = frozenset(  # the types JSON writes as an array; never taken from a string
    {tuple, list, set, frozenset, abc.Sequence, abc.MutableSequence, abc.Set, abc.MutableSet}
)


def register_arrays(converter: cattrs.Converter) -> None:
    """
    Take an array only from a JSON array, and stop checking one after `_ARRAY_PROBLEMS` bad items.

    cattrs builds a tuple from any iterable, so a string would become its characters
    (and a long one a million problems); and it checks every item, so each bad item
    of a long array costs an exception group.  The hook wraps cattrs' own one.
    """
    building: set[Any] = set()

    def is_array(type_: Any) -> bool:  # noqa: ANN401
        return type_ not in building and (type_ in _ARRAYS or get_origin(type_) in _ARRAYS)

    def array_hook(type_: Any) -> Callable[[Any, Any], Any]:  # noqa: ANN401
        building.add(type_)
        try:
            inner = converter.get_structure_hook(type_, cache_result=False)
        finally:
            building.discard(type_)
        args = get_args(type_)  # (item,) or (item, ...) for a homogeneous sequence
        homogeneous = get_origin(type_) in _SEQUENCES and args[1:] in {(), (...,)}
        item = args[0] if homogeneous and args else None
        item_hook: list[Callable[[Any, Any], Any]] = []  # the item's hook, found on first use
        as_list = get_origin(type_) in _LISTS

        def structure_array(value: Any, cls: Any) -> Any:  # noqa: ANN401
            if not isinstance(value, list | tuple | set | frozenset):
                raise InvalidValueError("value", value, "expected a JSON array")
            if item is None or not isinstance(value, list | tuple):
                return inner(value, cls)
            if not item_hook:
                item_hook.append(converter.get_structure_hook(item))
            hook = item_hook[0]
            try:
                # The common case, all items good: one comprehension, no bookkeeping.
                items = [hook(element, item) for element in value]
            except Exception:  # noqa: BLE001 - redone below, where each error is gathered
                items = _structure_items(hook, value, cls, item)
            listed = as_list if cls is type_ else get_origin(cls) in _LISTS
            return items if listed else tuple(items)

        return structure_array

    converter.register_structure_hook_factory(is_array, array_hook)


def _structure_items(
    hook: Callable[[Any, Any], Any],
    value: Any,  # noqa: ANN401
    cls: Any,  # noqa: ANN401
    item: Any,  # noqa: ANN401
) -> list[Any]:
    """Structure each item with *hook* as cattrs does, and stop after `_ARRAY_PROBLEMS` bad ones."""
    done: list[Any] = []
    errors: list[Exception] = []
    for index, element in enumerate(value):
        try:
            done.append(hook(element, item))
        except Exception as error:  # noqa: BLE001, PERF203 - gathered as cattrs does, raised below
            errors.append(_noted(error, cls, index, item))
            if len(errors) == _ARRAY_PROBLEMS and index + 1 < len(value):
                rest = len(value) - index - 1
                reason = f"these {rest} items are not checked after {_ARRAY_PROBLEMS} wrong ones"
                stop = UnsupportedInputError("items", rest, reason)
                errors.append(_noted(stop, cls, index + 1, item))
                break
    if errors:
        raise IterableValidationError(f"While structuring {cls!r}", errors, cls)
    return done


def _noted(error: Exception, cls: Any, index: int, item: Any) -> Exception:  # noqa: ANN401
    note = IterableValidationNote(f"Structuring {cls} @ index {index}", index, item)
    error.__notes__ = [*getattr(error, "__notes__", []), note]
    return error


_CONTAINERS: Final = (dict, list, tuple)


def _within_depth(data: object) -> bool:
    """Tell whether no object or array of *data* lies deeper than `MAX_DEPTH`, level by level."""
    # One comprehension a level (an appraisal has about eight), no path kept: the common
    # case costs one isinstance per item.  `check_depth` finds the place only when needed.
    level = [data] if isinstance(data, _CONTAINERS) else []
    for _ in range(MAX_DEPTH):
        level = [
            item
            for value in level
            for item in (value.values() if isinstance(value, dict) else value)
            if isinstance(item, _CONTAINERS)
        ]
        if not level:
            return True
    return False


# Types read from a JSON text, a number or nothing (their hooks refuse an object or array).
_LEAVES: Final = frozenset({str, int, bool, Decimal, Fraction, date, Nip, NoneType})


def type_depth(type_: Any) -> int | None:  # noqa: ANN401
    """
    Return how deep the data of a *type_* can nest, counted as `check_depth` counts, or `None`.

    The depth is known only for the model's own types: texts, numbers, dates, labelled
    enumerations, unions of them, tuples and the attrs classes of `penilaian.model`, none
    of which refers back to itself.  Data that structures as such a type cannot nest
    deeper than its type does, since every hook refuses an object or array where a text
    or number belongs, and no key is left unread.  `None` for anything else: a class that
    nests in itself (an organisation tree), a policy, a trace step, a mapping, a class of
    another package.
    """
    try:
        return _type_depth(type_)
    except TypeError:  # not hashable, so not a type the converter knows: checked up front
        return None


@functools.cache
def _type_depth(type_: Any) -> int | None:  # noqa: ANN401
    return _depth(type_, frozenset())


def _depth(type_: Any, outer: frozenset[type]) -> int | None:  # noqa: ANN401
    if type_ in _LEAVES or (isinstance(type_, type) and issubclass(type_, LabelledEnum)):
        return 0
    origin = get_origin(type_)
    if origin in {Union, UnionType, tuple}:
        depths = [_depth(arg, outer) for arg in get_args(type_) if arg is not Ellipsis]
        nested = origin is tuple  # an array is a level; a union is one of its members
    elif _is_model_class(type_) and type_ not in outer:
        hints = typing.get_type_hints(type_)
        depths = [_depth(hints[field.name], outer | {type_}) for field in attrs.fields(type_)]
        nested = True
    else:
        return None
    known = [depth for depth in depths if depth is not None]
    if len(known) < len(depths) or not (known or nested):
        return None  # a member or field of unknown depth, or an empty union
    return nested + max(known, default=0)


def _is_model_class(type_: Any) -> bool:  # noqa: ANN401
    return (
        isinstance(type_, type)
        and type_.__module__.startswith("penilaian.model.")
        and attrs.has(type_)
    )


def check_depth(data: object) -> None:
    """Refuse *data* nested deeper than `MAX_DEPTH`, at a place too deep; without recursion."""
    error = too_deep(data)
    if error is not None:
        raise error


def too_deep(data: object) -> InvalidInputError | None:
    """The error for *data* nested deeper than `MAX_DEPTH`, at a place too deep; `None` if not."""
    if _within_depth(data):
        return None
    # Each entry: a container, its depth, and its path as a chain of ((form, key), parent
    # chain).  Only containers are stacked and a path is written only when it is reported,
    # so a long flat array costs one type check per item.
    containers = _CONTAINERS
    stack: list[tuple[object, int, tuple[Any, ...]]] = [(data, 1, ())]
    while stack:
        value, depth, chain = stack.pop()
        if not isinstance(value, containers):
            continue
        if depth > MAX_DEPTH:
            steps = []
            while chain:
                (form, key), chain = chain
                steps.append(form.format(key))
            reason = f"is nested more than {MAX_DEPTH} levels deep"
            error = UnsupportedInputError("document", depth, reason)
            return InvalidInputError([Problem.from_error("$" + "".join(reversed(steps)), error)])
        items = value.items() if isinstance(value, dict) else enumerate(value)
        form = ".{}" if isinstance(value, dict) else "[{}]"
        stack.extend(
            (item, depth + 1, ((form, key), chain))
            for key, item in items
            if isinstance(item, containers)
        )
    return None  # pragma: no cover - _within_depth found a place too deep
