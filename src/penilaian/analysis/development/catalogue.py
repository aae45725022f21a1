"""
The development catalogue: which actions develop which competency, as replaceable data.

A `DevelopmentAction` is one way to develop one competency: a kind of learning
(`ActionKind`: pelatihan klasikal, workshop, e-learning, coaching, mentoring,
detasering/magang, belajar mandiri), its typical length in JP (jam pelajaran) and its
share in the 70-20-10 model (`LearningShare`).  A `DevelopmentCatalogue` holds
actions in order of preference and checks that each names a competency it knows:
an aspect of one of its behaviour frameworks, or one of `GENERAL_COMPETENCIES`
(overall performance, work results and its four aspects, overall behaviour).

`DEFAULT_DEVELOPMENT_CATALOGUE` covers the seven BerAKHLAK values, the PP 46/2011 and
PP 30/2019 behaviour aspects and work results.  It is built from plain rows through
`DevelopmentCatalogue.from_mapping`, the constructor users call with their own data
(`penilaian.serialization.load_catalogue` reads it from a JSON text).  Its hours are
typical, not regulated.
"""

from __future__ import annotations

import functools
import types
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Final

import attrs

from penilaian._base.checks import TUPLE, at_least_one, non_empty, repeated_indexes
from penilaian._base.labels import LabelledEnum, Language
from penilaian.exceptions import (
    DuplicateIdError,
    InvalidInputError,
    InvalidValueError,
    Problem,
    UnknownReferenceError,
)
from penilaian.model.behaviour import BUILTIN_FRAMEWORKS, BehaviourFramework
from penilaian.model.raters import OVERALL_BEHAVIOUR, OVERALL_WORK_RESULTS
from penilaian.model.targets import Aspect

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = [
    "GENERAL_COMPETENCIES",
    "PERFORMANCE_COMPETENCY",
    "ActionKind",
    "DevelopmentAction",
    "DevelopmentCatalogue",
    "LearningShare",
    "known_competencies",
    "work_competency",
]

PERFORMANCE_COMPETENCY: Final = "performance"
"""The competency of overall performance, developed when only a low grade is known."""


def work_competency(aspect: Aspect | str) -> str:
    """Return the work-results competency of an indicator *aspect* (``work_results.time``)."""
    return f"{OVERALL_WORK_RESULTS}.{Aspect.parse(aspect, 'aspect').value}"


GENERAL_COMPETENCIES: Final[Mapping[str, tuple[str, str]]] = types.MappingProxyType(
    {
        PERFORMANCE_COMPETENCY: ("Kinerja secara keseluruhan", "Overall performance"),
        OVERALL_WORK_RESULTS: ("Hasil kerja", "Work results"),
        work_competency(Aspect.QUANTITY): ("Kuantitas hasil kerja", "Quantity of work"),
        work_competency(Aspect.QUALITY): ("Kualitas hasil kerja", "Quality of work"),
        work_competency(Aspect.TIME): ("Ketepatan waktu", "Timeliness"),
        work_competency(Aspect.COST): ("Efisiensi biaya", "Cost efficiency"),
        OVERALL_BEHAVIOUR: ("Perilaku kerja", "Work behaviour"),
    }
)
"""The competencies that are not behaviour aspects, with their Indonesian and English labels."""


def known_competencies(frameworks: Iterable[BehaviourFramework]) -> frozenset[str]:
    """Return the aspect ids of *frameworks* and the `GENERAL_COMPETENCIES`."""
    aspects = {aspect.id for framework in frameworks for aspect in framework.aspects}
    return frozenset(aspects | set(GENERAL_COMPETENCIES))


class LearningShare(LabelledEnum):
    """
    The part of the 70-20-10 model an action belongs to.

    About 70 % of development comes from experience on the job, 20 % from exposure
    to others (coaching, mentoring, feedback) and 10 % from formal learning.  The
    model is a rule of thumb of learning practice, not a regulation.
    """

    EXPERIENCE = ("experience", "Pengalaman kerja (70)", "Experience (70)", "70")
    EXPOSURE = ("exposure", "Interaksi sosial (20)", "Exposure (20)", "social", "20")
    FORMAL = ("formal", "Pembelajaran formal (10)", "Formal learning (10)", "10")

    @property
    def percent(self) -> int:
        """The share of development the model expects from this part: 70, 20 or 10."""
        return _PERCENT[self]


_PERCENT: Final = {
    LearningShare.EXPERIENCE: 70,
    LearningShare.EXPOSURE: 20,
    LearningShare.FORMAL: 10,
}


class ActionKind(LabelledEnum):
    """A kind of development action (classical and non-classical competence development)."""

    CLASSROOM = ("classroom_training", "Pelatihan klasikal", "Classroom training", "klasikal")
    WORKSHOP = ("workshop", "Lokakarya", "Workshop", "bimbingan teknis", "bimtek")
    E_LEARNING = ("e_learning", "E-learning", "E-learning", "pembelajaran elektronik")
    COACHING = ("coaching", "Coaching", "Coaching")
    MENTORING = ("mentoring", "Mentoring", "Mentoring")
    SECONDMENT = (
        "secondment",
        "Detasering/magang",
        "Job rotation or secondment",
        "detasering",
        "magang",
        "job rotation",
        "rotasi",
    )
    SELF_STUDY = ("self_study", "Belajar mandiri", "Self-study")

    @property
    def share(self) -> LearningShare:
        """The 70-20-10 part this kind usually belongs to."""
        return _KIND_SHARES[self]


_KIND_SHARES: Final = {
    ActionKind.CLASSROOM: LearningShare.FORMAL,
    ActionKind.WORKSHOP: LearningShare.FORMAL,
    ActionKind.E_LEARNING: LearningShare.FORMAL,
    ActionKind.SELF_STUDY: LearningShare.FORMAL,
    ActionKind.COACHING: LearningShare.EXPOSURE,
    ActionKind.MENTORING: LearningShare.EXPOSURE,
    ActionKind.SECONDMENT: LearningShare.EXPERIENCE,
}


def _kind_share(action: DevelopmentAction) -> LearningShare:
    return action.kind.share


@attrs.frozen
class DevelopmentAction:
    """
    One way to develop one competency.

    Attributes:
        id: Unique within its catalogue.
        competency: The competency it develops: a behaviour aspect id or one of
            `GENERAL_COMPETENCIES`.
        kind: The kind of learning.
        hours: Its typical length in JP (jam pelajaran); a whole number, at least 1.
        title_id: What it is, in Indonesian.
        title_en: What it is, in English.
        share: Its part in the 70-20-10 model; by default the kind's (`ActionKind.share`).
    """

    id: str = attrs.field(validator=non_empty)
    competency: str = attrs.field(validator=non_empty)
    kind: ActionKind = attrs.field(converter=ActionKind)
    hours: int = attrs.field(validator=at_least_one)
    title_id: str = attrs.field(validator=non_empty)
    title_en: str = attrs.field(validator=non_empty)
    share: LearningShare = attrs.field(
        default=attrs.Factory(_kind_share, takes_self=True), converter=LearningShare
    )

    def title(self, lang: Language = "id") -> str:
        """Return the title in *lang*: Indonesian by default, ``"en"`` for English."""
        return self.title_en if lang == "en" else self.title_id


_ACTION_KEYS: Final = frozenset(field.name for field in attrs.fields(DevelopmentAction))
_REQUIRED_KEYS: Final = ("id", "competency", "kind", "hours", "title_id", "title_en")


@attrs.frozen
class DevelopmentCatalogue:
    """
    The development actions available, in order of preference within each competency.

    Attributes:
        actions: The actions; at least one, ids unique, each for a known competency.
        frameworks: The behaviour frameworks whose aspects are known competencies
            (the three built-in ones by default).

    Raises:
        InvalidInputError: listing every problem, each with its path such as
            ``$.actions[3].competency`` and a typed error (`UnknownReferenceError`
            for an unknown competency, `DuplicateIdError` for a repeated id).
    """

    actions: tuple[DevelopmentAction, ...] = attrs.field(converter=TUPLE)
    frameworks: tuple[BehaviourFramework, ...] = attrs.field(
        default=tuple(BUILTIN_FRAMEWORKS.values()), converter=TUPLE
    )

    def __attrs_post_init__(self) -> None:
        problems = list(self._problems())
        if problems:
            raise InvalidInputError(problems)

    def _problems(self) -> Iterable[Problem]:
        if not self.actions:
            error = InvalidValueError("actions", (), "a catalogue needs at least one action")
            yield Problem("$.actions", error.reason, error)
        known = self.competencies
        valid: list[tuple[int, str]] = []
        for index, item in enumerate(self.actions):
            path = f"$.actions[{index}]"
            action: object = item  # checked: callers may pass anything
            if not isinstance(action, DevelopmentAction):
                error = InvalidValueError("actions", action, "must be a DevelopmentAction")
                yield Problem(path, error.reason, error)
                continue
            valid.append((index, action.id))
            if action.competency not in known:
                reason = f"action {action.id} names a competency no framework or work aspect has"
                error = UnknownReferenceError("competency", action.competency, reason)
                yield Problem(f"{path}.competency", f"{reason} (got {action.competency!r})", error)
        for repeat in repeated_indexes([action_id for _, action_id in valid]):
            index, action_id = valid[repeat]
            error = DuplicateIdError("id", action_id, "repeats an earlier action id")
            yield Problem(f"$.actions[{index}].id", f"{error.reason} (got {action_id!r})", error)

    @functools.cached_property
    def competencies(self) -> frozenset[str]:
        """The competencies an action may name: the frameworks' aspects and the general ones."""
        return known_competencies(self.frameworks)

    @functools.cached_property
    def _by_competency(self) -> Mapping[str, tuple[DevelopmentAction, ...]]:
        index: dict[str, list[DevelopmentAction]] = {}
        for action in self.actions:
            index.setdefault(action.competency, []).append(action)
        return types.MappingProxyType({key: tuple(found) for key, found in index.items()})

    def for_competency(self, competency: str) -> tuple[DevelopmentAction, ...]:
        """Return the actions for *competency* in catalogue order (none when it has none)."""
        return self._by_competency.get(competency, ())

    def position(self, action: DevelopmentAction) -> int:
        """Return the index of *action* in the catalogue (its order of preference)."""
        return self.actions.index(action)

    def with_actions(self, actions: Iterable[DevelopmentAction]) -> DevelopmentCatalogue:
        """Return a copy with *actions* added after the existing ones (checked again)."""
        return attrs.evolve(self, actions=(*self.actions, *actions))

    @classmethod
    def from_mapping(
        cls,
        data: Mapping[str, Any],
        *,
        frameworks: Iterable[BehaviourFramework] = tuple(BUILTIN_FRAMEWORKS.values()),
    ) -> DevelopmentCatalogue:
        """
        Build a catalogue from plain data: ``{"actions": [{"id": ..., ...}, ...]}``.

        Each action is a mapping with the keys ``id``, ``competency``, ``kind`` (an
        `ActionKind` id, label or alias), ``hours`` (whole JP), ``title_id``,
        ``title_en`` and optionally ``share`` (a `LearningShare`).  Unknown keys are
        refused, never dropped.

        Raises:
            InvalidInputError: listing every problem with its path (``$.actions[2].hours``).
        """
        given: object = data  # checked: JSON may hold anything
        if not isinstance(given, Mapping) or set(given) != {"actions"}:
            error = InvalidValueError("catalogue", given, 'must be a mapping with only "actions"')
            raise InvalidInputError([Problem("$", error.reason, error)])
        rows = given["actions"]
        if not isinstance(rows, list | tuple):
            error = InvalidValueError("actions", rows, "must be a list of actions")
            raise InvalidInputError([Problem("$.actions", error.reason, error)])
        actions: list[DevelopmentAction] = []
        problems: list[Problem] = []
        for index, row in enumerate(rows):
            path = f"$.actions[{index}]"
            try:
                actions.append(_action(row))
            except InvalidValueError as error:
                where = f"{path}.{error.field}" if error.field else path
                problems.append(Problem(where, str(error), error))
        if problems:
            raise InvalidInputError(problems)
        return cls(actions, tuple(frameworks))

    def to_mapping(self) -> dict[str, list[dict[str, object]]]:
        """Return the catalogue as plain data that `from_mapping` reads back to an equal one."""
        return {
            "actions": [
                {
                    "id": action.id,
                    "competency": action.competency,
                    "kind": action.kind.value,
                    "hours": action.hours,
                    "title_id": action.title_id,
                    "title_en": action.title_en,
                    "share": action.share.value,
                }
                for action in self.actions
            ]
        }


def _action(row: object) -> DevelopmentAction:
    if not isinstance(row, Mapping):
        raise InvalidValueError("", row, "an action must be a mapping")
    unknown = sorted(str(key) for key in row if key not in _ACTION_KEYS)
    if unknown:
        raise InvalidValueError(unknown[0], row[unknown[0]], "is not a field of an action")
    missing = [key for key in _REQUIRED_KEYS if key not in row]
    if missing:
        raise InvalidValueError(missing[0], None, "is required")
    fields = dict(row)
    fields["kind"] = ActionKind.parse(fields["kind"], "kind")
    if "share" in fields:
        fields["share"] = LearningShare.parse(fields["share"], "share")
    return DevelopmentAction(**fields)
