"""Tests for penilaian.model.people: the appraised employee."""

from __future__ import annotations

import pytest
from hypothesis import given

from base.wrong_values import JUNK, fields_of, only_typed_errors, refused_at, wrong_cases
from penilaian import Employee, Nip
from penilaian.exceptions import InvalidNipError, InvalidValueError
from penilaian.model import NipKind
from strategies import employees

PNS_DIGITS = "198609262015052001"
"""A PNS NIP: born 26 September 1986, TMT CPNS May 2015, female, sequence 1."""

PPPK_DIGITS = "200012312024211001"
"""An NI PPPK: born 31 December 2000, TMT 2024, first contract, male, sequence 1."""


class TestEmployee:
    @pytest.mark.parametrize(
        "nip",
        [
            "19860926 201505 2 001",
            PNS_DIGITS,
            " 19860926.201505.2.001 ",
            int(PNS_DIGITS),
            Nip(PNS_DIGITS),
        ],
    )
    def test_parses_nip(self, nip):
        """A NIP given spaced, compact, dotted, as an 18-digit int or as a Nip is kept as a Nip."""
        expected = Nip(PNS_DIGITS)
        assert expected == Employee("e1", "Ani Lestari", nip).nip

    @pytest.mark.parametrize(
        ("nip", "expected"), [(PNS_DIGITS, NipKind.PNS), (PPPK_DIGITS, NipKind.PPPK)]
    )
    def test_status_follows_the_nip(self, nip, expected):
        """The status is PNS or PPPK, as the NIP says."""
        assert expected == Employee("e1", "Ani Lestari", nip).status

    def test_no_nip_no_status(self):
        """Someone outside the civil service has no NIP and no status."""
        made = Employee("e1", "Ani Lestari")
        expected = (None, None)
        assert expected == (made.nip, made.status)

    @pytest.mark.parametrize("field", ["id", "name"])
    @pytest.mark.parametrize("value", ["", "   ", None])
    def test_rejects_empty_text(self, field, value):
        """The id and the name must be non-empty text."""
        with pytest.raises(InvalidValueError) as caught:
            Employee(**{"id": "e1", "name": "Ani Lestari", field: value})
        assert (field, value) == (caught.value.field, caught.value.value)

    @pytest.mark.parametrize(
        ("nip", "group"),
        [
            ("123", "length"),
            ("19860926 201513 2 001", "appointment month"),
            ("19860926 201505 3 001", "gender"),
            ("1986092620150520O1", "characters"),
            (1.5, "type"),
        ],
    )
    def test_rejects_bad_nip(self, nip, group):
        """A malformed NIP raises InvalidNipError naming the wrong group."""
        with pytest.raises(InvalidNipError) as caught:
            Employee("e1", "Ani Lestari", nip)
        assert ("nip", group) == (caught.value.field, caught.value.group)

    @given(employees())
    def test_status_is_the_nip_kind(self, employee):
        """For every employee, the status is the NIP's kind, or None without a NIP."""
        expected = None if employee.nip is None else employee.nip.kind
        assert expected == employee.status


ARGUMENTS = {Employee: {"id": "e-ani", "name": "Ani Lestari", "nip": PNS_DIGITS}}


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
