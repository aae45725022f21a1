"""
The unit summary: a unit's grades against its distribution curve, in Markdown or HTML.

`unit_report` returns a `UnitReport` for a `penilaian.analysis.curve.CurveCheck` (and, if given, a
`penilaian.analysis.curve.Calibration` proposed for it).  It shows the unit and its grade, the
distribution of grades, each rule of the curve with its quota, how the quota was
found, the count and the status (a rule the unit is too small for is marked as not
enforced, never as violated), a bar chart of the count per grade with the quota
marks (inline SVG in HTML, text in Markdown), and the calibration proposal: each
change with its reason, and the unit's check after the changes.  Given a
`penilaian.analysis.completeness.CycleCompleteness`, it adds a section on who still
lacks what, with the counts per kind.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Final

import attrs

from penilaian._base.labels import Language, checked_language
from penilaian._base.version import __version__
from penilaian.analysis.completeness import CycleCompleteness, MissingKind
from penilaian.analysis.curve.calibration import Calibration
from penilaian.analysis.curve.check import CurveCheck
from penilaian.analysis.curve.rules import CurveBound, RuleStatus, grade_name
from penilaian.exceptions import InvalidValueError
from penilaian.reporting._blocks import (
    Block,
    Bullets,
    Chart,
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
from penilaian.reporting._svg import Bar, Mark, MarkKind, bar_chart, text_chart
from penilaian.reporting._words import DASH, percent_of
from penilaian.reporting.words import WORDS

if TYPE_CHECKING:
    from penilaian.analysis.curve.calibration import GradeChange
    from penilaian.analysis.curve.check import RuleCheck

__all__ = ["UnitReport", "unit_report"]

_TONES: Final[dict[RuleStatus, Tone]] = {
    RuleStatus.MET: "good",
    RuleStatus.VIOLATED: "bad",
    RuleStatus.TOO_SMALL: "muted",
}
_SYMBOLS: Final = {CurveBound.AT_MOST: "\u2264", CurveBound.AT_LEAST: "\u2265"}


def _names(value: Mapping[str, str] | None) -> Mapping[str, str]:
    """Attrs converter: employee names by id, as a read-only copy."""
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise InvalidValueError("names", value, "must map employee ids to names")
    return dict(value)


def _pairs(value: Iterable[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    """Attrs converter: the set-aside appraisals as ``(who, why)`` pairs of text."""
    pairs = tuple(tuple(pair) for pair in value)
    if not all(len(pair) == 2 and all(isinstance(text, str) for text in pair) for pair in pairs):
        raise InvalidValueError("set_aside", value, "must be (who, why) pairs of text")
    return pairs  # type: ignore[return-value]  # checked above: pairs of two texts


@attrs.frozen
class UnitReport(Page):
    """
    A unit's check against its distribution curve, and a calibration proposal, ready to write.

    Build it with `unit_report`; `markdown` and `html` write it, equal bytes for
    equal inputs.

    Attributes:
        check: The unit's check (`penilaian.analysis.curve.check_curve` or
            `UnitAppraisals.check_curve`).
        calibration: A proposal for *check* (`penilaian.propose_calibration`), if any.
        lang: ``"id"`` (Indonesian) or ``"en"`` (English).
        unit_name: The unit's name, written beside its id.
        names: Employee names by id, written beside the ids of a proposal's changes.
        completeness: What the unit's people still lack, for a section listing it.
        set_aside: Each appraisal left out of the check (it could not be scored or
            graded) as ``(who, why)``, for a section naming them: a person is never
            dropped from the unit's report without a word.

    Raises:
        InvalidValueError: *lang* is neither ``"id"`` nor ``"en"``, *calibration*
            was proposed for another check, or *completeness* is not a
            `penilaian.analysis.completeness.CycleCompleteness`.
    """

    check: CurveCheck
    calibration: Calibration | None = None
    lang: Language = attrs.field(default="id", converter=checked_language)
    unit_name: str | None = None
    names: Mapping[str, str] = attrs.field(factory=dict, converter=_names, hash=False)
    completeness: CycleCompleteness | None = None
    set_aside: tuple[tuple[str, str], ...] = attrs.field(default=(), converter=_pairs)

    def __attrs_post_init__(self) -> None:
        if self.completeness is not None and not isinstance(self.completeness, CycleCompleteness):
            reason = "must be a CycleCompleteness (penilaian.analysis.completeness)"
            raise InvalidValueError("completeness", self.completeness, reason)
        if self.calibration is not None and self.calibration.before != self.check:
            unit = self.calibration.before.unit_id
            reason = f"is a proposal for another check (unit {unit!r}) than the one reported"
            raise InvalidValueError("calibration", unit, reason)

    @property
    def _words(self) -> Mapping[str, str]:
        return WORDS.in_language(self.lang)

    @property
    def title(self) -> str:
        """The report's title: the kind of report and the unit."""
        return f"{self._words['curve_title']}: {self._unit()}"

    def _footer(self) -> str:
        return self._words["footer_unit"].format(version=__version__)

    def _unit(self) -> str:
        unit_id = self.check.unit_id
        return f"{self.unit_name} ({unit_id})" if self.unit_name else unit_id

    def _blocks(self) -> tuple[Block, ...]:
        words, check = self._words, self.check
        blocks: list[Block] = [Heading(1, self.title), self._facts(check)]
        blocks += self._check(check, words["distribution"])
        if self.calibration is not None:
            blocks += self._calibration(self.calibration)
        if self.completeness is not None:
            blocks += self._completeness(self.completeness)
        if self.set_aside:
            blocks.append(Heading(2, words["set_aside"]))
            blocks.append(Paragraph(runs(words["set_aside_note"]), "bad"))
            items = (Item(runs(Run(f"{who}: ", "strong"), why)) for who, why in self.set_aside)
            blocks.append(Bullets(tuple(items)))
        return tuple(blocks)

    def _completeness(self, cycle: CycleCompleteness) -> list[Block]:
        words, lang = self._words, self.lang
        summary = words["completeness.summary"].format(
            incomplete=len(cycle.incomplete), people=len(cycle.people)
        )
        blocks: list[Block] = [Heading(2, words["completeness.title"])]
        blocks.append(Paragraph(runs(summary), "good" if cycle.is_complete else "bad"))
        if cycle.is_complete:
            return blocks
        kinds = [kind for kind in MissingKind if kind in cycle.counts]
        counts = tuple((kind.label(lang), str(cycle.counts[kind])) for kind in kinds)
        header: tuple[str, ...] = (words["completeness.kind"], words["count"])
        blocks.append(Table(header, counts, frozenset({1}), compact=True))
        blocks.append(Heading(3, words["completeness.missing"]))
        header = (words["employee"], words["completeness.kind"], words["completeness.subject"])
        header += (words["completeness.path"], words["completeness.found"])
        header += (words["completeness.needed"],)
        rows: tuple[tuple[str, ...], ...] = tuple(
            (
                self._who(person.employee_id),
                item.kind.label(lang),
                item.subject or DASH,
                item.path,
                str(item.found),
                str(item.needed),
            )
            for person in cycle.incomplete
            for item in person.missing
        )
        blocks.append(Table(header, rows, frozenset({4, 5})))
        return blocks

    def _who(self, employee_id: str) -> str:
        name = self.names.get(employee_id)
        return f"{name} ({employee_id})" if name else employee_id

    def _facts(self, check: CurveCheck) -> Facts:
        words, lang = self._words, self.lang
        convention = check.convention
        rounding = words["convention_text"].format(
            maximum=words[convention.maximum],
            minimum=words[convention.minimum],
            must_include=convention.must_include,
        )
        return Facts(
            (
                (words["unit"], self._unit()),
                (words["unit_grade"], check.unit_grade.label(lang)),
                (words["headcount"], str(len(check.employees))),
                (words["curve"], f"{check.curve.id} ({check.curve.clause})"),
                (words["convention"], rounding),
                (words["compliant"], words["yes" if check.compliant else "no"]),
            )
        )

    def _check(self, check: CurveCheck, heading: str) -> list[Block]:
        words, lang = self._words, self.lang
        headcount = len(check.employees)
        counts = check.counts
        distribution = Table(
            (words["grade"], words["count"], words["percentage"]),
            tuple(
                (grade_name(grade, lang), str(count), percent_of(count, headcount))
                for grade, count in counts.items()
            ),
            frozenset({1, 2}),
            compact=True,
        )
        rules = Table(
            (
                words["rule"],
                words["quota_found"],
                words["quota"],
                words["count"],
                words["status_col"],
            ),
            tuple(self._rule_row(rule) for rule in check.rules),
            frozenset({2, 3}),
            tuple(_TONES[rule.status] for rule in check.rules),
        )
        return [
            Heading(2, heading),
            distribution,
            self._chart(check),
            Heading(3, words["rules"]),
            rules,
        ]

    def _rule_row(self, rule: RuleCheck) -> tuple[str, ...]:
        words, lang = self._words, self.lang
        found = DASH if rule.quota_found is None else rule.quota_found
        status = rule.status.label(lang)
        if rule.status is RuleStatus.TOO_SMALL:
            status = f"{status} ({words['too_small']})"
        return (rule.rule.describe(lang), found, str(rule.quota), str(rule.count), status)

    def _chart(self, check: CurveCheck) -> Chart:
        words, lang = self._words, self.lang
        grades = check.curve.grades
        failing = {
            grade for rule in check.rules if rule.status is RuleStatus.VIOLATED
            for grade in rule.rule.grades
        }  # fmt: skip
        bars = [
            Bar(grade_name(grade, lang), count, grade in failing)
            for grade, count in check.counts.items()
        ]
        marks = []
        for rule in check.rules:
            indexes = tuple(sorted(grades.index(grade) for grade in rule.rule.grades))
            kind: MarkKind = "at_most" if rule.rule.bound is CurveBound.AT_MOST else "at_least"
            symbol = _SYMBOLS.get(rule.rule.bound, "\u2265")
            label = f"{symbol} {rule.quota}"
            if len(indexes) > 1:
                label += f" ({words['count'].lower()} {rule.count})"
            if not rule.enforced:
                kind, label = "not_enforced", f"{label} ({words['too_small']})"
            marks.append(Mark(indexes, rule.quota, kind, label))
        legend = (
            CurveBound.AT_MOST.label(lang),
            CurveBound.AT_LEAST.label(lang),
            words["too_small"],
        )
        title = words["chart_title"]
        svg = bar_chart(bars, marks, title=title, legend=legend)
        return Chart(svg, text_chart(bars, marks), title)

    def _calibration(self, calibration: Calibration) -> list[Block]:
        words = self._words
        blocks: list[Block] = [Heading(2, words["calibration"])]
        blocks.append(Paragraph(runs(words["calibration_note"]), "note"))
        if calibration.changes:
            blocks.append(Paragraph(runs(words["calibration_ties"]), "note"))
        if not calibration.changes:
            key = "no_change" if calibration.before.compliant else "unreachable"
            blocks.append(Paragraph(runs(words[key]), "good" if key == "no_change" else "bad"))
            return blocks
        header: tuple[str, ...] = (words["employee"], words["change_grade"], words["work_rating"])
        header += (words["behaviour_rating"], words["reason"])
        rows = tuple(self._change_row(change) for change in calibration.changes)
        blocks.append(Table(header, rows))
        reached = calibration.reaches_compliance
        outcome = Paragraph(
            runs(words["reaches" if reached else "not_reached"]), "good" if reached else "bad"
        )
        blocks.append(outcome)
        blocks += self._check(calibration.after, words["after"])
        return blocks

    def _change_row(self, change: GradeChange) -> tuple[str, ...]:
        lang = self.lang
        name = self.names.get(change.employee_id)
        who = f"{name} ({change.employee_id})" if name else change.employee_id
        work, behaviour = (
            f"{old.label(lang)} \u2192 {new.label(lang)}" if old is not new else old.label(lang)
            for old, new in zip(change.ratings_before, change.ratings_after, strict=True)
        )
        grade = f"{grade_name(change.before, lang)} \u2192 {grade_name(change.after, lang)}"
        return (who, grade, work, behaviour, change.reason(lang))


def unit_report(
    check: CurveCheck,
    *,
    calibration: Calibration | None = None,
    lang: Language = "id",
    unit_name: str | None = None,
    names: Mapping[str, str] | None = None,
    completeness: CycleCompleteness | None = None,
    set_aside: Iterable[tuple[str, str]] = (),
) -> UnitReport:
    """
    Prepare the summary of a unit's grades against its distribution curve.

    >>> from penilaian import load_sample_unit
    >>> report = unit_report(load_sample_unit().check_curve(), lang="en")
    >>> report.markdown().splitlines()[0]
    '# Unit grade distribution against the curve: bkpsdm-bidang-pengembangan'

    Args:
        check: The unit's check.
        calibration: A calibration proposed for *check*, to include it.
        lang: ``"id"`` (Indonesian, the default) or ``"en"`` (English).
        unit_name: The unit's name, written beside its id.
        names: Employee names by id, written beside the ids of the proposed changes.
        completeness: What the unit's people still lack
            (`penilaian.analysis.completeness.check_completeness`), to add a section
            listing who lacks what, with the counts per kind.
        set_aside: Each appraisal left out of *check* as ``(who, why)`` (one that
            could not be scored or graded), for a section naming them.

    Returns:
        The report; write it with `UnitReport.markdown` or `UnitReport.html`.

    Raises:
        InvalidValueError: *lang* is neither ``"id"`` nor ``"en"``, *names* is not a
            mapping, *calibration* was proposed for another check, or
            *completeness* is not a `penilaian.analysis.completeness.CycleCompleteness`.
    """
    return UnitReport(
        check, calibration, lang, unit_name, _names(names), completeness, _pairs(set_aside)
    )
