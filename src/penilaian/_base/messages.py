"""
The message catalogue: every reason the library writes, in Indonesian and in English.

Errors and problems keep English messages for developers (their ``str()``); people read
them through `penilaian.exceptions.in_language`, which lays each error out by its shape
(`SHAPES`) and renders its reason through the templates here.

A template is an English reason with named placeholders, ``has {length} characters; at
most {limit} are taken``, and its Indonesian text with the same placeholders.  A reason is
matched against the English templates, and what a placeholder matched is kept as it is (a
field, a value, an id), except that

- a placeholder named ``reason`` (or ``reason_2``) holds a reason of its own, rendered in turn;
- a placeholder named ``enum`` holds the name of an enumeration, rendered as its noun
  (`noun_in`), and one named ``accepted`` lists the accepted labels when the error is known;
- in Indonesian, a placeholder whose whole text is an English word of `WORDS` (``sheet``,
  ``month``, a NIP's ``appointment month``) takes its Indonesian word.

A reason that no template matches is shown in English after `MARK`, so it is never hidden
and never passed off as a translation; a test walks the library's source so that none of
its own reasons ends up there.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING, Final

import attrs

from penilaian._base import (
    _message_table_analysis,
    _message_table_boundary,
    _message_table_files,
    _message_table_io,
    _message_table_localised,
    _message_table_model,
    _message_table_regimes,
    _message_table_values,
)
from penilaian._base._message_template import (
    MARK,
    PLACEHOLDER,
    Language,
    Template,
    chunks,
    entries,
)
from penilaian._base._message_words import NOUNS, WORDS

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = [
    "MARK",
    "SHAPES",
    "TEMPLATES",
    "LabelNames",
    "Language",
    "Template",
    "group_in",
    "has_template",
    "labels_in",
    "noun_in",
    "reason_in",
    "shape_in",
]

_MAX_DEPTH: Final = 16  # how deep reasons nest in reasons (``{reason}; {reason_2}`` chains)
_MAX_TEXT: Final = 20_000  # a longer text is not read, but kept in English after the mark
_MIN_LITERAL: Final = 12  # the literal text an Indonesian template needs to be read back


TEMPLATES: Final[tuple[Template, ...]] = tuple(
    Template(english, indonesian)
    for table in (
        _message_table_values,
        _message_table_files,
        _message_table_model,
        _message_table_regimes,
        _message_table_analysis,
        _message_table_io,
        _message_table_localised,
        _message_table_boundary,
    )
    for english, indonesian in entries(table.TEXT)
)
"""Every template of the catalogue."""

_EXACT: Final = {template.english: template for template in TEMPLATES if not template.names}
# Most specific first: the more literal text a template holds, the sooner it is tried;
# among the readings of a text the best one wins (see `_Reader`), ties to the first.
_SHAPED: Final = tuple(
    sorted(
        (template for template in TEMPLATES if template.names),
        key=lambda template: (-template.literal_length, template.english),
    )
)
# Reasons written in Indonesian already, read back: templates whose placeholders hold no
# nested reason, noun or list, and with enough literal text not to match at random.
_INDONESIAN: Final = {template.indonesian: template for template in TEMPLATES if not template.names}
_INDONESIAN_SHAPED: Final = tuple(
    sorted(
        (
            template
            for template in TEMPLATES
            if template.names
            and not any(name.startswith(("reason", "enum", "accepted")) for name in template.names)
            and sum(map(len, chunks(template.indonesian))) >= _MIN_LITERAL
        ),
        key=lambda template: (-sum(map(len, chunks(template.indonesian))), template.english),
    )
)
_NOUN_SHAPES: Final = tuple(
    (Template(key, indonesian), english)
    for key, (indonesian, english) in NOUNS.items()
    if PLACEHOLDER.search(key)
)

SHAPES: Final[Mapping[str, tuple[str, str]]] = {
    "value": ("{field}: {reason} (isian: {value})", "{field}: {reason} (got {value})"),
    "nip": ("NIP {value}: {group}: {reason}", "nip {value}: {group}: {reason}"),
    "label": (
        "{field}: {value} bukan {noun} yang dikenal; yang diterima: {labels}",
        "{field}: {value} is not a known {noun}; accepted: {labels}",
    ),
    "problem": ("{message} @ {path}", "{message} @ {path}"),
    "one_problem": ("1 masalah:", "1 problem:"),
    "problems": ("{count} masalah:", "{count} problems:"),
    "one_more": ("\u2026 dan 1 masalah lainnya", "\u2026 and 1 more problem"),
    "more": ("\u2026 dan {count} masalah lainnya", "\u2026 and {count} more problems"),
    "strategy": (
        "tidak ada strategi penilaian {strategy}; yang terdaftar: {known}",
        "no scoring strategy {strategy}; registered: {known}",
    ),
    "extra": (
        (
            "fitur ini memerlukan {package}, yang belum terpasang; pasang di folder salinan "
            'repositori dengan: pip install ".[{extra}]" '
            '(setelah penilaian terbit: pip install "penilaian[{extra}]")'
        ),
        (
            "this needs {package}, which is not installed; install it in a clone of the "
            'repository with: pip install ".[{extra}]" '
            '(once penilaian is published: pip install "penilaian[{extra}]")'
        ),
    ),
}
"""How each kind of error and problem is laid out: (Indonesian, English), by kind."""


@attrs.frozen
class LabelNames:
    """
    What an `UnknownLabelError` knows of the labels it expected, to list them in a language.

    Attributes:
        enum: The name of the enumeration (its class name, or a caller's words).
        accepted: The accepted ids.
        labels: Each accepted id's (Indonesian, English) labels, when known.
    """

    enum: str
    accepted: tuple[str, ...]
    labels: tuple[tuple[str, str], ...] = ()


def _fill(text: str, parts: Mapping[str, str]) -> str:
    return PLACEHOLDER.sub(lambda found: parts[found.group(1)], text)


def shape_in(kind: str, lang: Language, **parts: str) -> str:
    """Return the shape *kind* of `SHAPES` in *lang*, its placeholders filled by *parts*."""
    indonesian, english = SHAPES[kind]
    return _fill(english if lang == "en" else indonesian, parts)


def noun_in(enum: str, lang: Language) -> str:
    """
    Return what people call the enumeration named *enum*, in *lang*.

    A name the catalogue does not know is a caller's own words (a column header) and is
    kept; one that looks like a Python class name is marked like an untranslated reason.
    """
    known = NOUNS.get(enum)
    if known is not None:
        return known[0] if lang == "id" else known[1]
    for template, english in _NOUN_SHAPES:
        for parts in template.matches(enum):
            return _fill(template.indonesian if lang == "id" else english, parts)
    if lang == "id" and re.fullmatch(r"[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)+", enum):
        return MARK + enum
    return enum


def group_in(group: str, lang: Language) -> str:
    """Return a NIP's group of digits (``"appointment month"``) in *lang*."""
    return WORDS.get(group, MARK + group) if lang == "id" else group


def labels_in(names: LabelNames, lang: Language) -> str:
    """List the labels an `UnknownLabelError` accepts, in *lang*; its ids when none is known."""
    if len(names.labels) != len(names.accepted):
        return ", ".join(names.accepted)
    index = 0 if lang == "id" else 1
    labels = [pair[index] or id_ for pair, id_ in zip(names.labels, names.accepted, strict=True)]
    # A label with a comma in it ("Expert, junior") is told apart by semicolons.
    return ("; " if any("," in label for label in labels) else ", ").join(labels)


def reason_in(text: str, lang: Language, names: LabelNames | None = None) -> str:
    """
    Return the reason *text* in *lang*.

    English is the text itself, but for the enumeration and the accepted labels that
    *names* tells about.  In Indonesian a text that no template matches is kept in
    English after `MARK`.

    >>> reason_in("has 300 characters; at most 200 are taken", "id")
    'berisi 300 karakter; paling banyak 200 yang diterima'
    >>> reason_in("a reason nobody wrote a template for", "id")
    '[EN] a reason nobody wrote a template for'
    """
    if lang == "en" and names is None:
        back = _from_indonesian(text, "en")
        return text if back is None else back
    rendered = _render(text, lang, names)
    if rendered is None:
        rendered = _from_indonesian(text, lang)
    if rendered is not None:
        return rendered
    return text if lang == "en" else MARK + text


@functools.lru_cache(maxsize=1024)
def _from_indonesian(text: str, lang: Language) -> str | None:
    """
    Return *text*, a reason some modules already write in Indonesian, in *lang*.

    The credit ledger and the target tree raise their reasons in the language asked
    for; such a reason is recognised by its Indonesian template (placeholders kept, none
    holding a nested reason) and given back as it is, or in English.
    """
    exact = _INDONESIAN.get(text)
    if exact is not None:
        return exact.text(lang)
    for template in _INDONESIAN_SHAPED:
        for parts in Template(template.indonesian, template.english).matches(text):
            return text if lang == "id" else _fill(template.english, parts)
    return None


@functools.lru_cache(maxsize=1024)
def _render(text: str, lang: Language, names: LabelNames | None) -> str | None:
    if len(text) > _MAX_TEXT:
        return None
    found = _Reader(lang, names).read(text, 0)
    return None if found is None else found[0]


@attrs.define
class _Reader:
    """
    Reads one text: the best reading of it and of every piece of it, each piece read once.

    A text can often be read several ways: ``must be text; must be a finite number`` by
    ``must be {kind}`` (the rest kept as the kind) or as two reasons joined by ``; ``.
    The reading whose templates cover the most literal text wins, nested reasons
    included, so that a general template never swallows what specific ones explain.
    Reasons nest at most `_MAX_DEPTH` deep, and each piece is read once per text, so the
    work stays bounded however the text is built.
    """

    lang: Language
    names: LabelNames | None
    _known: dict[str, tuple[str, int] | None] = attrs.Factory(dict)

    def read(self, text: str, depth: int) -> tuple[str, int] | None:
        """Return the best reading of *text* and how much literal text it explains."""
        if text not in self._known:
            self._known[text] = self._best(text, depth)
        return self._known[text]

    def _best(self, text: str, depth: int) -> tuple[str, int] | None:
        exact = _EXACT.get(text)
        if exact is not None:
            return exact.text(self.lang), len(text)
        if depth > _MAX_DEPTH:
            return None
        best: tuple[str, int] | None = None
        for template in _SHAPED:
            for parts in template.matches(text):
                filled = self._parts(parts, depth)
                if filled is not None and (
                    best is None or filled[1] + template.literal_length > best[1]
                ):
                    best = (
                        _fill(template.text(self.lang), filled[0]),
                        filled[1] + template.literal_length,
                    )
        return best

    def _parts(self, parts: Mapping[str, str], depth: int) -> tuple[dict[str, str], int] | None:
        """Render what each placeholder matched, with how much nested templates explain."""
        filled: dict[str, str] = {}
        covered = 0
        names, lang = self.names, self.lang
        for name, value in parts.items():
            if name.startswith("reason"):
                inner = self.read(value, depth + 1)
                if inner is None:
                    return None
                filled[name], more = inner
                covered += more
            elif name == "enum":
                filled[name] = noun_in(value, lang)
            elif name == "accepted" and names is not None and value == ", ".join(names.accepted):
                filled[name] = labels_in(names, lang)
            else:
                filled[name] = WORDS.get(value, value) if lang == "id" else value
        return filled, covered


def has_template(text: str) -> bool:
    """Tell whether the catalogue renders *text* in Indonesian without the English fallback."""
    return _render(text, "id", None) is not None
