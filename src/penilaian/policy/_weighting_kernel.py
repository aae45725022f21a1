"""
The integer kernel of a `penilaian.WeightingPolicy`: one subject's value, with no `Fraction`.

The weights are held as whole numbers over their common denominator (``2/5, 1/10,
3/10, 1/5`` as ``4, 1, 3, 2`` over 10), each rating as the exact integer ratio of its
`Decimal` score, and each role's `Mean`, `Median` or `TrimmedMean` as a numerator over
a denominator.  The weighted value is then one numerator over one denominator, made a
`Fraction` once, at the end: exactly the value the policy's `Fraction` path gives.

With `Mean` on an appraisal with one scale, each role's ratings of each subject are
summed in one pass over the ratings, with no grouping built
(`penilaian.policy._weighting_means.sum_cells`): `Kernel.ratios`, for the subjects a
regime needs at once, keeps nothing; `Kernel.ratio`, one subject at a time, sums every
subject of the appraisal the first time and keeps the values while that appraisal
lives (`penilaian.policy._grouping.held`).  Otherwise, and where that pass does not
answer, the kernel reads the ratings grouped by subject and role
(`penilaian.model.appraisal.group_ratings`; for `Kernel.ratio` kept by
`penilaian.policy._grouping.grouped_ratings`).  It answers only the plain case: every
rating numeric and on one scale, from a role the policy weights (or self), no
public index, a value that can be formed, a built-in aggregation.  Anything else (an
error to report, a gap to explain, a custom aggregation) returns `None`, and the policy
takes its full path, which builds every part and reports every problem.
"""

from __future__ import annotations

import math
from fractions import Fraction
from typing import TYPE_CHECKING, Final

from penilaian.model.appraisal import group_ratings
from penilaian.model.raters import NumericScale, RaterRole
from penilaian.policy._grouping import grouped_ratings, held
from penilaian.policy._roles import ROLES
from penilaian.policy._weighting_means import sum_cells
from penilaian.policy.aggregation import Impute, Mean, Median, Renormalise, Require, TrimmedMean

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence

    from penilaian.model.appraisal import Appraisal
    from penilaian.model.raters import Rating
    from penilaian.policy.aggregation import MissingRaterPolicy
    from penilaian.policy.weights import Weights
    from penilaian.typing import AggregationFn

__all__ = ["Kernel"]

_SELF: Final = RaterRole.SELF.value
_RENORMALISE: Final = 0
_REQUIRE: Final = 1
_FILL: Final = 2


class Kernel:
    """A policy's settings in whole numbers, and the weighted value of one subject from them."""

    __slots__ = (
        "_aggregation",
        "_filler",
        "_imputed",
        "_mean",
        "_missing",
        "_roles",
        "_slots",
        "_total",
        "_weighed",
    )

    def __init__(
        self,
        role_weights: Weights,
        min_raters: Mapping[RaterRole, int],
        aggregation: AggregationFn,
        missing: MissingRaterPolicy,
    ) -> None:
        shares = role_weights.shares
        total = math.lcm(*(share.denominator for share in shares.values()))
        self._total = total
        self._roles = {
            role: (share.numerator * (total // share.denominator), _minimum(min_raters, role))
            for role, share in shares.items()
        }
        self._roles.setdefault(_SELF, (0, 1))  # rated beside the others, never counted
        # For `_means`: a slot for each role rated, the weighted ones first.
        order = sorted(self._roles, key=lambda role: not self._roles[role][0])
        self._slots = {ROLES[role]: slot for slot, role in enumerate(order)}
        self._weighed = tuple(
            (slot, *self._roles[role]) for slot, role in enumerate(order) if self._roles[role][0]
        )
        known = type(aggregation) in {Mean, Median, TrimmedMean}
        self._aggregation = aggregation if known else None
        self._mean = type(aggregation) is Mean
        self._imputed = missing.value if isinstance(missing, Impute) else None
        if isinstance(missing, Renormalise | Require):
            self._missing = _RENORMALISE if isinstance(missing, Renormalise) else _REQUIRE
            self._filler = (0, 1)
        else:
            self._missing = _FILL
            filler = missing.value if isinstance(missing, Impute) else Fraction(0)
            self._filler = (filler.numerator, filler.denominator)

    def value(self, appraisal: Appraisal, subject: str) -> tuple[Fraction, str] | None:
        """
        Return the weighted value of *subject* and its scale id, or `None` for the full path.

        `None` means: a rating to refuse, a gap to explain or a custom aggregation; the
        policy's full path then gives the error, the gap or the value.
        """
        found = self.ratio(appraisal, subject)
        if found is None:
            return None
        numerator, denominator, scale_id = found
        return Fraction(numerator, denominator), scale_id

    def ratio(self, appraisal: Appraisal, subject: str) -> tuple[int, int, str] | None:
        """
        Return `value` as a numerator and a denominator (above 0, not reduced), and the scale id.

        With `Mean`, every subject of the appraisal being scored is summed in one pass
        the first time one is asked about (`_every_row`, kept by
        `penilaian.policy._grouping.held` while the appraisal lives); else, or where that
        does not answer, one pass over the roles present in the ratings grouped once: the
        sum is exact, so their order does not matter, and the weight of the roles that
        lack ratings is what the counted roles leave of the whole.
        """
        if self._mean:
            rows = held(appraisal, self, self._every_row)
            if rows is not None:
                return rows.get(subject)
        return self._weighted(appraisal, grouped_ratings(appraisal).get(subject))

    def ratios(
        self, appraisal: Appraisal, subjects: Iterable[str]
    ) -> list[tuple[int, int, str]] | None:
        """
        Return `ratio` of each of *subjects*, in order, or `None` as soon as one has none.

        The ratings are read here, once, for these subjects only: nothing is kept.
        """
        subjects = tuple(subjects)
        if self._mean:
            return self._means(appraisal, subjects)
        return self._grouped(appraisal, subjects)

    def _grouped(
        self, appraisal: Appraisal, subjects: Sequence[str]
    ) -> list[tuple[int, int, str]] | None:
        """`ratios` from the ratings grouped by subject and role."""
        index = group_ratings(appraisal)
        values: list[tuple[int, int, str]] = []
        for subject in subjects:
            value = self._weighted(appraisal, index.get(subject))
            if value is None:
                return None
            values.append(value)
        return values

    def _weighted(
        self, appraisal: Appraisal, by_role: Mapping[str, Sequence[Rating]] | None
    ) -> tuple[int, int, str] | None:
        """`ratio` of the subject rated *by_role* (its ratings by role id, in order)."""
        aggregation = self._aggregation
        if aggregation is None or by_role is None:
            return None
        scanned = self._scan(by_role, aggregation)
        if scanned is None:
            return None
        return self._finish(appraisal, *scanned)

    def _means(
        self, appraisal: Appraisal, subjects: Sequence[str]
    ) -> list[tuple[int, int, str]] | None:
        """`ratios` with `Mean`: from `_rows` where it answers, else from `_grouped`."""
        found = self._rows(appraisal, subjects)
        if found is None:
            return self._grouped(appraisal, subjects)
        values, complete = found
        return values if complete else None  # type: ignore[return-value]

    def _rows(
        self, appraisal: Appraisal, subjects: Sequence[str]
    ) -> tuple[list[tuple[int, int, str] | None], bool] | None:
        """
        `ratio` of each of *subjects* with `Mean`, from the sums of one pass (`sum_cells`).

        With whether every subject has one; `None` where `sum_cells` does not answer.
        """
        cells = sum_cells(appraisal, subjects, self._slots)
        if cells is None:
            return None
        rows, counts, sums, whole, scale_id = cells  # the sums `int` if whole, else `Decimal`
        # With `Renormalise` and every weighted role counted, `_finish` adds nothing.
        plain, weighed = self._missing == _RENORMALISE, self._weighed
        values: list[tuple[int, int, str] | None] = []  # by row, in the order of the rows
        complete = True
        for row in rows.values():
            numerator, denominator, counted = 0, 1, 0
            for slot, weight, minimum in weighed:
                count = counts[row + slot]
                if count >= minimum:
                    top = sums[row + slot]
                    if whole:
                        unit = count
                    else:
                        top, unit = top.as_integer_ratio()
                        unit *= count
                    numerator = numerator * unit + weight * top * denominator
                    denominator *= unit
                    counted += weight
            if plain and counted:
                values.append((numerator, denominator * counted, scale_id))
            else:
                value = self._finish(appraisal, numerator, denominator, counted, scale_id)
                complete = complete and value is not None
                values.append(value)
        if len(values) == len(subjects):
            return values, complete  # no subject asked twice: the rows are the subjects, in order
        by_row = dict(zip(rows.values(), values, strict=True))
        return [by_row[rows[subject]] for subject in subjects], complete

    def _every_row(self, appraisal: Appraisal) -> dict[str, tuple[int, int, str] | None] | None:
        """`_rows` of every subject rated in *appraisal*, by subject."""
        subjects = tuple(dict.fromkeys(rating.subject for rating in appraisal.ratings))
        found = self._rows(appraisal, subjects)
        return None if found is None else dict(zip(subjects, found[0], strict=True))

    def _finish(
        self, appraisal: Appraisal, numerator: int, denominator: int, counted: int, scale_id: str
    ) -> tuple[int, int, str] | None:
        """The value from the counted roles' weighted sum and weight, by the missing policy."""
        imputed = self._imputed
        if imputed is not None and not _on_scale(appraisal, scale_id, imputed):
            return None  # the full path refuses the imputed value
        lacking = self._total - counted
        if not counted or (lacking and self._missing == _REQUIRE):
            return None  # a gap: the full path names the roles that lack ratings
        if not lacking or self._missing == _RENORMALISE:
            return numerator, denominator * counted, scale_id
        top, bottom = self._filler
        numerator = numerator * bottom + lacking * top * denominator
        return numerator, denominator * bottom * self._total, scale_id

    def _scan(
        self, by_role: Mapping[str, Sequence[Rating]], aggregation: AggregationFn
    ) -> tuple[int, int, int, str] | None:
        """
        Return the counted roles' weighted sum, their weight and the scale, in one pass.

        The sum is (numerator, denominator); `None` means a rating the full path refuses.
        """
        roles, mean = self._roles, type(aggregation) is Mean
        scale_id = None
        numerator, denominator, counted = 0, 1, 0
        for role, ratings in by_role.items():
            found = roles.get(role)
            if found is None:
                return None  # a role the policy does not weight
            weight, minimum = found
            total, unit = 0, 1
            for rating in ratings:
                score = rating.score
                if score is None:
                    return None  # ordinal
                if rating.scale_id != scale_id:
                    if scale_id is not None:
                        return None  # a second scale
                    scale_id = rating.scale_id
                if mean:
                    top, bottom = score.as_integer_ratio()
                    if bottom == unit:
                        total += top
                        continue
                    common = math.lcm(unit, bottom)
                    total = total * (common // unit) + top * (common // bottom)
                    unit = common
            if weight and len(ratings) >= minimum:
                total, bottom = (
                    (total, unit * len(ratings)) if mean else _ordered(aggregation, ratings)
                )
                numerator = numerator * bottom + weight * total * denominator
                denominator *= bottom
                counted += weight
        return None if scale_id is None else (numerator, denominator, counted, scale_id)


def _minimum(min_raters: Mapping[RaterRole, int], role: str) -> int:
    """The fewest ratings *role* needs to count: at least 1."""
    return max(min_raters.get(ROLES[role], 1), 1)


def _on_scale(appraisal: Appraisal, scale_id: str, imputed: Fraction) -> bool:
    """Whether the imputed value lies on the ratings' numeric scale (else the full path)."""
    for scale in appraisal.scales:
        if scale.id == scale_id and isinstance(scale, NumericScale):
            return bool(scale.minimum <= imputed <= scale.maximum)
    return False


def _ordered(aggregation: AggregationFn, ratings: Sequence[Rating]) -> tuple[int, int]:
    """One role's `Median` or `TrimmedMean`, as (numerator, denominator)."""
    pairs = [rating.score.as_integer_ratio() for rating in ratings]  # type: ignore[union-attr]
    unit = math.lcm(*(bottom for _, bottom in pairs))
    ordered = sorted(top * (unit // bottom) for top, bottom in pairs)
    count = len(ordered)
    if type(aggregation) is Median:
        middle = count // 2
        if count % 2:
            return ordered[middle], unit
        return ordered[middle - 1] + ordered[middle], 2 * unit
    cut = aggregation.trimmed(count)  # type: ignore[attr-defined]
    kept = ordered[cut : count - cut]
    return sum(kept), unit * len(kept)
