"""
The rules of the public satisfaction index (PermenPANRB 14/2017) as data.

The nine service elements (unsur), the 1-4 answers, the A-D service quality, the two
weightings (the printed 0.11, or exactly 1/9), the x25 conversion and the band table,
each with the clause it comes from; `penilaian.satisfaction_index` applies them.

The formulas on plain numbers are in `penilaian.analysis.survey.formulas`.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import Final

from penilaian._base.labels import LabelledEnum
from penilaian._base.rounding import Rounding
from penilaian._base.trace import Rule
from penilaian.exceptions import InvalidNumberError, OffScaleError
from penilaian.model.grades import BandTable

__all__ = [
    "PERMEN14_2017_BANDS",
    "PERMEN14_2017_FACTOR",
    "PERMEN14_2017_WEIGHT",
    "SatisfactionAnswer",
    "ServiceElement",
    "ServiceQuality",
    "SurveyWeighting",
]

LAMPIRAN: Final = "PermenPANRB 14/2017 Lampiran"
ROUNDING: Final = Rounding(2, "half_up")


class ServiceElement(LabelledEnum):
    """
    The nine service elements (unsur pelayanan) of PermenPANRB 14/2017.

    Templates number the elements U1-U9, but not all in the same order (complaints
    and facilities swap places), so no number is accepted as an alias: name the element.
    """

    REQUIREMENTS = ("requirements", "Persyaratan", "Requirements", "persyaratan pelayanan")
    PROCEDURES = (
        "procedures",
        "Sistem, mekanisme, dan prosedur",
        "Systems, mechanisms and procedures",
        "prosedur",
        "prosedur pelayanan",
    )
    TURNAROUND_TIME = (
        "turnaround_time",
        "Waktu penyelesaian",
        "Turnaround time",
        "waktu pelayanan",
        "jangka waktu penyelesaian",
    )
    COST = ("cost", "Biaya/tarif", "Cost or fee", "biaya", "tarif", "biaya/tarif pelayanan")
    PRODUCT = (
        "product",
        "Produk spesifikasi jenis pelayanan",
        "Product specification by type of service",
        "produk layanan",
        "produk pelayanan",
    )
    COMPETENCE = (
        "competence",
        "Kompetensi pelaksana",
        "Competence of the staff",
        "kompetensi petugas",
    )
    CONDUCT = ("conduct", "Perilaku pelaksana", "Conduct of the staff", "perilaku petugas")
    COMPLAINTS = (
        "complaints",
        "Penanganan pengaduan, saran dan masukan",
        "Handling of complaints, suggestions and feedback",
        "penanganan pengaduan",
        "pengaduan",
    )
    FACILITIES = (
        "facilities",
        "Sarana dan prasarana",
        "Facilities and infrastructure",
        "sarana prasarana",
        "sarana/prasarana",
    )


class SatisfactionAnswer(LabelledEnum):
    """An answer on the survey's 1-4 scale (PermenPANRB 14/2017 Lampiran), lowest first."""

    UNSATISFACTORY = ("unsatisfactory", "Tidak sesuai", "Unsatisfactory", "tidak puas")
    LESS_SATISFACTORY = (
        "less_satisfactory",
        "Kurang sesuai",
        "Less than satisfactory",
        "kurang puas",
    )
    SATISFACTORY = ("satisfactory", "Sesuai", "Satisfactory", "puas")
    VERY_SATISFACTORY = ("very_satisfactory", "Sangat sesuai", "Very satisfactory", "sangat puas")

    @property
    def score(self) -> int:
        """The answer's value, 1 (tidak sesuai) to 4 (sangat sesuai)."""
        return tuple(SatisfactionAnswer).index(self) + 1

    @classmethod
    def of_score(cls, score: int) -> SatisfactionAnswer:
        """
        Return the answer whose value is *score*.

        Raises:
            OffScaleError: for anything but a whole number 1-4.
        """
        return tuple(cls)[answer_score(score, "score", None) - 1]


class ServiceQuality(LabelledEnum):
    """
    A service unit's quality (mutu pelayanan A-D) and performance (kinerja unit), best first.

    The Indonesian label is the kinerja unit pelayanan; `mutu` gives the letter and
    `perception` the nilai persepsi 1-4 of PermenPANRB 14/2017 Lampiran.
    """

    A = ("a", "Sangat Baik", "Very good", "mutu A")
    B = ("b", "Baik", "Good", "mutu B")
    C = ("c", "Kurang Baik", "Fair", "mutu C")
    D = ("d", "Tidak Baik", "Poor", "mutu D")

    @property
    def mutu(self) -> str:
        """The quality letter, ``"A"`` to ``"D"``."""
        return self.id.upper()

    @property
    def perception(self) -> int:
        """The nilai persepsi: 4 for A down to 1 for D."""
        return len(ServiceQuality) - tuple(ServiceQuality).index(self)


class SurveyWeighting(LabelledEnum):
    """
    Which weight multiplies each element's NRR (REGULATIONS.md 4.3: both occur in practice).

    ``official`` is 1/k rounded to 2 places, halves up: 0.11 for the nine elements, as
    PermenPANRB 14/2017 prints it, which lowers a nine-element index by exactly 1 %
    (9 x 0.11 = 0.99).  ``exact`` is 1/k unrounded.
    """

    OFFICIAL = (
        "official",
        "Bobot resmi 0,11 (dibulatkan)",
        "Official 0.11 (rounded)",
        "official_0.11",
        "0.11",
        "resmi",
    )
    EXACT = ("exact", "Bobot tepat 1/jumlah unsur", "Exact 1/number of elements", "1/9", "tepat")

    def weight(self, elements: int) -> Fraction:
        """Return the weight of each of *elements* surveyed elements."""
        exact = Fraction(1, elements)
        return exact if self is SurveyWeighting.EXACT else Fraction(ROUNDING.apply(exact))


PERMEN14_2017_WEIGHT: Final = Fraction(11, 100)
"""The bobot nilai rata-rata tertimbang as printed: 1/9 = 0.11 (`SurveyWeighting.OFFICIAL`)."""

PERMEN14_2017_FACTOR: Final = 25
"""The conversion of the 1-4 index to the unit value on 25-100 (IKM unit pelayanan = IKM x 25)."""

PERMEN14_2017_BANDS: Final[BandTable[ServiceQuality]] = BandTable(
    id="permen14_2017.quality",
    clause=f"{LAMPIRAN}: nilai interval konversi (on the 2-place 25-100 value)",
    labels=(ServiceQuality.D, ServiceQuality.C, ServiceQuality.B, ServiceQuality.A),
    cuts=(Decimal("64.99"), Decimal("76.60"), Decimal("88.30")),
    closed="upper",
)
"""Mutu pelayanan, on the unit value rounded to 2 places: <= 64.99 D, <= 76.60 C, <= 88.30 B, A."""

NRR_RULE: Final = Rule(
    "permen14.nrr",
    f"{LAMPIRAN}: nilai rata-rata per unsur",
    "NRR per unsur = jumlah nilai unsur / jumlah responden yang mengisi unsur itu",
    "NRR per element = the sum of its answers / the respondents who answered it",
)
WEIGHTS: Final = {
    SurveyWeighting.OFFICIAL: Rule(
        "permen14.weight",
        f"{LAMPIRAN}: bobot nilai rata-rata tertimbang",
        "Bobot = jumlah bobot / jumlah unsur, dibulatkan 2 desimal (1/9 = 0,11)",
        "Weight = total weight / number of elements, rounded to 2 places (1/9 = 0.11)",
    ),
    SurveyWeighting.EXACT: Rule(
        "permen14.weight_exact",
        f"{LAMPIRAN}: bobot 1/9 tanpa pembulatan (REGULATIONS.md 4.3)",
        "Bobot = jumlah bobot / jumlah unsur, tanpa pembulatan",
        "Weight = total weight / number of elements, unrounded",
    ),
}
WEIGHTED_RULE: Final = Rule(
    "permen14.weighted",
    f"{LAMPIRAN}: nilai rata-rata tertimbang",
    "NRR tertimbang = NRR per unsur x bobot",
    "Weighted NRR = the element's NRR x the weight",
)
INDEX_RULE: Final = Rule(
    "permen14.index",
    f"{LAMPIRAN}: IKM",
    "IKM = jumlah NRR tertimbang (skala 1-4)",
    "Index = the sum of the weighted NRRs (1-4 scale)",
)
UNIT_RULE: Final = Rule(
    "permen14.unit_value",
    f"{LAMPIRAN}: IKM unit pelayanan",
    "IKM unit pelayanan = IKM x 25 (skala 25-100)",
    "Unit value = index x 25 (25-100 scale)",
)
ROUNDING_RULE: Final = Rule(
    "permen14.rounding",
    f"{LAMPIRAN}: nilai interval konversi ditulis 2 desimal",
    "Dibulatkan 2 desimal, setengah ke atas; mutu dibaca dari nilai ini",
    "Rounded to 2 places, halves up; the quality is read from this value",
)
QUALITY_RULE: Final = Rule(
    "permen14.quality",
    f"{LAMPIRAN}: mutu pelayanan dan kinerja unit",
    "Mutu: <= 64,99 D; <= 76,60 C; <= 88,30 B; di atasnya A",
    "Quality: up to 64.99 D; up to 76.60 C; up to 88.30 B; above A",
)
PUBLIC_RULE: Final = Rule(
    "permen14.public_index",
    "convention of this library: the 2-place unit value, mapped linearly",
    "Nilai pada skala penilaian: minimum + (IKM unit - 25) / 75 x (maksimum - minimum)",
    "Value on the appraisal scale: minimum + (unit value - 25) / 75 x (maximum - minimum)",
)


def answer_score(answer: object, field: str, respondent: str | None) -> int:
    """Return an answer as its score 1-4, refusing anything else (never 0 for unanswered)."""
    who = "" if respondent is None else f"respondent {respondent!r}: "
    if isinstance(answer, SatisfactionAnswer):
        return answer.score
    if isinstance(answer, bool) or not isinstance(answer, int):
        reason = f"{who}an answer is a whole number 1-4, not a {type(answer).__name__}"
        raise InvalidNumberError(field, answer, reason)
    if not 1 <= answer <= 4:
        reason = f"{who}outside the 1-4 scale (leave an unanswered element out; never 0)"
        raise OffScaleError(field, answer, reason)
    return answer
