"""
Strict checks of the HTML pages and Markdown tables that penilaian.reporting writes.

`check_page` runs two independent checks on a page and returns its XML tree:

1. `StrictHTMLChecker`, on top of `html.parser.HTMLParser`: the page starts with the
   HTML5 doctype; every non-void element is closed, in order; no end tag is stray;
   void elements are never closed; every attribute has a quoted value; and nothing
   runs or loads: no script, style or event attribute outside the one ``<style>``,
   no element that loads a resource, no URL attribute.
2. The page without its doctype parsed by `xml.etree.ElementTree` (the pages are
   written as XHTML-compatible markup), which rejects any markup error, unknown
   entity or unescaped ``&`` or ``<``.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
)
SVG = frozenset({"svg", "title", "line", "rect", "text", "tspan", "g", "path"})
FORBIDDEN = frozenset(
    {"script", "iframe", "object", "embed", "img", "link", "base", "form", "audio", "video"}
)
_ATTRIBUTE = re.compile(r'\s+([a-zA-Z_:][-a-zA-Z0-9_:.]*)(\s*=\s*"[^"]*")?')
_DOCTYPE = "<!DOCTYPE html>\n"


class StrictHTMLChecker(HTMLParser):
    """Collect every way a page breaks the rules above, as readable problems."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.stack: list[str] = []
        self.problems: list[str] = []
        self.styles = 0

    def _attributes(self, tag: str) -> None:
        raw = self.get_starttag_text() or ""
        inner = raw[len(tag) + 1 :].rstrip(">").rstrip("/").rstrip()
        rest = _ATTRIBUTE.sub("", inner)
        if rest.strip():
            self.problems.append(f"<{tag}> has badly written attributes: {rest!r}")
        for name, value in _ATTRIBUTE.findall(inner):
            if not value:
                self.problems.append(f"<{tag}> attribute {name} has no quoted value")
            if name.lower().startswith("on") or name.lower() in {"href", "src", "xlink:href"}:
                self.problems.append(f"<{tag}> has the attribute {name}")

    def handle_starttag(self, tag: str, attrs: object) -> None:
        self._attributes(tag)
        if tag in FORBIDDEN:
            self.problems.append(f"forbidden element <{tag}>")
        if tag == "style":
            self.styles += 1
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: object) -> None:
        self._attributes(tag)
        if tag in FORBIDDEN:
            self.problems.append(f"forbidden element <{tag}>")
        if tag not in VOID and tag not in SVG:
            self.problems.append(f"<{tag} /> is not a void or SVG element")

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            self.problems.append(f"void element </{tag}> closed")
        elif not self.stack or self.stack[-1] != tag:
            self.problems.append(f"stray </{tag}>, open: {self.stack}")
        else:
            self.stack.pop()

    def handle_entityref(self, name: str) -> None:
        if name not in {"amp", "lt", "gt", "quot"}:
            self.problems.append(f"entity &{name};")

    def check(self, page: str) -> list[str]:
        """Feed *page* and return every problem found."""
        if not page.startswith(_DOCTYPE):
            self.problems.append("no HTML5 doctype")
        self.feed(page)
        self.close()
        if self.stack:
            self.problems.append(f"unclosed: {self.stack}")
        if self.styles != 1:
            self.problems.append(f"{self.styles} style elements")
        return self.problems


def check_page(page: str) -> ET.Element:
    """Check *page* both ways; return its XML tree (namespaces kept as written)."""
    problems = StrictHTMLChecker().check(page)
    assert problems == [], problems
    return parse_xml(page.removeprefix(_DOCTYPE))


def parse_xml(text: str) -> ET.Element:
    """Parse markup this library wrote, as XML: any error in it raises."""
    return ET.fromstring(text)  # noqa: S314 - our own output, parsed to check it


def text_of(element: ET.Element) -> str:
    """The text of *element* and everything in it, as a browser shows it (whitespace folded)."""
    return " ".join("".join(element.itertext()).split())


def markdown_cells(line: str) -> list[str]:
    """Split a Markdown table row at its unescaped pipes (the cells, stripped)."""
    assert line.startswith("| ")
    assert line.endswith(" |")
    return [cell.strip() for cell in re.split(r"(?<!\\)\|", line[1:-1])]


def unescape_markdown(text: str) -> str:
    """Undo CommonMark backslash escapes."""
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", text)
