"""The cascading-matrix report, in Markdown and HTML."""

from __future__ import annotations

import pytest
from reporting_checks import check_page, markdown_cells, text_of

from penilaian.analysis.cascade import build_tree, cascade_matrix, roll_up
from penilaian.exceptions import InvalidValueError
from penilaian.model import (
    BERAKHLAK,
    Appraisal,
    Employee,
    Indicator,
    Period,
    PointTarget,
    Position,
    Rater,
    WorkTarget,
)
from penilaian.reporting.cascade import CascadeReport, cascade_report

YEAR = Period.year(2024)


def _target(tid, parent=None, title=None):
    indicator = Indicator(f"{tid}-i", "Jumlah", "quantity", PointTarget(10))
    return WorkTarget(tid, title or f"Judul {tid}", (indicator,), cascades_from=parent)


def _appraisal(aid, employee, targets, boss=None):
    raters = () if boss is None else (Rater("atasan", "supervisor", boss),)
    position = Position("Jabatan", "executor", "bidang")
    return Appraisal(
        aid, Employee(employee, f"Nama {employee}"), position, YEAR, BERAKHLAK, targets, raters
    )


def tree():
    return build_tree(
        [
            _appraisal(
                "a-kabid", "kabid", [_target("k1", title="Laporan <b>&</b>"), _target("k2")]
            ),
            _appraisal("a-1", "s1", [_target("s1", "k1"), _target("s2", "k1")], "kabid"),
            _appraisal("a-2", "s2", [_target("s1", "k1")], "kabid"),
        ]
    )


class TestCascadeReport:
    """Rows per leader target, columns per official; values exact; escaping once."""

    def test_markdown_table(self):
        """The Markdown table has a row per leader target and a column per official."""
        rolled = roll_up(tree(), {"a-1/s1": 10, "a-1/s2": 20, "a-2/s1": 0})
        text = cascade_report(cascade_matrix(tree(), "a-kabid"), rolled, lang="en").markdown()
        lines = text.splitlines()
        assert lines[0] == "# Cascading matrix: Nama kabid (kabid)"
        table = [markdown_cells(line) for line in lines if line.startswith("|")]
        assert table[0] == ["Leader's work target", "Value", "Nama s1 (s1)", "Nama s2 (s2)"]
        assert table[2][1] == "10"
        assert table[2][2] == "Judul s1 (s1); Judul s2 (s2)"
        assert table[3][1:] == ["(missing)", "\u2014", "\u2014"]
        assert "Leader's work targets nothing cascades from yet: Judul k2 (k2)" in text

    def test_html_is_strict_and_escaped(self):
        """The HTML page passes the strict checks and shows the title text, escaped once."""
        report = cascade_report(cascade_matrix(tree(), "a-kabid"))
        page = report.html()
        root = check_page(page)
        assert "Laporan <b>&</b> (k1)" in text_of(root)
        assert "Matriks peran hasil" in report.title

    def test_nobody_cascades(self):
        """A leader whose targets nothing cascades from is told so."""
        report = cascade_report(cascade_matrix(tree(), "a-2"))
        assert "Belum ada pegawai" in report.markdown()

    def test_foreign_roll_up_and_language_are_refused(self):
        """A roll-up of another tree, or an unknown language, is refused."""
        other = build_tree([_appraisal("x", "x", [_target("y")])])
        with pytest.raises(InvalidValueError):
            CascadeReport(cascade_matrix(tree(), "a-kabid"), roll_up(other, {}))
        with pytest.raises(InvalidValueError):
            CascadeReport(cascade_matrix(tree(), "a-kabid"), lang="fr")  # type: ignore[arg-type]
