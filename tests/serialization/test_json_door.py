"""The one JSON door: every JSON read parses numbers exactly and checks one size limit."""

from __future__ import annotations

import ast
import io
import json
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from hypothesis import given

import penilaian as p
from penilaian.analysis.development import DEFAULT_DEVELOPMENT_CATALOGUE
from penilaian.exceptions import InvalidInputError, UnsupportedInputError
from penilaian.io.samples import load_sample_unit
from penilaian.serialization import (
    MAX_DOCUMENT_BYTES,
    _reading,
    dumps,
    load_catalogue,
    loads,
    parse_json,
    read_document,
    structure,
    unstructure,
)
from penilaian.serialization.policy import load_policy
from strategies import weighting_policies

SOURCE = Path(p.__file__).parent
NUMBER = "99.499999999999999999"  # 20 significant digits a binary float cannot hold
SMALL_LIMIT = 64


@pytest.fixture(name="small_limit")
def _small_limit(monkeypatch: pytest.MonkeyPatch) -> int:
    """Lower the one size limit, which every reader reads when it runs, to 64 bytes."""
    monkeypatch.setattr(_reading, "MAX_DOCUMENT_BYTES", SMALL_LIMIT)
    return SMALL_LIMIT


def refusal(caught: pytest.ExceptionInfo[InvalidInputError]) -> tuple[str, str, object]:
    """Return the path, field and value of the one problem of a refused document."""
    (problem,) = caught.value.problems
    assert isinstance(problem.error, UnsupportedInputError)
    return problem.path, problem.error.field, problem.error.value


class TestParseJson:
    """parse_json reads numbers once, exactly, and refuses what is not JSON at $."""

    def test_numbers_are_exact(self) -> None:
        """A number with a point is the Decimal written; a whole number an int."""
        data = parse_json(f'{{"value": {NUMBER}, "small": 1e-30, "count": 3}}')
        assert data == {"value": Decimal(NUMBER), "small": Decimal("1e-30"), "count": 3}
        assert type(data["count"]) is int
        assert str(data["value"]) == NUMBER

    def test_bytes_in_utf8_with_or_without_bom_and_utf16(self) -> None:
        """Bytes are decoded as the json module detects them."""
        text = '{"name": "Rina", "score": 1.50}'
        expected = {"name": "Rina", "score": Decimal("1.50")}
        for raw in (text.encode(), b"\xef\xbb\xbf" + text.encode(), text.encode("utf-16")):
            assert expected == parse_json(raw)

    @pytest.mark.parametrize(
        ("text", "message"),
        [
            ('{"name": "é"}'.encode("latin-1"), "not UTF-8 JSON"),
            ("[1, 2", "not JSON"),
            ("", "not JSON"),
            ("\ufeff{}", "not JSON: Unexpected UTF-8 BOM"),
            ("{} []", "not JSON: Extra data"),
        ],
    )
    def test_not_json_is_refused_at_the_root(self, text: str | bytes, message: str) -> None:
        """Bytes that do not decode and text that does not parse are one problem at $."""
        with pytest.raises(InvalidInputError) as caught:
            parse_json(text)
        (problem,) = caught.value.problems
        assert problem.path == "$"
        assert problem.message.startswith(message)

    @pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
    def test_non_finite_numbers_are_refused_at_their_path(self, constant: str) -> None:
        """NaN and the infinities, which Python's reader takes, are refused where they stand."""
        document = unstructure(p.load_sample("pp30_2019"))
        document["targets"][0]["indicators"][0]["realisation"]["value"] = "@"
        with pytest.raises(InvalidInputError) as caught:
            loads(json.dumps(document).replace('"@"', constant), p.Appraisal)
        (problem,) = caught.value.problems
        assert problem.path == "$.targets[0].indicators[0].realisation.value"

    def test_only_the_door_parses_json(self) -> None:
        """No module of src/ but the door calls json.load or json.loads, or makes a reader."""
        callers = []
        for path in sorted(SOURCE.rglob("*.py")):
            tree = ast.parse(path.read_text("utf-8"))
            for node in ast.walk(tree):
                called = isinstance(node, ast.Call) and ast.unparse(node.func)
                imported = isinstance(node, ast.ImportFrom) and node.module == "json"
                names = {alias.name for alias in node.names} if imported else set()  # type: ignore[attr-defined]
                readers = {"load", "loads", "JSONDecoder"}
                if called in {f"json.{name}" for name in readers} or names & readers:
                    callers.append(path.relative_to(SOURCE).as_posix())
        assert callers == ["serialization/_reading.py"]


class TestSameNumbersEverywhere:
    """One document means the same through every reader."""

    def test_a_realisation_keeps_its_digits(self) -> None:
        """99.499999999999999999 scores as written; as a binary float it would score otherwise."""
        document = unstructure(p.load_sample("pp30_2019"))
        indicator = document["targets"][0]["indicators"][0]
        indicator["target"]["value"] = "100"
        indicator["realisation"]["value"] = "@"
        text = json.dumps(document).replace('"@"', NUMBER)
        appraisal = loads(text, p.Appraisal)
        assert appraisal.targets[0].indicators[0].realisation.value == Decimal(NUMBER)  # type: ignore[union-attr]
        strategy = p.default_registry().get("pp30_2019")
        as_float = structure(json.loads(text), p.Appraisal)  # what a float reader would do
        # Exactly: 99 %, Cukup, 8 points; with iki-1.2's 16, 24 of a rencana of two is Baik,
        # 100.  As a float: 100 %, Baik, 13; 29 is Sangat Baik, 120 (the category route).
        assert (strategy.score(appraisal).score, strategy.score(as_float).score) == (
            Decimal("98.88"),
            Decimal("105.88"),
        )

    def test_a_unit_document_keeps_its_digits(self) -> None:
        """A unit read by the door keeps a long number exactly."""
        document = unstructure(load_sample_unit())
        document["appraisals"][0]["targets"][0]["indicators"][0]["realisation"]["value"] = "@"
        unit = loads(json.dumps(document).replace('"@"', NUMBER), type(load_sample_unit()))
        realisation = unit.appraisals[0].targets[0].indicators[0].realisation
        assert realisation is not None
        assert realisation.value == Decimal(NUMBER)


@attrs.frozen
class Scenario:
    """A document holding a policy, to show the policy hooks sit on the one converter."""

    name: str
    policy: p.WeightingPolicy


class TestPolicyHooks:
    """WeightingPolicy and its parts structure and unstructure through the converter."""

    @given(weighting_policies())
    def test_round_trip(self, policy: p.WeightingPolicy) -> None:
        """structure(unstructure(policy)) == policy, through JSON text read by the door."""
        assert policy == loads(dumps(policy), p.WeightingPolicy)

    def test_parts_on_their_own(self) -> None:
        """An aggregation and a missing-rater rule are {"kind": ...} objects on their own."""
        assert unstructure(p.TrimmedMean("1/4")) == {"kind": "trimmed_mean", "proportion": "1/4"}
        assert unstructure(p.Require()) == {"kind": "require"}
        assert structure({"kind": "impute", "value": "7/2"}, p.Impute) == p.Impute("3.5")
        assert structure({"value": "3"}, p.Impute) == p.Impute(3)
        assert structure({"kind": "median"}, p.Median) == p.Median()

    def test_a_member_refuses_another_kind(self) -> None:
        """Structuring an Impute from a zero rule is refused at $.kind."""
        with pytest.raises(InvalidInputError) as caught:
            structure({"kind": "zero"}, p.Impute)
        assert [problem.path for problem in caught.value.problems] == ["$.kind"]

    def test_problems_are_placed_in_the_document(self) -> None:
        """A policy inside a larger document reports its problems at their full paths."""
        data = {
            "name": "rekan",
            "policy": {"weights": {"boss": 1}, "missing": {"kind": "impute", "value": 3.5}},
        }
        with pytest.raises(InvalidInputError) as caught:
            structure(data, Scenario)
        assert [problem.path for problem in caught.value.problems] == [
            "$.policy.weights['boss']",
            "$.policy.missing.value",
        ]
        read = loads(json.dumps(data).replace('"boss"', '"atasan"'), Scenario)
        assert read.policy.missing == p.Impute("3.5")


class TestSizeLimit:
    """Every reader refuses a document larger than MAX_DOCUMENT_BYTES before parsing it."""

    def test_the_limit(self) -> None:
        """The limit is 200 MiB, and the public constant is the one the readers check."""
        assert MAX_DOCUMENT_BYTES == _reading.MAX_DOCUMENT_BYTES == 200 * 1024 * 1024

    def test_a_file_over_the_limit_is_refused_before_it_is_read(self, tmp_path: Path) -> None:
        """A sparse file one byte over 200 MiB is refused from its size alone."""
        path = tmp_path / "big.json"
        with path.open("wb") as stream:
            stream.truncate(MAX_DOCUMENT_BYTES + 1)
        with pytest.raises(InvalidInputError) as caught:
            read_document(path)
        assert refusal(caught) == ("$", "document", MAX_DOCUMENT_BYTES + 1)
        assert "MAX_DOCUMENT_BYTES" in str(caught.value)
        assert str(MAX_DOCUMENT_BYTES) in str(caught.value)

    def test_text_at_the_limit_is_read(self, small_limit: int) -> None:
        """A document of exactly the limit parses; one byte more is refused."""
        text = '{"a": "' + "x" * (small_limit - 10) + '"}'
        assert len(text) == small_limit - 1
        assert parse_json(text + " ") == {"a": "x" * (small_limit - 10)}
        with pytest.raises(InvalidInputError) as caught:
            parse_json(text + "  ")
        assert refusal(caught) == ("$", "document", small_limit + 1)

    def test_text_is_measured_in_utf8_bytes(self, small_limit: int) -> None:
        """Characters of two bytes count twice, whatever the length in characters."""
        text = '"' + "é" * (small_limit // 2) + '"'
        with pytest.raises(InvalidInputError) as caught:
            loads(text, str)
        assert refusal(caught) == ("$", "document", small_limit + 2)
        assert loads('"' + "é" * (small_limit // 2 - 1) + '"', str) == "é" * (small_limit // 2 - 1)

    def test_every_reader_checks_the_one_limit(self, small_limit: int, tmp_path: Path) -> None:
        """loads, files, streams, policy files, catalogues and the samples all refuse."""
        big = '{"padding": "' + "x" * small_limit + '"}'
        path = tmp_path / "big.json"
        path.write_text(big, encoding="utf-8")
        readers = [
            lambda: loads(big, p.Appraisal),
            lambda: parse_json(big.encode()),
            lambda: read_document(path),
            lambda: read_document(io.BytesIO(big.encode())),
            lambda: load_policy(path),
            lambda: load_catalogue(big),
            p.load_sample,
            load_sample_unit,
        ]
        for reader in readers:
            with pytest.raises(InvalidInputError) as caught:
                reader()
            path_, field, size = refusal(caught)
            assert (path_, field) == ("$", "document")
            assert isinstance(size, int)
            assert size > small_limit

    def test_a_stream_is_read_one_byte_past_the_limit_at_most(self, small_limit: int) -> None:
        """An endless stream is refused after the limit and one byte."""

        class Endless(io.RawIOBase):
            def readinto(self, buffer: bytearray) -> int:  # type: ignore[override]
                buffer[:] = b" " * len(buffer)
                return len(buffer)

            def readable(self) -> bool:
                return True

        with pytest.raises(InvalidInputError) as caught:
            read_document(io.BufferedReader(Endless()))
        assert refusal(caught) == ("$", "document", small_limit + 1)

    def test_the_default_catalogue_fits(self) -> None:
        """The shipped data is far below the limit."""
        assert len(dumps(DEFAULT_DEVELOPMENT_CATALOGUE).encode()) < MAX_DOCUMENT_BYTES
