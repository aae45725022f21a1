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
- **Before the period closes** (a view that is not `EmployeeView.released`), a role
  whose *k* exceeds 1 that has raters is held like a role below its threshold: left out
  of the trace if it did not enter the value, else the whole trace is withheld (the
  employee report then withholds the grade and score too), since two versions a rating
  apart would reveal it by subtraction.
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
from penilaian.policy.anonymity import AnonymityThresholds

if TYPE_CHECKING:
    from collections.abc import Mapping

    from penilaian._base.trace import Step
    from penilaian.model.appraisal import Appraisal
    from penilaian.policy.anonymity import EmployeeView

__all__ = ["employee_trace", "gap_reason", "held_back_subjects", "held_until_close"]

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


@attrs.frozen
class _Rules:
    """The anonymity rules a trace is read under: the thresholds, and the view's release."""

    thresholds: AnonymityThresholds
    released: bool

    def shown(self, role: RaterRole, raters: int) -> bool:
        """Whether a role step of *raters* raters may be shown as it is."""
        k = self.thresholds[role]
        return k == 1 or raters == 0 or (raters >= k and self.released)


def _verdict(
    step: Step,
    roles: Mapping[str, RaterRole],
    rules: _Rules,
    weights: Mapping[str, Fraction] | None,
) -> _Verdict:
    """Whether a step may be shown, must be left out, or makes the whole trace unsafe."""
    thresholds = rules.thresholds
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
    if thresholds[role] == 1 or rules.shown(role, int(raters)):  # k = 1: no count needed
        return "keep"
    return "withhold" if _entered(inputs, role, weights) else "drop"


def _children(
    step: Step, roles: Mapping[str, RaterRole], rules: _Rules
) -> list[tuple[Step, _Verdict]]:
    weights = _weights(step) if step.rule.id == _WEIGHTED_STEP else None
    return [(child, _verdict(child, roles, rules, weights)) for child in step.children]


def _safe(step: Step, roles: Mapping[str, RaterRole], rules: _Rules) -> bool:
    """Whether no step under *step* makes the trace unsafe."""
    return all(
        verdict == "drop" or (verdict == "keep" and _safe(child, roles, rules))
        for child, verdict in _children(step, roles, rules)
    )


def _redacted(step: Step, roles: Mapping[str, RaterRole], rules: _Rules) -> Step:
    inputs = step.inputs
    role = _role(dict(inputs).get("role"))
    if step.rule.id == _ROLE_STEP and role is not None and rules.thresholds[role] > 1:
        inputs = tuple((name, value) for name, value in inputs if name != "ratings")
    children = tuple(
        _redacted(child, roles, rules)
        for child, verdict in _children(step, roles, rules)
        if verdict == "keep"
    )
    return attrs.evolve(step, inputs=inputs, children=children)


def employee_trace(
    step: Step, appraisal: Appraisal, thresholds: AnonymityThresholds, *, released: bool = True
) -> Step | None:
    """
    Return the trace as the person rated may see it, or `None` if it must be withheld.

    Args:
        step: The root step of a result of *appraisal*.
        appraisal: The appraisal scored.
        thresholds: The anonymity threshold per role.
        released: Whether the view of the day releases roles whose threshold exceeds 1
            (`EmployeeView.released`); before that, such a role with raters is held.
    """
    roles = appraisal.rater_roles
    rules = _Rules(thresholds, released)
    if _verdict(step, roles, rules, None) != "keep" or not _safe(step, roles, rules):
        return None
    return _redacted(step, roles, rules)


def held_until_close(result_trace: Step | None, appraisal: Appraisal, view: EmployeeView,
                     thresholds: AnonymityThresholds) -> bool:  # fmt: skip
    """
    Whether a result must wait for the period's close before its grade is shown.

    True when *view* is not yet released and the result draws on a role whose
    threshold exceeds 1: its trace is safe once released but not before; or, with no
    trace to tell, such a role has rated at all.
    """
    if view.released:
        return False
    if result_trace is None:
        roles = appraisal.rater_roles
        return any(thresholds[roles[rating.rater_id]] > 1 for rating in appraisal.ratings)
    before = employee_trace(result_trace, appraisal, thresholds, released=False)
    after = employee_trace(result_trace, appraisal, thresholds, released=True)
    return before is None and after is not None


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
