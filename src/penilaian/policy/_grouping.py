"""
The ratings of the appraisal being scored, grouped by subject and role once for all its subjects.

A regime asks its aggregator for one subject at a time; `grouped_ratings` keeps the
grouping of the last appraisal it was asked about (one slot, for the whole process), so
the subjects of one appraisal share one grouping and nothing is kept on the appraisals
themselves (see `penilaian.Appraisal.ratings_by_subject_and_role`).  The slot holds the
appraisal weakly and empties when the appraisal is gone: a grouping (its ratings and
their comments) lives no longer than the appraisal it came from, so the HTTP service
keeps nothing of a request once it has answered.

`held` keeps, the same way, what one owner (a weighting kernel) worked out from the last
appraisal it was asked about: one more slot, held weakly, emptied with the appraisal.
"""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from penilaian.model.appraisal import Appraisal
    from penilaian.model.raters import Rating

__all__ = ["grouped_ratings", "held"]

T = TypeVar("T")

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


_HELD: list[tuple[weakref.ref[Appraisal], object, object] | None] = [None]
"""The last appraisal `held` was asked about, held weakly, with the owner and its value."""


def held(appraisal: Appraisal, owner: object, build: Callable[[Appraisal], T]) -> T:
    """
    Return ``build(appraisal)``, built once while *appraisal* is scored by *owner*.

    The value is kept, with *owner*, until another appraisal or owner is asked about or
    *appraisal* is gone; *owner* must stay the same for the same *build*.
    """
    last = _HELD[0]  # one read: another thread may replace the slot meanwhile
    if last is not None and last[1] is owner and last[0]() is appraisal:
        return last[2]  # type: ignore[return-value]
    found = build(appraisal)
    _HELD[0] = (weakref.ref(appraisal, _let_go), owner, found)
    return found


def _let_go(gone: weakref.ref[Appraisal]) -> None:
    """Empty `held`'s slot when the appraisal it holds is gone (unless it holds another)."""
    last = _HELD[0]
    if last is not None and last[0] is gone:
        _HELD[0] = None
