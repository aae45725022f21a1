"""The generic regime's missing-component policy in the policy file's form."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from penilaian import Renormalise, Require, Weights
from penilaian.exceptions import (
    DuplicateIdError,
    InvalidInputError,
    InvalidNumberError,
    InvalidValueError,
    MissingValueError,
    UnknownLabelError,
)
from penilaian.regimes.generic import MissingComponentPolicy, WeightsByPresence
from penilaian.serialization import parse_json, structure, unstructure

TABLE = {
    "kind": "table",
    "rows": [
        {"present": ["work", "peer"], "weights": {"work": "3/4", "peer": "1/4"}},
        {"present": ["work"], "weights": {"work": "1"}},
    ],
}


class TestForm:
    """The words of a weighting policy's ``missing``, and a table written as data."""

    @pytest.mark.parametrize(
        ("data", "expected"),
        [
            ({"kind": "require"}, Require()),
            ({"kind": "renormalise"}, Renormalise()),
            (
                TABLE,
                WeightsByPresence(
                    {
                        ("work", "peer"): {"work": "3/4", "peer": "1/4"},
                        ("work",): {"work": 1},
                    }
                ),
            ),
        ],
    )
    def test_read_and_written(self, data, expected):
        policy = structure(data, MissingComponentPolicy)
        assert policy == expected
        assert unstructure(policy) == data

    def test_json_numbers_are_exact(self):
        """A JSON number in a row is read exactly (0.75 is 3/4) by the one JSON reader."""
        row = '{"present": ["a", "b"], "weights": {"a": 0.75, "b": 0.25}}'
        text = f'{{"kind": "table", "rows": [{row}]}}'
        policy = structure(parse_json(text), MissingComponentPolicy)
        assert policy.rows[frozenset({"a", "b"})] == Weights({"a": "3/4", "b": "1/4"})

    def test_a_table_without_its_kind(self):
        """Structured as WeightsByPresence itself, the kind may be left out."""
        rows = {"rows": TABLE["rows"]}
        assert structure(rows, WeightsByPresence) == structure(TABLE, MissingComponentPolicy)
        with pytest.raises(InvalidInputError) as caught:
            structure({"kind": "renormalise"}, WeightsByPresence)
        assert caught.value.problems[0].path == "$.kind"


class TestRefused:
    """Every problem of a document at once, each with its path and typed error."""

    @pytest.mark.parametrize(
        ("data", "path", "error"),
        [
            (3, "$", InvalidValueError),
            ({}, "$.kind", MissingValueError),
            ({"kind": "zero"}, "$.kind", UnknownLabelError),
            ({"kind": "impute", "value": "3"}, "$.kind", UnknownLabelError),
            ({"kind": "renormalise", "rows": []}, "$.rows", InvalidValueError),
            ({"kind": "table"}, "$.rows", MissingValueError),
            ({"kind": "table", "rows": []}, "$.rows", InvalidValueError),
            ({"kind": "table", "rows": [3]}, "$.rows[0]", InvalidValueError),
        ],
    )
    def test_one_problem(self, data, path, error):
        with pytest.raises(InvalidInputError) as caught:
            structure(data, MissingComponentPolicy)
        assert [problem.path for problem in caught.value.problems] == [path]
        assert isinstance(caught.value.problems[0].error, error)

    def test_every_problem_of_a_table(self):
        rows = [
            {"present": ["a", "a"], "weights": {"a": 0.5}},
            {"present": [], "weights": {"a": "1/2", "b": "1/3"}, "extra": 1},
            {"present": ["a"], "weights": {"b": "1"}},
            {"present": ["b"], "weights": {"b": "-1", "c": "2"}},
            {"present": ["c"], "weights": {"c": "1"}},
            {"present": ["c"], "weights": {"c": "1"}},
        ]
        with pytest.raises(InvalidInputError) as caught:
            structure({"kind": "table", "rows": rows}, MissingComponentPolicy)
        found = [(problem.path, type(problem.error)) for problem in caught.value.problems]
        assert found == [
            ("$.rows[0].present", DuplicateIdError),
            ("$.rows[0].weights['a']", InvalidNumberError),
            ("$.rows[1].extra", InvalidValueError),
            ("$.rows[1].present", InvalidValueError),
            ("$.rows[1].weights", InvalidNumberError),
            ("$.rows[2].weights", InvalidValueError),
            ("$.rows[3].weights['b']", InvalidNumberError),
            ("$.rows[5].present", DuplicateIdError),
        ]


NAMES = st.lists(st.sampled_from("abcdef"), min_size=1, max_size=4, unique=True)


@st.composite
def tables(draw):
    """A table of up to four rows, each a set of names with whole-number amounts normalised."""
    sets = draw(st.lists(NAMES, min_size=1, max_size=4, unique_by=frozenset))
    rows = []
    for names in sets:
        amounts = draw(st.lists(st.integers(0, 9), min_size=len(names), max_size=len(names)))
        if not any(amounts):
            amounts[0] = 1
        rows.append((names, Weights.normalised(dict(zip(names, amounts, strict=True)))))
    return WeightsByPresence(rows)


@given(st.one_of(st.just(Require()), st.just(Renormalise()), tables()))
def test_round_trip(policy):
    """Any policy is read back as written: structure(unstructure(x)) == x."""
    assert structure(unstructure(policy), MissingComponentPolicy) == policy
