"""
PermenPANRB 6/2022 results in the record shapes of BKN's SIASN, as JSON or CSV.

SIASN (Sistem Informasi ASN) keeps two performance histories for SKP 2022:

- the annual record (riwayat SKP 2022), saved through ``/skp22/save``:
  `annual_record` builds it, with the keys `SIASN_ANNUAL_FIELDS`;
- the periodic record (riwayat kinerja periodik), saved through
  ``/kinerjaperiodik/save``: `periodic_record` builds it, with the keys
  `SIASN_PERIODIC_FIELDS`.

A record is a plain `dict` in SIASN's own field names, ready to be sent by the
caller's SIASN client or written with `write_json` (one array) or `write_csv`.
Nothing here makes a network call.

The field names come from public client code for SIASN's web service (the request
bodies of its save endpoints); the numeric codes of the ratings and of the
quadrant (kuadran) were found only in one agency's client code and are [LOW]: they
are data (`SIASN_RATING_CODES`, `SIASN_QUADRANT_CODES`), replaceable through
`SiasnCodes`.  ``docs/how-to/export-to-siasn.md`` has the full mapping with its
sources.

What SIASN needs and an appraisal does not hold (SIASN's id of the employee, the
appraiser's golongan, position and unit, the periodic reference ids) is passed
explicitly; a missing value is an error naming it, never an empty field.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

import attrs

from penilaian.exceptions import InvalidInputError, Problem, UnsupportedInputError
from penilaian.io._siasn_checks import (
    annual_year,
    appraiser_of,
    check_record_id,
    check_text,
    codes_of,
    periodic_period,
)
from penilaian.io._siasn_data import (
    SIASN_ANNUAL_FIELDS,
    SIASN_DEFAULT_CODES,
    SIASN_PERIODIC_FIELDS,
    SIASN_QUADRANT_CODES,
    SIASN_RATING_CODES,
    STATUS_TEXT,
    SiasnAppraiser,
    SiasnAppraiserStatus,
    SiasnCodes,
    SiasnRecord,
)
from penilaian.io._siasn_files import write_csv, write_json
from penilaian.model.periods import Period, PeriodKind

if TYPE_CHECKING:
    from penilaian.model.appraisal import Appraisal
    from penilaian.scoring.result import Result

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
    "annual_record",
    "form_period_label",
    "periodic_record",
    "write_csv",
    "write_json",
]


@attrs.frozen
class _Shape:
    """
    The shape of one kind of record: its keys, and what it calls the fields both kinds share.

    Attributes:
        fields: Its keys, in order.
        employee: Its key for SIASN's id of the appraised employee.
        position: Its key for the appraiser's position.
    """

    fields: tuple[str, ...]
    employee: str
    position: str


_ANNUAL: Final = _Shape(SIASN_ANNUAL_FIELDS, "pnsDinilaiOrang", "penilaiJabatan")
_PERIODIC: Final = _Shape(SIASN_PERIODIC_FIELDS, "pnsDinilaiId", "penilaiJabatanNama")


def _shared(
    shape: _Shape,
    appraisal: Appraisal,
    result: Result,
    codes: SiasnCodes,
    problems: list[Problem],
    *,
    pns_id: object,
    appraiser: object,
) -> SiasnRecord | None:
    """Check what both kinds of record are built from; return the fields they share, or `None`."""
    found = codes_of(appraisal, result, codes, problems)
    meaning = f"SIASN's id of the employee ({shape.employee})"
    check_text("$.pns_id", "pns_id", pns_id, meaning, problems)
    person = appraiser_of(appraiser, problems)
    if found is None or person is None or not isinstance(pns_id, str):
        return None
    work, behaviour, quadrant = found
    return {
        "hasilKinerjaNilai": work,
        "kuadranKinerjaNilai": quadrant,
        "penilaiGolongan": person.golongan_id,
        shape.position: person.position,
        "penilaiNama": person.name,
        "penilaiNipNrp": person.nip_text,
        "penilaiUnorNama": person.unit,
        "perilakuKerjaNilai": behaviour,
        shape.employee: pns_id,
        "statusPenilai": STATUS_TEXT[person.status],
    }


def _record(shape: _Shape, values: SiasnRecord) -> SiasnRecord:
    """Return *values* as a record of *shape*: its keys, in their order."""
    return {key: values[key] for key in shape.fields}


def annual_record(
    appraisal: Appraisal,
    result: Result,
    *,
    pns_id: str,
    appraiser: SiasnAppraiser,
    year: int | None = None,
    record_id: str | None = None,
    codes: SiasnCodes = SIASN_DEFAULT_CODES,
) -> SiasnRecord:
    """
    Return the annual SKP 2022 record of *result*, in the shape of SIASN's ``/skp22/save``.

    Args:
        appraisal: The appraisal scored.
        result: Its complete `penilaian.Permen6Regime` result.
        pns_id: SIASN's id of the appraised employee (``pnsDinilaiOrang``; SIASN's
            person id, not the NIP).
        appraiser: The appraiser as SIASN records them.
        year: The year (``tahun``); by default the appraisal's, which must then be a
            calendar year.  Given, the appraisal's period must lie within it: the
            result of the last period (Triwulan IV-Akhir) is the annual one.
        record_id: SIASN's id of the record to replace, or `None` for a new record.
        codes: The rating and quadrant codes.

    Returns:
        The record, with the keys `SIASN_ANNUAL_FIELDS`; ``id`` is `None` for a
        new record.

    Raises:
        InvalidInputError: listing every problem, each at its path among the
            arguments (``$.result.grade``, ``$.pns_id``, ``$.appraiser``): a result
            of another regime or appraisal (`UnsupportedInputError`), an incomplete
            one (`MissingValueError` giving its gaps), a missing or empty value, a
            period that is not a year.
    """
    problems: list[Problem] = []
    shared = _shared(
        _ANNUAL, appraisal, result, codes, problems, pns_id=pns_id, appraiser=appraiser
    )
    tahun = annual_year(appraisal, year, problems)
    check_record_id(record_id, problems)
    if problems or shared is None or tahun is None:
        raise InvalidInputError(problems)
    return _record(_ANNUAL, {**shared, "id": record_id, "tahun": tahun})


def periodic_record(
    appraisal: Appraisal,
    result: Result,
    *,
    pns_id: str,
    appraiser: SiasnAppraiser,
    periodik_id: str,
    koefisien_id: str,
    period: Period | None = None,
    record_id: str | None = None,
    codes: SiasnCodes = SIASN_DEFAULT_CODES,
) -> SiasnRecord:
    """
    Return the periodic record of *result*, in the shape of SIASN's ``/kinerjaperiodik/save``.

    Args:
        appraisal: The appraisal scored.
        result: Its complete `penilaian.Permen6Regime` result.
        pns_id: SIASN's id of the appraised employee (``pnsDinilaiId``).
        appraiser: The appraiser as SIASN records them.
        periodik_id: SIASN's reference id of the kind of period (``periodikId``,
            from SIASN's ``periodik`` reference; not published, so given).
        koefisien_id: SIASN's reference id of the credit-point coefficient
            (``koefisienId``, from SIASN's ``koefisien`` reference).
        period: The period evaluated: a month, quarter or semester, or a custom
            range of whole months, within one calendar year and within the
            appraisal's period; by default the appraisal's own.
        record_id: SIASN's id of the record to replace, or `None` for a new record.
        codes: The rating and quadrant codes.

    Returns:
        The record, with the keys `SIASN_PERIODIC_FIELDS`: the first and last
        month and year of the period, and ``tahun`` its year.

    Raises:
        InvalidInputError: listing every problem, as `annual_record`, and a
            period that is a whole year, spans two years, does not start and end
            on whole months, or lies outside the appraisal's period
            (`UnsupportedInputError` at ``$.period`` or ``$.appraisal.period``).
    """
    problems: list[Problem] = []
    shared = _shared(
        _PERIODIC, appraisal, result, codes, problems, pns_id=pns_id, appraiser=appraiser
    )
    chosen = periodic_period(appraisal, period, problems)
    meaning = "the period's reference id (periodikId)"
    check_text("$.periodik_id", "periodik_id", periodik_id, meaning, problems)
    meaning = "the credit-point coefficient's reference id (koefisienId)"
    check_text("$.koefisien_id", "koefisien_id", koefisien_id, meaning, problems)
    check_record_id(record_id, problems)
    if problems or shared is None or chosen is None:
        raise InvalidInputError(problems)
    start, end = chosen.start, chosen.end
    months = {
        "bulanMulaiPenilaian": start.month,
        "bulanSelesaiPenilaian": end.month,
        "tahun": start.year,
        "tahunMulaiPenilaian": start.year,
        "tahunSelesaiPenilaian": end.year,
    }
    references = {"id": record_id, "koefisienId": koefisien_id, "periodikId": periodik_id}
    return _record(_PERIODIC, {**shared, **months, **references})


_ROMAN: Final = ("I", "II", "III", "IV")
_MONTHS: Final = (
    *("JANUARI", "FEBRUARI", "MARET", "APRIL", "MEI", "JUNI"),
    *("JULI", "AGUSTUS", "SEPTEMBER", "OKTOBER", "NOVEMBER", "DESEMBER"),
)


def form_period_label(period: Period) -> str:
    """
    Return the period as the PermenPANRB 6/2022 forms print it, without the year.

    Quarters read ``TRIWULAN I`` to ``TRIWULAN III`` and ``TRIWULAN IV-AKHIR``
    (the last is the annual evaluation; the forms read "TRIWULAN I/II/III/IV-AKHIR"),
    semesters ``SEMESTER I`` and ``SEMESTER II``, months their Indonesian name.
    The label is for people: a SIASN record carries the months instead.

    >>> form_period_label(Period.quarter(2024, 4))
    'TRIWULAN IV-AKHIR'

    Raises:
        UnsupportedInputError: for a year or a custom range, which the forms do
            not name.
    """
    month = period.start.month
    if period.kind is PeriodKind.QUARTER:
        quarter = (month - 1) // 3
        return "TRIWULAN IV-AKHIR" if quarter == 3 else f"TRIWULAN {_ROMAN[quarter]}"
    if period.kind is PeriodKind.SEMESTER:
        return f"SEMESTER {_ROMAN[(month - 1) // 6]}"
    if period.kind is PeriodKind.MONTH:
        return _MONTHS[month - 1]
    reason = "the forms name quarters, semesters and months only"
    raise UnsupportedInputError("period", str(period), reason)
