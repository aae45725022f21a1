"""
The ``penilaian serve`` command: `add_parser` registers it, `serve` runs it.

This module imports no web library: the command is always listed, and without the
``server`` extra it ends with `penilaian.exceptions.MissingExtraError`, whose message
names the install (the command line's path for a missing extra).
"""

from __future__ import annotations

import argparse
import ipaddress
import os
from decimal import Decimal
from typing import TYPE_CHECKING

from penilaian._base.extras import require
from penilaian.exceptions import InvalidValueError
from penilaian.server.limits import (
    DEFAULT_HOST,
    DEFAULT_MAX_BYTES,
    DEFAULT_PORT,
    DEFAULT_THREADS,
    DEFAULT_TIMEOUT,
    TOKEN_ENV,
    ServerSettings,
)

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence
    from typing import Any, TextIO

__all__ = ["add_parser", "serve"]


def _checked(field: str) -> Any:  # noqa: ANN401 - an argparse type function
    def check(text: str) -> object:
        whole = field in {"max_bytes", "threads"}
        value: object = int(text) if whole and text.isdigit() else text
        try:
            ServerSettings(**{field: value})  # type: ignore[arg-type] # checked there
        except InvalidValueError as error:
            raise argparse.ArgumentTypeError(error.reason) from error
        return value

    return check


def add_parser(
    commands: Any,  # noqa: ANN401 - argparse's private subparsers type
    parents: Sequence[argparse.ArgumentParser] = (),
    *,
    helps: Mapping[str, str],
) -> None:
    """
    Add the ``serve`` command to *commands*, the command line's subparsers.

    *helps* are the command line's help texts in the reader's language, by key
    (``serve.help``, ``serve.host``, ...: the command line's help table).
    """
    serve_parser = commands.add_parser(
        "serve",
        parents=list(parents),
        help=helps["serve.help"],
        description=helps["serve.description"],
    )
    serve_parser.add_argument(
        "--host", default=DEFAULT_HOST, metavar=helps["metavar.host"], help=helps["serve.host"]
    )
    serve_parser.add_argument(
        "--port",
        type=int,
        default=DEFAULT_PORT,
        metavar=helps["metavar.n"],
        help=helps["serve.port"],
    )
    serve_parser.add_argument(
        "--token",
        type=_checked("token"),
        metavar=helps["metavar.token"],
        help=helps["serve.token"].format(env=TOKEN_ENV),
    )
    serve_parser.add_argument(
        "--max-bytes",
        type=_checked("max_bytes"),
        default=DEFAULT_MAX_BYTES,
        metavar=helps["metavar.n"],
        help=helps["serve.max_bytes"],
    )
    serve_parser.add_argument(
        "--threads",
        type=_checked("threads"),
        default=DEFAULT_THREADS,
        metavar=helps["metavar.n"],
        help=helps["serve.threads"],
    )
    serve_parser.add_argument(
        "--timeout",
        type=_checked("timeout"),
        default=str(DEFAULT_TIMEOUT),
        metavar=helps["metavar.seconds"],
        help=helps["serve.timeout"],
    )


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def serve(args: argparse.Namespace, _out: TextIO, err: TextIO) -> int:
    """
    Run the service with the options of *args* until it is stopped (Ctrl-C); return 0.

    Raises:
        MissingExtraError: without the ``server`` extra, naming the install.
        InvalidValueError: for a token from ``$PENILAIAN_TOKEN`` that is too short.
    """
    require("server", "uvicorn")
    import uvicorn  # noqa: PLC0415 - the optional extra, checked just above

    from penilaian.server.app import create_app  # noqa: PLC0415 - needs the extra

    token = args.token or os.environ.get(TOKEN_ENV) or None
    settings = ServerSettings(
        max_bytes=args.max_bytes,
        timeout=Decimal(args.timeout),
        token=token,
        threads=args.threads,
    )
    if token is None and not _is_loopback(args.host):
        print(
            f"penilaian serve: warning: {args.host} is not this machine only, and no "
            f"token is set (--token or ${TOKEN_ENV})",
            file=err,
        )
    print(f"penilaian serve: http://{args.host}:{args.port}/ (Ctrl-C to stop)", file=err)
    uvicorn.run(
        create_app(settings),
        host=args.host,
        port=args.port,
        log_level="warning",
        server_header=False,
    )
    return 0
