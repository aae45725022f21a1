"""Tests for penilaian.io.siasn: the periodic record, and the period as the forms print it."""

from __future__ import annotations

from datetime import date

import attrs
import pytest
from siasn_cases import BUDI, PERIODIC, PNS_ID, RESULT, SAMPLE, problems_of

from penilaian import Grade, Period, Permen6Regime, Result
from penilaian.exceptions import InvalidValueError, MissingValueError, UnsupportedInputError
from penilaian.io.siasn import SIASN_PERIODIC_FIELDS, form_period_label, periodic_record


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
