"""Tests for penilaian.simulation.compare: scenarios scored over a synthetic workforce."""

from __future__ import annotations

import io
from collections import Counter
from decimal import Decimal
from fractions import Fraction

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from penilaian import (
    GenericRegime,
    Grade,
    OrganisationGrade,
    Period,
    Permen6Regime,
    Pp30Regime,
    Renormalise,
    Require,
    WeightingPolicy,
    Weights,
)
from penilaian._base.numbers import format_number
from penilaian.analysis.curve import check_curve
from penilaian.exceptions import (
    DuplicateIdError,
    InvalidValueError,
    ScoringInputError,
    UnknownReferenceError,
)
from penilaian.model.grades import GRADE_RANKING
from penilaian.regimes.permen6_2022 import WorkRatingFromAchievement
from penilaian.simulation import WorkforceSpec, generate
from penilaian.simulation.compare import (
    Comparison,
    Difference,
    Distribution,
    Scenario,
    ScenarioGradeChange,
    TerminalProgress,
    UnitCompliance,
    run,
    silent,
    sweep,
)

PP30_SPEC = WorkforceSpec(employees=150, regime="pp30_2019", period=Period.semester(2021, 2))
PERMEN6_SPEC = WorkforceSpec(employees=150)

PEERS = WeightingPolicy(
    {"supervisor": "1/2", "peer": "1/4", "subordinate": "1/4", "public": 0},
    missing=Renormalise(),
)
"""A 360 policy for the PP 30/2019 workforce: the public's service ratings count 0."""

SEVENTY_THIRTY = Scenario(
    "70/30", attrs.evolve(Pp30Regime(), aggregator=PEERS, peer_input="not_used")
)
SIXTY_FORTY = Scenario("60/40", attrs.evolve(Pp30Regime(), aggregator=PEERS, peer_input="used"))


@pytest.fixture(name="pp30", scope="module")
def _pp30():
    return generate(PP30_SPEC, 7)


@pytest.fixture(name="permen6", scope="module")
def _permen6():
    return generate(PERMEN6_SPEC, 7)


@pytest.fixture(name="comparison", scope="module")
def _comparison(pp30):
    return run(pp30, [SEVENTY_THIRTY, SIXTY_FORTY], progress=silent)


def _behaviour_share(share):
    weights = Weights({"work": 1 - share, "behaviour": share})
    regime = attrs.evolve(GenericRegime.default(), weights=weights)
    return Scenario(f"behaviour {share}", regime, curve=None)


class TestScenario:
    def test_refuses_what_is_not_a_strategy(self):
        """A strategy without id and score is refused, naming the field."""
        with pytest.raises(InvalidValueError) as caught:
            Scenario("x", object())
        assert caught.value.field == "strategy"

    def test_refuses_an_empty_name(self):
        """A scenario needs a name."""
        with pytest.raises(InvalidValueError) as caught:
            Scenario(" ", Pp30Regime())
        assert caught.value.field == "name"

    def test_refuses_what_is_not_a_curve(self):
        """The curve is a DistributionCurve or None."""
        with pytest.raises(InvalidValueError) as caught:
            Scenario("x", Pp30Regime(), curve="permen6")
        assert caught.value.field == "curve"


class TestRun:
    def test_peer_input_weights_change_grades(self, comparison):
        """PP 30/2019 Pasal 41: 70/30 and 60/40 grade some employees differently, by the weights."""
        changes = comparison.changes("70/30", "60/40")
        assert changes
        for change in changes:
            figures = {d.key: (d.before, d.after) for d in change.figures}
            assert (Decimal("0.3"), Decimal("0.4")) == figures["weight.behaviour"]
            assert (Decimal("0.7"), Decimal("0.6")) == figures["weight.work"]
            assert "final" in figures
            ratings = {d.key: (d.before, d.after) for d in change.ratings}
            assert ratings["weighting"] == ("without_peer_input", "with_peer_input")
            assert change.before is not change.after

    def test_changes_account_for_the_distributions(self, comparison):
        """The grade changes move exactly the difference between the two distributions."""
        before, after = comparison.distribution("70/30"), comparison.distribution("60/40")
        moved = Counter(dict.fromkeys(before.counts, 0))
        for change in comparison.changes("70/30", "60/40"):
            moved[change.before] -= 1
            moved[change.after] += 1
        assert {g: after.counts[g] - before.counts[g] for g in before.counts} == dict(moved)

    def test_changes_against_itself_are_none(self, comparison):
        """A scenario compared with itself changes nobody."""
        assert comparison.changes("60/40", "60/40") == ()

    def test_distribution_counts_every_appraisal_exactly(self, comparison):
        """Each distribution counts all 150 appraisals; shares are exact and sum to 1."""
        for distribution in comparison.distributions:
            assert (
                distribution.total,
                distribution.graded,
                distribution.incomplete,
            ) == (150, 150, ())
            assert all(isinstance(s, Fraction) for s in distribution.shares.values())
            assert sum(distribution.shares.values()) == 1
        first, second = comparison.distributions
        assert list(first.counts) == list(second.counts)

    def test_deterministic(self, pp30, comparison):
        """The same workforce and scenarios give an equal comparison and equal words."""
        again = run(generate(PP30_SPEC, 7), [SEVENTY_THIRTY, SIXTY_FORTY], progress=silent)
        assert comparison == again
        assert comparison.describe("en") == again.describe("en")
        assert comparison.changes("70/30", "60/40") == again.changes("70/30", "60/40")

    def test_results_are_the_scalar_results(self, pp30, comparison):
        """Each result is the strategy's own score of the appraisal, without trace."""
        appraisal = pp30.appraisals[3]
        expected = SIXTY_FORTY.strategy.score(appraisal).without_trace()
        assert expected == comparison.results["60/40"][3]

    def test_compliance_matches_check_curve_by_hand(self, pp30, comparison):
        """A unit's compliance is check_curve run by hand on that unit's graded results."""
        unit = pp30.units()[0]
        results = tuple(SIXTY_FORTY.strategy.score(a) for a in unit.appraisals)
        by_hand = check_curve(unit.unit.id, unit.unit_grade, unit.graded(results))
        found = comparison.units("60/40")[0]
        assert (unit.unit.id, by_hand) == (found.unit_id, found.check)
        assert by_hand == unit.check_curve(SIXTY_FORTY.strategy)
        assert found.compliant is by_hand.compliant
        assert by_hand.describe("en") == found.describe("en")

    def test_compliant_units_count(self, pp30, comparison):
        """The number of compliant units equals the count of unit.check_curve by hand."""
        strategy = SEVENTY_THIRTY.strategy
        expected = sum(unit.check_curve(strategy).compliant for unit in pp30.units())
        assert expected == comparison.compliant_units("70/30")
        assert len(pp30.units()) == len(comparison.units("70/30"))

    def test_incomplete_results_are_not_graded(self, pp30):
        """Results without a grade are listed apart, never counted, and their units unchecked."""
        strict = WeightingPolicy(
            {"supervisor": "1/2", "peer": "1/4", "subordinate": "1/4", "public": 0},
            missing=Require(),
            min_raters={"peer": 3},
        )
        scenario = Scenario("strict", attrs.evolve(Pp30Regime(), aggregator=strict))
        comparison = run(pp30, [scenario], progress=silent)
        distribution = comparison.distribution("strict")
        incomplete = [r.appraisal_id for r in comparison.results["strict"] if not r.is_complete]
        assert incomplete
        assert tuple(incomplete) == distribution.incomplete
        assert distribution.total == 150
        assert 150 - len(incomplete) == distribution.graded
        unchecked = [unit for unit in comparison.units("strict") if unit.check is None]
        assert unchecked
        assert all(unit.compliant is None and unit.incomplete for unit in unchecked)
        assert "not checked" in comparison.describe("en")

    def test_a_scenario_grading_nobody_is_described(self, pp30):
        """With every result incomplete there are no shares: counts only, never a KeyError."""
        roles = {"supervisor": 0, "peer": 0, "subordinate": 0, "public": 1}
        nobody = WeightingPolicy(roles, missing=Require(), min_raters={"public": 1000})
        scenario = Scenario("nobody", attrs.evolve(Pp30Regime(), aggregator=nobody), curve=None)
        distribution = run(pp30, [scenario], progress=silent).distribution("nobody")
        assert distribution.graded == 0
        assert distribution.describe("en") == f"nobody: incomplete {distribution.total}"

    def test_without_curve_no_units_are_checked(self, pp30):
        """A scenario without a curve checks no unit."""
        comparison = run(pp30, [_behaviour_share(Fraction(3, 10))], progress=silent)
        assert comparison.units("behaviour 3/10") == ()
        assert "kurva" not in comparison.describe("id")

    def test_describe(self, comparison):
        """The description names each scenario, its grades and its compliant units."""
        english = comparison.describe("en")
        assert english.startswith("70/30: Good ")
        assert "units compliant" in english
        assert "Baik" in comparison.describe("id")

    def test_scoring_errors_are_the_strategys(self, pp30):
        """A strategy that cannot score the workforce raises its own ScoringInputError."""
        with pytest.raises(ScoringInputError):
            run(pp30, [Scenario("6/2022", Permen6Regime())], progress=silent)

    @pytest.mark.parametrize(
        ("scenarios", "error", "field"),
        [
            ([], InvalidValueError, "scenarios"),
            (SEVENTY_THIRTY, InvalidValueError, "scenarios"),
            ([SEVENTY_THIRTY, "60/40"], InvalidValueError, "scenarios[1]"),
            ([SEVENTY_THIRTY, SEVENTY_THIRTY], DuplicateIdError, "scenarios[1].name"),
        ],
    )
    def test_refuses_bad_scenarios(self, pp30, scenarios, error, field):
        """Scenarios must be one or more Scenario values with distinct names."""
        with pytest.raises(error) as caught:
            run(pp30, scenarios, progress=silent)
        assert field == caught.value.field

    def test_refuses_what_is_not_a_workforce(self, pp30):
        """Only a generated Workforce is run."""
        with pytest.raises(InvalidValueError) as caught:
            run(pp30.appraisals, [SEVENTY_THIRTY], progress=silent)
        assert caught.value.field == "workforce"

    def test_unknown_scenario_named(self, comparison):
        """Asking for a scenario not compared names it and the known ones."""
        with pytest.raises(UnknownReferenceError, match="70/30, 60/40") as caught:
            comparison.changes("70/30", "50/50")
        assert (caught.value.field, caught.value.value) == ("after", "50/50")
        with pytest.raises(UnknownReferenceError):
            comparison.distribution("50/50")


class TestSweep:
    def test_behaviour_weight_is_monotone_per_employee(self, pp30):
        """Raising the behaviour weight never lowers a grade where behaviour exceeds work."""
        values = [Fraction(3, 10), Fraction(7, 20), Fraction(2, 5)]
        result = sweep(pp30, _behaviour_share, values, progress=silent)
        results = [result.comparison.results[f"behaviour {v}"] for v in values]
        moved = 0
        for index in range(len(pp30.appraisals)):
            scored = [column[index] for column in results]
            figures = scored[0].figures
            sign = (figures["component[behaviour]"] > figures["component[work]"]) - (
                figures["component[behaviour]"] < figures["component[work]"]
            )
            ranks = [GRADE_RANKING[r.grade] * sign for r in scored]
            assert ranks == sorted(ranks)
            moved += ranks[0] != ranks[-1]
        assert moved  # the sweep does move someone

    def test_achievement_threshold_is_monotone_in_distribution(self, permen6):
        """PermenPANRB 6/2022: a higher bar for above expectations never adds a grade at a rank."""

        def above_from(bar):
            rule = WorkRatingFromAchievement(above_from=bar, below_under=90)
            return Scenario(f"above from {bar}", Permen6Regime(work_rating=rule))

        result = sweep(permen6, above_from, [100, 105, 110, 120], progress=silent)
        distributions = [point.distribution for point in result.points]
        for grade in distributions[0].counts:
            counts = [d.at_least(grade) for d in distributions]
            assert counts == sorted(counts, reverse=True)
        very_good = [d.counts[Grade.VERY_GOOD] for d in distributions]
        assert very_good[0] > very_good[-1]

    def test_points_follow_the_values(self, pp30):
        """Each point holds its value and the distribution of its scenario, in order."""
        values = [Fraction(2, 5), Fraction(3, 10)]
        result = sweep(pp30, _behaviour_share, values, progress=silent)
        assert values == [point.value for point in result.points]
        assert result.comparison.distributions == tuple(p.distribution for p in result.points)
        assert result.describe("en").startswith("2/5: behaviour 2/5: ")

    def test_values_must_name_scenarios_apart(self, pp30):
        """Two values giving one scenario name are refused."""
        with pytest.raises(DuplicateIdError):
            sweep(pp30, lambda _: SEVENTY_THIRTY, [1, 2], progress=silent)


class _Terminal(io.StringIO):
    def isatty(self):
        return True


class TestProgress:
    def test_hook_counts_to_the_total(self, pp30):
        """The hook is called after each appraisal of each scenario, up to the total."""
        calls = []
        run(pp30, [SEVENTY_THIRTY, SIXTY_FORTY], progress=lambda d, t: calls.append((d, t)))
        assert [(done, 300) for done in range(1, 301)] == calls

    def test_default_is_silent_off_a_terminal(self, pp30, capsys):
        """Without a hook nothing is written when standard error is not a terminal."""
        run(pp30, [SEVENTY_THIRTY], progress=None)
        assert capsys.readouterr().err == ""

    def test_terminal_progress_writes_one_line(self):
        """On a terminal the count is rewritten on one line, ended at the total."""
        stream = _Terminal()
        hook = TerminalProgress("simulating", stream)
        for done in range(1, 11):
            hook(done, 10)
        text = stream.getvalue()
        assert text.endswith("\rsimulating 10/10\n")
        assert text.count("\n") == 1

    def test_terminal_progress_silent_off_a_terminal(self):
        """Into a stream that is not a terminal nothing is written."""
        stream = io.StringIO()
        hook = TerminalProgress("simulating", stream)
        for done in range(1, 11):
            hook(done, 10)
        assert stream.getvalue() == ""


class TestOutcome:
    @pytest.mark.parametrize(
        ("share", "text"),
        [
            (Fraction(1, 3), "33.3%"),
            (Fraction(2, 3), "66.7%"),
            (Fraction(1), "100.0%"),
            (Fraction(1, 2000), "0.1%"),
            (Fraction(0), "0.0%"),
        ],
    )
    def test_shares_in_words(self, share, text):
        """Shares are shown to one place of a percent, halves up, from the exact value."""
        assert text == format_number(share, places=1, percent=True)
        good = share.numerator
        counts = {Grade.GOOD: good, Grade.NEEDS_IMPROVEMENT: share.denominator - good}
        assert f"Good {good} ({text})" in Distribution("x", counts).describe("en")

    @given(st.dictionaries(st.sampled_from(list(Grade)), st.integers(0, 50), min_size=1))
    def test_shares_sum_to_one(self, counts):
        """Any distribution with a graded appraisal has exact shares summing to 1."""
        distribution = Distribution("x", counts)
        if distribution.graded:
            assert sum(distribution.shares.values()) == 1
        else:
            assert distribution.shares == {}

    def test_grade_change_words(self):
        """A change to an incomplete result says so, with the differing figures."""
        change = ScenarioGradeChange(
            "skp-1", "e-1", Grade.GOOD, None, [Difference("final", Decimal(91), None)], []
        )
        assert (
            change.describe("en") == "e-1 (skp-1): Good \u2192 incomplete: final 91 \u2192 \u2013"
        )
        assert change.step is None
        assert attrs.evolve(change, after=Grade.NEEDS_IMPROVEMENT).step == -1

    def test_unchecked_unit_words(self):
        """A unit that could not be checked says why, in both languages."""
        unit = UnitCompliance("s", "u1", OrganisationGrade.GOOD, None, ["skp-1"])
        assert unit.describe("en") == "Unit u1 (Good): not checked, 1 appraisals without a grade"
        assert "tidak diperiksa" in unit.describe("id")

    def test_comparison_is_a_value(self, comparison):
        """A comparison is a frozen value."""
        assert isinstance(comparison, Comparison)
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            comparison.scenarios = ()  # type: ignore[misc]
