"""
What the aggregators work out from the appraisal being scored, kept while it lives.

A regime asks its aggregator for one subject at a time; the subjects of one appraisal
share what was worked out for the first.  `LastAppraisal` is one slot for the whole
process: the value worked out from the last appraisal asked about, with its owner.  The
slot holds the appraisal weakly and empties when the appraisal is gone: nothing worked
out from an appraisal (its ratings and their comments, its sums) lives longer than it,
so the HTTP service keeps nothing of a request once it has answered, and nothing is
kept on the appraisals themselves.

Two slots: `grouped_ratings`, the ratings by subject and role
(`penilaian.Appraisal.ratings_by_subject_and_role`), and `held`, what one owner (a
weighting kernel) worked out.
"""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from penilaian.model.appraisal import Appraisal
    from penilaian.model.raters import Rating

__all__ = ["LastAppraisal", "grouped_ratings", "held"]

T = TypeVar("T")


class LastAppraisal:
    """One slot: the value worked out from the last appraisal asked about, held weakly."""

    __slots__ = ("kept",)

    def __init__(self) -> None:
        self.kept: tuple[weakref.ref[Appraisal], object, Any] | None = None
        """The appraisal, held weakly, the owner and the value; `None` when empty."""

    def get(self, appraisal: Appraisal, owner: object, build: Callable[[Appraisal], T]) -> T:
        """
        Return ``build(appraisal)``, built once while *appraisal* is scored by *owner*.

        The value is kept until another appraisal or owner is asked about or *appraisal*
        is gone; *owner* must stay the same for the same *build*.
        """
        last = self.kept  # one read: another thread may replace the slot meanwhile
        if last is not None and last[1] is owner and last[0]() is appraisal:
            return last[2]  # type: ignore[no-any-return]
        found = build(appraisal)
        self.kept = (weakref.ref(appraisal, self._forget), owner, found)
        return found

    def _forget(self, gone: weakref.ref[Appraisal]) -> None:
        """Empty the slot when the appraisal it holds is gone (unless it holds another by now)."""
        last = self.kept
        if last is not None and last[0] is gone:
            self.kept = None


_GROUPED = LastAppraisal()
_HELD = LastAppraisal()


def _by_subject_and_role(appraisal: Appraisal) -> Mapping[str, Mapping[str, tuple[Rating, ...]]]:
    return appraisal.ratings_by_subject_and_role()


def grouped_ratings(appraisal: Appraisal) -> Mapping[str, Mapping[str, tuple[Rating, ...]]]:
    """Return *appraisal*'s ratings by subject and role, grouped once while it is scored."""
    return _GROUPED.get(appraisal, None, _by_subject_and_role)


def held(appraisal: Appraisal, owner: object, build: Callable[[Appraisal], T]) -> T:
    """`LastAppraisal.get` of the slot the weighting kernels share."""
    return _HELD.get(appraisal, owner, build)
