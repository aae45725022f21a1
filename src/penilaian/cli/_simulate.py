"""
The ``penilaian simulate`` command: a policy change tried on a seeded synthetic workforce.

It generates a workforce (`penilaian.simulation.generate`) shaped for ``--regime``,
scores it under a ``baseline`` scenario (the regime as shipped) and one scenario per
``--policy FILE`` (the regime with that weighting policy), with
`penilaian.simulation.compare.run`, and prints each scenario's grade distribution,
its curve compliance, and how many appraisals change grade from the baseline, with
the first few changes and the figures that differ (`penilaian.cli._simulate_output`:
text in Indonesian or English, JSON and CSV for programs).  `penilaian.cli._main`
registers the parser (`add_parser`) and dispatches to `simulate`.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING, Final, TextIO

from penilaian.cli._files import write_output
from penilaian.cli._simulate_output import (
    BASELINE,
    simulation_csv,
    simulation_data,
    simulation_text,
)
from penilaian.exceptions import InvalidValueError, PenilaianError, ScoringInputError
from penilaian.model.periods import Period
from penilaian.regimes import default_registry
from penilaian.simulation.progress import Progress
from penilaian.typing import PolicyTakingStrategy

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping
    from typing import Any

    from penilaian.simulation import Workforce, WorkforceSpec
    from penilaian.simulation.compare import Comparison, Scenario
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

FORMATS: Final = ("text", "json", "csv")

REGIMES: Final = ("permen6_2022", "pp30_2019")
"""The regimes a workforce is shaped for (`penilaian.simulation.REGIME_SHAPES`)."""

PERIODS: Final = {"permen6_2022": Period.year(2024), "pp30_2019": Period.semester(2021, 2)}
"""The period each regime's workforce is appraised for: one the regime governs."""


class SimulateInputError(Exception):
    """
    An option's value or a policy file is invalid (exit 1): where, and the error behind it.

    Attributes:
        where: What was wrong (``--employees``, a policy file's path, a policy's name).
        error: The error behind it, said in the reader's language when printed.
        misfit: For a policy that does not fit the workforce: its regime and the
            appraisal it failed on.
    """

    def __init__(self, where: str, error: Exception, misfit: tuple[str, str] | None = None) -> None:
        super().__init__(f"{where}: {error}")
        self.where = where
        self.error = error
        self.misfit = misfit


class SimulateUsageError(Exception):
    """The options do not fit together (exit 2); the message names the option."""


def _not_negative(helps: Mapping[str, str]) -> Callable[[str], int]:
    """The type of ``--changes``: an integer, 0 or more, refused in the help's language."""

    def check(text: str) -> int:
        value = int(text)  # a ValueError is argparse's "invalid value" usage error
        if value < 0:
            raise argparse.ArgumentTypeError(helps["simulate.not_negative"].format(value=value))
        return value

    return check


def add_parser(
    commands: argparse._SubParsersAction[Any],
    parents: list[argparse.ArgumentParser],
    helps: Mapping[str, str],
) -> None:
    """
    Register ``simulate`` with *commands*; *parents* give ``--lang`` and ``--output``.

    *helps* are the help texts in the reader's language (`penilaian.cli._help.HELP`).
    """
    simulate = commands.add_parser(
        "simulate",
        parents=parents,
        help=helps["simulate.help"],
        description=helps["simulate.description"],
    )
    simulate.add_argument(
        "--employees",
        type=int,
        default=100,
        metavar=helps["metavar.n"],
        help=helps["simulate.employees"],
    )
    simulate.add_argument(
        "--seed", type=int, default=0, metavar=helps["metavar.n"], help=helps["simulate.seed"]
    )
    regimes = f" {helps['simulate.regimes_or']} ".join(REGIMES)
    simulate.add_argument(
        "--regime",
        default="permen6_2022",
        metavar=helps["metavar.id"],
        help=helps["simulate.regime"].format(regimes=regimes),
    )
    simulate.add_argument(
        "--policy",
        action="append",
        default=[],
        metavar=helps["metavar.file"],
        help=helps["simulate.policy"],
    )
    simulate.add_argument(
        "--name",
        action="append",
        default=[],
        metavar=helps["metavar.name"],
        help=helps["simulate.name"],
    )
    simulate.add_argument(
        "--changes",
        type=_not_negative(helps),
        default=5,
        metavar=helps["metavar.n"],
        help=helps["simulate.changes"],
    )
    simulate.add_argument("--format", choices=FORMATS, default="text", help=helps["option.format"])


def simulate(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Run ``penilaian simulate`` with parsed *args*; return 0 or raise a typed error."""
    spec = _spec(args)  # the options first, then the policy files, then the work
    scenarios, sources = _scenarios(args)
    from penilaian.simulation import generate  # noqa: PLC0415 - boundary module

    workforce = generate(spec, args.seed)
    comparison = _run(workforce, scenarios, sources, err)
    if args.format == "json":
        data = simulation_data(args, workforce, comparison, sources)
        text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    elif args.format == "csv":
        text = simulation_csv(comparison, sources)
    else:
        text = simulation_text(args, workforce, comparison, sources)
    write_output(text, args.output, out)
    return 0


def _spec(args: argparse.Namespace) -> WorkforceSpec:
    from penilaian.simulation import WorkforceSpec  # noqa: PLC0415 - boundary module

    period = PERIODS.get(args.regime, Period.year(2024))
    try:
        spec = WorkforceSpec(employees=args.employees, regime=args.regime, period=period)
    except InvalidValueError as error:  # employees or regime, named as the option
        if error.field == "regime":  # a regime the simulation does not know: usage, as in score
            message = f"--{error.field}: {error.reason} (got {error.value!r})"
            raise SimulateUsageError(message) from error
        raise SimulateInputError(f"--{error.field}", error) from error
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
        raise SimulateInputError(str(path), error) from error
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
        misfit = (workforce.spec.regime, appraisal)
        raise SimulateInputError(source, error, misfit) from error
    finally:
        count.line.close()
