"""
Behaviour ratings of a synthetic workforce, with the injected biases.

Model (floats only draw values; every rating is then a whole number on its scale):

- each employee has a behaviour level ``b = 0.5 z + sqrt(0.75) e``, where ``z`` is
  their achievement level standardised as ``(level - 100) / 10`` and ``e`` standard
  normal, so behaviour and achievement correlate at about 0.5;
- each aspect's true value is ``centre + slope b`` plus normal aspect noise;
- each rater gives true value + their bias shift + normal rating noise, rounded
  half up and kept on the scale; the self-rater adds `Shape.self_lift`; a halo of
  strength ``h`` replaces the share ``h`` of each value by one overall impression;
- the supervisor's overall ratings on the expectation scale (PermenPANRB 6/2022):
  work results above expectations when the perceived mean achievement (mean of
  the indicators' plus normal noise of sd 4, plus shift x 4) is at least 110 %,
  below under 90 %, else meets; behaviour likewise from ``b`` plus noise of sd 1/2
  (plus shift / 2): above from 1, below under -3/2.
"""

from __future__ import annotations

import math
from decimal import Decimal
from typing import TYPE_CHECKING, Final, NamedTuple

from penilaian.model.raters import (
    EXPECTATION_SCALE,
    OVERALL_BEHAVIOUR,
    OVERALL_WORK_RESULTS,
    ExpectationLevel,
    NumericScale,
    RaterRole,
    Rating,
)

if TYPE_CHECKING:
    import random

__all__ = [
    "PERMEN6_SHAPE",
    "PP30_SHAPE",
    "Effect",
    "RatingMaker",
    "Shape",
    "behaviour_level",
    "overall_levels",
]


class Shape(NamedTuple):
    """How numeric behaviour ratings are drawn for one regime: scale and model constants."""

    scale: NumericScale
    centre: float
    slope: float
    aspect_sd: float
    noise_sd: float
    self_lift: float


PERMEN6_SHAPE: Final = Shape(NumericScale("likert-1-5", 1, 5, 1), 3.5, 0.5, 0.35, 0.6, 0.3)
"""BerAKHLAK 360-degree ratings on 1-5: centre 3.5, 0.5 per sd of behaviour, noise sd 0.6."""

PP30_SHAPE: Final = Shape(NumericScale("nilai", 0, 120), 90.0, 8.0, 4.0, 5.0, 4.0)
"""PermenPANRB 8/2021 aspect values on 0-120: centre 90, 8 per sd of behaviour, noise sd 5."""

_A, _M, _B = ExpectationLevel.ABOVE, ExpectationLevel.MEETS, ExpectationLevel.BELOW


class Effect(NamedTuple):
    """The bias a rater carries: a shift in noise sds, and the share of a halo (0 for none)."""

    shift: float = 0.0
    halo: float = 0.0


NO_EFFECT: Final = Effect()


def behaviour_level(rng: random.Random, level: float) -> float:
    """Return a behaviour level correlated about 0.5 with the achievement *level*."""
    return 0.5 * (level - 100) / 10 + math.sqrt(0.75) * rng.gauss(0, 1)


def overall_levels(
    rng: random.Random, reached: list[float], behaviour: float, effect: Effect
) -> tuple[ExpectationLevel, ExpectationLevel]:
    """Return the supervisor's work-results and behaviour levels, as the module describes."""
    perceived = sum(reached) / len(reached) + rng.gauss(0, 4) + 4 * effect.shift
    work = _A if perceived >= 110 else _B if perceived < 90 else _M
    seen = behaviour + rng.gauss(0, 0.5) + 0.5 * effect.shift
    conduct = _A if seen >= 1 else _B if seen < -1.5 else _M
    return work, conduct


class RatingMaker:
    """
    Makes the ratings of one workforce, sharing equal `Rating` values between appraisals.

    Rater ids are local to an appraisal (``atasan``, ``rekan-1``...), so the same
    rater id, subject and value recur across appraisals and are built once.
    """

    __slots__ = ("_cache", "shape")

    def __init__(self, shape: Shape) -> None:
        self.shape = shape
        self._cache: dict[tuple[str, str, str, object], Rating] = {}

    def rating(self, rater_id: str, subject: str, score: int) -> Rating:
        """Return the numeric rating *score* by *rater_id* of *subject*."""
        key = (rater_id, subject, self.shape.scale.id, score)
        found = self._cache.get(key)
        if found is None:
            found = Rating(rater_id, subject, self.shape.scale.id, score=Decimal(score))
            self._cache[key] = found
        return found

    def level(self, rater_id: str, subject: str, level: ExpectationLevel) -> Rating:
        """Return the rating *level* on the expectation scale by *rater_id* of *subject*."""
        key = (rater_id, subject, EXPECTATION_SCALE.id, level)
        found = self._cache.get(key)
        if found is None:
            found = Rating(rater_id, subject, EXPECTATION_SCALE.id, level=level.value)
            self._cache[key] = found
        return found

    def overall(
        self, rater_id: str, work: ExpectationLevel, behaviour: ExpectationLevel
    ) -> list[Rating]:
        """Return the supervisor's two overall ratings."""
        return [
            self.level(rater_id, OVERALL_WORK_RESULTS, work),
            self.level(rater_id, OVERALL_BEHAVIOUR, behaviour),
        ]

    def aspects(
        self,
        rng: random.Random,
        behaviour: float,
        aspects: tuple[str, ...],
        raters: list[tuple[str, RaterRole, Effect]],
    ) -> list[Rating]:
        """
        Return every rater's numeric ratings of *aspects* (the public only the first).

        The number of draws does not depend on the effects, so injecting a bias
        changes no other value of the workforce.
        """
        shape = self.shape
        centre = shape.centre + shape.slope * behaviour
        true = [centre + rng.gauss(0, shape.aspect_sd) for _ in aspects]
        impression_centre = sum(true) / len(true)
        ratings: list[Rating] = []
        for rater_id, role, effect in raters:
            lift = effect.shift * shape.noise_sd
            if role is RaterRole.SELF:
                lift += shape.self_lift
            impression = impression_centre + lift + rng.gauss(0, shape.noise_sd)
            rated = true[:1] if role is RaterRole.PUBLIC else true
            for aspect, value in zip(aspects, rated, strict=False):
                given = value + lift + rng.gauss(0, shape.noise_sd)
                if effect.halo:
                    given = (1 - effect.halo) * given + effect.halo * impression
                ratings.append(self.rating(rater_id, aspect, self._on_scale(given)))
        return ratings

    def _on_scale(self, value: float) -> int:
        scale = self.shape.scale
        return min(max(math.floor(value + 0.5), int(scale.minimum)), int(scale.maximum))
