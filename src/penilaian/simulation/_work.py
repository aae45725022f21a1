"""
Work targets and their realisations, drawn from an employee's achievement level.

Every employee has two or three main work targets with one to three indicators
each, drawn from `INDICATOR_TEMPLATES`.  Each indicator's achievement is the
employee's level plus noise (`AchievementModel`); its realisation is the value that
gives that achievement by PermenPANRB 8/2021 Lampiran Bab VI.A, to 0.1 (whole
rupiah for costs), so every indicator is realised and numeric and scores.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Final, NamedTuple

from penilaian.model.targets import (
    Aspect,
    Direction,
    Indicator,
    PointTarget,
    Realisation,
    TargetKind,
    WorkTarget,
)

if TYPE_CHECKING:
    import random

    from penilaian.simulation._spec import AchievementModel

__all__ = ["INDICATOR_TEMPLATES", "IndicatorTemplate", "draw_level", "work_targets"]


class IndicatorTemplate(NamedTuple):
    """The shape of an indicator: what it counts, in which unit, which way, and target range."""

    description: str
    aspect: Aspect
    direction: Direction
    unit: str
    low: int
    high: int
    step: int


_HIGHER, _LOWER = Direction.HIGHER_IS_BETTER, Direction.LOWER_IS_BETTER

INDICATOR_TEMPLATES: Final = (
    IndicatorTemplate("Jumlah dokumen yang disusun", Aspect.QUANTITY, _HIGHER, "dokumen", 4, 40, 1),
    IndicatorTemplate(
        "Jumlah pegawai yang dilayani", Aspect.QUANTITY, _HIGHER, "orang", 20, 200, 5
    ),
    IndicatorTemplate("Jumlah kegiatan terlaksana", Aspect.QUALITY, _HIGHER, "kegiatan", 4, 24, 1),
    IndicatorTemplate("Waktu penyelesaian layanan", Aspect.TIME, _LOWER, "hari", 5, 30, 1),
    IndicatorTemplate("Biaya per kegiatan", Aspect.COST, _LOWER, "Rp", 100_000, 500_000, 10_000),
)
"""The indicators drawn from: counts (higher is better), days and cost (lower is better)."""

_TITLES: Final = (
    "Terselenggaranya layanan kepegawaian",
    "Tersusunnya dokumen perencanaan",
    "Terlaksananya pengembangan kompetensi",
    "Meningkatnya kualitas layanan publik",
)
_TENTH: Final = Decimal("0.1")
_HIGHEST: Final = 200.0


def draw_level(rng: random.Random, model: AchievementModel) -> float:
    """Return an employee's achievement level in percent: typical range or, sometimes, the tail."""
    if rng.random() < float(model.tail_share):
        return rng.uniform(float(model.tail_low), float(model.tail_high))
    return rng.uniform(float(model.typical_low), float(model.typical_high))


def work_targets(
    rng: random.Random, level: float, model: AchievementModel
) -> tuple[list[WorkTarget], list[float]]:
    """Return the main targets of an employee of *level*, and each indicator's achievement."""
    spread = float(model.indicator_spread)
    targets: list[WorkTarget] = []
    reached: list[float] = []
    for number in range(1, rng.randint(2, 3) + 1):
        indicators = []
        for sub in range(1, rng.randint(1, 3) + 1):
            template = rng.choice(INDICATOR_TEMPLATES)
            achieved = min(max(rng.gauss(level, spread), 0.0), _HIGHEST)
            indicators.append(_indicator(rng, f"iki-{number}.{sub}", template, achieved))
            reached.append(achieved)
        title = _TITLES[(number - 1) % len(_TITLES)]
        targets.append(WorkTarget(f"rhk-{number}", title, indicators, TargetKind.MAIN))
    return targets, reached


def _indicator(
    rng: random.Random, indicator_id: str, template: IndicatorTemplate, achieved: float
) -> Indicator:
    target = rng.randrange(template.low, template.high + 1, template.step)
    share = achieved / 100 if template.direction is _HIGHER else 2 - achieved / 100
    value = Decimal(target * share)
    value = value.quantize(Decimal(1) if template.unit == "Rp" else _TENTH)
    return Indicator(
        indicator_id,
        template.description,
        template.aspect,
        PointTarget(Decimal(target)),
        template.direction,
        template.unit,
        Realisation(value),
    )
