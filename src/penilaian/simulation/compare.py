"""
Policy simulation: score one workforce under several scenarios and compare the outcomes.

A `Scenario` is a name and a scoring strategy (any `penilaian.typing.ScoringStrategy`,
such as `penilaian.Pp30Regime` with a `penilaian.WeightingPolicy` as its aggregator),
with the distribution curve and quota convention its units are checked against.
`run` scores every appraisal of a `penilaian.simulation.Workforce` under each
scenario through the strategy's own exact ``score`` (trace off: the figures are the
same), and returns a `Comparison`: the grade distribution per scenario, who changes
grade between two scenarios and which figures differ, and each unit's curve check per
scenario.  `sweep` builds one scenario per value of a parameter and returns the
distribution per value.  Both report progress through a ``progress(done, total)``
hook; the default, `AutoProgress`, shows a bar in a notebook or on a terminal and
nothing elsewhere.

Everything is exact and deterministic: scenarios, units and appraisals keep the
order given, counts are whole numbers, shares are `fractions.Fraction`, and no float
decides anything.  Only the standard library is used.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import attrs

from penilaian._base.checks import non_empty
from penilaian.analysis.curve.check import check_curve
from penilaian.analysis.curve.rules import PERMEN6_2022_CURVE, DistributionCurve, QuotaConvention
from penilaian.exceptions import DuplicateIdError, InvalidValueError, UnknownReferenceError
from penilaian.reporting.words import WORDS
from penilaian.scoring.result import Result
from penilaian.simulation._outcome import (
    Difference,
    Distribution,
    ScenarioGradeChange,
    UnitCompliance,
    grade_order,
)
from penilaian.simulation.progress import AutoProgress, TerminalProgress, silent
from penilaian.simulation.workforce import Workforce
from penilaian.typing import ProgressHook, ScoringStrategy

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from penilaian._base.labels import Language
    from penilaian.model.grades import Grade

__all__ = [
    "AutoProgress",
    "Comparison",
    "Difference",
    "Distribution",
    "Scenario",
    "ScenarioGradeChange",
    "Sweep",
    "SweepPoint",
    "TerminalProgress",
    "UnitCompliance",
    "run",
    "silent",
    "sweep",
]


def _is_strategy(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, ScoringStrategy):
        reason = "must be a ScoringStrategy (an id and score(appraisal, *, trace))"
        raise InvalidValueError(attribute.name, value, reason)


def _is_curve(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and not isinstance(value, DistributionCurve):
        raise InvalidValueError(attribute.name, value, "must be a DistributionCurve or None")


@attrs.frozen
class Scenario:
    """
    One policy to simulate: a named scoring strategy and the curve its units face.

    Attributes:
        name: A name, unique among the scenarios compared.
        strategy: How each appraisal is scored, such as
            ``attrs.evolve(penilaian.Pp30Regime(), aggregator=penilaian.WeightingPolicy(...))``.
        curve: The distribution curve units are checked against
            (default `penilaian.analysis.curve.PERMEN6_2022_CURVE`); `None` checks no curve.
        convention: How the curve's quotas round (default `penilaian.QuotaConvention()`).
    """

    name: str = attrs.field(validator=non_empty)
    strategy: ScoringStrategy = attrs.field(validator=_is_strategy)
    curve: DistributionCurve | None = attrs.field(
        default=PERMEN6_2022_CURVE,
        validator=_is_curve,
    )
    convention: QuotaConvention = attrs.field(
        factory=QuotaConvention, validator=attrs.validators.instance_of(QuotaConvention)
    )


@attrs.frozen
class Comparison:
    """
    A workforce scored under several scenarios.

    Attributes:
        scenarios: The scenarios, in the order given.
        appraisal_ids: The appraisals scored, in the workforce's order.
        employee_ids: Their employees, in the same order.
        results: Each scenario's results by its name, one per appraisal in order,
            without trace.
        distributions: The grade distribution of each scenario, in order; all list
            the same grades.
        compliance: Each unit's curve check, scenario by scenario, units in tree order
            (empty for a scenario without a curve).
    """

    scenarios: tuple[Scenario, ...]
    appraisal_ids: tuple[str, ...] = attrs.field(repr=False)
    employee_ids: tuple[str, ...] = attrs.field(repr=False)
    results: Mapping[str, tuple[Result, ...]] = attrs.field(hash=False, repr=False)
    distributions: tuple[Distribution, ...]
    compliance: tuple[UnitCompliance, ...] = attrs.field(repr=False)

    def _scenario(self, name: str, field: str) -> int:
        for index, scenario in enumerate(self.scenarios):
            if scenario.name == name:
                return index
        known = ", ".join(s.name for s in self.scenarios)
        raise UnknownReferenceError(field, name, f"is not a scenario compared ({known})")

    def distribution(self, name: str) -> Distribution:
        """
        Return the grade distribution of scenario *name*.

        Raises:
            UnknownReferenceError: *name* is not a scenario compared.
        """
        return self.distributions[self._scenario(name, "name")]

    def changes(self, before: str, after: str) -> tuple[ScenarioGradeChange, ...]:
        """
        Return the appraisals whose grade differs between two scenarios, in order.

        Each change lists the figures and ratings that differ between its two results.

        Raises:
            UnknownReferenceError: either is not a scenario compared.
        """
        self._scenario(before, "before")
        self._scenario(after, "after")
        return tuple(
            ScenarioGradeChange.between(employee, first, second)
            for employee, first, second in zip(
                self.employee_ids, self.results[before], self.results[after], strict=True
            )
            if first.grade is not second.grade
        )

    def units(self, name: str) -> tuple[UnitCompliance, ...]:
        """
        Return each unit's curve check under scenario *name*, in tree order.

        Raises:
            UnknownReferenceError: *name* is not a scenario compared.
        """
        self._scenario(name, "name")
        return tuple(unit for unit in self.compliance if unit.scenario == name)

    def compliant_units(self, name: str) -> int:
        """
        Return how many units meet the curve under scenario *name*.

        Raises:
            UnknownReferenceError: *name* is not a scenario compared.
        """
        return sum(unit.compliant is True for unit in self.units(name))

    def describe(self, lang: Language = "id") -> str:
        """Say each scenario's distribution and how many units meet the curve."""
        words = WORDS.in_language(lang)
        lines: list[str] = []
        for scenario, distribution in zip(self.scenarios, self.distributions, strict=True):
            lines.append(distribution.describe(lang))
            if scenario.curve is not None:
                units = self.units(scenario.name)
                met = self.compliant_units(scenario.name)
                unchecked = sum(unit.check is None for unit in units)
                text = "  " + words["curve_units"].format(compliant=met, units=len(units))
                text += f", {unchecked} {words['unchecked']}" if unchecked else ""
                lines.append(text)
        return "\n".join(lines)


@attrs.frozen
class SweepPoint:
    """
    One value of a swept parameter and the grade distribution it gives.

    Attributes:
        value: The parameter's value.
        distribution: The distribution under the scenario built from it.
    """

    value: object
    distribution: Distribution


@attrs.frozen
class Sweep:
    """
    A parameter swept over values, one scenario per value.

    Attributes:
        points: Each value with its distribution, in the order given.
        comparison: The full comparison of the scenarios (changes, curve checks).
    """

    points: tuple[SweepPoint, ...]
    comparison: Comparison = attrs.field(repr=False)

    def describe(self, lang: Language = "id") -> str:
        """Say the distribution at each value, one line each."""
        return "\n".join(
            f"{point.value}: {point.distribution.describe(lang)}" for point in self.points
        )


def run(
    workforce: Workforce,
    scenarios: Iterable[Scenario],
    *,
    progress: ProgressHook | None = None,
) -> Comparison:
    """
    Score every appraisal of *workforce* under each scenario, and compare.

    Args:
        workforce: The workforce, from `penilaian.simulation.generate`.
        scenarios: The scenarios, names unique.
        progress: Called as ``progress(done, total)`` after each appraisal scored;
            default `AutoProgress`: a bar updated in place in a Jupyter notebook, a
            count on a terminal's standard error, nothing when that is piped or
            captured.  Pass `silent` (or any no-op) to show nothing.

    Raises:
        InvalidValueError: *workforce* is not a `Workforce`, *scenarios* is empty or
            holds something other than a `Scenario`.
        DuplicateIdError: two scenarios share a name.
        penilaian.exceptions.ScoringInputError: a strategy cannot score an appraisal
            (it lacks what the regime needs), as the strategy raises it.
        penilaian.exceptions.InvalidInputError: a scenario's curve has no place for a
            grade its strategy gives.
    """
    if not isinstance(workforce, Workforce):
        raise InvalidValueError("workforce", workforce, "must be a Workforce")
    chosen = _scenarios(scenarios)
    hook = progress if progress is not None else AutoProgress()
    appraisals = workforce.appraisals
    total = len(appraisals) * len(chosen)
    results: dict[str, tuple[Result, ...]] = {}
    done = 0
    for scenario in chosen:
        scored: list[Result] = []
        for appraisal in appraisals:
            scored.append(scenario.strategy.score(appraisal, trace=False))
            done += 1
            hook(done, total)
        results[scenario.name] = tuple(scored)
    grades = grade_order(
        result.grade for scored in results.values() for result in scored if result.grade
    )
    distributions = tuple(_distribution(s.name, results[s.name], grades) for s in chosen)
    compliance = tuple(
        unit for scenario in chosen for unit in _compliance(workforce, scenario, results)
    )
    return Comparison(
        chosen,
        tuple(appraisal.id for appraisal in appraisals),
        tuple(appraisal.employee.id for appraisal in appraisals),
        results,
        distributions,
        compliance,
    )


def sweep(
    workforce: Workforce,
    make_scenario: Callable[[Any], Scenario],
    values: Iterable[Any],
    *,
    progress: ProgressHook | None = None,
) -> Sweep:
    """
    Run one scenario per value of a parameter and return the distribution per value.

    Examples:
        >>> from fractions import Fraction
        >>> import penilaian
        >>> from penilaian.simulation import WorkforceSpec, generate
        >>> spec = WorkforceSpec(employees=20, regime="pp30_2019")
        >>> workforce = generate(spec, seed=1)
        >>> def behaviour_weight(share):
        ...     weights = penilaian.Weights({"work": 1 - share, "behaviour": share})
        ...     regime = attrs.evolve(penilaian.GenericRegime.default(), weights=weights)
        ...     return Scenario(f"behaviour {share}", regime, curve=None)
        >>> result = sweep(workforce, behaviour_weight, [Fraction(3, 10), Fraction(2, 5)])
        >>> [point.distribution.total for point in result.points]
        [20, 20]

    Args:
        workforce: The workforce.
        make_scenario: Builds the scenario of one value; names must differ by value.
        values: The values, in the order to report them.
        progress: As for `run`.

    Raises:
        InvalidValueError: no values, or *make_scenario* returns no `Scenario`.
        DuplicateIdError: two values give scenarios of one name.
    """
    swept = tuple(values)
    scenarios = [make_scenario(value) for value in swept]
    comparison = run(workforce, scenarios, progress=progress)
    points = tuple(
        SweepPoint(value, distribution)
        for value, distribution in zip(swept, comparison.distributions, strict=True)
    )
    return Sweep(points, comparison)


def _scenarios(scenarios: Iterable[Scenario]) -> tuple[Scenario, ...]:
    if isinstance(scenarios, (str, bytes, Scenario)) or not hasattr(scenarios, "__iter__"):
        raise InvalidValueError("scenarios", scenarios, "must be several Scenario values")
    chosen = tuple(scenarios)
    if not chosen:
        raise InvalidValueError("scenarios", chosen, "needs at least one scenario")
    seen: set[str] = set()
    for index, scenario in enumerate(chosen):
        if not isinstance(scenario, Scenario):
            raise InvalidValueError(f"scenarios[{index}]", scenario, "must be a Scenario")
        if scenario.name in seen:
            reason = "repeats the name of an earlier scenario"
            raise DuplicateIdError(f"scenarios[{index}].name", scenario.name, reason)
        seen.add(scenario.name)
    return chosen


def _distribution(name: str, results: tuple[Result, ...], grades: Iterable[Grade]) -> Distribution:
    tally = Counter(result.grade for result in results if result.grade is not None)
    incomplete = tuple(result.appraisal_id for result in results if result.grade is None)
    return Distribution(name, {grade: tally[grade] for grade in grades}, incomplete)


def _compliance(
    workforce: Workforce, scenario: Scenario, results: Mapping[str, tuple[Result, ...]]
) -> tuple[UnitCompliance, ...]:
    if scenario.curve is None:
        return ()
    by_id = dict(zip((a.id for a in workforce.appraisals), results[scenario.name], strict=True))
    checked: list[UnitCompliance] = []
    for unit in workforce.units():
        unit_results = tuple(by_id[appraisal.id] for appraisal in unit.appraisals)
        incomplete = tuple(r.appraisal_id for r in unit_results if r.grade is None)
        check = None
        if not incomplete:
            staff = unit.graded(unit_results)
            check = check_curve(
                unit.unit.id,
                unit.unit_grade,
                staff,
                curve=scenario.curve,
                convention=scenario.convention,
            )
        checked.append(
            UnitCompliance(scenario.name, unit.unit.id, unit.unit_grade, check, incomplete)
        )
    return tuple(checked)
