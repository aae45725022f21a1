"""
The distribution curve (kurva distribusi): how a unit's grade bounds its employees' grades.

PermenPANRB 6/2022 ties the share of a unit's employees who may get each grade to
the unit's own grade (capaian kinerja organisasi; REGULATIONS.md 3.5).  The curve
is data: `PERMEN6_2022_CURVE` holds, per `penilaian.OrganisationGrade`, its
rules (`CurveRule`: at most, at least, must include).  A percentage of a small unit is
rarely a whole number of people, so a `QuotaConvention` names how quotas round
(default: maxima down, minima up, "must include" means at least one) [LOW].

`penilaian.analysis.curve.curve_quotas` gives the quota of every rule for a headcount
and an organisation grade, on plain numbers; `penilaian.analysis.curve.check_curve` counts a unit's
employees against those very quotas and reports each rule's quota, count, status and
the employees involved; it never changes a grade.  A maximum that rounds to 0 means
none allowed.  Waiving a rule for a small unit is a separate, named convention
(`QuotaConvention.small_unit_leniency`, off by default), and a waived rule says so in
its status and its trace.  `penilaian.propose_calibration` finds the fewest changes
that reach compliance.
"""

from __future__ import annotations

import math
import types
from collections.abc import Iterable, Mapping
from fractions import Fraction
from typing import TYPE_CHECKING, Any, Final, Literal

import attrs

from penilaian._base.checks import (
    TUPLE,
    as_tuple,
    at_least_one,
    instance_of,
    non_empty,
)
from penilaian._base.labels import LabelledEnum
from penilaian._base.numbers import format_number, to_fraction
from penilaian.analysis.words import WORDS
from penilaian.exceptions import InvalidValueError, MissingValueError, UnknownReferenceError
from penilaian.model.grades import GRADE_RANKING, Grade, OrganisationGrade

if TYPE_CHECKING:
    from penilaian._base.labels import Language

__all__ = [
    "PERMEN6_2022_CURVE",
    "CurveBound",
    "CurveRule",
    "DistributionCurve",
    "QuotaConvention",
    "RuleStatus",
    "grade_name",
]


class CurveBound(LabelledEnum):
    """What a curve rule asks of the number of employees holding its grades."""

    AT_MOST = ("at_most", "paling banyak", "at most", "maksimal", "max")
    AT_LEAST = ("at_least", "paling sedikit", "at least", "minimal", "min")
    MUST_INCLUDE = ("must_include", "harus ada", "must include", "wajib ada")


class RuleStatus(LabelledEnum):
    """The outcome of one curve rule for one unit."""

    MET = ("met", "terpenuhi", "met")
    VIOLATED = ("violated", "tidak terpenuhi", "violated")
    TOO_SMALL = (
        "too_small",
        "dikecualikan: kelonggaran unit kecil",
        "waived: small-unit leniency",
        "unit terlalu kecil",
        "unit too small",
        "waived",
    )
    """Waived by `QuotaConvention.small_unit_leniency` (never without it)."""


def _grade_set(value: Iterable[Grade | str]) -> frozenset[Grade]:
    """Attrs converter: grades (members, ids or labels) to a frozen set."""
    return frozenset(Grade.parse(grade, "grades") for grade in as_tuple(value, "grades"))


def _optional_share(value: object) -> Fraction | None:
    """Attrs converter: a share of the unit, exact, or `None`."""
    return None if value is None else to_fraction(value, "share")


def grade_name(grade: Grade, lang: Language = "id") -> str:
    """
    Return *grade* as PermenPANRB 6/2022, the curve's regulation, prints it.

    >>> grade_name(Grade.POOR), grade_name(Grade.POOR, "en"), grade_name(Grade.GOOD)
    ('Kurang/Misconduct', 'Poor/Misconduct', 'Baik')
    """
    return grade.label(lang, regime="permen6_2022")


def _grade_list(grades: Iterable[Grade], lang: Language) -> str:
    """The grades best first (`penilaian.model.GRADE_RANKING`, then declaration order)."""
    members = list(Grade)
    ordered = sorted(grades, key=lambda grade: (-GRADE_RANKING[grade], members.index(grade)))
    joiner = f" {WORDS.in_language(lang)['or']} "
    return joiner.join(grade_name(grade, lang) for grade in ordered)


@attrs.frozen
class CurveRule:
    """
    One rule of a distribution curve: a bound on how many employees hold some grades.

    Attributes:
        bound: At most or at least *share* of the unit, or "must include" some.
        grades: The grades counted together (``{Butuh Perbaikan, Kurang}`` for
            "some Butuh Perbaikan and/or Kurang").
        share: The share of the unit's headcount, exactly (``7/10``); `None` for
            "must include", whose quota the `QuotaConvention` sets.
    """

    bound: CurveBound = attrs.field(converter=CurveBound)
    grades: frozenset[Grade] = attrs.field(converter=_grade_set)
    share: Fraction | None = attrs.field(default=None, converter=_optional_share)

    @grades.validator
    def _check_grades(
        self, attribute: attrs.Attribute[frozenset[Grade]], value: frozenset[Grade]
    ) -> None:
        if not value:
            raise InvalidValueError(attribute.name, value, "names no grade")

    @share.validator
    def _check_share(self, attribute: attrs.Attribute[Fraction | None], value: object) -> None:
        if self.bound is CurveBound.MUST_INCLUDE:
            if value is not None:
                reason = "a must-include rule has no share; its quota is the convention's"
                raise InvalidValueError(attribute.name, value, reason)
        elif not isinstance(value, Fraction):
            raise MissingValueError(attribute.name, value, f"an {self.bound} rule needs a share")
        elif not 0 <= value <= 1:
            raise InvalidValueError(attribute.name, value, "must be between 0 and 1")

    @property
    def id(self) -> str:
        """A stable name such as ``"at_most:very_good"``."""
        names = sorted(grade.id for grade in self.grades)
        return f"{self.bound.id}:{'+'.join(names)}"

    def describe(self, lang: Language = "id") -> str:
        """Say the rule in words, such as ``"Sangat Baik paling banyak 70%"``."""
        grades = _grade_list(self.grades, lang)
        if self.share is None:
            return f"{self.bound.label(lang)} {grades}"
        if self.share == 0:
            return WORDS.in_language(lang)["none_of"].format(grades=grades)
        return f"{grades} {self.bound.label(lang)} {format_number(self.share, percent=True)}"


_Rounding = Literal["floor", "ceil", "half_up"]
_ROUNDINGS: Final = ("floor", "ceil", "half_up")


def _round(value: Fraction, how: _Rounding) -> int:
    if how == "floor":
        return math.floor(value)
    if how == "ceil":
        return math.ceil(value)
    return math.floor(value + Fraction(1, 2))


@attrs.frozen
class QuotaConvention:
    """
    How a rule's share of a unit becomes a whole number of people [LOW, convention].

    The regulation gives percentages; the rounding for small units was not found
    (REGULATIONS.md 3.5).  The default follows the recommended convention: a
    maximum rounds down and a minimum up, so the quota never allows more, nor asks
    fewer, than the percentage; "must include" means at least one person.  A maximum
    that rounds to 0 means none allowed (10 % of 7 people: no Sangat Baik).

    Attributes:
        maximum: Rounding of at-most quotas: ``"floor"`` (default), ``"ceil"``
            or ``"half_up"``.
        minimum: Rounding of at-least quotas: ``"ceil"`` (default), ``"floor"``
            or ``"half_up"``.
        must_include: How many people "there must be some" asks for (default 1).
        small_unit_leniency: The small-unit leniency, a convention of this library
            found in no regulation [LOW], off by default.  When on, a rule whose
            non-zero share rounds to 0 people, or a minimum that with the minima
            before it asks for more people than the unit has, is waived: reported
            as `RuleStatus.TOO_SMALL` (with the
            `penilaian.analysis.curve.SMALL_UNIT_LENIENCY_RULE` step in its
            trace) and not enforced.  When off, every quota binds, so a unit
            complies exactly when every quota holds.
    """

    maximum: _Rounding = attrs.field(default="floor", validator=attrs.validators.in_(_ROUNDINGS))
    minimum: _Rounding = attrs.field(default="ceil", validator=attrs.validators.in_(_ROUNDINGS))
    must_include: int = attrs.field(default=1, validator=at_least_one)
    small_unit_leniency: bool = attrs.field(
        default=False, validator=instance_of(bool, expected="True or False")
    )

    def quota(self, rule: CurveRule, headcount: int) -> tuple[Fraction | None, int]:
        """Return the exact share of *headcount* (`None` for must-include) and the quota."""
        if rule.share is None:
            return None, self.must_include
        exact = rule.share * headcount
        how = self.maximum if rule.bound is CurveBound.AT_MOST else self.minimum
        return exact, _round(exact, how)

    def describe(self, lang: Language = "id") -> str:
        """Say the convention in words, as the trace shows it."""
        on = self.small_unit_leniency
        if lang == "en":
            leniency = "on" if on else "off"
            return (
                f"maximum {self.maximum}, minimum {self.minimum}, must include "
                f"{self.must_include}; small-unit leniency {leniency}"
            )
        leniency = "aktif" if on else "tidak aktif"
        return (
            f"maksimum {self.maximum}, minimum {self.minimum}, harus ada "
            f"{self.must_include}; kelonggaran unit kecil {leniency}"
        )


def _rule_table(
    value: Mapping[Any, Iterable[CurveRule]],
) -> Mapping[OrganisationGrade, tuple[CurveRule, ...]]:
    """Attrs converter: organisation grade (member, id or label) to its rules."""
    if not isinstance(value, Mapping):
        raise InvalidValueError("rules", value, "must map organisation grades to rules")
    table = {
        OrganisationGrade.parse(key, "rules"): as_tuple(rules, "rules")
        for key, rules in value.items()
    }
    return types.MappingProxyType(table)


def _is_laminar(sets: Iterable[frozenset[Grade]]) -> bool:
    distinct = list(set(sets))
    return all(
        not (a & b) or a <= b or b <= a
        for index, a in enumerate(distinct)
        for b in distinct[index + 1 :]
    )


@attrs.frozen
class DistributionCurve:
    """
    A distribution curve: for each organisation grade, the rules its employees' grades obey.

    Attributes:
        id: A stable name, such as ``"permen6_2022"``.
        clause: The regulation and clause it comes from.
        grades: The employee grades the curve speaks of, best first.
        rules: The rules of each organisation grade, every grade present.  The grade
            sets of one organisation grade's rules must nest or be disjoint, so
            `penilaian.propose_calibration` can solve them exactly.
    """

    id: str = attrs.field(validator=non_empty)
    clause: str = attrs.field(validator=non_empty)
    grades: tuple[Grade, ...] = attrs.field(converter=TUPLE)
    rules: Mapping[OrganisationGrade, tuple[CurveRule, ...]] = attrs.field(converter=_rule_table)

    @rules.validator
    def _check_rules(
        self,
        attribute: attrs.Attribute[Mapping[OrganisationGrade, tuple[CurveRule, ...]]],
        value: Mapping[OrganisationGrade, tuple[CurveRule, ...]],
    ) -> None:
        missing = [grade.id for grade in OrganisationGrade if grade not in value]
        if missing:
            raise MissingValueError(attribute.name, missing, "every organisation grade needs rules")
        known = set(self.grades)
        for org_grade, rules in value.items():
            where = f"{attribute.name}[{org_grade.id}]"
            for rule in rules:
                if not isinstance(rule, CurveRule):
                    raise InvalidValueError(where, rule, "must be a CurveRule")
                if not rule.grades <= known:
                    names = sorted(grade.id for grade in rule.grades - known)
                    raise UnknownReferenceError(where, names, "grades outside the curve")
            if not _is_laminar(rule.grades for rule in rules):
                raise InvalidValueError(where, rules, "rule grade sets must nest or be disjoint")

    def rules_for(self, unit_grade: OrganisationGrade | str) -> tuple[CurveRule, ...]:
        """Return the rules of *unit_grade* (a member, id or label)."""
        return self.rules[OrganisationGrade.parse(unit_grade, "unit_grade")]


_VG, _G, _NI, _P, _VP = (
    Grade.VERY_GOOD,
    Grade.GOOD,
    Grade.NEEDS_IMPROVEMENT,
    Grade.POOR,
    Grade.VERY_POOR,
)
_MAX, _MIN, _SOME = CurveBound.AT_MOST, CurveBound.AT_LEAST, CurveBound.MUST_INCLUDE

PERMEN6_2022_CURVE: Final = DistributionCurve(
    id="permen6_2022",
    clause="PermenPANRB 6/2022 Anak Lampiran, kurva distribusi predikat kinerja pegawai [MED]",
    grades=(_VG, _G, _NI, _P, _VP),
    rules={
        OrganisationGrade.OUTSTANDING: (CurveRule(_MAX, {_VG}, "7/10"),),
        OrganisationGrade.GOOD: (
            CurveRule(_MAX, {_G}, "7/10"),
            CurveRule(_SOME, {_NI, _P}),
        ),
        OrganisationGrade.NEEDS_IMPROVEMENT: (
            CurveRule(_MIN, {_NI}, "6/10"),
            CurveRule(_MAX, {_VG}, "1/10"),
        ),
        OrganisationGrade.POOR: (
            CurveRule(_MIN, {_P}, "6/10"),
            CurveRule(_MIN, {_NI}, "1/10"),
            CurveRule(_MAX, {_VG}, "1/10"),
        ),
        OrganisationGrade.VERY_POOR: (
            CurveRule(_MIN, {_VP}, "6/10"),
            CurveRule(_MIN, {_P, _NI}, "1/10"),
            CurveRule(_MAX, {_VG}, "0"),
        ),
    },
)
"""
The distribution pattern of PermenPANRB 6/2022 per organisation grade [MED].

REGULATIONS.md 3.5 (from the official guidance as quoted; the percentages were not
checked against the primary PDF): Istimewa, at most 70 % Sangat Baik; Baik, at most
70 % Baik and some Butuh Perbaikan and/or Kurang; Butuh Perbaikan, at least 60 %
Butuh Perbaikan and at most 10 % Sangat Baik; Kurang, at least 60 % Kurang, at least
10 % Butuh Perbaikan and at most 10 % Sangat Baik; Sangat Kurang, at least 60 %
Sangat Kurang, at least 10 % Kurang and/or Butuh Perbaikan, and no Sangat Baik.
"Most" in the guidance's wording is read as the maximum it names, not as a further rule.
"""
