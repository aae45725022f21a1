"""Labelled enumerations: one mechanism for ids, labels and aliases."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import penilaian
from penilaian import Aspect, ExpectationLevel, RaterRole
from penilaian._base.labels import normalise_label
from penilaian.exceptions import UnknownLabelError
from penilaian.model import LabelledEnum

ENUMS = sorted(
    (
        value
        for value in vars(penilaian).values()
        if isinstance(value, type) and issubclass(value, LabelledEnum) and value is not LabelledEnum
    ),
    key=lambda cls: cls.__name__,
)


class TestLabelledEnum:
    """Every public enumeration parses what it prints and the spellings found in the wild."""

    @pytest.mark.parametrize("enum", ENUMS, ids=lambda cls: cls.__name__)
    def test_every_spelling_parses_to_its_member(self, enum):
        """Ids, both labels and every alias parse back to their member, and no two collide."""
        for member in enum:
            for spelling in (member.value, member.label_id, member.label_en, *member.aliases):
                assert member is enum.parse(spelling)
                assert member is enum(spelling)
                assert member is enum.parse(spelling.upper())

    @pytest.mark.parametrize("enum", ENUMS, ids=lambda cls: cls.__name__)
    def test_labels_in_both_languages(self, enum):
        """Every member has a non-empty Indonesian and English label."""
        for member in enum:
            assert member.label("id") == member.label_id
            assert member.label("en") == member.label_en
            assert member.label_id.strip()
            assert member.label_en.strip()
            assert str(member) == member.value == member.id

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("Di Atas Ekspektasi", ExpectationLevel.ABOVE),
            ("diatas ekspektasi", ExpectationLevel.ABOVE),
            ("Di Atas Ekspetasi", ExpectationLevel.ABOVE),
            ("DI_BAWAH_EKSPEKTASI", ExpectationLevel.BELOW),
            ("sesuai-ekspektasi", ExpectationLevel.MEETS),
            ("Kuantitas", Aspect.QUANTITY),
            ("atasan langsung", RaterRole.SUPERVISOR),
        ],
    )
    def test_spellings_from_real_data(self, text, expected):
        """Spellings seen in real data, including the typo "Ekspetasi", are accepted."""
        assert expected is type(expected).parse(text)

    def test_unknown_spelling_lists_accepted_ids(self):
        """An unknown spelling raises UnknownLabelError naming the field and the accepted ids."""
        with pytest.raises(UnknownLabelError) as caught:
            Aspect.parse("kecepatan", "aspect")
        expected = ("quantity", "quality", "time", "cost")
        assert expected == caught.value.accepted
        assert caught.value.field == "aspect"
        assert "quantity, quality, time, cost" in str(caught.value)

    @pytest.mark.parametrize("bad", [None, 3, RaterRole.PEER])
    def test_non_text_is_refused(self, bad):
        """Values that are not text (or another enum's member) are refused."""
        with pytest.raises(UnknownLabelError):
            Aspect.parse(bad)

    def test_colliding_spellings_are_a_programming_error(self):
        """Declaring two members with the same folded spelling fails on first use."""

        class Broken(LabelledEnum):
            ONE = ("one", "Satu", "One", "uno")
            TWO = ("two", "Dua", "Two", "UNO")

        with pytest.raises(TypeError, match="names both"):
            Broken.parse("Satu")

    def test_spellings_map(self):
        """spellings() lists every folded spelling with its member."""
        spellings = Aspect.spellings()
        assert spellings["kuantitas"] is Aspect.QUANTITY

    @given(st.text())
    def test_normalise_is_idempotent(self, text):
        """Folding a folded label changes nothing."""
        once = normalise_label(text)
        assert once == normalise_label(once)
