"""
The target tree: each work target of a period, linked to the supervisor's target it intervenes.

Under PermenPANRB 6/2022 every official below the top carries work targets (RHK) that
intervene a supervisor's RHK (*RHK atasan yang diintervensi*), so an agency's targets
form a tree.  A target id is unique only within its appraisal, so a node of the tree
is named by a `TargetRef`: the appraisal id and the target id, written
``"<appraisal id>/<target id>"``.  `penilaian.analysis.cascade.build_tree` makes the
tree from appraisals; this module holds its values.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping  # noqa: TC003 - attrs reads cached_property annotations
from types import MappingProxyType
from typing import TYPE_CHECKING

import attrs

from penilaian._base.checks import TUPLE, identifier, instance_of, items_of, non_empty
from penilaian.analysis.cascade._words import WORDS
from penilaian.exceptions import (
    DuplicateIdError,
    InvalidInputError,
    InvalidValueError,
    Problem,
    UnknownReferenceError,
)
from penilaian.model.targets import WorkTarget

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = ["TargetNode", "TargetRef", "TargetTree", "find_cycles"]


@attrs.frozen(order=True)
class TargetRef:
    """
    A work target named across appraisals: its appraisal's id and its own id.

    Written ``"<appraisal id>/<target id>"`` (`str`), the form a
    `penilaian.model.WorkTarget.cascades_from` may use to name a target of any
    appraisal of the set.

    Attributes:
        appraisal_id: The id of the appraisal the target belongs to.
        target_id: The target's id within that appraisal.
    """

    appraisal_id: str = attrs.field(validator=identifier)
    target_id: str = attrs.field(validator=identifier)

    def __str__(self) -> str:
        return f"{self.appraisal_id}/{self.target_id}"


@attrs.frozen
class TargetNode:
    """
    One work target in the tree, with whose it is and the target it intervenes.

    Attributes:
        ref: The target's name across appraisals.
        target: The work target itself.
        path: Where it is in the appraisals given, such as ``$[2].targets[0]``.
        employee_id: The id of the official whose target it is.
        employee_name: Their name.
        unit_id: The unit of their position, if known.
        leads_unit: Whether they lead that unit.
        parent: The supervisor's target it intervenes; `None` for a top target.
    """

    ref: TargetRef = attrs.field(validator=instance_of(TargetRef, expected="a TargetRef"))
    target: WorkTarget = attrs.field(validator=instance_of(WorkTarget, expected="a WorkTarget"))
    path: str = attrs.field(validator=non_empty)
    employee_id: str = attrs.field(validator=identifier)
    employee_name: str = attrs.field(validator=non_empty)
    unit_id: str | None = None
    leads_unit: bool = False
    parent: TargetRef | None = attrs.field(
        default=None, validator=instance_of(TargetRef, type(None), expected="a TargetRef or None")
    )


def find_cycles(parents: Mapping[TargetRef, TargetRef | None]) -> list[tuple[TargetRef, ...]]:
    """
    Return every cycle of the links *parents* (each target to the one it intervenes).

    Each cycle is listed once, starting from the target met first in *parents*' order,
    and ending where it started; a target linked to itself is a cycle of one.
    Links to targets outside *parents* end a chain, as a top target does.
    """
    state: dict[TargetRef, int] = {}  # 1 on the current chain, 2 done
    cycles: list[tuple[TargetRef, ...]] = []
    for start in parents:
        chain: list[TargetRef] = []
        ref: TargetRef | None = start
        while ref is not None and ref in parents and ref not in state:
            state[ref] = 1
            chain.append(ref)
            ref = parents[ref]
        if ref is not None and state.get(ref) == 1:
            loop = chain[chain.index(ref) :]
            cycles.append((*loop, ref))
        for done in chain:
            state[done] = 2
    return cycles


@attrs.frozen
class TargetTree:
    """
    The work targets of one period as a forest: each linked to the target it intervenes.

    Build it with `penilaian.analysis.cascade.build_tree`, which resolves
    `penilaian.model.WorkTarget.cascades_from` and reports every broken link.

    Attributes:
        nodes: Every target, in the order of the appraisals and of their targets.

    Raises:
        InvalidInputError: two nodes share a reference, a parent is not a node, or the
            links form a cycle; each problem at the node's path.
    """

    nodes: tuple[TargetNode, ...] = attrs.field(
        converter=TUPLE, validator=items_of(TargetNode, expected="a TargetNode")
    )

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        seen: set[TargetRef] = set()
        for node in self.nodes:
            if node.ref in seen:
                reason = WORDS.in_language("id")["duplicate_target"]
                error: InvalidValueError = DuplicateIdError("ref", str(node.ref), reason)
                problems.append(Problem.from_error(node.path, error))
            seen.add(node.ref)
        for node in self.nodes:
            if node.parent is not None and node.parent not in seen:
                reason = WORDS.in_language("id")["unknown_target"]
                error = UnknownReferenceError("parent", str(node.parent), reason)
                problems.append(Problem.from_error(f"{node.path}.cascades_from", error))
        for cycle in find_cycles({node.ref: node.parent for node in self.nodes}):
            shown = " \u2192 ".join(map(str, cycle))
            reason = WORDS.in_language("id")["cycle"].format(cycle=shown)
            error = InvalidValueError("parent", str(cycle[0]), reason)
            problems.append(
                Problem.from_error(f"{self._by_ref[cycle[0]].path}.cascades_from", error)
            )
        if problems:
            raise InvalidInputError(problems)

    @functools.cached_property
    def _by_ref(self) -> Mapping[TargetRef, TargetNode]:
        return MappingProxyType({node.ref: node for node in self.nodes})

    @functools.cached_property
    def _by_text(self) -> Mapping[str, TargetNode]:
        return MappingProxyType({str(node.ref): node for node in self.nodes})

    @functools.cached_property
    def _children(self) -> Mapping[TargetRef, tuple[TargetNode, ...]]:
        found: dict[TargetRef, list[TargetNode]] = {}
        for node in self.nodes:
            if node.parent is not None:
                found.setdefault(node.parent, []).append(node)
        return MappingProxyType({ref: tuple(kids) for ref, kids in found.items()})

    def __contains__(self, ref: object) -> bool:
        return ref in self._by_ref

    def __len__(self) -> int:
        return len(self.nodes)

    def node(self, ref: TargetRef | str) -> TargetNode:
        """
        Return the node of *ref* (a `TargetRef` or its text ``"<appraisal>/<target>"``).

        Raises:
            UnknownReferenceError: if no target of the tree has that reference.
        """
        found = self._by_ref.get(ref) if isinstance(ref, TargetRef) else self._by_text.get(ref)
        if found is not None:
            return found
        reason = WORDS.in_language("id")["unknown_target"]
        raise UnknownReferenceError("ref", str(ref), reason)

    def children(self, ref: TargetRef) -> tuple[TargetNode, ...]:
        """Return the targets that intervene *ref*, in the order of the nodes."""
        return self._children.get(ref, ())

    def roots(self) -> tuple[TargetNode, ...]:
        """Return the targets that intervene none (the top officials' targets), in order."""
        return tuple(node for node in self.nodes if node.parent is None)

    def appraisal(self, appraisal_id: str) -> tuple[TargetNode, ...]:
        """Return the targets of the appraisal *appraisal_id*, in order (none if unknown)."""
        return tuple(node for node in self.nodes if node.ref.appraisal_id == appraisal_id)

    def walk(self) -> Iterator[TargetNode]:
        """Yield every target, each root followed by the targets under it, depth first."""
        stack = list(reversed(self.roots()))
        while stack:
            node = stack.pop()
            yield node
            stack.extend(reversed(self.children(node.ref)))

    def depth(self, ref: TargetRef) -> int:
        """Return how many links separate *ref* from its root (0 for a root)."""
        count, node = 0, self.node(ref)
        while node.parent is not None:
            count, node = count + 1, self._by_ref[node.parent]
        return count
