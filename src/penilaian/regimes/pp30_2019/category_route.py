"""
The category route of PermenPANRB 8/2021 for pejabat administrasi and fungsional, as data.

PermenPANRB 8/2021 Lampiran Bab VI.A.2 scores the SKP of pejabat administrasi and
fungsional by categories rather than by the interpolation table that JPT and pimpinan
unit kerja mandiri use (Bab VI.A.1): each IKI's capaian gets a category and the
category points of `PERMEN8_2021_IKI_POINTS`; the points of a rencana kinerja are
summed, and the sum, read against `PERMEN8_2021_RENCANA_BANDS`, gives the rencana's
category and nilai (120 / 100 / 80 / 60 / 25).  Kinerja tambahan adds the points of
`PERMEN8_2021_ADDITIONAL_POINTS` per additional rencana.

The cut-offs and the additional points are [LOW] (seen in public e-Kinerja code; the
regulation text was not retrieved): every table here is a value a caller may replace.

>>> from fractions import Fraction
>>> band = PERMEN8_2021_RENCANA_BANDS.band_of(Fraction(39), 3)  # three IKIs at Baik
>>> band.category, band.value
(<Grade.GOOD: 'good'>, Fraction(100, 1))
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any, Final, cast

import attrs

from penilaian._base.trace import Rule
from penilaian.exceptions import InvalidValueError, MissingValueError
from penilaian.model.grades import Grade

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = [
    "IKI_CATEGORIES",
    "PERMEN8_2021_ADDITIONAL_POINTS",
    "PERMEN8_2021_IKI_POINTS",
    "PERMEN8_2021_RENCANA_BANDS",
    "CategoryPoints",
    "RencanaBand",
    "RencanaBands",
]

_CLAUSE: Final = "PermenPANRB 8/2021 Lampiran Bab VI.A.2 (pejabat administrasi dan fungsional)"

IKI_CATEGORIES: Final = (Grade.VERY_GOOD, Grade.GOOD, Grade.FAIR, Grade.POOR, Grade.VERY_POOR)
"""The five categories of a capaian IKI, best first (Sangat Baik ... Sangat Kurang)."""


def _points_rows(value: object) -> tuple[tuple[Grade, Decimal], ...]:
    """Attrs converter: a mapping or pairs, checked to give each IKI category once, >= 0."""
    pairs = value.items() if isinstance(value, Mapping) else value
    try:
        rows = tuple((grade, points) for grade, points in cast("Iterable[Any]", pairs))
    except (TypeError, ValueError):
        raise InvalidValueError("rows", value, "must map each IKI category to points") from None
    grades = [grade for grade, _ in rows]
    if len(grades) != len(IKI_CATEGORIES) or set(grades) != set(IKI_CATEGORIES):
        reason = "must give points for each of very_good, good, fair, poor, very_poor once"
        raise InvalidValueError("rows", value, reason)
    for grade, points in rows:
        if not isinstance(points, Decimal) or not points.is_finite() or points < 0:
            reason = "points must be finite Decimals, 0 or more"
            raise InvalidValueError(f"rows[{grade.value}]", points, reason)
    return rows


@attrs.frozen
class CategoryPoints:
    """
    Points for each category of a capaian IKI (a table of PermenPANRB 8/2021 Bab VI.A.2).

    Attributes:
        id: The table's id, written in the trace.
        clause: Where the table comes from, with its confidence tag.
        rows: ``(category, points)`` for each of `IKI_CATEGORIES`, points as `Decimal`;
            a mapping is accepted too.

    Raises:
        InvalidValueError: for a category missing or repeated, or points that are not
            a `Decimal` of 0 or more.
    """

    id: str
    clause: str
    rows: tuple[tuple[Grade, Decimal], ...] = attrs.field(converter=_points_rows)

    def of(self, category: Grade) -> Decimal:
        """
        Return the points of *category*.

        Raises:
            InvalidValueError: at ``category`` for a grade that is not an IKI category.
        """
        for grade, points in self.rows:
            if grade is category:
                return points
        reason = "must be an IKI category: very_good, good, fair, poor or very_poor"
        raise InvalidValueError("category", getattr(category, "value", category), reason)


@attrs.frozen
class RencanaBand:
    """
    One row of the table from a rencana kinerja's summed points to its category and nilai.

    A rencana of *n* IKIs whose points sum to *S* falls in the first band (best first)
    whose cut-off it passes: ``S > n x per_iki`` when *inclusive* is false, ``S >= n x
    per_iki`` when it is true.  The last band has no cut-off (``per_iki`` is `None`).

    Attributes:
        category: The rencana's category (Sangat Baik ... Sangat Kurang) as a `Grade`.
        value: Its nilai capaian rencana kinerja.
        per_iki: The cut-off on the mean points per IKI, or `None` for the floor.
        inclusive: Whether a sum exactly at the cut-off is in this band.
    """

    category: Grade
    value: Fraction
    per_iki: Fraction | None
    inclusive: bool = True

    def admits(self, total: Fraction, count: int) -> bool:
        """Return whether *total* points of *count* IKIs pass this band's cut-off."""
        return self.admits_ratio(*total.as_integer_ratio(), count)

    def admits_ratio(self, numerator: int, denominator: int, count: int) -> bool:
        """`admits` of a total held as ``numerator / denominator`` (*denominator* above 0)."""
        cut = self.per_iki
        if cut is None:
            return True
        # n/d >= c x count  <=>  n x c.denominator >= c.numerator x count x d: in integers.
        left, right = numerator * cut.denominator, cut.numerator * count * denominator
        return left >= right if self.inclusive else left > right


def _check_bands(
    _instance: object, _attribute: attrs.Attribute[tuple[RencanaBand, ...]], value: object
) -> None:
    if (
        not isinstance(value, tuple)
        or not value
        or not all(isinstance(band, RencanaBand) for band in value)
    ):
        raise InvalidValueError("bands", value, "must be a non-empty tuple of RencanaBand")
    *upper, floor = value
    if floor.per_iki is not None or any(band.per_iki is None for band in upper):
        raise InvalidValueError("bands", value, "only the last band has no cut-off (the floor)")
    cuts = [(band.per_iki, not band.inclusive) for band in upper]
    if any(lower >= higher for higher, lower in itertools.pairwise(cuts)):
        raise InvalidValueError("bands", value, "cut-offs must fall strictly, best band first")


@attrs.frozen
class RencanaBands:
    """
    The table from a rencana kinerja's summed IKI points to its category and nilai.

    The cut-offs are on the mean points per IKI, so the table serves a rencana of any
    number of IKIs: a rencana of *n* IKIs passes a cut-off when its sum passes
    *n* times it.  A rencana whose IKIs all share one category then keeps that
    category, whatever *n* is.

    Attributes:
        id: The table's id, written in the trace.
        clause: Where the table comes from, with its confidence tag.
        bands: The bands, best first; the last one is the floor (no cut-off).

    Raises:
        InvalidValueError: for bands that are empty, a floor that is not last, or
            cut-offs that do not fall strictly.
    """

    id: str
    clause: str
    bands: tuple[RencanaBand, ...] = attrs.field(validator=_check_bands)

    def band_of(self, total: Fraction, count: int) -> RencanaBand:
        """
        Return the band of a rencana whose *count* IKIs have *total* points.

        Raises:
            MissingValueError: for a *count* below 1 (a rencana needs an IKI).
        """
        return self.band_of_ratio(*total.as_integer_ratio(), count)

    def band_of_ratio(self, numerator: int, denominator: int, count: int) -> RencanaBand:
        """
        `band_of` of a total held as ``numerator / denominator`` (*denominator* above 0).

        Raises:
            MissingValueError: for a *count* below 1 (a rencana needs an IKI).
        """
        if count < 1:
            raise MissingValueError("count", count, "a rencana kinerja needs at least one IKI")
        bands = self.bands
        for band in bands:
            if band.admits_ratio(numerator, denominator, count):
                return band
        return bands[-1]  # not reached: the floor (the last band) admits every total


def _band(
    category: Grade, value: int, per_iki: Fraction | None, *, inclusive: bool = True
) -> RencanaBand:
    return RencanaBand(category, Fraction(value), per_iki, inclusive)


PERMEN8_2021_IKI_POINTS: Final = CategoryPoints(
    "permen8_2021.iki_points",
    f"{_CLAUSE}: points per IKI category [LOW]",
    ((Grade.VERY_GOOD, Decimal(16)), (Grade.GOOD, Decimal(13)), (Grade.FAIR, Decimal(8)),
     (Grade.POOR, Decimal(3)), (Grade.VERY_POOR, Decimal(1))),
)  # fmt: skip
"""[LOW] IKI category points: Sangat Baik 16, Baik 13, Cukup 8, Kurang 3, Sangat Kurang 1."""

PERMEN8_2021_RENCANA_BANDS: Final = RencanaBands(
    "permen8_2021.rencana_bands",
    f"{_CLAUSE}: cut-offs of a three-IKI rencana (> 42, >= 34, >= 19, >= 7) per IKI [LOW]",
    (
        _band(Grade.VERY_GOOD, 120, Fraction(42, 3), inclusive=False),
        _band(Grade.GOOD, 100, Fraction(34, 3)),
        _band(Grade.FAIR, 80, Fraction(19, 3)),
        _band(Grade.POOR, 60, Fraction(7, 3)),
        _band(Grade.VERY_POOR, 25, None),
    ),
)
"""
[LOW] A rencana's summed points to its category and nilai.

One public implementation reads, for a rencana of three IKIs, ``> 42 -> 120,
>= 34 -> 100, >= 19 -> 80, >= 7 -> 60, else 25``; the default divides those
cut-offs by three, so a rencana of *n* IKIs passes Sangat Baik above 14n, Baik from
34n/3, Cukup from 19n/3 and Kurang from 7n/3.  One IKI therefore keeps its own
category (16 -> 120, 13 -> 100, 8 -> 80, 3 -> 60, 1 -> 25).
"""

PERMEN8_2021_ADDITIONAL_POINTS: Final = CategoryPoints(
    "permen8_2021.additional_points",
    f"{_CLAUSE}: points of a kinerja tambahan by its category [LOW]",
    ((Grade.VERY_GOOD, Decimal("2.4")), (Grade.GOOD, Decimal("1.6")),
     (Grade.FAIR, Decimal("1.0")), (Grade.POOR, Decimal("0.5")),
     (Grade.VERY_POOR, Decimal("0.1"))),
)  # fmt: skip
"""[LOW] Points one additional rencana adds to nilai SKP, by its category: 2.4/1.6/1.0/0.5/0.1."""

# -- trace rules -------------------------------------------------------------------------------

_ROUTE_RULES: Final = {
    "interpolation": Rule(
        "pp30.route.interpolation",
        "PermenPANRB 8/2021 Lampiran Bab VI.A.1 (JPT dan pimpinan unit kerja mandiri) [HIGH]",
        "Penilaian SKP dengan tabel interpolasi nilai capaian IKI",
        "SKP scored by the interpolation table of nilai capaian IKI",
    ),
    "category": Rule(
        "pp30.route.category",
        f"{_CLAUSE} [HIGH for the split; cut-offs LOW]",
        "Penilaian SKP dengan poin kategori capaian IKI per rencana kinerja",
        "SKP scored by the category points of each work target's IKIs",
    ),
}
_IKI_POINTS_RULE: Final = Rule(
    "pp30.category.iki_points", f"{_CLAUSE} [LOW]",
    "Poin IKI menurut kategori capaiannya", "IKI points by the category of its achievement",
)  # fmt: skip
_RENCANA_RULE: Final = Rule(
    "pp30.category.rencana", f"{_CLAUSE}; cut-offs per IKI [LOW]",
    "Nilai rencana kinerja menurut jumlah poin IKI-nya",
    "Work-target value from the sum of its IKI points",
)  # fmt: skip
_ADDITIONAL_RULE: Final = Rule(
    "pp30.category.additional", f"{_CLAUSE}: kinerja tambahan [LOW]",
    "Poin kinerja tambahan menurut kategori rencana, dijumlahkan",
    "Additional work points by each target's category, summed",
)  # fmt: skip
