"""The error hierarchy: typed, data-carrying, and catchable as builtins."""

from __future__ import annotations

import inspect
import pickle
from decimal import Decimal
from fractions import Fraction

import pytest

from penilaian import exceptions
from penilaian.exceptions import (
    InvalidInputError,
    InvalidNipError,
    InvalidValueError,
    PenilaianError,
    Problem,
    ScoringInputError,
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
        assert 'in a clone of the repository with: pip install ".[xlsx]"' in str(error)
        assert str(error).endswith('(once penilaian is published: pip install "penilaian[xlsx]")')
        assert 'pip install ".[xlsx]"' in exceptions.in_language(error)

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


class TestBoundedMessages:
    """A message never grows with the value it shows, and never fails to be written."""

    @pytest.mark.parametrize(
        ("value", "shown"),
        [
            (10**50, "100000000000...000000000000 (51 digits)"),
            (-(10**5000), "-...000000000000 (about 5001 digits)"),
            ("x" * 1_000_000, "(1000000 characters)"),
            (Fraction(10**60, 7), "Fraction(100000000000...000000000000 (61 digits), 7)"),
            (Decimal("1" * 10_000), "(10000 digits)"),
            (list(range(1000)), "19, ...]"),
        ],
        ids=["int", "huge-int", "text", "fraction", "decimal", "list"],
    )
    def test_long_values_are_cut(self, value, shown):
        """Long texts, many-digit numbers and long lists are cut, saying how long they are."""
        message = str(InvalidValueError("target", value, "is wrong"))
        assert shown in message
        assert len(message) < 400
        assert len(repr(InvalidValueError("target", value, "is wrong"))) < 400
        problem = Problem.from_error("$.target", InvalidValueError("target", value, "is wrong"))
        assert shown in str(problem)

    def test_deep_values_are_cut(self):
        """A list nested 100,000 deep is written a few levels deep, without recursion errors."""
        deep: list[object] = []
        for _ in range(100_000):
            deep = [deep]
        error = InvalidValueError("value", deep, "is wrong")
        assert str(error).endswith("(got [[[[[...]]]]])")
        assert repr(error) == "InvalidValueError('value', [[[[[...]]]]], 'is wrong')"

    @pytest.mark.parametrize(
        "value",
        [
            0,
            -3,
            "boss",
            Decimal("99.499999999999999999"),
            Fraction(1, 3),
            ("a", "b"),
            {"b": 1, "a": 2},
            None,
            True,
        ],
    )
    def test_short_values_read_as_repr(self, value):
        """Short values are written as repr writes them (a dict in its own order)."""
        assert str(InvalidValueError("x", value, "is wrong")) == f"x: is wrong (got {value!r})"

    def test_labels_and_nips_are_cut_too(self):
        """The other messages that show a value cut it the same way."""
        assert len(str(UnknownLabelError("role", "x" * 10**6, "RaterRole", ["self"]))) < 400
        assert len(str(InvalidNipError("9" * 10**6, "length", "too long"))) < 400


class TestProblemCount:
    """An input error lists its first MAX_PROBLEMS problems and counts them all."""

    def problems(self, count):
        """*count* problems, one per target."""
        return [Problem(f"$.targets[{i}].id", "repeats an earlier id") for i in range(count)]

    @pytest.mark.parametrize(
        ("count", "last"), [(101, "1 more problem"), (250, "150 more problems")]
    )
    def test_over_the_limit(self, count, last):
        """Past the limit, the first problems are kept and a last line counts the rest."""
        error = InvalidInputError(self.problems(count))
        assert error.problems == tuple(self.problems(InvalidInputError.MAX_PROBLEMS))
        assert (error.count, error.omitted) == (count, count - InvalidInputError.MAX_PROBLEMS)
        lines = str(error).splitlines()
        assert lines[0] == f"{count} problems:"
        assert lines[-1] == f"  \u2026 and {last}"
        assert len(lines) == InvalidInputError.MAX_PROBLEMS + 2

    def test_at_the_limit(self):
        """Up to the limit every problem is listed and no count line is added."""
        error = InvalidInputError(self.problems(InvalidInputError.MAX_PROBLEMS))
        assert (error.count, error.omitted) == (100, 0)
        assert "more problem" not in str(error)

    def test_omitted_adds_to_the_count(self):
        """Problems counted elsewhere and not listed add to the count: a wrapper keeps them."""
        inner = InvalidInputError(self.problems(300))
        outer = ScoringInputError(inner.problems, omitted=inner.omitted)
        assert (outer.count, outer.omitted) == (300, 200)
        assert str(outer).splitlines()[-1] == "  \u2026 and 200 more problems"

    def test_a_generator_is_read_once(self):
        """The problems may come from a generator, which is read to its end once."""
        error = InvalidInputError(problem for problem in self.problems(1000))
        assert (error.count, len(error.problems)) == (1000, 100)

    def test_pickles_with_its_count(self):
        """A pickled error (sent to another process, say) keeps its problems and its count."""
        error = ScoringInputError(self.problems(250))
        copy = pickle.loads(pickle.dumps(error))  # noqa: S301 - our own bytes
        assert type(copy) is ScoringInputError
        assert (copy.problems, copy.count, str(copy)) == (error.problems, 250, str(error))


def _example(error: type[PenilaianError]) -> PenilaianError:
    """An instance of *error* built from its own parameters, holding a nested label error."""
    label = UnknownLabelError("aspect", "x", "Aspect", ["quantity", "quality"])
    values = {
        "problems": [Problem("$.targets[0].aspect", "not a known Aspect", label)],
        "accepted": ["quantity", "quality"],
        "known": ["pp46_2011", "pp30_2019"],
        "enum": "Aspect",
        "group": "length",
        "extra": "xlsx",
        "package": "openpyxl",
        "strategy_id": "nope",
    }
    parameters = [
        name
        for name, parameter in inspect.signature(error.__init__).parameters.items()
        if parameter.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD and name != "self"
    ]
    if not parameters:
        return error("something went wrong")
    return error(*(values.get(name, f"{name}-value") for name in parameters))


class TestAcrossProcesses:
    """Every error pickles and unpickles to an equal one: a process pool can send it back."""

    @pytest.mark.parametrize("error", ERRORS, ids=lambda cls: cls.__name__)
    def test_round_trip(self, error):
        """The copy has the same class, message, arguments and attributes (problems included)."""
        original = _example(error)
        original.add_note("while scoring skp-1")
        copy = pickle.loads(pickle.dumps(original))  # noqa: S301 - our own bytes
        assert type(copy) is type(original)
        assert str(copy) == str(original)
        assert copy.args == original.args
        assert copy.__notes__ == ["while scoring skp-1"]
        assert vars(copy).keys() == vars(original).keys()
        for problem, copied in zip(
            getattr(original, "problems", ()), getattr(copy, "problems", ()), strict=True
        ):
            assert (copied.path, copied.message, str(copied.error)) == (
                problem.path,
                problem.message,
                str(problem.error),
            )
