"""The PP 46/2011 formulas on plain numbers: exact in, exact out, typed errors, one rule each."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st
from test_regime_pp46 import appraisal, kegiatan, pp46_appraisals, shown

import penilaian as p
from penilaian.exceptions import InvalidNumberError, InvalidValueError, MissingValueError
from penilaian.model import TargetKind
from penilaian.regimes.pp46_2011 import (
    PP46_2011_ACTIVITY_ASPECTS,
    Pp46Regime,
    activities_value,
    activity_value,
    additional_task_points,
    behaviour_value,
    category,
    check_appraisal,
    cost_value,
    creativity_points,
    efficiency,
    exceeds_efficiency_limit,
    final_value,
    quality_value,
    quantity_value,
    skp_value,
    time_cost_value,
    time_value,
    whole_value,
)

# -- plain numbers in ----------------------------------------------------------------------

KINDS = [
    pytest.param(lambda text: text, id="str"),
    pytest.param(Decimal, id="Decimal"),
    pytest.param(Fraction, id="Fraction"),
]


class TestPlainNumbers:
    """Every formula takes int, Decimal, Fraction and numeric text, and gives the same Fraction."""

    @pytest.mark.parametrize("kind", KINDS)
    def test_every_kind_gives_the_same_value(self, kind):
        """The worked example's numbers, given as str, Decimal and Fraction."""
        assert Fraction(24) == efficiency(kind("12"), kind("9.12"))
        assert Fraction(100) == time_value(kind("12"), kind("9.12"))
        assert Fraction(86) == cost_value(kind("1000000"), kind("900000"))
        assert Fraction(200, 3) == quantity_value(kind("3"), kind("2"))
        assert Fraction(95) == quality_value(kind("100"), kind("95"))
        assert Fraction(75) == time_cost_value(kind("25"))
        assert exceeds_efficiency_limit(kind("24.01"))
        assert Fraction(266, 3) == activity_value([kind("100"), kind("90"), kind("76")])
        assert Fraction("87.795") == activities_value([kind("88.67"), kind("86.92")])
        assert Fraction("91.795") == skp_value(kind("87.795"), 1, 3)
        assert Fraction(82) == behaviour_value([kind(str(value)) for value in range(80, 85)])
        assert Fraction("87.88") == final_value(kind("91.80"), kind("82.00"))
        assert Decimal(91) == whole_value(kind("90.5"))
        assert p.Grade.VERY_GOOD is category(kind("90.01"))

    def test_ratio_text_is_exact(self):
        """A ratio such as "1/3" is taken exactly, not through a float."""
        expected = Fraction(100, 3)
        assert expected == quantity_value(3, 1) == quantity_value("1", "1/3")

    def test_scopes_by_label(self):
        """A kreativitas scope may be given by id or Indonesian label."""
        expected = 12
        assert (
            expected == creativity_points(["state"]) == creativity_points([p.InnovationScope.STATE])
        )


BAD_CALLS = [
    (lambda: quantity_value(0, 1), InvalidNumberError, "target"),
    (lambda: quantity_value(-3, 1), InvalidNumberError, "target"),
    (lambda: quality_value(100, -1), InvalidNumberError, "realised"),
    (lambda: efficiency("dua belas", 1), InvalidNumberError, "target"),
    (lambda: time_value(12, True), InvalidNumberError, "realised"),
    (lambda: cost_value(None, 1), InvalidNumberError, "target"),
    (lambda: time_cost_value("101"), InvalidNumberError, "efficiency"),
    (lambda: time_cost_value(float("nan")), InvalidNumberError, "efficiency"),
    (lambda: exceeds_efficiency_limit("x"), InvalidNumberError, "value"),
    (lambda: activity_value([100, 90]), InvalidValueError, "values"),
    (lambda: activity_value([100, 90, 76, 80, 70]), InvalidValueError, "values"),
    (lambda: activity_value([100, "x", 76]), InvalidNumberError, "values[1]"),
    (lambda: activity_value("100"), InvalidValueError, "values"),
    (lambda: activities_value([]), MissingValueError, "values"),
    (lambda: activities_value(None), InvalidValueError, "values"),
    (lambda: additional_task_points(-1), InvalidValueError, "count"),
    (lambda: additional_task_points(True), InvalidValueError, "count"),
    (lambda: additional_task_points("3"), InvalidValueError, "count"),
    (lambda: creativity_points(["unit"], "max"), InvalidValueError, "policy"),
    (lambda: creativity_points("unit"), InvalidValueError, "scopes"),
    (lambda: creativity_points(["kabupaten"]), InvalidValueError, "scopes[0]"),
    (lambda: skp_value("x", 0, 0), InvalidNumberError, "activities"),
    (lambda: skp_value(80, -1, 0), InvalidValueError, "additional_tasks"),
    (lambda: skp_value(80, 0, Decimal(3)), InvalidValueError, "creativity"),
    (lambda: behaviour_value([80, 101]), InvalidNumberError, "values[1]"),
    (lambda: behaviour_value([-1]), InvalidNumberError, "values[0]"),
    (lambda: behaviour_value([]), MissingValueError, "values"),
    (lambda: final_value(80, "100.01"), InvalidNumberError, "behaviour"),
    (lambda: final_value(None, 80), InvalidNumberError, "skp"),
    (lambda: final_value(80, 80, p.Weights({"work": 1})), InvalidValueError, "weights"),
    (
        lambda: final_value(80, 80, {"work": "3/5", "behaviour": "2/5"}),
        InvalidValueError,
        "weights",
    ),
    (lambda: whole_value([]), InvalidNumberError, "value"),
    (lambda: category(80, "round"), InvalidValueError, "band_convention"),
    (lambda: category("delapan puluh"), InvalidNumberError, "value"),
]


class TestTypedErrors:
    @pytest.mark.parametrize(("call", "error", "field"), BAD_CALLS)
    def test_bad_input_names_the_argument(self, call, error, field):
        """Bad input raises a typed penilaian error naming the argument, never a bare error."""
        with pytest.raises(error) as caught:
            call()
        assert field == caught.value.field
        assert str(caught.value).startswith(f"{field}:")

    def test_zero_target_is_not_a_zero_division(self):
        """A target of 0 is refused by name, with the reason; no ZeroDivisionError escapes."""
        with pytest.raises(InvalidNumberError, match="the rule divides by it"):
            time_value(0, 0)

    @given(st.decimals(allow_nan=False, allow_infinity=False, max_value=0, places=2))
    def test_no_target_of_0_or_less(self, planned):
        """No target of 0 or less is ever taken by a formula that divides by it."""
        for formula in (quantity_value, quality_value, time_value, cost_value, efficiency):
            with pytest.raises(InvalidNumberError):
                formula(planned, 1)


# -- the regime composes the same functions ------------------------------------------------


class TestRegimeComposesTheFormulas:
    @given(pp46_appraisals(), st.sampled_from(["as_bkn_forms", "outputs_only"]))
    def test_each_figure_is_its_public_formula(self, value, points):
        """Every figure of the regime equals its public formula on the same plain numbers."""
        regime = Pp46Regime(rounding_points=points)
        result = regime.score(value, trace=False)
        figures, rounding = result.figures, regime.rounding
        carry = rounding.apply if points == "as_bkn_forms" else (lambda exact: exact)
        kegiatan_values = []
        for activity in check_appraisal(value).activities:
            prefix = f"activity[{activity.target.id}]"
            zero = activity.pairs[0][1] == 0
            aspects = []
            for row, pair in zip(PP46_2011_ACTIVITY_ASPECTS, activity.pairs, strict=True):
                if pair is not None:
                    planned, realised = (str(number) for number in pair)  # as plain text
                    aspects.append(Fraction(0) if zero else row.formula(planned, realised))
                    assert shown(aspects[-1]) == figures[f"{prefix}.{row.name}"]
            exact = activity_value(aspects)
            assert rounding.apply(exact) == figures[f"{prefix}.value"]
            kegiatan_values.append(carry(exact))
        mean = activities_value(kegiatan_values)
        assert shown(mean) == figures["activities"]
        tasks = sum(target.kind is TargetKind.ADDITIONAL for target in value.targets)
        assert additional_task_points(tasks) == figures["additional_tasks"]
        scopes = [innovation.scope.id for innovation in value.innovations]
        assert creativity_points(scopes) == figures["creativity"]
        skp = skp_value(mean, additional_task_points(tasks), creativity_points(scopes))
        assert rounding.apply(skp) == figures["skp"]
        aspects = [v for k, v in figures.items() if k.startswith("behaviour[")]
        behaviour = behaviour_value([str(aspect) for aspect in aspects])
        assert rounding.apply(behaviour) == figures["behaviour"]
        final = final_value(carry(skp), carry(behaviour))
        assert rounding.apply(final) == figures["final"] == result.score
        assert category(result.score) is result.grade
        assert category(figures["skp"]).value == result.ratings["skp"]


class TestOutputsOnly:
    """rounding_points="outputs_only": the figures are shown rounded, combined unrounded."""

    def test_default_is_as_the_bkn_forms(self):
        """The default is unchanged: later steps use the rounded values."""
        expected = "as_bkn_forms"
        assert expected == Pp46Regime().rounding_points

    def test_outputs_only_combines_unrounded_values(self):
        """
        Two kegiatan of 266/3 and 1043/12: the forms add 88.67 and 86.92, outputs-only the exact.

        As the forms: (88.67 + 86.92) / 2 = 87.795, SKP 87.795 -> 87.80, final 0.6 x 87.80
        + 0.4 x 80 = 84.68.  Outputs only: (266/3 + 1043/12) / 2 = 2107/24 = 87.7916...,
        SKP 87.79, final 0.6 x 2107/24 + 0.4 x 80 = 84.675 -> 84.68.
        """
        targets = [
            kegiatan("k1"),
            kegiatan("k2", quantity=(3, 2), quality=(100, 95), time=(12, "9.12"), cost=(10, 9)),
        ]
        value = appraisal(targets)
        forms = Pp46Regime().score(value).figures
        outputs = Pp46Regime(rounding_points="outputs_only").score(value).figures
        both = {"activity[k1].value": Decimal("88.67"), "activity[k2].value": Decimal("86.92")}
        for key, expected in both.items():
            assert expected == forms[key] == outputs[key]
        assert (Decimal("87.795"), Decimal("87.80")) == (forms["activities"], forms["skp"])
        expected_activities = p.Rounding(6).apply(Fraction(2107, 24))
        assert (expected_activities, Decimal("87.79")) == (outputs["activities"], outputs["skp"])
        assert Decimal("84.68") == forms["final"] == outputs["final"]

    def test_the_choice_can_change_the_final_value(self):
        """
        One kegiatan of 2.5, 100 and 77 1/3 is 1079/18 = 59.944...; behaviour 80.

        As the forms: SKP 59.94, final 0.6 x 59.94 + 32 = 67.964 -> 67.96.
        Outputs only: 0.6 x 1079/18 + 32 = 67.9666... -> 67.97.
        """
        value = appraisal([kegiatan(quantity=(40, 1), quality=(3, 3), time=(3, "2.96"))])
        forms = Pp46Regime().score(value)
        outputs = Pp46Regime(rounding_points="outputs_only").score(value)
        assert (Decimal("59.94"), Decimal("59.94")) == (
            forms.figures["skp"],
            outputs.figures["skp"],
        )
        assert (Decimal("67.96"), Decimal("67.97")) == (forms.score, outputs.score)

    def test_trace_shows_the_display_rounding(self):
        """Each output's rounding for display is a step; the final step reads the exact SKP."""
        value = appraisal([kegiatan(quantity=(3, 2))])
        result = Pp46Regime(rounding_points="outputs_only").score(value)
        subjects = [step.subject for step in result.trace.find("pp46.output_rounding")]
        assert subjects == ["activity[k1].value", "skp", "behaviour"]
        [final] = list(result.trace.find("pp46.final"))
        assert dict(final.inputs)["skp"] == "698/9"  # (200/3 + 90 + 76) / 3, unrounded
        [rounding] = result.trace.find("pp46.rounding")
        assert rounding.subject == "final"
        assert "convention [LOW]" in result.trace.find("pp46.output_rounding")[0].rule.clause

    @given(pp46_appraisals())
    def test_trace_off_is_the_same(self, value):
        """Scoring without a trace gives the same figures and grade under outputs_only."""
        regime = Pp46Regime(rounding_points="outputs_only")
        assert regime.score(value).without_trace() == regime.score(value, trace=False)

    @given(pp46_appraisals())
    def test_the_two_choices_differ_by_rounding_only(self, value):
        """The two finals lie within the rounding carried forward of each other (one cent)."""
        forms = Pp46Regime().score(value).score
        outputs = Pp46Regime(rounding_points="outputs_only").score(value).score
        assert abs(forms - outputs) <= Decimal("0.02")
