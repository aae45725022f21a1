"""The PP 30/2019 batch engine: every row's score, grade and figures equal the scalar regime's."""

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
from penilaian.batch import GRADES, MISSING, NONE, grades
from penilaian.batch.pp30 import ASPECTS, Pp30Batch, score_pp30
from penilaian.exceptions import InvalidInputError, ScoringInputError
from penilaian.policy import PP30_2019_WITH_PEER_INPUT, PP30_2019_WITHOUT_PEER_INPUT
from penilaian.regimes.pp30_2019 import (
    PERMEN8_2021_IKI_POINTS as PERMEN8_2021_POINTS,
)
from penilaian.regimes.pp30_2019 import (
    PP30_2019_PREDIKAT,
    CategoryPoints,
    Pp30Regime,
    RencanaBand,
    RencanaBands,
)
from strategies.batch import PP30_SCALE, pp30_appraisals, pp30_populations

ROUNDINGS = (
    p.Rounding(), p.Rounding(1, "half_even"), p.Rounding(3, "down"), p.Rounding(0, "half_up"),
)  # fmt: skip
JPT = p.PositionKind.JPT_PRATAMA
EXECUTOR = p.PositionKind.EXECUTOR
FINE_POINTS = CategoryPoints(
    "test.points", "test [LOW]",
    {p.Grade.VERY_GOOD: Decimal("15.5"), p.Grade.GOOD: Decimal("12.25"), p.Grade.FAIR: Decimal(8),
     p.Grade.POOR: Decimal("2.5"), p.Grade.VERY_POOR: Decimal(0)},
)  # fmt: skip
"""Points with places, so sums fall between the default cut-offs."""
THIRDS = RencanaBands(
    "test.bands", "test [LOW]",
    (RencanaBand(p.Grade.VERY_GOOD, Fraction(350, 3), Fraction(13)),
     RencanaBand(p.Grade.GOOD, Fraction(100), Fraction(37, 3), inclusive=False),
     RencanaBand(p.Grade.FAIR, Fraction(75), Fraction(6)),
     RencanaBand(p.Grade.VERY_POOR, Fraction(0), None)),
)  # fmt: skip
"""Four bands, nilai in thirds (rounded by the regime), an exclusive middle cut-off."""
TABLES = (
    {},
    {"category_additional_points": None},
    {"iki_points": FINE_POINTS, "rencana_bands": THIRDS},
    {"iki_points": FINE_POINTS, "category_additional_points": FINE_POINTS},
)
"""The default category tables, no additional points, and custom ones."""
CUTS = tuple(Fraction(cut) for cut in PP30_2019_PREDIKAT.cuts)


def number(value, places):
    """A scaled integer as the Decimal it stands for (None for MISSING)."""
    return None if value == MISSING else Decimal(int(value)).scaleb(-places)


def batch_figures(appraisal, row, batch, scores):
    """The figures and ratings of one row, keyed as `Result.figures` and `Result.ratings`."""
    places, points = scores.places, scores.point_places
    table = bool(scores.interpolation[row])
    figures, ratings = {}, {}
    for t_index, target in enumerate(appraisal.targets):
        name = f"target[{target.id}]"
        figures[f"{name}.value"] = number(scores.target_value[row, t_index], places)
        if not table:
            figures[f"{name}.iki_points"] = number(scores.target_points[row, t_index], points)
            ratings[f"{name}.category"] = GRADES[scores.target_category[row, t_index]].value
            extra = scores.additional_points[row, t_index]
            if extra != MISSING:
                figures[f"{name}.points"] = number(extra, points)
        for i_index, item in enumerate(target.indicators):
            cell = (row, t_index, i_index)
            figures[f"indicator[{item.id}].achievement"] = Decimal(int(scores.achievement[cell]))
            if table:
                figures[f"indicator[{item.id}].value"] = number(
                    scores.indicator_value[cell], places
                )
            else:
                figures[f"indicator[{item.id}].points"] = number(
                    scores.indicator_points[cell], points
                )
            ratings[f"indicator[{item.id}].category"] = GRADES[scores.category[cell]].value
    figures.update({
        "main": number(scores.main_value[row], places),
        "additional": number(scores.additional[row], points),
        "skp": number(scores.skp[row], points),
    })  # fmt: skip
    for a_index, aspect in enumerate(ASPECTS):
        if batch.applies[row, a_index] and batch.rated[row, a_index]:
            figures[f"behaviour[{aspect}]"] = number(scores.aspect_value[row, a_index], places)
    if scores.complete[row]:
        figures["behaviour"] = number(scores.behaviour[row], places)
        figures["final"] = number(scores.final[row], places)
        peers = bool(scores.with_peer_input[row])
        weights = PP30_2019_WITH_PEER_INPUT if peers else PP30_2019_WITHOUT_PEER_INPUT
        figures["weight.work"] = Decimal(weights["work"].numerator) / weights["work"].denominator
        figures["weight.behaviour"] = (
            Decimal(weights["behaviour"].numerator) / weights["behaviour"].denominator
        )
        ratings["weighting"] = "with_peer_input" if peers else "without_peer_input"
        ratings["band"] = GRADES[scores.band[row]].value
    return figures, ratings


def assert_rows_equal(population, regime=None):
    """Score *population* both ways and compare score, grade, figures and ratings row by row."""
    regime = regime or Pp30Regime()
    batch = Pp30Batch.from_appraisals(population)
    scores = score_pp30(batch, regime)
    found = grades(scores.grade)
    for row, appraisal in enumerate(population):
        result = regime.score(appraisal, trace=False)
        figures, ratings = batch_figures(appraisal, row, batch, scores)
        final = number(scores.final[row], scores.places)
        assert (result.score, result.grade) == (final, found[row])
        assert dict(result.figures) == figures
        assert dict(result.ratings) == ratings
    return scores


@st.composite
def at_a_cut(draw):
    """An appraisal whose final value lands on a predikat cut or 0.01 under it."""
    appraisal = draw(pp30_appraisals())
    kind = appraisal.position.kind
    ratings = [r for r in appraisal.ratings if r.rater_id != "atasan"]
    scored = attrs.evolve(appraisal, ratings=[
        *ratings,
        *(p.Rating("atasan", a.id, PP30_SCALE.id, score=100)
          for a in p.PP30_2019_BEHAVIOUR.aspects_for(kind)),
    ])  # fmt: skip
    result = Pp30Regime().score(scored, trace=False)
    skp = Fraction(result.figures["skp"])
    work, behaviour = (
        Fraction(result.figures["weight.work"]),
        Fraction(result.figures["weight.behaviour"]),
    )
    final = draw(st.sampled_from(CUTS)) - draw(st.sampled_from((0, Fraction(1, 100))))
    # behaviour B (2 places) with work x skp + behaviour x B within half a cent above final - 0.005
    lowest = (final - Fraction(1, 200) - work * skp) / behaviour
    needed = Fraction(math.ceil(lowest * 100), 100)
    assume(0 <= needed <= 120)
    score = Decimal(needed.numerator) / needed.denominator
    given_scores = [
        p.Rating("atasan", a.id, PP30_SCALE.id, score=score)
        for a in p.PP30_2019_BEHAVIOUR.aspects_for(kind)
    ]
    return attrs.evolve(appraisal, ratings=[*ratings, *given_scores]), final


@st.composite
def pp30_regimes(draw):
    """A regime with any fair label, peer-input policy, rounding, route and category tables."""
    return Pp30Regime(
        fair_label=draw(st.sampled_from((p.Grade.FAIR, p.Grade.NEEDS_IMPROVEMENT))),
        peer_input=draw(st.sampled_from(("infer", "used", "not_used"))),
        rounding=draw(st.sampled_from(ROUNDINGS)),
        route=draw(st.sampled_from(("auto", "interpolation", "category"))),
        **draw(st.sampled_from(TABLES)),
    )


class TestScorePp30:
    """score_pp30 gives every row the scalar regime's score, grade and figures."""

    @given(population=pp30_populations())
    def test_equals_scalar_path(self, population):
        """On populations at every table and rounding edge, batch == scalar for every figure."""
        assert_rows_equal(population)

    @given(population=pp30_populations(max_size=4), regime=pp30_regimes())
    def test_equals_scalar_path_for_every_policy(self, population, regime):
        """Fair label, peer input, rounding, route and category tables are honoured as in scalar."""
        assert_rows_equal(population, regime)

    @given(case=at_a_cut())
    def test_final_at_band_cuts(self, case):
        """A final value at each predikat cut, or 0.01 under it, is graded as the scalar does."""
        appraisal, final = case
        scores = assert_rows_equal([appraisal])
        assert Fraction(number(scores.final[0], 2)) == final

    @pytest.mark.parametrize(
        ("realised", "capaian", "value", "category"),
        [
            ("59.49", 59, "49.00", p.Grade.VERY_POOR),  # 59.49 % rounds down: 59/59 x 49
            ("59.5", 60, "50.00", p.Grade.POOR),  # a half rounds up to the Kurang cut
            ("79.5", 80, "70.00", p.Grade.FAIR),
            ("99.5", 100, "109.00", p.Grade.GOOD),
            ("100.5", 101, "110.00", p.Grade.VERY_GOOD),
            ("105", 105, "114.44", p.Grade.VERY_GOOD),  # 110 + 40/9, rounded half up
            ("110", 110, "120.00", p.Grade.VERY_GOOD),
            ("150", 150, "120.00", p.Grade.VERY_GOOD),
        ],
    )
    def test_conversion_edges(self, realised, capaian, value, category):
        """PermenPANRB 8/2021 Bab VI.A: the whole-percent capaian and its nilai at each cut."""
        scores = assert_rows_equal([one(realised, kind=JPT)])
        assert bool(scores.interpolation[0])
        assert int(scores.achievement[0, 0, 0]) == capaian
        assert number(scores.indicator_value[0, 0, 0], 2) == Decimal(value)
        assert GRADES[scores.category[0, 0, 0]] is category

    def test_maximum_target(self):
        """PermenPANRB 8/2021: 100 % of a target already at its maximum is worth 120."""
        scores = assert_rows_equal([one("100", maximum=True, kind=JPT), one("100", kind=JPT)])
        assert [Decimal(120), Decimal(109)] == [
            number(v, 2) for v in scores.indicator_value[:, 0, 0]
        ]

    def test_lower_is_better_over_twice_the_target(self):
        """Kondisi khusus beyond twice the target: capaian under 0 %, nilai 0."""
        scores = assert_rows_equal([one("205", lower=True, kind=JPT)])
        assert int(scores.achievement[0, 0, 0]) == -5
        assert number(scores.indicator_value[0, 0, 0], 2) == 0

    @pytest.mark.parametrize(
        ("innovation", "grade"), [(True, p.Grade.VERY_GOOD), (False, p.Grade.GOOD)]
    )
    def test_innovation_condition(self, innovation, grade):
        """PP 30/2019 Pasal 41(5) huruf a: 110 and above is Sangat Baik only with an innovation."""
        appraisal = one("101", behaviour=110, innovation=innovation, kind=JPT)
        scores = assert_rows_equal([appraisal])
        assert number(scores.final[0], 2) == 110
        assert [grade] == grades(scores.grade)

    def test_cap(self):
        """PP 30/2019: the nilai kinerja is capped at 120."""
        scores = assert_rows_equal([one("150", behaviour=120, kind=JPT), one("150", behaviour=120)])
        assert [number(v, 2) for v in scores.final] == [120, 120]

    def test_gap_is_no_score(self):
        """An aspect without a rating gives no score and no grade, never a 0."""
        scores = assert_rows_equal([one("100", skip="commitment")])
        assert (bool(scores.complete[0]), int(scores.final[0]), int(scores.grade[0])) == (
            False,
            MISSING,
            NONE,
        )

    def test_refuses_unsupported_regime(self):
        """Continuous capaian is refused, not approximated."""
        batch = Pp30Batch.from_appraisals([one("100")])
        with pytest.raises(ScoringInputError) as caught:
            score_pp30(batch, Pp30Regime(achievement_rounding="continuous"))
        assert [problem.path for problem in caught.value.problems] == [
            "$.regime.achievement_rounding"
        ]


class TestCategoryRoute:
    """PermenPANRB 8/2021 Bab VI.A.2 for pejabat administrasi and fungsional, in columns."""

    def test_worked_example(self):
        """Three IKIs at exactly 100 %: 3 x 13 = 39 points give 100; the table gives 109."""
        rows = [one("100", more=("100", "100")), one("100", more=("100", "100"), kind=JPT)]
        scores = assert_rows_equal(rows)
        assert [bool(v) for v in scores.interpolation] == [False, True]
        assert [number(v, 2) for v in scores.target_value[:, 0]] == [100, 109]
        assert number(scores.target_points[0, 0], scores.point_places) == 39
        assert GRADES[scores.target_category[0, 0]] is p.Grade.GOOD
        assert [number(v, scores.point_places) for v in scores.indicator_points[0, 0]] == [13] * 3
        assert scores.indicator_value[0, 0, 0] == MISSING
        assert scores.indicator_points[1, 0, 0] == MISSING

    @pytest.mark.parametrize(
        ("realised", "points", "value", "category"),
        [
            (("101", "101", "100"), 45, 120, p.Grade.VERY_GOOD),
            (("101", "100", "100"), 42, 100, p.Grade.GOOD),  # 42 is not above 42
            (("100", "100", "80"), 34, 100, p.Grade.GOOD),  # 34 is at the Baik cut-off
            (("101", "101", "59"), 33, 80, p.Grade.FAIR),
            (("80", "80", "60"), 19, 80, p.Grade.FAIR),  # 19 is at the Cukup cut-off
            (("101", "59", "59"), 18, 60, p.Grade.POOR),
            (("60", "60", "59"), 7, 60, p.Grade.POOR),  # 7 is at the Kurang cut-off
            (("60", "59", "59"), 5, 25, p.Grade.VERY_POOR),
            (("101",), 16, 120, p.Grade.VERY_GOOD),  # one IKI keeps its own category
            (("59.5",), 3, 60, p.Grade.POOR),
            (("59.49",), 1, 25, p.Grade.VERY_POOR),
        ],
    )
    def test_cut_offs(self, realised, points, value, category):
        """A rencana's summed points at each cut-off (x n IKIs) and beside it."""
        first, *more = realised
        scores = assert_rows_equal([one(first, more=more)])
        assert number(scores.target_points[0, 0], scores.point_places) == points
        assert number(scores.target_value[0, 0], 2) == value
        assert GRADES[scores.target_category[0, 0]] is category

    @pytest.mark.parametrize(("route", "values"), [("interpolation", [109, 109]),
                                                   ("category", [100, 100])])  # fmt: skip
    def test_route_override(self, route, values):
        """``route`` scores every post by one route, whatever its kind."""
        rows = [one("100", more=("100",)), one("100", more=("100",), kind=JPT)]
        scores = assert_rows_equal(rows, Pp30Regime(route=route))
        assert [number(v, 2) for v in scores.target_value[:, 0]] == values

    def test_additional_work_adds_its_category_points(self):
        """Kinerja tambahan at Sangat Baik adds 2.4: SKP 102.4, final 0.7 x 102.4 + 30."""
        extra = p.WorkTarget(
            "rk-2", "Tambahan",
            [p.Indicator("iki-9", "Tambahan", "quantity", p.PointTarget(10),
                         realisation=p.Realisation(11))],
            "additional",
        )  # fmt: skip
        base = one("100", more=("100", "100"))
        row = attrs.evolve(base, targets=[*base.targets, extra])
        for rounding, final in ((p.Rounding(), "101.68"), (p.Rounding(0), "102")):
            scores = assert_rows_equal([row], Pp30Regime(rounding=rounding))
            assert number(scores.skp[0], scores.point_places) == Decimal("102.4")
            assert number(scores.additional_points[0, 1], scores.point_places) == Decimal("2.4")
            assert number(scores.final[0], rounding.places) == Decimal(final)

    def test_refuses_tables_beyond_its_integers(self):
        """Points with 7 places or a nilai above 10^6 are refused at the regime's field."""
        fine = CategoryPoints(
            "fine", "test", {**dict(PERMEN8_2021_POINTS.rows), p.Grade.GOOD: Decimal("13.0000001")}
        )
        huge = RencanaBands("huge", "test", (RencanaBand(p.Grade.GOOD, Fraction(10**7), None),))
        regime = Pp30Regime(iki_points=fine, rencana_bands=huge)
        with pytest.raises(ScoringInputError) as caught:
            score_pp30(Pp30Batch.from_appraisals([one("100")]), regime)
        assert [problem.path for problem in caught.value.problems] == [
            "$.regime.iki_points",
            "$.regime.rencana_bands",
        ]


def one(
    realised, *, maximum=False, lower=False, behaviour=100, innovation=False, skip=None,
    kind=EXECUTOR, more=(),
):  # fmt: skip
    """
    An appraisal with one indicator (point target 100) and the supervisor's scores.

    The post is a pelaksana (the category route) unless *kind* says otherwise; *more*
    gives the realisations of further indicators of the same work target.
    """
    items = [
        p.Indicator(
            f"iki-{number}", "Indikator", "quantity", p.PointTarget(100),
            p.Direction.LOWER_IS_BETTER if lower else p.Direction.HIGHER_IS_BETTER,
            realisation=p.Realisation(value), target_is_maximum=maximum,
        )
        for number, value in enumerate((realised, *more), 1)
    ]  # fmt: skip
    ratings = [
        p.Rating("atasan", aspect.id, PP30_SCALE.id, score=behaviour)
        for aspect in p.PP30_2019_BEHAVIOUR.aspects_for(kind)
        if aspect.id != skip
    ]
    return p.Appraisal(
        "skp-1", p.Employee("e-1", "Budi"), p.Position("Pelaksana", kind),
        p.Period.semester(2021, 2), p.PP30_2019_BEHAVIOUR,
        [p.WorkTarget("rk-1", "Rencana", items)],
        raters=[p.Rater("atasan", "supervisor", "e-2")], scales=[PP30_SCALE], ratings=ratings,
        innovations=[p.Innovation("Aplikasi", "organisation")] if innovation else [],
    )  # fmt: skip


class TestPp30Batch:
    """The columns are checked before any work; errors name the column and row."""

    def columns(self, **changes):
        """The columns of two valid rows, with *changes*."""
        batch = Pp30Batch.from_appraisals([one("90"), one("120")])
        return {
            **{field.name: getattr(batch, field.name) for field in attrs.fields(Pp30Batch)},
            **changes,
        }

    def test_missing_realisation_names_row(self):
        """An indicator without a realisation is refused: missing is never 0."""
        realised = np.array([[[True]], [[False]]])
        with pytest.raises(InvalidInputError) as caught:
            Pp30Batch(**self.columns(realised=realised))
        (problem,) = caught.value.problems
        assert problem.path == "$.realised[1, 0, 0]"
        assert isinstance(problem.error, p.exceptions.MissingValueError)

    def test_float_nan_column_is_refused(self):
        """A float realisation column with NaN is refused, naming the column."""
        with pytest.raises(InvalidInputError) as caught:
            Pp30Batch(**self.columns(realisation=np.array([[[90.0]], [[np.nan]]])))
        (problem,) = caught.value.problems
        assert problem.path == "$.realisation"
        assert "NaN" in problem.message

    def test_behaviour_off_scale_names_row(self):
        """A behaviour score above 120 is refused at its row and aspect."""
        columns = self.columns()
        behaviour = columns["behaviour"].copy()
        behaviour[1, 0] = 121 * 10 ** columns["places"]
        with pytest.raises(InvalidInputError) as caught:
            Pp30Batch(**{**columns, "behaviour": behaviour})
        assert [problem.path for problem in caught.value.problems] == ["$.behaviour[1, 0]"]

    def test_rows_without_main_work_or_aspects_name_the_row(self):
        """A row with no main target or no applicable aspect is one typed problem at that row."""
        columns = self.columns()
        main, applies = columns["main"].copy(), columns["applies"].copy()
        main[1], applies[0] = False, False
        with pytest.raises(InvalidInputError) as caught:
            Pp30Batch(**{**columns, "main": main, "applies": applies})
        found = {problem.path: type(problem.error) for problem in caught.value.problems}
        assert found == {
            "$.main[1]": p.exceptions.MissingValueError,
            "$.applies[0]": p.exceptions.UnsupportedInputError,
        }

    def test_route_column_is_checked(self):
        """The ``interpolation`` column (the post's route under auto) is checked like any."""
        with pytest.raises(InvalidInputError) as caught:
            Pp30Batch(**self.columns(interpolation=np.array([1, 0], np.int8)))
        assert [problem.path for problem in caught.value.problems] == ["$.interpolation"]

    def test_route_column_follows_the_post(self):
        """The reader sets ``interpolation`` by `skp_route` of each post's kind."""
        batch = Pp30Batch.from_appraisals([one("90", kind=JPT), one("90")])
        assert batch.interpolation.tolist() == [True, False]

    def test_wrong_shape_is_refused(self):
        """A mask of the wrong shape is refused, naming it."""
        with pytest.raises(InvalidInputError) as caught:
            Pp30Batch(**self.columns(main=np.array([True, True])))
        assert [problem.path for problem in caught.value.problems] == ["$.main"]

    def test_qualitative_target_names_row(self):
        """A qualitative target cannot be scored under pp30_2019; its row is named."""
        item = p.Indicator("iki-q", "Mutu", "quality", p.QualitativeTarget("Tanpa revisi"),
                           realisation=p.Realisation(description="ok"))  # fmt: skip
        bad = attrs.evolve(one("90"), targets=[p.WorkTarget("rk-1", "Rencana", [item])])
        with pytest.raises(ScoringInputError) as caught:
            Pp30Batch.from_appraisals([one("90"), bad])
        assert [pr.path for pr in caught.value.problems] == ["$[1].targets[0].indicators[0].target"]

    def test_each_indicator_takes_its_own_scale(self):
        """Scores are x 10^6 always; an indicator's numbers by the fewest places they need."""
        batch = Pp30Batch.from_appraisals([one("90"), one("90.125", behaviour=Decimal("99.5"))])
        assert batch.places == 6
        assert batch.realisation[:, 0, 0].tolist() == [90, 90125]
        assert batch.target_low[:, 0, 0].tolist() == [100, 100000]
        assert batch.behaviour[:, 0].tolist() == [100 * 10**6, 995 * 10**5]

    def test_too_many_places_is_refused(self):
        """A realisation with more than 6 places is refused, not rounded."""
        with pytest.raises(InvalidInputError) as caught:
            Pp30Batch.from_appraisals([one("90.1234567")])
        assert [problem.path for problem in caught.value.problems] == ["$.realisation[0, 0, 0]"]
