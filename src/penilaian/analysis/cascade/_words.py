"""
The words of the target tree, in Indonesian and English, in one table.

Every problem the tree finds and every step of a roll-up reads its phrase here
(`penilaian._base.words.Words`: both languages required).
"""

from __future__ import annotations

from typing import Final

from penilaian._base.words import Words

__all__ = ["WORDS"]

WORDS: Final = Words(
    {
        "duplicate_appraisal": (
            "mengulang kode penilaian pada $[{first}]",
            "repeats the appraisal id of $[{first}]",
        ),
        "other_period": (
            "periodenya bukan periode $[0] ({period})",
            "is not the period of $[0] ({period})",
        ),
        "duplicate_target": ("mengulang RHK sebelumnya", "repeats an earlier target"),
        "unknown_unit": (
            "tidak ada unit dengan kode ini di pohon unit",
            "no unit with this id in the unit tree",
        ),
        "no_supervisor": (
            (
                "atasan tidak diketahui: tulis sebagai <kode penilaian>/<kode RHK>, "
                "atau beri penilai atasan atau pohon unit"
            ),
            (
                "the supervisor is not known: write it as <appraisal id>/<target id>, "
                "or give a supervisor rater or the unit tree"
            ),
        ),
        "no_supervisor_appraisal": (
            "atasan {employee} tidak punya penilaian di himpunan ini",
            "the supervisor {employee} has no appraisal in this set",
        ),
        "many_supervisor_appraisals": (
            (
                "atasan {employee} punya {count} penilaian di himpunan ini; "
                "tulis sebagai <kode penilaian>/<kode RHK>"
            ),
            (
                "the supervisor {employee} has {count} appraisals in this set; "
                "write it as <appraisal id>/<target id>"
            ),
        ),
        "no_such_target": (
            "penilaian atasan {appraisal} tidak punya RHK dengan kode ini",
            "the supervisor's appraisal {appraisal} has no work target with this id",
        ),
        "cycle": (
            "rantai RHK yang diintervensi kembali ke dirinya: {cycle}",
            "the chain of cascaded targets comes back to itself: {cycle}",
        ),
        "unlinked": (
            "RHK {kind} pegawai yang punya atasan harus mengintervensi RHK atasan",
            (
                "a {kind} work target of an official with a supervisor must cascade "
                "from a supervisor's target"
            ),
        ),
        "missing_value": (
            "tidak ada nilai; kebijakan nilai kosong: {policy}",
            "no value; missing-value policy: {policy}",
        ),
        "no_child_value": (
            "tidak ada RHK bawahan yang bernilai",
            "no cascaded target has a value",
        ),
        "not_a_leader": (
            "tidak ada penilaian pimpinan unit ini di pohon RHK",
            "no appraisal of this unit's leader in the target tree",
        ),
        "unknown_target": (
            "tidak ada RHK dengan kode ini di pohon RHK",
            "no work target with this reference in the target tree",
        ),
        "unknown_appraisal": (
            "tidak ada penilaian dengan kode ini di pohon RHK",
            "no appraisal with this id in the target tree",
        ),
        "no_weight": (
            "tidak ada bobot untuk RHK bawahan ini",
            "no weight for this cascaded target",
        ),
    }
)
"""Every phrase of the target tree, by key."""
