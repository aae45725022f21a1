"""
The column checks of a `penilaian.batch.pp46.Pp46Batch`, run when it is built.

Private to `penilaian.batch.pp46`: dtype and shape, then the values (what the scalar
regime refuses, as columns), then the bounds that keep the arithmetic in ``int64``.
"""

from __future__ import annotations

from typing import Final

import numpy as np

from penilaian.batch._columns import INT64_LIMIT, check_bool, check_int, check_places, listed
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
    main, used = batch.main, used_cells(batch)
    target, real = batch.target, batch.realisation
    limit = f"must be at most {INT64_LIMIT} scaled (the int64 arithmetic's bound)"
    required = np.zeros(used.shape, np.bool_)
    required[..., list(REQUIRED)] = True
    no_indicator = "a kegiatan needs a quantity, a quality and a time indicator"
    unrealised = "an indicator has no realisation; it is never taken as 0"
    off = used & batch.realised & ((real < 0) | (real > INT64_LIMIT))
    problems = [
        *listed(
            "indicator", main[..., None] & required & ~batch.indicator, batch.indicator,
            no_indicator, MissingValueError,
        ),
        *listed("target", used & (target <= 0), target, "must be greater than 0 (R / T)"),
        *listed("target", used & (target > INT64_LIMIT), target, limit),
        *listed("realised", used & ~batch.realised, real, unrealised, MissingValueError),
        *listed("realisation", off, real, f"must be from 0 to {INT64_LIMIT} scaled"),
    ]  # fmt: skip
    counts = main.sum(axis=1)
    no_main = "pp46_2011 needs at least one kegiatan tugas jabatan (a main work target)"
    problems += listed("main", counts == 0, counts, no_main, MissingValueError)
    problems += listed(
        "main", counts > ACTIVITY_LIMIT, counts, f"must hold at most {ACTIVITY_LIMIT} kegiatan"
    )
    extra = batch.additional
    problems += listed(
        "additional", (extra < 0) | (extra > INT64_LIMIT), extra, f"must be 0 to {INT64_LIMIT}"
    )
    found = batch.innovations
    problems += listed(
        "innovations", (found < 0) | (found > INNOVATION_LIMIT), found,
        f"must be a count from 0 to {INNOVATION_LIMIT}",
    )  # fmt: skip
    top = 100 * 10**batch.places
    scores = batch.behaviour
    problems += listed(
        "behaviour", batch.applies & batch.rated & ((scores < 0) | (scores > top)), scores,
        f"must lie from 0 to 100 under pp46_2011 (x 10^{batch.places})", OffScaleError,
    )  # fmt: skip
    applying = batch.applies.sum(axis=1)
    problems += listed(
        "applies", applying == 0, applying, "no aspect applies to the post", UnsupportedInputError
    )
    return problems


def _check_bounds(batch: Pp46Columns) -> list[Problem]:
    """The value and denominator bounds, on the aspect values of either branch taken."""
    used = used_cells(batch)
    numerator, denominator, _ = fractions(batch, used)
    big = used & (np.abs(numerator) // denominator >= VALUE_LIMIT)
    reason = f"gives an aspect value of {VALUE_LIMIT} or more in magnitude (the int64 bound)"
    problems = listed("realisation", big, batch.realisation, reason)
    _, over = common_denominator(denominator, used)
    shown = np.where(used, denominator, 1).max(axis=2, initial=1)
    wide = (
        f"the kegiatan's aspect values (in lowest terms) need a common denominator above "
        f"{DENOMINATOR_LIMIT} (the int64 bound)"
    )
    return [*problems, *listed("target", over, shown, wide)]
