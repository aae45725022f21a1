"""
The report for the person appraised: how their grade came about, in Markdown or HTML.

`employee_report` returns an `EmployeeReport`; its `EmployeeReport.markdown` and
`EmployeeReport.html` write the same content: the employee, position, unit, period
and regime; the grade and score (or what is missing); the work targets with their
targets, realisations and achievements; the ratings by role, as
`penilaian.policy.view_for_employee` lets the employee see them; the trace, to redo the sums;
and the development plan when one is given.  Indonesian by default, English on request.

Anonymity is kept throughout (see `penilaian.reporting._privacy`): peers,
subordinates and service users appear only as aggregates of at least *k* raters, and
no figure lets a withheld role be worked out by subtraction.  A missing realisation
is written "belum dilaporkan" ("not reported"), never 0.  Equal inputs give equal
bytes: nothing depends on the clock, the locale or the order of a set.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Final

import attrs

from penilaian._base.labels import Language, checked_language
from penilaian._base.trace import Step, show
from penilaian._base.version import __version__
from penilaian.analysis.development.plan import DevelopmentPlan, EntitlementOutcome
from penilaian.exceptions import UnknownReferenceError
from penilaian.model.appraisal import Appraisal
from penilaian.policy.anonymity import DEFAULT_ANONYMITY, AnonymityThresholds, view_for_employee
from penilaian.policy.weighting import WeightingPolicy
from penilaian.reporting._blocks import (
    Block,
    Bullets,
    Facts,
    Heading,
    Item,
    Paragraph,
    Run,
    Table,
    Tone,
    runs,
)
from penilaian.reporting._page import Page
from penilaian.reporting._privacy import (
    employee_trace,
    gap_reason,
    held_back_subjects,
    held_until_close,
)
from penilaian.reporting._ratings import RatingsSection
from penilaian.reporting._words import DASH, regime_label, subject_label, value_label
from penilaian.reporting.words import WORDS
from penilaian.scoring.result import Result

if TYPE_CHECKING:
    from collections.abc import Mapping

    from penilaian.analysis.development.gap_rules import DevelopmentGap
    from penilaian.model.targets import Indicator, WorkTarget
    from penilaian.policy.anonymity import EmployeeView

__all__ = ["EmployeeReport", "employee_report"]

_RATING_KEYS: Final = frozenset({"work_results", "behaviour", "unit_grade", "skp", "weighting"})
_WEIGHTINGS: Final = frozenset({"without_peer_input", "with_peer_input"})
# The yearly minimum (at least 20 JP for a PNS, PP 11/2017 as amended, [MED]) is the
# employee's entitlement, which the instansi provides: hours a gap-driven plan leaves
# unplanned are information for the plan, not a finding about the person.  Only a plan
# over a cap (24 JP for a PPPK) is an alarm.
_OUTCOME_TONES: dict[EntitlementOutcome, Tone] = {
    EntitlementOutcome.MET: "good",
    EntitlementOutcome.SHORTFALL: "note",
    EntitlementOutcome.EXCEEDED: "bad",
    EntitlementOutcome.NOT_APPLICABLE: "muted",
}


@attrs.frozen
class EmployeeReport(Page):
    """
    One employee's appraisal, result and plan, ready to be written for the employee.

    Build it with `employee_report`.  It holds its inputs only; each call of
    `markdown` or `html` writes the report anew, with equal bytes for equal inputs.

    Attributes:
        appraisal: The appraisal.
        result: Its result, under any regime.
        lang: ``"id"`` (Indonesian) or ``"en"`` (English).
        plan: The development plan for *result*, if any.
        thresholds: The anonymity threshold of each rater role.
        policy: The weighting policy, to show each subject's weighted value (when no
            withheld role entered it).
        show_trace: Whether to include the trace.
        unit_name: The unit's name, written instead of the position's unit id.
        as_of: The day the report is for (`penilaian.policy.view_for_employee`): before
            the period closes, a result that draws on peers', subordinates' or the
            public's ratings shows no grade, score or trace yet.  `None`: today (UTC),
            so give it to make the report a function of its inputs.

    Raises:
        InvalidValueError: *lang* is neither ``"id"`` nor ``"en"``.
        UnknownReferenceError: *result* or *plan* belongs to another appraisal.
    """

    appraisal: Appraisal
    result: Result
    lang: Language = attrs.field(default="id", converter=checked_language)
    plan: DevelopmentPlan | None = None
    thresholds: AnonymityThresholds = DEFAULT_ANONYMITY
    policy: WeightingPolicy | None = None
    show_trace: bool = True
    unit_name: str | None = None
    as_of: date | None = None

    def __attrs_post_init__(self) -> None:
        expected = self.appraisal.id
        for field, found in (("result", self.result), ("plan", self.plan)):
            if found is not None and found.appraisal_id != expected:
                reason = f"belongs to appraisal {found.appraisal_id!r}, not {expected!r}"
                raise UnknownReferenceError(f"{field}.appraisal_id", found.appraisal_id, reason)

    @property
    def _words(self) -> Mapping[str, str]:
        return WORDS.in_language(self.lang)

    @property
    def title(self) -> str:
        """The report's title: the kind of report, the employee and the period."""
        appraisal = self.appraisal
        period = appraisal.period.label(self.lang)
        return f"{self._words['title']}: {appraisal.employee.name}, {period}"

    def _footer(self) -> str:
        return self._words["footer"].format(version=__version__)

    def _view(self) -> EmployeeView:
        return view_for_employee(
            self.appraisal, self.thresholds, policy=self.policy, as_of=self.as_of
        )

    def _blocks(self) -> tuple[Block, ...]:
        view = self._view()
        held = held_until_close(self.result.trace, self.appraisal, view, self.thresholds)
        return (
            *self._header(),
            *(self._held() if held else self._grade()),
            *self._targets(),
            *RatingsSection(self.appraisal, view, self.thresholds, self.lang).blocks(),
            *(self._trace(view.released) if self.show_trace and not held else ()),
            *(self._plan(self.plan, view) if self.plan is not None and not held else ()),
        )

    def _held(self) -> list[Block]:
        words = self._words
        return [Heading(2, words["result"]), Paragraph(runs(words["held_until_close"]), "note")]

    # -- sections ---------------------------------------------------------------------

    def _header(self) -> list[Block]:
        words, lang = self._words, self.lang
        employee, position = self.appraisal.employee, self.appraisal.position
        managerial = words["managerial" if position.kind.is_managerial else "non_managerial"]
        status = employee.status
        return [
            Heading(1, f"{words['title']}: {employee.name}"),
            Facts(
                (
                    (words["employee"], employee.name),
                    (words["nip"], employee.nip.spaced if employee.nip else words["no_nip"]),
                    (words["status"], status.label(lang) if status else DASH),
                    (
                        words["position"],
                        f"{position.title} ({position.kind.label(lang)}, {managerial})",
                    ),
                    (words["unit"], self.unit_name or position.unit_id or DASH),
                    (words["period"], self.appraisal.period.label(lang)),
                    (words["regime"], regime_label(self.result.regime, lang)),
                    (words["appraisal"], self.appraisal.id),
                )
            ),
        ]

    def _grade(self) -> list[Block]:
        words, lang, result = self._words, self.lang, self.result
        blocks: list[Block] = [Heading(2, words["result"])]
        if result.grade is not None:
            grade = Run(result.grade.label(lang, regime=result.regime), "strong")
            blocks.append(Paragraph(runs(f"{words['grade']}: ", grade), "good"))
        rows = [(words["score"], str(result.score))] if result.score is not None else []
        rows += [
            (words[key] if key in _RATING_KEYS else key,
             words[value] if value in _WEIGHTINGS else value_label(value, lang))
            for key, value in result.ratings.items()
            if "[" not in key and key != "band"  # the band is the grade
        ]  # fmt: skip
        if rows:
            blocks.append(Facts(tuple(rows)))
        if result.gaps:
            blocks.append(Paragraph(runs(words["incomplete_result"]), "bad"))
            items = [
                Item(runs(gap_reason(gap.reason, self.thresholds), Run(f" ({gap.path})", "muted")))
                for gap in result.gaps
            ]
            blocks.append(Bullets(tuple(items)))
        if result.notes:
            blocks.append(Paragraph(runs(words["result_notes"]), "note"))
            notes = [
                Item(runs(note.text(lang), Run(f" ({note.path})", "muted")))
                for note in result.notes
            ]
            blocks.append(Bullets(tuple(notes)))
        return blocks

    def _targets(self) -> list[Block]:
        words, lang, figures = self._words, self.lang, self.result.figures
        pairs = list(self.appraisal.indicators())
        shown = [
            kind
            for kind in ("achievement", "iki_value", "iki_points", "aspect_value")
            if any(_figure_key(kind, target, indicator) in figures for target, indicator in pairs)
        ]
        header = (words["indicator"], words["aspect"], words["target"], words["realisation"])
        columns = (*header, *(words[kind] for kind in shown))
        numeric = frozenset(range(len(header), len(columns)))
        blocks: list[Block] = [Heading(2, words["targets"])]
        for target in self.appraisal.targets:
            blocks.append(Heading(3, f"{target.id} {target.title} ({target.kind.label(lang)})"))
            rows: list[tuple[str, ...]] = []
            tones: list[Tone] = []
            for indicator in target.indicators:
                found = [figures.get(_figure_key(kind, target, indicator)) for kind in shown]
                cells = (DASH if value is None else str(value) for value in found)
                rows.append((*self._indicator(indicator), *cells))
                tones.append("note" if indicator.realisation is None else "plain")
            blocks.append(Table(columns, tuple(rows), numeric, tuple(tones)))
        if self.appraisal.innovations:
            blocks.append(Heading(3, words["innovations"]))
            items = [
                Item(runs(f"{item.description} ", Run(f"({item.scope.label(lang)})", "muted")))
                for item in self.appraisal.innovations
            ]
            blocks.append(Bullets(tuple(items)))
        return blocks

    def _indicator(self, indicator: Indicator) -> tuple[str, str, str, str]:
        lang = self.lang
        unit = f" {indicator.unit}" if indicator.unit else ""
        realised = indicator.realisation
        if realised is None:
            achieved = self._words["missing"]
        elif realised.value is not None:
            achieved = f"{realised.value}{unit}"
        else:
            achieved = f"\u201c{realised.description}\u201d"
        aspect = f"{indicator.aspect.label(lang)}, {indicator.direction.label(lang).lower()}"
        return (
            f"{indicator.id} {indicator.description}",
            aspect,
            f"{indicator.target.text}{unit}",
            achieved,
        )

    def _trace(self, released: bool) -> list[Block]:
        words = self._words
        blocks: list[Block] = [Heading(2, words["trace"])]
        if self.result.trace is None:
            return [*blocks, Paragraph(runs(words["trace_none"]), "muted")]
        shown = employee_trace(self.result.trace, self.appraisal, self.thresholds,
                               released=released)  # fmt: skip
        if shown is None:
            return [*blocks, Paragraph(runs(words["trace_withheld"]), "note")]
        intro = Paragraph(runs(Run(words["trace_intro"], "muted")))
        return [*blocks, intro, Bullets((self._step(shown),), "trace")]

    def _step(self, step: Step) -> Item:
        parts = [Run(step.rule.text(self.lang)), Run(f" [{step.rule.clause}]", "muted")]
        if step.subject:
            parts.append(Run(f" ({step.subject})"))
        parts.append(Run(": "))
        if step.inputs:
            given = ", ".join(f"{name} = {value}" for name, value in step.inputs)
            parts += [Run(given, "code"), Run(" \u2192 ")]
        parts.append(Run(step.output, "strong"))
        return Item(tuple(parts), tuple(self._step(child) for child in step.children))

    def _plan(self, plan: DevelopmentPlan, view: EmployeeView) -> list[Block]:
        words, lang = self._words, self.lang
        held_back = held_back_subjects(view)
        blocks: list[Block] = [Heading(2, words["plan"])]
        if not plan.result_complete:
            blocks.append(Paragraph(runs(words["plan_incomplete"]), "note"))
        if plan.items:
            header: tuple[str, ...] = (words["priority"], words["action"], words["kind"])
            header += (words["hours"], words["learning_share"], words["gap"])
            rows = tuple(
                (
                    str(item.priority),
                    item.action.title(lang),
                    item.action.kind.label(lang),
                    str(item.hours),
                    item.action.share.label(lang),
                    self._gap(item.gap, held_back),
                )
                for item in plan.items
            )
            blocks.append(Table(header, rows, frozenset({0, 3})))
        else:
            blocks.append(Paragraph(runs(words["no_action"])))
        if plan.unaddressed:
            blocks.append(Heading(3, words["unaddressed"]))
            gaps = (Item(runs(self._gap(gap, held_back))) for gap in plan.unaddressed)
            blocks.append(Bullets(tuple(gaps)))
        if plan.deferred:
            blocks.append(Heading(3, words["deferred"]))
            deferred = (
                Item(
                    runs(
                        f"{item.action.title(lang)} ({item.hours} JP): ",
                        self._gap(item.gap, held_back),
                    )
                )
                for item in plan.deferred
            )
            blocks.append(Bullets(tuple(deferred)))
        check = plan.entitlement
        entitlement = runs(Run(f"{words['entitlement']}: ", "strong"), check.describe(lang))
        blocks.append(Paragraph(entitlement, _OUTCOME_TONES[check.outcome]))
        if check.outcome is EntitlementOutcome.SHORTFALL and not plan.gaps:
            blocks.append(Paragraph(runs(words["entitlement_info"]), "note"))
        return blocks

    def _gap(self, gap: DevelopmentGap, held_back: frozenset[str]) -> str:
        evidence = gap.evidence
        if gap.subject in held_back:
            value = self._words["withheld_value"]
        else:
            value = evidence.value if isinstance(evidence.value, str) else show(evidence.value)
        subject = subject_label(self.appraisal, gap.subject, self.lang)
        return (
            f"{gap.kind.label(self.lang)}: {subject} "
            f"({evidence.key} = {value}; {evidence.threshold})"
        )


def _figure_key(kind: str, target: WorkTarget, indicator: Indicator) -> str:
    """The key of an indicator's figure: achievement, value, category points or aspect value."""
    if kind == "achievement":
        return f"indicator[{indicator.id}].achievement"
    if kind == "iki_value":
        return f"indicator[{indicator.id}].value"
    if kind == "iki_points":
        return f"indicator[{indicator.id}].points"
    return f"activity[{target.id}].{indicator.aspect.value}"


def employee_report(
    appraisal: Appraisal,
    result: Result,
    *,
    lang: Language = "id",
    plan: DevelopmentPlan | None = None,
    thresholds: AnonymityThresholds = DEFAULT_ANONYMITY,
    policy: WeightingPolicy | None = None,
    show_trace: bool = True,
    unit_name: str | None = None,
    as_of: date | None = None,
) -> EmployeeReport:
    """
    Prepare the report of *appraisal* and its *result* for the person appraised.

    >>> from penilaian import Permen6Regime, load_sample
    >>> sample = load_sample()
    >>> report = employee_report(sample, Permen6Regime().score(sample), lang="en")
    >>> report.markdown().splitlines()[0]
    '# Performance appraisal report: Rina Wulandari, S.E.'

    Args:
        appraisal: The appraisal.
        result: Its result, under any regime.
        lang: ``"id"`` (Indonesian, the default) or ``"en"`` (English).
        plan: The development plan (`penilaian.recommend`), to include it.
        thresholds: The anonymity threshold of each rater role (default: 1 for self
            and supervisors, 3 for peers, subordinates and the public).
        policy: The weighting policy, to show each subject's weighted value.
        show_trace: Whether to include the trace (default yes).
        unit_name: The unit's name, written instead of the position's unit id.
        as_of: The day the report is for (default today, UTC); before the period
            closes, a result that draws on peers', subordinates' or the public's
            ratings shows no grade, score or trace yet (`penilaian.policy.ReleasePolicy`).

    Returns:
        The report; write it with `EmployeeReport.markdown` or `EmployeeReport.html`.

    Raises:
        InvalidValueError: *lang* is neither ``"id"`` nor ``"en"``.
        UnknownReferenceError: *result* or *plan* belongs to another appraisal.
        ScoringInputError: *policy* cannot aggregate a subject of *appraisal*.
    """
    report = EmployeeReport(
        appraisal, result, lang, plan, thresholds, policy, show_trace, unit_name, as_of
    )
    report._view()  # fail here, not when writing  # noqa: SLF001 - its own class
    return report
