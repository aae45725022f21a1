"""Run the examples of README.md, docs/ and the docstrings in src/ as tests (Sybil)."""

from __future__ import annotations

from doctest import ELLIPSIS, NORMALIZE_WHITESPACE

from sybil import Sybil
from sybil.parsers.markdown import PythonCodeBlockParser, SkipParser
from sybil.parsers.rest import DocTestParser

_FLAGS = ELLIPSIS | NORMALIZE_WHITESPACE

markdown = Sybil(
    parsers=[PythonCodeBlockParser(doctest_optionflags=_FLAGS), SkipParser()],
    patterns=["README.md", "docs/*.md", "docs/*/*.md"],  # one level, as Path.match reads it
)
docstrings = Sybil(
    parsers=[DocTestParser(optionflags=_FLAGS)],
    # Path.match reads ** as one part before 3.12, so each depth of the package is named.
    patterns=["src/*/*.py", "src/*/*/*.py", "src/*/*/*/*.py", "src/*/*/*/*/*.py"],
)

pytest_collect_file = (markdown + docstrings).pytest()
