"""Tests for penilaian._base.checks: validators that raise InvalidValueError at the field."""

from __future__ import annotations

import attrs
import pytest

from penilaian._base.checks import TUPLE, callable_value, instance_of, items_of, one_of
from penilaian.exceptions import InvalidValueError


@attrs.frozen
class _Options:
    places: int = attrs.field(default=2, validator=instance_of(int, expected="a whole number"))
    mode: str = attrs.field(default="up", validator=one_of(["up", "even"]))
    rule: object = attrs.field(default=len, validator=callable_value("a rule"))


class TestValidators:
    """A bad option is an InvalidValueError naming the field, never a bare TypeError."""

    @pytest.mark.parametrize(
        ("field", "value", "reason"),
        [
            ("places", "2", "must be a whole number"),
            ("places", True, "must be a whole number"),
            ("places", 2.0, "must be a whole number"),
            ("mode", "x", "must be one of 'up', 'even'"),
            ("mode", 1, "must be one of 'up', 'even'"),
            ("rule", 3, "must be a rule"),
        ],
    )
    def test_refused(self, field, value, reason):
        """Each wrong value is refused at its field with its reason."""
        with pytest.raises(InvalidValueError) as caught:
            _Options(**{field: value})
        assert (caught.value.field, caught.value.value, caught.value.reason) == (
            field,
            value,
            reason,
        )

    def test_accepted(self):
        """Right values pass unchanged."""
        assert _Options(3, "even", print) == _Options(3, "even", print)


@attrs.frozen
class _Notes:
    texts: tuple[str, ...] = attrs.field(
        default=(), converter=TUPLE, validator=items_of(str, expected="text")
    )
    counts: tuple[int, ...] = attrs.field(
        default=(), converter=TUPLE, validator=items_of(int, expected="a whole number")
    )


class TestItemsOf:
    """A wrong item is refused at its place in the tuple; text is never split."""

    @pytest.mark.parametrize(
        ("field", "value", "place", "item"),
        [
            ("texts", ["a", 2], "texts[1]", 2),
            ("texts", [None], "texts[0]", None),
            ("counts", [1, True], "counts[1]", True),
            ("counts", (1, "2"), "counts[1]", "2"),
        ],
    )
    def test_wrong_item(self, field, value, place, item):
        """The error names the item's index and keeps the item."""
        with pytest.raises(InvalidValueError) as caught:
            _Notes(**{field: value})
        assert (caught.value.field, caught.value.value) == (place, item)

    @pytest.mark.parametrize("value", ["ab", b"ab", {"a": 1}, 3])
    def test_text_and_mappings_are_not_sequences(self, value):
        """A string, bytes, a mapping or a number is refused whole, at the field."""
        with pytest.raises(InvalidValueError) as caught:
            _Notes(texts=value)
        assert (caught.value.field, caught.value.value) == ("texts", value)

    def test_right_items_pass(self):
        """Lists become tuples; right items pass unchanged."""
        assert _Notes(["a", "b"], [1, 2]) == _Notes(("a", "b"), (1, 2))
