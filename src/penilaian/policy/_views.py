"""
The thresholds of anonymity and the views they allow: what each reader of an appraisal sees.

`penilaian.policy.anonymity` builds these views; this module holds their types.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Final

import attrs

from penilaian._base.bounds import check_bounds
from penilaian._base.checks import TUPLE, instance_of, items_of, optional_date
from penilaian.exceptions import InvalidNumberError, InvalidValueError
from penilaian.model.raters import RaterRole

__all__ = [
    "DEFAULT_ANONYMITY",
    "AnonymityThresholds",
    "EmployeeView",
    "NoteSummary",
    "RoleSummary",
    "SignedRating",
    "SubjectSummary",
    "SupervisorView",
]

_DEFAULTS: Final = {
    RaterRole.SELF: 1,
    RaterRole.SUPERVISOR: 1,
    RaterRole.SECOND_LEVEL_SUPERVISOR: 1,
    RaterRole.PEER: 3,
    RaterRole.SUBORDINATE: 3,
    RaterRole.PUBLIC: 3,
}


def _thresholds(value: Mapping[RaterRole | str, int]) -> dict[RaterRole, int]:
    if not isinstance(value, Mapping):
        raise InvalidValueError("k", value, "must map rater roles to thresholds")
    merged = dict(_DEFAULTS)
    given: Mapping[RaterRole | str, object] = value
    for key, k in given.items():
        role = RaterRole.parse(key, "k")
        if isinstance(k, bool) or not isinstance(k, int) or k < 1:
            reason = "must be a whole number of at least 1 (1 shows single ratings)"
            raise InvalidNumberError(f"k[{role.value!r}]", k, reason)
        merged[role] = check_bounds(k, f"k[{role.value!r}]")
    return merged


@attrs.frozen
class AnonymityThresholds:
    """
    The fewest raters of each role whose ratings may be shown to the person rated.

    >>> AnonymityThresholds({"peer": 5})[RaterRole.PEER]
    5

    Attributes:
        k: The threshold per role; roles not given keep their default (self,
            supervisor, second-level supervisor 1; peer, subordinate, public 3).
    """

    k: dict[RaterRole, int] = attrs.field(factory=dict, converter=_thresholds, hash=False)

    def __getitem__(self, role: RaterRole | str) -> int:
        return self.k[RaterRole.parse(role, "role")]


DEFAULT_ANONYMITY: Final = AnonymityThresholds()
"""The default thresholds: 1 for self and supervisors, 3 for peers, subordinates and public."""


_TEXT: Final = instance_of(str, expected="text")
_OPTIONAL_TEXT: Final = instance_of(str, type(None), expected="text or None")
_TEXTS: Final = items_of(str, expected="text")
_ROLE: Final = instance_of(RaterRole, expected="a RaterRole")
_ROLES: Final = items_of(RaterRole, expected="a RaterRole")
_COUNT: Final = instance_of(int, expected="a whole number")
_OPTIONAL_EXACT: Final = instance_of(Fraction, type(None), expected="an exact Fraction or None")
_THRESHOLDS: Final = instance_of(AnonymityThresholds, expected="AnonymityThresholds")


@attrs.frozen
class RoleSummary:
    """
    One role's ratings of one subject, as one aggregate.

    Attributes:
        role: The rater role.
        raters: How many raters of the role rated the subject.
        value: Their ratings combined, on a numeric scale; `None` on an ordinal one.
        levels: On an ordinal scale, how many chose each level, lowest level first.
        comments: Their comments, sorted, unsigned.
        below_threshold: Whether fewer raters than the role's threshold rated it
            (only ever true in a `SupervisorView`).
    """

    role: RaterRole = attrs.field(validator=_ROLE)
    raters: int = attrs.field(validator=_COUNT)
    value: Fraction | None = attrs.field(validator=_OPTIONAL_EXACT)
    levels: tuple[tuple[str, int], ...] = attrs.field(
        default=(), converter=TUPLE, validator=items_of(tuple, expected="a (level, count) pair")
    )
    comments: tuple[str, ...] = attrs.field(default=(), converter=TUPLE, validator=_TEXTS)
    below_threshold: bool = attrs.field(
        default=False, validator=instance_of(bool, expected="True or False")
    )


@attrs.frozen
class SubjectSummary:
    """
    What may be shown of the ratings of one subject on one scale.

    Attributes:
        subject: What was rated.
        scale_id: The scale of these ratings.
        roles: The roles shown.
        withheld: The roles that rated it but are not shown.
        overall: The policy's weighted value, when a policy was given and it may be shown.
        overall_roles: The roles whose ratings entered *overall*.
        overall_withheld: Why a weighted value exists but is not shown.
    """

    subject: str = attrs.field(validator=_TEXT)
    scale_id: str = attrs.field(validator=_TEXT)
    roles: tuple[RoleSummary, ...] = attrs.field(
        converter=TUPLE, validator=items_of(RoleSummary, expected="a RoleSummary")
    )
    withheld: tuple[RaterRole, ...] = attrs.field(default=(), converter=TUPLE, validator=_ROLES)
    overall: Fraction | None = attrs.field(default=None, validator=_OPTIONAL_EXACT)
    overall_roles: tuple[RaterRole, ...] = attrs.field(
        default=(), converter=TUPLE, validator=_ROLES
    )
    overall_withheld: str | None = attrs.field(default=None, validator=_OPTIONAL_TEXT)


@attrs.frozen
class NoteSummary:
    """
    A feedback note, by role; dated only when the role's threshold is 1.

    Attributes:
        role: The author's role.
        text: The note.
        subject: What it is about, if anything specific.
        given_on: When, for roles whose threshold is 1.
    """

    role: RaterRole = attrs.field(validator=_ROLE)
    text: str = attrs.field(validator=_TEXT)
    subject: str | None = attrs.field(default=None, validator=_OPTIONAL_TEXT)
    given_on: date | None = attrs.field(default=None, validator=optional_date)


@attrs.frozen
class SignedRating:
    """
    One rating with its rater, from a role whose threshold is 1 (supervisor view only).

    Attributes:
        rater_id: Who rated.
        role: Their role.
        subject: What they rated.
        scale_id: On which scale.
        score: The numeric value, if numeric.
        level: The level, if ordinal.
        comment: What they wrote.
    """

    rater_id: str = attrs.field(validator=_TEXT)
    role: RaterRole = attrs.field(validator=_ROLE)
    subject: str = attrs.field(validator=_TEXT)
    scale_id: str = attrs.field(validator=_TEXT)
    score: Decimal | None = attrs.field(
        validator=instance_of(Decimal, type(None), expected="a Decimal or None")
    )
    level: str | None = attrs.field(validator=_OPTIONAL_TEXT)
    comment: str | None = attrs.field(validator=_OPTIONAL_TEXT)


_SUBJECTS: Final = items_of(SubjectSummary, expected="a SubjectSummary")
_NOTES: Final = items_of(NoteSummary, expected="a NoteSummary")


@attrs.frozen
class EmployeeView:
    """
    Everything the person rated may see of their ratings; nothing below a threshold.

    Attributes:
        appraisal_id: The appraisal.
        employee_id: The person rated.
        thresholds: The thresholds enforced.
        subjects: Per subject and scale, the roles shown and the weighted value.
        feedback: The feedback notes that may be shown.
    """

    appraisal_id: str = attrs.field(validator=_TEXT)
    employee_id: str = attrs.field(validator=_TEXT)
    thresholds: AnonymityThresholds = attrs.field(validator=_THRESHOLDS)
    subjects: tuple[SubjectSummary, ...] = attrs.field(converter=TUPLE, validator=_SUBJECTS)
    feedback: tuple[NoteSummary, ...] = attrs.field(converter=TUPLE, validator=_NOTES)


@attrs.frozen
class SupervisorView:
    """
    What the appraising supervisor may see: more than the employee, still no signed peers.

    Attributes:
        appraisal_id: The appraisal.
        employee_id: The person rated.
        thresholds: The thresholds used to mark roles below them.
        subjects: Per subject and scale, every role (below-threshold ones marked).
        ratings: The signed ratings of roles whose threshold is 1.
        feedback: Every feedback note, by role.
    """

    appraisal_id: str = attrs.field(validator=_TEXT)
    employee_id: str = attrs.field(validator=_TEXT)
    thresholds: AnonymityThresholds = attrs.field(validator=_THRESHOLDS)
    subjects: tuple[SubjectSummary, ...] = attrs.field(converter=TUPLE, validator=_SUBJECTS)
    ratings: tuple[SignedRating, ...] = attrs.field(
        converter=TUPLE, validator=items_of(SignedRating, expected="a SignedRating")
    )
    feedback: tuple[NoteSummary, ...] = attrs.field(converter=TUPLE, validator=_NOTES)
