"""The PermenPANRB 6/2022 batch engine: columns in, the scalar regime's grades out, row by row."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from hypothesis import given

import penilaian as p
from penilaian.batch import (
    GRADES,
    LEVELS,
    NONE,
    UNIT_GRADES,
    Permen6Batch,
    grades,
    score_permen6,
)
from penilaian.exceptions import InvalidInputError, ScoringInputError
from penilaian.model import OVERALL_BEHAVIOUR, OVERALL_WORK_RESULTS
from penilaian.regimes.permen6_2022 import (
    PERMEN6_2022_MATRIX,
    Permen6Regime,
    WorkRatingFromAchievement,
    WorkRatingFromUnit,
)
from strategies.batch import PEER, PERMEN6_POSITIONS, REPORTS, SUPERVISOR, permen6_populations

WORK, BEHAVIOUR = OVERALL_WORK_RESULTS, OVERALL_BEHAVIOUR


def appraisal(work=None, behaviour=None, *, leader=False, unit_grade=None, scale=None):
    """An appraisal with the supervisor's given levels (ids), or a numeric rating on *scale*."""
    ratings = [
        p.Rating("r-sup", subject, "expectation", level=level)
        for subject, level in ((WORK, work), (BEHAVIOUR, behaviour))
        if level is not None
    ]
    scales = [p.EXPECTATION_SCALE]
    if scale is not None:
        scales.append(scale)
        ratings.append(p.Rating("r-sup", WORK, scale.id, score=3))
    return p.Appraisal(
        "skp-1",
        p.Employee("e-1", "Budi Santoso"),
        PERMEN6_POSITIONS[leader],
        p.Period.year(2023),
        p.BERAKHLAK,
        [REPORTS],
        raters=[SUPERVISOR, PEER],
        scales=scales,
        ratings=ratings,
        unit_grade=unit_grade,
    )


def scalar_rows(appraisals, regime):
    """(grade, work level, behaviour level) of each appraisal by the scalar regime."""
    rows = []
    for found in appraisals:
        result = regime.score(found, trace=False)
        rows.append((
            result.grade,
            result.ratings.get(WORK),
            result.ratings.get(BEHAVIOUR),
        ))  # fmt: skip
    return rows


def batch_rows(scores):
    """(grade, work level id, behaviour level id) of each row of the batch scores."""
    levels = [None if code == NONE else LEVELS[code].value for code in scores.work.tolist()]
    behaviours = [
        None if code == NONE else LEVELS[code].value for code in scores.behaviour.tolist()
    ]
    return list(zip(grades(scores.grade), levels, behaviours, strict=True))


class TestScorePermen6:
    """score_permen6 gives every row the scalar regime's grade and ratings."""

    @given(population=permen6_populations())
    def test_equals_scalar_path(self, population):
        """On random populations (gaps, leaders, peers' ratings) batch == scalar, row by row."""
        regime = Permen6Regime()
        expected = scalar_rows(population, regime)
        actual = batch_rows(score_permen6(Permen6Batch.from_appraisals(population), regime))
        assert expected == actual

    @given(population=permen6_populations())
    def test_equals_scalar_path_as_configured(self, population):
        """With leader_rule "as_configured" leaders keep the supervisor's rating, as scalar."""
        regime = Permen6Regime(leader_rule="as_configured")
        expected = scalar_rows(population, regime)
        actual = batch_rows(score_permen6(Permen6Batch.from_appraisals(population), regime))
        assert expected == actual

    def test_every_matrix_cell(self):
        """PermenPANRB 6/2022 Lampiran: all nine cells of the matrix, in one batch."""
        pairs = list(itertools.product(p.ExpectationLevel, repeat=2))
        population = [appraisal(work.value, behaviour.value) for work, behaviour in pairs]
        scores = score_permen6(Permen6Batch.from_appraisals(population))
        assert [PERMEN6_2022_MATRIX[pair] for pair in pairs] == grades(scores.grade)

    def test_missing_rating_is_no_grade(self):
        """A missing rating gives no grade (-1), never a grade from a level taken as 0."""
        population = [appraisal(None, "above_expectations"), appraisal("below_expectations")]
        scores = score_permen6(Permen6Batch.from_appraisals(population))
        assert scores.grade.tolist() == [NONE, NONE]
        assert scores.rank().tolist() == [0, 0]

    def test_leader_takes_unit_grade(self):
        """PermenPANRB 6/2022: a leader's work rating is the unit's grade (Istimewa: above)."""
        leader = appraisal("below_expectations", "above_expectations", leader=True,
                           unit_grade="outstanding")  # fmt: skip
        scores = score_permen6(Permen6Batch.from_appraisals([leader]))
        assert grades(scores.grade) == [p.Grade.VERY_GOOD]
        assert scores.rank().tolist() == [5]

    def test_leader_without_unit_grade_is_no_grade(self):
        """A leader whose unit has no grade has a gap, whatever the supervisor said."""
        leader = appraisal("above_expectations", "above_expectations", leader=True)
        scores = score_permen6(Permen6Batch.from_appraisals([leader]))
        assert scores.grade.tolist() == [NONE]

    def test_custom_unit_mapping(self):
        """The regime's unit mapping is honoured (Baik read as above here)."""
        mapping = dict.fromkeys(p.OrganisationGrade, "above")
        regime = Permen6Regime(unit_rating=WorkRatingFromUnit(mapping))
        leader = appraisal(None, "meets_expectations", leader=True, unit_grade="good")
        scores = score_permen6(Permen6Batch.from_appraisals([leader]), regime)
        assert grades(scores.grade) == [p.Grade.GOOD]
        assert [regime.score(leader).grade] == grades(scores.grade)

    def test_refuses_derived_rules(self):
        """A regime deriving the work rating from achievement is refused, not approximated."""
        regime = Permen6Regime(work_rating=WorkRatingFromAchievement())
        batch = Permen6Batch.from_appraisals([appraisal("meets_expectations")])
        with pytest.raises(ScoringInputError) as caught:
            score_permen6(batch, regime)
        assert [problem.path for problem in caught.value.problems] == ["$.regime.work_rating"]


class TestPermen6Batch:
    """The columns are checked before any work, and errors name the column and row."""

    def columns(self, **changes):
        """Three valid rows of columns, with *changes*."""
        columns = {
            "work": np.array([0, 1, NONE], np.int8),
            "behaviour": np.array([2, 1, 0], np.int8),
            "leads_unit": np.array([False, True, False]),
            "unit_grade": np.array([NONE, 0, 4], np.int8),
        }
        return {**columns, **changes}

    def test_codes_tables(self):
        """Codes index the enumerations, lowest level first, every grade once."""
        assert tuple(p.ExpectationLevel) == LEVELS
        assert tuple(p.OrganisationGrade) == UNIT_GRADES
        assert tuple(p.Grade) == GRADES

    def test_builds_from_columns(self):
        """Valid columns build a batch of their length."""
        assert len(Permen6Batch(**self.columns())) == 3

    def test_off_code_names_column_and_row(self):
        """A code outside -1..2 is refused with the column and row in the path."""
        with pytest.raises(InvalidInputError) as caught:
            Permen6Batch(**self.columns(behaviour=np.array([2, 3, 0], np.int8)))
        (problem,) = caught.value.problems
        assert problem.path == "$.behaviour[1]"
        assert problem.error.field == "behaviour"
        assert problem.error.value == 3

    def test_float_column_with_nan_is_refused(self):
        """A float column (NaN for missing) is refused, not converted; the message says why."""
        with pytest.raises(InvalidInputError) as caught:
            Permen6Batch(**self.columns(work=np.array([0.0, np.nan, 1.0])))
        (problem,) = caught.value.problems
        assert problem.path == "$.work"
        assert "NaN" in problem.message

    def test_wrong_shape_is_refused(self):
        """A column of another length than the rows is refused, naming it."""
        with pytest.raises(InvalidInputError) as caught:
            Permen6Batch(**self.columns(leads_unit=np.array([False, True])))
        assert [problem.path for problem in caught.value.problems] == ["$.leads_unit"]

    def test_not_an_array_is_refused(self):
        """A list is not a column."""
        with pytest.raises(InvalidInputError) as caught:
            Permen6Batch(**self.columns(work=[0, 1, 2]))
        assert [problem.path for problem in caught.value.problems] == ["$.work"]

    def test_builder_names_row_of_bad_rating(self):
        """A numeric rating where a level is needed is refused with the row in its path."""
        bad = appraisal(scale=p.NumericScale("angka", 0, 5))
        with pytest.raises(ScoringInputError) as caught:
            Permen6Batch.from_appraisals([appraisal("meets_expectations"), bad])
        paths = [problem.path for problem in caught.value.problems]
        assert all(path.startswith("$[1].ratings") for path in paths)
        assert paths

    def test_builder_refuses_other_framework(self):
        """A framework other than BerAKHLAK is refused at its row."""
        import attrs  # noqa: PLC0415

        other = attrs.evolve(appraisal(), framework=p.PP30_2019_BEHAVIOUR, ratings=())
        with pytest.raises(ScoringInputError) as caught:
            Permen6Batch.from_appraisals([other])
        assert [problem.path for problem in caught.value.problems] == ["$[0].framework"]
        (problem,) = caught.value.problems
        expected = "PermenPANRB 6/2022 appraises behaviour on the BerAKHLAK core values"
        assert expected == problem.message
        assert (problem.error.field, problem.error.value) == ("framework", other.framework.id)
