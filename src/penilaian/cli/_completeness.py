"""
The ``penilaian completeness`` command: who in a cycle still lacks what.

It reads the files ``score`` reads and checks each appraisal against the
`penilaian.analysis.completeness.Requirements` of its regime (``--regime``, or the one
governing the appraisal's period, with ``--policy`` if given), then writes the
people and units with what they lack, as text, JSON, CSV or Markdown.
"""

from __future__ import annotations

import io
import json
from typing import TYPE_CHECKING, Final

from penilaian.analysis.completeness import (
    CycleCompleteness,
    MissingKind,
    check_completeness,
    requirements_of,
)
from penilaian.cli._files import load_appraisals, write_output
from penilaian.io.escaping import CsvWriter, escape_markdown
from penilaian.reporting.words import WORDS

if TYPE_CHECKING:
    import argparse
    from collections.abc import Callable, Mapping
    from typing import TextIO

    from penilaian._base.labels import Language
    from penilaian.analysis.completeness import PersonCompleteness, UnitCompleteness
    from penilaian.model.appraisal import Appraisal
    from penilaian.typing import ScoringStrategy

__all__ = ["FORMATS", "completeness", "render_completeness"]

FORMATS: Final = ("text", "json", "csv", "markdown")

_CSV_HEADERS: Final = (
    "unit_id",
    "appraisal_id",
    "employee_id",
    "regime",
    "kind",
    "label",
    "subject",
    "path",
    "found",
    "needed",
    "rule",
)


def completeness(
    args: argparse.Namespace,
    out: TextIO,
    strategy: Callable[[argparse.Namespace, Appraisal], ScoringStrategy],
) -> None:
    """Check the appraisals of ``args.file`` and write what each person and unit lacks."""
    appraisals = load_appraisals(args.file)
    cycle = check_completeness(
        appraisals, lambda appraisal: requirements_of(strategy(args, appraisal))
    )
    write_output(render_completeness(cycle, args.format, args.lang), args.output, out)


def render_completeness(cycle: CycleCompleteness, fmt: str, lang: Language = "id") -> str:
    """Return *cycle* written as ``text``, ``json``, ``csv`` or ``markdown``."""
    if fmt == "json":
        return json.dumps(_as_json(cycle, lang), indent=2, ensure_ascii=False) + "\n"
    if fmt == "csv":
        return _csv(cycle, lang)
    if fmt == "markdown":
        return _markdown(cycle, lang)
    return _text(cycle, lang)


def _counts(counts: Mapping[MissingKind, int]) -> dict[str, int]:
    return {kind.value: count for kind, count in counts.items()}


def _person(person: PersonCompleteness, lang: Language) -> dict[str, object]:
    return {
        "appraisal_id": person.appraisal_id,
        "employee_id": person.employee_id,
        "unit_id": person.unit_id,
        "regime": person.regime,
        "complete": person.is_complete,
        "counts": _counts(person.counts),
        "missing": [
            {
                "kind": item.kind.value,
                "label": item.kind.label(lang),
                "path": item.path,
                "subject": item.subject,
                "found": item.found,
                "needed": item.needed,
                "rule": item.rule.id,
                "clause": item.rule.clause,
            }
            for item in person.missing
        ],
    }


def _as_json(cycle: CycleCompleteness, lang: Language) -> dict[str, object]:
    return {
        "complete": cycle.is_complete,
        "people": len(cycle.people),
        "incomplete": len(cycle.incomplete),
        "counts": _counts(cycle.counts),
        "units": [
            {
                "unit_id": unit.unit_id,
                "name": unit.name,
                "counts": _counts(unit.counts),
                "within": _counts(unit.within),
                "people": [_person(person, lang) for person in unit.people],
            }
            for unit in cycle.units
        ],
    }


def _unit_name(unit: UnitCompleteness, words: Mapping[str, str]) -> str:
    if unit.unit_id is None:
        return words["completeness.no_unit"]
    return f"{unit.name} ({unit.unit_id})" if unit.name else unit.unit_id


def _count_text(counts: Mapping[MissingKind, int], lang: Language) -> str:
    return ", ".join(f"{kind.label(lang)} {count}" for kind, count in counts.items())


def _text(cycle: CycleCompleteness, lang: Language) -> str:
    words = WORDS.in_language(lang)
    summary = words["completeness.summary"].format(
        incomplete=len(cycle.incomplete), people=len(cycle.people)
    )
    lines = [f"{words['completeness.title']}: {summary}"]
    if cycle.counts:
        lines.append(f"  {words['completeness.total']}: {_count_text(cycle.counts, lang)}")
    for unit in cycle.units:
        unit_summary = words["completeness.summary"].format(
            incomplete=len(unit.incomplete), people=len(unit.people)
        )
        lines += ["", f"{_unit_name(unit, words)}: {unit_summary}"]
        if unit.counts:
            lines.append(f"  {words['completeness.total']}: {_count_text(unit.counts, lang)}")
        for person in unit.incomplete:
            lines.append(f"  {person.employee_id} ({person.appraisal_id}, {person.regime}):")
            lines += [f"    - {item.describe(lang)}" for item in person.missing]
    return "\n".join(lines) + "\n"


def _rows(cycle: CycleCompleteness, lang: Language) -> list[list[str]]:
    return [
        [
            person.unit_id or "",
            person.appraisal_id,
            person.employee_id,
            person.regime,
            item.kind.value,
            item.kind.label(lang),
            item.subject or "",
            item.path,
            str(item.found),
            str(item.needed),
            item.rule.id,
        ]
        for person in cycle.people
        for item in person.missing
    ]


def _csv(cycle: CycleCompleteness, lang: Language) -> str:
    buffer = io.StringIO()
    writer = CsvWriter(buffer)
    writer.writerow(list(_CSV_HEADERS))
    for row in _rows(cycle, lang):
        writer.writerow(row)
    return buffer.getvalue()


def _markdown(cycle: CycleCompleteness, lang: Language) -> str:
    words = WORDS.in_language(lang)
    kinds = [kind for kind in MissingKind if kind in cycle.counts]
    lines = [f"# {words['completeness.title']}", ""]
    header = [words["unit"], words["completeness.people"], words["completeness.incomplete"]]
    header += [kind.label(lang) for kind in kinds]
    lines += ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for unit in cycle.units:
        cells = [_unit_name(unit, words), str(len(unit.people)), str(len(unit.incomplete))]
        cells += [str(unit.counts.get(kind, 0)) for kind in kinds]
        lines.append("| " + " | ".join(escape_markdown(cell) for cell in cells) + " |")
    lines += ["", f"## {words['completeness.missing']}", ""]
    if cycle.is_complete:
        return "\n".join([*lines, words["completeness.all_complete"]]) + "\n"
    header = [words["unit"], words["employee"], words["completeness.kind"]]
    header += [words["completeness.subject"], words["completeness.path"]]
    header += [words["completeness.found"], words["completeness.needed"]]
    lines += ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for row in _rows(cycle, lang):
        cells = [row[0], row[2], row[5], row[6], row[7], row[8], row[9]]
        lines.append("| " + " | ".join(escape_markdown(cell) for cell in cells) + " |")
    return "\n".join(lines) + "\n"
