"""
The built-in scoring regimes, one package per regulation, and the default registry.

Each regulation's package holds its rules (tables as data, formulas as plain
functions) and one strategy class: `pp46_2011` (PP 46/2011 + Perka BKN 1/2013),
`pp30_2019` (PP 30/2019 + PermenPANRB 8/2021), `permen6_2022` (PermenPANRB 6/2022,
with its rating rules, the annual roll-up and credit points); `generic` is the
configurable regime.
"""

from __future__ import annotations

from penilaian.regimes.generic import GenericRegime
from penilaian.regimes.permen6_2022.strategy import Permen6Regime
from penilaian.regimes.pp30_2019.strategy import Pp30Regime
from penilaian.regimes.pp46_2011.strategy import Pp46Regime
from penilaian.scoring.registry import StrategyRegistry

__all__ = ["default_registry"]


def default_registry(*, entry_points: bool = True) -> StrategyRegistry:
    """
    Return a new registry with the built-in regimes, and those other packages publish.

    The built-in ids are ``pp46_2011``, ``pp30_2019``, ``permen6_2022`` and ``generic``;
    each is built with its documented default configuration.

    Args:
        entry_points: Also register the strategies published under the
            ``penilaian.strategies`` entry-point group by installed packages.
    """
    registry = StrategyRegistry()
    registry.register("pp46_2011", Pp46Regime)
    registry.register("pp30_2019", Pp30Regime)
    registry.register("permen6_2022", Permen6Regime)
    registry.register("generic", GenericRegime.default)
    if entry_points:
        registry.load_entry_points()
    return registry
