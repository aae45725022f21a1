"""Tests for penilaian.simulation: seeded synthetic workforces with known injected rater bias."""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from fractions import Fraction
from statistics import mean

import pytest

from penilaian import (
    Nip,
    OrganisationGrade,
    Period,
    Permen6Regime,
    Pp30Regime,
    RaterRole,
    default_registry,
)
from penilaian.analysis.raters import FindingKind, RaterAnalytics
from penilaian.exceptions import InvalidNumberError, InvalidValueError, UnknownReferenceError
from penilaian.model import NipKind
from penilaian.regimes.permen6_2022 import WorkRatingFromAchievement
from penilaian.simulation import (
    AchievementModel,
    BiasKind,
    RaterBias,
    RaterMix,
    WorkforceSpec,
    generate,
)

SMALL = WorkforceSpec(employees=150)
PP30 = WorkforceSpec(employees=150, regime="pp30_2019", period=Period.semester(2021, 2))


@pytest.fixture(name="workforce", scope="module")
def _workforce():
    return generate(SMALL, 7)


class TestSpec:
    def test_defaults(self):
        """The default spec is 100 employees in units of 4-12, three levels, BerAKHLAK on 1-5."""
        spec = WorkforceSpec()
        assert (spec.employees, spec.unit_sizes, spec.depth, spec.regime) == (
            100,
            (4, 12),
            3,
            "permen6_2022",
        )
        assert Fraction(1, 5) == spec.pppk_share

    @pytest.mark.parametrize(
        ("field", "value"),
        [
            ("unit_sizes", (5, 2)),
            ("unit_sizes", (1, 2, 3)),
            ("regime", "pp46_2011"),
            ("period", "2024"),
            ("unit_grade_weights", {"good": 0}),
            ("biases", ["leniency"]),
        ],
    )
    def test_invalid_field_named(self, field, value):
        """A bad field raises an InvalidValueError naming it."""
        with pytest.raises(InvalidValueError) as caught:
            WorkforceSpec(**{field: value})
        assert field == caught.value.field

    @pytest.mark.parametrize(("field", "value"), [("employees", 0), ("pppk_share", "3/2")])
    def test_invalid_number(self, field, value):
        """Counts below 1 and shares above 1 are refused."""
        with pytest.raises(InvalidNumberError):
            WorkforceSpec(**{field: value})

    def test_rater_bias_needs_raters_or_share(self):
        """A bias names its raters or a share of them, exactly one of the two."""
        with pytest.raises(InvalidValueError, match="either raters"):
            RaterBias(kind="leniency", strength=1)
        with pytest.raises(InvalidValueError, match="either raters"):
            RaterBias(kind="leniency", strength=1, raters=["a"], share="1/10")

    def test_rater_bias_strength(self):
        """Strength is above 0, and a halo's at most 1."""
        with pytest.raises(InvalidNumberError, match="greater than 0"):
            RaterBias(kind="severity", strength=0, share="1/10")
        with pytest.raises(InvalidValueError, match="at most 1"):
            RaterBias(kind="halo", strength=2, share="1/10")
        assert BiasKind.HALO is RaterBias(kind="Efek halo", strength="1/2", share=1).kind

    def test_achievement_ranges(self):
        """An achievement range must run upwards within 0-200 %."""
        with pytest.raises(InvalidValueError, match="typical_high"):
            AchievementModel(typical_low=110, typical_high=100)
        with pytest.raises(InvalidNumberError, match="0 to 200"):
            AchievementModel(tail_low=-1)

    def test_rater_counts(self):
        """Rater counts are whole numbers from 0."""
        with pytest.raises(InvalidNumberError):
            RaterMix(peers=-1)


class TestReproducible:
    def test_same_spec_and_seed_same_workforce(self, workforce):
        """Equal spec and seed give an equal workforce."""
        assert generate(SMALL, 7) == workforce

    def test_different_seeds_differ(self, workforce):
        """Another seed gives other people and ratings."""
        other = generate(SMALL, 8)
        assert other.appraisals != workforce.appraisals
        assert {a.employee.id for a in other.appraisals} != {
            a.employee.id for a in workforce.appraisals
        }

    def test_bias_changes_only_the_biased(self, workforce):
        """A bias leaves the tree, people, grades and unbiased raters' ratings as they were."""
        bias = RaterBias(kind="leniency", strength=1, share="1/10")
        biased = generate(WorkforceSpec(employees=150, biases=[bias]), 7)
        assert (biased.organisation, biased.unit_grades, biased.raters) == (
            workforce.organisation,
            workforce.unit_grades,
            workforce.raters,
        )
        names = biased.biased_raters()
        assert len(names) == round(len(biased.raters) / 10)
        for before, after in zip(workforce.appraisals, biased.appraisals, strict=True):
            assert before.targets == after.targets
            clean = {r.id for r in before.raters if r.employee_id not in names}
            assert [g for g in before.ratings if g.rater_id in clean] == [
                g for g in after.ratings if g.rater_id in clean
            ]

    def test_bias_by_name(self, workforce):
        """Raters can be biased by employee id; an id that rates no one is refused."""
        chosen = workforce.raters[:3]
        bias = RaterBias(kind="severity", strength=1, raters=chosen)
        biased = generate(WorkforceSpec(employees=150, biases=[bias]), 7)
        assert frozenset(chosen) == biased.biased_raters("severity")
        assert biased.biased_raters("leniency") == frozenset()
        unknown = RaterBias(kind="severity", strength=1, raters=["nobody"])
        with pytest.raises(UnknownReferenceError, match="rates no one"):
            generate(WorkforceSpec(employees=10, biases=[unknown]), 7)

    @pytest.mark.parametrize("seed", [True, 1.5, "1"])
    def test_seed_is_whole_number(self, seed):
        """The seed must be an int."""
        with pytest.raises(InvalidValueError, match="whole number"):
            generate(SMALL, seed)

    def test_spec_type(self):
        """generate needs a WorkforceSpec."""
        with pytest.raises(InvalidValueError, match="WorkforceSpec"):
            generate({"employees": 3}, 1)


class TestShape:
    def test_people(self, workforce):
        """One appraisal per employee; ids unique; the id is a valid NIP; leaders are PNS."""
        appraisals = workforce.appraisals
        assert len(appraisals) == SMALL.employees
        assert len({a.id for a in appraisals}) == len(appraisals)
        assert len({a.employee.id for a in appraisals}) == len(appraisals)
        for appraisal in appraisals:
            assert appraisal.employee.nip == Nip(appraisal.employee.id)
            if appraisal.position.leads_unit:
                assert appraisal.employee.status is NipKind.PNS
        staff = [a for a in appraisals if not a.position.leads_unit]
        pppk = sum(a.employee.status is NipKind.PPPK for a in staff) / len(staff)
        assert 0.1 < pppk < 0.3  # the default share is 1/5

    def test_tree(self, workforce):
        """The tree has the spec's depth, each unit a leader and 4-12 employees (the last fewer)."""
        units = workforce.units()
        depths = [len(workforce.organisation.path_to(u.unit.id)) for u in units]
        assert max(depths) == SMALL.depth
        sizes = [len(u.appraisals) for u in units]
        assert sum(sizes) == SMALL.employees
        assert all(4 <= size <= 12 for size in sizes[:-1] if size != sizes[-1])
        for unit in units:
            (leader,) = [a for a in unit.appraisals if a.position.leads_unit]
            assert unit.unit.leader_id == leader.employee.id
            assert workforce.unit_grades[unit.unit.id] == unit.unit_grade

    def test_single_unit(self):
        """A workforce smaller than a unit has one unit and one level."""
        tiny = generate(WorkforceSpec(employees=3, depth=4), 0)
        assert tiny.organisation.children == ()
        assert len(tiny.units()) == 1

    def test_raters(self, workforce):
        """Staff are rated by their leader and unit peers; leaders by staff; self and public too."""
        for unit in workforce.units():
            members = {a.employee.id for a in unit.appraisals}
            for appraisal in unit.appraisals:
                roles = Counter(r.role for r in appraisal.raters)
                assert roles[RaterRole.SUPERVISOR] == roles[RaterRole.SELF] == 1
                assert roles[RaterRole.PUBLIC] == 1
                if not appraisal.position.leads_unit:
                    assert appraisal.rater("atasan").employee_id == unit.unit.leader_id
                    peers = {r.employee_id for r in appraisal.raters if r.role is RaterRole.PEER}
                    assert peers <= members
                    assert roles[RaterRole.PEER] == min(3, len(members) - 2)
                else:
                    assert roles[RaterRole.SUBORDINATE] == min(3, len(members) - 1)

    def test_unit_grade_distribution(self):
        """Unit grades follow the documented weights (60 % Baik) over many units."""
        many = generate(WorkforceSpec(employees=3000, unit_sizes=(1, 3)), 0)
        counts = Counter(many.unit_grades.values())
        share = counts[OrganisationGrade.GOOD] / len(many.unit_grades)
        assert 0.55 < share < 0.65
        assert set(counts) == set(OrganisationGrade)


class TestScoring:
    @pytest.mark.parametrize("spec", [SMALL, PP30], ids=["permen6_2022", "pp30_2019"])
    def test_every_appraisal_scores_completely(self, spec):
        """Every appraisal of a sample scores completely under its regime."""
        workforce = generate(spec, 3)
        regime = default_registry().get(spec.regime)
        assert all(regime.score(a, trace=False).is_complete for a in workforce.appraisals)

    def test_curve_per_unit(self, workforce):
        """unit.check_curve() works for every unit; a pp30 unit's with the pp30 regime."""
        checks = [unit.check_curve() for unit in workforce.units()]
        assert sum(len(check.employees) for check in checks) == SMALL.employees
        pp30 = generate(PP30, 3).units()[0]
        assert pp30.check_curve(Pp30Regime()).unit_id == pp30.unit.id

    def test_work_rating_follows_achievement(self):
        """The supervisor's work-results rating rises with the indicators' mean achievement."""
        workforce = generate(WorkforceSpec(employees=600), 1)
        derive = Permen6Regime(work_rating=WorkRatingFromAchievement(), leader_rule="as_configured")
        given = Permen6Regime(leader_rule="as_configured")
        by_level: dict[str, list[float]] = {}
        for appraisal in workforce.appraisals:
            level = given.score(appraisal, trace=False).ratings["work_results"]
            achieved = derive.score(appraisal, trace=False).figures["achievement"]
            by_level.setdefault(level, []).append(float(achieved))
        below, meets, above = (
            mean(by_level[level])
            for level in ("below_expectations", "meets_expectations", "above_expectations")
        )
        assert below < meets < above

    def test_achievement_mostly_typical(self):
        """About nine in ten employees' mean achievement lies near 90-115 %."""
        workforce = generate(WorkforceSpec(employees=400), 2)
        derive = Permen6Regime(work_rating=WorkRatingFromAchievement(), leader_rule="as_configured")
        achieved = [
            derive.score(a, trace=False).figures["achievement"] for a in workforce.appraisals
        ]
        typical = sum(85 <= value <= 120 for value in achieved) / len(achieved)
        assert 0.85 < typical < 0.97


class TestBias:
    def test_leniency_detected(self):
        """
        Seed 0, 1000 employees, 10 % of raters +1 noise sd: RaterAnalytics flags them far more.

        Measured: 71 of the 100 lenient raters are flagged lenient, 53 of the 901
        others get any leniency or severity finding (5.9 %).
        """
        bias = RaterBias(kind="leniency", strength=1, share="1/10")
        spec = WorkforceSpec(employees=1000, unit_sizes=(8, 14), biases=[bias])
        workforce = generate(spec, 0)
        lenient = workforce.biased_raters(BiasKind.LENIENCY)
        findings = RaterAnalytics().leniency(workforce.appraisals)
        flagged = {f.rater for f in findings if f.kind is FindingKind.LENIENCY}
        others = set(workforce.raters) - lenient
        (found, clean) = (len(flagged & lenient), len({f.rater for f in findings} & others))
        assert (found, len(lenient), clean, len(others)) == (71, 100, 53, 901)
        assert found / len(lenient) > 5 * clean / len(others)

    def test_halo_detected(self):
        """
        A full halo gives one value on all seven aspects: every such rating is a halo finding.

        Measured (seed 0, 300 employees, 10 % of raters): all 119 appraisals rated by a
        halo rater are found, and 94 of the 1174 rated by others (8 %), whose six or
        seven equal values on the 1-5 scale happen by chance.
        """
        bias = RaterBias(kind="halo", strength=1, share="1/10")
        workforce = generate(WorkforceSpec(employees=300, biases=[bias]), 0)
        halo = workforce.biased_raters("halo")
        found = {(f.rater, f.appraisal_id) for f in RaterAnalytics().halo(workforce.appraisals)}
        rated = {
            (rater.employee_id, appraisal.id)
            for appraisal in workforce.appraisals
            for rater in appraisal.raters
            if rater.role not in {RaterRole.SELF, RaterRole.PUBLIC}
        }
        biased = {pair for pair in rated if pair[0] in halo}
        others = rated - biased
        assert (len(found & biased), len(biased)) == (119, 119)
        assert (len(found & others), len(others)) == (94, 1174)


def test_import_penilaian_leaves_simulation_out():
    """Importing penilaian does not import the simulation package."""
    code = "import sys, penilaian; print('penilaian.simulation' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
