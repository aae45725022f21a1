"""
The ASGI application of the HTTP service: `create_app`.

Needs the ``server`` extra (``pip install ".[server]"`` in a clone): Starlette routes
the requests and uvicorn (``penilaian serve``, or any ASGI server) runs them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from penilaian._base.extras import require

# The whole module is the extra's: a missing Starlette names the install to run.
require("server", "starlette")

from starlette.applications import Starlette  # noqa: E402 - after the extra's check
from starlette.exceptions import HTTPException  # noqa: E402
from starlette.responses import Response  # noqa: E402
from starlette.routing import Route  # noqa: E402

from penilaian.exceptions import PenilaianError  # noqa: E402
from penilaian.regimes import default_registry  # noqa: E402
from penilaian.server._guards import Guards  # noqa: E402
from penilaian.server._openapi import openapi_document  # noqa: E402
from penilaian.server._problems import MEDIA_TYPE, Refusal, body, from_error  # noqa: E402
from penilaian.server._routes import Routes, as_json  # noqa: E402
from penilaian.server.limits import ServerSettings  # noqa: E402

if TYPE_CHECKING:
    from collections.abc import Callable, Coroutine

    from starlette.requests import Request

    from penilaian._base.labels import Language
    from penilaian.scoring.registry import StrategyRegistry

__all__ = ["create_app"]


def _lang(request: Request) -> Language:
    return "en" if request.query_params.get("lang") == "en" else "id"


def _problem(request: Request, refusal: Refusal) -> Response:
    return Response(
        body(refusal.document(_lang(request))),
        status_code=refusal.status,
        media_type=MEDIA_TYPE,
        headers=refusal.headers,
    )


async def _refused(request: Request, error: Exception) -> Response:
    assert isinstance(error, Refusal)  # noqa: S101 - registered for Refusal only
    return _problem(request, error)


async def _rejected(request: Request, error: Exception) -> Response:
    assert isinstance(error, PenilaianError)  # noqa: S101 - registered for PenilaianError only
    return _problem(request, from_error(error, _lang(request)))


async def _http_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, HTTPException)  # noqa: S101 - registered for HTTPException only
    headers = dict(error.headers or {})
    if error.status_code == 404:
        refusal = Refusal(404, "not_found", {"path": request.url.path})
    elif error.status_code == 405:
        values = {"method": request.method, "path": request.url.path, "allowed": ""}
        values["allowed"] = headers.get("Allow", headers.get("allow", ""))
        refusal = Refusal(405, "method_not_allowed", values, headers=headers)
    else:
        reason = error.detail
        refusal = Refusal(error.status_code, "bad_query", {"name": "body", "reason": reason})
    return _problem(request, refusal)


async def _internal(request: Request, _error: Exception) -> Response:
    # Starlette logs the error with its traceback; the client learns only that it happened.
    return _problem(request, Refusal(500, "internal"))


def create_app(
    settings: ServerSettings | None = None, *, registry: StrategyRegistry | None = None
) -> Guards:
    """
    Return the service as an ASGI application, guarded by *settings*.

    >>> app = create_app(ServerSettings(max_bytes=2_000_000))
    >>> app.settings.max_bytes
    2000000

    Run it with ``penilaian serve``, or with any ASGI server
    (``uvicorn --factory penilaian.server.app:create_app``).  The endpoints,
    parameters and bodies are in the OpenAPI document it serves at ``/openapi.json``.

    Args:
        settings: The limits and the token (default: `ServerSettings()`: 10 MB,
            30 seconds, no token).
        registry: The regimes it scores with (default:
            `penilaian.default_registry()`, entry points included).

    Returns:
        The application: Starlette's routes behind the size, time and token guards.

    Raises:
        MissingExtraError: when importing this module without the ``server`` extra.
    """
    chosen = settings or ServerSettings()
    routes = Routes(registry or default_registry(), chosen)
    document = openapi_document()

    async def openapi(_request: Request) -> Response:
        return as_json(document)

    endpoints: list[tuple[str, Callable[[Request], Coroutine[Any, Any, Response]]]] = [
        ("/validate", routes.validate),
        ("/score", routes.score),
        ("/explain", routes.explain),
        ("/curve", routes.curve),
        ("/completeness", routes.completeness),
        ("/report", routes.report),
        ("/cycle", routes.cycle),
    ]
    table = [Route(path, endpoint, methods=["POST"]) for path, endpoint in endpoints]
    table += [
        Route("/template", routes.template, methods=["GET"]),
        Route("/openapi.json", openapi, methods=["GET"]),
        *(Route(path, routes.page, methods=["GET"]) for path in ("/", "/page.js", "/page.css")),
    ]
    handlers: dict[Any, Callable[[Request, Exception], Coroutine[Any, Any, Response]]] = {
        Refusal: _refused,
        PenilaianError: _rejected,
        HTTPException: _http_error,
        Exception: _internal,
    }
    return Guards(Starlette(routes=table, exception_handlers=handlers), chosen)
