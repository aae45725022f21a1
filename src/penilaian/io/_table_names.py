"""
The Indonesian names of the spreadsheet's tables and columns: of each sheet, then of each column.

`penilaian.io.tables` declares every table with its English ids; `named` gives each
table and column the Indonesian names below, the first of which a template writes.
The reader matches any of them, like the English ids, whatever their case and spacing.
This table is the one place those names are declared.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

import attrs

if TYPE_CHECKING:
    from collections.abc import Mapping

    from penilaian.io._columns import Table

__all__ = ["INDONESIAN_NAMES", "named"]

_ID: Final = ("kode_penilaian", "kode_skp", "id_penilaian")
_EVIDENCE_ID: Final = ("bukti_dukung", "bukti")
INDONESIAN_NAMES: Final[Mapping[str, tuple[tuple[str, ...], Mapping[str, tuple[str, ...]]]]] = {
    "employees": (
        ("pegawai", "data_pegawai"),
        {
            "appraisal_id": _ID,
            "employee_id": ("kode_pegawai", "id_pegawai"),
            "name": ("nama", "nama_pegawai"),
            "nip": ("nip", "ni_pppk"),
            "position_title": ("nama_jabatan", "jabatan"),
            "position_kind": ("jenis_jabatan",),
            "unit_id": ("kode_unit_kerja", "unit_kerja"),
            "leads_unit": ("memimpin_unit", "pimpinan_unit"),
            "period_start": ("awal_periode", "tanggal_awal"),
            "period_end": ("akhir_periode", "tanggal_akhir"),
            "period_kind": ("jenis_periode",),
            "framework_id": ("kerangka_perilaku", "perilaku_kerja"),
            "unit_grade": ("predikat_unit", "predikat_kinerja_organisasi"),
            "leads_independent_unit": ("memimpin_unit_mandiri", "pimpinan_unit_mandiri"),
        },
    ),
    "targets": (
        ("target", "rencana_hasil_kerja", "rhk", "sasaran"),
        {
            "appraisal_id": _ID,
            "target_id": ("kode_rhk",),
            "target_title": ("rhk", "rencana_hasil_kerja"),
            "target_kind": ("jenis_rhk",),
            "cascades_from": ("rhk_atasan", "kode_rhk_atasan", "intervensi"),
            "perspective": ("perspektif",),
            "indicator_id": ("kode_iki", "kode_indikator"),
            "indicator_description": ("iki", "indikator", "uraian_indikator"),
            "aspect": ("aspek",),
            "target_type": ("jenis_target",),
            "target_value": ("target_angka", "nilai_target"),
            "target_low": ("target_bawah", "batas_bawah"),
            "target_high": ("target_atas", "batas_atas"),
            "target_description": ("uraian_target", "target_kualitatif"),
            "direction": ("arah", "kondisi"),
            "unit": ("satuan",),
            "target_is_maximum": ("target_maksimal",),
        },
    ),
    "realisations": (
        ("realisasi",),
        {
            "appraisal_id": _ID,
            "indicator_id": ("kode_iki", "kode_indikator"),
            "value": ("realisasi", "nilai_realisasi"),
            "description": ("uraian_realisasi", "uraian"),
            "evidence": _EVIDENCE_ID,
            "recorded_on": ("tanggal_lapor", "tanggal"),
        },
    ),
    "ratings": (
        ("rating", "penilaian", "penilai"),
        {
            "appraisal_id": _ID,
            "rater_id": ("kode_penilai",),
            "rater_role": ("peran_penilai", "peran"),
            "rater_employee_id": ("kode_pegawai_penilai",),
            "rater_name": ("nama_penilai",),
            "subject": ("yang_dinilai",),
            "scale_id": ("kode_skala", "skala"),
            "score": ("nilai", "skor"),
            "level": ("tingkat",),
            "comment": ("catatan",),
            "rated_on": ("tanggal_menilai", "tanggal"),
        },
    ),
    "scales": (
        ("skala",),
        {
            "appraisal_id": _ID,
            "scale_id": ("kode_skala",),
            "scale_kind": ("jenis_skala",),
            "minimum": ("nilai_terendah", "minimum"),
            "maximum": ("nilai_tertinggi", "maksimum"),
            "step": ("kelipatan",),
            "levels": ("tingkat",),
            "aliases": ("ejaan_lain", "alias"),
        },
    ),
    "feedback": (
        ("umpan_balik",),
        {
            "appraisal_id": _ID,
            "given_on": ("tanggal",),
            "author_id": ("kode_pemberi", "pemberi"),
            "text": ("isi", "umpan_balik"),
            "subject": ("yang_dibahas", "topik"),
            "evidence": _EVIDENCE_ID,
        },
    ),
    "expectations": (
        ("ekspektasi", "ekspektasi_khusus"),
        {
            "appraisal_id": _ID,
            "aspect_id": ("kode_perilaku", "perilaku"),
            "text": ("ekspektasi", "ekspektasi_khusus"),
        },
    ),
    "innovations": (
        ("inovasi",),
        {
            "appraisal_id": _ID,
            "description": ("uraian_inovasi", "uraian"),
            "scope": ("lingkup", "manfaat"),
            "evidence": _EVIDENCE_ID,
            "certified_by": ("penandatangan", "disahkan_oleh"),
        },
    ),
}


def named(table: Table) -> Table:
    """Return *table* with the Indonesian names of `INDONESIAN_NAMES` (every column has one)."""
    sheet, columns = INDONESIAN_NAMES[table.name]
    return attrs.evolve(
        table,
        names=sheet,
        columns=tuple(
            attrs.evolve(column, names=columns[column.header]) for column in table.columns
        ),
    )
