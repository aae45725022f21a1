"""
The ``penilaian simulate`` command: a policy change tried on a seeded synthetic workforce.

It generates a workforce (`penilaian.simulation.generate`) shaped for ``--regime``,
scores it under a ``baseline`` scenario (the regime as shipped) and one scenario per
``--policy FILE`` (the regime with that weighting policy), with
`penilaian.simulation.compare.run`, and prints each scenario's grade distribution,
its curve compliance, and how many appraisals change grade from the baseline, with
the first few changes and the figures that differ.

Text speaks Indonesian or English; JSON and CSV are for programs: exact counts,
shares as fractions (``"159/250"``), figures as the Decimal text ``score --format
json`` writes, grade ids, and the same keys every time.  `penilaian.cli._main` registers
the parser (`add_parser`) and dispatches to `simulate`.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, TextIO

from penilaian.cli._files import write_output
from penilaian.exceptions import InvalidValueError, PenilaianError, ScoringInputError
from penilaian.model.periods import Period
from penilaian.regimes import default_registry
from penilaian.serialization import unstructure
from penilaian.simulation.progress import Progress
from penilaian.typing import PolicyTakingStrategy

if TYPE_CHECKING:
    from decimal import Decimal

    from penilaian._base.labels import Language
    from penilaian.model.grades import Grade
    from penilaian.simulation import Workforce, WorkforceSpec
    from penilaian.simulation.compare import Comparison, Difference, GradeChange, Scenario
    from penilaian.typing import ScoringStrategy

__all__ = [
    "BASELINE",
    "FORMATS",
    "PERIODS",
    "REGIMES",
    "SimulateInputError",
    "SimulateUsageError",
    "add_parser",
    "simulate",
]

BASELINE: Final = "baseline"
"""The name of the first scenario: the regime as shipped, without a policy file."""

FORMATS: Final = ("text", "json", "csv")

REGIMES: Final = ("permen6_2022", "pp30_2019")
"""The regimes a workforce is shaped for (`penilaian.simulation.REGIME_SHAPES`)."""

PERIODS: Final = {"permen6_2022": Period.year(2024), "pp30_2019": Period.semester(2021, 2)}
"""The period each regime's workforce is appraised for: one the regime governs."""

_WORDS: Final = {
    "id": {
        "head": "Simulasi: {n} pegawai sintetis (seed {seed}), rezim {regime}, periode {period}",
        "scenarios": "Skenario",
        "shipped": "rezim bawaan",
        "distributions": "Distribusi predikat dan kurva",
        "changes": "Perubahan predikat dibanding {baseline}",
        "none": "{name}: tidak ada perubahan",
        "count": "{name}: {count} penilaian berubah predikat",
        "more": "  \u2026 dan {count} lainnya",
        "incomplete": "{name}: tidak lengkap {count}",
        "curve": "  kurva: {compliant} dari {units} unit memenuhi",
        "unchecked": ", {not_checked} tidak diperiksa",
    },
    "en": {
        "head": "Simulation: {n} synthetic employees (seed {seed}), "
        "regime {regime}, period {period}",
        "scenarios": "Scenarios",
        "shipped": "the regime as shipped",
        "distributions": "Grade distributions and the curve",
        "changes": "Grade changes against {baseline}",
        "none": "{name}: no change",
        "count": "{name}: {count} appraisals change grade",
        "more": "  \u2026 and {count} more",
        "incomplete": "{name}: incomplete {count}",
        "curve": "  curve: {compliant} of {units} units compliant",
        "unchecked": ", {not_checked} not checked",
    },
}


class SimulateInputError(Exception):
    """An option's value or a policy file is invalid (exit 1); the message names it."""


class SimulateUsageError(Exception):
    """The options do not fit together (exit 2); the message names the option."""


def _not_negative(text: str) -> int:
    value = int(text)  # a ValueError is argparse's "invalid value" usage error
    if value < 0:
        message = f"must be 0 or more (got {value})"
        raise argparse.ArgumentTypeError(message)
    return value


def add_parser(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    parents: list[argparse.ArgumentParser],
) -> None:
    """Register ``simulate`` with *commands*; *parents* give ``--lang`` and ``--output``."""
    simulate = commands.add_parser(
        "simulate",
        parents=parents,
        help="compare weighting policies on a seeded synthetic workforce",
        description=(
            "Generate a seeded synthetic workforce and compare the regime as shipped "
            "(the baseline) with the regime under each --policy file."
        ),
    )
    simulate.add_argument(
        "--employees", type=int, default=100, metavar="N", help="how many employees (default 100)"
    )
    simulate.add_argument(
        "--seed",
        type=int,
        default=0,
        metavar="N",
        help="the same seed gives the same workforce (default 0)",
    )
    simulate.add_argument(
        "--regime",
        default="permen6_2022",
        metavar="ID",
        help=f"the regime the workforce is shaped for: {' or '.join(REGIMES)} "
        "(default permen6_2022, which takes no --policy)",
    )
    simulate.add_argument(
        "--policy",
        action="append",
        default=[],
        metavar="FILE",
        help="a weighting-policy JSON file: one scenario each (repeatable)",
    )
    simulate.add_argument(
        "--name",
        action="append",
        default=[],
        help="the scenario name of each --policy, in order (default: the file's stem)",
    )
    simulate.add_argument(
        "--changes",
        type=_not_negative,
        default=5,
        metavar="N",
        help="how many grade changes to list per scenario (default 5)",
    )
    simulate.add_argument("--format", choices=FORMATS, default="text", help="output format")


def simulate(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Run ``penilaian simulate`` with parsed *args*; return 0 or raise a typed error."""
    spec = _spec(args)  # the options first, then the policy files, then the work
    scenarios, sources = _scenarios(args)
    from penilaian.simulation import generate  # noqa: PLC0415 - boundary module

    workforce = generate(spec, args.seed)
    comparison = _run(workforce, scenarios, sources, err)
    if args.format == "json":
        text = json.dumps(_data(args, workforce, comparison, sources), indent=2, ensure_ascii=False)
        text += "\n"
    elif args.format == "csv":
        text = _csv(comparison, sources)
    else:
        text = _text(args, workforce, comparison, sources)
    write_output(text, args.output, out)
    return 0


def _spec(args: argparse.Namespace) -> WorkforceSpec:
    from penilaian.simulation import WorkforceSpec  # noqa: PLC0415 - boundary module

    period = PERIODS.get(args.regime, Period.year(2024))
    try:
        spec = WorkforceSpec(employees=args.employees, regime=args.regime, period=period)
    except InvalidValueError as error:  # employees or regime, named as the option
        message = f"--{error.field}: {error.reason} (got {error.value!r})"
        raise SimulateInputError(message) from error
    return spec


def _times(count: int) -> str:
    return "once" if count == 1 else f"{count} times"


def _scenarios(args: argparse.Namespace) -> tuple[list[Scenario], list[str | None]]:
    """The baseline and one scenario per policy file, with the file each came from."""
    names: list[str] = args.name
    policies: list[str] = args.policy
    if names and len(names) != len(policies):
        message = (
            f"--name is given {_times(len(names))} but --policy {_times(len(policies))}: "
            "give one --name per --policy, or none"
        )
        raise SimulateUsageError(message)
    from penilaian.simulation.compare import Scenario  # noqa: PLC0415 - boundary module

    strategy = default_registry().get(args.regime)
    scenarios = [Scenario(BASELINE, strategy)]
    sources: list[str | None] = [None]
    for index, path in enumerate(policies):
        name = names[index] if names else Path(path).stem
        if name in {scenario.name for scenario in scenarios}:
            message = f"two scenarios are named {name!r}: give each --policy its own --name"
            raise SimulateUsageError(message)
        try:
            scenario = Scenario(name, _with_policy(args.regime, strategy, path))
        except InvalidValueError as error:
            message = f"--name {name!r}: {error.reason}"
            raise SimulateUsageError(message) from error
        scenarios.append(scenario)
        sources.append(path)
    return scenarios, sources


def _with_policy(regime: str, strategy: ScoringStrategy, path: str) -> ScoringStrategy:
    if not isinstance(strategy, PolicyTakingStrategy):
        others = ", ".join(shape for shape in REGIMES if shape != regime)
        message = (
            f"the regime {regime} combines no ratings, so it takes no --policy "
            f"(simulate a policy with --regime {others})"
        )
        raise SimulateUsageError(message)
    from penilaian.serialization.policy import load_policy  # noqa: PLC0415 - boundary module

    try:
        policy = load_policy(path)
    except (PenilaianError, OSError) as error:
        message = f"{path}: {error}"
        raise SimulateInputError(message) from error
    return strategy.with_aggregator(policy)


class _Count:
    """The progress hook: a count on a terminal, and how far scoring got."""

    def __init__(self, total: int, stream: TextIO) -> None:
        self.done = 0
        self.line = Progress(total, "scored", stream)

    def __call__(self, done: int, _total: int) -> None:
        self.done = done
        self.line.update(done)


def _run(
    workforce: Workforce, scenarios: list[Scenario], sources: list[str | None], err: TextIO
) -> Comparison:
    from penilaian.simulation.compare import run  # noqa: PLC0415 - boundary module

    appraisals = workforce.appraisals
    count = _Count(len(appraisals) * len(scenarios), err)
    try:
        return run(workforce, scenarios, progress=count)
    except ScoringInputError as error:
        failed = count.done  # the appraisal being scored when the strategy refused it
        source = sources[failed // len(appraisals)] or f"--regime {workforce.spec.regime}"
        appraisal = appraisals[failed % len(appraisals)].id
        message = (
            f"{source}: does not fit the {workforce.spec.regime} workforce "
            f"(appraisal {appraisal}): {error}"
        )
        raise SimulateInputError(message) from error
    finally:
        count.line.close()


def _grade(grade: Grade | None) -> str | None:
    return None if grade is None else grade.value


def _exact(value: Decimal | str | None) -> str | None:
    return None if value is None else str(value)


def _differences(found: tuple[Difference, ...]) -> list[dict[str, str | None]]:
    return [{"key": d.key, "before": _exact(d.before), "after": _exact(d.after)} for d in found]


def _change(change: GradeChange) -> dict[str, Any]:
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


def _data(
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


def _csv(comparison: Comparison, sources: list[str | None]) -> str:
    """One row per scenario: counts per grade, changes from the baseline, curve compliance."""
    grades = [grade.value for grade in comparison.distributions[0].counts]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
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


def _text(
    args: argparse.Namespace,
    workforce: Workforce,
    comparison: Comparison,
    sources: list[str | None],
) -> str:
    lang: Language = args.lang
    words = _WORDS[lang]
    spec = workforce.spec
    head = words["head"].format(
        n=spec.employees, seed=workforce.seed, regime=spec.regime, period=spec.period.label(lang)
    )
    named = ", ".join(
        f"{scenario.name} ({source or words['shipped']})"
        for scenario, source in zip(comparison.scenarios, sources, strict=True)
    )
    lines = [head, f"{words['scenarios']}: {named}", ""]
    lines.append(f"{words['distributions']}:")
    for scenario, distribution in zip(comparison.scenarios, comparison.distributions, strict=True):
        if distribution.graded:
            lines.append(distribution.describe(lang))
        else:  # Distribution.describe needs a graded appraisal for its shares
            count = len(distribution.incomplete)
            lines.append(words["incomplete"].format(name=scenario.name, count=count))
        curve = _curve(comparison, scenario.name)
        line = words["curve"].format(**curve)
        lines.append(line + words["unchecked"].format(**curve) if curve["not_checked"] else line)
    if len(comparison.scenarios) > 1:
        lines += ["", words["changes"].format(baseline=BASELINE) + ":"]
    for scenario in comparison.scenarios[1:]:
        changes = comparison.changes(BASELINE, scenario.name)
        if not changes:
            lines.append(words["none"].format(name=scenario.name))
            continue
        lines.append(words["count"].format(name=scenario.name, count=len(changes)))
        lines += [f"  {change.describe(lang)}" for change in changes[: args.changes]]
        if len(changes) > args.changes:
            lines.append(words["more"].format(count=len(changes) - args.changes))
    return "\n".join(lines) + "\n"
