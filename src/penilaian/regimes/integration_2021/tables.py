"""
The data of the 2021 integration: the conversion tables, the semester weights, the rules.

2021 was appraised in two halves: January-June by PP 46/2011 (nilai prestasi kerja,
0-100) and July-December by PP 30/2019 with PermenPANRB 8/2021 (nilai kinerja, 0-120).
SE MenPANRB 3/2021 split the year and SE Kepala BKN 1/SE/I/2022 set how the two are
joined: the first half's value is converted to the PP 30/2019 scale and the halves are
merged.  The text of the conversion table was not retrieved, so the table is data
([LOW]): `INTEGRATION_2021_CONVERSION` (the default) reads the sebutan rows as printed
whole numbers, `INTEGRATION_2021_CONTINUOUS` joins them at shared cut points; a caller
may build another `IntegrationTable`.

>>> [(band.pp46_low, band.pp46_high) for band in INTEGRATION_2021_CONVERSION.bands][-1]
(Fraction(91, 1), Fraction(100, 1))
"""

from __future__ import annotations

import itertools
from fractions import Fraction
from typing import TYPE_CHECKING, Final, cast

import attrs

from penilaian._base.checks import as_tuple, instance_of, non_empty
from penilaian._base.numbers import to_fraction
from penilaian._base.trace import Rule
from penilaian.exceptions import InvalidValueError
from penilaian.model.grades import Grade
from penilaian.policy.weights import Weights

__all__ = [
    "CONVERSION_CAP_RULE",
    "CONVERSION_RULE",
    "INTEGRATION_2021_CONTINUOUS",
    "INTEGRATION_2021_CONVERSION",
    "INTEGRATION_2021_WEIGHTS",
    "INTEGRATION_PREDIKAT_RULE",
    "INTEGRATION_RESULT_RULE",
    "INTEGRATION_ROUNDING_RULE",
    "MERGE_RULE",
    "IntegrationBand",
    "IntegrationTable",
]

_CIRCULAR: Final = "SE Kepala BKN 1/SE/I/2022 (penilaian kinerja PNS tahun 2021)"


def _fraction(value: object, field: attrs.Attribute[Fraction]) -> Fraction:
    return to_fraction(value, field.name)


def _bands(value: object, field: attrs.Attribute[object]) -> tuple[object, ...]:
    return as_tuple(value, field.name)


# As penilaian._base.numbers does: mypy sees typed converters, attrs gets field-aware ones.
if TYPE_CHECKING:

    def _FRACTION(value: object) -> Fraction:  # noqa: N802
        """Attrs converter: any exact number to `Fraction`; errors name the field."""

    def _BANDS(value: object) -> tuple[IntegrationBand, ...]:  # noqa: N802
        """Attrs converter: a list or tuple of rows to a tuple; errors name the field."""

else:
    _FRACTION = attrs.Converter(_fraction, takes_field=True)
    _BANDS = attrs.Converter(_bands, takes_field=True)


@attrs.frozen
class IntegrationBand:
    """
    One row of a conversion table: a PP 46/2011 range and the PP 30/2019 range it becomes.

    Inside its row a value converts linearly: *pp46_low* gives *pp30_low* and
    *pp46_high* gives *pp30_high*, both ends included.

    Attributes:
        grade: The PP 46/2011 sebutan of the row (Buruk ... Sangat Baik).
        pp46_low: The lowest nilai prestasi kerja of the row.
        pp46_high: The highest nilai prestasi kerja of the row.
        pp30_low: The nilai kinerja that *pp46_low* becomes.
        pp30_high: The nilai kinerja that *pp46_high* becomes.

    Raises:
        InvalidValueError: for a low end that is not below its high end, or a grade
            that is not a `penilaian.Grade`; `InvalidNumberError` for a non-number.
    """

    grade: Grade = attrs.field(validator=instance_of(Grade, expected="a penilaian.Grade"))
    pp46_low: Fraction = attrs.field(converter=_FRACTION)
    pp46_high: Fraction = attrs.field(converter=_FRACTION)
    pp30_low: Fraction = attrs.field(converter=_FRACTION)
    pp30_high: Fraction = attrs.field(converter=_FRACTION)

    def __attrs_post_init__(self) -> None:
        for scale in ("pp46", "pp30"):
            low, high = getattr(self, f"{scale}_low"), getattr(self, f"{scale}_high")
            if low >= high:
                reason = f"must be above {scale}_low ({low})"
                raise InvalidValueError(f"{scale}_high", high, reason)


@attrs.frozen
class IntegrationTable:
    """
    A conversion from nilai prestasi kerja (PP 46/2011) to nilai kinerja (PP 30/2019).

    The rows are in increasing order on both scales.  Two neighbouring rows either
    share an edge on both scales (the conversion is continuous there) or leave a gap
    on both (a value between them converts linearly between the two edges), so the
    conversion is strictly increasing and gives one value for every value it covers.

    Attributes:
        id: A stable name, for the trace.
        clause: Where the table comes from, with its confidence.
        bands: The rows, lowest first.

    Raises:
        InvalidValueError: naming ``bands[index]``, for rows out of order, rows that
            overlap, or a gap on one scale only.
    """

    id: str = attrs.field(validator=non_empty)
    clause: str = attrs.field(validator=non_empty)
    bands: tuple[IntegrationBand, ...] = attrs.field(converter=_BANDS)

    @bands.validator
    def _check_bands(
        self, attribute: attrs.Attribute[tuple[IntegrationBand, ...]], value: tuple[object, ...]
    ) -> None:
        if not value:
            raise InvalidValueError(attribute.name, value, "a conversion table needs a row")
        for index, band in enumerate(value):
            if not isinstance(band, IntegrationBand):
                reason = "must be an IntegrationBand"
                raise InvalidValueError(f"{attribute.name}[{index}]", band, reason)
        bands = cast("tuple[IntegrationBand, ...]", value)
        for index, (lower, upper) in enumerate(itertools.pairwise(bands), start=1):
            gap46, gap30 = upper.pp46_low - lower.pp46_high, upper.pp30_low - lower.pp30_high
            if gap46 < 0 or gap30 < 0 or (gap46 == 0) != (gap30 == 0):
                reason = (
                    "must start where the row below ends on both scales, or above it on both "
                    f"(row below ends at {lower.pp46_high} -> {lower.pp30_high})"
                )
                raise InvalidValueError(f"{attribute.name}[{index}]", upper, reason)

    @property
    def lowest(self) -> Fraction:
        """The lowest nilai prestasi kerja the table converts."""
        return self.bands[0].pp46_low

    @property
    def highest(self) -> Fraction:
        """The highest nilai prestasi kerja the table converts (above it: `CONVERSION_CAP_RULE`)."""
        return self.bands[-1].pp46_high

    def segment(self, value: Fraction) -> tuple[Fraction, Fraction, Fraction, Fraction]:
        """
        Return the straight piece *value* lies on: (PP 46 from, PP 46 to, PP 30 from, PP 30 to).

        A value on a row (its edges included) lies on that row; a value between two
        rows lies on the piece joining the lower row's high edge to the upper row's
        low edge.  The caller keeps *value* within `lowest` and `highest`.
        """
        previous: IntegrationBand | None = None
        for band in self.bands:
            if value <= band.pp46_high:
                if value >= band.pp46_low or previous is None:
                    return band.pp46_low, band.pp46_high, band.pp30_low, band.pp30_high
                return previous.pp46_high, band.pp46_low, previous.pp30_high, band.pp30_low
            previous = band
        last = self.bands[-1]
        return last.pp46_low, last.pp46_high, last.pp30_low, last.pp30_high


def _rows(rows: tuple[tuple[Grade, int, int, int, int], ...]) -> tuple[IntegrationBand, ...]:
    return tuple(IntegrationBand(*row) for row in rows)


INTEGRATION_2021_CONVERSION: Final = IntegrationTable(
    id="integration_2021.whole_rows",
    clause=f"{_CIRCULAR}; the table's text not retrieved: whole-number rows, convention [LOW]",
    bands=_rows(
        (
            (Grade.BAD, 0, 50, 0, 49),
            (Grade.POOR, 51, 60, 50, 69),
            (Grade.FAIR, 61, 75, 70, 89),
            (Grade.GOOD, 76, 90, 90, 109),
            (Grade.VERY_GOOD, 91, 100, 110, 120),
        )
    ),
)
"""
The default conversion [LOW]: each PP 46/2011 sebutan row, as printed in whole numbers
(<= 50, 51-60, 61-75, 76-90, 91-100), onto the PP 30/2019 predikat range of the same
rank (< 50, 50-69, 70-89, 90-109, 110-120).  A whole-number value on an edge stays in
its own row (90 -> 109, Baik; 91 -> 110); a value between two rows (90 < x < 91, as a
form with two decimals allows) converts linearly between their edges (90.5 -> 109.5).
"""

INTEGRATION_2021_CONTINUOUS: Final = IntegrationTable(
    id="integration_2021.shared_cuts",
    clause=f"{_CIRCULAR}; the table's text not retrieved: shared cut points, convention [LOW]",
    bands=_rows(
        (
            (Grade.BAD, 0, 50, 0, 50),
            (Grade.POOR, 50, 60, 50, 70),
            (Grade.FAIR, 60, 75, 70, 90),
            (Grade.GOOD, 75, 90, 90, 110),
            (Grade.VERY_GOOD, 90, 100, 110, 120),
        )
    ),
)
"""
The alternative conversion [LOW]: the PP 46/2011 cut points 50, 60, 75, 90 and 100 onto
the PP 30/2019 cut points 50, 70, 90, 110 and 120, one straight piece between each.
At an edge the two readings differ: here 90 (Baik under PP 46/2011) becomes 110, the
lowest value of the PP 30/2019 Sangat Baik band, where the default gives 109.
"""

INTEGRATION_2021_WEIGHTS: Final = Weights(
    {"first_half": Fraction(1, 2), "second_half": Fraction(1, 2)}
)
"""The two halves of 2021 weigh the same (SE MenPANRB 3/2021 as summarised publicly) [MED]."""

CONVERSION_RULE: Final = Rule(
    "integration_2021.conversion",
    f"{_CIRCULAR}: konversi nilai prestasi kerja; table convention [LOW]",
    "Nilai konversi = batas bawah PP 30 + (nilai PP 46 \u2212 batas bawah PP 46) "
    "\u00d7 rentang PP 30 / rentang PP 46",
    "Converted value = PP 30 low + (PP 46 value \u2212 PP 46 low) \u00d7 PP 30 range / PP 46 range",
)
CONVERSION_CAP_RULE: Final = Rule(
    "integration_2021.conversion_cap",
    "PP 30/2019: nilai kinerja at most 120; applied above the table, convention [LOW]",
    "Nilai prestasi kerja di atas tabel: nilai konversi = nilai tertinggi tabel (120)",
    "A PP 46 value above the table converts to the table's highest value (120)",
)
MERGE_RULE: Final = Rule(
    "integration_2021.merge",
    "SE MenPANRB 3/2021; SE Kepala BKN 1/SE/I/2022: integrasi 50 % + 50 % [MED]",
    "Nilai integrasi = bobot semester I \u00d7 nilai konversi "
    "+ bobot semester II \u00d7 nilai kinerja",
    "Integrated value = first-half weight \u00d7 converted value "
    "+ second-half weight \u00d7 second-half value",
)
INTEGRATION_ROUNDING_RULE: Final = Rule(
    "integration_2021.rounding",
    "convention [LOW]: the e-Kinerja forms show two decimal places",
    "Dibulatkan; langkah berikutnya memakai nilai yang dibulatkan",
    "Rounded; later steps use the rounded value",
)
INTEGRATION_PREDIKAT_RULE: Final = Rule(
    "integration_2021.predikat",
    "PP 30/2019 Pasal 41(5); PermenPANRB 8/2021 (Butuh Perbaikan)",
    "Predikat nilai integrasi: 110\u2013120 dengan inovasi Sangat Baik; 90\u2013120 Baik; "
    "70\u201389 Butuh Perbaikan; 50\u201369 Kurang; < 50 Sangat Kurang",
    "Predikat of the integrated value: 110-120 with an innovation very good; 90-120 good; "
    "70-89 needs improvement; 50-69 poor; below 50 very poor",
)
INTEGRATION_RESULT_RULE: Final = Rule(
    "integration_2021.result",
    f"SE MenPANRB 3/2021; {_CIRCULAR}",
    "Penilaian kinerja PNS tahun 2021 (integrasi semester I dan II)",
    "Civil servant performance for 2021 (the two halves integrated)",
)
