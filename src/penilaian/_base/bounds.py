"""
The bounds every number and every text of the model keeps, checked before any work.

At most `MAX_DIGITS` digits before the point (``|x| < 10**40``) and `MAX_PLACES` after it,
a fraction's denominator at most ``10**40``, number text at most `MAX_NUMBER_TEXT`
characters: far beyond any count, measure or rupiah amount of an appraisal, yet keeping
every exact product a rule forms a few hundred digits long, so scoring time never
depends on what a document says.

Texts keep a length: an id (of an appraisal, a person, a target, an indicator, a rater, a
scale, a unit, and every reference to one) at most `MAX_ID_LENGTH` characters, any other
text (a name, a title, a description, a comment, a feedback note, an evidence item) at most
`MAX_TEXT_LENGTH`.  Ids are echoed in messages, traces and reports, so neither grows with
what a document holds.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import Final, TypeVar

from penilaian.exceptions import InvalidNumberError, InvalidValueError

__all__ = [
    "MAX_DIGITS",
    "MAX_ID_LENGTH",
    "MAX_NUMBER_TEXT",
    "MAX_PLACES",
    "MAX_TEXT_LENGTH",
    "check_bounds",
    "check_length",
]

MAX_DIGITS: Final = 40
"""The most digits a number may have before its decimal point: ``|x| < 10**40``."""

MAX_PLACES: Final = 40
"""The most digits a number may have after its point; a denominator is at most ``10**40``."""

MAX_NUMBER_TEXT: Final = 200
"""The longest text (without surrounding spaces) taken as a number or a ratio."""

MAX_ID_LENGTH: Final = 200
"""The longest id, in characters: an NIP has 18, a UUID 36."""

MAX_TEXT_LENGTH: Final = 10_000
"""The longest text other than an id, in characters: about four printed pages."""

_LIMIT: Final = 10**MAX_DIGITS
_DENOMINATOR: Final = 10**MAX_PLACES
_MAGNITUDE: Final = f"must be less than 10^{MAX_DIGITS} in magnitude"

Exact = TypeVar("Exact", Decimal, Fraction, int)


def check_bounds(value: Exact, field: str = "value") -> Exact:
    """
    Return *value* if it keeps the bounds of every number of the model, else raise.

    A `Decimal` has at most `MAX_DIGITS` digits before its point and `MAX_PLACES` after
    it; an `int` or a `Fraction` is below ``10**MAX_DIGITS`` in magnitude, a `Fraction`'s
    denominator at most ``10**MAX_PLACES``.  No arithmetic on the value: it reads a
    `Decimal`'s exponent and compares integers.

    >>> try:
    ...     check_bounds(Decimal("1e5000"), "target")
    ... except InvalidNumberError as error:
    ...     print(error.field, error.reason, sep=": ")
    target: is written with 5001 digits before the point; at most 40 are taken

    Raises:
        InvalidNumberError: naming *field*, for a number outside the bounds (or a
            `Decimal` that is not finite).
    """
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise InvalidNumberError(field, value, "must be a finite number")
        whole = value.adjusted() + 1  # cheap: no digit of the value is touched
        if whole > MAX_DIGITS:
            reason = f"is written with {whole} digits before the point"
            reason += f"; at most {MAX_DIGITS} are taken"
            raise InvalidNumberError(field, value, reason)
        exponent = value.as_tuple().exponent
        if isinstance(exponent, int) and -exponent > MAX_PLACES:
            reason = f"has {-exponent} decimal places; at most {MAX_PLACES} are taken"
            raise InvalidNumberError(field, value, reason)
    elif isinstance(value, Fraction):
        if value.denominator > _DENOMINATOR:
            reason = f"has a denominator greater than 10^{MAX_PLACES}"
            raise InvalidNumberError(field, value, reason)
        if abs(value.numerator) >= _LIMIT * value.denominator:
            raise InvalidNumberError(
                field, value, f"must be less than 10^{MAX_DIGITS} in magnitude"
            )
    elif not -_LIMIT < value < _LIMIT:
        raise InvalidNumberError(field, value, f"must be less than 10^{MAX_DIGITS} in magnitude")
    return value


def check_length(value: str, field: str, limit: int = MAX_TEXT_LENGTH) -> str:
    """
    Return *value* if it has at most *limit* characters, else raise.

    >>> try:
    ...     check_length("x" * 201, "targets[0].id", MAX_ID_LENGTH)
    ... except InvalidValueError as error:
    ...     print(error.field, error.reason, sep=": ")
    targets[0].id: has 201 characters; at most 200 are taken

    Raises:
        InvalidValueError: naming *field*, for a longer text.
    """
    if len(value) > limit:
        raise InvalidValueError(
            field, value, f"has {len(value)} characters; at most {limit} are taken"
        )
    return value
