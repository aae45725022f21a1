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
from typing import IO, TYPE_CHECKING, Any, Final, NoReturn

import attrs

from penilaian.cli._words import CLI_WORDS
from penilaian.exceptions import (
    DuplicateIdError,
    InvalidInputError,
    InvalidValueError,
    MissingValueError,
    Problem,
)
from penilaian.io.spreadsheet import Workbook
from penilaian.model.appraisal import Appraisal
from penilaian.serialization import check_file, parse_json, read_file, structure
from penilaian.simulation.progress import Progress

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

    from penilaian._base.labels import Language

__all__ = [
    "STDOUT_NAMES",
    "Loaded",
    "OtherFileError",
    "each_with_progress",
    "load_appraisals",
    "load_sourced",
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
    return load_sourced(name, stdin).appraisals


@attrs.frozen
class Loaded:
    """
    The appraisals of FILE, and where each was read.

    Attributes:
        appraisals: The appraisals, in the file's order.
        workbook: The workbook they were read from (XLSX or CSV), to name rows and cells.
        array: Whether a JSON file held an array (its items are named ``$[i]``).
    """

    appraisals: tuple[Appraisal, ...]
    workbook: Workbook | None = None
    array: bool = False

    def place(self, index: int, path: str = "$") -> str:
        """Return where the part *path* of the *index*-th appraisal was read."""
        if self.workbook is not None:
            return self.workbook.place(self.appraisals[index].id, path)
        return f"$[{index}]{path[1:]}" if self.array else path

    def row(self, index: int, lang: Language = "id") -> str:
        """Name the *index*-th appraisal's row (``lembar employees, baris 3``) or item."""
        words = CLI_WORDS.in_language(lang)
        if self.workbook is not None:
            sheet, row = self.workbook.row(self.appraisals[index].id)
            return words["row"].format(sheet=sheet, row=row)
        return words["item"].format(index=index + 1) if self.array else ""


def load_sourced(name: str, stdin: IO[bytes] | None = None) -> Loaded:
    """Read the appraisals of *name* as `load_appraisals` does, keeping where each was read."""
    loaded = _load(name, stdin)
    if not loaded.appraisals:
        _nothing()
    return loaded


def _nothing() -> NoReturn:
    reason = "holds no appraisal: fill one row per appraisal in the employees sheet"
    reason += " (or give a JSON appraisal, or a non-empty array of them)"
    raise InvalidInputError([Problem("$", reason, MissingValueError("$", None, reason))])


def _load(name: str, stdin: IO[bytes] | None) -> Loaded:
    path = Path(name)
    if name != "-" and (path.is_dir() or path.suffix.lower() in {".xlsx", ".csv"}):
        # An optional extra, imported only when a spreadsheet is read.
        from penilaian.io.spreadsheet import DEFAULT_MAX_BYTES, read_workbook  # noqa: PLC0415

        if not path.is_dir():
            limit = "penilaian.io.spreadsheet.DEFAULT_MAX_BYTES"
            check_file(path, limit=DEFAULT_MAX_BYTES, limit_name=limit)
        workbook = read_workbook(path)
        return Loaded(workbook.appraisals, workbook)
    return _load_json(parse_json(read_input(name, stdin)))


def _load_json(data: object) -> Loaded:
    if not isinstance(data, list):
        return Loaded((structure(data, Appraisal),))
    repeated = list(_repeated_ids(data))
    try:
        appraisals = structure(data, tuple[Appraisal, ...])
    except InvalidInputError as error:
        raise InvalidInputError([*error.problems, *repeated], omitted=error.omitted) from error
    if repeated:
        raise InvalidInputError(repeated)
    return Loaded(appraisals, array=True)


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
