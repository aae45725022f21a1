"""
The tests in line of the quick way (`_fast`): when one holds, the check it stands for passes.

A validator of `_base.checks` has its plain case here (`PLAIN`); a `TypeCheck` is a test
of exact types; any other validator, converter or ``__attrs_post_init__`` may carry its
own, marked with `_base.checks.plain_case`.  A number's text of plain digits (`DIGITS`)
is the `Decimal` that `to_decimal` would make of it.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from penilaian._base.bounds import MAX_DIGITS, MAX_ID_LENGTH, MAX_NUMBER_TEXT, MAX_TEXT_LENGTH
from penilaian._base.checks import (
    TypeCheck,
    identifier,
    is_date,
    non_empty,
    optional_date,
    optional_identifier,
    optional_non_empty,
    optional_text,
    texts,
)

__all__ = ["DIGITS", "PLAIN", "TEST_NAMES", "marked", "plain_test", "test_of"]

# A number's text of ASCII digits with at most one point, short enough that `to_decimal`
# takes ``Decimal(text)`` as it is (no space to strip, no exponent, within the bounds).
DIGITS = (
    f"type(v) is str and 0 < len(v) <= {MAX_DIGITS} and v.isascii()"
    " and (v.isdigit() or v.replace('.', '', 1).isdigit())"
)
assert MAX_DIGITS <= MAX_NUMBER_TEXT  # noqa: S101 - such a text is never refused as too long

_ID = f"type(v) is str and 0 < len(v) <= {MAX_ID_LENGTH} and not v.isspace()"
_TEXT = f"type(v) is str and 0 < len(v) <= {MAX_TEXT_LENGTH} and not v.isspace()"
_ANY_TEXT = f"type(v) is str and len(v) <= {MAX_TEXT_LENGTH}"
# The plain case of a validator of `_base.checks`: when the test holds, the validator
# passes (each validator's own first line is this test, or implies it).
PLAIN: dict[object, str] = {
    identifier: _ID,
    optional_identifier: f"v is None or ({_ID})",
    non_empty: _TEXT,
    optional_non_empty: f"v is None or ({_TEXT})",
    optional_text: f"v is None or ({_ANY_TEXT})",
    # Texts no longer than the limit all together are each no longer; else each is measured
    # (``max`` with ``default=`` parses its keyword on every call: several times slower).
    texts: (
        "type(v) is tuple and STR.issuperset(map(type, v))"
        f" and (len(''.join(v)) <= {MAX_TEXT_LENGTH} or max(map(len, v)) <= {MAX_TEXT_LENGTH})"
    ),
    is_date: "type(v) is date",
    optional_date: "v is None or type(v) is date",
}


# The names that the reads and plain tests use, besides a `TypeCheck`'s set of types.
TEST_NAMES: dict[str, object] = {"date": date, "Decimal": Decimal, "STR": frozenset({str})}


def plain_test(validator: object, name: str) -> str | None:
    """
    The test in line of the plain case of *validator* on ``v``, or `None` if it has none.

    *name* names the set of exact types of a `TypeCheck` in the function's globals.
    """
    if isinstance(validator, TypeCheck):
        if validator.each:  # each item's type among the types: a superset test, in C
            return f"type(v) is tuple and {name}.issuperset(map(type, v))"
        return f"type(v) in {name}"
    return PLAIN.get(validator) or marked(validator)


def test_of(validator: object, name: str, names: dict[str, Any]) -> str | None:
    """`plain_test`, with the names a marked validator's test uses put into *names*."""
    if isinstance(validator, TypeCheck) or validator in PLAIN:
        return plain_test(validator, name)
    return marked(validator, names)


def marked(function: object, names: dict[str, Any] | None = None) -> str | None:
    """
    The test of the plain case that `_base.checks.plain_case` marked *function* with.

    The names it uses go into *names*, if given; a name already there for another
    object leaves the test out (`None`: the function is called).
    """
    test = getattr(function, "__plain_case__", None)
    if not isinstance(test, str):
        return None
    used: dict[str, object] = getattr(function, "__plain_names__", {})
    if names is not None:
        if any(names.get(key, value) is not value for key, value in used.items()):
            return None
        names.update(used)
    return test
