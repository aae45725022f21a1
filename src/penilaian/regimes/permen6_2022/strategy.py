"""
The PermenPANRB 6/2022 regime: two ratings against expectations, one matrix, one grade.

The appraising supervisor (pejabat penilai) sets a work-results rating (rating hasil
kerja) and a behaviour rating (rating perilaku kerja), each below, meeting or above
expectations; the 3 x 3 matrix `PERMEN6_2022_MATRIX` turns the pair into the
employee's grade (predikat kinerja pegawai; REGULATIONS.md 3.4).  The regime has no
score.  How each rating is found is a rule (a `RatingRule`): by default the
supervisor's own rating; `WorkRatingFromAchievement`, `WorkRatingFromUnit` and
`BehaviourRatingFromValues` derive it instead.  A unit leader's work-results rating
is the unit's grade (capaian kinerja organisasi) unless configured otherwise.

Result keys:

- ratings ``work_results`` and ``behaviour`` (`penilaian.ExpectationLevel` ids);
  ``unit_grade`` (`penilaian.OrganisationGrade` id) when the unit's grade was used;
  ``behaviour[<aspect id>]`` when the behaviour rating is derived from the values.
- figures ``indicator[<id>].achievement`` and ``achievement`` (their mean), in
  percent, when the work-results rating is derived from achievement.  Figures are
  exact when their decimal ends, else rounded to 6 places; the trace keeps them exact.
"""

from __future__ import annotations

import types
from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Final, Literal

import attrs

from penilaian._base.checks import TUPLE, at_least_one
from penilaian._base.numbers import DECIMAL
from penilaian._base.rounding import figure
from penilaian._base.trace import Gap, Rule, Step
from penilaian.exceptions import (
    InvalidValueError,
    Problem,
    ScoringInputError,
    UnknownLabelError,
    UnsupportedInputError,
)
from penilaian.model.behaviour import BERAKHLAK
from penilaian.model.grades import GRADE_RANKING, BandTable, Grade, OrganisationGrade
from penilaian.model.raters import (
    OVERALL_BEHAVIOUR,
    OVERALL_WORK_RESULTS,
    ExpectationLevel,
    OrdinalScale,
    Rating,
)
from penilaian.model.targets import TargetKind
from penilaian.policy.supervisor import supervisor_ratings
from penilaian.scoring.achievement import achievement_step, achievements
from penilaian.scoring.result import Result
from penilaian.typing import RatingRule

if TYPE_CHECKING:
    from penilaian.model.appraisal import Appraisal

__all__ = [
    "PERMEN6_2022_GRADE_ORDER",
    "PERMEN6_2022_MATRIX",
    "PERMEN6_2022_MATRIX_RULE",
    "PERMEN6_2022_UNIT_RATINGS",
    "BehaviourRatingFromValues",
    "GivenBehaviourRating",
    "GivenWorkRating",
    "Permen6Regime",
    "RatingOutcome",
    "WorkRatingFromAchievement",
    "WorkRatingFromUnit",
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

_GIVEN_RULE: Final = Rule(
    id="permen6.given_rating",
    clause="PermenPANRB 6/2022 Pasal 5: pejabat penilai menetapkan rating",
    text_id="Rating yang ditetapkan pejabat penilai",
    text_en="The rating set by the appraising supervisor",
)
_UNIT_RULE: Final = Rule(
    id="permen6.unit_rating",
    clause="PermenPANRB 6/2022 (pimpinan unit kerja); pemetaan: konvensi [LOW]",
    text_id="Rating hasil kerja = capaian kinerja organisasi unit yang dipimpin",
    text_en="Work-results rating = the grade of the unit led",
)
_LEADER_RULE: Final = Rule(
    id="permen6.leader",
    clause="PermenPANRB 6/2022: rating hasil kerja pimpinan unit kerja [MED]",
    text_id="Pegawai memimpin unit kerja: rating hasil kerja dari capaian kinerja organisasi",
    text_en="The employee leads a unit: work-results rating from the unit's grade",
)
_MEAN_RULE: Final = Rule(
    id="permen6.mean_achievement",
    clause="konvensi penilaian [LOW]",
    text_id="Rata-rata capaian IKI",
    text_en="Mean indicator achievement",
)
_FROM_ACHIEVEMENT_RULE: Final = Rule(
    id="permen6.work_rating_from_achievement",
    clause="konvensi penilaian [LOW], batas menurut PermenPANRB 8/2021 Bab VI.A",
    text_id="Rating hasil kerja dari rata-rata capaian IKI",
    text_en="Work-results rating from the mean indicator achievement",
)
_FROM_VALUES_RULE: Final = Rule(
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
    indicators is *above* from `above_from`, *below* under `below_under`, else
    *meets*.  The defaults follow 8/2021's bands: Sangat Baik from 101 %, Baik at
    100 %, Cukup and lower under 100 %.

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
    kinds: tuple[TargetKind, ...] = attrs.field(default=(TargetKind.MAIN,), converter=TUPLE)

    @below_under.validator
    def _check_below_under(self, attribute: attrs.Attribute[Decimal], value: Decimal) -> None:
        if value >= self.above_from:
            reason = f"must be less than above_from ({self.above_from})"
            raise InvalidValueError(attribute.name, value, reason)

    @kinds.validator
    def _check_kinds(
        self, attribute: attrs.Attribute[tuple[TargetKind, ...]], value: tuple[TargetKind, ...]
    ) -> None:
        if not value or not all(isinstance(kind, TargetKind) for kind in value):
            raise InvalidValueError(attribute.name, value, "must name at least one TargetKind")

    def bands(self) -> BandTable[ExpectationLevel]:
        """Return the band table this rule classifies the mean achievement by."""
        return BandTable(
            id="permen6.achievement_bands",
            clause="konvensi penilaian [LOW]",
            labels=(_B, _M, _A),
            cuts=(self.below_under, self.above_from),
            closed="lower",
        )

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
        mean = sum(values, Fraction(0)) / len(values)
        figures["achievement"] = figure(mean)
        level = self.bands().classify(mean)
        step = None
        if trace:
            averaged = Step.of(_MEAN_RULE, mean, children=steps, indicators=len(values))
            step = Step.of(_FROM_ACHIEVEMENT_RULE, level, subject=OVERALL_WORK_RESULTS,
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
    leader's rating hasil kerja (REGULATIONS.md 3.4).  It reads
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
        level = None if grade is None else self.mapping[grade]
        step = (
            Step.of(_UNIT_RULE, level, subject=OVERALL_WORK_RESULTS, unit=unit, unit_grade=grade)
            if trace
            else None
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
    expectations.  A value not rated is a gap.

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
        above, below = levels.count(_A), levels.count(_B)
        level = None
        if not gaps:
            level = _B if below else _A if above >= self.above_at_least else _M
        step = None
        if trace:
            step = Step.of(_FROM_VALUES_RULE, level, subject=OVERALL_BEHAVIOUR, children=steps,
                           above=above, meets=levels.count(_M), below=below,
                           above_at_least=self.above_at_least,
                           special_expectations=len(appraisal.special_expectations))  # fmt: skip
        return RatingOutcome(level, gaps=gaps, step=step, ratings=ratings)


_LeaderRule = Literal["unit_grade", "as_configured"]


@attrs.frozen
class Permen6Regime:
    """
    PermenPANRB 6/2022: the grade from the work-results and behaviour ratings.

    Attributes:
        work_rating: How the work-results rating is found (`GivenWorkRating`).
        behaviour_rating: How the behaviour rating is found (`GivenBehaviourRating`).
        leader_rule: ``"unit_grade"`` (default): a unit leader's work-results rating
            is found by `unit_rating`, whatever `work_rating` says, as PermenPANRB
            6/2022 provides; ``"as_configured"``: leaders are rated by `work_rating`.
        unit_rating: The rule for unit leaders under ``"unit_grade"``.
    """

    work_rating: RatingRule = attrs.field(factory=GivenWorkRating)
    behaviour_rating: RatingRule = attrs.field(factory=GivenBehaviourRating)
    leader_rule: _LeaderRule = attrs.field(
        default="unit_grade", validator=attrs.validators.in_(("unit_grade", "as_configured"))
    )
    unit_rating: WorkRatingFromUnit = attrs.field(factory=WorkRatingFromUnit)

    @property
    def id(self) -> str:
        """``"permen6_2022"``."""
        return "permen6_2022"

    def score(self, appraisal: Appraisal, *, trace: bool = True) -> Result:
        """
        Grade *appraisal* by the matrix of its two ratings.

        Returns:
            A result with the grade and no score; incomplete, with its gaps, when a
            rating is missing.

        Raises:
            ScoringInputError: for a framework other than BerAKHLAK, or what a
                rating rule cannot use (listing every problem of both rules).
        """
        framework = appraisal.framework
        if framework is not BERAKHLAK and framework != BERAKHLAK:
            reason = "PermenPANRB 6/2022 appraises behaviour on the BerAKHLAK core values"
            error = UnsupportedInputError("framework", framework.id, reason)
            raise ScoringInputError(
                [Problem("$.framework", f"{reason} (got {framework.id!r})", error)]
            )
        leads = self.leader_rule == "unit_grade" and appraisal.position.leads_unit
        problems: list[Problem] = []
        work = _run(self.unit_rating if leads else self.work_rating, appraisal, trace, problems)
        behaviour = _run(self.behaviour_rating, appraisal, trace, problems)
        if problems:
            raise ScoringInputError(problems)
        if trace and leads:
            step = Step.of(_LEADER_RULE, work.level, subject=OVERALL_WORK_RESULTS,
                           children=_steps(work), unit=appraisal.position.unit_id,
                           leader_rule=self.leader_rule)  # fmt: skip
            work = attrs.evolve(work, step=step)
        grade = None
        if work.level is not None and behaviour.level is not None:
            grade = PERMEN6_2022_MATRIX[work.level, behaviour.level]
        ratings = {**work.ratings, **behaviour.ratings}
        for key, outcome in ((OVERALL_WORK_RESULTS, work), (OVERALL_BEHAVIOUR, behaviour)):
            if outcome.level is not None:
                ratings[key] = outcome.level.value
        root = None
        if trace:
            root = Step.of(PERMEN6_2022_MATRIX_RULE, grade, subject=appraisal.id,
                           children=(*_steps(work), *_steps(behaviour)),
                           work_results=work.level, behaviour=behaviour.level)  # fmt: skip
        return Result(
            self.id,
            appraisal.id,
            grade=grade,
            figures={**work.figures, **behaviour.figures},
            ratings=ratings,
            gaps=(*work.gaps, *behaviour.gaps),
            trace=root,
        )


def _run(
    rule: RatingRule, appraisal: Appraisal, trace: bool, problems: list[Problem]
) -> RatingOutcome:
    try:
        return rule(appraisal, trace=trace)
    except ScoringInputError as error:
        problems.extend(error.problems)
        return RatingOutcome(None)


def _steps(outcome: RatingOutcome) -> tuple[Step, ...]:
    return () if outcome.step is None else (outcome.step,)


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
    return Step.of(_GIVEN_RULE, level, subject=subject, rater=rating.rater_id, given=rating.level)


def _given(appraisal: Appraisal, subject: str, *, trace: bool) -> RatingOutcome:
    problems: list[Problem] = []
    found = _supervisor_ratings(appraisal, subject, problems)
    if found is None:
        raise ScoringInputError(problems)
    if not found:
        step = Step.of(_GIVEN_RULE, None, subject=subject, rater=None) if trace else None
        return RatingOutcome(None, gaps=(_missing(subject),), step=step)
    index, rating = found[0]
    level = _level(appraisal, index, rating, problems)
    if level is None:
        raise ScoringInputError(problems)
    return RatingOutcome(level, step=_given_step(subject, rating, level) if trace else None)
