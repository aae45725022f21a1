"""The generic regime and the shared achievement formula of PermenPANRB 8/2021."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import penilaian as p
from penilaian.exceptions import (
    InvalidValueError,
    MissingValueError,
    ScoringInputError,
    UnsupportedInputError,
)
from penilaian.model import BandTable, TargetKind
from penilaian.policy import Aggregate
from penilaian.regimes.generic import (
    GENERIC_DEFAULT_BANDS,
    Component,
    RatedSubjects,
    WorkAchievement,
)
from penilaian.scoring.achievement import achievement
from penilaian.serialization import structure, unstructure


def indicator(target, realised, direction=p.Direction.HIGHER_IS_BETTER):
    """An indicator with *target* and a realisation of *realised* (None: not reported)."""
    realisation = None if realised is None else p.Realisation(realised)
    return p.Indicator("i", "I", p.Aspect.QUANTITY, target, direction, realisation=realisation)


class TestAchievement:
    """Capaian IKI, PermenPANRB 8/2021 Lampiran Bab VI.A, with the regulation's examples."""

    @pytest.mark.parametrize(
        ("target", "realised", "direction", "expected"),
        [
            (p.RangeTarget(80, 90), 70, "higher_is_better", Fraction(175, 2)),
            (p.RangeTarget(7, 8), "6.5", "lower_is_better", Fraction(750, 7)),
            (p.RangeTarget(7, 8), 9, "lower_is_better", Fraction(175, 2)),
            (p.RangeTarget(80, 90), 92, "higher_is_better", Fraction(920, 9)),
            (p.RangeTarget(80, 90), 85, "higher_is_better", Fraction(100)),
            (p.PointTarget(95), 93, "higher_is_better", Fraction(9300, 95)),
            (p.PointTarget(85), 85, "higher_is_better", Fraction(100)),
        ],
    )
    def test_regulation_examples(self, target, realised, direction, expected):
        """
        Range and point examples of the regulation.

        80-90 vs 70 gives 87.5 %; 7-8 months vs 6.5 gives 107.14 %, vs 9 gives 87.5 %;
        92 vs 90 is 102.2 % (the regulation prints 113 %, a typo).
        """
        assert expected == achievement(indicator(target, realised, p.Direction(direction)))

    def test_missing_is_not_zero(self):
        """No realisation raises MissingValueError; it is never taken as 0 %."""
        with pytest.raises(MissingValueError):
            achievement(indicator(p.PointTarget(4), None))

    def test_qualitative_has_no_percentage(self):
        """A qualitative target has no achievement percentage."""
        qualitative = p.Indicator(
            "q",
            "Q",
            "quality",
            p.QualitativeTarget("ok"),
            realisation=p.Realisation(description="ok"),
        )
        with pytest.raises(UnsupportedInputError):
            achievement(qualitative)

    @given(
        st.decimals(min_value=1, max_value=1000, places=2),
        st.decimals(min_value=0, max_value=1000, places=2),
    )
    def test_monotone(self, target, realised):
        """More is better for normal indicators and worse for special ones."""
        higher = realised + 1
        normal = [achievement(indicator(p.PointTarget(target), r)) for r in (realised, higher)]
        special = [
            achievement(indicator(p.PointTarget(target), r, p.Direction.LOWER_IS_BETTER))
            for r in (realised, higher)
        ]
        assert normal[0] < normal[1]
        assert special[0] > special[1]


def okr_regime():
    """A scheme that is not Indonesian: objectives 60 %, competencies 40 %, four bands."""
    return p.GenericRegime(
        components=[
            Component("objectives", WorkAchievement(cap=Fraction(130))),
            Component("competencies", RatedSubjects(("delivery", "teamwork"))),
        ],
        weights=p.Weights({"objectives": "3/5", "competencies": "2/5"}),
        bands=BandTable(
            "okr",
            "Acme handbook 2025",
            ["does not meet", "partially meets", "meets", "exceeds"],
            [Decimal(60), Decimal(80), Decimal(105)],
            "lower",
        ),
        regime_id="acme_okr",
    )


def okr_appraisal(key_results=(9, 4), ratings=(4, 3), scale_max=5):
    """An appraisal under a custom framework, rated 1-5 by a manager."""
    framework = p.BehaviourFramework(
        "acme",
        "Acme competencies",
        "Acme handbook",
        [
            p.BehaviourAspect("delivery", "Delivery", "Delivery"),
            p.BehaviourAspect("teamwork", "Teamwork", "Teamwork"),
        ],
    )
    targets = [
        p.WorkTarget(
            "o1",
            "Ship v2",
            [
                p.Indicator(
                    f"kr{index}",
                    "Key result",
                    "quantity",
                    p.PointTarget(target),
                    realisation=p.Realisation(done),
                )
                for index, (target, done) in enumerate([(10, key_results[0]), (4, key_results[1])])
            ],
        )
    ]
    return p.Appraisal(
        id="acme-2025-ana",
        employee=p.Employee("ana", "Ana"),
        position=p.Position("Engineer", p.PositionKind.EXECUTOR),
        period=p.Period.year(2025),
        framework=framework,
        targets=targets,
        raters=[p.Rater("m", "supervisor", "mgr")],
        scales=[p.NumericScale("s", 1, scale_max)],
        ratings=[
            p.Rating("m", aspect, "s", score=value)
            for aspect, value in zip(("delivery", "teamwork"), ratings, strict=True)
        ],
    )


class TestGenericRegime:
    """The generic regime: weighted components, any bands, the same trace discipline."""

    def test_okr_example(self):
        """Objectives 90 %, 100 % and competencies 4, 3 (1-5) give 0.6*95 + 0.4*62.5 = 82: meets."""
        result = okr_regime().score(okr_appraisal())
        expected = Decimal("82.00")
        assert expected == result.score
        assert result.ratings == {"band": "meets"}
        assert result.grade is None
        assert result.regime == "acme_okr"
        assert Decimal(95) == result.figures["component[objectives]"]
        assert Decimal("62.5") == result.figures["component[competencies]"]

    def test_default_with_grades(self):
        """The default configuration grades with penilaian's Grade members."""
        regime = attrs.evolve(okr_regime(), bands=GENERIC_DEFAULT_BANDS)
        result = regime.score(okr_appraisal())
        assert result.grade is p.Grade.NEEDS_IMPROVEMENT
        assert result.ratings == {"band": "needs_improvement"}

    def test_cap(self):
        """An indicator counts at most the cap."""
        result = okr_regime().score(okr_appraisal(key_results=(20, 4)))
        assert Decimal(200) == result.figures["indicator[kr0].achievement"]
        assert Decimal(115) == result.figures["component[objectives]"]

    def test_missing_rating_is_a_gap(self):
        """A subject nobody rated leaves the result incomplete, never scored as 0."""
        appraisal = okr_appraisal()
        appraisal = attrs.evolve(appraisal, ratings=appraisal.ratings[:1])
        result = okr_regime().score(appraisal)
        assert not result.is_complete
        assert (result.grade, result.score) == (None, None)
        assert "teamwork" in result.gaps[0].reason

    def test_no_subject_to_average_is_an_error(self):
        """A rated component with no subject at all is refused, never silently left out."""
        regime = attrs.evolve(
            okr_regime(),
            components=[
                Component("objectives", WorkAchievement()),
                Component("competencies", RatedSubjects(())),
            ],
        )
        with pytest.raises(ScoringInputError, match="no subject applies") as caught:
            regime.score(okr_appraisal())
        assert caught.value.problems[0].path == "$.framework"

    def test_missing_realisation_is_an_error_with_its_path(self):
        """A main indicator without a realisation raises with its JSON path."""
        appraisal = okr_appraisal().with_realisation("o1", "kr1", None)
        with pytest.raises(ScoringInputError) as caught:
            okr_regime().score(appraisal)
        assert caught.value.problems[0].path == "$.targets[0].indicators[1].realisation"

    def test_no_main_targets(self):
        """A work component over target kinds the appraisal lacks is an error."""
        regime = attrs.evolve(
            okr_regime(),
            components=[
                Component("objectives", WorkAchievement(kinds=(TargetKind.ADDITIONAL,))),
                Component("competencies", RatedSubjects(("delivery", "teamwork"))),
            ],
        )
        with pytest.raises(ScoringInputError, match="no indicators of kind additional"):
            regime.score(okr_appraisal())

    def test_ordinal_subject_is_refused(self):
        """A subject rated on an ordinal scale cannot be rescaled."""

        def ordinal(appraisal, subject, *, trace=True):
            return Aggregate(subject, Fraction(1), scale_id="expectation")

        appraisal = attrs.evolve(
            okr_appraisal(), scales=[*okr_appraisal().scales, p.EXPECTATION_SCALE]
        )
        with pytest.raises(ScoringInputError, match="numeric scale"):
            attrs.evolve(okr_regime(), aggregator=ordinal).score(appraisal)

    def test_configuration_is_checked(self):
        """Weights must cover exactly the components; ids unique; at least one component."""
        with pytest.raises(InvalidValueError):
            attrs.evolve(okr_regime(), weights=p.Weights({"objectives": 1}))
        with pytest.raises(InvalidValueError):
            attrs.evolve(okr_regime(), components=[])

    @pytest.mark.parametrize(
        ("field", "value"),
        [
            ("components", 3),
            ("components", "work"),
            ("components[0]", ["work"]),
            ("components[1]", [Component("work", WorkAchievement()), WorkAchievement()]),
            ("weights", {"objectives": "3/5", "competencies": "2/5"}),
            ("weights", None),
            ("bands", GENERIC_DEFAULT_BANDS.cuts),
            ("bands", None),
            ("aggregator", 3),
            ("aggregator", "supervisor"),
            ("rounding", 2),
            ("rounding", "half_up"),
            ("regime_id", ""),
            ("regime_id", 3),
        ],
    )
    def test_every_field_is_checked(self, field, value):
        """A bad value of any field raises InvalidValueError naming the field, never TypeError."""
        with pytest.raises(InvalidValueError) as caught:
            attrs.evolve(okr_regime(), **{field.partition("[")[0]: value})
        assert caught.value.field == field

    @pytest.mark.parametrize(
        ("build", "field"),
        [
            (lambda: Component("work", "achievement"), "source"),
            (lambda: Component("work", None), "source"),
            (lambda: Component("", WorkAchievement()), "id"),
            (lambda: WorkAchievement(kinds=()), "kinds"),
            (lambda: WorkAchievement(kinds=("main",)), "kinds"),
            (lambda: WorkAchievement(kinds=(TargetKind.MAIN, TargetKind.MAIN)), "kinds"),
            (lambda: WorkAchievement(cap=Decimal(120)), "cap"),
            (lambda: WorkAchievement(cap=120.0), "cap"),
            (lambda: WorkAchievement(cap=True), "cap"),
            (lambda: RatedSubjects("delivery"), "subjects"),
            (lambda: RatedSubjects(("delivery", "")), "subjects"),
            (lambda: RatedSubjects((3,)), "subjects"),
        ],
    )
    def test_component_fields_are_checked(self, build, field):
        """The parts of a component are checked the same way, each error naming its field."""
        with pytest.raises(InvalidValueError) as caught:
            build()
        assert caught.value.field == field

    def test_component_values_kept(self):
        """A whole-number cap and a list of subjects are taken (the list as a tuple)."""
        assert WorkAchievement(cap=120).cap == Fraction(120)
        assert RatedSubjects(["delivery", "teamwork"]) == RatedSubjects(("delivery", "teamwork"))
        assert RatedSubjects().subjects is None

    def test_exact_without_rounding(self):
        """Without rounding the score keeps its exact value."""
        result = attrs.evolve(okr_regime(), rounding=None).score(okr_appraisal(ratings=(4, 4)))
        assert Decimal(87) == result.score

    @settings(max_examples=50)
    @given(st.integers(0, 12), st.integers(0, 6), st.integers(1, 5), st.integers(1, 5))
    def test_laws(self, first, second, delivery, teamwork):
        """Trace on and off agree, the root is the band, and the result round-trips through JSON."""
        appraisal = okr_appraisal((first, second), (delivery, teamwork))
        traced = okr_regime().score(appraisal)
        assert traced.without_trace() == okr_regime().score(appraisal, trace=False)
        assert traced.trace.output == traced.ratings["band"]
        assert traced == structure(unstructure(traced), p.Result)

    def test_registry_default(self):
        """The default registry builds the generic regime with its default configuration."""
        regime = p.default_registry().get("generic")
        assert regime.id == "generic"
        assert regime == p.GenericRegime.default()
