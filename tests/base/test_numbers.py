"""Exact numbers: conversion at the boundary and bounds."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from penilaian._base.numbers import (
    check_decimal,
    check_positive,
    is_number,
    to_decimal,
    to_fraction,
)
from penilaian.exceptions import InvalidNumberError, PenilaianError


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
