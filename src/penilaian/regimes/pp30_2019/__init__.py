"""PP 30/2019 with PermenPANRB 8/2021: SKP and behaviour."""

from __future__ import annotations

from penilaian.regimes.pp30_2019.strategy import (
    PERMEN8_2021_IKI_CONVERSION,
    PERMEN8_2021_MAXIMUM_TARGET,
    PP30_2019_PREDIKAT,
    IkiSegment,
    Pp30Regime,
)

__all__ = [
    "PERMEN8_2021_IKI_CONVERSION",
    "PERMEN8_2021_MAXIMUM_TARGET",
    "PP30_2019_PREDIKAT",
    "IkiSegment",
    "Pp30Regime",
]
