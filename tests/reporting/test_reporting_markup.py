"""Tests for the shared parts of penilaian.reporting: escaping, writers, chart, words, privacy."""

from __future__ import annotations

import re
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st
from reporting_checks import (
    StrictHTMLChecker,
    check_page,
    markdown_cells,
    parse_xml,
    unescape_markdown,
)
from tests.strategies import hostile_texts

import penilaian as p
from penilaian._base.labels import checked_language
from penilaian.exceptions import InvalidValueError
from penilaian.policy import DEFAULT_ANONYMITY
from penilaian.reporting import _html, _markdown
from penilaian.reporting._blocks import (
    Bullets,
    Chart,
    Facts,
    Heading,
    Item,
    Paragraph,
    Run,
    Table,
    runs,
)
from penilaian.reporting._privacy import employee_trace, gap_reason
from penilaian.reporting._svg import Bar, Mark, _label_lines, _step, bar_chart, text_chart
from penilaian.reporting._words import (
    level_label,
    percent_of,
    regime_label,
    subject_label,
    value_label,
)
from penilaian.scoring import Rule

UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]")
SVG = "{http://www.w3.org/2000/svg}"


def cleaned(text: str) -> str:
    """*text* as a report must hold it: forbidden characters replaced by U+FFFD."""
    return UNSAFE.sub("\ufffd", text)


class TestMarkdownEscape:
    """Markdown text is one line, with every character that makes markup escaped."""

    @given(text=st.one_of(hostile_texts(), st.text()))
    def test_escape_is_undone_by_unescaping(self, text):
        """Removing the backslash escapes gives back the text, its whitespace folded."""
        assert re.sub(r"\s+", " ", cleaned(text)) == unescape_markdown(_markdown.escape(text))

    @given(text=st.one_of(hostile_texts(), st.text()))
    def test_escaped_text_makes_no_markup(self, text):
        """No line break, and no unescaped pipe, angle bracket, star, backtick or bracket."""
        escaped = _markdown.escape(text)
        assert "\n" not in escaped
        assert "\r" not in escaped
        unescaped = re.sub(r"\\.", "", escaped)
        assert not set("|<>*`[]&#~\\") & set(unescaped)

    @given(text=hostile_texts())
    def test_a_table_cell_stays_one_cell(self, text):
        """Whatever a cell holds, its row has as many cells as the header."""
        table = Table(("a", "b", "c"), ((text, text, "z"),))
        lines = _markdown.render([table]).splitlines()
        assert [len(markdown_cells(line)) for line in lines] == [3, 3, 3]

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("- item", "\\- item"),
            ("+ item", "\\+ item"),
            ("1. first", "1\\. first"),
            ("12) twelfth", "12\\) twelfth"),
            ("2024 was good", "2024 was good"),
            ("--- rule", "\\--- rule"),
            ("snake_case stays", "snake_case stays"),
            ("_emphasis_ goes", "\\_emphasis\\_ goes"),
            ("<b>x</b> & y", "\\<b\\>x\\</b\\> \\& y"),
        ],
    )
    def test_paragraph_starts(self, text, expected):
        """A paragraph that would open a list or make markup is escaped."""
        assert f"{expected}\n" == _markdown.render([Paragraph(runs(text))])

    def test_runs(self):
        """Strong keeps spaces outside; code is shown as is, or escaped if it holds a backtick."""
        paragraph = Paragraph(
            runs(Run(" bold ", "strong"), Run("a_b <c>", "code"), " ", Run("x`y", "code"), Run(" "))
        )
        assert " **bold** `a_b <c>` x\\`y".strip() + "\n" == _markdown.render([paragraph])

    def test_blocks(self):
        """Headings, facts, tables, nested lists and charts in Markdown."""
        blocks = [
            Heading(2, "Title #1"),
            Facts((("Name", "A | B"),)),
            Table(("x", "n"), (("a", "1"),), frozenset({1})),
            Bullets((Item(runs("top"), (Item(runs("- child")),)),)),
            Chart("<svg/>", ("bar ```", "x"), "Caption"),
        ]
        expected = (
            "## Title \\#1\n\n"
            "- **Name:** A \\| B\n\n"
            "| x | n |\n| --- | ---: |\n| a | 1 |\n\n"
            "- top\n  - \\- child\n\n"
            "**Caption**\n\n````text\nbar ```\nx\n````\n"
        )
        assert expected == _markdown.render(blocks)


class TestHtmlEscape:
    """HTML text and attributes come back as the text given."""

    @given(text=st.one_of(hostile_texts(), st.text()))
    def test_text_round_trips(self, text):
        """An escaped text parses back to itself (XML reads a CR as a line break)."""
        parsed = parse_xml(f"<p>{_html.escape(text)}</p>").text or ""
        expected = cleaned(text).replace("\r\n", "\n").replace("\r", "\n")
        assert expected == parsed

    @given(text=st.one_of(hostile_texts(), st.text()))
    def test_attribute_round_trips(self, text):
        """An escaped attribute parses back to itself (XML reads tabs and breaks as spaces)."""
        parsed = parse_xml(f'<p title="{_html.escape(text)}"/>').get("title")
        expected = re.sub("\r\n|[\t\n\r]", " ", cleaned(text))
        assert expected == parsed

    def test_page_of_every_block(self):
        """A page with every kind of block and tone passes the strict check."""
        blocks = [
            Heading(1, "T"),
            Paragraph(runs(Run("a", "muted"), Run("b", "strong"), Run("c", "code")), "bad"),
            Facts((("k", "v"),)),
            Table(("h",), (("c",), ("d",)), tones=("good", "plain"), compact=True),
            Bullets((Item(runs("x"), (Item(runs("y")),)),), "trace"),
            Chart(bar_chart([Bar("a", 1)], [], title="t", legend=("1", "2", "3")), ("a",), "c"),
        ]
        root = check_page(_html.page("<T>", "en", blocks, "foot & note"))
        assert (
            root.find("{http://www.w3.org/1999/xhtml}head/{http://www.w3.org/1999/xhtml}title").text
            == "<T>"
        )


class TestStrictChecker:
    """The checker used on every page finds what it must."""

    @pytest.mark.parametrize(
        ("page", "problem"),
        [
            ("<html><body></body></html>", "no HTML5 doctype"),
            ("<!DOCTYPE html>\n<html><style></style><p><b></p></b></html>", "stray </p>"),
            ("<!DOCTYPE html>\n<html><style></style><p></html>", "stray </html>"),
            ("<!DOCTYPE html>\n<html><style></style><div>", "unclosed"),
            ("<!DOCTYPE html>\n<html><style></style><p class=x></p></html>", "no quoted value"),
            ('<!DOCTYPE html>\n<html><style></style><p onclick="x"></p></html>', "onclick"),
            ("<!DOCTYPE html>\n<html><style></style><script></script></html>", "forbidden"),
            ('<!DOCTYPE html>\n<html><style></style><img src="a" /></html>', "forbidden"),
            ("<!DOCTYPE html>\n<html><style></style><br></br></html>", "void element"),
            ("<!DOCTYPE html>\n<html><style></style><p/></html>", "not a void"),
            ("<!DOCTYPE html>\n<html><style></style>&nbsp;</html>", "entity &nbsp;"),
            ("<!DOCTYPE html>\n<html><p 'x'></p></html>", "badly written"),
            ("<!DOCTYPE html>\n<html></html>", "0 style elements"),
        ],
    )
    def test_finds_the_problem(self, page, problem):
        """Each broken page gives a problem naming what is wrong."""
        problems = StrictHTMLChecker().check(page)
        assert any(problem in found for found in problems), problems


class TestChart:
    """The SVG bar chart and its text twin."""

    def test_marks_over_separate_bars_are_split(self):
        """A rule over bars 0 and 2 draws two segments, not one across bar 1."""
        svg = bar_chart(
            [Bar("a", 1), Bar("b", 2), Bar("c", 3)],
            [Mark((0, 2), 2, "at_least", "\u2265 2")],
            title="t",
            legend=("x", "y", "z"),
        )
        lines = [
            line for line in parse_xml(svg).iter(f"{SVG}line") if line.get("stroke") == "#1b6e3a"
        ]
        assert [(line.get("x1"), line.get("x2")) for line in lines[:2]] == [
            ("52", "160"),
            ("300", "408"),
        ]

    def test_overlapping_labels_are_moved_apart(self):
        """Two marks at one quota over the same bars get their labels 14 apart."""
        marks = [Mark((0,), 1, "at_most", "one"), Mark((0,), 1, "at_least", "two")]
        svg = parse_xml(bar_chart([Bar("a", 1)], marks, title="t", legend=("x", "y", "z")))
        labels = {text.text: Fraction(text.get("y")) for text in svg.iter(f"{SVG}text")}
        assert labels["two"] - labels["one"] == 14

    def test_scale_steps(self):
        """Ticks step 1, 2, 5, 10... so that at most five steps reach the top."""
        assert [_step(n) for n in (1, 5, 6, 20, 999, 10**6)] == [1, 1, 2, 5, 200, 1000]

    def test_long_labels_wrap(self):
        """A label longer than 14 characters breaks at the space nearest its middle."""
        assert _label_lines("Butuh Perbaikan") == ["Butuh", "Perbaikan"]
        assert _label_lines("Needs improvement") == ["Needs", "improvement"]
        assert _label_lines("Supercalifragilistic") == ["Supercalifragilistic"]

    def test_text_chart_scales_past_40(self):
        """Counts above 40 are scaled to at most 40 blocks, rounded."""
        lines = text_chart([Bar("a", 100), Bar("b", 1), Bar("c", 0)], [])
        assert lines == ("a  " + "\u2588" * 40 + " 100", "b  1", "c  0")


class TestWords:
    """How numbers, labels and languages are written."""

    def test_percentages(self):
        """Whole, finite and non-ending shares of a unit."""
        assert [
            percent_of(7, 10),
            percent_of(1, 8),
            percent_of(1, 3),
        ] == ["70%", "12.5%", "\u2248 33.33%"]

    def test_labels(self):
        """Regimes by their regulation, values by their label, anything else as given."""
        assert regime_label("permen6_2022", "en") == "PermenPANRB 6/2022"
        assert regime_label("custom_regime", "id") == "custom_regime"
        assert value_label("above_expectations", "id") == "Di Atas Ekspektasi"
        assert value_label("outstanding", "id") == "Istimewa"
        assert value_label("without_peer_input", "id") == "without_peer_input"
        assert [
            level_label("meets", "id"),
            level_label("cukup sering", "id"),
        ] == ["Sesuai Ekspektasi", "cukup sering"]

    def test_subjects(self):
        """Subjects are named by their aspect, target or indicator; unknown ones as given."""
        sample = p.load_sample()
        assert subject_label(sample, "behaviour", "en") == "Behaviour rating"
        assert (
            subject_label(sample, "rhk-3", "id")
            == "rhk-3 Tersusunnya modul e-learning orientasi ASN baru"
        )
        assert subject_label(sample, "iki-3.2", "id") == "iki-3.2 Jumlah peserta uji coba modul"
        assert subject_label(sample, "elsewhere", "id") == "elsewhere"

    def test_languages(self):
        """Only id and en are report languages."""
        assert (checked_language("id"), checked_language("en")) == ("id", "en")
        with pytest.raises(InvalidValueError):
            checked_language("EN")


RULE = Rule("weighting.role", "convention", "peran", "role")
ROOT = Rule("root", "convention", "akar", "root")


def trace_of(*inputs: tuple[str, str]) -> p.Step:
    """A root step with one role step under it, with *inputs*."""
    return p.Step(ROOT, "1", children=(p.Step(RULE, "1", inputs),))


class TestPrivacy:
    """The trace and the gap reasons keep the anonymity thresholds."""

    SAMPLE = p.load_sample()

    def test_an_unknown_role_withholds_the_trace(self):
        """A role step naming no known role cannot be judged safe."""
        step = trace_of(("role", "committee"), ("raters", "1"))
        assert employee_trace(step, self.SAMPLE, DEFAULT_ANONYMITY) is None

    def test_an_unknown_count_withholds_the_trace(self):
        """A peer step without its count of raters cannot be judged safe."""
        step = trace_of(("role", "peer"), ("ratings", "4, 5"))
        assert employee_trace(step, self.SAMPLE, DEFAULT_ANONYMITY) is None

    def test_unreadable_weights_count_as_entered(self):
        """Below k, with weights that cannot be read, a rated role is taken to have entered."""
        role = p.Step(RULE, "4", (("role", "peer"), ("status", "rated"), ("raters", "2")))
        weighted = Rule("weighting.roles", "convention", "tertimbang", "weighted")
        step = p.Step(weighted, "4", (("effective_weights", "(missing)"),), children=(role,))
        assert employee_trace(step, self.SAMPLE, DEFAULT_ANONYMITY) is None

    def test_a_small_role_that_did_not_count_is_left_out(self):
        """Two peers below the policy's minimum did not count: their step is dropped."""
        small = p.Step(RULE, "4", (("role", "peer"), ("status", "below_minimum"), ("raters", "2")))
        step = p.Step(ROOT, "1", children=(small,))
        assert employee_trace(step, self.SAMPLE, DEFAULT_ANONYMITY).children == ()

    def test_a_root_role_step_below_k(self):
        """A trace that is itself a small role's step is withheld."""
        step = p.Step(RULE, "4", (("role", "peer"), ("status", "rated"), ("raters", "2")))
        assert employee_trace(step, self.SAMPLE, DEFAULT_ANONYMITY) is None

    def test_self_and_counts_at_k_are_kept(self):
        """Roles whose k is 1 keep their ratings; a role with k raters keeps its count."""
        step = p.Step(
            ROOT,
            "1",
            children=(
                p.Step(RULE, "5", (("role", "self"), ("ratings", "5"))),
                p.Step(RULE, "4", (("role", "peer"), ("raters", "3"), ("ratings", "3, 4, 5"))),
            ),
        )
        shown = employee_trace(step, self.SAMPLE, DEFAULT_ANONYMITY)
        assert shown.children[0].inputs == (("role", "self"), ("ratings", "5"))
        assert shown.children[1].inputs == (("role", "peer"), ("raters", "3"))

    def test_gap_reasons(self):
        """Counts below k are hidden; counts at k, unknown roles and k = 1 roles stay."""
        reason = "lacks peer (2 of 4 needed), subordinate (3 of 4 needed), self (0 of 1 needed)"
        reason += ", committee (1 of 2 needed)"
        expected = (
            "lacks peer (fewer than 3 raters; 4 needed), subordinate (3 of 4 needed), "
            "self (0 of 1 needed), committee (1 of 2 needed)"
        )
        assert expected == gap_reason(reason, DEFAULT_ANONYMITY)
