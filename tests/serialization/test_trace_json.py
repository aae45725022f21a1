"""A trace in JSON: each step's inputs are an object of names to exact texts, in order."""

from __future__ import annotations

import json

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import penilaian as p
from penilaian.exceptions import DuplicateIdError, InvalidInputError, PenilaianError
from penilaian.scoring import Rule
from penilaian.serialization import dumps, json_schema, loads, structure, unstructure
from strategies import varied_appraisals

RULE = Rule("r", "Clause 1 [HIGH]", "Aturan", "Rule")
REGIMES = ["permen6_2022", "generic", "pp30_2019", "pp46_2011"]
RULE_JSON = {"id": "r", "clause": "Clause 1 [HIGH]", "text_id": "Aturan", "text_en": "Rule"}


@st.composite
def steps(draw: st.DrawFn, depth: int = 2) -> p.Step:
    """Steps with unique input names of any text (JSON-hostile ones too), nested *depth* deep."""
    names = draw(st.lists(st.text(max_size=8), unique=True, max_size=5))
    inputs = [(name, draw(st.text(max_size=8))) for name in names]
    children = draw(st.lists(steps(depth - 1), max_size=2)) if depth else []
    subject = draw(st.none() | st.text(min_size=1, max_size=4).filter(str.strip))
    return p.Step(RULE, draw(st.text(max_size=6)), inputs, subject, children)


def _walk(step: dict) -> list[dict]:
    """Every step of the JSON form of a trace, parents first."""
    return [step, *(inner for child in step["children"] for inner in _walk(child))]


def _as_pairs(step: dict) -> dict:
    """The JSON form of *step* as earlier versions wrote it: inputs as [name, value] pairs."""
    inputs = [[name, value] for name, value in step["inputs"].items()]
    return {**step, "inputs": inputs, "children": [_as_pairs(kid) for kid in step["children"]]}


def _scored(regime_id: str, appraisal: p.Appraisal | None = None) -> p.Result:
    appraisal = appraisal or p.load_sample(regime_id)
    return p.default_registry().get(regime_id).score(appraisal)


class TestWireForm:
    """What a step looks like in JSON."""

    def test_inputs_are_an_object_of_exact_texts(self):
        """Inputs become {name: value}, values as the trace writes them, never JSON numbers."""
        step = p.Step.of(RULE, "266/3", capaian="266/3", weight="0.60", realisation=None)
        plain = unstructure(step)
        assert plain["inputs"] == {"capaian": "266/3", "weight": "0.60", "realisation": "(missing)"}
        assert list(plain) == ["rule", "output", "inputs", "subject", "children"]
        text = dumps(step)
        assert (
            '"inputs": {"capaian": "266/3", "weight": "0.60", "realisation": "(missing)"}' in text
        )

    def test_order_is_the_rules_through_text(self):
        """The names keep the order the rule reads them, in the text and back."""
        step = p.Step.of(RULE, 1, z="1", a="2", m="3")
        assert list(json.loads(dumps(step))["inputs"]) == ["z", "a", "m"]
        assert loads(dumps(step), p.Step).inputs == (("z", "1"), ("a", "2"), ("m", "3"))

    def test_no_inputs_is_an_empty_object(self):
        """A step without inputs writes {} and reads back equal."""
        step = p.Step(RULE, "1")
        assert unstructure(step)["inputs"] == {}
        assert loads(dumps(step), p.Step) == step

    @pytest.mark.parametrize("regime_id", REGIMES)
    def test_every_step_of_a_scored_trace_is_an_object(self, regime_id):
        """Each step of each regime's sample writes its inputs as an object with its pairs."""
        result = _scored(regime_id)
        plain = unstructure(result)
        written = _walk(plain["trace"])
        assert len(written) == len(list(result.trace.walk()))
        for step, json_step in zip(result.trace.walk(), written, strict=True):
            assert list(json_step["inputs"].items()) == list(step.inputs)


class TestRoundTrip:
    """loads(dumps(result)) == result, for the samples and for drawn results and steps."""

    @pytest.mark.parametrize("regime_id", REGIMES)
    def test_samples(self, regime_id):
        """Each regime's sample result survives JSON text unchanged, and validates."""
        result = _scored(regime_id)
        assert loads(dumps(result, indent=2), p.Result) == result
        jsonschema.validate(unstructure(result), json_schema(p.Result))

    @pytest.mark.parametrize("regime_id", REGIMES)
    @settings(max_examples=10)
    @given(data=st.data())
    def test_drawn_results(self, regime_id, data):
        """A result scored from any drawn appraisal survives JSON text unchanged."""
        result = _scored(regime_id, data.draw(varied_appraisals(regime_id)))
        assert result.trace is not None
        assert loads(dumps(result), p.Result) == result
        assert structure(unstructure(result), p.Result) == result

    @given(steps())
    def test_drawn_steps(self, step):
        """Any step (names of any text, nested) round-trips, through text and as data."""
        assert loads(dumps(step), p.Step) == step
        assert structure(unstructure(step), p.Step) == step
        jsonschema.validate(unstructure(step), json_schema(p.Step))


class TestEarlierForm:
    """Documents written before, with inputs as [name, value] pairs, still load."""

    @pytest.mark.parametrize("regime_id", REGIMES)
    def test_a_saved_result_loads_equal(self, regime_id):
        """A result saved with pairs loads to the same result, and is written as objects again."""
        result = _scored(regime_id)
        old = unstructure(result)
        old["trace"] = _as_pairs(old["trace"])
        assert isinstance(old["trace"]["inputs"], list)
        loaded = loads(json.dumps(old), p.Result)
        assert loaded == result
        assert unstructure(loaded) == unstructure(result)

    @given(steps())
    def test_drawn_steps(self, step):
        """Any step written as pairs reads back equal."""
        assert structure(_as_pairs(unstructure(step)), p.Step) == step

    def test_the_schema_describes_the_form_written(self):
        """The schema gives the object form only; the pairs are read, as documented, not written."""
        old = _as_pairs(unstructure(p.Step.of(RULE, 1, a=1)))
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(old, json_schema(p.Step))
        assert (
            "still read"
            in json_schema(p.Step)["$defs"]["Step"]["properties"]["inputs"]["description"]
        )


class TestRefused:
    """A name twice, a value that is not text, or inputs of another shape: a problem at its path."""

    @staticmethod
    def _problems(inputs_text: str, typed: type = PenilaianError) -> list[tuple[str, str]]:
        """The (path, message) of each problem of a step whose inputs are *inputs_text*."""
        text = f'{{"rule": {json.dumps(RULE_JSON)}, "output": "1", "inputs": {inputs_text}}}'
        with pytest.raises(InvalidInputError) as caught:
            loads(text, p.Step)
        assert all(isinstance(problem.error, typed) for problem in caught.value.problems)
        return [(problem.path, problem.message) for problem in caught.value.problems]

    def test_a_key_given_twice_in_the_text(self):
        """JSON text that repeats a key is refused at that key, not read as its last value."""
        problems = self._problems('{"a": "1", "b": "2", "a": "3"}', typed=DuplicateIdError)
        assert problems == [("$.inputs.a", "is given twice (got 'a')")]

    def test_a_name_given_twice_in_pairs(self):
        """Pairs that repeat a name are refused at the second, by the step's own check."""
        problems = self._problems('[["a", "1"], ["a", "2"]]', typed=DuplicateIdError)
        assert problems == [("$.inputs[1]", "is given twice (got 'a')")]

    @pytest.mark.parametrize(
        ("inputs", "expected"),
        [
            ('{"a": 88.67}', [("$.inputs.a", "must be text (got Decimal('88.67'))")]),
            ('{"a b": null, "c": "1"}', [("$.inputs['a b']", "must be text (got None)")]),
            ('[["a", 3]]', [("$.inputs[0][1]", "must be text (got 3)")]),
            ('[["a"]]', [("$.inputs[0]", "must be a (name, value) pair (got ('a',))")]),
            ('["ab"]', [("$.inputs[0]", "must be a (name, value) pair (got 'ab')")]),
            ('"a=1"', [("$.inputs", "expected a JSON object (got 'a=1')")]),
        ],
    )
    def test_other_shapes(self, inputs, expected):
        """Numbers are not taken for texts, and other shapes are refused where they are."""
        assert self._problems(inputs) == expected

    def test_many_wrong_values_are_listed_to_the_limit_and_counted(self):
        """Inputs with thousands of wrong values list the first MAX_PROBLEMS and count the rest."""
        inputs = json.dumps({f"k{index}": index for index in range(1000)})
        text = f'{{"rule": {json.dumps(RULE_JSON)}, "output": "1", "inputs": {inputs}}}'
        with pytest.raises(InvalidInputError) as caught:
            loads(text, p.Step)
        listed = InvalidInputError.MAX_PROBLEMS
        assert (caught.value.count, len(caught.value.problems)) == (1000, listed)
        assert caught.value.omitted == 1000 - listed
        assert caught.value.problems[-1].path == f"$.inputs.k{listed - 1}"

    def test_problems_are_placed_in_a_result(self):
        """A bad step deep in a result's trace is reported at its full path."""
        plain = unstructure(_scored("pp46_2011"))
        first = plain["trace"]["children"][0]
        name = next(iter(first["inputs"]))
        first["inputs"][name] = 1
        with pytest.raises(InvalidInputError) as caught:
            structure(plain, p.Result)
        [problem] = caught.value.problems
        assert problem.path.startswith("$.trace.children[0].inputs")
