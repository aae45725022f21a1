"""
Exact numbers: how values enter the library and which bounds they must keep.

Every measured value, target and score is a `decimal.Decimal`; weights that must
be exact thirds or sevenths are `fractions.Fraction`.  Floats are accepted only at
the boundary and are converted through their shortest decimal text
(``0.1`` becomes ``Decimal("0.1")``), so a float never decides a band.
"""

from __future__ import annotations

import math
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from typing import TYPE_CHECKING, Any, Final

import attrs

from penilaian.exceptions import InvalidNumberError

__all__ = [
    "DECIMAL",
    "OPTIONAL_DECIMAL",
    "ZERO",
    "Number",
    "check_decimal",
    "check_positive",
    "exact_decimal",
    "is_number",
    "to_decimal",
    "to_fraction",
]

Number = Decimal | int | str | float | Fraction
"""What a caller may pass where the library keeps a `Decimal`."""

ZERO: Final = Decimal(0)


def _refuse(field: str, value: object, reason: str) -> InvalidNumberError:
    return InvalidNumberError(field, value, reason)


def to_decimal(value: object, field: str = "value") -> Decimal:
    """
    Convert *value* to an exact, finite `Decimal`.

    Args:
        value: A `Decimal`, `int`, numeric `str`, finite `float` (taken through
            its shortest decimal text) or a `Fraction` with a terminating decimal
            expansion.
        field: The field name used in the error.

    Returns:
        The exact decimal.

    Raises:
        InvalidNumberError: For booleans, NaN, infinities, non-numeric text,
            fractions such as 1/3 that have no exact decimal form, or other types.
    """
    if type(value) is Decimal and value.is_finite():
        return value  # the common case: already exact (structured, or a converter re-run)
    result = _decimal_of(value, field)
    if not result.is_finite():
        raise _refuse(field, value, "must be a finite number")
    return result


def _decimal_of(value: object, field: str) -> Decimal:
    if isinstance(value, bool):
        raise _refuse(field, value, "a boolean is not a number")
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise _refuse(field, value, "must be a finite number")
        return Decimal(repr(value))
    if isinstance(value, str):
        try:
            return Decimal(value.strip())
        except InvalidOperation:
            raise _refuse(field, value, "is not a number") from None
    if isinstance(value, Fraction):
        return _fraction_to_decimal(value, field)
    raise _refuse(field, value, f"expected a number, got {type(value).__name__}")


def exact_decimal(value: Fraction) -> Decimal | None:
    """Return *value* as an exact `Decimal`, or `None` when it has no finite decimal form."""
    # n/d has a finite form only when d = 2^a * 5^b; then n/d == n * (10^k / d) / 10^k
    # with k = max(a, b), all in integers, and the Decimal is built from text (exact).
    rest, places = value.denominator, 0
    for prime in (2, 5):
        count = 0
        while rest % prime == 0:
            rest //= prime
            count += 1
        places = max(places, count)
    if rest != 1:
        return None
    return Decimal(f"{value.numerator * (10**places // value.denominator)}E-{places}")


def _fraction_to_decimal(value: Fraction, field: str) -> Decimal:
    exact = exact_decimal(value)
    if exact is None:
        raise _refuse(field, value, "has no exact decimal form; pass a Decimal")
    return exact


def to_fraction(value: object, field: str = "value") -> Fraction:
    """
    Convert *value* to an exact `Fraction`.

    Args:
        value: A `Fraction`, `Decimal`, `int`, finite `float` (taken through its
            shortest decimal text) or a numeric `str` such as ``"1/7"`` or ``"0.25"``.
        field: The field name used in the error.

    Returns:
        The exact fraction.

    Raises:
        InvalidNumberError: For booleans, NaN, infinities, text that is not a
            number or a ratio, a zero denominator, or other types.
    """
    if isinstance(value, Fraction):
        return value
    if isinstance(value, str) and "/" in value:
        try:
            return Fraction(value.strip())
        except (ValueError, ZeroDivisionError):
            raise _refuse(field, value, "is not a number or a ratio") from None
    return Fraction(to_decimal(value, field))


def is_number(value: Any) -> bool:  # noqa: ANN401 - any input may be tested
    """Tell whether *value* can be taken exactly by `to_decimal`."""
    try:
        to_decimal(value)
    except InvalidNumberError:
        return False
    return True


def check_decimal(
    value: Decimal,
    field: str,
    *,
    minimum: Decimal | None = None,
    maximum: Decimal | None = None,
) -> Decimal:
    """
    Return *value* if it lies within the closed bounds given, else raise.

    Raises:
        InvalidNumberError: naming *field* and the bound that was broken.
    """
    if minimum is not None and value < minimum:
        raise _refuse(field, value, f"must be at least {minimum}")
    if maximum is not None and value > maximum:
        raise _refuse(field, value, f"must be at most {maximum}")
    return value


def check_positive(value: Decimal, field: str) -> Decimal:
    """
    Return *value* if it is greater than zero, else raise.

    Used for targets that a rule divides by.

    Raises:
        InvalidNumberError: naming *field*.
    """
    if value <= 0:
        raise _refuse(field, value, "must be greater than 0 (the rule divides by it)")
    return value


def _convert_decimal(value: object, field: attrs.Attribute[Decimal]) -> Decimal:
    return to_decimal(value, field.name)


def _convert_optional_decimal(
    value: object, field: attrs.Attribute[Decimal | None]
) -> Decimal | None:
    return None if value is None else to_decimal(value, field.name)


# attrs' mypy plugin reads only plain functions as converters, while the runtime
# converters take the field so that errors can name it: mypy sees the typed
# signatures, attrs gets the field-aware converters.
if TYPE_CHECKING:

    def DECIMAL(value: Number) -> Decimal:  # noqa: N802
        """Attrs converter: any exact number to `Decimal`; errors name the field."""

    def OPTIONAL_DECIMAL(value: Number | None) -> Decimal | None:  # noqa: N802
        """Attrs converter: like `DECIMAL`, but `None` (missing) stays `None`, never 0."""

else:
    DECIMAL = attrs.Converter(_convert_decimal, takes_field=True)
    OPTIONAL_DECIMAL = attrs.Converter(_convert_optional_decimal, takes_field=True)
