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

import sys
from pathlib import Path
from typing import IO, TYPE_CHECKING

from penilaian.exceptions import InvalidInputError, Problem
from penilaian.model.appraisal import Appraisal
from penilaian.serialization import parse_json, read_document, structure
from penilaian.simulation.progress import Progress

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

__all__ = ["each_with_progress", "load_appraisals", "write_output"]


def load_appraisals(name: str, stdin: IO[bytes] | None = None) -> tuple[Appraisal, ...]:
    """
    Read the appraisals of *name*: a JSON file, ``-`` (standard input), XLSX or CSV.

    JSON goes through the one JSON reader (`penilaian.serialization.parse_json`):
    numbers are read exactly, and a document larger than
    `penilaian.serialization.MAX_DOCUMENT_BYTES` is refused before it is parsed.

    Raises:
        InvalidInputError: for anything that is not a readable file of appraisals,
            with every problem and its location.
    """
    path = Path(name)
    if name != "-" and (path.is_dir() or path.suffix.lower() in {".xlsx", ".csv"}):
        from penilaian.io.spreadsheet import read_appraisals  # noqa: PLC0415 - optional extra

        return tuple(read_appraisals(path))
    if name != "-" and not path.is_file():
        raise InvalidInputError([Problem("$", f"{name}: no such file")])
    data = parse_json(read_document((stdin or sys.stdin.buffer) if name == "-" else path))
    if isinstance(data, list):
        return structure(data, tuple[Appraisal, ...])
    return (structure(data, Appraisal),)


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
