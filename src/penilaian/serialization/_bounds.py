"""
The bounds of a document the converter takes: how deep it nests, and how an array is read.

Data nested deeper than `MAX_DEPTH` is refused before it is structured (structuring
recurses); an array is taken only from a JSON array (never from a string, whose
characters would become items) and stops being checked after `_ARRAY_PROBLEMS` wrong
items, so a hostile document costs little and reports a bounded list of problems.
"""

from __future__ import annotations

from collections import abc
from typing import TYPE_CHECKING, Any, Final, get_args, get_origin

from cattrs.errors import IterableValidationError, IterableValidationNote

from penilaian.exceptions import (
    InvalidInputError,
    InvalidValueError,
    Problem,
    UnsupportedInputError,
)

if TYPE_CHECKING:
    from collections.abc import Callable

    import cattrs

__all__ = ["MAX_DEPTH", "check_depth", "register_arrays"]

MAX_DEPTH: Final = 64
"""
The deepest nesting of objects and arrays `structure` takes, the root counted: 64.

An appraisal is about eight levels deep, an organisation tree two levels a unit.
Deeper data is refused before it is structured (which recurses): `InvalidInputError`
with one `UnsupportedInputError`, at an object or array too deep.
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

        def structure_array(value: Any, cls: Any) -> Any:  # noqa: ANN401
            if not isinstance(value, list | tuple | set | frozenset):
                raise InvalidValueError("value", value, "expected a JSON array")
            if item is None or not isinstance(value, list | tuple):
                return inner(value, cls)
            items = _structure_items(converter, value, cls, item)
            return items if get_origin(cls) in _LISTS else tuple(items)

        return structure_array

    converter.register_structure_hook_factory(is_array, array_hook)


def _structure_items(converter: cattrs.Converter, value: Any, cls: Any, item: Any) -> list[Any]:  # noqa: ANN401
    """Structure each item as cattrs does, and stop after `_ARRAY_PROBLEMS` bad ones."""
    hook = converter.get_structure_hook(item)
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


def check_depth(data: object) -> None:
    """Refuse *data* nested deeper than `MAX_DEPTH`, at a place too deep; without recursion."""
    # Each entry: a container, its depth, and its path as a chain of ((form, key), parent
    # chain).  Only containers are stacked and a path is written only when it is reported,
    # so a long flat array costs one type check per item.
    containers = (dict, list, tuple)
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
            raise InvalidInputError([Problem.from_error("$" + "".join(reversed(steps)), error)])
        items = value.items() if isinstance(value, dict) else enumerate(value)
        form = ".{}" if isinstance(value, dict) else "[{}]"
        stack.extend(
            (item, depth + 1, ((form, key), chain))
            for key, item in items
            if isinstance(item, containers)
        )
