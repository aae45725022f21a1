"""
The OpenAPI 3.1 document of the service, built from the library's own JSON Schema.

The request and response bodies are the schemas `penilaian.serialization.json_schema`
derives from the value types (``penilaian schema`` prints the appraisal's): their
``$defs`` become ``components.schemas`` and their references point there, so the
document and the library cannot drift apart.  OpenAPI 3.1 takes JSON Schema draft
2020-12 as it is (``jsonSchemaDialect``).
"""

from __future__ import annotations

from typing import Any, Final

from penilaian._base.version import __version__
from penilaian.analysis.curve.unit import UnitAppraisals
from penilaian.model.appraisal import Appraisal
from penilaian.scoring.result import Result
from penilaian.serialization import json_schema
from penilaian.server._inputs import JSON, XLSX
from penilaian.server._problems import MEDIA_TYPE

__all__ = ["openapi_document"]

_DIALECT: Final = "https://json-schema.org/draft/2020-12/schema"
_REF: Final = "#/components/schemas/"
_LANG: Final = {
    "name": "lang",
    "in": "query",
    "description": "Language of messages, texts and reports: id (default) or en.",
    "schema": {"type": "string", "enum": ["id", "en"], "default": "id"},
}
_REGIME: Final = {
    "name": "regime",
    "in": "query",
    "description": "A regime id; by default the one governing each appraisal's period.",
    "schema": {"type": "string"},
}
_APPRAISAL: Final = {
    "name": "appraisal",
    "in": "query",
    "description": "The appraisal id, needed when the body holds several.",
    "schema": {"type": "string"},
}


def _refs(node: Any) -> Any:  # noqa: ANN401 - JSON data is untyped
    """Return *node* with every ``#/$defs/X`` reference pointing at ``components.schemas``."""
    if isinstance(node, dict):
        return {
            key: value.replace("#/$defs/", _REF) if key == "$ref" else _refs(value)
            for key, value in node.items()
        }
    if isinstance(node, list):
        return [_refs(item) for item in node]
    return node


def _schemas() -> dict[str, Any]:
    schemas: dict[str, Any] = {}
    for cls in (Appraisal, UnitAppraisals, Result):
        for name, schema in json_schema(cls)["$defs"].items():
            schemas[name] = _refs(schema)
    schemas["Appraisals"] = {
        "description": "One appraisal, or an array of appraisals with unique ids.",
        "oneOf": [
            {"$ref": _REF + "Appraisal"},
            {"type": "array", "items": {"$ref": _REF + "Appraisal"}, "minItems": 1},
        ],
    }
    schemas["Problem"] = {
        "description": "An RFC 9457 problem document (application/problem+json).",
        "type": "object",
        "required": ["type", "title", "status", "detail", "code"],
        "properties": {
            "type": {"type": "string", "const": "about:blank"},
            "title": {"type": "string", "description": "The HTTP status phrase."},
            "status": {"type": "integer"},
            "detail": {"type": "string", "description": "What happened, in the lang asked for."},
            "code": {"type": "string", "description": "A stable name to branch on."},
            "problems": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["path", "message"],
                    "properties": {
                        "path": {
                            "type": "string",
                            "description": "A JSON path ($[0].targets[1]) or a cell (targets!E7).",
                        },
                        "message": {"type": "string"},
                        "field": {"type": "string"},
                        "error": {"type": "string", "description": "The library's error type."},
                    },
                },
            },
        },
    }
    return dict(sorted(schemas.items()))


def _problems(*statuses: int) -> dict[str, Any]:
    content = {MEDIA_TYPE: {"schema": {"$ref": _REF + "Problem"}}}
    return {str(status): {"description": "A problem", "content": content} for status in statuses}


def _appraisals_body() -> dict[str, Any]:
    return {
        "required": True,
        "content": {
            JSON: {"schema": {"$ref": _REF + "Appraisals"}},
            XLSX: {"schema": {"type": "string", "contentMediaType": XLSX}},
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "required": ["file"],
                    "properties": {"file": {"type": "string", "contentMediaType": XLSX}},
                }
            },
        },
    }


def _json_answer(schema: dict[str, Any]) -> dict[str, Any]:
    return {"description": "OK", "content": {JSON: {"schema": schema}}}


def _file_answer(*media: str) -> dict[str, Any]:
    return {
        "description": "OK",
        "content": {kind: {"schema": {"type": "string"}} for kind in media},
    }


def _post(summary: str, parameters: list[dict[str, Any]], answer: dict[str, Any]) -> dict[str, Any]:
    return {
        "post": {
            "summary": summary,
            "parameters": [_LANG, *parameters],
            "requestBody": _appraisals_body(),
            "responses": {"200": answer, **_problems(400, 401, 413, 415, 422, 503)},
        }
    }


def _flag(name: str, description: str, *, default: bool) -> dict[str, Any]:
    schema = {"type": "string", "enum": ["true", "false"], "default": str(default).lower()}
    return {"name": name, "in": "query", "description": description, "schema": schema}


def _format(*choices: str) -> dict[str, Any]:
    schema = {"type": "string", "enum": list(choices), "default": choices[0]}
    return {
        "name": "format",
        "in": "query",
        "description": "The answer's format.",
        "schema": schema,
    }


def _paths() -> dict[str, Any]:
    result = {"$ref": _REF + "Result"}
    curve = _post(
        "Check a unit against its distribution curve, and propose a calibration",
        [
            _flag("propose", "Also propose a calibration.", default=True),
            {"name": "max_steps", "in": "query", "schema": {"type": "integer", "default": 1}},
            _format("json", "markdown", "html"),
        ],
        _json_answer({"type": "object"}),
    )
    curve["post"]["requestBody"] = {
        "required": True,
        "content": {JSON: {"schema": {"$ref": _REF + "UnitAppraisals"}}},
    }
    return {
        "/validate": _post(
            "Check appraisals; each one's regime, grade and notes, or its problems",
            [_REGIME],
            _json_answer({"type": "object"}),
        ),
        "/score": _post(
            "Score appraisals: one result, or an array of results",
            [
                _REGIME,
                _format("json", "xlsx", "csv"),
                _flag("trace", "Include each result's trace (JSON only).", default=True),
            ],
            _json_answer({"oneOf": [result, {"type": "array", "items": result}]}),
        ),
        "/explain": _post(
            "One appraisal's result with its trace, and the trace as text",
            [_REGIME, _APPRAISAL],
            _json_answer({"type": "object"}),
        ),
        "/curve": curve,
        "/completeness": _post(
            "Who in the cycle still lacks what", [_REGIME], _json_answer({"type": "object"})
        ),
        "/report": _post(
            "One employee's report",
            [
                _REGIME,
                _APPRAISAL,
                _format("html", "markdown"),
                _flag("plan", "Include the development plan.", default=True),
            ],
            _file_answer("text/html", "text/markdown"),
        ),
        "/cycle": _post(
            "A whole cycle at once (the page's): every appraisal's grade or problems, "
            "each unit's curve check and calibration; an appraisal that cannot be scored "
            "is set aside, never failing the others",
            [_REGIME],
            _json_answer({"type": "object"}),
        ),
        "/template": {
            "get": {
                "summary": "The XLSX template to fill in",
                "parameters": [_flag("example", "Fill it with the sample unit.", default=False)],
                "responses": {"200": _file_answer(XLSX), **_problems(401)},
            }
        },
    }


def openapi_document() -> dict[str, Any]:
    """Return the OpenAPI 3.1 document of the service."""
    return {
        "openapi": "3.1.0",
        "jsonSchemaDialect": _DIALECT,
        "info": {
            "title": "penilaian",
            "version": __version__,
            "description": (
                "Exact, explainable performance appraisal for ASN: the penilaian library "
                "over HTTP. Errors are application/problem+json (RFC 9457)."
            ),
        },
        "paths": _paths(),
        "components": {
            "schemas": _schemas(),
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
        },
        # The token is optional: a service started without one requires none.
        "security": [{}, {"bearer": []}],
    }
