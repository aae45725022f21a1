"""Tests for penilaian.model.periods: appraisal periods (REGULATIONS 3.6, 3.8)."""

from __future__ import annotations

import itertools
from datetime import date, datetime, timezone
from fractions import Fraction

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from base.wrong_values import JUNK, fields_of, only_typed_errors, refused_at, wrong_cases
from penilaian.exceptions import InvalidPeriodError, PenilaianError, UnknownLabelError
from penilaian.model.periods import Period, PeriodKind
from strategies import period_kinds, periods

Y, S, Q, M, C = (
    PeriodKind.YEAR,
    PeriodKind.SEMESTER,
    PeriodKind.QUARTER,
    PeriodKind.MONTH,
    PeriodKind.CUSTOM,
)


def _period_error(excinfo: pytest.ExceptionInfo[InvalidPeriodError]) -> InvalidPeriodError:
    error = excinfo.value
    assert isinstance(error, ValueError)
    assert isinstance(error, PenilaianError)
    return error


def _split_or_field(period: Period, kind: PeriodKind) -> tuple[Period, ...] | str:
    try:
        return period.split(kind)
    except InvalidPeriodError as error:
        return error.field


class TestPeriodKind:
    """PeriodKind spellings."""

    @pytest.mark.parametrize("kind", list(PeriodKind))
    def test_every_spelling_parses_to_its_member(self, kind):
        """Each id, label and alias of a kind parses back to that kind and to no other."""
        spellings = (kind.value, kind.label_id, kind.label_en, *kind.aliases)
        assert [kind] * len(spellings) == [PeriodKind.parse(text) for text in spellings]

    def test_triwulan_is_a_quarter(self):
        """The regulation's "TRIWULAN" names the quarter kind."""
        expected = PeriodKind.QUARTER
        assert expected == PeriodKind.parse("TRIWULAN")

    def test_unknown_text_is_rejected(self):
        """Text naming no kind raises UnknownLabelError listing the ids."""
        with pytest.raises(UnknownLabelError) as excinfo:
            PeriodKind.parse("fortnight", "kind")
        expected = ("kind", "fortnight", ("year", "semester", "quarter", "month", "custom"))
        assert expected == (excinfo.value.field, excinfo.value.value, excinfo.value.accepted)


class TestPeriodConstructors:
    """Named constructors and the class itself."""

    def test_year(self):
        """A year runs from 1 January to 31 December."""
        assert Period(date(2024, 1, 1), date(2024, 12, 31), Y) == Period.year(2024)

    @pytest.mark.parametrize(
        ("number", "start", "end"),
        [(1, date(2024, 1, 1), date(2024, 6, 30)), (2, date(2024, 7, 1), date(2024, 12, 31))],
    )
    def test_semester(self, number, start, end):
        """Semester I is January-June and semester II is July-December."""
        assert Period(start, end, S) == Period.semester(2024, number)

    @pytest.mark.parametrize(
        ("number", "start", "end"),
        [
            (1, date(2024, 1, 1), date(2024, 3, 31)),
            (2, date(2024, 4, 1), date(2024, 6, 30)),
            (3, date(2024, 7, 1), date(2024, 9, 30)),
            (4, date(2024, 10, 1), date(2024, 12, 31)),
        ],
    )
    def test_quarter(self, number, start, end):
        """Each triwulan covers its three calendar months."""
        assert Period(start, end, Q) == Period.quarter(2024, number)

    @pytest.mark.parametrize(
        ("year", "month", "end"),
        [
            (2024, 2, date(2024, 2, 29)),
            (2023, 2, date(2023, 2, 28)),
            (1900, 2, date(1900, 2, 28)),
            (2000, 2, date(2000, 2, 29)),
            (2024, 4, date(2024, 4, 30)),
            (9999, 12, date(9999, 12, 31)),
        ],
    )
    def test_month_ends_on_its_last_day(self, year, month, end):
        """A month ends on its last day, leap Februaries included."""
        assert Period(date(year, month, 1), end, M) == Period.month(year, month)

    def test_custom(self):
        """A custom range keeps its dates and is of kind CUSTOM."""
        period = Period.custom(date(2024, 1, 15), date(2024, 3, 10))
        assert (date(2024, 1, 15), date(2024, 3, 10), C) == attrs.astuple(period, recurse=False)

    def test_kind_defaults_to_custom(self):
        """Without a kind, a period is custom even when its dates are a whole quarter."""
        expected = C
        assert expected == Period(date(2024, 1, 1), date(2024, 3, 31)).kind

    def test_kind_is_parsed_from_text(self):
        """A kind given as text is parsed like PeriodKind.parse."""
        assert Period.quarter(2024, 1) == Period(date(2024, 1, 1), date(2024, 3, 31), "Triwulan")

    def test_unknown_kind_text_is_rejected(self):
        """A kind text naming no kind raises UnknownLabelError on field "kind"."""
        with pytest.raises(UnknownLabelError) as excinfo:
            Period(date(2024, 1, 1), date(2024, 3, 31), "fortnight")
        expected = "kind"
        assert expected == excinfo.value.field

    def test_period_is_frozen(self):
        """A period cannot be changed in place."""
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            Period.year(2024).start = date(2023, 1, 1)  # type: ignore[misc]


class TestPeriodValidation:
    """Every bad input raises InvalidPeriodError naming the field."""

    def test_end_before_start(self):
        """An end before the start is rejected on "end", naming both dates."""
        with pytest.raises(InvalidPeriodError) as excinfo:
            Period.custom(date(2024, 2, 1), date(2024, 1, 31))
        error = _period_error(excinfo)
        expected = ("end", date(2024, 1, 31), "ends 2024-01-31 before it starts 2024-02-01")
        assert expected == (error.field, error.value, error.reason)

    def test_single_day_is_allowed(self):
        """A period may start and end on the same day."""
        expected = 1
        assert expected == Period.custom(date(2024, 2, 29), date(2024, 2, 29)).days

    @pytest.mark.parametrize(
        ("start", "end", "field"),
        [
            (datetime(2024, 1, 1, 9, 30, tzinfo=timezone.utc), date(2024, 1, 31), "start"),
            (date(2024, 1, 1), datetime(2024, 1, 31, 17, 0, tzinfo=timezone.utc), "end"),
            ("2024-01-01", date(2024, 1, 31), "start"),
            (date(2024, 1, 1), None, "end"),
            (date(1899, 12, 31), date(2024, 1, 31), "start"),
        ],
    )
    def test_bad_dates(self, start, end, field):
        """Datetimes, non-dates and years before 1900 are rejected on their field."""
        with pytest.raises(InvalidPeriodError) as excinfo:
            Period.custom(start, end)
        error = _period_error(excinfo)
        assert (field, start if field == "start" else end) == (error.field, error.value)

    @pytest.mark.parametrize(
        ("build", "field", "value", "reason"),
        [
            (lambda: Period.quarter(2024, 5), "quarter", 5, "must be 1 to 4"),
            (lambda: Period.quarter(2024, 0), "quarter", 0, "must be 1 to 4"),
            (lambda: Period.quarter(2024, True), "quarter", True, "must be 1 to 4"),
            (lambda: Period.semester(2024, 3), "semester", 3, "must be 1 to 2"),
            (lambda: Period.month(2024, 13), "month", 13, "must be 1 to 12"),
            (lambda: Period.month(2024, 0), "month", 0, "must be 1 to 12"),
            (lambda: Period.month(2024, 1.0), "month", 1.0, "must be 1 to 12"),
            (lambda: Period.year(1899), "year", 1899, "must be 1900 to 9999"),
            (lambda: Period.year(10000), "year", 10000, "must be 1900 to 9999"),
            (lambda: Period.quarter(1899, 1), "year", 1899, "must be 1900 to 9999"),
        ],
    )
    def test_out_of_range_parts(self, build, field, value, reason):
        """A part out of range is rejected naming the part, its value and its range."""
        with pytest.raises(InvalidPeriodError) as excinfo:
            build()
        error = _period_error(excinfo)
        assert (field, value, reason) == (error.field, error.value, error.reason)

    @pytest.mark.parametrize(
        ("start", "end", "kind", "says"),
        [
            (date(2024, 1, 15), date(2024, 3, 31), Q, "2024-01-15 does not start a quarter"),
            (date(2024, 2, 1), date(2024, 4, 30), Q, "2024-02-01 does not start a quarter"),
            (date(2024, 1, 1), date(2024, 3, 30), Q, "2024-03-30 does not end a quarter"),
            (date(2024, 1, 1), date(2024, 6, 30), Q, "spans more than one quarter"),
            (date(2024, 7, 1), date(2025, 6, 30), Y, "2024-07-01 does not start a year"),
            (date(2024, 1, 1), date(2025, 12, 31), Y, "spans more than one year"),
            (date(2024, 4, 1), date(2024, 9, 30), S, "2024-04-01 does not start a semester"),
            (date(2024, 5, 2), date(2024, 5, 31), M, "2024-05-02 does not start a month"),
            (date(2024, 2, 1), date(2024, 2, 28), M, "2024-02-28 does not end a month"),
            (date(2024, 1, 1), date(2024, 2, 29), M, "spans more than one month"),
        ],
    )
    def test_kind_must_match_the_dates(self, start, end, kind, says):
        """A calendar kind whose dates are not exactly one such unit is rejected on "kind"."""
        with pytest.raises(InvalidPeriodError) as excinfo:
            Period(start, end, kind)
        error = _period_error(excinfo)
        assert ("kind", kind) == (error.field, error.value)
        assert says in error.reason


class TestPeriodParse:
    """Period.parse and str."""

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("2024", Period.year(2024)),
            ("2024-S1", Period.semester(2024, 1)),
            ("2024-S2", Period.semester(2024, 2)),
            ("2024-Q3", Period.quarter(2024, 3)),
            ("2024-05", Period.month(2024, 5)),
            ("2024-01-15/2024-03-10", Period.custom(date(2024, 1, 15), date(2024, 3, 10))),
            (" 2024-q4 ", Period.quarter(2024, 4)),
            ("2024-s1", Period.semester(2024, 1)),
        ],
    )
    def test_parse(self, text, expected):
        """Each accepted form parses to its period, ignoring case and surrounding spaces."""
        assert expected == Period.parse(text)

    @pytest.mark.parametrize(
        ("period", "expected"),
        [
            (Period.year(2024), "2024"),
            (Period.semester(2024, 2), "2024-S2"),
            (Period.quarter(2024, 1), "2024-Q1"),
            (Period.quarter(2024, 4), "2024-Q4"),
            (Period.month(2024, 5), "2024-05"),
            (Period.custom(date(2024, 1, 15), date(2024, 3, 10)), "2024-01-15/2024-03-10"),
            (Period.custom(date(2024, 7, 1), date(2024, 9, 30)), "2024-07-01/2024-09-30"),
        ],
    )
    def test_str(self, period, expected):
        """str gives the canonical text; a custom whole quarter stays an interval."""
        assert expected == str(period)

    @given(periods())
    def test_parse_inverts_str(self, period):
        """Parsing a period's text gives the same period, kind included."""
        assert period == Period.parse(str(period))

    @pytest.mark.parametrize(
        "text",
        [
            "",
            "24",
            "20245",
            "2024-",
            "2024-Q",
            "2024-5",
            "2024-W1",
            "2024/01",
            "2024-01-15",
            "2024-01-15/2024-03",
            "2024-01-15..2024-03-10",
            "Triwulan III 2024",
            "\uff12\uff10\uff12\uff14",  # full-width digits
            2024,
            None,
        ],
    )
    def test_malformed_text_lists_the_forms(self, text):
        """Text of no accepted shape is rejected on "period", listing the accepted forms."""
        with pytest.raises(InvalidPeriodError) as excinfo:
            Period.parse(text)
        error = _period_error(excinfo)
        assert ("period", text) == (error.field, error.value)
        assert "YYYY-Q1..YYYY-Q4" in error.reason
        assert "YYYY-MM-DD/YYYY-MM-DD" in error.reason

    @pytest.mark.parametrize(
        ("text", "field"),
        [
            ("2024-02-30/2024-03-01", "period"),
            ("2023-02-29/2023-03-01", "period"),
            ("2024-Q5", "quarter"),
            ("2024-Q0", "quarter"),
            ("2024-S3", "semester"),
            ("2024-13", "month"),
            ("2024-00", "month"),
            ("1899", "year"),
            ("1899-12-31/2024-01-01", "start"),
            ("2024-03-10/2024-01-15", "end"),
        ],
    )
    def test_well_formed_but_invalid_text(self, text, field):
        """Text of a right shape but impossible content is rejected naming what is wrong."""
        with pytest.raises(InvalidPeriodError) as excinfo:
            Period.parse(text)
        assert field == _period_error(excinfo).field


class TestPeriodLabel:
    """Human labels in Indonesian and English."""

    @pytest.mark.parametrize(
        ("period", "indonesian", "english"),
        [
            (Period.year(2024), "Tahun 2024", "Year 2024"),
            (Period.semester(2024, 1), "Semester I 2024", "H1 2024"),
            (Period.semester(2024, 2), "Semester II 2024", "H2 2024"),
            (Period.quarter(2024, 1), "Triwulan I 2024", "Q1 2024"),
            (Period.quarter(2024, 2), "Triwulan II 2024", "Q2 2024"),
            (Period.quarter(2024, 3), "Triwulan III 2024", "Q3 2024"),
            (Period.quarter(2024, 4), "Triwulan IV 2024", "Q4 2024"),
            (Period.month(2024, 5), "Mei 2024", "May 2024"),
            (Period.month(2024, 8), "Agustus 2024", "August 2024"),
            (
                Period.custom(date(2024, 1, 15), date(2024, 3, 10)),
                "15 Januari 2024 \u2013 10 Maret 2024",
                "15 January 2024 \u2013 10 March 2024",
            ),
        ],
    )
    def test_labels(self, period, indonesian, english):
        """Triwulan and semester take Roman numerals in Indonesian, as the regulation forms do."""
        assert (indonesian, indonesian, english) == (
            period.label(),
            period.label("id"),
            period.label("en"),
        )

    def test_every_month_has_a_name(self):
        """The twelve months are named in both languages."""
        indonesian = [Period.month(2024, month).label() for month in range(1, 13)]
        english = [Period.month(2024, month).label("en") for month in range(1, 13)]
        expected = ("Januari 2024", "Desember 2024", "January 2024", "December 2024", 12, 12)
        actual = (indonesian[0], indonesian[11], english[0], english[11])
        assert expected == (*actual, len(set(indonesian)), len(set(english)))


class TestPeriodSplit:
    """Splitting into calendar units."""

    @pytest.mark.parametrize(
        ("period", "kind", "count"),
        [
            (Period.year(2024), Y, 1),
            (Period.year(2024), S, 2),
            (Period.year(2024), Q, 4),
            (Period.year(2024), M, 12),
            (Period.semester(2024, 2), S, 1),
            (Period.semester(2024, 2), Q, 2),
            (Period.semester(2024, 2), M, 6),
            (Period.quarter(2024, 3), Q, 1),
            (Period.quarter(2024, 3), M, 3),
            (Period.month(2024, 2), M, 1),
            (Period.custom(date(2023, 1, 1), date(2024, 12, 31)), Y, 2),
            (Period.custom(date(2024, 4, 1), date(2024, 9, 30)), Q, 2),
            (Period.custom(date(2024, 11, 1), date(2025, 2, 28)), M, 4),
        ],
    )
    def test_valid_splits_tile_the_period(self, period, kind, count):
        """Every valid split gives consecutive units of that kind that cover the period exactly."""
        parts = period.split(kind)
        assert count == len(parts)
        assert {kind} == {part.kind for part in parts}
        assert (period.start, period.end) == (parts[0].start, parts[-1].end)
        gaps = {(b.start - a.end).days for a, b in itertools.pairwise(parts)}
        assert gaps <= {1}

    def test_year_into_semesters(self):
        """A year splits into semester I and semester II."""
        expected = (Period.semester(2024, 1), Period.semester(2024, 2))
        assert expected == Period.year(2024).split(S)

    def test_quarter_into_months_from_text(self):
        """A triwulan splits into its three months, the kind given as text."""
        expected = tuple(Period.month(2024, month) for month in (7, 8, 9))
        assert expected == Period.quarter(2024, 3).split("bulan")

    def test_last_year_splits_without_overflow(self):
        """The last representable year splits into months, ending on 9999-12-31."""
        assert Period.month(9999, 12) == Period.year(9999).split(M)[-1]

    @pytest.mark.parametrize(
        ("period", "kind"),
        [
            (Period.semester(2024, 1), Y),
            (Period.quarter(2024, 1), Y),
            (Period.quarter(2024, 1), S),
            (Period.quarter(2024, 2), S),
            (Period.month(2024, 5), Y),
            (Period.month(2024, 5), S),
            (Period.month(2024, 5), Q),
            (Period.custom(date(2024, 1, 15), date(2024, 3, 31)), M),
            (Period.custom(date(2024, 1, 1), date(2024, 3, 30)), M),
            (Period.custom(date(2024, 1, 1), date(2024, 5, 31)), Q),
        ],
    )
    def test_invalid_splits(self, period, kind):
        """A kind whose units do not tile the period exactly is rejected on "kind"."""
        with pytest.raises(InvalidPeriodError) as excinfo:
            period.split(kind)
        error = _period_error(excinfo)
        assert ("kind", kind) == (error.field, error.value)
        assert f"{period} does not split into {kind}s" in error.reason

    @pytest.mark.parametrize("period", [Period.year(2024), Period.month(2024, 1)])
    def test_split_into_custom_is_rejected(self, period):
        """A period splits only into calendar units, never into custom ranges."""
        with pytest.raises(InvalidPeriodError) as excinfo:
            period.split("custom")
        expected = ("kind", C)
        assert expected == (_period_error(excinfo).field, excinfo.value.value)

    @given(periods(), period_kinds())
    def test_split_tiles_or_raises(self, period, kind):
        """A split either tiles the period with whole units or raises on "kind"."""
        parts = _split_or_field(period, kind)
        if isinstance(parts, str):
            expected = "kind"
            assert expected == parts
        else:
            assert period.days == sum(part.days for part in parts)
            assert (period.start, period.end) == (parts[0].start, parts[-1].end)


class TestPeriodContainsOverlaps:
    """contains and overlaps, both inclusive."""

    @pytest.mark.parametrize(
        ("day", "expected"),
        [
            (date(2024, 6, 30), False),
            (date(2024, 7, 1), True),
            (date(2024, 8, 15), True),
            (date(2024, 9, 30), True),
            (date(2024, 10, 1), False),
        ],
    )
    def test_contains_day(self, day, expected):
        """Both ends of a period are inside it; the days around it are not."""
        assert expected == Period.quarter(2024, 3).contains(day)

    @pytest.mark.parametrize(
        ("other", "expected"),
        [
            (Period.quarter(2024, 3), True),
            (Period.month(2024, 7), True),
            (Period.month(2024, 9), True),
            (Period.custom(date(2024, 9, 30), date(2024, 10, 1)), False),
            (Period.semester(2024, 2), False),
            (Period.month(2024, 6), False),
        ],
    )
    def test_contains_period(self, other, expected):
        """A period contains another when the other lies wholly inside it."""
        assert expected == Period.quarter(2024, 3).contains(other)

    def test_contains_rejects_datetime(self):
        """A datetime is not a day; contains rejects it on "other"."""
        moment = datetime(2024, 8, 15, 12, 0, tzinfo=timezone.utc)
        with pytest.raises(InvalidPeriodError) as excinfo:
            Period.quarter(2024, 3).contains(moment)
        assert ("other", moment) == (_period_error(excinfo).field, excinfo.value.value)

    @pytest.mark.parametrize(
        ("other", "expected"),
        [
            (Period.quarter(2024, 2), False),
            (Period.quarter(2024, 4), False),
            (Period.custom(date(2024, 6, 30), date(2024, 7, 1)), True),
            (Period.custom(date(2024, 9, 30), date(2024, 9, 30)), True),
            (Period.year(2024), True),
            (Period.quarter(2024, 3), True),
            (Period.year(2023), False),
        ],
    )
    def test_overlaps(self, other, expected):
        """Periods overlap only when they share a day; touching at a boundary is not enough."""
        assert expected == Period.quarter(2024, 3).overlaps(other)

    @given(periods(), periods())
    def test_overlaps_is_symmetric_and_implied_by_contains(self, first, second):
        """Overlap is symmetric, and a contained period overlaps its container."""
        assert first.overlaps(second) == second.overlaps(first)
        assert not first.contains(second) or first.overlaps(second)

    @given(periods())
    def test_contains_its_ends(self, period):
        """A period contains its first day, its last day and itself."""
        assert period.contains(period.start)
        assert period.contains(period.end)
        assert period.contains(period)


class TestPeriodCounts:
    """days, months and month_fraction."""

    @pytest.mark.parametrize(
        ("period", "expected"),
        [
            (Period.year(2024), 366),
            (Period.year(2023), 365),
            (Period.month(2024, 2), 29),
            (Period.month(2023, 2), 28),
            (Period.quarter(2024, 1), 91),
            (Period.custom(date(2024, 1, 15), date(2024, 1, 15)), 1),
        ],
    )
    def test_days_counts_both_ends(self, period, expected):
        """days counts the first and the last day."""
        assert expected == period.days

    @pytest.mark.parametrize(
        ("period", "expected"),
        [
            (Period.year(2024), 12),
            (Period.semester(2024, 1), 6),
            (Period.quarter(2024, 4), 3),
            (Period.month(2024, 2), 1),
            (Period.custom(date(2023, 11, 1), date(2024, 2, 29)), 4),
        ],
    )
    def test_months(self, period, expected):
        """months counts whole calendar months, across a year end too."""
        assert expected == period.months

    @pytest.mark.parametrize(
        "period",
        [
            Period.custom(date(2024, 2, 1), date(2024, 2, 15)),
            Period.custom(date(2024, 1, 15), date(2024, 3, 31)),
            Period.custom(date(2024, 2, 1), date(2024, 2, 28)),
        ],
    )
    def test_months_rejects_partial_months(self, period):
        """A period not aligned on months has no month count; the error points to month_fraction."""
        with pytest.raises(InvalidPeriodError) as excinfo:
            _ = period.months
        error = _period_error(excinfo)
        assert ("period", period) == (error.field, error.value)
        assert "month_fraction" in error.reason

    @pytest.mark.parametrize(
        ("period", "expected"),
        [
            (Period.custom(date(2024, 2, 1), date(2024, 2, 15)), Fraction(15, 29)),
            (Period.custom(date(2023, 2, 1), date(2023, 2, 14)), Fraction(1, 2)),
            (Period.custom(date(2024, 1, 15), date(2024, 3, 10)), Fraction(58, 31)),
            (Period.custom(date(2024, 1, 31), date(2024, 2, 1)), Fraction(1, 31) + Fraction(1, 29)),
            (Period.custom(date(9999, 12, 30), date(9999, 12, 31)), Fraction(2, 31)),
            (Period.year(2024), Fraction(12)),
        ],
    )
    def test_month_fraction(self, period, expected):
        """Each month touched counts its days in range over its own length, exactly."""
        assert expected == period.month_fraction

    def test_half_year_pro_rates_angka_kredit(self):
        """REGULATIONS 3.8: a January-June assessment counts 6/12 of the annual angka kredit."""
        expected = Fraction(1, 2)
        assert expected == Period.custom(date(2024, 1, 1), date(2024, 6, 30)).month_fraction / 12

    @given(periods())
    def test_month_fraction_equals_months_when_aligned(self, period):
        """For a period aligned on months, month_fraction is the whole month count."""
        try:
            months = period.months
        except InvalidPeriodError:
            assert period.month_fraction > 0
        else:
            assert Fraction(months) == period.month_fraction

    @given(periods())
    def test_month_fraction_adds_up_over_a_split(self, period):
        """Splitting a month-aligned period keeps the month total, one per month."""
        try:
            parts = period.split(M)
        except InvalidPeriodError:
            return
        assert period.month_fraction == sum(part.month_fraction for part in parts)


class TestPeriodSortKey:
    """sort_key orders periods without defining <."""

    def test_sort_by_start_then_end(self):
        """Periods sort by start, then by end."""
        year, first_quarter, july = (
            Period.year(2024),
            Period.quarter(2024, 1),
            Period.month(2024, 7),
        )
        expected = [first_quarter, year, july]
        assert expected == sorted([july, year, first_quarter], key=lambda period: period.sort_key)

    def test_periods_are_not_ordered(self):
        """Comparing two periods with < is a TypeError."""
        with pytest.raises(TypeError):
            _ = Period.year(2023) < Period.year(2024)  # type: ignore[operator]

    @given(st.lists(periods(), max_size=5))
    def test_sort_key_is_start_and_end(self, values):
        """sort_key is the pair of dates, so sorting by it orders starts."""
        ordered = sorted(values, key=lambda period: period.sort_key)
        assert sorted(period.start for period in values) == [period.start for period in ordered]


ARGUMENTS = {
    Period: {"start": date(2024, 1, 1), "end": date(2024, 12, 31), "kind": PeriodKind.YEAR},
}


class TestWrongTypes:
    """Wrong types are refused with typed errors that name the field, never bare errors."""

    @pytest.mark.parametrize(("cls", "field", "value"), wrong_cases(ARGUMENTS))
    def test_refused_at_the_field(self, cls, field, value):
        """A value of the wrong type is refused with a PenilaianError naming its field."""
        refused_at(cls, ARGUMENTS[cls], field, value)

    @pytest.mark.parametrize(("cls", "field"), fields_of(ARGUMENTS))
    @given(value=JUNK)
    def test_only_typed_errors(self, cls, field, value):
        """Any value is either refused with a PenilaianError or kept as the field's type."""
        only_typed_errors(cls, ARGUMENTS[cls], field, value)

    @pytest.mark.parametrize(
        ("build", "field"),
        [
            (lambda: Period.year("2024"), "year"),
            (lambda: Period.year(None), "year"),
            (lambda: Period.semester(2024, "1"), "semester"),
            (lambda: Period.quarter(2024, 2.0), "quarter"),
            (lambda: Period.month(2024, [5]), "month"),
            (lambda: Period.custom("2024-01-01", date(2024, 2, 1)), "start"),
            (lambda: Period.custom(date(2024, 1, 1), None), "end"),
            (lambda: Period.parse(2024), "period"),
            (lambda: Period.parse(None), "period"),
            (lambda: Period.year(2024).split(3), "kind"),
            (lambda: Period.year(2024).contains("2024-05-01"), "other"),
            (lambda: Period.year(2024).contains(None), "other"),
            (lambda: Period.year(2024).overlaps("2024"), "other"),
            (lambda: Period.year(2024).overlaps(date(2024, 5, 1)), "other"),
        ],
    )
    def test_named_constructors_and_methods(self, build, field):
        """The named constructors and the methods name the argument of the wrong type."""
        with pytest.raises(PenilaianError) as caught:
            build()
        assert caught.value.field == field
