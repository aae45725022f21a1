"""
What ``penilaian simulate`` prints: text in Indonesian or English, JSON and CSV for programs.

JSON and CSV carry exact counts, shares as fractions (``"159/250"``), figures as the
Decimal text ``score --format json`` writes, grade ids, and the same keys every time.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Any, Final

from penilaian.io.escaping import CsvWriter
from penilaian.serialization import unstructure

if TYPE_CHECKING:
    import argparse
    from decimal import Decimal

    from penilaian._base.labels import Language
    from penilaian.model.grades import Grade
    from penilaian.simulation import Workforce
    from penilaian.simulation.compare import Comparison, Difference, ScenarioGradeChange
from penilaian.reporting.words import WORDS

__all__ = ["BASELINE", "simulation_csv", "simulation_data", "simulation_text"]

BASELINE: Final = "baseline"
"""The name of the first scenario: the regime as shipped, without a policy file."""


def _grade(grade: Grade | None) -> str | None:
    return None if grade is None else grade.value


def _exact(value: Decimal | str | None) -> str | None:
    return None if value is None else str(value)


def _differences(found: tuple[Difference, ...]) -> list[dict[str, str | None]]:
    return [{"key": d.key, "before": _exact(d.before), "after": _exact(d.after)} for d in found]


def _change(change: ScenarioGradeChange) -> dict[str, Any]:
    return {
        "appraisal_id": change.appraisal_id,
        "employee_id": change.employee_id,
        "before": _grade(change.before),
        "after": _grade(change.after),
        "step": change.step,
        "figures": _differences(change.figures),
        "ratings": _differences(change.ratings),
    }


def _curve(comparison: Comparison, name: str) -> dict[str, int]:
    units = comparison.units(name)
    return {
        "units": len(units),
        "compliant": sum(unit.compliant is True for unit in units),
        "not_compliant": sum(unit.compliant is False for unit in units),
        "not_checked": sum(unit.compliant is None for unit in units),
    }


def simulation_data(
    args: argparse.Namespace,
    workforce: Workforce,
    comparison: Comparison,
    sources: list[str | None],
) -> dict[str, Any]:
    """The JSON document: stable keys, exact values as text."""
    scenarios = []
    for scenario, source, distribution in zip(
        comparison.scenarios, sources, comparison.distributions, strict=True
    ):
        changes = comparison.changes(BASELINE, scenario.name)
        counts, shares = distribution.counts, distribution.shares
        scenarios.append(
            {
                "name": scenario.name,
                "policy": source,
                "distribution": {
                    "total": distribution.total,
                    "graded": distribution.graded,
                    "counts": {g.value: n for g, n in counts.items()},
                    "shares": {g.value: str(shares[g]) if shares else None for g in counts},
                    "incomplete": list(distribution.incomplete),
                },
                "curve": _curve(comparison, scenario.name),
                "changes": {
                    "count": len(changes),
                    "first": [_change(change) for change in changes[: args.changes]],
                },
            }
        )
    return {
        "regime": workforce.spec.regime,
        "period": unstructure(workforce.spec.period),
        "employees": workforce.spec.employees,
        "seed": workforce.seed,
        "baseline": BASELINE,
        "grades": [grade.value for grade in comparison.distributions[0].counts],
        "scenarios": scenarios,
    }


def simulation_csv(comparison: Comparison, sources: list[str | None]) -> str:
    """One row per scenario: counts per grade, changes from the baseline, curve compliance."""
    grades = [grade.value for grade in comparison.distributions[0].counts]
    buffer = io.StringIO()
    writer = CsvWriter(buffer, lineterminator="\n")  # names come from the user: no formulas
    writer.writerow(
        [
            *("scenario", "policy", "total", "graded", "incomplete", *grades, "changes"),
            *("units", "compliant_units", "not_compliant_units", "not_checked_units"),
        ]
    )
    for scenario, source, distribution in zip(
        comparison.scenarios, sources, comparison.distributions, strict=True
    ):
        curve = _curve(comparison, scenario.name)
        changes = comparison.changes(BASELINE, scenario.name)
        writer.writerow(
            [
                *(scenario.name, source or "", distribution.total, distribution.graded),
                *(len(distribution.incomplete), *distribution.counts.values()),
                *(len(changes), *curve.values()),
            ]
        )
    return buffer.getvalue()


def simulation_text(
    args: argparse.Namespace,
    workforce: Workforce,
    comparison: Comparison,
    sources: list[str | None],
) -> str:
    """The text for people: distributions, curve compliance and the first grade changes."""
    lang: Language = args.lang
    words = WORDS.in_language(lang)
    spec = workforce.spec
    head = words["cli.head"].format(
        n=spec.employees, seed=workforce.seed, regime=spec.regime, period=spec.period.label(lang)
    )
    named = ", ".join(
        f"{scenario.name} ({source or words['cli.shipped']})"
        for scenario, source in zip(comparison.scenarios, sources, strict=True)
    )
    lines = [head, f"{words['cli.scenarios']}: {named}", ""]
    lines.append(f"{words['cli.distributions']}:")
    for scenario, distribution in zip(comparison.scenarios, comparison.distributions, strict=True):
        if distribution.graded:
            lines.append(distribution.describe(lang))
        else:  # Distribution.describe needs a graded appraisal for its shares
            count = len(distribution.incomplete)
            lines.append(f"{scenario.name}: {words['incomplete']} {count}")
        curve = _curve(comparison, scenario.name)
        line = "  " + words["curve_units"].format(**curve)
        unchecked = f", {curve['not_checked']} {words['unchecked']}"
        lines.append(line + unchecked if curve["not_checked"] else line)
    if len(comparison.scenarios) > 1:
        lines += ["", words["cli.changes"].format(baseline=BASELINE) + ":"]
    for scenario in comparison.scenarios[1:]:
        changes = comparison.changes(BASELINE, scenario.name)
        if not changes:
            lines.append(words["cli.no_change"].format(name=scenario.name))
            continue
        lines.append(words["cli.changed"].format(name=scenario.name, count=len(changes)))
        lines += [f"  {change.describe(lang)}" for change in changes[: args.changes]]
        if len(changes) > args.changes:
            lines.append("  " + words["cli.more"].format(count=len(changes) - args.changes))
    return "\n".join(lines) + "\n"
