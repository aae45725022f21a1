"""
The appraisal: one employee, one position, one period, their targets and what raters said.

`Appraisal` is the aggregate every scoring regime reads.  Its own fields are checked
by their types; the rules that span fields (unique ids, who may rate in which role,
ratings on their scales, dates inside the period, references that resolve) are
checked together when it is built, and every broken rule is reported at once in an
`InvalidInputError` whose problems carry JSON paths such as ``$.ratings[3].rater_id``.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping  # noqa: TC003 - attrs reads cached_property annotations
from types import MappingProxyType
from typing import TYPE_CHECKING, Final

import attrs

from penilaian._base.checks import (
    TUPLE,
    find_by_id,
    identifier,
    instance_of,
    items_of,
    repeated_indexes,
)
from penilaian.exceptions import (
    DuplicateIdError,
    InvalidInputError,
    InvalidValueError,
    Problem,
    SelfRatingError,
    UnknownReferenceError,
)
from penilaian.model.behaviour import BehaviourFramework, SpecialExpectation
from penilaian.model.grades import OrganisationGrade
from penilaian.model.innovations import Innovation, InnovationScope
from penilaian.model.organisation import Position
from penilaian.model.people import Employee
from penilaian.model.periods import Period
from penilaian.model.raters import (
    OVERALL_BEHAVIOUR,
    OVERALL_WORK_RESULTS,
    FeedbackNote,
    NumericScale,
    OrdinalScale,
    Rater,
    RaterRole,
    Rating,
    Scale,
    surely_on,
)
from penilaian.model.targets import Indicator, Realisation, WorkTarget

if TYPE_CHECKING:
    from collections.abc import Iterator
    from datetime import date

__all__ = ["Appraisal", "Innovation", "InnovationScope", "SpecialExpectation"]


def _unit_grade(value: OrganisationGrade | str | None) -> OrganisationGrade | None:
    return None if value is None else OrganisationGrade.parse(value, "unit_grade")


_FRAMEWORK: Final = "a BehaviourFramework, such as penilaian.BERAKHLAK"
_ROLE_IDS: Final = {role: role.value for role in RaterRole}
"""Each role's id, read without `enum.Enum`'s ``value`` property."""


@attrs.frozen
class Appraisal:
    """
    Everything known about one employee's performance in one period.

    Attributes:
        id: The appraisal's id, unique in the caller's system.
        employee: Who is appraised.
        position: The position held during the period.
        period: The period appraised.
        framework: The behaviour framework the behaviour ratings use.
        targets: The work targets (at least one), with their realisations.
        raters: Everyone who rates, each once; ids unique.
        scales: The scales the ratings use; ids unique.
        ratings: The ratings; each on its scale, by a known rater, about a known
            subject, at most one per rater and subject.
        feedback: Continuous feedback notes, dated inside the period.
        special_expectations: The leader's special expectations per behaviour
            aspect, for frameworks that have them.
        innovations: New ideas or methods created in the period, with their scope.
        unit_grade: The grade of the organisation unit the employee leads or
            belongs to (capaian kinerja organisasi), when known.
    """

    id: str = attrs.field(validator=identifier)
    employee: Employee = attrs.field(validator=instance_of(Employee, expected="an Employee"))
    position: Position = attrs.field(validator=instance_of(Position, expected="a Position"))
    period: Period = attrs.field(validator=instance_of(Period, expected="a Period"))
    framework: BehaviourFramework = attrs.field(
        validator=instance_of(BehaviourFramework, expected=_FRAMEWORK)
    )
    targets: tuple[WorkTarget, ...] = attrs.field(
        converter=TUPLE, validator=items_of(WorkTarget, expected="a WorkTarget")
    )
    raters: tuple[Rater, ...] = attrs.field(
        default=(), converter=TUPLE, validator=items_of(Rater, expected="a Rater")
    )
    scales: tuple[Scale, ...] = attrs.field(
        default=(),
        converter=TUPLE,
        validator=items_of(NumericScale, OrdinalScale, expected="a NumericScale or OrdinalScale"),
    )
    ratings: tuple[Rating, ...] = attrs.field(
        default=(), converter=TUPLE, validator=items_of(Rating, expected="a Rating")
    )
    feedback: tuple[FeedbackNote, ...] = attrs.field(
        default=(), converter=TUPLE, validator=items_of(FeedbackNote, expected="a FeedbackNote")
    )
    special_expectations: tuple[SpecialExpectation, ...] = attrs.field(
        default=(),
        converter=TUPLE,
        validator=items_of(SpecialExpectation, expected="a SpecialExpectation"),
    )
    innovations: tuple[Innovation, ...] = attrs.field(
        default=(), converter=TUPLE, validator=items_of(Innovation, expected="an Innovation")
    )
    unit_grade: OrganisationGrade | None = attrs.field(default=None, converter=_unit_grade)

    def __attrs_post_init__(self) -> None:
        problems = list(_problems(self))
        if problems:
            raise InvalidInputError(problems)

    # -- looking things up ------------------------------------------------------------

    def indicators(self) -> Iterator[tuple[WorkTarget, Indicator]]:
        """Yield every indicator with the work target it belongs to, in order."""
        for target in self.targets:
            for indicator in target.indicators:
                yield target, indicator

    def target(self, target_id: str) -> WorkTarget:
        """
        Return the work target with *target_id*.

        Raises:
            UnknownReferenceError: if there is none.
        """
        return find_by_id(self.targets, target_id, "target_id", "no work target has this id")

    def rater(self, rater_id: str) -> Rater:
        """
        Return the rater with *rater_id*.

        Raises:
            UnknownReferenceError: if there is none.
        """
        return find_by_id(self.raters, rater_id, "rater_id", "no rater has this id")

    def scale(self, scale_id: str) -> Scale:
        """
        Return the scale with *scale_id*.

        Raises:
            UnknownReferenceError: if there is none.
        """
        return find_by_id(self.scales, scale_id, "scale_id", "no scale has this id")

    @functools.cached_property
    def rater_roles(self) -> Mapping[str, RaterRole]:
        """Each rater's id with the role they rate in (computed once, read-only)."""
        return MappingProxyType({rater.id: rater.role for rater in self.raters})

    @functools.cached_property
    def ratings_by_subject(self) -> Mapping[str, tuple[tuple[int, Rating], ...]]:
        """Each rated subject with its ratings and their indexes in `ratings`, in order."""
        index: dict[str, list[tuple[int, Rating]]] = {}
        for position, rating in enumerate(self.ratings):
            index.setdefault(rating.subject, []).append((position, rating))
        return MappingProxyType({subject: tuple(found) for subject, found in index.items()})

    def ratings_by_subject_and_role(self) -> Mapping[str, Mapping[str, tuple[Rating, ...]]]:
        """
        Return each rated subject's ratings by their rater's role id, in order, read-only.

        Built anew on each call and not kept on the appraisal: an index kept on every live
        appraisal is what the garbage collector walks again and again when many are
        scored at once.  The aggregators keep the grouping of the appraisal they are
        scoring while they score it.
        """
        index = group_ratings(self)
        return MappingProxyType(
            {
                subject: MappingProxyType({role: tuple(found) for role, found in by_role.items()})
                for subject, by_role in index.items()
            }
        )

    def ratings_by(self, role: RaterRole | str) -> tuple[Rating, ...]:
        """Return the ratings given by raters in *role* (a member or any of its spellings)."""
        wanted = RaterRole.parse(role, "role")
        roles = self.rater_roles
        return tuple(rating for rating in self.ratings if roles[rating.rater_id] is wanted)

    def ratings_of(self, subject: str) -> tuple[Rating, ...]:
        """Return the ratings about *subject*, in order."""
        return tuple(rating for _, rating in self.ratings_by_subject.get(subject, ()))

    # -- domain verbs: each returns a new, re-validated appraisal ----------------------

    def with_realisation(
        self, target_id: str, indicator_id: str, realisation: Realisation | None
    ) -> Appraisal:
        """Return a copy with *realisation* recorded on one indicator (`None` withdraws it)."""
        found = self.target(target_id)
        targets = tuple(
            target.with_realisation(indicator_id, realisation) if target is found else target
            for target in self.targets
        )
        return attrs.evolve(self, targets=targets)

    def with_rater(self, rater: Rater) -> Appraisal:
        """Return a copy with *rater* added."""
        return attrs.evolve(self, raters=(*self.raters, rater))

    def with_rating(self, rating: Rating) -> Appraisal:
        """Return a copy with *rating* added."""
        return attrs.evolve(self, ratings=(*self.ratings, rating))

    def with_feedback(self, note: FeedbackNote) -> Appraisal:
        """Return a copy with *note* added."""
        return attrs.evolve(self, feedback=(*self.feedback, note))


def _problems(appraisal: Appraisal) -> Iterator[Problem]:
    """Yield every cross-field rule the appraisal breaks."""
    subjects = _subjects(appraisal)
    yield from _check_targets(appraisal)
    yield from _check_raters(appraisal)
    yield from _duplicates("scales", [scale.id for scale in appraisal.scales])
    yield from _check_ratings(appraisal, subjects)
    yield from _check_feedback(appraisal, subjects)
    yield from _check_special_expectations(appraisal)


def _duplicates(field: str, ids: list[str], suffix: str = ".id") -> Iterator[Problem]:
    for index in repeated_indexes(ids):
        error = DuplicateIdError(field, ids[index], "repeats an earlier id")
        yield Problem.from_error(f"$.{field}[{index}]{suffix}", error)


def _check_targets(appraisal: Appraisal) -> Iterator[Problem]:
    if not appraisal.targets:
        error = InvalidValueError("targets", (), "an appraisal needs at least one work target")
        yield Problem.from_error("$.targets", error)
    yield from _duplicates("targets", [target.id for target in appraisal.targets])
    places = [
        (t_index, i_index, indicator)
        for t_index, target in enumerate(appraisal.targets)
        for i_index, indicator in enumerate(target.indicators)
    ]
    for index in repeated_indexes([indicator.id for _, _, indicator in places]):
        t_index, i_index, indicator = places[index]
        error = DuplicateIdError("id", indicator.id, "repeats an indicator id")
        yield Problem.from_error(f"$.targets[{t_index}].indicators[{i_index}].id", error)
    for t_index, i_index, indicator in places:
        recorded_on = indicator.realisation and indicator.realisation.recorded_on
        if recorded_on and not appraisal.period.contains(recorded_on):
            path = f"$.targets[{t_index}].indicators[{i_index}].realisation.recorded_on"
            yield _outside_period(path, recorded_on, appraisal)


def _outside_period(path: str, day: date, appraisal: Appraisal) -> Problem:
    reason = f"outside the appraisal period {appraisal.period}"
    return Problem.from_error(path, InvalidValueError(path.rsplit(".", 1)[-1], day, reason))


def _check_raters(appraisal: Appraisal) -> Iterator[Problem]:
    yield from _duplicates("raters", [rater.id for rater in appraisal.raters])
    employee_id = appraisal.employee.id
    misplaced: set[int] = set()
    for index, rater in enumerate(appraisal.raters):
        is_employee = rater.employee_id == employee_id
        if rater.role is RaterRole.SELF and not is_employee:
            reason = f"a self rater must be the appraised employee ({employee_id})"
            wrong = SelfRatingError("employee_id", rater.employee_id, reason)
            yield Problem.from_error(f"$.raters[{index}].employee_id", wrong)
            misplaced.add(index)
        elif rater.role is not RaterRole.SELF and is_employee:
            reason = f"the appraised employee cannot rate in the {rater.role.value} role"
            yield Problem.from_error(
                f"$.raters[{index}].role", SelfRatingError("role", rater.role.value, reason)
            )
            misplaced.add(index)
    # One person, one entry (anonymous public respondents have no employee id).
    people = [
        (index, rater.employee_id)
        for index, rater in enumerate(appraisal.raters)
        if rater.employee_id is not None and index not in misplaced
    ]
    for repeat in repeated_indexes([person for _, person in people]):
        index, person = people[repeat]
        error = DuplicateIdError(
            "employee_id", person, "this person already rates in another entry"
        )
        yield Problem.from_error(f"$.raters[{index}].employee_id", error)


def _subjects(appraisal: Appraisal) -> set[str]:
    subjects = {OVERALL_WORK_RESULTS, OVERALL_BEHAVIOUR}
    subjects.update(aspect.id for aspect in appraisal.framework.aspects)
    for target, indicator in appraisal.indicators():
        subjects.add(target.id)
        subjects.add(indicator.id)
    return subjects


def _check_ratings(appraisal: Appraisal, subjects: set[str]) -> Iterator[Problem]:
    raters = {rater.id for rater in appraisal.raters}
    scales = {scale.id: scale for scale in appraisal.scales}
    # A rating that surely breaks no rule below is passed at once; any other is checked
    # rule by rule, and so each problem is found, worded and placed as before.
    surely = {scale_id: surely_on(scale) for scale_id, scale in scales.items()}
    for index, rating in enumerate(appraisal.ratings):
        test = surely.get(rating.scale_id)
        if test and rating.rater_id in raters and rating.subject in subjects and test(rating):
            continue
        path = f"$.ratings[{index}]"
        if rating.rater_id not in raters:
            error = UnknownReferenceError("rater_id", rating.rater_id, "no rater has this id")
            yield Problem.from_error(f"{path}.rater_id", error)
        if rating.subject not in subjects:
            reason = "not an aspect, target or indicator of this appraisal"
            yield Problem.from_error(
                f"{path}.subject", UnknownReferenceError("subject", rating.subject, reason)
            )
        scale = scales.get(rating.scale_id)
        if scale is None:
            error = UnknownReferenceError("scale_id", rating.scale_id, "no scale has this id")
            yield Problem.from_error(f"{path}.scale_id", error)
        else:
            try:
                rating.check_on(scale)
            except InvalidValueError as error:
                yield Problem.from_error(f"{path}.{error.field}", error)
    pairs = [(rating.rater_id, rating.subject) for rating in appraisal.ratings]
    for index in repeated_indexes(pairs):
        rating = appraisal.ratings[index]
        reason = f"rater {rating.rater_id} already rated {rating.subject}"
        yield Problem.from_error(
            f"$.ratings[{index}].subject", DuplicateIdError("subject", rating.subject, reason)
        )


def _check_feedback(appraisal: Appraisal, subjects: set[str]) -> Iterator[Problem]:
    raters = {rater.id for rater in appraisal.raters}
    for index, note in enumerate(appraisal.feedback):
        path = f"$.feedback[{index}]"
        if not appraisal.period.contains(note.given_on):
            yield _outside_period(f"{path}.given_on", note.given_on, appraisal)
        if note.author_id not in raters:
            error = UnknownReferenceError("author_id", note.author_id, "no rater has this id")
            yield Problem.from_error(f"{path}.author_id", error)
        if note.subject is not None and note.subject not in subjects:
            reason = "not an aspect, target or indicator of this appraisal"
            yield Problem.from_error(
                f"{path}.subject", UnknownReferenceError("subject", note.subject, reason)
            )


def _check_special_expectations(appraisal: Appraisal) -> Iterator[Problem]:
    framework = appraisal.framework
    expectations = appraisal.special_expectations
    if expectations and not framework.has_special_expectations:
        reason = f"framework {framework.id} has no special expectations"
        error = InvalidValueError("special_expectations", len(expectations), reason)
        yield Problem.from_error("$.special_expectations", error)
        return
    aspects = {aspect.id for aspect in framework.aspects}
    for index, expectation in enumerate(expectations):
        if expectation.aspect_id not in aspects:
            reason = f"not an aspect of framework {framework.id}"
            error = UnknownReferenceError("aspect_id", expectation.aspect_id, reason)
            yield Problem.from_error(f"$.special_expectations[{index}].aspect_id", error)
    yield from _duplicates(
        "special_expectations", [item.aspect_id for item in expectations], ".aspect_id"
    )


def group_ratings(appraisal: Appraisal) -> dict[str, dict[str, list[Rating]]]:
    """
    Return *appraisal*'s ratings by subject, then by their rater's role id, in order.

    A fresh grouping on each call, kept nowhere: `Appraisal.ratings_by_subject_and_role`
    gives it read-only, and the weighting policy's kernel reads it as it is.
    """
    roles = {rater.id: _ROLE_IDS[rater.role] for rater in appraisal.raters}
    index: dict[str, dict[str, list[Rating]]] = {}
    for rating in appraisal.ratings:
        by_role = index.get(rating.subject)
        if by_role is None:
            by_role = index[rating.subject] = {}
        role = roles[rating.rater_id]
        found = by_role.get(role)
        if found is None:
            by_role[role] = [rating]
        else:
            found.append(rating)
    return index
