"""
The data of PP 30/2019 with PermenPANRB 8/2021: the tables, the constants and the trace's rules.

The conversion from capaian IKI to nilai capaian IKI (`PERMEN8_2021_IKI_CONVERSION`,
its rows `IkiSegment`), the predikat table (`PP30_2019_PREDIKAT`), the cap and the
sets of Pasal 41 are values; the formulas of `penilaian.regimes.pp30_2019.rules`
read them, and the batch engine (`penilaian.batch.pp30`) turns the same tables into
integer columns.  The rules a trace step cites stand next to the table they explain.

>>> PERMEN8_2021_IKI_CONVERSION.classify(98).category, PP30_2019_PREDIKAT.classify(111)
(<Grade.FAIR: 'fair'>, <Grade.VERY_GOOD: 'very_good'>)
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import Final

import attrs

from penilaian._base.rounding import Rounding
from penilaian._base.trace import Rule
from penilaian.model.appraisal import InnovationScope
from penilaian.model.grades import BandTable, Grade
from penilaian.model.raters import RaterRole

__all__ = [
    "PERMEN8_2021_IKI_CONVERSION",
    "PERMEN8_2021_MAXIMUM_TARGET",
    "PERMEN8_2021_WHOLE_PERCENT",
    "PP30_2019_CAP",
    "PP30_2019_INNOVATION_SCOPES",
    "PP30_2019_PEER_ROLES",
    "PP30_2019_PREDIKAT",
    "IkiSegment",
]

_ZERO: Final = Fraction(0)
_IKI_CLAUSE: Final = "PermenPANRB 8/2021 Lampiran Bab VI.A"

# -- capaian IKI to nilai capaian IKI ------------------------------------------------------


@attrs.frozen
class IkiSegment:
    """
    One piece of the conversion from capaian IKI to nilai capaian IKI.

    On its band the value is ``value + slope x (capaian - start)``.

    Attributes:
        start: The capaian, in percent, where the piece starts.
        value: The nilai at *start*.
        slope: The nilai gained per percentage point of capaian.
        category: The IKI category (Sangat Baik ... Sangat Kurang) as a `Grade`.
        rule: The formula with its clause and wording.
    """

    start: Fraction
    value: Fraction
    slope: Fraction
    category: Grade
    rule: Rule
    _line: tuple[int, int, int, int] = attrs.field(init=False, repr=False, eq=False)

    @_line.default
    def _integer_line(self) -> tuple[int, int, int, int]:
        # value + slope x (capaian - start) = intercept + slope x capaian, as integer ratios.
        intercept = self.value - self.slope * self.start
        slope = self.slope
        return intercept.numerator, intercept.denominator, slope.numerator, slope.denominator

    def apply(self, capaian: Fraction | int) -> Fraction:
        """Return the nilai capaian IKI of *capaian* (in percent) on this piece."""
        return Fraction(*self.apply_ratio(*capaian.as_integer_ratio()))

    def apply_ratio(self, numerator: int, denominator: int) -> tuple[int, int]:
        """
        Return `apply` of the capaian ``numerator / denominator`` (*denominator* above 0).

        The nilai as ``(numerator, denominator)``, not reduced: `apply` of a capaian held
        as two integers, as the integer kernel (``_kernel``) holds it.

        >>> PERMEN8_2021_IKI_CONVERSION.classify(85).apply_ratio(170, 2)
        (150, 2)
        """
        i_n, i_d, s_n, s_d = self._line
        if not s_n:
            return i_n, i_d
        return i_n * s_d * denominator + s_n * numerator * i_d, i_d * s_d * denominator


def _segment(*, start: int, value: int, slope: Fraction, category: Grade, rule: Rule) -> IkiSegment:
    return IkiSegment(Fraction(start), Fraction(value), slope, category, rule)


_BELOW_TABLE = _segment(
    start=0, value=0, slope=_ZERO, category=Grade.VERY_POOR, rule=Rule(
        "pp30.iki.below_zero", f"convention [LOW]: the {_IKI_CLAUSE} table starts at 0 %",
        "Capaian di bawah 0% (kondisi khusus, realisasi lebih dari 2 \u00d7 target): nilai 0",
        "Achievement below 0 % (less is better, realisation over twice the target): value 0",
    ),
)  # fmt: skip
_VERY_POOR = _segment(
    start=0, value=0, slope=Fraction(49, 59), category=Grade.VERY_POOR, rule=Rule(
        "pp30.iki.very_poor",
        f"{_IKI_CLAUSE}: Sangat Kurang, 0\u201359 % (continuous: up to 60 %, [LOW])",
        "Nilai = capaian / 59% \u00d7 49", "Value = achievement / 59 % \u00d7 49",
    ),
)  # fmt: skip
_POOR = _segment(
    start=60, value=50, slope=Fraction(69 - 50, 79 - 60), category=Grade.POOR, rule=Rule(
        "pp30.iki.poor", f"{_IKI_CLAUSE}: Kurang, 60\u201379 % (continuous: up to 80 %, [LOW])",
        "Nilai = 50 + (69 \u2212 50) / (79% \u2212 60%) \u00d7 (capaian \u2212 60%)",
        "Value = 50 + (69 \u2212 50) / (79 % \u2212 60 %) \u00d7 (achievement \u2212 60 %)",
    ),
)  # fmt: skip
_FAIR = _segment(
    start=80, value=70, slope=Fraction(89 - 70, 99 - 80), category=Grade.FAIR, rule=Rule(
        "pp30.iki.fair", f"{_IKI_CLAUSE}: Cukup, 80\u201399 % (continuous: up to 100 %, [LOW])",
        "Nilai = 70 + (89 \u2212 70) / (99% \u2212 80%) \u00d7 (capaian \u2212 80%)",
        "Value = 70 + (89 \u2212 70) / (99 % \u2212 80 %) \u00d7 (achievement \u2212 80 %)",
    ),
)  # fmt: skip
_GOOD = _segment(
    start=100, value=109, slope=_ZERO, category=Grade.GOOD, rule=Rule(
        "pp30.iki.good", f"{_IKI_CLAUSE}: Baik, 100 % (continuous: up to 101 %, [LOW])",
        "Nilai = 109", "Value = 109",
    ),
)  # fmt: skip
_VERY_GOOD = _segment(
    start=101, value=110, slope=Fraction(120 - 110, 110 - 101), category=Grade.VERY_GOOD,
    rule=Rule(
        "pp30.iki.very_good", f"{_IKI_CLAUSE}: Sangat Baik, 101\u2013110 % [MED]",
        "Nilai = 110 + (120 \u2212 110) / (110% \u2212 101%) \u00d7 (capaian \u2212 101%)",
        "Value = 110 + (120 \u2212 110) / (110 % \u2212 101 %) \u00d7 (achievement \u2212 101 %)",
    ),
)  # fmt: skip
_ABOVE_TABLE = _segment(
    start=110, value=120, slope=_ZERO, category=Grade.VERY_GOOD, rule=Rule(
        "pp30.iki.cap",
        f"{_IKI_CLAUSE}: capaian > 110 % (at 110 % the Sangat Baik line gives 120 too)",
        "Nilai = 120 (paling tinggi)", "Value = 120 (the cap)",
    ),
)  # fmt: skip

PERMEN8_2021_IKI_CONVERSION: Final[BandTable[IkiSegment]] = BandTable(
    id="permen8_2021.iki_conversion",
    clause=f"{_IKI_CLAUSE} (nilai capaian IKI)",
    labels=(_BELOW_TABLE, _VERY_POOR, _POOR, _FAIR, _GOOD, _VERY_GOOD, _ABOVE_TABLE),
    cuts=tuple(Decimal(cut) for cut in (0, 60, 80, 100, 101, 110)),
    closed="lower",
)
"""
Capaian IKI (percent) to nilai capaian IKI: the pieces, lowest first, each from its cut up.

Whole percents give the regulation's table: 0-59 % Sangat Kurang (capaian / 59 x 49),
60-79 % Kurang, 80-99 % Cukup (both 10 below the capaian), 100 % Baik (109), 101-110 %
Sangat Baik (110 to 120), above 110 % 120.  Between whole percents (continuous mode)
each line runs on up to the next cut, and 100-101 % stays 109 [LOW]; below 0 % (a
lower-is-better realisation over twice its target) the value is 0 [LOW].
"""

PERMEN8_2021_MAXIMUM_TARGET: Final = _segment(
    start=100, value=120, slope=_ZERO, category=Grade.VERY_GOOD, rule=Rule(
        "pp30.iki.maximum_target",
        f"{_IKI_CLAUSE}: capaian 100 % of a target that is already the maximum",
        "Capaian 100% atas target yang sudah maksimal: Sangat Baik, nilai 120",
        "100 % of a target that is already the best possible: Sangat Baik, value 120",
    ),
)  # fmt: skip
"""The exception: 100 % of a target already at its maximum (`Indicator.target_is_maximum`): 120."""

PERMEN8_2021_WHOLE_PERCENT: Final = Rounding(0, "half_up")
"""[LOW] The table is in whole percents: a capaian is read rounded half up to one."""

_WHOLE_PERCENT_RULE: Final = Rule(
    "pp30.achievement.integer_percent",
    "convention [LOW]: the PermenPANRB 8/2021 table is in whole percents",
    "Capaian dibulatkan ke persen bulat, setengah ke atas",
    "Achievement rounded to a whole percent, halves up",
)
_INSIDE_RANGE_RULE: Final = Rule(
    "pp30.achievement.range_inside",
    f"{_IKI_CLAUSE} (target rentang); inside the range: [MED]",
    "Realisasi di dalam rentang target: capaian 100%",
    "Realisation inside the target range: achievement 100 %",
)


def _rounding_rule(rounding: Rounding) -> Rule:
    """The rule of a regime's declared rounding points, saying how it rounds."""
    return Rule(
        "pp30.rounding",
        "pp30_2019 rounding point, convention [LOW]",
        f"Dibulatkan ke {rounding.describe('id')}",
        f"Rounded to {rounding.describe('en')}",
    )


# -- nilai SKP -------------------------------------------------------------------------------

_TARGET_RULE: Final = Rule(
    "pp30.target", f"{_IKI_CLAUSE}; plain mean: convention [LOW]",
    "Nilai rencana kinerja = rata-rata nilai capaian IKI-nya",
    "Work-target value = mean of its IKI values",
)  # fmt: skip
_MAIN_MEAN_RULE: Final = Rule(
    "pp30.main.mean",
    "PermenPANRB 8/2021 Lampiran; plain mean without weights: convention [LOW]",
    "Nilai kinerja utama = rata-rata nilai rencana kinerja utama",
    "Main work value = mean of the main work-target values",
)
_WEIGHTED_RULE: Final = Rule(
    "pp30.main.weighted",
    "PermenPANRB 8/2021 Lampiran (59.2 + 43.6); weights: convention [LOW]",
    "Nilai tertimbang = bobot \u00d7 nilai rencana kinerja",
    "Weighted value = weight \u00d7 work-target value",
)
_MAIN_SUM_RULE: Final = Rule(
    "pp30.main.sum", "PermenPANRB 8/2021 Lampiran (nilai tertimbang kinerja utama)",
    "Nilai kinerja utama = jumlah nilai tertimbang", "Main work value = sum of the weighted values",
)  # fmt: skip
_NO_ADDITIONAL_RULE: Final = Rule(
    "pp30.additional.none", "PermenPANRB 8/2021 Lampiran (example \u2018+ 0\u2019); policy [LOW]",
    "Kinerja tambahan tidak menambah nilai (kebijakan bawaan)",
    "Additional work adds nothing (the default policy)",
)  # fmt: skip
_ADDITIONAL_POINTS_RULE: Final = Rule(
    "pp30.additional.points", "policy [LOW]: the regime's additional_points table",
    "Poin kinerja tambahan menurut tabel, dijumlahkan",
    "Additional work points from the table, summed",
)  # fmt: skip
_SKP_RULE: Final = Rule(
    "pp30.skp", "PermenPANRB 8/2021 Lampiran: nilai SKP",
    "Nilai SKP = nilai tertimbang kinerja utama + nilai tertimbang kinerja tambahan",
    "SKP value = main work value + additional work value",
)  # fmt: skip

# -- perilaku kerja ----------------------------------------------------------------------------

_BEHAVIOUR_RULE: Final = Rule(
    "pp30.behaviour", "PermenPANRB 8/2021 (perilaku kerja); numeric scoring: convention [LOW]",
    "Nilai perilaku kerja = rata-rata nilai aspek perilaku",
    "Behaviour value = mean of the aspect values",
)  # fmt: skip
_AGGREGATED_RULE: Final = Rule(
    "pp30.aspect", "the regime's aggregator (no step given)",
    "Nilai aspek dari agregator", "Aspect value from the aggregator",
)  # fmt: skip

# -- nilai kinerja and predikat (PP 30/2019 Pasal 41) -----------------------------------------

PP30_2019_CAP: Final = Fraction(120)
"""The highest value (PP 30/2019): nilai kinerja is capped at it; aspect values lie from 0 to it."""

PP30_2019_PEER_ROLES: Final = frozenset({RaterRole.PEER, RaterRole.SUBORDINATE})
"""PP 30/2019 Pasal 41(4): the raters whose opinion is peer input (rekan setingkat, bawahan)."""

PP30_2019_INNOVATION_SCOPES: Final = frozenset(
    {InnovationScope.ORGANISATION, InnovationScope.STATE}
)
"""PP 30/2019 Pasal 41(5) huruf a: an innovation for Sangat Baik benefits these."""

PP30_2019_PREDIKAT: Final[BandTable[Grade]] = BandTable(
    id="pp30_2019.predikat",
    clause="PP 30/2019 Pasal 41(5)",
    labels=(Grade.VERY_POOR, Grade.POOR, Grade.FAIR, Grade.GOOD, Grade.VERY_GOOD),
    cuts=(Decimal(50), Decimal(70), Decimal(90), Decimal(110)),
    closed="lower",
)
"""
PP 30/2019 Pasal 41(5): Sangat Kurang < 50 <= Kurang < 70 <= Cukup < 90 <= Baik < 110 <= Sangat Baik

Sangat Baik also needs an innovation that benefits the organisation or the state;
without it 110-120 is Baik.  PermenPANRB 8/2021 renames Cukup "Butuh Perbaikan".
"""

_WEIGHTING_RULE: Final = Rule(
    "pp30.weighting", "PP 30/2019 Pasal 41(3) and (4)",
    "70% SKP + 30% perilaku tanpa pendapat rekan kerja setingkat/bawahan langsung; "
    "60% SKP + 40% perilaku dengan pendapat mereka",
    "70 % SKP + 30 % behaviour without peer and subordinate input; 60 % + 40 % with it",
)  # fmt: skip
_FINAL_RULE: Final = Rule(
    "pp30.final", "PP 30/2019 Pasal 41",
    "Nilai kinerja = bobot SKP \u00d7 nilai SKP + bobot perilaku \u00d7 nilai perilaku",
    "Performance value = work weight \u00d7 SKP + behaviour weight \u00d7 behaviour",
)  # fmt: skip
_CAP_RULE: Final = Rule(
    "pp30.cap", "PP 30/2019 (nilai kinerja paling tinggi 120)",
    "Nilai kinerja dibatasi 120", "Performance value capped at 120",
)  # fmt: skip
_PREDIKAT_RULE: Final = Rule(
    "pp30.predikat", "PP 30/2019 Pasal 41(5)",
    "Predikat kinerja menurut nilai kinerja", "Grade from the performance value",
)  # fmt: skip
_INNOVATION_RULE: Final = Rule(
    "pp30.innovation", "PP 30/2019 Pasal 41(5) huruf a",
    "Sangat Baik hanya dengan ide/cara baru yang bermanfaat bagi organisasi atau negara; "
    "tanpa itu Baik",
    "Very good only with a new idea or method that benefits the organisation or the state; "
    "otherwise good",
)  # fmt: skip
_FAIR_LABEL_RULE: Final = Rule(
    "pp30.fair_label", "PermenPANRB 8/2021: Cukup is named Butuh Perbaikan",
    "Predikat Cukup disebut Butuh Perbaikan", "The fair grade is named Needs improvement",
)  # fmt: skip
_INCOMPLETE_RULE: Final = Rule(
    "pp30.incomplete", "PP 30/2019 Pasal 41; a missing value is never 0",
    "Tidak ada predikat: nilai perilaku belum lengkap", "No grade: behaviour values are missing",
)  # fmt: skip
