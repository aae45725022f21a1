"""
Column checks run a chunk of rows at a time, so their memory is bounded by the chunk.

A check is a mask of bad cells over some rows (and what each bad cell shows).  `scan`
builds each check's mask for one chunk of `CHUNK_ROWS` rows after another and keeps,
per check, the first few bad cells (with their row labels in the whole batch) and
how many there are: the temporaries of a check are a chunk's, never the batch's, and
a mask with no bad cell costs one ``any()``.  `penilaian.batch._columns.checked`
turns what `scan` found into problems, in the order of the checks and, within a
check, of the cells (row-major): the same problems, in the same order, as one pass
over whole columns.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Final

import attrs
import numpy as np

from penilaian.exceptions import InvalidNumberError, InvalidValueError

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Sequence  # noqa: TC004 - attrs leaves the annotation a string

    import numpy.typing as npt  # noqa: TC004 - attrs leaves the annotation a string

    Bools = npt.NDArray[np.bool_]

__all__ = ["CHUNK_ROWS", "SHOWN", "Cells", "Check", "row_chunks", "scan"]

CHUNK_ROWS: Final = 65_536
"""
Rows a column check reads at a time.

Its masks and temporaries then take a few MiB whatever the batch's size (65,536 rows
x 8 indicator places x 8 bytes is 4 MiB for an ``int64`` temporary), and the chunk is
long enough that numpy's per-call cost is small beside the work.
"""

SHOWN: Final = 5
"""How many bad cells of one check an error lists before summing up the rest."""


def row_chunks(n: int, size: int = CHUNK_ROWS) -> Iterator[slice]:
    """The slices of *size* rows (the last one shorter) that cover ``range(n)``."""
    for start in range(0, n, size):
        yield slice(start, min(start + size, n))


@attrs.define
class Cells:
    """
    The bad cells of one check found so far: the first `SHOWN`, and how many in all.

    Attributes:
        first: Each shown cell's index in the whole batch and its value (a Python
            scalar, as ``ndarray.item`` gives it).
        count: How many bad cells there are.
    """

    first: list[tuple[tuple[int, ...], object]] = attrs.Factory(list)
    count: int = 0

    def add(self, bad: Bools, values: Callable[[], npt.NDArray[np.generic]], start: int) -> None:
        """
        Add the bad cells of a chunk whose first row is *start*.

        *values* gives the chunk's values, aligned with *bad*; it is called only when a
        bad cell is still to be shown.
        """
        if not bad.any():
            return
        wanted = SHOWN - len(self.first)
        if wanted > 0:
            shown = values()
            for cell in np.argwhere(bad)[:wanted].tolist():
                value = shown[tuple(cell)].item()
                self.first.append(((start + cell[0], *cell[1:]), value))
        self.count += int(np.count_nonzero(bad))


@attrs.frozen
class Check:
    """
    One column check: which cells of some rows are bad, and what each shows.

    Attributes:
        column: The column named in the problem (``$.<column>[row, ...]``).
        reason: Why a cell is bad.
        mask: The bad cells of the rows of a slice.
        values: The values of the rows of a slice, aligned with the mask.
        error: The `InvalidValueError` leaf each problem carries.
    """

    column: str
    reason: str
    mask: Callable[[slice], Bools] = attrs.field(eq=False)
    values: Callable[[slice], npt.NDArray[np.generic]] = attrs.field(eq=False)
    error: type[InvalidValueError] = InvalidNumberError


def scan(n: int, checks: Sequence[Check], size: int | None = None) -> list[Cells]:
    """The bad cells of each of *checks* over *n* rows, chunk by chunk (`CHUNK_ROWS` rows)."""
    found = [Cells() for _ in checks]
    for rows in row_chunks(n, CHUNK_ROWS if size is None else size):
        for check, cells in zip(checks, found, strict=True):
            cells.add(check.mask(rows), functools.partial(check.values, rows), rows.start)
    return found
