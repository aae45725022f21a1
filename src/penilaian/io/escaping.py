"""
Text made safe for the program that opens it: CSV cells that never run, Markdown without HTML.

The library writes its CSV through `CsvWriter` and escapes the data in its
Markdown with `escape_markdown`, so that data (a name, a title, a comment) can
never be turned against the person who opens the output.

**CSV.**  A spreadsheet program opening a CSV file takes a cell that starts
with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return for a formula, which
can run commands or send data away.  `neutralise_cell` prefixes such a text cell
with a single quote (``'=1+2``), which shows it as text; a number is left as it
is (``-5`` and ``-2.5E3`` are numbers, not formulas).  ``raw=True`` writes every
cell as it is, for programs that read the file as data.  `restore_cell` is its
exact inverse, which the CSV reader applies to every cell: a cell starting with
one or more quotes followed by one of those characters loses its first quote.
A text starting with quotes before one of them is given one quote more when
written, so what is written reads back equal.

**Markdown.**  `escape_markdown` writes a text on one line with the characters
that make emphasis, links, code, raw HTML, entities or table cells escaped by
a backslash, so ``<script>`` reads as text in any CommonMark renderer.
"""

from __future__ import annotations

import csv
import re
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from collections.abc import Iterable
    from typing import TextIO

__all__ = [
    "FORMULA_STARTS",
    "CsvWriter",
    "clean_text",
    "escape_markdown",
    "neutralise_cell",
    "restore_cell",
]

FORMULA_STARTS: Final = ("=", "+", "-", "@", "\t", "\r")
"""The first characters that make a spreadsheet program read a CSV cell as a formula."""

_STARTS: Final = "".join(re.escape(start) for start in FORMULA_STARTS)
_FORMULA: Final = re.compile(f"'*[{_STARTS}]")
_NEUTRALISED: Final = re.compile(f"'+[{_STARTS}]")
_NUMBER: Final = re.compile(r"[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")

_UNSAFE: Final = re.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]"
)
_SPECIAL: Final = re.compile(r"[\\`*\[\]<>|&#~]")
_UNDERSCORE: Final = re.compile(r"(?<![0-9A-Za-z])_|_(?![0-9A-Za-z])")
_SPACE: Final = re.compile(r"\s+")


def neutralise_cell(text: str) -> str:
    """
    Return the text of a CSV cell so that no spreadsheet program runs it.

    Text starting with a character of `FORMULA_STARTS` (after any single quotes)
    gets a single quote in front, unless it is a number.

    Examples:
        >>> print(neutralise_cell("=HYPERLINK(A1)"))
        '=HYPERLINK(A1)
        >>> neutralise_cell("-2.5"), neutralise_cell("Dewi")
        ('-2.5', 'Dewi')
    """
    if _FORMULA.match(text) and not _NUMBER.fullmatch(text):
        return f"'{text}"
    return text


def restore_cell(text: str) -> str:
    """
    Return the text a CSV cell written by `neutralise_cell` stood for (its exact inverse).

    Examples:
        >>> restore_cell("'=1+2"), restore_cell("''-x"), restore_cell("'quoted")
        ('=1+2', "'-x", "'quoted")
    """
    return text[1:] if _NEUTRALISED.match(text) else text


class CsvWriter:
    """
    A `csv.writer` whose text cells cannot run as formulas: the library's CSV writer.

    Text cells go through `neutralise_cell`; other values (numbers, `None`) are
    written as `csv.writer` writes them.

    Args:
        stream: Where the rows go (a file opened with ``newline=""``, or a `io.StringIO`).
        raw: Write every cell as it is, for programs that read the file as data.
        lineterminator: The end of each row.
    """

    def __init__(self, stream: TextIO, *, raw: bool = False, lineterminator: str = "\r\n") -> None:
        self._writer = csv.writer(stream, lineterminator=lineterminator)
        self._raw = raw

    def writerow(self, row: Iterable[object]) -> None:
        """Write one row."""
        if not self._raw:
            row = [neutralise_cell(cell) if isinstance(cell, str) else cell for cell in row]
        self._writer.writerow(row)

    def writerows(self, rows: Iterable[Iterable[object]]) -> None:
        """Write each of *rows*."""
        for row in rows:
            self.writerow(row)


def clean_text(text: str) -> str:
    """Replace characters a document must not hold (controls, surrogates, U+FFFE...) by U+FFFD."""
    return _UNSAFE.sub("\ufffd", text)


def escape_markdown(text: str) -> str:
    r"""
    Return *text* on one line (each run of whitespace one space), Markdown characters escaped.

    The backslash and `` ` * _ [ ] < > | & # ~`` are escaped (an underscore only
    where it could start or end emphasis), so no text makes markup, raw HTML or a
    table cell.  Every Markdown output of the library escapes its data with it.

    Examples:
        >>> print(escape_markdown("<b>Dewi</b> | A"))
        \<b\>Dewi\</b\> \| A
    """
    flat = _SPACE.sub(" ", clean_text(text))
    return _UNDERSCORE.sub(r"\\_", _SPECIAL.sub(r"\\\g<0>", flat))
