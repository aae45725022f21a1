"""
The shapes of SIASN's performance records, as data: field names, codes, the appraiser.

`penilaian.io.siasn` builds the records from these; see its docstring and
``docs/how-to/export-to-siasn.md`` for the sources and their confidence.
"""

from __future__ import annotations

import types
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Final, TypeAlias

import attrs

from penilaian._base.checks import is_text
from penilaian._base.labels import LabelledEnum
from penilaian.exceptions import (
    InvalidValueError,
    MissingValueError,
    UnsupportedInputError,
)
from penilaian.model.grades import Grade
from penilaian.model.nip import Nip
from penilaian.model.raters import ExpectationLevel, RaterRole
from penilaian.regimes.permen6_2022 import PERMEN6_2022_GRADE_ORDER

if TYPE_CHECKING:
    from penilaian.model.appraisal import Appraisal

__all__ = [
    "SIASN_ANNUAL_FIELDS",
    "SIASN_DEFAULT_CODES",
    "SIASN_PERIODIC_FIELDS",
    "SIASN_QUADRANT_CODES",
    "SIASN_RATING_CODES",
    "SiasnAppraiser",
    "SiasnAppraiserStatus",
    "SiasnCodes",
    "SiasnRecord",
]

SiasnRecord: TypeAlias = dict[str, str | int | None]
"""One SIASN record: SIASN's field names to text, whole numbers or `None` (JSON null)."""

SIASN_ANNUAL_FIELDS: Final = (
    "hasilKinerjaNilai",
    "id",
    "kuadranKinerjaNilai",
    "penilaiGolongan",
    "penilaiJabatan",
    "penilaiNama",
    "penilaiNipNrp",
    "penilaiUnorNama",
    "perilakuKerjaNilai",
    "pnsDinilaiOrang",
    "statusPenilai",
    "tahun",
)
"""The keys of an annual (SKP 2022) record, in the order of SIASN's ``/skp22/save`` body [MED]."""

SIASN_PERIODIC_FIELDS: Final = (
    "bulanMulaiPenilaian",
    "bulanSelesaiPenilaian",
    "hasilKinerjaNilai",
    "id",
    "koefisienId",
    "kuadranKinerjaNilai",
    "penilaiGolongan",
    "penilaiJabatanNama",
    "penilaiNama",
    "penilaiNipNrp",
    "penilaiUnorNama",
    "perilakuKerjaNilai",
    "periodikId",
    "pnsDinilaiId",
    "statusPenilai",
    "tahun",
    "tahunMulaiPenilaian",
    "tahunSelesaiPenilaian",
)
"""The keys of a periodic record, in the order of SIASN's ``/kinerjaperiodik/save`` body [MED]."""

_A, _M, _B = ExpectationLevel.ABOVE, ExpectationLevel.MEETS, ExpectationLevel.BELOW

SIASN_RATING_CODES: Final[Mapping[ExpectationLevel, int]] = types.MappingProxyType(
    {_A: 1, _M: 2, _B: 3}
)
"""
SIASN's code of each expectation level, for ``hasilKinerjaNilai`` and ``perilakuKerjaNilai`` [LOW].

Above 1, meets 2, below 3: the order of one agency's SIASN client form
(taufiqurrohmansuwarto/rumahASN); SIASN's own reference list (``perilakuDanKinerja``)
was not found.  Note the order: 1 is the best.
"""

SIASN_QUADRANT_CODES: Final[Mapping[Grade, int]] = types.MappingProxyType(
    {
        Grade.VERY_GOOD: 1,
        Grade.GOOD: 2,
        Grade.NEEDS_IMPROVEMENT: 3,
        Grade.POOR: 4,
        Grade.VERY_POOR: 5,
    }
)
"""
SIASN's quadrant (kuadran) code of each PermenPANRB 6/2022 grade, for ``kuadranKinerjaNilai`` [LOW].

Sangat Baik 1, Baik 2, Butuh Perbaikan 3, Kurang/Misconduct 4, Sangat Kurang 5:
inferred from one agency's SIASN client (taufiqurrohmansuwarto/rumahASN, which
sends 1 for above/above, 2 for meets/meets and 5 for below/below); SIASN's own
reference list (``kuadranNilai``) was not found.  The code is taken from the
result's grade, never recomputed from the two ratings.
"""


def _codes(value: object, field: str, enum: type[LabelledEnum]) -> dict[LabelledEnum, int]:
    if not isinstance(value, Mapping):
        raise InvalidValueError(field, value, f"must map each {enum.__name__} to its SIASN code")
    parsed: dict[LabelledEnum, int] = {}
    for key, code in value.items():
        member = enum.parse(key, field)
        if isinstance(code, bool) or not isinstance(code, int):
            raise InvalidValueError(f"{field}[{member.value!r}]", code, "must be a whole number")
        if member in parsed:
            raise InvalidValueError(field, key, f"names {member.value} twice")
        parsed[member] = code
    if len(set(parsed.values())) != len(parsed):
        raise InvalidValueError(field, dict(value), "gives two members the same code")
    return parsed


def _rating_codes(
    value: Mapping[ExpectationLevel | str, int],
) -> Mapping[ExpectationLevel, int]:
    parsed = _codes(value, "ratings", ExpectationLevel)
    missing = [level.value for level in ExpectationLevel if level not in parsed]
    if missing:
        raise InvalidValueError("ratings", missing, "must give a code for every expectation level")
    return types.MappingProxyType({ExpectationLevel(key): code for key, code in parsed.items()})


def _quadrant_codes(value: Mapping[Grade | str, int]) -> Mapping[Grade, int]:
    parsed = _codes(value, "quadrants", Grade)
    # The regime's five grades, worst first (PERMEN6_2022_GRADE_ORDER ranks them by
    # GRADE_RANKING); the ranking alone cannot say which grades are the regime's.
    others = [grade.value for grade in parsed if grade not in PERMEN6_2022_GRADE_ORDER]
    if others:
        reason = "PermenPANRB 6/2022 has no such grade; give its five grades only"
        raise InvalidValueError("quadrants", others, reason)
    missing = [grade.value for grade in PERMEN6_2022_GRADE_ORDER if grade not in parsed]
    if missing:
        reason = "must give a code for every PermenPANRB 6/2022 grade"
        raise InvalidValueError("quadrants", missing, reason)
    return types.MappingProxyType({Grade(key): code for key, code in parsed.items()})


@attrs.frozen
class SiasnCodes:
    """
    The numeric codes a SIASN record uses for ratings and grades.

    The defaults are [LOW] (see `SIASN_RATING_CODES` and `SIASN_QUADRANT_CODES`);
    replace them when SIASN's reference lists say otherwise.

    >>> SiasnCodes(ratings={"above": 3, "meets": 2, "below": 1}).ratings[ExpectationLevel.ABOVE]
    3

    Attributes:
        ratings: The code of each `penilaian.ExpectationLevel` (all three,
            distinct), for ``hasilKinerjaNilai`` and ``perilakuKerjaNilai``;
            any spelling of a level is accepted.
        quadrants: The code of each of the five PermenPANRB 6/2022 grades
            (distinct), for ``kuadranKinerjaNilai``.
        source: Where the codes come from, for the record of the export.

    Raises:
        InvalidValueError: for a table that misses a member, repeats a code,
            gives a code that is not a whole number, or names a grade PermenPANRB
            6/2022 does not have.
        UnknownLabelError: for a key that names no level or grade.
    """

    ratings: Mapping[ExpectationLevel, int] = attrs.field(
        default=SIASN_RATING_CODES, converter=_rating_codes, hash=False
    )
    quadrants: Mapping[Grade, int] = attrs.field(
        default=SIASN_QUADRANT_CODES, converter=_quadrant_codes, hash=False
    )
    source: str = "taufiqurrohmansuwarto/rumahASN (agency SIASN client) [LOW]"


SIASN_DEFAULT_CODES: Final = SiasnCodes()
"""The codes used unless others are given: `SIASN_RATING_CODES` and `SIASN_QUADRANT_CODES`."""


class SiasnAppraiserStatus(LabelledEnum):
    """Whether the appraiser (pejabat penilai) is a civil servant (SIASN's ``statusPenilai``)."""

    ASN = ("asn", "ASN", "Civil servant (ASN)")
    NON_ASN = ("non_asn", "NON ASN", "Not a civil servant", "bukan asn")


STATUS_TEXT: Final = {SiasnAppraiserStatus.ASN: "ASN", SiasnAppraiserStatus.NON_ASN: "NON ASN"}


def _required(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        raise MissingValueError(attribute.name, None, "SIASN needs it for the appraiser")
    if not is_text(value):
        raise InvalidValueError(attribute.name, value, "must be a non-empty string")


@attrs.frozen(kw_only=True)
class SiasnAppraiser:
    """
    The appraiser (pejabat penilai) as SIASN records them.

    Attributes:
        name: Their name (``penilaiNama``).
        nip: Their NIP, or NRP for a non-civil-servant (``penilaiNipNrp``); an ASN
            appraiser's must be a valid NIP, and is written as its 18 digits.
        position: Their position title (``penilaiJabatan``, ``penilaiJabatanNama``).
        golongan_id: SIASN's reference id of their golongan (``penilaiGolongan``),
            as listed in SIASN's ``golonganPns`` reference; required for an ASN
            appraiser, and may be `None` for a non-civil-servant.
        unit: The name of their unit (unit organisasi, ``penilaiUnorNama``).
        status: ASN (the default) or NON ASN (``statusPenilai``).

    Raises:
        MissingValueError: for a required value that is `None`.
        InvalidValueError: for empty text; `InvalidNipError` for an ASN
            appraiser's malformed NIP.
    """

    status: SiasnAppraiserStatus = attrs.field(
        default=SiasnAppraiserStatus.ASN, converter=SiasnAppraiserStatus
    )
    name: str = attrs.field(validator=_required)
    nip: str = attrs.field(validator=_required)
    position: str = attrs.field(validator=_required)
    golongan_id: str | None = attrs.field()
    unit: str = attrs.field(validator=_required)

    @nip.validator
    def _check_nip(self, _attribute: attrs.Attribute[str], value: str) -> None:
        if self.status is SiasnAppraiserStatus.ASN:
            Nip.parse(value)

    @golongan_id.validator
    def _check_golongan(self, attribute: attrs.Attribute[str | None], value: str | None) -> None:
        if value is None and self.status is SiasnAppraiserStatus.NON_ASN:
            return
        if value is None:
            reason = "SIASN needs an ASN appraiser's golongan (penilaiGolongan)"
            raise MissingValueError(attribute.name, None, reason)
        _required(self, attribute, value)

    @property
    def nip_text(self) -> str:
        """The NIP as written to SIASN: 18 digits for an ASN appraiser, else as given."""
        if self.status is SiasnAppraiserStatus.ASN:
            return Nip.parse(self.nip).digits
        return self.nip.strip()

    @classmethod
    def from_appraisal(
        cls,
        appraisal: Appraisal,
        *,
        position: str,
        golongan_id: str | None,
        unit: str,
        status: SiasnAppraiserStatus | str = SiasnAppraiserStatus.ASN,
    ) -> SiasnAppraiser:
        """
        Take the appraiser's name and NIP from *appraisal*'s supervisor rater.

        The supervisor (the rater in the ``supervisor`` role) is the pejabat
        penilai; the appraisal holds their employee id (the NIP) and name, and
        the rest is given.

        Raises:
            MissingValueError: if the appraisal has no supervisor, or the
                supervisor has no name.
            UnsupportedInputError: if it has more than one supervisor.
        """
        found = [rater for rater in appraisal.raters if rater.role is RaterRole.SUPERVISOR]
        if not found:
            reason = f"appraisal {appraisal.id} has no supervisor rater (the pejabat penilai)"
            raise MissingValueError("supervisor", None, reason)
        if len(found) > 1:
            ids = ", ".join(rater.id for rater in found)
            reason = (
                f"appraisal {appraisal.id} has {len(found)} supervisors ({ids}); SIASN takes one"
            )
            raise UnsupportedInputError("supervisor", ids, reason)
        supervisor = found[0]
        if supervisor.name is None:
            reason = f"supervisor {supervisor.id} has no name; SIASN needs it (penilaiNama)"
            raise MissingValueError("name", None, reason)
        return cls(
            status=status,
            name=supervisor.name,
            nip=str(supervisor.employee_id),
            position=position,
            golongan_id=golongan_id,
            unit=unit,
        )
