"""
Achievement of an indicator (capaian IKI), in percent, exactly.

PermenPANRB 8/2021 Lampiran Bab VI.A: for higher-is-better indicators (kondisi
normal) achievement = realisation / target x 100; for lower-is-better ones (kondisi
khusus) achievement = (1 + (1 - realisation / target)) x 100.  A range target is met
inside the range (100 %); a realisation above it is compared with the upper bound
and one below it with the lower bound.  Shared by every regime that needs it.
"""

from __future__ import annotations

from fractions import Fraction
from typing import TYPE_CHECKING, Any, Final

from penilaian._base.trace import Rule, Step
from penilaian.exceptions import (
    InvalidValueError,
    MissingValueError,
    Problem,
    UnsupportedInputError,
)
from penilaian.model.targets import (
    Direction,
    Indicator,
    PointTarget,
    QualitativeTarget,
    RangeTarget,
    TargetKind,
)

if TYPE_CHECKING:
    from collections.abc import Collection

    import attrs

    from penilaian.model.appraisal import Appraisal

__all__ = [
    "ACHIEVEMENT_RULES",
    "achievement",
    "achievement_ratio",
    "achievement_step",
    "achievements",
    "check_kinds",
    "compared_target",
]


_QUALITATIVE: Final = "a qualitative target has no achievement percentage; rate it instead"
_LOWER: Final = Direction.LOWER_IS_BETTER

ACHIEVEMENT_RULES: Final = {
    Direction.HIGHER_IS_BETTER: Rule(
        id="achievement.normal",
        clause="PermenPANRB 8/2021 Lampiran Bab VI.A (kondisi normal)",
        text_id="Capaian IKI = realisasi / target \u00d7 100%",
        text_en="Achievement = realisation / target \u00d7 100%",
    ),
    Direction.LOWER_IS_BETTER: Rule(
        id="achievement.special",
        clause="PermenPANRB 8/2021 Lampiran Bab VI.A (kondisi khusus)",
        text_id="Capaian IKI = (1 + (1 \u2212 realisasi / target)) \u00d7 100%",
        text_en="Achievement = (1 + (1 \u2212 realisation / target)) \u00d7 100%",
    ),
}
"""The achievement formula for each direction, with its clause."""


def compared_target(indicator: Indicator, realised: Fraction) -> Fraction | None:
    """
    Return the target *realised* is compared with, or `None` inside a range (met).

    A point target is itself; for a range, the upper bound when *realised* is above
    it and the lower bound when below it.

    Raises:
        UnsupportedInputError: for a qualitative target, which has no number.
    """
    target = indicator.target
    if isinstance(target, PointTarget):
        return Fraction(target.value)
    if isinstance(target, RangeTarget):
        if realised > target.high:
            return Fraction(target.high)
        if realised < target.low:
            return Fraction(target.low)
        return None
    raise UnsupportedInputError("target", indicator.id, _QUALITATIVE)


def achievement(indicator: Indicator) -> Fraction:
    """
    Return the exact achievement of *indicator* in percent (87.5 for 87.5 %).

    Raises:
        MissingValueError: if the indicator has no realised value (never taken as 0).
        UnsupportedInputError: if its target is qualitative.
    """
    return Fraction(*achievement_ratio(indicator))


def achievement_ratio(indicator: Indicator) -> tuple[int, int]:
    """
    Return `achievement` as a numerator over a denominator above 0, not reduced.

    The one formula, in integers, for the regimes' integer kernels; `achievement` is
    its `Fraction`.

    >>> from penilaian import Aspect, Indicator, PointTarget, Realisation
    >>> seven = Realisation(7)
    >>> achievement_ratio(Indicator("i", "x", Aspect.QUANTITY, PointTarget(8), realisation=seven))
    (700, 8)

    Raises:
        MissingValueError: if the indicator has no realised value (never taken as 0).
        UnsupportedInputError: if its target is qualitative.
    """
    target = indicator.target
    if isinstance(target, QualitativeTarget):
        raise UnsupportedInputError("target", indicator.id, _QUALITATIVE)
    realisation = indicator.realisation
    if realisation is None or (realised := realisation.value) is None:
        raise MissingValueError("realisation", None, f"indicator {indicator.id} has no realisation")
    if isinstance(target, PointTarget):
        compared = target.value
    elif realised > target.high:  # a range: compared with the bound it missed
        compared = target.high
    elif realised < target.low:
        compared = target.low
    else:
        return 100, 1  # inside the range: met
    rn, rd = realised.as_integer_ratio()
    tn, td = compared.as_integer_ratio()
    # R / T = (rn * td) / (rd * tn), T > 0; lower is better: (2 - R / T) x 100.
    denominator = rd * tn
    if indicator.direction is _LOWER:
        return 100 * (2 * denominator - rn * td), denominator
    return 100 * rn * td, denominator


def achievements(
    appraisal: Appraisal, kinds: Collection[TargetKind], purpose: str
) -> tuple[list[tuple[Indicator, Fraction]], list[Problem]]:
    """
    Return the achievement of every indicator of the work targets of *kinds*, in order.

    Indicators without a realised value or with a qualitative target become
    problems instead, each with its JSON path and *purpose* (what needs the value).
    """
    found: list[tuple[Indicator, Fraction]] = []
    problems: list[Problem] = []
    for t_index, target in enumerate(appraisal.targets):
        if target.kind not in kinds:
            continue
        for i_index, indicator in enumerate(target.indicators):
            try:
                found.append((indicator, achievement(indicator)))
            except (MissingValueError, UnsupportedInputError) as error:  # noqa: PERF203 - every one is reported
                path = f"$.targets[{t_index}].indicators[{i_index}].{error.field}"
                problems.append(Problem(path, f"{error.reason}; {purpose}", error))
    return found, problems


def achievement_step(indicator: Indicator, value: Fraction) -> Step:
    """The trace step of one indicator's achievement: its formula, target and realisation."""
    realised = indicator.realisation.value if indicator.realisation else None
    return Step.of(
        ACHIEVEMENT_RULES[indicator.direction],
        value,
        subject=indicator.id,
        target=indicator.target.text,
        realisation=realised,
    )


def check_kinds(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """
    Validate a field naming which kinds of work target count toward achievement.

    The regimes that derive a value from achievement (`penilaian.GenericRegime`'s
    `WorkAchievement`, PermenPANRB 6/2022's `WorkRatingFromAchievement`) take this
    field; it must name at least one `penilaian.model.TargetKind`.

    Raises:
        InvalidValueError: at the field, for an empty tuple, an item that is not a kind,
            or a kind named twice.
    """
    if (
        not isinstance(value, tuple)
        or not value
        or not all(isinstance(kind, TargetKind) for kind in value)
    ):
        raise InvalidValueError(attribute.name, value, "must name at least one TargetKind")
    if len(set(value)) != len(value):
        raise InvalidValueError(attribute.name, value, "must name each TargetKind once")
