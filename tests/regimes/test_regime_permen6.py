"""The PermenPANRB 6/2022 regime: ratings, the 3x3 matrix, annual roll-ups, credit points."""

from __future__ import annotations

import itertools
from decimal import Decimal
from fractions import Fraction

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import penilaian as p
from penilaian.exceptions import (
    InvalidNumberError,
    InvalidPeriodError,
    InvalidValueError,
    MissingValueError,
    ScoringInputError,
    UnknownLabelError,
    UnsupportedInputError,
)
from penilaian.model import OVERALL_BEHAVIOUR, OVERALL_WORK_RESULTS, Target, TargetKind
from penilaian.regimes.permen6_2022 import (
    PERMEN6_2022_GRADE_ORDER,
    PERMEN6_2022_MATRIX,
    PERMEN6_2022_UNIT_RATINGS,
    BehaviourRatingFromValues,
    GivenBehaviourRating,
    GivenWorkRating,
    Permen6Regime,
    RatingOutcome,
    WorkRatingFromAchievement,
    WorkRatingFromUnit,
    achievement_bands,
    behaviour_from_values,
    framework_error,
    matrix_grade,
    mean_achievement,
    unit_work_rating,
    work_rating_from_achievement,
)
from penilaian.regimes.permen6_2022.annual import (
    AnnualGrade,
    LastPeriod,
    MonthWeighted,
    MostFrequent,
    PeriodGrade,
    WorstPeriod,
    annual_grade,
)
from penilaian.regimes.permen6_2022.credit import (
    PERMENPANRB_1_2023_COEFFICIENTS,
    PERMENPANRB_1_2023_PERCENTAGES,
    credit_points,
)
from penilaian.scoring import MISSING
from penilaian.serialization import dumps, loads

ABOVE, MEETS, BELOW = p.ExpectationLevel.ABOVE, p.ExpectationLevel.MEETS, p.ExpectationLevel.BELOW
G = p.Grade
WORK, BEHAVIOUR = OVERALL_WORK_RESULTS, OVERALL_BEHAVIOUR

SUPERVISOR = p.Rater("r-sup", "pejabat penilai", "e-budi")
PEER = p.Rater("r-peer", "rekan kerja", "e-citra")
SCORE = p.NumericScale("score", 0, 100)
VALUES = tuple(aspect.id for aspect in p.BERAKHLAK.aspects)
STAFF = p.Position("Analis Keuangan Ahli Pertama", "Ahli Pertama", unit_id="u-keu")
LEADER = p.Position("Kepala Bidang Keuangan", "administrator", unit_id="u-keu", leads_unit=True)


def indicator(
    id_: str,
    target: Target,
    realised: str | None,
    direction: str = "higher_is_better",
) -> p.Indicator:
    realisation = None
    if realised is not None:
        realisation = p.Realisation(description=realised)
        if not isinstance(target, p.QualitativeTarget):
            realisation = p.Realisation(Decimal(realised))
    return p.Indicator(id_, f"Indikator {id_}", "kuantitas", target, direction, None, realisation)


REPORTS = p.WorkTarget("t1", "Tersusunnya laporan", [indicator("i1", p.PointTarget(12), "12")])


def rating(subject: str, level: str, rater: str = "r-sup") -> p.Rating:
    return p.Rating(rater, subject, "expectation", level=level)


def overall(work: str | None, behaviour: str | None) -> list[p.Rating]:
    ratings = []
    if work is not None:
        ratings.append(rating(WORK, work))
    if behaviour is not None:
        ratings.append(rating(BEHAVIOUR, behaviour))
    return ratings


def appraisal(ratings=(), **changes) -> p.Appraisal:
    fields = {
        "id": "skp-2024-ani",
        "employee": p.Employee("e-ani", "Ani Lestari"),
        "position": STAFF,
        "period": p.Period.year(2024),
        "framework": p.BERAKHLAK,
        "targets": [REPORTS],
        "raters": [SUPERVISOR, PEER],
        "scales": [p.EXPECTATION_SCALE, SCORE],
        "ratings": list(ratings),
    }
    fields.update(changes)
    return p.Appraisal(**fields)


def score(ratings=(), regime: Permen6Regime | None = None, **changes) -> p.Result:
    return (regime or Permen6Regime()).score(appraisal(ratings, **changes))


def paths(error: pytest.ExceptionInfo[ScoringInputError]) -> list[str]:
    return [problem.path for problem in error.value.problems]


def kinds(error: pytest.ExceptionInfo[ScoringInputError]) -> list[type[BaseException]]:
    return [type(problem.error) for problem in error.value.problems]


class TestMatrix:
    """PermenPANRB 6/2022 Lampiran, predikat kinerja pegawai (REGULATIONS 3.4)."""

    @pytest.mark.parametrize(
        ("work", "behaviour", "expected"),
        [
            (ABOVE, BELOW, G.POOR),
            (ABOVE, MEETS, G.GOOD),
            (ABOVE, ABOVE, G.VERY_GOOD),
            (MEETS, BELOW, G.POOR),
            (MEETS, MEETS, G.GOOD),
            (MEETS, ABOVE, G.GOOD),
            (BELOW, BELOW, G.VERY_POOR),
            (BELOW, MEETS, G.NEEDS_IMPROVEMENT),
            (BELOW, ABOVE, G.NEEDS_IMPROVEMENT),
        ],
    )
    def test_every_cell(self, work, behaviour, expected):
        """Each of the nine cells of the 3.4 matrix gives the printed predikat."""
        result = score(overall(work.value, behaviour.value))
        assert expected == result.grade
        assert expected == PERMEN6_2022_MATRIX[work, behaviour]

    def test_matrix_is_total(self):
        """The matrix gives a grade for every pair of expectation levels, and only those."""
        expected = set(itertools.product(p.ExpectationLevel, repeat=2))
        assert expected == set(PERMEN6_2022_MATRIX)
        assert set(PERMEN6_2022_MATRIX.values()) == set(PERMEN6_2022_GRADE_ORDER)

    def test_misconduct_is_poor(self):
        """The cell printed "Kurang/Misconduct" is Grade.POOR."""
        expected = G.POOR
        assert expected == p.Grade.parse("Kurang/Misconduct")
        assert expected == PERMEN6_2022_MATRIX[ABOVE, BELOW]

    @pytest.mark.parametrize("work", list(p.ExpectationLevel))
    def test_monotone_in_behaviour(self, work):
        """Better behaviour never lowers the grade (REGULATIONS 3.4, each row)."""
        ranks = [PERMEN6_2022_GRADE_ORDER[PERMEN6_2022_MATRIX[work, b]] for b in p.ExpectationLevel]
        assert sorted(ranks) == ranks

    @pytest.mark.parametrize("behaviour", list(p.ExpectationLevel))
    def test_monotone_in_work(self, behaviour):
        """Better work results never lower the grade either, in every column (3.4)."""
        ranks = [
            PERMEN6_2022_GRADE_ORDER[PERMEN6_2022_MATRIX[w, behaviour]] for w in p.ExpectationLevel
        ]
        assert sorted(ranks) == ranks

    @pytest.mark.parametrize(
        ("work", "behaviour"), list(itertools.product(p.ExpectationLevel, repeat=2))
    )
    def test_matrix_grade_is_the_table(self, work, behaviour):
        """matrix_grade reads PERMEN6_2022_MATRIX, cell by cell."""
        assert PERMEN6_2022_MATRIX[work, behaviour] == matrix_grade(work, behaviour)

    def test_flat_cells(self):
        """Not strictly monotone: with bad behaviour, results above or meeting both give Kurang."""
        assert PERMEN6_2022_MATRIX[ABOVE, BELOW] == PERMEN6_2022_MATRIX[MEETS, BELOW]
        assert PERMEN6_2022_MATRIX[MEETS, ABOVE] == PERMEN6_2022_MATRIX[MEETS, MEETS]
        assert PERMEN6_2022_MATRIX[BELOW, ABOVE] == PERMEN6_2022_MATRIX[BELOW, MEETS]


class TestPermen6Regime:
    """The regime as a `ScoringStrategy` (PermenPANRB 6/2022 Pasal 5, penilaian)."""

    def test_is_a_scoring_strategy(self):
        """It has the id permen6_2022 and satisfies the protocol."""
        regime = Permen6Regime()
        assert regime.id == "permen6_2022"
        assert isinstance(regime, p.typing.ScoringStrategy)

    def test_result_keys(self):
        """A complete result has the grade, no score, both ratings and no figures."""
        result = score(overall("Di Atas Ekspektasi", "Sesuai Ekspektasi"))
        expected = p.Result(
            "permen6_2022",
            "skp-2024-ani",
            grade=G.GOOD,
            ratings={"work_results": "above_expectations", "behaviour": "meets_expectations"},
        )
        assert expected == result.without_trace()
        assert result.is_complete

    def test_trace_root_is_the_matrix(self):
        """The trace's root applies the matrix and gives the grade; its children the ratings."""
        result = score(overall("above", "above"))
        assert result.trace is not None
        assert result.trace.rule.id == "permen6.matrix"
        assert result.trace.output == "very_good"
        expected = [WORK, BEHAVIOUR]
        assert expected == [child.subject for child in result.trace.children]
        text = p.render_trace(result.trace, "en")
        assert "PermenPANRB 6/2022" in text
        assert "rater = r-sup, given = above" in text

    def test_without_trace(self):
        """trace=False builds no step and gives the same figures."""
        subject = appraisal(overall("above", "below"))
        result = Permen6Regime().score(subject, trace=False)
        assert result.trace is None
        assert Permen6Regime().score(subject).without_trace() == result

    @pytest.mark.parametrize(
        "regime",
        [
            Permen6Regime(),
            Permen6Regime(work_rating=WorkRatingFromAchievement()),
            Permen6Regime(behaviour_rating=BehaviourRatingFromValues()),
            Permen6Regime(work_rating=WorkRatingFromUnit()),
        ],
    )
    @pytest.mark.parametrize("position", [STAFF, LEADER])
    def test_trace_off_gives_the_same_result(self, regime, position):
        """Every rule gives the same figures and ratings with and without the trace."""
        ratings = [
            *overall("above", "meets"),
            *values("above", "above", "above", "above", "meets", "meets", "meets"),
        ]
        subject = appraisal(ratings, position=position, unit_grade="baik")
        result = regime.score(subject)
        assert result.without_trace() == regime.score(subject, trace=False)
        assert result.is_complete

    def test_wrong_framework(self):
        """PermenPANRB 6/2022 appraises BerAKHLAK; another framework is refused at $.framework."""
        with pytest.raises(ScoringInputError) as error:
            score(overall("above", "above"), framework=p.PP46_2011_BEHAVIOUR)
        assert paths(error) == ["$.framework"]
        assert kinds(error) == [UnsupportedInputError]

    def test_validates_leader_rule(self):
        """leader_rule is one of the two policies."""
        with pytest.raises(ValueError, match="leader_rule"):
            Permen6Regime(leader_rule="sometimes")  # type: ignore[arg-type]

    @pytest.mark.parametrize(
        ("field", "value"),
        [
            ("work_rating", 3),
            ("work_rating", "given"),
            ("behaviour_rating", None),
            ("behaviour_rating", "given"),
            ("leader_rule", "sometimes"),
            ("leader_rule", None),
            ("unit_rating", 3),
            ("unit_rating", GivenWorkRating()),
            ("unit_rating", PERMEN6_2022_UNIT_RATINGS),
        ],
    )
    def test_every_field_is_checked(self, field, value):
        """A bad value of any field raises InvalidValueError naming the field, never TypeError."""
        with pytest.raises(InvalidValueError) as caught:
            Permen6Regime(**{field: value})
        assert caught.value.field == field
        assert caught.value.value is value

    def test_any_callable_is_a_rule(self):
        """A rating rule is any callable with the RatingRule signature, a plain function too."""

        def meets(appraisal, *, trace=True):
            return RatingOutcome(MEETS)

        regime = Permen6Regime(work_rating=meets, behaviour_rating=meets)
        assert score((), regime).grade == G.GOOD

    def test_problems_of_both_rules_are_listed(self):
        """Ratings on a numeric scale for both are both reported, at their paths."""
        ratings = [
            p.Rating("r-sup", WORK, "score", score=90),
            p.Rating("r-sup", BEHAVIOUR, "score", score=80),
        ]
        with pytest.raises(ScoringInputError) as error:
            score(ratings)
        assert paths(error) == ["$.ratings[0].scale_id", "$.ratings[1].scale_id"]
        assert kinds(error) == [UnsupportedInputError, UnsupportedInputError]


class TestRuleFunctions:
    """The formulas of rules.py, each callable alone, as the regime and the batch apply them."""

    @pytest.mark.parametrize(
        ("levels", "above_at_least", "expected"),
        [
            ([ABOVE] * 6 + [BELOW], 4, BELOW),
            ([ABOVE] * 4 + [MEETS] * 3, 4, ABOVE),
            ([ABOVE] * 3 + [MEETS] * 4, 4, MEETS),
            ([ABOVE] * 6 + [MEETS], 7, MEETS),
            ([ABOVE] * 7, 7, ABOVE),
            ([], 1, MEETS),
        ],
    )
    def test_behaviour_from_values(self, levels, above_at_least, expected):
        """Any below is below; at least above_at_least above is above; else meets."""
        assert expected == behaviour_from_values(iter(levels), above_at_least)

    @pytest.mark.parametrize(
        ("mean", "expected"),
        [
            (Fraction(9999, 100), BELOW),
            (Fraction(100), MEETS),
            (Fraction(10099, 100), MEETS),
            (Fraction(101), ABOVE),
        ],
    )
    def test_work_rating_from_achievement(self, mean, expected):
        """Under 100 below, 100 up to 101 meets, from 101 above; the bands say the same."""
        assert expected == work_rating_from_achievement(mean)
        assert expected == achievement_bands().classify(mean)
        assert expected == WorkRatingFromAchievement().bands().classify(mean)

    def test_custom_cuts(self):
        """The cuts are arguments: above from 110, below under 90."""
        assert work_rating_from_achievement(Fraction(105), Decimal(110), Decimal(90)) == MEETS
        assert work_rating_from_achievement(Fraction(89), Decimal(110), Decimal(90)) == BELOW

    def test_mean_achievement(self):
        """The plain mean, exactly: 100 and 103 give 101.5."""
        assert Fraction(203, 2) == mean_achievement([Fraction(100), Fraction(103)])

    @pytest.mark.parametrize(("grade", "expected"), list(PERMEN6_2022_UNIT_RATINGS.items()))
    def test_unit_work_rating(self, grade, expected):
        """The default mapping gives each unit grade its level; another mapping is honoured."""
        assert expected == unit_work_rating(grade)
        assert unit_work_rating(grade, dict.fromkeys(p.OrganisationGrade, ABOVE)) == ABOVE

    def test_framework_error(self):
        """BerAKHLAK passes; another framework is an UnsupportedInputError naming it."""
        assert framework_error(p.BERAKHLAK) is None
        error = framework_error(p.PP46_2011_BEHAVIOUR)
        assert isinstance(error, UnsupportedInputError)
        assert (error.field, error.value) == ("framework", p.PP46_2011_BEHAVIOUR.id)


class TestGivenRatings:
    """The supervisor sets both ratings (PermenPANRB 6/2022 Pasal 5; REGULATIONS 3.4)."""

    @pytest.mark.parametrize(
        ("spelling", "expected"),
        [
            ("Di Atas Ekspektasi", ABOVE),
            ("diatas ekspetasi", ABOVE),
            ("DI_ATAS_EKSPEKTASI", ABOVE),
            ("Sesuai Ekspektasi", MEETS),
            ("sesuai ekspetasi", MEETS),
            ("Di Bawah Ekspektasi", BELOW),
            ("dibawah ekspektasi", BELOW),
            ("below", BELOW),
        ],
    )
    def test_spellings(self, spelling, expected):
        """Every spelling of the expectation scale names its level."""
        result = score(overall(spelling, spelling))
        assert expected.value == result.ratings["work_results"]
        assert expected.value == result.ratings["behaviour"]

    def test_own_scale_naming_expectation_levels(self):
        """An instansi's ordinal scale works when its levels name expectation levels."""
        scale = p.OrdinalScale(
            "ekspektasi", ["Di Bawah Ekspektasi", "Sesuai Ekspektasi", "Di Atas Ekspektasi"],
            aliases=[("DA", "Di Atas Ekspektasi")],
        )  # fmt: skip
        ratings = [
            p.Rating("r-sup", WORK, "ekspektasi", level="da"),
            p.Rating("r-sup", BEHAVIOUR, "ekspektasi", level="sesuai ekspektasi"),
        ]
        result = score(ratings, scales=[scale])
        assert result.grade == G.GOOD

    def test_scale_of_other_levels(self):
        """A level that names no expectation level is refused where it is."""
        scale = p.OrdinalScale("abc", ["kurang", "cukup", "baik"])
        ratings = [p.Rating("r-sup", WORK, "abc", level="baik"), rating(BEHAVIOUR, "meets")]
        with pytest.raises(ScoringInputError) as error:
            score(ratings, scales=[p.EXPECTATION_SCALE, scale])
        assert paths(error) == ["$.ratings[0].level"]
        assert kinds(error) == [UnsupportedInputError]

    def test_missing_work_rating_is_a_gap(self):
        """No work-results rating: an incomplete result naming the gap, never a grade."""
        result = score(overall(None, "above"))
        assert result.grade is None
        assert not result.is_complete
        expected = ["$.ratings"]
        assert expected == [gap.path for gap in result.gaps]
        assert "work_results" in result.gaps[0].reason
        assert result.ratings == {"behaviour": "above_expectations"}
        assert result.trace is not None
        assert result.trace.output == MISSING

    def test_missing_both_ratings(self):
        """Two gaps, one per rating."""
        result = score(())
        expected = 2
        assert expected == len(result.gaps)
        assert result.ratings == {}

    def test_peer_ratings_do_not_count(self):
        """Only the pejabat penilai rates; a peer's rating of the same subject is ignored."""
        ratings = [rating(WORK, "above", "r-peer"), rating(BEHAVIOUR, "above", "r-peer")]
        result = score([*ratings, *overall("below", "meets")])
        assert result.grade == G.NEEDS_IMPROVEMENT
        assert len(score(ratings).gaps) == 2

    def test_two_supervisors(self):
        """Two supervisor ratings of one subject are refused rather than chosen between."""
        second = p.Rater("r-sup2", "atasan", "e-dewi")
        ratings = [*overall("above", "above"), rating(WORK, "below", "r-sup2")]
        with pytest.raises(ScoringInputError) as error:
            score(ratings, raters=[SUPERVISOR, PEER, second])
        assert paths(error) == ["$.ratings"]
        assert kinds(error) == [UnsupportedInputError]

    def test_rules_are_callable_alone(self):
        """Each rule returns a RatingOutcome."""
        subject = appraisal(overall("above", "below"))
        assert GivenWorkRating()(subject, trace=False) == RatingOutcome(ABOVE)
        assert GivenBehaviourRating()(subject, trace=False) == RatingOutcome(BELOW)


def achievement_appraisal(*targets: p.WorkTarget, **changes) -> p.Appraisal:
    return appraisal(overall(None, "meets"), targets=list(targets), **changes)


def one(target: Target, realised: str | None, direction: str = "higher_is_better") -> p.WorkTarget:
    return p.WorkTarget("t1", "Hasil kerja", [indicator("i1", target, realised, direction)])


FROM_ACHIEVEMENT = Permen6Regime(work_rating=WorkRatingFromAchievement())


class TestWorkRatingFromAchievement:
    """Work rating derived from capaian IKI (PermenPANRB 8/2021 Bab VI.A; convention [LOW])."""

    @pytest.mark.parametrize(
        ("target", "realised", "direction", "figure", "expected"),
        [
            (p.PointTarget(95), "93", "higher_is_better", "97.894737", BELOW),
            (p.PointTarget(85), "85", "higher_is_better", "100", MEETS),
            (p.RangeTarget(80, 90), "70", "higher_is_better", "87.5", BELOW),
            (p.RangeTarget(80, 90), "85", "higher_is_better", "100", MEETS),
            (p.RangeTarget(80, 90), "99", "higher_is_better", "110", ABOVE),
            (p.RangeTarget(7, 8), "6.5", "lower_is_better", "107.142857", ABOVE),
            (p.RangeTarget(7, 8), "9", "lower_is_better", "87.5", BELOW),
            (p.PointTarget(10), "9", "lower_is_better", "110", ABOVE),
        ],
    )
    def test_regulation_examples(self, target, realised, direction, figure, expected):
        """8/2021 Bab VI.A: 93/95, 80-90 range, khusus 7-8 months with 6.5 and 9."""
        result = FROM_ACHIEVEMENT.score(achievement_appraisal(one(target, realised, direction)))
        assert Decimal(figure) == result.figures["indicator[i1].achievement"]
        assert Decimal(figure) == result.figures["achievement"]
        assert expected.value == result.ratings["work_results"]

    @pytest.mark.parametrize(
        ("realised", "expected"),
        [
            ("99.99", BELOW),
            ("100", MEETS),
            ("100.99", MEETS),
            ("101", ABOVE),
        ],
    )
    def test_band_edges(self, realised, expected):
        """Under 100 is below, 100 up to 101 meets, from 101 above (defaults)."""
        result = FROM_ACHIEVEMENT.score(achievement_appraisal(one(p.PointTarget(100), realised)))
        assert expected.value == result.ratings["work_results"]

    def test_mean_of_indicators(self):
        """The mean over every indicator of the main targets decides; 100 and 103 give 101.5."""
        target = p.WorkTarget(
            "t1",
            "Hasil",
            [indicator("a", p.PointTarget(10), "10"), indicator("b", p.PointTarget(100), "103")],
        )
        result = FROM_ACHIEVEMENT.score(achievement_appraisal(target))
        expected = {
            "indicator[a].achievement": Decimal(100),
            "indicator[b].achievement": Decimal(103),
            "achievement": Decimal("101.5"),
        }
        assert expected == result.figures
        assert result.ratings["work_results"] == "above_expectations"
        assert result.grade == G.GOOD
        assert result.trace is not None
        assert len(result.trace.find("achievement.normal")) == 2

    def test_additional_targets_left_out_by_default(self):
        """Additional work (tambahan) is not averaged unless configured."""
        extra = p.WorkTarget(
            "t2", "Tambahan", [indicator("x", p.PointTarget(10), "1")], kind="tambahan"
        )
        subject = achievement_appraisal(one(p.PointTarget(10), "10"), extra)
        assert FROM_ACHIEVEMENT.score(subject).ratings["work_results"] == "meets_expectations"
        both = WorkRatingFromAchievement(kinds=[TargetKind.MAIN, TargetKind.ADDITIONAL])
        result = Permen6Regime(work_rating=both).score(subject)
        assert result.ratings["work_results"] == "below_expectations"
        assert result.figures["achievement"] == Decimal(55)

    def test_no_main_target(self):
        """Only additional targets: nothing to derive from, refused at $.targets."""
        extra = p.WorkTarget(
            "t2", "Tambahan", [indicator("x", p.PointTarget(10), "1")], kind="tambahan"
        )
        with pytest.raises(ScoringInputError) as error:
            FROM_ACHIEVEMENT.score(achievement_appraisal(extra))
        assert paths(error) == ["$.targets"]

    def test_missing_and_qualitative_are_listed(self):
        """Every missing realisation and qualitative target is listed with its path."""
        target = p.WorkTarget(
            "t1",
            "Hasil",
            [
                indicator("a", p.PointTarget(10), None),
                indicator("b", p.QualitativeTarget("Diterima"), "Diterima"),
                indicator("c", p.PointTarget(10), "10"),
            ],
        )
        with pytest.raises(ScoringInputError) as error:
            FROM_ACHIEVEMENT.score(achievement_appraisal(target))
        assert paths(error) == [
            "$.targets[0].indicators[0].realisation",
            "$.targets[0].indicators[1].target",
        ]
        assert kinds(error) == [MissingValueError, UnsupportedInputError]

    def test_custom_cuts(self):
        """The cuts are configurable: above from 110, below under 90."""
        rule = WorkRatingFromAchievement(above_from=110, below_under="90")
        subject = achievement_appraisal(one(p.PointTarget(100), "105"))
        assert (
            Permen6Regime(work_rating=rule).score(subject).ratings["work_results"]
            == "meets_expectations"
        )
        assert rule.bands().classify(Decimal(90)) == MEETS

    @pytest.mark.parametrize(
        "changes",
        [
            {"above_from": 100, "below_under": 100},
            {"below_under": 102},
            {"kinds": []},
            {"kinds": ["main"]},
        ],
    )
    def test_invalid_configuration(self, changes):
        """below_under lies under above_from; kinds are TargetKind members, at least one."""
        with pytest.raises(InvalidValueError):
            WorkRatingFromAchievement(**changes)


class TestLeaderRating:
    """A unit leader's rating hasil kerja is the unit's grade (PermenPANRB 6/2022; REG. 3.4)."""

    @pytest.mark.parametrize(
        ("unit_grade", "expected"),
        [
            ("Istimewa", ABOVE),
            ("Baik", MEETS),
            ("Butuh Perbaikan (Cukup)", BELOW),
            ("Kurang", BELOW),
            ("Sangat Kurang", BELOW),
        ],
    )
    def test_default_mapping(self, unit_grade, expected):
        """Istimewa is above, Baik meets, anything lower below [LOW]."""
        result = score(overall("below", "meets"), position=LEADER, unit_grade=unit_grade)
        assert expected.value == result.ratings["work_results"]
        assert p.OrganisationGrade.parse(unit_grade).value == result.ratings["unit_grade"]

    def test_unit_grade_overrides_the_supervisor(self):
        """The leader path applies whatever work_rating says, and the trace records it."""
        result = score(overall("below", "above"), position=LEADER, unit_grade="istimewa")
        assert result.grade == G.VERY_GOOD
        assert result.trace is not None
        leader = result.trace.find("permen6.leader")
        assert len(leader) == 1
        assert ("unit", "u-keu") in leader[0].inputs
        assert leader[0].children[0].rule.id == "permen6.unit_rating"

    def test_missing_unit_grade_is_a_gap(self):
        """A leader without a unit grade gives an incomplete result, gap at $.unit_grade."""
        result = score(overall("above", "above"), position=LEADER)
        assert result.grade is None
        expected = ["$.unit_grade"]
        assert expected == [gap.path for gap in result.gaps]

    def test_as_configured(self):
        """leader_rule="as_configured" rates leaders like everyone else."""
        regime = Permen6Regime(leader_rule="as_configured")
        result = score(overall("below", "above"), regime, position=LEADER, unit_grade="istimewa")
        assert result.grade == G.NEEDS_IMPROVEMENT
        assert "unit_grade" not in result.ratings

    def test_staff_is_not_a_leader(self):
        """Staff with a unit grade keep the supervisor's rating."""
        result = score(overall("below", "above"), unit_grade="istimewa")
        assert result.grade == G.NEEDS_IMPROVEMENT

    def test_unit_rule_as_work_rating(self):
        """WorkRatingFromUnit may also serve as the work rule for anyone."""
        regime = Permen6Regime(work_rating=WorkRatingFromUnit())
        assert score(overall(None, "meets"), regime, unit_grade="baik").grade == G.GOOD

    def test_custom_mapping(self):
        """The mapping is configurable, text accepted; Baik read as above here."""
        mapping = dict(PERMEN6_2022_UNIT_RATINGS)
        mapping[p.OrganisationGrade.GOOD] = ABOVE
        regime = Permen6Regime(
            unit_rating=WorkRatingFromUnit({str(k): v.label_id for k, v in mapping.items()})
        )
        result = score(overall(None, "above"), regime, position=LEADER, unit_grade="baik")
        assert result.grade == G.VERY_GOOD

    @pytest.mark.parametrize("mapping", [{"outstanding": "above"}, [("good", "meets")]])
    def test_mapping_must_be_total(self, mapping):
        """Every unit grade needs a level."""
        with pytest.raises(InvalidValueError, match="mapping"):
            WorkRatingFromUnit(mapping)


def values(*levels: str, rater: str = "r-sup") -> list[p.Rating]:
    return [rating(aspect, level, rater) for aspect, level in zip(VALUES, levels, strict=False)]


FROM_VALUES = Permen6Regime(behaviour_rating=BehaviourRatingFromValues())


class TestBehaviourRatingFromValues:
    """Behaviour rating from the seven BerAKHLAK values (PermenPANRB 6/2022; convention [LOW])."""

    @pytest.mark.parametrize(
        ("levels", "expected"),
        [
            (["above"] * 6 + ["below"], BELOW),
            (["above"] * 4 + ["meets"] * 3, ABOVE),
            (["above"] * 3 + ["meets"] * 4, MEETS),
            (["meets"] * 7, MEETS),
            (["above"] * 7, ABOVE),
        ],
    )
    def test_rule(self, levels, expected):
        """Any below is below; at least four above and none below is above; else meets."""
        result = FROM_VALUES.score(appraisal([*overall("meets", None), *values(*levels)]))
        assert expected.value == result.ratings["behaviour"]
        first = p.ExpectationLevel.parse(levels[0]).value
        assert first == result.ratings[f"behaviour[{VALUES[0]}]"]

    def test_threshold_is_configurable(self):
        """above_at_least=7 needs every value above."""
        regime = Permen6Regime(behaviour_rating=BehaviourRatingFromValues(above_at_least=7))
        subject = appraisal([*overall("meets", None), *values(*["above"] * 6, "meets")])
        assert regime.score(subject).ratings["behaviour"] == "meets_expectations"

    def test_missing_values_are_gaps(self):
        """Each value not rated by the supervisor is a gap; the result is incomplete."""
        result = FROM_VALUES.score(appraisal([*overall("meets", None), *values("above", "above")]))
        assert result.grade is None
        expected = 5
        assert expected == len(result.gaps)
        assert "behaviour" not in result.ratings
        assert result.ratings["behaviour[accountable]"] == "above_expectations"

    def test_trace_counts_values_and_special_expectations(self):
        """The step shows the counts and how many special expectations the leader set."""
        expectations = [p.SpecialExpectation("loyal", "Menjaga rahasia jabatan")]
        subject = appraisal(
            [*overall("meets", None), *values(*["above"] * 4, *["meets"] * 3)],
            special_expectations=expectations,
        )
        result = FROM_VALUES.score(subject)
        assert result.trace is not None
        step = result.trace.find("permen6.behaviour_from_values")[0]
        expected = (
            ("above", "4"),
            ("meets", "3"),
            ("below", "0"),
            ("above_at_least", "4"),
            ("special_expectations", "1"),
        )
        assert expected == step.inputs
        assert len(step.children) == 7

    def test_numeric_value_ratings_are_refused(self):
        """Values rated on a numeric scale are listed, each at its path."""
        ratings = [p.Rating("r-sup", aspect, "score", score=80) for aspect in VALUES[:2]]
        with pytest.raises(ScoringInputError) as error:
            FROM_VALUES.score(appraisal([*overall("meets", None), *ratings]))
        assert paths(error) == ["$.ratings[1].scale_id", "$.ratings[2].scale_id"]

    def test_two_supervisors_of_a_value(self):
        """Two supervisor ratings of one value are refused."""
        second = p.Rater("r-sup2", "atasan", "e-dewi")
        ratings = [*values(*["meets"] * 7), rating("loyal", "above", "r-sup2")]
        with pytest.raises(ScoringInputError) as error:
            FROM_VALUES.score(appraisal(ratings, raters=[SUPERVISOR, PEER, second]))
        assert paths(error) == ["$.ratings"]

    @pytest.mark.parametrize("above_at_least", [0, -1, True, 2.0])
    def test_invalid_threshold(self, above_at_least):
        """above_at_least is a whole number, 1 or more."""
        with pytest.raises(InvalidValueError):
            BehaviourRatingFromValues(above_at_least)


Q = [p.Period.quarter(2024, number) for number in range(1, 5)]


def quarters(*grades: str) -> list[PeriodGrade]:
    return [PeriodGrade(period, grade) for period, grade in zip(Q, grades, strict=True)]


ROLLUPS = [LastPeriod(), WorstPeriod(), MostFrequent(), MonthWeighted()]


class TestAnnualGrade:
    """Periodic and annual evaluation (PermenPANRB 6/2022; REGULATIONS 3.6, roll-ups [LOW])."""

    @pytest.mark.parametrize(
        ("grades", "rollup", "expected"),
        [
            (("good", "very_good", "poor", "good"), LastPeriod(), G.GOOD),
            (("good", "very_good", "good", "poor"), LastPeriod(), G.POOR),
            (("good", "very_good", "poor", "good"), WorstPeriod(), G.POOR),
            (("good", "very_good", "poor", "good"), MostFrequent(), G.GOOD),
            (("good", "good", "poor", "poor"), MostFrequent(), G.POOR),
            (("very_good", "good", "needs_improvement", "poor"), MostFrequent(), G.POOR),
            (("good", "very_good", "poor", "good"), MonthWeighted(), G.GOOD),
            (
                ("good", "good", "needs_improvement", "needs_improvement"),
                MonthWeighted(),
                G.NEEDS_IMPROVEMENT,
            ),
            (("very_good", "very_good", "very_good", "poor"), MonthWeighted(), G.GOOD),
            (
                ("very_good", "very_good", "very_poor", "very_poor"),
                MonthWeighted(),
                G.NEEDS_IMPROVEMENT,
            ),
        ],
    )
    def test_four_quarters(self, grades, rollup, expected):
        """Last, worst, most frequent (ties to the worse), month-weighted (halves to the worse)."""
        result = annual_grade(quarters(*grades), rollup, year=2024)
        assert expected == result.grade
        assert result.year == p.Period.year(2024)

    @pytest.mark.parametrize("rollup", ROLLUPS)
    def test_order_does_not_matter(self, rollup):
        """Every permutation of the four quarters gives the same annual grade and order."""
        given_ = quarters("good", "very_good", "poor", "needs_improvement")
        results = {annual_grade(order, rollup) for order in itertools.permutations(given_)}
        expected = 1
        assert expected == len(results)
        assert next(iter(results)).periods == tuple(given_)

    def test_default_is_last_period(self):
        """Without a roll-up the last period's grade is the year's [LOW]."""
        result = annual_grade(reversed(quarters("very_poor", "poor", "good", "very_good")))
        assert result.grade == G.VERY_GOOD
        assert result.step is not None
        assert result.step.rule.id == "permen6.annual.last_period"
        assert ("2024-Q4", "very_good") in result.step.inputs

    def test_month_weighted_weighs_months(self):
        """A semester weighs twice a quarter: S1 very good, Q3, Q4 poor: (30+6+6)/12 = 3.5."""
        periods = [
            PeriodGrade(p.Period.semester(2024, 1), "very_good"),
            PeriodGrade(Q[2], "poor"),
            PeriodGrade(Q[3], "poor"),
        ]
        result = annual_grade(periods, MonthWeighted())
        assert result.grade == G.NEEDS_IMPROVEMENT
        assert result.step is not None
        assert ("mean_rank", "3.5") in result.step.inputs

    def test_month_weighted_partial_months(self):
        """Partial months count by their days (Period.month_fraction)."""
        first = p.Period.custom(p.Period.month(2024, 1).start, p.Period.month(2024, 1).start)
        periods = [PeriodGrade(first, "very_poor"), PeriodGrade(Q[3], "very_good")]
        assert annual_grade(periods, MonthWeighted()).grade == G.VERY_GOOD

    def test_without_trace(self):
        """trace=False builds no step, same grade."""
        for rollup in ROLLUPS:
            traced = annual_grade(quarters("good", "poor", "good", "poor"), rollup)
            plain = annual_grade(quarters("good", "poor", "good", "poor"), rollup, trace=False)
            assert plain.step is None
            assert attrs.evolve(traced, step=None) == plain

    def test_empty(self):
        """No periods: refused, nothing to roll up."""
        with pytest.raises(ScoringInputError) as error:
            annual_grade([])
        assert paths(error) == ["$"]
        assert kinds(error) == [MissingValueError]

    def test_outside_the_year(self):
        """A period outside the year given is refused at its index."""
        periods = [
            *quarters("good", "good", "good", "good"),
            PeriodGrade(p.Period.quarter(2025, 1), "good"),
        ]
        with pytest.raises(ScoringInputError) as error:
            annual_grade(periods, year=2024)
        assert paths(error) == ["$[4].period"]
        assert kinds(error) == [UnsupportedInputError]

    def test_overlap(self):
        """Overlapping periods are refused, even when another period lies between them."""
        periods = [
            PeriodGrade(p.Period.month(2024, 5), "good"),
            PeriodGrade(p.Period.semester(2024, 1), "good"),
            PeriodGrade(p.Period.month(2024, 2), "good"),
            PeriodGrade(Q[3], "poor"),
        ]
        with pytest.raises(ScoringInputError) as error:
            annual_grade(periods)
        assert paths(error) == ["$[2].period", "$[0].period"]
        assert kinds(error) == [UnsupportedInputError, UnsupportedInputError]

    def test_bad_year(self):
        """The year is checked like Period.year."""
        with pytest.raises(InvalidPeriodError):
            annual_grade(quarters("good", "good", "good", "good"), year=10_000)

    @pytest.mark.parametrize(
        ("arguments", "field"),
        [
            ({"periods": 3}, "periods"),
            ({"periods": "2024-Q1"}, "periods"),
            ({"periods": [Q[0]]}, "periods"),
            ({"rollup": 3}, "rollup"),
            ({"rollup": "last"}, "rollup"),
            ({"year": "2024"}, "year"),
            ({"year": 2024.0}, "year"),
        ],
    )
    def test_options_are_checked(self, arguments, field):
        """A bad argument raises InvalidValueError naming it, never TypeError or AttributeError."""
        given_ = {"periods": quarters("good", "good", "good", "good"), **arguments}
        with pytest.raises(InvalidValueError) as caught:
            annual_grade(**given_)
        assert caught.value.field == field

    def test_annual_grade_value(self):
        """AnnualGrade keeps the ordered periods."""
        result = AnnualGrade(G.GOOD, quarters("good", "good", "good", "good"))
        assert result.periods == tuple(quarters("good", "good", "good", "good"))


class TestPeriodGrade:
    """A periodic grade is one of the five of PermenPANRB 6/2022 (REGULATIONS 3.4, 3.6)."""

    def test_parses_text(self):
        """Indonesian labels are accepted."""
        assert PeriodGrade(Q[0], "Kurang/Misconduct").grade == G.POOR

    @pytest.mark.parametrize("grade", ["fair", "bad"])
    def test_other_regimes_grades(self, grade):
        """Cukup and Buruk are not grades of 6/2022."""
        with pytest.raises(UnsupportedInputError):
            PeriodGrade(Q[0], grade)

    @pytest.mark.parametrize("grade", ["excellent", 3, None])
    def test_unknown_grade_names_the_field(self, grade):
        """Text or a value that names no grade is refused at the field grade."""
        with pytest.raises(UnknownLabelError) as caught:
            PeriodGrade(Q[0], grade)
        assert caught.value.field == "grade"

    def test_needs_a_period(self):
        """The period is a Period."""
        with pytest.raises(UnsupportedInputError):
            PeriodGrade("2024-Q1", "good")  # type: ignore[arg-type]

    def test_from_result(self):
        """A complete 6/2022 result gives its grade."""
        result = score(overall("above", "above"))
        assert PeriodGrade.from_result(Q[0], result) == PeriodGrade(Q[0], G.VERY_GOOD)

    def test_from_incomplete_result(self):
        """An incomplete result has no grade to roll up."""
        with pytest.raises(MissingValueError, match="work_results"):
            PeriodGrade.from_result(Q[0], score(overall(None, "above")))

    def test_from_other_regime(self):
        """A result of another regime is refused."""
        result = p.Result("pp46_2011", "x", grade=G.GOOD)
        with pytest.raises(UnsupportedInputError):
            PeriodGrade.from_result(Q[0], result)


class TestCreditPoints:
    """Angka kredit = months/12 x % predikat x koefisien (PermenPANRB 1/2023; REGULATIONS 3.8)."""

    @pytest.mark.parametrize(
        ("grade", "kind", "months", "expected"),
        [
            ("Baik", "Ahli Pertama", 12, "12.5"),
            ("Sangat Baik", "Ahli Pertama", 12, "18.75"),
            ("Baik", "Ahli Madya", 6, "18.75"),
            ("Butuh Perbaikan", "Ahli Muda", 12, "18.75"),
            ("Kurang/Misconduct", "Ahli Utama", 12, "25"),
            ("Sangat Kurang", "Penyelia", 12, "6.25"),
            ("Baik", "Pemula", 3, "0.9375"),
            ("Cukup", "Mahir", 12, "9.375"),
            ("Baik", "Terampil", Fraction(1, 2), "0.208333"),
        ],
    )
    def test_examples(self, grade, kind, months, expected):
        """The BKN sosialisasi examples and derived cases."""
        result = credit_points(grade, kind, months, rounding=p.Rounding(6))
        assert Decimal(expected) == result.value

    @pytest.mark.parametrize(("kind", "coefficient"), list(PERMENPANRB_1_2023_COEFFICIENTS.items()))
    def test_good_full_year_is_the_coefficient(self, kind, coefficient):
        """Baik for 12 months earns exactly the annual coefficient."""
        assert coefficient == credit_points(G.GOOD, kind).value

    @pytest.mark.parametrize(("grade", "percentage"), list(PERMENPANRB_1_2023_PERCENTAGES.items()))
    def test_percentages(self, grade, percentage):
        """Each grade earns its percentage of the coefficient (Ahli Muda, 25)."""
        assert percentage / 4 == credit_points(grade, "expert_junior").value

    def test_fair_counts_as_needs_improvement(self):
        """Cukup (PP 30/2019's name) is treated as Butuh Perbaikan [LOW]."""
        expected = credit_points(G.NEEDS_IMPROVEMENT, "Ahli Pertama").value
        assert expected == credit_points(G.FAIR, "Ahli Pertama").value

    def test_rounded_only_without_exact_decimal(self):
        """Terampil, Baik, one month: 5/12 is written to 2 places, 0.42, with a rounding step."""
        result = credit_points("Baik", "Terampil", 1)
        assert result.exact == Fraction(5, 12)
        assert result.value == Decimal("0.42")
        assert result.step is not None
        assert result.step.rule.id == "permenpanrb1_2023.rounding"
        assert result.step.children[0].output == "5/12"
        assert credit_points("Baik", "Ahli Pertama", 1).value == Decimal("1.04")
        assert credit_points("Baik", "Ahli Pertama", 1, rounding=p.Rounding(1)).value == 1

    def test_period_months(self):
        """A period counts its months: a quarter is 3."""
        result = credit_points("Baik", "Ahli Madya", p.Period.quarter(2024, 2))
        assert result.months == 3
        assert result.value == Decimal("9.38")

    def test_trace(self):
        """The step shows months, grade, percentage and coefficient; off, no step."""
        result = credit_points("Baik", "Ahli Pertama")
        assert result.step is not None
        expected = (
            ("months", "12"),
            ("grade", "good"),
            ("percentage", "100"),
            ("coefficient", "12.5"),
        )
        assert expected == result.step.inputs
        assert credit_points("Baik", "Ahli Pertama", trace=False).step is None

    @pytest.mark.parametrize("kind", ["Pelaksana", "Administrator", "JPT Pratama", "Pengawas"])
    def test_non_functional(self, kind):
        """Only functional posts earn credit points."""
        with pytest.raises(UnsupportedInputError):
            credit_points("Baik", kind)

    def test_bad_is_not_converted(self):
        """Buruk (PP 46/2011) is not a 6/2022 grade."""
        with pytest.raises(UnsupportedInputError):
            credit_points("Buruk", "Ahli Pertama")

    @pytest.mark.parametrize("months", [0, 13, Fraction(-1, 2), True, 6.0, Decimal(6)])
    def test_months_range(self, months):
        """Months are an int or Fraction, more than 0 and at most 12."""
        with pytest.raises(InvalidNumberError):
            credit_points("Baik", "Ahli Pertama", months)

    @pytest.mark.parametrize("rounding", [3, "half_up", None])
    def test_rounding_is_checked(self, rounding):
        """The rounding is a penilaian.Rounding; anything else is refused at the argument."""
        with pytest.raises(InvalidValueError) as caught:
            credit_points("Baik", "Terampil", 1, rounding=rounding)
        assert caught.value.field == "rounding"

    def test_unknown_text(self):
        """Text that names no grade is refused with the accepted ids."""
        with pytest.raises(UnknownLabelError):
            credit_points("Luar Biasa", "Ahli Pertama")


# -- properties ----------------------------------------------------------------------------

SPELLINGS = {
    level: sorted({level.value, level.label_id, level.label_en, *level.aliases})
    for level in p.ExpectationLevel
}


@st.composite
def permen6_cases(
    draw: st.DrawFn,
) -> tuple[p.Appraisal, p.ExpectationLevel | None, p.ExpectationLevel | None]:
    """An appraisal with the supervisor's ratings (either may be missing), in any order."""
    work = draw(st.none() | st.sampled_from(p.ExpectationLevel))
    behaviour = draw(st.none() | st.sampled_from(p.ExpectationLevel))
    ratings = []
    for subject, level in ((WORK, work), (BEHAVIOUR, behaviour)):
        if level is not None:
            ratings.append(rating(subject, draw(st.sampled_from(SPELLINGS[level]))))
    peers = draw(st.lists(st.sampled_from([WORK, BEHAVIOUR, *VALUES]), unique=True))
    ratings.extend(
        rating(subject, draw(st.sampled_from(list(p.ExpectationLevel))).value, "r-peer")
        for subject in peers
    )
    ratings = draw(st.permutations(ratings))
    return appraisal(ratings), work, behaviour


class TestProperties:
    """Laws of the regime (CONTRIBUTING, scoring regimes)."""

    @given(permen6_cases(), st.data())
    def test_independent_of_rating_order(self, case, data):
        """Reordering the ratings changes nothing."""
        subject = case[0]
        shuffled = attrs.evolve(subject, ratings=data.draw(st.permutations(subject.ratings)))
        assert Permen6Regime().score(subject) == Permen6Regime().score(shuffled)

    @given(permen6_cases())
    def test_trace_on_and_off_agree(self, case):
        """trace=False gives the same result without the trace."""
        subject = case[0]
        assert Permen6Regime().score(subject).without_trace() == Permen6Regime().score(
            subject, trace=False
        )

    @given(permen6_cases())
    def test_root_is_the_grade(self, case):
        """The root step's output is the grade (or missing), and the grade is the matrix cell."""
        subject, work, behaviour = case
        result = Permen6Regime().score(subject)
        assert result.trace is not None
        assert p.Step.of(result.trace.rule, result.grade).output == result.trace.output
        expected = (
            None if work is None or behaviour is None else PERMEN6_2022_MATRIX[work, behaviour]
        )
        assert expected == result.grade
        assert result.is_complete == (expected is not None)

    @given(
        st.sampled_from(p.ExpectationLevel),
        st.sampled_from(p.ExpectationLevel),
        st.sampled_from(p.ExpectationLevel),
        st.sampled_from(p.ExpectationLevel),
    )
    def test_improving_never_worsens(self, work, behaviour, better_work, better_behaviour):
        """Raising either rating never lowers the grade."""
        rank = list(p.ExpectationLevel).index
        if rank(better_work) < rank(work):
            work, better_work = better_work, work
        if rank(better_behaviour) < rank(behaviour):
            behaviour, better_behaviour = better_behaviour, behaviour
        before = score(overall(work.value, behaviour.value)).grade
        after = score(overall(better_work.value, better_behaviour.value)).grade
        assert PERMEN6_2022_GRADE_ORDER[before] <= PERMEN6_2022_GRADE_ORDER[after]

    @given(permen6_cases())
    def test_json_round_trip(self, case):
        """A result survives penilaian.serialization unchanged, trace included."""
        result = Permen6Regime().score(case[0])
        assert result == loads(dumps(result), p.Result)

    @given(
        st.lists(st.sampled_from(list(PERMEN6_2022_GRADE_ORDER)), min_size=4, max_size=4),
        st.sampled_from(ROLLUPS),
        st.randoms(),
    )
    def test_rollups_within_the_grades_given(self, grades, rollup, rng):
        """Any roll-up gives a grade between the worst and best period, whatever the order."""
        periods = quarters(*(grade.value for grade in grades))
        shuffled = list(periods)
        rng.shuffle(shuffled)
        result = annual_grade(shuffled, rollup, year=2024)
        assert result == annual_grade(periods, rollup, year=2024)
        ranks = [PERMEN6_2022_GRADE_ORDER[grade] for grade in grades]
        assert min(ranks) <= PERMEN6_2022_GRADE_ORDER[result.grade] <= max(ranks)

    @given(
        st.sampled_from(list(PERMENPANRB_1_2023_PERCENTAGES)),
        st.sampled_from(list(PERMENPANRB_1_2023_COEFFICIENTS)),
        st.fractions(min_value=Fraction(1, 365), max_value=12),
    )
    def test_credit_points_are_proportional_to_months(self, grade, kind, months):
        """Months/12 of the annual points, exactly."""
        year = credit_points(grade, kind).exact
        assert year * months / 12 == credit_points(grade, kind, months).exact
