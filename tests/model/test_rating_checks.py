"""
The quick pass of an appraisal's rating checks (issue 13, loading) against the rule-by-rule way.

`penilaian.model.appraisal._check_ratings` passes a rating at once when
`penilaian.model.raters.surely_on` says its value surely lies on its scale and its rater
and subject are known; every other rating is checked rule by rule.  The reference below
is the rule-by-rule check alone, as it was before the quick pass: both must give the same
problems (paths, messages, errors, both languages) for every set of ratings.
"""

from __future__ import annotations

from decimal import Decimal
from types import SimpleNamespace
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from penilaian._base.checks import repeated_indexes
from penilaian.exceptions import (
    DuplicateIdError,
    InvalidValueError,
    OffScaleError,
    Problem,
    UnknownReferenceError,
    in_language,
)
from penilaian.model.appraisal import _check_ratings
from penilaian.model.raters import (
    EXPECTATION_SCALE,
    NumericScale,
    OrdinalScale,
    Rating,
    surely_on,
)
from penilaian.model.raters import _whole_steps as whole_steps
from strategies import scales
from strategies.model import scores_on


def reference_check_ratings(appraisal: Any, subjects: set[str]) -> list[Problem]:
    """Every rating checked rule by rule: the check as it was before the quick pass."""
    problems = []
    raters = {rater.id for rater in appraisal.raters}
    scales_by_id = {scale.id: scale for scale in appraisal.scales}
    for index, rating in enumerate(appraisal.ratings):
        path = f"$.ratings[{index}]"
        if rating.rater_id not in raters:
            error = UnknownReferenceError("rater_id", rating.rater_id, "no rater has this id")
            problems.append(Problem.from_error(f"{path}.rater_id", error))
        if rating.subject not in subjects:
            reason = "not an aspect, target or indicator of this appraisal"
            error = UnknownReferenceError("subject", rating.subject, reason)
            problems.append(Problem.from_error(f"{path}.subject", error))
        scale = scales_by_id.get(rating.scale_id)
        if scale is None:
            error = UnknownReferenceError("scale_id", rating.scale_id, "no scale has this id")
            problems.append(Problem.from_error(f"{path}.scale_id", error))
        else:
            try:
                rating.check_on(scale)
            except InvalidValueError as error:
                problems.append(Problem.from_error(f"{path}.{error.field}", error))
    seen: set[tuple[str, str]] = set()
    for index, rating in enumerate(appraisal.ratings):
        pair = (rating.rater_id, rating.subject)
        if pair in seen:
            reason = f"rater {rating.rater_id} already rated {rating.subject}"
            error = DuplicateIdError("subject", rating.subject, reason)
            problems.append(Problem.from_error(f"$.ratings[{index}].subject", error))
        seen.add(pair)
    return problems


def shown(problems: list[Problem]) -> list[tuple[object, ...]]:
    """What a reader sees of each problem, in both languages, and what raised it."""
    return [
        (
            problem.path,
            problem.message,
            type(problem.error),
            in_language(problem, "id"),
            in_language(problem, "en"),
        )
        for problem in problems
    ]


# Scores near every scale's edges and steps: whole, half, tenth and hundredth steps.
_SCORES = st.decimals(min_value=-120, max_value=220, places=2) | st.sampled_from(
    [Decimal(0), Decimal(1), Decimal(100), Decimal("100.0"), Decimal("0.5"), Decimal("-0")]
)


@st.composite
def ratings_on(draw: st.DrawFn, scale_list: list[Any]) -> Rating:
    """A rating by a known or unknown rater, on a known or unknown scale, on it or off it."""
    scale = draw(st.sampled_from([*scale_list, NumericScale("lost", 0, 10)]))
    rater_id = draw(st.sampled_from(["r1", "r2", "stranger"]))
    subject = draw(st.sampled_from(["s1", "s2", "unknown"]))
    kind = draw(st.sampled_from(["score", "level", "fitting"]))
    if kind == "fitting":
        kind = "score" if isinstance(scale, NumericScale) else "level"
    if kind == "score":
        on = isinstance(scale, NumericScale) and draw(st.booleans())
        score = draw(scores_on(scale)) if on else draw(_SCORES)
        return Rating(rater_id, subject, scale.id, score=score)
    levels = [*EXPECTATION_SCALE.levels, "Di Atas Ekspektasi", "no such level"]
    if isinstance(scale, OrdinalScale):
        levels += list(scale.levels)
    return Rating(rater_id, subject, scale.id, level=draw(st.sampled_from(levels)))


@st.composite
def rated(draw: st.DrawFn) -> SimpleNamespace:
    """What `_check_ratings` reads of an appraisal: raters, scales (ids may repeat), ratings."""
    scale_list = draw(st.lists(scales(draw(st.sampled_from(["a", "b", "c"]))), max_size=3))
    ratings = draw(st.lists(ratings_on(scale_list), max_size=8))
    raters = [SimpleNamespace(id=rater_id) for rater_id in ("r1", "r2")]
    return SimpleNamespace(raters=raters, scales=scale_list, ratings=ratings)


RIGHT = NumericScale("a", 0, 100, step=5)
# One rating that breaks each rule once, next to one that breaks none.
WRONG = {
    "rater": Rating("stranger", "s1", "a", score=Decimal(5)),
    "subject": Rating("r1", "unknown", "a", score=Decimal(5)),
    "scale": Rating("r1", "s1", "lost", score=Decimal(5)),
    "off the scale": Rating("r1", "s1", "a", score=Decimal(105)),
    "off a step": Rating("r1", "s1", "a", score=Decimal(6)),
    "a level": Rating("r1", "s1", "a", level="meets_expectations"),
    "a repeat": Rating("r2", "s2", "a", score=Decimal(5)),
}


class TestQuickRatingChecks:
    @pytest.mark.parametrize("broken", WRONG)
    def test_each_rule_once(self, broken: str) -> None:
        """A rating that breaks one rule gives that problem, as rule by rule, among right ones."""
        ratings = [Rating("r2", "s2", "a", score=Decimal(10)), WRONG[broken]]
        appraisal = SimpleNamespace(
            raters=[SimpleNamespace(id="r1"), SimpleNamespace(id="r2")],
            scales=[RIGHT],
            ratings=ratings,
        )
        expected = shown(reference_check_ratings(appraisal, {"s1", "s2"}))
        assert len(expected) == 1
        assert expected == shown(list(_check_ratings(appraisal, {"s1", "s2"})))  # type: ignore[arg-type]

    @settings(max_examples=300)
    @given(rated())
    def test_the_same_problems_as_rule_by_rule(self, appraisal: SimpleNamespace) -> None:
        """Right or wrong ratings give the same problems, in the same order, in both languages."""
        subjects = {"s1", "s2"}
        expected = shown(reference_check_ratings(appraisal, subjects))
        assert expected == shown(list(_check_ratings(appraisal, subjects)))  # type: ignore[arg-type]

    @given(scale=scales(), score=_SCORES, level=st.sampled_from(["Sesuai", "meets_expectations"]))
    def test_surely_on_only_where_check_on_passes(
        self, scale: Any, score: Decimal, level: str
    ) -> None:
        """The quick test never passes a value that `Rating.check_on` refuses."""
        test = surely_on(scale)
        assert test is not None
        for rating in (
            Rating("r", "s", scale.id, score=score),
            Rating("r", "s", scale.id, level=level),
        ):
            if test(rating):
                rating.check_on(scale)  # raises if the quick test was wrong

    @given(scale=scales(), data=st.data())
    def test_surely_on_passes_what_lies_on_a_numeric_scale(self, scale: Any, data: Any) -> None:
        """A score a whole number of steps from the minimum is passed at once."""
        if isinstance(scale, NumericScale):
            score = data.draw(scores_on(scale))
            assert surely_on(scale)(Rating("r", "s", scale.id, score=score))  # type: ignore[misc]
        else:
            for level in scale.levels:
                assert surely_on(scale)(Rating("r", "s", scale.id, level=level))  # type: ignore[misc]

    def test_edges_of_a_stepped_scale(self) -> None:
        """On 0 to 100 by 5 the ends and steps pass; a point past an end or off a step does not."""
        scale = NumericScale("s", 0, 100, step=5)
        test = surely_on(scale)
        assert test is not None
        cases = {"0": True, "100": True, "100.00": True, "45": True,
                 "101": False, "-5": False, "46": False, "2.5": False}  # fmt: skip
        for score, expected in cases.items():
            rating = Rating("r", "s", "s", score=Decimal(score))
            assert rating.score is not None
            on_step = whole_steps(rating.score, scale.minimum, Decimal(5))
            assert (expected, expected) == (test(rating), on_step and 0 <= rating.score <= 100)

    @pytest.mark.parametrize(
        ("scale", "cases"),
        [
            (NumericScale("s", 0, 100, step=1), {"0": True, "100": True, "57": True,
             "57.00": True, "1E+1": True, "57.5": False, "101": False, "-1": False}),
            (NumericScale("s", -10, 10, step=3), {"-10": True, "-7": True, "8": True,
             "2.0": True, "-9": False, "10": False, "2.5": False, "11": False}),
        ],
    )  # fmt: skip
    def test_edges_of_a_scale_of_whole_steps(self, scale: Any, cases: dict[str, bool]) -> None:
        """From a whole minimum by a whole step, a score passes if whole, stepped and inside."""
        test = surely_on(scale)
        assert test is not None
        for score, expected in cases.items():
            rating = Rating("r", "s", "s", score=Decimal(score))
            try:
                rating.check_on(scale)
            except OffScaleError:
                passes = False
            else:
                passes = True
            assert (score, expected, expected) == (score, test(rating), passes)

    def test_no_quick_test_for_anything_else(self) -> None:
        """An object that is no scale gets no quick test, and the careful check names it."""
        assert surely_on("a scale") is None


class TestRepeatedIndexes:
    @given(st.lists(st.sampled_from(["a", "b", "c", 1, 1.0, (1, "a")]), max_size=8))
    def test_every_repeat_in_order(self, keys: list[object]) -> None:
        """The quick no-repeat pass and the loop give every index that repeats an earlier key."""
        expected = [index for index, key in enumerate(keys) if key in keys[:index]]
        assert expected == list(repeated_indexes(keys))  # type: ignore[arg-type]
