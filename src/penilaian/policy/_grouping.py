"""
The ratings of the appraisal being scored, grouped by subject and role once for all its subjects.

A regime asks its aggregator for one subject at a time; `grouped_ratings` keeps the
grouping of the last appraisal it was asked about (one slot, for the whole process), so
the subjects of one appraisal share one grouping and nothing is kept on the appraisals
themselves (see `penilaian.Appraisal.ratings_by_subject_and_role`).  The slot holds the
appraisal weakly and empties when the appraisal is gone: a grouping (its ratings and
their comments) lives no longer than the appraisal it came from, so the HTTP service
keeps nothing of a request once it has answered.
"""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Mapping

    from penilaian.model.appraisal import Appraisal
    from penilaian.model.raters import Rating

__all__ = ["grouped_ratings"]

Grouping = tuple["weakref.ref[Appraisal]", "Mapping[str, Mapping[str, tuple[Rating, ...]]]"]

_LAST: list[Grouping | None] = [None]
"""The last appraisal asked about, held weakly, with its grouping."""


def grouped_ratings(appraisal: Appraisal) -> Mapping[str, Mapping[str, tuple[Rating, ...]]]:
    """Return *appraisal*'s ratings by subject and role, grouped once while it is scored."""
    last = _LAST[0]  # one read: another thread may replace the slot meanwhile
    if last is not None and last[0]() is appraisal:
        return last[1]
    found = appraisal.ratings_by_subject_and_role()
    _LAST[0] = (weakref.ref(appraisal, _forget), found)
    return found


def _forget(gone: weakref.ref[Appraisal]) -> None:
    """Empty the slot when the appraisal it holds is gone (unless it holds another by now)."""
    last = _LAST[0]
    if last is not None and last[0] is gone:
        _LAST[0] = None
