"""Tests for penilaian.io.siasn: PermenPANRB 6/2022 results in SIASN's annual record."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given
from siasn_cases import BUDI, PNS_ID, RESULT, SAMPLE, UNIT, problems_of, rated

from penilaian import ExpectationLevel, Grade, Period, Permen6Regime, Result
from penilaian.exceptions import (
    InvalidInputError,
    InvalidPeriodError,
    InvalidValueError,
    MissingValueError,
    UnknownLabelError,
    UnsupportedInputError,
)
from penilaian.io.siasn import (
    SIASN_ANNUAL_FIELDS,
    SIASN_QUADRANT_CODES,
    SIASN_RATING_CODES,
    SiasnAppraiser,
    SiasnCodes,
    annual_record,
)
from penilaian.regimes.permen6_2022 import PERMEN6_2022_MATRIX
from strategies import expectation_levels


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
