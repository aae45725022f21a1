"""
What the PP 30/2019 integer kernel reads of a regime and its tables, as integers, once.

Private to `penilaian.regimes.pp30_2019`: the constants of `tables` and `rules` that
`_kernel.score_untraced` needs as integer ratios, and `Plan`, what it reads of one
regime (its rounding, its conventions, its tables) with bounded memos of the table reads
that depend on nothing but numbers: the category and rounded nilai or points of an
IKI at a whole percent, the band of a rencana's summed points, what additional
targets of given categories add, the `Decimal` and band of a rounded final value.
Each memo holds what the rule or table it names gave and is never written otherwise;
none is keyed by an appraisal, an id or a person, and a plan lives as long as its
regime is the last one scored.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from penilaian._base.figures import figure_of
from penilaian._base.numbers import scaled_round_ratio
from penilaian.regimes.pp30_2019 import rules
from penilaian.regimes.pp30_2019.rules import _iki_segment_ratio
from penilaian.regimes.pp30_2019.tables import (
    PERMEN8_2021_WHOLE_PERCENT,
    PP30_2019_CAP,
    PP30_2019_PREDIKAT,
)

if TYPE_CHECKING:
    from decimal import Decimal

    from penilaian._base.figures import Entry
    from penilaian.model.grades import Grade
    from penilaian.regimes.pp30_2019._run import Conventions
    from penilaian.regimes.pp30_2019.category_route import CategoryPoints
    from penilaian.regimes.pp30_2019.tables import IkiSegment

__all__ = [
    "CAP_D",
    "CAP_N",
    "PASAL_41_WEIGHTS",
    "WHOLE_MODE",
    "WHOLE_PLACES",
    "WHOLE_SCALE",
    "Added",
    "Banded",
    "FinalRead",
    "Plan",
    "Points",
    "Read",
    "plan_of",
    "points_of",
    "whole_percent",
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


def whole_percent(numerator: int, denominator: int) -> tuple[int, int]:
    """A capaian as `PERMEN8_2021_WHOLE_PERCENT` shows it, and its whole percent (towards 0)."""
    shown = scaled_round_ratio(numerator, denominator, WHOLE_PLACES, WHOLE_MODE)
    capaian = abs(shown) // WHOLE_SCALE
    return shown, -capaian if shown < 0 else capaian


_NEAR: Final = 1000
"""The memos keep whole percents from -1000 to 1000 only (the table ends at 110 %)."""

_MEMO_SIZE: Final = 16384
"""The most entries a plan's rencana and final memos keep (a regime at 2 places needs 12,001)."""


_SEGMENTS: dict[int, tuple[IkiSegment, str]] = {}
"""`whole_segment`'s memo: by ``2 x capaian + at_maximum``, for whole percents near the table."""


def whole_segment(capaian: int, at_maximum: bool) -> tuple[IkiSegment, str]:
    """Return the piece of the conversion a whole-percent *capaian* is on, and its category id."""
    key = 2 * capaian + at_maximum
    found = _SEGMENTS.get(key)
    if found is None:
        segment = _iki_segment_ratio(capaian, 1, at_maximum=at_maximum)
        found = segment, segment.category.value
        if -_NEAR <= capaian <= _NEAR:  # a bounded memo
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


Read = tuple[str, "Entry", int, int]
"""
An IKI as the kernel reads it: its category id, its figure (``.value`` on the
interpolation route, ``.points`` on the category route), and what it adds to its
rencana's sum as a numerator and a denominator (the value in ``10**-places``, over 1;
or the points).
"""

Banded = tuple[str, "Grade", int]
"""A rencana's band: its category (id and grade) and its nilai rounded to the regime's places."""


Added = tuple[tuple["Decimal", ...], "Decimal", tuple[int, int]]
"""
What additional targets add on the category route: each one's points, their sum
(`rules.additional_category_points`), and that sum as a numerator and a denominator.
"""

FinalRead = tuple["Decimal", "Grade", str]
"""A rounded final value: as a `Decimal`, its predikat band, and the band's id."""


class Plan:
    """
    What the kernel reads of one regime: its rounding and conventions, and memos of its tables.

    Attributes:
        regime: The regime read.
        places, mode, scale: Its rounding: places, mode, and ``10**places``.
        half_up: Whether the mode is ``"half_up"`` (the kernel then rounds inline).
        whole: Whether a capaian is read as a whole percent (``"integer_percent"``).
        points: The regime's IKI points by category (`points_of`).
        valued, pointed: `read_whole` by ``2 x capaian + at_maximum``, per route.
        banded: `band_of` by its arguments.
        finals: `final_of` by the rounded final value.
        graded: `grades_of` by the band.
        added: `added_of` by the additional targets' categories.
    """

    __slots__ = (
        "added", "banded", "finals", "graded", "half_up", "mode", "places", "pointed",
        "points", "regime", "scale", "valued", "whole",
    )  # fmt: skip

    def __init__(self, regime: Conventions) -> None:
        self.regime = regime
        rounding = regime.rounding
        self.places: int = rounding.places
        self.mode = rounding.mode
        self.half_up = rounding.mode == "half_up"
        self.scale: int = 10**rounding.places
        self.whole = regime.achievement_rounding == "integer_percent"
        self.points = points_of(regime.iki_points)
        self.valued: dict[int, Read] = {}
        self.pointed: dict[int, Read] = {}
        self.banded: dict[tuple[int, int, int], Banded] = {}
        self.finals: dict[int, FinalRead] = {}
        self.graded: dict[Grade, tuple[Grade, Grade]] = {}
        self.added: dict[tuple[Grade, ...], Added] = {}

    def read_whole(self, capaian: int, at_maximum: bool, category_route: bool) -> Read:
        """How an IKI of a whole-percent *capaian* reads (`Read`), memoised near the table."""
        segment = whole_segment(capaian, at_maximum)[0]
        found = self.read_exact(capaian, 1, segment, category_route)
        if -_NEAR <= capaian <= _NEAR:
            (self.pointed if category_route else self.valued)[2 * capaian + at_maximum] = found
        return found

    def read_exact(
        self, numerator: int, denominator: int, segment: IkiSegment, category_route: bool
    ) -> Read:
        """How an IKI of capaian ``numerator / denominator`` on *segment* reads (`Read`)."""
        category = segment.category
        if not category_route:
            value_n, value_d = segment.apply_ratio(numerator, denominator)
            value = scaled_round_ratio(value_n, value_d, self.places, self.mode)
            return category.value, (value, -self.places), value, 1
        points = self.points.get(category)
        if points is None:  # not an IKI category: the rule refuses it
            given = rules.category_points(category, self.regime.iki_points)
            points = given, *given.as_integer_ratio()
        return category.value, points[0], points[1], points[2]

    def band_of(self, numerator: int, denominator: int, count: int) -> Banded:
        """A rencana's band from its summed points ``numerator / denominator`` over *count* IKIs."""
        band = self.regime.rencana_bands.band_of_ratio(numerator, denominator, count)
        nilai = band.value
        rounded = scaled_round_ratio(nilai.numerator, nilai.denominator, self.places, self.mode)
        found = band.category.value, band.category, rounded
        if len(self.banded) < _MEMO_SIZE:
            self.banded[numerator, denominator, count] = found
        return found

    def added_of(self, grades: tuple[Grade, ...]) -> Added:
        """What additional targets of categories *grades* add on the category route (`Added`)."""
        table = self.regime.category_additional_points
        assert table is not None  # noqa: S101 - asked only when the regime has the table
        each = tuple([table.of(grade) for grade in grades])
        found = rules.additional_category_points(grades, table)
        added = each, found, found.as_integer_ratio()
        if len(self.added) < _MEMO_SIZE:
            self.added[grades] = added
        return added

    def final_of(self, rounded: int) -> FinalRead:
        """The final value *rounded* (in ``10**-places``): a `Decimal`, its band, the id."""
        final = figure_of((rounded, -self.places))
        band = PP30_2019_PREDIKAT.classify_ratio(rounded, self.scale)  # rules.performance_band
        found = final, band, band.value
        if len(self.finals) < _MEMO_SIZE:
            self.finals[rounded] = found
        return found

    def grades_of(self, band: Grade) -> tuple[Grade, Grade]:
        """The predikat of *band* without and with an innovation (`rules.grade_of_band`)."""
        fair_label = self.regime.fair_label
        found = (
            rules.grade_of_band(band, innovative=False, fair_label=fair_label),
            rules.grade_of_band(band, innovative=True, fair_label=fair_label),
        )
        self.graded[band] = found  # bounded: one entry per band of the predikat table
        return found


_PLAN: list[Plan | None] = [None]
"""The plan of the regime last scored (one slot: a process scores with a regime or two)."""


def plan_of(regime: Conventions) -> Plan:
    """Return the `Plan` of *regime*: the last one when the regime is the same object."""
    last = _PLAN[0]  # one read: another thread may replace the slot meanwhile
    if last is not None and last.regime is regime:
        return last
    plan = Plan(regime)
    _PLAN[0] = plan
    return plan
