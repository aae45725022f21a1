"""
Plain numbers into the PP 46/2011 formulas: taken exactly, checked, refused with typed errors.

Every public formula of `penilaian.regimes.pp46_2011.rules` reads its arguments
through these helpers, so a formula called on its own refuses exactly what the
regime never passes it: a target of 0 or less (the rule divides by it), a negative
realisation, a value that is not a number, an empty list.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from fractions import Fraction
from typing import Final

from penilaian._base.bounds import check_bounds
from penilaian._base.checks import whole_number
from penilaian._base.numbers import to_fraction
from penilaian.exceptions import InvalidNumberError, InvalidValueError, MissingValueError

__all__ = ["HUNDRED", "ExactNumber", "choice", "number", "numbers", "positive", "rated", "whole"]

ExactNumber = Fraction | int | str
"""Besides `Decimal`: what a formula takes (text such as ``"9.12"`` or ``"1/3"`` included)."""

HUNDRED: Final = Fraction(100)
"""100, the top of a behaviour aspect's rating and of an efficiency."""


def number(value: Decimal | ExactNumber, field: str) -> Fraction:
    """
    Return *value* as an exact `Fraction`.

    Raises:
        InvalidNumberError: naming *field*, for anything `penilaian._base.numbers.to_fraction`
            refuses (booleans, NaN, text that is not a number, other types).
    """
    if type(value) is Fraction:  # the regime passes Fractions it computed itself
        return value
    if type(value) is Decimal and value.is_finite():
        # The common case, checked as to_fraction checks it, without its detours.
        return Fraction(*check_bounds(value, field).as_integer_ratio())
    return to_fraction(value, field)


def positive(value: Decimal | ExactNumber, field: str) -> Fraction:
    """
    Return *value* as a `Fraction` greater than 0: a target the rule divides by.

    Raises:
        InvalidNumberError: naming *field*, for a non-number or a value of 0 or less.
    """
    exact = number(value, field)
    if exact <= 0:
        raise InvalidNumberError(field, value, "must be greater than 0 (the rule divides by it)")
    return exact


def rated(
    value: Decimal | ExactNumber, field: str, *, low: Fraction | None, high: Fraction | None
) -> Fraction:
    """
    Return *value* as a `Fraction` within the closed range [*low*, *high*] (`None`: open).

    Raises:
        InvalidNumberError: naming *field*, for a non-number or a value off the range.
    """
    exact = number(value, field)
    if low is not None and exact < low:
        raise InvalidNumberError(field, value, f"must be at least {low}")
    if high is not None and exact > high:
        raise InvalidNumberError(field, value, f"must be at most {high}")
    return exact


def numbers(
    values: object, field: str, *, low: Fraction | None = None, high: Fraction | None = None
) -> list[Fraction]:
    """
    Return every value of the non-empty sequence *values* as a `Fraction`, each checked.

    Raises:
        InvalidValueError: naming *field*, when *values* is not a list or tuple of numbers.
        MissingValueError: naming *field*, for no value at all (a mean needs one).
        InvalidNumberError: naming ``field[index]``, for a value that is not a number or
            lies off [*low*, *high*].
    """
    if isinstance(values, str | bytes | dict) or not isinstance(values, Iterable):
        raise InvalidValueError(field, values, "must be a list or tuple of numbers")
    found = [
        rated(value, f"{field}[{index}]", low=low, high=high) for index, value in enumerate(values)
    ]
    if not found:
        raise MissingValueError(field, values, "needs at least one value")
    return found


def whole(value: object, field: str) -> int:
    """
    Return *value* as a whole number of at least 0 (a count, points).

    Raises:
        InvalidValueError: naming *field*, for anything else (booleans included).
    """
    return whole_number(value, field, 0)


def choice(field: str, value: object, choices: tuple[str, ...]) -> None:
    """
    Check that *value* is one of the texts *choices*.

    Raises:
        InvalidValueError: naming *field*, listing the choices.
    """
    if not (type(value) is str and value in choices):
        listed = ", ".join(repr(option) for option in choices)
        raise InvalidValueError(field, value, f"must be one of {listed}")
