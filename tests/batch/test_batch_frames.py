"""pandas interop of the batch engines: frames in, results out, equal to the scalar regimes."""

from __future__ import annotations

from decimal import Decimal

import attrs
import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import penilaian as p
from penilaian.batch.frames import (
    permen6_from_long,
    pp30_from_long,
    score_permen6_long,
    score_permen6_wide,
    score_pp30_long,
    score_pp30_wide,
)
from penilaian.exceptions import (
    DuplicateIdError,
    InvalidInputError,
    MissingValueError,
    OffScaleError,
    ScoringInputError,
    UnknownReferenceError,
)
from penilaian.model import OVERALL_WORK_RESULTS, TargetKind
from penilaian.regimes.permen6_2022 import Permen6Regime, WorkRatingFromAchievement
from penilaian.regimes.pp30_2019 import PP30_2019_INNOVATION_SCOPES as _INNOVATIVE
from penilaian.regimes.pp30_2019 import PP30_2019_PEER_ROLES as _PEER_ROLES
from penilaian.regimes.pp30_2019 import Pp30Regime
from strategies.batch import permen6_populations, pp30_populations


def pp30_long(population):
    """
    Lay PP 30/2019 appraisals out in the long layout: (indicators, ratings, appraisals).

    The optional ``leads_independent_unit`` column is written only when some post is one.
    """
    people, items, scores = [], [], []
    mandiri = any(a.position.leads_independent_unit for a in population)
    for appraisal in population:
        roles = appraisal.rater_roles
        people.append({
            "position_kind": appraisal.position.kind.value,
            "peer_input": any(roles[r.rater_id] in _PEER_ROLES for r in appraisal.ratings),
            "innovation": any(i.scope in _INNOVATIVE for i in appraisal.innovations),
            **({"leads_independent_unit": appraisal.position.leads_independent_unit}
               if mandiri else {}),
        })  # fmt: skip
        for target in appraisal.targets:
            for item in target.indicators:
                low, high = _bounds(item.target)
                items.append({
                    "appraisal": appraisal.id, "target": target.id, "indicator": item.id,
                    "main": target.kind is TargetKind.MAIN, "target_low": low,
                    "target_high": high, "realisation": item.realisation.value,
                    "lower_is_better": item.direction is p.Direction.LOWER_IS_BETTER,
                    "at_maximum": item.target_is_maximum,
                })  # fmt: skip
        scores += [
            {"appraisal": appraisal.id, "aspect": r.subject, "score": r.score}
            for r in appraisal.ratings
            if roles[r.rater_id] is p.RaterRole.SUPERVISOR
        ]
    ids = pd.Index([appraisal.id for appraisal in population])
    return (
        pd.DataFrame(items, columns=INDICATOR_COLUMNS),
        pd.DataFrame(scores, columns=["appraisal", "aspect", "score"]),
        pd.DataFrame(people, index=ids),
    )


INDICATOR_COLUMNS = [
    "appraisal", "target", "indicator", "main", "target_low", "target_high", "realisation",
    "lower_is_better", "at_maximum",
]  # fmt: skip


def pp30_wide(population):
    """Lay PP 30/2019 appraisals out in the wide layout: one row each, places numbered."""
    _, _, people = pp30_long(population)
    cells = pd.DataFrame([_wide_row(appraisal) for appraisal in population], index=people.index)
    for name in cells.columns:
        if name.startswith(("main_", "lower_is_better_", "at_maximum_")):
            cells[name] = cells[name].astype(object).fillna(value=False).astype(bool)
    return pd.concat([people, cells], axis=1)


def _wide_row(appraisal):
    """One appraisal's numbered cells and scores (absent places and aspects left out)."""
    row = {
        f"score_{r.subject}": r.score
        for r in appraisal.ratings
        if appraisal.rater_roles[r.rater_id] is p.RaterRole.SUPERVISOR
    }
    for t_place, target in enumerate(appraisal.targets):
        row[f"main_{t_place}"] = target.kind is TargetKind.MAIN
        for i_place, item in enumerate(target.indicators):
            low, high = _bounds(item.target)
            row.update({
                f"target_low_{t_place}_{i_place}": low,
                f"target_high_{t_place}_{i_place}": high,
                f"realisation_{t_place}_{i_place}": item.realisation.value,
                f"lower_is_better_{t_place}_{i_place}": item.direction
                is p.Direction.LOWER_IS_BETTER,
                f"at_maximum_{t_place}_{i_place}": item.target_is_maximum,
            })  # fmt: skip
    return row


def _bounds(target):
    """The (low, high) of a point or range target."""
    if isinstance(target, p.RangeTarget):
        return target.low, target.high
    return target.value, target.value


def assert_pp30_equal(population, results, regime):
    """Every row of *results* has the scalar result's score, grade and components."""
    assert list(results.index) == [appraisal.id for appraisal in population]
    for appraisal in population:
        result = regime.score(appraisal, trace=False)
        row = results.loc[appraisal.id]
        grade = None if result.grade is None else result.grade.value
        assert (result.score, grade) == (row["score"], row["grade"])
        assert result.figures["main"] == row["main"]
        assert (result.figures["additional"], result.figures["skp"]) == (
            row["additional"],
            row["skp"],
        )
        assert row["route"] == regime.route_of(appraisal)
        assert result.figures.get("behaviour") == row["behaviour"]
        if result.score is None:
            assert pd.isna(row["score_scaled"])
        else:
            assert result.score == Decimal(int(row["score_scaled"])).scaleb(-int(row["places"]))


def permen6_long(population):
    """Lay PermenPANRB 6/2022 appraisals out in the long layout: (ratings, appraisals)."""
    rows = [
        {"appraisal": appraisal.id, "subject": r.subject, "level": r.level}
        for appraisal in population
        for r in appraisal.ratings
        if r.rater_id == "r-sup"
    ]
    people = pd.DataFrame(
        {
            "leads_unit": [a.position.leads_unit for a in population],
            "unit_grade": [
                None if a.unit_grade is None else a.unit_grade.value for a in population
            ],
        },
        index=pd.Index([a.id for a in population]),
    )
    return pd.DataFrame(rows, columns=["appraisal", "subject", "level"]), people


def assert_permen6_equal(population, results, regime):
    """Every row of *results* has the scalar result's grade and ratings."""
    for appraisal in population:
        result = regime.score(appraisal, trace=False)
        row = results.loc[appraisal.id]
        assert (None if result.grade is None else result.grade.value) == row["grade"]
        work = result.ratings.get(OVERALL_WORK_RESULTS)
        assert work == row["work"]


class TestPp30Frames:
    """Long and wide PP 30/2019 frames score as the scalar regime does, row by row."""

    @given(population=pp30_populations())
    def test_long_round_trip_equals_scalar(self, population):
        """Appraisals laid out long, scored by the batch, equal the scalar results."""
        results = score_pp30_long(*pp30_long(population))
        assert_pp30_equal(population, results, Pp30Regime())

    @given(
        population=pp30_populations(max_size=4),
        route=st.sampled_from(("auto", "interpolation", "category")),
    )
    def test_wide_round_trip_equals_scalar(self, population, route):
        """Appraisals laid out wide, scored by the batch, equal the scalar results (any route)."""
        regime = Pp30Regime(rounding=p.Rounding(1, "half_even"), route=route)
        results = score_pp30_wide(pp30_wide(population), regime)
        assert_pp30_equal(population, results, regime)

    def test_float_columns_read_as_their_decimal_text(self):
        """A float column (as read from CSV) is taken through its shortest decimal text."""
        population = [_one_pp30()]
        indicators, ratings, people = pp30_long(population)
        indicators = indicators.astype({"realisation": float, "target_low": float})
        ratings = ratings.astype({"score": float})
        results = score_pp30_long(indicators, ratings, people)
        assert_pp30_equal(population, results, Pp30Regime())

    def test_position_kind_chooses_the_route(self):
        """A JPT row takes the interpolation table, a pelaksana the category route (8/2021)."""
        population = [_one_pp30("skp-1", p.PositionKind.JPT_PRATAMA), _one_pp30("skp-2")]
        results = score_pp30_long(*pp30_long(population))
        assert_pp30_equal(population, results, Pp30Regime())
        assert list(results["route"]) == ["interpolation", "category"]
        # 97.5 % is read as 98 %: 88 on the table; Cukup, 8 points, 80 on the category route
        assert list(results["main"]) == [Decimal(88), Decimal(80)]

    def test_a_pimpinan_unit_kerja_mandiri_takes_the_table(self):
        """An administrator leading a unit kerja mandiri is scored as a JPT (Bab VI.A.1)."""
        mandiri = p.Position("Kepala UPT", "administrator", unit_id="upt", leads_unit=True,
                             leads_independent_unit=True)  # fmt: skip
        head = attrs.evolve(_one_pp30("skp-1", p.PositionKind.ADMINISTRATOR), position=mandiri)
        population = [head, _one_pp30("skp-2", p.PositionKind.ADMINISTRATOR)]
        for layout, score in ((pp30_long, score_pp30_long), (pp30_wide, score_pp30_wide)):
            frames = layout(population)
            results = score(*frames) if isinstance(frames, tuple) else score(frames)
            assert_pp30_equal(population, results, Pp30Regime())
            assert list(results["route"]) == ["interpolation", "category"]

    def test_misspelt_column_suggests_the_known_name(self):
        """A misspelt column is named with the closest known one, before any work."""
        indicators, ratings, people = pp30_long([_one_pp30()])
        indicators = indicators.rename(columns={"realisation": "realisatoin"})
        problems = _problems(score_pp30_long, indicators, ratings, people)
        assert {"$.indicators.realisation", "$.indicators.realisatoin"} == {
            pr.path for pr in problems
        }
        assert any("'realisation'" in pr.message for pr in problems)

    def test_nan_realisation_names_column_and_row(self):
        """NaN where a realisation is required is an error at its row, never a NaN grade."""
        indicators, ratings, people = pp30_long([_one_pp30(), _one_pp30("skp-2")])
        indicators = indicators.astype({"realisation": float})
        indicators.loc[1, "realisation"] = np.nan
        (problem,) = _problems(score_pp30_long, indicators, ratings, people)
        assert problem.path == "$.indicators.realisation[1]"
        assert isinstance(problem.error, MissingValueError)

    def test_wrong_dtype_is_refused(self):
        """A flag column of text is refused by dtype, naming the column."""
        indicators, ratings, people = pp30_long([_one_pp30()])
        indicators["main"] = "ya"
        (problem,) = _problems(score_pp30_long, indicators, ratings, people)
        assert problem.path == "$.indicators.main"

    def test_wide_nan_names_numbered_column_and_label(self):
        """In the wide layout, a missing realisation names the numbered column and the id."""
        frame = pp30_wide([_one_pp30()])
        frame["realisation_0_0"] = np.nan
        frame["target_low_0_0"] = frame["target_low_0_0"].astype(float)
        (problem,) = _problems(score_pp30_wide, frame)
        assert problem.path == "$.realisation_0_0['skp-1']"

    def test_bad_values_name_their_rows(self):
        """Off-scale scores, unknown ids, duplicates and unknown aspects are each named."""
        indicators, ratings, people = pp30_long([_one_pp30()])
        ratings.loc[0, "score"] = Decimal(121)
        ratings.loc[1, "aspect"] = "comitment"
        ratings.loc[2, "appraisal"] = "skp-9"
        indicators = pd.concat([indicators, indicators], ignore_index=True)
        problems = {pr.path: pr for pr in _problems(score_pp30_long, indicators, ratings, people)}
        assert isinstance(problems["$.ratings.score[0]"].error, OffScaleError)
        assert "'commitment'" in problems["$.ratings.aspect[1]"].message
        assert isinstance(problems["$.ratings.appraisal[2]"].error, UnknownReferenceError)
        assert isinstance(problems["$.indicators.indicator[1]"].error, DuplicateIdError)

    def test_unsupported_regime_is_refused_first(self):
        """A regime option the engine does not compute is refused before reading the frames."""
        with pytest.raises(ScoringInputError) as caught:
            score_pp30_long(None, None, None, Pp30Regime(achievement_rounding="continuous"))
        assert [pr.path for pr in caught.value.problems] == ["$.regime.achievement_rounding"]

    def test_unrated_aspect_is_no_score(self):
        """An applicable aspect with no rating row gives no score and no grade, never 0."""
        indicators, ratings, people = pp30_long([_one_pp30()])
        results = score_pp30_long(indicators, ratings.iloc[1:], people)
        row = results.loc["skp-1"]
        assert (row["complete"], row["score"], row["grade"]) == (False, None, None)
        framed = pp30_from_long(indicators, ratings, people)
        assert list(framed.ids) == ["skp-1"]


class TestPermen6Frames:
    """Long and wide PermenPANRB 6/2022 frames grade as the scalar regime does."""

    @given(population=permen6_populations())
    def test_long_round_trip_equals_scalar(self, population):
        """Appraisals laid out long, graded by the batch, equal the scalar results."""
        results = score_permen6_long(*permen6_long(population))
        assert_permen6_equal(population, results, Permen6Regime())

    @given(population=permen6_populations())
    def test_wide_round_trip_equals_scalar(self, population):
        """Appraisals laid out wide, graded by the batch, equal the scalar results."""
        ratings, people = permen6_long(population)
        frame = people.copy()
        for subject, column in (("work_results", "work"), ("behaviour", "behaviour")):
            frame[column] = pd.Series(dtype=object)
            for row in ratings[ratings.subject == subject].itertuples():
                frame.loc[row.appraisal, column] = row.level
        results = score_permen6_wide(frame)
        assert_permen6_equal(population, results, Permen6Regime())

    def test_bad_inputs_are_each_named(self):
        """A NaN level, an unknown subject, a duplicate and a bad flag dtype are each named."""
        ratings = pd.DataFrame({
            "appraisal": ["a", "a", "a", "b"],
            "subject": ["work_results", "work_results", "behavior", "behaviour"],
            "level": ["meets", "above", "meets", None],
        })  # fmt: skip
        people = pd.DataFrame(
            {"leads_unit": [0, 1], "unit_grade": [None, "good"]}, index=pd.Index(["a", "b"])
        )
        paths = {pr.path for pr in _problems(permen6_from_long, ratings, people)}
        assert {
            "$.appraisals.leads_unit",
            "$.ratings.subject[1]",
            "$.ratings.subject[2]",
            "$.ratings.level[3]",
        } == paths

    def test_unsupported_rule_is_refused(self):
        """A work rating derived from achievement has no column: the regime is refused."""
        regime = Permen6Regime(work_rating=WorkRatingFromAchievement())
        with pytest.raises(ScoringInputError):
            score_permen6_wide(pd.DataFrame(), regime)


def _problems(function, *frames):
    """The problems *function* raises on *frames*."""
    with pytest.raises(InvalidInputError) as caught:
        function(*frames)
    return caught.value.problems


def _one_pp30(identifier="skp-1", kind=p.PositionKind.EXECUTOR):
    """A complete PP 30/2019 appraisal with one indicator and the supervisor's scores."""
    item = p.Indicator("iki-1", "Indikator", "quantity", p.PointTarget(100),
                       realisation=p.Realisation("97.5"))  # fmt: skip
    return p.Appraisal(
        identifier, p.Employee("e-1", "Budi"), p.Position("Pelaksana", kind),
        p.Period.semester(2021, 2), p.PP30_2019_BEHAVIOUR,
        [p.WorkTarget("rk-1", "Rencana", [item])],
        raters=[p.Rater("atasan", "supervisor", "e-2")], scales=[p.NumericScale("nilai", 0, 120)],
        ratings=[p.Rating("atasan", a.id, "nilai", score=Decimal("88.25"))
                 for a in p.PP30_2019_BEHAVIOUR.aspects_for(kind)],
    )  # fmt: skip
