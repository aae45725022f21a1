"""Exact numbers: conversion at the boundary, bounds, rounding and writing."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from penilaian._base.numbers import (
    check_decimal,
    check_positive,
    exact_decimal,
    format_number,
    is_number,
    scaled_round,
    to_decimal,
    to_fraction,
)
from penilaian.exceptions import InvalidNumberError, InvalidValueError, PenilaianError


class TestToDecimal:
    """`to_decimal` takes exact numbers and refuses what is not one."""

    @pytest.mark.parametrize(
        ("given_value", "expected"),
        [
            (Decimal("1.50"), Decimal("1.50")),
            (12, Decimal(12)),
            (" 7.25 ", Decimal("7.25")),
            (0.1, Decimal("0.1")),
            (9.12, Decimal("9.12")),
            (Fraction(3, 8), Decimal("0.375")),
            (Fraction(-5, 4), Decimal("-1.25")),
            (Fraction(7), Decimal(7)),
            (Fraction(10**28 + 1, 8), Decimal("1250000000000000000000000000.125")),
        ],
    )
    def test_exact_inputs(self, given_value, expected):
        """Decimals, ints, text, floats (by shortest text) and terminating fractions are exact."""
        assert expected == to_decimal(given_value)

    def test_float_noise_does_not_leak(self):
        """A float such as 0.1 becomes Decimal('0.1'), not its binary expansion."""
        expected = Decimal("0.3")
        assert expected == to_decimal(0.1) + to_decimal(0.2)

    @pytest.mark.parametrize(
        ("bad", "reason"),
        [
            (True, "boolean"),
            (float("nan"), "finite"),
            (float("inf"), "finite"),
            ("NaN", "finite"),
            ("Infinity", "finite"),
            (Decimal("NaN"), "finite"),
            (Decimal("-Infinity"), "finite"),
            ("abc", "not a number"),
            (Fraction(1, 3), "no exact decimal form"),
            (None, "expected a number"),
            ([1], "expected a number"),
        ],
    )
    def test_refusals_name_the_field(self, bad, reason):
        """Non-numbers raise InvalidNumberError naming the field and the reason."""
        with pytest.raises(InvalidNumberError) as caught:
            to_decimal(bad, "target")
        assert caught.value.field == "target"
        assert reason in caught.value.reason
        assert isinstance(caught.value, ValueError)
        assert isinstance(caught.value, PenilaianError)

    @given(st.fractions(max_denominator=10**6))
    def test_fraction_round_trip(self, fraction):
        """A fraction converts exactly when its denominator divides a power of 10, else raises."""
        denominator = fraction.denominator
        for prime in (2, 5):
            while denominator % prime == 0:
                denominator //= prime
        if denominator == 1:
            assert fraction == Fraction(to_decimal(fraction))
        else:
            with pytest.raises(InvalidNumberError):
                to_decimal(fraction)


class TestToFraction:
    """`to_fraction` keeps ratios such as 1/7 exact."""

    @pytest.mark.parametrize(
        ("given_value", "expected"),
        [
            ("1/7", Fraction(1, 7)),
            (Fraction(2, 3), Fraction(2, 3)),
            ("0.25", Fraction(1, 4)),
            (0.1, Fraction(1, 10)),
            (3, Fraction(3)),
        ],
    )
    def test_exact_inputs(self, given_value, expected):
        """Ratios, decimals, ints and floats become exact fractions."""
        assert expected == to_fraction(given_value)

    @pytest.mark.parametrize("bad", ["1/0", "a/b", True, float("nan")])
    def test_refusals(self, bad):
        """Zero denominators, non-ratios, booleans and NaN are refused."""
        with pytest.raises(InvalidNumberError):
            to_fraction(bad, "weight")


class TestBounds:
    """Bound checks name the field and the bound broken."""

    def test_check_decimal_within(self):
        """A value inside closed bounds is returned unchanged."""
        expected = Decimal(5)
        assert expected == check_decimal(expected, "x", minimum=Decimal(5), maximum=Decimal(5))

    @pytest.mark.parametrize(
        ("value", "reason"), [(Decimal(-1), "at least 0"), (Decimal(101), "at most 100")]
    )
    def test_check_decimal_outside(self, value, reason):
        """A value outside its bounds raises with the bound in the reason."""
        with pytest.raises(InvalidNumberError) as caught:
            check_decimal(value, "score", minimum=Decimal(0), maximum=Decimal(100))
        assert reason in caught.value.reason

    @pytest.mark.parametrize("value", [Decimal(0), Decimal("-0.01")])
    def test_check_positive(self, value):
        """Zero and negative values are refused where a rule divides by them."""
        with pytest.raises(InvalidNumberError, match="divides"):
            check_positive(value, "target")

    def test_is_number(self):
        """is_number tells exact numbers from the rest without raising."""
        assert is_number("1.5")
        assert not is_number("one")


class TestScaledRound:
    """`scaled_round` rounds exactly in integers, by the declared mode."""

    @pytest.mark.parametrize(
        ("value", "places", "mode", "expected"),
        [
            (Fraction(5, 2), 0, "half_up", 3),
            (Fraction(-5, 2), 0, "half_up", -3),
            (Fraction(5, 2), 0, "half_even", 2),
            (Fraction(7, 2), 0, "half_even", 4),
            (Fraction(-5, 2), 0, "half_even", -2),
            (Decimal("1.239"), 2, "down", 123),
            (Decimal("-1.239"), 2, "down", -123),
            (Fraction(-1, 100), 1, "half_up", 0),
            (7, 2, "half_up", 700),
        ],
    )
    def test_modes(self, value, places, mode, expected):
        """Halves go away from zero, to even, or are cut, whatever the sign."""
        assert expected == scaled_round(value, places, mode)

    @given(st.fractions(max_denominator=10**4), st.integers(0, 6))
    def test_half_up_is_nearest(self, value, places):
        """Half-up lands within half a unit of the last place, a tie going away from zero."""
        scaled = value * 10**places
        rounded = scaled_round(value, places)
        assert abs(rounded - scaled) <= Fraction(1, 2)
        if abs(rounded - scaled) == Fraction(1, 2):
            assert abs(rounded) > abs(scaled)


class TestFormatNumber:
    """`format_number` is the one way a number becomes text: exact by default, never a float."""

    @pytest.mark.parametrize(
        ("value", "options", "expected"),
        [
            (Fraction(13, 3), {"approximate": 2}, "13/3 (\u2248 4.33)"),
            (Fraction(5, 2), {"approximate": 2}, "2.5"),
            (Decimal("85.00"), {"approximate": 2}, "85.00"),
            (Fraction(13, 3), {}, "13/3"),
            (Fraction(7), {}, "7"),
            (12, {}, "12"),
            (Fraction(-1, 3), {"places": 2}, "-0.33"),
            (Fraction(2, 3), {"places": 2}, "0.67"),
            (Fraction(-1, 100), {"places": 1}, "0.0"),
            (Fraction(5, 2), {"places": 0}, "3"),
            (Fraction(1, 2000), {"places": 3}, "0.001"),
            (Fraction(241, 2), {"places": 1, "trim": True}, "120.5"),
            (Fraction(120), {"places": 1, "trim": True}, "120"),
            (Fraction(1001, 10), {"places": 2, "trim": True}, "100.1"),
            (Fraction(1, 3), {"places": 1, "percent": True}, "33.3%"),
            (Fraction(2, 3), {"places": 1, "percent": True}, "66.7%"),
            (Fraction(1), {"places": 1, "percent": True}, "100.0%"),
            (Fraction(1, 2000), {"places": 1, "percent": True}, "0.1%"),
            (Fraction(0), {"places": 1, "percent": True}, "0.0%"),
            (Fraction(7, 10), {"percent": True}, "70%"),
            (Fraction(1, 8), {"percent": True}, "12.5%"),
            (Fraction(1, 3), {"percent": True}, "100/3%"),
            (Decimal("0.250"), {"percent": True}, "25%"),
            (Fraction(1, 3), {"percent": True, "approximate": 2}, "100/3% (\u2248 33.33%)"),
        ],
    )
    def test_examples(self, value, options, expected):
        """Exact text, fixed places (halves away from zero), trimmed, percentages."""
        assert expected == format_number(value, **options)

    @given(st.fractions(max_denominator=10**4))
    def test_exact_text_is_the_value(self, value):
        """The default text reads back as the very value: a decimal that ends, else n/d."""
        text = format_number(value)
        assert value == Fraction(text)
        assert ("/" in text) == (exact_decimal(value) is None)

    @given(st.fractions(max_denominator=10**4), st.integers(0, 4))
    def test_places_agree_with_scaled_round(self, value, places):
        """Fixed places write the rounded integer with the point put back, all digits kept."""
        text = format_number(value, places=places)
        assert Fraction(text) * 10**places == scaled_round(value, places)
        assert len(text.partition(".")[2]) == places
        assert text != "-" + text.lstrip("-") or scaled_round(value, places) < 0

    @pytest.mark.parametrize(
        ("options", "field"),
        [({"places": -1}, "places"), ({"approximate": -2}, "approximate"),
         ({"places": 1, "approximate": 2}, "approximate")],
    )  # fmt: skip
    def test_refusals(self, options, field):
        """Negative place counts, and places with approximate, are refused at the option."""
        with pytest.raises(InvalidValueError) as caught:
            format_number(Fraction(1, 3), **options)
        assert field == caught.value.field
