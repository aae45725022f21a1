"""Run the examples of README.md, docs/ and the docstrings in src/ as tests (Sybil)."""

from __future__ import annotations

import contextlib
import difflib
import io
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
from doctest import ELLIPSIS, NORMALIZE_WHITESPACE, OutputChecker
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sybil import Region, Sybil
from sybil.parsers.markdown import PythonCodeBlockParser, SkipParser
from sybil.parsers.rest import DocTestParser
from sybil.sybil import SybilCollection

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


# The pages whose ```console blocks run: each `$ penilaian ...` line runs as
# `python -m penilaian ...`, and the lines under it are what it prints.  A page named here
# runs in a folder of its own (its Python blocks too), so files made by one block are there
# for the next; pages not named here keep their console blocks as plain illustrations.
CLI_PAGES = ["docs/tutorials/siklus-penilaian.md"]

_CONSOLE = re.compile(r"^```console\n(?P<body>(?:(?!```).*\n)*)```[ \t]*$", re.MULTILINE)


def _run_command(line: str, last: int) -> tuple[str, int]:
    """Run one command of a console block; return what it printed and its exit code."""
    words = shlex.split(line)
    if words == ["echo", "$?"]:  # the exit code of the command before, as a shell shows it
        return f"{last}\n", 0
    if not words or words[0] != "penilaian":
        message = f"only `penilaian ...` and `echo $?` run in a console block, not {line!r}"
        raise ValueError(message)
    environment = {**os.environ, "PYTHONIOENCODING": "utf-8", "COLUMNS": "80"}
    done = subprocess.run(  # noqa: S603 - our own interpreter running our own command
        [sys.executable, "-m", "penilaian", *words[1:]],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,  # as a terminal shows them: messages among the data
        text=True,
        encoding="utf-8",
        check=False,
        env=environment,
        timeout=120,
    )
    return done.stdout, done.returncode


def _check_console(example: Example) -> str | None:
    """Run each `$ ` line of the block in turn; say where the output differs from the page."""
    last = 0
    for line, expected in example.parsed:
        got, last = _run_command(line, last)
        if not OutputChecker().check_output(expected, got, _FLAGS):
            diff = difflib.unified_diff(
                expected.splitlines(), got.splitlines(), "shown", "printed", lineterm=""
            )
            return f"$ {line}\n(exit code {last}) prints other text:\n" + "\n".join(diff)
    return None


def _console_blocks(document: Document) -> Iterator[Region]:
    for match in _CONSOLE.finditer(document.text):
        commands: list[tuple[str, str]] = []
        for line in match["body"].splitlines(keepends=True):
            if line.startswith("$ "):
                commands.append((line[2:].strip(), ""))
            elif commands:
                commands[-1] = (commands[-1][0], commands[-1][1] + line)
        if commands:
            yield Region(match.start(), match.end(), commands, _check_console)


def _enter_own_folder(namespace: dict[str, Any]) -> None:
    folder = Path(tempfile.mkdtemp(prefix="penilaian-docs-"))
    namespace["_cli_folders"] = (Path.cwd(), folder)
    os.chdir(folder)


def _leave_own_folder(namespace: dict[str, Any]) -> None:
    home, folder = namespace["_cli_folders"]
    os.chdir(home)
    shutil.rmtree(folder, ignore_errors=True)


markdown = Sybil(
    parsers=[_printed_blocks, _other_python_blocks, SkipParser()],
    patterns=["README.md", "docs/*.md", "docs/*/*.md"],  # one level, as Path.match reads it
    excludes=CLI_PAGES,
)
cli_pages = Sybil(
    parsers=[_printed_blocks, _other_python_blocks, _console_blocks, SkipParser()],
    patterns=CLI_PAGES,
    setup=_enter_own_folder,
    teardown=_leave_own_folder,
    name="cli",
)
docstrings = Sybil(
    parsers=[DocTestParser(optionflags=_FLAGS)],
    # Path.match reads ** as one part before 3.12, so each depth of the package is named.
    patterns=["src/*/*.py", "src/*/*/*.py", "src/*/*/*/*.py", "src/*/*/*/*/*.py"],
)

pytest_collect_file = SybilCollection((markdown, cli_pages, docstrings)).pytest()
