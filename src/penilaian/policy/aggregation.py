"""
Combining the ratings of one rater role, the named choices for a role with none, the parts.

Within a role, a `penilaian.WeightingPolicy` combines its raters' ratings with an
aggregation: `Mean` (the default), `Median`, `TrimmedMean`, or any `AggregationFn`
(a callable from the exact ratings to one exact value).  All are exact.

When a weighted role has no usable ratings, the policy applies one of the four
`MissingRaterPolicy` choices, which the caller must name: `Renormalise`, `Require`,
`Impute` or `Zero`.  None is a default, because each changes the result.

A policy's `WeightedAggregate` keeps every part: each role's `RoleAggregate`, the
self-assessment and the self-other gap.  A `PublicIndex` enters a survey index computed
elsewhere as the public role.
"""

from __future__ import annotations

import math
from fractions import Fraction
from typing import TYPE_CHECKING, ClassVar, Final, TypeAlias

import attrs

from penilaian._base.checks import TUPLE, at_least_one, instance_of, items_of, non_empty
from penilaian._base.labels import LabelledEnum
from penilaian._base.numbers import Number, to_fraction
from penilaian._base.trace import Gap, Step, show
from penilaian.exceptions import (
    InvalidNumberError,
    InvalidValueError,
    MissingValueError,
    Problem,
    ScoringInputError,
)
from penilaian.model.raters import RaterRole

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from penilaian.typing import AggregationFn

__all__ = [
    "Aggregate",
    "Impute",
    "Mean",
    "Median",
    "MissingRaterPolicy",
    "PublicIndex",
    "Renormalise",
    "Require",
    "RoleAggregate",
    "RoleStatus",
    "TrimmedMean",
    "WeightedAggregate",
    "Zero",
]


_TEXT: Final = instance_of(str, expected="text")
_OPTIONAL_TEXT: Final = instance_of(str, type(None), expected="text or None")
_EXACT: Final = instance_of(Fraction, expected="an exact Fraction")
_OPTIONAL_EXACT: Final = instance_of(Fraction, type(None), expected="an exact Fraction or None")
_GAP: Final = instance_of(Gap, type(None), expected="a Gap or None")
_STEP: Final = instance_of(Step, type(None), expected="a Step or None")


@attrs.frozen
class Aggregate:
    """
    One value combined from ratings, or the reason there is none.

    Attributes:
        subject: What was rated.
        value: The combined value, exact; `None` when it could not be formed.
        scale_id: The scale the value is on.
        gap: Why there is no value, when there is none.
        step: How it was combined, when a trace was asked for.
    """

    subject: str = attrs.field(validator=_TEXT)
    value: Fraction | None = attrs.field(validator=_OPTIONAL_EXACT)
    scale_id: str | None = attrs.field(default=None, validator=_OPTIONAL_TEXT)
    gap: Gap | None = attrs.field(default=None, validator=_GAP)
    step: Step | None = attrs.field(default=None, validator=_STEP)


def weighted_sum(pairs: Iterable[tuple[Fraction, Fraction]]) -> Fraction:
    """
    Return the exact sum of ``a x b`` over *pairs*, building one `Fraction` (not one per step).

    >>> weighted_sum([(Fraction(1, 2), Fraction(3)), (Fraction(1, 3), Fraction(1, 4))])
    Fraction(19, 12)
    """
    numerators, denominators = [], []
    for first, second in pairs:
        numerators.append(first.numerator * second.numerator)
        denominators.append(first.denominator * second.denominator)
    common = math.lcm(*denominators)
    return Fraction(
        sum(n * (common // d) for n, d in zip(numerators, denominators, strict=True)), common
    )


def _mean(values: Sequence[Fraction]) -> Fraction:
    common = math.lcm(*(value.denominator for value in values))
    total = sum(value.numerator * (common // value.denominator) for value in values)
    return Fraction(total, common * len(values))


def _refuse_empty(values: Sequence[Fraction]) -> None:
    if not values:
        raise InvalidValueError("values", (), "needs at least one rating to combine")


@attrs.frozen
class Mean:
    """The arithmetic mean, exact: the sum of the ratings divided by their count."""

    def __call__(self, values: Sequence[Fraction], /) -> Fraction:
        """Return the mean of *values*."""
        _refuse_empty(values)
        return _mean(values)

    def __str__(self) -> str:
        return "mean"


@attrs.frozen
class Median:
    """
    The median, exact: the middle rating, or the mean of the two middle ratings.

    >>> Median()([Fraction(3), Fraction(5), Fraction(4), Fraction(4)])
    Fraction(4, 1)
    """

    def __call__(self, values: Sequence[Fraction], /) -> Fraction:
        """Return the median of *values*."""
        _refuse_empty(values)
        ordered = sorted(values)
        middle = len(ordered) // 2
        if len(ordered) % 2:
            return ordered[middle]
        return (ordered[middle - 1] + ordered[middle]) / 2

    def __str__(self) -> str:
        return "median"


def _proportion(value: Number) -> Fraction:
    return to_fraction(value, "proportion")


@attrs.frozen
class TrimmedMean:
    """
    The mean after dropping the lowest and highest ratings, exact.

    With *n* ratings, ``floor(proportion * n)`` ratings are dropped from each end, so
    ``TrimmedMean("1/4")`` drops one of each end from 4 to 7 ratings and none from 3;
    at least one rating always remains, since the proportion is below 1/2.

    >>> TrimmedMean("1/4")([Fraction(1), Fraction(4), Fraction(4), Fraction(5)])
    Fraction(4, 1)

    Attributes:
        proportion: The share trimmed from each end, from 0 (the plain mean) up to,
            but not including, 1/2.
    """

    proportion: Fraction = attrs.field(converter=_proportion)

    @proportion.validator
    def _check(self, attribute: attrs.Attribute[Fraction], value: Fraction) -> None:
        if not 0 <= value < Fraction(1, 2):
            reason = "must be at least 0 and below 1/2 (the share trimmed from each end)"
            raise InvalidNumberError(attribute.name, value, reason)

    def trimmed(self, count: int) -> int:
        """Return how many ratings are dropped from each end of *count* ratings."""
        return self.proportion.numerator * count // self.proportion.denominator

    def __call__(self, values: Sequence[Fraction], /) -> Fraction:
        """Return the trimmed mean of *values*."""
        _refuse_empty(values)
        cut = self.trimmed(len(values))
        kept = sorted(values)[cut : len(values) - cut]
        return _mean(kept)

    def __str__(self) -> str:
        return f"trimmed mean ({show(self.proportion)} per side)"


def describe_aggregation(aggregation: AggregationFn) -> str:
    """Name *aggregation* as a trace shows it: ``mean``, ``median``, or the function's name."""
    if isinstance(aggregation, Mean | Median | TrimmedMean):
        return str(aggregation)
    return getattr(aggregation, "__name__", None) or repr(aggregation)


@attrs.frozen
class Renormalise:
    """
    Leave a missing role out, and share its weight among the present roles in proportion.

    The present roles keep the ratios of their weights (`penilaian.Weights.restricted`):
    with supervisor 1/2, peer 1/4, subordinate 1/4 and no subordinates, the supervisor
    counts 2/3 and the peers 1/3.  `penilaian.GenericRegime` takes it as its ``missing``
    policy too: a component nobody rated is left out the same way.
    """

    id: ClassVar[str] = "renormalise"

    def __str__(self) -> str:
        return self.id


@attrs.frozen
class Require:
    """
    Give no value while any weighted role is missing; the aggregate carries a gap naming it.

    A regime then returns an incomplete result, never a score.  It is also the default
    ``missing`` policy of `penilaian.GenericRegime`, for a component nobody rated.
    """

    id: ClassVar[str] = "require"

    def __str__(self) -> str:
        return self.id


def _imputed(value: Number) -> Fraction:
    return to_fraction(value, "value")


@attrs.frozen
class Impute:
    """
    Give a missing role a stated value, with its full weight; the trace records it.

    The value must lie on the scale of the ratings it joins (checked when used).

    Attributes:
        value: The value a missing role is given, such as the scale's midpoint.
    """

    id: ClassVar[str] = "impute"
    value: Fraction = attrs.field(converter=_imputed)

    def __str__(self) -> str:
        return f"{self.id} {show(self.value)}"


@attrs.frozen
class Zero:
    """
    Give a missing role the value 0, with its full weight, as a stated policy choice.

    This is what systems that count a missing self-review as 0 do by accident (a 3.6
    from the supervisor becomes 1.2 when two of three equal roles are missing).  Here
    it happens only when chosen, and the trace records it; 0 may lie below the scale.
    """

    id: ClassVar[str] = "zero"

    def __str__(self) -> str:
        return self.id


MissingRaterPolicy: TypeAlias = Renormalise | Require | Impute | Zero
"""What a `penilaian.WeightingPolicy` does with a weighted role that has no usable ratings."""

MISSING_RATER_POLICY: Final = instance_of(
    Renormalise,
    Require,
    Impute,
    Zero,
    expected="a missing-rater policy: Renormalise(), Require(), Impute(value) or Zero()",
)
"""The validator of a field that holds a `MissingRaterPolicy` (an instance, not the class)."""


class RoleStatus(LabelledEnum):
    """Whether a rater role's ratings of one subject count."""

    RATED = ("rated", "Dinilai", "Rated")
    PUBLIC_INDEX = ("public_index", "Indeks layanan publik", "Public index")
    BELOW_MINIMUM = ("below_minimum", "Penilai kurang dari minimum", "Below the minimum raters")
    MISSING = ("missing", "Tidak dinilai", "Not rated")


LACKING: Final = frozenset({RoleStatus.BELOW_MINIMUM, RoleStatus.MISSING})
"""The statuses of a role that counts as missing."""


@attrs.frozen
class RoleAggregate:
    """
    One rater role's part in a weighted aggregate.

    Attributes:
        role: The rater role.
        weight: Its weight in the policy.
        status: Whether its ratings count.
        raters: How many ratings it gave (the respondents, for a public index).
        own: Its ratings combined (or the index), when it has any, even below the minimum.
        used: What entered the weighted sum: *own*, an imputed value or 0; `None` if nothing.
        effective_weight: Its weight in the sum after renormalisation; 0 if nothing entered.
    """

    role: RaterRole = attrs.field(validator=instance_of(RaterRole, expected="a RaterRole"))
    weight: Fraction = attrs.field(validator=_EXACT)
    status: RoleStatus = attrs.field(validator=instance_of(RoleStatus, expected="a RoleStatus"))
    raters: int = attrs.field(validator=instance_of(int, expected="a whole number"))
    own: Fraction | None = attrs.field(validator=_OPTIONAL_EXACT)
    used: Fraction | None = attrs.field(validator=_OPTIONAL_EXACT)
    effective_weight: Fraction = attrs.field(validator=_EXACT)


@attrs.frozen
class WeightedAggregate:
    """
    A weighted multi-rater value with its parts, or the reason there is none.

    Attributes:
        subject: What was rated.
        value: The weighted value, exact; `None` when it could not be formed.
        scale_id: The scale of the ratings.
        roles: Each weighted role's part, in the policy's order.
        missing: The missing-rater policy applied.
        self_value: The self-assessment, counted or not.
        others_value: The weighted value of every role but self (equal to *value*
            when self is not counted).
        gap: Why there is no value.
        step: How it was combined, when a trace was asked for.
    """

    subject: str = attrs.field(validator=_TEXT)
    value: Fraction | None = attrs.field(validator=_OPTIONAL_EXACT)
    scale_id: str | None = attrs.field(validator=_OPTIONAL_TEXT)
    roles: tuple[RoleAggregate, ...] = attrs.field(
        converter=TUPLE, validator=items_of(RoleAggregate, expected="a RoleAggregate")
    )
    missing: MissingRaterPolicy = attrs.field(validator=MISSING_RATER_POLICY)
    self_value: Fraction | None = attrs.field(default=None, validator=_OPTIONAL_EXACT)
    others_value: Fraction | None = attrs.field(default=None, validator=_OPTIONAL_EXACT)
    gap: Gap | None = attrs.field(default=None, validator=_GAP)
    step: Step | None = attrs.field(default=None, validator=_STEP)

    @property
    def self_other_gap(self) -> Fraction | None:
        """Self minus others: above 0 the employee rates themself higher than others do."""
        if self.self_value is None or self.others_value is None:
            return None
        return self.self_value - self.others_value

    def as_aggregate(self) -> Aggregate:
        """Return the plain `penilaian.policy.Aggregate` that regimes read."""
        return Aggregate(self.subject, self.value, self.scale_id, self.gap, self.step)

    def value_or_raise(self) -> Fraction:
        """
        Return the value, for callers that want a missing role to stop them.

        Raises:
            ScoringInputError: with a `MissingValueError` giving the gap's reason.
        """
        if self.value is not None:
            return self.value
        reason = self.gap.reason if self.gap else f"no value for {self.subject}"
        path = self.gap.path if self.gap else "$.ratings"
        error = MissingValueError(self.subject, None, reason)
        raise ScoringInputError([Problem(path, reason, error)])


@attrs.frozen
class PublicIndex:
    """
    A service-user index computed elsewhere (such as an IKM survey), entered as the public role.

    Pass it as ``public=`` when aggregating one subject; it stands for the public role
    (no public ratings of that subject may be given as well), counts as *respondents*
    raters against ``min_raters``, and is taken as it is, not re-aggregated.

    Attributes:
        value: The index, already on *scale_id*.
        scale_id: The numeric scale of the appraisal it is on (the ratings' scale).
        respondents: How many responses it summarises.
        source: Where it comes from, for the trace.
    """

    value: Fraction = attrs.field(converter=to_fraction)
    scale_id: str = attrs.field(validator=non_empty)
    respondents: int = attrs.field(validator=at_least_one)
    source: str | None = attrs.field(default=None, validator=_OPTIONAL_TEXT)
