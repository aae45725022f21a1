"""The sample appraisals shipped with the package, one in the shape each regime reads."""

from __future__ import annotations

from importlib import resources
from typing import Final

from penilaian.analysis.curve.unit import UnitAppraisals
from penilaian.exceptions import UnknownStrategyError
from penilaian.model.appraisal import Appraisal

__all__ = ["SAMPLES", "load_sample", "load_sample_unit"]

SAMPLES: Final = {
    "permen6_2022": "sample_appraisal.json",
    "generic": "sample_appraisal.json",
    "pp30_2019": "sample_pp30_2019.json",
    "pp46_2011": "sample_pp46_2011.json",
}
"""The sample shipped for each built-in regime: an appraisal in the shape that regime reads."""


def load_sample(regime_id: str = "permen6_2022") -> Appraisal:
    """
    Load the sample appraisal shipped for *regime_id*, through the strict JSON loader.

    ``permen6_2022`` and ``generic`` share a 2024 BerAKHLAK appraisal with 360-degree
    ratings; ``pp30_2019`` has a July-December 2021 one and ``pp46_2011`` a 2019 one.

    Raises:
        UnknownStrategyError: for a regime without a sample.
    """
    if regime_id not in SAMPLES:
        raise UnknownStrategyError(regime_id, sorted(SAMPLES))
    # Imported here: importing penilaian must not import cattrs (the boundary layer).
    from penilaian.serialization import loads  # noqa: PLC0415

    return loads(_read(SAMPLES[regime_id]), Appraisal)


def _read(name: str) -> str:
    return resources.files("penilaian").joinpath(f"data/{name}").read_text("utf-8")


def load_sample_unit() -> UnitAppraisals:
    """
    Load the sample unit shipped with the package, through the strict JSON loader.

    Ten employees of a regional civil-service agency's competence-development
    division, graded Baik as a unit in 2024; Rina's appraisal is ``load_sample()``.
    """
    from penilaian.serialization import loads  # noqa: PLC0415 - see load_sample

    return loads(_read("sample_unit.json"), UnitAppraisals)
