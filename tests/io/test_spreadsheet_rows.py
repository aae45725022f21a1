"""Tests for penilaian.io.spreadsheet: bad rows of a workbook, each problem at its cell."""

from __future__ import annotations

import csv

from sheet_edits import (
    NEW_YEAR,
    SAMPLE,
    by_path,
    cell,
    edit,
    problems,
    problems_or_none,
    put,
    write_rows,
)

from penilaian.exceptions import OffScaleError, SelfRatingError, UnknownReferenceError
from penilaian.io.spreadsheet import read_appraisals


class TestRows:
    """Rules that span rows and sheets, placed at the cell they concern."""

    def test_duplicate_and_unknown_appraisal(self, xlsx):
        """An appraisal id twice on employees, and one unknown there, are named."""
        put(
            xlsx, {"employees!A3": "skp-2019-dewi", "employees!B3": "x", "realisations!A2": "skp-x"}
        )
        found = by_path(xlsx)
        assert "repeats appraisal skp-2019-dewi of row 2" in found["employees!A3"].message
        assert isinstance(found["realisations!A2"].error, UnknownReferenceError)

    def test_realisations_duplicate_and_stray(self, xlsx):
        """Two realisations of one indicator, and one of no indicator, are refused."""
        put(xlsx, {"realisations!B3": "k1-o", "realisations!B4": "k9-x"})
        found = by_path(xlsx)
        assert "a second realisation of indicator k1-o" in found["realisations!B3"].message
        assert "has no indicator k9-x on the targets sheet" in found["realisations!B4"].message

    def test_bad_row_causes_no_follow_on_problems(self, xlsx):
        """A refused indicator row does not make its realisation a stray."""
        put(xlsx, {"targets!I3": "kecepatan"})
        assert [cell("targets", "aspect", 3)] == [problem.path for problem in problems(xlsx)]

    def test_repeated_indicator_in_a_target(self, xlsx):
        """An indicator id twice in one work target is named at the second."""
        put(xlsx, {"targets!G3": "k1-o", "realisations!B3": "k1-o-old"})
        assert "repeats indicator k1-o of row 2" in by_path(xlsx)["targets!G3"].message

    def test_rows_of_a_target_must_agree(self, xlsx):
        """Rows of one work target repeat its title exactly."""
        put(xlsx, {"targets!C3": "Lain"})
        (problem,) = problems(xlsx)
        assert problem.path == "targets!C3"
        assert "work target kegiatan-1 has" in problem.message

    def test_rows_of_a_rater_must_agree(self, xlsx):
        """Rows of one rater repeat the rater's columns."""
        put(xlsx, {"ratings!E3": "Bupati"})
        assert "rater atasan has" in by_path(xlsx)["ratings!E3"].message

    def test_target_cells_must_fit_the_target_type(self, xlsx):
        """A point target with a low bound, or a range without its high bound, is refused."""
        put(xlsx, {"targets!L2": 1, "targets!J3": "range", "targets!L3": 80})
        found = by_path(xlsx)
        assert "target_low is not used by a point target" in found["targets!L2"].message
        assert "a range target needs target_high" in found["targets!M3"].message
        assert "target_value is not used by a range target" in found["targets!K3"].message

    def test_scale_cells_must_fit_the_scale_kind(self, xlsx):
        """A numeric scale with levels, and bad alias syntax, are refused."""
        put(xlsx, {"scales!G2": "a; b", "scales!A3": "skp-2019-dewi", "scales!B3": "mutu",
                   "scales!C3": "ordinal", "scales!G3": "a; b", "scales!H3": "x-a"})  # fmt: skip
        found = by_path(xlsx)
        assert "levels is not used by a numeric scale" in found["scales!G2"].message
        assert "write each alias as alias=level" in found["scales!H3"].message

    def test_library_rules_across_the_appraisal(self, xlsx):
        """Off-scale score, self rating, unknown subject, date outside the period: each placed."""
        put(
            xlsx,
            {
                "ratings!H2": 101,
                **{f"ratings!D{row}": "198304122008012004" for row in range(2, 8)},
                "ratings!F4": "kecepatan",
                "realisations!F2": NEW_YEAR.replace(year=2020, day=5),
            },
        )
        found = by_path(xlsx)
        assert isinstance(found["ratings!H2"].error, OffScaleError)
        assert isinstance(found["ratings!C2"].error, SelfRatingError)
        assert "not an aspect, target or indicator" in found["ratings!F4"].message
        assert "outside the appraisal period 2019" in found["realisations!F2"].message

    def test_rater_only_row_cannot_carry_a_comment(self, xlsx):
        """A row without a rating names a rater only; a comment there is refused."""
        put(xlsx, {"ratings!F2": None, "ratings!G2": None, "ratings!H2": None})
        assert "comment is not used by a row without a rating" not in str(problems_or_none(xlsx))
        put(xlsx, {"ratings!J2": "baik", "ratings!F3": None})
        found = by_path(xlsx)
        assert "comment is not used by a row without a rating" in found["ratings!J2"].message
        assert "a rating needs subject" in found["ratings!F3"].message


class TestMoreRows:
    """Rows the library refuses, and rows whose problem stays in its cell."""

    def test_appraisal_without_id_is_skipped(self, xlsx):
        """An employees row without appraisal_id is only reported, not joined to anything."""

        def copy_without_id(book):
            sheet = book["employees"]
            for source in sheet[2]:
                sheet.cell(3, source.column).value = source.value
            sheet["A3"].value = None

        edit(xlsx, copy_without_id)
        assert [cell("employees", "appraisal_id", 3)] == [p.path for p in problems(xlsx)]

    def test_appraisal_without_targets(self, xlsx):
        """An appraisal with no rows on targets is refused at its employees row."""
        rows = range(2, 2 + len(list(SAMPLE.indicators())))
        sheets = ("targets", "realisations")
        put(xlsx, {f"{sheet}!A{row}": "skp-lain" for sheet in sheets for row in rows})
        found = by_path(xlsx)
        assert "an appraisal needs at least one work target" in found["employees!2:2"].message

    def test_numeric_target_realised_in_words_only(self, xlsx):
        """A point target's realisation needs a value; the value cell is named."""
        put(xlsx, {"realisations!C2": None, "realisations!D2": "selesai"})
        message = by_path(xlsx)["realisations!C2"].message
        assert "a numeric target needs a numeric realisation" in message

    def test_special_expectations_outside_berakhlak(self, xlsx):
        """PP 46/2011's framework has no special expectations: the first such row is named."""
        put(xlsx, {"expectations!A2": "skp-2019-dewi", "expectations!B2": "integrity",
                   "expectations!C2": "Tepat waktu"})  # fmt: skip
        message = by_path(xlsx)["expectations!2:2"].message
        assert "framework pp46_2011 has no special expectations" in message

    def test_unknown_framework_stops_at_its_cell(self, xlsx):
        """An unknown framework id is refused; the ratings cause no more problems."""
        put(xlsx, {"employees!L2": "berakhlak-2099"})
        assert [cell("employees", "framework_id", 2)] == [p.path for p in problems(xlsx)]

    def test_realisation_without_indicator_id(self, xlsx):
        """A realisation row without indicator_id is refused at that cell."""
        put(xlsx, {"realisations!B2": None})
        assert [cell("realisations", "indicator_id", 2)] == [p.path for p in problems(xlsx)]

    def test_invalid_nip(self, xlsx):
        """A NIP that is not 18 digits is refused by the NIP's own rules."""
        put(xlsx, {"employees!D2": "1983"})
        message = by_path(xlsx)["employees!D2"].message
        assert message.startswith("employees, row 2, column D (nip): length: ")

    def test_supervisor_without_employee_id(self, xlsx):
        """A supervisor must be an employee: the empty cell is named."""
        put(xlsx, {f"ratings!D{row}": None for row in range(2, 8)})
        message = by_path(xlsx)["ratings!D2"].message
        assert "a rater in the supervisor role must be an employee" in message

    def test_rating_with_score_and_level(self, xlsx):
        """A rating gives a score or a level, never both."""
        put(xlsx, {"ratings!I2": "baik"})
        assert "give exactly one of score" in by_path(xlsx)["ratings!H2"].message

    def test_shared_scale_problems(self, xlsx):
        """A shared scale (no appraisal_id) that fails stops every appraisal at that scale."""
        put(xlsx, {"scales!A2": None, "scales!D2": None})
        assert [cell("scales", "minimum", 2)] == [p.path for p in problems(xlsx)]
        put(xlsx, {"scales!D2": "nol"})
        assert [cell("scales", "minimum", 2)] == [p.path for p in problems(xlsx)]

    def test_empty_header_cell_between_columns(self, folder):
        """An empty column between the headers is fine when nothing is written under it."""
        path = folder / "realisations.csv"
        with path.open(encoding="utf-8-sig", newline="") as stream:
            rows = list(csv.reader(stream))
        write_rows(path, [[row[0], "", *row[1:]] for row in rows])
        assert read_appraisals(folder) == (SAMPLE,)
