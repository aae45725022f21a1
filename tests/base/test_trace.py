"""Tests for the trace's steps: inputs are (name, value) pairs of texts, each name once."""

from __future__ import annotations

import pickle
import threading
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal
from fractions import Fraction

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import penilaian as p
from penilaian._base.trace import Step, _DeferredStep, deferred_step
from penilaian.exceptions import DuplicateIdError, InvalidValueError, PenilaianError
from penilaian.scoring import MISSING, Rule, show

RULE = Rule("r", "Clause 1 [HIGH]", "Aturan", "Rule")

names = st.text(min_size=1, max_size=6)
pairs = st.lists(st.tuples(names, st.text(max_size=6)), max_size=6)


class TestInputs:
    """A step's inputs are pairs of texts in the rule's order, and a name is given once."""

    def test_pairs_given_as_lists_become_tuples(self):
        """A pair given as a list is kept as a tuple, so equal steps compare equal."""
        step = p.Step(RULE, "1", [["a", "1"], ("b", "2")])
        assert step.inputs == (("a", "1"), ("b", "2"))
        assert step == p.Step(RULE, "1", (("a", "1"), ("b", "2")))

    def test_a_name_given_twice_is_refused_at_the_second(self):
        """A repeated name is a DuplicateIdError at the index of its second use."""
        with pytest.raises(DuplicateIdError) as caught:
            p.Step(RULE, "1", (("a", "1"), ("b", "2"), ("a", "3")))
        assert (caught.value.field, caught.value.value) == ("inputs[2]", "a")
        assert caught.value.reason == "is given twice"

    def test_evolve_checks_again(self):
        """attrs.evolve runs the check, so no step ever holds a name twice."""
        step = p.Step.of(RULE, 1, a=1)
        with pytest.raises(DuplicateIdError):
            attrs.evolve(step, inputs=(*step.inputs, ("a", "2")))

    @pytest.mark.parametrize(
        ("inputs", "field"),
        [
            ("ab", "inputs"),
            ({"a": "1"}, "inputs"),
            ([("a",)], "inputs[0]"),
            ([("a", "1", "2")], "inputs[0]"),
            ([None], "inputs[0]"),
            (["ab"], "inputs[0]"),
            ([("a", "1"), (1, "2")], "inputs[1][0]"),
            ([("a", Decimal(1))], "inputs[0][1]"),
            ([("a", None)], "inputs[0][1]"),
        ],
    )
    def test_what_is_not_pairs_of_texts_is_refused_at_its_place(self, inputs, field):
        """Text, a mapping, a non-pair or a non-text is an InvalidValueError naming its place."""
        with pytest.raises(InvalidValueError) as caught:
            p.Step(RULE, "1", inputs)
        assert caught.value.field == field

    @given(pairs)
    def test_accepted_exactly_when_names_are_unique(self, given_pairs):
        """Any pairs of texts are taken, in order, if and only if no name repeats."""
        names = [name for name, _ in given_pairs]
        if len(set(names)) == len(names):
            assert p.Step(RULE, "1", given_pairs).inputs == tuple(given_pairs)
        else:
            with pytest.raises(DuplicateIdError) as caught:
                p.Step(RULE, "1", given_pairs)
            index = int(caught.value.field.removeprefix("inputs[").removesuffix("]"))
            assert names[index] in names[:index]

    @given(st.dictionaries(names, st.one_of(st.integers(), st.text(max_size=4), st.none())))
    def test_built_from_names_never_repeats(self, inputs):
        """Step.from_mapping (and so Step.of) writes each value with show, in the given order."""
        step = p.Step.from_mapping(RULE, 1, inputs)
        assert [name for name, _ in step.inputs] == list(inputs)
        assert dict(step.inputs) == {name: show(value) for name, value in inputs.items()}

    @given(st.lists(st.one_of(st.none(), st.integers(), st.text(max_size=3), pairs), max_size=3))
    def test_only_typed_errors(self, inputs):
        """Whatever is given, either a PenilaianError comes out or the inputs are pairs of texts."""
        try:
            step = p.Step(RULE, "1", inputs)
        except PenilaianError:
            return
        assert all(type(name) is str and type(value) is str for name, value in step.inputs)


class TestScoredTraces:
    """Every step the regimes write names each input once (so JSON can write an object)."""

    @pytest.mark.parametrize("regime_id", ["permen6_2022", "generic", "pp30_2019", "pp46_2011"])
    def test_samples(self, regime_id):
        """Every step of each sample's trace has unique input names and text values."""
        result = p.default_registry().get(regime_id).score(p.load_sample(regime_id))
        assert result.trace is not None
        steps = list(result.trace.walk())
        assert len(steps) > 1
        for step in steps:
            names = [name for name, _ in step.inputs]
            assert len(names) == len(set(names))

    def test_of_writes_exact_values(self):
        """Step.of writes fractions, decimals and missing values exactly, in keyword order."""
        step = p.Step.of(RULE, Fraction(266, 3), b=Fraction(1, 3), a=Decimal("88.67"), c=None)
        assert step.inputs == (("b", "1/3"), ("a", "88.67"), ("c", MISSING))


class TestDeferredStep:
    """`deferred_step`: a step built once, when first read, that behaves as the step built."""

    RULE = Rule("r", "test", "uji", "test")

    def built(self, calls: list[int], child: Step | None = None) -> Step:
        calls.append(1)
        return Step.of(self.RULE, 5, subject="x", children=[child] if child else [], v=3)

    def test_built_once_when_first_read_and_equal_to_the_step(self):
        calls: list[int] = []
        deferred = deferred_step(lambda: self.built(calls))
        assert calls == []
        plain = self.built([])
        assert deferred == plain
        assert plain == deferred
        assert not deferred != plain  # noqa: SIM202 - the operator itself is under test
        assert hash(deferred) == hash(plain)
        assert repr(deferred) == repr(plain)
        assert [s.output for s in deferred.walk()] == ["5"]
        assert calls == [1]

    def test_it_is_a_frozen_deferred_step(self):
        """Built through its class's writable twin, it ends as that class, frozen."""
        deferred = deferred_step(lambda: self.built([]))
        assert type(deferred) is _DeferredStep
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            deferred._build = None  # type: ignore[misc]
        assert deferred.output == "5"

    def test_evolve_and_pickle_give_plain_steps(self):
        deferred = deferred_step(lambda: self.built([]))
        changed = attrs.evolve(deferred, output="6")
        assert type(changed) is Step
        assert (changed.output, changed.inputs) == ("6", (("v", "3"),))
        loaded = pickle.loads(pickle.dumps(deferred))  # noqa: S301 - our own bytes
        assert type(loaded) is Step
        assert loaded == self.built([])

    def test_a_step_that_reads_another_while_built(self):
        inner = deferred_step(lambda: Step.of(self.RULE, 1))
        outer = deferred_step(lambda: self.built([], child=inner if inner.output == "1" else None))
        assert outer.children == (inner,)

    def test_threads_reading_at_once_build_it_once(self):
        calls: list[int] = []
        gate = threading.Event()

        def slow() -> Step:
            gate.wait(1)
            return self.built(calls)

        deferred = deferred_step(slow)
        with ThreadPoolExecutor(4) as pool:
            futures = [pool.submit(lambda: deferred.output) for _ in range(4)]
            gate.set()
            assert [future.result() for future in futures] == ["5"] * 4
        assert calls == [1]


def test_a_deferred_step_whose_build_gives_none_is_refused_when_read():
    """A build that gives no step (a traced run always has its root) is a bug, said on reading."""
    deferred = deferred_step(lambda: None)
    with pytest.raises(RuntimeError, match="gave no step"):
        _ = deferred.rule
