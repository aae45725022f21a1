"""Workbooks that know where each appraisal came from, and the scales they need not retype."""

from __future__ import annotations

import csv

import attrs
import openpyxl
import pytest

from penilaian import load_sample_unit
from penilaian.exceptions import InvalidInputError, InvalidValueError
from penilaian.io.spreadsheet import read_appraisals, read_workbook, write_appraisals
from penilaian.model.raters import EXPECTATION_SCALE

UNIT = load_sample_unit().appraisals
EXPECTATION_ONLY = [a for a in UNIT if [s.id for s in a.scales] == ["expectation"]]
# What a workbook without scales reads: the same appraisals, on the library's own scale.
ON_BUILTIN = tuple(attrs.evolve(a, scales=(EXPECTATION_SCALE,)) for a in EXPECTATION_ONLY)


def rewrite(path, change):
    """Rewrite the CSV file *path* with *change* applied to each data row (a dict)."""
    with path.open(encoding="utf-8-sig", newline="") as file:
        reader = csv.DictReader(file)
        fields, rows = reader.fieldnames, list(reader)
    with path.open("w", encoding="utf-8", newline="") as file:
        writer = csv.DictWriter(file, fields)
        writer.writeheader()
        writer.writerows(change(row) for row in rows)


class TestBuiltinScales:
    """A workbook need not retype the expectation scale the library defines."""

    def test_csv_without_a_scales_file_reads_equal(self, tmp_path):
        """With no scales.csv, ratings on the expectation scale take the built-in scale."""
        write_appraisals(tmp_path, EXPECTATION_ONLY, format="csv")
        (tmp_path / "scales.csv").unlink()
        assert len(ON_BUILTIN) > 1
        assert read_appraisals(tmp_path) == ON_BUILTIN

    def test_xlsx_without_a_scales_sheet_reads_equal(self, tmp_path):
        """The same for a workbook whose scales sheet was deleted."""
        path = tmp_path / "unit.xlsx"
        write_appraisals(path, EXPECTATION_ONLY)
        book = openpyxl.load_workbook(path)
        del book["scales"]
        book.save(path)
        assert read_appraisals(path) == ON_BUILTIN

    def test_an_unknown_id_is_one_problem_naming_the_scales_sheet(self, tmp_path):
        """An id nobody defines is reported once, at its first rating, counting the others."""
        write_appraisals(tmp_path, UNIT, format="csv")
        (tmp_path / "scales.csv").unlink()  # rina's own likert-1-5 is gone with it
        uses = sum(1 for a in UNIT for r in a.ratings if r.scale_id == "likert-1-5")
        with pytest.raises(InvalidInputError) as caught:
            read_appraisals(tmp_path)
        (problem,) = caught.value.problems
        assert problem.path.startswith("ratings!G")
        assert '(got "likert-1-5")' in problem.message
        assert f"{uses - 1} more ratings use it" in problem.message
        assert "scales sheet" in problem.message
        assert "the built-in scales need no row: expectation" in problem.message

    def test_each_unknown_id_once(self, tmp_path):
        """Two ids nobody defines are two problems, whatever the number of ratings."""
        write_appraisals(tmp_path, EXPECTATION_ONLY, format="csv")
        (tmp_path / "scales.csv").unlink()
        renamed = {"expectation": "harapan"}
        rewrite(
            tmp_path / "ratings.csv",
            lambda row: {**row, "scale_id": renamed.get(row["scale_id"], row["scale_id"])},
        )
        with pytest.raises(InvalidInputError) as caught:
            read_appraisals(tmp_path)
        assert [p.message.split(";")[0] for p in caught.value.problems] == [
            'ratings, row 4, column G (scale_id): no scale has this id (got "harapan")'
        ]

    def test_the_scales_sheet_still_wins(self, tmp_path):
        """A workbook's own row for an id replaces the built-in scale of that id."""
        write_appraisals(tmp_path, UNIT, format="csv")
        assert read_appraisals(tmp_path) == UNIT


class TestWorkbookPlaces:
    """read_workbook names each appraisal's row and the cell any part of it came from."""

    def test_rows_follow_the_employees_sheet(self, tmp_path):
        """The n-th appraisal is on row n + 1 of the employees sheet (row 1 is the header)."""
        write_appraisals(tmp_path, UNIT, format="csv")
        book = read_workbook(tmp_path)
        assert book.appraisals == UNIT
        assert [book.row(a.id) for a in UNIT] == [("employees", n + 2) for n in range(len(UNIT))]
        assert book.place(UNIT[1].id) == "employees!3:3"

    def test_a_part_is_placed_at_its_row(self, tmp_path):
        """A path into an appraisal is the row (or cell) of the sheet it was read from."""
        path = tmp_path / "unit.xlsx"
        write_appraisals(path, UNIT)
        book = read_workbook(path)
        first = UNIT[0]
        realised = book.place(first.id, "$.targets[0].indicators[0].realisation.value")
        assert realised.startswith("realisations!")
        assert book.place(first.id, "$.ratings[0].scale_id") == "ratings!G4"

    def test_an_unknown_id_is_refused(self, tmp_path):
        """Asking for an appraisal the workbook does not hold names the id."""
        write_appraisals(tmp_path, UNIT[:1], format="csv")
        with pytest.raises(InvalidValueError, match="nobody"):
            read_workbook(tmp_path).row("nobody")
