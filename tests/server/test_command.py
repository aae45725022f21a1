"""The ``penilaian serve`` command: its options, a real run, and the path for a missing extra."""

from __future__ import annotations

import io
import os
import socket
import subprocess
import sys
import time

import httpx
import pytest
import uvicorn

from penilaian.cli import main
from penilaian.exceptions import MissingExtraError
from penilaian.server import command


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class TestServe:
    """The command starts the service on 127.0.0.1 and refuses wrong options as usage."""

    @pytest.mark.parametrize(
        "options",
        [["--max-bytes", "0"], ["--max-bytes", "x"], ["--timeout", "-1"], ["--token", "short"]],
    )
    def test_wrong_option_is_usage(self, options):
        """A limit or token that would not work exits 2, naming the option."""
        err = io.StringIO()
        assert main(["serve", *options], stdout=io.StringIO(), stderr=err) == 2

    def test_missing_extra(self, monkeypatch):
        """Without the extra, the command takes the MissingExtraError path, naming the install."""

        def missing(extra, module):
            raise MissingExtraError(extra, module)

        monkeypatch.setattr(command, "require", missing)
        err = io.StringIO()
        code = main(["serve"], stdout=io.StringIO(), stderr=err)
        assert code == 1  # the command line's exit code for a missing extra
        assert 'pip install ".[server]"' in err.getvalue()

    def test_serve_passes_the_limits(self, monkeypatch):
        """The options reach the service; beyond this machine without a token it warns."""
        ran = {}
        monkeypatch.setattr(uvicorn, "run", lambda app, **options: ran.update(options, app=app))
        monkeypatch.delenv("PENILAIAN_TOKEN", raising=False)
        err = io.StringIO()
        argv = ["serve", "--host", "192.0.2.1", "--port", "9", "--max-bytes", "5", "--timeout", "2"]
        assert main(argv, stdout=io.StringIO(), stderr=err) == 0
        assert (ran["host"], ran["port"]) == ("192.0.2.1", 9)
        assert (ran["app"].settings.max_bytes, str(ran["app"].settings.timeout)) == (5, "2")
        assert "no token is set" in err.getvalue()
        err = io.StringIO()
        assert main(["serve", "--host", "localhost"], stdout=io.StringIO(), stderr=err) == 0
        assert "warning" not in err.getvalue()

    @pytest.mark.slow
    def test_runs_with_a_token_from_the_environment(self):
        """`penilaian serve` in a subprocess answers on 127.0.0.1 and needs $PENILAIAN_TOKEN."""
        port = _free_port()
        token = "environment-token-0123456789"  # noqa: S105 - made up
        env = {**os.environ, "PENILAIAN_TOKEN": token}
        process = subprocess.Popen(
            [sys.executable, "-m", "penilaian", "serve", "--port", str(port)],
            env=env,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            base = f"http://127.0.0.1:{port}"
            deadline = time.monotonic() + 20
            while True:
                try:
                    answer = httpx.get(f"{base}/template", timeout=5)
                    break
                except httpx.TransportError:
                    assert time.monotonic() < deadline, "the service did not start"
                    time.sleep(0.1)
            assert answer.status_code == 401
            headers = {"authorization": f"Bearer {token}"}
            assert httpx.get(f"{base}/template", headers=headers, timeout=5).status_code == 200
        finally:
            process.terminate()
            _, err = process.communicate(timeout=20)
        assert f"http://127.0.0.1:{port}/" in err
