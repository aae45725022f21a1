"""
What `penilaian.GenericRegime` does with a component nobody rated: a named policy.

A rated component is *absent* when the appraisal holds no rating of any of its
subjects.  The regime's ``missing`` field names what then happens, in the words the
weighting policies use for a missing rater role (`penilaian.policy.aggregation`):

- `penilaian.policy.Require` (the default): no score; the result is incomplete.
- `penilaian.policy.Renormalise`: leave it out; the present components share its
  weight in proportion to theirs (`penilaian.Weights.restricted`).
- `WeightsByPresence`: weights looked up, as data, by the set of components present.

With every component present, each policy uses the regime's own weights.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, ClassVar, Final, TypeAlias

import attrs

from penilaian._base.checks import instance_of, is_text
from penilaian._base.trace import Rule, Step, show
from penilaian.exceptions import InvalidNumberError, InvalidValueError
from penilaian.policy.aggregation import Renormalise, Require
from penilaian.policy.weights import Weights

if TYPE_CHECKING:
    from collections.abc import Sequence

    from penilaian.scoring.run import Run

__all__ = [
    "MISSING_COMPONENT_POLICY",
    "MissingComponentPolicy",
    "WeightsByPresence",
    "check_rows",
    "policy_step",
    "settle",
    "used",
]

_CLAUSE: Final = "configuration; penilaian convention, not a regulation [LOW]"
RENORMALISE_RULE: Final = Rule(
    "generic.missing.renormalise",
    _CLAUSE,
    "Komponen yang tidak dinilai ditinggalkan; bobotnya dibagi ke komponen yang ada, "
    "sebanding bobot masing-masing",
    "A component nobody rated is left out; the present components share its weight "
    "in proportion to theirs",
)
TABLE_RULE: Final = Rule(
    "generic.missing.table",
    _CLAUSE,
    "Komponen yang tidak dinilai ditinggalkan; bobot menurut baris tabel untuk komponen yang ada",
    "A component nobody rated is left out; the weights are the table's row for the present ones",
)


def _present(value: object, field: str) -> frozenset[str]:
    if isinstance(value, str) or not isinstance(value, Iterable):
        raise InvalidValueError(field, value, "must be a list of component ids")
    names = list(value)
    if not names or not all(is_text(name) for name in names):
        raise InvalidValueError(field, value, "must name at least one component, by its id")
    if len(set(names)) != len(names):
        raise InvalidValueError(field, value, "names a component twice")
    return frozenset(names)


def _rows(value: object) -> dict[frozenset[str], Weights]:
    pairs = value.items() if isinstance(value, Mapping) else value
    if isinstance(pairs, str) or not isinstance(pairs, Iterable):
        reason = "must map sets of present component ids to their weights"
        raise InvalidValueError("rows", value, reason)
    rows: dict[frozenset[str], Weights] = {}
    for pair in pairs:
        if not isinstance(pair, tuple) or len(pair) != 2:
            raise InvalidValueError("rows", pair, "each row is (present components, weights)")
        present = _present(pair[0], "rows")
        field = f"rows[{sorted(present)}]"
        if present in rows:
            raise InvalidValueError(field, sorted(present), "is given twice")
        try:
            weights = pair[1] if isinstance(pair[1], Weights) else Weights(pair[1])
        except InvalidNumberError as error:
            raise InvalidNumberError(field, error.value, error.reason) from error
        except InvalidValueError as error:
            raise InvalidValueError(field, error.value, error.reason) from error
        if set(weights) != present:
            reason = f"must weigh exactly the present components {sorted(present)}"
            raise InvalidValueError(field, sorted(weights), reason)
        rows[present] = weights
    if not rows:
        raise InvalidValueError("rows", value, "needs at least one row")
    return rows


@attrs.frozen
class WeightsByPresence:
    """
    Weights chosen by which components are present: a table written as data, not code.

    Each row maps a set of present component ids to the exact weights (summing to 1)
    that exactly those components take.  A set of present components with no row
    leaves the result incomplete, with a gap naming it; the full set never has a row,
    since with every component present the regime's own weights apply.

    >>> table = WeightsByPresence({("work",): {"work": 1}})
    >>> table.rows[frozenset({"work"})].shares
    {'work': Fraction(1, 1)}

    Attributes:
        rows: Each set of present component ids (any iterable; a `frozenset` once
            built) to a `penilaian.Weights` (or a mapping of exact shares) over exactly
            that set.  Pairs ``(present, weights)`` are accepted too.

    Raises:
        InvalidValueError: naming the row, for no row, a set given twice, an empty set,
            or weights over other components; `InvalidNumberError` for weights that do
            not sum to exactly 1.
    """

    id: ClassVar[str] = "table"
    rows: dict[frozenset[str], Weights] = attrs.field(converter=_rows, hash=False)

    def __str__(self) -> str:
        return self.id


MissingComponentPolicy: TypeAlias = Require | Renormalise | WeightsByPresence
"""What `penilaian.GenericRegime` does with a rated component nobody rated."""

MISSING_COMPONENT_POLICY: Final = instance_of(
    Require,
    Renormalise,
    WeightsByPresence,
    expected="a missing-component policy: Require(), Renormalise() or WeightsByPresence(rows)",
)
"""The validator of the regime's ``missing`` field."""


def check_rows(policy: MissingComponentPolicy, components: Sequence[str]) -> None:
    """
    Check a table's rows against the regime's component ids.

    Raises:
        InvalidValueError: at ``missing.rows[...]``, for a row naming an unknown
            component, or a row for every component (the regime's weights apply).
    """
    if not isinstance(policy, WeightsByPresence):
        return
    ids = set(components)
    for present in policy.rows:
        field = f"missing.rows[{sorted(present)}]"
        if not present <= ids:
            reason = f"names components the regime does not have; it has {sorted(ids)}"
            raise InvalidValueError(field, sorted(present - ids), reason)
        if present == ids:
            reason = "is every component; with all present the regime's own weights apply"
            raise InvalidValueError(field, sorted(present), reason)


def used(
    policy: MissingComponentPolicy, weights: Weights, present: Sequence[str]
) -> tuple[Weights | None, str]:
    """
    Return the weights of the *present* components under *policy*, or `None` and why not.

    With every component of *weights* present, the answer is *weights* itself.
    """
    if set(present) == set(weights):
        return weights, ""
    chosen: Weights | None = None
    reason = "no component has a value"
    if present and isinstance(policy, Renormalise):
        reason = "the present components all weigh 0, so there is no weight to share"
        if any(weights[name] for name in present):
            chosen = weights.restricted(frozenset(present))
    elif present and isinstance(policy, WeightsByPresence):
        chosen = policy.rows.get(frozenset(present))
        reason = f"the weight table has no row for the present components {list(present)}"
    elif present:
        reason = "the missing-component policy is require"
    return chosen, "" if chosen is not None else reason


def policy_step(
    policy: MissingComponentPolicy, weights: Weights, chosen: Weights, absent: Sequence[str]
) -> Step:
    """The trace step of the weights *chosen* when *absent* components were left out."""
    rule = TABLE_RULE if isinstance(policy, WeightsByPresence) else RENORMALISE_RULE
    output = ", ".join(f"{name} {show(share)}" for name, share in chosen.shares.items())
    inputs: dict[str, object] = {"policy": str(policy), "absent": ", ".join(absent)}
    inputs.update({f"configured[{name}]": share for name, share in weights.shares.items()})
    return Step.from_mapping(rule, output, inputs)


def settle(
    run: Run,
    policy: MissingComponentPolicy,
    weights: Weights,
    present: Sequence[str],
    absent: Sequence[str],
) -> Weights | None:
    """
    Return the weights *run* uses for the *present* components, noting the *absent* ones.

    With none to use, record a gap on *run* naming the absent components and why.
    """
    chosen, reason = used(policy, weights, present)
    left_out = ", ".join(absent)
    if chosen is None:
        run.gap("$.ratings", f"components nobody rated: {left_out}; {reason}")
        return None
    if absent:
        shares = ", ".join(f"{name} {show(share)}" for name, share in chosen.shares.items())
        run.note(
            "$.ratings",
            "missing_component",
            f"Komponen yang tidak dinilai: {left_out}; bobot yang dipakai ({policy}): {shares}",
            f"Components nobody rated: {left_out}; weights used ({policy}): {shares}",
        )
    return chosen
