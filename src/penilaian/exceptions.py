"""
Every error `penilaian` raises on purpose.

Each error carries the offending data as attributes and derives its message
from them, so callers never parse message strings.  Leaves also subclass the
builtin they refine (`ValueError`, `LookupError`), so code that catches the
builtin keeps working.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

__all__ = [
    "DuplicateIdError",
    "InvalidInputError",
    "InvalidNipError",
    "InvalidNumberError",
    "InvalidPeriodError",
    "InvalidValueError",
    "MissingExtraError",
    "MissingValueError",
    "OffScaleError",
    "PenilaianError",
    "Problem",
    "ScoringInputError",
    "SelfRatingError",
    "UnknownLabelError",
    "UnknownReferenceError",
    "UnknownStrategyError",
    "UnsupportedInputError",
]


class PenilaianError(Exception):
    """
    Root of every error that `penilaian` raises on purpose.

    Catch this to handle any rejection by the library in one place.
    """


class InvalidValueError(PenilaianError, ValueError):
    """
    A single value broke a rule.

    Raised by validators of the domain types.  Subclasses name the kind of rule.

    Attributes:
        field: The name (or relative path) of the field that holds the value.
        value: The offending value, as given.
        reason: Why it was rejected, in words.
    """

    def __init__(self, field: str, value: object, reason: str) -> None:
        super().__init__(field, value, reason)
        self.field = field
        self.value = value
        self.reason = reason

    def __str__(self) -> str:
        return f"{self.field}: {self.reason} (got {self.value!r})"


class InvalidNumberError(InvalidValueError):
    """
    A number could not be taken exactly, or lies outside its allowed range.

    Raised for floats that are not finite, for NaN, for booleans passed as
    numbers, for text that is not a number, and for bounds such as "must be
    greater than 0" on targets that a rule divides by.
    """


class InvalidNipError(InvalidValueError):
    """
    A civil-servant identity number (NIP / NI PPPK) is malformed.

    Attributes:
        group: Which group of digits is wrong (for example ``"appointment month"``),
            or ``"length"`` / ``"characters"`` for the shape of the whole number.
    """

    def __init__(self, value: object, group: str, reason: str) -> None:
        super().__init__("nip", value, reason)
        self.group = group

    def __str__(self) -> str:
        return f"nip {self.value!r}: {self.group}: {self.reason}"


class UnknownLabelError(InvalidValueError):
    """
    A text does not name any member of a labelled enumeration.

    Attributes:
        enum: The name of the enumeration (for example ``"Aspect"``).
        accepted: The canonical values that are accepted (aliases are matched
            too, case- and spacing-insensitively).
    """

    def __init__(self, field: str, value: object, enum: str, accepted: Sequence[str]) -> None:
        super().__init__(field, value, f"not a known {enum}")
        self.enum = enum
        self.accepted = tuple(accepted)

    def __str__(self) -> str:
        return (
            f"{self.field}: {self.value!r} is not a known {self.enum}; "
            f"accepted: {', '.join(self.accepted)}"
        )


class InvalidPeriodError(InvalidValueError):
    """A period is malformed: it ends before it starts, or a part is out of range."""


class OffScaleError(InvalidValueError):
    """A rating lies outside the scale it is given on, or does not fit the scale's kind."""


class DuplicateIdError(InvalidValueError):
    """Two items in one collection share an id that must be unique."""


class SelfRatingError(InvalidValueError):
    """
    A rater's role does not fit who the rater is.

    Raised when the appraised employee rates in a role other than self, or when a
    rater in the self role is somebody else.
    """


class UnknownReferenceError(InvalidValueError):
    """An id refers to something that does not exist in the same appraisal."""


@attrs.frozen
class Problem:
    """
    One problem found while checking a whole document or aggregate.

    Attributes:
        path: Where it is, as a JSON path from the document root
            (for example ``$.targets[1].indicators[0].target``).
        message: What is wrong, in words.
        error: The typed error behind the problem, when there is one.
    """

    path: str
    message: str
    error: Exception | None = attrs.field(default=None, eq=False, repr=False)

    def __str__(self) -> str:
        return f"{self.message} @ {self.path}"

    @classmethod
    def from_error(cls, path: str, error: InvalidValueError) -> Problem:
        """
        Return the problem a failed check raised, at *path*: its reason and the value it got.

        This is the one way a check's error becomes a problem of a document, so every
        message reads the same: ``"<reason> (got <value>)"``; a label that names nothing
        known also lists what is accepted.
        """
        reason = error.reason
        if isinstance(error, UnknownLabelError):
            reason = f"{reason}; accepted: {', '.join(error.accepted)}"
        return cls(path, f"{reason} (got {error.value!r})", error)


class InvalidInputError(PenilaianError, ValueError):
    """
    A document or aggregate has one or more problems; all of them are listed.

    Raised by `penilaian.Appraisal` for cross-field rules and by
    `penilaian.serialization` for documents that do not structure.

    Attributes:
        problems: Every problem found, each with its path.
    """

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__(self.problems)

    def __str__(self) -> str:
        count = len(self.problems)
        head = "1 problem" if count == 1 else f"{count} problems"
        return head + ":\n" + "\n".join(f"  {problem}" for problem in self.problems)


class ScoringInputError(InvalidInputError):
    """
    A valid appraisal lacks what a regime needs, or holds what the regime does not define.

    Raised by scoring strategies: a missing realisation, a cost aspect without a
    cost target, ratings on a framework the regime does not use, a period outside
    the regime.  Each problem's error is a `MissingValueError` or an
    `UnsupportedInputError` that names the rule.
    """


class MissingValueError(InvalidValueError):
    """A value a rule needs is absent (`None`); it is never taken as 0."""


class UnsupportedInputError(InvalidValueError):
    """A value is valid in the model but outside what a rule or regime defines."""


class UnknownStrategyError(PenilaianError, LookupError):
    """
    No scoring strategy is registered under the id asked for.

    Attributes:
        strategy_id: The id asked for.
        known: The ids that are registered.
    """

    def __init__(self, strategy_id: str, known: Sequence[str]) -> None:
        super().__init__(strategy_id, tuple(known))
        self.strategy_id = strategy_id
        self.known = tuple(known)

    def __str__(self) -> str:
        return f"no scoring strategy {self.strategy_id!r}; registered: {', '.join(self.known)}"


class MissingExtraError(PenilaianError, ImportError):
    """
    A feature needs an optional dependency that is not installed.

    Raised by `penilaian._base.extras.require`.  The message gives both ways to install
    the extra: ``pip install "penilaian[xlsx]"`` from PyPI, and ``pip install ".[xlsx]"``
    in a clone of the repository.

    Attributes:
        extra: The extra to install (``xlsx``).
        package: The package it brings (``openpyxl``).
    """

    def __init__(self, extra: str, package: str) -> None:
        super().__init__(extra, package)
        self.extra = extra
        self.package = package

    def __str__(self) -> str:
        return (
            f"this needs {self.package}, which is not installed; "
            f'install it with: pip install "penilaian[{self.extra}]" '
            f'(from a clone of the repository: pip install ".[{self.extra}]")'
        )
