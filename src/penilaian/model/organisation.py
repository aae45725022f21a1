"""
Positions and organisation units: what kind of post an employee holds, and where.

Which rules apply to an appraisal often depends on the kind of post (jenis jabatan,
UU 5/2014, now UU 20/2023; REGULATIONS.md section 6): leadership is scored only for
structural or managerial posts, and a unit leader's work-result rating is the unit's
rating (PermenPANRB 6/2022).  This module holds those facts as data.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

import attrs

from penilaian._base.bounds import MAX_ID_LENGTH, MAX_TEXT_LENGTH, check_length
from penilaian._base.checks import TUPLE, instance_of, plain_case
from penilaian._base.labels import LabelledEnum
from penilaian.exceptions import DuplicateIdError, InvalidValueError, UnknownReferenceError

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping

__all__ = ["OrgUnit", "Position", "PositionGroup", "PositionKind"]


class PositionGroup(LabelledEnum):
    """
    The family a kind of post belongs to (UU 5/2014; REGULATIONS.md section 6).

    Administration includes pelaksana (staff), which is neither managerial nor structural.
    """

    JPT = ("jpt", "Jabatan Pimpinan Tinggi", "Senior leadership")
    ADMINISTRATION = ("administration", "Jabatan Administrasi", "Administration")
    FUNCTIONAL_EXPERTISE = (
        "functional_expertise",
        "Jabatan Fungsional Keahlian",
        "Functional, expertise",
    )
    FUNCTIONAL_SKILL = ("functional_skill", "Jabatan Fungsional Keterampilan", "Functional, skill")


class PositionKind(LabelledEnum):
    """
    The kind (and level) of a post (jenis jabatan, UU 5/2014; REGULATIONS.md section 6).

    The ``eselon`` aliases follow the equivalence of UU 5/2014 Pasal 131 (eselon II is
    JPT pratama, III administrator, IV pengawas).  Eselon I is left out because it maps
    to both JPT utama and JPT madya, and eselon V because PP 46/2011 counted it as
    structural while UU 5/2014 makes it pelaksana.  PP 46/2011's *fungsional umum*
    is pelaksana.
    """

    JPT_UTAMA = (
        "jpt_utama",
        "JPT Utama",
        "Senior leadership, principal",
        "Jabatan Pimpinan Tinggi Utama",
    )
    JPT_MADYA = (
        "jpt_madya",
        "JPT Madya",
        "Senior leadership, middle",
        "Jabatan Pimpinan Tinggi Madya",
    )
    JPT_PRATAMA = (
        "jpt_pratama",
        "JPT Pratama",
        "Senior leadership, first",
        "Jabatan Pimpinan Tinggi Pratama",
        "eselon II",
        "eselon 2",
    )
    ADMINISTRATOR = (
        "administrator",
        "Administrator",
        "Administrator",
        "Jabatan Administrator",
        "eselon III",
        "eselon 3",
    )
    SUPERVISOR = (
        "supervisor",
        "Pengawas",
        "Supervisor",
        "Jabatan Pengawas",
        "eselon IV",
        "eselon 4",
    )
    EXECUTOR = (
        "executor",
        "Pelaksana",
        "Executor (staff)",
        "Jabatan Pelaksana",
        "Fungsional Umum",
        "Jabatan Fungsional Umum",
        "JFU",
    )
    EXPERT_FIRST = ("expert_first", "Ahli Pertama", "Expert, first", "Fungsional Ahli Pertama")
    EXPERT_JUNIOR = ("expert_junior", "Ahli Muda", "Expert, junior", "Fungsional Ahli Muda")
    EXPERT_MIDDLE = ("expert_middle", "Ahli Madya", "Expert, middle", "Fungsional Ahli Madya")
    EXPERT_PRINCIPAL = (
        "expert_principal",
        "Ahli Utama",
        "Expert, principal",
        "Fungsional Ahli Utama",
    )
    SKILL_BEGINNER = ("skill_beginner", "Pemula", "Skill, beginner", "Fungsional Pemula")
    SKILL_SKILLED = ("skill_skilled", "Terampil", "Skill, skilled", "Fungsional Terampil")
    SKILL_ADVANCED = ("skill_advanced", "Mahir", "Skill, advanced", "Fungsional Mahir")
    SKILL_SUPERVISOR = ("skill_supervisor", "Penyelia", "Skill, supervisor", "Fungsional Penyelia")

    @property
    def group(self) -> PositionGroup:
        """The family of posts this kind belongs to."""
        return _KINDS[self][0]

    @property
    def is_managerial(self) -> bool:
        """
        Whether this is a managerial post: JPT, administrator or pengawas.

        PP 30/2019 / PermenPANRB 8/2021 score kepemimpinan only for these [MED].
        """
        return _KINDS[self][1]

    @property
    def is_structural(self) -> bool:
        """
        Whether this is a *jabatan struktural* in the sense of PP 46/2011 [HIGH].

        The same set as `is_managerial`: JPT, administrator and pengawas.
        """
        return _KINDS[self][1]

    @property
    def is_functional(self) -> bool:
        """Whether this is a functional post (jabatan fungsional), expertise or skill."""
        return self.group in _FUNCTIONAL_GROUPS


_G = PositionGroup
_K = PositionKind

_KINDS: Final[Mapping[PositionKind, tuple[PositionGroup, bool]]] = {
    # Each kind maps to its group and to whether it is managerial (= structural).
    _K.JPT_UTAMA: (_G.JPT, True),
    _K.JPT_MADYA: (_G.JPT, True),
    _K.JPT_PRATAMA: (_G.JPT, True),
    _K.ADMINISTRATOR: (_G.ADMINISTRATION, True),
    _K.SUPERVISOR: (_G.ADMINISTRATION, True),
    _K.EXECUTOR: (_G.ADMINISTRATION, False),
    _K.EXPERT_FIRST: (_G.FUNCTIONAL_EXPERTISE, False),
    _K.EXPERT_JUNIOR: (_G.FUNCTIONAL_EXPERTISE, False),
    _K.EXPERT_MIDDLE: (_G.FUNCTIONAL_EXPERTISE, False),
    _K.EXPERT_PRINCIPAL: (_G.FUNCTIONAL_EXPERTISE, False),
    _K.SKILL_BEGINNER: (_G.FUNCTIONAL_SKILL, False),
    _K.SKILL_SKILLED: (_G.FUNCTIONAL_SKILL, False),
    _K.SKILL_ADVANCED: (_G.FUNCTIONAL_SKILL, False),
    _K.SKILL_SUPERVISOR: (_G.FUNCTIONAL_SKILL, False),
}
"""Group and managerial flag of every kind of post (REGULATIONS.md section 6)."""

_FUNCTIONAL_GROUPS: Final = frozenset({_G.FUNCTIONAL_EXPERTISE, _G.FUNCTIONAL_SKILL})


def _check_text(field: str, value: object, limit: int = MAX_TEXT_LENGTH) -> None:
    if not isinstance(value, str):
        raise InvalidValueError(field, value, "must be text")
    if not value.strip():
        raise InvalidValueError(field, value, "must not be empty")
    check_length(value, field, limit)


def _text(_instance: object, field: attrs.Attribute[str], value: str) -> None:
    _check_text(field.name, value)


def _id(_instance: object, field: attrs.Attribute[str], value: str) -> None:
    _check_text(field.name, value, MAX_ID_LENGTH)


def _optional_id(_instance: object, field: attrs.Attribute[str | None], value: str | None) -> None:
    if value is not None:
        _check_text(field.name, value, MAX_ID_LENGTH)


def _parse_kind(value: str | PositionKind) -> PositionKind:
    return PositionKind.parse(value, "kind")


plain_case("type(v) is PositionKind", PositionKind=PositionKind)(_parse_kind)


@attrs.frozen
class Position:
    """
    A post held by an employee.

    Attributes:
        title: The name of the post, as written (for example ``"Analis Kebijakan Ahli Muda"``).
        kind: The kind of post; text is parsed with `PositionKind.parse`.
        unit_id: The id of the `OrgUnit` the post sits in, if known.
        leads_unit: Whether the holder leads that unit.  Under PermenPANRB 6/2022 a
            leader's work-result rating is the unit's rating; needs a `unit_id`.
        leads_independent_unit: Whether that unit is a unit kerja mandiri (its leader is a
            pimpinan unit kerja mandiri, who under PermenPANRB 8/2021 Bab VI.A is scored
            by the interpolation table as a JPT is); needs `leads_unit`.
    """

    title: str = attrs.field(validator=_text)
    kind: PositionKind = attrs.field(converter=_parse_kind)
    unit_id: str | None = attrs.field(default=None, validator=_optional_id)
    leads_unit: bool = attrs.field(
        default=False, validator=instance_of(bool, expected="True or False")
    )
    leads_independent_unit: bool = attrs.field(
        default=False, validator=instance_of(bool, expected="True or False")
    )

    @leads_independent_unit.validator
    def _check_independent(self, _field: attrs.Attribute[bool], value: bool) -> None:
        if value and not self.leads_unit:
            reason = "a pimpinan unit kerja mandiri leads the unit: needs leads_unit"
            raise InvalidValueError("leads_independent_unit", value, reason)

    @leads_unit.validator
    def _check_leads_unit(self, _field: attrs.Attribute[bool], value: bool) -> None:
        if value and self.unit_id is None:
            raise InvalidValueError("leads_unit", value, "a unit leader needs a unit_id")

    @property
    def group(self) -> PositionGroup:
        """The family of posts of `kind`."""
        return self.kind.group

    @property
    def is_managerial(self) -> bool:
        """Whether `kind` is managerial (JPT, administrator, pengawas)."""
        return self.kind.is_managerial

    @property
    def is_structural(self) -> bool:
        """Whether `kind` is structural in the sense of PP 46/2011."""
        return self.kind.is_structural


@attrs.frozen
class OrgUnit:
    """
    An organisation unit and the units under it; ids are unique in the whole tree.

    Attributes:
        id: The unit's id, unique within the tree.
        name: The unit's name.
        leader_id: The employee id of the unit's leader, if it has one.
        children: The units directly under this one, in order.

    Raises:
        InvalidValueError: If `id`, `name` or `leader_id` is empty.
        DuplicateIdError: If an id occurs twice anywhere in the tree.
    """

    id: str = attrs.field(validator=_id)
    name: str = attrs.field(validator=_text)
    leader_id: str | None = attrs.field(default=None, validator=_optional_id)
    children: tuple[OrgUnit, ...] = attrs.field(default=(), converter=TUPLE)

    @children.validator
    def _check_children(
        self, _field: attrs.Attribute[tuple[OrgUnit, ...]], value: tuple[OrgUnit, ...]
    ) -> None:
        for index, child in enumerate(value):
            if not isinstance(child, OrgUnit):
                raise InvalidValueError(f"children[{index}]", child, "must be an OrgUnit")
        seen: set[str] = set()
        for unit in self.walk():
            if unit.id in seen:
                raise DuplicateIdError(
                    "children", unit.id, f"unit id occurs more than once under {self.id!r}"
                )
            seen.add(unit.id)

    def walk(self) -> Iterator[OrgUnit]:
        """Yield this unit and every unit under it, depth first, parents before children."""
        stack = [self]
        while stack:
            unit = stack.pop()
            yield unit
            stack.extend(reversed(unit.children))

    def find(self, unit_id: str) -> OrgUnit:
        """
        Return the unit with id *unit_id* in this tree.

        Raises:
            UnknownReferenceError: If no unit in the tree has that id.
        """
        return self.path_to(unit_id)[-1]

    def parent_of(self, unit_id: str) -> OrgUnit | None:
        """
        Return the unit directly above *unit_id*, or `None` for the root.

        Raises:
            UnknownReferenceError: If no unit in the tree has that id.
        """
        path = self.path_to(unit_id)
        return path[-2] if len(path) > 1 else None

    def path_to(self, unit_id: str) -> tuple[OrgUnit, ...]:
        """
        Return the units from this root down to *unit_id*, both included.

        Raises:
            UnknownReferenceError: If no unit in the tree has that id.
        """
        stack: list[tuple[OrgUnit, ...]] = [(self,)]
        while stack:
            path = stack.pop()
            if path[-1].id == unit_id:
                return path
            stack.extend((*path, child) for child in reversed(path[-1].children))
        raise UnknownReferenceError("unit_id", unit_id, f"no unit with this id under {self.id!r}")

    def leader_chain(self, unit_id: str) -> tuple[str, ...]:
        """
        Return the leaders' employee ids from *unit_id* up to the root.

        Units without a leader are skipped, so the first id is the nearest leader
        (the supervisor of a staff member) and the next one is the leader above.

        Raises:
            UnknownReferenceError: If no unit in the tree has that id.
        """
        path = self.path_to(unit_id)
        return tuple(unit.leader_id for unit in reversed(path) if unit.leader_id is not None)

    def with_child(self, child: OrgUnit) -> OrgUnit:
        """
        Return a copy of this unit with *child* added after its other children.

        Raises:
            DuplicateIdError: If an id in *child*'s tree is already used in this tree.
        """
        return attrs.evolve(self, children=(*self.children, child))
