"""
The command line's help texts, in Indonesian and English: one `Words` table.

`HELP` holds every text ``penilaian --help`` and ``penilaian COMMAND --help`` show:
the program's description and epilog, each command's help and description, each
option's help, and the fixed words argparse itself writes (``usage:``, ``options``,
the ``--help`` option, ``error``, and the usage errors it raises), which
`penilaian.cli._parser` puts in place of argparse's own English.  The parser is built
in the language ``--lang`` names on the command line (Indonesian by default), so
the help follows ``--lang`` as every other text does.

A text with ``%(default)s`` shows the option's default (argparse fills it in); one
with ``{name}`` fields is a template for `str.format`.  The ``argparse.*`` error
texts are argparse's own English messages with ``{0}``, ``{1}`` where argparse puts
a name or a value; `penilaian.cli._parser` matches the English and writes the
Indonesian.  No help text holds a literal ``%``.
"""

from __future__ import annotations

from typing import Final

from penilaian._base.words import Words

__all__ = ["ARGPARSE_ERRORS", "HELP"]

HELP: Final = Words(
    {
        # The program.
        "penilaian.description": (
            "Penilaian kinerja ASN yang eksak dan dapat dijelaskan.",
            "Exact, explainable performance appraisal for ASN.",
        ),
        "penilaian.epilog": (
            (
                "Kode keluar: 0 berhasil, 1 masukan tidak valid, 2 salah penggunaan, "
                "3 kesalahan internal, 130 dihentikan.  Bantuan dalam bahasa Inggris: "
                "tambahkan --lang en."
            ),
            (
                "Exit codes: 0 ok, 1 invalid input, 2 wrong usage, 3 internal error, "
                "130 interrupted.  Help in Indonesian: add --lang id."
            ),
        ),
        "penilaian.commands": (
            "salah satu perintah di bawah ini; penilaian PERINTAH --help menjelaskan opsinya",
            "one of the commands below; penilaian COMMAND --help explains its options",
        ),
        # Options several commands share.
        "option.lang": (
            "bahasa teks: id (bahasa Indonesia, bawaan) atau en (bahasa Inggris)",
            "language of the text: id (Indonesian, the default) or en (English)",
        ),
        "option.file": (
            "berkas JSON (atau - untuk masukan standar), buku kerja .xlsx, atau folder CSV",
            "JSON (or - for stdin), an .xlsx workbook or a CSV folder",
        ),
        "option.regime": (
            "id rezim penilaian (bawaan: rezim yang berlaku untuk periodenya)",
            "a regime id (default: the one governing the period)",
        ),
        "option.policy": (
            "berkas JSON kebijakan pembobotan untuk rezim itu",
            "a weighting-policy JSON file for the regime",
        ),
        "option.output": (
            "tulis ke berkas ini (utuh atau tidak sama sekali)",
            "write to this file (whole or not at all)",
        ),
        "option.format": (
            "format keluaran (bawaan %(default)s)",
            "output format (default %(default)s)",
        ),
        "option.appraisal": (
            "id penilaian (wajib bila berkas memuat beberapa penilaian)",
            "the appraisal id (needed when FILE has several)",
        ),
        # demo
        "demo.help": ("menilai dan menjelaskan contoh-contoh", "score and explain the samples"),
        "demo.json": ("cetak contoh sebagai JSON saja", "print the sample as JSON instead"),
        "demo.regime": (
            "rezim yang jejak perhitungannya ditampilkan (bawaan %(default)s)",
            "the regime whose trace to show (default %(default)s)",
        ),
        # score, validate, schema, explain
        "score.help": (
            "menghitung predikat setiap penilaian dalam berkas",
            "score the appraisals of a file",
        ),
        "score.json": ("sama dengan --format json", "the same as --format json"),
        "score.trace": (
            "dengan --format text: sertakan jejak perhitungan",
            "with --format text: the traces",
        ),
        "validate.help": (
            "memeriksa berkas penilaian dan menyebut catatan setiap hasil",
            "check a file of appraisals, and say each result's notes",
        ),
        "schema.help": (
            "JSON Schema dokumen penilaian",
            "the JSON Schema of an appraisal",
        ),
        "explain.help": (
            "jejak perhitungan predikat satu pegawai",
            "one employee's trace",
        ),
        # curve, completeness
        "curve.help": (
            (
                "memeriksa setiap unit dalam berkas (atau dokumen unit JSON) terhadap "
                "kurva distribusinya"
            ),
            "check each unit of FILE (or a unit JSON document) against its distribution curve",
        ),
        "curve.propose": ("sertakan usulan kalibrasi", "also propose a calibration"),
        "curve.max_steps": (
            (
                "paling banyak berapa tingkat penilaian digeser oleh satu perubahan "
                "(bawaan %(default)s)"
            ),
            "rating levels a change may move (default %(default)s)",
        ),
        "completeness.help": (
            (
                "siapa dalam satu siklus yang masih kurang apa (target, realisasi, penilaian, "
                "umpan balik)"
            ),
            "who in a cycle still lacks what (targets, realisations, ratings, feedback)",
        ),
        # template
        "template.help": ("templat lembar kerja untuk diisi", "a spreadsheet template to fill in"),
        "template.format": (
            "jenis berkas (bawaan %(default)s)",
            "file type (default %(default)s)",
        ),
        "template.output": (
            "berkas .xlsx, atau folder untuk berkas-berkas CSV",
            "the .xlsx file, or the folder for CSV files",
        ),
        "template.example": (
            "isi dengan sepuluh penilaian unit contoh",
            "fill it with the sample unit's ten appraisals",
        ),
        "template.headers": (
            (
                "nama lembar, kolom dan pilihan: en (id yang dipakai dokumentasi) atau id "
                "(bahasa Indonesia); bawaan %(default)s"
            ),
            (
                "names of sheets, columns and choices: en (the ids the docs use) or id "
                "(Indonesian); default %(default)s"
            ),
        ),
        # report
        "report.help": (
            "laporan satu pegawai, atau (--unit) laporan seluruh unit",
            "one employee's report, or (--unit) the whole unit's",
        ),
        "report.unit": (
            "laporan unit: predikat, kurva dan kalibrasi",
            "the unit report: grades, curve and calibration",
        ),
        "report.unit_id": (
            (
                "dengan --unit: unit yang dilaporkan (wajib untuk HTML bila berkas memuat "
                "beberapa unit)"
            ),
            "with --unit: the unit (needed for HTML of several)",
        ),
        "report.format": (
            "format laporan (bawaan %(default)s)",
            "report format (default %(default)s)",
        ),
        "report.no_plan": (
            "tanpa rencana pengembangan kompetensi",
            "leave the development plan out",
        ),
        # simulate
        "simulate.help": (
            "membandingkan kebijakan pembobotan pada tenaga kerja sintetis berbenih",
            "compare weighting policies on a seeded synthetic workforce",
        ),
        "simulate.description": (
            (
                "Membuat tenaga kerja sintetis dari sebuah benih (seed) dan membandingkan rezim "
                "apa adanya (baseline) dengan rezim di bawah setiap berkas --policy."
            ),
            (
                "Generate a seeded synthetic workforce and compare the regime as shipped "
                "(the baseline) with the regime under each --policy file."
            ),
        ),
        "simulate.employees": (
            "jumlah pegawai (bawaan %(default)s)",
            "how many employees (default %(default)s)",
        ),
        "simulate.seed": (
            "benih yang sama memberi tenaga kerja yang sama (bawaan %(default)s)",
            "the same seed gives the same workforce (default %(default)s)",
        ),
        "simulate.regime": (
            (
                "rezim yang membentuk tenaga kerja: {regimes} (bawaan %(default)s, yang tidak "
                "menerima --policy)"
            ),
            (
                "the regime the workforce is shaped for: {regimes} (default %(default)s, "
                "which takes no --policy)"
            ),
        ),
        "simulate.regimes_or": ("atau", "or"),
        "simulate.policy": (
            "berkas JSON kebijakan pembobotan: satu skenario per berkas (boleh diulang)",
            "a weighting-policy JSON file: one scenario each (repeatable)",
        ),
        "simulate.name": (
            "nama skenario setiap --policy, berurutan (bawaan: nama berkasnya tanpa ekstensi)",
            "the scenario name of each --policy, in order (default: the file's stem)",
        ),
        "simulate.changes": (
            "berapa perubahan predikat yang dicantumkan per skenario (bawaan %(default)s)",
            "how many grade changes to list per scenario (default %(default)s)",
        ),
        "simulate.not_negative": (
            "harus 0 atau lebih (diberikan {value})",
            "must be 0 or more (got {value})",
        ),
        # serve
        "serve.help": (
            "menyajikan pustaka lewat HTTP (perlu extra server)",
            "serve the library over HTTP (needs the server extra)",
        ),
        "serve.description": (
            (
                "Menyajikan validate, score, explain, curve, completeness, report dan template "
                "lewat HTTP, dengan dokumen OpenAPI di /openapi.json."
            ),
            (
                "Serve validate, score, explain, curve, completeness, report and template over "
                "HTTP, with an OpenAPI document at /openapi.json."
            ),
        ),
        "serve.host": (
            "alamat yang didengarkan (bawaan %(default)s)",
            "address to listen on (default %(default)s)",
        ),
        "serve.port": ("porta (bawaan %(default)s)", "port (default %(default)s)"),
        "serve.token": (
            "wajibkan 'Authorization: Bearer TOKEN' (bawaan: ${env}, bila tidak ada: tanpa token)",
            "require 'Authorization: Bearer TOKEN' (default: ${env}, else none)",
        ),
        "serve.max_bytes": (
            "badan permintaan terbesar, dalam bita (bawaan %(default)s)",
            "largest request body, in bytes (default %(default)s)",
        ),
        "serve.threads": (
            "permintaan yang dikerjakan sekaligus; lainnya menunggu giliran (bawaan %(default)s)",
            "requests worked on at once; the others wait their turn (default %(default)s)",
        ),
        "serve.timeout": (
            "paling lama berapa detik per permintaan (bawaan %(default)s)",
            "most seconds per request (default %(default)s)",
        ),
        # The names of the options' values in the usage lines.
        "metavar.command": ("PERINTAH", "COMMAND"),
        "metavar.file": ("BERKAS", "FILE"),
        "metavar.id": ("ID", "ID"),
        "metavar.n": ("N", "N"),
        "metavar.name": ("NAMA", "NAME"),
        "metavar.host": ("ALAMAT", "HOST"),
        "metavar.token": ("TOKEN", "TOKEN"),
        "metavar.seconds": ("DETIK", "SECONDS"),
        # The words argparse writes itself (penilaian.cli._parser puts them in place).
        "argparse.usage": ("penggunaan", "usage"),
        "argparse.positionals": ("argumen posisi", "positional arguments"),
        "argparse.options": ("opsi", "options"),
        "argparse.help": ("tampilkan bantuan ini lalu keluar", "show this help message and exit"),
        "argparse.error": ("kesalahan", "error"),
        # argparse's usage errors: its English, with {0} and {1} where it puts names.
        "argparse.argument": ("argumen {0}: {1}", "argument {0}: {1}"),
        "argparse.required": (
            "argumen berikut wajib diberikan: {0}",
            "the following arguments are required: {0}",
        ),
        "argparse.unrecognized": ("argumen tidak dikenal: {0}", "unrecognized arguments: {0}"),
        "argparse.invalid_choice": (
            "pilihan tidak valid: {0} (pilih salah satu dari {1})",
            "invalid choice: {0} (choose from {1})",
        ),
        "argparse.invalid_value": ("nilai {0} tidak valid: {1}", "invalid {0} value: {1}"),
        "argparse.expected_one": ("perlu satu nilai", "expected one argument"),
        "argparse.ambiguous": (
            "opsi ambigu: {0} dapat berarti {1}",
            "ambiguous option: {0} could match {1}",
        ),
        "argparse.ignored": ("nilai diabaikan: {0}", "ignored explicit argument {0}"),
    }
)
"""Every help text of the command line, by key: its (Indonesian, English) text."""

ARGPARSE_ERRORS: Final = (
    "argparse.argument",
    "argparse.required",
    "argparse.unrecognized",
    "argparse.invalid_choice",
    "argparse.invalid_value",
    "argparse.expected_one",
    "argparse.ambiguous",
    "argparse.ignored",
)
"""The keys of `HELP` that are argparse's usage errors, tried in this order."""
