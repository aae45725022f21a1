"""Carry-over and credit points on plain numbers: results, steps and refusals compared whole."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest

import penilaian as p
from penilaian.exceptions import (
    InvalidNumberError,
    InvalidValueError,
    PenilaianError,
    UnsupportedInputError,
)
from penilaian.regimes.permen6_2022 import CarryOver, carry_over, credit_points

D = Decimal
F = Fraction
TWO_PLACES = "2 decimal places, halves up"
NUMBER = (
    "harus berupa bilangan tepat (int, Decimal, Fraction atau teks), bukan float",
    "must be an exact number (int, Decimal, Fraction or text), not a float",
)
NEGATIVE = ("tidak boleh negatif", "must not be negative")


def refusal(call, *args, **kwargs):
    """The error *call* raises, as (type, field, value, reason)."""
    with pytest.raises(PenilaianError) as caught:
        call(*args, **kwargs)
    error = caught.value
    return type(error), error.field, error.value, error.reason


def steps(step):
    """Every step under *step*, depth first, as (rule, output, inputs)."""
    return [(s.rule.id, s.output, dict(s.inputs)) for s in step.walk()]


class TestCarryOverWhole:
    """`carry_over`'s result and step, every field."""

    def test_rounded(self):
        """75.635 - 50 = 25.635, written 25.64 under a rounding step."""
        result = carry_over("75.635", 50)
        assert attrs_tuple(result) == (D("25.64"), F(5127, 200), F(15127, 200), 50)
        assert steps(result.step) == [
            ("permenpanrb1_2023.rounding", "25.64", {"to": TWO_PLACES}),
            ("perbanbkn3_2023.carry_over", "25.635", {"balance": "75.635", "required": "50"}),
        ]

    def test_exact(self):
        """An exact carry-over has its own step only; none without a trace."""
        result = carry_over(F(151, 2), D(50))
        assert attrs_tuple(result) == (D("25.50"), F(51, 2), F(151, 2), 50)
        assert steps(result.step) == [
            ("perbanbkn3_2023.carry_over", "25.5", {"balance": "75.5", "required": "50"}),
        ]
        assert carry_over(1, 1, trace=False) == CarryOver(D("0.00"), F(0), F(1), F(1), None)

    def test_rounding_of_ones_own(self):
        """The rounding given writes the value."""
        assert carry_over("75.635", 50, rounding=p.Rounding(1)).value == D("25.6")

    @pytest.mark.parametrize("lang", ["id", "en"])
    def test_refusals(self, lang):
        """Each refusal names its field, value and reason in the language asked for."""
        en = lang == "en"
        assert refusal(carry_over, "-1", 0, lang=lang) == (
            InvalidNumberError, "balance", "-1", NEGATIVE[en],
        )  # fmt: skip
        assert refusal(carry_over, 1, "-0.5", lang=lang) == (
            InvalidNumberError, "required", "-0.5", NEGATIVE[en],
        )  # fmt: skip
        assert refusal(carry_over, 1.0, 0, lang=lang) == (
            InvalidNumberError, "balance", 1.0, NUMBER[en],
        )  # fmt: skip
        assert refusal(carry_over, 1, "abc", lang=lang) == (
            InvalidNumberError, "required", "abc", NUMBER[en],
        )  # fmt: skip
        short = (
            "AK kumulatif 1.00 kurang dari 2.00 yang dibutuhkan",
            "cumulative credit points 1.00 fall short of the 2.00 required",
        )[en]
        assert refusal(carry_over, D(1), 2, lang=lang) == (
            UnsupportedInputError, "balance", D(1), short,
        )  # fmt: skip
        rounding = ("harus berupa penilaian.Rounding", "must be a penilaian.Rounding")[en]
        assert refusal(carry_over, 2, 1, rounding="2", lang=lang) == (
            InvalidValueError, "rounding", "2", rounding,
        )  # fmt: skip


def attrs_tuple(result):
    """A carry-over's value, exact, balance and required."""
    return result.value, result.exact, result.balance, result.required


class TestCreditPointsRefusals:
    """`credit_points`' refusals, whole."""

    @pytest.mark.parametrize("lang", ["id", "en"])
    def test_refusals(self, lang):
        """Level or coefficient, exactly one; a coefficient exact and above 0."""
        en = lang == "en"
        one = (
            "berikan jenjang jabatan atau koefisien, tepat salah satu",
            "give the functional level or the coefficient, exactly one",
        )[en]
        assert refusal(credit_points, "Baik", lang=lang) == (
            InvalidValueError, "position_kind", (None, None), one,
        )  # fmt: skip
        assert refusal(credit_points, "Baik", "Ahli Pertama", coefficient=1, lang=lang) == (
            InvalidValueError, "position_kind", ("Ahli Pertama", 1), one,
        )  # fmt: skip
        above = ("harus lebih dari 0", "must be more than 0")[en]
        assert refusal(credit_points, "Baik", coefficient="0", lang=lang) == (
            InvalidNumberError, "coefficient", "0", above,
        )  # fmt: skip
        assert refusal(credit_points, "Baik", coefficient=12.5, lang=lang) == (
            InvalidNumberError, "coefficient", 12.5, NUMBER[en],
        )  # fmt: skip
        assert refusal(credit_points, "Baik", coefficient="x", lang=lang) == (
            InvalidNumberError, "coefficient", "x", NUMBER[en],
        )  # fmt: skip

    def test_small_coefficient(self):
        """A coefficient between 0 and 1 is accepted."""
        result = credit_points("Baik", coefficient="0.5")
        assert (result.value, result.exact, result.position_kind) == (D("0.50"), F(1, 2), None)
