"""Bounded numbers and bounded documents: refused early, with a typed error and a short message."""

from __future__ import annotations

import contextlib
import copy
import time
from decimal import Decimal
from fractions import Fraction

import pytest

import penilaian as p
from penilaian._base.bounds import MAX_DIGITS, MAX_NUMBER_TEXT, MAX_PLACES, check_bounds
from penilaian._base.numbers import to_decimal, to_fraction
from penilaian.exceptions import InvalidInputError, InvalidNumberError, UnsupportedInputError
from penilaian.model import BandTable, NumericScale, PointTarget, RangeTarget, Rating, Realisation
from penilaian.policy import AnonymityThresholds, Impute, TrimmedMean, WeightingPolicy, Zero
from penilaian.serialization import structure, unstructure
from penilaian.serialization._converter import MAX_DEPTH

# Numbers a document may hold that Python would take long, or refuse, to work with.
HUGE = ["1e5000", "1e999999", "-1e999999", "1e-999999", "9" * 5000, "0." + "0" * 5000 + "1"]


def shape(value):
    """A short test id for *value*, however many digits it has."""
    if isinstance(value, int) and value.bit_length() > 64:
        return f"int-{value.bit_length()}-bits"
    if isinstance(value, Fraction):
        return f"fraction-{value.numerator.bit_length()}-{value.denominator.bit_length()}-bits"
    text = str(value)
    return text if len(text) <= 20 else f"{text[:8]}...{len(text)}-chars"


def quick(call, *args):
    """Run call(*args), which must raise InvalidNumberError in well under a second; return it."""
    began = time.process_time()
    with pytest.raises(InvalidNumberError) as caught:
        call(*args)
    assert time.process_time() - began < 0.5
    return caught.value


class TestCheckBounds:
    """Every number keeps 40 digits before the point and 40 after; fractions alike."""

    @pytest.mark.parametrize(
        "value",
        [
            Decimal("9" * MAX_DIGITS),
            Decimal("-" + "9" * MAX_DIGITS + "." + "9" * MAX_PLACES),
            Decimal(f"1e-{MAX_PLACES}"),
            Decimal("1.50"),
            10**MAX_DIGITS - 1,
            -(10**MAX_DIGITS) + 1,
            Fraction(1, 3),
            Fraction(10**MAX_DIGITS - 1, 7),
            Fraction(1, 10**MAX_PLACES),
        ],
    )
    def test_within(self, value):
        """A number inside the bounds is returned as it is."""
        assert value == check_bounds(value, "x")

    @pytest.mark.parametrize(
        ("value", "reason"),
        [
            (Decimal(f"1e{MAX_DIGITS}"), "41 digits before the point"),
            (Decimal("1e999999"), "1000000 digits before the point"),
            (Decimal("0e+100"), "101 digits before the point"),
            (Decimal(f"1e-{MAX_PLACES + 1}"), "41 decimal places"),
            (Decimal("1e-999999"), "999999 decimal places"),
            (10**MAX_DIGITS, "less than 10^40"),
            (-(10**5000), "less than 10^40"),
            (Fraction(10**MAX_DIGITS, 1), "less than 10^40"),
            (Fraction(1, 10**MAX_PLACES + 1), "denominator greater than 10^40"),
            (Decimal("NaN"), "finite"),
        ],
        ids=shape,
    )
    def test_outside(self, value, reason):
        """A number outside the bounds is refused at its field, the bound broken in the reason."""
        error = quick(check_bounds, value, "target")
        assert error.field == "target"
        assert reason in error.reason


class TestConversionsAreBounded:
    """to_decimal and to_fraction refuse numbers out of bounds before any slow arithmetic."""

    @pytest.mark.parametrize("value", [*HUGE, *(Decimal(text) for text in HUGE[:4])], ids=shape)
    def test_to_decimal_refuses_huge_numbers(self, value):
        """Text and decimals with huge exponents or many digits are refused, quickly."""
        assert quick(to_decimal, value, "realisation").field == "realisation"

    @pytest.mark.parametrize(
        "value",
        [10**4299, 10**100_000, Fraction(10**5000, 3), Fraction(1, 2**5000), 1e308, 5e-324],
        ids=shape,
    )
    def test_to_decimal_refuses_huge_ints_fractions_floats(self, value):
        """An int, fraction or float out of bounds is refused without building a Decimal of it."""
        quick(to_decimal, value)

    @pytest.mark.parametrize(
        "value",
        ["1/" + "3" * 45, "1" * 45 + "/7", "1/1" + "0" * 4000, Fraction(1, 3**100), *HUGE],
        ids=shape,
    )
    def test_to_fraction_refuses_huge_ratios(self, value):
        """Ratios with a huge numerator or denominator are refused too."""
        quick(to_fraction, value, "weight")

    def test_long_text_is_refused_before_it_is_read(self):
        """Text longer than MAX_NUMBER_TEXT is refused by its length, whatever it holds."""
        error = quick(to_decimal, " " + "1" * (MAX_NUMBER_TEXT + 1), "value")
        assert f"at most {MAX_NUMBER_TEXT}" in error.reason
        assert Decimal(1) == to_decimal(" " * 1000 + "1")

    def test_message_is_short(self):
        """The message shows a long value cut short with its digit count, never all of it."""
        error = quick(to_decimal, 10**100_000, "target")
        assert len(str(error)) < 200
        assert "digits" in str(error)


class TestEveryNumericFieldIsBounded:
    """Every numeric field of the model and the policy goes through the bounds."""

    @pytest.mark.parametrize(
        "build",
        [
            PointTarget,
            lambda huge: RangeTarget(1, huge),
            Realisation,
            lambda huge: NumericScale("s", 0, 5, step=huge),
            lambda huge: NumericScale("s", huge, 5),
            lambda huge: Rating("r", "s", "likert", score=huge),
            lambda huge: WeightingPolicy({"supervisor": huge}, missing=Zero()),
            lambda huge: WeightingPolicy({"supervisor": 1}, missing=Impute(huge)),
            TrimmedMean,
        ],
    )
    @pytest.mark.parametrize("huge", ["1e999999", "1e-999999", "1/" + "7" * 50], ids=shape)
    def test_refused_at_construction(self, build, huge):
        """A huge, over-precise or huge-ratio number is refused with InvalidNumberError, quickly."""
        quick(build, huge)

    @pytest.mark.parametrize("cut", [Decimal("1e999999"), Decimal("1e-999999")])
    def test_band_cuts(self, cut):
        """A band table's cut points keep the bounds too."""
        error = quick(BandTable, "t", "c", ("low", "high"), (cut,))
        assert error.field == "cuts[0]"

    @pytest.mark.parametrize(
        "build",
        [
            lambda count: WeightingPolicy({"peer": 1}, missing=Zero(), min_raters={"peer": count}),
            lambda count: AnonymityThresholds({"peer": count}),
        ],
    )
    def test_counts_are_bounded(self, build):
        """Whole-number counts of the policy keep the bound too."""
        with pytest.raises(InvalidNumberError, match="less than 10"):
            build(10**50)


@pytest.fixture(name="document")
def _document():
    """The PP 30/2019 sample as plain JSON data."""
    return unstructure(p.load_sample("pp30_2019"))


class TestDocumentNumbers:
    """A document's numbers are refused at their path before scoring can start."""

    @pytest.mark.parametrize(
        "huge", [*HUGE, *(Decimal(text) for text in HUGE[:4]), 10**4299], ids=shape
    )
    def test_realisation_out_of_bounds(self, document, huge):
        """A realisation of 1e5000 or 1e-999999 is an InvalidNumberError at its JSON path."""
        document["targets"][0]["indicators"][0]["realisation"]["value"] = huge
        began = time.process_time()
        with pytest.raises(InvalidInputError) as caught:
            structure(document, p.Appraisal)
        assert time.process_time() - began < 0.5
        (problem,) = caught.value.problems
        assert problem.path == "$.targets[0].indicators[0].realisation.value"
        assert isinstance(problem.error, InvalidNumberError)
        assert len(str(caught.value)) < 400

    @pytest.mark.parametrize("edge", ["9" * MAX_DIGITS, "1e-40", "9" * 40 + "." + "9" * 40])
    def test_numbers_at_the_bounds_score_quickly(self, document, edge):
        """Numbers at the very bounds load, and every regime scores or refuses them quickly."""
        indicator = document["targets"][0]["indicators"][0]
        indicator["realisation"]["value"] = indicator["target"]["value"] = edge
        appraisal = structure(document, p.Appraisal)
        registry = p.default_registry()
        for regime_id in registry:
            began = time.process_time()
            with contextlib.suppress(p.PenilaianError):
                registry.get(regime_id).score(appraisal)
            assert time.process_time() - began < 1

    def test_json_integers_are_bounded(self):
        """An integer field takes no integer out of bounds."""
        with pytest.raises(InvalidInputError, match="less than 10"):
            structure(10**50, int)
        assert structure(10**39, int) == 10**39


class TestDocumentShape:
    """A document's nesting and its problems are bounded."""

    @pytest.mark.parametrize("depth", [MAX_DEPTH, 1000, 100_000])
    def test_deep_nesting_is_refused_at_its_path(self, depth):
        """A tree nested deeper than MAX_DEPTH levels is one typed problem, where it is too deep."""
        unit = {"id": "u", "name": "n"}
        for level in range(depth // 2):
            unit = {"id": f"u{level}", "name": "n", "children": [unit]}
        with pytest.raises(InvalidInputError) as caught:
            structure(unit, p.OrgUnit)
        (problem,) = caught.value.problems
        assert isinstance(problem.error, UnsupportedInputError)
        assert problem.path.startswith("$.children[0].children[0]")
        assert problem.path.count("[0]") == MAX_DEPTH // 2

    def test_shallow_trees_structure(self):
        """A tree within MAX_DEPTH levels structures as before."""
        unit = {"id": "u", "name": "n"}
        for level in range(MAX_DEPTH // 2 - 1):
            unit = {"id": f"u{level}", "name": "n", "children": [unit]}
        assert structure(unit, p.OrgUnit).id == f"u{MAX_DEPTH // 2 - 2}"

    def test_a_string_is_not_an_array(self):
        """A million-character string where an array is expected is one problem, not a million."""
        document = unstructure(p.load_sample())
        document["scales"][0]["aliases"] = "x" * 1_000_000
        document["targets"][0]["indicators"][0]["realisation"]["evidence"] = "doc.pdf"
        with pytest.raises(InvalidInputError) as caught:
            structure(document, p.Appraisal)
        assert caught.value.count == 2
        assert {problem.message.split(" (")[0] for problem in caught.value.problems} == {
            "expected a JSON array"
        }
        assert len(str(caught.value)) < 600

    def test_long_arrays_stop_after_fifty_wrong_items(self, document):
        """After 50 wrong items an array's rest is one problem: checking it costs no more."""
        document["targets"][0]["indicators"][0]["realisation"]["evidence"] = [1] * 200_000
        began = time.process_time()
        with pytest.raises(InvalidInputError) as caught:
            structure(document, p.Appraisal)
        assert time.process_time() - began < 1
        assert caught.value.count == 51
        last = caught.value.problems[-1]
        assert last.path.endswith(".evidence[50]")
        assert "these 199950 items are not checked" in last.message

    def test_many_problems_are_counted_not_listed(self, document):
        """Over a hundred problems: the first hundred are listed, the rest counted."""
        document["extra"] = None
        document.update({f"unknown{index:03}": index for index in range(250)})
        with pytest.raises(InvalidInputError) as caught:
            structure(document, p.Appraisal)
        assert (caught.value.count, len(caught.value.problems)) == (251, 100)
        assert str(caught.value).splitlines()[-1] == "  \u2026 and 151 more problems"

    def test_counts_of_nested_errors_are_kept(self, document):
        """Problems an inner error counted without listing them still count in the whole."""
        target = document["targets"][0]
        document["targets"] = [copy.deepcopy(target) for _ in range(150)]
        with pytest.raises(InvalidInputError) as direct:
            structure(document, p.Appraisal)
        with pytest.raises(InvalidInputError) as nested:
            structure([document], tuple[p.Appraisal, ...])
        assert direct.value.count > InvalidInputError.MAX_PROBLEMS
        assert nested.value.count == direct.value.count
        assert nested.value.problems[0].path == "$[0]" + direct.value.problems[0].path[1:]
