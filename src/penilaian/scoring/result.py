"""What scoring returns: `Result`, with its figures, grade, gaps, notes and trace."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import attrs

from penilaian._base.checks import TUPLE, instance_of, items_of, non_empty
from penilaian._base.figures import Figures
from penilaian._base.numbers import to_decimal
from penilaian._base.slots import writable_twin
from penilaian._base.trace import Gap, Step
from penilaian.exceptions import InvalidValueError
from penilaian.model.grades import Grade

if TYPE_CHECKING:
    from penilaian._base.labels import Language
    from penilaian._base.numbers import Number

__all__ = ["Note", "Result"]


@attrs.frozen
class Note:
    """
    Something worth saying about a result that does not block its grade.

    A gap says why there is no grade; a note rides beside a grade (or beside the
    gaps): under PermenPANRB 6/2022 the supervisor's rating decides the grade, so an
    indicator without a realisation is a note, not a gap.

    Attributes:
        path: Where, as a JSON path into the appraisal
            (``$.targets[1].indicators[0].realisation``).
        code: What, as a stable id, such as ``"no_realisation"``.
        text_id: The note in Indonesian.
        text_en: The note in English.
    """

    path: str = attrs.field(validator=non_empty)
    code: str = attrs.field(validator=non_empty)
    text_id: str = attrs.field(validator=non_empty)
    text_en: str = attrs.field(validator=non_empty)

    def text(self, lang: Language = "id") -> str:
        """Return the note in *lang*: Indonesian by default, ``"en"`` for English."""
        return self.text_en if lang == "en" else self.text_id


def _mapping(value: object, field: str, expected: str) -> dict[str, object]:
    if not isinstance(value, Mapping):
        raise InvalidValueError(field, value, f"must map text keys to {expected}")
    for key in value:
        if not isinstance(key, str):
            raise InvalidValueError(field, key, "keys must be text")
    return dict(value)


# Each mapping is copied into a read-only one, so nobody can change a result's numbers.
def _figures(value: Mapping[str, Number]) -> Mapping[str, Decimal]:
    if type(value) is Figures:  # written by a kernel: read-only, exact, written when read
        return value
    figures = _mapping(value, "figures", "exact numbers")
    return MappingProxyType(
        {key: to_decimal(item, f"figures[{key!r}]") for key, item in figures.items()}
    )


def _ratings(value: Mapping[str, str]) -> Mapping[str, str]:
    ratings: dict[str, str] = {}
    for key, item in _mapping(value, "ratings", "enum ids").items():
        if not isinstance(item, str):
            raise InvalidValueError(f"ratings[{key!r}]", item, "must be an enum id (text)")
        ratings[key] = item
    return MappingProxyType(ratings)


@attrs.frozen
class Result:
    """
    The outcome of scoring one appraisal under one regime.

    A complete result has a grade (and a score where the regime has one); an
    incomplete one has neither, and lists its gaps instead.  Nothing missing is
    ever scored as 0.

    Attributes:
        regime: The id of the strategy that scored it.
        appraisal_id: The appraisal scored.
        grade: The predikat; `None` when incomplete.
        score: The final number, where the regime has one (PP 46/2011, PP 30/2019).
        figures: Every intermediate number by a documented key, such as
            ``"activity[rhk-1].time"`` or ``"skp"``; each regime's page lists its keys.
            Read-only: any mapping given is copied into a `types.MappingProxyType`, its
            numbers taken exactly as `Decimal` (a regime's integer kernel gives a
            mapping that writes them when first read).
        ratings: Every intermediate categorical value (such as the work-results
            rating of PermenPANRB 6/2022) by key, as enum ids; read-only too.
        gaps: Why the result is incomplete; empty when complete.
        trace: The tree of steps behind every figure; `None` when scoring was asked
            to skip it.  A regime may defer it (`penilaian._base.trace.deferred_step`):
            the tree is then built the first time it is read.
        notes: What is worth saying that does not block the grade (`Note`), such as
            an indicator without a realisation under PermenPANRB 6/2022, where the
            supervisor's rating decides; a complete result may carry notes.  Part
            of the result's equality and JSON form.
    """

    regime: str = attrs.field(validator=non_empty)
    appraisal_id: str = attrs.field(validator=non_empty)
    grade: Grade | None = attrs.field(
        default=None, validator=instance_of(Grade, type(None), expected="a Grade or None")
    )
    score: Decimal | None = attrs.field(
        default=None, validator=instance_of(Decimal, type(None), expected="a Decimal or None")
    )
    figures: Mapping[str, Decimal] = attrs.field(factory=dict, converter=_figures, hash=False)
    ratings: Mapping[str, str] = attrs.field(factory=dict, converter=_ratings, hash=False)
    gaps: tuple[Gap, ...] = attrs.field(
        default=(), converter=TUPLE, validator=items_of(Gap, expected="a Gap")
    )
    trace: Step | None = attrs.field(
        default=None, validator=instance_of(Step, type(None), expected="a Step or None")
    )
    notes: tuple[Note, ...] = attrs.field(
        default=(), converter=TUPLE, validator=items_of(Note, expected="a Note")
    )

    @classmethod
    def _trusted(
        cls,
        regime: str,
        appraisal_id: str,
        grade: Grade | None,
        score: Decimal | None,
        *,
        figures: Mapping[str, Decimal],
        ratings: Mapping[str, str],
        gaps: tuple[Gap, ...],
        trace: Step | None,
    ) -> Result:
        """
        Return the result of fields an integer kernel built itself, without the checks.

        For the regimes' kernels only: each argument must already be what the checks
        and converters of `__init__` would give (a non-empty *regime* and
        *appraisal_id*; *figures* a `penilaian._base.figures.Figures` or a read-only
        mapping of `Decimal`; *ratings* a read-only mapping of texts, such as a
        `types.MappingProxyType`; a tuple of `Gap`), so the result equals, hashes and
        pickles as one built by `__init__` from the same fields; it has no notes.
        """
        built: Any = _new(_Built)  # plain writes, then a `Result` (`_base.slots.writable_twin`)
        built.regime = regime
        built.appraisal_id = appraisal_id
        built.grade = grade
        built.score = score
        built.figures = figures
        built.ratings = ratings
        built.gaps = gaps
        built.trace = trace
        built.notes = ()
        built.__class__ = cls
        result: Result = built
        return result

    @property
    def is_complete(self) -> bool:
        """Whether a grade was given (no gaps)."""
        return not self.gaps

    def without_trace(self) -> Result:
        """Return a copy without the trace, for storage or comparison."""
        return attrs.evolve(self, trace=None)

    def __reduce__(self) -> tuple[type[Result], tuple[object, ...]]:
        # A read-only mapping does not pickle: pickle the fields, with plain dicts.
        return type(self), (
            self.regime,
            self.appraisal_id,
            self.grade,
            self.score,
            dict(self.figures),
            dict(self.ratings),
            self.gaps,
            self.trace,
            self.notes,
        )


_new = object.__new__
_Built = writable_twin(Result)  # filled by plain writes, then made a `Result`
