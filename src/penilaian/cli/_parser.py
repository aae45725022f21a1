"""
The command line's parser, built in one language: `build_parser`.

Every help text comes from `penilaian.cli._help.HELP` in the language asked for
(`penilaian.cli._main` reads ``--lang`` from the command line before parsing, so
``--lang en --help`` and ``--help --lang en`` both give English; Indonesian is the
default).  argparse's own fixed words (``usage:``, the ``options`` and ``positional
arguments`` headings, the ``--help`` option's text, ``error`` and its usage errors)
come from gettext in English; `Parser` writes them from the same table instead,
without touching gettext: the headings and ``usage:`` through its help formatter, the
errors by matching argparse's English message (one it does not know is kept as it is).
"""

from __future__ import annotations

import argparse
import functools
import re
import sys
from typing import TYPE_CHECKING, Any, ClassVar, Final, NoReturn

from penilaian.cli._completeness import FORMATS as COMPLETENESS_FORMATS
from penilaian.cli._help import ARGPARSE_ERRORS, HELP
from penilaian.cli._simulate import add_parser as add_simulate_parser
from penilaian.io.samples import SAMPLES
from penilaian.server.command import add_parser as add_serve_parser

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from penilaian._base.labels import Language

__all__ = ["REPORT_FORMATS", "SCORE_FORMATS", "Parser", "build_parser", "translated"]

SCORE_FORMATS: Final = ("text", "json", "csv", "markdown", "xlsx")
REPORT_FORMATS: Final = ("text", "markdown", "html")

# argparse's own section headings (its gettext English), by their key in HELP.
_HEADINGS: Final = {"options": "argparse.options", "positional arguments": "argparse.positionals"}


class _Formatter(argparse.HelpFormatter):
    """argparse's help formatter, writing ``usage:`` and the headings in `lang`."""

    lang: ClassVar[Language] = "id"

    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[argparse._MutuallyExclusiveGroup],
        prefix: str | None = None,
    ) -> None:
        if prefix is None:  # argparse's own "usage: "; a subcommand's prog passes ""
            prefix = HELP.in_language(self.lang)["argparse.usage"] + ": "
        super().add_usage(usage, actions, groups, prefix)

    def start_section(self, heading: str | None) -> None:
        key = _HEADINGS.get(heading or "")
        super().start_section(HELP.in_language(self.lang)[key] if key else heading)


class _IndonesianFormatter(_Formatter):
    lang = "id"


class _EnglishFormatter(_Formatter):
    lang = "en"


class Parser(argparse.ArgumentParser):
    """
    An argument parser that writes argparse's fixed words in its `lang`.

    Its subcommands' parsers are of its own class (argparse's default), so in its
    language too.  `build_parser` picks the class of the language asked for.
    """

    lang: ClassVar[Language] = "id"
    formatter: ClassVar[type[_Formatter]] = _IndonesianFormatter

    def __init__(self, **kwargs: Any) -> None:  # noqa: ANN401 - argparse's own keywords
        kwargs.setdefault("formatter_class", self.formatter)
        super().__init__(**kwargs)
        for action in self._actions:  # the -h/--help argparse adds, with its English text
            if "--help" in action.option_strings:
                action.help = HELP.in_language(self.lang)["argparse.help"]

    def error(self, message: str) -> NoReturn:
        """Print the usage and the usage error in `lang`, and exit 2 (wrong usage)."""
        self.print_usage(sys.stderr)
        error = HELP.in_language(self.lang)["argparse.error"]
        self.exit(2, f"{self.prog}: {error}: {translated(message, self.lang)}\n")


class _IndonesianParser(Parser):
    lang = "id"
    formatter = _IndonesianFormatter


class _EnglishParser(Parser):
    lang = "en"
    formatter = _EnglishFormatter


@functools.cache
def _pattern(english: str) -> re.Pattern[str]:
    """The regular expression matching an English template's ``{0}``, ``{1}`` fields."""
    return re.compile(re.sub(r"\\\{\d\\\}", "(.+?)", re.escape(english)), re.DOTALL)


def translated(message: str, lang: Language) -> str:
    """
    Return argparse's usage error *message* in *lang*.

    A message argparse writes in English is matched against the ``argparse.*`` texts
    of `HELP`; one that matches none (an option's own reason) is returned as it is.
    """
    if lang == "en":
        return message
    english, own = HELP.in_language("en"), HELP.in_language(lang)
    for key in ARGPARSE_ERRORS:
        match = _pattern(english[key]).fullmatch(message)
        if match is not None:
            parts = list(match.groups())
            if key == "argparse.argument":  # "argument --x: <a message of its own>"
                parts[1] = translated(parts[1], lang)
            return own[key].format(*parts)
    return message


def _sentence(text: str) -> str:
    """A command's help as its description: a capital letter and a full stop."""
    return text[:1].upper() + text[1:] + "."


def build_parser(lang: Language = "id") -> Parser:
    """Return the ``penilaian`` parser, every help text in *lang*."""
    parser_class: type[Parser] = _EnglishParser if lang == "en" else _IndonesianParser
    words = HELP.in_language(lang)
    parser = parser_class(
        prog="penilaian",
        description=words["penilaian.description"],
        epilog=words["penilaian.epilog"],
    )
    _add_lang(parser, words)  # --lang before the command works too
    commands = parser.add_subparsers(
        dest="command",
        required=True,
        metavar=words["metavar.command"],
        help=words["penilaian.commands"],
    )
    file = words["metavar.file"]
    shared = {
        name: parser_class(add_help=False) for name in ("lang", "source", "scoring", "output")
    }
    _add_lang(shared["lang"], words)
    shared["source"].add_argument("file", metavar=file, help=words["option.file"])
    shared["scoring"].add_argument(
        "--regime", metavar=words["metavar.id"], help=words["option.regime"]
    )
    shared["scoring"].add_argument("--policy", metavar=file, help=words["option.policy"])
    shared["output"].add_argument("--output", "-o", metavar=file, help=words["option.output"])
    _add_commands(commands, shared, words)
    add_simulate_parser(commands, [shared["lang"], shared["output"]], words)
    add_serve_parser(commands, [shared["lang"]], helps=words)
    return parser


def _add_lang(parser: Parser, words: Mapping[str, str]) -> None:
    # SUPPRESS: a subcommand's absent --lang does not overwrite one given before the
    # command; the caller sets "id" when neither is given.
    parser.add_argument(
        "--lang", choices=["id", "en"], default=argparse.SUPPRESS, help=words["option.lang"]
    )


def _command(
    commands: argparse._SubParsersAction[Parser],
    shared: Mapping[str, Parser],
    words: Mapping[str, str],
    name: str,
    parents: Iterable[str],
) -> Parser:
    """Add the command *name*, its help and description from *words*."""
    help_text = words[f"{name}.help"]
    return commands.add_parser(
        name,
        parents=[shared[parent] for parent in parents],
        help=help_text,
        description=_sentence(help_text),
    )


def _add_commands(
    commands: argparse._SubParsersAction[Parser],
    shared: Mapping[str, Parser],
    words: Mapping[str, str],
) -> None:
    """Every command but ``simulate`` and ``serve``, with its options."""
    command = functools.partial(_command, commands, shared, words)
    scored = ["source", "scoring", "lang", "output"]
    demo = command("demo", ["lang"])
    demo.add_argument("--json", action="store_true", help=words["demo.json"])
    demo.add_argument(
        "--regime", choices=sorted(SAMPLES), default="permen6_2022", help=words["demo.regime"]
    )
    score = command("score", scored)
    score.add_argument(
        "--format", choices=SCORE_FORMATS, default="text", help=words["option.format"]
    )
    score.add_argument("--json", action="store_true", help=words["score.json"])
    score.add_argument("--trace", action="store_true", help=words["score.trace"])
    command("validate", ["source", "scoring", "lang"])
    command("schema", ["lang", "output"])
    explain = command("explain", scored)
    explain.add_argument("--appraisal", metavar=words["metavar.id"], help=words["option.appraisal"])
    curve = command("curve", scored)
    curve.add_argument("--propose", action="store_true", help=words["curve.propose"])
    curve.add_argument(
        "--max-steps",
        type=int,
        default=1,
        metavar=words["metavar.n"],
        help=words["curve.max_steps"],
    )
    curve.add_argument(
        "--format", choices=REPORT_FORMATS, default="text", help=words["option.format"]
    )
    cycle = command("completeness", scored)
    cycle.add_argument(
        "--format", choices=COMPLETENESS_FORMATS, default="text", help=words["option.format"]
    )
    template = command("template", ["lang"])
    template.add_argument(
        "--format", choices=["xlsx", "csv"], default="xlsx", help=words["template.format"]
    )
    template.add_argument(
        "--output",
        "-o",
        required=True,
        metavar=words["metavar.file"],
        help=words["template.output"],
    )
    template.add_argument("--example", action="store_true", help=words["template.example"])
    template.add_argument(
        "--headers", choices=["en", "id"], default="en", help=words["template.headers"]
    )
    report = command("report", scored)
    report.add_argument("--appraisal", metavar=words["metavar.id"], help=words["option.appraisal"])
    report.add_argument("--unit", action="store_true", help=words["report.unit"])
    report.add_argument("--unit-id", metavar=words["metavar.id"], help=words["report.unit_id"])
    report.add_argument(
        "--format", choices=REPORT_FORMATS[1:], default="markdown", help=words["report.format"]
    )
    report.add_argument("--no-plan", action="store_true", help=words["report.no_plan"])
