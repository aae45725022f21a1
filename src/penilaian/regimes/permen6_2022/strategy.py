"""
The PermenPANRB 6/2022 regime: two ratings against expectations, one matrix, one grade.

The appraising supervisor (pejabat penilai) sets a work-results rating (rating hasil
kerja) and a behaviour rating (rating perilaku kerja), each below, meeting or above
expectations; the 3 x 3 matrix `PERMEN6_2022_MATRIX` turns the pair into the
employee's grade (predikat kinerja pegawai; REGULATIONS.md 3.4).  The regime has no
score.  How each rating is found is a rule (a `RatingRule`,
`penilaian.regimes.permen6_2022.ratings`): by default the supervisor's own rating.
A unit leader's work-results rating is the unit's grade (capaian kinerja
organisasi) unless configured otherwise.

Result keys:

- ratings ``work_results`` and ``behaviour`` (`penilaian.ExpectationLevel` ids);
  ``unit_grade`` (`penilaian.OrganisationGrade` id) when the unit's grade was used;
  ``behaviour[<aspect id>]`` when the behaviour rating is derived from the values.
- figures ``indicator[<id>].achievement`` and ``achievement`` (their mean), in
  percent, when the work-results rating is derived from achievement.  Figures are
  exact when their decimal ends, else rounded to 6 places; the trace keeps them exact.
- notes ``no_realisation``, one per indicator without a realisation, at
  ``$.targets[i].indicators[j].realisation``: the grade stands, the note says what
  was not reported.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final, Literal

import attrs

from penilaian._base.checks import callable_value, instance_of, one_of
from penilaian.regimes.permen6_2022._kernel import grade_plain, plain_rules
from penilaian.regimes.permen6_2022._run import Permen6Run
from penilaian.regimes.permen6_2022.ratings import (
    GivenBehaviourRating,
    GivenWorkRating,
    WorkRatingFromUnit,
)
from penilaian.typing import RatingRule

if TYPE_CHECKING:
    from penilaian.model.appraisal import Appraisal
    from penilaian.scoring.result import Result

__all__ = ["Permen6Regime"]

_LeaderRule = Literal["unit_grade", "as_configured"]
_RULE: Final = "a rating rule (a penilaian.typing.RatingRule)"


@attrs.frozen
class Permen6Regime:
    """
    PermenPANRB 6/2022: the grade from the work-results and behaviour ratings.

    Attributes:
        work_rating: How the work-results rating is found (`GivenWorkRating`).
        behaviour_rating: How the behaviour rating is found (`GivenBehaviourRating`).
        leader_rule: ``"unit_grade"`` (default): a unit leader's work-results rating
            is found by `unit_rating`, whatever `work_rating` says, as PermenPANRB
            6/2022 provides; ``"as_configured"``: leaders are rated by `work_rating`.
        unit_rating: The rule for unit leaders under ``"unit_grade"``.

    Raises:
        InvalidValueError: naming the field, for a rule that cannot be called, a
            leader rule other than the two, or a unit rule that is not a
            `WorkRatingFromUnit`.
    """

    work_rating: RatingRule = attrs.field(factory=GivenWorkRating, validator=callable_value(_RULE))
    behaviour_rating: RatingRule = attrs.field(
        factory=GivenBehaviourRating, validator=callable_value(_RULE)
    )
    leader_rule: _LeaderRule = attrs.field(
        default="unit_grade", validator=one_of(("unit_grade", "as_configured"))
    )
    unit_rating: WorkRatingFromUnit = attrs.field(
        factory=WorkRatingFromUnit,
        validator=instance_of(WorkRatingFromUnit, expected="a WorkRatingFromUnit"),
    )
    _plain: tuple[str, bool, bool | None] = attrs.field(
        init=False, repr=False, eq=False, hash=False, order=False
    )
    """
    What the kernel needs of the rules (`penilaian.regimes.permen6_2022._kernel.plain_rules`),
    decided once when the regime is made or evolved (a copy carries it with the fields it
    comes from): derived from the four fields, it is no part of the regime's value or repr.
    """

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_plain", plain_rules(self))

    @property
    def id(self) -> str:
        """``"permen6_2022"``."""
        return "permen6_2022"

    def score(self, appraisal: Appraisal, *, trace: bool = True) -> Result:
        """
        Grade *appraisal* by the matrix of its two ratings.

        Returns:
            A result with the grade and no score; incomplete, with its gaps, when a
            rating is missing.  Each indicator without a realisation is a note
            (code ``"no_realisation"``), never a gap: the ratings decide the grade.

        Raises:
            ScoringInputError: for a framework other than BerAKHLAK, or what a
                rating rule cannot use (listing every problem of both rules).
        """
        # The plain case in one scan; the trace, when asked for, is built when first read.
        build = (lambda: self._run(appraisal, trace=True).trace) if trace else None
        plain = grade_plain(self, appraisal, build)
        return plain if plain is not None else self._run(appraisal, trace=trace)

    def _run(self, appraisal: Appraisal, *, trace: bool) -> Result:
        """Grade *appraisal* by the full run: every problem, gap and note, and the trace."""
        run = Permen6Run(appraisal, trace)
        run.check_framework()
        leads = self.leader_rule == "unit_grade" and appraisal.position.leads_unit
        work = run.rating(self.unit_rating if leads else self.work_rating)
        behaviour = run.rating(self.behaviour_rating)
        run.raise_problems()
        run.note_unrealised()
        if leads:
            work = run.led(work, self.leader_rule)
        grade = run.grade(work, behaviour)
        return run.result(self.id, grade, root=run.root(grade, work, behaviour))
