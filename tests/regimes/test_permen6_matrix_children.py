"""PermenPANRB 6/2022: the matrix step keeps only the rating steps there are."""

from __future__ import annotations

import penilaian as p
from penilaian.model.raters import OVERALL_BEHAVIOUR, OVERALL_WORK_RESULTS
from penilaian.regimes.permen6_2022 import (
    Permen6Regime,
    RatingOutcome,
)

SUPERVISOR = p.Rater("r-sup", "supervisor", "e-budi")
STAFF = p.Position("Analis Ahli Pertama", "expert_first", unit_id="u-keu")
TARGET = p.WorkTarget(
    "t1",
    "Laporan",
    [p.Indicator("i1", "Laporan", "quantity", p.PointTarget(12), realisation=p.Realisation(12))],
)


def appraisal(**levels):
    """An appraisal of one target with the overall ratings given in *levels* (work, behaviour)."""
    subjects = {"work": OVERALL_WORK_RESULTS, "behaviour": OVERALL_BEHAVIOUR}
    return p.Appraisal(
        "skp-2024",
        p.Employee("e-ani", "Ani"),
        STAFF,
        p.Period.year(2024),
        p.BERAKHLAK,
        [TARGET],
        raters=[SUPERVISOR],
        scales=[p.EXPECTATION_SCALE],
        ratings=[
            p.Rating("r-sup", subjects[name], "expectation", level=level)
            for name, level in levels.items()
        ],
    )


def given_work(appraisal, *, trace=True):
    """A custom work-results rule that finds 'meets' and returns no step, even when tracing."""
    del appraisal, trace
    return RatingOutcome(p.ExpectationLevel.MEETS)


def test_a_rule_without_a_step():
    """A rule returning no step: the matrix step holds the other rating's step only."""
    result = Permen6Regime(work_rating=given_work).score(appraisal(behaviour="above"))
    assert result.grade is p.Grade.GOOD
    root = result.trace
    assert [(child.rule.id, child.subject) for child in root.children] == [
        ("permen6.given_rating", OVERALL_BEHAVIOUR),
    ]
    assert all(isinstance(step, p.Step) for step in root.walk())
