"""
The public satisfaction index (IKM) of PermenPANRB 14/2017, computed exactly from responses.

A service unit asks its users about nine service elements (unsur), each answered on a
1-4 scale.  `satisfaction_index` computes, with `Fraction`s:

- NRR per element = the sum of its answers / the respondents who answered it; an
  element a respondent left unanswered is absent from the response, never 0;
- the index (1-4) = Σ NRR x weight, the weight being 0.11 as the regulation prints it
  (``"official"``, the default) or exactly 1/9 (``"exact"``); with fewer elements
  surveyed, 1/k rounded to 2 places (official) or exactly 1/k;
- the unit value (25-100) = index x 25, rounded to 2 places, halves up;
- the service quality A-D, read from the 2-place value (`PERMEN14_2017_BANDS`).

`SatisfactionIndex.public_index` maps the 2-place unit value linearly onto an
appraisal's numeric scale (25 to its minimum, 100 to its maximum) as a
`penilaian.policy.PublicIndex`, the public (service-user) role of a `penilaian.WeightingPolicy`.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction
from types import MappingProxyType
from typing import TYPE_CHECKING

import attrs

from penilaian._base.checks import as_tuple, non_empty, repeated_indexes
from penilaian._base.trace import Step
from penilaian.analysis.survey.formulas import element_nrr, ikm_from_nrr
from penilaian.analysis.survey.rules import (
    INDEX_RULE,
    NRR_RULE,
    PERMEN14_2017_BANDS,
    PERMEN14_2017_FACTOR,
    PUBLIC_RULE,
    QUALITY_RULE,
    ROUNDING,
    ROUNDING_RULE,
    UNIT_RULE,
    WEIGHTED_RULE,
    WEIGHTS,
    SatisfactionAnswer,
    ServiceElement,
    ServiceQuality,
    SurveyWeighting,
    answer_score,
)
from penilaian.exceptions import (
    DuplicateIdError,
    InvalidInputError,
    InvalidValueError,
    MissingValueError,
    OffScaleError,
    Problem,
    UnsupportedInputError,
)
from penilaian.model.raters import NumericScale
from penilaian.policy.aggregation import PublicIndex

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = [
    "ElementScore",
    "SatisfactionIndex",
    "SurveyResponse",
    "public_index_from_survey",
    "satisfaction_index",
]


def _answers(raw: object, response: SurveyResponse) -> Mapping[ServiceElement, int]:
    who = response.respondent_id
    if not isinstance(raw, Mapping):
        reason = f"respondent {who!r}: must map service elements to answers 1-4"
        raise InvalidValueError("answers", raw, reason)
    parsed: dict[ServiceElement, int] = {}
    for key, answer in raw.items():
        element = ServiceElement.parse(key, f"answers (respondent {who!r})")
        field = f"answers[{element.value!r}]"
        if element in parsed:
            reason = f"respondent {who!r} answers {element.value} twice"
            raise DuplicateIdError(field, key, reason)
        parsed[element] = answer_score(answer, field, who)
    if not parsed:
        raise MissingValueError("answers", raw, f"respondent {who!r} answered no element")
    return MappingProxyType(
        {element: parsed[element] for element in ServiceElement if element in parsed}
    )


# See penilaian._base.numbers.DECIMAL: mypy sees a typed function, attrs a converter that
# reads the respondent id (set first) to name it in errors.
if TYPE_CHECKING:

    def _ANSWERS(  # noqa: N802
        value: Mapping[ServiceElement, int | SatisfactionAnswer]
        | Mapping[str, int | SatisfactionAnswer]
        | Mapping[ServiceElement | str, int | SatisfactionAnswer],
    ) -> Mapping[ServiceElement, int]:
        """Attrs converter: answers keyed by any spelling of an element, checked 1-4."""

else:
    _ANSWERS = attrs.Converter(_answers, takes_self=True)


@attrs.frozen
class SurveyResponse:
    """
    One respondent's answers, element by element; an unanswered element is absent.

    Attributes:
        respondent_id: Unique within a survey.
        answers: Each answered element's value 1-4, read-only and in the elements'
            order.  Keys may be elements, their ids or labels; values whole numbers
            1-4 or `SatisfactionAnswer` members.
    """

    respondent_id: str = attrs.field(validator=non_empty)
    answers: Mapping[ServiceElement, int] = attrs.field(converter=_ANSWERS, hash=False)

    def answer(self, element: ServiceElement | str) -> SatisfactionAnswer | None:
        """Return the answer to *element* as a labelled `SatisfactionAnswer`, or `None`."""
        score = self.answers.get(ServiceElement.parse(element, "element"))
        return None if score is None else SatisfactionAnswer.of_score(score)


@attrs.frozen
class ElementScore:
    """
    One element's part in a `SatisfactionIndex`.

    Attributes:
        element: The service element.
        respondents: How many respondents answered it.
        counts: How many answered 1, 2, 3 and 4.
        total: The sum of its answers.
        nrr: The nilai rata-rata, *total* / *respondents*, exact.
        weight: The weight applied.
        weighted: *nrr* x *weight*, its contribution to the index.
    """

    element: ServiceElement
    respondents: int
    counts: tuple[int, int, int, int]
    total: int
    nrr: Fraction
    weight: Fraction
    weighted: Fraction


@attrs.frozen
class SatisfactionIndex:
    """
    The IKM of a service unit, with every part it was computed from.

    Attributes:
        elements: Each surveyed element's part, in the elements' order.
        weighting: Which weight was used.
        weight: The weight of each element (0.11 for nine elements, officially).
        respondents: How many responses were read.
        nrr_total: The sum of the elements' NRRs.
        index: The weighted index on the 1-4 scale, exact.
        unit_value: The index x 25, on the 25-100 scale, exact.
        unit_value_rounded: *unit_value* rounded to 2 places, halves up: the published IKM.
        quality: The mutu pelayanan, read from *unit_value_rounded*.
        step: How it was computed, when a trace was asked for; its output is *quality*.
    """

    elements: tuple[ElementScore, ...]
    weighting: SurveyWeighting
    weight: Fraction
    respondents: int
    nrr_total: Fraction
    index: Fraction
    unit_value: Fraction
    unit_value_rounded: Decimal
    quality: ServiceQuality
    step: Step | None = None

    def element(self, element: ServiceElement | str) -> ElementScore:
        """
        Return the part of *element*.

        Raises:
            UnsupportedInputError: if *element* was not surveyed.
        """
        wanted = ServiceElement.parse(element, "element")
        for part in self.elements:
            if part.element is wanted:
                return part
        raise UnsupportedInputError("element", wanted.value, "was not among the surveyed elements")

    def public_value(self, scale: NumericScale) -> Fraction:
        """
        Return the 2-place unit value mapped linearly onto *scale* (25 to min, 100 to max).

        Raises:
            OffScaleError: if the unit value lies outside 25-100, as 0.99 x 25 = 24.75
                can under the official weight; compute with ``weighting="exact"`` then.
        """
        if not isinstance(scale, NumericScale):
            raise InvalidValueError("scale", scale, "must be a penilaian.NumericScale")
        value = self.unit_value_rounded
        if not PERMEN14_2017_FACTOR <= value <= 4 * PERMEN14_2017_FACTOR:
            reason = f"unit value outside 25-100 under the {self.weighting.value} weighting;"
            reason += " use weighting='exact' to map it onto an appraisal scale"
            raise OffScaleError("unit_value", value, reason)
        low, high = Fraction(scale.minimum), Fraction(scale.maximum)
        share = (Fraction(value) - PERMEN14_2017_FACTOR) / (3 * PERMEN14_2017_FACTOR)
        return low + share * (high - low)

    def public_step(self, scale: NumericScale) -> Step:
        """Return the step mapping the unit value onto *scale*, above this index's trace."""
        return Step.of(
            PUBLIC_RULE,
            self.public_value(scale),
            subject=scale.id,
            children=() if self.step is None else (self.step,),
            unit_value=self.unit_value_rounded,
            minimum=scale.minimum,
            maximum=scale.maximum,
        )

    def public_index(self, scale: NumericScale, *, source: str | None = None) -> PublicIndex:
        """
        Return this index as the public role's value on *scale* (see `public_value`).

        Args:
            scale: The appraisal's numeric scale of the ratings it joins.
            source: Names the survey in the weighting trace; by default the IKM, its
                quality and weighting.

        Raises:
            OffScaleError: if the unit value lies outside 25-100.
        """
        if source is None:
            source = f"IKM {self.unit_value_rounded} ({self.quality.mutu},"
            source += f" {self.weighting.value} weighting), PermenPANRB 14/2017"
        return PublicIndex(self.public_value(scale), scale.id, self.respondents, source)


def _responses(raw: Iterable[SurveyResponse]) -> tuple[SurveyResponse, ...]:
    held = as_tuple(raw, "responses")
    if not held:
        raise MissingValueError("responses", held, "needs at least one survey response")
    for index, response in enumerate(held):
        if not isinstance(response, SurveyResponse):
            reason = "must be a SurveyResponse"
            raise InvalidValueError(f"responses[{index}]", response, reason)
    ids = [response.respondent_id for response in held]
    for index in repeated_indexes(ids):
        field = f"responses[{index}].respondent_id"
        raise DuplicateIdError(field, ids[index], "repeats an earlier respondent id")
    return held


def _elements(raw: Iterable[ServiceElement | str] | None) -> tuple[ServiceElement, ...]:
    if raw is None:
        return tuple(ServiceElement)
    given = as_tuple(raw, "elements")
    if not given:
        raise InvalidValueError("elements", given, "needs at least one service element")
    parsed = [ServiceElement.parse(item, f"elements[{i}]") for i, item in enumerate(given)]
    for index in repeated_indexes(parsed):
        raise DuplicateIdError(f"elements[{index}]", given[index], "names an element twice")
    return tuple(element for element in ServiceElement if element in parsed)


def _counts(
    responses: tuple[SurveyResponse, ...], elements: tuple[ServiceElement, ...]
) -> dict[ServiceElement, list[int]]:
    counts = {element: [0, 0, 0, 0] for element in elements}
    problems = []
    error: InvalidValueError
    for index, response in enumerate(responses):
        for element, score in response.answers.items():
            if element in counts:
                counts[element][score - 1] += 1
                continue
            reason = f"respondent {response.respondent_id!r} answers {element.value},"
            reason += " which is not among the surveyed elements"
            error = UnsupportedInputError(f"answers[{element.value!r}]", score, reason)
            problems.append(Problem(f"$.responses[{index}].answers.{element.value}", reason, error))
    for element, found in counts.items():
        if not any(found):
            reason = f"no respondent answered {element.value} ({element.label_id});"
            reason += " pass elements= without it if it does not apply"
            error = MissingValueError(f"answers[{element.value!r}]", None, reason)
            problems.append(Problem(f"$.responses[*].answers.{element.value}", reason, error))
    if problems:
        raise InvalidInputError(problems)
    return counts


def satisfaction_index(
    responses: Iterable[SurveyResponse],
    *,
    weighting: SurveyWeighting | str = SurveyWeighting.OFFICIAL,
    elements: Iterable[ServiceElement | str] | None = None,
    trace: bool = True,
) -> SatisfactionIndex:
    """
    Compute the IKM of PermenPANRB 14/2017 from survey responses, exactly.

    Args:
        responses: The survey's responses; respondent ids must be unique.
        weighting: ``"official"`` (0.11 per element, the default) or ``"exact"`` (1/9);
            any spelling of a `SurveyWeighting`.
        elements: The elements surveyed, when a unit surveys fewer than nine (such as
            no cost when its service is free); all nine by default.
        trace: Whether to build the trace; the figures are the same either way.

    Returns:
        The index with its parts, its 2-place unit value and its quality.

    Raises:
        MissingValueError: if there is no response.
        DuplicateIdError: for a repeated respondent id or surveyed element.
        InvalidInputError: listing every surveyed element no respondent answered
            (each a `MissingValueError`) and every answer to an element not surveyed
            (each an `UnsupportedInputError`).
    """
    held = _responses(responses)
    chosen = _elements(elements)
    method = SurveyWeighting.parse(weighting, "weighting")
    counts = _counts(held, chosen)
    weight = method.weight(len(chosen))
    parts = []
    for element, found in counts.items():
        answered = sum(found)
        total = sum(score * count for score, count in enumerate(found, start=1))
        nrr = element_nrr(total, answered)
        counted = (found[0], found[1], found[2], found[3])
        parts.append(ElementScore(element, answered, counted, total, nrr, weight, nrr * weight))
    value = ikm_from_nrr([part.nrr for part in parts], weighting=method)
    result = SatisfactionIndex(
        tuple(parts), method, value.weight, len(held), value.nrr_total, value.index,
        value.unit_value, value.unit_value_rounded, value.quality,
    )  # fmt: skip
    return attrs.evolve(result, step=_step(result)) if trace else result


def _step(result: SatisfactionIndex) -> Step:
    weight = Step.of(WEIGHTS[result.weighting], result.weight,
                     weighting=result.weighting, elements=len(result.elements))  # fmt: skip
    weighted = []
    for part in result.elements:
        answers = ", ".join(f"{score}: {count}" for score, count in enumerate(part.counts, 1))
        nrr = Step.of(NRR_RULE, part.nrr, subject=part.element.value, total=part.total,
                      respondents=part.respondents, answers=answers)  # fmt: skip
        weighted.append(Step.of(WEIGHTED_RULE, part.weighted, subject=part.element.value,
                                children=(nrr,), nrr=part.nrr, weight=part.weight))  # fmt: skip
    index = Step.of(INDEX_RULE, result.index, children=(weight, *weighted),
                    nrr_total=result.nrr_total, weight=result.weight)  # fmt: skip
    unit = Step.of(UNIT_RULE, result.unit_value, children=(index,), index=result.index,
                   factor=PERMEN14_2017_FACTOR)  # fmt: skip
    rounded = Step.of(ROUNDING_RULE, result.unit_value_rounded, children=(unit,),
                      value=result.unit_value, places=2, mode=ROUNDING.mode)  # fmt: skip
    return Step.of(QUALITY_RULE, result.quality, children=(rounded,),
                   unit_value=result.unit_value_rounded, table=PERMEN14_2017_BANDS.id,
                   respondents=result.respondents)  # fmt: skip


def public_index_from_survey(
    responses: Iterable[SurveyResponse],
    scale: NumericScale,
    *,
    weighting: SurveyWeighting | str = SurveyWeighting.OFFICIAL,
    elements: Iterable[ServiceElement | str] | None = None,
    source: str | None = None,
) -> PublicIndex:
    """
    Compute the IKM from raw *responses* and return it as the public role's value on *scale*.

    The same as ``satisfaction_index(...).public_index(scale, source=source)``.

    Raises:
        MissingValueError, DuplicateIdError, InvalidInputError: see `satisfaction_index`.
        OffScaleError: see `SatisfactionIndex.public_value`.
    """
    index = satisfaction_index(responses, weighting=weighting, elements=elements, trace=False)
    return index.public_index(scale, source=source)
