"""
The weighting kernel's one pass for `Mean` (``Kernel._means``) against the reference (issue 13).

`WeightingPolicy.ratios` with `Mean` on an appraisal with one scale sums each role's
ratings of each subject in one pass over the ratings, as integers on a scale of whole
steps from a whole minimum and as exact `Decimal` sums on any other.  Its values must be
the `Fraction` reference's, subject by subject, and `None` exactly where the reference
raises or has no value; anything it does not answer (raters of a role the policy does
not weight, ordinal ratings, a sum too long to be exact) goes to the grouped path.
"""

from __future__ import annotations

import gc
import pickle
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING

import attrs
import pytest
from hypothesis import event, given
from hypothesis import strategies as st

from penilaian import (
    EXPECTATION_SCALE,
    Impute,
    Mean,
    NumericScale,
    Rater,
    RaterRole,
    Rating,
    Renormalise,
    Require,
    WeightingPolicy,
    Zero,
    load_sample,
)
from penilaian.exceptions import ScoringInputError
from penilaian.policy import Aggregate, _grouping, _weighting_kernel
from policy._reference_weighting import reference_aggregate
from policy.test_weighting_kernel import assert_same_as_reference
from strategies import weighting_policies

if TYPE_CHECKING:
    from penilaian import Appraisal, Scale

SAMPLE = load_sample()
SUBJECTS = ("collaborative", "adaptive", "loyal")
WHOLE = (
    NumericScale("nilai", 0, 100, step=1),
    NumericScale("nilai", -10, 10, step=2),
    NumericScale("nilai", Decimal("5.0"), 50, step=Decimal("5.0")),
)
"""Scales whose every score is whole: the integer sums."""
NOT_WHOLE = (
    NumericScale("nilai", 0, 100),
    NumericScale("nilai", 1, 5, step=Decimal("0.5")),
    NumericScale("nilai", Decimal("0.5"), Decimal("10.5"), step=1),
    NumericScale("nilai", 0, 10, step=Decimal("0.25")),
)
"""Scales with scores that are not whole: the exact `Decimal` sums."""


def _score(draw: st.DrawFn, scale: NumericScale) -> Decimal:
    step = scale.step or Decimal("0.01")
    steps = int((scale.maximum - scale.minimum) // step)
    return scale.minimum + step * draw(st.sampled_from([0, steps]) | st.integers(0, steps))


@st.composite
def one_scale_panels(draw: st.DrawFn, policy: WeightingPolicy) -> Appraisal:
    """
    The sample appraisal, on one scale only, rated on `SUBJECTS` by the policy's roles.

    Each weighted role gets 0 to 4 raters (every pattern of roles present, counts below
    and at each minimum), each rating a subject or not; self rates or not; now and then
    a rater in a role the policy does not weight, or the one scale is ordinal.
    """
    scale: Scale = draw(st.sampled_from(WHOLE + NOT_WHOLE))
    if draw(st.integers(0, 14)) == 0:
        scale = EXPECTATION_SCALE
    roles = [RaterRole(role) for role in policy.role_weights if role != RaterRole.SELF.value]
    if draw(st.integers(0, 4)) == 0:
        roles.append(draw(st.sampled_from([r for r in RaterRole if r is not RaterRole.SELF])))
    if draw(st.booleans()):
        roles.append(RaterRole.SELF)
    raters: list[Rater] = []
    ratings: list[Rating] = []
    for role in roles:
        for _ in range(1 if role is RaterRole.SELF else draw(st.integers(0, 4))):
            rater_id = f"{role.value}-{len(raters)}"
            person = SAMPLE.employee.id if role is RaterRole.SELF else f"emp-{rater_id}"
            raters.append(Rater(rater_id, role, person))
            for subject in SUBJECTS:
                if draw(st.integers(0, 5)) == 0:
                    continue  # this rater does not rate this subject
                if isinstance(scale, NumericScale):
                    value: dict[str, object] = {"score": _score(draw, scale)}
                else:
                    value = {"level": draw(st.sampled_from(scale.levels))}
                ratings.append(Rating(rater_id, subject, scale.id, **value))  # type: ignore[arg-type]
    ratings = draw(st.permutations(ratings))  # ratings come in any order
    return attrs.evolve(SAMPLE, raters=raters, scales=[scale], ratings=ratings, feedback=())


def _mean_policies() -> st.SearchStrategy[WeightingPolicy]:
    return weighting_policies().map(lambda policy: attrs.evolve(policy, aggregation=Mean()))


def _expected(policy: WeightingPolicy, appraisal: Appraisal, subject: str) -> object:
    """The reference's value of *subject* and its scale, or `None` (a problem or a gap)."""
    try:
        found = reference_aggregate(policy, appraisal, subject, trace=False)
    except ScoringInputError:
        return None
    return None if found.value is None else (found.value, found.scale_id)


def _values(found: list[tuple[int, int, str]] | None) -> object:
    return None if found is None else [(Fraction(n, d), scale) for n, d, scale in found]


class TestOnePass:
    @given(_mean_policies(), st.data())
    def test_the_reference_values(self, policy, data):
        """Every role pattern, minimum and missing policy: the reference's values, or `None`."""
        appraisal = data.draw(one_scale_panels(policy))
        chosen = data.draw(st.lists(st.sampled_from(SUBJECTS), max_size=4))
        expected = [_expected(policy, appraisal, subject) for subject in chosen]
        found = policy.ratios(appraisal, chosen)
        for values in (found, [policy.ratio(appraisal, subject) for subject in chosen]):
            assert all(value is None or value[1] > 0 for value in values or ())
        assert _values(found) == (None if None in expected else expected)
        event(f"ratios: {'none' if found is None else 'values'}")
        for subject in SUBJECTS:  # one at a time: the sums kept for the appraisal
            one = policy.ratio(appraisal, subject)
            value = None if one is None else (Fraction(one[0], one[1]), one[2])
            assert value == _expected(policy, appraisal, subject)

    @given(_mean_policies(), st.data())
    def test_every_part_per_subject(self, policy, data):
        """Called per subject (the sums kept for the appraisal): the reference, in every part."""
        appraisal = data.draw(one_scale_panels(policy))
        for subject in (*SUBJECTS, "service_oriented"):
            assert_same_as_reference(policy, appraisal, subject, None)

    @pytest.mark.parametrize("scale", WHOLE + NOT_WHOLE, ids=str)
    @pytest.mark.parametrize("missing", [Renormalise(), Require(), Zero(), Impute(5)])
    def test_the_bench_shape(self, scale, missing):
        """Roles rated by 1 to 3, one below its minimum, one missing: the reference's values."""
        policy = WeightingPolicy.normalised(
            {"supervisor": 4, "second_level_supervisor": 1, "peer": 3, "subordinate": 2},
            missing=missing,
            min_raters={"peer": 2, "subordinate": 2},
        )
        step = scale.step or Decimal("0.37")
        counts = {"supervisor": 1, "peer": 3, "subordinate": 1, "self": 1}
        raters = [
            Rater(
                f"{role}-{index}",
                role,
                SAMPLE.employee.id if role == "self" else f"e-{role}-{index}",
            )
            for role, count in counts.items()
            for index in range(count)
        ]
        ratings = [
            Rating(rater.id, subject, scale.id, score=scale.minimum + step * ((n * 7 + k) % 9))
            for n, rater in enumerate(raters)
            for k, subject in enumerate(SUBJECTS)
        ]
        appraisal = attrs.evolve(
            SAMPLE, raters=raters, scales=[scale], ratings=ratings, feedback=()
        )
        expected = [_expected(policy, appraisal, subject) for subject in SUBJECTS]
        assert _values(policy.ratios(appraisal, SUBJECTS)) == (
            None if None in expected else expected
        )
        assert (policy.ratios(appraisal, SUBJECTS) is None) is isinstance(missing, Require)


def _peers(scale: NumericScale, scores: list[Decimal]) -> Appraisal:
    """Peers rating the first subject with *scores*, on *scale* only."""
    raters = [Rater(f"peer-{index}", "peer", f"e-{index}") for index in range(len(scores))]
    ratings = [
        Rating(rater.id, SUBJECTS[0], scale.id, score=score)
        for rater, score in zip(raters, scores, strict=True)
    ]
    return attrs.evolve(SAMPLE, raters=raters, scales=[scale], ratings=ratings, feedback=())


class TestWhichPath:
    @pytest.mark.parametrize(
        ("scale", "scores"),
        [
            (WHOLE[0], [Decimal(70), Decimal(71), Decimal(75)]),
            (NOT_WHOLE[1], [Decimal("4.5"), Decimal(1), Decimal("2.5")]),
        ],
    )
    def test_one_pass_answers_a_plain_panel(self, monkeypatch, scale, scores):
        """A plain panel on one scale is summed in one pass: no grouping is built."""

        def refuse(*_args: object) -> None:
            raise AssertionError("the grouped path ran")

        monkeypatch.setattr(_weighting_kernel, "group_ratings", refuse)
        policy = WeightingPolicy({"peer": 1}, missing=Renormalise())
        appraisal = _peers(scale, scores)
        assert _values(policy.ratios(appraisal, SUBJECTS[:1])) == [
            (Fraction(sum(scores)) / len(scores), scale.id)
        ]

    def test_a_rater_of_a_role_not_weighted_is_refused(self):
        """A rating from a role the policy does not weight: no ratio, and the policy raises."""
        policy = WeightingPolicy({"peer": 1}, missing=Renormalise())
        appraisal = _peers(WHOLE[0], [Decimal(70), Decimal(71)])
        public = Rater("public-0", "public", "e-public")
        appraisal = attrs.evolve(
            appraisal,
            raters=(*appraisal.raters, public),
            ratings=(*appraisal.ratings, Rating(public.id, SUBJECTS[1], "nilai", score=90)),
        )
        assert policy.ratios(appraisal, SUBJECTS[:1]) == [(141, 2, "nilai")]
        assert policy.ratios(appraisal, SUBJECTS[:2]) is None
        assert policy.ratio(appraisal, SUBJECTS[1]) is None
        with pytest.raises(ScoringInputError, match="a role the policy does"):
            policy(appraisal, SUBJECTS[1], trace=False)

    def test_a_sum_too_long_to_be_exact_is_grouped(self, monkeypatch):
        """Scores whose exact sum has more digits than the one pass keeps: the grouped path."""
        grouped: list[object] = []
        original = _weighting_kernel.group_ratings
        monkeypatch.setattr(
            _weighting_kernel,
            "group_ratings",
            lambda appraisal: grouped.append(appraisal) or original(appraisal),
        )
        longest = Decimal(f"{'9' * 40}.{'9' * 40}")  # the most digits a score may have
        scale = NumericScale("nilai", 0, longest)
        policy = WeightingPolicy({"peer": 1}, missing=Renormalise())
        other = Decimal(f"{'9' * 39}8.{'9' * 40}")  # longest - 1, exactly
        appraisal = _peers(scale, [longest, other])
        assert _values(policy.ratios(appraisal, SUBJECTS[:1])) == [
            (Fraction(longest) - Fraction(1, 2), scale.id)
        ]
        assert grouped == [appraisal]


class TestKept:
    def test_summed_once_per_appraisal(self, monkeypatch):
        """Asked per subject, the policy sums an appraisal's ratings once, for every subject."""
        calls: list[tuple[str, ...]] = []
        original = _weighting_kernel.sum_cells

        def counted(appraisal, subjects, slots):
            calls.append(tuple(subjects))
            return original(appraisal, subjects, slots)

        monkeypatch.setattr(_weighting_kernel, "sum_cells", counted)
        policy = WeightingPolicy({"supervisor": "1/2", "peer": "1/2"}, missing=Renormalise())
        first, second = (_peers(WHOLE[0], [Decimal(score), Decimal(90)]) for score in (60, 80))
        for appraisal, expected in ((first, Fraction(75)), (second, Fraction(85))):
            for _ in range(3):
                assert policy(appraisal, SUBJECTS[0], trace=False).value == expected
                assert policy.ratio(appraisal, SUBJECTS[1]) is None  # not rated
        assert calls == [(SUBJECTS[0],), (SUBJECTS[0],)]
        other = WeightingPolicy({"peer": 1}, missing=Renormalise())  # another owner
        assert other(second, SUBJECTS[0], trace=False).value == Fraction(85)
        assert len(calls) == 3

    def test_the_aggregate_is_the_checked_ones_twin(self):
        """Built without its checks, the kernel's `Aggregate` equals, hashes and pickles alike."""
        policy = WeightingPolicy({"peer": 1}, missing=Renormalise())
        appraisal = _peers(WHOLE[0], [Decimal(70), Decimal(71)])
        checked = Aggregate(SUBJECTS[0], Fraction(141, 2), "nilai")
        for trace in (False, True):
            found = policy(appraisal, SUBJECTS[0], trace=trace)
            assert type(found) is Aggregate
            assert (found.value, found.scale_id, found.gap) == (Fraction(141, 2), "nilai", None)
            assert (found.step is None) is not trace
            plain = attrs.evolve(found, step=None)
            assert plain == checked
            assert hash(plain) == hash(checked)
            assert repr(plain) == repr(checked)
            assert pickle.loads(pickle.dumps(plain)) == checked  # noqa: S301 - our own bytes
            with pytest.raises(attrs.exceptions.FrozenInstanceError):
                found.value = Fraction(1)  # type: ignore[misc]

    def test_the_sums_go_with_their_appraisal(self):
        """The slot holds the appraisal weakly: once it is gone, nothing of it is kept."""
        policy = WeightingPolicy({"peer": 1}, missing=Renormalise())
        appraisal = _peers(WHOLE[0], [Decimal(70), Decimal(71)])
        assert policy.ratio(appraisal, SUBJECTS[0]) is not None
        kept = _grouping._HELD.kept
        assert kept is not None
        assert kept[0]() is appraisal
        del appraisal, kept
        gc.collect()
        assert _grouping._HELD.kept is None
