"""
Message templates of values, numbers and texts.

Each English reason (a template of `penilaian._base.messages`), then its Indonesian text
after ``= ``; a line that starts with two spaces continues the line above.
"""

__all__ = ["TEXT"]

TEXT = """
must be a non-empty string
= harus berupa teks yang tidak kosong

must be a non-empty text
= harus berupa teks yang tidak kosong

must be text
= harus berupa teks

must be text or None
= harus berupa teks atau None

must be a string or None
= harus berupa teks atau None

must be a finite number
= harus berupa bilangan berhingga

is {length} characters long; a number is at most {limit}
= panjangnya {length} karakter; sebuah bilangan paling panjang {limit} karakter

has {length} characters; at most {limit} are taken
= berisi {length} karakter; paling banyak {limit} yang diterima

is written with {whole} digits before the point
= ditulis dengan {whole} angka sebelum titik desimal

is written with {whole} digits before the point; at most {limit} are taken
= ditulis dengan {whole} angka sebelum titik desimal; paling banyak {limit} yang diterima

has {places} decimal places; at most {limit} are taken
= memiliki {places} angka di belakang titik desimal; paling banyak {limit} yang diterima

has a denominator greater than 10^{limit}
= penyebutnya lebih besar dari 10^{limit}

must be less than 10^{limit} in magnitude
= nilai mutlaknya harus kurang dari 10^{limit}

cannot be given with places
= tidak dapat diberikan bersama places

must be a whole number, 0 or more
= harus berupa bilangan bulat, 0 atau lebih

must be a whole number, 1 or more
= harus berupa bilangan bulat, 1 atau lebih

must be a whole number
= harus berupa bilangan bulat

must be a whole number >= 1
= harus berupa bilangan bulat >= 1

must be a whole number of at least {minimum}
= harus berupa bilangan bulat paling sedikit {minimum}

must be a whole number of at least 1 (1 shows single ratings)
= harus berupa bilangan bulat paling sedikit 1 (1 menampilkan penilaian tunggal)

must be a whole number of bytes, >= 1
= harus berupa bilangan bulat byte, >= 1

must be a whole number of days
= harus berupa bilangan bulat hari

must be a whole number of raters
= harus berupa bilangan bulat jumlah penilai

must be a whole number of rows, at least 1
= harus berupa bilangan bulat jumlah baris, paling sedikit 1

must be a whole year
= harus berupa tahun yang utuh

must be a whole year such as 2024
= harus berupa tahun yang utuh, misalnya 2024

years must be whole numbers such as 2024
= tahun harus berupa bilangan bulat, misalnya 2024

must be a date (YYYY-MM-DD), not a datetime
= harus berupa tanggal (YYYY-MM-DD), bukan tanggal dengan jam

must be a date (YYYY-MM-DD) or None
= harus berupa tanggal (YYYY-MM-DD) atau None

must be a list or tuple
= harus berupa list atau tuple

must be one of {accepted}
= harus salah satu dari {accepted}

must be a (name, value) pair
= harus berupa pasangan (nama, nilai)

must be {expected}
= harus {expected}

must be {low} to {high}
= harus dari {low} sampai {high}

must be at least {low}
= harus paling sedikit {low}

must be at least {low} and at most {high}
= harus paling sedikit {low} dan paling banyak {high}

must be at least {low}{upper}
= harus paling sedikit {low}{upper}

must be at most {high}
= harus paling banyak {high}

must be at least 0
= harus paling sedikit 0

must be 0 or more
= harus 0 atau lebih

must be below 1
= harus kurang dari 1

must be between 0 and 1
= harus di antara 0 dan 1

must be greater than 0
= harus lebih besar dari 0

must be greater than 0 (the rule divides by it)
= harus lebih besar dari 0 (aturan membagi dengan nilai ini)

must not be empty
= tidak boleh kosong

must not be negative
= tidak boleh negatif

must be True or False
= harus True atau False

must be true or false
= harus true atau false

must be a tuple
= harus berupa tuple

must be a set of names
= harus berupa himpunan nama

must be an exact number
= harus berupa bilangan eksak

must be a finite Decimal
= harus berupa Decimal yang berhingga

must be a decimal.Decimal
= harus berupa decimal.Decimal

must be a Decimal greater than 0, or None
= harus berupa Decimal yang lebih besar dari 0, atau None

must be a percentage from 0 to 200
= harus berupa persentase dari 0 sampai 200

must be a non-empty name
= harus berupa nama yang tidak kosong

must be an enum id (text)
= harus berupa id enumerasi (teks)

must be table
= harus table

must be xlsx or csv
= harus xlsx atau csv

must be 'id' (Indonesian) or 'en' (English)
= harus 'id' (bahasa Indonesia) atau 'en' (bahasa Inggris)

must be (Indonesian, English), both non-empty
= harus berupa (Indonesia, Inggris), keduanya tidak kosong

must map keys to (Indonesian, English) texts
= harus memetakan kunci ke teks (Indonesia, Inggris)

keys must be non-empty texts
= kunci harus berupa teks yang tidak kosong

keys must be text
= kunci harus berupa teks

must map text keys to {expected}
= harus memetakan kunci teks ke {expected}

repeats an earlier id
= mengulang id yang sudah ada sebelumnya

no appraisal with this id
= tidak ada penilaian dengan id ini

no appraisal with this id was given
= tidak ada penilaian dengan id ini yang diberikan

is required
= wajib diisi

is given twice
= diberikan dua kali

is already registered
= sudah terdaftar

expected {expected}
= seharusnya {expected}

expected a JSON array
= seharusnya berupa array JSON

must be one of {accepted} (got {value})
= harus salah satu dari {accepted} (isian: {value})

a boolean is not a number
= nilai boolean bukan bilangan

is not a number
= bukan bilangan

is not a number or a ratio
= bukan bilangan atau rasio

has no exact decimal form; pass a Decimal
= tidak memiliki bentuk desimal yang eksak; berikan sebuah Decimal
"""
