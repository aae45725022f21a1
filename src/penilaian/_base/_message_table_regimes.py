"""
Message templates of the regimes.

Each English reason (a template of `penilaian._base.messages`), then its Indonesian text
after ``= ``; a line that starts with two spaces continues the line above.
"""

__all__ = ["TEXT"]

TEXT = """
PP 46/2011 needs at least one kegiatan tugas jabatan (a main work target)
= PP 46/2011 memerlukan paling sedikit satu kegiatan tugas jabatan (rencana hasil kerja utama)

kegiatan {target} already has a {name} indicator (indicators[{index}]); {rule} ({clause}) takes
  one
= kegiatan {target} sudah memiliki indikator {name} (indicators[{index}]); {rule} ({clause})
  hanya menerima satu

kegiatan {target} has no {name} indicator; {rule} ({clause})
= kegiatan {target} tidak memiliki indikator {name}; {rule} ({clause})

kegiatan {target} has no {name} indicator; {rule} ({clause}) needs one
= kegiatan {target} tidak memiliki indikator {name}; {rule} ({clause}) memerlukan satu

{reason} needs one
= {reason} memerlukan satu

{rule} ({clause}) needs a point target
= {rule} ({clause}) memerlukan target berupa titik

{rule} ({clause}) needs direction {direction}
= {rule} ({clause}) memerlukan arah {direction}

{rule} ({clause}) needs the realisation; missing is not 0
= {rule} ({clause}) memerlukan realisasi; yang tidak ada tidak sama dengan 0

{rule} ({clause}) needs {aspect} between 0 and 100
= {rule} ({clause}) memerlukan {aspect} di antara 0 dan 100

{rule} ({clause}): {subject} is rated only for jabatan struktural, not {kind}
= {rule} ({clause}): {subject} hanya dinilai untuk jabatan struktural, bukan {kind}

{clause} rates the {framework} behaviour aspects
= {clause} menilai aspek perilaku {framework}

no value for behaviour aspect {aspect}
= tidak ada nilai untuk aspek perilaku {aspect}

needs 3 aspect values, or 4 with a cost target ({clause})
= memerlukan 3 nilai aspek, atau 4 bila ada target biaya ({clause})

must be Weights of exactly 'work' and 'behaviour'
= harus berupa Weights dengan tepat 'work' dan 'behaviour'

must be a list or tuple of numbers
= harus berupa list atau tuple berisi bilangan

pp30_2019 needs at least one main work target (kinerja utama)
= pp30_2019 memerlukan paling sedikit satu rencana hasil kerja utama (kinerja utama)

a main work target needs a weight in utama_weights
= rencana hasil kerja utama memerlukan bobot di utama_weights

utama_weights names no main work target of this appraisal
= utama_weights tidak menyebut rencana hasil kerja utama penilaian ini

the value of {aspect} must lie from 0 to 120 under pp30_2019
= nilai {aspect} harus dari 0 sampai 120 menurut pp30_2019

needs at least one value
= memerlukan paling sedikit satu nilai

must be fair (Cukup, PP 30/2019) or needs_improvement (Butuh Perbaikan)
= harus fair (Cukup, PP 30/2019) atau needs_improvement (Butuh Perbaikan)

must be a BandTable from work-target value to points (Decimals, 0 or more)
= harus berupa BandTable dari nilai rencana hasil kerja ke poin (Decimal, 0 atau lebih)

must map each IKI category to points
= harus memetakan setiap kategori IKI ke poin

must give points for each of very_good, good, fair, poor, very_poor once
= harus memberi poin untuk very_good, good, fair, poor, very_poor masing-masing satu kali

points must be finite Decimals, 0 or more
= poin harus berupa Decimal yang berhingga, 0 atau lebih

must be an IKI category: very_good, good, fair, poor or very_poor
= harus berupa kategori IKI: very_good, good, fair, poor atau very_poor

must be a non-empty tuple of RencanaBand
= harus berupa tuple RencanaBand yang tidak kosong

only the last band has no cut-off (the floor)
= hanya rentang terakhir yang tidak memiliki batas (lantai)

cut-offs must fall strictly, best band first
= batas-batas harus turun secara tegas, rentang terbaik lebih dulu

a rencana kinerja needs at least one IKI
= rencana kinerja memerlukan paling sedikit satu IKI

PermenPANRB 6/2022 appraises behaviour on the BerAKHLAK core values
= PermenPANRB 6/2022 menilai perilaku berdasarkan nilai dasar BerAKHLAK

must be less than above_from ({above_from})
= harus kurang dari above_from ({above_from})

no indicators of kind {kinds} to derive the work-results rating from
= tidak ada indikator jenis {kinds} untuk menurunkan rating hasil kerja

must map unit grades to expectation levels
= harus memetakan capaian kinerja organisasi ke tingkat ekspektasi

must give a level for every unit grade
= harus memberi tingkat untuk setiap capaian kinerja organisasi

rating of {subject} is on numeric scale {scale}; a level is needed
= penilaian atas {subject} berada pada skala angka {scale}; diperlukan tingkat

level {level} of scale {scale} names no expectation level
= tingkat {level} pada skala {scale} tidak menyebut tingkat ekspektasi

only PermenPANRB 6/2022 results roll up into its annual grade
= hanya hasil PermenPANRB 6/2022 yang digabungkan ke predikat tahunannya

result {appraisal} is incomplete: {missing}
= hasil {appraisal} belum lengkap: {missing}

must be a roll-up (a Rollup) or None
= harus berupa roll-up (Rollup) atau None

must hold PeriodGrade values
= harus berisi nilai PeriodGrade

no periodic grades; the annual grade rests on the periodic evaluations
= tidak ada predikat periodik; predikat tahunan bertumpu pada evaluasi periodik

period {period} lies outside the year {year}
= periode {period} berada di luar tahun {year}

period {period} overlaps period {other} ($[{index}])
= periode {period} tumpang tindih dengan periode {other} ($[{index}])

not a grade of PermenPANRB 6/2022 ({grades})
= bukan predikat PermenPANRB 6/2022 ({grades})

each level may appear only once
= setiap tingkat hanya boleh muncul satu kali

is given exactly with next_kind
= diberikan tepat bersama next_kind

must give one value per rank
= harus memberi satu nilai untuk setiap pangkat

must be Weights of exactly 'first_half' and 'second_half'
= harus berupa Weights dengan tepat 'first_half' dan 'second_half'

must be an IntegrationTable
= harus berupa IntegrationTable

must be at least {lowest}
= harus paling sedikit {lowest}

must be a penilaian.Rounding or None
= harus berupa penilaian.Rounding atau None

must be Grade.FAIR (Cukup) or Grade.NEEDS_IMPROVEMENT (Butuh Perbaikan)
= harus Grade.FAIR (Cukup) atau Grade.NEEDS_IMPROVEMENT (Butuh Perbaikan)

must be a penilaian.Result
= harus berupa penilaian.Result

must be a result of regime {regime}
= harus berupa hasil rezim {regime}

the {regime} result is incomplete ({gaps}); missing is not 0
= hasil {regime} belum lengkap ({gaps}); yang tidak ada tidak sama dengan 0

must be above {scale}_low ({low})
= harus di atas {scale}_low ({low})

a conversion table needs a row
= tabel konversi memerlukan sebuah baris

must be an IntegrationBand
= harus berupa IntegrationBand

must start where the row below ends on both scales, or above it on both (row below ends at
  {pp46} -> {pp30})
= harus mulai di tempat baris di bawahnya berakhir pada kedua skala, atau di atasnya pada
  keduanya (baris di bawah berakhir di {pp46} -> {pp30})

needs at least one component
= memerlukan paling sedikit satu komponen

must weigh exactly the components {ids}
= harus membobot tepat komponen {ids}

{name}: no indicators of kind {kinds}
= {name}: tidak ada indikator jenis {kinds}

no subject applies to average (the framework has no aspect for the post)
= tidak ada subjek yang dapat dirata-ratakan (kerangka tidak memiliki aspek untuk jabatan ini)

{subject} needs ratings on a numeric scale
= {subject} memerlukan penilaian pada skala angka

must be a list of component ids
= harus berupa daftar id komponen

must name at least one component, by its id
= harus menyebut paling sedikit satu komponen, dengan id-nya

names a component twice
= menyebut sebuah komponen dua kali

must map sets of present component ids to their weights
= harus memetakan himpunan id komponen yang ada ke bobotnya

each row is (present components, weights)
= setiap baris berupa (komponen yang ada, bobot)

needs at least one row
= memerlukan paling sedikit satu baris

is every component; with all present the regime's own weights apply
= adalah seluruh komponen; bila semuanya ada, bobot rezim sendiri yang berlaku

names components the regime does not have; it has {ids}
= menyebut komponen yang tidak dimiliki rezim; rezim memiliki {ids}

must be non-empty subject ids, or None
= harus berupa id subjek yang tidak kosong, atau None

no supervisor rating of {subject}; the pejabat penilai must set it
= tidak ada penilaian atasan atas {subject}; pejabat penilai wajib mengisinya

no grade of unit {unit}; a unit leader's work-results rating is the unit's
= tidak ada capaian kinerja organisasi untuk unit {unit}; rating hasil kerja pimpinan unit
  adalah capaian unitnya
"""
