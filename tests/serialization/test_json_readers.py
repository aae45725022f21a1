"""
The quick JSON reader (msgspec, the ``speedups`` extra) against the `json` module's.

`parse_document` reads a document with the quick reader where it is installed and hands
every document that reader refuses to `json`.  So the two must read the same data from
every document the quick reader takes: the same types (a whole number an `int`, any
other number the `Decimal` written, digits and exponent kept), values and key order.
"""

from __future__ import annotations

import json
import sys
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

import penilaian as p
from penilaian.exceptions import InvalidInputError
from penilaian.serialization import _reading as reading
from penilaian.serialization import dumps, loads, parse_json

QUICK = reading.quick_reader()
STANDARD = json.JSONDecoder(parse_float=Decimal, parse_constant=Decimal).decode


def same(left: object, right: object) -> bool:
    """Equal as JSON data read exactly: the same types, key order and digits (no recursion)."""
    pending = [(left, right)]
    while pending:
        one, other = pending.pop()
        if type(one) is not type(other):
            return False
        if isinstance(one, dict) and isinstance(other, dict):
            if list(one) != list(other):
                return False
            pending.extend((one[key], other[key]) for key in one)
        elif isinstance(one, list) and isinstance(other, list):
            if len(one) != len(other):
                return False
            pending.extend(zip(one, other, strict=True))
        elif isinstance(one, Decimal) and isinstance(other, Decimal):
            if one.as_tuple() != other.as_tuple():
                return False
        elif one != other:
            return False
    return True


def read(reader: Any, text: str) -> tuple[str, object]:
    try:
        return ("read", reader(text))
    except RecursionError:
        return ("refused", RecursionError)
    except Exception as error:  # noqa: BLE001 - any refusal counts as one
        return ("refused", type(error))


def agree(text: str) -> str:
    """What the quick reader reads, `json` reads the same; what it refuses, `json` decides."""
    assert QUICK is not None
    quick, standard = read(QUICK, text), read(STANDARD, text)
    if quick[0] == "read":
        assert standard[0] == "read", text
        assert same(quick[1], standard[1]), text
    return f"quick {quick[0]}, json {standard[0]}"


# -- documents: JSON text written many ways, and texts near it ------------------------------

_SPACE = st.sampled_from(["", " ", "\n", "\t", "\r\n  "])
_NUMBERS = st.from_regex(
    r"-?(0|[1-9][0-9]{0,25})(\.[0-9]{1,25})?([eE][+-]?[0-9]{1,5})?", fullmatch=True
)
_ESCAPES = st.sampled_from(["\\ud800", "\\udc00", "\\ud83d\\ude00", "\\u0000", "\\/", "\\x", "\\"])
_STRINGS = st.one_of(
    st.builds(json.dumps, st.text(), ensure_ascii=st.booleans()),
    st.builds(
        lambda a, e, b: f'"{a}{e}{b}"',
        st.text("ab é", max_size=3),
        _ESCAPES,
        st.text("ab", max_size=2),
    ),
    st.sampled_from(['"a\x01b"', '"tab\there"', '"\x7f"', '"\u2028"']),
)
_SCALARS = st.one_of(
    _NUMBERS, _STRINGS, st.sampled_from(["true", "false", "null", "NaN", "-Infinity", "Infinity"])
)


def _array(items: list[str], space: str) -> str:
    return "[" + space + ("," + space).join(items) + space + "]"


def _object(pairs: list[tuple[str, str]], space: str) -> str:
    return "{" + ("," + space).join(f"{key}{space}:{space}{value}" for key, value in pairs) + "}"


_KEYS = st.one_of(_STRINGS, st.sampled_from(['"a"', '"b"']))  # "a" and "b" repeat
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: (
        st.builds(_array, st.lists(inner, max_size=4), _SPACE)
        | st.builds(_object, st.lists(st.tuples(_KEYS, inner), max_size=4), _SPACE)
    ),
    max_leaves=20,
)
_TEXTS = st.builds(lambda before, value, after: before + value + after, _SPACE, _VALUES, _SPACE)


@st.composite
def _mutated(draw: st.DrawFn) -> str:
    """A document with one character put in, taken out or changed."""
    text = draw(_TEXTS)
    at = draw(st.integers(0, len(text)))
    change = draw(st.sampled_from(["insert", "delete", "replace"]))
    char = draw(st.sampled_from(list('[]{},:"\\ 0-.eE1aN\x00\ufeff\u00a0')))
    if change == "insert":
        return text[:at] + char + text[at:]
    if change == "delete":
        return text[:at] + text[at + 1 :]
    return text[:at] + char + text[at + 1 :]


class TestTheReadersAgree:
    @settings(max_examples=600, suppress_health_check=[HealthCheck.too_slow])
    @given(_TEXTS)
    def test_on_json_written_many_ways(self, text: str) -> None:
        event(agree(text))

    @settings(max_examples=600, suppress_health_check=[HealthCheck.too_slow])
    @given(_mutated())
    def test_on_text_near_json(self, text: str) -> None:
        event(agree(text))

    @pytest.mark.parametrize(
        "text",
        [
            '{"a": 1, "b": 2, "a": 3}', "[1.0, 1.00, -0, -0.0, 1E2, 1e-7, 1e400000]",
            "[9007199254740993, 18446744073709551616, -9223372036854775809]",
            '["\\ud83d\\ude00", "\\u00e9", "é", "\\u0000"]', " [1] ", "[1] x", "[1,]", "[01]",
            "[.5]", "[+1]", "[1.]", '["a\x01b"]', "[NaN]", '["\\ud800"]', "", "\ufeff[1]",
            "[" + "9" * 4300 + "]", "[" + "9" * 4301 + "]", "[" * 500 + "]" * 500,
        ],
    )  # fmt: skip
    def test_on_edges(self, text: str) -> None:
        agree(text)

    def test_under_a_lower_limit_on_integer_digits(self) -> None:
        """An integer over the interpreter's digit limit is refused by both readers."""
        limit = sys.get_int_max_str_digits()
        sys.set_int_max_str_digits(640)
        try:
            for digits in (640, 641, 700):
                agree("[" + "1" * digits + "]")
            assert read(QUICK, "[" + "1" * 641 + "]")[0] == "refused"
        finally:
            sys.set_int_max_str_digits(limit)


class TestParseDocument:
    def test_the_quick_reader_is_installed_here(self) -> None:
        """The tests extra installs msgspec, so these tests read through both readers."""
        assert QUICK is not None

    @pytest.mark.parametrize("text", ["[NaN]", '["\\udc00"]', "[" + "1" * 4500 + "]"])
    def test_what_it_refuses_json_decides(self, text: str) -> None:
        """A document the quick reader refuses is read by `json`, or refused with its words."""
        assert read(QUICK, text)[0] == "refused"
        kind, expected = read(STANDARD, text)
        if kind == "read":
            assert same(parse_json(text, marking=False), expected)
        else:
            with pytest.raises(InvalidInputError, match="not JSON"):
                parse_json(text, marking=False)

    def test_repeated_keys_are_marked_by_json(self) -> None:
        """Marking repeated keys is `json`'s: the quick reader never reads for it."""
        data = parse_json('{"a": 1, "a": 2}', marking=True)
        assert reading.repeated_keys(data) == ("a",)
        assert reading.repeated_keys(parse_json('{"a": 1, "a": 2}', marking=False)) == ()

    @pytest.mark.parametrize("quick", [True, False], ids=["quick reader", "json alone"])
    def test_nesting_near_the_recursion_limit_is_refused_either_way(
        self, quick: bool, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Near Python's limit the readers part by a level or two; an appraisal is refused."""
        reading.quick_reader.cache_clear()
        if not quick:
            monkeypatch.setitem(sys.modules, "msgspec", None)
        try:
            for depth in range(sys.getrecursionlimit() - 30, sys.getrecursionlimit() + 5):
                with pytest.raises(InvalidInputError) as caught:
                    loads("[" * depth + "]" * depth, p.Appraisal)
                (problem,) = caught.value.problems
                assert problem.message.startswith(("not JSON: nested too deeply", "is nested"))
        finally:
            reading.quick_reader.cache_clear()

    def test_without_the_extra_json_reads_alone(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Without msgspec, `json` reads every document, and an appraisal loads the same."""
        sample = dumps(p.load_sample("pp30_2019"))
        with_extra = loads(sample, p.Appraisal)
        reading.quick_reader.cache_clear()
        monkeypatch.setitem(sys.modules, "msgspec", None)  # `import msgspec` fails
        try:
            assert reading.quick_reader() is None
            assert loads(sample, p.Appraisal) == with_extra
            assert same(parse_json(sample, marking=False), STANDARD(sample))
        finally:
            reading.quick_reader.cache_clear()
