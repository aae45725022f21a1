"""Tests for model.grades: grades (predikat) and the exact band tables that assign them."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import penilaian as p
from base.wrong_values import JUNK, fields_of, only_typed_errors, refused_at, wrong_cases
from penilaian.exceptions import InvalidNumberError, InvalidValueError, UnknownLabelError
from penilaian.model import EXPECTATION_SCALE, BandTable, ExpectationLevel, Grade, OrganisationGrade
from penilaian.model.grades import REGIME_GRADE_LABELS

PP30_LIKE = BandTable(
    "t",
    "test",
    [p.Grade.VERY_POOR, p.Grade.POOR, p.Grade.GOOD],
    [Decimal(50), Decimal(70)],
    "lower",
)


class TestBandTable:
    """Band tables are gap-free by construction and decide bands exactly."""

    @pytest.mark.parametrize(
        ("closed", "score", "expected"),
        [
            ("upper", "50", p.Grade.VERY_POOR),
            ("upper", "50.0000001", p.Grade.POOR),
            ("upper", "70", p.Grade.POOR),
            ("upper", "70.01", p.Grade.GOOD),
            ("lower", "49.999", p.Grade.VERY_POOR),
            ("lower", "50", p.Grade.POOR),
            ("lower", "69.99", p.Grade.POOR),
            ("lower", "70", p.Grade.GOOD),
        ],
    )
    def test_edges(self, closed, score, expected):
        """A cut belongs to the band below (upper closed) or above (lower closed)."""
        table = attrs.evolve(PP30_LIKE, closed=closed)
        assert expected == table.classify(Decimal(score))

    def test_float_noise_cannot_flip_a_band(self):
        """24.000000000000014 (float noise) and exactly 24 fall on the sides they are on."""
        table = BandTable("e", "x", ["low", "high"], [Decimal(24)], "upper")
        assert table.classify(Fraction(24)) == "low"
        assert table.classify(Decimal("24.000000000000014")) == "high"

    @given(st.decimals(min_value=-1000, max_value=1000, allow_nan=False, places=3))
    def test_total_and_monotone(self, score):
        """Every score gets exactly one label, and a higher score never a lower band."""
        labels = list(PP30_LIKE.labels)
        here = labels.index(PP30_LIKE.classify(score))
        above = labels.index(PP30_LIKE.classify(score + Decimal("0.001")))
        assert here <= above

    @pytest.mark.parametrize(
        ("labels", "cuts"),
        [(["a", "b"], []), (["a", "b", "c"], [Decimal(2), Decimal(1)]), (["a", "b"], [2])],
    )
    def test_malformed_tables(self, labels, cuts):
        """Wrong cut counts, unordered cuts and non-Decimal cuts are refused."""
        with pytest.raises(InvalidValueError):
            BandTable("t", "x", labels, cuts)

    def test_describe(self):
        """describe() says each band's range in words."""
        expected = (
            (p.Grade.VERY_POOR, "< 50"),
            (p.Grade.POOR, ">= 50 and < 70"),
            (p.Grade.GOOD, ">= 70"),
        )
        assert expected == PP30_LIKE.describe()


ARGUMENTS = {
    BandTable: {
        "id": "t",
        "clause": "test",
        "labels": ("low", "high"),
        "cuts": (Decimal(24),),
        "closed": "upper",
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

    @pytest.mark.parametrize("field", ["labels", "cuts"])
    def test_text_is_not_split_into_characters(self, field):
        """A bare string where a sequence is expected is refused, not split."""
        error = refused_at(BandTable, ARGUMENTS[BandTable], field, "ab")
        assert (error.field, error.value) == (field, "ab")

    def test_no_labels(self):
        """A table needs at least one label; the error names the labels."""
        error = refused_at(BandTable, {**ARGUMENTS[BandTable], "cuts": ()}, "labels", ())
        assert error.reason == "a band table needs a label"

    @pytest.mark.parametrize("cut", [Decimal("NaN"), Decimal("Infinity"), "24", 24])
    def test_cuts_are_finite_decimals(self, cut):
        """A cut that is not a finite Decimal is refused at its place."""
        error = refused_at(BandTable, ARGUMENTS[BandTable], "cuts", (cut,))
        assert (error.field, error.value) == ("cuts[0]", cut)

    @pytest.mark.parametrize("score", ["24", None, [24]])
    def test_classify_refuses_what_is_not_a_number(self, score):
        """classify names the score it cannot compare."""
        with pytest.raises(InvalidNumberError) as caught:
            BandTable(**ARGUMENTS[BandTable]).classify(score)
        assert (caught.value.field, caught.value.value) == ("score", score)


class TestRegimeLabels:
    """Grade.POOR reads Kurang/Misconduct where PermenPANRB 6/2022 prints it so, only there."""

    def test_permen6_prints_kurang_misconduct(self):
        """Under permen6_2022 the poor grade is Kurang/Misconduct, in both languages."""
        assert Grade.POOR.label(regime="permen6_2022") == "Kurang/Misconduct"
        assert Grade.POOR.label("en", regime="permen6_2022") == "Poor/Misconduct"

    @pytest.mark.parametrize("regime", [None, "pp46_2011", "pp30_2019", "generic", "unknown"])
    def test_elsewhere_it_is_kurang(self, regime):
        """Every other regime, or none, keeps the grade's own label."""
        assert (Grade.POOR.label(regime=regime), Grade.POOR.label("en", regime=regime)) == (
            "Kurang",
            "Poor",
        )

    def test_only_the_poor_grade_differs(self):
        """Every other grade keeps its label under permen6_2022."""
        for grade in Grade:
            if grade is not Grade.POOR:
                assert grade.label(regime="permen6_2022") == grade.label()
        assert set(REGIME_GRADE_LABELS["permen6_2022"]) == {Grade.POOR}

    def test_the_printed_names_parse_back(self):
        """Each printed name reads back as its grade."""
        for names in REGIME_GRADE_LABELS.values():
            for grade, (label_id, label_en) in names.items():
                assert Grade.parse(label_id) is grade
                assert Grade.parse(label_en) is grade


class TestAgencySpellings:
    """The level and grade names agencies write are accepted."""

    @pytest.mark.parametrize(
        ("text", "level"),
        [
            ("memenuhi ekspektasi", ExpectationLevel.MEETS),
            ("Sesuai Ekspektasi", ExpectationLevel.MEETS),
            ("sesuai", ExpectationLevel.MEETS),
            ("MELEBIHI_EKSPEKTASI", ExpectationLevel.ABOVE),
            ("melampaui ekspektasi", ExpectationLevel.ABOVE),
            ("di_atas", ExpectationLevel.ABOVE),
            ("tidak memenuhi ekspektasi", ExpectationLevel.BELOW),
            ("kurang dari ekspektasi", ExpectationLevel.BELOW),
            ("di_bawah", ExpectationLevel.BELOW),
        ],
    )
    def test_expectation_levels(self, text, level):
        """Each spelling parses, and the expectation scale resolves it."""
        assert ExpectationLevel.parse(text) is level
        assert EXPECTATION_SCALE.resolve(text) == level.value

    @pytest.mark.parametrize(
        ("text", "grade"),
        [
            ("Kurang/Misconduct", Grade.POOR),
            ("kurang (misconduct)", Grade.POOR),
            ("Cukup/Butuh Perbaikan", Grade.NEEDS_IMPROVEMENT),
            ("butuh perbaikan/cukup", Grade.NEEDS_IMPROVEMENT),
        ],
    )
    def test_grades(self, text, grade):
        """The grade names of the AK tables and the 6/2022 matrix parse."""
        assert Grade.parse(text) is grade

    def test_organisation_grade(self):
        """Capaian kinerja organisasi written Cukup/Butuh Perbaikan parses."""
        assert (
            OrganisationGrade.parse("Cukup/Butuh Perbaikan") is OrganisationGrade.NEEDS_IMPROVEMENT
        )

    def test_an_unknown_level_still_fails(self):
        """A spelling nobody writes is still refused, listing the ids."""
        with pytest.raises(UnknownLabelError):
            ExpectationLevel.parse("luar biasa")
