"""
The weighting policy's integer kernel and caches against the `Fraction` reference (issue 13).

`_reference_weighting` is the policy as it computed before: every value, gap, problem,
per-role part and trace step of the library must equal it, on random appraisals and
random policies, with and without a trace.
"""

from __future__ import annotations

import gc
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING

import attrs
import pytest
from hypothesis import currently_in_test_context, event, given
from hypothesis import strategies as st

import penilaian.policy.weighting as weighting_module
from penilaian import (
    Impute,
    Mean,
    Median,
    NumericScale,
    Rater,
    RaterRole,
    Rating,
    Renormalise,
    Require,
    TrimmedMean,
    WeightingPolicy,
    Zero,
    load_sample,
)
from penilaian.exceptions import InvalidValueError, ScoringInputError
from penilaian.policy import EXAMPLE_360_ROLE_WEIGHTS, PublicIndex, Weights, _grouping
from penilaian.policy._grouping import grouped_ratings
from policy._reference_weighting import reference_aggregate
from strategies import appraisals, numeric_scales, scores_on, weighting_policies

if TYPE_CHECKING:
    from collections.abc import Callable

    from penilaian import Appraisal

SAMPLE = load_sample()
SUBJECT = "collaborative"
OTHER_SUBJECT = "adaptive"
NON_SELF = tuple(role for role in RaterRole if role is not RaterRole.SELF)


def outcome(call: Callable[[], object]) -> tuple[str, object]:
    """What *call* gives: its result, or its error's type, text and problems."""
    try:
        return "value", call()
    except ScoringInputError as error:
        problems = [(p.path, p.message, type(p.error)) for p in error.problems]
        return "problems", problems
    except InvalidValueError as error:
        return type(error).__name__, str(error)


def assert_same_as_reference(
    policy: WeightingPolicy, appraisal: Appraisal, subject: str, public: PublicIndex | None
) -> None:
    """Both entry points, trace on and off, equal the reference in every part."""
    for trace in (False, True):
        expected = outcome(
            lambda trace=trace: reference_aggregate(
                policy, appraisal, subject, trace=trace, public=public
            )
        )
        full = outcome(
            lambda trace=trace: policy.aggregate(appraisal, subject, trace=trace, public=public)
        )
        assert full == expected
        if currently_in_test_context():
            gap = expected[0] == "value" and expected[1].gap is not None  # type: ignore[attr-defined]
            event(f"{expected[0]}, gap {gap}")
        plain = outcome(lambda trace=trace: policy(appraisal, subject, trace=trace, public=public))
        if expected[0] == "value":
            expected = ("value", expected[1].as_aggregate())  # type: ignore[attr-defined]
        assert plain == expected


# -- strategies -----------------------------------------------------------------------------


@st.composite
def rated_panels(draw: st.DrawFn, policy: WeightingPolicy) -> tuple[Appraisal, NumericScale]:
    """
    The sample appraisal rated on two subjects by raters in the roles *policy* weights.

    Each weighted role gets 0 to 4 raters (so every pattern of roles present, and counts
    below and at each minimum); self rates or not; now and then a rater in a role the
    policy does not weight, an ordinal rating or a second scale.  Scores lie on one
    numeric scale, drawn often at its bounds (ties at the bounds).
    """
    scale = draw(numeric_scales("nilai"))
    top = scale.maximum
    if scale.step is not None:
        top = scale.minimum + (scale.maximum - scale.minimum) // scale.step * scale.step
    bounds = st.sampled_from([scale.minimum, top])
    score = scores_on(scale) | bounds
    roles = [RaterRole(role) for role in policy.role_weights if role != RaterRole.SELF.value]
    if draw(st.integers(0, 9)) == 0:
        roles.append(draw(st.sampled_from(NON_SELF)))
    raters: list[Rater] = []
    ratings: list[Rating] = []
    other_scale = NumericScale("lain", 0, 10)
    for role in roles:
        for index in range(draw(st.integers(0, 4))):
            rater_id = f"{role.value}-{len(raters)}-{index}"
            raters.append(Rater(rater_id, role, f"emp-{rater_id}"))
            for subject in (SUBJECT, OTHER_SUBJECT):
                if draw(st.integers(0, 29)) == 0:
                    ratings.append(Rating(rater_id, subject, other_scale.id, score=Decimal(5)))
                elif draw(st.integers(0, 29)) == 0:
                    ratings.append(
                        Rating(rater_id, subject, "expectation", level="meets_expectations")
                    )
                else:
                    ratings.append(Rating(rater_id, subject, scale.id, score=draw(score)))
    if draw(st.booleans()):
        raters.append(Rater("self", RaterRole.SELF, SAMPLE.employee.id))
        ratings.append(Rating("self", SUBJECT, scale.id, score=draw(score)))
    scales = (scale, other_scale, *(s for s in SAMPLE.scales if s.id == "expectation"))
    appraisal = attrs.evolve(SAMPLE, raters=raters, scales=scales, ratings=ratings, feedback=())
    return appraisal, scale


@st.composite
def public_indexes(draw: st.DrawFn, scale: NumericScale) -> PublicIndex | None:
    """No index mostly; else one on the ratings' scale (at times off it, or on another)."""
    if draw(st.integers(0, 3)):
        return None
    value = draw(scores_on(scale) | st.just(scale.maximum + 1) | st.just(scale.minimum))
    scale_id = draw(st.sampled_from([scale.id, scale.id, "lain", "expectation"]))
    return PublicIndex(value, scale_id, draw(st.integers(1, 5)), source="IKM")


# -- the differential ---------------------------------------------------------------------


class TestSameAsReference:
    @given(weighting_policies(), st.data())
    def test_panels(self, policy, data):
        """Every role pattern, minimum, missing policy and aggregation: as before, in every part."""
        appraisal, scale = data.draw(rated_panels(policy))
        public = data.draw(public_indexes(scale))
        for subject in (SUBJECT, OTHER_SUBJECT, "integrity"):
            assert_same_as_reference(policy, appraisal, subject, public)

    @given(appraisals(min_ratings=1), weighting_policies())
    def test_any_appraisal(self, appraisal, policy):
        """Any valid appraisal (ordinal, mixed and unweighted ratings too): as before."""
        subjects = {rating.subject for rating in appraisal.ratings} | {"nothing-rated"}
        for subject in sorted(subjects):
            assert_same_as_reference(policy, appraisal, subject, None)

    @pytest.mark.parametrize(
        "missing", [Renormalise(), Require(), Zero(), Impute(50), Impute("33.3")]
    )
    @pytest.mark.parametrize("aggregation", [Mean(), Median(), TrimmedMean("1/3")])
    @pytest.mark.parametrize("count_self", [False, True])
    def test_bench_shape(self, missing, aggregation, count_self):
        """The benchmark's shape, each missing policy and aggregation, self counted or not."""
        weights = {"supervisor": 4, "second_level_supervisor": 1, "peer": 3, "subordinate": 2}
        if count_self:
            weights["self"] = 1
        policy = WeightingPolicy.normalised(
            weights,
            missing=missing,
            aggregation=aggregation,
            min_raters={"peer": 2},
            count_self=count_self,
        )
        scores = {
            "self": [Decimal("88.5")],
            "supervisor": [Decimal(81)],
            "peer": [Decimal(70), Decimal("70.25"), Decimal(99)],
            "subordinate": [Decimal(100)],
        }
        raters, ratings = [], []
        for role, values in scores.items():
            for index, score in enumerate(values):
                rater_id = f"{role}-{index}"
                person = SAMPLE.employee.id if role == "self" else f"emp-{rater_id}"
                raters.append(Rater(rater_id, role, person))
                ratings.append(Rating(rater_id, SUBJECT, "nilai", score=score))
        appraisal = attrs.evolve(
            SAMPLE,
            raters=raters,
            scales=[NumericScale("nilai", 0, 100)],
            ratings=ratings,
            feedback=(),
        )
        assert_same_as_reference(policy, appraisal, SUBJECT, None)


# -- the work is done once ----------------------------------------------------------------


def _panel(scores: dict[str, list[int]], subjects: tuple[str, ...] = (SUBJECT,)) -> Appraisal:
    raters, ratings = [], []
    for role, values in scores.items():
        for index, score in enumerate(values):
            rater_id = f"{role}-{index}"
            raters.append(Rater(rater_id, role, f"emp-{rater_id}"))
            ratings.extend(
                Rating(rater_id, subject, "nilai", score=Decimal(score)) for subject in subjects
            )
    scales = [NumericScale("nilai", 0, 100)]
    return attrs.evolve(SAMPLE, raters=raters, scales=scales, ratings=ratings, feedback=())


class TestOnce:
    def test_no_trace_skips_the_full_path(self, monkeypatch):
        """A plain subject is weighed in whole numbers; the full path runs only to build a step."""
        appraisal = _panel({"supervisor": [80], "peer": [70, 71]})
        policy = WeightingPolicy({"supervisor": "1/2", "peer": "1/2"}, missing=Require())

        def refuse(*_args: object, **_kwargs: object) -> None:
            raise AssertionError("the full path ran")

        monkeypatch.setattr(weighting_module, "collect", refuse)
        assert policy(appraisal, SUBJECT, trace=False).value == Fraction(301, 4)
        traced = policy(appraisal, SUBJECT, trace=True)  # the step is built when read
        assert traced.value == Fraction(301, 4)
        assert traced.step is not None
        with pytest.raises(AssertionError, match="full path"):
            _ = traced.step.rule

    def test_custom_aggregation_takes_the_full_path(self):
        """An aggregation the kernel does not know is called on Fractions, as documented."""
        seen: list[list[Fraction]] = []

        def largest(values):
            seen.append(list(values))
            return max(values)

        appraisal = _panel({"supervisor": [80], "peer": [70, 71]})
        policy = WeightingPolicy(
            {"supervisor": "1/2", "peer": "1/2"}, missing=Require(), aggregation=largest
        )
        assert policy(appraisal, SUBJECT, trace=False).value == Fraction(151, 2)
        assert [Fraction(70), Fraction(71)] in seen

    def test_renormalised_once_per_pattern(self, monkeypatch):
        """`Weights.restricted` runs once per set of roles present, not once per subject."""
        calls: list[frozenset[str]] = []
        original = Weights.restricted

        def counted(self: Weights, names: frozenset[str]) -> Weights:
            calls.append(frozenset(names))
            return original(self, names)

        monkeypatch.setattr(Weights, "restricted", counted)
        subjects = ("collaborative", "adaptive", "competent", "loyal")
        appraisal = _panel({"supervisor": [80], "peer": [70, 75]}, subjects)
        policy = WeightingPolicy(
            {"supervisor": "1/2", "peer": "1/4", "subordinate": "1/4"},
            missing=Renormalise(),
            count_self=False,
        )
        for subject in subjects:
            for trace in (False, True):
                policy(appraisal, subject, trace=trace)
                policy.aggregate(appraisal, subject, trace=trace)
        assert calls == [frozenset({"supervisor", "peer"})]

    def test_grouped_once_per_appraisal(self):
        """The ratings are grouped by subject and role once while scored, in order, read-only."""
        appraisal = _panel({"supervisor": [80], "peer": [70, 75]}, ("collaborative", "adaptive"))
        grouped = grouped_ratings(appraisal)
        assert grouped is grouped_ratings(appraisal)  # kept for the appraisal being scored
        assert grouped == appraisal.ratings_by_subject_and_role()
        assert appraisal.ratings_by_subject_and_role() is not grouped  # nothing kept on it
        other = _panel({"supervisor": [60]}, ("collaborative",))
        assert grouped_ratings(other) is not grouped
        assert list(grouped) == ["collaborative", "adaptive"]
        peers = grouped["adaptive"]["peer"]
        assert [rating.rater_id for rating in peers] == ["peer-0", "peer-1"]
        assert [rating.score for rating in peers] == [Decimal(70), Decimal(75)]
        with pytest.raises(TypeError):
            grouped["adaptive"]["peer"] = ()  # type: ignore[index]

    def test_the_grouping_goes_with_its_appraisal(self):
        """The slot holds the appraisal weakly: once it is gone, nothing of it is kept."""
        appraisal = _panel({"supervisor": [80], "peer": [70, 75]}, ("collaborative",))
        grouped_ratings(appraisal)
        held = _grouping._GROUPED.kept
        assert held is not None
        assert held[0]() is appraisal
        other = _panel({"supervisor": [60]}, ("collaborative",))
        assert grouped_ratings(other) is grouped_ratings(other)
        del appraisal, held  # gone, but no longer in the slot: the slot is left as it is
        gc.collect()
        held = _grouping._GROUPED.kept
        assert held is not None
        assert held[0]() is other
        del other, held
        gc.collect()
        assert _grouping._GROUPED.kept is None  # the last appraisal gone, its grouping with it


# -- the ratio: the value in whole numbers, or nothing -----------------------------------


class TestRatio:
    @given(weighting_policies(), st.data())
    def test_the_value_or_none(self, policy, data):
        """`ratio` is the untraced value exactly, or `None` where the whole numbers stop."""
        appraisal, _ = data.draw(rated_panels(policy))
        for subject in (SUBJECT, OTHER_SUBJECT, "integrity"):
            found = policy.ratio(appraisal, subject)
            try:
                value = policy(appraisal, subject, trace=False).value
            except ScoringInputError:
                assert found is None  # a rating to refuse: the policy raises it
                continue
            if found is None:
                event("ratio: none")
                assert value is None or type(policy.aggregation) is TrimmedMean
                continue
            numerator, denominator, scale_id = found
            assert denominator > 0
            assert Fraction(numerator, denominator) == value
            assert scale_id == policy(appraisal, subject, trace=False).scale_id

    @given(weighting_policies(), st.data())
    def test_the_ratios_are_the_ratio_of_each_subject(self, policy, data):
        """`ratios` (the ratings grouped once, for its subjects) is `ratio` of each, or `None`."""
        appraisal, _ = data.draw(rated_panels(policy))
        subjects = (SUBJECT, OTHER_SUBJECT, "integrity")
        chosen = data.draw(st.lists(st.sampled_from(subjects), max_size=4))
        each = [policy.ratio(appraisal, subject) for subject in chosen]
        found = policy.ratios(appraisal, chosen)
        assert found == (None if None in each else each)
        if found:
            event("ratios: values")

    def test_the_ratios_of_a_custom_aggregation_are_none(self):
        """A custom aggregation has no ratio for any subject (and no subject asks for none)."""
        policy = WeightingPolicy(
            EXAMPLE_360_ROLE_WEIGHTS, missing=Renormalise(), aggregation=lambda values: values[0]
        )
        appraisal = _panel({"supervisor": [60], "peer": [70]})
        assert policy.ratio(appraisal, SUBJECT) is None
        assert policy.ratios(appraisal, [SUBJECT]) is None
        assert policy.ratios(appraisal, []) == []
