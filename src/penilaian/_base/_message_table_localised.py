"""
Message templates of the credit ledger and the target tree (raised in a language).

Each English reason (a template of `penilaian._base.messages`), then its Indonesian text
after ``= ``; a line that starts with two spaces continues the line above.
"""

__all__ = ["TEXT"]

TEXT = """
must be a penilaian.Rounding
= harus berupa penilaian.Rounding

must be an int, a Fraction or a Period
= harus berupa int, Fraction atau Period

must be more than 0 and at most 12 months in one period
= harus lebih dari 0 dan paling banyak 12 bulan dalam satu periode

must be an exact number (int, Decimal, Fraction or text), not a float
= harus berupa bilangan tepat (int, Decimal, Fraction atau teks), bukan float

must be more than 0
= harus lebih dari 0

give the functional level or the coefficient, exactly one
= berikan jenjang jabatan atau koefisien, tepat salah satu

credit points are earned only in functional posts (jabatan fungsional)
= angka kredit hanya diperoleh dalam jabatan fungsional

PermenPANRB 1/2023 converts only the grades of PermenPANRB 6/2022
= PermenPANRB 1/2023 hanya mengonversi predikat PermenPANRB 6/2022

cumulative credit points {balance} fall short of the {required} required
= AK kumulatif {balance} kurang dari {required} yang dibutuhkan

must be a CreditPeriod or Promotion
= harus berupa CreditPeriod atau Promotion

must be an Opening
= harus berupa Opening

must be a datetime.date
= harus berupa datetime.date

starts before the previous entry or the opening ({cursor})
= dimulai sebelum entri sebelumnya atau AK awal ({cursor})

overlaps the previous period
= tumpang tindih dengan periode sebelumnya

exceeds the months of its period
= melebihi bulan dalam periodenya

no further promotion by credit points
= tidak ada kenaikan berikutnya berdasarkan AK

must be a CreditThresholds
= harus berupa CreditThresholds

the table has no row for this level (functional posts only)
= tidak ada baris ambang AK untuk jenjang ini (hanya jabatan fungsional)

rank {rank} is not in the level {level} ({ranks})
= pangkat {rank} tidak termasuk jenjang {level} ({ranks})

must map a Condition to a bool
= harus memetakan Condition ke bool

is not a condition of this promotion (applicable: {names})
= bukan syarat kenaikan ini (berlaku: {names})

credit points {balance} meet {required}
= AK {balance} memenuhi {required}

credit points {balance} are {short} short of {required}
= AK {balance} kurang {short} dari {required}

met
= terpenuhi

not met
= tidak terpenuhi

not checked (not given)
= belum diperiksa (tidak diberikan)

repeats the appraisal id of $[{first}]
= mengulang kode penilaian pada $[{first}]

is not the period of $[0] ({period})
= periodenya bukan periode $[0] ({period})

repeats an earlier target
= mengulang RHK sebelumnya

no unit with this id in the unit tree
= tidak ada unit dengan kode ini di pohon unit

the supervisor is not known: write it as <appraisal id>/<target id>, or give a supervisor rater
  or the unit tree
= atasan tidak diketahui: tulis sebagai <kode penilaian>/<kode RHK>, atau beri penilai atasan
  atau pohon unit

the supervisor {employee} has no appraisal in this set
= atasan {employee} tidak punya penilaian di himpunan ini

the supervisor {employee} has {count} appraisals in this set; write it as <appraisal id>/<target
  id>
= atasan {employee} punya {count} penilaian di himpunan ini; tulis sebagai <kode
  penilaian>/<kode RHK>

the supervisor's appraisal {appraisal} has no work target with this id
= penilaian atasan {appraisal} tidak punya RHK dengan kode ini

the chain of cascaded targets comes back to itself: {cycle}
= rantai RHK yang diintervensi kembali ke dirinya: {cycle}

a {kind} work target of an official with a supervisor must cascade from a supervisor's target
= RHK {kind} pegawai yang punya atasan harus mengintervensi RHK atasan

no value; missing-value policy: {policy}
= tidak ada nilai; kebijakan nilai kosong: {policy}

no cascaded target has a value
= tidak ada RHK bawahan yang bernilai

no appraisal of this unit's leader in the target tree
= tidak ada penilaian pimpinan unit ini di pohon RHK

no work target with this reference in the target tree
= tidak ada RHK dengan kode ini di pohon RHK

no appraisal with this id in the target tree
= tidak ada penilaian dengan kode ini di pohon RHK

no weight for this cascaded target
= tidak ada bobot untuk RHK bawahan ini
"""
