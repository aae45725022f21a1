"""
What a promotion of a pejabat fungsional needs in credit points: KP and KJ thresholds.

PermenPANRB 1/2023 Lampiran and Perban BKN 3/2023, model konversi (REGULATIONS.md 3.9):
a kenaikan pangkat (KP) from a rank needs that rank's AK kumulatif; from the top rank
of a level it is also a kenaikan jenjang (KJ), which needs the level's AK counted
from the level's start (the AK dasar of the rank, the KP AK of the ranks below it,
plus the balance).  The tables are data (`CreditThresholds`): a caller may pass
its own, as an instansi pembina may set others.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Final

import attrs

from penilaian._base.checks import non_empty
from penilaian._base.labels import LabelledEnum, checked_language
from penilaian._base.trace import Rule, Step
from penilaian._base.words import Words
from penilaian.exceptions import InvalidValueError, UnsupportedInputError
from penilaian.model.organisation import PositionKind

if TYPE_CHECKING:
    from penilaian._base.labels import Language

__all__ = [
    "PERBAN_BKN_3_2023_THRESHOLDS",
    "CreditRequirement",
    "CreditThreshold",
    "CreditThresholds",
    "Rank",
    "credit_requirement",
]


class Rank(LabelledEnum):
    """A rank (pangkat) of a PNS by its golongan/ruang, II/a to IV/e (PP 99/2000 names) [HIGH]."""

    II_A = ("II/a", "Pengatur Muda", "II/a, Junior Clerk", "2a")
    II_B = ("II/b", "Pengatur Muda Tingkat I", "II/b, Junior Clerk I", "2b")
    II_C = ("II/c", "Pengatur", "II/c, Clerk", "2c")
    II_D = ("II/d", "Pengatur Tingkat I", "II/d, Clerk I", "2d")
    III_A = ("III/a", "Penata Muda", "III/a, Junior Administrator", "3a")
    III_B = ("III/b", "Penata Muda Tingkat I", "III/b, Junior Administrator I", "3b")
    III_C = ("III/c", "Penata", "III/c, Administrator", "3c")
    III_D = ("III/d", "Penata Tingkat I", "III/d, Administrator I", "3d")
    IV_A = ("IV/a", "Pembina", "IV/a, Superintendent", "4a")
    IV_B = ("IV/b", "Pembina Tingkat I", "IV/b, Superintendent I", "4b")
    IV_C = ("IV/c", "Pembina Utama Muda", "IV/c, Junior Chief Superintendent", "4c")
    IV_D = ("IV/d", "Pembina Utama Madya", "IV/d, Middle Chief Superintendent", "4d")
    IV_E = ("IV/e", "Pembina Utama", "IV/e, Chief Superintendent", "4e")


def _points(value: object, field: str) -> Decimal | None:
    if value is None or (isinstance(value, Decimal) and value.is_finite() and value > 0):
        return value
    raise InvalidValueError(field, value, "must be a Decimal greater than 0, or None")


def _row_points(values: object) -> tuple[Decimal | None, ...]:
    if not isinstance(values, tuple):
        raise InvalidValueError("rank_points", values, "must be a tuple")
    return tuple(_points(value, "rank_points") for value in values)


@attrs.frozen
class CreditThreshold:
    """
    One level (jenjang) of the table: its ranks and the credit points its promotions need.

    Attributes:
        position_kind: The functional level.
        ranks: Its ranks, lowest first.
        rank_points: The AK kumulatif a KP needs from each rank (a `Decimal`), or `None`
            where no KP by credit points follows (the top rank of the top level).
        level_points: The AK the level needs for a KJ, counted from its start, or
            `None` for a top level.
        next_kind: The level a KJ leads to, or `None` for a top level.
        clause: The source, with its confidence tag.
    """

    position_kind: PositionKind = attrs.field(converter=PositionKind)
    ranks: tuple[Rank, ...] = attrs.field(validator=attrs.validators.min_len(1))
    rank_points: tuple[Decimal | None, ...] = attrs.field(converter=_row_points)
    level_points: Decimal | None = attrs.field()
    next_kind: PositionKind | None = attrs.field()
    clause: str = attrs.field(validator=non_empty)

    @rank_points.validator
    def _check_points(self, _attribute: object, value: tuple[Decimal | None, ...]) -> None:
        if len(value) != len(self.ranks):
            raise InvalidValueError("rank_points", value, "must give one value per rank")

    @level_points.validator
    def _check_level(self, _attribute: object, value: Decimal | None) -> None:
        _points(value, "level_points")
        if (value is None) != (self.next_kind is None):
            raise InvalidValueError("level_points", value, "is given exactly with next_kind")


@attrs.frozen
class CreditThresholds:
    """
    A table of `CreditThreshold` rows, one per functional level.

    Attributes:
        rows: The rows; each level appears at most once.
    """

    rows: tuple[CreditThreshold, ...] = attrs.field(validator=attrs.validators.min_len(1))

    @rows.validator
    def _check_rows(self, _attribute: object, value: tuple[CreditThreshold, ...]) -> None:
        kinds = [row.position_kind for row in value]
        if len(set(kinds)) != len(kinds):
            raise InvalidValueError("rows", kinds, "each level may appear only once")

    def row(self, position_kind: PositionKind) -> CreditThreshold | None:
        """Return the row of *position_kind*, or `None` when the table has none."""
        return next((row for row in self.rows if row.position_kind is position_kind), None)


_D = Decimal
_K = PositionKind
_R = Rank
_EXPERT: Final = "PermenPANRB 1/2023; Perban BKN 3/2023 (AK kebutuhan KP/KJ model konversi) [MED]"
_SKILL: Final = (
    "PermenPANRB 1/2023 Lampiran (AKK KP keterampilan) [MED]; KJ dari slide BKN 2023 [LOW]"
)

PERBAN_BKN_3_2023_THRESHOLDS: Final = CreditThresholds(
    (
        CreditThreshold(_K.EXPERT_FIRST, (_R.III_A, _R.III_B), (_D(50), _D(50)), _D(100),
                        _K.EXPERT_JUNIOR, _EXPERT),
        CreditThreshold(_K.EXPERT_JUNIOR, (_R.III_C, _R.III_D), (_D(100), _D(100)), _D(200),
                        _K.EXPERT_MIDDLE, _EXPERT),
        CreditThreshold(_K.EXPERT_MIDDLE, (_R.IV_A, _R.IV_B, _R.IV_C), (_D(150),) * 3, _D(450),
                        _K.EXPERT_PRINCIPAL, _EXPERT),
        CreditThreshold(_K.EXPERT_PRINCIPAL, (_R.IV_D, _R.IV_E), (_D(200), None), None, None,
                        _EXPERT),
        CreditThreshold(_K.SKILL_BEGINNER, (_R.II_A,), (_D(15),), _D(15), _K.SKILL_SKILLED,
                        _SKILL),
        CreditThreshold(_K.SKILL_SKILLED, (_R.II_B, _R.II_C, _R.II_D), (_D(20),) * 3, _D(60),
                        _K.SKILL_ADVANCED, _SKILL),
        CreditThreshold(_K.SKILL_ADVANCED, (_R.III_A, _R.III_B), (_D(50), _D(50)), _D(100),
                        _K.SKILL_SUPERVISOR, _SKILL),
        CreditThreshold(_K.SKILL_SUPERVISOR, (_R.III_C, _R.III_D), (_D(100), None), None, None,
                        _SKILL),
    )
)  # fmt: skip
"""
The AK kumulatif for KP and KJ, model konversi (REGULATIONS.md 3.9).

Keahlian [MED] (BKN's Direktorat Jabatan ASN slides, two decks agree): Ahli Pertama
III/a-III/b KP 50, KJ 100; Ahli Muda III/c-III/d 100, 200; Ahli Madya IV/a-IV/c 150,
450; Ahli Utama IV/d-IV/e 200, none.  Keterampilan KP by rank [MED] (PermenPANRB 1/2023
Lampiran): II/a 15, II/b-II/d 20, III/a-III/b 50, III/c 100, III/d none.  Keterampilan
KJ [LOW] (one BKN slide, read with its rows matched to their ranks): Pemula 15,
Terampil 60, Mahir 100; each equals the sum of the level's KP values, as every
keahlian KJ does.  A table of one's own replaces it.
"""

_REQUIREMENT_RULE: Final = Rule(
    id="perbanbkn3_2023.requirement",
    clause="PermenPANRB 1/2023 Lampiran; Perban BKN 3/2023 (AK kumulatif KP/KJ) [MED/LOW]",
    text_id="AK yang dibutuhkan kenaikan pangkat (dan jenjang) berikutnya",
    text_en="Credit points the next promotion in rank (and level) needs",
)

_WORDS: Final = Words(
    {
        "thresholds": ("harus berupa CreditThresholds", "must be a CreditThresholds"),
        "no_row": (
            "tidak ada baris ambang AK untuk jenjang ini (hanya jabatan fungsional)",
            "the table has no row for this level (functional posts only)",
        ),
        "rank": (
            "pangkat {rank} tidak termasuk jenjang {level} ({ranks})",
            "rank {rank} is not in the level {level} ({ranks})",
        ),
    }
)
"""The reasons of this module's errors, in Indonesian and English."""


@attrs.frozen
class CreditRequirement:
    """
    What the next promotion from a rank and level needs.

    Attributes:
        rank: The rank held.
        position_kind: The level held.
        base: The AK dasar of the rank: the KP values of the ranks below it in the level.
        rank_points: The AK a KP from *rank* needs, or `None` at the top.
        level_points: The AK the level needs for a KJ when this KP leads out of it, else `None`.
        required: What the promotion uses of the balance: *rank_points*, or for a KJ
            the larger of it and *level_points* \u2212 *base*; `None` at the top.
        next_rank: The rank promoted to, or `None` at the top.
        next_kind: The level after the promotion (the next level for a KJ).
        step: How it was found, when a trace was asked for.
    """

    rank: Rank
    position_kind: PositionKind
    base: Fraction
    rank_points: Fraction | None
    level_points: Fraction | None
    required: Fraction | None
    next_rank: Rank | None
    next_kind: PositionKind
    step: Step | None = None

    @property
    def level_up(self) -> bool:
        """Whether the promotion is also a kenaikan jenjang (KJ)."""
        return self.next_kind is not self.position_kind


def credit_requirement(
    rank: Rank | str,
    position_kind: PositionKind | str,
    *,
    thresholds: CreditThresholds = PERBAN_BKN_3_2023_THRESHOLDS,
    trace: bool = True,
    lang: Language = "id",
    field: str | None = None,
) -> CreditRequirement:
    """
    Return what a KP (and, from a level's top rank, a KJ) from *rank* in *position_kind* needs.

    >>> need = credit_requirement("III/b", "Ahli Pertama")
    >>> (need.required, need.level_points, need.next_rank.value, need.level_up)
    (Fraction(50, 1), Fraction(100, 1), 'III/c', True)

    Args:
        rank: The rank held (a `Rank` or its text, "III/a", "Penata Muda").
        position_kind: The functional level held.
        thresholds: The table read (`PERBAN_BKN_3_2023_THRESHOLDS` by default).
        trace: Whether to build the step.
        lang: The language of the errors' reasons: ``"id"`` (default) or ``"en"``.
        field: A prefix for the errors' field names (``"opening"``).

    Raises:
        UnsupportedInputError: a level the table has no row for (not functional), or
            a rank not in the level.
        UnknownLabelError: text naming no rank or level.
        InvalidValueError: *thresholds* that are not a `CreditThresholds`.
    """
    lang = checked_language(lang)
    words = _WORDS.in_language(lang)
    prefix = f"{field}." if field else ""
    if not isinstance(thresholds, CreditThresholds):
        raise InvalidValueError("thresholds", thresholds, words["thresholds"])
    held = Rank.parse(rank, f"{prefix}rank")
    kind = PositionKind.parse(position_kind, f"{prefix}position_kind")
    row = thresholds.row(kind)
    if row is None:
        raise UnsupportedInputError(f"{prefix}position_kind", kind.value, words["no_row"])
    if held not in row.ranks:
        ranks = ", ".join(r.value for r in row.ranks)
        reason = words["rank"].format(rank=held.value, level=kind.label(lang), ranks=ranks)
        raise UnsupportedInputError(f"{prefix}rank", held.value, reason)
    index = row.ranks.index(held)
    base = sum((Fraction(p) for p in row.rank_points[:index] if p is not None), Fraction(0))
    own = row.rank_points[index]
    points = None if own is None else Fraction(own)
    level, required, next_rank, next_kind = None, points, None, kind
    if points is not None and index + 1 < len(row.ranks):
        next_rank = row.ranks[index + 1]
    elif points is not None and row.next_kind is not None and row.level_points is not None:
        following = thresholds.row(row.next_kind)
        if following is not None:
            level = Fraction(row.level_points)
            required = max(points, level - base)
            next_rank, next_kind = following.ranks[0], row.next_kind
    if next_rank is None:
        required = None
    step = None
    if trace:
        step = Step.of(_REQUIREMENT_RULE, required, subject=f"{kind.value} {held.value}",
                       base=base, rank_points=points, level_points=level,
                       source=row.clause)  # fmt: skip
    return CreditRequirement(held, kind, base, points, level, required, next_rank, next_kind, step)
