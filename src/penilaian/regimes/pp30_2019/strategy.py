"""
The PP 30/2019 + PermenPANRB 8/2021 regime (``pp30_2019``): SKP with IKI, perilaku, predikat.

PermenPANRB 8/2021 Lampiran Bab VI.A scores the SKP by one of two routes, chosen by
the post (`rules.skp_route`) unless the regime's ``route`` says otherwise.  On the
interpolation route (JPT and pimpinan unit kerja mandiri, Bab VI.A.1) each
indicator's achievement (capaian IKI) is
converted to a value (nilai capaian IKI) by the table `PERMEN8_2021_IKI_CONVERSION`;
a work target's value is the mean of its indicators.  On the category route
(pejabat administrasi and fungsional, Bab VI.A.2) each indicator's category gives
points (`PERMEN8_2021_IKI_POINTS`), and a work target's summed points give its value
by `PERMEN8_2021_RENCANA_BANDS` (120 / 100 / 80 / 60 / 25).  On both the main work (kinerja utama)
the mean of the main targets or their weighted sum, and the SKP value that plus the
additional work's points.  Behaviour (perilaku kerja) is the mean of the aspects that
apply to the position.  PP 30/2019 Pasal 41 weighs the two 70/30 or 60/40, caps the
result at 120 and grades it by `PP30_2019_PREDIKAT`.  The conventions that the
regulation does not fix are fields of `Pp30Regime`, marked [LOW] in their docs.
The formulas are public functions of `penilaian.regimes.pp30_2019.rules`, the tables
public values of `penilaian.regimes.pp30_2019.tables`; the regime composes them and
rounds at its declared points.

Figures (``Result.figures``), every one a `Decimal`:

- ``indicator[<id>].achievement``: the capaian IKI in percent that the conversion
  reads (a whole percent by default; in continuous mode the exact value written to
  the regime's rounding, the exact fraction being in the trace);
- ``indicator[<id>].value``: its nilai capaian IKI (interpolation route);
- ``indicator[<id>].points``: its category points (category route);
- ``target[<id>].value``: the mean of the work target's indicator values, or on the
  category route the nilai its points give;
- ``target[<id>].iki_points``: the sum of its indicators' points (category route);
- ``target[<id>].weighted``: weight x value, for main targets when `utama_weights` is set;
- ``target[<id>].points``: the points of an additional target, when `additional_points`
  is set (interpolation route) or by its category (category route);
- ``main``: nilai kinerja utama; ``additional``: the additional points (0 by default);
- ``skp``: nilai SKP = main + additional;
- ``behaviour[<aspect>]``: each aspect's value; ``behaviour``: their mean (perilaku);
- ``weight.work``, ``weight.behaviour``: the PP 30/2019 Pasal 41 weights used;
- ``final``: the nilai kinerja, capped at 120 and rounded; equal to ``Result.score``.

Ratings (``Result.ratings``): ``indicator[<id>].category`` (the IKI category, a
`penilaian.Grade` id), ``target[<id>].category`` (category route), ``weighting``
(``with_peer_input`` or ``without_peer_input``) and ``band`` (the predikat band
before the innovation condition and the fair label).
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Final, Literal

import attrs

from penilaian._base.checks import callable_value, instance_of, one_of
from penilaian._base.rounding import Rounding
from penilaian._base.trace import Step, deferred_step
from penilaian.exceptions import InvalidValueError
from penilaian.model.grades import BandTable, Grade
from penilaian.policy.supervisor import SupervisorRating
from penilaian.policy.weights import Weights
from penilaian.regimes.pp30_2019._kernel import score_untraced
from penilaian.regimes.pp30_2019._run import Pp30Run
from penilaian.regimes.pp30_2019.category_route import (
    PERMEN8_2021_ADDITIONAL_POINTS,
    PERMEN8_2021_IKI_POINTS,
    PERMEN8_2021_RENCANA_BANDS,
    CategoryPoints,
    RencanaBands,
)
from penilaian.regimes.pp30_2019.rules import grade_of_band, skp_route
from penilaian.regimes.pp30_2019.tables import _INCOMPLETE_RULE
from penilaian.typing import RatingAggregator

if TYPE_CHECKING:
    from penilaian.model.appraisal import Appraisal
    from penilaian.regimes.pp30_2019.rules import SkpRoute
    from penilaian.scoring.result import Result

__all__ = ["Pp30Regime"]

_ACHIEVEMENT_ROUNDINGS: Final = ("integer_percent", "continuous")
_PEER_INPUTS: Final = ("infer", "used", "not_used")
_ROUTES: Final = ("auto", "interpolation", "category")


def _check_additional_points(
    _instance: object, attribute: attrs.Attribute[BandTable[Decimal] | None], value: object
) -> None:
    if value is None:
        return
    if not isinstance(value, BandTable) or not all(
        isinstance(points, Decimal) and points >= 0 for points in value.labels
    ):
        reason = "must be a BandTable from work-target value to points (Decimals, 0 or more)"
        raise InvalidValueError(attribute.name, value, reason)


def _fair_label(value: Grade | str) -> Grade:
    """Attrs converter: a `Grade` or its id, label or alias; anything else names the field."""
    return Grade.parse(value, "fair_label")


def _check_fair_label(_instance: object, _attribute: attrs.Attribute[Grade], value: Grade) -> None:
    # The rule that names the Cukup band refuses any other label, at fair_label.
    grade_of_band(Grade.FAIR, innovative=False, fair_label=value)


@attrs.frozen
class Pp30Regime:
    """
    PP 30/2019 with PermenPANRB 8/2021, the regime of July-December 2021.

    The fields are the conventions the regulation leaves open; the defaults are
    documented in ``docs/explanation/regime-pp30_2019.md``.

    Attributes:
        achievement_rounding: [LOW] ``"integer_percent"`` rounds each capaian IKI
            half up to a whole percent before the conversion, as the regulation's
            tables and example do (97.89 % -> 98 % -> 88); ``"continuous"``
            converts the exact capaian, each line running on to the next cut.
        utama_weights: [LOW] Weights of the main work targets by id, for the
            weighted sum of the regulation's example (0.6 x 98.67 + 0.4 x 109);
            `None` (the default) takes the plain mean of the main targets.
        additional_points: [LOW] A table from an additional work target's value to
            the points it adds to the SKP value; `None` (the default) adds nothing,
            as in the regulation's example (``+ 0``), and says so in the trace.
        aggregator: Combines the ratings of each behaviour aspect into one value
            from 0 to 120 (default: the supervisor's own rating).
        peer_input: Whether the instansi uses peer and subordinate input (PP 30/2019
            Pasal 41(3)/(4)): ``"used"`` (60/40), ``"not_used"`` (70/30), or
            ``"infer"`` (the default): used when any peer or subordinate rated.
        fair_label: The grade for 70-90: `Grade.NEEDS_IMPROVEMENT` ("Butuh
            Perbaikan", PermenPANRB 8/2021; the default) or `Grade.FAIR`
            ("Cukup", PP 30/2019).
        rounding: [LOW] The rounding of each nilai capaian IKI, work-target value
            and weighted value, of the mean of the main targets, of each aspect value,
            perilaku and the final value (2 places, halves up).
        route: How the SKP is scored (PermenPANRB 8/2021 Lampiran Bab VI.A):
            ``"auto"`` (the default) by the post's kind (`rules.skp_route`: JPT the
            interpolation table, everyone else the category route);
            ``"interpolation"`` or ``"category"`` for every post.  A pimpinan unit
            kerja mandiri takes the interpolation table, but the model cannot tell
            one: score such a post with ``route="interpolation"``.
        iki_points: [LOW] The category route's points per IKI category
            (`PERMEN8_2021_IKI_POINTS`: 16 / 13 / 8 / 3 / 1).
        rencana_bands: [LOW] The category route's table from a work target's summed
            points to its category and nilai (`PERMEN8_2021_RENCANA_BANDS`).
        category_additional_points: [LOW] What each additional work target adds on
            the category route, by its category (`PERMEN8_2021_ADDITIONAL_POINTS`:
            2.4 / 1.6 / 1.0 / 0.5 / 0.1); `None` adds nothing.  On the interpolation
            route `additional_points` applies instead.
    """

    achievement_rounding: Literal["integer_percent", "continuous"] = attrs.field(
        default="integer_percent", validator=one_of(_ACHIEVEMENT_ROUNDINGS)
    )
    utama_weights: Weights | None = attrs.field(
        default=None,
        validator=instance_of(Weights, type(None), expected="a Weights by main work-target id"),
    )
    additional_points: BandTable[Decimal] | None = attrs.field(
        default=None, validator=_check_additional_points
    )
    aggregator: RatingAggregator = attrs.field(
        factory=SupervisorRating, validator=callable_value("a rating aggregator (callable)")
    )
    peer_input: Literal["infer", "used", "not_used"] = attrs.field(
        default="infer", validator=one_of(_PEER_INPUTS)
    )
    fair_label: Grade = attrs.field(
        default=Grade.NEEDS_IMPROVEMENT, converter=_fair_label, validator=_check_fair_label
    )
    rounding: Rounding = attrs.field(
        factory=Rounding, validator=instance_of(Rounding, expected="a Rounding")
    )
    route: Literal["auto", "interpolation", "category"] = attrs.field(
        default="auto", validator=one_of(_ROUTES)
    )
    iki_points: CategoryPoints = attrs.field(
        default=PERMEN8_2021_IKI_POINTS,
        validator=instance_of(CategoryPoints, expected="a CategoryPoints"),
    )
    rencana_bands: RencanaBands = attrs.field(
        default=PERMEN8_2021_RENCANA_BANDS,
        validator=instance_of(RencanaBands, expected="a RencanaBands"),
    )
    category_additional_points: CategoryPoints | None = attrs.field(
        default=PERMEN8_2021_ADDITIONAL_POINTS,
        validator=instance_of(CategoryPoints, type(None), expected="a CategoryPoints or None"),
    )

    @property
    def id(self) -> str:
        """``"pp30_2019"``."""
        return "pp30_2019"

    def route_of(self, appraisal: Appraisal) -> SkpRoute:
        """Return the route that scores *appraisal*: this regime's, or by the post's kind."""
        if self.route == "auto":
            position = appraisal.position
            return skp_route(position.kind, leads_independent_unit=position.leads_independent_unit)
        return self.route

    def with_aggregator(self, aggregator: RatingAggregator) -> Pp30Regime:
        """Return this regime with *aggregator* (a `penilaian.WeightingPolicy`, say) for ratings."""
        return attrs.evolve(self, aggregator=aggregator)

    def score(self, appraisal: Appraisal, *, trace: bool = True) -> Result:
        """
        Score *appraisal* under PP 30/2019 and PermenPANRB 8/2021.

        The run composes the public rule functions of `penilaian.regimes.pp30_2019.rules`
        (SKP, perilaku, nilai kinerja, predikat), rounding at this regime's declared points.
        The score is computed in exact integers (the regime builds no `Fraction`; the
        aggregator builds what it builds), the same checks run, and the figures are
        written as `Decimal` when first read; the trace, when asked for, is built by
        that run the first time it is read.  The result is the same, figure for figure.

        Args:
            appraisal: The appraisal, with the `penilaian.PP30_2019_BEHAVIOUR` framework.
            trace: Whether to build the trace; the figures are the same either way.

        Returns:
            A complete result (grade, score = the final value, figures, trace), or an
            incomplete one (no grade or score, the gaps listed) when a behaviour
            aspect has no value.

        Raises:
            ScoringInputError: listing every indicator without a realisation or with
                a qualitative target, main targets that `utama_weights` does not
                match, a framework other than `penilaian.PP30_2019_BEHAVIOUR`, and
                behaviour values outside 0-120.
        """
        # The trace, when asked for, is built by the traced run the first time it is read.
        deferred = None
        if trace:
            deferred = deferred_step(lambda: _score_run(self, appraisal, trace=True).trace)
        return score_untraced(self, appraisal, deferred)


def _score_run(regime: Pp30Regime, appraisal: Appraisal, *, trace: bool) -> Result:
    """
    Score *appraisal* with a `Pp30Run`: `Pp30Regime.score` with a trace, and the reference.

    The integer kernel (`penilaian.regimes.pp30_2019._kernel.score_untraced`) scores
    without a trace; a differential test holds it equal to this with ``trace=False``.
    """
    run = Pp30Run(appraisal, trace, regime=regime)
    skp, skp_step = run.work()
    behaviour, behaviour_step = run.behaviour()
    run.raise_problems()
    if behaviour is None:
        root = None
        if trace:
            children = (*skp_step, *behaviour_step)
            root = Step.of(_INCOMPLETE_RULE, None, children=children, gaps=len(run.gaps))
        return run.result(regime.id, root=root)
    final, final_step = run.final(skp, behaviour, skp_step, behaviour_step)
    grade, root = run.grade(final, final_step)
    return run.result(regime.id, grade, final, root)
