"""
The guards in front of the routes, as plain ASGI: body size, time, token, language.

`Guards` wraps the application.  For each HTTP request it

- refuses a body whose declared ``Content-Length`` passes the limit with 413, before
  reading any of it, and reads any other body itself, refusing it with 413 as soon as
  it passes the limit (a chunked body has no length to check first);
- requires the bearer token, if one is set, on every path but the page, its files and
  the OpenAPI document, compared with `hmac.compare_digest` (401 otherwise);
- answers 503 if the request is not answered within the time limit; the routes run the
  library in a worker thread they abandon then, so the event loop is never held.

Nothing outlives the request: the body is a local buffer.
"""

from __future__ import annotations

import hmac
from typing import TYPE_CHECKING, Any, Final
from urllib.parse import parse_qs

import anyio

from penilaian.server._problems import Refusal, send_problem

if TYPE_CHECKING:
    from collections.abc import Awaitable, Callable, MutableMapping

    from penilaian._base.labels import Language
    from penilaian.server.limits import ServerSettings

    Message = MutableMapping[str, Any]
    Receive = Callable[[], Awaitable[Message]]
    Send = Callable[[Message], Awaitable[None]]
    App = Callable[[MutableMapping[str, Any], Receive, Send], Awaitable[None]]

__all__ = ["OPEN_PATHS", "Guards", "language_of"]

OPEN_PATHS: Final = frozenset({"/", "/openapi.json", "/page.js", "/page.css"})
"""The paths a token never guards: the page and the API description hold no data."""


def language_of(scope: MutableMapping[str, Any]) -> Language:
    """Return the ``lang`` query parameter of *scope* if it is ``en``, else ``id``."""
    query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
    return "en" if query.get("lang", ["id"])[-1] == "en" else "id"


class _TooLargeError(Exception):
    """The body passed the limit while it was read."""


class Guards:
    """The ASGI application *app*, guarded by the limits of *settings*."""

    def __init__(self, app: App, settings: ServerSettings) -> None:
        self.app = app
        self.settings = settings
        token = settings.token
        self._token = None if token is None else token.encode("ascii")

    async def __call__(self, scope: MutableMapping[str, Any], receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        lang = language_of(scope)
        refusal = self._check_token(scope) or self._check_length(scope)
        if refusal is not None:
            await send_problem(send, refusal, lang)
            return
        started = False

        async def watched(message: Message) -> None:
            nonlocal started
            started = True
            await send(message)

        with anyio.move_on_after(float(self.settings.timeout)) as scope_limit:
            try:
                body = await self._read(receive)
            except _TooLargeError:
                await send_problem(send, self._too_large(), lang)
                return
            await self.app(scope, _replay(body, receive), watched)
        if scope_limit.cancelled_caught and not started:
            seconds = self.settings.timeout
            await send_problem(send, Refusal(503, "timeout", {"seconds": seconds}), lang)

    def _check_token(self, scope: MutableMapping[str, Any]) -> Refusal | None:
        if self._token is None or scope["path"] in OPEN_PATHS:
            return None
        given = [value for name, value in scope["headers"] if name == b"authorization"]
        challenge = {"WWW-Authenticate": 'Bearer realm="penilaian"'}
        if not given:
            return Refusal(401, "unauthorized", headers=challenge)
        scheme, _, credentials = given[0].partition(b" ")
        # The scheme is case-insensitive (RFC 9110, 11.1); the token is compared in
        # constant time, so its length and content leak nothing through timing.
        right = hmac.compare_digest(credentials.strip(), self._token)
        if len(given) != 1 or scheme.lower() != b"bearer" or not right:
            challenge["WWW-Authenticate"] += ', error="invalid_token"'
            return Refusal(401, "bad_token", headers=challenge)
        return None

    def _too_large(self) -> Refusal:
        return Refusal(413, "too_large", {"limit": self.settings.max_bytes})

    def _check_length(self, scope: MutableMapping[str, Any]) -> Refusal | None:
        for name, value in scope["headers"]:
            if name == b"content-length":
                if not value.isdigit():
                    reason = "Content-Length"
                    return Refusal(
                        400, "bad_query", {"name": reason, "reason": value.decode("latin-1")}
                    )
                if int(value) > self.settings.max_bytes:
                    return self._too_large()
        return None

    async def _read(self, receive: Receive) -> bytes:
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                break
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.settings.max_bytes:
                raise _TooLargeError
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        return b"".join(chunks)


def _replay(body: bytes, receive: Receive) -> Receive:
    """Return a receive that gives *body* once, then waits on *receive* (for a disconnect)."""
    given = False

    async def replay() -> Message:
        nonlocal given
        if not given:
            given = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay
