"""
Appraisals to the columns of a `penilaian.batch.GenericBatch`: every indicator, rater and rating.

Every problem of every row is collected first and raised together, each path
starting ``$[<row>]`` at the appraisal's own JSON path.  The reader returns the
columns by field name; `GenericBatch.from_appraisals` builds (and checks) the batch,
so this module needs nothing of the batch itself.

Each number is scaled on its own row's terms (issue 14), so whether a row is accepted
never depends on the other rows: an indicator's target and realisation by 10^p, p the
fewest decimal places that hold the three numbers of that indicator (only their ratio
and order are read), at most `SCALED_BOUND` once scaled; every rating by the fixed
10^`MAX_PLACES` (ratings are summed and compared across raters, so they share one
scale), at most `RATING_BOUND` in magnitude.  Both bounds keep every scaled number
below 2^53, where it converts to ``float64`` exactly.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final

import numpy as np

from penilaian.batch._columns import FLOAT_EXACT, MAX_PLACES, NONE, scaled_cells
from penilaian.exceptions import (
    Problem,
    ScoringInputError,
    UnsupportedInputError,
)
from penilaian.model.raters import NumericScale, RaterRole
from penilaian.model.targets import Direction, PointTarget, RangeTarget, TargetKind

if TYPE_CHECKING:
    from collections.abc import Sequence

    from penilaian.model.appraisal import Appraisal

__all__ = ["RATING_BOUND", "SCALED_BOUND", "read"]

SCALED_BOUND: Final = FLOAT_EXACT - 1
"""The largest magnitude of a scaled number: below 2^53, so it converts to a float exactly."""

RATING_BOUND: Final = Decimal(SCALED_BOUND).scaleb(-MAX_PLACES)
"""The largest magnitude of a rating (9,007,199,254.740991): at most `SCALED_BOUND` x 10^-6."""

_SHARED: Final = ("target_low", "target_high", "realisation")

_ROLES: Final = tuple(RaterRole)
_KINDS: Final = tuple(TargetKind)


def _problem(path: str, field: str, value: object, reason: str) -> Problem:
    return Problem(path, reason, UnsupportedInputError(field, value, reason))


def read(appraisals: Sequence[Appraisal]) -> dict[str, Any]:
    """
    Return the columns of a batch of *appraisals*, by field name (see `GenericBatch`).

    Raises:
        ScoringInputError: as `GenericBatch.from_appraisals` (a rating beyond
            `RATING_BOUND` among them).
        InvalidInputError: an indicator's number with more than `MAX_PLACES` places or
            beyond `SCALED_BOUND` once scaled, a rating with more than `MAX_PLACES`
            places, at ``$.<column>[cell]``.
    """
    reader = _Reader(appraisals)
    for row, appraisal in enumerate(appraisals):
        reader.indicators(row, appraisal)
        reader.ratings(row, appraisal)
    if reader.problems:
        raise ScoringInputError(reader.problems)
    scale = reader.scale
    bounds = (Decimal(0), Decimal(1)) if scale is None else (scale.minimum, scale.maximum)
    shapes = {**dict.fromkeys(_SHARED, reader.cells), "score": reader.shape}
    columns = scaled_cells(reader.found, shapes, _SHARED, SCALED_BOUND)
    flags = reader.flags
    return {
        "places": MAX_PLACES, "subjects": tuple(reader.order.keys()),
        "scale_min": bounds[0], "scale_max": bounds[1],
        "indicator": flags["indicator"], "kind": reader.kind,
        "target_low": columns["target_low"], "target_high": columns["target_high"],
        "realisation": columns["realisation"], "realised": flags["realised"],
        "lower_is_better": flags["lower"], "applies": reader.applies, "role": reader.role,
        "score": columns["score"], "rated": reader.rated,
    }  # fmt: skip


class _Reader:
    """The columns being filled, and every problem found so far."""

    def __init__(self, appraisals: Sequence[Appraisal]) -> None:
        subjects: dict[str, None] = {}
        for appraisal in appraisals:
            for aspect in appraisal.framework.aspects_for(appraisal.position.kind):
                subjects.setdefault(aspect.id)
            for rating in appraisal.ratings:
                subjects.setdefault(rating.subject)
        self.order = {subject: index for index, subject in enumerate(subjects)}
        n = len(appraisals)
        width = max((sum(len(t.indicators) for t in a.targets) for a in appraisals), default=0)
        raters = max((len(a.raters) for a in appraisals), default=0)
        self.cells, self.shape = (n, width), (n, len(self.order), raters)
        self.found: dict[tuple[str, tuple[int, ...]], Decimal] = {}
        self.flags = {
            name: np.zeros(self.cells, np.bool_) for name in ("indicator", "realised", "lower")
        }
        self.kind = np.full(self.cells, NONE, np.int8)
        self.applies = np.zeros(self.shape[:2], np.bool_)
        self.role = np.full((n, raters), NONE, np.int8)
        self.rated = np.zeros(self.shape, np.bool_)
        self.scale: NumericScale | None = None
        self.problems: list[Problem] = []

    def indicators(self, row: int, appraisal: Appraisal) -> None:
        """Fill the indicator places of *row*, target by target."""
        place = 0
        for t_index, target in enumerate(appraisal.targets):
            for i_index, item in enumerate(target.indicators):
                path = f"$[{row}].targets[{t_index}].indicators[{i_index}]"
                given = item.target
                cell = (row, place)
                place += 1
                if isinstance(given, PointTarget):
                    low, high = given.value, given.value
                elif isinstance(given, RangeTarget):
                    low, high = given.low, given.high
                else:
                    reason = "a qualitative target has no achievement percentage; rate it instead"
                    self.problems.append(_problem(f"{path}.target", "target", item.id, reason))
                    continue
                self.found["target_low", cell], self.found["target_high", cell] = low, high
                self.flags["indicator"][cell] = True
                self.flags["lower"][cell] = item.direction is Direction.LOWER_IS_BETTER
                self.kind[cell] = _KINDS.index(target.kind)
                if item.realisation is not None and item.realisation.value is not None:
                    self.flags["realised"][cell] = True
                    self.found["realisation", cell] = item.realisation.value

    def ratings(self, row: int, appraisal: Appraisal) -> None:
        """Fill the subjects, raters and numeric ratings of *row*."""
        for aspect in appraisal.framework.aspects_for(appraisal.position.kind):
            self.applies[row, self.order[aspect.id]] = True
        places = {rater.id: index for index, rater in enumerate(appraisal.raters)}
        for rater in appraisal.raters:
            self.role[row, places[rater.id]] = _ROLES.index(rater.role)
        for index, rating in enumerate(appraisal.ratings):
            path = f"$[{row}].ratings[{index}]"
            on = appraisal.scale(rating.scale_id)
            if not isinstance(on, NumericScale) or rating.score is None:
                reason = f"{rating.subject} is rated on ordinal scale {rating.scale_id}"
                self.problems.append(
                    _problem(f"{path}.scale_id", "scale_id", rating.scale_id, reason)
                )
                continue
            if self.scale is None:
                self.scale = on
            elif (on.minimum, on.maximum) != (self.scale.minimum, self.scale.maximum):
                reason = f"every rating of a batch lies on one scale ({self.scale.id}), not {on.id}"
                self.problems.append(_problem(f"{path}.scale_id", "scale_id", on.id, reason))
                continue
            if abs(rating.score) > RATING_BOUND:
                reason = f"must be at most {RATING_BOUND} in magnitude (x 10^{MAX_PLACES} < 2^53)"
                self.problems.append(_problem(f"{path}.score", "score", rating.score, reason))
                continue
            cell = (row, self.order[rating.subject], places[rating.rater_id])
            if self.rated[cell]:
                reason = f"{rating.rater_id} rates {rating.subject} twice"
                self.problems.append(_problem(f"{path}.subject", "subject", rating.subject, reason))
                continue
            self.rated[cell] = True
            self.found["score", cell] = rating.score
