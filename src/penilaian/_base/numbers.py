"""
Exact numbers: how values enter the library, which bounds they must keep, how they are written.

Every measured value, target and score is a `decimal.Decimal`; weights that must
be exact thirds or sevenths are `fractions.Fraction`.  Floats are accepted only at
the boundary and are converted through their shortest decimal text
(``0.1`` becomes ``Decimal("0.1")``), so a float never decides a band.  Numbers are
rounded in integers (`scaled_round`) and written as text by one formatter
(`format_number`), never through a float.

Every number entering the model is bounded by one check (`penilaian._base.bounds`): at most 40
digits before the point (``|x| < 10**40``) and 40 after it, a fraction's denominator at
most ``10**40``, number text at most 200 characters.  That is far beyond any count,
measure or rupiah amount of an appraisal (a state budget is below ``10**16`` rupiah),
yet keeps every exact product a rule forms a few hundred digits long.  The check reads
exponents and lengths before any slow arithmetic, and a number outside the bounds is an
`InvalidNumberError` at its field: scoring time never depends on what a document says.
"""

from __future__ import annotations

import math
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from typing import TYPE_CHECKING, Any, Final, Literal

import attrs

from penilaian._base.bounds import MAX_DIGITS, MAX_NUMBER_TEXT, MAX_PLACES, check_bounds
from penilaian.exceptions import InvalidNumberError, InvalidValueError

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = [
    "DECIMAL",
    "OPTIONAL_DECIMAL",
    "ZERO",
    "Number",
    "Ratio",
    "RoundingMode",
    "check_decimal",
    "check_positive",
    "exact_decimal",
    "format_number",
    "is_number",
    "mean_ratio",
    "scaled_round",
    "scaled_round_ratio",
    "terminating_places",
    "to_decimal",
    "to_fraction",
    "to_positive_fraction",
]

Number = Decimal | int | str | float | Fraction
"""What a caller may pass where the library keeps a `Decimal`."""

ZERO: Final = Decimal(0)

RoundingMode = Literal["half_up", "half_even", "down"]
"""How a `Rounding` treats halves: away from zero, to even, or not at all (truncate)."""


def _refuse(field: str, value: object, reason: str) -> InvalidNumberError:
    return InvalidNumberError(field, value, reason)


def _text(value: str, field: str) -> str:
    text = value.strip()
    if len(text) > MAX_NUMBER_TEXT:
        reason = f"is {len(text)} characters long; a number is at most {MAX_NUMBER_TEXT}"
        raise _refuse(field, value, reason)
    return text


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
            fractions such as 1/3 that have no exact decimal form, numbers outside
            the bounds of `check_bounds`, or other types.
    """
    if type(value) is Decimal:
        # The common case: already exact (structured, then this converter), taken as it is.
        if value.is_finite() and _plainly_bounded(value):
            return value
        return check_bounds(value, field)  # the exact error, or a value written with an exponent
    if type(value) is str:
        # Text, as JSON brings a number: parsed once; odd text takes the long way below.
        text = value.strip()
        if len(text) <= MAX_NUMBER_TEXT:
            try:
                parsed = Decimal(text)
            except InvalidOperation:
                raise _refuse(field, value, "is not a number") from None
            # At most MAX_DIGITS characters and no exponent: no more digits on either side.
            short = len(text) <= MAX_DIGITS and "e" not in text and "E" not in text
            if parsed.is_finite() and (short or _plainly_bounded(parsed)):
                return parsed
    result = _decimal_of(value, field)
    if not result.is_finite():
        raise _refuse(field, value, "must be a finite number")
    return check_bounds(result, field)


def _plainly_bounded(value: Decimal) -> bool:
    """
    Tell, cheaply, that the finite *value* keeps the bounds of `check_bounds`.

    ``str`` writes a finite `Decimal` without an exponent exactly when it can show every
    place it holds, so the places are counted in the text; reading the exponent through
    ``as_tuple`` costs several times more.  `False` leaves the answer to `check_bounds`.
    """
    text = str(value)
    if "E" in text or "e" in text:  # the context may write a small e
        return False
    point = text.find(".")
    places = 0 if point < 0 else len(text) - point - 1
    return value.adjusted() < MAX_DIGITS and places <= MAX_PLACES


def _decimal_of(value: object, field: str) -> Decimal:
    if isinstance(value, bool):
        raise _refuse(field, value, "a boolean is not a number")
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int):
        return Decimal(check_bounds(value, field))  # before Decimal(), which is slow on a huge int
    if isinstance(value, float):
        if not math.isfinite(value):
            raise _refuse(field, value, "must be a finite number")
        return Decimal(repr(value))
    if isinstance(value, str):
        try:
            return Decimal(_text(value, field))
        except InvalidOperation:
            raise _refuse(field, value, "is not a number") from None
    if isinstance(value, Fraction):
        exact = exact_decimal(check_bounds(value, field))
        if exact is None:
            raise _refuse(field, value, "has no exact decimal form; pass a Decimal")
        return exact
    raise _refuse(field, value, f"expected a number, got {type(value).__name__}")


def exact_decimal(value: Fraction) -> Decimal | None:
    """Return *value* as an exact `Decimal`, or `None` when it has no finite decimal form."""
    # n/d == n * (10^k / d) / 10^k, all in integers; the Decimal is built from text (exact).
    places = terminating_places(value.denominator)
    if places is None:
        return None
    return Decimal(f"{value.numerator * (10**places // value.denominator)}E-{places}")


def terminating_places(denominator: int) -> int | None:
    """
    Return the decimal places of ``n / denominator`` (in lowest terms), or `None` if it never ends.

    ``n/d`` has a finite decimal form only when ``d = 2^a x 5^b``; it then has ``max(a, b)``
    places.

    >>> terminating_places(8), terminating_places(3)
    (3, None)
    """
    rest, places = denominator, 0
    for prime in (2, 5):
        count = 0
        while rest % prime == 0:
            rest //= prime
            count += 1
        places = max(places, count)
    return places if rest == 1 else None


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
            number or a ratio, a zero denominator, numbers outside the bounds of
            `check_bounds`, or other types.
    """
    if isinstance(value, Fraction):
        return check_bounds(value, field)
    if isinstance(value, str) and "/" in value:
        text = _text(value, field)
        try:
            ratio = Fraction(text)
        except (ValueError, ZeroDivisionError):
            raise _refuse(field, value, "is not a number or a ratio") from None
        return check_bounds(ratio, field)
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


def to_positive_fraction(value: object, field: str) -> Fraction:
    """
    Convert *value* to an exact `Fraction` greater than zero (a threshold, a strength).

    >>> to_positive_fraction("1/4", "threshold")
    Fraction(1, 4)

    Raises:
        InvalidNumberError: naming *field*, for anything `to_fraction` refuses and for
            zero or less.
    """
    share = to_fraction(value, field)
    if share <= 0:
        raise _refuse(field, share, "must be greater than 0")
    return share


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


def scaled_round(
    value: Fraction | Decimal | int, places: int, mode: RoundingMode = "half_up"
) -> int:
    """
    Return *value* times ``10**places``, rounded to a whole number by *mode*, in integers.

    The one rounding of the library: `penilaian.scoring.Rounding` and `format_number`
    both use it, so a declared rounding and a written number never disagree.

    >>> scaled_round(Fraction(-5, 2), 0), scaled_round(Fraction(5, 2), 0, "half_even")
    (-3, 2)
    >>> scaled_round(Decimal("1.239"), 2, "down")
    123
    """
    numerator, denominator = value.as_integer_ratio()
    return scaled_round_ratio(numerator, denominator, places, mode)


Ratio = tuple[int, int]
"""An exact value held as two integers, as the integer kernels hold it: a numerator over a
denominator above 0, not necessarily in lowest terms."""


def mean_ratio(values: Sequence[Ratio]) -> Ratio:
    """
    Return the mean of the ratios *values* (at least one), over a common denominator.

    >>> mean_ratio([(1, 2), (1, 3), (5, 6)])
    (10, 18)
    """
    numerator, denominator = values[0]
    for n, d in values[1:]:
        if d == denominator:
            numerator += n
        else:
            numerator, denominator = numerator * d + n * denominator, denominator * d
    return numerator, denominator * len(values)


def scaled_round_ratio(
    numerator: int, denominator: int, places: int, mode: RoundingMode = "half_up"
) -> int:
    """
    Return ``numerator / denominator`` times ``10**places``, rounded by *mode*.

    `scaled_round` of a ratio held as two integers (*denominator* above 0), as the
    integer kernels hold their values.

    >>> scaled_round_ratio(200, 3, 2), scaled_round_ratio(-5, 2, 0)
    (6667, -3)
    """
    scale: int = 10**places
    whole, remainder = divmod(abs(numerator) * scale, denominator)
    twice = 2 * remainder
    if mode == "half_up":
        whole += twice >= denominator
    elif mode == "half_even":
        whole += twice > denominator or (twice == denominator and whole % 2 == 1)
    return -whole if numerator < 0 else whole


def format_number(
    value: Fraction | Decimal | int,
    *,
    places: int | None = None,
    approximate: int | None = None,
    percent: bool = False,
    trim: bool = False,
) -> str:
    """
    Write *value* as text: the one number formatter of the library (display only).

    By default the number is written exactly, as the trace writes it: an `int` or a
    `Decimal` as it is held (``Decimal("85.00")`` stays ``"85.00"``), a `Fraction` as
    its decimal when that ends and as ``n/d`` when it does not.  A point is the
    decimal mark; no float is involved.

    >>> [format_number(value) for value in (Fraction(5, 2), Fraction(13, 3), Decimal("85.00"))]
    ['2.5', '13/3', '85.00']
    >>> format_number(Fraction(13, 3), approximate=2)
    '13/3 (≈ 4.33)'
    >>> format_number(Fraction(-1, 3), places=2), format_number(Fraction(-1, 100), places=1)
    ('-0.33', '0.0')
    >>> format_number(Fraction(1, 3), places=1, percent=True)
    '33.3%'
    >>> format_number(Fraction(7, 10), percent=True)
    '70%'
    >>> [format_number(value, places=1, trim=True) for value in (Fraction(241, 2), 120)]
    ['120.5', '120']

    Args:
        value: The exact number.
        places: Round to this many decimal places, halves away from zero, and write
            them all (``"0.50"``); a number that rounds to zero has no minus sign.
        approximate: When the exact decimal does not end, write ``n/d`` with the value
            rounded to this many places beside it: ``"13/3 (≈ 4.33)"``.  Not with *places*.
        percent: Write *value* x 100 followed by ``%`` (a `Decimal` is then written
            without trailing zeros: ``Decimal("0.250")`` is ``"25%"``).
        trim: Drop trailing zeros after the point, and the point when nothing follows.

    Raises:
        InvalidValueError: *places* or *approximate* is negative, or both are given.
    """
    for name, count in (("places", places), ("approximate", approximate)):
        if count is not None and count < 0:
            raise InvalidValueError(name, count, "must be a whole number, 0 or more")
    if places is not None and approximate is not None:
        raise InvalidValueError("approximate", approximate, "cannot be given with places")
    number = Fraction(value) * 100 if percent else value
    suffix = "%" if percent else ""
    if places is not None:
        return _trimmed(_fixed(number, places), trim=trim) + suffix
    text = _exact(number)
    if "/" not in text:
        return _trimmed(text, trim=trim) + suffix
    if approximate is None:
        return text + suffix
    rounded = _trimmed(_fixed(number, approximate), trim=trim)
    return f"{text}{suffix} (\u2248 {rounded}{suffix})"


def _exact(value: Fraction | Decimal | int) -> str:
    if not isinstance(value, Fraction):
        return str(value)
    exact = exact_decimal(value)
    return str(exact) if exact is not None else f"{value.numerator}/{value.denominator}"


def _fixed(value: Fraction | Decimal | int, places: int) -> str:
    scaled = scaled_round(value, places)
    digits = str(abs(scaled)).rjust(places + 1, "0")
    sign = "-" if scaled < 0 else ""
    return f"{sign}{digits[:-places]}.{digits[-places:]}" if places else f"{sign}{digits}"


def _trimmed(text: str, *, trim: bool) -> str:
    return text.rstrip("0").rstrip(".") if trim and "." in text else text


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
