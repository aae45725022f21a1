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
5. Over time (`ReleasePolicy`): under the default, `ReleasePolicy.AT_CLOSE`, a view
   built on or before the period's last day (*as_of*; plus ``grace_days``) withholds
   every role whose *k* exceeds 1, with its comments and notes, and any weighted value
   they entered.  Two views made before and after one more rating arrived therefore
   never differ in a figure made of that role: subtracting them reveals nothing.
   `ReleasePolicy.CONTINUOUS` (the earlier behaviour) shows them as soon as *k* raters
   have rated, and then ``n2 * v2 - n1 * v1`` is the new rating exactly.  The view
   states what remains (`EmployeeView.residual_risk`): under `AT_CLOSE`, a rating added
   or changed after the close, and a role whose raters all agree.

Traces name individual ratings: they are for the supervisor and the auditor, never for
the employee.  `view_for_supervisor` shows more: every role's aggregate, also below *k*
(marked), the weighted value, and the signed ratings of roles whose *k* is 1.
"""

from __future__ import annotations

from collections import Counter
from datetime import UTC, date, datetime, timedelta
from fractions import Fraction
from typing import TYPE_CHECKING, Final

import attrs

from penilaian.exceptions import InvalidValueError
from penilaian.model.appraisal import Appraisal
from penilaian.model.raters import NumericScale, RaterRole
from penilaian.policy._views import (
    DEFAULT_ANONYMITY,
    AnonymityRisk,
    AnonymityThresholds,
    EmployeeView,
    NoteSummary,
    ReleasePolicy,
    RoleSummary,
    SignedRating,
    SubjectSummary,
    SupervisorView,
)
from penilaian.policy.aggregation import Mean, RoleStatus
from penilaian.policy.weighting import WeightingPolicy

if TYPE_CHECKING:
    from penilaian.model.raters import Rating, Scale

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
    "view_for_employee",
    "view_for_supervisor",
]

_ENTERED: Final = frozenset({RoleStatus.RATED, RoleStatus.PUBLIC_INDEX})


def view_for_employee(
    appraisal: Appraisal,
    thresholds: AnonymityThresholds = DEFAULT_ANONYMITY,
    *,
    policy: WeightingPolicy | None = None,
    as_of: date | None = None,
) -> EmployeeView:
    """
    Return what the person rated in *appraisal* may see (the rules in the module docstring).

    Args:
        appraisal: The appraisal.
        thresholds: The anonymity threshold per role, and when roles whose threshold
            exceeds 1 are released (`AnonymityThresholds.release`).
        policy: The weighting policy, to show its weighted value and aggregate each
            role as it does; roles are averaged (`Mean`) without one.
        as_of: The day the view is for; today's date in UTC when not given (never
            later than the date in Indonesia, so nothing is released early).  Under
            `ReleasePolicy.AT_CLOSE` a day after the period's last day (plus the
            thresholds' ``grace_days``) releases the roles whose threshold exceeds 1.

    Raises:
        InvalidValueError: naming the argument that is not of its type.
        ScoringInputError: if *policy* cannot aggregate a numeric subject (see
            `WeightingPolicy.aggregate`).
    """
    _check_arguments(appraisal, thresholds, policy)
    if as_of is None:
        as_of = datetime.now(UTC).date()  # never ahead of WIB, WITA or WIT
    elif isinstance(as_of, datetime) or not isinstance(as_of, date):
        raise InvalidValueError("as_of", as_of, "must be a date (YYYY-MM-DD) or None")
    continuous = thresholds.release is ReleasePolicy.CONTINUOUS
    released = continuous or as_of > appraisal.period.end + timedelta(thresholds.grace_days)
    subjects = _subjects(appraisal, thresholds, policy, employee=True, held=not released)
    feedback = _notes(appraisal, thresholds, employee=True, held=not released)
    if continuous:
        risk = AnonymityRisk.EVERY_CHANGE
    elif released:
        risk = AnonymityRisk.CHANGED_AFTER_CLOSE
    else:
        risk = AnonymityRisk.WITHHELD_UNTIL_CLOSE
    return EmployeeView(
        appraisal.id,
        appraisal.employee.id,
        thresholds,
        subjects,
        feedback,
        as_of=as_of,
        released=released,
        residual_risk=risk,
    )


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

    Raises:
        InvalidValueError: naming the argument that is not of its type.
        ScoringInputError: if *policy* cannot aggregate a numeric subject.
    """
    _check_arguments(appraisal, thresholds, policy)
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


def _check_arguments(appraisal: object, thresholds: object, policy: object) -> None:
    if not isinstance(appraisal, Appraisal):
        raise InvalidValueError("appraisal", appraisal, "must be an Appraisal")
    if not isinstance(thresholds, AnonymityThresholds):
        raise InvalidValueError("thresholds", thresholds, "must be AnonymityThresholds")
    if policy is not None and not isinstance(policy, WeightingPolicy):
        raise InvalidValueError("policy", policy, "must be a WeightingPolicy or None")


def _hidden(thresholds: AnonymityThresholds, role: RaterRole, count: int, *, held: bool) -> bool:
    """Whether *count* raters of *role* are kept from the employee: too few, or not yet."""
    k = thresholds[role]
    return count < k or (held and k > 1)


def _subjects(
    appraisal: Appraisal,
    thresholds: AnonymityThresholds,
    policy: WeightingPolicy | None,
    *,
    employee: bool,
    held: bool = False,
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
            if employee and _hidden(thresholds, role, len(ratings), held=held):
                withheld.append(role)
            else:
                shown.append(_summary(role, ratings, scale, policy, below=below))
        summary = SubjectSummary(subject, scale_id, tuple(shown), tuple(withheld))
        if policy is not None and isinstance(scale, NumericScale) and scales_of[subject] == 1:
            summary = _with_overall(
                summary, appraisal, thresholds, policy, employee=employee, held=held
            )
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
    held: bool,
) -> SubjectSummary:
    weighted = policy.aggregate(appraisal, summary.subject, trace=False)
    if weighted.value is None:
        return summary
    entered = tuple(
        part.role
        for part in weighted.roles
        if part.status in _ENTERED and part.effective_weight > 0
    )
    small = [
        part.role.value
        for part in weighted.roles
        if part.role in entered and part.raters < thresholds[part.role]
    ]
    waiting = [
        part.role.value
        for part in weighted.roles
        if part.role in entered and _hidden(thresholds, part.role, part.raters, held=held)
    ]
    if small and employee:
        reason = f"it counts {', '.join(small)} with fewer raters than the anonymity threshold"
        return attrs.evolve(summary, overall_withheld=reason)
    if waiting and employee:
        reason = f"it counts {', '.join(waiting)}, shown only after the period closes"
        return attrs.evolve(summary, overall_withheld=reason)
    return attrs.evolve(summary, overall=weighted.value, overall_roles=entered)


def _notes(
    appraisal: Appraisal, thresholds: AnonymityThresholds, *, employee: bool, held: bool = False
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
        if not employee
        or not _hidden(thresholds, roles[note.author_id], counts[roles[note.author_id]], held=held)
    )
