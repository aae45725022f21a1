"""
Shared pieces of the columnar engines: codes, column checks and exact integer rounding.

Every number a batch holds is an ``int64``: a decimal value scaled by a power of ten
(``places``), so comparisons and rounding are exact integer operations and a float
never decides a band.  A value that is absent is `MISSING` (the most negative
``int64``), never 0.  Categorical values are small integer codes into the tuples
`GRADES` and friends; ``-1`` means none.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final, TypeAlias, cast

import numpy as np

from penilaian.batch._chunks import SHOWN, Cells, Check, scan
from penilaian.exceptions import (
    InvalidInputError,
    InvalidNumberError,
    InvalidValueError,
    Problem,
)
from penilaian.model.grades import Grade

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence
    from decimal import Decimal
    from fractions import Fraction

    import numpy.typing as npt

    from penilaian._base.rounding import RoundingMode

__all__ = [
    "FLOAT_EXACT",
    "GRADES",
    "INT64_LIMIT",
    "MAX_PLACES",
    "MISSING",
    "NONE",
    "Bools",
    "Codes",
    "Ints",
    "check_bool",
    "check_codes",
    "check_int",
    "check_places",
    "checked",
    "decimal_score",
    "decimals",
    "fail",
    "fewest_places",
    "grade_codes",
    "grades",
    "listed",
    "round_division",
    "scaled",
    "scaled_cells",
    "unfit_reason",
]

Ints: TypeAlias = "npt.NDArray[np.int64]"
"""An array of scaled integers (or `MISSING`)."""
Codes: TypeAlias = "npt.NDArray[np.int8]"
"""An array of codes into a tuple of labels; ``-1`` for none."""
Bools: TypeAlias = "npt.NDArray[np.bool_]"
"""An array of flags or masks."""

MISSING: Final = int(np.iinfo(np.int64).min)
"""The value of an absent number in an ``int64`` column: never 0, never a real value."""

NONE: Final = -1
"""The code of an absent label (an incomplete result has no grade)."""

GRADES: Final[tuple[Grade, ...]] = tuple(Grade)
"""Grade codes: ``GRADES[code]`` is the `penilaian.Grade`; -1 is no grade."""

MAX_PLACES: Final = 6
"""
The most decimal places a batch's scaled columns may carry.

The readers scale every behaviour score by exactly 10^`MAX_PLACES`, whatever the other
rows hold, and the numbers of one indicator by the fewest places that hold those
numbers (`scaled_cells`), so that whether a row is accepted depends on that row alone.
"""

INT64_LIMIT: Final = (2**63 - 1) // 401
"""
The largest magnitude of a scaled input, so that every intermediate stays in ``int64``.

The widest intermediate is the lower-is-better achievement, ``2 x |200 T - 100 R| + T``
with ``T, R`` at most this: under 401 times it.
"""

FLOAT_EXACT: Final = 2**53
"""The bound on a float engine's scaled inputs: every one converts to ``float64`` exactly."""


def fail(problems: Sequence[Problem]) -> None:
    """
    Raise the problems found, if any.

    Raises:
        InvalidInputError: listing *problems* (each with its column, row and typed error).
    """
    if problems:
        raise InvalidInputError(problems)


def _where(index: tuple[int, ...]) -> str:
    return ", ".join(str(part) for part in index)


def listed(
    column: str,
    bad: Bools,
    values: npt.NDArray[np.generic],
    reason: str,
    error: type[InvalidValueError] = InvalidNumberError,
) -> list[Problem]:
    """
    Return one problem per bad cell of *column* (the first few, then a count).

    Each problem's path is ``$.<column>[row, ...]`` and its error a leaf of
    `InvalidValueError` naming the column.  A mask with no bad cell costs one ``any()``.
    """
    cells = Cells()
    cells.add(bad, lambda: values, 0)
    return _problems(column, cells, reason, error)


def checked(n: int, checks: Sequence[Check], size: int | None = None) -> list[Problem]:
    """
    Return the problems of *checks* over *n* rows, a chunk of *size* rows at a time.

    *size* defaults to `penilaian.batch._chunks.CHUNK_ROWS`.

    The same problems, in the same order, as `listed` over each check's whole mask.
    """
    found = scan(n, checks, size)
    return [
        problem
        for check, cells in zip(checks, found, strict=True)
        for problem in _problems(check.column, cells, check.reason, check.error)
    ]


def _problems(
    column: str, cells: Cells, reason: str, error: type[InvalidValueError]
) -> list[Problem]:
    problems = []
    for index, value in cells.first:
        shown = None if value == MISSING else value
        problems.append(
            Problem(
                f"$.{column}[{_where(index)}]",
                f"{reason} (got {shown!r})",
                error(column, shown, f"row {index[0]}: {reason}"),
            )
        )
    if cells.count > SHOWN:
        more = cells.count - SHOWN
        problems.append(
            Problem(f"$.{column}", f"{reason}: {more} more cells", error(column, more, reason))
        )
    return problems


def _shape_problem(column: str, value: object, reason: str) -> Problem:
    return Problem(
        f"$.{column}", f"{reason} (got {value!r})", InvalidValueError(column, value, reason)
    )


def _array(
    column: str, value: object, kind: str, dtype: type[np.generic], shape: tuple[int, ...]
) -> tuple[npt.NDArray[np.generic] | None, list[Problem]]:
    if not isinstance(value, np.ndarray):
        reason = f"must be a numpy array of {np.dtype(dtype).name}"
        return None, [_shape_problem(column, type(value).__name__, reason)]
    if value.dtype != np.dtype(dtype):
        reason = f"must have dtype {np.dtype(dtype).name} ({kind}); nothing is converted"
        if value.dtype.kind == "f" and bool(np.isnan(value).any()):
            reason += "; it holds NaN, and a missing value needs the column's mask"
        return None, [_shape_problem(column, str(value.dtype), reason)]
    if value.shape != shape:
        reason = f"must have shape {shape}"
        return None, [_shape_problem(column, value.shape, reason)]
    return value, []


def check_int(column: str, value: object, shape: tuple[int, ...]) -> list[Problem]:
    """Return the problems of an ``int64`` column of *shape* (dtype, shape)."""
    return _array(column, value, "scaled integers", np.int64, shape)[1]


def check_bool(column: str, value: object, shape: tuple[int, ...]) -> list[Problem]:
    """Return the problems of a ``bool`` column of *shape*."""
    return _array(column, value, "flags", np.bool_, shape)[1]


def check_codes(column: str, value: object, shape: tuple[int, ...], count: int) -> list[Problem]:
    """Return the problems of an ``int8`` code column: dtype, shape, codes -1 to *count* - 1."""
    array, problems = _array(column, value, "codes", np.int8, shape)
    if array is None:
        return problems
    reason = f"must be a code from -1 (none) to {count - 1}"

    def bad(rows: slice) -> Bools:
        codes = cast("Codes", array[rows])
        found: Bools = (codes < NONE) | (codes >= count)  # int8 against small ints: no copy
        return found

    check = Check(column, reason, bad, lambda rows: array[rows], InvalidValueError)
    return checked(len(array), [check])


def check_places(value: object) -> list[Problem]:
    """Return the problem of a ``places`` that is not a whole number from 0 to `MAX_PLACES`."""
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_PLACES:
        reason = f"must be a whole number from 0 to {MAX_PLACES}"
        return [_shape_problem("places", value, reason)]
    return []


def round_division(numerator: Ints, denominator: Ints | int, mode: RoundingMode) -> Ints:
    """
    Return *numerator* / *denominator* rounded to a whole number by *mode*, exactly.

    The same rule as `penilaian.Rounding.apply` with 0 places, in ``int64``:
    halves away from zero (``half_up``), to even, or truncated (``down``).  The
    denominator is positive; callers keep ``2 x |numerator| + denominator`` in range.
    """
    magnitude = np.abs(numerator)
    if mode == "half_up":
        whole = (2 * magnitude + denominator) // (2 * np.asarray(denominator))
    else:
        whole, remainder = np.divmod(magnitude, denominator)
        if mode == "half_even":
            twice = 2 * remainder
            odd = whole % 2 == 1
            whole = whole + ((twice > denominator) | ((twice == denominator) & odd))
    result: Ints = np.where(numerator < 0, -whole, whole).astype(np.int64)
    return result


def scaled(value: Decimal, places: int) -> int | None:
    """Return *value* x 10^*places* as an exact ``int``, or `None` if it needs more places."""
    numerator, denominator = value.as_integer_ratio()
    whole, remainder = divmod(numerator * 10**places, denominator)
    return None if remainder else whole


def decimals(values: Iterable[Decimal]) -> int:
    """Return the fewest decimal places that hold every one of *values* exactly."""
    most = 0
    for value in values:
        exponent = value.normalize().as_tuple().exponent
        if isinstance(exponent, int) and exponent < 0:
            most = max(most, -exponent)
    return most


def grade_codes(found: Iterable[Grade | None]) -> Codes:
    """Return the codes of *found* grades (-1 for `None`)."""
    return np.array([NONE if grade is None else GRADES.index(grade) for grade in found], np.int8)


def grades(codes: Codes) -> list[Grade | None]:
    """Return the grade of each code (`None` for -1)."""
    return [None if code == NONE else GRADES[code] for code in codes.tolist()]


_PLACES_OF: Final = {
    2**twos * 5**fives: max(twos, fives)
    for twos in range(MAX_PLACES + 1)
    for fives in range(MAX_PLACES + 1)
}
"""The decimal places of a fraction in lowest terms, by its denominator (up to `MAX_PLACES`)."""


def fewest_places(value: Decimal) -> int:
    """Return the fewest decimal places that hold *value* exactly (`MAX_PLACES` + 1 if more)."""
    return _PLACES_OF.get(value.as_integer_ratio()[1], MAX_PLACES + 1)


def scaled_cells(
    found: Mapping[tuple[str, tuple[int, ...]], Decimal],
    shapes: Mapping[str, tuple[int, ...]],
    shared: Iterable[str],
    limit: int = INT64_LIMIT,
) -> dict[str, Ints]:
    """
    Return one ``int64`` column per name of *shapes*, each value scaled on its own cell's terms.

    The values of the *shared* names at one cell (an indicator's targets and
    realisation, whose ratio alone is read) are scaled by 10^p, p the fewest decimal
    places that hold all of them exactly (at most `MAX_PLACES`); every other value by
    10^`MAX_PLACES`.  No scale is chosen from another cell or another row, so each
    value is accepted or refused on its own cell's values: at most `MAX_PLACES`
    places, and at most *limit* in magnitude once scaled.  Cells without a value hold 0.

    Raises:
        InvalidInputError: listing every value with more than `MAX_PLACES` places or
            beyond *limit* once scaled, at ``$.<column>[cell]``.
    """
    shared = frozenset(shared)
    cell_places: dict[tuple[int, ...], int] = {}
    for (name, cell), value in found.items():
        if name in shared:
            places = fewest_places(value)
            if places > cell_places.get(cell, 0):
                cell_places[cell] = places
    units = [10**places for places in range(MAX_PLACES + 1)]
    columns = {name: np.zeros(shape, np.int64) for name, shape in shapes.items()}
    problems = []
    for (name, cell), value in found.items():
        places = min(cell_places.get(cell, 0), MAX_PLACES) if name in shared else MAX_PLACES
        numerator, denominator = value.as_integer_ratio()
        whole, rest = divmod(numerator * units[places], denominator)
        if rest or abs(whole) > limit:
            reason = unfit_reason(shared=name in shared, limit=limit)
            path = f"$.{name}[{', '.join(map(str, cell))}]"
            error = InvalidNumberError(name, value, reason)
            problems.append(Problem(path, f"{reason} (got {value})", error))
            continue
        columns[name][cell] = whole
    if problems:
        raise InvalidInputError(problems)
    return columns


def unfit_reason(*, shared: bool, limit: int = INT64_LIMIT) -> str:
    """Why a value does not fit its cell's scale (see `scaled_cells`), for its problem."""
    if not shared:
        return f"must have at most {MAX_PLACES} decimal places"
    return (
        f"must have at most {MAX_PLACES} decimal places and, x 10^p with p the most places "
        f"of its indicator's targets and realisation, be at most {limit}"
    )


def decimal_score(value: Fraction) -> Decimal:
    """A rating the supervisor gave as a decimal score, from its exact fraction back to it."""
    from penilaian._base.numbers import exact_decimal  # noqa: PLC0415 - keeps this module's imports light

    found = exact_decimal(value)
    if found is None:  # pragma: no cover - SupervisorRating returns a Decimal score
        raise InvalidNumberError("score", value, "has no exact decimal form")
    return found
