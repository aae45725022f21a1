"""
One scoring under PP 30/2019: the rule functions of `rules`, rounded and traced.

Private to `penilaian.regimes.pp30_2019`: `Pp30Run` holds what one call of
`Pp30Regime.score` collects, calls the public formulas of `rules` (the same ones the
batch engine reads), rounds at the regime's declared points and builds the steps.
The behaviour part is `_behaviour.score_behaviour`.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Final, Protocol, TypeAlias, cast

import attrs

from penilaian._base.numbers import exact_decimal
from penilaian._base.rounding import Rounding
from penilaian._base.trace import Rule, Step
from penilaian.model.grades import BandTable, Grade
from penilaian.model.targets import TargetKind
from penilaian.regimes.pp30_2019 import _category, rules
from penilaian.regimes.pp30_2019._achievement import achievement_step
from penilaian.regimes.pp30_2019._behaviour import score_behaviour
from penilaian.regimes.pp30_2019._checks import (
    INDICATOR_ERRORS,
    indicator_problem,
    no_main_problem,
    weight_problems,
)
from penilaian.regimes.pp30_2019.tables import (
    _ADDITIONAL_POINTS_RULE,
    _CAP_RULE,
    _FAIR_LABEL_RULE,
    _FINAL_RULE,
    _INNOVATION_RULE,
    _MAIN_MEAN_RULE,
    _MAIN_SUM_RULE,
    _NO_ADDITIONAL_RULE,
    _PREDIKAT_RULE,
    _SKP_RULE,
    _TARGET_RULE,
    _WEIGHTED_RULE,
    _WEIGHTING_RULE,
    _WHOLE_PERCENT_RULE,
    PERMEN8_2021_WHOLE_PERCENT,
    PP30_2019_CAP,
    _rounding_rule,
)
from penilaian.scoring.achievement import achievement
from penilaian.scoring.run import Run

if TYPE_CHECKING:
    from penilaian.model.appraisal import Appraisal
    from penilaian.model.targets import Indicator, WorkTarget
    from penilaian.policy.weights import Weights
    from penilaian.regimes.pp30_2019.category_route import CategoryPoints, RencanaBands
    from penilaian.typing import RatingAggregator

__all__ = ["Conventions", "Pp30Run"]

_ZERO = Fraction(0)
_HUNDRED = Fraction(100)

_Steps: TypeAlias = "tuple[Step, ...]"
"""The step of a value when tracing; empty otherwise."""


class Conventions(Protocol):
    """What a run (and the integer kernel) reads of its regime: `Pp30Regime` (see there)."""

    @property
    def id(self) -> str: ...

    @property
    def achievement_rounding(self) -> str: ...
    @property
    def utama_weights(self) -> Weights | None: ...
    @property
    def additional_points(self) -> BandTable[Decimal] | None: ...
    @property
    def aggregator(self) -> RatingAggregator: ...
    @property
    def peer_input(self) -> str: ...
    @property
    def fair_label(self) -> Grade: ...
    @property
    def rounding(self) -> Rounding: ...
    @property
    def route(self) -> str: ...
    def route_of(self, appraisal: Appraisal, /) -> str: ...
    @property
    def iki_points(self) -> CategoryPoints: ...
    @property
    def rencana_bands(self) -> RencanaBands: ...
    @property
    def category_additional_points(self) -> CategoryPoints | None: ...


@attrs.define(slots=True)
class Pp30Run(Run):
    """
    The state of one PP 30/2019 scoring, on top of the shared `Run`.

    Attributes:
        regime: The regime's conventions.
        rounding: The regime's rounding, applied at every declared point.
        round_rule: The trace rule of that rounding (when tracing).
        route: ``"interpolation"`` or ``"category"``: the regime's, or by the post's kind.
        categories: The category of each work target on the category route, by id.
    """

    regime: Conventions = attrs.field(kw_only=True)
    rounding: Rounding = attrs.field(init=False)
    round_rule: Rule | None = attrs.field(init=False)
    route: str = attrs.field(init=False)
    categories: dict[str, Grade] = attrs.field(init=False, factory=dict)

    def __attrs_post_init__(self) -> None:
        self.rounding = self.regime.rounding
        self.round_rule = _rounding_rule(self.rounding) if self.trace else None
        self.route = self.regime.route_of(self.appraisal)

    def rounded(self, key: str, value: Fraction) -> Decimal:
        """Round *value* at a declared point, record it as figure *key*, and return it."""
        result = self.figures[key] = self.rounding.apply(value)
        return result

    def round_step(self, result: Decimal, step: Step, subject: str | None = None) -> Step:
        """Return the step rounding the output of *step* to *result* (call when tracing)."""
        # Built directly: no inputs to show, and a Decimal is shown as str() shows it.
        return Step(cast("Rule", self.round_rule), str(result), (), subject, (step,))

    # -- work: indicators, work targets, main and additional work, SKP -------------------

    def work(self) -> tuple[Fraction, _Steps]:
        """Return the exact SKP value and its step; 0 when problems were found."""
        main: dict[str, Decimal] = {}
        additional: dict[str, Decimal] = {}
        steps: dict[str, Step] = {}
        for t_index, target in enumerate(self.appraisal.targets):
            found = self.work_target(t_index, target, steps)
            if found is not None:
                (main if target.kind is TargetKind.MAIN else additional)[target.id] = found
        if self.problems:
            return _ZERO, ()
        main_value, main_step = self.main(main, steps)
        if self.problems:  # no main target, or weights that do not fit them
            return _ZERO, ()
        extra, extra_step = self.additional(additional, steps)
        skp = rules.skp_value(main_value, extra)
        self.figures["skp"] = _decimal(skp)
        if not self.trace:
            return skp, ()
        children = (_category.route_step(self), *main_step, *extra_step)
        figures = self.figures
        step = Step.of(
            _SKP_RULE,
            skp,
            children=children,
            main=figures["main"],
            additional=figures["additional"],
        )
        return skp, (step,)

    def work_target(
        self, t_index: int, target: WorkTarget, steps: dict[str, Step]
    ) -> Decimal | None:
        """Return a work target's rounded value, or `None` after recording its problems."""
        values: list[Decimal] = []
        children: list[Step] = []
        for i_index, indicator in enumerate(target.indicators):
            try:
                value = self.indicator(indicator, children)
            except INDICATOR_ERRORS as error:
                indicator_problem(self, t_index, i_index, error)
                continue
            values.append(value)
        if len(values) < len(target.indicators):
            return None
        if self.route == "category":
            result, step = _category.rencana(self, target, values, children)
            if step is not None:
                steps[target.id] = self.round_step(result, step, target.id)
            return result
        mean = rules.work_target_value(values)
        result = self.rounded(f"target[{target.id}].value", mean)
        if self.trace:
            ids = (f"value[{indicator.id}]" for indicator in target.indicators)
            inputs = dict(zip(ids, values, strict=True))
            step = Step.from_mapping(
                _TARGET_RULE, mean, inputs, subject=target.id, children=children
            )
            steps[target.id] = self.round_step(result, step, target.id)
        return result

    def indicator(self, indicator: Indicator, steps: list[Step]) -> Decimal:
        """
        Return an indicator's rounded nilai capaian IKI (its points on the category route).

        Its step is added to *steps*.

        Raises:
            MissingValueError: without a realisation.
            UnsupportedInputError: for a qualitative target.
        """
        # Targets are greater than 0 (PointTarget and RangeTarget refuse 0), so neither
        # the normal nor the khusus formula can divide by zero.
        exact = achievement(indicator)
        name = indicator.id
        step = achievement_step(indicator, exact) if self.trace else None
        capaian: Fraction | int
        if self.regime.achievement_rounding == "integer_percent":
            shown = PERMEN8_2021_WHOLE_PERCENT.apply(exact)
            capaian = int(shown)
            if step is not None:
                step = Step(_WHOLE_PERCENT_RULE, str(shown), (), name, (step,))
        else:
            capaian = exact
            shown = self.rounding.apply(exact)
        self.figures[f"indicator[{name}].achievement"] = shown
        segment = rules.iki_segment(capaian, at_maximum=indicator.target_is_maximum)
        self.ratings[f"indicator[{name}].category"] = segment.category.value
        if self.route == "category":
            points, step = _category.iki_points(self, name, segment.category, step)
            if step is not None:
                steps.append(step)
            return points
        value = segment.apply(capaian)
        result = self.rounded(f"indicator[{name}].value", value)
        if step is not None:
            step = Step.of(segment.rule, value, subject=name, children=(step,), achievement=shown)
            steps.append(self.round_step(result, step, name))
        return result

    def main(self, values: dict[str, Decimal], steps: dict[str, Step]) -> tuple[Fraction, _Steps]:
        """Return nilai kinerja utama: the mean of the main targets, or their weighted sum."""
        if not values:
            no_main_problem(self)
            return _ZERO, ()
        weights = self.regime.utama_weights
        if weights is None:
            mean = rules.main_work_value(list(values.values()))
            result = self.rounded("main", mean)
            if not self.trace:
                return Fraction(result), ()
            inputs = {f"value[{name}]": value for name, value in values.items()}
            children = [steps[name] for name in values]
            step = Step.from_mapping(_MAIN_MEAN_RULE, mean, inputs, children=children)
            return Fraction(result), (self.round_step(result, step),)
        if set(weights) != set(values):
            weight_problems(self, weights, values)
            return _ZERO, ()
        total = _ZERO
        weighted: list[Step] = []
        for name, value in values.items():
            exact = rules.weighted_value(weights[name], value)
            result = self.rounded(f"target[{name}].weighted", exact)
            total += Fraction(result)
            if self.trace:
                step = Step.of(
                    _WEIGHTED_RULE, exact, subject=name, children=(steps[name],),
                    weight=weights[name], value=value,
                )  # fmt: skip
                weighted.append(self.round_step(result, step, name))
        self.figures["main"] = _decimal(total)
        if not self.trace:
            return total, ()
        return total, (Step.of(_MAIN_SUM_RULE, total, children=weighted),)

    def additional(
        self, values: dict[str, Decimal], steps: dict[str, Step]
    ) -> tuple[Fraction, _Steps]:
        """Return the points additional work adds: none by default, else from the table."""
        table = self.regime.additional_points
        children = [steps[name] for name in values] if self.trace else []
        if self.route == "category":
            found = _category.additional_points(self, list(values), children)
            if found is not None:
                return found
            table = None
        if table is None:
            self.figures["additional"] = Decimal(0)
            if not self.trace:
                return _ZERO, ()
            step = Step.of(_NO_ADDITIONAL_RULE, _ZERO, children=children, targets=len(values))
            return _ZERO, (step,)
        points = {name: table.classify(value) for name, value in values.items()}
        for name, value in points.items():
            self.figures[f"target[{name}].points"] = value
        total = sum(map(Fraction, points.values()), _ZERO)
        self.figures["additional"] = _decimal(total)
        if not self.trace:
            return total, ()
        inputs = {"table": table.id, **{f"points[{name}]": value for name, value in points.items()}}
        return total, (
            Step.from_mapping(_ADDITIONAL_POINTS_RULE, total, inputs, children=children),
        )

    # -- behaviour -------------------------------------------------------------------------

    def behaviour(self) -> tuple[Fraction | None, _Steps]:
        """Return the rounded perilaku value and its steps; `None` with gaps or problems."""
        return score_behaviour(self)

    # -- combination and grade -------------------------------------------------------------

    def final(
        self, skp: Fraction, behaviour: Fraction, skp_step: _Steps, behaviour_step: _Steps
    ) -> tuple[Decimal, _Steps]:
        """Return the final value: weighted (PP 30/2019 Pasal 41), capped at 120, rounded."""
        policy = self.regime.peer_input
        peers: int | None = None
        if policy == "infer":
            roles = self.appraisal.rater_roles
            peers = rules.peer_input_count(
                roles[rating.rater_id] for rating in self.appraisal.ratings
            )
            used = peers > 0
        else:
            used = policy == "used"
        weights = rules.performance_weights(with_peer_input=used)
        weighting = "with_peer_input" if used else "without_peer_input"
        self.ratings["weighting"] = weighting
        figures = self.figures
        figures["weight.work"], figures["weight.behaviour"] = _WEIGHT_FIGURES[used]
        exact = rules.performance_value(skp, behaviour, weights)
        limited = rules.capped(exact)
        result = self.rounded("final", limited)
        if not self.trace:
            return result, ()
        weighting_step = Step.of(
            _WEIGHTING_RULE, weighting, policy=policy, peer_or_subordinate_ratings=peers,
            work=figures["weight.work"], behaviour=figures["weight.behaviour"],
        )  # fmt: skip
        step = Step.of(
            _FINAL_RULE, exact, children=(weighting_step, *skp_step, *behaviour_step),
            work_weight=figures["weight.work"], skp=figures["skp"],
            behaviour_weight=figures["weight.behaviour"], behaviour=figures["behaviour"],
        )  # fmt: skip
        if limited != exact:
            step = Step.of(_CAP_RULE, limited, children=(step,), value=exact, cap=PP30_2019_CAP)
        return result, (self.round_step(result, step),)

    def grade(self, final: Decimal, final_step: _Steps) -> tuple[Grade, Step | None]:
        """Return the predikat (PP 30/2019 Pasal 41(5)) and the root step."""
        band = rules.performance_band(final)
        self.ratings["band"] = band.value
        found = 0
        if band is Grade.VERY_GOOD:
            found = rules.innovation_count(item.scope for item in self.appraisal.innovations)
        fair_label = self.regime.fair_label
        grade = rules.grade_of_band(band, innovative=found > 0, fair_label=fair_label)
        if not self.trace:
            return grade, None
        extra: _Steps = ()
        if band is Grade.VERY_GOOD:
            extra = (Step.of(_INNOVATION_RULE, grade, band=band, innovations=found),)
        elif band is Grade.FAIR and fair_label is not Grade.FAIR:
            extra = (Step.of(_FAIR_LABEL_RULE, grade, band=band),)
        children = (*final_step, *extra)
        return grade, Step.of(_PREDIKAT_RULE, grade, children=children, value=final, band=band)


def _decimal(value: Fraction) -> Decimal:
    """Write a sum or product of decimals, which always has an exact decimal form."""
    return cast("Decimal", exact_decimal(value))


_WEIGHT_FIGURES: Final = {
    used: (_decimal(weights["work"]), _decimal(weights["behaviour"]))
    for used in (False, True)
    for weights in (rules.performance_weights(with_peer_input=used),)
}
"""The figures of the Pasal 41 weights, with peer input or not, written once."""
