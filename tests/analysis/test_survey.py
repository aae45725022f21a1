"""Tests for survey.index: the public satisfaction index (IKM) of PermenPANRB 14/2017."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from types import MappingProxyType

import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.strategies import (
    element_subsets,
    satisfaction_answers,
    survey_responses,
    survey_weightings,
)

from penilaian import (
    NumericScale,
    OrdinalScale,
    Renormalise,
    SurveyResponse,
    WeightingPolicy,
    load_sample,
    render_trace,
    satisfaction_index,
)
from penilaian.analysis.survey import (
    PERMEN14_2017_BANDS,
    PERMEN14_2017_FACTOR,
    PERMEN14_2017_WEIGHT,
    SatisfactionAnswer,
    SatisfactionIndex,
    ServiceElement,
    ServiceQuality,
    SurveyWeighting,
    element_nrr,
    ikm_from_nrr,
    ikm_from_totals,
    public_index_from_survey,
)
from penilaian.exceptions import (
    DuplicateIdError,
    InvalidInputError,
    InvalidNumberError,
    InvalidValueError,
    MissingValueError,
    OffScaleError,
    UnknownLabelError,
    UnsupportedInputError,
)
from penilaian.policy import PublicIndex, RoleStatus
from penilaian.scoring import show

NINE = tuple(ServiceElement)
LIKERT = NumericScale("likert-1-5", 1, 5, step=1)


def responses_with_totals(count: int, totals: dict[ServiceElement, int]) -> list[SurveyResponse]:
    """
    *count* respondents answering every element of *totals*, its answers summing to its total.

    Each element's answers are q or q + 1 (q = total // count), the first respondents
    taking the q + 1, so every NRR is exactly total / count.
    """
    rows: list[dict[ServiceElement, int]] = [{} for _ in range(count)]
    for element, total in totals.items():
        whole, extra = divmod(total, count)
        assert 1 <= whole <= 4
        assert whole < 4 or extra == 0
        for index, row in enumerate(rows):
            row[element] = whole + (index < extra)
    return [SurveyResponse(f"r-{index}", row) for index, row in enumerate(rows)]


def responses_with_grand_total(count: int, grand_total: int) -> list[SurveyResponse]:
    """*count* respondents answering all nine elements, all answers summing to *grand_total*."""
    share, extra = divmod(grand_total, len(NINE))
    totals = {element: share + (index < extra) for index, element in enumerate(NINE)}
    return responses_with_totals(count, totals)


def uniform(score: int, count: int = 3) -> list[SurveyResponse]:
    """*count* respondents who give every element *score*."""
    return [SurveyResponse(f"r-{index}", dict.fromkeys(NINE, score)) for index in range(count)]


# -- the scale and the elements ------------------------------------------------------------


class TestServiceElement:
    def test_nine_elements_with_their_labels(self):
        """PermenPANRB 14/2017 (REGULATIONS.md 4.1) names nine elements."""
        assert [element.label_id for element in ServiceElement] == [
            "Persyaratan",
            "Sistem, mekanisme, dan prosedur",
            "Waktu penyelesaian",
            "Biaya/tarif",
            "Produk spesifikasi jenis pelayanan",
            "Kompetensi pelaksana",
            "Perilaku pelaksana",
            "Penanganan pengaduan, saran dan masukan",
            "Sarana dan prasarana",
        ]

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("biaya/tarif", ServiceElement.COST),
            ("Tarif", ServiceElement.COST),
            ("turnaround time", ServiceElement.TURNAROUND_TIME),
            ("sarana/prasarana", ServiceElement.FACILITIES),
            ("Penanganan Pengaduan, Saran, dan Masukan", ServiceElement.COMPLAINTS),
            ("prosedur", ServiceElement.PROCEDURES),
        ],
    )
    def test_parses_labels_and_aliases(self, text, expected):
        """Ids, labels and the spellings of survey templates name an element."""
        assert expected == ServiceElement.parse(text)

    @pytest.mark.parametrize("text", ["U8", "u9", "8", "unsur 1"])
    def test_numbers_are_not_elements(self, text):
        """Templates order elements 8 and 9 differently, so a number names no element."""
        with pytest.raises(UnknownLabelError):
            ServiceElement.parse(text)


class TestSatisfactionAnswer:
    def test_scale_one_to_four(self):
        """The scale runs 1 tidak sesuai, 2 kurang sesuai, 3 sesuai, 4 sangat sesuai (4.2)."""
        assert [(a.score, a.label_id) for a in SatisfactionAnswer] == [
            (1, "Tidak sesuai"),
            (2, "Kurang sesuai"),
            (3, "Sesuai"),
            (4, "Sangat sesuai"),
        ]

    @given(satisfaction_answers())
    def test_of_score_inverts_score(self, answer):
        """An answer's value gives back the answer."""
        assert answer == SatisfactionAnswer.of_score(answer.score)

    def test_puas_spellings(self):
        """The satisfaction spellings of some templates are accepted."""
        assert SatisfactionAnswer.parse("sangat puas") == SatisfactionAnswer.VERY_SATISFACTORY

    @pytest.mark.parametrize(
        ("score", "error"), [(0, OffScaleError), (5, OffScaleError), (True, InvalidNumberError)]
    )
    def test_of_score_refuses_off_scale(self, score, error):
        """Only a whole number 1-4 is an answer."""
        with pytest.raises(error):
            SatisfactionAnswer.of_score(score)


class TestServiceQuality:
    def test_mutu_kinerja_and_perception(self):
        """Each quality has its letter, kinerja label and nilai persepsi (4.4)."""
        assert [(q.mutu, q.label_id, q.label_en, q.perception) for q in ServiceQuality] == [
            ("A", "Sangat Baik", "Very good", 4),
            ("B", "Baik", "Good", 3),
            ("C", "Kurang Baik", "Fair", 2),
            ("D", "Tidak Baik", "Poor", 1),
        ]

    def test_parses_letters(self):
        """The letter and the kinerja label name a quality."""
        assert ServiceQuality.parse("C") == ServiceQuality.C
        assert ServiceQuality.parse("kurang baik") == ServiceQuality.C


class TestSurveyWeighting:
    def test_official_weight_is_printed_0_11(self):
        """The regulation prints 1/9 as 0.11 (4.3)."""
        assert SurveyWeighting.OFFICIAL.weight(9) == PERMEN14_2017_WEIGHT
        assert Fraction(1, 9) == SurveyWeighting.EXACT.weight(9)

    @pytest.mark.parametrize(
        ("count", "official"),
        [(8, "0.13"), (7, "0.14"), (6, "0.17"), (5, "0.2"), (3, "0.33"), (1, "1")],
    )
    def test_official_generalises_as_1_over_k_rounded(self, count, official):
        """For k elements the official weight is 1/k rounded to 2 places, halves up."""
        assert Fraction(official) == SurveyWeighting.OFFICIAL.weight(count)
        assert Fraction(1, count) == SurveyWeighting.EXACT.weight(count)

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("official_0.11", SurveyWeighting.OFFICIAL),
            ("0,11", SurveyWeighting.OFFICIAL),
            ("1/9", SurveyWeighting.EXACT),
            ("exact", SurveyWeighting.EXACT),
        ],
    )
    def test_spellings(self, text, expected):
        """The weighting is named as REGULATIONS.md 4.3 writes it."""
        assert expected == SurveyWeighting.parse(text)


# -- responses --------------------------------------------------------------------------


class TestSurveyResponse:
    def test_keys_by_any_spelling_in_element_order(self):
        """Answers keyed by ids or labels are stored by element, in the elements' order."""
        response = SurveyResponse("r-1", {"Sarana dan prasarana": 2, "cost": 4, "persyaratan": 3})
        expected = [
            (ServiceElement.REQUIREMENTS, 3),
            (ServiceElement.COST, 4),
            (ServiceElement.FACILITIES, 2),
        ]
        assert expected == list(response.answers.items())

    def test_answers_are_read_only(self):
        """The stored answers cannot be changed after the response is built."""
        given_answers = {ServiceElement.COST: 4}
        response = SurveyResponse("r-1", given_answers)
        given_answers[ServiceElement.COST] = 1
        assert isinstance(response.answers, MappingProxyType)
        assert response.answers[ServiceElement.COST] == 4
        with pytest.raises(TypeError):
            response.answers[ServiceElement.COST] = 1  # type: ignore[index]

    def test_equal_whatever_the_key_order(self):
        """Two responses with the same answers are equal and hash alike."""
        first = SurveyResponse("r-1", {"cost": 4, "conduct": 3})
        second = SurveyResponse("r-1", {"Perilaku pelaksana": 3, ServiceElement.COST: 4})
        assert (first, hash(first)) == (second, hash(second))

    def test_labelled_answers(self):
        """An answer reads back as a labelled answer; an unanswered element as None."""
        response = SurveyResponse("r-1", {"cost": SatisfactionAnswer.SATISFACTORY})
        assert response.answers[ServiceElement.COST] == 3
        assert response.answer("Biaya/tarif") == SatisfactionAnswer.SATISFACTORY
        assert response.answer("conduct") is None

    @pytest.mark.parametrize("answer", [0, 5, -1])
    def test_off_scale_answer_names_element_and_respondent(self, answer):
        """An answer outside 1-4 (0 included: missing is never 0) is refused, naming both."""
        with pytest.raises(OffScaleError) as raised:
            SurveyResponse("r-7", {"cost": 3, "conduct": answer})
        assert ("answers['conduct']", answer) == (raised.value.field, raised.value.value)
        assert "respondent 'r-7'" in str(raised.value)

    @pytest.mark.parametrize("answer", [True, 3.0, "3", Decimal(3), Fraction(3), None])
    def test_non_integer_answer(self, answer):
        """A bool, float, text, decimal or None is not an answer."""
        with pytest.raises(InvalidNumberError) as raised:
            SurveyResponse("r-7", {"product": answer})
        assert raised.value.field == "answers['product']"
        assert "respondent 'r-7'" in str(raised.value)

    def test_one_element_twice(self):
        """Two spellings of one element in one response are refused."""
        with pytest.raises(DuplicateIdError, match="respondent 'r-2' answers cost twice"):
            SurveyResponse("r-2", {"cost": 3, "Biaya/tarif": 4})

    def test_unknown_element_names_respondent(self):
        """A key that names no element is refused, naming the respondent."""
        with pytest.raises(UnknownLabelError) as raised:
            SurveyResponse("r-3", {"U4": 3})
        assert raised.value.field == "answers (respondent 'r-3')"

    def test_answers_must_be_a_mapping(self):
        """Answers are a mapping from elements to values."""
        with pytest.raises(InvalidValueError, match="must map service elements"):
            SurveyResponse("r-1", [3, 4])  # type: ignore[arg-type]

    def test_no_answer_at_all(self):
        """A response that answers nothing is refused, not counted."""
        with pytest.raises(MissingValueError, match="'r-1' answered no element"):
            SurveyResponse("r-1", {})

    def test_respondent_id_required(self):
        """A response needs a respondent id."""
        with pytest.raises(InvalidValueError):
            SurveyResponse(" ", {"cost": 3})


# -- the regulation's examples ----------------------------------------------------------

# NRRs to 3 places whose sum is the 32.931 of REGULATIONS.md 4.3.
NRR_32_931 = {
    ServiceElement.REQUIREMENTS: "3.621",
    ServiceElement.PROCEDURES: "3.483",
    ServiceElement.TURNAROUND_TIME: "3.448",
    ServiceElement.COST: "4",
    ServiceElement.PRODUCT: "3.517",
    ServiceElement.COMPETENCE: "3.621",
    ServiceElement.CONDUCT: "3.655",
    ServiceElement.COMPLAINTS: "3.965",
    ServiceElement.FACILITIES: "3.621",
}

# The quarterly table behind the example: 29 respondents; how many answered 1, 2, 3 and 4.
QUARTER_COUNTS = {
    ServiceElement.REQUIREMENTS: (0, 0, 11, 18),
    ServiceElement.PROCEDURES: (0, 0, 15, 14),
    ServiceElement.TURNAROUND_TIME: (0, 2, 12, 15),
    ServiceElement.COST: (0, 0, 0, 29),
    ServiceElement.PRODUCT: (0, 0, 14, 15),
    ServiceElement.COMPETENCE: (0, 0, 11, 18),
    ServiceElement.CONDUCT: (0, 0, 10, 19),
    ServiceElement.FACILITIES: (0, 0, 11, 18),
    ServiceElement.COMPLAINTS: (0, 0, 1, 28),
}


def quarter() -> list[SurveyResponse]:
    """The 29 responses of the quarterly table, answers dealt out from the highest down."""
    rows: list[dict[ServiceElement, int]] = [{} for _ in range(29)]
    for element, counts in QUARTER_COUNTS.items():
        scores = [score for score in (4, 3, 2, 1) for _ in range(counts[score - 1])]
        for row, score in zip(rows, scores, strict=True):
            row[element] = score
    return [SurveyResponse(f"r-{index}", row) for index, row in enumerate(rows)]


@pytest.fixture(name="survey", scope="module")
def _survey():
    """1000 respondents answer 3 or 4, so each NRR is its total / 1000, to 3 places."""
    totals = {element: int(Decimal(nrr) * 1000) for element, nrr in NRR_32_931.items()}
    return responses_with_totals(1000, totals)


class TestOfficialExample:
    """REGULATIONS.md 4.3: Σ NRR = 32.931 gives 90.56 with 0.11 and 91.48 with 1/9."""

    def test_nrrs(self, survey):
        """Each element's NRR is the sum of its answers / its 1000 respondents."""
        result = satisfaction_index(survey)
        assert {element: Fraction(nrr) for element, nrr in NRR_32_931.items()} == {
            part.element: part.nrr for part in result.elements
        }
        assert [part.respondents for part in result.elements] == [1000] * 9
        assert Fraction("32.931") == result.nrr_total

    def test_official_weight_gives_90_56(self, survey):
        """32.931 x 0.11 x 25 = 90.56025, published 90.56, quality A."""
        result = satisfaction_index(survey)
        assert Fraction("90.56025") == result.unit_value
        assert (Decimal("90.56"), ServiceQuality.A) == (result.unit_value_rounded, result.quality)

    def test_exact_weight_gives_91_48(self, survey):
        """32.931 / 9 x 25 = 91.475, rounded half up to 91.48."""
        result = satisfaction_index(survey, weighting="exact")
        assert Fraction("91.475") == result.unit_value
        assert Decimal("91.48") == result.unit_value_rounded

    def test_quarterly_table(self):
        """The 29-respondent table (Σ answers 955, Σ NRR 955/29) gives the same 90.56 and 91.48."""
        survey = quarter()
        official = satisfaction_index(survey)
        exact = satisfaction_index(survey, weighting="exact")
        totals = [105, 101, 100, 116, 102, 105, 106, 115, 105]  # complaints, then facilities
        assert totals == [part.total for part in official.elements]
        assert Fraction(955, 29) == official.nrr_total
        assert Fraction(100, 29) == official.element("waktu penyelesaian").nrr
        assert official.element("turnaround_time").counts == (0, 2, 12, 15)
        assert (Decimal("90.56"), Decimal("91.48")) == (
            official.unit_value_rounded,
            exact.unit_value_rounded,
        )

    def test_official_is_one_percent_lower(self, survey):
        """0.11 instead of 1/9 lowers a nine-element index by exactly 1 % (4.3)."""
        official = satisfaction_index(survey)
        exact = satisfaction_index(survey, weighting="exact")
        assert Fraction(99, 100) * exact.index == official.index


class TestExtremes:
    def test_all_ones_exact(self):
        """Every answer 1 gives exactly 25.00 with 1/9, quality D."""
        result = satisfaction_index(uniform(1), weighting="exact")
        assert (Fraction(1), Decimal("25.00")) == (result.index, result.unit_value_rounded)
        assert result.quality == ServiceQuality.D

    def test_all_ones_official(self):
        """With 0.11 every answer 1 gives 9 x 0.11 x 25 = 24.75, below the scale's 25."""
        result = satisfaction_index(uniform(1))
        assert (Fraction("0.99"), Decimal("24.75")) == (result.index, result.unit_value_rounded)
        assert result.quality == ServiceQuality.D

    def test_all_fours_exact(self):
        """Every answer 4 gives exactly 100.00 with 1/9, quality A."""
        result = satisfaction_index(uniform(4), weighting="exact")
        assert (Fraction(4), Decimal("100.00")) == (result.index, result.unit_value_rounded)
        assert result.quality == ServiceQuality.A

    def test_all_fours_official(self):
        """With 0.11 every answer 4 gives 99.00, not 100: the 1 % the rounding costs."""
        result = satisfaction_index(uniform(4))
        assert (Fraction("3.96"), Decimal("99.00")) == (result.index, result.unit_value_rounded)
        assert result.quality == ServiceQuality.A


# -- the bands --------------------------------------------------------------------------

EDGES = [
    ("64.99", ServiceQuality.D),
    ("65.00", ServiceQuality.C),
    ("76.60", ServiceQuality.C),
    ("76.61", ServiceQuality.B),
    ("88.30", ServiceQuality.B),
    ("88.31", ServiceQuality.A),
]


class TestBands:
    """REGULATIONS.md 4.4: classify the 2-place 25-100 value: <65 D; <=76.60 C; <=88.30 B; A."""

    @pytest.mark.parametrize(("value", "expected"), EDGES)
    def test_table_at_edges(self, value, expected):
        """The band table gives each edge's quality."""
        assert expected == PERMEN14_2017_BANDS.classify(Decimal(value))

    @pytest.mark.parametrize(("value", "expected"), EDGES)
    def test_official_edges_end_to_end(self, value, expected):
        """
        Responses land exactly on each edge under the official weight.

        With 275 respondents answering all nine elements, the unit value is
        Σ answers x 0.11 x 25 / 275 = Σ answers / 100, so answers summing to
        100 x edge land on it exactly.
        """
        result = satisfaction_index(responses_with_grand_total(275, int(Decimal(value) * 100)))
        assert (Fraction(value), Decimal(value)) == (result.unit_value, result.unit_value_rounded)
        assert expected == result.quality

    @pytest.mark.parametrize(("value", "expected"), EDGES)
    def test_exact_edges_end_to_end(self, value, expected):
        """
        Responses land exactly on each edge under the exact weight.

        With 2500 respondents answering all nine elements, the unit value is
        Σ answers x 25 / (9 x 2500) = Σ answers / 900, so each element's answers
        summing to 100 x edge land on it exactly.
        """
        total = int(Decimal(value) * 100)
        survey = responses_with_totals(2500, dict.fromkeys(NINE, total))
        result = satisfaction_index(survey, weighting="exact")
        assert (Fraction(value), Decimal(value)) == (result.unit_value, result.unit_value_rounded)
        assert expected == result.quality

    @pytest.mark.parametrize(
        ("exact", "published", "expected"),
        [
            ("64.995", "65.00", ServiceQuality.C),
            ("76.605", "76.61", ServiceQuality.B),
            ("88.305", "88.31", ServiceQuality.A),
        ],
    )
    def test_halves_round_up_into_the_band_above(self, exact, published, expected):
        """
        A unit value half a hundredth below a band rounds up into it: the band reads the 2 places.

        With 550 respondents the official unit value is Σ answers / 200, so answers
        summing to 200 x value land on the 3-place value exactly.
        """
        result = satisfaction_index(responses_with_grand_total(550, int(Decimal(exact) * 200)))
        assert (Fraction(exact), Decimal(published)) == (
            result.unit_value,
            result.unit_value_rounded,
        )
        assert expected == result.quality

    def test_official_weight_can_lower_the_band(self):
        """An exact 88.50 (A) is 87.62 (B) under the official weight, 1 % lower."""
        survey = responses_with_totals(2500, dict.fromkeys(NINE, 8850))
        exact = satisfaction_index(survey, weighting="exact")
        official = satisfaction_index(survey)
        assert (Decimal("88.50"), ServiceQuality.A) == (exact.unit_value_rounded, exact.quality)
        assert (Decimal("87.62"), ServiceQuality.B) == (
            official.unit_value_rounded,
            official.quality,
        )


# -- missing answers and fewer elements -------------------------------------------------


class TestMissingAnswers:
    def test_unanswered_element_is_not_zero(self):
        """An element left unanswered is averaged over those who answered it, never as 0."""
        survey = [
            SurveyResponse("r-1", dict.fromkeys(NINE, 4)),
            SurveyResponse("r-2", {element: 2 for element in NINE if element.value != "cost"}),
        ]
        result = satisfaction_index(survey, weighting="exact")
        cost = result.element(ServiceElement.COST)
        assert (1, 4, Fraction(4)) == (cost.respondents, cost.total, cost.nrr)
        assert Fraction(3) == result.element("conduct").nrr
        assert result.respondents == 2

    def test_element_nobody_answered(self):
        """A surveyed element no respondent answered is a typed error naming it."""
        survey = [SurveyResponse("r-1", {e: 3 for e in NINE if e is not ServiceElement.COST})]
        with pytest.raises(InvalidInputError) as raised:
            satisfaction_index(survey)
        [problem] = raised.value.problems
        assert problem.path == "$.responses[*].answers.cost"
        assert isinstance(problem.error, MissingValueError)
        assert "no respondent answered cost (Biaya/tarif)" in str(raised.value)

    def test_every_unanswered_element_listed(self):
        """Several unanswered elements give one problem each."""
        survey = [SurveyResponse("r-1", {"cost": 3})]
        with pytest.raises(InvalidInputError) as raised:
            satisfaction_index(survey)
        missing = [problem.path.rsplit(".", 1)[1] for problem in raised.value.problems]
        assert [element.value for element in NINE if element.value != "cost"] == missing


class TestFewerElements:
    def without_cost(self, score: int = 4) -> list[SurveyResponse]:
        return [
            SurveyResponse(f"r-{index}", {e: score for e in NINE if e is not ServiceElement.COST})
            for index in range(2)
        ]

    def test_exact_weight_is_one_over_k(self):
        """With eight elements the exact weight is 1/8, so all 4s still give 100.00."""
        elements = [e for e in NINE if e is not ServiceElement.COST]
        result = satisfaction_index(self.without_cost(), weighting="exact", elements=elements)
        assert (Fraction(1, 8), Decimal("100.00")) == (result.weight, result.unit_value_rounded)
        assert [part.element for part in result.elements] == elements

    def test_official_weight_is_one_over_k_rounded(self):
        """With eight elements the official weight is 0.13 (1/8 rounded), so all 4s give 104.00."""
        elements = [e.label_id for e in NINE if e is not ServiceElement.COST]
        result = satisfaction_index(self.without_cost(), elements=elements)
        assert (Fraction("0.13"), Decimal("104.00")) == (result.weight, result.unit_value_rounded)
        assert result.quality == ServiceQuality.A

    def test_answer_outside_the_elements(self):
        """An answer to an element that is not surveyed is an error, not dropped."""
        survey = [SurveyResponse("r-1", {"cost": 3, "conduct": 4})]
        with pytest.raises(InvalidInputError) as raised:
            satisfaction_index(survey, elements=["conduct"])
        [problem] = raised.value.problems
        assert problem.path == "$.responses[0].answers.cost"
        assert isinstance(problem.error, UnsupportedInputError)
        assert "respondent 'r-1' answers cost" in problem.message

    def test_elements_named_twice(self):
        """An element listed twice is refused."""
        with pytest.raises(DuplicateIdError, match="elements\\[1\\]"):
            satisfaction_index(self.without_cost(), elements=["conduct", "Perilaku pelaksana"])

    def test_no_elements(self):
        """At least one element is surveyed."""
        with pytest.raises(InvalidValueError, match="at least one service element"):
            satisfaction_index(self.without_cost(), elements=[])

    def test_unknown_element(self):
        """An element name that is not one of the nine is refused."""
        with pytest.raises(UnknownLabelError, match="elements\\[0\\]"):
            satisfaction_index(self.without_cost(), elements=["U1"])


class TestBadInput:
    def test_no_responses(self):
        """A survey without responses has no index."""
        with pytest.raises(MissingValueError, match="at least one survey response"):
            satisfaction_index([])

    def test_duplicate_respondent(self):
        """Two responses from one respondent id are refused, naming the id."""
        survey = [*uniform(3, 2), SurveyResponse("r-0", {"cost": 3})]
        with pytest.raises(DuplicateIdError) as raised:
            satisfaction_index(survey)
        assert (raised.value.field, raised.value.value) == ("responses[2].respondent_id", "r-0")

    def test_not_a_response(self):
        """Only SurveyResponse values are read."""
        with pytest.raises(InvalidValueError, match="responses\\[1\\]"):
            satisfaction_index([*uniform(3, 1), {"cost": 3}])  # type: ignore[list-item]

    def test_responses_not_a_list(self):
        """Responses are a list or tuple, not a mapping."""
        with pytest.raises(InvalidValueError, match="must be a list or tuple"):
            satisfaction_index({"r-1": {"cost": 3}})  # type: ignore[arg-type]

    def test_unknown_weighting(self):
        """A weighting that is neither official nor exact is refused."""
        with pytest.raises(UnknownLabelError, match="weighting"):
            satisfaction_index(uniform(3), weighting="1/10")


# -- the trace --------------------------------------------------------------------------


class TestTrace:
    def test_root_is_the_quality(self):
        """The trace's root gives the quality, read from the rounded unit value."""
        result = satisfaction_index(quarter())
        assert result.step is not None
        assert (result.quality.value, "permen14.quality") == (
            result.step.output,
            result.step.rule.id,
        )
        [rounding] = result.step.find("permen14.rounding")
        assert rounding.output == "90.56"

    def test_every_element_and_the_weight(self):
        """The trace holds each element's NRR, in its exact form, and the weight used."""
        result = satisfaction_index(quarter())
        assert result.step is not None
        nrrs = {step.subject: step.output for step in result.step.find("permen14.nrr")}
        assert nrrs["turnaround_time"] == "100/29"
        assert len(NINE) == len(nrrs)
        [weight] = result.step.find("permen14.weight")
        assert weight.output == "0.11"
        assert "PermenPANRB 14/2017 Lampiran" in render_trace(result.step, "en")

    def test_exact_weight_rule(self):
        """The exact weighting is traced under its own rule."""
        result = satisfaction_index(uniform(3), weighting="exact")
        assert result.step is not None
        [weight] = result.step.find("permen14.weight_exact")
        assert weight.output == "1/9"

    def test_no_trace(self):
        """Without a trace no step is built."""
        assert satisfaction_index(uniform(3), trace=False).step is None


# -- the public role --------------------------------------------------------------------


class TestPublicIndex:
    def test_ends_of_the_scale(self):
        """25.00 maps to the scale's minimum and 100.00 to its maximum."""
        lowest = satisfaction_index(uniform(1), weighting="exact")
        highest = satisfaction_index(uniform(4), weighting="exact")
        assert (Fraction(1), Fraction(5)) == (
            lowest.public_value(LIKERT),
            highest.public_value(LIKERT),
        )

    def test_rounded_value_is_mapped(self):
        """The published 90.56 is mapped: 1 + (90.56 - 25) / 75 x 4."""
        result = satisfaction_index(quarter())
        index = result.public_index(LIKERT)
        expected = PublicIndex(
            1 + (Fraction("90.56") - 25) / 75 * 4,
            "likert-1-5",
            29,
            "IKM 90.56 (A, official weighting), PermenPANRB 14/2017",
        )
        assert expected == index

    def test_named_source(self):
        """A caller may name the survey."""
        result = satisfaction_index(uniform(3))
        assert result.public_index(LIKERT, source="IKM 2024 Q3").source == "IKM 2024 Q3"

    def test_step_shows_the_mapping(self):
        """The mapping step shows the rounded unit value and the scale, above the IKM trace."""
        result = satisfaction_index(quarter())
        step = result.public_step(NumericScale("nilai", 0, 100))
        assert step.inputs[0] == ("unit_value", "90.56")
        assert show(Fraction("65.56") * 4 / 3) == step.output
        assert (result.step,) == step.children

    def test_step_without_trace(self):
        """Without the index's trace the mapping step has no children."""
        result = satisfaction_index(uniform(4), weighting="exact", trace=False)
        assert result.public_step(LIKERT).children == ()

    def test_below_25_is_refused(self):
        """The official 24.75 lies off the 25-100 scale, so it is not mapped."""
        with pytest.raises(OffScaleError, match="use weighting='exact'"):
            satisfaction_index(uniform(1)).public_index(LIKERT)

    def test_needs_a_numeric_scale(self):
        """An ordinal scale cannot hold the index."""
        scale = OrdinalScale("levels", ["low", "high"])
        with pytest.raises(InvalidValueError, match="NumericScale"):
            satisfaction_index(uniform(3)).public_index(scale)  # type: ignore[arg-type]

    def test_from_raw_responses(self):
        """Raw responses give the same public index in one call."""
        survey = quarter()
        expected = satisfaction_index(survey, weighting="exact").public_index(LIKERT)
        assert expected == public_index_from_survey(survey, LIKERT, weighting="exact")

    def test_unsurveyed_element(self):
        """Asking for an element that was not surveyed is refused."""
        survey = [SurveyResponse("r-1", {"cost": 3, "conduct": 4})]
        result = satisfaction_index(survey, elements=["cost", "conduct"])
        with pytest.raises(UnsupportedInputError, match="not among the surveyed"):
            result.element("facilities")

    def test_enters_the_appraisal_public_role(self):
        """The index of raw responses stands for the public role in a weighting policy."""
        appraisal = load_sample()
        policy = WeightingPolicy(
            {"supervisor": "2/5", "peer": "3/10", "subordinate": "1/10", "public": "1/5"},
            missing=Renormalise(),
            min_raters={"peer": 3, "subordinate": 3, "public": 3},
        )
        survey = quarter()
        public = public_index_from_survey(survey, LIKERT)
        result = policy.aggregate(appraisal, "collaborative", public=public)
        # Supervisor 3 and peers 3 (mean), no subordinates: renormalised to 4/9, 3/9, 2/9.
        expected = Fraction(4, 9) * 3 + Fraction(3, 9) * 3 + Fraction(2, 9) * public.value
        assert expected == result.value
        part = result.roles[3]
        assert (RoleStatus.PUBLIC_INDEX, 29, public.value) == (part.status, part.raters, part.used)
        assert result.step is not None
        assert "index from IKM 90.56 (A, official" in render_trace(result.step, "en")


# -- the laws ---------------------------------------------------------------------------


@st.composite
def surveys(draw: st.DrawFn) -> tuple[tuple[ServiceElement, ...], list[SurveyResponse]]:
    """Surveyed elements and valid responses to them."""
    elements = draw(element_subsets())
    return elements, draw(survey_responses(elements))


class TestLaws:
    @given(survey_responses(), survey_weightings())
    def test_within_range(self, survey, weighting):
        """The nine-element index lies within 1-4 (exact) or 0.99-3.96 (official)."""
        result = satisfaction_index(survey, weighting=weighting)
        low = Fraction(1) if weighting is SurveyWeighting.EXACT else Fraction("0.99")
        assert low <= result.index <= 4 * low
        assert result.unit_value == result.index * PERMEN14_2017_FACTOR

    @given(surveys(), survey_weightings())
    def test_within_range_of_fewer_elements(self, survey, weighting):
        """With k elements of weight w the index lies within k x w and 4 x k x w."""
        elements, responses = survey
        result = satisfaction_index(responses, weighting=weighting, elements=elements)
        total_weight = len(elements) * result.weight
        assert total_weight <= result.index <= 4 * total_weight

    @given(surveys(), survey_weightings(), st.data())
    def test_monotone(self, survey, weighting, data):
        """Raising one answer raises the index and never lowers the published value or band."""
        elements, responses = survey
        raisable = [
            (index, element)
            for index, response in enumerate(responses)
            for element, score in response.answers.items()
            if score < 4
        ]
        if not raisable:
            return
        index, element = data.draw(st.sampled_from(raisable))
        answers = dict(responses[index].answers)
        answers[element] += 1
        raised = [*responses]
        raised[index] = SurveyResponse(responses[index].respondent_id, answers)
        before = satisfaction_index(responses, weighting=weighting, elements=elements)
        after = satisfaction_index(raised, weighting=weighting, elements=elements)
        assert after.index > before.index
        assert after.unit_value_rounded >= before.unit_value_rounded
        assert after.quality.perception >= before.quality.perception

    @given(surveys(), survey_weightings(), st.randoms(use_true_random=False))
    def test_independent_of_order(self, survey, weighting, random):
        """The order of the responses and of the elements named changes nothing, trace included."""
        elements, responses = survey
        shuffled, named = [*responses], [*elements]
        random.shuffle(shuffled)
        random.shuffle(named)
        expected = satisfaction_index(responses, weighting=weighting, elements=elements)
        assert expected == satisfaction_index(shuffled, weighting=weighting, elements=named)

    @given(survey_responses())
    def test_exact_at_least_official(self, survey):
        """With nine elements, exact 1/9 never gives less than 0.11, and exactly 1 % more."""
        official = satisfaction_index(survey)
        exact = satisfaction_index(survey, weighting="exact")
        assert exact.index >= official.index
        assert exact.unit_value_rounded >= official.unit_value_rounded
        assert official.index == Fraction(99, 100) * exact.index

    @given(surveys())
    def test_official_is_exact_scaled(self, survey):
        """For k elements, official = exact x k x (1/k rounded to 2 places)."""
        elements, responses = survey
        official = satisfaction_index(responses, elements=elements)
        exact = satisfaction_index(responses, weighting="exact", elements=elements)
        assert official.index == exact.index * len(elements) * official.weight

    @given(surveys(), survey_weightings())
    def test_trace_on_and_off_equal(self, survey, weighting):
        """Trace on or off gives identical figures."""
        elements, responses = survey
        traced = satisfaction_index(responses, weighting=weighting, elements=elements)
        plain = satisfaction_index(responses, weighting=weighting, elements=elements, trace=False)
        assert traced.step is not None
        assert plain == SatisfactionIndex(
            traced.elements,
            traced.weighting,
            traced.weight,
            traced.respondents,
            traced.nrr_total,
            traced.index,
            traced.unit_value,
            traced.unit_value_rounded,
            traced.quality,
        )
        assert traced.quality.value == traced.step.output

    @given(survey_responses(), survey_weightings())
    def test_nrr_is_mean_of_answers(self, survey, weighting):
        """Each NRR is the mean of the answers given to its element, absent ones left out."""
        result = satisfaction_index(survey, weighting=weighting)
        for part in result.elements:
            given_answers = [r.answers[part.element] for r in survey if part.element in r.answers]
            assert Fraction(sum(given_answers), len(given_answers)) == part.nrr
            assert part.weighted == part.nrr * part.weight

    @given(survey_responses())
    def test_public_value_on_scale(self, survey):
        """An exact index always maps onto the appraisal scale, preserving order of the ends."""
        result = satisfaction_index(survey, weighting="exact")
        assert 1 <= result.public_value(LIKERT) <= 5


class TestFormulas:
    """The IKM on plain numbers: element_nrr, ikm_from_nrr, ikm_from_totals, as the index uses."""

    def test_the_official_example_from_nrr(self):
        """REGULATIONS.md 4.3: Σ NRR 32.931 gives 90.56 with 0.11 and 91.48 with 1/9."""
        nrr = [Fraction(value) for value in NRR_32_931.values()]
        official = ikm_from_nrr(nrr)
        exact = ikm_from_nrr([str(value) for value in NRR_32_931.values()], weighting="exact")
        assert (official.nrr_total, official.unit_value) == (
            Fraction("32.931"),
            Fraction("90.56025"),
        )
        assert (official.unit_value_rounded, official.quality) == (
            Decimal("90.56"),
            ServiceQuality.A,
        )
        assert (exact.unit_value, exact.unit_value_rounded) == (
            Fraction("91.475"),
            Decimal("91.48"),
        )
        assert official.weight == PERMEN14_2017_WEIGHT

    def test_the_quarterly_table_from_totals(self):
        """The 29-respondent table: each element's total over 29 gives 90.56 and 91.48."""
        totals = [(total, 29) for total in (105, 101, 100, 116, 102, 105, 106, 115, 105)]
        assert ikm_from_totals(totals).unit_value_rounded == Decimal("90.56")
        assert ikm_from_totals(totals, weighting="exact").unit_value_rounded == Decimal("91.48")
        assert element_nrr(100, 29) == Fraction(100, 29)

    def test_fewer_elements_weigh_one_over_k(self):
        """Eight elements: the official weight is 1/8 rounded to 0.13, the exact one 1/8."""
        assert ikm_from_nrr([3] * 8).weight == Fraction(13, 100)
        assert ikm_from_nrr([3] * 8, weighting="exact").weight == Fraction(1, 8)

    @pytest.mark.parametrize(
        ("total", "respondents", "error"),
        [
            (3, 0, InvalidNumberError),
            (2, 3, OffScaleError),
            (13, 3, OffScaleError),
            (3.0, 1, InvalidNumberError),
            (True, 1, InvalidNumberError),
        ],
    )
    def test_element_nrr_refuses_bad_totals(self, total, respondents, error):
        """A total outside respondents..4 x respondents, or not whole, is a typed error."""
        with pytest.raises(error):
            element_nrr(total, respondents)

    @pytest.mark.parametrize(
        ("nrr", "error", "field"),
        [
            ([], MissingValueError, "nrr"),
            ([3] * 10, InvalidValueError, "nrr"),
            ([3, "0.5"], OffScaleError, r"nrr\[1\]"),
            ([3, "4.01"], OffScaleError, r"nrr\[1\]"),
            ([3, "three"], InvalidNumberError, r"nrr\[1\]"),
            ([3, float("nan")], InvalidNumberError, r"nrr\[1\]"),
        ],
    )
    def test_ikm_from_nrr_refuses_bad_input(self, nrr, error, field):
        """No NRR, too many, one off the 1-4 scale or not a number: a typed error naming it."""
        with pytest.raises(error, match=field):
            ikm_from_nrr(nrr)

    def test_bad_pairs_and_weightings_are_refused(self):
        """A total without respondents, or an unknown weighting, is refused."""
        with pytest.raises(InvalidValueError, match=r"totals\[0\]"):
            ikm_from_totals([(3,)])  # type: ignore[list-item]
        with pytest.raises(UnknownLabelError):
            ikm_from_nrr([3], weighting="rounded")

    @given(survey_responses(), survey_weightings())
    def test_the_index_composes_the_formulas(self, responses, weighting):
        """satisfaction_index gives the very figures of ikm_from_totals on its own totals."""
        index = satisfaction_index(responses, weighting=weighting, trace=False)
        value = ikm_from_totals(
            [(part.total, part.respondents) for part in index.elements], weighting=weighting
        )
        assert (
            value.weight,
            value.nrr_total,
            value.index,
            value.unit_value,
            value.unit_value_rounded,
            value.quality,
        ) == (
            index.weight,
            index.nrr_total,
            index.index,
            index.unit_value,
            index.unit_value_rounded,
            index.quality,
        )
        assert [element_nrr(part.total, part.respondents) for part in index.elements] == [
            part.nrr for part in index.elements
        ]
