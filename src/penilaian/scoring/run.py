"""
The shared scaffold of one scoring run: what every regime collects while it scores.

A regime's own run (``penilaian.regimes.<regime>._run``) subclasses `Run` and adds
its steps; the scaffold holds the figures, categorical ratings, gaps, notes, problems
and loose trace steps, and builds the `Result` or raises the problems at the end.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Final

import attrs

from penilaian._base.trace import Gap, Rule, Step
from penilaian.exceptions import InvalidValueError, Problem, ScoringInputError
from penilaian.model.appraisal import Appraisal
from penilaian.scoring.result import Note, Result

if TYPE_CHECKING:
    from penilaian.model.grades import Grade

__all__ = ["INCOMPLETE_RULE", "Run"]

INCOMPLETE_RULE: Final = Rule(
    id="result.incomplete",
    clause="missing is not zero: no grade is given without what the rules need",
    text_id="Belum lengkap: tidak ada predikat; yang belum ada tercantum",
    text_en="Incomplete: no grade; what is missing is listed",
)
"""The root of an incomplete result's trace, when the regime built none of its own."""


@attrs.define(slots=True)
class Run:
    """
    The state of one scoring: figures, ratings, gaps and problems found, steps built.

    Attributes:
        appraisal: The appraisal being scored.
        trace: Whether steps are built.
        figures: Every intermediate number, by its documented key.
        ratings: Every intermediate categorical value, by key, as enum ids.
        gaps: What is missing, so that no grade can be given.
        notes: What is worth saying without blocking the grade.
        problems: What is wrong with the input (raised together at the end).
        steps: Steps built along the way, to hang under the root step.
    """

    appraisal: Appraisal
    trace: bool
    figures: dict[str, Decimal] = attrs.field(factory=dict)
    ratings: dict[str, str] = attrs.field(factory=dict)
    gaps: list[Gap] = attrs.field(factory=list)
    notes: list[Note] = attrs.field(factory=list)
    problems: list[Problem] = attrs.field(factory=list)
    steps: list[Step] = attrs.field(factory=list)

    def problem(self, path: str, error: InvalidValueError) -> None:
        """Record that the input at *path* failed a check (raised with the others later)."""
        self.problems.append(Problem.from_error(path, error))

    def gap(self, path: str, reason: str) -> None:
        """Record that something the rules need is missing at *path*."""
        self.gaps.append(Gap(path, reason))

    def note(self, path: str, code: str, text_id: str, text_en: str) -> None:
        """Record a `penilaian.scoring.result.Note` at *path*: said, but no block on the grade."""
        self.notes.append(Note(path, code, text_id, text_en))

    def raise_problems(self) -> None:
        """
        Raise every problem found, if any.

        Raises:
            ScoringInputError: listing every problem, each with its path.
        """
        if self.problems:
            raise ScoringInputError(self.problems)

    def result(
        self,
        regime: str,
        grade: Grade | None = None,
        score: Decimal | None = None,
        root: Step | None = None,
    ) -> Result:
        """
        Return the result: graded when no gap was found, with the trace's root step.

        When a trace was asked for and the result is incomplete without a root of the
        regime's own, the root is an `INCOMPLETE_RULE` step over the steps built so far,
        naming where something is missing: a trace is there whenever one is asked for.
        """
        complete = not self.gaps
        if self.trace and root is None and not complete:
            # A trace was asked for: an incomplete result still shows what was found.
            missing = ", ".join(gap.path for gap in self.gaps)
            root = Step.of(INCOMPLETE_RULE, None, children=self.steps, missing=missing)
        return Result(
            regime=regime,
            appraisal_id=self.appraisal.id,
            grade=grade if complete else None,
            score=score if complete else None,
            figures=self.figures,
            ratings=self.ratings,
            gaps=tuple(self.gaps),
            trace=root if self.trace else None,
            notes=tuple(self.notes),
        )
