"""
Message templates of the model, the policies and scoring.

Each English reason (a template of `penilaian._base.messages`), then its Indonesian text
after ``= ``; a line that starts with two spaces continues the line above.
"""

__all__ = ["TEXT"]

TEXT = """
a negative number is not a NIP
= bilangan negatif bukan NIP

expected the NIP as text (or an 18-digit int), got {kind}
= NIP seharusnya berupa teks (atau int 18 angka), yang diberikan {kind}

the number has {count} digits, not 18; it may have lost leading digits (for example when stored
  as a number in a spreadsheet): pass text
= bilangan ini terdiri atas {count} angka, bukan 18; mungkin angka di depannya hilang (misalnya
  bila disimpan sebagai bilangan di lembar kerja): berikan sebagai teks

has {count} digits; a NIP has 18
= terdiri atas {count} angka; NIP terdiri atas 18 angka

contains {bad}; a NIP has only digits (Nip.parse also drops spaces, . and -)
= mengandung {bad}; NIP hanya berisi angka (Nip.parse juga membuang spasi, . dan -)

{digits} is not a calendar date (YYYYMMDD)
= {digits} bukan tanggal kalender (YYYYMMDD)

birth year {year} is before {minimum}
= tahun lahir {year} sebelum {minimum}

appointment month {code} is not a month (01-12) and not a PPPK code (2 followed by 1-9)
= bulan pengangkatan {code} bukan bulan (01-12) dan bukan kode PPPK (2 diikuti 1-9)

appointment year {year} is {age} years after birth year {birth}; at least {minimum} are required
= tahun pengangkatan {year} hanya {age} tahun setelah tahun lahir {birth}; paling sedikit
  {minimum} tahun diperlukan

gender digit {digit} is not 1 (male) or 2 (female)
= angka jenis kelamin {digit} bukan 1 (laki-laki) atau 2 (perempuan)

sequence 000 is not allowed; it starts at 001
= nomor urut 000 tidak diperbolehkan; nomor urut dimulai dari 001

expected a str, got {kind}
= seharusnya berupa str, yang diberikan {kind}

expected a Gender
= seharusnya berupa Gender

{group} must be a whole number from {low} to {high}
= {group} harus berupa bilangan bulat dari {low} sampai {high}

{group} must be a datetime.date
= {group} harus berupa datetime.date

a pimpinan unit kerja mandiri leads the unit: needs leads_unit
= pimpinan unit kerja mandiri memimpin unit: memerlukan leads_unit

a unit leader needs a unit_id
= pimpinan unit memerlukan unit_id

must be an OrgUnit
= harus berupa OrgUnit

unit id occurs more than once under {unit}
= id unit muncul lebih dari sekali di bawah {unit}

no unit with this id under {unit}
= tidak ada unit dengan id ini di bawah {unit}

year must be {low} to {high}
= tahun harus dari {low} sampai {high}

must be a datetime.date, not {kind}
= harus berupa datetime.date, bukan {kind}

ends {end} before it starts {start}
= berakhir {end} sebelum dimulai {start}

spans more than one {unit}; the {unit} from {start} ends {end}
= mencakup lebih dari satu {unit}; {unit} yang dimulai {start} berakhir {end}

accepted forms are {forms}
= bentuk yang diterima: {forms}

is not a pair of calendar dates
= bukan pasangan tanggal kalender

a period splits only into calendar units
= periode hanya dapat dibagi menjadi satuan kalender

{period} does not split into {unit}s: {reason}
= {period} tidak dapat dibagi menjadi {unit}: {reason}

must be a datetime.date (not a datetime) or a Period
= harus berupa datetime.date (bukan tanggal dengan jam) atau Period

must be a Period
= harus berupa Period

must be a penilaian.Period
= harus berupa penilaian.Period

{reason}; use month_fraction for partial months
= {reason}; gunakan month_fraction untuk bulan yang tidak utuh

a realisation needs a value or a description
= realisasi memerlukan nilai atau uraian

a numeric target needs a numeric realisation
= target berupa angka memerlukan realisasi berupa angka

must be greater than low ({low})
= harus lebih besar dari batas bawah low ({low})

a work target needs an indicator
= rencana hasil kerja memerlukan indikator

must be a BehaviourAspect
= harus berupa BehaviourAspect

aspect id occurs more than once
= id aspek muncul lebih dari sekali

names both aspect {one} and {other}
= menyebut aspek {one} sekaligus {other}

a rater in the {role} role must be an employee
= penilai dalam peran {role} harus seorang pegawai

must be greater than minimum ({minimum})
= harus lebih besar dari minimum ({minimum})

must be an exact number on scale {scale}
= harus berupa bilangan eksak pada skala {scale}

outside scale {scale} ({low} to {high})
= di luar skala {scale} ({low} sampai {high})

not a step of {step} on scale {scale}
= bukan kelipatan {step} pada skala {scale}

an ordinal scale needs two levels
= skala ordinal memerlukan dua tingkat

repeats an earlier level
= mengulang tingkat yang sudah ada sebelumnya

must pair an alias with a level
= harus memasangkan alias dengan sebuah tingkat

already names level {level}
= sudah menyebut tingkat {level}

must be a level of scale {scale}, as text
= harus berupa tingkat pada skala {scale}, sebagai teks

not a level of scale {scale} ({levels})
= bukan tingkat pada skala {scale} ({levels})

give exactly one of score (numeric) or level (ordinal)
= berikan tepat salah satu: score (angka) atau level (ordinal)

must be a NumericScale or OrdinalScale
= harus berupa NumericScale atau OrdinalScale

scale {scale} is numeric
= skala {scale} berupa angka

scale {scale} is ordinal
= skala {scale} berupa tingkat (ordinal)

a band table needs a label
= tabel rentang memerlukan label

needs {cuts} cuts for {labels} labels
= memerlukan {cuts} batas untuk {labels} label

cuts must strictly increase
= batas-batas harus naik secara tegas

an appraisal needs at least one work target
= penilaian memerlukan paling sedikit satu rencana hasil kerja

repeats an indicator id
= mengulang id indikator

outside the appraisal period {period}
= di luar periode penilaian {period}

a self rater must be the appraised employee ({employee})
= penilai diri harus pegawai yang dinilai ({employee})

the appraised employee cannot rate in the {role} role
= pegawai yang dinilai tidak dapat menilai dalam peran {role}

this person already rates in another entry
= orang ini sudah menilai pada entri lain

no rater has this id
= tidak ada penilai dengan id ini

no scale has this id
= tidak ada skala dengan id ini

no scale has this id (got {value}){suggestion}; add a row for it to the scales sheet
  ({columns}); the built-in scales need no row: {builtin}
= tidak ada skala dengan id ini (isian: {value}){suggestion}; tambahkan barisnya pada lembar
  scales ({columns}); skala bawaan tidak memerlukan baris: {builtin}

not an aspect, target or indicator of this appraisal
= bukan aspek, rencana hasil kerja, atau indikator penilaian ini

rater {rater} already rated {subject}
= penilai {rater} sudah menilai {subject}

framework {framework} has no special expectations
= kerangka {framework} tidak memiliki ekspektasi khusus

not an aspect of framework {framework}
= bukan aspek kerangka {framework}

{start} does not start a {kind} ({kind}s start on {starts})
= {start} bukan awal {kind} ({kind} dimulai pada {starts})

{end} does not end a {kind} ({kind}s end on {ends})
= {end} bukan akhir {kind} ({kind} berakhir pada {ends})

no work target has this id
= tidak ada rencana hasil kerja dengan id ini

not in work target {target}
= tidak ada dalam rencana hasil kerja {target}

no value for {aspect}
= tidak ada nilai untuk {aspect}

cannot normalise weights that are all 0
= tidak dapat menormalkan bobot yang semuanya 0

must map names to weights
= harus memetakan nama ke bobot

names must be non-empty text
= nama harus berupa teks yang tidak kosong

needs at least one weight
= memerlukan paling sedikit satu bobot

needs a weight above 0
= memerlukan bobot di atas 0

must map rater roles to values
= harus memetakan peran penilai ke nilai

names role {role} twice
= menyebut peran {role} dua kali

must map rater roles to thresholds
= harus memetakan peran penilai ke ambang

must be 0 to {limit} days
= harus 0 sampai {limit} hari

must be AnonymityThresholds
= harus berupa AnonymityThresholds

must be a WeightingPolicy or None
= harus berupa WeightingPolicy atau None

must be a PublicIndex or None
= harus berupa PublicIndex atau None

needs at least one rating to combine
= memerlukan paling sedikit satu penilaian untuk digabungkan

must be at least 0 and below 1/2 (the share trimmed from each end)
= harus paling sedikit 0 dan kurang dari 1/2 (porsi yang dipangkas dari tiap ujung)

an aggregation must return an exact Fraction
= agregasi harus menghasilkan Fraction yang eksak

role {role} has no weight in this policy
= peran {role} tidak memiliki bobot dalam kebijakan ini

self has a weight but count_self is False; set count_self=True to count it
= self memiliki bobot tetapi count_self bernilai False; isi count_self=True agar dihitung

self-assessment is counted, so role_weights needs a weight for self
= penilaian diri dihitung, sehingga role_weights memerlukan bobot untuk self

a public index is given, but the policy does not weight public
= indeks layanan publik diberikan, tetapi kebijakan tidak memberi bobot pada public

{rater} rates {subject} as {role}, a role the policy does not weight; give {role_2} a weight (0
  to ignore it on purpose)
= {rater} menilai {subject} sebagai {role}, peran yang tidak diberi bobot oleh kebijakan; beri
  {role_2} bobot (0 untuk sengaja mengabaikannya)

public ratings of {subject} and a public index; give one of them
= ada penilaian publik atas {subject} dan juga indeks layanan publik; berikan salah satunya saja

{subject} is rated on ordinal scale {scale}; a number is needed
= {subject} dinilai pada skala ordinal {scale}; diperlukan angka

{subject} is rated on {scale} and on {other}; use one scale
= {subject} dinilai pada {scale} dan pada {other}; gunakan satu skala

the public index is on {scale}, not a numeric scale of this appraisal
= indeks layanan publik berada pada {scale}, bukan skala angka penilaian ini

{name} value {value} lies outside scale {scale} ({low} to {high})
= nilai {name} {value} berada di luar skala {scale} ({low} sampai {high})

no supervisor rating of {subject}; the pejabat penilai must rate it
= tidak ada penilaian atasan atas {subject}; pejabat penilai wajib menilainya

rating of {subject} is on ordinal scale {scale}; a number is needed
= penilaian atas {subject} berada pada skala ordinal {scale}; diperlukan angka

{count} supervisor ratings of {subject} ({paths}); use a weighting policy
= ada {count} penilaian atasan atas {subject} ({paths}); gunakan kebijakan pembobotan

{count} supervisor ratings of {subject}; use a weighting policy
= ada {count} penilaian atasan atas {subject}; gunakan kebijakan pembobotan

{count} supervisor ratings of {subject} ({paths}); one pejabat penilai rates
= ada {count} penilaian atasan atas {subject} ({paths}); hanya satu pejabat penilai yang menilai

indicator {indicator} has no realisation
= indikator {indicator} tidak memiliki realisasi

must name each TargetKind once
= harus menyebut setiap TargetKind satu kali

must be a ScoringStrategy (an id and score(appraisal, *, trace))
= harus berupa ScoringStrategy (sebuah id dan score(appraisal, *, trace))
"""
