"""
The spreadsheet layout as data: every table (sheet or CSV file), its columns, their types.

One source of truth for the templates, the reader, the writer and the documentation.
Each `Table` is a sheet of an XLSX workbook or a file ``<name>.csv`` of a CSV
directory; its first row holds the column headers, which are the stable English
ids below (their order is free).  Every column has a `ColumnType`, says whether it
is required, and carries an Indonesian and an English description that the
template shows in its ``petunjuk`` (instructions) sheet and in header comments.

A cell left empty is missing (`None`), never 0.  A required column must be present
and filled on every row; an optional column may be absent from the sheet.
"""

from __future__ import annotations

from typing import Final

import attrs

from penilaian._base.labels import LabelledEnum
from penilaian.model.appraisal import InnovationScope
from penilaian.model.behaviour import BUILTIN_FRAMEWORKS
from penilaian.model.grades import OrganisationGrade
from penilaian.model.organisation import PositionKind
from penilaian.model.periods import PeriodKind
from penilaian.model.raters import RaterRole
from penilaian.model.targets import Aspect, Direction, Perspective, TargetKind

__all__ = [
    "ALIAS_SEPARATOR",
    "INSTRUCTIONS_SHEET",
    "LIST_SEPARATOR",
    "RESULT_TABLES",
    "TABLES",
    "Column",
    "ColumnType",
    "Table",
    "find_table",
]

INSTRUCTIONS_SHEET: Final = "petunjuk"
"""The instructions sheet (``petunjuk.csv`` in a CSV directory); the reader skips it."""

LIST_SEPARATOR: Final = ";"
"""Separates the items of a list cell, such as ``bukti-1.pdf; bukti-2.pdf``."""

ALIAS_SEPARATOR: Final = "="
"""Joins an alias to its level in the ``aliases`` cell of an ordinal scale: ``Baik=good``."""


class ColumnType(LabelledEnum):
    """What a column holds, and so how its cells are read."""

    ID = ("id", "Kode", "Identifier", "kode unik")
    TEXT = ("text", "Teks", "Text", "teks bebas")
    NIP = ("nip", "NIP", "NIP (18 digits)", "nomor induk pegawai")
    NUMBER = ("number", "Angka", "Number", "bilangan")
    DATE = ("date", "Tanggal", "Date", "tgl")
    BOOLEAN = ("boolean", "Ya/Tidak", "Yes/No", "bool", "true/false")
    CHOICE = ("choice", "Pilihan", "Choice", "pilihan tetap")
    LIST = ("list", "Daftar", "List", "daftar item")


@attrs.frozen
class Column:
    """
    One column of a table.

    Attributes:
        header: The stable English id written in the header row.
        kind: What the cells hold.
        description_id: What to write, in Indonesian.
        description_en: What to write, in English.
        required: Whether the column must be present and filled on every row.
        choices: For a `ColumnType.CHOICE` column, the accepted ids.
        enum: For a choice backed by an enumeration, the enumeration: its
            Indonesian and English labels and aliases are accepted too.
    """

    header: str
    kind: ColumnType
    description_id: str
    description_en: str
    required: bool = False
    choices: tuple[str, ...] = ()
    enum: type[LabelledEnum] | None = None


@attrs.frozen
class Table:
    """
    One table: a sheet of a workbook, or one CSV file of a directory.

    Attributes:
        name: The sheet name, and the CSV file's name without ``.csv``.
        description_id: What a row is, in Indonesian.
        description_en: What a row is, in English.
        columns: The columns, in the template's order.
        required: Whether the sheet (or file) must be present; an optional one
            may be left out, which is the same as leaving it empty.
    """

    name: str
    description_id: str
    description_en: str
    columns: tuple[Column, ...]
    required: bool = True

    @property
    def headers(self) -> tuple[str, ...]:
        """The column headers, in order."""
        return tuple(column.header for column in self.columns)

    def column(self, header: str) -> Column | None:
        """Return the column with *header*, or `None`."""
        for column in self.columns:
            if column.header == header:
                return column
        return None


def _id(header: str, description_id: str, description_en: str, *, required: bool) -> Column:
    return Column(header, ColumnType.ID, description_id, description_en, required)


def _text(header: str, description_id: str, description_en: str, *, required: bool) -> Column:
    return Column(header, ColumnType.TEXT, description_id, description_en, required)


def _number(header: str, description_id: str, description_en: str) -> Column:
    return Column(header, ColumnType.NUMBER, description_id, description_en)


def _date(header: str, description_id: str, description_en: str, *, required: bool) -> Column:
    return Column(header, ColumnType.DATE, description_id, description_en, required)


def _flag(header: str, description_id: str, description_en: str) -> Column:
    return Column(header, ColumnType.BOOLEAN, description_id, description_en)


def _list(header: str, description_id: str, description_en: str) -> Column:
    return Column(header, ColumnType.LIST, description_id, description_en)


def _enum(
    header: str,
    enum: type[LabelledEnum],
    description_id: str,
    description_en: str,
    *,
    required: bool,
) -> Column:
    choices = tuple(member.value for member in enum)
    return Column(
        header, ColumnType.CHOICE, description_id, description_en, required, choices, enum
    )


def _choice(
    header: str, choices: tuple[str, ...], description_id: str, description_en: str
) -> Column:
    return Column(
        header, ColumnType.CHOICE, description_id, description_en, required=True, choices=choices
    )


def _appraisal_id(*, required: bool = True) -> Column:
    return _id(
        "appraisal_id",
        "Kode penilaian (SKP) dari lembar employees.",
        "The appraisal's id, as on the employees sheet.",
        required=required,
    )


EMPLOYEES: Final = Table(
    "employees",
    "Satu baris per penilaian: pegawai, jabatan, periode, kerangka perilaku.",
    "One row per appraisal: employee, position, period, behaviour framework.",
    (
        _id(
            "appraisal_id",
            "Kode unik penilaian (SKP), dipakai lembar lain untuk merujuk.",
            "The appraisal's unique id; the other sheets refer to it.",
            required=True,
        ),
        _id(
            "employee_id",
            "Kode pegawai (sering NIP).",
            "Employee id (often the NIP).",
            required=True,
        ),
        _text("name", "Nama lengkap pegawai.", "The employee's full name.", required=True),
        Column(
            "nip",
            ColumnType.NIP,
            "NIP atau NI PPPK, 18 angka, sebagai teks; kosong untuk non-ASN.",
            "NIP or NI PPPK, 18 digits, as text; empty for non-civil-servants.",
        ),
        _text("position_title", "Nama jabatan.", "The position's title.", required=True),
        _enum(
            "position_kind",
            PositionKind,
            "Jenis jabatan (mis. jpt_pratama, administrator, expert_first).",
            "Kind of post (e.g. jpt_pratama, administrator, expert_first).",
            required=True,
        ),
        _id("unit_id", "Kode unit kerja.", "The organisation unit's id.", required=False),
        _flag(
            "leads_unit",
            "Ya bila pegawai memimpin unit kerja itu; kosong berarti tidak.",
            "Yes if the employee leads that unit; empty means no.",
        ),
        _date("period_start", "Tanggal awal periode.", "First day of the period.", required=True),
        _date(
            "period_end",
            "Tanggal akhir periode (termasuk).",
            "Last day of the period (inclusive).",
            required=True,
        ),
        _enum(
            "period_kind",
            PeriodKind,
            "Jenis periode; kosong: dibaca dari tanggal (tahun, semester, triwulan, bulan).",
            "Kind of period; empty: read from the dates (year, semester, quarter, month).",
            required=False,
        ),
        _choice(
            "framework_id",
            tuple(BUILTIN_FRAMEWORKS),
            "Kerangka perilaku kerja bawaan.",
            "The built-in behaviour framework.",
        ),
        _enum(
            "unit_grade",
            OrganisationGrade,
            "Predikat kinerja organisasi unit, bila diketahui.",
            "The unit's organisation grade, when known.",
            required=False,
        ),
    ),
)

TARGETS: Final = Table(
    "targets",
    "Satu baris per indikator (IKI); baris satu RHK mengulang kolom RHK-nya.",
    "One row per indicator; rows of one work target repeat its target columns.",
    (
        _appraisal_id(),
        _id("target_id", "Kode rencana hasil kerja (RHK).", "The work target's id.", required=True),
        _text("target_title", "Rencana hasil kerja.", "The work target's title.", required=True),
        _enum(
            "target_kind",
            TargetKind,
            "Utama atau tambahan; kosong berarti utama.",
            "Main or additional; empty means main.",
            required=False,
        ),
        _id(
            "cascades_from",
            "Kode RHK atasan yang diintervensi.",
            "The supervisor's work target this one cascades from.",
            required=False,
        ),
        _enum(
            "perspective",
            Perspective,
            "Perspektif (JPT).",
            "Balanced-scorecard perspective (JPT).",
            required=False,
        ),
        _id("indicator_id", "Kode indikator (IKI).", "The indicator's id.", required=True),
        _text(
            "indicator_description",
            "Uraian indikator.",
            "What the indicator measures.",
            required=True,
        ),
        _enum(
            "aspect",
            Aspect,
            "Aspek: kuantitas, kualitas, waktu atau biaya.",
            "Aspect: quantity, quality, time or cost.",
            required=True,
        ),
        _choice(
            "target_type",
            ("point", "range", "qualitative"),
            "Jenis target: point (satu angka), range (rentang), qualitative (uraian).",
            "Kind of target: point (one number), range, qualitative (words).",
        ),
        _number(
            "target_value",
            "Target angka (jenis point).",
            "The numeric target (point).",
        ),
        _number("target_low", "Batas bawah (jenis range).", "Lower bound (range)."),
        _number("target_high", "Batas atas (jenis range).", "Upper bound (range)."),
        _text(
            "target_description",
            "Uraian target (jenis qualitative).",
            "The target in words (qualitative).",
            required=False,
        ),
        _enum(
            "direction",
            Direction,
            "Kondisi normal (makin tinggi makin baik) atau khusus; kosong berarti normal.",
            "Higher or lower is better; empty means higher.",
            required=False,
        ),
        _text(
            "unit",
            "Satuan (dokumen, bulan, Rp, %).",
            "Unit (documents, months, %).",
            required=False,
        ),
        _flag(
            "target_is_maximum",
            "Ya bila target sudah nilai terbaik yang mungkin; kosong berarti tidak.",
            "Yes if the target is already the best possible value; empty means no.",
        ),
    ),
)

REALISATIONS: Final = Table(
    "realisations",
    "Satu baris per indikator yang sudah ada realisasinya.",
    "One row per indicator with a realisation; an indicator without one is unreported.",
    (
        _appraisal_id(),
        _id("indicator_id", "Kode indikator (IKI).", "The indicator's id.", required=True),
        _number("value", "Realisasi angka.", "The measured value."),
        _text(
            "description",
            "Uraian realisasi (wajib bila tanpa angka).",
            "The realisation in words (needed without a value).",
            required=False,
        ),
        _list(
            "evidence", "Bukti dukung, dipisah titik koma.", "Evidence, separated by semicolons."
        ),
        _date("recorded_on", "Tanggal dilaporkan.", "When it was reported.", required=False),
    ),
)

RATINGS: Final = Table(
    "ratings",
    "Satu baris per penilaian oleh seorang penilai; kolom penilai diulang tiap baris.",
    "One row per rating; each row repeats its rater's columns.",
    (
        _appraisal_id(),
        _id(
            "rater_id",
            "Kode penilai dalam penilaian ini.",
            "The rater's id in this appraisal.",
            required=True,
        ),
        _enum(
            "rater_role",
            RaterRole,
            "Peran penilai (self, supervisor, peer, ...).",
            "The rater's role (self, supervisor, peer, ...).",
            required=True,
        ),
        _id(
            "rater_employee_id",
            "Kode pegawai penilai; kosong hanya untuk penerima layanan.",
            "The rater's employee id; empty only for the public role.",
            required=False,
        ),
        _text("rater_name", "Nama penilai.", "The rater's name.", required=False),
        _id(
            "subject",
            "Yang dinilai: kode aspek perilaku, RHK, IKI, work_results atau behaviour. "
            "Kosong bersama scale_id, score, level: penilai yang belum menilai.",
            "What is rated: a behaviour aspect, work target or indicator id, work_results "
            "or behaviour.  Empty with scale_id, score and level: a rater who has not rated.",
            required=False,
        ),
        _id(
            "scale_id",
            "Kode skala (lembar scales).",
            "The scale's id (scales sheet).",
            required=False,
        ),
        _number("score", "Nilai angka (skala numerik).", "The score (numeric scale)."),
        _text("level", "Tingkat (skala ordinal).", "The level (ordinal scale).", required=False),
        _text("comment", "Catatan penilai.", "What the rater wrote.", required=False),
        _date("rated_on", "Tanggal menilai.", "When.", required=False),
    ),
)

SCALES: Final = Table(
    "scales",
    "Satu baris per skala; appraisal_id kosong: skala untuk semua penilaian.",
    "One row per scale; an empty appraisal_id: a scale for every appraisal.",
    (
        _appraisal_id(required=False),
        _id("scale_id", "Kode skala.", "The scale's id.", required=True),
        _choice(
            "scale_kind",
            ("numeric", "ordinal", "expectation"),
            "numeric (minimum-maksimum), ordinal (levels), atau expectation "
            "(skala ekspektasi PermenPANRB 6/2022).",
            "numeric (minimum to maximum), ordinal (levels), or expectation "
            "(the PermenPANRB 6/2022 expectation scale).",
        ),
        _number("minimum", "Nilai terendah (numeric).", "Lowest value (numeric)."),
        _number("maximum", "Nilai tertinggi (numeric).", "Highest value (numeric)."),
        _number(
            "step", "Kelipatan nilai (numeric), bila ada.", "Step between values (numeric), if any."
        ),
        _list(
            "levels",
            "Tingkat dari terendah, dipisah titik koma (ordinal).",
            "Levels, lowest first, separated by semicolons (ordinal).",
        ),
        _list(
            "aliases",
            "Ejaan lain, alias=tingkat, dipisah titik koma (ordinal).",
            "Other spellings, alias=level, separated by semicolons (ordinal).",
        ),
    ),
    required=False,
)

FEEDBACK: Final = Table(
    "feedback",
    "Satu baris per umpan balik berkelanjutan.",
    "One row per continuous-feedback note.",
    (
        _appraisal_id(),
        _date("given_on", "Tanggal umpan balik.", "When it was given.", required=True),
        _id("author_id", "Kode penilai yang memberi.", "The rater who gave it.", required=True),
        _text("text", "Isi umpan balik.", "The feedback.", required=True),
        _id("subject", "Yang dibahas, bila ada.", "What it is about, if anything.", required=False),
        _list(
            "evidence", "Bukti dukung, dipisah titik koma.", "Evidence, separated by semicolons."
        ),
    ),
    required=False,
)

EXPECTATIONS: Final = Table(
    "expectations",
    "Satu baris per ekspektasi khusus pimpinan (BerAKHLAK).",
    "One row per leader's special expectation (BerAKHLAK).",
    (
        _appraisal_id(),
        _id("aspect_id", "Kode nilai perilaku.", "The behaviour aspect's id.", required=True),
        _text("text", "Ekspektasi khusus pimpinan.", "The expectation.", required=True),
    ),
    required=False,
)

INNOVATIONS: Final = Table(
    "innovations",
    "Satu baris per inovasi atau kreativitas.",
    "One row per innovation.",
    (
        _appraisal_id(),
        _text("description", "Uraian inovasi.", "What was created.", required=True),
        _enum(
            "scope",
            InnovationScope,
            "Manfaat untuk unit, organisasi atau negara.",
            "Who benefits: unit, organisation or state.",
            required=True,
        ),
        _list(
            "evidence", "Bukti dukung, dipisah titik koma.", "Evidence, separated by semicolons."
        ),
        _text(
            "certified_by", "Penandatangan surat keterangan.", "Who certified it.", required=False
        ),
    ),
    required=False,
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

RESULTS: Final = Table(
    "results",
    "Satu baris per penilaian: predikat dan nilai.",
    "One row per appraisal: grade and score.",
    (
        _appraisal_id(),
        _id("employee_id", "Kode pegawai.", "Employee id.", required=True),
        _text("name", "Nama pegawai.", "The employee's name.", required=True),
        Column("nip", ColumnType.NIP, "NIP pegawai.", "The employee's NIP."),
        _id("regime", "Aturan penilaian yang dipakai.", "The scoring regime used.", required=True),
        _id(
            "grade",
            "Kode predikat; kosong bila belum lengkap.",
            "Grade id; empty when incomplete.",
            required=False,
        ),
        _text("grade_label", "Predikat.", "The grade's label.", required=False),
        _number(
            "score",
            "Nilai akhir, bila aturannya punya nilai.",
            "Final score, where the regime has one.",
        ),
        _flag("complete", "Ya bila predikat dapat ditetapkan.", "Yes when a grade was given."),
        _text(
            "gaps",
            "Yang kurang sehingga belum ada predikat (path: alasan; ...).",
            "What is missing, so no grade (path: reason; ...).",
            required=False,
        ),
    ),
)

FIGURES: Final = Table(
    "figures",
    "Satu baris per angka antara dalam perhitungan.",
    "One row per intermediate figure.",
    (
        _appraisal_id(),
        _id(
            "key",
            "Kunci angka (lihat dokumentasi aturan).",
            "The figure's key (see the regime).",
            required=True,
        ),
        _number("value", "Nilainya.", "Its value."),
    ),
)

CATEGORIES: Final = Table(
    "categories",
    "Satu baris per nilai kategori antara (mis. rating hasil kerja).",
    "One row per intermediate categorical value (such as the work-results rating).",
    (
        _appraisal_id(),
        _id("key", "Kunci nilai.", "The value's key.", required=True),
        _id("value", "Kode nilainya.", "Its id.", required=True),
    ),
)

RESULT_TABLES: Final = (RESULTS, FIGURES, CATEGORIES)
"""The tables of a results export: one row per appraisal, then every figure and category."""


def find_table(name: str, tables: tuple[Table, ...] = TABLES) -> Table | None:
    """Return the table of *tables* named *name* (case and spaces around it ignored), or `None`."""
    wanted = name.strip().casefold()
    for table in tables:
        if table.name == wanted:
            return table
    return None
