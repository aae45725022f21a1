"""Tests for penilaian.analysis.raters: rater effects, findings, agreement, measured rates."""

from __future__ import annotations

import random
from decimal import Decimal
from fractions import Fraction

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from penilaian import (
    NumericScale,
    Rater,
    RaterRole,
    Rating,
    Renormalise,
    WeightingPolicy,
    load_sample,
)
from penilaian.analysis.raters import (
    AgreementFinding,
    FindingKind,
    RaterAnalytics,
    krippendorff_alpha,
)
from penilaian.exceptions import InvalidNumberError

SAMPLE = load_sample()
SCALE = NumericScale("nilai", 0, 100)
ASPECTS = tuple(aspect.id for aspect in SAMPLE.framework.aspects)


def appraisal_of(number: int, scores: dict[str, list[object]], role=RaterRole.PEER):
    """An appraisal of emp-<number>; each rater (an employee id) rates the aspects in order."""
    raters = [
        Rater(
            rater,
            RaterRole.SELF if rater == "self" else role,
            f"emp-{number}" if rater == "self" else rater,
        )
        for rater in scores
    ]
    ratings = [
        Rating(rater, aspect, SCALE.id, score=score)
        for rater, values in scores.items()
        for aspect, score in zip(ASPECTS, values, strict=False)
    ]
    employee = attrs.evolve(SAMPLE.employee, id=f"emp-{number}")
    return attrs.evolve(
        SAMPLE,
        id=f"skp-{number}",
        employee=employee,
        raters=raters,
        scales=[SCALE],
        ratings=ratings,
        feedback=(),
    )


class TestKrippendorffAlpha:
    def test_krippendorff_2011_interval_example(self):
        """Krippendorff (2011), 4 observers x 12 units with gaps: interval alpha 0.849."""
        units = [
            [1, 1, 1],
            [2, 2, 3, 2],
            [3, 3, 3, 3],
            [3, 3, 3, 3],
            [2, 2, 2, 2],
            [1, 2, 3, 4],
            [4, 4, 4, 4],
            [1, 1, 2, 1],
            [2, 2, 2, 2],
            [5, 5, 5],
            [1, 1],
            [3],
        ]
        alpha = krippendorff_alpha(units)
        assert Fraction(951, 1120) == alpha
        assert f"{float(alpha):.3f}" == "0.849"

    def test_perfect_agreement(self):
        """Raters who always agree, across varied units, have alpha 1."""
        assert krippendorff_alpha([[1, 1], [3, 3, 3], [5, 5]]) == 1

    def test_exact_numbers_of_any_kind(self):
        """Decimals, fractions and numeric text are taken exactly, like their tenfold integers."""
        mixed = [["0.1", Decimal("0.2")], [Fraction(3, 10), "0.5"], [Decimal("0.4"), "1/10"]]
        assert krippendorff_alpha(mixed) == krippendorff_alpha([[1, 2], [3, 5], [4, 1]])

    @pytest.mark.parametrize("units", [[], [[1]], [[2, 2], [2, 2]], [[4], [5]]])
    def test_undefined(self, units):
        """Fewer than two pairable values, or no variation at all, leave alpha undefined."""
        assert krippendorff_alpha(units) is None

    @given(
        st.lists(st.lists(st.integers(1, 5), min_size=1, max_size=5), max_size=12),
        st.integers(1, 10),
        st.integers(-5, 5),
    )
    def test_invariant_under_linear_rescaling(self, units, factor, shift):
        """The interval metric does not depend on the scale's unit or origin."""
        rescaled = [[value * factor + shift for value in unit] for unit in units]
        assert krippendorff_alpha(units) == krippendorff_alpha(rescaled)


class TestThresholds:
    @pytest.mark.parametrize(
        "field",
        [
            "leniency_threshold",
            "central_tendency_threshold",
            "self_other_threshold",
            "agreement_threshold",
        ],
    )
    def test_thresholds_positive(self, field):
        """Every threshold must be above 0, and the error names the threshold."""
        with pytest.raises(InvalidNumberError, match="greater than 0") as caught:
            RaterAnalytics(**{field: 0})
        assert caught.value.field == field

    @pytest.mark.parametrize("field", ["min_ratings", "halo_aspects"])
    def test_counts_at_least_two(self, field):
        """Counts below 2 make no sense for a spread or a repetition."""
        with pytest.raises(InvalidNumberError, match="at least 2"):
            RaterAnalytics(**{field: 1})

    @pytest.mark.parametrize("value", ["3", 3.0, True])
    @pytest.mark.parametrize("field", ["min_ratings", "halo_aspects"])
    def test_counts_are_whole_numbers(self, field, value):
        """A count given as text, a float or a boolean is refused at its field, not a TypeError."""
        with pytest.raises(InvalidNumberError, match="whole number") as caught:
            RaterAnalytics(**{field: value})
        assert field == caught.value.field

    def test_thresholds_are_exact(self):
        """Thresholds given as text or decimals are kept exactly."""
        assert Fraction(3, 10) == RaterAnalytics(leniency_threshold="0.3").leniency_threshold


class TestLeniency:
    def panels(self, shift: int):
        """12 employees rated by a to f on 7 aspects; rater a sits *shift* points above."""
        rng = random.Random(7)  # noqa: S311 - reproducible test data
        appraisals = []
        for number in range(12):
            true = [rng.randrange(40, 80) for _ in ASPECTS]
            scores = {
                rater: [
                    value + rng.randint(-8, 8) + (shift if rater == "a" else 0) for value in true
                ]
                for rater in "abcdef"
            }
            appraisals.append(appraisal_of(number, scores))
        return appraisals

    def test_lenient_rater_found_with_evidence(self):
        """A rater 10 points above the others is lenient, with n, mean difference and effect."""
        (finding,) = RaterAnalytics().leniency(self.panels(10))
        assert (finding.kind, finding.rater, finding.ratings) == (FindingKind.LENIENCY, "a", 84)
        assert Fraction(1979, 21000) == finding.mean_difference  # about 9.4 of the 10 points
        assert finding.effect == pytest.approx(1.472, abs=1e-3)
        assert Fraction(1, 2) == finding.threshold
        assert finding.effect == pytest.approx(float(finding.mean_difference) / finding.pooled_sd)

    def test_severe_rater(self):
        """A rater 10 points below the others is severe."""
        kinds = {
            (finding.rater, finding.kind) for finding in RaterAnalytics().leniency(self.panels(-10))
        }
        assert ("a", FindingKind.SEVERITY) in kinds

    def test_no_finding_without_bias(self):
        """Raters who differ only by noise give no finding."""
        assert RaterAnalytics().leniency(self.panels(0)) == ()

    def test_too_few_ratings(self):
        """Raters with fewer comparable ratings than min_ratings are not judged."""
        assert RaterAnalytics(min_ratings=100).leniency(self.panels(10)) == ()

    def test_total_agreement(self):
        """When every rater agrees exactly, there is no spread to judge against."""
        scores = {"a": [70] * 7, "b": [70] * 7}
        assert RaterAnalytics().leniency([appraisal_of(1, scores)]) == ()

    def test_self_and_ordinal_ratings_are_left_out(self):
        """Self-ratings and ordinal ratings do not enter leniency."""
        appraisals = self.panels(0)
        appraisals[0] = SAMPLE  # self 4-5s, supervisor's expectation levels
        assert RaterAnalytics().leniency(appraisals) == ()

    def test_analytics_never_change_a_score(self):
        """Running every analysis leaves a policy's values as they were."""
        appraisals = self.panels(10)
        policy = WeightingPolicy({"peer": 1}, missing=Renormalise())
        before = [policy(appraisal, ASPECTS[0], trace=False) for appraisal in appraisals]
        RaterAnalytics().report(appraisals)
        assert before == [policy(appraisal, ASPECTS[0], trace=False) for appraisal in appraisals]


class TestCentralTendency:
    def test_flat_rater(self):
        """A rater who gives 70 or 71 to everyone spreads too little; varied raters do not."""
        appraisals = [
            appraisal_of(
                number, {"flat": [70, 71, 70, 70, 71, 70, 70], "wide": [40, 90, 60, 75, 55, 85, 95]}
            )
            for number in range(2)
        ]
        (finding,) = RaterAnalytics().central_tendency(appraisals)
        assert (
            finding.kind,
            finding.rater,
            finding.ratings,
        ) == (FindingKind.CENTRAL_TENDENCY, "flat", 14)
        assert finding.sd < 0.1
        assert Fraction(1, 10) == finding.threshold

    def test_too_few_ratings(self):
        """A rater with fewer than min_ratings ratings is not judged."""
        assert RaterAnalytics().central_tendency([appraisal_of(1, {"flat": [70] * 7})]) == ()


class TestHalo:
    def test_sample_at_five(self):
        """In the sample, the supervisor and one peer gave 4 on five of the seven aspects."""
        findings = RaterAnalytics(halo_aspects=5).halo([SAMPLE])
        assert [("198105102006041003", Decimal(4), 5), ("199111112019031006", Decimal(4), 5)] == [
            (finding.rater, finding.score, len(finding.aspects)) for finding in findings
        ]
        assert (FindingKind.HALO, SAMPLE.id, 7, 5) == (
            findings[0].kind,
            findings[0].appraisal_id,
            findings[0].rated,
            findings[0].threshold,
        )
        assert "collaborative" not in findings[0].aspects  # the supervisor gave it 3

    def test_sample_at_default(self):
        """At the default of six equal aspects, the sample has no halo."""
        assert RaterAnalytics().halo([SAMPLE]) == ()

    def test_self_is_left_out(self):
        """A self-rating of all 5s is not a halo finding (self-ratings enter only the gap)."""
        appraisal = appraisal_of(1, {"self": [90] * 7, "b": list(range(60, 67))})
        assert RaterAnalytics().halo([appraisal]) == ()


class TestSelfOther:
    def test_sample_blind_spot(self):
        """The sample's employee rates collaboration 4, others 3: a blind spot of one point."""
        (finding,) = RaterAnalytics().self_other([SAMPLE])
        assert (
            FindingKind.BLIND_SPOT,
            "collaborative",
            Fraction(4),
            Fraction(3),
            4,
            Fraction(1),
        ) == (
            finding.kind,
            finding.subject,
            finding.self_value,
            finding.others_mean,
            finding.others,
            finding.gap,
        )
        assert (SAMPLE.employee.id, SAMPLE.id, Fraction(1, 4)) == (
            finding.employee_id,
            finding.appraisal_id,
            finding.threshold,
        )

    def test_hidden_strength(self):
        """Rating oneself 30 points below others is a hidden strength."""
        appraisal = appraisal_of(1, {"self": [50], "b": [80], "c": [80]})
        (finding,) = RaterAnalytics().self_other([appraisal])
        assert (FindingKind.HIDDEN_STRENGTH, Fraction(-30)) == (finding.kind, finding.gap)

    def test_no_others(self):
        """A self-rating with no other rating of the subject gives no gap."""
        assert RaterAnalytics().self_other([appraisal_of(1, {"self": [50]})]) == ()

    def test_self_on_ordinal_scale(self):
        """Self-ratings on an ordinal scale are left out."""
        appraisal = attrs.evolve(
            SAMPLE,
            ratings=[
                *SAMPLE.ratings,
                Rating("self", "work_results", "expectation", level="above_expectations"),
            ],
        )
        assert len(RaterAnalytics().self_other([appraisal])) == 1


class TestAgreement:
    def test_per_subject_then_all(self):
        """Alpha is given for each subject, sorted, and then for all subjects together."""
        results = RaterAnalytics().agreement([SAMPLE])
        assert [*sorted(ASPECTS), None] == [result.subject for result in results]
        service = results[sorted(ASPECTS).index("service_oriented")]
        assert (service.units, service.values) == (1, 5)  # one unit, five raters

    def test_low_agreement(self):
        """Raters who disagree have low alpha; is_low needs a defined alpha."""
        appraisal = appraisal_of(1, {"a": [10, 90, 10, 90], "b": [90, 10, 90, 10]})
        overall = RaterAnalytics().agreement([appraisal])[-1]
        assert overall.alpha is not None
        assert overall.alpha < 0
        assert overall.is_low
        undefined = AgreementFinding(FindingKind.LOW_AGREEMENT, None, None, 0, 0, Fraction(2, 3))
        assert not undefined.is_low

    def test_report_holds_every_analysis(self):
        """The report runs every analysis once, over any iterable of appraisals."""
        report = RaterAnalytics(halo_aspects=5).report(iter([SAMPLE]))
        assert (
            len(report.leniency),
            len(report.central_tendency),
            len(report.halo),
            len(report.self_other),
            len(report.agreement),
        ) == (0, 0, 2, 1, 8)

    def test_anonymous_public_raters_are_known_per_appraisal(self):
        """A public respondent without an employee id is known as appraisal id / rater id."""
        appraisal = appraisal_of(1, {"b": list(range(60, 67))})
        appraisal = appraisal.with_rater(Rater("resp-1", RaterRole.PUBLIC))
        for aspect in ASPECTS:
            appraisal = appraisal.with_rating(Rating("resp-1", aspect, SCALE.id, score=80))
        (finding,) = RaterAnalytics().halo([appraisal])
        assert finding.rater == "skp-1/resp-1"


# -- the detection-rate experiment ---------------------------------------------------------

EMPLOYEES, RATERS, PANEL, SEEDS = 200, 50, 5, range(10)
BIASED_SHARE, SHIFT_SD, NOISE_SD = Fraction(1, 10), Fraction(1, 2), 8.0


def synthetic(seed: int):
    """
    One synthetic organisation with a known, injected leniency.

    200 employees, each rated by 5 of 50 raters (all peers) on the 7 BerAKHLAK aspects on
    0-100.  Each employee has a level ~ N(70, 6); each aspect a true value level + N(0, 4);
    each rating is true value + N(0, 8) (the rating noise, "sd" below), rounded to 0.1 and
    kept on the scale.  10 % of the raters (5) add +0.5 sd (+4 points) to every rating.
    """
    rng = random.Random(seed)  # noqa: S311 - reproducible test data
    raters = [f"rater-{index:02d}" for index in range(RATERS)]
    biased = set(rng.sample(raters, int(BIASED_SHARE * RATERS)))
    shift = float(SHIFT_SD) * NOISE_SD
    appraisals = []
    for number in range(EMPLOYEES):
        level = rng.gauss(70, 6)
        panel = rng.sample(raters, PANEL)
        ratings = []
        for aspect in ASPECTS:
            true = level + rng.gauss(0, 4)
            for rater in panel:
                score = true + (shift if rater in biased else 0) + rng.gauss(0, NOISE_SD)
                ratings.append(
                    Rating(rater, aspect, SCALE.id, score=str(min(max(round(score, 1), 0), 100)))
                )
        appraisals.append(
            attrs.evolve(
                SAMPLE,
                id=f"skp-{number:03d}",
                employee=attrs.evolve(SAMPLE.employee, id=f"emp-{number:03d}"),
                raters=[Rater(rater, RaterRole.PEER, rater) for rater in panel],
                scales=[SCALE],
                ratings=ratings,
                feedback=(),
            )
        )
    return appraisals, biased, set(raters) - biased


@pytest.fixture(scope="module")
def organisations():
    return [synthetic(seed) for seed in SEEDS]


def rates(organisations, threshold: str) -> tuple[int, int, int, int]:
    """Return (biased found, biased, unbiased found, unbiased) over every organisation."""
    found_biased = biased_total = found_clean = clean_total = 0
    for appraisals, biased, clean in organisations:
        findings = RaterAnalytics(leniency_threshold=threshold).leniency(appraisals)
        lenient = {finding.rater for finding in findings if finding.kind is FindingKind.LENIENCY}
        flagged = {finding.rater for finding in findings}
        found_biased += len(lenient & biased)
        found_clean += len(flagged & clean)
        biased_total += len(biased)
        clean_total += len(clean)
    return found_biased, biased_total, found_clean, clean_total


class TestDetectionRate:
    """
    The leniency detector on 10 synthetic organisations (seeds 0-9): 50 biased, 450 unbiased raters.

    Measured (``pytest tests/test_analytics.py -k Detection -s``): at the default threshold
    of 0.5 pooled sd, 16/50 biased raters found (32 %) and 0/450 unbiased flagged; at 0.3 sd,
    47/50 (94 %) and 5/450 (1.1 %).  A rater shifted by exactly 0.5 sd has an expected
    effect just below 0.5 (the others' mean carries some bias too, and the pooled sd
    includes the raters' spread), so the default finds only the clearest cases; 0.3 is
    the better screening threshold at this noise.
    """

    def test_default_threshold(self, organisations):
        """At 0.5 sd: detection at least 25 %, false positives at most 1 %."""
        found, biased, false, clean = rates(organisations, "0.5")
        print(  # noqa: T201 - the measured rates, shown with -s
            f"\nleniency at 0.5 sd: detection {found}/{biased} = {found / biased:.1%}, "
            f"false positives {false}/{clean} = {false / clean:.2%}"
        )
        assert found / biased >= 0.25
        assert false / clean <= 0.01

    def test_screening_threshold(self, organisations):
        """At 0.3 sd: detection at least 90 %, false positives at most 2 %."""
        found, biased, false, clean = rates(organisations, "0.3")
        print(  # noqa: T201 - the measured rates, shown with -s
            f"\nleniency at 0.3 sd: detection {found}/{biased} = {found / biased:.1%}, "
            f"false positives {false}/{clean} = {false / clean:.2%}"
        )
        assert found / biased >= 0.9
        assert false / clean <= 0.02
