"""
The wording of the reports, in Indonesian and English, and how numbers and labels are written.

Numbers are written exactly as the trace writes them (a decimal point, every digit
kept), so a reader can match the report against the trace; a fraction whose decimal
does not end is written ``n/d`` with a two-place approximation beside it.
"""

from __future__ import annotations

from fractions import Fraction
from typing import TYPE_CHECKING, Final

from penilaian._base.labels import normalise_label
from penilaian._base.trace import show
from penilaian.exceptions import UnknownLabelError
from penilaian.model.grades import Grade, OrganisationGrade
from penilaian.model.raters import OVERALL_BEHAVIOUR, OVERALL_WORK_RESULTS, ExpectationLevel

if TYPE_CHECKING:
    from collections.abc import Mapping
    from decimal import Decimal

    from penilaian._base.labels import Language
    from penilaian.model.appraisal import Appraisal

__all__ = [
    "DASH",
    "WORDS",
    "approximately",
    "level_label",
    "number",
    "percent_of",
    "regime_label",
    "subject_label",
    "value_label",
]

DASH: Final = "\u2014"
"""Written where a value does not apply (never where a value is missing: that is said)."""

WORDS: Final[Mapping[str, Mapping[str, str]]] = {
    "id": {
        "title": "Laporan penilaian kinerja",
        "employee": "Pegawai",
        "nip": "NIP",
        "no_nip": "tanpa NIP",
        "status": "Status kepegawaian",
        "position": "Jabatan",
        "unit": "Unit kerja",
        "period": "Periode",
        "regime": "Dasar penilaian",
        "appraisal": "Nomor penilaian",
        "managerial": "manajerial",
        "non_managerial": "non-manajerial",
        "result": "Predikat kinerja",
        "grade": "Predikat",
        "score": "Nilai akhir",
        "incomplete": "Penilaian belum lengkap: belum ada predikat. Yang masih kurang:",
        "work_results": "Hasil kerja",
        "behaviour": "Perilaku kerja",
        "unit_grade": "Capaian kinerja organisasi",
        "band": "Kategori nilai",
        "skp": "Kategori SKP",
        "weighting": "Pembobotan",
        "without_peer_input": "70 % hasil kerja, 30 % perilaku (tanpa masukan rekan dan bawahan)",
        "with_peer_input": "60 % hasil kerja, 40 % perilaku (dengan masukan rekan dan bawahan)",
        "targets": "Rencana hasil kerja dan indikator",
        "indicator": "Indikator",
        "aspect": "Aspek",
        "target": "Target",
        "realisation": "Realisasi",
        "achievement": "Capaian (%)",
        "aspect_value": "Nilai aspek",
        "iki_value": "Nilai IKI",
        "missing": "belum dilaporkan",
        "not_computed": "tidak dihitung",
        "innovations": "Inovasi",
        "ratings": "Penilaian menurut peran penilai",
        "anonymity": (
            "Penilaian rekan kerja, bawahan dan penerima layanan hanya ditampilkan sebagai "
            "gabungan, dan hanya bila dinilai oleh paling sedikit k penilai "
            "(rekan kerja {peer}, bawahan {subordinate}, penerima layanan {public}); "
            "tidak ada angka yang memungkinkan penilaian mereka dihitung balik."
        ),
        "no_ratings": "Tidak ada penilaian yang dapat ditampilkan.",
        "subject": "Yang dinilai",
        "role": "Peran penilai",
        "raters": "Jumlah penilai",
        "rating": "Nilai",
        "comments": "Komentar",
        "withheld": "tidak ditampilkan (kurang dari {k} penilai)",
        "of_raters": "\u00b7 {n} penilai",
        "scale": "Skala",
        "levels": "{n} tingkat",
        "weighted": "Nilai tertimbang",
        "weighted_withheld": "tidak ditampilkan (memuat peran yang tidak ditampilkan)",
        "expectations": "Ekspektasi khusus pimpinan",
        "feedback": "Umpan balik berkelanjutan",
        "trace": "Jejak perhitungan",
        "trace_intro": (
            "Setiap baris: aturan [dasar], (yang dihitung): masukan \u2192 hasil. "
            "Baris menjorok menghitung masukan baris di atasnya."
        ),
        "trace_none": "Hasil ini dinilai tanpa jejak perhitungan.",
        "trace_withheld": (
            "Jejak perhitungan tidak ditampilkan: jejak ini memuat penilaian dari peran "
            "dengan penilai kurang dari ambang anonimitas. Atasan dan auditor dapat melihatnya."
        ),
        "plan": "Rencana pengembangan kompetensi",
        "plan_incomplete": (
            "Hasil penilaian belum lengkap: rencana hanya memuat kesenjangan yang sudah terlihat."
        ),
        "priority": "Prioritas",
        "action": "Kegiatan",
        "kind": "Jenis",
        "hours": "JP",
        "share": "Pola 70\u201120\u201110",
        "gap": "Kesenjangan",
        "no_action": "Tidak ada kegiatan perbaikan.",
        "unaddressed": "Kesenjangan tanpa kegiatan di katalog",
        "deferred": "Ditunda (melebihi batas JP)",
        "entitlement": "Hak pengembangan",
        "withheld_value": "tidak ditampilkan",
        "footer": (
            "Dibuat dengan penilaian {version}. Angka ditulis persis seperti pada jejak "
            "perhitungan (titik sebagai pemisah desimal)."
        ),
        "footer_unit": "Dibuat dengan penilaian {version}. Titik sebagai pemisah desimal.",
        "curve_title": "Kurva distribusi predikat unit kerja",
        "headcount": "Jumlah pegawai",
        "curve": "Kurva",
        "convention": "Pembulatan kuota",
        "convention_text": (
            "batas paling banyak {maximum}, batas paling sedikit {minimum}, "
            "\u201charus ada\u201d = paling sedikit {must_include} orang"
        ),
        "floor": "dibulatkan ke bawah",
        "ceil": "dibulatkan ke atas",
        "half_up": "dibulatkan setengah ke atas",
        "compliant": "Sesuai kurva",
        "yes": "ya",
        "no": "tidak",
        "distribution": "Sebaran predikat",
        "count": "Jumlah",
        "percentage": "Persentase",
        "rules": "Aturan kurva",
        "rule": "Aturan",
        "quota_found": "Perhitungan kuota",
        "quota": "Kuota",
        "status_col": "Status",
        "too_small": "tidak diberlakukan",
        "chart_title": "Jumlah pegawai per predikat, dengan kuota aturan kurva",
        "chart_after": "Setelah kalibrasi yang diusulkan",
        "calibration": "Usulan kalibrasi",
        "calibration_note": (
            "Usulan ini tidak mengubah predikat apa pun; keputusan ada pada tim penilai "
            "kinerja. Setiap perubahan menggeser satu rating satu tingkat pada matriks."
        ),
        "change_grade": "Predikat",
        "work_rating": "Rating hasil kerja",
        "behaviour_rating": "Rating perilaku kerja",
        "reason": "Alasan",
        "no_change": "Tidak perlu perubahan: unit sudah sesuai kurva.",
        "unreachable": "Tidak ada perubahan yang dapat membuat unit sesuai kurva.",
        "reaches": "Setelah perubahan ini unit sesuai kurva.",
        "not_reached": "Setelah perubahan ini unit masih belum sesuai kurva.",
        "after": "Setelah kalibrasi",
    },
    "en": {
        "title": "Performance appraisal report",
        "employee": "Employee",
        "nip": "NIP",
        "no_nip": "no NIP",
        "status": "Employment status",
        "position": "Position",
        "unit": "Unit",
        "period": "Period",
        "regime": "Regime",
        "appraisal": "Appraisal",
        "managerial": "managerial",
        "non_managerial": "non-managerial",
        "result": "Grade",
        "grade": "Grade",
        "score": "Score",
        "incomplete": "The appraisal is incomplete: no grade yet. What is missing:",
        "work_results": "Work results",
        "behaviour": "Behaviour",
        "unit_grade": "Unit's grade",
        "band": "Band",
        "skp": "SKP category",
        "weighting": "Weighting",
        "without_peer_input": "70 % work, 30 % behaviour (no peer input)",
        "with_peer_input": "60 % work, 40 % behaviour (with peer input)",
        "targets": "Work targets and indicators",
        "indicator": "Indicator",
        "aspect": "Aspect",
        "target": "Target",
        "realisation": "Realisation",
        "achievement": "Achievement (%)",
        "aspect_value": "Aspect value",
        "iki_value": "Indicator value",
        "missing": "not reported",
        "not_computed": "not computed",
        "innovations": "Innovations",
        "ratings": "Ratings by rater role",
        "anonymity": (
            "Ratings by peers, subordinates and service users are shown only as aggregates, "
            "and only when at least k raters gave them (peers {peer}, subordinates "
            "{subordinate}, service users {public}); no figure lets their ratings be "
            "worked out by subtraction."
        ),
        "no_ratings": "No rating can be shown.",
        "subject": "Subject",
        "role": "Rater role",
        "raters": "Raters",
        "rating": "Rating",
        "comments": "Comments",
        "withheld": "not shown (fewer than {k} raters)",
        "of_raters": "\u00b7 {n} raters",
        "scale": "Scale",
        "levels": "{n} levels",
        "weighted": "Weighted value",
        "weighted_withheld": "not shown (it counts a role not shown)",
        "expectations": "Leader's special expectations",
        "feedback": "Continuous feedback",
        "trace": "How the grade came about",
        "trace_intro": (
            "Each line: rule [clause], (subject): inputs \u2192 output. "
            "Indented lines work out the inputs of the line above."
        ),
        "trace_none": "This result was scored without a trace.",
        "trace_withheld": (
            "The trace is not shown: it holds ratings of a role with fewer raters than "
            "the anonymity threshold. The supervisor and the auditor can see it."
        ),
        "plan": "Development plan",
        "plan_incomplete": (
            "The result is incomplete: the plan holds only the gaps already visible."
        ),
        "priority": "Priority",
        "action": "Action",
        "kind": "Kind",
        "hours": "JP",
        "share": "70\u201120\u201110",
        "gap": "Gap",
        "no_action": "No remedial action.",
        "unaddressed": "Gaps with no action in the catalogue",
        "deferred": "Deferred (over the JP cap)",
        "entitlement": "Entitlement",
        "withheld_value": "not shown",
        "footer": (
            "Made with penilaian {version}. Numbers are written exactly as in the trace "
            "(a point as the decimal separator)."
        ),
        "footer_unit": "Made with penilaian {version}.",
        "curve_title": "Unit grade distribution against the curve",
        "headcount": "Employees",
        "curve": "Curve",
        "convention": "Quota rounding",
        "convention_text": (
            "at-most quotas {maximum}, at-least quotas {minimum}, "
            "\u201cmust include\u201d = at least {must_include}"
        ),
        "floor": "rounded down",
        "ceil": "rounded up",
        "half_up": "rounded half up",
        "compliant": "Complies with the curve",
        "yes": "yes",
        "no": "no",
        "distribution": "Grade distribution",
        "count": "Count",
        "percentage": "Share",
        "rules": "Curve rules",
        "rule": "Rule",
        "quota_found": "How the quota was found",
        "quota": "Quota",
        "status_col": "Status",
        "too_small": "not enforced",
        "chart_title": "Employees per grade, with the quotas of the curve's rules",
        "chart_after": "After the proposed calibration",
        "calibration": "Calibration proposal",
        "calibration_note": (
            "A proposal only: no grade is changed; the decision is the appraisal panel's. "
            "Each change moves one rating one level in the matrix."
        ),
        "change_grade": "Grade",
        "work_rating": "Work-results rating",
        "behaviour_rating": "Behaviour rating",
        "reason": "Reason",
        "no_change": "No change needed: the unit complies with the curve.",
        "unreachable": "No change can bring the unit within the curve.",
        "reaches": "With these changes the unit complies with the curve.",
        "not_reached": "With these changes the unit still does not comply with the curve.",
        "after": "After calibration",
    },
}
"""Every phrase of the reports, by language and key."""

_REGIMES: Final = {
    "pp46_2011": ("PP 46/2011 (Perka BKN 1/2013)", "PP 46/2011 (Perka BKN 1/2013)"),
    "pp30_2019": ("PP 30/2019 dan PermenPANRB 8/2021", "PP 30/2019 and PermenPANRB 8/2021"),
    "permen6_2022": ("PermenPANRB 6/2022", "PermenPANRB 6/2022"),
    "generic": ("Rezim generik (konfigurasi instansi)", "Generic regime (agency configuration)"),
}


def regime_label(regime_id: str, lang: Language) -> str:
    """Name a regime by its regulation, such as ``"PermenPANRB 6/2022"``; else its id."""
    names = _REGIMES.get(regime_id)
    if names is None:
        return regime_id
    return names[1] if lang == "en" else names[0]


def approximately(value: Fraction, places: int = 2) -> str:
    """Write *value* to *places* decimals, halves away from zero, without floats."""
    scale = 10**places
    scaled = abs(value) * scale
    whole = int(scaled + Fraction(1, 2))
    sign = "-" if value < 0 and whole else ""
    text = str(whole).rjust(places + 1, "0")
    return f"{sign}{text[:-places]}.{text[-places:]}"


def number(value: Fraction | Decimal | int) -> str:
    """Write *value* exactly; a fraction whose decimal does not end also gets ``(≈ x.xx)``."""
    if isinstance(value, Fraction):
        exact = show(value)
        if "/" in exact:
            return f"{exact} (\u2248 {approximately(value)})"
        return exact
    return str(value)


def percent_of(part: int, whole: int) -> str:
    """Write *part* of *whole* as a percentage, exactly or to two places."""
    value = Fraction(part * 100, whole)
    if value.denominator == 1:
        return f"{value.numerator}%"
    exact = show(value)
    return f"{exact}%" if "/" not in exact else f"\u2248 {approximately(value)}%"


def level_label(level: str, lang: Language) -> str:
    """Label an expectation level in *lang*; any other level is written as given."""
    try:
        return ExpectationLevel.parse(level).label(lang)
    except UnknownLabelError:
        return level


def value_label(value: str, lang: Language) -> str:
    """Label a categorical result value: an expectation level, a grade, or as given."""
    for kind in (ExpectationLevel, Grade, OrganisationGrade):
        if normalise_label(value) in kind.spellings():
            return kind.parse(value).label(lang)
    return value


def subject_label(appraisal: Appraisal, subject: str, lang: Language) -> str:
    """Name a rated subject: an overall rating, a behaviour aspect, a target or an indicator."""
    words = WORDS[lang]
    if subject == OVERALL_WORK_RESULTS:
        return words["work_rating"]
    if subject == OVERALL_BEHAVIOUR:
        return words["behaviour_rating"]
    for aspect in appraisal.framework.aspects:
        if aspect.id == subject:
            return aspect.label(lang)
    for target in appraisal.targets:
        if target.id == subject:
            return f"{target.id} {target.title}"
        for indicator in target.indicators:
            if indicator.id == subject:
                return f"{indicator.id} {indicator.description}"
    return subject
