"""
PermenPANRB 6/2022 over columns: two expectation ratings per row, one matrix, one grade.

The columnar twin of `penilaian.regimes.permen6_2022.Permen6Regime` with its default
rating rules (the supervisor's two given ratings; a unit leader's work-results
rating is the unit's grade).  The matrix (`penilaian.regimes.permen6_2022.matrix_grade`)
and the unit mapping are read from the scalar rules, never re-typed, and applied by
integer table look-ups.

Layout (`Permen6Batch`, one row per appraisal, ``n`` rows):

- ``work``, ``behaviour``: ``int8`` codes into `LEVELS` (0 below, 1 meets, 2 above
  expectations), -1 when the supervisor has not rated (a gap, never a level);
- ``leads_unit``: ``bool``, the employee leads the unit;
- ``unit_grade``: ``int8`` code into `UNIT_GRADES`, -1 when the unit has none.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

import attrs
import numpy as np

from penilaian._base.problems import ProblemList
from penilaian.batch._columns import (
    GRADES,
    NONE,
    Bools,
    Codes,
    check_bool,
    check_codes,
    fail,
)
from penilaian.exceptions import (
    InvalidInputError,
    InvalidValueError,
    Problem,
    ScoringInputError,
    UnsupportedInputError,
)
from penilaian.model.grades import GRADE_RANKING, OrganisationGrade
from penilaian.model.raters import ExpectationLevel
from penilaian.regimes.permen6_2022 import (
    GivenBehaviourRating,
    GivenWorkRating,
    Permen6Regime,
    RatingOutcome,
    framework_error,
    matrix_grade,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping, Sequence

    from penilaian.model.appraisal import Appraisal

__all__ = [
    "LEVELS",
    "UNIT_GRADES",
    "Permen6Batch",
    "Permen6Scores",
    "score_permen6",
]

LEVELS: Final[tuple[ExpectationLevel, ...]] = tuple(ExpectationLevel)
"""Expectation-level codes, lowest first: ``LEVELS[code]``; -1 is no rating."""

UNIT_GRADES: Final[tuple[OrganisationGrade, ...]] = tuple(OrganisationGrade)
"""Unit-grade codes: ``UNIT_GRADES[code]``; -1 is no grade."""

_MATRIX: Final = np.array(
    [[GRADES.index(matrix_grade(work, behaviour)) for behaviour in LEVELS] for work in LEVELS],
    dtype=np.int8,
)
"""`PERMEN6_2022_MATRIX` as a table of grade codes, indexed [work code, behaviour code]."""


@attrs.frozen(eq=False)
class Permen6Batch:
    """
    The inputs of PermenPANRB 6/2022 for many appraisals, as checked numpy columns.

    Every column is checked when the batch is built (dtype, shape, codes); nothing
    is converted, so a float or a wrong code is refused, not rounded.

    Attributes:
        work: ``int8`` (n,): the supervisor's work-results rating, a `LEVELS` code or -1.
        behaviour: ``int8`` (n,): the supervisor's behaviour rating, likewise.
        leads_unit: ``bool`` (n,): the employee leads the unit.
        unit_grade: ``int8`` (n,): the unit's grade, a `UNIT_GRADES` code or -1.

    Raises:
        InvalidInputError: naming every bad column (and the rows of bad codes).
    """

    work: Codes
    behaviour: Codes
    leads_unit: Bools
    unit_grade: Codes

    def __attrs_post_init__(self) -> None:
        work: object = self.work
        if not isinstance(work, np.ndarray) or work.ndim != 1:
            reason = "must be a one-dimensional numpy array (one row per appraisal)"
            error = InvalidValueError("work", getattr(work, "shape", type(work).__name__), reason)
            raise InvalidInputError([Problem("$.work", reason, error)])
        shape = work.shape
        fail(
            [
                *check_codes("work", work, shape, len(LEVELS)),
                *check_codes("behaviour", self.behaviour, shape, len(LEVELS)),
                *check_bool("leads_unit", self.leads_unit, shape),
                *check_codes("unit_grade", self.unit_grade, shape, len(UNIT_GRADES)),
            ]
        )

    def __len__(self) -> int:
        return len(self.work)

    @classmethod
    def from_appraisals(cls, appraisals: Sequence[Appraisal]) -> Permen6Batch:
        """
        Read the two given ratings, leadership and unit grade of each appraisal.

        Ratings are read by the scalar rules `GivenWorkRating` and
        `GivenBehaviourRating`, so a row holds what the scalar regime reads.

        Raises:
            ScoringInputError: listing every problem of every row (a framework other
                than BerAKHLAK, two supervisor ratings of one subject, a rating on a
                numeric scale), each path starting ``$[<row>]``.
        """
        problems = ProblemList()
        work, behaviour = [], []
        for row, appraisal in enumerate(appraisals):
            error = framework_error(appraisal.framework)
            if error is not None:
                problems.append(Problem(f"$[{row}].framework", error.reason, error))
            work.append(_read(GivenWorkRating(), appraisal, row, problems))
            behaviour.append(_read(GivenBehaviourRating(), appraisal, row, problems))
        problems.raise_if_any(ScoringInputError)
        return cls(
            np.array(work, np.int8),
            np.array(behaviour, np.int8),
            np.array([a.position.leads_unit for a in appraisals], np.bool_),
            np.array(
                [
                    NONE if a.unit_grade is None else UNIT_GRADES.index(a.unit_grade)
                    for a in appraisals
                ],
                np.int8,
            ),
        )


def _read(
    rule: Callable[..., RatingOutcome], appraisal: Appraisal, row: int, problems: ProblemList
) -> int:
    try:
        level = rule(appraisal, trace=False).level
    except ScoringInputError as error:
        problems.within(error, f"$[{row}]")
        return NONE
    return NONE if level is None else LEVELS.index(level)


@attrs.frozen(eq=False)
class Permen6Scores:
    """
    The grades of a `Permen6Batch`, one row per appraisal.

    Attributes:
        grade: ``int8`` codes into `penilaian.batch.GRADES`; -1 when a rating is
            missing (an incomplete result, as the scalar regime gives).
        work: ``int8`` `LEVELS` codes of the work-results rating used (the unit's
            for leaders); -1 when missing.
        behaviour: ``int8`` `LEVELS` codes of the behaviour rating; -1 when missing.
    """

    grade: Codes
    work: Codes
    behaviour: Codes

    def rank(self) -> Codes:
        """Return each grade's `penilaian.model.GRADE_RANKING` (1 to 5), 0 when there is none."""
        table = np.array([GRADE_RANKING[grade] for grade in GRADES] + [0], np.int8)
        return table[self.grade]


def _unit_table(mapping: Mapping[OrganisationGrade, ExpectationLevel]) -> Codes:
    """The level code for each unit-grade code, -1 (no unit grade) last."""
    return np.array([LEVELS.index(mapping[grade]) for grade in UNIT_GRADES] + [NONE], np.int8)


def score_permen6(batch: Permen6Batch, regime: Permen6Regime | None = None) -> Permen6Scores:
    """
    Grade every row of *batch* by `PERMEN6_2022_MATRIX`, as *regime* would.

    Args:
        batch: The checked columns.
        regime: The scalar regime whose policy to follow (default `Permen6Regime()`):
            its ``leader_rule`` and its unit mapping are honoured; its rating rules
            must be the default given ratings.

    Returns:
        The grade, work-results and behaviour rating codes of every row.

    Raises:
        ScoringInputError: when *regime* derives a rating by a rule the batch does
            not hold columns for.
    """
    regime = Permen6Regime() if regime is None else regime
    _check_rules(regime)
    work = batch.work
    if regime.leader_rule == "unit_grade":
        # -1 (no unit grade) indexes the table's last entry, which is -1: a gap.
        from_unit = _unit_table(regime.unit_rating.mapping)[batch.unit_grade]
        work = np.where(batch.leads_unit, from_unit, work).astype(np.int8)
    behaviour = batch.behaviour
    rated = (work != NONE) & (behaviour != NONE)
    # Missing levels index row/column 0 harmlessly; the mask turns them into no grade.
    found = _MATRIX[np.maximum(work, 0), np.maximum(behaviour, 0)]
    grade = np.where(rated, found, np.int8(NONE)).astype(np.int8)
    return Permen6Scores(grade, work, behaviour)


def _check_rules(regime: Permen6Regime) -> None:
    problems = []
    for name, rule, kind in (
        ("work_rating", regime.work_rating, GivenWorkRating),
        ("behaviour_rating", regime.behaviour_rating, GivenBehaviourRating),
    ):
        if not isinstance(rule, kind):
            reason = f"the batch engine reads given ratings only ({kind.__name__})"
            error = UnsupportedInputError(name, type(rule).__name__, reason)
            problems.append(Problem(f"$.regime.{name}", reason, error))
    if problems:
        raise ScoringInputError(problems)
