"""
Behaviour frameworks (perilaku kerja) as data: the aspects each regime appraises.

A framework is a value, not an enumeration, so that an instansi can define its own.
The three the regulations define are built in: `BERAKHLAK` (PermenPANRB 6/2022),
`PP30_2019_BEHAVIOUR` (PermenPANRB 8/2021) and `PP46_2011_BEHAVIOUR` (PP 46/2011).
A `SpecialExpectation` is the leader's own expectation for one aspect of a framework.
"""

from __future__ import annotations

import types
from typing import TYPE_CHECKING, Final

import attrs

from penilaian._base.checks import TUPLE, instance_of, non_empty
from penilaian._base.labels import Language, normalise_label
from penilaian.exceptions import DuplicateIdError, InvalidValueError, UnknownLabelError
from penilaian.model.organisation import PositionKind

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = [
    "BERAKHLAK",
    "BUILTIN_FRAMEWORKS",
    "PP30_2019_BEHAVIOUR",
    "PP46_2011_BEHAVIOUR",
    "BehaviourAspect",
    "BehaviourFramework",
    "SpecialExpectation",
]


_FLAG: Final = instance_of(bool, expected="True or False")


def _check_text(field: str, value: object, *, key: bool) -> None:
    if not isinstance(value, str):
        raise InvalidValueError(field, value, "must be text")
    if not (normalise_label(value) if key else value.strip()):
        raise InvalidValueError(field, value, "must not be empty")


def _key(_instance: object, field: attrs.Attribute[str], value: str) -> None:
    _check_text(field.name, value, key=True)


def _text(_instance: object, field: attrs.Attribute[str], value: str) -> None:
    _check_text(field.name, value, key=False)


def _keys(
    _instance: object, field: attrs.Attribute[tuple[str, ...]], value: tuple[str, ...]
) -> None:
    for index, item in enumerate(value):
        _check_text(f"{field.name}[{index}]", item, key=True)


def _texts(
    _instance: object, field: attrs.Attribute[tuple[str, ...]], value: tuple[str, ...]
) -> None:
    for index, item in enumerate(value):
        _check_text(f"{field.name}[{index}]", item, key=False)


@attrs.frozen
class BehaviourAspect:
    """
    One aspect (or core value) of a behaviour framework.

    Attributes:
        id: Stable English snake_case id, unique in its framework.
        label_id: The official Indonesian label.
        label_en: The English label.
        guide_behaviours: The official guide behaviours (panduan perilaku), in Indonesian.
        managerial_only: Whether only holders of managerial (or, under PP 46/2011,
            structural) posts are appraised on it.
        aliases: Other spellings accepted when the aspect is looked up.
    """

    id: str = attrs.field(validator=_key)
    label_id: str = attrs.field(validator=_key)
    label_en: str = attrs.field(validator=_key)
    guide_behaviours: tuple[str, ...] = attrs.field(default=(), converter=TUPLE, validator=_texts)
    managerial_only: bool = attrs.field(default=False, validator=_FLAG)
    aliases: tuple[str, ...] = attrs.field(default=(), converter=TUPLE, validator=_keys)

    def label(self, lang: Language = "id") -> str:
        """Return the label in *lang*: Indonesian by default, ``"en"`` for English."""
        return self.label_en if lang == "en" else self.label_id

    def spellings(self) -> frozenset[str]:
        """Return the normalised id, labels and aliases that name this aspect."""
        return frozenset(
            normalise_label(text) for text in (self.id, self.label_id, self.label_en, *self.aliases)
        )


@attrs.frozen
class BehaviourFramework:
    """
    A set of behaviour aspects appraised together, as one regulation defines them.

    Attributes:
        id: Stable English id of the framework.
        name: Its name, in Indonesian.
        source: The regulation (and clause) it comes from.
        aspects: The aspects in their official order; ids, labels and aliases are unique.
        has_special_expectations: Whether the leader adds a free-text special
            expectation per aspect (*Ekspektasi Khusus Pimpinan*, PermenPANRB 6/2022).

    Raises:
        InvalidValueError: If a text is empty or there are no aspects.
        DuplicateIdError: If two aspects share an id, or a label or alias that is the
            same after `normalise_label`.
    """

    id: str = attrs.field(validator=_key)
    name: str = attrs.field(validator=_text)
    source: str = attrs.field(validator=_text)
    aspects: tuple[BehaviourAspect, ...] = attrs.field(converter=TUPLE)
    has_special_expectations: bool = attrs.field(default=False, validator=_FLAG)

    @aspects.validator
    def _check_aspects(
        self,
        _field: attrs.Attribute[tuple[BehaviourAspect, ...]],
        value: tuple[BehaviourAspect, ...],
    ) -> None:
        if not value:
            raise InvalidValueError("aspects", value, "must not be empty")
        ids: set[str] = set()
        owners: dict[str, str] = {}
        for index, aspect in enumerate(value):
            if not isinstance(aspect, BehaviourAspect):
                raise InvalidValueError(f"aspects[{index}]", aspect, "must be a BehaviourAspect")
            if aspect.id in ids:
                raise DuplicateIdError("aspects", aspect.id, "aspect id occurs more than once")
            ids.add(aspect.id)
            for spelling in aspect.spellings():
                other = owners.setdefault(spelling, aspect.id)
                if other != aspect.id:
                    raise DuplicateIdError(
                        "aspects", spelling, f"names both aspect {other!r} and {aspect.id!r}"
                    )

    def aspect(self, text: str) -> BehaviourAspect:
        """
        Return the aspect that *text* names.

        Args:
            text: An aspect id, either label or an alias, in any case and with any
                spacing, hyphens or underscores.

        Raises:
            UnknownLabelError: Listing the accepted aspect ids.
        """
        if isinstance(text, str):
            key = normalise_label(text)
            for aspect in self.aspects:
                if key in aspect.spellings():
                    return aspect
        raise UnknownLabelError(
            "aspect", text, f"aspect of {self.id}", [aspect.id for aspect in self.aspects]
        )

    def aspects_for(self, position_kind: PositionKind | str) -> tuple[BehaviourAspect, ...]:
        """
        Return the aspects on which a holder of *position_kind* is appraised, in order.

        Aspects marked `BehaviourAspect.managerial_only` are dropped for posts that are
        not managerial.  PP 46/2011 says "structural" where PP 30/2019 says
        "managerial"; both name the same kinds (JPT, administrator, pengawas), so
        `PositionKind.is_managerial` serves both.

        Raises:
            UnknownLabelError: If *position_kind* is text that names no `PositionKind`.
        """
        kind = PositionKind.parse(position_kind, "position_kind")
        return tuple(
            aspect for aspect in self.aspects if kind.is_managerial or not aspect.managerial_only
        )

    def __contains__(self, aspect_id: object) -> bool:
        return any(aspect.id == aspect_id for aspect in self.aspects)


@attrs.frozen
class SpecialExpectation:
    """
    A leader's special expectation for one behaviour value (Ekspektasi Khusus Pimpinan).

    PermenPANRB 6/2022 Lampiran: the SKP lists, beside each BerAKHLAK core value, what
    the leader particularly expects of this employee.

    Attributes:
        aspect_id: The behaviour aspect (core value) it belongs to.
        text: The expectation, in the leader's words.
    """

    aspect_id: str = attrs.field(validator=non_empty)
    text: str = attrs.field(validator=non_empty)


def _aspect(
    id_: str,
    label_id: str,
    label_en: str,
    *guides: str,
    managerial_only: bool = False,
    aliases: tuple[str, ...] = (),
) -> BehaviourAspect:
    return BehaviourAspect(id_, label_id, label_en, guides, managerial_only, aliases)


BERAKHLAK: Final = BehaviourFramework(
    id="berakhlak",
    name="Nilai Dasar ASN BerAKHLAK",
    source="PermenPANRB 6/2022; panduan perilaku per SE MenPANRB 20/2021",
    aspects=(
        _aspect(
            "service_oriented",
            "Berorientasi Pelayanan",
            "Service oriented",
            "Memahami dan memenuhi kebutuhan masyarakat",
            "Ramah, cekatan, solutif, dan dapat diandalkan",
            "Melakukan perbaikan tiada henti",
        ),
        _aspect(
            "accountable",
            "Akuntabel",
            "Accountable",
            "Melaksanakan tugas dengan jujur, bertanggung jawab, cermat, disiplin, "
            "dan berintegritas tinggi",
            "Menggunakan kekayaan dan barang milik negara secara bertanggung jawab, "
            "efektif, dan efisien",
            "Tidak menyalahgunakan kewenangan jabatan",
        ),
        _aspect(
            "competent",
            "Kompeten",
            "Competent",
            "Meningkatkan kompetensi diri untuk menjawab tantangan yang selalu berubah",
            "Membantu orang lain belajar",
            "Melaksanakan tugas dengan kualitas terbaik",
        ),
        _aspect(
            "harmonious",
            "Harmonis",
            "Harmonious",
            "Menghargai setiap orang apa pun latar belakangnya",
            "Suka menolong orang lain",
            "Membangun lingkungan kerja yang kondusif",
        ),
        _aspect(
            "loyal",
            "Loyal",
            "Loyal",
            "Memegang teguh ideologi Pancasila, Undang-Undang Dasar Negara Republik "
            "Indonesia Tahun 1945, setia kepada Negara Kesatuan Republik Indonesia "
            "serta pemerintahan yang sah",
            "Menjaga nama baik sesama ASN, pimpinan, instansi, dan negara",
            "Menjaga rahasia jabatan dan negara",
        ),
        _aspect(
            "adaptive",
            "Adaptif",
            "Adaptive",
            "Cepat menyesuaikan diri menghadapi perubahan",
            "Terus berinovasi dan mengembangkan kreativitas",
            "Bertindak proaktif",
        ),
        _aspect(
            "collaborative",
            "Kolaboratif",
            "Collaborative",
            "Memberi kesempatan kepada berbagai pihak untuk berkontribusi",
            "Terbuka dalam bekerja sama untuk menghasilkan nilai tambah",
            "Menggerakkan pemanfaatan berbagai sumber daya untuk tujuan bersama",
        ),
    ),
    has_special_expectations=True,
)
"""
The seven BerAKHLAK core values, each with its three guide behaviours.

PermenPANRB 6/2022 (perilaku kerja in the SKP, with a free-text *Ekspektasi Khusus
Pimpinan* per value); guide behaviours per SE MenPANRB 20/2021 (REGULATIONS.md 3.2, 3.3)
[HIGH].  All seven apply to every kind of post.
"""

PP46_2011_BEHAVIOUR: Final = BehaviourFramework(
    id="pp46_2011",
    name="Perilaku Kerja PNS (PP 46/2011)",
    source="PP 46/2011 Pasal 12; Perka BKN 1/2013",
    aspects=(
        _aspect("service_orientation", "Orientasi Pelayanan", "Service orientation"),
        _aspect("integrity", "Integritas", "Integrity"),
        _aspect("commitment", "Komitmen", "Commitment"),
        _aspect("discipline", "Disiplin", "Discipline"),
        _aspect("cooperation", "Kerja Sama", "Cooperation"),
        _aspect("leadership", "Kepemimpinan", "Leadership", managerial_only=True),
    ),
)
"""
The six perilaku kerja aspects of PP 46/2011 (about Pasal 12; REGULATIONS.md 1.4) [HIGH].

Kepemimpinan is appraised only for jabatan struktural, so perilaku is the mean of six
aspects for structural posts and of five otherwise.
"""

PP30_2019_BEHAVIOUR: Final = BehaviourFramework(
    id="pp30_2019",
    name="Perilaku Kerja PNS (PermenPANRB 8/2021)",
    source="PP 30/2019; PermenPANRB 8/2021",
    aspects=(
        _aspect("service_orientation", "Orientasi Pelayanan", "Service orientation"),
        _aspect("commitment", "Komitmen", "Commitment"),
        _aspect("initiative", "Inisiatif Kerja", "Work initiative", aliases=("Inisiatif",)),
        _aspect("cooperation", "Kerja Sama", "Cooperation"),
        _aspect("leadership", "Kepemimpinan", "Leadership", managerial_only=True),
    ),
)
"""
The five perilaku kerja aspects of PermenPANRB 8/2021 (REGULATIONS.md 2.4) [MED].

Integritas and disiplin of PP 46/2011 are dropped and inisiatif kerja added;
kepemimpinan is appraised only for managerial posts (JPT, administrator, pengawas).
"""

BUILTIN_FRAMEWORKS: Final[Mapping[str, BehaviourFramework]] = types.MappingProxyType(
    {framework.id: framework for framework in (BERAKHLAK, PP46_2011_BEHAVIOUR, PP30_2019_BEHAVIOUR)}
)
"""The built-in frameworks by id, read-only."""
