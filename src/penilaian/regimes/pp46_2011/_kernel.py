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
from typing import TYPE_CHECKING, Final, Protocol

from penilaian._base.figures import Figures
from penilaian._base.numbers import Ratio, scaled_round_ratio
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
    from penilaian.model.innovations import Innovation
    from penilaian.policy.weights import Weights
    from penilaian.regimes.pp46_2011._plain import Aspects, Kegiatan, Plain
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
_BY_CEILING: Final = tuple(_IDS[bisect_left(_CUTS, ceiling)] for ceiling in range(101))
"""The band id of a value of 0-100 (a behaviour aspect's) by its ceiling: `_rated`, read ahead."""
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


def _activities(
    activities: list[Kegiatan], places: int, mode: RoundingMode, *, carry: bool, zero: bool
) -> tuple[list[int], Ratio]:
    """
    Each kegiatan's rounded value (nilai capaian kegiatan), and the mean of the values used.

    The aspect values (`quantity_value` ... `cost_value` of the rules) and their sum are
    read with the appraisal (`penilaian.regimes.pp46_2011._plain`); the mean is of the
    kegiatan values later steps use (the rounded ones, as the BKN forms do, with
    *carry*, or not).  With *zero*, a kegiatan whose realised output is 0 scores 0
    The values are kept as read: `_figures` writes them when first read.
    """
    roundeds: list[int] = []
    half_up, scale = mode == "half_up", 10**places
    total_n, total_d = 0, 1  # the sum of the kegiatan values later steps use
    for _, read, read_n, read_d, count in activities:
        sum_n, sum_d = read_n, read_d * count  # the mean of the aspect values
        # read[0], the quantity row, is never None; it is 0 exactly when R is 0.
        if zero and read[0][0] == 0:  # type: ignore[index]
            sum_n, sum_d = 0, count
        if half_up and sum_n >= 0:  # scaled_round_ratio's half up, in line: once a kegiatan
            rounded, rest = divmod(sum_n * scale, sum_d)
            rounded += 2 * rest >= sum_d
        else:
            rounded = scaled_round_ratio(sum_n, sum_d, places, mode)
        roundeds.append(rounded)
        if carry:
            total_n += rounded
        else:
            total_n, total_d = total_n * sum_d + sum_n * total_d, total_d * sum_d
    count = len(roundeds)
    return roundeds, ((total_n, 10**places * count) if carry else (total_n, total_d * count))


def _figures(
    activities: list[Kegiatan],
    roundeds: list[int],
    tail: dict[str, Entry],
    exponent: int,
    *,
    zero: bool,
) -> dict[str, Entry]:
    """
    The figures in order: each kegiatan's, then *tail*'s.

    Each kegiatan's aspect values as read (each 0 when *zero* zeroed it) and its rounded
    value ``x 10**exponent``.
    """
    entries: dict[str, Entry] = {}
    for (target_id, values, *_), rounded in zip(activities, roundeds, strict=True):
        prefix = f"activity[{target_id}]"
        zeroed = zero and values[0][0] == 0  # type: ignore[index] # as _activities reads it
        for suffix, value in zip(_SUFFIXES, values, strict=False):
            if value is not None:
                entries[prefix + suffix] = (0, 1) if zeroed else value
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
    scale, half_up = 10**places, mode == "half_up"
    carry = regime.rounding_points == "as_bkn_forms"
    whole = regime.band_convention == "round_to_integer"
    # Nilai capaian kegiatan, each rounded, and their mean.
    zero = regime.zero_output_zeroes_activity
    roundeds, mean = _activities(activities, places, mode, carry=carry, zero=zero)
    tail: dict[str, Entry] = {"activities": mean}
    # Nilai capaian SKP: the mean kegiatan value, tugas tambahan and kreativitas.  Every
    # work target that is not a kegiatan (each read above) is a tugas tambahan.
    additional = _TASK_POINTS[bisect_left(_TASK_CUTS, len(appraisal.targets) - len(activities))]
    tail["additional_tasks"] = (additional, 0)
    innovations = appraisal.innovations
    creativity = _creativity(innovations, regime.creativity) if innovations else 0
    tail["creativity"] = (creativity, 0)
    skp_n = mean[0] + (additional + creativity) * mean[1]
    if half_up and skp_n >= 0:  # scaled_round_ratio's half up, in line (and below)
        rounded, rest = divmod(skp_n * scale, mean[1])
        rounded += 2 * rest >= mean[1]
    else:
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
    mean_n, mean_d = _aspects(behaviour, tail, ratings, whole=whole)
    grade = score = None
    if not gaps:
        if half_up and mean_n >= 0:
            rounded, rest = divmod(mean_n * scale, mean_d)
            rounded += 2 * rest >= mean_d
        else:
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
        final_n, final_d = a_n * b_d + b_n * a_d, a_d * b_d
        if half_up and final_n >= 0:
            final, rest = divmod(final_n * scale, final_d)
            final += 2 * rest >= final_d
        else:
            final = scaled_round_ratio(final_n, final_d, places, mode)
        tail["final"] = (final, -places)
        grade = _LABELS[
            _rated(tail, "final.whole", final, scale, whole=True)
            if whole
            else bisect_left(_CUTS, -(-final // scale))
        ]
        score = Decimal(f"{final}E-{places}") if places else Decimal(final)
    figures = Figures(functools.partial(_figures, activities, roundeds, tail, -places, zero=zero))
    # Every field is built here, typed and checked: the result skips its validators.
    return Result._trusted(  # noqa: SLF001 - the kernels' constructor
        REGIME_ID, appraisal.id, grade, score,
        figures=figures, ratings=MappingProxyType(ratings), gaps=gaps, trace=trace,
    )  # fmt: skip


def _creativity(innovations: tuple[Innovation, ...], policy: CreativityPolicy) -> int:
    """The kreativitas points of one or more *innovations*: their sum or the highest."""
    points = [PP46_2011_CREATIVITY_POINTS[item.scope] for item in innovations]
    return sum(points) if policy == "sum" else max(points)


def _aspects(
    behaviour: Aspects, tail: dict[str, Entry], ratings: dict[str, str], *, whole: bool
) -> Ratio:
    """
    Each behaviour aspect's value and band, into *tail* and *ratings*; the mean of the values.

    The mean is `mean_ratio`'s, summed in line over a common denominator (with no value,
    a gap, the denominator is 0: the mean is not read).
    """
    sum_n, sum_d, count = 0, 0, 0
    keys, values = behaviour
    for (key, whole_key), value in zip(keys, values, strict=True):
        if value is None:
            continue
        numerator, denominator, _ = value
        tail[key] = numerator, denominator
        if denominator == sum_d:
            sum_n += numerator
        elif count:
            sum_n, sum_d = sum_n * denominator + numerator * sum_d, sum_d * denominator
        else:
            sum_n, sum_d = numerator, denominator
        count += 1
        # A value read is within 0-100 (`read_plain` or `check_appraisal` refused any other).
        ratings[key] = (
            _IDS[_rated(tail, whole_key, numerator, denominator, whole=True)]
            if whole
            else _BY_CEILING[-(-numerator // denominator)]
        )
    return sum_n, sum_d * count


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
