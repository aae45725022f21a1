"""
PermenPANRB 8/2021 Bab VI.A.2, the category route, compared whole.

Every step of the route is compared with the figures it explains; every refusal of the
route's tables and rules with its field, value and reason; each table's validation at
its edges; and the rule functions are shown to read the tables they are given.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest

import penilaian as p
from penilaian.exceptions import InvalidValueError, MissingValueError, PenilaianError
from penilaian.model import TargetKind
from penilaian.regimes.pp30_2019 import (
    PERMEN8_2021_ADDITIONAL_POINTS,
    PERMEN8_2021_IKI_POINTS,
    PERMEN8_2021_RENCANA_BANDS,
    CategoryPoints,
    Pp30Regime,
    RencanaBand,
    RencanaBands,
    rules,
)

G = p.Grade
D = Decimal
F = Fraction
SCALE = p.NumericScale("nilai", 0, 120)
ROWS = {G.VERY_GOOD: D(16), G.GOOD: D(13), G.FAIR: D(8), G.POOR: D(3), G.VERY_POOR: D(1)}
EVERY = "must give points for each of very_good, good, fair, poor, very_poor once"
FINITE = "points must be finite Decimals, 0 or more"
NEEDS_ONE = "a rencana kinerja needs at least one IKI"


def refusal(call, *args, **kwargs):
    """The error *call* raises, as (type, field, value, reason)."""
    with pytest.raises(PenilaianError) as caught:
        call(*args, **kwargs)
    error = caught.value
    return type(error), error.field, error.value, error.reason


def work_target(target_id, *capaian, kind=TargetKind.MAIN):
    """A work target with one indicator per capaian (percent of a point target of 100)."""
    indicators = [
        p.Indicator(f"{target_id}.{index}", "Indikator", p.Aspect.QUANTITY, p.PointTarget(100),
                    realisation=p.Realisation(value))
        for index, value in enumerate(capaian)
    ]  # fmt: skip
    return p.WorkTarget(target_id, f"Rencana {target_id}", indicators, kind=kind)


def appraisal(targets, position=None):
    """An appraisal of *targets* for a pelaksana (by default), every aspect rated 100."""
    framework = p.PP30_2019_BEHAVIOUR
    position = position or p.Position("Analis", p.PositionKind.EXECUTOR)
    return p.Appraisal(
        "skp-2021-2",
        p.Employee("e-1", "Siti"),
        position,
        p.Period.semester(2021, 2),
        framework,
        targets,
        raters=[p.Rater("atasan", p.RaterRole.SUPERVISOR, "e-atasan")],
        scales=[SCALE],
        ratings=[
            p.Rating("atasan", aspect.id, SCALE.id, score=100)
            for aspect in framework.aspects_for(position.kind)
        ],
    )


# Main a: 105 %, 100 %, 90 % (16 + 13 + 8 = 37 >= 34: Baik, 100); main b: 70 % (3 >= 7/3:
# Kurang, 60); additional x: 30 % (1: Sangat Kurang, 0.1); additional y: 100 % (Baik, 1.6).
TARGETS = [
    work_target("a", 105, 100, 90),
    work_target("b", 70),
    work_target("x", 30, kind=TargetKind.ADDITIONAL),
    work_target("y", 100, kind=TargetKind.ADDITIONAL),
]


def category_steps(result):
    """The route's own steps, depth first, as (rule, subject, output, inputs, children's rules)."""
    return [
        (s.rule.id, s.subject, s.output, dict(s.inputs), [c.rule.id for c in s.children])
        for s in result.trace.walk()
        if s.rule.id.startswith(("pp30.category", "pp30.route"))
    ]


def rencana_inputs(points, count, category, cut):
    """The inputs of a rencana step read against the default bands."""
    return {
        "points": points, "indicators": count, "category": category, "cut_off_per_iki": cut,
        "inclusive": "True", "table": "permen8_2021.rencana_bands",
    }  # fmt: skip


def iki(name, points, category):
    """An IKI-points step over its capaian."""
    inputs = {"category": category, "table": "permen8_2021.iki_points"}
    return ("pp30.category.iki_points", name, points, inputs, ["pp30.achievement.integer_percent"])


class TestTraceWhole:
    """Each step of the category route, with the figures it explains."""

    def test_steps(self):
        """Route, rencana, IKI points and additional work: outputs, subjects and inputs."""
        result = Pp30Regime().score(appraisal(TARGETS))
        three = ["pp30.category.iki_points"] * 3
        one = ["pp30.category.iki_points"]
        assert category_steps(result) == [
            ("pp30.route.category", None, "category",
             {"chosen": "automatic", "position_kind": "executor"}, []),
            ("pp30.category.rencana", "a", "100", rencana_inputs("37", "3", "good", "34/3"), three),
            iki("a.0", "16", "very_good"),
            iki("a.1", "13", "good"),
            iki("a.2", "8", "fair"),
            ("pp30.category.rencana", "b", "60", rencana_inputs("3", "1", "poor", "7/3"), one),
            iki("b.0", "3", "poor"),
            ("pp30.category.additional", None, "1.7",
             {"table": "permen8_2021.additional_points", "points[x]": "0.1", "points[y]": "1.6"},
             ["pp30.rounding", "pp30.rounding"]),
            ("pp30.category.rencana", "x", "25",
             rencana_inputs("1", "1", "very_poor", "(missing)"), one),
            iki("x.0", "1", "very_poor"),
            ("pp30.category.rencana", "y", "100", rencana_inputs("13", "1", "good", "34/3"), one),
            iki("y.0", "13", "good"),
        ]  # fmt: skip

    def test_rencana_rounded_under_its_subject(self):
        """Each rencana's value is written (2 places) by a rounding step naming the rencana."""
        result = Pp30Regime().score(appraisal(TARGETS))
        rounded = [
            (s.rule.id, s.subject, s.output, s.children[0].output)
            for s in result.trace.walk()
            if s.children and s.children[0].rule.id == "pp30.category.rencana"
        ]
        assert rounded == [
            ("pp30.rounding", "a", "100.00", "100"),
            ("pp30.rounding", "b", "60.00", "60"),
            ("pp30.rounding", "x", "25.00", "25"),
            ("pp30.rounding", "y", "100.00", "100"),
        ]
        assert [result.figures[f"target[{t}].value"] for t in "abxy"] == [
            D("100.00"), D("60.00"), D("25.00"), D("100.00"),
        ]  # fmt: skip

    def test_figures(self):
        """The figures the steps explain: mean of 100 and 60 is 80, plus 1.7 is 81.7."""
        result = Pp30Regime().score(appraisal(TARGETS))
        figures = result.figures
        assert [figures[f"indicator[a.{i}].points"] for i in range(3)] == [16, 13, 8]
        assert (figures["target[a].iki_points"], figures["target[b].iki_points"]) == (37, 3)
        assert (figures["target[x].points"], figures["target[y].points"]) == (D("0.1"), D("1.6"))
        assert (figures["main"], figures["additional"], figures["skp"]) == (80, D("1.7"), D("81.7"))
        # 0.7 x 81.7 + 0.3 x 100 = 87.19
        assert figures["final"] == D("87.19")
        assert [result.ratings[f"target[{t}].category"] for t in "abxy"] == [
            "good", "poor", "very_poor", "good",
        ]  # fmt: skip

    def test_route_chosen_by_the_caller(self):
        """An override is named; a pimpinan unit kerja mandiri is named with its reason."""
        position = p.Position(
            "Kepala",
            p.PositionKind.ADMINISTRATOR,
            unit_id="u-1",
            leads_unit=True,
            leads_independent_unit=True,
        )
        result = Pp30Regime(route="category").score(appraisal(TARGETS[:1], position))
        assert category_steps(result)[0] == (
            "pp30.route.category", None, "category",
            {"chosen": "override", "position_kind": "administrator",
             "leads_independent_unit": "True"}, [],
        )  # fmt: skip

    def test_tables_of_ones_own(self):
        """The regime's own tables are read, and named: 100 % is 20 points, > 14: Sangat Baik."""
        points = CategoryPoints("own.points", "x", {**ROWS, G.GOOD: D(20)})
        extra = CategoryPoints("own.extra", "x", {**ROWS, G.VERY_GOOD: D(5)})
        regime = Pp30Regime(iki_points=points, category_additional_points=extra)
        result = regime.score(appraisal([work_target("a", 100), TARGETS[3]]))
        steps = category_steps(result)
        assert steps[2][2:4] == ("20", {"category": "good", "table": "own.points"})
        assert steps[3][2:4] == ("5", {"table": "own.extra", "points[y]": "5"})
        assert result.figures["additional"] == 5


class TestPointsTable:
    """`CategoryPoints`: each IKI category once, points finite Decimals of 0 or more."""

    @pytest.mark.parametrize("rows", [5, [(G.GOOD,)], [(G.GOOD, D(1), D(2))]])
    def test_not_pairs(self, rows):
        """Rows that are not category-points pairs."""
        assert refusal(CategoryPoints, "t", "x", rows) == (
            InvalidValueError, "rows", rows, "must map each IKI category to points",
        )  # fmt: skip

    def test_each_category_once(self):
        """A category missing, repeated (five rows) or given twice (six rows)."""
        four = {g: v for g, v in ROWS.items() if g is not G.POOR}
        repeated = [*four.items(), (G.GOOD, D(13))]
        six = [*ROWS.items(), (G.GOOD, D(13))]
        for rows in (four, repeated, six):
            assert refusal(CategoryPoints, "t", "x", rows) == (
                InvalidValueError, "rows", rows, EVERY,
            )  # fmt: skip

    @pytest.mark.parametrize("bad", [D(-1), D("NaN"), D("Infinity"), 13, F(13)])
    def test_points(self, bad):
        """Negative, not finite or not a Decimal: refused at the category."""
        rows = {**ROWS, G.FAIR: bad}
        assert refusal(CategoryPoints, "t", "x", rows) == (
            InvalidValueError, "rows[fair]", bad, FINITE,
        )  # fmt: skip

    def test_small_points_accepted(self):
        """0 and a fraction of a point are points."""
        table = CategoryPoints("t", "x", {**ROWS, G.VERY_POOR: D(0), G.POOR: D("0.5")})
        assert (table.of(G.VERY_POOR), table.of(G.POOR)) == (0, D("0.5"))

    @pytest.mark.parametrize(("category", "shown"), [(G.NEEDS_IMPROVEMENT, "needs_improvement"),
                                                      ("good", "good")])  # fmt: skip
    def test_of_refuses_other_grades(self, category, shown):
        """Only an IKI category has points; the value is named as text."""
        reason = "must be an IKI category: very_good, good, fair, poor or very_poor"
        assert refusal(PERMEN8_2021_IKI_POINTS.of, category) == (
            InvalidValueError, "category", shown, reason,
        )  # fmt: skip


def band(category, value, per_iki, *, inclusive=True):
    """A rencana band."""
    return RencanaBand(category, F(value), per_iki, inclusive)


class TestBandsTable:
    """`RencanaBands`: a non-empty tuple, the floor last, cut-offs falling strictly."""

    @pytest.mark.parametrize("bands", [(), [band(G.GOOD, 100, None)], (band(G.GOOD, 100, None), 1)])
    def test_shape(self, bands):
        """Bands are a non-empty tuple of RencanaBand."""
        assert refusal(RencanaBands, "t", "x", bands) == (
            InvalidValueError, "bands", bands, "must be a non-empty tuple of RencanaBand",
        )  # fmt: skip

    def test_floor_last(self):
        """Only the last band has no cut-off."""
        for bands in (
            (band(G.GOOD, 100, F(10)),),
            (band(G.GOOD, 100, None), band(G.POOR, 60, None)),
        ):
            assert refusal(RencanaBands, "t", "x", bands) == (
                InvalidValueError, "bands", bands, "only the last band has no cut-off (the floor)",
            )  # fmt: skip

    def test_cut_offs_fall_strictly(self):
        """Equal inclusive cut-offs, or '>=' then '>' at one cut-off, do not fall."""
        floor = band(G.VERY_POOR, 25, None)
        for first, second in (
            (band(G.VERY_GOOD, 120, F(10)), band(G.GOOD, 100, F(10))),
            (band(G.VERY_GOOD, 120, F(10)), band(G.GOOD, 100, F(10), inclusive=False)),
            (band(G.VERY_GOOD, 120, F(9)), band(G.GOOD, 100, F(10))),
        ):
            bands = (first, second, floor)
            assert refusal(RencanaBands, "t", "x", bands) == (
                InvalidValueError, "bands", bands, "cut-offs must fall strictly, best band first",
            )  # fmt: skip

    def test_above_then_from_one_cut_off(self):
        """'>' then '>=' at one cut-off falls: exactly at it is the second band."""
        above = band(G.VERY_GOOD, 120, F(10), inclusive=False)
        table = RencanaBands("t", "x", (above, band(G.GOOD, 100, F(10)), band(G.POOR, 60, None)))
        assert [table.band_of(F(total), 1).value for total in (11, 10, 9)] == [120, 100, 60]

    def test_count(self):
        """A rencana needs an IKI."""
        assert refusal(PERMEN8_2021_RENCANA_BANDS.band_of, F(10), 0) == (
            MissingValueError, "count", 0, NEEDS_ONE,
        )  # fmt: skip

    def test_default_bands(self):
        """The default table as documented: > 14, >= 34/3, >= 19/3, >= 7/3 per IKI, then 25."""
        shown = [
            (b.category, b.value, b.per_iki, b.inclusive) for b in PERMEN8_2021_RENCANA_BANDS.bands
        ]
        assert shown == [
            (G.VERY_GOOD, 120, 14, False),
            (G.GOOD, 100, F(34, 3), True),
            (G.FAIR, 80, F(19, 3), True),
            (G.POOR, 60, F(7, 3), True),
            (G.VERY_POOR, 25, None, True),
        ]


class TestRules:
    """The route's rule functions: refusals whole, and the tables given are read."""

    def test_rencana_band_refusals(self):
        """No points, or points below 0 (named at their index)."""
        assert refusal(rules.rencana_band, []) == (MissingValueError, "points", [], NEEDS_ONE)
        assert refusal(rules.rencana_band, [D(13), D(-1)]) == (
            InvalidValueError, "points[1]", D(-1), "must be 0 or more",
        )  # fmt: skip

    def test_rencana_value_reads_its_tables(self):
        """Own points and own bands are both read."""
        points = CategoryPoints("t", "x", {**ROWS, G.GOOD: D(50)})
        assert rules.rencana_value([G.GOOD], points=points) == 120
        bands = RencanaBands("t", "x", (band(G.VERY_GOOD, 110, F(12)), band(G.POOR, 50, None)))
        assert rules.rencana_value([G.GOOD], bands=bands) == 110
        assert rules.rencana_value([G.FAIR], bands=bands) == 50

    def test_additional_points_is_a_decimal(self):
        """No additional rencana adds a Decimal 0; some add their points' sum."""
        nothing = rules.additional_category_points([])
        assert (type(nothing), nothing) == (Decimal, 0)
        both = rules.additional_category_points([G.GOOD, G.VERY_GOOD])
        assert both == D("4.0") == PERMEN8_2021_ADDITIONAL_POINTS.of(G.GOOD) + D("2.4")

    def test_iki_category_at_maximum(self):
        """100 % of a target already at its best is Sangat Baik; otherwise Baik."""
        assert rules.iki_category(100, at_maximum=True) is G.VERY_GOOD
        assert rules.iki_category(100) is G.GOOD

    def test_iki_achievement_of_a_range(self):
        """A range target given as a pair: inside 100 %, above and below against its bounds."""
        assert rules.iki_achievement(8, (7, 9)) == 100
        assert rules.iki_achievement(10, (7, 9)) == F(1000, 9)
        assert rules.iki_achievement(6, (7, 9)) == F(600, 7)
