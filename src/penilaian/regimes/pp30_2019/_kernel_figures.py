"""
The figures and ratings of one PP 30/2019 kernel scoring, keyed only when first read.

Private to `penilaian.regimes.pp30_2019`: the integer kernel (`_kernel`) keeps, per
work target, its id and per indicator its id, capaian, value or points and category
(`Kept`), and the few figures after the work targets in order (``tail``).  The
keys (``indicator[<id>].achievement`` ...) and the dictionaries are written the
first time the figures (a `penilaian._base.figures.Figures` reading
`Kept.figure_entries`) or the ratings (`KeptRatings`) are read, in the order the
traced run (`_run.Pp30Run`) writes them, so the result equals, prints, serialises
and pickles as the run's; a differential test (``tests/regimes/test_pp30_kernel.py``)
holds the two equal key by key and in order.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, TypeAlias, cast

if TYPE_CHECKING:
    from penilaian._base.figures import Entry

__all__ = ["Indicator", "Kept", "KeptRatings", "Target"]

Indicator: TypeAlias = "tuple[str, int, Entry, str]"
"""
An indicator kept: id, its capaian as shown (in ``10**exponent``, the exponent its
target keeps), its value or points (by the route), its category id.
"""

Target: TypeAlias = "tuple[str, list[Indicator], bool, int, Entry, str | None]"
"""
A work target kept: id, its indicators, whether it took the category route (its
indicators then hold points, else values), the exponent of their capaian, its value,
and its category id (category route).
"""


class Kept:
    """
    What a kernel scoring keeps of its figures and ratings, written as mappings when read.

    Attributes:
        targets: Each work target as `Target`, in order.
        tail: The figures after the work targets, by key, in order (``main`` ... ``final``).
        tail_ratings: The ratings after the work targets (``weighting``, ``band``).
    """

    __slots__ = ("_figures", "_ratings", "tail", "tail_ratings", "targets")

    def __init__(self) -> None:
        self.targets: list[Target] = []
        self.tail: dict[str, Entry] = {}
        self.tail_ratings: dict[str, str] = {}
        self._figures: dict[str, Entry] | None = None
        self._ratings: dict[str, str] | None = None

    def _write(self) -> None:
        # Written as the run writes them: a key given twice keeps its first place.
        figures: dict[str, Entry] = {}
        ratings: dict[str, str] = {}
        for name, indicators, category_route, exponent, value, category in self.targets:
            kind = ".points" if category_route else ".value"
            for indicator_id, shown, figure, indicator_category in indicators:
                prefix = f"indicator[{indicator_id}]"
                figures[f"{prefix}.achievement"] = shown, exponent
                figures[prefix + kind] = figure
                ratings[f"{prefix}.category"] = indicator_category
            if category_route:
                points = [cast("Decimal", row[2]) for row in indicators]
                figures[f"target[{name}].iki_points"] = sum(points, Decimal(0))
            figures[f"target[{name}].value"] = value
            if category is not None:
                ratings[f"target[{name}].category"] = category
        figures.update(self.tail)
        ratings.update(self.tail_ratings)
        self._ratings = ratings
        self._figures = figures  # last: a reader that finds it finds the ratings too

    def figure_entries(self) -> dict[str, Entry]:
        """The figures by key, as the run writes them (each an `Entry`): what `Figures` reads."""
        found = self._figures
        if found is None:
            self._write()
            found = self._figures
            assert found is not None  # noqa: S101 - written just above
        return found

    def ratings(self) -> dict[str, str]:
        """The ratings by key, as the run writes them."""
        if self._figures is None:
            self._write()
        found = self._ratings
        assert found is not None  # noqa: S101 - written with the figures
        return found


class KeptRatings(Mapping[str, str]):
    """
    A read-only mapping of the ratings a `Kept` holds, written when first read.

    Equal to any mapping with the same keys and texts; prints as the
    `types.MappingProxyType` a result built by `Result.__init__` holds, and pickles as a
    plain `dict`.
    """

    __slots__ = ("_kept",)

    def __init__(self, kept: Kept) -> None:
        self._kept = kept

    def __getitem__(self, key: str) -> str:
        return self._kept.ratings()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._kept.ratings())

    def __len__(self) -> int:
        return len(self._kept.ratings())

    def __contains__(self, key: object) -> bool:
        return key in self._kept.ratings()

    def __repr__(self) -> str:
        return f"mappingproxy({self._kept.ratings()!r})"

    def __reduce__(self) -> tuple[type[dict[str, str]], tuple[dict[str, str]]]:
        return dict, (dict(self._kept.ratings()),)
