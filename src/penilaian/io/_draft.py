"""
One appraisal while it is built from its rows, and the checks its parts share.

The parts of an appraisal are built by `penilaian.io._part_targets`,
`penilaian.io._part_ratings`, `penilaian.io._part_scales` and
`penilaian.io._part_notes`.  Each records in the `Draft` where every part came
from (`Draft.places`), so that a rule the whole `Appraisal` breaks later is
reported at the cell it concerns.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from penilaian.exceptions import InvalidValueError, MissingValueError, UnknownLabelError
from penilaian.io._places import show
from penilaian.io._rows import Builder, Row, Source
from penilaian.model.raters import OVERALL_BEHAVIOUR, OVERALL_WORK_RESULTS

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence

    from penilaian.model.behaviour import BehaviourFramework

__all__ = [
    "CellsOfKind",
    "Draft",
    "cells_fit",
    "first_of",
    "gather",
    "grouped",
    "kind_of",
    "resolve",
    "subjects_of",
]

T = TypeVar("T")


@attrs.define
class Draft:
    """
    One appraisal while it is being built from its rows.

    Attributes:
        row: Its row on the employees sheet.
        broken: Whether a row of it had a problem; a broken draft is not built,
            so that a missing part does not cause problems elsewhere.
        parts: The values built so far, by `penilaian.Appraisal` field name.
        places: Each JSON path prefix of the appraisal (``$.ratings[3]``) with
            where its fields were read and its row, to place later problems.
    """

    row: Row
    broken: bool = False
    parts: dict[str, Any] = attrs.field(factory=dict)
    places: dict[str, Source] = attrs.field(factory=dict)

    def keep(self, path: str, source: Source) -> None:
        """Remember that the value at *path* was read from *source*."""
        self.places[path] = source

    def check(self, value: object) -> None:
        """Mark the draft broken if *value* could not be built."""
        if value is None:
            self.broken = True


def gather(draft: Draft, value: T | None, into: list[T], *, path: str, source: Source) -> None:
    """Add *value* to *into*, remembering where it came from; mark the draft broken if `None`."""
    if value is None:
        draft.broken = True
    else:
        draft.keep(f"{path}[{len(into)}]", source)
        into.append(value)


def grouped(rows: Iterable[Row], header: str) -> dict[str, list[Row]]:
    """Return *rows* by the value of their *header* cell, in order of first mention."""
    groups: dict[str, list[Row]] = {}
    for row in rows:
        groups.setdefault(row[header], []).append(row)
    return groups


def first_of(
    builder: Builder,
    rows: Sequence[Row],
    fields: Mapping[str, str | None],
    repeated: Iterable[str],
    what: str,
) -> Source:
    """
    Return where the fields of a value that several rows repeat are read: its first row.

    Each *repeated* cell of a later row that differs from the first row's is recorded
    as a problem; the first row's values are the ones used.

    Args:
        builder: Collects the problems.
        rows: The rows of one value (a work target's indicator rows, a rater's ratings).
        fields: Each field of the value with its header.
        repeated: The headers every row repeats.
        what: The value, for the message (``work target T1``).
    """
    first = rows[0]
    for row in rows[1:]:
        for header in repeated:
            if row[header] != first[header]:
                reason = (
                    f"{what} has {show(first[header])} on row {first.number}, and each of "
                    f"its rows must repeat that value (got {show(row[header])})"
                )
                builder.add(row.at(header), reason, InvalidValueError(header, row[header], reason))
    return Source(first, fields)


def cells_fit(
    builder: Builder,
    row: Row,
    kind: str,
    *,
    needs: Sequence[str],
    allows: Sequence[str],
    cells: Sequence[str],
) -> bool:
    """Check that *row* fills exactly the cells its *kind* needs and no cell it does not use."""
    fits = True
    for header in cells:
        if header in needs and row[header] is None:
            reason = f"a {kind} needs {header}"
            builder.add(row.at(header), reason, MissingValueError(header, None, reason))
            fits = False
        elif header not in allows and row[header] is not None:
            reason = f"{header} is not used by a {kind}; leave the cell empty"
            builder.add(row.at(header), reason, InvalidValueError(header, row[header], reason))
            fits = False
    return fits


@attrs.frozen
class CellsOfKind:
    """
    The cells a row of one kind fills (a point target, a numeric scale).

    Attributes:
        needs: The cells it must fill.
        allows: The cells it may fill; every other cell of its kinds stays empty.
    """

    needs: tuple[str, ...]
    allows: tuple[str, ...]


def kind_of(
    builder: Builder, row: Row, header: str, kinds: Mapping[str, CellsOfKind], noun: str
) -> str | None:
    """
    Return the kind *row* names in its *header* cell, if the row fills the cells it should.

    Each cell the kind needs and leaves empty, and each cell of another kind it fills,
    is recorded as a problem (of a ``"<kind> <noun>"``), and `None` returned.
    """
    kind: str = row[header]
    cells = tuple(dict.fromkeys(cell for other in kinds.values() for cell in other.allows))
    needs, allows = kinds[kind].needs, kinds[kind].allows
    if cells_fit(builder, row, f"{kind} {noun}", needs=needs, allows=allows, cells=cells):
        return kind
    return None


# -- subjects: ids, or an aspect's label -------------------------------------------------


def subjects_of(draft: Draft, framework: BehaviourFramework | None) -> frozenset[str]:
    """Return every id a rating or note of the draft may be about."""
    subjects = {OVERALL_WORK_RESULTS, OVERALL_BEHAVIOUR}
    if framework is not None:
        subjects.update(aspect.id for aspect in framework.aspects)
    for target in draft.parts.get("targets", ()):
        subjects.add(target.id)
        subjects.update(indicator.id for indicator in target.indicators)
    return frozenset(subjects)


def resolve(
    text: str | None, subjects: frozenset[str], framework: BehaviourFramework | None
) -> str | None:
    """Return *text*, or the id of the behaviour aspect it names by a label (``Akuntabel``)."""
    if text is None or text in subjects or framework is None:
        return text
    try:
        return framework.aspect(text).id
    except UnknownLabelError:
        return text
