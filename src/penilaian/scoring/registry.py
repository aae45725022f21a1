"""The registry of scoring strategies: an explicit object, never a global."""

from __future__ import annotations

import importlib.metadata
from collections.abc import Callable, Iterator
from typing import Final

import attrs

from penilaian.exceptions import DuplicateIdError, UnknownStrategyError
from penilaian.typing import ScoringStrategy

__all__ = ["ENTRY_POINT_GROUP", "StrategyRegistry"]

ENTRY_POINT_GROUP: Final = "penilaian.strategies"
"""The entry-point group under which other packages publish scoring strategies."""


@attrs.define
class StrategyRegistry:
    """
    The scoring strategies available, by id.  An explicit object; never a global.

    Use `default_registry()` for the built-in regimes and those published by other
    packages under the ``penilaian.strategies`` entry-point group.
    """

    _factories: dict[str, Callable[[], ScoringStrategy]] = attrs.field(factory=dict)

    def register(self, strategy_id: str, factory: Callable[[], ScoringStrategy]) -> None:
        """
        Make *factory* (a callable returning a configured strategy) available as *strategy_id*.

        Raises:
            DuplicateIdError: if the id is taken.
        """
        if strategy_id in self._factories:
            raise DuplicateIdError("strategy_id", strategy_id, "is already registered")
        self._factories[strategy_id] = factory

    def get(self, strategy_id: str) -> ScoringStrategy:
        """
        Return a new strategy *strategy_id* with its default configuration.

        Raises:
            UnknownStrategyError: listing the registered ids.
        """
        factory = self._factories.get(strategy_id)
        if factory is None:
            raise UnknownStrategyError(strategy_id, sorted(self._factories))
        return factory()

    def __contains__(self, strategy_id: object) -> bool:
        return strategy_id in self._factories

    def __iter__(self) -> Iterator[str]:
        return iter(sorted(self._factories))

    def __len__(self) -> int:
        return len(self._factories)

    def __repr__(self) -> str:
        return f"<StrategyRegistry({len(self._factories)} strategies: {', '.join(self)})>"

    def load_entry_points(self, group: str = ENTRY_POINT_GROUP) -> None:
        """Register every strategy factory published under *group* by installed packages."""
        for entry_point in importlib.metadata.entry_points(group=group):
            if entry_point.name not in self._factories:
                self.register(entry_point.name, entry_point.load())
