"""
What a synthetic workforce looks like: `WorkforceSpec` and its parts.

A spec is a frozen value: the size and shape of the organisation, who is PNS or
PPPK, the period and regime, how achievement is distributed, which roles rate each
appraisal, the grades units are drawn from, and any rater bias to inject.
`penilaian.simulation.generate` turns a spec and a seed into a `Workforce`.
"""

from __future__ import annotations

import types
from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction
from typing import Final, Literal

import attrs

from penilaian._base.checks import TUPLE, as_tuple, whole_number
from penilaian._base.labels import LabelledEnum
from penilaian._base.numbers import DECIMAL, to_fraction, to_positive_fraction
from penilaian.exceptions import InvalidNumberError, InvalidValueError
from penilaian.model.grades import OrganisationGrade
from penilaian.model.periods import Period

__all__ = [
    "DEFAULT_UNIT_GRADE_WEIGHTS",
    "REGIME_SHAPES",
    "AchievementModel",
    "BiasKind",
    "RaterBias",
    "RaterMix",
    "RegimeShape",
    "WorkforceSpec",
]

RegimeShape = Literal["permen6_2022", "pp30_2019"]
"""The regimes a synthetic workforce can be shaped for."""

REGIME_SHAPES: Final = ("permen6_2022", "pp30_2019")
"""The ids of `RegimeShape`, in order."""

DEFAULT_UNIT_GRADE_WEIGHTS: Final[Mapping[OrganisationGrade, int]] = types.MappingProxyType(
    {
        OrganisationGrade.OUTSTANDING: 15,
        OrganisationGrade.GOOD: 60,
        OrganisationGrade.NEEDS_IMPROVEMENT: 15,
        OrganisationGrade.POOR: 7,
        OrganisationGrade.VERY_POOR: 3,
    }
)
"""
The weights each unit's grade is drawn with (in percent): mostly Baik.

A modelling assumption, not a regulation: 15 % Istimewa, 60 % Baik, 15 % Butuh
Perbaikan, 7 % Kurang and 3 % Sangat Kurang.
"""


class BiasKind(LabelledEnum):
    """The kind of bias injected into a rater's numeric behaviour ratings."""

    LENIENCY = ("leniency", "Terlalu murah hati", "Leniency")
    SEVERITY = ("severity", "Terlalu keras", "Severity")
    HALO = ("halo", "Efek halo", "Halo")


def _fraction(value: object, field: str, *, low: Fraction, high: Fraction | None) -> Fraction:
    share = to_fraction(value, field)
    if share < low or (high is not None and share > high):
        upper = "" if high is None else f" and at most {high}"
        raise InvalidNumberError(field, share, f"must be at least {low}{upper}")
    return share


def _share(value: object) -> Fraction:
    return _fraction(value, "share", low=Fraction(0), high=Fraction(1))


def _optional_share(value: object) -> Fraction | None:
    return None if value is None else _share(value)


def _positive_strength(value: object) -> Fraction:
    return to_positive_fraction(value, "strength")


def _count(_instance: object, attribute: attrs.Attribute[int], value: object) -> None:
    whole_number(value, attribute.name, 0)


def _at_least_one(_instance: object, attribute: attrs.Attribute[int], value: object) -> None:
    whole_number(value, attribute.name, 1)


@attrs.frozen(kw_only=True)
class RaterBias:
    """
    A bias injected into some raters' numeric behaviour ratings, with known truth.

    Attributes:
        kind: Leniency (ratings raised), severity (lowered) or halo (one overall
            impression on every aspect).
        strength: For leniency and severity, the shift in standard deviations of
            the rating noise (1 moves every rating by one noise sd); the supervisor's
            overall ratings move by the same number of their own noise sds.  For
            halo, the share (0 to 1) of each aspect's own variation replaced by the
            rater's overall impression: 1 gives one value on every aspect.
        raters: The employee ids of the raters, when chosen by name; or
        share: the share of all raters (0 to 1), chosen at random from the seed.

    Raises:
        InvalidValueError: Unless exactly one of *raters* and *share* is given, or
            for a halo stronger than 1.
        InvalidNumberError: For a strength that is not above 0 or a share outside 0-1.
    """

    kind: BiasKind = attrs.field(converter=BiasKind)
    strength: Fraction = attrs.field(converter=_positive_strength)
    raters: tuple[str, ...] = attrs.field(default=(), converter=TUPLE)
    share: Fraction | None = attrs.field(default=None, converter=_optional_share)

    def __attrs_post_init__(self) -> None:
        if bool(self.raters) == (self.share is not None):
            reason = "give either raters (employee ids) or a share of raters, not both"
            raise InvalidValueError("raters", self.raters, reason)
        if self.kind is BiasKind.HALO and self.strength > 1:
            reason = "a halo's strength is a share of each aspect's variation, at most 1"
            raise InvalidValueError("strength", self.strength, reason)


@attrs.frozen(kw_only=True)
class RaterMix:
    """
    Who rates each appraisal besides the supervisor, who always does.

    Attributes:
        self_rating: Whether the employee rates themself (default yes).
        peers: How many colleagues of the same unit rate a staff member (leaders
            are rated by leaders of sibling units); fewer when the unit is smaller.
        subordinates: How many of a unit leader's staff rate the leader.
        public: How many anonymous service users rate the service aspect.
    """

    self_rating: bool = True
    peers: int = attrs.field(default=3, validator=_count)
    subordinates: int = attrs.field(default=3, validator=_count)
    public: int = attrs.field(default=1, validator=_count)


def _percent(_instance: object, attribute: attrs.Attribute[Decimal], value: Decimal) -> None:
    if not Decimal(0) <= value <= Decimal(200):
        raise InvalidNumberError(attribute.name, value, "must be a percentage from 0 to 200")


@attrs.frozen(kw_only=True)
class AchievementModel:
    """
    How employees' achievement (capaian, percent of target) is distributed.

    Each employee's level is uniform on the typical range, or, for a `tail_share`
    of employees, uniform on the tail range; each indicator's achievement is that
    level plus normal noise of sd `indicator_spread`, kept within 0-200 %.

    Attributes:
        typical_low: Lower end of the typical range (90).
        typical_high: Upper end of the typical range (115).
        tail_share: The share of employees in the tail (1/10).
        tail_low: Lower end of the tail (50).
        tail_high: Upper end of the tail (90).
        indicator_spread: The sd of an indicator's achievement around the level (5).

    Raises:
        InvalidNumberError: For an end outside 0-200 %, a share outside 0-1 or a
            negative spread.
        InvalidValueError: For a range whose low end is not below its high end.
    """

    typical_low: Decimal = attrs.field(default=Decimal(90), converter=DECIMAL, validator=_percent)
    typical_high: Decimal = attrs.field(default=Decimal(115), converter=DECIMAL, validator=_percent)
    tail_share: Fraction = attrs.field(default=Fraction(1, 10), converter=_share)
    tail_low: Decimal = attrs.field(default=Decimal(50), converter=DECIMAL, validator=_percent)
    tail_high: Decimal = attrs.field(default=Decimal(90), converter=DECIMAL, validator=_percent)
    indicator_spread: Decimal = attrs.field(
        default=Decimal(5), converter=DECIMAL, validator=_percent
    )

    def __attrs_post_init__(self) -> None:
        for low, high, name in (
            (self.typical_low, self.typical_high, "typical_high"),
            (self.tail_low, self.tail_high, "tail_high"),
        ):
            if high <= low:
                raise InvalidValueError(name, high, f"must be above the low end {low}")


def _unit_sizes(value: object) -> tuple[int, int]:
    sizes = as_tuple(value, "unit_sizes")
    if len(sizes) != 2:
        raise InvalidValueError("unit_sizes", sizes, "must be (smallest, largest)")
    low = whole_number(sizes[0], "unit_sizes", 1)
    high = whole_number(sizes[1], "unit_sizes", 1)
    if high < low:
        raise InvalidValueError("unit_sizes", sizes, "the largest must not be below the smallest")
    return low, high


def _grade_weights(value: object) -> Mapping[OrganisationGrade, int]:
    if not isinstance(value, Mapping):
        raise InvalidValueError("unit_grade_weights", value, "must map unit grades to weights")
    weights = {
        OrganisationGrade.parse(grade, "unit_grade_weights"): whole_number(
            weight, "unit_grade_weights", 0
        )
        for grade, weight in value.items()
    }
    if not any(weights.values()):
        raise InvalidValueError("unit_grade_weights", value, "needs a weight above 0")
    return types.MappingProxyType(weights)


def _regime(_instance: object, attribute: attrs.Attribute[str], value: object) -> None:
    if value not in REGIME_SHAPES:
        reason = f"must be one of {', '.join(REGIME_SHAPES)}"
        raise InvalidValueError(attribute.name, value, reason)


def _period(_instance: object, attribute: attrs.Attribute[Period], value: object) -> None:
    if not isinstance(value, Period):
        raise InvalidValueError(attribute.name, value, "must be a Period")


def _biases(
    _instance: object, attribute: attrs.Attribute[tuple[RaterBias, ...]], value: object
) -> None:
    for bias in value:  # type: ignore[attr-defined]
        if not isinstance(bias, RaterBias):
            raise InvalidValueError(attribute.name, bias, "must be a RaterBias")


def _flag(_instance: object, attribute: attrs.Attribute[bool], value: object) -> None:
    if not isinstance(value, bool):
        raise InvalidValueError(attribute.name, value, "must be True or False")


@attrs.frozen(kw_only=True)
class WorkforceSpec:
    """
    The shape of a synthetic workforce; with a seed it fixes every value generated.

    Attributes:
        employees: How many employees (and appraisals), at least 1 (100).
        unit_sizes: The smallest and largest number of employees per unit, leader
            included ((4, 12)); sizes are uniform in between, the last unit takes
            the remainder.
        depth: The most levels of the organisation tree (3); fewer when there are
            fewer units than levels.
        pppk_share: The share of staff who are PPPK, not PNS (1/5); unit leaders are PNS.
        period: The appraisal period (the year 2024).
        regime: ``"permen6_2022"`` (BerAKHLAK ratings on 1-5 from every rater and the
            supervisor's two overall ratings on the expectation scale) or
            ``"pp30_2019"`` (PermenPANRB 8/2021 aspects on 0-120).
        achievement: How achievement is distributed.
        raters: Who rates each appraisal.
        unit_grade_weights: The weights unit grades are drawn with
            (`DEFAULT_UNIT_GRADE_WEIGHTS`).
        biases: The rater biases to inject (none).
        confounded: Whether lenient raters rate weaker employees (a confounded
            design, default no): each employee's behaviour level is lowered by
            what their non-self raters' leniency (or severity, raised) adds to
            a rating, so a lenient rater's raw ratings look ordinary and only a
            comparison with the other raters of the same people finds them.
            It draws nothing, so the other values of the workforce are unchanged.
    """

    employees: int = attrs.field(default=100, validator=_at_least_one)
    unit_sizes: tuple[int, int] = attrs.field(default=(4, 12), converter=_unit_sizes)
    depth: int = attrs.field(default=3, validator=_at_least_one)
    pppk_share: Fraction = attrs.field(default=Fraction(1, 5), converter=_share)
    period: Period = attrs.field(factory=lambda: Period.year(2024), validator=_period)
    regime: RegimeShape = attrs.field(default="permen6_2022", validator=_regime)
    achievement: AchievementModel = attrs.field(
        factory=AchievementModel, validator=attrs.validators.instance_of(AchievementModel)
    )
    raters: RaterMix = attrs.field(
        factory=RaterMix, validator=attrs.validators.instance_of(RaterMix)
    )
    unit_grade_weights: Mapping[OrganisationGrade, int] = attrs.field(
        default=DEFAULT_UNIT_GRADE_WEIGHTS, converter=_grade_weights, hash=False
    )
    biases: tuple[RaterBias, ...] = attrs.field(default=(), converter=TUPLE, validator=_biases)
    confounded: bool = attrs.field(default=False, validator=_flag)
