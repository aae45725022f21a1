"""
Appraisals in spreadsheets: templates to fill in, reading them back, exporting results.

An XLSX workbook has one sheet per table of `penilaian.io.tables` (and a
``petunjuk`` instructions sheet, which the reader skips); a CSV workbook is a
directory with one UTF-8 file per table (``employees.csv``, ``targets.csv``...).
Rows become the library's values through its own constructors, so every domain
rule runs, and every problem found in every sheet is reported at once in an
`penilaian.exceptions.InvalidInputError` whose problems have paths in the
spreadsheet's own notation: ``targets!E7`` for a cell (the header is row 1),
``targets!5:7`` for rows, ``targets`` for a sheet, the file's name for the file.

XLSX needs the ``xlsx`` extra (``pip install ".[xlsx]"`` in a clone); CSV needs nothing.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Final, Literal

from penilaian._base.labels import Language, checked_language
from penilaian.exceptions import (
    DuplicateIdError,
    InvalidInputError,
    InvalidValueError,
    MissingExtraError,
    Problem,
)
from penilaian.io._choices import localised_rows, scale_ids
from penilaian.io._csv import write_csv
from penilaian.io._workbook import Workbook, read_sourced
from penilaian.io._xlsx import Limits
from penilaian.io._xlsx_write import write_xlsx
from penilaian.io.export import (
    INSTRUCTION_HEADERS,
    RULES,
    appraisal_rows,
    cascade_rows,
    check_writable,
    instruction_rows,
    result_rows,
)
from penilaian.io.tables import CASCADE, INSTRUCTIONS_SHEET, RESULT_TABLES, TABLES

if TYPE_CHECKING:
    import os
    from collections.abc import Iterable, Sequence

    from penilaian.analysis.cascade import CascadeMatrix, RollUp
    from penilaian.model.appraisal import Appraisal
    from penilaian.scoring.result import Result

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DEFAULT_MAX_ROWS",
    "DEFAULT_MAX_UNPACKED_BYTES",
    "Format",
    "MissingExtraError",
    "Workbook",
    "read_appraisals",
    "read_workbook",
    "write_appraisals",
    "write_cascade",
    "write_results",
    "write_template",
]

DEFAULT_MAX_BYTES: Final = 50_000_000
"""The largest file (or CSV directory, all files together) `read_appraisals` reads: 50 MB."""

DEFAULT_MAX_ROWS: Final = 200_000
"""The most data rows `read_appraisals` reads in one sheet."""

DEFAULT_MAX_UNPACKED_BYTES: Final = 500_000_000
"""The most an XLSX file may unpack to, all its parts together: 500 MB."""

Format = Literal["xlsx", "csv"]
"""A spreadsheet format: an XLSX workbook, or a directory of CSV files."""


def read_appraisals(
    path: str | os.PathLike[str],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_rows: int = DEFAULT_MAX_ROWS,
    max_unpacked_bytes: int = DEFAULT_MAX_UNPACKED_BYTES,
) -> tuple[Appraisal, ...]:
    """
    Read the appraisals of an XLSX workbook, or of a directory of CSV files.

    One appraisal per row of the ``employees`` sheet, in its order.  The reader
    never evaluates a formula, follows a link or reads another file; the limits
    are checked before the data is read in full.

    Args:
        path: An ``.xlsx`` file, or a directory holding ``employees.csv``,
            ``targets.csv``, ``realisations.csv``, ``ratings.csv`` and any of the
            optional tables' files.  A single ``.csv`` file is refused: pass its directory.
        max_bytes: The largest file (or all CSV files together), in bytes.
        max_rows: The most data rows in one sheet.
        max_unpacked_bytes: The most an XLSX file may unpack to.

    Returns:
        The appraisals, each built and checked by `penilaian.Appraisal`.

    Raises:
        InvalidInputError: listing every problem, each with its place
            (``targets!E7``) and a message such as
            ``targets, row 7, column E (target_value): must be greater than 0 ...``.
        MissingExtraError: for an XLSX file without openpyxl installed.
        InvalidInputError: also when *path* is missing, not a regular file or directory,
            or over *max_bytes* (one problem naming the file).
    """
    return read_workbook(
        path, max_bytes=max_bytes, max_rows=max_rows, max_unpacked_bytes=max_unpacked_bytes
    ).appraisals


def read_workbook(
    path: str | os.PathLike[str],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_rows: int = DEFAULT_MAX_ROWS,
    max_unpacked_bytes: int = DEFAULT_MAX_UNPACKED_BYTES,
) -> Workbook:
    """
    Read a workbook as `read_appraisals` does, keeping where each appraisal was read.

    The `Workbook` names each appraisal's row on the employees sheet
    (`Workbook.row`) and the cell any part of it came from (`Workbook.place`), so
    that a problem found later, such as a scoring error for one appraisal, can be
    shown where the user typed it.  The arguments, checks and errors are
    `read_appraisals`'.

    Raises:
        InvalidInputError: listing every problem, each with its place.
        MissingExtraError: for an XLSX file without openpyxl installed.
    """
    limits = Limits(max_bytes, max_rows, max_unpacked_bytes)
    return read_sourced(path, limits)


def _format(path: Path, format: Format | None) -> Format:  # noqa: A002 - the public argument's name
    if format is None:
        return "xlsx" if path.suffix.lower() == ".xlsx" else "csv"
    if format not in ("xlsx", "csv"):
        raise InvalidValueError("format", format, "must be xlsx or csv")
    return format


def write_template(
    path: str | os.PathLike[str],
    format: Format | None = None,  # noqa: A002 - reads as the format it is
    *,
    example: Iterable[Appraisal] | None = None,
    raw: bool = False,
    lang: Language = "en",
) -> None:
    """
    Write a template to fill in: empty, or filled with *example* appraisals.

    An XLSX template starts with a ``petunjuk`` sheet explaining every column
    in Indonesian and English; each header carries the same text as a comment;
    id, NIP and text columns are formatted as Text and date columns as dates;
    every choice and yes/no column (and a rating's ``scale_id`` and ``level``) has
    a drop-down list covering every row, whose values all read back.
    A CSV template is a directory with one UTF-8 file per table and ``petunjuk.csv``.

    Args:
        path: The ``.xlsx`` file, or the directory for CSV files (created if
            missing; the tables' files in it are replaced).
        format: ``"xlsx"`` or ``"csv"``; by default ``"xlsx"`` for a path ending
            in ``.xlsx``, else ``"csv"``.
        example: Appraisals to fill it with; `read_appraisals` reads them back equal.
        raw: For CSV, write text cells as they are.  By default a text that a
            spreadsheet program would run as a formula (starting with ``=``,
            ``+``, ``-``, ``@``, a tab or a carriage return, and not a number)
            gets a single quote in front, which `read_appraisals` removes
            (`penilaian.io.escaping.neutralise_cell`).  XLSX text cells are
            always text, never formulas.
        lang: ``"en"`` (the default) names sheets (files) and columns by their
            stable English ids and offers choices as ids; ``"id"`` names them by
            their Indonesian names (``pegawai``, ``kode_penilaian``) and writes
            and offers choices as Indonesian labels and yes/no as ``Ya``/``Tidak``.
            Both read back the same.

    Raises:
        InvalidInputError: if an example cannot be written faithfully (a custom
            behaviour framework, text with spaces around it, a list item holding
            a semicolon); nothing is written then.
        InvalidValueError: for a *lang* other than ``"id"`` or ``"en"``.
        MissingExtraError: for XLSX without openpyxl installed.
    """
    write_appraisals(path, () if example is None else example, format=format, raw=raw, lang=lang)


def write_appraisals(
    path: str | os.PathLike[str],
    appraisals: Iterable[Appraisal],
    format: Format | None = None,  # noqa: A002 - reads as the format it is
    *,
    raw: bool = False,
    lang: Language = "en",
) -> None:
    """
    Write *appraisals* as a filled template, which `read_appraisals` reads back equal.

    The same as ``write_template(path, format, example=appraisals, raw=raw, lang=lang)``;
    see there.

    Raises:
        InvalidInputError: for what a spreadsheet cannot carry (with *raw*, a
            CSV text starting with a quote before a formula character too);
            nothing is written.
        InvalidValueError: for a *lang* other than ``"id"`` or ``"en"``.
        MissingExtraError: for XLSX without openpyxl installed.
    """
    target = Path(path)
    kind = _format(target, format)
    language = checked_language(lang)
    chosen = tuple(appraisals)
    problems = check_writable(chosen, raw=raw and kind == "csv")
    if problems:
        raise InvalidInputError(problems)
    canonical = appraisal_rows(chosen)
    rows = localised_rows(canonical, language)
    if kind == "xlsx":
        write_xlsx(
            target,
            [(table, rows[table]) for table in TABLES],
            instructions=True,
            lang=language,
            scale_ids=scale_ids(canonical),
        )
        return
    rules = [("*", "", "", "", indonesian, english, "") for indonesian, english in RULES]
    write_csv(
        target,
        [
            (INSTRUCTIONS_SHEET, INSTRUCTION_HEADERS, [*rules, *instruction_rows(language)]),
            *(
                (
                    table.sheet_name(language),
                    table.headings(language),
                    [[row.get(h) for h in table.headers] for row in rows[table]],
                )
                for table in TABLES
            ),
        ],
        raw=raw,
    )


def write_results(
    path: str | os.PathLike[str],
    results: Sequence[Result],
    appraisals: Sequence[Appraisal],
    format: Format | None = None,  # noqa: A002 - reads as the format it is
    *,
    figures: bool = True,
    lang: Language = "id",
    raw: bool = False,
) -> None:
    """
    Export scoring results: one row per appraisal, and optionally every figure.

    The ``results`` table has the appraisal and employee ids, name, NIP, regime,
    grade id and label, score, whether the result is complete and its gaps; the
    ``figures`` table every figure (``appraisal_id, key, value``) and the
    ``categories`` table every categorical value of `penilaian.Result.ratings`.
    Each file is written to a temporary file beside it and renamed on success,
    so a failure never leaves a partial file.

    Args:
        path: The ``.xlsx`` file, or the directory for ``results.csv``,
            ``figures.csv`` and ``categories.csv``.
        results: The results, in the order of the rows.
        appraisals: The appraisals scored, for the employees' names: each result
            is joined to the one appraisal of its id.
        format: ``"xlsx"`` or ``"csv"``; by default from *path* as for `write_template`.
        figures: Whether to add the figures and categories tables.
        lang: The language of the grade labels: ``"id"`` or ``"en"``.
        raw: For CSV, write text cells as they are, for programs that read the
            files as data; by default a text that would start a formula gets a
            single quote in front, as for `write_template`.

    Raises:
        InvalidInputError: for a result whose appraisal is not given, two
            appraisals with one id (at ``$[i].id``, naming the other's position)
            or two results of one appraisal; nothing is written.
        MissingExtraError: for XLSX without openpyxl installed.
    """
    target = Path(path)
    kind = _format(target, format)
    pairs, problems = _paired(results, appraisals)
    if problems:
        raise InvalidInputError(problems)
    rows, problems = result_rows(pairs, lang)  # a pair per result, in their order
    if problems:
        raise InvalidInputError(problems)
    tables = RESULT_TABLES if figures else RESULT_TABLES[:1]
    if kind == "xlsx":
        write_xlsx(target, [(table, rows[table]) for table in tables], instructions=False)
    else:
        write_csv(
            target,
            [
                (
                    table.name,
                    table.headers,
                    [[row.get(h) for h in table.headers] for row in rows[table]],
                )
                for table in tables
            ],
            raw=raw,
        )


def write_cascade(
    path: str | os.PathLike[str],
    matrix: CascadeMatrix,
    format: Format | None = None,  # noqa: A002 - reads as the format it is
    *,
    rolled: RollUp | None = None,
    raw: bool = False,
) -> None:
    """
    Write a leader's cascading matrix (matriks peran hasil) as the ``cascade`` table.

    One row per leader's target and target that cascades from it
    (`penilaian.io.export.cascade_rows`), with each target's rolled-up value when
    *rolled* is given; written beside and renamed on success, as `write_results` is.

    Args:
        path: The ``.xlsx`` file, or the directory for ``cascade.csv``.
        matrix: The matrix (`penilaian.analysis.cascade.cascade_matrix`).
        format: ``"xlsx"`` or ``"csv"``; by default from *path* as for `write_template`.
        rolled: A roll-up of the same tree (`penilaian.analysis.cascade.roll_up`).
        raw: For CSV, write text cells as they are (see `write_results`).

    Raises:
        MissingExtraError: for XLSX without openpyxl installed.
    """
    target = Path(path)
    kind = _format(target, format)
    rows = cascade_rows(matrix, rolled)[CASCADE]
    if kind == "xlsx":
        write_xlsx(target, [(CASCADE, rows)], instructions=False)
    else:
        cells = [[row.get(header) for header in CASCADE.headers] for row in rows]
        write_csv(target, [(CASCADE.name, CASCADE.headers, cells)], raw=raw)


def _paired(
    results: Sequence[Result], appraisals: Sequence[Appraisal]
) -> tuple[list[tuple[Appraisal, Result]], list[Problem]]:
    """Pair each result with the one appraisal of its id; refuse an id two appraisals share."""
    positions: dict[str, list[int]] = {}  # every position of an id: none is lost
    for position, appraisal in enumerate(appraisals):
        positions.setdefault(appraisal.id, []).append(position)
    problems = [
        Problem.from_error(
            f"$[{later}].id",
            DuplicateIdError("id", key, f"repeats the id of the appraisal at $[{found[0]}]"),
        )
        for key, found in positions.items()
        for later in found[1:]
    ]
    pairs: list[tuple[Appraisal, Result]] = []
    for position, result in enumerate(results):
        found = positions.get(result.appraisal_id, [])
        if not found:
            reason = "no appraisal with this id was given"
            error = InvalidValueError("appraisal_id", result.appraisal_id, reason)
            problems.append(Problem.from_error(f"$[{position}].appraisal_id", error))
        elif len(found) == 1:
            pairs.append((appraisals[found[0]], result))
    return pairs, problems
