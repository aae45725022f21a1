"""Tests for model.targets: work targets (RHK), indicators (IKI), targets, realisations."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import attrs
import pytest
from hypothesis import given

from base.wrong_values import JUNK, fields_of, only_typed_errors, refused_at, wrong_cases
from penilaian import (
    Aspect,
    Direction,
    Indicator,
    PointTarget,
    QualitativeTarget,
    RangeTarget,
    Realisation,
    WorkTarget,
)
from penilaian.exceptions import (
    DuplicateIdError,
    InvalidNumberError,
    InvalidValueError,
    UnknownLabelError,
    UnknownReferenceError,
)
from penilaian.model import Perspective, TargetKind
from strategies import indicators, realisations, targets, work_targets


def reports(realisation: Realisation | None = None) -> Indicator:
    """Return a quantity indicator: 12 reports a year."""
    return Indicator(
        id="i1",
        description="Jumlah laporan yang disusun",
        aspect="Kuantitas",
        target=PointTarget(12),
        unit="laporan",
        realisation=realisation,
    )


def quality() -> Indicator:
    """Return a qualitative quality indicator, not yet realised."""
    return Indicator(
        id="i2",
        description="Laporan diterima pimpinan",
        aspect=Aspect.QUALITY,
        target=QualitativeTarget("Laporan diterima tanpa revisi"),
    )


def finance(*items: Indicator) -> WorkTarget:
    """Return a work target holding *items* (by default, reports and quality)."""
    return WorkTarget(
        id="t1", title="Tersusunnya laporan keuangan", indicators=items or (reports(), quality())
    )


class TestEnumerations:
    @pytest.mark.parametrize(
        ("enum", "text", "expected"),
        [
            (Aspect, "Kuantitas", Aspect.QUANTITY),
            (Aspect, "quantity", Aspect.QUANTITY),
            (Aspect, "kualitas/mutu", Aspect.QUALITY),
            (Aspect, "MUTU", Aspect.QUALITY),
            (Aspect, "Waktu", Aspect.TIME),
            (Aspect, "biaya", Aspect.COST),
            (Direction, "kondisi khusus", Direction.LOWER_IS_BETTER),
            (Direction, "Kondisi normal", Direction.HIGHER_IS_BETTER),
            (Direction, "lower-is-better", Direction.LOWER_IS_BETTER),
            (TargetKind, "tugas tambahan", TargetKind.ADDITIONAL),
            (TargetKind, "Hasil Kerja Utama", TargetKind.MAIN),
            (Perspective, "penerima layanan", Perspective.SERVICE_RECIPIENTS),
            (Perspective, "Perspektif Anggaran", Perspective.BUDGET),
        ],
    )
    def test_parse_ids_labels_and_aliases(self, enum, text, expected):
        """Calling the enum and its parse both accept ids, labels and aliases in any case."""
        assert (expected, expected) == (enum(text), enum.parse(text))

    def test_unknown_text_lists_accepted_ids(self):
        """An unknown aspect raises UnknownLabelError listing the four ids."""
        with pytest.raises(UnknownLabelError) as caught:
            Aspect.parse("kecepatan", "aspect")
        expected = ("aspect", "kecepatan", ("quantity", "quality", "time", "cost"))
        assert expected == (caught.value.field, caught.value.value, caught.value.accepted)


class TestPointTarget:
    @pytest.mark.parametrize("value", [0, -1, Decimal("-0.01"), "0"])
    def test_rejects_zero_and_negative(self, value):
        """A target of 0 or less is rejected, because achievement divides by it."""
        with pytest.raises(InvalidNumberError) as caught:
            PointTarget(value)
        expected = "value"
        assert expected == caught.value.field

    def test_converts_floats_exactly(self):
        """A float is taken through its shortest text, so 0.1 is exactly Decimal("0.1")."""
        expected = Decimal("0.1")
        assert expected == PointTarget(0.1).value

    def test_converts_text_and_ints(self):
        """Numeric text and ints become Decimals."""
        expected = (Decimal("12.5"), Decimal(12))
        assert expected == (PointTarget(" 12.5 ").value, PointTarget(12).value)

    @pytest.mark.parametrize("value", [float("nan"), float("inf"), True, "dua belas", None])
    def test_rejects_non_numbers(self, value):
        """NaN, infinity, booleans, non-numeric text and None are not targets."""
        with pytest.raises(InvalidNumberError) as caught:
            PointTarget(value)
        assert ("value", value) == (caught.value.field, caught.value.value)


class TestRangeTarget:
    def test_keeps_bounds(self):
        """A range keeps its bounds as exact decimals."""
        expected = (Decimal("0.8"), Decimal("0.9"))
        made = RangeTarget(0.8, 0.9)
        assert expected == (made.low, made.high)

    @pytest.mark.parametrize("low", [0, -5])
    def test_rejects_low_of_zero_or_less(self, low):
        """A low bound of 0 or less is rejected on field "low", since rules divide by it."""
        with pytest.raises(InvalidNumberError) as caught:
            RangeTarget(low, 10)
        expected = "low"
        assert expected == caught.value.field

    @pytest.mark.parametrize("high", [80, 79, "79.99"])
    def test_rejects_high_not_above_low(self, high):
        """A high bound equal to or below low is rejected on field "high"."""
        with pytest.raises(InvalidValueError) as caught:
            RangeTarget(80, high)
        assert ("high", Decimal(high)) == (caught.value.field, caught.value.value)

    def test_rejects_non_numeric_high(self):
        """A non-numeric high bound is rejected on field "high"."""
        with pytest.raises(InvalidNumberError) as caught:
            RangeTarget(1, float("inf"))
        expected = "high"
        assert expected == caught.value.field


class TestQualitativeTarget:
    @pytest.mark.parametrize("description", ["", "   ", None])
    def test_rejects_empty_description(self, description):
        """A qualitative target needs words."""
        with pytest.raises(InvalidValueError) as caught:
            QualitativeTarget(description)
        expected = "description"
        assert expected == caught.value.field


class TestRealisation:
    def test_zero_is_a_value(self):
        """A realisation of 0 is a real result, kept as 0 rather than treated as missing."""
        expected = Decimal(0)
        assert expected == Realisation(0).value

    def test_description_alone_is_enough(self):
        """A qualitative realisation may be words only, with no value."""
        made = Realisation(description="Diterima tanpa revisi")
        expected = (None, "Diterima tanpa revisi")
        assert expected == (made.value, made.description)

    @pytest.mark.parametrize("description", [None, "", "  "])
    def test_needs_value_or_description(self, description):
        """A realisation with neither a value nor a description is rejected on "value"."""
        with pytest.raises(InvalidValueError) as caught:
            Realisation(description=description)
        expected = ("value", None)
        assert expected == (caught.value.field, caught.value.value)

    def test_rejects_negative_value(self):
        """A measured result below 0 is rejected on "value"."""
        with pytest.raises(InvalidValueError) as caught:
            Realisation(-1)
        assert ("value", Decimal(-1)) == (caught.value.field, caught.value.value)

    def test_rejects_boolean_value(self):
        """A boolean is not a measured result."""
        with pytest.raises(InvalidNumberError) as caught:
            Realisation(value=False)
        expected = "value"
        assert expected == caught.value.field

    def test_evidence_becomes_a_tuple(self):
        """Evidence given as a list is kept as a tuple."""
        made = Realisation(3, evidence=["laporan-q1.pdf", "laporan-q2.pdf"])
        expected = ("laporan-q1.pdf", "laporan-q2.pdf")
        assert expected == made.evidence

    def test_rejects_evidence_as_text(self):
        """A single string of evidence is refused, not split into characters."""
        with pytest.raises(InvalidValueError) as caught:
            Realisation(3, evidence="laporan.pdf")
        expected = "evidence"
        assert expected == caught.value.field

    @given(realisations(numeric=True))
    def test_numeric_realisations_have_values(self, realisation):
        """The strategy's numeric realisations always carry a value of at least 0."""
        assert realisation.value is not None
        assert realisation.value >= 0

    @given(realisations(numeric=False))
    def test_qualitative_realisations_have_descriptions(self, realisation):
        """The strategy's qualitative realisations always carry a description."""
        assert realisation.description
        assert realisation.description.strip()


class TestIndicator:
    def test_parses_aspect_and_direction(self):
        """Aspect and direction given as text are parsed; direction defaults to normal."""
        made = reports()
        expected = (Aspect.QUANTITY, Direction.HIGHER_IS_BETTER)
        assert expected == (made.aspect, made.direction)

    def test_parses_direction_text(self):
        """A time indicator may be in the special condition, given as text."""
        made = attrs.evolve(reports(), aspect="waktu", direction="kondisi khusus")
        expected = (Aspect.TIME, Direction.LOWER_IS_BETTER)
        assert expected == (made.aspect, made.direction)

    def test_rejects_unknown_aspect(self):
        """An aspect that names no Aspect raises UnknownLabelError."""
        with pytest.raises(UnknownLabelError) as caught:
            attrs.evolve(reports(), aspect="kecepatan")
        expected = "kecepatan"
        assert expected == caught.value.value

    @pytest.mark.parametrize("field", ["id", "description"])
    def test_rejects_empty_text(self, field):
        """The id and the description must not be empty."""
        with pytest.raises(InvalidValueError) as caught:
            attrs.evolve(reports(), **{field: " "})
        assert field == caught.value.field

    @pytest.mark.parametrize("target", [12, Decimal(12), "12", None])
    def test_rejects_target_of_other_type(self, target):
        """A bare number is not a target: it must be a point, range or qualitative target."""
        with pytest.raises(InvalidValueError) as caught:
            attrs.evolve(reports(), target=target)
        assert ("target", target) == (caught.value.field, caught.value.value)

    @pytest.mark.parametrize("target", [PointTarget(12), RangeTarget(10, 12)])
    def test_numeric_target_needs_numeric_realisation(self, target):
        """A numeric target with a realisation in words only is rejected on "realisation.value"."""
        with pytest.raises(InvalidValueError) as caught:
            attrs.evolve(reports(), target=target, realisation=Realisation(description="selesai"))
        expected = "realisation.value"
        assert expected == caught.value.field

    def test_qualitative_target_takes_words(self):
        """A qualitative target may be realised in words only."""
        done = Realisation(description="Diterima tanpa revisi")
        assert quality().with_realisation(done).is_realised

    def test_missing_is_not_realised(self):
        """Without a realisation the indicator is not realised (missing is not zero)."""
        assert not reports().is_realised

    def test_zero_is_realised(self):
        """A realisation of 0 counts as reported."""
        assert reports(Realisation(0)).is_realised

    def test_with_realisation_returns_new_value(self):
        """with_realisation returns a new indicator and leaves the original unchanged."""
        original = reports()
        done = Realisation(11, recorded_on=date(2024, 12, 20))
        changed = original.with_realisation(done)
        expected = (None, done)
        assert expected == (original.realisation, changed.realisation)

    def test_with_realisation_none_withdraws(self):
        """with_realisation(None) withdraws a reported realisation."""
        assert not reports(Realisation(11)).with_realisation(None).is_realised

    def test_with_realisation_revalidates(self):
        """A words-only realisation on a numeric target is rejected through the verb too."""
        with pytest.raises(InvalidValueError) as caught:
            reports().with_realisation(Realisation(description="selesai"))
        expected = "realisation.value"
        assert expected == caught.value.field

    @given(indicators())
    def test_withdrawn_realisation_is_valid_and_missing(self, indicator):
        """Any indicator without its realisation is still valid and not realised."""
        withdrawn = attrs.evolve(indicator, realisation=None)
        assert not withdrawn.is_realised

    @given(indicators())
    def test_realisation_fits_target(self, indicator):
        """The strategy's realisations fit the target: numeric targets get numeric values."""
        numeric = not isinstance(indicator.target, QualitativeTarget)
        realisation = indicator.realisation
        assert realisation is None or not numeric or realisation.value is not None

    @given(targets())
    def test_accepts_every_kind_of_target(self, target):
        """Every target from the strategy makes a valid, unrealised indicator."""
        expected = target
        assert expected == attrs.evolve(quality(), target=target).target


class TestWorkTarget:
    def test_defaults(self):
        """A work target is main, cascades from nothing and has no perspective by default."""
        made = finance()
        expected = (TargetKind.MAIN, None, None)
        assert expected == (made.kind, made.cascades_from, made.perspective)

    def test_parses_kind_and_perspective(self):
        """Kind and perspective given as text are parsed."""
        made = attrs.evolve(finance(), kind="tugas tambahan", perspective="anggaran")
        expected = (TargetKind.ADDITIONAL, Perspective.BUDGET)
        assert expected == (made.kind, made.perspective)

    def test_indicators_become_a_tuple(self):
        """Indicators given as a list are kept as a tuple."""
        made = WorkTarget("t1", "Laporan", [reports()])
        expected = (reports(),)
        assert expected == made.indicators

    def test_rejects_no_indicators(self):
        """A work target needs at least one indicator."""
        with pytest.raises(InvalidValueError) as caught:
            WorkTarget("t1", "Laporan", [])
        expected = ("indicators", ())
        assert expected == (caught.value.field, caught.value.value)

    def test_rejects_duplicate_indicator_ids(self):
        """Two indicators with one id are rejected, naming the second one."""
        with pytest.raises(DuplicateIdError) as caught:
            finance(reports(), attrs.evolve(quality(), id="i1"))
        expected = ("indicators[1].id", "i1")
        assert expected == (caught.value.field, caught.value.value)

    @pytest.mark.parametrize("value", ["abc", {"i1": "x"}, 7])
    def test_rejects_indicators_that_are_not_a_list(self, value):
        """Text, mappings and non-iterables are refused as indicators."""
        with pytest.raises(InvalidValueError) as caught:
            WorkTarget("t1", "Laporan", value)
        assert ("indicators", value) == (caught.value.field, caught.value.value)

    @pytest.mark.parametrize("field", ["id", "title"])
    def test_rejects_empty_text(self, field):
        """The id and the title must not be empty."""
        with pytest.raises(InvalidValueError) as caught:
            attrs.evolve(finance(), **{field: ""})
        assert field == caught.value.field

    def test_indicator_lookup(self):
        """indicator returns the indicator with the given id."""
        expected = quality()
        assert expected == finance().indicator("i2")

    def test_unknown_indicator(self):
        """indicator raises UnknownReferenceError for an id the target does not have."""
        with pytest.raises(UnknownReferenceError) as caught:
            finance().indicator("zz")
        expected = ("indicator_id", "zz")
        assert expected == (caught.value.field, caught.value.value)

    def test_with_realisation_returns_new_value(self):
        """with_realisation records on one indicator, in a new target; the original is unchanged."""
        original = finance()
        done = Realisation(12)
        changed = original.with_realisation("i1", done)
        expected = ((None, None), (done, None))
        actual = (
            tuple(item.realisation for item in original.indicators),
            tuple(item.realisation for item in changed.indicators),
        )
        assert expected == actual

    def test_with_realisation_unknown_indicator(self):
        """with_realisation raises UnknownReferenceError for an unknown indicator id."""
        with pytest.raises(UnknownReferenceError) as caught:
            finance().with_realisation("zz", Realisation(1))
        expected = ("indicator_id", "zz")
        assert expected == (caught.value.field, caught.value.value)

    @given(work_targets())
    def test_with_realisation_touches_one_indicator(self, target):
        """Recording on the first indicator leaves every other indicator as it was."""
        first = target.indicators[0]
        done = Realisation(description="selesai", value=1)
        changed = target.with_realisation(first.id, done)
        expected = (done, target.indicators[1:])
        assert expected == (changed.indicators[0].realisation, changed.indicators[1:])


ARGUMENTS = {
    PointTarget: {"value": 12},
    RangeTarget: {"low": 1, "high": 100},
    QualitativeTarget: {"description": "Laporan diterima"},
    Realisation: {
        "value": 12,
        "description": "Dua belas laporan",
        "evidence": ("laporan.pdf",),
        "recorded_on": date(2024, 12, 31),
    },
    Indicator: {
        "id": "i1",
        "description": "Jumlah laporan",
        "aspect": Aspect.QUANTITY,
        "target": PointTarget(12),
        "direction": Direction.HIGHER_IS_BETTER,
        "unit": "laporan",
        "realisation": Realisation(12),
        "target_is_maximum": False,
    },
    WorkTarget: {
        "id": "t1",
        "title": "Tersusunnya laporan",
        "indicators": (reports(),),
        "kind": TargetKind.MAIN,
        "cascades_from": "t0",
        "perspective": Perspective.BUDGET,
    },
}


class TestWrongTypes:
    """No constructor or verb of targets lets a bare TypeError, ValueError or AttributeError out."""

    @pytest.mark.parametrize(("cls", "field", "value"), wrong_cases(ARGUMENTS))
    def test_refused_at_the_field(self, cls, field, value):
        """A value of the wrong type is refused with a PenilaianError naming its field."""
        refused_at(cls, ARGUMENTS[cls], field, value)

    @pytest.mark.parametrize(("cls", "field"), fields_of(ARGUMENTS))
    @given(value=JUNK)
    def test_only_typed_errors(self, cls, field, value):
        """Any value is either refused with a PenilaianError or kept as the field's type."""
        only_typed_errors(cls, ARGUMENTS[cls], field, value)

    @pytest.mark.parametrize("field", ["evidence"])
    def test_text_is_not_split_into_characters(self, field):
        """A bare string where a list of texts is expected is refused, not split."""
        error = refused_at(Realisation, ARGUMENTS[Realisation], field, "laporan.pdf")
        assert (error.field, error.value) == (field, "laporan.pdf")

    @pytest.mark.parametrize("realisation", [3, "12", {"value": 12}, [Realisation(1)]])
    def test_with_realisation_refuses_anything_but_a_realisation(self, realisation):
        """Indicator.with_realisation and WorkTarget.with_realisation name the realisation."""
        for verb in (
            lambda: reports().with_realisation(realisation),
            lambda: finance().with_realisation("i1", realisation),
        ):
            with pytest.raises(InvalidValueError) as caught:
                verb()
            assert (caught.value.field, caught.value.value) == ("realisation", realisation)

    def test_indicator_lookup_with_a_number(self):
        """Looking an indicator up by a number is an unknown reference, not a TypeError."""
        with pytest.raises(UnknownReferenceError) as caught:
            finance().with_realisation(3, Realisation(1))  # type: ignore[arg-type]
        assert caught.value.field == "indicator_id"
