"""
One person's completeness: what their appraisal still lacks, each item typed and placed.

`person_completeness` compares an `penilaian.Appraisal` with the `Requirements` of
its regime and lists each `MissingItem`: its `MissingKind`, the JSON path in the
appraisal where it would go, the subject it is about, and how many were needed and
found.  Missing is not zero: an item is listed because nothing is there, never
because a value is 0; an appraisal that has everything lists nothing.
"""

from __future__ import annotations

from collections import Counter
from types import MappingProxyType
from typing import TYPE_CHECKING, Final

import attrs

from penilaian._base.checks import TUPLE
from penilaian._base.labels import LabelledEnum, Language
from penilaian._base.trace import Rule
from penilaian.analysis.completeness.requirements import Requirements
from penilaian.exceptions import InvalidValueError
from penilaian.model.appraisal import Appraisal
from penilaian.model.raters import OVERALL_WORK_RESULTS, RaterRole

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping

__all__ = ["MissingItem", "MissingKind", "PersonCompleteness", "person_completeness"]


class MissingKind(LabelledEnum):
    """What kind of thing an appraisal still lacks."""

    TARGETS = ("targets", "Rencana hasil kerja", "Work targets")
    REALISATION = ("realisation", "Realisasi", "Realisation")
    SELF_RATING = ("self_rating", "Penilaian diri", "Self rating")
    SUPERVISOR_RATING = ("supervisor_rating", "Penilaian atasan langsung", "Supervisor's rating")
    SECOND_LEVEL_RATING = (
        "second_level_rating",
        "Penilaian atasan pejabat penilai",
        "Second-level supervisor's rating",
    )
    PEER_RATINGS = ("peer_ratings", "Penilaian rekan kerja", "Peer ratings")
    SUBORDINATE_RATINGS = ("subordinate_ratings", "Penilaian bawahan", "Subordinate ratings")
    PUBLIC_RATINGS = ("public_ratings", "Penilaian penerima layanan", "Public ratings")
    UNIT_GRADE = ("unit_grade", "Capaian kinerja organisasi", "Unit's grade")
    FEEDBACK = ("feedback", "Umpan balik berkelanjutan", "Continuous feedback")


ROLE_KINDS: Final[Mapping[RaterRole, MissingKind]] = MappingProxyType(
    {
        RaterRole.SELF: MissingKind.SELF_RATING,
        RaterRole.SUPERVISOR: MissingKind.SUPERVISOR_RATING,
        RaterRole.SECOND_LEVEL_SUPERVISOR: MissingKind.SECOND_LEVEL_RATING,
        RaterRole.PEER: MissingKind.PEER_RATINGS,
        RaterRole.SUBORDINATE: MissingKind.SUBORDINATE_RATINGS,
        RaterRole.PUBLIC: MissingKind.PUBLIC_RATINGS,
    }
)
"""The kind of missing item for each rater role."""


@attrs.frozen
class MissingItem:
    """
    One thing an appraisal still lacks.

    Attributes:
        kind: What is missing.
        path: Where it would go, as a JSON path into the appraisal
            (``$.targets[0].indicators[1].realisation``, ``$.ratings``, ``$.feedback``).
        subject: The rated subject, target or indicator it is about, if any.
        needed: How many are needed (ratings of a role: its minimum; otherwise 1).
        found: How many there are (fewer than `needed`).
        rule: Why it is needed: the regime's rule, with its clause.
    """

    kind: MissingKind
    path: str
    subject: str | None
    needed: int
    found: int
    rule: Rule

    def describe(self, lang: Language = "id") -> str:
        """
        Say what is missing, in *lang*.

        >>> from penilaian import Pp46Regime
        >>> from penilaian.analysis.completeness import requirements_of
        >>> item = MissingItem(MissingKind.PEER_RATINGS, "$.ratings", "integrity", 3, 1,
        ...                    requirements_of(Pp46Regime()).rule)
        >>> item.describe("en")
        'Peer ratings (integrity): 1 of 3 at $.ratings'
        """
        about = f" ({self.subject})" if self.subject else ""
        joiner = "of" if lang == "en" else "dari"
        where = "at" if lang == "en" else "di"
        count = f": {self.found} {joiner} {self.needed}" if self.needed > 1 else ""
        return f"{self.kind.label(lang)}{about}{count} {where} {self.path}"


def count_kinds(
    items: Iterator[MissingItem] | tuple[MissingItem, ...],
) -> Mapping[MissingKind, int]:
    """Return how many items of each kind, in the order of `MissingKind`, zeros left out."""
    counted = Counter(item.kind for item in items)
    return MappingProxyType({kind: counted[kind] for kind in MissingKind if counted[kind]})


@attrs.frozen
class PersonCompleteness:
    """
    What one appraisal still lacks.

    Attributes:
        appraisal_id: The appraisal's id.
        employee_id: The appraised employee's id.
        unit_id: The unit of the employee's position (`penilaian.Position.unit_id`).
        regime: The regime the requirements are for.
        missing: Each item still lacking, in the order of the appraisal.
    """

    appraisal_id: str
    employee_id: str
    unit_id: str | None
    regime: str
    missing: tuple[MissingItem, ...] = attrs.field(converter=TUPLE)

    @property
    def is_complete(self) -> bool:
        """Whether nothing is missing."""
        return not self.missing

    @property
    def counts(self) -> Mapping[MissingKind, int]:
        """How many items of each kind are missing (kinds with none left out)."""
        return count_kinds(self.missing)


def _targets(appraisal: Appraisal, needs: Requirements) -> Iterator[MissingItem]:
    if not needs.realisations:
        return
    if not any(target.kind in needs.realisations for target in appraisal.targets):
        kinds = "/".join(kind.value for kind in needs.realisations)
        yield MissingItem(MissingKind.TARGETS, "$.targets", kinds, 1, 0, needs.rule)
    for t_index, target in enumerate(appraisal.targets):
        if target.kind not in needs.realisations:
            continue
        for i_index, indicator in enumerate(target.indicators):
            if indicator.realisation is None:
                path = f"$.targets[{t_index}].indicators[{i_index}].realisation"
                yield MissingItem(MissingKind.REALISATION, path, indicator.id, 1, 0, needs.rule)


def _subjects(appraisal: Appraisal, needs: Requirements) -> list[str]:
    subjects = list(needs.subjects)
    if needs.aspects:
        aspects = appraisal.framework.aspects_for(appraisal.position.kind)
        subjects += [aspect.id for aspect in aspects if aspect.id not in subjects]
    return subjects


def _ratings(appraisal: Appraisal, needs: Requirements) -> Iterator[MissingItem]:
    leader = needs.leader_unit_grade and appraisal.position.leads_unit
    roles = appraisal.rater_roles
    for subject in _subjects(appraisal, needs):
        if leader and subject == OVERALL_WORK_RESULTS:
            if appraisal.unit_grade is None:
                yield MissingItem(MissingKind.UNIT_GRADE, "$.unit_grade", subject, 1, 0, needs.rule)
            continue
        found = Counter(roles[rating.rater_id] for rating in appraisal.ratings_of(subject))
        for role, needed in needs.roles.items():
            if found[role] < needed:
                kind = ROLE_KINDS[role]
                yield MissingItem(kind, "$.ratings", subject, needed, found[role], needs.rule)


def person_completeness(appraisal: Appraisal, requirements: Requirements) -> PersonCompleteness:
    """
    Return what *appraisal* still lacks under *requirements*.

    Realisations come first (in the order of the targets), then ratings (subject
    by subject, role by role), the unit's grade for a leader, then feedback.

    Raises:
        InvalidValueError: for an *appraisal* that is not an `penilaian.Appraisal`
            or *requirements* that are not `Requirements`.
    """
    if not isinstance(appraisal, Appraisal):
        raise InvalidValueError("appraisal", appraisal, "must be an Appraisal")
    if not isinstance(requirements, Requirements):
        raise InvalidValueError("requirements", requirements, "must be Requirements")
    missing = [*_targets(appraisal, requirements), *_ratings(appraisal, requirements)]
    if requirements.feedback and not appraisal.feedback:
        missing.append(
            MissingItem(MissingKind.FEEDBACK, "$.feedback", None, 1, 0, requirements.rule)
        )
    return PersonCompleteness(
        appraisal.id,
        appraisal.employee.id,
        appraisal.position.unit_id,
        requirements.regime,
        tuple(missing),
    )
