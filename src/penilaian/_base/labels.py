"""
Labelled enumerations: one English id, the official Indonesian label, an English label, aliases.

Every enumeration of the domain (aspects, roles, grades, position kinds...) is a
`LabelledEnum`.  Its value is a stable English identifier used in JSON; its labels
are what people read; `parse` accepts the id, both labels and the spellings found
in real data, ignoring case, spaces, hyphens and underscores.
"""

from __future__ import annotations

import functools
import re
from enum import Enum
from typing import Literal, TypeVar

from penilaian.exceptions import InvalidValueError, UnknownLabelError

__all__ = ["LabelledEnum", "Language", "checked_language", "normalise_label"]

Language = Literal["id", "en"]
"""A language for labels and rendered text: ``"id"`` (Indonesian) or ``"en"`` (English)."""

_E = TypeVar("_E", bound="LabelledEnum")
_NOT_ALNUM = re.compile(r"[^0-9a-z]+")


def normalise_label(text: str) -> str:
    """
    Fold *text* to the key used for matching labels.

    Lower case, with everything but letters and digits removed, so that
    ``"Di Atas Ekspektasi"``, ``"diatas-ekspektasi"`` and ``"DI_ATAS_EKSPEKTASI"``
    all give ``"diatasekspektasi"``.
    """
    return _NOT_ALNUM.sub("", text.casefold())


class LabelledEnum(Enum):
    """
    Base of the domain's enumerations.

    Members are declared as ``NAME = ("id", "Label Indonesia", "English label", *aliases)``.

    Attributes:
        value: The stable English identifier, as stored in JSON.
        label_id: The official Indonesian label.
        label_en: The English label.
        aliases: Other spellings accepted by `parse`.
    """

    _value_: str

    # A member is equal only to itself (a plain Enum), so its identity is its hash: the C
    # slot of `object`, where Enum's own hashes the name in Python on every dict lookup.
    __hash__ = object.__hash__

    def __new__(cls, value: str | LabelledEnum, *_labels: str) -> LabelledEnum:  # noqa: PYI034 - Enum.__new__ builds the member
        member = object.__new__(cls)
        member._value_ = str(value)
        return member

    # The value is typed ``str | LabelledEnum`` because the class doubles as an attrs
    # converter: ``Aspect("Kuantitas")`` and ``Aspect(Aspect.QUANTITY)`` both work.
    # Enum passes every part of the member tuple; the defaults only let mypy see the
    # class as a one-argument callable.
    def __init__(
        self, _value: str | LabelledEnum, label_id: str = "", label_en: str = "", *aliases: str
    ) -> None:
        self.label_id = label_id
        self.label_en = label_en
        self.aliases = aliases

    @property
    def id(self) -> str:
        """The stable English identifier (the same as `value`)."""
        return self._value_

    def label(self, lang: Language = "id") -> str:
        """Return the label in *lang*: Indonesian by default, ``"en"`` for English."""
        return self.label_en if lang == "en" else self.label_id

    def __str__(self) -> str:
        return self._value_

    @classmethod
    def parse(cls: type[_E], text: str | _E, field: str | None = None) -> _E:
        """
        Return the member that *text* names.

        Args:
            text: A member, its id, either label, or an alias, in any case and
                with any spacing, hyphens or underscores.
            field: The field name used in the error (the class name by default).

        Raises:
            UnknownLabelError: listing the accepted ids, with each one's labels.
        """
        if isinstance(text, cls):
            return text
        if isinstance(text, str):
            exact = cls._value2member_map_.get(text)  # canonical ids skip folding
            if exact is not None:
                return exact  # type: ignore[return-value]
            found: _E | None = _index(cls).get(normalise_label(text))
            if found is not None:
                return found
        raise UnknownLabelError(
            field or cls.__name__,
            text,
            cls.__name__,
            [member.value for member in cls],
            labels=[(member.label_id, member.label_en) for member in cls],
        )

    @classmethod
    def _missing_(cls, value: object) -> LabelledEnum:
        # Called by Enum when *value* is not a canonical id: try labels and aliases.
        return cls.parse(value)  # type: ignore[arg-type]

    @classmethod
    def spellings(cls: type[_E]) -> dict[str, _E]:
        """Map every accepted normalised spelling to its member."""
        return dict(_index(cls))


@functools.cache
def _index(cls: type[_E]) -> dict[str, _E]:
    index: dict[str, _E] = {}
    for member in cls:
        for spelling in (member.value, member.label_id, member.label_en, *member.aliases):
            key = normalise_label(spelling)
            other = index.setdefault(key, member)
            if other is not member:
                msg = f"{cls.__name__}: {spelling!r} names both {other.name} and {member.name}"
                raise TypeError(msg)
    return index


def checked_language(lang: object) -> Language:
    """
    Return *lang* if it is a report language.

    Raises:
        InvalidValueError: for anything but ``"id"`` or ``"en"``.
    """
    if lang == "id":
        return "id"
    if lang == "en":
        return "en"
    raise InvalidValueError("lang", lang, "must be 'id' (Indonesian) or 'en' (English)")
