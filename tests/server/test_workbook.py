"""Workbooks: uploaded for validate and score (multipart or raw), and the template downloaded."""

from __future__ import annotations

import io
import json

import pytest

openpyxl = pytest.importorskip("openpyxl", reason="the xlsx extra is not installed")

from penilaian import load_sample_unit  # noqa: E402
from penilaian.io.spreadsheet import read_appraisals, write_appraisals  # noqa: E402
from penilaian.regimes import default_registry  # noqa: E402
from penilaian.scoring.timeline import suggest_regime  # noqa: E402
from penilaian.serialization import unstructure  # noqa: E402

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
UNIT = load_sample_unit().appraisals


@pytest.fixture(name="workbook", scope="module")
def _workbook(tmp_path_factory):
    """The sample unit's ten appraisals, written by penilaian.io.spreadsheet."""
    path = tmp_path_factory.mktemp("upload") / "unit.xlsx"
    write_appraisals(path, UNIT)
    return path


def _results(appraisals):
    registry = default_registry()
    scored = [registry.get(suggest_regime(a.period)).score(a, trace=False) for a in appraisals]
    return json.loads(json.dumps([unstructure(result) for result in scored]))


class TestUpload:
    """An uploaded workbook is read by the library's reader and scored as JSON would be."""

    def test_multipart_score(self, client, workbook):
        """A form upload (field 'file') gives every appraisal's result, in the sheet's order."""
        files = {"file": ("unit.xlsx", workbook.read_bytes(), XLSX)}
        answer = client.post("/score?trace=false", files=files)
        assert answer.status_code == 200
        assert answer.json() == _results(read_appraisals(workbook))
        assert [item["appraisal_id"] for item in answer.json()] == [a.id for a in UNIT]

    def test_raw_validate(self, client, workbook):
        """The workbook as the body, typed XLSX, validates with every id."""
        answer = client.post(
            "/validate", content=workbook.read_bytes(), headers={"content-type": XLSX}
        )
        assert answer.json()["count"] == len(UNIT)
        assert [item["id"] for item in answer.json()["appraisals"]] == [a.id for a in UNIT]

    def test_problems_at_sheet_row_column(self, client, workbook, tmp_path):
        """A bad cell is named as the workbook names it: sheet!cell."""
        broken = tmp_path / "broken.xlsx"
        book = openpyxl.load_workbook(workbook)
        sheet = book["employees"]
        column = [cell.value for cell in sheet[1]].index("nip") + 1
        sheet.cell(row=3, column=column, value="12345")
        book.save(broken)
        files = {"file": ("broken.xlsx", broken.read_bytes(), XLSX)}
        answer = client.post("/validate?lang=en", files=files)
        assert answer.status_code == 422
        letter = openpyxl.utils.get_column_letter(column)
        assert f"employees!{letter}3" in [problem["path"] for problem in answer.json()["problems"]]

    def test_not_a_workbook(self, client):
        """Bytes that are no workbook are one problem naming the file."""
        files = {"file": ("notes.xlsx", b"hello", XLSX)}
        answer = client.post("/score", files=files)
        assert answer.status_code == 422
        assert answer.json()["problems"][0]["path"] == "notes.xlsx"

    def test_form_without_file(self, client):
        """A form without the 'file' field is 400, naming it."""
        answer = client.post("/score", data={"other": "x"}, files={"x": ("a.txt", b"a")})
        assert answer.status_code == 400
        assert "file" in answer.json()["detail"]


class TestTemplate:
    """GET /template gives the XLSX template, empty or with the sample unit."""

    def test_empty_template(self, client, tmp_path):
        """The empty template has the sheets and reads back as no appraisal."""
        answer = client.get("/template")
        assert answer.headers["content-type"] == XLSX
        book = openpyxl.load_workbook(io.BytesIO(answer.content), read_only=True)
        assert {"employees", "targets", "ratings"} <= set(book.sheetnames)
        path = tmp_path / "template.xlsx"
        path.write_bytes(answer.content)
        assert read_appraisals(path) == ()

    def test_example_template(self, client, tmp_path):
        """?example=true fills it with the sample unit, which reads back equal."""
        path = tmp_path / "example.xlsx"
        path.write_bytes(client.get("/template?example=true").content)
        assert read_appraisals(path) == UNIT
