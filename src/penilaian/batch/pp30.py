"""
PP 30/2019 with PermenPANRB 8/2021 over columns: capaian IKI to predikat, exactly.

The columnar twin of `penilaian.regimes.pp30_2019.Pp30Regime` with whole-percent
capaian, no main-target weights, no additional points and the supervisor's rating
per aspect (the regime's defaults); its ``rounding``, ``peer_input`` and
``fair_label`` are honoured.  The conversion table, the maximum-target exception,
the predikat bands, the weights and the cap are read from the scalar modules and
turned into integer numerators and denominators once; every row is then computed in
``int64`` with exact integer rounding, so no float decides a band or a branch.

Layout (`Pp30Batch`; ``n`` appraisals, ``t`` work-target places, ``i`` indicator
places per target, ``a`` aspects of `penilaian.PP30_2019_BEHAVIOUR` in order):

- ``indicator`` ``bool (n, t, i)``: an indicator sits at this place;
- ``target_low``, ``target_high`` ``int64 (n, t, i)``: the target x 10^places; a point
  target has ``low == high``, a range ``low < high``;
- ``realisation`` ``int64 (n, t, i)`` x 10^places, read where ``realised``;
- ``realised``, ``lower_is_better``, ``at_maximum`` ``bool (n, t, i)``;
- ``main`` ``bool (n, t)``: the work target at this place is main work;
- ``behaviour`` ``int64 (n, a)``: the supervisor's score x 10^places, read where ``rated``;
- ``rated``, ``applies`` ``bool (n, a)``: the aspect was rated; it applies to the post;
- ``peer_input``, ``innovation`` ``bool (n,)``: a peer or subordinate rated; an
  innovation benefits the organisation or the state.
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
from penilaian.model.behaviour import PP30_2019_BEHAVIOUR
from penilaian.model.grades import Grade
from penilaian.model.targets import Direction, PointTarget, RangeTarget, TargetKind
from penilaian.policy.supervisor import SupervisorRating
from penilaian.policy.weights import PP30_2019_WITH_PEER_INPUT, PP30_2019_WITHOUT_PEER_INPUT
from penilaian.regimes.pp30_2019.strategy import (
    _CAP,
    _INNOVATIVE,
    _PEER_ROLES,
    _WHOLE_PERCENT,
    PERMEN8_2021_IKI_CONVERSION,
    PERMEN8_2021_MAXIMUM_TARGET,
    PP30_2019_PREDIKAT,
    Pp30Regime,
)

if TYPE_CHECKING:
    from collections.abc import Sequence
    from decimal import Decimal

    from penilaian._base.rounding import RoundingMode
    from penilaian.model.appraisal import Appraisal
    from penilaian.model.grades import BandTable
    from penilaian.model.targets import Indicator

__all__ = ["ASPECTS", "Pp30Batch", "Pp30Scores", "score_pp30"]

ASPECTS: Final = tuple(aspect.id for aspect in PP30_2019_BEHAVIOUR.aspects)
"""The aspect ids of the behaviour columns, in order."""


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
        intercept = piece.value - piece.slope * piece.start
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


@attrs.frozen(eq=False)
class Pp30Batch:
    """
    The inputs of PP 30/2019 for many appraisals, as checked numpy columns.

    See the module docstring for the layout.  Every column is checked when the batch
    is built, before any scoring: dtype and shape (nothing is converted, so a float
    column with NaN is refused), targets above 0 with ``high >= low``, realisations
    at least 0 and present for every indicator, behaviour scores from 0 to 120,
    magnitudes that keep the integer arithmetic in ``int64``, a main work target and
    an applicable aspect in every row.

    Attributes:
        places: Decimal places of the scaled columns (0 to 6).
        indicator: Where indicators sit.
        target_low: Lower (or point) target, scaled.
        target_high: Upper (or point) target, scaled.
        realisation: Realised values, scaled.
        realised: Where a realisation was reported.
        lower_is_better: Kondisi khusus indicators.
        at_maximum: Targets already at their best possible value.
        main: Main work targets.
        behaviour: The supervisor's aspect scores, scaled.
        rated: Where the supervisor rated the aspect.
        applies: Where the aspect applies to the post.
        peer_input: Rows with a peer or subordinate rating.
        innovation: Rows with an innovation for the organisation or the state.

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
                score off 0-120, a value with more than 6 decimal places).
        """
        return _Reader(appraisals).batch()


_BOOL_COLUMNS: Final = (
    "indicator", "realised", "lower_is_better", "at_maximum", "main", "rated", "applies",
    "peer_input", "innovation",
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
        **dict.fromkeys(("peer_input", "innovation"), cells[:1]),
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
    at = batch.indicator
    low, high, real = batch.target_low, batch.target_high, batch.realisation
    limit = f"must be at most {INT64_LIMIT} scaled (the int64 arithmetic's bound)"
    positive = "must be greater than 0 (achievement divides by it)"
    unrealised = "an indicator has no realisation; it is never taken as 0"
    off = at & batch.realised & ((real < 0) | (real > INT64_LIMIT))
    problems = [
        *listed("target_low", at & (low <= 0), low, positive),
        *listed("target_low", at & (low > INT64_LIMIT), low, limit),
        *listed("target_high", at & (high < low), high, "must be at least target_low"),
        *listed("target_high", at & (high > INT64_LIMIT), high, limit),
        *listed("realised", at & ~batch.realised, real, unrealised, MissingValueError),
        *listed("realisation", off, real, f"must be from 0 to {INT64_LIMIT} scaled"),
    ]
    main = batch.main & at.any(axis=2)
    no_main = "pp30_2019 needs at least one main work target"
    problems += listed(  # one problem per row, showing its count of main targets
        "main", np.asarray(~main.any(axis=1)), main.sum(axis=1), no_main, MissingValueError
    )
    top = int(_CAP) * 10**batch.places
    scores = batch.behaviour
    used = batch.applies & batch.rated
    problems += listed(
        "behaviour", used & ((scores < 0) | (scores > top)), scores,
        f"must lie from 0 to 120 under pp30_2019 (x 10^{batch.places})", OffScaleError,
    )  # fmt: skip
    no_aspect = "no aspect applies to the post"
    problems += listed(  # one problem per row, showing its count of applicable aspects
        "applies", np.asarray(~batch.applies.any(axis=1)), batch.applies.sum(axis=1),
        no_aspect, UnsupportedInputError,
    )  # fmt: skip
    return problems


@attrs.frozen(eq=False)
class Pp30Scores:
    """
    The scores of a `Pp30Batch`: every figure of the scalar `penilaian.Result`, per row.

    Numbers are ``int64`` scaled by 10^`places` (the regime's rounding places), and
    `penilaian.batch.MISSING` where there is none (no indicator at that place, or
    an incomplete row); categories are codes into `penilaian.batch.GRADES`, -1 for none.

    Attributes:
        places: The decimal places of the scaled numbers (the regime's rounding).
        complete: Rows with a score and grade (every applicable aspect rated).
        final: The nilai kinerja (``final``, ``Result.score``).
        grade: The predikat (``Result.grade``).
        band: The predikat band before the innovation condition and the fair label.
        with_peer_input: Rows weighted 60/40 (else 70/30).
        achievement: ``int64 (n, t, i)``: the whole-percent capaian IKI (not scaled).
        indicator_value: ``(n, t, i)``: the nilai capaian IKI.
        category: ``int8 (n, t, i)``: the IKI category.
        target_value: ``(n, t)``: each work target's value.
        main_value: ``(n,)``: nilai kinerja utama (= ``skp``, additional work adds 0).
        aspect_value: ``(n, a)``: each aspect's value.
        behaviour: ``(n,)``: the perilaku value.
    """

    places: int
    complete: Bools
    final: Ints
    grade: Codes
    band: Codes
    with_peer_input: Bools
    achievement: Ints
    indicator_value: Ints
    category: Codes
    target_value: Ints
    main_value: Ints
    aspect_value: Ints
    behaviour: Ints


def score_pp30(batch: Pp30Batch, regime: Pp30Regime | None = None) -> Pp30Scores:
    """
    Score every row of *batch* as *regime* (default `Pp30Regime()`) scores an appraisal.

    Returns:
        The final value, grade, band and every intermediate figure of each row.

    Raises:
        ScoringInputError: when *regime* uses a convention the batch does not
            compute (continuous capaian, main-target weights, additional points, an
            aggregator other than the supervisor's rating).
    """
    regime = Pp30Regime() if regime is None else regime
    _check_regime(regime)
    rounding = regime.rounding
    mode, places = rounding.mode, rounding.places
    unit = 10**places
    at = batch.indicator

    # Capaian IKI, PermenPANRB 8/2021 Bab VI.A, exactly: ratio R / C of the compared target.
    real = np.where(at, batch.realisation, 1)
    low, high = np.where(at, batch.target_low, 1), np.where(at, batch.target_high, 1)
    above, below = real > high, real < low
    compared = np.where(above, high, low)
    numerator = np.where(batch.lower_is_better, 200 * compared - 100 * real, 100 * real)
    whole = round_division(numerator, compared, _WHOLE_PERCENT.mode)
    capaian = np.where(above | below, whole, 100)

    # The conversion: the piece by the table's cuts (closed below), the maximum exception.
    clipped = np.clip(capaian, _CLIP_LOW, _CLIP_HIGH)
    piece = np.zeros(capaian.shape, np.int64)
    for cut_n, cut_d in _integer_cuts(PERMEN8_2021_IKI_CONVERSION):
        piece += clipped * cut_d >= cut_n
    start_n, start_d = PERMEN8_2021_MAXIMUM_TARGET.start.as_integer_ratio()
    piece = np.where(batch.at_maximum & (capaian * start_d == start_n), _MAXIMUM, piece)
    value = _round(_A[piece] * unit + _B[piece] * unit * clipped, _Q[piece], mode)

    # Work targets, main work, SKP: means of rounded values, rounded again.
    counts = at.sum(axis=2)
    sums = np.where(at, value, 0).sum(axis=2)
    present = counts > 0
    target_value = _round(sums, np.maximum(counts, 1), mode)
    main = batch.main & present
    main_value = _round(np.where(main, target_value, 0).sum(axis=1), main.sum(axis=1), mode)

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
    with_peers, without = PP30_2019_WITH_PEER_INPUT, PP30_2019_WITHOUT_PEER_INPUT
    weights = (with_peers["work"], with_peers["behaviour"], without["work"], without["behaviour"])
    common = math.lcm(*(weight.denominator for weight in weights))
    w_work, w_behaviour, o_work, o_behaviour = (int(weight * common) for weight in weights)
    exact = np.where(peers, w_work * main_value + w_behaviour * behaviour,
                     o_work * main_value + o_behaviour * behaviour)  # fmt: skip
    cap = _CAP * unit * common
    if cap.denominator != 1:  # pragma: no cover - guards a change of the cap
        raise UnsupportedInputError("cap", _CAP, "the cap must be whole at the rounding places")
    final = _round(np.minimum(exact, int(cap)), common, mode)

    band, grade = _grade(final, batch.innovation, regime.fair_label, unit)

    missing_row = ~complete
    return Pp30Scores(
        places=places,
        complete=complete,
        final=np.where(missing_row, MISSING, final),
        grade=np.where(missing_row, NONE, grade).astype(np.int8),
        band=np.where(missing_row, NONE, band).astype(np.int8),
        with_peer_input=peers,
        achievement=np.where(at, capaian, MISSING),
        indicator_value=np.where(at, value, MISSING),
        category=np.where(at, _CATEGORY[piece], NONE).astype(np.int8),
        target_value=np.where(present, target_value, MISSING),
        main_value=main_value,
        aspect_value=np.where(used, aspect, MISSING),
        behaviour=np.where(missing_row, MISSING, behaviour),
    )


def _grade(final: Ints, innovation: Bools, fair_label: Grade, unit: int) -> tuple[Codes, Codes]:
    """PP 30/2019 Pasal 41(5): the band; Sangat Baik needs an innovation; Cukup's label."""
    band_index = np.zeros(final.shape, np.int64)
    for cut_n, cut_d in _integer_cuts(PP30_2019_PREDIKAT):
        band_index += final * cut_d >= cut_n * unit
    band: Codes = _PREDIKAT[band_index]
    very_good, good = GRADES.index(Grade.VERY_GOOD), GRADES.index(Grade.GOOD)
    grade = np.where((band == very_good) & ~innovation, good, band)
    grade = np.where(band == GRADES.index(Grade.FAIR), GRADES.index(fair_label), grade)
    return band, grade.astype(np.int8)


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
    if problems:
        raise ScoringInputError(problems)


class _Reader:
    """Reads appraisals into columns, collecting every problem with its row."""

    def __init__(self, appraisals: Sequence[Appraisal]) -> None:
        self.appraisals = appraisals
        self.problems: list[Problem] = []
        self.targets = max((len(a.targets) for a in appraisals), default=0)
        self.width = max(
            (len(target.indicators) for a in appraisals for target in a.targets), default=0
        )

    def problem(self, path: str, error: InvalidValueError) -> None:
        self.problems.append(Problem(path, f"{error.reason} (got {error.value!r})", error))

    def batch(self) -> Pp30Batch:
        n, t, i = len(self.appraisals), self.targets, self.width
        cells, aspects = (n, t, i), (n, len(ASPECTS))
        found: dict[tuple[str, tuple[int, ...]], Decimal] = {}
        flags = {name: np.zeros(cells, np.bool_) for name in
                 ("indicator", "realised", "lower_is_better", "at_maximum")}  # fmt: skip
        main = np.zeros((n, t), np.bool_)
        rated, applies = np.zeros(aspects, np.bool_), np.zeros(aspects, np.bool_)
        peer_input, innovation = np.zeros(n, np.bool_), np.zeros(n, np.bool_)
        aggregator = SupervisorRating()
        for row, appraisal in enumerate(self.appraisals):
            framework = appraisal.framework
            if framework is not PP30_2019_BEHAVIOUR and framework != PP30_2019_BEHAVIOUR:
                reason = f"pp30_2019 appraises the aspects of framework {PP30_2019_BEHAVIOUR.id}"
                error = UnsupportedInputError("framework", framework.id, reason)
                self.problem(f"$[{row}].framework", error)
                continue
            for t_index, target in enumerate(appraisal.targets):
                main[row, t_index] = target.kind is TargetKind.MAIN
                for i_index, item in enumerate(target.indicators):
                    self.indicator((row, t_index, i_index), item, found, flags)
            kind_aspects = {aspect.id for aspect in framework.aspects_for(appraisal.position.kind)}
            for a_index, aspect_id in enumerate(ASPECTS):
                if aspect_id not in kind_aspects:
                    continue
                applies[row, a_index] = True
                try:
                    value = aggregator(appraisal, aspect_id, trace=False).value
                except ScoringInputError as error:
                    self.problems.extend(
                        Problem(f"$[{row}]{item.path[1:]}", item.message, item.error)
                        for item in error.problems
                    )
                    continue
                if value is not None:
                    rated[row, a_index] = True
                    found["behaviour", (row, a_index)] = decimal_score(value)
            roles = appraisal.rater_roles
            peer_input[row] = any(roles[r.rater_id] in _PEER_ROLES for r in appraisal.ratings)
            innovation[row] = any(item.scope in _INNOVATIVE for item in appraisal.innovations)
        if self.problems:
            raise ScoringInputError(self.problems)
        places = decimals(found.values())
        names = ("target_low", "target_high", "realisation")
        shapes = {**dict.fromkeys(names, cells), "behaviour": aspects}
        columns = scaled_columns(found, min(places, MAX_PLACES), shapes)
        return Pp30Batch(
            min(places, MAX_PLACES), flags["indicator"], columns["target_low"],
            columns["target_high"], columns["realisation"], flags["realised"],
            flags["lower_is_better"], flags["at_maximum"], main, columns["behaviour"], rated,
            applies, peer_input, innovation,
        )  # fmt: skip

    def indicator(
        self,
        cell: tuple[int, int, int],
        item: Indicator,
        found: dict[tuple[str, tuple[int, ...]], Decimal],
        flags: dict[str, Bools],
    ) -> None:
        """Read one indicator into its cell, or record why it cannot be scored."""
        given = item.target
        if isinstance(given, PointTarget):
            found["target_low", cell] = found["target_high", cell] = given.value
        elif isinstance(given, RangeTarget):
            found["target_low", cell], found["target_high", cell] = given.low, given.high
        else:
            reason = "a qualitative target has no achievement percentage; rate it instead"
            row, t_index, i_index = cell
            path = f"$[{row}].targets[{t_index}].indicators[{i_index}].target"
            self.problem(path, UnsupportedInputError("target", item.id, reason))
            return
        flags["indicator"][cell] = True
        flags["lower_is_better"][cell] = item.direction is Direction.LOWER_IS_BETTER
        flags["at_maximum"][cell] = item.target_is_maximum
        realisation = item.realisation
        if realisation is not None and realisation.value is not None:
            flags["realised"][cell] = True
            found["realisation", cell] = realisation.value
