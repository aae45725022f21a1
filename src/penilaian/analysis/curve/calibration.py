"""
Calibration: the fewest grade changes that bring a unit within its distribution curve.

`propose_calibration` takes a `penilaian.analysis.curve.CurveCheck` and proposes changes; it never
applies them.  A change moves one employee to a neighbouring cell of the 3 x 3 matrix
(PermenPANRB 6/2022): one of the two ratings goes one level up or down (more with
``max_steps``), and the new grade is the matrix's.  A unit leader's work-results
rating is the unit's grade, so only the behaviour rating may change; an employee
without both ratings is not moved.  Rules waived by the small-unit leniency
(`QuotaConvention.small_unit_leniency`, off by default) are not enforced; a
change repeats the employee's result notes in its reason.

The proposal is exact and minimal: it solves a minimum-cost flow in integers where,
in order of precedence, (1) each person short of a minimum or over a maximum costs
more than any set of changes, (2) each changed employee costs more than any sum of
(3) grade steps moved.  So it reaches compliance whenever compliance is reachable
(else it comes as close as it can, and says so), with the fewest changed employees,
then the smallest total change of grade.

Ties are broken deterministically: of two cells giving the same grade, the nearer
one, then the one that keeps the behaviour rating; among employees in the same cell,
those whose ids sort first are moved first.  The choice among equals belongs to the
calibration panel; the proposal only names one.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from typing import TYPE_CHECKING, Final

import attrs

from penilaian._base.checks import TUPLE, whole_number
from penilaian.analysis.curve.check import CurveCheck, GradedEmployee, RuleCheck, check_curve
from penilaian.analysis.curve.flow import FlowNetwork
from penilaian.analysis.curve.rules import CurveBound, grade_name
from penilaian.analysis.words import WORDS
from penilaian.model.grades import GRADE_RANKING, Grade
from penilaian.model.raters import ExpectationLevel
from penilaian.regimes.permen6_2022 import PERMEN6_2022_MATRIX
from penilaian.scoring.result import Note

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from penilaian._base.labels import Language

__all__ = ["Calibration", "GradeChange", "propose_calibration"]

_LEVELS: Final = (ExpectationLevel.BELOW, ExpectationLevel.MEETS, ExpectationLevel.ABOVE)
_Cell = tuple[ExpectationLevel, ExpectationLevel]
_Kind = tuple[Grade, ExpectationLevel | None, ExpectationLevel | None, bool]
_NOTE: Final = ("catatan", "note")


@attrs.frozen
class GradeChange:
    """
    One proposed change: an employee's ratings and grade, before and after.

    Attributes:
        employee_id: Who moves.
        appraisal_id: The appraisal behind the grade, if known.
        before: The grade now.
        after: The grade proposed.
        ratings_before: The (work results, behaviour) ratings now.
        ratings_after: The ratings proposed; their matrix cell is *after*.
        serves: The enforced rules the change helps, as checked before calibration.
        counts: Each served rule's count before and after the whole proposal.
        notes: The employee's result notes (`penilaian.scoring.result.Note`), such as
            an indicator without a realisation: they did not block the grade, and
            the reason repeats them so the calibration panel sees them.
    """

    employee_id: str
    appraisal_id: str | None
    before: Grade
    after: Grade
    ratings_before: _Cell
    ratings_after: _Cell
    serves: tuple[RuleCheck, ...] = attrs.field(converter=TUPLE)
    counts: tuple[tuple[int, int], ...] = attrs.field(converter=TUPLE)
    notes: tuple[Note, ...] = attrs.field(default=(), converter=TUPLE)

    def reason(self, lang: Language = "id") -> str:
        """Say why the change is proposed: each rule it helps, with its counts and quota; notes."""
        quota = WORDS.in_language(lang)["quota"]
        parts = [
            f"{check.rule.describe(lang)}: {before} \u2192 {after} ({quota} {check.quota})"
            for check, (before, after) in zip(self.serves, self.counts, strict=True)
        ]
        word = _NOTE[1] if lang == "en" else _NOTE[0]
        parts.extend(f"{word}: {note.text(lang)}" for note in self.notes)
        return "; ".join(parts)

    def describe(self, lang: Language = "id") -> str:
        """Say the change and its reason in one line."""
        work, behaviour = (
            f"{old.label(lang)} \u2192 {new.label(lang)}" if old is not new else old.label(lang)
            for old, new in zip(self.ratings_before, self.ratings_after, strict=True)
        )
        words = WORDS.in_language(lang)
        ratings, conduct = words["work_results"], words["behaviour"]
        before, after = grade_name(self.before, lang), grade_name(self.after, lang)
        return (
            f"{self.employee_id}: {before} \u2192 {after}"
            f" ({ratings} {work}; {conduct} {behaviour}) \u2014 {self.reason(lang)}"
        )


@attrs.frozen
class Calibration:
    """
    A calibration proposal: the changes, and the unit's check before and after them.

    Attributes:
        before: The check of the unit as it is.
        after: The check of the unit with every change applied.
        changes: The proposed changes, in employee-id order.
        max_steps: How many rating levels one change may move in all.
    """

    before: CurveCheck
    after: CurveCheck
    changes: tuple[GradeChange, ...] = attrs.field(converter=TUPLE)
    max_steps: int = 1

    @property
    def reaches_compliance(self) -> bool:
        """Whether the unit complies once the changes are applied."""
        return self.after.compliant

    def apply(self) -> tuple[GradedEmployee, ...]:
        """Return the unit's employees with the changes applied, as new values, in order."""
        return self.after.employees

    def describe(self, lang: Language = "id") -> str:
        """Say the proposal in words: one line per change, then the outcome."""
        words = WORDS.in_language(lang)
        if not self.changes:
            return words["no_change_needed" if self.before.compliant else "unreachable"]
        lines = [change.describe(lang) for change in self.changes]
        outcome = words["complies" if self.reaches_compliance else "still_not"]
        return "\n".join([*lines, f"\u2192 {outcome}"])


def propose_calibration(check: CurveCheck, *, max_steps: int = 1) -> Calibration:
    """
    Propose the fewest grade changes that bring the unit within its curve.

    Args:
        check: The unit's check (from `penilaian.analysis.curve.check_curve`).
        max_steps: How many rating levels one change may move in all (default 1:
            one rating, one level).

    Returns:
        The proposal; ``reaches_compliance`` says whether it gets there.  A compliant
        unit gets no change.
    """
    steps = whole_number(max_steps, "max_steps")
    staff = check.employees
    targets = _solve(check, steps) if not check.compliant else {}
    moved = tuple(_moved(employee, targets.get(employee.employee_id)) for employee in staff)
    after = check_curve(
        check.unit_id, check.unit_grade, moved, curve=check.curve, convention=check.convention
    )
    changes = [
        _change(old, new, check, after)
        for old, new in zip(staff, moved, strict=True)
        if new.grade is not old.grade
    ]
    changes.sort(key=lambda change: change.employee_id)
    return Calibration(check, after, changes, steps)


def _moved(employee: GradedEmployee, cell: _Cell | None) -> GradedEmployee:
    if cell is None:
        return employee
    work, behaviour = cell
    grade = PERMEN6_2022_MATRIX[cell]
    return attrs.evolve(employee, grade=grade, work_results=work, behaviour=behaviour)


def _change(
    old: GradedEmployee, new: GradedEmployee, before: CurveCheck, after: CurveCheck
) -> GradeChange:
    served: list[RuleCheck] = []
    counts: list[tuple[int, int]] = []
    for then, now in zip(before.rules, after.rules, strict=True):
        leaves = old.grade in then.rule.grades and new.grade not in then.rule.grades
        enters = new.grade in then.rule.grades and old.grade not in then.rule.grades
        helps = leaves if then.rule.bound is CurveBound.AT_MOST else enters
        if then.enforced and helps:
            served.append(then)
            counts.append((then.count, now.count))
    return GradeChange(
        old.employee_id,
        old.appraisal_id,
        old.grade,
        new.grade,
        (old.work_results, old.behaviour),  # type: ignore[arg-type] # movable: both known
        (new.work_results, new.behaviour),  # type: ignore[arg-type]
        served,
        counts,
        old.notes,
    )


def _reachable(employee: GradedEmployee, steps: int) -> dict[Grade, _Cell]:
    """The grades one employee may be moved to, each with the cell that gives it."""
    if employee.work_results is None or employee.behaviour is None:
        return {}
    work, behaviour = _LEVELS.index(employee.work_results), _LEVELS.index(employee.behaviour)
    options: list[tuple[int, int, int, int]] = []
    for new_work, new_behaviour in itertools.product(range(3), repeat=2):
        distance = abs(new_work - work) + abs(new_behaviour - behaviour)
        if distance > steps or (employee.work_fixed and new_work != work):
            continue
        options.append((distance, abs(new_behaviour - behaviour), new_work, new_behaviour))
    found: dict[Grade, _Cell] = {}
    for _, _, new_work, new_behaviour in sorted(options):
        cell = (_LEVELS[new_work], _LEVELS[new_behaviour])
        grade = PERMEN6_2022_MATRIX[cell]
        if grade is not employee.grade:
            found.setdefault(grade, cell)
    return found


def _rank_gap(one: Grade, other: Grade) -> int:
    return abs(GRADE_RANKING[one] - GRADE_RANKING[other])


def _groups(rules: Iterable[RuleCheck], headcount: int) -> dict[frozenset[Grade], tuple[int, int]]:
    """Merge the enforced rules by grade set into (at least, at most) bounds."""
    bounds: dict[frozenset[Grade], tuple[int, int]] = {}
    for check in rules:
        if not check.enforced:
            continue
        low, high = bounds.get(check.rule.grades, (0, headcount))
        if check.rule.bound is CurveBound.AT_MOST:
            high = min(high, check.quota)
        else:
            low = max(low, check.quota)
        bounds[check.rule.grades] = (low, high)
    return bounds


def _solve(check: CurveCheck, steps: int) -> dict[str, _Cell]:
    """Return the new cell of each employee to move, by employee id."""
    staff = sorted(check.employees, key=lambda employee: employee.employee_id)
    headcount = len(staff)
    kinds: dict[_Kind, list[GradedEmployee]] = defaultdict(list)
    for employee in staff:
        key = (employee.grade, employee.work_results, employee.behaviour, employee.work_fixed)
        kinds[key].append(employee)
    grades = check.curve.grades
    groups = _groups(check.rules, headcount)
    sets = sorted(groups, key=len)

    move = 5 * headcount + 1  # one more changed employee outweighs any sum of grade steps
    miss = move * headcount + 4 * headcount + 1  # one person off a quota outweighs all moves
    source, sink = 0, 1
    grade_node = {grade: 2 + index for index, grade in enumerate(grades)}
    set_node = {grades_: 2 + len(grades) + index for index, grades_ in enumerate(sets)}
    kind_node = {key: 2 + len(grades) + len(sets) + index for index, key in enumerate(kinds)}
    network = FlowNetwork(2 + len(grades) + len(sets) + len(kinds))

    def parent(node_set: frozenset[Grade] | Grade) -> int:
        inside = [
            s for s in sets if (node_set in s if isinstance(node_set, Grade) else node_set < s)
        ]
        return set_node[inside[0]] if inside else sink

    for grade in grades:
        network.add(grade_node[grade], parent(grade), headcount, 0)
    for grades_ in sets:
        low, high = groups[grades_]
        node, up = set_node[grades_], parent(grades_)
        network.add(node, up, min(low, high), -miss)
        network.add(node, up, max(high - low, 0), 0)
        network.add(node, up, headcount, miss)
    edges: list[tuple[_Kind, int, Grade, _Cell | None]] = []
    for key, members in kinds.items():
        network.add(source, kind_node[key], len(members), 0)
        current = members[0].grade
        handle = network.add(kind_node[key], grade_node[current], len(members), 0)
        edges.append((key, handle, current, None))
        for grade, cell in _reachable(members[0], steps).items():
            cost = move + _rank_gap(current, grade)
            handle = network.add(kind_node[key], grade_node[grade], len(members), cost)
            edges.append((key, handle, grade, cell))
    network.solve(source, sink, headcount)

    targets: dict[str, _Cell] = {}
    taken: dict[_Kind, int] = defaultdict(int)
    for kind, edge, _target, new_cell in _ordered(edges):
        amount = network.flow(edge)
        start = taken[kind]
        taken[kind] += amount
        if new_cell is not None:
            for employee in kinds[kind][start : start + amount]:
                targets[employee.employee_id] = new_cell
    return targets


def _ordered(
    edges: Sequence[tuple[_Kind, int, Grade, _Cell | None]],
) -> list[tuple[_Kind, int, Grade, _Cell | None]]:
    """Moves first (best target grade first), staying last: the first ids move."""
    return sorted(edges, key=lambda edge: (edge[3] is None, -GRADE_RANKING[edge[2]]))
