"""
The PP 46/2011 regime: penilaian prestasi kerja PNS (PP 46/2011; Perka BKN 1/2013).

Nilai prestasi kerja = 60 % nilai capaian SKP + 40 % nilai perilaku kerja
(REGULATIONS.md section 1).  Each main work target is one *kegiatan tugas jabatan*
with one quantity, quality and time indicator and at most one cost indicator, all
with point targets; each additional work target is one *tugas tambahan*; each
`penilaian.Innovation` earns *kreativitas* points.  Behaviour is rated 0-100 on the
aspects of `penilaian.PP46_2011_BEHAVIOUR` that apply to the position (six for a
structural post, five otherwise), each value taken from the regime's aggregator.

Figures (`penilaian.Result.figures`):

- ``activity[<target id>].quantity``, ``.quality``, ``.time``, ``.cost`` (cost only
  when the kegiatan has a cost target): the aspect values, exact;
- ``activity[<target id>].value``: nilai capaian kegiatan, rounded;
- ``activities``: the mean of the kegiatan values, exact;
- ``additional_tasks``: the tugas tambahan points (0, 1, 2 or 3);
- ``creativity``: the kreativitas points;
- ``skp``: nilai capaian SKP, rounded;
- ``behaviour[<aspect id>]``: each behaviour aspect's value, exact;
- ``behaviour``: nilai perilaku kerja, rounded;
- ``final``: nilai prestasi kerja, rounded; also `penilaian.Result.score`;
- ``<key>.whole`` for ``skp``, ``behaviour[<aspect id>]``, ``behaviour`` and
  ``final``, only under ``band_convention="round_to_integer"``: the whole number
  the category was read from.

"Rounded" figures are rounded at the declared points (see ``rounding`` below) by
`Pp46Regime.rounding` (2 places, halves up, by default), and later steps use the
rounded value, as the BKN forms do.  "Exact" figures are used exactly; a figure
is a `Decimal`, so one with no finite decimal form (such as 200/3) is written to
6 places, and its step in the trace shows the exact fraction.

Ratings (`penilaian.Result.ratings`, grade ids): ``skp``, ``behaviour[<aspect id>]``
and ``behaviour``, the sebutan the BKN form gives each; the final one is
`penilaian.Result.grade`.

Conventions, each a field of `Pp46Regime` with its default:

- ``zero_output_zeroes_activity=True`` [LOW]: a kegiatan with realised output 0
  scores 0 on every aspect (seen in e-SKP code, not in the regulation);
- ``creativity="highest"`` [LOW]: with several innovations only the highest
  points count (``"sum"`` adds them up);
- ``band_convention="upper_inclusive"`` [LOW]: <= 50 Buruk, (50, 60] Kurang,
  (60, 75] Cukup, (75, 90] Baik, > 90 Sangat Baik (``"round_to_integer"`` rounds
  to a whole number, halves up, and reads the integer table);
- ``rounding=Rounding(2)``: the kegiatan values, the SKP, the behaviour and the
  final value are rounded; aspect values and means are not;
- every additional work target is one tugas tambahan carried out; its indicators
  are not scored;
- a kepemimpinan rating for a post that is not structural is refused, not dropped.
"""

from __future__ import annotations

import types
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any, Final, Literal, TypeAlias

import attrs

from penilaian._base.rounding import Rounding, figure
from penilaian._base.trace import Gap, Rule, Step
from penilaian.exceptions import (
    InvalidValueError,
    MissingValueError,
    Problem,
    ScoringInputError,
    UnsupportedInputError,
)
from penilaian.model.appraisal import InnovationScope
from penilaian.model.behaviour import PP46_2011_BEHAVIOUR, BehaviourAspect
from penilaian.model.grades import BandTable, Grade
from penilaian.model.targets import Aspect, Direction, PointTarget, TargetKind
from penilaian.policy.supervisor import SupervisorRating
from penilaian.policy.weights import PP46_2011_COMPONENTS, Weights
from penilaian.scoring.result import Result
from penilaian.typing import RatingAggregator

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from penilaian.model.appraisal import Appraisal
    from penilaian.model.targets import WorkTarget

__all__ = [
    "ACTIVITIES_RULE",
    "ACTIVITY_RULE",
    "ADDITIONAL_TASKS_RULE",
    "BEHAVIOUR_ASPECT_RULE",
    "BEHAVIOUR_RULE",
    "CATEGORY_RULE",
    "COST_ABOVE_24_RULE",
    "COST_RULE",
    "CREATIVITY_RULE",
    "FINAL_RULE",
    "PP46_2011_ADDITIONAL_TASK_POINTS",
    "PP46_2011_CATEGORIES",
    "PP46_2011_CREATIVITY_POINTS",
    "PP46_2011_EFFICIENCY_LIMIT",
    "PP46_2011_TIME_COST_FACTOR",
    "QUALITY_RULE",
    "QUANTITY_RULE",
    "RESULT_RULE",
    "ROUNDING_RULE",
    "SKP_RULE",
    "TIME_ABOVE_24_RULE",
    "TIME_RULE",
    "WHOLE_NUMBER_RULE",
    "ZERO_OUTPUT_RULE",
    "BandConvention",
    "CreativityPolicy",
    "Pp46Regime",
]

_REGIME_ID: Final = "pp46_2011"
_LAMPIRAN: Final = "Perka BKN 1/2013 Lampiran, Penilaian SKP"

# -- the rules, as data ------------------------------------------------------------------

PP46_2011_TIME_COST_FACTOR: Final = Fraction(176, 100)
"""Perka BKN 1/2013 Lampiran: the 1.76 of the time and cost formulas (100 at 76 % of target)."""

PP46_2011_EFFICIENCY_LIMIT: Final = Fraction(24)
"""Perka BKN 1/2013 Lampiran: efficiency (percent) up to which time and cost score up to 100."""

QUANTITY_RULE: Final = Rule(
    "pp46.quantity",
    f"{_LAMPIRAN}: kuantitas",
    "Kuantitas = RO / TO \u00d7 100",
    "Quantity = realised output / target output \u00d7 100",
)
QUALITY_RULE: Final = Rule(
    "pp46.quality",
    f"{_LAMPIRAN}: kualitas",
    "Kualitas = RK / TK \u00d7 100",
    "Quality = realised quality / target quality \u00d7 100",
)
TIME_RULE: Final = Rule(
    "pp46.time",
    f"{_LAMPIRAN}: waktu, efisiensi \u2264 24 %",
    "Waktu (efisiensi = 100 \u2212 RW / TW \u00d7 100 \u2264 24): "
    "((1,76 \u00d7 TW \u2212 RW) / TW) \u00d7 100",
    "Time (efficiency = 100 \u2212 RW / TW \u00d7 100 at most 24): "
    "((1.76 \u00d7 TW \u2212 RW) / TW) \u00d7 100",
)
TIME_ABOVE_24_RULE: Final = Rule(
    "pp46.time_above_24",
    f"{_LAMPIRAN}: waktu, efisiensi > 24 %",
    "Waktu (efisiensi > 24): 76 \u2212 ((((1,76 \u00d7 TW \u2212 RW) / TW) \u00d7 100) \u2212 100)",
    "Time (efficiency above 24, an unrealistic target): "
    "76 \u2212 ((((1.76 \u00d7 TW \u2212 RW) / TW) \u00d7 100) \u2212 100)",
)
COST_RULE: Final = Rule(
    "pp46.cost",
    f"{_LAMPIRAN}: biaya, efisiensi \u2264 24 %",
    "Biaya (efisiensi = 100 \u2212 RB / TB \u00d7 100 \u2264 24): "
    "((1,76 \u00d7 TB \u2212 RB) / TB) \u00d7 100",
    "Cost (efficiency = 100 \u2212 RB / TB \u00d7 100 at most 24): "
    "((1.76 \u00d7 TB \u2212 RB) / TB) \u00d7 100",
)
COST_ABOVE_24_RULE: Final = Rule(
    "pp46.cost_above_24",
    f"{_LAMPIRAN}: biaya, efisiensi > 24 %",
    "Biaya (efisiensi > 24): 76 \u2212 ((((1,76 \u00d7 TB \u2212 RB) / TB) \u00d7 100) \u2212 100)",
    "Cost (efficiency above 24, an unrealistic target): "
    "76 \u2212 ((((1.76 \u00d7 TB \u2212 RB) / TB) \u00d7 100) \u2212 100)",
)
ZERO_OUTPUT_RULE: Final = Rule(
    "pp46.zero_output",
    "convention [LOW]: seen in e-SKP code, not in Perka BKN 1/2013",
    "Realisasi output 0: semua aspek kegiatan bernilai 0",
    "No output realised: every aspect of the kegiatan scores 0",
)
ACTIVITY_RULE: Final = Rule(
    "pp46.activity",
    f"{_LAMPIRAN}: nilai capaian kegiatan",
    "Nilai capaian kegiatan = penghitungan / jumlah aspek (3, atau 4 bila ada biaya)",
    "Kegiatan value = sum of the aspect values / number of aspects (3, or 4 with cost)",
)
ACTIVITIES_RULE: Final = Rule(
    "pp46.activities",
    f"{_LAMPIRAN}: nilai capaian SKP",
    "Rata-rata nilai capaian kegiatan tugas jabatan",
    "Mean of the kegiatan tugas jabatan values",
)
ADDITIONAL_TASKS_RULE: Final = Rule(
    "pp46.additional_tasks",
    "Perka BKN 1/2013: tugas tambahan",
    "Tugas tambahan: 1\u20133 kegiatan bernilai 1, 4\u20136 bernilai 2, 7 atau lebih bernilai 3",
    "Additional tasks: 1-3 give 1 point, 4-6 give 2, 7 or more give 3",
)
CREATIVITY_RULE: Final = Rule(
    "pp46.creativity",
    "Perka BKN 1/2013: kreativitas",
    "Kreativitas bermanfaat bagi unit kerja 3, organisasi 6, negara 12",
    "Creativity useful to the work unit 3 points, the organisation 6, the state 12",
)
SKP_RULE: Final = Rule(
    "pp46.skp",
    f"{_LAMPIRAN}: nilai capaian SKP",
    "Nilai capaian SKP = rata-rata nilai kegiatan + tugas tambahan + kreativitas",
    "SKP value = mean kegiatan value + additional tasks + creativity",
)
BEHAVIOUR_ASPECT_RULE: Final = Rule(
    "pp46.behaviour_aspect",
    "PP 46/2011 (about Pasal 12): the pejabat penilai rates each aspect 0-100",
    "Nilai aspek perilaku kerja (0\u2013100)",
    "Behaviour aspect value (0-100)",
)
BEHAVIOUR_RULE: Final = Rule(
    "pp46.behaviour",
    "PP 46/2011 (about Pasal 12)",
    "Nilai perilaku kerja = rata-rata nilai aspek "
    "(6 aspek untuk jabatan struktural, 5 untuk lainnya)",
    "Behaviour value = mean of the aspect values (6 aspects for a structural post, 5 otherwise)",
)
FINAL_RULE: Final = Rule(
    "pp46.final",
    "PP 46/2011: unsur SKP 60 % dan perilaku kerja 40 %",
    "Nilai prestasi kerja = bobot SKP \u00d7 nilai SKP + bobot perilaku \u00d7 nilai perilaku",
    "Work performance = SKP weight \u00d7 SKP value + behaviour weight \u00d7 behaviour value",
)
ROUNDING_RULE: Final = Rule(
    "pp46.rounding",
    "convention [MED]: the BKN forms show two decimal places",
    "Dibulatkan; langkah berikutnya memakai nilai yang dibulatkan",
    "Rounded; later steps use the rounded value",
)
WHOLE_NUMBER_RULE: Final = Rule(
    "pp46.whole_number",
    "convention [LOW]: the category table is written for whole numbers",
    "Dibulatkan ke bilangan bulat (setengah ke atas) sebelum sebutan ditentukan",
    "Rounded to a whole number (halves up) before the category is read",
)
CATEGORY_RULE: Final = Rule(
    "pp46.category",
    "PP 46/2011; Perka BKN 1/2013: sebutan",
    "Sebutan: \u2264 50 Buruk; 51\u201360 Kurang; 61\u201375 Cukup; 76\u201390 Baik; "
    "91 ke atas Sangat Baik",
    "Category: up to 50 bad; 51-60 poor; 61-75 fair; 76-90 good; 91 and above very good",
)
RESULT_RULE: Final = Rule(
    "pp46.result",
    "PP 46/2011; Perka BKN 1/2013",
    "Penilaian prestasi kerja PNS",
    "Civil servant work performance appraisal",
)

PP46_2011_CATEGORIES: Final[BandTable[Grade]] = BandTable(
    id="pp46_2011.categories",
    clause="PP 46/2011; Perka BKN 1/2013 (upper bound inclusive, REGULATIONS.md 1.5)",
    labels=(Grade.BAD, Grade.POOR, Grade.FAIR, Grade.GOOD, Grade.VERY_GOOD),
    cuts=(Decimal(50), Decimal(60), Decimal(75), Decimal(90)),
    closed="upper",
)
"""
The sebutan of PP 46/2011 (rule `CATEGORY_RULE`): <= 50 Buruk, (50, 60] Kurang,
(60, 75] Cukup, (75, 90] Baik, > 90 Sangat Baik.
"""

PP46_2011_ADDITIONAL_TASK_POINTS: Final[BandTable[int]] = BandTable(
    id="pp46_2011.additional_tasks",
    clause="Perka BKN 1/2013: tugas tambahan",
    labels=(0, 1, 2, 3),
    cuts=(Decimal(0), Decimal(3), Decimal(6)),
    closed="upper",
)
"""Tugas tambahan points by count (rule `ADDITIONAL_TASKS_RULE`): 0, 1-3, 4-6, 7 or more."""

PP46_2011_CREATIVITY_POINTS: Final[Mapping[InnovationScope, int]] = types.MappingProxyType(
    {InnovationScope.UNIT: 3, InnovationScope.ORGANISATION: 6, InnovationScope.STATE: 12}
)
"""Kreativitas points by who benefits (rule `CREATIVITY_RULE`)."""

# Per aspect, by its index in a kegiatan's slots: the aspect's name, its rule (and the
# rule above 24 % efficiency), the direction it needs, and the Lampiran's names for
# target and realisation.
_SPECS: Final = (
    ("quantity", QUANTITY_RULE, None, Direction.HIGHER_IS_BETTER, "TO", "RO"),
    ("quality", QUALITY_RULE, None, Direction.HIGHER_IS_BETTER, "TK", "RK"),
    ("time", TIME_RULE, TIME_ABOVE_24_RULE, Direction.LOWER_IS_BETTER, "TW", "RW"),
    ("cost", COST_RULE, COST_ABOVE_24_RULE, Direction.LOWER_IS_BETTER, "TB", "RB"),
)
_SLOTS: Final = {Aspect.QUANTITY: 0, Aspect.QUALITY: 1, Aspect.TIME: 2, Aspect.COST: 3}
_REQUIRED: Final = (0, 1, 2)  # quantity, quality and time; cost is optional
_ZERO: Final = Fraction(0)
_WHOLE: Final = Rounding(0, "half_up")

# A kegiatan's (target, realisation) per slot, None for an aspect it does not have.
_Pairs = list[tuple[Decimal, Decimal] | None]

BandConvention: TypeAlias = Literal["upper_inclusive", "round_to_integer"]
"""How `Pp46Regime` reads values between the whole-number rows of the category table."""

CreativityPolicy: TypeAlias = Literal["highest", "sum"]
"""Which innovations' points `Pp46Regime` counts: the highest one's, or their sum."""


def _one_of(*allowed: str) -> Callable[[object, attrs.Attribute[Any], object], None]:
    def check(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value not in allowed:
            raise InvalidValueError(attribute.name, value, f"must be one of {', '.join(allowed)}")

    return check


def _check_weights(_instance: object, attribute: attrs.Attribute[Weights], value: object) -> None:
    if not isinstance(value, Weights) or set(value) != {"work", "behaviour"}:
        reason = "must be Weights of exactly 'work' and 'behaviour'"
        raise InvalidValueError(attribute.name, value, reason)


def _check_rounding(_instance: object, attribute: attrs.Attribute[Rounding], value: object) -> None:
    if not isinstance(value, Rounding):
        raise InvalidValueError(attribute.name, value, "must be a penilaian.Rounding")


def _check_flag(_instance: object, attribute: attrs.Attribute[bool], value: object) -> None:
    if not isinstance(value, bool):
        raise InvalidValueError(attribute.name, value, "must be True or False")


@attrs.frozen(kw_only=True)
class Pp46Regime:
    """
    Scores an appraisal by PP 46/2011 and Perka BKN 1/2013 (regime ``"pp46_2011"``).

    The fields are the policy, each with the documented default; see the module
    docstring for the figures and conventions.

    Attributes:
        weights: SKP (``"work"``) against behaviour (``"behaviour"``); 60/40 by default.
        aggregator: Gives each behaviour aspect's value; the supervisor's rating by default.
        rounding: The rounding at the declared points (kegiatan value, SKP,
            behaviour, final); 2 places, halves up, by default.
        band_convention: How values between the whole-number rows of the category
            table are read: ``"upper_inclusive"`` (default) or ``"round_to_integer"``.
        creativity: With several innovations, count the ``"highest"`` points
            (default) or their ``"sum"``.
        zero_output_zeroes_activity: A kegiatan with realised output 0 scores 0 on
            every aspect (default) rather than by each aspect's formula.
    """

    weights: Weights = attrs.field(default=PP46_2011_COMPONENTS, validator=_check_weights)
    aggregator: RatingAggregator = attrs.field(factory=SupervisorRating)
    rounding: Rounding = attrs.field(default=Rounding(2), validator=_check_rounding)
    band_convention: BandConvention = attrs.field(
        default="upper_inclusive",
        validator=_one_of("upper_inclusive", "round_to_integer"),
    )
    creativity: CreativityPolicy = attrs.field(
        default="highest",
        validator=_one_of("highest", "sum"),
    )
    zero_output_zeroes_activity: bool = attrs.field(default=True, validator=_check_flag)

    @property
    def id(self) -> str:
        """The regime's id, ``"pp46_2011"``."""
        return _REGIME_ID

    def category(self, value: Decimal | Fraction | int) -> Grade:
        """
        Return the sebutan of *value* under this regime's band convention.

        Args:
            value: A nilai capaian SKP, perilaku or prestasi kerja.
        """
        if self.band_convention == "round_to_integer":
            value = _WHOLE.apply(value)
        return PP46_2011_CATEGORIES.classify(value)

    def with_aggregator(self, aggregator: RatingAggregator) -> Pp46Regime:
        """Return this regime with *aggregator* (a `penilaian.WeightingPolicy`, say) for ratings."""
        return attrs.evolve(self, aggregator=aggregator)

    def score(self, appraisal: Appraisal, *, trace: bool = True) -> Result:
        """
        Score *appraisal* by PP 46/2011.

        Args:
            appraisal: The appraisal, with the `penilaian.PP46_2011_BEHAVIOUR` framework.
            trace: Whether to build the trace; the figures are the same either way.

        Returns:
            A complete result, or an incomplete one (no grade, no score, the gaps
            listed) when the aggregator could not form a behaviour value.

        Raises:
            ScoringInputError: listing every problem: a main work target without
                exactly one quantity, quality and time indicator and at most one
                cost indicator, a target that is not a point target, a direction
                other than the aspect's, a missing realisation, no main work target,
                another behaviour framework, a behaviour value outside 0-100, a
                leadership rating for a post that is not structural.
        """
        run = _Run(self, appraisal, trace)
        activities = run.check_targets()
        behaviour = run.behaviour_values()
        if run.problems:
            raise ScoringInputError(run.problems)
        skp, skp_step = run.skp(activities)
        rated = run.behaviour(behaviour)
        if rated is None:
            return run.result(None, [skp_step, *run.steps])
        beh, beh_step = rated
        work, other = self.weights["work"], self.weights["behaviour"]
        exact = work * Fraction(skp) + other * Fraction(beh)
        final_step = None
        if trace:
            final_step = Step.of(
                FINAL_RULE, exact, subject="final", children=[s for s in (skp_step, beh_step) if s],
                work_weight=work, skp=skp, behaviour_weight=other, behaviour=beh,
            )  # fmt: skip
        final, final_step = run.rounded("final", exact, final_step)
        grade, grade_step = run.classify("final", final)
        return run.result(grade, [final_step, grade_step, *run.steps])


class _Run:
    """The state of one scoring: figures, ratings, gaps, problems and loose steps."""

    __slots__ = ("appraisal", "figures", "gaps", "problems", "ratings", "regime", "steps", "trace")

    def __init__(self, regime: Pp46Regime, appraisal: Appraisal, trace: bool) -> None:
        self.regime = regime
        self.appraisal = appraisal
        self.trace = trace
        self.figures: dict[str, Decimal] = {}
        self.ratings: dict[str, str] = {}
        self.gaps: list[Gap] = []
        self.problems: list[Problem] = []
        self.steps: list[Step | None] = []  # category steps, hung under the root

    # -- checking ----------------------------------------------------------------------

    def problem(self, path: str, error: MissingValueError | UnsupportedInputError) -> None:
        self.problems.append(Problem(path, f"{error.reason} (got {error.value!r})", error))

    def check_targets(self) -> list[tuple[WorkTarget, _Pairs]]:
        activities = [
            (target, self.check_activity(t_index, target))
            for t_index, target in enumerate(self.appraisal.targets)
            if target.kind is TargetKind.MAIN
        ]
        if not activities:
            reason = "PP 46/2011 needs at least one kegiatan tugas jabatan (a main work target)"
            self.problem("$.targets", MissingValueError("targets", None, reason))
        return activities

    def check_activity(self, t_index: int, target: WorkTarget) -> _Pairs:
        pairs: _Pairs = [None, None, None, None]
        seen: list[int | None] = [None, None, None, None]
        for i_index, indicator in enumerate(target.indicators):
            slot = _SLOTS[indicator.aspect]
            name, rule, _, direction, _, _ = _SPECS[slot]
            path = f"$.targets[{t_index}].indicators[{i_index}]"
            if seen[slot] is not None:
                reason = (
                    f"kegiatan {target.id} already has a {name} indicator "
                    f"(indicators[{seen[slot]}]); {rule.id} ({rule.clause}) takes one"
                )
                self.problem(f"{path}.aspect", UnsupportedInputError("aspect", name, reason))
                continue
            seen[slot] = i_index
            planned, realisation = indicator.target, indicator.realisation
            usable = True
            if not isinstance(planned, PointTarget):
                reason = f"{rule.id} ({rule.clause}) needs a point target"
                self.problem(f"{path}.target", UnsupportedInputError("target", planned, reason))
                usable = False
            if indicator.direction is not direction:
                reason = f"{rule.id} ({rule.clause}) needs direction {direction.value}"
                error = UnsupportedInputError("direction", indicator.direction.value, reason)
                self.problem(f"{path}.direction", error)
                usable = False
            if realisation is None:
                reason = f"{rule.id} ({rule.clause}) needs the realisation; missing is not 0"
                self.problem(f"{path}.realisation", MissingValueError("realisation", None, reason))
            elif usable and isinstance(planned, PointTarget) and realisation.value is not None:
                # A point target's realisation always has a value (Indicator checks it).
                pairs[slot] = (planned.value, realisation.value)
        for slot in _REQUIRED:
            if seen[slot] is None:
                name, rule = _SPECS[slot][:2]
                reason = f"kegiatan {target.id} has no {name} indicator; {rule.id} ({rule.clause})"
                path = f"$.targets[{t_index}].indicators"
                self.problem(path, MissingValueError("indicators", name, f"{reason} needs one"))
        return pairs

    def behaviour_values(self) -> list[tuple[BehaviourAspect, Fraction | None, Step | None]]:
        appraisal = self.appraisal
        framework = appraisal.framework
        if framework is not PP46_2011_BEHAVIOUR and framework != PP46_2011_BEHAVIOUR:
            reason = f"{BEHAVIOUR_RULE.clause} rates the {PP46_2011_BEHAVIOUR.id} behaviour aspects"
            self.problem("$.framework", UnsupportedInputError("framework", framework.id, reason))
            return []
        aspects = framework.aspects_for(appraisal.position.kind)
        if len(aspects) < len(framework.aspects):
            self.check_unused_ratings(aspects)
        values: list[tuple[BehaviourAspect, Fraction | None, Step | None]] = []
        for aspect in aspects:
            try:
                aggregate = self.regime.aggregator(appraisal, aspect.id, trace=self.trace)
            except ScoringInputError as error:
                self.problems.extend(error.problems)
                continue
            value = aggregate.value
            if value is None:
                reason = f"no value for behaviour aspect {aspect.id}"
                self.gaps.append(aggregate.gap or Gap("$.ratings", reason))
            elif not 0 <= value <= 100:
                rule = BEHAVIOUR_ASPECT_RULE
                reason = f"{rule.id} ({rule.clause}) needs {aspect.id} between 0 and 100"
                off = UnsupportedInputError("score", value, reason)
                self.problem(self.rating_path(aspect.id), off)
            values.append((aspect, value, aggregate.step))
        return values

    def check_unused_ratings(self, aspects: tuple[BehaviourAspect, ...]) -> None:
        used = {aspect.id for aspect in aspects}
        unused = {aspect.id for aspect in self.appraisal.framework.aspects} - used
        kind = self.appraisal.position.kind
        for index, rating in enumerate(self.appraisal.ratings):
            if rating.subject in unused:
                reason = (
                    f"{BEHAVIOUR_RULE.id} ({BEHAVIOUR_RULE.clause}): {rating.subject} is rated "
                    f"only for jabatan struktural, not {kind.value}"
                )
                error = UnsupportedInputError("subject", rating.subject, reason)
                self.problem(f"$.ratings[{index}].subject", error)

    def rating_path(self, subject: str) -> str:
        indexes = [index for index, _ in self.appraisal.ratings_by_subject.get(subject, ())]
        return f"$.ratings[{indexes[0]}].score" if len(indexes) == 1 else "$.ratings"

    # -- scoring -----------------------------------------------------------------------

    def figure(self, key: str, value: Fraction) -> None:
        self.figures[key] = figure(value)

    def rounded(self, key: str, exact: Fraction, step: Step | None) -> tuple[Decimal, Step | None]:
        rounding = self.regime.rounding
        rounded = rounding.apply(exact)
        self.figures[key] = rounded
        if self.trace:
            # The child step already wrote the exact value; reuse its text.
            shown = step.output if step else exact
            step = Step.of(
                ROUNDING_RULE, rounded, subject=key, children=(step,) if step else (),
                value=shown, places=rounding.places, mode=rounding.mode,
            )  # fmt: skip
        return rounded, step

    def classify(self, key: str, value: Decimal | Fraction) -> tuple[Grade, Step | None]:
        children: tuple[Step, ...] = ()
        if self.regime.band_convention == "round_to_integer":
            whole = _WHOLE.apply(value)
            self.figures[f"{key}.whole"] = whole
            if self.trace:
                children = (Step.of(WHOLE_NUMBER_RULE, whole, subject=f"{key}.whole", value=value),)
            value = whole
        grade = PP46_2011_CATEGORIES.classify(value)
        step = None
        if self.trace:
            step = Step.of(
                CATEGORY_RULE, grade, subject=key, children=children,
                value=value, table=PP46_2011_CATEGORIES.id,
            )  # fmt: skip
        return grade, step

    def rate(self, key: str, value: Decimal | Fraction) -> None:
        grade, step = self.classify(key, value)
        self.ratings[key] = grade.value
        self.steps.append(step)

    def activity(self, target: WorkTarget, pairs: _Pairs) -> tuple[Decimal, Step | None]:
        prefix = f"activity[{target.id}]"
        output = pairs[0][1] if pairs[0] is not None else None  # always there once checked
        zero = self.regime.zero_output_zeroes_activity and output == 0
        total, count = _ZERO, 0
        steps: list[Step] = []
        for (name, formula, above_24, _, target_name, realised_name), pair in zip(
            _SPECS, pairs, strict=True
        ):
            if pair is None:
                continue
            count += 1
            planned, realised = pair
            rule, efficiency = formula, None
            if zero:
                rule, value = ZERO_OUTPUT_RULE, _ZERO
            else:
                ratio = Fraction(realised) / Fraction(planned)
                if above_24 is None:
                    value = ratio * 100
                else:
                    # ((1.76 x T - R) / T) x 100 is (1.76 - R / T) x 100, exactly.
                    efficiency = 100 - ratio * 100
                    value = (PP46_2011_TIME_COST_FACTOR - ratio) * 100
                    if efficiency > PP46_2011_EFFICIENCY_LIMIT:
                        rule, value = above_24, 76 - (value - 100)
            key = f"{prefix}.{name}"
            self.figure(key, value)
            total += value
            if self.trace:
                inputs: dict[str, object] = {target_name: planned, realised_name: realised}
                if zero:
                    inputs = {"RO": output}
                elif efficiency is not None:
                    inputs["efficiency"] = efficiency
                steps.append(Step.from_mapping(rule, value, inputs, subject=key))
        exact = total / count
        step = None
        if self.trace:
            step = Step.of(
                ACTIVITY_RULE, exact, subject=f"{prefix}.value", children=steps,
                total=total, aspects=count,
            )  # fmt: skip
        return self.rounded(f"{prefix}.value", exact, step)

    def skp(self, activities: list[tuple[WorkTarget, _Pairs]]) -> tuple[Decimal, Step | None]:
        regime, trace = self.regime, self.trace
        scored = [self.activity(target, pairs) for target, pairs in activities]
        total = sum((Fraction(value) for value, _ in scored), _ZERO)
        mean = total / len(scored)
        self.figure("activities", mean)
        # Tugas tambahan: every additional work target counts once.
        count = sum(target.kind is TargetKind.ADDITIONAL for target in self.appraisal.targets)
        additional = PP46_2011_ADDITIONAL_TASK_POINTS.classify(count)
        self.figures["additional_tasks"] = Decimal(additional)
        # Kreativitas: points by who benefits; the highest, or the sum, by policy.
        scopes = [innovation.scope for innovation in self.appraisal.innovations]
        points = [PP46_2011_CREATIVITY_POINTS[scope] for scope in scopes]
        creativity = sum(points) if regime.creativity == "sum" else max(points, default=0)
        self.figures["creativity"] = Decimal(creativity)
        exact = mean + additional + creativity
        step = None
        if trace:
            mean_step = Step.of(
                ACTIVITIES_RULE, mean, subject="activities",
                children=[step for _, step in scored if step], total=total, count=len(scored),
            )  # fmt: skip
            additional_step = Step.of(
                ADDITIONAL_TASKS_RULE, additional, subject="additional_tasks",
                count=count, table=PP46_2011_ADDITIONAL_TASK_POINTS.id,
            )  # fmt: skip
            shown = {f"innovations[{index}]": scope for index, scope in enumerate(scopes)}
            creativity_step = Step.from_mapping(
                CREATIVITY_RULE, creativity, {**shown, "policy": regime.creativity},
                subject="creativity",
            )  # fmt: skip
            step = Step.of(
                SKP_RULE, exact, subject="skp",
                children=(mean_step, additional_step, creativity_step),
                activities=mean_step.output, additional_tasks=additional, creativity=creativity,
            )  # fmt: skip
        skp, step = self.rounded("skp", exact, step)
        self.rate("skp", skp)
        return skp, step

    def behaviour(
        self, values: list[tuple[BehaviourAspect, Fraction | None, Step | None]]
    ) -> tuple[Decimal, Step | None] | None:
        found: list[Fraction] = []
        steps: list[Step] = []
        for aspect, value, aggregate_step in values:
            if value is None:
                continue
            key = f"behaviour[{aspect.id}]"
            self.figure(key, value)
            found.append(value)
            if self.trace:
                children = (aggregate_step,) if aggregate_step else ()
                steps.append(Step.of(BEHAVIOUR_ASPECT_RULE, value, subject=key, children=children))
            self.rate(key, value)
        if self.gaps:
            self.steps[:0] = steps
            return None
        total = sum(found, _ZERO)
        exact = total / len(found)
        step = None
        if self.trace:
            step = Step.of(
                BEHAVIOUR_RULE, exact, subject="behaviour", children=steps,
                total=total, aspects=len(found),
            )  # fmt: skip
        beh, step = self.rounded("behaviour", exact, step)
        self.rate("behaviour", beh)
        return beh, step

    def result(self, grade: Grade | None, steps: list[Step | None]) -> Result:
        score = self.figures.get("final") if grade is not None else None
        root = None
        if self.trace:
            root = Step.of(
                RESULT_RULE, grade, subject=self.appraisal.id,
                children=[step for step in steps if step], final=score,
            )  # fmt: skip
        return Result(
            _REGIME_ID,
            self.appraisal.id,
            grade=grade,
            score=score,
            figures=self.figures,
            ratings=self.ratings,
            gaps=self.gaps,
            trace=root,
        )
