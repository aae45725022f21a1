"""Tests for penilaian.io.siasn: PermenPANRB 6/2022 results in SIASN's record shapes."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from typing import TYPE_CHECKING, Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.strategies import siasn_appraisers, siasn_texts

from penilaian import (
    ExpectationLevel,
    Grade,
    Period,
    Permen6Regime,
    Rater,
    Result,
    load_sample,
    load_sample_unit,
)
from penilaian.exceptions import (
    InvalidInputError,
    InvalidNipError,
    InvalidPeriodError,
    InvalidValueError,
    MissingValueError,
    UnknownLabelError,
    UnsupportedInputError,
)
from penilaian.io.siasn import (
    SIASN_ANNUAL_FIELDS,
    SIASN_DEFAULT_CODES,
    SIASN_PERIODIC_FIELDS,
    SIASN_QUADRANT_CODES,
    SIASN_RATING_CODES,
    SiasnAppraiser,
    SiasnAppraiserStatus,
    SiasnCodes,
    annual_record,
    form_period_label,
    periodic_record,
    write_csv,
    write_json,
)
from penilaian.regimes.permen6_2022 import PERMEN6_2022_MATRIX
from strategies import expectation_levels

if TYPE_CHECKING:
    from pathlib import Path

    from penilaian import Appraisal

SAMPLE = load_sample()
RESULT = Permen6Regime().score(SAMPLE)
UNIT = load_sample_unit()
BUDI = SiasnAppraiser(
    name="Budi Santoso",
    nip="198105102006041003",
    position="Kepala Bidang Pengembangan Kompetensi",
    golongan_id="gol-IVa",
    unit="Bidang Pengembangan Kompetensi, BKPSDM",
)
PNS_ID = "rina-orang-id"
PERIODIC = {"periodik_id": "periodik-triwulan", "koefisien_id": "koefisien-ahli-pertama"}


def problems_of(call: Any, *args: Any, **kwargs: Any) -> list[tuple[str, type[Exception]]]:
    """Return the (path, error type) of each problem that *call* reports."""
    with pytest.raises(InvalidInputError) as caught:
        call(*args, **kwargs)
    return [(problem.path, type(problem.error)) for problem in caught.value.problems]


def rated(work: ExpectationLevel, behaviour: ExpectationLevel) -> Appraisal:
    """Return the sample with the supervisor's two ratings set to *work* and *behaviour*."""
    levels = {"work_results": work.value, "behaviour": behaviour.value}
    ratings = [
        attrs.evolve(rating, level=levels[rating.subject]) if rating.subject in levels else rating
        for rating in SAMPLE.ratings
    ]
    return attrs.evolve(SAMPLE, ratings=ratings)


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


class TestAnnualRecord:
    """The annual SKP 2022 record (/skp22/save)."""

    def test_the_sample_record(self) -> None:
        """Rina's 2024 record: above/meets, Baik; every field."""
        expected = {
            "hasilKinerjaNilai": 1,
            "id": None,
            "kuadranKinerjaNilai": 2,
            "penilaiGolongan": "gol-IVa",
            "penilaiJabatan": "Kepala Bidang Pengembangan Kompetensi",
            "penilaiNama": "Budi Santoso",
            "penilaiNipNrp": "198105102006041003",
            "penilaiUnorNama": "Bidang Pengembangan Kompetensi, BKPSDM",
            "perilakuKerjaNilai": 2,
            "pnsDinilaiOrang": "rina-orang-id",
            "statusPenilai": "ASN",
            "tahun": 2024,
        }
        record = annual_record(SAMPLE, RESULT, pns_id=PNS_ID, appraiser=BUDI)
        assert record == expected
        assert tuple(record) == SIASN_ANNUAL_FIELDS

    def test_the_unit_records(self) -> None:
        """Each of the ten appraisals of the sample unit gets its codes and its appraiser."""
        for appraisal in UNIT.appraisals:
            result = Permen6Regime().score(appraisal)
            appraiser = SiasnAppraiser.from_appraisal(
                appraisal, position="Atasan", golongan_id="g", unit="BKPSDM"
            )
            record = annual_record(
                appraisal, result, pns_id=f"id-{appraisal.employee.id}", appraiser=appraiser
            )
            work = ExpectationLevel(result.ratings["work_results"])
            behaviour = ExpectationLevel(result.ratings["behaviour"])
            supervisor = next(r for r in appraisal.raters if r.role.value == "supervisor")
            assert record["hasilKinerjaNilai"] == SIASN_RATING_CODES[work]
            assert record["perilakuKerjaNilai"] == SIASN_RATING_CODES[behaviour]
            assert record["kuadranKinerjaNilai"] == SIASN_QUADRANT_CODES[result.grade]
            assert record["penilaiNipNrp"] == supervisor.employee_id
            assert record["pnsDinilaiOrang"] == f"id-{appraisal.employee.id}"

    def test_the_leader_is_appraised_by_the_level_above(self) -> None:
        """The unit leader Budi (meets/above, Baik) is appraised by Dewi Lestari."""
        leader = UNIT.appraisals[0]
        appraiser = SiasnAppraiser.from_appraisal(
            leader, position="Kepala BKPSDM", golongan_id="g", unit="u"
        )
        record = annual_record(
            leader, Permen6Regime().score(leader), pns_id="budi", appraiser=appraiser
        )
        expected = (2, 1, 2, "Dewi Lestari", "197603222000031002")
        found = (
            record["hasilKinerjaNilai"],
            record["perilakuKerjaNilai"],
            record["kuadranKinerjaNilai"],
            record["penilaiNama"],
            record["penilaiNipNrp"],
        )
        assert found == expected

    @given(expectation_levels(), expectation_levels())
    def test_codes_follow_the_ratings_and_the_matrix(
        self, work: ExpectationLevel, behaviour: ExpectationLevel
    ) -> None:
        """For every pair of ratings the record carries their codes and their grade's quadrant."""
        appraisal = rated(work, behaviour)
        record = annual_record(
            appraisal, Permen6Regime().score(appraisal), pns_id="x", appraiser=BUDI
        )
        expected = (
            SIASN_RATING_CODES[work],
            SIASN_RATING_CODES[behaviour],
            SIASN_QUADRANT_CODES[PERMEN6_2022_MATRIX[work, behaviour]],
        )
        found = (
            record["hasilKinerjaNilai"],
            record["perilakuKerjaNilai"],
            record["kuadranKinerjaNilai"],
        )
        assert found == expected

    def test_the_poor_cells_have_distinct_quadrants(self) -> None:
        """Above/below is Kurang (4) and below/above Butuh Perbaikan (3), as the matrix says."""
        above, below = ExpectationLevel.ABOVE, ExpectationLevel.BELOW
        found = []
        for work, behaviour in ((above, below), (below, above)):
            appraisal = rated(work, behaviour)
            record = annual_record(
                appraisal, Permen6Regime().score(appraisal), pns_id="x", appraiser=BUDI
            )
            found.append(record["kuadranKinerjaNilai"])
        assert found == [4, 3]

    def test_uses_the_codes_given(self) -> None:
        """Other code tables change the codes, nothing else."""
        codes = SiasnCodes(
            ratings={"above": 3, "meets": 2, "below": 1},
            quadrants={
                "very_good": 5,
                "good": 4,
                "needs_improvement": 3,
                "poor": 2,
                "very_poor": 1,
            },
        )
        record = annual_record(SAMPLE, RESULT, pns_id=PNS_ID, appraiser=BUDI, codes=codes)
        default = annual_record(SAMPLE, RESULT, pns_id=PNS_ID, appraiser=BUDI)
        changed = {key for key in record if record[key] != default[key]}
        assert (record["hasilKinerjaNilai"], record["kuadranKinerjaNilai"]) == (3, 4)
        assert changed == {"hasilKinerjaNilai", "kuadranKinerjaNilai"}

    def test_replaces_a_record_by_its_id(self) -> None:
        """A record id given is written, to replace SIASN's record."""
        record = annual_record(SAMPLE, RESULT, pns_id=PNS_ID, appraiser=BUDI, record_id="skp-id-1")
        assert record["id"] == "skp-id-1"

    def test_the_last_period_is_the_annual_one(self) -> None:
        """A Q4 appraisal (Triwulan IV-Akhir) exports as the year's record with year given."""
        quarter = attrs.evolve(SAMPLE, period=Period.quarter(2024, 4), feedback=())
        result = Permen6Regime().score(quarter)
        record = annual_record(quarter, result, pns_id=PNS_ID, appraiser=BUDI, year=2024)
        assert record["tahun"] == 2024
        assert [("$.appraisal.period", UnsupportedInputError)] == problems_of(
            annual_record, quarter, result, pns_id=PNS_ID, appraiser=BUDI
        )

    @pytest.mark.parametrize(
        ("year", "error"),
        [
            (2023, UnsupportedInputError),
            (True, InvalidValueError),
            ("2024", InvalidValueError),
            (0, InvalidPeriodError),
        ],
    )
    def test_refuses_a_year_that_does_not_hold_the_appraisal(
        self, year: object, error: type[Exception]
    ) -> None:
        """The year must be a calendar year holding the appraisal's period."""
        found = problems_of(annual_record, SAMPLE, RESULT, pns_id=PNS_ID, appraiser=BUDI, year=year)
        assert found == [("$.year", error)]

    def test_refuses_an_incomplete_result_with_its_gaps(self) -> None:
        """A result without a grade is refused, and the message gives its gaps."""
        ratings = [rating for rating in SAMPLE.ratings if rating.subject != "behaviour"]
        appraisal = attrs.evolve(SAMPLE, ratings=ratings)
        result = Permen6Regime().score(appraisal)
        with pytest.raises(InvalidInputError) as caught:
            annual_record(appraisal, result, pns_id=PNS_ID, appraiser=BUDI)
        (problem,) = caught.value.problems
        assert (problem.path, type(problem.error)) == ("$.result.grade", MissingValueError)
        assert "no supervisor rating of behaviour" in problem.message

    def test_refuses_other_regimes(self) -> None:
        """A result of another regime is refused, whatever its grade."""
        other = Result("pp30_2019", SAMPLE.id, grade=Grade.GOOD)
        assert [("$.result.regime", UnsupportedInputError)] == problems_of(
            annual_record, SAMPLE, other, pns_id=PNS_ID, appraiser=BUDI
        )

    def test_refuses_the_result_of_another_appraisal(self) -> None:
        """The result must be of the appraisal given."""
        other = Permen6Regime().score(UNIT.appraisals[0])
        assert [("$.result.appraisal_id", UnsupportedInputError)] == problems_of(
            annual_record, SAMPLE, other, pns_id=PNS_ID, appraiser=BUDI
        )

    def test_refuses_results_without_their_ratings(self) -> None:
        """A hand-made result needs both ratings, as expectation levels, and a 6/2022 grade."""
        bare = Result("permen6_2022", SAMPLE.id, grade=Grade.GOOD)
        odd = Result(
            "permen6_2022",
            SAMPLE.id,
            grade=Grade.FAIR,
            ratings={"work_results": "superb", "behaviour": "meets_expectations"},
        )
        assert problems_of(annual_record, SAMPLE, bare, pns_id=PNS_ID, appraiser=BUDI) == [
            ("$.result.ratings['work_results']", MissingValueError),
            ("$.result.ratings['behaviour']", MissingValueError),
        ]
        assert problems_of(annual_record, SAMPLE, odd, pns_id=PNS_ID, appraiser=BUDI) == [
            ("$.result.ratings['work_results']", UnknownLabelError),
            ("$.result.grade", UnsupportedInputError),
        ]

    def test_refuses_missing_data_all_at_once(self) -> None:
        """Every missing or empty argument is named in one error."""
        found = problems_of(
            annual_record, SAMPLE, RESULT, pns_id=None, appraiser=None, record_id=""
        )
        assert found == [
            ("$.pns_id", MissingValueError),
            ("$.appraiser", MissingValueError),
            ("$.record_id", InvalidValueError),
        ]

    def test_refuses_blank_ids_and_other_appraisers(self) -> None:
        """A blank employee id and an appraiser that is not a SiasnAppraiser are refused."""
        found = problems_of(annual_record, SAMPLE, RESULT, pns_id=" ", appraiser="Budi Santoso")
        assert found == [("$.pns_id", InvalidValueError), ("$.appraiser", UnsupportedInputError)]

    def test_the_trace_does_not_matter(self) -> None:
        """A result scored without a trace gives the same record."""
        untraced = Permen6Regime().score(SAMPLE, trace=False)
        assert annual_record(SAMPLE, untraced, pns_id=PNS_ID, appraiser=BUDI) == annual_record(
            SAMPLE, RESULT, pns_id=PNS_ID, appraiser=BUDI
        )


class TestPeriodicRecord:
    """The periodic record (/kinerjaperiodik/save)."""

    def test_the_fourth_quarter_of_the_sample(self) -> None:
        """Rina's result as Triwulan IV-Akhir 2024: months 10 to 12; every field."""
        expected = {
            "bulanMulaiPenilaian": 10,
            "bulanSelesaiPenilaian": 12,
            "hasilKinerjaNilai": 1,
            "id": None,
            "koefisienId": "koefisien-ahli-pertama",
            "kuadranKinerjaNilai": 2,
            "penilaiGolongan": "gol-IVa",
            "penilaiJabatanNama": "Kepala Bidang Pengembangan Kompetensi",
            "penilaiNama": "Budi Santoso",
            "penilaiNipNrp": "198105102006041003",
            "penilaiUnorNama": "Bidang Pengembangan Kompetensi, BKPSDM",
            "perilakuKerjaNilai": 2,
            "periodikId": "periodik-triwulan",
            "pnsDinilaiId": "rina-orang-id",
            "statusPenilai": "ASN",
            "tahun": 2024,
            "tahunMulaiPenilaian": 2024,
            "tahunSelesaiPenilaian": 2024,
        }
        record = periodic_record(
            SAMPLE,
            RESULT,
            pns_id=PNS_ID,
            appraiser=BUDI,
            period=Period.quarter(2024, 4),
            **PERIODIC,
        )
        assert record == expected
        assert tuple(record) == SIASN_PERIODIC_FIELDS

    @pytest.mark.parametrize(
        ("period", "months"),
        [
            (Period.month(2024, 5), (5, 5)),
            (Period.semester(2024, 2), (7, 12)),
            (Period.quarter(2024, 1), (1, 3)),
            (Period.custom(date(2024, 1, 1), date(2024, 2, 29)), (1, 2)),
        ],
    )
    def test_months_of_the_period(self, period: Period, months: tuple[int, int]) -> None:
        """A month, semester, quarter or whole-month range gives its first and last month."""
        record = periodic_record(
            SAMPLE, RESULT, pns_id=PNS_ID, appraiser=BUDI, period=period, **PERIODIC
        )
        assert (record["bulanMulaiPenilaian"], record["bulanSelesaiPenilaian"]) == months

    def test_the_appraisal_s_own_period_by_default(self) -> None:
        """A quarterly appraisal exports its own quarter."""
        quarter = attrs.evolve(SAMPLE, period=Period.quarter(2024, 4), feedback=())
        record = periodic_record(
            quarter, Permen6Regime().score(quarter), pns_id=PNS_ID, appraiser=BUDI, **PERIODIC
        )
        assert (record["bulanMulaiPenilaian"], record["bulanSelesaiPenilaian"]) == (10, 12)

    @pytest.mark.parametrize(
        ("period", "path"),
        [
            (None, "$.appraisal.period"),
            (Period.year(2024), "$.period"),
            (Period.custom(date(2024, 1, 15), date(2024, 3, 31)), "$.period"),
            (Period.custom(date(2024, 1, 1), date(2024, 3, 30)), "$.period"),
            (Period.custom(date(2024, 12, 1), date(2025, 1, 31)), "$.period"),
            (Period.quarter(2025, 1), "$.period"),
            ("2024-Q4", "$.period"),
        ],
    )
    def test_refuses_periods_siasn_cannot_hold(self, period: object, path: str) -> None:
        """A year, part months, two years, a period outside the appraisal, or text are refused."""
        found = problems_of(
            periodic_record,
            SAMPLE,
            RESULT,
            pns_id=PNS_ID,
            appraiser=BUDI,
            period=period,
            **PERIODIC,
        )
        assert found == [(path, UnsupportedInputError)]

    def test_refuses_missing_reference_ids(self) -> None:
        """The periodik and koefisien reference ids are required, and named when missing."""
        found = problems_of(
            periodic_record,
            SAMPLE,
            RESULT,
            pns_id=PNS_ID,
            appraiser=BUDI,
            period=Period.quarter(2024, 4),
            periodik_id=None,
            koefisien_id="",
        )
        assert found == [
            ("$.periodik_id", MissingValueError),
            ("$.koefisien_id", InvalidValueError),
        ]

    def test_refuses_everything_wrong_at_once(self) -> None:
        """A wrong result, no ids and no appraiser are all reported together."""
        other = Result("pp46_2011", SAMPLE.id, grade=Grade.GOOD)
        found = problems_of(
            periodic_record,
            SAMPLE,
            other,
            pns_id=None,
            appraiser=None,
            periodik_id=None,
            koefisien_id=None,
        )
        assert [path for path, _ in found] == [
            "$.result.regime",
            "$.pns_id",
            "$.appraiser",
            "$.appraisal.period",
            "$.periodik_id",
            "$.koefisien_id",
        ]


class TestFormPeriodLabel:
    """The period as the PermenPANRB 6/2022 forms print it."""

    def test_quarters(self) -> None:
        """TRIWULAN I to III, and IV-AKHIR for the last."""
        found = [form_period_label(Period.quarter(2024, number)) for number in (1, 2, 3, 4)]
        assert found == ["TRIWULAN I", "TRIWULAN II", "TRIWULAN III", "TRIWULAN IV-AKHIR"]

    def test_semesters_and_months(self) -> None:
        """Semesters by Roman numeral, months by Indonesian name."""
        found = [
            form_period_label(Period.semester(2024, 1)),
            form_period_label(Period.semester(2024, 2)),
            form_period_label(Period.month(2024, 8)),
        ]
        assert found == ["SEMESTER I", "SEMESTER II", "AGUSTUS"]

    @pytest.mark.parametrize(
        "period", [Period.year(2024), Period.custom(date(2024, 1, 1), date(2024, 2, 29))]
    )
    def test_refuses_what_the_forms_do_not_name(self, period: Period) -> None:
        """Years and custom ranges have no form label."""
        with pytest.raises(UnsupportedInputError):
            form_period_label(period)


def unit_records() -> list[dict[str, Any]]:
    """The annual records of the sample unit, each appraised by its supervisor."""
    records = []
    for appraisal in UNIT.appraisals:
        appraiser = SiasnAppraiser.from_appraisal(
            appraisal, position="Kepala Bidang", golongan_id="gol-IVa", unit="Bidang Pengembangan"
        )
        result = Permen6Regime().score(appraisal)
        records.append(
            annual_record(appraisal, result, pns_id=appraisal.employee.id, appraiser=appraiser)
        )
    return records


class TestWriters:
    """write_json (one array) and write_csv (a header row, UTF-8)."""

    def test_json_parses_back_to_the_records(self, tmp_path: Path) -> None:
        """The JSON file is one array equal to the records, written as UTF-8."""
        records = unit_records()
        path = tmp_path / "skp22.json"
        write_json(records, path)
        assert json.loads(path.read_bytes().decode("utf-8")) == records

    def test_csv_has_a_header_and_one_row_per_record(self, tmp_path: Path) -> None:
        """The CSV header is SIASN's field names; cells are the values as text, None empty."""
        records = unit_records()
        path = tmp_path / "skp22.csv"
        write_csv(records, str(path))
        with path.open(encoding="utf-8", newline="") as stream:
            rows = list(csv.reader(stream))
        expected = [
            ["" if record[key] is None else str(record[key]) for key in SIASN_ANNUAL_FIELDS]
            for record in records
        ]
        assert rows[0] == list(SIASN_ANNUAL_FIELDS)
        assert rows[1:] == expected

    def test_csv_rows_end_in_crlf_without_a_byte_order_mark(self) -> None:
        """Rows end in CRLF and the text starts with the header."""
        stream = io.StringIO(newline="")
        write_csv([annual_record(SAMPLE, RESULT, pns_id=PNS_ID, appraiser=BUDI)], stream)
        text = stream.getvalue()
        assert text.startswith("hasilKinerjaNilai,id,")
        assert text.count("\r\n") == 2

    @given(st.lists(siasn_appraisers(), min_size=1, max_size=4), siasn_texts())
    def test_any_text_survives_both_writers(
        self, appraisers: list[SiasnAppraiser], pns_id: str
    ) -> None:
        """Names with commas, quotes, newlines and any script come back from JSON and CSV."""
        records = [
            annual_record(SAMPLE, RESULT, pns_id=pns_id, appraiser=person) for person in appraisers
        ]
        as_json, as_csv = io.StringIO(), io.StringIO(newline="")
        write_json(records, as_json)
        write_csv(records, as_csv)
        rows = list(csv.DictReader(io.StringIO(as_csv.getvalue(), newline="")))
        texts = [
            {key: "" if value is None else str(value) for key, value in r.items()} for r in records
        ]
        assert json.loads(as_json.getvalue()) == records
        assert rows == texts

    def test_writing_is_deterministic(self, tmp_path: Path) -> None:
        """The same records give the same bytes, in both formats."""
        first, second = tmp_path / "a", tmp_path / "b"
        for path in (first, second):
            write_json(unit_records(), path.with_suffix(".json"))
            write_csv(unit_records(), path.with_suffix(".csv"))
        for suffix in (".json", ".csv"):
            assert first.with_suffix(suffix).read_bytes() == second.with_suffix(suffix).read_bytes()

    def test_non_ascii_text_is_written_as_utf8(self, tmp_path: Path) -> None:
        """Names are written as UTF-8, not escaped."""
        appraiser = attrs.evolve(BUDI, name="Dra. Ratna Déwi, M.Sï")
        records = [annual_record(SAMPLE, RESULT, pns_id=PNS_ID, appraiser=appraiser)]
        write_json(records, tmp_path / "a.json")
        write_csv(records, tmp_path / "a.csv")
        for name in ("a.json", "a.csv"):
            assert "Dra. Ratna Déwi, M.Sï".encode() in (tmp_path / name).read_bytes()

    def test_json_of_no_records_is_an_empty_array(self) -> None:
        """No records is an empty array."""
        stream = io.StringIO()
        write_json([], stream)
        assert stream.getvalue() == "[]\n"

    def test_csv_of_no_records_needs_its_fields(self) -> None:
        """With no records the header must be given."""
        stream = io.StringIO(newline="")
        write_csv([], stream, fields=SIASN_PERIODIC_FIELDS)
        with pytest.raises(InvalidValueError):
            write_csv([], io.StringIO())
        assert stream.getvalue() == ",".join(SIASN_PERIODIC_FIELDS) + "\r\n"

    def test_csv_refuses_records_of_two_shapes(self) -> None:
        """Annual and periodic records go to separate files."""
        annual = annual_record(SAMPLE, RESULT, pns_id=PNS_ID, appraiser=BUDI)
        periodic = periodic_record(
            SAMPLE,
            RESULT,
            pns_id=PNS_ID,
            appraiser=BUDI,
            period=Period.quarter(2024, 4),
            **PERIODIC,
        )
        assert problems_of(write_csv, [annual, periodic, annual], io.StringIO()) == [
            ("$[1]", InvalidValueError)
        ]

    def test_refuses_values_siasn_cannot_take(self) -> None:
        """Floats, booleans, non-text keys and non-mappings are refused at their paths."""
        records = [{"tahun": 2024.0, "ok": 1}, {"aktif": True}, {1: "x"}, ["tahun", 2024]]
        expected = [
            ("$[0]['tahun']", InvalidValueError),
            ("$[1]['aktif']", InvalidValueError),
            ("$[2][1]", InvalidValueError),
            ("$[3]", InvalidValueError),
        ]
        assert problems_of(write_json, records, io.StringIO()) == expected


class TestRatingsFromTheAppraisal:
    """The ratings exported are the supervisor's, as the regime found them."""

    def test_a_changed_rating_changes_the_record(self) -> None:
        """Lowering the behaviour rating to below gives Kurang's quadrant."""
        ratings = [
            attrs.evolve(rating, level="Di Bawah Ekspektasi")
            if rating.subject == "behaviour"
            else rating
            for rating in SAMPLE.ratings
        ]
        appraisal = attrs.evolve(SAMPLE, ratings=ratings)
        record = annual_record(
            appraisal, Permen6Regime().score(appraisal), pns_id=PNS_ID, appraiser=BUDI
        )
        assert (record["perilakuKerjaNilai"], record["kuadranKinerjaNilai"]) == (3, 4)
