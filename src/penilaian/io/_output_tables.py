"""
The tables a program writes and never reads back: scoring results and the cascading matrix.

Declared with the same pieces as the appraisal tables (`penilaian.io._columns`);
`penilaian.io.tables` names them (`RESULT_TABLES`, `CASCADE_TABLES`).
"""

from __future__ import annotations

from typing import Final

from penilaian.io._columns import Column, Table, flag, ident, nip, number, text

__all__ = ["CASCADE", "CASCADE_TABLES", "CATEGORIES", "FIGURES", "RESULTS", "RESULT_TABLES"]


def _appraisal_id() -> Column:
    return ident(
        "appraisal_id",
        "Kode penilaian (SKP) dari lembar employees.",
        "The appraisal's id, as on the employees sheet.",
        required=True,
    )


RESULTS: Final = Table(
    "results",
    "Satu baris per penilaian: predikat dan nilai.",
    "One row per appraisal: grade and score.",
    (
        _appraisal_id(),
        ident("employee_id", "Kode pegawai.", "Employee id.", required=True),
        text("name", "Nama pegawai.", "The employee's name.", required=True),
        nip("nip", "NIP pegawai.", "The employee's NIP."),
        ident(
            "regime", "Aturan penilaian yang dipakai.", "The scoring regime used.", required=True
        ),
        ident(
            "grade", "Kode predikat; kosong bila belum lengkap.", "Grade id; empty when incomplete."
        ),
        text("grade_label", "Predikat.", "The grade's label."),
        number(
            "score",
            "Nilai akhir, bila aturannya punya nilai.",
            "Final score, where the regime has one.",
        ),
        flag("complete", "Ya bila predikat dapat ditetapkan.", "Yes when a grade was given."),
        text(
            "gaps",
            "Yang kurang sehingga belum ada predikat (path: alasan; ...).",
            "What is missing, so no grade (path: reason; ...).",
        ),
    ),
)
"""The ``results`` table: one row per appraisal, its grade and score."""

FIGURES: Final = Table(
    "figures",
    "Satu baris per angka antara dalam perhitungan.",
    "One row per intermediate figure.",
    (
        _appraisal_id(),
        ident(
            "key",
            "Kunci angka (lihat dokumentasi aturan).",
            "The figure's key (see the regime).",
            required=True,
        ),
        number("value", "Nilainya.", "Its value."),
    ),
)
"""The ``figures`` table: one row per intermediate figure of a result."""

CATEGORIES: Final = Table(
    "categories",
    "Satu baris per nilai kategori antara (mis. rating hasil kerja).",
    "One row per intermediate categorical value (such as the work-results rating).",
    (
        _appraisal_id(),
        ident("key", "Kunci nilai.", "The value's key.", required=True),
        ident("value", "Kode nilainya.", "Its id.", required=True),
    ),
)
"""The ``categories`` table: one row per categorical value of a result."""

RESULT_TABLES: Final = (RESULTS, FIGURES, CATEGORIES)
"""The tables of a results export: one row per appraisal, then every figure and category."""

CASCADE: Final = Table(
    "cascade",
    "Matriks peran hasil: satu baris per RHK pimpinan dan RHK bawahan yang mengintervensinya.",
    "Cascading matrix: one row per leader's target and each target that cascades from it.",
    (
        _appraisal_id(),
        ident("employee_id", "Kode pegawai pimpinan.", "The leader's employee id.", required=True),
        ident("target_id", "Kode RHK pimpinan.", "The leader's work target id.", required=True),
        text("target_title", "RHK pimpinan.", "The leader's work target.", required=True),
        text(
            "value",
            "Nilai agregat RHK pimpinan, eksak (mis. 12.5 atau 1/3); kosong bila tidak ada.",
            "The target's rolled-up value, exact (such as 12.5 or 1/3); empty when none.",
        ),
        ident(
            "child_appraisal_id",
            "Kode penilaian bawahan; kosong bila belum ada yang mengintervensi.",
            "The subordinate's appraisal id; empty when nothing cascades from the target.",
        ),
        ident("child_employee_id", "Kode pegawai bawahan.", "The subordinate's employee id."),
        text("child_name", "Nama pegawai bawahan.", "The subordinate's name."),
        ident("child_target_id", "Kode RHK bawahan.", "The subordinate's work target id."),
        text("child_target_title", "RHK bawahan yang mengintervensi.", "The cascading target."),
    ),
)
"""The ``cascade`` table: a leader's cascading matrix (matriks peran hasil)."""

CASCADE_TABLES: Final = (CASCADE,)
"""The tables of a cascading-matrix export: one, ``cascade``."""
