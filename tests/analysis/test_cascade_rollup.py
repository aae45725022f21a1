"""Roll-ups: a parent's value from the targets that intervene it, exact and traced."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from penilaian.analysis.cascade import (
    OWN_RULE,
    MeanOfChildren,
    MinimumOfChildren,
    MissingChild,
    RollUpRule,
    TargetNode,
    TargetRef,
    TargetTree,
    WeightedMeanOfChildren,
    build_tree,
    progress_values,
    roll_up,
)
from penilaian.exceptions import InvalidNumberError, InvalidValueError, UnknownReferenceError
from penilaian.model import (
    BERAKHLAK,
    Appraisal,
    Employee,
    Indicator,
    Period,
    PointTarget,
    Position,
    QualitativeTarget,
    Rater,
    Realisation,
    WorkTarget,
)


def _target(tid, parent=None):
    indicator = Indicator(f"{tid}-i", "Jumlah", "quantity", PointTarget(10))
    return WorkTarget(tid, f"Judul {tid}", (indicator,))


def _tree(parents):
    """A tree of one appraisal per target id: *parents* maps each id to its parent id."""
    return TargetTree(
        TargetNode(
            TargetRef("a", tid),
            _target(tid),
            f"$[0].targets[{index}]",
            "e",
            "E",
            parent=None if parent is None else TargetRef("a", parent),
        )
        for index, (tid, parent) in enumerate(parents.items())
    )


FRAPPE = _tree({"p": None, "c1": "p", "c2": "p", "g1": "c2", "g2": "c2"})
"""Frappe's example: a parent with children 0 and {50, 0}."""


class TestMean:
    """The mean of children, Frappe HRMS's rule, applied recursively."""

    def test_frappe_example(self):
        """A parent with children 0 and {50, 0} gets 12.5."""
        rolled = roll_up(FRAPPE, {"a/c1": 0, "a/g1": 50, "a/g2": 0})
        assert rolled.value(TargetRef("a", "c2")) == 25
        assert rolled.value(TargetRef("a", "p")) == Fraction(25, 2)
        assert rolled[TargetRef("a", "p")].gaps == ()

    def test_exact(self):
        """Thirds stay thirds."""
        tree = _tree({"p": None, "x": "p", "y": "p", "z": "p"})
        rolled = roll_up(tree, {"a/x": 1, "a/y": 0, "a/z": 0})
        assert rolled.value(TargetRef("a", "p")) == Fraction(1, 3)
        assert rolled[TargetRef("a", "p")].step.output == "1/3"

    def test_trace_names_rule_children_and_policy(self):
        """The parent's step names the rule, each child's value and the missing policy."""
        rolled = roll_up(FRAPPE, {"a/c1": 0, "a/g1": 50, "a/g2": 0})
        step = rolled[TargetRef("a", "p")].step
        assert step.rule.id == "cascade.mean"
        assert "[LOW]" in step.rule.clause
        assert step.inputs == (("a/c1", "0"), ("a/c2", "25"), ("missing", "require"))
        assert [s.rule.id for s in step.find("cascade.own")] == [OWN_RULE.id] * 3
        assert step.subject == "a/p"

    def test_own_value_of_a_parent_is_kept_apart(self):
        """A parent's own value is reported but the roll-up comes from its children."""
        rolled = roll_up(FRAPPE, {"a/p": 99, "a/c1": 10, "a/g1": 20, "a/g2": 20})
        assert rolled[TargetRef("a", "p")].own == 99
        assert rolled.value(TargetRef("a", "p")) == 15


class TestMissing:
    """A child without a value is never 0: the policy decides, and says so."""

    def test_require_leaves_the_parent_without_value(self):
        """Under REQUIRE a missing grandchild leaves its parent and the root without value."""
        rolled = roll_up(FRAPPE, {"a/c1": 0, "a/g1": 50}, lang="en")
        assert rolled.value(TargetRef("a", "c2")) is None
        assert rolled.value(TargetRef("a", "p")) is None
        [gap] = rolled[TargetRef("a", "p")].gaps
        assert gap.path == "$[0].targets[4]"
        assert gap.reason == "no value; missing-value policy: require"
        assert rolled[TargetRef("a", "p")].step.output == "(missing)"

    def test_leave_out_combines_the_rest(self):
        """Under LEAVE_OUT the missing grandchild is left out, not counted as 0."""
        rolled = roll_up(FRAPPE, {"a/c1": 0, "a/g1": 50, "a/g2": None}, missing="leave_out")
        assert rolled.value(TargetRef("a", "c2")) == 50
        assert rolled.value(TargetRef("a", "p")) == 25
        assert rolled.missing is MissingChild.LEAVE_OUT
        assert ("missing", "leave_out") in rolled[TargetRef("a", "p")].step.inputs

    def test_leave_out_with_nothing_left(self):
        """With no child valued, the parent has no value, and the gap says why."""
        rolled = roll_up(FRAPPE, {}, missing=MissingChild.LEAVE_OUT, lang="en")
        gaps = rolled[TargetRef("a", "c2")].gaps
        assert gaps[0].reason == "no cascaded target has a value"
        assert [g.path for g in gaps[1:]] == ["$[0].targets[3]", "$[0].targets[4]"]


class TestOtherRules:
    """Weighted mean and minimum; bad input is refused."""

    def test_weighted(self):
        """Weights by reference: (3 x 0 + 1 x 25) / 4."""
        rule = WeightedMeanOfChildren({"a/c1": 3, TargetRef("a", "c2"): 1, "a/g1": 1, "a/g2": 1})
        rolled = roll_up(FRAPPE, {"a/c1": 0, "a/g1": 50, "a/g2": 0}, rule)
        assert rolled.value(TargetRef("a", "p")) == Fraction(25, 4)
        assert rolled[TargetRef("a", "p")].step.rule.id == "cascade.weighted"

    def test_weighted_needs_every_weight(self):
        """A child without a weight is named."""
        rule = WeightedMeanOfChildren({"a/c1": 1})
        with pytest.raises(InvalidValueError, match=r"weights\[a/g1\]"):
            roll_up(FRAPPE, {"a/c1": 0, "a/g1": 1, "a/g2": 1}, rule)

    def test_weights_must_be_positive(self):
        """A zero weight is refused at its key."""
        with pytest.raises(InvalidNumberError, match=r"weights\[a/c1\]"):
            WeightedMeanOfChildren({"a/c1": 0})

    def test_minimum(self):
        """The weakest child."""
        rolled = roll_up(FRAPPE, {"a/c1": 7, "a/g1": 50, "a/g2": 3}, MinimumOfChildren())
        assert rolled.value(TargetRef("a", "p")) == 3

    def test_rules_satisfy_the_contract(self):
        """Each built-in rule is a RollUpRule."""
        for rule in (MeanOfChildren(), MinimumOfChildren(), WeightedMeanOfChildren({})):
            assert isinstance(rule, RollUpRule)

    def test_unknown_key_and_inexact_value(self):
        """A value for no target, or not a number, is refused."""
        with pytest.raises(UnknownReferenceError):
            roll_up(FRAPPE, {"a/none": 1})
        with pytest.raises(InvalidNumberError):
            roll_up(FRAPPE, {"a/c1": "lots"})
        assert roll_up(FRAPPE, {"a/c1": Decimal("0.1")})[TargetRef("a", "c1")].value == Fraction(
            1, 10
        )


values = st.fractions(min_value=-1000, max_value=1000, max_denominator=100)


class TestProperties:
    """Laws of the roll-ups."""

    @given(values)
    def test_single_child_equals_the_child(self, value):
        """For every built-in rule, a parent of one child takes that child's value."""
        tree = _tree({"p": None, "c": "p"})
        for rule in (MeanOfChildren(), MinimumOfChildren(), WeightedMeanOfChildren({"a/c": 7})):
            assert roll_up(tree, {"a/c": value}, rule).value(TargetRef("a", "p")) == value

    @given(st.lists(values, min_size=1, max_size=8), st.lists(st.integers(1, 9), min_size=8))
    def test_means_lie_between_min_and_max(self, children, weights):
        """The mean and the weighted mean lie between the children's min and max."""
        tree = _tree({"p": None, **{f"c{i}": "p" for i in range(len(children))}})
        given_values = {f"a/c{i}": value for i, value in enumerate(children)}
        weighted = WeightedMeanOfChildren({f"a/c{i}": w for i, w in enumerate(weights)})
        for rule in (MeanOfChildren(), weighted, MinimumOfChildren()):
            parent = roll_up(tree, given_values, rule).value(TargetRef("a", "p"))
            assert parent is not None
            assert min(children) <= parent <= max(children)
        mean = roll_up(tree, given_values).value(TargetRef("a", "p"))
        assert mean == sum(children, Fraction(0)) / len(children)

    @given(st.lists(values, min_size=2, max_size=6), st.data())
    def test_leave_out_equals_rolling_the_present(self, children, data):
        """Leaving out missing children equals rolling up only the present ones."""
        missing = data.draw(st.sets(st.integers(0, len(children) - 1), max_size=len(children) - 1))
        tree = _tree({"p": None, **{f"c{i}": "p" for i in range(len(children))}})
        valued = {f"a/c{i}": (None if i in missing else v) for i, v in enumerate(children)}
        present = [v for i, v in enumerate(children) if i not in missing]
        rolled = roll_up(tree, valued, missing="leave_out").value(TargetRef("a", "p"))
        assert rolled == sum(present, Fraction(0)) / len(present)
        required = roll_up(tree, valued).value(TargetRef("a", "p"))
        assert (required is None) == bool(missing)


class TestProgress:
    """A target's own progress from its indicators' achievements."""

    def test_mean_achievement(self):
        """Numeric indicators' achievements are averaged; qualitative ones are left out."""
        period = Period.year(2024)

        def appraisal(aid, employee, targets, boss=None):
            raters = () if boss is None else (Rater("atasan", "supervisor", boss),)
            position = Position("Jabatan", "executor")
            return Appraisal(
                aid, Employee(employee, employee), position, period, BERAKHLAK, targets, raters
            )

        done = Indicator("i1", "Jumlah", "quantity", PointTarget(10), realisation=Realisation(5))
        full = Indicator("i2", "Mutu", "quality", PointTarget(80), realisation=Realisation(80))
        words = Indicator("i3", "Uraian", "quality", QualitativeTarget("Diterima"))
        open_ = Indicator("i4", "Waktu", "time", PointTarget(12))
        items = [
            appraisal("a", "head", [WorkTarget("t", "T", (done, full, words))]),
            appraisal("b", "staf", [WorkTarget("u", "U", (open_,), cascades_from="t")], "head"),
            appraisal("c", "staf2", [WorkTarget("w", "W", (words,), cascades_from="t")], "head"),
        ]
        progress = progress_values(build_tree(items))
        assert progress == {
            TargetRef("a", "t"): Fraction(75),
            TargetRef("b", "u"): None,
            TargetRef("c", "w"): None,
        }
