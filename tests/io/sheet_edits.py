"""Shared helpers of the spreadsheet error tests: edit a written workbook, read its problems."""

from __future__ import annotations

import csv
import datetime as dt

import openpyxl
import pytest

from penilaian import load_sample
from penilaian.exceptions import InvalidInputError
from penilaian.io.spreadsheet import read_appraisals
from penilaian.io.tables import find_table

SAMPLE = load_sample("pp46_2011")
NEW_YEAR = dt.datetime(2019, 1, 1)  # noqa: DTZ001 - Excel's dates are naive


def letter(table, header):
    """The column letter of *header* in a written *table* (the template's order)."""
    return openpyxl.utils.get_column_letter(find_table(table).headers.index(header) + 1)


def cell(table, header, row):
    """The reference of a cell, as problems name it: ``targets!K2``."""
    return f"{table}!{letter(table, header)}{row}"


def edit(path, change):
    """Open the workbook at *path*, let *change* edit it, and save it."""
    book = openpyxl.load_workbook(path)
    change(book)
    book.save(path)
    return path


def put(path, values):
    """Set cells of the workbook: ``{"targets!K2": 0}``."""

    def change(book):
        for reference, value in values.items():
            sheet, coordinate = reference.split("!")
            book[sheet][coordinate].value = value

    return edit(path, change)


def put_csv(folder, name, cells):
    """Set cells of ``<name>.csv`` by (row number, header), the header being row 1."""
    path = folder / f"{name}.csv"
    with path.open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.reader(stream))
    for (number, header), value in cells.items():
        rows[number - 1][rows[0].index(header)] = value
    write_rows(path, rows)


def write_rows(path, rows):
    """Write *rows* as a UTF-8 CSV file."""
    with path.open("w", encoding="utf-8", newline="") as stream:
        csv.writer(stream).writerows(rows)


def problems(path, **limits):
    """The problems reading *path* reports."""
    with pytest.raises(InvalidInputError) as raised:
        read_appraisals(path, **limits)
    return raised.value.problems


def by_path(path, **limits):
    """The problems reading *path* reports, by their paths."""
    return {problem.path: problem for problem in problems(path, **limits)}


def problems_or_none(path):
    """The problems reading *path* reports, or `None` when it reads."""
    try:
        read_appraisals(path)
    except InvalidInputError as error:
        return error.problems
    return None
