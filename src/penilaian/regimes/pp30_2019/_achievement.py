"""
The trace step of one indicator's capaian under PP 30/2019, with the inputs as written.

Private to `penilaian.regimes.pp30_2019`: `Pp30Run.indicator` calls it when tracing.
"""

from __future__ import annotations

from fractions import Fraction
from typing import TYPE_CHECKING, Final, cast

from penilaian._base.trace import Step
from penilaian.model.targets import PointTarget, RangeTarget, Realisation
from penilaian.regimes.pp30_2019.tables import _INSIDE_RANGE_RULE
from penilaian.scoring.achievement import ACHIEVEMENT_RULES

if TYPE_CHECKING:
    from decimal import Decimal

    from penilaian.model.targets import Indicator

__all__ = ["achievement_step"]

_HUNDRED: Final = Fraction(100)


def achievement_step(indicator: Indicator, exact: Fraction) -> Step:
    """
    The step computing an indicator's exact capaian, with the inputs as written.

    `achievement` has computed *exact*, so the indicator is realised and its target
    numeric; the bound a range target is compared with is found again in decimals.
    """
    realised = cast("Realisation", indicator.realisation).value
    given = indicator.target
    inputs: dict[str, object] = {"realisation": realised}
    if isinstance(given, RangeTarget):
        if exact == _HUNDRED and given.low <= cast("Decimal", realised) <= given.high:
            inputs["target"] = given.text
            return Step.from_mapping(_INSIDE_RANGE_RULE, exact, inputs, subject=indicator.id)
        above = cast("Decimal", realised) > given.high
        inputs["target"] = given.high if above else given.low
        inputs["range"] = given.text
    else:
        inputs["target"] = cast("PointTarget", given).value
    rule = ACHIEVEMENT_RULES[indicator.direction]
    return Step.from_mapping(rule, exact, inputs, subject=indicator.id)
