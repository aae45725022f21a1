"""
Building the target tree: resolving each `cascades_from` to the supervisor's target.

`penilaian.model.WorkTarget.cascades_from` names the supervisor's work target a target
intervenes, in one of two forms:

- ``"<appraisal id>/<target id>"``: a target of any appraisal of the set, named fully
  (`TargetRef`'s text); tried first, at each ``/`` whose left part is an appraisal id;
- ``"<target id>"``: a target of the supervisor's appraisal.  The supervisor is the
  appraisal's rater in the supervisor role (their employee id), or else, given the unit
  tree, the nearest leader above the official (`penilaian.model.OrgUnit.leader_chain`);
  their appraisal is the one appraisal of the set with that employee.

An official is at the top when no supervisor is known (no supervisor rater, no leader
above in the unit tree) or when their appraisal is named in *top*; every other
official's main work targets must cascade from a target [LOW: which kinds must cascade
is configurable by *linked_kinds*].  A link of an official named in *top* that the set
cannot resolve points outside it (the set stops below that official's supervisor) and
is not a problem; one it can resolve is kept.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from penilaian._base.labels import checked_language
from penilaian.analysis.cascade._words import WORDS
from penilaian.analysis.cascade.tree import TargetNode, TargetRef, TargetTree, find_cycles
from penilaian.exceptions import (
    DuplicateIdError,
    InvalidInputError,
    InvalidValueError,
    Problem,
    UnknownReferenceError,
)
from penilaian.model.raters import RaterRole
from penilaian.model.targets import TargetKind

if TYPE_CHECKING:
    from collections.abc import Collection, Iterable, Mapping, Sequence

    from penilaian._base.labels import Language
    from penilaian.model.appraisal import Appraisal
    from penilaian.model.organisation import OrgUnit

__all__ = ["DEFAULT_LINKED_KINDS", "build_tree", "check_tree", "supervisor_of"]

DEFAULT_LINKED_KINDS: Final = frozenset({TargetKind.MAIN})
"""The kinds of work target that must cascade from a supervisor's target: main (utama)."""


def supervisor_of(appraisal: Appraisal, units: OrgUnit | None = None) -> str | None:
    """
    Return the employee id of *appraisal*'s supervisor, or `None` when none is known.

    The rater in the supervisor role with an employee id comes first; otherwise the
    nearest leader above the official in *units* (skipping the official, who may lead
    their own unit).  A unit id that *units* does not hold gives `None`;
    `check_tree` reports it.
    """
    for rater in appraisal.raters:
        if rater.role is RaterRole.SUPERVISOR and rater.employee_id is not None:
            return rater.employee_id
    unit_id = appraisal.position.unit_id
    if units is None or unit_id is None:
        return None
    try:
        chain = units.leader_chain(unit_id)
    except UnknownReferenceError:
        return None
    own = appraisal.employee.id
    return next((leader for leader in chain if leader != own), None)


def build_tree(
    appraisals: Sequence[Appraisal],
    *,
    units: OrgUnit | None = None,
    top: Collection[str] = (),
    linked_kinds: Collection[TargetKind] = DEFAULT_LINKED_KINDS,
    lang: Language = "id",
) -> TargetTree:
    """
    Return the target tree of *appraisals*, all of one period.

    Args:
        appraisals: The appraisals of one period; ids unique.
        units: The unit tree, to find a supervisor who is not a rater.
        top: Ids of appraisals whose officials count as top even with a supervisor
            (for a set that stops below the agency's head).
        linked_kinds: The kinds of work target that must cascade when not at the top.
        lang: The language of the problems: ``"id"`` or ``"en"``.

    Raises:
        InvalidInputError: every problem `check_tree` finds, at once.
    """
    nodes, problems = _resolve(appraisals, units, top, linked_kinds, checked_language(lang))
    if problems:
        raise InvalidInputError(problems)
    return TargetTree(nodes)


def check_tree(
    appraisals: Sequence[Appraisal],
    *,
    units: OrgUnit | None = None,
    top: Collection[str] = (),
    linked_kinds: Collection[TargetKind] = DEFAULT_LINKED_KINDS,
    lang: Language = "id",
) -> list[Problem]:
    """
    Return every problem of the links of *appraisals*, each at its JSON path (``$[i]...``).

    The problems: an appraisal id repeated, a period other than the first appraisal's,
    a unit id the unit tree does not hold, a `cascades_from` that names no target (or
    whose supervisor is unknown, has no appraisal or several), links that come back
    to where they started (each target of the cycle), and a target of a kind in
    *linked_kinds* with no link, of an official who is not at the top.  Arguments as
    for `build_tree`.
    """
    return _resolve(appraisals, units, top, linked_kinds, checked_language(lang))[1]


def _resolve(
    appraisals: Sequence[Appraisal],
    units: OrgUnit | None,
    top: Collection[str],
    linked_kinds: Collection[TargetKind],
    lang: Language,
) -> tuple[list[TargetNode], list[Problem]]:
    words = WORDS.in_language(lang)
    problems: list[Problem] = []
    kept = _unique(appraisals, words, problems)
    by_id = {appraisal.id: appraisal for _, appraisal in kept}
    by_employee: dict[str, list[str]] = {}
    for _, appraisal in kept:
        by_employee.setdefault(appraisal.employee.id, []).append(appraisal.id)
    known_units = set() if units is None else {unit.id for unit in units.walk()}
    nodes: list[TargetNode] = []
    for index, appraisal in kept:
        where = f"$[{index}]"
        unit_id = appraisal.position.unit_id
        if units is not None and unit_id is not None and unit_id not in known_units:
            error: InvalidValueError = UnknownReferenceError(
                "unit_id", unit_id, words["unknown_unit"]
            )
            problems.append(Problem.from_error(f"{where}.position.unit_id", error))
        boss = supervisor_of(appraisal, units)
        named_top = appraisal.id in top
        at_top = boss is None or named_top
        for t_index, target in enumerate(appraisal.targets):
            path = f"{where}.targets[{t_index}]"
            parent: TargetRef | None = None
            if target.cascades_from is not None:
                parent, reason = _parent(target.cascades_from, boss, by_id, by_employee, words)
                # An official named in *top* may cascade from outside the set: not a problem.
                if reason is not None and not named_top:
                    error = UnknownReferenceError("cascades_from", target.cascades_from, reason)
                    problems.append(Problem.from_error(f"{path}.cascades_from", error))
            elif not at_top and target.kind in linked_kinds:
                reason = words["unlinked"].format(kind=target.kind.label(lang).lower())
                error = InvalidValueError("cascades_from", None, reason)
                problems.append(Problem.from_error(f"{path}.cascades_from", error))
            nodes.append(_node(appraisal, t_index, path, parent))
    problems.extend(_cycles(nodes, words))
    return nodes, problems


def _unique(
    appraisals: Sequence[Appraisal], words: Mapping[str, str], problems: list[Problem]
) -> list[tuple[int, Appraisal]]:
    """Keep the first appraisal of each id; report repeats and other periods."""
    first: dict[str, int] = {}
    kept: list[tuple[int, Appraisal]] = []
    for index, appraisal in enumerate(appraisals):
        if appraisal.id in first:
            reason = words["duplicate_appraisal"].format(first=first[appraisal.id])
            problems.append(
                Problem.from_error(f"$[{index}].id", DuplicateIdError("id", appraisal.id, reason))
            )
            continue
        first[appraisal.id] = index
        if appraisal.period != appraisals[0].period:
            reason = words["other_period"].format(period=appraisals[0].period)
            error = InvalidValueError("period", str(appraisal.period), reason)
            problems.append(Problem.from_error(f"$[{index}].period", error))
        kept.append((index, appraisal))
    return kept


def _parent(
    text: str,
    boss: str | None,
    by_id: Mapping[str, Appraisal],
    by_employee: Mapping[str, list[str]],
    words: Mapping[str, str],
) -> tuple[TargetRef | None, str | None]:
    """Resolve one `cascades_from`: the target it names, or why it names none."""
    for cut in (i for i, char in enumerate(text) if char == "/"):
        owner = by_id.get(text[:cut])
        rest = text[cut + 1 :]
        if owner is not None and rest and any(target.id == rest for target in owner.targets):
            return TargetRef(owner.id, rest), None
    if boss is None:
        return None, words["no_supervisor"]
    found = by_employee.get(boss, [])
    if not found:
        return None, words["no_supervisor_appraisal"].format(employee=boss)
    if len(found) > 1:
        return None, words["many_supervisor_appraisals"].format(employee=boss, count=len(found))
    owner = by_id[found[0]]
    if not any(target.id == text for target in owner.targets):
        return None, words["no_such_target"].format(appraisal=owner.id)
    return TargetRef(owner.id, text), None


def _node(appraisal: Appraisal, t_index: int, path: str, parent: TargetRef | None) -> TargetNode:
    target = appraisal.targets[t_index]
    return TargetNode(
        ref=TargetRef(appraisal.id, target.id),
        target=target,
        path=path,
        employee_id=appraisal.employee.id,
        employee_name=appraisal.employee.name,
        unit_id=appraisal.position.unit_id,
        leads_unit=appraisal.position.leads_unit,
        parent=parent,
    )


def _cycles(nodes: Iterable[TargetNode], words: Mapping[str, str]) -> list[Problem]:
    """A problem at every target of every cycle, naming the whole cycle."""
    by_ref = {node.ref: node for node in nodes}
    problems: list[Problem] = []
    for cycle in find_cycles({ref: node.parent for ref, node in by_ref.items()}):
        reason = words["cycle"].format(cycle=" \u2192 ".join(map(str, cycle)))
        for ref in cycle[:-1]:
            node = by_ref[ref]
            error = InvalidValueError("cascades_from", node.target.cascades_from, reason)
            problems.append(Problem.from_error(f"{node.path}.cascades_from", error))
    return problems
