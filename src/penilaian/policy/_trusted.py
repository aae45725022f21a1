"""
`trusted_aggregate`: an `Aggregate` the weighting kernel built, set without its checks.

`Aggregate(...)` runs a check for each of its five fields; the kernel's value needs none:
its subject is the subject of ratings the appraisal checked (else there is no value), its
value a `Fraction` the kernel made, its scale id the id of the appraisal's scale, its step
a `Step` or `None`.  The result is the `Aggregate` that ``Aggregate(subject, value,
scale_id, step=step)`` gives: equal to it, with the same hash, text and pickle.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from penilaian._base.slots import slot_setters
from penilaian.policy.aggregation import Aggregate

if TYPE_CHECKING:
    from fractions import Fraction

    from penilaian._base.trace import Step

__all__ = ["trusted_aggregate"]

_new = object.__new__
_set_subject, _set_value, _set_scale_id, _set_gap, _set_step = slot_setters(
    Aggregate, ("subject", "value", "scale_id", "gap", "step")
)


def trusted_aggregate(
    subject: str, value: Fraction, scale_id: str, step: Step | None = None
) -> Aggregate:
    """Return ``Aggregate(subject, value, scale_id, step=step)`` without its checks."""
    aggregate = _new(Aggregate)
    _set_subject(aggregate, subject)
    _set_value(aggregate, value)
    _set_scale_id(aggregate, scale_id)
    _set_gap(aggregate, None)
    _set_step(aggregate, step)
    return aggregate
