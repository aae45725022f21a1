"""JSON in and out: lossless round trips, strict structuring, every problem with its path."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import penilaian as p
from penilaian import load_sample
from penilaian.exceptions import InvalidInputError, UnknownLabelError
from penilaian.serialization import (
    dumps,
    json_schema,
    loads,
    make_converter,
    structure,
    unstructure,
)
from strategies import (
    appraisals,
    behaviour_frameworks,
    employees,
    feedback_notes,
    indicators,
    nips,
    org_units,
    periods,
    positions,
    raters,
    realisations,
    scales,
    special_expectations,
    targets,
    work_targets,
)

VALUES = {
    p.Nip: nips(),
    p.Employee: employees(),
    p.Position: positions(),
    p.OrgUnit: org_units(),
    p.Period: periods(),
    p.BehaviourFramework: behaviour_frameworks(),
    p.PointTarget | p.RangeTarget | p.QualitativeTarget: targets(),
    p.Realisation: realisations(),
    p.Indicator: indicators(),
    p.WorkTarget: work_targets(),
    p.Rater: raters(),
    p.NumericScale | p.OrdinalScale: scales(),
    p.FeedbackNote: feedback_notes(),
    p.SpecialExpectation: special_expectations(),
    p.Appraisal: appraisals(),
}


class TestRoundTrip:
    """structure(unstructure(x)) == x for every public type, through JSON text too."""

    @pytest.mark.parametrize("cls", list(VALUES), ids=str)
    @settings(max_examples=30)
    @given(data=st.data())
    def test_round_trip(self, cls, data):
        """Unstructuring gives plain JSON data, and structuring it gives back an equal value."""
        value = data.draw(VALUES[cls])
        plain = unstructure(value)
        assert json.loads(json.dumps(plain)) == plain  # plain JSON data: no tuples, no Decimals
        assert value == structure(plain, cls)
        assert value == loads(dumps(value), cls)

    def test_sample_round_trips(self):
        """The shipped sample survives a round trip unchanged."""
        sample = load_sample()
        assert sample == loads(dumps(sample, indent=2), p.Appraisal)


class TestWireFormat:
    """What the JSON looks like: decimals as strings, dates ISO, enums by id, frameworks by id."""

    def test_shapes(self):
        """Decimals are strings, dates ISO 8601, enums ids, targets tagged, NIP compact."""
        realisation = p.Realisation(Decimal("2.50"), recorded_on=date(2024, 3, 1))
        indicator = p.Indicator(
            "i", "d", p.Aspect.TIME, p.RangeTarget(2, 3), p.Direction.LOWER_IS_BETTER,
            realisation=realisation,
        )  # fmt: skip
        plain = unstructure(indicator)
        assert plain["target"] == {"kind": "range", "low": "2", "high": "3"}
        assert plain["realisation"]["value"] == "2.50"
        assert plain["realisation"]["recorded_on"] == "2024-03-01"
        assert plain["aspect"] == "time"
        assert plain["direction"] == "lower_is_better"
        employee = p.Employee("e", "E", "19860926 201505 1 001")
        assert unstructure(employee)["nip"] == "198609262015051001"

    def test_builtin_framework_travels_by_id(self):
        """A built-in framework is written as its id; a custom one in full."""
        assert unstructure(p.BERAKHLAK) == "berakhlak"
        custom = p.BehaviourFramework(
            "mine", "Mine", "house rules", [p.BehaviourAspect("care", "Peduli", "Care")]
        )
        assert unstructure(custom)["id"] == "mine"
        assert structure("pp46_2011", p.BehaviourFramework) is p.PP46_2011_BEHAVIOUR

    def test_input_is_lenient_where_documented(self):
        """Labels, aliases, a spaced NIP, period text and JSON numbers are accepted on input."""
        rater = structure({"id": "r", "role": "Atasan Langsung", "employee_id": "x"}, p.Rater)
        assert rater.role is p.RaterRole.SUPERVISOR
        assert structure("2024-S2", p.Period) == p.Period.semester(2024, 2)
        assert structure(
            {"kind": "point", "value": 12}, p.PointTarget | p.RangeTarget | p.QualitativeTarget
        ) == p.PointTarget(12)
        assert structure("19860926 201505 1 001", p.Nip) == p.Nip("198609262015051001")

    def test_loads_keeps_decimals_exact(self):
        """JSON numbers are read as exact decimals, so 9.12 stays 9.12."""
        target = loads('{"kind": "point", "value": 9.12}', p.PointTarget | p.RangeTarget)  # type: ignore[arg-type]
        assert target == p.PointTarget(Decimal("9.12"))

    def test_own_converter(self):
        """make_converter() gives an independent converter with the same hooks."""
        converter = make_converter()
        assert converter.structure("2024", p.Period) == p.Period.year(2024)
        assert converter is not make_converter()


class TestStrictness:
    """Nothing is coerced: wrong types, unknown keys and unknown spellings are problems."""

    @pytest.mark.parametrize(
        ("data", "path", "words"),
        [
            ({"id": 7, "role": "peer", "employee_id": "x"}, "$.id", "expected a string"),
            ({"id": "r", "role": "boss", "employee_id": "x"}, "$.role", "not a known RaterRole"),
            ({"id": "r", "role": "peer", "employee_id": "x", "nick": "R"}, "$.nick", "unknown key"),
            ({"role": "peer", "employee_id": "x"}, "$.id", "required field missing"),
        ],
    )
    def test_rater_problems(self, data, path, words):
        """Each kind of bad rater document is reported at its path with a clear reason."""
        with pytest.raises(InvalidInputError) as caught:
            structure(data, p.Rater)
        [problem] = caught.value.problems
        assert problem.path == path
        assert words in problem.message

    def test_booleans_and_numbers_are_not_coerced(self):
        """true is not 1, "yes" is not true."""
        document = unstructure(p.Position("Analis", p.PositionKind.EXECUTOR))
        document["leads_unit"] = "yes"
        with pytest.raises(InvalidInputError) as caught:
            structure(document, p.Position)
        assert caught.value.problems[0].path == "$.leads_unit"
        with pytest.raises(InvalidInputError):
            structure({"kind": "point", "value": True}, p.PointTarget | p.RangeTarget)  # type: ignore[arg-type]

    def test_malformed_date(self):
        """A date that is not ISO 8601 is reported at its path."""
        note = unstructure(p.FeedbackNote(date(2024, 1, 2), "r", "ok"))
        note["given_on"] = "02/01/2024"
        with pytest.raises(InvalidInputError) as caught:
            structure(note, p.FeedbackNote)
        assert caught.value.problems[0].path == "$.given_on"

    def test_member_with_another_members_tag(self):
        """A range target tagged as a point is refused at its kind."""
        with pytest.raises(InvalidInputError) as caught:
            structure({"kind": "point", "low": "1", "high": "2"}, p.RangeTarget)
        assert caught.value.problems[0].path == "$.kind"

    def test_unknown_framework_id(self):
        """An unknown framework id lists the built-in ones."""
        with pytest.raises(InvalidInputError) as caught:
            structure("berakhlak-2030", p.BehaviourFramework)
        assert "berakhlak, pp46_2011, pp30_2019" in caught.value.problems[0].message

    def test_wrong_top_level_shape(self):
        """A list where an object belongs is one problem at $."""
        with pytest.raises(InvalidInputError) as caught:
            structure([1, 2], p.Rater)
        assert caught.value.problems[0].path == "$"

    def test_every_problem_of_a_document(self):
        """Problems in different parts of a document are all reported, with their paths."""
        document = unstructure(load_sample())
        document["employee"]["nip"] = "19920315 201913 2 001"
        document["targets"][1]["indicators"][0]["aspect"] = "speed"
        reversed_range = {"kind": "range", "low": "5", "high": "1"}
        document["targets"][2]["indicators"][0]["target"] = reversed_range
        document["raters"][3]["employee_id"] = 12
        document["scales"][1]["colour"] = "blue"
        with pytest.raises(InvalidInputError) as caught:
            structure(document, p.Appraisal)
        paths = [problem.path for problem in caught.value.problems]
        expected = [
            "$.employee.nip",
            "$.targets[1].indicators[0].aspect",
            "$.targets[2].indicators[0].target.high",
            "$.raters[3].employee_id",
            "$.scales[1].colour",
        ]
        assert expected == paths
        aspect_problem = caught.value.problems[1]
        assert isinstance(aspect_problem.error, UnknownLabelError)

    def test_cross_field_problems_keep_document_paths(self):
        """Problems found by Appraisal itself carry paths from the document root."""
        document = {"appraisal": unstructure(load_sample())}
        document["appraisal"]["ratings"][2]["score"] = "9"
        from attrs import frozen  # noqa: PLC0415

        @frozen
        class Envelope:
            appraisal: p.Appraisal

        with pytest.raises(InvalidInputError) as caught:
            structure(document, Envelope)
        assert caught.value.problems[0].path == "$.appraisal.ratings[2].score"

    def test_not_json(self):
        """Text that is not JSON is one problem at $."""
        with pytest.raises(InvalidInputError) as caught:
            loads("{", p.Period)
        assert caught.value.problems[0].path == "$"


class TestJsonSchema:
    """The exported schema is valid and agrees with the converter."""

    def test_schema_is_valid(self):
        """The schema of an appraisal is a valid draft 2020-12 schema."""
        jsonschema.Draft202012Validator.check_schema(json_schema(p.Appraisal))

    @settings(max_examples=40)
    @given(appraisals())
    def test_every_valid_appraisal_matches_the_schema(self, appraisal):
        """Whatever the library writes, the schema accepts."""
        jsonschema.validate(unstructure(appraisal), json_schema(p.Appraisal))

    @pytest.mark.parametrize(
        ("change", "key"),
        [
            (lambda d: d.update(extra=1), "extra"),
            (lambda d: d["targets"][0]["indicators"][0].update(aspect="speed"), "aspect"),
            (lambda d: d["raters"][0].pop("role"), "role"),
            (lambda d: d["targets"][0]["indicators"][0]["target"].update(kind="fuzzy"), "kind"),
        ],
    )
    def test_schema_rejects_what_the_loader_rejects(self, change, key):
        """Unknown keys, unknown enum values, missing fields and unknown tags fail both."""
        document = unstructure(load_sample())
        change(document)
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(document, json_schema(p.Appraisal))
        with pytest.raises(InvalidInputError):
            structure(document, p.Appraisal)

    def test_unsupported_type(self):
        """Asking for the schema of a type the library does not serialise is a TypeError."""
        with pytest.raises(TypeError, match="no JSON Schema"):
            json_schema(complex)
