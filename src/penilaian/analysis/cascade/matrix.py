"""
The cascading matrix (matriks peran hasil) of a leader: their targets, and who intervenes each.

A row per work target of the leader's appraisal; a column per official with at least
one target cascading from them, in the order of the tree; each cell holds the targets
of that official that intervene the row's target.  `unit_matrix` finds the leader of
an organisation unit (the appraisal whose position leads it).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from penilaian._base.checks import TUPLE
from penilaian.analysis.cascade._words import WORDS
from penilaian.analysis.cascade.tree import TargetRef, TargetTree
from penilaian.exceptions import UnknownReferenceError

if TYPE_CHECKING:
    from penilaian.analysis.cascade.tree import TargetNode

__all__ = [
    "CascadeMatrix",
    "MatrixColumn",
    "MatrixEntry",
    "MatrixRow",
    "cascade_matrix",
    "unit_matrix",
]


@attrs.frozen
class MatrixEntry:
    """
    A work target as the matrix shows it.

    Attributes:
        ref: The target.
        title: Its title.
    """

    ref: TargetRef
    title: str


@attrs.frozen
class MatrixColumn:
    """
    An official whose targets intervene the leader's.

    Attributes:
        appraisal_id: Their appraisal.
        employee_id: Their employee id.
        employee_name: Their name.
    """

    appraisal_id: str
    employee_id: str
    employee_name: str


@attrs.frozen
class MatrixRow:
    """
    One of the leader's targets, and per column the targets that intervene it.

    Attributes:
        target: The leader's target.
        cells: One tuple per column of the matrix: that official's targets that
            intervene *target* (empty when none).
    """

    target: MatrixEntry
    cells: tuple[tuple[MatrixEntry, ...], ...] = attrs.field(converter=TUPLE)


@attrs.frozen
class CascadeMatrix:
    """
    A leader's cascading matrix (matriks peran hasil).

    Attributes:
        appraisal_id: The leader's appraisal.
        employee_id: The leader's employee id.
        employee_name: The leader's name.
        unit_id: The leader's unit, if known.
        columns: The officials whose targets intervene the leader's, in tree order.
        rows: One row per target of the leader's appraisal, in order.
    """

    appraisal_id: str
    employee_id: str
    employee_name: str
    unit_id: str | None
    columns: tuple[MatrixColumn, ...] = attrs.field(converter=TUPLE)
    rows: tuple[MatrixRow, ...] = attrs.field(converter=TUPLE)

    @property
    def unlinked_rows(self) -> tuple[MatrixRow, ...]:
        """The rows of targets that no official's target intervenes."""
        return tuple(row for row in self.rows if not any(row.cells))


def _entry(node: TargetNode) -> MatrixEntry:
    return MatrixEntry(node.ref, node.target.title)


def cascade_matrix(tree: TargetTree, appraisal_id: str) -> CascadeMatrix:
    """
    Return the cascading matrix of the appraisal *appraisal_id* in *tree*.

    Raises:
        UnknownReferenceError: if *tree* has no target of that appraisal.
    """
    own = tree.appraisal(appraisal_id)
    if not own:
        reason = WORDS.in_language("id")["unknown_appraisal"]
        raise UnknownReferenceError("appraisal_id", appraisal_id, reason)
    columns: dict[str, MatrixColumn] = {}
    for node in own:
        for child in tree.children(node.ref):
            columns.setdefault(
                child.ref.appraisal_id,
                MatrixColumn(child.ref.appraisal_id, child.employee_id, child.employee_name),
            )
    first_seen: dict[str, int] = {}
    for index, node in enumerate(tree.nodes):
        first_seen.setdefault(node.ref.appraisal_id, index)
    order = sorted(columns, key=first_seen.__getitem__)
    rows = []
    for node in own:
        kids = tree.children(node.ref)
        cells = tuple(
            tuple(_entry(kid) for kid in kids if kid.ref.appraisal_id == column) for column in order
        )
        rows.append(MatrixRow(_entry(node), cells))
    first = own[0]
    return CascadeMatrix(
        appraisal_id,
        first.employee_id,
        first.employee_name,
        first.unit_id,
        tuple(columns[key] for key in order),
        tuple(rows),
    )


def unit_matrix(tree: TargetTree, unit_id: str) -> CascadeMatrix:
    """
    Return the cascading matrix of the leader of unit *unit_id*.

    The leader is the first appraisal in *tree* whose position leads that unit.

    Raises:
        UnknownReferenceError: if no appraisal in *tree* leads the unit.
    """
    for node in tree.nodes:
        if node.unit_id == unit_id and node.leads_unit:
            return cascade_matrix(tree, node.ref.appraisal_id)
    reason = WORDS.in_language("id")["not_a_leader"]
    raise UnknownReferenceError("unit_id", unit_id, reason)
