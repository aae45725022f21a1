"""
Every error `penilaian` raises on purpose.

Each error carries the offending data as attributes and derives its message
from them, so callers never parse message strings.  Leaves also subclass the
builtin they refine (`ValueError`, `LookupError`), so code that catches the
builtin keeps working.
"""

from __future__ import annotations

import decimal
import fractions
import itertools
import math
import reprlib
from typing import TYPE_CHECKING, ClassVar, Final

import attrs

from penilaian._base import messages

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence
    from typing import Any

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
    "in_language",
]


class _Shown(reprlib.Repr):
    """
    The repr of an offending value, bounded: an error message never grows with the input.

    Short values read as `repr` gives them; a long text, a number of many digits or a
    large or deep collection is shortened, and says how long it is.  Nothing here costs
    more than reading the value once: a huge `int` is never turned into text whole
    (Python refuses that beyond 4,300 digits).
    """

    _WHOLE_TEXT: ClassVar = 4_000  # digits below Python's int-to-text limit (4,300)

    def __init__(self) -> None:
        super().__init__()
        self.maxlevel = 4
        self.maxtuple = self.maxlist = self.maxset = self.maxfrozenset = 20
        self.maxdeque = self.maxarray = 20
        self.maxdict = 20
        self.maxstring = 200
        self.maxlong = 40
        self.maxother = 300

    def repr1(self, x: object, level: int) -> str:
        # Dispatch on the type, subclasses that keep the builtin repr included (a JSON
        # object with repeated keys is a dict); enumerations, booleans and the rest keep
        # reprlib's way: their own repr, cut to `maxother`.
        for kind in (int, str, fractions.Fraction, decimal.Decimal, dict, list, tuple):
            if isinstance(x, kind) and _repr_of(type(x)) is _repr_of(kind):
                shown: Callable[[Any, int], str] = getattr(self, f"repr_{kind.__name__}")
                return shown(x, level)
        return super().repr1(x, level)

    def repr_int(self, x: int, level: int) -> str:  # noqa: ARG002 - reprlib's signature
        sign = "-" if x < 0 else ""
        if x.bit_length() > self._WHOLE_TEXT * math.log2(10):
            about = math.floor(x.bit_length() * math.log10(2)) + 1
            return f"{sign}...{abs(x) % 10**12:012d} (about {about} digits)"
        digits = str(abs(x))
        if len(digits) <= self.maxlong:
            return sign + digits
        return f"{sign}{digits[:12]}...{digits[-12:]} ({len(digits)} digits)"

    def repr_str(self, x: str, level: int) -> str:  # noqa: ARG002 - reprlib's signature
        if len(x) <= self.maxstring:
            return repr(x)
        return f"{x[:60] + '...' + x[-20:]!r} ({len(x)} characters)"

    def repr_Fraction(self, x: fractions.Fraction, level: int) -> str:  # noqa: N802 - reprlib's naming
        numerator, denominator = (
            self.repr_int(x.numerator, level),
            self.repr_int(x.denominator, level),
        )
        return f"Fraction({numerator}, {denominator})"

    def repr_dict(self, x: dict[Any, Any], level: int) -> str:
        # As reprlib's, but in the dict's own order (reprlib sorts the keys).
        if not x:
            return "{}"
        if level <= 0:
            return "{...}"
        pieces = [
            f"{self.repr1(key, level - 1)}: {self.repr1(value, level - 1)}"
            for key, value in itertools.islice(x.items(), self.maxdict)
        ]
        if len(x) > self.maxdict:
            pieces.append("...")
        return "{" + ", ".join(pieces) + "}"

    def repr_Decimal(self, x: decimal.Decimal, level: int) -> str:  # noqa: ARG002, N802 - reprlib's
        text = repr(x)  # linear in the digits, and never refused
        if len(text) <= self.maxother:
            return text
        return f"{text[:40]}...{text[-20:]} ({len(x.as_tuple().digits)} digits)"


def _repr_of(kind: type[Any]) -> object:
    return kind.__repr__


_SHOWN: Final = _Shown()


def _shown(value: object) -> str:
    """Return the repr of *value* for a message, bounded in length and in the work it takes."""
    return _SHOWN.repr(value)


def _rebuild(
    cls: type[PenilaianError], args: tuple[object, ...], state: dict[str, object]
) -> PenilaianError:
    """Rebuild an unpickled error: its class, its arguments and its attributes."""
    error = cls.__new__(cls)
    error.args = args
    error.__dict__.update(state)
    return error


class PenilaianError(Exception):
    """
    Root of every error that `penilaian` raises on purpose.

    Catch this to handle any rejection by the library in one place.
    """

    def __repr__(self) -> str:
        # Bounded like the messages: the repr of a huge int would even raise.
        return f"{type(self).__name__}({', '.join(_shown(arg) for arg in self.args)})"

    def __reduce__(self) -> tuple[object, ...]:
        # One way for every error to cross a process: rebuilt from its arguments and
        # attributes without calling __init__, whose parameters differ from class to
        # class (an UnknownLabelError's four could not be rebuilt from its args).
        return (_rebuild, (type(self), self.args, dict(self.__dict__)))


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
        return f"{self.field}: {self.reason} (got {_shown(self.value)})"


class InvalidNumberError(InvalidValueError):
    """
    A number could not be taken exactly, or lies outside its allowed range.

    Raised for floats that are not finite, for NaN, for booleans passed as
    numbers, for text that is not a number, for numbers outside the bounds that
    every number keeps (at most 40 digits before the point and 40 after it), and
    for bounds such as "must be greater than 0" on targets that a rule divides by.
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
        return f"nip {_shown(self.value)}: {self.group}: {self.reason}"


class UnknownLabelError(InvalidValueError):
    """
    A text does not name any member of a labelled enumeration.

    Attributes:
        enum: The name of the enumeration (for example ``"Aspect"``).
        accepted: The canonical values that are accepted (aliases are matched
            too, case- and spacing-insensitively).
        labels: Each accepted value's (Indonesian, English) labels, in the order of
            *accepted*, or ``()`` when the enumeration has none; `in_language` lists
            these instead of the ids.
    """

    def __init__(
        self,
        field: str,
        value: object,
        enum: str,
        accepted: Sequence[str],
        *,
        labels: Sequence[tuple[str, str]] = (),
    ) -> None:
        super().__init__(field, value, f"not a known {enum}")
        self.enum = enum
        self.accepted = tuple(accepted)
        self.labels = tuple(labels)

    def __str__(self) -> str:
        return (
            f"{self.field}: {_shown(self.value)} is not a known {self.enum}; "
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
        return cls(path, f"{reason} (got {_shown(error.value)})", error)


class InvalidInputError(PenilaianError, ValueError):
    """
    A document or aggregate has one or more problems; the first hundred are listed.

    Raised by `penilaian.Appraisal` for cross-field rules and by
    `penilaian.serialization` for documents that do not structure.  The message lists
    the first `MAX_PROBLEMS` problems and ends with ``… and K more problems`` when
    there are more, so it stays short whatever the document holds.

    Attributes:
        problems: The first `MAX_PROBLEMS` problems found, each with its path.
        count: How many problems were found, those not listed included.
        MAX_PROBLEMS: How many problems an error lists: 100.
    """

    MAX_PROBLEMS: ClassVar[int] = 100

    def __init__(self, problems: Iterable[Problem], *, omitted: int = 0) -> None:
        """
        Keep the first `MAX_PROBLEMS` of *problems*, and count them all.

        Args:
            problems: The problems found, first ones first.
            omitted: How many more problems were found and left out already (by an
                error whose problems these are), counted but not listed.
        """
        listed: list[Problem] = []
        count = omitted
        for problem in problems:
            if len(listed) < self.MAX_PROBLEMS:
                listed.append(problem)
            count += 1
        self.problems = tuple(listed)
        self.count = count
        super().__init__(self.problems)

    @property
    def omitted(self) -> int:
        """How many of the problems found are not listed in `problems`."""
        return self.count - len(self.problems)

    def __str__(self) -> str:
        head = "1 problem" if self.count == 1 else f"{self.count} problems"
        lines = [f"  {problem}" for problem in self.problems]
        if self.omitted:
            more = "problem" if self.omitted == 1 else "problems"
            lines.append(f"  \u2026 and {self.omitted} more {more}")
        return head + ":\n" + "\n".join(lines)


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

    Raised by `penilaian._base.extras.require`.  The message gives the way to install
    the extra that works today, ``pip install ".[xlsx]"`` in a clone of the repository,
    then ``pip install "penilaian[xlsx]"`` for once the package is published.

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
            f"this needs {self.package}, which is not installed; install it in a clone of the "
            f'repository with: pip install ".[{self.extra}]" '
            f'(once penilaian is published: pip install "penilaian[{self.extra}]")'
        )


def in_language(item: PenilaianError | Problem | str, language: str = "id") -> str:
    """
    Return the message of an error, a problem or a reason, in Indonesian or in English.

    The ``str()`` of errors and problems stays English, for developers and logs; this is
    what people read.  Each reason the library writes has a template in the catalogue
    `penilaian._base.messages` in both languages; field names, paths and values are kept
    as they are.  A label that names nothing known is said with the enumeration's noun and
    lists the accepted labels in *language*, never a Python class name.  A reason with no
    template (one a caller wrote) is kept in English after ``[EN]``.

    >>> from penilaian import Aspect
    >>> try:
    ...     Aspect.parse("warna", "aspect")
    ... except UnknownLabelError as error:
    ...     print(error)
    ...     print(in_language(error))
    ...     print(in_language(error, "en"))
    aspect: 'warna' is not a known Aspect; accepted: quantity, quality, time, cost
    aspect: 'warna' bukan aspek target yang dikenal;
    yang diterima: Kuantitas, Kualitas, Waktu, Biaya
    aspect: 'warna' is not a known target aspect; accepted: Quantity, Quality, Time, Cost
    >>> print(in_language(InvalidInputError([Problem("$.name", "must be a non-empty string")])))
    1 masalah:
      harus berupa teks yang tidak kosong @ $.name

    Args:
        item: A `PenilaianError`, a `Problem`, or the text of a reason.
        language: ``"id"`` (Indonesian, the default) or ``"en"`` (English).

    Returns:
        The message; in English it reads as ``str(item)``, but that an unknown label is
        said with its noun and labels.

    Raises:
        InvalidValueError: *language* is neither ``"id"`` nor ``"en"``.
    """
    if language not in {"id", "en"}:
        raise InvalidValueError("language", language, "must be 'id' (Indonesian) or 'en' (English)")
    lang: messages.Language = "en" if language == "en" else "id"
    if isinstance(item, str):
        return messages.reason_in(item, lang)
    if isinstance(item, Problem):
        message = messages.reason_in(item.message, lang, _names(item.error))
        return messages.shape_in("problem", lang, message=message, path=item.path)
    if isinstance(item, InvalidInputError):
        return _problems_in(item, lang)
    return _error_in(item, lang)


def _names(error: object) -> messages.LabelNames | None:
    if not isinstance(error, UnknownLabelError):
        return None
    return messages.LabelNames(error.enum, error.accepted, error.labels)


def _error_in(error: PenilaianError, lang: messages.Language) -> str:
    shape = messages.shape_in
    if isinstance(error, UnknownLabelError):
        labels = messages.labels_in(
            messages.LabelNames(error.enum, error.accepted, error.labels), lang
        )
        noun = messages.noun_in(error.enum, lang)
        return shape(
            "label", lang, field=error.field, value=_shown(error.value), noun=noun, labels=labels
        )
    if isinstance(error, InvalidValueError):
        reason = messages.reason_in(error.reason, lang)
        if isinstance(error, InvalidNipError):
            group = messages.group_in(error.group, lang)
            return shape("nip", lang, value=_shown(error.value), group=group, reason=reason)
        return shape("value", lang, field=error.field, reason=reason, value=_shown(error.value))
    if isinstance(error, UnknownStrategyError):
        known = ", ".join(error.known)
        return shape("strategy", lang, strategy=repr(error.strategy_id), known=known)
    if isinstance(error, MissingExtraError):
        return shape("extra", lang, package=error.package, extra=error.extra)
    return messages.reason_in(str(error), lang)


def _problems_in(error: InvalidInputError, lang: messages.Language) -> str:
    shape, omitted = messages.shape_in, error.omitted
    head = shape("one_problem" if error.count == 1 else "problems", lang, count=str(error.count))
    lines = [f"  {in_language(problem, lang)}" for problem in error.problems]
    if omitted:
        lines.append(f"  {shape('one_more' if omitted == 1 else 'more', lang, count=str(omitted))}")
    return head + "\n" + "\n".join(lines)
