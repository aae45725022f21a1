"""
The rules of PermenPANRB 6/2022 as data and plain functions: the matrix, the tables, the formulas.

Everything here is public, so that another package (the batch engine, an analysis)
applies the very same rule as the regime, and a reader finds each rule from its name:

- `PERMEN6_2022_MATRIX` and `matrix_grade`: the 3 x 3 matrix of the work-results and
  behaviour ratings (predikat kinerja pegawai; REGULATIONS.md 3.4);
- `PERMEN6_2022_UNIT_RATINGS` and `unit_work_rating`: a unit leader's work-results
  rating from the unit's grade;
- `achievement_bands`, `mean_achievement` and `work_rating_from_achievement`: the
  work-results rating derived from indicator achievement [LOW, convention];
- `behaviour_from_values`: the behaviour rating derived from the BerAKHLAK values
  [LOW, convention];
- `framework_error`: the regime appraises behaviour on BerAKHLAK only;
- the trace `Rule` of each step the regime writes.
"""

from __future__ import annotations

import types
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Final

from penilaian._base.trace import Rule
from penilaian.exceptions import UnsupportedInputError
from penilaian.model.behaviour import BERAKHLAK
from penilaian.model.grades import GRADE_RANKING, BandTable, Grade, OrganisationGrade
from penilaian.model.raters import ExpectationLevel

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence

    from penilaian.model.behaviour import BehaviourFramework

__all__ = [
    "BEHAVIOUR_FROM_VALUES_RULE",
    "GIVEN_RATING_RULE",
    "LEADER_RULE",
    "MEAN_ACHIEVEMENT_RULE",
    "PERMEN6_2022_GRADE_ORDER",
    "PERMEN6_2022_MATRIX",
    "PERMEN6_2022_MATRIX_RULE",
    "PERMEN6_2022_UNIT_RATINGS",
    "UNIT_RATING_RULE",
    "WORK_RATING_FROM_ACHIEVEMENT_RULE",
    "achievement_bands",
    "behaviour_from_values",
    "framework_error",
    "matrix_grade",
    "mean_achievement",
    "unit_work_rating",
    "work_rating_from_achievement",
]

_A, _M, _B = ExpectationLevel.ABOVE, ExpectationLevel.MEETS, ExpectationLevel.BELOW

PERMEN6_2022_MATRIX: Final[Mapping[tuple[ExpectationLevel, ExpectationLevel], Grade]] = (
    types.MappingProxyType(
        {
            (_A, _B): Grade.POOR,
            (_A, _M): Grade.GOOD,
            (_A, _A): Grade.VERY_GOOD,
            (_M, _B): Grade.POOR,
            (_M, _M): Grade.GOOD,
            (_M, _A): Grade.GOOD,
            (_B, _B): Grade.VERY_POOR,
            (_B, _M): Grade.NEEDS_IMPROVEMENT,
            (_B, _A): Grade.NEEDS_IMPROVEMENT,
        }
    )
)
"""
The grade of each (work-results rating, behaviour rating) pair [HIGH].

PermenPANRB 6/2022 Lampiran, predikat kinerja pegawai (REGULATIONS.md 3.4): bad
behaviour with results at or above expectations is Kurang/Misconduct, poor results
with acceptable behaviour Butuh Perbaikan, and only above/above Sangat Baik.
"""

PERMEN6_2022_MATRIX_RULE: Final = Rule(
    id="permen6.matrix",
    clause="PermenPANRB 6/2022 Lampiran, predikat kinerja pegawai [HIGH]",
    text_id="Predikat kinerja = kuadran rating hasil kerja \u00d7 rating perilaku kerja",
    text_en="Grade = matrix cell of work-results rating \u00d7 behaviour rating",
)

PERMEN6_2022_GRADE_ORDER: Final[Mapping[Grade, int]] = types.MappingProxyType(
    {
        grade: GRADE_RANKING[grade]
        for grade in (
            Grade.VERY_POOR,
            Grade.POOR,
            Grade.NEEDS_IMPROVEMENT,
            Grade.GOOD,
            Grade.VERY_GOOD,
        )
    }
)
"""The five grades of PermenPANRB 6/2022, ranked by `GRADE_RANKING`: 1 very poor to 5 very good."""

PERMEN6_2022_UNIT_RATINGS: Final[Mapping[OrganisationGrade, ExpectationLevel]] = (
    types.MappingProxyType(
        {
            OrganisationGrade.OUTSTANDING: _A,
            OrganisationGrade.GOOD: _M,
            OrganisationGrade.NEEDS_IMPROVEMENT: _B,
            OrganisationGrade.POOR: _B,
            OrganisationGrade.VERY_POOR: _B,
        }
    )
)
"""
A unit leader's work-results rating from the unit's grade [LOW, convention].

PermenPANRB 6/2022 makes the unit's capaian kinerja organisasi the leader's rating
hasil kerja (REGULATIONS.md 3.4) but the mapping itself was not found: Istimewa is
read as above, Baik as meeting, and anything lower as below expectations.
"""

GIVEN_RATING_RULE: Final = Rule(
    id="permen6.given_rating",
    clause="PermenPANRB 6/2022 Pasal 5: pejabat penilai menetapkan rating",
    text_id="Rating yang ditetapkan pejabat penilai",
    text_en="The rating set by the appraising supervisor",
)
"""The step of a rating the supervisor set (`penilaian.regimes.permen6_2022.GivenWorkRating`)."""

UNIT_RATING_RULE: Final = Rule(
    id="permen6.unit_rating",
    clause="PermenPANRB 6/2022 (pimpinan unit kerja); pemetaan: konvensi [LOW]",
    text_id="Rating hasil kerja = capaian kinerja organisasi unit yang dipimpin",
    text_en="Work-results rating = the grade of the unit led",
)
"""The step of `unit_work_rating`: the work-results rating from the unit's grade."""

LEADER_RULE: Final = Rule(
    id="permen6.leader",
    clause="PermenPANRB 6/2022: rating hasil kerja pimpinan unit kerja [MED]",
    text_id="Pegawai memimpin unit kerja: rating hasil kerja dari capaian kinerja organisasi",
    text_en="The employee leads a unit: work-results rating from the unit's grade",
)
"""The step that switches a unit leader to the unit's grade (``leader_rule="unit_grade"``)."""

MEAN_ACHIEVEMENT_RULE: Final = Rule(
    id="permen6.mean_achievement",
    clause="konvensi penilaian [LOW]",
    text_id="Rata-rata capaian IKI",
    text_en="Mean indicator achievement",
)
"""The step of `mean_achievement`."""

WORK_RATING_FROM_ACHIEVEMENT_RULE: Final = Rule(
    id="permen6.work_rating_from_achievement",
    clause="konvensi penilaian [LOW], batas menurut PermenPANRB 8/2021 Bab VI.A",
    text_id="Rating hasil kerja dari rata-rata capaian IKI",
    text_en="Work-results rating from the mean indicator achievement",
)
"""The step of `work_rating_from_achievement`."""

BEHAVIOUR_FROM_VALUES_RULE: Final = Rule(
    id="permen6.behaviour_from_values",
    clause="konvensi penilaian [LOW]",
    text_id=(
        "Rating perilaku dari rating tiap nilai BerAKHLAK: ada Di Bawah \u2192 Di Bawah; "
        "cukup banyak Di Atas \u2192 Di Atas; selain itu Sesuai"
    ),
    text_en=(
        "Behaviour rating from each BerAKHLAK value's rating: any below \u2192 below; "
        "enough above \u2192 above; otherwise meets"
    ),
)
"""The step of `behaviour_from_values`."""

_FRAMEWORK_REASON: Final = "PermenPANRB 6/2022 appraises behaviour on the BerAKHLAK core values"


def matrix_grade(work: ExpectationLevel, behaviour: ExpectationLevel) -> Grade:
    """
    Return the grade of the matrix cell of *work* (rows) and *behaviour* (columns).

    PermenPANRB 6/2022 Lampiran, predikat kinerja pegawai [HIGH] (REGULATIONS.md 3.4);
    the cells are `PERMEN6_2022_MATRIX`.

    >>> from penilaian import ExpectationLevel as E
    >>> matrix_grade(E.ABOVE, E.BELOW).value
    'poor'
    """
    return PERMEN6_2022_MATRIX[work, behaviour]


def unit_work_rating(
    unit_grade: OrganisationGrade,
    mapping: Mapping[OrganisationGrade, ExpectationLevel] = PERMEN6_2022_UNIT_RATINGS,
) -> ExpectationLevel:
    """
    Return a unit leader's work-results rating: the level *mapping* gives the unit's grade.

    PermenPANRB 6/2022 (pimpinan unit kerja) [MED]: the capaian kinerja organisasi of
    the unit is its leader's rating hasil kerja; the default mapping,
    `PERMEN6_2022_UNIT_RATINGS`, is a convention [LOW].
    """
    return mapping[unit_grade]


def achievement_bands(
    above_from: Decimal = Decimal(101), below_under: Decimal = Decimal(100)
) -> BandTable[ExpectationLevel]:
    """
    Return the bands of the mean achievement: below under *below_under*, above from *above_from*.

    Convention [LOW] with PermenPANRB 8/2021 Lampiran Bab VI.A's own cuts as defaults:
    Sangat Baik from 101 %, Baik at 100 %, Cukup and lower under 100 %.  Both bounds
    are closed below (a mean of exactly 100 meets expectations).
    """
    return BandTable(
        id="permen6.achievement_bands",
        clause="konvensi penilaian [LOW]",
        labels=(_B, _M, _A),
        cuts=(below_under, above_from),
        closed="lower",
    )


def mean_achievement(values: Sequence[Fraction]) -> Fraction:
    """
    Return the plain mean of the indicators' achievements (capaian IKI, percent), exactly.

    Convention [LOW]: PermenPANRB 6/2022 does not say how the indicators of the
    work targets combine; every counted indicator weighs the same.
    """
    return sum(values, Fraction(0)) / len(values)


def work_rating_from_achievement(
    mean: Fraction, above_from: Decimal = Decimal(101), below_under: Decimal = Decimal(100)
) -> ExpectationLevel:
    """
    Return the work-results rating of a mean achievement, by `achievement_bands`.

    Convention [LOW], bounds after PermenPANRB 8/2021 Lampiran Bab VI.A.

    >>> work_rating_from_achievement(Fraction(203, 2)).value
    'above_expectations'
    """
    return achievement_bands(above_from, below_under).classify(mean)


def behaviour_from_values(
    levels: Iterable[ExpectationLevel], above_at_least: int = 4
) -> ExpectationLevel:
    """
    Return the behaviour rating of the ratings of the BerAKHLAK values.

    Convention [LOW] (PermenPANRB 6/2022 names the values, not how they combine): any
    value below expectations makes the rating below; otherwise at least
    *above_at_least* values above make it above; otherwise it meets expectations.

    >>> from penilaian import ExpectationLevel as E
    >>> behaviour_from_values([E.ABOVE] * 4 + [E.MEETS] * 3).value
    'above_expectations'
    """
    given = list(levels)
    if _B in given:
        return _B
    return _A if given.count(_A) >= above_at_least else _M


def framework_error(framework: BehaviourFramework) -> UnsupportedInputError | None:
    """
    Return why *framework* cannot be appraised under PermenPANRB 6/2022, or `None`.

    PermenPANRB 6/2022 appraises behaviour on the seven BerAKHLAK core values
    (`penilaian.BERAKHLAK`); any other framework is refused.
    """
    if framework is BERAKHLAK or framework == BERAKHLAK:
        return None
    return UnsupportedInputError("framework", framework.id, _FRAMEWORK_REASON)
