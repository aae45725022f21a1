"""
Exact decisions from float columns: a filter that knows when a float cannot be trusted.

Some formulas (a mean of ratios with different denominators, role weights renormalised
per row) have no bounded fixed-point form, so the generic engine computes them in
``float64`` together with a bound on the absolute error of every value.  A decision
(which way a value rounds, which side of a band cut it falls) is taken from the float
only where the value lies farther than its bound from every decision point; the rows
left are *flagged* and computed again exactly, in `fractions.Fraction`, by the caller.
This is the filtered exact evaluation of computational geometry: fast on the rows
that are clear, exact on every row.

The bound is that of a running sum: a value built from ``terms`` float operations on
numbers of at most ``magnitude`` is off by at most about ``terms x 2^-53 x
magnitude``; `error_bound` allows 16 times that plus 32 operations more, so a missed
decision would need an error far beyond float64's.  A flagged row costs only time,
never correctness.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

import numpy as np

if TYPE_CHECKING:
    from penilaian._base.rounding import Rounding
    from penilaian.batch._columns import Bools, Ints

    Floats = np.typing.NDArray[np.float64]

__all__ = ["SAFE_MAGNITUDE", "UNIT_ERROR", "error_bound", "round_filtered"]

UNIT_ERROR: Final = 2.0**-49
"""The error allowed per operation, relative to the magnitude: 16 times float64's 2^-53."""

SAFE_MAGNITUDE: Final = 2.0**40
"""Scaled values at or beyond this are always flagged: their integer part is not trusted."""


def error_bound(magnitude: Floats, terms: int) -> Floats:
    """The absolute error bound of values computed in *terms* operations on at most *magnitude*."""
    bound: Floats = np.abs(magnitude) * ((terms + 32) * UNIT_ERROR) + 2.0**-60
    return bound


def round_filtered(value: Floats, bound: Floats, rounding: Rounding) -> tuple[Ints, Bools]:
    """
    Round *value* by *rounding* to scaled integers, and flag where the float may mislead.

    Returns:
        The rounded values x 10^places (as `penilaian.Rounding.apply` gives them where
        not flagged), and the flags: rows whose value lies within *bound* of a
        rounding decision point (a half for the half modes, a whole number for
        ``down``), of 0, or is too large to trust.  Flagged rows hold an arbitrary
        number and must be recomputed exactly.
    """
    unit = 10.0**rounding.places
    scaled = np.abs(value) * unit
    slack = bound * unit + scaled * 2.0**-50
    whole = np.floor(scaled)
    part = scaled - whole
    if rounding.mode == "down":
        flagged = (part <= slack) | (part >= 1.0 - slack)
    else:
        flagged = np.abs(part - 0.5) <= slack
        whole = whole + (part > 0.5)
    flagged |= (np.abs(value) <= bound) | (scaled >= SAFE_MAGNITUDE) | ~np.isfinite(value)
    safe = np.where(flagged, 0.0, whole)
    rounded: Ints = np.where(value < 0, -safe, safe).astype(np.int64)
    return rounded, np.asarray(flagged)
