"""Development catalogues read from JSON through the one door (penilaian.serialization)."""

from __future__ import annotations

import json

import pytest
from hypothesis import given

from penilaian import BehaviourAspect, BehaviourFramework
from penilaian.analysis.development import (
    DEFAULT_DEVELOPMENT_CATALOGUE,
    DevelopmentCatalogue,
)
from penilaian.exceptions import InvalidInputError, InvalidNumberError, UnknownReferenceError
from penilaian.serialization import dumps, load_catalogue, loads, structure, unstructure
from strategies import development_catalogues

ROW = {
    "id": "a",
    "competency": "loyal",
    "kind": "bimtek",
    "hours": 8,
    "title_id": "Judul",
    "title_en": "Title",
}


def problems_of(text: str) -> list[tuple[str, type[Exception] | None]]:
    """Return the (path, error type) of every problem load_catalogue reports for *text*."""
    with pytest.raises(InvalidInputError) as caught:
        load_catalogue(text)
    return [(problem.path, type(problem.error)) for problem in caught.value.problems]


class TestLoadCatalogue:
    """load_catalogue reads the JSON form of DevelopmentCatalogue.from_mapping."""

    def test_json_round_trip(self) -> None:
        """The default catalogue as JSON reads back equal."""
        text = json.dumps(DEFAULT_DEVELOPMENT_CATALOGUE.to_mapping())
        assert load_catalogue(text) == DEFAULT_DEVELOPMENT_CATALOGUE

    def test_invalid_json(self) -> None:
        """Text that is not JSON is reported at the root."""
        with pytest.raises(InvalidInputError) as caught:
            load_catalogue("{actions: ")
        assert [problem.path for problem in caught.value.problems] == ["$"]

    def test_hours_error_path_from_json(self) -> None:
        """From JSON, a bad hour count is reported at its path, a typed InvalidNumberError."""
        text = json.dumps({"actions": [{**ROW, "hours": 0}]})
        assert problems_of(text) == [("$.actions[0].hours", InvalidNumberError)]

    def test_hours_with_a_point_are_not_whole(self) -> None:
        """8.0, read exactly as the Decimal 8.0, is no whole number of JP."""
        text = json.dumps({"actions": [ROW]}).replace('"hours": 8', '"hours": 8.0')
        assert problems_of(text) == [("$.actions[0].hours", InvalidNumberError)]

    def test_unknown_competency_names_the_entry(self) -> None:
        """A competency no framework has is an UnknownReferenceError at the action's path."""
        data = DEFAULT_DEVELOPMENT_CATALOGUE.to_mapping()
        data["actions"][3]["competency"] = "keuangan"
        assert problems_of(json.dumps(data)) == [("$.actions[3].competency", UnknownReferenceError)]

    @pytest.mark.parametrize(
        ("document", "paths"),
        [
            ({"actions": [{"id": "a"}]}, ["$.actions[0].competency"]),
            ({"actions": [{**ROW, "cost": 1}]}, ["$.actions[0].cost"]),
            ({"actions": []}, ["$.actions"]),
            ({"actions": [ROW], "version": 1}, ["$"]),
            ([], ["$"]),
        ],
    )
    def test_bad_documents(self, document: object, paths: list[str]) -> None:
        """Missing and unknown fields, empty and extra parts are refused at their paths."""
        assert [path for path, _ in problems_of(json.dumps(document))] == paths

    def test_custom_framework(self) -> None:
        """An agency framework's aspects are known competencies when the framework is given."""
        framework = BehaviourFramework(
            "agency", "Nilai Instansi", "agency", (BehaviourAspect("frugal", "Hemat", "Frugal"),)
        )
        text = json.dumps({"actions": [{**ROW, "competency": "frugal"}]})
        assert problems_of(text) == [("$.actions[0].competency", UnknownReferenceError)]
        catalogue = load_catalogue(text, frameworks=[framework])
        assert catalogue.for_competency("frugal")[0].hours == 8


class TestCatalogueHooks:
    """The one converter structures and unstructures a catalogue (built-in frameworks)."""

    @given(development_catalogues())
    def test_round_trip(self, catalogue: DevelopmentCatalogue) -> None:
        """Any catalogue over the built-in frameworks comes back equal through JSON text."""
        assert catalogue == loads(dumps(catalogue), DevelopmentCatalogue)

    def test_unstructure_is_the_mapping(self) -> None:
        """The JSON form is the plain data of to_mapping."""
        assert (
            unstructure(DEFAULT_DEVELOPMENT_CATALOGUE) == DEFAULT_DEVELOPMENT_CATALOGUE.to_mapping()
        )

    def test_problems_have_their_paths(self) -> None:
        """Structuring reports the same paths as from_mapping."""
        with pytest.raises(InvalidInputError) as caught:
            structure({"actions": [{**ROW, "kind": "kuliah"}]}, DevelopmentCatalogue)
        assert [problem.path for problem in caught.value.problems] == ["$.actions[0].kind"]
