"""
What the PP 30/2019 integer kernel reads of the tables, as integers, once.

Private to `penilaian.regimes.pp30_2019`: the constants of `tables` and `rules` that
`_kernel.score_untraced` needs as integer ratios, and two bounded memos of table
look-ups (the piece of the conversion a whole percent is on; a `CategoryPoints`
table by category).  Each is read from the table it names, never written again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from penilaian.regimes.pp30_2019 import rules
from penilaian.regimes.pp30_2019.rules import _iki_segment_ratio
from penilaian.regimes.pp30_2019.tables import PERMEN8_2021_WHOLE_PERCENT, PP30_2019_CAP

if TYPE_CHECKING:
    from decimal import Decimal

    from penilaian.model.grades import Grade
    from penilaian.regimes.pp30_2019.category_route import CategoryPoints
    from penilaian.regimes.pp30_2019.tables import IkiSegment

__all__ = [
    "CAP_D",
    "CAP_N",
    "PASAL_41_WEIGHTS",
    "WHOLE_MODE",
    "WHOLE_PLACES",
    "WHOLE_SCALE",
    "Points",
    "points_of",
    "whole_segment",
]

WHOLE_PLACES: Final = PERMEN8_2021_WHOLE_PERCENT.places
WHOLE_MODE: Final = PERMEN8_2021_WHOLE_PERCENT.mode
WHOLE_SCALE: Final = 10**WHOLE_PLACES
CAP_N, CAP_D = PP30_2019_CAP.numerator, PP30_2019_CAP.denominator
PASAL_41_WEIGHTS: Final = {
    used: tuple(
        (share.numerator, share.denominator) for share in (weights["work"], weights["behaviour"])
    )
    for used in (False, True)
    for weights in (rules.performance_weights(with_peer_input=used),)
}
"""The Pasal 41 weights of SKP and perilaku as integer ratios, with peer input or not."""


_SEGMENTS: dict[int, tuple[IkiSegment, str]] = {}
"""`whole_segment`'s memo: by ``2 x capaian + at_maximum``, for whole percents near the table."""


def whole_segment(capaian: int, at_maximum: bool) -> tuple[IkiSegment, str]:
    """Return the piece of the conversion a whole-percent *capaian* is on, and its category id."""
    key = 2 * capaian + at_maximum
    found = _SEGMENTS.get(key)
    if found is None:
        segment = _iki_segment_ratio(capaian, 1, at_maximum=at_maximum)
        found = segment, segment.category.value
        if -1000 <= capaian <= 1000:  # a bounded memo: the table ends at 110 %
            _SEGMENTS[key] = found
    return found


Points = tuple["Decimal", int, int]
"""An IKI's category points: as the table gives them, and as a numerator and denominator."""

_POINTS: dict[int, tuple[CategoryPoints, dict[Grade, Points]]] = {}
"""`points_of`'s memo, by the table's id (the table is kept: its id is not reused)."""


def points_of(table: CategoryPoints) -> dict[Grade, Points]:
    """Return the points of each category of *table* (`CategoryPoints.of`), memoised."""
    found = _POINTS.get(id(table))
    if found is None or found[0] is not table:
        if len(_POINTS) >= 64:  # a bounded memo: a regime or two per process, as a rule
            _POINTS.clear()
        found = table, {grade: (value, *value.as_integer_ratio()) for grade, value in table.rows}
        _POINTS[id(table)] = found
    return found[1]
