"""
Which PermenPANRB 6/2022 regimes the fast path grades, decided once per regime.

`Permen6Regime` decides when it is made (and copied, evolved or unpickled) whether its
rules are the plain ones `penilaian.regimes.permen6_2022._kernel.grade_plain` grades by:
the supervisor's own ratings, and a unit leader's rating from the unit's grade under
``"unit_grade"``.  Rules of any other type, subclasses included, are left to the full run;
so is an appraisal with two supervisors.  Each result equals the full run's.
"""

from __future__ import annotations

import copy
import pickle
from typing import TYPE_CHECKING

import attrs
import pytest

import penilaian as p
from penilaian.exceptions import ScoringInputError
from penilaian.model import OVERALL_BEHAVIOUR, OVERALL_WORK_RESULTS
from penilaian.regimes.permen6_2022 import (
    BehaviourRatingFromValues,
    GivenBehaviourRating,
    GivenWorkRating,
    Permen6Regime,
    WorkRatingFromAchievement,
    WorkRatingFromUnit,
)
from penilaian.regimes.permen6_2022 import _kernel as kernel

if TYPE_CHECKING:
    from penilaian.regimes.permen6_2022.ratings import RatingOutcome

CALLS: list[str] = []


@attrs.frozen
class CountedWork(GivenWorkRating):
    """`GivenWorkRating`, counting its calls: a subclass the kernel must not stand in for."""

    def __call__(self, appraisal: p.Appraisal, *, trace: bool = True) -> RatingOutcome:
        CALLS.append("work")
        return super().__call__(appraisal, trace=trace)


@attrs.frozen
class CountedBehaviour(GivenBehaviourRating):
    def __call__(self, appraisal: p.Appraisal, *, trace: bool = True) -> RatingOutcome:
        CALLS.append("behaviour")
        return super().__call__(appraisal, trace=trace)


@attrs.frozen
class CountedUnit(WorkRatingFromUnit):
    def __call__(self, appraisal: p.Appraisal, *, trace: bool = True) -> RatingOutcome:
        CALLS.append("unit")
        return super().__call__(appraisal, trace=trace)


def _appraisal(*, leads: bool = False, supervisors: int = 1) -> p.Appraisal:
    """Work above, behaviour meets (unit grade good), by the first of *supervisors*."""
    raters = [p.Rater(f"atasan-{n}", "supervisor", f"e-{n + 2}") for n in range(supervisors)]
    ratings = [
        p.Rating("atasan-0", OVERALL_WORK_RESULTS, "expectation", level="above_expectations"),
        p.Rating("atasan-0", OVERALL_BEHAVIOUR, "expectation", level="meets_expectations"),
    ]
    indicator = p.Indicator("i0", "Laporan", "kuantitas", p.PointTarget(12),
                            realisation=p.Realisation(12))  # fmt: skip
    return p.Appraisal(
        "skp-1",
        p.Employee("e-1", "Budi Santoso"),
        p.Position("Analis", p.PositionKind.EXPERT_FIRST, unit_id="u1", leads_unit=leads),
        p.Period.year(2024),
        p.BERAKHLAK,
        [p.WorkTarget("t0", "Laporan", [indicator])],
        raters,
        [p.EXPECTATION_SCALE],
        ratings,
        unit_grade="baik",
    )


def _fast(regime: Permen6Regime, appraisal: p.Appraisal) -> bool:
    """Whether the kernel grades *appraisal*; either way the regime gives the full run's result."""
    fast = kernel.grade_plain(regime, appraisal, None)
    reference = regime._run(appraisal, trace=False)
    assert regime.score(appraisal, trace=False) == reference
    if fast is not None:
        assert fast == reference
    return fast is not None


# Each regime, and whether the kernel grades a non-leader and a unit leader under it.
REGIMES = [
    (Permen6Regime(), True, True),
    (Permen6Regime(leader_rule="as_configured"), True, True),
    (Permen6Regime(work_rating=WorkRatingFromAchievement()), False, True),
    (Permen6Regime(work_rating=CountedWork()), False, True),
    (Permen6Regime(work_rating=CountedWork(), leader_rule="as_configured"), False, False),
    (Permen6Regime(behaviour_rating=CountedBehaviour()), False, False),
    (Permen6Regime(behaviour_rating=BehaviourRatingFromValues()), False, False),
    (Permen6Regime(unit_rating=CountedUnit()), True, False),
    (Permen6Regime(unit_rating=CountedUnit(), leader_rule="as_configured"), True, True),
]


class TestRulesDecidedOnce:
    @pytest.mark.parametrize(("regime", "member", "leader"), REGIMES)
    def test_only_the_plain_rules_take_the_fast_path(
        self, regime: Permen6Regime, member: bool, leader: bool
    ) -> None:
        """Another rule, or a subclass of a plain one, is run, never stood in for."""
        assert _fast(regime, _appraisal()) is member
        assert _fast(regime, _appraisal(leads=True)) is leader

    @pytest.mark.parametrize(("regime", "member", "leader"), REGIMES)
    def test_a_copy_or_an_evolved_regime_decides_again(
        self, regime: Permen6Regime, member: bool, leader: bool
    ) -> None:
        """`attrs.evolve` decides anew; a copy or a restored state carries its fields' decision."""
        assert _fast(copy.copy(regime), _appraisal()) is member
        plain = attrs.evolve(
            regime,
            work_rating=GivenWorkRating(),
            behaviour_rating=GivenBehaviourRating(),
            unit_rating=WorkRatingFromUnit(),
        )
        assert _fast(plain, _appraisal()) is True
        assert _fast(plain, _appraisal(leads=True)) is True
        counted = attrs.evolve(plain, work_rating=CountedWork())
        assert _fast(counted, _appraisal()) is False
        restored = copy.copy(counted)
        restored.__setstate__(plain.__getstate__())
        assert restored == plain
        assert _fast(restored, _appraisal()) is True

    def test_a_subclassed_rule_is_called(self) -> None:
        """The regime calls a subclass's own rule, on the plain appraisal it would grade."""
        CALLS.clear()
        Permen6Regime(work_rating=CountedWork()).score(_appraisal(), trace=False)
        Permen6Regime(unit_rating=CountedUnit()).score(_appraisal(leads=True), trace=False)
        Permen6Regime(behaviour_rating=CountedBehaviour()).score(_appraisal(), trace=False)
        assert CALLS == ["work", "unit", "behaviour"]

    def test_the_decision_is_no_part_of_the_regime_s_value(self) -> None:
        """Equality, hash, repr and the fields are the four rules'; pickling fails as before."""
        regime, other = Permen6Regime(), Permen6Regime(leader_rule="as_configured")
        assert regime == Permen6Regime()
        assert hash(regime) == hash(Permen6Regime())
        assert regime != other
        assert "_plain" not in repr(regime)
        assert [field.name for field in attrs.fields(Permen6Regime) if field.init] == [
            "work_rating", "behaviour_rating", "leader_rule", "unit_rating"
        ]  # fmt: skip
        with pytest.raises(TypeError, match="mappingproxy"):  # as before: the unit rule's map
            pickle.dumps(regime)


class TestSupervisors:
    @pytest.mark.parametrize("leads", [False, True])
    def test_two_supervisors_take_the_full_run(self, leads: bool) -> None:
        """A second supervisor, even one who rates nothing, leaves the appraisal to the full run."""
        regime = Permen6Regime()
        assert _fast(regime, _appraisal(leads=leads)) is True
        assert _fast(regime, _appraisal(leads=leads, supervisors=2)) is False
        assert regime.score(_appraisal(supervisors=2), trace=False).grade is p.Grade.GOOD

    def test_a_second_supervisor_s_rating_is_a_problem_on_every_path(self) -> None:
        """Both supervisors rate: the kernel declines, and the regime raises what the run raises."""
        appraisal = _appraisal(supervisors=2)
        second = [attrs.evolve(rating, rater_id="atasan-1") for rating in appraisal.ratings]
        appraisal = attrs.evolve(appraisal, ratings=[*appraisal.ratings, *second])
        regime = Permen6Regime()
        assert kernel.grade_plain(regime, appraisal, None) is None
        with pytest.raises(ScoringInputError) as raised:
            regime.score(appraisal, trace=False)
        with pytest.raises(ScoringInputError) as reference:
            regime._run(appraisal, trace=False)
        assert raised.value.problems == reference.value.problems
