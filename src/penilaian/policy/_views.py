"""
The thresholds of anonymity and the views they allow: what each reader of an appraisal sees.

`penilaian.policy.anonymity` builds these views; this module holds their types, the
policy of when aggregates are released (`ReleasePolicy`) and the risk a view leaves
(`AnonymityRisk`).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Final

import attrs

from penilaian._base.bounds import check_bounds
from penilaian._base.checks import TUPLE, instance_of, is_date, items_of, optional_date
from penilaian._base.labels import LabelledEnum
from penilaian.exceptions import InvalidNumberError, InvalidValueError
from penilaian.model.raters import RaterRole

__all__ = [
    "DEFAULT_ANONYMITY",
    "AnonymityRisk",
    "AnonymityThresholds",
    "EmployeeView",
    "NoteSummary",
    "ReleasePolicy",
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


class ReleasePolicy(LabelledEnum):
    """
    When the person rated may see the aggregates of roles whose threshold exceeds 1.

    `AT_CLOSE` (the default) releases them only to a view built after the period's last
    day, so no two views inside the period can be subtracted; `CONTINUOUS` shows them as
    soon as *k* raters have rated, which lets two views made before and after one more
    rating reveal it exactly (4 x 3 - 3 x 11/3 = 1).
    """

    AT_CLOSE = ("at_close", "Setelah periode berakhir", "After the period closes", "close")
    CONTINUOUS = ("continuous", "Segera", "As soon as k raters have rated", "immediately")


class AnonymityRisk(LabelledEnum):
    """What a view built for the person rated still lets them learn, in words (``label``)."""

    WITHHELD_UNTIL_CLOSE = (
        "withheld_until_close",
        (
            "Penilaian dari peran dengan ambang di atas 1 (rekan kerja, bawahan dan penerima "
            "layanan bawaannya) belum ditampilkan sampai periode berakhir, sehingga dua "
            "tampilan dalam periode tidak dapat dibandingkan untuk menghitung balik satu "
            "penilaian."
        ),
        (
            "Ratings of roles whose threshold exceeds 1 (by default peers, subordinates and "
            "service users) are withheld until the period closes, so no two views inside the "
            "period can be compared to work out one rating."
        ),
    )
    CHANGED_AFTER_CLOSE = (
        "changed_after_close",
        (
            "Penilaian yang ditambah atau diubah setelah periode berakhir dapat dihitung balik "
            "dengan membandingkan tampilan ini dengan tampilan sesudahnya; penilaian yang seragam "
            "dalam satu peran terlihat dari gabungannya."
        ),
        (
            "A rating added or changed after the period closed can be worked out exactly by "
            "comparing this view with a later one; a role whose raters all agree shows each "
            "of their ratings in its aggregate."
        ),
    )
    EVERY_CHANGE = (
        "every_change",
        (
            "Setiap penilaian baru dari peran yang ditampilkan dapat dihitung balik dengan "
            "membandingkan dua tampilan (jumlah x rata-rata sesudah dikurangi sebelum)."
        ),
        (
            "Each new rating of a shown role can be worked out exactly by comparing two views "
            "(count x mean after, minus count x mean before)."
        ),
    )


def _release(value: ReleasePolicy | str) -> ReleasePolicy:
    return ReleasePolicy.parse(value, "release")


_MAX_GRACE_DAYS: Final = 366


def _grace_days(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidNumberError("grace_days", value, "must be a whole number of days")
    if not 0 <= value <= _MAX_GRACE_DAYS:
        raise InvalidNumberError("grace_days", value, f"must be 0 to {_MAX_GRACE_DAYS} days")
    return value


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
    >>> AnonymityThresholds(release="continuous").release
    <ReleasePolicy.CONTINUOUS: 'continuous'>

    Attributes:
        k: The threshold per role; roles not given keep their default (self,
            supervisor, second-level supervisor 1; peer, subordinate, public 3).
        release: When roles whose threshold exceeds 1 are shown: after the period
            closes (`ReleasePolicy.AT_CLOSE`, the default) or as soon as they reach
            their threshold (`ReleasePolicy.CONTINUOUS`, the earlier behaviour).
        grace_days: Under `ReleasePolicy.AT_CLOSE`, how many days after the period's
            last day ratings may still arrive (0 to 366); the close is the day after
            those.  0 by default [LOW]: set it to the agency's rating window.
    """

    k: dict[RaterRole, int] = attrs.field(factory=dict, converter=_thresholds, hash=False)
    release: ReleasePolicy = attrs.field(default=ReleasePolicy.AT_CLOSE, converter=_release)
    grace_days: int = attrs.field(default=0, converter=_grace_days)

    def __getitem__(self, role: RaterRole | str) -> int:
        return self.k[RaterRole.parse(role, "role")]


DEFAULT_ANONYMITY: Final = AnonymityThresholds()
"""
The default: thresholds 1 for self and supervisors, 3 for peers, subordinates and public;
their aggregates released after the period closes.
"""


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
        thresholds: The thresholds enforced, with their release policy.
        subjects: Per subject and scale, the roles shown and the weighted value.
        feedback: The feedback notes that may be shown.
        as_of: The day the view was built for.
        released: Whether roles whose threshold exceeds 1 may be shown on that day.
        residual_risk: What the view still lets the person rated learn by comparing
            it with another view (`AnonymityRisk`; its ``label`` says it in words).
    """

    appraisal_id: str = attrs.field(validator=_TEXT)
    employee_id: str = attrs.field(validator=_TEXT)
    thresholds: AnonymityThresholds = attrs.field(validator=_THRESHOLDS)
    subjects: tuple[SubjectSummary, ...] = attrs.field(converter=TUPLE, validator=_SUBJECTS)
    feedback: tuple[NoteSummary, ...] = attrs.field(converter=TUPLE, validator=_NOTES)
    as_of: date = attrs.field(kw_only=True, validator=is_date)
    released: bool = attrs.field(
        kw_only=True, validator=instance_of(bool, expected="True or False")
    )
    residual_risk: AnonymityRisk = attrs.field(
        kw_only=True, validator=instance_of(AnonymityRisk, expected="an AnonymityRisk")
    )


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
