"""
WeightingPolicy: whole steps, every problem listed whole, scale edges and whole refusals.

The trace of a weighted value is compared whole (each role's status, raters, minimum,
ratings and value; the weights, effective weights, policies and the self-other gap);
every problem of the ratings is listed with its path, field, value and reason; an
imputed value or a public index exactly at the scale's edge is accepted and one step
beyond it refused; and every refusal of the policy names its field, value and reason.
"""

from __future__ import annotations

from fractions import Fraction

import attrs
import pytest

from penilaian import (
    Impute,
    Mean,
    NumericScale,
    OrdinalScale,
    Rater,
    Rating,
    Renormalise,
    Require,
    WeightingPolicy,
    load_sample,
)
from penilaian.exceptions import (
    DuplicateIdError,
    InvalidNumberError,
    InvalidValueError,
    ScoringInputError,
    UnknownLabelError,
    UnsupportedInputError,
)
from penilaian.policy import PublicIndex, RoleStatus
from penilaian.scoring import MISSING

SAMPLE = load_sample()
SCALE = NumericScale("nilai", 0, 100)
OTHER = NumericScale("lain", 0, 10)
WORDS = OrdinalScale("kata", ["rendah", "tinggi"])
SUBJECT = "collaborative"


def appraisal_of(ratings, scales=(SCALE, OTHER, WORDS)):
    """The sample appraisal with one rater per (role, index) and exactly *ratings*."""
    raters = {}
    built = []
    for role, index, scale, value in ratings:
        rater_id = f"{role}-{index}"
        person = SAMPLE.employee.id if role == "self" else f"emp-{rater_id}"
        raters[rater_id] = Rater(rater_id, role, person)
        if isinstance(value, str):
            built.append(Rating(rater_id, SUBJECT, scale.id, level=value))
        else:
            built.append(Rating(rater_id, SUBJECT, scale.id, score=value))
    return attrs.evolve(
        SAMPLE, raters=list(raters.values()), scales=scales, ratings=built, feedback=()
    )


def rows(caught):
    return [
        (pr.path, type(pr.error), pr.error.field, pr.error.value, pr.error.reason)
        for pr in caught.value.problems
    ]


class TestTrace:
    POLICY = WeightingPolicy(
        {"supervisor": "1/2", "peer": "1/4", "subordinate": "1/4"},
        missing=Renormalise(),
        min_raters={"peer": 2, "subordinate": 3},
    )

    def test_every_role_and_the_weighted_step(self):
        value = appraisal_of(
            [
                ("supervisor", 0, SCALE, 80),
                ("peer", 0, SCALE, 70),
                ("peer", 1, SCALE, 60),
                ("subordinate", 0, SCALE, 90),
                ("self", 0, SCALE, 95),
            ]
        )
        found = self.POLICY.aggregate(value, SUBJECT)
        # Supervisor 80 and peers 65, renormalised over 3/4: (1/2 x 80 + 1/4 x 65) / (3/4) = 75.
        assert found.value == 75
        step = found.step
        assert (step.rule.id, step.subject, step.output) == ("weighting.roles", SUBJECT, "75")
        assert dict(step.inputs) == {
            "weights": "supervisor 0.5, peer 0.25, subordinate 0.25",
            "aggregation": "mean",
            "missing_policy": str(Renormalise()),
            "effective_weights": "supervisor 2/3, peer 1/3, subordinate 0",
            "count_self": "False",
            "self": "95",
            "others": "75",
            "self_other_gap": "20",
        }
        roles = [(c.rule.id, c.subject, c.output, dict(c.inputs)) for c in step.children]
        assert roles == [
            (
                "weighting.role",
                SUBJECT,
                "80",
                {"role": "supervisor", "status": "rated", "raters": "1", "minimum": "1",
                 "ratings": "80", "own": "80"},
            ),
            (
                "weighting.role",
                SUBJECT,
                "65",
                {"role": "peer", "status": "rated", "raters": "2", "minimum": "2",
                 "ratings": "60, 70", "own": "65"},
            ),
            (
                "weighting.role",
                SUBJECT,
                MISSING,
                {"role": "subordinate", "status": RoleStatus.BELOW_MINIMUM.value, "raters": "1",
                 "minimum": "3", "ratings": "90", "own": "90"},
            ),
            (
                "weighting.role",
                SUBJECT,
                "95",
                {"role": "self", "counted": "False", "ratings": "95"},
            ),
        ]  # fmt: skip
        assert [part.raters for part in found.roles] == [1, 2, 1]
        assert self.POLICY(value, SUBJECT).step == step

    def test_an_imputed_role_names_the_policy(self):
        policy = WeightingPolicy({"supervisor": "1/2", "peer": "1/2"}, missing=Impute(40))
        found = policy.aggregate(appraisal_of([("supervisor", 0, SCALE, 80)]), SUBJECT)
        assert found.value == 60
        peer = found.step.children[1]
        assert peer.output == "40"
        assert dict(peer.inputs) == {
            "role": "peer",
            "status": "missing",
            "raters": "0",
            "minimum": "1",
            "ratings": "",
            "own": MISSING,
            "missing_policy": str(Impute(40)),
        }
        assert "missing_policy" not in dict(found.step.children[0].inputs)

    def test_a_public_index_is_shown_as_such(self):
        policy = WeightingPolicy({"supervisor": "1/2", "public": "1/2"}, missing=Require())
        index = PublicIndex(Fraction(70), "nilai", 40, source="IKM 2024")
        found = policy.aggregate(
            appraisal_of([("supervisor", 0, SCALE, 90)]), SUBJECT, public=index
        )
        assert found.value == 80
        public = found.step.children[1]
        assert dict(public.inputs)["ratings"] == "index from IKM 2024"
        assert dict(public.inputs)["raters"] == "40"
        assert dict(public.inputs)["status"] == RoleStatus.PUBLIC_INDEX.value
        supervisor = dict(found.step.children[0].inputs)
        assert (supervisor["status"], supervisor["ratings"]) == (RoleStatus.RATED.value, "90")
        assert [part.status for part in found.roles] == [RoleStatus.RATED, RoleStatus.PUBLIC_INDEX]
        anonymous = attrs.evolve(index, source=None)
        found = policy.aggregate(
            appraisal_of([("supervisor", 0, SCALE, 90)]), SUBJECT, public=anonymous
        )
        assert dict(found.step.children[1].inputs)["ratings"] == "index from survey"
        assert found.scale_id == "nilai"

    def test_a_gap_names_the_subject(self):
        policy = WeightingPolicy({"supervisor": "1/2", "peer": "1/2"}, missing=Require())
        found = policy.aggregate(appraisal_of([("supervisor", 0, SCALE, 80)]), SUBJECT)
        assert found.value is None
        assert (
            found.gap.reason
            == f"policy {Require()} needs every weighted role; {SUBJECT} lacks peer (none)"
        )
        assert dict(found.step.inputs)["effective_weights"] == MISSING

    def test_a_gap_lists_every_weighted_role(self):
        policy = WeightingPolicy(
            {"supervisor": "1/2", "peer": "1/2", "subordinate": 0}, missing=Renormalise()
        )
        found = policy.aggregate(appraisal_of([]), SUBJECT)
        assert (found.value, found.scale_id) == (None, None)
        assert found.gap.reason == (
            f"no weighted role rated {SUBJECT} enough to count: supervisor (none), peer (none)"
        )

    def test_called_without_trace(self):
        policy = WeightingPolicy({"supervisor": 1}, missing=Require())
        value = appraisal_of([("supervisor", 0, SCALE, 80)])
        assert policy(value, SUBJECT, trace=False).step is None
        assert policy(value, SUBJECT).step is not None

    def test_weigh_roles_applies_the_missing_policy(self):
        policy = WeightingPolicy({"supervisor": "1/2", "peer": "1/2"}, missing=Impute(40))
        assert policy.weigh_roles({"supervisor": Fraction(80)}) == 60
        assert policy.weigh_roles({"supervisor": Fraction(80), "peer": Fraction(60)}) == 70
        strict = attrs.evolve(policy, missing=Require())
        assert strict.weigh_roles({"supervisor": Fraction(80)}) is None


class TestEveryProblem:
    def test_ratings_the_policy_cannot_use(self):
        policy = WeightingPolicy({"supervisor": "1/2", "peer": "1/2"}, missing=Renormalise())
        value = appraisal_of(
            [
                ("supervisor", 0, SCALE, 80),
                ("subordinate", 0, SCALE, 70),  # a role without a weight
                ("peer", 0, WORDS, "tinggi"),  # ordinal
                ("peer", 1, OTHER, 7),  # a second scale
                ("public", 0, SCALE, 60),  # another role without a weight
                ("peer", 2, OTHER, 8),  # the second scale again
            ]
        )
        with pytest.raises(ScoringInputError) as caught:
            policy.aggregate(value, SUBJECT)
        not_weighted = " not weight; give {0} a weight (0 to ignore it on purpose)"
        assert rows(caught) == [
            ("$.ratings[1].rater_id", UnsupportedInputError, "role", "subordinate",
             f"subordinate-0 rates {SUBJECT} as subordinate, a role the policy does"
             + not_weighted.format("subordinate")),
            ("$.ratings[2].scale_id", UnsupportedInputError, "scale_id", "kata",
             f"{SUBJECT} is rated on ordinal scale kata; a number is needed"),
            ("$.ratings[3].scale_id", UnsupportedInputError, "scale_id", "lain",
             f"{SUBJECT} is rated on nilai and on lain; use one scale"),
            ("$.ratings[4].rater_id", UnsupportedInputError, "role", "public",
             f"public-0 rates {SUBJECT} as public, a role the policy does"
             + not_weighted.format("public")),
            ("$.ratings[5].scale_id", UnsupportedInputError, "scale_id", "lain",
             f"{SUBJECT} is rated on nilai and on lain; use one scale"),
        ]  # fmt: skip

    def test_public_ratings_and_a_public_index(self):
        policy = WeightingPolicy({"supervisor": "1/2", "public": "1/2"}, missing=Renormalise())
        value = appraisal_of([("public", 0, SCALE, 60), ("public", 1, SCALE, 70)])
        index = PublicIndex(Fraction(70), "nilai", 40)
        with pytest.raises(ScoringInputError) as caught:
            policy.aggregate(value, SUBJECT, public=index)
        reason = f"public ratings of {SUBJECT} and a public index; give one of them"
        assert rows(caught) == [
            ("$.ratings[0].rater_id", UnsupportedInputError, "role", "public", reason),
            ("$.ratings[1].rater_id", UnsupportedInputError, "role", "public", reason),
        ]

    def test_a_public_index_the_policy_does_not_weight(self):
        policy = WeightingPolicy({"supervisor": 1}, missing=Renormalise())
        index = PublicIndex(Fraction(70), "kata", 40)
        value = appraisal_of([("supervisor", 0, SCALE, 80)])
        with pytest.raises(ScoringInputError) as caught:
            policy.aggregate(value, SUBJECT, public=index)
        assert rows(caught) == [
            ("$.raters", UnsupportedInputError, "role", "public",
             "a public index is given, but the policy does not weight public"),
            ("$.ratings[0].scale_id", UnsupportedInputError, "scale_id", "nilai",
             f"{SUBJECT} is rated on kata and on nilai; use one scale"),
            ("$.scales", UnsupportedInputError, "scale_id", "kata",
             "the public index is on kata, not a numeric scale of this appraisal"),
        ]  # fmt: skip


class TestScaleEdges:
    @pytest.mark.parametrize("edge", [0, 100])
    def test_imputed_value_at_the_edge_is_accepted(self, edge):
        policy = WeightingPolicy({"supervisor": "1/2", "peer": "1/2"}, missing=Impute(edge))
        found = policy.aggregate(appraisal_of([("supervisor", 0, SCALE, 50)]), SUBJECT)
        assert found.value == Fraction(50 + edge, 2)

    @pytest.mark.parametrize("beyond", [Fraction(-1, 100), Fraction(10001, 100)])
    def test_imputed_value_beyond_the_edge_is_refused(self, beyond):
        policy = WeightingPolicy({"supervisor": "1/2", "peer": "1/2"}, missing=Impute(beyond))
        with pytest.raises(ScoringInputError) as caught:
            policy.aggregate(appraisal_of([("supervisor", 0, SCALE, 50)]), SUBJECT)
        shown = "-0.01" if beyond < 0 else "100.01"
        assert rows(caught) == [
            ("$.scales[0]", UnsupportedInputError, "imputed", beyond,
             f"imputed value {shown} lies outside scale nilai (0 to 100)"),
        ]  # fmt: skip

    def test_public_index_at_and_beyond_the_edges(self):
        policy = WeightingPolicy({"supervisor": "1/2", "public": "1/2"}, missing=Impute(0))
        value = appraisal_of([("supervisor", 0, SCALE, 50)])
        for edge in (0, 100):
            found = policy.aggregate(value, SUBJECT, public=PublicIndex(edge, "nilai", 5))
            assert found.value == Fraction(50 + edge, 2)
        with pytest.raises(ScoringInputError) as caught:
            policy.aggregate(value, SUBJECT, public=PublicIndex(101, "nilai", 5))
        assert rows(caught) == [
            ("$.scales[0]", UnsupportedInputError, "public", 101,
             "public value 101 lies outside scale nilai (0 to 100)"),
        ]  # fmt: skip


def only_supervisor(**options):
    return WeightingPolicy({"supervisor": 1}, missing=Require(), **options)


class TestRefusals:
    @pytest.mark.parametrize(
        ("build", "expected"),
        [
            (
                lambda: only_supervisor(count_self=True),
                (InvalidValueError, "count_self", True,
                 "self-assessment is counted, so role_weights needs a weight for self"),
            ),
            (
                lambda: WeightingPolicy({"supervisor": "1/2", "self": "1/2"}, missing=Require()),
                (InvalidValueError, "role_weights['self']", Fraction(1, 2),
                 "self has a weight but count_self is False; set count_self=True to count it"),
            ),
            (
                lambda: only_supervisor(min_raters={"peer": 2}),
                (UnsupportedInputError, "min_raters['peer']", 2,
                 "role peer has no weight in this policy"),
            ),
            (
                lambda: only_supervisor(min_raters={"supervisor": 1.5}),
                (InvalidNumberError, "min_raters['supervisor']", 1.5,
                 "must be a whole number of raters"),
            ),
            (
                lambda: only_supervisor(min_raters={"supervisor": -1}),
                (InvalidNumberError, "min_raters['supervisor']", -1, "must not be negative"),
            ),
            (
                lambda: only_supervisor(min_raters=3),
                (InvalidValueError, "min_raters", 3, "must map rater roles to values"),
            ),
            (
                lambda: WeightingPolicy({"supervisor": "1/2", "atasan": "1/2"}, missing=Require()),
                (DuplicateIdError, "role_weights", "atasan", "names role supervisor twice"),
            ),
        ],
    )  # fmt: skip
    def test_construction(self, build, expected):
        with pytest.raises(InvalidValueError) as caught:
            build()
        error = caught.value
        assert (type(error), error.field, error.value, error.reason) == expected

    def test_weights_that_do_not_sum_to_one_point_to_normalised(self):
        with pytest.raises(InvalidNumberError) as caught:
            WeightingPolicy({"supervisor": 50, "peer": 50}, missing=Require())
        assert caught.value.field == "role_weights"
        assert caught.value.reason.endswith("use WeightingPolicy.normalised() to scale amounts")

    def test_a_huge_minimum_names_its_role(self):
        with pytest.raises(InvalidNumberError) as caught:
            only_supervisor(min_raters={"supervisor": 10**50})
        assert caught.value.field == "min_raters['supervisor']"

    def test_unknown_role_names_the_field(self):
        with pytest.raises(UnknownLabelError) as caught:
            WeightingPolicy({"nobody": 1}, missing=Require())
        assert caught.value.field == "role_weights"
        with pytest.raises(UnknownLabelError) as caught:
            WeightingPolicy({"supervisor": 1}, missing=Require(), min_raters={"nobody": 1})
        assert caught.value.field == "min_raters"

    def test_aggregate_arguments(self):
        policy = WeightingPolicy({"supervisor": 1}, missing=Require())
        with pytest.raises(InvalidValueError) as caught:
            policy.aggregate("skp", SUBJECT)
        assert (caught.value.field, caught.value.value, caught.value.reason) == (
            "appraisal",
            "skp",
            "must be an Appraisal",
        )
        with pytest.raises(InvalidValueError) as caught:
            policy.aggregate(SAMPLE, SUBJECT, public=70)
        assert (caught.value.field, caught.value.value, caught.value.reason) == (
            "public",
            70,
            "must be a PublicIndex or None",
        )

    def test_an_aggregation_that_is_not_exact(self):
        policy = WeightingPolicy({"supervisor": 1}, missing=Require(), aggregation=lambda v: 0.5)
        with pytest.raises(InvalidNumberError) as caught:
            policy.combine([Fraction(1)])
        assert (caught.value.field, caught.value.value, caught.value.reason) == (
            "aggregation",
            0.5,
            "an aggregation must return an exact Fraction",
        )
        assert WeightingPolicy({"supervisor": 1}, missing=Require(), aggregation=Mean()).combine(
            [Fraction(1), Fraction(2)]
        ) == Fraction(3, 2)
