"""
The PP 30/2019 + PermenPANRB 8/2021 regime (``pp30_2019``): SKP with IKI, perilaku, predikat.

Each indicator's achievement (capaian IKI, PermenPANRB 8/2021 Lampiran Bab VI.A) is
converted to a value (nilai capaian IKI) by the table `PERMEN8_2021_IKI_CONVERSION`;
a work target's value is the mean of its indicators, the main work (kinerja utama)
the mean of the main targets or their weighted sum, and the SKP value that plus the
additional work's points.  Behaviour (perilaku kerja) is the mean of the aspects that
apply to the position.  PP 30/2019 Pasal 41 weighs the two 70/30 or 60/40, caps the
result at 120 and grades it by `PP30_2019_PREDIKAT`.  The conventions that the
regulation does not fix are fields of `Pp30Regime`, marked [LOW] in their docs.

Figures (``Result.figures``), every one a `Decimal`:

- ``indicator[<id>].achievement``: the capaian IKI in percent that the conversion
  reads (a whole percent by default; in continuous mode the exact value written to
  the regime's rounding, the exact fraction being in the trace);
- ``indicator[<id>].value``: its nilai capaian IKI;
- ``target[<id>].value``: the mean of the work target's indicator values;
- ``target[<id>].weighted``: weight x value, for main targets when `utama_weights` is set;
- ``target[<id>].points``: the points of an additional target, when `additional_points` is set;
- ``main``: nilai kinerja utama; ``additional``: the additional points (0 by default);
- ``skp``: nilai SKP = main + additional;
- ``behaviour[<aspect>]``: each aspect's value; ``behaviour``: their mean (perilaku);
- ``weight.work``, ``weight.behaviour``: the PP 30/2019 Pasal 41 weights used;
- ``final``: the nilai kinerja, capped at 120 and rounded; equal to ``Result.score``.

Ratings (``Result.ratings``): ``indicator[<id>].category`` (the IKI category, a
`penilaian.Grade` id), ``weighting`` (``with_peer_input`` or ``without_peer_input``)
and ``band`` (the predikat band before the innovation condition and the fair label).
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Final, Literal, TypeAlias, cast

import attrs

from penilaian._base.numbers import exact_decimal
from penilaian._base.rounding import Rounding
from penilaian._base.trace import Gap, Rule, Step, show
from penilaian.exceptions import (
    InvalidValueError,
    MissingValueError,
    Problem,
    ScoringInputError,
    UnsupportedInputError,
)
from penilaian.model.appraisal import Appraisal, InnovationScope
from penilaian.model.behaviour import PP30_2019_BEHAVIOUR
from penilaian.model.grades import BandTable, Grade
from penilaian.model.raters import RaterRole
from penilaian.model.targets import (
    Indicator,
    PointTarget,
    RangeTarget,
    Realisation,
    TargetKind,
    WorkTarget,
)
from penilaian.policy.supervisor import SupervisorRating
from penilaian.policy.weights import (
    PP30_2019_WITH_PEER_INPUT,
    PP30_2019_WITHOUT_PEER_INPUT,
    Weights,
)
from penilaian.scoring.achievement import ACHIEVEMENT_RULES, achievement
from penilaian.scoring.result import Result
from penilaian.typing import RatingAggregator

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = [
    "PERMEN8_2021_IKI_CONVERSION",
    "PERMEN8_2021_MAXIMUM_TARGET",
    "PP30_2019_PREDIKAT",
    "IkiSegment",
    "Pp30Regime",
]

_ZERO: Final = Fraction(0)
_HUNDRED: Final = Fraction(100)
_CAP: Final = Fraction(120)
_WHOLE_PERCENT: Final = Rounding(0, "half_up")
_PEER_ROLES: Final = frozenset({RaterRole.PEER, RaterRole.SUBORDINATE})
_INNOVATIVE: Final = frozenset({InnovationScope.ORGANISATION, InnovationScope.STATE})
_IKI_CLAUSE: Final = "PermenPANRB 8/2021 Lampiran Bab VI.A"


@attrs.frozen
class IkiSegment:
    """
    One piece of the conversion from capaian IKI to nilai capaian IKI.

    On its band the value is ``value + slope x (capaian - start)``.

    Attributes:
        start: The capaian, in percent, where the piece starts.
        value: The nilai at *start*.
        slope: The nilai gained per percentage point of capaian.
        category: The IKI category (Sangat Baik ... Sangat Kurang) as a `Grade`.
        rule: The formula with its clause and wording.
    """

    start: Fraction
    value: Fraction
    slope: Fraction
    category: Grade
    rule: Rule
    _intercept: Fraction = attrs.field(init=False, repr=False, eq=False)

    @_intercept.default
    def _line(self) -> Fraction:
        return self.value - self.slope * self.start

    def apply(self, capaian: Fraction | int) -> Fraction:
        """Return the nilai capaian IKI of *capaian* (in percent) on this piece."""
        return self._intercept + self.slope * capaian if self.slope else self.value


def _segment(start: int, value: int, slope: Fraction, category: Grade, *rule: str) -> IkiSegment:
    return IkiSegment(Fraction(start), Fraction(value), slope, category, Rule(*rule))


_BELOW_TABLE = _segment(
    0, 0, _ZERO, Grade.VERY_POOR, "pp30.iki.below_zero",
    f"convention [LOW]: the {_IKI_CLAUSE} table starts at 0 %",
    "Capaian di bawah 0% (kondisi khusus, realisasi lebih dari 2 \u00d7 target): nilai 0",
    "Achievement below 0 % (less is better, realisation over twice the target): value 0",
)  # fmt: skip
_VERY_POOR = _segment(
    0, 0, Fraction(49, 59), Grade.VERY_POOR, "pp30.iki.very_poor",
    f"{_IKI_CLAUSE}: Sangat Kurang, 0\u201359 % (continuous: up to 60 %, [LOW])",
    "Nilai = capaian / 59% \u00d7 49",
    "Value = achievement / 59 % \u00d7 49",
)  # fmt: skip
_POOR = _segment(
    60, 50, Fraction(69 - 50, 79 - 60), Grade.POOR, "pp30.iki.poor",
    f"{_IKI_CLAUSE}: Kurang, 60\u201379 % (continuous: up to 80 %, [LOW])",
    "Nilai = 50 + (69 \u2212 50) / (79% \u2212 60%) \u00d7 (capaian \u2212 60%)",
    "Value = 50 + (69 \u2212 50) / (79 % \u2212 60 %) \u00d7 (achievement \u2212 60 %)",
)  # fmt: skip
_FAIR = _segment(
    80, 70, Fraction(89 - 70, 99 - 80), Grade.FAIR, "pp30.iki.fair",
    f"{_IKI_CLAUSE}: Cukup, 80\u201399 % (continuous: up to 100 %, [LOW])",
    "Nilai = 70 + (89 \u2212 70) / (99% \u2212 80%) \u00d7 (capaian \u2212 80%)",
    "Value = 70 + (89 \u2212 70) / (99 % \u2212 80 %) \u00d7 (achievement \u2212 80 %)",
)  # fmt: skip
_GOOD = _segment(
    100, 109, _ZERO, Grade.GOOD, "pp30.iki.good",
    f"{_IKI_CLAUSE}: Baik, 100 % (continuous: up to 101 %, [LOW])",
    "Nilai = 109",
    "Value = 109",
)  # fmt: skip
_VERY_GOOD = _segment(
    101, 110, Fraction(120 - 110, 110 - 101), Grade.VERY_GOOD, "pp30.iki.very_good",
    f"{_IKI_CLAUSE}: Sangat Baik, 101\u2013110 % [MED]",
    "Nilai = 110 + (120 \u2212 110) / (110% \u2212 101%) \u00d7 (capaian \u2212 101%)",
    "Value = 110 + (120 \u2212 110) / (110 % \u2212 101 %) \u00d7 (achievement \u2212 101 %)",
)  # fmt: skip
_ABOVE_TABLE = _segment(
    110, 120, _ZERO, Grade.VERY_GOOD, "pp30.iki.cap",
    f"{_IKI_CLAUSE}: capaian > 110 % (at 110 % the Sangat Baik line gives 120 too)",
    "Nilai = 120 (paling tinggi)",
    "Value = 120 (the cap)",
)  # fmt: skip

PERMEN8_2021_IKI_CONVERSION: Final[BandTable[IkiSegment]] = BandTable(
    id="permen8_2021.iki_conversion",
    clause=f"{_IKI_CLAUSE} (nilai capaian IKI)",
    labels=(_BELOW_TABLE, _VERY_POOR, _POOR, _FAIR, _GOOD, _VERY_GOOD, _ABOVE_TABLE),
    cuts=tuple(Decimal(cut) for cut in (0, 60, 80, 100, 101, 110)),
    closed="lower",
)
"""
Capaian IKI (percent) to nilai capaian IKI: the pieces, lowest first, each from its cut up.

Whole percents give the regulation's table: 0-59 % Sangat Kurang (capaian / 59 x 49),
60-79 % Kurang, 80-99 % Cukup (both 10 below the capaian), 100 % Baik (109), 101-110 %
Sangat Baik (110 to 120), above 110 % 120.  Between whole percents (continuous mode)
each line runs on up to the next cut, and 100-101 % stays 109 [LOW]; below 0 % (a
lower-is-better realisation over twice its target) the value is 0 [LOW].
"""

PERMEN8_2021_MAXIMUM_TARGET: Final = _segment(
    100, 120, _ZERO, Grade.VERY_GOOD, "pp30.iki.maximum_target",
    f"{_IKI_CLAUSE}: capaian 100 % of a target that is already the maximum",
    "Capaian 100% atas target yang sudah maksimal: Sangat Baik, nilai 120",
    "100 % of a target that is already the best possible: Sangat Baik, value 120",
)  # fmt: skip
"""The exception: 100 % of a target already at its maximum (`Indicator.target_is_maximum`): 120."""

PP30_2019_PREDIKAT: Final[BandTable[Grade]] = BandTable(
    id="pp30_2019.predikat",
    clause="PP 30/2019 Pasal 41(5)",
    labels=(Grade.VERY_POOR, Grade.POOR, Grade.FAIR, Grade.GOOD, Grade.VERY_GOOD),
    cuts=(Decimal(50), Decimal(70), Decimal(90), Decimal(110)),
    closed="lower",
)
"""
PP 30/2019 Pasal 41(5): Sangat Kurang < 50 <= Kurang < 70 <= Cukup < 90 <= Baik < 110 <= Sangat Baik

Sangat Baik also needs an innovation that benefits the organisation or the state;
without it 110-120 is Baik.  PermenPANRB 8/2021 renames Cukup "Butuh Perbaikan".
"""


def _rule(rule_id: str, clause: str, text_id: str, text_en: str) -> Rule:
    return Rule(f"pp30.{rule_id}", clause, text_id, text_en)


_INSIDE_RANGE = _rule(
    "achievement.range_inside", f"{_IKI_CLAUSE} (target rentang); inside the range: [MED]",
    "Realisasi di dalam rentang target: capaian 100%",
    "Realisation inside the target range: achievement 100 %",
)  # fmt: skip
_WHOLE_PERCENT_RULE = _rule(
    "achievement.integer_percent",
    "convention [LOW]: the PermenPANRB 8/2021 table is in whole percents",
    "Capaian dibulatkan ke persen bulat, setengah ke atas",
    "Achievement rounded to a whole percent, halves up",
)  # fmt: skip
_TARGET_MEAN = _rule(
    "target", f"{_IKI_CLAUSE}; plain mean: convention [LOW]",
    "Nilai rencana kinerja = rata-rata nilai capaian IKI-nya",
    "Work-target value = mean of its IKI values",
)  # fmt: skip
_MAIN_MEAN = _rule(
    "main.mean", "PermenPANRB 8/2021 Lampiran; plain mean without weights: convention [LOW]",
    "Nilai kinerja utama = rata-rata nilai rencana kinerja utama",
    "Main work value = mean of the main work-target values",
)  # fmt: skip
_WEIGHTED = _rule(
    "main.weighted", "PermenPANRB 8/2021 Lampiran (59.2 + 43.6); weights: convention [LOW]",
    "Nilai tertimbang = bobot \u00d7 nilai rencana kinerja",
    "Weighted value = weight \u00d7 work-target value",
)  # fmt: skip
_MAIN_SUM = _rule(
    "main.sum", "PermenPANRB 8/2021 Lampiran (nilai tertimbang kinerja utama)",
    "Nilai kinerja utama = jumlah nilai tertimbang",
    "Main work value = sum of the weighted values",
)  # fmt: skip
_NO_ADDITIONAL = _rule(
    "additional.none", "PermenPANRB 8/2021 Lampiran (example \u2018+ 0\u2019); policy [LOW]",
    "Kinerja tambahan tidak menambah nilai (kebijakan bawaan)",
    "Additional work adds nothing (the default policy)",
)  # fmt: skip
_ADDITIONAL_POINTS = _rule(
    "additional.points", "policy [LOW]: the regime's additional_points table",
    "Poin kinerja tambahan menurut tabel, dijumlahkan",
    "Additional work points from the table, summed",
)  # fmt: skip
_SKP = _rule(
    "skp", "PermenPANRB 8/2021 Lampiran: nilai SKP",
    "Nilai SKP = nilai tertimbang kinerja utama + nilai tertimbang kinerja tambahan",
    "SKP value = main work value + additional work value",
)  # fmt: skip
_BEHAVIOUR = _rule(
    "behaviour", "PermenPANRB 8/2021 (perilaku kerja); numeric scoring: convention [LOW]",
    "Nilai perilaku kerja = rata-rata nilai aspek perilaku",
    "Behaviour value = mean of the aspect values",
)  # fmt: skip
_WEIGHTING = _rule(
    "weighting", "PP 30/2019 Pasal 41(3) and (4)",
    "70% SKP + 30% perilaku tanpa pendapat rekan kerja setingkat/bawahan langsung; "
    "60% SKP + 40% perilaku dengan pendapat mereka",
    "70 % SKP + 30 % behaviour without peer and subordinate input; 60 % + 40 % with it",
)  # fmt: skip
_FINAL = _rule(
    "final", "PP 30/2019 Pasal 41",
    "Nilai kinerja = bobot SKP \u00d7 nilai SKP + bobot perilaku \u00d7 nilai perilaku",
    "Performance value = work weight \u00d7 SKP + behaviour weight \u00d7 behaviour",
)  # fmt: skip
_CAP_RULE = _rule(
    "cap", "PP 30/2019 (nilai kinerja paling tinggi 120)",
    "Nilai kinerja dibatasi 120", "Performance value capped at 120",
)  # fmt: skip
_PREDIKAT = _rule(
    "predikat", "PP 30/2019 Pasal 41(5)",
    "Predikat kinerja menurut nilai kinerja", "Grade from the performance value",
)  # fmt: skip
_INNOVATION = _rule(
    "innovation", "PP 30/2019 Pasal 41(5) huruf a",
    "Sangat Baik hanya dengan ide/cara baru yang bermanfaat bagi organisasi atau negara; "
    "tanpa itu Baik",
    "Very good only with a new idea or method that benefits the organisation or the state; "
    "otherwise good",
)  # fmt: skip
_FAIR_LABEL = _rule(
    "fair_label", "PermenPANRB 8/2021: Cukup is named Butuh Perbaikan",
    "Predikat Cukup disebut Butuh Perbaikan", "The fair grade is named Needs improvement",
)  # fmt: skip
_AGGREGATED = _rule(
    "aspect", "the regime's aggregator (no step given)",
    "Nilai aspek dari agregator", "Aspect value from the aggregator",
)  # fmt: skip
_INCOMPLETE = _rule(
    "incomplete", "PP 30/2019 Pasal 41; a missing value is never 0",
    "Tidak ada predikat: nilai perilaku belum lengkap",
    "No grade: behaviour values are missing",
)  # fmt: skip


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


def _check_fair_label(_instance: object, attribute: attrs.Attribute[Grade], value: Grade) -> None:
    if value not in {Grade.FAIR, Grade.NEEDS_IMPROVEMENT}:
        reason = "must be fair (Cukup, PP 30/2019) or needs_improvement (Butuh Perbaikan)"
        raise InvalidValueError(attribute.name, value.value, reason)


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
    """

    achievement_rounding: Literal["integer_percent", "continuous"] = attrs.field(
        default="integer_percent",
        validator=attrs.validators.in_(("integer_percent", "continuous")),
    )
    utama_weights: Weights | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(Weights))
    )
    additional_points: BandTable[Decimal] | None = attrs.field(
        default=None, validator=_check_additional_points
    )
    aggregator: RatingAggregator = attrs.field(
        factory=SupervisorRating, validator=attrs.validators.is_callable()
    )
    peer_input: Literal["infer", "used", "not_used"] = attrs.field(
        default="infer", validator=attrs.validators.in_(("infer", "used", "not_used"))
    )
    fair_label: Grade = attrs.field(
        default=Grade.NEEDS_IMPROVEMENT, converter=Grade, validator=_check_fair_label
    )
    rounding: Rounding = attrs.field(
        factory=Rounding, validator=attrs.validators.instance_of(Rounding)
    )

    @property
    def id(self) -> str:
        """``"pp30_2019"``."""
        return "pp30_2019"

    def with_aggregator(self, aggregator: RatingAggregator) -> Pp30Regime:
        """Return this regime with *aggregator* (a `penilaian.WeightingPolicy`, say) for ratings."""
        return attrs.evolve(self, aggregator=aggregator)

    def score(self, appraisal: Appraisal, *, trace: bool = True) -> Result:
        """
        Score *appraisal* under PP 30/2019 and PermenPANRB 8/2021.

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
        run = _Run(self, appraisal, trace)
        skp, skp_step = run.work()
        behaviour, behaviour_step = run.behaviour()
        if run.problems:
            raise ScoringInputError(run.problems)
        if behaviour is None:
            root = None
            if trace:
                children = (*skp_step, *behaviour_step)
                root = Step.of(_INCOMPLETE, None, children=children, gaps=len(run.gaps))
            figures, ratings, gaps = run.figures, run.ratings, run.gaps
            return Result(
                self.id, appraisal.id, figures=figures, ratings=ratings, gaps=gaps, trace=root
            )
        final, final_step = run.final(skp, behaviour, skp_step, behaviour_step)
        grade, root = run.grade(final, final_step)
        return Result(
            self.id,
            appraisal.id,
            grade=grade,
            score=final,
            figures=run.figures,
            ratings=run.ratings,
            trace=root,
        )


_Steps: TypeAlias = "tuple[Step, ...]"
"""The step of a value when tracing; empty otherwise."""


def _rounding_rule(rounding: Rounding) -> Rule:
    """The rule of the regime's declared rounding points, saying how it rounds."""
    return Rule(
        "pp30.rounding",
        "pp30_2019 rounding point, convention [LOW]",
        f"Dibulatkan ke {rounding.describe('id')}",
        f"Rounded to {rounding.describe('en')}",
    )


class _Run:
    """The state of one scoring: figures, ratings, gaps and problems found."""

    __slots__ = (
        "appraisal",
        "figures",
        "gaps",
        "problems",
        "ratings",
        "regime",
        "round_rule",
        "rounding",
        "trace",
    )

    def __init__(self, regime: Pp30Regime, appraisal: Appraisal, trace: bool) -> None:
        self.regime = regime
        self.rounding = regime.rounding
        self.appraisal = appraisal
        self.trace = trace
        self.round_rule = _rounding_rule(regime.rounding) if trace else None
        self.figures: dict[str, Decimal] = {}
        self.ratings: dict[str, str] = {}
        self.gaps: list[Gap] = []
        self.problems: list[Problem] = []

    def rounded(self, key: str, value: Fraction) -> Decimal:
        """Round *value* at a declared point, record it as figure *key*, and return it."""
        result = self.figures[key] = self.rounding.apply(value)
        return result

    def round_step(self, result: Decimal, step: Step, subject: str | None = None) -> Step:
        """Return the step rounding the output of *step* to *result* (call when tracing)."""
        # Built directly: no inputs to show, and a Decimal is shown as str() shows it.
        return Step(cast("Rule", self.round_rule), str(result), (), subject, (step,))

    def problem(self, path: str, error: MissingValueError | UnsupportedInputError) -> None:
        self.problems.append(Problem(path, f"{error.reason} (got {error.value!r})", error))

    # -- work: indicators, work targets, main and additional work, SKP -------------------

    def work(self) -> tuple[Fraction, _Steps]:
        """Return the exact SKP value and its step; 0 when problems were found."""
        main: dict[str, Decimal] = {}
        additional: dict[str, Decimal] = {}
        steps: dict[str, Step] = {}
        for t_index, target in enumerate(self.appraisal.targets):
            found = self.work_target(t_index, target, steps)
            if found is not None:
                (main if target.kind is TargetKind.MAIN else additional)[target.id] = found
        if self.problems:
            return _ZERO, ()
        main_value, main_step = self.main(main, steps)
        if self.problems:  # no main target, or weights that do not fit them
            return _ZERO, ()
        extra, extra_step = self.additional(additional, steps)
        skp = main_value + extra
        self.figures["skp"] = _decimal(skp)
        if not self.trace:
            return skp, ()
        children = (*main_step, *extra_step)
        figures = self.figures
        step = Step.of(
            _SKP, skp, children=children, main=figures["main"], additional=figures["additional"]
        )
        return skp, (step,)

    def work_target(
        self, t_index: int, target: WorkTarget, steps: dict[str, Step]
    ) -> Decimal | None:
        """Return a work target's rounded value, or `None` after recording its problems."""
        values: list[Decimal] = []
        children: list[Step] = []
        for i_index, indicator in enumerate(target.indicators):
            try:
                value = self.indicator(indicator, children)
            except (MissingValueError, UnsupportedInputError) as error:
                self.problem(f"$.targets[{t_index}].indicators[{i_index}].{error.field}", error)
                continue
            values.append(value)
        if len(values) < len(target.indicators):
            return None
        mean = _sum(values) / len(values)
        result = self.rounded(f"target[{target.id}].value", mean)
        if self.trace:
            ids = (f"value[{indicator.id}]" for indicator in target.indicators)
            inputs = dict(zip(ids, values, strict=True))
            step = Step.from_mapping(
                _TARGET_MEAN, mean, inputs, subject=target.id, children=children
            )
            steps[target.id] = self.round_step(result, step, target.id)
        return result

    def indicator(self, indicator: Indicator, steps: list[Step]) -> Decimal:
        """
        Return an indicator's rounded nilai capaian IKI, adding its step to *steps*.

        Raises:
            MissingValueError: without a realisation.
            UnsupportedInputError: for a qualitative target.
        """
        # Targets are greater than 0 (PointTarget and RangeTarget refuse 0), so neither
        # the normal nor the khusus formula can divide by zero.
        exact = achievement(indicator)
        name = indicator.id
        step = _achievement_step(indicator, exact) if self.trace else None
        capaian: Fraction | int
        if self.regime.achievement_rounding == "integer_percent":
            shown = _WHOLE_PERCENT.apply(exact)
            capaian = int(shown)
            if step is not None:
                step = Step(_WHOLE_PERCENT_RULE, str(shown), (), name, (step,))
        else:
            capaian = exact
            shown = self.rounding.apply(exact)
        self.figures[f"indicator[{name}].achievement"] = shown
        segment = (
            PERMEN8_2021_MAXIMUM_TARGET
            if capaian == 100 and indicator.target_is_maximum
            else PERMEN8_2021_IKI_CONVERSION.classify(capaian)
        )
        value = segment.apply(capaian)
        self.ratings[f"indicator[{name}].category"] = segment.category.value
        result = self.rounded(f"indicator[{name}].value", value)
        if step is not None:
            step = Step.of(segment.rule, value, subject=name, children=(step,), achievement=shown)
            steps.append(self.round_step(result, step, name))
        return result

    def main(self, values: dict[str, Decimal], steps: dict[str, Step]) -> tuple[Fraction, _Steps]:
        """Return nilai kinerja utama: the mean of the main targets, or their weighted sum."""
        if not values:
            reason = "pp30_2019 needs at least one main work target (kinerja utama)"
            self.problem("$.targets", MissingValueError("targets", None, reason))
            return _ZERO, ()
        weights = self.regime.utama_weights
        if weights is None:
            mean = _sum(values.values()) / len(values)
            result = self.rounded("main", mean)
            if not self.trace:
                return _fraction(result), ()
            inputs = {f"value[{name}]": value for name, value in values.items()}
            children = [steps[name] for name in values]
            step = Step.from_mapping(_MAIN_MEAN, mean, inputs, children=children)
            return _fraction(result), (self.round_step(result, step),)
        if set(weights) != set(values):
            self.weight_problems(weights, values)
            return _ZERO, ()
        total = _ZERO
        weighted: list[Step] = []
        for name, value in values.items():
            exact = weights[name] * _fraction(value)
            result = self.rounded(f"target[{name}].weighted", exact)
            total += _fraction(result)
            if self.trace:
                step = Step.of(
                    _WEIGHTED, exact, subject=name, children=(steps[name],),
                    weight=weights[name], value=value,
                )  # fmt: skip
                weighted.append(self.round_step(result, step, name))
        self.figures["main"] = _decimal(total)
        return total, ((Step.of(_MAIN_SUM, total, children=weighted),) if self.trace else ())

    def weight_problems(self, weights: Weights, values: dict[str, Decimal]) -> None:
        """Record every main target without a weight and every weight without a main target."""
        for index, target in enumerate(self.appraisal.targets):
            if target.kind is TargetKind.MAIN and target.id not in weights:
                reason = "a main work target needs a weight in utama_weights"
                self.problem(
                    f"$.targets[{index}].id", UnsupportedInputError("id", target.id, reason)
                )
        for name in sorted(set(weights) - set(values)):
            reason = "utama_weights names no main work target of this appraisal"
            self.problem("$.targets", UnsupportedInputError("utama_weights", name, reason))

    def additional(
        self, values: dict[str, Decimal], steps: dict[str, Step]
    ) -> tuple[Fraction, _Steps]:
        """Return the points additional work adds: none by default, else from the table."""
        table = self.regime.additional_points
        children = [steps[name] for name in values] if self.trace else []
        if table is None:
            self.figures["additional"] = Decimal(0)
            if not self.trace:
                return _ZERO, ()
            return _ZERO, (Step.of(_NO_ADDITIONAL, _ZERO, children=children, targets=len(values)),)
        points = {name: table.classify(value) for name, value in values.items()}
        for name, value in points.items():
            self.figures[f"target[{name}].points"] = value
        total = _sum(points.values())
        self.figures["additional"] = _decimal(total)
        if not self.trace:
            return total, ()
        inputs = {"table": table.id, **{f"points[{name}]": value for name, value in points.items()}}
        return total, (Step.from_mapping(_ADDITIONAL_POINTS, total, inputs, children=children),)

    # -- behaviour -------------------------------------------------------------------------

    def behaviour(self) -> tuple[Fraction | None, _Steps]:
        """Return the rounded perilaku value and its steps; `None` with gaps or problems."""
        appraisal = self.appraisal
        framework = appraisal.framework
        if framework is not PP30_2019_BEHAVIOUR and framework != PP30_2019_BEHAVIOUR:
            reason = f"pp30_2019 appraises the aspects of framework {PP30_2019_BEHAVIOUR.id}"
            self.problem("$.framework", UnsupportedInputError("framework", framework.id, reason))
            return None, ()
        values: list[Decimal] = []
        steps: list[Step] = []
        for aspect in framework.aspects_for(appraisal.position.kind):
            aggregate = self.regime.aggregator(appraisal, aspect.id, trace=self.trace)
            value = aggregate.value
            if value is None:
                self.gaps.append(aggregate.gap or Gap("$.ratings", f"no value for {aspect.id}"))
                continue
            if not _ZERO <= value <= _CAP:
                self.off_range(aspect.id, value)
                continue
            result = self.rounded(f"behaviour[{aspect.id}]", value)
            values.append(result)
            if self.trace:
                step = aggregate.step or Step.of(_AGGREGATED, value, subject=aspect.id)
                steps.append(self.round_step(result, step, aspect.id))
        if self.gaps or self.problems:
            return None, tuple(steps)
        mean = _sum(values) / len(values)
        result = self.rounded("behaviour", mean)
        if not self.trace:
            return _fraction(result), ()
        step = Step.of(_BEHAVIOUR, mean, children=steps, aspects=len(values))
        return _fraction(result), (self.round_step(result, step),)

    def off_range(self, aspect: str, value: Fraction) -> None:
        """Record a behaviour value outside 0-120, at its rating when there is one."""
        ratings = self.appraisal.ratings
        indexes = [index for index, rating in enumerate(ratings) if rating.subject == aspect]
        path = f"$.ratings[{indexes[0]}].score" if len(indexes) == 1 else "$.ratings"
        reason = f"the value of {aspect} must lie from 0 to 120 under pp30_2019"
        self.problem(path, UnsupportedInputError("score", show(value), reason))

    # -- combination and grade -------------------------------------------------------------

    def final(
        self, skp: Fraction, behaviour: Fraction, skp_step: _Steps, behaviour_step: _Steps
    ) -> tuple[Decimal, _Steps]:
        """Return the final value: weighted (PP 30/2019 Pasal 41), capped at 120, rounded."""
        policy = self.regime.peer_input
        peers: int | None = None
        if policy == "infer":
            roles = self.appraisal.rater_roles
            ratings = self.appraisal.ratings
            peers = sum(1 for rating in ratings if roles[rating.rater_id] in _PEER_ROLES)
            used = peers > 0
        else:
            used = policy == "used"
        weights = PP30_2019_WITH_PEER_INPUT if used else PP30_2019_WITHOUT_PEER_INPUT
        weighting = "with_peer_input" if used else "without_peer_input"
        self.ratings["weighting"] = weighting
        work_weight, behaviour_weight = weights["work"], weights["behaviour"]
        self.figures["weight.work"] = _decimal(work_weight)
        self.figures["weight.behaviour"] = _decimal(behaviour_weight)
        exact = work_weight * skp + behaviour_weight * behaviour
        capped = min(exact, _CAP)
        result = self.rounded("final", capped)
        if not self.trace:
            return result, ()
        weighting_step = Step.of(
            _WEIGHTING, weighting, policy=policy, peer_or_subordinate_ratings=peers,
            work=self.figures["weight.work"], behaviour=self.figures["weight.behaviour"],
        )  # fmt: skip
        step = Step.of(
            _FINAL, exact, children=(weighting_step, *skp_step, *behaviour_step),
            work_weight=self.figures["weight.work"], skp=self.figures["skp"],
            behaviour_weight=self.figures["weight.behaviour"], behaviour=self.figures["behaviour"],
        )  # fmt: skip
        if capped != exact:
            step = Step.of(_CAP_RULE, capped, children=(step,), value=exact, cap=_CAP)
        return result, (self.round_step(result, step),)

    def grade(self, final: Decimal, final_step: _Steps) -> tuple[Grade, Step | None]:
        """Return the predikat (PP 30/2019 Pasal 41(5)) and the root step."""
        band = PP30_2019_PREDIKAT.classify(final)
        self.ratings["band"] = band.value
        grade = band
        extra: _Steps = ()
        if band is Grade.VERY_GOOD:
            found = sum(1 for item in self.appraisal.innovations if item.scope in _INNOVATIVE)
            grade = Grade.VERY_GOOD if found else Grade.GOOD
            if self.trace:
                extra = (Step.of(_INNOVATION, grade, band=band, innovations=found),)
        elif band is Grade.FAIR and self.regime.fair_label is not Grade.FAIR:
            grade = self.regime.fair_label
            if self.trace:
                extra = (Step.of(_FAIR_LABEL, grade, band=band),)
        if not self.trace:
            return grade, None
        children = (*final_step, *extra)
        return grade, Step.of(_PREDIKAT, grade, children=children, value=final, band=band)


def _achievement_step(indicator: Indicator, exact: Fraction) -> Step:
    """
    The step computing an indicator's exact capaian, with the inputs as written.

    `achievement` has computed *exact*, so the indicator is realised and its target
    numeric; the bound a range target is compared with is found again in decimals.
    """
    realised = cast("Realisation", indicator.realisation).value
    given = indicator.target
    inputs: dict[str, object] = {"realisation": realised}
    if isinstance(given, RangeTarget):
        if exact == _HUNDRED and given.low <= cast("Decimal", realised) <= given.high:
            inputs["target"] = given.text
            return Step.from_mapping(_INSIDE_RANGE, exact, inputs, subject=indicator.id)
        above = cast("Decimal", realised) > given.high
        inputs["target"] = given.high if above else given.low
        inputs["range"] = given.text
    else:
        inputs["target"] = cast("PointTarget", given).value
    rule = ACHIEVEMENT_RULES[indicator.direction]
    return Step.from_mapping(rule, exact, inputs, subject=indicator.id)


_fraction = Fraction
"""A rounded `Decimal` back to an exact `Fraction`, for the next sum."""


def _sum(values: Iterable[Decimal]) -> Fraction:
    """The exact sum of *values*, as a `Fraction` (Decimal addition could round)."""
    return sum(map(Fraction, values), _ZERO)


def _decimal(value: Fraction) -> Decimal:
    """Write a sum or product of decimals, which always has an exact decimal form."""
    return cast("Decimal", exact_decimal(value))
