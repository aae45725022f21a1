"""
Text the command line prints: an appraisal, a result, and results as a table.

Indonesian by default, English on request; used by `penilaian.cli._main`.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from penilaian._base.trace import Gap, render_trace
from penilaian.cli._words import CLI_WORDS
from penilaian.exceptions import (
    InvalidInputError,
    PenilaianError,
    Problem,
    UnknownLabelError,
    in_language,
)
from penilaian.io.escaping import CsvWriter, escape_markdown
from penilaian.model.raters import ExpectationLevel

if TYPE_CHECKING:
    from collections.abc import Sequence

    from penilaian._base.labels import Language
    from penilaian.model.appraisal import Appraisal
    from penilaian.scoring.result import Result
from penilaian.reporting.words import WORDS

__all__ = [
    "error_lines",
    "person",
    "problem_text",
    "render",
    "render_notes",
    "render_result",
    "results_table",
]


def problem_text(problem: Problem | Gap | Exception, lang: Language = "id") -> str:
    """
    Return a problem (or an error) as the command line prints it, in *lang*.

    The one door for the library's reasons: every problem and error message the
    command line prints passes here, through the catalogue of reasons in both
    languages (`penilaian.exceptions.in_language`).  An error that is not the
    library's (a file that cannot be opened) keeps its own text.
    """
    if isinstance(problem, Gap):
        return f"{in_language(problem.reason, lang)} @ {problem.path}"
    if isinstance(problem, Problem | PenilaianError):
        return in_language(problem, lang)
    return str(problem)


def error_lines(error: Exception, lang: Language = "id") -> list[str]:
    """Return *error* as lines: a summary, then each problem (of an `InvalidInputError`)."""
    if not isinstance(error, InvalidInputError):
        return [problem_text(error, lang)]
    words = CLI_WORDS.in_language(lang)
    lines = [words["problems"].format(count=error.count) + ":"]
    lines += [f"  {problem_text(problem, lang)}" for problem in error.problems]
    if error.omitted:
        lines.append("  " + words["problems.more"].format(count=error.omitted))
    return lines


def person(appraisal: Appraisal, lang: Language = "id") -> str:
    """Name the person of *appraisal*: ``name (NIP 1981..., appraisal id)``."""
    employee = appraisal.employee
    nip = f"NIP {employee.nip.spaced}" if employee.nip else CLI_WORDS.in_language(lang)["no_nip"]
    return f"{employee.name} ({nip}, {appraisal.id})"


def render_result(
    result: Result, lang: Language = "id", *, detail: bool = True, trace: bool = False
) -> str:
    """Render a result: regime, grade, score; with *detail* its ratings, gaps, notes; the trace."""
    words = WORDS.in_language(lang)
    grade = (
        result.grade.label(lang, regime=result.regime)
        if result.grade
        else result.ratings.get("band", "\u2014")
    )
    score = f", {words['cli.score']} {result.score}" if result.score is not None else ""
    lines = [f"{result.regime}: {grade}{score}"]
    if detail:
        lines += [f"  {key} = {value}" for key, value in result.ratings.items()]
        lines += [f"  {words['cli.gap']}: {problem_text(gap, lang)}" for gap in result.gaps]
        lines += render_notes(result, lang)
    if trace and result.trace is not None:
        lines += ["", render_trace(result.trace, lang)]
    return "\n".join(lines)


def render_notes(result: Result, lang: Language = "id") -> list[str]:
    """Return one line per note of *result*: ``note: text @ path``, indented."""
    word = WORDS.in_language(lang)["cli.note"]
    return [f"  {word}: {note.text(lang)} @ {note.path}" for note in result.notes]


def _level_label(level: str, lang: Language) -> str:
    try:
        return ExpectationLevel.parse(level).label(lang)
    except UnknownLabelError:
        return level


def render(appraisal: Appraisal, lang: Language = "id") -> str:
    """Render *appraisal* as readable text in *lang* (Indonesian by default)."""
    words = WORDS.in_language(lang)
    employee, position = appraisal.employee, appraisal.position
    nip = employee.nip.spaced if employee.nip else words["no_nip"]
    status = f", {employee.status.label(lang)}" if employee.status else ""
    managerial = words["managerial" if position.is_managerial else "non_managerial"]
    lines = [
        words["cli.title"],
        "=" * len(words["cli.title"]),
        f"{words['employee']}: {employee.name} ({nip}{status})",
        f"{words['position']}: {position.title} \u2014 {position.kind.label(lang)}, {managerial}",
        f"{words['period']}: {appraisal.period.label(lang)}",
        f"{words['behaviour']}: {appraisal.framework.name}",
        "",
        f"{words['cli.targets']}:",
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
    lines += ["", f"{words['cli.raters']}:"]
    for rater in appraisal.raters:
        count = sum(1 for rating in appraisal.ratings if rating.rater_id == rater.id)
        lines.append(f"  - {rater.role.label(lang)}: {rater.name or rater.id} ({count})")
    lines += ["", f"{words['cli.ratings']}:"]
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


def results_table(
    pairs: Sequence[tuple[Appraisal, Result]],
    lang: Language = "id",
    *,
    markdown: bool = False,
    raw: bool = False,
) -> str:
    """
    Return one row per result, as CSV (default) or a Markdown table.

    The rows and columns are the ``results`` table of `penilaian.io.spreadsheet.write_results`,
    each result beside the appraisal it is paired with.  CSV text cells that would
    start a formula get a single quote in front unless *raw*
    (`penilaian.io.escaping.CsvWriter`); Markdown cells are escaped by
    `penilaian.io.escaping.escape_markdown`, as the reports' are.

    Raises:
        InvalidInputError: for a result paired with another appraisal, or two
            pairs of one appraisal id, or text no cell can hold.
    """
    from penilaian.io.export import result_rows  # noqa: PLC0415 - the export's own rows
    from penilaian.io.tables import RESULTS  # noqa: PLC0415

    rows, problems = result_rows(pairs, lang)
    if problems:
        raise InvalidInputError(problems)
    headers = [column.header for column in RESULTS.columns]
    cells = [[_cell(row[header], lang) for header in headers] for row in rows[RESULTS]]
    if markdown:
        lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
        lines += [
            "| " + " | ".join(escape_markdown(value).strip() for value in row) + " |"
            for row in cells
        ]
        return "\n".join(lines) + "\n"
    buffer = io.StringIO()
    writer = CsvWriter(buffer, raw=raw, lineterminator="\n")
    writer.writerow(headers)
    writer.writerows(cells)
    return buffer.getvalue()


def _cell(value: object, lang: Language) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return CLI_WORDS.in_language(lang)["yes" if value else "no"]
    return str(value)
