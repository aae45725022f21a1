"""
The columns of PP 30/2019 in and out: `Pp30Batch` (checked inputs) and `Pp30Scores`.

Private to `penilaian.batch.pp30`, which documents the layout and scores a batch.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

import attrs
import numpy as np

from penilaian.batch._chunks import Check
from penilaian.batch._columns import (
    INT64_LIMIT,
    Bools,
    Codes,
    Ints,
    check_bool,
    check_int,
    check_places,
    checked,
    fail,
)
from penilaian.batch._pp30_reader import ASPECTS, read_appraisals
from penilaian.exceptions import (
    InvalidValueError,
    MissingValueError,
    OffScaleError,
    Problem,
    UnsupportedInputError,
)
from penilaian.regimes.pp30_2019 import PP30_2019_CAP

if TYPE_CHECKING:
    from collections.abc import Sequence

    from penilaian.model.appraisal import Appraisal

__all__ = ["Pp30Batch", "Pp30Scores"]


@attrs.frozen(eq=False)
class Pp30Batch:
    """
    The inputs of PP 30/2019 for many appraisals, as checked numpy columns.

    See `penilaian.batch.pp30` for the layout.  Every column is checked when the batch
    is built, before any scoring: dtype and shape (nothing is converted, so a float
    column with NaN is refused), targets above 0 with ``high >= low``, realisations
    at least 0 and present for every indicator, behaviour scores from 0 to 120,
    magnitudes that keep the integer arithmetic in ``int64``, a main work target and
    an applicable aspect in every row.

    Attributes:
        places: Decimal places of the ``behaviour`` scores (0 to 6; the readers use 6).
        indicator: Where indicators sit.
        target_low: Lower (or point) target, scaled (by a power of ten per cell).
        target_high: Upper (or point) target, scaled as ``target_low``.
        realisation: Realised values, scaled as ``target_low``.
        realised: Where a realisation was reported.
        lower_is_better: Kondisi khusus indicators.
        at_maximum: Targets already at their best possible value.
        main: Main work targets.
        behaviour: The supervisor's aspect scores, scaled.
        rated: Where the supervisor rated the aspect.
        applies: Where the aspect applies to the post.
        peer_input: Rows with a peer or subordinate rating.
        innovation: Rows with an innovation for the organisation or the state.
        interpolation: Rows whose post takes the interpolation table under
            ``route="auto"`` (``skp_route(kind) == "interpolation"``: a JPT); the
            others take the category route.

    Raises:
        InvalidInputError: listing every bad column and cell, each path naming the
            column and the row (``$.realisation[4, 0, 2]``).
    """

    places: int
    indicator: Bools
    target_low: Ints
    target_high: Ints
    realisation: Ints
    realised: Bools
    lower_is_better: Bools
    at_maximum: Bools
    main: Bools
    behaviour: Ints
    rated: Bools
    applies: Bools
    peer_input: Bools
    innovation: Bools
    interpolation: Bools

    def __attrs_post_init__(self) -> None:
        fail(_check(self))

    def __len__(self) -> int:
        return len(self.indicator)

    @classmethod
    def from_appraisals(cls, appraisals: Sequence[Appraisal]) -> Pp30Batch:
        """
        Read the targets, realisations and supervisor's scores of each appraisal.

        Work targets fill the target places in order and their indicators the
        indicator places; the batch is as wide as the widest appraisal.

        Raises:
            ScoringInputError: listing every problem of every row that the scalar
                regime would raise on (a qualitative target, a framework other than
                `penilaian.PP30_2019_BEHAVIOUR`, two supervisor ratings of one aspect,
                a rating on an ordinal scale), paths starting ``$[<row>]``.
            InvalidInputError: from the column checks (a missing realisation, a
                score off 0-120, a value with more than 6 decimal places or beyond
                the per-row bound of `penilaian.batch.pp30`).
        """
        return cls(**read_appraisals(appraisals))


_BOOL_COLUMNS: Final = (
    "indicator", "realised", "lower_is_better", "at_maximum", "main", "rated", "applies",
    "peer_input", "innovation", "interpolation",
)  # fmt: skip
_INT_COLUMNS: Final = ("target_low", "target_high", "realisation", "behaviour")


def _check(batch: Pp30Batch) -> list[Problem]:
    problems = check_places(batch.places)
    indicator: object = batch.indicator
    if not isinstance(indicator, np.ndarray) or indicator.ndim != 3:
        reason = "must be a numpy array of shape (appraisals, targets, indicators)"
        shown = getattr(indicator, "shape", type(indicator).__name__)
        error = InvalidValueError("indicator", shown, reason)
        return [*problems, Problem("$.indicator", reason, error)]
    cells = indicator.shape
    aspects = (cells[0], len(ASPECTS))
    shapes: dict[str, tuple[int, ...]] = {
        "main": cells[:2],
        **dict.fromkeys(("peer_input", "innovation", "interpolation"), cells[:1]),
        **dict.fromkeys(("behaviour", "rated", "applies"), aspects),
    }
    for name in _BOOL_COLUMNS:
        problems += check_bool(name, getattr(batch, name), shapes.get(name) or cells)
    for name in _INT_COLUMNS:
        problems += check_int(name, getattr(batch, name), shapes.get(name) or cells)
    if problems:
        return problems
    return _check_values(batch)


def _check_values(batch: Pp30Batch) -> list[Problem]:
    """The value checks, a chunk of rows at a time (`penilaian.batch._chunks`)."""
    at, realised, main = batch.indicator, batch.realised, batch.main
    low, high, real = batch.target_low, batch.target_high, batch.realisation
    limit = f"must be at most {INT64_LIMIT} scaled (the int64 arithmetic's bound)"
    positive = "must be greater than 0 (achievement divides by it)"
    unrealised = "an indicator has no realisation; it is never taken as 0"
    top = int(PP30_2019_CAP) * 10**batch.places
    scores, rated, applies = batch.behaviour, batch.rated, batch.applies

    def mains(r: slice) -> Bools:
        found: Bools = main[r] & at[r].any(axis=2)
        return found

    checks = [
        Check("target_low", positive, lambda r: at[r] & (low[r] <= 0), lambda r: low[r]),
        Check("target_low", limit, lambda r: at[r] & (low[r] > INT64_LIMIT), lambda r: low[r]),
        Check(
            "target_high", "must be at least target_low",
            lambda r: at[r] & (high[r] < low[r]), lambda r: high[r],
        ),
        Check("target_high", limit, lambda r: at[r] & (high[r] > INT64_LIMIT), lambda r: high[r]),
        Check(
            "realised", unrealised, lambda r: at[r] & ~realised[r], lambda r: real[r],
            MissingValueError,
        ),
        Check(
            "realisation", f"must be from 0 to {INT64_LIMIT} scaled",
            lambda r: at[r] & realised[r] & ((real[r] < 0) | (real[r] > INT64_LIMIT)),
            lambda r: real[r],
        ),
        Check(  # one problem per row, showing its count of main targets
            "main", "pp30_2019 needs at least one main work target",
            lambda r: np.asarray(~mains(r).any(axis=1)), lambda r: mains(r).sum(axis=1),
            MissingValueError,
        ),
        Check(
            "behaviour", f"must lie from 0 to 120 under pp30_2019 (x 10^{batch.places})",
            lambda r: applies[r] & rated[r] & ((scores[r] < 0) | (scores[r] > top)),
            lambda r: scores[r], OffScaleError,
        ),
        Check(  # one problem per row, showing its count of applicable aspects
            "applies", "no aspect applies to the post",
            lambda r: np.asarray(~applies[r].any(axis=1)), lambda r: applies[r].sum(axis=1),
            UnsupportedInputError,
        ),
    ]  # fmt: skip
    return checked(len(at), checks)


@attrs.frozen(eq=False)
class Pp30Scores:
    """
    The scores of a `Pp30Batch`: every figure of the scalar `penilaian.Result`, per row.

    Numbers are ``int64`` scaled by 10^`places` (the regime's rounding places), points,
    additional points and the SKP by 10^`point_places`, and `penilaian.batch.MISSING`
    where there is none (no indicator at that place, a figure of the other route, or
    an incomplete row); categories are codes into `penilaian.batch.GRADES`, -1 for none.

    Attributes:
        places: The decimal places of the scaled numbers (the regime's rounding).
        point_places: The decimal places of the points, ``additional`` and ``skp``:
            the most of the rounding's and of the regime's category point tables.
        complete: Rows with a score and grade (every applicable aspect rated).
        final: The nilai kinerja (``final``, ``Result.score``).
        grade: The predikat (``Result.grade``).
        band: The predikat band before the innovation condition and the fair label.
        with_peer_input: Rows weighted 60/40 (else 70/30).
        interpolation: Rows scored by the interpolation table (else the category route).
        achievement: ``int64 (n, t, i)``: the whole-percent capaian IKI (not scaled).
        indicator_value: ``(n, t, i)``: the nilai capaian IKI (interpolation route).
        indicator_points: ``(n, t, i)``: the IKI's category points (category route).
        category: ``int8 (n, t, i)``: the IKI category.
        target_value: ``(n, t)``: each work target's value.
        target_points: ``(n, t)``: the sum of its IKIs' points (category route).
        target_category: ``int8 (n, t)``: the work target's category (category route).
        additional_points: ``(n, t)``: what an additional work target adds (category
            route with ``category_additional_points``).
        main_value: ``(n,)``: nilai kinerja utama.
        additional: ``(n,)``: the additional points (0 on the interpolation route).
        skp: ``(n,)``: nilai SKP, ``main_value + additional``.
        aspect_value: ``(n, a)``: each aspect's value.
        behaviour: ``(n,)``: the perilaku value.
    """

    places: int
    point_places: int
    complete: Bools
    final: Ints
    grade: Codes
    band: Codes
    with_peer_input: Bools
    interpolation: Bools
    achievement: Ints
    indicator_value: Ints
    indicator_points: Ints
    category: Codes
    target_value: Ints
    target_points: Ints
    target_category: Codes
    additional_points: Ints
    main_value: Ints
    additional: Ints
    skp: Ints
    aspect_value: Ints
    behaviour: Ints
