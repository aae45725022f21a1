"""Tests for scoring.result: what scoring returns, read-only, equal after every round trip."""

from __future__ import annotations

import copy
import pickle
from decimal import Decimal
from fractions import Fraction
from types import MappingProxyType

import attrs
import pytest
from hypothesis import given

import penilaian as p
from base.wrong_values import JUNK, fields_of, only_typed_errors, refused_at, wrong_cases
from penilaian._base.figures import Figures
from penilaian._base.trace import Gap
from penilaian.exceptions import InvalidValueError
from penilaian.model import TargetKind
from penilaian.regimes.generic import WorkAchievement
from penilaian.regimes.permen6_2022 import WorkRatingFromAchievement
from penilaian.scoring import Rule, check_kinds
from penilaian.scoring.result import Result
from penilaian.serialization import dumps, loads, structure, unstructure

STEP = p.Step.of(Rule("r", "c", "a", "b"), Fraction(1, 3), x=Decimal("1.5"))
RESULT = Result(
    "generic",
    "a",
    grade=p.Grade.GOOD,
    score=Decimal("97.52"),
    figures={"score": Decimal("97.52"), "skp": Decimal(90)},
    ratings={"band": "good"},
    trace=STEP,
)


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


class TestReadOnly:
    """The figures and ratings of a result cannot be changed, and it survives every copy."""

    @pytest.mark.parametrize("field", ["figures", "ratings"])
    def test_mappings_are_read_only(self, field):
        """Neither mapping can be changed in place."""
        mapping = getattr(RESULT, field)
        assert isinstance(mapping, MappingProxyType)
        with pytest.raises(TypeError):
            mapping["new"] = "value"

    def test_given_dict_is_copied(self):
        """Changing the dict given later does not change the result."""
        figures = {"score": Decimal(1)}
        result = Result("generic", "a", figures=figures)
        figures["score"] = Decimal(2)
        assert result.figures == {"score": Decimal(1)}

    @pytest.mark.parametrize(
        "copied",
        [
            lambda r: pickle.loads(pickle.dumps(r)),  # noqa: S301 - our own bytes
            copy.copy,
            copy.deepcopy,
            attrs.evolve,
            lambda r: structure(unstructure(r), Result),
            lambda r: loads(dumps(r), Result),
        ],
        ids=["pickle", "copy", "deepcopy", "evolve", "structure", "json"],
    )
    def test_round_trips_keep_it_equal(self, copied):
        """Pickling, copying, evolving and JSON give back an equal, still read-only result."""
        again = copied(RESULT)
        assert again == RESULT
        assert isinstance(again.figures, MappingProxyType)
        assert isinstance(again.ratings, MappingProxyType)

    def test_figures_are_taken_exactly(self):
        """Figures given as whole numbers or numeric text are kept as exact Decimals."""
        result = Result("generic", "a", figures={"skp": 90, "score": "97.52"})
        assert result.figures == {"skp": Decimal(90), "score": Decimal("97.52")}
        assert all(type(value) is Decimal for value in result.figures.values())

    @pytest.mark.parametrize(
        ("field", "value", "place"),
        [
            ("figures", {"skp": "many"}, "figures['skp']"),
            ("figures", {"skp": 90.5j}, "figures['skp']"),
            ("figures", {3: Decimal(1)}, "figures"),
            ("ratings", {"band": 3}, "ratings['band']"),
            ("ratings", {None: "good"}, "ratings"),
        ],
    )
    def test_a_wrong_entry_is_named_by_its_key(self, field, value, place):
        """A figure or rating of the wrong type is refused at its key."""
        error = refused_at(Result, ARGUMENTS[Result], field, value)
        assert error.field == place

    def test_json_form_is_plain(self):
        """The JSON form of the mappings is plain objects."""
        plain = unstructure(RESULT)
        assert plain["figures"] == {"score": "97.52", "skp": "90"}
        assert type(plain["figures"]) is dict
        assert plain["ratings"] == {"band": "good"}

    def test_equal_to_plain_dicts_and_hashable(self):
        """The figures equal the same dict, and results hash as before (figures excluded)."""
        assert RESULT.figures == {"score": Decimal("97.52"), "skp": Decimal(90)}
        same = attrs.evolve(RESULT, figures={"other": Decimal(1)})
        assert hash(RESULT) == hash(same)
        assert same != RESULT

    def test_scored_results_pickle(self):
        """A result scored by a regime pickles and unpickles equal."""
        result = p.Pp30Regime().score(p.load_sample("pp30_2019"))
        assert pickle.loads(pickle.dumps(result)) == result  # noqa: S301 - our own bytes


ARGUMENTS = {
    Result: {field.name: getattr(RESULT, field.name) for field in attrs.fields(Result)},
}


class TestWrongTypes:
    """Wrong types are refused with typed errors that name the field, never bare errors."""

    @pytest.mark.parametrize(("cls", "field", "value"), wrong_cases(ARGUMENTS))
    def test_refused_at_the_field(self, cls, field, value):
        """A value of the wrong type is refused with a PenilaianError naming its field."""
        refused_at(cls, ARGUMENTS[cls], field, value)

    @pytest.mark.parametrize(("cls", "field"), fields_of(ARGUMENTS))
    @given(value=JUNK)
    def test_only_typed_errors(self, cls, field, value):
        """Any value is either refused with a PenilaianError or kept as the field's type."""
        only_typed_errors(cls, ARGUMENTS[cls], field, value)


class TestCheckKinds:
    """The one validator of a field naming the target kinds that count toward achievement."""

    @pytest.mark.parametrize("kinds", [(), ("main",), (TargetKind.MAIN, 1)])
    @pytest.mark.parametrize("owner", [WorkAchievement, WorkRatingFromAchievement])
    def test_refused(self, owner, kinds):
        """An empty tuple or an item that is not a kind is refused at the field."""
        with pytest.raises(InvalidValueError, match="at least one TargetKind") as caught:
            owner(kinds=kinds)
        assert caught.value.field == "kinds"

    def test_not_a_tuple(self):
        """A value that is not a tuple is refused (the regimes' converter makes tuples)."""
        with pytest.raises(InvalidValueError, match="at least one TargetKind"):
            check_kinds(None, attrs.fields(WorkAchievement).kinds, [TargetKind.MAIN])

    def test_accepted(self):
        """Kinds as a tuple of TargetKind pass, in both regimes that take them."""
        both = (TargetKind.MAIN, TargetKind.ADDITIONAL)
        assert WorkAchievement(kinds=both).kinds == both
        assert WorkRatingFromAchievement(kinds=both).kinds == both


class TestTrusted:
    """`Result._trusted`, the regimes' kernels' constructor, gives what `Result(...)` gives."""

    def test_every_field_is_written_as_the_checked_constructor_writes_it(self) -> None:
        figures = Figures({"score": (8125, -2), "bagian": (1, 3)})
        ratings = MappingProxyType({"work": "meets_expectations"})
        gap = Gap("rating", "no supervisor rating")
        trusted = Result._trusted(
            "generic", "skp-1", p.Grade.GOOD, Decimal("81.25"),
            figures=figures, ratings=ratings, gaps=(gap,), trace=None,
        )  # fmt: skip
        checked = Result(
            "generic", "skp-1", p.Grade.GOOD, Decimal("81.25"),
            figures=dict(figures), ratings=dict(ratings), gaps=[gap],
        )  # fmt: skip
        for field in attrs.fields(Result):  # a field added to Result must be written too
            assert getattr(trusted, field.name) == getattr(checked, field.name), field.name
        attrs.validate(trusted)
        assert trusted == checked
        assert hash(trusted) == hash(checked)
        assert repr(trusted) == repr(checked)
        assert pickle.loads(pickle.dumps(trusted)) == checked  # noqa: S301 - our own bytes

    def test_a_trace_and_no_grade_are_written_too(self) -> None:
        """Each field lands in its own slot, also with a trace, no grade and no score."""
        rule = Rule("r", "Pasal 1", "Aturan", "Rule")
        step = p.Step.of(rule, 7, subject="skp-2")
        gaps = (Gap("ratings", "no rating"), Gap("targets", "no target"))
        trusted = Result._trusted(
            "pp46_2011", "skp-2", None, None,
            figures=MappingProxyType({"x": Decimal(1)}), ratings=MappingProxyType({}),
            gaps=gaps, trace=step,
        )  # fmt: skip
        checked = Result(
            "pp46_2011", "skp-2", figures={"x": 1}, gaps=gaps, trace=step
        )  # fmt: skip
        for field in attrs.fields(Result):
            assert getattr(trusted, field.name) == getattr(checked, field.name), field.name
        assert trusted.trace is step
        assert trusted.notes == ()
        attrs.validate(trusted)
        assert trusted == checked
        assert repr(trusted) == repr(checked)
        assert unstructure(trusted) == unstructure(checked)

    def test_it_is_a_frozen_result_like_any_other(self) -> None:
        """Filled through its writable twin, the result is a `Result` and refuses every write."""
        trusted = Result._trusted(
            "generic", "skp-3", None, None,
            figures=MappingProxyType({}), ratings=MappingProxyType({}), gaps=(), trace=None,
        )  # fmt: skip
        assert type(trusted) is Result
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            trusted.regime = "other"  # type: ignore[misc]
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            del trusted.notes
        assert trusted.regime == "generic"
        assert trusted.notes == ()
