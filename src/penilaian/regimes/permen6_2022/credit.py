"""
Credit points (angka kredit) of functional posts, as rules on plain numbers.

PermenPANRB 1/2023 with Perban BKN 3/2023 (REGULATIONS.md 3.8 and 3.9): a holder of a
functional post (jabatan fungsional) earns, per year, the percentage of the grade
times the annual coefficient of the post's level; a part of a year earns months / 12
of that (`credit_points`).  The AK kumulatif above what a promotion needs is carried
over to the next one (`carry_over`).  Values are exact `Fraction`s, written to the
2 places BKN prints (`CREDIT_POINT_ROUNDING`).  The ledger that composes these rules
is `penilaian.regimes.permen6_2022.ledger`.
"""

from __future__ import annotations

import types
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Final

import attrs

from penilaian._base.labels import checked_language
from penilaian._base.numbers import to_fraction
from penilaian._base.rounding import Rounding
from penilaian._base.trace import Rule, Step
from penilaian._base.words import Words
from penilaian.exceptions import InvalidNumberError, InvalidValueError, UnsupportedInputError
from penilaian.model.grades import Grade
from penilaian.model.organisation import PositionKind
from penilaian.model.periods import Period

if TYPE_CHECKING:
    from collections.abc import Mapping

    from penilaian._base.labels import Language

__all__ = [
    "CREDIT_POINT_ROUNDING",
    "PERMENPANRB_1_2023_COEFFICIENTS",
    "PERMENPANRB_1_2023_PERCENTAGES",
    "PERMENPANRB_1_2023_RULE",
    "CarryOver",
    "CreditPoints",
    "carry_over",
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

CREDIT_POINT_ROUNDING: Final = Rounding(2)
"""
How credit points are written: 2 places, as BKN prints them [MED]; halves up [LOW].

BKN's slides on Perban BKN 3/2023 print 2/12 \u00d7 100 % \u00d7 12.5 as 2.08 and the
sum 18.75 + 2.0833... as 20.83.  No printed half was found, so halves go up (the
e-SKP convention).  The exact value is always kept beside the written one, and every
sum is taken on the exact values.
"""

_ROUNDING_RULE: Final = Rule(
    id="permenpanrb1_2023.rounding",
    clause="Perban BKN 3/2023, contoh BKN: 2 angka desimal [MED]; setengah ke atas [LOW]",
    text_id="Angka kredit ditulis dengan 2 angka desimal seperti dicetak BKN",
    text_en="Credit points written to 2 places as BKN prints them",
)
_CARRY_RULE: Final = Rule(
    id="perbanbkn3_2023.carry_over",
    clause="Perban BKN 3/2023 (kelebihan AK diperhitungkan untuk kenaikan berikutnya) [MED]",
    text_id="Kelebihan angka kredit = AK kumulatif \u2212 AK yang dibutuhkan",
    text_en="Carry-over = cumulative credit points \u2212 credit points required",
)
_TWELVE: Final = Fraction(12)

_WORDS: Final = Words(
    {
        "rounding": ("harus berupa penilaian.Rounding", "must be a penilaian.Rounding"),
        "months_type": (
            "harus berupa int, Fraction atau Period",
            "must be an int, a Fraction or a Period",
        ),
        "months_range": (
            "harus lebih dari 0 dan paling banyak 12 bulan dalam satu periode",
            "must be more than 0 and at most 12 months in one period",
        ),
        "number": (
            "harus berupa bilangan tepat (int, Decimal, Fraction atau teks), bukan float",
            "must be an exact number (int, Decimal, Fraction or text), not a float",
        ),
        "coefficient": ("harus lebih dari 0", "must be more than 0"),
        "negative": ("tidak boleh negatif", "must not be negative"),
        "kind_or_coefficient": (
            "berikan jenjang jabatan atau koefisien, tepat salah satu",
            "give the functional level or the coefficient, exactly one",
        ),
        "not_functional": (
            "angka kredit hanya diperoleh dalam jabatan fungsional",
            "credit points are earned only in functional posts (jabatan fungsional)",
        ),
        "grade": (
            "PermenPANRB 1/2023 hanya mengonversi predikat PermenPANRB 6/2022",
            "PermenPANRB 1/2023 converts only the grades of PermenPANRB 6/2022",
        ),
        "short": (
            "AK kumulatif {balance} kurang dari {required} yang dibutuhkan",
            "cumulative credit points {balance} fall short of the {required} required",
        ),
    }
)
"""The reasons of this module's errors, in Indonesian and English."""


def _say(lang: Language, key: str, **values: object) -> str:
    return _WORDS.in_language(lang)[key].format(**values)


@attrs.frozen
class CreditPoints:
    """
    Credit points earned, exactly, with what they came from.

    Attributes:
        value: The credit points written by the rounding given
            (`CREDIT_POINT_ROUNDING`, 2 places, by default).
        exact: The exact value.
        grade: The grade converted.
        position_kind: The functional level, or `None` when a coefficient was given.
        months: The months counted, more than 0 and at most 12.
        step: How it was computed, when a trace was asked for.
    """

    value: Decimal
    exact: Fraction
    grade: Grade
    position_kind: PositionKind | None
    months: Fraction
    step: Step | None = None


@attrs.frozen
class CarryOver:
    """
    The credit points left after a promotion, carried over to the next one.

    Attributes:
        value: The carry-over written by the rounding given (2 places by default).
        exact: The exact carry-over, never negative.
        balance: The exact AK kumulatif before the promotion.
        required: The exact credit points the promotion needed.
        step: How it was computed, when a trace was asked for.
    """

    value: Decimal
    exact: Fraction
    balance: Fraction
    required: Fraction
    step: Step | None = None


def credit_points(
    grade: Grade | str,
    position_kind: PositionKind | str | None = None,
    months: int | Fraction | Period = 12,
    *,
    coefficient: Decimal | Fraction | int | str | None = None,
    rounding: Rounding = CREDIT_POINT_ROUNDING,
    trace: bool = True,
    lang: Language = "id",
) -> CreditPoints:
    """
    Return the credit points a functional post earns for *grade* over *months*.

    >>> credit_points("Baik", "Ahli Pertama", 2).value  # BKN's example: 2.0833... printed 2.08
    Decimal('2.08')
    >>> credit_points("Sangat Baik", coefficient="12.5").value
    Decimal('18.75')

    Args:
        grade: The PermenPANRB 6/2022 grade (a member or its text).
        position_kind: The functional level (a member or its text, "Ahli Pertama"),
            whose coefficient `PERMENPANRB_1_2023_COEFFICIENTS` gives.
        months: The months evaluated, more than 0 and at most 12, whole or exact
            (a `fractions.Fraction`), or a `penilaian.Period` whose
            `month_fraction` is used.
        coefficient: The annual coefficient itself, instead of *position_kind*.
        rounding: How the value is written (2 places, halves up, by default).
        trace: Whether to build the step.
        lang: The language of the errors' reasons: ``"id"`` (default) or ``"en"``.

    Raises:
        UnsupportedInputError: for a post that is not functional, or a grade
            PermenPANRB 1/2023 does not convert (Buruk).
        InvalidNumberError: for months outside (0, 12] or not a number, or a
            coefficient that is not an exact number greater than 0.
        InvalidValueError: for both or neither of *position_kind* and *coefficient*,
            or a *rounding* that is not a `penilaian.Rounding`.
        UnknownLabelError: for text that names no grade or position kind.
    """
    lang = checked_language(lang)
    _check_rounding(rounding, lang)
    if (position_kind is None) == (coefficient is None):
        given = (position_kind, coefficient)
        raise InvalidValueError("position_kind", given, _say(lang, "kind_or_coefficient"))
    grade = Grade.parse(grade, "grade")
    counted = _months(months, "months", lang)
    kind = None
    if position_kind is not None:
        kind = PositionKind.parse(position_kind, "position_kind")
        table = PERMENPANRB_1_2023_COEFFICIENTS.get(kind)
        if table is None:
            raise UnsupportedInputError("position_kind", kind.value, _say(lang, "not_functional"))
        factor = Fraction(table)
    else:
        factor = _exact_number(coefficient, "coefficient", lang)
        if factor <= 0:
            raise InvalidNumberError("coefficient", coefficient, _say(lang, "coefficient"))
    percentage = PERMENPANRB_1_2023_PERCENTAGES.get(grade)
    if percentage is None:
        raise UnsupportedInputError("grade", grade.value, _say(lang, "grade"))
    exact = counted / _TWELVE * Fraction(percentage) / 100 * factor
    value = rounding.apply(exact)
    step = None
    if trace:
        subject = kind.value if kind is not None else None
        step = Step.of(PERMENPANRB_1_2023_RULE, exact, subject=subject, months=counted,
                       grade=grade, percentage=percentage, coefficient=factor)  # fmt: skip
        step = _written(step, exact, value, rounding)
    return CreditPoints(value, exact, grade, kind, counted, step)


def carry_over(
    balance: Decimal | Fraction | int | str,
    required: Decimal | Fraction | int | str,
    *,
    rounding: Rounding = CREDIT_POINT_ROUNDING,
    trace: bool = True,
    lang: Language = "id",
) -> CarryOver:
    """
    Return the AK kumulatif left after a promotion that needed *required* of *balance*.

    >>> carry_over("75.63", 50).value  # BKN's example
    Decimal('25.63')

    Args:
        balance: The AK kumulatif before the promotion, 0 or more.
        required: The credit points the promotion needs, 0 or more
            (see `penilaian.regimes.permen6_2022.ledger.credit_requirement`).
        rounding: How the value is written (2 places, halves up, by default).
        trace: Whether to build the step.
        lang: The language of the errors' reasons: ``"id"`` (default) or ``"en"``.

    Raises:
        InvalidNumberError: for a negative or inexact number (a float).
        UnsupportedInputError: on field ``"balance"`` when it falls short of *required*:
            a promotion that lacks the credit points is refused, never carried as a debt.
        InvalidValueError: for a *rounding* that is not a `penilaian.Rounding`.
    """
    lang = checked_language(lang)
    _check_rounding(rounding, lang)
    have = _non_negative(balance, "balance", lang)
    need = _non_negative(required, "required", lang)
    if have < need:
        shown_have, shown_need = rounding.apply(have), rounding.apply(need)
        reason = _say(lang, "short", balance=shown_have, required=shown_need)
        raise UnsupportedInputError("balance", balance, reason)
    exact = have - need
    value = rounding.apply(exact)
    step = None
    if trace:
        step = _written(Step.of(_CARRY_RULE, exact, balance=have, required=need), exact, value,
                       rounding)  # fmt: skip
    return CarryOver(value, exact, have, need, step)


def _written(step: Step, exact: Fraction, value: Decimal, rounding: Rounding) -> Step:
    """Return *step*, under a rounding step when *value* is not *exact* (for the ledger)."""
    if value == exact:
        return step
    return Step.of(_ROUNDING_RULE, value, children=(step,), to=rounding.describe("en"))


def _exact_number(value: object, field: str, lang: Language) -> Fraction:
    """Return *value* as an exact fraction; floats and non-numbers are refused in *lang*."""
    if isinstance(value, float):
        raise InvalidNumberError(field, value, _say(lang, "number"))
    try:
        return to_fraction(value, field)
    except InvalidNumberError as error:
        raise InvalidNumberError(field, value, _say(lang, "number")) from error


def _non_negative(value: object, field: str, lang: Language) -> Fraction:
    """Return *value* as an exact fraction of 0 or more, or raise naming *field*."""
    number = _exact_number(value, field, lang)
    if number < 0:
        raise InvalidNumberError(field, value, _say(lang, "negative"))
    return number


def _check_rounding(rounding: object, lang: Language) -> None:
    if not isinstance(rounding, Rounding):
        raise InvalidValueError("rounding", rounding, _say(lang, "rounding"))


def _months(months: object, field: str, lang: Language) -> Fraction:
    """Return *months* (an int, Fraction or Period) if it lies in (0, 12], else raise."""
    if isinstance(months, Period):
        months = months.month_fraction
    if isinstance(months, bool) or not isinstance(months, int | Fraction):
        raise InvalidNumberError(field, months, _say(lang, "months_type"))
    if not 0 < months <= _TWELVE:
        raise InvalidNumberError(field, months, _say(lang, "months_range"))
    return Fraction(months)
