"""
The sums behind a `Mean` weighting: each role's ratings of each subject, in one pass.

`sum_cells` reads an appraisal's ratings once and gives, for each subject asked about, a
row of cells, one per rater role the weighting kernel knows (its weighted roles first):
each cell the sum of that role's ratings of the subject and their count.  It answers
only an appraisal with one scale, which every rating is on (the appraisal checks that on
construction), and raters whose roles the kernel knows.  On a scale of whole steps from
a whole minimum every score is a whole number (the appraisal checks each is on its
scale), so the sums are integers; on any other they are exact `Decimal` sums.  Anything
else (two scales, a rater of another role, an ordinal rating, a sum that would need more
than `_EXACT`'s digits) gives `None`, and the kernel groups the ratings instead.
"""

from __future__ import annotations

from decimal import Context, Decimal, Inexact
from typing import TYPE_CHECKING, Any, Final, TypeAlias

from penilaian.model.raters import NumericScale

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from penilaian.model.appraisal import Appraisal
    from penilaian.model.raters import RaterRole

__all__ = ["Cells", "sum_cells"]

_ZERO: Final = Decimal(0)
_EXACT: Final = Context(prec=80, traps=[Inexact])
"""Adds `Decimal` sums exactly, or raises `Inexact` (a score has at most 80 digits)."""


Cells: TypeAlias = "tuple[dict[str, int], list[int], list[Any], bool, str]"
"""
``(rows, counts, sums, whole, scale_id)``: each subject with the index of its row's first
cell (a subject asked for twice: its last row), each cell's count and sum, whether the
sums are `int` (else `Decimal`), and the id of the one scale.
"""


def sum_cells(
    appraisal: Appraisal, subjects: Sequence[str], slots: Mapping[RaterRole, int]
) -> Cells | None:
    """
    Sum the ratings of *subjects* by subject and by the slot of their rater's role.

    *slots* numbers the roles ``0, 1, ...``; a row has one cell per slot.  `None`: not
    answered here (see the module).
    """
    width = len(slots)
    raters = {rater.id: slots.get(rater.role, -1) for rater in appraisal.raters}
    if len(appraisal.scales) != 1 or -1 in raters.values():
        return None
    scale = appraisal.scales[0]
    whole = _whole(scale)
    rows = {subject: index * width for index, subject in enumerate(subjects)}
    size = len(subjects) * width
    counts = [0] * size
    try:
        if whole:
            totals = [0] * size
            for rating in appraisal.ratings:
                row = rows.get(rating.subject)
                if row is not None:
                    cell = row + raters[rating.rater_id]
                    counts[cell] += 1
                    totals[cell] += int(rating.score)  # type: ignore[arg-type]
            return rows, counts, totals, whole, scale.id
        add, sums = _EXACT.add, [_ZERO] * size
        for rating in appraisal.ratings:
            row = rows.get(rating.subject)
            if row is not None:
                cell = row + raters[rating.rater_id]
                counts[cell] += 1
                sums[cell] = add(sums[cell], rating.score)  # type: ignore[arg-type]
    except (TypeError, ValueError, ArithmeticError):  # an ordinal rating, a sum not exact
        return None
    return rows, counts, sums, whole, scale.id


def _whole(scale: object) -> bool:
    """Whether every score on *scale* is a whole number: whole steps from a whole minimum."""
    if not isinstance(scale, NumericScale) or scale.step is None:
        return False
    return scale.minimum.as_integer_ratio()[1] == 1 and scale.step.as_integer_ratio()[1] == 1
