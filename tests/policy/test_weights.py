"""Tests for policy.weights: exact named weights that sum to exactly 1."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

import penilaian as p
from base.wrong_values import JUNK, fields_of, only_typed_errors, refused_at, wrong_cases
from penilaian.exceptions import InvalidNumberError, InvalidValueError
from penilaian.policy import (
    PP30_2019_WITH_PEER_INPUT,
    PP30_2019_WITHOUT_PEER_INPUT,
    PP46_2011_COMPONENTS,
)
from penilaian.serialization import structure, unstructure


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


ARGUMENTS = {p.Weights: {"shares": {"work": "7/10", "behaviour": "3/10"}}}


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

    @pytest.mark.parametrize(
        ("shares", "field"),
        [
            ({"work": "many"}, "shares['work']"),
            ({"work": True}, "shares['work']"),
            ({3: 1}, "shares"),
        ],
    )
    def test_a_wrong_share_is_named_by_its_name(self, shares, field):
        """A share that is not an exact number is refused at its name."""
        with pytest.raises(InvalidValueError) as caught:
            p.Weights(shares)
        assert caught.value.field == field

    @pytest.mark.parametrize("raw", ["work", [("work", 1)], None, 3])
    def test_normalised_refuses_what_is_not_a_mapping(self, raw):
        """Weights.normalised names the shares it cannot read."""
        with pytest.raises(InvalidValueError) as caught:
            p.Weights.normalised(raw)
        assert (caught.value.field, caught.value.value) == ("shares", raw)

    @pytest.mark.parametrize("names", ["work", ["work"], None, 3])
    def test_restricted_needs_a_set(self, names):
        """Weights.restricted takes a set of names; text is not a set of its characters."""
        with pytest.raises(InvalidValueError) as caught:
            PP46_2011_COMPONENTS.restricted(names)
        assert (caught.value.field, caught.value.value) == ("names", names)

    def test_restricted_takes_any_set(self):
        """A set, a frozenset and a dict's keys all restrict."""
        for names in ({"work"}, frozenset({"work"}), {"work": 1}.keys()):
            assert PP46_2011_COMPONENTS.restricted(names) == p.Weights({"work": 1})
