"""The error hierarchy: typed, data-carrying, and catchable as builtins."""

from __future__ import annotations

import inspect

import pytest

from penilaian import exceptions
from penilaian.exceptions import (
    InvalidInputError,
    InvalidNipError,
    InvalidValueError,
    PenilaianError,
    Problem,
    UnknownLabelError,
)

ERRORS = [
    value
    for value in vars(exceptions).values()
    if inspect.isclass(value) and issubclass(value, Exception)
]


class TestHierarchy:
    """Every error is a PenilaianError and a ValueError, documented, named *Error."""

    @pytest.mark.parametrize("error", ERRORS, ids=lambda cls: cls.__name__)
    def test_shape(self, error):
        """Each error is a PenilaianError and the builtin it refines, named *Error, documented."""
        assert issubclass(error, PenilaianError)
        assert error.__name__.endswith("Error")
        assert error.__doc__
        if error is not PenilaianError:
            # Bad input is a ValueError or LookupError; a missing optional extra an ImportError.
            assert issubclass(error, ValueError | LookupError | ImportError)

    def test_missing_extra_names_the_install(self):
        """A missing extra says which pip install brings it."""
        error = exceptions.MissingExtraError("xlsx", "openpyxl")
        assert (error.extra, error.package) == ("xlsx", "openpyxl")
        assert 'pip install "penilaian[xlsx]"' in str(error)
        assert str(error).endswith('from a clone of the repository: pip install ".[xlsx]")')

    def test_all_is_complete_and_sorted(self):
        """__all__ lists every public name of the module."""
        public = {name for name, value in vars(exceptions).items() if inspect.isclass(value)}
        public = {name for name in public if not name.startswith("_")} - {"Iterable", "Sequence"}
        assert public <= set(exceptions.__all__)


class TestMessages:
    """Messages are derived from the data the error carries."""

    def test_invalid_value(self):
        """InvalidValueError keeps field, value and reason, and prints them."""
        error = InvalidValueError("target", 0, "must be greater than 0")
        assert (error.field, error.value, error.reason) == ("target", 0, "must be greater than 0")
        assert str(error) == "target: must be greater than 0 (got 0)"

    def test_nip(self):
        """InvalidNipError names the group of digits."""
        error = InvalidNipError("123", "length", "has 3 digits, not 18")
        assert error.group == "length"
        assert str(error) == "nip '123': length: has 3 digits, not 18"

    def test_unknown_label(self):
        """UnknownLabelError lists the accepted ids."""
        error = UnknownLabelError("role", "boss", "RaterRole", ["self", "supervisor"])
        assert error.accepted == ("self", "supervisor")
        assert "accepted: self, supervisor" in str(error)

    @pytest.mark.parametrize(("count", "head"), [(1, "1 problem:"), (2, "2 problems:")])
    def test_input_error_lists_problems(self, count, head):
        """InvalidInputError counts and lists its problems with their paths."""
        problems = [Problem(f"$.targets[{i}].id", "repeats an earlier id") for i in range(count)]
        error = InvalidInputError(problems)
        assert error.problems == tuple(problems)
        assert str(error).splitlines()[0] == head
        assert "repeats an earlier id @ $.targets[0].id" in str(error)
