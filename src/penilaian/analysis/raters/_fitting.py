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
    """Per rater: effect, standard error, z-score, counts; and the residual sd of a rating."""

    effect: NDArray[Any]
    se: NDArray[Any]
    z: NDArray[Any]
    sigma: float
    ratings: NDArray[Any]
    ratees: NDArray[Any]
    shared: NDArray[Any]
    shared_ratings: NDArray[Any]


def fit(data: Data, max_iterations: int) -> Fit:
    """Return the fitted rater effects of *data*, with error bars (see the model module)."""
    y = np.asarray(data.values, dtype=float)
    item = np.asarray(data.items, dtype=np.int64)
    cluster = np.asarray(data.clusters, dtype=np.int64)
    cluster_rater = np.asarray(data.cluster_rater, dtype=np.int64)
    cluster_ratee = np.asarray(data.cluster_ratee, dtype=np.int64)
    n_raters, n_items, n_clusters = len(data.names), int(item.max()) + 1, len(cluster_rater)
    sizes = np.bincount(cluster, minlength=n_clusters).astype(float)
    safe_sizes = np.maximum(sizes, 1.0)
    # Each item's own effect within its appraisal, from the deviations of a rater's
    # ratings of one person from their own mean, where person and rater cancel.
    deviation = y - (np.bincount(cluster, y, minlength=n_clusters) / safe_sizes)[cluster]
    several = sizes[cluster] > 1
    aspect = np.bincount(item, deviation * several, minlength=n_items) / np.maximum(
        np.bincount(item, several, minlength=n_items), 1
    )
    adjusted = y - aspect[item]
    # The person and rater effects, on each rater's mean of their ratings of one person.
    rated = sizes > 0
    weight = sizes[rated]
    value = (np.bincount(cluster, adjusted, minlength=n_clusters) / safe_sizes)[rated]
    cell_rater, cell_ratee = cluster_rater[rated], cluster_ratee[rated]
    n_ratees = int(cell_ratee.max()) + 1
    per_rater = np.bincount(cell_rater, weight, minlength=n_raters)
    per_ratee = np.bincount(cell_ratee, weight, minlength=n_ratees)
    b = _solve(value, weight, (cell_ratee, cell_rater), (per_ratee, per_rater), max_iterations)
    # Each cell's information about its rater: its weight less what its ratee absorbs.
    share = weight * (per_ratee[cell_ratee] - weight) / per_ratee[cell_ratee]
    information = np.bincount(cell_rater, share, minlength=n_raters)
    overlap = information > 1e-9 * per_rater
    safe_information = np.where(overlap, information, 1.0)
    effect = np.where(overlap, b - _co_raters(b, cell_ratee, cell_rater, weight, n_raters), 0.0)
    t = np.bincount(cell_ratee, weight * (value - b[cell_rater]), minlength=n_ratees) / per_ratee
    residual = adjusted - t[cluster_ratee[cluster]] - b[cluster_rater[cluster]]
    freedom = len(y) - n_items - int(overlap.sum()) + 1
    sigma = math.sqrt(_dot(residual, residual) / freedom) if freedom > 0 else 0.0
    # The items' own effects vary within a cluster (every cluster of an appraisal rates
    # its items): they take their freedom from the within-cluster stratum.
    contrasts = n_items - int((per_ratee > 0).sum())
    design = _design_effect(residual, cluster, weight, kept=rated, freedom=(freedom, contrasts))
    ratees = np.bincount(cell_rater, minlength=n_raters)
    mean_cluster = per_rater / np.maximum(ratees, 1)
    variance = sigma**2 * (1 + (mean_cluster - 1) * design) / safe_information
    se = np.where(overlap, np.sqrt(variance), math.inf)
    # An exact fit (sigma 0) leaves no doubt: a nonzero effect has z infinite.
    tiny = 1e-12 * max(float(np.abs(value).max()), 1.0)
    known = overlap & (se > 0)
    exact = overlap & ~known & (np.abs(effect) > tiny)
    z = np.where(known, effect / np.where(known, se, 1.0), 0.0)
    z = np.where(exact, np.where(effect > 0, math.inf, -math.inf), z)
    # A cluster overlaps when someone else rated the same person.
    shared = (per_ratee[cell_ratee] - weight) > 0
    return Fit(
        effect,
        se,
        z,
        sigma,
        per_rater,
        ratees,
        np.bincount(cell_rater, shared, minlength=n_raters).astype(int),
        np.bincount(cell_rater, weight * shared, minlength=n_raters).astype(int),
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


def _solve(
    value: NDArray[Any],
    weight: NDArray[Any],
    index: tuple[NDArray[Any], NDArray[Any]],
    totals: tuple[NDArray[Any], NDArray[Any]],
    limit: int,
) -> NDArray[Any]:
    """
    Return least-squares rater effects of the cells, by preconditioned conjugate gradients.

    The ratees' effects are eliminated exactly (each is the weighted mean of what its
    cells leave once the raters' effects are taken off), which leaves the normal
    equations of the raters alone: ``S b = r`` with ``S`` the raters' information
    matrix.  They are solved with the diagonal of ``S`` (each rater's information) as
    preconditioner, so each step costs a few passes over the cells.  The system is
    singular (a constant can move between ratees and raters) but consistent, and
    conjugate gradients from zero stay on a solution; the caller fixes the constant.
    """
    ratee, rater = index
    per_ratee, per_rater = totals
    raters = len(per_rater)
    inverse_ratee = 1.0 / np.maximum(per_ratee, 1e-300)

    def left_by_ratees(per_cell: NDArray[Any]) -> NDArray[Any]:
        """Per rater: the weighted sum of *per_cell* less what the ratees absorb of it."""
        mean = np.bincount(ratee, weight * per_cell, minlength=len(per_ratee)) * inverse_ratee
        return np.bincount(rater, weight * (per_cell - mean[ratee]), minlength=raters)

    information = np.bincount(
        rater, weight * (1.0 - weight * inverse_ratee[ratee]), minlength=raters
    )
    inverse = np.where(information > 1e-9 * per_rater, 1.0 / np.maximum(information, 1e-300), 0.0)
    right = left_by_ratees(value)
    solution = np.zeros(raters)
    residual = right.copy()
    step = inverse * residual
    direction = step.copy()
    current = _dot(residual, step)
    goal = 1e-24 * max(_dot(right, inverse * right), 1e-300)
    for _ in range(limit):
        if current <= goal:
            break
        image = left_by_ratees(direction[rater])
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
    return solution


def _design_effect(
    residual: NDArray[Any],
    cluster: NDArray[Any],
    sizes: NDArray[Any],
    *,
    kept: NDArray[Any],
    freedom: tuple[int, int],
) -> float:
    """
    Return the intraclass correlation of residuals within a rater-by-appraisal cluster (0 to 1).

    A rater's ratings of one person share an impression (a halo); counting them as
    independent would make the error bars too narrow.  The ANOVA estimate, kept in 0-1;
    *freedom* is the residual's degrees of freedom and how many of the fitted effects
    vary within a cluster (they are taken from the within-cluster stratum).
    """
    total, within_effects = freedom
    sums = np.bincount(cluster, residual, minlength=len(kept))[kept]
    between = float((sums**2 / sizes).sum())
    within = _dot(residual, residual) - between
    n_clusters = len(sizes)
    within_freedom = len(residual) - n_clusters - within_effects
    between_freedom = total - within_freedom
    if within_freedom <= 0 or between_freedom <= 0:
        return 0.0
    msw, msb = within / within_freedom, between / between_freedom
    size = (len(residual) - float((sizes**2).sum()) / len(residual)) / max(n_clusters - 1, 1)
    tau = (msb - msw) / size if size > 0 else 0.0
    if tau <= 0 or msw + tau <= 0:
        return 0.0
    return min(tau / (tau + msw), 1.0)
