"""Run the examples of README.md, docs/ and the docstrings in src/ as tests (Sybil)."""

from __future__ import annotations

import contextlib
import difflib
import io
import re
from doctest import ELLIPSIS, NORMALIZE_WHITESPACE, OutputChecker
from typing import TYPE_CHECKING

from sybil import Region, Sybil
from sybil.parsers.markdown import PythonCodeBlockParser, SkipParser
from sybil.parsers.rest import DocTestParser

if TYPE_CHECKING:
    from collections.abc import Iterator

    from sybil import Document, Example

_FLAGS = ELLIPSIS | NORMALIZE_WHITESPACE

# A Python block that prints, followed at once by a ```text block: the text is what it prints.
_PRINTED = re.compile(
    r"^```python\n(?P<code>(?:(?!```).*\n)*)```[ \t]*\n\s*"
    r"^```text\n(?P<output>(?:(?!```).*\n)*)```[ \t]*$",
    re.MULTILINE,
)


def _check_printed(example: Example) -> str | None:
    """Run the block, capturing what it prints; say how it differs from the text shown."""
    code, expected, line = example.parsed
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(compile("\n" * line + code, example.path, "exec"), example.namespace)  # noqa: S102
    got = printed.getvalue()
    if OutputChecker().check_output(expected, got, _FLAGS):
        return None
    diff = difflib.unified_diff(
        expected.splitlines(), got.splitlines(), "shown", "printed", lineterm=""
    )
    return "the text shown is not what the block prints:\n" + "\n".join(diff)


def _printed_blocks(document: Document) -> Iterator[Region]:
    for match in _PRINTED.finditer(document.text):
        if "print(" not in match["code"]:
            continue
        line = document.text.count("\n", 0, match.start("code"))
        yield Region(
            match.start(), match.end(), (match["code"], match["output"], line), _check_printed
        )


def _other_python_blocks(document: Document) -> Iterator[Region]:
    """The Python blocks the printed-output check does not run."""
    printed = {region.start for region in _printed_blocks(document)}
    for region in PythonCodeBlockParser(doctest_optionflags=_FLAGS)(document):
        if region.start not in printed:
            yield region


markdown = Sybil(
    parsers=[_printed_blocks, _other_python_blocks, SkipParser()],
    patterns=["README.md", "docs/*.md", "docs/*/*.md"],  # one level, as Path.match reads it
)
docstrings = Sybil(
    parsers=[DocTestParser(optionflags=_FLAGS)],
    # Path.match reads ** as one part before 3.12, so each depth of the package is named.
    patterns=["src/*/*.py", "src/*/*/*.py", "src/*/*/*/*.py", "src/*/*/*/*/*.py"],
)

pytest_collect_file = (markdown + docstrings).pytest()
