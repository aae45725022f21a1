"""
Words in Indonesian and English: one small table type for the phrases the library writes.

A `Words` table maps a key to its (Indonesian, English) text.  Both texts are
required and neither may be empty, so a phrase never goes missing in one language;
code reads a table through one lookup, `Words.in_language`, which takes a
`penilaian.model.Language`.  Each layer keeps one table: the base its rounding words
(`penilaian._base.rounding`), the analysis layer its curve, calibration and plan
words (`penilaian.analysis.words`), the boundary the words of its reports, plots and
command line (`penilaian.reporting.words`).
"""

from __future__ import annotations

import types
from collections.abc import Mapping
from typing import TYPE_CHECKING

import attrs

from penilaian._base.checks import is_text
from penilaian._base.labels import checked_language
from penilaian.exceptions import InvalidValueError

if TYPE_CHECKING:
    from penilaian._base.labels import Language

__all__ = ["Words"]

_LANGUAGES: tuple[Language, ...] = ("id", "en")
_REASON = "must be (Indonesian, English), both non-empty"


def _phrases(value: object) -> Mapping[str, tuple[str, str]]:
    """Attrs converter: check every phrase and keep a read-only copy."""
    if not isinstance(value, Mapping):
        raise InvalidValueError("phrases", value, "must map keys to (Indonesian, English) texts")
    phrases: dict[str, tuple[str, str]] = {}
    for key, texts in value.items():
        if not is_text(key):
            raise InvalidValueError("phrases", key, "keys must be non-empty texts")
        if (
            not isinstance(texts, tuple)
            or len(texts) != len(_LANGUAGES)
            or not all(map(is_text, texts))
        ):
            raise InvalidValueError(f"phrases[{key!r}]", texts, _REASON)
        phrases[key] = texts
    return types.MappingProxyType(phrases)


@attrs.frozen(repr=False)
class Words:
    """
    Phrases by key, each in Indonesian and English.

    >>> words = Words({"yes": ("ya", "yes"), "no": ("tidak", "no")})
    >>> words.in_language("id")["no"]
    'tidak'
    >>> words
    Words(2 phrases)
    >>> Words({"no": ("tidak", "")})
    Traceback (most recent call last):
    penilaian.exceptions.InvalidValueError: phrases['no']: must be (Indonesian, English), ...

    Attributes:
        phrases: Each key's (Indonesian, English) text, read-only.

    Raises:
        InvalidValueError: a key is not a non-empty text, or a phrase is not a pair of
            non-empty texts (a language missing, or an empty text).
    """

    phrases: Mapping[str, tuple[str, str]] = attrs.field(converter=_phrases, hash=False)
    _languages: Mapping[str, Mapping[str, str]] = attrs.field(
        init=False, eq=False, hash=False, repr=False
    )

    @_languages.default
    def _split(self) -> Mapping[str, Mapping[str, str]]:
        return {
            lang: types.MappingProxyType({key: texts[index] for key, texts in self.phrases.items()})
            for index, lang in enumerate(_LANGUAGES)
        }

    def in_language(self, lang: Language) -> Mapping[str, str]:
        """
        Return every phrase in *lang*, by key (read-only).

        Raises:
            InvalidValueError: *lang* is neither ``"id"`` nor ``"en"``.
        """
        return self._languages[checked_language(lang)]

    def __repr__(self) -> str:
        return f"Words({len(self.phrases)} phrases)"
