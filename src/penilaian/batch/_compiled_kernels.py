"""
The generic engine's compiled kernels, written as plain Python for numba to compile.

`penilaian.batch._compiled` compiles each function here with ``numba.njit`` the first
time it runs; this module itself imports no numba, so it also runs (slowly) as plain
Python, which is how ``tests/batch/test_compiled.py`` checks `pairwise_sum` without numba.

Each kernel performs its numpy twin's float operations (`penilaian.batch._generic_values`)
in the same order, so both give the same bits: a sum over ratings adds from 0 in rater
order, and a sum over a row's places or subjects adds in numpy's pairwise order
(`pairwise_sum`).  Every kernel writes into the output arrays it is given.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

import numpy as np

if TYPE_CHECKING:
    import numpy.typing as npt

    from penilaian.batch._columns import Bools, Ints

    Floats = npt.NDArray[np.float64]

__all__ = ["KERNELS", "pairwise_sum", "rated_kernel", "work_kernel"]

KERNELS: Final = ("work_kernel", "rated_kernel", "pairwise_sum", "_half", "_block")
"""The functions numba compiles; a kernel calls the others by these names."""
_BLOCK: Final = 128
"""numpy's ``PW_BLOCKSIZE``: longer runs are summed as two halves."""


def work_kernel(  # noqa: PLR0917 - one compiled call takes its arrays positionally
    indicator: Bools,
    kind: npt.NDArray[np.int8],
    wanted: Bools,
    realisation: Ints,
    target_low: Ints,
    target_high: Ints,
    lower_is_better: Bools,
    capped: bool,
    cap: float,
    mean: Floats,
    has: Bools,
    magnitude: Floats,
    scratch: Floats,
) -> None:
    n, places = indicator.shape
    for row in range(n):
        count = 0
        top = 0.0
        for place in range(places):
            achievement = 0.0
            if indicator[row, place] and wanted[kind[row, place]]:
                real = float(realisation[row, place])
                low = float(target_low[row, place])
                high = float(target_high[row, place])
                ratio = real / (high if real > high else low)
                achievement = (
                    (2.0 - ratio) * 100.0 if lower_is_better[row, place] else ratio * 100.0
                )
                if low <= real <= high:
                    achievement = 100.0
                if capped and achievement > cap:
                    achievement = cap  # np.minimum: a NaN stays NaN
                count += 1
                size = abs(achievement)
                if np.isnan(size) or size > top:
                    top = size
            scratch[place] = achievement
        has[row] = count > 0
        mean[row] = pairwise_sum(scratch, 0, places) / max(count, 1)
        magnitude[row] = top + 200.0


def pairwise_sum(values: Floats, start: int, n: int) -> float:
    """
    Numpy's pairwise sum of ``values[start:start + n]`` (``add.reduce`` on float64).

    numpy splits a run of more than 128 values in two (the first half a multiple of
    8) and adds the two sums; this walks the same tree with a stack instead of
    recursion, because numba's disk cache cannot hold a recursive function.
    """
    if n <= _BLOCK:
        return _block(values, start, n)
    starts, sizes = np.empty(64, np.int64), np.empty(64, np.int64)
    stage, lefts = np.zeros(64, np.int64), np.empty(64)
    depth, result = 0, 0.0
    starts[0], sizes[0] = start, n
    while True:
        if sizes[depth] > _BLOCK:  # split: the left half first
            stage[depth] = 1
            starts[depth + 1], sizes[depth + 1] = starts[depth], _half(sizes[depth])
            depth += 1
            stage[depth] = 0
            continue
        result = _block(values, starts[depth], sizes[depth])
        while True:  # hand the result up until a node still needs its right half
            depth -= 1
            if depth < 0:
                return result
            if stage[depth] == 1:
                stage[depth], lefts[depth] = 2, result
                half = _half(sizes[depth])
                starts[depth + 1], sizes[depth + 1] = starts[depth] + half, sizes[depth] - half
                depth += 1
                stage[depth] = 0
                break
            result = lefts[depth] + result


def _half(n: int) -> int:
    """Where numpy splits a run of *n* values: about half, a multiple of 8."""
    half = n // 2
    return half - half % 8


def _block(values: Floats, start: int, n: int) -> float:
    """Numpy's sum of at most 128 values: in order below 8, else in 8 interleaved sums."""
    if n < 8:
        total = 0.0
        for at in range(start, start + n):
            total += values[at]
        return total
    r0, r1, r2, r3 = values[start], values[start + 1], values[start + 2], values[start + 3]
    r4, r5, r6, r7 = values[start + 4], values[start + 5], values[start + 6], values[start + 7]
    at = start + 8
    stop = start + n - n % 8
    while at < stop:
        r0, r1, r2, r3 = (
            r0 + values[at],
            r1 + values[at + 1],
            r2 + values[at + 2],
            r3 + values[at + 3],
        )
        r4, r5, r6, r7 = (
            r4 + values[at + 4],
            r5 + values[at + 5],
            r6 + values[at + 6],
            r7 + values[at + 7],
        )
        at += 8
    total = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7))
    while at < start + n:
        total += values[at]
        at += 1
    return float(total)


def rated_kernel(  # noqa: PLR0917, C901, PLR0912, PLR0915 - one compiled loop, helpers inlined
    rated: Bools,
    role: npt.NDArray[np.int8],
    score: Ints,
    terms: Floats,
    slots: Ints,
    minimum: Ints,
    weights: Floats,
    chosen: Bools,
    mean: Floats,
    ok: Bools,
) -> None:
    """
    Each row's mean of its chosen subjects' rescaled values, and whether all have one.

    *terms* holds ``10^places``, whether a role's ratings combine by median, the
    missing-rater mode (0 require, 1 renormalise, 2 a filler), the filler, and the
    scale's low end and span.  *slots* maps a role code to its place among the roles
    of weight above 0 (-1: not one of them), in the policy's order; *minimum* and
    *weights* are those roles' minimum raters and float weights.  The grouping by
    role is written out here, not called: a call per subject costs more than the work.
    """
    n, s, r = score.shape
    k = weights.shape[0]
    unit, median, mode, filler, low, span = (
        terms[0],
        terms[1],
        terms[2],
        terms[3],
        terms[4],
        terms[5],
    )
    values, found = np.empty(k), np.empty(k, np.int64)
    places, ratings, rescaled = np.empty(r, np.int64), np.empty(r, np.int64), np.empty(s)
    for row in range(n):
        for rater in range(r):
            code = role[row, rater]
            places[rater] = slots[code] if code >= 0 else -1
        every, chosen_count = True, 0
        for subject in range(s):
            if median:  # sort each role's ratings; halve the sum of the middle two
                for at in range(k):
                    count = 0
                    for rater in range(r):
                        if places[rater] == at and rated[row, subject, rater]:
                            place, rating = count, score[row, subject, rater]
                            while place > 0 and ratings[place - 1] > rating:  # insertion sort
                                ratings[place] = ratings[place - 1]
                                place -= 1
                            ratings[place] = rating
                            count += 1
                    found[at] = count
                    if count > 0:
                        middle = float(ratings[(count - 1) // 2]) + float(ratings[count // 2])
                        values[at] = middle / 2.0 / unit
            else:  # add each role's ratings as floats, in rater order from 0
                for at in range(k):
                    values[at], found[at] = 0.0, 0
                for rater in range(r):
                    at = places[rater]
                    if at >= 0 and rated[row, subject, rater]:
                        found[at] += 1
                        values[at] += float(score[row, subject, rater])
                for at in range(k):
                    if found[at] > 0:
                        values[at] = values[at] / (float(found[at]) * unit)
            weighted, present_weight, missing_weight = 0.0, 0.0, 0.0
            some, short = False, False
            for at in range(k):
                present = found[at] >= minimum[at]
                some |= present
                short |= not present
                weighted += (values[at] if present else 0.0) * weights[at]
                present_weight += (1.0 if present else 0.0) * weights[at]
                missing_weight += (0.0 if present else 1.0) * weights[at]
            if mode == 0:  # require: the weights of the roles present sum to 1
                has, subject_value = some and not short, weighted
            elif mode == 1:  # renormalise over the roles present
                has, subject_value = some, weighted / (present_weight if some else 1.0)
            else:  # a missing role takes the filler
                has, subject_value = some, weighted + missing_weight * filler
            picked = chosen[row, subject]
            rescaled[subject] = (subject_value - low) / span * 100.0 if picked and has else 0.0
            chosen_count += 1 if picked else 0
            every &= has or not picked
        total = 0.0
        if s < 8:  # numpy adds fewer than 8 values in order (`_block`), without a call
            for subject in range(s):
                total += rescaled[subject]
        else:
            total = pairwise_sum(rescaled, 0, s)
        mean[row] = total / max(chosen_count, 1)
        ok[row] = every
