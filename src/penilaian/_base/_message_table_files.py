"""
Message templates of JSON, policy and other files.

Each English reason (a template of `penilaian._base.messages`), then its Indonesian text
after ``= ``; a line that starts with two spaces continues the line above.
"""

__all__ = ["TEXT"]

TEXT = """
is nested more than {depth} levels deep
= bersarang lebih dari {depth} tingkat

these {rest} items are not checked after {count} wrong ones
= {rest} butir ini tidak diperiksa setelah {count} butir yang salah

{what}is larger than the limit of {limit} bytes{named}
= {what}lebih besar dari batas {limit} byte{named}

the file {name} is larger than the limit of {limit} bytes{named}
= berkas {name} lebih besar dari batas {limit} byte{named}

standard input is larger than the limit of {limit} bytes{named}
= masukan standar lebih besar dari batas {limit} byte{named}

a float is binary, not exact; write it as text ("0.25" or "1/4")
= float adalah bilangan biner, tidak eksak; tulis sebagai teks ("0.25" atau "1/4")

expected an exact number: text such as "1/4" or "0.25", or a number
= seharusnya berupa bilangan eksak: teks seperti "1/4" atau "0.25", atau sebuah bilangan

must be a JSON object {meaning}
= harus berupa objek JSON {meaning}

is given twice; the file must say it once
= diberikan dua kali; berkas harus menyebutkannya sekali saja

must be a list of at least one component id
= harus berupa daftar berisi paling sedikit satu id komponen

must be a list of at least one row
= harus berupa daftar berisi paling sedikit satu baris

a table needs rows: the weights for each set of present components
= tabel memerlukan baris: bobot untuk setiap himpunan komponen yang ada

unknown key; accepted: present, weights
= kunci tidak dikenal; yang diterima: present, weights

unknown key; accepted: {accepted}
= kunci tidak dikenal; yang diterima: {accepted}

must sum to exactly 1, not {total}
= jumlahnya harus tepat 1, bukan {total}

must sum to exactly 1, not {total} (given: {given})
= jumlahnya harus tepat 1, bukan {total} (diberikan: {given})

must sum to exactly 1, not {total}; use Weights.normalised() to scale
= jumlahnya harus tepat 1, bukan {total}; gunakan Weights.normalised() untuk menskalakan

must weigh exactly the present components {present}
= harus membobot tepat komponen yang ada {present}

is the set of an earlier row
= adalah himpunan milik baris sebelumnya

names the {meaning}; accepted: {accepted}
= menyebut {meaning}; yang diterima: {accepted}

{kind} needs {key}
= {kind} memerlukan {key}

must be {kind}
= harus {kind}

must be {tag}
= harus {tag}

a custom aggregation function cannot be written to a policy file; use Mean, Median or
  TrimmedMean, or keep this policy in code
= fungsi agregasi buatan sendiri tidak dapat ditulis ke berkas kebijakan; gunakan Mean, Median
  atau TrimmedMean, atau simpan kebijakan ini di dalam kode

a policy must name what a missing role gets; accepted: {accepted}
= kebijakan harus menyebut apa yang diterima peran yang tidak ada; yang diterima: {accepted}

a policy needs the weight of each rater role
= kebijakan memerlukan bobot setiap peran penilai

names role {role} again (also as {other})
= menyebut peran {role} lagi (juga sebagai {other})

needs at least one rater role
= memerlukan paling sedikit satu peran penilai

self has a weight but count_self is false; set "count_self": true to count it
= self memiliki bobot tetapi count_self bernilai false; isi "count_self": true agar dihitung

self-assessment is counted, so weights needs a weight for self
= penilaian diri dihitung, sehingga weights memerlukan bobot untuk self

not a built-in framework ({accepted})
= bukan kerangka bawaan ({accepted})

must be a number of seconds
= harus berupa jumlah detik

must be a number of seconds (int or text)
= harus berupa jumlah detik (int atau teks)

must be a number of seconds above 0
= harus berupa jumlah detik di atas 0

must be at least 16 printable ASCII characters without spaces
= harus paling sedikit 16 karakter ASCII yang dapat dicetak, tanpa spasi

not JSON: nested too deeply to read
= bukan JSON: bersarang terlalu dalam untuk dibaca

not JSON: {error}
= bukan JSON: {error}

not UTF-8 JSON: {error}
= bukan JSON UTF-8: {error}

a directory, not a file
= sebuah direktori, bukan berkas

a character device (such as /dev/null or a terminal), not a regular file
= perangkat karakter (seperti /dev/null atau terminal), bukan berkas biasa

a block device, not a regular file
= perangkat blok, bukan berkas biasa

a named pipe, not a regular file
= pipa bernama, bukan berkas biasa

a socket, not a regular file
= soket, bukan berkas biasa

not a regular file
= bukan berkas biasa

no such file
= berkas tidak ada

no such file (a link to a file that does not exist)
= berkas tidak ada (tautan ke berkas yang tidak ada)

no such file (a part of the path is not a directory)
= berkas tidak ada (sebagian jalurnya bukan direktori)

cannot be read: permission denied
= tidak dapat dibaca: izin ditolak

cannot be read: too many levels of links
= tidak dapat dibaca: terlalu banyak tingkat tautan

cannot be read: {error}
= tidak dapat dibaca: {error}

unknown key
= kunci tidak dikenal

expected a JSON object
= seharusnya berupa objek JSON

required field missing
= kolom wajib tidak ada

invalid value for type, expected {kind}
= nilai tidak sah untuk tipenya, seharusnya {kind}

invalid value
= nilai tidak sah

invalid value for type, expected an iterable
= nilai tidak sah untuk tipenya, seharusnya berupa deretan

invalid type ({error})
= tipe tidak sah ({error})

extra fields found ({fields})
= ditemukan kolom tambahan ({fields})

expected a mapping
= seharusnya berupa pemetaan

unknown error ({error})
= galat tidak dikenal ({error})
"""
