"""
The 2021 integration as plain functions and one small class: convert, merge, grade.

`convert_pp46_value` puts a January-June nilai prestasi kerja (PP 46/2011) on the
PP 30/2019 scale by an `IntegrationTable`; `merge_semesters` weighs it against the
July-December nilai kinerja; `Integration2021` does both, rounds at its declared
points, grades the merged value by PP 30/2019 Pasal 41(5) and returns a traced
`penilaian.Result`, from two plain numbers (`Integration2021.integrate`) or from the
results of `Pp46Regime` and `Pp30Regime` (`Integration2021.integrate_results`).

>>> convert_pp46_value(90), convert_pp46_value(91), convert_pp46_value("90.5")
(Fraction(109, 1), Fraction(110, 1), Fraction(219, 2))
>>> merge_semesters(convert_pp46_value(80), 100)  # (90 + 4 x 19/14 + 100) / 2
Fraction(684, 7)
"""

from __future__ import annotations

from fractions import Fraction
from typing import TYPE_CHECKING, Final

import attrs

from penilaian._base.checks import instance_of
from penilaian._base.numbers import to_fraction
from penilaian._base.rounding import Rounding, figure
from penilaian._base.trace import Step
from penilaian.exceptions import (
    InvalidNumberError,
    InvalidValueError,
    MissingValueError,
    UnsupportedInputError,
)
from penilaian.model.grades import Grade
from penilaian.policy.weights import Weights
from penilaian.regimes.integration_2021.tables import (
    CONVERSION_CAP_RULE,
    CONVERSION_RULE,
    INTEGRATION_2021_CONVERSION,
    INTEGRATION_2021_WEIGHTS,
    INTEGRATION_PREDIKAT_RULE,
    INTEGRATION_RESULT_RULE,
    INTEGRATION_ROUNDING_RULE,
    MERGE_RULE,
    IntegrationTable,
)
from penilaian.regimes.pp30_2019 import PP30_2019_CAP, grade_of_band, performance_band
from penilaian.scoring.result import Result

if TYPE_CHECKING:
    from decimal import Decimal

__all__ = ["Integration2021", "convert_pp46_value", "merge_semesters"]

REGIME_ID: Final = "integration_2021"
_FIRST_REGIME: Final = "pp46_2011"
_SECOND_REGIME: Final = "pp30_2019"
_HALVES: Final = {"first_half", "second_half"}


def _number(value: object, field: str, high: Fraction | None = None) -> Fraction:
    exact = to_fraction(value, field)
    if exact < 0:
        raise InvalidNumberError(field, value, "must be at least 0")
    if high is not None and exact > high:
        raise InvalidNumberError(field, value, f"must be at most {high}")
    return exact


def _check_table(table: object) -> IntegrationTable:
    if not isinstance(table, IntegrationTable):
        raise InvalidValueError("table", table, "must be an IntegrationTable")
    return table


def _check_weights(weights: object) -> Weights:
    if not isinstance(weights, Weights) or set(weights) != _HALVES:
        reason = "must be Weights of exactly 'first_half' and 'second_half'"
        raise InvalidValueError("weights", weights, reason)
    return weights


def convert_pp46_value(
    value: Decimal | Fraction | int | str, table: IntegrationTable = INTEGRATION_2021_CONVERSION
) -> Fraction:
    """
    Return a nilai prestasi kerja (PP 46/2011) on the nilai kinerja scale (PP 30/2019).

    SE Kepala BKN 1/SE/I/2022 (rule `CONVERSION_RULE`, table [LOW]): linear on the
    piece of *table* the value lies on (`IntegrationTable.segment`).  A value above
    the table converts to its highest value, 120 (rule `CONVERSION_CAP_RULE`).

    Raises:
        InvalidNumberError: naming ``value``, for a non-number or a value below the table;
            `InvalidValueError` naming ``table``, for anything but an `IntegrationTable`.
    """
    table = _check_table(table)
    exact = _number(value, "value")
    if exact < table.lowest:
        raise InvalidNumberError("value", value, f"must be at least {table.lowest}")
    if exact > table.highest:
        return table.bands[-1].pp30_high
    low46, high46, low30, high30 = table.segment(exact)
    return low30 + (exact - low46) * (high30 - low30) / (high46 - low46)


def merge_semesters(
    first: Decimal | Fraction | int | str,
    second: Decimal | Fraction | int | str,
    weights: Weights = INTEGRATION_2021_WEIGHTS,
) -> Fraction:
    """
    Return the nilai kinerja of 2021: the two halves' values, weighted (rule `MERGE_RULE`).

    Args:
        first: The January-June value, already converted (`convert_pp46_value`), 0-120.
        second: The July-December nilai kinerja (PP 30/2019), 0-120.
        weights: ``"first_half"`` and ``"second_half"``; 50/50 by default [MED].

    Raises:
        InvalidNumberError: naming ``first`` or ``second``, for a non-number or a value
            outside 0-120; `InvalidValueError` naming ``weights``.
    """
    weights = _check_weights(weights)
    one = _number(first, "first", PP30_2019_CAP)
    two = _number(second, "second", PP30_2019_CAP)
    return weights["first_half"] * one + weights["second_half"] * two


def _optional_rounding(
    _instance: object, attribute: attrs.Attribute[Rounding], value: object
) -> None:
    if value is not None and not isinstance(value, Rounding):
        raise InvalidValueError(attribute.name, value, "must be a penilaian.Rounding or None")


def _fair(_instance: object, attribute: attrs.Attribute[Grade], value: object) -> None:
    if value is not Grade.FAIR and value is not Grade.NEEDS_IMPROVEMENT:
        reason = "must be Grade.FAIR (Cukup) or Grade.NEEDS_IMPROVEMENT (Butuh Perbaikan)"
        raise InvalidValueError(attribute.name, value, reason)


@attrs.frozen(kw_only=True)
class Integration2021:
    """
    Joins the two halves of 2021 into one nilai kinerja and predikat, traced.

    Attributes:
        table: The conversion of the first half; `INTEGRATION_2021_CONVERSION` by default [LOW].
        weights: The two halves' weights; 50/50 by default [MED].
        rounding: Applied to the converted value and to the merged value, later steps
            using the rounded value, as the e-Kinerja forms show two places [LOW];
            `None` keeps both exact.
        fair_label: The grade of the 70-89 band: Butuh Perbaikan (PermenPANRB 8/2021),
            the default, or Cukup.

    Raises:
        InvalidValueError: naming the field, for a value outside its documented kinds.
    """

    table: IntegrationTable = attrs.field(
        default=INTEGRATION_2021_CONVERSION,
        validator=instance_of(IntegrationTable, expected="an IntegrationTable"),
    )
    weights: Weights = attrs.field(
        default=INTEGRATION_2021_WEIGHTS, validator=lambda _i, _a, value: _check_weights(value)
    )
    rounding: Rounding | None = attrs.field(default=Rounding(2), validator=_optional_rounding)
    fair_label: Grade = attrs.field(default=Grade.NEEDS_IMPROVEMENT, validator=_fair)

    def integrate(
        self,
        first: Decimal | Fraction | int | str,
        second: Decimal | Fraction | int | str,
        *,
        innovative: bool,
        subject: str = "2021",
        trace: bool = True,
    ) -> Result:
        """
        Return the 2021 result of a January-June and a July-December value.

        Args:
            first: The nilai prestasi kerja of January-June (PP 46/2011), at least 0.
            second: The nilai kinerja of July-December (PP 30/2019), 0-120.
            innovative: Whether the pegawai created a new idea or method that
                benefits the organisation or the state (PP 30/2019 Pasal 41(5) huruf a),
                which Sangat Baik needs; there is no default.
            subject: The id the result carries (its ``appraisal_id``).
            trace: Whether to build the trace.

        Returns:
            A complete result of regime ``"integration_2021"``: figures ``first``,
            ``first.converted``, ``second``, ``weight.first_half``,
            ``weight.second_half`` and ``final`` (also the score); rating ``band``.

        Raises:
            InvalidNumberError: naming ``first`` or ``second``; `InvalidValueError`
                naming ``innovative`` or ``subject``.
        """
        return self._run(
            first, second, innovative=innovative, subject=subject, trace=trace, children=()
        )

    def integrate_results(
        self, first: Result, second: Result, *, innovative: bool | None = None, trace: bool = True
    ) -> Result:
        """
        Return the 2021 result of a `Pp46Regime` result and a `Pp30Regime` result.

        Their scores are the two values, and their traces hang under the trace.
        *innovative* `None` (the default) reads the innovation from the second
        result: its grade is Sangat Baik only with one [LOW].

        Raises:
            UnsupportedInputError: naming ``first.regime`` or ``second.regime``, for a
                result of another regime; `MissingValueError` naming ``first.score`` or
                ``second.score``, for an incomplete result (no value is taken as 0).
        """
        pairs = (("first", first, _FIRST_REGIME), ("second", second, _SECOND_REGIME))
        for name, result, regime in pairs:
            if not isinstance(result, Result):
                raise InvalidValueError(name, result, "must be a penilaian.Result")
            if result.regime != regime:
                reason = f"must be a result of regime {regime!r}"
                raise UnsupportedInputError(f"{name}.regime", result.regime, reason)
            if result.score is None:
                gaps = "; ".join(gap.reason for gap in result.gaps) or "no score"
                reason = f"the {regime} result is incomplete ({gaps}); missing is not 0"
                raise MissingValueError(f"{name}.score", None, reason)
        if innovative is None:
            innovative = second.grade is Grade.VERY_GOOD
        ids = dict.fromkeys((first.appraisal_id, second.appraisal_id))
        children = tuple(result.trace for result in (first, second) if result.trace)
        return self._run(
            first.score, second.score,
            innovative=innovative, subject="+".join(ids), trace=trace, children=children,
        )  # fmt: skip

    def _round(self, key: str, exact: Fraction, step: Step | None) -> tuple[Fraction, Step | None]:
        rounding = self.rounding
        if rounding is None:
            return exact, step
        rounded = Fraction(rounding.apply(exact))
        if step is not None:
            step = Step.of(
                INTEGRATION_ROUNDING_RULE, rounded, subject=key, children=(step,),
                value=exact, places=rounding.places, mode=rounding.mode,
            )  # fmt: skip
        return rounded, step

    def _run(
        self,
        first: object,
        second: object,
        *,
        innovative: object,
        subject: object,
        trace: bool,
        children: tuple[Step, ...],
    ) -> Result:
        if not isinstance(innovative, bool):
            raise InvalidValueError("innovative", innovative, "must be True or False")
        if not isinstance(subject, str) or not subject.strip():
            raise InvalidValueError("subject", subject, "must be a non-empty text")
        one = _number(first, "first")
        two = _number(second, "second", PP30_2019_CAP)
        table = self.table
        converted = convert_pp46_value(one, table)
        step = None
        if trace:
            rule = CONVERSION_CAP_RULE if one > table.highest else CONVERSION_RULE
            low46, high46, low30, high30 = table.segment(min(one, table.highest))
            step = Step.of(
                rule, converted, subject="first.converted", children=children[:1],
                value=one, pp46_from=low46, pp46_to=high46, pp30_from=low30, pp30_to=high30,
                table=table.id,
            )  # fmt: skip
        converted, step = self._round("first.converted", converted, step)
        merged = merge_semesters(converted, two, self.weights)
        if trace:
            step = Step.of(
                MERGE_RULE, merged, subject="final",
                children=[s for s in (step, *children[1:]) if s],
                first_half_weight=self.weights["first_half"], first=converted,
                second_half_weight=self.weights["second_half"], second=two,
            )  # fmt: skip
        merged, step = self._round("final", merged, step)
        band = performance_band(merged)
        grade = grade_of_band(band, innovative=innovative, fair_label=self.fair_label)
        root = None
        if trace:
            graded = Step.of(
                INTEGRATION_PREDIKAT_RULE, grade, subject="final",
                value=merged, band=band, innovative=innovative,
            )  # fmt: skip
            root = Step.of(
                INTEGRATION_RESULT_RULE, grade, subject=subject,
                children=[s for s in (step, graded) if s], final=merged,
            )  # fmt: skip
        figures = {
            "first": figure(one),
            "first.converted": figure(converted),
            "second": figure(two),
            "weight.first_half": figure(self.weights["first_half"]),
            "weight.second_half": figure(self.weights["second_half"]),
            "final": figure(merged),
        }
        return Result(
            regime=REGIME_ID, appraisal_id=subject, grade=grade, score=figures["final"],
            figures=figures, ratings={"band": band.value}, trace=root,
        )  # fmt: skip
