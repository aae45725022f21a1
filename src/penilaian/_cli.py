"""
The ``penilaian`` command line: ``demo``, ``score FILE``, ``validate FILE`` and ``schema``.

The demo scores each regime's sample, shows a trace, checks the sample unit against
its distribution curve with a calibration proposal, and plans the sample employee's
development.

Data goes to standard output, messages to standard error.  Exit codes: 0 success,
1 invalid input (every problem is listed with its JSON path), 2 wrong usage.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, Final, TextIO

from penilaian._appraisal import Appraisal
from penilaian._calibration import propose_calibration
from penilaian._development import recommend
from penilaian._raters import ExpectationLevel
from penilaian._samples import SAMPLES, load_sample, load_sample_unit
from penilaian._trace import render_trace
from penilaian.exceptions import InvalidInputError, UnknownLabelError, UnknownStrategyError
from penilaian.regimes import default_registry
from penilaian.serialization import dumps, json_schema, loads

if TYPE_CHECKING:
    from collections.abc import Sequence

    from penilaian._labels import Language
    from penilaian._result import Result

__all__ = [
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

_WORDS: Final = {
    "id": {
        "title": "Penilaian kinerja (contoh tervalidasi)",
        "employee": "Pegawai",
        "position": "Jabatan",
        "period": "Periode",
        "framework": "Perilaku kerja",
        "targets": "Rencana hasil kerja",
        "missing": "belum dilaporkan",
        "raters": "Penilai",
        "ratings": "Penilaian",
        "expectations": "Ekspektasi khusus pimpinan",
        "feedback": "Umpan balik berkelanjutan",
        "managerial": "manajerial",
        "non_managerial": "non-manajerial",
        "no_nip": "tanpa NIP",
        "scores": "Predikat menurut setiap rezim (contoh masing-masing rezim)",
        "score": "nilai",
        "gap": "belum lengkap",
        "trace": "Jejak perhitungan",
        "curve": "Kurva distribusi unit contoh (PermenPANRB 6/2022)",
        "calibration": "Usulan kalibrasi",
        "plan": "Rencana pengembangan pegawai contoh",
    },
    "en": {
        "title": "Performance appraisal (validated sample)",
        "employee": "Employee",
        "position": "Position",
        "period": "Period",
        "framework": "Behaviour",
        "targets": "Work targets",
        "missing": "not reported",
        "raters": "Raters",
        "ratings": "Ratings",
        "expectations": "Leader's special expectations",
        "feedback": "Continuous feedback",
        "managerial": "managerial",
        "non_managerial": "non-managerial",
        "no_nip": "no NIP",
        "scores": "Grade under each regime (each regime's own sample)",
        "score": "score",
        "gap": "incomplete",
        "trace": "How the grade came about",
        "curve": "The sample unit against its distribution curve (PermenPANRB 6/2022)",
        "calibration": "Calibration proposal",
        "plan": "The sample employee's development plan",
    },
}


def render_result(
    result: Result, lang: Language = "id", *, detail: bool = True, trace: bool = False
) -> str:
    """Render a result: regime, grade and score; with *detail* its ratings and gaps; the trace."""
    words = _WORDS[lang]
    grade = result.grade.label(lang) if result.grade else result.ratings.get("band", "\u2014")
    score = f", {words['score']} {result.score}" if result.score is not None else ""
    lines = [f"{result.regime}: {grade}{score}"]
    if detail:
        lines += [f"  {key} = {value}" for key, value in result.ratings.items()]
        lines += [f"  {words['gap']}: {gap.reason} @ {gap.path}" for gap in result.gaps]
    if trace and result.trace is not None:
        lines += ["", render_trace(result.trace, lang)]
    return "\n".join(lines)


def _level_label(level: str, lang: Language) -> str:
    try:
        return ExpectationLevel.parse(level).label(lang)
    except UnknownLabelError:
        return level


def render(appraisal: Appraisal, lang: Language = "id") -> str:
    """Render *appraisal* as readable text in *lang* (Indonesian by default)."""
    words = _WORDS[lang]
    employee, position = appraisal.employee, appraisal.position
    nip = employee.nip.spaced if employee.nip else words["no_nip"]
    status = f", {employee.status.label(lang)}" if employee.status else ""
    managerial = words["managerial" if position.is_managerial else "non_managerial"]
    lines = [
        words["title"],
        "=" * len(words["title"]),
        f"{words['employee']}: {employee.name} ({nip}{status})",
        f"{words['position']}: {position.title} \u2014 {position.kind.label(lang)}, {managerial}",
        f"{words['period']}: {appraisal.period.label(lang)}",
        f"{words['framework']}: {appraisal.framework.name}",
        "",
        f"{words['targets']}:",
    ]
    for target in appraisal.targets:
        lines.append(f"  [{target.kind.label(lang)}] {target.id} {target.title}")
        for indicator in target.indicators:
            unit = f" {indicator.unit}" if indicator.unit else ""
            realised = indicator.realisation
            if realised is None:
                achieved = f"({words['missing']})"
            elif realised.value is not None:
                achieved = f"{realised.value}{unit}"
            else:
                achieved = f"\u201c{realised.description}\u201d"
            lines.append(
                f"    - {indicator.id} {indicator.description} "
                f"[{indicator.aspect.label(lang)}, {indicator.direction.label(lang)}]: "
                f"{indicator.target.text}{unit} \u2192 {achieved}"
            )
    lines += ["", f"{words['raters']}:"]
    for rater in appraisal.raters:
        count = sum(1 for rating in appraisal.ratings if rating.rater_id == rater.id)
        lines.append(f"  - {rater.role.label(lang)}: {rater.name or rater.id} ({count})")
    lines += ["", f"{words['ratings']}:"]
    for rating in appraisal.ratings:
        if rating.level is not None:
            comment = f" \u2014 {rating.comment}" if rating.comment else ""
            level = _level_label(rating.level, lang)
            lines.append(f"  - {rating.rater_id} \u2192 {rating.subject}: {level}{comment}")
    if appraisal.special_expectations:
        lines += ["", f"{words['expectations']}:"]
        lines += [f"  - {item.aspect_id}: {item.text}" for item in appraisal.special_expectations]
    if appraisal.feedback:
        lines += ["", f"{words['feedback']}:"]
        lines += [
            f"  - {note.given_on.isoformat()} {note.author_id}: {note.text}"
            for note in appraisal.feedback
        ]
    return "\n".join(lines)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="penilaian", description="Exact, explainable performance appraisal for ASN."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    regimes = sorted(SAMPLES)
    demo = commands.add_parser("demo", help="load, validate, show and score the embedded samples")
    demo.add_argument("--lang", choices=["id", "en"], default="id", help="language of the text")
    demo.add_argument("--json", action="store_true", help="print the sample as JSON instead")
    demo.add_argument(
        "--regime", choices=regimes, default="permen6_2022", help="the regime whose trace to show"
    )
    score = commands.add_parser("score", help="score an appraisal JSON file under a regime")
    score.add_argument("file", type=argparse.FileType("rb"), help="the JSON file, or - for stdin")
    score.add_argument("--regime", required=True, help="a regime id, e.g. permen6_2022")
    score.add_argument("--lang", choices=["id", "en"], default="id", help="language of the text")
    score.add_argument("--trace", action="store_true", help="also show how the grade came about")
    score.add_argument("--json", action="store_true", help="print the result as JSON")
    validate = commands.add_parser("validate", help="check an appraisal JSON file")
    validate.add_argument(
        "file", type=argparse.FileType("rb"), help="the JSON file, or - for stdin"
    )
    commands.add_parser("schema", help="print the JSON Schema of an appraisal document")
    return parser


def main(
    argv: Sequence[str] | None = None, stdout: TextIO | None = None, stderr: TextIO | None = None
) -> int:
    """Run the command line with *argv* and return its exit code."""
    out = stdout or sys.stdout
    err = stderr or sys.stderr
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exit_:
        return EXIT_OK if exit_.code == 0 else EXIT_USAGE
    if args.command == "schema":
        print(json.dumps(json_schema(Appraisal), indent=2, ensure_ascii=False), file=out)
        return EXIT_OK
    if args.command == "demo":
        return _demo(args.lang, args.regime, as_json=args.json, out=out)
    with args.file as stream:
        text = stream.read()
    try:
        appraisal = loads(text, Appraisal)
        if args.command == "validate":
            print(f"{args.file.name}: valid appraisal {appraisal.id}", file=err)
            return EXIT_OK
        result = default_registry().get(args.regime).score(appraisal)
    except (InvalidInputError, UnknownStrategyError) as error:
        print(f"{args.file.name}: {error}", file=err)
        return EXIT_INVALID_INPUT
    if args.json:
        print(dumps(result, indent=2), file=out)
    else:
        print(render_result(result, args.lang, trace=args.trace), file=out)
    return EXIT_OK


def _demo(lang: Language, regime_id: str, *, as_json: bool, out: TextIO) -> int:
    sample = load_sample()
    if as_json:
        print(dumps(sample, indent=2), file=out)
        return EXIT_OK
    words = _WORDS[lang]
    registry = default_registry(entry_points=False)
    results = {name: registry.get(name).score(load_sample(name)) for name in sorted(SAMPLES)}
    lines = [render(sample, lang), "", f"{words['scores']}:"]
    lines += [f"  {render_result(result, lang, detail=False)}" for result in results.values()]
    chosen = results[regime_id].trace
    if chosen is not None:
        lines += ["", f"{words['trace']} ({regime_id}):", render_trace(chosen, lang)]
    check = load_sample_unit().check_curve()
    lines += ["", f"{words['curve']}:", check.describe(lang)]
    lines += ["", f"{words['calibration']}:", propose_calibration(check).describe(lang)]
    plan = recommend(results["permen6_2022"], appraisal=sample)
    lines += ["", f"{words['plan']}:", plan.describe(lang)]
    print("\n".join(lines), file=out)
    return EXIT_OK


def console() -> None:
    """Entry point of the ``penilaian`` console script."""
    sys.exit(main())
