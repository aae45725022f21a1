"""
How PermenPANRB 6/2022 finds its two ratings: the rating rules (`penilaian.typing.RatingRule`).

The appraising supervisor (pejabat penilai) sets a work-results rating (rating hasil
kerja) and a behaviour rating (rating perilaku kerja), each below, meeting or above
expectations (PermenPANRB 6/2022 Pasal 5).  By default each is the supervisor's own
rating (`GivenWorkRating`, `GivenBehaviourRating`); `WorkRatingFromAchievement`,
`WorkRatingFromUnit` and `BehaviourRatingFromValues` derive it instead, by the
formulas of `penilaian.regimes.permen6_2022.rules`.  Each rule returns a
`RatingOutcome`: a level, or the gaps that keep it from one.
"""

from __future__ import annotations

import types
from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING

import attrs

from penilaian._base.checks import TUPLE, at_least_one
from penilaian._base.numbers import DECIMAL
from penilaian._base.rounding import figure
from penilaian._base.trace import Gap, Step
from penilaian.exceptions import (
    InvalidValueError,
    Problem,
    ScoringInputError,
    UnknownLabelError,
    UnsupportedInputError,
)
from penilaian.model.grades import OrganisationGrade
from penilaian.model.raters import (
    OVERALL_BEHAVIOUR,
    OVERALL_WORK_RESULTS,
    ExpectationLevel,
    OrdinalScale,
    Rating,
)
from penilaian.model.targets import TargetKind
from penilaian.policy.supervisor import supervisor_ratings
from penilaian.regimes.permen6_2022.rules import (
    BEHAVIOUR_FROM_VALUES_RULE,
    GIVEN_RATING_RULE,
    MEAN_ACHIEVEMENT_RULE,
    PERMEN6_2022_UNIT_RATINGS,
    UNIT_RATING_RULE,
    WORK_RATING_FROM_ACHIEVEMENT_RULE,
    achievement_bands,
    behaviour_from_values,
    mean_achievement,
    unit_work_rating,
    work_rating_from_achievement,
)
from penilaian.scoring.achievement import achievement_step, achievements, check_kinds

if TYPE_CHECKING:
    from penilaian.model.appraisal import Appraisal
    from penilaian.model.grades import BandTable

__all__ = [
    "BehaviourRatingFromValues",
    "GivenBehaviourRating",
    "GivenWorkRating",
    "RatingOutcome",
    "WorkRatingFromAchievement",
    "WorkRatingFromUnit",
]

_A, _M, _B = ExpectationLevel.ABOVE, ExpectationLevel.MEETS, ExpectationLevel.BELOW


@attrs.frozen
class RatingOutcome:
    """
    What a `RatingRule` found: an expectation level, or why there is none.

    Attributes:
        level: The rating; `None` when a rating the rule needs is missing.
        gaps: What is missing, when *level* is `None`.
        step: How it was found, when a trace was asked for.
        figures: Numbers found on the way, by their result key.
        ratings: Categorical values found on the way, by their result key.
    """

    level: ExpectationLevel | None
    gaps: tuple[Gap, ...] = attrs.field(default=(), converter=TUPLE)
    step: Step | None = None
    figures: Mapping[str, Decimal] = attrs.field(factory=dict, hash=False)
    ratings: Mapping[str, str] = attrs.field(factory=dict, hash=False)


@attrs.frozen
class GivenWorkRating:
    """
    The default work-results rule: the supervisor's rating of ``work_results``.

    PermenPANRB 6/2022 Pasal 5: the pejabat penilai sets the rating hasil kerja.  It is
    the supervisor's rating of `penilaian.model.OVERALL_WORK_RESULTS` on an ordinal scale
    whose levels name expectation levels (such as `penilaian.EXPECTATION_SCALE`).
    None is a gap; more than one supervisor rating is refused.
    """

    def __call__(self, appraisal: Appraisal, *, trace: bool = True) -> RatingOutcome:
        """Return the supervisor's work-results rating, or the gap."""
        return _given(appraisal, OVERALL_WORK_RESULTS, trace=trace)


@attrs.frozen
class GivenBehaviourRating:
    """
    The default behaviour rule: the supervisor's rating of ``behaviour``.

    PermenPANRB 6/2022 Pasal 5: the pejabat penilai sets the rating perilaku kerja,
    weighing the BerAKHLAK values and the leader's special expectations.  As
    `GivenWorkRating`, for `penilaian.model.OVERALL_BEHAVIOUR`.
    """

    def __call__(self, appraisal: Appraisal, *, trace: bool = True) -> RatingOutcome:
        """Return the supervisor's behaviour rating, or the gap."""
        return _given(appraisal, OVERALL_BEHAVIOUR, trace=trace)


@attrs.frozen
class WorkRatingFromAchievement:
    """
    Derive the work-results rating from indicator achievement [LOW, convention].

    Each indicator's achievement (capaian IKI, percent) is computed as in PermenPANRB
    8/2021 Lampiran Bab VI.A: realisation / target x 100, or (1 + (1 - realisation /
    target)) x 100 when lower is better; a range target counts 100 inside the range
    and is compared with the nearer bound outside it.  The mean over the counted
    indicators (`penilaian.regimes.permen6_2022.mean_achievement`) is *above* from
    `above_from`, *below* under `below_under`, else *meets*
    (`penilaian.regimes.permen6_2022.work_rating_from_achievement`).  The defaults
    follow 8/2021's bands: Sangat Baik from 101 %, Baik at 100 %, Cukup and lower
    under 100 %.

    Attributes:
        above_from: The lowest mean achievement rated above expectations (101).
        below_under: Mean achievement under this is below expectations (100);
            less than `above_from`.
        kinds: Which work targets count (main only, by default).

    Raises:
        ScoringInputError: (when called) listing every counted indicator without a
            realisation (`MissingValueError`) or with a qualitative target
            (`UnsupportedInputError`), or when no indicator counts.
    """

    above_from: Decimal = attrs.field(default=Decimal(101), converter=DECIMAL)
    below_under: Decimal = attrs.field(default=Decimal(100), converter=DECIMAL)
    kinds: tuple[TargetKind, ...] = attrs.field(
        default=(TargetKind.MAIN,), converter=TUPLE, validator=check_kinds
    )

    @below_under.validator
    def _check_below_under(self, attribute: attrs.Attribute[Decimal], value: Decimal) -> None:
        if value >= self.above_from:
            reason = f"must be less than above_from ({self.above_from})"
            raise InvalidValueError(attribute.name, value, reason)

    def bands(self) -> BandTable[ExpectationLevel]:
        """Return the band table this rule classifies the mean achievement by."""
        return achievement_bands(self.above_from, self.below_under)

    def __call__(self, appraisal: Appraisal, *, trace: bool = True) -> RatingOutcome:
        """Return the rating derived from achievement."""
        found, problems = achievements(
            appraisal, self.kinds, "the work-results rating derives from achievement"
        )
        values = [value for _, value in found]
        figures = {f"indicator[{ind.id}].achievement": figure(value) for ind, value in found}
        steps = [achievement_step(ind, value) for ind, value in found] if trace else []
        if not values and not problems:
            kinds = ", ".join(kind.value for kind in self.kinds)
            reason = f"no indicators of kind {kinds} to derive the work-results rating from"
            none = UnsupportedInputError("targets", kinds, reason)
            problems.append(Problem("$.targets", reason, none))
        if problems:
            raise ScoringInputError(problems)
        mean = mean_achievement(values)
        figures["achievement"] = figure(mean)
        level = work_rating_from_achievement(mean, self.above_from, self.below_under)
        step = None
        if trace:
            averaged = Step.of(MEAN_ACHIEVEMENT_RULE, mean, children=steps, indicators=len(values))
            step = Step.of(WORK_RATING_FROM_ACHIEVEMENT_RULE, level, subject=OVERALL_WORK_RESULTS,
                           children=(averaged,), achievement=mean,
                           above_from=self.above_from, below_under=self.below_under)  # fmt: skip
        return RatingOutcome(level, step=step, figures=figures)


def _unit_ratings(
    value: Mapping[OrganisationGrade | str, ExpectationLevel | str],
) -> Mapping[OrganisationGrade, ExpectationLevel]:
    if not isinstance(value, Mapping):
        raise InvalidValueError("mapping", value, "must map unit grades to expectation levels")
    parsed = {
        OrganisationGrade.parse(grade, "mapping"): ExpectationLevel.parse(level, "mapping")
        for grade, level in value.items()
    }
    missing = [grade.value for grade in OrganisationGrade if grade not in parsed]
    if missing:
        raise InvalidValueError("mapping", missing, "must give a level for every unit grade")
    return types.MappingProxyType(parsed)


@attrs.frozen
class WorkRatingFromUnit:
    """
    A unit leader's work-results rating: the grade of the unit led.

    PermenPANRB 6/2022: the capaian kinerja organisasi of the unit becomes its
    leader's rating hasil kerja (REGULATIONS.md 3.4;
    `penilaian.regimes.permen6_2022.unit_work_rating`).  It reads
    `penilaian.Appraisal.unit_grade`; without one the result has a gap.

    Attributes:
        mapping: The level for each `penilaian.OrganisationGrade`; every grade must
            be mapped.  Default `PERMEN6_2022_UNIT_RATINGS` [LOW].
    """

    mapping: Mapping[OrganisationGrade, ExpectationLevel] = attrs.field(
        default=PERMEN6_2022_UNIT_RATINGS, converter=_unit_ratings, hash=False
    )

    def __call__(self, appraisal: Appraisal, *, trace: bool = True) -> RatingOutcome:
        """Return the rating mapped from the unit's grade, or the gap."""
        grade = appraisal.unit_grade
        unit = appraisal.position.unit_id
        level = None if grade is None else unit_work_rating(grade, self.mapping)
        step = None
        if trace:
            step = Step.of(
                UNIT_RATING_RULE, level, subject=OVERALL_WORK_RESULTS, unit=unit, unit_grade=grade
            )
        if grade is None:
            reason = f"no grade of unit {unit}; a unit leader's work-results rating is the unit's"
            return RatingOutcome(None, gaps=(Gap("$.unit_grade", reason),), step=step)
        return RatingOutcome(level, step=step, ratings={"unit_grade": grade.value})


@attrs.frozen
class BehaviourRatingFromValues:
    """
    Derive the behaviour rating from the supervisor's rating of each value [LOW, convention].

    Each BerAKHLAK core value is rated by the supervisor on an expectation scale.
    Any value below expectations makes the behaviour rating below; otherwise at
    least `above_at_least` values above make it above; otherwise it meets
    expectations (`penilaian.regimes.permen6_2022.behaviour_from_values`).  A value
    not rated is a gap.

    Attributes:
        above_at_least: How many values must be above expectations for an above
            rating (4, a majority of the seven).
    """

    above_at_least: int = attrs.field(default=4, validator=at_least_one)

    def __call__(self, appraisal: Appraisal, *, trace: bool = True) -> RatingOutcome:
        """Return the rating derived from the values' ratings, or the gaps."""
        problems: list[Problem] = []
        gaps: list[Gap] = []
        levels: list[ExpectationLevel] = []
        steps: list[Step] = []
        ratings: dict[str, str] = {}
        for aspect in appraisal.framework.aspects:
            found = _supervisor_ratings(appraisal, aspect.id, problems)
            if found is None:
                continue
            if not found:
                gaps.append(_missing(aspect.id))
                continue
            level = _level(appraisal, *found[0], problems)
            if level is not None:
                levels.append(level)
                ratings[f"behaviour[{aspect.id}]"] = level.value
                if trace:
                    steps.append(_given_step(aspect.id, found[0][1], level))
        if problems:
            raise ScoringInputError(problems)
        overall = None if gaps else behaviour_from_values(levels, self.above_at_least)
        step = None
        if trace:
            step = Step.of(BEHAVIOUR_FROM_VALUES_RULE, overall, subject=OVERALL_BEHAVIOUR,
                           children=steps, above=levels.count(_A), meets=levels.count(_M),
                           below=levels.count(_B), above_at_least=self.above_at_least,
                           special_expectations=len(appraisal.special_expectations))  # fmt: skip
        return RatingOutcome(overall, gaps=gaps, step=step, ratings=ratings)


def _missing(subject: str) -> Gap:
    return Gap("$.ratings", f"no supervisor rating of {subject}; the pejabat penilai must set it")


def _supervisor_ratings(
    appraisal: Appraisal, subject: str, problems: list[Problem]
) -> list[tuple[int, Rating]] | None:
    """Return the supervisor's ratings of *subject*: none or one; more is a problem (`None`)."""
    found = supervisor_ratings(appraisal, subject)
    if len(found) > 1:
        paths = ", ".join(f"$.ratings[{index}]" for index, _ in found)
        reason = (
            f"{len(found)} supervisor ratings of {subject} ({paths}); one pejabat penilai rates"
        )
        error = UnsupportedInputError("ratings", subject, reason)
        problems.append(Problem("$.ratings", reason, error))
        return None
    return found


def _level(
    appraisal: Appraisal, index: int, rating: Rating, problems: list[Problem]
) -> ExpectationLevel | None:
    """Return the expectation level *rating* gives, or `None` with the problem recorded."""
    scale = appraisal.scale(rating.scale_id)
    if not isinstance(scale, OrdinalScale) or rating.level is None:
        reason = f"rating of {rating.subject} is on numeric scale {scale.id}; a level is needed"
        error = UnsupportedInputError("scale_id", rating.scale_id, reason)
        problems.append(Problem(f"$.ratings[{index}].scale_id", reason, error))
        return None
    # A canonical level (the common case) needs no folding of case and punctuation.
    canonical = rating.level if rating.level in scale.levels else scale.resolve(rating.level)
    try:
        return ExpectationLevel.parse(canonical, "level")
    except UnknownLabelError:
        reason = f"level {canonical!r} of scale {scale.id} names no expectation level"
        error = UnsupportedInputError("level", rating.level, reason)
        problems.append(Problem(f"$.ratings[{index}].level", reason, error))
        return None


def _given_step(subject: str, rating: Rating, level: ExpectationLevel | None) -> Step:
    return Step.of(
        GIVEN_RATING_RULE, level, subject=subject, rater=rating.rater_id, given=rating.level
    )


def _given(appraisal: Appraisal, subject: str, *, trace: bool) -> RatingOutcome:
    problems: list[Problem] = []
    found = _supervisor_ratings(appraisal, subject, problems)
    if found is None:
        raise ScoringInputError(problems)
    if not found:
        step = Step.of(GIVEN_RATING_RULE, None, subject=subject, rater=None) if trace else None
        return RatingOutcome(None, gaps=(_missing(subject),), step=step)
    index, rating = found[0]
    level = _level(appraisal, index, rating, problems)
    if level is None:
        raise ScoringInputError(problems)
    return RatingOutcome(level, step=_given_step(subject, rating, level) if trace else None)
