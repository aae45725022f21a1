"""
The organisation of a synthetic workforce: unit sizes, the tree's levels, the `OrgUnit` values.

Units are laid out level by level: the root alone, then levels growing
geometrically so that the tree has the spec's depth; each unit of a level hangs
under the units of the level above in turn, so parents have about as many children
each.  Every unit has at least one employee, its leader.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final, NamedTuple

from penilaian.model.organisation import OrgUnit

if TYPE_CHECKING:
    import random
    from collections.abc import Sequence

__all__ = ["PlannedUnit", "build_tree", "level_counts", "plan_units", "unit_sizes"]

_LEVEL_NAMES: Final = ("Badan", "Bidang", "Subbidang", "Seksi", "Subseksi")


class PlannedUnit(NamedTuple):
    """One unit before its `OrgUnit` is built: where it sits and how many work there."""

    number: int
    id: str
    name: str
    level: int
    parent: int | None
    size: int


def unit_sizes(rng: random.Random, employees: int, low: int, high: int) -> list[int]:
    """Return unit sizes uniform on low-high summing to *employees*; the last takes the rest."""
    sizes: list[int] = []
    left = employees
    while left > 0:
        size = min(rng.randint(low, high), left)
        sizes.append(size)
        left -= size
    return sizes


def level_counts(units: int, depth: int) -> list[int]:
    """
    Return how many units each level holds: 1 at the root, growing geometrically.

    The tree has ``min(depth, units)`` levels, each of at least one unit.
    """
    levels = min(depth, units)
    if levels == 1:
        return [1]
    # The ratio r with 1 + r + ... + r^(levels - 1) closest to `units`, by bisection.
    low, high = 1.0, float(units)
    for _ in range(60):
        ratio = (low + high) / 2
        if sum(ratio**level for level in range(levels)) < units:
            low = ratio
        else:
            high = ratio
    counts = [1]
    left = units - 1
    for level in range(1, levels):
        later = levels - 1 - level  # each later level needs at least one unit
        counts.append(left - later if later == 0 else max(1, min(round(low**level), left - later)))
        left -= counts[-1]
    return counts


def plan_units(sizes: Sequence[int], depth: int) -> list[PlannedUnit]:
    """Lay *sizes* out as a tree of at most *depth* levels, parents taking children in turn."""
    planned: list[PlannedUnit] = []
    above: list[int] = []
    for level, count in enumerate(level_counts(len(sizes), depth)):
        here = []
        for number in range(count):
            index = len(planned)
            parent = above[number % len(above)] if above else None
            title = _LEVEL_NAMES[min(level, len(_LEVEL_NAMES) - 1)]
            name = f"{title} {number + 1}" if level else "Badan Kepegawaian"
            planned.append(PlannedUnit(index, f"u{index:05d}", name, level, parent, sizes[index]))
            here.append(index)
        above = here
    return planned


def build_tree(planned: Sequence[PlannedUnit], leaders: Sequence[str]) -> OrgUnit:
    """Build the `OrgUnit` tree of *planned*, unit *i* led by ``leaders[i]``."""
    children: list[list[int]] = [[] for _ in planned]
    for unit in planned:
        if unit.parent is not None:
            children[unit.parent].append(unit.number)
    built: dict[int, OrgUnit] = {}
    # Children come after their parents, so build from the last unit back.
    for unit in reversed(planned):
        kids = [built.pop(kid) for kid in children[unit.number]]
        built[unit.number] = OrgUnit(unit.id, unit.name, leaders[unit.number], kids)
    return built[0]
