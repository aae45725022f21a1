"""
The parts of a generic score: `Component` and its sources, `WorkAchievement` and `RatedSubjects`.

Their public home is `penilaian.regimes.generic`.
"""

from __future__ import annotations

from fractions import Fraction

import attrs

from penilaian._base.checks import TUPLE, as_tuple, instance_of, non_empty
from penilaian.exceptions import InvalidValueError
from penilaian.model.targets import TargetKind
from penilaian.scoring.achievement import check_kinds

__all__ = ["Component", "RatedSubjects", "WorkAchievement"]


@attrs.frozen
class WorkAchievement:
    """
    The mean achievement, in percent, of the indicators of some work targets.

    Attributes:
        kinds: Which work targets count (main only, by default).
        cap: The highest achievement an indicator counts with (`None`: no cap).
    """

    kinds: tuple[TargetKind, ...] = attrs.field(
        default=(TargetKind.MAIN,), converter=TUPLE, validator=check_kinds
    )
    cap: Fraction | None = attrs.field(
        default=Fraction(120),
        validator=instance_of(Fraction, int, type(None), expected="a Fraction, an int or None"),
    )


def _subjects(value: object) -> tuple[str, ...] | None:
    if value is None:
        return None
    subjects = as_tuple(value, "subjects")
    if not all(isinstance(subject, str) and subject.strip() for subject in subjects):
        raise InvalidValueError("subjects", value, "must be non-empty subject ids, or None")
    return subjects


@attrs.frozen
class RatedSubjects:
    """
    The mean of rated subjects, each combined by the regime's aggregator and rescaled to 0-100.

    Attributes:
        subjects: The subjects (behaviour aspects, overall ratings); `None` means
            every aspect of the appraisal's framework that applies to the position.
    """

    subjects: tuple[str, ...] | None = attrs.field(default=None, converter=_subjects)


@attrs.frozen
class Component:
    """
    One weighted part of a generic score.

    Attributes:
        id: Its name, which the regime's weights use.
        source: Where its value comes from.
    """

    id: str = attrs.field(validator=non_empty)
    source: WorkAchievement | RatedSubjects = attrs.field(
        validator=instance_of(
            WorkAchievement, RatedSubjects, expected="a WorkAchievement or RatedSubjects"
        )
    )
