"""Tests for penilaian.io.siasn's writers: one JSON array, or CSV with a header row."""

from __future__ import annotations

import csv
import io
import json
from typing import TYPE_CHECKING

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st
from siasn_cases import BUDI, PERIODIC, PNS_ID, RESULT, SAMPLE, problems_of, unit_records
from tests.strategies import siasn_appraisers, siasn_texts

from penilaian import Period
from penilaian.exceptions import InvalidValueError
from penilaian.io.escaping import restore_cell
from penilaian.io.siasn import (
    SIASN_ANNUAL_FIELDS,
    SIASN_PERIODIC_FIELDS,
    SiasnAppraiser,
    annual_record,
    periodic_record,
    write_csv,
    write_json,
)

if TYPE_CHECKING:
    from pathlib import Path


class TestWriters:
    """write_json (one array) and write_csv (a header row, UTF-8)."""

    def test_json_parses_back_to_the_records(self, tmp_path: Path) -> None:
        """The JSON file is one array equal to the records, written as UTF-8."""
        records = unit_records()
        path = tmp_path / "skp22.json"
        write_json(records, path)
        assert json.loads(path.read_bytes().decode("utf-8")) == records

    def test_csv_has_a_header_and_one_row_per_record(self, tmp_path: Path) -> None:
        """The CSV header is SIASN's field names; cells are the values as text, None empty."""
        records = unit_records()
        path = tmp_path / "skp22.csv"
        write_csv(records, str(path))
        with path.open(encoding="utf-8", newline="") as stream:
            rows = list(csv.reader(stream))
        expected = [
            ["" if record[key] is None else str(record[key]) for key in SIASN_ANNUAL_FIELDS]
            for record in records
        ]
        assert rows[0] == list(SIASN_ANNUAL_FIELDS)
        assert rows[1:] == expected

    def test_csv_rows_end_in_crlf_without_a_byte_order_mark(self) -> None:
        """Rows end in CRLF and the text starts with the header."""
        stream = io.StringIO(newline="")
        write_csv([annual_record(SAMPLE, RESULT, pns_id=PNS_ID, appraiser=BUDI)], stream)
        text = stream.getvalue()
        assert text.startswith("hasilKinerjaNilai,id,")
        assert text.count("\r\n") == 2

    @given(st.lists(siasn_appraisers(), min_size=1, max_size=4), siasn_texts())
    def test_any_text_survives_both_writers(
        self, appraisers: list[SiasnAppraiser], pns_id: str
    ) -> None:
        """Names with commas, quotes, newlines and any script come back from JSON and CSV."""
        records = [
            annual_record(SAMPLE, RESULT, pns_id=pns_id, appraiser=person) for person in appraisers
        ]
        as_json, as_csv, as_raw = io.StringIO(), io.StringIO(newline=""), io.StringIO(newline="")
        write_json(records, as_json)
        write_csv(records, as_csv)
        write_csv(records, as_raw, raw=True)
        rows = list(csv.DictReader(io.StringIO(as_csv.getvalue(), newline="")))
        raw_rows = list(csv.DictReader(io.StringIO(as_raw.getvalue(), newline="")))
        texts = [
            {key: "" if value is None else str(value) for key, value in r.items()} for r in records
        ]
        assert json.loads(as_json.getvalue()) == records
        assert [{key: restore_cell(value) for key, value in row.items()} for row in rows] == texts
        assert raw_rows == texts

    def test_writing_is_deterministic(self, tmp_path: Path) -> None:
        """The same records give the same bytes, in both formats."""
        first, second = tmp_path / "a", tmp_path / "b"
        for path in (first, second):
            write_json(unit_records(), path.with_suffix(".json"))
            write_csv(unit_records(), path.with_suffix(".csv"))
        for suffix in (".json", ".csv"):
            assert first.with_suffix(suffix).read_bytes() == second.with_suffix(suffix).read_bytes()

    def test_non_ascii_text_is_written_as_utf8(self, tmp_path: Path) -> None:
        """Names are written as UTF-8, not escaped."""
        appraiser = attrs.evolve(BUDI, name="Dra. Ratna Déwi, M.Sï")
        records = [annual_record(SAMPLE, RESULT, pns_id=PNS_ID, appraiser=appraiser)]
        write_json(records, tmp_path / "a.json")
        write_csv(records, tmp_path / "a.csv")
        for name in ("a.json", "a.csv"):
            assert "Dra. Ratna Déwi, M.Sï".encode() in (tmp_path / name).read_bytes()

    def test_json_of_no_records_is_an_empty_array(self) -> None:
        """No records is an empty array."""
        stream = io.StringIO()
        write_json([], stream)
        assert stream.getvalue() == "[]\n"

    def test_csv_of_no_records_needs_its_fields(self) -> None:
        """With no records the header must be given."""
        stream = io.StringIO(newline="")
        write_csv([], stream, fields=SIASN_PERIODIC_FIELDS)
        with pytest.raises(InvalidValueError):
            write_csv([], io.StringIO())
        assert stream.getvalue() == ",".join(SIASN_PERIODIC_FIELDS) + "\r\n"

    def test_csv_refuses_records_of_two_shapes(self) -> None:
        """Annual and periodic records go to separate files."""
        annual = annual_record(SAMPLE, RESULT, pns_id=PNS_ID, appraiser=BUDI)
        periodic = periodic_record(
            SAMPLE,
            RESULT,
            pns_id=PNS_ID,
            appraiser=BUDI,
            period=Period.quarter(2024, 4),
            **PERIODIC,
        )
        assert problems_of(write_csv, [annual, periodic, annual], io.StringIO()) == [
            ("$[1]", InvalidValueError)
        ]

    def test_refuses_values_siasn_cannot_take(self) -> None:
        """Floats, booleans, non-text keys and non-mappings are refused at their paths."""
        records = [{"tahun": 2024.0, "ok": 1}, {"aktif": True}, {1: "x"}, ["tahun", 2024]]
        expected = [
            ("$[0]['tahun']", InvalidValueError),
            ("$[1]['aktif']", InvalidValueError),
            ("$[2][1]", InvalidValueError),
            ("$[3]", InvalidValueError),
        ]
        assert problems_of(write_json, records, io.StringIO()) == expected
