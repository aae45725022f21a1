"""The instructions sheet of a template: the general rules and one row per column."""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from penilaian.io._choices import choice_values
from penilaian.io.tables import TABLES

if TYPE_CHECKING:
    from collections.abc import Iterator

    from penilaian._base.labels import Language

__all__ = ["INSTRUCTION_HEADERS", "RULES", "instruction_rows"]

RULES: Final = (
    (
        "Satu lembar per tabel; baris 1 berisi nama kolom (jangan diubah). Urutan kolom bebas.",
        "One sheet per table; row 1 holds the column headers (keep them). Column order is free.",
    ),
    (
        "Nama lembar dan kolom boleh dalam bahasa Inggris (employees) atau Indonesia (pegawai).",
        "Sheets and columns may be named in English (employees) or Indonesian (pegawai).",
    ),
    (
        "Kolom pilihan dan ya/tidak punya daftar pilihan (drop-down); pilih dari daftar itu.",
        "Choice and yes/no columns have drop-down lists; pick from them.",
    ),
    (
        "Sel kosong berarti tidak ada (bukan 0). Kolom wajib harus diisi di setiap baris.",
        "An empty cell is missing (never 0). Required columns are filled on every row.",
    ),
    (
        "Tanggal: sel tanggal, atau teks YYYY-MM-DD. Angka memakai titik desimal (2.5).",
        "Dates: a date cell, or text YYYY-MM-DD. Numbers use a decimal point (2.5).",
    ),
    (
        "Kode dan NIP ditulis sebagai teks (kolomnya sudah berformat Text).",
        "Ids and NIPs are text (their columns are formatted as Text).",
    ),
    (
        "Daftar (bukti dukung, levels) dipisah titik koma. Jangan menggabung sel, jangan rumus.",
        "Lists (evidence, levels) are separated by semicolons. Do not merge cells or use formulas.",
    ),
    (
        "Jangan menyisakan baris kosong di tengah tabel. Lembar opsional boleh dihapus.",
        "Leave no empty row inside a table. Optional sheets may be deleted.",
    ),
)
"""The general rules printed at the top of the instructions sheet: (Indonesian, English)."""


def instruction_rows(lang: Language = "en") -> Iterator[tuple[str, ...]]:
    """
    Yield one row per column of every table: what it is, in both languages.

    Sheets and columns are named as a template in *lang* names them, and the
    choices are those its drop-down lists offer.
    """
    for table in TABLES:
        for column in table.columns:
            yield (
                table.sheet_name(lang),
                column.heading(lang),
                "wajib / required" if column.required else "opsional / optional",
                f"{column.kind.label_id} / {column.kind.label_en}",
                column.description_id,
                column.description_en,
                ", ".join(choice_values(column, lang)),
            )


INSTRUCTION_HEADERS: Final = (
    "sheet",
    "column",
    "required",
    "type",
    "keterangan",
    "description",
    "choices",
)
"""The header of the instructions table."""
