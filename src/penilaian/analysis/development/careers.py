"""
Career eligibility hints from a history of annual grades, and the ranking of grades across regimes.

REGULATIONS.md 3.8 [LOW]: promotion in rank (kenaikan pangkat) usually asks for a
result of at least "Baik" in each of the last two years.  The rule is uncertain and
agencies differ, so it is data: an `EligibilityRule` names the lowest grade and the
number of years, and is marked as agency policy.  A rule evaluated on a history
(year to `penilaian.Grade`) gives an `EligibilityHint` with the evidence of every
year.  A year with no grade is unknown, never a failing year and never zero.

Grades of different regimes are compared only through `GRADE_RANKING`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Final

import attrs

from penilaian._base.checks import non_empty
from penilaian._base.labels import LabelledEnum
from penilaian.exceptions import InvalidValueError
from penilaian.model.grades import GRADE_RANKING, Grade

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = [
    "DEFAULT_ELIGIBILITY_RULES",
    "PROMOTION_RULE",
    "Confidence",
    "Eligibility",
    "EligibilityHint",
    "EligibilityRule",
    "YearEvidence",
    "eligibility_hints",
    "grade_rank",
]


class Confidence(LabelledEnum):
    """How sure the library is of a rule's source (the tags of REGULATIONS.md)."""

    HIGH = ("high", "Tinggi", "High")
    MEDIUM = ("medium", "Sedang", "Medium", "med")
    LOW = ("low", "Rendah", "Low")


def grade_rank(grade: Grade | str) -> int:
    """
    Return the rank of *grade* in `GRADE_RANKING` (5 the best, 1 the lowest).

    Raises:
        UnknownLabelError: if *grade* is text that names no `penilaian.Grade`.
    """
    return GRADE_RANKING[Grade.parse(grade, "grade")]


class Eligibility(LabelledEnum):
    """The answer of an eligibility hint."""

    ELIGIBLE = ("eligible", "Memenuhi syarat", "Eligible")
    NOT_ELIGIBLE = ("not_eligible", "Tidak memenuhi syarat", "Not eligible")
    UNKNOWN = ("unknown", "Belum dapat ditentukan", "Unknown", "tidak diketahui")


def _whole(_instance: object, attribute: attrs.Attribute[int], value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise InvalidValueError(attribute.name, value, "must be a whole number, 1 or more")


@attrs.frozen
class YearEvidence:
    """
    One year of a history, as a rule read it.

    Attributes:
        year: The appraisal year.
        grade: The grade of that year; `None` when the history has none.
        meets: Whether the grade reaches the rule's lowest grade; `None` when unknown.
    """

    year: int
    grade: Grade | None
    meets: bool | None


@attrs.frozen
class EligibilityHint:
    """
    What one rule says about one history, with the evidence of every year it read.

    Attributes:
        rule: The rule evaluated.
        status: Eligible, not eligible, or unknown.
        year: The last year considered.
        evidence: Every year the rule reads, oldest first.
    """

    rule: EligibilityRule
    status: Eligibility
    year: int
    evidence: tuple[YearEvidence, ...]

    @property
    def missing_years(self) -> tuple[int, ...]:
        """The years the rule needs and the history lacks."""
        return tuple(item.year for item in self.evidence if item.grade is None)


@attrs.frozen
class EligibilityRule:
    """
    "At least *minimum_grade* in each of the last *years* years": a hint, not a decision.

    Grades are compared by `GRADE_RANKING`.  Evaluated over the years ending with the
    year asked about: any known year below the grade makes the hint *not eligible*;
    otherwise any year without a grade makes it *unknown*; otherwise *eligible*.

    Attributes:
        id: A stable id.
        label_id: What the rule is for, in Indonesian.
        label_en: The same, in English.
        minimum_grade: The lowest grade that counts (Baik by default).
        years: How many consecutive years, ending with the year asked about (2).
        basis: Where the rule comes from.
        confidence: How sure that source is (`Confidence.LOW` for agency policy).
    """

    id: str = attrs.field(validator=non_empty)
    label_id: str = attrs.field(validator=non_empty)
    label_en: str = attrs.field(validator=non_empty)
    minimum_grade: Grade = attrs.field(default=Grade.GOOD, converter=Grade)
    years: int = attrs.field(default=2, validator=_whole)
    basis: str = attrs.field(default="agency policy", validator=non_empty)
    confidence: Confidence = attrs.field(default=Confidence.LOW, converter=Confidence)

    def evaluate(self, history: Mapping[int, Grade | str | None], *, year: int) -> EligibilityHint:
        """
        Return the hint for *history* (year to grade) as of *year*.

        Args:
            history: The grade of each year; a year absent or mapped to `None` is unknown.
            year: The last year to consider (usually the last appraisal year).

        Raises:
            InvalidValueError: if a year is not a whole number, or *history* is not a mapping.
            UnknownLabelError: if a grade is text that names no `penilaian.Grade`.
        """
        grades = _history(history)
        if isinstance(year, bool) or not isinstance(year, int):
            raise InvalidValueError("year", year, "must be a whole year such as 2024")
        bar = GRADE_RANKING[self.minimum_grade]
        evidence = []
        for each in range(year - self.years + 1, year + 1):
            grade = grades.get(each)
            meets = None if grade is None else GRADE_RANKING[grade] >= bar
            evidence.append(YearEvidence(each, grade, meets))
        if any(item.meets is False for item in evidence):
            status = Eligibility.NOT_ELIGIBLE
        elif any(item.meets is None for item in evidence):
            status = Eligibility.UNKNOWN
        else:
            status = Eligibility.ELIGIBLE
        return EligibilityHint(self, status, year, tuple(evidence))


def _history(history: Mapping[int, Grade | str | None]) -> dict[int, Grade | None]:
    if not isinstance(history, Mapping):
        raise InvalidValueError("history", history, "must map years to grades")
    grades: dict[int, Grade | None] = {}
    for year, grade in history.items():
        if isinstance(year, bool) or not isinstance(year, int):
            raise InvalidValueError("history", year, "years must be whole numbers such as 2024")
        grades[year] = None if grade is None else Grade.parse(grade, f"history[{year}]")
    return grades


PROMOTION_RULE: Final = EligibilityRule(
    id="promotion",
    label_id="Kenaikan pangkat",
    label_en="Promotion in rank",
    minimum_grade=Grade.GOOD,
    years=2,
    basis=(
        "REGULATIONS.md 3.8: kenaikan pangkat usually requires at least Baik in the "
        "last 2 years [LOW]; agency policy"
    ),
    confidence=Confidence.LOW,
)
"""At least Baik in each of the last two years, for promotion in rank [LOW, agency policy]."""

DEFAULT_ELIGIBILITY_RULES: Final = (PROMOTION_RULE,)
"""The rules `eligibility_hints` evaluates unless given others."""


def eligibility_hints(
    history: Mapping[int, Grade | str | None],
    *,
    year: int,
    rules: Iterable[EligibilityRule] = DEFAULT_ELIGIBILITY_RULES,
) -> tuple[EligibilityHint, ...]:
    """
    Return the hint of every rule for *history* as of *year*, in the order of *rules*.

    Raises:
        InvalidValueError: if a year is not a whole number.
        UnknownLabelError: if a grade names no `penilaian.Grade`.
    """
    return tuple(rule.evaluate(history, year=year) for rule in rules)
