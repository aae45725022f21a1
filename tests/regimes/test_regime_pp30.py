"""The PP 30/2019 + PermenPANRB 8/2021 regime: capaian IKI, nilai capaian IKI, SKP, predikat."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import attrs
import pytest
from hypothesis import assume, given
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
from penilaian.regimes.pp30_2019 import (
    PERMEN8_2021_IKI_CONVERSION,
    PERMEN8_2021_MAXIMUM_TARGET,
    PP30_2019_PREDIKAT,
    Pp30Regime,
    rules,
)
from penilaian.scoring import MISSING
from penilaian.serialization import dumps, loads
from penilaian.typing import ScoringStrategy


def interpolation(**options):
    """
    A regime on the interpolation route (PermenPANRB 8/2021 Bab VI.A.1, the JPT route).

    The tests of this file are about the interpolation table and what follows it (the
    worked examples are a direktorat jenderal's); the post is a Kepala Seksi only because
    the behaviour tests need a managerial one, and a pengawas takes the category route
    (Bab VI.A.2) by default, so every regime here names its route.  The category route is
    tested in test_pp30_category_route.py.
    """
    return Pp30Regime(route="interpolation", **options)


SCALE = p.NumericScale("nilai", 0, 120)
WIDE_SCALE = p.NumericScale("lebar", 0, 150)
ASPECTS = [aspect.id for aspect in p.PP30_2019_BEHAVIOUR.aspects]
CONTINUOUS = interpolation(achievement_rounding="continuous")


def indicator(
    indicator_id="iki-1",
    target=None,
    realised=None,
    *,
    direction=p.Direction.HIGHER_IS_BETTER,
    maximum=False,
):
    """An indicator on a point target of 100 unless told otherwise."""
    return p.Indicator(
        indicator_id,
        f"Indikator {indicator_id}",
        p.Aspect.TIME if direction is p.Direction.LOWER_IS_BETTER else p.Aspect.QUANTITY,
        p.PointTarget(100) if target is None else target,
        direction,
        realisation=None if realised is None else p.Realisation(realised),
        target_is_maximum=maximum,
    )


def appraisal(
    targets,
    *,
    behaviour=100,
    kind=p.PositionKind.SUPERVISOR,
    framework=p.PP30_2019_BEHAVIOUR,
    peer=None,
    innovations=(),
    skip=(),
    scale=SCALE,
):
    """
    An appraisal of *targets* (work targets, or indicators put in one main target).

    The supervisor rates every aspect *behaviour* (a number or a dict by aspect),
    except those in *skip*; a *peer* role (peer or subordinate) adds one rating.
    """
    if targets and isinstance(targets[0], p.Indicator):
        targets = [p.WorkTarget("rhk-1", "Rencana kinerja 1", targets)]
    raters = [p.Rater("atasan", p.RaterRole.SUPERVISOR, "e-atasan")]
    ratings = [
        p.Rating("atasan", aspect.id, scale.id, score=_score(behaviour, aspect.id))
        for aspect in framework.aspects
        if aspect.id not in skip
    ]
    if peer is not None:
        raters.append(p.Rater("lain", peer, "e-lain"))
        ratings.append(p.Rating("lain", framework.aspects[0].id, scale.id, score=100))
    return p.Appraisal(
        "skp-2021-2",
        p.Employee("e-1", "Budi Santoso"),
        p.Position("Kepala Seksi", kind),
        p.Period.semester(2021, 2),
        framework,
        targets,
        raters=raters,
        scales=[scale],
        ratings=ratings,
        innovations=innovations,
    )


def _score(behaviour, aspect):
    return behaviour[aspect] if isinstance(behaviour, dict) else behaviour


def iki(result, indicator_id="iki-1"):
    """Return (achievement, value) figures of one indicator."""
    figures = result.figures
    return figures[f"indicator[{indicator_id}].achievement"], figures[
        f"indicator[{indicator_id}].value"
    ]


def score_one(target, realised, regime=None, **options):
    """Score an appraisal with one indicator and return the result."""
    return (regime or interpolation()).score(
        appraisal([indicator("iki-1", target, realised, **options)])
    )


class TestAchievement:
    """Capaian IKI, PermenPANRB 8/2021 Lampiran Bab VI.A."""

    def test_normal_condition(self):
        """Kondisi normal: realisasi / target x 100 (93 of 95 is 97.89 %, exactly 1860/19)."""
        result = score_one(p.PointTarget(95), 93, CONTINUOUS)
        expected = (Decimal("97.89"), Decimal("87.89"))
        assert expected == iki(result)
        step = result.trace.find("achievement.normal")[0]
        assert step.output == "1860/19"

    def test_range_below_compares_with_the_lower_bound(self):
        """Target 80-90 %, realisasi 70 %: 70 / 80 = 87.5 % (regulation example)."""
        result = score_one(p.RangeTarget(80, 90), 70, CONTINUOUS)
        expected = Decimal("87.50")
        assert expected == iki(result)[0]
        step = result.trace.find("achievement.normal")[0]
        assert ("target", "80") in step.inputs

    def test_time_range_below_is_107_percent(self):
        """Time 7-8 months (kondisi khusus), realisasi 6.5: (1 + (1 - 6.5/7)) x 100 = 750/7 %."""
        target = p.RangeTarget(7, 8)
        result = score_one(target, "6.5", CONTINUOUS, direction=p.Direction.LOWER_IS_BETTER)
        assert iki(result)[0] == Decimal("107.14")
        step = result.trace.find("achievement.special")[0]
        assert step.output == "750/7"
        assert ("target", "7") in step.inputs

    def test_time_range_above_is_87_5_percent(self):
        """Time 7-8 months, realisasi 9: against the upper bound, (2 - 9/8) x 100 = 87.5 %."""
        target = p.RangeTarget(7, 8)
        result = score_one(target, 9, CONTINUOUS, direction=p.Direction.LOWER_IS_BETTER)
        expected = Decimal("87.50")
        assert expected == iki(result)[0]

    def test_range_above_uses_the_upper_bound_despite_the_printed_113(self):
        """
        Target 80-90 %, realisasi 92 %: 92 / 90 = 102.2 %.

        The regulation prints "113 %" here, a typo (113 % would need a realisation
        of 102 %); the arithmetic of its own formula gives 102.2 %, which we implement.
        """
        result = score_one(p.RangeTarget(80, 90), 92, CONTINUOUS)
        expected = Decimal("102.22")
        assert expected == iki(result)[0]

    def test_inside_the_range_is_met(self):
        """A realisation inside the target range is 100 %: the target is met."""
        result = score_one(p.RangeTarget(80, 90), 85)
        expected = (Decimal(100), Decimal("109.00"))
        assert expected == iki(result)
        assert result.trace.find("pp30.achievement.range_inside")

    def test_special_condition_point_target(self):
        """Kondisi khusus: 8 days against a target of 10 is (1 + (1 - 0.8)) x 100 = 120 %."""
        target = p.PointTarget(10)
        result = score_one(target, 8, direction=p.Direction.LOWER_IS_BETTER)
        expected = (Decimal(120), Decimal("120.00"))
        assert expected == iki(result)

    def test_below_zero_is_the_table_floor(self):
        """Over twice a lower-is-better target gives a negative capaian, valued 0 [LOW]."""
        target = p.PointTarget(10)
        result = score_one(target, 25, direction=p.Direction.LOWER_IS_BETTER)
        expected = (Decimal(-50), Decimal("0.00"))
        assert expected == iki(result)
        assert result.trace.find("pp30.iki.below_zero")


class TestConversion:
    """Nilai capaian IKI, PermenPANRB 8/2021 Lampiran Bab VI.A (conversion table)."""

    def test_regulation_example_cukup(self):
        """Target 95, realisasi 93: 97.89 % -> 98 % -> Cukup -> 88 (Anak Lampiran, p. 243)."""
        result = score_one(p.PointTarget(95), 93)
        expected = (Decimal(98), Decimal("88.00"))
        assert expected == iki(result)
        assert result.ratings["indicator[iki-1].category"] == "fair"

    def test_regulation_example_baik(self):
        """Target 85, realisasi 85: 100 % -> Baik -> 109."""
        result = score_one(p.PointTarget(85), 85)
        expected = (Decimal(100), Decimal("109.00"))
        assert expected == iki(result)
        assert result.ratings["indicator[iki-1].category"] == "good"

    @pytest.mark.parametrize(
        ("capaian", "expected", "category"),
        [
            ("0", "0.00", "very_poor"),
            ("59", "49.00", "very_poor"),
            ("60", "50.00", "poor"),
            ("79", "69.00", "poor"),
            ("80", "70.00", "fair"),
            ("99", "89.00", "fair"),
            ("100", "109.00", "good"),
            ("101", "110.00", "very_good"),
            ("105", "114.44", "very_good"),
            ("110", "120.00", "very_good"),
            ("111", "120.00", "very_good"),
            ("250", "120.00", "very_good"),
        ],
    )
    def test_whole_percent_edges(self, capaian, expected, category):
        """Each edge of the table: Sangat Kurang, Kurang, Cukup, Baik, Sangat Baik, > 110 %."""
        result = score_one(p.PointTarget(100), capaian)
        assert Decimal(expected) == iki(result)[1]
        assert category == result.ratings["indicator[iki-1].category"]

    @pytest.mark.parametrize(
        ("capaian", "whole", "continuous"),
        [
            ("59.5", "50.00", "49.42"),
            ("79.5", "70.00", "69.50"),
            ("99.5", "109.00", "89.50"),
            ("100", "109.00", "109.00"),
            ("100.5", "110.00", "109.00"),
            ("110", "120.00", "120.00"),
            ("110.01", "120.00", "120.00"),
        ],
    )
    def test_between_whole_percents(self, capaian, whole, continuous):
        """[LOW] integer_percent rounds half up first; continuous runs each line to the next cut."""
        assert Decimal(whole) == iki(score_one(p.PointTarget(100), capaian))[1]
        assert Decimal(continuous) == iki(score_one(p.PointTarget(100), capaian, CONTINUOUS))[1]

    def test_whole_percent_is_shown_rounded(self):
        """The figure is the whole percent the conversion reads (99.5 % reads as 100 %)."""
        result = score_one(p.PointTarget(100), "99.5")
        expected = Decimal(100)
        assert expected == iki(result)[0]
        step = result.trace.find("pp30.achievement.integer_percent")[0]
        expected_steps = ("100", "99.5")
        assert expected_steps == (step.output, step.children[0].output)

    def test_maximum_target_at_100_percent_is_120(self):
        """A target that is already the maximum, met at 100 %, is Sangat Baik, 120 (exception)."""
        result = score_one(p.PointTarget(100), 100, maximum=True)
        expected = (Decimal(100), Decimal("120.00"))
        assert expected == iki(result)
        assert result.ratings["indicator[iki-1].category"] == "very_good"
        assert result.trace.find("pp30.iki.maximum_target")

    def test_maximum_target_exception_is_only_at_100_percent(self):
        """The exception is at exactly 100 % (99.5 % rounds to it; 100.5 % continuous does not)."""
        assert Decimal("120.00") == iki(score_one(p.PointTarget(100), "99.5", maximum=True))[1]
        result = score_one(p.PointTarget(100), "100.5", CONTINUOUS, maximum=True)
        assert Decimal("109.00") == iki(result)[1]

    @pytest.mark.parametrize(
        ("cut", "below", "at"),
        [(0, "0", "0"), (60, "49.82", "50"), (80, "69.99", "70"), (100, "89.99", "109")],
    )
    def test_table_is_gap_free(self, cut, below, at):
        """Just below each cut the lower line still applies; at the cut the upper one."""
        table = PERMEN8_2021_IKI_CONVERSION
        just_below = Fraction(cut) - Fraction(1, 100)
        value = table.classify(just_below).apply(just_below)
        assert Decimal(below) == p.Rounding(2).apply(value)
        assert table.classify(Fraction(cut)).apply(Fraction(cut)) == Fraction(Decimal(at))

    @given(
        st.fractions(min_value=-200, max_value=300, max_denominator=1000),
        st.fractions(min_value=0, max_value=50, max_denominator=1000),
    )
    def test_monotone(self, capaian, step):
        """Nilai capaian IKI never falls as capaian rises (the maximum-target rule aside)."""
        table = PERMEN8_2021_IKI_CONVERSION
        higher = capaian + step
        assert table.classify(capaian).apply(capaian) <= table.classify(higher).apply(higher)

    @given(st.fractions(min_value=-200, max_value=300, max_denominator=1000))
    def test_within_0_and_120(self, capaian):
        """Every capaian converts to a value from 0 to 120."""
        value = PERMEN8_2021_IKI_CONVERSION.classify(capaian).apply(capaian)
        assert Fraction(0) <= value <= Fraction(120)

    def test_maximum_target_segment(self):
        """The exception is data: 120 at 100 %, Sangat Baik."""
        expected = (Fraction(120), p.Grade.VERY_GOOD)
        actual = (
            PERMEN8_2021_MAXIMUM_TARGET.apply(Fraction(100)),
            PERMEN8_2021_MAXIMUM_TARGET.category,
        )
        assert expected == actual


def work_target(target_id, *capaian, kind=TargetKind.MAIN):
    """A work target with one indicator per capaian, each on a point target of 100."""
    indicators = [
        indicator(f"{target_id}.{index}", None, value) for index, value in enumerate(capaian)
    ]
    return p.WorkTarget(target_id, f"Rencana {target_id}", indicators, kind)


class TestSkp:
    """Nilai SKP = kinerja utama + kinerja tambahan, weighted (PermenPANRB 8/2021 Lampiran)."""

    def test_plain_mean_of_main_targets(self):
        """[LOW] Without weights, kinerja utama is the mean of the main work-target values."""
        targets = [
            work_target("a", 98, 100),
            work_target("b", 105),
            work_target("c", 50, kind="additional"),
        ]
        result = interpolation().score(appraisal(targets))
        figures = result.figures
        assert figures["target[a].value"] == Decimal("98.50")
        assert figures["target[b].value"] == Decimal("114.44")
        assert figures["main"] == Decimal("106.47")
        assert figures["additional"] == Decimal(0)
        assert figures["skp"] == Decimal("106.47")

    def test_additional_work_adds_nothing_by_default(self):
        """The default policy adds 0 for kinerja tambahan, and the trace says so."""
        targets = [work_target("a", 100), work_target("x", 110, kind="additional")]
        result = interpolation().score(appraisal(targets))
        step = result.trace.find("pp30.additional.none")[0]
        expected = ("0", ("targets", "1"))
        assert expected == (step.output, step.inputs[0])
        assert result.figures["target[x].value"] == Decimal("120.00")
        assert result.figures["skp"] == Decimal("109.00")

    def test_regulation_example_102_8(self):
        """
        (59.2 + 43.6) + 0 = 102.8: 60 % x 98.67 + 40 % x 109, shown to one decimal [LOW].

        The IKIs (100 %, 100 %, 88 % -> 109, 109, 78; mean 98.67) are constructed to
        match the regulation's average; its weights inside kinerja utama are inferred.
        """
        weights = p.Weights({"pk": Fraction(3, 5), "ra": Fraction(2, 5)})
        targets = [work_target("pk", 100, 100, 88), work_target("ra", 100)]
        regime = interpolation(utama_weights=weights, rounding=p.Rounding(1))
        result = regime.score(appraisal(targets))
        assert result.without_trace() == regime.score(appraisal(targets), trace=False)
        figures = result.figures
        expected = {
            "target[pk].value": Decimal("98.7"),
            "target[pk].weighted": Decimal("59.2"),
            "target[ra].weighted": Decimal("43.6"),
            "main": Decimal("102.8"),
            "skp": Decimal("102.8"),
        }
        assert expected == {key: figures[key] for key in expected}

    def test_regulation_example_at_two_places(self):
        """The same example with the default 2 places: 59.20 + 43.60 = 102.80."""
        weights = p.Weights({"pk": Fraction(3, 5), "ra": Fraction(2, 5)})
        targets = [work_target("pk", 100, 100, 88), work_target("ra", 100)]
        result = interpolation(utama_weights=weights).score(appraisal(targets))
        figures = result.figures
        expected = (Decimal("98.67"), Decimal("59.20"), Decimal("43.60"), Decimal("102.80"))
        actual = (figures["target[pk].value"], figures["target[pk].weighted"],
                  figures["target[ra].weighted"], figures["skp"])  # fmt: skip
        assert expected == actual
        assert result.trace.find("pp30.main.sum")[0].output == "102.8"

    def test_weights_must_match_the_main_targets(self):
        """Every main target needs a weight, and every weight a main target."""
        weights = p.Weights({"pk": Fraction(1, 2), "lain": Fraction(1, 2)})
        targets = [work_target("pk", 100), work_target("ra", 100)]
        with pytest.raises(ScoringInputError) as caught:
            interpolation(utama_weights=weights).score(appraisal(targets))
        expected = ["$.targets[1].id", "$.targets"]
        assert expected == [problem.path for problem in caught.value.problems]
        assert all(
            isinstance(problem.error, UnsupportedInputError) for problem in caught.value.problems
        )

    def test_needs_a_main_target(self):
        """Kinerja utama cannot be formed from additional work alone."""
        with pytest.raises(ScoringInputError) as caught:
            interpolation().score(appraisal([work_target("x", 100, kind="additional")]))
        problem = caught.value.problems[0]
        assert problem.path == "$.targets"
        assert isinstance(problem.error, MissingValueError)

    def test_additional_points_table(self):
        """[LOW] A configured table adds points per additional target to the SKP value."""
        table = BandTable(
            "instansi.tambahan", "instansi policy",
            [Decimal(0), Decimal("0.5"), Decimal("2.4")], [Decimal(80), Decimal(110)], "lower",
        )  # fmt: skip
        targets = [
            work_target("a", 100),
            work_target("x", 100, kind="additional"),
            work_target("y", 111, kind="additional"),
        ]
        regime = interpolation(additional_points=table)
        result = regime.score(appraisal(targets))
        assert result.without_trace() == regime.score(appraisal(targets), trace=False)
        figures = result.figures
        expected = (Decimal("0.5"), Decimal("2.4"), Decimal("2.9"), Decimal("111.90"))
        assert expected == (figures["target[x].points"], figures["target[y].points"],
                            figures["additional"], figures["skp"])  # fmt: skip
        assert result.trace.find("pp30.additional.points")[0].output == "2.9"

    @pytest.mark.parametrize(
        "table",
        [
            "0.5",
            BandTable("t", "x", [Decimal(0), Decimal(-1)], [Decimal(80)]),
            BandTable("t", "x", [Decimal(0), 1], [Decimal(80)]),
        ],
    )
    def test_additional_points_must_be_a_table_of_points(self, table):
        """The table maps values to Decimal points, 0 or more."""
        with pytest.raises(InvalidValueError):
            interpolation(additional_points=table)


class TestBehaviour:
    """Perilaku kerja, PermenPANRB 8/2021: the five aspects, kepemimpinan for managers only."""

    def test_managerial_post_has_five_aspects(self):
        """A pengawas is appraised on all five aspects, kepemimpinan included [MED]."""
        scores = dict(zip(ASPECTS, [90, 95, 100, 85, 110], strict=True))
        result = interpolation().score(appraisal([indicator(realised=100)], behaviour=scores))
        assert result.figures["behaviour[leadership]"] == Decimal("110.00")
        assert result.figures["behaviour"] == Decimal("96.00")

    def test_other_posts_skip_leadership(self):
        """A pelaksana is appraised on four aspects; kepemimpinan is not asked for."""
        scores = dict(zip(ASPECTS, [90, 95, 100, 85, 0], strict=True))
        result = interpolation().score(
            appraisal(
                [indicator(realised=100)], behaviour=scores, kind="executor", skip=["leadership"]
            )
        )
        assert "behaviour[leadership]" not in result.figures
        assert result.figures["behaviour"] == Decimal("92.50")

    def test_missing_supervisor_rating_is_incomplete(self):
        """Without the supervisor's rating of an aspect there is no grade, never a 0."""
        result = interpolation().score(appraisal([indicator(realised=100)], skip=["initiative"]))
        assert not result.is_complete
        missing = (None, None)
        assert missing == (result.grade, result.score)
        expected = ["$.ratings"]
        assert expected == [gap.path for gap in result.gaps]
        assert "initiative" in result.gaps[0].reason
        assert result.figures["skp"] == Decimal("109.00")
        assert "behaviour" not in result.figures
        assert result.ratings["indicator[iki-1].category"] == "good"
        assert result.trace.output == MISSING
        assert (
            interpolation()
            .score(appraisal([indicator(realised=100)], skip=["initiative"]), trace=False)
            .trace
            is None
        )

    def test_wrong_framework(self):
        """BerAKHLAK ratings are not PP 30/2019 perilaku: refused at $.framework."""
        with pytest.raises(ScoringInputError) as caught:
            interpolation().score(appraisal([indicator(realised=100)], framework=p.BERAKHLAK))
        problem = caught.value.problems[0]
        assert problem.path == "$.framework"
        assert isinstance(problem.error, UnsupportedInputError)

    def test_value_above_120(self):
        """A behaviour value outside 0-120 is refused at its rating."""
        scores = dict.fromkeys(ASPECTS, 100) | {"commitment": 130}
        with pytest.raises(ScoringInputError) as caught:
            interpolation().score(
                appraisal([indicator(realised=100)], behaviour=scores, scale=WIDE_SCALE)
            )
        paths = [problem.path for problem in caught.value.problems]
        expected = ["$.ratings[1].score"]
        assert expected == paths

    def test_aggregator_values_and_gaps(self):
        """Another aggregator's values are used; its gaps, even without a reason, are listed."""

        @attrs.frozen
        class Fixed:
            values: dict[str, Fraction | None]

            def __call__(self, appraisal, subject, *, trace=True):
                return Aggregate(subject, self.values[subject])

        values = dict.fromkeys(ASPECTS, Fraction(301, 3))
        result = interpolation(aggregator=Fixed(values)).score(appraisal([indicator(realised=100)]))
        assert result.figures["behaviour[commitment]"] == Decimal("100.33")
        assert result.trace.find("pp30.aspect")
        incomplete = interpolation(aggregator=Fixed(values | {"commitment": None}))
        gaps = incomplete.score(appraisal([indicator(realised=100)])).gaps
        expected = ["$.ratings"]
        assert expected == [gap.path for gap in gaps]
        off_range = interpolation(aggregator=Fixed(values | {"service_orientation": Fraction(-1)}))
        with pytest.raises(ScoringInputError) as caught:
            off_range.score(appraisal([indicator(realised=100)], peer=p.RaterRole.PEER))
        assert expected == [problem.path for problem in caught.value.problems]


class TestWeighting:
    """PP 30/2019 Pasal 41(3)/(4): 70/30 without, 60/40 with peer and subordinate input."""

    def test_without_peer_input(self):
        """Only the supervisor rated: 70 % SKP + 30 % perilaku."""
        result = interpolation().score(appraisal([indicator(realised=100)], behaviour=80))
        assert result.ratings["weighting"] == "without_peer_input"
        expected = (Decimal("0.7"), Decimal("0.3"), Decimal("100.30"))
        assert expected == (
            result.figures["weight.work"],
            result.figures["weight.behaviour"],
            result.score,
        )

    @pytest.mark.parametrize("role", [p.RaterRole.PEER, p.RaterRole.SUBORDINATE])
    def test_with_peer_input(self, role):
        """A rating by a peer or a subordinate means 360 input: 60 % SKP + 40 % perilaku."""
        result = interpolation().score(
            appraisal([indicator(realised=100)], behaviour=80, peer=role)
        )
        assert result.ratings["weighting"] == "with_peer_input"
        expected = Decimal("97.40")
        assert expected == result.score
        step = result.trace.find("pp30.weighting")[0]
        assert ("peer_or_subordinate_ratings", "1") in step.inputs

    def test_second_level_supervisor_is_not_peer_input(self):
        """Only peers and subordinates count as the input Pasal 41(4) means."""
        result = interpolation().score(
            appraisal([indicator(realised=100)], peer=p.RaterRole.SECOND_LEVEL_SUPERVISOR)
        )
        assert result.ratings["weighting"] == "without_peer_input"

    @pytest.mark.parametrize(
        ("policy", "peer", "expected"),
        [("used", None, "with_peer_input"), ("not_used", p.RaterRole.PEER, "without_peer_input")],
    )
    def test_stated_policy_wins(self, policy, peer, expected):
        """An instansi's stated practice overrides what the ratings suggest."""
        result = interpolation(peer_input=policy).score(
            appraisal([indicator(realised=100)], peer=peer)
        )
        assert expected == result.ratings["weighting"]
        step = result.trace.find("pp30.weighting")[0]
        assert ("peer_or_subordinate_ratings", MISSING) in step.inputs

    def test_cap_at_120(self):
        """The final value is capped at 120 (PP 30/2019), and the cap is a step."""
        table = BandTable("t", "x", [Decimal(0), Decimal("2.4")], [Decimal(110)], "lower")
        targets = [work_target("a", 120), work_target("x", 120, kind="additional")]
        result = interpolation(additional_points=table).score(appraisal(targets, behaviour=120))
        assert result.figures["skp"] == Decimal("122.40")
        expected = Decimal("120.00")
        assert expected == result.score
        assert result.trace.find("pp30.cap")[0].inputs[0] == ("value", "121.68")

    def test_no_cap_step_below_120(self):
        """Below 120 nothing is capped and no cap step appears."""
        result = interpolation().score(appraisal([indicator(realised=111)], behaviour=120))
        expected = Decimal("120.00")
        assert expected == result.score
        assert not result.trace.find("pp30.cap")


class TestPredikat:
    """Predikat kinerja, PP 30/2019 Pasal 41(5)."""

    @pytest.mark.parametrize(
        ("final", "expected"),
        [
            ("0", p.Grade.VERY_POOR),
            ("49.99", p.Grade.VERY_POOR),
            ("50", p.Grade.POOR),
            ("69.99", p.Grade.POOR),
            ("70", p.Grade.FAIR),
            ("89.99", p.Grade.FAIR),
            ("90", p.Grade.GOOD),
            ("109.99", p.Grade.GOOD),
            ("110", p.Grade.VERY_GOOD),
            ("120", p.Grade.VERY_GOOD),
        ],
    )
    def test_band_edges(self, final, expected):
        """<50 Sangat Kurang, 50 Kurang, 70 Cukup, 90 Baik, 110 Sangat Baik (lower edges in)."""
        assert expected == PP30_2019_PREDIKAT.classify(Decimal(final))

    @pytest.mark.parametrize(("capaian", "behaviour"), [(101, 110), (110, 120)])
    def test_very_good_needs_an_innovation(self, capaian, behaviour):
        """At 110 and at 120, Sangat Baik needs an innovation for the organisation or state."""
        targets = [indicator(realised=capaian)]
        plain = interpolation().score(appraisal(targets, behaviour=behaviour))
        assert plain.without_trace() == interpolation().score(
            appraisal(targets, behaviour=behaviour), trace=False
        )
        assert plain.score == Decimal(behaviour)
        good_in_the_top_band = (p.Grade.GOOD, "very_good")
        assert good_in_the_top_band == (plain.grade, plain.ratings["band"])
        assert plain.trace.find("pp30.innovation")[0].output == "good"
        for scope, expected in [
            ("unit", p.Grade.GOOD),
            ("organisation", p.Grade.VERY_GOOD),
            ("state", p.Grade.VERY_GOOD),
        ]:
            innovation = p.Innovation("Aplikasi layanan daring", scope)
            result = interpolation().score(
                appraisal(targets, behaviour=behaviour, innovations=[innovation])
            )
            assert expected == result.grade

    def test_fair_label_default_is_butuh_perbaikan(self):
        """PermenPANRB 8/2021 names 70-90 "Butuh Perbaikan"; the trace records the renaming."""
        result = interpolation().score(appraisal([indicator(realised=90)], behaviour=80))
        untraced = interpolation().score(
            appraisal([indicator(realised=90)], behaviour=80), trace=False
        )
        assert result.without_trace() == untraced
        expected = (Decimal("80.00"), p.Grade.NEEDS_IMPROVEMENT, "fair")
        assert expected == (result.score, result.grade, result.ratings["band"])
        assert result.trace.find("pp30.fair_label")

    @pytest.mark.parametrize("label", [p.Grade.FAIR, "Cukup", "fair"])
    def test_fair_label_cukup(self, label):
        """PP 30/2019's own word, "Cukup", on request."""
        result = interpolation(fair_label=label).score(
            appraisal([indicator(realised=90)], behaviour=80)
        )
        assert result.grade is p.Grade.FAIR
        assert not result.trace.find("pp30.fair_label")

    @pytest.mark.parametrize(
        ("capaian", "behaviour", "expected"),
        [(70, 60, p.Grade.POOR), (50, 40, p.Grade.VERY_POOR), (100, 100, p.Grade.GOOD)],
    )
    def test_other_grades(self, capaian, behaviour, expected):
        """Kurang, Sangat Kurang and Baik are the bands themselves."""
        assert (
            expected
            == interpolation()
            .score(appraisal([indicator(realised=capaian)], behaviour=behaviour))
            .grade
        )

    @pytest.mark.parametrize("label", [p.Grade.GOOD, "very_poor"])
    def test_fair_label_is_one_of_two(self, label):
        """Only Cukup or Butuh Perbaikan may name the 70-90 band."""
        with pytest.raises(InvalidValueError):
            interpolation(fair_label=label)


BAD_CONFIGURATIONS = [
    ("achievement_rounding", "nearest"),
    ("achievement_rounding", "x"),
    ("achievement_rounding", 0),
    ("utama_weights", {"a": 1}),
    ("utama_weights", "weights"),
    ("additional_points", "0.5"),
    ("additional_points", {"80": "0.5"}),
    ("aggregator", "supervisor"),
    ("aggregator", None),
    ("peer_input", "sometimes"),
    ("peer_input", True),
    ("fair_label", "x"),
    ("fair_label", 3),
    ("fair_label", None),
    ("fair_label", p.Grade.GOOD),
    ("rounding", 2),
    ("rounding", "2"),
    ("rounding", None),
    ("route", "jpt"),
    ("route", None),
    ("iki_points", {"very_good": 16}),
    ("iki_points", None),
    ("rencana_bands", (100, 80)),
    ("rencana_bands", None),
    ("category_additional_points", {"very_good": "2.4"}),
    ("category_additional_points", 2),
]
"""A wrong type or an unknown value for every field of `Pp30Regime`."""


class TestBadInput:
    """Missing is not zero; what the regime does not define is refused with its path."""

    def test_every_missing_realisation_is_listed(self):
        """Each unreported realisation is a MissingValueError at its JSON path."""
        targets = [
            p.WorkTarget("a", "A", [indicator("a1", None, 100), indicator("a2")]),
            p.WorkTarget("b", "B", [indicator("b1", None, 100)]),
            p.WorkTarget("c", "C", [indicator("c1")], "additional"),
        ]
        with pytest.raises(ScoringInputError) as caught:
            interpolation().score(appraisal(targets))
        expected = [
            "$.targets[0].indicators[1].realisation",
            "$.targets[2].indicators[0].realisation",
        ]
        assert expected == [problem.path for problem in caught.value.problems]
        assert all(
            isinstance(problem.error, MissingValueError) for problem in caught.value.problems
        )

    def test_qualitative_target(self):
        """A qualitative target has no capaian under PermenPANRB 8/2021's formulas."""
        qualitative = p.Indicator(
            "q", "Laporan", "quality", p.QualitativeTarget("Diterima tanpa revisi"),
            realisation=p.Realisation(description="Diterima"),
        )  # fmt: skip
        with pytest.raises(ScoringInputError) as caught:
            interpolation().score(appraisal([qualitative]))
        problem = caught.value.problems[0]
        assert problem.path == "$.targets[0].indicators[0].target"
        assert isinstance(problem.error, UnsupportedInputError)

    def test_work_and_behaviour_problems_together(self):
        """Problems in the work and the behaviour parts are reported at once."""
        with pytest.raises(ScoringInputError) as caught:
            interpolation().score(appraisal([indicator()], framework=p.BERAKHLAK))
        expected = ["$.targets[0].indicators[0].realisation", "$.framework"]
        assert expected == [problem.path for problem in caught.value.problems]

    @pytest.mark.parametrize(("field", "value"), BAD_CONFIGURATIONS)
    def test_bad_configuration(self, field, value):
        """Each field refuses a wrong type or an unknown value with InvalidValueError, naming it."""
        with pytest.raises(InvalidValueError) as caught:
            Pp30Regime(**{field: value})
        assert field == caught.value.field
        assert field in str(caught.value)

    def test_every_field_is_checked(self):
        """The bad-configuration cases cover every field of the regime."""
        covered = {field for field, _ in TestBadInput.test_bad_configuration.pytestmark[0].args[1]}
        assert covered == {field.name for field in attrs.fields(Pp30Regime)}


class TestResult:
    """What the regime returns: id, figures, ratings, trace, JSON."""

    def test_is_a_scoring_strategy(self):
        """Pp30Regime satisfies the ScoringStrategy protocol, with id pp30_2019."""
        regime = interpolation()
        assert isinstance(regime, ScoringStrategy)
        expected = "pp30_2019"
        assert expected == regime.id
        assert expected == regime.score(appraisal([indicator(realised=100)])).regime

    def test_documented_keys(self):
        """The figures and ratings carry the keys the module documents."""
        targets = [work_target("a", 100), work_target("x", 100, kind="additional")]
        result = interpolation().score(appraisal(targets))
        expected = {
            "indicator[a.0].achievement", "indicator[a.0].value", "target[a].value",
            "indicator[x.0].achievement", "indicator[x.0].value", "target[x].value",
            "main", "additional", "skp", "behaviour", "weight.work", "weight.behaviour", "final",
            *(f"behaviour[{aspect}]" for aspect in ASPECTS),
        }  # fmt: skip
        assert expected == set(result.figures)
        assert result.figures["final"] == result.score
        expected_ratings = {
            "indicator[a.0].category",
            "indicator[x.0].category",
            "weighting",
            "band",
        }
        assert expected_ratings == set(result.ratings)

    def test_root_step_is_the_grade(self):
        """The trace's root gives the grade, from the final value."""
        result = interpolation().score(appraisal([indicator(realised=93)]))
        assert result.trace.output == result.grade.value
        assert result.trace.rule.id == "pp30.predikat"
        assert ("value", str(result.score)) in result.trace.inputs

    def test_trace_renders(self):
        """The trace reads in English and in Indonesian."""
        result = interpolation().score(appraisal([indicator(realised=93)]))
        assert "Grade from the performance value" in p.render_trace(result.trace, "en")
        assert "Nilai SKP" in p.render_trace(result.trace)


class TestRules:
    """The public rule functions: plain exact numbers in and out, each rule once."""

    @pytest.mark.parametrize(
        ("capaian", "whole"),
        [(Fraction(1860, 19), 98), (Fraction(199, 2), 100), (Fraction(-1, 2), -1), (0, 0)],
    )
    def test_whole_percent(self, capaian, whole):
        """[LOW] A capaian is read as a whole percent, halves up (97.89 % reads 98 %)."""
        assert whole == rules.whole_percent(Fraction(capaian))

    @pytest.mark.parametrize(
        ("capaian", "at_maximum", "value", "category"),
        [
            (98, False, Fraction(88), p.Grade.FAIR),
            (100, False, Fraction(109), p.Grade.GOOD),
            (100, True, Fraction(120), p.Grade.VERY_GOOD),
            (101, True, Fraction(110), p.Grade.VERY_GOOD),
            (Fraction(199, 2), True, Fraction(179, 2), p.Grade.FAIR),
            (-5, False, Fraction(0), p.Grade.VERY_POOR),
            (105, False, Fraction(1030, 9), p.Grade.VERY_GOOD),
        ],
    )
    def test_iki_value(self, capaian, at_maximum, value, category):
        """The conversion by interpolation, with the maximum-target exception at exactly 100 %."""
        segment = rules.iki_segment(capaian, at_maximum=at_maximum)
        assert (value, category) == (segment.apply(capaian), segment.category)
        assert value == rules.iki_value(capaian, at_maximum=at_maximum)

    def test_means(self):
        """Work target, main work and perilaku are plain means of exact numbers [LOW]."""
        values = [Decimal("88.00"), Fraction(109), 110]
        expected = Fraction(307, 3)
        assert expected == rules.work_target_value(values)
        assert expected == rules.main_work_value(values)
        assert expected == rules.behaviour_value(values)

    @pytest.mark.parametrize(
        ("function", "field"),
        [
            (rules.work_target_value, "iki_values"),
            (rules.main_work_value, "target_values"),
            (rules.behaviour_value, "aspect_values"),
        ],
    )
    def test_mean_of_nothing(self, function, field):
        """A mean of no value is a missing value, never 0 nor a ZeroDivisionError."""
        with pytest.raises(MissingValueError) as caught:
            function([])
        assert field == caught.value.field

    def test_skp(self):
        """The regulation's example: 0.6 x 98.67 + 0.4 x 109, then + 0 additional."""
        main = rules.weighted_value(Fraction(3, 5), Decimal("98.67")) + rules.weighted_value(
            Fraction(2, 5), 109
        )
        assert Fraction("102.802") == rules.skp_value(main, Fraction(0))

    @pytest.mark.parametrize(
        ("roles", "count", "weights"),
        [
            ([p.RaterRole.SUPERVISOR], 0, (Fraction(7, 10), Fraction(3, 10))),
            (
                [p.RaterRole.SUPERVISOR, p.RaterRole.SECOND_LEVEL_SUPERVISOR],
                0,
                (Fraction(7, 10), Fraction(3, 10)),
            ),
            ([p.RaterRole.PEER, p.RaterRole.SUBORDINATE], 2, (Fraction(3, 5), Fraction(2, 5))),
        ],
    )
    def test_peer_input_and_weights(self, roles, count, weights):
        """Pasal 41(3)/(4): peers and subordinates are peer input; 60/40 with it, else 70/30."""
        assert count == rules.peer_input_count(roles)
        chosen = rules.performance_weights(with_peer_input=count > 0)
        assert weights == (chosen["work"], chosen["behaviour"])

    def test_performance_value_and_cap(self):
        """Pasal 41: weighted SKP and perilaku, capped at 120."""
        weights = rules.performance_weights(with_peer_input=False)
        exact = rules.performance_value(Fraction("107.59"), Fraction(96), weights)
        assert Fraction("104.113") == exact
        assert exact == rules.capped(exact)
        cap = rules.PP30_2019_CAP
        assert cap == rules.capped(Fraction("121.68"))

    @pytest.mark.parametrize(
        ("scopes", "count"),
        [([], 0), (["unit"], 0), (["organisation", "state", "unit"], 2)],
    )
    def test_innovation_count(self, scopes, count):
        """Pasal 41(5) huruf a: only innovations for the organisation or the state count."""
        assert count == rules.innovation_count(p.InnovationScope(scope) for scope in scopes)

    @pytest.mark.parametrize(
        ("value", "innovative", "fair_label", "expected"),
        [
            (Fraction(111), False, p.Grade.NEEDS_IMPROVEMENT, p.Grade.GOOD),
            (Fraction(111), True, p.Grade.NEEDS_IMPROVEMENT, p.Grade.VERY_GOOD),
            (Decimal("89.99"), False, p.Grade.NEEDS_IMPROVEMENT, p.Grade.NEEDS_IMPROVEMENT),
            (Decimal("89.99"), True, p.Grade.FAIR, p.Grade.FAIR),
            (90, True, p.Grade.FAIR, p.Grade.GOOD),
            (Decimal("49.99"), True, p.Grade.FAIR, p.Grade.VERY_POOR),
        ],
    )
    def test_performance_grade(self, value, innovative, fair_label, expected):
        """The band of the value, Sangat Baik only with an innovation, Cukup's label."""
        grade = rules.performance_grade(value, innovative=innovative, fair_label=fair_label)
        assert expected == grade
        band = rules.performance_band(value)
        assert grade == rules.grade_of_band(band, innovative=innovative, fair_label=fair_label)

    def test_fair_label_is_one_of_two(self):
        """grade_of_band refuses another label for the Cukup band, naming fair_label."""
        with pytest.raises(InvalidValueError) as caught:
            rules.grade_of_band(p.Grade.FAIR, innovative=False, fair_label=p.Grade.GOOD)
        expected = ("fair_label", "good")
        assert expected == (caught.value.field, caught.value.value)


# -- properties ------------------------------------------------------------------------------

_decimals = st.decimals(min_value=0, max_value=300, places=2, allow_nan=False, allow_infinity=False)
_positive = st.decimals(
    min_value="0.5", max_value=200, places=1, allow_nan=False, allow_infinity=False
)


@st.composite
def pp30_appraisals(draw):
    """Realised PP 30/2019 appraisals: 1-4 work targets, point and range targets, all rated."""
    count = draw(st.integers(1, 4))
    targets = []
    for t_index in range(count):
        indicators = []
        for i_index in range(draw(st.integers(1, 3))):
            low = draw(_positive)
            target = draw(st.sampled_from([p.PointTarget(low), p.RangeTarget(low, low + 5)]))
            indicators.append(
                indicator(
                    f"i{t_index}.{i_index}", target, draw(_decimals),
                    direction=draw(st.sampled_from(p.Direction)), maximum=draw(st.booleans()),
                )
            )  # fmt: skip
        kind = TargetKind.MAIN if t_index == 0 else draw(st.sampled_from(TargetKind))
        targets.append(p.WorkTarget(f"t{t_index}", f"Rencana {t_index}", indicators, kind))
    scores = {aspect: draw(st.integers(0, 120)) for aspect in ASPECTS}
    return appraisal(
        targets,
        behaviour=scores,
        kind=draw(st.sampled_from(p.PositionKind)),
        peer=draw(st.none() | st.sampled_from([p.RaterRole.PEER, p.RaterRole.SUBORDINATE])),
        innovations=[
            p.Innovation("Inovasi", scope)
            for scope in draw(st.lists(st.sampled_from(p.InnovationScope), max_size=2))
        ],
    )


TAMBAHAN = BandTable(
    "instansi.tambahan", "instansi policy",
    [Decimal(0), Decimal("0.1"), Decimal("0.5"), Decimal("1.0"), Decimal("1.6"), Decimal("2.4")],
    [Decimal(50), Decimal(70), Decimal(90), Decimal(100), Decimal(110)], "lower",
)  # fmt: skip
_regimes = st.sampled_from(
    [
        interpolation(),
        CONTINUOUS,
        interpolation(fair_label=p.Grade.FAIR, peer_input="not_used", additional_points=TAMBAHAN),
    ]
)


class TestProperties:
    """Laws of the regime, over random appraisals."""

    @given(pp30_appraisals(), st.randoms(use_true_random=False), _regimes)
    def test_order_of_targets_and_ratings_does_not_matter(self, appraisal, random, regime):
        """Shuffling the work targets and the ratings gives the same result."""
        targets, ratings = list(appraisal.targets), list(appraisal.ratings)
        random.shuffle(targets)
        random.shuffle(ratings)
        shuffled = attrs.evolve(appraisal, targets=targets, ratings=ratings)
        assert regime.score(appraisal, trace=False) == regime.score(shuffled, trace=False)

    @given(pp30_appraisals(), _regimes)
    def test_score_within_0_and_120(self, appraisal, regime):
        """Every final value lies from 0 to 120, and so does every indicator value."""
        result = regime.score(appraisal, trace=False)
        assert Decimal(0) <= result.score <= Decimal(120)
        values = [value for key, value in result.figures.items() if key.endswith("].value")]
        assert all(Decimal(0) <= value <= Decimal(120) for value in values)

    @given(pp30_appraisals(), _regimes, st.data())
    def test_raising_a_realisation_never_lowers_the_value(self, appraisal, regime, data):
        """On a higher-is-better indicator (not at its maximum), more never scores less."""
        candidates = [
            (target, item)
            for target, item in appraisal.indicators()
            if item.direction is p.Direction.HIGHER_IS_BETTER and not item.target_is_maximum
        ]
        assume(candidates)
        target, item = data.draw(st.sampled_from(candidates))
        raised = item.realisation.value + data.draw(_decimals)
        better = appraisal.with_realisation(target.id, item.id, p.Realisation(raised))
        key = f"indicator[{item.id}].value"
        before, after = regime.score(appraisal, trace=False), regime.score(better, trace=False)
        assert before.figures[key] <= after.figures[key]
        assert before.figures["skp"] <= after.figures["skp"]

    @given(pp30_appraisals(), _regimes)
    def test_trace_on_and_off_agree(self, appraisal, regime):
        """The trace changes nothing else; its root is the grade."""
        traced = regime.score(appraisal)
        assert traced.without_trace() == regime.score(appraisal, trace=False)
        assert traced.trace.output == traced.grade.value

    @given(pp30_appraisals(), _regimes)
    def test_result_composes_the_public_rules(self, appraisal, regime):
        """The final value and grade are the public rule functions applied to the figures."""
        result = regime.score(appraisal, trace=False)
        figures = result.figures
        weights = rules.performance_weights(
            with_peer_input=result.ratings["weighting"] == "with_peer_input"
        )
        skp, behaviour = Fraction(figures["skp"]), Fraction(figures["behaviour"])
        exact = rules.capped(rules.performance_value(skp, behaviour, weights))
        assert regime.rounding.apply(exact) == result.score
        innovative = rules.innovation_count(item.scope for item in appraisal.innovations) > 0
        grade = rules.performance_grade(
            result.score, innovative=innovative, fair_label=regime.fair_label
        )
        assert grade == result.grade

    @given(pp30_appraisals(), _regimes)
    def test_json_round_trip(self, appraisal, regime):
        """A result, trace included, survives JSON."""
        result = regime.score(appraisal)
        assert result == loads(dumps(result), p.Result)
