"""
Many policies over one population: the generic engine, read once, weighted many times.

A policy question ("what if behaviour weighs 40 %?", "what if peers count a quarter?")
means scoring the same workforce under hundreds of `penilaian.GenericRegime` variants.
`score_policies` reads the batch once per slice of rows (achievements, ratings grouped
by role) and then applies each regime's component weights, role weights, missing-rater
policy, rounding and bands to it, with the same filtered exact arithmetic as
`penilaian.batch.generic.score_generic`: every cell is the scalar regime's result.

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
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import attrs
import numpy as np

from penilaian.batch._columns import GRADES, NONE, Bools, Codes, Ints
from penilaian.batch._generic_plan import Plan, WorkPart, plan_for
from penilaian.batch._generic_values import Inputs, check_subjects, combine, role_problems
from penilaian.exceptions import InvalidValueError, ScoringInputError

if TYPE_CHECKING:
    from collections.abc import Callable

    from penilaian.batch._generic_types import GenericBatch
    from penilaian.regimes.generic import GenericRegime

__all__ = ["PolicyScores", "score_policies"]


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
    Score *batch* under each named regime of *regimes*.

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
    given: object = regimes
    if not isinstance(given, Mapping) or not given:
        raise InvalidValueError("regimes", regimes, "must map at least one name to a regime")
    names = tuple(regimes)
    plans = [plan_for(regimes[name], batch.subjects) for name in names]
    _check_shared(names, plans)
    roles = tuple(sorted({code for plan in plans for code in plan.roles.roles}))
    p, n = len(plans), len(batch)
    score = np.zeros((p, n), np.int64)
    band = np.full((p, n), NONE, np.int8)
    grade = np.full((p, n), NONE, np.int8)
    complete = np.zeros((p, n), np.bool_)
    exact = 0
    total, done = p * max(1, -(-n // chunk)), 0
    for start in range(0, n, chunk):
        rows = slice(start, min(start + chunk, n))
        inputs = Inputs.read(batch, plans[0], rows, roles)  # checks the first plan's roles
        check_subjects(inputs, plans[0])  # the components are shared
        checked = {plans[0].roles.roles}
        for index, plan in enumerate(plans):
            weighted = plan.roles.roles
            if weighted not in checked:  # which ratings are allowed depends on the roles only
                problems = role_problems(batch, plan.roles, rows)
                if problems:
                    raise ScoringInputError(problems)
                checked.add(weighted)
            scores = combine(inputs, plan, figures=False, checked=True)
            score[index, rows], band[index, rows] = scores.score, scores.band
            grade[index, rows], complete[index, rows] = scores.grade, scores.complete
            exact += scores.exact_rows
            done += 1
            if progress is not None:
                progress(done, total)
    return PolicyScores(
        names, tuple(plan.rounding.places for plan in plans),
        tuple(plan.labels for plan in plans), complete, score, band, grade, exact,
    )  # fmt: skip


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
