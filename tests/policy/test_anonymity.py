"""Tests for penilaian.policy.anonymity: what the employee and the supervisor may see."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from base.wrong_values import JUNK, fields_of, only_typed_errors, refused_at, wrong_cases
from penilaian import (
    FeedbackNote,
    Impute,
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
from penilaian.exceptions import InvalidNumberError, InvalidValueError, UnknownLabelError
from penilaian.policy import (
    DEFAULT_ANONYMITY,
    EXAMPLE_SERVICE_ROLE_WEIGHTS,
    AnonymityThresholds,
    EmployeeView,
    NoteSummary,
    RoleSummary,
    SignedRating,
    SubjectSummary,
    SupervisorView,
    view_for_employee,
    view_for_supervisor,
)
from penilaian.policy.anonymity import AnonymityRisk, ReleasePolicy

SAMPLE = load_sample()
SCALE = NumericScale("nilai", 0, 100)
SUBJECT = "collaborative"
SERVICE_POLICY = WeightingPolicy(
    {"supervisor": "1/2", "peer": "3/10", "public": "1/5"},
    missing=Renormalise(),
    min_raters={"peer": 3},
)
"""A policy that lets a single public respondent into the weighted value."""


def subject(view, subject_id):
    (found,) = [summary for summary in view.subjects if summary.subject == subject_id]
    return found


def roles_of(summary):
    return [role.role for role in summary.roles]


class TestThresholds:
    def test_defaults(self):
        """Self and supervisors 1; peers, subordinates and the public 3."""
        expected = {
            RaterRole.SELF: 1,
            RaterRole.SUPERVISOR: 1,
            RaterRole.SECOND_LEVEL_SUPERVISOR: 1,
            RaterRole.PEER: 3,
            RaterRole.SUBORDINATE: 3,
            RaterRole.PUBLIC: 3,
        }
        assert expected == DEFAULT_ANONYMITY.k

    def test_override_keeps_other_defaults(self):
        """Setting one role's threshold keeps the others' defaults."""
        thresholds = AnonymityThresholds({"rekan kerja": 5})
        assert (thresholds[RaterRole.PEER], thresholds[RaterRole.SUBORDINATE]) == (5, 3)

    @pytest.mark.parametrize("k", [0, -2])
    def test_below_one_is_refused(self, k):
        """A threshold below 1 is refused, naming the role and the number."""
        with pytest.raises(InvalidNumberError) as caught:
            AnonymityThresholds({"subordinate": k})
        assert ("k['subordinate']", k) == (caught.value.field, caught.value.value)

    @pytest.mark.parametrize("k", [2.5, "3", True])
    def test_not_whole_is_refused(self, k):
        """A threshold must be a whole number."""
        with pytest.raises(InvalidNumberError, match="whole number"):
            AnonymityThresholds({"peer": k})

    def test_not_a_mapping(self):
        """Thresholds map roles to numbers."""
        with pytest.raises(InvalidValueError, match="must map rater roles"):
            AnonymityThresholds([3])  # type: ignore[arg-type]

    def test_unknown_role(self):
        """An unknown role is refused."""
        with pytest.raises(UnknownLabelError):
            AnonymityThresholds({"friend": 3})


class TestEmployeeView:
    def test_sample_hides_the_single_public_respondent(self):
        """The sample's one service user is withheld, with their comment; three peers are shown."""
        view = view_for_employee(SAMPLE)
        service = subject(view, "service_oriented")
        assert roles_of(service) == [RaterRole.SELF, RaterRole.SUPERVISOR, RaterRole.PEER]
        assert service.withheld == (RaterRole.PUBLIC,)
        assert RoleSummary(RaterRole.PEER, 3, Fraction(13, 3)) == service.roles[2]
        assert "Penjelasan jelas" not in repr(view)

    def test_sample_ordinal_levels_and_comments(self):
        """The supervisor's signed level and comment on work results are shown."""
        view = view_for_employee(SAMPLE)
        work = subject(view, "work_results")
        expected = RoleSummary(
            RaterRole.SUPERVISOR,
            1,
            None,
            (("above_expectations", 1),),
            ("Target AKPK dan konsultasi karier terlampaui.",),
        )
        assert (expected,) == work.roles

    def test_sample_feedback(self):
        """Notes by roles of threshold 1 are shown with their date."""
        view = view_for_employee(SAMPLE)
        assert [
            (RaterRole.SUPERVISOR, date(2024, 4, 5)),
            (RaterRole.SUPERVISOR, date(2024, 8, 14)),
            (RaterRole.SECOND_LEVEL_SUPERVISOR, date(2024, 11, 2)),
        ] == [(note.role, note.given_on) for note in view.feedback]
        assert (view.appraisal_id, view.employee_id) == (SAMPLE.id, SAMPLE.employee.id)

    def test_weighted_value_withheld_when_a_small_role_enters_it(self):
        """A weighted value that counts the single public respondent would reveal them: withheld."""
        service = subject(view_for_employee(SAMPLE, policy=SERVICE_POLICY), "service_oriented")
        assert service.overall is None
        assert service.overall_withheld is not None
        assert "public" in service.overall_withheld

    def test_weighted_value_shown_when_min_raters_meets_threshold(self):
        """With min_raters at the threshold, the lone public rater is left out; the value shows."""
        safe = attrs.evolve(SERVICE_POLICY, min_raters={"peer": 3, "public": 3})
        service = subject(view_for_employee(SAMPLE, policy=safe), "service_oriented")
        assert (Fraction(33, 8), (RaterRole.SUPERVISOR, RaterRole.PEER)) == (
            service.overall,
            service.overall_roles,
        )

    def test_role_aggregates_use_the_policy_aggregation(self):
        """Given a policy, each shown role is combined as the policy combines it."""
        highest = attrs.evolve(SERVICE_POLICY, aggregation=max)
        service = subject(view_for_employee(SAMPLE, policy=highest), "service_oriented")
        assert Fraction(5) == service.roles[2].value

    def test_peer_note_below_threshold(self):
        """A peer's note is withheld with too few peers in the appraisal; with enough, undated."""
        appraisal = SAMPLE.with_feedback(
            FeedbackNote(date(2024, 6, 1), "rekan-1", "Sering membantu rekan baru.")
        )
        shown = view_for_employee(appraisal).feedback[-1]
        assert (shown.role, shown.given_on) == (RaterRole.PEER, None)
        strict = view_for_employee(appraisal, AnonymityThresholds({"peer": 4}))
        assert "Sering membantu" not in repr(strict)

    def test_no_weighted_value_without_one(self):
        """When the policy gives no value, none is shown and nothing is said withheld."""
        required = attrs.evolve(SERVICE_POLICY, missing=Require())
        collaborative = subject(view_for_employee(SAMPLE, policy=required), SUBJECT)
        assert (collaborative.overall, collaborative.overall_withheld) == (None, None)

    def test_no_weighted_value_across_scales(self):
        """A subject rated on two scales gets per-scale summaries and no weighted value."""
        other = NumericScale("lima", 1, 5)
        appraisal = attrs.evolve(
            SAMPLE,
            scales=(*SAMPLE.scales, other),
            ratings=(
                *SAMPLE.ratings,
                Rating("atasan-2", "loyal", "lima", score=4),
            ),
        )
        policy = attrs.evolve(SERVICE_POLICY, role_weights=EXAMPLE_SERVICE_ROLE_WEIGHTS)
        loyal = [
            s for s in view_for_employee(appraisal, policy=policy).subjects if s.subject == "loyal"
        ]
        assert [summary.overall for summary in loyal] == [None, None]
        assert {"likert-1-5", "lima"} == {summary.scale_id for summary in loyal}


class TestSupervisorView:
    def test_shows_small_roles_marked(self):
        """The supervisor sees the single public respondent's aggregate, marked below threshold."""
        view = view_for_supervisor(SAMPLE, policy=SERVICE_POLICY)
        service = subject(view, "service_oriented")
        public = service.roles[-1]
        assert (
            public.role,
            public.below_threshold,
            public.comments,
        ) == (RaterRole.PUBLIC, True, ("Penjelasan jelas dan cepat.",))
        assert Fraction(41, 10) == service.overall  # 1/2 x 4 + 3/10 x 13/3 + 1/5 x 4

    def test_signed_ratings_only_for_threshold_one(self):
        """Signed ratings come only from self and supervisors; peers stay unsigned."""
        view = view_for_supervisor(SAMPLE)
        assert {"self", "atasan"} == {rating.rater_id for rating in view.ratings}
        assert not any(rating.role is RaterRole.PEER for rating in view.ratings)

    def test_every_note(self):
        """Every note is shown by role; undated for roles of threshold above 1."""
        appraisal = SAMPLE.with_feedback(
            FeedbackNote(date(2024, 6, 1), "rekan-1", "Sering membantu rekan baru.")
        )
        view = view_for_supervisor(appraisal, AnonymityThresholds({"peer": 4}))
        assert (view.feedback[-1].role, view.feedback[-1].given_on) == (RaterRole.PEER, None)


# -- the anonymity law --------------------------------------------------------------------

ROLES = tuple(RaterRole)


@st.composite
def populations(draw: st.DrawFn):
    """An appraisal with 0-5 raters per role on two subjects, unique comments, and thresholds."""
    raters, ratings = [], []
    for role in ROLES:
        count = 1 if role is RaterRole.SELF else 5
        for index in range(draw(st.integers(0, count))):
            rater_id = f"{role.value}-{index}"
            person = SAMPLE.employee.id if role is RaterRole.SELF else f"emp-{rater_id}"
            raters.append(Rater(rater_id, role, person))
            for aspect in (SUBJECT, "loyal"):
                if draw(st.booleans()):
                    comment = f"comment by {rater_id} on {aspect}" if draw(st.booleans()) else None
                    score = draw(st.integers(0, 100))
                    ratings.append(Rating(rater_id, aspect, "nilai", score=score, comment=comment))
    appraisal = attrs.evolve(SAMPLE, raters=raters, scales=[SCALE], ratings=ratings, feedback=())
    thresholds = AnonymityThresholds({role: draw(st.integers(1, 4)) for role in ROLES})
    weighted = [role for role in ROLES if role is not RaterRole.SELF]
    amounts = {role: draw(st.integers(0, 3)) for role in weighted}
    if not any(amounts.values()):
        amounts[RaterRole.SUPERVISOR] = 1
    policy = WeightingPolicy.normalised(
        amounts,
        missing=draw(st.sampled_from([Renormalise(), Require(), Impute(50), Zero()])),
        min_raters={role: draw(st.integers(0, 4)) for role in weighted},
    )
    return appraisal, thresholds, policy


class TestAnonymityLaw:
    @given(populations())
    def test_nothing_identifies_a_rating_below_threshold(self, population):
        """No role below its threshold is shown, commented, or recoverable by subtraction."""
        appraisal, thresholds, policy = population
        view = view_for_employee(appraisal, thresholds, policy=policy)
        roles = {rater.id: rater.role for rater in appraisal.raters}
        shown_text = repr(view)
        for summary in view.subjects:
            raters_by_role: dict[RaterRole, set[str]] = {}
            for rating in appraisal.ratings_of(summary.subject):
                raters_by_role.setdefault(roles[rating.rater_id], set()).add(rating.rater_id)
            small = {
                role for role, raters in raters_by_role.items() if len(raters) < thresholds[role]
            }
            # 1. no small role is shown, and each of its comments stays hidden
            assert not small & set(roles_of(summary))
            assert small == set(summary.withheld)
            for rating in appraisal.ratings_of(summary.subject):
                if roles[rating.rater_id] in small and rating.comment:
                    assert rating.comment not in shown_text
            # 2. every figure shown is made of raters of shown roles only
            figures = [frozenset(raters_by_role[role.role]) for role in summary.roles]
            if summary.overall is not None:
                figures.append(
                    frozenset().union(*(raters_by_role[role] for role in summary.overall_roles))
                )
            hidden = {rater for role in small for rater in raters_by_role[role]}
            assert all(not figure & hidden for figure in figures)
            # 3. no two figures differ only by raters of one small role
            for first in figures:
                for second in figures:
                    difference = second - first
                    if first < second:
                        assert not any(difference <= raters_by_role[role] for role in small)

    @given(populations())
    def test_supervisor_view_signs_only_threshold_one(self, population):
        """The supervisor's signed ratings come only from roles whose threshold is 1."""
        appraisal, thresholds, policy = population
        view = view_for_supervisor(appraisal, thresholds, policy=policy)
        assert all(thresholds[rating.role] == 1 for rating in view.ratings)


ROLE = RoleSummary(RaterRole.PEER, 3, Fraction(80), (), ("Kolaboratif",))
SUMMARY = SubjectSummary("collaborative", "nilai", (ROLE,))
NOTE = NoteSummary(RaterRole.SUPERVISOR, "Tepat waktu", "i1", date(2024, 3, 1))
SIGNED = SignedRating("r-sup", RaterRole.SUPERVISOR, "i1", "nilai", None, "Baik", None)
ARGUMENTS = {
    AnonymityThresholds: {"k": {"peer": 5}, "release": ReleasePolicy.CONTINUOUS, "grace_days": 7},
    RoleSummary: {
        "role": RaterRole.PEER,
        "raters": 3,
        "value": None,
        "levels": (("meets_expectations", 3),),
        "comments": ("Kolaboratif",),
        "below_threshold": False,
    },
    SubjectSummary: {
        "subject": "collaborative",
        "scale_id": "nilai",
        "roles": (ROLE,),
        "withheld": (RaterRole.SUBORDINATE,),
        "overall": Fraction(80),
        "overall_roles": (RaterRole.PEER,),
        "overall_withheld": None,
    },
    NoteSummary: {
        "role": RaterRole.PEER,
        "text": "Kolaboratif",
        "subject": "collaborative",
        "given_on": None,
    },
    SignedRating: {
        "rater_id": "r-sup",
        "role": RaterRole.SUPERVISOR,
        "subject": "i1",
        "scale_id": "nilai",
        "score": Decimal("95.5"),
        "level": None,
        "comment": "Baik",
    },
    EmployeeView: {
        "appraisal_id": "a",
        "employee_id": "e",
        "thresholds": DEFAULT_ANONYMITY,
        "subjects": (SUMMARY,),
        "feedback": (NOTE,),
        "as_of": date(2025, 1, 2),
        "released": True,
        "residual_risk": AnonymityRisk.CHANGED_AFTER_CLOSE,
    },
    SupervisorView: {
        "appraisal_id": "a",
        "employee_id": "e",
        "thresholds": DEFAULT_ANONYMITY,
        "subjects": (SUMMARY,),
        "ratings": (SIGNED,),
        "feedback": (NOTE,),
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

    def test_thresholds_by_any_spelling(self):
        """A threshold is looked up by a role or any of its spellings; nonsense is named."""
        thresholds = AnonymityThresholds({"peer": 5})
        assert thresholds[RaterRole.PEER] == thresholds["rekan kerja"] == 5
        with pytest.raises(UnknownLabelError) as caught:
            thresholds[3]
        assert caught.value.field == "role"

    @pytest.mark.parametrize("view", [view_for_employee, view_for_supervisor])
    @pytest.mark.parametrize(
        ("arguments", "options", "field"),
        [
            (("skp-1",), {}, "appraisal"),
            ((SAMPLE, {"peer": 3}), {}, "thresholds"),
            ((SAMPLE,), {"policy": "360"}, "policy"),
        ],
    )
    def test_views_name_the_argument(self, view, arguments, options, field):
        """The views refuse an argument of the wrong type at its name."""
        with pytest.raises(InvalidValueError) as caught:
            view(*arguments, **options)
        assert caught.value.field == field
