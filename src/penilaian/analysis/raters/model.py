"""
Rater effects with error bars: one additive model over every rating.

`RaterEffects` fits ``rating = ratee + rater + subject + error`` by least squares over
all numeric, non-self ratings of many appraisals, so a rater's effect is measured
against the other raters of the *same* people and is not confused with the quality
of the people they happen to rate.  Each rater gets an `RaterEffectEstimate`: the
effect, its standard error, a two-sided p-value, a p-value adjusted over all raters
(Benjamini-Hochberg by default) and the evidence it rests on.  Nothing here changes
a score.

Conventions (as `penilaian.analysis.raters.RaterAnalytics`):

- a rating is taken as its share of its scale's range; a rater is known across
  appraisals by their employee id (a public respondent only within one appraisal);
- the ratee is the appraisal (one person in one period); the subject is what was
  rated (a behaviour aspect), on its scale;
- rater effects sum to zero: an effect is relative to the average rater.

The fit is alternating least squares (each factor in turn set to the mean of what
the others leave), which reaches the least-squares solution of a connected design.
It needs numpy (the ``batch`` extra).  These are statistics, computed in floats;
they flag raters for a calibration conversation and never reach a grade.
"""

from __future__ import annotations

import math
from fractions import Fraction
from typing import TYPE_CHECKING

import attrs

from penilaian._base.checks import whole_number
from penilaian._base.extras import require
from penilaian._base.labels import LabelledEnum
from penilaian._base.numbers import Number, to_positive_fraction
from penilaian.analysis.raters._ratings import extract_ratings
from penilaian.analysis.raters.adjust import Adjustment, adjust
from penilaian.analysis.raters.findings import FindingKind
from penilaian.exceptions import InvalidNumberError

if TYPE_CHECKING:
    from collections.abc import Iterable

    from penilaian.model.appraisal import Appraisal

__all__ = ["Evidence", "RaterEffectEstimate", "RaterEffects"]


class Evidence(LabelledEnum):
    """How much overlap a rater effect rests on: ratees whom someone else rated too."""

    NONE = ("none", "Tidak ada pembanding", "No overlap")
    WEAK = ("weak", "Lemah", "Weak")
    MODERATE = ("moderate", "Sedang", "Moderate")
    STRONG = ("strong", "Kuat", "Strong")


@attrs.frozen
class RaterEffectEstimate:
    """
    One rater's estimated effect, with its error bar and the evidence behind it.

    Attributes:
        rater: The rater (employee id, or ``appraisal/rater`` for a public respondent).
        kind: `FindingKind.LENIENCY` or `FindingKind.SEVERITY` when the adjusted
            p-value is at most the level, else `None`.
        effect: The rater's effect as a share of the scale's range (above 0: higher
            than the average rater of the same people).
        standard_error: Its standard error (``inf`` with no overlap).
        effect_sd: *effect* in residual standard deviations of one rating.
        p_value: The two-sided p-value of effect 0 (normal approximation).
        adjusted_p: *p_value* adjusted over all raters by the method of the analysis.
        ratings: How many ratings the rater gave.
        ratees: How many appraisals the rater rated.
        overlapping_ratees: Of those, how many someone else rated too.
        overlapping_ratings: The rater's ratings of those appraisals.
        evidence: The strength of the overlap, from *overlapping_ratees*.
    """

    rater: str
    kind: FindingKind | None
    effect: float
    standard_error: float
    effect_sd: float
    p_value: float
    adjusted_p: float
    ratings: int
    ratees: int
    overlapping_ratees: int
    overlapping_ratings: int
    evidence: Evidence


def _level(value: Number) -> Fraction:
    level = to_positive_fraction(value, "level")
    if level >= 1:
        raise InvalidNumberError("level", level, "must be below 1")
    return level


def _evidence_ratees(value: object) -> tuple[int, int]:
    if not isinstance(value, tuple) or len(value) != 2:
        raise InvalidNumberError("evidence_ratees", value, "must be (moderate, strong)")
    moderate = whole_number(value[0], "evidence_ratees", 1)
    strong = whole_number(value[1], "evidence_ratees", moderate)
    return moderate, strong


def _adjustment(value: Adjustment | str) -> Adjustment:
    return Adjustment.parse(value, "adjustment")


def _positive(_instance: object, attribute: attrs.Attribute[int], value: object) -> None:
    whole_number(value, attribute.name, 1)


@attrs.frozen(kw_only=True)
class RaterEffects:
    """
    The additive rater-effects model, with the settings a caller may change.

    Attributes:
        level: The false-discovery rate (or family-wise error rate, for Holm and
            Bonferroni) at which a rater is reported (default 1/20).
        adjustment: How p-values are adjusted over all raters
            (default `Adjustment.BENJAMINI_HOCHBERG`).
        evidence_ratees: The overlapping ratees from which evidence is moderate and
            strong (default (3, 10)); below the first it is weak, at 0 none.
        max_iterations: The most alternating-least-squares sweeps (default 1000).
    """

    level: Fraction = attrs.field(default=Fraction(1, 20), converter=_level)
    adjustment: Adjustment = attrs.field(
        default=Adjustment.BENJAMINI_HOCHBERG, converter=_adjustment
    )
    evidence_ratees: tuple[int, int] = attrs.field(default=(3, 10), converter=_evidence_ratees)
    max_iterations: int = attrs.field(default=1000, validator=_positive)

    def findings(self, appraisals: Iterable[Appraisal]) -> tuple[RaterEffectEstimate, ...]:
        """Return the raters reported lenient or severe, largest |effect| first."""
        found = [estimate for estimate in self.estimates(appraisals) if estimate.kind]
        return tuple(sorted(found, key=lambda e: (-abs(e.effect), e.rater)))

    def estimates(self, appraisals: Iterable[Appraisal]) -> tuple[RaterEffectEstimate, ...]:
        """Return every rater's estimate, by rater."""
        require("batch", "numpy")
        from penilaian.analysis.raters._fitting import fit  # noqa: PLC0415 - needs numpy

        data = extract_ratings(appraisals)
        if not data.names:
            return ()
        fitted = fit(data, self.max_iterations)
        adjusted = adjust([float(p) for p in fitted.p], self.adjustment)
        moderate, strong = self.evidence_ratees
        level = float(self.level)
        estimates = []
        for index, name in enumerate(data.names):
            effect, p, shared = (
                float(fitted.effect[index]),
                float(fitted.p[index]),
                fitted.shared[index],
            )
            kind = None
            if adjusted[index] <= level and math.isfinite(fitted.se[index]):
                kind = FindingKind.LENIENCY if effect > 0 else FindingKind.SEVERITY
            evidence = (
                Evidence.NONE
                if not shared
                else Evidence.STRONG
                if shared >= strong
                else Evidence.MODERATE
                if shared >= moderate
                else Evidence.WEAK
            )
            estimates.append(
                RaterEffectEstimate(
                    name,
                    kind,
                    effect,
                    float(fitted.se[index]),
                    effect / fitted.sigma if fitted.sigma else 0.0,
                    p,
                    adjusted[index],
                    int(fitted.ratings[index]),
                    int(fitted.ratees[index]),
                    int(shared),
                    int(fitted.shared_ratings[index]),
                    evidence,
                )
            )
        return tuple(sorted(estimates, key=lambda e: e.rater))
