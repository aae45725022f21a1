"""
Seeded synthetic workforces: an organisation tree, unit grades and one valid appraisal each.

`generate` turns a `WorkforceSpec` and a seed into a `Workforce` of the library's
own values: an `penilaian.OrgUnit` tree, each unit's `penilaian.OrganisationGrade`
and one `penilaian.Appraisal` per employee, built through their constructors, so
every one is valid and scores completely under the spec's regime.  Equal specs and
seeds give equal workforces; only the standard library's `random.Random` is used.

Randomness comes in independent streams (structure, unit grades, rater panels,
biased raters, performance), each a `random.Random` seeded from the seed and the
stream's name, so injecting a bias changes which raters are biased and their
ratings, and nothing else.  Unit grades are drawn independently with the spec's
weights (`penilaian.simulation.DEFAULT_UNIT_GRADE_WEIGHTS`); how ratings follow
achievement is described in `penilaian.simulation._ratings`.
"""

from __future__ import annotations

import functools
import math
import random
import types
from collections import defaultdict
from collections.abc import Mapping
from fractions import Fraction
from typing import TYPE_CHECKING, Final

import attrs

from penilaian.analysis.curve.unit import UnitAppraisals
from penilaian.exceptions import InvalidValueError, UnknownReferenceError
from penilaian.model.appraisal import Appraisal
from penilaian.model.behaviour import BERAKHLAK, PP30_2019_BEHAVIOUR
from penilaian.model.grades import OrganisationGrade
from penilaian.model.organisation import OrgUnit, Position
from penilaian.model.people import Employee
from penilaian.model.raters import EXPECTATION_SCALE, Rater, RaterRole, Rating
from penilaian.simulation._people import Person, make_people
from penilaian.simulation._ratings import (
    NO_EFFECT,
    PERMEN6_SHAPE,
    PP30_SHAPE,
    Effect,
    RatingMaker,
    behaviour_level,
    overall_levels,
)
from penilaian.simulation._spec import BiasKind, RaterBias, WorkforceSpec
from penilaian.simulation._tree import build_tree, plan_units, unit_sizes
from penilaian.simulation._work import draw_level, work_targets

if TYPE_CHECKING:
    from penilaian.model.behaviour import BehaviourFramework
    from penilaian.model.raters import Scale
    from penilaian.simulation._tree import PlannedUnit

__all__ = ["Workforce", "generate"]

_HEAD_OF_AGENCY: Final = "kepala-instansi"
"""The employee id of the root leader's supervisor, who is outside the workforce."""


@attrs.frozen
class Workforce:
    """
    A generated workforce and the truth it was generated with.

    Attributes:
        spec: The spec it was generated from.
        seed: The seed.
        organisation: The root of the unit tree; each unit's leader is its first employee.
        unit_grades: Each unit's grade (capaian kinerja organisasi), by unit id.
        appraisals: One appraisal per employee, units in tree order, leaders first.
        raters: The employee ids of everyone who rates someone else (not as public).
        biased: The biases injected, by rater employee id.
    """

    spec: WorkforceSpec
    seed: int
    organisation: OrgUnit
    unit_grades: Mapping[str, OrganisationGrade] = attrs.field(hash=False)
    appraisals: tuple[Appraisal, ...]
    raters: tuple[str, ...]
    biased: Mapping[str, tuple[RaterBias, ...]] = attrs.field(hash=False)

    def units(self) -> tuple[UnitAppraisals, ...]:
        """Return each unit's appraisals with its grade, in tree order, for `check_curve`."""
        return self._units

    def biased_raters(self, kind: BiasKind | str | None = None) -> frozenset[str]:
        """Return the employee ids of the raters given a bias (of *kind*, when given)."""
        wanted = None if kind is None else BiasKind.parse(kind, "kind")
        return frozenset(
            rater
            for rater, biases in self.biased.items()
            if wanted is None or any(bias.kind is wanted for bias in biases)
        )

    @functools.cached_property
    def _units(self) -> tuple[UnitAppraisals, ...]:
        members: dict[str | None, list[Appraisal]] = defaultdict(list)
        for appraisal in self.appraisals:
            members[appraisal.position.unit_id].append(appraisal)
        return tuple(
            UnitAppraisals(unit, self.unit_grades[unit.id], members[unit.id])
            for unit in self.organisation.walk()
        )


def generate(spec: WorkforceSpec, seed: int) -> Workforce:
    """
    Generate the workforce of *spec* from *seed*.

    Args:
        spec: Its shape.
        seed: Any whole number; the same spec and seed always give an equal workforce.

    Raises:
        InvalidValueError: For a *spec* that is not a `WorkforceSpec` or a *seed*
            that is not a whole number.
        UnknownReferenceError: For a bias naming a rater who rates no one.
    """
    if not isinstance(spec, WorkforceSpec):
        raise InvalidValueError("spec", spec, "must be a WorkforceSpec")
    if isinstance(seed, bool) or not isinstance(seed, int):
        raise InvalidValueError("seed", seed, "must be a whole number")
    structure = _stream(seed, "structure")
    planned = plan_units(unit_sizes(structure, spec.employees, *spec.unit_sizes), spec.depth)
    people = make_people(structure, planned, spec.pppk_share, spec.period.start.year)
    staff: list[list[int]] = [[] for _ in planned]
    for index, person in enumerate(people):
        staff[person.unit].append(index)
    leaders = [people[members[0]].id for members in staff]
    organisation = build_tree(planned, leaders)
    grades = _draw_grades(_stream(seed, "grades"), planned, spec)
    panels = _panels(_stream(seed, "panels"), spec, planned, people, staff)
    pool = sorted({rater for panel in panels for _, role, rater in panel if rater})
    biased = _choose_biased(_stream(seed, "biases"), spec.biases, pool)
    effects = {rater: _effect(biases) for rater, biases in biased.items()}
    builder = _Builder(spec, planned, grades)
    performance = _stream(seed, "performance")
    appraisals = tuple(
        builder.appraisal(performance, number, person, panel, effects)
        for number, (person, panel) in enumerate(zip(people, panels, strict=True))
    )
    return Workforce(
        spec,
        seed,
        organisation,
        types.MappingProxyType(grades),
        appraisals,
        tuple(pool),
        types.MappingProxyType(biased),
    )


def _stream(seed: int, name: str) -> random.Random:
    # Seeding with text hashes it with SHA-512: the same on every platform and run.
    return random.Random(f"penilaian.simulation/{seed}/{name}")  # noqa: S311 - not for security


def _draw_grades(
    rng: random.Random, planned: list[PlannedUnit], spec: WorkforceSpec
) -> dict[str, OrganisationGrade]:
    grades = list(spec.unit_grade_weights)
    weights = list(spec.unit_grade_weights.values())
    return {unit.id: rng.choices(grades, weights)[0] for unit in planned}


_Panel = list[tuple[str, RaterRole, str | None]]
"""An appraisal's raters: local id, role and employee id (`None` for the public)."""


def _panels(
    rng: random.Random,
    spec: WorkforceSpec,
    planned: list[PlannedUnit],
    people: list[Person],
    staff: list[list[int]],
) -> list[_Panel]:
    mix = spec.raters
    siblings: dict[int | None, list[int]] = defaultdict(list)
    for unit in planned:
        siblings[unit.parent].append(unit.number)
    panels: list[_Panel] = []
    for person in people:
        unit = planned[person.unit]
        if person.leads:
            parent = unit.parent
            boss = _HEAD_OF_AGENCY if parent is None else people[staff[parent][0]].id
            others = [people[staff[peer][0]].id for peer in siblings[parent] if peer != unit.number]
            below = [people[member].id for member in staff[unit.number][1:]]
        else:
            boss = people[staff[unit.number][0]].id
            others = [people[m].id for m in staff[unit.number][1:] if people[m].id != person.id]
            below = []
        panel: _Panel = [("atasan", RaterRole.SUPERVISOR, boss)]
        panel += _sample(rng, others, mix.peers, "rekan", RaterRole.PEER)
        panel += _sample(rng, below, mix.subordinates, "bawahan", RaterRole.SUBORDINATE)
        if mix.self_rating:
            panel.append(("self", RaterRole.SELF, person.id))
        panel += [(f"layanan-{n}", RaterRole.PUBLIC, None) for n in range(1, mix.public + 1)]
        panels.append(panel)
    return panels


def _sample(
    rng: random.Random, candidates: list[str], count: int, prefix: str, role: RaterRole
) -> _Panel:
    chosen = rng.sample(candidates, min(count, len(candidates)))
    return [(f"{prefix}-{n}", role, rater) for n, rater in enumerate(chosen, start=1)]


def _choose_biased(
    rng: random.Random, biases: tuple[RaterBias, ...], pool: list[str]
) -> dict[str, tuple[RaterBias, ...]]:
    known = set(pool)
    chosen: dict[str, tuple[RaterBias, ...]] = {}
    for bias in biases:
        if bias.share is not None:
            # Half up, exactly: share x raters rounded to whole raters.
            count = math.floor(bias.share * len(pool) + Fraction(1, 2))
            names = rng.sample(pool, count)
        else:
            names = list(bias.raters)
            for name in names:
                if name not in known:
                    reason = "rates no one in this workforce"
                    raise UnknownReferenceError("raters", name, reason)
        for name in names:
            chosen[name] = (*chosen.get(name, ()), bias)
    return chosen


def _effect(biases: tuple[RaterBias, ...]) -> Effect:
    shift, halo = 0.0, 0.0
    for bias in biases:
        if bias.kind is BiasKind.LENIENCY:
            shift += float(bias.strength)
        elif bias.kind is BiasKind.SEVERITY:
            shift -= float(bias.strength)
        else:
            halo = max(halo, float(bias.strength))
    return Effect(shift, halo)


class _Builder:
    """Builds the appraisals of one workforce, sharing what they have in common."""

    def __init__(
        self,
        spec: WorkforceSpec,
        planned: list[PlannedUnit],
        grades: Mapping[str, OrganisationGrade],
    ) -> None:
        self.spec = spec
        self.planned = planned
        self.grades = grades
        permen6 = spec.regime == "permen6_2022"
        shape = PERMEN6_SHAPE if permen6 else PP30_SHAPE
        self.permen6 = permen6
        self.framework: BehaviourFramework = BERAKHLAK if permen6 else PP30_2019_BEHAVIOUR
        self.scales: tuple[Scale, ...] = (
            (EXPECTATION_SCALE, shape.scale) if permen6 else (shape.scale,)
        )
        self.maker = RatingMaker(shape)
        self.prefix = f"skp-{spec.period.start:%Y%m%d}"

    def appraisal(
        self,
        rng: random.Random,
        number: int,
        person: Person,
        panel: _Panel,
        effects: Mapping[str, Effect],
    ) -> Appraisal:
        unit = self.planned[person.unit]
        model = self.spec.achievement
        level = draw_level(rng, model)
        targets, reached = work_targets(rng, level, model)
        behaviour = behaviour_level(rng, level)
        if self.spec.confounded:  # lenient raters rate weaker people: their lift cancels
            shape = self.maker.shape
            lift = sum(
                effects.get(employee, NO_EFFECT).shift
                for _, role, employee in panel
                if employee and role is not RaterRole.SELF
            )
            behaviour -= lift * shape.noise_sd / shape.slope
        position = Position(person.title, person.kind, unit.id, person.leads)
        raters = [Rater(local, role, employee) for local, role, employee in panel]
        rating_effects = [
            (local, role, effects.get(employee, NO_EFFECT) if employee else NO_EFFECT)
            for local, role, employee in panel
        ]
        ratings: list[Rating] = []
        if self.permen6:
            supervisor = effects.get(str(panel[0][2]), NO_EFFECT)
            work, conduct = overall_levels(rng, reached, behaviour, supervisor)
            ratings += self.maker.overall("atasan", work, conduct)
        aspects = tuple(
            aspect.id
            for aspect in self.framework.aspects
            if not aspect.managerial_only or person.kind.is_managerial
        )
        ratings += self.maker.aspects(rng, behaviour, aspects, rating_effects)
        return Appraisal(
            id=f"{self.prefix}-{number + 1:06d}",
            employee=Employee(person.id, person.name, person.id),
            position=position,
            period=self.spec.period,
            framework=self.framework,
            targets=targets,
            raters=raters,
            scales=self.scales,
            ratings=ratings,
            unit_grade=self.grades[unit.id],
        )
