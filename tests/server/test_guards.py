"""The guards: the body size limit, the token and the time limit, over real HTTP."""

from __future__ import annotations

import socket
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlsplit

import anyio
import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st
from serving import TOKEN, running

from penilaian import Permen6Regime, load_sample
from penilaian.exceptions import InvalidNumberError, InvalidValueError
from penilaian.scoring.registry import StrategyRegistry
from penilaian.serialization import dumps
from penilaian.server import ServerSettings
from penilaian.server.app import create_app

AUTH = {"authorization": f"Bearer {TOKEN}", "content-type": "application/json"}


class TestToken:
    """With a token, every data endpoint needs it; the API description does not."""

    def test_missing_token(self, guarded):
        """No Authorization header: 401 with a Bearer challenge."""
        answer = guarded.post("/score", content=b"{}", headers={"content-type": "application/json"})
        assert answer.status_code == 401
        assert answer.headers["www-authenticate"] == 'Bearer realm="penilaian"'
        assert answer.json()["code"] == "unauthorized"

    @pytest.mark.parametrize(
        "header",
        [f"Bearer {TOKEN[:-1]}", f"Bearer {TOKEN}x", f"Bearer {TOKEN.upper()}", "Bearer", TOKEN],
    )
    def test_wrong_token(self, guarded, header):
        """A wrong token, or none after the scheme: 401, invalid_token."""
        headers = {"authorization": header}
        answer = guarded.post("/score", content=b"{}", headers=headers)
        assert answer.status_code == 401
        assert 'error="invalid_token"' in answer.headers["www-authenticate"]
        assert answer.json()["code"] == "bad_token"

    @pytest.mark.parametrize("scheme", ["Bearer", "bearer", "BEARER"])
    def test_right_token(self, guarded, scheme):
        """The right token passes, whatever the case of the scheme (RFC 9110 section 11.1)."""
        answer = guarded.get("/template", headers={"authorization": f"{scheme} {TOKEN}"})
        assert answer.status_code == 200

    def test_openapi_is_open(self, guarded):
        """The OpenAPI document needs no token."""
        assert guarded.get("/openapi.json").status_code == 200


class TestSize:
    """A body over the limit is 413, declared or chunked, before it is read whole."""

    def test_declared_length_over_the_limit(self, guarded):
        """A body of 2,001 bytes against a limit of 2,000: 413 problem+json."""
        answer = guarded.post("/score", content=b" " * 2_001, headers=AUTH)
        assert answer.status_code == 413
        assert answer.headers["content-type"] == "application/problem+json"
        assert "2000" in answer.json()["detail"]

    def test_chunked_over_the_limit(self, guarded):
        """A chunked body (no length) is cut off once it passes the limit."""

        def chunks():
            for _ in range(10):
                yield b" " * 500

        answer = guarded.post("/score", content=chunks(), headers=AUTH)
        assert answer.status_code == 413

    def test_refused_before_the_body_is_sent(self, guarded):
        """A declared 1 GB body is refused at once: the server answers without reading it."""
        url = urlsplit(str(guarded.base_url))
        with socket.create_connection((url.hostname, url.port), timeout=5) as sock:
            head = (
                "POST /score HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                f"Authorization: Bearer {TOKEN}\r\nContent-Length: 1000000000\r\n\r\n"
            )
            sock.sendall(head.encode())
            answer = sock.recv(4096).decode("latin-1")
        assert answer.startswith("HTTP/1.1 413 ")
        assert "application/problem+json" in answer


class TestSizeLaw:
    """Any body up to the limit passes the size guard; any body over it is 413."""

    @given(st.integers(min_value=0, max_value=600))
    def test_boundary(self, size):
        """Sizes around a 300-byte limit, in process (the same ASGI app, no socket)."""
        app = create_app(ServerSettings(max_bytes=300))

        async def post():
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
                return await client.post("/score", content=b"x" * size)

        answer = anyio.run(post)
        assert (answer.status_code == 413) is (size > 300)


class _Slow:
    """A regime that takes 3 seconds."""

    id = "slow"

    def score(self, appraisal, *, trace=True):
        time.sleep(3)
        return Permen6Regime().score(appraisal, trace=trace)


class TestTime:
    """A request that passes the time limit is answered 503 when the limit passes."""

    def test_timeout(self):
        """The slow regime under a 0.5-second limit: 503 in well under 3 seconds."""
        registry = StrategyRegistry()
        registry.register("slow", _Slow)
        app = create_app(ServerSettings(timeout="0.5"), registry=registry)
        with running(app) as base:
            started = time.monotonic()
            answer = httpx.post(
                f"{base}/score?regime=slow&lang=en", content=dumps(load_sample()), timeout=10
            )
            took = time.monotonic() - started
        assert answer.status_code == 503
        assert answer.json()["detail"] == "The request took longer than the limit of 0.5 seconds."
        assert took < 2.5


class TestSettings:
    """ServerSettings refuses limits that would not work, and never shows the token."""

    @pytest.mark.parametrize("value", [0, -1, True, 1.5, "10"])
    def test_bad_max_bytes(self, value):
        """max_bytes is a whole number above 0."""
        with pytest.raises(InvalidNumberError):
            ServerSettings(max_bytes=value)

    @pytest.mark.parametrize("value", [0, "-1", "NaN", "Infinity", "abc", 1.5, None])
    def test_bad_timeout(self, value):
        """timeout is a finite number of seconds above 0, given exactly."""
        with pytest.raises(InvalidNumberError):
            ServerSettings(timeout=value)

    @pytest.mark.parametrize("value", ["short", "with space in it ok", "é" * 20, 12345678901234567])
    def test_bad_token(self, value):
        """A token is 16 printable ASCII characters or more, without spaces."""
        with pytest.raises(InvalidValueError):
            ServerSettings(token=value)

    def test_token_hidden(self):
        """The repr hides the token."""
        assert TOKEN not in repr(ServerSettings(token=TOKEN))


class _Counting:
    """A regime that notes how many scorings run at once, each taking 0.3 seconds."""

    id = "counting"
    lock = threading.Lock()
    now = 0
    most = 0

    def score(self, appraisal, *, trace=True):
        with self.lock:
            _Counting.now += 1
            _Counting.most = max(_Counting.most, _Counting.now)
        time.sleep(0.3)
        with self.lock:
            _Counting.now -= 1
        return Permen6Regime().score(appraisal, trace=trace)


class TestThreads:
    """At most `threads` requests are worked on at once; the others wait their turn."""

    @pytest.mark.parametrize("threads", [1, 3])
    def test_at_most_threads_at_once(self, threads):
        registry = StrategyRegistry()
        registry.register("counting", _Counting)
        _Counting.most = 0
        app = create_app(ServerSettings(threads=threads), registry=registry)
        body = dumps(load_sample())
        with running(app) as base:

            def post(_: int) -> int:
                url = f"{base}/score?regime=counting&trace=false"
                return httpx.post(url, content=body, timeout=30).status_code

            with ThreadPoolExecutor(4) as pool:
                statuses = list(pool.map(post, range(4)))
        assert statuses == [200] * 4
        assert _Counting.most == threads

    @pytest.mark.parametrize("value", [0, -1, True, 1.5, "4"])
    def test_bad_threads(self, value):
        """threads is a whole number above 0."""
        with pytest.raises(InvalidNumberError) as raised:
            ServerSettings(threads=value)
        assert raised.value.field == "threads"
