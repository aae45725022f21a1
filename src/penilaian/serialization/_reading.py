"""
The one reader: every file the project reads is checked here, every JSON document parsed here.

`check_file` is the one check of an input file: a regular file (a link to one
counts), no larger than a limit; a missing file, a directory, a device, a named
pipe or a socket is refused with an error naming the path as given.  `read_file`
reads such a file (or standard input, where a stream is allowed) without ever
reading more than one byte past the limit.

Numbers are read exactly as written: ``99.499999999999999999`` becomes that very
`Decimal`, never a binary float, so a file means the same through the library, the
command line, a policy file or a catalogue.  A document larger than
`MAX_DOCUMENT_BYTES` is refused before it is parsed (a file before it is read).

Example:
    >>> from penilaian.serialization import parse_json
    >>> parse_json('{"value": 99.499999999999999999, "count": 3}')
    {'value': Decimal('99.499999999999999999'), 'count': 3}
"""

from __future__ import annotations

import errno
import functools
import json
import os
import stat
from decimal import Decimal
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Final

from penilaian.exceptions import (
    InvalidInputError,
    InvalidValueError,
    Problem,
    UnsupportedInputError,
)

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = [
    "MAX_DOCUMENT_BYTES",
    "check_file",
    "parse_document",
    "parse_json",
    "read_document",
    "read_file",
    "repeated_keys",
]

MAX_DOCUMENT_BYTES: Final = 200 * 1024 * 1024
"""
The largest JSON document any reader takes: 200 MiB of UTF-8.

`penilaian.serialization.parse_json` (and so `loads`), `read_document`, the command
line, policy files, development catalogues and the shipped samples all check it
before parsing; a bigger document is refused with an `InvalidInputError` whose one
problem, at ``$``, is an `UnsupportedInputError` naming this limit.
"""

_KINDS: Final = (
    (stat.S_ISDIR, "a directory, not a file"),
    (stat.S_ISCHR, "a character device (such as /dev/null or a terminal), not a regular file"),
    (stat.S_ISBLK, "a block device, not a regular file"),
    (stat.S_ISFIFO, "a named pipe, not a regular file"),
    (stat.S_ISSOCK, "a socket, not a regular file"),
)
# Non-blocking, so that a named pipe put in a file's place cannot make the open hang.
_OPEN_FLAGS: Final = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


class _RepeatedKeys(dict[str, Any]):
    """A JSON object whose text gave some keys more than once (the last one counts)."""

    repeated: tuple[str, ...] = ()


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found = dict(pairs)
    if len(found) == len(pairs):
        return found  # the common case: a plain dict
    marked = _RepeatedKeys(pairs)
    keys = [key for key, _ in pairs]
    marked.repeated = tuple(sorted({key for key in keys if keys.count(key) > 1}))
    return marked


# The two readers, made once (`json.loads` with arguments makes a new one on every call).
# Threads share them as `json.loads` shares its default reader: a reader keeps no state
# from one document to the next.
_READERS: Final = {
    marking: json.JSONDecoder(
        parse_float=Decimal, parse_constant=Decimal, object_pairs_hook=_object if marking else None
    )
    for marking in (False, True)
}


@functools.cache
def quick_reader() -> Callable[[str], Any] | None:
    """
    The JSON reader of msgspec with exact numbers (the ``speedups`` extra); `None` without it.

    It reads a document about twice as fast as the `json` module, each number with a
    point or an exponent handed as written to `Decimal`.  It refuses some documents that
    `json` reads (``NaN``, a lone surrogate escape, a long integer); `parse_document`
    hands every document it refuses to `json`, so what is read and every error are
    `json`'s.  Where both read a document they read the same data, types and key order
    included (``tests/serialization/test_json_readers.py``).  Only at Python's recursion
    limit may one read a document a level or two deeper than the other; a model type
    refuses data that deep either way (at ``$``, or at the path too deep).
    """
    try:
        import msgspec  # noqa: PLC0415 - on the first document, and only if installed
    except ImportError:
        return None
    decode: Callable[[str], Any] = msgspec.json.Decoder(float_hook=Decimal).decode
    return decode


def repeated_keys(data: object) -> tuple[str, ...]:
    """Return the keys that the JSON text of the object *data* gave more than once, sorted."""
    return data.repeated if isinstance(data, _RepeatedKeys) else ()


def _check_size(size: int, limit: int | None = None, limit_name: str = "", what: str = "") -> None:
    """Refuse *size* over *limit*: by default `MAX_DOCUMENT_BYTES`, read at call time."""
    if limit is None:
        limit, limit_name = MAX_DOCUMENT_BYTES, "penilaian.serialization.MAX_DOCUMENT_BYTES"
    if size > limit:
        named = f" ({limit_name})" if limit_name else ""
        reason = f"{what}is larger than the limit of {limit} bytes{named}"
        error = UnsupportedInputError("document", size, reason)
        raise InvalidInputError([Problem.from_error("$", error)])


def _size(text: str | bytes) -> int:
    if isinstance(text, bytes) or len(text) > MAX_DOCUMENT_BYTES:
        return len(text)  # a character is at least one byte: too large already
    if 4 * len(text) <= MAX_DOCUMENT_BYTES:
        return len(text)  # at most four bytes a character: small enough, no copy made
    return len(text.encode("utf-8", "surrogatepass"))


def _refused(name: str, reason: str) -> InvalidInputError:
    return InvalidInputError([Problem.from_error("$", InvalidValueError("path", name, reason))])


def _not_a_file(mode: int) -> str | None:
    """Say what a file of *mode* is when it is not a regular file."""
    for test, what in _KINDS:
        if test(mode):
            return what
    return None if stat.S_ISREG(mode) else "not a regular file"


def _why_not_opened(path: str, error: OSError) -> str:
    if error.errno == errno.ENOENT:
        dangling = Path(path).is_symlink()
        return "no such file (a link to a file that does not exist)" if dangling else "no such file"
    if error.errno == errno.ENOTDIR:
        return "no such file (a part of the path is not a directory)"
    if error.errno in {errno.EACCES, errno.EPERM}:
        return "cannot be read: permission denied"
    if error.errno == errno.ELOOP:
        return "cannot be read: too many levels of links"
    return f"cannot be read: {error.strerror or error}"


def check_file(
    path: str | os.PathLike[str], *, limit: int | None = None, limit_name: str | None = None
) -> os.stat_result:
    """
    Check that *path* is a regular file no larger than *limit*, and return its status.

    This is the one check of every file the project reads (JSON documents, policy
    files, spreadsheets, the command line's inputs).  Links are followed: a link to
    a regular file is that file.

    Args:
        path: The file, as the user gave it; every error names it so.
        limit: The most bytes the file may hold; `MAX_DOCUMENT_BYTES` by default.
        limit_name: The name of the limit, for the message (the default limit's
            own name by default).

    Returns:
        The file's status (`os.stat`).

    Raises:
        InvalidInputError: with one problem at ``$``.  Its error is an
            `InvalidValueError` (field ``path``, the value *path*) for a missing
            file, a directory, a device, a named pipe or a socket, or a file that
            cannot be read; an `UnsupportedInputError` (field ``document``, the
            value the file's size) for a file larger than *limit*.
    """
    name = os.fspath(path)
    try:
        status = Path(name).stat()
    except OSError as error:
        raise _refused(name, _why_not_opened(name, error)) from error
    kind = _not_a_file(status.st_mode)
    if kind is not None:
        raise _refused(name, kind)
    _check_size(status.st_size, limit, limit_name or "", what=f"the file {name} ")
    return status


def read_file(
    path: str | os.PathLike[str],
    *,
    limit: int | None = None,
    limit_name: str | None = None,
    stdin: IO[bytes] | None = None,
) -> bytes:
    """
    Return the bytes of the regular file *path*, after `check_file`; ``-`` reads *stdin*.

    A file is checked before it is opened (so that a named pipe or a device can
    never make the read hang or run on), checked again once open, and never read
    more than one byte past *limit*; a stream is read one byte past *limit* at most.

    Args:
        path: The file, as the user gave it; ``-`` names *stdin* when one is given.
        limit: The most bytes the file may hold; `MAX_DOCUMENT_BYTES` by default.
        limit_name: The name of the limit, for the message.
        stdin: The stream ``-`` reads (such as ``sys.stdin.buffer``); without
            it, ``-`` is a file of that name.

    Raises:
        InvalidInputError: as `check_file` says, for a file (or a stream) that is
            not a readable regular file within *limit*; every message names *path*.
    """
    name = os.fspath(path)
    if name == "-" and stdin is not None:
        return _read_stream(stdin, limit, limit_name or "", what="standard input ")
    check_file(name, limit=limit, limit_name=limit_name)
    try:
        descriptor = os.open(name, _OPEN_FLAGS)
        with os.fdopen(descriptor, "rb") as stream:
            kind = _not_a_file(os.fstat(stream.fileno()).st_mode)
            if kind is not None:
                raise _refused(name, kind)
            return _read_stream(stream, limit, limit_name or "", what=f"the file {name} ")
    except OSError as error:
        raise _refused(name, _why_not_opened(name, error)) from error


def _read_stream(stream: IO[bytes], limit: int | None, limit_name: str, what: str) -> bytes:
    bound = MAX_DOCUMENT_BYTES if limit is None else limit
    raw = stream.read(bound + 1)  # never more than one byte past the limit
    _check_size(len(raw), limit, limit_name, what)
    return raw


def read_document(source: str | os.PathLike[str] | IO[bytes]) -> bytes:
    """
    Return the bytes of a JSON document: a regular file, or a binary stream such as standard input.

    A file goes through `read_file`: anything but a regular file is refused, and a
    file larger than `MAX_DOCUMENT_BYTES` is refused before it is read.  No more
    than one byte past the limit is ever read from a stream.

    Raises:
        InvalidInputError: for a document larger than `MAX_DOCUMENT_BYTES`, and for
            a path that is not a readable regular file (missing, a directory, a
            device, a named pipe), naming it.
    """
    if isinstance(source, str | os.PathLike):
        return read_file(source)
    return _read_stream(source, None, "", what="")


def parse_json(text: str | bytes, *, marking: bool = True) -> Any:  # noqa: ANN401 - JSON data
    """
    Parse a JSON document into plain data, reading every number exactly.

    A number with a point or an exponent becomes a `Decimal` as written, a whole
    number an `int`; ``NaN`` and ``Infinity``, which Python's reader accepts, become
    the `Decimal` of that name, which every exact field refuses at its path.  Bytes
    are UTF-8 (or UTF-16 or UTF-32, detected as the `json` module does).

    Args:
        text: The document.
        marking: Whether an object whose text repeats a key is marked, for
            `repeated_keys` (the readers of policy files and traces refuse one); without
            marking the data is the same and is read faster.  The last of repeated keys
            counts either way.

    Raises:
        InvalidInputError: at ``$``, for a document larger than `MAX_DOCUMENT_BYTES`,
            bytes that do not decode (``not UTF-8 JSON``) and text that is not JSON
            (``not JSON``).
    """
    return parse_document(text, marking=marking)


def parse_document(text: str | bytes, *, marking: bool) -> Any:  # noqa: ANN401
    """
    `parse_json`, or with *marking* false the same without marking repeated keys.

    Only the readers of policy files and traces ask `repeated_keys`; a type that holds
    none of them is read faster from plain dicts, with the same keys and values (the
    last of repeated keys counts either way), by `quick_reader` where it is installed.
    """
    _check_size(_size(text))
    if isinstance(text, bytes):
        try:
            text = text.decode(json.detect_encoding(text))
        except UnicodeDecodeError as error:
            raise InvalidInputError([Problem("$", f"not UTF-8 JSON: {error}", error)]) from error
    read = None if marking else quick_reader()  # it never marks a repeated key
    if read is not None:
        try:
            return read(text)
        except Exception:  # noqa: BLE001, S110 - `json` below reads it, or says why not
            pass
    try:
        if text.startswith("\ufeff"):  # as `json.loads` refuses it, with its words
            raise json.JSONDecodeError("Unexpected UTF-8 BOM (decode using utf-8-sig)", text, 0)
        return _READERS[marking].decode(text)
    except RecursionError as error:  # the C reader recurses once per level
        problem = Problem("$", "not JSON: nested too deeply to read", error)
        raise InvalidInputError([problem]) from None
    except ValueError as error:
        raise InvalidInputError([Problem("$", f"not JSON: {error}", error)]) from error
