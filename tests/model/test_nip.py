"""Tests for `penilaian.model.nip`: parsing, validating and building NIP / NI PPPK numbers."""

from __future__ import annotations

import pickle
from datetime import date

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from base.wrong_values import JUNK, fields_of, only_typed_errors, refused_at, wrong_cases
from penilaian.exceptions import InvalidNipError, InvalidValueError, PenilaianError
from penilaian.model.nip import MINIMUM_APPOINTMENT_AGE, Gender, Nip, NipKind
from strategies import genders, nip_kinds, nip_pns_parts, nip_pppk_parts, nips

PNS_EXAMPLE = "198609262015051001"
PPPK_EXAMPLE = "200012312024211001"
PART_TIME_EXAMPLE = "199009132025242014"


def _rejection(text: object) -> InvalidNipError:
    with pytest.raises(InvalidNipError) as caught:
        Nip.parse(text)  # type: ignore[arg-type]
    return caught.value


class TestNipRegulationExamples:
    """The worked examples of REGULATIONS.md section 5."""

    @pytest.mark.parametrize("text", ["19860926 201505 1 001", PNS_EXAMPLE])
    def test_pns_example(self, text):
        """Section 5 PNS example (Perka BKN 22/2007), spaced or compact, reads every group."""
        nip = Nip.parse(text)
        expected = (
            NipKind.PNS,
            date(1986, 9, 26),
            date(2015, 5, 1),
            2015,
            None,
            Gender.MALE,
            1,
        )
        actual = (
            nip.kind,
            nip.birth_date,
            nip.appointment_date,
            nip.appointment_year,
            nip.contract_number,
            nip.gender,
            nip.sequence,
        )
        assert expected == actual

    def test_pns_example_prints_spaced_and_compact(self):
        """The PNS example prints as on documents and as its compact digits."""
        nip = Nip.parse(PNS_EXAMPLE)
        expected = ("19860926 201505 1 001", PNS_EXAMPLE)
        assert expected == (nip.spaced, str(nip))

    def test_pppk_example(self):
        """Section 5 NI PPPK example [MED]: born 2000-12-31, TMT 2024, first contract, male, 001."""
        nip = Nip.parse(PPPK_EXAMPLE)
        expected = (NipKind.PPPK, date(2000, 12, 31), None, 2024, 1, Gender.MALE, 1)
        actual = (
            nip.kind,
            nip.birth_date,
            nip.appointment_date,
            nip.appointment_year,
            nip.contract_number,
            nip.gender,
            nip.sequence,
        )
        assert expected == actual

    def test_pppk_example_spaced(self):
        """The NI PPPK example prints with every group apart, and reads back from that form."""
        nip = Nip.parse(PPPK_EXAMPLE)
        expected = "20001231 2024 2 1 1 001"
        assert (expected, nip) == (nip.spaced, Nip.parse(expected))

    def test_part_time_example_reads_as_fourth_contract(self):
        """Section 5 unresolved 2025 paruh-waktu example: "24" in digits 13-14 is a 4th contract."""
        nip = Nip.parse(PART_TIME_EXAMPLE)
        expected = (NipKind.PPPK, date(1990, 9, 13), 2025, 4, Gender.FEMALE, 14)
        actual = (
            nip.kind,
            nip.birth_date,
            nip.appointment_year,
            nip.contract_number,
            nip.gender,
            nip.sequence,
        )
        assert expected == actual


class TestNipParse:
    """Input shapes that `Nip.parse` accepts and refuses."""

    @pytest.mark.parametrize(
        "text",
        [
            "  19860926 201505 1 001\n",
            "19860926.201505.1.001",
            "19860926-201505-1-001",
            "19860926\u00a0201505\t1  001",
            198609262015051001,
        ],
    )
    def test_separators_and_int_are_accepted(self, text):
        """Spaces, dots, hyphens, other whitespace and an 18-digit int all give the same number."""
        assert Nip(PNS_EXAMPLE) == Nip.parse(text)

    def test_int_that_lost_digits_is_refused(self):
        """An int shorter than 18 digits is refused with a hint about lost leading digits."""
        error = _rejection(98609262015051001)
        expected = ("length", 98609262015051001)
        assert expected == (error.group, error.value)
        assert "lost leading digits" in error.reason
        assert "spreadsheet" in str(error)

    def test_negative_int_is_refused(self):
        """A negative int is refused as bad characters."""
        expected = "characters"
        assert expected == _rejection(-198609262015051001).group

    @pytest.mark.parametrize("value", [True, False, None, 1.9860926201505101e17, [PNS_EXAMPLE]])
    def test_non_text_is_refused(self, value):
        """Booleans, None, floats and other objects are refused as the wrong type."""
        error = _rejection(value)
        assert ("type", value) == (error.group, error.value)

    def test_constructor_takes_only_the_compact_form(self):
        """`Nip(...)` refuses separators, which only `Nip.parse` drops."""
        with pytest.raises(InvalidNipError) as caught:
            Nip("19860926 201505 1 001")
        expected = "characters"
        assert expected == caught.value.group

    def test_constructor_refuses_non_text(self):
        """`Nip(...)` refuses a value that is not a str."""
        with pytest.raises(InvalidNipError) as caught:
            Nip(198609262015051001)  # type: ignore[arg-type]
        expected = "type"
        assert expected == caught.value.group

    def test_error_keeps_the_value_as_given(self):
        """The error carries the caller's text, not the compacted digits."""
        text = " 19860926 201513 1 001 "
        assert text == _rejection(text).value


class TestNipValidation:
    """Each group of digits is checked, and the first wrong group is reported."""

    @pytest.mark.parametrize(
        ("text", "group", "fragment"),
        [
            ("19860926x015051001", "characters", "'x'"),
            ("1986092620150510\u06601", "characters", "'\u0660'"),
            ("1986092620150510", "length", "has 16 digits"),
            ("1986092620150510011", "length", "has 19 digits"),
            ("", "length", "has 0 digits"),
            ("198602312015051001", "birth date", "19860231 is not a calendar date"),
            ("198613012015051001", "birth date", "not a calendar date"),
            ("189909262015051001", "birth date", "birth year 1899 is before 1900"),
            ("000000002015051001", "birth date", "before 1900"),
            ("198609262015131001", "appointment month", "appointment month 13 is not a month"),
            ("198609262015001001", "appointment month", "appointment month 00"),
            ("198609262015201001", "appointment month", "not a PPPK code (2 followed by 1-9)"),
            ("198609262015301001", "appointment month", "appointment month 30"),
            ("198609262003051001", "appointment year", "17 years after birth year 1986"),
            ("198609260000051001", "appointment year", "at least 18"),
            ("200012311990211001", "appointment year", "-10 years after"),
            ("198609262015053001", "gender", "gender digit 3 is not 1 (male) or 2 (female)"),
            ("198609262015050001", "gender", "gender digit 0"),
            ("198609262015051000", "sequence", "sequence 000"),
        ],
    )
    def test_bad_group_is_named(self, text, group, fragment):
        """A number wrong in one group is refused naming the group in the attribute and message."""
        error = _rejection(text)
        assert (group, text) == (error.group, error.value)
        assert fragment in error.reason
        assert f": {group}: " in str(error)

    @pytest.mark.parametrize(
        ("text", "group"),
        [
            ("1986x231201513300", "characters"),
            ("19860231201513300", "length"),
            ("198602312015133000", "birth date"),
            ("198609262000133000", "appointment month"),
            ("198609262000053000", "appointment year"),
            ("198609262015053000", "gender"),
        ],
    )
    def test_first_failing_group_is_reported(self, text, group):
        """Checks run in order characters, length, birth date, month, year, gender, sequence."""
        assert group == _rejection(text).group

    def test_minimum_appointment_age_boundary(self):
        """An appointment exactly 18 years after the birth year is valid; 17 is not."""
        expected = (18, 2004, "appointment year")
        actual = (
            MINIMUM_APPOINTMENT_AGE,
            Nip.parse("198609262004051001").appointment_year,
            _rejection("198609262003051001").group,
        )
        assert expected == actual

    def test_pppk_contract_digits_one_to_nine(self):
        """Digits 13-14 from "21" to "29" are all PPPK contracts 1 to 9."""
        expected = list(range(1, 10))
        actual = [Nip.parse(f"2000123120242{n}1001").contract_number for n in range(1, 10)]
        assert expected == actual


class TestNipProperties:
    """Laws that hold for every valid number."""

    @given(nips())
    def test_compact_text_round_trips(self, nip):
        """Parsing the compact form gives the same number back."""
        assert nip == Nip.parse(str(nip))

    @given(nips())
    def test_spaced_text_round_trips(self, nip):
        """Parsing the spaced form gives the same number back."""
        assert nip == Nip.parse(nip.spaced)

    @given(nips())
    def test_int_and_dotted_forms_round_trip(self, nip):
        """The 18-digit int and the dotted form parse to the same number."""
        assert (nip, nip) == (Nip.parse(int(nip.digits)), Nip.parse(nip.spaced.replace(" ", ".")))

    @given(nips())
    def test_kind_decides_which_parts_exist(self, nip):
        """A PNS has an appointment date and no contract; a PPPK the other way round."""
        expected = nip.kind is NipKind.PNS
        assert (expected, not expected) == (
            nip.appointment_date is not None,
            nip.contract_number is not None,
        )

    @given(nips())
    def test_digits_are_eighteen_ascii_digits(self, nip):
        """The canonical form is 18 ASCII digits, and the spaced form only adds spaces."""
        assert (18, True, nip.digits) == (
            len(nip.digits),
            nip.digits.isascii() and nip.digits.isdigit(),
            nip.spaced.replace(" ", ""),
        )


class TestNipNamedConstructors:
    """`Nip.for_pns` and `Nip.for_pppk` build numbers whose groups read back as given."""

    @given(nip_pns_parts())
    def test_for_pns_round_trips(self, parts):
        """Every part given to `for_pns` reads back (the TMT on the 1st of its month)."""
        nip = Nip.for_pns(**parts)
        appointment = parts["appointment"]
        expected = (
            NipKind.PNS,
            parts["birth_date"],
            appointment.replace(day=1),
            appointment.year,
            parts["gender"],
            parts["sequence"],
        )
        actual = (
            nip.kind,
            nip.birth_date,
            nip.appointment_date,
            nip.appointment_year,
            nip.gender,
            nip.sequence,
        )
        assert expected == actual

    @given(nip_pppk_parts())
    def test_for_pppk_round_trips(self, parts):
        """Every part given to `for_pppk` reads back."""
        nip = Nip.for_pppk(**parts)
        expected = (
            NipKind.PPPK,
            parts["birth_date"],
            parts["appointment_year"],
            parts["contract_number"],
            parts["gender"],
            parts["sequence"],
        )
        actual = (
            nip.kind,
            nip.birth_date,
            nip.appointment_year,
            nip.contract_number,
            nip.gender,
            nip.sequence,
        )
        assert expected == actual

    def test_for_pns_builds_the_regulation_example(self):
        """The section 5 PNS example is built from its parts."""
        nip = Nip.for_pns(date(1986, 9, 26), date(2015, 5, 17), Gender.MALE, 1)
        assert Nip(PNS_EXAMPLE) == nip

    def test_for_pppk_builds_the_regulation_example(self):
        """The section 5 NI PPPK example is built from its parts."""
        nip = Nip.for_pppk(date(2000, 12, 31), 2024, 1, Gender.MALE, 1)
        assert Nip(PPPK_EXAMPLE) == nip

    @pytest.mark.parametrize(
        ("kwargs", "group"),
        [
            ({"sequence": 0}, "sequence"),
            ({"sequence": 1000}, "sequence"),
            ({"sequence": True}, "sequence"),
            ({"contract_number": 0}, "contract number"),
            ({"contract_number": 10}, "contract number"),
            ({"appointment_year": 999}, "appointment year"),
            ({"appointment_year": 10000}, "appointment year"),
            ({"appointment_year": 2010}, "appointment year"),
            ({"gender": "male"}, "gender"),
            ({"birth_date": date(1899, 12, 31)}, "birth date"),
        ],
    )
    def test_for_pppk_refuses_bad_parts(self, kwargs, group):
        """A part that does not fit its group is refused naming the group."""
        parts = {
            "birth_date": date(2000, 12, 31),
            "appointment_year": 2024,
            "contract_number": 1,
            "gender": Gender.MALE,
            "sequence": 1,
        }
        with pytest.raises(InvalidNipError) as caught:
            Nip.for_pppk(**(parts | kwargs))
        assert group == caught.value.group

    @pytest.mark.parametrize(
        ("kwargs", "group"),
        [
            ({"sequence": -1}, "sequence"),
            ({"gender": None}, "gender"),
            ({"appointment": date(2000, 1, 1)}, "appointment year"),
        ],
    )
    def test_for_pns_refuses_bad_parts(self, kwargs, group):
        """A part that does not fit its group, or a too-early appointment, is refused."""
        parts = {
            "birth_date": date(1986, 9, 26),
            "appointment": date(2015, 5, 1),
            "gender": Gender.FEMALE,
            "sequence": 1,
        }
        with pytest.raises(InvalidNipError) as caught:
            Nip.for_pns(**(parts | kwargs))
        assert group == caught.value.group


class TestNipLabels:
    """`NipKind` and `Gender` parse the spellings found in data."""

    @pytest.mark.parametrize(
        ("text", "kind"),
        [("PNS", NipKind.PNS), ("P3K", NipKind.PPPK), ("NI PPPK", NipKind.PPPK)],
    )
    def test_kind_aliases(self, text, kind):
        """Official abbreviations and aliases name the kind."""
        assert kind == NipKind.parse(text)

    @pytest.mark.parametrize(
        ("text", "gender"),
        [
            ("L", Gender.MALE),
            ("Laki-laki", Gender.MALE),
            ("P", Gender.FEMALE),
            ("2", Gender.FEMALE),
        ],
    )
    def test_gender_aliases(self, text, gender):
        """The Indonesian labels, their initials and the NIP digit name the gender."""
        assert gender == Gender.parse(text)

    @given(genders(), nip_kinds())
    def test_labels_round_trip(self, gender, kind):
        """Both labels of every member parse back to it."""
        expected = (gender, gender, kind, kind)
        actual = (
            Gender.parse(gender.label("id")),
            Gender.parse(gender.label("en")),
            NipKind.parse(kind.label("id")),
            NipKind.parse(kind.label("en")),
        )
        assert expected == actual


class TestInvalidNipError:
    """Where `InvalidNipError` sits in the error hierarchy."""

    def test_is_a_value_error_and_a_penilaian_error(self):
        """Callers may catch it as ValueError, InvalidValueError or PenilaianError."""
        error = _rejection("123")
        expected = (True, True, True, "nip")
        actual = (
            isinstance(error, ValueError),
            isinstance(error, InvalidValueError),
            isinstance(error, PenilaianError),
            error.field,
        )
        assert expected == actual


ARGUMENTS = {Nip: {"digits": PNS_EXAMPLE}}


class TestWrongTypes:
    """Wrong types are refused with typed errors that name the field, never bare errors."""

    @pytest.mark.parametrize(("cls", "field", "value"), wrong_cases(ARGUMENTS))
    def test_refused_at_the_field(self, cls, field, value):
        """A value of the wrong type is refused with a PenilaianError naming its field."""
        refused_at(cls, ARGUMENTS[cls], field, value, "nip")

    @pytest.mark.parametrize(("cls", "field"), fields_of(ARGUMENTS))
    @given(value=JUNK)
    def test_only_typed_errors(self, cls, field, value):
        """Any value is either refused with a PenilaianError or kept as the field's type."""
        only_typed_errors(cls, ARGUMENTS[cls], field, value)

    @pytest.mark.parametrize(
        ("build", "group"),
        [
            (lambda: Nip.parse(None), "type"),
            (lambda: Nip.parse([PNS_EXAMPLE]), "type"),
            (lambda: Nip.for_pns("1986-09-26", date(2015, 5, 1), Gender.MALE, 1), "birth date"),
            (lambda: Nip.for_pns(date(1986, 9, 26), "2015-05", Gender.MALE, 1), "appointment"),
            (lambda: Nip.for_pns(date(1986, 9, 26), date(2015, 5, 1), "male", 1), "gender"),
            (lambda: Nip.for_pns(date(1986, 9, 26), date(2015, 5, 1), [1], 1), "gender"),
            (
                lambda: Nip.for_pns(date(1986, 9, 26), date(2015, 5, 1), Gender.MALE, "1"),
                "sequence",
            ),
            (lambda: Nip.for_pppk(None, 2024, 1, Gender.FEMALE, 1), "birth date"),
            (
                lambda: Nip.for_pppk(date(2000, 1, 1), "2024", 1, Gender.FEMALE, 1),
                "appointment year",
            ),
            (
                lambda: Nip.for_pppk(date(2000, 1, 1), 2024, 1.0, Gender.FEMALE, 1),
                "contract number",
            ),
        ],
    )
    def test_named_constructors_name_the_part(self, build, group):
        """Nip.parse, Nip.for_pns and Nip.for_pppk name the part of the wrong type."""
        with pytest.raises(InvalidNipError) as caught:
            build()
        assert caught.value.group == group


class TestKindDigits:
    """Digits 13-14 and the PPPK code (REGULATIONS.md 5) [MED]."""

    def test_pppk(self):
        """200012312024211001: PPPK code 2, first contract."""
        nip = Nip("200012312024211001")
        assert (nip.kind_digits, nip.pppk_code, nip.contract_number) == ("21", "2", 1)

    def test_pns(self):
        """A PNS's digits 13-14 are the TMT month; no PPPK code."""
        nip = Nip.parse("19860926 201505 1 001")
        assert (nip.kind_digits, nip.pppk_code) == ("05", None)

    def test_part_time_example(self):
        """The 2025 paruh waktu example carries 24: code 2, read as a 4th contract [LOW]."""
        nip = Nip("199009132025242014")
        assert (nip.kind_digits, nip.pppk_code, nip.contract_number) == ("24", "2", 4)

    @given(st.dates(date(1950, 1, 1), date(2005, 12, 31)), st.integers(1, 9), st.integers(1, 999))
    def test_built_pppk_numbers_read_back(self, birth, contract, sequence):
        """A PPPK number built from its parts gives back code 2 and its contract digit."""
        nip = Nip.for_pppk(birth, birth.year + 19, contract, Gender.FEMALE, sequence)
        assert (nip.pppk_code, nip.kind_digits) == ("2", f"2{contract}")


class TestParseBuildsAsInit:
    """`Nip.parse` sets the checked digits as ``Nip(digits)`` would, without checking twice."""

    @given(nip=nips(), spacing=st.sampled_from(["", " ", ".", "-", " \t"]), as_int=st.booleans())
    def test_the_same_object_as_init_builds(self, nip: Nip, spacing: str, as_int: bool) -> None:
        """Compact, spaced or a whole number: equal, with the same hash, repr and pickle."""
        digits = nip.digits
        text = spacing.join([digits[:8], digits[8:14], digits[14:15], digits[15:]])
        parsed = Nip.parse(int(digits) if as_int and digits[0] != "0" else text)
        built = Nip(digits)
        assert (parsed, hash(parsed), repr(parsed)) == (built, hash(built), repr(built))
        assert type(parsed.digits) is str
        assert parsed.digits == digits
        assert pickle.loads(pickle.dumps(parsed)) == built  # noqa: S301 - our own bytes

    def test_text_of_a_str_subclass_gives_a_plain_str(self) -> None:
        """The digits kept are a plain str, as the separators' removal gives them."""

        class Text(str):
            __slots__ = ()

        parsed = Nip.parse(Text(PNS_EXAMPLE))
        assert (type(parsed.digits), parsed) == (str, Nip(PNS_EXAMPLE))

    def test_a_subclass_is_built_by_calling_it(self) -> None:
        """Another class than Nip itself goes through its own __init__."""

        @attrs.frozen
        class Marked(Nip):
            seen: list[str] = attrs.field(factory=list)

            def __attrs_post_init__(self) -> None:
                self.seen.append(self.digits)

        parsed = Marked.parse(PNS_EXAMPLE)
        assert (type(parsed), parsed.seen) == (Marked, [PNS_EXAMPLE])

    def test_wrong_text_is_refused_as_before(self) -> None:
        """Digits that only look compact are still checked group by group."""
        cases = [
            ("19860926201505100", "length"),
            ("198609262015131001", "appointment month"),
            ("\uff11" * 18, "characters"),
        ]
        for text, group in cases:
            assert _rejection(text).group == group
