"""
The generic regime over columns: weighted components, 360° role weights and bands, exactly.

The columnar twin of `penilaian.GenericRegime`: `WorkAchievement` components (the
mean achievement of indicators of some target kinds, capped) and `RatedSubjects`
components (the mean of rated subjects, each combined by the regime's aggregator and
rescaled to 0-100), weighted, rounded by the regime's `penilaian.Rounding` and
banded by its `penilaian.model.BandTable`.  The aggregator may be
`penilaian.policy.SupervisorRating` or a `penilaian.WeightingPolicy` whose aggregation is
`penilaian.Mean` or `penilaian.Median`, with any role weights, minimum raters,
missing-rater policy and self-assessment choice.

These formulas have no bounded fixed-point form (a mean of ratios with different
denominators), so values are computed in ``float64`` with an error bound, and every
row whose float lies near a rounding or band decision is computed again exactly in
`fractions.Fraction` (`penilaian.batch._filtered`).  Scores, bands and grades are
therefore those of the scalar regime on every row; `GenericScores.exact_rows` says
how many rows took the exact path.

Layout (`GenericBatch`; ``n`` appraisals, ``i`` indicator places, ``s`` subjects,
``r`` rater places):

- ``indicator`` ``bool (n, i)``: an indicator sits at this place; ``kind`` ``int8
  (n, i)``: its work target's kind, a code into `KINDS`;
- ``target_low``, ``target_high``, ``realisation`` ``int64 (n, i)``: each indicator's
  three numbers x 10^p, one power of ten of that indicator's own (only their ratio
  and order are read, so every common power gives the same result; ``x 10^places``
  in every cell is one choice); a point target has ``low == high``;
  ``lower_is_better`` ``bool (n, i)``;
- ``subjects``: the subject ids of the ``s`` axis; ``applies`` ``bool (n, s)``: the
  subject is an aspect of the appraisal's framework that applies to the post (what
  ``RatedSubjects(subjects=None)`` averages);
- ``role`` ``int8 (n, r)``: the role of the rater at each place, a code into `ROLES`
  (-1: no rater); ``score`` ``int64 (n, s, r)`` x 10^places, read where ``rated``
  ``bool (n, s, r)``; all ratings lie on one numeric scale, ``scale_min`` to
  ``scale_max``.

`GenericBatch.from_appraisals` scales each number on its own row's terms, so whether
a row is accepted, and what it scores, never depends on the other rows (issue 14):
an indicator's numbers by 10^p, p the fewest decimal places (at most 6) that hold its
target and realisation, and at most 2^53 - 1 once scaled; every rating by 10^6
(``places`` is 6), at most 9,007,199,254.740991 in magnitude.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import numpy as np

from penilaian.batch._generic_plan import Plan, plan_for
from penilaian.batch._generic_types import KINDS, ROLES, GenericBatch, GenericScores
from penilaian.batch._generic_values import Inputs, combine
from penilaian.exceptions import InvalidValueError
from penilaian.regimes.generic import GenericRegime

__all__ = ["KINDS", "ROLES", "GenericBatch", "GenericScores", "score_generic"]


def score_generic(
    batch: GenericBatch,
    regime: GenericRegime | None = None,
    *,
    chunk: int = 16_384,
    threads: int = 1,
    figures: bool = True,
) -> GenericScores:
    """
    Score every row of *batch* as *regime* (default `GenericRegime.default()`) would.

    Args:
        batch: The inputs.
        regime: The regime; its options are checked before any work.
        chunk: Rows computed at a time, to bound the memory of the intermediates:
            for 8 indicators and 5 subjects x 6 raters, about 160 bytes a row on the
            numba path and 700 on the numpy path (2.5 and 11 MiB at the default,
            whose temporaries stay in the processor's cache; the results do not
            depend on it).
        threads: Chunks computed at once, on that many threads (1: one after the
            other).  The compiled kernels release the GIL, so on the numba path
            (`penilaian.batch.accelerator`) two threads use two cores; the results,
            and the first problem raised, are the same for any number.  Under Dask,
            whose workers already run partitions on their own threads, keep 1.
        figures: Whether to keep each component's figure (`GenericScores.component`).
            Without them the result holds 11 bytes a row instead of ``11 + 8c`` (c
            components): scores, bands and grades are the same, and ``component``
            is `None` (not computed, which is not missing).

    Raises:
        ScoringInputError: a regime option the batch does not compute (no rounding,
            a trimmed-mean or custom aggregation, a custom aggregator, a
            missing-component policy other than `penilaian.policy.Require` at
            ``$.regime.missing``), or rows the
            scalar regime refuses (no indicator of a work component's kinds, a
            rating from a role the policy does not weight, two supervisor ratings
            of one subject under `penilaian.policy.SupervisorRating`), and rows whose
            exact component figure (when *figures* are kept) or score has no
            ``int64`` form (a realisation some 10^11 times its target; at
            ``$.realisation[<row>]``), each on its own values.
    """
    regime = GenericRegime.default() if regime is None else regime
    if not isinstance(figures, bool):
        raise InvalidValueError("figures", figures, "must be True or False")
    given: object = chunk
    if isinstance(given, bool) or not isinstance(given, int) or given < 1:
        raise InvalidValueError("chunk", chunk, "must be a whole number of rows, at least 1")
    asked: object = threads
    if isinstance(asked, bool) or not isinstance(asked, int) or asked < 1:
        raise InvalidValueError("threads", threads, "must be a whole number, at least 1")
    plan = plan_for(regime, batch.subjects)
    return _joined(plan, batch, chunk, threads, figures=figures)


def _joined(
    plan: Plan, batch: GenericBatch, chunk: int, threads: int, *, figures: bool
) -> GenericScores:
    """Score *batch* a chunk at a time, each chunk written into the result's columns."""
    n, width = len(batch), len(plan.component_ids)
    complete = np.zeros(n, np.bool_)
    score = np.empty(n, np.int64)
    band, grade = np.empty(n, np.int8), np.empty(n, np.int8)
    component = np.empty((n, width), np.int64) if figures else None

    def scored(start: int) -> int:
        rows = slice(start, start + chunk)
        part = combine(Inputs.read(batch, plan, rows), plan, figures=figures)
        complete[rows], score[rows], band[rows], grade[rows] = (
            part.complete, part.score, part.band, part.grade,
        )  # fmt: skip
        if component is not None and part.component is not None:
            component[rows] = part.component
        return part.exact_rows

    starts = range(0, n, chunk)
    if threads == 1 or len(starts) < 2:  # one chunk needs no pool
        exact_rows = sum(map(scored, starts))
    else:
        # The first chunk alone (it compiles or loads the kernels once), then the rest on
        # the pool; map gives their counts, and re-raises their problems, in chunk order.
        exact_rows = scored(starts[0])
        with ThreadPoolExecutor(threads) as pool:
            exact_rows += sum(pool.map(scored, starts[1:]))
    return GenericScores(
        plan.rounding.places, plan.labels, plan.component_ids, complete, score, band, grade,
        component, exact_rows,
    )  # fmt: skip
