"""
Rater effects with error bars: one additive model over every rating.

`RaterEffects` fits ``rating = item + rater + error`` over all numeric, non-self
ratings of many appraisals, where an item is one aspect of one appraisal (what one
person was rated on, in one period).  A rater's effect is measured against the other
raters of the *same* people on the *same* aspects, so it is not confused with the
quality of the people they happen to rate, nor with how a person differs from aspect
to aspect.  Each rater gets an `RaterEffectEstimate`: the
effect, its standard error, a two-sided p-value, a p-value adjusted over all raters
(Benjamini-Hochberg by default) and the evidence it rests on.  Nothing here changes
a score.

Conventions (as `penilaian.analysis.raters.RaterAnalytics`):

- a rating is taken as its share of its scale's range; a rater is known across
  appraisals by their employee id (a public respondent only within one appraisal);
- an effect is relative to the other raters of the same people (the weighted median
  of their effects), so a group of raters who rate only each other cancels out;
- the ratings one rater gave one person share that rater's impression of them: their
  intraclass correlation widens the error bars (a design effect);
- only raters with at least `RaterEffects.min_ratings` ratings and some overlap are
  tested: the adjustment for multiple comparisons runs over them alone.  Filtering on
  the number of ratings, which says nothing of the direction of an effect, keeps the
  false-discovery rate (Bourgon, Gentleman and Huber 2010) while not spending it on
  raters who could never be found (a public respondent with one rating).

The fit takes two steps.  Each item's effect within its appraisal comes first, from
the deviations of a rater's ratings of one person from their own mean (where person
and rater cancel); then the person and rater effects are solved by least squares on
each rater's mean of the adjusted ratings of one person, by conjugate gradients with
the people's effects eliminated.  The two steps give the least-squares fit whenever
each rater of a person rates all of that person's aspects, or just one of them.
It needs numpy (the ``batch`` extra).  These are statistics, computed in floats;
they flag raters for a calibration conversation and never reach a grade.
"""

from __future__ import annotations

import math
import statistics
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
            than the other raters of the same people).
        standard_error: Its standard error (``inf`` with no overlap).
        effect_sd: *effect* in residual standard deviations of one rating.
        p_value: The two-sided p-value of effect 0 (normal approximation).
        adjusted_p: *p_value* adjusted over the tested raters by the method of the
            analysis; `None` for a rater not tested (fewer ratings than
            `RaterEffects.min_ratings`, or no overlap).
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
    adjusted_p: float | None
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
        min_ratings: The fewest ratings of a rater who is tested (default 10).
        max_iterations: The most conjugate-gradient steps (default 1000).
    """

    level: Fraction = attrs.field(default=Fraction(1, 20), converter=_level)
    adjustment: Adjustment = attrs.field(
        default=Adjustment.BENJAMINI_HOCHBERG, converter=_adjustment
    )
    evidence_ratees: tuple[int, int] = attrs.field(default=(3, 10), converter=_evidence_ratees)
    min_ratings: int = attrs.field(default=10, validator=_positive)
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
        z = [float(value) for value in fitted.z]
        tested = [
            index
            for index, se in enumerate(fitted.se)
            if math.isfinite(se) and fitted.ratings[index] >= self.min_ratings
        ]
        p, adjusted = _tested_p_values(z, tested, self.adjustment, float(self.level))
        moderate, strong = self.evidence_ratees
        estimates = []
        for index, name in enumerate(data.names):
            effect, shared = float(fitted.effect[index]), fitted.shared[index]
            kind = None
            tested_p = adjusted[index]
            if tested_p is not None and tested_p <= self.level:
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
                    p[index],
                    adjusted[index],
                    int(fitted.ratings[index]),
                    int(fitted.ratees[index]),
                    int(shared),
                    int(fitted.shared_ratings[index]),
                    evidence,
                )
            )
        return tuple(sorted(estimates, key=lambda e: e.rater))


def _tested_p_values(
    z: list[float], tested: list[int], adjustment: Adjustment, level: float
) -> tuple[list[float], list[float | None]]:
    """
    Return every rater's two-sided p-value, and the adjusted p-value of each tested rater.

    The null distribution of the z-scores is estimated from the data (Efron's empirical
    null).  The standard errors hold the co-raters' effects fixed, and an effect is
    measured against the co-raters' median, which the biased co-raters move a little;
    so the z-scores of unbiased raters may be wider than 1 and off 0.  Their robust
    spread (1.4826 x the median absolute deviation) divides every z when above 1, and
    with at least `EMPIRICAL_CENTRE_RATERS` tested raters their median is taken as 0.
    Biased raters would move both, so both are taken over the tested raters not
    reported, and found again until the reported set stops changing (a few rounds).
    """
    reported: set[int] = set()
    p: list[float] = []
    adjusted: list[float | None] = []
    for _ in range(_NULL_ROUNDS):
        null = sorted(z[index] for index in tested if index not in reported)
        finite = [value for value in null if math.isfinite(value)]
        centre = statistics.median(finite) if len(finite) >= EMPIRICAL_CENTRE_RATERS else 0.0
        spread = max(_spread(finite, centre), 1.0)
        p = [math.erfc(abs(value - centre) / spread / math.sqrt(2)) for value in z]
        adjusted = [None] * len(z)
        for index, value in zip(tested, adjust([p[i] for i in tested], adjustment), strict=True):
            adjusted[index] = value
        found = {index for index in tested if (adjusted[index] or 1.0) <= level}
        if found == reported:
            break
        reported = found
    return p, adjusted


EMPIRICAL_CENTRE_RATERS = 100
"""The fewest tested raters whose median z-score is taken as the null's centre."""

_NULL_ROUNDS = 10


def _spread(finite: list[float], centre: float) -> float:
    """Return 1.4826 x the median absolute deviation of *finite* from *centre*, 1 for none."""
    if not finite:
        return 1.0
    return 1.4826 * statistics.median(abs(value - centre) for value in finite)
