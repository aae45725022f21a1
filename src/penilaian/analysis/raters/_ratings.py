"""
The ratings `penilaian.analysis.raters.RaterEffects` reads, as parallel lists.

Every numeric, non-self rating becomes its share of its scale's range (a float: these
feed statistics, never a grade), the rater-by-ratee cell it belongs to and its subject.
"""

from __future__ import annotations

from fractions import Fraction
from typing import TYPE_CHECKING

import attrs

from penilaian.model.raters import NumericScale, RaterRole

if TYPE_CHECKING:
    from collections.abc import Iterable
    from decimal import Decimal

    from penilaian.model.appraisal import Appraisal

__all__ = ["Data", "extract_ratings"]


@attrs.frozen
class Data:
    """
    Every rating as parallel lists: value, cell (appraisal x rater), subject.

    Cells are numbered per appraisal and rater; ``cell_rater`` and ``cell_ratee`` give
    each cell's rater (an index into ``names``, -1 for one who gave no numeric rating)
    and appraisal.
    """

    values: list[float]
    cells: list[int]
    subjects: list[int]
    cell_rater: list[int]
    cell_ratee: list[int]
    names: list[str]


def extract_ratings(appraisals: Iterable[Appraisal]) -> Data:
    """Return every numeric, non-self rating of *appraisals*."""
    values: list[float] = []
    cells: list[int] = []
    subjects: list[int] = []
    cell_rater: list[int] = []
    cell_ratee: list[int] = []
    raters: dict[str, int] = {}
    subject_ids: dict[tuple[str, str], int] = {}
    shares: dict[tuple[object, Decimal], float | None] = {}  # scores repeat: convert once
    for ratee, appraisal in enumerate(appraisals):
        scales = {scale.id: scale for scale in appraisal.scales}
        local: dict[str, int | None] = {}
        for rater in appraisal.raters:
            if rater.role is RaterRole.SELF:
                local[rater.id] = None
                continue
            key = rater.employee_id or f"{appraisal.id}/{rater.id}"
            local[rater.id] = len(cell_rater)
            cell_rater.append(raters.setdefault(key, len(raters)))
            cell_ratee.append(ratee)
        for rating in appraisal.ratings:
            cell = local[rating.rater_id]
            if cell is None or rating.score is None:
                continue
            scale = scales[rating.scale_id]
            try:
                share = shares[scale, rating.score]
            except KeyError:
                share = None
                if isinstance(scale, NumericScale):
                    low, high = Fraction(scale.minimum), Fraction(scale.maximum)
                    share = float((Fraction(rating.score) - low) / (high - low))
                shares[scale, rating.score] = share
            if share is None:
                continue
            values.append(share)
            cells.append(cell)
            subjects.append(
                subject_ids.setdefault((rating.subject, rating.scale_id), len(subject_ids))
            )
    used = sorted({cell_rater[cell] for cell in set(cells)})
    return Data(values, cells, subjects, cell_rater, cell_ratee, _names(raters, used, cell_rater))


def _names(raters: dict[str, int], used: list[int], cell_rater: list[int]) -> list[str]:
    by_index = {index: name for name, index in raters.items()}
    renumber = {old: new for new, old in enumerate(used)}
    for cell, rater in enumerate(cell_rater):
        cell_rater[cell] = renumber.get(rater, -1)
    return [by_index[old] for old in used]
