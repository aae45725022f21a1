"""
Rounding at declared points, by a declared rule, computed exactly.

Scores are computed as exact fractions; a regime rounds only where its rule says
so, with a `Rounding`, and the trace records the step.  The arithmetic is done on
integers, so no `decimal` context precision ever rounds a second time.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import Final, Literal

import attrs

from penilaian._base.numbers import exact_decimal
from penilaian.exceptions import InvalidValueError

__all__ = ["FIGURE_ROUNDING", "Rounding", "RoundingMode", "figure"]

RoundingMode = Literal["half_up", "half_even", "down"]
"""How a `Rounding` treats halves: away from zero, to even, or not at all (truncate)."""


def _non_negative(_instance: object, attribute: attrs.Attribute[int], value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise InvalidValueError(attribute.name, value, "must be a whole number, 0 or more")


_MODE_WORDS = {
    "en": {"half_up": "halves up", "half_even": "halves to even", "down": "truncated"},
    "id": {"half_up": "setengah ke atas", "half_even": "setengah ke genap", "down": "dipotong"},
}


@attrs.frozen
class Rounding:
    """
    A rounding rule: how many decimal places, and how halves go.

    Attributes:
        places: Decimal places kept (0 rounds to whole numbers).
        mode: ``"half_up"`` (halves away from zero, as taught for e-SKP
            spreadsheets; the default), ``"half_even"`` (banker's rounding) or
            ``"down"`` (truncate toward zero).
    """

    places: int = attrs.field(default=2, validator=_non_negative)
    mode: RoundingMode = attrs.field(
        default="half_up", validator=attrs.validators.in_(("half_up", "half_even", "down"))
    )

    def apply(self, value: Fraction | Decimal | int) -> Decimal:
        """Return *value* rounded to `places` by `mode`, exactly."""
        numerator, denominator = value.as_integer_ratio()
        whole, remainder = divmod(abs(numerator) * 10**self.places, denominator)
        twice = 2 * remainder
        if self.mode == "half_up":
            whole += twice >= denominator
        elif self.mode == "half_even":
            whole += twice > denominator or (twice == denominator and whole % 2 == 1)
        sign = 1 if numerator < 0 and whole else 0
        return Decimal((sign, tuple(map(int, str(whole))), -self.places))

    def describe(self, lang: Literal["id", "en"] = "en") -> str:
        """Say the rule in words."""
        words = {
            "en": {"half_up": "halves up", "half_even": "halves to even", "down": "truncated"},
            "id": {
                "half_up": "setengah ke atas",
                "half_even": "setengah ke genap",
                "down": "dipotong",
            },
        }[lang]
        unit = "decimal places" if lang == "en" else "angka desimal"
        return f"{self.places} {unit}, {words[self.mode]}"


FIGURE_ROUNDING: Final = Rounding(6)
"""How a figure with no finite decimal form (such as 200/3) is written in a `Result`."""


def figure(value: Fraction | Decimal | int) -> Decimal:
    """
    Write *value* as a `Result` figure: exact when its decimal ends, else to 6 places.

    The trace keeps the exact fraction either way.
    """
    exact = exact_decimal(Fraction(value))
    return exact if exact is not None else FIGURE_ROUNDING.apply(value)
