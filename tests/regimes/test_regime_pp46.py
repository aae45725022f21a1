"""Tests for penilaian.regimes.pp46_2011: PP 46/2011 and Perka BKN 1/2013 scoring."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import penilaian as p
from penilaian._base.numbers import exact_decimal
from penilaian.exceptions import (
    InvalidValueError,
    MissingValueError,
    ScoringInputError,
    UnsupportedInputError,
)
from penilaian.model import TargetKind
from penilaian.policy import Aggregate
from penilaian.regimes.pp46_2011 import (
    CATEGORY_RULE,
    COST_ABOVE_24_RULE,
    COST_RULE,
    PP46_2011_ACTIVITY_ASPECTS,
    PP46_2011_ADDITIONAL_TASK_POINTS,
    PP46_2011_CATEGORIES,
    PP46_2011_CREATIVITY_POINTS,
    QUALITY_RULE,
    QUANTITY_RULE,
    ROUNDING_RULE,
    TIME_ABOVE_24_RULE,
    TIME_RULE,
    WHOLE_NUMBER_RULE,
    ZERO_OUTPUT_RULE,
    Pp46Regime,
    activities_value,
    activity_value,
    additional_task_points,
    behaviour_value,
    category,
    check_appraisal,
    cost_value,
    creativity_points,
    efficiency,
    exceeds_efficiency_limit,
    final_value,
    quality_value,
    quantity_value,
    skp_value,
    time_cost_value,
    time_value,
    whole_value,
)
from penilaian.scoring import MISSING
from penilaian.serialization import structure, unstructure

REGIME = Pp46Regime()
SCALE = p.NumericScale("nilai", 0, 100)
SUPERVISOR = p.Rater("atasan", "supervisor", "e-atasan")
PEER = p.Rater("rekan", "peer", "e-rekan")
LOWER = {"time": "lower_is_better", "cost": "lower_is_better"}
POLICY = p.WeightingPolicy({"supervisor": 1}, missing=p.Require())


def indicator(target_id, aspect, planned, realised, direction=None):
    """An indicator with a point target; `realised=None` leaves it unreported."""
    return p.Indicator(
        f"{target_id}-{aspect}",
        f"{aspect} of {target_id}",
        aspect,
        p.PointTarget(planned),
        direction=direction or LOWER.get(aspect, "higher_is_better"),
        realisation=None if realised is None else p.Realisation(realised),
    )


def kegiatan(target_id="k1", quantity=(12, 12), quality=(100, 90), time=(12, 12), cost=None):
    """A kegiatan tugas jabatan; each aspect is a (target, realisation) pair."""
    pairs = {"quantity": quantity, "quality": quality, "time": time, "cost": cost}
    indicators = [
        indicator(target_id, aspect, *pair) for aspect, pair in pairs.items() if pair is not None
    ]
    return p.WorkTarget(target_id, f"Kegiatan {target_id}", indicators)


def additional(number):
    """A tugas tambahan."""
    return p.WorkTarget(
        f"tt{number}",
        f"Tugas tambahan {number}",
        [indicator(f"tt{number}", "quantity", 1, 1)],
        kind="additional",
    )


def appraisal(targets=None, *, kind="executor", behaviour=80, innovations=(), **changes):
    """An appraisal under PP 46/2011; *behaviour* rates every applicable aspect."""
    aspects = p.PP46_2011_BEHAVIOUR.aspects_for(kind)
    scores = (
        behaviour
        if isinstance(behaviour, dict)
        else dict.fromkeys((aspect.id for aspect in aspects), behaviour)
    )
    ratings = [
        p.Rating("atasan", subject, "nilai", score=score) for subject, score in scores.items()
    ]
    fields = {
        "id": "skp-2019",
        "employee": p.Employee("e-ani", "Ani"),
        "position": p.Position("Jabatan", kind),
        "period": p.Period.year(2019),
        "framework": p.PP46_2011_BEHAVIOUR,
        "targets": targets or [kegiatan()],
        "raters": [SUPERVISOR, PEER],
        "scales": [SCALE],
        "ratings": ratings,
        "innovations": innovations,
    }
    fields.update(changes)
    return p.Appraisal(**fields)


def single(skp, behaviour=None):
    """An appraisal whose SKP and behaviour are exactly *skp* (and *behaviour*)."""
    # quantity = quality = x and time 76 give (2x + 76) / 3 = skp.
    x = (Decimal(skp) * 3 - 76) / 2
    target = kegiatan(quantity=(100, x), quality=(100, x), time=(12, 12))
    return appraisal([target], behaviour=Decimal(behaviour or skp))


def problems(regime, value):
    """The (path, error type) of every problem scoring *value* raises."""
    with pytest.raises(ScoringInputError) as caught:
        regime.score(value)
    return [(problem.path, type(problem.error)) for problem in caught.value.problems]


class TestAspects:
    def test_worked_example(self):
        """Perka BKN 1/2013 Lampiran (REGULATIONS 1.3): 100 + 90 + 76 = 266, 266 / 3 = 88.67."""
        figures = REGIME.score(appraisal()).figures
        expected = {"quantity": 100, "quality": 90, "time": 76, "value": Decimal("88.67")}
        actual = {key: figures[f"activity[k1].{key}"] for key in expected}
        assert expected == actual

    def test_on_time_gives_76(self):
        """Perka BKN 1/2013 Lampiran, waktu: RW = TW gives 76."""
        result = REGIME.score(appraisal([kegiatan(time=(9, 9))]))
        expected = 76
        assert expected == result.figures["activity[k1].time"]

    def test_efficiency_of_exactly_24_gives_100(self):
        """Waktu at E = 24 exactly (TW 12, RW 9.12; floats say 24.000000000000014) gives 100."""
        assert 100 - 9.12 / 12 * 100 > 24  # the float trap the rule must not fall into
        result = REGIME.score(appraisal([kegiatan(time=(12, "9.12"))]))
        expected = 100
        assert expected == result.figures["activity[k1].time"]
        step = next(s for s in result.trace.walk() if s.subject == "activity[k1].time")
        assert ("efficiency", "24") in step.inputs

    def test_efficiency_just_above_24_drops_to_about_76(self):
        """Waktu at E > 24 (TW 12, RW 9.11) uses 76 - (... - 100): 911/12 = 75.916667."""
        result = REGIME.score(appraisal([kegiatan(time=(12, "9.11"))]))
        expected = Fraction(911, 12)
        assert expected == 76 - ((Fraction(176, 100) * 12 - Fraction("9.11")) / 12 * 100 - 100)
        assert Decimal("75.916667") == result.figures["activity[k1].time"]
        assert result.trace.find(TIME_ABOVE_24_RULE.id)

    def test_late_delivery_scores_below_76(self):
        """Waktu with RW > TW: negative efficiency, the E <= 24 branch, below 76."""
        result = REGIME.score(appraisal([kegiatan(time=(12, 13))]))
        expected = Decimal("67.666667")  # (21.12 - 13) / 12 * 100 = 203/3
        assert expected == result.figures["activity[k1].time"]

    @pytest.mark.parametrize(
        ("realised", "expected"),
        [(1000, 76), (900, 86), (760, 100), (759, Decimal("75.9")), (1100, 66), (0, 0)],
    )
    def test_cost_follows_the_time_formula(self, realised, expected):
        """Perka BKN 1/2013 Lampiran, biaya: the same two branches with TB and RB."""
        result = REGIME.score(appraisal([kegiatan(cost=(1000, realised))]))
        actual = result.figures["activity[k1].cost"]
        assert expected == actual

    def test_time_of_0_gives_0(self):
        """Waktu with RW = 0: efficiency 100 > 24, so 76 - (176 - 100) = 0."""
        result = REGIME.score(appraisal([kegiatan(time=(12, 0))]))
        expected = 0
        assert expected == result.figures["activity[k1].time"]

    def test_quantity_and_quality_may_exceed_100(self):
        """Perka BKN 1/2013 (REGULATIONS 1.3, [MED]): no cap on quantity and quality."""
        result = REGIME.score(appraisal([kegiatan(quantity=(10, 12), quality=(90, 99))]))
        expected = (Decimal(120), Decimal(110))
        actual = (result.figures["activity[k1].quantity"], result.figures["activity[k1].quality"])
        assert expected == actual


class TestZeroOutput:
    def test_zero_output_zeroes_every_aspect(self):
        """Convention [LOW] (REGULATIONS 1.3): realised output 0 makes every aspect 0."""
        result = REGIME.score(appraisal([kegiatan(quantity=(12, 0), cost=(100, 80))]))
        expected = {"quantity": 0, "quality": 0, "time": 0, "cost": 0, "value": 0}
        actual = {key: result.figures[f"activity[k1].{key}"] for key in expected}
        assert expected == actual
        assert len(result.trace.find(ZERO_OUTPUT_RULE.id)) == 4

    def test_convention_can_be_turned_off(self):
        """With the convention off, quality and time keep their Lampiran formulas."""
        regime = Pp46Regime(zero_output_zeroes_activity=False)
        result = regime.score(appraisal([kegiatan(quantity=(12, 0))]))
        expected = Decimal("55.33")  # (0 + 90 + 76) / 3
        assert expected == result.figures["activity[k1].value"]
        assert not result.trace.find(ZERO_OUTPUT_RULE.id)


class TestActivityValue:
    def test_three_aspects_divide_by_3(self):
        """Perka BKN 1/2013 Lampiran: without biaya the sum is divided by 3."""
        result = REGIME.score(appraisal([kegiatan(quantity=(10, 9), quality=(100, 80))]))
        expected = Decimal("82.00")  # (90 + 80 + 76) / 3
        assert expected == result.figures["activity[k1].value"]

    def test_four_aspects_divide_by_4(self):
        """Perka BKN 1/2013 Lampiran: with biaya the sum is divided by 4."""
        result = REGIME.score(appraisal([kegiatan(cost=(1000, 1000))]))
        expected = Decimal("85.50")  # (100 + 90 + 76 + 76) / 4
        assert expected == result.figures["activity[k1].value"]

    def test_skp_averages_the_rounded_kegiatan_values(self):
        """Declared rounding: kegiatan values are rounded to 2 places before the mean."""
        targets = [
            kegiatan("k1"),
            kegiatan("k2", quantity=(3, 2), quality=(100, 95), time=(12, "9.12"), cost=(1000, 900)),
        ]
        result = REGIME.score(appraisal(targets))
        expected = (Decimal("88.67"), Decimal("86.92"), Decimal("87.795"), Decimal("87.80"))
        figures = result.figures
        actual = tuple(
            figures[k] for k in ("activity[k1].value", "activity[k2].value", "activities", "skp")
        )
        assert expected == actual


class TestAdditionalTasks:
    @pytest.mark.parametrize(
        ("count", "expected"), [(0, 0), (1, 1), (3, 1), (4, 2), (6, 2), (7, 3), (9, 3)]
    )
    def test_points_by_count(self, count, expected):
        """Perka BKN 1/2013, tugas tambahan: 1-3 give 1, 4-6 give 2, 7 or more give 3."""
        targets = [kegiatan(), *(additional(number) for number in range(count))]
        result = REGIME.score(appraisal(targets))
        assert expected == result.figures["additional_tasks"]
        assert expected == PP46_2011_ADDITIONAL_TASK_POINTS.classify(count)

    def test_points_add_to_the_skp(self):
        """Perka BKN 1/2013 Lampiran: nilai capaian SKP = mean + tugas tambahan + kreativitas."""
        result = REGIME.score(appraisal([kegiatan(), additional(1), additional(2)]))
        expected = Decimal("89.67")  # 88.67 + 1
        assert expected == result.figures["skp"]

    def test_additional_indicators_are_not_scored(self):
        """A tugas tambahan counts once; its indicators need no realisation or point target."""
        loose = p.WorkTarget(
            "tt",
            "Panitia",
            [p.Indicator("tt-1", "Keikutsertaan", "quality", p.QualitativeTarget("Hadir"))],
            kind="additional",
        )
        result = REGIME.score(appraisal([kegiatan(), loose]))
        expected = 1
        assert expected == result.figures["additional_tasks"]


class TestCreativity:
    @pytest.mark.parametrize(
        ("scope", "expected"), [("unit", 3), ("organisation", 6), ("state", 12)]
    )
    def test_points_by_scope(self, scope, expected):
        """Perka BKN 1/2013, kreativitas: unit kerja 3, organisasi 6, negara 12."""
        innovation = p.Innovation("Aplikasi layanan", scope, evidence=["surat keterangan"])
        result = REGIME.score(appraisal(innovations=[innovation]))
        assert expected == result.figures["creativity"]
        assert Decimal("88.67") + expected == result.figures["skp"]
        assert expected == PP46_2011_CREATIVITY_POINTS[p.InnovationScope(scope)]

    def test_none_gives_0(self):
        """Without a surat keterangan there is no kreativitas: 0 points."""
        expected = 0
        assert expected == REGIME.score(appraisal()).figures["creativity"]

    @pytest.mark.parametrize(("policy", "expected"), [("highest", 12), ("sum", 21)])
    def test_several_by_policy(self, policy, expected):
        """Convention [LOW]: several innovations count the highest points, or their sum."""
        innovations = [
            p.Innovation(f"Ide {scope}", scope) for scope in ("unit", "organisation", "state")
        ]
        result = Pp46Regime(creativity=policy).score(appraisal(innovations=innovations))
        assert expected == result.figures["creativity"]


class TestBehaviour:
    def test_structural_post_has_six_aspects(self):
        """PP 46/2011 (about Pasal 12): kepemimpinan is rated for jabatan struktural, mean of 6."""
        scores = {
            "service_orientation": 80,
            "integrity": 80,
            "commitment": 80,
            "discipline": 80,
            "cooperation": 80,
            "leadership": 71,
        }
        result = REGIME.score(appraisal(kind="administrator", behaviour=scores))
        expected = Decimal("78.50")  # 471 / 6
        assert expected == result.figures["behaviour"]
        assert "behaviour[leadership]" in result.figures

    def test_other_posts_have_five_aspects(self):
        """PP 46/2011 (about Pasal 12): fungsional and pelaksana are rated on 5 aspects."""
        scores = {
            "service_orientation": 80,
            "integrity": 80,
            "commitment": 80,
            "discipline": 80,
            "cooperation": 71,
        }
        result = REGIME.score(appraisal(kind="expert_first", behaviour=scores))
        expected = Decimal("78.20")  # 391 / 5
        assert expected == result.figures["behaviour"]
        assert "behaviour[leadership]" not in result.figures

    def test_each_aspect_gets_its_category(self):
        """Perka BKN 1/2013: each perilaku aspect has its sebutan."""
        scores = {
            "service_orientation": 91,
            "integrity": 76,
            "commitment": 61,
            "discipline": 51,
            "cooperation": 50,
        }
        result = REGIME.score(appraisal(behaviour=scores))
        expected = {
            "service_orientation": "very_good",
            "integrity": "good",
            "commitment": "fair",
            "discipline": "poor",
            "cooperation": "bad",
        }
        actual = {aspect: result.ratings[f"behaviour[{aspect}]"] for aspect in expected}
        assert expected == actual

    def test_other_raters_are_ignored_by_default(self):
        """The default aggregator takes the pejabat penilai's rating alone."""
        peer = [p.Rating("rekan", "integrity", "nilai", score=10)]
        plain = appraisal()
        result = REGIME.score(attrs.evolve(plain, ratings=(*plain.ratings, *peer)))
        assert REGIME.score(plain).without_trace() == result.without_trace()


class TestFinal:
    def test_sixty_forty(self):
        """PP 46/2011: nilai prestasi kerja = 60 % SKP + 40 % perilaku."""
        result = REGIME.score(appraisal(behaviour=70))
        expected = Decimal("81.20")  # 0.6 * 88.67 + 0.4 * 70 = 81.202
        assert expected == result.score
        assert expected == result.figures["final"]
        expected_grade = p.Grade.GOOD
        assert expected_grade == result.grade

    def test_weights_are_policy(self):
        """The weights are a field; other shares combine the same rounded values."""
        regime = Pp46Regime(weights=p.Weights({"work": "7/10", "behaviour": "3/10"}))
        result = regime.score(appraisal(behaviour=70))
        expected = Decimal("83.07")  # 0.7 * 88.67 + 0.3 * 70 = 83.069
        assert expected == result.score

    def test_rounding_is_policy(self):
        """The rounding at the declared points is a field."""
        result = Pp46Regime(rounding=p.Rounding(1)).score(appraisal(behaviour=70))
        expected = (Decimal("88.7"), Decimal("81.2"))  # 0.6 * 88.7 + 28 = 81.22
        assert expected == (result.figures["skp"], result.score)


EDGES = [
    ("50", p.Grade.BAD),
    ("50.01", p.Grade.POOR),
    ("60", p.Grade.POOR),
    ("60.01", p.Grade.FAIR),
    ("75", p.Grade.FAIR),
    ("75.01", p.Grade.GOOD),
    ("90", p.Grade.GOOD),
    ("90.01", p.Grade.VERY_GOOD),
    ("90.5", p.Grade.VERY_GOOD),
]


class TestCategories:
    @pytest.mark.parametrize(("value", "expected"), EDGES)
    def test_every_edge_upper_inclusive(self, value, expected):
        """PP 46/2011; Perka BKN 1/2013 (REGULATIONS 1.5): upper bounds inclusive by default."""
        result = REGIME.score(single(value))
        assert Decimal(value) == result.score
        assert expected == result.grade
        assert expected == REGIME.category(Decimal(value))
        assert expected == PP46_2011_CATEGORIES.classify(Decimal(value))

    @pytest.mark.parametrize(
        ("value", "expected"),
        [
            ("50", p.Grade.BAD),
            ("50.01", p.Grade.BAD),
            ("50.5", p.Grade.POOR),
            ("60", p.Grade.POOR),
            ("60.01", p.Grade.POOR),
            ("60.5", p.Grade.FAIR),
            ("75", p.Grade.FAIR),
            ("75.01", p.Grade.FAIR),
            ("75.49", p.Grade.FAIR),
            ("75.5", p.Grade.GOOD),
            ("90", p.Grade.GOOD),
            ("90.01", p.Grade.GOOD),
            ("90.49", p.Grade.GOOD),
            ("90.5", p.Grade.VERY_GOOD),
        ],
    )
    def test_every_edge_round_to_integer(self, value, expected):
        """Convention [LOW]: round half up to a whole number, then read the integer table."""
        regime = Pp46Regime(band_convention="round_to_integer")
        result = regime.score(single(value))
        assert expected == result.grade
        assert expected == regime.category(Decimal(value))
        whole = Decimal(value).quantize(Decimal(1), "ROUND_HALF_UP")
        assert whole == result.figures["final.whole"]
        assert result.trace.find(WHOLE_NUMBER_RULE.id)

    def test_conventions_differ_between_the_rows(self):
        """90.4 lies between the rows 76-90 and 91: Sangat Baik, or Baik once rounded."""
        upper = REGIME.score(single("90.4"))
        rounded = Pp46Regime(band_convention="round_to_integer").score(single("90.4"))
        expected = (p.Grade.VERY_GOOD, p.Grade.GOOD)
        assert expected == (upper.grade, rounded.grade)

    def test_skp_and_behaviour_get_categories(self):
        """Perka BKN 1/2013: the SKP and the perilaku value have their own sebutan."""
        result = REGIME.score(single("60", behaviour="90.01"))
        expected = {"skp": "poor", "behaviour": "very_good"}
        assert expected == {key: result.ratings[key] for key in expected}


class TestResult:
    def test_result_fields(self):
        """The result names the regime and appraisal, and lists every documented figure."""
        targets = [kegiatan(cost=(10, 10)), additional(1)]
        result = REGIME.score(appraisal(targets, innovations=[p.Innovation("Ide", "unit")]))
        expected = {
            "activity[k1].quantity",
            "activity[k1].quality",
            "activity[k1].time",
            "activity[k1].cost",
            "activity[k1].value",
            "activities",
            "additional_tasks",
            "creativity",
            "skp",
            "behaviour[service_orientation]",
            "behaviour[integrity]",
            "behaviour[commitment]",
            "behaviour[discipline]",
            "behaviour[cooperation]",
            "behaviour",
            "final",
        }
        assert expected == set(result.figures)
        identity = ("pp46_2011", "skp-2019", True)
        assert identity == (result.regime, result.appraisal_id, result.is_complete)
        assert REGIME.id == result.regime

    def test_root_gives_the_grade(self):
        """The root step's output is the grade, and it shows the final value."""
        result = REGIME.score(appraisal())
        expected = result.grade.value
        assert expected == result.trace.output
        assert ("final", str(result.score)) in result.trace.inputs

    def test_every_rounding_is_a_step(self):
        """Each declared rounding point is a trace step: kegiatan, SKP, behaviour, final."""
        result = REGIME.score(appraisal([kegiatan("k1"), kegiatan("k2")]))
        expected = ["activity[k1].value", "activity[k2].value", "skp", "behaviour", "final"]
        assert sorted(expected) == sorted(s.subject for s in result.trace.find(ROUNDING_RULE.id))

    def test_category_steps(self):
        """The sebutan of the final value, the SKP, each aspect and the behaviour are steps."""
        result = REGIME.score(appraisal())
        expected = 8  # final, skp, 5 aspects, behaviour
        assert expected == len(result.trace.find(CATEGORY_RULE.id))

    def test_render(self):
        """The trace renders in both languages."""
        trace = REGIME.score(appraisal()).trace
        assert p.render_trace(trace, "id").startswith("Penilaian prestasi kerja PNS")
        assert "Quantity = realised output" in p.render_trace(trace, "en")


class TestBadInput:
    def test_missing_realisation(self):
        """Missing is not zero: an unreported realisation is a problem at its exact path."""
        value = appraisal([kegiatan(), kegiatan("k2", quality=(100, None))])
        expected = [("$.targets[1].indicators[1].realisation", MissingValueError)]
        assert expected == problems(REGIME, value)

    def test_range_target(self):
        """Perka BKN 1/2013 Lampiran: the formulas need point targets."""
        ranged = p.Indicator(
            "k1-w",
            "Waktu",
            "time",
            p.RangeTarget(10, 12),
            direction="lower_is_better",
            realisation=p.Realisation(11),
        )
        target = attrs.evolve(kegiatan(), indicators=(*kegiatan().indicators[:2], ranged))
        expected = [("$.targets[0].indicators[2].target", UnsupportedInputError)]
        assert expected == problems(REGIME, appraisal([target]))

    def test_qualitative_target(self):
        """A qualitative target has no formula under PP 46/2011."""
        judged = p.Indicator(
            "k1-k",
            "Mutu",
            "quality",
            p.QualitativeTarget("Tanpa revisi"),
            realisation=p.Realisation(description="Satu revisi"),
        )
        base = kegiatan().indicators
        target = attrs.evolve(kegiatan(), indicators=(base[0], judged, base[2]))
        expected = [("$.targets[0].indicators[1].target", UnsupportedInputError)]
        assert expected == problems(REGIME, appraisal([target]))

    def test_cost_declared_twice(self):
        """Perka BKN 1/2013 Lampiran: a kegiatan has at most one biaya target."""
        target = kegiatan(cost=(100, 100))
        twice = indicator("k1", "cost", 50, 50)
        target = attrs.evolve(target, indicators=(*target.indicators, attrs.evolve(twice, id="x")))
        expected = [("$.targets[0].indicators[4].aspect", UnsupportedInputError)]
        assert expected == problems(REGIME, appraisal([target]))

    def test_missing_time_indicator(self):
        """Perka BKN 1/2013 Lampiran: kuantitas, kualitas and waktu are mandatory."""
        target = kegiatan(time=None)
        expected = [("$.targets[0].indicators", MissingValueError)]
        assert expected == problems(REGIME, appraisal([target]))

    @pytest.mark.parametrize(
        ("aspect", "direction", "index"),
        [("quantity", "lower_is_better", 0), ("time", "higher_is_better", 2)],
    )
    def test_wrong_direction(self, aspect, direction, index):
        """Quantity and quality are higher-is-better, time and cost lower-is-better."""
        target = kegiatan()
        flipped = attrs.evolve(target.indicators[index], direction=direction)
        indicators = list(target.indicators)
        indicators[index] = flipped
        value = appraisal([attrs.evolve(target, indicators=indicators)])
        expected = [(f"$.targets[0].indicators[{index}].direction", UnsupportedInputError)]
        assert expected == problems(REGIME, value)
        assert aspect == flipped.aspect.value

    def test_no_main_target(self):
        """PP 46/2011 needs at least one kegiatan tugas jabatan."""
        expected = [("$.targets", MissingValueError)]
        assert expected == problems(REGIME, appraisal([additional(1)]))

    def test_wrong_framework(self):
        """PP 46/2011 (about Pasal 12): behaviour is rated on its own six aspects."""
        value = appraisal(framework=p.BERAKHLAK, ratings=[])
        expected = [("$.framework", UnsupportedInputError)]
        assert expected == problems(REGIME, value)

    def test_rating_off_0_to_100(self):
        """PP 46/2011: each aspect is rated 0-100; 101 on a 0-120 scale is refused."""
        wide = p.NumericScale("nilai", 0, 120)
        value = appraisal(
            scales=[wide],
            behaviour={
                **dict.fromkeys(
                    ("service_orientation", "integrity", "commitment", "discipline"), 80
                ),
                "cooperation": 101,
            },
        )
        expected = [("$.ratings[4].score", UnsupportedInputError)]
        assert expected == problems(REGIME, value)

    def test_leadership_rated_for_a_non_structural_post(self):
        """PP 46/2011 (about Pasal 12): kepemimpinan is not rated outside jabatan struktural."""
        value = appraisal(
            behaviour={
                "service_orientation": 80,
                "integrity": 80,
                "commitment": 80,
                "discipline": 80,
                "cooperation": 80,
                "leadership": 80,
            }
        )
        expected = [("$.ratings[5].subject", UnsupportedInputError)]
        assert expected == problems(REGIME, value)

    def test_missing_rating_gives_an_incomplete_result(self):
        """Missing is not zero: without a supervisor rating there is no grade, only a gap."""
        scores = {"service_orientation": 80, "integrity": 80, "commitment": 80, "discipline": 80}
        result = REGIME.score(appraisal(behaviour=scores))
        incomplete = (None, None, False)
        assert incomplete == (result.grade, result.score, result.is_complete)
        expected = [
            p.Gap(
                "$.ratings", "no supervisor rating of cooperation; the pejabat penilai must rate it"
            )
        ]
        assert expected == list(result.gaps)
        assert {"skp", "behaviour[integrity]"} <= set(result.figures)
        assert not {"behaviour", "final", "behaviour[cooperation]"} & set(result.figures)
        missing = MISSING
        assert missing == result.trace.output
        assert REGIME.score(appraisal(behaviour=scores), trace=False) == result.without_trace()

    def test_aggregator_without_a_gap(self):
        """An aggregator that gives no value and no reason still leaves a gap, never a 0."""

        def silent(_appraisal, subject, *, trace=True):
            return Aggregate(subject, None)

        result = Pp46Regime(aggregator=silent).score(appraisal())
        expected = 5
        assert expected == len(result.gaps)
        assert result.grade is None

    def test_aggregator_problems_join_the_others(self):
        """Problems the aggregator raises (two supervisor ratings) are listed with the others."""
        second = p.Rater("atasan2", "supervisor", "e-atasan2")
        value = appraisal([kegiatan(quantity=(12, None))])
        value = attrs.evolve(
            value,
            raters=(*value.raters, second),
            ratings=(*value.ratings, p.Rating("atasan2", "integrity", "nilai", score=70)),
        )
        expected = [
            ("$.targets[0].indicators[0].realisation", MissingValueError),
            ("$.ratings", UnsupportedInputError),
        ]
        assert expected == problems(REGIME, value)

    def test_multiple_problems_together(self):
        """Every problem in the appraisal is reported in one ScoringInputError."""
        bad = kegiatan("k2", quantity=(5, None), time=(12, None))
        value = appraisal(
            [kegiatan(), bad, kegiatan("k3", quality=None)], framework=p.BERAKHLAK, ratings=[]
        )
        expected = [
            ("$.targets[1].indicators[0].realisation", MissingValueError),
            ("$.targets[1].indicators[2].realisation", MissingValueError),
            ("$.targets[2].indicators", MissingValueError),
            ("$.framework", UnsupportedInputError),
        ]
        assert expected == problems(REGIME, value)

    def test_problem_messages_name_the_rule(self):
        """Each problem names the rule it comes from."""
        with pytest.raises(ScoringInputError) as caught:
            REGIME.score(appraisal([kegiatan(time=(12, None))]))
        assert "pp46.time" in str(caught.value)

    @pytest.mark.parametrize(
        "changes",
        [
            {"weights": p.Weights({"work": 1})},
            {"weights": {"work": "3/5", "behaviour": "2/5"}},
            {"creativity": "max"},
            {"band_convention": "round"},
            {"rounding": 2},
            {"zero_output_zeroes_activity": "yes"},
        ],
    )
    def test_bad_policy(self, changes):
        """A policy field outside its documented values is refused when the regime is built."""
        with pytest.raises(InvalidValueError):
            Pp46Regime(**changes)


BAD_OPTIONS = [
    ("weights", p.Weights({"work": 1})),
    ("weights", {"work": "3/5", "behaviour": "2/5"}),
    ("weights", 3),
    ("aggregator", 3),
    ("aggregator", "supervisor"),
    ("aggregator", None),
    ("rounding", 3),
    ("rounding", "2"),
    ("rounding", None),
    ("band_convention", "x"),
    ("band_convention", 3),
    ("band_convention", None),
    ("creativity", "max"),
    ("creativity", 12),
    ("creativity", None),
    ("zero_output_zeroes_activity", "yes"),
    ("zero_output_zeroes_activity", 1),
    ("zero_output_zeroes_activity", None),
    ("rounding_points", "outputs"),
    ("rounding_points", True),
    ("rounding_points", None),
]


class TestOptions:
    @pytest.mark.parametrize(("field", "value"), BAD_OPTIONS)
    def test_bad_option_names_the_field(self, field, value):
        """A wrong type or an unknown literal raises InvalidValueError naming the field."""
        with pytest.raises(InvalidValueError) as caught:
            Pp46Regime(**{field: value})
        assert (field, value) == (caught.value.field, caught.value.value)
        assert f"{field}: must be" in str(caught.value)

    def test_every_field_is_covered(self):
        """BAD_OPTIONS tries every field of Pp46Regime."""
        expected = {field.name for field in attrs.fields(Pp46Regime)}
        assert expected == {field for field, _ in BAD_OPTIONS}

    def test_literals_list_their_choices(self):
        """An unknown literal's message lists the documented choices."""
        with pytest.raises(InvalidValueError) as caught:
            Pp46Regime(band_convention="x")
        assert "'upper_inclusive', 'round_to_integer'" in str(caught.value)

    def test_evolve_checks_again(self):
        """with_aggregator, like attrs.evolve, refuses a bad aggregator at its field."""
        with pytest.raises(InvalidValueError) as caught:
            REGIME.with_aggregator(3)
        expected = "aggregator"
        assert expected == caught.value.field

    def test_good_options_are_kept(self):
        """Every documented alternative is accepted as given."""
        regime = Pp46Regime(
            weights=p.Weights({"work": "7/10", "behaviour": "3/10"}),
            aggregator=POLICY,
            rounding=p.Rounding(1, "half_even"),
            band_convention="round_to_integer",
            creativity="sum",
            zero_output_zeroes_activity=False,
            rounding_points="outputs_only",
        )
        expected = ("round_to_integer", "sum", False, POLICY, "outputs_only")
        actual = (
            regime.band_convention,
            regime.creativity,
            regime.zero_output_zeroes_activity,
            regime.aggregator,
            regime.rounding_points,
        )
        assert expected == actual


class TestRules:
    """The public rule functions, on plain exact numbers."""

    @pytest.mark.parametrize(
        ("realised", "expected_efficiency", "expected"),
        [
            (12, 0, 76),  # on time
            (Fraction("9.12"), 24, 100),  # exactly 24 %: the full 100
            (Fraction("9.11"), Fraction(289, 12), Fraction(911, 12)),  # just above
            (13, Fraction(-25, 3), Fraction(203, 3)),  # late
            (0, 100, 0),
        ],
    )
    def test_time_and_cost(self, realised, expected_efficiency, expected):
        """Perka BKN 1/2013 Lampiran, waktu and biaya: the two branches around 24 %."""
        assert expected_efficiency == efficiency(12, realised)
        assert expected == time_value(12, realised)
        assert expected == cost_value(12, realised)
        assert expected == time_cost_value(efficiency(12, realised))
        assert (expected_efficiency > 24) == exceeds_efficiency_limit(efficiency(12, realised))

    def test_limit_is_exact(self):
        """24 % itself is within the limit; the float trap (24.000000000000014) is not taken."""
        assert not exceeds_efficiency_limit(Fraction(24))
        assert exceeds_efficiency_limit(Fraction(2400000001, 100000000))

    def test_quantity_and_quality(self):
        """Perka BKN 1/2013 Lampiran: R / T x 100, uncapped, for Decimal, Fraction and int."""
        assert Fraction(200, 3) == quantity_value(3, 2)
        assert Fraction(110) == quality_value(Decimal(90), Decimal(99))
        assert Fraction(50) == quantity_value(Fraction(1, 2), Fraction(1, 4))

    def test_activity_and_skp(self):
        """The regulation's example: 266 / 3, and the SKP adds tugas tambahan and kreativitas."""
        value = activity_value([quantity_value(12, 12), quality_value(100, 90), time_value(12, 12)])
        assert Fraction(266, 3) == value
        mean = activities_value([Decimal("88.67"), Decimal("86.92")])
        assert Fraction("87.795") == mean
        assert Fraction("91.795") == skp_value(mean, 1, 3)

    @pytest.mark.parametrize(("count", "expected"), [(0, 0), (1, 1), (3, 1), (4, 2), (7, 3)])
    def test_additional_task_points(self, count, expected):
        """Perka BKN 1/2013, tugas tambahan: 1-3 give 1, 4-6 give 2, 7 or more give 3."""
        assert expected == additional_task_points(count)

    @pytest.mark.parametrize(("policy", "expected"), [("highest", 12), ("sum", 21)])
    def test_creativity_points(self, policy, expected):
        """Perka BKN 1/2013, kreativitas: 3, 6, 12; the highest or the sum; none gives 0."""
        scopes = list(p.InnovationScope)
        assert expected == creativity_points(scopes, policy)
        none = 0
        assert none == creativity_points([], policy)

    def test_behaviour_and_final(self):
        """Behaviour is the mean of the aspects; the final value is 60 % SKP + 40 % behaviour."""
        assert Fraction(82) == behaviour_value([Fraction(80), Decimal(81), 82, 83, 84])
        assert Fraction("87.88") == final_value(Decimal("91.80"), Decimal("82.00"))
        weights = p.Weights({"work": "7/10", "behaviour": "3/10"})
        assert Fraction("83.069") == final_value(Decimal("88.67"), 70, weights)

    @pytest.mark.parametrize(
        ("value", "whole", "upper", "rounded"),
        [
            ("50.49", 50, p.Grade.POOR, p.Grade.BAD),
            ("50.5", 51, p.Grade.POOR, p.Grade.POOR),
            ("90", 90, p.Grade.GOOD, p.Grade.GOOD),
            ("90.4", 90, p.Grade.VERY_GOOD, p.Grade.GOOD),
        ],
    )
    def test_category(self, value, whole, upper, rounded):
        """PP 46/2011; Perka BKN 1/2013: the sebutan under each band convention."""
        assert whole == whole_value(Decimal(value))
        assert upper == category(Decimal(value))
        assert rounded == category(Fraction(value), "round_to_integer")

    def test_aspect_rows(self):
        """The kegiatan aspects as named rows: order, rules, directions, what is required."""
        expected = [
            ("quantity", QUANTITY_RULE, None, "higher_is_better", "TO", "RO", True),
            ("quality", QUALITY_RULE, None, "higher_is_better", "TK", "RK", True),
            ("time", TIME_RULE, TIME_ABOVE_24_RULE, "lower_is_better", "TW", "RW", True),
            ("cost", COST_RULE, COST_ABOVE_24_RULE, "lower_is_better", "TB", "RB", False),
        ]
        actual = [
            (
                row.name, row.rule, row.above_limit_rule, row.direction.value,
                row.target_symbol, row.realised_symbol, row.required,
            )
            for row in PP46_2011_ACTIVITY_ASPECTS
        ]  # fmt: skip
        assert expected == actual
        formulas = [row.formula for row in PP46_2011_ACTIVITY_ASPECTS]
        assert [quantity_value, quality_value, time_value, cost_value] == formulas


class TestCheckAppraisal:
    """check_appraisal: what the regime reads and refuses, shared with the batch engine."""

    def test_reads_the_kegiatan_and_the_behaviour(self):
        """Each kegiatan keeps its place and its (target, realisation) per aspect."""
        value = appraisal([additional(1), kegiatan(cost=(1000, 900))], behaviour=70)
        checked = check_appraisal(value)
        [activity] = checked.activities
        expected = (
            (Decimal(12), Decimal(12)),
            (Decimal(100), Decimal(90)),
            (Decimal(12), Decimal(12)),
            (Decimal(1000), Decimal(900)),
        )
        assert (1, "k1", expected) == (activity.index, activity.target.id, activity.pairs)
        assert [Fraction(70)] * 5 == [item.value for item in checked.behaviour]
        nothing = ((), ())
        assert nothing == (checked.gaps, checked.problems)
        assert all(item.step is None for item in checked.behaviour)

    def test_problems_are_the_regimes(self):
        """The regime raises exactly the problems check_appraisal lists, messages included."""
        bad = kegiatan("k2", quantity=(5, None), time=(12, None))
        targets = [kegiatan(), bad, kegiatan("k3", quality=None)]
        value = appraisal(targets, framework=p.BERAKHLAK, ratings=[])
        checked = check_appraisal(value)
        with pytest.raises(ScoringInputError) as caught:
            REGIME.score(value)
        assert checked.problems == caught.value.problems
        expected = 4
        assert expected == len(checked.problems)

    def test_gap_is_not_a_problem(self):
        """An unrated aspect is a gap, and the aspect is still listed without a value."""
        scores = {"service_orientation": 80, "integrity": 80, "commitment": 80, "discipline": 80}
        checked = check_appraisal(appraisal(behaviour=scores))
        expected = ((), ["$.ratings"], None)
        actual = (checked.problems, [gap.path for gap in checked.gaps], checked.behaviour[-1].value)
        assert expected == actual

    def test_uses_the_aggregator(self):
        """The aggregator given forms each value, with its steps when traced."""
        checked = check_appraisal(appraisal(behaviour=70), POLICY, trace=True)
        assert all(item.step is not None for item in checked.behaviour)


# -- properties ---------------------------------------------------------------------------

AMOUNTS = st.integers(1, 20_000).map(lambda cents: Decimal(cents).scaleb(-2))


@st.composite
def pp46_appraisals(draw, *, within_target=False):
    """A valid PP 46/2011 appraisal with every realisation and rating present."""
    targets = []
    for number in range(draw(st.integers(1, 4))):
        aspects = ["quantity", "quality", "time"] + (["cost"] if draw(st.booleans()) else [])
        pairs = {}
        for aspect in aspects:
            planned = draw(AMOUNTS)
            ceiling = planned if within_target else planned * 2
            cents = draw(st.integers(0, int(ceiling * 100)))
            pairs[aspect] = (planned, Decimal(cents).scaleb(-2))
        targets.append(
            kegiatan(
                f"k{number}", **{a: pairs.get(a) for a in ("quantity", "quality", "time", "cost")}
            )
        )
    targets.extend(additional(number) for number in range(draw(st.integers(0, 8))))
    kind = draw(st.sampled_from(p.PositionKind))
    aspects = p.PP46_2011_BEHAVIOUR.aspects_for(kind)
    scores = {a.id: Decimal(draw(st.integers(0, 10_000))).scaleb(-2) for a in aspects}
    scopes = draw(st.lists(st.sampled_from(p.InnovationScope), max_size=3))
    value = appraisal(
        targets,
        kind=kind,
        behaviour=scores,
        innovations=[p.Innovation(f"Ide {i}", s) for i, s in enumerate(scopes)],
    )
    peers = [p.Rating("rekan", a.id, "nilai", score=draw(st.integers(0, 100))) for a in aspects]
    return attrs.evolve(value, ratings=(*value.ratings, *peers))


def shown(output):
    """A step's output as the figure that holds it: exact, or to 6 places."""
    exact = Fraction(output)
    decimal = exact_decimal(exact)
    return decimal if decimal is not None else p.Rounding(6).apply(exact)


class TestProperties:
    @given(pp46_appraisals(), st.data())
    def test_independent_of_order(self, value, data):
        """The result does not depend on the order of the targets or the ratings."""
        shuffled = attrs.evolve(
            value,
            targets=data.draw(st.permutations(value.targets)),
            ratings=data.draw(st.permutations(value.ratings)),
        )
        expected = REGIME.score(value).without_trace()
        assert expected == REGIME.score(shuffled).without_trace()

    @given(AMOUNTS, st.integers(0, 40_000).map(lambda cents: Decimal(cents).scaleb(-2)))
    def test_time_and_cost_follow_the_lampiran_literally(self, planned, realised):
        """Perka BKN 1/2013 Lampiran: waktu and biaya equal the printed formulas, exactly."""
        target, actual = Fraction(planned), Fraction(realised)
        efficiency = 100 - actual / target * 100
        printed = (Fraction(176, 100) * target - actual) / target * 100
        expected = printed if efficiency <= 24 else 76 - (printed - 100)
        regime = Pp46Regime(zero_output_zeroes_activity=False)
        value = appraisal([kegiatan(time=(planned, realised), cost=(planned, realised))])
        trace = regime.score(value).trace
        for key in ("activity[k1].time", "activity[k1].cost"):
            [step] = [s for s in trace.walk() if s.subject == key]
            assert expected == Fraction(step.output)

    @given(pp46_appraisals(within_target=True))
    def test_within_range(self, value):
        """With realisations up to target, 0 <= final <= 0.6 * (100 + 3 + 12) + 0.4 * 100."""
        result = REGIME.score(value)
        assert 0 <= result.score <= Decimal(109)
        assert all(
            0 <= result.figures[k] <= 100 for k in result.figures if k.startswith("activity")
        )

    @given(pp46_appraisals(), st.data())
    def test_more_output_never_lowers_quantity(self, value, data):
        """Raising RO never lowers the kuantitas value."""
        target = data.draw(st.sampled_from([t for t in value.targets if t.kind is TargetKind.MAIN]))
        quantity = target.indicators[0]
        more = quantity.realisation.value + data.draw(AMOUNTS)
        raised = value.with_realisation(target.id, quantity.id, p.Realisation(more))
        key = f"activity[{target.id}].quantity"
        assert REGIME.score(value).figures[key] <= REGIME.score(raised).figures[key]

    @given(pp46_appraisals())
    def test_trace_off_gives_the_same_result(self, value):
        """trace=False gives the trace=True result without its trace."""
        expected = REGIME.score(value).without_trace()
        actual = REGIME.score(value, trace=False)
        assert expected == actual
        assert actual.trace is None

    @given(pp46_appraisals(), st.sampled_from(["upper_inclusive", "round_to_integer"]))
    def test_trace_root_and_figures(self, value, convention):
        """The root step gives the grade, and every figure has a step that gives it."""
        regime = Pp46Regime(band_convention=convention)
        result = regime.score(value)
        assert result.grade.value == result.trace.output
        steps = [s for s in result.trace.walk() if s.rule is not CATEGORY_RULE]
        for key, figure in result.figures.items():
            assert any(s.subject == key and shown(s.output) == figure for s in steps), key
        assert regime.score(value, trace=False) == result.without_trace()

    @given(pp46_appraisals())
    def test_round_trip(self, value):
        """A result round-trips through penilaian.serialization."""
        result = REGIME.score(value)
        expected = result
        assert expected == structure(unstructure(result), p.Result)

    @given(pp46_appraisals(), st.sampled_from(["upper_inclusive", "round_to_integer"]))
    def test_grade_is_the_category_of_the_score(self, value, convention):
        """The grade is the regime's category of the final score."""
        regime = Pp46Regime(band_convention=convention)
        result = regime.score(value)
        assert regime.category(result.score) == result.grade


class TestComposition:
    @given(pp46_appraisals(), st.booleans())
    def test_figures_are_the_rule_functions(self, value, zeroes):
        """Every aspect and kegiatan figure is the public rule function of the inputs."""
        regime = Pp46Regime(zero_output_zeroes_activity=zeroes)
        figures = regime.score(value, trace=False).figures
        for activity in check_appraisal(value).activities:
            prefix = f"activity[{activity.target.id}]"
            zero = zeroes and activity.pairs[0][1] == 0
            values = []
            for row, pair in zip(PP46_2011_ACTIVITY_ASPECTS, activity.pairs, strict=True):
                if pair is not None:
                    values.append(Fraction(0) if zero else row.formula(*pair))
                    assert shown(values[-1]) == figures[f"{prefix}.{row.name}"]
            assert regime.rounding.apply(activity_value(values)) == figures[f"{prefix}.value"]
