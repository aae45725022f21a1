"""Tests for policy.weighting and policy.aggregation: multi-rater weighting policies."""

from __future__ import annotations

from fractions import Fraction
from typing import TYPE_CHECKING

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from base.wrong_values import JUNK, fields_of, only_typed_errors, refused_at, wrong_cases
from penilaian import (
    Appraisal,
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
from penilaian.exceptions import (
    DuplicateIdError,
    InvalidNumberError,
    InvalidValueError,
    MissingValueError,
    ScoringInputError,
    UnknownLabelError,
    UnsupportedInputError,
)
from penilaian.policy import (
    EXAMPLE_360_ROLE_WEIGHTS,
    EXAMPLE_SERVICE_ROLE_WEIGHTS,
    PP30_2019_WITH_PEER_INPUT,
    PP30_2019_WITHOUT_PEER_INPUT,
    Aggregate,
    PublicIndex,
    RoleStatus,
    WeightedAggregate,
)

if TYPE_CHECKING:
    from decimal import Decimal

    from penilaian.typing import RatingAggregator

SAMPLE = load_sample()
SCALE = NumericScale("nilai", 0, 100)
"""A 0-100 scale without a step, so any two-place value lies on it."""

SUBJECT = "collaborative"
OTHER_ROLES = (
    RaterRole.SUPERVISOR,
    RaterRole.SECOND_LEVEL_SUPERVISOR,
    RaterRole.PEER,
    RaterRole.SUBORDINATE,
    RaterRole.PUBLIC,
)
MISSING_POLICIES = (Renormalise(), Require(), Impute(50), Zero())


def appraisal_of(
    panel: dict[RaterRole, list[object]],
    subject: str = SUBJECT,
    scales: tuple[NumericScale, ...] = (SCALE,),
) -> Appraisal:
    """Return the sample appraisal with only *panel*'s raters, each rating *subject* on SCALE."""
    raters, ratings = [], []
    for role, scores in panel.items():
        for index, score in enumerate(scores):
            rater_id = f"{role.value}-{index}"
            person = SAMPLE.employee.id if role is RaterRole.SELF else f"emp-{rater_id}"
            raters.append(Rater(rater_id, role, person))
            ratings.append(Rating(rater_id, subject, SCALE.id, score=score))
    return attrs.evolve(SAMPLE, raters=raters, scales=scales, ratings=ratings, feedback=())


def policy(
    weights: dict[str, object], missing: object = None, **options: object
) -> WeightingPolicy:
    return WeightingPolicy(weights, missing=missing or Renormalise(), **options)


# -- strategies (local to this file) ------------------------------------------------------

_scores = st.decimals(min_value=0, max_value=100, places=1)


@st.composite
def panels(draw: st.DrawFn, min_roles: int = 0) -> dict[RaterRole, list[Decimal]]:
    """Numeric ratings by role: 0 to 4 raters in each non-self role, one self rating or none."""
    panel = {role: draw(st.lists(_scores, max_size=4)) for role in OTHER_ROLES}
    assume(sum(1 for scores in panel.values() if scores) >= min_roles)
    if draw(st.booleans()):
        panel[RaterRole.SELF] = [draw(_scores)]
    return panel


@st.composite
def raw_amounts(draw: st.DrawFn) -> dict[str, int]:
    """Non-negative whole amounts per non-self role, at least one positive."""
    amounts = {role.value: draw(st.integers(0, 10)) for role in OTHER_ROLES}
    assume(any(amounts.values()))
    return amounts


aggregations = st.sampled_from([Mean(), Median(), TrimmedMean("1/4")])
missing_policies = st.sampled_from(MISSING_POLICIES)


def contributing(result: WeightedAggregate, panel: dict[RaterRole, list[Decimal]]) -> list:
    """Every rating or stated value that entered *result*."""
    values: list[Fraction] = []
    for part in result.roles:
        if part.effective_weight == 0:
            continue
        if part.status is RoleStatus.RATED:
            values.extend(Fraction(score) for score in panel[part.role])
        else:
            values.append(part.used)
    return values


# -- aggregation within a role ------------------------------------------------------------


class TestAggregations:
    def test_mean_is_exact(self):
        """Mean of 1, 1, 2 is exactly 4/3."""
        assert Fraction(4, 3) == Mean()([Fraction(1), Fraction(1), Fraction(2)])

    @pytest.mark.parametrize(
        ("values", "expected"),
        [([3], 3), ([5, 1, 3], 3), ([4, 1, 3, 2], Fraction(5, 2)), ([1, 2], Fraction(3, 2))],
    )
    def test_median(self, values, expected):
        """The median is the middle value, or the mean of the two middle values."""
        assert expected == Median()([Fraction(value) for value in values])

    @pytest.mark.parametrize(
        ("proportion", "count", "trimmed"),
        [
            ("0", 10, 0),
            ("1/10", 9, 0),
            ("1/10", 10, 1),
            ("1/4", 3, 0),
            ("1/4", 4, 1),
            ("0.4", 5, 2),
        ],
    )
    def test_trimmed_count_is_floor(self, proportion, count, trimmed):
        """floor(proportion x n) ratings are dropped from each end."""
        assert trimmed == TrimmedMean(proportion).trimmed(count)

    def test_trimmed_mean_drops_extremes(self):
        """With 1/5 trimmed from 5 ratings, the lowest and highest are dropped."""
        values = [Fraction(value) for value in (0, 60, 70, 80, 100)]
        assert Fraction(70) == TrimmedMean("1/5")(values)

    @pytest.mark.parametrize("proportion", ["-0.1", "1/2", "0.7"])
    def test_trimmed_refuses_proportion_out_of_range(self, proportion):
        """A proportion below 0 or from 1/2 up is refused."""
        with pytest.raises(InvalidNumberError, match="below 1/2"):
            TrimmedMean(proportion)

    @pytest.mark.parametrize("aggregation", [Mean(), Median(), TrimmedMean("0.1")])
    def test_empty_is_refused(self, aggregation):
        """An aggregation has nothing to combine without ratings, and says so."""
        with pytest.raises(InvalidValueError, match="at least one rating"):
            aggregation([])

    def test_names(self):
        """Each aggregation names itself for the trace."""
        assert [
            str(Mean()),
            str(Median()),
            str(TrimmedMean("1/4")),
        ] == ["mean", "median", "trimmed mean (0.25 per side)"]

    @given(st.lists(_scores, min_size=1, max_size=9), aggregations)
    def test_within_the_ratings(self, scores, aggregation):
        """Every built-in aggregation lies between the smallest and largest rating."""
        values = [Fraction(score) for score in scores]
        assert min(values) <= aggregation(values) <= max(values)


# -- building a policy --------------------------------------------------------------------


class TestPolicyConstruction:
    def test_role_spellings_are_canonical(self):
        """Roles may be given by any spelling; the weights are keyed by role id."""
        built = policy({"atasan": "1/2", RaterRole.PEER: "1/4", "bawahan": "1/4"})
        assert {"supervisor", "peer", "subordinate"} == set(built.role_weights)

    def test_weights_object_is_kept(self):
        """A Weights object keyed by role ids is taken as it is."""
        assert policy(EXAMPLE_360_ROLE_WEIGHTS).role_weights is EXAMPLE_360_ROLE_WEIGHTS

    def test_examples_sum_to_one(self):
        """The example role weights are valid weights."""
        for example in (EXAMPLE_360_ROLE_WEIGHTS, EXAMPLE_SERVICE_ROLE_WEIGHTS):
            assert sum(example.shares.values()) == 1

    def test_missing_policy_is_required(self):
        """There is no default missing-rater policy."""
        with pytest.raises(TypeError, match="missing"):
            WeightingPolicy(EXAMPLE_360_ROLE_WEIGHTS)  # type: ignore[call-arg]

    @pytest.mark.parametrize("missing", ["renormalise", 3, None, Renormalise])
    def test_missing_policy_must_be_one_of_four(self, missing):
        """Anything but the four named policies (instances, not classes) is refused at missing."""
        with pytest.raises(InvalidValueError, match="missing") as caught:
            WeightingPolicy(EXAMPLE_360_ROLE_WEIGHTS, missing=missing)
        assert (caught.value.field, caught.value.value) == ("missing", missing)

    def test_negative_weight_names_role_and_number(self):
        """A negative weight is refused, naming the role and the number."""
        with pytest.raises(InvalidNumberError) as caught:
            policy({"supervisor": "5/4", "peer": "-1/4"})
        assert ("role_weights['peer']", Fraction(-1, 4)) == (caught.value.field, caught.value.value)

    def test_weights_not_summing_to_one_list_every_weight(self):
        """Weights that do not sum to 1 are refused with the total and every role's weight."""
        with pytest.raises(InvalidNumberError) as caught:
            policy({"supervisor": "0.5", "peer": "0.3", "subordinate": "0.1"})
        assert Fraction(9, 10) == caught.value.value
        assert "given: supervisor 0.5, peer 0.3, subordinate 0.1" in caught.value.reason
        assert "WeightingPolicy.normalised" in caught.value.reason

    def test_rounded_shares_are_refused(self):
        """1/6 rounded to 0.17 for six roles sums to 1.02, so it is refused; 1/6 itself is exact."""
        roles = [role.value for role in RaterRole]
        with pytest.raises(InvalidNumberError, match=r"not 1\.02"):
            policy(dict.fromkeys(roles, "0.17"), count_self=True)
        assert (
            sum(policy(dict.fromkeys(roles, "1/6"), count_self=True).role_weights.shares.values())
            == 1
        )

    def test_empty_weights(self):
        """A policy needs at least one role."""
        with pytest.raises(InvalidValueError, match="at least one weight"):
            policy({})

    def test_not_a_mapping(self):
        """Role weights must map roles to weights."""
        with pytest.raises(InvalidValueError, match="must map rater roles"):
            policy(["supervisor"])  # type: ignore[arg-type]

    def test_unknown_role_name(self):
        """A role that does not exist is refused with the accepted ids."""
        with pytest.raises(UnknownLabelError):
            policy({"boss": 1})

    def test_role_given_twice(self):
        """Two spellings of one role are refused."""
        with pytest.raises(DuplicateIdError, match="names role supervisor twice"):
            policy({"supervisor": "1/2", "atasan": "1/2"})

    def test_normalised_from_amounts(self):
        """Raw amounts 50, 25, 25 become 1/2, 1/4, 1/4."""
        built = WeightingPolicy.normalised(
            {"supervisor": 50, "peer": 25, "subordinate": 25}, missing=Require()
        )
        assert built.role_weights == EXAMPLE_360_ROLE_WEIGHTS
        assert (Mean(), {}, False) == (built.aggregation, built.min_raters, built.count_self)

    def test_normalised_options(self):
        """The named constructor passes its options on."""
        built = WeightingPolicy.normalised(
            {"self": 1, "supervisor": 3},
            missing=Zero(),
            aggregation=Median(),
            min_raters={"supervisor": 1},
            count_self=True,
        )
        assert Fraction(3, 4) == built.role_weights["supervisor"]
        assert (Median(), {RaterRole.SUPERVISOR: 1}) == (built.aggregation, built.min_raters)

    def test_normalised_refuses_negative_and_all_zero(self):
        """Normalising needs non-negative amounts, not all 0."""
        with pytest.raises(InvalidNumberError, match="negative"):
            WeightingPolicy.normalised({"supervisor": 2, "peer": -1}, missing=Require())
        with pytest.raises(InvalidNumberError, match="all 0"):
            WeightingPolicy.normalised({"supervisor": 0}, missing=Require())

    def test_self_weight_needs_count_self(self):
        """Weighting self without count_self=True is a contradiction, refused."""
        with pytest.raises(InvalidValueError, match="count_self=True"):
            policy({"self": "1/4", "supervisor": "3/4"})

    def test_count_self_needs_a_weight(self):
        """Counting self needs a weight for self."""
        with pytest.raises(InvalidValueError, match="needs a weight for self"):
            policy({"supervisor": 1}, count_self=True)

    def test_min_raters_negative(self):
        """A negative minimum number of raters is refused, naming the role."""
        with pytest.raises(InvalidNumberError) as caught:
            policy(EXAMPLE_360_ROLE_WEIGHTS, min_raters={"peer": -1})
        assert (caught.value.field, caught.value.value) == ("min_raters['peer']", -1)

    @pytest.mark.parametrize("count", [2.5, "3", True])
    def test_min_raters_not_whole(self, count):
        """A minimum must be a whole number."""
        with pytest.raises(InvalidNumberError, match="whole number"):
            policy(EXAMPLE_360_ROLE_WEIGHTS, min_raters={"peer": count})

    def test_min_raters_for_unweighted_role(self):
        """A minimum for a role without a weight is refused."""
        with pytest.raises(UnsupportedInputError, match="no weight"):
            policy(EXAMPLE_360_ROLE_WEIGHTS, min_raters={"public": 3})

    def test_aggregation_must_be_callable(self):
        """The aggregation must be callable."""
        with pytest.raises(InvalidValueError, match="aggregation") as caught:
            policy({"supervisor": 1}, aggregation="mean")
        assert caught.value.field == "aggregation"

    @pytest.mark.parametrize(
        ("weights", "components"),
        [
            ({"supervisor": 1}, PP30_2019_WITHOUT_PEER_INPUT),
            ({"supervisor": 1, "peer": 0}, PP30_2019_WITHOUT_PEER_INPUT),
            (EXAMPLE_360_ROLE_WEIGHTS, PP30_2019_WITH_PEER_INPUT),
            ({"supervisor": "1/2", "subordinate": "1/2"}, PP30_2019_WITH_PEER_INPUT),
        ],
    )
    def test_pp30_components_follow_peer_input(self, weights, components):
        """PP 30/2019 Pasal 41(3)-(4): 70/30 without peer or subordinate input, 60/40 with it."""
        assert components == policy(weights).pp30_2019_components

    def test_is_a_rating_aggregator(self):
        """A policy is a RatingAggregator: called per subject, it returns an Aggregate."""
        aggregator: RatingAggregator = policy(EXAMPLE_360_ROLE_WEIGHTS)
        result = aggregator(appraisal_of({RaterRole.SUPERVISOR: [80]}), SUBJECT)
        assert Aggregate(SUBJECT, Fraction(80), "nilai", None, result.step) == result


# -- aggregating ------------------------------------------------------------------------


class TestAggregate:
    def test_weighted_mean_of_role_means(self):
        """Supervisor 80, peers 60 and 90 (mean 75), subordinates 70: 1/2 80 + 1/4 75 + 1/4 70."""
        appraisal = appraisal_of(
            {RaterRole.SUPERVISOR: [80], RaterRole.PEER: [60, 90], RaterRole.SUBORDINATE: [70]}
        )
        result = policy(EXAMPLE_360_ROLE_WEIGHTS).aggregate(appraisal, SUBJECT)
        assert Fraction(305, 4) == result.value
        assert [Fraction(80), Fraction(75), Fraction(70)] == [part.own for part in result.roles]

    def test_sample_appraisal(self):
        """The sample's collaborative: supervisor 3, peers 3, 3, 3; self 4 reported beside."""
        sample_policy = policy({"supervisor": "1/2", "peer": "1/2"}, min_raters={"peer": 3})
        result = sample_policy.aggregate(SAMPLE, SUBJECT)
        assert (Fraction(3), Fraction(4), Fraction(1)) == (
            result.value,
            result.self_value,
            result.self_other_gap,
        )

    def test_trace_on_and_off_agree(self):
        """The trace changes nothing but the step."""
        appraisal = appraisal_of({RaterRole.SUPERVISOR: [80], RaterRole.SELF: [90]})
        built = policy(EXAMPLE_360_ROLE_WEIGHTS)
        traced = built.aggregate(appraisal, SUBJECT)
        assert traced.step is not None
        assert attrs.evolve(traced, step=None) == built.aggregate(appraisal, SUBJECT, trace=False)

    def test_trace_explains_renormalisation(self):
        """The root step gives the weights, the policy, the weights used and the self-other gap."""
        appraisal = appraisal_of({RaterRole.SUPERVISOR: [80], RaterRole.SELF: [90]})
        step = policy(EXAMPLE_360_ROLE_WEIGHTS).aggregate(appraisal, SUBJECT).step
        assert step is not None
        inputs = dict(step.inputs)
        assert inputs["weights"] == "supervisor 0.5, peer 0.25, subordinate 0.25"
        assert inputs["effective_weights"] == "supervisor 1, peer 0, subordinate 0"
        assert (
            inputs["missing_policy"],
            inputs["self"],
            inputs["others"],
            inputs["self_other_gap"],
        ) == ("renormalise", "90", "80", "10")
        assert step.output == "80"
        roles = [dict(child.inputs)["role"] for child in step.children]
        assert roles == ["supervisor", "peer", "subordinate", "self"]

    def test_trace_records_imputation(self):
        """An imputed role's step says so and gives the value used."""
        appraisal = appraisal_of({RaterRole.SUPERVISOR: [80], RaterRole.PEER: [70, 90]})
        built = policy(EXAMPLE_360_ROLE_WEIGHTS, Impute(60), min_raters={"peer": 3})
        result = built.aggregate(appraisal, SUBJECT)
        assert Fraction(70) == result.value  # 1/2 80 + 1/4 60 + 1/4 60
        assert result.step is not None
        peer = dict(result.step.children[1].inputs)
        assert (
            peer["status"],
            peer["missing_policy"],
            peer["own"],
        ) == ("below_minimum", "impute 60", "80")
        assert result.step.children[1].output == "60"

    def test_zero_is_recorded_as_policy(self):
        """Zero gives a missing role 0 with its weight, and the trace names the policy."""
        appraisal = appraisal_of({RaterRole.SUPERVISOR: [80]})
        result = policy(EXAMPLE_360_ROLE_WEIGHTS, Zero()).aggregate(appraisal, SUBJECT)
        assert Fraction(40) == result.value
        assert result.step is not None
        assert dict(result.step.children[1].inputs)["missing_policy"] == "zero"

    def test_three_point_six_does_not_become_one_point_two(self):
        """A supervisor's 3.6 with self and peers missing stays 3.6 unless zero is chosen."""
        scale = NumericScale("skala", 1, 5)
        appraisal = attrs.evolve(
            SAMPLE,
            scales=[scale],
            ratings=[Rating("atasan", SUBJECT, "skala", score="3.6")],
            feedback=(),
        )
        thirds = {"self": "1/3", "supervisor": "1/3", "peer": "1/3"}
        results = {
            str(missing): WeightingPolicy(thirds, missing=missing, count_self=True)(
                appraisal, SUBJECT
            ).value
            for missing in (Renormalise(), Require(), Impute(3), Zero())
        }
        expected = {
            "renormalise": Fraction("3.6"),
            "require": None,
            "impute 3": Fraction(16, 5),
            "zero": Fraction("1.2"),
        }
        assert expected == results

    def test_require_names_missing_roles(self):
        """Under Require, a weighted role never rated gives no value and a gap naming it."""
        appraisal = appraisal_of({RaterRole.SUPERVISOR: [80], RaterRole.PEER: [70, 90]})
        built = policy(EXAMPLE_360_ROLE_WEIGHTS, Require(), min_raters={"peer": 3})
        result = built(appraisal, SUBJECT)
        assert result.value is None
        assert result.gap is not None
        assert result.gap.path == "$.ratings"
        assert "peer (2 of 3 needed), subordinate (none)" in result.gap.reason
        assert "require" in result.gap.reason

    def test_value_or_raise(self):
        """A caller that wants Require to stop them gets a ScoringInputError naming the roles."""
        appraisal = appraisal_of({RaterRole.SUPERVISOR: [80]})
        result = policy(EXAMPLE_360_ROLE_WEIGHTS, Require()).aggregate(appraisal, SUBJECT)
        with pytest.raises(ScoringInputError) as caught:
            result.value_or_raise()
        (problem,) = caught.value.problems
        assert isinstance(problem.error, MissingValueError)
        assert "subordinate (none)" in problem.message
        assert (
            Fraction(80) == policy({"supervisor": 1}).aggregate(appraisal, SUBJECT).value_or_raise()
        )

    def test_value_or_raise_without_gap(self):
        """A hand-made aggregate without value or gap still raises, naming the subject."""
        bare = WeightedAggregate(SUBJECT, None, None, (), Require())
        with pytest.raises(ScoringInputError, match=f"no value for {SUBJECT}"):
            bare.value_or_raise()

    @pytest.mark.parametrize("missing", MISSING_POLICIES)
    def test_nothing_rated_is_never_a_value(self, missing):
        """With no weighted role rated, every policy gives a gap, never an imputed score."""
        appraisal = appraisal_of({RaterRole.SELF: [90]})
        result = policy(EXAMPLE_360_ROLE_WEIGHTS, missing).aggregate(appraisal, SUBJECT)
        assert (None, Fraction(90), None) == (result.value, result.self_value, result.others_value)
        assert result.gap is not None
        assert "no weighted role rated" in result.gap.reason

    def test_below_minimum_everywhere_is_a_gap(self):
        """Roles rated below their minimum count as missing; with all so, no value."""
        appraisal = appraisal_of({RaterRole.PEER: [70, 90]})
        built = policy({"peer": 1}, Impute(50), min_raters={"peer": 3})
        result = built(appraisal, SUBJECT)
        assert result.gap is not None
        assert "peer (2 of 3 needed)" in result.gap.reason

    def test_min_raters_zero_means_one(self):
        """A minimum of 0 still needs a rating to count."""
        appraisal = appraisal_of({RaterRole.SUPERVISOR: [80]})
        built = policy({"supervisor": "1/2", "peer": "1/2"}, min_raters={"peer": 0})
        assert Fraction(80) == built(appraisal, SUBJECT).value

    def test_count_self(self):
        """Counted self-assessment enters the value; others are reported without it."""
        appraisal = appraisal_of({RaterRole.SELF: [100], RaterRole.SUPERVISOR: [60]})
        built = policy({"self": "1/4", "supervisor": "3/4"}, count_self=True)
        result = built.aggregate(appraisal, SUBJECT)
        assert (Fraction(70), Fraction(100), Fraction(60), Fraction(40)) == (
            result.value,
            result.self_value,
            result.others_value,
            result.self_other_gap,
        )

    def test_count_self_with_only_self_weighted(self):
        """With only self weighted there is no other value to compare it with."""
        appraisal = appraisal_of({RaterRole.SELF: [100], RaterRole.SUPERVISOR: [60]})
        built = policy({"self": 1, "supervisor": 0}, count_self=True)
        result = built.aggregate(appraisal, SUBJECT)
        assert (Fraction(100), None, None) == (
            result.value,
            result.others_value,
            result.self_other_gap,
        )

    def test_custom_aggregation(self):
        """Any callable from fractions to a fraction combines a role; ints are taken exactly."""

        def highest(values):
            return max(values)

        def count(values):
            return len(values)

        appraisal = appraisal_of({RaterRole.PEER: [70, 90, 80]})
        result = policy({"peer": 1}, aggregation=highest).aggregate(appraisal, SUBJECT)
        assert Fraction(90) == result.value
        assert result.step is not None
        assert dict(result.step.inputs)["aggregation"] == "highest"
        assert Fraction(3) == policy({"peer": 1}, aggregation=count)(appraisal, SUBJECT).value

    def test_custom_aggregation_returning_float_is_refused(self):
        """A float never decides: an aggregation returning one is refused."""
        appraisal = appraisal_of({RaterRole.PEER: [70, 90]})
        built = policy({"peer": 1}, aggregation=lambda values: float(sum(values)) / len(values))
        with pytest.raises(InvalidNumberError, match="exact Fraction"):
            built(appraisal, SUBJECT)

    def test_unknown_role_rating_names_role(self):
        """A rating from a role the policy does not weight is refused, naming role and path."""
        appraisal = appraisal_of({RaterRole.SUPERVISOR: [80], RaterRole.PUBLIC: [70, 75]})
        with pytest.raises(ScoringInputError) as caught:
            policy(EXAMPLE_360_ROLE_WEIGHTS)(appraisal, SUBJECT)
        paths = [problem.path for problem in caught.value.problems]
        assert paths == ["$.ratings[1].rater_id", "$.ratings[2].rater_id"]
        error = caught.value.problems[0].error
        assert isinstance(error, UnsupportedInputError)
        assert error.value == "public"
        assert "public-0 rates collaborative as public" in error.reason

    def test_ordinal_ratings_are_refused(self):
        """Ratings on an ordinal scale cannot be weighted."""
        with pytest.raises(ScoringInputError) as caught:
            policy({"supervisor": 1})(SAMPLE, "behaviour")
        (problem,) = caught.value.problems
        assert problem.path == "$.ratings[1].scale_id"
        assert "ordinal scale expectation" in problem.message

    def test_two_scales_are_refused(self):
        """Ratings of one subject on two scales are refused."""
        other = NumericScale("lima", 1, 5)
        appraisal = appraisal_of({RaterRole.SUPERVISOR: [80], RaterRole.PEER: [70]})
        ratings = (
            appraisal.ratings[0],
            attrs.evolve(appraisal.ratings[1], scale_id="lima", score=4),
        )
        appraisal = attrs.evolve(appraisal, scales=(SCALE, other), ratings=ratings)
        with pytest.raises(ScoringInputError, match="rated on nilai and on lima"):
            policy({"supervisor": "1/2", "peer": "1/2"})(appraisal, SUBJECT)

    def test_imputed_value_off_scale(self):
        """An imputed value must lie on the ratings' scale."""
        appraisal = appraisal_of({RaterRole.SUPERVISOR: [80]})
        with pytest.raises(ScoringInputError) as caught:
            policy(EXAMPLE_360_ROLE_WEIGHTS, Impute(120))(appraisal, SUBJECT)
        (problem,) = caught.value.problems
        assert problem.path == "$.scales[0]"
        assert "imputed value 120 lies outside scale nilai (0 to 100)" in problem.message

    def test_other_subjects_are_ignored(self):
        """Only the ratings of the subject asked for are read."""
        appraisal = appraisal_of({RaterRole.SUPERVISOR: [80]})
        extra = Rating("supervisor-0", "loyal", "nilai", score=10)
        appraisal = appraisal.with_rating(extra)
        assert Fraction(80) == policy({"supervisor": 1})(appraisal, SUBJECT).value

    def test_impute_str(self):
        """Impute names its value; the others their id."""
        assert [
            str(Impute("3.5")),
            str(Renormalise()),
            str(Require()),
            str(Zero()),
        ] == ["impute 3.5", "renormalise", "require", "zero"]


class TestPublicIndex:
    def index(self, value: object = 80, respondents: int = 40) -> PublicIndex:
        return PublicIndex(value, "nilai", respondents, source="IKM 2024")

    def test_index_stands_for_public(self):
        """A public index enters as the public role, counting its respondents."""
        appraisal = appraisal_of({RaterRole.SUPERVISOR: [70]})
        built = policy({"supervisor": "1/2", "public": "1/2"}, Require(), min_raters={"public": 30})
        result = built.aggregate(appraisal, SUBJECT, public=self.index())
        assert Fraction(75) == result.value
        public = result.roles[1]
        assert (public.status, public.raters) == (RoleStatus.PUBLIC_INDEX, 40)
        assert result.step is not None
        assert dict(result.step.children[1].inputs)["ratings"] == "index from IKM 2024"
        assert Fraction(75) == built(appraisal, SUBJECT, public=self.index()).value

    def test_index_below_minimum(self):
        """An index of too few respondents counts as missing."""
        appraisal = appraisal_of({RaterRole.SUPERVISOR: [70]})
        built = policy({"supervisor": "1/2", "public": "1/2"}, min_raters={"public": 30})
        result = built.aggregate(appraisal, SUBJECT, public=self.index(respondents=12))
        assert (Fraction(70), RoleStatus.BELOW_MINIMUM) == (result.value, result.roles[1].status)

    def test_index_alone(self):
        """An index alone gives the value and its scale."""
        appraisal = appraisal_of({})
        result = policy({"public": 1})(appraisal, SUBJECT, public=self.index(Fraction(301, 4)))
        assert (Fraction(301, 4), "nilai") == (result.value, result.scale_id)

    def test_index_and_public_ratings_conflict(self):
        """Public ratings and an index for the same subject are refused."""
        appraisal = appraisal_of({RaterRole.PUBLIC: [70]})
        with pytest.raises(ScoringInputError, match="public ratings of collaborative and a"):
            policy({"public": 1})(appraisal, SUBJECT, public=self.index())

    def test_index_off_scale(self):
        """An index must lie on its scale."""
        appraisal = appraisal_of({RaterRole.SUPERVISOR: [70]})
        with pytest.raises(ScoringInputError, match="public value 101 lies outside"):
            policy({"supervisor": "1/2", "public": "1/2"})(
                appraisal, SUBJECT, public=self.index(101)
            )

    def test_index_on_unknown_scale(self):
        """An index must be on a numeric scale of the appraisal."""
        appraisal = appraisal_of({})
        index = PublicIndex(3, "ikm-1-4", 40)
        with pytest.raises(ScoringInputError, match="not a numeric scale of this appraisal"):
            policy({"public": 1})(appraisal, SUBJECT, public=index)

    def test_index_on_another_scale_than_ratings(self):
        """An index on another scale than the ratings is refused."""
        appraisal = appraisal_of({RaterRole.SUPERVISOR: [70]})
        index = PublicIndex(3, "lima", 40)
        with pytest.raises(ScoringInputError, match="rated on lima and on nilai"):
            policy({"supervisor": "1/2", "public": "1/2"})(appraisal, SUBJECT, public=index)

    def test_index_needs_a_public_weight(self):
        """An index for a policy without a public weight is refused, not ignored."""
        appraisal = appraisal_of({RaterRole.SUPERVISOR: [70]})
        with pytest.raises(ScoringInputError, match="does not weight public"):
            policy({"supervisor": 1})(appraisal, SUBJECT, public=self.index())

    @pytest.mark.parametrize("respondents", [0, -1, True, 2.0])
    def test_respondents_positive(self, respondents):
        """An index summarises at least one response."""
        with pytest.raises(InvalidNumberError, match="at least 1"):
            PublicIndex(3, "nilai", respondents)


# -- the laws ---------------------------------------------------------------------------


class TestLaws:
    @given(raw_amounts())
    def test_normalised_weights_sum_to_one_and_normalising_is_idempotent(self, amounts):
        """A valid policy's weights sum to exactly 1, and normalising them again changes nothing."""
        built = WeightingPolicy.normalised(amounts, missing=Renormalise())
        assert sum(built.role_weights.shares.values()) == 1
        again = WeightingPolicy.normalised(built.role_weights.shares, missing=Renormalise())
        assert built == again

    @given(panels(min_roles=1), raw_amounts(), aggregations, missing_policies)
    def test_between_smallest_and_largest_contribution(self, panel, amounts, aggregation, missing):
        """The value lies between the smallest and largest rating or stated value in it."""
        built = WeightingPolicy.normalised(amounts, missing=missing, aggregation=aggregation)
        result = built.aggregate(appraisal_of(panel), SUBJECT, trace=False)
        if result.value is not None:
            values = contributing(result, panel)
            assert min(values) <= result.value <= max(values)

    @given(panels(min_roles=1), raw_amounts(), missing_policies, st.randoms(use_true_random=False))
    def test_order_of_raters_does_not_matter(self, panel, amounts, missing, rng):
        """Reordering raters and ratings never changes the value."""
        appraisal = appraisal_of(panel)
        raters, ratings = list(appraisal.raters), list(appraisal.ratings)
        rng.shuffle(raters)
        rng.shuffle(ratings)
        shuffled = attrs.evolve(appraisal, raters=raters, ratings=ratings)
        built = WeightingPolicy.normalised(amounts, missing=missing, aggregation=Median())
        assert built(appraisal, SUBJECT, trace=False) == built(shuffled, SUBJECT, trace=False)

    @given(panels(min_roles=1), raw_amounts(), st.integers(1, 1000), missing_policies)
    def test_scaling_raw_weights_does_not_matter(self, panel, amounts, factor, missing):
        """Multiplying every raw weight by a positive constant before normalising is neutral."""
        appraisal = appraisal_of(panel)
        scaled = {role: amount * Fraction(factor, 7) for role, amount in amounts.items()}
        first = WeightingPolicy.normalised(amounts, missing=missing)
        second = WeightingPolicy.normalised(scaled, missing=missing)
        assert first(appraisal, SUBJECT) == second(appraisal, SUBJECT)

    @given(panels(min_roles=1), raw_amounts(), aggregations, missing_policies, st.data())
    def test_raising_a_rating_never_lowers_the_value(
        self, panel, amounts, aggregation, missing, data
    ):
        """Raising one rating never lowers the value (nor makes one appear or vanish)."""
        rated = [role for role, scores in panel.items() if scores]
        role = data.draw(st.sampled_from(rated))
        index = data.draw(st.integers(0, len(panel[role]) - 1))
        raised = {key: list(scores) for key, scores in panel.items()}
        raised[role][index] = data.draw(
            st.decimals(min_value=panel[role][index], max_value=100, places=1)
        )
        built = WeightingPolicy.normalised(
            amounts, missing=missing, aggregation=aggregation, count_self=False
        )
        before = built(appraisal_of(panel), SUBJECT, trace=False).value
        after = built(appraisal_of(raised), SUBJECT, trace=False).value
        assert (before is None) == (after is None)
        if before is not None:
            assert before <= after

    @given(panels(min_roles=1), raw_amounts())
    def test_renormalising_keeps_ratios(self, panel, amounts):
        """Renormalised over the present roles, their weights keep their ratios."""
        built = WeightingPolicy.normalised(amounts, missing=Renormalise())
        result = built.aggregate(appraisal_of(panel), SUBJECT, trace=False)
        used = [part for part in result.roles if part.effective_weight > 0]
        if result.value is not None:
            assert sum(part.effective_weight for part in used) == 1
        for first in used:
            for second in used:
                assert (
                    first.effective_weight * second.weight == second.effective_weight * first.weight
                )

    @given(panels(min_roles=1), raw_amounts(), missing_policies, st.sampled_from(OTHER_ROLES))
    def test_weight_zero_never_changes_the_result(self, panel, amounts, missing, role):
        """A role of weight 0 changes nothing, rated or not, and equals leaving it out."""
        amounts = {**amounts, role.value: 0}
        assume(any(amounts.values()))
        built = WeightingPolicy.normalised(amounts, missing=missing)
        without = WeightingPolicy.normalised(
            {key: value for key, value in amounts.items() if key != role.value}, missing=missing
        )
        rated = built(appraisal_of(panel), SUBJECT, trace=False).value
        unrated = {**panel, role: []}
        assert rated == built(appraisal_of(unrated), SUBJECT, trace=False).value
        assert rated == without(appraisal_of(unrated), SUBJECT, trace=False).value

    @given(st.sampled_from(OTHER_ROLES), _scores, aggregations, missing_policies)
    def test_one_rater_with_weight_one_gives_their_rating(self, role, score, aggregation, missing):
        """A single rater in the only weighted role gives back their rating, exactly."""
        built = WeightingPolicy({role: 1}, missing=missing, aggregation=aggregation)
        assert Fraction(score) == built(appraisal_of({role: [score]}), SUBJECT).value

    @given(panels(), raw_amounts())
    def test_require_never_scores_a_missing_role(self, panel, amounts):
        """Under Require, a weighted role without ratings means no value, and a gap names it."""
        built = WeightingPolicy.normalised(amounts, missing=Require())
        result = built.aggregate(appraisal_of(panel), SUBJECT, trace=False)
        lacking = [
            role for role, amount in amounts.items() if amount and not panel[RaterRole(role)]
        ]
        if lacking:
            assert result.value is None
            assert result.gap is not None
            assert all(f"{role} (none)" in result.gap.reason for role in lacking)
        else:
            assert result.value is not None

    @given(panels(min_roles=1), raw_amounts(), missing_policies)
    def test_trace_changes_nothing(self, panel, amounts, missing):
        """With and without a trace, the aggregate is the same."""
        built = WeightingPolicy.normalised(amounts, missing=missing)
        appraisal = appraisal_of(panel)
        traced = built.aggregate(appraisal, SUBJECT)
        assert attrs.evolve(traced, step=None) == built.aggregate(appraisal, SUBJECT, trace=False)


ARGUMENTS = {
    WeightingPolicy: {
        "role_weights": EXAMPLE_360_ROLE_WEIGHTS,
        "missing": Renormalise(),
        "aggregation": Mean(),
        "min_raters": {"peer": 3},
        "count_self": False,
    },
}


class TestWrongTypes:
    """Wrong types are refused with typed errors that name the field, never bare errors."""

    @pytest.mark.parametrize(("cls", "field", "value"), wrong_cases(ARGUMENTS))
    def test_refused_at_the_field(self, cls, field, value):
        """A value of the wrong type is refused with a PenilaianError naming its field."""
        refused_at(cls, ARGUMENTS[cls], field, value)

    @pytest.mark.parametrize(("cls", "field"), fields_of(ARGUMENTS))
    @given(value=JUNK)
    def test_only_typed_errors(self, cls, field, value):
        """Any value is either refused with a PenilaianError or kept as the field's type."""
        only_typed_errors(cls, ARGUMENTS[cls], field, value)

    @pytest.mark.parametrize(
        ("options", "field"),
        [
            ({"amounts": "supervisor"}, "amounts"),
            ({"amounts": [("supervisor", 1)]}, "amounts"),
            ({"amounts": {"supervisor": "many"}}, "shares['supervisor']"),
            ({"missing": 3}, "missing"),
            ({"aggregation": "mean"}, "aggregation"),
            ({"min_raters": [("peer", 3)]}, "min_raters"),
            ({"min_raters": {"peer": "3"}}, "min_raters['peer']"),
            ({"count_self": "no"}, "count_self"),
        ],
    )
    def test_normalised_names_the_argument(self, options, field):
        """WeightingPolicy.normalised refuses a wrong argument at its name."""
        arguments = {"amounts": {"supervisor": 2, "peer": 1}, "missing": Renormalise()}
        with pytest.raises(InvalidValueError) as caught:
            WeightingPolicy.normalised(**{**arguments, **options})
        assert caught.value.field == field

    @pytest.mark.parametrize(
        ("arguments", "field"),
        [
            ((SAMPLE.id, SUBJECT), "appraisal"),
            ((None, SUBJECT), "appraisal"),
        ],
    )
    def test_aggregate_names_the_appraisal(self, arguments, field):
        """aggregate (and calling the policy) refuses what is not an appraisal."""
        for call in (policy(EXAMPLE_360_ROLE_WEIGHTS).aggregate, policy(EXAMPLE_360_ROLE_WEIGHTS)):
            with pytest.raises(InvalidValueError) as caught:
                call(*arguments)
            assert caught.value.field == field

    @pytest.mark.parametrize("public", [80, "ikm", {"value": 3}])
    def test_aggregate_names_the_public_index(self, public):
        """A public index that is not a PublicIndex is refused at public."""
        with pytest.raises(InvalidValueError) as caught:
            policy(EXAMPLE_360_ROLE_WEIGHTS).aggregate(SAMPLE, SUBJECT, public=public)
        assert (caught.value.field, caught.value.value) == ("public", public)
