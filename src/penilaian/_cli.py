"""
The ``penilaian`` command line: ``demo``, ``validate FILE`` and ``schema``.

Data goes to standard output, messages to standard error.  Exit codes: 0 success,
1 invalid input (every problem is listed with its JSON path), 2 wrong usage.
"""

from __future__ import annotations

import argparse
import json
import sys
from importlib import resources
from typing import TYPE_CHECKING, Final, TextIO

from penilaian._appraisal import Appraisal
from penilaian._raters import ExpectationLevel
from penilaian._targets import PointTarget, QualitativeTarget, RangeTarget, Target
from penilaian.exceptions import InvalidInputError, UnknownLabelError
from penilaian.serialization import dumps, json_schema, loads

if TYPE_CHECKING:
    from collections.abc import Sequence

    from penilaian._labels import Language

__all__ = [
    "EXIT_INVALID_INPUT",
    "EXIT_OK",
    "EXIT_USAGE",
    "console",
    "load_sample",
    "main",
    "render",
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
        "note": "Skor dan predikat dihitung oleh rezim penilaian; rilis ini memuat model datanya.",
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
        "note": "Scores and grades come from the scoring regimes; this release holds the model.",
    },
}


def load_sample() -> Appraisal:
    """Load the sample appraisal shipped with the package, through the strict loader."""
    text = resources.files("penilaian").joinpath("data/sample_appraisal.json").read_text("utf-8")
    return loads(text, Appraisal)


def _target_text(target: Target) -> str:
    if isinstance(target, PointTarget):
        return str(target.value)
    if isinstance(target, RangeTarget):
        return f"{target.low}\u2013{target.high}"
    assert isinstance(target, QualitativeTarget)  # noqa: S101 - the union is closed
    return f"\u201c{target.description}\u201d"


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
                f"{_target_text(indicator.target)}{unit} \u2192 {achieved}"
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
    lines += ["", words["note"]]
    return "\n".join(lines)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="penilaian", description="Exact, explainable performance appraisal for ASN."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    demo = commands.add_parser("demo", help="load, validate and show the embedded sample")
    demo.add_argument("--lang", choices=["id", "en"], default="id", help="language of the text")
    demo.add_argument("--json", action="store_true", help="print the sample as JSON instead")
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
        sample = load_sample()
        print(dumps(sample, indent=2) if args.json else render(sample, args.lang), file=out)
        return EXIT_OK
    with args.file as stream:
        text = stream.read()
    try:
        appraisal = loads(text, Appraisal)
    except InvalidInputError as error:
        print(f"{args.file.name}: {error}", file=err)
        return EXIT_INVALID_INPUT
    print(f"{args.file.name}: valid appraisal {appraisal.id}", file=err)
    return EXIT_OK


def console() -> None:
    """Entry point of the ``penilaian`` console script."""
    sys.exit(main())
