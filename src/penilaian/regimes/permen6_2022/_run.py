"""
One scoring under PermenPANRB 6/2022: the two ratings found, checked and put together.

The supervisor's ratings decide the grade (PermenPANRB 6/2022 Pasal 5), so an
indicator (IKI) without a realisation blocks nothing; the run says so in a note
(`penilaian.scoring.result.Note`, code ``"no_realisation"``) beside the grade.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

import attrs

from penilaian._base.trace import Step
from penilaian.exceptions import ScoringInputError
from penilaian.model.raters import OVERALL_BEHAVIOUR, OVERALL_WORK_RESULTS
from penilaian.regimes.permen6_2022.ratings import RatingOutcome
from penilaian.regimes.permen6_2022.rules import (
    LEADER_RULE,
    PERMEN6_2022_MATRIX_RULE,
    framework_error,
    matrix_grade,
)
from penilaian.scoring.run import Run

if TYPE_CHECKING:
    from penilaian.model.grades import Grade
    from penilaian.typing import RatingRule

__all__ = ["NO_REALISATION", "Permen6Run"]

NO_REALISATION: Final = "no_realisation"
"""The code of the note on an indicator without a realisation."""


@attrs.define(slots=True)
class Permen6Run(Run):
    """The shared run, with the steps of PermenPANRB 6/2022: rules, leader switch, matrix."""

    def check_framework(self) -> None:
        """
        Refuse a framework other than BerAKHLAK, before any rating is read.

        Raises:
            ScoringInputError: at ``$.framework``.
        """
        error = framework_error(self.appraisal.framework)
        if error is not None:
            self.problem("$.framework", error)
            self.raise_problems()

    def note_unrealised(self) -> None:
        """Note every indicator without a realisation: said beside the grade, never a gap."""
        for target_index, target in enumerate(self.appraisal.targets):
            for index, indicator in enumerate(target.indicators):
                if indicator.realisation is not None:
                    continue
                path = f"$.targets[{target_index}].indicators[{index}].realisation"
                self.note(
                    path,
                    NO_REALISATION,
                    f"IKI {indicator.id} belum ada realisasinya; predikat ditentukan oleh "
                    "rating pejabat penilai (PermenPANRB 6/2022 Pasal 5)",
                    f"indicator {indicator.id} has no realisation; the supervisor's rating "
                    "decides the grade (PermenPANRB 6/2022 Pasal 5)",
                )

    def rating(self, rule: RatingRule) -> RatingOutcome:
        """Return what *rule* finds; what it cannot use is recorded as problems."""
        try:
            return rule(self.appraisal, trace=self.trace)
        except ScoringInputError as error:
            self.problems.extend(error.problems)
            return RatingOutcome(None)

    def led(self, work: RatingOutcome, leader_rule: str) -> RatingOutcome:
        """Return *work*, a unit leader's rating from the unit, under the leader's step."""
        if not self.trace:
            return work
        step = Step.of(LEADER_RULE, work.level, subject=OVERALL_WORK_RESULTS,
                       children=_steps(work), unit=self.appraisal.position.unit_id,
                       leader_rule=leader_rule)  # fmt: skip
        return attrs.evolve(work, step=step)

    def grade(self, work: RatingOutcome, behaviour: RatingOutcome) -> Grade | None:
        """
        Record both outcomes and return the matrix cell of their levels (`None`: a gap).

        The figures, ratings and gaps are kept in the order work, then behaviour.
        """
        ratings = self.ratings
        for outcome in (work, behaviour):
            # Most outcomes (the given ratings) carry nothing else: skip the empty updates.
            if outcome.figures:
                self.figures.update(outcome.figures)
            if outcome.ratings:
                ratings.update(outcome.ratings)
            if outcome.gaps:
                self.gaps.extend(outcome.gaps)
        work_level, behaviour_level = work.level, behaviour.level
        if work_level is not None:
            ratings[OVERALL_WORK_RESULTS] = work_level.value
        if behaviour_level is not None:
            ratings[OVERALL_BEHAVIOUR] = behaviour_level.value
        if work_level is None or behaviour_level is None:
            return None
        return matrix_grade(work_level, behaviour_level)

    def root(
        self, grade: Grade | None, work: RatingOutcome, behaviour: RatingOutcome
    ) -> Step | None:
        """Return the root step, the matrix with both ratings' steps under it (if traced)."""
        if not self.trace:
            return None
        return Step.of(PERMEN6_2022_MATRIX_RULE, grade, subject=self.appraisal.id,
                       children=(*_steps(work), *_steps(behaviour)),
                       work_results=work.level, behaviour=behaviour.level)  # fmt: skip


def _steps(outcome: RatingOutcome) -> tuple[Step, ...]:
    return () if outcome.step is None else (outcome.step,)
