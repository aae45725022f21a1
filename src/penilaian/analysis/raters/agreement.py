"""
Inter-rater agreement: Krippendorff's alpha with the interval metric, computed exactly.

`krippendorff_alpha` takes, for each unit (one person and subject), the values its
raters gave, and returns the exact alpha as a `fractions.Fraction`;
`penilaian.analysis.raters.RaterAnalytics.agreement` reports it per subject and for all.
"""

from __future__ import annotations

from fractions import Fraction
from typing import TYPE_CHECKING

from penilaian._base.numbers import Number, to_fraction

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

__all__ = ["krippendorff_alpha"]


def krippendorff_alpha(units: Iterable[Sequence[Number]]) -> Fraction | None:
    """
    Return Krippendorff's alpha with the interval metric, exact.

    Args:
        units: For each unit (one person and subject), the values its raters gave;
            units with fewer than two values are not pairable and are ignored.

    Returns:
        ``1 - D_o / D_e``, where ``D_o`` is the observed and ``D_e`` the expected
        disagreement (Krippendorff 2011, "Computing Krippendorff's alpha-reliability");
        `None` when there are fewer than two pairable values or no variation at all.
    """
    pairable = [[_exact(value) for value in unit] for unit in units if len(unit) >= 2]
    count = sum(len(unit) for unit in pairable)
    if count < 2:
        return None
    observed = Fraction(0)
    for unit in pairable:
        observed += Fraction(_pair_squares(unit)) / (len(unit) - 1)
    expected = Fraction(_pair_squares([value for unit in pairable for value in unit])) / (count - 1)
    if not expected:
        return None
    return 1 - observed / expected


def _exact(value: Number) -> Fraction | int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    return to_fraction(value, "value")


def _pair_squares(values: list[Fraction | int]) -> Fraction | int:
    """Return the sum of (a - b)^2 over ordered pairs of distinct positions."""
    total = sum(values)
    squares = sum(value * value for value in values)
    return 2 * (len(values) * squares - total * total)
