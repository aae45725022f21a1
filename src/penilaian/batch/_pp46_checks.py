"""
The column checks of a `penilaian.batch.pp46.Pp46Batch`, run when it is built.

Private to `penilaian.batch.pp46`: dtype and shape, then the values (what the scalar
regime refuses, as columns), then the bounds that keep the arithmetic in ``int64``.
"""

from __future__ import annotations

from typing import Final

import attrs
import numpy as np

from penilaian.batch._chunks import Check
from penilaian.batch._columns import (
    INT64_LIMIT,
    Bools,
    Ints,
    check_bool,
    check_int,
    check_places,
    checked,
)
from penilaian.batch._pp46_kernel import (
    ACTIVITY_LIMIT,
    DENOMINATOR_LIMIT,
    INNOVATION_LIMIT,
    PP46_ASPECTS,
    PP46_SCOPES,
    PP46_SLOTS,
    REQUIRED,
    VALUE_LIMIT,
    Pp46Columns,
    common_denominator,
    fractions,
    used_cells,
)
from penilaian.exceptions import (
    InvalidValueError,
    MissingValueError,
    OffScaleError,
    Problem,
    UnsupportedInputError,
)

__all__ = ["check_columns"]

_BOOL_COLUMNS: Final = ("main", "indicator", "realised", "rated", "applies")
_INT_COLUMNS: Final = ("target", "realisation", "additional", "innovations", "behaviour")


def check_columns(batch: Pp46Columns) -> list[Problem]:
    """Every problem of *batch*'s columns: dtypes and shapes first, then values, then bounds."""
    problems = check_places(batch.places)
    main: object = batch.main
    if not isinstance(main, np.ndarray) or main.ndim != 2:
        reason = "must be a numpy array of shape (appraisals, targets)"
        error = InvalidValueError("main", getattr(main, "shape", type(main).__name__), reason)
        return [*problems, Problem("$.main", reason, error)]
    rows = main.shape[:1]
    cells = (*main.shape, len(PP46_SLOTS))
    aspects = (*rows, len(PP46_ASPECTS))
    shapes: dict[str, tuple[int, ...]] = {
        "main": main.shape,
        "additional": rows,
        "innovations": (*rows, len(PP46_SCOPES)),
        **dict.fromkeys(("behaviour", "rated", "applies"), aspects),
    }
    for name in _BOOL_COLUMNS:
        problems += check_bool(name, getattr(batch, name), shapes.get(name, cells))
    for name in _INT_COLUMNS:
        problems += check_int(name, getattr(batch, name), shapes.get(name, cells))
    if problems:
        return problems
    problems = _check_values(batch)
    if problems:
        return problems
    return _check_bounds(batch)


def _check_values(batch: Pp46Columns) -> list[Problem]:
    """The value checks, a chunk of rows at a time (`penilaian.batch._chunks`)."""
    main, indicator, realised = batch.main, batch.indicator, batch.realised
    target, real = batch.target, batch.realisation
    limit = f"must be at most {INT64_LIMIT} scaled (the int64 arithmetic's bound)"
    required = np.zeros(len(PP46_SLOTS), np.bool_)
    required[list(REQUIRED)] = True
    no_indicator = "a kegiatan needs a quantity, a quality and a time indicator"
    unrealised = "an indicator has no realisation; it is never taken as 0"
    no_main = "pp46_2011 needs at least one kegiatan tugas jabatan (a main work target)"
    extra, found, scores, rated, applies = (
        batch.additional, batch.innovations, batch.behaviour, batch.rated, batch.applies,
    )  # fmt: skip
    top = 100 * 10**batch.places

    def used(r: slice) -> Bools:
        cells: Bools = main[r][..., None] & indicator[r]
        return cells

    def counts(r: slice) -> Ints:
        count: Ints = main[r].sum(axis=1)
        return count

    checks = [
        Check(
            "indicator", no_indicator, lambda r: main[r][..., None] & required & ~indicator[r],
            lambda r: indicator[r], MissingValueError,
        ),
        Check(
            "target", "must be greater than 0 (R / T)", lambda r: used(r) & (target[r] <= 0),
            lambda r: target[r],
        ),
        Check("target", limit, lambda r: used(r) & (target[r] > INT64_LIMIT), lambda r: target[r]),
        Check(
            "realised", unrealised, lambda r: used(r) & ~realised[r], lambda r: real[r],
            MissingValueError,
        ),
        Check(
            "realisation", f"must be from 0 to {INT64_LIMIT} scaled",
            lambda r: used(r) & realised[r] & ((real[r] < 0) | (real[r] > INT64_LIMIT)),
            lambda r: real[r],
        ),
        Check("main", no_main, lambda r: counts(r) == 0, counts, MissingValueError),
        Check(
            "main", f"must hold at most {ACTIVITY_LIMIT} kegiatan",
            lambda r: counts(r) > ACTIVITY_LIMIT, counts,
        ),
        Check(
            "additional", f"must be 0 to {INT64_LIMIT}",
            lambda r: (extra[r] < 0) | (extra[r] > INT64_LIMIT), lambda r: extra[r],
        ),
        Check(
            "innovations", f"must be a count from 0 to {INNOVATION_LIMIT}",
            lambda r: (found[r] < 0) | (found[r] > INNOVATION_LIMIT), lambda r: found[r],
        ),
        Check(
            "behaviour", f"must lie from 0 to 100 under pp46_2011 (x 10^{batch.places})",
            lambda r: applies[r] & rated[r] & ((scores[r] < 0) | (scores[r] > top)),
            lambda r: scores[r], OffScaleError,
        ),
        Check(
            "applies", "no aspect applies to the post", lambda r: applies[r].sum(axis=1) == 0,
            lambda r: applies[r].sum(axis=1), UnsupportedInputError,
        ),
    ]  # fmt: skip
    return checked(len(main), checks)


@attrs.frozen
class _Rows:
    """The rows of a slice of a batch's columns, read as a batch (`Pp46Columns`)."""

    batch: Pp46Columns
    rows: slice

    places = property(lambda self: self.batch.places)
    main = property(lambda self: self.batch.main[self.rows])
    indicator = property(lambda self: self.batch.indicator[self.rows])
    target = property(lambda self: self.batch.target[self.rows])
    realisation = property(lambda self: self.batch.realisation[self.rows])
    realised = property(lambda self: self.batch.realised[self.rows])
    additional = property(lambda self: self.batch.additional[self.rows])
    innovations = property(lambda self: self.batch.innovations[self.rows])
    behaviour = property(lambda self: self.batch.behaviour[self.rows])
    rated = property(lambda self: self.batch.rated[self.rows])
    applies = property(lambda self: self.batch.applies[self.rows])


def _check_bounds(batch: Pp46Columns) -> list[Problem]:
    """The value and denominator bounds, on the aspect values of either branch taken."""
    reason = f"gives an aspect value of {VALUE_LIMIT} or more in magnitude (the int64 bound)"
    wide = (
        f"the kegiatan's aspect values (in lowest terms) need a common denominator above "
        f"{DENOMINATOR_LIMIT} (the int64 bound)"
    )
    realisation = batch.realisation

    def denominators(r: slice) -> tuple[Bools, Ints]:
        part = _Rows(batch, r)
        used = used_cells(part)
        return used, fractions(part, used)[1]

    def big(r: slice) -> Bools:
        part = _Rows(batch, r)
        used = used_cells(part)
        numerator, denominator, _ = fractions(part, used)
        found: Bools = used & (np.abs(numerator) // denominator >= VALUE_LIMIT)
        return found

    def over(r: slice) -> Bools:
        used, denominator = denominators(r)
        return common_denominator(denominator, used)[1]

    def shown(r: slice) -> Ints:
        used, denominator = denominators(r)
        most: Ints = np.where(used, denominator, 1).max(axis=2, initial=1)
        return most

    checks = [
        Check("realisation", reason, big, lambda r: realisation[r]),
        Check("target", wide, over, shown),
    ]
    return checked(len(batch.main), checks)
