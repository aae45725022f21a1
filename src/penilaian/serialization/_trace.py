"""
A trace step in JSON: its inputs as an object of names to values, in the order the rule reads them.

`penilaian.Step` keeps its inputs as (name, value) pairs, each name once; its JSON form
writes them as one object, ``{"achievement": "266/3", "weight": "1/2"}``, which any
language reads by name.  The values stay the exact text of the trace (``"266/3"``,
``"(missing)"``), never JSON numbers.  A JSON object keeps the order of its keys (in
Python, in JavaScript, in PHP), so the order the rule reads them survives the trip.

Earlier versions wrote the inputs as an array of ``[name, value]`` pairs.  That form is
still read, so documents saved before keep loading; the step's own checks refuse a name
given twice in it, as a JSON object's keys are refused when its text repeats one.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING, Any, Final

from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from penilaian._base.trace import Step
from penilaian.exceptions import DuplicateIdError, InvalidInputError, InvalidValueError, Problem
from penilaian.serialization._reading import repeated_keys

if TYPE_CHECKING:
    from collections.abc import Iterator

    import cattrs

__all__ = ["INPUTS_SCHEMA", "register_trace_hooks"]

INPUTS_SCHEMA: Final = {
    "type": "object",
    "additionalProperties": {"type": "string"},
    "description": (
        "The step's inputs: each name to its value, written exactly as text "
        '("266/3", "88.67", "(missing)"), in the order the rule reads them.  '
        "Documents of earlier versions wrote an array of [name, value] pairs; "
        "that form is still read."
    ),
}
"""The JSON Schema of a step's ``inputs``: an object of names to exact texts."""

_Pairs = tuple[tuple[str, str], ...]


def _key(key: str) -> str:
    """The JSON path of *key* below an object: ``.name``, or ``['a name']``."""
    return f".{key}" if key.isidentifier() else f"[{key!r}]"


def _problems(value: dict[str, Any]) -> Iterator[Problem]:
    """The problems of inputs given as an object: a key its text repeats, a value not text."""
    for key in repeated_keys(value):
        yield Problem.from_error(f"${_key(key)}", DuplicateIdError(key, key, "is given twice"))
    for key, item in value.items():
        if type(item) is not str:
            yield Problem.from_error(f"${_key(key)}", InvalidValueError(key, item, "must be text"))


def _from_object(value: dict[str, Any]) -> _Pairs:
    found = _problems(value)
    first = next(found, None)
    if first is not None:
        # Lazily: the error lists its first MAX_PROBLEMS and only counts the rest.
        raise InvalidInputError(itertools.chain((first,), found))
    return tuple(value.items())


def register_trace_hooks(converter: cattrs.Converter) -> None:
    """Write a step's inputs as a JSON object, and read them from one (or from the older pairs)."""

    def structure_inputs(value: Any, _type: Any) -> _Pairs:  # noqa: ANN401
        if isinstance(value, dict):
            return _from_object(value)
        if isinstance(value, list):  # the form of earlier versions; Step checks each pair
            return tuple(tuple(item) if type(item) is list else item for item in value)
        raise InvalidValueError("inputs", value, "expected a JSON object")

    def unstructure_inputs(pairs: _Pairs) -> dict[str, str]:
        return dict(pairs)  # each name once: Step refuses a name given twice

    inputs = override(struct_hook=structure_inputs, unstruct_hook=unstructure_inputs)
    converter.register_structure_hook(
        Step, make_dict_structure_fn(Step, converter, _cattrs_forbid_extra_keys=True, inputs=inputs)
    )
    converter.register_unstructure_hook(
        Step, make_dict_unstructure_fn(Step, converter, inputs=inputs)
    )
