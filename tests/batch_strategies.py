"""
Hypothesis strategies for the batch engines: populations with every band edge and branch.

Kept beside `tests/strategies.py` (which another change owns) until they are merged.
"""

from __future__ import annotations

from hypothesis import strategies as st

import penilaian as p

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
    for subject in (p.OVERALL_WORK_RESULTS, p.OVERALL_BEHAVIOUR):
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


__all__ = ["permen6_appraisals", "permen6_populations"]
