"""Which regime governs which appraisal dates: a suggestion, never applied."""

from __future__ import annotations

from datetime import date
from typing import Final

from penilaian.exceptions import UnsupportedInputError
from penilaian.model.periods import Period

__all__ = ["REGIME_TIMELINE", "suggest_regime"]

REGIME_TIMELINE: Final = (
    ("pp46_2011", date(2014, 1, 1), date(2021, 6, 30)),
    ("pp30_2019", date(2021, 7, 1), date(2021, 12, 31)),
    ("permen6_2022", date(2022, 1, 1), date(9999, 12, 31)),
)
"""Which regime governs which appraisal dates (REGULATIONS.md regime timeline)."""


def suggest_regime(period: Period) -> str:
    """
    Return the id of the regime that governs *period*; a suggestion, never applied.

    Raises:
        UnsupportedInputError: if the period lies before 2014 or spans two regimes
            (2021 was split into January-June and July-December).
    """
    for regime_id, start, end in REGIME_TIMELINE:
        if start <= period.start and period.end <= end:
            return regime_id
    spans = [regime_id for regime_id, start, end in REGIME_TIMELINE
             if period.overlaps(Period.custom(start, end))]  # fmt: skip
    reason = (
        f"spans {' and '.join(spans)}; split it at the change of regime"
        if spans
        else "lies before 2014, when PP 46/2011 appraisal began"
    )
    raise UnsupportedInputError("period", str(period), reason)
