"""The browser page in real headless Chromium: upload a workbook, read what the page shows."""

from __future__ import annotations

import attrs
import pytest
from chromium import Browser, find_chromium

openpyxl = pytest.importorskip("openpyxl", reason="the xlsx extra is not installed")

from penilaian import Permen6Regime, load_sample_unit  # noqa: E402
from penilaian.analysis.curve.calibration import propose_calibration  # noqa: E402
from penilaian.analysis.curve.check import GradedEmployee, check_curve  # noqa: E402
from penilaian.io.spreadsheet import write_appraisals  # noqa: E402

CHROMIUM = find_chromium()
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (apt install chromium)"),
]
UNIT = load_sample_unit()


def _unrated(appraisal):
    """The appraisal without its supervisor's ratings: its grade cannot be set."""
    supervisors = {rater.id for rater in appraisal.raters if rater.role.value == "supervisor"}
    kept = tuple(rating for rating in appraisal.ratings if rating.rater_id not in supervisors)
    return attrs.evolve(appraisal, ratings=kept)


@pytest.fixture(name="browser", scope="module")
def _browser(tmp_path_factory):
    browser = Browser(CHROMIUM, tmp_path_factory.mktemp("chromium-profile"))
    yield browser
    browser.close()


@pytest.fixture(name="workbooks", scope="module")
def _workbooks(tmp_path_factory):
    """A unit with one appraisal its supervisor has not rated, and one with a bad NIP cell."""
    folder = tmp_path_factory.mktemp("page")
    appraisals = list(UNIT.appraisals)
    appraisals[2] = _unrated(appraisals[2])
    unit = folder / "unit.xlsx"
    write_appraisals(unit, appraisals)
    broken = folder / "broken.xlsx"
    book = openpyxl.load_workbook(unit)
    sheet = book["employees"]
    column = [cell.value for cell in sheet[1]].index("nip") + 1
    sheet.cell(row=4, column=column, value="12345")
    book.save(broken)
    return unit, broken, appraisals, openpyxl.utils.get_column_letter(column)


def _texts(browser, selector):
    return browser.evaluate(
        f"[...document.querySelectorAll({selector!r})].map(e => e.textContent.trim())"
    )


class TestPage:
    """The page uploads the workbook and shows grades, problems and the unit's curve."""

    def test_controls_are_labelled(self, browser, base):
        """Every input and select has a label; every button a name; the status is live."""
        browser.open(f"{base}/")
        unlabelled = browser.evaluate(
            "[...document.querySelectorAll('input, select')]"
            ".filter(e => e.labels.length === 0 || !e.labels[0].textContent.trim()).map(e => e.id)"
        )
        assert unlabelled == []
        assert all(_texts(browser, "button"))
        assert (
            browser.evaluate("document.querySelector('#status').getAttribute('role')") == "status"
        )
        assert browser.evaluate("document.documentElement.lang") == "id"

    def test_upload_by_keyboard_in_english(self, browser, base, workbooks):
        """The grades, the set-aside employee's problems and the unit's verdict, in English."""
        unit, _, appraisals, _ = workbooks
        browser.open(f"{base}/?lang=en")
        assert (
            browser.evaluate("document.querySelector('h1').textContent")
            == "Unit performance appraisal"
        )
        browser.set_files("#workbook", unit)
        browser.evaluate("document.querySelector('#check').focus()")
        browser.press("Enter", "Enter", "\r")
        browser.wait_for("document.querySelector('#status').dataset.state === 'done'")
        regime = Permen6Regime()
        results = [regime.score(appraisal, trace=False) for appraisal in appraisals]
        expected = [
            result.grade.label("en", regime=result.regime) if result.grade else "set aside"
            for result in results
        ]
        assert _texts(browser, "#grades tbody td.grade") == expected
        rows = browser.evaluate(
            "[...document.querySelectorAll('#problems tbody tr')]"
            ".map(r => [...r.cells].map(c => c.textContent))"
        )
        assert rows
        assert {row[3] for row in rows} == {appraisals[2].id}
        assert {(row[0], row[1]) for row in rows} == {("employees", "4")}
        graded = [
            GradedEmployee.from_result(appraisal, result)
            for appraisal, result in zip(appraisals, results, strict=True)
            if result.grade is not None
        ]
        check = check_curve(UNIT.unit.id, UNIT.unit_grade, graded)
        verdict = "fit" if check.compliant else "break"
        assert verdict in browser.evaluate("document.querySelector('.verdict').textContent")
        calibration = propose_calibration(check)
        shown = browser.evaluate("document.querySelector('pre.calibration').textContent")
        assert shown == calibration.describe("en")

    def test_broken_workbook_shows_the_cell(self, browser, base, workbooks):
        """A bad cell is shown at its sheet, row and column, in Indonesian by default."""
        _, broken, _, letter = workbooks
        browser.open(f"{base}/")
        browser.set_files("#workbook", broken)
        browser.evaluate("document.querySelector('#upload').requestSubmit()")
        browser.wait_for("document.querySelector('#status').dataset.state === 'error'")
        assert browser.evaluate("document.querySelector('#status').textContent").startswith(
            "Buku kerja ditolak"
        )
        rows = browser.evaluate(
            "[...document.querySelectorAll('#problems tbody tr')]"
            ".map(r => [...r.cells].slice(0, 3).map(c => c.textContent))"
        )
        assert ["employees", "4", letter] in rows
        assert browser.evaluate("document.querySelector('#grades').hidden") is True
