"""
JSON Schema (draft 2020-12) of the documents `penilaian.serialization` reads and writes.

The schema is derived from the attrs classes and from the same tag table the
converter uses, so the two cannot drift apart.  It describes the canonical form
the library writes; on the way in the library is a little more lenient (enum
labels and aliases, spaced NIPs, numbers for decimals), and always stricter on
rules a schema cannot say (cross-field checks, NIP dates).
"""

from __future__ import annotations

import collections.abc
import types
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Any, Final, Union, get_args, get_origin

import attrs

from penilaian._base.labels import LabelledEnum
from penilaian._base.trace import Step
from penilaian.model.appraisal import Appraisal
from penilaian.model.behaviour import BUILTIN_FRAMEWORKS, BehaviourFramework
from penilaian.model.nip import Nip
from penilaian.model.periods import Period
from penilaian.model.raters import NumericScale, OrdinalScale, Scale
from penilaian.model.targets import PointTarget, QualitativeTarget, RangeTarget, Target
from penilaian.serialization._trace import INPUTS_SCHEMA

__all__ = ["TAGS", "json_schema"]

TAGS: Final[dict[Any, dict[type, str]]] = {
    Target: {PointTarget: "point", RangeTarget: "range", QualitativeTarget: "qualitative"},
    Scale: {NumericScale: "numeric", OrdinalScale: "ordinal"},
}
"""For each union of value types, the ``"kind"`` tag that names each member in JSON."""

_FIELDS: Final[dict[tuple[type, str], dict[str, Any]]] = {(Step, "inputs"): INPUTS_SCHEMA}
"""Fields whose JSON form is not their annotation's: a step's pairs are written as an object."""

_DECIMAL: Final = {
    "type": ["string", "number"],
    "pattern": r"^-?[0-9]+(\.[0-9]+)?$",
    "description": 'An exact decimal; written as a string such as "12.50".',
}
_FRACTION: Final = {
    "type": ["string", "number"],
    "pattern": r"^-?[0-9]+(/[0-9]+|\.[0-9]+)?$",
    "description": 'An exact ratio or decimal, written as a string such as "1/7" or "0.25".',
}
_NIP: Final = {
    "type": "string",
    "pattern": r"^\s*[0-9]([\s.\-]*[0-9]){17}\s*$",
    "description": "An 18-digit NIP or NI PPPK, compact or grouped by spaces.",
}
_PERIOD_TEXT: Final = {
    "type": "string",
    "pattern": r"^[0-9]{4}(-S[12]|-Q[1-4]|-[0-9]{2}|-[0-9]{2}-[0-9]{2}/[0-9-]{10})?$",
    "description": "YYYY, YYYY-S1, YYYY-Q3, YYYY-MM or YYYY-MM-DD/YYYY-MM-DD.",
}


def json_schema(cls: type = Appraisal) -> dict[str, Any]:
    """
    Return the JSON Schema of documents of *cls*.

    Args:
        cls: A penilaian value type; `penilaian.Appraisal` by default.

    Returns:
        A draft 2020-12 schema, with every nested type under ``$defs``.
    """
    defs: dict[str, Any] = {}
    root = _schema(cls, defs)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": cls.__name__,
        **root,
        "$defs": dict(sorted(defs.items())),
    }


def _schema(tp: Any, defs: dict[str, Any], tag: tuple[str, str] | None = None) -> dict[str, Any]:  # noqa: ANN401, PLR0911
    if tp in TAGS:
        members = TAGS[tp]
        return {"oneOf": [_schema(cls, defs, ("kind", name)) for cls, name in members.items()]}
    origin = get_origin(tp)
    if origin in (Union, types.UnionType):
        return {"anyOf": [_schema(arg, defs) for arg in get_args(tp)]}
    if origin in (dict, collections.abc.Mapping):
        return {"type": "object", "additionalProperties": _schema(get_args(tp)[1], defs)}
    if origin is tuple:
        args = get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            return {"type": "array", "items": _schema(args[0], defs)}
        items = [_schema(arg, defs) for arg in args]
        return {
            "type": "array",
            "prefixItems": items,
            "minItems": len(items),
            "maxItems": len(items),
        }
    simple = _simple(tp)
    if simple is not None:
        return simple
    if tp is Period:
        return {"oneOf": [_PERIOD_TEXT, _object(tp, defs, tag)]}
    if tp is BehaviourFramework:
        builtin = {"type": "string", "enum": sorted(BUILTIN_FRAMEWORKS)}
        return {"oneOf": [builtin, _object(tp, defs, tag)]}
    if attrs.has(tp):
        return _object(tp, defs, tag)
    msg = f"no JSON Schema for {tp!r}"
    raise TypeError(msg)


def _simple(tp: Any) -> dict[str, Any] | None:  # noqa: ANN401
    table: dict[Any, dict[str, Any]] = {
        str: {"type": "string"},
        bool: {"type": "boolean"},
        int: {"type": "integer"},
        type(None): {"type": "null"},
        Decimal: _DECIMAL,
        Fraction: _FRACTION,
        date: {"type": "string", "format": "date"},
        Nip: _NIP,
    }
    if tp in table:
        return table[tp]
    if isinstance(tp, type) and issubclass(tp, LabelledEnum):
        labels = "; ".join(f"{member.value}: {member.label_id}" for member in tp)
        return {"type": "string", "enum": [member.value for member in tp], "description": labels}
    return None


def _object(cls: type, defs: dict[str, Any], tag: tuple[str, str] | None) -> dict[str, Any]:
    name = cls.__name__
    if name not in defs:
        defs[name] = {}  # placeholder, so that recursive types terminate
        attrs.resolve_types(cls)
        properties: dict[str, Any] = {}
        required: list[str] = []
        for field in attrs.fields(cls):
            special = _FIELDS.get((cls, field.name))
            properties[field.name] = _schema(field.type, defs) if special is None else special
            if field.default is attrs.NOTHING:
                required.append(field.name)
        if tag is not None:
            properties = {tag[0]: {"const": tag[1]}, **properties}
            required.insert(0, tag[0])
        defs[name] = {
            "type": "object",
            "description": (cls.__doc__ or "").strip().split("\n\n")[0],
            "properties": properties,
            "required": required,
            "additionalProperties": False,
        }
    return {"$ref": f"#/$defs/{name}"}
