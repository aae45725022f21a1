"""Tests for penilaian.reporting.unit: a unit against its distribution curve, with its chart."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from reporting_checks import check_page, markdown_cells, text_of
from tests.strategies import hostile_texts

import penilaian as p
from penilaian.analysis.curve import CurveCheck, GradedEmployee, QuotaConvention, check_curve
from penilaian.exceptions import InvalidValueError
from penilaian.reporting.unit import UnitReport, unit_report

XHTML = "{http://www.w3.org/1999/xhtml}"
SVG = "{http://www.w3.org/2000/svg}"
UNIT = p.load_sample_unit()
CHECK = UNIT.check_curve()
CALIBRATION = p.propose_calibration(CHECK)
NAMES = {appraisal.employee.id: appraisal.employee.name for appraisal in UNIT.appraisals}


def rows(markdown: str, first_cell: str) -> list[list[str]]:
    """The cells of every table row whose first cell starts with *first_cell*."""
    return [
        markdown_cells(line) for line in markdown.splitlines() if line.startswith(f"| {first_cell}")
    ]


def too_small_check(*, lenient: bool = True) -> CurveCheck:
    """The explanation page's unit of 5 graded Butuh Perbaikan: 10 % of 5 is half a person."""
    staff = [
        GradedEmployee("e0", "Sangat Baik", "unit", "above", "above"),
        *[
            GradedEmployee(f"e{i}", "Butuh Perbaikan", "unit", "below", "meets")
            for i in range(1, 5)
        ],
    ]
    convention = QuotaConvention(small_unit_leniency=lenient)
    return check_curve("unit", "Butuh Perbaikan", staff, convention=convention)


def charts(page: str) -> list:
    """The SVG charts of a page."""
    return list(check_page(page).iter(f"{SVG}svg"))


class TestUnitReportPages:
    """The sample unit, in both languages, with and without a proposal, is well formed."""

    @pytest.mark.parametrize("lang", ["id", "en"])
    @pytest.mark.parametrize("calibration", [None, CALIBRATION])
    def test_well_formed(self, lang, calibration):
        """The page passes the strict check and parses as XML; one chart per check shown."""
        report = unit_report(CHECK, calibration=calibration, lang=lang)
        root = check_page(report.html())
        assert lang == root.get("lang")
        assert (1 if calibration is None else 2) == len(list(root.iter(f"{SVG}svg")))

    def test_equal_input_gives_equal_bytes(self):
        """Two reports of equal inputs, built apart, write the same bytes."""
        again = p.propose_calibration(p.load_sample_unit().check_curve())
        first = unit_report(CHECK, calibration=CALIBRATION, names=NAMES).html()
        second = unit_report(again.before, calibration=again, names=dict(NAMES)).html()
        assert first.encode() == second.encode()

    def test_unknown_language_is_refused(self):
        """A language other than id or en raises InvalidValueError."""
        with pytest.raises(InvalidValueError):
            unit_report(CHECK, lang="de")  # type: ignore[arg-type]


class TestUnitReportContent:
    """The distribution, the rules, the chart and the proposal."""

    def test_facts(self):
        """Unit (name and id), its grade, headcount, curve, rounding and compliance."""
        markdown = unit_report(CHECK, lang="en", unit_name=UNIT.unit.name).markdown()
        assert f"- **Unit:** {UNIT.unit.name} (bkpsdm-bidang-pengembangan)" in markdown
        assert "- **Unit's grade:** Good" in markdown
        assert "- **Employees:** 10" in markdown
        assert "at-most quotas rounded down, at-least quotas rounded up" in markdown
        assert "- **Complies with the curve:** no" in markdown

    def test_distribution(self):
        """Two Sangat Baik and eight Baik of ten: 20 % and 80 %, every grade listed."""
        markdown = unit_report(CHECK, lang="en").markdown()
        assert rows(markdown, "Very good") == [["Very good", "2", "20%"]]
        assert rows(markdown, "Good |") == [["Good", "8", "80%"]]
        assert rows(markdown, "Very poor") == [["Very poor", "0", "0%"]]

    def test_rules_of_a_good_unit(self):
        """PermenPANRB 6/2022 curve, unit Baik of 10: at most 70 % Baik (7), some BP or Kurang."""
        markdown = unit_report(CHECK, lang="en").markdown()
        assert rows(markdown, "Good at most") == [
            ["Good at most 70%", "70% \u00d7 10 = 7", "7", "8", "violated"]
        ]
        assert (rows(markdown, "must include")) == [
            ["must include Needs improvement or Poor/Misconduct", "\u2014", "1", "0", "violated"]
        ]

    def test_strict_quota_of_zero_is_violated(self):
        """Without the leniency, at most 10 % Sangat Baik of 5 is 0: one Sangat Baik violates it."""
        markdown = unit_report(too_small_check(lenient=False), lang="en").markdown()
        (row,) = rows(markdown, "Very good at most 10%")
        assert row[1:] == ["10% \u00d7 5 = 0.5", "0", "1", "violated"]
        assert "- **Complies with the curve:** no" in markdown

    def test_too_small_rule_is_marked_not_violated(self):
        """Under the small-unit leniency, 10 % of 5 rounding to 0 is waived, drawn grey."""
        report = unit_report(too_small_check(), lang="en")
        markdown = report.markdown()
        (row,) = rows(markdown, "Very good at most 10%")
        assert row[1:] == [
            "10% \u00d7 5 = 0.5",
            "0",
            "1",
            "waived: small-unit leniency (not enforced)",
        ]
        (chart,) = charts(report.html())
        grey = [line for line in chart.iter(f"{SVG}line") if line.get("stroke") == "#8a93a3"]
        assert len(grey) == 3  # the mark, the line to its label, and the legend
        assert "\u2264 0 (not enforced)" in [text_of(text) for text in chart.iter(f"{SVG}text")]
        assert "- **Complies with the curve:** yes" in markdown

    def test_chart_bars_and_quota_marks(self):
        """Bars are as tall as their counts; the at-most mark sits at 7 of Baik's 8."""
        (chart,) = charts(unit_report(CHECK).html())
        bars = list(chart.iter(f"{SVG}rect"))
        heights = [Fraction(bar.get("height")) for bar in bars]
        assert len(bars) == 5
        assert heights[1] == 4 * heights[0]
        assert heights[2:] == [0, 0, 0]
        base = Fraction(bars[1].get("y")) + heights[1]
        red = [line for line in chart.iter(f"{SVG}line") if line.get("stroke") == "#a8221a"]
        mark = red[0]
        assert Fraction(7, 8) == (base - Fraction(mark.get("y1"))) / heights[1]
        green = [line for line in chart.iter(f"{SVG}line") if line.get("stroke") == "#1b6e3a"]
        assert Fraction(1, 8) == (base - Fraction(green[0].get("y1"))) / heights[1]
        assert [bars[0].get("fill"), bars[1].get("fill")] == ["#1f4e8c", "#c0392b"]

    def test_chart_as_text_in_markdown(self):
        """Markdown draws the chart as text: one block per employee, then the quotas."""
        markdown = unit_report(CHECK, lang="en").markdown()
        block = markdown.split("```text\n")[1].split("```")[0].splitlines()
        assert block[1] == "Good" + " " * 15 + "\u2588" * 8 + " 8"
        assert "\u2264 7: Good" in block
        assert "\u2265 1 (count 0): Needs improvement + Poor/Misconduct" in block

    def test_calibration_proposal(self):
        """The sample's proposal moves Fajar from Baik to Butuh Perbaikan and complies."""
        markdown = unit_report(CHECK, calibration=CALIBRATION, lang="en", names=NAMES).markdown()
        (row,) = rows(markdown, "Fajar")
        assert row[0] == "Fajar Nugroho, S.E. (198603182009011001)"
        assert (row[1:3]) == [
            "Good \u2192 Needs improvement",
            "Meets expectations \u2192 Below expectations",
        ]
        assert row[3] == "Meets expectations"
        assert "Good at most 70%: 8 \u2192 7 (quota 7)" in row[4]
        assert "With these changes the unit complies with the curve." in markdown
        assert rows(markdown.split("## After calibration")[1], "Good at most") == [
            ["Good at most 70%", "70% \u00d7 10 = 7", "7", "7", "met"]
        ]

    def test_compliant_unit_needs_no_change(self):
        """A compliant unit's proposal says no change is needed."""
        check = too_small_check()
        markdown = unit_report(check, calibration=p.propose_calibration(check)).markdown()
        assert "Tidak perlu perubahan: unit sudah sesuai kurva." in markdown

    def test_unreachable_compliance(self):
        """Employees without ratings cannot move: the proposal says compliance is out of reach."""
        staff = [GradedEmployee(f"e{i}", "Baik", "unit") for i in range(10)]
        check = check_curve("unit", "Baik", staff)
        calibration = p.propose_calibration(check)
        markdown = unit_report(check, calibration=calibration, lang="en").markdown()
        assert "No change can bring the unit within the curve." in markdown

    def test_proposal_that_does_not_reach_compliance(self):
        """A proposal that comes only close says the unit still does not comply."""
        staff = [
            *[GradedEmployee(f"e{i}", "Baik", "unit") for i in range(8)],
            GradedEmployee("m1", "Baik", "unit", "meets", "meets"),
            GradedEmployee("m2", "Baik", "unit", "meets", "meets"),
        ]
        check = check_curve("unit", "Baik", staff)
        calibration = p.propose_calibration(check)
        assert calibration.changes
        assert not calibration.reaches_compliance
        markdown = unit_report(check, calibration=calibration, lang="en").markdown()
        assert "With these changes the unit still does not comply with the curve." in markdown

    def test_calibration_of_another_check_is_refused(self):
        """A proposal for another unit's check raises InvalidValueError naming calibration."""
        with pytest.raises(InvalidValueError) as raised:
            UnitReport(too_small_check(), CALIBRATION)
        assert raised.value.field == "calibration"

    def test_names_must_be_a_mapping(self):
        """Names given as a list raise InvalidValueError naming names."""
        with pytest.raises(InvalidValueError) as raised:
            unit_report(CHECK, names=[("e1", "Ana")])  # type: ignore[arg-type]
        assert raised.value.field == "names"

    @given(text=hostile_texts())
    def test_hostile_names_are_escaped(self, text):
        """Whatever the unit's and employees' names, the page is well formed and shows them."""
        names = {change.employee_id: text for change in CALIBRATION.changes}
        report = unit_report(CHECK, calibration=CALIBRATION, unit_name=text, names=names)
        root = check_page(report.html())
        heading = text_of(root.find(f"{XHTML}body/{XHTML}main/{XHTML}h1"))
        assert heading.endswith("(bkpsdm-bidang-pengembangan)")
        (row,) = [line for line in report.markdown().splitlines() if "198603182009011001" in line]
        assert len(markdown_cells(row)) == 5


class TestCompletenessSection:
    """The unit report lists who still lacks what, with the counts per kind."""

    def test_section_lists_who_lacks_what(self):
        """Each missing item is a row; the counts table sums them per kind."""
        from penilaian.analysis.completeness import (  # noqa: PLC0415
            check_completeness,
            requirements_of,
        )

        cycle = check_completeness(UNIT.appraisals, requirements_of(p.Permen6Regime()))
        made = unit_report(CHECK, lang="en", names=NAMES, completeness=cycle)
        markdown = made.markdown()
        assert "## Appraisal cycle completeness" in markdown
        assert "9 of 10 people still lack something" in markdown
        assert rows(markdown, "Continuous feedback") == [["Continuous feedback", "9"]]
        lacking = [line for line in markdown.splitlines() if "$.feedback" in line]
        assert len(lacking) == 9
        check_page(made.html())

    def test_complete_cycle_says_so(self):
        """A complete cycle gets the summary and no table."""
        import attrs  # noqa: PLC0415

        from penilaian.analysis.completeness import (  # noqa: PLC0415
            check_completeness,
            requirements_of,
        )

        needs = attrs.evolve(requirements_of(p.Permen6Regime()), feedback=False)
        cycle = check_completeness(UNIT.appraisals, needs)
        markdown = unit_report(CHECK, completeness=cycle).markdown()
        assert "0 dari 10 pegawai belum lengkap" in markdown
        assert "Yang masih kurang" not in markdown

    def test_without_completeness_no_section(self):
        """Without the argument the section is absent."""
        assert "Kelengkapan" not in unit_report(CHECK).markdown()

    def test_wrong_type_refused(self):
        """A completeness that is not a CycleCompleteness is refused, naming the field."""
        with pytest.raises(InvalidValueError, match="completeness"):
            unit_report(CHECK, completeness="all done")
