"""
The generic regime in exact integers: the plain case, with no `Fraction` built.

`score_plain` computes what the generic regime's run computes when every component
has its value: every figure a numerator over a denominator (never reduced), the
achievement by `penilaian.scoring.achievement_ratio`, each rated subject rescaled in
integers, the weighted total over a common denominator, the rounding one exact integer
division and the band by `penilaian.model.BandTable.classify_ratio`.  The figures are
kept as integers with the ids they belong to; their keys, and their `Decimal` values,
are written when first read (`penilaian._base.figures.Figures`).

Anything else (an indicator without a realisation, a qualitative target, a subject
without a value or on an ordinal scale, a component nobody rated) returns `None`, and
the regime runs its full path, which reports every problem and gap; a differential
test holds the two equal.
"""

from __future__ import annotations

import functools
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Final, Protocol, TypeAlias

from penilaian._base.figures import Figures, figure_of
from penilaian._base.numbers import Ratio, mean_ratio, scaled_round_ratio
from penilaian.exceptions import MissingValueError, UnsupportedInputError
from penilaian.model.grades import Grade
from penilaian.model.raters import NumericScale
from penilaian.policy.supervisor import SupervisorRating
from penilaian.policy.weighting import WeightingPolicy
from penilaian.regimes._generic_parts import WorkAchievement
from penilaian.scoring.achievement import achievement_ratio
from penilaian.scoring.result import Result

if TYPE_CHECKING:
    from collections.abc import Sequence

    from penilaian._base.figures import Entry
    from penilaian._base.rounding import Rounding
    from penilaian._base.trace import Step
    from penilaian.model.appraisal import Appraisal
    from penilaian.model.grades import BandTable
    from penilaian.policy.weights import Weights
    from penilaian.regimes._generic_parts import Component, RatedSubjects
    from penilaian.typing import RatingAggregator

__all__ = ["Settings", "score_plain"]

Kept: TypeAlias = "list[tuple[tuple[str, str], Sequence[str], Sequence[Entry]]]"
"""The figures before their keys are written, in groups: the keys' two ends, ids, entries."""

_INDICATOR: Final = ("indicator[", "].achievement")
_SUBJECT: Final = ("subject[", "]")
_COMPONENT: Final = ("component[", "]")
"""The ends of a figure key (``indicator[<id>].achievement``, ...), joined when first read."""


def _figures(kept: Kept, score: Entry) -> dict[str, Entry]:
    """The figures in order, their keys written: those *kept*, then the score."""
    entries: dict[str, Entry] = {
        f"{head}{ident}{tail}": entry
        for (head, tail), ids, group in kept
        for ident, entry in zip(ids, group, strict=True)
    }
    entries["score"] = score
    return entries


def _work(appraisal: Appraisal, source: WorkAchievement, entries: Kept) -> list[Ratio]:
    """The counted achievements of the work targets of the source's kinds; empty if any lacks."""
    kinds = source.kinds
    ids: list[str] = []
    achieved: list[Ratio] = []  # before the cap
    for target in appraisal.targets:
        if target.kind not in kinds:
            continue
        for indicator in target.indicators:
            try:  # checks the realisation and the target itself: not checked twice
                achieved.append(achievement_ratio(indicator))
            except (MissingValueError, UnsupportedInputError):
                return []  # a problem: the full path reports it
            ids.append(indicator.id)
    entries.append((_INDICATOR, ids, achieved))
    cap = source.cap
    if cap is None:
        return achieved
    cap_n, cap_d = cap.numerator, cap.denominator
    return [(cap_n, cap_d) if n * cap_d > cap_n * d else (n, d) for n, d in achieved]


def _rated(
    appraisal: Appraisal,
    source: RatedSubjects,
    aggregator: RatingAggregator,
    entries: Kept,
) -> list[Ratio]:
    """Each subject's value rescaled to 0-100; empty if any subject lacks one."""
    subjects: Sequence[str] | None = source.subjects
    if subjects is None:  # the framework's aspects for the post, as `aspects_for` gives them
        managerial = appraisal.position.kind.is_managerial
        subjects = [
            aspect.id
            for aspect in appraisal.framework.aspects
            if managerial or not aspect.managerial_only
        ]
    # The two aggregators that give ratios give them with no Aggregate or Fraction built;
    # a subclass may aggregate otherwise, so only these two classes themselves.
    if type(aggregator) is SupervisorRating or type(aggregator) is WeightingPolicy:
        given = aggregator.ratios(appraisal, subjects)
        if given is None:
            return []  # a gap, an error or a custom aggregation: the full path
        scales = appraisal.scales
        if len(scales) == 1 and isinstance(scales[0], NumericScale):
            # One scale, so every value is on it: rescaled all alike.
            ln, ld, hd, span = _span(scales[0])
            values = [((vn * ld - ln * vd) * hd * 100, vd * span) for vn, vd, _ in given]
            entries.append((_SUBJECT, subjects, values))
            return values
    else:
        given = None
    values = []
    scale_id: str | None = None  # the scale of the subject before: usually all share one
    ln = ld = hd = span = 0
    for index, subject in enumerate(subjects):
        if given is not None:
            vn, vd, found = given[index]
        else:
            aggregate = aggregator(appraisal, subject, trace=False)
            value, scale_of = aggregate.value, aggregate.scale_id
            if value is None or scale_of is None:
                return []
            (vn, vd), found = value.as_integer_ratio(), scale_of
        if found != scale_id:
            scale_id = found
            scale = appraisal.scale(scale_id)
            if not isinstance(scale, NumericScale):
                return []
            ln, ld, hd, span = _span(scale)
        values.append(((vn * ld - ln * vd) * hd * 100, vd * span))
    entries.append((_SUBJECT, subjects, values))
    return values


def _span(scale: NumericScale) -> tuple[int, int, int, int]:
    """
    The parts of rescaling a value of *scale* to 0-100: ``low = ln / ld``, ``hd`` and the span.

    A value ``vn / vd`` rescales to ``(v - low) / (high - low) x 100``, which is
    ``(vn x ld - ln x vd) x hd x 100`` over ``vd x span``, with ``span = (high - low)
    x ld x hd`` above 0 (high > low).
    """
    ln, ld = scale.minimum.as_integer_ratio()
    hn, hd = scale.maximum.as_integer_ratio()
    return ln, ld, hd, hn * ld - ln * hd


class Settings(Protocol):
    """What the kernel reads of a `penilaian.GenericRegime`."""

    @property
    def id(self) -> str: ...
    @property
    def components(self) -> tuple[Component, ...]: ...
    @property
    def weights(self) -> Weights: ...
    @property
    def bands(self) -> BandTable[Any]: ...
    @property
    def aggregator(self) -> RatingAggregator: ...
    @property
    def rounding(self) -> Rounding | None: ...


def score_plain(regime: Settings, appraisal: Appraisal, trace: Step | None) -> Result | None:
    """
    Score *appraisal* by the generic regime when every component has its value, else `None`.

    *trace* is the result's trace (a deferred one, or `None`): the kernel builds no step.
    """
    shares, aggregator, rounding = regime.weights.shares, regime.aggregator, regime.rounding
    entries: Kept = []
    total_n, total_d = 0, 1
    for component in regime.components:
        source = component.source
        if isinstance(source, WorkAchievement):
            values = _work(appraisal, source, entries)
        else:
            values = _rated(appraisal, source, aggregator, entries)
        if not values:
            return None
        mean = mean_ratio(values)
        entries.append((_COMPONENT, (component.id,), (mean,)))
        share_n, share_d = shares[component.id].as_integer_ratio()
        n, d = share_n * mean[0], share_d * mean[1]
        total_n, total_d = total_n * d + n * total_d, total_d * d
    written: Entry
    if rounding is None:
        score = written = total_n, total_d
    else:
        places = rounding.places
        scaled = scaled_round_ratio(total_n, total_d, places, rounding.mode)
        score, written = (scaled, 10**places), (scaled, -places)
    label = regime.bands.classify_ratio(score[0], score[1])
    grade = label if isinstance(label, Grade) else None
    # Every field is built here, typed and checked: the result skips its validators.
    return Result._trusted(  # noqa: SLF001 - the kernels' constructor
        regime.id, appraisal.id, grade, figure_of(written),
        figures=Figures(functools.partial(_figures, entries, written)),
        ratings=MappingProxyType({"band": label.value if grade is not None else str(label)}),
        gaps=(), trace=trace,
    )  # fmt: skip
