"""
PP 46/2011 in exact integers: the score, with no `Fraction` built and no step.

`score_untraced` computes what `penilaian.regimes.pp46_2011._run.Pp46Run` computes,
figure for figure, from what `penilaian.regimes.pp46_2011.checks.check_appraisal`
read: every value is a numerator over a denominator (never reduced: no ``gcd`` on the
way), sums go over a common denominator, and each declared rounding is one exact
integer division (`penilaian._base.numbers.scaled_round_ratio`).  The figures are kept
as integers and written as `Decimal` only when read (`penilaian._base.figures`).

It builds no step: `Pp46Run` builds the trace, and is the reference a differential
test holds the kernel equal to, on random appraisals, at every band cut and rounding half.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Final, Protocol

from penilaian._base.figures import Figures
from penilaian._base.numbers import Ratio, mean_ratio, scaled_round_ratio
from penilaian.model.targets import TargetKind
from penilaian.regimes.pp46_2011._run import REGIME_ID
from penilaian.regimes.pp46_2011.rules import PP46_2011_ACTIVITY_ASPECTS, creativity_points
from penilaian.regimes.pp46_2011.tables import (
    PP46_2011_ADDITIONAL_TASK_POINTS,
    PP46_2011_CATEGORIES,
    PP46_2011_EFFICIENCY_LIMIT,
)
from penilaian.scoring.result import Result

if TYPE_CHECKING:
    from penilaian._base.figures import Entry
    from penilaian._base.rounding import Rounding
    from penilaian._base.trace import Step
    from penilaian.model.appraisal import Appraisal
    from penilaian.model.grades import Grade
    from penilaian.policy.weights import Weights
    from penilaian.regimes.pp46_2011.checks import CheckedAppraisal
    from penilaian.regimes.pp46_2011.rules import BandConvention, CreativityPolicy, RoundingPoints

__all__ = ["Conventions", "score_untraced"]


class Conventions(Protocol):
    """What the kernel reads of `penilaian.regimes.pp46_2011.Pp46Regime`: its conventions."""

    @property
    def weights(self) -> Weights: ...
    @property
    def rounding(self) -> Rounding: ...
    @property
    def band_convention(self) -> BandConvention: ...
    @property
    def creativity(self) -> CreativityPolicy: ...
    @property
    def zero_output_zeroes_activity(self) -> bool: ...
    @property
    def rounding_points(self) -> RoundingPoints: ...


_NAMES: Final = tuple(row.name for row in PP46_2011_ACTIVITY_ASPECTS)
"""The figure name of each row of `PP46_2011_ACTIVITY_ASPECTS`, in order."""

_BY_EFFICIENCY: Final = tuple(
    row.above_limit_rule is not None for row in PP46_2011_ACTIVITY_ASPECTS
)
"""Whether each row scores by its efficiency (time, cost) rather than by ``R / T x 100``."""

_LIMIT_N, _LIMIT_D = PP46_2011_EFFICIENCY_LIMIT.as_integer_ratio()
_CLASSIFY: Final = PP46_2011_CATEGORIES.classify_ratio


def _aspect(slot: int, planned: Decimal, realised: Decimal) -> Ratio:
    """One aspect value (`quantity_value` ... `cost_value` of the rules), as a ratio."""
    tn, td = planned.as_integer_ratio()
    rn, rd = realised.as_integer_ratio()
    # R / T x 100 = (rn / rd) / (tn / td) x 100; tn > 0 (a point target is above 0).
    numerator, denominator = rn * td * 100, rd * tn
    if not _BY_EFFICIENCY[slot]:
        return numerator, denominator
    # Time and cost: efficiency = 100 - R / T x 100; 76 + efficiency up to the limit,
    # 76 - (76 + efficiency - 100) = 100 - efficiency above it.
    found = 100 * denominator - numerator
    if found * _LIMIT_D > _LIMIT_N * denominator:
        return 100 * denominator - found, denominator
    return 76 * denominator + found, denominator


class _Kernel:
    """The state of one scoring: the figures and ratings, in the regime's order."""

    __slots__ = ("carry", "entries", "mode", "places", "ratings", "whole", "zero_output")

    def __init__(self, regime: Conventions) -> None:
        rounding = regime.rounding
        self.entries: dict[str, Entry] = {}
        self.ratings: dict[str, str] = {}
        self.places = rounding.places
        self.mode = rounding.mode
        self.carry = regime.rounding_points == "as_bkn_forms"
        self.whole = regime.band_convention == "round_to_integer"
        self.zero_output = regime.zero_output_zeroes_activity

    def rounded(self, key: str, value: Ratio) -> Ratio:
        """Write figure *key* rounded; return the rounded value, as a ratio."""
        places = self.places
        scaled = scaled_round_ratio(value[0], value[1], places, self.mode)
        self.entries[key] = (scaled, -places)
        return scaled, 10**places

    def carried(self, key: str, value: Ratio) -> tuple[Ratio, Ratio]:
        """Write figure *key* rounded; return the value later steps use, and the rounded one."""
        rounded = self.rounded(key, value)
        return (rounded if self.carry else value), rounded

    def grade(self, key: str, value: Ratio) -> Grade:
        """Return the sebutan of figure *key*, writing ``<key>.whole`` when read from that."""
        if self.whole:
            whole = scaled_round_ratio(value[0], value[1], 0, "half_up")
            self.entries[f"{key}.whole"] = (whole, 0)
            return _CLASSIFY(whole, 1)
        return _CLASSIFY(value[0], value[1])

    def rate(self, key: str, value: Ratio) -> None:
        """Write the sebutan of figure *key* as rating *key*."""
        self.ratings[key] = self.grade(key, value).value

    def activity(self, target_id: str, pairs: tuple[tuple[Decimal, Decimal] | None, ...]) -> Ratio:
        """Write a kegiatan's aspect values and value; return the value later steps use."""
        prefix = f"activity[{target_id}]"
        entries = self.entries
        first = pairs[0]
        zero = self.zero_output and first is not None and first[1] == 0
        values: list[Ratio] = []
        for slot, pair in enumerate(pairs):
            if pair is None:
                continue
            value = (0, 1) if zero else _aspect(slot, pair[0], pair[1])
            entries[f"{prefix}.{_NAMES[slot]}"] = value
            values.append(value)
        return self.carried(f"{prefix}.value", mean_ratio(values))[0]


def score_untraced(
    regime: Conventions, appraisal: Appraisal, checked: CheckedAppraisal, trace: Step | None = None
) -> Result:
    """
    Score what `check_appraisal` read from *appraisal*, as `Pp46Run` does, with *trace* as given.

    *checked* must hold no problem (the caller raises them first).  The kernel builds no
    step: *trace* is the result's trace (a deferred one, or `None`).
    """
    kernel = _Kernel(regime)
    entries = kernel.entries
    # Nilai capaian SKP: the mean kegiatan value, tugas tambahan and kreativitas.
    mean = mean_ratio([kernel.activity(item.target.id, item.pairs) for item in checked.activities])
    entries["activities"] = mean
    count = sum(target.kind is TargetKind.ADDITIONAL for target in appraisal.targets)
    additional = PP46_2011_ADDITIONAL_TASK_POINTS.classify(count)
    entries["additional_tasks"] = (additional, 0)
    innovations = appraisal.innovations
    creativity = (
        creativity_points([item.scope for item in innovations], regime.creativity)
        if innovations
        else 0
    )
    entries["creativity"] = (creativity, 0)
    extra = additional + creativity
    skp, rounded = kernel.carried("skp", (mean[0] + extra * mean[1], mean[1]))
    kernel.rate("skp", rounded)
    # Nilai perilaku kerja: the mean of the aspect values, each rated.
    found: list[Ratio] = []
    for item in checked.behaviour:
        exact = item.value
        if exact is None:
            continue
        value = exact.numerator, exact.denominator
        key = f"behaviour[{item.aspect.id}]"
        entries[key] = value
        found.append(value)
        kernel.rate(key, value)
    gaps = checked.gaps
    grade = score = None
    if not gaps:
        behaviour, rounded = kernel.carried("behaviour", mean_ratio(found))
        kernel.rate("behaviour", rounded)
        # Nilai prestasi kerja: work x SKP + behaviour x perilaku, rounded.
        weights = regime.weights
        work, other = weights["work"], weights["behaviour"]
        a_n, a_d = work.numerator * skp[0], work.denominator * skp[1]
        b_n, b_d = other.numerator * behaviour[0], other.denominator * behaviour[1]
        final = kernel.rounded("final", (a_n * b_d + b_n * a_d, a_d * b_d))
        grade = kernel.grade("final", final)
        places = kernel.places
        score = Decimal(f"{final[0]}E-{places}") if places else Decimal(final[0])
    return Result(
        regime=REGIME_ID,
        appraisal_id=appraisal.id,
        grade=grade,
        score=score,
        figures=Figures(entries),
        ratings=kernel.ratings,
        gaps=gaps,
        trace=trace,
    )
