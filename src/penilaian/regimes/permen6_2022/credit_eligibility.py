"""
Whether a pejabat fungsional may be promoted: the credit-point test and the other conditions.

Perban BKN 3/2023 (REGULATIONS.md 3.9) [MED]: a promotion needs the AK kumulatif that
`credit_requirement` gives; a KP also needs at least Baik in the last years and time
in rank, a KJ also a passed competency test and a vacancy (formasi).  The AK test is
computed; the other conditions are inputs, listed beside it as given, never invented.
"""

from __future__ import annotations

from fractions import Fraction
from typing import TYPE_CHECKING, Final

import attrs

from penilaian._base.labels import LabelledEnum, checked_language
from penilaian._base.trace import Rule, Step
from penilaian._base.words import Words
from penilaian.exceptions import InvalidValueError
from penilaian.regimes.permen6_2022.credit import CREDIT_POINT_ROUNDING, _non_negative
from penilaian.regimes.permen6_2022.credit_thresholds import (
    PERBAN_BKN_3_2023_THRESHOLDS,
    CreditRequirement,
    CreditThresholds,
    Rank,
    credit_requirement,
)

if TYPE_CHECKING:
    from collections.abc import Mapping
    from decimal import Decimal

    from penilaian._base.labels import Language
    from penilaian._base.rounding import Rounding
    from penilaian.model.organisation import PositionKind

__all__ = ["Condition", "ConditionCheck", "Eligibility", "promotion_eligibility"]


class Condition(LabelledEnum):
    """A condition of a promotion besides the credit points: given by the caller, never computed."""

    PERFORMANCE = (
        "performance",
        "Predikat kinerja minimal Baik",
        "Grade at least Baik",
        "predikat",
    )
    TIME_IN_POST = ("time_in_post", "Masa dalam pangkat/jenjang", "Time in rank or level", "masa")
    COMPETENCY_TEST = ("competency_test", "Lulus uji kompetensi", "Competency test passed", "ukom")
    VACANCY = ("vacancy", "Tersedia kebutuhan (formasi)", "A vacancy (formasi)", "formasi")


_RANK_CONDITIONS: Final = (Condition.PERFORMANCE, Condition.TIME_IN_POST)
_LEVEL_CONDITIONS: Final = tuple(Condition)

_ELIGIBILITY_RULE: Final = Rule(
    id="perbanbkn3_2023.eligibility",
    clause="Perban BKN 3/2023 [MED]: syarat AK dihitung; syarat lain diberikan pemanggil",
    text_id="Memenuhi syarat bila AK cukup dan tidak ada syarat lain yang tidak terpenuhi",
    text_en="Eligible when the credit points suffice and no given condition fails",
)

_WORDS: Final = Words(
    {
        "conditions": ("harus memetakan Condition ke bool", "must map a Condition to a bool"),
        "not_applicable": (
            "bukan syarat kenaikan ini (berlaku: {names})",
            "is not a condition of this promotion (applicable: {names})",
        ),
        "credit_met": (
            "AK {balance} memenuhi {required}",
            "credit points {balance} meet {required}",
        ),
        "credit_short": (
            "AK {balance} kurang {short} dari {required}",
            "credit points {balance} are {short} short of {required}",
        ),
        "top": (
            "tidak ada kenaikan berikutnya berdasarkan AK",
            "no further promotion by credit points",
        ),
        "met": ("terpenuhi", "met"),
        "failed": ("tidak terpenuhi", "not met"),
        "unchecked": ("belum diperiksa (tidak diberikan)", "not checked (not given)"),
    }
)
"""The reasons of this module's errors and eligibility, in Indonesian and English."""


def _say(lang: Language, key: str, **values: object) -> str:
    return _WORDS.in_language(lang)[key].format(**values)


@attrs.frozen
class ConditionCheck:
    """
    A condition of a promotion and whether the caller said it holds (`None`: not given).

    Attributes:
        condition: The condition.
        met: `True` or `False` as given, `None` when not given.
    """

    condition: Condition
    met: bool | None


@attrs.frozen
class Eligibility:
    """
    Whether the next promotion may happen, with its reasons.

    Attributes:
        requirement: What the next promotion needs (`CreditRequirement`).
        balance: The exact AK kumulatif tested.
        credit_met: Whether *balance* meets the requirement (False at the top).
        shortfall: The exact credit points still missing, 0 or more.
        conditions: The other conditions of this promotion, as given.
        eligible: *credit_met*, and no given condition is false; conditions not
            given are listed as unchecked, not taken as met or failed.
        step: How it was decided, when a trace was asked for.
    """

    requirement: CreditRequirement
    balance: Fraction
    credit_met: bool
    shortfall: Fraction
    conditions: tuple[ConditionCheck, ...]
    eligible: bool
    step: Step | None = None

    def reasons(
        self, lang: Language = "id", rounding: Rounding = CREDIT_POINT_ROUNDING
    ) -> tuple[str, ...]:
        """Return the reasons in *lang*: the AK test first, then each condition."""
        need = self.requirement.required
        if need is None:
            first = _say(lang, "top")
        else:
            shown = {"balance": rounding.apply(self.balance), "required": rounding.apply(need)}
            key = "credit_met" if self.credit_met else "credit_short"
            first = _say(lang, key, short=rounding.apply(self.shortfall), **shown)
        status = {True: "met", False: "failed", None: "unchecked"}
        rest = (f"{c.condition.label(lang)}: {_say(lang, status[c.met])}" for c in self.conditions)
        return (first, *rest)


def promotion_eligibility(
    balance: Decimal | Fraction | int | str,
    rank: Rank | str,
    position_kind: PositionKind | str,
    conditions: Mapping[Condition | str, bool] | None = None,
    *,
    thresholds: CreditThresholds = PERBAN_BKN_3_2023_THRESHOLDS,
    trace: bool = True,
    lang: Language = "id",
) -> Eligibility:
    """
    Return whether a pejabat with AK kumulatif *balance* at *rank* may be promoted.

    >>> promotion_eligibility("75.63", "III/a", "Ahli Pertama").eligible
    True

    Args:
        balance: The AK kumulatif toward the next promotion, 0 or more.
        rank: The rank held.
        position_kind: The functional level held.
        conditions: The other conditions known, each `True` or `False`: a KP's
            are performance and time in rank; a KJ's add the competency test and
            the vacancy.  Those not given are listed as unchecked.
        thresholds: The table of requirements.
        trace: Whether to build the step.
        lang: The language of the errors' reasons: ``"id"`` (default) or ``"en"``.

    Raises:
        InvalidNumberError: for a negative or inexact *balance*.
        InvalidValueError: for *conditions* that are not a mapping to booleans, or
            name a condition this promotion does not have.
        UnsupportedInputError / UnknownLabelError: as `credit_requirement`.
    """
    lang = checked_language(lang)
    have = _non_negative(balance, "balance", lang)
    need = credit_requirement(rank, position_kind, thresholds=thresholds, trace=trace, lang=lang)
    wanted = _LEVEL_CONDITIONS if need.level_up else _RANK_CONDITIONS
    given = _conditions(conditions, wanted, lang)
    checks = tuple(ConditionCheck(c, given.get(c)) for c in wanted)
    met = need.required is not None and have >= need.required
    short = Fraction(0) if need.required is None else max(Fraction(0), need.required - have)
    eligible = met and all(check.met is not False for check in checks)
    step = None
    if trace:
        shown = {c.condition.value: c.met for c in checks}
        step = Step.from_mapping(_ELIGIBILITY_RULE, eligible,
                                 {"balance": have, "required": need.required, **shown},
                                 children=(need.step,) if need.step else ())  # fmt: skip
    return Eligibility(need, have, met, short, checks, eligible, step)


def _conditions(
    conditions: object, wanted: tuple[Condition, ...], lang: Language
) -> dict[Condition, bool]:
    if conditions is None:
        return {}
    if not hasattr(conditions, "items"):
        raise InvalidValueError("conditions", conditions, _say(lang, "conditions"))
    given: dict[Condition, bool] = {}
    for key, met in conditions.items():
        condition = Condition.parse(key, "conditions")
        if not isinstance(met, bool):
            raise InvalidValueError(f"conditions[{condition.value}]", met, _say(lang, "conditions"))
        if condition not in wanted:
            names = ", ".join(c.value for c in wanted)
            reason = _say(lang, "not_applicable", names=names)
            raise InvalidValueError(f"conditions[{condition.value}]", key, reason)
        given[condition] = met
    return given
