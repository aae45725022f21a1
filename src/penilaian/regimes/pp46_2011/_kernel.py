"""
PP 46/2011 in exact integers: the score, with no `Fraction` built and no step.

`score_untraced` computes what `penilaian.regimes.pp46_2011._run.Pp46Run` computes,
figure for figure, from what `penilaian.regimes.pp46_2011._plain.read_plain` (or, when
it declines, `penilaian.regimes.pp46_2011.checks.check_appraisal`) read: every value is
a numerator over a denominator (never reduced: no ``gcd`` on the way), sums go over a
common denominator, and each declared rounding is one exact integer division
(`penilaian._base.numbers.scaled_round_ratio`).  A band is read by bisecting the
table's whole-number cuts.  The figures are kept as integers, and their keys and
`Decimal` values are written only when first read (`penilaian._base.figures.Figures`).

It builds no step: `Pp46Run` builds the trace, and is the reference a differential
test holds the kernel equal to, on random appraisals, at every band cut and rounding half.
"""

from __future__ import annotations

import functools
from bisect import bisect_left
from decimal import Decimal
from types import MappingProxyType
from typing import TYPE_CHECKING, Final, Protocol, TypeAlias

from penilaian._base.figures import Figures
from penilaian._base.numbers import Ratio, mean_ratio, scaled_round_ratio
from penilaian.model.targets import TargetKind
from penilaian.regimes.pp46_2011._run import REGIME_ID
from penilaian.regimes.pp46_2011.rules import PP46_2011_ACTIVITY_ASPECTS
from penilaian.regimes.pp46_2011.tables import (
    PP46_2011_ADDITIONAL_TASK_POINTS,
    PP46_2011_CATEGORIES,
    PP46_2011_CREATIVITY_POINTS,
)
from penilaian.scoring.result import Result

if TYPE_CHECKING:
    from penilaian._base.figures import Entry
    from penilaian._base.numbers import RoundingMode
    from penilaian._base.rounding import Rounding
    from penilaian._base.trace import Step
    from penilaian.model.appraisal import Appraisal
    from penilaian.policy.weights import Weights
    from penilaian.regimes.pp46_2011._plain import Kegiatan, Plain
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

_CUTS: Final = tuple(int(cut) for cut in PP46_2011_CATEGORIES.cuts)
_LABELS: Final = PP46_2011_CATEGORIES.labels
_IDS: Final = tuple(label.value for label in _LABELS)
"""`PP46_2011_CATEGORIES`: its cuts as whole numbers, and each band's grade and id."""
_TASK_CUTS: Final = tuple(int(cut) for cut in PP46_2011_ADDITIONAL_TASK_POINTS.cuts)
_TASK_POINTS: Final = PP46_2011_ADDITIONAL_TASK_POINTS.labels
"""`PP46_2011_ADDITIONAL_TASK_POINTS`: its cuts as whole numbers, and each band's points."""
for _table, _cuts in (
    (PP46_2011_CATEGORIES, _CUTS),
    (PP46_2011_ADDITIONAL_TASK_POINTS, _TASK_CUTS),
):
    if _table.cuts != _cuts or _table.closed != "upper":  # pragma: no cover - tables are data
        raise RuntimeError(f"{_table.id}: the kernel reads whole cuts, each closed above")
if set(TargetKind) != {TargetKind.MAIN, TargetKind.ADDITIONAL}:  # pragma: no cover - data
    raise RuntimeError("the kernel counts every work target that is not a kegiatan as tambahan")

Kept: TypeAlias = "list[tuple[str, list[Ratio | None], int]]"
"""Each kegiatan's target id, aspect values (`None`: no such aspect) and rounded value."""


def _activities(
    activities: list[Kegiatan], places: int, mode: RoundingMode, *, carry: bool, zero: bool
) -> tuple[Kept, Ratio]:
    """
    Each kegiatan's aspect values and rounded value (nilai capaian kegiatan), and their mean.

    The aspect values (`quantity_value` ... `cost_value` of the rules) and their sum are
    read with the appraisal (`penilaian.regimes.pp46_2011._plain`); the mean is of the
    kegiatan values later steps use (the rounded ones, as the BKN forms do, with
    *carry*, or not).  With *zero*, a kegiatan whose realised output is 0 scores 0.
    """
    kept: Kept = []
    half_up, scale = mode == "half_up", 10**places
    total_n, total_d = 0, 1  # the sum of the kegiatan values later steps use
    for target_id, read, read_n, read_d, count in activities:
        values, sum_n, sum_d = read, read_n, read_d * count  # the mean of the aspect values
        # read[0], the quantity row, is never None; it is 0 exactly when R is 0.
        if zero and read[0][0] == 0:  # type: ignore[index]
            values = [None if value is None else (0, 1) for value in read]
            sum_n, sum_d = 0, count
        if half_up and sum_n >= 0:  # scaled_round_ratio's half up, in line: once a kegiatan
            rounded, rest = divmod(sum_n * scale, sum_d)
            rounded += 2 * rest >= sum_d
        else:
            rounded = scaled_round_ratio(sum_n, sum_d, places, mode)
        kept.append((target_id, values, rounded))
        if carry:
            total_n += rounded
        else:
            total_n, total_d = total_n * sum_d + sum_n * total_d, total_d * sum_d
    count = len(kept)
    return kept, ((total_n, 10**places * count) if carry else (total_n, total_d * count))


def _figures(kept: Kept, tail: dict[str, Entry], exponent: int) -> dict[str, Entry]:
    """The figures in order: each kegiatan's (its value ``x 10**exponent``), then *tail*'s."""
    entries: dict[str, Entry] = {}
    for target_id, values, rounded in kept:
        prefix = f"activity[{target_id}]"
        for suffix, value in zip(_SUFFIXES, values, strict=False):
            if value is not None:
                entries[prefix + suffix] = value
        entries[prefix + ".value"] = (rounded, exponent)
    entries.update(tail)
    return entries


def score_untraced(
    regime: Conventions, appraisal: Appraisal, plain: Plain, trace: Step | None = None
) -> Result:
    """
    Score what `read_plain` or `check_appraisal` read from *appraisal*, as `Pp46Run` does.

    *plain* must come from an appraisal with no problem (the caller raises them first).
    The kernel builds no step: *trace* is the result's trace (a deferred one, or `None`).
    The figures keep what the kernel computed; their keys are written when first read.
    """
    activities, behaviour, gaps = plain
    rounding = regime.rounding
    places, mode = rounding.places, rounding.mode
    scale = 10**places
    carry = regime.rounding_points == "as_bkn_forms"
    whole = regime.band_convention == "round_to_integer"
    # Nilai capaian kegiatan, each rounded, and their mean.
    kept, mean = _activities(
        activities, places, mode, carry=carry, zero=regime.zero_output_zeroes_activity
    )
    tail: dict[str, Entry] = {"activities": mean}
    # Nilai capaian SKP: the mean kegiatan value, tugas tambahan and kreativitas.  Every
    # work target that is not a kegiatan (each read above) is a tugas tambahan.
    additional = _TASK_POINTS[bisect_left(_TASK_CUTS, len(appraisal.targets) - len(activities))]
    tail["additional_tasks"] = (additional, 0)
    creativity = 0
    innovations = appraisal.innovations
    if innovations:
        points = [PP46_2011_CREATIVITY_POINTS[item.scope] for item in innovations]
        creativity = sum(points) if regime.creativity == "sum" else max(points)
    tail["creativity"] = (creativity, 0)
    skp_n = mean[0] + (additional + creativity) * mean[1]
    rounded = scaled_round_ratio(skp_n, mean[1], places, mode)
    tail["skp"] = (rounded, -places)
    skp = (rounded, scale) if carry else (skp_n, mean[1])
    ratings: dict[str, str] = {}
    # Each band: the number of whole cuts below ceil(n / d) (see `_rated`), read here
    # in line unless the band convention rounds to a whole number first.
    ratings["skp"] = _IDS[
        _rated(tail, "skp.whole", rounded, scale, whole=True)
        if whole
        else bisect_left(_CUTS, -(-rounded // scale))
    ]
    # Nilai perilaku kerja: the mean of the aspect values, each rated.
    found: list[Ratio] = []
    for key, whole_key, value in behaviour:
        if value is None:
            continue
        tail[key] = value
        found.append(value)
        ratings[key] = _IDS[
            _rated(tail, whole_key, value[0], value[1], whole=True)
            if whole
            else bisect_left(_CUTS, -(-value[0] // value[1]))
        ]
    grade = score = None
    if not gaps:
        mean_n, mean_d = mean_ratio(found)
        rounded = scaled_round_ratio(mean_n, mean_d, places, mode)
        tail["behaviour"] = (rounded, -places)
        behaviour_n, behaviour_d = (rounded, scale) if carry else (mean_n, mean_d)
        ratings["behaviour"] = _IDS[
            _rated(tail, "behaviour.whole", rounded, scale, whole=True)
            if whole
            else bisect_left(_CUTS, -(-rounded // scale))
        ]
        # Nilai prestasi kerja: work x SKP + behaviour x perilaku, rounded.
        shares = regime.weights.shares
        work, other = shares["work"].as_integer_ratio(), shares["behaviour"].as_integer_ratio()
        a_n, a_d = work[0] * skp[0], work[1] * skp[1]
        b_n, b_d = other[0] * behaviour_n, other[1] * behaviour_d
        final = scaled_round_ratio(a_n * b_d + b_n * a_d, a_d * b_d, places, mode)
        tail["final"] = (final, -places)
        grade = _LABELS[
            _rated(tail, "final.whole", final, scale, whole=True)
            if whole
            else bisect_left(_CUTS, -(-final // scale))
        ]
        score = Decimal(f"{final}E-{places}") if places else Decimal(final)
    figures = Figures(functools.partial(_figures, kept, tail, -places))
    # Every field is built here, typed and checked: the result skips its validators.
    return Result._trusted(  # noqa: SLF001 - the kernels' constructor
        REGIME_ID, appraisal.id, grade, score,
        figures=figures, ratings=MappingProxyType(ratings), gaps=gaps, trace=trace,
    )  # fmt: skip


def _rated(
    entries: dict[str, Entry], whole_key: str, numerator: int, denominator: int, *, whole: bool
) -> int:
    """
    The index of the band of ``numerator / denominator`` (as `BandTable.classify_ratio`).

    Under ``round_to_integer``, the band of that value rounded to a whole number (halves
    up), written as figure *whole_key*.
    """
    if whole:
        numerator = scaled_round_ratio(numerator, denominator, 0, "half_up")
        entries[whole_key] = (numerator, 0)
        denominator = 1
    # For a whole cut c and a denominator above 0, n / d <= c exactly when ceil(n / d) <= c:
    # the band is the number of cuts below ceil(n / d).
    return bisect_left(_CUTS, -(-numerator // denominator))
