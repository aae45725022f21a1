"""
Hypothesis strategies for the batch engines: populations with every band edge and branch.

Kept apart from `tests/strategies.py`, which holds the scalar model's strategies.
"""

from __future__ import annotations

import itertools
from decimal import Decimal
from fractions import Fraction

from hypothesis import strategies as st

import penilaian as p
from penilaian.model import OVERALL_BEHAVIOUR, OVERALL_WORK_RESULTS, TargetKind
from penilaian.regimes.pp30_2019 import (
    IKI_CATEGORIES,
    PERMEN8_2021_IKI_POINTS,
    PERMEN8_2021_RENCANA_BANDS,
    CategoryPoints,
    RencanaBands,
)

PERMEN6_POSITIONS = (
    p.Position("Analis Keuangan Ahli Pertama", "Ahli Pertama", unit_id="u-keu"),
    p.Position("Kepala Bidang Keuangan", "administrator", unit_id="u-keu", leads_unit=True),
)
SUPERVISOR = p.Rater("r-sup", "pejabat penilai", "e-atasan")
PEER = p.Rater("r-peer", "rekan kerja", "e-rekan")
REPORTS = p.WorkTarget(
    "t1",
    "Tersusunnya laporan",
    [p.Indicator("i1", "Laporan", "kuantitas", p.PointTarget(12), realisation=p.Realisation(12))],
)


def _levels() -> st.SearchStrategy[p.ExpectationLevel | None]:
    return st.none() | st.sampled_from(p.ExpectationLevel)


@st.composite
def permen6_appraisals(draw: st.DrawFn, number: int = 0) -> p.Appraisal:
    """A PermenPANRB 6/2022 appraisal: any given ratings (or none), leaders, unit grades."""
    position = draw(st.sampled_from(PERMEN6_POSITIONS))
    ratings = []
    for subject in (OVERALL_WORK_RESULTS, OVERALL_BEHAVIOUR):
        level = draw(_levels())
        if level is not None:
            ratings.append(p.Rating("r-sup", subject, "expectation", level=level.value))
        peer_level = draw(_levels())  # the rule must skip what peers say
        if peer_level is not None:
            ratings.append(p.Rating("r-peer", subject, "expectation", level=peer_level.label_id))
    ratings = draw(st.permutations(ratings))
    return p.Appraisal(
        f"skp-{number}",
        p.Employee("e-1", "Budi Santoso"),
        position,
        p.Period.year(2023),
        p.BERAKHLAK,
        [REPORTS],
        raters=[SUPERVISOR, PEER],
        scales=[p.EXPECTATION_SCALE],
        ratings=ratings,
        unit_grade=draw(st.none() | st.sampled_from(p.OrganisationGrade)),
    )


@st.composite
def permen6_populations(draw: st.DrawFn, max_size: int = 12) -> list[p.Appraisal]:
    """Between one and *max_size* PermenPANRB 6/2022 appraisals."""
    size = draw(st.integers(1, max_size))
    return [draw(permen6_appraisals(number)) for number in range(size)]


PP30_SCALE = p.NumericScale("nilai", 0, 120)
PP30_KINDS = (
    p.PositionKind.JPT_PRATAMA, p.PositionKind.JPT_MADYA, p.PositionKind.SUPERVISOR,
    p.PositionKind.EXECUTOR, p.PositionKind.EXPERT_FIRST,
)  # fmt: skip
"""JPT posts (the interpolation table) and administrasi and fungsional (the category route)."""

EDGE_CAPAIAN = tuple(
    Fraction(value)
    for value in (
        "-10", "-0.5", "-0.49", "0", "0.5", "58.5", "59", "59.49", "59.5", "60", "79.49",
        "79.5", "80", "99.49", "99.5", "100", "100.49", "100.5", "101", "109.49", "109.5",
        "110", "110.5", "150",
    )
)  # fmt: skip
"""Capaian IKI at every cut of the conversion table and every whole-percent rounding edge."""


CATEGORY_CAPAIAN = {
    p.Grade.VERY_GOOD: tuple(map(Fraction, ("100.5", "101", "109.5", "110", "150"))),
    p.Grade.GOOD: tuple(map(Fraction, ("99.5", "100", "100.49"))),
    p.Grade.FAIR: tuple(map(Fraction, ("79.5", "80", "90", "99.49"))),
    p.Grade.POOR: tuple(map(Fraction, ("59.5", "60", "79.49"))),
    p.Grade.VERY_POOR: tuple(map(Fraction, ("0", "30", "59.49"))),
}
"""Capaian IKI of each category, at its whole-percent edges (higher is better)."""


def _near_cut_offs(
    points: CategoryPoints = PERMEN8_2021_IKI_POINTS,
    bands: RencanaBands = PERMEN8_2021_RENCANA_BANDS,
    most: int = 3,
) -> tuple[tuple[p.Grade, ...], ...]:
    """Every multiset of 1 to *most* IKI categories whose points sum within 1 of a cut-off."""
    found = []
    for count in range(1, most + 1):
        for combo in itertools.combinations_with_replacement(IKI_CATEGORIES, count):
            total = sum(Fraction(points.of(grade)) for grade in combo)
            cuts = [band.per_iki * count for band in bands.bands if band.per_iki is not None]
            if any(abs(total - cut) <= 1 for cut in cuts):
                found.append(combo)
    return tuple(found)


NEAR_CUT_OFFS = _near_cut_offs()
"""
IKI categories of a rencana whose points sum at a category cut-off or 1 either side of it.

For three IKIs: 16 + 13 + 13 = 42 (Baik, not Sangat Baik), 13 + 13 + 8 = 34 (Baik),
8 + 8 + 3 = 19 (Cukup), 3 + 3 + 1 = 7 (Kurang), and their neighbours.
"""


def capaians() -> st.SearchStrategy[Fraction]:
    """A capaian in percent: a table or rounding edge, a half, or any value with 2 places."""
    return (
        st.sampled_from(EDGE_CAPAIAN)
        | st.integers(-20, 300).map(lambda half: Fraction(half, 2))
        | st.integers(-1000, 16000).map(lambda hundredth: Fraction(hundredth, 100))
    )


@st.composite
def pp30_indicators(draw: st.DrawFn, name: str, category: p.Grade | None = None) -> p.Indicator:
    """
    An indicator whose realisation gives a drawn capaian: point or range, either direction.

    With *category*, the capaian is one of that category's edges and the target is
    never at its maximum nor met inside a range, so the IKI keeps that category.
    """
    lower = draw(st.booleans())
    capaian = draw(capaians() if category is None else st.sampled_from(CATEGORY_CAPAIAN[category]))
    if not lower:
        capaian = abs(capaian)
    base = draw(st.integers(1, 400))
    ratio = 2 - capaian / 100 if lower else capaian / 100
    if draw(st.booleans()):
        target: p.PointTarget | p.RangeTarget = p.PointTarget(base)
        realised = base * ratio
    else:
        width = draw(st.integers(1, 50))
        target = p.RangeTarget(base, base + width)
        where = draw(st.sampled_from(("low", "high", "inside")))
        if category is not None and ratio != 1:  # outside the range, on the capaian's side
            where = "high" if ratio > 1 else "low"
        bound = base if where == "low" else base + width
        realised = bound * ratio if where != "inside" else Fraction(base) + Fraction(width, 2)
    realised = max(realised, Fraction(0))
    return p.Indicator(
        name,
        f"Indikator {name}",
        p.Aspect.TIME if lower else p.Aspect.QUANTITY,
        target,
        p.Direction.LOWER_IS_BETTER if lower else p.Direction.HIGHER_IS_BETTER,
        realisation=p.Realisation(Decimal(realised.numerator) / Decimal(realised.denominator)),
        target_is_maximum=category is None and draw(st.integers(0, 3)) == 0,
    )


def behaviour_scores() -> st.SearchStrategy[Decimal]:
    """A supervisor's score from 0 to 120 with up to 2 places, edges included."""
    return st.sampled_from([Decimal(v) for v in ("0", "49.99", "50", "69.995", "70", "89.99",
                                                 "90", "109.99", "110", "120")]) | st.integers(
        0, 12000
    ).map(lambda hundredth: Decimal(hundredth) / 100)  # fmt: skip


@st.composite
def pp30_appraisals(draw: st.DrawFn, number: int = 0) -> p.Appraisal:
    """
    A PP 30/2019 appraisal: 1-3 work targets of 1-3 indicators, gaps and peers sometimes.

    Posts are JPT (the interpolation table) or not (the category route).  Capaian
    sit at the conversion table's edges, or (half the work targets) give IKI
    categories whose points sum at a category cut-off or 1 either side of it;
    behaviour scores sit at the predikat cuts.
    """
    kind = draw(st.sampled_from(PP30_KINDS))
    targets = []
    count = draw(st.integers(1, 3))
    for t_index in range(count):
        names = (f"iki-{t_index}-{i}" for i in range(3))
        if draw(st.booleans()):
            combo = draw(st.permutations(draw(st.sampled_from(NEAR_CUT_OFFS))))
            indicators = [draw(pp30_indicators(n, g)) for n, g in zip(names, combo, strict=False)]
        else:
            size = draw(st.integers(1, 3))
            indicators = [draw(pp30_indicators(next(names))) for _ in range(size)]
        kind_of = TargetKind.MAIN if t_index == 0 or draw(st.booleans()) else "additional"
        targets.append(p.WorkTarget(f"rk-{t_index}", f"Rencana {t_index}", indicators, kind_of))
    raters = [p.Rater("atasan", p.RaterRole.SUPERVISOR, "e-atasan")]
    ratings = []
    for aspect in p.PP30_2019_BEHAVIOUR.aspects_for(kind):
        if draw(st.integers(0, 19)) == 0:  # a gap now and then: an incomplete result
            continue
        ratings.append(p.Rating("atasan", aspect.id, PP30_SCALE.id, score=draw(behaviour_scores())))
    if draw(st.booleans()):
        role = draw(st.sampled_from((p.RaterRole.PEER, p.RaterRole.SUBORDINATE, "self")))
        raters.append(p.Rater("lain", role, "e-1" if role == "self" else "e-lain"))
        ratings.append(p.Rating("lain", "commitment", PP30_SCALE.id, score=100))
    scope = draw(st.sampled_from((None, *p.InnovationScope)))
    innovations = () if scope is None else (p.Innovation("Aplikasi", scope),)
    return p.Appraisal(
        f"skp-{number}",
        p.Employee("e-1", "Budi Santoso"),
        draw(_pp30_positions(kind)),
        p.Period.semester(2021, 2),
        p.PP30_2019_BEHAVIOUR,
        targets,
        raters=raters,
        scales=[PP30_SCALE],
        ratings=ratings,
        innovations=innovations,
    )


def _pp30_positions(kind: p.PositionKind) -> st.SearchStrategy[p.Position]:
    """A post of *kind*, now and then the leader of a unit kerja mandiri (the table's route)."""
    mandiri = p.Position(
        "Kepala UPT", kind, unit_id="upt", leads_unit=True, leads_independent_unit=True
    )
    return st.sampled_from((p.Position("Jabatan", kind), mandiri))


@st.composite
def pp30_populations(draw: st.DrawFn, max_size: int = 8) -> list[p.Appraisal]:
    """Between one and *max_size* PP 30/2019 appraisals."""
    size = draw(st.integers(1, max_size))
    return [draw(pp30_appraisals(number)) for number in range(size)]
