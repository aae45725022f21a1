"""
Configure a scheme that is not Indonesian on the generic regime: objectives and competencies.

A company appraises against key results (60 %) and two competencies rated 1-5 by
the manager (40 %), with its own four bands.  Nothing here is tied to the ASN rules:
the same exact arithmetic, missing-value discipline and trace apply.

Run: python examples/generic_scheme.py
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import penilaian as p
from penilaian.model import BandTable
from penilaian.regimes.generic import Component, RatedSubjects, WorkAchievement

COMPETENCIES = p.BehaviourFramework(
    id="acme",
    name="Acme competencies",
    source="Acme people handbook, 2025",
    aspects=[
        p.BehaviourAspect("delivery", "Delivery", "Delivery"),
        p.BehaviourAspect("teamwork", "Teamwork", "Teamwork"),
    ],
)

SCHEME = p.GenericRegime(
    components=[
        Component("objectives", WorkAchievement(cap=Fraction(130))),
        Component("competencies", RatedSubjects(("delivery", "teamwork"))),
    ],
    weights=p.Weights({"objectives": "3/5", "competencies": "2/5"}),
    bands=BandTable(
        id="acme.bands",
        clause="Acme people handbook, 2025, section 4",
        labels=["does not meet", "partially meets", "meets", "exceeds"],
        cuts=[Decimal(60), Decimal(80), Decimal(105)],
        closed="lower",
    ),
    regime_id="acme_okr",
)


def key_result(index: int, target: int, done: int) -> p.Indicator:
    """A key result measured against a point target."""
    return p.Indicator(
        f"kr{index}", f"Key result {index}", p.Aspect.QUANTITY, p.PointTarget(target),
        realisation=p.Realisation(done),
    )  # fmt: skip


def main() -> None:
    """Score one engineer and print the result and how it came about."""
    appraisal = p.Appraisal(
        id="acme-2025-ana",
        employee=p.Employee("ana", "Ana Lopez"),
        position=p.Position("Software engineer", p.PositionKind.EXECUTOR),
        period=p.Period.year(2025),
        framework=COMPETENCIES,
        targets=[p.WorkTarget("o1", "Ship version 2", [key_result(1, 10, 9), key_result(2, 4, 4)])],
        raters=[p.Rater("manager", p.RaterRole.SUPERVISOR, "lee")],
        scales=[p.NumericScale("five", 1, 5, step=1)],
        ratings=[
            p.Rating("manager", "delivery", "five", score=4),
            p.Rating("manager", "teamwork", "five", score=3),
        ],
    )
    result = SCHEME.score(appraisal)
    print(f"{appraisal.employee.name}: {result.score} -> {result.ratings['band']}")
    print(p.render_trace(result.trace, "en"))


if __name__ == "__main__":
    main()
