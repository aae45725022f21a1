"""
Development plans: actions for the gaps of an appraisal result, checked against the entitlement.

`recommend` finds the gaps of a `penilaian.Result` (`penilaian.analysis.development.find_gaps`) and
turns
them into a `DevelopmentPlan` from a `penilaian.analysis.development.DevelopmentCatalogue`:
deterministic,
ordered by priority, every item naming the gap that triggered it.  The planned hours
are checked against the annual development entitlement of the employee's status:
a PNS at least 20 JP a year, a PPPK at most 24 JP per contract year (REGULATIONS.md
3.8 [MED]), someone without a NIP none.  Every rule is a field of `DevelopmentPolicy`.
"""

from __future__ import annotations

import types
from collections.abc import Mapping
from typing import TYPE_CHECKING, Final

import attrs

from penilaian._base.checks import non_empty, optional_at_least_one, optional_whole_number
from penilaian._base.labels import LabelledEnum, Language
from penilaian.analysis.development.careers import Confidence
from penilaian.analysis.development.catalogue import (
    DevelopmentAction,
    DevelopmentCatalogue,
    LearningShare,
)
from penilaian.analysis.development.catalogue_data import DEFAULT_DEVELOPMENT_CATALOGUE
from penilaian.analysis.development.gap_rules import (
    DEFAULT_GAP_POLICY,
    DevelopmentGap,
    GapPolicy,
    GapSeverity,
)
from penilaian.analysis.development.gaps import find_gaps
from penilaian.analysis.words import WORDS
from penilaian.exceptions import InvalidNumberError, InvalidValueError
from penilaian.model.nip import NipKind

if TYPE_CHECKING:
    from penilaian.model.appraisal import Appraisal
    from penilaian.scoring.result import Result

__all__ = [
    "DEFAULT_DEVELOPMENT_POLICY",
    "NO_STATUTORY_ENTITLEMENT",
    "PNS_ENTITLEMENT",
    "PPPK_ENTITLEMENT",
    "DevelopmentEntitlement",
    "DevelopmentPlan",
    "DevelopmentPolicy",
    "EntitlementCheck",
    "EntitlementOutcome",
    "PlanItem",
    "recommend",
]


class EntitlementOutcome(LabelledEnum):
    """How the hours of a plan compare with the development entitlement."""

    MET = ("met", "Terpenuhi", "Met")
    SHORTFALL = ("shortfall", "Belum terpenuhi", "Not met (shortfall)", "not met")
    EXCEEDED = ("exceeded", "Melebihi batas", "Limit exceeded")
    NOT_APPLICABLE = ("not_applicable", "Tidak berlaku", "No statutory entitlement")


@attrs.frozen
class EntitlementCheck:
    """
    A plan's hours against the entitlement of the employee's status.

    Attributes:
        status: PNS or PPPK, from the NIP; `None` without a NIP.
        entitlement: The entitlement applied.
        planned: The hours planned, in JP.
        outcome: Met, shortfall, exceeded, or not applicable.
        shortfall: JP missing to the minimum (0 when none).
        excess: JP above the maximum (0 when none).
    """

    status: NipKind | None
    entitlement: DevelopmentEntitlement
    planned: int
    outcome: EntitlementOutcome
    shortfall: int = 0
    excess: int = 0

    def describe(self, lang: Language = "id") -> str:
        """Say the check in words: the rule, the hours planned and the outcome."""
        words = WORDS.in_language(lang)
        bounds = []
        if self.entitlement.minimum is not None:
            bounds.append(f"{words['at_least']} {self.entitlement.minimum} JP")
        if self.entitlement.maximum is not None:
            bounds.append(f"{words['at_most']} {self.entitlement.maximum} JP")
        rule = ", ".join(bounds) or words["no_rule"]
        text = f"{rule}; {words['planned']} {self.planned} JP \u2192 {self.outcome.label(lang)}"
        if self.shortfall:
            text += f" ({words['short_by']} {self.shortfall} JP)"
        if self.excess:
            text += f" ({words['over_by']} {self.excess} JP)"
        return text


@attrs.frozen
class DevelopmentEntitlement:
    """
    The development hours a status gives: a minimum, a maximum, or neither.

    Attributes:
        minimum: The fewest JP a year, if any.
        maximum: The most JP a year, if any; at least *minimum*.
        basis: The regulation (and clause) it comes from.
        confidence: How sure that source is.
    """

    minimum: int | None = attrs.field(default=None, validator=optional_whole_number)
    maximum: int | None = attrs.field(default=None, validator=optional_whole_number)
    basis: str = attrs.field(default="configuration", validator=non_empty)
    confidence: Confidence = attrs.field(default=Confidence.LOW, converter=Confidence)

    def __attrs_post_init__(self) -> None:
        if self.minimum is not None and self.maximum is not None and self.maximum < self.minimum:
            reason = f"must be at least the minimum ({self.minimum})"
            raise InvalidNumberError("maximum", self.maximum, reason)

    def check(self, planned: int, status: NipKind | None = None) -> EntitlementCheck:
        """Return how *planned* JP compare with this entitlement, for an employee of *status*."""
        if self.minimum is None and self.maximum is None:
            return EntitlementCheck(status, self, planned, EntitlementOutcome.NOT_APPLICABLE)
        if self.minimum is not None and planned < self.minimum:
            shortfall = self.minimum - planned
            return EntitlementCheck(status, self, planned, EntitlementOutcome.SHORTFALL, shortfall)
        if self.maximum is not None and planned > self.maximum:
            outcome, excess = EntitlementOutcome.EXCEEDED, planned - self.maximum
            return EntitlementCheck(status, self, planned, outcome, excess=excess)
        return EntitlementCheck(status, self, planned, EntitlementOutcome.MET)


PNS_ENTITLEMENT: Final = DevelopmentEntitlement(
    minimum=20,
    basis="PP 11/2017 as amended by PP 17/2020, about Pasal 203: at least 20 JP a year "
    "(REGULATIONS.md 3.8, from memory)",
    confidence=Confidence.MEDIUM,
)
"""A PNS is entitled to (and must take) at least 20 JP of development a year [MED]."""

PPPK_ENTITLEMENT: Final = DevelopmentEntitlement(
    maximum=24,
    basis="PP 49/2018, about Pasal 39: at most 24 JP per contract year "
    "(REGULATIONS.md 3.8, from memory, not re-verified)",
    confidence=Confidence.MEDIUM,
)
"""A PPPK may take at most 24 JP per contract year [MED, from memory]."""

NO_STATUTORY_ENTITLEMENT: Final = DevelopmentEntitlement(
    basis="No NIP: the ASN regulations set no development hours for people outside them",
    confidence=Confidence.HIGH,
)
"""Without a NIP there is no statutory entitlement (configurable)."""


def _counts(value: Mapping[GapSeverity | str, int]) -> Mapping[GapSeverity, int]:
    if not isinstance(value, Mapping):
        raise InvalidValueError("actions_per_gap", value, "must map severities to counts")
    counts = {GapSeverity.parse(key, "actions_per_gap"): count for key, count in value.items()}
    for severity in GapSeverity:
        count = counts.get(severity)
        if isinstance(count, bool) or not isinstance(count, int) or count < 1:
            reason = "must give every severity a whole number of actions, 1 or more"
            raise InvalidNumberError(f"actions_per_gap[{severity.value}]", count, reason)
    return types.MappingProxyType(counts)


_DEFAULT_ACTIONS: Final = {GapSeverity.HIGH: 3, GapSeverity.MEDIUM: 2, GapSeverity.LOW: 1}


@attrs.frozen(kw_only=True)
class DevelopmentPolicy:
    """
    How gaps become a plan, and the entitlement the plan is checked against.

    Attributes:
        gaps: The thresholds that make a gap (`penilaian.analysis.development.GapPolicy`, its
            defaults).
        actions_per_gap: How many catalogue actions a gap of each severity gets
            (high 3, medium 2, low 1).
        max_hours: The most JP to plan; items past it are deferred (`None`: no cap).
        pns: The entitlement of a PNS (`PNS_ENTITLEMENT`).
        pppk: The entitlement of a PPPK (`PPPK_ENTITLEMENT`).
        without_nip: The entitlement of someone without a NIP (`NO_STATUTORY_ENTITLEMENT`).
    """

    gaps: GapPolicy = DEFAULT_GAP_POLICY
    actions_per_gap: Mapping[GapSeverity, int] = attrs.field(
        default=types.MappingProxyType(
            {GapSeverity.HIGH: 3, GapSeverity.MEDIUM: 2, GapSeverity.LOW: 1}
        ),
        converter=_counts,
        hash=False,
    )
    max_hours: int | None = attrs.field(default=None, validator=optional_at_least_one)
    pns: DevelopmentEntitlement = PNS_ENTITLEMENT
    pppk: DevelopmentEntitlement = PPPK_ENTITLEMENT
    without_nip: DevelopmentEntitlement = NO_STATUTORY_ENTITLEMENT

    def entitlement_for(self, status: NipKind | None) -> DevelopmentEntitlement:
        """Return the entitlement of an employee of *status* (PNS, PPPK, or `None`: no NIP)."""
        if status is None:
            return self.without_nip
        return self.pns if status is NipKind.PNS else self.pppk


DEFAULT_DEVELOPMENT_POLICY: Final = DevelopmentPolicy()
"""Every default of `DevelopmentPolicy`."""


@attrs.frozen
class PlanItem:
    """
    One action of a plan, with the gap that triggered it.

    Attributes:
        gap: The gap that called for the action first (in plan order).
        action: The catalogue action.
        hours: Its hours in JP.
        priority: 1 (high), 2 (medium) or 3 (low): the severity of *gap*.
        other_gaps: Later gaps that called for the same action (it is planned once).
    """

    gap: DevelopmentGap
    action: DevelopmentAction
    hours: int
    priority: int
    other_gaps: tuple[DevelopmentGap, ...] = ()

    def describe(self, lang: Language = "id") -> str:
        """Say the item in words: priority, action, kind, hours and the gap behind it."""
        action = self.action
        return (
            f"[{self.priority}] {action.title(lang)} \u2014 {action.kind.label(lang)}, "
            f"{self.hours} JP, {action.share.label(lang)}; {self.gap.describe(lang)}"
        )


@attrs.frozen
class DevelopmentPlan:
    """
    A prioritised development plan for one appraisal result.

    Attributes:
        appraisal_id: The appraisal.
        regime: The regime of the result.
        employee_id: The employee.
        result_complete: Whether the result had a grade; an incomplete one gives
            only the gaps of what it has.
        gaps: Every gap found, in plan order.
        items: The actions planned, ordered by priority, gap kind, competency,
            subject and catalogue order.
        unaddressed: Gaps whose competency has no action in the catalogue.
        deferred: Items left out by `DevelopmentPolicy.max_hours`, in order.
        entitlement: The planned hours against the employee's entitlement.
    """

    appraisal_id: str
    regime: str
    employee_id: str
    result_complete: bool
    gaps: tuple[DevelopmentGap, ...]
    items: tuple[PlanItem, ...]
    unaddressed: tuple[DevelopmentGap, ...]
    deferred: tuple[PlanItem, ...]
    entitlement: EntitlementCheck

    @property
    def planned_hours(self) -> int:
        """The JP of every planned item."""
        return sum(item.hours for item in self.items)

    def describe(self, lang: Language = "id") -> str:
        """Say the plan in words: one line per item, then what is left and the entitlement."""
        words = WORDS.in_language(lang)
        lines = [f"{words['plan']} {self.employee_id} ({self.appraisal_id}, {self.regime}):"]
        if not self.items:
            lines.append(f"  {words['no_action']}")
        lines += [f"  {item.describe(lang)}" for item in self.items]
        lines += [
            f"  ({words['not_in_catalogue']}) {gap.describe(lang)}" for gap in self.unaddressed
        ]
        lines += [f"  ({words['deferred']}) {item.describe(lang)}" for item in self.deferred]
        lines.append(f"  {words['entitlement']}: {self.entitlement.describe(lang)}")
        return "\n".join(lines)

    def hours_by_share(self) -> dict[LearningShare, int]:
        """Return the planned JP in each part of the 70-20-10 model (every part, maybe 0)."""
        hours = dict.fromkeys(LearningShare, 0)
        for item in self.items:
            hours[item.action.share] += item.hours
        return hours


def recommend(
    result: Result,
    catalogue: DevelopmentCatalogue = DEFAULT_DEVELOPMENT_CATALOGUE,
    *,
    appraisal: Appraisal,
    policy: DevelopmentPolicy = DEFAULT_DEVELOPMENT_POLICY,
) -> DevelopmentPlan:
    """
    Return a deterministic development plan for *result* from *catalogue*.

    Each gap (see `penilaian.analysis.development.find_gaps`) takes the first
    `DevelopmentPolicy.actions_per_gap`
    actions of its competency in catalogue order; an action two gaps call for is
    planned once, for the first.  Items are sorted by priority, gap kind,
    competency, subject and catalogue order; with `DevelopmentPolicy.max_hours`,
    the first item that would pass the cap and all after it are deferred.  The
    planned hours are checked against the entitlement of the employee's status.

    Raises:
        UnknownReferenceError: as `penilaian.analysis.development.find_gaps`.
    """
    gaps = find_gaps(result, appraisal, policy=policy.gaps)
    chosen: dict[str, tuple[DevelopmentGap, DevelopmentAction, list[DevelopmentGap]]] = {}
    unaddressed = []
    for gap in gaps:
        actions = catalogue.for_competency(gap.competency)
        if not actions:
            unaddressed.append(gap)
        for action in actions[: policy.actions_per_gap[gap.severity]]:
            chosen.setdefault(action.id, (gap, action, []))[2].append(gap)
    items = sorted(
        (
            PlanItem(gap, action, action.hours, gap.severity.priority, tuple(called[1:]))
            for gap, action, called in chosen.values()
        ),
        key=lambda item: (*item.gap.sort_key()[:4], catalogue.position(item.action)),
    )
    kept: list[PlanItem] = []
    deferred: list[PlanItem] = []
    total = 0
    for item in items:
        if deferred or (policy.max_hours is not None and total + item.hours > policy.max_hours):
            deferred.append(item)
        else:
            kept.append(item)
            total += item.hours
    status = appraisal.employee.status
    return DevelopmentPlan(
        appraisal_id=appraisal.id,
        regime=result.regime,
        employee_id=appraisal.employee.id,
        result_complete=result.is_complete,
        gaps=gaps,
        items=tuple(kept),
        unaddressed=tuple(unaddressed),
        deferred=tuple(deferred),
        entitlement=policy.entitlement_for(status).check(total, status),
    )
