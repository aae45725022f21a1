"""The appraised person: `Employee`."""

from __future__ import annotations

import attrs

from penilaian._base.checks import identifier, non_empty, plain_case
from penilaian.model.nip import Nip, NipKind

__all__ = ["Employee"]


def _to_nip(value: Nip | str | int | None) -> Nip | None:
    """Take a `Nip`, its compact or spaced text, or `None` (no NIP: not a civil servant)."""
    if value is None or isinstance(value, Nip):
        return value
    return Nip.parse(value)


plain_case("v is None or type(v) is Nip", Nip=Nip)(_to_nip)


@attrs.frozen
class Employee:
    """
    A person who is appraised.

    Attributes:
        id: The employee's id in the caller's system (often the NIP itself).
        name: The full name.
        nip: The civil-servant number (NIP or NI PPPK); `None` for people
            outside the civil service.
    """

    id: str = attrs.field(validator=identifier)
    name: str = attrs.field(validator=non_empty)
    nip: Nip | None = attrs.field(default=None, converter=_to_nip)

    @property
    def status(self) -> NipKind | None:
        """PNS or PPPK, as the NIP says; `None` without a NIP."""
        return None if self.nip is None else self.nip.kind
