"""
PP 46/2011 with Perka BKN 1/2013 over columns: kegiatan, SKP, perilaku and sebutan, exactly.

The columnar twin of `penilaian.regimes.pp46_2011.Pp46Regime` with the supervisor's
rating per behaviour aspect (the regime's default aggregator); its ``weights``,
``rounding``, ``band_convention``, ``creativity`` and ``zero_output_zeroes_activity``
are honoured.  The 1.76 factor, the 24 % efficiency limit, the category table, the
tugas tambahan and kreativitas points are read from the scalar module and turned
into integer numerators and denominators once; every row is then computed in
``int64``: each aspect value as an exact fraction in lowest terms, the 24 % branch
by an integer comparison, every rounding by exact integer division, so no float
decides a band, a branch or a rounding.

Layout (`Pp46Batch`; ``n`` appraisals, ``t`` work-target places (the appraisal's
work targets in order), the ``4`` aspect slots of `PP46_SLOTS` (quantity, quality,
time, cost), ``a`` aspects of `penilaian.PP46_2011_BEHAVIOUR` in order (`PP46_ASPECTS`)):

- ``main`` ``bool (n, t)``: a kegiatan tugas jabatan (main work target) sits here;
- ``indicator`` ``bool (n, t, 4)``: the kegiatan has an indicator of this aspect
  (quantity, quality and time are required, cost is optional);
- ``target`` ``int64 (n, t, 4)``: the point target x 10^places;
- ``realisation`` ``int64 (n, t, 4)`` x 10^places, read where ``realised``;
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
"""

from __future__ import annotations

import math
from fractions import Fraction
from typing import TYPE_CHECKING, Any, Final

import attrs
import numpy as np

from penilaian.batch._columns import (
    GRADES,
    INT64_LIMIT,
    MAX_PLACES,
    MISSING,
    NONE,
    Bools,
    Codes,
    Ints,
    check_bool,
    check_int,
    check_places,
    decimal_score,
    decimals,
    fail,
    listed,
    round_division,
    scaled_columns,
)
from penilaian.exceptions import (
    InvalidValueError,
    MissingValueError,
    OffScaleError,
    Problem,
    ScoringInputError,
    UnsupportedInputError,
)
from penilaian.model.appraisal import InnovationScope
from penilaian.model.behaviour import PP46_2011_BEHAVIOUR
from penilaian.model.targets import TargetKind
from penilaian.policy.supervisor import SupervisorRating
from penilaian.regimes.pp46_2011.strategy import (
    _REQUIRED,
    _SLOTS,
    _SPECS,
    PP46_2011_ADDITIONAL_TASK_POINTS,
    PP46_2011_CATEGORIES,
    PP46_2011_CREATIVITY_POINTS,
    PP46_2011_EFFICIENCY_LIMIT,
    PP46_2011_TIME_COST_FACTOR,
    Pp46Regime,
    _Run,
)

if TYPE_CHECKING:
    from collections.abc import Sequence
    from decimal import Decimal

    from penilaian._base.rounding import RoundingMode
    from penilaian.model.appraisal import Appraisal
    from penilaian.model.grades import BandTable
    from penilaian.model.targets import Aspect
    from penilaian.regimes.pp46_2011.strategy import BandConvention

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

PP46_ASPECTS: Final = tuple(aspect.id for aspect in PP46_2011_BEHAVIOUR.aspects)
"""The behaviour aspect ids of the behaviour columns, in order."""

PP46_SLOTS: Final[tuple[Aspect, ...]] = tuple(sorted(_SLOTS, key=_SLOTS.__getitem__))
"""The kegiatan aspects of the last axis of the kegiatan columns: quantity, quality, time, cost."""

PP46_SCOPES: Final[tuple[InnovationScope, ...]] = tuple(InnovationScope)
"""The innovation scopes of the ``innovations`` column, in order."""

VALUE_LIMIT: Final = 10**9
"""Every kegiatan aspect value (in percent) is under this in magnitude."""

DENOMINATOR_LIMIT: Final = 10**14
"""
The largest common denominator of one kegiatan's aspect values, each in lowest terms.

The kegiatan value's widest intermediate is under 7 x this x 10^`ROUNDING_PLACES_LIMIT`,
which stays under 2^63.
"""

ACTIVITY_LIMIT: Final = 10**5
"""The most kegiatan one row may hold (their rounded values are summed)."""

INNOVATION_LIMIT: Final = 10**6
"""The most innovations of one scope one row may hold (their points may be summed)."""

ROUNDING_PLACES_LIMIT: Final = 4
"""The most decimal places of the regime's rounding that `score_pp46` computes."""

WEIGHT_DENOMINATOR_LIMIT: Final = 10**4
"""The largest common denominator of the regime's weights that `score_pp46` computes."""

_QUANTITY: Final = 0
"""The slot of the quantity aspect (its realisation decides the zero-output rule)."""
if PP46_SLOTS[_QUANTITY].value != "quantity":  # pragma: no cover - guards a change of _SLOTS
    raise UnsupportedInputError("slots", PP46_SLOTS, "quantity must be the first slot")

_MAIN: Final = TargetKind.MAIN
_ABOVE_BASE: Final = 76 + 100
"""The scalar's above-24 % formula ``76 - (value - 100)`` is ``176 - value``."""


def _coefficients() -> tuple[Ints, Ints, Ints, Ints, Ints, Ints, Bools, int, int]:
    """
    Each slot's value as ``(A T + B R) / (Q T)`` in integers, in each branch.

    Returns the below-24 % ``(A, B, Q)``, the above-24 % ``(A, B, Q)``, which slots
    have the 24 % rule, and the branch test ``E > limit`` as ``k T > m R``.
    """
    factor, limit = PP46_2011_TIME_COST_FACTOR, PP46_2011_EFFICIENCY_LIMIT
    below: list[tuple[Fraction, int]] = []
    above: list[tuple[Fraction, int]] = []
    has_rule = []
    for spec in _SPECS:
        if spec[2] is None:  # value = R / T x 100
            below.append((Fraction(0), 100))
            above.append((Fraction(0), 100))
            has_rule.append(False)
        else:  # (F - R / T) x 100, and above the limit 176 - that
            below.append((100 * factor, -100))
            above.append((_ABOVE_BASE - 100 * factor, 100))
            has_rule.append(True)
    columns = []
    for branch in (below, above):
        columns += [
            np.array([a.numerator for a, _ in branch], np.int64),
            np.array([a.denominator * b for a, b in branch], np.int64),
            np.array([a.denominator for a, _ in branch], np.int64),
        ]
    # E = 100 - 100 R / T > n / d  <=>  (100 d - n) T > 100 d R
    k, m = 100 * limit.denominator - limit.numerator, 100 * limit.denominator
    pairs = (*zip(columns[0], columns[1], strict=True), *zip(columns[3], columns[4], strict=True))
    sums = [abs(int(a)) + abs(int(b)) for a, b in pairs]
    widest = max(*sums, *(int(q) for q in (*columns[2], *columns[5])), k, m)
    if widest > 400:  # pragma: no cover - guards a change of the factor or the limit
        raise UnsupportedInputError("factor", factor, "the coefficients must keep int64 bounds")
    a_b, b_b, q_b, a_a, b_a, q_a = columns
    return a_b, b_b, q_b, a_a, b_a, q_a, np.array(has_rule, np.bool_), k, m


_A_BELOW, _B_BELOW, _Q_BELOW, _A_ABOVE, _B_ABOVE, _Q_ABOVE, _HAS_RULE, _K, _M = _coefficients()
_CATEGORY_CODES: Final = np.array(
    [GRADES.index(grade) for grade in PP46_2011_CATEGORIES.labels], np.int8
)
_TASK_POINTS: Final = np.array(PP46_2011_ADDITIONAL_TASK_POINTS.labels, np.int64)
_CREATIVITY: Final = np.array([PP46_2011_CREATIVITY_POINTS[s] for s in PP46_SCOPES], np.int64)


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
        places: Decimal places of the scaled columns (0 to 6).
        main: Where kegiatan tugas jabatan sit.
        indicator: Which aspects each kegiatan has.
        target: Point targets, scaled.
        realisation: Realised values, scaled.
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
        fail(_check(self))

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
                decimal places, a value beyond the int64 bounds).
        """
        return _Reader(appraisals).batch()


_BOOL_COLUMNS: Final = ("main", "indicator", "realised", "rated", "applies")
_INT_COLUMNS: Final = ("target", "realisation", "additional", "innovations", "behaviour")


def _check(batch: Pp46Batch) -> list[Problem]:
    problems = check_places(batch.places)
    main: object = batch.main
    if not isinstance(main, np.ndarray) or main.ndim != 2:
        reason = "must be a numpy array of shape (appraisals, targets)"
        error = InvalidValueError("main", getattr(main, "shape", type(main).__name__), reason)
        return [*problems, Problem("$.main", reason, error)]
    rows = main.shape[:1]
    cells = (*main.shape, len(PP46_SLOTS))
    aspects = (*rows, len(PP46_ASPECTS))
    shapes: dict[str, tuple[int, ...]] = {
        "main": main.shape,
        "additional": rows,
        "innovations": (*rows, len(PP46_SCOPES)),
        **dict.fromkeys(("behaviour", "rated", "applies"), aspects),
    }
    for name in _BOOL_COLUMNS:
        problems += check_bool(name, getattr(batch, name), shapes.get(name, cells))
    for name in _INT_COLUMNS:
        problems += check_int(name, getattr(batch, name), shapes.get(name, cells))
    if problems:
        return problems
    problems = _check_values(batch)
    if problems:
        return problems
    return _check_bounds(batch)


def _check_values(batch: Pp46Batch) -> list[Problem]:
    main, used = batch.main, _used(batch)
    target, real = batch.target, batch.realisation
    limit = f"must be at most {INT64_LIMIT} scaled (the int64 arithmetic's bound)"
    required = np.zeros(used.shape, np.bool_)
    required[..., list(_REQUIRED)] = True
    no_indicator = "a kegiatan needs a quantity, a quality and a time indicator"
    unrealised = "an indicator has no realisation; it is never taken as 0"
    off = used & batch.realised & ((real < 0) | (real > INT64_LIMIT))
    problems = [
        *listed(
            "indicator", main[..., None] & required & ~batch.indicator, batch.indicator,
            no_indicator, MissingValueError,
        ),
        *listed("target", used & (target <= 0), target, "must be greater than 0 (R / T)"),
        *listed("target", used & (target > INT64_LIMIT), target, limit),
        *listed("realised", used & ~batch.realised, real, unrealised, MissingValueError),
        *listed("realisation", off, real, f"must be from 0 to {INT64_LIMIT} scaled"),
    ]  # fmt: skip
    counts = main.sum(axis=1)
    no_main = "pp46_2011 needs at least one kegiatan tugas jabatan (a main work target)"
    problems += listed("main", counts == 0, counts, no_main, MissingValueError)
    problems += listed(
        "main", counts > ACTIVITY_LIMIT, counts, f"must hold at most {ACTIVITY_LIMIT} kegiatan"
    )
    extra = batch.additional
    problems += listed(
        "additional", (extra < 0) | (extra > INT64_LIMIT), extra, f"must be 0 to {INT64_LIMIT}"
    )
    found = batch.innovations
    problems += listed(
        "innovations", (found < 0) | (found > INNOVATION_LIMIT), found,
        f"must be a count from 0 to {INNOVATION_LIMIT}",
    )  # fmt: skip
    top = 100 * 10**batch.places
    scores = batch.behaviour
    problems += listed(
        "behaviour", batch.applies & batch.rated & ((scores < 0) | (scores > top)), scores,
        f"must lie from 0 to 100 under pp46_2011 (x 10^{batch.places})", OffScaleError,
    )  # fmt: skip
    applying = batch.applies.sum(axis=1)
    problems += listed(
        "applies", applying == 0, applying, "no aspect applies to the post", UnsupportedInputError
    )
    return problems


def _check_bounds(batch: Pp46Batch) -> list[Problem]:
    """The value and denominator bounds, on the aspect values of either branch taken."""
    used = _used(batch)
    numerator, denominator, _ = _fractions(batch, used)
    big = used & (np.abs(numerator) // denominator >= VALUE_LIMIT)
    reason = f"gives an aspect value of {VALUE_LIMIT} or more in magnitude (the int64 bound)"
    problems = listed("realisation", big, batch.realisation, reason)
    _, over = _common_denominator(denominator, used)
    shown = np.where(used, denominator, 1).max(axis=2, initial=1)
    wide = (
        f"the kegiatan's aspect values (in lowest terms) need a common denominator above "
        f"{DENOMINATOR_LIMIT} (the int64 bound)"
    )
    return [*problems, *listed("target", over, shown, wide)]


def _used(batch: Pp46Batch) -> Bools:
    """The cells holding an indicator of a kegiatan."""
    used: Bools = batch.main[..., None] & batch.indicator
    return used


def _fractions(batch: Pp46Batch, used: Bools) -> tuple[Ints, Ints, Bools]:
    """
    Each aspect value as numerator / denominator in lowest terms, and the above-24 % branch.

    Perka BKN 1/2013 Lampiran: quantity and quality R / T x 100; time and cost
    (1.76 - R / T) x 100 while the efficiency 100 - R / T x 100 is at most 24, and
    76 - (that - 100) above it.  Cells that are not used read 0 / 1.
    """
    planned = np.where(used, batch.target, 1)
    real = np.where(used, batch.realisation, 0)
    above: Bools = used & _HAS_RULE & (_K * planned > _M * real)
    a = np.where(above, _A_ABOVE, _A_BELOW)
    b = np.where(above, _B_ABOVE, _B_BELOW)
    q = np.where(above, _Q_ABOVE, _Q_BELOW)
    numerator = a * planned + b * real
    denominator = q * planned
    common = np.gcd(numerator, denominator)
    return numerator // common, denominator // common, above


def _common_denominator(denominator: Ints, used: Bools) -> tuple[Ints, Bools]:
    """The least common multiple per kegiatan, and where it would exceed `DENOMINATOR_LIMIT`."""
    common = np.ones(used.shape[:2], np.int64)
    over = np.zeros(used.shape[:2], np.bool_)
    for slot in range(used.shape[2]):
        each = np.where(used[..., slot], denominator[..., slot], 1)
        step = common // np.gcd(common, each)
        beyond = step > DENOMINATOR_LIMIT // each
        over |= beyond
        common = np.where(beyond, 1, step * np.where(beyond, 1, each))
    return common, over


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
    main, used = batch.main, _used(batch)

    # The aspect values, exactly; a kegiatan without output scores 0 (by convention).
    numerator, denominator, above = _fractions(batch, used)
    zeroed: Bools = main & (batch.realisation[..., _QUANTITY] == 0)
    zeroed &= regime.zero_output_zeroes_activity
    numerator = np.where(zeroed[..., None], 0, numerator)
    denominator = np.where(zeroed[..., None], 1, denominator)
    above &= ~zeroed[..., None]

    # Nilai capaian kegiatan: (sum of the aspect values) / count, rounded.  The sum is
    # the whole parts plus the remainders over the common denominator L, so no product
    # of denominators is formed: sum / c = Q // c + ((Q % c) L + S) / (c L).
    common, _ = _common_denominator(denominator, used)
    wholes = np.where(used, numerator // denominator, 0).sum(axis=2)
    parts = np.where(used, (numerator % denominator) * (common[..., None] // denominator), 0)
    count = np.maximum(used.sum(axis=2), 1)
    quotient, rest = np.divmod(wholes, count)
    each, remainder = np.divmod((rest * common + parts.sum(axis=2)) * unit, count * common)
    activity_value = _round_parts(quotient * unit + each, remainder, count * common, mode)

    # Nilai capaian SKP: the mean (exact) + tugas tambahan + kreativitas, rounded.
    activities = np.where(main, activity_value, 0).sum(axis=1)
    kegiatan = np.maximum(main.sum(axis=1), 1)
    additional = _TASK_POINTS[_band_index(batch.additional, 1, PP46_2011_ADDITIONAL_TASK_POINTS)]
    if regime.creativity == "sum":
        creativity = (batch.innovations * _CREATIVITY).sum(axis=1)
    else:
        creativity = np.where(batch.innovations > 0, _CREATIVITY, 0).max(axis=1, initial=0)
    skp = round_division(activities + kegiatan * unit * (additional + creativity), kegiatan, mode)
    skp_category, skp_whole = _categories(skp, unit, convention)

    # Nilai perilaku kerja: each aspect exact; their mean rounded; any gap: no score.
    applies, rated = batch.applies, batch.rated
    complete: Bools = np.asarray(~(applies & ~rated).any(axis=1))
    scored = applies & rated
    given = 10**batch.places
    aspect_category, aspect_whole = _categories(batch.behaviour, given, convention)
    total = np.where(scored, batch.behaviour, 0).sum(axis=1) * unit
    behaviour = round_division(total, np.maximum(scored.sum(axis=1), 1) * given, mode)
    behaviour_category, behaviour_whole = _categories(behaviour, unit, convention)

    # Nilai prestasi kerja: weighted, rounded, categorised.
    work, other, weights = _weights(regime)
    final = round_division(work * skp + other * behaviour, weights, mode)
    grade, final_whole = _categories(final, unit, convention)

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


def _round_parts(whole: Ints, remainder: Ints, denominator: Ints, mode: RoundingMode) -> Ints:
    """
    ``whole + remainder / denominator`` (``0 <= remainder < denominator``) rounded by *mode*.

    The rule of `penilaian.Rounding.apply` with 0 places: on the magnitude, halves
    away from zero, to even, or truncated, then the sign.
    """
    negative = whole < 0
    inexact = remainder > 0
    magnitude = np.where(negative, -whole - inexact, whole)
    rest = np.where(negative & inexact, denominator - remainder, remainder)
    twice = 2 * rest
    if mode == "half_up":
        magnitude = magnitude + (twice >= denominator)
    elif mode == "half_even":
        odd = magnitude % 2 == 1
        magnitude = magnitude + ((twice > denominator) | ((twice == denominator) & odd))
    result: Ints = np.where(negative, -magnitude, magnitude).astype(np.int64)
    return result


def _band_index(values: Ints, unit: int, table: BandTable[Any]) -> Ints:
    """The band of each scaled value, compared exactly as `BandTable.classify` does."""
    index = np.zeros(values.shape, np.int64)
    for cut in table.cuts:
        cut_n, cut_d = cut.as_integer_ratio()
        scaled_value, bound = values * cut_d, cut_n * unit
        beyond = scaled_value > bound if table.closed == "upper" else scaled_value >= bound
        index += beyond
    return index


def _categories(values: Ints, unit: int, convention: BandConvention) -> tuple[Codes, Ints]:
    """The sebutan of scaled *values*, and the whole number read under ``round_to_integer``."""
    if convention == "round_to_integer":
        whole = round_division(values, unit, "half_up")
        return _CATEGORY_CODES[_band_index(whole, 1, PP46_2011_CATEGORIES)], whole
    missing = np.full(values.shape, MISSING, np.int64)
    return _CATEGORY_CODES[_band_index(values, unit, PP46_2011_CATEGORIES)], missing


def _weights(regime: Pp46Regime) -> tuple[int, int, int]:
    """The SKP and behaviour weights over their common denominator, as integers."""
    work, other = regime.weights["work"], regime.weights["behaviour"]
    common = math.lcm(work.denominator, other.denominator)
    return int(work * common), int(other * common), common


def _check_regime(regime: Pp46Regime) -> None:
    problems = []
    unsupported = {
        "aggregator": not isinstance(regime.aggregator, SupervisorRating),
        "rounding": regime.rounding.places > ROUNDING_PLACES_LIMIT,
        "weights": _weights(regime)[2] > WEIGHT_DENOMINATOR_LIMIT,
    }
    for name, refused in unsupported.items():
        if refused:
            reason = (
                "the batch engine computes the supervisor's rating, a rounding of at most "
                f"{ROUNDING_PLACES_LIMIT} places and weights over at most "
                f"{WEIGHT_DENOMINATOR_LIMIT}"
            )
            error = UnsupportedInputError(name, getattr(regime, name), reason)
            problems.append(Problem(f"$.regime.{name}", reason, error))
    if problems:
        raise ScoringInputError(problems)


class _Reader:
    """Reads appraisals into columns through the scalar regime's own checks."""

    def __init__(self, appraisals: Sequence[Appraisal]) -> None:
        self.appraisals = appraisals
        self.problems: list[Problem] = []
        self.targets = max((len(a.targets) for a in appraisals), default=0)

    def batch(self) -> Pp46Batch:
        n, t = len(self.appraisals), self.targets
        cells, aspects = (n, t, len(PP46_SLOTS)), (n, len(PP46_ASPECTS))
        found: dict[tuple[str, tuple[int, ...]], Decimal] = {}
        main, indicator = np.zeros((n, t), np.bool_), np.zeros(cells, np.bool_)
        rated, applies = np.zeros(aspects, np.bool_), np.zeros(aspects, np.bool_)
        additional = np.zeros(n, np.int64)
        innovations = np.zeros((n, len(PP46_SCOPES)), np.int64)
        regime = Pp46Regime()  # the scalar's checks, with the supervisor's rating
        for row, appraisal in enumerate(self.appraisals):
            run = _Run(regime, appraisal, trace=False)
            activities = run.check_targets()
            values = run.behaviour_values()
            if run.problems:
                self.problems.extend(
                    Problem(f"$[{row}]{item.path[1:]}", item.message, item.error)
                    for item in run.problems
                )
                continue
            kegiatan = [i for i, target in enumerate(appraisal.targets) if target.kind is _MAIN]
            for t_index, (_, pairs) in zip(kegiatan, activities, strict=True):
                main[row, t_index] = True
                for slot, pair in enumerate(pairs):
                    if pair is not None:
                        indicator[row, t_index, slot] = True
                        found["target", (row, t_index, slot)] = pair[0]
                        found["realisation", (row, t_index, slot)] = pair[1]
            kinds = [target.kind for target in appraisal.targets]
            additional[row] = kinds.count(TargetKind.ADDITIONAL)
            scopes = [innovation.scope for innovation in appraisal.innovations]
            innovations[row] = [scopes.count(scope) for scope in PP46_SCOPES]
            for aspect, value, _ in values:
                a_index = PP46_ASPECTS.index(aspect.id)
                applies[row, a_index] = True
                if value is not None:
                    rated[row, a_index] = True
                    found["behaviour", (row, a_index)] = decimal_score(value)
        if self.problems:
            raise ScoringInputError(self.problems)
        places = decimals(found.values())
        shapes = {"target": cells, "realisation": cells, "behaviour": aspects}
        columns = scaled_columns(found, min(places, MAX_PLACES), shapes)
        return Pp46Batch(
            min(places, MAX_PLACES), main, indicator, columns["target"], columns["realisation"],
            indicator.copy(), additional, innovations, columns["behaviour"], rated, applies,
        )  # fmt: skip
