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

import csv
import io
import json
import os
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Final, TextIO, TypeAlias

from penilaian._base.checks import is_text
from penilaian.exceptions import (
    InvalidInputError,
    InvalidPeriodError,
    InvalidValueError,
    MissingValueError,
    Problem,
    UnknownLabelError,
    UnsupportedInputError,
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
)
from penilaian.model.periods import Period, PeriodKind
from penilaian.model.raters import OVERALL_BEHAVIOUR, OVERALL_WORK_RESULTS, ExpectationLevel

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

SiasnRecord: TypeAlias = dict[str, str | int | None]
"""One SIASN record: SIASN's field names to text, whole numbers or `None` (JSON null)."""


def _problem(path: str, error: InvalidValueError) -> Problem:
    reason = error.reason
    if isinstance(error, UnknownLabelError):
        reason += f"; accepted: {', '.join(error.accepted)}"
    return Problem(path, f"{reason} (got {error.value!r})", error)


def _check_text(
    path: str, field: str, value: object, meaning: str, problems: list[Problem]
) -> None:
    if value is None:
        problems.append(_problem(path, MissingValueError(field, None, f"SIASN needs {meaning}")))
    elif not is_text(value):
        error = InvalidValueError(field, value, f"must be non-empty text: {meaning}")
        problems.append(_problem(path, error))


def _codes_of(
    appraisal: Appraisal, result: Result, codes: SiasnCodes, problems: list[Problem]
) -> tuple[int, int, int] | None:
    """Return the codes of the two ratings and of the grade, or record why not."""
    if result.regime != "permen6_2022":
        reason = "SIASN's SKP 2022 records hold PermenPANRB 6/2022 results only"
        problems.append(
            _problem("$.result.regime", UnsupportedInputError("regime", result.regime, reason))
        )
        return None
    if result.appraisal_id != appraisal.id:
        reason = f"the result is of appraisal {result.appraisal_id}, not {appraisal.id}"
        error = UnsupportedInputError("appraisal_id", result.appraisal_id, reason)
        problems.append(_problem("$.result.appraisal_id", error))
        return None
    if result.grade is None:
        gaps = "; ".join(gap.reason for gap in result.gaps) or "it has no grade"
        reason = f"result {result.appraisal_id} is incomplete: {gaps}"
        problems.append(_problem("$.result.grade", MissingValueError("grade", None, reason)))
        return None
    found = []
    for key in (OVERALL_WORK_RESULTS, OVERALL_BEHAVIOUR):
        path = f"$.result.ratings[{key!r}]"
        text = result.ratings.get(key)
        if text is None:
            reason = f"the result has no {key} rating; SIASN records both ratings"
            problems.append(_problem(path, MissingValueError(key, None, reason)))
            continue
        try:
            found.append(codes.ratings[ExpectationLevel.parse(text, key)])
        except UnknownLabelError as error:
            problems.append(_problem(path, error))
    quadrant = codes.quadrants.get(result.grade)
    if quadrant is None:
        reason = "not a grade of PermenPANRB 6/2022, so it has no SIASN quadrant"
        unsupported = UnsupportedInputError("grade", result.grade.value, reason)
        problems.append(_problem("$.result.grade", unsupported))
    if len(found) < 2 or quadrant is None:
        return None
    return found[0], found[1], quadrant


def _appraiser(appraiser: object, problems: list[Problem]) -> SiasnAppraiser | None:
    if isinstance(appraiser, SiasnAppraiser):
        return appraiser
    error: InvalidValueError
    if appraiser is None:
        error = MissingValueError("appraiser", None, "SIASN needs the appraiser (pejabat penilai)")
    else:
        error = UnsupportedInputError("appraiser", appraiser, "must be a SiasnAppraiser")
    problems.append(_problem("$.appraiser", error))
    return None


def _record_id(record_id: object, problems: list[Problem]) -> None:
    if record_id is not None and not is_text(record_id):
        reason = "must be SIASN's id of the record to replace, or None for a new record"
        problems.append(_problem("$.record_id", InvalidValueError("record_id", record_id, reason)))


def _annual_year(appraisal: Appraisal, year: object, problems: list[Problem]) -> int | None:
    period = appraisal.period
    if year is None:
        if period.kind is PeriodKind.YEAR:
            return period.start.year
        reason = (
            f"an annual SKP 2022 record is for a calendar year, and this appraisal covers "
            f"{period}; pass year= (the last period's result is the annual one) or use "
            f"periodic_record"
        )
        problems.append(
            _problem("$.appraisal.period", UnsupportedInputError("period", str(period), reason))
        )
        return None
    if isinstance(year, bool) or not isinstance(year, int):
        problems.append(_problem("$.year", InvalidValueError("year", year, "must be a whole year")))
        return None
    try:
        calendar_year = Period.year(year)
    except InvalidPeriodError as error:
        problems.append(_problem("$.year", error))
        return None
    if not calendar_year.contains(period):
        reason = f"the appraisal covers {period}, which lies outside the year {year}"
        problems.append(_problem("$.year", UnsupportedInputError("year", year, reason)))
        return None
    return year


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
    found = _codes_of(appraisal, result, codes, problems)
    _check_text(
        "$.pns_id", "pns_id", pns_id, "SIASN's id of the employee (pnsDinilaiOrang)", problems
    )
    person = _appraiser(appraiser, problems)
    tahun = _annual_year(appraisal, year, problems)
    _record_id(record_id, problems)
    if problems or found is None or person is None or tahun is None:
        raise InvalidInputError(problems)
    work, behaviour, quadrant = found
    return {
        "hasilKinerjaNilai": work,
        "id": record_id,
        "kuadranKinerjaNilai": quadrant,
        "penilaiGolongan": person.golongan_id,
        "penilaiJabatan": person.position,
        "penilaiNama": person.name,
        "penilaiNipNrp": person.nip_text,
        "penilaiUnorNama": person.unit,
        "perilakuKerjaNilai": behaviour,
        "pnsDinilaiOrang": pns_id,
        "statusPenilai": STATUS_TEXT[person.status],
        "tahun": tahun,
    }


_PERIODIC_KINDS: Final = (PeriodKind.MONTH, PeriodKind.QUARTER, PeriodKind.SEMESTER)


def _periodic_period(
    appraisal: Appraisal, period: object, problems: list[Problem]
) -> Period | None:
    if period is None:
        chosen, path = appraisal.period, "$.appraisal.period"
    elif isinstance(period, Period):
        chosen, path = period, "$.period"
    else:
        problems.append(
            _problem(
                "$.period", UnsupportedInputError("period", period, "must be a penilaian.Period")
            )
        )
        return None
    reason = None
    if chosen.kind is PeriodKind.YEAR:
        reason = "a whole year is the annual record (annual_record), not a periodic one"
    elif chosen.start.year != chosen.end.year:
        reason = "a periodic record lies within one calendar year"
    elif chosen.kind not in _PERIODIC_KINDS and (
        chosen.start.day != 1 or chosen.end != Period.month(chosen.end.year, chosen.end.month).end
    ):
        reason = (
            "SIASN records whole months; the range must start on a 1st and end on a month's end"
        )
    elif not appraisal.period.contains(chosen):
        reason = f"lies outside the appraisal's period {appraisal.period}"
    if reason is not None:
        problems.append(_problem(path, UnsupportedInputError("period", str(chosen), reason)))
        return None
    return chosen


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
    found = _codes_of(appraisal, result, codes, problems)
    _check_text("$.pns_id", "pns_id", pns_id, "SIASN's id of the employee (pnsDinilaiId)", problems)
    person = _appraiser(appraiser, problems)
    chosen = _periodic_period(appraisal, period, problems)
    _check_text(
        "$.periodik_id",
        "periodik_id",
        periodik_id,
        "the period's reference id (periodikId)",
        problems,
    )
    meaning = "the credit-point coefficient's reference id (koefisienId)"
    _check_text("$.koefisien_id", "koefisien_id", koefisien_id, meaning, problems)
    _record_id(record_id, problems)
    if problems or found is None or person is None or chosen is None:
        raise InvalidInputError(problems)
    work, behaviour, quadrant = found
    return {
        "bulanMulaiPenilaian": chosen.start.month,
        "bulanSelesaiPenilaian": chosen.end.month,
        "hasilKinerjaNilai": work,
        "id": record_id,
        "koefisienId": koefisien_id,
        "kuadranKinerjaNilai": quadrant,
        "penilaiGolongan": person.golongan_id,
        "penilaiJabatanNama": person.position,
        "penilaiNama": person.name,
        "penilaiNipNrp": person.nip_text,
        "penilaiUnorNama": person.unit,
        "perilakuKerjaNilai": behaviour,
        "periodikId": periodik_id,
        "pnsDinilaiId": pns_id,
        "statusPenilai": STATUS_TEXT[person.status],
        "tahun": chosen.start.year,
        "tahunMulaiPenilaian": chosen.start.year,
        "tahunSelesaiPenilaian": chosen.end.year,
    }


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


def _checked(records: Iterable[Mapping[str, object]]) -> list[SiasnRecord]:
    rows: list[SiasnRecord] = []
    problems: list[Problem] = []
    for index, record in enumerate(records):
        if not isinstance(record, Mapping):
            error = InvalidValueError("record", record, "must be a mapping of SIASN fields")
            problems.append(_problem(f"$[{index}]", error))
            continue
        row: SiasnRecord = {}
        items: Iterable[tuple[object, object]] = record.items()
        for key, value in items:
            if not isinstance(key, str) or not (
                value is None or isinstance(value, str) or type(value) is int
            ):
                reason = "SIASN fields are named by text and hold text, whole numbers or None"
                problems.append(
                    _problem(f"$[{index}][{key!r}]", InvalidValueError(str(key), value, reason))
                )
                continue
            row[key] = value
        rows.append(row)
    if problems:
        raise InvalidInputError(problems)
    return rows


def _write(target: str | os.PathLike[str] | TextIO, text: str) -> None:
    if isinstance(target, str | os.PathLike):
        with open(target, "w", encoding="utf-8", newline="") as stream:  # noqa: PTH123
            stream.write(text)
    else:
        target.write(text)


def write_json(
    records: Iterable[Mapping[str, object]], target: str | os.PathLike[str] | TextIO
) -> None:
    """
    Write *records* as one JSON array, UTF-8, indented, keys in their order.

    Args:
        records: Records from `annual_record` or `periodic_record` (or any
            mapping of text to text, whole numbers or `None`).
        target: A file path (written as UTF-8) or an open text stream.

    Raises:
        InvalidInputError: for a record that is not a mapping, or a value that is
            not text, a whole number or `None`, each at ``$[index]``.
    """
    rows = _checked(records)
    _write(target, json.dumps(rows, ensure_ascii=False, indent=2) + "\n")


def write_csv(
    records: Iterable[Mapping[str, object]],
    target: str | os.PathLike[str] | TextIO,
    *,
    fields: Iterable[str] | None = None,
) -> None:
    """
    Write *records* as CSV: a header row of SIASN's field names, then one row per record.

    Text is UTF-8 (without a byte-order mark), rows end in CRLF, and `None` is an
    empty cell.  All records must have the same keys: annual and periodic records
    go to separate files.

    Args:
        records: Records with the same keys, in the same order.
        target: A file path (written as UTF-8) or an open text stream (opened
            with ``newline=""``).
        fields: The header; by default the keys of the first record.  Give it
            (`SIASN_ANNUAL_FIELDS`, `SIASN_PERIODIC_FIELDS`) to write a header
            with no records.

    Raises:
        InvalidInputError: for a record whose keys differ from the header, and as
            `write_json`.
        InvalidValueError: for no records and no *fields*.
    """
    rows = _checked(records)
    if fields is None:
        if not rows:
            reason = "no records to take a header from; pass fields=SIASN_ANNUAL_FIELDS or similar"
            raise InvalidValueError("records", [], reason)
        fields = list(rows[0])
    header = list(fields)
    problems = [
        _problem(
            f"$[{index}]",
            InvalidValueError("record", list(row), f"must have the keys {', '.join(header)}"),
        )
        for index, row in enumerate(rows)
        if list(row) != header
    ]
    if problems:
        raise InvalidInputError(problems)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow(["" if row[key] is None else row[key] for key in header])
    _write(target, buffer.getvalue())
