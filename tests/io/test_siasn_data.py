"""Tests for the record shapes of penilaian.io.siasn: the code tables and the appraiser."""

from __future__ import annotations

import attrs
import pytest
from siasn_cases import BUDI, PNS_ID, RESULT, SAMPLE

from penilaian import ExpectationLevel, Grade, Rater
from penilaian.exceptions import (
    InvalidNipError,
    InvalidValueError,
    MissingValueError,
    UnknownLabelError,
    UnsupportedInputError,
)
from penilaian.io.siasn import (
    SIASN_DEFAULT_CODES,
    SIASN_QUADRANT_CODES,
    SIASN_RATING_CODES,
    SiasnAppraiser,
    SiasnAppraiserStatus,
    SiasnCodes,
    annual_record,
)
from penilaian.model.grades import GRADE_RANKING
from penilaian.regimes.permen6_2022 import PERMEN6_2022_GRADE_ORDER, PERMEN6_2022_MATRIX


class TestSiasnCodes:
    """The code tables of ratings and quadrants."""

    def test_default_rating_codes(self) -> None:
        """Above 1, meets 2, below 3, as the agency client found [LOW] sends them."""
        expected = {
            ExpectationLevel.ABOVE: 1,
            ExpectationLevel.MEETS: 2,
            ExpectationLevel.BELOW: 3,
        }
        assert dict(SIASN_RATING_CODES) == expected
        assert dict(SIASN_DEFAULT_CODES.ratings) == expected

    def test_default_quadrant_codes(self) -> None:
        """The five PermenPANRB 6/2022 grades from very good 1 to very poor 5."""
        expected = {
            Grade.VERY_GOOD: 1,
            Grade.GOOD: 2,
            Grade.NEEDS_IMPROVEMENT: 3,
            Grade.POOR: 4,
            Grade.VERY_POOR: 5,
        }
        assert dict(SIASN_QUADRANT_CODES) == expected
        assert dict(SIASN_DEFAULT_CODES.quadrants) == expected

    def test_quadrants_are_the_regime_s_grades_ranked_as_everywhere(self) -> None:
        """The quadrants cover the five PermenPANRB 6/2022 grades; a better grade, a lower code."""
        grades = sorted(SIASN_QUADRANT_CODES, key=SIASN_QUADRANT_CODES.__getitem__)
        assert set(grades) == set(PERMEN6_2022_GRADE_ORDER)
        assert [GRADE_RANKING[grade] for grade in grades] == [5, 4, 3, 2, 1]
        assert dict(PERMEN6_2022_GRADE_ORDER) == {grade: GRADE_RANKING[grade] for grade in grades}

    def test_the_client_s_diagonal_agrees_with_the_quadrants(self) -> None:
        """The client sends 1, 2 and 5 for equal ratings: the quadrants of their grades."""
        diagonal = {
            SIASN_RATING_CODES[level]: SIASN_QUADRANT_CODES[PERMEN6_2022_MATRIX[level, level]]
            for level in ExpectationLevel
        }
        assert diagonal == {1: 1, 2: 2, 3: 5}

    def test_accepts_any_spelling(self) -> None:
        """Levels and grades may be given by their Indonesian labels."""
        codes = SiasnCodes(
            ratings={"Di Atas Ekspektasi": 3, "Sesuai Ekspektasi": 2, "Di Bawah Ekspektasi": 1},
            quadrants={
                "Sangat Baik": 5,
                "Baik": 4,
                "Butuh Perbaikan": 3,
                "Kurang/Misconduct": 2,
                "Sangat Kurang": 1,
            },
            source="test",
        )
        assert codes.ratings[ExpectationLevel.ABOVE] == 3
        assert codes.quadrants[Grade.POOR] == 2

    @pytest.mark.parametrize(
        ("ratings", "error"),
        [
            ({"above": 1, "meets": 2}, InvalidValueError),
            ({"above": 1, "meets": 1, "below": 3}, InvalidValueError),
            ({"above": True, "meets": 2, "below": 3}, InvalidValueError),
            ({"above": "1", "meets": 2, "below": 3}, InvalidValueError),
            ({"above": 1, "Di Atas Ekspektasi": 2, "below": 3}, InvalidValueError),
            ({"superb": 1, "meets": 2, "below": 3}, UnknownLabelError),
            ([("above", 1)], InvalidValueError),
        ],
    )
    def test_refuses_bad_rating_tables(self, ratings: object, error: type[Exception]) -> None:
        """A table missing a level, repeating a code or a level, or not whole numbers is refused."""
        with pytest.raises(error):
            SiasnCodes(ratings=ratings)  # type: ignore[arg-type]

    @pytest.mark.parametrize(
        "quadrants",
        [
            {"very_good": 1, "good": 2, "needs_improvement": 3, "poor": 4},
            {
                "very_good": 1,
                "good": 2,
                "needs_improvement": 3,
                "poor": 4,
                "very_poor": 5,
                "fair": 6,
            },
            {"very_good": 1, "good": 2, "needs_improvement": 3, "poor": 4, "very_poor": 4},
        ],
    )
    def test_refuses_bad_quadrant_tables(self, quadrants: dict[str, int]) -> None:
        """Exactly the five PermenPANRB 6/2022 grades, with distinct codes."""
        with pytest.raises(InvalidValueError):
            SiasnCodes(quadrants=quadrants)  # type: ignore[arg-type]


class TestSiasnAppraiser:
    """The appraiser (pejabat penilai) as SIASN records them."""

    def test_from_appraisal_takes_the_supervisor(self) -> None:
        """The sample's supervisor rater gives the name and NIP."""
        found = SiasnAppraiser.from_appraisal(
            SAMPLE, position=BUDI.position, golongan_id="gol-IVa", unit=BUDI.unit
        )
        assert found == BUDI

    def test_from_appraisal_needs_one_supervisor(self) -> None:
        """No supervisor, or two, is refused naming the supervisor."""
        others = [rater for rater in SAMPLE.raters if rater.id != "atasan"]
        none = attrs.evolve(
            SAMPLE,
            raters=others,
            ratings=[rating for rating in SAMPLE.ratings if rating.rater_id != "atasan"],
            feedback=[note for note in SAMPLE.feedback if note.author_id != "atasan"],
        )
        extra = Rater("atasan-b", "supervisor", "196001011985031001", "Ani")
        two = attrs.evolve(SAMPLE, raters=[*SAMPLE.raters, extra])
        options = {"position": "Kepala", "golongan_id": "g", "unit": "u"}
        with pytest.raises(MissingValueError) as missing:
            SiasnAppraiser.from_appraisal(none, **options)
        with pytest.raises(UnsupportedInputError) as doubled:
            SiasnAppraiser.from_appraisal(two, **options)
        assert (missing.value.field, doubled.value.field) == ("supervisor", "supervisor")
        assert doubled.value.value == "atasan, atasan-b"

    def test_from_appraisal_needs_the_supervisor_s_name(self) -> None:
        """A supervisor without a name cannot fill penilaiNama."""
        raters = [
            attrs.evolve(rater, name=None) if rater.id == "atasan" else rater
            for rater in SAMPLE.raters
        ]
        with pytest.raises(MissingValueError) as caught:
            SiasnAppraiser.from_appraisal(
                attrs.evolve(SAMPLE, raters=raters), position="p", golongan_id="g", unit="u"
            )
        assert caught.value.field == "name"

    @pytest.mark.parametrize("field", ["name", "nip", "position", "unit", "golongan_id"])
    def test_a_missing_value_is_named(self, field: str) -> None:
        """None for a required value raises MissingValueError naming the field."""
        with pytest.raises(MissingValueError) as caught:
            attrs.evolve(BUDI, **{field: None})
        assert caught.value.field == field

    @pytest.mark.parametrize("field", ["name", "position", "unit", "golongan_id"])
    def test_empty_text_is_refused(self, field: str) -> None:
        """Blank text is no value."""
        with pytest.raises(InvalidValueError) as caught:
            attrs.evolve(BUDI, **{field: "  "})
        assert caught.value.field == field

    def test_an_asn_nip_must_be_valid(self) -> None:
        """An ASN appraiser's NIP is checked."""
        with pytest.raises(InvalidNipError):
            attrs.evolve(BUDI, nip="198105102006041")

    def test_a_non_asn_appraiser_has_an_nrp_and_maybe_no_golongan(self) -> None:
        """A NON ASN appraiser may have any NRP and no golongan; the record says so."""
        appraiser = SiasnAppraiser(
            status="NON ASN",
            name="Kombes X",
            nip=" 71010123 ",
            position="p",
            golongan_id=None,
            unit="u",
        )
        record = annual_record(SAMPLE, RESULT, pns_id=PNS_ID, appraiser=appraiser)
        assert appraiser.status is SiasnAppraiserStatus.NON_ASN
        expected = ("NON ASN", "71010123", None)
        assert (
            record["statusPenilai"],
            record["penilaiNipNrp"],
            record["penilaiGolongan"],
        ) == expected

    def test_a_nip_with_separators_is_written_as_digits(self) -> None:
        """The NIP as found in data is written to SIASN as its 18 digits."""
        appraiser = attrs.evolve(BUDI, nip="19810510 200604 1 003")
        record = annual_record(SAMPLE, RESULT, pns_id=PNS_ID, appraiser=appraiser)
        assert record["penilaiNipNrp"] == "198105102006041003"
