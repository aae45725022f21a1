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
    InvalidValueError,
    ScoringInputError,
    UnknownStrategyError,
    UnsupportedInputError,
)
from penilaian.policy import (
    SupervisorRating,
)
from penilaian.scoring import ENTRY_POINT_GROUP, MISSING, Rule
from penilaian.serialization import structure, unstructure


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
