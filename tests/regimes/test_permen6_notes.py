"""PermenPANRB 6/2022: the notes on indicators without a realisation, listed whole."""

from __future__ import annotations

import penilaian as p
from penilaian.model.raters import OVERALL_BEHAVIOUR, OVERALL_WORK_RESULTS
from penilaian.regimes.permen6_2022 import Permen6Regime
from penilaian.scoring.result import Note

SUPERVISOR = p.Rater("r-sup", "supervisor", "e-budi")
STAFF = p.Position("Analis Ahli Pertama", "expert_first", unit_id="u-keu")


def indicator(indicator_id, realised):
    """A quantity indicator with a point target of 12, realised or not."""
    realisation = None if realised is None else p.Realisation(realised)
    return p.Indicator(indicator_id, "Laporan", "quantity", p.PointTarget(12),
                       realisation=realisation)  # fmt: skip


def appraisal(targets):
    """A PermenPANRB 6/2022 appraisal of *targets*, both ratings 'meets'."""
    return p.Appraisal(
        "skp-2024",
        p.Employee("e-ani", "Ani"),
        STAFF,
        p.Period.year(2024),
        p.BERAKHLAK,
        targets,
        raters=[SUPERVISOR],
        scales=[p.EXPECTATION_SCALE],
        ratings=[
            p.Rating("r-sup", subject, "expectation", level="meets")
            for subject in (OVERALL_WORK_RESULTS, OVERALL_BEHAVIOUR)
        ],
    )


def note(target, index, indicator_id):
    """The note expected on one unrealised indicator."""
    return Note(
        f"$.targets[{target}].indicators[{index}].realisation",
        "no_realisation",
        f"IKI {indicator_id} belum ada realisasinya; predikat ditentukan oleh rating pejabat "
        "penilai (PermenPANRB 6/2022 Pasal 5)",
        f"indicator {indicator_id} has no realisation; the supervisor's rating decides the "
        "grade (PermenPANRB 6/2022 Pasal 5)",
    )


def test_every_unrealised_indicator_is_noted():
    """Unrealised indicators in several targets, between realised ones: each noted, in order."""
    targets = [
        p.WorkTarget("t1", "Laporan", [indicator("a", 12), indicator("b", None),
                                        indicator("c", 10), indicator("d", None)]),
        p.WorkTarget("t2", "Rapat", [indicator("e", None), indicator("f", 12)]),
        p.WorkTarget("t3", "Kajian", [indicator("g", None)]),
    ]  # fmt: skip
    result = Permen6Regime().score(appraisal(targets))
    assert result.grade is p.Grade.GOOD
    assert result.gaps == ()
    expected = [note(0, 1, "b"), note(0, 3, "d"), note(1, 0, "e"), note(2, 0, "g")]
    assert list(result.notes) == expected
    assert result.notes[0].text("en").startswith("indicator b has no realisation")


def test_realised_indicators_give_no_note():
    """Every indicator realised: no note."""
    targets = [p.WorkTarget("t1", "Laporan", [indicator("a", 12), indicator("b", 0)])]
    assert Permen6Regime().score(appraisal(targets)).notes == ()
