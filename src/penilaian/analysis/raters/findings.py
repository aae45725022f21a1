"""
What rater analytics find: each finding a frozen value with its evidence and threshold.

Findings are evidence for a calibration conversation; none of them changes a score, and
nothing in the scoring path reads them.  `penilaian.analysis.raters.RaterAnalytics`
finds them; `AnalyticsReport` holds every finding of one run.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import attrs

from penilaian._base.labels import LabelledEnum

__all__ = [
    "AgreementFinding",
    "AnalyticsReport",
    "CentralTendencyFinding",
    "FindingKind",
    "HaloFinding",
    "LeniencyFinding",
    "SelfOtherFinding",
]


class FindingKind(LabelledEnum):
    """What a rater-analytics finding says."""

    LENIENCY = ("leniency", "Terlalu murah hati", "Leniency")
    SEVERITY = ("severity", "Terlalu keras", "Severity")
    CENTRAL_TENDENCY = ("central_tendency", "Kecenderungan tengah", "Central tendency")
    HALO = ("halo", "Efek halo", "Halo")
    BLIND_SPOT = ("blind_spot", "Titik buta", "Blind spot")
    HIDDEN_STRENGTH = ("hidden_strength", "Kekuatan tersembunyi", "Hidden strength")
    LOW_AGREEMENT = ("low_agreement", "Kesepakatan penilai rendah", "Low inter-rater agreement")


@attrs.frozen
class LeniencyFinding:
    """
    A rater whose ratings sit above (leniency) or below (severity) other raters' of the same people.

    Attributes:
        kind: `FindingKind.LENIENCY` or `FindingKind.SEVERITY`.
        rater: The rater (employee id).
        ratings: How many of their ratings had other raters beside them.
        mean_difference: The mean of (their rating - the mean of the others' ratings of
            the same person and subject), as a share of the scale's range.
        pooled_sd: The pooled within-subject standard deviation, as a share of the range.
        effect: *mean_difference* / *pooled_sd*.
        threshold: The effect at which a finding is made (in pooled standard deviations).
    """

    kind: FindingKind
    rater: str
    ratings: int
    mean_difference: Fraction
    pooled_sd: float
    effect: float
    threshold: Fraction


@attrs.frozen
class CentralTendencyFinding:
    """
    A rater whose ratings spread too little.

    Attributes:
        kind: `FindingKind.CENTRAL_TENDENCY`.
        rater: The rater (employee id).
        ratings: How many ratings they gave.
        sd: The sample standard deviation of their ratings, as a share of the range.
        threshold: The standard deviation below which a finding is made.
    """

    kind: FindingKind
    rater: str
    ratings: int
    sd: float
    threshold: Fraction


@attrs.frozen
class HaloFinding:
    """
    A rater who gave one person the same value on many unrelated behaviour aspects.

    Attributes:
        kind: `FindingKind.HALO`.
        rater: The rater (employee id).
        appraisal_id: The appraisal.
        employee_id: The person rated.
        score: The value repeated.
        aspects: The aspects that received it.
        rated: How many aspects the rater rated in all.
        threshold: The number of equal aspects at which a finding is made.
    """

    kind: FindingKind
    rater: str
    appraisal_id: str
    employee_id: str
    score: Decimal
    aspects: tuple[str, ...]
    rated: int
    threshold: int


@attrs.frozen
class SelfOtherFinding:
    """
    An employee who rates themself far from how others rate them on one subject.

    Attributes:
        kind: `FindingKind.BLIND_SPOT` (self above others) or `HIDDEN_STRENGTH` (below).
        employee_id: The person.
        appraisal_id: The appraisal.
        subject: What was rated.
        self_value: Their own rating.
        others_mean: The mean of the other raters' ratings.
        others: How many other raters.
        gap: *self_value* - *others_mean*, on the scale.
        threshold: The gap, as a share of the scale's range, at which a finding is made.
    """

    kind: FindingKind
    employee_id: str
    appraisal_id: str
    subject: str
    self_value: Fraction
    others_mean: Fraction
    others: int
    gap: Fraction
    threshold: Fraction


@attrs.frozen
class AgreementFinding:
    """
    Krippendorff's alpha (interval metric) of the raters of one subject, or of all.

    Attributes:
        kind: `FindingKind.LOW_AGREEMENT`.
        subject: The subject, or `None` for all subjects together.
        alpha: The exact alpha; `None` when it is undefined (no variation, or fewer
            than two pairable ratings).
        units: How many person-subject units had two ratings or more.
        values: How many ratings those units hold.
        threshold: The alpha below which agreement is reported low.
    """

    kind: FindingKind
    subject: str | None
    alpha: Fraction | None
    units: int
    values: int
    threshold: Fraction

    @property
    def is_low(self) -> bool:
        """Whether alpha is defined and below the threshold."""
        return self.alpha is not None and self.alpha < self.threshold


@attrs.frozen
class AnalyticsReport:
    """
    Every finding of a `RaterAnalytics` over a set of appraisals.

    Attributes:
        leniency: Lenient and severe raters.
        central_tendency: Raters with too little spread.
        halo: Same value across many aspects of one person.
        self_other: Blind spots and hidden strengths.
        agreement: Alpha per subject and for all subjects (`None`), low or not.
    """

    leniency: tuple[LeniencyFinding, ...]
    central_tendency: tuple[CentralTendencyFinding, ...]
    halo: tuple[HaloFinding, ...]
    self_other: tuple[SelfOtherFinding, ...]
    agreement: tuple[AgreementFinding, ...]
