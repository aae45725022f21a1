"""
The policy grid's kernel: one slice of a batch read once, then scored under every policy.

`penilaian.batch.policies` asks `scored_slices` for every (slice, policy) pair, and
either stores each result (the full grid, `score_policies`) or folds it into counts and
drops it (`summarise_policies`).  Both see the very same numbers.

A slice is read once (`penilaian.batch._generic_values.Inputs`: work means, ratings by
role).  The value of a rated component depends only on the role policy (roles, weights,
minimum raters, missing-rater policy), so policies that share one reuse it; what is left
per policy is its component weighting, the float filter's rounding, the exact path for
the flagged rows and the bands.  This is `penilaian.batch._generic_values.combine`
without the figures, with the same float operations in the same order, so the filter
flags the same rows and every cell is the scalar regime's result.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

import attrs
import numpy as np

from penilaian.batch._columns import MISSING, NONE, Bools, Codes, Ints
from penilaian.batch._filtered import SAFE_MAGNITUDE, error_bound, round_filtered
from penilaian.batch._generic_exact import Exact
from penilaian.batch._generic_plan import Plan, WorkPart, imputed
from penilaian.batch._generic_values import Inputs, behaviour, check_subjects, role_problems
from penilaian.exceptions import ScoringInputError

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Sequence

    import numpy.typing as npt

    from penilaian.batch._generic_types import GenericBatch

    Floats = npt.NDArray[np.float64]

__all__ = ["SliceScores", "scored_slices"]

_INT64_TOP: Final = int(np.iinfo(np.int64).max)


@attrs.frozen(eq=False)
class SliceScores:
    """
    One policy's results on one slice of rows.

    Attributes:
        rows: The slice of the batch's rows.
        policy: The policy's index, in the order the policies were given.
        band: A code into the policy's band labels; -1 where there is no score.
        grade: A code into `GRADES`; -1 where none or where the band is not a grade.
        exact_rows: How many rows took the exact path.
        score: The rounded score x 10^places, `MISSING` where none; `None` when only
            the bands were asked for.
    """

    rows: slice
    policy: int
    band: Codes
    grade: Codes
    exact_rows: int
    score: Ints | None = None


def scored_slices(
    batch: GenericBatch,
    plans: Sequence[Plan],
    chunk: int,
    *,
    first: int = 0,
    scores: bool = True,
    progress: Callable[[int, int], None] | None = None,
) -> Iterator[SliceScores]:
    """
    Score *batch* slice by slice under every plan; in each slice the plan *first* comes first.

    The plans must share what the batch is read for (checked by the caller).  Without
    *scores*, only the bands are decided (`_bands`), and no score is rounded.

    Raises:
        ScoringInputError: as `penilaian.batch.generic.score_generic`, for any plan.
    """
    roles = tuple(sorted({code for plan in plans for code in plan.roles.roles}))
    order = [first, *(index for index in range(len(plans)) if index != first)]
    n = len(batch)
    total, done = len(plans) * max(1, -(-n // chunk)), 0
    for start in range(0, n, chunk):
        rows = slice(start, min(start + chunk, n))
        inputs = Inputs.read(batch, plans[0], rows, roles)  # checks the first plan's roles
        check_subjects(inputs, plans[0])  # the components are shared
        checked = {plans[0].roles.roles}
        shared: dict[tuple[object, ...], tuple[Floats, Bools, Floats]] = {}
        for index in order:
            plan = plans[index]
            if plan.roles.roles not in checked:  # which ratings are allowed: the roles only
                problems = role_problems(batch, plan.roles, rows)
                if problems:
                    raise ScoringInputError(problems)
                checked.add(plan.roles.roles)
            yield (_score if scores else _bands)(inputs, plan, index, shared)
            done += 1
            if progress is not None:
                progress(done, total)


def _parts(
    inputs: Inputs, plan: Plan, shared: dict[tuple[object, ...], tuple[Floats, Bools, Floats]]
) -> list[tuple[Floats, Bools, Floats]]:
    """Each component's float mean, whether it has one and its magnitude; rated ones shared."""
    roles = plan.roles
    weights = np.array([float(w) for w in roles.weights])
    found = []
    for index, part in enumerate(plan.components):
        if isinstance(part, WorkPart):
            found.append(inputs.work[index])
            continue
        key = (index, roles.roles, tuple(weights.tolist()), roles.minimum,
               roles.require, imputed(roles))  # fmt: skip
        if key not in shared:
            shared[key] = behaviour(inputs, plan, part, weights)
        found.append(shared[key])
    return found


def _score(
    inputs: Inputs,
    plan: Plan,
    index: int,
    shared: dict[tuple[object, ...], tuple[Floats, Bools, Floats]],
) -> SliceScores:
    """`combine` without figures: floats where clear, `Exact` where the filter flags."""
    complete, total, size, terms = _totals(inputs, plan, shared)
    score, flagged = round_filtered(total, error_bound(size, terms), plan.rounding)
    flagged &= complete
    rows = np.flatnonzero(flagged).tolist()
    for row, exact in _exact_scores(inputs, plan, rows):
        score[row] = exact
    banded = np.searchsorted(_thresholds(plan), score, side="right")
    score = np.where(complete, score, MISSING)
    band: Codes = np.where(complete, banded, NONE).astype(np.int8)
    grade = _grades(plan)[band.astype(np.intp) + 1]
    return SliceScores(inputs.rows, index, band, grade, len(rows), score)


def _totals(
    inputs: Inputs, plan: Plan, shared: dict[tuple[object, ...], tuple[Floats, Bools, Floats]]
) -> tuple[Bools, Floats, Floats, int]:
    """
    The rows with every component, the float total, its magnitude, and the terms summed.

    The weighted sum of the components' float means, and of their magnitudes, from
    which `penilaian.batch._columns.error_bound` bounds the total's error.
    """
    parts = _parts(inputs, plan, shared)
    batch = inputs.batch
    terms = batch.indicator.shape[1] + batch.score.shape[1] + batch.score.shape[2]
    terms += len(plan.roles.roles) + len(parts) + 8
    oks = [ok for _, ok, _ in parts]
    complete = np.logical_and.reduce(oks) if oks else np.ones(inputs.n, np.bool_)
    total = np.zeros(inputs.n)
    size = np.zeros(inputs.n)
    for part, (mean, _, magnitude) in zip(plan.components, parts, strict=True):
        total += float(part.weight) * mean
        size += float(part.weight) * magnitude
    return complete, total, size, terms


def _exact_scores(inputs: Inputs, plan: Plan, rows: list[int]) -> Iterator[tuple[int, int]]:
    """Each of *rows* (of the slice) with its exact score in whole units, where it has one."""
    if not rows:
        return
    exact, start, places = Exact(inputs.batch, plan), inputs.rows.start or 0, plan.rounding.places
    for row in rows:
        exact_score = exact.row(start + row)[1]
        if exact_score is not None:
            yield row, int(exact_score.scaleb(places))


def _bands(
    inputs: Inputs,
    plan: Plan,
    index: int,
    shared: dict[tuple[object, ...], tuple[Floats, Bools, Floats]],
) -> SliceScores:
    """
    Only the bands: the float total against each band's decision point, exact where near.

    The rounded score ``r = R(x)`` of the scaled total ``x = total x 10^places`` is
    monotone in ``x``, so ``r >= t`` (the least score of a band, `_thresholds`) holds
    exactly when ``x`` is at or beyond ``t - 1/2`` (half modes) or ``t`` (``down``),
    for ``x > 0``.  A row whose ``x`` lies farther than its error bound from every such
    point gets its band from the float; the others, and every total not clearly above
    0, not finite or too large to trust, are scored exactly (`Exact`) and banded in
    integers.
    """
    complete, total, size, terms = _totals(inputs, plan, shared)
    unit = 10.0**plan.rounding.places
    bound = error_bound(size, terms)
    scaled = total * unit
    slack = bound * unit + np.abs(scaled) * 2.0**-50
    thresholds = _thresholds(plan)
    points = thresholds - (0.0 if plan.rounding.mode == "down" else 0.5)
    low, high = scaled - slack, scaled + slack
    band, above, beyond = np.zeros(inputs.n, np.int8), np.zeros(inputs.n, np.int8), low >= 0
    for point in points.tolist():  # a handful of cuts: compares beat a binary search
        band += np.greater_equal(low, point, out=beyond)
        above += np.greater_equal(high, point, out=beyond)
    flagged = band != above
    flagged |= (total <= bound) | ~(np.abs(scaled) < SAFE_MAGNITUDE)  # NaN is not < either
    flagged &= complete
    rows = np.flatnonzero(flagged).tolist()
    for row, found in _exact_scores(inputs, plan, rows):
        band[row] = int(np.searchsorted(thresholds, found, side="right"))
    band = np.where(complete, band, NONE).astype(np.int8)
    grade = _grades(plan)[band.astype(np.intp) + 1]
    return SliceScores(inputs.rows, index, band, grade, len(rows))


def _grades(plan: Plan) -> Codes:
    """Band code + 1 to grade code: -1 for no band, and for a band that is not a grade."""
    return np.concatenate([np.array([NONE], np.int8), plan.grade_of_band]).astype(np.int8)


def _thresholds(plan: Plan) -> Ints:
    """
    The least scaled score of each band above the first: band = how many are <= the score.

    A score ``s`` (x 10^places) is at or above a cut ``a/b`` closed below when
    ``s * b >= a * 10^places``, that is ``s >= ceil(a * 10^places / b)``; above a cut
    closed above when ``s > floor(a * 10^places / b)``.  Whole numbers throughout.
    """
    unit = 10**plan.rounding.places
    least = []
    for cut in plan.bands.cuts:
        numerator, denominator = cut.as_integer_ratio()
        if plan.bands.closed == "upper":
            value = numerator * unit // denominator + 1
        else:
            value = -(-numerator * unit // denominator)
        least.append(min(max(value, -_INT64_TOP), _INT64_TOP))
    return np.array(least, np.int64)
