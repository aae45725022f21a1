"""
Writing report blocks as Markdown (CommonMark with GitHub's tables).

Text from the data can hold anything, so every piece is cleaned and escaped by
`penilaian.io.escaping.escape_markdown`, the one Markdown escaping of the library
(the command line's Markdown tables use it too): whitespace (line breaks
included) becomes one space, so no text can start a new block; the characters
that make emphasis, links, code, raw HTML, entities or table cells (the
backslash and `` ` * _ [ ] < > | & # ~``) are escaped with a backslash; and here
a text that would start a list or a heading is escaped at its start.  Raw HTML
such as ``<script>`` therefore reads as text in any CommonMark renderer.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

from penilaian.io.escaping import clean_text as clean
from penilaian.io.escaping import escape_markdown as escape
from penilaian.reporting._blocks import Bullets, Chart, Facts, Heading, Item, Paragraph, Run

if TYPE_CHECKING:
    from collections.abc import Iterable

    from penilaian.reporting._blocks import Block, Table

__all__ = ["clean", "escape", "render"]

_SPACE: Final = re.compile(r"\s+")
_LEADING: Final = re.compile(r"^([-+=]|\d+(?=[.)]))")


def _line(text: str) -> str:
    """Escape the start of a line that would otherwise open a list or a thematic break."""
    return _LEADING.sub(_escape_start, text.strip())


def _escape_start(match: re.Match[str]) -> str:
    start = match.group(0)
    # "1." or "1)" would start an ordered list: escape the mark after the digits.
    return f"{start}\\" if start.isdigit() else f"\\{start}"


def _inline(parts: Iterable[Run]) -> str:
    written = []
    for part in parts:
        flat = _SPACE.sub(" ", clean(part.text))
        core = flat.strip()
        if not core:
            written.append(flat)
            continue
        before, after = " " * flat.startswith(" "), " " * flat.endswith(" ")
        if part.style == "code" and "`" not in core:
            text = f"`{core}`"  # a code span shows its text as it is: no escapes inside
        elif part.style == "strong":
            text = f"**{escape(core)}**"
        else:
            text = escape(core)
        written.append(f"{before}{text}{after}")
    return _line("".join(written))


def _table(table: Table) -> list[str]:
    def row(cells: Iterable[str]) -> str:
        return "| " + " | ".join(escape(cell).strip() for cell in cells) + " |"

    align = ["---:" if index in table.numeric else "---" for index in range(len(table.header))]
    return [row(table.header), "| " + " | ".join(align) + " |", *map(row, table.rows)]


def _items(items: Iterable[Item], depth: int) -> list[str]:
    lines = []
    for item in items:
        lines.append(f"{'  ' * depth}- {_inline(item.runs)}")
        lines.extend(_items(item.children, depth + 1))
    return lines


def _chart(chart: Chart) -> list[str]:
    longest = max((len(run) for line in chart.text for run in re.findall("`+", line)), default=0)
    fence = "`" * max(3, longest + 1)
    lines = [clean(line) for line in chart.text]
    return [f"**{escape(chart.caption).strip()}**", "", f"{fence}text", *lines, fence]


def _block(block: Block) -> list[str]:
    if isinstance(block, Heading):
        return [f"{'#' * block.level} {escape(block.text).strip()}"]
    if isinstance(block, Paragraph):
        return [_inline(block.runs)]
    if isinstance(block, Facts):
        return [
            f"- **{escape(label).strip()}:** {escape(value).strip()}" for label, value in block.rows
        ]
    if isinstance(block, Bullets):
        return _items(block.items, 0)
    if isinstance(block, Chart):
        return _chart(block)
    return _table(block)


def render(blocks: Iterable[Block]) -> str:
    """Write *blocks* as one Markdown document, blocks apart by a blank line."""
    return "\n\n".join("\n".join(_block(block)) for block in blocks) + "\n"
