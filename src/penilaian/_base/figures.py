"""
A result's figures, held as exact integers and written as `Decimal` only when read.

An integer kernel (``penilaian.regimes.<regime>._kernel``) computes every figure as a
numerator over a denominator, or as a number already rounded to a declared number of
places; writing each as a `Decimal` costs more than computing it.  `Figures` keeps them
as integers and writes them all the first time any is read, by the same rules as
`penilaian._base.rounding.figure` and `penilaian._base.rounding.Rounding.apply`, so a
result scored by a kernel equals, figure by figure, one whose figures were given as
`Decimal`.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Mapping
from decimal import Decimal
from typing import Final, TypeAlias

from penilaian._base.numbers import terminating_places
from penilaian._base.rounding import FIGURE_ROUNDING

__all__ = ["Entry", "Figures", "figure_of"]

Entry: TypeAlias = "tuple[int, int] | Decimal"
"""
One figure before it is written.

``(numerator, denominator)`` with a denominator above 0: an exact ratio, written exactly
when its decimal ends and to 6 places (halves up) when it does not (as
`penilaian._base.rounding.figure` writes a `fractions.Fraction`).  ``(scaled, exponent)``
with an exponent of 0 or less: a number rounded at a declared point, ``scaled x
10**exponent``, written with exactly ``-exponent`` places (as `Rounding.apply` writes it).
A `Decimal` is taken as it is.
"""

_SIXTH: Final = 10**FIGURE_ROUNDING.places


def _rounded(scaled: int, exponent: int) -> Decimal:
    if exponent == 0:
        return Decimal(scaled)
    return Decimal(f"{scaled}E{exponent}")


def figure_of(entry: Entry) -> Decimal:
    """Write one *entry* (see `Entry`) as the `Decimal` a result shows."""
    if type(entry) is Decimal:
        return entry
    first, second = entry  # type: ignore[misc]
    if second <= 0:
        return _rounded(first, second)
    common = math.gcd(first, second)
    numerator, denominator = first // common, second // common
    places = terminating_places(denominator)
    if places is not None:
        return _rounded(numerator * (10**places // denominator), -places)
    # No finite decimal form: 6 places, halves up (FIGURE_ROUNDING), in integers.
    whole, remainder = divmod(abs(numerator) * _SIXTH, denominator)
    whole += 2 * remainder >= denominator
    return _rounded(-whole if numerator < 0 else whole, -FIGURE_ROUNDING.places)


class Figures(Mapping[str, Decimal]):
    """
    A read-only mapping of figure keys to `Decimal`, written from integer entries when first read.

    *entries* is the entries, or a function that gives them (called once, the first
    time the mapping is read), so a kernel may also leave its keys unwritten until then.
    Equal to any mapping with the same keys and values (a `dict`, a
    `types.MappingProxyType`), whichever way its figures were given.
    """

    __slots__ = ("_entries", "_written")

    def __init__(self, entries: dict[str, Entry] | Callable[[], dict[str, Entry]]) -> None:
        self._entries = entries
        self._written: dict[str, Decimal] | None = None

    def _read(self) -> dict[str, Entry]:
        entries = self._entries
        if callable(entries):
            entries = self._entries = entries()
        return entries

    def _all(self) -> dict[str, Decimal]:
        written = self._written
        if written is None:
            written = {key: figure_of(entry) for key, entry in self._read().items()}
            self._written = written
        return written

    def __getitem__(self, key: str) -> Decimal:
        return self._all()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._all())

    def __len__(self) -> int:
        return len(self._read())

    def __contains__(self, key: object) -> bool:
        return key in self._read()

    def __repr__(self) -> str:
        return f"mappingproxy({self._all()!r})"

    def __reduce__(self) -> tuple[type[dict[str, Decimal]], tuple[dict[str, Decimal]]]:
        # Pickled as the plain dict it reads as.
        return dict, (dict(self._all()),)
