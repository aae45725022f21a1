"""
The analysis layer's words in Indonesian and English, in one table.

The curve check, calibration proposals and development plans describe themselves
with these phrases (`penilaian._base.words.Words`: both languages required).
"""

from __future__ import annotations

from typing import Final

from penilaian._base.words import Words

__all__ = ["WORDS"]

WORDS: Final = Words(
    {
        # The distribution curve and its check.
        "or": ("atau", "or"),
        "none_of": ("tidak ada {grades}", "no {grades}"),
        "quota": ("kuota", "quota"),
        "count": ("jumlah", "count"),
        "employee": ("pegawai", "employee"),
        "employees": ("pegawai", "employees"),
        # Calibration proposals.
        "work_results": ("hasil kerja", "work results"),
        "behaviour": ("perilaku", "behaviour"),
        "no_change_needed": ("tidak perlu perubahan", "no change needed"),
        "unreachable": ("kepatuhan tidak tercapai", "compliance unreachable"),
        "complies": ("sesuai kurva", "complies"),
        "still_not": ("masih belum sesuai kurva", "still does not comply"),
        # Development plans and their entitlement.
        "at_least": ("paling sedikit", "at least"),
        "at_most": ("paling banyak", "at most"),
        "no_rule": ("tidak ada", "none"),
        "planned": ("direncanakan", "planned"),
        "short_by": ("kurang", "short by"),
        "over_by": ("lebih", "over by"),
        "plan": ("Rencana pengembangan", "Development plan"),
        "no_action": ("tidak ada kegiatan perbaikan", "no remedial action"),
        "not_in_catalogue": ("tidak ada di katalog", "not in the catalogue"),
        "deferred": ("ditunda", "deferred"),
        "entitlement": ("Hak pengembangan", "Entitlement"),
    }
)
"""Every phrase the analysis layer writes, by key."""
