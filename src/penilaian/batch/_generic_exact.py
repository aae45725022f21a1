"""
The generic engine's exact path: one row's component values and score in `fractions.Fraction`.

`penilaian.batch._generic_values.combine` sends here the rows whose float value lies
too near a rounding or band decision to be trusted; `Exact` recomputes them with
the scalar regime's arithmetic (the achievement formula of PermenPANRB 8/2021, the
rescaling, the weighting policy's own combination), so every row equals the scalar
result.  `scaled_int64` puts an exact value into an ``int64`` column, and a row with
a value beyond ``int64`` (the achievement of a realisation very far from its target)
is refused with `too_large`, alone or in any batch.
"""

from __future__ import annotations

from fractions import Fraction
from typing import TYPE_CHECKING, Final

import numpy as np

from penilaian._base.rounding import FIGURE_ROUNDING
from penilaian.batch._columns import MISSING
from penilaian.batch._generic_plan import Plan, RatedPart, WorkPart
from penilaian.exceptions import Problem, UnsupportedInputError
from penilaian.model.raters import RaterRole

if TYPE_CHECKING:
    from decimal import Decimal

    from penilaian.batch._generic_types import GenericBatch

__all__ = ["Exact", "scaled_int64", "too_large"]

_ROLES: Final = tuple(RaterRole)
_INT64_MAX: Final = int(np.iinfo(np.int64).max)


def scaled_int64(value: Decimal | None, places: int) -> int | None:
    """*value* x 10^*places* for an ``int64`` column: `MISSING` for none, `None` if beyond."""
    if value is None:
        return MISSING
    whole = int(value.scaleb(places))
    return whole if MISSING < whole <= _INT64_MAX else None


def too_large(row: int, name: str, value: Decimal | None) -> Problem:
    """The problem of a *row* whose value of *name* has no ``int64`` form once scaled."""
    reason = (
        f"{name} is {value}, beyond what an int64 column holds scaled; "
        "score this appraisal with GenericRegime.score"
    )
    return Problem(f"$.realisation[{row}]", reason, UnsupportedInputError(name, value, reason))


class Exact:
    """One row's component values and rounded score, in `fractions.Fraction`."""

    def __init__(self, batch: GenericBatch, plan: Plan) -> None:
        self.batch = batch
        self.plan = plan
        self.unit = 10**batch.places

    def row(self, row: int) -> tuple[list[Decimal | None], Decimal | None]:
        """The figure-rounded components and the rounded score (`None`: no value)."""
        values: list[Fraction | None] = []
        for part in self.plan.components:
            if isinstance(part, WorkPart):
                values.append(self.work(row, part))
            else:
                values.append(self.rated(row, part))
        figures = [None if v is None else FIGURE_ROUNDING.apply(v) for v in values]
        if any(v is None for v in values):
            return figures, None
        total = sum(
            (
                p.weight * v
                for p, v in zip(self.plan.components, values, strict=True)
                if v is not None
            ),
            Fraction(0),
        )
        return figures, self.plan.rounding.apply(total)

    def work(self, row: int, part: WorkPart) -> Fraction | None:
        """The mean achievement, exactly as `penilaian.scoring.achievement.achievement` gives it."""
        batch = self.batch
        found = []
        for i in np.flatnonzero(batch.indicator[row]).tolist():
            if int(batch.kind[row, i]) not in part.kinds:
                continue
            real = Fraction(int(batch.realisation[row, i]), self.unit)
            low = Fraction(int(batch.target_low[row, i]), self.unit)
            high = Fraction(int(batch.target_high[row, i]), self.unit)
            if low <= real <= high:
                value = Fraction(100)
            else:
                ratio = real / (high if real > high else low)
                value = (2 - ratio) * 100 if batch.lower_is_better[row, i] else ratio * 100
            found.append(value if part.cap is None else min(value, part.cap))
        return sum(found, Fraction(0)) / len(found) if found else None

    def rated(self, row: int, part: RatedPart) -> Fraction | None:
        """The mean rescaled subject value, with the weighting policy's own arithmetic."""
        if part.unknown:
            return None
        batch = self.batch
        chosen = (
            np.flatnonzero(batch.applies[row]).tolist()
            if part.subjects is None
            else list(part.subjects)
        )
        low, high = Fraction(batch.scale_min), Fraction(batch.scale_max)
        values = []
        for subject in chosen:
            value = self.subject(row, subject)
            if value is None:
                return None
            values.append((value - low) / (high - low) * 100)
        return sum(values, Fraction(0)) / len(values)

    def subject(self, row: int, subject: int) -> Fraction | None:
        """One subject's value: the supervisor's rating, or the policy's weighted value."""
        batch = self.batch
        grouped: dict[str, list[Fraction]] = {}
        for rater in np.flatnonzero(batch.rated[row, subject]).tolist():
            role = _ROLES[int(batch.role[row, rater])].value
            grouped.setdefault(role, []).append(
                Fraction(int(batch.score[row, subject, rater]), self.unit)
            )
        policy = self.plan.roles.policy
        if policy is None:
            found = grouped.get(RaterRole.SUPERVISOR.value, [])
            return found[0] if found else None
        present = {}
        for role in policy.role_weights.shares:
            values = grouped.get(role, [])
            minimum = max(policy.min_raters.get(RaterRole(role), 1), 1)
            if len(values) >= minimum:
                present[role] = policy.combine(values)
        return policy.weigh_roles(present)
