"""
PP 30/2019 with PermenPANRB 8/2021 over columns: capaian IKI to predikat, exactly.

The columnar twin of `penilaian.regimes.pp30_2019.Pp30Regime` with whole-percent
capaian, no main-target weights, no interpolation-route additional points and the
supervisor's rating per aspect (the regime's defaults); its ``rounding``,
``peer_input``, ``fair_label``, ``route`` and category-route tables (``iki_points``,
``rencana_bands``, ``category_additional_points``) are honoured.  Each row takes the
route the regime would take (`Pp30Regime.route_of`): with ``route="auto"`` the
interpolation table where the batch's ``interpolation`` column says the post takes
it (`penilaian.regimes.pp30_2019.rules.skp_route`: JPT), the category route of
PermenPANRB 8/2021 Bab VI.A.2 elsewhere; with ``"interpolation"`` or ``"category"``
that route for every row.  The conversion table, the maximum-target exception, the
whole-percent rule, the category tables, the predikat bands and grades, the weights
and the cap are read from the public rules of `penilaian.regimes.pp30_2019` and
turned into integer numerators, denominators and lookup tables once; every row is
then computed in ``int64`` with exact integer rounding, so no float decides a band
or a branch.

Layout (`Pp30Batch`; ``n`` appraisals, ``t`` work-target places, ``i`` indicator
places per target, ``a`` aspects of `penilaian.PP30_2019_BEHAVIOUR` in order):

- ``indicator`` ``bool (n, t, i)``: an indicator sits at this place;
- ``target_low``, ``target_high`` ``int64 (n, t, i)``: the target x 10^p; a point
  target has ``low == high``, a range ``low < high``;
- ``realisation`` ``int64 (n, t, i)`` x 10^p, read where ``realised``; only the ratios
  of one indicator's three numbers are read, so p is any power of ten shared by those
  three (it may differ from cell to cell; ``places`` will do);
- ``realised``, ``lower_is_better``, ``at_maximum`` ``bool (n, t, i)``;
- ``main`` ``bool (n, t)``: the work target at this place is main work;
- ``behaviour`` ``int64 (n, a)``: the supervisor's score x 10^places, read where ``rated``;
- ``rated``, ``applies`` ``bool (n, a)``: the aspect was rated; it applies to the post;
- ``peer_input``, ``innovation`` ``bool (n,)``: a peer or subordinate rated; an
  innovation benefits the organisation or the state;
- ``interpolation`` ``bool (n,)``: the post takes the interpolation table when the
  regime's ``route`` is ``"auto"`` (``skp_route(kind) == "interpolation"``: a JPT).

Each row is read on its own merits (`Pp30Batch.from_appraisals` and the readers of
`penilaian.batch.frames`): every behaviour score is scaled by 10^6 (``places`` is 6)
and an indicator's three numbers by 10^p, p the fewest decimal places that hold all
three.  A number is accepted when it has at most 6 decimal places and, so scaled, is at
most ``INT64_LIMIT`` ((2^63 - 1) // 401, about 2.3 x 10^16) in magnitude: whole numbers
up to 2.3 x 10^16, numbers with 2 places up to 2.3 x 10^14, with 6 places up to 2.3 x
10^10.  No scale is chosen from another row, so a row is accepted or refused, and
scored, the same alone, in any batch and in any partition of a frame.
"""

from __future__ import annotations

import math
from fractions import Fraction
from typing import TYPE_CHECKING, Any, Final

import numpy as np

from penilaian.batch._columns import GRADES, MISSING, NONE, Bools, Codes, Ints, round_division
from penilaian.batch._pp30_category import CategoryRoute, table_problems
from penilaian.batch._pp30_columns import Pp30Batch, Pp30Scores
from penilaian.batch._pp30_reader import ASPECTS
from penilaian.exceptions import Problem, ScoringInputError, UnsupportedInputError
from penilaian.policy.supervisor import SupervisorRating
from penilaian.regimes.pp30_2019 import (
    PERMEN8_2021_IKI_CONVERSION,
    PERMEN8_2021_MAXIMUM_TARGET,
    PERMEN8_2021_WHOLE_PERCENT,
    PP30_2019_CAP,
    PP30_2019_PREDIKAT,
    Pp30Regime,
    grade_of_band,
    performance_weights,
)

if TYPE_CHECKING:
    from penilaian._base.rounding import RoundingMode
    from penilaian.model.grades import BandTable, Grade

__all__ = ["ASPECTS", "Pp30Batch", "Pp30Scores", "score_pp30"]


def _integer_cuts(table: BandTable[Any]) -> tuple[tuple[int, int], ...]:
    return tuple(cut.as_integer_ratio() for cut in table.cuts)


def _conversion() -> tuple[Ints, Ints, Ints, Codes, int, int]:
    """
    The IKI conversion as integers: per piece ``(a, b, q)`` with value x 100 = (a + b c) / q.

    The pieces are the table's labels in order, then `PERMEN8_2021_MAXIMUM_TARGET`
    last; with them the grade code of each piece's category, and the range a capaian
    is clipped to (the end pieces are flat, so clipping changes no value).
    """
    pieces = (*PERMEN8_2021_IKI_CONVERSION.labels, PERMEN8_2021_MAXIMUM_TARGET)
    ends = (pieces[0], pieces[-2])
    if any(piece.slope for piece in ends):  # pragma: no cover - guards a table change
        raise UnsupportedInputError("labels", ends, "the end pieces must be flat to clip")
    a, b, q = [], [], []
    for piece in pieces:
        intercept = piece.apply(0)  # the piece's line at capaian 0
        denominator = math.lcm(intercept.denominator, piece.slope.denominator)
        a.append(int(intercept * denominator))
        b.append(int(piece.slope * denominator))
        q.append(denominator)
    cuts = [Fraction(*cut) for cut in _integer_cuts(PERMEN8_2021_IKI_CONVERSION)]
    low, high = math.floor(cuts[0]) - 1, math.ceil(cuts[-1]) + 1
    return (
        np.array(a, np.int64),
        np.array(b, np.int64),
        np.array(q, np.int64),
        np.array([GRADES.index(piece.category) for piece in pieces], np.int8),
        low,
        high,
    )


_A, _B, _Q, _CATEGORY, _CLIP_LOW, _CLIP_HIGH = _conversion()
_MAXIMUM: Final = len(PERMEN8_2021_IKI_CONVERSION.labels)
"""The piece index of `PERMEN8_2021_MAXIMUM_TARGET`."""
_PREDIKAT: Final = np.array([GRADES.index(grade) for grade in PP30_2019_PREDIKAT.labels], np.int8)


def _grade_codes(fair_label: Grade) -> Codes:
    """
    The grade code of each band of `PP30_2019_PREDIKAT`, without and with an innovation.

    Indexed ``[band, innovation]``; each entry is the public rule `grade_of_band`.
    """
    return np.array(
        [
            [GRADES.index(grade_of_band(band, innovative=found, fair_label=fair_label))
             for found in (False, True)]
            for band in PP30_2019_PREDIKAT.labels
        ],
        np.int8,
    )  # fmt: skip


def score_pp30(batch: Pp30Batch, regime: Pp30Regime | None = None) -> Pp30Scores:
    """
    Score every row of *batch* as *regime* (default `Pp30Regime()`) scores an appraisal.

    Returns:
        The final value, grade, band and every intermediate figure of each row.

    Raises:
        ScoringInputError: when *regime* uses a convention the batch does not
            compute (continuous capaian, main-target weights, interpolation-route
            additional points, an aggregator other than the supervisor's rating,
            more than 4 rounding places) or a category table beyond its integers
            (points with more than 6 places or above 10^6, a rencana nilai above
            10^6), each at ``$.regime.<name>``.
    """
    regime = Pp30Regime() if regime is None else regime
    _check_regime(regime)
    rounding = regime.rounding
    mode, places = rounding.mode, rounding.places
    unit = 10**places
    at = batch.indicator
    capaian, piece, value = _indicators(batch, unit, mode)

    # Work targets: the mean of rounded values (interpolation), or the band of the summed
    # category points (PermenPANRB 8/2021 Bab VI.A.2), by each row's route.
    category = _CATEGORY[piece]
    counts = at.sum(axis=2)
    present = counts > 0
    sums = np.where(at, value, 0).sum(axis=2)
    by_table = _round(sums, np.maximum(counts, 1), mode)
    route = CategoryRoute.of(regime, at.shape[2])
    on_table = _on_table(batch, regime)
    by_category = route.score(category, at, present & ~batch.main & ~on_table[:, None])
    target_value = np.where(on_table[:, None], by_table, by_category.target_value)

    # Main work, SKP: the mean of the main targets rounded, plus the additional points.
    main = batch.main & present
    main_value = _round(np.where(main, target_value, 0).sum(axis=1), main.sum(axis=1), mode)
    step = 10 ** (route.places - places)  # from the rounding's places to the points'
    additional = np.where(on_table, 0, by_category.additional)
    skp = main_value * step + additional

    # Behaviour: each aspect rounded, their mean rounded; any unrated aspect: no score.
    applies = batch.applies
    complete: Bools = np.asarray(~(applies & ~batch.rated).any(axis=1))
    aspect = _rescale(batch.behaviour, batch.places, places, mode)
    used = applies & batch.rated
    behaviour = _round(np.where(used, aspect, 0).sum(axis=1), np.maximum(used.sum(axis=1), 1), mode)

    # PP 30/2019 Pasal 41: 70/30 or 60/40, capped at 120, rounded.
    if regime.peer_input == "infer":
        peers = batch.peer_input
    else:
        peers = np.full(len(batch), regime.peer_input == "used")
    with_peers = performance_weights(with_peer_input=True)
    without = performance_weights(with_peer_input=False)
    weights = (with_peers["work"], with_peers["behaviour"], without["work"], without["behaviour"])
    common = math.lcm(*(weight.denominator for weight in weights))
    w_work, w_behaviour, o_work, o_behaviour = (int(weight * common) for weight in weights)
    behaviour_p = behaviour * step
    exact = np.where(peers, w_work * skp + w_behaviour * behaviour_p,
                     o_work * skp + o_behaviour * behaviour_p)  # fmt: skip
    cap = PP30_2019_CAP * unit * step * common
    if cap.denominator != 1:  # pragma: no cover - guards a change of the cap
        raise UnsupportedInputError(
            "cap", PP30_2019_CAP, "the cap must be whole at the rounding places"
        )
    final = _round(np.minimum(exact, int(cap)), common * step, mode)

    # PP 30/2019 Pasal 41(5): the band of the rounded value, then the grade of the band.
    band_index = np.zeros(final.shape, np.int64)
    for cut_n, cut_d in _integer_cuts(PP30_2019_PREDIKAT):
        band_index += final * cut_d >= cut_n * unit
    band: Codes = _PREDIKAT[band_index]
    grade = _grade_codes(regime.fair_label)[band_index, batch.innovation.astype(np.int64)]

    missing_row = ~complete
    on_category = ~on_table[:, None]
    return Pp30Scores(
        places=places,
        point_places=route.places,
        complete=complete,
        final=np.where(missing_row, MISSING, final),
        grade=np.where(missing_row, NONE, grade).astype(np.int8),
        band=np.where(missing_row, NONE, band).astype(np.int8),
        with_peer_input=peers,
        interpolation=on_table,
        achievement=np.where(at, capaian, MISSING),
        indicator_value=np.where(at & on_table[:, None, None], value, MISSING),
        indicator_points=np.where(on_category[..., None], by_category.indicator_points, MISSING),
        category=np.where(at, category, NONE).astype(np.int8),
        target_value=np.where(present, target_value, MISSING),
        target_points=np.where(on_category, by_category.target_points, MISSING),
        target_category=np.where(on_category, by_category.target_category, NONE).astype(np.int8),
        additional_points=np.where(on_category, by_category.additional_points, MISSING),
        main_value=main_value,
        additional=additional,
        skp=skp,
        aspect_value=np.where(used, aspect, MISSING),
        behaviour=np.where(missing_row, MISSING, behaviour),
    )


def _indicators(batch: Pp30Batch, unit: int, mode: RoundingMode) -> tuple[Ints, Ints, Ints]:
    """Each cell's whole-percent capaian, its piece of the conversion and its rounded nilai."""
    at = batch.indicator
    # Capaian IKI, PermenPANRB 8/2021 Bab VI.A, exactly: ratio R / C of the compared target.
    real = np.where(at, batch.realisation, 1)
    low, high = np.where(at, batch.target_low, 1), np.where(at, batch.target_high, 1)
    above, below = real > high, real < low
    compared = np.where(above, high, low)
    numerator = np.where(batch.lower_is_better, 200 * compared - 100 * real, 100 * real)
    whole = round_division(numerator, compared, PERMEN8_2021_WHOLE_PERCENT.mode)
    capaian: Ints = np.where(above | below, whole, 100)

    # The conversion: the piece by the table's cuts (closed below), the maximum exception.
    clipped = np.clip(capaian, _CLIP_LOW, _CLIP_HIGH)
    piece = np.zeros(capaian.shape, np.int64)
    for cut_n, cut_d in _integer_cuts(PERMEN8_2021_IKI_CONVERSION):
        piece += clipped * cut_d >= cut_n
    start_n, start_d = PERMEN8_2021_MAXIMUM_TARGET.start.as_integer_ratio()
    piece = np.where(batch.at_maximum & (capaian * start_d == start_n), _MAXIMUM, piece)
    value = _round(_A[piece] * unit + _B[piece] * unit * clipped, _Q[piece], mode)
    return capaian, piece, value


def _on_table(batch: Pp30Batch, regime: Pp30Regime) -> Bools:
    """The rows the interpolation table scores: the regime's route, or the post's (auto)."""
    if regime.route == "auto":
        return batch.interpolation
    return np.full(len(batch), regime.route == "interpolation")


def _round(numerator: Ints, denominator: Ints | int, mode: RoundingMode) -> Ints:
    return round_division(numerator, denominator, mode)


def _rescale(values: Ints, given: int, places: int, mode: RoundingMode) -> Ints:
    """*values* x 10^-*given* rounded to *places*, as scaled integers."""
    if given <= places:
        result: Ints = values * 10 ** (places - given)
        return result
    return _round(values, 10 ** (given - places), mode)


def _check_regime(regime: Pp30Regime) -> None:
    problems = []
    unsupported = {
        "achievement_rounding": regime.achievement_rounding != "integer_percent",
        "utama_weights": regime.utama_weights is not None,
        "additional_points": regime.additional_points is not None,
        "aggregator": not isinstance(regime.aggregator, SupervisorRating),
        "rounding": regime.rounding.places > 4,
    }
    for name, refused in unsupported.items():
        if refused:
            reason = "the batch engine computes the regime's default for this convention"
            error = UnsupportedInputError(name, getattr(regime, name), reason)
            problems.append(Problem(f"$.regime.{name}", reason, error))
    for name, shown, reason in table_problems(regime):
        error = UnsupportedInputError(name, shown, reason)
        problems.append(Problem(f"$.regime.{name}", reason, error))
    if problems:
        raise ScoringInputError(problems)
