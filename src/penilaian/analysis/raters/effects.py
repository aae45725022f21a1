"""
Rater effects over many appraisals: leniency, central tendency, halo, self-other gaps, agreement.

`RaterAnalytics` holds the thresholds a caller may set and finds each effect as a
`penilaian.analysis.raters.findings` value; none changes a score.

Conventions:

- Only numeric ratings are read.  Each is taken as its share of its scale's range,
  ``(score - minimum) / (maximum - minimum)``, so raters on different scales compare.
- A rater is known across appraisals by their employee id (an anonymous public
  respondent only within one appraisal).  Self-ratings enter only the self-other gap.
- Everything that decides a finding is computed exactly with `Fraction` (a standard
  deviation is compared through its square).  Floats appear only in the reported
  statistics `effect` and `sd`, which decide nothing and never reach a grade.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from fractions import Fraction
from typing import TYPE_CHECKING

import attrs

from penilaian._base.checks import whole_number
from penilaian._base.numbers import Number, to_positive_fraction
from penilaian.analysis.raters.agreement import krippendorff_alpha
from penilaian.analysis.raters.findings import (
    AgreementFinding,
    AnalyticsReport,
    CentralTendencyFinding,
    FindingKind,
    HaloFinding,
    LeniencyFinding,
    SelfOtherFinding,
)
from penilaian.model.raters import NumericScale, RaterRole

if TYPE_CHECKING:
    from collections.abc import Iterable
    from decimal import Decimal

    from penilaian.model.appraisal import Appraisal

__all__ = ["RaterAnalytics"]


# One converter per field, so that an error names the field it is about.
def _leniency(value: Number) -> Fraction:
    return to_positive_fraction(value, "leniency_threshold")


def _central_tendency(value: Number) -> Fraction:
    return to_positive_fraction(value, "central_tendency_threshold")


def _self_other(value: Number) -> Fraction:
    return to_positive_fraction(value, "self_other_threshold")


def _agreement(value: Number) -> Fraction:
    return to_positive_fraction(value, "agreement_threshold")


def _at_least_2(_instance: object, attribute: attrs.Attribute[int], value: object) -> None:
    whole_number(value, attribute.name, 2)


@attrs.frozen(kw_only=True)
class RaterAnalytics:
    """
    Rater analytics with the thresholds a caller may set; findings never change a score.

    Attributes:
        leniency_threshold: |effect| in pooled standard deviations at which a rater is
            lenient or severe (default 1/2).
        min_ratings: The fewest ratings a rater needs for leniency and central tendency
            (default 10).
        central_tendency_threshold: The standard deviation, as a share of the scale's
            range, below which a rater's ratings spread too little (default 1/10).
        halo_aspects: How many behaviour aspects of one person given the same value
            make a halo finding (default 6).
        self_other_threshold: The |self - others| gap, as a share of the scale's range,
            that makes a blind spot or hidden strength (default 1/4: one point on 1-5).
        agreement_threshold: The alpha below which agreement is low (default 2/3,
            Krippendorff's lowest bound for tentative conclusions).
    """

    leniency_threshold: Fraction = attrs.field(default=Fraction(1, 2), converter=_leniency)
    min_ratings: int = attrs.field(default=10, validator=_at_least_2)
    central_tendency_threshold: Fraction = attrs.field(
        default=Fraction(1, 10), converter=_central_tendency
    )
    halo_aspects: int = attrs.field(default=6, validator=_at_least_2)
    self_other_threshold: Fraction = attrs.field(default=Fraction(1, 4), converter=_self_other)
    agreement_threshold: Fraction = attrs.field(default=Fraction(2, 3), converter=_agreement)

    def report(self, appraisals: Iterable[Appraisal]) -> AnalyticsReport:
        """Return every finding over *appraisals*."""
        held = tuple(appraisals)
        return AnalyticsReport(
            self.leniency(held),
            self.central_tendency(held),
            self.halo(held),
            self.self_other(held),
            self.agreement(held),
        )

    def leniency(self, appraisals: Iterable[Appraisal]) -> tuple[LeniencyFinding, ...]:
        """
        Return the lenient and severe raters, largest effect first.

        For every rating with other raters of the same person and subject, the
        difference from the mean of those others; a rater's mean difference divided by
        the pooled within-subject standard deviation is their effect.
        """
        grid, units = _grid(appraisals)
        # On the grid (integers, shares x grid): per unit of n ratings with total T,
        # sum (x - T/n)^2 = (n sum x^2 - T^2) / n, and x - (T - x)/(n - 1) = (n x - T)/(n - 1).
        squares: dict[int, int] = defaultdict(int)
        freedom = 0
        differences: dict[str, dict[int, int]] = defaultdict(lambda: defaultdict(int))
        counts: Counter[str] = Counter()
        for unit in units.values():
            size = len(unit)
            if size < 2:
                continue
            total = sum(value for _, value in unit)
            squares[size] += size * sum(value * value for _, value in unit) - total * total
            freedom += size - 1
            for rater, value in unit:
                differences[rater][size - 1] += size * value - total
                counts[rater] += 1
        variance = _sum_ratios(squares) / (freedom * grid * grid) if freedom else Fraction(0)
        if not variance:
            return ()
        findings = []
        for rater, by_divisor in differences.items():
            mean_difference = _sum_ratios(by_divisor) / (counts[rater] * grid)
            if counts[rater] >= self.min_ratings and (
                mean_difference**2 >= self.leniency_threshold**2 * variance
            ):
                kind = FindingKind.LENIENCY if mean_difference > 0 else FindingKind.SEVERITY
                sd = math.sqrt(variance)
                findings.append(
                    LeniencyFinding(
                        kind,
                        rater,
                        counts[rater],
                        mean_difference,
                        sd,
                        float(mean_difference) / sd,
                        self.leniency_threshold,
                    )
                )
        return tuple(sorted(findings, key=lambda finding: (-abs(finding.effect), finding.rater)))

    def central_tendency(
        self, appraisals: Iterable[Appraisal]
    ) -> tuple[CentralTendencyFinding, ...]:
        """Return the raters whose ratings' standard deviation is below the threshold."""
        grid, units = _grid(appraisals)
        by_rater: dict[str, list[int]] = defaultdict(list)
        for unit in units.values():
            for rater, value in unit:
                by_rater[rater].append(value)
        findings = []
        for rater, values in sorted(by_rater.items()):
            size = len(values)
            if size < self.min_ratings:
                continue
            total = sum(values)
            spread = size * sum(value * value for value in values) - total * total
            variance = Fraction(spread, size * (size - 1) * grid * grid)
            if variance < self.central_tendency_threshold**2:
                findings.append(
                    CentralTendencyFinding(
                        FindingKind.CENTRAL_TENDENCY,
                        rater,
                        size,
                        math.sqrt(variance),
                        self.central_tendency_threshold,
                    )
                )
        return tuple(findings)

    def halo(self, appraisals: Iterable[Appraisal]) -> tuple[HaloFinding, ...]:
        """Return each rater who gave one person one value on at least `halo_aspects` aspects."""
        findings = []
        for appraisal in appraisals:
            aspects = {aspect.id for aspect in appraisal.framework.aspects}
            keys = _rater_keys(appraisal)
            given: dict[str, list[tuple[str, str, Decimal]]] = defaultdict(list)
            for rating in appraisal.ratings:
                if rating.subject in aspects and rating.score is not None:
                    key = keys[rating.rater_id]
                    if key is not None:
                        given[key].append((rating.subject, rating.scale_id, rating.score))
            for rater, rated in given.items():
                counts = Counter((scale_id, score) for _, scale_id, score in rated)
                (scale_id, score), count = counts.most_common(1)[0]
                if count >= self.halo_aspects:
                    same = tuple(s for s, sc, value in rated if (sc, value) == (scale_id, score))
                    findings.append(
                        HaloFinding(
                            FindingKind.HALO,
                            rater,
                            appraisal.id,
                            appraisal.employee.id,
                            score,
                            same,
                            len(rated),
                            self.halo_aspects,
                        )
                    )
        return tuple(findings)

    def self_other(self, appraisals: Iterable[Appraisal]) -> tuple[SelfOtherFinding, ...]:
        """Return each subject where self minus the others' mean reaches the threshold."""
        findings = []
        for appraisal in appraisals:
            roles = appraisal.rater_roles
            scales = {scale.id: scale for scale in appraisal.scales}
            own = {
                (rating.subject, rating.scale_id): Fraction(rating.score)
                for rating in appraisal.ratings
                if roles[rating.rater_id] is RaterRole.SELF and rating.score is not None
            }
            for (subject, scale_id), mine in own.items():
                others = [
                    Fraction(rating.score)
                    for rating in appraisal.ratings
                    if rating.subject == subject
                    and rating.scale_id == scale_id
                    and rating.score is not None
                    and roles[rating.rater_id] is not RaterRole.SELF
                ]
                scale = scales[scale_id]
                if not others or not isinstance(scale, NumericScale):
                    continue
                mean = sum(others, Fraction(0)) / len(others)
                width = Fraction(scale.maximum) - Fraction(scale.minimum)
                if abs(mine - mean) >= self.self_other_threshold * width:
                    kind = FindingKind.BLIND_SPOT if mine > mean else FindingKind.HIDDEN_STRENGTH
                    findings.append(
                        SelfOtherFinding(
                            kind,
                            appraisal.employee.id,
                            appraisal.id,
                            subject,
                            mine,
                            mean,
                            len(others),
                            mine - mean,
                            self.self_other_threshold,
                        )
                    )
        return tuple(findings)

    def agreement(self, appraisals: Iterable[Appraisal]) -> tuple[AgreementFinding, ...]:
        """Return Krippendorff's alpha (interval) per subject, then for all subjects (`None`)."""
        _, units = _grid(appraisals)  # alpha does not depend on the unit of measurement
        by_subject: dict[str, list[list[int]]] = defaultdict(list)
        for (_, subject), unit in units.items():
            by_subject[subject].append([value for _, value in unit])
        every = [values for unit in by_subject.values() for values in unit]
        results: list[tuple[str | None, list[list[int]]]]
        results = [(subject, by_subject[subject]) for subject in sorted(by_subject)]
        results.append((None, every))
        return tuple(
            AgreementFinding(
                FindingKind.LOW_AGREEMENT,
                subject,
                krippendorff_alpha(values),
                sum(1 for unit in values if len(unit) >= 2),
                sum(len(unit) for unit in values if len(unit) >= 2),
                self.agreement_threshold,
            )
            for subject, values in results
        )


def _rater_keys(appraisal: Appraisal) -> dict[str, str | None]:
    """Map rater ids to cross-appraisal keys; self raters map to `None`."""
    return {
        rater.id: None
        if rater.role is RaterRole.SELF
        else (rater.employee_id or f"{appraisal.id}/{rater.id}")
        for rater in appraisal.raters
    }


def _sum_ratios(sums: dict[int, int]) -> Fraction:
    """Return the exact sum of numerator / divisor over a mapping from divisors to numerators."""
    return sum((Fraction(numerator, divisor) for divisor, numerator in sums.items()), Fraction(0))


def _grid(
    appraisals: Iterable[Appraisal],
) -> tuple[int, dict[tuple[str, str], list[tuple[str, int]]]]:
    """
    Return a common denominator and every non-self numeric rating on it, by unit.

    Each rating's share of its scale's range, times the common denominator, is a whole
    number, so the statistics can be summed in integers and stay exact.
    """
    shares: list[tuple[tuple[str, str], str, Fraction]] = []
    known: dict[tuple[NumericScale, Decimal], Fraction] = {}  # scores repeat: convert once
    for appraisal in appraisals:
        keys = _rater_keys(appraisal)
        scales = {scale.id: scale for scale in appraisal.scales}
        for rating in appraisal.ratings:
            scale, key = scales[rating.scale_id], keys[rating.rater_id]
            if key is None or rating.score is None or not isinstance(scale, NumericScale):
                continue
            share = known.get((scale, rating.score))
            if share is None:
                low, high = Fraction(scale.minimum), Fraction(scale.maximum)
                share = known[scale, rating.score] = (Fraction(rating.score) - low) / (high - low)
            shares.append(((appraisal.id, rating.subject), key, share))
    grid = math.lcm(*(share.denominator for _, _, share in shares))
    units: dict[tuple[str, str], list[tuple[str, int]]] = defaultdict(list)
    for unit, rater, share in shares:
        units[unit].append((rater, share.numerator * (grid // share.denominator)))
    return grid, units
