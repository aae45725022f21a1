"""Refusals are application/problem+json (RFC 9457), listing every problem with its path."""

from __future__ import annotations

import anyio
import httpx
import pytest

from penilaian import load_sample
from penilaian.exceptions import InvalidValueError, MissingExtraError, in_language
from penilaian.scoring.registry import StrategyRegistry
from penilaian.serialization import dumps
from penilaian.server._problems import from_error
from penilaian.server.app import create_app

PROBLEM = "application/problem+json"
JSON = {"content-type": "application/json"}


def _problem(answer, status):
    assert answer.status_code == status
    assert answer.headers["content-type"] == PROBLEM
    document = answer.json()
    assert document["type"] == "about:blank"
    assert document["status"] == status
    return document


class TestInvalidInput:
    """A document that does not structure gets 422 with every problem at its JSON path."""

    def test_every_problem_with_its_path(self, client):
        """Two broken values give two problems, each at its own path."""
        text = dumps(load_sample())
        broken = text.replace('"value": "4"', '"value": "four"', 1)
        broken = broken.replace('"nip": "', '"nip": "x', 1)
        document = _problem(client.post("/score", content=broken, headers=JSON), 422)
        assert document["code"] == "invalid_input"
        paths = {problem["path"] for problem in document["problems"]}
        assert "$.employee.nip" in paths
        assert len(paths) == 2
        assert all(path.startswith("$.") for path in paths)
        assert all(problem["message"] for problem in document["problems"])

    @pytest.mark.parametrize(
        ("lang", "detail"),
        [("id", "Dokumen memuat 1 masalah"), ("en", "The document has 1 problem")],
    )
    def test_detail_in_the_language(self, client, lang, detail):
        """The detail is in the language asked for."""
        answer = client.post(f"/validate?lang={lang}", content=b"{not json", headers=JSON)
        document = _problem(answer, 422)
        assert document["detail"].startswith(detail)
        assert document["problems"][0]["path"] == "$"

    def test_scoring_problems_under_each_appraisal(self, client):
        """A regime that cannot score the second appraisal names it at $[1]."""
        samples = [load_sample("pp46_2011"), load_sample()]
        answer = client.post("/score?regime=pp46_2011", content=dumps(samples), headers=JSON)
        document = _problem(answer, 422)
        assert document["code"] == "scoring_input"
        assert {problem["path"][:4] for problem in document["problems"]} == {"$[1]"}

    def test_empty_array_holds_no_appraisal(self, client):
        """An empty array is refused, never 'valid 0 appraisals'."""
        document = _problem(client.post("/validate", content=b"[]", headers=JSON), 422)
        assert "tidak berisi penilaian" in document["problems"][0]["message"]


class TestHttpProblems:
    """Wrong paths, methods, media types and parameters are problem documents too."""

    def test_unknown_path(self, client):
        """An unknown path is 404, naming it."""
        document = _problem(client.get("/nowhere?lang=en"), 404)
        assert document["detail"] == "There is no /nowhere."

    def test_wrong_method(self, client):
        """GET on a POST endpoint is 405 with Allow."""
        answer = client.get("/score")
        document = _problem(answer, 405)
        assert answer.headers["allow"] == "POST"
        assert document["code"] == "method_not_allowed"

    def test_unknown_media_type(self, client):
        """A body that is neither JSON nor a workbook is 415."""
        answer = client.post("/score", content=b"x", headers={"content-type": "text/plain"})
        assert _problem(answer, 415)["code"] == "bad_media"

    def test_unknown_regime(self, client):
        """An unknown ?regime= is 400, at the parameter, before the body is read."""
        answer = client.post("/score?regime=pp99", content=b"{}", headers=JSON)
        document = _problem(answer, 400)
        assert document["code"] == "unknown_regime"
        assert document["problems"][0]["path"] == "?regime"

    @pytest.mark.parametrize("query", ["lang=fr", "format=pdf", "trace=yes"])
    def test_wrong_parameter(self, client, query):
        """A parameter outside its choices is 400, naming it."""
        answer = client.post(f"/score?{query}", content=dumps(load_sample()), headers=JSON)
        document = _problem(answer, 400)
        assert query.partition("=")[0] in document["detail"]


class TestFromError:
    """Each library error becomes its problem document."""

    def test_missing_extra_is_501(self):
        """A missing extra (a workbook without openpyxl) is 501, naming the install."""
        refusal = from_error(MissingExtraError("xlsx", "openpyxl"))
        document = refusal.document("en")
        assert (refusal.status, document["code"]) == (501, "missing_extra")
        assert 'pip install ".[xlsx]"' in document["detail"]

    def test_invalid_value_names_its_field(self):
        """A single bad value is 422 with its field, said in the reader's language."""
        error = InvalidValueError("lang", "fr", "must be 'id' (Indonesian) or 'en' (English)")
        refusal = from_error(error)
        assert refusal.status == 422
        assert refusal.problems == [
            {
                "path": "$",
                "message": in_language(error),
                "error": "InvalidValueError",
                "field": "lang",
            }
        ]
        assert "harus" in in_language(error)
        english = from_error(error, "en").problems
        assert english is not None
        assert english[0]["message"] == str(error)


class _Broken:
    """A regime with a bug."""

    id = "broken"

    def score(self, appraisal, *, trace=True):
        raise RuntimeError("a bug with a secret inside")


class TestInternalAndMalformed:
    """A bug is a 500 problem that shows nothing of it; a malformed form is 400."""

    def _post(self, app, path, **options):
        async def post():
            transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
            async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
                return await client.post(path, **options)

        return anyio.run(post)

    def test_bug_is_500_without_details(self):
        """The error's text never reaches the client."""
        registry = StrategyRegistry()
        registry.register("broken", _Broken)
        app = create_app(registry=registry)
        answer = self._post(app, "/score?regime=broken", content=dumps(load_sample()))
        document = _problem(answer, 500)
        assert document["code"] == "internal"
        assert "secret" not in answer.text

    def test_malformed_multipart(self, client):
        """A form body that does not parse is 400."""
        headers = {"content-type": "multipart/form-data; boundary=zzz"}
        answer = client.post("/score", content=b"--zzz\r\nbroken", headers=headers)
        assert _problem(answer, 400)["code"] == "bad_query"

    @pytest.mark.parametrize("length", [b"12x", b"1\xff"])
    def test_content_length_not_a_number(self, length):
        """A Content-Length that is not a number (not even UTF-8) is 400, never a crash."""
        app = create_app()
        sent = []

        async def receive():
            return {"type": "http.request", "body": b"", "more_body": False}

        async def send(message):
            sent.append(message)

        scope = {
            "type": "http",
            "method": "POST",
            "path": "/score",
            "query_string": b"",
            "headers": [(b"content-length", length)],
        }
        anyio.run(app, scope, receive, send)
        assert sent[0]["status"] == 400
