"""The angka-kredit ledger, its thresholds, carry-over and eligibility (Perban BKN 3/2023)."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

import penilaian as p
from penilaian.exceptions import (
    InvalidNumberError,
    InvalidPeriodError,
    InvalidValueError,
    UnknownLabelError,
    UnsupportedInputError,
)
from penilaian.regimes.permen6_2022 import (
    PERBAN_BKN_3_2023_THRESHOLDS,
    PERMENPANRB_1_2023_PERCENTAGES,
    Condition,
    CreditPeriod,
    CreditThreshold,
    CreditThresholds,
    Opening,
    Promotion,
    Rank,
    carry_over,
    credit_ledger,
    credit_points,
    credit_requirement,
    promotion_eligibility,
)

K = p.PositionKind
D = Decimal


def opening(points="0", rank="III/a", kind="Ahli Pertama", on=date(2023, 1, 1)):
    """An opening balance of AK integrasi."""
    return Opening("integrasi", points, rank, kind, on)


class TestBknExamples:
    """BKN's worked examples (Direktorat Jabatan ASN slides on Perban BKN 3/2023)."""

    def test_annual_very_good(self):
        """Ahli Pertama, Sangat Baik all year: 150 % x 12.5 = 18.75."""
        assert credit_points("Sangat Baik", "Ahli Pertama").value == D("18.75")

    def test_two_months_printed_to_two_places(self):
        """2/12 x 100 % x 12.5 = 2.0833... printed 2.08; the exact value is kept."""
        result = credit_points("Baik", "Ahli Pertama", 2)
        assert (result.value, result.exact) == (D("2.08"), Fraction(25, 12))
        assert result.step is not None
        assert result.step.rule.id == "permenpanrb1_2023.rounding"

    def test_accumulation_table(self):
        """2023 Sangat Baik then January-February 2024 Baik: 18.75 + 2.08 = 20.83."""
        entries = [
            CreditPeriod(p.Period.year(2023), "Sangat Baik"),
            CreditPeriod(p.Period.custom(date(2024, 1, 1), date(2024, 2, 29)), "Baik"),
        ]
        ledger = credit_ledger(opening(), entries)
        assert [line.value for line in ledger.lines] == [D("0.00"), D("18.75"), D("2.08")]
        assert ledger.value == D("20.83")
        assert ledger.balance == Fraction(1875, 100) + Fraction(25, 12)

    def test_carry_over(self):
        """AK kumulatif 75.63 against a requirement of 50 leaves 25.63."""
        result = carry_over("75.63", 50)
        assert (result.value, result.exact) == (D("25.63"), Fraction(2563, 100))

    def test_ledger_carries_over(self):
        """The same example through the ledger: III/a -> III/b uses 50 and keeps 25.63."""
        ledger = credit_ledger(opening("75.63"), [Promotion(date(2023, 4, 1))])
        assert (ledger.rank, ledger.value, ledger.consumed) == (Rank.III_B, D("25.63"), 50)
        assert ledger.lines[-1].value == D("-50.00")

    def test_three_years_of_ahli_muda(self):
        """Perban BKN 3/2023 example: Ahli Muda, Baik, 3 years: 100 % x 25 x 3 = 75."""
        years = [CreditPeriod(p.Period.year(y), "Baik") for y in (2023, 2024, 2025)]
        ledger = credit_ledger(opening(rank="III/c", kind="Ahli Muda"), years)
        assert ledger.balance == 75
        assert not ledger.eligibility().credit_met  # III/c -> III/d needs 100


class TestRequirement:
    """The KP/KJ table (REGULATIONS.md 3.9) and what a promotion from each rank needs."""

    @pytest.mark.parametrize(
        ("rank", "kind", "required", "level", "base", "to"),
        [
            ("III/a", K.EXPERT_FIRST, 50, None, 0, ("III/b", K.EXPERT_FIRST)),
            ("III/b", K.EXPERT_FIRST, 50, 100, 50, ("III/c", K.EXPERT_JUNIOR)),
            ("III/d", K.EXPERT_JUNIOR, 100, 200, 100, ("IV/a", K.EXPERT_MIDDLE)),
            ("IV/b", K.EXPERT_MIDDLE, 150, None, 150, ("IV/c", K.EXPERT_MIDDLE)),
            ("IV/c", K.EXPERT_MIDDLE, 150, 450, 300, ("IV/d", K.EXPERT_PRINCIPAL)),
            ("IV/d", K.EXPERT_PRINCIPAL, 200, None, 0, ("IV/e", K.EXPERT_PRINCIPAL)),
            ("II/a", K.SKILL_BEGINNER, 15, 15, 0, ("II/b", K.SKILL_SKILLED)),
            ("II/c", K.SKILL_SKILLED, 20, None, 20, ("II/d", K.SKILL_SKILLED)),
            ("II/d", K.SKILL_SKILLED, 20, 60, 40, ("III/a", K.SKILL_ADVANCED)),
            ("III/b", K.SKILL_ADVANCED, 50, 100, 50, ("III/c", K.SKILL_SUPERVISOR)),
            ("III/c", K.SKILL_SUPERVISOR, 100, None, 0, ("III/d", K.SKILL_SUPERVISOR)),
        ],
    )
    def test_table(self, rank, kind, required, level, base, to):  # noqa: PLR0917 - a table row
        """Each row as BKN's slides and the PermenPANRB 1/2023 Lampiran print it."""
        need = credit_requirement(rank, kind)
        assert (need.required, need.level_points, need.base) == (required, level, base)
        assert (need.next_rank.value, need.next_kind) == to
        assert need.level_up == (to[1] is not kind)

    @pytest.mark.parametrize(("rank", "kind"), [("IV/e", "Ahli Utama"), ("III/d", "Penyelia")])
    def test_top(self, rank, kind):
        """No promotion by credit points follows the top rank of a top level."""
        need = credit_requirement(rank, kind)
        assert (need.required, need.next_rank) == (None, None)
        assert not promotion_eligibility(10_000, rank, kind).eligible

    def test_level_is_the_sum_of_its_ranks(self):
        """Every KJ value equals the sum of its level's KP values (a check on the table)."""
        for row in PERBAN_BKN_3_2023_THRESHOLDS.rows:
            if row.level_points is not None:
                assert row.level_points == sum(row.rank_points)

    def test_own_table(self):
        """A table of one's own replaces the default [LOW]: a KJ asks the larger need."""
        row = CreditThreshold(K.SKILL_BEGINNER, (Rank.II_A,), (D(15),), D(30), K.SKILL_SKILLED, "x")
        skilled = PERBAN_BKN_3_2023_THRESHOLDS.row(K.SKILL_SKILLED)
        table = CreditThresholds((row, skilled))
        assert credit_requirement("II/a", "Pemula", thresholds=table).required == 30

    @pytest.mark.parametrize(
        ("bad", "error"),
        [
            ({"rank_points": (D(1), D(2))}, InvalidValueError),
            ({"rank_points": (D(-1),)}, InvalidValueError),
            ({"level_points": None}, InvalidValueError),
        ],
    )
    def test_rows_are_checked(self, bad, error):
        """A row gives one positive value per rank, and a KJ value exactly with its next level."""
        fields = {"rank_points": (D(15),), "level_points": D(15), **bad}
        with pytest.raises(error):
            CreditThreshold(K.SKILL_BEGINNER, (Rank.II_A,), next_kind=K.SKILL_SKILLED,
                            clause="x", **fields)  # fmt: skip


class TestCoefficient:
    """Credit points on plain numbers: a coefficient instead of a level."""

    def test_coefficient(self):
        """The coefficient gives the same value as its level."""
        by_level = credit_points("Baik", "Ahli Madya", 6)
        by_number = credit_points("Baik", months=6, coefficient=D("37.5"))
        assert by_level.exact == by_number.exact
        assert by_number.position_kind is None

    @pytest.mark.parametrize(
        ("kwargs", "field"),
        [
            ({}, "position_kind"),
            ({"position_kind": "Ahli Pertama", "coefficient": 1}, "position_kind"),
            ({"coefficient": 0}, "coefficient"),
            ({"coefficient": 12.5}, "coefficient"),
            ({"coefficient": "abc"}, "coefficient"),
        ],
    )
    def test_bad(self, kwargs, field):
        """Exactly one of level and coefficient; a coefficient is exact and positive."""
        with pytest.raises(InvalidValueError) as caught:
            credit_points("Baik", **kwargs)
        assert caught.value.field == field


class TestErrors:
    """Bad input raises a typed error naming the field, in Indonesian unless asked otherwise."""

    def test_unknown_level(self):
        """A text naming no level is refused with the accepted ids."""
        with pytest.raises(UnknownLabelError) as caught:
            credit_ledger(opening(kind="Ahli Super"))
        assert caught.value.field == "opening.position_kind"

    def test_not_functional(self):
        """A post that is not functional has no row, in Indonesian by default."""
        with pytest.raises(UnsupportedInputError) as caught:
            credit_ledger(opening(kind="Pelaksana"))
        assert caught.value.field == "opening.position_kind"
        assert "jabatan fungsional" in caught.value.reason

    def test_rank_not_in_level(self):
        """Ahli Pertama holds III/a or III/b only; English on request."""
        with pytest.raises(UnsupportedInputError) as caught:
            credit_ledger(opening(rank="IV/a"), lang="en")
        assert caught.value.field == "opening.rank"
        assert caught.value.reason == "rank IV/a is not in the level Expert, first (III/a, III/b)"

    def test_overlap(self):
        """Two periods that share a day are refused."""
        entries = [
            CreditPeriod(p.Period.year(2023), "Baik"),
            CreditPeriod(p.Period.month(2023, 12), "Baik"),
        ]
        with pytest.raises(InvalidPeriodError) as caught:
            credit_ledger(opening(), entries)
        assert caught.value.field == "entries[1].period"
        assert caught.value.reason == "tumpang tindih dengan periode sebelumnya"

    def test_unordered(self):
        """A period before the opening, or a promotion before the last period, is refused."""
        with pytest.raises(InvalidPeriodError, match=r"entries\[0\]\.period"):
            credit_ledger(opening(on=date(2024, 1, 1)), [CreditPeriod(p.Period.year(2023), "Baik")])
        entries = [CreditPeriod(p.Period.year(2023), "Baik"), Promotion(date(2023, 6, 1))]
        with pytest.raises(InvalidPeriodError, match=r"entries\[1\]\.on"):
            credit_ledger(opening("50"), entries)

    @pytest.mark.parametrize("months", [0, -1, 13, Fraction(25, 2), 2.0])
    def test_months(self, months):
        """Months are more than 0 and at most 12 in one period, and exact."""
        with pytest.raises(InvalidNumberError) as caught:
            credit_ledger(opening(), [CreditPeriod(p.Period.year(2023), "Baik", months)], lang="en")
        assert caught.value.field == "entries[0].months"

    def test_months_above_the_period(self):
        """Months given may not exceed the period's own."""
        with pytest.raises(InvalidPeriodError, match=r"entries\[0\]\.months"):
            credit_ledger(opening(), [CreditPeriod(p.Period.month(2023, 1), "Baik", 2)])

    def test_period_longer_than_a_year(self):
        """A 13-month period is refused: at most 12 months in one period."""
        period = p.Period.custom(date(2023, 1, 1), date(2024, 1, 31))
        with pytest.raises(InvalidNumberError, match=r"entries\[0\]\.period"):
            credit_ledger(opening(), [CreditPeriod(period, "Baik")])

    def test_negative_opening(self):
        """An opening balance is 0 or more."""
        with pytest.raises(InvalidNumberError, match=r"opening\.points"):
            credit_ledger(opening("-1"))

    def test_promotion_lacking_credit(self):
        """A promotion without the credit points is refused, naming the entry and the numbers."""
        with pytest.raises(UnsupportedInputError) as caught:
            credit_ledger(opening("49.99"), [Promotion(date(2023, 1, 1))])
        assert caught.value.field == "entries[0]"
        assert caught.value.reason == "AK kumulatif 49.99 kurang dari 50.00 yang dibutuhkan"
        with pytest.raises(UnsupportedInputError, match="fall short"):
            carry_over(1, 2, lang="en")

    def test_promotion_at_the_top(self):
        """No promotion by credit points from IV/e."""
        with pytest.raises(UnsupportedInputError, match=r"entries\[0\]"):
            credit_ledger(opening(999, "IV/e", "Ahli Utama"), [Promotion(date(2023, 1, 1))])

    @pytest.mark.parametrize("entry", [None, "2023", p.Period.year(2023)])
    def test_entry_type(self, entry):
        """An entry is a CreditPeriod or a Promotion."""
        with pytest.raises(InvalidValueError, match=r"entries\[0\]"):
            credit_ledger(opening(), [entry])

    def test_language_is_checked(self):
        """Only 'id' and 'en'."""
        with pytest.raises(InvalidValueError, match="lang"):
            credit_ledger(opening(), lang="fr")


class TestEligibility:
    """The AK test is computed; the other conditions are listed as given, never invented."""

    def test_level_up_with_conditions(self):
        """III/b with 52 more: KP and KJ due on credit; a failed competency test blocks it."""
        conditions = {"performance": True, Condition.COMPETENCY_TEST: False}
        result = promotion_eligibility(52, "III/b", "Ahli Pertama", conditions)
        assert result.credit_met
        assert not result.eligible
        assert [check.met for check in result.conditions] == [True, None, False, None]
        reasons = result.reasons("en")
        assert reasons[0] == "credit points 52.00 meet 50.00"
        assert reasons[3] == "Competency test passed: not met"

    def test_short(self):
        """The shortfall is exact and said."""
        result = promotion_eligibility("46.46", "III/b", "Ahli Pertama")
        assert (result.eligible, result.shortfall) == (False, Fraction(354, 100))
        assert result.reasons()[0] == "AK 46.46 kurang 3.54 dari 50.00"

    def test_rank_promotion_has_two_conditions(self):
        """A KP within the level lists performance and time in rank only."""
        result = promotion_eligibility(50, "III/a", "Ahli Pertama", {"masa": True})
        assert [check.condition for check in result.conditions] == [
            Condition.PERFORMANCE,
            Condition.TIME_IN_POST,
        ]
        assert result.eligible
        with pytest.raises(InvalidValueError, match="competency_test"):
            promotion_eligibility(50, "III/a", "Ahli Pertama", {"ukom": True})

    @pytest.mark.parametrize("conditions", [[True], {"performance": 1}, {"bonus": True}])
    def test_bad_conditions(self, conditions):
        """Conditions map a Condition to a bool."""
        with pytest.raises(InvalidValueError):
            promotion_eligibility(50, "III/a", "Ahli Pertama", conditions)

    def test_trace(self):
        """The step names the balance, the requirement and each condition."""
        step = promotion_eligibility(50, "III/a", "Ahli Pertama").step
        assert step is not None
        assert dict(step.inputs) == {
            "balance": "50",
            "required": "50",
            "performance": "(missing)",
            "time_in_post": "(missing)",
        }
        assert promotion_eligibility(50, "III/a", "Ahli Pertama", trace=False).step is None


# -- properties ----------------------------------------------------------------------------

GRADES = st.sampled_from(list(PERMENPANRB_1_2023_PERCENTAGES))
POINTS = st.fractions(min_value=0, max_value=500, max_denominator=400)
RANKS = [
    (rank, row.position_kind) for row in PERBAN_BKN_3_2023_THRESHOLDS.rows for rank in row.ranks
]


@st.composite
def ledgers(draw):
    """An opening and a run of quarters, with a promotion tried wherever it fits."""
    rank, kind = draw(st.sampled_from(RANKS))
    start = draw(POINTS)
    entries, wanted = [], []
    for index in range(draw(st.integers(0, 12))):
        entries.append(
            CreditPeriod(p.Period.quarter(2024 + index // 4, index % 4 + 1), draw(GRADES))
        )
        wanted.append(draw(st.booleans()))
    return Opening("integrasi", start, rank, kind, date(2024, 1, 1)), entries, wanted


def with_promotions(first, entries, wanted):
    """Insert a promotion after each period where it is wanted and the balance allows it."""
    done = []
    for entry, want in zip(entries, wanted, strict=True):
        done.append(entry)
        ledger = credit_ledger(first, done, trace=False)
        if want and ledger.eligibility(trace=False).credit_met:
            done.append(Promotion(entry.period.end + timedelta(days=1)))
    return credit_ledger(first, done)


class TestProperties:
    """Laws of the ledger, the eligibility and the carry-over."""

    @given(ledgers())
    def test_running_total(self, drawn):
        """Each line's balance is the opening plus the periods minus what promotions used."""
        ledger = with_promotions(*drawn)
        total, earned, used = Fraction(0), Fraction(0), Fraction(0)
        for line in ledger.lines:
            total += line.exact
            earned += line.exact if line.entry == "period" else 0
            used -= line.exact if line.entry == "promotion" else 0
            assert total == line.balance >= 0
        assert ledger.balance == ledger.opening + ledger.earned - ledger.consumed == total
        assert (ledger.earned, ledger.consumed) == (earned, used)
        assert ledger.value == p.Rounding(2).apply(ledger.balance)

    @given(POINTS, st.sampled_from(RANKS))
    def test_eligible_iff_balance_meets_requirement(self, balance, held):
        """With no other condition given, eligible exactly when the balance meets the need."""
        rank, kind = held
        need = credit_requirement(rank, kind).required
        result = promotion_eligibility(balance, rank, kind)
        assert result.eligible == (need is not None and balance >= need)
        assert result.shortfall >= 0

    @given(POINTS, POINTS)
    def test_carry_over_never_negative(self, balance, required):
        """The carry-over is the exact difference, or the promotion is refused."""
        if balance >= required:
            assert carry_over(balance, required).exact == balance - required >= 0
        else:
            with pytest.raises(UnsupportedInputError):
                carry_over(balance, required)
