"""Tests for policy.aggregation: aggregations, missing-rater policies and the aggregates' parts."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given

from base.wrong_values import JUNK, fields_of, only_typed_errors, refused_at, wrong_cases
from penilaian import Gap, Impute, RaterRole, Renormalise, TrimmedMean
from penilaian.exceptions import InvalidValueError
from penilaian.policy import Aggregate, PublicIndex, RoleAggregate, RoleStatus, WeightedAggregate

PEER = RoleAggregate(
    RaterRole.PEER,
    Fraction(1, 4),
    RoleStatus.RATED,
    3,
    Fraction(80),
    Fraction(80),
    Fraction(1, 4),
)

ARGUMENTS = {
    Aggregate: {
        "subject": "collaborative",
        "value": Fraction(80),
        "scale_id": "nilai",
        "gap": None,
        "step": None,
    },
    TrimmedMean: {"proportion": "1/4"},
    Impute: {"value": 50},
    RoleAggregate: {
        "role": RaterRole.PEER,
        "weight": Fraction(1, 4),
        "status": RoleStatus.RATED,
        "raters": 3,
        "own": Fraction(80),
        "used": Fraction(80),
        "effective_weight": Fraction(1, 4),
    },
    WeightedAggregate: {
        "subject": "collaborative",
        "value": None,
        "scale_id": "nilai",
        "roles": (PEER,),
        "missing": Renormalise(),
        "self_value": Fraction(70),
        "others_value": Fraction(80),
        "gap": Gap("$.ratings", "no supervisor rating"),
        "step": None,
    },
    PublicIndex: {"value": "3.5", "scale_id": "ikm", "respondents": 30, "source": "IKM 2024"},
}


class TestWrongTypes:
    """Wrong types are refused with typed errors that name the field, never bare errors."""

    @pytest.mark.parametrize(("cls", "field", "value"), wrong_cases(ARGUMENTS))
    def test_refused_at_the_field(self, cls, field, value):
        """A value of the wrong type is refused with a PenilaianError naming its field."""
        refused_at(cls, ARGUMENTS[cls], field, value)

    @pytest.mark.parametrize(("cls", "field"), fields_of(ARGUMENTS))
    @given(value=JUNK)
    def test_only_typed_errors(self, cls, field, value):
        """Any value is either refused with a PenilaianError or kept as the field's type."""
        only_typed_errors(cls, ARGUMENTS[cls], field, value)

    @pytest.mark.parametrize("missing", [Renormalise, "renormalise", None])
    def test_missing_policy_is_an_instance(self, missing):
        """A missing-rater policy is one of the four, as an instance (not the class)."""
        error = refused_at(WeightedAggregate, ARGUMENTS[WeightedAggregate], "missing", missing)
        assert "Renormalise(), Require(), Impute(value) or Zero()" in error.reason

    def test_a_custom_aggregator_must_return_exact_values(self):
        """An Aggregate built by a custom aggregator refuses a float value at value."""
        with pytest.raises(InvalidValueError) as caught:
            Aggregate("collaborative", 80.5)
        assert (caught.value.field, caught.value.value) == ("value", 80.5)
