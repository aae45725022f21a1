"""
The generic regime over columns: weighted components, 360° role weights and bands, exactly.

The columnar twin of `penilaian.GenericRegime`: `WorkAchievement` components (the
mean achievement of indicators of some target kinds, capped) and `RatedSubjects`
components (the mean of rated subjects, each combined by the regime's aggregator and
rescaled to 0-100), weighted, rounded by the regime's `penilaian.Rounding` and
banded by its `penilaian.model.BandTable`.  The aggregator may be
`penilaian.policy.SupervisorRating` or a `penilaian.WeightingPolicy` whose aggregation is
`penilaian.Mean` or `penilaian.Median`, with any role weights, minimum raters,
missing-rater policy and self-assessment choice.

These formulas have no bounded fixed-point form (a mean of ratios with different
denominators), so values are computed in ``float64`` with an error bound, and every
row whose float lies near a rounding or band decision is computed again exactly in
`fractions.Fraction` (`penilaian.batch._filtered`).  Scores, bands and grades are
therefore those of the scalar regime on every row; `GenericScores.exact_rows` says
how many rows took the exact path.

Layout (`GenericBatch`; ``n`` appraisals, ``i`` indicator places, ``s`` subjects,
``r`` rater places):

- ``indicator`` ``bool (n, i)``: an indicator sits at this place; ``kind`` ``int8
  (n, i)``: its work target's kind, a code into `KINDS`;
- ``target_low``, ``target_high``, ``realisation`` ``int64 (n, i)`` x 10^places (a
  point target has ``low == high``); ``lower_is_better`` ``bool (n, i)``;
- ``subjects``: the subject ids of the ``s`` axis; ``applies`` ``bool (n, s)``: the
  subject is an aspect of the appraisal's framework that applies to the post (what
  ``RatedSubjects(subjects=None)`` averages);
- ``role`` ``int8 (n, r)``: the role of the rater at each place, a code into `ROLES`
  (-1: no rater); ``score`` ``int64 (n, s, r)`` x 10^places, read where ``rated``
  ``bool (n, s, r)``; all ratings lie on one numeric scale, ``scale_min`` to
  ``scale_max``.
"""

from __future__ import annotations

import math
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final

import attrs
import numpy as np

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
    fail,
    listed,
)
from penilaian.batch._generic_plan import Plan, plan_for
from penilaian.batch._generic_values import Inputs, combine
from penilaian.exceptions import (
    InvalidValueError,
    MissingValueError,
    OffScaleError,
    Problem,
)
from penilaian.model.raters import RaterRole
from penilaian.model.targets import TargetKind
from penilaian.regimes.generic import GenericRegime

if TYPE_CHECKING:
    from collections.abc import Sequence

    from penilaian.model.appraisal import Appraisal

__all__ = ["KINDS", "ROLES", "GenericBatch", "GenericScores", "score_generic"]

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

    See the module docstring for the layout.  Every column is checked when the batch
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
        appearance.

        Raises:
            ScoringInputError: listing what the scalar regime would refuse in any row
                (a qualitative target, a rating on an ordinal scale, ratings on two
                scales), paths starting ``$[<row>]``.
            InvalidInputError: from the column checks.
        """
        from penilaian.batch._generic_reader import read  # noqa: PLC0415 - avoids a cycle

        return read(cls, appraisals)


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
    at = batch.indicator
    low, high, real = batch.target_low, batch.target_high, batch.realisation
    limit = "must be less than 2^53 scaled (so it converts to a float exactly)"
    positive = "must be greater than 0 (achievement divides by it)"
    unrealised = "an indicator has no realisation; it is never taken as 0"
    problems = [
        *listed("target_low", at & (low <= 0), low, positive),
        *listed("target_high", at & (high < low), high, "must be at least target_low"),
        *listed("target_high", at & (high >= FLOAT_EXACT), high, limit),
        *listed("realised", at & ~batch.realised, real, unrealised, MissingValueError),
        *listed("realisation", at & batch.realised & (np.abs(real) >= FLOAT_EXACT), real, limit),
        *listed("kind", at & (batch.kind == NONE), batch.kind, "an indicator needs its kind"),
    ]
    rated = batch.rated
    no_rater = rated & (batch.role == NONE)[:, None, :]
    problems += listed("rated", no_rater, batch.score, "a rating needs a rater (role -1)")
    unit = 10**batch.places
    # Scores are whole numbers: one below ceil(min) or above floor(max) is off the scale.
    low_scaled, high_scaled = math.ceil(batch.scale_min * unit), math.floor(batch.scale_max * unit)
    off = rated & ((batch.score < low_scaled) | (batch.score > high_scaled))
    reason = f"must lie on the scale, {batch.scale_min} to {batch.scale_max} (x 10^{batch.places})"
    problems += listed("score", off, batch.score, reason, OffScaleError)
    return problems


@attrs.frozen(eq=False)
class GenericScores:
    """
    The scores of a `GenericBatch` under one `penilaian.GenericRegime`, per row.

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
        exact_rows: How many rows the float filter sent to the exact path.
    """

    places: int
    labels: tuple[Any, ...]
    components: tuple[str, ...]
    complete: Bools
    score: Ints
    band: Codes
    grade: Codes
    component: Ints
    exact_rows: int


def score_generic(
    batch: GenericBatch, regime: GenericRegime | None = None, *, chunk: int = 200_000
) -> GenericScores:
    """
    Score every row of *batch* as *regime* (default `GenericRegime.default()`) would.

    Args:
        batch: The inputs.
        regime: The regime; its options are checked before any work.
        chunk: Rows computed at a time, to bound the memory of the intermediates.

    Raises:
        ScoringInputError: a regime option the batch does not compute (no rounding,
            a trimmed-mean or custom aggregation, a custom aggregator), or rows the
            scalar regime refuses (no indicator of a work component's kinds, a
            rating from a role the policy does not weight, two supervisor ratings
            of one subject under `penilaian.policy.SupervisorRating`).
    """
    regime = GenericRegime.default() if regime is None else regime
    given: object = chunk
    if isinstance(given, bool) or not isinstance(given, int) or given < 1:
        raise InvalidValueError("chunk", chunk, "must be a whole number of rows, at least 1")
    plan = plan_for(regime, batch.subjects)
    parts = [
        combine(Inputs.read(batch, plan, slice(start, start + chunk)), plan)
        for start in range(0, max(len(batch), 1), chunk)
    ]
    return _joined(plan, parts, len(batch))


def _joined(plan: Plan, parts: list[GenericScores], n: int) -> GenericScores:
    if n == 0:
        empty = np.zeros(0, np.int64)
        return GenericScores(
            plan.rounding.places, plan.labels, plan.component_ids, np.zeros(0, np.bool_),
            empty, empty.astype(np.int8), empty.astype(np.int8),
            np.zeros((0, len(plan.component_ids)), np.int64), 0,
        )  # fmt: skip
    first = parts[0]
    return GenericScores(
        first.places, first.labels, first.components,
        np.concatenate([part.complete for part in parts]),
        np.concatenate([part.score for part in parts]),
        np.concatenate([part.band for part in parts]),
        np.concatenate([part.grade for part in parts]),
        np.concatenate([part.component for part in parts]),
        sum(part.exact_rows for part in parts),
    )  # fmt: skip
