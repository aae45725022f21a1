"""
What the person rated may see of their raters' ratings, and what their supervisor may see.

Each rater role has an anonymity threshold *k* (`AnonymityThresholds`; by default 1 for
self, supervisor and second-level supervisor, whose ratings are signed, and 3 for peers,
subordinates and the public).  `view_for_employee` enforces, per subject and scale:

1. A role is shown only as one aggregate of its ratings (with their count and its
   comments, sorted, unsigned), and only when at least *k* raters of the role rated the
   subject; below *k* it is listed as withheld, with no value, count or comment.
2. No individual rating is shown, except where *k* is 1 (the rating is signed anyway).
3. No figure mixes roles unless every role in it is shown: the policy's weighted value
   is shown only when every role whose ratings entered it has at least *k* raters, so no
   withheld role can be recovered by subtracting shown aggregates from it.  Set each
   role's ``min_raters`` to at least its *k* and the weighted value is always shown.
4. Feedback notes are shown by role, only for roles with at least *k* raters in the
   appraisal; the date is kept only where *k* is 1.

Traces name individual ratings: they are for the supervisor and the auditor, never for
the employee.  `view_for_supervisor` shows more: every role's aggregate, also below *k*
(marked), the weighted value, and the signed ratings of roles whose *k* is 1.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Final

import attrs

from penilaian.exceptions import InvalidNumberError, InvalidValueError
from penilaian.model.raters import NumericScale, RaterRole
from penilaian.policy.aggregation import Mean, RoleStatus

if TYPE_CHECKING:
    from penilaian.model.appraisal import Appraisal
    from penilaian.model.raters import Rating, Scale
    from penilaian.policy.weighting import WeightingPolicy

__all__ = [
    "DEFAULT_ANONYMITY",
    "AnonymityThresholds",
    "EmployeeView",
    "NoteSummary",
    "RoleSummary",
    "SignedRating",
    "SubjectSummary",
    "SupervisorView",
    "view_for_employee",
    "view_for_supervisor",
]

_ENTERED: Final = frozenset({RoleStatus.RATED, RoleStatus.PUBLIC_INDEX})
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
        merged[role] = k
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

    def __getitem__(self, role: RaterRole) -> int:
        return self.k[role]


DEFAULT_ANONYMITY: Final = AnonymityThresholds()
"""The default thresholds: 1 for self and supervisors, 3 for peers, subordinates and public."""


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

    role: RaterRole
    raters: int
    value: Fraction | None
    levels: tuple[tuple[str, int], ...] = ()
    comments: tuple[str, ...] = ()
    below_threshold: bool = False


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

    subject: str
    scale_id: str
    roles: tuple[RoleSummary, ...]
    withheld: tuple[RaterRole, ...] = ()
    overall: Fraction | None = None
    overall_roles: tuple[RaterRole, ...] = ()
    overall_withheld: str | None = None


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

    role: RaterRole
    text: str
    subject: str | None = None
    given_on: date | None = None


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

    rater_id: str
    role: RaterRole
    subject: str
    scale_id: str
    score: Decimal | None
    level: str | None
    comment: str | None


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

    appraisal_id: str
    employee_id: str
    thresholds: AnonymityThresholds
    subjects: tuple[SubjectSummary, ...]
    feedback: tuple[NoteSummary, ...]


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

    appraisal_id: str
    employee_id: str
    thresholds: AnonymityThresholds
    subjects: tuple[SubjectSummary, ...]
    ratings: tuple[SignedRating, ...]
    feedback: tuple[NoteSummary, ...]


def view_for_employee(
    appraisal: Appraisal,
    thresholds: AnonymityThresholds = DEFAULT_ANONYMITY,
    *,
    policy: WeightingPolicy | None = None,
) -> EmployeeView:
    """
    Return what the person rated in *appraisal* may see (the rules in the module docstring).

    Args:
        appraisal: The appraisal.
        thresholds: The anonymity threshold per role.
        policy: The weighting policy, to show its weighted value and aggregate each
            role as it does; roles are averaged (`Mean`) without one.

    Raises:
        ScoringInputError: if *policy* cannot aggregate a numeric subject (see
            `WeightingPolicy.aggregate`).
    """
    subjects = _subjects(appraisal, thresholds, policy, employee=True)
    feedback = _notes(appraisal, thresholds, employee=True)
    return EmployeeView(appraisal.id, appraisal.employee.id, thresholds, subjects, feedback)


def view_for_supervisor(
    appraisal: Appraisal,
    thresholds: AnonymityThresholds = DEFAULT_ANONYMITY,
    *,
    policy: WeightingPolicy | None = None,
) -> SupervisorView:
    """
    Return what the appraising supervisor may see of *appraisal*.

    Every role's aggregate (marked when below its threshold), the weighted value, the
    signed ratings of roles whose threshold is 1, and every feedback note by role.
    Peers', subordinates' and the public's ratings stay unsigned.
    """
    subjects = _subjects(appraisal, thresholds, policy, employee=False)
    roles = appraisal.rater_roles
    signed = tuple(
        SignedRating(
            rating.rater_id,
            roles[rating.rater_id],
            rating.subject,
            rating.scale_id,
            rating.score,
            rating.level,
            rating.comment,
        )
        for rating in appraisal.ratings
        if thresholds[roles[rating.rater_id]] == 1
    )
    feedback = _notes(appraisal, thresholds, employee=False)
    return SupervisorView(
        appraisal.id, appraisal.employee.id, thresholds, subjects, signed, feedback
    )


def _subjects(
    appraisal: Appraisal,
    thresholds: AnonymityThresholds,
    policy: WeightingPolicy | None,
    *,
    employee: bool,
) -> tuple[SubjectSummary, ...]:
    roles = appraisal.rater_roles
    grouped: dict[tuple[str, str], dict[RaterRole, list[Rating]]] = {}
    for rating in appraisal.ratings:
        by_role = grouped.setdefault((rating.subject, rating.scale_id), {})
        by_role.setdefault(roles[rating.rater_id], []).append(rating)
    scales_of = Counter(subject for subject, _ in grouped)
    summaries = []
    for (subject, scale_id), by_role in grouped.items():
        scale = appraisal.scale(scale_id)
        shown, withheld = [], []
        for role in RaterRole:
            ratings = by_role.get(role)
            if not ratings:
                continue
            below = len(ratings) < thresholds[role]
            if below and employee:
                withheld.append(role)
            else:
                shown.append(_summary(role, ratings, scale, policy, below=below))
        summary = SubjectSummary(subject, scale_id, tuple(shown), tuple(withheld))
        if policy is not None and isinstance(scale, NumericScale) and scales_of[subject] == 1:
            summary = _with_overall(summary, appraisal, thresholds, policy, employee=employee)
        summaries.append(summary)
    return tuple(summaries)


def _summary(
    role: RaterRole,
    ratings: list[Rating],
    scale: Scale,
    policy: WeightingPolicy | None,
    *,
    below: bool,
) -> RoleSummary:
    comments = tuple(sorted(rating.comment for rating in ratings if rating.comment))
    if isinstance(scale, NumericScale):
        scores = [Fraction(rating.score) for rating in ratings if rating.score is not None]
        value = Mean()(scores) if policy is None else policy.combine(scores)
        return RoleSummary(role, len(ratings), value, (), comments, below)
    counts = Counter(scale.resolve(rating.level or "") for rating in ratings)
    levels = tuple((level, counts[level]) for level in scale.levels if counts[level])
    return RoleSummary(role, len(ratings), None, levels, comments, below)


def _with_overall(
    summary: SubjectSummary,
    appraisal: Appraisal,
    thresholds: AnonymityThresholds,
    policy: WeightingPolicy,
    *,
    employee: bool,
) -> SubjectSummary:
    weighted = policy.aggregate(appraisal, summary.subject, trace=False)
    if weighted.value is None:
        return summary
    entered = tuple(
        part.role
        for part in weighted.roles
        if part.status in _ENTERED and part.effective_weight > 0
    )
    hidden = [
        part.role.value
        for part in weighted.roles
        if part.role in entered and part.raters < thresholds[part.role]
    ]
    if hidden and employee:
        reason = f"it counts {', '.join(hidden)} with fewer raters than the anonymity threshold"
        return attrs.evolve(summary, overall_withheld=reason)
    return attrs.evolve(summary, overall=weighted.value, overall_roles=entered)


def _notes(
    appraisal: Appraisal, thresholds: AnonymityThresholds, *, employee: bool
) -> tuple[NoteSummary, ...]:
    roles = appraisal.rater_roles
    counts = Counter(roles.values())
    return tuple(
        NoteSummary(
            roles[note.author_id],
            note.text,
            note.subject,
            note.given_on if thresholds[roles[note.author_id]] == 1 else None,
        )
        for note in appraisal.feedback
        if not employee or counts[roles[note.author_id]] >= thresholds[roles[note.author_id]]
    )
