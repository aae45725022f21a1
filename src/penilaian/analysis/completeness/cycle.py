"""
A cycle's completeness: who still lacks what, per person and per unit, with counts.

`check_completeness` checks every appraisal of a cycle against its regime's
`Requirements` and groups the people by the unit of their position
(`penilaian.Position.unit_id`).  With an `penilaian.OrgUnit` tree the units come in
the tree's order, each with the counts of its own people and the counts of its
whole subtree (`UnitCompleteness.within`); a position in a unit the tree does not
hold is refused, never dropped.  People with no unit are grouped under `None`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from types import MappingProxyType
from typing import TypeAlias

import attrs

from penilaian._base.checks import TUPLE
from penilaian.analysis.completeness.check import (
    MissingKind,
    PersonCompleteness,
    person_completeness,
)
from penilaian.analysis.completeness.requirements import Requirements
from penilaian.exceptions import (
    InvalidInputError,
    InvalidValueError,
    Problem,
    UnknownReferenceError,
)
from penilaian.model.appraisal import Appraisal
from penilaian.model.organisation import OrgUnit

__all__ = ["CycleCompleteness", "RequirementsFor", "UnitCompleteness", "check_completeness"]

RequirementsFor: TypeAlias = Requirements | Callable[[Appraisal], Requirements]
"""One `Requirements` for every appraisal, or a function giving each appraisal's."""


def _sum(counts: Iterable[Mapping[MissingKind, int]]) -> Mapping[MissingKind, int]:
    total: Counter[MissingKind] = Counter()
    for count in counts:
        total.update(count)
    return MappingProxyType({kind: total[kind] for kind in MissingKind if total[kind]})


@attrs.frozen
class UnitCompleteness:
    """
    What the people of one unit still lack.

    Attributes:
        unit_id: The unit's id; `None` for the people whose position names no unit.
        name: The unit's name, when a tree was given.
        people: The unit's own people, in the order of the appraisals.
        within: The counts over the unit and every unit under it (the same as
            `counts` without a tree).
    """

    unit_id: str | None
    name: str | None
    people: tuple[PersonCompleteness, ...] = attrs.field(converter=TUPLE)
    within: Mapping[MissingKind, int] = attrs.field(hash=False)

    @property
    def counts(self) -> Mapping[MissingKind, int]:
        """How many items of each kind the unit's own people lack (the sum over them)."""
        return _sum(person.counts for person in self.people)

    @property
    def incomplete(self) -> tuple[PersonCompleteness, ...]:
        """The unit's own people who still lack something."""
        return tuple(person for person in self.people if not person.is_complete)


@attrs.frozen
class CycleCompleteness:
    """
    What a cycle still lacks, per person and per unit.

    Attributes:
        people: Every person, in the order of the appraisals.
        units: Every unit: in the tree's order with a tree (units with no people
            included), else in order of first appearance; the people with no unit
            last.
    """

    people: tuple[PersonCompleteness, ...] = attrs.field(converter=TUPLE)
    units: tuple[UnitCompleteness, ...] = attrs.field(converter=TUPLE)

    @property
    def counts(self) -> Mapping[MissingKind, int]:
        """How many items of each kind the whole cycle lacks."""
        return _sum(person.counts for person in self.people)

    @property
    def incomplete(self) -> tuple[PersonCompleteness, ...]:
        """The people who still lack something."""
        return tuple(person for person in self.people if not person.is_complete)

    @property
    def is_complete(self) -> bool:
        """Whether nobody lacks anything."""
        return not self.incomplete

    def unit(self, unit_id: str | None) -> UnitCompleteness:
        """
        Return the unit with *unit_id* (`None`: the people with no unit).

        Raises:
            UnknownReferenceError: if no unit has that id.
        """
        for unit in self.units:
            if unit.unit_id == unit_id:
                return unit
        raise UnknownReferenceError("unit_id", unit_id, "no unit with this id in the cycle")

    @classmethod
    def from_people(
        cls, people: Iterable[PersonCompleteness], units: OrgUnit | None = None
    ) -> CycleCompleteness:
        """
        Group *people* by unit, following the tree *units* if given.

        Raises:
            InvalidInputError: listing each person whose unit is not in *units*,
                at ``$[<index>].position.unit_id``.
        """
        people = tuple(people)
        grouped: dict[str | None, list[PersonCompleteness]] = {}
        for person in people:
            grouped.setdefault(person.unit_id, []).append(person)
        if units is None:
            found = [
                UnitCompleteness(key, None, tuple(group), _sum(p.counts for p in group))
                for key, group in grouped.items()
                if key is not None
            ]
        else:
            found = _tree(units, grouped, people)
        if None in grouped:
            group = grouped[None]
            found.append(UnitCompleteness(None, None, tuple(group), _sum(p.counts for p in group)))
        return cls(people, tuple(found))


def _tree(
    root: OrgUnit,
    grouped: Mapping[str | None, list[PersonCompleteness]],
    people: tuple[PersonCompleteness, ...],
) -> list[UnitCompleteness]:
    known = {unit.id for unit in root.walk()}
    problems = [
        Problem.from_error(
            f"$[{index}].position.unit_id",
            UnknownReferenceError("unit_id", person.unit_id, f"no unit under {root.id!r}"),
        )
        for index, person in enumerate(people)
        if person.unit_id is not None and person.unit_id not in known
    ]
    if problems:
        raise InvalidInputError(problems)
    within: dict[str, Mapping[MissingKind, int]] = {}

    def visit(unit: OrgUnit) -> Mapping[MissingKind, int]:
        own = _sum(person.counts for person in grouped.get(unit.id, ()))
        within[unit.id] = _sum([own, *(visit(child) for child in unit.children)])
        return within[unit.id]

    visit(root)
    return [
        UnitCompleteness(unit.id, unit.name, tuple(grouped.get(unit.id, ())), within[unit.id])
        for unit in root.walk()
    ]


def check_completeness(
    appraisals: Iterable[Appraisal],
    requirements: RequirementsFor,
    *,
    units: OrgUnit | None = None,
) -> CycleCompleteness:
    """
    Return what each person and unit of a cycle still lacks.

    >>> from penilaian import Permen6Regime, load_sample_unit
    >>> from penilaian.analysis.completeness import requirements_of
    >>> cycle = check_completeness(
    ...     load_sample_unit().appraisals, requirements_of(Permen6Regime())
    ... )
    >>> len(cycle.people) == len(load_sample_unit().appraisals)
    True

    Args:
        appraisals: The cycle's appraisals (usually of one period).
        requirements: What each appraisal needs: one `Requirements` for all, or a
            function of the appraisal (to follow the regime of each one's period).
        units: The organisation tree, to group and roll the counts up by it.

    Raises:
        InvalidValueError: for *units* that is not an `penilaian.OrgUnit`, or an
            appraisal or requirements of the wrong type.
        InvalidInputError: for a position in a unit the tree does not hold.
    """
    if units is not None and not isinstance(units, OrgUnit):
        raise InvalidValueError("units", units, "must be an OrgUnit or None")
    if isinstance(requirements, Requirements):
        fixed = requirements
        people = [person_completeness(appraisal, fixed) for appraisal in appraisals]
    elif callable(requirements):
        people = [
            person_completeness(appraisal, requirements(appraisal)) for appraisal in appraisals
        ]
    else:
        reason = "must be Requirements or a function of the appraisal giving them"
        raise InvalidValueError("requirements", requirements, reason)
    return CycleCompleteness.from_people(people, units)
