"""
The HTTP service: ``penilaian serve``, JSON and workbooks in, JSON, reports and workbooks out.

A boundary package like the command line.  `penilaian.server.app.create_app` builds
the ASGI application (the ``server`` extra: Starlette and uvicorn); this package's
face holds only what needs no web library, so that the command line can offer
``serve`` and name the extra to install when it is missing.
"""

from __future__ import annotations

from penilaian.server.limits import (
    DEFAULT_HOST,
    DEFAULT_MAX_BYTES,
    DEFAULT_PORT,
    DEFAULT_THREADS,
    DEFAULT_TIMEOUT,
    TOKEN_ENV,
    ServerSettings,
)

__all__ = [
    "DEFAULT_HOST",
    "DEFAULT_MAX_BYTES",
    "DEFAULT_PORT",
    "DEFAULT_THREADS",
    "DEFAULT_TIMEOUT",
    "TOKEN_ENV",
    "ServerSettings",
]
