"""
A policy grid folded into summaries as it streams: counts, changed grades, unit compliance.

`Tally` takes each (slice, policy) result of `penilaian.batch._policy_kernel.scored_slices`
in turn, adds it to the policy's counts, keeps the rows whose grade differs from the
baseline policy's on the same slice (which `scored_slices` scores first), counts each
unit's grades for the curve, and lets the slice go.  What it holds grows with the
policies, the changed employees and the units whose rows cross a slice boundary,
never with policies x employees.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import attrs
import numpy as np
import numpy.typing as npt

from penilaian.batch._columns import GRADES, Bools, Codes, Ints
from penilaian.exceptions import InvalidValueError
from penilaian.model.grades import OrganisationGrade

if TYPE_CHECKING:
    from penilaian.batch._generic_plan import Plan
    from penilaian.batch._policy_kernel import SliceScores
    from penilaian.batch._policy_units import UnitTable

__all__ = ["GradeChanges", "PolicySummary", "Tally"]


@attrs.frozen(eq=False)
class GradeChanges:
    """
    The employees whose grade under one policy differs from the baseline policy's.

    Held in about ``n / 8 + changes`` bytes: one bit per employee says who changed, and
    one byte per change the new grade; `rows`, `before` and `ids` are read from them.
    Grades are codes into `penilaian.batch.GRADES`, -1 for none (no score, or a band
    whose label is not a grade).

    Attributes:
        changed: ``uint8``: one bit per row of the batch (`numpy.packbits` order), set
            where the grade changed.
        after: ``int8``: the grade of each changed employee under this policy, in row order.
        baseline: ``int8 (n,)``: every employee's grade under the baseline policy.
        named: The ``ids`` column given to `summarise_policies`, or `None`.
    """

    changed: npt.NDArray[np.uint8]
    after: Codes
    baseline: Codes
    named: npt.NDArray[np.object_] | None = None

    def __len__(self) -> int:
        return len(self.after)

    @property
    def rows(self) -> Ints:
        """``int64``: the changed employees' rows in the batch, ascending."""
        bits = np.unpackbits(self.changed, count=len(self.baseline))
        rows: Ints = np.flatnonzero(bits)
        return rows

    @property
    def before(self) -> Codes:
        """``int8``: each changed employee's grade under the baseline."""
        return self.baseline[self.rows]

    @property
    def ids(self) -> npt.NDArray[np.object_] | None:
        """The changed employees' ids from the ``ids`` column; `None` without one."""
        return None if self.named is None else self.named[self.rows]


@attrs.frozen(eq=False)
class PolicySummary:
    """
    One population under several generic regimes, summarised per policy.

    Attributes:
        names: The policies' names, in the order given.
        labels: Each policy's band labels, lowest first.
        baseline: The policy the changes are counted against.
        grades: ``int64 (p, g)``: how many employees each policy puts in each of
            `penilaian.batch.GRADES` (as `penilaian.batch.PolicyScores.distribution`).
        ungraded: ``int64 (p,)``: employees with no grade: no score, or a band whose
            label is not a `penilaian.Grade`.
        incomplete: ``int64 (p,)``: employees with no score.
        bands: Per policy, ``int64``: how many employees are in each of its bands.
        changes: Per policy, the employees whose grade differs from the baseline's
            (empty for the baseline itself).
        units: The units of the ``units`` column, in the order of their first row;
            ``()`` when none was given.
        unit_grades: Each unit's grade.
        compliance: ``int8 (p, u)``: per policy and unit, 1 when every binding quota of
            the curve holds, 0 when one is broken, -1 when it cannot be told (an
            employee of the unit has no grade, or one the curve does not count).
        exact_cells: How many cells the float filter sent to the exact path.
    """

    names: tuple[str, ...]
    labels: tuple[tuple[Any, ...], ...]
    baseline: str
    grades: Ints
    ungraded: Ints
    incomplete: Ints
    bands: tuple[Ints, ...]
    changes: tuple[GradeChanges, ...]
    units: tuple[str, ...]
    unit_grades: tuple[OrganisationGrade, ...]
    compliance: Codes
    exact_cells: int

    def distribution(self) -> Ints:
        """``int64 (p, g)``: the grade counts, as `penilaian.batch.PolicyScores.distribution`."""
        return self.grades

    def changed(self, name: str) -> GradeChanges:
        """The employees whose grade under policy *name* differs from the baseline's."""
        return self.changes[self.index(name)]

    def violations(self, name: str) -> tuple[str, ...]:
        """The units that break a binding quota of the curve under policy *name*."""
        broken = np.flatnonzero(self.compliance[self.index(name)] == 0)
        return tuple(self.units[unit] for unit in broken.tolist())

    def unknown(self, name: str) -> tuple[str, ...]:
        """The units whose compliance under policy *name* cannot be told."""
        unknown = np.flatnonzero(self.compliance[self.index(name)] < 0)
        return tuple(self.units[unit] for unit in unknown.tolist())

    def index(self, name: str) -> int:
        """
        The row of policy *name* in the arrays.

        Raises:
            InvalidValueError: *name* is not a policy scored.
        """
        if name not in self.names:
            raise InvalidValueError(
                "name", name, f"is not a policy scored ({', '.join(self.names)})"
            )
        return self.names.index(name)


class Tally:
    """The running summaries of every policy, fed one (slice, policy) result at a time."""

    def __init__(
        self,
        plans: list[Plan],
        n: int,
        chunk: int,
        baseline: int,
        units: UnitTable | None,
    ) -> None:
        p = len(plans)
        self.plans, self.baseline, self.units = plans, baseline, units
        self.bands = [np.zeros(len(plan.labels) + 1, np.int64) for plan in plans]
        self.changed = np.zeros((p, -(-n // 8)), np.uint8)  # one bit per row and policy
        self.after: list[list[Codes]] = [[] for _ in plans]
        self.baseline_grade = np.full(n, -1, np.int8)
        self.exact = 0
        self.base: Codes | None = None
        self.slice: _Slice | None = None
        size = 0 if units is None else len(units.ids)
        self.compliance = np.full((p, size), -1, np.int8)
        if units is None:
            return
        first = np.full(size, n, np.int64)
        np.minimum.at(first, units.code, np.arange(n, dtype=np.int64))
        spanning = first // chunk != units.last // chunk
        self.spanning = spanning
        self.carried = np.cumsum(spanning) - 1  # each spanning unit's place in the carry
        self.carry = np.zeros((p, int(spanning.sum()), units.columns), np.int64)

    def add(self, scores: SliceScores) -> None:
        """Fold one policy's results on one slice into its summaries."""
        index, grade = scores.policy, scores.grade
        self.bands[index] += np.bincount(
            scores.band.astype(np.int64) + 1, minlength=len(self.bands[index])
        )
        self.exact += scores.exact_rows
        start = scores.rows.start or 0
        if index == self.baseline:
            self.base = grade
            self.baseline_grade[scores.rows] = grade
        elif self.base is not None:
            differ = grade != self.base
            self.after[index].append(grade[differ])
            if start % 8 == 0:  # whole bytes: pack the slice in place
                packed = np.packbits(differ)
                self.changed[index, start // 8 : start // 8 + len(packed)] |= packed
            else:
                rows = np.flatnonzero(differ) + start
                bits = (np.uint8(128) >> (rows & 7)).astype(np.uint8)
                np.bitwise_or.at(self.changed[index], rows >> 3, bits)
        if self.units is not None:
            self._units(scores.rows, index, grade)

    def _units(self, rows: slice, index: int, grade: Codes) -> None:
        units = self.units
        assert units is not None  # noqa: S101 - called with units only
        start = rows.start or 0
        if self.slice is None or self.slice.start != start:
            self.slice = _Slice.enter(units, rows, self.spanning)
        here = self.slice
        counts = units.counts(grade, here.local, len(here.found))
        if len(here.whole):
            whole = here.found[here.whole]
            self.compliance[index, whole] = units.status(here.whole_rules, counts[here.whole])
        if len(here.crossing):
            self.carry[index, self.carried[here.found[here.crossing]]] += counts[here.crossing]
        if len(here.ending):
            ended = here.found[here.ending]
            held = self.carry[index, self.carried[ended]]
            self.compliance[index, ended] = units.status(here.ended_rules, held)

    def summary(self, names: tuple[str, ...], ids: npt.NDArray[np.object_] | None) -> PolicySummary:
        """The summaries, once every slice of every policy is in."""
        changes = tuple(
            GradeChanges(
                self.changed[index],
                np.concatenate(after) if after else np.zeros(0, np.int8),
                self.baseline_grade,
                ids,
            )
            for index, after in enumerate(self.after)
        )
        grades = np.zeros((len(self.plans), len(GRADES) + 1), np.int64)  # column 0: none
        for index, (plan, bands) in enumerate(zip(self.plans, self.bands, strict=True)):
            np.add.at(grades[index], plan.grade_of_band.astype(np.int64) + 1, bands[1:])
            grades[index, 0] += bands[0]
        units = self.units
        return PolicySummary(
            names, tuple(plan.labels for plan in self.plans), names[self.baseline],
            grades[:, 1:], grades[:, 0],
            np.array([bands[0] for bands in self.bands], np.int64),
            tuple(bands[1:].copy() for bands in self.bands), changes,
            () if units is None else units.ids, () if units is None else units.grades,
            self.compliance, self.exact,
        )  # fmt: skip


@attrs.frozen(eq=False)
class _Slice:
    """
    What no policy changes in one slice: its units, whole or crossing, and their rules.

    Attributes:
        start: The slice's first row.
        found: The units with rows in the slice, ascending.
        local: Each row's unit, an index into *found*.
        whole: Indexes into *found* of the units whose rows all lie in the slice.
        crossing: Indexes into *found* of the units whose rows cross a slice boundary.
        ending: Indexes into *found* of the crossing units whose last row is here.
        whole_rules: `UnitTable.rules` of the whole units.
        ended_rules: `UnitTable.rules` of the ending units.
    """

    start: int
    found: Ints
    local: Ints
    whole: Ints
    crossing: Ints
    ending: Ints
    whole_rules: tuple[Ints, Ints]
    ended_rules: tuple[Ints, Ints]

    @classmethod
    def enter(cls, units: UnitTable, rows: slice, spanning: Bools) -> _Slice:
        found, local = np.unique(units.code[rows], return_inverse=True)
        whole = np.flatnonzero(~spanning[found])
        crossing = np.flatnonzero(spanning[found])
        ending = crossing[units.last[found[crossing]] < (rows.stop or 0)]
        return cls(
            rows.start or 0, found, local.astype(np.int64), whole, crossing, ending,
            units.rules(found[whole]), units.rules(found[ending]),
        )  # fmt: skip
