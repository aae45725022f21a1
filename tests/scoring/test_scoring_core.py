"""The shared scoring pieces: grades and bands, rounding, weights, trace, result, registry."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import penilaian as p
from penilaian.exceptions import (
    DuplicateIdError,
    InvalidNumberError,
    InvalidValueError,
    ScoringInputError,
    UnknownStrategyError,
    UnsupportedInputError,
)
from penilaian.model import BandTable
from penilaian.policy import (
    PP30_2019_WITH_PEER_INPUT,
    PP30_2019_WITHOUT_PEER_INPUT,
    PP46_2011_COMPONENTS,
    SupervisorRating,
)
from penilaian.scoring import ENTRY_POINT_GROUP, MISSING, Rule
from penilaian.serialization import structure, unstructure

PP30_LIKE = BandTable(
    "t",
    "test",
    [p.Grade.VERY_POOR, p.Grade.POOR, p.Grade.GOOD],
    [Decimal(50), Decimal(70)],
    "lower",
)


class TestBandTable:
    """Band tables are gap-free by construction and decide bands exactly."""

    @pytest.mark.parametrize(
        ("closed", "score", "expected"),
        [
            ("upper", "50", p.Grade.VERY_POOR),
            ("upper", "50.0000001", p.Grade.POOR),
            ("upper", "70", p.Grade.POOR),
            ("upper", "70.01", p.Grade.GOOD),
            ("lower", "49.999", p.Grade.VERY_POOR),
            ("lower", "50", p.Grade.POOR),
            ("lower", "69.99", p.Grade.POOR),
            ("lower", "70", p.Grade.GOOD),
        ],
    )
    def test_edges(self, closed, score, expected):
        """A cut belongs to the band below (upper closed) or above (lower closed)."""
        table = attrs.evolve(PP30_LIKE, closed=closed)
        assert expected == table.classify(Decimal(score))

    def test_float_noise_cannot_flip_a_band(self):
        """24.000000000000014 (float noise) and exactly 24 fall on the sides they are on."""
        table = BandTable("e", "x", ["low", "high"], [Decimal(24)], "upper")
        assert table.classify(Fraction(24)) == "low"
        assert table.classify(Decimal("24.000000000000014")) == "high"

    @given(st.decimals(min_value=-1000, max_value=1000, allow_nan=False, places=3))
    def test_total_and_monotone(self, score):
        """Every score gets exactly one label, and a higher score never a lower band."""
        labels = list(PP30_LIKE.labels)
        here = labels.index(PP30_LIKE.classify(score))
        above = labels.index(PP30_LIKE.classify(score + Decimal("0.001")))
        assert here <= above

    @pytest.mark.parametrize(
        ("labels", "cuts"),
        [(["a", "b"], []), (["a", "b", "c"], [Decimal(2), Decimal(1)]), (["a", "b"], [2])],
    )
    def test_malformed_tables(self, labels, cuts):
        """Wrong cut counts, unordered cuts and non-Decimal cuts are refused."""
        with pytest.raises(InvalidValueError):
            BandTable("t", "x", labels, cuts)

    def test_describe(self):
        """describe() says each band's range in words."""
        expected = (
            (p.Grade.VERY_POOR, "< 50"),
            (p.Grade.POOR, ">= 50 and < 70"),
            (p.Grade.GOOD, ">= 70"),
        )
        assert expected == PP30_LIKE.describe()


class TestRounding:
    """Rounding is exact and declared."""

    @pytest.mark.parametrize(
        ("rule", "value", "expected"),
        [
            (p.Rounding(2), Fraction(266, 3), "88.67"),
            (p.Rounding(2), Fraction(5, 1000), "0.01"),
            (p.Rounding(2), Fraction(-5, 1000), "-0.01"),
            (p.Rounding(0), Fraction(5, 2), "3"),
            (p.Rounding(0, "half_even"), Fraction(5, 2), "2"),
            (p.Rounding(0, "half_even"), Fraction(7, 2), "4"),
            (p.Rounding(1, "down"), Fraction(-19, 10), "-1.9"),
            (p.Rounding(1, "down"), Fraction(199, 100), "1.9"),
            (p.Rounding(2), Fraction(-1, 1000), "0.00"),
            (p.Rounding(2), Decimal("1" + "0" * 30 + ".005"), "1" + "0" * 30 + ".01"),
        ],
    )
    def test_examples(self, rule, value, expected):
        """Halves go up (away from zero), to even, or are cut, exactly, even past 28 digits."""
        assert Decimal(expected) == rule.apply(value)

    @given(st.fractions(max_denominator=10**4), st.integers(0, 4))
    def test_within_half_a_unit(self, value, places):
        """The rounded value is within half a unit of the last place of the exact one."""
        rounded = p.Rounding(places).apply(value)
        assert abs(Fraction(rounded) - value) <= Fraction(1, 2 * 10**places)

    @pytest.mark.parametrize("bad", [-1, True, 1.5])
    def test_bad_places(self, bad):
        """Places must be a whole number, 0 or more."""
        with pytest.raises(InvalidValueError):
            p.Rounding(bad)

    def test_describe(self):
        """The rule is said in both languages."""
        assert p.Rounding(2).describe("en") == "2 decimal places, halves up"
        assert p.Rounding(0, "down").describe("id") == "0 angka desimal, dipotong"


class TestWeights:
    """Weights are exact and sum to exactly 1."""

    def test_sevenths_stay_exact(self):
        """Seven equal weights of 1/7 sum to exactly 1."""
        weights = p.Weights({f"v{i}": "1/7" for i in range(7)})
        assert sum(weights.shares.values()) == 1
        assert Fraction(1, 7) == weights["v0"]

    @pytest.mark.parametrize(
        ("raw", "reason"),
        [
            ({"a": "0.5", "b": "0.4"}, "sum to exactly 1"),
            ({"a": "1.5", "b": "-0.5"}, "negative"),
            ({}, "at least one"),
            ({" ": 1}, "non-empty"),
        ],
    )
    def test_refusals(self, raw, reason):
        """Sums other than 1, negative weights, no weights and blank names are refused."""
        with pytest.raises(InvalidValueError, match=reason):
            p.Weights(raw)

    def test_rounded_percentages_are_refused(self):
        """14.29 % seven times is not 100 %: the rounding bug is refused, not absorbed."""
        with pytest.raises(InvalidNumberError):
            p.Weights({f"v{i}": "0.1429" for i in range(7)})

    @given(st.lists(st.integers(0, 100), min_size=1, max_size=6).filter(any), st.integers(1, 50))
    def test_normalised_keeps_ratios_and_is_idempotent(self, amounts, factor):
        """Normalising keeps ratios, ignores a common factor, and changes nothing twice."""
        raw = {f"r{i}": amount for i, amount in enumerate(amounts)}
        weights = p.Weights.normalised(raw)
        assert sum(weights.shares.values()) == 1
        assert weights == p.Weights.normalised({k: v * factor for k, v in raw.items()})
        assert weights == p.Weights.normalised(weights.shares)

    def test_normalise_refuses_all_zero_and_negative(self):
        """All-zero or negative amounts cannot be normalised."""
        with pytest.raises(InvalidNumberError):
            p.Weights.normalised({"a": 0, "b": 0})
        with pytest.raises(InvalidNumberError):
            p.Weights.normalised({"a": -1, "b": 2})
        with pytest.raises(InvalidValueError):
            p.Weights("not a mapping")  # type: ignore[arg-type]

    def test_restricted_renormalises(self):
        """Restricting to present names keeps their ratios and sums to 1."""
        weights = p.Weights({"supervisor": "1/2", "peer": "1/4", "subordinate": "1/4"})
        present = weights.restricted({"supervisor", "peer"})
        assert Fraction(2, 3) == present["supervisor"]
        assert Fraction(1, 3) == present["peer"]
        assert "subordinate" not in present
        assert len(present) == 2
        assert list(present) == ["supervisor", "peer"]

    def test_presets(self):
        """The regulation presets: PP 46/2011 60/40, PP 30/2019 70/30 and 60/40."""
        assert (Fraction(3, 5), Fraction(2, 5)) == (
            PP46_2011_COMPONENTS["work"], PP46_2011_COMPONENTS["behaviour"]
        )  # fmt: skip
        assert Fraction(7, 10) == PP30_2019_WITHOUT_PEER_INPUT["work"]
        assert Fraction(3, 5) == PP30_2019_WITH_PEER_INPUT["work"]

    def test_json_round_trip(self):
        """Weights travel as exact ratios in JSON."""
        weights = p.Weights({"a": "1/7", "b": "6/7"})
        plain = unstructure(weights)
        assert plain == {"shares": {"a": "1/7", "b": "6/7"}}
        assert weights == structure(plain, p.Weights)


class TestTrace:
    """Steps write values exactly and render in both languages."""

    RULE = Rule("r", "Clause 1", "Aturan", "Rule")

    def test_values_are_written_exactly(self):
        """Fractions with no finite decimal stay ratios; missing is never 0."""
        step = p.Step.of(self.RULE, Fraction(266, 3), subject="x", a=Fraction(1, 4), b=None)
        assert step.output == "266/3"
        assert step.inputs == (("a", "0.25"), ("b", MISSING))

    def test_render_and_find(self):
        """The rendering shows rule, clause, subject, inputs and output; find() walks the tree."""
        child = p.Step.of(self.RULE, 1, subject="c", x=p.Grade.GOOD)
        root = p.Step.of(attrs.evolve(self.RULE, id="root"), 2, children=[child])
        text = p.render_trace(root, "en")
        assert text.splitlines()[1] == "  Rule [Clause 1] (c): x = good \u2192 1"
        assert p.render_trace(root, "id").startswith("Aturan [Clause 1]: 2")
        assert root.find("r") == (child,)
        assert [step.output for step in root.walk()] == ["2", "1"]

    def test_unknown_objects_are_shown_by_repr(self):
        """Values of other types are shown by their repr."""
        assert p.Step.of(self.RULE, [1]).output == "[1]"


def appraisal(*ratings, raters=None):
    """A small appraisal rated on a 0-100 scale."""
    raters = raters or [p.Rater("boss", "supervisor", "b"), p.Rater("peer", "peer", "c")]
    return p.Appraisal(
        id="a",
        employee=p.Employee("e", "E"),
        position=p.Position("Staff", p.PositionKind.EXECUTOR),
        period=p.Period.year(2024),
        framework=p.BERAKHLAK,
        targets=[p.WorkTarget("t", "T", [p.Indicator("i", "I", "quantity", p.PointTarget(4))])],
        raters=raters,
        scales=[p.NumericScale("pct", 0, 100), p.EXPECTATION_SCALE],
        ratings=list(ratings),
    )


class TestSupervisorRating:
    """The default aggregator takes the supervisor's rating, or reports the gap."""

    def test_takes_the_supervisors_rating(self):
        """The supervisor's score is the value; a peer's is ignored."""
        a = appraisal(
            p.Rating("boss", "loyal", "pct", score=80), p.Rating("peer", "loyal", "pct", score=10)
        )
        aggregate = SupervisorRating()(a, "loyal")
        assert (aggregate.value, aggregate.scale_id, aggregate.gap) == (80, "pct", None)
        assert aggregate.step is not None
        assert SupervisorRating()(a, "loyal", trace=False).step is None

    def test_missing_is_a_gap_not_zero(self):
        """No supervisor rating gives no value and a gap."""
        aggregate = SupervisorRating()(
            appraisal(p.Rating("peer", "loyal", "pct", score=90)), "loyal"
        )
        assert aggregate.value is None
        assert "no supervisor rating of loyal" in aggregate.gap.reason

    def test_two_supervisors_are_refused(self):
        """Two supervisor ratings of one subject are not silently averaged."""
        raters = [p.Rater("b1", "supervisor", "b1"), p.Rater("b2", "supervisor", "b2")]
        a = appraisal(
            p.Rating("b1", "loyal", "pct", score=80),
            p.Rating("b2", "loyal", "pct", score=60),
            raters=raters,
        )
        with pytest.raises(ScoringInputError, match="2 supervisor ratings"):
            SupervisorRating()(a, "loyal")

    def test_ordinal_is_refused(self):
        """A level on an ordinal scale is not a number."""
        a = appraisal(p.Rating("boss", "work_results", "expectation", level="above"))
        with pytest.raises(ScoringInputError) as caught:
            SupervisorRating()(a, "work_results")
        assert isinstance(caught.value.problems[0].error, UnsupportedInputError)
        assert caught.value.problems[0].path == "$.ratings[0].scale_id"


class TestRegistryAndTimeline:
    """Registries are explicit objects; the timeline suggests, never applies."""

    def test_registry(self):
        """Registered factories are listed, counted and built; unknown ids list the known ones."""
        registry = p.StrategyRegistry()
        registry.register("generic", p.GenericRegime.default)
        assert "generic" in registry
        assert list(registry) == ["generic"]
        assert len(registry) == 1
        assert repr(registry) == "<StrategyRegistry(1 strategies: generic)>"
        assert isinstance(registry.get("generic"), p.typing.ScoringStrategy)
        with pytest.raises(DuplicateIdError):
            registry.register("generic", p.GenericRegime.default)
        with pytest.raises(UnknownStrategyError) as caught:
            registry.get("pp99")
        assert caught.value.known == ("generic",)
        assert isinstance(caught.value, LookupError)
        assert "registered: generic" in str(caught.value)

    def test_entry_points(self, monkeypatch):
        """Strategies published under the entry-point group are registered once."""

        class FakeEntryPoint:
            name = "acme"

            @staticmethod
            def load():
                return p.GenericRegime.default

        monkeypatch.setattr(
            "importlib.metadata.entry_points",
            lambda group: [FakeEntryPoint()] if group == ENTRY_POINT_GROUP else [],
        )
        registry = p.StrategyRegistry()
        registry.load_entry_points()
        registry.load_entry_points()
        assert list(registry) == ["acme"]

    @pytest.mark.parametrize(
        ("period", "expected"),
        [
            (p.Period.year(2019), "pp46_2011"),
            (p.Period.semester(2021, 1), "pp46_2011"),
            (p.Period.semester(2021, 2), "pp30_2019"),
            (p.Period.quarter(2024, 3), "permen6_2022"),
        ],
    )
    def test_suggest_regime(self, period, expected):
        """The regime timeline of REGULATIONS.md, including 2021 split in two."""
        assert expected == p.suggest_regime(period)

    @pytest.mark.parametrize(
        ("period", "words"),
        [
            (p.Period.year(2021), "spans pp46_2011 and pp30_2019"),
            (p.Period.year(2013), "before 2014"),
        ],
    )
    def test_suggest_refuses(self, period, words):
        """A period across a change of regime, or before 2014, gets no suggestion."""
        with pytest.raises(UnsupportedInputError, match=words):
            p.suggest_regime(period)


class TestResult:
    """A Result is complete or lists its gaps, and round-trips through JSON."""

    def test_round_trip_with_trace(self):
        """A result with figures, ratings and a trace survives JSON unchanged."""
        step = p.Step.of(Rule("r", "c", "a", "b"), Fraction(1, 3), x=Decimal("1.5"))
        result = p.Result(
            "generic", "a", grade=p.Grade.GOOD, score=Decimal("97.52"),
            figures={"score": Decimal("97.52")}, ratings={"band": "good"}, trace=step,
        )  # fmt: skip
        assert result.is_complete
        assert result == structure(unstructure(result), p.Result)
        assert result.without_trace().trace is None

    def test_incomplete(self):
        """A result with gaps is not complete."""
        result = p.Result("x", "a", gaps=[p.Gap("$.ratings", "no supervisor rating")])
        assert not result.is_complete
        assert unstructure(result)["grade"] is None


class TestInnovationAndUnitGrade:
    """The model records innovations and the unit's grade."""

    def test_fields(self):
        """Innovations parse their scope; the unit grade parses its label."""
        a = attrs.evolve(
            appraisal(),
            innovations=[p.Innovation("SOP digital", "instansi", ["sk.pdf"], "Kepala BKPSDM")],
            unit_grade="Istimewa",
        )
        assert a.innovations[0].scope is p.InnovationScope.ORGANISATION
        assert a.unit_grade is p.OrganisationGrade.OUTSTANDING
        assert a == structure(unstructure(a), p.Appraisal)
        with pytest.raises(InvalidValueError):
            p.Innovation("x", "unit", certified_by=" ")
        assert date(2024, 1, 1) == a.period.start
