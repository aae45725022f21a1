"""
The numerical part of `penilaian.analysis.raters.RaterEffects`: solver and error bars.

Imported only when the analysis runs, after `penilaian._base.extras.require` has
found numpy (the ``batch`` extra), so importing penilaian never imports numpy.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

import attrs
import numpy as np
from numpy.typing import NDArray

if TYPE_CHECKING:
    from penilaian.analysis.raters._ratings import Data

__all__ = ["Fit", "fit"]


@attrs.frozen
class Fit:
    """Per rater: effect, standard error, p-value, counts; and the residual sd of a rating."""

    effect: NDArray[Any]
    se: NDArray[Any]
    p: NDArray[Any]
    sigma: float
    ratings: NDArray[Any]
    ratees: NDArray[Any]
    shared: NDArray[Any]
    shared_ratings: NDArray[Any]


def fit(data: Data, max_iterations: int) -> Fit:
    """Return the fitted rater effects of *data*, with error bars (see the model module)."""
    y = np.asarray(data.values, dtype=float)
    cell = np.asarray(data.cells, dtype=np.int64)
    subject = np.asarray(data.subjects, dtype=np.int64)
    n_raters, n_subjects = len(data.names), int(subject.max()) + 1
    all_cells = len(data.cell_rater)
    cells_n = np.bincount(cell, minlength=all_cells).astype(float)
    kept = cells_n > 0
    safe_cells = np.maximum(cells_n, 1.0)
    # Subject effects from deviations within a rater-ratee cell, where ratee and rater cancel.
    shared = cells_n[cell] > 1
    deviation = y - (np.bincount(cell, y, minlength=all_cells) / safe_cells)[cell]
    s = np.bincount(subject, deviation * shared, minlength=n_subjects) / np.maximum(
        np.bincount(subject, shared, minlength=n_subjects), 1
    )
    s -= s.mean()
    value = (np.bincount(cell, y - s[subject], minlength=all_cells) / safe_cells)[kept]
    weight = cells_n[kept]
    cell_rater = np.asarray(data.cell_rater, dtype=np.int64)[kept]
    cell_ratee = np.asarray(data.cell_ratee, dtype=np.int64)[kept]
    n_ratees = int(cell_ratee.max()) + 1
    per_rater = np.bincount(cell_rater, weight, minlength=n_raters)
    per_ratee = np.bincount(cell_ratee, weight, minlength=n_ratees)
    safe_ratee = np.maximum(per_ratee, 1.0)
    b = _solve(value, weight, (cell_ratee, cell_rater), (per_ratee, per_rater), max_iterations)
    # Each cell's information about its rater: its weight less what its ratee absorbs.
    share = weight * (per_ratee[cell_ratee] - weight) / safe_ratee[cell_ratee]
    information = np.bincount(cell_rater, share, minlength=n_raters)
    overlap = information > 1e-9 * per_rater
    safe_information = np.where(overlap, information, 1.0)
    effect = np.where(overlap, b - _co_raters(b, cell_ratee, cell_rater, weight, n_raters), 0.0)
    t = np.bincount(cell_ratee, weight * (value - b[cell_rater]), minlength=n_ratees) / safe_ratee
    fitted = np.zeros(all_cells)
    fitted[kept] = t[cell_ratee] + b[cell_rater]
    residual = y - s[subject] - fitted[cell]
    freedom = len(y) - n_ratees - int(overlap.sum()) - n_subjects + 1
    sigma = math.sqrt(_dot(residual, residual) / freedom) if freedom > 0 else 0.0
    design = _design_effect(residual, cell, weight, kept=kept, freedom=freedom)
    mean_cell = per_rater / np.maximum(np.bincount(cell_rater, minlength=n_raters), 1)
    variance = sigma**2 * (1 + (mean_cell - 1) * design) / safe_information
    se = np.where(overlap, np.sqrt(variance), math.inf)
    # An exact fit (sigma 0) leaves no doubt: a nonzero effect has z infinite.
    tiny = 1e-12 * max(float(np.abs(value).max()), 1.0)
    known = overlap & (se > 0)
    exact = overlap & ~known & (np.abs(effect) > tiny)
    z = np.where(known, effect / np.where(known, se, 1.0), 0.0)
    z /= max(_spread(z[known]), 1.0)
    z = np.where(exact, np.where(effect > 0, math.inf, -math.inf), z)
    shared_cell = (per_ratee[cell_ratee] - weight) > 0
    p = np.array([math.erfc(abs(value) / math.sqrt(2)) for value in z.tolist()])
    return Fit(
        effect,
        se,
        p,
        sigma,
        per_rater,
        np.bincount(cell_rater, minlength=n_raters),
        np.bincount(cell_rater, shared_cell, minlength=n_raters).astype(int),
        np.bincount(cell_rater, weight * shared_cell, minlength=n_raters).astype(int),
    )


def _co_raters(
    b: NDArray[Any], ratee: NDArray[Any], rater: NDArray[Any], weight: NDArray[Any], raters: int
) -> NDArray[Any]:
    """
    Return, per rater, the weighted median model effect of the co-raters of their ratees.

    Subtracting it makes an effect relative to the other raters of the same people:
    whatever moves a whole group of raters together (a unit whose staff rate only each
    other) cancels, and the median is not pulled by one lenient co-rater.  Each pair of
    cells on one ratee weighs as the product of their numbers of ratings.
    """
    order = np.argsort(ratee, kind="stable")
    sorted_ratee = ratee[order]
    sizes = np.bincount(sorted_ratee)
    starts = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    size = sizes[sorted_ratee]  # the cells of each cell's ratee
    first = np.repeat(np.arange(len(order)), size)
    offset = np.arange(len(first)) - np.repeat(np.cumsum(size) - size, size)
    second = starts[sorted_ratee][first] + offset
    different = first != second
    first, second = order[first[different]], order[second[different]]
    owner, value = rater[first], b[rater[second]]
    pair_weight = weight[first] * weight[second]
    ranked = np.lexsort((value, owner))
    owner, value, pair_weight = owner[ranked], value[ranked], pair_weight[ranked]
    running = np.cumsum(pair_weight)
    totals = np.bincount(owner, pair_weight, minlength=raters)
    before = np.concatenate([[0.0], np.cumsum(totals)])[owner]
    reached = np.flatnonzero(running - before >= totals[owner] / 2)
    owners, at = np.unique(owner[reached], return_index=True)
    median = np.zeros(raters)
    median[owners] = value[reached[at]]
    return median


def _dot(one: NDArray[Any], two: NDArray[Any]) -> float:
    """Return the inner product without BLAS, whose threads cost more than they save here."""
    return float(np.einsum("i,i->", one, two))


def _spread(values: NDArray[Any]) -> float:
    """
    Return the robust spread of z-scores: 1.4826 x their median absolute deviation.

    The standard error holds the co-raters' effects fixed; dividing z by this spread
    when it is above 1 (Efron's empirical null) keeps the error bars honest when that
    assumption does not hold.  Biased raters are a minority, so the median is theirs.
    """
    if not len(values):
        return 1.0
    return 1.4826 * float(np.median(np.abs(values - np.median(values))))


def _solve(
    value: NDArray[Any],
    weight: NDArray[Any],
    index: tuple[NDArray[Any], NDArray[Any]],
    totals: tuple[NDArray[Any], NDArray[Any]],
    limit: int,
) -> NDArray[Any]:
    """
    Return least-squares rater effects of the cells, by preconditioned conjugate gradients.

    The unknowns are every ratee and rater effect; the weighted normal equations are
    solved with the weight totals as (Jacobi) preconditioner, so each step costs a few
    passes over the cells.  The system is singular (a constant can move between the
    factors) but consistent, and conjugate gradients from zero stay on a solution;
    the caller fixes the constant.
    """
    sizes = [len(total) for total in totals]
    ratee, rater = index
    cut = sizes[0]

    def product(vector: NDArray[Any]) -> NDArray[Any]:
        fitted = weight * (vector[:cut][ratee] + vector[cut:][rater])
        return np.concatenate([np.bincount(index[k], fitted, minlength=sizes[k]) for k in (0, 1)])

    inverse = 1.0 / np.maximum(np.concatenate(totals), 1.0)
    right = np.concatenate(
        [np.bincount(index[k], weight * value, minlength=sizes[k]) for k in (0, 1)]
    )
    solution = np.zeros(len(right))
    residual = right.copy()
    step = inverse * residual
    direction = step.copy()
    current = _dot(residual, step)
    goal = 1e-24 * max(_dot(right, inverse * right), 1e-300)
    for _ in range(limit):
        if current <= goal:
            break
        image = product(direction)
        curvature = _dot(direction, image)
        if curvature <= 0:
            break
        alpha = current / curvature
        solution += alpha * direction
        residual -= alpha * image
        step = inverse * residual
        following = _dot(residual, step)
        direction = step + (following / current) * direction
        current = following
    return solution[cut:]


def _design_effect(
    residual: NDArray[Any],
    cell: NDArray[Any],
    cells: NDArray[Any],
    *,
    kept: NDArray[Any],
    freedom: int,
) -> float:
    """
    Return the intraclass correlation of residuals within a rater-ratee cell (0 to 1).

    A rater's ratings of one person share an impression (a halo); counting them as
    independent would make the error bars too narrow.  The ANOVA estimate, kept in 0-1.
    """
    sums = np.bincount(cell, residual, minlength=len(kept))[kept]
    within = _dot(residual, residual) - float((sums**2 / cells).sum())
    between = float((sums**2 / cells).sum())
    n_cells = len(cells)
    within_freedom = len(residual) - n_cells
    between_freedom = freedom - within_freedom
    if within_freedom <= 0 or between_freedom <= 0:
        return 0.0
    msw, msb = within / within_freedom, between / between_freedom
    size = (len(residual) - float((cells**2).sum()) / len(residual)) / max(n_cells - 1, 1)
    tau = (msb - msw) / size if size > 0 else 0.0
    if tau <= 0 or msw + tau <= 0:
        return 0.0
    return min(tau / (tau + msw), 1.0)
