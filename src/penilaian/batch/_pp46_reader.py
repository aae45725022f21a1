"""
Appraisals to the columns of a `penilaian.batch.pp46.Pp46Batch`, through the scalar checks.

Private to `penilaian.batch.pp46`.  Each appraisal is read by
`penilaian.regimes.pp46_2011.check_appraisal` with the supervisor's rating, the very
function `penilaian.regimes.pp46_2011.Pp46Regime` scores through, so the batch refuses
exactly what the scalar regime refuses, with the same problems.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeAlias

import numpy as np

from penilaian.batch._columns import MAX_PLACES, decimal_score, scaled_cells
from penilaian.batch._pp46_kernel import PP46_ASPECTS, PP46_SCOPES, PP46_SLOTS
from penilaian.exceptions import Problem, ScoringInputError
from penilaian.model.targets import TargetKind
from penilaian.policy.supervisor import SupervisorRating
from penilaian.regimes.pp46_2011 import check_appraisal

if TYPE_CHECKING:
    from collections.abc import Sequence
    from decimal import Decimal

    from penilaian.batch._columns import Bools, Ints
    from penilaian.model.appraisal import Appraisal

__all__ = ["Columns", "read_appraisals"]

Columns: TypeAlias = "tuple[int, Bools, Bools, Ints, Ints, Bools, Ints, Ints, Ints, Bools, Bools]"
"""The fields of a `Pp46Batch`, in order: places, main, indicator, ... applies."""


def read_appraisals(appraisals: Sequence[Appraisal]) -> Columns:
    """
    Read the kegiatan, tugas tambahan, innovations and supervisor's scores of each appraisal.

    Raises:
        ScoringInputError: listing every problem of every row that the scalar regime
            would raise on, each path the scalar's with ``$[<row>]`` in front.
    """
    n = len(appraisals)
    t = max((len(appraisal.targets) for appraisal in appraisals), default=0)
    cells, aspects = (n, t, len(PP46_SLOTS)), (n, len(PP46_ASPECTS))
    found: dict[tuple[str, tuple[int, ...]], Decimal] = {}
    main, indicator = np.zeros((n, t), np.bool_), np.zeros(cells, np.bool_)
    rated, applies = np.zeros(aspects, np.bool_), np.zeros(aspects, np.bool_)
    additional = np.zeros(n, np.int64)
    innovations = np.zeros((n, len(PP46_SCOPES)), np.int64)
    problems: list[Problem] = []
    supervisor = SupervisorRating()  # the scalar regime's default aggregator
    for row, appraisal in enumerate(appraisals):
        checked = check_appraisal(appraisal, supervisor)
        if checked.problems:
            problems.extend(
                Problem(f"$[{row}]{item.path[1:]}", item.message, item.error)
                for item in checked.problems
            )
            continue
        for activity in checked.activities:
            main[row, activity.index] = True
            for slot, pair in enumerate(activity.pairs):
                if pair is not None:
                    indicator[row, activity.index, slot] = True
                    found["target", (row, activity.index, slot)] = pair[0]
                    found["realisation", (row, activity.index, slot)] = pair[1]
        kinds = [target.kind for target in appraisal.targets]
        additional[row] = kinds.count(TargetKind.ADDITIONAL)
        scopes = [innovation.scope for innovation in appraisal.innovations]
        innovations[row] = [scopes.count(scope) for scope in PP46_SCOPES]
        for value in checked.behaviour:
            a_index = PP46_ASPECTS.index(value.aspect.id)
            applies[row, a_index] = True
            if value.value is not None:
                rated[row, a_index] = True
                found["behaviour", (row, a_index)] = decimal_score(value.value)
    if problems:
        raise ScoringInputError(problems)
    shapes = {"target": cells, "realisation": cells, "behaviour": aspects}
    columns = scaled_cells(found, shapes, ("target", "realisation"))  # each row on its own terms
    return (
        MAX_PLACES, main, indicator, columns["target"], columns["realisation"], indicator.copy(),
        additional, innovations, columns["behaviour"], rated, applies,
    )  # fmt: skip
