"""
The generic regime: weighted components and bands that any organisation configures.

Not tied to a regulation.  A `GenericRegime` adds up weighted `Component` values,
each either the mean achievement of work indicators (`WorkAchievement`, in percent,
by the same formula as PermenPANRB 8/2021) or the mean of rated subjects rescaled to
0-100 on their scale (`RatedSubjects`), and maps the total to a label by a
`penilaian.model.BandTable` whose labels may be `penilaian.Grade` members or any text.

Figures: ``indicator[<id>].achievement``, ``subject[<id>]`` (rescaled),
``component[<id>]``, ``score``.  Ratings: ``band`` (the label's id or text).
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any, Final

import attrs

from penilaian._base.checks import (
    TUPLE,
    as_tuple,
    callable_value,
    instance_of,
    items_of,
    non_empty,
    unique_ids,
)
from penilaian._base.rounding import Rounding, figure
from penilaian._base.trace import Gap, Rule, Step
from penilaian.exceptions import (
    InvalidValueError,
    MissingValueError,
    Problem,
    UnsupportedInputError,
)
from penilaian.model.grades import BandTable, Grade
from penilaian.model.raters import NumericScale
from penilaian.model.targets import TargetKind
from penilaian.policy.supervisor import SupervisorRating
from penilaian.policy.weights import Weights
from penilaian.scoring.achievement import achievement_step, achievements, check_kinds
from penilaian.scoring.run import Run
from penilaian.typing import RatingAggregator

if TYPE_CHECKING:
    from collections.abc import Sequence

    from penilaian.model.appraisal import Appraisal
    from penilaian.scoring.result import Result

__all__ = [
    "GENERIC_DEFAULT_BANDS",
    "Component",
    "GenericRegime",
    "RatedSubjects",
    "WorkAchievement",
]

_HUNDRED: Final = Fraction(100)

_CAP_RULE: Final = Rule(
    "generic.cap", "configuration", "Capaian dibatasi", "Achievement capped at the configured cap"
)
_MEAN_RULE: Final = Rule("generic.mean", "configuration", "Rata-rata", "Mean")
_RESCALE_RULE: Final = Rule(
    "generic.rescale",
    "configuration",
    "Nilai diskalakan ke 0-100: (nilai \u2212 min) / (maks \u2212 min) \u00d7 100",
    "Rescaled to 0-100: (value \u2212 min) / (max \u2212 min) \u00d7 100",
)
_SUM_RULE: Final = Rule(
    "generic.score",
    "configuration",
    "Nilai = \u03a3 bobot \u00d7 komponen",
    "Score = \u03a3 weight \u00d7 component",
)
_ROUND_RULE: Final = Rule("generic.rounding", "configuration", "Pembulatan", "Rounding")
_BAND_RULE: Final = Rule(
    "generic.band", "configuration", "Kategori menurut tabel", "Band from the table"
)


@attrs.frozen
class WorkAchievement:
    """
    The mean achievement, in percent, of the indicators of some work targets.

    Attributes:
        kinds: Which work targets count (main only, by default).
        cap: The highest achievement an indicator counts with (`None`: no cap).
    """

    kinds: tuple[TargetKind, ...] = attrs.field(
        default=(TargetKind.MAIN,), converter=TUPLE, validator=check_kinds
    )
    cap: Fraction | None = attrs.field(
        default=Fraction(120),
        validator=instance_of(Fraction, int, type(None), expected="a Fraction, an int or None"),
    )


def _subjects(value: object) -> tuple[str, ...] | None:
    if value is None:
        return None
    subjects = as_tuple(value, "subjects")
    if not all(isinstance(subject, str) and subject.strip() for subject in subjects):
        raise InvalidValueError("subjects", value, "must be non-empty subject ids, or None")
    return subjects


@attrs.frozen
class RatedSubjects:
    """
    The mean of rated subjects, each combined by the regime's aggregator and rescaled to 0-100.

    Attributes:
        subjects: The subjects (behaviour aspects, overall ratings); `None` means
            every aspect of the appraisal's framework that applies to the position.
    """

    subjects: tuple[str, ...] | None = attrs.field(default=None, converter=_subjects)


@attrs.frozen
class Component:
    """
    One weighted part of a generic score.

    Attributes:
        id: Its name, which the regime's weights use.
        source: Where its value comes from.
    """

    id: str = attrs.field(validator=non_empty)
    source: WorkAchievement | RatedSubjects = attrs.field(
        validator=instance_of(
            WorkAchievement, RatedSubjects, expected="a WorkAchievement or RatedSubjects"
        )
    )


GENERIC_DEFAULT_BANDS: Final[BandTable[Grade]] = BandTable(
    id="generic.default",
    clause="penilaian default (not a regulation)",
    labels=(Grade.VERY_POOR, Grade.POOR, Grade.NEEDS_IMPROVEMENT, Grade.GOOD, Grade.VERY_GOOD),
    cuts=(Decimal(50), Decimal(70), Decimal(90), Decimal(110)),
    closed="lower",
)
"""A neutral default on a 0-120 scale: <50, 50-70, 70-90, 90-110, >=110."""


@attrs.frozen
class GenericRegime:
    """
    A configurable weighted model for organisations outside these regulations.

    Attributes:
        components: The parts of the score; ids unique.
        weights: One weight per component id, exact, summing to 1.
        bands: The table from score to label.
        aggregator: How several ratings of one subject become one value.
        rounding: The rounding of the score before banding (`None`: exact).
        regime_id: The id results carry (``"generic"`` unless renamed).

    Raises:
        InvalidValueError: naming the field, for a value of the wrong kind, no
            component, repeated component ids, or weights of other components.
    """

    components: tuple[Component, ...] = attrs.field(
        converter=TUPLE, validator=items_of(Component, expected="a Component")
    )
    weights: Weights = attrs.field(validator=instance_of(Weights, expected="a penilaian.Weights"))
    bands: BandTable[Any] = attrs.field(
        default=GENERIC_DEFAULT_BANDS, validator=instance_of(BandTable, expected="a BandTable")
    )
    aggregator: RatingAggregator = attrs.field(
        factory=SupervisorRating,
        validator=callable_value("a rating aggregator (a penilaian.typing.RatingAggregator)"),
    )
    rounding: Rounding | None = attrs.field(
        factory=Rounding,
        validator=instance_of(Rounding, type(None), expected="a penilaian.Rounding or None"),
    )
    regime_id: str = attrs.field(default="generic", validator=non_empty)

    @components.validator
    def _check_components(
        self, attribute: attrs.Attribute[tuple[Component, ...]], value: tuple[Component, ...]
    ) -> None:
        if not value:
            raise InvalidValueError(attribute.name, value, "needs at least one component")
        unique_ids(attribute.name, value)

    @weights.validator
    def _check_weights(self, attribute: attrs.Attribute[Weights], value: Weights) -> None:
        ids = {component.id for component in self.components}
        if set(value) != ids:
            reason = f"must weigh exactly the components {sorted(ids)}"
            raise InvalidValueError(attribute.name, sorted(value), reason)

    @classmethod
    def default(cls) -> GenericRegime:
        """Work achievement 70 %, behaviour 30 %, the default bands: a neutral starting point."""
        return cls(
            components=(
                Component("work", WorkAchievement()),
                Component("behaviour", RatedSubjects()),
            ),
            weights=Weights({"work": Fraction(7, 10), "behaviour": Fraction(3, 10)}),
        )

    @property
    def id(self) -> str:
        """The id results carry."""
        return self.regime_id

    def with_aggregator(self, aggregator: RatingAggregator) -> GenericRegime:
        """Return this regime with *aggregator* (a `penilaian.WeightingPolicy`, say) for ratings."""
        return attrs.evolve(self, aggregator=aggregator)

    def score(self, appraisal: Appraisal, *, trace: bool = True) -> Result:
        """
        Score *appraisal* by the configured components, weights and bands.

        Raises:
            ScoringInputError: for indicators without a realised value or with a
                qualitative target, and subjects rated on ordinal scales.
        """
        run = _GenericRun(appraisal, trace, regime=self)
        values = {component.id: run.component(component) for component in self.components}
        run.raise_problems()
        if run.gaps:
            return run.result(self.id)
        exact = {name: value for name, value in values.items() if value is not None}
        total = sum((self.weights[name] * exact[name] for name in exact), Fraction(0))
        score = total if self.rounding is None else Fraction(self.rounding.apply(total))
        run.figure("score", score)
        if self.rounding is not None:
            run.figures["score"] = self.rounding.apply(total)  # keep the declared places
        label = self.bands.classify(score)
        band = label.value if isinstance(label, Grade) else str(label)
        run.ratings["band"] = band
        grade = label if isinstance(label, Grade) else None
        return run.result(self.id, grade, run.figures["score"], run.root(total, score, band))


@attrs.define(slots=True)
class _GenericRun(Run):
    """The shared run, with the regime being applied and its components' steps."""

    regime: GenericRegime = attrs.field(kw_only=True)

    def figure(self, key: str, value: Fraction) -> None:
        self.figures[key] = figure(value)

    def component(self, component: Component) -> Fraction | None:
        source = component.source
        if isinstance(source, WorkAchievement):
            values, steps = self._work(source, component.id)
        else:
            values, steps = self._rated(source)
        if values is None:
            return None
        mean = sum(values, Fraction(0)) / len(values)
        self.figure(f"component[{component.id}]", mean)
        if self.trace:
            self.steps.append(Step.of(_MEAN_RULE, mean, subject=component.id, children=steps))
        return mean

    def _work(self, source: WorkAchievement, name: str) -> tuple[list[Fraction] | None, list[Step]]:
        values: list[Fraction] = []
        steps: list[Step] = []
        found, problems = achievements(self.appraisal, source.kinds, f"component {name}")
        self.problems += problems
        for indicator, value in found:
            self.figure(f"indicator[{indicator.id}].achievement", value)
            counted = value if source.cap is None else min(value, source.cap)
            values.append(counted)
            if self.trace:
                step = achievement_step(indicator, value)
                if counted != value:
                    step = Step.of(_CAP_RULE, counted, subject=indicator.id, children=(step,),
                                   cap=source.cap)  # fmt: skip
                steps.append(step)
        if not values and not problems:
            reason = f"{name}: no indicators of kind {', '.join(k.value for k in source.kinds)}"
            self.problems.append(
                Problem("$.targets", reason, MissingValueError("targets", None, reason))
            )
        return (values or None), steps

    def _rated(self, source: RatedSubjects) -> tuple[list[Fraction] | None, list[Step]]:
        appraisal = self.appraisal
        subjects: Sequence[str] = (
            source.subjects
            if source.subjects is not None
            else [aspect.id for aspect in appraisal.framework.aspects_for(appraisal.position.kind)]
        )
        values: list[Fraction] = []
        steps: list[Step] = []
        if not subjects:
            reason = "no subject applies to average (the framework has no aspect for the post)"
            missing = MissingValueError("subjects", None, reason)
            self.problems.append(Problem("$.framework", reason, missing))
        for subject in subjects:
            aggregate = self.regime.aggregator(appraisal, subject, trace=self.trace)
            if aggregate.value is None:
                self.gaps.append(aggregate.gap or Gap("$.ratings", f"no value for {subject}"))
                continue
            scale = appraisal.scale(aggregate.scale_id) if aggregate.scale_id else None
            if not isinstance(scale, NumericScale):
                reason = f"{subject} needs ratings on a numeric scale"
                error = UnsupportedInputError("scale_id", aggregate.scale_id, reason)
                self.problems.append(Problem("$.ratings", reason, error))
                continue
            low, high = Fraction(scale.minimum), Fraction(scale.maximum)
            rescaled = (aggregate.value - low) / (high - low) * _HUNDRED
            self.figure(f"subject[{subject}]", rescaled)
            values.append(rescaled)
            if self.trace:
                children = (aggregate.step,) if aggregate.step else ()
                steps.append(
                    Step.of(_RESCALE_RULE, rescaled, subject=subject, children=children,
                            value=aggregate.value, min=low, max=high)
                )  # fmt: skip
        complete = len(values) == len(subjects) and values
        return (values if complete else None), steps

    def root(self, total: Fraction, score: Fraction, band: str) -> Step | None:
        if not self.trace:
            return None
        weights = {f"weight[{name}]": share for name, share in self.regime.weights.shares.items()}
        node = Step.from_mapping(_SUM_RULE, total, weights, children=self.steps)
        if self.regime.rounding is not None:
            node = Step.of(
                _ROUND_RULE, score, children=(node,), to=self.regime.rounding.describe("en")
            )
        return Step.of(_BAND_RULE, band, children=(node,), table=self.regime.bands.id, score=score)
