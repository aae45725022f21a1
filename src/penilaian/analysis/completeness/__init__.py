"""
Cycle completeness: who still lacks what in an appraisal cycle, per person and per unit.

`requirements_of` reads what a regime needs (`Requirements`); `person_completeness`
lists what one appraisal lacks (`MissingItem`, typed by `MissingKind`);
`check_completeness` does it for a whole cycle, grouped by unit (`CycleCompleteness`,
`UnitCompleteness`).
"""

from __future__ import annotations

from penilaian.analysis.completeness.check import (
    MissingItem,
    MissingKind,
    PersonCompleteness,
    person_completeness,
)
from penilaian.analysis.completeness.cycle import (
    CycleCompleteness,
    RequirementsFor,
    UnitCompleteness,
    check_completeness,
)
from penilaian.analysis.completeness.requirements import Requirements, requirements_of

__all__ = [
    "CycleCompleteness",
    "MissingItem",
    "MissingKind",
    "PersonCompleteness",
    "Requirements",
    "RequirementsFor",
    "UnitCompleteness",
    "check_completeness",
    "person_completeness",
    "requirements_of",
]
