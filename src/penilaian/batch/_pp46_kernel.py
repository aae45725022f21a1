"""
The PP 46/2011 columns' layout and bounds, and the integer pieces of `score_pp46`.

Private to `penilaian.batch.pp46`, which re-exports the layout and the bounds and whose
module docstring documents them.  The factor, the efficiency limit, the aspects and
the tables come from the public rules, `penilaian.regimes.pp46_2011.rules` and
`penilaian.regimes.pp46_2011.tables`, and are turned into integer numerators and
denominators here, once.
"""

from __future__ import annotations

import math
from fractions import Fraction
from typing import TYPE_CHECKING, Any, Final, Protocol

import numpy as np

from penilaian.batch._columns import GRADES, MISSING, Bools, Codes, Ints, round_division
from penilaian.exceptions import UnsupportedInputError
from penilaian.model.appraisal import InnovationScope
from penilaian.model.behaviour import PP46_2011_BEHAVIOUR
from penilaian.regimes.pp46_2011 import (
    PP46_2011_ACTIVITY_ASPECTS,
    PP46_2011_ADDITIONAL_TASK_POINTS,
    PP46_2011_CATEGORIES,
    PP46_2011_CREATIVITY_POINTS,
    PP46_2011_EFFICIENCY_LIMIT,
    PP46_2011_TIME_COST_FACTOR,
)

if TYPE_CHECKING:
    from penilaian._base.rounding import RoundingMode
    from penilaian.model.grades import BandTable
    from penilaian.model.targets import Aspect
    from penilaian.regimes.pp46_2011 import BandConvention, Pp46Regime

__all__ = [
    "ACTIVITY_LIMIT",
    "CREATIVITY",
    "DENOMINATOR_LIMIT",
    "INNOVATION_LIMIT",
    "PP46_ASPECTS",
    "PP46_SCOPES",
    "PP46_SLOTS",
    "QUANTITY",
    "REQUIRED",
    "ROUNDING_PLACES_LIMIT",
    "TASK_POINTS",
    "VALUE_LIMIT",
    "WEIGHT_DENOMINATOR_LIMIT",
    "Pp46Columns",
    "band_index",
    "categories",
    "common_denominator",
    "fractions",
    "integer_weights",
    "round_parts",
    "used_cells",
]

# -- the layout and the bounds (documented in penilaian.batch.pp46) -----------------------

PP46_ASPECTS: Final = tuple(aspect.id for aspect in PP46_2011_BEHAVIOUR.aspects)
"""The behaviour aspect ids of the behaviour columns, in order."""

PP46_SLOTS: Final[tuple[Aspect, ...]] = tuple(row.aspect for row in PP46_2011_ACTIVITY_ASPECTS)
"""The kegiatan aspects of the last axis of the kegiatan columns: quantity, quality, time, cost."""

PP46_SCOPES: Final[tuple[InnovationScope, ...]] = tuple(InnovationScope)
"""The innovation scopes of the ``innovations`` column, in order."""

VALUE_LIMIT: Final = 10**9
"""Every kegiatan aspect value (in percent) is under this in magnitude."""

DENOMINATOR_LIMIT: Final = 10**14
"""
The largest common denominator of one kegiatan's aspect values, each in lowest terms.

The kegiatan value's widest intermediate is under 7 x this x 10^`ROUNDING_PLACES_LIMIT`,
which stays under 2^63.
"""

ACTIVITY_LIMIT: Final = 10**5
"""The most kegiatan one row may hold (their rounded values are summed)."""

INNOVATION_LIMIT: Final = 10**6
"""The most innovations of one scope one row may hold (their points may be summed)."""

ROUNDING_PLACES_LIMIT: Final = 4
"""The most decimal places of the regime's rounding that `score_pp46` computes."""

WEIGHT_DENOMINATOR_LIMIT: Final = 10**4
"""The largest common denominator of the regime's weights that `score_pp46` computes."""

QUANTITY: Final = 0
"""The slot of the quantity aspect (its realisation decides the zero-output rule)."""
if PP46_SLOTS[QUANTITY].value != "quantity":  # pragma: no cover - guards a change of the rules
    raise UnsupportedInputError("slots", PP46_SLOTS, "quantity must be the first slot")

REQUIRED: Final = tuple(slot for slot, row in enumerate(PP46_2011_ACTIVITY_ASPECTS) if row.required)
"""The slots every kegiatan needs (quantity, quality and time; cost is optional)."""


class Pp46Columns(Protocol):
    """The columns of a `penilaian.batch.pp46.Pp46Batch` that the checks and the kernel read."""

    @property
    def places(self) -> int: ...
    @property
    def main(self) -> Bools: ...
    @property
    def indicator(self) -> Bools: ...
    @property
    def target(self) -> Ints: ...
    @property
    def realisation(self) -> Ints: ...
    @property
    def realised(self) -> Bools: ...
    @property
    def additional(self) -> Ints: ...
    @property
    def innovations(self) -> Ints: ...
    @property
    def behaviour(self) -> Ints: ...
    @property
    def rated(self) -> Bools: ...
    @property
    def applies(self) -> Bools: ...


_ABOVE_BASE: Final = 76 + 100
"""The above-24 % formula ``76 - (value - 100)`` is ``176 - value``."""


def _coefficients() -> tuple[Ints, Ints, Ints, Ints, Ints, Ints, Bools, int, int]:
    """
    Each slot's value as ``(A T + B R) / (Q T)`` in integers, in each branch.

    Returns the below-24 % ``(A, B, Q)``, the above-24 % ``(A, B, Q)``, which slots
    have the 24 % rule, and the branch test ``E > limit`` as ``k T > m R``.
    """
    factor, limit = PP46_2011_TIME_COST_FACTOR, PP46_2011_EFFICIENCY_LIMIT
    below: list[tuple[Fraction, int]] = []
    above: list[tuple[Fraction, int]] = []
    has_rule = []
    for row in PP46_2011_ACTIVITY_ASPECTS:
        if row.above_limit_rule is None:  # value = R / T x 100
            below.append((Fraction(0), 100))
            above.append((Fraction(0), 100))
            has_rule.append(False)
        else:  # (F - R / T) x 100, and above the limit 176 - that
            below.append((100 * factor, -100))
            above.append((_ABOVE_BASE - 100 * factor, 100))
            has_rule.append(True)
    columns = []
    for branch in (below, above):
        columns += [
            np.array([a.numerator for a, _ in branch], np.int64),
            np.array([a.denominator * b for a, b in branch], np.int64),
            np.array([a.denominator for a, _ in branch], np.int64),
        ]
    # E = 100 - 100 R / T > n / d  <=>  (100 d - n) T > 100 d R
    k, m = 100 * limit.denominator - limit.numerator, 100 * limit.denominator
    pairs = (*zip(columns[0], columns[1], strict=True), *zip(columns[3], columns[4], strict=True))
    sums = [abs(int(a)) + abs(int(b)) for a, b in pairs]
    widest = max(*sums, *(int(q) for q in (*columns[2], *columns[5])), k, m)
    if widest > 400:  # pragma: no cover - guards a change of the factor or the limit
        raise UnsupportedInputError("factor", factor, "the coefficients must keep int64 bounds")
    a_b, b_b, q_b, a_a, b_a, q_a = columns
    return a_b, b_b, q_b, a_a, b_a, q_a, np.array(has_rule, np.bool_), k, m


_A_BELOW, _B_BELOW, _Q_BELOW, _A_ABOVE, _B_ABOVE, _Q_ABOVE, _HAS_RULE, _K, _M = _coefficients()
_CATEGORY_CODES: Final = np.array(
    [GRADES.index(grade) for grade in PP46_2011_CATEGORIES.labels], np.int8
)
CREATIVITY: Final = np.array([PP46_2011_CREATIVITY_POINTS[s] for s in PP46_SCOPES], np.int64)
"""The kreativitas points of each scope of `PP46_SCOPES`."""
TASK_POINTS: Final = np.array(PP46_2011_ADDITIONAL_TASK_POINTS.labels, np.int64)
"""The tugas tambahan points of each band of `PP46_2011_ADDITIONAL_TASK_POINTS`."""


def used_cells(batch: Pp46Columns) -> Bools:
    """The cells holding an indicator of a kegiatan."""
    used: Bools = batch.main[..., None] & batch.indicator
    return used


def fractions(batch: Pp46Columns, used: Bools) -> tuple[Ints, Ints, Bools]:
    """
    Each aspect value as numerator / denominator in lowest terms, and the above-24 % branch.

    Perka BKN 1/2013 Lampiran: quantity and quality R / T x 100; time and cost
    (1.76 - R / T) x 100 while the efficiency 100 - R / T x 100 is at most 24, and
    76 - (that - 100) above it.  Cells that are not used read 0 / 1.
    """
    planned = np.where(used, batch.target, 1)
    real = np.where(used, batch.realisation, 0)
    above: Bools = used & _HAS_RULE & (_K * planned > _M * real)
    a = np.where(above, _A_ABOVE, _A_BELOW)
    b = np.where(above, _B_ABOVE, _B_BELOW)
    q = np.where(above, _Q_ABOVE, _Q_BELOW)
    numerator = a * planned + b * real
    denominator = q * planned
    common = np.gcd(numerator, denominator)
    return numerator // common, denominator // common, above


def common_denominator(denominator: Ints, used: Bools) -> tuple[Ints, Bools]:
    """The least common multiple per kegiatan, and where it would exceed `DENOMINATOR_LIMIT`."""
    common = np.ones(used.shape[:2], np.int64)
    over = np.zeros(used.shape[:2], np.bool_)
    for slot in range(used.shape[2]):
        each = np.where(used[..., slot], denominator[..., slot], 1)
        step = common // np.gcd(common, each)
        beyond = step > DENOMINATOR_LIMIT // each
        over |= beyond
        common = np.where(beyond, 1, step * np.where(beyond, 1, each))
    return common, over


def round_parts(whole: Ints, remainder: Ints, denominator: Ints, mode: RoundingMode) -> Ints:
    """
    ``whole + remainder / denominator`` (``0 <= remainder < denominator``) rounded by *mode*.

    The rule of `penilaian.Rounding.apply` with 0 places: on the magnitude, halves
    away from zero, to even, or truncated, then the sign.
    """
    negative = whole < 0
    inexact = remainder > 0
    magnitude = np.where(negative, -whole - inexact, whole)
    rest = np.where(negative & inexact, denominator - remainder, remainder)
    twice = 2 * rest
    if mode == "half_up":
        magnitude = magnitude + (twice >= denominator)
    elif mode == "half_even":
        odd = magnitude % 2 == 1
        magnitude = magnitude + ((twice > denominator) | ((twice == denominator) & odd))
    result: Ints = np.where(negative, -magnitude, magnitude).astype(np.int64)
    return result


def band_index(values: Ints, unit: int, table: BandTable[Any]) -> Ints:
    """The band of each scaled value, compared exactly as `BandTable.classify` does."""
    index = np.zeros(values.shape, np.int64)
    for cut in table.cuts:
        cut_n, cut_d = cut.as_integer_ratio()
        scaled_value, bound = values * cut_d, cut_n * unit
        beyond = scaled_value > bound if table.closed == "upper" else scaled_value >= bound
        index += beyond
    return index


def categories(values: Ints, unit: int, convention: BandConvention) -> tuple[Codes, Ints]:
    """The sebutan of scaled *values*, and the whole number read under ``round_to_integer``."""
    if convention == "round_to_integer":
        whole = round_division(values, unit, "half_up")
        return _CATEGORY_CODES[band_index(whole, 1, PP46_2011_CATEGORIES)], whole
    missing = np.full(values.shape, MISSING, np.int64)
    return _CATEGORY_CODES[band_index(values, unit, PP46_2011_CATEGORIES)], missing


def integer_weights(regime: Pp46Regime) -> tuple[int, int, int]:
    """The SKP and behaviour weights over their common denominator, as integers."""
    work, other = regime.weights["work"], regime.weights["behaviour"]
    common = math.lcm(work.denominator, other.denominator)
    return int(work * common), int(other * common), common
