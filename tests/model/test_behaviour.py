"""Tests for behaviour frameworks and their aspects."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given

from base.wrong_values import JUNK, fields_of, only_typed_errors, refused_at, wrong_cases
from penilaian.exceptions import DuplicateIdError, InvalidValueError, UnknownLabelError
from penilaian.model.behaviour import (
    BERAKHLAK,
    BUILTIN_FRAMEWORKS,
    PP30_2019_BEHAVIOUR,
    PP46_2011_BEHAVIOUR,
    BehaviourAspect,
    BehaviourFramework,
    SpecialExpectation,
)
from penilaian.model.organisation import PositionKind
from strategies import behaviour_frameworks, position_kinds

K = PositionKind

# PP 46/2011 jabatan struktural and PP 30/2019 managerial posts (REGULATIONS.md 1.4, 2.4, 6).
STRUCTURAL = {K.JPT_UTAMA, K.JPT_MADYA, K.JPT_PRATAMA, K.ADMINISTRATOR, K.SUPERVISOR}


def aspect(id_: str, label: str, *aliases: str) -> BehaviourAspect:
    """Return an aspect whose English label is its id in title case."""
    return BehaviourAspect(id_, label, id_.title(), aliases=aliases)


class TestBehaviourAspect:
    def test_label_in_both_languages(self):
        """label gives the Indonesian label by default and the English one for "en"."""
        loyal = BERAKHLAK.aspect("loyal")
        expected = ("Loyal", "Loyal", "Adaptif", "Adaptive")
        assert expected == (
            loyal.label(),
            loyal.label("en"),
            BERAKHLAK.aspect("adaptive").label("id"),
            BERAKHLAK.aspect("adaptive").label("en"),
        )

    def test_spellings_are_normalised(self):
        """spellings holds the normalised id, labels and aliases."""
        expected = frozenset({"initiative", "inisiatifkerja", "workinitiative", "inisiatif"})
        assert expected == PP30_2019_BEHAVIOUR.aspect("initiative").spellings()

    def test_sequences_become_tuples(self):
        """Guide behaviours and aliases given as lists are kept as tuples."""
        made = BehaviourAspect("a", "A", "A", ["Bekerja"], aliases=["aa"])
        expected = (("Bekerja",), ("aa",))
        assert expected == (made.guide_behaviours, made.aliases)

    @pytest.mark.parametrize(
        ("kwargs", "field"),
        [
            ({"id": ""}, "id"),
            ({"label_id": "--"}, "label_id"),
            ({"label_en": 7}, "label_en"),
            ({"guide_behaviours": ("Bekerja", "  ")}, "guide_behaviours[1]"),
            ({"aliases": ("_",)}, "aliases[0]"),
        ],
    )
    def test_rejects_empty_text(self, kwargs, field):
        """Empty or non-text ids, labels, guides and aliases are rejected, naming the field."""
        with pytest.raises(InvalidValueError) as caught:
            BehaviourAspect(**{"id": "a", "label_id": "A", "label_en": "A", **kwargs})
        assert field == caught.value.field


class TestBehaviourFramework:
    @pytest.mark.parametrize("kind", list(K))
    def test_pp46_drops_leadership_for_non_structural(self, kind):
        """PP 46/2011 appraises 6 aspects for structural posts and 5 otherwise (REGULATIONS 1.4)."""
        expected = 6 if kind in STRUCTURAL else 5
        assert expected == len(PP46_2011_BEHAVIOUR.aspects_for(kind))

    @pytest.mark.parametrize("kind", list(K))
    def test_pp30_drops_leadership_for_non_managerial(self, kind):
        """PermenPANRB 8/2021 appraises 5 aspects for managerial posts and 4 otherwise (2.4)."""
        expected = 5 if kind in STRUCTURAL else 4
        assert expected == len(PP30_2019_BEHAVIOUR.aspects_for(kind))

    @given(position_kinds())
    def test_berakhlak_applies_to_every_post(self, kind):
        """All seven BerAKHLAK values apply to every kind of post (REGULATIONS 6)."""
        assert BERAKHLAK.aspects == BERAKHLAK.aspects_for(kind)

    def test_aspects_for_parses_text(self):
        """aspects_for accepts a kind of post as text."""
        expected = ("service_orientation", "integrity", "commitment", "discipline", "cooperation")
        assert expected == tuple(a.id for a in PP46_2011_BEHAVIOUR.aspects_for("fungsional umum"))

    def test_aspects_for_rejects_unknown_kind(self):
        """aspects_for rejects text that names no kind of post."""
        with pytest.raises(UnknownLabelError) as caught:
            BERAKHLAK.aspects_for("manager")
        expected = "position_kind"
        assert expected == caught.value.field

    def test_berakhlak_has_seven_values_with_three_guides(self):
        """BerAKHLAK has 7 core values, each with exactly 3 guide behaviours (REGULATIONS 3.3)."""
        expected = {
            "service_oriented": 3,
            "accountable": 3,
            "competent": 3,
            "harmonious": 3,
            "loyal": 3,
            "adaptive": 3,
            "collaborative": 3,
        }
        assert expected == {a.id: len(a.guide_behaviours) for a in BERAKHLAK.aspects}

    def test_berakhlak_service_guides(self):
        """Berorientasi Pelayanan carries the guide behaviours of SE MenPANRB 20/2021."""
        expected = (
            "Memahami dan memenuhi kebutuhan masyarakat",
            "Ramah, cekatan, solutif, dan dapat diandalkan",
            "Melakukan perbaikan tiada henti",
        )
        assert expected == BERAKHLAK.aspect("service_oriented").guide_behaviours

    def test_special_expectations_only_in_berakhlak(self):
        """Only BerAKHLAK has the leader's special expectations (PermenPANRB 6/2022)."""
        expected = {"berakhlak": True, "pp46_2011": False, "pp30_2019": False}
        assert expected == {k: f.has_special_expectations for k, f in BUILTIN_FRAMEWORKS.items()}

    @pytest.mark.parametrize(
        "text",
        [
            "Berorientasi Pelayanan",
            "berorientasi-pelayanan",
            "SERVICE_ORIENTED",
            "Service oriented",
        ],
    )
    def test_aspect_by_label_or_id(self, text):
        """aspect finds a value by id or label, ignoring case and punctuation."""
        expected = "service_oriented"
        assert expected == BERAKHLAK.aspect(text).id

    def test_aspect_by_alias(self):
        """aspect finds an aspect by one of its aliases."""
        expected = "initiative"
        assert expected == PP30_2019_BEHAVIOUR.aspect("inisiatif").id

    @pytest.mark.parametrize("text", ["integritas", 3])
    def test_unknown_aspect_lists_ids(self, text):
        """An unknown aspect raises an error naming the framework and listing its ids."""
        with pytest.raises(UnknownLabelError) as caught:
            BERAKHLAK.aspect(text)
        error = caught.value
        expected = ("aspect", text, "aspect of berakhlak", tuple(a.id for a in BERAKHLAK.aspects))
        assert expected == (error.field, error.value, error.enum, error.accepted)

    def test_contains_ids(self):
        """A framework contains the exact ids of its aspects, not labels or other types."""
        expected = (True, False, False, False)
        assert expected == (
            "loyal" in BERAKHLAK,
            "Loyal" in BERAKHLAK,
            "integrity" in PP30_2019_BEHAVIOUR,
            3 in BERAKHLAK,
        )

    @pytest.mark.parametrize(
        ("aspects", "value"),
        [
            ([aspect("a", "A"), aspect("a", "B")], "a"),
            ([aspect("cooperation", "Kerja Sama"), aspect("teamwork", "Kerjasama")], "kerjasama"),
            ([aspect("a", "A", "shared"), aspect("b", "B", "Shared")], "shared"),
            ([aspect("a", "A"), aspect("b", "a")], "a"),
        ],
    )
    def test_rejects_duplicates(self, aspects, value):
        """Two aspects sharing an id, or a spelling after normalisation, are rejected."""
        with pytest.raises(DuplicateIdError) as caught:
            BehaviourFramework("f", "F", "test", aspects)
        expected = ("aspects", value)
        assert expected == (caught.value.field, caught.value.value)

    @pytest.mark.parametrize(
        ("kwargs", "field"),
        [
            ({"aspects": []}, "aspects"),
            ({"aspects": ["loyal"]}, "aspects[0]"),
            ({"name": ""}, "name"),
            ({"source": " "}, "source"),
            ({"id": "-"}, "id"),
        ],
    )
    def test_rejects_bad_fields(self, kwargs, field):
        """Empty aspects, non-aspects and empty texts are rejected, naming the field."""
        with pytest.raises(InvalidValueError) as caught:
            BehaviourFramework(
                **{"id": "f", "name": "F", "source": "s", "aspects": [aspect("a", "A")], **kwargs}
            )
        assert field == caught.value.field

    def test_builtins_are_read_only(self):
        """BUILTIN_FRAMEWORKS maps ids to the three frameworks and cannot be changed."""
        with pytest.raises(TypeError):
            BUILTIN_FRAMEWORKS["x"] = BERAKHLAK  # type: ignore[index]
        expected = (BERAKHLAK, PP46_2011_BEHAVIOUR, PP30_2019_BEHAVIOUR)
        assert expected == tuple(BUILTIN_FRAMEWORKS.values())

    def test_frameworks_are_frozen(self):
        """A framework cannot be changed in place."""
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            BERAKHLAK.id = "other"  # type: ignore[misc]

    @given(behaviour_frameworks())
    def test_every_spelling_finds_its_aspect(self, framework):
        """Every id, label and alias of an aspect finds that aspect."""
        for each in framework.aspects:
            for text in (each.id, each.label_id, each.label_en, *each.aliases):
                assert each == framework.aspect(text)

    @given(behaviour_frameworks(), position_kinds())
    def test_aspects_for_drops_only_managerial_aspects(self, framework, kind):
        """aspects_for keeps all aspects for managerial posts, else drops the managerial ones."""
        expected = tuple(
            a for a in framework.aspects if kind.is_managerial or not a.managerial_only
        )
        assert expected == framework.aspects_for(kind)


ARGUMENTS = {
    BehaviourAspect: {
        "id": "a",
        "label_id": "Akuntabel",
        "label_en": "Accountable",
        "guide_behaviours": ("Jujur",),
        "managerial_only": False,
        "aliases": ("akun",),
    },
    BehaviourFramework: {
        "id": "f",
        "name": "Nilai",
        "source": "Peraturan",
        "aspects": (aspect("a", "A"),),
        "has_special_expectations": True,
    },
    SpecialExpectation: {"aspect_id": "loyal", "text": "Menjaga rahasia jabatan"},
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
        ("cls", "field"),
        [
            (BehaviourAspect, "guide_behaviours"),
            (BehaviourAspect, "aliases"),
            (BehaviourFramework, "aspects"),
        ],
    )
    def test_text_is_not_split_into_characters(self, cls, field):
        """A bare string where a sequence is expected is refused, not split."""
        error = refused_at(cls, ARGUMENTS[cls], field, "Jujur")
        assert (error.field, error.value) == (field, "Jujur")
