"""The OpenAPI 3.1 document: served, complete, and built from the library's own JSON Schema."""

from __future__ import annotations

import json

import pytest

jsonschema = pytest.importorskip("jsonschema")

from penilaian import load_sample, load_sample_unit  # noqa: E402
from penilaian.serialization import json_schema, unstructure  # noqa: E402

ROUTES = {
    "/validate",
    "/score",
    "/explain",
    "/curve",
    "/completeness",
    "/report",
    "/cycle",
    "/template",
}


@pytest.fixture(name="document", scope="module")
def _document(client):
    answer = client.get("/openapi.json")
    assert answer.status_code == 200
    return answer.json()


def _refs(node):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref":
                yield value
            else:
                yield from _refs(value)
    elif isinstance(node, list):
        for item in node:
            yield from _refs(item)


def _validator(document, name):
    schema = {"$ref": f"#/components/schemas/{name}", "components": document["components"]}
    return jsonschema.Draft202012Validator(schema)


class TestOpenApi:
    """The document describes every route with the library's schemas."""

    def test_version_and_routes(self, document):
        """OpenAPI 3.1 with every endpoint."""
        assert document["openapi"] == "3.1.0"
        assert set(document["paths"]) == ROUTES

    def test_every_reference_resolves(self, document):
        """Each $ref points at a schema of the document."""
        refs = set(_refs(document))
        assert refs
        names = {ref.removeprefix("#/components/schemas/") for ref in refs}
        assert names <= set(document["components"]["schemas"])

    def test_schemas_are_the_librarys(self, document):
        """The Appraisal schema is the one `penilaian schema` prints, references moved."""
        library = json_schema()["$defs"]["Appraisal"]
        text = json.dumps(library).replace("#/$defs/", "#/components/schemas/")
        assert document["components"]["schemas"]["Appraisal"] == json.loads(text)

    def test_samples_validate(self, document):
        """The sample appraisal, unit and a result validate against the served schemas."""
        _validator(document, "Appraisals").validate(unstructure(load_sample()))
        _validator(document, "UnitAppraisals").validate(unstructure(load_sample_unit()))
        broken = unstructure(load_sample())
        broken["unknown"] = 1
        assert list(_validator(document, "Appraisal").iter_errors(broken))

    def test_errors_are_problem_documents(self, document, client):
        """Each 422 answer is described as application/problem+json, and one validates."""
        answer = client.post("/score", content=b"[]", headers={"content-type": "application/json"})
        _validator(document, "Problem").validate(answer.json())
        for path in ROUTES - {"/template"}:
            described = document["paths"][path]["post"]["responses"]["422"]["content"]
            assert set(described) == {"application/problem+json"}
