"""
The raters and ratings of an appraisal, from the ratings sheet.

One row per rating; the rows of one rater repeat the rater's columns, and a row
that names a rater without a subject, scale, score or level declares a rater who
has not rated yet.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from penilaian.io._draft import Draft, cells_fit, first_of, gather, grouped, resolve
from penilaian.io._rows import Builder, Row, Source
from penilaian.model.raters import Rater, Rating

if TYPE_CHECKING:
    from collections.abc import Sequence

    from penilaian.model.behaviour import BehaviourFramework

__all__ = ["RATER_FIELDS", "RATING_FIELDS", "build_ratings"]

RATER_FIELDS: Final = {
    "id": "rater_id",
    "role": "rater_role",
    "employee_id": "rater_employee_id",
    "name": "rater_name",
}
RATING_FIELDS: Final = {
    name: name
    for name in ("rater_id", "subject", "scale_id", "score", "level", "comment", "rated_on")
}
# The cells the rows of one rater repeat, and that must agree.
_RATER_CELLS: Final = ("rater_role", "rater_employee_id", "rater_name")
_RATING_CELLS: Final = ("subject", "scale_id", "score", "level")
_NEEDED: Final = ("subject", "scale_id")
_NOT_RATED: Final = ("comment", "rated_on")


def build_ratings(
    builder: Builder,
    draft: Draft,
    rows: Sequence[Row],
    subjects: frozenset[str],
    framework: BehaviourFramework | None,
) -> tuple[list[Rater], list[Rating]]:
    """Build the raters (in order of first mention) and the ratings of one appraisal."""
    rows = [row for row in rows if row.ok]
    raters: list[Rater] = []
    for rater_id, group in grouped(rows, "rater_id").items():
        source = first_of(builder, group, RATER_FIELDS, _RATER_CELLS, f"rater {rater_id}")
        first = source.row
        cells = (first["rater_role"], first["rater_employee_id"], first["rater_name"])
        rater = builder.make(source, Rater, rater_id, *cells)
        gather(draft, rater, raters, path="$.raters", source=source)
    ratings: list[Rating] = []
    for row in rows:
        if all(row[header] is None for header in _RATING_CELLS):
            # A row naming a rater only: somebody who has not rated yet.
            what = "row without a rating"
            if not cells_fit(builder, row, what, needs=(), allows=(), cells=_NOT_RATED):
                draft.broken = True
            continue
        if not cells_fit(builder, row, "rating", needs=_NEEDED, allows=_NEEDED, cells=_NEEDED):
            draft.broken = True
            continue
        source = Source(row, RATING_FIELDS)
        rating = builder.make(
            source,
            Rating,
            row["rater_id"],
            resolve(row["subject"], subjects, framework),
            row["scale_id"],
            row["score"],
            row["level"],
            row["comment"],
            row["rated_on"],
        )
        gather(draft, rating, ratings, path="$.ratings", source=source)
    return raters, ratings
