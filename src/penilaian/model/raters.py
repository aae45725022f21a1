"""
Who rates, on what scale, and what they said.

A `Rater` takes part in an appraisal in one `RaterRole`.  A `Rating` gives a value on a
`NumericScale` or an `OrdinalScale` for one subject: a behaviour aspect, a work
target or indicator, or the overall work results or behaviour.  A `FeedbackNote`
records continuous feedback (umpan balik berkelanjutan, PermenPANRB 6/2022 Pasal 5).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Final, TypeAlias

import attrs

from penilaian._base.bounds import MAX_ID_LENGTH, check_length
from penilaian._base.checks import (
    TUPLE,
    as_tuple,
    identifier,
    is_date,
    non_empty,
    optional_date,
    optional_identifier,
    optional_text,
    plain_case,
    repeated_indexes,
    texts,
)
from penilaian._base.labels import LabelledEnum, normalise_label
from penilaian._base.numbers import DECIMAL, OPTIONAL_DECIMAL
from penilaian.exceptions import (
    DuplicateIdError,
    InvalidNumberError,
    InvalidValueError,
    OffScaleError,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence

__all__ = [
    "EXPECTATION_SCALE",
    "OVERALL_BEHAVIOUR",
    "OVERALL_WORK_RESULTS",
    "ExpectationLevel",
    "FeedbackNote",
    "NumericScale",
    "OrdinalScale",
    "Rater",
    "RaterRole",
    "Rating",
    "Scale",
]

OVERALL_WORK_RESULTS: Final = "work_results"
"""Rating subject for the overall rating of work results (rating hasil kerja)."""

OVERALL_BEHAVIOUR: Final = "behaviour"
"""Rating subject for the overall rating of behaviour (rating perilaku kerja)."""


class RaterRole(LabelledEnum):
    """The side a rater speaks from (PermenPANRB 8/2021 p.75; 360-degree practice)."""

    SELF = ("self", "Diri sendiri", "Self", "mandiri", "penilaian diri")
    SUPERVISOR = (
        "supervisor",
        "Atasan langsung",
        "Supervisor",
        "atasan",
        "pejabat penilai",
        "pejabat penilai kinerja",
    )
    SECOND_LEVEL_SUPERVISOR = (
        "second_level_supervisor",
        "Atasan pejabat penilai",
        "Second-level supervisor",
        "atasan pejabat penilai kinerja",
        "atasan dari atasan langsung",
    )
    PEER = ("peer", "Rekan kerja setingkat", "Peer", "rekan kerja", "rekan sejawat")
    SUBORDINATE = ("subordinate", "Bawahan langsung", "Subordinate", "bawahan")
    PUBLIC = (
        "public",
        "Penerima layanan",
        "Service user (public)",
        "masyarakat",
        "pengguna layanan",
        "service user",
    )


class ExpectationLevel(LabelledEnum):
    """
    A rating against expectations (PermenPANRB 6/2022 Lampiran), lowest first.

    Besides the official "Di Bawah / Sesuai / Di Atas Ekspektasi", the names agencies
    write are accepted [MED, public e-Kinerja code and forms]: "tidak memenuhi" or "kurang
    dari ekspektasi" for below, "memenuhi ekspektasi" for meets, "melebihi" or "melampaui
    ekspektasi" for above, and the bare "di bawah", "sesuai", "di atas" of their
    ``di_bawah``/``sesuai``/``di_atas`` keys.  "Perlu perbaikan" is not taken for below:
    it is also the name of a grade.
    """

    BELOW = (
        "below_expectations",
        "Di Bawah Ekspektasi",
        "Below expectations",
        "dibawah ekspektasi",
        "di bawah ekspetasi",
        "below",
        "tidak memenuhi ekspektasi",
        "kurang dari ekspektasi",
        "di bawah",
    )
    MEETS = (
        "meets_expectations",
        "Sesuai Ekspektasi",
        "Meets expectations",
        "sesuai ekspetasi",
        "meets",
        "memenuhi ekspektasi",
        "memenuhi",
        "sesuai",
    )
    ABOVE = (
        "above_expectations",
        "Di Atas Ekspektasi",
        "Above expectations",
        "diatas ekspektasi",
        "di atas ekspetasi",
        "above",
        "melebihi ekspektasi",
        "melampaui ekspektasi",
        "melebihi",
        "melampaui",
        "di atas",
    )


def _role(value: RaterRole | str) -> RaterRole:
    return RaterRole.parse(value, "role")


plain_case("type(v) is RaterRole", RaterRole=RaterRole)(_role)


@attrs.frozen
class Rater:
    """
    A person (or, for the public role, a respondent) who rates the appraised employee.

    Attributes:
        id: Unique within the appraisal.
        role: The side the rater speaks from.
        employee_id: The rater's employee id; required for every role but the public.
        name: A display name, if wanted.
    """

    id: str = attrs.field(validator=identifier)
    role: RaterRole = attrs.field(converter=_role)
    employee_id: str | None = attrs.field(default=None, validator=optional_identifier)
    name: str | None = attrs.field(default=None, validator=optional_text)

    @plain_case("self.employee_id is not None")
    def __attrs_post_init__(self) -> None:
        if self.employee_id is None and self.role is not RaterRole.PUBLIC:
            raise InvalidValueError(
                "employee_id", None, f"a rater in the {self.role.value} role must be an employee"
            )


def _whole_steps(score: Decimal, start: Decimal, step: Decimal) -> bool:
    """Tell whether (score - start) / step is whole, in integers (Decimal's - and % round)."""
    score_n, score_d = score.as_integer_ratio()
    start_n, start_d = start.as_integer_ratio()
    step_n, step_d = step.as_integer_ratio()
    # (score_n/score_d - start_n/start_d) / (step_n/step_d), as one integer fraction.
    numerator = (score_n * start_d - start_n * score_d) * step_d
    return numerator % (score_d * start_d * step_n) == 0


def _is_exact(value: object) -> bool:
    return isinstance(value, Decimal | Fraction | int) and not isinstance(value, bool)


@attrs.frozen
class NumericScale:
    """
    A closed numeric range such as 0-100 (PP 46/2011 behaviour) or 1-4 (IKM survey).

    Attributes:
        id: Unique within the appraisal.
        minimum: The lowest value allowed.
        maximum: The highest value allowed; greater than *minimum*.
        step: If given, every value must be *minimum* plus a whole number of steps.
    """

    id: str = attrs.field(validator=identifier)
    minimum: Decimal = attrs.field(converter=DECIMAL)
    maximum: Decimal = attrs.field(converter=DECIMAL)
    step: Decimal | None = attrs.field(default=None, converter=OPTIONAL_DECIMAL)

    @maximum.validator
    def _check_maximum(self, attribute: attrs.Attribute[Decimal], value: Decimal) -> None:
        if value <= self.minimum:
            raise InvalidValueError(
                attribute.name, value, f"must be greater than minimum ({self.minimum})"
            )

    @step.validator
    def _check_step(
        self, attribute: attrs.Attribute[Decimal | None], value: Decimal | None
    ) -> None:
        if value is not None and value <= 0:
            raise InvalidNumberError(attribute.name, value, "must be greater than 0")

    def check(self, score: Decimal, field: str = "score") -> Decimal:
        """
        Return *score* if it lies on this scale.

        Raises:
            OffScaleError: naming *field*, the scale and its bounds or step, or saying
                that *score* is not an exact number.
        """
        if not _is_exact(score):
            raise OffScaleError(field, score, f"must be an exact number on scale {self.id}")
        if not self.minimum <= score <= self.maximum:
            raise OffScaleError(
                field, score, f"outside scale {self.id} ({self.minimum} to {self.maximum})"
            )
        if self.step is not None and not _whole_steps(score, self.minimum, self.step):
            raise OffScaleError(field, score, f"not a step of {self.step} on scale {self.id}")
        return score


def _alias_pairs(value: Iterable[Sequence[str]]) -> tuple[tuple[str, str], ...]:
    """Make each ``[alias, level]`` pair a tuple; anything else is left for the validator."""
    items = as_tuple(value, "aliases")
    if all(type(item) is tuple for item in items):
        return items  # already pairs (structured, or a converter re-run): nothing to copy
    return tuple(tuple(item) if isinstance(item, list | tuple) else item for item in items)


def _is_name(value: object) -> bool:
    return isinstance(value, str) and bool(normalise_label(value))


def _is_text_pair(pair: object) -> bool:
    return (
        isinstance(pair, tuple) and len(pair) == 2 and all(isinstance(part, str) for part in pair)
    )


@attrs.frozen
class OrdinalScale:
    """
    An ordered set of named levels, lowest first, such as the expectation scale.

    Attributes:
        id: Unique within the appraisal.
        levels: The canonical level names, lowest first; at least two, distinct
            after folding case and punctuation.
        aliases: Other spellings of levels, as ``(alias, level)`` pairs.
    """

    id: str = attrs.field(validator=identifier)
    levels: tuple[str, ...] = attrs.field(converter=TUPLE)
    aliases: tuple[tuple[str, str], ...] = attrs.field(default=(), converter=_alias_pairs)

    @levels.validator
    def _check_levels(
        self, attribute: attrs.Attribute[tuple[str, ...]], value: tuple[str, ...]
    ) -> None:
        if len(value) < 2:
            raise InvalidValueError(attribute.name, value, "an ordinal scale needs two levels")
        for index, level in enumerate(value):
            if not _is_name(level):
                raise InvalidValueError(f"levels[{index}]", level, "must be a non-empty name")
            check_length(level, f"levels[{index}]", MAX_ID_LENGTH)
        for index in repeated_indexes([normalise_label(level) for level in value]):
            raise DuplicateIdError(f"levels[{index}]", value[index], "repeats an earlier level")

    @aliases.validator
    def _check_aliases(
        self,
        attribute: attrs.Attribute[tuple[tuple[str, str], ...]],
        value: tuple[tuple[str, str], ...],
    ) -> None:
        targets: dict[str, str] = {normalise_label(level): level for level in self.levels}
        for index, pair in enumerate(value):
            field = f"{attribute.name}[{index}]"
            key = normalise_label(pair[0]) if _is_text_pair(pair) else ""
            if not key or pair[1] not in self.levels:
                raise InvalidValueError(field, pair, "must pair an alias with a level")
            check_length(pair[0], field, MAX_ID_LENGTH)
            earlier = targets.setdefault(key, pair[1])
            if earlier != pair[1]:
                raise DuplicateIdError(field, pair[0], f"already names level {earlier}")

    def resolve(self, level: str, field: str = "level") -> str:
        """
        Return the canonical level that *level* names (case and punctuation folded).

        Raises:
            OffScaleError: listing the levels of this scale.
        """
        if level in self.levels:
            return level  # the common case: written as the scale spells it
        if not isinstance(level, str):
            raise OffScaleError(field, level, f"must be a level of scale {self.id}, as text")
        key = normalise_label(level)
        for canonical in self.levels:
            if normalise_label(canonical) == key:
                return canonical
        for alias, canonical in self.aliases:
            if normalise_label(alias) == key:
                return canonical
        raise OffScaleError(
            field, level, f"not a level of scale {self.id} ({', '.join(self.levels)})"
        )

    def rank(self, level: str) -> int:
        """Return the position of *level*, 0 for the lowest."""
        return self.levels.index(self.resolve(level))


Scale: TypeAlias = NumericScale | OrdinalScale
"""Either kind of rating scale."""

EXPECTATION_SCALE: Final = OrdinalScale(
    id="expectation",
    levels=tuple(level.value for level in ExpectationLevel),
    aliases=tuple(
        (spelling, member.value)
        for member in ExpectationLevel
        for spelling in (member.label_id, member.label_en, *member.aliases)
    ),
)
"""The three-level scale of PermenPANRB 6/2022: below, meets, above expectations."""


@attrs.frozen
class Rating:
    """
    One rater's value for one subject.

    Give *score* on a numeric scale or *level* on an ordinal one, never both.

    Attributes:
        rater_id: The id of a `Rater` of the same appraisal.
        subject: What is rated: a behaviour aspect id, a work target or indicator
            id, `OVERALL_WORK_RESULTS` or `OVERALL_BEHAVIOUR`.
        scale_id: The id of the scale the value is on.
        score: The value on a numeric scale.
        level: The level on an ordinal scale.
        comment: What the rater wrote.
        rated_on: When, if known.
    """

    rater_id: str = attrs.field(validator=identifier)
    subject: str = attrs.field(validator=identifier)
    scale_id: str = attrs.field(validator=identifier)
    score: Decimal | None = attrs.field(default=None, converter=OPTIONAL_DECIMAL)
    level: str | None = attrs.field(default=None, validator=optional_identifier)
    comment: str | None = attrs.field(default=None, validator=optional_text)
    rated_on: date | None = attrs.field(default=None, validator=optional_date)

    @plain_case("(self.score is None) is not (self.level is None)")
    def __attrs_post_init__(self) -> None:
        if (self.score is None) == (self.level is None):
            raise InvalidValueError(
                "score", self.score, "give exactly one of score (numeric) or level (ordinal)"
            )

    def check_on(self, scale: Scale) -> None:
        """
        Check that this rating's value lies on *scale*.

        Raises:
            OffScaleError: if the value is off the scale or of the other kind.
        """
        if not isinstance(scale, NumericScale | OrdinalScale):
            raise InvalidValueError("scale", scale, "must be a NumericScale or OrdinalScale")
        if isinstance(scale, NumericScale):
            if self.score is None:
                raise OffScaleError("level", self.level, f"scale {scale.id} is numeric")
            scale.check(self.score)
        else:
            if self.level is None:
                raise OffScaleError("score", self.score, f"scale {scale.id} is ordinal")
            scale.resolve(self.level)


def surely_on(scale: object) -> Callable[[Rating], bool] | None:
    """
    Return a quick test that a rating's value lies on *scale*, or `None` for no scale kind.

    The test is true only where `Rating.check_on` with *scale* passes (the same
    comparisons, with the scale's parts read once); false leaves the answer, and the
    error, to `Rating.check_on`.
    """
    if isinstance(scale, OrdinalScale):
        levels = scale.levels
        return lambda rating: rating.level in levels  # resolve()'s own first test
    if not isinstance(scale, NumericScale):
        return None
    low, high, step = scale.minimum, scale.maximum, scale.step
    if step is None:
        return lambda rating: type(rating.score) is Decimal and low <= rating.score <= high
    start_n, start_d = low.as_integer_ratio()
    step_n, step_d = step.as_integer_ratio()
    if start_d == step_d == 1:  # whole steps from a whole minimum: a whole score, stepped

        def on_whole_steps(rating: Rating) -> bool:
            score = rating.score
            if type(score) is not Decimal or not low <= score <= high:
                return False
            if score != score.to_integral_value():  # equal only if whole, in any rounding
                return False
            return step_n == 1 or (int(score) - start_n) % step_n == 0

        return on_whole_steps

    def on_scale(rating: Rating) -> bool:
        score = rating.score
        if type(score) is not Decimal or not low <= score <= high:
            return False
        score_n, score_d = score.as_integer_ratio()  # as _whole_steps, the scale's parts read once
        numerator = (score_n * start_d - start_n * score_d) * step_d
        return numerator % (score_d * start_d * step_n) == 0

    return on_scale


@attrs.frozen
class FeedbackNote:
    """
    A piece of continuous feedback, dated and tied to evidence.

    Attributes:
        given_on: The date the feedback was given; inside the appraisal period.
        author_id: The id of the `Rater` who gave it.
        text: The feedback.
        subject: What it is about (as for `Rating.subject`), if anything specific.
        evidence: References to the evidence it rests on (bukti dukung).
    """

    given_on: date = attrs.field(validator=is_date)
    author_id: str = attrs.field(validator=identifier)
    text: str = attrs.field(validator=non_empty)
    subject: str | None = attrs.field(default=None, validator=optional_text)
    evidence: tuple[str, ...] = attrs.field(default=(), converter=TUPLE, validator=texts)
