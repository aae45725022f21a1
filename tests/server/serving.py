"""The service tests' helper: a real uvicorn server on a free port of 127.0.0.1, in a thread."""

from __future__ import annotations

import contextlib
import socket
import threading
import time

import uvicorn

TOKEN = "test-token-0123456789abcdef"  # noqa: S105 - a made-up token


@contextlib.contextmanager
def running(app):
    """Serve *app* with uvicorn on a free port of 127.0.0.1 in a thread; yield its base URL."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    config = uvicorn.Config(app, log_level="error", lifespan="off", ws="none")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        assert time.monotonic() < deadline, "the server did not start"
        time.sleep(0.01)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)
        sock.close()
