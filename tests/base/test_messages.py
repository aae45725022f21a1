"""The message catalogue: every template in both languages, errors said in either, never a crash."""

from __future__ import annotations

import importlib
import pickle
import pkgutil
import re
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

import penilaian
from penilaian import Aspect, Grade, Nip, RaterRole
from penilaian._base import messages
from penilaian._base._message_template import entries
from penilaian._base._message_words import NOUNS, WORDS
from penilaian._base.labels import LabelledEnum
from penilaian._base.numbers import to_decimal
from penilaian._base.problems import ProblemList
from penilaian.exceptions import (
    DuplicateIdError,
    InvalidInputError,
    InvalidNipError,
    InvalidNumberError,
    InvalidValueError,
    MissingExtraError,
    MissingValueError,
    OffScaleError,
    PenilaianError,
    Problem,
    UnknownLabelError,
    UnknownStrategyError,
    UnsupportedInputError,
    in_language,
)
from strategies import hostile_texts

PLACEHOLDER = re.compile(r"\{([a-z][a-z0-9_]*)\}")
# English words that an Indonesian text never needs; code names and quoted words aside.
ENGLISH = frozenset(
    [
        "the",
        "a",
        "an",
        "is",
        "are",
        "must",
        "be",
        "not",
        "and",
        "or",
        "of",
        "with",
        "needs",
        "has",
        "have",
        "no",
        "to",
        "from",
        "for",
        "in",
        "on",
        "at",
        "by",
        "only",
        "one",
        "each",
        "every",
        "give",
        "given",
        "got",
        "accepted",
        "expected",
        "missing",
        "should",
    ]
)
CODE = re.compile(r"'[^']*'|\"[^\"]*\"|\{[a-z0-9_]+\}|\S*[_.=()\[\]<>/\\^$*]\S*|\S*[A-Z]\S*")


def _words(text: str) -> set[str]:
    """Return the plain lower-case words of *text*, code names, ids and quotes left out."""
    return set(re.findall(r"[a-z]+(?:-[a-z]+)*", CODE.sub(" ", text)))


def _all_enumerations() -> set[type[LabelledEnum]]:
    for info in pkgutil.walk_packages(penilaian.__path__, "penilaian."):
        if info.name != "penilaian.__main__":
            importlib.import_module(info.name)
    found: set[type[LabelledEnum]] = set()
    todo = [LabelledEnum]
    while todo:
        for sub in todo.pop().__subclasses__():
            found.add(sub)
            todo.append(sub)
    return found


class TestTemplates:
    """Every template has both texts, the same placeholders, and Indonesian words."""

    def test_the_catalogue_is_large(self):
        """The walk below covers hundreds of templates, read from every table."""
        assert len(messages.TEMPLATES) > 450
        assert len({template.english for template in messages.TEMPLATES}) == len(messages.TEMPLATES)

    @pytest.mark.parametrize(
        "template", messages.TEMPLATES, ids=lambda template: template.english[:50]
    )
    def test_both_languages(self, template):
        """Both texts are there, with the same placeholders; the Indonesian one has no English."""
        assert template.english.strip()
        assert template.indonesian.strip()
        assert set(PLACEHOLDER.findall(template.indonesian)) == template.names
        if _words(template.english):
            assert template.indonesian != template.english
        assert _words(template.indonesian) & ENGLISH == set(), template.indonesian

    @pytest.mark.parametrize("kind", sorted(messages.SHAPES))
    def test_shapes_in_both_languages(self, kind):
        """Each error's shape has an Indonesian and an English text, with the same placeholders."""
        indonesian, english = messages.SHAPES[kind]
        assert indonesian.strip()
        assert english.strip()
        assert set(PLACEHOLDER.findall(indonesian)) == set(PLACEHOLDER.findall(english))
        assert _words(indonesian) & ENGLISH == set()

    def test_a_table_block_needs_both_texts(self):
        """A block of a table without its Indonesian line is refused when the table is read."""
        with pytest.raises(TypeError, match="one English and one Indonesian"):
            list(entries("must be text\n\nmust be a tuple\n= harus berupa tuple"))

    def test_continuation_lines_join(self):
        """A line that starts with two spaces continues the text above it."""
        assert list(entries("a long\n  reason\n= alasan\n  panjang")) == [
            ("a long reason", "alasan panjang")
        ]


class TestNouns:
    """Every labelled enumeration has a noun in both languages: no message names a class."""

    @pytest.mark.parametrize("enum", sorted(_all_enumerations(), key=lambda cls: cls.__name__))
    def test_every_enumeration_has_a_noun(self, enum):
        """The noun table names every LabelledEnum declared in the library, in both languages."""
        indonesian, english = NOUNS[enum.__name__]
        assert indonesian.strip()
        assert english.strip()
        assert enum.__name__ not in {indonesian, english}

    def test_words_are_indonesian(self):
        """Each word of the word table has an Indonesian text with no English word."""
        for english, indonesian in WORDS.items():
            assert indonesian.strip()
            assert _words(indonesian) & ENGLISH == set(), english

    def test_an_unknown_class_name_is_marked(self):
        """A class name with no noun shows the mark; a caller's own words are kept."""
        assert messages.noun_in("SomeEnum", "id") == "[EN] SomeEnum"
        assert messages.noun_in("jenis", "id") == "jenis"
        assert messages.noun_in("aspect of berakhlak", "id") == "aspek kerangka berakhlak"
        assert messages.noun_in("aspect of berakhlak", "en") == "aspect of berakhlak"


class TestUnknownLabels:
    """A bad choice says what kind of thing it is and lists the labels, in the user's language."""

    def test_error_lists_labels_in_indonesian(self):
        """Indonesian: the enumeration's noun and its Indonesian labels, never the class name."""
        with pytest.raises(UnknownLabelError) as caught:
            RaterRole.parse("teman", "role")
        text = in_language(caught.value)
        assert text.startswith("role: 'teman' bukan peran penilai yang dikenal; yang diterima: ")
        assert "Pejabat penilai kinerja" in text or "Atasan langsung" in text
        assert "RaterRole" not in text
        assert "supervisor" not in text

    def test_error_lists_labels_in_english(self):
        """English: the noun and the English labels; str() keeps the class and ids."""
        with pytest.raises(UnknownLabelError) as caught:
            Grade.parse("hebat", "grade")
        error = caught.value
        labels = ", ".join(member.label_en for member in Grade)
        assert in_language(error, "en") == (
            f"grade: 'hebat' is not a known grade; accepted: {labels}"
        )
        assert str(error).startswith("grade: 'hebat' is not a known Grade; accepted: ")

    def test_problem_of_a_label_error(self):
        """A problem built from the error reads the same way, at its path."""
        found = ProblemList()
        with pytest.raises(UnknownLabelError) as caught:
            Aspect.parse("warna", "aspect")
        found.add("$.targets[0].indicators[0].aspect", caught.value)
        assert in_language(found[0]) == (
            "bukan aspek target yang dikenal; yang diterima: Kuantitas, Kualitas, Waktu, Biaya "
            "(isian: 'warna') @ $.targets[0].indicators[0].aspect"
        )
        assert in_language(found[0], "en") == (
            "not a known target aspect; accepted: Quantity, Quality, Time, Cost "
            "(got 'warna') @ $.targets[0].indicators[0].aspect"
        )

    def test_spreadsheet_problem_of_a_label_error(self):
        """The spreadsheet's wording (place, value, class, ids) is rendered with labels too."""
        with pytest.raises(UnknownLabelError) as caught:
            Aspect.parse("warna", "aspect")
        message = (
            "indicators, row 4, column C (aspect): 'warna' is not a known Aspect; "
            "accepted: quantity, quality, time, cost"
        )
        problem = Problem("$.indicators[2].aspect", message, caught.value)
        assert in_language(problem) == (
            "indicators, baris 4, kolom C (aspect): 'warna' bukan aspek target yang dikenal; "
            "yang diterima: Kuantitas, Kualitas, Waktu, Biaya @ $.indicators[2].aspect"
        )

    def test_labels_with_commas_are_told_apart(self):
        """English labels that hold a comma are listed with semicolons between them."""
        names = messages.LabelNames("X", ("a", "b"), (("A", "Expert, first"), ("B", "Skill")))
        assert messages.labels_in(names, "en") == "Expert, first; Skill"
        assert messages.labels_in(names, "id") == "A, B"

    def test_without_labels_the_ids_are_listed(self):
        """An error built with no labels (a caller's choices) lists its ids."""
        error = UnknownLabelError("kind", "x", "aggregation", ["mean", "median"])
        assert in_language(error) == (
            "kind: 'x' bukan agregasi yang dikenal; yang diterima: mean, median"
        )

    def test_labels_survive_pickling(self):
        """The labels cross a process with the error, and it reads the same after."""
        with pytest.raises(UnknownLabelError) as caught:
            Grade.parse("hebat", "grade")
        copy = pickle.loads(pickle.dumps(caught.value))  # noqa: S301 - our own bytes
        assert copy.labels == caught.value.labels
        assert in_language(copy) == in_language(caught.value)


class TestErrors:
    """Each error is said in Indonesian by its shape; in English it reads as its str()."""

    def test_value_error(self):
        """A reason with a template: the field and the value are kept, the rest is Indonesian."""
        with pytest.raises(InvalidNumberError) as caught:
            to_decimal("1" * 50, "target")
        assert in_language(caught.value) == (
            "target: ditulis dengan 50 angka sebelum titik desimal; paling banyak 40 yang "
            "diterima (isian: Decimal('11111111111111111111111111111111111111111111111111'))"
        )

    def test_nip_error(self):
        """A NIP error names its group of digits in Indonesian."""
        with pytest.raises(InvalidNipError) as caught:
            Nip.parse("19900101201513")
        assert in_language(caught.value) == (
            "NIP '19900101201513': panjang: terdiri atas 14 angka; NIP terdiri atas 18 angka"
        )

    def test_problems(self):
        """A document's problems: the count, each problem, and how many more were found."""
        error = InvalidInputError(
            [
                Problem("$.a", "must be a non-empty string"),
                Problem.from_error("$.b", MissingValueError("b", None, "is required")),
            ],
            omitted=3,
        )
        assert in_language(error) == (
            "5 masalah:\n"
            "  harus berupa teks yang tidak kosong @ $.a\n"
            "  wajib diisi (isian: None) @ $.b\n"
            "  \u2026 dan 3 masalah lainnya"
        )
        one = InvalidInputError([Problem("$", "is required")], omitted=1)
        assert in_language(one).splitlines() == [
            "2 masalah:",
            "  wajib diisi @ $",
            "  \u2026 dan 1 masalah lainnya",
        ]
        assert in_language(InvalidInputError([Problem("$", "is required")])).startswith(
            "1 masalah:"
        )

    def test_strategy_and_extra(self):
        """An unknown strategy and a missing extra have their own shapes."""
        assert in_language(UnknownStrategyError("x", ["pp46_2011", "generic"])) == (
            "tidak ada strategi penilaian 'x'; yang terdaftar: pp46_2011, generic"
        )
        assert in_language(MissingExtraError("xlsx", "openpyxl")).startswith(
            "fitur ini memerlukan openpyxl, yang belum terpasang; pasang di folder salinan "
            'repositori dengan: pip install ".[xlsx]"'
        )

    def test_a_reason_with_no_template_is_marked(self):
        """A caller's own reason is kept in English after the mark, in Indonesian only."""
        error = OffScaleError("score", 7, "too loud for the room")
        assert in_language(error) == "score: [EN] too loud for the room (isian: 7)"
        assert in_language(error, "en") == str(error)
        assert in_language("too loud", "id") == "[EN] too loud"

    def test_a_composite_reason_renders_piece_by_piece(self):
        """Reasons joined by semicolons render each part, whichever split works."""
        text = "must be text; has 300 characters; at most 200 are taken"
        assert messages.reason_in(text, "id") == (
            "harus berupa teks; berisi 300 karakter; paling banyak 200 yang diterima"
        )

    def test_language_is_checked(self):
        """Only 'id' and 'en' are languages."""
        with pytest.raises(InvalidValueError, match="must be 'id'"):
            in_language(InvalidValueError("a", 1, "is required"), "fr")

    def test_other_errors_fall_back_to_their_text(self):
        """An error class the catalogue has no shape for is rendered through its str()."""

        class CustomError(PenilaianError):
            def __str__(self) -> str:
                return "is required"

        assert in_language(CustomError()) == "wajib diisi"


ERROR_KINDS = (
    InvalidValueError,
    InvalidNumberError,
    OffScaleError,
    DuplicateIdError,
    MissingValueError,
    UnsupportedInputError,
)
values = st.one_of(
    st.none(),
    st.integers(),
    st.integers(min_value=10**5000, max_value=10**5000 + 10),
    st.decimals(allow_nan=True),
    st.text(),
    st.lists(st.integers(), max_size=30),
)
reasons = st.one_of(
    st.text(),
    hostile_texts(),
    st.sampled_from([template.english for template in messages.TEMPLATES]),
    st.builds(
        lambda a, b: f"{a}; {b}",
        st.sampled_from([t.english for t in messages.TEMPLATES]),
        st.text(max_size=20),
    ),
)


class TestNeverRaises:
    """Rendering never raises, whatever the reason and the value, and English stays str()."""

    @given(
        kind=st.sampled_from(ERROR_KINDS),
        field=st.text(),
        value=values,
        reason=reasons,
        lang=st.sampled_from(["id", "en"]),
    )
    def test_value_errors(self, kind, field, value, reason, lang):
        """Any value error renders; in English exactly as its str()."""
        error = kind(field, value, reason)
        text = in_language(error, lang)
        assert isinstance(text, str)
        if lang == "en":
            assert text == str(error)
        else:
            assert text.startswith(f"{field}: ")

    @given(value=values, group=st.text(), reason=reasons)
    def test_nip_errors(self, value, group, reason):
        """A NIP error with any group renders, English as its str()."""
        error = InvalidNipError(value, group, reason)
        assert in_language(error, "en") == str(error)
        assert in_language(error).startswith("NIP ")

    @given(
        field=st.text(),
        value=values,
        enum=st.one_of(st.text(), st.sampled_from(sorted(NOUNS))),
        accepted=st.lists(st.text(), max_size=5),
        lang=st.sampled_from(["id", "en"]),
    )
    def test_label_errors(self, field, value, enum, accepted, lang):
        """An unknown label with any enumeration name and choices renders."""
        error = UnknownLabelError(field, value, enum, accepted)
        problem = Problem.from_error("$.x", error)
        assert isinstance(in_language(error, lang), str)
        assert in_language(problem, lang).endswith(" @ $.x")

    @given(
        messages_=st.lists(reasons, max_size=5),
        omitted=st.integers(0, 200),
        lang=st.sampled_from(["id", "en"]),
    )
    def test_problems(self, messages_, omitted, lang):
        """Any document's problems render, one line each, English as the error's str()."""
        error = InvalidInputError([Problem("$", text) for text in messages_], omitted=omitted)
        text = in_language(error, lang)
        if lang == "en":
            assert text == str(error)
        assert len(text.splitlines()) >= 1 + len(messages_)

    @given(reason=reasons)
    def test_indonesian_marks_what_it_cannot_say(self, reason):
        """In Indonesian a reason is either rendered or marked, never returned bare."""
        text = messages.reason_in(reason, "id")
        if messages.has_template(reason):
            assert not text.startswith(messages.MARK) or reason.startswith(messages.MARK)
        else:
            assert text == messages.MARK + reason


class TestRealErrors:
    """Errors the library raises for real input read in Indonesian with no English left."""

    @pytest.mark.parametrize(
        "build",
        [
            lambda: to_decimal("abc", "target"),
            lambda: to_decimal(Decimal("1e-50"), "target"),
            lambda: Nip.parse("199001012015011000"),
            lambda: Nip.parse("19900101201501100x"),
            lambda: Grade.parse("x", "grade"),
        ],
    )
    def test_no_mark(self, build):
        """Each renders without the mark of an untranslated reason."""
        with pytest.raises(PenilaianError) as caught:
            build()
        assert messages.MARK not in in_language(caught.value)


def _localised_tables():
    """The tables of the modules that raise their reasons in the language asked for."""
    from penilaian.analysis.cascade import _words as cascade  # noqa: PLC0415
    from penilaian.regimes.permen6_2022 import (  # noqa: PLC0415
        credit,
        credit_eligibility,
        credit_thresholds,
        ledger,
    )

    tables = [credit, ledger, credit_thresholds, credit_eligibility]
    return [table._WORDS for table in tables] + [cascade.WORDS]


LOCALISED = [pair for table in _localised_tables() for pair in table.phrases.values()]


class TestAlreadyLocalised:
    """Reasons raised already in Indonesian are recognised, kept, and read back in English."""

    @pytest.mark.parametrize(("indonesian", "english"), LOCALISED, ids=lambda text: text[:40])
    def test_both_ways(self, indonesian, english):
        """The catalogue holds each pair of those tables: no mark, either way."""
        values = dict.fromkeys(PLACEHOLDER.findall(english), "7")
        indonesian, english = indonesian.format(**values), english.format(**values)
        assert messages.reason_in(english, "id") == indonesian
        assert messages.reason_in(indonesian, "id") == indonesian
        assert messages.reason_in(indonesian, "en") == english

    def test_a_credit_error_reads_back(self):
        """An error raised in Indonesian reads in Indonesian, and in English on request."""
        error = InvalidValueError("months", -1, "tidak boleh negatif")
        assert in_language(error) == "months: tidak boleh negatif (isian: -1)"
        assert in_language(error, "en") == "months: must not be negative (got -1)"
