"""
Files the command line reads and writes: appraisals in, outputs out, progress on a terminal.

Input is JSON (one appraisal, or an array of them; ``-`` for standard input), an XLSX
workbook or a directory of CSV files filled from `penilaian.io.spreadsheet`'s
template.  Output goes to standard output, or to a file written atomically: into a
temporary file beside it, renamed only once complete, so a failure never leaves a
partial file.  Progress is shown on a terminal's standard error and never when it
is piped.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import IO, TYPE_CHECKING, Final

from penilaian.exceptions import InvalidInputError, Problem
from penilaian.model.appraisal import Appraisal
from penilaian.simulation.progress import Progress

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

__all__ = ["MAX_JSON_BYTES", "each_with_progress", "load_appraisals", "write_output"]

MAX_JSON_BYTES: Final = 200 * 1024 * 1024
"""The largest JSON input read (200 MiB); a bigger file is refused before it is read."""


def load_appraisals(name: str, stdin: IO[bytes] | None = None) -> tuple[Appraisal, ...]:
    """
    Read the appraisals of *name*: a JSON file, ``-`` (standard input), XLSX or CSV.

    Raises:
        InvalidInputError: for anything that is not a readable file of appraisals,
            with every problem and its location.
    """
    path = Path(name)
    if name != "-" and (path.is_dir() or path.suffix.lower() in {".xlsx", ".csv"}):
        from penilaian.io.spreadsheet import read_appraisals  # noqa: PLC0415 - optional extra

        return tuple(read_appraisals(path))
    if name == "-":
        text = (stdin or sys.stdin.buffer).read(MAX_JSON_BYTES + 1)
    else:
        if not path.is_file():
            raise InvalidInputError([Problem("$", f"{name}: no such file")])
        if path.stat().st_size > MAX_JSON_BYTES:
            raise InvalidInputError([Problem("$", f"{name}: larger than {MAX_JSON_BYTES} bytes")])
        text = path.read_bytes()
    if len(text) > MAX_JSON_BYTES:
        raise InvalidInputError([Problem("$", f"{name}: larger than {MAX_JSON_BYTES} bytes")])
    return _from_json(text)


def _from_json(text: bytes) -> tuple[Appraisal, ...]:
    from penilaian.serialization import structure  # noqa: PLC0415 - keeps cattrs at the boundary

    try:
        data = json.loads(text)
    except (ValueError, UnicodeDecodeError) as error:
        raise InvalidInputError([Problem("$", f"not JSON: {error}")]) from error
    if isinstance(data, list):
        appraisals: list[Appraisal] = []
        problems: list[Problem] = []
        for index, item in enumerate(data):
            found = _structure_at(index, item)
            if isinstance(found, Appraisal):
                appraisals.append(found)
            else:
                problems += found
        if problems:
            raise InvalidInputError(problems)
        return tuple(appraisals)
    return (structure(data, Appraisal),)


def _structure_at(index: int, item: object) -> Appraisal | list[Problem]:
    """Structure the appraisal at *index* of an array, or return its problems with paths."""
    from penilaian.serialization import structure  # noqa: PLC0415 - keeps cattrs at the boundary

    try:
        return structure(item, Appraisal)
    except InvalidInputError as error:
        return [
            Problem(f"$[{index}]{problem.path[1:]}", problem.message, problem.error)
            for problem in error.problems
        ]


def write_output(text: str | bytes, output: str | None, stdout: IO[str]) -> None:
    """Write *text* to *output* atomically, or to *stdout* when no output is named."""
    if output is None or output == "-":
        stdout.write(text if isinstance(text, str) else text.decode("utf-8"))
        return
    from penilaian.io.files import staged  # noqa: PLC0415 - the io package's one writer

    data = text.encode("utf-8") if isinstance(text, str) else text
    with staged([Path(output)]) as (temporary,):
        temporary.write_bytes(data)


def each_with_progress(items: Sequence[Appraisal], label: str) -> Iterator[Appraisal]:
    """Yield *items*, showing progress on a terminal."""
    progress = Progress(len(items), label)
    try:
        for done, item in enumerate(items, 1):
            yield item
            progress.update(done)
    finally:
        progress.close()
