"""
The annual grade of PermenPANRB 6/2022 from the grades of its periods.

PermenPANRB 6/2022 evaluates performance periodically (monthly, quarterly or per
semester) and annually, the annual evaluation resting on the periodic ones
(REGULATIONS.md 3.6).  The sentence that fixes how was not found, so the roll-up is
a policy: a `Rollup`.  The default, `LastPeriod`, takes the grade of the last
period, as the standard form (whose "Triwulan IV/Akhir" is the annual one) and BKN
e-Kinerja do [LOW]; `WorstPeriod`, `MostFrequent` and `MonthWeighted` are the
alternatives.  The order in which periods are given never matters.
"""

from __future__ import annotations

import math
from collections import Counter
from fractions import Fraction
from typing import TYPE_CHECKING, Final

import attrs

from penilaian._base.checks import TUPLE, as_tuple
from penilaian._base.trace import Rule, Step
from penilaian.exceptions import (
    InvalidValueError,
    MissingValueError,
    Problem,
    ScoringInputError,
    UnsupportedInputError,
)
from penilaian.model.grades import Grade
from penilaian.model.periods import Period
from penilaian.regimes.permen6_2022.rules import PERMEN6_2022_GRADE_ORDER

if TYPE_CHECKING:
    from collections.abc import Iterable

    from penilaian.scoring.result import Result
    from penilaian.typing import Rollup

__all__ = [
    "AnnualGrade",
    "LastPeriod",
    "MonthWeighted",
    "MostFrequent",
    "PeriodGrade",
    "WorstPeriod",
    "annual_grade",
]

_BY_RANK: Final = {rank: grade for grade, rank in PERMEN6_2022_GRADE_ORDER.items()}


def _permen6_grade(_instance: object, attribute: attrs.Attribute[Grade], value: Grade) -> None:
    if value not in PERMEN6_2022_GRADE_ORDER:
        reason = (
            f"not a grade of PermenPANRB 6/2022 ({', '.join(g.value for g in _BY_RANK.values())})"
        )
        raise UnsupportedInputError(attribute.name, value.value, reason)


def _is_period(_instance: object, attribute: attrs.Attribute[Period], value: object) -> None:
    if not isinstance(value, Period):
        raise UnsupportedInputError(attribute.name, value, "must be a penilaian.Period")


def _grade(value: Grade | str) -> Grade:
    """Return the grade *value* names (a member or its text); the error names ``grade``."""
    return Grade.parse(value, "grade")


@attrs.frozen
class PeriodGrade:
    """
    The grade of one periodic evaluation (evaluasi kinerja periodik).

    Attributes:
        period: The period evaluated (a month, quarter, semester or custom range).
        grade: Its grade, one of the five of PermenPANRB 6/2022; text is parsed.
    """

    period: Period = attrs.field(validator=_is_period)
    grade: Grade = attrs.field(converter=_grade, validator=_permen6_grade)

    @classmethod
    def from_result(cls, period: Period, result: Result) -> PeriodGrade:
        """
        Return the grade of *result*, a PermenPANRB 6/2022 result for *period*.

        Raises:
            UnsupportedInputError: if *result* comes from another regime.
            MissingValueError: if *result* is incomplete (it has no grade).
        """
        if result.regime != "permen6_2022":
            reason = "only PermenPANRB 6/2022 results roll up into its annual grade"
            raise UnsupportedInputError("regime", result.regime, reason)
        if result.grade is None:
            missing = "; ".join(gap.reason for gap in result.gaps)
            reason = f"result {result.appraisal_id} is incomplete: {missing}"
            raise MissingValueError("grade", None, reason)
        return cls(period, result.grade)


_LAST_RULE: Final = Rule(
    id="permen6.annual.last_period",
    clause="PermenPANRB 6/2022 evaluasi tahunan; praktik e-Kinerja BKN [LOW]",
    text_id="Predikat tahunan = predikat periode terakhir",
    text_en="Annual grade = the grade of the last period",
)
_WORST_RULE: Final = Rule(
    id="permen6.annual.worst_period",
    clause="konvensi penilaian [LOW]",
    text_id="Predikat tahunan = predikat periode terburuk",
    text_en="Annual grade = the worst grade of any period",
)
_FREQUENT_RULE: Final = Rule(
    id="permen6.annual.most_frequent",
    clause="konvensi penilaian [LOW]",
    text_id="Predikat tahunan = predikat yang paling sering; bila seri, yang lebih buruk",
    text_en="Annual grade = the most frequent grade; on a tie, the worse",
)
_WEIGHTED_RULE: Final = Rule(
    id="permen6.annual.month_weighted",
    clause="konvensi penilaian [LOW]",
    text_id=(
        "Predikat tahunan = peringkat rata-rata tertimbang bulan (Sangat Kurang 1 \u2026 "
        "Sangat Baik 5), dibulatkan ke terdekat; bila tepat di tengah, ke bawah"
    ),
    text_en=(
        "Annual grade = the month-weighted mean rank (very poor 1 \u2026 very good 5), "
        "rounded to the nearest; exactly halfway, down"
    ),
)


def _inputs(periods: tuple[PeriodGrade, ...]) -> dict[str, object]:
    return {str(item.period): item.grade for item in periods}


@attrs.frozen
class LastPeriod:
    """The default roll-up: the grade of the last period [LOW] (REGULATIONS.md 3.6)."""

    def __call__(
        self, periods: tuple[PeriodGrade, ...], *, trace: bool = True
    ) -> tuple[Grade, Step | None]:
        """Return the grade of the period that comes last."""
        grade = periods[-1].grade
        return grade, Step.from_mapping(_LAST_RULE, grade, _inputs(periods)) if trace else None


@attrs.frozen
class WorstPeriod:
    """The worst grade of any period [LOW, convention]: one poor quarter makes a poor year."""

    def __call__(
        self, periods: tuple[PeriodGrade, ...], *, trace: bool = True
    ) -> tuple[Grade, Step | None]:
        """Return the lowest grade among *periods*."""
        grade = min((item.grade for item in periods), key=PERMEN6_2022_GRADE_ORDER.__getitem__)
        return grade, Step.from_mapping(_WORST_RULE, grade, _inputs(periods)) if trace else None


@attrs.frozen
class MostFrequent:
    """The grade given for most periods; on a tie, the worse of the tied grades [LOW]."""

    def __call__(
        self, periods: tuple[PeriodGrade, ...], *, trace: bool = True
    ) -> tuple[Grade, Step | None]:
        """Return the most frequent grade among *periods*, ties to the worse."""
        counts = Counter(item.grade for item in periods)
        grade = max(counts, key=lambda grade: (counts[grade], -PERMEN6_2022_GRADE_ORDER[grade]))
        step = Step.from_mapping(_FREQUENT_RULE, grade, _inputs(periods)) if trace else None
        return grade, step


@attrs.frozen
class MonthWeighted:
    """
    The month-weighted mean rank, rounded to the nearest grade [LOW, convention].

    Grades rank 1 (very poor) to 5 (very good) (`PERMEN6_2022_GRADE_ORDER`); each
    period weighs its months (`penilaian.Period.month_fraction`, so partial months
    count by their days).  The exact mean is rounded to the nearest rank, and a
    mean exactly halfway between two ranks goes to the worse grade.
    """

    def __call__(
        self, periods: tuple[PeriodGrade, ...], *, trace: bool = True
    ) -> tuple[Grade, Step | None]:
        """Return the grade nearest the month-weighted mean rank of *periods*."""
        weights = [item.period.month_fraction for item in periods]
        ranks = [PERMEN6_2022_GRADE_ORDER[item.grade] for item in periods]
        mean = sum((w * r for w, r in zip(weights, ranks, strict=True)), Fraction(0)) / sum(weights)
        grade = _BY_RANK[math.ceil(mean - Fraction(1, 2))]
        step = None
        if trace:
            inputs: dict[str, object] = {
                str(item.period): f"{item.grade.value} (rank {rank}, months {weight})"
                for item, rank, weight in zip(periods, ranks, weights, strict=True)
            }
            inputs["mean_rank"] = mean
            step = Step.from_mapping(_WEIGHTED_RULE, grade, inputs)
        return grade, step


@attrs.frozen
class AnnualGrade:
    """
    The annual grade of PermenPANRB 6/2022 and what it came from.

    Attributes:
        grade: The annual grade (predikat tahunan).
        periods: The periodic grades, in calendar order.
        year: The year they were checked against, if one was given.
        step: How the grade was found, when a trace was asked for.
    """

    grade: Grade
    periods: tuple[PeriodGrade, ...] = attrs.field(converter=TUPLE)
    year: Period | None = None
    step: Step | None = None


def annual_grade(
    periods: Iterable[PeriodGrade],
    rollup: Rollup | None = None,
    *,
    year: int | None = None,
    trace: bool = True,
) -> AnnualGrade:
    """
    Roll the grades of the periods of a year into the annual grade.

    Args:
        periods: The periodic grades, in any order.
        rollup: How they combine; `LastPeriod` by default.
        year: The calendar year they must lie in, if it should be checked.
        trace: Whether to build the step.

    Raises:
        ScoringInputError: listing every problem: no periods (`MissingValueError`),
            periods outside *year* or overlapping another (`UnsupportedInputError`),
            each at its index in *periods* (``$[2].period``).
        InvalidValueError: naming the argument, for *periods* that are not
            `PeriodGrade` values, or a *rollup* that cannot be called.
        InvalidPeriodError: for a *year* that is not a whole number from 1900 to 9999.
    """
    given = _periods(periods)
    if rollup is not None and not callable(rollup):
        raise InvalidValueError("rollup", rollup, "must be a roll-up (a Rollup) or None")
    within = None if year is None else Period.year(year)
    problems = list(_problems(given, within))
    if problems:
        raise ScoringInputError(problems)
    ordered = tuple(sorted(given, key=lambda item: item.period.sort_key))
    grade, step = (rollup or LastPeriod())(ordered, trace=trace)
    return AnnualGrade(grade, ordered, within, step)


def _periods(periods: object) -> tuple[PeriodGrade, ...]:
    given = as_tuple(periods, "periods")
    for item in given:
        if not isinstance(item, PeriodGrade):
            raise InvalidValueError("periods", item, "must hold PeriodGrade values")
    return given


def _problems(given: tuple[PeriodGrade, ...], year: Period | None) -> Iterable[Problem]:
    if not given:
        reason = "no periodic grades; the annual grade rests on the periodic evaluations"
        yield Problem("$", reason, MissingValueError("periods", (), reason))
        return
    for index, item in enumerate(given):
        if year is not None and not year.contains(item.period):
            reason = f"period {item.period} lies outside the year {year}"
            error = UnsupportedInputError("period", str(item.period), reason)
            yield Problem(f"$[{index}].period", reason, error)
    indexes = sorted(range(len(given)), key=lambda index: given[index].period.sort_key)
    latest = indexes[0]  # the period, among those before, that ends last
    for index in indexes[1:]:
        period, before = given[index].period, given[latest].period
        if period.overlaps(before):
            reason = f"period {period} overlaps period {before} ($[{latest}])"
            error = UnsupportedInputError("period", str(period), reason)
            yield Problem(f"$[{index}].period", reason, error)
        if period.end > before.end:
            latest = index
