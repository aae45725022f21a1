"""
The scales a workbook's ratings name: its own, the built-in ones, and ids nobody defines.

A rating names its scale by id.  A workbook need not retype a scale the library
defines (`BUILTIN_SCALES`: the expectation scale of PermenPANRB 6/2022): an id no row
of the ``scales`` sheet defines takes the built-in scale of that id.  An id that is
neither is one problem per id, placed at the first rating that uses it and counting
the others, with a hint to add the scale to the ``scales`` sheet; the appraisals
using it are not built, so the same id is never reported once per rating.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

import attrs

from penilaian.exceptions import UnknownReferenceError
from penilaian.io._places import Where, show
from penilaian.model.raters import EXPECTATION_SCALE

if TYPE_CHECKING:
    from collections.abc import Mapping

    from penilaian.io._draft import Draft
    from penilaian.io._rows import Builder
    from penilaian.model.raters import Rating, Scale

__all__ = ["BUILTIN_SCALES", "UnknownScales"]

BUILTIN_SCALES: Final[Mapping[str, Scale]] = {EXPECTATION_SCALE.id: EXPECTATION_SCALE}
"""The scales a workbook may use without a row of the ``scales`` sheet, by id."""

_SCALE_COLUMNS: Final = "scale_id, scale_kind, minimum, maximum, step or levels"


@attrs.define
class UnknownScales:
    """
    The scale ids ratings name that neither the workbook nor the library defines.

    Attributes:
        uses: Each unknown id with where each rating naming it is (its ``scale_id`` cell).
    """

    uses: dict[str, list[Where]] = attrs.field(factory=dict)

    def complete(self, draft: Draft) -> list[Scale]:
        """
        Return the built-in scales *draft*'s ratings need beyond its own.

        A rating naming an id that is neither marks *draft* broken and is remembered,
        to be reported once per id by `report`.
        """
        own = {scale.id for scale in draft.parts["scales"]}
        added: dict[str, Scale] = {}
        ratings: list[Rating] = draft.parts.get("ratings") or []
        for index, rating in enumerate(ratings):
            scale_id = rating.scale_id
            if scale_id in own or scale_id in added:
                continue
            builtin = BUILTIN_SCALES.get(scale_id)
            if builtin is not None:
                added[scale_id] = builtin
                continue
            source = draft.places.get(f"$.ratings[{index}]")
            if source is not None:
                self.uses.setdefault(scale_id, []).append(source.place("scale_id"))
            draft.broken = True
        return list(added.values())

    def report(self, builder: Builder) -> None:
        """Add one problem per unknown id to *builder*, at its first use."""
        builtin = ", ".join(sorted(BUILTIN_SCALES))
        for scale_id, places in self.uses.items():
            others = [where.path for where in places[1:]]
            also = ""
            if others:
                shown = ", ".join(others[:5]) + (", \u2026" if len(others) > 5 else "")
                also = f"; {len(others)} more ratings use it ({shown})"
            reason = (
                f"no scale has this id (got {show(scale_id)}){also}; add a row for it to the "
                f"scales sheet ({_SCALE_COLUMNS}); the built-in scales need no row: {builtin}"
            )
            builder.add(places[0], reason, UnknownReferenceError("scale_id", scale_id, reason))
