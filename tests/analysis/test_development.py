"""Tests for development recommendations: development.gaps, ._catalogue and ._development."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.strategies import (
    default_catalogue_subsets,
    development_catalogues,
    development_entitlements,
    shuffled,
    varied_appraisals,
)

from penilaian import (
    BERAKHLAK,
    PP30_2019_BEHAVIOUR,
    PP46_2011_BEHAVIOUR,
    BehaviourAspect,
    BehaviourFramework,
    FeedbackNote,
    Grade,
    OrdinalScale,
    Permen6Regime,
    Rater,
    RaterRole,
    Rating,
    Realisation,
    Result,
    default_registry,
    load_sample,
    recommend,
)
from penilaian.analysis.development import (
    ACHIEVEMENT_GAP,
    DEFAULT_BEHAVIOUR_GAPS,
    DEFAULT_DEVELOPMENT_CATALOGUE,
    GENERAL_COMPETENCIES,
    NO_STATUTORY_ENTITLEMENT,
    PERFORMANCE_COMPETENCY,
    PNS_ENTITLEMENT,
    PP46_2011_BEHAVIOUR_GAP,
    PPPK_ENTITLEMENT,
    ActionKind,
    DevelopmentAction,
    DevelopmentCatalogue,
    DevelopmentEntitlement,
    DevelopmentPolicy,
    EntitlementOutcome,
    EvidenceSource,
    GapKind,
    GapPolicy,
    GapSeverity,
    GapThreshold,
    LearningShare,
    find_gaps,
    known_competencies,
    work_competency,
)
from penilaian.exceptions import (
    DuplicateIdError,
    InvalidInputError,
    InvalidNumberError,
    InvalidValueError,
    UnknownLabelError,
    UnknownReferenceError,
)
from penilaian.model import BandTable, NipKind, TargetKind
from penilaian.regimes.permen6_2022 import BehaviourRatingFromValues

REGISTRY = default_registry()
REGIMES = ("pp46_2011", "pp30_2019", "permen6_2022", "generic")
HIGH, MEDIUM, LOW = GapSeverity.HIGH, GapSeverity.MEDIUM, GapSeverity.LOW
PPPK_NIP = "200012312024211001"  # REGULATIONS.md 5: born 2000-12-31, TMT 2024, PPPK


def score(regime_id, appraisal):
    """Score *appraisal* under *regime_id* with the default configuration, without trace."""
    return REGISTRY.get(regime_id).score(appraisal, trace=False)


def realised(appraisal, indicator_id, value):
    """Return *appraisal* with the indicator's realisation set to *value*."""
    target = next(t for t, i in appraisal.indicators() if i.id == indicator_id)
    return appraisal.with_realisation(target.id, indicator_id, Realisation(value))


def rated(appraisal, rater_id, subject, scale_id, **value):
    """Return *appraisal* with *rater_id*'s rating of *subject* replaced (or added)."""
    kept = [r for r in appraisal.ratings if (r.rater_id, r.subject) != (rater_id, subject)]
    return attrs.evolve(appraisal, ratings=[*kept, Rating(rater_id, subject, scale_id, **value)])


def without_self(appraisal):
    """Return *appraisal* without its self rater and self ratings (no self-other gap)."""
    selves = {r.id for r in appraisal.raters if r.role is RaterRole.SELF}
    return attrs.evolve(
        appraisal,
        raters=[r for r in appraisal.raters if r.id not in selves],
        ratings=[r for r in appraisal.ratings if r.rater_id not in selves],
    )


def summary(gaps):
    """Each gap as (kind, competency, subject, severity) ids, for comparison."""
    return [(g.kind.value, g.competency, g.subject, g.severity.value) for g in gaps]


def severity_of(gaps, kind):
    """The severity of the only gap of *kind*, or `None` when there is none."""
    found = [gap.severity for gap in gaps if gap.kind is kind]
    assert len(found) <= 1
    return found[0] if found else None


def assert_traces(plan, result):
    """Every plan item traces to a gap of the plan whose evidence is the result's own."""
    for item in plan.items + plan.deferred:
        assert item.gap in plan.gaps
        assert set(item.other_gaps) <= set(plan.gaps)
        assert item.gap.competency == item.action.competency
        assert item.action.hours == item.hours
        assert item.gap.severity.priority == item.priority
    for gap in plan.gaps:
        evidence = gap.evidence
        if evidence.source is EvidenceSource.FIGURE:
            assert result.figures[evidence.key] == evidence.value
        elif evidence.source is EvidenceSource.RATING:
            assert result.ratings[evidence.key] == evidence.value
        elif evidence.source is EvidenceSource.GRADE:
            assert result.grade.value == evidence.value
        else:
            assert evidence.key.split("[")[0] in {"indicator", "ratings", "self_other", "feedback"}


class TestSamples:
    @pytest.mark.parametrize("regime_id", REGIMES)
    def test_plan_traces_to_the_result(self, regime_id):
        """For each shipped sample a plan is produced and every item traces to a real gap."""
        appraisal = load_sample(regime_id)
        result = score(regime_id, appraisal)
        plan = recommend(result, DEFAULT_DEVELOPMENT_CATALOGUE, appraisal=appraisal)
        assert plan.items
        assert (appraisal.id, regime_id) == (plan.appraisal_id, plan.regime)
        assert_traces(plan, result)

    def test_pp46_quality_below_target(self):
        """Kualitas = RK / TK x 100 (Perka BKN 1/2013): 92, 88 and 90 of 100 are below target."""
        appraisal = load_sample("pp46_2011")
        gaps = find_gaps(score("pp46_2011", appraisal), appraisal)
        assert summary(gaps) == [
            ("below_target", "work_results.quality", "k1-k", "low"),
            ("below_target", "work_results.quality", "k2-k", "low"),
            ("below_target", "work_results.quality", "k3-k", "low"),
            ("below_target", "work_results.quantity", "k2-o", "low"),
        ]
        assert Decimal(88) == gaps[1].evidence.value

    def test_pp46_plan_plans_a_shared_action_once(self):
        """Three quality gaps call for one action: it is planned once, for the first gap."""
        appraisal = load_sample("pp46_2011")
        plan = recommend(score("pp46_2011", appraisal), appraisal=appraisal)
        first = plan.items[0]
        assert (first.action.id, first.gap.subject) == ("work_results.quality.review", "k1-k")
        assert [gap.subject for gap in first.other_gaps] == ["k2-k", "k3-k"]

    def test_pp30_regulation_example_is_a_low_gap(self):
        """PermenPANRB 8/2021 example: target 95, realisation 93 -> 98 % (Cukup) -> low gap."""
        appraisal = load_sample("pp30_2019")
        gaps = find_gaps(score("pp30_2019", appraisal), appraisal)
        assert summary(gaps) == [("below_target", "work_results.quantity", "iki-1.1", "low")]
        assert ("indicator[iki-1.1].achievement", Decimal(98)) == (
            gaps[0].evidence.key,
            gaps[0].evidence.value,
        )

    def test_permen6_sample_has_only_a_blind_spot(self):
        """Work above and behaviour meeting expectations: only the self-other gap remains."""
        appraisal = load_sample("permen6_2022")
        gaps = find_gaps(score("permen6_2022", appraisal), appraisal)
        assert summary(gaps) == [("self_other", "collaborative", "collaborative", "low")]
        assert Decimal(1) == gaps[0].evidence.value  # self 4, others 3, 3, 3, 3

    def test_generic_sample_low_score_and_blind_spot(self):
        """Collaborative 3 on 1-5 rescales to 50, half the scale: a medium gap."""
        appraisal = load_sample("generic")
        gaps = find_gaps(score("generic", appraisal), appraisal)
        assert summary(gaps) == [
            ("low_score", "collaborative", "collaborative", "medium"),
            ("self_other", "collaborative", "collaborative", "low"),
        ]


class TestIndicatorGaps:
    @pytest.mark.parametrize(
        ("achievement", "severity"),
        [("100", None), ("99.99", LOW), ("80", LOW), ("79.99", MEDIUM), ("60", MEDIUM),
         ("59.99", HIGH), ("0", HIGH)],
    )  # fmt: skip
    def test_achievement_bands(self, achievement, severity):
        """Under 100 % is a gap; PermenPANRB 8/2021 categories: Cukup 80, Kurang 60."""
        appraisal = load_sample("pp30_2019")
        figures = {"indicator[iki-1.1].achievement": Decimal(achievement)}
        gaps = find_gaps(Result("pp30_2019", appraisal.id, figures=figures), appraisal)
        assert severity == (gaps[0].severity if gaps else None)

    def test_pp46_late_delivery(self):
        """RW 13 of TW 12: waktu = (1.76 x 12 - 13) / 12 x 100 = 67.67 < 76, late: a gap."""
        appraisal = realised(load_sample("pp46_2011"), "k1-w", 13)
        result = score("pp46_2011", appraisal)
        [gap] = [gap for gap in find_gaps(result, appraisal) if gap.subject == "k1-w"]
        assert ("work_results.time", LOW, Decimal("67.666667")) == (
            gap.competency,
            gap.severity,
            gap.evidence.value,
        )
        assert gap.evidence.threshold == "< 76 and realised above target"

    def test_pp46_very_late_is_high(self):
        """RW 24 of TW 12 gives -24: Buruk (<= 50), a high gap."""
        appraisal = realised(load_sample("pp46_2011"), "k1-w", 24)
        gaps = find_gaps(score("pp46_2011", appraisal), appraisal)
        assert [gap.severity for gap in gaps if gap.subject == "k1-w"] == [HIGH]

    def test_pp46_over_efficient_is_no_gap(self):
        """RW 8 of TW 12 (33 % efficiency > 24) gives 66.67: early, not a gap."""
        appraisal = realised(load_sample("pp46_2011"), "k1-w", 8)
        result = score("pp46_2011", appraisal)
        assert result.figures["activity[kegiatan-1].time"] < 76
        assert [gap for gap in find_gaps(result, appraisal) if gap.subject == "k1-w"] == []

    def test_pp46_over_budget(self):
        """RB 30 M of TB 25 M: biaya = (1.76 x 25 - 30) / 25 x 100 = 56, Kurang: medium."""
        appraisal = realised(load_sample("pp46_2011"), "k2-b", 30_000_000)
        gaps = find_gaps(score("pp46_2011", appraisal), appraisal)
        assert [("work_results.cost", MEDIUM, Decimal(56))] == [
            (gap.competency, gap.severity, gap.evidence.value)
            for gap in gaps
            if gap.subject == "k2-b"
        ]

    def test_computed_when_the_result_reports_none(self):
        """PermenPANRB 6/2022 with given ratings reports no achievement: it is computed."""
        appraisal = realised(load_sample("permen6_2022"), "iki-2.1", 100)
        gaps = find_gaps(score("permen6_2022", appraisal), appraisal)
        [gap] = [gap for gap in gaps if gap.kind is GapKind.BELOW_TARGET]
        assert (
            gap.evidence.source,
            gap.evidence.key,
        ) == (EvidenceSource.APPRAISAL, "indicator[iki-2.1].achievement")
        assert (Decimal("83.333333"), LOW) == (gap.evidence.value, gap.severity)  # 100/120

    def test_missing_realisation_is_no_gap(self):
        """An indicator without a realisation is not a gap, and not zero."""
        appraisal = load_sample("permen6_2022").with_realisation("rhk-1", "iki-1.1", None)
        gaps = find_gaps(score("permen6_2022", appraisal), appraisal)
        assert [gap for gap in gaps if gap.kind is GapKind.BELOW_TARGET] == []

    def test_computed_kinds(self):
        """Additional work counts only when asked: 15 of 30 is 50 %, a high gap."""
        appraisal = realised(load_sample("permen6_2022"), "iki-3.2", 15)
        result = score("permen6_2022", appraisal)
        assert [g for g in find_gaps(result, appraisal) if g.subject == "iki-3.2"] == []
        policy = GapPolicy(computed_kinds=["utama", "tambahan"])
        assert policy.computed_kinds == (TargetKind.MAIN, TargetKind.ADDITIONAL)
        found = [g for g in find_gaps(result, appraisal, policy=policy) if g.subject == "iki-3.2"]
        assert [gap.severity for gap in found] == [HIGH]

    def test_reported_figures_are_authoritative(self):
        """When the result reports achievements, unreported indicators are not computed."""
        appraisal = realised(load_sample("permen6_2022"), "iki-2.1", 10)
        figures = {"indicator[iki-1.1].achievement": Decimal(100)}
        gaps = find_gaps(Result("generic", appraisal.id, figures=figures), appraisal)
        assert [gap for gap in gaps if gap.kind is GapKind.BELOW_TARGET] == []

    @pytest.mark.parametrize(
        ("key", "text", "severity"),
        [("indicator[iki-3.1].category", "fair", MEDIUM),
         ("indicator[iki-3.1].category", "Kurang", HIGH),
         ("indicator[iki-3.1].category", "good", None),
         ("indicator[iki-3.1]", "Di Bawah Ekspektasi", MEDIUM),
         ("indicator[iki-3.1]", "meets_expectations", None),
         ("indicator[iki-3.1]", "revisi", None),
         ("indicator[iki-1.1].category", "fair", None)],
    )  # fmt: skip
    def test_qualitative_only_when_rated(self, key, text, severity):
        """A qualitative target is a gap only when the result rates it below."""
        appraisal = without_self(load_sample("permen6_2022"))
        result = Result("permen6_2022", appraisal.id, ratings={key: text})
        gaps = find_gaps(result, appraisal)
        assert severity == (gaps[0].severity if gaps else None)
        assert all(gap.competency == "work_results.quality" for gap in gaps)

    def test_figure_of_an_unknown_indicator(self):
        """A figure naming an indicator the appraisal lacks is a mismatch, not ignored."""
        appraisal = load_sample("pp30_2019")
        result = Result("pp30_2019", appraisal.id, figures={"indicator[x].achievement": 1})
        with pytest.raises(UnknownReferenceError) as caught:
            find_gaps(result, appraisal)
        assert caught.value.value == "indicator[x].achievement"

    @pytest.mark.parametrize("key", ["activity[kegiatan-1].cost", "activity[nope].time"])
    def test_figure_of_an_unknown_activity(self, key):
        """An activity figure needs the work target and its indicator of that aspect."""
        appraisal = load_sample("pp46_2011")
        with pytest.raises(UnknownReferenceError):
            find_gaps(Result("pp46_2011", appraisal.id, figures={key: 1}), appraisal)


class TestBehaviourGaps:
    @pytest.mark.parametrize(
        ("value", "severity"),
        [("75.01", None), ("75", LOW), ("60.01", LOW), ("60", MEDIUM), ("50.01", MEDIUM),
         ("50", HIGH)],
    )  # fmt: skip
    def test_pp46_bands(self, value, severity):
        """PP 46/2011: Cukup (60, 75] low, Kurang (50, 60] medium, Buruk <= 50 high."""
        appraisal = load_sample("pp46_2011")
        figures = {"behaviour[integrity]": Decimal(value)}
        gaps = find_gaps(Result("pp46_2011", appraisal.id, figures=figures), appraisal)
        assert severity == severity_of(gaps, GapKind.LOW_SCORE)

    def test_pp46_scored_cukup(self):
        """An integrity rating of 75 is Cukup by PP 46/2011's table: a low-score gap."""
        appraisal = rated(load_sample("pp46_2011"), "atasan", "integrity", "nilai", score=75)
        result = score("pp46_2011", appraisal)
        gaps = find_gaps(result, appraisal)
        assert summary([gap for gap in gaps if gap.kind is GapKind.LOW_SCORE]) == [
            ("low_score", "integrity", "integrity", "low")
        ]
        assert_traces(recommend(result, appraisal=appraisal), result)

    @pytest.mark.parametrize(
        ("value", "severity"),
        [("90", None), ("89.99", LOW), ("70", LOW), ("69.99", MEDIUM), ("50", MEDIUM),
         ("49.99", HIGH)],
    )  # fmt: skip
    def test_pp30_bands(self, value, severity):
        """PP 30/2019 Pasal 41(5) bands per aspect: under 90 low, under 70 medium, under 50 high."""
        appraisal = load_sample("pp30_2019")
        figures = {"behaviour[initiative]": Decimal(value)}
        gaps = find_gaps(Result("pp30_2019", appraisal.id, figures=figures), appraisal)
        assert severity == severity_of(gaps, GapKind.LOW_SCORE)

    @pytest.mark.parametrize(
        ("value", "severity"), [("50.01", None), ("50", MEDIUM), ("25.01", MEDIUM), ("25", HIGH)]
    )
    def test_generic_bands(self, value, severity):
        """Generic: at or below half the scale is a gap; the bottom quarter is high."""
        appraisal = without_self(load_sample("generic"))
        figures = {"subject[loyal]": Decimal(value)}
        gaps = find_gaps(Result("generic", appraisal.id, figures=figures), appraisal)
        assert severity == severity_of(gaps, GapKind.LOW_SCORE)

    def test_subject_that_is_not_an_aspect(self):
        """Only the framework's aspects are behaviour; other rated subjects are not read."""
        appraisal = without_self(load_sample("generic"))
        figures = {"subject[work_results]": Decimal(0)}
        assert find_gaps(Result("generic", appraisal.id, figures=figures), appraisal) == ()

    def test_regime_without_threshold(self):
        """A regime with no threshold has its numeric behaviour unread, unless configured."""
        appraisal = load_sample("pp46_2011")
        result = Result("agency", appraisal.id, figures={"behaviour[integrity]": Decimal(10)})
        assert severity_of(find_gaps(result, appraisal), GapKind.LOW_SCORE) is None
        policy = GapPolicy(behaviour={"agency": PP46_2011_BEHAVIOUR_GAP})
        assert HIGH is severity_of(find_gaps(result, appraisal, policy=policy), GapKind.LOW_SCORE)

    def test_supervisor_value_below_expectations(self):
        """A BerAKHLAK value the supervisor rates Di Bawah Ekspektasi is a medium gap."""
        appraisal = rated(
            without_self(load_sample("permen6_2022")),
            "atasan",
            "adaptive",
            "expectation",
            level="Di Bawah Ekspektasi",
        )
        gaps = find_gaps(score("permen6_2022", appraisal), appraisal)
        assert summary(gaps) == [("below_expectations", "adaptive", "adaptive", "medium")]
        assert (
            gaps[0].evidence.key,
            gaps[0].evidence.value,
        ) == ("ratings[adaptive][atasan]", "below_expectations")

    def test_peer_below_expectations_is_not_the_rating(self):
        """Only the supervisor (pejabat penilai) sets a value's rating."""
        appraisal = rated(
            without_self(load_sample("permen6_2022")),
            "rekan-1",
            "adaptive",
            "expectation",
            level="below_expectations",
        )
        assert find_gaps(score("permen6_2022", appraisal), appraisal) == ()

    def test_levels_of_another_scale(self):
        """Levels of a scale that are not expectation levels are not read as below."""
        appraisal = without_self(load_sample("permen6_2022"))
        scale = OrdinalScale("tiga", ["rendah", "sedang", "tinggi"])
        appraisal = attrs.evolve(appraisal, scales=[*appraisal.scales, scale])
        appraisal = rated(appraisal, "atasan", "adaptive", "tiga", level="rendah")
        assert find_gaps(score("permen6_2022", appraisal), appraisal) == ()

    def test_values_rated_in_the_result(self):
        """Derived from the values, the result rates each: evidence is the result's rating."""
        appraisal = without_self(load_sample("permen6_2022"))
        for aspect in BERAKHLAK.aspects:
            level = "below" if aspect.id == "adaptive" else "meets"
            appraisal = rated(appraisal, "atasan", aspect.id, "expectation", level=level)
        regime = Permen6Regime(behaviour_rating=BehaviourRatingFromValues())
        result = regime.score(appraisal, trace=False)
        gaps = find_gaps(result, appraisal)
        assert summary(gaps) == [
            ("overall_rating", "behaviour", "behaviour", "high"),
            ("below_expectations", "adaptive", "adaptive", "medium"),
        ]
        assert EvidenceSource.RATING is gaps[1].evidence.source
        assert_traces(recommend(result, appraisal=appraisal), result)


class TestOverallAndGrade:
    def test_work_results_below_expectations(self):
        """PermenPANRB 6/2022 with given ratings: work results below is a high work-results gap."""
        appraisal = rated(
            without_self(load_sample("permen6_2022")),
            "atasan",
            "work_results",
            "expectation",
            level="below",
        )
        result = score("permen6_2022", appraisal)
        assert Grade.NEEDS_IMPROVEMENT is result.grade
        gaps = find_gaps(result, appraisal)
        assert summary(gaps) == [("overall_rating", "work_results", "work_results", "high")]
        plan = recommend(result, appraisal=appraisal)
        assert [item.action.id.split(".")[-1] for item in plan.items] == [
            "coaching",
            "attachment",
            "training",
        ]

    @pytest.mark.parametrize(
        ("grade", "bar", "severity"),
        [(Grade.FAIR, Grade.GOOD, MEDIUM), (Grade.NEEDS_IMPROVEMENT, Grade.GOOD, MEDIUM),
         (Grade.POOR, Grade.GOOD, HIGH), (Grade.BAD, Grade.GOOD, HIGH),
         (Grade.GOOD, Grade.GOOD, None), (Grade.GOOD, Grade.VERY_GOOD, LOW)],
    )  # fmt: skip
    def test_grade_when_nothing_else_is_known(self, grade, bar, severity):
        """Only a grade known: below the bar (ranked across regimes) is a performance gap."""
        appraisal = without_self(load_sample("permen6_2022"))
        result = Result("agency", appraisal.id, grade=grade)
        gaps = find_gaps(result, appraisal, policy=GapPolicy(grade_bar=bar))
        assert severity == (gaps[0].severity if gaps else None)
        assert all((g.kind, g.competency) == (GapKind.GRADE, PERFORMANCE_COMPETENCY) for g in gaps)

    def test_no_grade_gap_beside_specific_ones(self):
        """A grade below the bar adds nothing when the result shows where the weakness is."""
        appraisal = load_sample("pp30_2019")
        figures = {"indicator[iki-1.1].achievement": Decimal(50)}
        result = Result("pp30_2019", appraisal.id, grade=Grade.POOR, figures=figures)
        assert [gap.kind for gap in find_gaps(result, appraisal)] == [GapKind.BELOW_TARGET]


class TestAppraisalGaps:
    def test_self_other_boundary_is_inclusive(self):
        """Self 4, others 3 on 1-5: a gap of 1, exactly 1/4 of the range, is a blind spot."""
        appraisal = load_sample("permen6_2022")
        result = score("permen6_2022", appraisal)
        assert [gap.kind for gap in find_gaps(result, appraisal)] == [GapKind.SELF_OTHER]
        policy = GapPolicy(self_other_threshold="1/3")
        assert find_gaps(result, appraisal, policy=policy) == ()

    def test_hidden_strength_is_no_gap(self):
        """Rating oneself below others is not a weakness to develop."""
        appraisal = rated(
            load_sample("permen6_2022"), "self", "collaborative", "likert-1-5", score=1
        )
        assert find_gaps(score("permen6_2022", appraisal), appraisal) == ()

    @pytest.mark.parametrize(
        ("subject", "competency"),
        [("iki-1.1", "work_results.quantity"), ("rhk-1", "work_results"),
         ("work_results", "work_results")],
    )  # fmt: skip
    def test_self_other_on_work(self, subject, competency):
        """A blind spot on an indicator, a target or the overall results is a work competency."""
        appraisal = without_self(load_sample("permen6_2022"))
        appraisal = attrs.evolve(
            appraisal, raters=[*appraisal.raters, Rater("self", "self", appraisal.employee.id)]
        )
        appraisal = rated(appraisal, "self", subject, "likert-1-5", score=5)
        appraisal = rated(appraisal, "rekan-1", subject, "likert-1-5", score=2)
        gaps = find_gaps(score("permen6_2022", appraisal), appraisal)
        assert [("self_other", competency, subject, "low")] == summary(gaps)

    def test_feedback_theme(self):
        """Two notes on one aspect make a theme; notes on work targets do not."""
        appraisal = without_self(load_sample("permen6_2022"))
        result = score("permen6_2022", appraisal)
        assert find_gaps(result, appraisal) == ()  # one note on collaborative, one on rhk-3
        note = FeedbackNote(appraisal.period.start, "atasan", "Koordinasi", subject="collaborative")
        more = appraisal.with_feedback(note).with_feedback(attrs.evolve(note, subject="rhk-3"))
        gaps = find_gaps(result, more)
        assert summary(gaps) == [("feedback_theme", "collaborative", "collaborative", "low")]
        assert (Decimal(2), ">= 2 notes") == (gaps[0].evidence.value, gaps[0].evidence.threshold)

    def test_feedback_notes_configurable(self):
        """With one note enough, the sample's single note on collaborative is a theme."""
        appraisal = without_self(load_sample("permen6_2022"))
        result = score("permen6_2022", appraisal)
        gaps = find_gaps(result, appraisal, policy=GapPolicy(feedback_notes=1))
        assert [gap.subject for gap in gaps] == ["collaborative"]


class TestFindGaps:
    def test_result_of_another_appraisal(self):
        """Gaps need the appraisal the result was scored from."""
        result = score("pp30_2019", load_sample("pp30_2019"))
        with pytest.raises(UnknownReferenceError) as caught:
            find_gaps(result, load_sample("permen6_2022"))
        assert ("appraisal_id", result.appraisal_id) == (caught.value.field, caught.value.value)

    def test_incomplete_result_gives_what_it_has(self):
        """A missing behaviour rating is no gap; the work figures still show theirs."""
        sample = load_sample("pp46_2011")
        appraisal = attrs.evolve(
            sample, ratings=[r for r in sample.ratings if r.subject != "service_orientation"]
        )
        result = score("pp46_2011", appraisal)
        assert result.grade is None
        plan = recommend(result, appraisal=appraisal)
        assert not plan.result_complete
        assert [gap.subject for gap in plan.gaps] == ["k1-k", "k2-k", "k3-k", "k2-o"]
        assert_traces(plan, result)

    def test_incomplete_without_grade_has_no_grade_gap(self):
        """No grade, no grade gap: a missing grade is not a low one."""
        appraisal = without_self(load_sample("permen6_2022"))
        appraisal = attrs.evolve(
            appraisal, ratings=[r for r in appraisal.ratings if r.subject != "work_results"]
        )
        result = score("permen6_2022", appraisal)
        assert (result.grade, find_gaps(result, appraisal)) == (None, ())

    @pytest.mark.parametrize("regime_id", REGIMES)
    @given(data=st.data())
    def test_independent_of_order(self, regime_id, data):
        """Reordering targets, indicators, raters, ratings and notes gives an equal plan."""
        appraisal = data.draw(varied_appraisals(regime_id))
        plan = recommend(score(regime_id, appraisal), appraisal=appraisal)
        again = data.draw(shuffled(appraisal))
        assert plan == recommend(score(regime_id, again), appraisal=again)

    @pytest.mark.parametrize("regime_id", REGIMES)
    @given(data=st.data())
    def test_every_item_traces_to_a_gap(self, regime_id, data):
        """Every plan item names a gap whose evidence is in the result or the appraisal."""
        appraisal = data.draw(varied_appraisals(regime_id))
        catalogue = data.draw(default_catalogue_subsets())
        result = score(regime_id, appraisal)
        plan = recommend(result, catalogue, appraisal=appraisal)
        assert_traces(plan, result)
        assert plan == recommend(result, catalogue, appraisal=appraisal)
        keys = [gap.sort_key() for gap in plan.gaps]
        assert sorted(keys) == keys
        assert len({(g.kind, g.competency, g.subject) for g in plan.gaps}) == len(plan.gaps)


class TestGapThresholds:
    def test_defaults_by_regime(self):
        """PP 46/2011 <= 75, PP 30/2019 < 90, generic <= 50; achievement < 100."""
        described = {key: value.describe() for key, value in DEFAULT_BEHAVIOUR_GAPS.items()}
        assert described == {"pp46_2011": "<= 75", "pp30_2019": "< 90", "generic": "<= 50"}
        assert ACHIEVEMENT_GAP.describe() == "< 100"

    def test_exact_comparison(self):
        """A fraction a hair under the limit is a gap; no float decides it."""
        assert ACHIEVEMENT_GAP.is_gap(Fraction(299_999, 3_000))
        assert not ACHIEVEMENT_GAP.is_gap(Decimal("100.0"))

    def test_severity_must_be_a_severity_table(self):
        """The bands of a threshold give severities, nothing else."""
        table = BandTable("t", "c", ("low", "high"), (Decimal(1),))
        with pytest.raises(InvalidValueError) as caught:
            GapThreshold(limit=1, severity=table)
        assert caught.value.field == "severity"

    @pytest.mark.parametrize("behaviour", [[1], {"pp46_2011": 75}, {1: PP46_2011_BEHAVIOUR_GAP}])
    def test_behaviour_thresholds_by_regime(self, behaviour):
        """Behaviour thresholds map regime ids to GapThresholds."""
        with pytest.raises(InvalidValueError):
            GapPolicy(behaviour=behaviour)

    def test_policy_checks(self):
        """Counts, shares and target kinds are checked when the policy is built."""
        with pytest.raises(InvalidNumberError):
            GapPolicy(self_other_threshold=0)
        with pytest.raises(InvalidNumberError):
            GapPolicy(feedback_notes=0)
        with pytest.raises(InvalidValueError):
            GapPolicy(computed_kinds=())
        with pytest.raises(UnknownLabelError):
            GapPolicy(grade_bar="lumayan")

    def test_gap_kind_labels(self):
        """Gap kinds read in Indonesian and English, with aliases."""
        assert GapKind.SELF_OTHER is GapKind.parse("titik buta")
        assert GapKind.BELOW_TARGET.label("id") == "Capaian di bawah target"
        assert [severity.priority for severity in GapSeverity] == [1, 2, 3]


class TestRecommend:
    def test_no_gap_no_item(self):
        """All targets met and behaviour good: no remedial item, 0 JP against 20 for a PNS."""
        appraisal = realised(load_sample("pp30_2019"), "iki-1.1", 95)
        result = score("pp30_2019", appraisal)
        plan = recommend(result, appraisal=appraisal)
        assert (plan.gaps, plan.items, plan.planned_hours) == ((), (), 0)
        assert (
            plan.entitlement.outcome,
            plan.entitlement.shortfall,
        ) == (EntitlementOutcome.SHORTFALL, 20)

    def test_no_gap_pp46(self):
        """Every kegiatan at 100 % output and quality, every aspect Baik: nothing to plan."""
        appraisal = load_sample("pp46_2011")
        for indicator in ("k1-k", "k2-k", "k3-k"):
            appraisal = realised(appraisal, indicator, 100)
        appraisal = realised(appraisal, "k2-o", 120)
        plan = recommend(score("pp46_2011", appraisal), appraisal=appraisal)
        assert (plan.items, plan.planned_hours, plan.entitlement.status) == ((), 0, NipKind.PNS)

    def test_high_gap_gets_three_actions(self):
        """By default a high gap takes three actions, a medium two, a low one."""
        appraisal = load_sample("generic")
        result = score("generic", appraisal)
        policy = DevelopmentPolicy(actions_per_gap={"tinggi": 3, "sedang": 1, "rendah": 1})
        plan = recommend(result, appraisal=appraisal, policy=policy)
        assert [item.action.id for item in plan.items] == ["collaborative.attachment"]

    def test_replacing_the_catalogue_changes_the_actions(self):
        """A user catalogue's actions are planned, with their hours."""
        appraisal = load_sample("generic")
        own = DevelopmentAction(
            "kolaborasi-bkpsdm", "collaborative", "coaching", 12, "Coaching", "Coaching"
        )
        plan = recommend(
            score("generic", appraisal), DevelopmentCatalogue([own]), appraisal=appraisal
        )
        assert [(own, 12)] == [(item.action, item.hours) for item in plan.items]
        default = recommend(score("generic", appraisal), appraisal=appraisal)
        assert {item.action for item in default.items}.isdisjoint({own})

    def test_unaddressed_gaps(self):
        """A gap whose competency the catalogue lacks is listed, not dropped."""
        appraisal = load_sample("pp30_2019")
        only = DevelopmentAction("x", "integrity", "e_learning", 4, "Integritas", "Integrity")
        plan = recommend(
            score("pp30_2019", appraisal), DevelopmentCatalogue([only]), appraisal=appraisal
        )
        assert (plan.items, [gap.subject for gap in plan.unaddressed]) == ((), ["iki-1.1"])

    def test_max_hours_defers_in_order(self):
        """Items past the cap are deferred, the first that does not fit and all after it."""
        appraisal = load_sample("generic")
        result = score("generic", appraisal)
        capped = recommend(result, appraisal=appraisal, policy=DevelopmentPolicy(max_hours=16))
        assert (
            [item.action.id for item in capped.items],
            [item.action.id for item in capped.deferred],
        ) == (["collaborative.attachment"], ["collaborative.coaching"])
        tight = recommend(result, appraisal=appraisal, policy=DevelopmentPolicy(max_hours=10))
        assert (tight.items, len(tight.deferred)) == ((), 2)

    def test_hours_by_share(self):
        """The 70-20-10 split of the plan: an attachment (70) and coaching (20)."""
        appraisal = load_sample("generic")
        plan = recommend(score("generic", appraisal), appraisal=appraisal)
        expected = {
            LearningShare.EXPERIENCE: 16,
            LearningShare.EXPOSURE: 4,
            LearningShare.FORMAL: 0,
        }
        assert expected == plan.hours_by_share()

    @given(development_catalogues())
    def test_actions_per_gap_bound(self, catalogue):
        """No gap calls for more actions than its severity allows, whatever the catalogue."""
        appraisal = load_sample("generic")
        plan = recommend(score("generic", appraisal), catalogue, appraisal=appraisal)
        limit = DevelopmentPolicy().actions_per_gap
        for gap in plan.gaps:
            called = [i for i in plan.items if gap in (i.gap, *i.other_gaps)]
            assert len(called) <= limit[gap.severity]
        assert {item.action for item in plan.items} <= set(catalogue.actions)

    @pytest.mark.parametrize(
        "counts",
        [{"high": 1}, {"high": 0, "medium": 1, "low": 1}, [3, 2, 1],
         {"high": True, "medium": 1, "low": 1}],
    )  # fmt: skip
    def test_actions_per_gap_checked(self, counts):
        """Every severity needs a whole count of actions, 1 or more."""
        with pytest.raises(InvalidValueError):
            DevelopmentPolicy(actions_per_gap=counts)

    def test_max_hours_checked(self):
        """A cap below 1 JP is refused."""
        with pytest.raises(InvalidNumberError):
            DevelopmentPolicy(max_hours=0)


def _catalogue_of(*hours):
    """A catalogue of collaborative actions with the given hours, in order."""
    return DevelopmentCatalogue(
        [
            DevelopmentAction(f"c{index}", "collaborative", "workshop", jp, "Lokakarya", "Workshop")
            for index, jp in enumerate(hours)
        ]
    )


def _with_nip(appraisal, nip):
    return attrs.evolve(appraisal, employee=attrs.evolve(appraisal.employee, nip=nip))


class TestEntitlement:
    @pytest.mark.parametrize(
        ("planned", "outcome", "shortfall"),
        [(0, EntitlementOutcome.SHORTFALL, 20), (19, EntitlementOutcome.SHORTFALL, 1),
         (20, EntitlementOutcome.MET, 0), (60, EntitlementOutcome.MET, 0)],
    )  # fmt: skip
    def test_pns_at_least_20(self, planned, outcome, shortfall):
        """PP 17/2020 amending PP 11/2017: at least 20 JP a year for a PNS; 20 exactly is met."""
        check = PNS_ENTITLEMENT.check(planned, NipKind.PNS)
        assert (outcome, shortfall, 0) == (check.outcome, check.shortfall, check.excess)

    @pytest.mark.parametrize(
        ("planned", "outcome", "excess"),
        [(0, EntitlementOutcome.MET, 0), (24, EntitlementOutcome.MET, 0),
         (25, EntitlementOutcome.EXCEEDED, 1)],
    )  # fmt: skip
    def test_pppk_at_most_24(self, planned, outcome, excess):
        """PP 49/2018: at most 24 JP per contract year for a PPPK; 24 exactly is met."""
        check = PPPK_ENTITLEMENT.check(planned, NipKind.PPPK)
        assert (outcome, excess) == (check.outcome, check.excess)

    def test_plan_exactly_20_is_met(self):
        """The generic sample's plan is 16 + 4 JP: exactly the PNS minimum."""
        appraisal = load_sample("generic")
        plan = recommend(score("generic", appraisal), appraisal=appraisal)
        assert (plan.planned_hours, plan.entitlement.outcome) == (20, EntitlementOutcome.MET)

    @pytest.mark.parametrize(
        ("hours", "outcome", "excess"),
        [((16, 8), EntitlementOutcome.MET, 0), ((16, 9), EntitlementOutcome.EXCEEDED, 1)],
    )
    def test_pppk_plan(self, hours, outcome, excess):
        """A PPPK's plan of 24 JP is within the limit; 25 JP exceeds it by 1."""
        appraisal = _with_nip(load_sample("generic"), PPPK_NIP)
        plan = recommend(score("generic", appraisal), _catalogue_of(*hours), appraisal=appraisal)
        check = plan.entitlement
        assert (NipKind.PPPK, outcome, excess) == (check.status, check.outcome, check.excess)

    def test_pppk_limit_configurable(self):
        """The [MED] PPPK limit is a policy field: with 19 JP allowed, 20 exceeds it."""
        appraisal = _with_nip(load_sample("generic"), PPPK_NIP)
        policy = DevelopmentPolicy(pppk=DevelopmentEntitlement(maximum=19, basis="agency"))
        plan = recommend(score("generic", appraisal), appraisal=appraisal, policy=policy)
        assert (
            plan.entitlement.outcome,
            plan.entitlement.excess,
        ) == (EntitlementOutcome.EXCEEDED, 1)
        policy = DevelopmentPolicy(pppk=DevelopmentEntitlement(maximum=20, basis="agency"))
        plan = recommend(score("generic", appraisal), appraisal=appraisal, policy=policy)
        assert EntitlementOutcome.MET is plan.entitlement.outcome

    def test_without_nip(self):
        """Someone without a NIP has no statutory entitlement, unless the agency sets one."""
        appraisal = _with_nip(load_sample("generic"), None)
        plan = recommend(score("generic", appraisal), appraisal=appraisal)
        check = plan.entitlement
        assert (
            check.status,
            check.entitlement,
            check.outcome,
        ) == (None, NO_STATUTORY_ENTITLEMENT, EntitlementOutcome.NOT_APPLICABLE)
        policy = DevelopmentPolicy(without_nip=DevelopmentEntitlement(minimum=24))
        plan = recommend(score("generic", appraisal), appraisal=appraisal, policy=policy)
        assert (
            plan.entitlement.outcome,
            plan.entitlement.shortfall,
        ) == (EntitlementOutcome.SHORTFALL, 4)

    @pytest.mark.parametrize(
        ("minimum", "maximum"), [(-1, None), (None, True), (10, 9), (1.5, None)]
    )
    def test_bounds_checked(self, minimum, maximum):
        """Bounds are whole JP, 0 or more, and the maximum is at least the minimum."""
        with pytest.raises(InvalidNumberError):
            DevelopmentEntitlement(minimum=minimum, maximum=maximum)

    @given(development_entitlements(), st.integers(0, 200))
    def test_outcome_law(self, entitlement, planned):
        """Shortfall below the minimum, excess above the maximum, met in between."""
        check = entitlement.check(planned)
        low, high = entitlement.minimum, entitlement.maximum
        if low is None and high is None:
            assert EntitlementOutcome.NOT_APPLICABLE is check.outcome
        elif low is not None and planned < low:
            assert (EntitlementOutcome.SHORTFALL, low - planned) == (check.outcome, check.shortfall)
        elif high is not None and planned > high:
            assert (EntitlementOutcome.EXCEEDED, planned - high) == (check.outcome, check.excess)
        else:
            assert (check.outcome, check.shortfall, check.excess) == (EntitlementOutcome.MET, 0, 0)


class TestCatalogue:
    def test_default_covers_every_aspect_and_work(self):
        """Every BerAKHLAK value, PP 46 and PP 30 aspect and work competency has actions."""
        wanted = {
            aspect.id
            for framework in (BERAKHLAK, PP46_2011_BEHAVIOUR, PP30_2019_BEHAVIOUR)
            for aspect in framework.aspects
        } | set(GENERAL_COMPETENCIES)
        assert all(DEFAULT_DEVELOPMENT_CATALOGUE.for_competency(c) for c in wanted)
        assert wanted == DEFAULT_DEVELOPMENT_CATALOGUE.competencies

    def test_default_has_both_languages(self):
        """Each default action has an Indonesian and an English title."""
        action = DEFAULT_DEVELOPMENT_CATALOGUE.for_competency("service_oriented")[2]
        assert (
            action.title(),
            action.title("en"),
        ) == ("Pelatihan pelayanan prima", "Excellent public service training")

    def test_unknown_competency_names_the_entry(self):
        """A competency no framework has is an UnknownReferenceError at the action's path."""
        data = DEFAULT_DEVELOPMENT_CATALOGUE.to_mapping()
        data["actions"][3]["competency"] = "keuangan"
        with pytest.raises(InvalidInputError) as caught:
            DevelopmentCatalogue.from_mapping(data)
        [problem] = caught.value.problems
        assert problem.path == "$.actions[3].competency"
        assert isinstance(problem.error, UnknownReferenceError)
        assert data["actions"][3]["id"] in problem.message

    @pytest.mark.parametrize("hours", [0, -8, 1.5, True, "8"])
    def test_hours_whole_positive_jp(self, hours):
        """Hours are whole JP, at least 1."""
        with pytest.raises(InvalidNumberError) as caught:
            DevelopmentAction("a", "loyal", "e_learning", hours, "Judul", "Title")
        assert caught.value.field == "hours"

    def test_hours_error_path_from_data(self):
        """From data, a bad hour count is reported at its path."""
        data = {"actions": [{"id": "a", "competency": "loyal", "kind": "bimtek", "hours": 0,
                             "title_id": "Judul", "title_en": "Title"}]}  # fmt: skip
        with pytest.raises(InvalidInputError) as caught:
            DevelopmentCatalogue.from_mapping(data)
        assert [p.path for p in caught.value.problems] == ["$.actions[0].hours"]
        assert isinstance(caught.value.problems[0].error, InvalidNumberError)

    @pytest.mark.parametrize(
        ("row", "path"),
        [({"id": "a"}, "$.actions[0].competency"),
         ("a", "$.actions[0]"),
         ({"id": "a", "competency": "loyal", "kind": "kuliah", "hours": 2, "title_id": "J",
           "title_en": "T"}, "$.actions[0].kind"),
         ({"id": "a", "competency": "loyal", "kind": "coaching", "hours": 2, "title_id": "J",
           "title_en": "T", "share": "50"}, "$.actions[0].share"),
         ({"id": "a", "competency": "loyal", "kind": "coaching", "hours": 2, "title_id": "J",
           "title_en": "T", "cost": 1}, "$.actions[0].cost")],
    )  # fmt: skip
    def test_bad_rows(self, row, path):
        """Missing, unknown and misspelt fields are refused at their path, never dropped."""
        with pytest.raises(InvalidInputError) as caught:
            DevelopmentCatalogue.from_mapping({"actions": [row]})
        assert [path] == [problem.path for problem in caught.value.problems]

    @pytest.mark.parametrize(
        ("data", "path"),
        [({"actions": []}, "$.actions"), ({"actions": "x"}, "$.actions"),
         ({"actions": [], "version": 1}, "$"), ([], "$")],
    )  # fmt: skip
    def test_bad_documents(self, data, path):
        """A catalogue document is a mapping with a non-empty list of actions only."""
        with pytest.raises(InvalidInputError) as caught:
            DevelopmentCatalogue.from_mapping(data)
        assert [path] == [problem.path for problem in caught.value.problems]

    def test_duplicate_ids(self):
        """Two actions with one id are refused at the second."""
        action = DEFAULT_DEVELOPMENT_CATALOGUE.actions[0]
        with pytest.raises(InvalidInputError) as caught:
            DevelopmentCatalogue([action, DEFAULT_DEVELOPMENT_CATALOGUE.actions[1], action])
        [problem] = caught.value.problems
        assert (
            problem.path,
            isinstance(problem.error, DuplicateIdError),
        ) == ("$.actions[2].id", True)

    def test_not_an_action(self):
        """Only actions go in a catalogue."""
        with pytest.raises(InvalidInputError) as caught:
            DevelopmentCatalogue(["coaching"])
        assert [problem.path for problem in caught.value.problems] == ["$.actions[0]"]

    @given(development_catalogues())
    def test_mapping_round_trip(self, catalogue):
        """Any catalogue as plain data reads back equal."""
        assert catalogue == DevelopmentCatalogue.from_mapping(catalogue.to_mapping())

    def test_custom_framework(self):
        """An agency framework's aspects are known competencies when the framework is given."""
        framework = BehaviourFramework(
            "agency", "Nilai Instansi", "agency", (BehaviourAspect("frugal", "Hemat", "Frugal"),)
        )
        action = DevelopmentAction("f", "frugal", "mentoring", 4, "Hemat", "Frugal")
        with pytest.raises(InvalidInputError):
            DevelopmentCatalogue([action])
        catalogue = DevelopmentCatalogue([action], frameworks=[framework])
        assert "frugal" in catalogue.competencies
        assert known_competencies([framework]) == catalogue.competencies

    def test_with_actions_and_order(self):
        """Added actions come after existing ones of their competency."""
        extra = DevelopmentAction("loyal.extra", "loyal", "self_study", 2, "Baca", "Read")
        catalogue = DEFAULT_DEVELOPMENT_CATALOGUE.with_actions([extra])
        assert extra == catalogue.for_competency("loyal")[-1]
        assert len(catalogue.actions) - 1 == catalogue.position(extra)
        assert catalogue.for_competency("nothing") == ()

    def test_share_defaults_to_the_kind(self):
        """Secondment is experience (70), coaching exposure (20), e-learning formal (10)."""
        shares = [ActionKind.parse(text).share for text in ("magang", "coaching", "e-learning")]
        assert shares == [LearningShare.EXPERIENCE, LearningShare.EXPOSURE, LearningShare.FORMAL]
        assert [share.percent for share in LearningShare] == [70, 20, 10]
        action = DevelopmentAction("w", "loyal", "workshop", 8, "L", "W", share="20")
        assert LearningShare.EXPOSURE is action.share

    def test_work_competency(self):
        """An indicator's aspect gives its work competency; the spelling may be Indonesian."""
        assert work_competency("Waktu") == "work_results.time"


class TestDescribe:
    """Plans, items, gaps and entitlement checks say themselves in both languages."""

    def test_a_plan_with_items(self):
        """Each item shows priority, action, kind, hours, share and the gap behind it."""
        appraisal = load_sample("generic")
        plan = recommend(score("generic", appraisal), appraisal=appraisal)
        lines = plan.describe("en").splitlines()
        assert lines[0] == "Development plan 199203152019032001 (skp-2024-rina, generic):"
        assert lines[-1] == "  Entitlement: at least 20 JP; planned 20 JP \u2192 Met"
        assert len(lines) == 2 + len(plan.items)
        assert "16 JP" in lines[1]
        assert plan.describe().startswith("Rencana pengembangan 199203152019032001")

    def test_a_plan_without_items(self):
        """No gap: no remedial action, and the shortfall against the minimum."""
        appraisal = realised(load_sample("pp30_2019"), "iki-1.1", 95)
        plan = recommend(score("pp30_2019", appraisal), appraisal=appraisal)
        entitlement = "  Hak pengembangan: paling sedikit 20 JP; direncanakan 0 JP \u2192 "
        assert plan.describe().splitlines()[1:] == [
            "  tidak ada kegiatan perbaikan",
            entitlement + "Belum terpenuhi (kurang 20 JP)",
        ]

    def test_unaddressed_and_deferred_are_shown(self):
        """Gaps the catalogue cannot answer and items past the cap are listed, marked."""
        appraisal = load_sample("pp30_2019")
        only = DevelopmentAction("x", "integrity", "e_learning", 4, "Integritas", "Integrity")
        text = recommend(
            score("pp30_2019", appraisal), DevelopmentCatalogue([only]), appraisal=appraisal
        ).describe("en")
        assert "(not in the catalogue) Below target: iki-1.1" in text
        generic = load_sample("generic")
        capped = recommend(
            score("generic", generic), appraisal=generic, policy=DevelopmentPolicy(max_hours=16)
        )
        assert "(deferred) [" in capped.describe("en")

    @pytest.mark.parametrize(
        ("entitlement", "planned", "text"),
        [(PPPK_ENTITLEMENT, 25,
          "at most 24 JP; planned 25 JP \u2192 Limit exceeded (over by 1 JP)"),
         (PNS_ENTITLEMENT, 20, "at least 20 JP; planned 20 JP \u2192 Met"),
         (DevelopmentEntitlement(), 3, "none; planned 3 JP \u2192 No statutory entitlement"),
         (DevelopmentEntitlement(minimum=20, maximum=40), 41,
          "at least 20 JP, at most 40 JP; planned 41 JP \u2192 Limit exceeded (over by 1 JP)")],
    )  # fmt: skip
    def test_entitlement_checks(self, entitlement, planned, text):
        """An entitlement check shows its bounds, the hours planned and the outcome."""
        assert entitlement.check(planned).describe("en") == text
        assert "JP" in entitlement.check(planned).describe()
