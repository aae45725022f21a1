"""Tests for penilaian.analysis.completeness: who in a cycle still lacks what."""

from __future__ import annotations

from collections import Counter
from datetime import date
from fractions import Fraction

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import penilaian as p
from penilaian.analysis.completeness import (
    CycleCompleteness,
    MissingKind,
    Requirements,
    check_completeness,
    person_completeness,
    requirements_of,
)
from penilaian.exceptions import (
    InvalidInputError,
    InvalidValueError,
    ScoringInputError,
    UnsupportedInputError,
)
from penilaian.model import (
    BERAKHLAK,
    OVERALL_BEHAVIOUR,
    OVERALL_WORK_RESULTS,
    Appraisal,
    Employee,
    FeedbackNote,
    Indicator,
    NumericScale,
    OrgUnit,
    Period,
    PointTarget,
    Position,
    PositionKind,
    Rater,
    RaterRole,
    Rating,
    Realisation,
    TargetKind,
    WorkTarget,
)
from penilaian.policy import Renormalise, Require, WeightingPolicy

REGISTRY = p.default_registry(entry_points=False)
SCALE = NumericScale(id="s", minimum=0, maximum=100)
UNITS = OrgUnit(
    "root",
    "Badan",
    children=(
        OrgUnit("a", "Bidang A", children=(OrgUnit("a1", "Subbidang A1"),)),
        OrgUnit("b", "B"),
    ),
)
RATED_ROLES = [role for role in RaterRole if role is not RaterRole.SELF]


def build(
    needs: Requirements,
    *,
    kind: PositionKind = PositionKind.EXECUTOR,
    unit_id: str | None = None,
    employee: str = "e",
    targets: int = 1,
) -> Appraisal:
    """An appraisal that has exactly what *needs* asks for: complete by construction."""
    indicators = [
        Indicator(f"i{n}", "output", "quantity", PointTarget(10), realisation=Realisation(10))
        for n in range(targets)
    ]
    work = [WorkTarget(f"t{n}", "work", (indicator,)) for n, indicator in enumerate(indicators)]
    subjects = list(needs.subjects)
    if needs.aspects:
        subjects += [aspect.id for aspect in BERAKHLAK.aspects_for(kind)]
    raters, ratings = [], []
    for role, count in needs.roles.items():
        for n in range(count):
            rater_id = f"{role.value}{n}"
            who = employee if role is RaterRole.SELF else f"{employee}-{rater_id}"
            raters.append(Rater(rater_id, role, None if role is RaterRole.PUBLIC else who))
            ratings += [Rating(rater_id, subject, "s", score=80) for subject in subjects]
    feedback = ()
    if needs.feedback:
        if not raters:
            raters.append(Rater("coach", RaterRole.SUPERVISOR, f"{employee}-coach"))
        feedback = (FeedbackNote(date(2024, 3, 1), raters[0].id, "good"),)
    return Appraisal(
        id=f"a-{employee}",
        employee=Employee(employee, "Name"),
        position=Position("Post", kind, unit_id),
        period=Period.year(2024),
        framework=BERAKHLAK,
        targets=work,
        raters=raters,
        scales=(SCALE,),
        ratings=ratings,
        feedback=feedback,
    )


@st.composite
def requirements(draw: st.DrawFn) -> Requirements:
    """Requirements a weighting policy could give: roles with their minimum counts."""
    roles = draw(st.dictionaries(st.sampled_from(RATED_ROLES), st.integers(1, 3), min_size=1))
    subjects = draw(st.sets(st.sampled_from([OVERALL_WORK_RESULTS, OVERALL_BEHAVIOUR])))
    kinds = draw(st.sampled_from([(), (TargetKind.MAIN,)]))
    rule = requirements_of(p.GenericRegime.default()).rule
    return Requirements(
        "generic",
        rule,
        kinds,
        aspects=draw(st.booleans()),
        subjects=tuple(sorted(subjects)),
        roles=roles,
        feedback=draw(st.booleans()),
    )


KINDS = st.sampled_from(list(PositionKind))


class TestRequirementsOf:
    """What each regime needs is read from its objects, never from its id."""

    def test_pp46(self):
        """PP 46/2011: realisations of main targets, the supervisor's aspect ratings."""
        needs = requirements_of(p.Pp46Regime())
        assert (needs.realisations, needs.aspects, needs.subjects) == ((TargetKind.MAIN,), True, ())
        assert dict(needs.roles) == {RaterRole.SUPERVISOR: 1}
        assert not needs.feedback

    def test_pp30(self):
        """PP 30/2019: realisations of main and additional targets, behaviour aspects."""
        needs = requirements_of(p.Pp30Regime())
        assert needs.realisations == (TargetKind.MAIN, TargetKind.ADDITIONAL)
        assert needs.aspects

    def test_permen6(self):
        """6/2022: the two supervisor ratings, the unit grade for leaders, feedback."""
        needs = requirements_of(p.Permen6Regime())
        assert needs.subjects == (OVERALL_WORK_RESULTS, OVERALL_BEHAVIOUR)
        assert (needs.realisations, needs.leader_unit_grade, needs.feedback) == ((), True, True)

    def test_permen6_rules_change_the_needs(self):
        """A work rating from achievement needs realisations; one from values needs aspects."""
        from penilaian.regimes.permen6_2022.ratings import (  # noqa: PLC0415
            BehaviourRatingFromValues,
            WorkRatingFromAchievement,
        )

        regime = p.Permen6Regime(
            work_rating=WorkRatingFromAchievement(),
            behaviour_rating=BehaviourRatingFromValues(),
            leader_rule="as_configured",
        )
        needs = requirements_of(regime)
        assert (needs.subjects, needs.aspects) == ((), True)
        assert needs.realisations == (TargetKind.MAIN,)
        assert not needs.leader_unit_grade

    def test_weighting_policy_roles_and_min_raters(self):
        """Every role weighted above 0 is needed, at its min_raters; a 0 weight is not."""
        policy = WeightingPolicy(
            {"supervisor": Fraction(1, 2), "peer": Fraction(1, 2), "public": 0},
            missing=Require(),
            min_raters={"peer": 3},
        )
        needs = requirements_of(p.GenericRegime.default().with_aggregator(policy))
        assert dict(needs.roles) == {RaterRole.SUPERVISOR: 1, RaterRole.PEER: 3}

    def test_counted_self_is_needed(self):
        """A policy that counts the self-assessment needs a self rating."""
        policy = WeightingPolicy(
            {"supervisor": Fraction(1, 2), "self": Fraction(1, 2)},
            missing=Renormalise(),
            count_self=True,
        )
        needs = requirements_of(p.Pp46Regime(aggregator=policy))
        assert dict(needs.roles) == {RaterRole.SUPERVISOR: 1, RaterRole.SELF: 1}

    def test_unknown_strategy_is_refused(self):
        """A strategy whose needs cannot be read is refused, naming the field."""
        with pytest.raises(UnsupportedInputError, match="strategy"):
            requirements_of(object())

    def test_unknown_aggregator_is_refused(self):
        """An aggregator other than the two built-in ones is refused."""
        regime = p.GenericRegime.default().with_aggregator(lambda *_a, **_k: None)
        with pytest.raises(UnsupportedInputError, match="aggregator"):
            requirements_of(regime)

    def test_with_role(self):
        """with_role adds a role's count, and refuses a count below 1."""
        needs = requirements_of(p.Pp46Regime()).with_role("rekan kerja", 2)
        assert needs.roles[RaterRole.PEER] == 2
        with pytest.raises(InvalidValueError, match="roles"):
            needs.with_role("peer", 0)


class TestPerson:
    """One appraisal's missing items, each typed and placed."""

    @pytest.mark.parametrize("regime", ["pp46_2011", "pp30_2019", "permen6_2022"])
    def test_complete_samples(self, regime):
        """Each sample scores to a grade, and nothing is missing from it."""
        appraisal = p.load_sample(regime)
        strategy = REGISTRY.get(regime)
        assert strategy.score(appraisal).is_complete
        found = person_completeness(appraisal, requirements_of(strategy))
        assert found.is_complete
        assert found.missing == ()

    def test_pp46_missing_realisation_and_aspect(self):
        """A withdrawn realisation and a removed aspect rating are listed where they go."""
        appraisal = p.load_sample("pp46_2011")
        target = appraisal.targets[0]
        indicator = target.indicators[1]
        lacking = appraisal.with_realisation(target.id, indicator.id, None)
        rating = next(r for r in lacking.ratings if r.subject == "integrity")
        lacking = attrs.evolve(lacking, ratings=[r for r in lacking.ratings if r is not rating])
        found = person_completeness(lacking, requirements_of(p.Pp46Regime()))
        assert [(m.kind, m.path, m.subject) for m in found.missing] == [
            (MissingKind.REALISATION, "$.targets[0].indicators[1].realisation", indicator.id),
            (MissingKind.SUPERVISOR_RATING, "$.ratings", "integrity"),
        ]
        with pytest.raises(ScoringInputError, match=r"indicators\[1\]\.realisation"):
            p.Pp46Regime().score(lacking)  # the regime agrees that it cannot grade this

    def test_permen6_leader_needs_the_unit_grade(self):
        """A unit leader under 6/2022 needs the unit's grade, not a work-results rating."""
        needs = requirements_of(p.Permen6Regime())
        appraisal = build(needs, kind=PositionKind.SUPERVISOR, unit_id="a")
        ratings = [r for r in appraisal.ratings if r.subject != OVERALL_WORK_RESULTS]
        leader = attrs.evolve(
            appraisal,
            position=Position("Head", PositionKind.SUPERVISOR, "a", leads_unit=True),
            ratings=ratings,
        )
        found = person_completeness(leader, needs)
        assert [(m.kind, m.path) for m in found.missing] == [
            (MissingKind.UNIT_GRADE, "$.unit_grade")
        ]
        graded = attrs.evolve(leader, unit_grade="baik")
        assert person_completeness(graded, needs).is_complete

    def test_feedback_missing(self):
        """6/2022 needs continuous feedback: with none, one item at $.feedback."""
        needs = requirements_of(p.Permen6Regime())
        appraisal = attrs.evolve(build(needs), feedback=())
        found = person_completeness(appraisal, needs)
        assert [(m.kind, m.path, m.found) for m in found.missing] == [
            (MissingKind.FEEDBACK, "$.feedback", 0)
        ]

    def test_a_rating_of_zero_is_not_missing(self):
        """Missing is not zero: a score of 0 is a rating that is there."""
        needs = requirements_of(p.Pp46Regime())
        appraisal = build(needs)
        zeroed = attrs.evolve(
            appraisal, ratings=[attrs.evolve(r, score=0) for r in appraisal.ratings]
        )
        assert person_completeness(zeroed, needs).is_complete

    def test_wrong_types_are_refused(self):
        """A non-appraisal or non-requirements argument is refused, naming it."""
        with pytest.raises(InvalidValueError, match="appraisal"):
            person_completeness("a", requirements_of(p.Pp46Regime()))
        with pytest.raises(InvalidValueError, match="requirements"):
            person_completeness(p.load_sample("pp46_2011"), "pp46_2011")

    @given(requirements(), KINDS, st.integers(1, 3))
    def test_built_complete_has_nothing_missing(self, needs, kind, targets):
        """An appraisal built with everything the requirements ask for lacks nothing."""
        assert person_completeness(build(needs, kind=kind, targets=targets), needs).missing == ()

    @given(requirements(), KINDS, st.data())
    def test_removing_one_rating_adds_exactly_that_item(self, needs, kind, data):
        """Taking one rating away lists exactly one item: its role, its subject, one short."""
        appraisal = build(needs, kind=kind)
        if not appraisal.ratings:
            return
        index = data.draw(st.integers(0, len(appraisal.ratings) - 1))
        removed = appraisal.ratings[index]
        rest = appraisal.ratings[:index] + appraisal.ratings[index + 1 :]
        found = person_completeness(attrs.evolve(appraisal, ratings=rest), needs)
        role = appraisal.rater_roles[removed.rater_id]
        assert len(found.missing) == 1
        item = found.missing[0]
        assert (item.subject, item.path) == (removed.subject, "$.ratings")
        assert item.kind.value.startswith(role.value.split("_")[0])
        assert (item.found, item.needed) == (needs.roles[role] - 1, needs.roles[role])

    @given(requirements(), st.data())
    def test_removing_one_realisation_adds_exactly_that_item(self, needs, data):
        """Withdrawing one realisation lists exactly that indicator, at its path."""
        if not needs.realisations:
            return
        appraisal = build(needs, targets=3)
        t_index = data.draw(st.integers(0, 2))
        target = appraisal.targets[t_index]
        lacking = appraisal.with_realisation(target.id, target.indicators[0].id, None)
        found = person_completeness(lacking, needs)
        assert [(m.kind, m.path) for m in found.missing] == [
            (MissingKind.REALISATION, f"$.targets[{t_index}].indicators[0].realisation")
        ]


class TestCycle:
    """A cycle's people grouped by unit, with counts that add up."""

    def test_sample_unit(self):
        """The sample unit under 6/2022: nine of ten people have no feedback yet."""
        appraisals = p.load_sample_unit().appraisals
        cycle = check_completeness(appraisals, requirements_of(p.Permen6Regime()))
        assert dict(cycle.counts) == {MissingKind.FEEDBACK: 9}
        assert len(cycle.incomplete) == 9
        assert [unit.unit_id for unit in cycle.units] == ["bkpsdm-bidang-pengembangan"]

    def test_tree_order_and_roll_up(self):
        """With a tree, units come in its order and `within` adds up the subtree."""
        needs = requirements_of(p.Permen6Regime())
        people = [
            attrs.evolve(build(needs, unit_id="a1", employee="x"), feedback=()),
            attrs.evolve(build(needs, unit_id="a", employee="y"), feedback=()),
            build(needs, unit_id="b", employee="z"),
            attrs.evolve(build(needs, employee="w"), feedback=()),
        ]
        cycle = check_completeness(people, needs, units=UNITS)
        assert [unit.unit_id for unit in cycle.units] == ["root", "a", "a1", "b", None]
        assert cycle.unit("a").within == {MissingKind.FEEDBACK: 2}
        assert cycle.unit("a").counts == {MissingKind.FEEDBACK: 1}
        assert cycle.unit("root").within == {MissingKind.FEEDBACK: 2}
        assert cycle.unit(None).counts == {MissingKind.FEEDBACK: 1}
        assert cycle.unit("b").incomplete == ()
        assert cycle.unit("a").name == "Bidang A"

    def test_unit_outside_the_tree_is_refused(self):
        """A position in a unit the tree does not hold is refused at its path, never dropped."""
        needs = requirements_of(p.Pp46Regime())
        with pytest.raises(InvalidInputError, match=r"\$\[1\]\.position\.unit_id"):
            check_completeness(
                [build(needs, unit_id="a"), build(needs, unit_id="zz", employee="f")],
                needs,
                units=UNITS,
            )

    def test_unknown_unit_lookup(self):
        """Asking for a unit the cycle has not is an error naming the id."""
        cycle = CycleCompleteness.from_people([])
        with pytest.raises(InvalidValueError, match="unit_id"):
            cycle.unit("nowhere")

    def test_requirements_per_appraisal(self):
        """A function gives each appraisal its own regime's requirements."""
        appraisals = [p.load_sample("pp46_2011"), p.load_sample("permen6_2022")]
        cycle = check_completeness(
            appraisals, lambda a: requirements_of(REGISTRY.get(p.suggest_regime(a.period)))
        )
        assert [person.regime for person in cycle.people] == ["pp46_2011", "permen6_2022"]

    def test_wrong_arguments(self):
        """Requirements and units of the wrong kind are refused, naming them."""
        with pytest.raises(InvalidValueError, match="requirements"):
            check_completeness([], "pp46_2011")
        with pytest.raises(InvalidValueError, match="units"):
            check_completeness([], requirements_of(p.Pp46Regime()), units="root")

    @given(
        requirements(),
        st.lists(
            st.tuples(st.sampled_from(["root", "a", "a1", "b", None]), st.integers(0, 2)),
            max_size=8,
        ),
        st.booleans(),
    )
    def test_counts_add_up(self, needs, plan, tree):
        """A unit's counts are the sum over its people; `within` adds its subtree's units."""
        people = []
        for index, (unit_id, cut) in enumerate(plan):
            appraisal = build(needs, unit_id=unit_id, employee=f"p{index}")
            people.append(attrs.evolve(appraisal, ratings=appraisal.ratings[cut:]))
        cycle = check_completeness(people, needs, units=UNITS if tree else None)
        for unit in cycle.units:
            summed = Counter()
            for person in unit.people:
                summed.update(person.counts)
            assert dict(unit.counts) == dict(summed)
        total = Counter()
        for unit in cycle.units:
            total.update(unit.counts)
        assert dict(cycle.counts) == dict(total)
        assert sum(len(unit.people) for unit in cycle.units) == len(people)
        if tree:
            for org in UNITS.walk():
                below = Counter()
                for child in org.walk():
                    below.update(cycle.unit(child.id).counts)
                assert dict(cycle.unit(org.id).within) == dict(below)


class TestDescribe:
    """Items and kinds speak both languages."""

    def test_labels(self):
        """Every kind has an Indonesian and an English label."""
        assert all(kind.label("id") and kind.label("en") for kind in MissingKind)
        assert MissingKind.PEER_RATINGS.label("id") == "Penilaian rekan kerja"

    def test_describe_indonesian(self):
        """An item with a count says found of needed, in Indonesian by default."""
        needs = requirements_of(p.Pp46Regime()).with_role("peer", 3)
        appraisal = build(needs)
        rest = [r for r in appraisal.ratings if not r.rater_id.startswith("peer0")]
        found = person_completeness(attrs.evolve(appraisal, ratings=rest), needs)
        assert found.missing[0].describe().startswith("Penilaian rekan kerja (")
        assert ": 2 dari 3 di $.ratings" in found.missing[0].describe()
