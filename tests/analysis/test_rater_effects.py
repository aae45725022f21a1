"""Tests for penilaian.analysis.raters.RaterEffects: one model, error bars, adjusted p-values."""

from __future__ import annotations

import itertools
import math
import random

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from penilaian import NumericScale, Rater, RaterRole, Rating, load_sample
from penilaian.analysis.raters import (
    Adjustment,
    Evidence,
    FindingKind,
    RaterEffects,
    adjust,
)
from penilaian.exceptions import InvalidNumberError, UnknownLabelError

SAMPLE = load_sample()
SCALE = NumericScale("nilai", 0, 100)
ASPECTS = tuple(aspect.id for aspect in SAMPLE.framework.aspects)


def appraisal_of(number: int, scores: dict[str, list[float]], roles=None):
    """An appraisal of emp-<number>; each rater (an employee id) rates the aspects in order."""
    roles = roles or {}
    raters = [Rater(rater, roles.get(rater, RaterRole.PEER), rater) for rater in scores]
    ratings = [
        Rating(rater, aspect, SCALE.id, score=round(score))
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


def design(shifts, *, people=24, per_person=4, noise=0, seed=1, quality=None):
    """
    People rated on 7 aspects by *per_person* of the raters in *shifts* (rotating).

    Each rating is 50 + the person's quality + an aspect effect + the rater's shift
    (+ uniform noise up to *noise*).  *quality* maps a person to their quality.
    """
    rng = random.Random(seed)  # noqa: S311 - reproducible test data
    names = list(shifts)
    aspect = [rng.randint(-5, 5) for _ in ASPECTS]
    appraisals = []
    for number in range(people):
        level = quality(number) if quality else rng.randint(-10, 10)
        chosen = [names[(number + k) % len(names)] for k in range(per_person)]
        scores = {
            rater: [
                50 + level + effect + shifts[rater] + rng.uniform(-noise, noise)
                for effect in aspect
            ]
            for rater in chosen
        }
        appraisals.append(appraisal_of(number, scores))
    return appraisals


class TestKnownDesigns:
    def test_rater_ten_points_up_on_everyone(self):
        """On exact data, a rater 10 points above the others has effect 10/100; others 0."""
        estimates = {
            e.rater: e
            for e in RaterEffects().estimates(design({"a": 10, **dict.fromkeys("bcdef", 0)}))
        }
        assert estimates["a"].effect == pytest.approx(0.1, abs=1e-9)
        assert estimates["a"].kind is FindingKind.LENIENCY
        for rater in "bcdef":
            assert estimates[rater].effect == pytest.approx(0, abs=1e-9)
            assert estimates[rater].kind is None

    def test_found_through_noise_with_error_bar(self):
        """With noise, the lenient rater is found alone, and 0.1 lies within 3 standard errors."""
        shifts = {"a": 10, **dict.fromkeys("bcdefgh", 0)}
        estimates = RaterEffects().estimates(design(shifts, people=60, noise=8, seed=3))
        found = [(e.rater, e.kind) for e in estimates if e.kind]
        assert found == [("a", FindingKind.LENIENCY)]
        (lenient,) = (e for e in estimates if e.rater == "a")
        assert abs(lenient.effect - 0.1) < 3 * lenient.standard_error
        assert lenient.standard_error > 0
        assert lenient.adjusted_p >= lenient.p_value
        assert lenient.ratings == lenient.overlapping_ratings == 7 * lenient.ratees

    def test_severe_rater(self):
        """A rater 10 points below is severe, with a negative effect."""
        shifts = {"a": -10, **dict.fromkeys("bcdefgh", 0)}
        (finding,) = RaterEffects().findings(design(shifts, people=60, noise=8, seed=4))
        assert (finding.rater, finding.kind) == ("a", FindingKind.SEVERITY)
        assert finding.effect < 0

    def test_lenient_rater_of_weak_people_is_not_confused(self):
        """
        Rater a rates only weak people (30 points down) and adds 10: raw means call a harsh.

        The model compares a with the other raters of the same people, so a is lenient by
        exactly 10/100, and the others, who rate strong people, are not lenient.
        """
        rng = random.Random(5)  # noqa: S311 - reproducible test data
        appraisals = []
        for number in range(30):
            weak = number % 3 == 0
            level = -30 if weak else rng.randint(0, 10)
            raters = ["a", "b", "c"] if weak else ["b", "c", "d", "e"]
            scores = {rater: [60 + level + (10 if rater == "a" else 0)] * 7 for rater in raters}
            appraisals.append(appraisal_of(number, scores))
        raw = {
            rater: sum(float(r.score) for a in appraisals for r in a.ratings if r.rater_id == rater)
            for rater in "abcde"
        }
        assert raw["a"] / 70 < raw["d"] / 140  # a's raw mean is the lowest
        estimates = {e.rater: e for e in RaterEffects().estimates(appraisals)}
        assert estimates["a"].effect == pytest.approx(0.1, abs=1e-9)
        assert estimates["a"].kind is FindingKind.LENIENCY
        assert all(estimates[rater].kind is None for rater in "bcde")

    def test_supervisor_alone_has_no_overlap(self):
        """A supervisor whom no one else joins on any ratee is not judged: no evidence, p 1."""
        appraisals = design(dict.fromkeys("bcde", 0))
        roles = {"boss": RaterRole.SUPERVISOR}
        appraisals += [appraisal_of(100 + n, {"boss": [90] * 7}, roles) for n in range(5)]
        estimates = {e.rater: e for e in RaterEffects().estimates(appraisals)}
        boss = estimates["boss"]
        assert (boss.evidence, boss.overlapping_ratees, boss.overlapping_ratings) == (
            Evidence.NONE,
            0,
            0,
        )
        assert (boss.ratees, boss.ratings, boss.kind, boss.p_value) == (5, 35, None, 1.0)
        assert math.isinf(boss.standard_error)

    def test_evidence_bands(self):
        """Evidence is weak under 3 overlapping ratees, moderate under 10, strong from 10."""
        estimates = RaterEffects(evidence_ratees=(2, 5)).estimates(
            design(dict.fromkeys("abcdefghij", 0), people=30, per_person=3, noise=5)
        )
        for estimate in estimates:
            shared = estimate.overlapping_ratees
            expected = (
                Evidence.STRONG
                if shared >= 5
                else Evidence.MODERATE
                if shared >= 2
                else Evidence.WEAK
            )
            assert estimate.evidence is expected

    def test_self_ratings_are_left_out(self):
        """Self-ratings never enter the model; no appraisal gives no estimate."""
        appraisals = design({"a": 0, "b": 0, "c": 0})
        with_self = [
            attrs.evolve(
                a,
                raters=[*a.raters, Rater("self", RaterRole.SELF, a.employee.id)],
                ratings=[*a.ratings, *(Rating("self", s, SCALE.id, score=100) for s in ASPECTS)],
            )
            for a in appraisals
        ]
        assert RaterEffects().estimates(with_self) == RaterEffects().estimates(appraisals)
        assert RaterEffects().estimates([]) == ()

    def test_never_changes_a_score(self):
        """Fitting the model leaves every appraisal equal to what it was."""
        appraisals = design({"a": 10, "b": 0, "c": 0, "d": 0}, noise=5)
        before = [attrs.asdict(a, recurse=False) for a in appraisals]
        RaterEffects().findings(appraisals)
        assert [attrs.asdict(a, recurse=False) for a in appraisals] == before


class TestProperties:
    @settings(deadline=None, max_examples=25)
    @given(st.integers(-20, 20), st.integers(0, 5), st.integers(0, 1000))
    def test_shift_of_one_rater_moves_only_that_effect(self, shift, rater, seed):
        """Adding points to every rating of one rater moves its effect by exactly that share."""
        names = "abcdef"
        base = dict.fromkeys(names, 0)
        moved = {**base, names[rater]: shift}
        before = {
            e.rater: e.effect for e in RaterEffects().estimates(design(base, noise=6, seed=seed))
        }
        after = {
            e.rater: e.effect for e in RaterEffects().estimates(design(moved, noise=6, seed=seed))
        }
        for name in names:
            # Ratings are whole points, so a shift moves them exactly, as no rounding changes.
            if name == names[rater]:
                assert after[name] == pytest.approx(before[name] + shift / 100, abs=1e-6)
            else:  # only through the median of their co-raters, which moves no further
                assert abs(after[name] - before[name]) <= abs(shift) / 100 + 1e-6

    @settings(deadline=None, max_examples=25)
    @given(st.integers(-20, 20), st.integers(0, 1000))
    def test_ratee_quality_never_moves_a_rater(self, better, seed):
        """Making some people better or worse for every rater changes no rater's effect."""
        shifts = {"a": 5, "b": 0, "c": -5, "d": 0, "e": 0}
        plain = RaterEffects().estimates(design(shifts, noise=6, seed=seed, quality=lambda n: 0))
        skewed = RaterEffects().estimates(
            design(shifts, noise=6, seed=seed, quality=lambda n: better if n % 2 else 0)
        )
        for one, two in zip(plain, skewed, strict=True):
            assert two.effect == pytest.approx(one.effect, abs=1e-6)


class TestAdjust:
    def test_benjamini_hochberg_worked_example(self):
        """Benjamini & Hochberg: m p_(i) / i, made monotone from the largest down."""
        p = [0.01, 0.04, 0.03, 0.005, 0.5]
        assert adjust(p, Adjustment.BENJAMINI_HOCHBERG) == pytest.approx(
            [0.025, 0.05, 0.05, 0.025, 0.5]
        )

    def test_holm_and_bonferroni(self):
        """Holm: (m - i + 1) p_(i), made monotone upwards; Bonferroni: m p, at most 1."""
        p = [0.01, 0.04, 0.03, 0.5]
        assert adjust(p, "holm") == pytest.approx([0.04, 0.09, 0.09, 0.5])
        assert adjust(p, "bonferroni") == pytest.approx([0.04, 0.16, 0.12, 1.0])
        assert adjust(p, "none") == p

    @given(st.lists(st.floats(0, 1), max_size=30))
    def test_order_of_strictness(self, p):
        """Raw <= Benjamini-Hochberg <= Holm <= Bonferroni, each at most 1."""
        raw, bh, holm, bonf = (
            adjust(p, m) for m in ("none", "benjamini_hochberg", "holm", "bonferroni")
        )
        for values in zip(raw, bh, holm, bonf, strict=True):
            assert all(a <= b + 1e-12 for a, b in itertools.pairwise(values))
            assert values[-1] <= 1

    def test_unknown_method(self):
        """An unknown method names the field."""
        with pytest.raises(UnknownLabelError, match="adjustment"):
            adjust([0.1], "tukey")


class TestSettings:
    @pytest.mark.parametrize("level", [0, 1, "-1/2", 2])
    def test_level_between_0_and_1(self, level):
        """The level must be above 0 and below 1."""
        with pytest.raises(InvalidNumberError, match="level"):
            RaterEffects(level=level)

    def test_level_and_method_change_findings(self):
        """A stricter level or method finds no more than a looser one."""
        appraisals = design({"a": 6, **dict.fromkeys("bcdefgh", 0)}, people=40, noise=8, seed=9)
        loose = RaterEffects(level="0.2", adjustment="none").findings(appraisals)
        strict = RaterEffects(level="0.01", adjustment="bonferroni").findings(appraisals)
        assert {f.rater for f in strict} <= {f.rater for f in loose}
        assert RaterEffects(adjustment="holm").adjustment is Adjustment.HOLM

    @pytest.mark.parametrize("bands", [(0, 3), (3, 2), (3,), "3,10"])
    def test_evidence_bands_are_checked(self, bands):
        """Evidence bands are two whole numbers, the first at least 1, the second not below."""
        with pytest.raises(InvalidNumberError, match="evidence_ratees"):
            RaterEffects(evidence_ratees=bands)

    def test_unknown_adjustment(self):
        """An unknown adjustment names the field."""
        with pytest.raises(UnknownLabelError, match="adjustment"):
            RaterEffects(adjustment="tukey")


class TestItemsAndFamily:
    def test_a_rater_of_strong_aspects_only_is_not_lenient(self):
        """
        People differ by aspect; a rater who rates only each person's strongest is fair.

        Each person is 20 points stronger on one aspect of their own (a different one
        from person to person, so no aspect is stronger on average).  Under a model of
        person + rater + aspect this rater would look lenient; with one effect per
        aspect of each appraisal they do not.
        """
        appraisals = []
        rng = random.Random(5)  # noqa: S311 - reproducible test data
        for number in range(35):
            level, best = rng.randint(-10, 10), number % len(ASPECTS)
            strong = [level + (20 if k == best else 0) for k in range(len(ASPECTS))]
            scores = {r: [50 + s + rng.uniform(-1, 1) for s in strong] for r in ("b", "c", "d")}
            appraisal = appraisal_of(number, scores)
            extra = Rating("a", ASPECTS[best], SCALE.id, score=round(50 + strong[best]))
            appraisals.append(
                attrs.evolve(
                    appraisal,
                    raters=[*appraisal.raters, Rater("a", RaterRole.PEER, "a")],
                    ratings=[*appraisal.ratings, extra],
                )
            )
        estimates = {e.rater: e for e in RaterEffects().estimates(appraisals)}
        assert abs(estimates["a"].effect) < 0.02
        assert estimates["a"].kind is None

    def test_raters_with_few_ratings_are_estimated_but_not_tested(self):
        """Below min_ratings a rater keeps an estimate, with no adjusted p-value and no finding."""
        appraisals = design({"a": 10, **dict.fromkeys("bcdef", 0)}, people=30, noise=2, seed=2)
        everyone = {e.rater: e for e in RaterEffects(min_ratings=1).estimates(appraisals)}
        ratings = everyone["a"].ratings
        assert everyone["a"].kind is FindingKind.LENIENCY
        few = {e.rater: e for e in RaterEffects(min_ratings=ratings + 1).estimates(appraisals)}
        assert few["a"].adjusted_p is None
        assert few["a"].kind is None
        assert few["a"].effect == everyone["a"].effect
        assert few["a"].p_value == everyone["a"].p_value

    def test_the_family_is_the_tested_raters(self):
        """The Benjamini-Hochberg adjustment runs over the tested raters alone."""
        appraisals = design({"a": 4, **dict.fromkeys("bcdefgh", 0)}, people=40, noise=8, seed=11)
        estimates = RaterEffects().estimates(appraisals)
        tested = [e for e in estimates if e.adjusted_p is not None]
        expected = adjust([e.p_value for e in tested], "benjamini_hochberg")
        assert [e.adjusted_p for e in tested] == pytest.approx(expected)

    def test_min_ratings_is_checked(self):
        """min_ratings is a whole number of at least 1."""
        with pytest.raises(InvalidNumberError, match="min_ratings"):
            RaterEffects(min_ratings=0)


class TestEmpiricalNull:
    def test_a_shifted_null_is_recentred_with_many_raters(self):
        """
        With 100+ tested raters, the null's centre is their median z, not 0.

        Every rater's z moved by the same amount changes no finding: p-values are
        measured from the median of the raters not reported.
        """
        from penilaian.analysis.raters.model import (  # noqa: PLC0415 - the private rule
            EMPIRICAL_CENTRE_RATERS,
            _tested_p_values,
        )

        rng = random.Random(3)  # noqa: S311 - reproducible test data
        z = [rng.gauss(0, 1) for _ in range(EMPIRICAL_CENTRE_RATERS + 50)] + [6.0, 7.0]
        tested = list(range(len(z)))
        p, adjusted = _tested_p_values(z, tested, Adjustment.BENJAMINI_HOCHBERG, 0.05)
        moved_p, moved = _tested_p_values(
            [v + 0.7 for v in z], tested, Adjustment.BENJAMINI_HOCHBERG, 0.05
        )
        assert moved_p == pytest.approx(p)
        assert moved == pytest.approx(adjusted)
        assert {i for i, a in enumerate(adjusted) if a is not None and a <= 0.05} >= {
            len(z) - 2,
            len(z) - 1,
        }

    def test_few_raters_keep_the_theoretical_centre(self):
        """Below the threshold the centre stays 0, and a spread under 1 is never used."""
        from penilaian.analysis.raters.model import _tested_p_values  # noqa: PLC0415

        z = [0.1, 0.2, 0.3, 2.5]
        p, _ = _tested_p_values(z, [0, 1, 2, 3], Adjustment.NONE, 0.05)
        assert p == pytest.approx([math.erfc(abs(v) / math.sqrt(2)) for v in z])
