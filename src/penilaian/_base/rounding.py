"""
Rounding at declared points, by a declared rule, computed exactly.

Scores are computed as exact fractions; a regime rounds only where its rule says
so, with a `Rounding`, and the trace records the step.  The arithmetic is done on
integers, so no `decimal` context precision ever rounds a second time.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Final

import attrs

from penilaian._base.checks import one_of
from penilaian._base.numbers import RoundingMode, exact_decimal, scaled_round
from penilaian._base.words import Words
from penilaian.exceptions import InvalidValueError

if TYPE_CHECKING:
    from penilaian._base.labels import Language

__all__ = ["FIGURE_ROUNDING", "Rounding", "RoundingMode", "figure"]


def _non_negative(_instance: object, attribute: attrs.Attribute[int], value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise InvalidValueError(attribute.name, value, "must be a whole number, 0 or more")


_WORDS: Final = Words(
    {
        "places": ("angka desimal", "decimal places"),
        "place": ("angka desimal", "decimal place"),
        "half_up": ("setengah ke atas", "halves up"),
        "half_even": ("setengah ke genap", "halves to even"),
        "down": ("dipotong", "truncated"),
    }
)
"""How a rounding rule is said: the unit of *places*, and each mode."""


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
        default="half_up", validator=one_of(("half_up", "half_even", "down"))
    )

    def apply(self, value: Fraction | Decimal | int) -> Decimal:
        """Return *value* rounded to `places` by `mode`, exactly."""
        scaled = scaled_round(value, self.places, self.mode)
        return Decimal((int(scaled < 0), tuple(map(int, str(abs(scaled)))), -self.places))

    def describe(self, lang: Language = "en") -> str:
        """
        Say the rule in words.

        >>> Rounding(2).describe(), Rounding(1, "down").describe()
        ('2 decimal places, halves up', '1 decimal place, truncated')
        >>> Rounding(1).describe("id")
        '1 angka desimal, setengah ke atas'
        """
        words = _WORDS.in_language(lang)
        places = words["place" if self.places == 1 else "places"]
        return f"{self.places} {places}, {words[self.mode]}"


FIGURE_ROUNDING: Final = Rounding(6)
"""How a figure with no finite decimal form (such as 200/3) is written in a `Result`."""


def figure(value: Fraction | Decimal | int) -> Decimal:
    """
    Write *value* as a `Result` figure: exact when its decimal ends, else to 6 places.

    The trace keeps the exact fraction either way.
    """
    exact = exact_decimal(Fraction(value))
    return exact if exact is not None else FIGURE_ROUNDING.apply(value)
