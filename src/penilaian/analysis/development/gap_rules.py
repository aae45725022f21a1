"""
What a development gap is, and the thresholds that decide one (`GapPolicy`).

The kinds, severities and evidence of a `DevelopmentGap`, and the per-regime
thresholds with their clauses; `penilaian.analysis.development.find_gaps` applies them.

Development gaps: the weaknesses an appraisal result shows, each with its evidence.

`find_gaps` reads a `penilaian.Result` of any regime together with its appraisal and
returns every `DevelopmentGap`: indicators below target, behaviour aspects below
expectations or with low scores, an overall rating below expectations (or, when
nothing more specific is known, a grade below the bar), large self-other gaps and
recurring feedback themes.  Each gap names its competency, its evidence (the figure,
rating or appraisal data it rests on, with the threshold) and a severity.

Nothing is invented: a figure the result does not have is not a gap and not zero.
The thresholds are fields of `GapPolicy`, each with a documented default.
"""

from __future__ import annotations

import types
from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction
from typing import Final, Literal

import attrs

from penilaian._base.checks import as_tuple, at_least_one, non_empty
from penilaian._base.labels import LabelledEnum, Language
from penilaian._base.numbers import DECIMAL, to_fraction
from penilaian._base.trace import show
from penilaian.exceptions import InvalidNumberError, InvalidValueError
from penilaian.model.grades import BandTable, Grade
from penilaian.model.targets import TargetKind

__all__ = [
    "ACHIEVEMENT_GAP",
    "DEFAULT_BEHAVIOUR_GAPS",
    "DEFAULT_GAP_POLICY",
    "GENERIC_BEHAVIOUR_GAP",
    "PP30_2019_BEHAVIOUR_GAP",
    "PP46_2011_BEHAVIOUR_GAP",
    "PP46_2011_TIME_COST_GAP",
    "DevelopmentGap",
    "EvidenceSource",
    "GapEvidence",
    "GapKind",
    "GapPolicy",
    "GapSeverity",
    "GapThreshold",
]


class GapKind(LabelledEnum):
    """What kind of weakness a development gap is, in the order gaps of equal priority sort."""

    OVERALL_RATING = (
        "overall_rating",
        "Rating keseluruhan di bawah ekspektasi",
        "Overall rating below expectations",
    )
    BELOW_TARGET = ("below_target", "Capaian di bawah target", "Below target")
    BELOW_EXPECTATIONS = (
        "below_expectations",
        "Perilaku di bawah ekspektasi",
        "Behaviour below expectations",
    )
    LOW_SCORE = ("low_score", "Nilai perilaku rendah", "Low behaviour score")
    GRADE = ("grade", "Predikat di bawah standar", "Grade below the bar")
    SELF_OTHER = (
        "self_other",
        "Penilaian diri jauh di atas penilaian orang lain",
        "Self rating far above others'",
        "blind spot",
        "titik buta",
    )
    FEEDBACK_THEME = ("feedback_theme", "Tema umpan balik berulang", "Recurring feedback theme")


_KIND_ORDER: Final = {kind: index for index, kind in enumerate(GapKind)}


class GapSeverity(LabelledEnum):
    """How serious a gap is; its priority is 1 for high, 2 for medium, 3 for low."""

    HIGH = ("high", "Tinggi", "High")
    MEDIUM = ("medium", "Sedang", "Medium")
    LOW = ("low", "Rendah", "Low")

    @property
    def priority(self) -> int:
        """1 for high, 2 for medium, 3 for low: plans list the lowest number first."""
        return _PRIORITY[self]


_PRIORITY: Final = {GapSeverity.HIGH: 1, GapSeverity.MEDIUM: 2, GapSeverity.LOW: 3}


class EvidenceSource(LabelledEnum):
    """Where a gap's evidence is: a result figure, a result rating, the grade, or the appraisal."""

    FIGURE = ("figure", "Angka hasil penilaian", "Result figure")
    RATING = ("rating", "Rating hasil penilaian", "Result rating")
    GRADE = ("grade", "Predikat", "Grade")
    APPRAISAL = ("appraisal", "Data penilaian", "Appraisal data")


@attrs.frozen
class GapEvidence:
    """
    What a gap rests on.

    Attributes:
        source: Where *key* points: `Result.figures`, `Result.ratings`, the grade,
            or the appraisal (a value computed from it).
        key: The figure or rating key (``indicator[iki-1].achievement``,
            ``behaviour[integrity]``), ``grade``, or a key naming the appraisal data
            (``ratings[<aspect>][<rater id>]``, ``self_other[<subject>]``,
            ``feedback[<aspect>]``); never a list index, so order does not matter.
        value: The value found: a number (exact, or to 6 places when its decimal
            does not end) or a level or grade id.
        threshold: The rule it was compared with, such as ``< 100`` or ``<= 75``.
    """

    source: EvidenceSource
    key: str
    value: Decimal | str
    threshold: str


@attrs.frozen
class DevelopmentGap:
    """
    One weakness an appraisal result shows.

    Attributes:
        kind: What kind of weakness.
        competency: What to develop: a behaviour aspect id or one of
            `penilaian.analysis.development.GENERAL_COMPETENCIES` (``work_results.quality``, ...).
        subject: What was measured: an indicator, aspect or rating subject id.
        evidence: The figure, rating or data it rests on, with the threshold.
        severity: How serious it is.
    """

    kind: GapKind
    competency: str
    subject: str
    evidence: GapEvidence
    severity: GapSeverity

    def describe(self, lang: Language = "id") -> str:
        """Say the gap in words: its kind, subject, evidence and threshold."""
        value = self.evidence.value
        shown = value if isinstance(value, str) else show(value)
        return (
            f"{self.kind.label(lang)}: {self.subject} "
            f"({self.evidence.key} = {shown}; {self.evidence.threshold})"
        )

    def sort_key(self) -> tuple[int, int, str, str, str]:
        """Priority, then kind, competency, subject and evidence key: the order of a plan."""
        return (
            self.severity.priority,
            _KIND_ORDER[self.kind],
            self.competency,
            self.subject,
            self.evidence.key,
        )


def _severity_bands(
    _instance: object, attribute: attrs.Attribute[BandTable[GapSeverity]], value: object
) -> None:
    if not isinstance(value, BandTable) or not all(
        isinstance(label, GapSeverity) for label in value.labels
    ):
        raise InvalidValueError(attribute.name, value, "must be a BandTable of GapSeverity labels")


@attrs.frozen
class GapThreshold:
    """
    Where a number becomes a gap, and how severe the gap is.

    Attributes:
        limit: A value below it (or equal to it, when *inclusive*) is a gap.
        severity: The severity of a value that is a gap, by band.
        inclusive: Whether a value equal to *limit* is a gap.
        clause: Where the limit and the bands come from.
    """

    limit: Decimal = attrs.field(converter=DECIMAL)
    severity: BandTable[GapSeverity] = attrs.field(validator=_severity_bands)
    inclusive: bool = False
    clause: str = attrs.field(default="configuration", validator=non_empty)

    def is_gap(self, value: Decimal | Fraction) -> bool:
        """Tell whether *value* is a gap, compared exactly."""
        exact, limit = Fraction(value), Fraction(self.limit)
        return exact < limit or (self.inclusive and exact == limit)

    def describe(self) -> str:
        """Return the test in symbols: ``< 100`` or ``<= 75``."""
        return f"{'<=' if self.inclusive else '<'} {self.limit}"


def _bands(
    table_id: str, clause: str, closed: Literal["upper", "lower"], *bands: GapSeverity | int
) -> BandTable[GapSeverity]:
    """Build a severity table from its labels and cuts, alternating: ``HIGH, 60, MEDIUM``."""
    labels = tuple(band for band in bands if isinstance(band, GapSeverity))
    cuts = tuple(Decimal(band) for band in bands if not isinstance(band, GapSeverity))
    return BandTable(table_id, clause, labels, cuts, closed)


_H, _M, _L = GapSeverity.HIGH, GapSeverity.MEDIUM, GapSeverity.LOW
_PP46_CLAUSE: Final = (
    "PP 46/2011 categories, upper bounds inclusive: Cukup (60, 75], Kurang (50, 60], Buruk <= 50"
)

ACHIEVEMENT_GAP: Final = GapThreshold(
    limit=100,
    severity=_bands(
        "development.achievement", "PermenPANRB 8/2021 Bab VI.A", "lower", _H, 60, _M, 80, _L
    ),
    clause="Achievement under 100 % misses the target; severity by the PermenPANRB 8/2021 "
    "capaian IKI categories: Cukup 80-99 % low, Kurang 60-79 % medium, Sangat Kurang < 60 % high",
)
"""An indicator's achievement (percent) under 100 is a gap; severity by the 8/2021 categories."""

PP46_2011_BEHAVIOUR_GAP: Final = GapThreshold(
    limit=75,
    inclusive=True,
    severity=_bands("development.pp46_2011", _PP46_CLAUSE, "upper", _H, 50, _M, 60, _L),
    clause=f"A value in the Cukup band or lower; {_PP46_CLAUSE} (REGULATIONS.md 1.5)",
)
PP30_2019_BEHAVIOUR_GAP: Final = GapThreshold(
    limit=90,
    severity=_bands("development.pp30_2019", "PP 30/2019 Pasal 41(5)", "lower", _H, 50, _M, 70, _L),
    clause="A value under the Baik band of PP 30/2019 Pasal 41(5): Cukup 70-<90 low, "
    "Kurang 50-<70 medium, Sangat Kurang < 50 high; applied per aspect by convention [LOW]",
)
GENERIC_BEHAVIOUR_GAP: Final = GapThreshold(
    limit=50,
    inclusive=True,
    severity=_bands("development.generic", "penilaian default", "upper", _H, 25, _M),
    clause="At or below the middle of the scale (rescaled 0-100): <= 25 high, else medium; "
    "a neutral default, not a regulation",
)

DEFAULT_BEHAVIOUR_GAPS: Final[Mapping[str, GapThreshold]] = types.MappingProxyType(
    {
        "pp46_2011": PP46_2011_BEHAVIOUR_GAP,
        "pp30_2019": PP30_2019_BEHAVIOUR_GAP,
        "generic": GENERIC_BEHAVIOUR_GAP,
    }
)
"""
The threshold for numeric behaviour figures, by regime id.

PP 46/2011 ``behaviour[<aspect>]`` <= 75 (Cukup or lower); PP 30/2019
``behaviour[<aspect>]`` < 90 (under Baik); generic ``subject[<aspect>]`` <= 50 (half the
scale).  A regime without an entry has its numeric behaviour figures left unread.
"""

PP46_2011_TIME_COST_GAP: Final = GapThreshold(
    limit=76,
    severity=_bands("development.pp46_2011_time_cost", _PP46_CLAUSE, "upper", _H, 50, _M, 60, _L),
    clause="Perka BKN 1/2013: realisation equal to the target gives 76; a lower value "
    "with the realisation above the target is late or over budget",
)
"""A PP 46/2011 time or cost value under 76 whose realisation exceeds the target."""


def _share(value: object) -> Fraction:
    share = to_fraction(value, "self_other_threshold")
    if share <= 0:
        raise InvalidNumberError("self_other_threshold", share, "must be greater than 0")
    return share


def _thresholds(value: Mapping[str, GapThreshold]) -> Mapping[str, GapThreshold]:
    given: object = value  # checked: callers may pass anything
    if not isinstance(given, Mapping) or not all(
        isinstance(key, str) and isinstance(item, GapThreshold) for key, item in given.items()
    ):
        raise InvalidValueError("behaviour", value, "must map regime ids to GapThresholds")
    return types.MappingProxyType(dict(given))


def _kinds(value: object) -> tuple[TargetKind, ...]:
    kinds = tuple(
        TargetKind.parse(kind, "computed_kinds") for kind in as_tuple(value, "computed_kinds")
    )
    if not kinds:
        raise InvalidValueError("computed_kinds", value, "must name at least one TargetKind")
    return kinds


@attrs.frozen(kw_only=True)
class GapPolicy:
    """
    The thresholds that make a gap, each with its default.

    Attributes:
        achievement: Indicators: achievement (percent) under 100 is a gap (`ACHIEVEMENT_GAP`).
        behaviour: Numeric behaviour figures (``behaviour[<aspect>]``,
            ``subject[<aspect>]``), by regime id (`DEFAULT_BEHAVIOUR_GAPS`); a regime
            without an entry has them left unread.
        pp46_time_cost: PP 46/2011 time and cost values (`PP46_2011_TIME_COST_GAP`).
        computed_kinds: The work targets whose achievement is computed from the
            appraisal when the result reports none (main only).
        self_other_threshold: Self minus the others' mean, as a share of the scale's
            range, from which a blind spot is a gap (1/4, as
            `penilaian.analysis.raters.RaterAnalytics`).
        feedback_notes: How many feedback notes on one aspect make a theme (2).
        grade_bar: A grade ranked below it (by `penilaian.model.GRADE_RANKING`) is a gap
            when nothing more specific is known (Baik).
    """

    achievement: GapThreshold = ACHIEVEMENT_GAP
    behaviour: Mapping[str, GapThreshold] = attrs.field(
        default=DEFAULT_BEHAVIOUR_GAPS, converter=_thresholds, hash=False
    )
    pp46_time_cost: GapThreshold = PP46_2011_TIME_COST_GAP
    computed_kinds: tuple[TargetKind, ...] = attrs.field(
        default=(TargetKind.MAIN,), converter=_kinds
    )
    self_other_threshold: Fraction = attrs.field(default=Fraction(1, 4), converter=_share)
    feedback_notes: int = attrs.field(default=2, validator=at_least_one)
    grade_bar: Grade = attrs.field(default=Grade.GOOD, converter=Grade)


DEFAULT_GAP_POLICY: Final = GapPolicy()
"""Every default of `GapPolicy`."""
