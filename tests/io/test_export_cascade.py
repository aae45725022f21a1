"""The cascading matrix as rows of the ``cascade`` table, and as a sheet."""

from __future__ import annotations

import pytest

from penilaian.analysis.cascade import build_tree, cascade_matrix, roll_up
from penilaian.io.export import cascade_rows
from penilaian.io.spreadsheet import write_cascade
from penilaian.io.tables import CASCADE_TABLES
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

[CASCADE] = CASCADE_TABLES


def _target(tid, parent=None):
    indicator = Indicator(f"{tid}-i", "Jumlah", "quantity", PointTarget(10))
    return WorkTarget(tid, f"Judul {tid}", (indicator,), cascades_from=parent)


def _appraisal(aid, employee, targets, boss=None):
    raters = () if boss is None else (Rater("atasan", "supervisor", boss),)
    position = Position("Jabatan", "executor")
    period = Period.year(2024)
    return Appraisal(
        aid, Employee(employee, f"Nama {employee}"), position, period, BERAKHLAK, targets, raters
    )


def matrix_and_roll_up():
    tree = build_tree(
        [
            _appraisal("a-kabid", "kabid", [_target("k1"), _target("k2")]),
            _appraisal("a-1", "s1", [_target("s1", "k1")], "kabid"),
            _appraisal("a-2", "s2", [_target("s1", "k1"), _target("s2", "k1")], "kabid"),
        ]
    )
    rolled = roll_up(tree, {"a-1/s1": 1, "a-2/s1": 0, "a-2/s2": 0})
    return cascade_matrix(tree, "a-kabid"), rolled


class TestCascadeRows:
    """One row per link; an unlinked leader target keeps one row; values are exact."""

    def test_rows(self):
        """Rows follow the matrix, values written exactly (1/3 stays 1/3)."""
        matrix, rolled = matrix_and_roll_up()
        rows = cascade_rows(matrix, rolled)[CASCADE]
        assert [
            (r["target_id"], r.get("child_appraisal_id"), r.get("child_target_id")) for r in rows
        ] == [
            ("k1", "a-1", "s1"),
            ("k1", "a-2", "s1"),
            ("k1", "a-2", "s2"),
            ("k2", None, None),
        ]
        assert [r["value"] for r in rows] == ["1/3", "1/3", "1/3", None]
        assert all(set(r) <= set(CASCADE.headers) for r in rows)
        assert rows[0]["child_name"] == "Nama s1"

    def test_without_values(self):
        """Without a roll-up the value cells are empty."""
        matrix, _ = matrix_and_roll_up()
        assert {r["value"] for r in cascade_rows(matrix)[CASCADE]} == {None}

    def test_layout(self):
        """The table starts with appraisal_id and describes every column in both languages."""
        assert CASCADE.headers[0] == "appraisal_id"
        assert all(c.description_id and c.description_en for c in CASCADE.columns)

    def test_written_as_a_csv_file(self, tmp_path):
        """write_cascade writes the rows as cascade.csv, a formula-like text neutralised."""
        matrix, rolled = matrix_and_roll_up()
        write_cascade(tmp_path, matrix, "csv", rolled=rolled)
        lines = (tmp_path / "cascade.csv").read_text("utf-8-sig").splitlines()
        assert lines[0].split(",")[:4] == [
            "appraisal_id",
            "employee_id",
            "target_id",
            "target_title",
        ]
        assert len(lines) == 5
        assert lines[1].startswith("a-kabid,kabid,k1,Judul k1,1/3")

    def test_written_as_a_sheet(self, tmp_path):
        """write_cascade writes the rows as the cascade sheet of a workbook."""
        openpyxl = pytest.importorskip("openpyxl")
        matrix, rolled = matrix_and_roll_up()
        path = tmp_path / "matrix.xlsx"
        write_cascade(path, matrix, rolled=rolled)
        sheet = openpyxl.load_workbook(path)["cascade"]
        values = [[cell.value for cell in row] for row in sheet.iter_rows()]
        assert values[0] == list(CASCADE.headers)
        assert values[4][:5] == ["a-kabid", "kabid", "k2", "Judul k2", None]
        assert len(values) == 5
