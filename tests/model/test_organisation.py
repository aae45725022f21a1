"""Tests for positions and organisation units."""

from __future__ import annotations

import typing

import attrs
import pytest
from hypothesis import given

from base.wrong_values import JUNK, fields_of, only_typed_errors, refused_at, wrong_cases
from penilaian.exceptions import (
    DuplicateIdError,
    InvalidValueError,
    UnknownLabelError,
    UnknownReferenceError,
)
from penilaian.model.organisation import OrgUnit, Position, PositionGroup, PositionKind
from strategies import org_units, position_kinds, positions

K = PositionKind
G = PositionGroup

# REGULATIONS.md section 6: kind -> (group, managerial, structural, functional).
KIND_TABLE = {
    K.JPT_UTAMA: (G.JPT, True, True, False),
    K.JPT_MADYA: (G.JPT, True, True, False),
    K.JPT_PRATAMA: (G.JPT, True, True, False),
    K.ADMINISTRATOR: (G.ADMINISTRATION, True, True, False),
    K.SUPERVISOR: (G.ADMINISTRATION, True, True, False),
    K.EXECUTOR: (G.ADMINISTRATION, False, False, False),
    K.EXPERT_FIRST: (G.FUNCTIONAL_EXPERTISE, False, False, True),
    K.EXPERT_JUNIOR: (G.FUNCTIONAL_EXPERTISE, False, False, True),
    K.EXPERT_MIDDLE: (G.FUNCTIONAL_EXPERTISE, False, False, True),
    K.EXPERT_PRINCIPAL: (G.FUNCTIONAL_EXPERTISE, False, False, True),
    K.SKILL_BEGINNER: (G.FUNCTIONAL_SKILL, False, False, True),
    K.SKILL_SKILLED: (G.FUNCTIONAL_SKILL, False, False, True),
    K.SKILL_ADVANCED: (G.FUNCTIONAL_SKILL, False, False, True),
    K.SKILL_SUPERVISOR: (G.FUNCTIONAL_SKILL, False, False, True),
}

SPELLINGS = [
    (member, spelling)
    for member in PositionKind
    for spelling in (member.value, member.label_id, member.label_en, *member.aliases)
]


def tree() -> OrgUnit:
    """Return a three-level tree: a regency, two offices, and units under them."""
    return OrgUnit(
        "regency",
        "Pemerintah Kabupaten",
        "e-regent",
        [
            OrgUnit(
                "secretariat",
                "Sekretariat Daerah",
                "e-sekda",
                [
                    OrgUnit("org_bureau", "Bagian Organisasi"),
                    OrgUnit("law_bureau", "Bagian Hukum", "e-law"),
                ],
            ),
            OrgUnit(
                "health",
                "Dinas Kesehatan",
                None,
                [OrgUnit("clinic", "Puskesmas Kota", "e-clinic")],
            ),
        ],
    )


class TestPositionGroup:
    def test_parses_indonesian_label(self):
        """The Indonesian label of a group parses to that group."""
        expected = G.FUNCTIONAL_SKILL
        assert expected == G.parse("Jabatan Fungsional Keterampilan")

    def test_every_kind_group_is_in_the_table(self):
        """Every group is used by at least one kind of post."""
        assert set(G) == {kind.group for kind in K}


class TestPositionKind:
    @pytest.mark.parametrize(("member", "spelling"), SPELLINGS)
    def test_parses_every_spelling(self, member, spelling):
        """Every id, label and alias parses to its own member."""
        assert member == K.parse(spelling)

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("fungsional umum", K.EXECUTOR),
            ("Pelaksana", K.EXECUTOR),
            ("Pengawas", K.SUPERVISOR),
            ("Supervisor", K.SUPERVISOR),
            ("Penyelia", K.SKILL_SUPERVISOR),
            ("JPT Pratama", K.JPT_PRATAMA),
            ("Eselon II", K.JPT_PRATAMA),
            ("eselon-4", K.SUPERVISOR),
            ("AHLI_MUDA", K.EXPERT_JUNIOR),
        ],
    )
    def test_parses_common_spellings(self, text, expected):
        """Spellings found in real data parse to the right kind (UU 5/2014 Pasal 131)."""
        assert expected == K.parse(text)

    def test_unknown_text_lists_ids(self):
        """Text that names no kind raises an error listing every id."""
        with pytest.raises(UnknownLabelError) as caught:
            K.parse("eselon I", "kind")
        expected = ("kind", tuple(kind.value for kind in K))
        assert expected == (
            caught.value.field,
            caught.value.accepted,
        )

    @pytest.mark.parametrize("kind", list(K))
    def test_rule_table(self, kind):
        """Group, managerial, structural and functional follow REGULATIONS.md section 6."""
        assert KIND_TABLE[kind] == (
            kind.group,
            kind.is_managerial,
            kind.is_structural,
            kind.is_functional,
        )

    @given(position_kinds())
    def test_functional_posts_are_never_managerial(self, kind):
        """A functional post is neither managerial nor structural."""
        assert not (kind.is_functional and (kind.is_managerial or kind.is_structural))


class TestPosition:
    def test_parses_kind_from_text(self):
        """A kind given as text is parsed into a PositionKind."""
        expected = K.EXPERT_JUNIOR
        assert expected == Position("Analis Kebijakan Ahli Muda", "Ahli Muda").kind

    def test_delegates_to_kind(self):
        """Group, managerial and structural come from the kind."""
        position = Position("Kepala Dinas", K.JPT_PRATAMA, "health", leads_unit=True)
        expected = (G.JPT, True, True)
        assert expected == (
            position.group,
            position.is_managerial,
            position.is_structural,
        )

    @pytest.mark.parametrize(
        ("kwargs", "field"),
        [
            ({"title": ""}, "title"),
            ({"title": "  \t"}, "title"),
            ({"title": 3}, "title"),
            ({"unit_id": " "}, "unit_id"),
            ({"leads_unit": True}, "leads_unit"),
            ({"unit_id": "upt", "leads_independent_unit": True}, "leads_independent_unit"),
        ],
    )
    def test_rejects_bad_fields(self, kwargs, field):
        """Empty text, non-text and a leader without a unit are rejected, naming the field."""
        with pytest.raises(InvalidValueError) as caught:
            Position(**{"title": "Staf", "kind": "pelaksana", **kwargs})
        assert field == caught.value.field

    def test_rejects_unknown_kind(self):
        """A kind that names no PositionKind is rejected under the field name."""
        with pytest.raises(UnknownLabelError) as caught:
            Position("Staf", "manager")
        expected = "kind"
        assert expected == caught.value.field

    @given(positions())
    def test_leader_has_a_unit(self, position):
        """Every valid leading post sits in a unit; a unit kerja mandiri's post leads it."""
        assert not position.leads_unit or position.unit_id is not None
        assert not position.leads_independent_unit or position.leads_unit


class TestOrgUnit:
    def test_walks_depth_first_parents_first(self):
        """walk yields the root, then each subtree in order, parents before children."""
        expected = ["regency", "secretariat", "org_bureau", "law_bureau", "health", "clinic"]
        assert expected == [unit.id for unit in tree().walk()]

    def test_find(self):
        """find returns the unit with the id, at any depth."""
        expected = "Puskesmas Kota"
        assert expected == tree().find("clinic").name

    def test_parent_of(self):
        """parent_of returns the unit directly above, and None for the root."""
        root = tree()
        expected = ("secretariat", None)
        assert expected == (root.parent_of("law_bureau").id, root.parent_of("regency"))

    def test_path_to(self):
        """path_to returns the units from the root down to the unit."""
        expected = ["regency", "health", "clinic"]
        assert expected == [unit.id for unit in tree().path_to("clinic")]

    def test_leader_chain_skips_units_without_leader(self):
        """leader_chain lists leaders from the unit up, skipping a unit with no leader."""
        root = tree()
        expected = (("e-clinic", "e-regent"), ("e-sekda", "e-regent"))
        assert expected == (
            root.leader_chain("clinic"),
            root.leader_chain("org_bureau"),
        )

    @pytest.mark.parametrize("method", ["find", "parent_of", "path_to", "leader_chain"])
    def test_unknown_id_raises(self, method):
        """Every lookup of an unknown id raises UnknownReferenceError, a ValueError."""
        with pytest.raises(ValueError, match="nowhere") as caught:
            getattr(tree(), method)("nowhere")
        expected = (UnknownReferenceError, "unit_id")
        assert expected == (type(caught.value), caught.value.field)

    @pytest.mark.parametrize(
        "children",
        [
            [OrgUnit("root", "Root again")],
            [OrgUnit("a", "A"), OrgUnit("a", "A again")],
            [
                OrgUnit("a", "A", children=[OrgUnit("x", "X")]),
                OrgUnit("b", "B", children=[OrgUnit("x", "X")]),
            ],
            [OrgUnit("a", "A", children=[OrgUnit("b", "B", children=[OrgUnit("root", "R")])])],
        ],
    )
    def test_rejects_duplicate_ids_anywhere(self, children):
        """An id used twice anywhere in the tree, at any depth, is rejected."""
        with pytest.raises(DuplicateIdError) as caught:
            OrgUnit("root", "Root", children=children)
        expected = "children"
        assert expected == caught.value.field

    def test_with_child_appends(self):
        """with_child returns a tree with the new unit last under the root."""
        grown = tree().with_child(OrgUnit("finance", "Badan Keuangan"))
        expected = ["secretariat", "health", "finance"]
        assert expected == [unit.id for unit in grown.children]

    def test_with_child_revalidates(self):
        """with_child rejects a child whose tree reuses an id of the tree."""
        with pytest.raises(DuplicateIdError) as caught:
            tree().with_child(
                OrgUnit("finance", "Badan Keuangan", children=[OrgUnit("clinic", "C")])
            )
        expected = "clinic"
        assert expected == caught.value.value

    @pytest.mark.parametrize(
        ("kwargs", "field"),
        [
            ({"id": ""}, "id"),
            ({"name": " "}, "name"),
            ({"leader_id": ""}, "leader_id"),
            ({"children": ["clinic"]}, "children[0]"),
            ({"children": "clinic"}, "children"),
        ],
    )
    def test_rejects_bad_fields(self, kwargs, field):
        """Empty text and children that are not units are rejected, naming the field."""
        with pytest.raises(InvalidValueError) as caught:
            OrgUnit(**{"id": "u", "name": "Unit", **kwargs})
        assert field == caught.value.field

    def test_children_become_a_tuple(self):
        """Children given as a list are kept as a tuple."""
        expected = (OrgUnit("v", "V"),)
        assert expected == OrgUnit("u", "Unit", children=[OrgUnit("v", "V")]).children

    def test_types_resolve(self):
        """attrs.resolve_types resolves the recursive children annotation."""
        attrs.resolve_types(OrgUnit)
        expected = tuple[OrgUnit, ...]
        assert (
            expected
            == attrs.fields(OrgUnit).children.type
            == typing.get_type_hints(OrgUnit)["children"]
        )

    @given(org_units())
    def test_lookups_agree_with_walk(self, root):
        """For every unit in a tree, find, path_to and parent_of agree with walk."""
        for unit in root.walk():
            path = root.path_to(unit.id)
            parent = root.parent_of(unit.id)
            expected = (unit, root, unit)
            assert expected == (root.find(unit.id), path[0], path[-1])
            expected_root = parent is None
            assert expected_root == (unit is root)
            assert parent is None or unit in parent.children

    @given(org_units())
    def test_ids_are_unique(self, root):
        """walk yields every unit once, so its ids are unique."""
        ids = [unit.id for unit in root.walk()]
        assert len(set(ids)) == len(ids)

    @given(org_units())
    def test_leader_chain_follows_path(self, root):
        """leader_chain is the leaders on the path to the unit, read upwards."""
        for unit in root.walk():
            expected = tuple(u.leader_id for u in reversed(root.path_to(unit.id)) if u.leader_id)
            assert expected == root.leader_chain(unit.id)


ARGUMENTS = {
    Position: {
        "title": "Analis Kebijakan Ahli Muda",
        "kind": PositionKind.EXPERT_JUNIOR,
        "unit_id": "finance",
        "leads_unit": False,
        "leads_independent_unit": False,
    },
    OrgUnit: {"id": "root", "name": "Dinas", "leader_id": "e-1", "children": (OrgUnit("a", "A"),)},
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

    @pytest.mark.parametrize("child", ["finance", 3, None, {"id": "x"}])
    def test_with_child_names_the_new_place(self, child):
        """Adding a child that is not a unit is refused at the index it would take."""
        with pytest.raises(InvalidValueError) as caught:
            tree().with_child(child)
        assert caught.value.field == f"children[{len(tree().children)}]"
