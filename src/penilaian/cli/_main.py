"""
The ``penilaian`` command line.

Commands: ``demo`` (the README's main job), ``score FILE``, ``validate FILE``,
``schema``, ``explain FILE`` (one employee's trace), ``curve FILE`` (each unit against
its distribution curve: `penilaian.cli._unit`), ``completeness FILE`` (who still lacks
what: `penilaian.cli._completeness`), ``template``, ``report FILE`` (one employee, or
``--unit`` the whole unit), ``serve`` (the HTTP service) and ``simulate`` (policies compared on a
synthetic workforce: `penilaian.cli._simulate`).  FILE is JSON (one appraisal or an
array; ``-`` for standard input), an XLSX workbook or a directory of CSV files
(`penilaian.io.spreadsheet`).  Every command takes ``--lang id|en``.

A command that scores many appraisals sets aside each one whose scoring fails, names
it (person, appraisal id, its row of the employees sheet) and scores the rest
(`penilaian.cli._batch`); it then exits 1, with a line saying how many were set aside.

Data goes to standard output (or ``--output FILE``, written whole or not at all),
messages to standard error.  Exit codes: 0 success; 1 invalid input (every problem
is listed with its location, and the file named); 2 wrong usage; 3 an internal
error (a bug: please report it with the message); 130 interrupted (Ctrl-C).
"""

from __future__ import annotations

import functools
import json
import sys
import traceback
from typing import TYPE_CHECKING, Final, TextIO

from penilaian._base.trace import render_trace
from penilaian.analysis.curve.calibration import propose_calibration
from penilaian.analysis.development.plan import recommend
from penilaian.cli._batch import (
    Scored,
    SetAside,
    report_set_aside,
    score_each,
    set_aside_entry,
    set_aside_lines,
)
from penilaian.cli._completeness import completeness
from penilaian.cli._files import (
    STDOUT_NAMES,
    OtherFileError,
    load_sourced,
    naming,
    write_output,
)
from penilaian.cli._parser import build_parser
from penilaian.cli._simulate import SimulateInputError, SimulateUsageError, simulate
from penilaian.cli._text import (
    error_lines,
    person,
    problem_text,
    render,
    render_notes,
    render_result,
    results_table,
)
from penilaian.cli._unit import UnitUsageError, curve_command, unit_report_command
from penilaian.cli._words import CLI_WORDS
from penilaian.exceptions import (
    InvalidInputError,
    InvalidValueError,
    PenilaianError,
    UnknownStrategyError,
)
from penilaian.io.samples import SAMPLES, load_sample, load_sample_unit
from penilaian.model.appraisal import Appraisal
from penilaian.policy.weighting import WeightingPolicy
from penilaian.regimes import default_registry
from penilaian.reporting.words import WORDS
from penilaian.scoring.timeline import suggest_regime
from penilaian.serialization import dumps, json_schema, unstructure
from penilaian.server.command import serve
from penilaian.typing import PolicyTakingStrategy

if TYPE_CHECKING:
    import argparse
    from collections.abc import Sequence

    from penilaian._base.labels import Language
    from penilaian.scoring.result import Result
    from penilaian.typing import ScoringStrategy

__all__ = [
    "EXIT_INTERNAL_ERROR",
    "EXIT_INTERRUPTED",
    "EXIT_INVALID_INPUT",
    "EXIT_OK",
    "EXIT_USAGE",
    "console",
    "main",
    "render",
    "render_result",
]

EXIT_OK: Final = 0
EXIT_INVALID_INPUT: Final = 1
EXIT_USAGE: Final = 2
EXIT_INTERNAL_ERROR: Final = 3
EXIT_INTERRUPTED: Final = 130  # 128 + SIGINT, as a shell reports Ctrl-C


class _UsageError(Exception):
    """Wrong usage found after parsing (exit 2)."""


def main(
    argv: Sequence[str] | None = None, stdout: TextIO | None = None, stderr: TextIO | None = None
) -> int:
    """Run the command line with *argv* and return its exit code; Ctrl-C ends it with 130."""
    out = stdout or sys.stdout
    err = stderr or sys.stderr
    try:
        return _run(argv, out, err)
    except KeyboardInterrupt:
        # One line, no traceback; a file being written is removed on the way out.
        lang = _language(argv)
        print(f"penilaian: {CLI_WORDS.in_language(lang)['interrupted']}", file=err)
        return EXIT_INTERRUPTED


def _run(argv: Sequence[str] | None, out: TextIO, err: TextIO) -> int:
    try:  # the help and argparse's own words in the --lang asked for, Indonesian by default
        args = build_parser(_language(argv)).parse_args(argv)
    except SystemExit as exit_:
        return EXIT_OK if exit_.code == 0 else EXIT_USAGE
    vars(args).setdefault("lang", "id")  # --lang given neither before nor after the command
    try:
        _check_regime(args)  # before any file is read: an unknown --regime is usage
        return _COMMANDS[args.command](args, out, err)
    except (OtherFileError, SimulateInputError) as error:
        print(_other_file(error, args.lang), file=err)
        return EXIT_INVALID_INPUT
    except (PenilaianError, OSError) as error:
        where = getattr(args, "file", None)
        lines = error_lines(error, args.lang)
        lines[0] = f"{where}: {lines[0]}" if where else lines[0]
        print("\n".join(lines), file=err)
        return EXIT_INVALID_INPUT
    except (_UsageError, SimulateUsageError, UnitUsageError) as error:
        print(f"penilaian {args.command}: {problem_text(error, args.lang)}", file=err)
        return EXIT_USAGE
    except Exception as error:  # noqa: BLE001 - the last resort: report, never a traceback dump
        print(f"penilaian: internal error: {type(error).__name__}: {error}", file=err)
        print("".join(traceback.format_exception(error)[-3:]).rstrip(), file=err)
        print(CLI_WORDS.in_language(args.lang)["internal"], file=err)
        return EXIT_INTERNAL_ERROR


def _other_file(error: OtherFileError | SimulateInputError, lang: Language) -> str:
    """A file other than FILE failed: its problems listed as FILE's are, or its one reason."""
    if isinstance(error, OtherFileError) and isinstance(error.error, InvalidInputError):
        lines = error_lines(error.error, lang)
        return "\n".join([f"{error.path}: {lines[0]}", *lines[1:]])
    if isinstance(error, SimulateInputError):
        where = error.where
        if error.misfit is not None:
            regime, appraisal = error.misfit
            misfit = CLI_WORDS.in_language(lang)["simulate.misfit"]
            where += ": " + misfit.format(regime=regime, appraisal=appraisal)
        if isinstance(error.error, InvalidValueError) and error.where == f"--{error.error.field}":
            return f"--{problem_text(error.error, lang)}"  # the option names the field
        return "\n".join(
            [
                f"{where}: {line}" if not index else line
                for index, line in enumerate(error_lines(error.error, lang))
            ]
        )
    return problem_text(error, lang)


def _language(argv: Sequence[str] | None) -> Language:
    """
    The ``--lang`` of *argv* (or of the command line), for the parser and its help.

    The last one given counts, as it does for argparse; Indonesian by default.
    """
    given = list(sys.argv[1:] if argv is None else argv)
    found: Language = "id"
    for index, item in enumerate(given):
        value = given[index + 1] if item == "--lang" and index + 1 < len(given) else None
        value = item.removeprefix("--lang=") if item.startswith("--lang=") else value
        if value in ("id", "en"):
            found = "en" if value == "en" else "id"
    return found


def _strategy(args: argparse.Namespace, appraisal: Appraisal) -> ScoringStrategy:
    """The regime asked for (or governing the period), with the policy file if given."""
    regime_id = args.regime or suggest_regime(appraisal.period)
    cache: dict[str, ScoringStrategy] = vars(args).setdefault("strategies", {})
    if regime_id not in cache:
        cache[regime_id] = _build_strategy(args, regime_id)
    return cache[regime_id]


def _check_regime(args: argparse.Namespace) -> None:
    """Refuse a --regime the registry does not know, as wrong usage."""
    regime_id = getattr(args, "regime", None)
    if regime_id is not None and args.command != "simulate":
        _registered(regime_id)


def _registered(regime_id: str) -> ScoringStrategy:
    try:
        return default_registry().get(regime_id)
    except UnknownStrategyError as error:  # a --regime the registry does not know: usage
        raise _UsageError(f"--regime: {error}") from error


def _build_strategy(args: argparse.Namespace, regime_id: str) -> ScoringStrategy:
    strategy = _registered(regime_id)
    if args.policy is None:
        return strategy
    if not isinstance(strategy, PolicyTakingStrategy):
        message = f"the regime {regime_id} combines no ratings, so it takes no --policy"
        raise _UsageError(message)
    from penilaian.serialization.policy import load_policy  # noqa: PLC0415 - boundary module

    with naming(args.policy):
        policy = load_policy(args.policy)
    return strategy.with_aggregator(policy)


def _scored(args: argparse.Namespace, *, trace: bool = True) -> Scored:
    """Score FILE's appraisals, setting aside (and naming) each one whose scoring fails."""
    strategy = functools.partial(_strategy, args)
    return score_each(load_sourced(args.file), strategy, args.lang, trace=trace)


def _outcome(scored: Scored, args: argparse.Namespace, err: TextIO) -> int:
    """Name each set-aside appraisal and say how many; exit 1 if any was set aside."""
    if report_set_aside(scored, args.lang, lambda line: print(line, file=err)):
        return EXIT_INVALID_INPUT
    return EXIT_OK


def _score(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    fmt = "json" if args.json else args.format
    scored = _scored(args)
    pairs = list(scored.pairs)
    if fmt == "xlsx":
        if args.output is None:
            raise _UsageError("--format xlsx needs --output FILE")
        from penilaian.io.spreadsheet import write_results  # noqa: PLC0415 - optional extra

        results, appraisals = [r for _, r in pairs], [a for a, _ in pairs]
        with naming(args.output):
            write_results(_binary(args.output, out), results, appraisals, "xlsx", lang=args.lang)
        return _outcome(scored, args, err)
    if fmt == "json":
        items = [
            set_aside_entry(item, args.lang) if isinstance(item, SetAside) else unstructure(item[1])
            for item in scored.order
        ]
        data = items[0] if len(items) == 1 else items
        text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    elif fmt in {"csv", "markdown"}:
        text = results_table(pairs, args.lang, markdown=fmt == "markdown")
    else:
        text = "\n\n".join(_block(item, args) for item in scored.order) + "\n"
    write_output(text, args.output, out)
    return _outcome(scored, args, err)


def _block(item: tuple[Appraisal, Result] | SetAside, args: argparse.Namespace) -> str:
    """One appraisal in the text output: the person, then the result or why it is set aside."""
    if isinstance(item, SetAside):
        return "\n".join(set_aside_lines(item, args.lang))
    appraisal, result = item
    shown = render_result(result, args.lang, trace=args.trace)
    return f"{person(appraisal, args.lang)}\n{shown}"


def _validate(args: argparse.Namespace, _out: TextIO, err: TextIO) -> int:
    words = CLI_WORDS.in_language(args.lang)
    loaded = load_sourced(args.file)
    appraisals = loaded.appraisals
    ids = ", ".join(appraisal.id for appraisal in appraisals[:5])
    if len(appraisals) > 5:
        ids += " " + words["more"].format(count=len(appraisals) - 5)
    valid = words["valid.one" if len(appraisals) == 1 else "valid.many"]
    print(f"{args.file}: {valid.format(count=len(appraisals), ids=ids)}", file=err)
    # The notes are the regime's: score under the regime asked for or governing.
    scored = score_each(loaded, functools.partial(_strategy, args), args.lang, trace=False)
    for appraisal, result in scored.pairs:
        for line in render_notes(result, args.lang):
            print(f"{appraisal.id} ({result.regime}):{line[1:]}", file=err)
    return _outcome(scored, args, err)


def _schema(args: argparse.Namespace, out: TextIO, _err: TextIO) -> int:
    text = json.dumps(json_schema(Appraisal), indent=2, ensure_ascii=False) + "\n"
    write_output(text, args.output, out)
    return EXIT_OK


def _chosen(args: argparse.Namespace, err: TextIO) -> tuple[Appraisal, Result] | None:
    """Score the one appraisal asked for; name it, its row and its problems if that fails."""
    words = CLI_WORDS.in_language(args.lang)
    loaded = load_sourced(args.file)
    appraisals = loaded.appraisals
    if args.appraisal is None and len(appraisals) > 1:
        raise _UsageError(words["choose"].format(count=len(appraisals)))
    chosen = [a for a in appraisals if args.appraisal in (None, a.id)]
    if not chosen:
        known = ", ".join(appraisal.id for appraisal in appraisals[:10])
        raise _UsageError(words["no_such"].format(id=args.appraisal, known=known))
    strategy = functools.partial(_strategy, args)
    scored = score_each(loaded, strategy, args.lang, only=chosen[0].id)
    for item in scored.set_aside:
        for line in set_aside_lines(item, args.lang):
            print(line, file=err)
        return None
    return scored.pairs[0]


def _explain(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    pair = _chosen(args, err)
    if pair is None:
        return EXIT_INVALID_INPUT
    appraisal, result = pair
    lines = [person(appraisal, args.lang), render_result(result, args.lang)]
    if result.trace is not None:
        lines += ["", render_trace(result.trace, args.lang)]
    write_output("\n".join(lines) + "\n", args.output, out)
    return EXIT_OK


def _curve(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    return curve_command(args, out, err, functools.partial(_strategy, args))


def _completeness(args: argparse.Namespace, out: TextIO, _err: TextIO) -> int:
    completeness(args, out, _strategy)
    return EXIT_OK


def _binary(output: str, out: TextIO) -> str:
    """Return where a workbook goes: *output*, or ``-`` for standard output, never a terminal."""
    if output not in STDOUT_NAMES:
        return output
    if out.isatty():
        raise _UsageError("a workbook is binary: redirect standard output, or name a file")
    return "-"


def _template(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from penilaian.io.spreadsheet import write_template  # noqa: PLC0415 - boundary module

    example = load_sample_unit().appraisals if args.example else None
    target = _binary(args.output, out) if args.format == "xlsx" else args.output
    with naming(args.output):
        write_template(target, args.format, example=example, lang=args.headers)
    written = CLI_WORDS.in_language(args.lang)["template_written"].format(format=args.format)
    print(f"{args.output}: {written}", file=err)
    return EXIT_OK


def _report(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from penilaian.reporting.employee import employee_report  # noqa: PLC0415 - boundary module

    if args.unit:
        return unit_report_command(args, out, err, functools.partial(_strategy, args))
    pair = _chosen(args, err)
    if pair is None:
        return EXIT_INVALID_INPUT
    appraisal, result = pair
    strategy = _strategy(args, appraisal)
    plan = None if args.no_plan else recommend(result, appraisal=appraisal)
    policy = getattr(strategy, "aggregator", None)
    made = employee_report(
        appraisal,
        result,
        lang=args.lang,
        plan=plan,
        policy=policy if isinstance(policy, WeightingPolicy) else None,
    )
    write_output(made.html() if args.format == "html" else made.markdown(), args.output, out)
    return EXIT_OK


def _demo(args: argparse.Namespace, out: TextIO, _err: TextIO) -> int:
    lang: Language = args.lang
    sample = load_sample()
    if args.json:
        print(dumps(sample, indent=2), file=out)
        return EXIT_OK
    words = WORDS.in_language(lang)
    registry = default_registry(entry_points=False)
    results = {name: registry.get(name).score(load_sample(name)) for name in sorted(SAMPLES)}
    lines = [render(sample, lang), "", f"{words['cli.scores']}:"]
    lines += [f"  {render_result(result, lang, detail=False)}" for result in results.values()]
    chosen = results[args.regime].trace
    if chosen is not None:
        lines += ["", f"{words['trace']} ({args.regime}):", render_trace(chosen, lang)]
    check = load_sample_unit().check_curve()
    lines += ["", f"{words['cli.curve']}:", check.describe(lang)]
    lines += ["", f"{words['calibration']}:", propose_calibration(check).describe(lang)]
    plan = recommend(results["permen6_2022"], appraisal=sample)
    lines += ["", f"{words['cli.plan']}:", plan.describe(lang)]
    print("\n".join(lines), file=out)
    return EXIT_OK


_COMMANDS: Final = {
    "demo": _demo,
    "score": _score,
    "validate": _validate,
    "schema": _schema,
    "explain": _explain,
    "curve": _curve,
    "completeness": _completeness,
    "report": _report,
    "template": _template,
    "simulate": simulate,
    "serve": serve,
}


def console() -> None:
    """Entry point of the ``penilaian`` console script."""
    sys.exit(main())
