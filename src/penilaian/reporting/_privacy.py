"""
The anonymity rules of `penilaian.policy.view_for_employee`, kept in the whole report.

The ratings section of an employee's report comes from the view itself.  Three other
parts can name ratings, and are made safe here under the same thresholds:

- **The trace** names individual ratings (it is written for the supervisor and the
  auditor).  For the employee, a role step (``weighting.role``) of a role whose
  threshold *k* exceeds 1 loses its list of individual ratings (its aggregate and
  count stay); a role with fewer than *k* raters that did not enter the value is
  left out (so is one whose effective weight is 0); and if such a role entered a
  value, or a step names the rater of a role whose *k* exceeds 1, the whole trace is
  withheld, since every figure above that value would let it be worked out by
  subtraction.
- **Gap reasons** of an incomplete result count the raters of a role
  (``peer (2 of 3 needed)``); a count below the role's *k* is replaced by
  ``fewer than k raters``.
- **Development gaps** about a subject the view holds back in part (a withheld role,
  or a withheld weighted value) show their kind and subject but not their value,
  which would mix the withheld ratings in.

Steps of rules this module does not know are shown as they are: a custom
`penilaian.typing.RatingAggregator` whose trace names ratings must keep its own steps
anonymous (name its rater in an input called ``rater``, or use the library's role steps).
"""

from __future__ import annotations

import re
from fractions import Fraction
from typing import TYPE_CHECKING, Final, Literal

import attrs

from penilaian.exceptions import UnknownLabelError
from penilaian.model.raters import RaterRole

if TYPE_CHECKING:
    from collections.abc import Mapping

    from penilaian._base.trace import Step
    from penilaian.model.appraisal import Appraisal
    from penilaian.policy.anonymity import AnonymityThresholds, EmployeeView

__all__ = ["employee_trace", "gap_reason", "held_back_subjects"]

_ROLE_STEP: Final = "weighting.role"
_WEIGHTED_STEP: Final = "weighting.roles"
_ENTERED: Final = frozenset({"rated", "public_index"})
_COUNTED: Final = re.compile(r"\b([a-z_]+) \((\d+) of (\d+) needed\)")

_Verdict = Literal["keep", "drop", "withhold"]


def _role(text: str | None) -> RaterRole | None:
    try:
        return RaterRole.parse(text or "")
    except UnknownLabelError:
        return None


def _weights(step: Step) -> dict[str, Fraction] | None:
    """The effective weight of each role of a weighted step (`None` when unreadable)."""
    written = dict(step.inputs).get("effective_weights", "")
    weights: dict[str, Fraction] = {}
    for part in written.split(", "):
        role, _, weight = part.partition(" ")
        try:
            weights[role] = Fraction(weight)
        except ValueError:
            return None
    return weights


def _entered(
    inputs: Mapping[str, str], role: RaterRole, weights: Mapping[str, Fraction] | None
) -> bool:
    """Whether a role's ratings entered its parent's weighted value (if unsure, yes)."""
    if inputs.get("status") not in _ENTERED:
        return False
    return weights is None or weights.get(role.value, Fraction(1)) != 0


def _verdict(
    step: Step,
    roles: Mapping[str, RaterRole],
    thresholds: AnonymityThresholds,
    weights: Mapping[str, Fraction] | None,
) -> _Verdict:
    """Whether a step may be shown, must be left out, or makes the whole trace unsafe."""
    inputs = dict(step.inputs)
    rater = inputs.get("rater")
    if rater is not None and rater in roles and thresholds[roles[rater]] > 1:
        return "withhold"
    if step.rule.id != _ROLE_STEP:
        return "keep"
    role = _role(inputs.get("role"))
    raters = inputs.get("raters", "")
    if role is None or (thresholds[role] > 1 and not raters.isdigit()):
        return "withhold"
    if thresholds[role] == 1 or int(raters) == 0 or int(raters) >= thresholds[role]:
        return "keep"
    return "withhold" if _entered(inputs, role, weights) else "drop"


def _children(
    step: Step, roles: Mapping[str, RaterRole], thresholds: AnonymityThresholds
) -> list[tuple[Step, _Verdict]]:
    weights = _weights(step) if step.rule.id == _WEIGHTED_STEP else None
    return [(child, _verdict(child, roles, thresholds, weights)) for child in step.children]


def _safe(step: Step, roles: Mapping[str, RaterRole], thresholds: AnonymityThresholds) -> bool:
    """Whether no step under *step* makes the trace unsafe."""
    return all(
        verdict == "drop" or (verdict == "keep" and _safe(child, roles, thresholds))
        for child, verdict in _children(step, roles, thresholds)
    )


def _redacted(step: Step, roles: Mapping[str, RaterRole], thresholds: AnonymityThresholds) -> Step:
    inputs = step.inputs
    role = _role(dict(inputs).get("role"))
    if step.rule.id == _ROLE_STEP and role is not None and thresholds[role] > 1:
        inputs = tuple((name, value) for name, value in inputs if name != "ratings")
    children = tuple(
        _redacted(child, roles, thresholds)
        for child, verdict in _children(step, roles, thresholds)
        if verdict == "keep"
    )
    return attrs.evolve(step, inputs=inputs, children=children)


def employee_trace(
    step: Step, appraisal: Appraisal, thresholds: AnonymityThresholds
) -> Step | None:
    """
    Return the trace as the person rated may see it, or `None` if it must be withheld.

    Args:
        step: The root step of a result of *appraisal*.
        appraisal: The appraisal scored.
        thresholds: The anonymity threshold per role.
    """
    roles = appraisal.rater_roles
    if _verdict(step, roles, thresholds, None) != "keep" or not _safe(step, roles, thresholds):
        return None
    return _redacted(step, roles, thresholds)


def gap_reason(reason: str, thresholds: AnonymityThresholds) -> str:
    """Return *reason* with each count of raters below its role's threshold replaced."""

    def replace(match: re.Match[str]) -> str:
        role = _role(match.group(1))
        count, needed = int(match.group(2)), match.group(3)
        if role is None or not 0 < count < thresholds[role]:
            return match.group(0)
        return f"{match.group(1)} (fewer than {thresholds[role]} raters; {needed} needed)"

    return _COUNTED.sub(replace, reason)


def held_back_subjects(view: EmployeeView) -> frozenset[str]:
    """Return the subjects of which *view* withholds a role or the weighted value."""
    return frozenset(
        summary.subject
        for summary in view.subjects
        if summary.withheld or summary.overall_withheld is not None
    )
