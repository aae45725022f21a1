"""
PP 46/2011 with Perka BKN 1/2013 over columns: kegiatan, SKP, perilaku and sebutan, exactly.

The columnar twin of `penilaian.regimes.pp46_2011.Pp46Regime` with the supervisor's
rating per behaviour aspect (the regime's default aggregator); its ``weights``,
``rounding``, ``band_convention``, ``creativity`` and ``zero_output_zeroes_activity``
are honoured.  The 1.76 factor, the 24 % efficiency limit, the category table, the
tugas tambahan and kreativitas points are read from the public tables
(`penilaian.regimes.pp46_2011.tables`) and turned into integer numerators and
denominators once; every row is then computed in
``int64``: each aspect value as an exact fraction in lowest terms, the 24 % branch
by an integer comparison, every rounding by exact integer division, so no float
decides a band, a branch or a rounding.

Layout (`Pp46Batch`; ``n`` appraisals, ``t`` work-target places (the appraisal's
work targets in order), the ``4`` aspect slots of `PP46_SLOTS` (quantity, quality,
time, cost), ``a`` aspects of `penilaian.PP46_2011_BEHAVIOUR` in order (`PP46_ASPECTS`)):

- ``main`` ``bool (n, t)``: a kegiatan tugas jabatan (main work target) sits here;
- ``indicator`` ``bool (n, t, 4)``: the kegiatan has an indicator of this aspect
  (quantity, quality and time are required, cost is optional);
- ``target`` ``int64 (n, t, 4)``: the point target x 10^p, p any power shared with
  its realisation (only their ratio is read; ``places`` will do);
- ``realisation`` ``int64 (n, t, 4)`` x 10^p, read where ``realised``;
- ``realised`` ``bool (n, t, 4)``: a realisation was reported;
- ``additional`` ``int64 (n,)``: the number of tugas tambahan (additional work targets);
- ``innovations`` ``int64 (n, 3)``: the number of innovations per `PP46_SCOPES`
  (unit, organisation, state);
- ``behaviour`` ``int64 (n, a)``: the supervisor's score x 10^places, read where ``rated``;
- ``rated``, ``applies`` ``bool (n, a)``: the aspect was rated; it applies to the post.

Bounds that keep every intermediate in ``int64`` (checked when the batch is built):
targets and realisations at most ``INT64_LIMIT`` ((2^63 - 1) // 401) scaled;
every aspect value under `VALUE_LIMIT` in magnitude (a realisation under ten million
times its target); the common denominator of a kegiatan's aspect values (each in
lowest terms) at most `DENOMINATOR_LIMIT`; at most `ACTIVITY_LIMIT` kegiatan and
`INNOVATION_LIMIT` innovations of each scope per row; and, when scoring, a rounding
of at most `ROUNDING_PLACES_LIMIT` places and weights whose common denominator is at
most `WEIGHT_DENOMINATOR_LIMIT`.

`Pp46Batch.from_appraisals` reads each row on its own merits: behaviour scores x 10^6
(``places`` is 6), an indicator's target and realisation x 10^p, p the fewest places
holding both; each has at most 6 places and, so scaled, at most ``INT64_LIMIT`` (whole
numbers up to 2.3 x 10^16, with 6 places up to 2.3 x 10^10), whatever the other rows
hold, so a row is accepted, refused and scored the same alone and in any batch.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs
import numpy as np

from penilaian.batch._columns import MISSING, NONE, Bools, Codes, Ints, fail, round_division
from penilaian.batch._pp46_checks import check_columns
from penilaian.batch._pp46_kernel import (
    ACTIVITY_LIMIT,
    CREATIVITY,
    DENOMINATOR_LIMIT,
    INNOVATION_LIMIT,
    PP46_ASPECTS,
    PP46_SCOPES,
    PP46_SLOTS,
    QUANTITY,
    ROUNDING_PLACES_LIMIT,
    TASK_POINTS,
    VALUE_LIMIT,
    WEIGHT_DENOMINATOR_LIMIT,
    band_index,
    categories,
    common_denominator,
    fractions,
    integer_weights,
    round_parts,
    used_cells,
)
from penilaian.batch._pp46_reader import read_appraisals
from penilaian.exceptions import Problem, ScoringInputError, UnsupportedInputError
from penilaian.policy.supervisor import SupervisorRating
from penilaian.regimes.pp46_2011 import PP46_2011_ADDITIONAL_TASK_POINTS, Pp46Regime

if TYPE_CHECKING:
    from collections.abc import Sequence

    from penilaian.model.appraisal import Appraisal

__all__ = [
    "ACTIVITY_LIMIT",
    "DENOMINATOR_LIMIT",
    "INNOVATION_LIMIT",
    "PP46_ASPECTS",
    "PP46_SCOPES",
    "PP46_SLOTS",
    "ROUNDING_PLACES_LIMIT",
    "VALUE_LIMIT",
    "WEIGHT_DENOMINATOR_LIMIT",
    "Pp46Batch",
    "Pp46Scores",
    "score_pp46",
]


@attrs.frozen(eq=False)
class Pp46Batch:
    """
    The inputs of PP 46/2011 for many appraisals, as checked numpy columns.

    See the module docstring for the layout and the bounds.  Every column is checked
    when the batch is built, before any scoring: dtype and shape (nothing is
    converted, so a float column with NaN is refused), quantity, quality and time
    indicators in every kegiatan, targets above 0, realisations at least 0 and
    present for every indicator, behaviour scores from 0 to 100, a kegiatan and an
    applicable aspect in every row, and the bounds that keep the arithmetic in ``int64``.

    Attributes:
        places: Decimal places of the ``behaviour`` scores (0 to 6; the reader uses 6).
        main: Where kegiatan tugas jabatan sit.
        indicator: Which aspects each kegiatan has.
        target: Point targets, scaled (by a power of ten per cell).
        realisation: Realised values, scaled as ``target``.
        realised: Where a realisation was reported.
        additional: Tugas tambahan counts.
        innovations: Innovation counts per scope.
        behaviour: The supervisor's aspect scores, scaled.
        rated: Where the supervisor rated the aspect.
        applies: Where the aspect applies to the post.

    Raises:
        InvalidInputError: listing every bad column and cell, each path naming the
            column and the row (``$.realisation[4, 0, 2]``).
    """

    places: int
    main: Bools
    indicator: Bools
    target: Ints
    realisation: Ints
    realised: Bools
    additional: Ints
    innovations: Ints
    behaviour: Ints
    rated: Bools
    applies: Bools

    def __attrs_post_init__(self) -> None:
        fail(check_columns(self))

    def __len__(self) -> int:
        return len(self.main)

    @classmethod
    def from_appraisals(cls, appraisals: Sequence[Appraisal]) -> Pp46Batch:
        """
        Read the kegiatan, tugas tambahan, innovations and supervisor's scores of each appraisal.

        Work targets fill the target places in order; only main ones are kegiatan,
        and additional ones are counted.  The batch is as wide as the widest appraisal.

        Raises:
            ScoringInputError: listing every problem of every row that the scalar
                regime would raise on (an aspect twice, a target that is not a point
                target, a direction other than the aspect's, a missing realisation or
                indicator, no main work target, another framework, a behaviour value
                outside 0-100, kepemimpinan rated for a post that is not structural,
                two supervisor ratings of one aspect, a rating on an ordinal scale),
                each path the scalar's with ``$[<row>]`` in front.
            InvalidInputError: from the column checks (a value with more than 6
                decimal places, a value beyond the int64 bounds of the module docstring).
        """
        return cls(*read_appraisals(appraisals))


@attrs.frozen(eq=False)
class Pp46Scores:
    """
    The scores of a `Pp46Batch`: every figure of the scalar `penilaian.Result`, per row.

    Rounded figures are ``int64`` scaled by 10^`places` (the regime's rounding places).
    Exact figures (the aspect values, their mean, the behaviour aspects) are pairs of
    ``int64`` columns, the value being ``numerator / denominator`` exactly (in lowest
    terms for the kegiatan aspects); the scalar writes ``penilaian._base.rounding.figure``
    of that fraction.  Whole-number figures are plain integers.  Every number is
    `penilaian.batch.MISSING` where the scalar result has none (no kegiatan or aspect
    at that place, an unrated aspect, an incomplete row, a ``*_whole`` under
    ``"upper_inclusive"``); categories are codes into `penilaian.batch.GRADES`, -1 for none.

    Attributes:
        places: The decimal places of the scaled numbers (the regime's rounding).
        complete: Rows with a score and grade (every applicable aspect rated).
        final: The nilai prestasi kerja (``final``, ``Result.score``), scaled.
        grade: Its sebutan (``Result.grade``).
        final_whole: ``final.whole``.
        above_limit: ``bool (n, t, 4)``: time or cost above 24 % efficiency (the
            ``*_above_24`` rule).
        zeroed: ``bool (n, t)``: the kegiatan scored 0 by the zero-output convention.
        aspect: ``(n, t, 4)`` numerators of ``activity[<id>].<aspect>``.
        aspect_denominator: ``(n, t, 4)`` their denominators.
        activity_value: ``(n, t)``: ``activity[<id>].value``, scaled.
        activities: ``(n,)`` numerator of ``activities``.
        activities_denominator: ``(n,)`` its denominator.
        additional_tasks: ``(n,)``: the tugas tambahan points (not scaled).
        creativity: ``(n,)``: the kreativitas points (not scaled).
        skp: ``(n,)``: nilai capaian SKP, scaled.
        skp_category: Its sebutan (``ratings["skp"]``).
        skp_whole: ``skp.whole``.
        behaviour_aspect: ``(n, a)`` numerators of ``behaviour[<aspect id>]``.
        behaviour_aspect_denominator: ``(n, a)`` their denominators.
        behaviour_aspect_category: ``(n, a)``: their sebutan.
        behaviour_aspect_whole: ``(n, a)``: ``behaviour[<aspect id>].whole``.
        behaviour: ``(n,)``: nilai perilaku kerja, scaled.
        behaviour_category: Its sebutan (``ratings["behaviour"]``).
        behaviour_whole: ``behaviour.whole``.
    """

    places: int
    complete: Bools
    final: Ints
    grade: Codes
    final_whole: Ints
    above_limit: Bools
    zeroed: Bools
    aspect: Ints
    aspect_denominator: Ints
    activity_value: Ints
    activities: Ints
    activities_denominator: Ints
    additional_tasks: Ints
    creativity: Ints
    skp: Ints
    skp_category: Codes
    skp_whole: Ints
    behaviour_aspect: Ints
    behaviour_aspect_denominator: Ints
    behaviour_aspect_category: Codes
    behaviour_aspect_whole: Ints
    behaviour: Ints
    behaviour_category: Codes
    behaviour_whole: Ints


def score_pp46(batch: Pp46Batch, regime: Pp46Regime | None = None) -> Pp46Scores:
    """
    Score every row of *batch* as *regime* (default `Pp46Regime()`) scores an appraisal.

    Returns:
        The final value, grade and every intermediate figure and sebutan of each row.

    Raises:
        ScoringInputError: when *regime* uses a convention the batch does not
            compute (an aggregator other than the supervisor's rating, a rounding
            of more than `ROUNDING_PLACES_LIMIT` places, weights whose common
            denominator is above `WEIGHT_DENOMINATOR_LIMIT`).
    """
    regime = Pp46Regime() if regime is None else regime
    _check_regime(regime)
    mode, places = regime.rounding.mode, regime.rounding.places
    convention = regime.band_convention
    unit = 10**places
    main, used = batch.main, used_cells(batch)

    # The aspect values, exactly; a kegiatan without output scores 0 (by convention).
    numerator, denominator, above = fractions(batch, used)
    zeroed: Bools = main & (batch.realisation[..., QUANTITY] == 0)
    zeroed &= regime.zero_output_zeroes_activity
    numerator = np.where(zeroed[..., None], 0, numerator)
    denominator = np.where(zeroed[..., None], 1, denominator)
    above &= ~zeroed[..., None]

    # Nilai capaian kegiatan: (sum of the aspect values) / count, rounded.  The sum is
    # the whole parts plus the remainders over the common denominator L, so no product
    # of denominators is formed: sum / c = Q // c + ((Q % c) L + S) / (c L).
    common, _ = common_denominator(denominator, used)
    wholes = np.where(used, numerator // denominator, 0).sum(axis=2)
    parts = np.where(used, (numerator % denominator) * (common[..., None] // denominator), 0)
    count = np.maximum(used.sum(axis=2), 1)
    quotient, rest = np.divmod(wholes, count)
    each, remainder = np.divmod((rest * common + parts.sum(axis=2)) * unit, count * common)
    activity_value = round_parts(quotient * unit + each, remainder, count * common, mode)

    # Nilai capaian SKP: the mean (exact) + tugas tambahan + kreativitas, rounded.
    activities = np.where(main, activity_value, 0).sum(axis=1)
    kegiatan = np.maximum(main.sum(axis=1), 1)
    additional = TASK_POINTS[band_index(batch.additional, 1, PP46_2011_ADDITIONAL_TASK_POINTS)]
    if regime.creativity == "sum":
        creativity = (batch.innovations * CREATIVITY).sum(axis=1)
    else:
        creativity = np.where(batch.innovations > 0, CREATIVITY, 0).max(axis=1, initial=0)
    skp = round_division(activities + kegiatan * unit * (additional + creativity), kegiatan, mode)
    skp_category, skp_whole = categories(skp, unit, convention)

    # Nilai perilaku kerja: each aspect exact; their mean rounded; any gap: no score.
    applies, rated = batch.applies, batch.rated
    complete: Bools = np.asarray(~(applies & ~rated).any(axis=1))
    scored = applies & rated
    given = 10**batch.places
    aspect_category, aspect_whole = categories(batch.behaviour, given, convention)
    total = np.where(scored, batch.behaviour, 0).sum(axis=1) * unit
    behaviour = round_division(total, np.maximum(scored.sum(axis=1), 1) * given, mode)
    behaviour_category, behaviour_whole = categories(behaviour, unit, convention)

    # Nilai prestasi kerja: weighted, rounded, categorised.
    work, other, weights = integer_weights(regime)
    final = round_division(work * skp + other * behaviour, weights, mode)
    grade, final_whole = categories(final, unit, convention)

    missing_row = ~complete
    return Pp46Scores(
        places=places,
        complete=complete,
        final=np.where(missing_row, MISSING, final),
        grade=np.where(missing_row, NONE, grade).astype(np.int8),
        final_whole=np.where(missing_row, MISSING, final_whole),
        above_limit=above,
        zeroed=zeroed,
        aspect=np.where(used, numerator, MISSING),
        aspect_denominator=np.where(used, denominator, MISSING),
        activity_value=np.where(main, activity_value, MISSING),
        activities=activities,
        activities_denominator=kegiatan * unit,
        additional_tasks=additional,
        creativity=creativity,
        skp=skp,
        skp_category=skp_category,
        skp_whole=skp_whole,
        behaviour_aspect=np.where(scored, batch.behaviour, MISSING),
        behaviour_aspect_denominator=np.where(scored, given, MISSING),
        behaviour_aspect_category=np.where(scored, aspect_category, NONE).astype(np.int8),
        behaviour_aspect_whole=np.where(scored, aspect_whole, MISSING),
        behaviour=np.where(missing_row, MISSING, behaviour),
        behaviour_category=np.where(missing_row, NONE, behaviour_category).astype(np.int8),
        behaviour_whole=np.where(missing_row, MISSING, behaviour_whole),
    )


def _check_regime(regime: Pp46Regime) -> None:
    problems = []
    unsupported = {
        "aggregator": not isinstance(regime.aggregator, SupervisorRating),
        "rounding": regime.rounding.places > ROUNDING_PLACES_LIMIT,
        "weights": integer_weights(regime)[2] > WEIGHT_DENOMINATOR_LIMIT,
        "rounding_points": regime.rounding_points != "as_bkn_forms",
    }
    for name, refused in unsupported.items():
        if refused:
            reason = (
                "the batch engine computes the supervisor's rating, a rounding of at most "
                f"{ROUNDING_PLACES_LIMIT} places where the BKN forms round (as_bkn_forms) "
                f"and weights over at most {WEIGHT_DENOMINATOR_LIMIT}"
            )
            error = UnsupportedInputError(name, getattr(regime, name), reason)
            problems.append(Problem(f"$.regime.{name}", reason, error))
    if problems:
        raise ScoringInputError(problems)
