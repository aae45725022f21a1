"""
Innovations (kreativitas, inovasi): what an employee created beyond the targets, and who benefits.

PP 46/2011 awards creativity points by who benefits; PP 30/2019 Pasal 41(5) asks for an
innovation that benefits the organisation or the state for the grade Sangat Baik.
"""

from __future__ import annotations

import attrs

from penilaian._base.checks import TUPLE, non_empty, optional_non_empty, texts
from penilaian._base.labels import LabelledEnum

__all__ = ["Innovation", "InnovationScope"]


class InnovationScope(LabelledEnum):
    """Who benefits from an innovation (PP 46/2011 kreativitas; PP 30/2019 Pasal 41(5))."""

    UNIT = ("unit", "Unit kerja", "Work unit", "unit organisasi")
    ORGANISATION = ("organisation", "Organisasi", "Organisation", "instansi", "organization")
    STATE = ("state", "Negara", "State", "nasional", "national")


def _scope(value: InnovationScope | str) -> InnovationScope:
    return InnovationScope.parse(value, "scope")


@attrs.frozen
class Innovation:
    """
    A new idea, method or product the employee created, with its evidence.

    PP 46/2011 awards creativity points by who benefits (unit, organisation, state),
    backed by a surat keterangan; PP 30/2019 Pasal 41(5) requires one that benefits
    the organisation or the state for the grade Sangat Baik.

    Attributes:
        description: What was created.
        scope: Who it benefits.
        evidence: References to the evidence (the surat keterangan, reports).
        certified_by: Who signed the surat keterangan, if recorded.
    """

    description: str = attrs.field(validator=non_empty)
    scope: InnovationScope = attrs.field(converter=_scope)
    evidence: tuple[str, ...] = attrs.field(default=(), converter=TUPLE, validator=texts)
    certified_by: str | None = attrs.field(default=None, validator=optional_non_empty)
