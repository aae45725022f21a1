"""
What comparing scenarios over a workforce finds, as plain frozen values.

`Distribution` counts one scenario's grades (exact shares, incomplete results
apart), `ScenarioGradeChange` says who changes grade between two scenarios and which
figures and ratings of the two results differ, and `UnitCompliance` holds one unit's
curve check under one scenario.  Each can say itself in Indonesian or English, in the
words of `penilaian.reporting.words.WORDS`.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING

import attrs

from penilaian._base.checks import TUPLE, non_empty
from penilaian._base.numbers import format_number
from penilaian.analysis.curve.check import CurveCheck
from penilaian.model.grades import GRADE_RANKING, Grade, OrganisationGrade
from penilaian.reporting.words import WORDS

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from penilaian._base.labels import Language
    from penilaian.scoring.result import Result

__all__ = [
    "Difference",
    "Distribution",
    "ScenarioGradeChange",
    "UnitCompliance",
    "differences",
    "grade_order",
]


def grade_order(grades: Iterable[Grade]) -> tuple[Grade, ...]:
    """Return *grades* once each, best first (ties in the enumeration's order)."""
    members = list(Grade)
    return tuple(sorted(set(grades), key=lambda g: (-GRADE_RANKING[g], members.index(g))))


@attrs.frozen
class Distribution:
    """
    How many appraisals got each grade under one scenario.

    Attributes:
        scenario: The scenario's name.
        counts: The number of appraisals per grade, best first; every grade any
            compared scenario gave is listed, with 0 where this one gave none.
        incomplete: The appraisals whose result has no grade (never counted as a grade).
    """

    scenario: str = attrs.field(validator=non_empty)
    counts: dict[Grade, int] = attrs.field(hash=False)
    incomplete: tuple[str, ...] = attrs.field(default=(), converter=TUPLE)

    @property
    def graded(self) -> int:
        """The number of appraisals with a grade."""
        return sum(self.counts.values())

    @property
    def total(self) -> int:
        """The number of appraisals, graded or not."""
        return self.graded + len(self.incomplete)

    @property
    def shares(self) -> dict[Grade, Fraction]:
        """Each grade's exact share of the graded appraisals (empty when none is graded)."""
        graded = self.graded
        if not graded:
            return {}
        return {grade: Fraction(count, graded) for grade, count in self.counts.items()}

    def at_least(self, grade: Grade) -> int:
        """The number of appraisals graded *grade* or better (`penilaian.model.GRADE_RANKING`)."""
        rank = GRADE_RANKING[grade]
        return sum(n for g, n in self.counts.items() if GRADE_RANKING[g] >= rank)

    def describe(self, lang: Language = "id") -> str:
        """Say the distribution in one line: each grade's count and share (one place, halves up)."""
        shares = {
            grade: format_number(share, places=1, percent=True)
            for grade, share in self.shares.items()
        }
        parts = [
            f"{grade.label(lang)} {count}" + (f" ({shares[grade]})" if shares else "")
            for grade, count in self.counts.items()
        ]
        if self.incomplete:
            parts.append(f"{WORDS.in_language(lang)['incomplete']} {len(self.incomplete)}")
        return f"{self.scenario}: " + ", ".join(parts)


@attrs.frozen
class Difference:
    """
    One figure or rating that two results of the same appraisal hold differently.

    Attributes:
        key: The figure's or rating's key (``"weight.behaviour"``, ``"band"``).
        before: Its value in the first result; `None` when that result lacks it.
        after: Its value in the second result; `None` when that result lacks it.
    """

    key: str
    before: Decimal | str | None
    after: Decimal | str | None

    def describe(self) -> str:
        """Say the difference, such as ``"weight.behaviour 0.3 -> 0.4"``."""
        return f"{self.key} {_value(self.before)} \u2192 {_value(self.after)}"


def _value(value: Decimal | str | None) -> str:
    return "\u2013" if value is None else str(value)


def differences(
    before: Mapping[str, Decimal] | Mapping[str, str],
    after: Mapping[str, Decimal] | Mapping[str, str],
) -> tuple[Difference, ...]:
    """Return the keys whose values differ (compared exactly), first result's order first."""
    keys = list(before) + [key for key in after if key not in before]
    return tuple(
        Difference(key, before.get(key), after.get(key))
        for key in keys
        if before.get(key) != after.get(key)
    )


@attrs.frozen
class ScenarioGradeChange:
    """
    One appraisal graded differently by two scenarios of a simulation, and why.

    Attributes:
        appraisal_id: The appraisal.
        employee_id: Its employee.
        before: The grade under the first scenario (`None`: incomplete).
        after: The grade under the second scenario (`None`: incomplete).
        figures: The figures that differ between the two results, the reason.
        ratings: The categorical ratings that differ between the two results.
    """

    appraisal_id: str
    employee_id: str
    before: Grade | None
    after: Grade | None
    figures: tuple[Difference, ...] = attrs.field(converter=TUPLE)
    ratings: tuple[Difference, ...] = attrs.field(converter=TUPLE)

    @classmethod
    def between(cls, employee_id: str, first: Result, second: Result) -> ScenarioGradeChange:
        """Compare two results of one appraisal, figure by figure and rating by rating."""
        return cls(
            first.appraisal_id,
            employee_id,
            first.grade,
            second.grade,
            differences(first.figures, second.figures),
            differences(first.ratings, second.ratings),
        )

    @property
    def step(self) -> int | None:
        """How many ranks the grade moved (positive: better); `None` if either is missing."""
        if self.before is None or self.after is None:
            return None
        return GRADE_RANKING[self.after] - GRADE_RANKING[self.before]

    def describe(self, lang: Language = "id") -> str:
        """Say the change and the figures and ratings behind it."""
        missing = WORDS.in_language(lang)["incomplete"]
        before = missing if self.before is None else self.before.label(lang)
        after = missing if self.after is None else self.after.label(lang)
        reasons = "; ".join(d.describe() for d in (*self.figures, *self.ratings))
        return f"{self.employee_id} ({self.appraisal_id}): {before} \u2192 {after}: {reasons}"


@attrs.frozen
class UnitCompliance:
    """
    One unit checked against the distribution curve under one scenario.

    Attributes:
        scenario: The scenario's name.
        unit_id: The unit.
        unit_grade: The unit's grade, which chose the curve's rules.
        check: The curve check of the unit's grades; `None` when some appraisal has
            no grade, since the curve cannot count an employee without one.
        incomplete: The unit's appraisals without a grade.
    """

    scenario: str
    unit_id: str
    unit_grade: OrganisationGrade
    check: CurveCheck | None
    incomplete: tuple[str, ...] = attrs.field(default=(), converter=TUPLE)

    @property
    def compliant(self) -> bool | None:
        """Whether the unit meets the curve; `None` when it could not be checked."""
        return None if self.check is None else self.check.compliant

    def describe(self, lang: Language = "id") -> str:
        """Say the unit's check, rule by rule, or why it was not checked."""
        if self.check is not None:
            return self.check.describe(lang)
        words = WORDS.in_language(lang)
        reason = f"{words['unchecked']}, {len(self.incomplete)} {words['without_grade']}"
        return f"Unit {self.unit_id} ({self.unit_grade.label(lang)}): {reason}"
