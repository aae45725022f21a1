"""Tests for penilaian.model.raters: raters, rating scales, ratings and feedback."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from base.wrong_values import JUNK, fields_of, only_typed_errors, refused_at, wrong_cases
from penilaian import (
    EXPECTATION_SCALE,
    ExpectationLevel,
    FeedbackNote,
    NumericScale,
    OrdinalScale,
    Rater,
    RaterRole,
    Rating,
)
from penilaian.exceptions import (
    DuplicateIdError,
    InvalidNumberError,
    InvalidValueError,
    OffScaleError,
    UnknownLabelError,
)
from strategies import (
    feedback_notes,
    levels_on,
    numeric_scales,
    ordinal_scales,
    raters,
    ratings_for,
    scales,
    scores_on,
)

IKM = NumericScale("ikm", 1, 4, step=1)
"""A 1-4 survey scale in whole steps, as in an IKM questionnaire."""

PERCENT = NumericScale("percent", 0, 100)
"""A 0-100 scale with no step, as in PP 46/2011 behaviour scores."""

GRADES = OrdinalScale(
    "grades",
    ["Kurang", "Cukup", "Baik", "Sangat Baik"],
    aliases=[("B", "Baik"), ("SB", "Sangat Baik")],
)
"""A four-level ordinal scale with two aliases."""


class TestRaterRole:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("self", RaterRole.SELF),
            ("mandiri", RaterRole.SELF),
            ("Atasan Langsung", RaterRole.SUPERVISOR),
            ("pejabat penilai kinerja", RaterRole.SUPERVISOR),
            ("atasan dari atasan langsung", RaterRole.SECOND_LEVEL_SUPERVISOR),
            ("rekan sejawat", RaterRole.PEER),
            ("BAWAHAN", RaterRole.SUBORDINATE),
            ("masyarakat", RaterRole.PUBLIC),
            ("service-user", RaterRole.PUBLIC),
        ],
    )
    def test_parses_spellings(self, text, expected):
        """Roles parse from ids, Indonesian labels and aliases."""
        assert expected == RaterRole(text)

    def test_unknown_role_lists_ids(self):
        """An unknown role raises UnknownLabelError listing the six role ids."""
        with pytest.raises(UnknownLabelError) as caught:
            RaterRole.parse("teman", "role")
        expected = (
            "self",
            "supervisor",
            "second_level_supervisor",
            "peer",
            "subordinate",
            "public",
        )
        assert expected == caught.value.accepted


class TestExpectationLevel:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("diatas ekspektasi", ExpectationLevel.ABOVE),
            ("Di Atas Ekspetasi", ExpectationLevel.ABOVE),
            ("Di Atas Ekspektasi", ExpectationLevel.ABOVE),
            ("DI_BAWAH_EKSPEKTASI", ExpectationLevel.BELOW),
            ("dibawah ekspektasi", ExpectationLevel.BELOW),
            ("Sesuai Ekspektasi", ExpectationLevel.MEETS),
            ("sesuai ekspetasi", ExpectationLevel.MEETS),
            ("meets_expectations", ExpectationLevel.MEETS),
            ("below", ExpectationLevel.BELOW),
        ],
    )
    def test_parses_spellings_found_in_data(self, text, expected):
        """Levels parse from ids, labels, spacing variants and the common "ekspetasi" typo."""
        assert (expected, expected) == (ExpectationLevel(text), ExpectationLevel.parse(text))

    def test_unknown_level_lists_ids(self):
        """An unknown level raises UnknownLabelError naming the field and listing the ids."""
        with pytest.raises(UnknownLabelError) as caught:
            ExpectationLevel.parse("luar biasa", "level")
        expected = (
            "level",
            "luar biasa",
            ("below_expectations", "meets_expectations", "above_expectations"),
        )
        assert expected == (caught.value.field, caught.value.value, caught.value.accepted)

    def test_calling_with_unknown_text_raises_unknown_label(self):
        """Calling the enum with unknown text raises UnknownLabelError named after the enum."""
        with pytest.raises(UnknownLabelError) as caught:
            ExpectationLevel("luar biasa")
        expected = "ExpectationLevel"
        assert expected == caught.value.field


class TestRater:
    def test_parses_role(self):
        """The role given as text is parsed."""
        expected = RaterRole.SUPERVISOR
        assert expected == Rater("r1", "atasan langsung", "e2").role

    @pytest.mark.parametrize("role", [role for role in RaterRole if role is not RaterRole.PUBLIC])
    def test_non_public_needs_employee_id(self, role):
        """Every role but the public one must be an employee."""
        with pytest.raises(InvalidValueError) as caught:
            Rater("r1", role)
        expected = ("employee_id", None)
        assert expected == (caught.value.field, caught.value.value)

    def test_public_may_be_anonymous(self):
        """A public respondent may have no employee id."""
        assert Rater("r1", "masyarakat").employee_id is None

    def test_rejects_empty_id(self):
        """A rater needs an id."""
        with pytest.raises(InvalidValueError) as caught:
            Rater("", "peer", "e2")
        expected = "id"
        assert expected == caught.value.field

    def test_rejects_unknown_role(self):
        """A role that names no RaterRole raises UnknownLabelError."""
        with pytest.raises(UnknownLabelError):
            Rater("r1", "teman", "e2")

    @given(raters())
    def test_strategy_raters_are_employees_unless_public(self, rater):
        """Every rater from the strategy has an employee id unless it is public."""
        assert rater.employee_id is not None or rater.role is RaterRole.PUBLIC


class TestNumericScale:
    def test_converts_bounds_exactly(self):
        """Float bounds and steps are converted through their shortest text."""
        made = NumericScale("s", 0.1, 0.3, step=0.1)
        expected = (Decimal("0.1"), Decimal("0.3"), Decimal("0.1"))
        assert expected == (made.minimum, made.maximum, made.step)

    @pytest.mark.parametrize("score", ["1", "2.5", "4"])
    def test_check_returns_score_within_bounds(self, score):
        """A score between the bounds, both included, is returned."""
        value = Decimal(score)
        expected = (value, value)
        assert expected == (PERCENT.check(value), NumericScale("s", 1, 4).check(value))

    @pytest.mark.parametrize("score", ["0.99", "4.01", "-1", "100"])
    def test_check_rejects_outside_bounds(self, score):
        """A score below the minimum or above the maximum is off the scale."""
        with pytest.raises(OffScaleError) as caught:
            IKM.check(Decimal(score))
        assert ("score", Decimal(score)) == (caught.value.field, caught.value.value)

    def test_check_names_the_field(self):
        """The error names the field passed to check."""
        with pytest.raises(OffScaleError) as caught:
            IKM.check(Decimal(5), "answers[3]")
        expected = "answers[3]"
        assert expected == caught.value.field

    @pytest.mark.parametrize("score", ["1.5", "2.0001"])
    def test_check_rejects_between_steps(self, score):
        """A score that is not a whole number of steps above the minimum is off the scale."""
        with pytest.raises(OffScaleError) as caught:
            IKM.check(Decimal(score))
        expected = "score"
        assert expected == caught.value.field

    def test_steps_count_from_the_minimum(self):
        """Steps count from the minimum: 1.5 lies on 0.5-5.5 in steps of 1, and 2 does not."""
        scale = NumericScale("s", Decimal("0.5"), Decimal("5.5"), step=1)
        with pytest.raises(OffScaleError):
            scale.check(Decimal(2))
        expected = Decimal("1.5")
        assert expected == scale.check(expected)

    def test_check_handles_large_whole_scores(self):
        """A whole score far above the minimum lies on a whole-step scale, however many steps."""
        scale = NumericScale("s", 0, Decimal("1e30"), step=1)
        expected = Decimal("1e29")
        assert expected == scale.check(expected)

    @pytest.mark.parametrize("maximum", [0, -1, "0.0"])
    def test_rejects_maximum_not_above_minimum(self, maximum):
        """A maximum equal to or below the minimum is rejected on "maximum"."""
        with pytest.raises(InvalidValueError) as caught:
            NumericScale("s", 0, maximum)
        assert ("maximum", Decimal(maximum)) == (caught.value.field, caught.value.value)

    @pytest.mark.parametrize("step", [0, -1])
    def test_rejects_step_of_zero_or_less(self, step):
        """A step of 0 or less is rejected on "step"."""
        with pytest.raises(InvalidValueError) as caught:
            NumericScale("s", 0, 10, step=step)
        assert ("step", Decimal(step)) == (caught.value.field, caught.value.value)

    @pytest.mark.parametrize("field", ["minimum", "maximum", "step"])
    def test_rejects_non_numbers(self, field):
        """NaN bounds and steps are refused on their field."""
        with pytest.raises(InvalidNumberError) as caught:
            attrs.evolve(IKM, **{field: float("nan")})
        assert field == caught.value.field

    @given(numeric_scales().flatmap(lambda scale: st.tuples(st.just(scale), scores_on(scale))))
    def test_strategy_scores_lie_on_the_scale(self, scale_and_score):
        """check returns every score the strategy draws for a scale unchanged."""
        scale, expected = scale_and_score
        assert expected == scale.check(expected)


class TestOrdinalScale:
    def test_levels_and_aliases_become_tuples(self):
        """Levels and aliases given as lists are kept as tuples."""
        expected = (
            ("Kurang", "Cukup", "Baik", "Sangat Baik"),
            (("B", "Baik"), ("SB", "Sangat Baik")),
        )
        assert expected == (GRADES.levels, GRADES.aliases)

    @pytest.mark.parametrize("levels", [[], ["Baik"]])
    def test_needs_two_levels(self, levels):
        """An ordinal scale needs at least two levels."""
        with pytest.raises(InvalidValueError) as caught:
            OrdinalScale("s", levels)
        expected = "levels"
        assert expected == caught.value.field

    @pytest.mark.parametrize(
        ("levels", "field", "value"),
        [
            (["Baik", "baik"], "levels[1]", "baik"),
            (["Kurang", "Sangat Baik", "sangat-baik"], "levels[2]", "sangat-baik"),
            (["A", "B", "C", "b"], "levels[3]", "b"),
        ],
    )
    def test_rejects_levels_equal_after_folding(self, levels, field, value):
        """Levels that are the same after folding case and punctuation are rejected."""
        with pytest.raises(DuplicateIdError) as caught:
            OrdinalScale("s", levels)
        assert (field, value) == (caught.value.field, caught.value.value)

    @pytest.mark.parametrize(
        "aliases", [[("B", "Bagus")], [("B", "baik")], [("B",)], [("B", "Baik", "Cukup")]]
    )
    def test_aliases_must_point_at_levels(self, aliases):
        """An alias must pair a spelling with a canonical level, exactly as written."""
        with pytest.raises(InvalidValueError) as caught:
            OrdinalScale("s", ["Cukup", "Baik"], aliases=aliases)
        expected = "aliases[0]"
        assert expected == caught.value.field

    @pytest.mark.parametrize("pair", [7, "xB", None])
    def test_rejects_alias_that_is_not_a_pair(self, pair):
        """An alias that is not a pair of texts is refused on its field, not crashed on or split."""
        with pytest.raises(InvalidValueError) as caught:
            OrdinalScale("s", ["Cukup", "B"], aliases=[pair])
        assert ("aliases[0]", pair) == (caught.value.field, caught.value.value)

    def test_alias_pairs_given_as_lists_are_tuples(self):
        """Alias pairs given as lists (as from JSON) make the same, hashable scale as tuples."""
        from_lists = OrdinalScale("s", ["Cukup", "Baik"], aliases=[["B", "Baik"]])
        expected = OrdinalScale("s", ["Cukup", "Baik"], aliases=[("B", "Baik")])
        assert expected == from_lists
        assert hash(expected) == hash(from_lists)

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("Baik", "Baik"),
            ("BAIK", "Baik"),
            ("sangat-baik", "Sangat Baik"),
            ("b", "Baik"),
            ("S.B.", "Sangat Baik"),
        ],
    )
    def test_resolve_folds_case_and_punctuation(self, text, expected):
        """resolve returns the canonical level for levels and aliases in any case and spacing."""
        assert expected == GRADES.resolve(text)

    def test_resolve_rejects_unknown_level(self):
        """A spelling of no level raises OffScaleError naming the field given."""
        with pytest.raises(OffScaleError) as caught:
            GRADES.resolve("Istimewa", "ratings[0].level")
        expected = ("ratings[0].level", "Istimewa")
        assert expected == (caught.value.field, caught.value.value)

    @pytest.mark.parametrize(
        ("text", "expected"), [("kurang", 0), ("Cukup", 1), ("B", 2), ("sangat baik", 3)]
    )
    def test_rank_counts_from_lowest(self, text, expected):
        """rank gives 0 for the lowest level and counts up."""
        assert expected == GRADES.rank(text)

    @given(ordinal_scales().flatmap(lambda scale: st.tuples(st.just(scale), levels_on(scale))))
    def test_strategy_spellings_resolve_to_levels(self, scale_and_level):
        """Every spelling the strategy draws resolves to a level, ranked within the scale."""
        scale, spelling = scale_and_level
        assert scale.resolve(spelling) in scale.levels
        assert 0 <= scale.rank(spelling) < len(scale.levels)


class TestExpectationScale:
    def test_levels_are_the_member_ids_lowest_first(self):
        """The expectation scale's levels are the ExpectationLevel ids, below to above."""
        expected = ("below_expectations", "meets_expectations", "above_expectations")
        assert expected == EXPECTATION_SCALE.levels

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("Di Atas Ekspektasi", "above_expectations"),
            ("diatas ekspektasi", "above_expectations"),
            ("Di Atas Ekspetasi", "above_expectations"),
            ("DI_BAWAH_EKSPEKTASI", "below_expectations"),
            ("Sesuai Ekspektasi", "meets_expectations"),
            ("Meets expectations", "meets_expectations"),
            ("above", "above_expectations"),
        ],
    )
    def test_resolves_spellings_found_in_data(self, text, expected):
        """Labels, aliases and typos of PermenPANRB 6/2022's levels resolve to canonical ids."""
        assert expected == EXPECTATION_SCALE.resolve(text)

    @pytest.mark.parametrize("member", list(ExpectationLevel))
    def test_every_enum_spelling_resolves(self, member):
        """Every spelling ExpectationLevel accepts resolves to that member on the scale."""
        spellings = (member.value, member.label_id, member.label_en, *member.aliases)
        expected = [member.value] * len(spellings)
        assert expected == [EXPECTATION_SCALE.resolve(text) for text in spellings]

    def test_rank_orders_below_meets_above(self):
        """Below ranks 0, meets 1 and above 2."""
        expected = [0, 1, 2]
        actual = [
            EXPECTATION_SCALE.rank(text)
            for text in ("Di Bawah Ekspektasi", "Sesuai Ekspektasi", "Di Atas Ekspektasi")
        ]
        assert expected == actual


class TestRating:
    def test_converts_score(self):
        """A float score is converted exactly."""
        expected = Decimal("87.5")
        assert expected == Rating("r1", "behaviour", "percent", score=87.5).score

    @pytest.mark.parametrize("value", [{}, {"score": 3, "level": "Baik"}])
    def test_needs_exactly_one_of_score_or_level(self, value):
        """A rating with neither or both of score and level is rejected on "score"."""
        with pytest.raises(InvalidValueError) as caught:
            Rating("r1", "behaviour", "s", **value)
        expected = "score"
        assert expected == caught.value.field

    @pytest.mark.parametrize("field", ["rater_id", "subject", "scale_id"])
    def test_rejects_empty_references(self, field):
        """Rater, subject and scale ids must not be empty."""
        with pytest.raises(InvalidValueError) as caught:
            attrs.evolve(Rating("r1", "behaviour", "s", score=1), **{field: ""})
        assert field == caught.value.field

    def test_check_on_accepts_values_on_the_scale(self):
        """A score on a numeric scale and a level on an ordinal one pass check_on."""
        Rating("r1", "behaviour", "ikm", score=3).check_on(IKM)
        Rating("r1", "behaviour", "grades", level="SB").check_on(GRADES)

    def test_check_on_rejects_level_on_numeric_scale(self):
        """A level given on a numeric scale is off it, on field "level"."""
        with pytest.raises(OffScaleError) as caught:
            Rating("r1", "behaviour", "ikm", level="Baik").check_on(IKM)
        expected = ("level", "Baik")
        assert expected == (caught.value.field, caught.value.value)

    def test_check_on_rejects_score_on_ordinal_scale(self):
        """A score given on an ordinal scale is off it, on field "score"."""
        with pytest.raises(OffScaleError) as caught:
            Rating("r1", "behaviour", "grades", score=3).check_on(GRADES)
        assert ("score", Decimal(3)) == (caught.value.field, caught.value.value)

    def test_check_on_rejects_off_scale_score(self):
        """A score outside the numeric scale is off it, on field "score"."""
        with pytest.raises(OffScaleError) as caught:
            Rating("r1", "behaviour", "ikm", score=5).check_on(IKM)
        expected = "score"
        assert expected == caught.value.field

    def test_check_on_rejects_unknown_level(self):
        """A level the ordinal scale does not know is off it, on field "level"."""
        with pytest.raises(OffScaleError) as caught:
            Rating("r1", "behaviour", "grades", level="Istimewa").check_on(GRADES)
        expected = "level"
        assert expected == caught.value.field

    @given(scales().flatmap(lambda scale: st.tuples(st.just(scale), ratings_for(scale))))
    def test_strategy_ratings_lie_on_their_scale(self, scale_and_rating):
        """Every rating the strategy draws for a scale passes check_on for it."""
        scale, rating = scale_and_rating
        assert rating.scale_id == scale.id
        rating.check_on(scale)


class TestFeedbackNote:
    def test_evidence_becomes_a_tuple(self):
        """Evidence given as a list is kept as a tuple."""
        note = FeedbackNote(date(2024, 3, 15), "r1", "Tepat waktu", evidence=["nota.pdf"])
        expected = ("nota.pdf",)
        assert expected == note.evidence

    @pytest.mark.parametrize("field", ["author_id", "text"])
    def test_rejects_empty_text(self, field):
        """The author and the text must not be empty."""
        note = FeedbackNote(date(2024, 3, 15), "r1", "Tepat waktu")
        with pytest.raises(InvalidValueError) as caught:
            attrs.evolve(note, **{field: "  "})
        assert field == caught.value.field

    @given(feedback_notes(author_ids=("r1", "r2"), subjects=("behaviour",)))
    def test_strategy_keeps_authors_and_subjects(self, note):
        """The strategy draws authors and subjects from those it is given."""
        assert note.author_id in {"r1", "r2"}
        assert note.subject in {None, "behaviour"}


ARGUMENTS = {
    Rater: {"id": "r1", "role": RaterRole.SUPERVISOR, "employee_id": "e2", "name": "Budi"},
    NumericScale: {"id": "percent", "minimum": 0, "maximum": 100, "step": 1},
    OrdinalScale: {"id": "grades", "levels": ("Cukup", "Baik"), "aliases": (("B", "Baik"),)},
    Rating: {
        "rater_id": "r1",
        "subject": "behaviour",
        "scale_id": "percent",
        "score": 80,
        "comment": "Baik",
        "rated_on": date(2024, 12, 1),
    },
    FeedbackNote: {
        "given_on": date(2024, 3, 1),
        "author_id": "r1",
        "text": "Tepat waktu",
        "subject": "behaviour",
        "evidence": ("notulen.pdf",),
    },
}


class TestWrongTypes:
    """No constructor or method of raters lets out a bare TypeError, ValueError, AttributeError."""

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
        ("cls", "field"),
        [(OrdinalScale, "levels"), (OrdinalScale, "aliases"), (FeedbackNote, "evidence")],
    )
    def test_text_is_not_split_into_characters(self, cls, field):
        """A bare string where a sequence is expected is refused, not split."""
        error = refused_at(cls, ARGUMENTS[cls], field, "Baik")
        assert (error.field, error.value) == (field, "Baik")

    @pytest.mark.parametrize("level", [3, None, ["Baik"]])
    def test_resolve_refuses_what_is_not_text(self, level):
        """OrdinalScale.resolve names the level it cannot read."""
        with pytest.raises(OffScaleError) as caught:
            GRADES.resolve(level)
        assert (caught.value.field, caught.value.value) == ("level", level)

    @pytest.mark.parametrize("score", ["50", 50.0, None, True])
    def test_check_refuses_what_is_not_an_exact_number(self, score):
        """NumericScale.check names the score it cannot compare."""
        with pytest.raises(OffScaleError) as caught:
            PERCENT.check(score)
        assert (caught.value.field, caught.value.value) == ("score", score)

    def test_check_on_refuses_what_is_not_a_scale(self):
        """Rating.check_on names the scale it was given."""
        with pytest.raises(InvalidValueError) as caught:
            Rating(**ARGUMENTS[Rating]).check_on("percent")
        assert (caught.value.field, caught.value.value) == ("scale", "percent")
