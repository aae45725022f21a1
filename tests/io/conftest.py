"""Fixtures of the io tests: the PP 46/2011 sample written as a workbook and as CSV files."""

from __future__ import annotations

import pytest

from penilaian import load_sample
from penilaian.io.spreadsheet import write_appraisals

SAMPLE = load_sample("pp46_2011")


@pytest.fixture(name="xlsx")
def _xlsx(tmp_path):
    path = tmp_path / "book.xlsx"
    write_appraisals(path, [SAMPLE])
    return path


@pytest.fixture(name="folder")
def _folder(tmp_path):
    path = tmp_path / "book"
    write_appraisals(path, [SAMPLE], format="csv")
    return path
