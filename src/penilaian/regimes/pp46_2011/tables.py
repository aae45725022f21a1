"""
The data of PP 46/2011 with Perka BKN 1/2013: the rules a trace cites, and the tables.

Each `Rule` is what a trace step cites; the tables (the sebutan, the tugas tambahan
and kreativitas points, the 1.76 factor and the 24 % efficiency limit) are values;
`ActivityAspect` is the row of `PP46_2011_ACTIVITY_ASPECTS` (in
`penilaian.regimes.pp46_2011.rules`, which binds each aspect to its formula).  The
formulas of `penilaian.regimes.pp46_2011.rules` read these tables, and so does the
batch engine `penilaian.batch.pp46`, so each table is written once.

>>> from decimal import Decimal
>>> PP46_2011_CATEGORIES.classify(Decimal(90)), PP46_2011_ADDITIONAL_TASK_POINTS.classify(4)
(<Grade.GOOD: 'good'>, 2)
"""

from __future__ import annotations

import types
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Final

import attrs

from penilaian._base.trace import Rule
from penilaian.model.appraisal import InnovationScope
from penilaian.model.grades import BandTable, Grade
from penilaian.model.targets import Aspect, Direction

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = [
    "ACTIVITIES_RULE",
    "ACTIVITY_RULE",
    "ADDITIONAL_TASKS_RULE",
    "BEHAVIOUR_ASPECT_RULE",
    "BEHAVIOUR_RULE",
    "CATEGORY_RULE",
    "COST_ABOVE_24_RULE",
    "COST_RULE",
    "CREATIVITY_RULE",
    "FINAL_RULE",
    "OUTPUT_ROUNDING_RULE",
    "PP46_2011_ADDITIONAL_TASK_POINTS",
    "PP46_2011_CATEGORIES",
    "PP46_2011_CREATIVITY_POINTS",
    "PP46_2011_EFFICIENCY_LIMIT",
    "PP46_2011_TIME_COST_FACTOR",
    "QUALITY_RULE",
    "QUANTITY_RULE",
    "RESULT_RULE",
    "ROUNDING_RULE",
    "SKP_RULE",
    "TIME_ABOVE_24_RULE",
    "TIME_RULE",
    "WHOLE_NUMBER_RULE",
    "ZERO_OUTPUT_RULE",
    "ActivityAspect",
]

_LAMPIRAN: Final = "Perka BKN 1/2013 Lampiran, Penilaian SKP"

# -- the rules a trace cites ---------------------------------------------------------------

QUANTITY_RULE: Final = Rule(
    "pp46.quantity",
    f"{_LAMPIRAN}: kuantitas",
    "Kuantitas = RO / TO \u00d7 100",
    "Quantity = realised output / target output \u00d7 100",
)
QUALITY_RULE: Final = Rule(
    "pp46.quality",
    f"{_LAMPIRAN}: kualitas",
    "Kualitas = RK / TK \u00d7 100",
    "Quality = realised quality / target quality \u00d7 100",
)
TIME_RULE: Final = Rule(
    "pp46.time",
    f"{_LAMPIRAN}: waktu, efisiensi \u2264 24 %",
    "Waktu (efisiensi = 100 \u2212 RW / TW \u00d7 100 \u2264 24): "
    "((1,76 \u00d7 TW \u2212 RW) / TW) \u00d7 100",
    "Time (efficiency = 100 \u2212 RW / TW \u00d7 100 at most 24): "
    "((1.76 \u00d7 TW \u2212 RW) / TW) \u00d7 100",
)
TIME_ABOVE_24_RULE: Final = Rule(
    "pp46.time_above_24",
    f"{_LAMPIRAN}: waktu, efisiensi > 24 %",
    "Waktu (efisiensi > 24): 76 \u2212 ((((1,76 \u00d7 TW \u2212 RW) / TW) \u00d7 100) \u2212 100)",
    "Time (efficiency above 24, an unrealistic target): "
    "76 \u2212 ((((1.76 \u00d7 TW \u2212 RW) / TW) \u00d7 100) \u2212 100)",
)
COST_RULE: Final = Rule(
    "pp46.cost",
    f"{_LAMPIRAN}: biaya, efisiensi \u2264 24 %",
    "Biaya (efisiensi = 100 \u2212 RB / TB \u00d7 100 \u2264 24): "
    "((1,76 \u00d7 TB \u2212 RB) / TB) \u00d7 100",
    "Cost (efficiency = 100 \u2212 RB / TB \u00d7 100 at most 24): "
    "((1.76 \u00d7 TB \u2212 RB) / TB) \u00d7 100",
)
COST_ABOVE_24_RULE: Final = Rule(
    "pp46.cost_above_24",
    f"{_LAMPIRAN}: biaya, efisiensi > 24 %",
    "Biaya (efisiensi > 24): 76 \u2212 ((((1,76 \u00d7 TB \u2212 RB) / TB) \u00d7 100) \u2212 100)",
    "Cost (efficiency above 24, an unrealistic target): "
    "76 \u2212 ((((1.76 \u00d7 TB \u2212 RB) / TB) \u00d7 100) \u2212 100)",
)
ZERO_OUTPUT_RULE: Final = Rule(
    "pp46.zero_output",
    "convention [LOW]: seen in e-SKP code, not in Perka BKN 1/2013",
    "Realisasi output 0: semua aspek kegiatan bernilai 0",
    "No output realised: every aspect of the kegiatan scores 0",
)
ACTIVITY_RULE: Final = Rule(
    "pp46.activity",
    f"{_LAMPIRAN}: nilai capaian kegiatan",
    "Nilai capaian kegiatan = penghitungan / jumlah aspek (3, atau 4 bila ada biaya)",
    "Kegiatan value = sum of the aspect values / number of aspects (3, or 4 with cost)",
)
ACTIVITIES_RULE: Final = Rule(
    "pp46.activities",
    f"{_LAMPIRAN}: nilai capaian SKP",
    "Rata-rata nilai capaian kegiatan tugas jabatan",
    "Mean of the kegiatan tugas jabatan values",
)
ADDITIONAL_TASKS_RULE: Final = Rule(
    "pp46.additional_tasks",
    "Perka BKN 1/2013: tugas tambahan",
    "Tugas tambahan: 1\u20133 kegiatan bernilai 1, 4\u20136 bernilai 2, 7 atau lebih bernilai 3",
    "Additional tasks: 1-3 give 1 point, 4-6 give 2, 7 or more give 3",
)
CREATIVITY_RULE: Final = Rule(
    "pp46.creativity",
    "Perka BKN 1/2013: kreativitas",
    "Kreativitas bermanfaat bagi unit kerja 3, organisasi 6, negara 12",
    "Creativity useful to the work unit 3 points, the organisation 6, the state 12",
)
SKP_RULE: Final = Rule(
    "pp46.skp",
    f"{_LAMPIRAN}: nilai capaian SKP",
    "Nilai capaian SKP = rata-rata nilai kegiatan + tugas tambahan + kreativitas",
    "SKP value = mean kegiatan value + additional tasks + creativity",
)
BEHAVIOUR_ASPECT_RULE: Final = Rule(
    "pp46.behaviour_aspect",
    "PP 46/2011 (about Pasal 12): the pejabat penilai rates each aspect 0-100",
    "Nilai aspek perilaku kerja (0\u2013100)",
    "Behaviour aspect value (0-100)",
)
BEHAVIOUR_RULE: Final = Rule(
    "pp46.behaviour",
    "PP 46/2011 (about Pasal 12)",
    "Nilai perilaku kerja = rata-rata nilai aspek "
    "(6 aspek untuk jabatan struktural, 5 untuk lainnya)",
    "Behaviour value = mean of the aspect values (6 aspects for a structural post, 5 otherwise)",
)
FINAL_RULE: Final = Rule(
    "pp46.final",
    "PP 46/2011: unsur SKP 60 % dan perilaku kerja 40 %",
    "Nilai prestasi kerja = bobot SKP \u00d7 nilai SKP + bobot perilaku \u00d7 nilai perilaku",
    "Work performance = SKP weight \u00d7 SKP value + behaviour weight \u00d7 behaviour value",
)
ROUNDING_RULE: Final = Rule(
    "pp46.rounding",
    "convention [MED]: the BKN forms show two decimal places",
    "Dibulatkan; langkah berikutnya memakai nilai yang dibulatkan",
    "Rounded; later steps use the rounded value",
)
OUTPUT_ROUNDING_RULE: Final = Rule(
    "pp46.output_rounding",
    "convention [LOW]: rounding only the outputs, an option beside the BKN forms",
    "Dibulatkan untuk ditampilkan; langkah berikutnya memakai nilai yang tidak dibulatkan",
    "Rounded for display; later steps use the unrounded value",
)
WHOLE_NUMBER_RULE: Final = Rule(
    "pp46.whole_number",
    "convention [LOW]: the category table is written for whole numbers",
    "Dibulatkan ke bilangan bulat (setengah ke atas) sebelum sebutan ditentukan",
    "Rounded to a whole number (halves up) before the category is read",
)
CATEGORY_RULE: Final = Rule(
    "pp46.category",
    "PP 46/2011; Perka BKN 1/2013: sebutan",
    "Sebutan: \u2264 50 Buruk; 51\u201360 Kurang; 61\u201375 Cukup; 76\u201390 Baik; "
    "91 ke atas Sangat Baik",
    "Category: up to 50 bad; 51-60 poor; 61-75 fair; 76-90 good; 91 and above very good",
)
RESULT_RULE: Final = Rule(
    "pp46.result",
    "PP 46/2011; Perka BKN 1/2013",
    "Penilaian prestasi kerja PNS",
    "Civil servant work performance appraisal",
)

# -- the tables -------------------------------------------------------------------------

PP46_2011_TIME_COST_FACTOR: Final = Fraction(176, 100)
"""Perka BKN 1/2013 Lampiran: the 1.76 of the time and cost formulas (100 at 76 % of target)."""

PP46_2011_EFFICIENCY_LIMIT: Final = Fraction(24)
"""Perka BKN 1/2013 Lampiran: efficiency (percent) up to which time and cost score up to 100."""

PP46_2011_CATEGORIES: Final[BandTable[Grade]] = BandTable(
    id="pp46_2011.categories",
    clause="PP 46/2011; Perka BKN 1/2013 (upper bound inclusive, REGULATIONS.md 1.5)",
    labels=(Grade.BAD, Grade.POOR, Grade.FAIR, Grade.GOOD, Grade.VERY_GOOD),
    cuts=(Decimal(50), Decimal(60), Decimal(75), Decimal(90)),
    closed="upper",
)
"""
The sebutan of PP 46/2011 (rule `CATEGORY_RULE`): <= 50 Buruk, (50, 60] Kurang,
(60, 75] Cukup, (75, 90] Baik, > 90 Sangat Baik.
"""

PP46_2011_ADDITIONAL_TASK_POINTS: Final[BandTable[int]] = BandTable(
    id="pp46_2011.additional_tasks",
    clause="Perka BKN 1/2013: tugas tambahan",
    labels=(0, 1, 2, 3),
    cuts=(Decimal(0), Decimal(3), Decimal(6)),
    closed="upper",
)
"""Tugas tambahan points by count (rule `ADDITIONAL_TASKS_RULE`): 0, 1-3, 4-6, 7 or more."""

PP46_2011_CREATIVITY_POINTS: Final[Mapping[InnovationScope, int]] = types.MappingProxyType(
    {InnovationScope.UNIT: 3, InnovationScope.ORGANISATION: 6, InnovationScope.STATE: 12}
)
"""Kreativitas points by who benefits (rule `CREATIVITY_RULE`)."""


@attrs.frozen
class ActivityAspect:
    """
    One aspect of a kegiatan tugas jabatan: a row of `PP46_2011_ACTIVITY_ASPECTS`.

    Attributes:
        aspect: The indicator aspect it reads.
        rule: Its formula's rule (below the efficiency limit, for time and cost).
        above_limit_rule: The rule above `PP46_2011_EFFICIENCY_LIMIT`, for time
            and cost; `None` for quantity and quality.
        direction: The direction its indicator must have.
        target_symbol: The Lampiran's name of its target (``"TO"``, ``"TK"``, ...).
        realised_symbol: The Lampiran's name of its realisation (``"RO"``, ...).
        required: Whether every kegiatan needs it (quantity, quality and time do).
        formula: Its value from target and realisation (`quantity_value`, ...).
    """

    aspect: Aspect
    rule: Rule
    above_limit_rule: Rule | None
    direction: Direction
    target_symbol: str
    realised_symbol: str
    required: bool
    formula: Callable[[Decimal | Fraction | int, Decimal | Fraction | int], Fraction] = attrs.field(
        eq=False, repr=False
    )

    @property
    def name(self) -> str:
        """The aspect's id, as in the figure keys (``"quantity"``, ...)."""
        return self.aspect.id
