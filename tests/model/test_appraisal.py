"""Tests for penilaian.model.appraisal: the appraisal aggregate and its cross-field rules."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, timezone
from decimal import Decimal

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from base.wrong_values import JUNK, fields_of, only_typed_errors, refused_at, wrong_cases
from penilaian import (
    BERAKHLAK,
    EXPECTATION_SCALE,
    PP30_2019_BEHAVIOUR,
    Appraisal,
    Employee,
    FeedbackNote,
    Indicator,
    NumericScale,
    Period,
    PointTarget,
    Position,
    QualitativeTarget,
    RangeTarget,
    Rater,
    RaterRole,
    Rating,
    Realisation,
    SpecialExpectation,
    WorkTarget,
)
from penilaian.exceptions import (
    DuplicateIdError,
    InvalidInputError,
    InvalidValueError,
    OffScaleError,
    SelfRatingError,
    UnknownLabelError,
    UnknownReferenceError,
)
from penilaian.model import OVERALL_BEHAVIOUR, OVERALL_WORK_RESULTS
from strategies import appraisals

REPORTS = Indicator(
    id="i1",
    description="Jumlah laporan keuangan yang disusun",
    aspect="Kuantitas",
    target=PointTarget(12),
    unit="laporan",
    realisation=Realisation(12, recorded_on=date(2024, 12, 20), evidence=["rekap.xlsx"]),
)
ACCEPTED = Indicator(
    id="i2",
    description="Laporan diterima pimpinan",
    aspect="Kualitas",
    target=QualitativeTarget("Diterima tanpa revisi"),
    realisation=Realisation(description="Diterima dengan satu revisi kecil"),
)
TURNAROUND = Indicator(
    id="i3",
    description="Waktu penyelesaian permohonan",
    aspect="Waktu",
    target=RangeTarget(10, 12),
    direction="kondisi khusus",
    unit="hari",
)
FINANCE = WorkTarget("t1", "Tersusunnya laporan keuangan", [REPORTS, ACCEPTED])
SERVICE = WorkTarget("t2", "Terselesaikannya permohonan layanan", [TURNAROUND], kind="tambahan")

SELF = Rater("r-self", "self", "e-ani")
SUPERVISOR = Rater("r-sup", "atasan langsung", "e-budi", "Budi Santoso")
PEER = Rater("r-peer", "rekan kerja", "e-citra")
PUBLIC = Rater("r-pub", "masyarakat")

IKM = NumericScale("ikm", 1, 4, step=1)
PERCENT = NumericScale("percent", 0, 100)

RATINGS = (
    Rating("r-sup", OVERALL_WORK_RESULTS, "expectation", level="Di Atas Ekspektasi"),
    Rating("r-sup", OVERALL_BEHAVIOUR, "expectation", level="meets_expectations"),
    Rating("r-self", "accountable", "expectation", level="sesuai ekspektasi"),
    Rating("r-peer", "collaborative", "expectation", level="above"),
    Rating("r-pub", "service_oriented", "ikm", score=4),
    Rating("r-sup", "i1", "percent", score=Decimal("95.5"), rated_on=date(2024, 12, 28)),
)

VALID = Appraisal(
    id="skp-2024-ani",
    employee=Employee("e-ani", "Ani Lestari", "19860926 201505 2 001"),
    position=Position("Analis Keuangan Ahli Muda", "Ahli Muda"),
    period=Period.year(2024),
    framework=BERAKHLAK,
    targets=[FINANCE, SERVICE],
    raters=[SELF, SUPERVISOR, PEER, PUBLIC],
    scales=[EXPECTATION_SCALE, IKM, PERCENT],
    ratings=RATINGS,
    feedback=[
        FeedbackNote(
            date(2024, 3, 15), "r-sup", "Laporan triwulan I tepat waktu", "i1", ["nota-12.pdf"]
        )
    ],
    special_expectations=[SpecialExpectation("service_oriented", "Responsif terhadap pengaduan")],
)
"""A valid annual BerAKHLAK appraisal (PermenPANRB 6/2022) with four raters and three scales."""


def paths(error: InvalidInputError) -> list[str]:
    """Return the paths of the problems of *error*, in order."""
    return [problem.path for problem in error.problems]


def kinds(error: InvalidInputError) -> list[type[BaseException] | None]:
    """Return the error types behind the problems of *error*, in order."""
    return [None if problem.error is None else type(problem.error) for problem in error.problems]


def note(day: date = date(2024, 6, 1), author: str = "r-peer", subject: str | None = None):
    """Return a feedback note."""
    return FeedbackNote(day, author, "Kolaborasi baik", subject)


class TestAppraisalValid:
    def test_keeps_collections_as_tuples(self):
        """Lists given for the collections are kept as tuples."""
        expected = (tuple, tuple, tuple, tuple, tuple, tuple)
        assert expected == tuple(
            type(value)
            for value in (
                VALID.targets,
                VALID.raters,
                VALID.scales,
                VALID.ratings,
                VALID.feedback,
                VALID.special_expectations,
            )
        )

    def test_evolve_without_changes_is_equal(self):
        """Re-validating an unchanged appraisal gives an equal value."""
        expected = VALID
        assert expected == attrs.evolve(VALID)

    def test_minimal_appraisal(self):
        """An appraisal needs only one work target; raters, scales and ratings may be empty."""
        made = Appraisal(
            "a1", VALID.employee, VALID.position, Period.quarter(2024, 3), BERAKHLAK, [SERVICE]
        )
        expected = ((), (), (), (), ())
        assert expected == (
            made.raters,
            made.scales,
            made.ratings,
            made.feedback,
            made.special_expectations,
        )

    def test_feedback_on_the_last_day_is_inside(self):
        """The period includes both its first and its last day."""
        made = VALID.with_feedback(note(date(2024, 1, 1))).with_feedback(note(date(2024, 12, 31)))
        expected = 3
        assert expected == len(made.feedback)


class TestAppraisalRules:
    def test_needs_a_work_target(self):
        """An appraisal without work targets is reported at $.targets."""
        with pytest.raises(InvalidInputError) as caught:
            attrs.evolve(VALID, targets=[], ratings=RATINGS[:5], feedback=[])
        expected = ["$.targets"]
        assert expected == paths(caught.value)

    @pytest.mark.parametrize(
        ("changes", "path", "kind"),
        [
            pytest.param(
                {"targets": [FINANCE, attrs.evolve(SERVICE, id="t1")]},
                "$.targets[1].id",
                DuplicateIdError,
                id="duplicate-target",
            ),
            pytest.param(
                {
                    "targets": [
                        FINANCE,
                        attrs.evolve(SERVICE, indicators=[attrs.evolve(TURNAROUND, id="i1")]),
                    ]
                },
                "$.targets[1].indicators[0].id",
                DuplicateIdError,
                id="duplicate-indicator-across-targets",
            ),
            pytest.param(
                {"raters": [SELF, SUPERVISOR, PEER, PUBLIC, Rater("r-sup", "peer", "e-dedi")]},
                "$.raters[4].id",
                DuplicateIdError,
                id="duplicate-rater",
            ),
            pytest.param(
                {"scales": [EXPECTATION_SCALE, IKM, PERCENT, NumericScale("ikm", 0, 10)]},
                "$.scales[3].id",
                DuplicateIdError,
                id="duplicate-scale",
            ),
            pytest.param(
                {"raters": [Rater("r-self", "self", "e-eko"), SUPERVISOR, PEER, PUBLIC]},
                "$.raters[0].employee_id",
                SelfRatingError,
                id="self-rater-is-someone-else",
            ),
            pytest.param(
                {"raters": [Rater("r-self", "peer", "e-ani"), SUPERVISOR, PEER, PUBLIC]},
                "$.raters[0].role",
                SelfRatingError,
                id="employee-as-peer",
            ),
            pytest.param(
                {"raters": [SELF, SUPERVISOR, PEER, Rater("r-pub", "public", "e-ani")]},
                "$.raters[3].role",
                SelfRatingError,
                id="employee-as-public",
            ),
            pytest.param(
                {
                    "targets": [
                        FINANCE.with_realisation(
                            "i1", Realisation(12, recorded_on=date(2025, 1, 2))
                        ),
                        SERVICE,
                    ]
                },
                "$.targets[0].indicators[0].realisation.recorded_on",
                InvalidValueError,
                id="realisation-after-period",
            ),
            pytest.param(
                {"feedback": [note(date(2023, 12, 31))]},
                "$.feedback[0].given_on",
                InvalidValueError,
                id="feedback-before-period",
            ),
            pytest.param(
                {"feedback": [note(author="r-x")]},
                "$.feedback[0].author_id",
                UnknownReferenceError,
                id="feedback-by-unknown-author",
            ),
            pytest.param(
                {"feedback": [note(subject="kecepatan")]},
                "$.feedback[0].subject",
                UnknownReferenceError,
                id="feedback-about-unknown-subject",
            ),
            pytest.param(
                {"special_expectations": [SpecialExpectation("integrity", "Jujur")]},
                "$.special_expectations[0].aspect_id",
                UnknownReferenceError,
                id="special-expectation-unknown-aspect",
            ),
            pytest.param(
                {
                    "special_expectations": [
                        SpecialExpectation("service_oriented", "Responsif"),
                        SpecialExpectation("service_oriented", "Ramah"),
                    ]
                },
                "$.special_expectations[1].aspect_id",
                DuplicateIdError,
                id="duplicate-special-expectation",
            ),
        ],
    )
    def test_breaking_one_rule_reports_its_path(self, changes, path, kind):
        """Breaking one cross-field rule raises InvalidInputError with one problem at its path."""
        with pytest.raises(InvalidInputError) as caught:
            attrs.evolve(VALID, **changes)
        assert ([path], [kind]) == (paths(caught.value), kinds(caught.value))

    @pytest.mark.parametrize(
        ("rating", "path", "kind"),
        [
            pytest.param(
                Rating("r-x", OVERALL_BEHAVIOUR, "expectation", level="meets"),
                "$.ratings[6].rater_id",
                UnknownReferenceError,
                id="unknown-rater",
            ),
            pytest.param(
                Rating("r-peer", "kecepatan", "expectation", level="meets"),
                "$.ratings[6].subject",
                UnknownReferenceError,
                id="unknown-subject",
            ),
            pytest.param(
                Rating("r-peer", "service_orientation", "expectation", level="meets"),
                "$.ratings[6].subject",
                UnknownReferenceError,
                id="aspect-of-another-framework",
            ),
            pytest.param(
                Rating("r-peer", OVERALL_BEHAVIOUR, "skala-5", score=3),
                "$.ratings[6].scale_id",
                UnknownReferenceError,
                id="unknown-scale",
            ),
            pytest.param(
                Rating("r-pub", OVERALL_BEHAVIOUR, "ikm", score=5),
                "$.ratings[6].score",
                OffScaleError,
                id="score-above-scale",
            ),
            pytest.param(
                Rating("r-pub", OVERALL_BEHAVIOUR, "ikm", score="2.5"),
                "$.ratings[6].score",
                OffScaleError,
                id="score-between-steps",
            ),
            pytest.param(
                Rating("r-pub", OVERALL_BEHAVIOUR, "ikm", level="Baik"),
                "$.ratings[6].level",
                OffScaleError,
                id="level-on-numeric-scale",
            ),
            pytest.param(
                Rating("r-peer", OVERALL_BEHAVIOUR, "expectation", score=2),
                "$.ratings[6].score",
                OffScaleError,
                id="score-on-ordinal-scale",
            ),
            pytest.param(
                Rating("r-peer", OVERALL_BEHAVIOUR, "expectation", level="Luar Biasa"),
                "$.ratings[6].level",
                OffScaleError,
                id="unknown-level",
            ),
            pytest.param(
                Rating("r-sup", OVERALL_WORK_RESULTS, "expectation", level="below"),
                "$.ratings[6].subject",
                DuplicateIdError,
                id="same-rater-and-subject-twice",
            ),
        ],
    )
    def test_bad_rating_reports_its_path(self, rating, path, kind):
        """A rating that breaks a rule is reported at its own path, with the error behind it."""
        with pytest.raises(InvalidInputError) as caught:
            attrs.evolve(VALID, ratings=[*RATINGS, rating])
        assert ([path], [kind]) == (paths(caught.value), kinds(caught.value))

    def test_rating_about_every_kind_of_subject(self):
        """Aspects, work targets, indicators and both overall subjects may be rated."""
        subjects = ["adaptive", "t2", "i3", OVERALL_WORK_RESULTS, OVERALL_BEHAVIOUR]
        extra = [Rating("r-peer", subject, "percent", score=80) for subject in subjects]
        made = attrs.evolve(VALID, ratings=[*RATINGS, *extra])
        expected = len(RATINGS) + len(subjects)
        assert expected == len(made.ratings)

    def test_special_expectations_need_a_framework_that_has_them(self):
        """Special expectations on a framework without them are reported once at the collection."""
        overall = [rating for rating in RATINGS if rating.subject in {"work_results", "behaviour"}]
        with pytest.raises(InvalidInputError) as caught:
            attrs.evolve(VALID, framework=PP30_2019_BEHAVIOUR, ratings=overall)
        expected = (["$.special_expectations"], [InvalidValueError])
        assert expected == (paths(caught.value), kinds(caught.value))

    def test_framework_without_special_expectations_may_have_none(self):
        """A framework without special expectations accepts an appraisal that has none."""
        overall = [rating for rating in RATINGS if rating.subject in {"work_results", "behaviour"}]
        made = attrs.evolve(
            VALID, framework=PP30_2019_BEHAVIOUR, ratings=overall, special_expectations=[]
        )
        expected = PP30_2019_BEHAVIOUR
        assert expected == made.framework

    def test_reports_every_problem_at_once(self):
        """An appraisal that breaks several rules reports all of them, in document order."""
        with pytest.raises(InvalidInputError) as caught:
            attrs.evolve(
                VALID,
                targets=[FINANCE, attrs.evolve(SERVICE, id="t1")],
                raters=[
                    Rater("r-self", "self", "e-eko"),
                    SUPERVISOR,
                    Rater("r-sup", "peer", "e-dedi"),
                    PUBLIC,
                ],
                scales=[EXPECTATION_SCALE, IKM, PERCENT, IKM],
                ratings=[
                    *RATINGS,
                    Rating("r-x", "kecepatan", "skala-5", score=3),
                    Rating("r-pub", OVERALL_BEHAVIOUR, "ikm", score=9),
                    RATINGS[0],
                ],
                feedback=[note(date(2025, 1, 1), author="r-x", subject="kecepatan")],
                special_expectations=[
                    SpecialExpectation("integrity", "Jujur"),
                    SpecialExpectation("integrity", "Jujur sekali"),
                ],
            )
        expected = [
            "$.targets[1].id",
            "$.raters[2].id",
            "$.raters[0].employee_id",
            "$.scales[3].id",
            "$.ratings[3].rater_id",
            "$.ratings[6].rater_id",
            "$.ratings[6].subject",
            "$.ratings[6].scale_id",
            "$.ratings[7].score",
            "$.ratings[8].subject",
            "$.feedback[0].given_on",
            "$.feedback[0].author_id",
            "$.feedback[0].subject",
            "$.special_expectations[0].aspect_id",
            "$.special_expectations[1].aspect_id",
            "$.special_expectations[1].aspect_id",
        ]
        assert expected == paths(caught.value)

    def test_problems_say_what_and_where(self):
        """Each problem's message gives the reason and the value, and its text adds the path."""
        with pytest.raises(InvalidInputError) as caught:
            VALID.with_feedback(note(author="r-x"))
        (problem,) = caught.value.problems
        expected = "no rater has this id (got 'r-x') @ $.feedback[1].author_id"
        assert expected == str(problem)

    @pytest.mark.parametrize(
        ("build", "field", "path"),
        [
            pytest.param(
                lambda: VALID.with_feedback(note(datetime(2024, 5, 1, 9, 30, tzinfo=timezone.utc))),
                "given_on",
                "$.feedback[1].given_on",
                id="feedback",
            ),
            pytest.param(
                lambda: VALID.with_realisation(
                    "t1",
                    "i1",
                    Realisation(12, recorded_on=datetime(2024, 5, 1, 9, 30, tzinfo=timezone.utc)),
                ),
                "recorded_on",
                "$.targets[0].indicators[0].realisation.recorded_on",
                id="realisation",
            ),
        ],
    )
    def test_datetime_for_a_date_is_refused_where_it_is(self, build, field, path):
        """A datetime given for a date is refused naming its own field or path, not "other"."""
        with pytest.raises((InvalidValueError, InvalidInputError)) as caught:
            build()
        error = caught.value
        where = paths(error) if isinstance(error, InvalidInputError) else error.field
        assert where in ([path], field)

    def test_one_person_rates_once(self):
        """Two raters who are the same employee are reported: everyone rates once."""
        with pytest.raises(InvalidInputError) as caught:
            VALID.with_rater(Rater("r-sup2", "second-level supervisor", "e-budi"))
        expected = ["$.raters[4].employee_id"]
        assert expected == paths(caught.value)


class TestAppraisalLookups:
    def test_indicators_in_order(self):
        """indicators yields every indicator with its work target, in document order."""
        expected = [("t1", "i1"), ("t1", "i2"), ("t2", "i3")]
        assert expected == [(target.id, indicator.id) for target, indicator in VALID.indicators()]

    def test_finds_by_id(self):
        """target, rater and scale return the item with the id given."""
        expected = (SERVICE, PEER, IKM)
        assert expected == (VALID.target("t2"), VALID.rater("r-peer"), VALID.scale("ikm"))

    @pytest.mark.parametrize(
        ("lookup", "field"),
        [("target", "target_id"), ("rater", "rater_id"), ("scale", "scale_id")],
    )
    def test_unknown_id(self, lookup, field):
        """Looking up an unknown id raises UnknownReferenceError naming the id."""
        with pytest.raises(UnknownReferenceError) as caught:
            getattr(VALID, lookup)("zz")
        assert (field, "zz") == (caught.value.field, caught.value.value)

    @pytest.mark.parametrize(
        ("role", "indexes"),
        [
            (RaterRole.SUPERVISOR, [0, 1, 5]),
            (RaterRole.SELF, [2]),
            (RaterRole.PEER, [3]),
            (RaterRole.PUBLIC, [4]),
            (RaterRole.SECOND_LEVEL_SUPERVISOR, []),
        ],
    )
    def test_ratings_by_role(self, role, indexes):
        """ratings_by returns the ratings given by raters in one role, in order."""
        expected = tuple(RATINGS[index] for index in indexes)
        assert expected == VALID.ratings_by(role)

    @pytest.mark.parametrize(
        ("subject", "indexes"),
        [(OVERALL_WORK_RESULTS, [0]), ("i1", [5]), ("t2", []), ("loyal", [])],
    )
    def test_ratings_of_subject(self, subject, indexes):
        """ratings_of returns the ratings about one subject, in order."""
        expected = tuple(RATINGS[index] for index in indexes)
        assert expected == VALID.ratings_of(subject)


class TestAppraisalVerbs:
    def test_with_realisation_returns_new_value(self):
        """with_realisation records on one indicator of a new appraisal, leaving the original."""
        done = Realisation(11, recorded_on=date(2024, 11, 30))
        changed = VALID.with_realisation("t2", "i3", done)
        expected = (None, done)
        assert expected == (
            VALID.target("t2").indicator("i3").realisation,
            changed.target("t2").indicator("i3").realisation,
        )

    def test_with_realisation_none_withdraws(self):
        """with_realisation(None) withdraws a realisation: missing, not zero."""
        changed = VALID.with_realisation("t1", "i1", None)
        assert not changed.target("t1").indicator("i1").is_realised

    def test_with_realisation_keeps_other_targets(self):
        """Recording on one target leaves the other targets as they were."""
        changed = VALID.with_realisation("t2", "i3", Realisation(11))
        expected = FINANCE
        assert expected == changed.target("t1")

    def test_with_realisation_unknown_target(self):
        """with_realisation raises UnknownReferenceError for an unknown target id."""
        with pytest.raises(UnknownReferenceError) as caught:
            VALID.with_realisation("t9", "i1", Realisation(1))
        expected = ("target_id", "t9")
        assert expected == (caught.value.field, caught.value.value)

    def test_with_realisation_revalidates(self):
        """A realisation recorded after the period is reported through the verb."""
        with pytest.raises(InvalidInputError) as caught:
            VALID.with_realisation("t2", "i3", Realisation(11, recorded_on=date(2025, 1, 5)))
        expected = ["$.targets[1].indicators[0].realisation.recorded_on"]
        assert expected == paths(caught.value)

    def test_with_rater_adds(self):
        """with_rater returns a new appraisal with the rater last; the original is unchanged."""
        second = Rater("r-sup2", "atasan pejabat penilai", "e-dedi")
        changed = VALID.with_rater(second)
        expected = ((SELF, SUPERVISOR, PEER, PUBLIC), (SELF, SUPERVISOR, PEER, PUBLIC, second))
        assert expected == (VALID.raters, changed.raters)

    def test_with_rater_rejects_duplicate(self):
        """Adding a rater whose id is taken raises InvalidInputError at the new rater."""
        with pytest.raises(InvalidInputError) as caught:
            VALID.with_rater(Rater("r-peer", "bawahan", "e-fajar"))
        expected = ["$.raters[4].id"]
        assert expected == paths(caught.value)

    def test_with_rater_rejects_employee_in_other_role(self):
        """The appraised employee added as a subordinate is a self-rating problem."""
        with pytest.raises(InvalidInputError) as caught:
            VALID.with_rater(Rater("r-sub", "bawahan", "e-ani"))
        assert [SelfRatingError] == kinds(caught.value)

    def test_with_rating_adds(self):
        """with_rating returns a new appraisal with the rating last."""
        rating = Rating("r-peer", "t2", "percent", score=70)
        changed = VALID.with_rating(rating)
        expected = ((*RATINGS, rating), RATINGS)
        assert expected == (changed.ratings, VALID.ratings)

    def test_with_rating_revalidates(self):
        """Adding an off-scale rating through the verb raises InvalidInputError."""
        with pytest.raises(InvalidInputError) as caught:
            VALID.with_rating(Rating("r-peer", "t2", "percent", score=101))
        expected = ["$.ratings[6].score"]
        assert expected == paths(caught.value)

    def test_with_feedback_adds(self):
        """with_feedback returns a new appraisal with the note last."""
        added = note(subject="collaborative")
        changed = VALID.with_feedback(added)
        expected = (added, 1)
        assert expected == (changed.feedback[-1], len(VALID.feedback))

    def test_with_feedback_revalidates(self):
        """Adding a note dated outside the period through the verb raises InvalidInputError."""
        with pytest.raises(InvalidInputError) as caught:
            VALID.with_feedback(note(date(2025, 1, 1)))
        expected = ["$.feedback[1].given_on"]
        assert expected == paths(caught.value)


class TestAppraisalLaws:
    @given(appraisals())
    def test_generated_appraisals_are_valid(self, appraisal):
        """Every generated appraisal is valid; evolving it without changes gives an equal one."""
        expected = appraisal
        assert expected == attrs.evolve(appraisal)

    @given(appraisals())
    def test_ratings_by_partitions_ratings(self, appraisal):
        """Over all roles, ratings_by returns every rating exactly once."""
        expected = Counter(appraisal.ratings)
        assert expected == Counter(
            rating for role in RaterRole for rating in appraisal.ratings_by(role)
        )

    @given(appraisals())
    def test_ratings_of_partitions_ratings(self, appraisal):
        """Over all rated subjects, ratings_of returns every rating exactly once."""
        subjects = {rating.subject for rating in appraisal.ratings}
        expected = Counter(appraisal.ratings)
        assert expected == Counter(
            rating for subject in subjects for rating in appraisal.ratings_of(subject)
        )

    @given(appraisals(min_ratings=1), st.data())
    def test_duplicate_rating_always_raises(self, appraisal, data):
        """Adding a second rating by the same rater about the same subject always raises."""
        rating = data.draw(st.sampled_from(appraisal.ratings))
        with pytest.raises(InvalidInputError) as caught:
            appraisal.with_rating(attrs.evolve(rating, comment="sekali lagi"))
        expected = ([f"$.ratings[{len(appraisal.ratings)}].subject"], [DuplicateIdError])
        assert expected == (paths(caught.value), kinds(caught.value))

    @given(appraisals())
    def test_withdrawing_a_realisation_keeps_it_valid(self, appraisal):
        """Withdrawing every realisation keeps the appraisal valid and leaves nothing realised."""
        changed = appraisal
        for target, indicator in appraisal.indicators():
            changed = changed.with_realisation(target.id, indicator.id, None)
        assert not any(indicator.is_realised for _, indicator in changed.indicators())

    @given(appraisals())
    def test_lookups_find_every_item(self, appraisal):
        """target, rater and scale find every item of the appraisal by its id."""
        expected = (appraisal.targets, appraisal.raters, appraisal.scales)
        assert expected == (
            tuple(appraisal.target(item.id) for item in appraisal.targets),
            tuple(appraisal.rater(item.id) for item in appraisal.raters),
            tuple(appraisal.scale(item.id) for item in appraisal.scales),
        )


ARGUMENTS = {
    Appraisal: {field.name: getattr(VALID, field.name) for field in attrs.fields(Appraisal)}
}
SEQUENCES = [
    "targets",
    "raters",
    "scales",
    "ratings",
    "feedback",
    "special_expectations",
    "innovations",
]


class TestWrongTypes:
    """No constructor or verb of Appraisal lets a bare TypeError, ValueError or AttributeError."""

    @pytest.mark.parametrize(("cls", "field", "value"), wrong_cases(ARGUMENTS))
    def test_refused_at_the_field(self, cls, field, value):
        """A value of the wrong type is refused with a PenilaianError naming its field."""
        refused_at(cls, ARGUMENTS[cls], field, value)

    @pytest.mark.parametrize(("cls", "field"), fields_of(ARGUMENTS))
    @given(value=JUNK)
    def test_only_typed_errors(self, cls, field, value):
        """Any value is either refused with a PenilaianError or kept as the field's type."""
        only_typed_errors(cls, ARGUMENTS[cls], field, value)

    def test_framework_by_id_is_refused(self):
        """A framework's id is not a framework: the error names the field and what it needs."""
        error = refused_at(Appraisal, ARGUMENTS[Appraisal], "framework", "berakhlak")
        assert "BehaviourFramework" in error.reason

    @pytest.mark.parametrize("field", SEQUENCES)
    def test_text_is_not_split_into_characters(self, field):
        """A bare string where a sequence is expected is refused, not split."""
        error = refused_at(Appraisal, ARGUMENTS[Appraisal], field, "t1")
        assert (error.field, error.value) == (field, "t1")

    @pytest.mark.parametrize("field", SEQUENCES)
    def test_a_wrong_item_is_named_by_its_place(self, field):
        """An item of the wrong type is refused at its index in the sequence."""
        error = refused_at(Appraisal, ARGUMENTS[Appraisal], field, ["t1"])
        assert (error.field, error.value) == (f"{field}[0]", "t1")

    @pytest.mark.parametrize("realisation", [3, "12", {"value": 12}])
    def test_with_realisation_names_the_realisation(self, realisation):
        """with_realisation refuses anything but a Realisation or None at realisation."""
        with pytest.raises(InvalidValueError) as caught:
            VALID.with_realisation("t1", "i1", realisation)
        assert (caught.value.field, caught.value.value) == ("realisation", realisation)

    @pytest.mark.parametrize(
        ("verb", "field"),
        [
            (Appraisal.with_rater, "raters[4]"),
            (Appraisal.with_rating, "ratings[6]"),
            (Appraisal.with_feedback, "feedback[1]"),
        ],
    )
    @pytest.mark.parametrize("value", [None, "r-x", {"id": "r-x"}])
    def test_adding_names_the_new_place(self, verb, field, value):
        """Adding something of the wrong type is refused at the index it would take."""
        with pytest.raises(InvalidValueError) as caught:
            verb(VALID, value)
        assert (caught.value.field, caught.value.value) == (field, value)

    @pytest.mark.parametrize(
        ("call", "error"),
        [
            (lambda: VALID.with_realisation(3, "i1", None), UnknownReferenceError),
            (lambda: VALID.with_realisation("t1", None, None), UnknownReferenceError),
            (lambda: VALID.target(["t1"]), UnknownReferenceError),
            (lambda: VALID.rater(3), UnknownReferenceError),
            (lambda: VALID.ratings_by(3), UnknownLabelError),
        ],
    )
    def test_lookups_with_wrong_types(self, call, error):
        """Looking things up by a value of the wrong type is a typed error."""
        with pytest.raises(error):
            call()
