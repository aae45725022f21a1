"""Tests for penilaian.serialization.policy: weighting policies as JSON files."""

from __future__ import annotations

import json
from fractions import Fraction
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import given
from tests.strategies import weighting_policies

from penilaian import Impute, Mean, Median, Renormalise, Require, TrimmedMean, WeightingPolicy, Zero
from penilaian.exceptions import (
    DuplicateIdError,
    InvalidInputError,
    InvalidNumberError,
    InvalidValueError,
    MissingValueError,
    UnknownLabelError,
    UnsupportedInputError,
)
from penilaian.policy import EXAMPLE_360_ROLE_WEIGHTS, EXAMPLE_SERVICE_ROLE_WEIGHTS
from penilaian.serialization.policy import load_policy, policy_from_mapping, policy_to_mapping

if TYPE_CHECKING:
    from pathlib import Path

BRIEF_EXAMPLE = {
    "weights": {"supervisor": "1/2", "peer": "1/4", "subordinate": "1/4"},
    "aggregation": {"kind": "trimmed_mean", "proportion": "1/4"},
    "min_raters": {"peer": 3},
    "missing": {"kind": "renormalise"},
}
EXAMPLE_POLICIES = (
    WeightingPolicy(EXAMPLE_360_ROLE_WEIGHTS, missing=Renormalise()),
    WeightingPolicy(
        EXAMPLE_SERVICE_ROLE_WEIGHTS,
        missing=Impute(3),
        aggregation=Median(),
        min_raters={"peer": 3, "subordinate": 3, "public": 3},
    ),
    WeightingPolicy(
        {"self": "1/3", "supervisor": "1/3", "peer": "1/3"},
        missing=Require(),
        min_raters={"peer": 3},
        count_self=True,
    ),
    WeightingPolicy({"supervisor": 1}, missing=Zero(), aggregation=TrimmedMean("0.2")),
)


def problems_of(data: object) -> list[tuple[str, type[Exception]]]:
    """Return the (path, error type) of every problem policy_from_mapping reports for *data*."""
    with pytest.raises(InvalidInputError) as caught:
        policy_from_mapping(data)
    return [(problem.path, type(problem.error)) for problem in caught.value.problems]


def with_changes(**changes: Any) -> dict[str, Any]:
    """Return BRIEF_EXAMPLE with top-level keys replaced (or removed, when the value is None)."""
    data = {**BRIEF_EXAMPLE, **changes}
    return {key: value for key, value in data.items() if value is not None}


class TestPolicyFromMapping:
    """Reading the JSON form into a WeightingPolicy."""

    def test_reads_the_documented_example(self) -> None:
        """The example of the documentation gives the policy it describes."""
        expected = WeightingPolicy(
            EXAMPLE_360_ROLE_WEIGHTS,
            missing=Renormalise(),
            aggregation=TrimmedMean("1/4"),
            min_raters={"peer": 3},
        )
        assert expected == policy_from_mapping(BRIEF_EXAMPLE)

    def test_defaults_are_mean_no_minimum_and_self_not_counted(self) -> None:
        """Without aggregation, min_raters and count_self the policy takes their defaults."""
        data = {"weights": {"supervisor": 1}, "missing": {"kind": "require"}}
        expected = WeightingPolicy({"supervisor": 1}, missing=Require())
        assert expected == policy_from_mapping(data)

    def test_reads_indonesian_role_names_and_decimal_text(self) -> None:
        """Roles may be written in Indonesian, and weights as exact decimal text."""
        data = {
            "weights": {"atasan": "0.5", "rekan kerja": "0.3", "masyarakat": "0.2"},
            "missing": {"kind": "impute", "value": "3.5"},
        }
        expected = WeightingPolicy(
            {"supervisor": Fraction(1, 2), "peer": Fraction(3, 10), "public": Fraction(1, 5)},
            missing=Impute(Fraction(7, 2)),
        )
        assert expected == policy_from_mapping(data)

    def test_reads_every_simple_kind(self) -> None:
        """Each aggregation and missing-rater kind without parameters names its class."""
        pairs = [
            ({"kind": "mean"}, {"kind": "zero"}, Mean(), Zero()),
            ({"kind": "median"}, {"kind": "require"}, Median(), Require()),
        ]
        for aggregation, missing, expected_aggregation, expected_missing in pairs:
            policy = policy_from_mapping(with_changes(aggregation=aggregation, missing=missing))
            assert (expected_aggregation, expected_missing) == (policy.aggregation, policy.missing)

    def test_counts_self_when_asked(self) -> None:
        """count_self true with a weight for self counts the self-assessment."""
        data = {
            "weights": {"self": "1/5", "supervisor": "4/5"},
            "missing": {"kind": "renormalise"},
            "count_self": True,
        }
        assert policy_from_mapping(data).count_self is True

    def test_refuses_what_is_not_an_object(self) -> None:
        """A list or text is not a policy."""
        assert [("$", InvalidValueError)] == problems_of(["weights"])

    def test_refuses_unknown_keys(self) -> None:
        """Unknown keys are refused at every level, each at its path."""
        data = with_changes(
            weight={"peer": 1},
            aggregation={"kind": "mean", "proportion": "1/4"},
            missing={"kind": "renormalise", "value": "3"},
        )
        data["rounding 2"] = 2
        expected = [
            ("$.weight", InvalidValueError),
            ("$['rounding 2']", InvalidValueError),
            ("$.aggregation.proportion", InvalidValueError),
            ("$.missing.value", InvalidValueError),
        ]
        assert expected == problems_of(data)

    def test_requires_weights_and_the_missing_rule(self) -> None:
        """A policy without weights or a missing-rater rule names both."""
        expected = [("$.weights", MissingValueError), ("$.missing", MissingValueError)]
        assert expected == problems_of({"aggregation": {"kind": "mean"}})

    def test_refuses_unknown_and_repeated_roles(self) -> None:
        """A role that is not known, or named twice in two spellings, is refused."""
        weights = {"supervisor": "1/2", "atasan": "1/4", "boss": "1/4"}
        data = with_changes(weights=weights, min_raters=None)
        expected = [
            ("$.weights['atasan']", DuplicateIdError),
            ("$.weights['boss']", UnknownLabelError),
        ]
        assert expected == problems_of(data)

    def test_refuses_weights_not_summing_to_one(self) -> None:
        """Weights summing to 0.9999 are refused with their total, never rounded."""
        data = with_changes(
            weights={"supervisor": "0.3333", "peer": "0.3333", "subordinate": "0.3333"}
        )
        with pytest.raises(InvalidInputError) as caught:
            policy_from_mapping(data)
        (problem,) = caught.value.problems
        assert ("$.weights", Fraction("0.9999")) == (problem.path, problem.error.value)

    def test_refuses_floats_wherever_a_number_is_exact(self) -> None:
        """Floats are refused in weights, proportions and imputed values."""
        data = with_changes(
            weights={"supervisor": 0.5, "peer": "1/4", "subordinate": "1/4"},
            aggregation={"kind": "trimmed_mean", "proportion": 0.25},
            missing={"kind": "impute", "value": 3.0},
        )
        expected = [
            ("$.weights['supervisor']", InvalidNumberError),
            ("$.aggregation.proportion", InvalidNumberError),
            ("$.missing.value", InvalidNumberError),
        ]
        assert expected == problems_of(data)

    def test_refuses_numbers_of_the_wrong_kind(self) -> None:
        """Booleans, lists, text that is no number and negative weights are refused."""
        data = with_changes(
            weights={"supervisor": True, "peer": "a quarter", "subordinate": ["1/4"], "self": "-1"},
            count_self=True,
        )
        expected = [
            ("$.weights['supervisor']", InvalidNumberError),
            ("$.weights['peer']", InvalidNumberError),
            ("$.weights['subordinate']", InvalidNumberError),
            ("$.weights['self']", InvalidNumberError),
        ]
        assert expected == problems_of(data)

    def test_refuses_unknown_kinds(self) -> None:
        """An unknown or absent kind of aggregation or missing-rater rule is refused."""
        data = with_changes(aggregation={"kind": "mode"}, missing={"value": "3"})
        expected = [
            ("$.aggregation.kind", UnknownLabelError),
            ("$.missing.kind", MissingValueError),
        ]
        assert expected == problems_of(data)

    def test_refuses_kinds_that_are_not_text(self) -> None:
        """A kind given as a number names no kind."""
        assert [("$.missing.kind", UnknownLabelError)] == problems_of(
            with_changes(missing={"kind": 1})
        )

    def test_refuses_sections_of_the_wrong_type(self) -> None:
        """Weights, aggregation, missing and min_raters must be objects; count_self a boolean."""
        data = {
            "weights": [["supervisor", 1]],
            "aggregation": "mean",
            "missing": "renormalise",
            "min_raters": 3,
            "count_self": "yes",
        }
        expected = [
            ("$.weights", InvalidValueError),
            ("$.aggregation", InvalidValueError),
            ("$.min_raters", InvalidValueError),
            ("$.missing", InvalidValueError),
            ("$.count_self", InvalidValueError),
        ]
        assert expected == problems_of(data)

    def test_refuses_empty_weights(self) -> None:
        """A policy must weight at least one role."""
        assert [("$.weights", InvalidValueError)] == problems_of(
            with_changes(weights={}, min_raters={})
        )

    def test_needs_the_parameters_of_a_kind(self) -> None:
        """A trimmed mean needs its proportion and imputing needs its value."""
        data = with_changes(aggregation={"kind": "trimmed_mean"}, missing={"kind": "impute"})
        expected = [
            ("$.aggregation.proportion", MissingValueError),
            ("$.missing.value", MissingValueError),
        ]
        assert expected == problems_of(data)

    def test_refuses_a_proportion_out_of_range(self) -> None:
        """A trimmed mean cannot trim half of the ratings from each end."""
        data = with_changes(aggregation={"kind": "trimmed_mean", "proportion": "1/2"})
        assert [("$.aggregation.proportion", InvalidNumberError)] == problems_of(data)

    def test_refuses_bad_minimum_counts(self) -> None:
        """Minimum counts are whole, non-negative, and only for weighted, known roles."""
        data = with_changes(
            min_raters={"peer": "3", "subordinate": -1, "public": 3, "boss": 1, "atasan": 1.0},
        )
        expected = [
            ("$.min_raters['boss']", UnknownLabelError),
            ("$.min_raters['peer']", InvalidNumberError),
            ("$.min_raters['subordinate']", InvalidNumberError),
            ("$.min_raters['public']", UnsupportedInputError),
            ("$.min_raters['atasan']", InvalidNumberError),
        ]
        assert expected == problems_of(data)

    def test_refuses_self_weight_and_count_self_that_disagree(self) -> None:
        """Counting self needs a weight for self, and a weight for self needs count_self."""
        counted = with_changes(count_self=True)
        weighted = with_changes(weights={"self": "1/2", "supervisor": "1/2"}, min_raters={})
        assert [("$.count_self", InvalidValueError)] == problems_of(counted)
        assert [("$.weights['self']", InvalidValueError)] == problems_of(weighted)

    def test_reports_every_problem_at_once(self) -> None:
        """One call reports the problems of every section, in document order."""
        data = {
            "weights": {"supervisor": "1/2", "peer": 0.5},
            "aggregation": {"kind": "trimmed_mean", "proportion": "2/3"},
            "min_raters": {"peer": -3},
            "missing": {"kind": "guess"},
            "count_self": 1,
            "scale": "1-5",
        }
        expected = [
            "$.scale",
            "$.weights['peer']",
            "$.aggregation.proportion",
            "$.min_raters['peer']",
            "$.missing.kind",
            "$.count_self",
        ]
        assert expected == [path for path, _ in problems_of(data)]

    def test_messages_name_what_is_accepted(self) -> None:
        """An unknown role's message lists the accepted role ids."""
        with pytest.raises(InvalidInputError) as caught:
            policy_from_mapping(with_changes(weights={"boss": 1}))
        message = str(caught.value)
        assert "accepted: self, supervisor" in message
        assert "@ $.weights['boss']" in message


class TestPolicyToMapping:
    """Writing a WeightingPolicy in its JSON form."""

    def test_writes_every_key_with_exact_text(self) -> None:
        """The example policy is written in full, weights as exact text, roles by id."""
        expected = {
            "weights": {"supervisor": "1/2", "peer": "1/4", "subordinate": "1/4"},
            "aggregation": {"kind": "trimmed_mean", "proportion": "1/4"},
            "min_raters": {"peer": 3},
            "missing": {"kind": "renormalise"},
            "count_self": False,
        }
        assert expected == policy_to_mapping(policy_from_mapping(BRIEF_EXAMPLE))

    def test_writes_imputed_values_and_minimums_in_weight_order(self) -> None:
        """An imputed value is exact text, and minimums follow the order of the weights."""
        policy = WeightingPolicy(
            {"supervisor": "1/3", "peer": "1/3", "public": "1/3"},
            missing=Impute("3.5"),
            min_raters={"public": 5, "peer": 3},
        )
        mapping = policy_to_mapping(policy)
        assert mapping["missing"] == {"kind": "impute", "value": "7/2"}
        assert json.dumps(mapping["min_raters"]) == '{"peer": 3, "public": 5}'

    def test_output_is_json(self) -> None:
        """The mapping goes through json.dumps and back unchanged."""
        mapping = policy_to_mapping(EXAMPLE_POLICIES[1])
        assert mapping == json.loads(json.dumps(mapping))

    def test_refuses_a_custom_aggregation(self) -> None:
        """A policy with an aggregation function of your own cannot be written to a file."""

        def highest(values: Any) -> Fraction:
            return max(values)

        policy = WeightingPolicy({"peer": 1}, missing=Require(), aggregation=highest)
        with pytest.raises(UnsupportedInputError) as caught:
            policy_to_mapping(policy)
        assert (caught.value.field, caught.value.value) == ("aggregation", "highest")


class TestRoundTrip:
    """policy_from_mapping(policy_to_mapping(p)) == p."""

    @pytest.mark.parametrize("policy", EXAMPLE_POLICIES)
    def test_example_policies_round_trip(self, policy: WeightingPolicy) -> None:
        """The library's example weights, under several rules, come back equal."""
        assert policy == policy_from_mapping(policy_to_mapping(policy))

    @given(weighting_policies())
    def test_any_file_policy_round_trips(self, policy: WeightingPolicy) -> None:
        """Every policy a file can hold comes back equal, through JSON text."""
        text = json.dumps(policy_to_mapping(policy))
        assert policy == policy_from_mapping(json.loads(text))

    @given(weighting_policies())
    def test_writing_is_canonical(self, policy: WeightingPolicy) -> None:
        """Writing a policy read back from its own mapping gives the same mapping."""
        mapping = policy_to_mapping(policy)
        assert mapping == policy_to_mapping(policy_from_mapping(mapping))


class TestLoadPolicy:
    """Reading a policy from a JSON file."""

    def test_loads_a_file(self, tmp_path: Path) -> None:
        """A file written from a policy loads as the same policy."""
        path = tmp_path / "policy.json"
        for policy in EXAMPLE_POLICIES:
            path.write_text(json.dumps(policy_to_mapping(policy), indent=2), encoding="utf-8")
            assert policy == load_policy(path)

    def test_loads_a_path_given_as_text(self, tmp_path: Path) -> None:
        """The path may be text."""
        path = tmp_path / "kebijakan 360.json"
        path.write_text(json.dumps(BRIEF_EXAMPLE), encoding="utf-8")
        assert policy_from_mapping(BRIEF_EXAMPLE) == load_policy(str(path))

    def test_reads_json_numbers_exactly(self, tmp_path: Path) -> None:
        """0.75 and 3e0 in the file are read exactly as written, never as binary floats."""
        path = tmp_path / "policy.json"
        text = (
            '{"weights": {"supervisor": 0.75, "peer": "1/4"},'
            ' "missing": {"kind": "impute", "value": 3e0}}'
        )
        path.write_text(text, encoding="utf-8")
        policy = load_policy(path)
        expected = WeightingPolicy({"supervisor": "3/4", "peer": "1/4"}, missing=Impute(3))
        assert expected == policy
        assert (Fraction(3, 4), Fraction(3)) == (
            policy.role_weights["supervisor"],
            policy.missing.value,
        )

    def test_keeps_21_significant_digits(self, tmp_path: Path) -> None:
        """Numbers a binary float would round are kept to the last digit."""
        path = tmp_path / "policy.json"
        text = (
            '{"weights": {"supervisor": 0.499999999999999999999, "peer": 0.500000000000000000001},'
            ' "missing": {"kind": "impute", "value": 3.49999999999999999999},'
            ' "aggregation": {"kind": "trimmed_mean", "proportion": 0.249999999999999999999}}'
        )
        path.write_text(text, encoding="utf-8")
        policy = load_policy(path)
        assert policy.role_weights["supervisor"] == Fraction("0.499999999999999999999")
        assert policy.role_weights["peer"] == Fraction("0.500000000000000000001")
        assert policy.missing == Impute(Fraction("3.49999999999999999999"))
        assert policy.aggregation == TrimmedMean(Fraction("0.249999999999999999999"))
        written = policy_to_mapping(policy)
        assert written["weights"]["supervisor"] == "499999999999999999999/1000000000000000000000"
        assert policy == policy_from_mapping(json.loads(json.dumps(written)))

    def test_refuses_floats_read_by_another_reader(self) -> None:
        """A JSON number read as a binary float elsewhere is refused at its path, shown as given."""
        data = json.loads(
            '{"weights": {"supervisor": 0.75, "peer": "1/4"}, "missing": {"kind": "zero"}}'
        )
        with pytest.raises(InvalidInputError) as caught:
            policy_from_mapping(data)
        found = [(problem.path, repr(problem.error.value)) for problem in caught.value.problems]
        assert found == [("$.weights['supervisor']", "0.75")]

    def test_refuses_nan(self, tmp_path: Path) -> None:
        """NaN, which Python's JSON reader accepts, is no exact number."""
        path = tmp_path / "policy.json"
        path.write_text(
            '{"weights": {"supervisor": NaN}, "missing": {"kind": "zero"}}', encoding="utf-8"
        )
        with pytest.raises(InvalidInputError) as caught:
            load_policy(path)
        assert [problem.path for problem in caught.value.problems] == ["$.weights['supervisor']"]

    def test_refuses_keys_given_twice(self, tmp_path: Path) -> None:
        """A key written twice in one object is refused, not silently overwritten."""
        path = tmp_path / "policy.json"
        text = (
            '{"weights": {"supervisor": "1/2", "peer": "1/4", "peer": "1/2"},'
            ' "missing": {"kind": "zero"}, "missing": {"kind": "require"}}'
        )
        path.write_text(text, encoding="utf-8")
        with pytest.raises(InvalidInputError) as caught:
            load_policy(path)
        found = [(problem.path, type(problem.error)) for problem in caught.value.problems]
        assert [("$.missing", DuplicateIdError), ("$.weights['peer']", DuplicateIdError)] == found

    def test_refuses_text_that_is_not_json(self, tmp_path: Path) -> None:
        """Text that does not parse is one problem at the root."""
        path = tmp_path / "policy.json"
        path.write_text("weights: supervisor 1", encoding="utf-8")
        with pytest.raises(InvalidInputError) as caught:
            load_policy(path)
        assert [problem.path for problem in caught.value.problems] == ["$"]

    def test_refuses_bytes_that_are_not_utf8(self, tmp_path: Path) -> None:
        """A file in another encoding is refused at the root."""
        path = tmp_path / "policy.json"
        path.write_bytes(
            '{"weights": {"atasan": 1}, "missing": {"kind": "zero"}, "x": "é"}'.encode("latin-1")
        )
        with pytest.raises(InvalidInputError) as caught:
            load_policy(path)
        assert "not UTF-8 JSON" in caught.value.problems[0].message

    def test_a_missing_file_is_a_typed_error(self, tmp_path: Path) -> None:
        """A file that does not exist is an InvalidInputError naming the path as given."""
        path = tmp_path / "absent.json"
        with pytest.raises(InvalidInputError, match="no such file") as caught:
            load_policy(path)
        assert str(path) in str(caught.value)

    def test_the_sum_problem_lists_the_weights_by_role(self, tmp_path: Path) -> None:
        """Weights that do not sum to 1 are reported with each role's weight, by role id."""
        path = tmp_path / "policy.json"
        data = {"weights": {"Rekan Kerja": "1/2", "atasan": "1/3"}, "missing": {"kind": "zero"}}
        path.write_text(json.dumps(data), encoding="utf-8")
        with pytest.raises(InvalidInputError) as caught:
            load_policy(path)
        (problem,) = caught.value.problems
        assert problem.path == "$.weights"
        assert "not 5/6 (given: peer 0.5, supervisor 1/3)" in problem.message
