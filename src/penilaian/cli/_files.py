"""
Files the command line reads and writes: appraisals in, outputs out, progress on a terminal.

Input is JSON (one appraisal, or an array of them; ``-`` for standard input), an XLSX
workbook or a directory of CSV files filled from `penilaian.io.spreadsheet`'s
template; every file is checked first by `penilaian.serialization.check_file`.
Output goes to standard output, or through `penilaian.io.files.staged`: a file is
written into a temporary file beside it, renamed only once complete, so a failure
never leaves a partial file.  Progress is shown on a terminal's standard error and
never when it is piped.
"""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Final

from penilaian.exceptions import (
    DuplicateIdError,
    InvalidInputError,
    InvalidValueError,
    MissingValueError,
    Problem,
)
from penilaian.model.appraisal import Appraisal
from penilaian.serialization import check_file, parse_json, read_file, structure
from penilaian.simulation.progress import Progress

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

__all__ = [
    "STDOUT_NAMES",
    "OtherFileError",
    "each_with_progress",
    "load_appraisals",
    "naming",
    "read_input",
    "write_output",
]

STDOUT_NAMES: Final = frozenset({"-", "/dev/stdout"})
"""The outputs that mean standard output: written to the command's own stream."""


class OtherFileError(Exception):
    """
    A file other than FILE (an output, a ``--policy`` file) failed (exit 1).

    Attributes:
        path: The file, as the user named it.
        error: What went wrong.
    """

    def __init__(self, path: str, error: Exception) -> None:
        super().__init__(path, error)
        self.path = path
        self.error = error

    def __str__(self) -> str:
        detail: object = self.error
        if isinstance(self.error, OSError) and self.error.strerror:
            detail = self.error.strerror  # the path is named once, as given
        elif isinstance(self.error, InvalidValueError):
            detail = self.error.reason
        return f"{self.path}: {detail}"


@contextlib.contextmanager
def naming(path: str) -> Iterator[None]:
    """Turn a failure to read or write *path*, a file other than FILE, into `OtherFileError`."""
    try:
        yield
    except (InvalidInputError, InvalidValueError, OSError) as error:
        raise OtherFileError(path, error) from error


def read_input(name: str, stdin: IO[bytes] | None = None) -> bytes:
    """Return the bytes of the JSON input *name*: a regular file, or ``-`` (standard input)."""
    return read_file(name, stdin=(stdin or sys.stdin.buffer) if name == "-" else None)


def load_appraisals(name: str, stdin: IO[bytes] | None = None) -> tuple[Appraisal, ...]:
    """
    Read the appraisals of *name*: a JSON file, ``-`` (standard input), XLSX or CSV.

    JSON goes through the one JSON reader (`penilaian.serialization.parse_json`):
    numbers are read exactly, and a document larger than
    `penilaian.serialization.MAX_DOCUMENT_BYTES` is refused before it is parsed.
    Two appraisals with one id are refused, as the spreadsheet reader refuses them, and
    so is a file that holds none (an empty template, an empty array): nothing to check or
    score is a mistake to report, never "valid 0 appraisals".

    Raises:
        InvalidInputError: for anything that is not a readable file of appraisals,
            with every problem and its location.
    """
    appraisals = _load(name, stdin)
    if not appraisals:
        reason = "holds no appraisal: fill one row per appraisal in the employees sheet"
        reason += " (or give a JSON appraisal, or a non-empty array of them)"
        raise InvalidInputError([Problem("$", reason, MissingValueError("$", None, reason))])
    return appraisals


def _load(name: str, stdin: IO[bytes] | None) -> tuple[Appraisal, ...]:
    path = Path(name)
    if name != "-" and (path.is_dir() or path.suffix.lower() in {".xlsx", ".csv"}):
        # An optional extra, imported only when a spreadsheet is read.
        from penilaian.io.spreadsheet import DEFAULT_MAX_BYTES, read_appraisals  # noqa: PLC0415

        if not path.is_dir():
            limit = "penilaian.io.spreadsheet.DEFAULT_MAX_BYTES"
            check_file(path, limit=DEFAULT_MAX_BYTES, limit_name=limit)
        return tuple(read_appraisals(path))
    data = parse_json(read_input(name, stdin))
    if not isinstance(data, list):
        return (structure(data, Appraisal),)
    repeated = list(_repeated_ids(data))
    try:
        appraisals = structure(data, tuple[Appraisal, ...])
    except InvalidInputError as error:
        raise InvalidInputError([*error.problems, *repeated], omitted=error.omitted) from error
    if repeated:
        raise InvalidInputError(repeated)
    return appraisals


def _repeated_ids(items: list[Any]) -> Iterator[Problem]:
    """Yield a problem at each ``$[i].id`` that repeats an earlier appraisal's id."""
    first: dict[str, int] = {}
    for index, item in enumerate(items):
        appraisal_id = item.get("id") if isinstance(item, dict) else None
        if not isinstance(appraisal_id, str):
            continue
        if appraisal_id in first:
            reason = f"repeats appraisal {appraisal_id} of $[{first[appraisal_id]}]"
            error = DuplicateIdError("id", appraisal_id, reason)
            yield Problem.from_error(f"$[{index}].id", error)
        else:
            first[appraisal_id] = index


def write_output(text: str | bytes, output: str | None, stdout: IO[str]) -> None:
    """
    Write *text* to *output*, whole or not at all, or to *stdout*.

    No output, ``-`` and ``/dev/stdout`` mean *stdout*; anything else is written
    through `penilaian.io.files.staged` (a file atomically, with its mode kept; a
    link's file; a terminal or a named pipe straight through).

    Raises:
        OtherFileError: if *output* cannot be written, naming it.
    """
    if output is None or output in STDOUT_NAMES:
        stdout.write(text if isinstance(text, str) else text.decode("utf-8"))
        return
    from penilaian.io.files import staged  # noqa: PLC0415 - the io package's one writer

    data = text.encode("utf-8") if isinstance(text, str) else text
    with naming(output), staged([output]) as (temporary,):
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
