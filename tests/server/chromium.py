"""
Drive headless Chromium through the DevTools protocol over a pipe (no WebSocket library).

``--remote-debugging-pipe`` makes Chromium read protocol messages from file descriptor
3 and write its answers to descriptor 4, each a JSON text ended by a NUL byte.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import time

FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-dev-shm-usage",
    "--remote-debugging-pipe",
)


def find_chromium():
    """The Chromium binary: /usr/bin/chromium (Debian's package), or one on PATH, or None."""
    for name in ("/usr/bin/chromium", "chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return None


class Browser:
    """One headless Chromium with one page, driven by protocol commands."""

    def __init__(self, binary, profile):
        to_browser_read, self._to_browser = os.pipe()
        self._from_browser, from_browser_write = os.pipe()
        # Chromium reads descriptor 3 and writes descriptor 4.
        self.process = subprocess.Popen(
            [binary, *FLAGS, f"--user-data-dir={profile}", "about:blank"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            pass_fds=(3, 4),
            preexec_fn=lambda: (os.dup2(to_browser_read, 3), os.dup2(from_browser_write, 4)),  # noqa: PLW1509 - the descriptors Chromium reads
        )
        os.close(to_browser_read)
        os.close(from_browser_write)
        self._buffer = b""
        self._next = 0
        self.events = []
        target = self.command("Target.createTarget", url="about:blank")["targetId"]
        attached = self.command("Target.attachToTarget", targetId=target, flatten=True)
        self.session = attached["sessionId"]
        self.command("Page.enable", session=True)
        self.command("Runtime.enable", session=True)

    def _read(self, deadline):
        while b"\0" not in self._buffer:
            assert time.monotonic() < deadline, "Chromium did not answer"
            chunk = os.read(self._from_browser, 1 << 16)
            assert chunk, "Chromium closed its pipe"
            self._buffer += chunk
        message, _, self._buffer = self._buffer.partition(b"\0")
        return json.loads(message)

    def command(self, method, *, session=False, timeout=30, **params):
        """Send *method* with *params* (to the page if *session*) and return its result."""
        self._next += 1
        message = {"id": self._next, "method": method, "params": params}
        if session:
            message["sessionId"] = self.session
        os.write(self._to_browser, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            answer = self._read(deadline)
            if answer.get("id") == self._next:
                assert "error" not in answer, answer["error"]
                return answer["result"]
            self.events.append(answer)

    def evaluate(self, expression):
        """The value of a JavaScript *expression* in the page (awaited if a promise)."""
        result = self.command(
            "Runtime.evaluate",
            session=True,
            expression=expression,
            returnByValue=True,
            awaitPromise=True,
        )
        assert "exceptionDetails" not in result, result["exceptionDetails"]
        return result["result"].get("value")

    def wait_for(self, expression, timeout=30):
        """Wait until *expression* is truthy in the page; return its value."""
        deadline = time.monotonic() + timeout
        while True:
            value = self.evaluate(expression)
            if value:
                return value
            assert time.monotonic() < deadline, f"timed out waiting for {expression}"
            time.sleep(0.05)

    def open(self, url):
        """Load *url* and wait until its document and scripts are ready."""
        self.command("Page.navigate", session=True, url=url)
        self.wait_for(
            "document.readyState === 'complete' && window.location.href !== 'about:blank'"
        )

    def set_files(self, selector, *paths):
        """Choose *paths* in the file input *selector*, as a user would."""
        root = self.command("DOM.getDocument", session=True)["root"]["nodeId"]
        node = self.command("DOM.querySelector", session=True, nodeId=root, selector=selector)
        self.command(
            "DOM.setFileInputFiles",
            session=True,
            nodeId=node["nodeId"],
            files=[str(p) for p in paths],
        )

    def press(self, key, code, text=""):
        """Press and release *key* on the focused element."""
        for kind in ("keyDown", "keyUp"):
            params = {
                "type": kind,
                "key": key,
                "code": code,
                "windowsVirtualKeyCode": 13 if key == "Enter" else 0,
            }
            if text and kind == "keyDown":
                params["text"] = text
            self.command("Input.dispatchKeyEvent", session=True, **params)

    def close(self):
        """Close the browser."""
        with contextlib.suppress(AssertionError, OSError):
            self.command("Browser.close", timeout=5)
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(10)
        os.close(self._to_browser)
        os.close(self._from_browser)
