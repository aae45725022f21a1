"""
Credit points (angka kredit) of functional posts from a PermenPANRB 6/2022 grade.

PermenPANRB 1/2023 with Perban BKN 3/2023 (REGULATIONS.md 3.8): a holder of a
functional post (jabatan fungsional) earns, per year, the percentage of the grade
times the annual coefficient of the post's level; a part of a year earns months / 12
of that.  `credit_points` computes it exactly and says how.
"""

from __future__ import annotations

import types
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Final

import attrs

from penilaian._base.numbers import exact_decimal
from penilaian._base.rounding import Rounding
from penilaian._base.trace import Rule, Step
from penilaian.exceptions import InvalidNumberError, InvalidValueError, UnsupportedInputError
from penilaian.model.grades import Grade
from penilaian.model.organisation import PositionKind
from penilaian.model.periods import Period

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = [
    "CREDIT_POINT_ROUNDING",
    "PERMENPANRB_1_2023_COEFFICIENTS",
    "PERMENPANRB_1_2023_PERCENTAGES",
    "PERMENPANRB_1_2023_RULE",
    "CreditPoints",
    "credit_points",
]

PERMENPANRB_1_2023_PERCENTAGES: Final[Mapping[Grade, Decimal]] = types.MappingProxyType(
    {
        Grade.VERY_GOOD: Decimal(150),
        Grade.GOOD: Decimal(100),
        Grade.NEEDS_IMPROVEMENT: Decimal(75),
        Grade.FAIR: Decimal(75),
        Grade.POOR: Decimal(50),
        Grade.VERY_POOR: Decimal(25),
    }
)
"""
The percentage of the annual coefficient earned per grade [HIGH] (REGULATIONS.md 3.8).

Sangat Baik 150 %, Baik 100 %, Butuh Perbaikan 75 %, Kurang 50 %, Sangat Kurang 25 %.
Cukup, the name PP 30/2019 gave Butuh Perbaikan, counts as Butuh Perbaikan [LOW].
"""

_K = PositionKind

PERMENPANRB_1_2023_COEFFICIENTS: Final[Mapping[PositionKind, Decimal]] = types.MappingProxyType(
    {
        _K.EXPERT_FIRST: Decimal("12.5"),
        _K.EXPERT_JUNIOR: Decimal(25),
        _K.EXPERT_MIDDLE: Decimal("37.5"),
        _K.EXPERT_PRINCIPAL: Decimal(50),
        _K.SKILL_BEGINNER: Decimal("3.75"),
        _K.SKILL_SKILLED: Decimal(5),
        _K.SKILL_ADVANCED: Decimal("12.5"),
        _K.SKILL_SUPERVISOR: Decimal(25),
    }
)
"""
The annual credit-point coefficient of each functional level (REGULATIONS.md 3.8).

Ahli Pertama 12.5 and Ahli Madya 37.5 [HIGH]; Ahli Muda 25, Ahli Utama 50, Pemula
3.75, Terampil 5, Mahir 12.5, Penyelia 25 [MED].
"""

PERMENPANRB_1_2023_RULE: Final = Rule(
    id="permenpanrb1_2023.credit_points",
    clause="PermenPANRB 1/2023; Perban BKN 3/2023 (konversi predikat ke angka kredit)",
    text_id="Angka kredit = bulan / 12 \u00d7 persentase predikat \u00d7 koefisien tahunan",
    text_en="Credit points = months / 12 \u00d7 grade percentage \u00d7 annual coefficient",
)

CREDIT_POINT_ROUNDING: Final = Rounding(3)
"""
How credit points with no exact decimal are written: 3 places, halves up [LOW].

Used only when the exact value has no finite decimal form (Terampil, Baik, one
month: 5/12); every other value is exact.
"""

_ROUNDING_RULE: Final = Rule(
    id="permenpanrb1_2023.rounding",
    clause="konvensi penilaian [LOW]: hanya bila tidak ada bentuk desimal yang tepat",
    text_id="Pembulatan angka kredit",
    text_en="Rounding of the credit points",
)
_TWELVE: Final = Fraction(12)


@attrs.frozen
class CreditPoints:
    """
    Credit points earned, exactly, with what they came from.

    Attributes:
        value: The credit points: exact when their decimal ends, else rounded by
            the rounding given (`CREDIT_POINT_ROUNDING` by default).
        exact: The exact value.
        grade: The grade converted.
        position_kind: The functional level.
        months: The months counted, 0 to 12.
        step: How it was computed, when a trace was asked for.
    """

    value: Decimal
    exact: Fraction
    grade: Grade
    position_kind: PositionKind
    months: Fraction
    step: Step | None = None


def credit_points(
    grade: Grade | str,
    position_kind: PositionKind | str,
    months: int | Fraction | Period = 12,
    *,
    rounding: Rounding = CREDIT_POINT_ROUNDING,
    trace: bool = True,
) -> CreditPoints:
    """
    Return the credit points a functional post earns for *grade* over *months*.

    Args:
        grade: The PermenPANRB 6/2022 grade (a member or its text).
        position_kind: The functional level (a member or its text, "Ahli Pertama").
        months: The months evaluated, more than 0 and at most 12, whole or exact
            (a `fractions.Fraction`), or a `penilaian.Period` whose
            `month_fraction` is used.
        rounding: How a value with no exact decimal form is written.
        trace: Whether to build the step.

    Raises:
        UnsupportedInputError: for a post that is not functional, or a grade
            PermenPANRB 1/2023 does not convert (Buruk).
        InvalidNumberError: for months outside (0, 12] or not a number.
        UnknownLabelError: for text that names no grade or position kind.
        InvalidValueError: for a *rounding* that is not a `penilaian.Rounding`.
    """
    if not isinstance(rounding, Rounding):
        raise InvalidValueError("rounding", rounding, "must be a penilaian.Rounding")
    grade = Grade.parse(grade, "grade")
    kind = PositionKind.parse(position_kind, "position_kind")
    counted = _months(months)
    coefficient = PERMENPANRB_1_2023_COEFFICIENTS.get(kind)
    if coefficient is None:
        reason = "credit points are earned only in functional posts (jabatan fungsional)"
        raise UnsupportedInputError("position_kind", kind.value, reason)
    percentage = PERMENPANRB_1_2023_PERCENTAGES.get(grade)
    if percentage is None:
        reason = "PermenPANRB 1/2023 converts only the grades of PermenPANRB 6/2022"
        raise UnsupportedInputError("grade", grade.value, reason)
    exact = counted / _TWELVE * Fraction(percentage) / 100 * Fraction(coefficient)
    finite = exact_decimal(exact)
    value = finite if finite is not None else rounding.apply(exact)
    step = None
    if trace:
        step = Step.of(PERMENPANRB_1_2023_RULE, exact, subject=kind.value, months=counted,
                       grade=grade, percentage=percentage, coefficient=coefficient)  # fmt: skip
        if finite is None:
            step = Step.of(_ROUNDING_RULE, value, children=(step,), to=rounding.describe("en"))
    return CreditPoints(value, exact, grade, kind, counted, step)


def _months(months: object) -> Fraction:
    if isinstance(months, Period):
        months = months.month_fraction
    if isinstance(months, bool) or not isinstance(months, int | Fraction):
        got = type(months).__name__
        raise InvalidNumberError("months", months, f"must be an int or a Fraction, not {got}")
    if not 0 < months <= _TWELVE:
        raise InvalidNumberError("months", months, "must be more than 0 and at most 12")
    return Fraction(months)
