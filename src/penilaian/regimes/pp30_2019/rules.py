"""
The rules of PP 30/2019 with PermenPANRB 8/2021: the formulas as functions.

Every function takes and returns plain exact numbers (`Fraction`, `Decimal`, `int`) and
names its clause; the tables it reads, and the rules a trace cites, are data in
`penilaian.regimes.pp30_2019.tables`.  `penilaian.regimes.pp30_2019.Pp30Regime`
composes them, rounding at its declared points, and the batch engine
(`penilaian.batch.pp30`) turns the same tables and functions into integer columns.

>>> from fractions import Fraction
>>> capaian = whole_percent(Fraction(93 * 100, 95))  # 97.89 %
>>> capaian, iki_value(capaian)
(98, Fraction(88, 1))
>>> performance_grade(Fraction(111), innovative=False)
<Grade.GOOD: 'good'>

Pejabat administrasi and fungsional take the category route (Bab VI.A.2): three IKIs at
exactly 100 % are Baik, 13 points each, and the rencana's 39 points give 100 (the
interpolation table gives each 109).

>>> skp_route(PositionKind.EXECUTOR), iki_category(iki_achievement(85, 85))
('category', <Grade.GOOD: 'good'>)
>>> rencana_value([Grade.GOOD] * 3), iki_value(100)
(Fraction(100, 1), Fraction(109, 1))
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Final, Literal, cast

from penilaian.exceptions import InvalidNumberError, InvalidValueError, MissingValueError
from penilaian.model.grades import Grade
from penilaian.model.organisation import PositionGroup, PositionKind
from penilaian.model.targets import (
    Aspect,
    Direction,
    Indicator,
    PointTarget,
    RangeTarget,
    Realisation,
)
from penilaian.policy.weights import (
    PP30_2019_WITH_PEER_INPUT,
    PP30_2019_WITHOUT_PEER_INPUT,
    Weights,
)
from penilaian.regimes.pp30_2019.category_route import (
    PERMEN8_2021_ADDITIONAL_POINTS,
    PERMEN8_2021_IKI_POINTS,
    PERMEN8_2021_RENCANA_BANDS,
    CategoryPoints,
    RencanaBand,
    RencanaBands,
)
from penilaian.regimes.pp30_2019.tables import (
    PERMEN8_2021_IKI_CONVERSION,
    PERMEN8_2021_MAXIMUM_TARGET,
    PERMEN8_2021_WHOLE_PERCENT,
    PP30_2019_CAP,
    PP30_2019_INNOVATION_SCOPES,
    PP30_2019_PEER_ROLES,
    PP30_2019_PREDIKAT,
    IkiSegment,
)
from penilaian.scoring.achievement import achievement

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence

    from penilaian.model.appraisal import InnovationScope
    from penilaian.model.raters import RaterRole

__all__ = [
    "additional_category_points",
    "behaviour_value",
    "capped",
    "category_points",
    "grade_of_band",
    "iki_achievement",
    "iki_category",
    "iki_segment",
    "iki_value",
    "innovation_count",
    "main_work_value",
    "peer_input_count",
    "performance_band",
    "performance_grade",
    "performance_value",
    "performance_weights",
    "rencana_band",
    "rencana_value",
    "skp_route",
    "skp_value",
    "weighted_value",
    "whole_percent",
    "work_target_value",
]

_ZERO: Final = Fraction(0)
_exact = cast("Callable[[Fraction | Decimal | int], Fraction]", Fraction)
"""`Fraction`, typed as taking any exact number (its overloads take one kind at a time)."""

# -- the route (PermenPANRB 8/2021 Lampiran Bab VI.A) ---------------------------------------

SkpRoute = Literal["interpolation", "category"]


def skp_route(kind: PositionKind, *, leads_independent_unit: bool = False) -> SkpRoute:
    """
    Return the route that scores the SKP of a post of *kind* (PermenPANRB 8/2021 Bab VI.A).

    JPT and a pimpinan unit kerja mandiri (*leads_independent_unit*, as
    `penilaian.Position` records it) take ``"interpolation"`` (Bab VI.A.1, the table of
    `iki_value`); other pejabat administrasi and fungsional take ``"category"``
    (Bab VI.A.2, `rencana_value`).

    >>> skp_route(PositionKind.ADMINISTRATOR)
    'category'
    >>> skp_route(PositionKind.ADMINISTRATOR, leads_independent_unit=True)
    'interpolation'
    """
    if kind.group is PositionGroup.JPT or leads_independent_unit:
        return "interpolation"
    return "category"


# -- capaian IKI ------------------------------------------------------------------------------


def iki_achievement(
    realisation: Decimal | int | str,
    target: Decimal | int | str | tuple[Decimal | int | str, Decimal | int | str],
    *,
    direction: Direction | str = Direction.HIGHER_IS_BETTER,
) -> Fraction:
    """
    Return capaian IKI in percent, exactly (PermenPANRB 8/2021 Lampiran Bab VI.A).

    Kondisi normal: realisasi / target x 100; kondisi khusus (``"lower_is_better"``):
    (1 + (1 - realisasi / target)) x 100.  A range target, given as ``(low, high)``,
    is met (100 %) inside the range; above it the upper bound is compared, below it
    the lower.  This is `penilaian.scoring.achievement.achievement`, the rule every
    regime reads, on plain numbers.

    >>> iki_achievement("6.5", (7, 8), direction="lower_is_better")
    Fraction(750, 7)

    Raises:
        InvalidValueError: for a target that is not greater than 0 (at ``value``,
            ``low`` or ``high``), a range whose *high* is below its *low*, a number
            that is not exact, or an unknown *direction*.
    """
    given = RangeTarget(*target) if isinstance(target, tuple) else PointTarget(target)
    indicator = Indicator(
        "iki", "iki", Aspect.QUANTITY, given, direction=direction,
        realisation=Realisation(realisation),
    )  # fmt: skip
    return achievement(indicator)


# -- capaian IKI to nilai capaian IKI ------------------------------------------------------


def whole_percent(capaian: Fraction) -> int:
    """
    Return *capaian* (percent) as the whole percent the table reads: half up [LOW].

    `PERMEN8_2021_WHOLE_PERCENT`: the regulation's example reads 97.89 % as 98 %.
    """
    return int(PERMEN8_2021_WHOLE_PERCENT.apply(capaian))


def iki_segment(capaian: Fraction | int, *, at_maximum: bool = False) -> IkiSegment:
    """
    Return the piece of the conversion (PermenPANRB 8/2021 Lampiran Bab VI.A) *capaian* is on.

    Args:
        capaian: The capaian IKI in percent, exact or whole.
        at_maximum: Whether the target is already the best possible value; then
            exactly 100 % is `PERMEN8_2021_MAXIMUM_TARGET` (120, Sangat Baik).
    """
    try:
        numerator, denominator = capaian.as_integer_ratio()
    except AttributeError:  # as `BandTable.classify` refuses it
        raise InvalidNumberError("score", capaian, "must be an exact number") from None
    return _iki_segment_ratio(numerator, denominator, at_maximum=at_maximum)


def _iki_segment_ratio(numerator: int, denominator: int, *, at_maximum: bool = False) -> IkiSegment:
    """
    Return `iki_segment` of the capaian ``numerator / denominator`` (*denominator* above 0).

    The same rule for a capaian held as two integers, as the integer kernel
    (``_kernel``) holds it.

    >>> _iki_segment_ratio(200, 2, at_maximum=True) is PERMEN8_2021_MAXIMUM_TARGET
    True
    """
    start = PERMEN8_2021_MAXIMUM_TARGET.start
    if at_maximum and numerator * start.denominator == start.numerator * denominator:
        return PERMEN8_2021_MAXIMUM_TARGET
    return PERMEN8_2021_IKI_CONVERSION.classify_ratio(numerator, denominator)


def iki_value(capaian: Fraction | int, *, at_maximum: bool = False) -> Fraction:
    """
    Return the nilai capaian IKI of *capaian*, interpolated on its piece (Bab VI.A).

    That is ``iki_segment(capaian, at_maximum=at_maximum).apply(capaian)``: from 0 to 120.
    """
    return iki_segment(capaian, at_maximum=at_maximum).apply(capaian)


def iki_category(capaian: Fraction | int, *, at_maximum: bool = False) -> Grade:
    """
    Return the category of *capaian* (percent): Sangat Baik ... Sangat Kurang (Bab VI.A).

    The category of `iki_segment`: 101 % and above Sangat Baik, 100 % Baik, 80-99 %
    Cukup, 60-79 % Kurang, below 60 % Sangat Kurang; 100 % of a target already at its
    maximum is Sangat Baik.  Both routes read it.
    """
    return iki_segment(capaian, at_maximum=at_maximum).category


# -- the category route (pejabat administrasi and fungsional, Bab VI.A.2) ----------------------


def category_points(category: Grade, table: CategoryPoints = PERMEN8_2021_IKI_POINTS) -> Decimal:
    """
    Return the points of an IKI *category* [LOW]: 16, 13, 8, 3, 1 by default.

    Raises:
        InvalidValueError: for a grade that is not an IKI category.
    """
    return table.of(category)


def rencana_band(
    points: Sequence[Fraction | Decimal | int], bands: RencanaBands = PERMEN8_2021_RENCANA_BANDS
) -> RencanaBand:
    """
    Return the band (category and nilai) of a rencana kinerja whose IKIs have *points* [LOW].

    The points are summed and read against *bands*, whose cut-offs are per IKI: a
    rencana of *n* IKIs passes a cut-off when its sum passes *n* times it.

    Raises:
        MissingValueError: for no points (a rencana needs an IKI).
        InvalidValueError: for points below 0.
    """
    if not points:
        raise MissingValueError("points", points, "a rencana kinerja needs at least one IKI")
    exact = [_exact(value) for value in points]
    for index, value in enumerate(exact):
        if value < 0:
            raise InvalidValueError(f"points[{index}]", points[index], "must be 0 or more")
    return bands.band_of(sum(exact, _ZERO), len(exact))


def rencana_value(
    categories: Sequence[Grade],
    *,
    points: CategoryPoints = PERMEN8_2021_IKI_POINTS,
    bands: RencanaBands = PERMEN8_2021_RENCANA_BANDS,
) -> Fraction:
    """
    Return the nilai of a rencana kinerja from its IKIs' *categories* (Bab VI.A.2) [LOW].

    ``rencana_band([category_points(c, points) for c in categories], bands).value``:
    120, 100, 80, 60 or 25 with the default tables.

    Raises:
        MissingValueError: for no category.
        InvalidValueError: for a grade that is not an IKI category.
    """
    return rencana_band([category_points(category, points) for category in categories], bands).value


def additional_category_points(
    categories: Iterable[Grade], table: CategoryPoints = PERMEN8_2021_ADDITIONAL_POINTS
) -> Decimal:
    """
    Return what kinerja tambahan adds under the category route: the sum of its points [LOW].

    Each additional rencana adds the points of its category (2.4, 1.6, 1.0, 0.5, 0.1
    by default); no additional rencana adds 0.

    Raises:
        InvalidValueError: for a grade that is not an IKI category.
    """
    return sum((table.of(category) for category in categories), Decimal(0))


# -- nilai SKP -------------------------------------------------------------------------------


def _mean(values: Sequence[Fraction | Decimal | int], field: str) -> Fraction:
    if not values:
        raise MissingValueError(field, values, "needs at least one value")
    return sum(map(_exact, values), _ZERO) / len(values)


def work_target_value(iki_values: Sequence[Fraction | Decimal | int]) -> Fraction:
    """
    Return a work target's value: the plain mean of its nilai capaian IKI [LOW].

    PermenPANRB 8/2021 Lampiran Bab VI.A values each IKI; the mean is this library's
    convention.

    Raises:
        MissingValueError: for no value.
    """
    return _mean(iki_values, "iki_values")


def main_work_value(target_values: Sequence[Fraction | Decimal | int]) -> Fraction:
    """
    Return nilai kinerja utama without weights: the mean of the main work targets [LOW].

    Raises:
        MissingValueError: for no value (PermenPANRB 8/2021 needs main work).
    """
    return _mean(target_values, "target_values")


def weighted_value(weight: Fraction, target_value: Fraction | Decimal | int) -> Fraction:
    """Return a main target's nilai tertimbang, weight x value (PermenPANRB 8/2021 Lampiran)."""
    return weight * Fraction(target_value)


def skp_value(main: Fraction, additional: Fraction) -> Fraction:
    """Return nilai SKP = kinerja utama + kinerja tambahan (PermenPANRB 8/2021 Lampiran)."""
    return main + additional


# -- perilaku kerja ----------------------------------------------------------------------------


def behaviour_value(aspect_values: Sequence[Fraction | Decimal | int]) -> Fraction:
    """
    Return nilai perilaku kerja: the plain mean of the aspect values (PermenPANRB 8/2021).

    The aspects are those of `penilaian.PP30_2019_BEHAVIOUR` that apply to the post,
    each from 0 to `PP30_2019_CAP`; scoring them as numbers is a convention [LOW].

    Raises:
        MissingValueError: for no value.
    """
    return _mean(aspect_values, "aspect_values")


# -- nilai kinerja and predikat (PP 30/2019 Pasal 41) -----------------------------------------


def peer_input_count(roles: Iterable[RaterRole]) -> int:
    """Return how many of the ratings' rater *roles* are peer input (PP 30/2019 Pasal 41(4))."""
    return sum(1 for role in roles if role in PP30_2019_PEER_ROLES)


def performance_weights(*, with_peer_input: bool) -> Weights:
    """
    Return the weights of SKP and perilaku (PP 30/2019 Pasal 41(3) and (4)).

    Keyed ``"work"`` and ``"behaviour"``: 60/40 with peer input, 70/30 without.
    """
    return PP30_2019_WITH_PEER_INPUT if with_peer_input else PP30_2019_WITHOUT_PEER_INPUT


def performance_value(skp: Fraction, behaviour: Fraction, weights: Weights) -> Fraction:
    """Return nilai kinerja before the cap: the weighted SKP and perilaku (PP 30/2019 Pasal 41)."""
    return weights["work"] * skp + weights["behaviour"] * behaviour


def capped(value: Fraction) -> Fraction:
    """Return nilai kinerja capped at `PP30_2019_CAP`, 120 (PP 30/2019)."""
    return min(value, PP30_2019_CAP)


def innovation_count(scopes: Iterable[InnovationScope]) -> int:
    """Return how many innovations (by *scopes*) count for Sangat Baik (Pasal 41(5) huruf a)."""
    return sum(1 for scope in scopes if scope in PP30_2019_INNOVATION_SCOPES)


def performance_band(value: Fraction | Decimal | int) -> Grade:
    """Return the predikat band of a nilai kinerja: `PP30_2019_PREDIKAT` (Pasal 41(5))."""
    return PP30_2019_PREDIKAT.classify(value)


def grade_of_band(
    band: Grade, *, innovative: bool, fair_label: Grade = Grade.NEEDS_IMPROVEMENT
) -> Grade:
    """
    Return the predikat of a *band* of `PP30_2019_PREDIKAT`.

    PP 30/2019 Pasal 41(5) huruf a: Sangat Baik needs an *innovative* idea or method
    that benefits the organisation or the state, else the grade is Baik.  PermenPANRB
    8/2021 names Cukup "Butuh Perbaikan": the Cukup band is graded *fair_label*.

    Raises:
        InvalidValueError: for a *fair_label* other than `Grade.FAIR` or
            `Grade.NEEDS_IMPROVEMENT`.
    """
    if fair_label is not Grade.FAIR and fair_label is not Grade.NEEDS_IMPROVEMENT:
        reason = "must be fair (Cukup, PP 30/2019) or needs_improvement (Butuh Perbaikan)"
        raise InvalidValueError("fair_label", getattr(fair_label, "value", fair_label), reason)
    if band is Grade.VERY_GOOD:
        return band if innovative else Grade.GOOD
    return fair_label if band is Grade.FAIR else band


def performance_grade(
    value: Fraction | Decimal | int,
    *,
    innovative: bool,
    fair_label: Grade = Grade.NEEDS_IMPROVEMENT,
) -> Grade:
    """Return the predikat of a nilai kinerja (PP 30/2019 Pasal 41(5)); see `grade_of_band`."""
    return grade_of_band(performance_band(value), innovative=innovative, fair_label=fair_label)
