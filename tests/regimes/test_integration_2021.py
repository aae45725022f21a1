"""Tests for penilaian.regimes.integration_2021: January-June (PP 46/2011) joined to the rest."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st
from test_regime_pp30 import appraisal as pp30_appraisal
from test_regime_pp30 import indicator, interpolation
from test_regime_pp46 import appraisal as pp46_appraisal
from test_regime_pp46 import kegiatan

import penilaian as p
from penilaian.exceptions import (
    InvalidNumberError,
    InvalidValueError,
    MissingValueError,
    UnsupportedInputError,
)
from penilaian.regimes.integration_2021 import (
    CONVERSION_CAP_RULE,
    CONVERSION_RULE,
    INTEGRATION_2021_CONTINUOUS,
    INTEGRATION_2021_CONVERSION,
    INTEGRATION_2021_WEIGHTS,
    MERGE_RULE,
    Integration2021,
    IntegrationBand,
    IntegrationTable,
    convert_pp46_value,
    merge_semesters,
)
from penilaian.regimes.pp30_2019 import PP30_2019_PREDIKAT
from penilaian.regimes.pp46_2011 import PP46_2011_CATEGORIES, Pp46Regime, category
from penilaian.serialization import structure, unstructure

INTEGRATION = Integration2021()


class TestConversionEdges:
    """Every band edge of both tables, and what lies between the printed rows."""

    @pytest.mark.parametrize(
        ("value", "expected"),
        [
            (0, 0),
            (50, 49),  # Buruk's top stays below 50 (Sangat Kurang)
            (51, 50),  # Kurang's bottom is Kurang's bottom
            (60, 69),
            (61, 70),
            (75, 89),
            (76, 90),
            (90, 109),  # Baik's top stays Baik
            (91, 110),  # Sangat Baik's bottom is the Sangat Baik band
            (100, 120),
            ("50.5", Fraction(99, 2)),  # between rows: between their edges
            ("90.5", Fraction(219, 2)),
            ("90.01", Fraction(10901, 100)),
            ("85.5", 90 + Fraction(19, 2) * 19 / 14),  # inside Baik
        ],
    )
    def test_default_whole_number_rows(self, value, expected):
        """INTEGRATION_2021_CONVERSION: a whole-number edge stays in its own row."""
        assert Fraction(expected) == convert_pp46_value(value)

    @pytest.mark.parametrize(
        ("value", "expected"),
        [(0, 0), (50, 50), (60, 70), (75, 90), (90, 110), (100, 120), ("90.5", Fraction(221, 2))],
    )
    def test_shared_cut_points(self, value, expected):
        """INTEGRATION_2021_CONTINUOUS: one straight piece between each pair of cut points."""
        assert Fraction(expected) == convert_pp46_value(value, INTEGRATION_2021_CONTINUOUS)

    def test_the_two_tables_differ_at_the_baik_edge(self):
        """90 is Baik under PP 46/2011: 109 (Baik) by default, 110 (Sangat Baik band) shared."""
        assert p.Grade.GOOD is category(90)
        default = PP30_2019_PREDIKAT.classify(convert_pp46_value(90))
        shared = PP30_2019_PREDIKAT.classify(convert_pp46_value(90, INTEGRATION_2021_CONTINUOUS))
        assert (default, shared) == (p.Grade.GOOD, p.Grade.VERY_GOOD)

    @pytest.mark.parametrize("value", [*range(101), *(Fraction(n, 4) for n in range(401))])
    def test_whole_and_quarter_values_keep_their_rank(self, value):
        """Every value on a default row converts into the PP 30 band of the same rank."""
        row = next(
            (band for band in INTEGRATION_2021_CONVERSION.bands
             if band.pp46_low <= value <= band.pp46_high),
            None,
        )  # fmt: skip
        if row is None:  # between two printed rows: no rank to keep
            return
        rank46 = PP46_2011_CATEGORIES.labels.index(category(value))
        rank30 = PP30_2019_PREDIKAT.labels.index(
            PP30_2019_PREDIKAT.classify(convert_pp46_value(value))
        )
        assert rank46 == rank30

    def test_above_the_table_is_capped_at_120(self):
        """A nilai prestasi kerja above 100 (kreativitas can lift the SKP) converts to 120."""
        expected = Fraction(120)
        assert expected == convert_pp46_value("104.5")
        result = INTEGRATION.integrate("104.5", 100, innovative=False)
        assert result.trace.find(CONVERSION_CAP_RULE.id)
        assert Decimal("110.00") == result.score

    @pytest.mark.parametrize(
        ("value", "field"),
        [(-1, "value"), ("x", "value"), (True, "value"), (None, "value")],
    )
    def test_bad_values(self, value, field):
        """A value below the table or not a number is refused by name."""
        with pytest.raises(InvalidNumberError) as caught:
            convert_pp46_value(value)
        assert field == caught.value.field

    def test_bad_table(self):
        """Only an IntegrationTable converts."""
        with pytest.raises(InvalidValueError) as caught:
            convert_pp46_value(80, {"91": 110})
        expected = "table"
        assert expected == caught.value.field


class TestTables:
    def test_rows_must_meet_or_leave_a_gap_on_both_scales(self):
        """A row that overlaps the one below, or leaves a gap on one scale only, is refused."""
        low = IntegrationBand(p.Grade.BAD, 0, 50, 0, 49)
        for upper in (
            IntegrationBand(p.Grade.GOOD, 49, 100, 50, 120),  # overlaps on PP 46
            IntegrationBand(p.Grade.GOOD, 50, 100, 50, 120),  # meets on PP 46, gap on PP 30
            IntegrationBand(p.Grade.GOOD, 51, 100, 49, 120),  # gap on PP 46, meets on PP 30
        ):
            with pytest.raises(InvalidValueError) as caught:
                IntegrationTable("t", "test", (low, upper))
            expected = "bands[1]"
            assert expected == caught.value.field

    def test_a_row_needs_a_range(self):
        """A row whose low end is not below its high end is refused."""
        with pytest.raises(InvalidValueError) as caught:
            IntegrationBand(p.Grade.GOOD, 90, 90, 109, 110)
        expected = "pp46_high"
        assert expected == caught.value.field

    def test_an_agency_table(self):
        """Another reading is one more value of the same class."""
        table = IntegrationTable(
            "agency", "agency circular", [IntegrationBand(p.Grade.GOOD, 0, 100, 0, 120)]
        )
        expected = Fraction(96)
        assert expected == convert_pp46_value(80, table)
        assert (
            Decimal("108.00")
            == Integration2021(table=table).integrate(80, 120, innovative=False).score
        )


class TestMerge:
    def test_fifty_fifty(self):
        """SE MenPANRB 3/2021: the two halves weigh the same."""
        expected = Fraction(105)
        assert expected == merge_semesters(110, 100)
        assert {"first_half": Fraction(1, 2), "second_half": Fraction(1, 2)} == dict(
            INTEGRATION_2021_WEIGHTS.shares
        )

    def test_weights_are_policy(self):
        """An agency may weigh the halves otherwise (by months worked, say)."""
        weights = p.Weights({"first_half": "1/3", "second_half": "2/3"})
        expected = Fraction(310, 3)
        assert expected == merge_semesters(110, 100, weights)

    @pytest.mark.parametrize(
        ("call", "field"),
        [
            (lambda: merge_semesters(121, 100), "first"),
            (lambda: merge_semesters(100, "120.01"), "second"),
            (lambda: merge_semesters(100, -1), "second"),
            (lambda: merge_semesters(100, 100, p.Weights({"work": 1})), "weights"),
        ],
    )
    def test_bad_input(self, call, field):
        """Values off 0-120 and other weights are refused by name."""
        with pytest.raises(InvalidValueError) as caught:
            call()
        assert field == caught.value.field


class TestIntegrate:
    def test_worked_example(self):
        """
        85.50 under PP 46/2011 and 100 under PP 30/2019, no innovation.

        85.50 is Baik: 90 + (85.50 - 76) x 19 / 14 = 102.892857... -> 102.89; the year
        is (102.89 + 100) / 2 = 101.445 -> 101.45, Baik.
        """
        result = INTEGRATION.integrate("85.50", 100, innovative=False, subject="nip-1")
        expected = {
            "first": Decimal("85.50"),
            "first.converted": Decimal("102.89"),
            "second": Decimal(100),
            "weight.first_half": Decimal("0.5"),
            "weight.second_half": Decimal("0.5"),
            "final": Decimal("101.45"),
        }
        assert expected == dict(result.figures)
        assert (result.regime, result.appraisal_id) == ("integration_2021", "nip-1")
        assert (p.Grade.GOOD, Decimal("101.45")) == (result.grade, result.score)
        assert dict(result.ratings) == {"band": "good"}

    @pytest.mark.parametrize(
        ("first", "second", "innovative", "expected"),
        [
            (100, 120, True, p.Grade.VERY_GOOD),
            (100, 120, False, p.Grade.GOOD),  # Sangat Baik needs an innovation
            (90, 110, True, p.Grade.GOOD),  # 109 + 110 -> 109.50: the Baik edge holds
            (91, 110, True, p.Grade.VERY_GOOD),  # 110 + 110
            (60, 90, False, p.Grade.NEEDS_IMPROVEMENT),  # (69 + 90) / 2 = 79.50
            (51, 60, False, p.Grade.POOR),  # (50 + 60) / 2 = 55
            (50, 49, False, p.Grade.VERY_POOR),  # (49 + 49) / 2
        ],
    )
    def test_predikat(self, first, second, innovative, expected):
        """PP 30/2019 Pasal 41(5) grades the merged value; 70-89 is Butuh Perbaikan."""
        assert expected is INTEGRATION.integrate(first, second, innovative=innovative).grade

    def test_edge_differs_by_table(self):
        """At 90 the shared-cut table gives 110 and, with an innovation, Sangat Baik."""
        shared = Integration2021(table=INTEGRATION_2021_CONTINUOUS)
        result = shared.integrate(90, 110, innovative=True)
        assert (Decimal("110.00"), p.Grade.VERY_GOOD) == (result.score, result.grade)

    def test_fair_label(self):
        """The 70-89 band is Butuh Perbaikan by default, Cukup on request."""
        assert p.Grade.NEEDS_IMPROVEMENT is INTEGRATION.integrate(70, 80, innovative=False).grade
        cukup = Integration2021(fair_label=p.Grade.FAIR)
        assert p.Grade.FAIR is cukup.integrate(70, 80, innovative=False).grade

    def test_exact_without_rounding(self):
        """rounding=None keeps the converted and merged values exact (the trace shows them)."""
        result = Integration2021(rounding=None).integrate("85.5", 100, innovative=False)
        exact = (90 + Fraction(19, 2) * 19 / 14 + 100) / 2
        [merge] = result.trace.find(MERGE_RULE.id)
        assert str(exact) == merge.output
        assert p.Rounding(6).apply(exact) == result.score

    def test_trace(self):
        """The root gives the grade; conversion, merge, rounding and predikat are steps."""
        result = INTEGRATION.integrate("85.50", 100, innovative=False)
        assert result.grade.value == result.trace.output
        rules = {step.rule.id for step in result.trace.walk()}
        expected = {
            "integration_2021.result",
            "integration_2021.rounding",
            "integration_2021.merge",
            "integration_2021.conversion",
            "integration_2021.predikat",
        }
        assert expected == rules
        [conversion] = result.trace.find(CONVERSION_RULE.id)
        assert "[LOW]" in conversion.rule.clause
        assert dict(conversion.inputs)["table"] == INTEGRATION_2021_CONVERSION.id
        text = p.render_trace(result.trace, "en")
        assert "Converted value" in text
        assert (
            INTEGRATION.integrate("85.50", 100, innovative=False, trace=False)
            == result.without_trace()
        )

    @pytest.mark.parametrize(
        ("changes", "field"),
        [
            ({"innovative": None}, "innovative"),
            ({"innovative": 1}, "innovative"),
            ({"innovative": False, "subject": ""}, "subject"),
            ({"innovative": False, "second": 121}, "second"),
            ({"innovative": False, "first": "-0.01"}, "first"),
        ],
    )
    def test_bad_input(self, changes, field):
        """Missing innovation, empty subject and values off range are refused by name."""
        arguments = {"first": 80, "second": 100, **changes}
        with pytest.raises(InvalidValueError) as caught:
            INTEGRATION.integrate(arguments.pop("first"), arguments.pop("second"), **arguments)
        assert field == caught.value.field

    @pytest.mark.parametrize(
        ("changes", "field"),
        [
            ({"table": 3}, "table"),
            ({"weights": p.Weights({"work": 1})}, "weights"),
            ({"rounding": 2}, "rounding"),
            ({"fair_label": p.Grade.GOOD}, "fair_label"),
        ],
    )
    def test_bad_options(self, changes, field):
        """Each field refuses what it does not document, naming itself."""
        with pytest.raises(InvalidValueError) as caught:
            Integration2021(**changes)
        assert field == caught.value.field

    def test_result_round_trips(self):
        """The result serialises and loads back equal, like any regime's."""
        result = INTEGRATION.integrate("85.50", 100, innovative=False)
        assert result == structure(unstructure(result), p.Result)


def _first_half():
    """A PP 46/2011 result of January-June 2021: SKP 88.67, behaviour 80 -> 85.20."""
    value = pp46_appraisal([kegiatan()], id="skp-2021-1", period=p.Period.semester(2021, 1))
    return Pp46Regime().score(value)


def _second_half(innovations=()):
    """A PP 30/2019 result of July-December 2021 with every IKI exactly on target."""
    value = pp30_appraisal([indicator("iki-1", None, 100)], innovations=innovations)
    return interpolation().score(value)


class TestFromResults:
    def test_the_two_regimes(self):
        """The two regimes' scores are the two values, and their traces hang below."""
        first, second = _first_half(), _second_half()
        result = INTEGRATION.integrate_results(first, second)
        expected = INTEGRATION.integrate(first.score, second.score, innovative=False)
        assert expected.figures == result.figures
        assert expected.grade is result.grade
        assert f"{first.appraisal_id}+{second.appraisal_id}" == result.appraisal_id
        roots = {step.rule.id for step in result.trace.walk()}
        assert {"pp46.result", first.trace.rule.id, second.trace.rule.id} <= roots

    def test_innovation_is_read_from_the_second_half(self):
        """With innovative=None, a Sangat Baik second half carries its innovation [LOW]."""
        first, second = _first_half(), _second_half()
        very_good = p.Result(
            regime="pp30_2019", appraisal_id="b", grade=p.Grade.VERY_GOOD, score=Decimal(120)
        )
        good = p.Result(
            regime="pp30_2019", appraisal_id="b", grade=p.Grade.GOOD, score=Decimal(120)
        )
        top = p.Result(
            regime="pp46_2011", appraisal_id="a", grade=p.Grade.VERY_GOOD, score=Decimal(100)
        )
        assert p.Grade.VERY_GOOD is INTEGRATION.integrate_results(top, very_good).grade
        assert p.Grade.GOOD is INTEGRATION.integrate_results(top, good).grade
        assert p.Grade.VERY_GOOD is INTEGRATION.integrate_results(top, good, innovative=True).grade
        assert INTEGRATION.integrate_results(first, second, trace=False).trace is None

    def test_wrong_regime(self):
        """A result of another regime is refused, naming which one."""
        second = _second_half()
        with pytest.raises(UnsupportedInputError) as caught:
            INTEGRATION.integrate_results(second, second)
        expected = "first.regime"
        assert expected == caught.value.field

    def test_incomplete_result(self):
        """An incomplete half is a MissingValueError: missing is never 0."""
        first = _first_half()
        gap = p.Result(
            regime="pp30_2019", appraisal_id="b", gaps=(p.Gap("$.ratings", "no rating"),)
        )
        with pytest.raises(MissingValueError, match="no rating") as caught:
            INTEGRATION.integrate_results(first, gap)
        expected = "second.score"
        assert expected == caught.value.field

    def test_not_a_result(self):
        """Anything but a Result is refused by name."""
        with pytest.raises(InvalidValueError) as caught:
            INTEGRATION.integrate_results(85, _second_half())
        expected = "first"
        assert expected == caught.value.field


PP46_VALUES = st.integers(0, 10_000).map(lambda cents: Fraction(cents, 100))
PP30_VALUES = st.integers(0, 12_000).map(lambda cents: Fraction(cents, 100))
TABLES = st.sampled_from([INTEGRATION_2021_CONVERSION, INTEGRATION_2021_CONTINUOUS])


class TestProperties:
    @given(PP46_VALUES, PP46_VALUES, TABLES)
    def test_conversion_is_increasing(self, one, two, table):
        """A higher nilai prestasi kerja never converts lower, on either table."""
        low, high = sorted((one, two))
        assert convert_pp46_value(low, table) <= convert_pp46_value(high, table)
        if low < high:
            assert convert_pp46_value(low, table) < convert_pp46_value(high, table)

    @given(PP46_VALUES, TABLES)
    def test_conversion_stays_on_the_scale(self, value, table):
        """Every value of 0-100 converts into 0-120."""
        assert 0 <= convert_pp46_value(value, table) <= 120

    @given(PP46_VALUES, PP30_VALUES)
    def test_merged_lies_between_the_halves(self, first, second):
        """The exact merged value lies between the converted first half and the second."""
        converted = convert_pp46_value(first)
        merged = merge_semesters(converted, second)
        assert min(converted, second) <= merged <= max(converted, second)

    @given(PP46_VALUES, PP30_VALUES, st.booleans())
    def test_result_is_the_formulas(self, first, second, innovative):
        """The result's figures are the public formulas, rounded at the declared points."""
        result = INTEGRATION.integrate(first, second, innovative=innovative)
        rounding = p.Rounding(2)
        converted = Fraction(rounding.apply(convert_pp46_value(first)))
        assert converted == result.figures["first.converted"]
        assert rounding.apply(merge_semesters(converted, second)) == result.score
        assert INTEGRATION.integrate(first, second, innovative=innovative, trace=False) == (
            result.without_trace()
        )
