"""
Nouns and words of the messages: what each enumeration is called, and words that stand alone.

A word stands alone when it fills a placeholder of a reason: a NIP's group of digits, a
sheet, a month.

`NOUNS` maps the name an `UnknownLabelError` carries (a `LabelledEnum`'s class name, or the
words a caller gave) to what a person calls it, in Indonesian and English; an enumeration
declared anywhere in the library has its noun here, so no message names a Python class.
`WORDS` maps an English word that fills a placeholder to its Indonesian word.
"""

from __future__ import annotations

from typing import Final

__all__ = ["NOUNS", "WORDS"]

NOUNS: Final[dict[str, tuple[str, str]]] = {
    "Aspect": ("aspek target", "target aspect"),
    "Direction": ("arah capaian", "direction"),
    "TargetKind": ("jenis hasil kerja", "target kind"),
    "Perspective": ("perspektif", "perspective"),
    "RaterRole": ("peran penilai", "rater role"),
    "ExpectationLevel": ("tingkat ekspektasi", "expectation level"),
    "NipKind": ("jenis NIP", "NIP kind"),
    "Gender": ("jenis kelamin", "gender"),
    "Grade": ("predikat kinerja", "grade"),
    "OrganisationGrade": ("capaian kinerja organisasi", "organisation grade"),
    "PeriodKind": ("jenis periode", "period kind"),
    "PositionGroup": ("kelompok jabatan", "position group"),
    "PositionKind": ("jenis jabatan", "position kind"),
    "InnovationScope": ("cakupan inovasi", "innovation scope"),
    "ReleasePolicy": ("waktu pembukaan penilaian", "release policy"),
    "AnonymityRisk": ("risiko anonimitas", "anonymity risk"),
    "RoleStatus": ("status peran penilai", "rater role status"),
    "ColumnType": ("jenis kolom", "column type"),
    "SiasnAppraiserStatus": ("status penilai SIASN", "SIASN appraiser status"),
    "Evidence": ("tingkat pembanding", "evidence"),
    "FindingKind": ("jenis temuan", "finding kind"),
    "Adjustment": ("penyesuaian nilai p", "p-value adjustment"),
    "Confidence": ("tingkat keyakinan", "confidence"),
    "Eligibility": ("kelayakan", "eligibility"),
    "GapKind": ("jenis kesenjangan", "gap kind"),
    "GapSeverity": ("tingkat kesenjangan", "gap severity"),
    "EvidenceSource": ("sumber bukti", "evidence source"),
    "EntitlementOutcome": ("pemenuhan hak pengembangan", "entitlement outcome"),
    "LearningShare": ("porsi pola 70-20-10", "learning share"),
    "ActionKind": ("jenis kegiatan pengembangan", "development action kind"),
    "CurveBound": ("batas kurva", "curve bound"),
    "RuleStatus": ("status aturan kurva", "curve rule status"),
    "ServiceElement": ("unsur pelayanan", "service element"),
    "SatisfactionAnswer": ("jawaban survei", "survey answer"),
    "ServiceQuality": ("mutu pelayanan", "service quality"),
    "SurveyWeighting": ("pembobotan survei", "survey weighting"),
    "MissingKind": ("jenis kekurangan", "missing kind"),
    "MissingChild": ("perlakuan target turunan tanpa nilai", "missing-child rule"),
    "BiasKind": ("jenis bias penilai", "rater bias kind"),
    "Condition": ("syarat kenaikan", "promotion condition"),
    "OpeningKind": ("asal saldo awal angka kredit", "opening balance kind"),
    "Rank": ("pangkat", "rank"),
    "aggregation": ("agregasi", "aggregation"),
    "missing-rater rule": ("aturan penilai yang tidak ada", "missing-rater rule"),
    "missing-component rule": ("aturan komponen yang tidak ada", "missing-component rule"),
    "aspect of {framework}": ("aspek kerangka {framework}", "aspect of {framework}"),
}
"""Each enumeration's noun: (Indonesian, English), by the name an error carries."""

WORDS: Final[dict[str, str]] = {
    "appointment month": "bulan pengangkatan",
    "appointment year": "tahun pengangkatan",
    "birth date": "tanggal lahir",
    "characters": "karakter",
    "gender": "jenis kelamin",
    "length": "panjang",
    "sequence": "nomor urut",
    "type": "jenis",
    "sheet": "lembar",
    "file": "berkas",
    "month": "bulan",
    "quarter": "triwulan",
    "semester": "semester",
    "year": "tahun",
    "quantity": "kuantitas",
    "quality": "kualitas",
    "time": "waktu",
    "cost": "biaya",
    "work": "hasil kerja",
    "behaviour": "perilaku kerja",
    "a block device": "perangkat blok",
    "a socket": "soket",
    "1 January": "1 Januari",
    "31 December": "31 Desember",
    "1 January or 1 July": "1 Januari atau 1 Juli",
    "30 June or 31 December": "30 Juni atau 31 Desember",
    "1 January, 1 April, 1 July or 1 October": "1 Januari, 1 April, 1 Juli atau 1 Oktober",
    "31 March, 30 June, 30 September or 31 December": (
        "31 Maret, 30 Juni, 30 September atau 31 Desember"
    ),
    "the 1st": "tanggal 1",
    "the last day of the month": "hari terakhir bulan itu",
    "aggregation": "agregasi",
    "missing-rater rule": "aturan penilai yang tidak ada",
    "missing-component rule": "aturan komponen yang tidak ada",
    "a string": "teks",
    "true or false": "true atau false",
    "an integer": "bilangan bulat",
}
"""Indonesian words for the English words that fill a placeholder on their own."""
