"""Tests for penilaian.analysis.raters.AchievementCheck: supervisors against achievement."""

from __future__ import annotations

import math
import random
from decimal import Decimal

import attrs
import pytest

from penilaian import Rating, load_sample
from penilaian.analysis.raters import (
    AchievementCheck,
    Evidence,
    FindingKind,
    RaterEffects,
    adjust,
)
from penilaian.exceptions import InvalidNumberError
from penilaian.model.raters import OVERALL_WORK_RESULTS, Rater, RaterRole
from penilaian.model.targets import Direction, PointTarget

SAMPLE = load_sample()
LEVELS = ("below_expectations", "meets_expectations", "above_expectations")


def appraisal(number: int, supervisor: str, reached: float, level: str):
    """The sample, its measured indicators all at *reached* %, rated *level* by *supervisor*."""
    targets = []
    for target in SAMPLE.targets:
        indicators = []
        for indicator in target.indicators:
            if indicator.realisation is None or indicator.realisation.value is None:
                indicators.append(attrs.evolve(indicator, realisation=None))
                continue
            realised = attrs.evolve(indicator.realisation, value=Decimal(f"{reached:.1f}"))
            indicators.append(
                attrs.evolve(
                    indicator,
                    target=PointTarget(Decimal(100)),
                    direction=Direction.HIGHER_IS_BETTER,
                    realisation=realised,
                )
            )
        targets.append(attrs.evolve(target, indicators=indicators))
    raters = [
        Rater("atasan", RaterRole.SUPERVISOR, supervisor) if r.id == "atasan" else r
        for r in SAMPLE.raters
    ]
    ratings = [
        Rating("atasan", OVERALL_WORK_RESULTS, r.scale_id, level=level)
        if r.rater_id == "atasan" and r.subject == OVERALL_WORK_RESULTS
        else r
        for r in SAMPLE.ratings
    ]
    return attrs.evolve(SAMPLE, id=f"skp-{number}", raters=raters, ratings=ratings, targets=targets)


def fair_level(reached: float) -> str:
    return LEVELS[0] if reached < 90 else LEVELS[2] if reached >= 110 else LEVELS[1]


def unit(lenient: str | None = None, *, supervisors: int = 8, staff: int = 12, seed: int = 1):
    """Supervisors each rating *staff* people fairly from achievement; *lenient* one step up."""
    rng = random.Random(seed)  # noqa: S311 - reproducible test data
    out = []
    for s in range(supervisors):
        name = f"19800101200501100{s}"
        for k in range(staff):
            reached = rng.uniform(80, 120)
            index = LEVELS.index(fair_level(reached))
            if name == lenient:
                index = min(index + 1, 2)
            out.append(appraisal(s * staff + k, name, reached, LEVELS[index]))
    return out


LENIENT = "198001012005011003"


class TestAchievementCheck:
    def test_a_supervisor_who_rates_a_step_up_is_found(self):
        """One supervisor rates one level above what achievement gives: lenient, strong evidence."""
        estimates = {e.rater: e for e in AchievementCheck().estimates(unit(LENIENT))}
        assert estimates[LENIENT].kind is FindingKind.LENIENCY
        assert estimates[LENIENT].evidence is Evidence.STRONG
        assert estimates[LENIENT].ratees == 12
        others = [e for name, e in estimates.items() if name != LENIENT]
        assert all(e.kind is None for e in others)
        assert all(e.effect < estimates[LENIENT].effect for e in others)

    def test_fair_supervisors_are_not_found(self):
        """Every supervisor rating by the same rule: none reported."""
        assert all(e.kind is None for e in AchievementCheck().estimates(unit()))

    def test_effect_is_the_mean_residual_of_the_line(self):
        """Effects are mean residuals of one least-squares line: by ratees, they sum to 0."""
        estimates = AchievementCheck().estimates(unit(LENIENT, seed=4))
        assert math.isclose(sum(e.effect * e.ratees for e in estimates), 0.0, abs_tol=1e-9)

    def test_tested_family_and_adjustment(self):
        """Supervisors below min_ratees keep an estimate but are not tested."""
        appraisals = unit(LENIENT, staff=4)
        loose = AchievementCheck(min_ratees=5).estimates(appraisals)
        assert all(e.adjusted_p is None and e.kind is None for e in loose)
        tested = AchievementCheck().estimates(appraisals)
        expected = adjust([e.p_value for e in tested], "benjamini_hochberg")
        assert [e.adjusted_p for e in tested] == pytest.approx(expected)

    def test_appraisals_without_a_rating_or_a_measure_are_left_out(self):
        """No supervisor rating of work, or no measured indicator: nothing to compare."""
        appraisals = unit(LENIENT)
        unrated = [
            attrs.evolve(a, ratings=[r for r in a.ratings if r.subject != OVERALL_WORK_RESULTS])
            for a in appraisals
        ]
        assert AchievementCheck().estimates(unrated) == ()
        assert AchievementCheck().estimates(appraisals[:2]) == ()

    def test_supervisors_alone_have_no_overlap_in_the_rater_model(self):
        """What RaterEffects cannot see (no overlap), the achievement check compares."""
        appraisals = unit(LENIENT)
        sup_only = [
            attrs.evolve(
                a,
                raters=[r for r in a.raters if r.role in (RaterRole.SUPERVISOR, RaterRole.SELF)],
                ratings=[r for r in a.ratings if r.rater_id in ("atasan", "self")],
                feedback=(),
            )
            for a in appraisals
        ]
        effects = {e.rater: e for e in RaterEffects().estimates(sup_only)}
        assert all(e.evidence is Evidence.NONE for e in effects.values())
        checked = {e.rater: e for e in AchievementCheck().estimates(sup_only)}
        assert checked[LENIENT].kind is FindingKind.LENIENCY

    @pytest.mark.parametrize(
        "setting", [{"min_ratees": 0}, {"level": 2}, {"evidence_ratees": (0, 1)}]
    )
    def test_settings_are_checked(self, setting):
        """Bad settings name their field."""
        with pytest.raises(InvalidNumberError, match=next(iter(setting))):
            AchievementCheck(**setting)
