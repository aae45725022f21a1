"""
`trusted_aggregate`: an `Aggregate` the weighting kernel built, set without its checks.

`Aggregate(...)` runs a check for each of its five fields; the kernel's value needs none:
its subject is the subject of ratings the appraisal checked (else there is no value), its
value a `Fraction` the kernel made, its scale id the id of the appraisal's scale, its step
a `Step` or `None`.  The result is the `Aggregate` that ``Aggregate(subject, value,
scale_id, step=step)`` gives: equal to it, with the same hash, text and pickle.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from penilaian._base.slots import writable_twin
from penilaian.policy.aggregation import Aggregate

if TYPE_CHECKING:
    from fractions import Fraction

    from penilaian._base.trace import Step

__all__ = ["trusted_aggregate"]

_new = object.__new__
_WRITABLE = writable_twin(Aggregate)


def trusted_aggregate(
    subject: str, value: Fraction, scale_id: str, step: Step | None = None
) -> Aggregate:
    """Return ``Aggregate(subject, value, scale_id, step=step)`` without its checks."""
    built: Any = _new(_WRITABLE)  # every field written, as `__init__` writes them
    built.subject = subject
    built.value = value
    built.scale_id = scale_id
    built.gap = None
    built.step = step
    built.__class__ = Aggregate
    aggregate: Aggregate = built
    return aggregate
