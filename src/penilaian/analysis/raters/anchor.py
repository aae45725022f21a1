"""
Supervisors compared with what their staff achieved: the achievement check.

Where a supervisor alone rates their staff, no other rater shares their ratees, and
`RaterEffects` can say nothing of them (`Evidence.NONE`).  What still overlaps is the
work itself: the indicators' measured achievement.  `AchievementCheck` compares each
supervisor's overall rating of work results with the achievement of the same people.

For every appraisal with a supervisor's rating of ``work_results`` and at least one
indicator with a measured achievement:

- *x* is the mean achievement of its indicators in percent (unrealised and qualitative
  indicators left out, never taken as 0);
- *y* is the rating's place on its scale as a share (an ordinal scale's levels evenly
  spaced: below 0, meets 1/2, above 1 on the expectation scale; a numeric rating its
  share of the range).

A straight line *y = a + b x* is fitted by least squares over all those appraisals;
a supervisor's effect is the mean residual of their appraisals (above 0: they rate
work higher than its achievement says, compared with the other supervisors), its
standard error the residual sd over the square root of their number of appraisals.
P-values are adjusted over the supervisors with at least `min_ratees` appraisals, as
in `RaterEffects`.  The line is the simplest honest comparison [LOW: a choice of this
package, not a rule of any regulation; agencies may read achievement differently].
These are statistics in floats: they flag a conversation and never reach a grade.
"""

from __future__ import annotations

import math
from fractions import Fraction
from typing import TYPE_CHECKING

import attrs

from penilaian.analysis.raters.adjust import Adjustment
from penilaian.analysis.raters.findings import FindingKind
from penilaian.analysis.raters.model import (
    Evidence,
    _adjustment,
    _evidence_ratees,
    _level,
    _positive,
    _tested_p_values,
)
from penilaian.model.raters import OVERALL_WORK_RESULTS, NumericScale, OrdinalScale, RaterRole
from penilaian.model.targets import QualitativeTarget
from penilaian.scoring.achievement import achievement

if TYPE_CHECKING:
    from collections.abc import Iterable
    from decimal import Decimal

    from penilaian.model.appraisal import Appraisal

__all__ = ["AchievementCheck", "AchievementEstimate"]


@attrs.frozen
class AchievementEstimate:
    """
    One supervisor's ratings of work against the achievement of the same people.

    Attributes:
        rater: The supervisor (employee id, or ``appraisal/rater`` without one).
        kind: `FindingKind.LENIENCY` or `FindingKind.SEVERITY` when the adjusted
            p-value is at most the level, else `None`.
        effect: The mean residual of their ratings, as a share of the scale (above 0:
            higher than the achievement says, against the other supervisors).
        standard_error: Its standard error (``inf`` for one appraisal).
        p_value: The two-sided p-value of effect 0 (normal approximation).
        adjusted_p: *p_value* adjusted over the tested supervisors; `None` for one
            with fewer appraisals than `AchievementCheck.min_ratees`.
        ratees: How many appraisals the comparison rests on.
        evidence: The strength of that evidence, from *ratees* (as `RaterEffects`).
    """

    rater: str
    kind: FindingKind | None
    effect: float
    standard_error: float
    p_value: float
    adjusted_p: float | None
    ratees: int
    evidence: Evidence


@attrs.frozen(kw_only=True)
class AchievementCheck:
    """
    The achievement check, with the settings a caller may change.

    Attributes:
        level: The false-discovery rate (or family-wise rate) of a finding (1/20).
        adjustment: How p-values are adjusted (default Benjamini-Hochberg).
        min_ratees: The fewest appraisals of a supervisor who is tested (default 3).
        evidence_ratees: The appraisals from which evidence is moderate and strong
            (default (3, 10)).
    """

    level: Fraction = attrs.field(default=Fraction(1, 20), converter=_level)
    adjustment: Adjustment = attrs.field(
        default=Adjustment.BENJAMINI_HOCHBERG, converter=_adjustment
    )
    min_ratees: int = attrs.field(default=3, validator=_positive)
    evidence_ratees: tuple[int, int] = attrs.field(default=(3, 10), converter=_evidence_ratees)

    def estimates(self, appraisals: Iterable[Appraisal]) -> tuple[AchievementEstimate, ...]:
        """Return every supervisor's estimate, by supervisor."""
        pairs = [pair for appraisal in appraisals if (pair := _pair(appraisal)) is not None]
        if len(pairs) < 3:  # a line and a residual need three points
            return ()
        residuals = _residuals([(x, y) for _, x, y in pairs])
        by_rater: dict[str, list[float]] = {}
        for (rater, _, _), residual in zip(pairs, residuals, strict=True):
            by_rater.setdefault(rater, []).append(residual)
        freedom = len(pairs) - 2
        sigma = math.sqrt(sum(r * r for r in residuals) / freedom)
        names = sorted(by_rater)
        effects = [sum(by_rater[name]) / len(by_rater[name]) for name in names]
        errors = [sigma / math.sqrt(len(by_rater[name])) for name in names]
        z = [_z(effect, error) for effect, error in zip(effects, errors, strict=True)]
        tested = [i for i, name in enumerate(names) if len(by_rater[name]) >= self.min_ratees]
        p, adjusted = _tested_p_values(z, tested, self.adjustment, float(self.level))
        moderate, strong = self.evidence_ratees
        estimates = []
        for index, name in enumerate(names):
            count = len(by_rater[name])
            kind = None
            tested_p = adjusted[index]
            if tested_p is not None and tested_p <= self.level:
                kind = FindingKind.LENIENCY if effects[index] > 0 else FindingKind.SEVERITY
            evidence = (
                Evidence.STRONG
                if count >= strong
                else Evidence.MODERATE
                if count >= moderate
                else Evidence.WEAK
            )
            error = errors[index] if count > 1 else math.inf
            estimates.append(
                AchievementEstimate(
                    name, kind, effects[index], error, p[index], adjusted[index], count, evidence
                )
            )
        return tuple(estimates)


def _z(effect: float, error: float) -> float:
    if error > 0:
        return effect / error
    return 0.0 if effect == 0 else math.copysign(math.inf, effect)


def _pair(appraisal: Appraisal) -> tuple[str, float, float] | None:
    """Return (supervisor, mean achievement, rating share) of *appraisal*, or None."""
    supervisors = {r.id: r for r in appraisal.raters if r.role is RaterRole.SUPERVISOR}
    scales = {scale.id: scale for scale in appraisal.scales}
    rating = next(
        (
            rating
            for rating in appraisal.ratings
            if rating.subject == OVERALL_WORK_RESULTS and rating.rater_id in supervisors
        ),
        None,
    )
    if rating is None:
        return None
    share = _share(rating.score, rating.level, scales[rating.scale_id])
    reached = [
        float(achievement(indicator))
        for target in appraisal.targets
        for indicator in target.indicators
        if not isinstance(indicator.target, QualitativeTarget)
        and indicator.realisation is not None
        and indicator.realisation.value is not None
    ]
    if share is None or not reached:
        return None
    rater = supervisors[rating.rater_id]
    name = rater.employee_id or f"{appraisal.id}/{rater.id}"
    return name, sum(reached) / len(reached), share


def _share(score: Decimal | None, level: str | None, scale: object) -> float | None:
    if isinstance(scale, OrdinalScale) and level in scale.levels:
        return scale.levels.index(level) / (len(scale.levels) - 1)
    if isinstance(scale, NumericScale) and score is not None:
        low, high = Fraction(scale.minimum), Fraction(scale.maximum)
        return float((Fraction(score) - low) / (high - low))
    return None


def _residuals(points: list[tuple[float, float]]) -> list[float]:
    """Return the residuals of the least-squares line through *points*."""
    count = len(points)
    mean_x = sum(x for x, _ in points) / count
    mean_y = sum(y for _, y in points) / count
    spread = sum((x - mean_x) ** 2 for x, _ in points)
    slope = sum((x - mean_x) * (y - mean_y) for x, y in points) / spread if spread else 0.0
    return [y - mean_y - slope * (x - mean_x) for x, y in points]
