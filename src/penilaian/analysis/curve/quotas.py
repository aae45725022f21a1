"""
The quotas of a unit of a given size: `curve_quotas`, on plain numbers.

For a headcount and an organisation grade, the quota of each rule of the curve
(PermenPANRB 6/2022 Anak Lampiran [MED]; rounding by a `QuotaConvention` [LOW]): a
maximum that rounds to 0 means none allowed.  The small-unit leniency, when a caller
turns it on, marks the rules it waives.  `penilaian.analysis.curve.check_curve`
counts a unit against these very quotas.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Final

import attrs

from penilaian._base.checks import whole_number
from penilaian._base.trace import Rule
from penilaian.analysis.curve.rules import (
    PERMEN6_2022_CURVE,
    CurveBound,
    CurveRule,
    DistributionCurve,
    QuotaConvention,
)
from penilaian.exceptions import InvalidValueError
from penilaian.model.grades import Grade, OrganisationGrade

__all__ = ["CURVE_QUOTA_RULE", "SMALL_UNIT_LENIENCY_RULE", "RuleQuota", "curve_quotas"]


CURVE_QUOTA_RULE: Final = Rule(
    id="curve.quota",
    clause="PermenPANRB 6/2022 Anak Lampiran, kurva distribusi [MED]; pembulatan: konvensi [LOW]",
    text_id="Kuota = persentase \u00d7 jumlah pegawai, dibulatkan menurut konvensi kuota",
    text_en="Quota = share \u00d7 headcount, rounded by the quota convention",
)
"""The step of one rule's quota and count (`RuleQuota`, `penilaian.analysis.curve.RuleCheck`)."""

SMALL_UNIT_LENIENCY_RULE: Final = Rule(
    id="curve.small_unit_leniency",
    clause="konvensi pustaka ini, tidak ada dalam regulasi; mati secara bawaan [LOW]",
    text_id=(
        "Kelonggaran unit kecil: aturan dengan kuota 0 dari persentase bukan nol, atau minimum "
        "yang melebihi jumlah pegawai, dikecualikan"
    ),
    text_en=(
        "Small-unit leniency: a rule whose non-zero share rounds to 0, or a minimum beyond "
        "the headcount, is waived"
    ),
)
"""The step that waives a rule under `QuotaConvention.small_unit_leniency`."""


@attrs.frozen
class RuleQuota:
    """
    One rule's quota for a unit of a given size.

    Attributes:
        rule: The rule.
        headcount: The unit's number of employees.
        exact: The rule's share of the headcount, before rounding (`None` for
            must-include).
        quota: The whole number of people the rule allows (at most) or asks (at
            least, must include), after the convention's rounding.
        waived: Whether `QuotaConvention.small_unit_leniency` waives the rule for
            this unit (never when the leniency is off).
    """

    rule: CurveRule
    headcount: int
    exact: Fraction | None
    quota: int
    waived: bool = False


def curve_quotas(
    headcount: int,
    unit_grade: OrganisationGrade | str,
    *,
    curve: DistributionCurve | None = None,
    convention: QuotaConvention | None = None,
) -> tuple[RuleQuota, ...]:
    """
    Return the quota of every rule of *unit_grade*'s curve for a unit of *headcount*.

    The same quotas `penilaian.analysis.curve.check_curve` counts a unit against:
    the check composes this function.

    >>> at_least, at_most = curve_quotas(7, "Butuh Perbaikan")
    >>> at_most.rule.id, at_most.exact, at_most.quota
    ('at_most:very_good', Fraction(7, 10), 0)

    Args:
        headcount: The unit's number of employees, a whole number of at least 1.
        unit_grade: The unit's grade (a member, id or label).
        curve: The curve (default `PERMEN6_2022_CURVE`).
        convention: Quota rounding and leniency (default `QuotaConvention()`).

    Raises:
        InvalidNumberError: for a headcount that is not a whole number of at least 1.
        UnknownLabelError: for a unit grade that names no `OrganisationGrade`.
        InvalidValueError: for a curve or convention of the wrong type.
    """
    size = whole_number(headcount, "headcount")
    grade = OrganisationGrade.parse(unit_grade, "unit_grade")
    curve = PERMEN6_2022_CURVE if curve is None else curve
    convention = QuotaConvention() if convention is None else convention
    if not isinstance(curve, DistributionCurve):
        raise InvalidValueError("curve", curve, "must be a DistributionCurve")
    if not isinstance(convention, QuotaConvention):
        raise InvalidValueError("convention", convention, "must be a QuotaConvention")
    lenient = convention.small_unit_leniency
    minima: list[tuple[frozenset[Grade], int]] = []  # the enforced minima so far
    quotas: list[RuleQuota] = []
    for rule in curve.rules[grade]:
        exact, quota = convention.quota(rule, size)
        waived = lenient and quota == 0 and rule.share != 0  # a share the unit rounds away
        if rule.bound is not CurveBound.AT_MOST and not waived:
            waived = lenient and _people_needed([*minima, (rule.grades, quota)]) > size
            if not waived:
                minima.append((rule.grades, quota))
        quotas.append(RuleQuota(rule, size, exact, quota, waived))
    return tuple(quotas)


def _people_needed(minima: list[tuple[frozenset[Grade], int]]) -> int:
    """How many people a set of minima on nested-or-disjoint grade sets ask for together."""
    sets = [grades for grades, _ in minima]
    if sum(map(len, sets)) == len(frozenset().union(*sets)):
        return sum(quota for _, quota in minima)  # disjoint (as in the 6/2022 curve): they add up

    def need(grades: frozenset[Grade]) -> int:
        inner = [other for other, _ in minima if other < grades]
        top = [other for other in set(inner) if not any(other < o for o in inner)]
        own = max((quota for other, quota in minima if other == grades), default=0)
        return max(own, sum(need(other) for other in top))

    distinct = set(sets)
    roots = [grades for grades in distinct if not any(grades < other for other in distinct)]
    return sum(need(grades) for grades in roots)
