"""
The angka-kredit ledger of a pejabat fungsional.

Perban BKN 3/2023 with PermenPANRB 1/2023 (REGULATIONS.md 3.9): an opening balance
(AK integrasi, or the AK given at appointment), plus each period's credit points
(`credit_points`), gives the AK kumulatif.  A kenaikan pangkat (KP) from a rank needs
that rank's AK; from the top rank of a level it is also a kenaikan jenjang (KJ), which
needs the level's AK counted from the level's start.  What a promotion does not use
is carried over (`carry_over`).  `CreditLedger.eligibility` tells whether the next
promotion may happen (`promotion_eligibility`).
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Final

import attrs

from penilaian._base.labels import LabelledEnum, checked_language
from penilaian._base.trace import Rule, Step
from penilaian._base.words import Words
from penilaian.exceptions import InvalidPeriodError, InvalidValueError, UnsupportedInputError
from penilaian.model.grades import Grade
from penilaian.model.organisation import PositionKind
from penilaian.model.periods import Period
from penilaian.regimes.permen6_2022.credit import (
    CREDIT_POINT_ROUNDING,
    _check_rounding,
    _months,
    _non_negative,
    _written,
    carry_over,
    credit_points,
)
from penilaian.regimes.permen6_2022.credit_eligibility import (
    Condition,
    Eligibility,
    promotion_eligibility,
)
from penilaian.regimes.permen6_2022.credit_thresholds import (
    PERBAN_BKN_3_2023_THRESHOLDS,
    CreditThresholds,
    Rank,
    credit_requirement,
)

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from penilaian._base.labels import Language
    from penilaian._base.rounding import Rounding

__all__ = [
    "CreditLedger",
    "CreditPeriod",
    "LedgerLine",
    "Opening",
    "OpeningKind",
    "Promotion",
    "credit_ledger",
]


class OpeningKind(LabelledEnum):
    """Where a ledger's opening balance comes from (Perban BKN 3/2023, REGULATIONS.md 3.9)."""

    INTEGRATION = ("integration", "AK integrasi", "Integration", "integrasi", "PAK integrasi")
    FIRST_APPOINTMENT = ("first_appointment", "Pengangkatan pertama", "First appointment")
    TRANSFER = ("transfer", "Perpindahan", "Transfer from another post", "perpindahan jabatan")
    ADJUSTMENT = ("adjustment", "Penyesuaian", "Adjustment", "inpassing")
    PROMOTION = ("promotion", "Promosi", "Promotion")
    PREVIOUS = ("previous", "PAK sebelumnya", "Previous assessment", "saldo", "PAK terakhir")


_LEDGER_RULE: Final = Rule(
    id="perbanbkn3_2023.ledger",
    clause="Perban BKN 3/2023; PermenPANRB 1/2023 (AK kumulatif) [MED]",
    text_id="AK kumulatif = AK awal + AK konversi periode \u2212 AK yang dipakai kenaikan",
    text_en="Cumulative = opening + converted periods \u2212 used by promotions",
)
_OPENING_RULE: Final = Rule(
    id="perbanbkn3_2023.opening",
    clause="Perban BKN 3/2023 (AK integrasi / pengangkatan, diberikan) [MED]",
    text_id="Angka kredit awal",
    text_en="Opening credit points",
)
_PROMOTION_RULE: Final = Rule(
    id="perbanbkn3_2023.promotion",
    clause="Perban BKN 3/2023 (kenaikan pangkat/jenjang; kelebihan AK dibawa) [MED]",
    text_id="Kenaikan memakai AK yang dibutuhkan; kelebihannya dibawa ke kenaikan berikutnya",
    text_en="A promotion uses the credit points it needs; the rest is carried over",
)
_WORDS: Final = Words(
    {
        "entry": (
            "harus berupa CreditPeriod atau Promotion",
            "must be a CreditPeriod or Promotion",
        ),
        "opening": ("harus berupa Opening", "must be an Opening"),
        "date": ("harus berupa datetime.date", "must be a datetime.date"),
        "period": ("harus berupa penilaian.Period", "must be a penilaian.Period"),
        "before": (
            "dimulai sebelum entri sebelumnya atau AK awal ({cursor})",
            "starts before the previous entry or the opening ({cursor})",
        ),
        "overlap": ("tumpang tindih dengan periode sebelumnya", "overlaps the previous period"),
        "longer": ("melebihi bulan dalam periodenya", "exceeds the months of its period"),
        "top": (
            "tidak ada kenaikan berikutnya berdasarkan AK",
            "no further promotion by credit points",
        ),
    }
)
"""The reasons of this module's errors, in Indonesian and English."""


def _say(lang: Language, key: str, **values: object) -> str:
    return _WORDS.in_language(lang)[key].format(**values)


@attrs.frozen
class Opening:
    """
    The opening balance of a ledger, as the PAK that set it states it.

    Attributes:
        kind: Where it comes from (`OpeningKind`, or its text).
        points: The AK kumulatif toward the next promotion, 0 or more, exact (AK dasar,
            the AK of the ranks below in the level, is not part of it).
        rank: The rank (pangkat, golongan/ruang) held at *on*, a `Rank` or its text.
        position_kind: The functional level held at *on* (a member or its text).
        on: The day the balance holds from (its TMT).
    """

    kind: OpeningKind | str
    points: Decimal | Fraction | int | str
    rank: Rank | str
    position_kind: PositionKind | str
    on: date


@attrs.frozen
class CreditPeriod:
    """
    One appraised period of the ledger: its grade converts into credit points.

    Attributes:
        period: The period appraised.
        grade: Its PermenPANRB 6/2022 grade (a member or its text).
        months: The months counted, when fewer than the period's own (its
            `month_fraction`); more than 0 and at most 12.
    """

    period: Period
    grade: Grade | str
    months: int | Fraction | None = None


@attrs.frozen
class Promotion:
    """
    A promotion to the next rank (KP), and to the next level (KJ) from a level's top rank.

    Attributes:
        on: Its effective day (TMT).
    """

    on: date


@attrs.frozen
class LedgerLine:
    """
    One line of the ledger: what it adds (or uses), and the AK kumulatif after it.

    Attributes:
        entry: ``"opening"``, ``"period"`` or ``"promotion"``.
        subject: The period (``"2024"``), or the move (``"III/a -> III/b"``).
        exact: The credit points added, exactly; a promotion's are negative (used).
        value: *exact* as written (2 places by default).
        balance: The exact AK kumulatif after the line.
        balance_value: *balance* as written.
        rank: The rank after the line.
        position_kind: The functional level after the line.
        step: How the line was computed, when a trace was asked for.
    """

    entry: str
    subject: str
    exact: Fraction
    value: Decimal
    balance: Fraction
    balance_value: Decimal
    rank: Rank
    position_kind: PositionKind
    step: Step | None = None


@attrs.frozen
class CreditLedger:
    """
    An angka-kredit ledger: its lines, the running total and where the pejabat stands.

    Attributes:
        lines: The opening, each period and each promotion, in order.
        opening: The exact opening balance.
        earned: The exact credit points of the periods.
        consumed: The exact credit points promotions used.
        balance: The exact AK kumulatif: *opening* + *earned* \u2212 *consumed*.
        value: *balance* as written (2 places by default).
        rank: The rank held at the end.
        position_kind: The functional level held at the end.
        thresholds: The table of requirements read.
        step: The ledger's trace, when asked for.
    """

    lines: tuple[LedgerLine, ...]
    opening: Fraction
    earned: Fraction
    consumed: Fraction
    balance: Fraction
    value: Decimal
    rank: Rank
    position_kind: PositionKind
    thresholds: CreditThresholds = attrs.field(eq=False, repr=False)
    step: Step | None = None

    def eligibility(
        self,
        conditions: Mapping[Condition | str, bool] | None = None,
        *,
        trace: bool = True,
        lang: Language = "id",
    ) -> Eligibility:
        """Return whether the next promotion may happen (`promotion_eligibility`)."""
        where = (self.balance, self.rank, self.position_kind, conditions)
        return promotion_eligibility(*where, thresholds=self.thresholds, trace=trace, lang=lang)


def credit_ledger(
    opening: Opening,
    entries: Sequence[CreditPeriod | Promotion] = (),
    *,
    thresholds: CreditThresholds = PERBAN_BKN_3_2023_THRESHOLDS,
    rounding: Rounding = CREDIT_POINT_ROUNDING,
    trace: bool = True,
    lang: Language = "id",
) -> CreditLedger:
    """
    Return the ledger of *opening* followed by *entries*, in date order.

    Each period converts with the level held during it; each promotion uses what
    `credit_requirement` says and carries the rest over (`carry_over`).

    Raises:
        InvalidValueError: an opening or entry of the wrong type, or bad conditions.
        InvalidNumberError: negative opening points, or months outside (0, 12] or
            above the period's own.
        InvalidPeriodError: a period or promotion before the previous entry or the
            opening, or overlapping the previous period.
        UnsupportedInputError: a rank not in the level, a post that is not
            functional, or a promotion that lacks the credit points or has no next rank.
        UnknownLabelError: text naming no rank, level, grade or opening kind.
    """
    lang = checked_language(lang)
    _check_rounding(rounding, lang)
    if not isinstance(opening, Opening):
        raise InvalidValueError("opening", opening, _say(lang, "opening"))
    kind, rank = OpeningKind.parse(opening.kind, "opening.kind"), opening.rank
    start = _non_negative(opening.points, "opening.points", lang)
    need = credit_requirement(rank, opening.position_kind, thresholds=thresholds, trace=False,
                              lang=lang, field="opening")  # fmt: skip
    rank, level = need.rank, need.position_kind
    if not isinstance(opening.on, date):
        raise InvalidValueError("opening.on", opening.on, _say(lang, "date"))
    first = (
        Step.of(_OPENING_RULE, start, subject=kind.value, rank=rank, level=level) if trace else None
    )
    lines = [_line("opening", kind.label(lang), start, start, rank, level, rounding, first)]
    balance, earned, consumed = start, Fraction(0), Fraction(0)
    cursor, previous_end = opening.on, None
    for index, entry in enumerate(entries):
        field = f"entries[{index}]"
        if isinstance(entry, CreditPeriod):
            months = _checked_period(entry, field, cursor, previous_end, lang)
            got = credit_points(
                entry.grade, level, months, rounding=rounding, trace=trace, lang=lang
            )
            balance, earned = balance + got.exact, earned + got.exact
            cursor, previous_end = entry.period.end + timedelta(days=1), entry.period.end
            lines.append(_line("period", str(entry.period), got.exact, balance, rank, level,
                               rounding, got.step))  # fmt: skip
        elif isinstance(entry, Promotion):
            _check_day(entry.on, f"{field}.on", cursor, lang)
            need = credit_requirement(rank, level, thresholds=thresholds, trace=trace, lang=lang)
            if need.required is None or need.next_rank is None:
                raise UnsupportedInputError(field, rank.value, _say(lang, "top"))
            try:
                left = carry_over(balance, need.required, rounding=rounding, trace=trace, lang=lang)
            except UnsupportedInputError as error:
                raise UnsupportedInputError(field, error.value, error.reason) from error
            used = balance - left.exact
            subject = f"{rank.value} \u2192 {need.next_rank.value}"
            children = tuple(s for s in (need.step, left.step) if s is not None)
            step = None
            if trace:
                step = Step.of(_PROMOTION_RULE, left.exact, subject=subject, used=used,
                               children=children)  # fmt: skip
            balance, consumed, cursor = left.exact, consumed + used, entry.on
            rank, level = need.next_rank, need.next_kind
            lines.append(_line("promotion", subject, -used, balance, rank, level, rounding, step))
        else:
            raise InvalidValueError(field, entry, _say(lang, "entry"))
    root = None
    if trace:
        root = Step.of(_LEDGER_RULE, balance, opening=start, earned=earned, consumed=consumed,
                       children=[line.step for line in lines if line.step is not None])  # fmt: skip
        root = _written(root, balance, rounding.apply(balance), rounding)
    return CreditLedger(tuple(lines), start, earned, consumed, balance, rounding.apply(balance),
                        rank, level, thresholds, root)  # fmt: skip


def _line(  # noqa: PLR0917 - one line's parts
    entry: str,
    subject: str,
    exact: Fraction,
    balance: Fraction,
    rank: Rank,
    level: PositionKind,
    rounding: Rounding,
    step: Step | None,
) -> LedgerLine:
    return LedgerLine(entry, subject, exact, rounding.apply(exact), balance,
                      rounding.apply(balance), rank, level, step)  # fmt: skip


def _check_day(day: object, field: str, cursor: date, lang: Language) -> None:
    if not isinstance(day, date):
        raise InvalidValueError(field, day, _say(lang, "date"))
    if day < cursor:
        raise InvalidPeriodError(field, day, _say(lang, "before", cursor=cursor))


def _checked_period(
    entry: CreditPeriod, field: str, cursor: date, previous_end: date | None, lang: Language
) -> Fraction:
    period = entry.period
    if not isinstance(period, Period):
        raise InvalidValueError(f"{field}.period", period, _say(lang, "period"))
    if previous_end is not None and period.start <= previous_end:
        raise InvalidPeriodError(f"{field}.period", str(period), _say(lang, "overlap"))
    if period.start < cursor:
        raise InvalidPeriodError(
            f"{field}.period", str(period), _say(lang, "before", cursor=cursor)
        )
    own = _months(period, f"{field}.period", lang)
    if entry.months is None:
        return own
    months = _months(entry.months, f"{field}.months", lang)
    if months > own:
        raise InvalidPeriodError(f"{field}.months", entry.months, _say(lang, "longer"))
    return months
