"""The command line's help texts: Indonesian by default, English with ``--lang en``."""

from __future__ import annotations

import argparse
import io
import re

import pytest

from penilaian import load_sample
from penilaian.cli._help import ARGPARSE_ERRORS, HELP
from penilaian.cli._main import _COMMANDS, EXIT_OK, EXIT_USAGE, main
from penilaian.cli._parser import build_parser, translated
from penilaian.serialization import dumps

# One phrase of each command's help, written out here (not read from the table), in
# Indonesian and in English.
PHRASES = {
    None: ("Penilaian kinerja ASN yang eksak", "Exact, explainable performance appraisal"),
    "demo": ("rezim yang jejak perhitungannya ditampilkan", "the regime whose trace to show"),
    "score": ("predikat setiap penilaian dalam berkas", "the appraisals of a file"),
    "validate": ("menyebut catatan setiap hasil", "say each result's notes"),
    "schema": ("JSON Schema dokumen penilaian", "JSON Schema of an appraisal"),
    "explain": ("perhitungan predikat satu pegawai", "employee's trace"),
    "curve": ("sertakan usulan kalibrasi", "also propose a calibration"),
    "completeness": ("dalam satu siklus yang masih kurang apa", "in a cycle still lacks"),
    "template": ("isi dengan sepuluh penilaian unit contoh", "the sample unit's ten appraisals"),
    "report": ("tanpa rencana pengembangan kompetensi", "leave the development plan out"),
    "simulate": ("benih yang sama memberi tenaga kerja yang sama", "the same seed gives"),
    "serve": ("badan permintaan terbesar, dalam bita", "largest request body, in bytes"),
}
# argparse's own words, in each language.
FIXED = {
    "id": ("penggunaan: penilaian", "opsi:", "tampilkan bantuan ini lalu keluar"),
    "en": ("usage: penilaian", "options:", "show this help message and exit"),
}
# Texts the same in both languages: names of values in the usage lines.
SAME = {"metavar.id", "metavar.n", "metavar.token"}


def helped(capsys, *argv):
    """Run ``penilaian *argv``; return its exit code and its help, spaces folded."""
    code = main(list(argv), stdout=io.StringIO(), stderr=io.StringIO())
    return code, " ".join(capsys.readouterr().out.split())


def refused(capsys, *argv):
    """Run ``penilaian *argv``; return its exit code and argparse's message, spaces folded."""
    code = main(list(argv), stdout=io.StringIO(), stderr=io.StringIO())
    return code, " ".join(capsys.readouterr().err.split())


def command_argv(command):
    return [] if command is None else [command]


class TestHelpLanguage:
    """Every command's --help is Indonesian by default and English with --lang en."""

    @pytest.mark.parametrize("command", list(PHRASES))
    def test_indonesian_by_default(self, capsys, command):
        """Without --lang the help, argparse's words included, is Indonesian."""
        code, out = helped(capsys, *command_argv(command), "--help")
        indonesian, english = PHRASES[command]
        assert code == EXIT_OK
        assert indonesian in out
        assert english not in out
        assert all(word in out for word in FIXED["id"])
        assert "usage:" not in out
        assert "show this help" not in out

    @pytest.mark.parametrize("command", list(PHRASES))
    @pytest.mark.parametrize("order", ["lang first", "help first"])
    def test_english_on_request(self, capsys, command, order):
        """--lang en --help and --help --lang en both give the English help."""
        options = (
            ["--lang", "en", "--help"] if order == "lang first" else ["--help", "--lang", "en"]
        )
        code, out = helped(capsys, *command_argv(command), *options)
        indonesian, english = PHRASES[command]
        assert code == EXIT_OK
        assert english in out
        assert indonesian not in out
        assert all(word in out for word in FIXED["en"])

    @pytest.mark.parametrize("command", [name for name in PHRASES if name is not None])
    def test_no_english_text_in_the_indonesian_help(self, capsys, command):
        """No English help text of the table shows in an Indonesian help."""
        _, out = helped(capsys, command, "--help", "--lang", "id")
        english = {
            key: text
            for key, text in HELP.in_language("en").items()
            if key not in SAME and not key.startswith("argparse.") and len(text) > 8
        }
        leaked = [
            key for key, text in english.items() if re.split(r"\{|%\(", text)[0].strip() in out
        ]
        assert leaked == []

    def test_lang_before_the_command_reaches_it(self, capsys, tmp_path):
        """--lang before the command sets the language of the command's messages too."""
        path = tmp_path / "one.json"
        path.write_text(dumps(load_sample()), encoding="utf-8")
        for argv, said in [
            (["--lang", "en", "validate", str(path)], "valid appraisal"),
            (["validate", str(path)], "1 penilaian valid"),
            (["--lang", "en", "validate", str(path), "--lang", "id"], "1 penilaian valid"),
        ]:
            err = io.StringIO()
            main(argv, stdout=io.StringIO(), stderr=err)
            assert said in err.getvalue()


class TestUsageErrors:
    """argparse's usage errors are said in the --lang asked for, and still exit 2."""

    @pytest.mark.parametrize(
        ("argv", "indonesian", "english"),
        [
            (["demo", "--regime", "x"], "argumen --regime: pilihan tidak valid: 'x' (pilih",
             "argument --regime: invalid choice: 'x' (choose"),
            (["score"], "argumen berikut wajib diberikan: BERKAS",
             "the following arguments are required: FILE"),
            ([], "argumen berikut wajib diberikan: PERINTAH",
             "the following arguments are required: COMMAND"),
            (["frobnicate"], "argumen PERINTAH: pilihan tidak valid: 'frobnicate'",
             "argument COMMAND: invalid choice: 'frobnicate'"),
            (["schema", "--bogus"], "argumen tidak dikenal: --bogus",
             "unrecognized arguments: --bogus"),
            (["curve", "f", "--max-steps", "x"], "argumen --max-steps: nilai int tidak valid: 'x'",
             "argument --max-steps: invalid int value: 'x'"),
            (["score", "f", "--regime"], "argumen --regime: perlu satu nilai",
             "argument --regime: expected one argument"),
            (["report", "f", "--uni"], "opsi ambigu: --uni dapat berarti --unit, --unit-id",
             "ambiguous option: --uni could match --unit, --unit-id"),
            (["score", "f", "--json=1"], "argumen --json: nilai diabaikan: '1'",
             "argument --json: ignored explicit argument '1'"),
            (["simulate", "--changes", "-1"],
             "argumen --changes: harus 0 atau lebih (diberikan -1)",
             "argument --changes: must be 0 or more (got -1)"),
        ],
    )  # fmt: skip
    def test_in_both_languages(self, capsys, argv, indonesian, english):
        """Each error is Indonesian by default and argparse's English with --lang en."""
        code, said = refused(capsys, *argv)
        assert code == EXIT_USAGE
        assert ": kesalahan: " in said
        assert indonesian in said
        assert said.startswith("penggunaan: ")
        code, said = refused(capsys, *argv, "--lang", "en")
        assert code == EXIT_USAGE
        assert ": error: " in said
        assert english in said
        assert said.startswith("usage: ")

    def test_bad_lang_is_said_in_indonesian(self, capsys):
        """An unknown --lang is refused in the default language."""
        code, said = refused(capsys, "demo", "--lang", "fr")
        assert code == EXIT_USAGE
        assert "argumen --lang: pilihan tidak valid: 'fr'" in said

    def test_an_unknown_message_is_kept(self):
        """A message argparse's English templates do not match is returned as it is."""
        assert translated("something else entirely", "id") == "something else entirely"
        assert translated("argument --x: a reason", "id") == "argumen --x: a reason"
        assert translated("unrecognized arguments: a b", "en") == "unrecognized arguments: a b"


def _parsers(parser, name="penilaian"):
    """Every parser of the command line (the program's and each command's), by name."""
    found = {name: parser}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for command, sub in action.choices.items():
                found |= _parsers(sub, f"{name} {command}")
    return found


def _matches(text, texts):
    """Whether *text* is one of the table's *texts*, ``{name}`` fields filled in."""
    patterns = [re.escape(t).replace(r"\{", "{").replace(r"\}", "}") for t in texts]
    return any(re.fullmatch(re.sub(r"\{\w+\}", ".+", p), text) for p in patterns)


class TestTable:
    """Every help text is in the table, in both languages."""

    def test_both_languages(self):
        """Each key has an Indonesian and an English text, and they differ."""
        indonesian, english = HELP.in_language("id"), HELP.in_language("en")
        assert set(indonesian) == set(english)
        assert all(indonesian[key].strip() and english[key].strip() for key in indonesian)
        same = {key for key in indonesian if indonesian[key] == english[key]}
        assert same == SAME

    def test_no_percent_sign(self):
        """No text holds a literal % (argparse formats help texts with %)."""
        texts = [text for pair in HELP.phrases.values() for text in pair]
        assert [text for text in texts if "%" in text.replace("%(default)s", "")] == []

    def test_argparse_templates_have_their_fields(self):
        """Each usage-error template keeps argparse's fields in both languages."""
        for key in ARGPARSE_ERRORS:
            indonesian, english = HELP.phrases[key]
            assert sorted(re.findall(r"\{\d\}", indonesian)) == sorted(
                re.findall(r"\{\d\}", english)
            )

    @pytest.mark.parametrize("lang", ["id", "en"])
    def test_every_command_is_built(self, lang):
        """The parser has every command the command line runs."""
        names = {name.removeprefix("penilaian ") for name in _parsers(build_parser(lang))}
        assert names - {"penilaian"} == set(_COMMANDS)

    @pytest.mark.parametrize("lang", ["id", "en"])
    def test_every_option_has_a_table_text(self, lang):
        """Each option of each parser, and each command, has its help from the table."""
        texts = set(HELP.in_language(lang).values())
        missing = []
        for name, parser in _parsers(build_parser(lang)).items():
            descriptions = texts | {t[:1].upper() + t[1:] + "." for t in texts}
            if not _matches(parser.description or "", descriptions):
                missing.append(f"{name}: description {parser.description!r}")
            for action in parser._actions:
                shown = [action]
                if isinstance(action, argparse._SubParsersAction):
                    shown += action._choices_actions
                for each in shown:
                    named = each is action  # a command's own line is named by the command
                    where = f"{name} {'/'.join(each.option_strings) or each.dest}"
                    if not each.help or not _matches(each.help, texts):
                        missing.append(f"{where}: help {each.help!r}")
                    if named and isinstance(each.metavar, str) and each.metavar not in texts:
                        missing.append(f"{where}: metavar {each.metavar!r}")
        assert missing == []

    def test_the_walk_can_fail(self):
        """An option without a help text, or with one not in the table, is found."""
        parser = build_parser("id")
        parser.add_argument("--new")
        parser.add_argument("--other", help="an English text")
        texts = set(HELP.in_language("id").values())
        found = [a.dest for a in parser._actions if not a.help or not _matches(a.help, texts)]
        assert found == ["new", "other"]
