"""The generic regime's policy for a component nobody rated: require, renormalise, a table."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from itertools import combinations

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import penilaian as p
from penilaian.exceptions import InvalidNumberError, InvalidValueError
from penilaian.policy import Aggregate
from penilaian.regimes.generic import Component, RatedSubjects, WeightsByPresence, WorkAchievement
from penilaian.serialization import structure, unstructure

ASPECTS = ("delivery", "teamwork", "service")


def regime(weights=("1/2", "1/3", "1/6"), missing=None):
    """Work, two supervisor-rated components (delivery, teamwork + service) and a 1-5 scale."""
    shares = dict(zip(("work", "delivery", "people"), weights, strict=True))
    built = p.GenericRegime(
        components=[
            Component("work", WorkAchievement(cap=None)),
            Component("delivery", RatedSubjects(("delivery",))),
            Component("people", RatedSubjects(("teamwork", "service"))),
        ],
        weights=p.Weights(shares),
        rounding=None,
    )
    return built if missing is None else attrs.evolve(built, missing=missing)


def appraisal(done=(9, 4), ratings=None):
    """Two key results against 10 and 4; *ratings* maps aspects to a 1-5 supervisor score."""
    ratings = {"delivery": 4, "teamwork": 3, "service": 5} if ratings is None else ratings
    framework = p.BehaviourFramework(
        "acme", "Acme", "Acme handbook", [p.BehaviourAspect(a, a, a) for a in ASPECTS]
    )
    indicators = [
        p.Indicator(f"kr{i}", "KR", "quantity", p.PointTarget(t), realisation=p.Realisation(d))
        for i, (t, d) in enumerate(zip((10, 4), done, strict=True))
    ]
    return p.Appraisal(
        id="a",
        employee=p.Employee("ana", "Ana"),
        position=p.Position("Engineer", p.PositionKind.EXECUTOR),
        period=p.Period.year(2025),
        framework=framework,
        targets=[p.WorkTarget("o1", "Ship", indicators)],
        raters=[p.Rater("m", p.RaterRole.SUPERVISOR, "lee")],
        scales=[p.NumericScale("five", 1, 5)],
        ratings=[p.Rating("m", aspect, "five", score=score) for aspect, score in ratings.items()],
    )


def weights_used(result):
    """The weights the trace's sum step used, exact, by component."""
    band = result.trace
    total = band.children[0]
    return {
        name.removeprefix("weight[").removesuffix("]"): Fraction(value)
        for name, value in total.inputs
    }


def policy_step(result):
    """The missing-component step under the sum, if any."""
    total = result.trace.children[0]
    steps = [step for step in total.children if step.rule.id.startswith("generic.missing.")]
    return steps[0] if steps else None


TABLE = WeightsByPresence(
    {
        ("work", "delivery"): {"work": "7/10", "delivery": "3/10"},
        ("work",): {"work": 1},
    }
)
NO_PEOPLE = {"delivery": 4}


class TestExamples:
    """One appraisal without the people component, under each policy."""

    def test_require_is_the_default_and_today(self):
        """Require leaves the result incomplete, the gaps those of the subjects, as before."""
        assert isinstance(regime().missing, p.Require)
        result = regime().score(appraisal(ratings=NO_PEOPLE))
        assert (result.score, result.grade) == (None, None)
        assert [gap.reason.split(";")[0] for gap in result.gaps] == [
            "no supervisor rating of teamwork",
            "no supervisor rating of service",
        ]
        assert result.notes == ()

    def test_renormalise_shares_the_weight_in_proportion(self):
        """Work 1/2 and delivery 1/3 keep their 3:2 ratio: 3/5 x 95 + 2/5 x 75 = 87."""
        result = regime(missing=p.Renormalise()).score(appraisal(ratings=NO_PEOPLE))
        assert result.score == Decimal(87)
        assert weights_used(result) == {"work": Fraction(3, 5), "delivery": Fraction(2, 5)}
        step = policy_step(result)
        assert step.rule.id == "generic.missing.renormalise"
        assert dict(step.inputs)["absent"] == "people"
        assert dict(step.inputs)["policy"] == "renormalise"
        assert "[LOW]" in step.rule.clause
        assert [note.code for note in result.notes] == ["missing_component"]
        assert "people" in result.notes[0].text("en")
        assert "Komponen yang tidak dinilai" in result.notes[0].text()

    def test_table_row_for_the_present_set(self):
        """The row for {work, delivery} says 7/10 and 3/10: 0.7 x 95 + 0.3 x 75 = 89."""
        result = regime(missing=TABLE).score(appraisal(ratings=NO_PEOPLE))
        assert result.score == Decimal(89)
        assert weights_used(result) == {"work": Fraction(7, 10), "delivery": Fraction(3, 10)}
        assert policy_step(result).rule.id == "generic.missing.table"

    def test_table_without_a_row_is_a_gap(self):
        """The table has a row for {work} but none for {work, people}: that set leaves a gap."""
        only_work = regime(missing=TABLE).score(appraisal(ratings={}))
        assert only_work.score == Decimal(95)
        no_delivery = regime(missing=TABLE).score(appraisal(ratings={"teamwork": 3, "service": 5}))
        assert no_delivery.score is None
        assert "no row for the present components ['work', 'people']" in no_delivery.gaps[0].reason

    def test_partly_rated_component_stays_a_gap(self):
        """A component with some subjects rated is not absent: every policy leaves a gap."""
        for missing in (p.Require(), p.Renormalise(), TABLE):
            result = regime(missing=missing).score(appraisal(ratings={"delivery": 4, "service": 5}))
            assert result.score is None
            assert "teamwork" in result.gaps[0].reason

    def test_rated_without_a_value_stays_a_gap(self):
        """A rating the aggregator gives no value for is not 'nobody rated': never dropped."""

        def nothing(appraisal, subject, *, trace=True):
            return Aggregate(subject, None, gap=p.Gap("$.ratings", f"held back: {subject}"))

        result = attrs.evolve(regime(missing=p.Renormalise()), aggregator=nothing).score(
            appraisal(ratings=NO_PEOPLE)
        )
        assert result.score is None
        assert [gap.reason for gap in result.gaps] == ["held back: delivery"]

    def test_no_component_left(self):
        """With every rated component absent and no work component, there is no score."""
        rated_only = p.GenericRegime(
            components=[
                Component("delivery", RatedSubjects(("delivery",))),
                Component("people", RatedSubjects(("teamwork", "service"))),
            ],
            weights=p.Weights({"delivery": "1/2", "people": "1/2"}),
            missing=p.Renormalise(),
        )
        result = rated_only.score(appraisal(ratings={}))
        assert result.score is None
        assert "no component has a value" in result.gaps[0].reason
        assert "delivery, people" in result.gaps[0].reason

    def test_renormalise_over_weight_zero_is_a_gap(self):
        """Present components that all weigh 0 have no weight to share: a gap, not a division."""
        zero_work = regime(weights=("0", "1/2", "1/2"), missing=p.Renormalise())
        result = zero_work.score(appraisal(ratings={}))
        assert result.score is None
        assert "all weigh 0" in result.gaps[0].reason

    def test_result_round_trips_with_its_note(self):
        """A result scored with a component left out round-trips through JSON, note included."""
        result = regime(missing=p.Renormalise()).score(appraisal(ratings=NO_PEOPLE))
        assert structure(unstructure(result), p.Result) == result
        assert result.without_trace() == regime(missing=p.Renormalise()).score(
            appraisal(ratings=NO_PEOPLE), trace=False
        )


class TestConfiguration:
    """The policy and its table are checked when built, each error naming its field."""

    @pytest.mark.parametrize(
        "value", [3, "renormalise", p.Zero(), p.Impute(3), p.Weights({"work": 1})]
    )
    def test_missing_must_be_a_component_policy(self, value):
        with pytest.raises(InvalidValueError) as caught:
            regime(missing=value)
        assert caught.value.field == "missing"

    def test_row_of_unknown_components(self):
        with pytest.raises(InvalidValueError) as caught:
            regime(missing=WeightsByPresence({("work", "peer"): {"work": "1/2", "peer": "1/2"}}))
        assert caught.value.field == "missing.rows[['peer', 'work']]"

    def test_row_for_every_component(self):
        every = {"work": "1/2", "delivery": "1/4", "people": "1/4"}
        with pytest.raises(InvalidValueError, match="regime's own weights apply"):
            regime(missing=WeightsByPresence({tuple(every): every}))

    @pytest.mark.parametrize(
        ("rows", "field", "error"),
        [
            ({}, "rows", InvalidValueError),
            ("work", "rows", InvalidValueError),
            ({(): {"work": 1}}, "rows", InvalidValueError),
            ({("work", "work"): {"work": 1}}, "rows", InvalidValueError),
            ({("work",): {"delivery": 1}}, "rows[['work']]", InvalidValueError),
            ({("work",): {"work": "1/2"}}, "rows[['work']]", InvalidNumberError),
            (
                [(("work",), {"work": 1}), (["work"], {"work": 1})],
                "rows[['work']]",
                InvalidValueError,
            ),
            ([("work",)], "rows", InvalidValueError),
        ],
    )
    def test_table_rows_are_checked(self, rows, field, error):
        with pytest.raises(error) as caught:
            WeightsByPresence(rows)
        assert caught.value.field == field

    def test_pairs_and_mappings_build_the_same_table(self):
        pairs = WeightsByPresence([(["work"], p.Weights({"work": 1}))])
        assert pairs == WeightsByPresence({frozenset({"work"}): {"work": "1"}})
        assert str(pairs) == "table"


# -- Properties -------------------------------------------------------------------------------

COMPONENTS = ("work", "delivery", "people")
RATED = {"delivery": ("delivery",), "people": ("teamwork", "service")}


@st.composite
def configured(draw):
    """Weights (exact, from whole amounts), a policy, and which rated components are rated."""
    amounts = draw(st.lists(st.integers(1, 9), min_size=3, max_size=3))
    weights = p.Weights.normalised(dict(zip(COMPONENTS, amounts, strict=True)))
    subsets = [
        frozenset(c) for size in (1, 2) for c in combinations(COMPONENTS, size) if "work" in c
    ]
    rows = {}
    for subset in subsets:
        row = draw(st.lists(st.integers(1, 9), min_size=len(subset), max_size=len(subset)))
        rows[subset] = p.Weights.normalised(dict(zip(sorted(subset), row, strict=True)))
    kind = draw(st.sampled_from(["renormalise", "table"]))
    missing = p.Renormalise() if kind == "renormalise" else WeightsByPresence(rows)
    rated = draw(st.sets(st.sampled_from(("delivery", "people"))))
    return weights, missing, frozenset(rated)


def ratings_for(rated, values):
    """Supervisor ratings of the subjects of the *rated* components, drawn from *values*."""
    subjects = [subject for name in sorted(rated) for subject in RATED[name]]
    return dict(zip(subjects, values, strict=False))


def build(weights, missing):
    return attrs.evolve(regime(), weights=weights, missing=missing)


SCORES = st.lists(st.integers(1, 5), min_size=3, max_size=3)


class TestProperties:
    """The laws of issue 16: weights sum to 1, depend on presence only, and all-present is today."""

    @settings(max_examples=60)
    @given(configured(), SCORES, SCORES, st.integers(0, 12), st.integers(0, 6))
    def test_weights_sum_to_one_and_follow_the_rule(self, config, first, second, k0, k1):
        """
        The weights used sum to exactly 1 and are the stated rule's for the present set.

        Two appraisals with the same components present and different values use the same
        weights: a present component's value never moves another's weight.
        """
        weights, missing, rated = config
        present = frozenset({"work", *rated})
        one = build(weights, missing).score(appraisal(ratings=ratings_for(rated, first)))
        two = build(weights, missing).score(
            appraisal(done=(k0, k1), ratings=ratings_for(rated, second))
        )
        used = weights_used(one)
        assert sum(used.values()) == 1
        assert used == weights_used(two)
        if present == frozenset(COMPONENTS):
            expected = weights.shares
        elif isinstance(missing, p.Renormalise):
            expected = weights.restricted(present).shares
        else:
            expected = missing.rows[present].shares
        assert used == expected
        components = {name: Fraction(one.figures[f"component[{name}]"]) for name in used}
        exact_total = Fraction(one.trace.children[0].output)
        assert exact_total == sum(used[name] * components[name] for name in used)

    @settings(max_examples=40)
    @given(configured(), SCORES, st.integers(0, 12), st.integers(0, 6))
    def test_with_every_component_present_all_policies_agree(self, config, scores, k0, k1):
        """With every component rated, renormalise and a table give require's (today's) result."""
        weights, missing, _ = config
        case = appraisal(done=(k0, k1), ratings=dict(zip(ASPECTS, scores, strict=True)))
        today = build(weights, p.Require()).score(case)
        assert build(weights, missing).score(case) == today
        assert today.notes == ()
        assert policy_step(today) is None

    @settings(max_examples=40)
    @given(configured(), SCORES)
    def test_require_never_scores_an_absent_component(self, config, scores):
        """Under require, any rated component without ratings leaves the result incomplete."""
        weights, _, rated = config
        result = build(weights, p.Require()).score(appraisal(ratings=ratings_for(rated, scores)))
        assert (result.score is None) == (rated != {"delivery", "people"})
