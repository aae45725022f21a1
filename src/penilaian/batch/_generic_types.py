"""
The generic engine's two values: the checked input columns and the scores, per row.

`GenericBatch` and `GenericScores` live here, below the reader, the arithmetic and
`penilaian.batch.generic` (which re-exports them), so that every module of the engine
imports them from one place and no import runs in a circle.  The layout of the
columns is described in `penilaian.batch.generic`.
"""

from __future__ import annotations

import math
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final

import attrs
import numpy as np

from penilaian.batch._chunks import Check
from penilaian.batch._columns import (
    FLOAT_EXACT,
    NONE,
    Bools,
    Codes,
    Ints,
    check_bool,
    check_codes,
    check_int,
    check_places,
    checked,
    fail,
)
from penilaian.batch._generic_reader import read
from penilaian.exceptions import (
    InvalidValueError,
    MissingValueError,
    OffScaleError,
    Problem,
)
from penilaian.model.raters import RaterRole
from penilaian.model.targets import TargetKind

if TYPE_CHECKING:
    from collections.abc import Sequence

    from penilaian.model.appraisal import Appraisal

__all__ = ["KINDS", "ROLES", "GenericBatch", "GenericScores"]

KINDS: Final = tuple(TargetKind)
"""The target kinds of the ``kind`` codes, in order."""

ROLES: Final = tuple(RaterRole)
"""The rater roles of the ``role`` codes, in order."""

_BOOL_COLUMNS: Final = ("indicator", "realised", "lower_is_better", "applies", "rated")
_INT_COLUMNS: Final = ("target_low", "target_high", "realisation", "score")


@attrs.frozen(eq=False)
class GenericBatch:
    """
    The inputs of `penilaian.GenericRegime` for many appraisals, as checked numpy columns.

    See `penilaian.batch.generic` for the layout.  Every column is checked when the batch
    is built: dtype and shape (nothing is converted, so a float column with NaN is
    refused), targets above 0 with ``high >= low``, a realisation for every
    indicator (never taken as 0), ratings on the scale and by a rater, magnitudes
    below 2^53.

    Raises:
        InvalidInputError: listing every bad column and cell, each path naming the
            column and the row (``$.score[4, 0, 2]``).
    """

    places: int
    subjects: tuple[str, ...]
    scale_min: Decimal
    scale_max: Decimal
    indicator: Bools
    kind: Codes
    target_low: Ints
    target_high: Ints
    realisation: Ints
    realised: Bools
    lower_is_better: Bools
    applies: Bools
    role: Codes
    score: Ints
    rated: Bools

    def __attrs_post_init__(self) -> None:
        fail(_check(self))

    def __len__(self) -> int:
        return len(self.indicator)

    @classmethod
    def from_appraisals(cls, appraisals: Sequence[Appraisal]) -> GenericBatch:
        """
        Read the indicators, raters and numeric ratings of each appraisal.

        Indicators of all work targets fill the indicator places in order (with
        their target's kind), raters the rater places in order; the subjects are
        every aspect of the frameworks and every subject rated, in order of first
        appearance.  Each indicator's numbers are scaled by the fewest decimal places
        that hold them, every rating by 10^6 (``places`` is 6): no scale is chosen
        from another row, so each row is accepted or refused on its own values.

        Raises:
            ScoringInputError: listing what the scalar regime would refuse in any row
                (a qualitative target, a rating on an ordinal scale, ratings on two
                scales), and ratings beyond 9,007,199,254.740991 in magnitude, paths
                starting ``$[<row>]``.
            InvalidInputError: a number with more than 6 decimal places, or an
                indicator's number beyond 2^53 - 1 once scaled by its own places
                (``$.target_low[row, place]``); and from the column checks.
        """
        return cls(**read(appraisals))


def _check(batch: GenericBatch) -> list[Problem]:
    problems = check_places(batch.places)
    for name in ("scale_min", "scale_max"):
        if not isinstance(getattr(batch, name), Decimal):
            reason = "must be a decimal.Decimal"
            error = InvalidValueError(name, getattr(batch, name), reason)
            problems.append(Problem(f"$.{name}", reason, error))
    if not problems and batch.scale_max <= batch.scale_min:
        reason = f"must be greater than scale_min ({batch.scale_min})"
        error = InvalidValueError("scale_max", batch.scale_max, reason)
        problems.append(Problem("$.scale_max", reason, error))
    subjects: object = batch.subjects
    if (
        not isinstance(subjects, tuple)
        or len(set(subjects)) != len(subjects)
        or not all(isinstance(subject, str) and subject for subject in subjects)
    ):
        reason = "must be a tuple of distinct, non-empty subject ids"
        error = InvalidValueError("subjects", batch.subjects, reason)
        return [*problems, Problem("$.subjects", reason, error)]
    indicator: object = batch.indicator
    role: object = batch.role
    if not isinstance(indicator, np.ndarray) or indicator.ndim != 2:
        return [*problems, _shape("indicator", indicator, "(appraisals, indicators)")]
    if not isinstance(role, np.ndarray) or role.ndim != 2:
        return [*problems, _shape("role", role, "(appraisals, raters)")]
    n, places_i = indicator.shape
    cells, ratings = (n, places_i), (n, len(batch.subjects), role.shape[1])
    shapes = {"applies": ratings[:2], "rated": ratings, "score": ratings}
    for name in _BOOL_COLUMNS:
        problems += check_bool(name, getattr(batch, name), shapes.get(name, cells))
    for name in _INT_COLUMNS:
        problems += check_int(name, getattr(batch, name), shapes.get(name, cells))
    problems += check_codes("kind", batch.kind, cells, len(KINDS))
    problems += check_codes("role", batch.role, (n, role.shape[1]), len(ROLES))
    if problems:
        return problems
    return _check_values(batch)


def _shape(column: str, value: object, axes: str) -> Problem:
    reason = f"must be a numpy array of shape {axes}"
    shown = getattr(value, "shape", type(value).__name__)
    return Problem(f"$.{column}", reason, InvalidValueError(column, shown, reason))


def _check_values(batch: GenericBatch) -> list[Problem]:
    """The value checks, a chunk of rows at a time (`penilaian.batch._chunks`)."""
    at, kind, realised, rated = batch.indicator, batch.kind, batch.realised, batch.rated
    low, high, real, score = batch.target_low, batch.target_high, batch.realisation, batch.score
    limit = "must be less than 2^53 scaled (so it converts to a float exactly)"
    positive = "must be greater than 0 (achievement divides by it)"
    unrealised = "an indicator has no realisation; it is never taken as 0"
    unit = 10**batch.places
    # Scores are whole numbers: one below ceil(min) or above floor(max) is off the scale.
    low_scaled, high_scaled = math.ceil(batch.scale_min * unit), math.floor(batch.scale_max * unit)
    scale = f"must lie on the scale, {batch.scale_min} to {batch.scale_max} (x 10^{batch.places})"

    checks = [
        Check("target_low", positive, lambda r: at[r] & (low[r] <= 0), lambda r: low[r]),
        Check(
            "target_high", "must be at least target_low",
            lambda r: at[r] & (high[r] < low[r]), lambda r: high[r],
        ),
        Check("target_high", limit, lambda r: at[r] & (high[r] >= FLOAT_EXACT), lambda r: high[r]),
        Check(
            "realised", unrealised, lambda r: at[r] & ~realised[r], lambda r: real[r],
            MissingValueError,
        ),
        Check(
            "realisation", limit, lambda r: at[r] & realised[r] & (np.abs(real[r]) >= FLOAT_EXACT),
            lambda r: real[r],
        ),
        Check(
            "kind", "an indicator needs its kind", lambda r: at[r] & (kind[r] == NONE),
            lambda r: kind[r],
        ),
        Check(
            "rated", "a rating needs a rater (role -1)",
            lambda r: rated[r] & (batch.role[r] == NONE)[:, None, :], lambda r: score[r],
        ),
        Check(
            "score", scale,
            lambda r: rated[r] & ((score[r] < low_scaled) | (score[r] > high_scaled)),
            lambda r: score[r], OffScaleError,
        ),
    ]  # fmt: skip
    return checked(len(at), checks)


@attrs.frozen(eq=False)
class GenericScores:
    """
    The scores of a `GenericBatch` under one `penilaian.GenericRegime`, per row.

    Every number is an ``int64`` (absent: `MISSING`), whatever the regime: a work
    component has no lower bound in the regime (a lower-is-better realisation far
    above its target gives a large negative achievement; only a ``cap`` bounds it,
    from above), so neither its figure nor the score has a narrower type that every
    row fits.  Memory per row: 11 bytes (`score`, `band`, `grade`, `complete`) plus 8
    per component for the figures, 27 bytes for two components; without figures
    (``score_generic(..., figures=False)``) 11 bytes, and `component` is `None`.

    Attributes:
        places: The decimal places of `score` (the regime's rounding).
        labels: The band labels of the regime's table, lowest first.
        components: The component ids, in the regime's order.
        complete: Rows with a score (every component has a value).
        score: The rounded score x 10^places (``Result.score``); `MISSING` where none.
        band: The band, a code into `labels`; -1 where none.
        grade: The band as a code into `penilaian.batch.GRADES` when its label is a
            `penilaian.Grade`; -1 otherwise.
        component: ``int64 (n, c)``: each component's value x 10^6, rounded as
            `penilaian.Result` figures are (``component[<id>]``: equal to the
            figure whenever that has at most 6 decimal places); `MISSING` where none.
            `None` when scored without figures: not computed, which is not missing.
        exact_rows: How many rows the float filter sent to the exact path.
    """

    places: int
    labels: tuple[Any, ...]
    components: tuple[str, ...]
    complete: Bools
    score: Ints
    band: Codes
    grade: Codes
    component: Ints | None
    exact_rows: int
