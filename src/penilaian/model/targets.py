"""
Work targets (RHK), their indicators (IKI), targets and realisations.

An employee's plan (SKP) is a tuple of `WorkTarget`; each has one or more
`Indicator`, measured on one aspect (quantity, quality, time, cost) against a
point, range or qualitative target.  A realisation that has not been reported is
`None`, never 0 (PermenPANRB 8/2021 Lampiran VI.A; PermenPANRB 6/2022 Lampiran).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import TypeAlias

import attrs

from penilaian._base.checks import (
    TUPLE,
    find_by_id,
    identifier,
    instance_of,
    items_of,
    non_empty,
    optional_date,
    optional_identifier,
    optional_text,
    plain_case,
    texts,
    unique_ids,
)
from penilaian._base.labels import LabelledEnum
from penilaian._base.numbers import DECIMAL, OPTIONAL_DECIMAL, ZERO, check_decimal, check_positive
from penilaian.exceptions import InvalidValueError

__all__ = [
    "Aspect",
    "Direction",
    "Indicator",
    "Perspective",
    "PointTarget",
    "QualitativeTarget",
    "RangeTarget",
    "Realisation",
    "Target",
    "TargetKind",
    "WorkTarget",
]


class Aspect(LabelledEnum):
    """The aspect an indicator measures (Perka BKN 1/2013 "Target"; PermenPANRB 8/2021 Bab VI)."""

    QUANTITY = ("quantity", "Kuantitas", "Quantity", "kuantitas output", "output")
    QUALITY = ("quality", "Kualitas", "Quality", "mutu", "kualitas/mutu")
    TIME = ("time", "Waktu", "Time")
    COST = ("cost", "Biaya", "Cost")


class Direction(LabelledEnum):
    """
    Whether more is better (kondisi normal) or less is better (kondisi khusus).

    PermenPANRB 8/2021 Lampiran Bab VI.A: normal achievement is realisation / target;
    for the special condition (time, cost) it is 1 + (1 - realisation / target).
    """

    HIGHER_IS_BETTER = ("higher_is_better", "Kondisi normal", "Higher is better", "normal")
    LOWER_IS_BETTER = ("lower_is_better", "Kondisi khusus", "Lower is better", "khusus")


class TargetKind(LabelledEnum):
    """Main or additional work (kinerja/hasil kerja utama or tambahan)."""

    MAIN = ("main", "Utama", "Main", "kinerja utama", "hasil kerja utama", "tugas jabatan")
    ADDITIONAL = (
        "additional",
        "Tambahan",
        "Additional",
        "kinerja tambahan",
        "hasil kerja tambahan",
        "tugas tambahan",
    )


class Perspective(LabelledEnum):
    """The balanced-scorecard perspective of a JPT work target (PermenPANRB 6/2022, [MED])."""

    SERVICE_RECIPIENTS = (
        "service_recipients",
        "Perspektif Penerima Layanan",
        "Service recipients",
        "penerima layanan",
    )
    BUSINESS_PROCESS = (
        "business_process",
        "Perspektif Proses Bisnis",
        "Business process",
        "proses bisnis",
    )
    INTERNAL_STRENGTHENING = (
        "internal_strengthening",
        "Perspektif Penguatan Internal",
        "Internal strengthening",
        "penguatan internal",
    )
    BUDGET = ("budget", "Perspektif Anggaran", "Budget", "anggaran")


def _aspect(value: Aspect | str) -> Aspect:
    return Aspect.parse(value, "aspect")


plain_case("type(v) is Aspect", Aspect=Aspect)(_aspect)


def _direction(value: Direction | str) -> Direction:
    return Direction.parse(value, "direction")


plain_case("type(v) is Direction", Direction=Direction)(_direction)


def _kind(value: TargetKind | str) -> TargetKind:
    return TargetKind.parse(value, "kind")


plain_case("type(v) is TargetKind", TargetKind=TargetKind)(_kind)


def _perspective(value: Perspective | str | None) -> Perspective | None:
    return None if value is None else Perspective.parse(value, "perspective")


plain_case("v is None or type(v) is Perspective", Perspective=Perspective)(_perspective)


@plain_case("type(v) is Decimal and v > 0")
def _positive(_instance: object, attribute: attrs.Attribute[Decimal], value: Decimal) -> None:
    check_positive(value, attribute.name)


@attrs.frozen
class PointTarget:
    """
    A single numeric target, such as 12 reports or 100 (quality).

    Attributes:
        value: The target; greater than 0, since achievement divides by it.
    """

    value: Decimal = attrs.field(converter=DECIMAL, validator=_positive)

    @property
    def text(self) -> str:
        """The target as written, such as ``12``."""
        return str(self.value)


@attrs.frozen
class RangeTarget:
    """
    A target range such as 80-90 % (PermenPANRB 8/2021 Lampiran Bab VI.A).

    A realisation above the range is compared with *high*, below it with *low*.

    Attributes:
        low: The lower bound; greater than 0.
        high: The upper bound; greater than *low*.
    """

    low: Decimal = attrs.field(converter=DECIMAL, validator=_positive)
    high: Decimal = attrs.field(converter=DECIMAL)

    @high.validator
    def _check_high(self, attribute: attrs.Attribute[Decimal], value: Decimal) -> None:
        if value <= self.low:
            raise InvalidValueError(attribute.name, value, f"must be greater than low ({self.low})")

    @property
    def text(self) -> str:
        """The target as written, such as ``80\u201390``."""
        return f"{self.low}\u2013{self.high}"


@attrs.frozen
class QualitativeTarget:
    """
    A target described in words, judged rather than measured (PermenPANRB 6/2022).

    Attributes:
        description: What is expected, for example "Laporan diterima tanpa revisi".
    """

    description: str = attrs.field(validator=non_empty)

    @property
    def text(self) -> str:
        """The target as written, in quotation marks."""
        return f"\u201c{self.description}\u201d"


Target: TypeAlias = PointTarget | RangeTarget | QualitativeTarget
"""Any of the three kinds of target an indicator may have."""


@plain_case("v is None or (type(v) is Decimal and v >= 0)")
def _non_negative_or_none(
    _instance: object, attribute: attrs.Attribute[Decimal | None], value: Decimal | None
) -> None:
    if value is not None:
        check_decimal(value, attribute.name, minimum=ZERO)


@attrs.frozen
class Realisation:
    """
    What was achieved on an indicator, with its evidence (bukti dukung).

    Attributes:
        value: The measured result, at least 0; `None` for a qualitative target
            reported in words only.
        description: What was delivered, in words.
        evidence: References to supporting evidence (documents, links, file names).
        recorded_on: When it was reported, if known.
    """

    value: Decimal | None = attrs.field(
        default=None, converter=OPTIONAL_DECIMAL, validator=_non_negative_or_none
    )
    description: str | None = attrs.field(default=None, validator=optional_text)
    evidence: tuple[str, ...] = attrs.field(default=(), converter=TUPLE, validator=texts)
    recorded_on: date | None = attrs.field(default=None, validator=optional_date)

    @plain_case("self.value is not None")
    def __attrs_post_init__(self) -> None:
        if self.value is None and not (self.description and self.description.strip()):
            raise InvalidValueError("value", None, "a realisation needs a value or a description")


@attrs.frozen
class Indicator:
    """
    An individual performance indicator (IKI) of a work target.

    Attributes:
        id: Unique within the appraisal.
        description: What is measured, for example "Jumlah laporan yang disusun".
        aspect: Quantity, quality, time or cost.
        target: A point, range or qualitative target.
        direction: Higher or lower is better; time and cost are usually lower.
        unit: The unit of the target and realisation (laporan, bulan, Rp, %).
        realisation: What was achieved; `None` while not reported (never 0).
        target_is_maximum: The target is already the best possible value (such as
            100 % of audits without findings); PermenPANRB 8/2021 then gives 100 %
            achievement the top band.
    """

    id: str = attrs.field(validator=identifier)
    description: str = attrs.field(validator=non_empty)
    aspect: Aspect = attrs.field(converter=_aspect)
    target: Target = attrs.field(
        validator=instance_of(
            PointTarget,
            RangeTarget,
            QualitativeTarget,
            expected="a PointTarget, RangeTarget or QualitativeTarget",
        )
    )
    direction: Direction = attrs.field(default=Direction.HIGHER_IS_BETTER, converter=_direction)
    unit: str | None = attrs.field(default=None, validator=optional_text)
    realisation: Realisation | None = attrs.field(
        default=None,
        validator=instance_of(Realisation, type(None), expected="a Realisation or None"),
    )
    target_is_maximum: bool = attrs.field(
        default=False, validator=instance_of(bool, expected="True or False")
    )

    @plain_case("self.realisation is None or self.realisation.value is not None")
    def __attrs_post_init__(self) -> None:
        numeric = not isinstance(self.target, QualitativeTarget)
        if numeric and self.realisation is not None and self.realisation.value is None:
            raise InvalidValueError(
                "realisation.value", None, "a numeric target needs a numeric realisation"
            )

    @property
    def is_realised(self) -> bool:
        """Whether a realisation has been reported."""
        return self.realisation is not None

    def with_realisation(self, realisation: Realisation | None) -> Indicator:
        """Return a copy with *realisation* recorded (`None` withdraws it)."""
        return attrs.evolve(self, realisation=realisation)


@attrs.frozen
class WorkTarget:
    """
    A work result the employee commits to (rencana hasil kerja, RHK; PP 46's kegiatan).

    Attributes:
        id: Unique within the appraisal.
        title: The result, for example "Tersusunnya laporan keuangan".
        indicators: One or more indicators, with ids unique within the target.
        kind: Main (utama) or additional (tambahan).
        cascades_from: The id of the supervisor's work target this one derives from.
        perspective: For JPT, the perspective it belongs to.
    """

    id: str = attrs.field(validator=identifier)
    title: str = attrs.field(validator=non_empty)
    indicators: tuple[Indicator, ...] = attrs.field(
        converter=TUPLE, validator=items_of(Indicator, expected="an Indicator")
    )
    kind: TargetKind = attrs.field(default=TargetKind.MAIN, converter=_kind)
    cascades_from: str | None = attrs.field(default=None, validator=optional_identifier)
    perspective: Perspective | None = attrs.field(default=None, converter=_perspective)

    @indicators.validator
    def _check_indicators(
        self, attribute: attrs.Attribute[tuple[Indicator, ...]], value: tuple[Indicator, ...]
    ) -> None:
        if not value:
            raise InvalidValueError(attribute.name, value, "a work target needs an indicator")
        unique_ids(attribute.name, value)

    def indicator(self, indicator_id: str) -> Indicator:
        """
        Return the indicator with *indicator_id*.

        Raises:
            UnknownReferenceError: if this target has no such indicator.
        """
        return find_by_id(
            self.indicators, indicator_id, "indicator_id", f"not in work target {self.id}"
        )

    def with_realisation(self, indicator_id: str, realisation: Realisation | None) -> WorkTarget:
        """Return a copy with *realisation* recorded on the indicator *indicator_id*."""
        found = self.indicator(indicator_id)
        indicators = tuple(
            item.with_realisation(realisation) if item is found else item
            for item in self.indicators
        )
        return attrs.evolve(self, indicators=indicators)
