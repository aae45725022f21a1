"""
One scoring by PP 46/2011: the public rule functions composed, with figures and trace.

`Pp46Run` takes what `penilaian.regimes.pp46_2011.checks.check_appraisal` read and
applies the functions of `penilaian.regimes.pp46_2011.rules` in the Lampiran's order,
rounding at the declared points and writing every figure, sebutan and step.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Final

import attrs

from penilaian._base.rounding import Rounding, figure
from penilaian._base.trace import Step
from penilaian.model.targets import TargetKind
from penilaian.policy.weights import Weights
from penilaian.regimes.pp46_2011.rules import (
    PP46_2011_ACTIVITY_ASPECTS,
    BandConvention,
    CreativityPolicy,
    RoundingPoints,
    activities_value,
    activity_value,
    additional_task_points,
    behaviour_value,
    category,
    creativity_points,
    efficiency,
    exceeds_efficiency_limit,
    final_value,
    skp_value,
    time_cost_value,
    whole_value,
)
from penilaian.regimes.pp46_2011.tables import (
    ACTIVITIES_RULE,
    ACTIVITY_RULE,
    ADDITIONAL_TASKS_RULE,
    BEHAVIOUR_ASPECT_RULE,
    BEHAVIOUR_RULE,
    CATEGORY_RULE,
    CREATIVITY_RULE,
    FINAL_RULE,
    OUTPUT_ROUNDING_RULE,
    PP46_2011_ADDITIONAL_TASK_POINTS,
    PP46_2011_CATEGORIES,
    RESULT_RULE,
    ROUNDING_RULE,
    SKP_RULE,
    WHOLE_NUMBER_RULE,
    ZERO_OUTPUT_RULE,
)
from penilaian.scoring.run import Run

if TYPE_CHECKING:
    from penilaian.model.grades import Grade
    from penilaian.regimes.pp46_2011.checks import Activity, BehaviourValue, CheckedAppraisal
    from penilaian.regimes.pp46_2011.tables import ActivityAspect
    from penilaian.scoring.result import Result

__all__ = ["REGIME_ID", "Pp46Run"]

REGIME_ID: Final = "pp46_2011"
"""The regime's id, in every result it gives."""

_ZERO: Final = Fraction(0)


@attrs.define(slots=True)
class Pp46Run(Run):
    """
    The state of one scoring by PP 46/2011: the shared scaffold and the regime's conventions.

    Attributes:
        weights: SKP (``"work"``) against behaviour (``"behaviour"``).
        rounding: The rounding at the declared points.
        band_convention: How the category table is read.
        creativity: Which innovations' points count.
        zero_output_zeroes_activity: Whether a kegiatan with output 0 scores 0.
        rounding_points: Whether later steps use the rounded values (``"as_bkn_forms"``)
            or the unrounded ones (``"outputs_only"``).
    """

    weights: Weights = attrs.field(kw_only=True)
    rounding: Rounding = attrs.field(kw_only=True)
    band_convention: BandConvention = attrs.field(kw_only=True)
    creativity: CreativityPolicy = attrs.field(kw_only=True)
    zero_output_zeroes_activity: bool = attrs.field(kw_only=True)
    rounding_points: RoundingPoints = attrs.field(kw_only=True)

    def score(self, checked: CheckedAppraisal) -> Result:
        """
        Score what `check_appraisal` read from this run's appraisal.

        Raises:
            ScoringInputError: listing every problem *checked* holds.
        """
        self.problems.extend(checked.problems)
        self.raise_problems()
        self.gaps.extend(checked.gaps)
        skp, skp_step = self.skp(checked.activities)
        rated = self.behaviour(checked.behaviour)
        if rated is None:
            return self.finish(None, (skp_step,))
        beh, beh_step = rated
        exact = final_value(skp, beh, self.weights)
        final_step = None
        if self.trace:
            work, other = self.weights["work"], self.weights["behaviour"]
            final_step = Step.of(
                FINAL_RULE, exact, subject="final", children=[s for s in (skp_step, beh_step) if s],
                work_weight=work, skp=skp, behaviour_weight=other, behaviour=beh,
            )  # fmt: skip
        final, final_step = self.rounded("final", exact, final_step)
        grade, grade_step = self.classify("final", final)
        return self.finish(grade, (final_step, grade_step))

    def finish(self, grade: Grade | None, steps: tuple[Step | None, ...]) -> Result:
        """Return the result, its root step over *steps* and the loose category steps."""
        score = self.figures.get("final") if grade is not None else None
        root = None
        if self.trace:
            root = Step.of(
                RESULT_RULE, grade, subject=self.appraisal.id,
                children=[step for step in (*steps, *self.steps) if step], final=score,
            )  # fmt: skip
        return self.result(REGIME_ID, grade, score, root)

    # -- rounding and sebutan ----------------------------------------------------------

    def rounded(self, key: str, exact: Fraction, step: Step | None) -> tuple[Decimal, Step | None]:
        """Round *exact* at a declared point, write it as figure *key*, and wrap *step*."""
        rounding = self.rounding
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

    def carried(
        self, key: str, exact: Fraction, step: Step | None
    ) -> tuple[Decimal | Fraction, Decimal, Step | None]:
        """
        Write figure *key* rounded; return the value later steps use, the figure, and the step.

        As the BKN forms do, later steps use the rounded figure (its rounding step wraps
        *step*); with ``rounding_points="outputs_only"`` they use *exact* and *step*,
        and the rounding for display hangs under the root.
        """
        if self.rounding_points == "as_bkn_forms":
            rounded, step = self.rounded(key, exact, step)
            return rounded, rounded, step
        rounding = self.rounding
        rounded = self.figures[key] = rounding.apply(exact)
        if self.trace:
            shown = step.output if step else exact
            display = Step.of(
                OUTPUT_ROUNDING_RULE, rounded, subject=key,
                value=shown, places=rounding.places, mode=rounding.mode,
            )  # fmt: skip
            self.steps.append(display)
        return exact, rounded, step

    def classify(self, key: str, value: Decimal | Fraction) -> tuple[Grade, Step | None]:
        """Return the sebutan of figure *key* and its step, writing ``<key>.whole`` if read."""
        children: tuple[Step, ...] = ()
        if self.band_convention == "round_to_integer":
            whole = whole_value(value)
            self.figures[f"{key}.whole"] = whole
            if self.trace:
                children = (Step.of(WHOLE_NUMBER_RULE, whole, subject=f"{key}.whole", value=value),)
            value = whole
        grade = category(value)
        step = None
        if self.trace:
            step = Step.of(
                CATEGORY_RULE, grade, subject=key, children=children,
                value=value, table=PP46_2011_CATEGORIES.id,
            )  # fmt: skip
        return grade, step

    def rate(self, key: str, value: Decimal | Fraction) -> None:
        """Write the sebutan of figure *key* as rating *key*; its step hangs under the root."""
        grade, step = self.classify(key, value)
        self.ratings[key] = grade.value
        if step is not None:
            self.steps.append(step)

    # -- nilai capaian SKP -------------------------------------------------------------

    def activity(self, activity: Activity) -> tuple[Decimal | Fraction, Step | None]:
        """Return the nilai capaian kegiatan later steps use, writing its aspect values."""
        prefix = f"activity[{activity.target.id}]"
        pairs = activity.pairs
        output = pairs[0][1] if pairs[0] is not None else None  # always there once checked
        zero = self.zero_output_zeroes_activity and output == 0
        values: list[Fraction] = []
        steps: list[Step] = []
        for row, pair in zip(PP46_2011_ACTIVITY_ASPECTS, pairs, strict=True):
            if pair is None:
                continue
            planned, realised = pair
            found = None
            if zero:
                value = _ZERO
            elif row.above_limit_rule is None:
                value = row.formula(planned, realised)
            else:  # row.formula is efficiency, then time_cost_value: keep the efficiency
                found = efficiency(planned, realised)
                value = time_cost_value(found)
            key = f"{prefix}.{row.name}"
            self.figures[key] = figure(value)
            values.append(value)
            if self.trace:
                steps.append(
                    _aspect_step(
                        row, key, value, pair, found=found, zero_output=output if zero else None
                    )
                )
        exact = activity_value(values)
        step = None
        if self.trace:
            step = Step.of(
                ACTIVITY_RULE, exact, subject=f"{prefix}.value", children=steps,
                total=exact * len(values), aspects=len(values),
            )  # fmt: skip
        carried, _, step = self.carried(f"{prefix}.value", exact, step)
        return carried, step

    def skp(self, activities: tuple[Activity, ...]) -> tuple[Decimal | Fraction, Step | None]:
        """Return the nilai capaian SKP later steps use, writing the figures it comes from."""
        scored = [self.activity(activity) for activity in activities]
        mean = activities_value([value for value, _ in scored])
        self.figures["activities"] = figure(mean)
        # Tugas tambahan: every additional work target counts once.
        count = sum(target.kind is TargetKind.ADDITIONAL for target in self.appraisal.targets)
        additional = additional_task_points(count)
        self.figures["additional_tasks"] = Decimal(additional)
        scopes = [innovation.scope for innovation in self.appraisal.innovations]
        creativity = creativity_points(scopes, self.creativity)
        self.figures["creativity"] = Decimal(creativity)
        exact = skp_value(mean, additional, creativity)
        step = None
        if self.trace:
            total = mean * len(scored)
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
                CREATIVITY_RULE, creativity, {**shown, "policy": self.creativity},
                subject="creativity",
            )  # fmt: skip
            step = Step.of(
                SKP_RULE, exact, subject="skp",
                children=(mean_step, additional_step, creativity_step),
                activities=mean_step.output, additional_tasks=additional, creativity=creativity,
            )  # fmt: skip
        skp, rounded, step = self.carried("skp", exact, step)
        self.rate("skp", rounded)
        return skp, step

    # -- nilai perilaku kerja ----------------------------------------------------------

    def behaviour(
        self, values: tuple[BehaviourValue, ...]
    ) -> tuple[Decimal | Fraction, Step | None] | None:
        """Return the nilai perilaku kerja later steps use, or `None` when an aspect has none."""
        found: list[Fraction] = []
        steps: list[Step] = []
        for item in values:
            value = item.value
            if value is None:
                continue
            key = f"behaviour[{item.aspect.id}]"
            self.figures[key] = figure(value)
            found.append(value)
            if self.trace:
                children = (item.step,) if item.step else ()
                steps.append(Step.of(BEHAVIOUR_ASPECT_RULE, value, subject=key, children=children))
            self.rate(key, value)
        if self.gaps:
            self.steps[:0] = steps
            return None
        exact = behaviour_value(found)
        step = None
        if self.trace:
            step = Step.of(
                BEHAVIOUR_RULE, exact, subject="behaviour", children=steps,
                total=exact * len(found), aspects=len(found),
            )  # fmt: skip
        beh, rounded, step = self.carried("behaviour", exact, step)
        self.rate("behaviour", rounded)
        return beh, step


def _aspect_step(
    row: ActivityAspect,
    key: str,
    value: Fraction,
    pair: tuple[Decimal, Decimal],
    *,
    found: Fraction | None,
    zero_output: Decimal | None,
) -> Step:
    """The step of one aspect value: its rule (or the zero-output convention) and inputs."""
    if zero_output is not None:
        return Step.from_mapping(ZERO_OUTPUT_RULE, value, {"RO": zero_output}, subject=key)
    planned, realised = pair
    inputs: dict[str, object] = {row.target_symbol: planned, row.realised_symbol: realised}
    rule = row.rule
    if found is not None:
        inputs["efficiency"] = found
        if row.above_limit_rule is not None and exceeds_efficiency_limit(found):
            rule = row.above_limit_rule
    return Step.from_mapping(rule, value, inputs, subject=key)
