"""
The category route of PermenPANRB 8/2021 Bab VI.A.2 over columns: IKI points to rencana nilai.

Private to `penilaian.batch.pp30`.  The regime's own tables (`Pp30Regime.iki_points`,
``rencana_bands`` and ``category_additional_points``, by default
`PERMEN8_2021_IKI_POINTS`, `PERMEN8_2021_RENCANA_BANDS` and
`PERMEN8_2021_ADDITIONAL_POINTS`) are turned into integers once per scoring:

- points by grade code, x 10^``places`` (the point places: the most of the rounding's
  and of the two point tables');
- for each band but the floor and each count of IKIs *c*, the least scaled sum that
  passes the band's cut-off: ``ceil(c x per_iki x 10^places)`` when the band is
  inclusive, ``floor(...) + 1`` when it is not, so that an integer sum *S* passes
  exactly when ``S >= threshold`` (`RencanaBand.admits` on the exact sum);
- each band's nilai rounded by the regime's rounding, as the scalar run rounds it.

A rencana then takes the first band whose threshold its sum reaches, as
`RencanaBands.band_of` does.
"""

from __future__ import annotations

import math
from fractions import Fraction
from typing import TYPE_CHECKING, Final

import attrs
import numpy as np

from penilaian._base.numbers import scaled_round
from penilaian.batch._columns import GRADES, MAX_PLACES, MISSING, NONE, Codes, Ints, decimals
from penilaian.regimes.pp30_2019 import IKI_CATEGORIES, category_points

if TYPE_CHECKING:
    from penilaian.batch._columns import Bools
    from penilaian.regimes.pp30_2019 import CategoryPoints, Pp30Regime, RencanaBands

__all__ = ["TABLE_LIMIT", "CategoryRoute", "RouteScores", "table_problems"]

TABLE_LIMIT: Final = 10**6
"""The largest point or rencana nilai a custom table may hold (keeps every sum in int64)."""

_CLIP: Final = 2**62
"""Thresholds beyond this are never reached: every scaled sum of points stays below it."""


def _point_places(table: CategoryPoints | None) -> int:
    return 0 if table is None else decimals(points for _, points in table.rows)


def table_problems(regime: Pp30Regime) -> list[tuple[str, object, str]]:
    """
    Return ``(field, value, reason)`` for each category-route table the engine cannot hold.

    Points need at most `MAX_PLACES` decimal places and at most `TABLE_LIMIT`; a
    rencana's nilai at most `TABLE_LIMIT` in magnitude.  Within these bounds every
    table is computed exactly.
    """
    found: list[tuple[str, object, str]] = []
    tables = (("iki_points", regime.iki_points),
              ("category_additional_points", regime.category_additional_points))  # fmt: skip
    for name, table in tables:
        if table is None:
            continue
        reason = f"the batch engine holds points of at most {MAX_PLACES} places and {TABLE_LIMIT}"
        if _point_places(table) > MAX_PLACES or any(p > TABLE_LIMIT for _, p in table.rows):
            found.append((name, table.id, reason))
    if any(abs(band.value) > TABLE_LIMIT for band in regime.rencana_bands.bands):
        reason = f"the batch engine holds rencana values of at most {TABLE_LIMIT} in magnitude"
        found.append(("rencana_bands", regime.rencana_bands.id, reason))
    return found


def _points(table: CategoryPoints, places: int) -> Ints:
    """Scaled points by grade code; codes that are not IKI categories hold 0 (never read)."""
    found = np.zeros(len(GRADES), np.int64)
    for grade in IKI_CATEGORIES:
        found[GRADES.index(grade)] = scaled_round(category_points(grade, table), places)
    return found


def _thresholds(bands: RencanaBands, places: int, width: int) -> Ints:
    """The least scaled sum passing each band but the floor, for 0 to *width* IKIs."""
    rows = []
    for band in bands.bands[:-1]:
        per_iki = Fraction(band.per_iki or 0) * 10**places
        row = []
        for count in range(width + 1):
            limit = per_iki * count
            least = math.ceil(limit) if band.inclusive else math.floor(limit) + 1
            row.append(min(max(least, 0), _CLIP))
        rows.append(row)
    return np.array(rows, np.int64).reshape(len(rows), width + 1)


@attrs.frozen
class RouteScores:
    """The category route's figures of every row, as if every row took it."""

    indicator_points: Ints
    target_points: Ints
    target_value: Ints
    target_category: Codes
    additional_points: Ints
    additional: Ints


@attrs.frozen
class CategoryRoute:
    """
    A regime's category-route tables as integers, for a batch of a given width.

    Attributes:
        places: The point places: points, sums, additional points and SKP x 10^places.
        iki_points: The points of each grade code (`GRADES`), scaled.
        additional: The additional points of each grade code, or `None` to add nothing.
        thresholds: ``(bands - 1, width + 1)``: the least scaled sum passing each band.
        values: Each band's nilai, rounded by the regime, x 10^(rounding places).
        categories: Each band's grade code.
    """

    places: int
    iki_points: Ints
    additional: Ints | None
    thresholds: Ints
    values: Ints
    categories: Codes

    @classmethod
    def of(cls, regime: Pp30Regime, width: int) -> CategoryRoute:
        """Turn *regime*'s tables into integers for rencana of up to *width* IKIs."""
        extra = regime.category_additional_points
        rounding = regime.rounding
        places = max(rounding.places, _point_places(regime.iki_points), _point_places(extra))
        bands = regime.rencana_bands.bands
        values = [scaled_round(band.value, rounding.places, rounding.mode) for band in bands]
        return cls(
            places,
            _points(regime.iki_points, places),
            None if extra is None else _points(extra, places),
            _thresholds(regime.rencana_bands, places, width),
            np.array(values, np.int64),
            np.array([GRADES.index(band.category) for band in bands], np.int8),
        )

    def score(self, category: Codes, at: Bools, additional: Bools) -> RouteScores:
        """
        Score every rencana by its IKIs' *category* codes, where indicators sit (*at*).

        *additional* marks the present work targets that are additional work.
        """
        points = np.where(at, self.iki_points[category.astype(np.int64)], 0)
        sums = points.sum(axis=2)
        counts = at.sum(axis=2)
        band = np.full(sums.shape, len(self.values) - 1, np.int64)
        for index in reversed(range(len(self.thresholds))):
            band = np.where(sums >= self.thresholds[index][counts], index, band)
        present = counts > 0
        target_category: Codes = np.where(present, self.categories[band], NONE).astype(np.int8)
        if self.additional is None:
            extra = np.full(sums.shape, MISSING, np.int64)
            total = np.zeros(len(sums), np.int64)
        else:
            given = self.additional[target_category.astype(np.int64)]
            extra = np.where(additional, given, MISSING)
            total = np.where(additional, given, 0).sum(axis=1)
        return RouteScores(
            indicator_points=np.where(at, points, MISSING),
            target_points=np.where(present, sums, MISSING),
            target_value=self.values[band],
            target_category=target_category,
            additional_points=extra,
            additional=total,
        )
