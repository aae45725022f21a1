"""
The scales ratings are given on, from the scales sheet: numeric, ordinal or expectation.

A row with an ``appraisal_id`` is that appraisal's scale; a row without one is shared
by every appraisal of the workbook.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Final

import attrs

from penilaian.exceptions import InvalidValueError
from penilaian.io._draft import CellsOfKind, kind_of
from penilaian.io._places import show
from penilaian.io._rows import Builder, Row, Source
from penilaian.io.tables import ALIAS_SEPARATOR
from penilaian.model.raters import EXPECTATION_SCALE, NumericScale, OrdinalScale

if TYPE_CHECKING:
    from penilaian.model.raters import Scale

__all__ = ["SCALE_FIELDS", "build_scale"]

SCALE_FIELDS: Final = {
    "id": "scale_id",
    **{name: name for name in ("minimum", "maximum", "step", "levels", "aliases")},
}
_SCALE_KINDS: Final = {
    "numeric": CellsOfKind(("minimum", "maximum"), ("minimum", "maximum", "step")),
    "ordinal": CellsOfKind(("levels",), ("levels", "aliases")),
    "expectation": CellsOfKind((), ()),
}


def build_scale(builder: Builder, row: Row) -> Scale | None:
    """Build the scale of one row of the scales sheet."""
    kind = kind_of(builder, row, "scale_kind", _SCALE_KINDS, "scale")
    if kind is None:
        return None
    source = Source(row, SCALE_FIELDS)
    if kind == "numeric":
        return builder.make(
            source,
            NumericScale,
            row["scale_id"],
            row["minimum"],
            row["maximum"],
            row["step"],
        )
    if kind == "expectation":
        return builder.make(source, _expectation_scale, row["scale_id"])
    aliases = _aliases(builder, row)
    if aliases is None:
        return None
    return builder.make(source, OrdinalScale, row["scale_id"], row["levels"], aliases)


@functools.lru_cache(maxsize=64)
def _expectation_scale(scale_id: str) -> OrdinalScale:
    """The expectation scale under *scale_id*, built once per id (its aliases take a while)."""
    return attrs.evolve(EXPECTATION_SCALE, id=scale_id)


def _aliases(builder: Builder, row: Row) -> tuple[tuple[str, str], ...] | None:
    pairs: list[tuple[str, str]] = []
    for item in row["aliases"] or ():
        alias, separator, level = item.rpartition(ALIAS_SEPARATOR)
        if not separator or not alias.strip() or not level.strip():
            example = f"alias{ALIAS_SEPARATOR}level, such as Baik{ALIAS_SEPARATOR}good"
            reason = f"write each alias as {example} (got {show(item)})"
            builder.add(row.at("aliases"), reason, InvalidValueError("aliases", item, reason))
            return None
        pairs.append((alias.strip(), level.strip()))
    return tuple(pairs)
