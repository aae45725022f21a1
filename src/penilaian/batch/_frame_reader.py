"""
Reading pandas columns for the batch engines: names, dtypes, NA and ids, every problem located.

Private to `penilaian.batch.frames`: a `Reader` wraps one DataFrame, converts its columns
and records one `penilaian.exceptions.Problem` per bad column or cell (the first few
cells of a column, then a count), its path naming the frame, the column and the row label.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Hashable, Sequence
from typing import TYPE_CHECKING, Final, Generic, TypeVar, cast

import attrs
import numpy as np
import pandas as pd

from penilaian._base.numbers import to_decimal
from penilaian.batch.permen6 import Permen6Batch
from penilaian.batch.pp30 import Pp30Batch
from penilaian.exceptions import (
    DuplicateIdError,
    InvalidInputError,
    InvalidValueError,
    MissingValueError,
    Problem,
    UnknownReferenceError,
)

if TYPE_CHECKING:
    from decimal import Decimal

    from penilaian._base.labels import LabelledEnum
    from penilaian.batch._columns import Bools, Ints

__all__ = ["NO_ROW", "SHOWN", "Framed", "Reader", "Recorder", "fail"]

SHOWN: Final = 5
"""How many bad cells of one column an error lists before summing up the rest."""

BatchT = TypeVar("BatchT", Permen6Batch, Pp30Batch)
_T = TypeVar("_T")


@attrs.frozen(eq=False)
class Framed(Generic[BatchT]):
    """
    A batch read from DataFrames, with the appraisal id of each of its rows.

    Attributes:
        ids: The appraisal ids, row by row (the appraisals' index).
        batch: The checked columns for the engine.
    """

    ids: pd.Index
    batch: BatchT


class _NoRow:
    """The label of a problem of a whole column."""

    def __repr__(self) -> str:
        return "<column>"


NO_ROW: Final = _NoRow()
"""Passed as the row label of a problem that concerns a whole column."""


def fail(problems: list[Problem]) -> None:
    """
    Raise the problems found, if any.

    Raises:
        InvalidInputError: listing *problems*.
    """
    if problems:
        raise InvalidInputError(problems)


def _is_boolean(series: pd.Series) -> bool:
    return str(series.dtype) == "boolean"


class Reader:
    """Reads the columns of one frame, recording every problem with its column and row label."""

    def __init__(self, name: str, frame: object, problems: list[Problem]) -> None:
        self.prefix = f"$.{name}." if name else "$."
        self.problems = problems
        self.ok = isinstance(frame, pd.DataFrame)
        self.frame = frame if isinstance(frame, pd.DataFrame) else pd.DataFrame()
        self.labels: list[Hashable] = list(self.frame.index)
        if not self.ok:
            reason = "must be a pandas DataFrame"
            error = InvalidValueError(name or "frame", type(frame).__name__, reason)
            problems.append(Problem(self.prefix.rstrip("."), f"{reason}", error))

    def problem(self, column: str, label: object, error: InvalidValueError) -> None:
        """Record *error* at *column* and row *label* (`NO_ROW` for the whole column)."""
        where = "" if label is NO_ROW else f"[{label!r}]"
        message = f"{error.reason} (got {error.value!r})"
        self.problems.append(Problem(f"{self.prefix}{column}{where}", message, error))

    def cells(  # noqa: PLR0917 - kind, values and labels are optional, in that order
        self,
        column: str,
        rows: Sequence[int],
        reason: str,
        kind: type[InvalidValueError] = InvalidValueError,
        values: Sequence[object] | None = None,
        labels: Sequence[Hashable] | None = None,
    ) -> None:
        """Record one problem per bad row of *column* (the first few, then a count)."""
        labels = self.labels if labels is None else labels
        for row in rows[:SHOWN]:
            value = None if values is None else values[row]
            label = labels[row]
            self.problem(column, label, kind(column, value, f"row {label!r}: {reason}"))
        if len(rows) > SHOWN:
            more = len(rows) - SHOWN
            self.problem(column, NO_ROW, kind(column, more, f"{reason}: {more} more rows"))

    def columns(self, required: Sequence[str], known: Sequence[str] = ()) -> bool:
        """
        Check that *required* columns are present and no unknown one is.

        *known* lists optional names, or regular expressions starting ``^``.  A missing
        or unknown column is named with the closest name, to catch a misspelling.
        """
        if not self.ok:
            return False
        present = [str(name) for name in self.frame.columns]
        allowed = sorted({*required, *(name for name in known if not name.startswith("^"))})
        unknown = [name for name in present if name not in allowed and not _matches(name, known)]
        for name in required:
            if name not in present:
                close = difflib.get_close_matches(name, unknown, 1)
                hint = f"; is {close[0]!r} it, misspelt?" if close else ""
                reason = f"a required column is missing{hint}"
                self.problem(name, NO_ROW, MissingValueError(name, None, reason))
        for name in unknown:
            close = difflib.get_close_matches(name, allowed, 1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            self.problem(name, NO_ROW, InvalidValueError(name, name, f"unknown column{hint}"))
        return all(name in present for name in required)

    def _dtype(self, column: str, series: pd.Series, expected: str) -> None:
        reason = f"must have dtype {expected}; nothing else is converted"
        self.problem(column, NO_ROW, InvalidValueError(column, str(series.dtype), reason))

    def flags(self, column: str, absent: Bools | None = None) -> Bools | None:
        """
        The ``bool`` values of *column*, or `None` if its dtype is wrong.

        A nullable ``boolean`` column may hold NA only where *absent* is set (no value
        is needed there, which reads as False).
        """
        series = self.frame[column]
        if series.dtype == np.bool_:
            return series.to_numpy(np.bool_)
        if not _is_boolean(series):
            self._dtype(column, series, "bool (or nullable boolean)")
            return None
        na = series.isna().to_numpy(np.bool_)
        if absent is not None:
            na &= ~absent
        self.cells(column, np.flatnonzero(na).tolist(), "a flag is required, not NA",
                   MissingValueError)  # fmt: skip
        return series.fillna(value=False).to_numpy(np.bool_)

    def numbers(self, column: str, *, required: bool = True) -> list[Decimal | None]:
        """Each cell of *column* as an exact `Decimal` (`None` where NA and allowed)."""
        series = self.frame[column]
        kind = series.dtype.kind
        if kind == "b" or kind not in "iufOSUT":
            self._dtype(column, series, "a number type, Decimal objects or numeric text")
            return [None] * len(series)
        found, missing, bad, values = self._parsed(
            column, lambda value: to_decimal(value, column), required=required
        )
        reason = "a value is required, not NA; missing is never 0"
        self.cells(column, missing, reason, MissingValueError)
        self.cells(column, bad, "must be a finite number", values=values)
        return found

    def members(
        self, column: str, enum: type[LabelledEnum], *, required: bool = True
    ) -> list[LabelledEnum | None]:
        """Each cell of *column* parsed as a member of *enum* (`None` where NA and allowed)."""
        found, missing, bad, values = self._parsed(
            # A cell may hold anything; parse refuses what is not a label (caught as bad).
            column,
            lambda value: enum.parse(cast("str", value), column),
            required=required,
        )
        accepted = ", ".join(member.value for member in enum)
        self.cells(column, missing, "a value is required, not NA", MissingValueError)
        self.cells(column, bad, f"must be one of {accepted}", values=values)
        return found

    def _parsed(
        self, column: str, parse: Callable[[object], _T], *, required: bool
    ) -> tuple[list[_T | None], list[int], list[int], list[object]]:
        """
        Parse each cell of *column* with *parse*.

        Returns the values (`None` where NA or refused), the rows that are NA where a
        value is required, the rows *parse* refused, and the raw cells.
        """
        values = self.frame[column].tolist()
        found: list[_T | None] = []
        missing: list[int] = []
        bad: list[int] = []
        for row, (value, absent) in enumerate(
            zip(values, self.frame[column].isna().tolist(), strict=True)
        ):
            if absent:
                found.append(None)
                if required:
                    missing.append(row)
                continue
            try:
                found.append(parse(value))
            except (InvalidValueError, TypeError, AttributeError):
                found.append(None)
                bad.append(row)
        return found, missing, bad, values

    def keys(self, column: str) -> list[Hashable]:
        """The ids in *column*; NA is refused."""
        series = self.frame[column]
        na = np.flatnonzero(series.isna().to_numpy(np.bool_)).tolist()
        self.cells(column, na, "an id is required, not NA", MissingValueError)
        return list(series.tolist())

    def index_ids(self) -> pd.Index:
        """The frame's index as appraisal ids: no NA, no duplicates."""
        index = self.frame.index
        na = np.flatnonzero(np.asarray(index.isna())).tolist()
        self.cells("index", na, "an appraisal id is required, not NA", MissingValueError)
        twice = np.flatnonzero(np.asarray(index.duplicated())).tolist()
        self.cells("index", twice, "appraisal ids must be unique", DuplicateIdError,
                   values=list(index))  # fmt: skip
        return index

    def references(self, column: str, ids: pd.Index) -> Ints:
        """The row of *ids* each id in *column* refers to; unknown ids are problems (and -1)."""
        keys = self.keys(column)
        codes = np.asarray(ids.get_indexer(pd.Index(keys, dtype=object)), np.int64)
        bad = np.flatnonzero(codes < 0).tolist()
        self.cells(column, bad, "no appraisal has this id", UnknownReferenceError, values=keys)
        return codes


def _matches(name: str, known: Sequence[str]) -> bool:
    return any(pattern.startswith("^") and re.fullmatch(pattern[1:], name) for pattern in known)


@attrs.frozen
class Recorder:
    """
    Records problems of rows that came from several columns (a wide frame's places).

    Attributes:
        reader: Where problems go.
        column: The column a (field, row) came from.
        labels: The row label of each row.
    """

    reader: Reader
    column: Callable[[str, int], str]
    labels: Sequence[Hashable]

    def __call__(
        self,
        field: str,
        rows: Sequence[int],
        reason: str,
        kind: type[InvalidValueError] = InvalidValueError,
        values: Sequence[object] | None = None,
    ) -> None:
        """Record one problem per row of *rows*, under the column it came from."""
        by_column: dict[str, list[int]] = {}
        for row in rows:
            by_column.setdefault(self.column(field, row), []).append(row)
        for name, found in by_column.items():
            self.reader.cells(name, found, reason, kind, values, self.labels)
