"""
The PP 46/2011 regime: penilaian prestasi kerja PNS (PP 46/2011; Perka BKN 1/2013).

Nilai prestasi kerja = 60 % nilai capaian SKP + 40 % nilai perilaku kerja
(REGULATIONS.md section 1).  Each main work target is one *kegiatan tugas jabatan*
with one quantity, quality and time indicator and at most one cost indicator, all
with point targets; each additional work target is one *tugas tambahan*; each
`penilaian.Innovation` earns *kreativitas* points.  Behaviour is rated 0-100 on the
aspects of `penilaian.PP46_2011_BEHAVIOUR` that apply to the position (six for a
structural post, five otherwise), each value taken from the regime's aggregator.

`Pp46Regime.score` checks the appraisal with
`penilaian.regimes.pp46_2011.checks.check_appraisal` (a plain one is read in one pass
that declines anything the checks would report) and scores it in exact integers
(``_kernel``); its trace, built when first read, comes from the run that composes the
formulas of `penilaian.regimes.pp46_2011.rules`, each a plain function naming its clause.

Figures (`penilaian.Result.figures`):

- ``activity[<target id>].quantity``, ``.quality``, ``.time``, ``.cost`` (cost only
  when the kegiatan has a cost target): the aspect values, exact;
- ``activity[<target id>].value``: nilai capaian kegiatan, rounded;
- ``activities``: the mean of the kegiatan values, exact;
- ``additional_tasks``: the tugas tambahan points (0, 1, 2 or 3);
- ``creativity``: the kreativitas points;
- ``skp``: nilai capaian SKP, rounded;
- ``behaviour[<aspect id>]``: each behaviour aspect's value, exact;
- ``behaviour``: nilai perilaku kerja, rounded;
- ``final``: nilai prestasi kerja, rounded; also `penilaian.Result.score`;
- ``<key>.whole`` for ``skp``, ``behaviour[<aspect id>]``, ``behaviour`` and
  ``final``, only under ``band_convention="round_to_integer"``: the whole number
  the category was read from.

"Rounded" figures are rounded at the declared points (see ``rounding`` below) by
`Pp46Regime.rounding` (2 places, halves up, by default), and later steps use the
rounded value, as the BKN forms do; with ``rounding_points="outputs_only"`` they are
shown rounded and later steps use the unrounded value.  A sebutan is read from the
rounded figure either way.  "Exact" figures are used exactly; a figure
is a `Decimal`, so one with no finite decimal form (such as 200/3) is written to
6 places, and its step in the trace shows the exact fraction.

Ratings (`penilaian.Result.ratings`, grade ids): ``skp``, ``behaviour[<aspect id>]``
and ``behaviour``, the sebutan the BKN form gives each; the final one is
`penilaian.Result.grade`.

Conventions, each a field of `Pp46Regime` with its default:

- ``zero_output_zeroes_activity=True`` [LOW]: a kegiatan with realised output 0
  scores 0 on every aspect (seen in e-SKP code, not in the regulation);
- ``creativity="highest"`` [LOW]: with several innovations only the highest
  points count (``"sum"`` adds them up);
- ``band_convention="upper_inclusive"`` [LOW]: <= 50 Buruk, (50, 60] Kurang,
  (60, 75] Cukup, (75, 90] Baik, > 90 Sangat Baik (``"round_to_integer"`` rounds
  to a whole number, halves up, and reads the integer table);
- ``rounding=Rounding(2)``: the kegiatan values, the SKP, the behaviour and the
  final value are rounded; aspect values and means are not;
- ``rounding_points="as_bkn_forms"`` [MED]: later steps use the rounded values, as
  the BKN forms do (``"outputs_only"`` [LOW] combines the unrounded values and
  rounds only what is shown);
- every additional work target is one tugas tambahan carried out; its indicators
  are not scored;
- a kepemimpinan rating for a post that is not structural is refused, not dropped.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

import attrs

from penilaian._base.checks import callable_value, instance_of, one_of
from penilaian._base.rounding import Rounding
from penilaian._base.trace import deferred_step
from penilaian.exceptions import InvalidValueError, ScoringInputError
from penilaian.policy.supervisor import SupervisorRating
from penilaian.policy.weights import PP46_2011_COMPONENTS, Weights
from penilaian.regimes.pp46_2011._kernel import score_untraced
from penilaian.regimes.pp46_2011._plain import from_checked, read_plain
from penilaian.regimes.pp46_2011._run import REGIME_ID, Pp46Run
from penilaian.regimes.pp46_2011.checks import check_appraisal
from penilaian.regimes.pp46_2011.rules import (
    BandConvention,
    CreativityPolicy,
    RoundingPoints,
    category,
)
from penilaian.typing import RatingAggregator

if TYPE_CHECKING:
    from decimal import Decimal
    from fractions import Fraction

    from penilaian._base.trace import Step
    from penilaian.model.appraisal import Appraisal
    from penilaian.model.grades import Grade
    from penilaian.scoring.result import Result

__all__ = ["Pp46Regime"]


def _check_weights(_instance: object, attribute: attrs.Attribute[Weights], value: object) -> None:
    if not isinstance(value, Weights) or set(value) != {"work", "behaviour"}:
        reason = "must be Weights of exactly 'work' and 'behaviour'"
        raise InvalidValueError(attribute.name, value, reason)


@attrs.frozen(kw_only=True)
class Pp46Regime:
    """
    Scores an appraisal by PP 46/2011 and Perka BKN 1/2013 (regime ``"pp46_2011"``).

    The fields are the policy, each with the documented default; see the module
    docstring for the figures and conventions.  A field outside its documented
    values raises `penilaian.exceptions.InvalidValueError` naming the field.

    Attributes:
        weights: SKP (``"work"``) against behaviour (``"behaviour"``); 60/40 by default.
        aggregator: Gives each behaviour aspect's value; the supervisor's rating by default.
        rounding: The rounding at the declared points (kegiatan value, SKP,
            behaviour, final); 2 places, halves up, by default.
        band_convention: How values between the whole-number rows of the category
            table are read: ``"upper_inclusive"`` (default) or ``"round_to_integer"``.
        creativity: With several innovations, count the ``"highest"`` points
            (default) or their ``"sum"``.
        zero_output_zeroes_activity: A kegiatan with realised output 0 scores 0 on
            every aspect (default) rather than by each aspect's formula.
        rounding_points: ``"as_bkn_forms"`` (default): later steps use the rounded
            kegiatan, SKP and behaviour values, as the BKN forms do;
            ``"outputs_only"``: they are shown rounded and combined unrounded.
    """

    weights: Weights = attrs.field(default=PP46_2011_COMPONENTS, validator=_check_weights)
    aggregator: RatingAggregator = attrs.field(
        factory=SupervisorRating, validator=callable_value("a RatingAggregator (a callable)")
    )
    rounding: Rounding = attrs.field(
        default=Rounding(2), validator=instance_of(Rounding, expected="a penilaian.Rounding")
    )
    band_convention: BandConvention = attrs.field(
        default="upper_inclusive", validator=one_of(("upper_inclusive", "round_to_integer"))
    )
    creativity: CreativityPolicy = attrs.field(
        default="highest", validator=one_of(("highest", "sum"))
    )
    zero_output_zeroes_activity: bool = attrs.field(
        default=True, validator=instance_of(bool, expected="True or False")
    )
    rounding_points: RoundingPoints = attrs.field(
        default="as_bkn_forms", validator=one_of(("as_bkn_forms", "outputs_only"))
    )

    @property
    def id(self) -> str:
        """The regime's id, ``"pp46_2011"``."""
        return REGIME_ID

    def category(self, value: Decimal | Fraction | int) -> Grade:
        """
        Return the sebutan of *value* under this regime's band convention.

        Args:
            value: A nilai capaian SKP, perilaku or prestasi kerja.
        """
        return category(value, self.band_convention)

    def with_aggregator(self, aggregator: RatingAggregator) -> Pp46Regime:
        """Return this regime with *aggregator* (a `penilaian.WeightingPolicy`, say) for ratings."""
        return attrs.evolve(self, aggregator=aggregator)

    def score(self, appraisal: Appraisal, *, trace: bool = True) -> Result:
        """
        Score *appraisal* by PP 46/2011.

        Args:
            appraisal: The appraisal, with the `penilaian.PP46_2011_BEHAVIOUR` framework.
            trace: Whether to build the trace; the figures are the same either way.

        Returns:
            A complete result, or an incomplete one (no grade, no score, the gaps
            listed) when the aggregator could not form a behaviour value.

        Raises:
            ScoringInputError: listing every problem `check_appraisal` finds: a main
                work target without exactly one quantity, quality and time indicator
                and at most one cost indicator, a target that is not a point target,
                a direction other than the aspect's, a missing realisation, no main
                work target, another behaviour framework, a behaviour value outside
                0-100, a leadership rating for a post that is not structural.
        """
        # A plain appraisal is read in one pass; anything else (a problem, a gap, another
        # aggregator) is checked by check_appraisal, the one source of every message.
        plain = read_plain(appraisal, self.aggregator)
        if plain is None:
            checked = check_appraisal(appraisal, self.aggregator)
            if checked.problems:
                raise ScoringInputError(list(checked.problems))
            plain = from_checked(checked)
        # The integer kernel scores; the trace, when asked for, is built by the traced
        # run the first time it is read (penilaian._base.trace.deferred_step).
        steps = deferred_step(functools.partial(self._trace, appraisal)) if trace else None
        return score_untraced(self, appraisal, plain, steps)

    def _trace(self, appraisal: Appraisal) -> Step | None:
        """Return the trace of *appraisal*: the steps of `Pp46Run`, the kernel's reference."""
        run = Pp46Run(
            appraisal, trace=True, weights=self.weights, rounding=self.rounding,
            band_convention=self.band_convention, creativity=self.creativity,
            zero_output_zeroes_activity=self.zero_output_zeroes_activity,
            rounding_points=self.rounding_points,
        )  # fmt: skip
        return run.score(check_appraisal(appraisal, self.aggregator, trace=True)).trace
