"""
Rolling values up the target tree: a parent's value from the targets that intervene it.

A target with no cascaded targets keeps its own value (a realisation, a progress
percentage, an achievement); a target with some takes the value a named `RollUpRule`
makes of theirs, recursively, so a parent with children 0 and {50, 0} gets
(0 + (50 + 0) / 2) / 2 = 12.5 under `MeanOfChildren`, Frappe HRMS's rule.  Values are
exact (`fractions.Fraction`); a child without a value is never taken as 0: the
`MissingChild` policy says whether the parent then has no value (`REQUIRE`, the
default) or the child is left out (`LEAVE_OUT`), and every step of the trace names it.

PermenPANRB 6/2022 sets no roll-up formula: every rule here is a convention [LOW],
chosen by the caller; the mean is the default because public HR systems use it.
"""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction
from typing import TYPE_CHECKING, Final, Protocol, runtime_checkable

import attrs

from penilaian._base.labels import LabelledEnum, checked_language
from penilaian._base.numbers import to_fraction, to_positive_fraction
from penilaian._base.trace import Gap, Rule, Step
from penilaian.analysis.cascade._words import WORDS
from penilaian.analysis.cascade.tree import TargetRef
from penilaian.exceptions import InvalidValueError
from penilaian.model.targets import QualitativeTarget
from penilaian.scoring.achievement import achievement

if TYPE_CHECKING:
    from collections.abc import Sequence

    from penilaian._base.labels import Language
    from penilaian.analysis.cascade.tree import TargetTree

__all__ = [
    "OWN_RULE",
    "MeanOfChildren",
    "MinimumOfChildren",
    "MissingChild",
    "RollUp",
    "RollUpRule",
    "RolledValue",
    "WeightedMeanOfChildren",
    "progress_values",
    "roll_up",
]

_CONVENTION: Final = "convention [LOW]: PermenPANRB 6/2022 sets no roll-up formula"


class MissingChild(LabelledEnum):
    """What a roll-up does with a cascaded target that has no value (never taken as 0)."""

    REQUIRE = ("require", "Wajib ada: induk tanpa nilai", "Require: the parent has no value")
    LEAVE_OUT = (
        "leave_out",
        "Abaikan: hitung dari yang bernilai",
        "Leave out: combine the children that have a value",
        "skip",
    )


@runtime_checkable
class RollUpRule(Protocol):
    """How a parent's value is made of its children's values (at least one, all present)."""

    @property
    def rule(self) -> Rule:
        """The rule the trace names for each parent."""
        ...

    def combine(self, children: Sequence[tuple[TargetRef, Fraction]]) -> Fraction:
        """Return the parent's value from each child's reference and value."""
        ...


OWN_RULE: Final = Rule(
    id="cascade.own",
    clause=_CONVENTION,
    text_id="RHK tanpa RHK bawahan yang mengintervensi: nilainya sendiri",
    text_en="A target that no target cascades from keeps its own value",
)


@attrs.frozen
class MeanOfChildren:
    """The mean of the children's values, each counted once (Frappe HRMS's goal progress)."""

    @property
    def rule(self) -> Rule:
        """The rule ``cascade.mean``."""
        return Rule(
            id="cascade.mean",
            clause=f"{_CONVENTION}; Frappe HRMS Goal: mean of child goals",
            text_id="Nilai induk = rata-rata nilai RHK bawahan",
            text_en="Parent's value = mean of the cascaded targets' values",
        )

    def combine(self, children: Sequence[tuple[TargetRef, Fraction]]) -> Fraction:
        """Return the mean of the children's values."""
        return sum((value for _, value in children), Fraction(0)) / len(children)


@attrs.frozen
class MinimumOfChildren:
    """The lowest of the children's values: a parent is as far along as its weakest child."""

    @property
    def rule(self) -> Rule:
        """The rule ``cascade.minimum``."""
        return Rule(
            id="cascade.minimum",
            clause=_CONVENTION,
            text_id="Nilai induk = nilai terendah RHK bawahan",
            text_en="Parent's value = lowest of the cascaded targets' values",
        )

    def combine(self, children: Sequence[tuple[TargetRef, Fraction]]) -> Fraction:
        """Return the lowest of the children's values."""
        return min(value for _, value in children)


def _weights(value: object) -> Mapping[str, Fraction]:
    if not hasattr(value, "items"):
        raise InvalidValueError("weights", value, "must map target references to weights")
    return {
        str(key): to_positive_fraction(weight, f"weights[{key}]") for key, weight in value.items()
    }


@attrs.frozen
class WeightedMeanOfChildren:
    """
    The weighted mean of the children's values: sum of weight x value over sum of weights.

    Attributes:
        weights: Each child's weight (greater than 0), by its reference
            (`TargetRef` or its text ``"<appraisal>/<target>"``); every child rolled
            up needs one.
    """

    weights: Mapping[str, Fraction] = attrs.field(converter=_weights, hash=False)

    @property
    def rule(self) -> Rule:
        """The rule ``cascade.weighted``."""
        return Rule(
            id="cascade.weighted",
            clause=_CONVENTION,
            text_id="Nilai induk = \u03a3 bobot \u00d7 nilai / \u03a3 bobot RHK bawahan",
            text_en="Parent's value = \u03a3 weight \u00d7 value / \u03a3 weight of the children",
        )

    def combine(self, children: Sequence[tuple[TargetRef, Fraction]]) -> Fraction:
        """
        Return the weighted mean of the children's values.

        Raises:
            InvalidValueError: at ``weights[<ref>]``, for a child without a weight.
        """
        total = weighted = Fraction(0)
        for ref, value in children:
            weight = self.weights.get(str(ref))
            if weight is None:
                reason = WORDS.in_language("id")["no_weight"]
                raise InvalidValueError(f"weights[{ref}]", None, reason)
            total += weight
            weighted += weight * value
        return weighted / total


@attrs.frozen
class RolledValue:
    """
    One target's rolled-up value, how it came about, and what it lacks.

    Attributes:
        ref: The target.
        value: Its value: its own for a target without children, else the rule's;
            `None` when a value it needs is missing.
        own: The value it was given itself, if any.
        step: The trace: the rule, each child's value and the missing-value policy.
        gaps: Why there is no value (each missing target at its path), if none.
    """

    ref: TargetRef
    value: Fraction | None
    own: Fraction | None
    step: Step
    gaps: tuple[Gap, ...] = ()


@attrs.frozen
class RollUp:
    """
    The rolled-up value of every target of a tree.

    Attributes:
        rule: The roll-up rule applied to every parent.
        missing: The missing-value policy applied.
        values: Each target's rolled value, in the order of the tree's nodes.
    """

    rule: RollUpRule
    missing: MissingChild
    values: Mapping[TargetRef, RolledValue] = attrs.field(hash=False)

    def __getitem__(self, ref: TargetRef) -> RolledValue:
        return self.values[ref]

    def value(self, ref: TargetRef) -> Fraction | None:
        """Return the rolled-up value of *ref* (`None` when missing)."""
        return self.values[ref].value


def roll_up(
    tree: TargetTree,
    values: Mapping[TargetRef | str, object],
    rule: RollUpRule | None = None,
    *,
    missing: MissingChild | str = MissingChild.REQUIRE,
    lang: Language = "id",
) -> RollUp:
    """
    Roll *values* up *tree*: every target's value from the targets that intervene it.

    Args:
        tree: The target tree (`build_tree`).
        values: Each target's own value, by `TargetRef` or its text; exact numbers
            (`Fraction`, `Decimal`, `int`, numeric text); a target left out or given
            `None` has none.
        rule: How children's values combine; `MeanOfChildren` by default.
        missing: What a child without a value means (`MissingChild`).
        lang: The language of the gaps: ``"id"`` or ``"en"``.

    Raises:
        UnknownReferenceError: a key of *values* names no target of *tree*.
        InvalidNumberError: at ``values[<ref>]``, for a value that is not an exact number.
        InvalidValueError: from the rule (a weighted mean's child without a weight).
    """
    chosen = MeanOfChildren() if rule is None else rule
    policy = MissingChild.parse(missing, "missing")
    words = WORDS.in_language(checked_language(lang))
    own: dict[TargetRef, Fraction | None] = {}
    for key, value in values.items():
        ref = tree.node(key).ref
        own[ref] = None if value is None else to_fraction(value, f"values[{key}]")
    order = list(tree.walk())
    done: dict[TargetRef, RolledValue] = {}
    for node in reversed(order):  # children before parents
        mine = own.get(node.ref)
        kids = [done[child.ref] for child in tree.children(node.ref)]
        if not kids:
            gaps = () if mine is not None else (_gap(node.path, words, policy),)
            step = Step.of(OWN_RULE, mine, subject=str(node.ref), own=mine)
            done[node.ref] = RolledValue(node.ref, mine, mine, step, gaps)
            continue
        present = [(kid.ref, kid.value) for kid in kids if kid.value is not None]
        lacking = tuple(gap for kid in kids if kid.value is None for gap in kid.gaps)
        result: Fraction | None = None
        if present and (policy is MissingChild.LEAVE_OUT or not lacking):
            result = chosen.combine(present)
        elif not present:
            lacking = (Gap(node.path, words["no_child_value"]), *lacking)
        inputs = {str(kid.ref): kid.value for kid in kids}
        step = Step.from_mapping(
            chosen.rule,
            result,
            {**inputs, "missing": policy},
            subject=str(node.ref),
            children=[kid.step for kid in kids],
        )
        done[node.ref] = RolledValue(
            node.ref, result, mine, step, () if result is not None else lacking
        )
    ordered = {node.ref: done[node.ref] for node in tree.nodes}
    return RollUp(chosen, policy, ordered)


def _gap(path: str, words: Mapping[str, str], policy: MissingChild) -> Gap:
    return Gap(path, words["missing_value"].format(policy=policy.value))


def progress_values(tree: TargetTree) -> dict[TargetRef, Fraction | None]:
    """
    Return each target's progress: the mean achievement (capaian, %) of its numeric indicators.

    A convention [LOW] for the values to roll up: qualitative indicators are left out
    (they are rated, not measured); a target with a numeric indicator not yet
    realised, or with none, has no progress (`None`, never 0).
    """
    found: dict[TargetRef, Fraction | None] = {}
    for node in tree.nodes:
        numeric = [
            item
            for item in node.target.indicators
            if not isinstance(item.target, QualitativeTarget)
        ]
        if not numeric or any(
            item.realisation is None or item.realisation.value is None for item in numeric
        ):
            found[node.ref] = None
            continue
        found[node.ref] = sum((achievement(item) for item in numeric), Fraction(0)) / len(numeric)
    return found
