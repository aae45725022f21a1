"""
The generic regime: weighted components and bands that any organisation configures.

Not tied to a regulation.  A `GenericRegime` adds up weighted `Component` values,
each either the mean achievement of work indicators (`WorkAchievement`, in percent,
by the same formula as PermenPANRB 8/2021) or the mean of rated subjects rescaled to
0-100 on their scale (`RatedSubjects`), and maps the total to a label by a
`penilaian.model.BandTable` whose labels may be `penilaian.Grade` members or any text.

A rated component nobody rated is handled by the regime's ``missing`` policy:
`penilaian.policy.Require` (no score, the default), `penilaian.policy.Renormalise` or
`WeightsByPresence` (see `penilaian.regimes._generic_missing`).

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
    callable_value,
    instance_of,
    items_of,
    non_empty,
    unique_ids,
)
from penilaian._base.rounding import Rounding, figure
from penilaian._base.trace import Gap, Rule, Step, deferred_step
from penilaian.exceptions import (
    InvalidValueError,
    MissingValueError,
    Problem,
    UnsupportedInputError,
)
from penilaian.model.grades import BandTable, Grade
from penilaian.model.raters import NumericScale
from penilaian.policy.aggregation import Require
from penilaian.policy.supervisor import SupervisorRating
from penilaian.policy.weights import Weights
from penilaian.regimes._generic_kernel import score_plain
from penilaian.regimes._generic_missing import (
    MISSING_COMPONENT_POLICY,
    MissingComponentPolicy,
    WeightsByPresence,
    check_rows,
    policy_step,
    settle,
)
from penilaian.regimes._generic_parts import Component, RatedSubjects, WorkAchievement
from penilaian.scoring.achievement import achievement_step, achievements
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
    "MissingComponentPolicy",
    "RatedSubjects",
    "WeightsByPresence",
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
        missing: What a rated component nobody rated gets (no rating of any of its
            subjects): `penilaian.policy.Require` (the default: no score),
            `penilaian.policy.Renormalise` or a `WeightsByPresence` table.

    Raises:
        InvalidValueError: naming the field, for a value of the wrong kind, no
            component, repeated component ids, weights of other components, or a
            table row naming other components or every component.
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
    missing: MissingComponentPolicy = attrs.field(
        factory=Require, kw_only=True, validator=MISSING_COMPONENT_POLICY
    )

    @missing.validator
    def _check_missing(
        self, _attribute: attrs.Attribute[MissingComponentPolicy], value: MissingComponentPolicy
    ) -> None:
        check_rows(value, [component.id for component in self.components])

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
        # The plain case in integers; the trace, when asked for, is built when first read.
        deferred = deferred_step(lambda: self._run(appraisal, trace=True).trace) if trace else None
        plain = score_plain(self, appraisal, deferred)
        return plain if plain is not None else self._run(appraisal, trace=trace)

    def _run(self, appraisal: Appraisal, *, trace: bool) -> Result:
        """Score *appraisal* by the full run: every problem, gap and note, and the trace."""
        run = _GenericRun(appraisal, trace, regime=self)
        values = {component.id: run.component(component) for component in self.components}
        run.raise_problems()
        if run.gaps:
            return run.result(self.id)
        exact = {name: value for name, value in values.items() if value is not None}
        weights = run.weights_used(list(exact))
        if weights is None:
            return run.result(self.id)
        total = sum((weights[name] * exact[name] for name in exact), Fraction(0))
        score = total if self.rounding is None else Fraction(self.rounding.apply(total))
        run.figure("score", score)
        if self.rounding is not None:
            run.figures["score"] = self.rounding.apply(total)  # keep the declared places
        label = self.bands.classify(score)
        band = label.value if isinstance(label, Grade) else str(label)
        run.ratings["band"] = band
        grade = label if isinstance(label, Grade) else None
        root = run.root(weights, total, score, band)
        return run.result(self.id, grade, run.figures["score"], root)


@attrs.define(slots=True)
class _GenericRun(Run):
    """The shared run, with the regime being applied and its components' steps."""

    regime: GenericRegime = attrs.field(kw_only=True)
    absent: list[str] = attrs.field(factory=list, kw_only=True)

    def figure(self, key: str, value: Fraction) -> None:
        self.figures[key] = figure(value)

    def component(self, component: Component) -> Fraction | None:
        source = component.source
        if isinstance(source, WorkAchievement):
            values, steps = self._work(source, component.id)
        else:
            values, steps = self._rated(source, component.id)
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

    def _rated(self, source: RatedSubjects, name: str) -> tuple[list[Fraction] | None, list[Step]]:
        appraisal = self.appraisal
        subjects: Sequence[str] = (
            source.subjects
            if source.subjects is not None
            else [aspect.id for aspect in appraisal.framework.aspects_for(appraisal.position.kind)]
        )
        values: list[Fraction] = []
        steps: list[Step] = []
        gaps: list[Gap] = []
        if not subjects:
            reason = "no subject applies to average (the framework has no aspect for the post)"
            missing = MissingValueError("subjects", None, reason)
            self.problems.append(Problem("$.framework", reason, missing))
        for subject in subjects:
            aggregate = self.regime.aggregator(appraisal, subject, trace=self.trace)
            if aggregate.value is None:
                gaps.append(aggregate.gap or Gap("$.ratings", f"no value for {subject}"))
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
        if gaps and len(gaps) == len(subjects) and self._unrated(subjects):
            self.absent.append(name)
            return None, steps
        self.gaps += gaps
        complete = len(values) == len(subjects) and values
        return (values if complete else None), steps

    def _unrated(self, subjects: Sequence[str]) -> bool:
        """Whether a component over *subjects* is left to the missing-component policy."""
        if isinstance(self.regime.missing, Require):
            return False
        wanted = set(subjects)
        return not any(rating.subject in wanted for rating in self.appraisal.ratings)

    def weights_used(self, present: list[str]) -> Weights | None:
        """The weights of the *present* components, or `None` with a gap saying why."""
        return settle(self, self.regime.missing, self.regime.weights, present, self.absent)

    def root(self, used: Weights, total: Fraction, score: Fraction, band: str) -> Step | None:
        if not self.trace:
            return None
        weights = {f"weight[{name}]": share for name, share in used.shares.items()}
        children = self.steps
        if self.absent:
            children = [*children, policy_step(self.regime.missing, self.regime.weights, used,
                                               self.absent)]  # fmt: skip
        node = Step.from_mapping(_SUM_RULE, total, weights, children=children)
        if self.regime.rounding is not None:
            node = Step.of(
                _ROUND_RULE, score, children=(node,), to=self.regime.rounding.describe("en")
            )
        return Step.of(_BAND_RULE, band, children=(node,), table=self.regime.bands.id, score=score)
