"""
The numpy path's grouping of ratings by role: per row, subject and role, a count and a value.

`by_role` is what `penilaian.batch._generic_values.Inputs` builds on the numpy path
(`penilaian.batch.accelerator` says ``"numpy"``); the compiled path never builds it.
Its floats are those of the compiled kernel (`penilaian.batch._compiled_kernels`), bit
for bit: a role's ratings of a subject are added as floats in rater order from 0, then
divided by ``count x 10^places``; a median halves the sum of the two middle ratings,
then divides by ``10^places``.

The mean walks the rater places in order and, for each, adds that place's ratings
into the sum of its role, one ``(rows, subjects)`` slice at a time: a place whose role
is the same on every row of the slice (the usual layout) costs one addition, a place
whose role varies costs one masked addition per role it holds.  No index over every
rating is built, and nothing is sorted.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from penilaian.batch._columns import NONE

if TYPE_CHECKING:
    import numpy.typing as npt

    from penilaian.batch._columns import Ints
    from penilaian.batch._generic_types import GenericBatch

    Floats = npt.NDArray[np.float64]

__all__ = ["by_role"]


def by_role(
    batch: GenericBatch, rows: slice, roles: tuple[int, ...], *, median: bool
) -> tuple[Ints, Floats]:
    """Ratings by role, role-major ``(k, n, s)``: counts and combined values (NaN: none)."""
    if median:
        return _medians(batch, rows, roles)
    rated, role, score = batch.rated[rows], batch.role[rows], batch.score[rows]
    n, s, r = score.shape
    total = np.zeros((len(roles), n, s))
    count = np.zeros((len(roles), n, s), np.int64)
    slot = {code: k for k, code in enumerate(roles)}
    for rater in range(r):
        codes = role[:, rater]
        first = int(codes[0]) if n else NONE
        if (codes == first).all():  # one role at this place on every row
            k = slot.get(first)
            if k is not None:
                given = rated[:, :, rater]
                # A cell without a rating adds 0.0, which leaves a sum unchanged.
                total[k] += np.where(given, score[:, :, rater], 0.0)
                count[k] += given
            continue
        given = rated[:, :, rater]
        value = np.where(given, score[:, :, rater], 0.0)
        for k, code in enumerate(roles):
            mine = codes == code
            if mine.any():
                total[k] += value * mine[:, None]  # x * 0.0 is 0.0 or -0.0: either adds nothing
                count[k] += given & mine[:, None]
    combined = np.full(total.shape, np.nan)
    np.divide(total, count * 10.0**batch.places, out=combined, where=count > 0)
    return count, combined


def _medians(batch: GenericBatch, rows: slice, roles: tuple[int, ...]) -> tuple[Ints, Floats]:
    """Each role's median rating: the two middle ones of the sorted ratings, halved."""
    rated, role, score = batch.rated[rows], batch.role[rows], batch.score[rows]
    unit = 10.0**batch.places
    n, s, _ = score.shape
    count = np.zeros((len(roles), n, s), np.int64)
    value = np.full((len(roles), n, s), np.nan)
    for k, code in enumerate(roles):
        mine = rated & (role == code)[:, None, :]
        count[k] = c = mine.sum(axis=2)
        ordered = np.sort(np.where(mine, score, np.iinfo(np.int64).max), axis=2)
        low = np.take_along_axis(ordered, np.maximum(c - 1, 0)[..., None] // 2, axis=2)
        high = np.take_along_axis(ordered, (c // 2)[..., None], axis=2)
        middle = (low[..., 0].astype(np.float64) + high[..., 0].astype(np.float64)) / 2.0
        value[k] = np.where(c > 0, middle / unit, np.nan)
    return count, value
