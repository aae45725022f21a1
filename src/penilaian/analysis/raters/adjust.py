"""
P-values adjusted for multiple comparisons: Benjamini-Hochberg, Holm, Bonferroni or none.

Testing hundreds of raters at 5 % each would flag some by chance alone.  `adjust`
returns adjusted p-values, each compared with the chosen level:

- Benjamini-Hochberg (1995) controls the false-discovery rate, the expected share of
  flagged raters who are not biased: ``min over j >= i of m p_(j) / j``;
- Holm (1979) and Bonferroni control the chance of flagging any unbiased rater.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from penilaian._base.labels import LabelledEnum

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["Adjustment", "adjust"]


class Adjustment(LabelledEnum):
    """How p-values are adjusted over all raters tested together."""

    BENJAMINI_HOCHBERG = ("benjamini_hochberg", "Benjamini-Hochberg", "Benjamini-Hochberg")
    HOLM = ("holm", "Holm", "Holm")
    BONFERRONI = ("bonferroni", "Bonferroni", "Bonferroni")
    NONE = ("none", "Tanpa penyesuaian", "No adjustment")


def adjust(p_values: Sequence[float], method: Adjustment | str) -> list[float]:
    """
    Return *p_values* adjusted by *method*, in their order, each at most 1.

    >>> adjust([0.01, 0.04, 0.03], "benjamini_hochberg")
    [0.03, 0.04, 0.04]
    >>> adjust([0.01, 0.04, 0.03], "holm")
    [0.03, 0.06, 0.06]

    Raises:
        UnknownLabelError: For an unknown *method*.
    """
    chosen = Adjustment.parse(method, "adjustment")
    count = len(p_values)
    if chosen is Adjustment.NONE:
        return [min(p, 1.0) for p in p_values]
    if chosen is Adjustment.BONFERRONI:
        return [min(p * count, 1.0) for p in p_values]
    order = sorted(range(count), key=lambda index: p_values[index])
    adjusted = [0.0] * count
    if chosen is Adjustment.HOLM:
        running = 0.0
        for rank, index in enumerate(order):
            running = max(running, min((count - rank) * p_values[index], 1.0))
            adjusted[index] = running
        return adjusted
    running = 1.0
    for rank in range(count - 1, -1, -1):
        index = order[rank]
        running = min(running, count * p_values[index] / (rank + 1))
        adjusted[index] = running
    return adjusted
