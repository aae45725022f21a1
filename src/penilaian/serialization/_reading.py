"""
The one JSON reader: every JSON document the project reads is parsed here, once, the same way.

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

import json
import os
from decimal import Decimal
from pathlib import Path
from typing import IO, Any, Final

from penilaian.exceptions import InvalidInputError, Problem, UnsupportedInputError

__all__ = ["MAX_DOCUMENT_BYTES", "parse_json", "read_document", "repeated_keys"]

MAX_DOCUMENT_BYTES: Final = 200 * 1024 * 1024
"""
The largest JSON document any reader takes: 200 MiB of UTF-8.

`penilaian.serialization.parse_json` (and so `loads`), `read_document`, the command
line, policy files, development catalogues and the shipped samples all check it
before parsing; a bigger document is refused with an `InvalidInputError` whose one
problem, at ``$``, is an `UnsupportedInputError` naming this limit.
"""


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


def repeated_keys(data: object) -> tuple[str, ...]:
    """Return the keys that the JSON text of the object *data* gave more than once, sorted."""
    return data.repeated if isinstance(data, _RepeatedKeys) else ()


def _check_size(size: int) -> None:
    # Read at call time, so that the one constant is the one limit.
    if size > MAX_DOCUMENT_BYTES:
        reason = (
            f"is larger than the limit of {MAX_DOCUMENT_BYTES} bytes "
            "(penilaian.serialization.MAX_DOCUMENT_BYTES)"
        )
        error = UnsupportedInputError("document", size, reason)
        raise InvalidInputError([Problem.from_error("$", error)])


def _size(text: str | bytes) -> int:
    if isinstance(text, bytes) or len(text) > MAX_DOCUMENT_BYTES:
        return len(text)  # a character is at least one byte: too large already
    if 4 * len(text) <= MAX_DOCUMENT_BYTES:
        return len(text)  # at most four bytes a character: small enough, no copy made
    return len(text.encode("utf-8", "surrogatepass"))


def read_document(source: str | os.PathLike[str] | IO[bytes]) -> bytes:
    """
    Return the bytes of a JSON document: a file, or a binary stream such as standard input.

    A file larger than `MAX_DOCUMENT_BYTES` is refused before it is read, and no more
    than one byte past the limit is ever read from a stream.

    Raises:
        InvalidInputError: for a document larger than `MAX_DOCUMENT_BYTES`.
        OSError: if the file cannot be read.
    """
    if isinstance(source, str | os.PathLike):
        path = Path(source)
        _check_size(path.stat().st_size)
        with path.open("rb") as stream:
            raw = stream.read(MAX_DOCUMENT_BYTES + 1)
    else:
        raw = source.read(MAX_DOCUMENT_BYTES + 1)
    _check_size(len(raw))
    return raw


def parse_json(text: str | bytes) -> Any:  # noqa: ANN401 - JSON data is untyped
    """
    Parse a JSON document into plain data, reading every number exactly.

    A number with a point or an exponent becomes a `Decimal` as written, a whole
    number an `int`; ``NaN`` and ``Infinity``, which Python's reader accepts, become
    the `Decimal` of that name, which every exact field refuses at its path.  Bytes
    are UTF-8 (or UTF-16 or UTF-32, detected as the `json` module does).

    Raises:
        InvalidInputError: at ``$``, for a document larger than `MAX_DOCUMENT_BYTES`,
            bytes that do not decode (``not UTF-8 JSON``) and text that is not JSON
            (``not JSON``).
    """
    _check_size(_size(text))
    if isinstance(text, bytes):
        try:
            text = text.decode(json.detect_encoding(text))
        except UnicodeDecodeError as error:
            raise InvalidInputError([Problem("$", f"not UTF-8 JSON: {error}", error)]) from error
    try:
        return json.loads(
            text, parse_float=Decimal, parse_constant=Decimal, object_pairs_hook=_object
        )
    except ValueError as error:
        raise InvalidInputError([Problem("$", f"not JSON: {error}", error)]) from error
