"""
The templates of the message catalogue: how one is read from a table and matched to a text.

`penilaian._base.messages` holds the catalogue and renders with it; this module holds
its parts: the `Template` (an English reason and its Indonesian text, with named
placeholders), how a text is matched against one, and how the tables are read.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING, Final, Literal

import attrs

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = ["MARK", "PLACEHOLDER", "Language", "Template", "chunks", "entries", "pattern"]

Language = Literal["id", "en"]
"""``"id"`` or ``"en"``: `penilaian._base.labels.Language` (which this module cannot import)."""

MARK: Final = "[EN] "
"""What an Indonesian text shows before a reason that has no template (left in English)."""

PLACEHOLDER: Final = re.compile(r"\{([a-z][a-z0-9_]*)\}")
_MAX_SPLITS: Final = 16  # the places a ``{a}; {b}`` template tries to split one text at


@attrs.frozen
class Template:
    """
    One reason in both languages, with named placeholders.

    Attributes:
        english: The English text, as the library writes the reason.
        indonesian: The Indonesian text, with the same placeholders.
    """

    english: str
    indonesian: str

    @property
    def literal_length(self) -> int:
        """How many characters of the English text are not placeholders."""
        return sum(map(len, chunks(self.english)))

    @property
    def names(self) -> frozenset[str]:
        """The placeholders of the English text."""
        return frozenset(PLACEHOLDER.findall(self.english))

    def text(self, lang: Language) -> str:
        """Return the template in *lang*."""
        return self.english if lang == "en" else self.indonesian

    def matches(self, text: str) -> Iterator[dict[str, str]]:
        """Yield what the placeholders match in *text*: every split, for ``{a}; {b}`` shapes."""
        pieces = chunks(self.english)
        if not (text.startswith(pieces[0]) and text.endswith(pieces[-1])):
            return
        position = 0
        for chunk in pieces:  # each literal piece, in order: a cheap test before the regex
            position = text.find(chunk, position)
            if position < 0:
                return
            position += len(chunk)
        names = PLACEHOLDER.findall(self.english)
        if len(pieces) == 3 and pieces[0] == pieces[2] == "" and len(set(names)) == 2:
            separator, start = pieces[1], text.find(pieces[1], 1)
            for _ in range(_MAX_SPLITS):  # bounded: a long text costs no more than a short one
                if not 0 < start < len(text) - len(separator):
                    break
                yield {names[0]: text[:start], names[1]: text[start + len(separator) :]}
                start = text.find(separator, start + 1)
            return
        found = pattern(self.english).fullmatch(text)
        if found is not None:
            yield found.groupdict()


@functools.cache
def chunks(english: str) -> tuple[str, ...]:
    """The literal pieces of a template, around and between its placeholders."""
    return tuple(PLACEHOLDER.split(english)[::2])


@functools.cache
def pattern(english: str) -> re.Pattern[str]:
    """The regular expression of a template, compiled when first needed (not at import)."""
    seen: set[str] = set()
    parts: list[str] = []
    for index, piece in enumerate(PLACEHOLDER.split(english)):
        if index % 2 == 0:
            parts.append(re.escape(piece))
        elif piece in seen:
            parts.append(f"(?P={piece})")
        else:
            seen.add(piece)
            parts.append(f"(?P<{piece}>.+?)")
    return re.compile("".join(parts), re.DOTALL)


def entries(text: str) -> Iterator[tuple[str, str]]:
    """Read a table of templates: blocks of an English line and a ``= `` Indonesian line."""
    for block in text.strip().split("\n\n"):
        english: list[str] = []
        indonesian: list[str] = []
        lines = english
        for line in block.strip("\n").split("\n"):
            if line.startswith("= "):
                lines = indonesian
                lines.append(line[2:])
            elif line.startswith("  ") and lines:
                lines[-1] += " " + line[2:]
            else:
                lines.append(line)
        if len(english) != 1 or len(indonesian) != 1:
            msg = f"a message template needs one English and one Indonesian text: {block!r}"
            raise TypeError(msg)
        yield english[0], indonesian[0]
