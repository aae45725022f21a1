"""
The cascading matrix (matriks peran hasil) of a leader, in Markdown or HTML.

`cascade_report` returns a `CascadeReport` for a
`penilaian.analysis.cascade.CascadeMatrix`: the leader, then a table with a row per
work target of the leader and a column per official whose targets intervene them,
each cell listing those targets; with a `penilaian.analysis.cascade.RollUp`, a column
of each leader target's rolled-up value (exact; a missing value is shown as missing,
never as 0), and the rule and missing-value policy used.  Targets nobody intervenes
are listed after the table.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

import attrs

from penilaian._base.labels import Language, checked_language
from penilaian._base.numbers import format_number
from penilaian._base.version import __version__
from penilaian._base.words import Words
from penilaian.analysis.cascade import CascadeMatrix, RollUp
from penilaian.exceptions import InvalidValueError
from penilaian.reporting._blocks import Block, Facts, Heading, Paragraph, Table, runs
from penilaian.reporting._page import Page
from penilaian.reporting._words import DASH

if TYPE_CHECKING:
    from collections.abc import Mapping

    from penilaian.analysis.cascade import MatrixEntry

__all__ = ["CascadeReport", "cascade_report"]

WORDS: Final = Words(
    {
        "title": ("Matriks peran hasil", "Cascading matrix"),
        "leader": ("Pimpinan", "Leader"),
        "appraisal": ("Nomor penilaian", "Appraisal"),
        "unit": ("Unit kerja", "Unit"),
        "target": ("RHK pimpinan", "Leader's work target"),
        "value": ("Nilai", "Value"),
        "rule": ("Aturan agregasi", "Roll-up rule"),
        "missing": ("Nilai kosong", "Missing values"),
        "nobody": (
            "Belum ada pegawai yang RHK-nya mengintervensi RHK pimpinan ini.",
            "No official's work target cascades from this leader yet.",
        ),
        "unlinked": (
            "RHK pimpinan yang belum diintervensi:",
            "Leader's work targets nothing cascades from yet:",
        ),
        "missing_value": ("(kosong)", "(missing)"),
        "footer": (
            "Dibuat dengan penilaian {version}. Titik sebagai pemisah desimal.",
            "Made with penilaian {version}.",
        ),
    }
)


@attrs.frozen
class CascadeReport(Page):
    """
    A leader's cascading matrix, ready to write.

    Build it with `cascade_report`; `markdown` and `html` write it, equal bytes for
    equal inputs.

    Attributes:
        matrix: The matrix (`penilaian.analysis.cascade.cascade_matrix` or `unit_matrix`).
        rolled: Rolled-up values of the same tree (`penilaian.analysis.cascade.roll_up`),
            to show beside each leader target, if any.
        lang: ``"id"`` (Indonesian) or ``"en"`` (English).

    Raises:
        InvalidValueError: *lang* is neither ``"id"`` nor ``"en"``, or *rolled* holds
            no value for a target of the matrix.
    """

    matrix: CascadeMatrix
    rolled: RollUp | None = None
    lang: Language = attrs.field(default="id", converter=checked_language)

    def __attrs_post_init__(self) -> None:
        if self.rolled is not None:
            for row in self.matrix.rows:
                if row.target.ref not in self.rolled.values:
                    reason = "holds no value for this target of the matrix"
                    raise InvalidValueError("rolled", str(row.target.ref), reason)

    @property
    def _words(self) -> Mapping[str, str]:
        return WORDS.in_language(self.lang)

    @property
    def title(self) -> str:
        """The report's title: the kind of report and the leader."""
        matrix = self.matrix
        return f"{self._words['title']}: {matrix.employee_name} ({matrix.employee_id})"

    def _footer(self) -> str:
        return self._words["footer"].format(version=__version__)

    def _blocks(self) -> tuple[Block, ...]:
        words, matrix = self._words, self.matrix
        facts = [
            (words["leader"], f"{matrix.employee_name} ({matrix.employee_id})"),
            (words["appraisal"], matrix.appraisal_id),
            (words["unit"], matrix.unit_id or DASH),
        ]
        if self.rolled is not None:
            facts.append((words["rule"], f"{self.rolled.rule.rule.text(self.lang)}"))
            facts.append((words["missing"], self.rolled.missing.label(self.lang)))
        blocks: list[Block] = [Heading(1, self.title), Facts(tuple(facts))]
        header = [words["target"]]
        if self.rolled is not None:
            header.append(words["value"])
        header += [f"{column.employee_name} ({column.employee_id})" for column in matrix.columns]
        rows = []
        for row in matrix.rows:
            cells = [_entry(row.target)]
            if self.rolled is not None:
                cells.append(self._value(self.rolled, row.target))
            cells += ["; ".join(map(_entry, cell)) or DASH for cell in row.cells]
            rows.append(tuple(cells))
        numeric = frozenset({1}) if self.rolled is not None else frozenset()
        blocks.append(Table(tuple(header), tuple(rows), numeric))
        if not matrix.columns:
            blocks.append(Paragraph(runs(words["nobody"]), "note"))
        elif matrix.unlinked_rows:
            listed = "; ".join(_entry(row.target) for row in matrix.unlinked_rows)
            blocks.append(Paragraph(runs(f"{words['unlinked']} {listed}"), "bad"))
        return tuple(blocks)

    def _value(self, rolled: RollUp, entry: MatrixEntry) -> str:
        value = rolled.value(entry.ref)
        if value is None:
            return self._words["missing_value"]
        return format_number(value, approximate=2)


def _entry(entry: MatrixEntry) -> str:
    return f"{entry.title} ({entry.ref.target_id})"


def cascade_report(
    matrix: CascadeMatrix, rolled: RollUp | None = None, *, lang: Language = "id"
) -> CascadeReport:
    """
    Return the report of a leader's cascading matrix, with rolled-up values if given.

    Raises:
        InvalidValueError: as `CascadeReport` does.
    """
    return CascadeReport(matrix, rolled, lang)
