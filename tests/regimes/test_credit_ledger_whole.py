"""The angka-kredit ledger compared whole: every line, every trace step, every refusal."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest

import penilaian as p
from penilaian.exceptions import (
    InvalidNumberError,
    InvalidPeriodError,
    InvalidValueError,
    PenilaianError,
    UnknownLabelError,
    UnsupportedInputError,
)
from penilaian.regimes.permen6_2022 import (
    PERBAN_BKN_3_2023_THRESHOLDS,
    CreditPeriod,
    CreditThreshold,
    CreditThresholds,
    Opening,
    Promotion,
    Rank,
    credit_ledger,
    promotion_eligibility,
)

K = p.PositionKind
D = Decimal
F = Fraction
EXPERT = "PermenPANRB 1/2023; Perban BKN 3/2023 (AK kebutuhan KP/KJ model konversi) [MED]"
TWO_PLACES = "2 decimal places, halves up"


def opening(points="30", rank="III/a", kind="Ahli Pertama", on=date(2023, 1, 1), how="integrasi"):
    """An opening balance (AK integrasi by default)."""
    return Opening(how, points, rank, kind, on)


def refusal(call, *args, **kwargs):
    """The error *call* raises, as (type, field, value, reason)."""
    with pytest.raises(PenilaianError) as caught:
        call(*args, **kwargs)
    error = caught.value
    return type(error), error.field, error.value, error.reason


def steps(step):
    """Every step under *step*, depth first, as (rule, subject, output, inputs, children)."""
    return [(s.rule.id, s.subject, s.output, dict(s.inputs), len(s.children)) for s in step.walk()]


# Three years of Sangat Baik, a KP, a year and two months, a KP that is also a KJ, a month.
ENTRIES = (
    CreditPeriod(p.Period.year(2023), "Sangat Baik"),
    CreditPeriod(p.Period.year(2024), "Sangat Baik"),
    CreditPeriod(p.Period.year(2025), "Sangat Baik"),
    Promotion(date(2026, 1, 1)),
    CreditPeriod(p.Period.year(2026), "Sangat Baik"),
    CreditPeriod(p.Period.custom(date(2027, 1, 1), date(2027, 2, 28)), "Baik"),
    Promotion(date(2027, 3, 1)),
    CreditPeriod(p.Period.month(2027, 3), "Baik"),
)


class TestWholeLedger:
    """A ledger through a KP and a KJ, every line and step compared with its figures."""

    def test_lines(self):
        """30 + 3 x 18.75 - 50 + 18.75 + 25/12 - 50, then Ahli Muda: 1/12 x 25 = 25/12."""
        ledger = credit_ledger(opening(), ENTRIES)
        rows = [
            (line.entry, line.subject, line.exact, line.value, line.balance, line.balance_value,
             line.rank, line.position_kind)
            for line in ledger.lines
        ]  # fmt: skip
        a, b, c = Rank.III_A, Rank.III_B, Rank.III_C
        first, junior = K.EXPERT_FIRST, K.EXPERT_JUNIOR
        assert rows == [
            ("opening", "AK integrasi", 30, D("30.00"), 30, D("30.00"), a, first),
            ("period", "2023", F(75, 4), D("18.75"), F(195, 4), D("48.75"), a, first),
            ("period", "2024", F(75, 4), D("18.75"), F(135, 2), D("67.50"), a, first),
            ("period", "2025", F(75, 4), D("18.75"), F(345, 4), D("86.25"), a, first),
            ("promotion", "III/a \u2192 III/b", -50, D("-50.00"), F(145, 4), D("36.25"), b, first),
            ("period", "2026", F(75, 4), D("18.75"), 55, D("55.00"), b, first),
            ("period", "2027-01-01/2027-02-28", F(25, 12), D("2.08"), F(685, 12), D("57.08"),
             b, first),
            ("promotion", "III/b \u2192 III/c", -50, D("-50.00"), F(85, 12), D("7.08"), c, junior),
            ("period", "2027-03", F(25, 12), D("2.08"), F(55, 6), D("9.17"), c, junior),
        ]  # fmt: skip
        totals = (ledger.opening, ledger.earned, ledger.consumed, ledger.balance, ledger.value)
        assert totals == (30, F(475, 6), 100, F(55, 6), D("9.17"))
        assert (ledger.rank, ledger.position_kind) == (c, junior)

    def test_opening_kind_in_english(self):
        """The opening line names its kind in the language asked for."""
        ledger = credit_ledger(opening(how="inpassing"), lang="en")
        assert ledger.lines[0].subject == "Adjustment"

    def test_trace(self):
        """The trace is built by default, and each step's output is the line's figure."""
        ledger = credit_ledger(opening(), ENTRIES)
        year = {"months": "12", "grade": "very_good", "percentage": "150", "coefficient": "12.5"}
        two = {"months": "2", "grade": "good", "percentage": "100", "coefficient": "12.5"}
        one = {"months": "1", "grade": "good", "percentage": "100", "coefficient": "25"}
        kp = {"base": "0", "rank_points": "50", "level_points": "(missing)", "source": EXPERT}
        kj = {"base": "50", "rank_points": "50", "level_points": "100", "source": EXPERT}
        rounding = ("permenpanrb1_2023.rounding", None)
        points = "permenpanrb1_2023.credit_points"
        assert steps(ledger.step) == [
            (*rounding, "9.17", {"to": TWO_PLACES}, 1),
            ("perbanbkn3_2023.ledger", None, "55/6",
             {"opening": "30", "earned": "475/6", "consumed": "100"}, 9),
            ("perbanbkn3_2023.opening", "integration", "30",
             {"rank": "III/a", "level": "expert_first"}, 0),
            (points, "expert_first", "18.75", year, 0),
            (points, "expert_first", "18.75", year, 0),
            (points, "expert_first", "18.75", year, 0),
            ("perbanbkn3_2023.promotion", "III/a \u2192 III/b", "36.25", {"used": "50"}, 2),
            ("perbanbkn3_2023.requirement", "expert_first III/a", "50", kp, 0),
            ("perbanbkn3_2023.carry_over", None, "36.25",
             {"balance": "86.25", "required": "50"}, 0),
            (points, "expert_first", "18.75", year, 0),
            (*rounding, "2.08", {"to": TWO_PLACES}, 1),
            (points, "expert_first", "25/12", two, 0),
            ("perbanbkn3_2023.promotion", "III/b \u2192 III/c", "85/12", {"used": "50"}, 2),
            ("perbanbkn3_2023.requirement", "expert_first III/b", "50", kj, 0),
            (*rounding, "7.08", {"to": TWO_PLACES}, 1),
            ("perbanbkn3_2023.carry_over", None, "85/12",
             {"balance": "685/12", "required": "50"}, 0),
            (*rounding, "2.08", {"to": TWO_PLACES}, 1),
            (points, "expert_junior", "25/12", one, 0),
        ]  # fmt: skip
        for line in ledger.lines:
            assert line.step is not None
        untraced = credit_ledger(opening(), ENTRIES, trace=False)
        assert untraced.step is None
        assert [line.step for line in untraced.lines] == [None] * (len(ENTRIES) + 1)
        assert [line.balance for line in untraced.lines] == [line.balance for line in ledger.lines]

    def test_exact_balance_is_not_wrapped(self):
        """A balance written exactly has no rounding step above the ledger's."""
        ledger = credit_ledger(opening("12.5"))
        assert steps(ledger.step) == [
            ("perbanbkn3_2023.ledger", None, "12.5",
             {"opening": "12.5", "earned": "0", "consumed": "0"}, 1),
            ("perbanbkn3_2023.opening", "integration", "12.5",
             {"rank": "III/a", "level": "expert_first"}, 0),
        ]  # fmt: skip

    def test_rounding_is_used(self):
        """A rounding of one's own writes every line and the balance."""
        ledger = credit_ledger(opening("0"), ENTRIES[:1] + ENTRIES[5:6], rounding=p.Rounding(1))
        assert [line.value for line in ledger.lines] == [D("0.0"), D("18.8"), D("2.1")]
        assert [line.balance_value for line in ledger.lines] == [D("0.0"), D("18.8"), D("20.8")]
        assert ledger.value == D("20.8")
        assert ledger.step.inputs == (("to", p.Rounding(1).describe("en")),)

    def test_edges_accepted(self):
        """A period starting on the opening day, the day after the last one, or on a
        promotion's day; a promotion on the opening day or the day after a period; months
        equal to the period's own."""
        entries = [
            Promotion(date(2023, 1, 1)),
            CreditPeriod(p.Period.month(2023, 1), "Baik", 1),
            Promotion(date(2023, 2, 1)),
            CreditPeriod(p.Period.month(2023, 2), "Baik"),
            CreditPeriod(p.Period.month(2023, 3), "Baik"),
        ]
        ledger = credit_ledger(opening("100"), entries)
        assert [line.entry for line in ledger.lines] == [
            "opening", "promotion", "period", "promotion", "period", "period",
        ]  # fmt: skip
        assert ledger.rank is Rank.III_C

    def test_eligibility_passes_its_arguments(self):
        """`CreditLedger.eligibility` is `promotion_eligibility` at the ledger's end."""
        ledger = credit_ledger(opening(), ENTRIES[:4])
        conditions = {"performance": False}
        got = ledger.eligibility(conditions, trace=False, lang="en")
        assert got == promotion_eligibility(F(145, 4), "III/b", "Ahli Pertama", conditions,
                                            trace=False)  # fmt: skip
        assert got.step is None
        assert not got.eligible
        assert ledger.eligibility().step is not None
        assert refusal(ledger.eligibility, {"bonus": True}, lang="en")[0] is UnknownLabelError
        wrong = refusal(ledger.eligibility, {"performance": 1}, lang="en")
        assert wrong == (InvalidValueError, "conditions[performance]", 1,
                         "must map a Condition to a bool")  # fmt: skip


REASONS = {
    "rounding": ("harus berupa penilaian.Rounding", "must be a penilaian.Rounding"),
    "opening": ("harus berupa Opening", "must be an Opening"),
    "date": ("harus berupa datetime.date", "must be a datetime.date"),
    "period": ("harus berupa penilaian.Period", "must be a penilaian.Period"),
    "entry": ("harus berupa CreditPeriod atau Promotion", "must be a CreditPeriod or Promotion"),
    "overlap": ("tumpang tindih dengan periode sebelumnya", "overlaps the previous period"),
    "longer": ("melebihi bulan dalam periodenya", "exceeds the months of its period"),
    "top": (
        "tidak ada kenaikan berikutnya berdasarkan AK",
        "no further promotion by credit points",
    ),
    "negative": ("tidak boleh negatif", "must not be negative"),
    "number": (
        "harus berupa bilangan tepat (int, Decimal, Fraction atau teks), bukan float",
        "must be an exact number (int, Decimal, Fraction or text), not a float",
    ),
    "months_type": (
        "harus berupa int, Fraction atau Period",
        "must be an int, a Fraction or a Period",
    ),
    "months_range": (
        "harus lebih dari 0 dan paling banyak 12 bulan dalam satu periode",
        "must be more than 0 and at most 12 months in one period",
    ),
    "thresholds": ("harus berupa CreditThresholds", "must be a CreditThresholds"),
    "no_row": (
        "tidak ada baris ambang AK untuk jenjang ini (hanya jabatan fungsional)",
        "the table has no row for this level (functional posts only)",
    ),
}
YEAR = p.Period.year(2023)
LONG = p.Period.custom(date(2023, 1, 1), date(2024, 1, 31))
JANUARY = p.Period.custom(date(2023, 1, 1), date(2023, 1, 31))
SHARED = p.Period.custom(date(2023, 1, 31), date(2023, 2, 27))  # starts on January's last day
# (case, (opening, entries, extra keyword arguments), error, field, value, reason key)
CASES = [
    ("rounding", (opening(), (), {"rounding": 2}), InvalidValueError, "rounding", 2, "rounding"),
    ("opening", ("x", (), {}), InvalidValueError, "opening", "x", "opening"),
    ("points", (opening("-1"), (), {}), InvalidNumberError, "opening.points", "-1", "negative"),
    ("float", (opening(1.5), (), {}), InvalidNumberError, "opening.points", 1.5, "number"),
    ("on", (opening(on="2023"), (), {}), InvalidValueError, "opening.on", "2023", "date"),
    ("thresholds", (opening(), (), {"thresholds": "t"}), InvalidValueError, "thresholds", "t",
     "thresholds"),
    ("no_row", (opening(kind="Pelaksana"), (), {}), UnsupportedInputError,
     "opening.position_kind", "executor", "no_row"),
    ("entry", (opening(), (YEAR,), {}), InvalidValueError, "entries[0]", YEAR, "entry"),
    ("not_period", (opening(), (CreditPeriod("2023", "Baik"),), {}), InvalidValueError,
     "entries[0].period", "2023", "period"),
    ("overlap", (opening(), (CreditPeriod(YEAR, "Baik"),
                             CreditPeriod(p.Period.month(2023, 12), "Baik")), {}),
     InvalidPeriodError, "entries[1].period", "2023-12", "overlap"),
    ("same_end_day", (opening(), (CreditPeriod(JANUARY, "Baik"), CreditPeriod(SHARED, "Baik")),
                      {}),
     InvalidPeriodError, "entries[1].period", "2023-01-31/2023-02-27", "overlap"),
    ("months_type", (opening(), (CreditPeriod(YEAR, "Baik", 2.0),), {}), InvalidNumberError,
     "entries[0].months", 2.0, "months_type"),
    ("months_bool", (opening(), (CreditPeriod(YEAR, "Baik", True),), {}), InvalidNumberError,
     "entries[0].months", True, "months_type"),
    ("months_zero", (opening(), (CreditPeriod(YEAR, "Baik", 0),), {}), InvalidNumberError,
     "entries[0].months", 0, "months_range"),
    ("months_13", (opening(), (CreditPeriod(YEAR, "Baik", 13),), {}), InvalidNumberError,
     "entries[0].months", 13, "months_range"),
    ("long", (opening(), (CreditPeriod(LONG, "Baik"),), {}), InvalidNumberError,
     "entries[0].period", LONG.month_fraction, "months_range"),
    ("longer", (opening(), (CreditPeriod(p.Period.month(2023, 1), "Baik", 2),), {}),
     InvalidPeriodError, "entries[0].months", 2, "longer"),
    ("day", (opening(), (Promotion("2023-06-01"),), {}), InvalidValueError, "entries[0].on",
     "2023-06-01", "date"),
    ("top", (opening(999, "IV/e", "Ahli Utama"), (Promotion(date(2023, 1, 1)),), {}),
     UnsupportedInputError, "entries[0]", "IV/e", "top"),
]  # fmt: skip


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize(
    ("args", "error", "field", "value", "key"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_refusals(lang, args, error, field, value, key):  # noqa: PLR0917 - a table row
    """Each refusal: its type, field, value and reason, in Indonesian or English."""
    first, entries, extra = args
    reason = REASONS[key][lang == "en"]
    assert refusal(credit_ledger, first, entries, lang=lang, **extra) == (
        error, field, value, reason,
    )  # fmt: skip


@pytest.mark.parametrize("lang", ["id", "en"])
def test_refusals_naming_the_day(lang):
    """A period or promotion before the opening or the previous entry names the day."""
    before = (
        "dimulai sebelum entri sebelumnya atau AK awal ({})",
        "starts before the previous entry or the opening ({})",
    )[lang == "en"]
    late = opening(on=date(2023, 1, 2))
    assert refusal(credit_ledger, late, [CreditPeriod(YEAR, "Baik")], lang=lang) == (
        InvalidPeriodError, "entries[0].period", "2023", before.format("2023-01-02"),
    )  # fmt: skip
    early = [Promotion(date(2022, 12, 31))]
    assert refusal(credit_ledger, opening(), early, lang=lang) == (
        InvalidPeriodError, "entries[0].on", date(2022, 12, 31), before.format("2023-01-01"),
    )  # fmt: skip
    inside = [CreditPeriod(YEAR, "Baik"), Promotion(date(2023, 12, 31))]
    assert refusal(credit_ledger, opening(), inside, lang=lang) == (
        InvalidPeriodError, "entries[1].on", date(2023, 12, 31), before.format("2024-01-01"),
    )  # fmt: skip
    # After a promotion the next period may not start before the promotion's day.
    after = [CreditPeriod(YEAR, "Baik"), Promotion(date(2024, 3, 1)),
             CreditPeriod(p.Period.month(2024, 2), "Baik")]  # fmt: skip
    assert refusal(credit_ledger, opening("50"), after, lang=lang) == (
        InvalidPeriodError, "entries[2].period", "2024-02", before.format("2024-03-01"),
    )  # fmt: skip


@pytest.mark.parametrize("lang", ["id", "en"])
def test_refusals_from_the_requirement(lang):
    """The opening's rank and level are checked under the field ``opening``."""
    reason = (
        "pangkat IV/a tidak termasuk jenjang Ahli Pertama (III/a, III/b)",
        "rank IV/a is not in the level Expert, first (III/a, III/b)",
    )[lang == "en"]
    assert refusal(credit_ledger, opening(rank="IV/a"), lang=lang) == (
        UnsupportedInputError, "opening.rank", "IV/a", reason,
    )  # fmt: skip
    assert refusal(credit_ledger, opening(how="bonus"))[:3] == (
        UnknownLabelError, "opening.kind", "bonus",
    )  # fmt: skip


@pytest.mark.parametrize("lang", ["id", "en"])
def test_promotion_short(lang):
    """A promotion lacking credit points names the entry, the exact balance and both numbers."""
    reason = (
        "AK kumulatif 49.99 kurang dari 50.00 yang dibutuhkan",
        "cumulative credit points 49.99 fall short of the 50.00 required",
    )[lang == "en"]
    assert refusal(credit_ledger, opening("49.99"), [Promotion(date(2023, 1, 1))], lang=lang) == (
        UnsupportedInputError, "entries[0]", F(4999, 100), reason,
    )  # fmt: skip


def test_eligibility_reads_the_ledgers_table():
    """A ledger kept with a table of one's own asks that table what the next promotion needs."""
    own = CreditThreshold(K.SKILL_BEGINNER, (Rank.II_A,), (D(15),), D(30), K.SKILL_SKILLED, "x")
    table = CreditThresholds((own, PERBAN_BKN_3_2023_THRESHOLDS.row(K.SKILL_SKILLED)))
    ledger = credit_ledger(opening("20", "II/a", "Pemula"), thresholds=table)
    result = ledger.eligibility()
    assert (result.requirement.required, result.shortfall, result.credit_met) == (30, 10, False)


def test_promotion_reads_the_ledgers_table():
    """A promotion uses what the ledger's own table requires: a KJ from II/a of 30, not 15."""
    own = CreditThreshold(K.SKILL_BEGINNER, (Rank.II_A,), (D(15),), D(30), K.SKILL_SKILLED, "x")
    table = CreditThresholds((own, PERBAN_BKN_3_2023_THRESHOLDS.row(K.SKILL_SKILLED)))
    ledger = credit_ledger(opening("40", "II/a", "Pemula"), [Promotion(date(2023, 2, 1))],
                           thresholds=table)  # fmt: skip
    assert (ledger.consumed, ledger.balance, ledger.rank) == (30, 10, Rank.II_B)
    assert ledger.position_kind is K.SKILL_SKILLED


def test_rounding_reaches_every_step():
    """A rounding of one's own writes the periods' and the carry-overs' steps too."""
    entries = [CreditPeriod(p.Period.month(2023, 1), "Baik"), Promotion(date(2023, 2, 1))]
    ledger = credit_ledger(opening("50"), entries, rounding=p.Rounding(1))
    one_place = p.Rounding(1).describe("en")
    period, promotion = ledger.lines[1].step, ledger.lines[2].step
    # 1/12 x 100 % x 12.5 = 25/24 = 1.0416..., written 1.0.
    assert (period.rule.id, period.output, period.inputs) == (
        "permenpanrb1_2023.rounding", "1.0", (("to", one_place),),
    )  # fmt: skip
    [_, carried] = promotion.children
    assert (carried.rule.id, carried.output, carried.inputs) == (
        "permenpanrb1_2023.rounding", "1.0", (("to", one_place),),
    )  # fmt: skip


@pytest.mark.parametrize("lang", ["id", "en"])
def test_grade_not_converted(lang):
    """A grade PermenPANRB 1/2023 does not convert (Buruk) is refused in the language asked."""
    reason = (
        "PermenPANRB 1/2023 hanya mengonversi predikat PermenPANRB 6/2022",
        "PermenPANRB 1/2023 converts only the grades of PermenPANRB 6/2022",
    )[lang == "en"]
    got = refusal(credit_ledger, opening(), [CreditPeriod(YEAR, "Buruk")], lang=lang)
    assert (got[0], got[2], got[3]) == (UnsupportedInputError, "bad", reason)
