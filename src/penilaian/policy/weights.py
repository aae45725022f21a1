"""
Exact weights: non-negative fractions by name that sum to exactly 1.

`Weights` is the one type behind every weighting in the library: work results
against behaviour (PP 30/2019 Pasal 41: 70/30 or 60/40), rater roles, indicators.
A weight such as 1/7 stays exactly 1/7.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from collections.abc import Set as AbstractSet
from fractions import Fraction
from typing import Final

import attrs

from penilaian._base.checks import is_text
from penilaian._base.numbers import to_fraction
from penilaian.exceptions import InvalidNumberError, InvalidValueError

__all__ = [
    "PP30_2019_WITHOUT_PEER_INPUT",
    "PP30_2019_WITH_PEER_INPUT",
    "PP46_2011_COMPONENTS",
    "Weights",
]


def _fractions(raw: Mapping[str, object]) -> dict[str, Fraction]:
    if not isinstance(raw, Mapping):
        raise InvalidValueError("shares", raw, "must map names to weights")
    return {name: to_fraction(value, f"shares[{name!r}]") for name, value in raw.items()}


@attrs.frozen
class Weights:
    """
    Named, exact, non-negative weights that sum to exactly 1.

    Build from exact shares (``Weights({"work": "7/10", "behaviour": "3/10"})``), or
    from any non-negative amounts on purpose with `Weights.normalised`.

    Attributes:
        shares: Each name's weight, as a `Fraction`.
    """

    shares: dict[str, Fraction] = attrs.field(converter=_fractions, hash=False)

    @shares.validator
    def _check(
        self, attribute: attrs.Attribute[dict[str, Fraction]], value: dict[str, Fraction]
    ) -> None:
        if not value:
            raise InvalidValueError(attribute.name, value, "needs at least one weight")
        for name, share in value.items():
            if not is_text(name):
                raise InvalidValueError(attribute.name, name, "names must be non-empty text")
            if share < 0:
                raise InvalidNumberError(f"shares[{name!r}]", share, "must not be negative")
        total = sum(value.values(), Fraction(0))
        if total != 1:
            reason = f"must sum to exactly 1, not {total}; use Weights.normalised() to scale"
            raise InvalidNumberError(attribute.name, total, reason)

    @classmethod
    def normalised(cls, raw: Mapping[str, object]) -> Weights:
        """
        Scale non-negative amounts to weights that sum to 1, keeping their ratios.

        Raises:
            InvalidNumberError: for a negative amount, or if all amounts are 0.
        """
        amounts = _fractions(raw)
        for name, amount in amounts.items():
            if amount < 0:
                raise InvalidNumberError(f"shares[{name!r}]", amount, "must not be negative")
        total = sum(amounts.values(), Fraction(0))
        if total == 0:
            raise InvalidNumberError("shares", total, "cannot normalise weights that are all 0")
        return cls({name: amount / total for name, amount in amounts.items()})

    def __getitem__(self, name: str) -> Fraction:
        return self.shares[name]

    def __contains__(self, name: object) -> bool:
        return name in self.shares

    def __iter__(self) -> Iterator[str]:
        return iter(self.shares)

    def __len__(self) -> int:
        return len(self.shares)

    def restricted(self, names: set[str] | frozenset[str]) -> Weights:
        """
        Return the weights of *names* only, renormalised so they sum to 1 again.

        Their ratios are kept.  Used to renormalise over the parts that are present.

        Raises:
            InvalidValueError: if *names* is not a set of names.
            InvalidNumberError: if the weights of *names* are all 0.
        """
        if not isinstance(names, AbstractSet):
            raise InvalidValueError("names", names, "must be a set of names")
        return Weights.normalised(
            {name: self.shares[name] for name in self.shares if name in names}
        )


PP46_2011_COMPONENTS: Final = Weights({"work": Fraction(3, 5), "behaviour": Fraction(2, 5)})
"""PP 46/2011: nilai prestasi kerja = 60 % SKP + 40 % perilaku kerja."""

PP30_2019_WITHOUT_PEER_INPUT: Final = Weights(
    {"work": Fraction(7, 10), "behaviour": Fraction(3, 10)}
)
"""PP 30/2019 Pasal 41(3): 70 % SKP + 30 % perilaku, without peer and subordinate input."""

PP30_2019_WITH_PEER_INPUT: Final = Weights({"work": Fraction(3, 5), "behaviour": Fraction(2, 5)})
"""PP 30/2019 Pasal 41(4): 60 % SKP + 40 % perilaku, with peer and subordinate input."""
