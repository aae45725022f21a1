"""
The IKM formulas of PermenPANRB 14/2017 on plain numbers, exact in and exact out.

`element_nrr` (the NRR of one element from its answer total), `ikm_from_nrr` (the
index from the NRR per element) and `ikm_from_totals` (from each element's answer
total and respondents).  `penilaian.satisfaction_index` composes the first two, so
each rule exists once.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING

import attrs

from penilaian._base.checks import as_tuple, whole_number
from penilaian._base.numbers import to_fraction
from penilaian.analysis.survey.rules import (
    PERMEN14_2017_BANDS,
    PERMEN14_2017_FACTOR,
    ROUNDING,
    ServiceElement,
    ServiceQuality,
    SurveyWeighting,
)
from penilaian.exceptions import InvalidValueError, MissingValueError, OffScaleError

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["IkmValue", "element_nrr", "ikm_from_nrr", "ikm_from_totals"]


@attrs.frozen
class IkmValue:
    """
    The IKM of some elements' NRRs, exactly: what `ikm_from_nrr` and `ikm_from_totals` return.

    Attributes:
        weighting: Which weight was used.
        weight: The weight of each element (0.11 for nine, officially).
        nrr_total: The sum of the NRRs.
        index: The weighted index on the 1-4 scale, exact (nrr_total x weight).
        unit_value: *index* x 25, on the 25-100 scale, exact.
        unit_value_rounded: *unit_value* rounded to 2 places, halves up: the published IKM.
        quality: The mutu pelayanan, read from *unit_value_rounded*.
    """

    weighting: SurveyWeighting
    weight: Fraction
    nrr_total: Fraction
    index: Fraction
    unit_value: Fraction
    unit_value_rounded: Decimal
    quality: ServiceQuality


def element_nrr(total: int, respondents: int) -> Fraction:
    """
    Return an element's NRR: the sum of its answers / the respondents who answered it.

    PermenPANRB 14/2017 Lampiran [HIGH] (REGULATIONS.md 4.3).

    >>> element_nrr(349, 100)
    Fraction(349, 100)

    Raises:
        InvalidNumberError: for a total or respondent count that is not a whole
            number (respondents at least 1).
        OffScaleError: for a total outside 1-4 per respondent (respondents to
            4 x respondents).
    """
    count = whole_number(respondents, "respondents")
    answers = whole_number(total, "total", 0)
    if not count <= answers <= 4 * count:
        reason = f"the answers of {count} respondents on the 1-4 scale sum to {count}-{4 * count}"
        raise OffScaleError("total", total, reason)
    return Fraction(answers, count)


def ikm_from_nrr(
    nrr: Iterable[Fraction | Decimal | int | str],
    *,
    weighting: SurveyWeighting | str = SurveyWeighting.OFFICIAL,
) -> IkmValue:
    """
    Return the IKM of the NRR of each surveyed element, exactly.

    PermenPANRB 14/2017 Lampiran [HIGH] (REGULATIONS.md 4.3, 4.4): IKM = the sum of
    NRR x weight (0.11 for nine elements as printed, or exactly 1/k); the unit value
    is IKM x 25, rounded to 2 places halves up, and the quality is read from it.

    >>> ikm_from_nrr(["3.6"] * 9).unit_value_rounded
    Decimal('89.10')

    Args:
        nrr: One NRR per surveyed element (1 to 9 of them), each 1-4: exact numbers
            or numeric text (``"3.45"``, ``"69/20"``).
        weighting: ``"official"`` (default) or ``"exact"``; any spelling of a
            `SurveyWeighting`.

    Raises:
        MissingValueError: for no NRR at all.
        InvalidValueError: for more than nine NRRs (one per element).
        InvalidNumberError: for an NRR that is not an exact number.
        OffScaleError: for an NRR outside 1-4.
        UnknownLabelError: for a weighting that names none.
    """
    given = as_tuple(nrr, "nrr")
    if not given:
        raise MissingValueError("nrr", given, "needs the NRR of at least one element")
    if len(given) > len(ServiceElement):
        reason = f"{len(given)} values for {len(ServiceElement)} service elements"
        raise InvalidValueError("nrr", len(given), reason)
    values = [to_fraction(value, f"nrr[{index}]") for index, value in enumerate(given)]
    for position, value in enumerate(values):
        if not 1 <= value <= 4:
            reason = "an NRR lies on the 1-4 scale"
            raise OffScaleError(f"nrr[{position}]", given[position], reason)
    method = SurveyWeighting.parse(weighting, "weighting")
    weight = method.weight(len(values))
    nrr_total = sum(values, Fraction(0))
    index = nrr_total * weight
    unit_value = index * PERMEN14_2017_FACTOR
    rounded = ROUNDING.apply(unit_value)
    quality = PERMEN14_2017_BANDS.classify(rounded)
    return IkmValue(method, weight, nrr_total, index, unit_value, rounded, quality)


def ikm_from_totals(
    totals: Iterable[tuple[int, int]],
    *,
    weighting: SurveyWeighting | str = SurveyWeighting.OFFICIAL,
) -> IkmValue:
    """
    Return the IKM of each surveyed element's answer total and respondents, exactly.

    `element_nrr` of each pair, then `ikm_from_nrr`.

    >>> ikm_from_totals([(360, 100)] * 9).quality.mutu
    'A'

    Args:
        totals: One ``(sum of the answers, respondents who answered)`` pair per
            surveyed element.
        weighting: ``"official"`` (default) or ``"exact"``.

    Raises:
        InvalidValueError: for an item that is not a pair.
        InvalidNumberError, OffScaleError, MissingValueError: see `element_nrr`
            and `ikm_from_nrr`.
    """
    pairs = as_tuple(totals, "totals")
    nrr = []
    for index, pair in enumerate(pairs):
        if not isinstance(pair, tuple | list) or len(pair) != 2:
            reason = "must be a (total, respondents) pair"
            raise InvalidValueError(f"totals[{index}]", pair, reason)
        nrr.append(element_nrr(pair[0], pair[1]))
    return ikm_from_nrr(nrr, weighting=weighting)
