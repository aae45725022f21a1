"""
The spreadsheet layout as data: every table (sheet or CSV file), its columns, their types.

One source of truth for the templates, the reader, the writer and the documentation.
Each `Table` is a sheet of an XLSX workbook or a file ``<name>.csv`` of a CSV
directory; its first row holds the column headers, which are the stable English
ids below (their order is free).  Every column has a `ColumnType`, says whether it
is required, and carries an Indonesian and an English description that the
template shows in its ``petunjuk`` (instructions) sheet and in header comments.

Sheets (and CSV files) and columns may also carry their Indonesian names
(``pegawai`` for ``employees``, ``kode_penilaian`` for ``appraisal_id``): the
table of those names in `penilaian.io._table_names` is the one place they are
declared, and the reader matches them, like the English ids, whatever their case
and spacing.

A cell left empty is missing (`None`), never 0.  A required column must be present
and filled on every row; an optional column may be absent from the sheet.
"""

from __future__ import annotations

from typing import Final

from penilaian.io._columns import (
    Column,
    ColumnType,
    Table,
    choice,
    date,
    flag,
    ident,
    nip,
    number,
    text,
    text_list,
)
from penilaian.io._output_tables import (
    CASCADE,
    CASCADE_TABLES,
    CATEGORIES,
    FIGURES,
    RESULT_TABLES,
    RESULTS,
)
from penilaian.io._table_names import named
from penilaian.model.appraisal import InnovationScope
from penilaian.model.behaviour import BUILTIN_FRAMEWORKS
from penilaian.model.grades import OrganisationGrade
from penilaian.model.organisation import PositionKind
from penilaian.model.periods import PeriodKind
from penilaian.model.raters import RaterRole
from penilaian.model.targets import Aspect, Direction, Perspective, TargetKind

__all__ = [
    "ALIAS_SEPARATOR",
    "CASCADE",
    "CASCADE_TABLES",
    "CATEGORIES",
    "FIGURES",
    "INSTRUCTIONS_SHEET",
    "LISTS_SHEET",
    "LIST_SEPARATOR",
    "RESULTS",
    "RESULT_TABLES",
    "TABLES",
    "Column",
    "ColumnType",
    "Table",
    "find_table",
]

INSTRUCTIONS_SHEET: Final = "petunjuk"
"""The instructions sheet (``petunjuk.csv`` in a CSV directory); the reader skips it."""

LISTS_SHEET: Final = "pilihan"
"""The hidden sheet holding a template's longer drop-down lists; the reader skips it."""

LIST_SEPARATOR: Final = ";"
"""Separates the items of a list cell, such as ``bukti-1.pdf; bukti-2.pdf``."""

ALIAS_SEPARATOR: Final = "="
"""Joins an alias to its level in the ``aliases`` cell of an ordinal scale: ``Baik=good``."""


def _appraisal_id(*, required: bool = True) -> Column:
    return ident(
        "appraisal_id",
        "Kode penilaian (SKP) dari lembar employees.",
        "The appraisal's id, as on the employees sheet.",
        required=required,
    )


_EVIDENCE: Final = text_list(
    "evidence", "Bukti dukung, dipisah titik koma.", "Evidence, separated by semicolons."
)

EMPLOYEES: Final = named(
    Table(
        "employees",
        "Satu baris per penilaian: pegawai, jabatan, periode, kerangka perilaku.",
        "One row per appraisal: employee, position, period, behaviour framework.",
        (
            ident(
                "appraisal_id",
                "Kode unik penilaian (SKP), dipakai lembar lain untuk merujuk.",
                "The appraisal's unique id; the other sheets refer to it.",
                required=True,
            ),
            ident(
                "employee_id",
                "Kode pegawai (sering NIP).",
                "Employee id (often the NIP).",
                required=True,
            ),
            text("name", "Nama lengkap pegawai.", "The employee's full name.", required=True),
            nip(
                "nip",
                "NIP atau NI PPPK, 18 angka, sebagai teks; kosong untuk non-ASN.",
                "NIP or NI PPPK, 18 digits, as text; empty for non-civil-servants.",
            ),
            text("position_title", "Nama jabatan.", "The position's title.", required=True),
            choice(
                "position_kind",
                PositionKind,
                "Jenis jabatan (mis. jpt_pratama, administrator, expert_first).",
                "Kind of post (e.g. jpt_pratama, administrator, expert_first).",
                required=True,
            ),
            ident("unit_id", "Kode unit kerja.", "The organisation unit's id."),
            flag(
                "leads_unit",
                "Ya bila pegawai memimpin unit kerja itu; kosong berarti tidak.",
                "Yes if the employee leads that unit; empty means no.",
            ),
            date(
                "period_start", "Tanggal awal periode.", "First day of the period.", required=True
            ),
            date(
                "period_end",
                "Tanggal akhir periode (termasuk).",
                "Last day of the period (inclusive).",
                required=True,
            ),
            choice(
                "period_kind",
                PeriodKind,
                "Jenis periode; kosong: dibaca dari tanggal (tahun, semester, triwulan, bulan).",
                "Kind of period; empty: read from the dates (year, semester, quarter, month).",
            ),
            choice(
                "framework_id",
                tuple(BUILTIN_FRAMEWORKS),
                "Kerangka perilaku kerja bawaan.",
                "The built-in behaviour framework.",
                required=True,
            ),
            choice(
                "unit_grade",
                OrganisationGrade,
                "Predikat kinerja organisasi unit, bila diketahui.",
                "The unit's organisation grade, when known.",
            ),
            flag(
                "leads_independent_unit",
                "Ya bila unit itu unit kerja mandiri dan pegawai pimpinannya; "
                "kosong berarti tidak.",
                "Yes if that unit is a unit kerja mandiri and the employee leads it; "
                "empty means no.",
            ),
        ),
    )
)

TARGETS: Final = named(
    Table(
        "targets",
        "Satu baris per indikator (IKI); baris satu RHK mengulang kolom RHK-nya.",
        "One row per indicator; rows of one work target repeat its target columns.",
        (
            _appraisal_id(),
            ident(
                "target_id",
                "Kode rencana hasil kerja (RHK).",
                "The work target's id.",
                required=True,
            ),
            text("target_title", "Rencana hasil kerja.", "The work target's title.", required=True),
            choice(
                "target_kind",
                TargetKind,
                "Utama atau tambahan; kosong berarti utama.",
                "Main or additional; empty means main.",
            ),
            ident(
                "cascades_from",
                "Kode RHK atasan yang diintervensi.",
                "The supervisor's work target this one cascades from.",
            ),
            choice(
                "perspective",
                Perspective,
                "Perspektif (JPT).",
                "Balanced-scorecard perspective (JPT).",
            ),
            ident("indicator_id", "Kode indikator (IKI).", "The indicator's id.", required=True),
            text(
                "indicator_description",
                "Uraian indikator.",
                "What the indicator measures.",
                required=True,
            ),
            choice(
                "aspect",
                Aspect,
                "Aspek: kuantitas, kualitas, waktu atau biaya.",
                "Aspect: quantity, quality, time or cost.",
                required=True,
            ),
            choice(
                "target_type",
                ("point", "range", "qualitative"),
                "Jenis target: point (satu angka), range (rentang), qualitative (uraian).",
                "Kind of target: point (one number), range, qualitative (words).",
                required=True,
            ),
            number("target_value", "Target angka (jenis point).", "The numeric target (point)."),
            number("target_low", "Batas bawah (jenis range).", "Lower bound (range)."),
            number("target_high", "Batas atas (jenis range).", "Upper bound (range)."),
            text(
                "target_description",
                "Uraian target (jenis qualitative).",
                "The target in words (qualitative).",
            ),
            choice(
                "direction",
                Direction,
                "Kondisi normal (makin tinggi makin baik) atau khusus; kosong berarti normal.",
                "Higher or lower is better; empty means higher.",
            ),
            text("unit", "Satuan (dokumen, bulan, Rp, %).", "Unit (documents, months, %)."),
            flag(
                "target_is_maximum",
                "Ya bila target sudah nilai terbaik yang mungkin; kosong berarti tidak.",
                "Yes if the target is already the best possible value; empty means no.",
            ),
        ),
    )
)

REALISATIONS: Final = named(
    Table(
        "realisations",
        "Satu baris per indikator yang sudah ada realisasinya.",
        "One row per indicator with a realisation; an indicator without one is unreported.",
        (
            _appraisal_id(),
            ident("indicator_id", "Kode indikator (IKI).", "The indicator's id.", required=True),
            number("value", "Realisasi angka.", "The measured value."),
            text(
                "description",
                "Uraian realisasi (wajib bila tanpa angka).",
                "The realisation in words (needed without a value).",
            ),
            _EVIDENCE,
            date("recorded_on", "Tanggal dilaporkan.", "When it was reported."),
        ),
    )
)

RATINGS: Final = named(
    Table(
        "ratings",
        "Satu baris per penilaian oleh seorang penilai; kolom penilai diulang tiap baris.",
        "One row per rating; each row repeats its rater's columns.",
        (
            _appraisal_id(),
            ident(
                "rater_id",
                "Kode penilai dalam penilaian ini.",
                "The rater's id in this appraisal.",
                required=True,
            ),
            choice(
                "rater_role",
                RaterRole,
                "Peran penilai (self, supervisor, peer, ...).",
                "The rater's role (self, supervisor, peer, ...).",
                required=True,
            ),
            ident(
                "rater_employee_id",
                "Kode pegawai penilai; kosong hanya untuk penerima layanan.",
                "The rater's employee id; empty only for the public role.",
            ),
            text("rater_name", "Nama penilai.", "The rater's name."),
            ident(
                "subject",
                "Yang dinilai: kode aspek perilaku, RHK, IKI, work_results atau behaviour. "
                "Kosong bersama scale_id, score, level: penilai yang belum menilai.",
                "What is rated: a behaviour aspect, work target or indicator id, work_results "
                "or behaviour.  Empty with scale_id, score and level: a rater who has not rated.",
            ),
            ident("scale_id", "Kode skala (lembar scales).", "The scale's id (scales sheet)."),
            number("score", "Nilai angka (skala numerik).", "The score (numeric scale)."),
            text("level", "Tingkat (skala ordinal).", "The level (ordinal scale)."),
            text("comment", "Catatan penilai.", "What the rater wrote."),
            date("rated_on", "Tanggal menilai.", "When."),
        ),
    )
)

SCALES: Final = named(
    Table(
        "scales",
        "Satu baris per skala; appraisal_id kosong: skala untuk semua penilaian.",
        "One row per scale; an empty appraisal_id: a scale for every appraisal.",
        (
            _appraisal_id(required=False),
            ident("scale_id", "Kode skala.", "The scale's id.", required=True),
            choice(
                "scale_kind",
                ("numeric", "ordinal", "expectation"),
                "numeric (minimum-maksimum), ordinal (levels), atau expectation "
                "(skala ekspektasi PermenPANRB 6/2022).",
                "numeric (minimum to maximum), ordinal (levels), or expectation "
                "(the PermenPANRB 6/2022 expectation scale).",
                required=True,
            ),
            number("minimum", "Nilai terendah (numeric).", "Lowest value (numeric)."),
            number("maximum", "Nilai tertinggi (numeric).", "Highest value (numeric)."),
            number(
                "step",
                "Kelipatan nilai (numeric), bila ada.",
                "Step between values (numeric), if any.",
            ),
            text_list(
                "levels",
                "Tingkat dari terendah, dipisah titik koma (ordinal).",
                "Levels, lowest first, separated by semicolons (ordinal).",
            ),
            text_list(
                "aliases",
                "Ejaan lain, alias=tingkat, dipisah titik koma (ordinal).",
                "Other spellings, alias=level, separated by semicolons (ordinal).",
            ),
        ),
        required=False,
    )
)

FEEDBACK: Final = named(
    Table(
        "feedback",
        "Satu baris per umpan balik berkelanjutan.",
        "One row per continuous-feedback note.",
        (
            _appraisal_id(),
            date("given_on", "Tanggal umpan balik.", "When it was given.", required=True),
            ident(
                "author_id", "Kode penilai yang memberi.", "The rater who gave it.", required=True
            ),
            text("text", "Isi umpan balik.", "The feedback.", required=True),
            ident("subject", "Yang dibahas, bila ada.", "What it is about, if anything."),
            _EVIDENCE,
        ),
        required=False,
    )
)

EXPECTATIONS: Final = named(
    Table(
        "expectations",
        "Satu baris per ekspektasi khusus pimpinan (BerAKHLAK).",
        "One row per leader's special expectation (BerAKHLAK).",
        (
            _appraisal_id(),
            ident("aspect_id", "Kode nilai perilaku.", "The behaviour aspect's id.", required=True),
            text("text", "Ekspektasi khusus pimpinan.", "The expectation.", required=True),
        ),
        required=False,
    )
)

INNOVATIONS: Final = named(
    Table(
        "innovations",
        "Satu baris per inovasi atau kreativitas.",
        "One row per innovation.",
        (
            _appraisal_id(),
            text("description", "Uraian inovasi.", "What was created.", required=True),
            choice(
                "scope",
                InnovationScope,
                "Manfaat untuk unit, organisasi atau negara.",
                "Who benefits: unit, organisation or state.",
                required=True,
            ),
            _EVIDENCE,
            text("certified_by", "Penandatangan surat keterangan.", "Who certified it."),
        ),
        required=False,
    )
)


TABLES: Final = (
    EMPLOYEES,
    TARGETS,
    REALISATIONS,
    RATINGS,
    SCALES,
    FEEDBACK,
    EXPECTATIONS,
    INNOVATIONS,
)
"""The tables of an appraisal workbook, in order: four required, then four optional."""


def find_table(name: str, tables: tuple[Table, ...] = TABLES) -> Table | None:
    """
    Return the table of *tables* that *name* names, or `None`.

    *name* is the English id (``targets``) or an Indonesian name (``target``,
    ``rencana_hasil_kerja``), whatever its case, spaces, hyphens and underscores.
    """
    for table in tables:
        if table.spells(name):
            return table
    return None
