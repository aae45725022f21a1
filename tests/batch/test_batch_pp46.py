"""The PP 46/2011 batch engine: every row's score, grade and figures equal the scalar regime's."""

from __future__ import annotations

import math
from decimal import Decimal
from fractions import Fraction

import attrs
import numpy as np
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import penilaian as p
from penilaian._base.rounding import figure
from penilaian.batch import GRADES, MISSING, NONE, grades
from penilaian.batch._columns import INT64_LIMIT
from penilaian.batch.pp46 import (
    ACTIVITY_LIMIT,
    DENOMINATOR_LIMIT,
    INNOVATION_LIMIT,
    PP46_ASPECTS,
    PP46_SCOPES,
    PP46_SLOTS,
    ROUNDING_PLACES_LIMIT,
    VALUE_LIMIT,
    WEIGHT_DENOMINATOR_LIMIT,
    Pp46Batch,
    score_pp46,
)
from penilaian.exceptions import (
    InvalidInputError,
    InvalidNumberError,
    InvalidValueError,
    MissingValueError,
    OffScaleError,
    ScoringInputError,
    UnsupportedInputError,
)
from penilaian.model import TargetKind
from penilaian.policy import PP46_2011_COMPONENTS
from penilaian.policy.supervisor import SupervisorRating
from penilaian.regimes.pp46_2011 import (
    PP46_2011_ACTIVITY_ASPECTS,
    PP46_2011_CATEGORIES,
    Pp46Regime,
    check_appraisal,
)

# -- strategies ------------------------------------------------------------------------

SCALE = p.NumericScale("nilai", 0, 100)
SUPERVISOR = p.Rater("atasan", p.RaterRole.SUPERVISOR, "e-atasan")
PEER = p.Rater("rekan", p.RaterRole.PEER, "e-rekan")
KINDS = (
    p.PositionKind.ADMINISTRATOR,  # structural: six aspects, kepemimpinan included
    p.PositionKind.SUPERVISOR,
    p.PositionKind.EXECUTOR,
    p.PositionKind.EXPERT_FIRST,
)
LOWER = (p.Aspect.TIME, p.Aspect.COST)
CUTS = tuple(Fraction(cut) for cut in PP46_2011_CATEGORIES.cuts)
OFFSETS = tuple(
    Fraction(offset)
    for offset in ("0", "0.01", "-0.01", "0.005", "-0.005", "0.5", "0.49", "0.495", "-0.5")
)
"""Around each category cut: the cut, a cent either side, the rounding half-points."""

TIME_RATIOS = tuple(
    Fraction(ratio)
    for ratio in ("0", "0.5", "0.7599", "0.76", "0.7601", "0.9", "1", "1.5", "1.76", "1.7601", "2")
)
"""Realisation / target for time and cost: each side of 24 % efficiency, on time, 1.76."""
OUTPUT_RATIOS = tuple(Fraction(ratio) for ratio in ("0", "0.5", "0.9999", "1", "1.0001", "3"))
"""Realisation / target for quantity and quality: no output, on target, either side."""

SCORE_EDGES = tuple(
    Decimal(score)
    for score in (
        "0", "0.5", "50", "50.01", "50.49", "50.5", "60", "60.5", "75", "75.49", "75.5",
        "90", "90.01", "90.49", "90.499", "90.5", "100",
    )
)  # fmt: skip
"""Behaviour scores at every category cut and every whole-number half-point."""

ROUNDINGS = (
    p.Rounding(),
    p.Rounding(2, "half_even"),
    p.Rounding(2, "down"),
    p.Rounding(1, "half_even"),
    p.Rounding(0),
    p.Rounding(3),
    p.Rounding(4, "down"),
)
WEIGHTS = (
    PP46_2011_COMPONENTS,
    p.Weights({"work": "7/10", "behaviour": "3/10"}),
    p.Weights({"work": "1/3", "behaviour": "2/3"}),
)


def decimal(value):
    """An exact Fraction with a finite decimal form as that Decimal."""
    return Decimal(value.numerator) / Decimal(value.denominator)


def ratios(edges):
    """A realisation / target ratio: an edge, or any with 4 places from 0 to 2.5."""
    return st.sampled_from(edges) | st.integers(0, 25000).map(lambda r: Fraction(r, 10000))


def planned():
    """A point target: usual values, any whole number, or one with 2 places."""
    return (
        st.sampled_from((Fraction(1), Fraction(3), Fraction(12), Fraction(100)))
        | st.integers(1, 400).map(Fraction)
        | st.integers(1, 40000).map(lambda hundredth: Fraction(hundredth, 100))
    )


def point(indicator_id, aspect, target, realised, direction=None):
    """An indicator with a point target and its realisation (None: unreported)."""
    lower = aspect in LOWER
    return p.Indicator(
        indicator_id, f"{aspect.value} {indicator_id}", aspect, p.PointTarget(target),
        direction or (p.Direction.LOWER_IS_BETTER if lower else p.Direction.HIGHER_IS_BETTER),
        realisation=None if realised is None else p.Realisation(realised),
    )  # fmt: skip


@st.composite
def kegiatan(draw, target_id):
    """A kegiatan tugas jabatan: quantity, quality, time and sometimes cost, in any order."""
    indicators = []
    for aspect in PP46_SLOTS:
        if aspect is p.Aspect.COST and draw(st.booleans()):
            continue
        target = draw(planned())
        ratio = draw(ratios(TIME_RATIOS if aspect in LOWER else OUTPUT_RATIOS))
        indicators.append(
            point(f"{target_id}-{aspect.value}", aspect, decimal(target), decimal(target * ratio))
        )
    return p.WorkTarget(target_id, f"Kegiatan {target_id}", draw(st.permutations(indicators)))


def task(number):
    """A tugas tambahan (an additional work target)."""
    indicator = point(f"tt{number}-o", p.Aspect.QUANTITY, 1, 1)
    return p.WorkTarget(f"tt{number}", f"Tugas tambahan {number}", [indicator], "additional")


def behaviour_scores():
    """A supervisor's score from 0 to 100: an edge, or any with 2 or 3 places."""
    return (
        st.sampled_from(SCORE_EDGES)
        | st.integers(0, 10000).map(lambda hundredth: Decimal(hundredth) / 100)
        | st.integers(0, 100000).map(lambda thousandth: Decimal(thousandth) / 1000)
    )


def build(number, kind, targets, scores, innovations=(), *, peer=False):
    """An appraisal under PP 46/2011 with the supervisor's *scores* by aspect id."""
    ratings = [
        p.Rating("atasan", aspect, SCALE.id, score=score) for aspect, score in scores.items()
    ]
    if peer:  # the supervisor's rating must be the only one read
        ratings.append(p.Rating("rekan", PP46_ASPECTS[0], SCALE.id, score=1))
    return p.Appraisal(
        f"skp-{number}", p.Employee("e-1", "Budi Santoso"), p.Position("Jabatan", kind),
        p.Period.year(2019), p.PP46_2011_BEHAVIOUR, targets, raters=[SUPERVISOR, PEER],
        scales=[SCALE], ratings=ratings,
        innovations=[p.Innovation(f"Inovasi {i}", scope) for i, scope in enumerate(innovations)],
    )  # fmt: skip


@st.composite
def pp46_appraisals(draw, number=0):
    """
    A PP 46/2011 appraisal: 1-3 kegiatan among 0-9 tugas tambahan, 0-3 innovations.

    Realisations sit at the 24 % efficiency edge, on target and at no output; tugas
    tambahan counts at the points table's edges; scores at the category cuts; a gap
    now and then.
    """
    kind = draw(st.sampled_from(KINDS))
    count = draw(st.integers(1, 3))
    works = [draw(kegiatan(f"k{number}-{index}")) for index in range(count)]
    extra = draw(st.sampled_from((0, 1, 3, 4, 6, 7)) | st.integers(0, 9))
    targets = draw(st.permutations([*works, *(task(index) for index in range(extra))]))
    scores = {}
    for aspect in p.PP46_2011_BEHAVIOUR.aspects_for(kind):
        if draw(st.integers(0, 14)):  # a gap now and then: an incomplete result
            scores[aspect.id] = draw(behaviour_scores())
    scopes = draw(st.lists(st.sampled_from(PP46_SCOPES), max_size=3))
    return build(number, kind, targets, scores, scopes, peer=draw(st.booleans()))


@st.composite
def pp46_populations(draw, max_size=6):
    """Between one and *max_size* PP 46/2011 appraisals."""
    size = draw(st.integers(1, max_size))
    return [draw(pp46_appraisals(number)) for number in range(size)]


@st.composite
def regimes(draw):
    """A regime with any of the conventions the batch computes."""
    return Pp46Regime(
        weights=draw(st.sampled_from(WEIGHTS)),
        rounding=draw(st.sampled_from(ROUNDINGS)),
        band_convention=draw(st.sampled_from(("upper_inclusive", "round_to_integer"))),
        creativity=draw(st.sampled_from(("highest", "sum"))),
        zero_output_zeroes_activity=draw(st.booleans()),
    )


def edges():
    """A value at a category cut, a cent either side, or a rounding half-point near it."""
    return st.builds(
        lambda cut, offset: cut + offset, st.sampled_from(CUTS), st.sampled_from(OFFSETS)
    )


@st.composite
def at_an_edge(draw):
    """
    An appraisal whose kegiatan value is exactly a drawn edge minus the bonus points,
    so the SKP lands on it, and whose behaviour aspects all score another edge.

    Quantity x and quality y (targets 100) with time on time (76) and, sometimes, cost
    at exactly 24 % efficiency (100): (x + y + 76 [+ 100]) / 3 [or 4].
    """
    value = draw(edges())
    tasks, scopes = draw(st.integers(0, 1)), draw(st.sampled_from(((), (p.InnovationScope.UNIT,))))
    bonus = tasks + 3 * len(scopes)
    with_cost = draw(st.booleans())
    fixed, count = (176, 4) if with_cost else (76, 3)
    total = count * (value - bonus) - fixed  # x + y
    assume(total > 0)
    quality = min(total / 2, Fraction(100))
    indicators = [
        point("k-o", p.Aspect.QUANTITY, 100, decimal(total - quality)),
        point("k-k", p.Aspect.QUALITY, 100, decimal(quality)),
        point("k-w", p.Aspect.TIME, 12, 12),
    ]
    if with_cost:
        indicators.append(point("k-b", p.Aspect.COST, 100, 76))
    targets = [p.WorkTarget("k", "Kegiatan", indicators), *(task(i) for i in range(tasks))]
    kind = draw(st.sampled_from(KINDS))
    score = decimal(draw(edges()))
    aspects = p.PP46_2011_BEHAVIOUR.aspects_for(kind)
    return build(0, kind, targets, {a.id: score for a in aspects}, scopes), value


@st.composite
def at_a_final_cut(draw):
    """An appraisal whose final value (default regime) lands on a drawn edge, and that edge."""
    appraisal = draw(pp46_appraisals())
    kind = appraisal.position.kind
    aspects = p.PP46_2011_BEHAVIOUR.aspects_for(kind)
    unrated = build(0, kind, appraisal.targets, {}, [i.scope for i in appraisal.innovations])
    skp = Fraction(Pp46Regime().score(unrated, trace=False).figures["skp"])
    work, other = PP46_2011_COMPONENTS["work"], PP46_2011_COMPONENTS["behaviour"]
    # behaviour B (2 places, every aspect B) with work x skp + other x B just reaching the edge
    finals = [cut + offset for cut in CUTS for offset in OFFSETS]
    needed = {
        final: Fraction(math.ceil((final - Fraction(1, 200) - work * skp) / other * 100), 100)
        for final in finals
        if (final * 100).denominator == 1
    }
    reachable = sorted(final for final, score in needed.items() if 0 <= score <= 100)
    assume(reachable)
    final = draw(st.sampled_from(reachable))
    score = decimal(needed[final])
    ratings = [p.Rating("atasan", aspect.id, SCALE.id, score=score) for aspect in aspects]
    return attrs.evolve(unrated, ratings=ratings), final


# -- comparing both paths --------------------------------------------------------------


def number(value, places):
    """A scaled integer as the Decimal it stands for (None for MISSING)."""
    return None if value == MISSING else Decimal(int(value)).scaleb(-places)


def exact(numerator, denominator):
    """An exact figure given as numerator / denominator, as the scalar writes it."""
    assert denominator != MISSING
    assert numerator != MISSING
    return figure(Fraction(int(numerator), int(denominator)))


def work_figures(appraisal, row, batch, scores):
    """The kegiatan figures of one row, keyed as `Result.figures`."""
    places = scores.places
    figures = {}
    for t_index, target in enumerate(appraisal.targets):
        place = (row, t_index)
        if target.kind is not TargetKind.MAIN:
            assert scores.activity_value[place] == MISSING
            assert (scores.aspect[place] == MISSING).all()
            continue
        for slot, aspect in enumerate(PP46_SLOTS):
            cell = (*place, slot)
            if batch.indicator[cell]:
                key = f"activity[{target.id}].{aspect.value}"
                figures[key] = exact(scores.aspect[cell], scores.aspect_denominator[cell])
            else:
                assert scores.aspect[cell] == MISSING
        figures[f"activity[{target.id}].value"] = number(scores.activity_value[place], places)
    return figures


def batch_figures(appraisal, row, batch, scores, whole):
    """The figures and ratings of one row, keyed as `Result.figures` and `Result.ratings`."""
    places = scores.places
    figures, ratings = work_figures(appraisal, row, batch, scores), {}

    def rate(key, value, category, whole_value):
        figures[key] = value
        ratings[key] = GRADES[category].value
        if whole:
            figures[f"{key}.whole"] = Decimal(int(whole_value))
        else:
            assert whole_value == MISSING

    figures["activities"] = exact(scores.activities[row], scores.activities_denominator[row])
    figures["additional_tasks"] = Decimal(int(scores.additional_tasks[row]))
    figures["creativity"] = Decimal(int(scores.creativity[row]))
    rate("skp", number(scores.skp[row], places), scores.skp_category[row], scores.skp_whole[row])
    for a_index, aspect in enumerate(PP46_ASPECTS):
        cell = (row, a_index)
        if batch.applies[cell] and batch.rated[cell]:
            value = exact(scores.behaviour_aspect[cell], scores.behaviour_aspect_denominator[cell])
            category, whole_value = (
                scores.behaviour_aspect_category[cell],
                scores.behaviour_aspect_whole[cell],
            )
            rate(f"behaviour[{aspect}]", value, category, whole_value)
        else:
            assert scores.behaviour_aspect[cell] == MISSING
            assert scores.behaviour_aspect_category[cell] == NONE
    if scores.complete[row]:
        behaviour = number(scores.behaviour[row], places)
        rate("behaviour", behaviour, scores.behaviour_category[row], scores.behaviour_whole[row])
        figures["final"] = number(scores.final[row], places)
        if whole:
            figures["final.whole"] = Decimal(int(scores.final_whole[row]))
    else:
        assert scores.behaviour[row] == scores.final[row] == MISSING
        assert scores.behaviour_category[row] == scores.grade[row] == NONE
    return figures, ratings


def assert_rows_equal(population, regime=None):
    """Score *population* both ways and compare score, grade, figures and ratings row by row."""
    regime = regime or Pp46Regime()
    batch = Pp46Batch.from_appraisals(population)
    scores = score_pp46(batch, regime)
    found = grades(scores.grade)
    whole = regime.band_convention == "round_to_integer"
    assert len(batch) == len(population) == len(found)
    for row, appraisal in enumerate(population):
        result = regime.score(appraisal, trace=False)
        figures, ratings = batch_figures(appraisal, row, batch, scores, whole)
        places = regime.rounding.places
        assert (result.score, result.grade) == (number(scores.final[row], places), found[row])
        assert result.is_complete == bool(scores.complete[row])
        assert dict(result.figures) == figures
        assert dict(result.ratings) == ratings
    return scores


class TestScorePp46:
    """score_pp46 gives every row the scalar regime's score, grade and figures."""

    @given(population=pp46_populations())
    def test_equals_scalar_path(self, population):
        """On populations at every band, branch and rounding edge, batch == scalar."""
        assert_rows_equal(population)

    @given(population=pp46_populations(max_size=4), regime=regimes())
    def test_equals_scalar_path_for_every_policy(self, population, regime):
        """Weights, rounding, band convention, creativity and zero output as in the scalar."""
        assert_rows_equal(population, regime)

    @given(case=at_an_edge(), regime=regimes())
    def test_skp_and_behaviour_at_edges(self, case, regime):
        """An SKP and behaviour aspects at each category cut, a cent off and at half-points."""
        appraisal, value = case
        scores = assert_rows_equal([appraisal], regime)
        places = regime.rounding.places
        skp = Fraction(number(scores.skp[0], places))
        assert abs(skp - value) <= Fraction(1, 10**places)  # the edge was hit, up to rounding

    @given(case=at_a_final_cut())
    def test_final_at_category_cuts(self, case):
        """A final value at each category cut, a cent off it, or at a whole half-point."""
        appraisal, final = case
        scores = assert_rows_equal([appraisal])
        assert Fraction(number(scores.final[0], 2)) == final

    @pytest.mark.parametrize("aspect", LOWER)
    @pytest.mark.parametrize(
        ("planned", "realised"),
        [
            ("12", "9.12"),  # exactly 24 %: floats say 24.000000000000014
            ("12", "9.11"),
            ("12", "9.13"),
            ("100", "76"),
            ("100", "75.9999"),
            ("100", "76.0001"),
            ("12", "12"),
            ("12", "21.12"),  # 1.76 x the target: 0
            ("12", "30"),  # very late: below 0
            ("3", "0"),
        ],
    )
    def test_efficiency_limit(self, aspect, planned, realised):
        """Perka BKN 1/2013: the 24 % comparison is exact; above it 76 - (value - 100)."""
        pairs = {p.Aspect.QUANTITY: ("1", "1"), p.Aspect.QUALITY: ("100", "100"),
                 p.Aspect.TIME: ("12", "12"), aspect: (planned, realised)}  # fmt: skip
        appraisal = one(pairs)
        scores = assert_rows_equal([appraisal])
        target, real = Fraction(planned), Fraction(realised)
        efficiency = 100 - real / target * 100
        value = (Fraction(176, 100) * target - real) / target * 100
        slot = PP46_SLOTS.index(aspect)
        if efficiency > 24:
            value = 76 - (value - 100)
        assert bool(scores.above_limit[0, 0, slot]) == (efficiency > 24)
        assert (
            Fraction(int(scores.aspect[0, 0, slot]), int(scores.aspect_denominator[0, 0, slot]))
            == value
        )

    @pytest.mark.parametrize("zeroes", [True, False])
    def test_zero_output(self, zeroes):
        """No output realised: every aspect 0 by convention, else each by its formula."""
        pairs = {p.Aspect.QUANTITY: ("5", "0"), p.Aspect.QUALITY: ("100", "90"),
                 p.Aspect.TIME: ("12", "6"), p.Aspect.COST: ("100", "90")}  # fmt: skip
        regime = Pp46Regime(zero_output_zeroes_activity=zeroes)
        scores = assert_rows_equal([one(pairs)], regime)
        values = scores.aspect[0, 0] * 10**6 // scores.aspect_denominator[0, 0]
        assert bool(scores.zeroed[0, 0]) is zeroes
        assert bool((values == 0).all()) is zeroes
        assert bool(scores.above_limit[0, 0, 2]) is not zeroes  # 50 % faster: above 24 %

    @pytest.mark.parametrize(
        ("count", "points"), [(0, 0), (1, 1), (3, 1), (4, 2), (6, 2), (7, 3), (12, 3)]
    )
    def test_additional_tasks(self, count, points):
        """Perka BKN 1/2013: 1-3 tugas tambahan give 1, 4-6 give 2, 7 or more give 3."""
        appraisal = one({}, tasks=count)
        assert int(assert_rows_equal([appraisal]).additional_tasks[0]) == points

    @pytest.mark.parametrize(("policy", "points"), [("highest", 12), ("sum", 33)])
    def test_creativity(self, policy, points):
        """Kreativitas: unit 3, organisation 6, state 12; the highest or the sum by policy."""
        scopes = ("unit", "state", "state", "organisation")
        appraisal = one({}, scopes=scopes)
        scores = assert_rows_equal([appraisal], Pp46Regime(creativity=policy))
        assert int(scores.creativity[0]) == points

    def test_gap_is_no_score(self):
        """An unrated aspect gives no behaviour, score or grade, never a 0."""
        scores = assert_rows_equal([one({}, skip="integrity"), one({})])
        assert scores.complete.tolist() == [False, True]
        assert (int(scores.final[0]), int(scores.grade[0]), int(scores.behaviour[0])) == (
            MISSING,
            NONE,
            MISSING,
        )
        assert int(scores.skp[0]) != MISSING

    @pytest.mark.parametrize("mode", ["half_up", "half_even", "down"])
    def test_negative_kegiatan_rounds_on_the_magnitude(self, mode):
        """A kegiatan below 0 (very late) is rounded as Rounding.apply does: by magnitude."""
        # quantity 100/3, quality 0.5 % and time 176 - 100 x 29.99 / 12: a value below 0
        pairs = {p.Aspect.QUANTITY: ("3", "1"), p.Aspect.QUALITY: ("200", "1"),
                 p.Aspect.TIME: ("12", "99.99")}  # fmt: skip
        scores = assert_rows_equal([one(pairs)], Pp46Regime(rounding=p.Rounding(2, mode)))
        assert scores.activity_value[0, 0] < 0

    @pytest.mark.parametrize("mode", ["half_up", "half_even", "down"])
    @pytest.mark.parametrize(
        ("quantity", "quality", "time", "value"),
        [
            ("89.995", "100", "100", "88.665"),  # (89.995 + 100 + 76) / 3: a tie, even below
            ("90.025", "100", "100", "88.675"),  # a tie, even above
            ("90.02", "100", "100", "88.67333"),  # no tie
            ("1", "0", "207.015", "-10.005"),  # (1 + 0 + 176 - 207.015) / 3: a tie below 0
            ("1", "0", "207.045", "-10.015"),
        ],
    )
    def test_kegiatan_half_points(self, mode, quantity, quality, time, value):
        """The kegiatan value is rounded at its half-points as Rounding.apply rounds them."""
        pairs = {p.Aspect.QUANTITY: ("100", quantity), p.Aspect.QUALITY: ("100", quality),
                 p.Aspect.TIME: ("100", time)}  # fmt: skip
        scores = assert_rows_equal([one(pairs)], Pp46Regime(rounding=p.Rounding(2, mode)))
        exact_value = (Fraction(quantity) + Fraction(quality) + 176 - Fraction(time)) / 3
        assert abs(exact_value - Fraction(value)) < Fraction(1, 10**4)
        expected = p.Rounding(2, mode).apply(exact_value)
        assert number(scores.activity_value[0, 0], 2) == expected

    def test_empty_batch(self):
        """No appraisals: empty columns and empty scores."""
        scores = score_pp46(Pp46Batch.from_appraisals([]))
        assert scores.final.shape == scores.grade.shape == (0,)

    def test_refuses_unsupported_regime(self):
        """Another aggregator, finer rounding, outputs-only rounding, finer weights: refused."""
        batch = Pp46Batch.from_appraisals([one({})])

        def other(appraisal, subject, *, trace=True):
            return SupervisorRating()(appraisal, subject, trace=trace)

        share = Fraction(1, WEIGHT_DENOMINATOR_LIMIT + 7)
        weights = p.Weights({"work": share, "behaviour": 1 - share})
        cases = {
            "aggregator": Pp46Regime(aggregator=other),
            "rounding": Pp46Regime(rounding=p.Rounding(ROUNDING_PLACES_LIMIT + 1)),
            "weights": Pp46Regime(weights=weights),
            "rounding_points": Pp46Regime(rounding_points="outputs_only"),
        }
        for name, regime in cases.items():
            with pytest.raises(ScoringInputError) as caught:
                score_pp46(batch, regime)
            (problem,) = caught.value.problems
            assert problem.path == f"$.regime.{name}"
            assert isinstance(problem.error, UnsupportedInputError)
        everything = Pp46Regime(
            aggregator=other,
            rounding=p.Rounding(ROUNDING_PLACES_LIMIT + 1),
            weights=weights,
            rounding_points="outputs_only",
        )
        with pytest.raises(ScoringInputError) as caught:
            score_pp46(batch, everything)
        assert len(caught.value.problems) == 4

    def test_finest_supported_policy_is_scored(self):
        """The bounds themselves are accepted: 4 places and weights over 10^4."""
        share = Fraction(1, WEIGHT_DENOMINATOR_LIMIT)
        weights = p.Weights({"work": share, "behaviour": 1 - share})
        regime = Pp46Regime(
            rounding=p.Rounding(ROUNDING_PLACES_LIMIT, "half_even"), weights=weights
        )
        assert_rows_equal([one({}), one({p.Aspect.QUANTITY: ("7", "5")})], regime)


def one(pairs, *, kind=p.PositionKind.EXECUTOR, tasks=0, scopes=(), skip=None, score="80"):
    """An appraisal with one kegiatan (the *pairs* of aspect: (target, realisation))."""
    given_pairs = {p.Aspect.QUANTITY: ("12", "12"), p.Aspect.QUALITY: ("100", "90"),
                   p.Aspect.TIME: ("12", "12"), **pairs}  # fmt: skip
    indicators = [
        point(f"k1-{aspect.value}", aspect, Decimal(target), Decimal(realised))
        for aspect, (target, realised) in given_pairs.items()
    ]
    targets = [p.WorkTarget("k1", "Kegiatan", indicators), *(task(i) for i in range(tasks))]
    scores = {
        aspect.id: Decimal(score)
        for aspect in p.PP46_2011_BEHAVIOUR.aspects_for(kind)
        if aspect.id != skip
    }
    return build(0, kind, targets, scores, scopes)


# -- refusals --------------------------------------------------------------------------


def scalar_problems(appraisal):
    """The (path, error type) of every problem the scalar regime raises on *appraisal*."""
    with pytest.raises(ScoringInputError) as caught:
        Pp46Regime().score(appraisal)
    return [(problem.path, type(problem.error)) for problem in caught.value.problems]


def with_indicators(*indicators, kind=TargetKind.MAIN):
    """An appraisal with one work target of *indicators*."""
    appraisal = one({})
    target = p.WorkTarget("k1", "Kegiatan", list(indicators), kind)
    return attrs.evolve(appraisal, targets=[target])


QUANTITY = point("o", p.Aspect.QUANTITY, 12, 12)
QUALITY = point("k", p.Aspect.QUALITY, 100, 90)
TIME = point("w", p.Aspect.TIME, 12, 12)

REFUSED = {
    "aspect twice": with_indicators(QUANTITY, QUALITY, TIME, point("o2", p.Aspect.QUANTITY, 1, 1)),
    "range target": with_indicators(
        QUANTITY,
        p.Indicator(
            "k", "Mutu", p.Aspect.QUALITY, p.RangeTarget(80, 90), realisation=p.Realisation(85)
        ),
        TIME,
    ),
    "qualitative target": with_indicators(
        QUANTITY,
        p.Indicator(
            "k",
            "Mutu",
            p.Aspect.QUALITY,
            p.QualitativeTarget("Tanpa revisi"),
            realisation=p.Realisation(description="ok"),
        ),
        TIME,
    ),
    "direction": with_indicators(
        QUANTITY, QUALITY, point("w", p.Aspect.TIME, 12, 12, p.Direction.HIGHER_IS_BETTER)
    ),
    "no realisation": with_indicators(QUANTITY, QUALITY, point("w", p.Aspect.TIME, 12, None)),
    "no time indicator": with_indicators(QUANTITY, QUALITY),
    "no kegiatan": with_indicators(QUANTITY, QUALITY, TIME, kind=TargetKind.ADDITIONAL),
    "framework": attrs.evolve(one({}), framework=p.PP30_2019_BEHAVIOUR, ratings=[]),
    "kepemimpinan": attrs.evolve(
        one({}), ratings=[*one({}).ratings, p.Rating("atasan", "leadership", SCALE.id, score=80)]
    ),
    "off scale": attrs.evolve(
        one({}),
        scales=[SCALE, p.NumericScale("lebar", 0, 120)],
        ratings=[
            *one({}, skip="integrity").ratings,
            p.Rating("atasan", "integrity", "lebar", score=101),
        ],
    ),
    "two ratings": attrs.evolve(
        one({}),
        raters=[SUPERVISOR, PEER, p.Rater("atasan-2", p.RaterRole.SUPERVISOR, "e-atasan-2")],
        ratings=[*one({}).ratings, p.Rating("atasan-2", "integrity", SCALE.id, score=70)],
    ),
    "ordinal scale": attrs.evolve(
        one({}),
        scales=[SCALE, p.EXPECTATION_SCALE],
        ratings=[
            *one({}, skip="integrity").ratings,
            p.Rating("atasan", "integrity", "expectation", level="meets_expectations"),
        ],
    ),
}


class TestFromAppraisals:
    """from_appraisals reads what the scalar reads and refuses what it refuses, row by row."""

    @pytest.mark.parametrize("case", sorted(REFUSED))
    def test_refuses_what_the_scalar_refuses(self, case):
        """The same problems as the scalar's, each path naming the row."""
        bad = REFUSED[case]
        expected = [(f"$[1]{path[1:]}", kind) for path, kind in scalar_problems(bad)]
        assert expected
        with pytest.raises(ScoringInputError) as caught:
            Pp46Batch.from_appraisals([one({}), bad, one({})])
        found = [(problem.path, type(problem.error)) for problem in caught.value.problems]
        assert found == expected

    @pytest.mark.parametrize("case", sorted(REFUSED))
    def test_refuses_through_the_scalar_check(self, case):
        """A row's problems are check_appraisal's, messages included, under ``$[<row>]``."""
        bad = REFUSED[case]
        expected = [
            (f"$[1]{problem.path[1:]}", problem.message, type(problem.error), problem.error.field)
            for problem in check_appraisal(bad).problems
        ]
        with pytest.raises(ScoringInputError) as caught:
            Pp46Batch.from_appraisals([one({}), bad])
        actual = [
            (problem.path, problem.message, type(problem.error), problem.error.field)
            for problem in caught.value.problems
        ]
        assert expected == actual

    def test_slots_are_the_rules_aspects(self):
        """The kegiatan axis follows the public rule table's rows."""
        expected = tuple(row.aspect for row in PP46_2011_ACTIVITY_ASPECTS)
        assert expected == PP46_SLOTS

    def test_refuses_every_bad_row(self):
        """Problems of several rows are listed together."""
        bad = REFUSED["no time indicator"]
        with pytest.raises(ScoringInputError) as caught:
            Pp46Batch.from_appraisals([bad, one({}), bad])
        assert [problem.path[:4] for problem in caught.value.problems] == ["$[0]", "$[2]"]

    def test_each_indicator_takes_its_own_scale(self):
        """Scores are x 10^6 always; an indicator's numbers by the fewest places they need."""
        fine = one({p.Aspect.QUALITY: ("100", "90.5")}, score="80.125")
        batch = Pp46Batch.from_appraisals([one({}), fine])
        assert batch.places == 6
        assert batch.realisation[:, 0, 1].tolist() == [90, 905]
        assert batch.target[:, 0, 1].tolist() == [100, 1000]
        assert batch.target[:, 0, 0].tolist() == [12, 12]
        assert batch.behaviour[:, 0].tolist() == [80 * 10**6, 80125 * 10**3]

    def test_too_many_places_is_refused(self):
        """A realisation with more than 6 places is refused, not rounded."""
        appraisal = one({p.Aspect.QUALITY: ("100", "90.1234567")})
        with pytest.raises(InvalidInputError) as caught:
            Pp46Batch.from_appraisals([appraisal])
        (problem,) = caught.value.problems
        assert problem.path == "$.realisation[0, 0, 1]"
        assert isinstance(problem.error, InvalidNumberError)

    def test_value_bound(self):
        """An aspect value of 10^9 % is refused at its cell; just under it is scored exactly."""
        edge = VALUE_LIMIT // 100
        assert_rows_equal([one({p.Aspect.QUANTITY: ("1", str(edge - 1))})])
        with pytest.raises(InvalidInputError) as caught:
            Pp46Batch.from_appraisals([one({}), one({p.Aspect.QUANTITY: ("1", str(edge))})])
        assert [problem.path for problem in caught.value.problems] == ["$.realisation[1, 0, 0]"]

    def test_denominator_bound(self):
        """A kegiatan whose aspect values need a denominator above 10^14 is refused."""
        # 100 / 10^16 = 1 / 10^14: the bound itself is accepted and scored exactly
        fine = {p.Aspect.QUANTITY: (str(100 * DENOMINATOR_LIMIT), "1")}
        assert_rows_equal([one(fine)])
        # with a value over 7 as well, the common denominator is 7 x 10^14
        wide = {**fine, p.Aspect.QUALITY: ("7", "1")}
        with pytest.raises(InvalidInputError) as caught:
            Pp46Batch.from_appraisals([one(wide)])
        (problem,) = caught.value.problems
        assert problem.path == "$.target[0, 0]"
        assert "denominator" in problem.message


class TestPp46Batch:
    """The columns are checked before any work; errors name the column and row."""

    def columns(self, **changes):
        """The columns of two valid rows (the second structural, with cost), with *changes*."""
        cost = {p.Aspect.COST: ("100", "80")}
        batch = Pp46Batch.from_appraisals([one({}), one(cost, kind=p.PositionKind.ADMINISTRATOR)])
        return {
            **{field.name: getattr(batch, field.name) for field in attrs.fields(Pp46Batch)},
            **changes,
        }

    def refused(self, **changes):
        """The (path, error type) of every problem of the columns with *changes*."""
        with pytest.raises(InvalidInputError) as caught:
            Pp46Batch(**self.columns(**changes))
        return [(problem.path, type(problem.error)) for problem in caught.value.problems]

    def changed(self, name, index, value):
        """Column *name* with *value* at *index*."""
        column = self.columns()[name].copy()
        column[index] = value
        return {name: column}

    def test_valid_columns_score_as_the_appraisals(self):
        """Columns taken apart and put back together score as before."""
        batch = Pp46Batch(**self.columns())
        assert len(batch) == 2
        assert grades(score_pp46(batch).grade)[1] is not None

    def test_main_must_be_a_matrix(self):
        """The kegiatan mask sets the shape; anything else is refused, naming it."""
        assert self.refused(main=[[True]]) == [("$.main", InvalidValueError)]
        assert self.refused(main=np.ones(2, np.bool_)) == [("$.main", InvalidValueError)]

    def test_float_nan_column_is_refused(self):
        """A float realisation column with NaN is refused, naming the column."""
        realisation = np.full(self.columns()["realisation"].shape, np.nan)
        with pytest.raises(InvalidInputError) as caught:
            Pp46Batch(**self.columns(realisation=realisation))
        (problem,) = caught.value.problems
        assert problem.path == "$.realisation"
        assert "NaN" in problem.message

    def test_wrong_shape_and_places_are_refused(self):
        """A column of the wrong shape and a scale off 0-6 are refused, naming them."""
        assert self.refused(places=7, innovations=np.zeros((2, 2), np.int64)) == [
            ("$.places", InvalidValueError),
            ("$.innovations", InvalidValueError),
        ]

    def test_missing_required_indicator(self):
        """A kegiatan without a quality indicator is refused at its row and slot."""
        changes = self.changed("indicator", (1, 0, 1), False)
        assert self.refused(**changes) == [("$.indicator[1, 0, 1]", MissingValueError)]

    def test_optional_cost_may_be_absent(self):
        """Cost is optional: a kegiatan without it is accepted."""
        assert len(Pp46Batch(**self.columns(**self.changed("indicator", (1, 0, 3), False)))) == 2

    @pytest.mark.parametrize("value", [0, -5, INT64_LIMIT + 1])
    def test_target_out_of_range(self, value):
        """A target at or below 0, or beyond the int64 bound, is refused at its cell."""
        changes = self.changed("target", (1, 0, 2), value)
        assert self.refused(**changes) == [("$.target[1, 0, 2]", InvalidNumberError)]

    def test_missing_realisation_names_row(self):
        """An indicator without a realisation is refused: missing is never 0."""
        changes = self.changed("realised", (1, 0, 3), False)
        assert self.refused(**changes) == [("$.realised[1, 0, 3]", MissingValueError)]

    @pytest.mark.parametrize("value", [-1, INT64_LIMIT + 1])
    def test_realisation_out_of_range(self, value):
        """A realisation below 0 or beyond the int64 bound is refused at its cell."""
        changes = self.changed("realisation", (0, 0, 1), value)
        assert self.refused(**changes) == [("$.realisation[0, 0, 1]", InvalidNumberError)]

    def test_row_without_kegiatan(self):
        """A row with no kegiatan is refused: PP 46/2011 needs one."""
        changes = self.changed("main", (1, 0), False)
        assert self.refused(**changes) == [("$.main[1]", MissingValueError)]

    def test_too_many_kegiatan(self):
        """More than ACTIVITY_LIMIT kegiatan in a row is refused (their sum must fit)."""
        width = ACTIVITY_LIMIT + 1
        cells = (1, width, len(PP46_SLOTS))
        aspects = (1, len(PP46_ASPECTS))
        with pytest.raises(InvalidInputError) as caught:
            Pp46Batch(
                0, np.ones((1, width), np.bool_), np.ones(cells, np.bool_),
                np.ones(cells, np.int64), np.ones(cells, np.int64), np.ones(cells, np.bool_),
                np.zeros(1, np.int64), np.zeros((1, 3), np.int64), np.zeros(aspects, np.int64),
                np.ones(aspects, np.bool_), np.ones(aspects, np.bool_),
            )  # fmt: skip
        assert [problem.path for problem in caught.value.problems] == ["$.main[0]"]

    def test_negative_task_count(self):
        """A tugas tambahan count below 0 is refused at its row."""
        changes = self.changed("additional", 1, -1)
        assert self.refused(**changes) == [("$.additional[1]", InvalidNumberError)]

    @pytest.mark.parametrize("value", [-1, INNOVATION_LIMIT + 1])
    def test_innovation_count_out_of_range(self, value):
        """An innovation count below 0 or beyond its bound is refused at its row and scope."""
        changes = self.changed("innovations", (0, 2), value)
        assert self.refused(**changes) == [("$.innovations[0, 2]", InvalidNumberError)]

    @pytest.mark.parametrize("value", [-1, 101])
    def test_behaviour_off_scale_names_row(self, value):
        """A behaviour score outside 0-100 is refused at its row and aspect."""
        columns = self.columns()
        changes = self.changed("behaviour", (1, 5), value * 10 ** columns["places"])
        assert self.refused(**changes) == [("$.behaviour[1, 5]", OffScaleError)]

    def test_unrated_score_is_not_read(self):
        """A score where the aspect is not rated is never read (a gap, not a value)."""
        changes = {
            **self.changed("behaviour", (1, 5), 500),
            "rated": np.array([[True] * 5 + [False], [True] * 5 + [False]]),
        }
        scores = score_pp46(Pp46Batch(**self.columns(**changes)))
        assert scores.complete.tolist() == [True, False]
        assert int(scores.behaviour_aspect[1, 5]) == MISSING

    def test_no_aspect_applies(self):
        """A row where no behaviour aspect applies is refused."""
        applies = np.array([[True] * 5 + [False], [False] * 6])
        assert self.refused(applies=applies) == [("$.applies[1]", UnsupportedInputError)]

    def test_every_problem_is_listed(self):
        """Problems of several columns are listed together."""
        changes = {
            **self.changed("target", (0, 0, 0), 0),
            **self.changed("additional", 0, -1),
        }
        assert [path for path, _ in self.refused(**changes)] == [
            "$.target[0, 0, 0]",
            "$.additional[0]",
        ]
