"""
Message templates of batches, reports, simulations, shapes.

Each English reason (a template of `penilaian._base.messages`), then its Indonesian text
after ``= ``; a line that starts with two spaces continues the line above.
"""

__all__ = ["TEXT"]

TEXT = """
a qualitative target has no achievement percentage; rate it instead
= target kualitatif tidak memiliki persentase capaian; beri penilaian sebagai gantinya

every rating of a batch lies on one scale ({scale}), not {other}
= setiap penilaian dalam satu batch berada pada satu skala ({scale}), bukan {other}

{rater} rates {subject} twice
= {rater} menilai {subject} dua kali

{subject} is rated on ordinal scale {scale}
= {subject} dinilai pada skala ordinal {scale}

a required column is missing
= kolom wajib tidak ada

a required column is missing{hint}
= kolom wajib tidak ada{hint}

a required column is missing; is {name} it, misspelt?
= kolom wajib tidak ada; apakah {name} yang dimaksud, salah eja?

unknown column
= kolom tidak dikenal

unknown column{hint}
= kolom tidak dikenal{hint}

unknown column; did you mean {name}?
= kolom tidak dikenal; apakah maksudnya {name}?

a required column of this indicator place is missing
= kolom wajib untuk tempat indikator ini tidak ada

no indicator place of work target {place} (target_low_{place_2}_0, ...)
= tidak ada tempat indikator untuk rencana hasil kerja {place} (target_low_{place_2}_0, ...)

must be a pandas DataFrame
= harus berupa pandas DataFrame

must have dtype {expected}; nothing else is converted
= harus ber-dtype {expected}; tidak ada yang dikonversi

must be a numpy array of shape (appraisals, targets)
= harus berupa array numpy berbentuk (appraisals, targets)

must be a numpy array of shape (appraisals, targets, indicators)
= harus berupa array numpy berbentuk (appraisals, targets, indicators)

must be a numpy array of shape {axes}
= harus berupa array numpy berbentuk {axes}

must be a one-dimensional numpy array (one row per appraisal)
= harus berupa array numpy satu dimensi (satu baris per penilaian)

has no exact decimal form
= tidak memiliki bentuk desimal yang eksak

must be a tuple of distinct, non-empty subject ids
= harus berupa tuple id subjek yang berbeda-beda dan tidak kosong

must be greater than scale_min ({minimum})
= harus lebih besar dari scale_min ({minimum})

rates {subject} as {role}, a role the policy does not weight
= menilai {subject} sebagai {role}, peran yang tidak diberi bobot oleh kebijakan

{part}: no indicators of the component's kinds (codes {kinds})
= {part}: tidak ada indikator dengan jenis komponen ini (kode {kinds})

{part}: no subject applies to average
= {part}: tidak ada subjek yang dapat dirata-ratakan

the batch engine computes the regime's default for this convention
= mesin batch menghitung bawaan rezim untuk konvensi ini

the batch engine computes the supervisor's rating, a rounding of at most {places} places where
  the BKN forms round (as_bkn_forms) and weights over at most {limit}
= mesin batch menghitung penilaian atasan, pembulatan paling banyak {places} angka desimal di
  tempat formulir BKN membulatkan (as_bkn_forms) dan bobot dengan penyebut paling besar {limit}

the batch engine reads given ratings only ({kind})
= mesin batch hanya membaca rating yang diberikan ({kind})

the cap must be whole at the rounding places
= batas atas harus bulat pada angka desimal pembulatan

the coefficients must keep int64 bounds
= koefisien harus tetap dalam batas int64

the end pieces must be flat to clip
= potongan ujung harus datar agar dapat dipotong

quantity must be the first slot
= kuantitas harus berada di slot pertama

pp30_2019 appraises the aspects of framework {framework}
= pp30_2019 menilai aspek kerangka {framework}

is not a policy scored ({names})
= bukan kebijakan yang dinilai ({names})

must map at least one name to a regime
= harus memetakan paling sedikit satu nama ke sebuah rezim

must share the components' sources and the aggregation of {name}; only weights, missing-rater
  policy, rounding and bands may differ
= harus memakai sumber komponen dan agregasi yang sama dengan {name}; hanya bobot, kebijakan
  penilai yang tidak ada, pembulatan dan rentang yang boleh berbeda

is a proposal for another check (unit {unit}) than the one reported
= adalah usulan untuk pemeriksaan lain (unit {unit}) daripada yang dilaporkan

must be a CycleCompleteness (penilaian.analysis.completeness)
= harus berupa CycleCompleteness (penilaian.analysis.completeness)

must map employee ids to names
= harus memetakan id pegawai ke nama

belongs to appraisal {appraisal}, not {other}
= termasuk penilaian {appraisal}, bukan {other}

holds no value for this target of the matrix
= tidak berisi nilai untuk target matriks ini

must be a Comparison (from run)
= harus berupa Comparison (dari run)

must be a Sweep (from sweep)
= harus berupa Sweep (dari sweep)

must be a matplotlib Axes or None
= harus berupa matplotlib Axes atau None

has no scenario checked against a distribution curve
= tidak memiliki skenario yang diperiksa terhadap kurva distribusi

must be a DistributionCurve or None
= harus berupa DistributionCurve atau None

is not a scenario compared ({known})
= bukan skenario yang dibandingkan ({known})

must be a Workforce
= harus berupa Workforce

needs at least one scenario
= memerlukan paling sedikit satu skenario

must be several Scenario values
= harus berupa beberapa nilai Scenario

must be a Scenario
= harus berupa Scenario

repeats the name of an earlier scenario
= mengulang nama skenario sebelumnya

must be a WorkforceSpec
= harus berupa WorkforceSpec

rates no one in this workforce
= tidak menilai siapa pun dalam tenaga kerja ini

a halo's strength is a share of each aspect's variation, at most 1
= kekuatan efek halo adalah porsi variasi setiap aspek, paling besar 1

give either raters (employee ids) or a share of raters, not both
= berikan raters (id pegawai) atau porsi penilai, bukan keduanya

must be (smallest, largest)
= harus berupa (terkecil, terbesar)

must be above the low end {low}
= harus di atas ujung bawah {low}

the largest must not be below the smallest
= yang terbesar tidak boleh di bawah yang terkecil

must map unit grades to weights
= harus memetakan capaian kinerja organisasi ke bobot

must be a RaterBias
= harus berupa RaterBias

a flag is required, not NA
= penanda wajib diisi, bukan NA

a value is required, not NA; missing is never 0
= nilai wajib diisi, bukan NA; yang tidak ada tidak pernah sama dengan 0

a value is required, not NA
= nilai wajib diisi, bukan NA

an id is required, not NA
= id wajib diisi, bukan NA

an appraisal id is required, not NA
= id penilaian wajib diisi, bukan NA

appraisal ids must be unique
= id penilaian harus unik

no appraisal has this id
= tidak ada penilaian yang memiliki id ini

must lie on the scale, {low} to {high} (x 10^{places})
= harus berada pada skala, {low} sampai {high} (x 10^{places})

an indicator has no realisation; it is never taken as 0
= indikator tidak memiliki realisasi; realisasi yang tidak ada tidak pernah dianggap 0

must lie from 0 to 120 under pp30_2019 (x 10^{places})
= harus dari 0 sampai 120 menurut pp30_2019 (x 10^{places})

must lie from 0 to 100 under pp46_2011 (x 10^{places})
= harus dari 0 sampai 100 menurut pp46_2011 (x 10^{places})

no aspect applies to the post
= tidak ada aspek yang berlaku untuk jabatan ini

must hold at most {count} kegiatan
= paling banyak berisi {count} kegiatan

gives an aspect value of {limit} or more in magnitude (the int64 bound)
= memberi nilai aspek dengan nilai mutlak {limit} atau lebih (batas int64)

the kegiatan's aspect values (in lowest terms) need a common denominator above {limit} (the
  int64 bound)
= nilai aspek kegiatan (dalam bentuk paling sederhana) memerlukan penyebut bersama di atas
  {limit} (batas int64)

one rating per appraisal and subject
= satu penilaian untuk setiap penilaian dan subjek

{reason} (got {value})
= {reason} (isian: {value})

{reason}; accepted: {accepted}
= {reason}; yang diterima: {accepted}

not a known {enum}
= bukan {enum} yang dikenal

{value} is not a known {enum}; accepted: {accepted}
= {value} bukan {enum} yang dikenal; yang diterima: {accepted}

{reason}; {reason_2}
= {reason}; {reason_2}

{field}: {reason}
= {field}: {reason}

{sheet}, row {row}: {reason}
= {sheet}, baris {row}: {reason}

{sheet}, row {row}, column {column}: {reason}
= {sheet}, baris {row}, kolom {column}: {reason}

{sheet}, row {row}, column {column} ({header}): {reason}
= {sheet}, baris {row}, kolom {column} ({header}): {reason}

row {row}: {reason}
= baris {row}: {reason}

{reason}: {count} more cells
= {reason}: {count} sel lainnya

{reason}; this one is custom
= {reason}; yang ini buatan sendiri

{reason}; it holds NaN, and a missing value needs the column's mask
= {reason}; kolom berisi NaN, dan nilai yang tidak ada memerlukan mask kolom

must be a code from -1 (none) to {high}
= harus berupa kode dari -1 (tidak ada) sampai {high}

must be a numpy array of {dtype}
= harus berupa array numpy ber-dtype {dtype}

must be a whole number from 0 to {high}
= harus berupa bilangan bulat dari 0 sampai {high}

must have at most {places} decimal places and be at most {limit} when scaled
= harus memiliki paling banyak {places} angka desimal dan paling besar {limit} setelah
  diskalakan

must have dtype {dtype} ({kind}); nothing is converted
= harus ber-dtype {dtype} ({kind}); tidak ada yang dikonversi

must have shape {shape}
= harus berbentuk {shape}

the batch engine combines a role's ratings by Mean or Median only
= mesin batch menggabungkan penilaian satu peran hanya dengan Mean atau Median

the batch engine computes SupervisorRating and WeightingPolicy only
= mesin batch hanya menghitung SupervisorRating dan WeightingPolicy

the batch engine computes the missing-component policy require only; score this regime with
  GenericRegime.score
= mesin batch hanya menghitung kebijakan komponen yang tidak ada require; nilai rezim ini dengan
  GenericRegime.score

the batch engine needs a declared rounding (exact scores have no fixed width)
= mesin batch memerlukan pembulatan yang dinyatakan (nilai eksak tidak memiliki lebar tetap)

must be a JSON object with a "kind"
= harus berupa objek JSON dengan "kind"

must be a JSON object (a weighting policy)
= harus berupa objek JSON (kebijakan pembobotan)

must be a JSON object of rater roles to weights
= harus berupa objek JSON yang memetakan peran penilai ke bobot

must be a JSON object of rater roles to counts
= harus berupa objek JSON yang memetakan peran penilai ke jumlah

must be a JSON object of component ids to weights
= harus berupa objek JSON yang memetakan id komponen ke bobot

must be a JSON object with "present" and "weights"
= harus berupa objek JSON dengan "present" dan "weights"

{name} value {value} lies outside scale {scale}
= nilai {name} {value} berada di luar skala {scale}

no respondent answered {element} ({label}); which is not among the surveyed elements
= tidak ada responden yang menjawab {element} ({label}); unsur ini tidak termasuk unsur yang
  disurvei
"""
