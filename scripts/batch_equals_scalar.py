"""
Check that the batch engines give, row by row, what the scalar regimes give.

    .venv/bin/python scripts/batch_equals_scalar.py                 # 200,000 rows, seed 0
    .venv/bin/python scripts/batch_equals_scalar.py --engine pp30 --rows 5000 --seed 7
    .venv/bin/python scripts/batch_equals_scalar.py --engine pp46 --start 1234 --rows 1

The rows (200,000 by default, shared equally among the engines of ``--engine all``)
are appraisals drawn from a seeded `random.Random` through the public model, most of
them on a decision: category and predikat cuts and a cent either side, rounding
half-points, the PP 46/2011 24 % efficiency edge and zero output, the PP 30/2019
whole-percent capaian edges (59/60, 79/80, 99/100, 100/101, 110) and maximum targets,
range targets met, above and below, lower-is-better targets, unrated aspects, every
cell of the PermenPANRB 6/2022 matrix with unit leaders, and generic regimes with 360
degree weighting policies, missing raters, scores on rounding half-points and band
cuts on the rows' own scores.  Rows come in chunks of `CHUNK`, each scored under one
regime drawn for it.  Row ``i`` depends on the seed and ``i`` only (its chunk's regime
too), so ``--start i --rows 1`` replays it alone.

Each row's batch result is compared with ``regime.score(appraisal, trace=False)``:
the score, grade, completeness, gaps and every figure and rating the batch exposes
(for the generic engine, `score_generic` and `score_policies` under two regimes).
The script prints, per engine, the rows compared, the rows that differ (by position
kind, with the first few and the command that replays each) and the time; it exits 1
on any difference.  `tests/batch/test_batch_equals_scalar_script.py` runs a few hundred.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Any, Final, Generic, Literal, TypeVar

import attrs

import penilaian as p
from penilaian.batch import GRADES, LEVELS, MISSING, NONE, UNIT_GRADES, grades
from penilaian.batch.generic import GenericBatch, score_generic
from penilaian.batch.permen6 import Permen6Batch, Permen6Scores, score_permen6
from penilaian.batch.policies import score_policies
from penilaian.batch.pp30 import ASPECTS, Pp30Batch, Pp30Scores, score_pp30
from penilaian.batch.pp46 import PP46_ASPECTS, PP46_SLOTS, Pp46Batch, Pp46Scores, score_pp46
from penilaian.model import OVERALL_BEHAVIOUR, OVERALL_WORK_RESULTS, BandTable, TargetKind
from penilaian.policy import (
    PP30_2019_WITH_PEER_INPUT,
    PP30_2019_WITHOUT_PEER_INPUT,
    SupervisorRating,
)
from penilaian.regimes.generic import Component, RatedSubjects, WorkAchievement
from penilaian.regimes.pp30_2019 import PP30_2019_PREDIKAT
from penilaian.regimes.pp46_2011 import PP46_2011_CATEGORIES
from penilaian.scoring import FIGURE_ROUNDING, Result, RoundingMode, figure

ROWS: Final = 200_000
CHUNK: Final = 500
"""Rows scored together under one regime drawn for the chunk."""
SHOWN: Final = 5
"""Differences described per engine."""

R = TypeVar("R")
Figures = dict[str, Decimal | None]


def _rng(text: str) -> random.Random:
    return random.Random(text)  # noqa: S311 - a seeded, replayable draw, not a secret


def _dec(value: Fraction | int) -> Decimal:
    """A fraction with a finite decimal form, as that `Decimal`, exactly."""
    value = Fraction(value)
    return Decimal(value.numerator) / Decimal(value.denominator)


def _number(value: object, places: int) -> Decimal | None:
    """A scaled batch integer as the `Decimal` it stands for (`None` for `MISSING`)."""
    return None if value == MISSING else Decimal(int(str(value))).scaleb(-places)


def _exact(numerator: object, denominator: object) -> Decimal:
    """An exact batch figure (numerator / denominator) as the scalar result writes it."""
    return figure(Fraction(int(str(numerator)), int(str(denominator))))


def _differ(name: str, scalar: object, batch: object) -> str | None:
    """Describe how *scalar* and *batch* differ, or `None` when they are equal."""
    if scalar == batch:
        return None
    if isinstance(scalar, dict) and isinstance(batch, dict):
        keys = sorted(set(scalar) | set(batch), key=str)
        found = [(k, scalar.get(k), batch.get(k)) for k in keys if scalar.get(k) != batch.get(k)]
        key, one, other = found[0]
        return f"{name}[{key}]: scalar {one} != batch {other} ({len(found)} keys differ)"
    return f"{name}: scalar {scalar} != batch {batch}"


def _first(*found: str | None) -> str | None:
    return next((item for item in found if item is not None), None)


def _verdict(result: Result, batch: tuple[object, ...], gaps: list[str]) -> str | None:
    """The first difference of score, grade, completeness, gaps, figures and ratings."""
    score, grade, complete, figures, ratings = batch
    return _first(
        _differ("score, grade", (result.score, result.grade), (score, grade)),
        _differ("complete", result.is_complete, complete),
        _differ("gaps", sorted(gap.path for gap in result.gaps), sorted(gaps)),
        _differ("figures", dict(result.figures), figures),
        _differ("ratings", dict(result.ratings), ratings),
    )


def _edge(rng: random.Random, edges: Sequence[Fraction], top: int, unit: int) -> Fraction:
    """An edge half the time, else any multiple of 1/*unit* from 0 to *top* / *unit*."""
    return rng.choice(edges) if rng.random() < 0.5 else Fraction(rng.randint(0, top), unit)


def _fractions(values: str) -> tuple[Fraction, ...]:
    return tuple(Fraction(value) for value in values.split())


def _ceil_cent(value: Fraction) -> Fraction:
    return Fraction(-((-value * 100) // 1), 100)


def _appraisal(number: int, position: p.Position, parts: tuple[Any, ...],
               ratings: Sequence[p.Rating], **more: Any) -> p.Appraisal:  # noqa: ANN401  # fmt: skip
    """An appraisal of *position*; *parts* are its framework, targets, raters, scale, period."""
    framework, targets, raters, scale, period = parts
    employee = p.Employee("e-1", "Budi Santoso")
    return p.Appraisal(f"skp-{number}", employee, position, period, framework, targets,
                       raters=raters, scales=[scale], ratings=ratings, **more)  # fmt: skip


# -- PP 46/2011 ------------------------------------------------------------------------------

P46_CUTS: Final = tuple(Fraction(cut) for cut in PP46_2011_CATEGORIES.cuts)
OFFSETS: Final = _fractions("0 0.01 -0.01 0.005 -0.005 0.5 0.49 0.495 -0.5")
"""Around each cut: the cut, a cent either side, the rounding half-points."""
TIME_RATIOS: Final = _fractions("0 0.5 0.7599 0.76 0.7601 0.9 1 1.5 1.76 1.7601 2")
"""Realisation / target for time and cost: each side of 24 % efficiency, on time, 1.76."""
OUTPUT_RATIOS: Final = _fractions("0 0.5 0.9999 1 1.0001 3")
P46_SCORES: Final = _fractions(
    "0 0.5 50 50.01 50.49 50.5 60 60.5 75 75.49 75.5 90 90.01 90.49 90.499 90.5 100"
)
"""Behaviour scores at every category cut and every whole-number half-point."""
LOWER: Final = (p.Aspect.TIME, p.Aspect.COST)
P46_PARTS: Final = (
    p.PP46_2011_BEHAVIOUR,
    (p.Rater("atasan", "supervisor", "e-2"), p.Rater("rekan", "peer", "e-3")),
    p.NumericScale("nilai", 0, 100),
    p.Period.year(2019),
)


def _point(
    ident: str, aspect: p.Aspect, target: Fraction | int, real: Fraction | int
) -> p.Indicator:
    direction = "lower_is_better" if aspect in LOWER else "higher_is_better"
    return p.Indicator(ident, f"{aspect.value} {ident}", aspect, p.PointTarget(_dec(target)),
                       direction, realisation=p.Realisation(_dec(real)))  # fmt: skip


def _task(number: int) -> p.WorkTarget:
    item = _point(f"tt{number}-o", p.Aspect.QUANTITY, 1, 1)
    return p.WorkTarget(f"tt{number}", f"Tugas tambahan {number}", [item], "additional")


def _p46_regime(rng: random.Random) -> p.Pp46Regime:
    if rng.random() < 0.3:
        return p.Pp46Regime()
    weights = rng.choice(("3/5", "7/10", "1/3"))
    roundings: tuple[tuple[int, RoundingMode], ...] = ((2, "half_up"), (2, "half_even"),
        (2, "down"), (1, "half_even"), (0, "half_up"), (3, "half_up"), (4, "down"))  # fmt: skip
    rounding = rng.choice(roundings)
    return p.Pp46Regime(
        weights=p.Weights({"work": weights, "behaviour": 1 - Fraction(weights)}),
        rounding=p.Rounding(*rounding),
        band_convention=rng.choice(("upper_inclusive", "round_to_integer")),
        creativity=rng.choice(("highest", "sum")),
        zero_output_zeroes_activity=rng.random() < 0.5,
    )


def _p46_on_edge(rng: random.Random, scopes: list[p.InnovationScope]) -> list[p.WorkTarget]:
    """One kegiatan whose value plus the bonus points is a cut or near it: (x + y + 76) / 3."""
    value = rng.choice(P46_CUTS) + rng.choice(OFFSETS)
    tasks = rng.randint(0, 1)
    count, fixed = (4, 176) if rng.random() < 0.5 else (3, 76)  # cost at exactly 24 %: 100
    total = max(count * (value - tasks - 3 * len(scopes)) - fixed, Fraction(0))
    quality = min(total / 2, Fraction(100))
    items = [
        _point("k-o", p.Aspect.QUANTITY, 100, total - quality),
        _point("k-k", p.Aspect.QUALITY, 100, quality),
        _point("k-w", p.Aspect.TIME, 12, 12),
    ]
    if count == 4:
        items.append(_point("k-b", p.Aspect.COST, 100, 76))
    return [p.WorkTarget("k", "Kegiatan", items), *(_task(i) for i in range(tasks))]


def _p46_targets(rng: random.Random) -> list[p.WorkTarget]:
    """1-3 kegiatan (cost sometimes) at the ratio edges, among 0-9 tugas tambahan."""
    targets = []
    for t in range(rng.randint(1, 3)):
        items = []
        for aspect in PP46_SLOTS:
            if aspect is p.Aspect.COST and rng.random() < 0.5:
                continue
            usual, whole = Fraction(rng.choice((1, 3, 12, 100))), Fraction(rng.randint(1, 400))
            planned = rng.choice((usual, whole, Fraction(rng.randint(1, 40000), 100)))
            ratio = _edge(rng, TIME_RATIOS if aspect in LOWER else OUTPUT_RATIOS, 25000, 10**4)
            items.append(_point(f"k{t}-{aspect.value}", aspect, planned, planned * ratio))
        rng.shuffle(items)
        targets.append(p.WorkTarget(f"k{t}", f"Kegiatan {t}", items))
    targets += [_task(i) for i in range(rng.choice((0, 1, 3, 4, 6, 7, rng.randint(0, 9))))]
    rng.shuffle(targets)
    return targets


def _p46_row(rng: random.Random, number: int, regime: p.Pp46Regime) -> p.Appraisal:
    kind = rng.choice(tuple(p.PositionKind))
    aspects = [aspect.id for aspect in p.PP46_2011_BEHAVIOUR.aspects_for(kind)]
    scopes = [rng.choice(tuple(p.InnovationScope)) for _ in range(rng.choice((0, 0, 1, 2, 3)))]
    way = rng.random()
    if way < 0.25:
        scopes = scopes[:1]
        targets = _p46_on_edge(rng, scopes)
        scores = dict.fromkeys(aspects, rng.choice(P46_CUTS) + rng.choice(OFFSETS))
    else:
        targets = _p46_targets(rng)
        scores = {aspect: _edge(rng, P46_SCORES, 10**5, 1000) for aspect in aspects}
    ratings = [p.Rating("atasan", aspect, "nilai", score=_dec(score))
               for aspect, score in scores.items() if rng.random() >= 1 / 25]  # fmt: skip
    if rng.random() < 0.5:  # a peer's rating, which the supervisor's rule must not read
        ratings.append(p.Rating("rekan", aspects[0], "nilai", score=1))
    innovations = [p.Innovation(f"Inovasi {i}", scope) for i, scope in enumerate(scopes)]
    position = p.Position("Jabatan", kind)
    appraisal = _appraisal(number, position, (P46_PARTS[0], targets, *P46_PARTS[1:]), ratings,
                           innovations=innovations)  # fmt: skip
    if not 0.25 <= way < 0.4:
        return appraisal
    # The final value on a cut or near it: every aspect scores the B with w x skp + v x B there.
    unrated = regime.score(attrs.evolve(appraisal, ratings=[]), trace=False)
    skp = Fraction(unrated.figures["skp"])
    final = rng.choice(P46_CUTS) + rng.choice(OFFSETS) - Fraction(1, 200)
    needed = _ceil_cent((final - regime.weights["work"] * skp) / regime.weights["behaviour"])
    if not 0 <= needed <= 100:
        return appraisal
    ratings = [p.Rating("atasan", aspect, "nilai", score=_dec(needed)) for aspect in aspects]
    return attrs.evolve(appraisal, ratings=ratings)


def _p46_activities(appraisal: p.Appraisal, row: int, batch: Pp46Batch, s: Pp46Scores,
                    into: tuple[Figures, list[str]]) -> None:  # fmt: skip
    """Add one row's kegiatan figures to *into*, and the values it should not have."""
    figures, stray = into
    for t, target in enumerate(appraisal.targets):
        main = target.kind is TargetKind.MAIN
        for slot, aspect in enumerate(PP46_SLOTS):
            key = f"activity[{target.id}].{aspect.value}"
            if main and batch.indicator[row, t, slot]:
                figures[key] = _exact(s.aspect[row, t, slot], s.aspect_denominator[row, t, slot])
            elif s.aspect[row, t, slot] != MISSING:
                stray.append(key)
        if main:
            figures[f"activity[{target.id}].value"] = _number(s.activity_value[row, t], s.places)
        elif s.activity_value[row, t] != MISSING:
            stray.append(f"activity[{target.id}].value")


def _p46_expected(appraisal: p.Appraisal, row: int, batch: Pp46Batch, s: Pp46Scores,
                  whole: bool) -> tuple[Figures, dict[str, str], list[str]]:  # fmt: skip
    """One row's figures and ratings keyed as the scalar's, and the values it should not have."""
    figures: Figures = {}
    ratings: dict[str, str] = {}
    stray: list[str] = []

    def rate(key: str, value: Decimal | None, category: object, whole_value: object) -> None:
        figures[key], ratings[key] = value, GRADES[int(str(category))].value
        if whole:
            figures[f"{key}.whole"] = Decimal(int(str(whole_value)))
        elif whole_value != MISSING:
            stray.append(f"{key}.whole")

    _p46_activities(appraisal, row, batch, s, (figures, stray))
    figures["activities"] = _exact(s.activities[row], s.activities_denominator[row])
    figures["additional_tasks"] = Decimal(int(s.additional_tasks[row]))
    figures["creativity"] = Decimal(int(s.creativity[row]))
    rate("skp", _number(s.skp[row], s.places), s.skp_category[row], s.skp_whole[row])
    for a, aspect in enumerate(PP46_ASPECTS):
        if batch.applies[row, a] and batch.rated[row, a]:
            value = _exact(s.behaviour_aspect[row, a], s.behaviour_aspect_denominator[row, a])
            category, whole_value = (
                s.behaviour_aspect_category[row, a],
                s.behaviour_aspect_whole[row, a],
            )
            rate(f"behaviour[{aspect}]", value, category, whole_value)
        elif s.behaviour_aspect[row, a] != MISSING or s.behaviour_aspect_category[row, a] != NONE:
            stray.append(f"behaviour[{aspect}]")
    if s.complete[row]:
        rate("behaviour", _number(s.behaviour[row], s.places), s.behaviour_category[row],
             s.behaviour_whole[row])  # fmt: skip
        figures["final"] = _number(s.final[row], s.places)
        if whole:
            figures["final.whole"] = Decimal(int(s.final_whole[row]))
    elif (s.behaviour[row], s.final[row], s.grade[row]) != (MISSING, MISSING, NONE):
        stray.append("behaviour, final or grade of an incomplete row")
    return figures, ratings, stray


def _p46_compare(population: list[p.Appraisal], regime: p.Pp46Regime) -> list[str | None]:
    batch = Pp46Batch.from_appraisals(population)
    s = score_pp46(batch, regime)
    found, whole = grades(s.grade), regime.band_convention == "round_to_integer"
    out: list[str | None] = []
    for row, appraisal in enumerate(population):
        figures, ratings, stray = _p46_expected(appraisal, row, batch, s, whole)
        unrated = int((batch.applies[row] & ~batch.rated[row]).sum())
        columns = (_number(s.final[row], s.places), found[row], bool(s.complete[row]))
        verdict = _verdict(regime.score(appraisal, trace=False), (*columns, figures, ratings),
                           ["$.ratings"] * unrated)  # fmt: skip
        out.append(f"batch values where the scalar has none: {stray}" if stray else verdict)
    return out


# -- PP 30/2019 ------------------------------------------------------------------------------

P30_CUTS: Final = tuple(Fraction(cut) for cut in PP30_2019_PREDIKAT.cuts)
P30_CAPAIAN: Final = _fractions(
    "-10 -0.5 -0.49 0 0.5 58.5 59 59.49 59.5 60 79.49 79.5 80 99.49 99.5 100 100.49 100.5 101"
    " 109.49 109.5 110 110.5 150"
)
"""Capaian IKI at every cut of the conversion table and every whole-percent rounding edge."""
P30_SCORES: Final = _fractions("0 49.99 50 69.995 70 89.99 90 109.99 110 120")
P30_PARTS: Final = (p.NumericScale("nilai", 0, 120), p.Period.semester(2021, 2))


def _p30_regime(rng: random.Random) -> p.Pp30Regime:
    if rng.random() < 0.3:
        return p.Pp30Regime()
    rounding: tuple[int, RoundingMode] = rng.choice(
        ((2, "half_up"), (1, "half_even"), (3, "down"), (0, "half_up"))
    )
    return p.Pp30Regime(
        fair_label=rng.choice((p.Grade.FAIR, p.Grade.NEEDS_IMPROVEMENT)),
        peer_input=rng.choice(("infer", "used", "not_used")),
        rounding=p.Rounding(*rounding),
    )


def _p30_indicator(rng: random.Random, name: str) -> p.Indicator:
    """An indicator whose realisation gives a capaian at an edge: point or range, either way."""
    lower = rng.random() < 0.5
    capaian = rng.choice((rng.choice(P30_CAPAIAN), Fraction(rng.randint(-20, 300), 2),
                          Fraction(rng.randint(-1000, 16000), 100)))  # fmt: skip
    ratio = 2 - capaian / 100 if lower else abs(capaian) / 100
    base = rng.randint(1, 400)
    target: p.PointTarget | p.RangeTarget = p.PointTarget(base)
    realised = base * ratio
    if rng.random() < 0.5:
        width = rng.randint(1, 50)
        target = p.RangeTarget(base, base + width)
        where = rng.choice((base, base + width, None))  # compared with a bound, or inside
        realised = base + Fraction(width, 2) if where is None else where * ratio
    return p.Indicator(
        name, f"Indikator {name}", p.Aspect.TIME if lower else p.Aspect.QUANTITY, target,
        "lower_is_better" if lower else "higher_is_better",
        realisation=p.Realisation(_dec(max(realised, Fraction(0)))),
        target_is_maximum=rng.random() < 0.25,
    )  # fmt: skip


def _p30_row(rng: random.Random, number: int, regime: p.Pp30Regime) -> p.Appraisal:
    kind = rng.choice(tuple(p.PositionKind))
    targets = []
    for t in range(rng.randint(1, 3)):
        items = [_p30_indicator(rng, f"iki-{t}-{i}") for i in range(rng.randint(1, 3))]
        role = "main" if t == 0 or rng.random() < 0.5 else "additional"
        targets.append(p.WorkTarget(f"rk-{t}", f"Rencana {t}", items, role))
    aspects = [aspect.id for aspect in p.PP30_2019_BEHAVIOUR.aspects_for(kind)]
    raters, others = [p.Rater("atasan", "supervisor", "e-atasan")], []
    if rng.random() < 0.5:  # peers or subordinates weigh 60/40; a self-assessment does not
        role = rng.choice(("peer", "subordinate", "self"))
        raters.append(p.Rater("lain", role, "e-1" if role == "self" else "e-lain"))
        others.append(p.Rating("lain", "commitment", "nilai", score=100))
    scores = [p.Rating("atasan", aspect, "nilai", score=_dec(_edge(rng, P30_SCORES, 12000, 100)))
              for aspect in aspects if rng.random() >= 1 / 20]  # fmt: skip
    scope = rng.choice((None, *p.InnovationScope))
    parts = (p.PP30_2019_BEHAVIOUR, targets, raters, *P30_PARTS)
    innovations = [] if scope is None else [p.Innovation("Aplikasi", scope)]
    position = p.Position("Jabatan", kind)
    appraisal = _appraisal(number, position, parts, [*scores, *others], innovations=innovations)
    if rng.random() >= 0.3:
        return appraisal
    # The final value on a predikat cut or a cent under it: every aspect scores the B needed.
    full = [*others, *(p.Rating("atasan", aspect, "nilai", score=100) for aspect in aspects)]
    figures = regime.score(attrs.evolve(appraisal, ratings=full), trace=False).figures
    if not {"skp", "weight.work", "weight.behaviour"} <= figures.keys():
        return appraisal
    skp, work, other = (Fraction(figures[k]) for k in ("skp", "weight.work", "weight.behaviour"))
    final = rng.choice(P30_CUTS) - rng.choice((0, Fraction(1, 100)))
    needed = _ceil_cent((final - Fraction(1, 200) - work * skp) / other)
    if not 0 <= needed <= 120:
        return appraisal
    given = [p.Rating("atasan", aspect, "nilai", score=_dec(needed)) for aspect in aspects]
    return attrs.evolve(appraisal, ratings=[*others, *given])


def _p30_work(appraisal: p.Appraisal, row: int, s: Pp30Scores) -> tuple[Figures, dict[str, str]]:
    """
    One row's work figures and ratings keyed as the scalar's, on either route.

    A figure of the route the row does not take is `MISSING` in the batch and absent in
    the scalar result, so each is expected exactly where the batch has it.
    """
    figures: Figures = {}
    ratings: dict[str, str] = {}
    places, points = s.places, s.point_places

    def put(key: str, value: object, scale: int) -> None:
        if value != MISSING:
            figures[key] = _number(value, scale)

    for t, target in enumerate(appraisal.targets):
        name = f"target[{target.id}]"
        put(f"{name}.value", s.target_value[row, t], places)
        put(f"{name}.iki_points", s.target_points[row, t], points)
        put(f"{name}.points", s.additional_points[row, t], points)
        if s.target_category[row, t] != NONE:
            ratings[f"{name}.category"] = GRADES[s.target_category[row, t]].value
        for i, item in enumerate(target.indicators):
            name = f"indicator[{item.id}]"
            figures[f"{name}.achievement"] = Decimal(int(s.achievement[row, t, i]))
            put(f"{name}.value", s.indicator_value[row, t, i], places)
            put(f"{name}.points", s.indicator_points[row, t, i], points)
            ratings[f"{name}.category"] = GRADES[s.category[row, t, i]].value
    figures["main"] = _number(s.main_value[row], places)
    figures["additional"] = _number(s.additional[row], points)
    figures["skp"] = _number(s.skp[row], points)
    return figures, ratings


def _p30_expected(appraisal: p.Appraisal, row: int, batch: Pp30Batch, s: Pp30Scores,
                  routes: bool) -> tuple[Figures, dict[str, str]]:  # fmt: skip
    """One row's figures and ratings keyed as the scalar's (its route, if it *routes*)."""
    figures, ratings = _p30_work(appraisal, row, s)
    if routes:
        ratings["route"] = "interpolation" if s.interpolation[row] else "category"
    for a, aspect in enumerate(ASPECTS):
        if batch.applies[row, a] and batch.rated[row, a]:
            figures[f"behaviour[{aspect}]"] = _number(s.aspect_value[row, a], s.places)
    if s.complete[row]:
        figures["behaviour"] = _number(s.behaviour[row], s.places)
        figures["final"] = _number(s.final[row], s.places)
        peers = bool(s.with_peer_input[row])
        weights = PP30_2019_WITH_PEER_INPUT if peers else PP30_2019_WITHOUT_PEER_INPUT
        figures["weight.work"] = _dec(weights["work"])
        figures["weight.behaviour"] = _dec(weights["behaviour"])
        ratings["weighting"] = "with_peer_input" if peers else "without_peer_input"
        ratings["band"] = GRADES[s.band[row]].value
    return figures, ratings


def _p30_compare(population: list[p.Appraisal], regime: p.Pp30Regime) -> list[str | None]:
    batch = Pp30Batch.from_appraisals(population)
    s = score_pp30(batch, regime)
    found = grades(s.grade)
    out: list[str | None] = []
    for row, appraisal in enumerate(population):
        result = regime.score(appraisal, trace=False)
        figures, ratings = _p30_expected(appraisal, row, batch, s, "route" in result.ratings)
        unrated = int((batch.applies[row] & ~batch.rated[row]).sum())
        columns = (_number(s.final[row], s.places), found[row], bool(s.complete[row]))
        out.append(_verdict(result, (*columns, figures, ratings), ["$.ratings"] * unrated))
    return out


# -- PermenPANRB 6/2022 ----------------------------------------------------------------------

P6_POSITIONS: Final = (
    p.Position("Analis Keuangan Ahli Pertama", "expert_first", unit_id="u-keu"),
    p.Position("Pengadministrasi", "executor", unit_id="u-keu"),
    p.Position("Kepala Bidang Keuangan", "administrator", unit_id="u-keu", leads_unit=True),
    p.Position("Kepala Dinas", "jpt_pratama", unit_id="u-dinas", leads_unit=True),
)
P6_REPORTS: Final = p.WorkTarget("t1", "Tersusunnya laporan", [p.Indicator(
    "i1", "Laporan", "kuantitas", p.PointTarget(12), realisation=p.Realisation(12))])  # fmt: skip
P6_PARTS: Final = (
    p.BERAKHLAK,
    [P6_REPORTS],
    (p.Rater("r-sup", "pejabat penilai", "e-atasan"), p.Rater("r-peer", "rekan kerja", "e-3")),
    p.EXPECTATION_SCALE,
    p.Period.year(2023),
)


def _p6_regime(rng: random.Random) -> p.Permen6Regime:
    return p.Permen6Regime(leader_rule=rng.choice(("unit_grade", "as_configured")))


def _p6_row(rng: random.Random, number: int, _regime: p.Permen6Regime) -> p.Appraisal:
    """Any two given levels or none, by id or label; peers' ratings, which must be skipped."""
    ratings = []
    for subject in (OVERALL_WORK_RESULTS, OVERALL_BEHAVIOUR):
        for rater in ("r-sup", "r-peer"):
            if rng.random() < 0.8:
                level = rng.choice(LEVELS)
                given = rng.choice((level.value, level.label_id))
                ratings.append(p.Rating(rater, subject, "expectation", level=given))
    rng.shuffle(ratings)
    grade = rng.choice((None, *p.OrganisationGrade))
    return _appraisal(number, rng.choice(P6_POSITIONS), P6_PARTS, ratings, unit_grade=grade)


def _p6_expected(row: int, batch: Permen6Batch, s: Permen6Scores,
                 regime: p.Permen6Regime) -> tuple[dict[str, str], list[str]]:  # fmt: skip
    """One row's ratings keyed as the scalar's, and the paths of its gaps."""
    from_unit = regime.leader_rule == "unit_grade" and bool(batch.leads_unit[row])
    ratings, gaps = {}, []
    if from_unit and batch.unit_grade[row] != NONE:
        ratings["unit_grade"] = UNIT_GRADES[batch.unit_grade[row]].value
    for subject, code in (
        (OVERALL_WORK_RESULTS, s.work[row]),
        (OVERALL_BEHAVIOUR, s.behaviour[row]),
    ):
        if code != NONE:
            ratings[subject] = LEVELS[code].value
        elif subject == OVERALL_WORK_RESULTS and from_unit:
            gaps.append("$.unit_grade")
        else:
            gaps.append("$.ratings")
    return ratings, gaps


def _p6_compare(population: list[p.Appraisal], regime: p.Permen6Regime) -> list[str | None]:
    batch = Permen6Batch.from_appraisals(population)
    s = score_permen6(batch, regime)
    found = grades(s.grade)
    out: list[str | None] = []
    for row, appraisal in enumerate(population):
        ratings, gaps = _p6_expected(row, batch, s, regime)
        columns: tuple[object, ...] = (None, found[row], bool(s.grade[row] != NONE), {}, ratings)
        out.append(_verdict(regime.score(appraisal, trace=False), columns, gaps))
    return out


# -- The generic regime and the policy grid --------------------------------------------------

G_SCALES: Final = (p.NumericScale("nilai", 1, 5), p.NumericScale("nilai", 0, 100),
                   p.NumericScale("nilai", 0, 120))  # fmt: skip
G_ROLES: Final = ("supervisor", "second_level_supervisor", "peer", "subordinate", "public")


@attrs.frozen
class _Case:
    """A chunk's generic regime, the variant scored beside it, its ratings' scale and places."""

    regime: p.GenericRegime
    variant: p.GenericRegime
    scale: p.NumericScale
    places: int
    cap: Fraction | None


def _g_policy(
    rng: random.Random, scale: p.NumericScale, aggregation: p.Mean | p.Median
) -> p.WeightingPolicy:
    """Role weights (some 0), a missing-rater policy, minimum raters, maybe the self-assessment."""
    amounts: dict[p.RaterRole | str, int] = {role: rng.choice((0, 1, 2, 3, 5)) for role in G_ROLES}
    amounts["supervisor"] = max(amounts["supervisor"], int(not any(amounts.values())))
    count_self = rng.random() < 0.25
    if count_self:
        amounts["self"] = rng.randint(0, 2)
    middle = (scale.minimum + scale.maximum) / 2
    missing = rng.choice((p.Renormalise(), p.Require(), p.Zero(), p.Impute(middle)))
    roles = rng.sample(G_ROLES, rng.randint(0, 2))
    minimum: dict[p.RaterRole | str, int] = {role: rng.randint(0, 3) for role in roles}
    return p.WeightingPolicy.normalised(amounts, missing=missing, aggregation=aggregation,
                                        min_raters=minimum, count_self=count_self)  # fmt: skip


def _g_regime(rng: random.Random) -> _Case:
    scale, places = rng.choice(G_SCALES), rng.randint(0, 2)
    supervisor = rng.random() < 0.3
    aggregation = rng.choice((p.Mean(), p.Median()))  # shared by the two: the grid needs it
    cap = rng.choice((Fraction(120), None, Fraction(100)))
    kinds = rng.choice(((TargetKind.MAIN,), (TargetKind.MAIN, TargetKind.ADDITIONAL)))
    components = (Component("work", WorkAchievement(kinds=kinds, cap=cap)),
                  Component("behaviour", RatedSubjects()))  # fmt: skip

    def regime() -> p.GenericRegime:
        share = Fraction(rng.randint(0, 20), 20)
        aggregator = SupervisorRating() if supervisor else _g_policy(rng, scale, aggregation)
        rounding = p.Rounding(rng.randint(0, 3), rng.choice(("half_up", "half_even", "down")))
        weights = p.Weights({"work": 1 - share, "behaviour": share})
        return p.GenericRegime(components, weights, aggregator=aggregator, rounding=rounding)

    return _Case(regime(), regime(), scale, places, cap)


def _g_settle(rng: random.Random, case: _Case, draw: Callable[[int], p.Appraisal],
              chunk: range) -> _Case:  # fmt: skip
    """Put each regime's band cuts on the exact scores of some rows of the chunk."""
    bands = []
    for regime in (case.regime, case.variant):
        results = (
            regime.score(draw(i), trace=False) for i in rng.sample(chunk, rng.choice((4, 60)))
        )
        cuts = sorted({result.score for result in results if result.score is not None})
        if len(cuts) < 2 or rng.random() < 0.2:
            bands.append(regime.bands)
            continue
        labels: tuple[Any, ...] = tuple(f"band-{i}" for i in range(len(cuts) + 1))
        if len(cuts) < len(GRADES):  # Grade labels give grades; text labels give none
            labels = GRADES[: len(cuts) + 1]
        closed: Literal["upper", "lower"] = rng.choice(("upper", "lower"))
        bands.append(
            BandTable(id="on-scores", clause="check", labels=labels, cuts=cuts, closed=closed)
        )
    return attrs.evolve(case, regime=attrs.evolve(case.regime, bands=bands[0]),
                        variant=attrs.evolve(case.variant, bands=bands[1]))  # fmt: skip


def _g_indicator(rng: random.Random, name: str) -> p.Indicator:
    """Achievement met, at the cap, nothing, or any: point or range, either direction."""
    lower = rng.random() < 0.3
    percent = rng.choice((*_fractions("100 120 0"), Fraction(rng.randint(0, 1500), 10)))
    base = Fraction(rng.randint(1, 2000), 10)
    target: p.PointTarget | p.RangeTarget = p.PointTarget(_dec(base))
    if rng.random() < 0.3:
        target = p.RangeTarget(_dec(base), _dec(base + rng.randint(1, 20)))
        base = Fraction(rng.choice((target.low, target.high)))
    realised = max(base * (2 - percent / 100 if lower else percent / 100), Fraction(0))
    return p.Indicator(name, f"Indikator {name}", "quantity", target,
                       "lower_is_better" if lower else "higher_is_better",
                       realisation=p.Realisation(_dec(realised)))  # fmt: skip


def _g_half(rng: random.Random, case: _Case) -> tuple[Fraction, Fraction] | None:
    """A realisation (target 100) and one score for every aspect giving a score on a half."""
    regime, cap = case.regime, case.cap
    work_weight, other = regime.weights["work"], regime.weights["behaviour"]
    if rng.random() >= 0.3 or regime.rounding is None:
        return None
    work, behaviour = Fraction(rng.randint(0, 12000), 100), Fraction(rng.randint(0, 10000), 100)
    unit = 10**regime.rounding.places
    counted = work if cap is None else min(work, cap)
    half = (int((work_weight * counted + other * behaviour) * unit) + Fraction(1, 2)) / unit
    solved = (half - work_weight * counted) / other if other else Fraction(-1)
    if 0 <= solved <= 100 and (solved * 10**6).denominator == 1:
        behaviour = solved
    else:  # solve for the work instead, which must stay under the cap
        work = (half - other * behaviour) / work_weight if work_weight else Fraction(-1)
        if not 0 <= work <= (cap or work) or (work * 10**6).denominator != 1:
            return None
    low, high = Fraction(case.scale.minimum), Fraction(case.scale.maximum)
    score = low + behaviour * (high - low) / 100
    return (work, score) if (score * 10**6).denominator == 1 else None


def _g_row(rng: random.Random, number: int, case: _Case) -> p.Appraisal:
    kind = rng.choice(tuple(p.PositionKind))
    framework = rng.choice((p.PP30_2019_BEHAVIOUR, p.BERAKHLAK))
    aspects = [aspect.id for aspect in framework.aspects_for(kind)]
    low, high, unit = case.scale.minimum, case.scale.maximum, 10**case.places
    half = _g_half(rng, case)
    if half is not None:  # the supervisor alone, one indicator: the score on a half-point
        work, score = half
        item = p.Indicator("w-0", "Indikator", "quantity", p.PointTarget(100),
                           realisation=p.Realisation(_dec(work)))  # fmt: skip
        targets = [p.WorkTarget("rk-0", "Rencana", [item])]
        raters = [p.Rater("r-0", "supervisor", "e-2")]
        ratings = [p.Rating("r-0", aspect, "nilai", score=_dec(score)) for aspect in aspects]
    else:
        items = [_g_indicator(rng, f"w-{i}") for i in range(rng.randint(1, 4))]
        targets = [p.WorkTarget("rk-0", "Rencana", items)]
        if rng.random() < 0.5:
            items = [_g_indicator(rng, f"x-{i}") for i in range(rng.randint(1, 2))]
            targets.append(p.WorkTarget("rk-1", "Tambahan", items, "additional"))
        counts = {"supervisor": int(rng.random() < 0.9), "peer": rng.randint(0, 3),
                  "second_level_supervisor": int(rng.random() < 0.2),
                  "subordinate": rng.randint(0, 2), "public": rng.randint(0, 2),
                  "self": int(rng.random() < 0.3)}  # fmt: skip
        raters = [p.Rater(f"r-{role}-{i}", role, "e-1" if role == "self" else f"e-{role}-{i}")
                  for role, count in counts.items() for i in range(count)]  # fmt: skip
        edges = (low, high, (low + high) / 2)
        ratings = [
            p.Rating(rater.id, aspect, "nilai", score=rng.choice(edges) if rng.random() < 0.3
                     else Decimal(rng.randint(int(low * unit), int(high * unit))) / unit)
            for rater in raters for aspect in aspects if rng.random() < 0.97
        ]  # fmt: skip  # missing raters and unrated subjects
    position = p.Position("Jabatan", kind)
    return _appraisal(number, position, (framework, targets, raters, case.scale,
                                         p.Period.year(2024)), ratings)  # fmt: skip


def _g_compare(population: list[p.Appraisal], case: _Case) -> list[str | None]:
    """`score_generic` under the regime, `score_policies` under it and its variant."""
    batch = GenericBatch.from_appraisals(population)
    single = score_generic(batch, case.regime, chunk=97)
    grid = score_policies(batch, {"regime": case.regime, "variant": case.variant}, chunk=89)
    same = (
        (single.score == grid.score[0]) & (single.band == grid.band[0])
        & (single.grade == grid.grade[0]) & (single.complete == grid.complete[0])
    )  # fmt: skip
    out: list[str | None] = []
    for row, appraisal in enumerate(population):
        found = [None if same[row] else "score_generic and score_policies differ"]
        for index, regime in enumerate((case.regime, case.variant)):
            result = regime.score(appraisal, trace=False)
            labels, band = grid.labels[index], int(grid.band[index, row])
            code = int(grid.grade[index, row])
            banded = None if result.score is None else regime.bands.classify(result.score)
            scalar = (result.score, banded, result.grade, result.is_complete)
            batch_row = (_number(grid.score[index, row], grid.places[index]),
                         None if band < 0 else labels[band], None if code < 0 else GRADES[code],
                         bool(grid.complete[index, row]))  # fmt: skip
            found.append(
                _differ(f"policy {index}: score, band, grade, complete", scalar, batch_row)
            )
        result = case.regime.score(appraisal, trace=False)
        components = {f"component[{name}]": _number(single.component[row, c], 6)
                      for c, name in enumerate(single.components)
                      if single.component[row, c] != MISSING}  # fmt: skip
        written = {key: FIGURE_ROUNDING.apply(result.figures[key])
                   for key in (f"component[{name}]" for name in single.components)
                   if key in result.figures}  # fmt: skip
        found.append(_differ("figures", written, components))
        out.append(_first(*found))
    return out


# -- Running ---------------------------------------------------------------------------------


@attrs.frozen
class Engine(Generic[R]):
    """How one engine's chunks are drawn and compared."""

    regime: Callable[[random.Random], R]
    row: Callable[[random.Random, int, R], p.Appraisal]
    compare: Callable[[list[p.Appraisal], R], list[str | None]]
    settle: Callable[[random.Random, R, Callable[[int], p.Appraisal], range], R] | None = None


ENGINES: Final[dict[str, Engine[Any]]] = {
    "pp46": Engine(_p46_regime, _p46_row, _p46_compare),
    "pp30": Engine(_p30_regime, _p30_row, _p30_compare),
    "permen6": Engine(_p6_regime, _p6_row, _p6_compare),
    "generic": Engine(_g_regime, _g_row, _g_compare, _g_settle),
}


@attrs.frozen
class Outcome:
    """What one engine's run found."""

    engine: str
    rows: int
    differing: int
    examples: tuple[str, ...]
    seconds: float
    kinds: dict[str, tuple[int, int]]
    """Rows compared and rows differing, by the post's `penilaian.PositionKind` id."""


def _chunk(
    spec: Engine[R], name: str, seed: int, first: int, rows: range
) -> list[tuple[int, p.Appraisal, str | None]]:
    """Draw the chunk starting at row *first* and compare its *rows*."""
    chunk = _rng(f"{seed}:{name}:chunk:{first // CHUNK}")
    drawn = spec.regime(chunk)

    def draw(index: int) -> p.Appraisal:
        return spec.row(_rng(f"{seed}:{name}:{index}"), index, drawn)

    regime = (
        drawn
        if spec.settle is None
        else spec.settle(chunk, drawn, draw, range(first, first + CHUNK))
    )
    population = [draw(index) for index in rows]
    try:
        found = spec.compare(population, regime)
    except p.PenilaianError as error:  # a refusal on either side is a difference
        found = [f"refused: {type(error).__name__}: {error}"] * len(population)
    return list(zip(rows, population, found, strict=True))


def check(engine: str, rows: int, seed: int, start: int = 0) -> Outcome:
    """Compare rows *start* to *start* + *rows* of *engine* for *seed*."""
    began = time.perf_counter()
    compared: Counter[str] = Counter()
    differing: Counter[str] = Counter()
    examples: list[str] = []
    for first in range(start - start % CHUNK, start + rows, CHUNK):
        indices = range(max(first, start), min(first + CHUNK, start + rows))
        for index, appraisal, what in _chunk(ENGINES[engine], engine, seed, first, indices):
            kind = appraisal.position.kind.value
            compared[kind] += 1
            if what is None:
                continue
            differing[kind] += 1
            if len(examples) < SHOWN:
                replay = f"--engine {engine} --seed {seed} --start {index} --rows 1"
                examples.append(f"row {index} ({kind}): {what} [replay: {replay}]")
    kinds = {kind: (compared[kind], differing[kind]) for kind in sorted(compared)}
    seconds = time.perf_counter() - began
    return Outcome(engine, rows, sum(differing.values()), tuple(examples), seconds, kinds)


def _report(outcome: Outcome) -> Iterable[str]:
    pace = outcome.seconds / max(outcome.rows, 1) * 1000
    yield (f"{outcome.engine:8} {outcome.rows:>9,} rows compared, {outcome.differing:,} differ, "
           f"{outcome.seconds:.1f} s ({pace:.2f} ms a row)")  # fmt: skip
    if outcome.differing:
        kinds = [f"{kind} {bad:,} of {seen:,}" for kind, (seen, bad) in outcome.kinds.items()]
        yield "  differing rows by position kind: " + ", ".join(kinds)
        yield from (f"  {example}" for example in outcome.examples)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the comparison the command line asks for; return 1 on any difference."""
    parser = argparse.ArgumentParser(description="Batch engines equal the scalar regimes.")
    parser.add_argument("--rows", type=int, default=ROWS, help="rows in all (%(default)s)")
    parser.add_argument("--seed", type=int, default=0, help="the seed (%(default)s)")
    parser.add_argument("--start", type=int, default=0, help="the first row of each engine")
    parser.add_argument("--engine", choices=(*ENGINES, "all"), default="all")
    args = parser.parse_args(argv)
    if args.rows < 0 or args.start < 0:
        parser.error("--rows and --start must not be negative")
    names = list(ENGINES) if args.engine == "all" else [args.engine]
    share, extra = divmod(args.rows, len(names))
    outcomes = []
    for number, name in enumerate(names):
        outcomes.append(check(name, share + (number < extra), args.seed, args.start))
        for line in _report(outcomes[-1]):
            print(line, flush=True)
    rows, bad = sum(o.rows for o in outcomes), sum(o.differing for o in outcomes)
    seconds = sum(o.seconds for o in outcomes)
    print(f"{'all':8} {rows:>9,} rows compared, {bad:,} differ, {seconds:.1f} s, seed {args.seed}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
