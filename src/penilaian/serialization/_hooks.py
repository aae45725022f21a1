"""
Hooks that keep loading fast without checking less: optionals, tagged unions, known values.

``X | None`` is structured by a hook that looks up the hook of ``X`` once, not on every
value as cattrs' own does; a union tagged with ``"kind"`` calls its member's hook
directly.  A value written exactly as a built-in one (the expectation scale of
PermenPANRB 6/2022, which nearly every document carries with its 25 aliases) is that
built-in value, already checked, instead of being built and checked again.
"""

from __future__ import annotations

from datetime import date
from types import NoneType, UnionType
from typing import TYPE_CHECKING, Any, Union, get_args, get_origin

from cattrs.gen import make_dict_unstructure_fn

from penilaian.exceptions import InvalidInputError, InvalidValueError, Problem

if TYPE_CHECKING:
    from collections.abc import Callable

    import cattrs

    from penilaian._base.labels import LabelledEnum

__all__ = [
    "is_optional",
    "knowing",
    "optional_hook",
    "register_tagged_union",
    "structure_date",
    "structure_labelled",
]


def is_optional(type_: Any) -> bool:  # noqa: ANN401
    """Tell whether *type_* is ``X | None`` (or ``Optional[X]``) for one type ``X``."""
    args = get_args(type_)
    return get_origin(type_) in {Union, UnionType} and len(args) == 2 and NoneType in args


def structure_date(value: Any, _type: Any) -> date:  # noqa: ANN401
    """Read a calendar date from its ISO 8601 text (``2024-05-31``)."""
    return date.fromisoformat(value)


def structure_labelled(value: Any, cls: type[LabelledEnum]) -> Any:  # noqa: ANN401
    """Read a member of the labelled enumeration *cls* from its id, a label or an alias."""
    return cls.parse(value)


def optional_hook(converter: cattrs.Converter) -> Callable[[Any], Callable[[Any, Any], Any]]:
    """
    Return a factory of hooks for ``X | None``: `None` stays `None`, anything else is an ``X``.

    The hook of ``X`` is looked up once, on the first value that is not `None` (so a
    type that refers to itself is found once it is registered), then kept.
    """

    def make(optional: Any) -> Callable[[Any, Any], Any]:  # noqa: ANN401
        inner = next(arg for arg in get_args(optional) if arg is not NoneType)
        found: list[Callable[[Any, Any], Any]] = []

        def structure_optional(value: Any, _type: Any) -> Any:  # noqa: ANN401
            if value is None:
                return None
            if not found:
                found.append(converter.get_structure_hook(inner))
            return found[0](value, inner)

        return structure_optional

    return make


def knowing(
    converter: cattrs.Converter, hook: Callable[[Any, Any], Any], known: tuple[object, ...]
) -> Callable[[Any, Any], Any]:
    """
    Return *hook*, except that data written exactly as one of *known* values gives that value.

    "Exactly" means equal JSON data of the same JSON types (a text is a `str`, an array
    a `list`), with or without its ``"kind"`` tag: what *hook* would build and accept
    from that data is the known value itself, so the result is the same, and any other
    data goes through *hook* with every check.
    """
    forms: list[tuple[dict[str, Any], object]] = []  # written out on the first call

    def structure_knowing(value: Any, type_: Any) -> Any:  # noqa: ANN401
        if not forms:
            for item in known:
                data = converter.unstructure(item)
                untagged = {key: part for key, part in data.items() if key != "kind"}
                forms.extend(((data, item), (untagged, item)))
        if isinstance(value, dict):
            for data, item in forms:
                if value == data and _plain(value):
                    return item
        return hook(value, type_)

    return structure_knowing


def _plain(data: object) -> bool:
    """Tell whether *data* holds only objects, lists and texts of exactly those types."""
    level = [data]  # one depth at a time: a depth of texts alone is told in C
    while level and not _TEXT.issuperset(map(type, level)):
        deeper: list[object] = []
        for item in level:
            kind = type(item)
            if kind is list:
                deeper += item  # type: ignore[arg-type]
            elif isinstance(item, dict):  # a plain dict, or one that marks repeated keys
                deeper += item.values()
            elif kind is not str:
                return False
        level = deeper
    return True


_TEXT = frozenset({str})


def register_tagged_union(
    converter: cattrs.Converter,
    union: Any,  # noqa: ANN401
    tags: dict[type, str],
    known: dict[type, tuple[object, ...]],
    structure_fn: Callable[[type, cattrs.Converter], Callable[[Any, Any], Any]],
    *,
    tagged_fn: Callable[[type, cattrs.Converter, str], Callable[[Any, Any], Any]] | None = None,
) -> None:
    """
    Write each member of *union* with its ``"kind"`` tag, and read it back by that tag.

    A member carries its tag even when unstructured on its own, so that any value
    round-trips; structuring a member accepts its own tag or none.  A member with
    *known* values reads each of them back as itself (`knowing`).  *tagged_fn*, if
    given, writes a member's structuring that takes its own tag or none itself
    (no copy of the data without the tag); else *structure_fn*'s is wrapped so.
    """
    by_tag = {tag: cls for cls, tag in tags.items()}
    hooks = {}  # each member's own hook, by tag: no dispatch per value
    for cls, tag in tags.items():
        converter.register_unstructure_hook(cls, _tagging(converter, cls, tag))
        if tagged_fn is None:
            hooks[tag] = _untagging(structure_fn(cls, converter), cls, tag)
        else:
            hooks[tag] = tagged_fn(cls, converter, tag)
        if cls in known:
            hooks[tag] = knowing(converter, hooks[tag], known[cls])
        converter.register_structure_hook(cls, hooks[tag])

    def structure_union(value: Any, _type: Any) -> Any:  # noqa: ANN401
        kind = value.get("kind") if isinstance(value, dict) else None
        if kind not in by_tag:
            error = InvalidValueError("kind", kind, f"must be one of {', '.join(by_tag)}")
            raise InvalidInputError([Problem.from_error("$.kind", error)])
        return hooks[kind](value, by_tag[kind])

    converter.register_structure_hook(union, structure_union)
    converter.register_unstructure_hook(union, converter.unstructure)  # by the value's class


def _tagging(converter: cattrs.Converter, cls: type, tag: str) -> Callable[[Any], Any]:
    to_dict: Callable[[Any], dict[str, Any]] = make_dict_unstructure_fn(cls, converter)

    def unstructure_tagged(value: Any) -> Any:  # noqa: ANN401
        return {"kind": tag, **to_dict(value)}

    return unstructure_tagged


def _untagging(
    from_dict: Callable[[Any, Any], Any], cls: type, tag: str
) -> Callable[[Any, Any], Any]:
    def structure_tagged(value: Any, _type: Any) -> Any:  # noqa: ANN401
        if isinstance(value, dict) and "kind" in value:
            if value["kind"] != tag:
                error = InvalidValueError("kind", value["kind"], f"must be {tag}")
                raise InvalidInputError([Problem("$.kind", f"must be {tag}", error)])
            value = dict(value)  # a plain copy, without the tag
            del value["kind"]
        return from_dict(value, cls)

    return structure_tagged
