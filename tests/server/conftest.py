"""Shared helpers of the service tests: a real uvicorn server on 127.0.0.1, in a thread."""

from __future__ import annotations

import pytest

pytest.importorskip("starlette", reason="the server extra is not installed")
pytest.importorskip("uvicorn", reason="the server extra is not installed")
httpx = pytest.importorskip("httpx", reason="the tests extra is not installed")

from serving import TOKEN, running  # noqa: E402

from penilaian.server import ServerSettings  # noqa: E402
from penilaian.server.app import create_app  # noqa: E402


@pytest.fixture(name="base", scope="session")
def _base():
    """The base URL of a service with the default settings."""
    with running(create_app()) as url:
        yield url


@pytest.fixture(name="client", scope="session")
def _client(base):
    """An HTTP client of the default service."""
    with httpx.Client(base_url=base, timeout=30) as client:
        yield client


@pytest.fixture(name="guarded", scope="session")
def _guarded():
    """A client of a service with a token, a 2,000-byte body limit and a 1-second time limit."""
    settings = ServerSettings(max_bytes=2_000, timeout="1", token=TOKEN)
    with running(create_app(settings)) as url, httpx.Client(base_url=url, timeout=30) as client:
        yield client
