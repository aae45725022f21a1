"""Tests for penilaian._base.words: phrase tables in Indonesian and English, and every table."""

from __future__ import annotations

import importlib
import pkgutil
import string

import pytest

import penilaian
from penilaian._base.words import Words
from penilaian.exceptions import InvalidValueError


def _tables() -> list[tuple[str, Words]]:
    """
    Every `Words` table held by a module of the package, named ``module.NAME``.

    A table imported by other modules is named where it is exported (in ``__all__``).
    """
    found: dict[int, tuple[bool, str, Words]] = {}
    for info in pkgutil.walk_packages(penilaian.__path__, "penilaian."):
        if info.name == "penilaian.__main__":
            continue
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if isinstance(value, Words):
                exported = name in getattr(module, "__all__", ())
                entry = (not exported, f"{info.name}.{name}", value)
                known = found.get(id(value))
                if known is None or entry[:2] < known[:2]:
                    found[id(value)] = entry
    return sorted((name, table) for _, name, table in found.values())


TABLES = _tables()


class TestWords:
    """A table refuses a missing language or an empty text when it is built."""

    def test_lookup(self):
        """One lookup takes a language and gives every phrase in it."""
        words = Words({"yes": ("ya", "yes"), "no": ("tidak", "no")})
        assert dict(words.in_language("id")) == {"yes": "ya", "no": "tidak"}
        assert dict(words.in_language("en")) == {"yes": "yes", "no": "no"}
        assert repr(words) == "Words(2 phrases)"

    @pytest.mark.parametrize(
        ("phrases", "field"),
        [
            ({"yes": ("ya",)}, "phrases['yes']"),
            ({"yes": ("ya", "yes", "iya")}, "phrases['yes']"),
            ({"yes": ("ya", "")}, "phrases['yes']"),
            ({"yes": ("  ", "yes")}, "phrases['yes']"),
            ({"yes": ["ya", "yes"]}, "phrases['yes']"),
            ({"yes": ("ya", None)}, "phrases['yes']"),
            ({"": ("ya", "yes")}, "phrases"),
            ([("yes", ("ya", "yes"))], "phrases"),
        ],
    )
    def test_refused(self, phrases, field):
        """A missing language, an empty text, a bad key or a non-mapping is refused at once."""
        with pytest.raises(InvalidValueError) as caught:
            Words(phrases)
        assert field == caught.value.field

    def test_unknown_language(self):
        """A language other than id or en is refused, naming it."""
        with pytest.raises(InvalidValueError, match="'id'"):
            Words({"yes": ("ya", "yes")}).in_language("fr")  # type: ignore[arg-type]

    def test_read_only(self):
        """Neither the phrases nor a language's view can be changed after building."""
        given_phrases = {"yes": ("ya", "yes")}
        words = Words(given_phrases)
        given_phrases["yes"] = ("tidak", "no")
        assert words.in_language("id")["yes"] == "ya"
        with pytest.raises(TypeError):
            words.in_language("id")["yes"] = "tidak"  # type: ignore[index]

    def test_equal_by_phrases(self):
        """Two tables with the same phrases are equal."""
        assert Words({"yes": ("ya", "yes")}) == Words({"yes": ("ya", "yes")})
        assert Words({"yes": ("ya", "yes")}) != Words({"yes": ("iya", "yes")})


class TestEveryTable:
    """Every phrase table of the library holds both languages, non-empty, with the same fields."""

    def test_tables_found(self):
        """The walk finds the base's and the boundary's tables (it can fail)."""
        names = [name for name, _ in TABLES]
        assert "penilaian._base.rounding._WORDS" in names
        assert "penilaian.analysis.words.WORDS" in names
        assert "penilaian.reporting.words.WORDS" in names

    @pytest.mark.parametrize(("name", "table"), TABLES, ids=[name for name, _ in TABLES])
    def test_both_languages(self, name, table):
        """Each key has an Indonesian and an English text, neither empty, same template fields."""
        indonesian, english = table.in_language("id"), table.in_language("en")
        assert list(indonesian) == list(english) == list(table.phrases), name
        for key in table.phrases:
            assert indonesian[key].strip(), (name, key)
            assert english[key].strip(), (name, key)
            assert _fields(indonesian[key]) == _fields(english[key]), (name, key)


def _fields(text: str) -> set[str]:
    """The names of the ``{name}`` fields of a `str.format` template."""
    return {field for _, field, _, _ in string.Formatter().parse(text) if field is not None}
