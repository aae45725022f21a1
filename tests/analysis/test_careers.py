"""Tests for development.careers: the grade ranking and career eligibility hints."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.strategies import grade_histories

from penilaian import Grade
from penilaian.analysis.development import (
    DEFAULT_ELIGIBILITY_RULES,
    PROMOTION_RULE,
    Confidence,
    Eligibility,
    EligibilityRule,
    YearEvidence,
    eligibility_hints,
    grade_rank,
)
from penilaian.exceptions import InvalidValueError, UnknownLabelError
from penilaian.model import GRADE_RANKING

G = Grade


class TestGradeRanking:
    def test_ranks_every_grade(self):
        """Every grade of every regime has a rank, so no comparison falls through."""
        assert set(Grade) == set(GRADE_RANKING)

    def test_order_across_regimes(self):
        """Sangat Baik > Baik > Cukup = Butuh Perbaikan > Kurang > Sangat Kurang = Buruk."""
        assert [
            grade_rank(grade)
            for grade in (
                G.VERY_GOOD,
                G.GOOD,
                G.FAIR,
                G.NEEDS_IMPROVEMENT,
                G.POOR,
                G.VERY_POOR,
                G.BAD,
            )
        ] == [5, 4, 3, 3, 2, 1, 1]

    def test_renamed_fair_ranks_as_fair(self):
        """PermenPANRB 8/2021 renamed Cukup to Butuh Perbaikan (REGULATIONS.md 2.6): one rank."""
        assert grade_rank("Cukup") == grade_rank("Butuh Perbaikan")

    def test_lowest_bands_rank_equal(self):
        """Buruk (PP 46/2011) and Sangat Kurang (PP 30/2019) are each the lowest band."""
        assert grade_rank(G.BAD) == grade_rank("Sangat Kurang")

    def test_unknown_label(self):
        """Text that names no grade is refused, naming the field."""
        with pytest.raises(UnknownLabelError) as caught:
            grade_rank("Lumayan")
        assert caught.value.field == "grade"


class TestPromotionRule:
    def test_is_agency_policy_low_confidence(self):
        """REGULATIONS.md 3.8 marks "Baik in the last 2 years" [LOW]: the rule says so."""
        assert (
            PROMOTION_RULE.minimum_grade,
            PROMOTION_RULE.years,
            PROMOTION_RULE.confidence,
        ) == (G.GOOD, 2, Confidence.LOW)
        assert "agency policy" in PROMOTION_RULE.basis

    def test_exactly_good_twice_is_eligible(self):
        """Baik in each of the last two years is exactly at the threshold: eligible."""
        hint = PROMOTION_RULE.evaluate({2023: G.GOOD, 2024: G.GOOD}, year=2024)
        assert Eligibility.ELIGIBLE is hint.status

    def test_above_threshold_is_eligible(self):
        """Sangat Baik ranks above Baik."""
        hint = PROMOTION_RULE.evaluate({2023: "Sangat Baik", 2024: G.GOOD}, year=2024)
        assert Eligibility.ELIGIBLE is hint.status

    @pytest.mark.parametrize("grade", [G.FAIR, G.NEEDS_IMPROVEMENT, G.POOR, G.VERY_POOR, G.BAD])
    def test_one_year_below_is_not_eligible(self, grade):
        """One rank below Baik in either year fails the rule."""
        hint = PROMOTION_RULE.evaluate({2023: G.GOOD, 2024: grade}, year=2024)
        assert Eligibility.NOT_ELIGIBLE is hint.status

    def test_missing_year_is_unknown(self):
        """A year without a grade makes the hint unknown, not "not eligible"."""
        hint = PROMOTION_RULE.evaluate({2024: G.VERY_GOOD}, year=2024)
        assert (hint.status, hint.missing_years) == (Eligibility.UNKNOWN, (2023,))

    def test_year_mapped_to_none_is_unknown(self):
        """A year recorded as None is as unknown as one left out."""
        hint = PROMOTION_RULE.evaluate({2023: None, 2024: G.GOOD}, year=2024)
        assert Eligibility.UNKNOWN is hint.status

    def test_known_failure_decides_despite_missing_year(self):
        """A year below the bar fails "each year" whatever the missing year was."""
        hint = PROMOTION_RULE.evaluate({2024: G.POOR}, year=2024)
        assert (hint.status, hint.missing_years) == (Eligibility.NOT_ELIGIBLE, (2023,))

    def test_only_the_last_years_count(self):
        """Years before the window and after *year* are not read."""
        history = {2020: G.BAD, 2023: G.GOOD, 2024: G.GOOD, 2025: G.BAD}
        hint = PROMOTION_RULE.evaluate(history, year=2024)
        assert Eligibility.ELIGIBLE is hint.status

    def test_evidence_oldest_first(self):
        """The evidence lists every year of the window with its grade and verdict."""
        hint = PROMOTION_RULE.evaluate({2023: G.FAIR, 2024: G.GOOD}, year=2024)
        expected = (YearEvidence(2023, G.FAIR, False), YearEvidence(2024, G.GOOD, True))
        assert expected == hint.evidence
        assert hint.year == 2024


class TestEligibilityRule:
    def test_configurable_years(self):
        """Three years asked: a missing third year is unknown, a known one decides."""
        rule = attrs.evolve(PROMOTION_RULE, years=3)
        assert Eligibility.UNKNOWN is rule.evaluate({2023: G.GOOD, 2024: G.GOOD}, year=2024).status
        history = {2022: G.GOOD, 2023: G.GOOD, 2024: G.GOOD}
        assert Eligibility.ELIGIBLE is rule.evaluate(history, year=2024).status

    def test_one_year(self):
        """A one-year rule reads only the year asked about."""
        rule = EligibilityRule("talent", "Talenta", "Talent pool", G.VERY_GOOD, years=1)
        assert Eligibility.ELIGIBLE is rule.evaluate({2024: G.VERY_GOOD}, year=2024).status
        assert Eligibility.NOT_ELIGIBLE is rule.evaluate({2024: G.GOOD}, year=2024).status

    def test_grade_text_parsed(self):
        """Grades may be given as labels or aliases."""
        hint = PROMOTION_RULE.evaluate({2023: "baik", 2024: "Kurang/Misconduct"}, year=2024)
        assert Eligibility.NOT_ELIGIBLE is hint.status

    @pytest.mark.parametrize("years", [0, -1, True, 1.5])
    def test_years_must_be_whole_and_positive(self, years):
        """Years below 1, booleans and fractions are refused."""
        with pytest.raises(InvalidValueError) as caught:
            attrs.evolve(PROMOTION_RULE, years=years)
        assert caught.value.field == "years"

    def test_history_must_be_a_mapping(self):
        """A list of grades has no years."""
        with pytest.raises(InvalidValueError) as caught:
            PROMOTION_RULE.evaluate([G.GOOD, G.GOOD], year=2024)  # type: ignore[arg-type]
        assert caught.value.field == "history"

    @pytest.mark.parametrize("year", ["2024", True, 2024.0])
    def test_history_years_must_be_whole(self, year):
        """A history keyed by text, booleans or floats is refused."""
        with pytest.raises(InvalidValueError):
            PROMOTION_RULE.evaluate({year: G.GOOD}, year=2024)

    @pytest.mark.parametrize("year", ["2024", False])
    def test_year_asked_must_be_whole(self, year):
        """The year asked about is a whole number."""
        with pytest.raises(InvalidValueError) as caught:
            PROMOTION_RULE.evaluate({2024: G.GOOD}, year=year)
        assert caught.value.field == "year"

    def test_unknown_grade_names_its_year(self):
        """A grade that names nothing is refused, naming its year."""
        with pytest.raises(UnknownLabelError) as caught:
            PROMOTION_RULE.evaluate({2024: "luar biasa"}, year=2024)
        assert caught.value.field == "history[2024]"

    @given(grade_histories(), st.integers(2014, 2025), st.integers(1, 4), st.sampled_from(Grade))
    def test_status_follows_evidence(self, history, year, years, bar):
        """Not eligible iff a known year is below; else unknown iff a year is missing."""
        rule = EligibilityRule("r", "R", "R", bar, years=years)
        hint = rule.evaluate(history, year=year)
        verdicts = [item.meets for item in hint.evidence]
        assert years == len(hint.evidence)
        if False in verdicts:
            assert Eligibility.NOT_ELIGIBLE is hint.status
        elif None in verdicts:
            assert Eligibility.UNKNOWN is hint.status
        else:
            assert Eligibility.ELIGIBLE is hint.status

    @given(grade_histories(), st.integers(2015, 2025))
    def test_filling_a_missing_year_never_reverses_a_verdict(self, history, year):
        """Knowing more can turn unknown into an answer, never eligible into not."""
        before = PROMOTION_RULE.evaluate(history, year=year)
        for missing in before.missing_years:
            after = PROMOTION_RULE.evaluate({**history, missing: G.BAD}, year=year)
            if before.status is not Eligibility.UNKNOWN:
                assert before.status is after.status


class TestEligibilityHints:
    def test_default_rules(self):
        """By default the promotion rule is evaluated."""
        hints = eligibility_hints({2023: G.GOOD, 2024: G.GOOD}, year=2024)
        assert (PROMOTION_RULE,) == DEFAULT_ELIGIBILITY_RULES
        assert [(h.rule, h.status) for h in hints] == [(PROMOTION_RULE, Eligibility.ELIGIBLE)]

    def test_rules_in_order(self):
        """Each rule gives its hint, in the order given."""
        strict = EligibilityRule("strict", "Ketat", "Strict", G.VERY_GOOD, years=2)
        hints = eligibility_hints(
            {2023: G.GOOD, 2024: G.GOOD}, year=2024, rules=(strict, PROMOTION_RULE)
        )
        assert [h.status for h in hints] == [Eligibility.NOT_ELIGIBLE, Eligibility.ELIGIBLE]
