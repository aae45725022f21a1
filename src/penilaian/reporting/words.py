"""
The words of the boundary: what its reports, plots and summaries say, in Indonesian and English.

One `WORDS` table serves the employee and unit reports (`penilaian.reporting`), the
plots and summaries of a simulation (`penilaian.simulation`) and the command line
(its own phrases keyed ``"cli.<name>"``); each phrase is read with
``WORDS.in_language(lang)[key]``.  A phrase with ``{name}`` fields is a template for
`str.format`; a regime is named by its key ``"regime.<id>"``.  Every key holds both
languages and neither text is empty (the table's type, `penilaian._base.words.Words`,
refuses any other).
"""

from __future__ import annotations

from typing import Final

from penilaian._base.words import Words

__all__ = ["WORDS"]

WORDS: Final = Words(
    {
        # The employee's report (penilaian.reporting.employee).
        "title": ("Laporan penilaian kinerja", "Performance appraisal report"),
        "employee": ("Pegawai", "Employee"),
        "nip": ("NIP", "NIP"),
        "no_nip": ("tanpa NIP", "no NIP"),
        "status": ("Status kepegawaian", "Employment status"),
        "position": ("Jabatan", "Position"),
        "unit": ("Unit kerja", "Unit"),
        "period": ("Periode", "Period"),
        "regime": ("Dasar penilaian", "Regime"),
        "appraisal": ("Nomor penilaian", "Appraisal"),
        "managerial": ("manajerial", "managerial"),
        "non_managerial": ("non-manajerial", "non-managerial"),
        "result": ("Predikat kinerja", "Grade"),
        "grade": ("Predikat", "Grade"),
        "score": ("Nilai akhir", "Score"),
        "incomplete_result": (
            "Penilaian belum lengkap: belum ada predikat. Yang masih kurang:",
            "The appraisal is incomplete: no grade yet. What is missing:",
        ),
        "result_notes": (
            "Catatan (tidak menghalangi predikat):",
            "Notes (they do not block the grade):",
        ),
        "work_results": ("Hasil kerja", "Work results"),
        "behaviour": ("Perilaku kerja", "Behaviour"),
        "unit_grade": ("Capaian kinerja organisasi", "Unit's grade"),
        "band": ("Kategori nilai", "Band"),
        "skp": ("Kategori SKP", "SKP category"),
        "weighting": ("Pembobotan", "Weighting"),
        "without_peer_input": (
            "70 % hasil kerja, 30 % perilaku (tanpa masukan rekan dan bawahan)",
            "70 % work, 30 % behaviour (no peer input)",
        ),
        "with_peer_input": (
            "60 % hasil kerja, 40 % perilaku (dengan masukan rekan dan bawahan)",
            "60 % work, 40 % behaviour (with peer input)",
        ),
        "targets": ("Rencana hasil kerja dan indikator", "Work targets and indicators"),
        "indicator": ("Indikator", "Indicator"),
        "aspect": ("Aspek", "Aspect"),
        "target": ("Target", "Target"),
        "realisation": ("Realisasi", "Realisation"),
        "achievement": ("Capaian (%)", "Achievement (%)"),
        "aspect_value": ("Nilai aspek", "Aspect value"),
        "iki_value": ("Nilai IKI", "Indicator value"),
        "iki_points": ("Poin kategori IKI", "Category points"),
        "missing": ("belum dilaporkan", "not reported"),
        "not_computed": ("tidak dihitung", "not computed"),
        "innovations": ("Inovasi", "Innovations"),
        "ratings": ("Penilaian menurut peran penilai", "Ratings by rater role"),
        "anonymity": (
            (
                "Penilaian rekan kerja, bawahan dan penerima layanan hanya ditampilkan sebagai "
                "gabungan, dan hanya bila dinilai oleh paling sedikit k penilai (rekan kerja "
                "{peer}, bawahan {subordinate}, penerima layanan {public}); tidak ada angka yang "
                "memungkinkan penilaian mereka dihitung balik."
            ),
            (
                "Ratings by peers, subordinates and service users are shown only as aggregates, and"
                " only when at least k raters gave them (peers {peer}, subordinates {subordinate}, "
                "service users {public}); no figure lets their ratings be worked out by "
                "subtraction."
            ),
        ),
        "no_ratings": ("Tidak ada penilaian yang dapat ditampilkan.", "No rating can be shown."),
        "subject": ("Yang dinilai", "Subject"),
        "role": ("Peran penilai", "Rater role"),
        "raters": ("Jumlah penilai", "Raters"),
        "rating": ("Nilai", "Rating"),
        "comments": ("Komentar", "Comments"),
        "withheld": (
            "tidak ditampilkan (kurang dari {k} penilai)",
            "not shown (fewer than {k} raters)",
        ),
        "of_raters": ("\xb7 {n} penilai", "\xb7 {n} raters"),
        "scale": ("Skala", "Scale"),
        "levels": ("{n} tingkat", "{n} levels"),
        "weighted": ("Nilai tertimbang", "Weighted value"),
        "weighted_withheld": (
            "tidak ditampilkan (memuat peran yang tidak ditampilkan)",
            "not shown (it counts a role not shown)",
        ),
        "expectations": ("Ekspektasi khusus pimpinan", "Leader's special expectations"),
        "feedback": ("Umpan balik berkelanjutan", "Continuous feedback"),
        "trace": ("Jejak perhitungan", "How the grade came about"),
        "trace_intro": (
            (
                "Setiap baris: aturan [dasar], (yang dihitung): masukan \u2192 hasil. Baris "
                "menjorok menghitung masukan baris di atasnya."
            ),
            (
                "Each line: rule [clause], (subject): inputs \u2192 output. Indented lines work out"
                " the inputs of the line above."
            ),
        ),
        "trace_none": (
            "Hasil ini dinilai tanpa jejak perhitungan.",
            "This result was scored without a trace.",
        ),
        "held_until_close": (
            (
                "Predikat, nilai dan jejak perhitungan ditampilkan setelah periode berakhir: "
                "hasil ini memuat penilaian rekan, bawahan atau masyarakat, yang bila "
                "ditampilkan sebelum itu dapat dibandingkan antarversi untuk mengetahui satu "
                "penilaian."
            ),
            (
                "The grade, the score and the trace are shown after the period closes: this "
                "result draws on ratings of peers, subordinates or the public, which shown "
                "before then could be compared across versions to learn one rating."
            ),
        ),
        "trace_withheld": (
            (
                "Jejak perhitungan tidak ditampilkan: jejak ini memuat penilaian dari peran dengan "
                "penilai kurang dari ambang anonimitas. Atasan dan auditor dapat melihatnya."
            ),
            (
                "The trace is not shown: it holds ratings of a role with fewer raters than the "
                "anonymity threshold. The supervisor and the auditor can see it."
            ),
        ),
        "plan": ("Rencana pengembangan kompetensi", "Development plan"),
        "plan_incomplete": (
            "Hasil penilaian belum lengkap: rencana hanya memuat kesenjangan yang sudah terlihat.",
            "The result is incomplete: the plan holds only the gaps already visible.",
        ),
        "priority": ("Prioritas", "Priority"),
        "action": ("Kegiatan", "Action"),
        "kind": ("Jenis", "Kind"),
        "hours": ("JP", "JP"),
        "learning_share": ("Pola 70\u201120\u201110", "70\u201120\u201110"),
        "gap": ("Kesenjangan", "Gap"),
        "no_action": ("Tidak ada kegiatan perbaikan.", "No remedial action."),
        "unaddressed": (
            "Kesenjangan tanpa kegiatan di katalog",
            "Gaps with no action in the catalogue",
        ),
        "deferred": ("Ditunda (melebihi batas JP)", "Deferred (over the JP cap)"),
        "entitlement": ("Hak pengembangan", "Entitlement"),
        "withheld_value": ("tidak ditampilkan", "not shown"),
        "footer": (
            (
                "Dibuat dengan penilaian {version}. Angka ditulis persis seperti pada jejak "
                "perhitungan (titik sebagai pemisah desimal)."
            ),
            (
                "Made with penilaian {version}. Numbers are written exactly as in the trace (a "
                "point as the decimal separator)."
            ),
        ),
        "footer_unit": (
            "Dibuat dengan penilaian {version}. Titik sebagai pemisah desimal.",
            "Made with penilaian {version}.",
        ),
        # Each regime by its regulation, keyed "regime.<id>".
        "regime.pp46_2011": ("PP 46/2011 (Perka BKN 1/2013)", "PP 46/2011 (Perka BKN 1/2013)"),
        "regime.pp30_2019": (
            "PP 30/2019 dan PermenPANRB 8/2021",
            "PP 30/2019 and PermenPANRB 8/2021",
        ),
        "regime.permen6_2022": ("PermenPANRB 6/2022", "PermenPANRB 6/2022"),
        "regime.generic": (
            "Rezim generik (konfigurasi instansi)",
            "Generic regime (agency configuration)",
        ),
        # The unit's report (penilaian.reporting.unit).
        "curve_title": (
            "Kurva distribusi predikat unit kerja",
            "Unit grade distribution against the curve",
        ),
        "headcount": ("Jumlah pegawai", "Employees"),
        "curve": ("Kurva", "Curve"),
        "convention": ("Pembulatan kuota", "Quota rounding"),
        "convention_text": (
            (
                "batas paling banyak {maximum}, batas paling sedikit {minimum}, \u201charus "
                "ada\u201d = paling sedikit {must_include} orang"
            ),
            (
                "at-most quotas {maximum}, at-least quotas {minimum}, \u201cmust include\u201d = at"
                " least {must_include}"
            ),
        ),
        "floor": ("dibulatkan ke bawah", "rounded down"),
        "ceil": ("dibulatkan ke atas", "rounded up"),
        "half_up": ("dibulatkan setengah ke atas", "rounded half up"),
        "compliant": ("Sesuai kurva", "Complies with the curve"),
        "yes": ("ya", "yes"),
        "no": ("tidak", "no"),
        "distribution": ("Sebaran predikat", "Grade distribution"),
        "count": ("Jumlah", "Count"),
        "percentage": ("Persentase", "Share"),
        "rules": ("Aturan kurva", "Curve rules"),
        "rule": ("Aturan", "Rule"),
        "quota_found": ("Perhitungan kuota", "How the quota was found"),
        "quota": ("Kuota", "Quota"),
        "status_col": ("Status", "Status"),
        "too_small": ("tidak diberlakukan", "not enforced"),
        "chart_title": (
            "Jumlah pegawai per predikat, dengan kuota aturan kurva",
            "Employees per grade, with the quotas of the curve's rules",
        ),
        "chart_after": ("Setelah kalibrasi yang diusulkan", "After the proposed calibration"),
        "calibration": ("Usulan kalibrasi", "Calibration proposal"),
        "set_aside": ("Disisihkan dari kurva", "Set aside from the curve"),
        "set_aside_note": (
            (
                "Penilaian berikut tidak dapat dinilai atau belum berpredikat, sehingga tidak "
                "dihitung dalam kurva; perbaiki lalu periksa kembali."
            ),
            (
                "These appraisals could not be scored or have no grade, so the curve does not "
                "count them; fix them and check again."
            ),
        ),
        "calibration_ties": (
            (
                "Di antara pegawai yang setara (sel matriks yang sama), usulan memilih yang ID "
                "pegawainya (biasanya NIP) paling awal menurut urutan; urutan ini bukan penilaian "
                "atas prestasi, dan pilihan di antara yang setara ada pada tim penilai kinerja."
            ),
            (
                "Among equal employees (the same cell of the matrix), the proposal picks those "
                "whose employee id (usually the NIP) sorts first; this order is not a judgement "
                "on merit, and the choice among equals belongs to the appraisal panel."
            ),
        ),
        "entitlement_info": (
            (
                "Tidak ada kesenjangan yang perlu ditutup; sisa jam tetap menjadi hak "
                "pengembangan kompetensi tahunan dan dapat direncanakan bersama atasan."
            ),
            (
                "No gap needs closing; the remaining hours are still the yearly competence "
                "development entitlement, to plan with the supervisor."
            ),
        ),
        "calibration_note": (
            (
                "Usulan ini tidak mengubah predikat apa pun; keputusan ada pada tim penilai "
                "kinerja. Setiap perubahan menggeser satu rating satu tingkat pada matriks."
            ),
            (
                "A proposal only: no grade is changed; the decision is the appraisal panel's. Each "
                "change moves one rating one level in the matrix."
            ),
        ),
        "change_grade": ("Predikat", "Grade"),
        "work_rating": ("Rating hasil kerja", "Work-results rating"),
        "behaviour_rating": ("Rating perilaku kerja", "Behaviour rating"),
        "reason": ("Alasan", "Reason"),
        "no_change": (
            "Tidak perlu perubahan: unit sudah sesuai kurva.",
            "No change needed: the unit complies with the curve.",
        ),
        "unreachable": (
            "Tidak ada perubahan yang dapat membuat unit sesuai kurva.",
            "No change can bring the unit within the curve.",
        ),
        "reaches": (
            "Setelah perubahan ini unit sesuai kurva.",
            "With these changes the unit complies with the curve.",
        ),
        "not_reached": (
            "Setelah perubahan ini unit masih belum sesuai kurva.",
            "With these changes the unit still does not comply with the curve.",
        ),
        "after": ("Setelah kalibrasi", "After calibration"),
        # Simulations: plots and summaries (penilaian.simulation).
        "appraisals": ("Jumlah penilaian", "Appraisals"),
        "distributions": ("Sebaran predikat per skenario", "Grade distribution by scenario"),
        "incomplete": ("tidak lengkap", "incomplete"),
        "changes": ("Perpindahan predikat", "Grade changes"),
        "changed": ("berubah", "changed"),
        "appraisal_share": ("Bagian penilaian (%)", "Share of appraisals (%)"),
        "sweep": ("Sebaran predikat menurut nilai parameter", "Grade shares by parameter value"),
        "parameter_value": ("Nilai parameter", "Parameter value"),
        "units": ("Jumlah unit", "Units"),
        "compliance": (
            "Kepatuhan unit pada kurva distribusi",
            "Units meeting the distribution curve",
        ),
        "met": ("memenuhi", "compliant"),
        "violated": ("tidak memenuhi", "not compliant"),
        "unchecked": ("tidak diperiksa", "not checked"),
        "without_grade": ("penilaian tanpa predikat", "appraisals without a grade"),
        "curve_units": (
            "kurva: {compliant} dari {units} unit memenuhi",
            "curve: {compliant} of {units} units compliant",
        ),
        # The command line (penilaian.cli): its own phrases; it shares the rest above.
        "cli.title": (
            "Penilaian kinerja (contoh tervalidasi)",
            "Performance appraisal (validated sample)",
        ),
        "cli.targets": ("Rencana hasil kerja", "Work targets"),
        "cli.raters": ("Penilai", "Raters"),
        "cli.ratings": ("Penilaian", "Ratings"),
        "cli.scores": (
            "Predikat menurut setiap rezim (contoh masing-masing rezim)",
            "Grade under each regime (each regime's own sample)",
        ),
        "cli.score": ("nilai", "score"),
        "cli.gap": ("belum lengkap", "incomplete"),
        "cli.note": ("catatan", "note"),
        "cli.curve": (
            "Kurva distribusi unit contoh (PermenPANRB 6/2022)",
            "The sample unit against its distribution curve (PermenPANRB 6/2022)",
        ),
        "cli.plan": (
            "Rencana pengembangan pegawai contoh",
            "The sample employee's development plan",
        ),
        "cli.head": (
            "Simulasi: {n} pegawai sintetis (seed {seed}), rezim {regime}, periode {period}",
            "Simulation: {n} synthetic employees (seed {seed}), regime {regime}, period {period}",
        ),
        "cli.scenarios": ("Skenario", "Scenarios"),
        "cli.shipped": ("rezim bawaan", "the regime as shipped"),
        "cli.distributions": ("Distribusi predikat dan kurva", "Grade distributions and the curve"),
        "cli.changes": (
            "Perubahan predikat dibanding {baseline}",
            "Grade changes against {baseline}",
        ),
        "cli.no_change": ("{name}: tidak ada perubahan", "{name}: no change"),
        "cli.changed": (
            "{name}: {count} penilaian berubah predikat",
            "{name}: {count} appraisals change grade",
        ),
        "cli.more": ("\u2026 dan {count} lainnya", "\u2026 and {count} more"),
        # Cycle completeness (penilaian completeness; the unit report's section).
        "completeness.title": ("Kelengkapan siklus penilaian", "Appraisal cycle completeness"),
        "completeness.no_unit": ("(tanpa unit)", "(no unit)"),
        "completeness.summary": (
            "{incomplete} dari {people} pegawai belum lengkap",
            "{incomplete} of {people} people still lack something",
        ),
        "completeness.all_complete": (
            "Semua penilaian lengkap.",
            "Every appraisal is complete.",
        ),
        "completeness.missing": ("Yang masih kurang", "Still missing"),
        "completeness.kind": ("Jenis", "Kind"),
        "completeness.subject": ("Subjek", "Subject"),
        "completeness.path": ("Letak", "Path"),
        "completeness.found": ("Ada", "Found"),
        "completeness.needed": ("Diperlukan", "Needed"),
        "completeness.people": ("Pegawai", "People"),
        "completeness.incomplete": ("Belum lengkap", "Incomplete"),
        "completeness.within": ("Termasuk unit di bawahnya", "Including units below"),
        "completeness.total": ("Jumlah", "Total"),
    }
)
"""Every phrase of the boundary, by key: its (Indonesian, English) text."""
