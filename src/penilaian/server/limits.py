"""
What the HTTP service allows: its address, the size of a request, the time of an answer, its token.

It also says how many requests the library works on at once (`ServerSettings.threads`).

`ServerSettings` holds the limits `penilaian.server.app.create_app` enforces and
``penilaian serve`` takes as options.  This module imports no web library, so the
command line can offer ``serve`` (and name the extra to install) without the
``server`` extra.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Final

import attrs

from penilaian.exceptions import InvalidNumberError, InvalidValueError

__all__ = [
    "DEFAULT_HOST",
    "DEFAULT_MAX_BYTES",
    "DEFAULT_PORT",
    "DEFAULT_THREADS",
    "DEFAULT_TIMEOUT",
    "TOKEN_ENV",
    "ServerSettings",
]

DEFAULT_HOST: Final = "127.0.0.1"
"""The address ``penilaian serve`` listens on: this machine only, never the network."""

DEFAULT_PORT: Final = 8000
"""The port ``penilaian serve`` listens on."""

DEFAULT_MAX_BYTES: Final = 10_000_000
"""The largest request body the service reads: 10 MB (a unit's workbook is a few hundred kB)."""

DEFAULT_TIMEOUT: Final = Decimal(30)
"""The most seconds the service works on one request before it answers 503: 30."""

DEFAULT_THREADS: Final = 4
"""
How many requests the service works on at once: 4; the others wait their turn.

Scoring is Python work, which one process does one piece at a time whatever its
threads, so more requests at once only stretch every answer's tail: at 50 clients
``benchmarks/bench_server.py`` measured a p99 of 60-71 ms with 40 at once, 52 ms with
4 and 41-47 ms with 1.  Fewer makes a long request (a large workbook) hold up the
others longer, within their own time limit.
"""

TOKEN_ENV: Final = "PENILAIAN_TOKEN"  # noqa: S105 - the variable's name, not a token
"""The environment variable ``penilaian serve`` reads its bearer token from (``--token`` wins)."""


def _positive_int(_instance: object, attribute: attrs.Attribute[int], value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        unit = "bytes" if attribute.name == "max_bytes" else "requests"
        raise InvalidNumberError(attribute.name, value, f"must be a whole number of {unit}, >= 1")


def _seconds(value: object) -> Decimal:
    """Attrs converter: a positive, finite number of seconds, taken exactly."""
    if isinstance(value, bool) or not isinstance(value, (int, str, Decimal)):
        raise InvalidNumberError("timeout", value, "must be a number of seconds (int or text)")
    try:
        seconds = Decimal(value)
    except ArithmeticError as error:
        raise InvalidNumberError("timeout", value, "must be a number of seconds") from error
    if not seconds.is_finite() or seconds <= 0:
        raise InvalidNumberError("timeout", value, "must be a number of seconds above 0")
    return seconds


def _token(_instance: object, attribute: attrs.Attribute[str | None], value: object) -> None:
    # A header carries it: printable ASCII without spaces; 16 characters at least.
    if value is None:
        return
    if not isinstance(value, str) or len(value) < 16 or not all(33 <= ord(c) < 127 for c in value):
        reason = "must be at least 16 printable ASCII characters without spaces"
        raise InvalidValueError(attribute.name, "<hidden>", reason)


@attrs.frozen
class ServerSettings:
    """
    The limits of one service.

    >>> ServerSettings(max_bytes=1_000_000, timeout="2.5")
    ServerSettings(max_bytes=1000000, timeout=Decimal('2.5'), token=None, threads=4)
    >>> ServerSettings(token="s3cret-s3cret-s3cret")
    ServerSettings(max_bytes=10000000, timeout=Decimal('30'), token='<hidden>', threads=4)

    Attributes:
        max_bytes: The largest request body, in bytes (`DEFAULT_MAX_BYTES`).  A larger
            declared ``Content-Length`` is refused with 413 before any of the body is
            read; a body sent in chunks is refused as soon as it passes the limit.
        timeout: The most seconds one request may take (`DEFAULT_TIMEOUT`); past it the
            service answers 503 and drops the work's answer.
        token: A bearer token every data endpoint then requires
            (``Authorization: Bearer <token>``), compared in constant time; ``None``
            (the default) requires none.  It never appears in a repr.
        threads: How many requests the library works on at once (`DEFAULT_THREADS`),
            each in a worker thread; the others wait their turn, their time counting.
            A request past its time limit is abandoned and no longer counts.

    Raises:
        InvalidNumberError: *max_bytes* or *threads* is not a whole number above 0, or
            *timeout* not a number of seconds above 0.
        InvalidValueError: *token* is shorter than 16 characters, or not printable
            ASCII without spaces.
    """

    max_bytes: int = attrs.field(default=DEFAULT_MAX_BYTES, validator=_positive_int)
    timeout: Decimal = attrs.field(default=DEFAULT_TIMEOUT, converter=_seconds)
    token: str | None = attrs.field(
        default=None, validator=_token, repr=lambda token: "None" if token is None else "'<hidden>'"
    )
    threads: int = attrs.field(default=DEFAULT_THREADS, validator=_positive_int)
