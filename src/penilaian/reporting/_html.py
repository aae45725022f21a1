"""
Writing report blocks as one standalone HTML5 page.

The page holds everything it needs: its CSS inline, its charts as inline SVG, no
script, no external resource, and a Content-Security-Policy that would block both
even if one slipped in.  The markup is also well-formed XML (void elements written
``<meta ... />``, every element closed, every attribute quoted, only the five XML
entities), so a strict parser can check it.  Every piece of text is escaped with
`escape`, which also replaces the characters no document may hold.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Final

from penilaian.reporting._blocks import Bullets, Chart, Facts, Heading, Item, Paragraph, Run
from penilaian.reporting._markdown import clean

if TYPE_CHECKING:
    from collections.abc import Iterable

    from penilaian._base.labels import Language
    from penilaian.reporting._blocks import Block, Table

__all__ = ["CSS", "escape", "page"]

CSS: Final = """
:root { color-scheme: light; --ink: #1d2330; --muted: #5b6475; --line: #d5dae3;
  --band: #f4f6fa; --good: #1b6e3a; --good-bg: #e7f4ec; --bad: #a8221a; --bad-bg: #fbeae8;
  --note-bg: #fff7e0; --accent: #1f4e8c; }
* { box-sizing: border-box; }
body { margin: 0; background: #fff; color: var(--ink);
  font: 15px/1.5 "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif; }
main { max-width: 62rem; margin: 0 auto; padding: 2rem 1.5rem 3rem; }
h1 { font-size: 1.6rem; margin: 0 0 1rem; color: var(--accent); }
h2 { font-size: 1.25rem; margin: 2rem 0 .75rem; padding-bottom: .25rem;
  border-bottom: 2px solid var(--accent); }
h3 { font-size: 1.05rem; margin: 1.25rem 0 .5rem; }
p { margin: .5rem 0; }
p.note { background: var(--note-bg); border-left: 4px solid #e0b400; padding: .5rem .75rem; }
p.bad { background: var(--bad-bg); border-left: 4px solid var(--bad); padding: .5rem .75rem; }
p.good { background: var(--good-bg); border-left: 4px solid var(--good); padding: .5rem .75rem; }
p.muted, .muted { color: var(--muted); }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1.25rem;
  margin: 0 0 1rem; padding: .75rem 1rem; background: var(--band); border-radius: 6px; }
dl.facts div { display: contents; }
dl.facts dt { font-weight: 600; color: var(--muted); }
dl.facts dd { margin: 0; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
table.compact { width: auto; min-width: 24rem; }
th, td { border: 1px solid var(--line); padding: .35rem .55rem; text-align: left;
  vertical-align: top; overflow-wrap: break-word; }
th { background: var(--band); font-weight: 600; }
td.num, th.num { text-align: right; white-space: nowrap; }
tr.good td { background: var(--good-bg); }
tr.bad td { background: var(--bad-bg); }
tr.muted td { color: var(--muted); font-style: italic; }
tr.note td { background: var(--note-bg); }
ul { margin: .25rem 0 .75rem; padding-left: 1.4rem; }
ul.trace { font-size: .9rem; padding-left: 1rem; }
ul.trace ul { border-left: 1px dotted var(--line); padding-left: 1.1rem; }
ul.trace li { margin: .15rem 0; }
code { font: .85em/1.4 ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace;
  background: var(--band); padding: 0 .2em; border-radius: 3px; }
figure.chart { margin: 1rem 0; }
figure.chart svg { max-width: 100%; height: auto; }
figcaption { color: var(--muted); font-size: .9rem; }
footer { margin-top: 2.5rem; color: var(--muted); font-size: .85rem; }
@media print { main { max-width: none; padding: 0; } h2 { break-after: avoid; }
  tr, li { break-inside: avoid; } }
"""
"""The page's style sheet, inline in every page."""

_XHTML: Final = "http://www.w3.org/1999/xhtml"
_POLICY: Final = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"


def escape(text: str) -> str:
    """Escape *text* for HTML text or a quoted attribute (``& < > " '``)."""
    return html.escape(clean(text), quote=True)


def _inline(parts: Iterable[Run]) -> str:
    written = []
    for part in parts:
        text = escape(part.text)
        if part.style == "strong":
            text = f"<strong>{text}</strong>"
        elif part.style == "muted":
            text = f'<span class="muted">{text}</span>'
        elif part.style == "code":
            text = f"<code>{text}</code>"
        written.append(text)
    return "".join(written)


def _table(table: Table) -> str:
    def cell(tag: str, index: int, text: str) -> str:
        numeric = ' class="num"' if index in table.numeric else ""
        scope = ' scope="col"' if tag == "th" else ""
        return f"<{tag}{numeric}{scope}>{escape(text)}</{tag}>"

    head = "".join(cell("th", index, text) for index, text in enumerate(table.header))
    rows = []
    for position, row in enumerate(table.rows):
        tone = table.tones[position] if table.tones else "plain"
        attribute = f' class="{tone}"' if tone != "plain" else ""
        cells = "".join(cell("td", index, text) for index, text in enumerate(row))
        rows.append(f"<tr{attribute}>{cells}</tr>")
    body = "\n".join(rows)
    kind = ' class="compact"' if table.compact else ""
    return (
        f'<div class="scroll"><table{kind}>\n<thead><tr>{head}</tr></thead>\n'
        f"<tbody>\n{body}\n</tbody>\n</table></div>"
    )


def _items(items: Iterable[Item], kind: str | None) -> str:
    attribute = f' class="{escape(kind)}"' if kind else ""
    entries = []
    for item in items:
        inner = _items(item.children, None) if item.children else ""
        entries.append(f"<li>{_inline(item.runs)}{inner}</li>")
    return f"<ul{attribute}>\n" + "\n".join(entries) + "\n</ul>"


def _block(block: Block) -> str:
    if isinstance(block, Heading):
        return f"<h{block.level}>{escape(block.text)}</h{block.level}>"
    if isinstance(block, Paragraph):
        attribute = f' class="{block.tone}"' if block.tone != "plain" else ""
        return f"<p{attribute}>{_inline(block.runs)}</p>"
    if isinstance(block, Facts):
        rows = "".join(
            f"<div><dt>{escape(label)}</dt><dd>{escape(value)}</dd></div>"
            for label, value in block.rows
        )
        return f'<dl class="facts">{rows}</dl>'
    if isinstance(block, Bullets):
        return _items(block.items, block.kind)
    if isinstance(block, Chart):
        caption = f"<figcaption>{escape(block.caption)}</figcaption>"
        return f'<figure class="chart">\n{block.svg}\n{caption}\n</figure>'
    return _table(block)


def page(title: str, lang: Language, blocks: Iterable[Block], footer: str) -> str:
    """Write *blocks* as a standalone HTML5 page titled *title*, in *lang*."""
    body = "\n".join(_block(block) for block in blocks)
    return (
        "<!DOCTYPE html>\n"
        f'<html xmlns="{_XHTML}" lang="{lang}">\n<head>\n<meta charset="utf-8" />\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1" />\n'
        f'<meta http-equiv="Content-Security-Policy" content="{_POLICY}" />\n'
        f"<title>{escape(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n<main>\n"
        f"{body}\n<footer>{escape(footer)}</footer>\n</main>\n</body>\n</html>\n"
    )
