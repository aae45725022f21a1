"""
Civil-servant identity numbers: the 18-digit NIP of a PNS and the NI PPPK of a PPPK.

A `Nip` keeps only the compact 18 digits and reads every group from them, so two
numbers are equal exactly when their digits are.  Every `Nip` that exists is valid.

Layouts (REGULATIONS.md section 5):

* PNS, Perka BKN 22/2007 [HIGH]: ``YYYYMMDD YYYYMM G NNN``: birth date, year and
  month of TMT CPNS (the first appointment; the day is always the 1st), gender
  (1 male, 2 female), sequence (from 001).
* PPPK [MED]: ``YYYYMMDD YYYY 2 F G NNN``: birth date, TMT year, the PPPK code
  ``2``, contract frequency 1-9, gender, sequence; the layout read by the
  open-source ``Nip.Pppk`` library.

Digits 13-14 tell the kinds apart: a month 01-12 means PNS; ``2`` followed by 1-9
(impossible as a month) means PPPK.  The 2025 "PPPK paruh waktu" example
``199009132025242014`` carries ``24`` there; one news site calls it a part-time
code, but under this rule it parses as a PPPK on a 4th contract [LOW, unresolved].
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Final

import attrs

from penilaian._base.labels import LabelledEnum
from penilaian.exceptions import InvalidNipError

__all__ = ["MINIMUM_APPOINTMENT_AGE", "Gender", "Nip", "NipKind"]

MINIMUM_APPOINTMENT_AGE: Final = 18
"""
Least TMT year minus birth year, compared on years alone.

A [LOW]-confidence convention: REGULATIONS.md says only "after age 18 or so".
"""

_MINIMUM_BIRTH_YEAR: Final = 1900
_LENGTH: Final = 18
_SEPARATORS: Final = re.compile(r"[\s.\-]+")
_DIGITS: Final = re.compile(r"[0-9]*")
_PPPK_CODE: Final = "2"


class NipKind(LabelledEnum):
    """Which kind of civil servant (ASN) a number identifies."""

    PNS = ("pns", "PNS", "Civil servant (PNS)", "pegawai negeri sipil")
    PPPK = ("pppk", "PPPK", "Contract civil servant (PPPK)", "p3k", "ni pppk")


class Gender(LabelledEnum):
    """Gender as recorded in digit 15 of a NIP: 1 male, 2 female."""

    MALE = ("male", "Laki-laki", "Male", "pria", "l", "1")
    FEMALE = ("female", "Perempuan", "Female", "wanita", "p", "2")


_GENDER_DIGITS: Final = {Gender.MALE: "1", Gender.FEMALE: "2"}


def _birth_date(digits: str, value: object) -> date:
    year, month, day = int(digits[:4]), int(digits[4:6]), int(digits[6:8])
    if year < _MINIMUM_BIRTH_YEAR:
        reason = f"birth year {year} is before {_MINIMUM_BIRTH_YEAR}"
        raise InvalidNipError(value, "birth date", reason)
    try:
        return date(year, month, day)
    except ValueError:
        reason = f"{digits[:8]} is not a calendar date (YYYYMMDD)"
        raise InvalidNipError(value, "birth date", reason) from None


def _kind(digits: str, value: object) -> NipKind:
    code = digits[12:14]
    if 1 <= int(code) <= 12:
        return NipKind.PNS
    if code[0] == _PPPK_CODE and code[1] != "0":
        return NipKind.PPPK
    reason = (
        f"appointment month {code} is not a month (01-12) and not a PPPK code (2 followed by 1-9)"
    )
    raise InvalidNipError(value, "appointment month", reason)


def _check(digits: str, value: object) -> None:
    """Raise `InvalidNipError` for the first group of *digits* that is wrong."""
    if not _DIGITS.fullmatch(digits):
        bad = ", ".join(repr(char) for char in sorted(set(_DIGITS.sub("", digits))))
        reason = f"contains {bad}; a NIP has only digits (Nip.parse also drops spaces, . and -)"
        raise InvalidNipError(value, "characters", reason)
    if len(digits) != _LENGTH:
        raise InvalidNipError(value, "length", f"has {len(digits)} digits; a NIP has 18")
    birth = _birth_date(digits, value)
    _kind(digits, value)
    age = int(digits[8:12]) - birth.year
    if age < MINIMUM_APPOINTMENT_AGE:
        reason = (
            f"appointment year {digits[8:12]} is {age} years after birth year {birth.year}; "
            f"at least {MINIMUM_APPOINTMENT_AGE} are required"
        )
        raise InvalidNipError(value, "appointment year", reason)
    if digits[14] not in _GENDER_DIGITS.values():
        reason = f"gender digit {digits[14]} is not 1 (male) or 2 (female)"
        raise InvalidNipError(value, "gender", reason)
    if digits[15:] == "000":
        raise InvalidNipError(value, "sequence", "sequence 000 is not allowed; it starts at 001")


def _validate(_instance: Nip, _attribute: attrs.Attribute[str], value: object) -> None:
    if not isinstance(value, str):
        raise InvalidNipError(value, "type", f"expected a str, got {type(value).__name__}")
    _check(value, value)


def _part(value: object, width: int, group: str, low: int) -> str:
    high = 10**width - 1
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise InvalidNipError(value, group, f"{group} must be a whole number from {low} to {high}")
    return f"{value:0{width}d}"


def _day(value: object, group: str) -> date:
    if isinstance(value, datetime) or not isinstance(value, date):
        raise InvalidNipError(value, group, f"{group} must be a datetime.date")
    return value


def _prefix(birth_date: date, gender: Gender) -> tuple[str, str]:
    birth = _day(birth_date, "birth date")
    if not isinstance(gender, Gender):
        raise InvalidNipError(gender, "gender", "expected a Gender")
    return f"{birth.year:04d}{birth.month:02d}{birth.day:02d}", _GENDER_DIGITS[gender]


@attrs.frozen
class Nip:
    """
    A valid 18-digit civil-servant number: a PNS NIP or a PPPK NI PPPK.

    Construct with `Nip.parse` for text as found in data, or with `Nip.for_pns` /
    `Nip.for_pppk` from its parts; ``Nip(digits)`` takes only the compact form.

    Attributes:
        digits: The canonical compact form, 18 ASCII digits.

    Raises:
        InvalidNipError: Naming the first wrong group, checked in the order
            characters, length, birth date (a real date, year >= 1900), appointment
            month, appointment year, gender, sequence; or ``type`` for a non-str.
    """

    digits: str = attrs.field(validator=_validate)

    @classmethod
    def parse(cls, text: str | int) -> Nip:
        """
        Read a NIP written compact or with separators.

        Args:
            text: The 18 digits, optionally grouped by spaces (any whitespace),
                dots or hyphens, with surrounding whitespace; or an 18-digit int.
                A shorter int is refused: it may have lost leading digits, for
                example when the NIP was stored as a number in a spreadsheet.

        Raises:
            InvalidNipError: Naming the first wrong group, or ``type`` for a bool,
                float, None or other non-text value.
        """
        if isinstance(text, bool) or not isinstance(text, str | int):
            reason = f"expected the NIP as text (or an 18-digit int), got {type(text).__name__}"
            raise InvalidNipError(text, "type", reason)
        if isinstance(text, str):  # a str of digits alone holds no separator to drop
            digits = text if type(text) is str and text.isdigit() else _SEPARATORS.sub("", text)
        elif text < 0:
            raise InvalidNipError(text, "characters", "a negative number is not a NIP")
        else:
            digits = str(text)
            if len(digits) != _LENGTH:
                reason = (
                    f"the number has {len(digits)} digits, not 18; it may have lost leading "
                    "digits (for example when stored as a number in a spreadsheet): pass text"
                )
                raise InvalidNipError(text, "length", reason)
        _check(digits, text)
        if cls is not Nip:
            return cls(digits)
        # Checked just now: built as attrs' __init__ builds it, its one slot set, without
        # the validator's second check of the same digits.
        nip = object.__new__(cls)
        object.__setattr__(nip, "digits", digits)
        return nip

    @classmethod
    def for_pns(cls, birth_date: date, appointment: date, gender: Gender, sequence: int) -> Nip:
        """
        Build a PNS NIP (Perka BKN 22/2007) from its parts.

        Args:
            birth_date: Date of birth.
            appointment: TMT CPNS; only its year and month are kept.
            gender: Gender.
            sequence: Sequence number, 1-999.

        Raises:
            InvalidNipError: If a part does not fit its group or the result is invalid.
        """
        birth, sex = _prefix(birth_date, gender)
        tmt = _day(appointment, "appointment")
        seq = _part(sequence, 3, "sequence", 1)
        return cls(f"{birth}{tmt.year:04d}{tmt.month:02d}{sex}{seq}")

    @classmethod
    def for_pppk(
        cls,
        birth_date: date,
        appointment_year: int,
        contract_number: int,
        gender: Gender,
        sequence: int,
    ) -> Nip:
        """
        Build a PPPK NI PPPK ([MED]-confidence layout) from its parts.

        Args:
            birth_date: Date of birth.
            appointment_year: Year of first appointment as calon PPPK (four digits).
            contract_number: How many work contracts (perjanjian kerja), 1-9.
            gender: Gender.
            sequence: Sequence number, 1-999.

        Raises:
            InvalidNipError: If a part does not fit its group or the result is invalid.
        """
        birth, sex = _prefix(birth_date, gender)
        year = _part(appointment_year, 4, "appointment year", 1000)
        contract = _part(contract_number, 1, "contract number", 1)
        seq = _part(sequence, 3, "sequence", 1)
        return cls(f"{birth}{year}{_PPPK_CODE}{contract}{sex}{seq}")

    @property
    def kind(self) -> NipKind:
        """PNS when digits 13-14 are a month, PPPK when they are 2 and a contract number."""
        return _kind(self.digits, self.digits)

    @property
    def birth_date(self) -> date:
        """Date of birth, digits 1-8."""
        return _birth_date(self.digits, self.digits)

    @property
    def appointment_year(self) -> int:
        """Year of first appointment (TMT), digits 9-12, for both kinds."""
        return int(self.digits[8:12])

    @property
    def appointment_date(self) -> date | None:
        """TMT CPNS, always the 1st of its month, for a PNS; None for a PPPK (no month)."""
        month = int(self.digits[12:14])
        return date(self.appointment_year, month, 1) if self.kind is NipKind.PNS else None

    @property
    def kind_digits(self) -> str:
        """
        Digits 13-14, which tell the kinds apart (REGULATIONS.md 5).

        A PNS's TMT month (``"01"``-``"12"``); a PPPK's PPPK code and contract number
        (``"21"``: code 2, first contract) [MED].  The 2025 "PPPK paruh waktu" example
        ``199009132025242014`` carries ``"24"``, read as a 4th contract [LOW, unresolved].

        >>> Nip("200012312024211001").kind_digits
        '21'
        """
        return self.digits[12:14]

    @property
    def pppk_code(self) -> str | None:
        """The PPPK code, digit 13 (``"2"``), for a PPPK; None for a PNS [MED]."""
        return self.digits[12] if self.kind is NipKind.PPPK else None

    @property
    def contract_number(self) -> int | None:
        """Contract frequency (digit 14) for a PPPK; None for a PNS."""
        return int(self.digits[13]) if self.kind is NipKind.PPPK else None

    @property
    def gender(self) -> Gender:
        """Gender, digit 15."""
        return Gender.FEMALE if self.digits[14] == "2" else Gender.MALE

    @property
    def sequence(self) -> int:
        """Sequence number, digits 16-18, at least 1."""
        return int(self.digits[15:])

    @property
    def spaced(self) -> str:
        """
        The digits grouped by spaces, as printed on documents.

        PNS: ``19860926 201505 1 001`` (birth, TMT year+month, gender, sequence).
        PPPK: ``20001231 2024 2 1 1 001`` (birth, TMT year, PPPK code, contract,
        gender, sequence), every group apart so the contract digit stays visible.
        """
        d = self.digits
        if self.kind is NipKind.PNS:
            return f"{d[:8]} {d[8:14]} {d[14]} {d[15:]}"
        return f"{d[:8]} {d[8:12]} {d[12]} {d[13]} {d[14]} {d[15:]}"

    def __str__(self) -> str:
        return self.digits
