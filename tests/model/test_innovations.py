"""Tests for model.innovations: what an employee created beyond the targets, and who benefits."""

from __future__ import annotations

import pytest
from hypothesis import given

from base.wrong_values import JUNK, fields_of, only_typed_errors, refused_at, wrong_cases
from penilaian.exceptions import UnknownLabelError
from penilaian.model import Innovation, InnovationScope

ARGUMENTS = {
    Innovation: {
        "description": "Aplikasi antrean daring",
        "scope": InnovationScope.ORGANISATION,
        "evidence": ("sk-inovasi.pdf",),
        "certified_by": "Kepala Dinas",
    },
}


class TestInnovation:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("Unit kerja", InnovationScope.UNIT),
            ("instansi", InnovationScope.ORGANISATION),
            ("nasional", InnovationScope.STATE),
        ],
    )
    def test_scope_spellings(self, text, expected):
        """The scope is read from its id, labels and aliases."""
        assert expected == Innovation("Aplikasi", text).scope

    def test_evidence_becomes_a_tuple(self):
        """Evidence given as a list is kept as a tuple."""
        assert Innovation("Aplikasi", "unit", ["a.pdf"]).evidence == ("a.pdf",)

    def test_unknown_scope_names_the_field(self):
        """An unknown scope is refused at the field scope."""
        with pytest.raises(UnknownLabelError) as caught:
            Innovation("Aplikasi", "dunia")
        assert (caught.value.field, caught.value.value) == ("scope", "dunia")


class TestWrongTypes:
    """No constructor of innovations lets a bare TypeError, ValueError or AttributeError out."""

    @pytest.mark.parametrize(("cls", "field", "value"), wrong_cases(ARGUMENTS))
    def test_refused_at_the_field(self, cls, field, value):
        """A value of the wrong type is refused with a PenilaianError naming its field."""
        refused_at(cls, ARGUMENTS[cls], field, value)

    @pytest.mark.parametrize(("cls", "field"), fields_of(ARGUMENTS))
    @given(value=JUNK)
    def test_only_typed_errors(self, cls, field, value):
        """Any value is either refused with a PenilaianError or kept as the field's type."""
        only_typed_errors(cls, ARGUMENTS[cls], field, value)

    def test_text_is_not_split_into_characters(self):
        """A bare string as the evidence is refused, not split."""
        error = refused_at(Innovation, ARGUMENTS[Innovation], "evidence", "sk.pdf")
        assert (error.field, error.value) == ("evidence", "sk.pdf")
