"""The KP/KJ table's validation edges, the requirement's step and eligibility's reasons, whole."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest

import penilaian as p
from penilaian.exceptions import InvalidValueError, PenilaianError, UnsupportedInputError
from penilaian.regimes.permen6_2022 import (
    PERBAN_BKN_3_2023_THRESHOLDS,
    CreditThreshold,
    CreditThresholds,
    Rank,
    credit_requirement,
    promotion_eligibility,
)

K = p.PositionKind
D = Decimal
POSITIVE = "must be a Decimal greater than 0, or None"


def refusal(call, *args, **kwargs):
    """The error *call* raises, as (type, field, value, reason)."""
    with pytest.raises(PenilaianError) as caught:
        call(*args, **kwargs)
    error = caught.value
    return type(error), error.field, error.value, error.reason


FIFTEEN = D(15)


def row(
    rank_points=(FIFTEEN,), level_points=FIFTEEN, next_kind=K.SKILL_SKILLED, ranks=(Rank.II_A,)
):
    """A Pemula row with the parts given."""
    return CreditThreshold(K.SKILL_BEGINNER, ranks, rank_points, level_points, next_kind, "x")


class TestRowValidation:
    """A row gives one positive finite Decimal (or None) per rank; a KJ value with its level."""

    @pytest.mark.parametrize(
        ("points", "value"),
        [
            ((D(0),), D(0)),
            ((D(-1),), D(-1)),
            ((D("Infinity"),), D("Infinity")),
            ((15,), 15),
            ((Fraction(15),), Fraction(15)),
        ],
    )
    def test_rank_points(self, points, value):
        """Zero, negative, infinite or non-Decimal rank points are refused."""
        assert refusal(row, points) == (InvalidValueError, "rank_points", value, POSITIVE)

    @pytest.mark.parametrize("points", [[D(15)], D(15), None])
    def test_rank_points_tuple(self, points):
        """The rank points are a tuple."""
        assert refusal(row, points) == (InvalidValueError, "rank_points", points,
                                        "must be a tuple")  # fmt: skip

    def test_one_per_rank(self):
        """As many values as ranks."""
        got = refusal(row, (D(15), D(15)))
        assert got == (InvalidValueError, "rank_points", (D(15), D(15)),
                       "must give one value per rank")  # fmt: skip

    @pytest.mark.parametrize("level", [D(0), D("NaN"), 15, D(-3)])
    def test_level_points(self, level):
        """A KJ value is a positive finite Decimal."""
        assert refusal(row, level_points=level) == (
            InvalidValueError, "level_points", level, POSITIVE,
        )  # fmt: skip

    @pytest.mark.parametrize(("level", "kind"), [(None, K.SKILL_SKILLED), (D(15), None)])
    def test_level_with_next_kind(self, level, kind):
        """A KJ value exactly when the row leads to a next level."""
        assert refusal(row, level_points=level, next_kind=kind) == (
            InvalidValueError, "level_points", level, "is given exactly with next_kind",
        )  # fmt: skip

    def test_accepted_edges(self):
        """The smallest positive values, and None for the top of a top level."""
        small = D("0.01")
        assert row((small,), small).rank_points == (small,)
        top = row((None,), None, None)
        assert (top.rank_points, top.level_points, top.next_kind) == ((None,), None, None)

    def test_levels_once(self):
        """A table names each level once; the refusal lists the levels."""
        first = PERBAN_BKN_3_2023_THRESHOLDS.rows[0]
        assert refusal(CreditThresholds, (first, first)) == (
            InvalidValueError, "rows", [K.EXPERT_FIRST, K.EXPERT_FIRST],
            "each level may appear only once",
        )  # fmt: skip

    def test_row_of_a_missing_level(self):
        """`row` gives None for a level the table lacks."""
        table = CreditThresholds((PERBAN_BKN_3_2023_THRESHOLDS.rows[0],))
        assert table.row(K.EXPERT_JUNIOR) is None
        assert table.row(K.EXPERT_FIRST) is PERBAN_BKN_3_2023_THRESHOLDS.rows[0]


class TestRequirementWhole:
    """What `credit_requirement` returns, every field, and its refusals with prefixes."""

    def test_kj_without_the_next_row(self):
        """A KJ whose next level has no row in the table: no promotion by credit points."""
        table = CreditThresholds((PERBAN_BKN_3_2023_THRESHOLDS.rows[0],))
        need = credit_requirement("III/b", "Ahli Pertama", thresholds=table)
        got = (need.base, need.rank_points, need.level_points, need.required, need.next_rank,
               need.next_kind, need.level_up)  # fmt: skip
        assert got == (50, 50, None, None, None, K.EXPERT_FIRST, False)
        assert dict(need.step.inputs)["level_points"] == "(missing)"
        assert need.step.output == "(missing)"

    def test_no_kp_from_a_rank_in_a_lower_level(self):
        """A rank with no KP value stops there, even in a level that leads to another."""
        table = CreditThresholds((row((None,)), PERBAN_BKN_3_2023_THRESHOLDS.row(K.SKILL_SKILLED)))
        need = credit_requirement("II/a", "Pemula", thresholds=table)
        got = (need.rank_points, need.level_points, need.required, need.next_rank, need.next_kind)
        assert got == (None, None, None, None, K.SKILL_BEGINNER)

    def test_kj_takes_the_larger_need(self):
        """KJ 100 from II/a with KP 15: the level's need less the base (0) wins."""
        own = row(level_points=D(100))
        table = CreditThresholds((own, PERBAN_BKN_3_2023_THRESHOLDS.row(K.SKILL_SKILLED)))
        need = credit_requirement("II/a", "Pemula", thresholds=table)
        got = (need.base, need.rank_points, need.level_points, need.required, need.next_rank,
               need.next_kind)  # fmt: skip
        assert got == (0, 15, 100, 100, Rank.II_B, K.SKILL_SKILLED)
        assert need.step.subject == "skill_beginner II/a"
        assert dict(need.step.inputs) == {
            "base": "0", "rank_points": "15", "level_points": "100", "source": "x",
        }  # fmt: skip

    def test_middle_rank_base(self):
        """IV/c of Ahli Madya: base 150 + 150, KJ max(150, 450 - 300) = 150 to IV/d."""
        need = credit_requirement(Rank.IV_C, K.EXPERT_MIDDLE, trace=False)
        assert (need.base, need.required, need.next_rank, need.step) == (300, 150, Rank.IV_D, None)
        first = credit_requirement(Rank.IV_A, K.EXPERT_MIDDLE)
        assert (type(first.base), first.base) == (Fraction, 0)

    @pytest.mark.parametrize("lang", ["id", "en"])
    def test_refusals(self, lang):
        """Field names with and without a prefix; reasons in the language asked for."""
        no_row = (
            "tidak ada baris ambang AK untuk jenjang ini (hanya jabatan fungsional)",
            "the table has no row for this level (functional posts only)",
        )[lang == "en"]
        assert refusal(credit_requirement, "III/a", "Pelaksana", lang=lang) == (
            UnsupportedInputError, "position_kind", "executor", no_row,
        )  # fmt: skip
        assert refusal(credit_requirement, "III/a", "Pelaksana", lang=lang, field="x") == (
            UnsupportedInputError, "x.position_kind", "executor", no_row,
        )  # fmt: skip
        rank = (
            "pangkat II/a tidak termasuk jenjang Ahli Muda (III/c, III/d)",
            "rank II/a is not in the level Expert, junior (III/c, III/d)",
        )[lang == "en"]
        assert refusal(credit_requirement, "II/a", "Ahli Muda", lang=lang) == (
            UnsupportedInputError, "rank", "II/a", rank,
        )  # fmt: skip
        thresholds = ("harus berupa CreditThresholds", "must be a CreditThresholds")[lang == "en"]
        assert refusal(credit_requirement, "III/a", "Ahli Pertama", thresholds=(), lang=lang) == (
            InvalidValueError, "thresholds", (), thresholds,
        )  # fmt: skip
        assert refusal(credit_requirement, "X/z", "Ahli Pertama", field="o")[1] == "o.rank"
        assert refusal(credit_requirement, "III/a", "Ahli", field="o")[1] == "o.position_kind"


class TestEligibilityReasons:
    """The reasons, whole, in both languages and with a rounding of one's own."""

    def test_level_up(self):
        """A KJ lists four conditions: met, not checked, failed, not checked."""
        conditions = {"performance": True, "competency_test": False}
        result = promotion_eligibility(52, "III/b", "Ahli Pertama", conditions)
        assert result.reasons() == (
            "AK 52.00 memenuhi 50.00",
            "Predikat kinerja minimal Baik: terpenuhi",
            "Masa dalam pangkat/jenjang: belum diperiksa (tidak diberikan)",
            "Lulus uji kompetensi: tidak terpenuhi",
            "Tersedia kebutuhan (formasi): belum diperiksa (tidak diberikan)",
        )
        assert result.reasons("en") == (
            "credit points 52.00 meet 50.00",
            "Grade at least Baik: met",
            "Time in rank or level: not checked (not given)",
            "Competency test passed: not met",
            "A vacancy (formasi): not checked (not given)",
        )

    def test_short_with_rounding(self):
        """46.46 against 50 is 3.54 short, written to one place when asked."""
        result = promotion_eligibility("46.46", "III/a", "Ahli Pertama", {"masa": False})
        assert result.reasons("en", p.Rounding(1)) == (
            "credit points 46.5 are 3.5 short of 50.0",
            "Grade at least Baik: not checked (not given)",
            "Time in rank or level: not met",
        )
        assert result.reasons()[0] == "AK 46.46 kurang 3.54 dari 50.00"

    def test_top(self):
        """At the top no promotion by credit points follows, whatever the balance."""
        result = promotion_eligibility(5000, "IV/e", "Ahli Utama")
        assert result.reasons()[0] == "tidak ada kenaikan berikutnya berdasarkan AK"
        assert result.reasons("en")[0] == "no further promotion by credit points"
        assert (result.credit_met, result.shortfall, result.eligible) == (False, 0, False)

    def test_exactly_enough(self):
        """A balance equal to the need meets it, with no shortfall."""
        result = promotion_eligibility(50, "III/a", "Ahli Pertama", {"performance": True})
        assert (result.credit_met, result.shortfall, result.eligible) == (True, 0, True)

    @pytest.mark.parametrize("lang", ["id", "en"])
    def test_condition_refusals(self, lang):
        """Conditions: a mapping, to booleans, and only this promotion's."""
        mapping = ("harus memetakan Condition ke bool", "must map a Condition to a bool")
        reason = mapping[lang == "en"]
        call = promotion_eligibility
        assert refusal(call, 50, "III/a", "Ahli Pertama", [True], lang=lang) == (
            InvalidValueError, "conditions", [True], reason,
        )  # fmt: skip
        assert refusal(call, 50, "III/a", "Ahli Pertama", {"masa": "ya"}, lang=lang) == (
            InvalidValueError, "conditions[time_in_post]", "ya", reason,
        )  # fmt: skip
        other = (
            "bukan syarat kenaikan ini (berlaku: performance, time_in_post)",
            "is not a condition of this promotion (applicable: performance, time_in_post)",
        )[lang == "en"]
        assert refusal(call, 50, "III/a", "Ahli Pertama", {"ukom": True}, lang=lang) == (
            InvalidValueError, "conditions[competency_test]", "ukom", other,
        )  # fmt: skip
        negative = ("tidak boleh negatif", "must not be negative")[lang == "en"]
        assert refusal(call, "-1", "III/a", "Ahli Pertama", lang=lang)[1:] == (
            "balance", "-1", negative,
        )  # fmt: skip


class TestEligibilityWhole:
    """What `promotion_eligibility` passes on, and its step, compared whole."""

    def test_step(self):
        """The step: its rule, its output (eligible), its inputs and the requirement's step."""
        result = promotion_eligibility(60, "III/b", "Ahli Pertama", {"vacancy": False})
        step = result.step
        assert (step.rule.id, step.output) == ("perbanbkn3_2023.eligibility", "False")
        assert dict(step.inputs) == {
            "balance": "60", "required": "50", "performance": "(missing)",
            "time_in_post": "(missing)", "competency_test": "(missing)", "vacancy": "False",
        }  # fmt: skip
        assert step.children == (result.requirement.step,)
        assert result.requirement.step.rule.id == "perbanbkn3_2023.requirement"
        good = promotion_eligibility(60, "III/b", "Ahli Pertama")
        assert (good.eligible, good.step.output) == (True, "True")

    def test_untraced(self):
        """Without a trace neither the eligibility nor its requirement has a step."""
        result = promotion_eligibility(60, "III/b", "Ahli Pertama", trace=False)
        assert (result.step, result.requirement.step) == (None, None)

    def test_own_table_and_language_reach_the_requirement(self):
        """The table and the language are passed to `credit_requirement`."""
        own = row(level_points=D(100))
        table = CreditThresholds((own, PERBAN_BKN_3_2023_THRESHOLDS.row(K.SKILL_SKILLED)))
        result = promotion_eligibility(60, "II/a", "Pemula", thresholds=table)
        assert (result.requirement.required, result.shortfall, result.eligible) == (100, 40, False)
        assert refusal(promotion_eligibility, 1, "II/a", "Ahli Muda", lang="en")[3] == (
            "rank II/a is not in the level Expert, junior (III/c, III/d)"
        )

    def test_unknown_condition(self):
        """A text naming no condition is refused at ``conditions``."""
        error, field, value, _ = refusal(promotion_eligibility, 1, "III/a", "Ahli Pertama",
                                         {"bonus": True})  # fmt: skip
        assert (error.__name__, field, value) == ("UnknownLabelError", "conditions", "bonus")
