"""
The ratings of the appraisal being scored, grouped by subject and role once for all its subjects.

A regime asks its aggregator for one subject at a time; `grouped_ratings` keeps the
grouping of the last appraisal it was asked about (one slot, for the whole process), so
the subjects of one appraisal share one grouping and nothing is kept on the appraisals
themselves (see `penilaian.Appraisal.ratings_by_subject_and_role`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Mapping

    from penilaian.model.appraisal import Appraisal
    from penilaian.model.raters import Rating

__all__ = ["grouped_ratings"]

Grouping = tuple["Appraisal", "Mapping[str, Mapping[str, tuple[Rating, ...]]]"]

_LAST: list[Grouping | None] = [None]
"""The last appraisal asked about, with its grouping (held, so its identity stays its own)."""


def grouped_ratings(appraisal: Appraisal) -> Mapping[str, Mapping[str, tuple[Rating, ...]]]:
    """Return *appraisal*'s ratings by subject and role, grouped once while it is scored."""
    last = _LAST[0]  # one read: another thread may replace the slot meanwhile
    if last is not None and last[0] is appraisal:
        return last[1]
    found = appraisal.ratings_by_subject_and_role()
    _LAST[0] = (appraisal, found)
    return found
