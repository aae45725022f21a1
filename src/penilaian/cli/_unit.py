"""
A unit's curve from the files ``score`` reads: ``penilaian curve`` and ``penilaian report --unit``.

FILE is a unit JSON document (``unit``, ``unit_grade``, ``appraisals``: checked as it
is), or any file of appraisals ``score`` reads (a workbook, a CSV folder, JSON).  The
appraisals of such a file are scored (``--regime``, ``--policy``), grouped by their
position's ``unit_id``, and each unit is checked against its distribution curve with
the organisation grade its appraisals give (``unit_grade``, on the leader's row).  An
appraisal that cannot be scored, has no grade or names no unit is set aside and
named, as `penilaian.cli._batch` does; the rest are checked.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

import attrs

from penilaian.analysis.curve.calibration import propose_calibration
from penilaian.analysis.curve.check import CurveCheck, GradedEmployee, check_curve
from penilaian.analysis.curve.unit import UnitAppraisals, unit_grades
from penilaian.cli._batch import Scored, SetAside, report_set_aside, score_each
from penilaian.cli._files import Loaded, load_sourced, read_input, write_output
from penilaian.cli._text import person, problem_text
from penilaian.cli._words import CLI_WORDS
from penilaian.exceptions import InvalidInputError, InvalidValueError, MissingValueError, Problem
from penilaian.reporting.words import WORDS
from penilaian.serialization import loads, parse_json

if TYPE_CHECKING:
    import argparse
    from collections.abc import Callable, Sequence
    from typing import TextIO

    from penilaian._base.labels import Language
    from penilaian.model.appraisal import Appraisal
    from penilaian.scoring.result import Result
    from penilaian.typing import ScoringStrategy

__all__ = ["UnitCheck", "UnitUsageError", "curve_command", "unit_checks", "unit_report_command"]


class UnitUsageError(Exception):
    """Wrong usage of ``curve`` or ``report --unit`` found after parsing (exit 2)."""


@attrs.frozen
class UnitCheck:
    """
    One unit's check against its curve.

    Attributes:
        check: The check.
        unit_name: The unit's name, if the file gives one.
        names: Each employee's name by employee id.
    """

    check: CurveCheck
    unit_name: str | None
    names: Mapping[str, str]


def unit_checks(
    file: str,
    strategy: Callable[[Appraisal], ScoringStrategy],
    lang: Language = "id",
) -> tuple[list[UnitCheck], Scored | None]:
    """
    Check each unit of *file* against its curve.

    Returns:
        Each unit's check, in order of first appearance (none if no appraisal
        could be graded), and what scoring gave (`None` for a unit JSON document,
        which is checked whole).

    Raises:
        InvalidInputError: for a file that is not readable, or a unit with no (or
            two) organisation grades.
    """
    if not file.endswith((".xlsx", ".csv")) and _is_unit_document(file):
        unit = loads(read_input(file), UnitAppraisals)
        names = {a.employee.id: a.employee.name for a in unit.appraisals}
        return [UnitCheck(unit.check_curve(), unit.unit.name, names)], None
    loaded = load_sourced(file)
    scored = score_each(loaded, strategy, lang, trace=False)
    graded, more = _graded(loaded, scored, lang)
    scored = _with(scored, more)
    units: dict[str, list[tuple[Appraisal, GradedEmployee]]] = {}
    for appraisal, employee in graded:
        units.setdefault(employee.unit_id or "", []).append((appraisal, employee))
    checks = []
    for unit_id, members in units.items():
        grade = _unit_grade(loaded, unit_id, [a for a, _ in members], lang)
        check = check_curve(unit_id, grade, [employee for _, employee in members])
        names = {a.employee.id: a.employee.name for a, _ in members}
        checks.append(UnitCheck(check, None, names))
    return checks, scored


def _is_unit_document(file: str) -> bool:
    if file == "-":
        return True  # standard input is read once: as a unit document, as before
    try:
        data = parse_json(read_input(file))
    except (InvalidInputError, OSError):
        return False
    return isinstance(data, dict) and "unit" in data


def _graded(
    loaded: Loaded, scored: Scored, lang: Language
) -> tuple[list[tuple[Appraisal, GradedEmployee]], dict[str, SetAside]]:
    words = CLI_WORDS.in_language(lang)
    index = {appraisal.id: position for position, appraisal in enumerate(loaded.appraisals)}
    graded: list[tuple[Appraisal, GradedEmployee]] = []
    more: dict[str, SetAside] = {}
    for appraisal, result in scored.pairs:
        position = index[appraisal.id]
        problem = _ungradable(appraisal, result, words)
        if problem is None:
            graded.append((appraisal, GradedEmployee.from_result(appraisal, result)))
            continue
        place = loaded.place(position, problem.path)
        more[appraisal.id] = SetAside(appraisal, loaded.row(position, lang), ((problem, place),))
    return graded, more


def _ungradable(appraisal: Appraisal, result: Result, words: Mapping[str, str]) -> Problem | None:
    if result.grade is None:
        gaps = "; ".join(gap.reason for gap in result.gaps)
        reason = f"{words['incomplete']}: {gaps}" if gaps else words["incomplete"]
        return Problem("$", reason, MissingValueError("grade", None, reason))
    if appraisal.position.unit_id is None:
        reason = words["no_unit"]
        return Problem("$.position.unit_id", reason, MissingValueError("unit_id", None, reason))
    return None


def _with(scored: Scored, more: Mapping[str, SetAside]) -> Scored:
    """Return *scored* with the appraisals in *more* moved from the scored to the set aside."""
    order = tuple(
        more.get(item[0].id, item) if not isinstance(item, SetAside) else item
        for item in scored.order
    )
    pairs = tuple(item for item in order if not isinstance(item, SetAside))
    aside = tuple(item for item in order if isinstance(item, SetAside))
    return Scored(pairs, aside, order)


def _unit_grade(loaded: Loaded, unit_id: str, members: list[Appraisal], lang: Language) -> str:
    words = CLI_WORDS.in_language(lang)
    grades = [grade.id for grade in unit_grades(loaded.appraisals, unit_id)]
    if len(grades) == 1:
        return grades[0]
    everyone = [a for a in loaded.appraisals if a.position.unit_id == unit_id]
    leader = next((a for a in everyone if a.position.leads_unit), members[0])
    first = loaded.appraisals.index(leader)
    if not grades:
        reason = words["no_unit_grade"].format(unit=unit_id)
        error: InvalidValueError = MissingValueError("unit_grade", None, reason)
    else:
        reason = words["unit_grades_differ"].format(unit=unit_id, grades=", ".join(grades))
        error = InvalidValueError("unit_grade", grades, reason)
    raise InvalidInputError([Problem(loaded.place(first, "$.unit_grade"), reason, error)])


def curve_command(
    args: argparse.Namespace,
    out: TextIO,
    err: TextIO,
    strategy: Callable[[Appraisal], ScoringStrategy],
) -> int:
    """Run ``penilaian curve``: each unit's check (with a proposal), as text or a report."""
    units, scored = unit_checks(args.file, strategy, args.lang)
    if not units:
        return _nothing_graded(scored, args, err)
    if args.format != "text":
        text = _unit_reports(args, units, scored, propose=args.propose, max_steps=args.max_steps)
        write_output(text, args.output, out)
        return 0 if scored is None else _outcome(scored, args.lang, err)
    words = WORDS.in_language(args.lang)
    parts = []
    for unit in units:
        text = unit.check.describe(args.lang)
        if args.propose:
            calibration = propose_calibration(unit.check, max_steps=args.max_steps)
            text += "\n\n" + calibration.describe(args.lang)
            if calibration.changes:
                text += "\n" + words["calibration_ties"]
        parts.append(text)
    write_output("\n\n".join(parts) + "\n", args.output, out)
    return 0 if scored is None else _outcome(scored, args.lang, err)


def _left_out(scored: Scored | None, unit_id: str, lang: Language) -> list[tuple[str, str]]:
    """Who of *unit_id* (or of no unit) was set aside, and why, for the unit's report."""
    return [
        (person(item.appraisal, lang), "; ".join(problem_text(p, lang) for p, _ in item.problems))
        for item in (scored.set_aside if scored is not None else ())
        if item.appraisal.position.unit_id in (None, unit_id)
    ]


def _nothing_graded(scored: Scored | None, args: argparse.Namespace, err: TextIO) -> int:
    """Name every appraisal set aside, and say that none was left for the curve (exit 1)."""
    if scored is not None:
        _outcome(scored, args.lang, err)
    print(f"{args.file}: {CLI_WORDS.in_language(args.lang)['no_unit_left']}", file=err)
    return 1


def _unit_reports(
    args: argparse.Namespace,
    units: Sequence[UnitCheck],
    scored: Scored | None,
    *,
    propose: bool,
    max_steps: int = 1,
) -> str:
    """The unit report of each unit (with a calibration if *propose*), Markdown or HTML."""
    from penilaian.reporting.unit import unit_report  # noqa: PLC0415 - boundary module

    words = CLI_WORDS.in_language(args.lang)
    chosen = [
        unit for unit in units if getattr(args, "unit_id", None) in (None, unit.check.unit_id)
    ]
    known = ", ".join(unit.check.unit_id for unit in units)
    if not chosen:
        raise UnitUsageError(words["no_such_unit"].format(unit=args.unit_id, known=known))
    if args.format == "html" and len(chosen) > 1:
        raise UnitUsageError(words["several_units"].format(count=len(chosen), units=known))
    made = [
        unit_report(
            unit.check,
            calibration=propose_calibration(unit.check, max_steps=max_steps) if propose else None,
            lang=args.lang,
            unit_name=unit.unit_name,
            names=unit.names,
            set_aside=_left_out(scored, unit.check.unit_id, args.lang),
        )
        for unit in chosen
    ]
    if args.format == "html":
        return made[0].html()
    return "\n".join(report.markdown() for report in made)


def unit_report_command(
    args: argparse.Namespace,
    out: TextIO,
    err: TextIO,
    strategy: Callable[[Appraisal], ScoringStrategy],
) -> int:
    """Run ``penilaian report --unit``: one report for each unit, with a calibration."""
    units, scored = unit_checks(args.file, strategy, args.lang)
    if not units:
        return _nothing_graded(scored, args, err)
    write_output(_unit_reports(args, units, scored, propose=True), args.output, out)
    return 0 if scored is None else _outcome(scored, args.lang, err)


def _outcome(scored: Scored, lang: Language, err: TextIO) -> int:
    """Name each set-aside appraisal and say how many: 1 if any was set aside, else 0."""
    return 1 if report_set_aside(scored, lang, lambda line: print(line, file=err)) else 0
