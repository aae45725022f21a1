"""
The notes of an appraisal: continuous feedback, special expectations and innovations.

Each of the three optional sheets fills one field of the appraisal, one value per row;
`NOTE_SHEETS` says which, and how a row becomes its value.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Final

import attrs

from penilaian.io._draft import Draft, gather, resolve
from penilaian.io._rows import Builder, Row, Source
from penilaian.model.appraisal import Innovation, SpecialExpectation
from penilaian.model.behaviour import BehaviourFramework
from penilaian.model.raters import FeedbackNote

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["NOTE_SHEETS", "NoteSheet", "build_notes"]


@attrs.frozen
class NoteSheet:
    """
    One sheet of notes, and the field of the appraisal its rows fill.

    Attributes:
        field: The `penilaian.Appraisal` field.
        headers: Each field of a note with its header.
        make: Builds the note of a row, from where its fields are read and what its
            subject may be (the ids, and the framework whose aspect labels name ids).
        placed: Whether problems with the whole list are placed at its first row
            (else at the appraisal's row on the employees sheet).
    """

    field: str
    headers: Mapping[str, str]
    make: Callable[[Builder, Source, frozenset[str], BehaviourFramework | None], object]
    placed: bool = False


def _feedback(
    builder: Builder, source: Source, subjects: frozenset[str], framework: BehaviourFramework | None
) -> object:
    row = source.row
    subject = resolve(row["subject"], subjects, framework)
    arguments = (row["given_on"], row["author_id"], row["text"], subject)
    return builder.make(source, FeedbackNote, *arguments, row["evidence"] or ())


def _expectation(
    builder: Builder,
    source: Source,
    _subjects: frozenset[str],
    framework: BehaviourFramework | None,
) -> object:
    row = source.row
    aspect_id = resolve(row["aspect_id"], frozenset(), framework)
    return builder.make(source, SpecialExpectation, aspect_id, row["text"])


def _innovation(
    builder: Builder,
    source: Source,
    _subjects: frozenset[str],
    _framework: BehaviourFramework | None,
) -> object:
    row = source.row
    made = (row["description"], row["scope"], row["evidence"] or (), row["certified_by"])
    return builder.make(source, Innovation, *made)


NOTE_SHEETS: Final = {
    "feedback": NoteSheet(
        "feedback",
        {name: name for name in ("given_on", "author_id", "text", "subject", "evidence")},
        _feedback,
    ),
    "expectations": NoteSheet(
        "special_expectations",
        {"aspect_id": "aspect_id", "text": "text"},
        _expectation,
        placed=True,
    ),
    "innovations": NoteSheet(
        "innovations",
        {name: name for name in ("description", "scope", "evidence", "certified_by")},
        _innovation,
    ),
}
"""Each sheet of notes by name."""


def build_notes(
    builder: Builder,
    draft: Draft,
    notes: NoteSheet,
    rows: Sequence[Row],
    *,
    subjects: frozenset[str],
    framework: BehaviourFramework | None,
) -> list[object]:
    """Build the feedback notes, special expectations or innovations of one appraisal."""
    items: list[object] = []
    path = f"$.{notes.field}"
    for row in (row for row in rows if row.ok):
        if notes.placed and not items:
            draft.keep(path, Source(row, {}))
        source = Source(row, notes.headers)
        item = notes.make(builder, source, subjects, framework)
        gather(draft, item, items, path=path, source=source)
    return items
