"""
The category route of one PP 30/2019 scoring: IKI points, rencana values, additional work.

Private to `penilaian.regimes.pp30_2019`: `Pp30Run` calls these for an appraisal on
the category route (pejabat administrasi and fungsional, PermenPANRB 8/2021 Bab VI.A.2).
Each number comes from a public rule of `penilaian.regimes.pp30_2019.rules`.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Protocol

from penilaian._base.trace import Step
from penilaian.regimes.pp30_2019 import rules
from penilaian.regimes.pp30_2019.category_route import (
    _ADDITIONAL_RULE,
    _IKI_POINTS_RULE,
    _RENCANA_RULE,
    _ROUTE_RULES,
)

if TYPE_CHECKING:
    from penilaian.model.appraisal import Appraisal
    from penilaian.model.grades import Grade
    from penilaian.model.targets import WorkTarget
    from penilaian.regimes.pp30_2019.category_route import CategoryPoints, RencanaBands

__all__ = ["Tables", "additional_points", "iki_points", "rencana", "route_step"]


class Tables(Protocol):
    """What the category route reads of its regime: fields of `Pp30Regime` (see there)."""

    @property
    def route(self) -> str: ...
    @property
    def iki_points(self) -> CategoryPoints: ...
    @property
    def rencana_bands(self) -> RencanaBands: ...
    @property
    def category_additional_points(self) -> CategoryPoints | None: ...


class Pp30Run(Protocol):
    """What the category route reads and writes of `_run.Pp30Run` (no import: no cycle)."""

    appraisal: Appraisal
    trace: bool
    figures: dict[str, Decimal]
    ratings: dict[str, str]
    route: str
    categories: dict[str, Grade]

    @property
    def regime(self) -> Tables: ...
    def rounded(self, key: str, value: Fraction) -> Decimal: ...


def route_step(run: Pp30Run) -> Step:
    """The step naming the run's route, how it was chosen, the post's kind (and mandiri)."""
    position = run.appraisal.position
    inputs: dict[str, object] = {
        "chosen": "automatic" if run.regime.route == "auto" else "override",
        "position_kind": position.kind,
    }
    if position.leads_independent_unit:  # named only when it is one: the reason for its route
        inputs["leads_independent_unit"] = True
    return Step.from_mapping(_ROUTE_RULES[run.route], run.route, inputs)


def iki_points(
    run: Pp30Run, name: str, category: Grade, step: Step | None
) -> tuple[Decimal, Step | None]:
    """Return an IKI's category points, recorded as its figure, and its step over *step*."""
    points = rules.category_points(category, run.regime.iki_points)
    run.figures[f"indicator[{name}].points"] = points
    if step is None:
        return points, None
    step = Step.of(
        _IKI_POINTS_RULE, points, subject=name, children=(step,),
        category=category, table=run.regime.iki_points.id,
    )  # fmt: skip
    return points, step


def rencana(
    run: Pp30Run, target: WorkTarget, points: list[Decimal], children: list[Step]
) -> tuple[Decimal, Step | None]:
    """Return a work target's nilai from its IKI points (and its step when tracing)."""
    band = rules.rencana_band(points, run.regime.rencana_bands)
    total = sum(points, Decimal(0))
    run.figures[f"target[{target.id}].iki_points"] = total
    run.ratings[f"target[{target.id}].category"] = band.category.value
    run.categories[target.id] = band.category
    result = run.rounded(f"target[{target.id}].value", band.value)
    if not run.trace:
        return result, None
    step = Step.of(
        _RENCANA_RULE, band.value, subject=target.id, children=children,
        points=total, indicators=len(points), category=band.category,
        cut_off_per_iki=band.per_iki, inclusive=band.inclusive,
        table=run.regime.rencana_bands.id,
    )  # fmt: skip
    return result, step


def additional_points(
    run: Pp30Run, names: list[str], children: list[Step]
) -> tuple[Fraction, tuple[Step, ...]] | None:
    """Return what additional work adds by category and its step, or `None` to add nothing."""
    table = run.regime.category_additional_points
    if table is None:
        return None
    points = {name: table.of(run.categories[name]) for name in names}
    for name, value in points.items():
        run.figures[f"target[{name}].points"] = value
    total = rules.additional_category_points((run.categories[name] for name in names), table)
    run.figures["additional"] = total
    if not run.trace:
        return Fraction(total), ()
    inputs = {"table": table.id, **{f"points[{name}]": value for name, value in points.items()}}
    step = Step.from_mapping(_ADDITIONAL_RULE, total, inputs, children=children)
    return Fraction(total), (step,)
