"""
Grades (predikat) and the exact band tables that assign them.

`Grade` holds every predikat of the three regimes in one enumeration; each regime
uses the subset its regulation defines.  `BandTable` maps a score to a label by
cut points, one side of each cut closed, so a table has no gaps and no overlaps by
construction, and an exact comparison (never a float) decides every band.
"""

from __future__ import annotations

import functools
import itertools
import types
from decimal import Decimal
from typing import TYPE_CHECKING, Final, Generic, Literal, TypeVar

import attrs

from penilaian._base.bounds import check_bounds
from penilaian._base.checks import TUPLE, non_empty, one_of
from penilaian._base.labels import LabelledEnum, Language
from penilaian.exceptions import InvalidNumberError, InvalidValueError

if TYPE_CHECKING:
    from collections.abc import Mapping
    from fractions import Fraction

__all__ = ["GRADE_RANKING", "REGIME_GRADE_LABELS", "BandTable", "Grade", "OrganisationGrade"]

L = TypeVar("L")


class Grade(LabelledEnum):
    """
    A performance grade (predikat), from the best down.

    PP 46/2011 uses very good, good, fair, poor and bad; PP 30/2019 very good, good,
    fair (renamed "Butuh Perbaikan" by PermenPANRB 8/2021 and 6/2022), poor and very
    poor; PermenPANRB 6/2022 very good, good, needs improvement, poor (printed
    "Kurang/Misconduct") and very poor.  `label` with a *regime* gives the name that
    regime prints where it differs (`REGIME_GRADE_LABELS`).
    """

    VERY_GOOD = ("very_good", "Sangat Baik", "Very good", "sangatbaik", "istimewa")
    GOOD = ("good", "Baik", "Good")
    FAIR = ("fair", "Cukup", "Fair")
    NEEDS_IMPROVEMENT = (
        "needs_improvement",
        "Butuh Perbaikan",
        "Needs improvement",
        "perlu perbaikan",
        "Cukup/Butuh Perbaikan",
        "Butuh Perbaikan/Cukup",
    )
    POOR = ("poor", "Kurang", "Poor", "Kurang/Misconduct", "misconduct", "Poor/Misconduct")
    VERY_POOR = ("very_poor", "Sangat Kurang", "Very poor")
    BAD = ("bad", "Buruk", "Bad")

    def label(self, lang: Language = "id", *, regime: str | None = None) -> str:
        """
        Return the label in *lang*; with *regime*, the name that regime prints.

        Args:
            lang: ``"id"`` (default) or ``"en"``.
            regime: A regime id, such as a `penilaian.Result`'s ``regime``; where
                `REGIME_GRADE_LABELS` names the grade otherwise for it (Kurang/Misconduct
                under PermenPANRB 6/2022), that name is returned.

        >>> Grade.POOR.label(), Grade.POOR.label(regime="permen6_2022")
        ('Kurang', 'Kurang/Misconduct')
        """
        names = REGIME_GRADE_LABELS.get(regime) if regime is not None else None
        own = None if names is None else names.get(self)
        if own is None:
            return super().label(lang)
        return own[1] if lang == "en" else own[0]


class OrganisationGrade(LabelledEnum):
    """
    The grade of an organisation unit's performance (capaian kinerja organisasi).

    PermenPANRB 6/2022: set by the leader one level up; it fixes the distribution
    of employee grades in the unit and, for the unit's leader, the work-results rating.
    """

    OUTSTANDING = ("outstanding", "Istimewa", "Outstanding")
    GOOD = ("good", "Baik", "Good")
    NEEDS_IMPROVEMENT = (
        "needs_improvement",
        "Butuh Perbaikan",
        "Needs improvement",
        "cukup",
        "Butuh Perbaikan (Cukup)",
        "Cukup/Butuh Perbaikan",
    )
    POOR = ("poor", "Kurang", "Poor")
    VERY_POOR = ("very_poor", "Sangat Kurang", "Very poor")


REGIME_GRADE_LABELS: Final[Mapping[str, Mapping[Grade, tuple[str, str]]]] = types.MappingProxyType(
    {
        "permen6_2022": types.MappingProxyType(
            {Grade.POOR: ("Kurang/Misconduct", "Poor/Misconduct")}
        ),
    }
)
"""
The grade names a regime prints where they differ from the grade's own labels, by regime id.

PermenPANRB 6/2022 Lampiran prints the poor cell of its matrix "Kurang/Misconduct"
(REGULATIONS.md 3.4) [HIGH]; PP 46/2011 and PP 30/2019 print "Kurang".  Each entry
maps a grade to its (Indonesian, English) name; `Grade.label` reads it.
"""

GRADE_RANKING: Final[Mapping[Grade, int]] = types.MappingProxyType(
    {
        Grade.VERY_GOOD: 5,
        Grade.GOOD: 4,
        Grade.FAIR: 3,
        Grade.NEEDS_IMPROVEMENT: 3,
        Grade.POOR: 2,
        Grade.VERY_POOR: 1,
        Grade.BAD: 1,
    }
)
"""
The rank of every grade across the regimes, 5 the best.

Sangat Baik (5) > Baik (4) > Cukup = Butuh Perbaikan (3) > Kurang (2) > Sangat Kurang =
Buruk (1).  PermenPANRB 8/2021 and 6/2022 renamed Cukup to Butuh Perbaikan
(REGULATIONS.md 2.6), and Buruk (PP 46/2011) and Sangat Kurang (PP 30/2019) are both
the lowest of five bands, so each pair shares a rank.
"""


@attrs.frozen
class BandTable(Generic[L]):
    """
    A gap-free table from scores to labels, defined by cut points.

    With ``closed="upper"`` a cut belongs to the band below it (``x <= cut``), with
    ``closed="lower"`` to the band above it (``x >= cut``).  The first band has no
    lower limit and the last no upper limit; callers check a score's range first.

    Attributes:
        id: A stable name, for the trace.
        clause: The regulation and clause the table comes from.
        labels: The labels, lowest band first.
        cuts: The cut points, strictly increasing; one fewer than the labels.
        closed: Which side of each cut is closed.
    """

    id: str = attrs.field(validator=non_empty)
    clause: str = attrs.field(validator=non_empty)
    labels: tuple[L, ...] = attrs.field(converter=TUPLE)
    cuts: tuple[Decimal, ...] = attrs.field(converter=TUPLE)
    closed: Literal["upper", "lower"] = attrs.field(
        default="upper", validator=one_of(("upper", "lower"))
    )

    @labels.validator
    def _check_labels(
        self, attribute: attrs.Attribute[tuple[L, ...]], value: tuple[L, ...]
    ) -> None:
        if not value:
            raise InvalidValueError(attribute.name, value, "a band table needs a label")

    @cuts.validator
    def _check_cuts(
        self, attribute: attrs.Attribute[tuple[Decimal, ...]], value: tuple[object, ...]
    ) -> None:
        if len(value) != len(self.labels) - 1:
            reason = f"needs {len(self.labels) - 1} cuts for {len(self.labels)} labels"
            raise InvalidValueError(attribute.name, value, reason)
        for index, cut in enumerate(value):
            if not isinstance(cut, Decimal) or not cut.is_finite():
                reason = "must be a finite Decimal"
                raise InvalidValueError(f"{attribute.name}[{index}]", cut, reason)
            check_bounds(cut, f"{attribute.name}[{index}]")
        if any(low >= high for low, high in itertools.pairwise(self.cuts)):
            raise InvalidValueError(attribute.name, value, "cuts must strictly increase")

    @functools.cached_property
    def _integer_cuts(self) -> tuple[tuple[int, int], ...]:
        return tuple(cut.as_integer_ratio() for cut in self.cuts)

    def classify(self, score: Decimal | Fraction | int) -> L:
        """
        Return the label of the band *score* falls in, compared exactly.

        Raises:
            InvalidNumberError: for a *score* that is not a number.
        """
        try:
            numerator, denominator = score.as_integer_ratio()
        except AttributeError:
            raise InvalidNumberError("score", score, "must be an exact number") from None
        return self.classify_ratio(numerator, denominator)

    def classify_ratio(self, numerator: int, denominator: int) -> L:
        """
        Return the label of the band of ``numerator / denominator`` (*denominator* above 0).

        `classify` of a score held as two integers, as the integer kernels hold it.
        """
        # n/d <= a/b  <=>  n*b <= a*d for positive denominators: exact, in integers.
        upper = self.closed == "upper"
        for label, (cut_n, cut_d) in zip(self.labels, self._integer_cuts, strict=False):
            left, right = numerator * cut_d, cut_n * denominator
            if left < right or (upper and left == right):
                return label
        return self.labels[-1]

    def describe(self) -> tuple[tuple[L, str], ...]:
        """Return each label with its range in words, for documentation and traces."""
        ranges: list[tuple[L, str]] = []
        lower = "<=" if self.closed == "upper" else "<"
        upper = ">" if self.closed == "upper" else ">="
        for index, label in enumerate(self.labels):
            parts = []
            if index > 0:
                parts.append(f"{upper} {self.cuts[index - 1]}")
            if index < len(self.cuts):
                parts.append(f"{lower} {self.cuts[index]}")
            ranges.append((label, " and ".join(parts)))
        return tuple(ranges)
