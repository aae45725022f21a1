"""
The ``penilaian`` command line.

Commands: ``demo`` (the README's main job), ``score FILE``, ``validate FILE``,
``schema``, ``explain FILE`` (one employee's trace), ``curve FILE`` (a unit against
its distribution curve), ``completeness FILE`` (who still lacks what:
`penilaian.cli._completeness`), ``template``, ``report FILE``, ``siasn FILE`` and
``simulate`` (policies compared on a synthetic workforce: `penilaian.cli._simulate`).
FILE is JSON (one appraisal or an array; ``-`` for standard input), an XLSX workbook
or a directory of CSV files (`penilaian.io.spreadsheet`).

Data goes to standard output (or ``--output FILE``, written whole or not at all),
messages to standard error.  Exit codes: 0 success; 1 invalid input (every problem
is listed with its location, and the file named); 2 wrong usage; 3 an internal
error (a bug: please report it with the message); 130 interrupted (Ctrl-C).
"""

from __future__ import annotations

import argparse
import json
import sys
import traceback
from typing import TYPE_CHECKING, Final, TextIO

from penilaian._base.trace import render_trace
from penilaian.analysis.curve.calibration import propose_calibration
from penilaian.analysis.curve.unit import UnitAppraisals
from penilaian.analysis.development.plan import recommend
from penilaian.cli._completeness import FORMATS as _COMPLETENESS_FORMATS
from penilaian.cli._completeness import completeness
from penilaian.cli._files import (
    STDOUT_NAMES,
    OtherFileError,
    each_with_progress,
    load_appraisals,
    naming,
    read_input,
    write_output,
)
from penilaian.cli._simulate import SimulateInputError, SimulateUsageError, add_parser, simulate
from penilaian.cli._text import render, render_notes, render_result, results_table
from penilaian.exceptions import PenilaianError, UnknownStrategyError
from penilaian.io.samples import SAMPLES, load_sample, load_sample_unit
from penilaian.model.appraisal import Appraisal
from penilaian.policy.weighting import WeightingPolicy
from penilaian.regimes import default_registry
from penilaian.reporting.words import WORDS
from penilaian.scoring.timeline import suggest_regime
from penilaian.serialization import dumps, json_schema, loads, unstructure
from penilaian.server.command import add_parser as add_serve_parser
from penilaian.server.command import serve
from penilaian.typing import PolicyTakingStrategy

if TYPE_CHECKING:
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

_SCORE_FORMATS: Final = ("text", "json", "csv", "markdown", "xlsx")
_REPORT_FORMATS: Final = ("text", "markdown", "html")


class _UsageError(Exception):
    """Wrong usage found after parsing (exit 2)."""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="penilaian",
        description="Exact, explainable performance appraisal for ASN.",
        epilog="Exit codes: 0 ok, 1 invalid input, 2 wrong usage, 3 internal error, "
        "130 interrupted.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    lang = argparse.ArgumentParser(add_help=False)
    lang.add_argument("--lang", choices=["id", "en"], default="id", help="language of the text")
    source = argparse.ArgumentParser(add_help=False)
    source.add_argument("file", help="JSON (or - for stdin), an .xlsx workbook or a CSV folder")
    scoring = argparse.ArgumentParser(add_help=False)
    scoring.add_argument("--regime", help="a regime id (default: the one governing the period)")
    scoring.add_argument("--policy", help="a weighting-policy JSON file for the regime")
    output = argparse.ArgumentParser(add_help=False)
    output.add_argument("--output", "-o", help="write to this file (whole or not at all)")

    demo = commands.add_parser("demo", parents=[lang], help="score and explain the samples")
    demo.add_argument("--json", action="store_true", help="print the sample as JSON instead")
    demo.add_argument(
        "--regime", choices=sorted(SAMPLES), default="permen6_2022", help="the trace to show"
    )
    score = commands.add_parser(
        "score", parents=[source, scoring, lang, output], help="score appraisals"
    )
    score.add_argument("--format", choices=_SCORE_FORMATS, default="text", help="output format")
    score.add_argument("--json", action="store_true", help="the same as --format json")
    score.add_argument("--trace", action="store_true", help="with --format text: the traces")
    commands.add_parser(
        "validate",
        parents=[source, scoring, lang],
        help="check a file of appraisals, and say each result's notes",
    )
    commands.add_parser("schema", parents=[output], help="the JSON Schema of an appraisal")
    explain = commands.add_parser(
        "explain", parents=[source, scoring, lang, output], help="one employee's trace"
    )
    explain.add_argument("--appraisal", help="the appraisal id (needed when FILE has several)")
    curve = commands.add_parser(
        "curve", parents=[lang, output], help="check a unit against its distribution curve"
    )
    curve.add_argument("file", help="a unit JSON document (unit, unit_grade, appraisals)")
    curve.add_argument("--propose", action="store_true", help="also propose a calibration")
    curve.add_argument("--max-steps", type=int, default=1, help="rating levels a change may move")
    curve.add_argument("--format", choices=_REPORT_FORMATS, default="text", help="output format")
    cycle = commands.add_parser(
        "completeness",
        parents=[source, scoring, lang, output],
        help="who in a cycle still lacks what (targets, realisations, ratings, feedback)",
    )
    cycle.add_argument(
        "--format", choices=_COMPLETENESS_FORMATS, default="text", help="output format"
    )
    template = commands.add_parser("template", help="a spreadsheet template to fill in")
    template.add_argument("--format", choices=["xlsx", "csv"], default="xlsx", help="file type")
    template.add_argument(
        "--output", "-o", required=True, help="the .xlsx file, or the folder for CSV files"
    )
    template.add_argument(
        "--example", action="store_true", help="fill it with the sample unit's ten appraisals"
    )
    report = commands.add_parser(
        "report", parents=[source, scoring, lang, output], help="one employee's report"
    )
    report.add_argument("--appraisal", help="the appraisal id (needed when FILE has several)")
    report.add_argument("--format", choices=_REPORT_FORMATS[1:], default="markdown")
    report.add_argument("--no-plan", action="store_true", help="leave the development plan out")
    add_parser(commands, [lang, output])
    add_serve_parser(commands, [lang])
    return parser


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
        print("penilaian: interrupted", file=err)
        return EXIT_INTERRUPTED


def _run(argv: Sequence[str] | None, out: TextIO, err: TextIO) -> int:
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exit_:
        return EXIT_OK if exit_.code == 0 else EXIT_USAGE
    try:
        _check_regime(args)  # before any file is read: an unknown --regime is usage
        return _COMMANDS[args.command](args, out, err)
    except (OtherFileError, SimulateInputError) as error:
        print(error, file=err)
        return EXIT_INVALID_INPUT
    except (PenilaianError, OSError) as error:
        where = getattr(args, "file", None)
        print(f"{where}: {error}" if where else str(error), file=err)
        return EXIT_INVALID_INPUT
    except (_UsageError, SimulateUsageError) as error:
        print(f"penilaian {args.command}: {error}", file=err)
        return EXIT_USAGE
    except Exception as error:  # noqa: BLE001 - the last resort: report, never a traceback dump
        print(f"penilaian: internal error: {type(error).__name__}: {error}", file=err)
        print("".join(traceback.format_exception(error)[-3:]).rstrip(), file=err)
        print("This is a bug in penilaian; please report it with the lines above.", file=err)
        return EXIT_INTERNAL_ERROR


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


def _scored(args: argparse.Namespace) -> list[tuple[Appraisal, Result]]:
    appraisals = load_appraisals(args.file)
    return [
        (appraisal, _strategy(args, appraisal).score(appraisal))
        for appraisal in each_with_progress(appraisals, "scored")
    ]


def _score(args: argparse.Namespace, out: TextIO, _err: TextIO) -> int:
    fmt = "json" if args.json else args.format
    pairs = _scored(args)
    if fmt == "xlsx":
        if args.output is None:
            raise _UsageError("--format xlsx needs --output FILE")
        from penilaian.io.spreadsheet import write_results  # noqa: PLC0415 - optional extra

        results, appraisals = [r for _, r in pairs], [a for a, _ in pairs]
        with naming(args.output):
            write_results(_binary(args.output, out), results, appraisals, "xlsx", lang=args.lang)
        return EXIT_OK
    if fmt == "json":
        items = [unstructure(result) for _, result in pairs]
        data = items[0] if len(items) == 1 else items
        text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    elif fmt in {"csv", "markdown"}:
        text = results_table(pairs, args.lang, markdown=fmt == "markdown")
    else:
        blocks = [render_result(result, args.lang, trace=args.trace) for _, result in pairs]
        text = "\n\n".join(blocks) + "\n"
    write_output(text, args.output, out)
    return EXIT_OK


def _validate(args: argparse.Namespace, _out: TextIO, err: TextIO) -> int:
    appraisals = load_appraisals(args.file)
    ids = ", ".join(appraisal.id for appraisal in appraisals[:5])
    more = f" and {len(appraisals) - 5} more" if len(appraisals) > 5 else ""
    noun = "appraisal" if len(appraisals) == 1 else f"{len(appraisals)} appraisals"
    print(f"{args.file}: valid {noun} {ids}{more}", file=err)
    for appraisal in appraisals:
        # The notes are the regime's: score under the regime asked for or governing.
        try:
            result = _strategy(args, appraisal).score(appraisal, trace=False)
        except PenilaianError as error:
            print(f"{appraisal.id}: {error}", file=err)
            continue
        for line in render_notes(result, args.lang):
            print(f"{appraisal.id} ({result.regime}):{line[1:]}", file=err)
    return EXIT_OK


def _schema(args: argparse.Namespace, out: TextIO, _err: TextIO) -> int:
    text = json.dumps(json_schema(Appraisal), indent=2, ensure_ascii=False) + "\n"
    write_output(text, args.output, out)
    return EXIT_OK


def _chosen(appraisals: Sequence[Appraisal], appraisal_id: str | None) -> Appraisal:
    if appraisal_id is None:
        if len(appraisals) == 1:
            return appraisals[0]
        raise _UsageError(f"the file has {len(appraisals)} appraisals: choose one with --appraisal")
    for appraisal in appraisals:
        if appraisal.id == appraisal_id:
            return appraisal
    known = ", ".join(appraisal.id for appraisal in appraisals[:10])
    raise _UsageError(f"no appraisal {appraisal_id!r} in the file (it has {known})")


def _explain(args: argparse.Namespace, out: TextIO, _err: TextIO) -> int:
    appraisal = _chosen(load_appraisals(args.file), args.appraisal)
    result = _strategy(args, appraisal).score(appraisal)
    lines = [render_result(result, args.lang)]
    if result.trace is not None:
        lines += ["", render_trace(result.trace, args.lang)]
    write_output("\n".join(lines) + "\n", args.output, out)
    return EXIT_OK


def _curve(args: argparse.Namespace, out: TextIO, _err: TextIO) -> int:
    unit = loads(read_input(args.file), UnitAppraisals)
    check = unit.check_curve()
    calibration = propose_calibration(check, max_steps=args.max_steps) if args.propose else None
    if args.format == "text":
        text = check.describe(args.lang)
        if calibration is not None:
            text += "\n\n" + calibration.describe(args.lang)
        text += "\n"
    else:
        from penilaian.reporting.unit import unit_report  # noqa: PLC0415 - boundary module

        names = {a.employee.id: a.employee.name for a in unit.appraisals}
        made = unit_report(
            check, calibration=calibration, lang=args.lang, unit_name=unit.unit.name, names=names
        )
        text = made.html() if args.format == "html" else made.markdown()
    write_output(text, args.output, out)
    return EXIT_OK


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
        write_template(target, args.format, example=example)
    print(f"{args.output}: {args.format} template written", file=err)
    return EXIT_OK


def _report(args: argparse.Namespace, out: TextIO, _err: TextIO) -> int:
    from penilaian.reporting.employee import employee_report  # noqa: PLC0415 - boundary module

    appraisal = _chosen(load_appraisals(args.file), args.appraisal)
    strategy = _strategy(args, appraisal)
    result = strategy.score(appraisal)
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
