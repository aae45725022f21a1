"""
The ratings section of the employee's report: what the anonymity view lets the employee see.

One row per rated subject and one column per rater role, holding only the aggregates
of `penilaian.policy.view_for_employee` (a role with fewer than *k* raters says so,
and before the period closes a role held until then says that instead), then the
comments, the leader's special expectations and the continuous feedback.  The note above
the table ends with the view's residual risk (`EmployeeView.residual_risk`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from penilaian._base.labels import Language
from penilaian._base.numbers import format_number
from penilaian.model.appraisal import Appraisal
from penilaian.model.raters import NumericScale, RaterRole
from penilaian.policy.anonymity import AnonymityThresholds, EmployeeView, ReleasePolicy
from penilaian.reporting._blocks import Block, Bullets, Heading, Item, Paragraph, Run, Table, runs
from penilaian.reporting._words import DASH, level_label, subject_label
from penilaian.reporting.words import WORDS

if TYPE_CHECKING:
    from collections.abc import Mapping

    from penilaian.policy.anonymity import RoleSummary, SubjectSummary

__all__ = ["RatingsSection"]


@attrs.frozen
class RatingsSection:
    """
    The ratings of one appraisal as its employee may see them, ready to lay out.

    Attributes:
        appraisal: The appraisal.
        view: Its employee's view (`penilaian.policy.view_for_employee`).
        thresholds: The anonymity threshold of each rater role.
        lang: ``"id"`` (Indonesian) or ``"en"`` (English).
    """

    appraisal: Appraisal
    view: EmployeeView
    thresholds: AnonymityThresholds
    lang: Language

    @property
    def _words(self) -> Mapping[str, str]:
        return WORDS.in_language(self.lang)

    def blocks(self) -> list[Block]:
        """Return the section: the anonymity note, the table, comments, expectations, feedback."""
        view = self.view
        words, lang, k = self._words, self.lang, self.thresholds
        note = words["anonymity"].format(
            peer=k[RaterRole.PEER], subordinate=k[RaterRole.SUBORDINATE], public=k[RaterRole.PUBLIC]
        )
        note += " " + view.residual_risk.label(lang)
        blocks: list[Block] = [Heading(2, words["ratings"]), Paragraph(runs(note), "note")]
        if view.subjects:
            blocks.append(self._table())
        else:
            blocks.append(Paragraph(runs(words["no_ratings"])))
        comments = [
            Item(runs(Run(subject_label(self.appraisal, summary.subject, lang), "strong"),
                      Run(f" ({role.role.label(lang)})", "muted"), f": {comment}"))
            for summary in view.subjects
            for role in summary.roles
            for comment in role.comments
        ]  # fmt: skip
        if comments:
            blocks += [Heading(3, words["comments"]), Bullets(tuple(comments))]
        expectations = self.appraisal.special_expectations
        if expectations:
            blocks.append(Heading(3, words["expectations"]))
            items = [
                Item(runs(Run(subject_label(self.appraisal, item.aspect_id, lang), "strong"),
                          f": {item.text}"))
                for item in expectations
            ]  # fmt: skip
            blocks.append(Bullets(tuple(items)))
        if view.feedback:
            blocks.append(Heading(3, words["feedback"]))
            notes = []
            for note_ in view.feedback:
                parts = [Run(note_.role.label(lang), "strong")]
                if note_.given_on is not None:
                    parts.append(Run(f" {note_.given_on.isoformat()}", "muted"))
                if note_.subject is not None:
                    parts.append(Run(f" ({subject_label(self.appraisal, note_.subject, lang)})"))
                notes.append(Item((*parts, Run(f": {note_.text}"))))
            blocks.append(Bullets(tuple(notes)))
        return blocks

    def _table(self) -> Table:
        """One row per subject, one column per role: the view's aggregates, nothing more."""
        words, lang, view = self._words, self.lang, self.view
        present = {role.role for summary in view.subjects for role in summary.roles}
        present |= {role for summary in view.subjects for role in summary.withheld}
        roles = [role for role in RaterRole if role in present]
        weighted = any(
            summary.overall is not None or summary.overall_withheld is not None
            for summary in view.subjects
        )
        header = (
            words["subject"],
            words["scale"],
            *(role.label(lang) for role in roles),
            *((words["weighted"],) if weighted else ()),
        )
        rows = []
        for summary in view.subjects:
            cells = {role.role: self._role_cell(role) for role in summary.roles}
            for role in summary.withheld:
                cells[role] = self._withheld(role)
            row = [
                subject_label(self.appraisal, summary.subject, lang),
                self._scale(summary.scale_id),
                *(cells.get(role, DASH) for role in roles),
            ]
            if weighted:
                row.append(self._overall(summary))
            rows.append(tuple(row))
        return Table(header, tuple(rows), frozenset({1}), compact=True)

    def _withheld(self, role: RaterRole) -> str:
        k = self.thresholds[role]
        if not self.view.released and k > 1:  # held until the close, whatever the count
            until = ReleasePolicy.AT_CLOSE.label(self.lang).lower()
            return f"{self._words['withheld_value']} ({until})"
        return self._words["withheld"].format(k=k)

    def _role_cell(self, role: RoleSummary) -> str:
        lang = self.lang
        if role.value is not None:
            value = format_number(role.value, approximate=2)
        else:
            value = ", ".join(
                level_label(level, lang) + (f" \u00d7 {count}" if role.raters > 1 else "")
                for level, count in role.levels
            )
        if role.raters > 1:
            value += " " + self._words["of_raters"].format(n=role.raters)
        return value

    def _overall(self, summary: SubjectSummary) -> str:
        if summary.overall is not None:
            return format_number(summary.overall, approximate=2)
        if summary.overall_withheld is not None:
            return self._words["weighted_withheld"]
        return DASH

    def _scale(self, scale_id: str) -> str:
        scale = self.appraisal.scale(scale_id)
        if isinstance(scale, NumericScale):
            return f"{scale.minimum}\u2013{scale.maximum}"
        return self._words["levels"].format(n=len(scale.levels))
