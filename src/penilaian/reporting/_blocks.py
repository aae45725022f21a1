"""
The parts a report is made of, before it is written as Markdown or HTML.

A report builds a tuple of blocks (headings, paragraphs, facts, tables, nested lists,
charts) holding plain text; `penilaian.reporting._markdown` and
`penilaian.reporting._html` write the same blocks in their format, each escaping
every piece of text in one place.  So the two formats say the same thing, and no
text from the data reaches either format unescaped.
"""

from __future__ import annotations

from typing import Literal, TypeAlias

import attrs

__all__ = [
    "Block",
    "Bullets",
    "Chart",
    "Facts",
    "Heading",
    "Item",
    "Paragraph",
    "Run",
    "Style",
    "Table",
    "Tone",
    "runs",
]

Style: TypeAlias = Literal["plain", "strong", "muted", "code"]
"""How a run of text is set: plain, strong, muted (secondary) or as code."""

Tone: TypeAlias = Literal["plain", "good", "bad", "muted", "note"]
"""What a paragraph or table row signals: nothing, met, not met, not applicable, a note."""


@attrs.frozen
class Run:
    """
    A piece of text in one style.

    Attributes:
        text: The text, unescaped.
        style: How it is set.
    """

    text: str
    style: Style = "plain"


def runs(*parts: str | Run) -> tuple[Run, ...]:
    """Return *parts* as runs, plain text for each string."""
    return tuple(part if isinstance(part, Run) else Run(part) for part in parts)


@attrs.frozen
class Heading:
    """
    A section heading.

    Attributes:
        level: 1 for the title, 2 for a section, 3 for a subsection.
        text: The heading.
    """

    level: int
    text: str


@attrs.frozen
class Paragraph:
    """
    A paragraph of runs.

    Attributes:
        runs: Its text.
        tone: What it signals.
    """

    runs: tuple[Run, ...]
    tone: Tone = "plain"


@attrs.frozen
class Facts:
    """
    Labelled values, one per line (who, what, when).

    Attributes:
        rows: Each label with its value.
    """

    rows: tuple[tuple[str, str], ...]


@attrs.frozen
class Table:
    """
    A table with a header row.

    Attributes:
        header: The column titles.
        rows: The cells, one tuple per row, as many as the header.
        numeric: The indexes of the columns aligned right.
        tones: One tone per row, or none at all.
        compact: Whether it is only as wide as its content needs (in HTML).
    """

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numeric: frozenset[int] = frozenset()
    tones: tuple[Tone, ...] = ()
    compact: bool = False


@attrs.frozen
class Item:
    """
    One entry of a nested list, with the entries under it.

    Attributes:
        runs: Its text.
        children: The entries under it.
    """

    runs: tuple[Run, ...]
    children: tuple[Item, ...] = ()


@attrs.frozen
class Bullets:
    """
    A nested list.

    Attributes:
        items: The top-level entries.
        kind: A name for its look in HTML (``"trace"`` for a trace).
    """

    items: tuple[Item, ...]
    kind: str = "list"


@attrs.frozen
class Chart:
    """
    A chart: SVG markup for HTML, text lines for Markdown.

    Attributes:
        svg: The SVG element, already escaped (made by `penilaian.reporting._svg`).
        text: The same chart as lines of plain text.
        caption: What it shows.
    """

    svg: str
    text: tuple[str, ...]
    caption: str


Block: TypeAlias = Heading | Paragraph | Facts | Table | Bullets | Chart
"""Anything a report is made of."""
