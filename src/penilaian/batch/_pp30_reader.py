"""
PP 30/2019 appraisals to the columns of a `penilaian.batch.Pp30Batch`.

Private to `penilaian.batch.pp30` (`Pp30Batch.from_appraisals`).  The reader refuses,
with row paths, what the scalar regime would refuse before scoring, and reads peer
input, innovation and the post's route (`skp_route`) with the regime's own public rules.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final

import numpy as np

from penilaian._base.problems import ProblemList
from penilaian.batch._columns import MAX_PLACES, decimal_score, scaled_cells
from penilaian.exceptions import ScoringInputError, UnsupportedInputError
from penilaian.model.behaviour import PP30_2019_BEHAVIOUR
from penilaian.model.targets import Direction, PointTarget, RangeTarget, TargetKind
from penilaian.policy.supervisor import SupervisorRating
from penilaian.regimes.pp30_2019 import innovation_count, peer_input_count, skp_route

if TYPE_CHECKING:
    from collections.abc import Sequence
    from decimal import Decimal

    from penilaian.batch._columns import Bools
    from penilaian.exceptions import InvalidValueError
    from penilaian.model.appraisal import Appraisal
    from penilaian.model.targets import Indicator

__all__ = ["ASPECTS", "read_appraisals"]

ASPECTS: Final = tuple(aspect.id for aspect in PP30_2019_BEHAVIOUR.aspects)
"""The aspect ids of the behaviour columns, in order."""

_Found = dict[tuple[str, tuple[int, ...]], "Decimal"]


def read_appraisals(appraisals: Sequence[Appraisal]) -> dict[str, Any]:
    """
    Return the columns of *appraisals*, by `penilaian.batch.Pp30Batch` field name.

    Raises:
        ScoringInputError: listing every problem of every row, paths starting ``$[<row>]``.
    """
    return _Reader(appraisals).columns()


class _Reader:
    """Reads appraisals into columns, collecting every problem with its row."""

    def __init__(self, appraisals: Sequence[Appraisal]) -> None:
        self.appraisals = appraisals
        self.problems = ProblemList()
        self.targets = max((len(a.targets) for a in appraisals), default=0)
        self.width = max(
            (len(target.indicators) for a in appraisals for target in a.targets), default=0
        )

    def problem(self, path: str, error: InvalidValueError) -> None:
        self.problems.add(path, error)

    def columns(self) -> dict[str, Any]:
        n, t, i = len(self.appraisals), self.targets, self.width
        cells, aspects = (n, t, i), (n, len(ASPECTS))
        found: _Found = {}
        flags = {name: np.zeros(cells, np.bool_) for name in
                 ("indicator", "realised", "lower_is_better", "at_maximum")}  # fmt: skip
        main = np.zeros((n, t), np.bool_)
        rated, applies = np.zeros(aspects, np.bool_), np.zeros(aspects, np.bool_)
        peer_input, innovation = np.zeros(n, np.bool_), np.zeros(n, np.bool_)
        interpolation = np.zeros(n, np.bool_)
        aggregator = SupervisorRating()
        for row, appraisal in enumerate(self.appraisals):
            framework = appraisal.framework
            if framework is not PP30_2019_BEHAVIOUR and framework != PP30_2019_BEHAVIOUR:
                reason = f"pp30_2019 appraises the aspects of framework {PP30_2019_BEHAVIOUR.id}"
                error = UnsupportedInputError("framework", framework.id, reason)
                self.problem(f"$[{row}].framework", error)
                continue
            for t_index, target in enumerate(appraisal.targets):
                main[row, t_index] = target.kind is TargetKind.MAIN
                for i_index, item in enumerate(target.indicators):
                    self.indicator((row, t_index, i_index), item, found, flags)
            kind_aspects = {aspect.id for aspect in framework.aspects_for(appraisal.position.kind)}
            for a_index, aspect_id in enumerate(ASPECTS):
                if aspect_id not in kind_aspects:
                    continue
                applies[row, a_index] = True
                try:
                    value = aggregator(appraisal, aspect_id, trace=False).value
                except ScoringInputError as error:
                    self.problems.within(error, f"$[{row}]")
                    continue
                if value is not None:
                    rated[row, a_index] = True
                    found["behaviour", (row, a_index)] = decimal_score(value)
            roles = appraisal.rater_roles
            peer_input[row] = peer_input_count(roles[r.rater_id] for r in appraisal.ratings) > 0
            innovation[row] = innovation_count(item.scope for item in appraisal.innovations) > 0
            position = appraisal.position
            independent = position.leads_independent_unit
            route = skp_route(position.kind, leads_independent_unit=independent)
            interpolation[row] = route == "interpolation"
        self.problems.raise_if_any(ScoringInputError)
        names = ("target_low", "target_high", "realisation")
        shapes = {**dict.fromkeys(names, cells), "behaviour": aspects}
        scaled = scaled_cells(found, shapes, names)  # each row on its own values' terms
        return {
            "places": MAX_PLACES, "indicator": flags["indicator"],
            "target_low": scaled["target_low"], "target_high": scaled["target_high"],
            "realisation": scaled["realisation"], "realised": flags["realised"],
            "lower_is_better": flags["lower_is_better"], "at_maximum": flags["at_maximum"],
            "main": main, "behaviour": scaled["behaviour"], "rated": rated, "applies": applies,
            "peer_input": peer_input, "innovation": innovation, "interpolation": interpolation,
        }  # fmt: skip

    def indicator(
        self, cell: tuple[int, int, int], item: Indicator, found: _Found, flags: dict[str, Bools]
    ) -> None:
        """Read one indicator into its cell, or record why it cannot be scored."""
        given = item.target
        if isinstance(given, PointTarget):
            found["target_low", cell] = found["target_high", cell] = given.value
        elif isinstance(given, RangeTarget):
            found["target_low", cell], found["target_high", cell] = given.low, given.high
        else:
            reason = "a qualitative target has no achievement percentage; rate it instead"
            row, t_index, i_index = cell
            path = f"$[{row}].targets[{t_index}].indicators[{i_index}].target"
            self.problem(path, UnsupportedInputError("target", item.id, reason))
            return
        flags["indicator"][cell] = True
        flags["lower_is_better"][cell] = item.direction is Direction.LOWER_IS_BETTER
        flags["at_maximum"][cell] = item.target_is_maximum
        realisation = item.realisation
        if realisation is not None and realisation.value is not None:
            flags["realised"][cell] = True
            found["realisation", cell] = realisation.value
