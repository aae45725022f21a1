"""
The command line's own phrases, in Indonesian and English.

What the commands say about the run itself (who was set aside, how many were
checked, a template written, a unit's grade missing) lives here; the phrases it
shares with the reports are `penilaian.reporting.words.WORDS`.  Each is read with
``CLI_WORDS.in_language(lang)[key]``; a phrase with ``{name}`` fields is a template
for `str.format`.  The reasons of the library's errors and problems are not here:
they go through `penilaian.cli._text.problem_text`.
"""

from __future__ import annotations

from typing import Final

from penilaian._base.words import Words

__all__ = ["CLI_WORDS"]

CLI_WORDS: Final = Words(
    {
        "set_aside": ("disisihkan, tidak dinilai", "set aside, not scored"),
        "simulate.misfit": (
            "tidak cocok dengan tenaga kerja {regime} (penilaian {appraisal})",
            "does not fit the {regime} workforce (appraisal {appraisal})",
        ),
        "set_aside.summary": (
            ("{set_aside} dari {total} penilaian disisihkan (tidak dinilai); {scored} dinilai"),
            "{set_aside} of {total} appraisals set aside (not scored); {scored} scored",
        ),
        "set_aside.none": (
            "{total} penilaian dinilai, tidak ada yang disisihkan",
            "{total} appraisals scored, none set aside",
        ),
        "row": ("lembar {sheet}, baris {row}", "sheet {sheet}, row {row}"),
        "item": ("penilaian ke-{index} berkas", "appraisal {index} of the file"),
        "no_nip": ("tanpa NIP", "no NIP"),
        "valid.one": ("1 penilaian valid: {ids}", "valid appraisal {ids}"),
        "valid.many": ("{count} penilaian valid: {ids}", "valid {count} appraisals {ids}"),
        "more": ("dan {count} lainnya", "and {count} more"),
        "template_written": ("templat {format} ditulis", "{format} template written"),
        "interrupted": ("dihentikan", "interrupted"),
        "internal": (
            "kesalahan internal (bug pada penilaian; laporkan beserta baris di atas)",
            "internal error (a bug in penilaian; please report it with the lines above)",
        ),
        "problems": ("{count} masalah", "{count} problem(s)"),
        "problems.more": ("\u2026 dan {count} masalah lainnya", "\u2026 and {count} more problems"),
        "choose": (
            "berkas memuat {count} penilaian: pilih satu dengan --appraisal",
            "the file has {count} appraisals: choose one with --appraisal",
        ),
        "no_such": (
            "tidak ada penilaian {id!r} dalam berkas (yang ada: {known})",
            "no appraisal {id!r} in the file (it has {known})",
        ),
        "no_unit": (
            "jabatannya tidak menyebut unit (unit_id); kurva diperiksa per unit",
            "its position names no unit (unit_id); the curve is checked per unit",
        ),
        "incomplete": (
            "penilaian belum lengkap, belum ada predikat",
            "the appraisal is incomplete: it has no grade",
        ),
        "no_unit_grade": (
            (
                "unit {unit} tidak punya predikat kinerja organisasi: isi unit_grade pada baris "
                "pimpinan unit di lembar employees"
            ),
            (
                "unit {unit} has no organisation grade: fill unit_grade on the unit leader's row "
                "of the employees sheet"
            ),
        ),
        "unit_grades_differ": (
            (
                "penilaian unit {unit} menyebut predikat organisasi yang berbeda ({grades}); "
                "isi unit_grade yang sama"
            ),
            (
                "the appraisals of unit {unit} name different organisation grades ({grades}); "
                "give one unit_grade"
            ),
        ),
        "no_unit_left": (
            "tidak ada penilaian yang dapat dinilai untuk kurva",
            "no appraisal could be scored for the curve",
        ),
        "several_units": (
            (
                "berkas memuat {count} unit ({units}); laporan HTML dibuat per unit: "
                "pilih satu dengan --unit-id"
            ),
            (
                "the file has {count} units ({units}); an HTML report is one unit: "
                "choose one with --unit-id"
            ),
        ),
        "no_such_unit": (
            "tidak ada unit {unit!r} dalam berkas (yang ada: {known})",
            "no unit {unit!r} in the file (it has {known})",
        ),
        "yes": ("ya", "yes"),
        "no": ("tidak", "no"),
    }
)
"""Every phrase of the command line's own, by key: its (Indonesian, English) text."""
