"""
Message templates of spreadsheets, CSV folders, files and SIASN.

Each English reason (a template of `penilaian._base.messages`), then its Indonesian text
after ``= ``; a line that starts with two spaces continues the line above.
"""

__all__ = ["TEXT"]

TEXT = """
SIASN fields are named by text and hold text, whole numbers or None
= kolom SIASN dinamai dengan teks dan berisi teks, bilangan bulat atau None

SIASN needs an ASN appraiser's golongan (penilaiGolongan)
= SIASN memerlukan golongan penilai ASN (penilaiGolongan)

SIASN needs it for the appraiser
= SIASN memerlukannya untuk penilai

SIASN needs the appraiser (pejabat penilai)
= SIASN memerlukan penilai (pejabat penilai)

SIASN needs {meaning}
= SIASN memerlukan {meaning}

must be non-empty text: {meaning}
= harus berupa teks yang tidak kosong: {meaning}

SIASN records whole months; the range must start on a 1st and end on a month's end
= SIASN mencatat bulan utuh; rentang harus dimulai pada tanggal 1 dan berakhir pada akhir bulan

SIASN's SKP 2022 records hold PermenPANRB 6/2022 results only
= catatan SKP 2022 SIASN hanya memuat hasil PermenPANRB 6/2022

PermenPANRB 6/2022 has no such grade; give its five grades only
= PermenPANRB 6/2022 tidak memiliki predikat ini; berikan kelima predikatnya saja

a periodic record lies within one calendar year
= catatan periodik berada dalam satu tahun kalender

a whole year is the annual record (annual_record), not a periodic one
= satu tahun penuh adalah catatan tahunan (annual_record), bukan catatan periodik

an annual SKP 2022 record is for a calendar year, and this appraisal covers {period}; pass year=
  (the last period's result is the annual one) or use periodic_record
= catatan SKP 2022 tahunan berlaku untuk satu tahun kalender, dan penilaian ini mencakup
  {period}; berikan year= (hasil periode terakhir adalah hasil tahunan) atau gunakan
  periodic_record

the appraisal covers {period}, which lies outside the year {year}
= penilaian mencakup {period}, yang berada di luar tahun {year}

lies outside the appraisal's period {period}
= berada di luar periode penilaian {period}

must be SIASN's id of the record to replace, or None for a new record
= harus berupa id SIASN untuk catatan yang diganti, atau None untuk catatan baru

must be a SiasnAppraiser
= harus berupa SiasnAppraiser

not a grade of PermenPANRB 6/2022, so it has no SIASN quadrant
= bukan predikat PermenPANRB 6/2022, sehingga tidak memiliki kuadran SIASN

the result has no {key} rating; SIASN records both ratings
= hasil tidak memiliki rating {key}; SIASN mencatat kedua rating

result {appraisal} is incomplete: {gaps}
= hasil {appraisal} belum lengkap: {gaps}

the result is of appraisal {appraisal}, not {other}
= hasil ini milik penilaian {appraisal}, bukan {other}

must map each {enum} to its SIASN code
= harus memetakan setiap {enum} ke kode SIASN-nya

names {member} twice
= menyebut {member} dua kali

gives two members the same code
= memberi dua anggota kode yang sama

must give a code for every expectation level
= harus memberi kode untuk setiap tingkat ekspektasi

must give a code for every PermenPANRB 6/2022 grade
= harus memberi kode untuk setiap predikat PermenPANRB 6/2022

appraisal {appraisal} has no supervisor rater (the pejabat penilai)
= penilaian {appraisal} tidak memiliki penilai atasan (pejabat penilai)

appraisal {appraisal} has {count} supervisors ({ids}); SIASN takes one
= penilaian {appraisal} memiliki {count} atasan ({ids}); SIASN hanya menerima satu

supervisor {supervisor} has no name; SIASN needs it (penilaiNama)
= atasan {supervisor} tidak memiliki nama; SIASN memerlukannya (penilaiNama)

must be a mapping of SIASN fields
= harus berupa pemetaan kolom SIASN

no records to take a header from; pass fields=SIASN_ANNUAL_FIELDS or similar
= tidak ada catatan untuk diambil kepalanya; berikan fields=SIASN_ANNUAL_FIELDS atau yang serupa

must have the keys {keys}
= harus memiliki kunci {keys}

the forms name quarters, semesters and months only
= formulir hanya menyebut triwulan, semester dan bulan

a NIP must be text; {as_text}
= NIP harus berupa teks; {as_text}

a NIP stored as a number loses digits (Excel keeps 15 and drops leading zeros); {as_text}
= NIP yang disimpan sebagai bilangan kehilangan angka (Excel hanya menyimpan 15 angka dan
  membuang nol di depan); {as_text}

an id must be text, not {kind}; {as_text}
= id harus berupa teks, bukan {kind}; {as_text}

an id typed as a number (Excel drops leading zeros); {as_text}
= id diketik sebagai bilangan (Excel membuang nol di depan); {as_text}

expected text, not {kind}; {as_text}
= seharusnya berupa teks, bukan {kind}; {as_text}

format the cell as Text, or type an apostrophe first ('199001012015011001)
= format sel sebagai Teks, atau ketik tanda petik tunggal lebih dulu ('199001012015011001)

a formula is never calculated by the reader; replace it by its value (Copy, then Paste Special >
  Values)
= rumus tidak pernah dihitung oleh pembaca berkas; ganti dengan nilainya (Salin, lalu Tempel
  Spesial > Nilai)

enter a date, not {kind}: format the cell as a date, or type the date as text YYYY-MM-DD
= isikan tanggal, bukan {kind}: format sel sebagai tanggal, atau ketik tanggal sebagai teks
  YYYY-MM-DD

enter a date: a date cell, or text in the form YYYY-MM-DD such as 2024-03-15
= isikan tanggal: sel bertipe tanggal, atau teks berbentuk YYYY-MM-DD seperti 2024-03-15

is not a calendar date
= bukan tanggal kalender

expected a number, not {kind}
= seharusnya berupa bilangan, bukan {kind}

expected one of {choices}, not {value}
= seharusnya salah satu dari {choices}, bukan {value}

the cell is formatted as a percentage, so Excel stores 93 % as 0.93; format it as a number and
  type 93
= sel diformat sebagai persentase, sehingga Excel menyimpan 93 % sebagai 0,93; format sebagai
  bilangan dan ketik 93

the cell shows the error {code}; enter a value
= sel menampilkan galat {code}; isikan sebuah nilai

the date has a time of day; enter a date only
= tanggal ini memiliki jam; isikan tanggal saja

write numbers with a decimal point (2.5), not a comma
= tulis bilangan dengan titik desimal (2.5), bukan koma

write the number without % (93 for 93 %)
= tulis bilangan tanpa % (93 untuk 93 %)

write Ya or Tidak (yes/no, TRUE/FALSE), or leave the cell empty for no
= tulis Ya atau Tidak (yes/no, TRUE/FALSE), atau kosongkan sel untuk tidak

required, but the cell is empty
= wajib diisi, tetapi selnya kosong

write each alias as {example} (got {value})
= tulis setiap alias sebagai {example} (isian: {value})

a column header must be text (got {value})
= kepala kolom harus berupa teks (isian: {value})

a value in a column without a header (got {value})
= ada nilai pada kolom tanpa kepala kolom (isian: {value})

column {column} repeats column {first}
= kolom {column} mengulang kolom {first}

the required column {column} is missing
= kolom wajib {column} tidak ada

unknown column {name}{suggestion}; the columns of {table} are {columns}
= kolom {name} tidak dikenal{suggestion}; kolom pada {table} adalah {columns}

unknown {noun} {name}{suggestion}; the {noun_2}s are {names} and {instructions}
= {noun} {name} tidak dikenal{suggestion}; {noun_2} yang ada adalah {names} dan {instructions}

a second {noun} for table {table} (the first is {first})
= {noun} kedua untuk tabel {table} (yang pertama adalah {first})

the {noun} {table} is missing; it is required (even with no rows)
= {noun} {table} tidak ada; {noun} ini wajib ada (walaupun tanpa baris)

row 1 must hold the column headers ({headers})
= baris 1 harus berisi kepala kolom ({headers})

more than {limit} rows; split the workbook, or raise the limit (max_rows) if the machine can
  take it
= lebih dari {limit} baris; pecah buku kerja, atau naikkan batasnya (max_rows) bila mesin
  sanggup

rows go past the last row a worksheet can have ({limit})
= baris melewati baris terakhir yang dapat dimiliki lembar kerja ({limit})

{rows} in the middle of the table (rows below hold data); delete them
= {rows} di tengah tabel (baris di bawahnya berisi data); hapus baris tersebut

merged cells; unmerge them, so that every value has a cell of its own
= sel tergabung; pisahkan, agar setiap nilai memiliki selnya sendiri

the sheet has cells beyond column ZZ; delete the columns to the right of the table
= lembar memiliki sel di luar kolom ZZ; hapus kolom di sebelah kanan tabel

the sheet cannot be read past this point ({kind}: {error})
= lembar tidak dapat dibaca melewati titik ini ({kind}: {error})

not an XLSX workbook: {why}; save it from Excel or LibreOffice as .xlsx
= bukan buku kerja XLSX: {why}; simpan dari Excel atau LibreOffice sebagai .xlsx

the workbook unpacks to {size} bytes, more than the limit of {limit} (max_unpacked_bytes); split
  it into smaller files
= buku kerja ini terurai menjadi {size} byte, melebihi batas {limit} (max_unpacked_bytes); pecah
  menjadi berkas yang lebih kecil

an old .xls workbook or a password-protected one; save it as .xlsx without a password
= buku kerja .xls lama atau yang dilindungi kata sandi; simpan sebagai .xlsx tanpa kata sandi

neither an XLSX workbook nor a directory of CSV files
= bukan buku kerja XLSX maupun direktori berisi berkas CSV

a single CSV file; put the CSV files of all tables (employees.csv, targets.csv, ...) in one
  directory and read the directory
= satu berkas CSV saja; letakkan berkas CSV semua tabel (employees.csv, targets.csv, ...) dalam
  satu direktori lalu baca direktorinya

a link; copy the file itself into the directory
= sebuah tautan; salin berkasnya sendiri ke dalam direktori

not a CSV file; the directory may hold only the tables' CSV files
= bukan berkas CSV; direktori hanya boleh berisi berkas CSV tabel-tabel

the CSV files hold more than {limit} bytes, the limit (max_bytes); split them into smaller
  workbooks
= berkas CSV berisi lebih dari {limit} byte, batasnya (max_bytes); pecah menjadi buku kerja yang
  lebih kecil

the file is not UTF-8 text; save it as CSV UTF-8 (comma delimited)
= berkas bukan teks UTF-8; simpan sebagai CSV UTF-8 (dipisah koma)

the file is not valid CSV here ({error}); check the quotes
= berkas bukan CSV yang sah di sini ({error}); periksa tanda kutipnya

a second realisation of indicator {indicator} (the first is on row {first})
= realisasi kedua untuk indikator {indicator} (yang pertama ada di baris {first})

repeats indicator {indicator} of row {first}
= mengulang indikator {indicator} dari baris {first}

appraisal {appraisal} has no indicator {indicator} on the targets sheet
= penilaian {appraisal} tidak memiliki indikator {indicator} pada lembar targets

no appraisal {appraisal} on the employees sheet
= tidak ada penilaian {appraisal} pada lembar employees

repeats appraisal {appraisal} of row {first}
= mengulang penilaian {appraisal} dari baris {first}

a {kind} needs {header}
= {kind} memerlukan {header}

{header} is not used by a {kind}; leave the cell empty
= {header} tidak dipakai oleh {kind}; kosongkan selnya

{what} has {value} on row {row}, and each of its rows must repeat that value (got {other})
= {what} berisi {value} pada baris {row}, dan setiap barisnya harus mengulang nilai itu (isian:
  {other})

repeats the id of the appraisal at $[{index}]
= mengulang id penilaian pada $[{index}]

repeats the appraisal id of the result at $[{index}]
= mengulang id penilaian milik hasil pada $[{index}]

is not the result of the appraisal it is paired with ({appraisal})
= bukan hasil penilaian yang dipasangkan dengannya ({appraisal})

a spreadsheet names a built-in framework ({frameworks})
= lembar kerja menyebut kerangka bawaan ({frameworks})

{kind}; an output is a file, a terminal or a pipe
= {kind}; keluaran berupa berkas, terminal atau pipa

holds no appraisal: fill one row per appraisal in the employees sheet
= tidak berisi penilaian: isi satu baris untuk setiap penilaian pada lembar employees

holds no appraisal: fill one row per appraisal in the employees sheet (or give a JSON appraisal,
  or a non-empty array of them)
= tidak berisi penilaian: isi satu baris untuk setiap penilaian pada lembar employees (atau
  berikan penilaian JSON, atau array penilaian yang tidak kosong)

repeats appraisal {appraisal} of $[{index}]
= mengulang penilaian {appraisal} dari $[{index}]
"""
