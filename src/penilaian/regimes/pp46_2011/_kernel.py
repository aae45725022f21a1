"""
PP 46/2011 in exact integers: the score, with no `Fraction` built and no step.

`score_untraced` computes what `penilaian.regimes.pp46_2011._run.Pp46Run` computes,
figure for figure, from what `penilaian.regimes.pp46_2011._plain.read_plain` (or, when
it declines, `penilaian.regimes.pp46_2011.checks.check_appraisal`) read: every value is
a numerator over a denominator (never reduced: no ``gcd`` on the way), sums go over a
common denominator, and each declared rounding is one exact integer division
(`penilaian._base.numbers.scaled_round_ratio`).  The figures are kept as integers and
written as `Decimal` only when read (`penilaian._base.figures`).

It builds no step: `Pp46Run` builds the trace, and is the reference a differential
test holds the kernel equal to, on random appraisals, at every band cut and rounding half.
"""

from __future__ import annotations

from decimal import Decimal
from types import MappingProxyType
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
    from penilaian.policy.weights import Weights
    from penilaian.regimes.pp46_2011._plain import Pairs, Plain
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
_SUFFIXES: Final = (*(f".{name}" for name in _NAMES), ".value")  # of a kegiatan's keys

_BY_EFFICIENCY: Final = tuple(
    row.above_limit_rule is not None for row in PP46_2011_ACTIVITY_ASPECTS
)
"""Whether each row scores by its efficiency (time, cost) rather than by ``R / T x 100``."""

_LIMIT_N, _LIMIT_D = PP46_2011_EFFICIENCY_LIMIT.as_integer_ratio()
_CUTS: Final = tuple(cut.as_integer_ratio() for cut in PP46_2011_CATEGORIES.cuts)
_UPPER: Final = PP46_2011_CATEGORIES.closed == "upper"
_LABELS: Final = PP46_2011_CATEGORIES.labels
_IDS: Final = tuple(label.value for label in _LABELS)
"""`PP46_2011_CATEGORIES` as whole numbers: the cuts as ratios, and each band's grade and id."""
_ADDITIONAL: Final = TargetKind.ADDITIONAL


def _band(numerator: int, denominator: int) -> int:
    """The index of the band of ``numerator / denominator`` (as `BandTable.classify_ratio`)."""
    # n/d <= a/b  <=>  n*b <= a*d for positive denominators: exact, in integers.
    for index, (cut_n, cut_d) in enumerate(_CUTS):
        left, right = numerator * cut_d, cut_n * denominator
        if left < right or (_UPPER and left == right):
            return index
    return len(_CUTS)


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

    def band(self, key: str, value: Ratio, whole_key: str | None = None) -> int:
        """Return the band of figure *key*, writing ``<key>.whole`` when read from that."""
        if self.whole:
            whole = scaled_round_ratio(value[0], value[1], 0, "half_up")
            self.entries[whole_key or f"{key}.whole"] = (whole, 0)
            return _band(whole, 1)
        return _band(value[0], value[1])

    def rate(self, key: str, value: Ratio, whole_key: str | None = None) -> None:
        """Write the sebutan of figure *key* as rating *key*."""
        self.ratings[key] = _IDS[self.band(key, value, whole_key)]

    def activity(self, target_id: str, pairs: Pairs) -> Ratio:
        """Write a kegiatan's aspect values and value; return the value later steps use."""
        keys = _activity_keys(target_id)
        entries = self.entries
        first = pairs[0]
        zero = self.zero_output and first is not None and first[1] == 0
        values: list[Ratio] = []
        for slot, pair in enumerate(pairs):
            if pair is None:
                continue
            value = (0, 1) if zero else _aspect(slot, pair[0], pair[1])
            entries[keys[slot]] = value
            values.append(value)
        return self.carried(keys[4], mean_ratio(values))[0]


# Not cached by id: a cache would keep an appraisal's ids once it is scored, and the HTTP
# service keeps nothing of a request.  Caching saved about 2.5 µs of some 38 for four
# kegiatan (bench_score_pp46.py, A/B): 3.62-3.65x against 3.86-3.93x the floor.
def _activity_keys(target_id: str) -> tuple[str, ...]:
    """A kegiatan's figure keys: one per row of `PP46_2011_ACTIVITY_ASPECTS`, then its value."""
    prefix = f"activity[{target_id}]"
    return tuple([prefix + suffix for suffix in _SUFFIXES])


def score_untraced(
    regime: Conventions, appraisal: Appraisal, plain: Plain, trace: Step | None = None
) -> Result:
    """
    Score what `read_plain` or `check_appraisal` read from *appraisal*, as `Pp46Run` does.

    *plain* must come from an appraisal with no problem (the caller raises them first).
    The kernel builds no step: *trace* is the result's trace (a deferred one, or `None`).
    """
    activities, behaviour, gaps = plain
    kernel = _Kernel(regime)
    entries = kernel.entries
    # Nilai capaian SKP: the mean kegiatan value, tugas tambahan and kreativitas.
    mean = mean_ratio([kernel.activity(target_id, pairs) for target_id, pairs in activities])
    entries["activities"] = mean
    count = 0
    for target in appraisal.targets:
        if target.kind is _ADDITIONAL:
            count += 1
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
    kernel.rate("skp", rounded, "skp.whole")
    # Nilai perilaku kerja: the mean of the aspect values, each rated.
    found: list[Ratio] = []
    for key, whole_key, value in behaviour:
        if value is None:
            continue
        entries[key] = value
        found.append(value)
        kernel.rate(key, value, whole_key)
    grade = score = None
    if not gaps:
        behaviour_value, rounded = kernel.carried("behaviour", mean_ratio(found))
        kernel.rate("behaviour", rounded, "behaviour.whole")
        # Nilai prestasi kerja: work x SKP + behaviour x perilaku, rounded.
        weights = regime.weights
        work, other = weights["work"], weights["behaviour"]
        a_n, a_d = work.numerator * skp[0], work.denominator * skp[1]
        b_n, b_d = other.numerator * behaviour_value[0], other.denominator * behaviour_value[1]
        final = kernel.rounded("final", (a_n * b_d + b_n * a_d, a_d * b_d))
        grade = _LABELS[kernel.band("final", final, "final.whole")]
        places = kernel.places
        score = Decimal(f"{final[0]}E-{places}") if places else Decimal(final[0])
    # Every field is built here, typed and checked: the result skips its validators.
    return Result._trusted(  # noqa: SLF001 - the kernels' constructor
        REGIME_ID, appraisal.id, grade, score,
        figures=Figures(entries), ratings=MappingProxyType(kernel.ratings), gaps=gaps, trace=trace,
    )  # fmt: skip
