"""
The quick way of structuring (issue 13, loading) against the careful way, on right and wrong data.

`penilaian.serialization.structure` tries the quick functions of `serialization._fast`
first and takes the careful way (cattrs' own, every problem noted) when they step aside.
The quick way must never accept what the careful way refuses, and must build the very
same value (the same JSON text, decimals written as they were) from what it accepts.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import penilaian as p
from penilaian.model.raters import Rating
from penilaian.model.targets import Indicator, WorkTarget
from penilaian.serialization import dumps, loads, structure, unstructure
from penilaian.serialization._converter import _CONVERTER, _QUICK
from penilaian.serialization._fast import Unusual, quick_structure_fn
from strategies import appraisals, varied_appraisals

REGIMES = ("pp46_2011", "pp30_2019", "generic", "permen6_2022")
TYPES = (p.Appraisal, Rating, WorkTarget, Indicator, p.Employee, p.Position, p.Period)


def attempt(converter: Any, data: object, cls: type) -> tuple[str, object]:
    """What *converter* makes of *data*: the value's JSON text, or that it raised."""
    try:
        value = converter.structure(data, cls)
    except Exception as error:  # noqa: BLE001 - any refusal counts as one
        return ("refused", type(error))
    return ("built", dumps(value))


# -- wrong data: one change somewhere in a right document -----------------------------------

JUNK = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3, 3),
    st.sampled_from([Decimal("1.5"), Decimal("-0"), Decimal("NaN"), 1.5]),
    st.sampled_from(["", " ", "x", "12.5", "1e3", "2024-02-30", "2024-01-31", "supervisor"]),
    st.just([]),
    st.just({}),
    st.just({"kind": "point", "value": "1"}),
    st.just(["a"]),
)


def places(data: object, path: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    """Every place in *data*: each object key and array index, as a path from the root."""
    found = [path]
    if isinstance(data, dict):
        for key, value in data.items():
            found.extend(places(value, (*path, key)))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found.extend(places(value, (*path, index)))
    return found


@st.composite
def changed(draw: st.DrawFn, data: object) -> object:
    """*data* (JSON data) with one change: a value replaced, a key dropped or one added."""
    copy = json.loads(json.dumps(data, default=str), parse_float=Decimal)
    path = draw(st.sampled_from(places(copy)))
    if not path:
        return draw(JUNK)
    *above, last = path
    parent: Any = copy
    for step in above:
        parent = parent[step]
    change = draw(st.sampled_from(["replace", "drop", "add"]))
    if change == "replace" or isinstance(parent, list):
        parent[last] = draw(JUNK)
    elif change == "drop":
        del parent[last]
    else:
        parent[draw(st.sampled_from(["extra", "Id", "kind", "score", "level"]))] = draw(JUNK)
    return copy


class TestQuickAgreesWithCareful:
    @settings(suppress_health_check=[HealthCheck.too_slow])
    @given(appraisals(min_ratings=1))
    def test_a_right_document_goes_the_quick_way_to_the_same_value(
        self, appraisal: p.Appraisal
    ) -> None:
        data = unstructure(appraisal)
        quick = _QUICK.structure(data, p.Appraisal)  # raises if the quick way steps aside
        assert dumps(quick) == dumps(_CONVERTER.structure(data, p.Appraisal))
        assert quick == appraisal

    @pytest.mark.parametrize("regime", REGIMES)
    @settings(max_examples=25, suppress_health_check=[HealthCheck.too_slow])
    @given(data=st.data())
    def test_samples(self, regime: str, data: st.DataObject) -> None:
        appraisal = data.draw(varied_appraisals(regime))
        text = json.loads(dumps(appraisal), parse_float=Decimal)
        assert dumps(_QUICK.structure(text, p.Appraisal)) == dumps(appraisal)

    @settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
    @given(data=st.data())
    def test_changed_documents_are_refused_or_built_alike(self, data: st.DataObject) -> None:
        appraisal = data.draw(appraisals(min_ratings=1))
        document = data.draw(changed(unstructure(appraisal)))
        careful = attempt(_CONVERTER, document, p.Appraisal)
        quick = attempt(_QUICK, document, p.Appraisal)
        if quick[0] == "built":
            assert careful == quick  # never more lenient, never a different value
        # The public door gives the careful way's answer either way.
        assert attempt(type("Door", (), {"structure": staticmethod(structure)}), document,
                       p.Appraisal)[0] == careful[0]  # fmt: skip

    @pytest.mark.parametrize("cls", TYPES)
    @given(data=st.data())
    @settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow])
    def test_parts_alone(self, cls: type, data: st.DataObject) -> None:
        appraisal = data.draw(appraisals(min_ratings=1))
        part = {
            p.Appraisal: appraisal,
            Rating: appraisal.ratings[0],
            WorkTarget: appraisal.targets[0],
            Indicator: appraisal.targets[0].indicators[0],
            p.Employee: appraisal.employee,
            p.Position: appraisal.position,
            p.Period: appraisal.period,
        }[cls]
        document = data.draw(st.one_of(st.just(unstructure(part)), changed(unstructure(part))))
        careful, quick = attempt(_CONVERTER, document, cls), attempt(_QUICK, document, cls)
        if quick[0] == "built":
            assert careful == quick


class TestQuickStepsAside:
    def test_an_unknown_key_a_missing_field_or_another_json_type(self) -> None:
        rating = {"rater_id": "r1", "subject": "s1", "scale_id": "x", "score": "3"}
        structure_rating = quick_structure_fn(Rating, _QUICK)
        assert structure_rating(rating, Rating) == Rating("r1", "s1", "x", score=Decimal(3))
        with pytest.raises(Unusual):
            structure_rating({**rating, "extra": 1}, Rating)
        with pytest.raises(KeyError):
            structure_rating({key: rating[key] for key in ("rater_id", "subject")}, Rating)
        with pytest.raises(Unusual):
            structure_rating({**rating, "subject": 5}, Rating)  # a number is not an id
        with pytest.raises(Unusual):
            structure_rating([rating], Rating)

    def test_the_careful_way_lists_every_problem(self) -> None:
        text = json.dumps(
            {"rater_id": 5, "subject": "s1", "scale_id": "x", "score": "abc", "extra": 1}
        )
        with pytest.raises(p.InvalidInputError) as raised:
            loads(text, Rating)
        assert sorted(problem.path for problem in raised.value.problems) == [
            "$.extra", "$.rater_id", "$.score",
        ]  # fmt: skip

    def test_a_number_is_converted_once_and_as_written(self) -> None:
        rating = structure(
            {"rater_id": "r1", "subject": "s1", "scale_id": "x", "score": "3.50"}, Rating
        )
        assert str(rating.score) == "3.50"
