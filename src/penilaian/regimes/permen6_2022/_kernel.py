"""
PermenPANRB 6/2022 without a trace: the plain case in one scan, with no step built.

`grade_plain` grades what `penilaian.regimes.permen6_2022._run.Permen6Run` grades when
nothing is unusual: the regime uses the supervisor's own ratings (`GivenWorkRating`,
`GivenBehaviourRating`; a unit leader's work-results rating from the unit's grade by
`WorkRatingFromUnit`), the framework is BerAKHLAK, each rating needed is there exactly
once with a canonical level of its scale, the unit has a grade when it is needed, every
indicator has a realisation, and the appraisal has one supervisor.  Which rules are
plain is decided once per regime (`plain_rules`, kept by the regime when it is made).
It finds the two ratings in one pass over the ratings, looks the grade up in
`PERMEN6_2022_MATRIX` and builds the `Result`.

Anything else (another rule, another framework, a second supervisor, a missing or
repeated rating, a level that is not a canonical expectation level, an indicator
without a realisation) returns `None`, and the regime runs its full path, which is the
only source of every problem, gap, note and step; a differential test holds the two
equal.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import TYPE_CHECKING, Final, Protocol

from penilaian._base.trace import deferred_step
from penilaian.model.behaviour import BERAKHLAK
from penilaian.model.raters import (
    EXPECTATION_SCALE,
    OVERALL_BEHAVIOUR,
    OVERALL_WORK_RESULTS,
    ExpectationLevel,
    OrdinalScale,
    RaterRole,
)
from penilaian.regimes.permen6_2022.ratings import (
    GivenBehaviourRating,
    GivenWorkRating,
    WorkRatingFromUnit,
)
from penilaian.regimes.permen6_2022.rules import PERMEN6_2022_MATRIX
from penilaian.scoring.result import Result

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping
    from decimal import Decimal

    from penilaian._base.trace import Step
    from penilaian.model.appraisal import Appraisal
    from penilaian.model.grades import Grade
    from penilaian.model.raters import Rating, Scale
    from penilaian.typing import RatingRule

__all__ = ["Rules", "grade_plain", "plain_rules"]

_SUPERVISOR: Final = RaterRole.SUPERVISOR
_W: Final = OVERALL_WORK_RESULTS
_B: Final = OVERALL_BEHAVIOUR
_LEVELS: Final[dict[str | None, ExpectationLevel]] = {
    level.value: level for level in ExpectationLevel
}
"""Each expectation level by its id: the levels of `penilaian.EXPECTATION_SCALE`."""

_CELLS: Final[dict[tuple[str | None, str | None], tuple[Grade, Mapping[str, str]]]] = {
    (work.value, behaviour.value): (
        grade,
        MappingProxyType({_W: work.value, _B: behaviour.value}),
    )
    for (work, behaviour), grade in PERMEN6_2022_MATRIX.items()
}
"""
Each cell of `PERMEN6_2022_MATRIX` by its two level ids: the grade, and the read-only
ratings of a result graded by it (shared by those results: never written).
"""

_NO_FIGURES: Final[Mapping[str, Decimal]] = MappingProxyType({})


class Rules(Protocol):
    """What the kernel reads of `penilaian.regimes.permen6_2022.Permen6Regime`."""

    @property
    def id(self) -> str: ...
    @property
    def work_rating(self) -> RatingRule: ...
    @property
    def behaviour_rating(self) -> RatingRule: ...
    @property
    def leader_rule(self) -> str: ...
    @property
    def unit_rating(self) -> WorkRatingFromUnit: ...
    @property
    def _plain(self) -> tuple[str, bool, bool | None]:
        """`plain_rules` of the regime, kept by the regime when it is made."""
        ...


def plain_rules(regime: Rules) -> tuple[str, bool, bool | None]:
    """
    What `grade_plain` needs of *regime*'s rules, the same for every appraisal.

    The regime's id; whether the kernel may grade a non-leader (and, under
    ``"as_configured"``, a leader): the supervisor's own ratings, `GivenWorkRating` and
    `GivenBehaviourRating` themselves (a subclass is a rule of its own, run by the full
    path); and whether it may grade a unit leader under ``"unit_grade"``, by
    `WorkRatingFromUnit` itself, or `None` under ``"as_configured"``.
    """
    given = type(regime.behaviour_rating) is GivenBehaviourRating
    work = given and type(regime.work_rating) is GivenWorkRating
    if regime.leader_rule != "unit_grade":
        return regime.id, work, None
    return regime.id, work, given and type(regime.unit_rating) is WorkRatingFromUnit


def grade_plain(  # noqa: C901, PLR0911, PLR0912 - one pass over the appraisal, helpers inlined
    regime: Rules, appraisal: Appraisal, build: Callable[[], Step | None] | None
) -> Result | None:
    """
    Grade *appraisal* by the supervisor's two ratings when nothing is unusual, else `None`.

    *build* gives the traced reference run's root step of *appraisal*: with it the result
    carries a trace deferred until read (`penilaian._base.trace.deferred_step`); without
    it, none.
    """
    if appraisal.framework is not BERAKHLAK:
        return None
    regime_id, plain_work, plain_led = regime._plain  # noqa: SLF001 - decided once per regime
    if plain_led is not None and appraisal.position.leads_unit:
        if not plain_led:
            return None
        leads = True
    elif plain_work:
        leads = False
    else:
        return None
    for target in appraisal.targets:
        for indicator in target.indicators:
            if indicator.realisation is None:
                return None  # a note: the full path writes it
    supervisor = None
    for rater in appraisal.raters:
        if rater.role is _SUPERVISOR:
            if supervisor is not None:
                return None  # two supervisors: the full run sorts out their ratings
            supervisor = rater.id
    work: Rating | None = None
    behaviour: Rating | None = None
    for rating in appraisal.ratings:
        subject = rating.subject
        if subject == _B:
            if rating.rater_id == supervisor:
                if behaviour is not None:
                    return None  # two supervisor ratings: a problem
                behaviour = rating
        elif subject == _W and not leads and rating.rater_id == supervisor:
            if work is not None:
                return None
            work = rating
    if behaviour is None:
        return None  # a gap
    # A level the rating's scale spells as one of its own levels, and an expectation
    # level's id; anything else (an alias, a label, a level of another meaning) declines.
    scale_id = behaviour.scale_id
    for scale in appraisal.scales:  # the appraisal checked every rating's scale: one is it
        if scale.id == scale_id:
            break
    else:  # pragma: no cover - the appraisal checked it
        raise LookupError(scale_id)
    if work is not None:
        cell = _CELLS.get((work.level, behaviour.level))
        # Both on `EXPECTATION_SCALE` itself: a cell's two ids are levels of the scale.
        if cell is None or (
            (scale is not EXPECTATION_SCALE or work.scale_id != scale_id)
            and not (
                _own_level(scale, behaviour.level)
                and _own_level(_scale(appraisal, work.scale_id), work.level)
            )
        ):
            return None
        grade, ratings = cell
    elif leads:
        unit_grade = appraisal.unit_grade
        behaviour_level = _LEVELS.get(behaviour.level)
        if unit_grade is None or behaviour_level is None or not _own_level(scale, behaviour.level):
            return None  # a gap, or a level of another meaning
        work_level = regime.unit_rating.mapping[unit_grade]
        grade = PERMEN6_2022_MATRIX[work_level, behaviour_level]
        ratings = MappingProxyType(
            {"unit_grade": unit_grade.value, _W: work_level.value, _B: behaviour_level.value}
        )
    else:
        return None  # a gap
    # Every field is valid by construction (the appraisal's id was checked when it was made,
    # *ratings* is read-only, figures, gaps and notes are empty): the result skips its checks.
    return Result._trusted(  # noqa: SLF001 - the kernels' constructor
        regime_id, appraisal.id, grade, None, figures=_NO_FIGURES, ratings=ratings, gaps=(),
        trace=None if build is None else deferred_step(build),
    )  # fmt: skip


def _scale(appraisal: Appraisal, scale_id: str) -> Scale:
    """The appraisal's scale *scale_id* (the appraisal checked every rating's scale)."""
    for scale in appraisal.scales:
        if scale.id == scale_id:
            return scale
    raise LookupError(scale_id)  # pragma: no cover - the appraisal checked it


def _own_level(scale: Scale, level: str | None) -> bool:
    """Whether *level* is one of the levels of *scale*, an ordinal scale."""
    return type(scale) is OrdinalScale and level in scale.levels
