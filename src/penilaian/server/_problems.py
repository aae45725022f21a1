"""
Errors as ``application/problem+json`` (RFC 9457), in Indonesian or English.

Every refusal of the service is one problem document: ``type`` (``about:blank``, so
``title`` is the HTTP status phrase), ``status``, a ``detail`` in the request's
language, a ``code`` a program can branch on, and for invalid input ``problems``:
every problem the library found, each with its ``path`` (a JSON path such as
``$[2].targets[0].indicators[1].target``, or a workbook place such as ``targets!E7``)
and its ``message``, with ``count`` and ``omitted`` when more were found than listed.
This module needs no web library: the pure ASGI guards send these documents too.
"""

from __future__ import annotations

import json
from http import HTTPStatus
from typing import TYPE_CHECKING, Any, Final

from penilaian._base.words import Words
from penilaian.exceptions import (
    InvalidInputError,
    InvalidValueError,
    MissingExtraError,
    PenilaianError,
    ScoringInputError,
    UnknownStrategyError,
    in_language,
)

if TYPE_CHECKING:
    from collections.abc import Awaitable, Callable, Mapping

    from penilaian._base.labels import Language

    Send = Callable[[dict[str, Any]], Awaitable[None]]

__all__ = ["MEDIA_TYPE", "WORDS", "Refusal", "body", "document", "from_error", "send_problem"]

MEDIA_TYPE: Final = "application/problem+json"

WORDS: Final = Words(
    {
        "invalid_input": (
            "Dokumen memuat {count} masalah; setiap masalah disebut dengan letaknya.",
            "The document has {count} problem(s); each is listed with its place.",
        ),
        "scoring_input": (
            "Penilaian tidak dapat dihitung oleh rezimnya: {count} masalah.",
            "The regime cannot score the appraisal(s): {count} problem(s).",
        ),
        "invalid_value": ("Nilai tidak sah: {error}", "Invalid value: {error}"),
        "unknown_regime": (
            "Rezim tidak dikenal: {error}",
            "Unknown regime: {error}",
        ),
        "missing_extra": (
            "Fitur ini memerlukan paket tambahan yang belum terpasang: {error}",
            "This feature needs an extra that is not installed: {error}",
        ),
        "not_found": ("Alamat {path} tidak ada.", "There is no {path}."),
        "method_not_allowed": (
            "Metode {method} tidak berlaku untuk {path}; yang berlaku: {allowed}.",
            "{method} is not allowed on {path}; allowed: {allowed}.",
        ),
        "too_large": (
            "Isi permintaan melebihi batas {limit} bita.",
            "The request body is larger than the limit of {limit} bytes.",
        ),
        "timeout": (
            "Permintaan melebihi batas waktu {seconds} detik.",
            "The request took longer than the limit of {seconds} seconds.",
        ),
        "unauthorized": (
            "Diperlukan token: kirim header 'Authorization: Bearer <token>'.",
            "A token is needed: send the header 'Authorization: Bearer <token>'.",
        ),
        "bad_token": ("Token salah.", "The token is wrong."),
        "bad_media": (
            "Jenis isi {media} tidak diterima; kirim {accepted}.",
            "The content type {media} is not accepted; send {accepted}.",
        ),
        "bad_query": (
            "Parameter {name} tidak sah: {reason}",
            "Parameter {name} is wrong: {reason}",
        ),
        "unit_grade_none": (
            "Unit tanpa predikat kinerja organisasi: isi unit_grade pada baris pimpinannya.",
            "The unit has no organisation grade: fill unit_grade on its leader's row.",
        ),
        "unit_grade_many": (
            "Unit dengan lebih dari satu predikat kinerja organisasi (unit_grade).",
            "The unit has more than one organisation grade (unit_grade).",
        ),
        "curve_met": (
            "Sebaran predikat memenuhi kurva distribusi.",
            "The grades fit the distribution curve.",
        ),
        "curve_broken": (
            "Sebaran predikat tidak memenuhi kurva distribusi; lihat usulan kalibrasi.",
            "The grades break the distribution curve; see the calibration proposal.",
        ),
        "internal": (
            "Terjadi galat internal (kesalahan program penilaian); laporkan beserta waktunya.",
            "An internal error (a bug in penilaian); please report it with the time.",
        ),
    }
)


class Refusal(Exception):  # noqa: N818 - a refusal is the answer, not a failure of the service
    """
    A request refused with a problem document: raised in a route, answered by the app.

    Attributes:
        status: The HTTP status.
        code: The ``code`` member, and the key of its detail in `WORDS`.
        values: What the detail's text is formatted with.
        problems: The ``problems`` member, if any.
        headers: Headers to send with it (``Allow``, ``WWW-Authenticate``).
    """

    def __init__(
        self,
        status: int,
        code: str,
        values: Mapping[str, object] | None = None,
        *,
        problems: list[dict[str, object]] | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(status, code)
        self.status = status
        self.code = code
        self.values = dict(values or {})
        self.problems = problems
        self.headers = dict(headers or {})

    def document(self, lang: Language) -> dict[str, object]:
        """Return the problem document in *lang*."""
        detail = WORDS.in_language(lang)[self.code].format(**self.values)
        found = document(self.status, self.code, detail)
        if self.problems is not None:
            found["problems"] = self.problems
        return found


def document(status: int, code: str, detail: str) -> dict[str, object]:
    """Return a problem document: ``type``, ``title``, ``status``, ``detail`` and ``code``."""
    return {
        "type": "about:blank",
        "title": HTTPStatus(status).phrase,
        "status": status,
        "detail": detail,
        "code": code,
    }


def _listed(error: InvalidInputError, lang: Language) -> list[dict[str, object]]:
    listed: list[dict[str, object]] = []
    for problem in error.problems:
        # The problem as people read it, without the path that has a member of its own.
        message = in_language(problem, lang).removesuffix(f" @ {problem.path}")
        item: dict[str, object] = {"path": problem.path, "message": message}
        if problem.error is not None:
            item["error"] = type(problem.error).__name__
        if isinstance(problem.error, InvalidValueError):
            item["field"] = problem.error.field
        listed.append(item)
    return listed


def from_error(error: PenilaianError, lang: Language = "id") -> Refusal:
    """
    Return the refusal that answers *error*, every problem of it listed with its path.

    Each problem's message is said in *lang* through the library's catalogue of reasons
    (`penilaian.exceptions.in_language`).
    """
    if isinstance(error, InvalidInputError):
        code = "scoring_input" if isinstance(error, ScoringInputError) else "invalid_input"
        return Refusal(422, code, {"count": error.count}, problems=_listed(error, lang))
    if isinstance(error, UnknownStrategyError):
        problem: dict[str, object] = {"path": "?regime", "message": in_language(error, lang)}
        problem["error"] = type(error).__name__
        return Refusal(400, "unknown_regime", {"error": error}, problems=[problem])
    if isinstance(error, MissingExtraError):
        return Refusal(501, "missing_extra", {"error": error})
    problems: list[dict[str, object]] | None = None
    if isinstance(error, InvalidValueError):
        problem = {"path": "$", "message": in_language(error, lang), "error": type(error).__name__}
        problems = [{**problem, "field": error.field}]
    return Refusal(422, "invalid_value", {"error": error}, problems=problems)


def body(found: Mapping[str, object]) -> bytes:
    """Return a problem document as UTF-8 JSON."""
    return json.dumps(found, ensure_ascii=False, default=str).encode("utf-8")


async def send_problem(send: Send, refusal: Refusal, lang: Language = "id") -> None:
    """Send *refusal* as a whole ASGI response (for the guards that run before the app)."""
    data = body(refusal.document(lang))
    headers = [
        (b"content-type", MEDIA_TYPE.encode()),
        (b"content-length", str(len(data)).encode()),
        *((name.lower().encode(), value.encode()) for name, value in refusal.headers.items()),
    ]
    await send({"type": "http.response.start", "status": refusal.status, "headers": headers})
    await send({"type": "http.response.body", "body": data})
