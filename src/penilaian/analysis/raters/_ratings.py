"""
The ratings `penilaian.analysis.raters.RaterEffects` reads, as parallel lists.

Every numeric, non-self rating becomes its share of its scale's range (a float: these
feed statistics, never a grade), the item it rates (one aspect of one appraisal) and
the rater-by-appraisal cluster it belongs to (the ratings one rater gave one person,
which share that rater's impression of them).
"""

from __future__ import annotations

from fractions import Fraction
from typing import TYPE_CHECKING

import attrs

from penilaian.model.raters import NumericScale, RaterRole

if TYPE_CHECKING:
    from collections.abc import Iterable
    from decimal import Decimal

    from penilaian.model.appraisal import Appraisal

__all__ = ["Data", "extract_ratings"]


@attrs.frozen
class Data:
    """
    Every rating as parallel lists: value, item (appraisal x subject), cluster (appraisal x rater).

    ``cluster_rater`` and ``cluster_ratee`` give each cluster's rater (an index into
    ``names``, -1 for one who gave no numeric rating) and appraisal.
    """

    values: list[float]
    items: list[int]
    clusters: list[int]
    cluster_rater: list[int]
    cluster_ratee: list[int]
    names: list[str]


def extract_ratings(appraisals: Iterable[Appraisal]) -> Data:
    """Return every numeric, non-self rating of *appraisals*."""
    values: list[float] = []
    items: list[int] = []
    clusters: list[int] = []
    cluster_rater: list[int] = []
    cluster_ratee: list[int] = []
    raters: dict[str, int] = {}
    shares: dict[tuple[object, Decimal], float | None] = {}  # scores repeat: convert once
    item_count = 0
    for ratee, appraisal in enumerate(appraisals):
        scales = {scale.id: scale for scale in appraisal.scales}
        local: dict[str, int | None] = {}
        for rater in appraisal.raters:
            if rater.role is RaterRole.SELF:
                local[rater.id] = None
                continue
            key = rater.employee_id or f"{appraisal.id}/{rater.id}"
            local[rater.id] = len(cluster_rater)
            cluster_rater.append(raters.setdefault(key, len(raters)))
            cluster_ratee.append(ratee)
        subjects: dict[tuple[str, str], int] = {}
        for rating in appraisal.ratings:
            cluster = local[rating.rater_id]
            if cluster is None or rating.score is None:
                continue
            scale = scales[rating.scale_id]
            try:
                share = shares[scale, rating.score]
            except KeyError:
                share = None
                if isinstance(scale, NumericScale):
                    low, high = Fraction(scale.minimum), Fraction(scale.maximum)
                    share = float((Fraction(rating.score) - low) / (high - low))
                shares[scale, rating.score] = share
            if share is None:
                continue
            values.append(share)
            clusters.append(cluster)
            items.append(
                item_count + subjects.setdefault((rating.subject, rating.scale_id), len(subjects))
            )
        item_count += len(subjects)
    used = sorted({cluster_rater[cluster] for cluster in set(clusters)})
    return Data(
        values, items, clusters, cluster_rater, cluster_ratee, _names(raters, used, cluster_rater)
    )


def _names(raters: dict[str, int], used: list[int], cluster_rater: list[int]) -> list[str]:
    by_index = {index: name for name, index in raters.items()}
    renumber = {old: new for new, old in enumerate(used)}
    for cluster, rater in enumerate(cluster_rater):
        cluster_rater[cluster] = renumber.get(rater, -1)
    return [by_index[old] for old in used]
