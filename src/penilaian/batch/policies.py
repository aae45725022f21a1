"""
Many policies over one population: the generic engine, read once, weighted many times.

A policy question ("what if behaviour weighs 40 %?", "what if peers count a quarter?")
means scoring the same workforce under hundreds of `penilaian.GenericRegime` variants.
`score_policies` reads the batch once per slice of rows (achievements, ratings grouped
by role) and then applies each regime's component weights, role weights, missing-rater
policy, rounding and bands to it, with the same filtered exact arithmetic as
`penilaian.batch.generic.score_generic`: every cell is the scalar regime's result.

`score_policies` keeps the whole grid: 11 bytes per cell (an ``int64`` score, ``int8``
band and grade, a ``bool``), so 1,000 policies x 100,000 employees hold 1.1 GB.
`summarise_policies` streams the same cells into per-policy summaries instead (grade
and band counts, the employees whose grade differs from a baseline policy, each
unit's compliance with the distribution curve) and holds about ``n / 8 + changes``
bytes per policy, plus ``u`` bytes per policy for ``u`` units.

>>> import attrs
>>> from fractions import Fraction
>>> import penilaian
>>> from penilaian.simulation import WorkforceSpec, generate
>>> from penilaian.batch.generic import GenericBatch
>>> workforce = generate(WorkforceSpec(employees=50, regime="pp30_2019"), seed=2)
>>> batch = GenericBatch.from_appraisals(workforce.appraisals)
>>> def behaviour_weight(share):
...     weights = penilaian.Weights({"work": 1 - share, "behaviour": share})
...     return attrs.evolve(penilaian.GenericRegime.default(), weights=weights)
>>> shares = [Fraction(3, 10), Fraction(2, 5)]
>>> scores = score_policies(batch, {f"behaviour {s}": behaviour_weight(s) for s in shares})
>>> scores.score.shape, [int(total) for total in scores.distribution().sum(axis=1)]
((2, 50), [50, 50])
>>> summary = summarise_policies(batch, {f"behaviour {s}": behaviour_weight(s) for s in shares})
>>> bool((summary.grades == scores.distribution()).all())
True
>>> changed = summary.changed("behaviour 2/5")
>>> changed.rows.tolist() == scores.changes("behaviour 3/10", "behaviour 2/5").tolist()
True
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import attrs
import numpy as np

from penilaian._base.checks import whole_number
from penilaian.analysis.curve.rules import PERMEN6_2022_CURVE, DistributionCurve, QuotaConvention
from penilaian.batch._columns import GRADES, NONE, Bools, Codes, Ints
from penilaian.batch._generic_plan import Plan, WorkPart, plan_for
from penilaian.batch._policy_kernel import scored_slices
from penilaian.batch._policy_summary import GradeChanges, PolicySummary, Tally
from penilaian.batch._policy_units import UnitTable
from penilaian.exceptions import InvalidValueError, MissingValueError

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    import numpy.typing as npt

    from penilaian.batch._generic_types import GenericBatch
    from penilaian.model.grades import OrganisationGrade
    from penilaian.regimes.generic import GenericRegime

__all__ = ["GradeChanges", "PolicyScores", "PolicySummary", "score_policies", "summarise_policies"]


@attrs.frozen(eq=False)
class PolicyScores:
    """
    One population scored under several generic regimes: one row per policy.

    Attributes:
        names: The policies' names, in the order given.
        places: Each policy's score places (its rounding).
        labels: Each policy's band labels, lowest first.
        complete: ``bool (p, n)``: cells with a score.
        score: ``int64 (p, n)``: the rounded score x 10^places of the policy;
            `penilaian.batch.MISSING` where none.
        band: ``int8 (p, n)``: a code into that policy's `labels`; -1 where none.
        grade: ``int8 (p, n)``: a code into `penilaian.batch.GRADES`; -1 where none or
            where the band's label is not a `penilaian.Grade`.
        exact_cells: How many cells the float filter sent to the exact path.
    """

    names: tuple[str, ...]
    places: tuple[int, ...]
    labels: tuple[tuple[Any, ...], ...]
    complete: Bools
    score: Ints
    band: Codes
    grade: Codes
    exact_cells: int

    def distribution(self) -> Ints:
        """``int64 (p, g)``: how many employees each policy puts in each of `GRADES`."""
        codes = self.grade.astype(np.int64)
        counts = np.zeros((len(self.names), len(GRADES)), np.int64)
        for code in range(len(GRADES)):
            counts[:, code] = (codes == code).sum(axis=1)
        return counts

    def changes(self, before: str, after: str) -> Ints:
        """The rows whose grade differs between policies *before* and *after*."""
        first, second = self._index(before), self._index(after)
        changed: Ints = np.flatnonzero(self.grade[first] != self.grade[second])
        return changed

    def _index(self, name: str) -> int:
        if name not in self.names:
            raise InvalidValueError(
                "name", name, f"is not a policy scored ({', '.join(self.names)})"
            )
        return self.names.index(name)


def score_policies(
    batch: GenericBatch,
    regimes: Mapping[str, GenericRegime],
    *,
    chunk: int = 100_000,
    progress: Callable[[int, int], None] | None = None,
) -> PolicyScores:
    """
    Score *batch* under each named regime of *regimes*, keeping the whole grid.

    The grid costs 11 bytes per cell, ``11 x policies x employees`` in all (1.1 GB for
    1,000 x 100,000); `summarise_policies` gives the counts, changes and curve
    compliance without it.

    The regimes may differ in component weights, role weights, minimum raters,
    missing-rater policy, rounding and bands; they must share the components' sources
    and the kind of aggregation, which is what the batch is read for.

    Args:
        batch: The population.
        regimes: Regimes by name, in the order to report them.
        chunk: Rows read at a time.
        progress: Called as ``progress(done, total)`` after each policy of each slice.

    Raises:
        InvalidValueError: *regimes* is empty or not a mapping of names to
            `penilaian.GenericRegime`, or they differ in what the batch is read for.
        ScoringInputError: as `penilaian.batch.generic.score_generic`, for any policy.
    """
    names, plans = _plans(batch, regimes)
    p, n = len(plans), len(batch)
    score = np.zeros((p, n), np.int64)
    band = np.full((p, n), NONE, np.int8)
    grade = np.full((p, n), NONE, np.int8)
    complete = np.zeros((p, n), np.bool_)
    exact = 0
    for cell in scored_slices(batch, plans, whole_number(chunk, "chunk"), progress=progress):
        index, rows = cell.policy, cell.rows
        assert cell.score is not None  # noqa: S101 - scored_slices rounds scores by default
        score[index, rows], band[index, rows] = cell.score, cell.band
        grade[index, rows], complete[index, rows] = cell.grade, cell.band >= 0
        exact += cell.exact_rows
    return PolicyScores(
        names, tuple(plan.rounding.places for plan in plans),
        tuple(plan.labels for plan in plans), complete, score, band, grade, exact,
    )  # fmt: skip


def summarise_policies(
    batch: GenericBatch,
    regimes: Mapping[str, GenericRegime],
    *,
    baseline: str | None = None,
    units: Sequence[str] | None = None,
    unit_grades: Mapping[str, OrganisationGrade | str] | None = None,
    ids: Sequence[str] | None = None,
    curve: DistributionCurve = PERMEN6_2022_CURVE,
    convention: QuotaConvention | None = None,
    chunk: int = 20_000,
    progress: Callable[[int, int], None] | None = None,
) -> PolicySummary:
    """
    Score *batch* under each named regime, keeping per-policy summaries, never the grid.

    The employees stream past in slices of *chunk* rows; each slice is read once and
    scored under every policy, exactly as `score_policies` scores it, then folded into
    the grade and band counts, the employees whose grade differs from the *baseline*
    policy's, and each unit's compliance with the distribution curve.  What is held
    grows with the policies, the changed employees and the units whose rows cross a
    slice boundary, not with policies x employees.

    Args:
        batch: The population.
        regimes: Regimes by name, in the order to report them (as `score_policies`).
        baseline: The policy the changes are counted against (default: the first).
        units: Optional column: each row's unit id (a non-empty string).  The batch
            columns carry no units; with this column (and *unit_grades*) each unit is
            checked against *curve* under each policy.  Rows sorted by unit keep the
            counts carried across slices to a few units.
        unit_grades: Each unit's grade (a `penilaian.OrganisationGrade`, id or label),
            for every unit of *units*; given with *units*, or not at all.
        ids: Optional column: each row's employee id, to name the changed employees.
        curve: The distribution curve (default `PERMEN6_2022_CURVE`).
        convention: Quota rounding and leniency (default `QuotaConvention()`).
        chunk: Rows read at a time.
        progress: Called as ``progress(done, total)`` after each policy of each slice.

    Raises:
        InvalidValueError: as `score_policies`; *baseline* is not a policy given; *ids*
            is not one per row.
        MissingValueError: only one of *units* and *unit_grades* is given.
        InvalidInputError: a bad unit column or unit grades, each problem naming its row
            or unit (see `penilaian.batch.policies` module docs).
        ScoringInputError: as `penilaian.batch.generic.score_generic`, for any policy.
    """
    names, plans = _plans(batch, regimes)
    first = 0
    if baseline is not None:
        if baseline not in names:
            reason = f"is not a policy scored ({', '.join(names)})"
            raise InvalidValueError("baseline", baseline, reason)
        first = names.index(baseline)
    size = whole_number(chunk, "chunk")
    n = len(batch)
    if (units is None) != (unit_grades is None):  # the curve needs both
        missing = "unit_grades" if units is not None else "units"
        raise MissingValueError(missing, None, "is required")
    table = None
    if units is not None and unit_grades is not None:
        table = UnitTable.read(
            units, unit_grades, n, curve, QuotaConvention() if convention is None else convention
        )
    named = None if ids is None else _ids(ids, n)
    tally = Tally(plans, n, size, first, table)
    for cell in scored_slices(batch, plans, size, first=first, scores=False, progress=progress):
        tally.add(cell)
    return tally.summary(names, named)


def _ids(ids: Sequence[str], n: int) -> npt.NDArray[np.object_]:
    try:
        named = np.asarray(ids, dtype=object)
    except (TypeError, ValueError):
        named = np.zeros(0, dtype=object)
    if named.shape != (n,):
        raise InvalidValueError("ids", len(named), f"must have shape ({n},)")  # one id per row
    return named


def _plans(
    batch: GenericBatch, regimes: Mapping[str, GenericRegime]
) -> tuple[tuple[str, ...], list[Plan]]:
    given: object = regimes
    if not isinstance(given, Mapping) or not given:
        raise InvalidValueError("regimes", regimes, "must map at least one name to a regime")
    names = tuple(regimes)
    plans = [plan_for(regimes[name], batch.subjects) for name in names]
    _check_shared(names, plans)
    return names, plans


def _shape(plan: Plan) -> tuple[object, ...]:
    parts = tuple(
        (part.id, part.kinds, part.cap) if isinstance(part, WorkPart) else (part.id, part.subjects)
        for part in plan.components
    )
    return parts, plan.roles.median, plan.roles.policy is None


def _check_shared(names: tuple[str, ...], plans: list[Plan]) -> None:
    first = _shape(plans[0])
    for name, plan in zip(names[1:], plans[1:], strict=True):
        if _shape(plan) != first:
            reason = (
                f"must share the components' sources and the aggregation of {names[0]!r}; "
                "only weights, missing-rater policy, rounding and bands may differ"
            )
            raise InvalidValueError(f"regimes[{name!r}]", name, reason)
