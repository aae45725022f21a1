"""PermenPANRB 8/2021 Bab VI.A.2: the category route of pejabat administrasi and fungsional."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import penilaian as p
from penilaian.exceptions import InvalidValueError, MissingValueError
from penilaian.model import PositionGroup, TargetKind
from penilaian.regimes.pp30_2019 import (
    IKI_CATEGORIES,
    PERMEN8_2021_ADDITIONAL_POINTS,
    PERMEN8_2021_IKI_POINTS,
    PERMEN8_2021_RENCANA_BANDS,
    CategoryPoints,
    Pp30Regime,
    RencanaBand,
    RencanaBands,
    rules,
)

SCALE = p.NumericScale("nilai", 0, 120)
G = p.Grade
POINTS = {G.VERY_GOOD: 16, G.GOOD: 13, G.FAIR: 8, G.POOR: 3, G.VERY_POOR: 1}
# A whole percent of capaian for each category (the interpolation table's cuts).
CAPAIAN = {G.VERY_GOOD: 105, G.GOOD: 100, G.FAIR: 90, G.POOR: 70, G.VERY_POOR: 30}


def work_target(target_id, *capaian, kind=TargetKind.MAIN):
    """A work target with one indicator per capaian (percent of a point target of 100)."""
    indicators = [
        p.Indicator(
            f"{target_id}.{index}",
            "Indikator",
            p.Aspect.QUANTITY,
            p.PointTarget(100),
            realisation=p.Realisation(value),
        )
        for index, value in enumerate(capaian)
    ]
    return p.WorkTarget(target_id, f"Rencana {target_id}", indicators, kind=kind)


def appraisal(targets, kind=p.PositionKind.EXECUTOR, behaviour=100):
    """An appraisal of *targets* for a post of *kind*, every aspect rated *behaviour*."""
    framework = p.PP30_2019_BEHAVIOUR
    return p.Appraisal(
        "skp-2021-2",
        p.Employee("e-1", "Siti"),
        p.Position("Analis", kind),
        p.Period.semester(2021, 2),
        framework,
        targets,
        raters=[p.Rater("atasan", p.RaterRole.SUPERVISOR, "e-atasan")],
        scales=[SCALE],
        ratings=[
            p.Rating("atasan", aspect.id, SCALE.id, score=behaviour)
            for aspect in framework.aspects_for(kind)
        ],
    )


class TestWorkedExample:
    """Three IKIs at exactly 100 %: 100 on the category route, 109 on the interpolation table."""

    def test_category_route_gives_100(self):
        """Baik x 3 = 39 points, >= 34: Baik, 100."""
        result = Pp30Regime().score(appraisal([work_target("a", 100, 100, 100)]))
        assert result.trace.find("pp30.route.category")
        assert result.figures["target[a].iki_points"] == Decimal(39)
        assert result.figures["target[a].value"] == Decimal("100.00")
        assert result.ratings["target[a].category"] == "good"
        assert result.figures["skp"] == Decimal("100.00")
        assert "indicator[a.0].value" not in result.figures
        assert result.figures["indicator[a.0].points"] == Decimal(13)

    def test_interpolation_table_gives_109(self):
        """The same IKIs on the JPT route: each 109, so the target 109."""
        result = Pp30Regime(route="interpolation").score(
            appraisal([work_target("a", 100, 100, 100)])
        )
        assert result.trace.find("pp30.route.interpolation")
        assert result.figures["target[a].value"] == Decimal("109.00")

    def test_public_formula(self):
        """The same numbers from the plain functions."""
        capaian = rules.iki_achievement(85, 85)
        assert capaian == 100
        assert rules.iki_category(capaian) is G.GOOD
        assert rules.rencana_value([G.GOOD] * 3) == 100
        assert rules.iki_value(capaian) == 109


class TestRoute:
    """The route by position kind, and the caller's override."""

    @pytest.mark.parametrize("kind", list(p.PositionKind))
    def test_by_kind(self, kind):
        """JPT takes the interpolation table; administrasi and fungsional the category route."""
        expected = "interpolation" if kind.group is PositionGroup.JPT else "category"
        assert rules.skp_route(kind) == expected
        assert Pp30Regime().route_of(appraisal([work_target("a", 100)], kind)) == expected

    def test_jpt_result_unchanged(self):
        """A JPT post scores exactly as with route="interpolation" (the former behaviour)."""
        targets = [work_target("a", 93, 100, 105), work_target("x", 111, kind="additional")]
        jpt = appraisal(targets, p.PositionKind.JPT_PRATAMA)
        automatic = Pp30Regime().score(jpt)
        assert automatic.figures == Pp30Regime(route="interpolation").score(jpt).figures
        # 93 % -> 83, 100 % -> 109, 105 % -> 114.44: mean 102.146..., shown 102.15.
        assert automatic.figures["target[a].value"] == Decimal("102.15")

    @pytest.mark.parametrize("route", ["interpolation", "category"])
    def test_override(self, route):
        """An explicit route applies to every post (a pimpinan unit kerja mandiri, say)."""
        for kind in (p.PositionKind.JPT_MADYA, p.PositionKind.SUPERVISOR):
            result = Pp30Regime(route=route).score(appraisal([work_target("a", 100)], kind))
            assert result.trace.find(f"pp30.route.{route}")
            assert Pp30Regime(route=route).route_of(appraisal([work_target("a", 1)], kind)) == route

    @pytest.mark.parametrize("kind", [p.PositionKind.ADMINISTRATOR, p.PositionKind.SUPERVISOR])
    def test_pimpinan_unit_kerja_mandiri(self, kind):
        """The leader of a unit kerja mandiri takes the table, as a JPT does (Bab VI.A.1)."""
        mandiri = p.Position("Kepala UPT", kind, unit_id="upt", leads_unit=True,
                             leads_independent_unit=True)  # fmt: skip
        plain = appraisal([work_target("a", 100, 100, 100)], kind)
        head = attrs.evolve(plain, position=mandiri)
        assert rules.skp_route(kind, leads_independent_unit=True) == "interpolation"
        assert Pp30Regime().route_of(head) == "interpolation"
        assert Pp30Regime().score(head).figures["target[a].value"] == Decimal(109)
        assert Pp30Regime().score(plain).figures["target[a].value"] == Decimal(100)
        step = next(s for s in Pp30Regime().score(head).trace.walk() if s.rule.id.startswith(
            "pp30.route."))  # fmt: skip
        assert ("leads_independent_unit", "True") in step.inputs
        assert Pp30Regime(route="category").route_of(head) == "category"  # the override wins

    def test_trace_names_the_route(self):
        """The SKP step's first child names the route, how it was chosen, rule and clause."""
        result = Pp30Regime().score(appraisal([work_target("a", 100, 90)]))
        steps = {step.rule.id: step for step in result.trace.walk()}
        route = steps["pp30.route.category"]
        assert ("chosen", "automatic") in route.inputs
        assert ("position_kind", "executor") in route.inputs
        assert "Bab VI.A.2" in route.rule.clause
        assert "LOW" in route.rule.clause
        rencana = steps["pp30.category.rencana"]
        assert ("points", "21") in rencana.inputs
        assert "LOW" in rencana.rule.clause
        forced = Pp30Regime(route="interpolation").score(appraisal([work_target("a", 100)]))
        step = next(s for s in forced.trace.walk() if s.rule.id == "pp30.route.interpolation")
        assert ("chosen", "override") in step.inputs


def total_of(categories):
    """The default points of *categories*, summed."""
    return sum(POINTS[category] for category in categories)


class TestCutOffs:
    """Every cut-off of a three-IKI rencana: one below, at, one above."""

    @pytest.mark.parametrize(
        ("total", "value"),
        [
            (42, 100), (43, 120),  # Sangat Baik: above 42 only
            (33, 80), (34, 100), (35, 100),
            (18, 60), (19, 80), (20, 80),
            (6, 25), (7, 60), (8, 60),
        ],
    )  # fmt: skip
    def test_three_ikis(self, total, value):
        """> 42 -> 120, >= 34 -> 100, >= 19 -> 80, >= 7 -> 60, else 25."""
        assert rules.rencana_band([total, 0, 0]).value == value

    def test_edges_from_categories(self):
        """Sums reached by real categories: 16+13+13 = 42 is Baik, 16+16+13 = 45 Sangat Baik."""
        assert rules.rencana_value([G.VERY_GOOD, G.GOOD, G.GOOD]) == 100
        assert rules.rencana_value([G.VERY_GOOD, G.VERY_GOOD, G.GOOD]) == 120
        assert rules.rencana_value([G.GOOD, G.GOOD, G.FAIR]) == 100  # 34
        assert rules.rencana_value([G.GOOD, G.FAIR, G.FAIR]) == 80  # 29
        assert rules.rencana_value([G.FAIR, G.FAIR, G.POOR]) == 80  # 19
        assert rules.rencana_value([G.FAIR, G.POOR, G.POOR]) == 60  # 14
        assert rules.rencana_value([G.POOR, G.POOR, G.VERY_POOR]) == 60  # 7
        assert rules.rencana_value([G.POOR, G.VERY_POOR, G.VERY_POOR]) == 25  # 5

    @pytest.mark.parametrize("count", [1, 2, 3, 4, 5, 7])
    def test_scaling_with_the_number_of_ikis(self, count):
        """The cut-offs are per IKI: n IKIs pass Baik at 34n/3, Sangat Baik above 14n."""
        for band in PERMEN8_2021_RENCANA_BANDS.bands[:-1]:
            limit = band.per_iki * count
            above = PERMEN8_2021_RENCANA_BANDS.band_of(limit + Fraction(1, 3), count)
            at = PERMEN8_2021_RENCANA_BANDS.band_of(limit, count)
            below = PERMEN8_2021_RENCANA_BANDS.band_of(limit - Fraction(1, 3), count)
            assert above is band
            assert (at is band) is band.inclusive
            assert below is not band

    @given(st.sampled_from(IKI_CATEGORIES), st.integers(1, 12))
    def test_one_category_keeps_its_value(self, category, count):
        """A rencana whose IKIs share one category has that category, for any number of IKIs."""
        band = rules.rencana_band([POINTS[category]] * count)
        assert band.category is category

    @given(st.lists(st.sampled_from(IKI_CATEGORIES), min_size=1, max_size=8), st.data())
    def test_better_category_never_lowers(self, categories, data):
        """Raising one IKI's category never lowers the rencana's nilai."""
        index = data.draw(st.integers(0, len(categories) - 1))
        better = IKI_CATEGORIES[: IKI_CATEGORIES.index(categories[index]) + 1]
        raised = [*categories]
        raised[index] = data.draw(st.sampled_from(better))
        assert rules.rencana_value(raised) >= rules.rencana_value(categories)


class TestTables:
    """The tables are data, checked, and replaceable."""

    def test_defaults(self):
        """16/13/8/3/1, the cut-offs, and 2.4/1.6/1.0/0.5/0.1."""
        assert {g: PERMEN8_2021_IKI_POINTS.of(g) for g in IKI_CATEGORIES} == {
            g: Decimal(v) for g, v in POINTS.items()
        }
        assert [band.value for band in PERMEN8_2021_RENCANA_BANDS.bands] == [120, 100, 80, 60, 25]
        expected = ["2.4", "1.6", "1.0", "0.5", "0.1"]
        assert [str(PERMEN8_2021_ADDITIONAL_POINTS.of(g)) for g in IKI_CATEGORIES] == expected

    def test_caller_cut_offs(self):
        """An instansi reading >= 42 for Sangat Baik gives 120 to 16 + 13 + 13."""
        bands = RencanaBands(
            "instansi", "instansi reading",
            (RencanaBand(G.VERY_GOOD, Fraction(120), Fraction(14)),
             *PERMEN8_2021_RENCANA_BANDS.bands[1:]),
        )  # fmt: skip
        targets = [work_target("a", 105, 100, 100)]
        assert Pp30Regime().score(appraisal(targets)).figures["target[a].value"] == 100
        result = Pp30Regime(rencana_bands=bands).score(appraisal(targets))
        assert result.figures["target[a].value"] == 120

    def test_caller_points(self):
        """Other points per category change the sum."""
        flat = CategoryPoints("flat", "test", {g: Decimal(10) for g in IKI_CATEGORIES})
        result = Pp30Regime(iki_points=flat).score(appraisal([work_target("a", 30, 30, 30)]))
        assert result.figures["target[a].iki_points"] == 30
        assert result.figures["target[a].value"] == 80

    @pytest.mark.parametrize(
        "rows",
        [
            {G.VERY_GOOD: Decimal(16)},
            {**{g: Decimal(1) for g in IKI_CATEGORIES}, G.BAD: Decimal(1)},
            {g: Decimal(-1) for g in IKI_CATEGORIES},
            dict.fromkeys(IKI_CATEGORIES, 1),
            "16,13",
            None,
        ],
    )
    def test_bad_points(self, rows):
        """Every category once, each a Decimal of 0 or more."""
        with pytest.raises(InvalidValueError):
            CategoryPoints("x", "x", rows)

    @pytest.mark.parametrize(
        "bands",
        [
            (),
            (RencanaBand(G.GOOD, Fraction(100), Fraction(10)),),
            (RencanaBand(G.VERY_POOR, Fraction(25), None), RencanaBand(G.GOOD, Fraction(1), None)),
            (
                RencanaBand(G.GOOD, Fraction(100), Fraction(5)),
                RencanaBand(G.FAIR, Fraction(80), Fraction(6)),
                RencanaBand(G.VERY_POOR, Fraction(25), None),
            ),
            [RencanaBand(G.VERY_POOR, Fraction(25), None)],
        ],
    )
    def test_bad_bands(self, bands):
        """Cut-offs fall strictly, and only the last band is the floor."""
        with pytest.raises(InvalidValueError) as caught:
            RencanaBands("x", "x", bands)
        assert caught.value.field == "bands"

    def test_bad_input_to_the_rules(self):
        """No IKI, negative points, a grade that is no IKI category, a zero target."""
        with pytest.raises(MissingValueError):
            rules.rencana_band([])
        with pytest.raises(MissingValueError):
            rules.rencana_value([])
        with pytest.raises(InvalidValueError) as caught:
            rules.rencana_band([13, -1])
        assert caught.value.field == "points[1]"
        with pytest.raises(InvalidValueError) as caught:
            rules.category_points(G.NEEDS_IMPROVEMENT)
        assert caught.value.field == "category"
        with pytest.raises(InvalidValueError) as caught:
            rules.iki_achievement(5, 0)
        assert caught.value.field == "value"
        with pytest.raises(InvalidValueError):
            rules.iki_achievement(5, (8, 7))
        with pytest.raises(InvalidValueError):
            rules.iki_achievement(5, 10, direction="sideways")


class TestAdditionalWork:
    """Kinerja tambahan on the category route: points by each additional rencana's category."""

    def test_default_points(self):
        """A Sangat Baik and a Cukup additional rencana add 2.4 + 1.0 to nilai SKP."""
        targets = [
            work_target("a", 100),
            work_target("x", 110, kind="additional"),
            work_target("y", 85, kind="additional"),
        ]
        result = Pp30Regime().score(appraisal(targets))
        assert result.figures["target[x].points"] == Decimal("2.4")
        assert result.figures["target[y].points"] == Decimal("1.0")
        assert result.figures["additional"] == Decimal("3.4")
        assert result.figures["skp"] == Decimal("103.40")
        step = next(s for s in result.trace.walk() if s.rule.id == "pp30.category.additional")
        assert "LOW" in step.rule.clause

    def test_none_adds_nothing(self):
        """category_additional_points=None adds nothing, and says so."""
        targets = [work_target("a", 100), work_target("x", 110, kind="additional")]
        result = Pp30Regime(category_additional_points=None).score(appraisal(targets))
        assert result.figures["additional"] == 0
        assert any(s.rule.id == "pp30.additional.none" for s in result.trace.walk())

    def test_public_formula(self):
        """additional_category_points sums the table."""
        assert rules.additional_category_points([G.VERY_GOOD, G.POOR]) == Decimal("2.9")
        assert rules.additional_category_points([]) == 0


@given(
    st.lists(
        st.lists(st.sampled_from(IKI_CATEGORIES), min_size=1, max_size=4), min_size=1, max_size=3
    ),
    st.lists(st.sampled_from(IKI_CATEGORIES), max_size=2),
    st.integers(40, 120),
    st.booleans(),
)
def test_public_formulas_equal_the_regime(main, additional, behaviour, innovative):
    """Each public formula, on the same inputs, gives the regime's figure."""
    targets = [work_target(f"m{i}", *(CAPAIAN[c] for c in cats)) for i, cats in enumerate(main)] + [
        work_target(f"x{i}", CAPAIAN[c], kind="additional") for i, c in enumerate(additional)
    ]
    result = Pp30Regime().score(appraisal(targets, behaviour=behaviour))
    figures = result.figures
    for i, cats in enumerate(main):
        for j, category in enumerate(cats):
            capaian = rules.iki_achievement(CAPAIAN[category], 100)
            assert rules.iki_category(capaian) is category
            assert figures[f"indicator[m{i}.{j}].points"] == rules.category_points(category)
        assert figures[f"target[m{i}].value"] == rules.rencana_value(cats)
    assert figures["additional"] == rules.additional_category_points(additional)
    rounding = Pp30Regime().rounding
    main_value = rounding.apply(rules.main_work_value([figures[f"target[m{i}].value"]
                                                      for i in range(len(main))]))  # fmt: skip
    assert figures["main"] == main_value
    skp = rules.skp_value(Fraction(main_value), Fraction(figures["additional"]))
    assert Fraction(figures["skp"]) == skp
    weights = rules.performance_weights(with_peer_input=False)
    final = rounding.apply(
        rules.capped(rules.performance_value(skp, Fraction(figures["behaviour"]), weights))
    )
    assert figures["final"] == final
    assert result.grade is rules.performance_grade(final, innovative=False)
    assert rules.performance_grade(final, innovative=innovative) is (
        G.VERY_GOOD if innovative and final >= 110 else result.grade
    )
