"""Tests for penilaian._base.checks: validators that raise InvalidValueError at the field."""

from __future__ import annotations

import attrs
import pytest

from penilaian._base.checks import callable_value, instance_of, one_of
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
