"""Shared cases of the SIASN tests: the sample, its result, its appraiser, and helpers."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import attrs
import pytest

from penilaian import ExpectationLevel, Permen6Regime, load_sample, load_sample_unit
from penilaian.exceptions import InvalidInputError
from penilaian.io.siasn import SiasnAppraiser, annual_record

if TYPE_CHECKING:
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
