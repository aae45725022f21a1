"""
Embed penilaian in a web back end with nothing but the standard library (WSGI).

``POST /score?regime=<id>`` takes an appraisal as JSON and answers with the result
as JSON; a bad document gets ``422`` with every problem and its JSON path, an
unknown regime ``404``; ``GET /regimes`` lists the regimes.  Any WSGI server runs
`app` (gunicorn, uWSGI, mod_wsgi); no web framework is needed.

Run: python examples/web_backend.py          (serves once on a free port, posts the
                                               sample to itself, prints the answer)
     python examples/web_backend.py --serve  (serves on http://127.0.0.1:8000)
"""

from __future__ import annotations

import json
import sys
import threading
import urllib.request
from typing import TYPE_CHECKING
from urllib.error import HTTPError
from urllib.parse import parse_qs
from wsgiref.simple_server import WSGIRequestHandler, make_server

import penilaian as p
from penilaian.exceptions import InvalidInputError, UnknownStrategyError
from penilaian.serialization import dumps, loads

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    StartResponse = Callable[[str, list[tuple[str, str]]], object]

REGISTRY = p.default_registry(entry_points=False)
MAX_BODY = 1_000_000  # bytes: an appraisal is a few kilobytes


def app(environ: dict[str, object], start_response: StartResponse) -> Iterable[bytes]:
    """The WSGI application."""
    method, path = environ["REQUEST_METHOD"], environ["PATH_INFO"]
    if method == "GET" and path == "/regimes":
        return _answer(start_response, "200 OK", {"regimes": sorted(REGISTRY)})
    if method != "POST" or path != "/score":
        return _answer(start_response, "404 Not Found", {"error": f"no route {method} {path}"})
    query = parse_qs(str(environ.get("QUERY_STRING", "")))
    regime_id = query.get("regime", ["permen6_2022"])[0]
    length = int(str(environ.get("CONTENT_LENGTH") or 0))
    if length > MAX_BODY:
        return _answer(start_response, "413 Payload Too Large", {"error": "body too large"})
    body = environ["wsgi.input"].read(length)  # type: ignore[attr-defined]
    try:
        strategy = REGISTRY.get(regime_id)
        result = strategy.score(loads(body, p.Appraisal))
    except UnknownStrategyError as error:
        return _answer(start_response, "404 Not Found", {"error": str(error)})
    except InvalidInputError as error:
        problems = [{"path": item.path, "message": item.message} for item in error.problems]
        return _answer(start_response, "422 Unprocessable Entity", {"problems": problems})
    text = dumps(result.without_trace())
    return _send(start_response, "200 OK", text.encode())


def _answer(start_response: StartResponse, status: str, data: object) -> Iterable[bytes]:
    return _send(start_response, status, json.dumps(data, ensure_ascii=False).encode())


def _send(start_response: StartResponse, status: str, body: bytes) -> Iterable[bytes]:
    headers = [
        ("Content-Type", "application/json; charset=utf-8"),
        ("Content-Length", str(len(body))),
    ]
    start_response(status, headers)
    return [body]


class _Quiet(WSGIRequestHandler):
    def log_message(self, *_args: object) -> None:
        """Keep the demo's output to the answers."""


def _post(url: str, body: bytes) -> tuple[int, dict[str, object]]:
    request = urllib.request.Request(url, data=body, method="POST")  # noqa: S310 - our own server
    try:
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
            return response.status, json.loads(response.read())
    except HTTPError as error:
        return error.code, json.loads(error.read())


def demo() -> int:
    """Serve on a free port, post the sample and a broken document, print the answers."""
    with make_server("127.0.0.1", 0, app, handler_class=_Quiet) as server:
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        base = f"http://127.0.0.1:{server.server_port}"
        sample = dumps(p.load_sample()).encode()
        status, result = _post(f"{base}/score?regime=permen6_2022", sample)
        print(status, result["grade"], result["ratings"])
        broken = sample.replace(b'"value": "4"', b'"value": "four"', 1)
        status, answer = _post(f"{base}/score", broken)
        print(status, answer["problems"])
        server.shutdown()
    return 0


def serve() -> int:
    """Serve on port 8000 until interrupted."""
    with make_server("127.0.0.1", 8000, app) as server:
        print("serving on http://127.0.0.1:8000 (Ctrl+C to stop)")
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            return 0
    return 0


if __name__ == "__main__":
    raise SystemExit(serve() if "--serve" in sys.argv else demo())
