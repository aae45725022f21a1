"""
How the reports write labels and shares, in Indonesian and English.

The phrases themselves are `penilaian.reporting.words.WORDS`.  Numbers are written by
`penilaian._base.numbers.format_number`, exactly as the trace writes them (a decimal
point, every digit kept), so a reader can match the report against the trace; a
fraction whose decimal does not end is written ``n/d`` with a two-place approximation
beside it.
"""

from __future__ import annotations

from fractions import Fraction
from typing import TYPE_CHECKING, Final

from penilaian._base.labels import normalise_label
from penilaian._base.numbers import format_number
from penilaian.exceptions import UnknownLabelError
from penilaian.model.grades import Grade, OrganisationGrade
from penilaian.model.raters import OVERALL_BEHAVIOUR, OVERALL_WORK_RESULTS, ExpectationLevel
from penilaian.reporting.words import WORDS

if TYPE_CHECKING:
    from penilaian._base.labels import Language
    from penilaian.model.appraisal import Appraisal

__all__ = [
    "DASH",
    "level_label",
    "percent_of",
    "regime_label",
    "subject_label",
    "value_label",
]

DASH: Final = "\u2014"
"""Written where a value does not apply (never where a value is missing: that is said)."""


def regime_label(regime_id: str, lang: Language) -> str:
    """Name a regime by its regulation, such as ``"PermenPANRB 6/2022"``; else its id."""
    return WORDS.in_language(lang).get(f"regime.{regime_id}", regime_id)


def percent_of(part: int, whole: int) -> str:
    """Write *part* of *whole* as a percentage: exactly when it ends, else ``≈`` two places."""
    share = Fraction(part, whole)
    exact = format_number(share, percent=True)
    return exact if "/" not in exact else f"\u2248 {format_number(share, places=2, percent=True)}"


def level_label(level: str, lang: Language) -> str:
    """Label an expectation level in *lang*; any other level is written as given."""
    try:
        return ExpectationLevel.parse(level).label(lang)
    except UnknownLabelError:
        return level


def value_label(value: str, lang: Language) -> str:
    """Label a categorical result value: an expectation level, a grade, or as given."""
    for kind in (ExpectationLevel, Grade, OrganisationGrade):
        if normalise_label(value) in kind.spellings():
            return kind.parse(value).label(lang)
    return value


def subject_label(appraisal: Appraisal, subject: str, lang: Language) -> str:
    """Name a rated subject: an overall rating, a behaviour aspect, a target or an indicator."""
    words = WORDS.in_language(lang)
    if subject == OVERALL_WORK_RESULTS:
        return words["work_rating"]
    if subject == OVERALL_BEHAVIOUR:
        return words["behaviour_rating"]
    for aspect in appraisal.framework.aspects:
        if aspect.id == subject:
            return aspect.label(lang)
    for target in appraisal.targets:
        if target.id == subject:
            return f"{target.id} {target.title}"
        for indicator in target.indicators:
            if indicator.id == subject:
                return f"{indicator.id} {indicator.description}"
    return subject
