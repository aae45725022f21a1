"""
What a request brings: its appraisals (JSON, or an XLSX workbook) and its query parameters.

A body is JSON (``application/json``: one appraisal or an array, read through the one
JSON door, `penilaian.serialization`) or a workbook filled from the template, sent as
the body (``application/vnd.openxmlformats-officedocument.spreadsheetml.sheet``) or as
the ``file`` field of a ``multipart/form-data`` form.  A workbook is written into a
temporary directory that is removed before the answer is sent: nothing is kept.
"""

from __future__ import annotations

import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Final

import attrs

from penilaian._base.checks import unique_ids
from penilaian.exceptions import DuplicateIdError, InvalidInputError, MissingValueError, Problem
from penilaian.model.appraisal import Appraisal
from penilaian.serialization import parse_json, structure
from penilaian.server._problems import Refusal

if TYPE_CHECKING:
    from penilaian._base.labels import Language

__all__ = ["JSON", "XLSX", "Body", "Query", "body_kind", "load_appraisals", "media_type"]

JSON: Final = "application/json"
XLSX: Final = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_FORM: Final = "multipart/form-data"
_EMPTY: Final = "holds no appraisal: fill one row per appraisal in the employees sheet"


@attrs.frozen
class Body:
    """
    A request's body, as sent.

    Attributes:
        kind: ``"json"`` or ``"xlsx"``.
        data: The bytes.
        name: The workbook's file name, as sent (for its problems' places).
    """

    kind: str
    data: bytes
    name: str = "upload.xlsx"


def media_type(header: str) -> str:
    """Return the media type of a ``Content-Type`` header, lower case, without parameters."""
    return header.partition(";")[0].strip().lower()


def body_kind(header: str) -> str:
    """
    Return ``"json"``, ``"xlsx"`` or ``"form"`` for a ``Content-Type`` header.

    Raises:
        Refusal: 415, for any other type.
    """
    kinds = {JSON: "json", XLSX: "xlsx", _FORM: "form", "": "json"}
    kind = kinds.get(media_type(header))
    if kind is None:
        accepted = f"{JSON}, {XLSX}, {_FORM}"
        raise Refusal(415, "bad_media", {"media": media_type(header), "accepted": accepted})
    return kind


def load_appraisals(body: Body, max_bytes: int) -> tuple[tuple[Appraisal, ...], bool]:
    """
    Return the appraisals of *body*, and whether it held one JSON appraisal (not an array).

    Raises:
        InvalidInputError: for every problem, at its JSON path or workbook place; for a
            body that holds no appraisal.
        DuplicateIdError: for two appraisals with one id.
    """
    if body.kind == "xlsx":
        # An optional extra, imported only when a workbook is read.
        from penilaian.io.spreadsheet import read_appraisals  # noqa: PLC0415

        with tempfile.TemporaryDirectory(prefix="penilaian-") as folder:
            path = Path(folder) / _file_name(body.name)
            path.write_bytes(body.data)
            appraisals = read_appraisals(path, max_bytes=max_bytes)
        single = False
    else:
        # An appraisal holds no policy or trace, whose readers ask for repeated keys.
        data = parse_json(body.data, marking=False)
        single = not isinstance(data, list)
        appraisals = (
            (structure(data, Appraisal),) if single else structure(data, tuple[Appraisal, ...])
        )
    if not appraisals:
        raise InvalidInputError([Problem("$", _EMPTY, MissingValueError("$", None, _EMPTY))])
    try:
        unique_ids("$", appraisals)
    except DuplicateIdError as error:
        raise InvalidInputError([Problem.from_error(error.field, error)]) from error
    return appraisals, single


def _file_name(name: str) -> str:
    """A safe file name for an upload: its last part, letters, digits, ``.-_`` only."""
    last = name.replace("\\", "/").rpartition("/")[2]
    kept = "".join(c for c in last if c.isascii() and (c.isalnum() or c in "._-"))
    kept = kept.lstrip(".")[:100]
    return kept if kept.lower().endswith(".xlsx") else "upload.xlsx"


@attrs.frozen
class Query:
    """
    The query parameters of a request, read one by one with their checks.

    Attributes:
        params: Each parameter's last value.
    """

    params: Mapping[str, str]

    def lang(self) -> Language:
        """The ``lang`` parameter: ``id`` (default) or ``en``."""
        value = self.params.get("lang", "id")
        if value == "en":
            return "en"
        if value != "id":
            raise Refusal(400, "bad_query", {"name": "lang", "reason": f"{value!r} (id, en)"})
        return "id"

    def choice(self, name: str, choices: tuple[str, ...]) -> str:
        """The parameter *name*, one of *choices*; the first by default."""
        value = self.params.get(name, choices[0])
        if value not in choices:
            reason = f"{value!r} ({', '.join(choices)})"
            raise Refusal(400, "bad_query", {"name": name, "reason": reason})
        return value

    def flag(self, name: str, *, default: bool) -> bool:
        """The parameter *name* as ``true`` or ``false``."""
        given = self.choice(name, ("true", "false") if default else ("false", "true"))
        return given == "true"

    def text(self, name: str) -> str | None:
        """The parameter *name*, or ``None`` when it is not given."""
        return self.params.get(name)

    def count(self, name: str, default: int, most: int) -> int:
        """The parameter *name* as a whole number from 1 to *most*."""
        value = self.params.get(name, str(default))
        if not value.isdigit() or not 1 <= int(value) <= most:
            reason = f"{value!r} (1 to {most})"
            raise Refusal(400, "bad_query", {"name": name, "reason": reason})
        return int(value)
