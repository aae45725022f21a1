"""Bounded texts: every id and text keeps a length, so no message grows with a document."""

from __future__ import annotations

import copy

import pytest

import penilaian as p
from penilaian._base.bounds import MAX_ID_LENGTH, MAX_TEXT_LENGTH, check_length
from penilaian.exceptions import InvalidInputError, InvalidValueError, PenilaianError
from penilaian.io.samples import SAMPLES
from penilaian.model import Employee, OrdinalScale, OrgUnit, Rating
from penilaian.serialization import structure, unstructure

MESSAGE = 30_000  # as scripts/fuzz.py: a hundred problems of a few hundred characters


def documents():
    seen = {}
    for regime_id, name in SAMPLES.items():
        seen.setdefault(name, unstructure(p.load_sample(regime_id)))
    return seen


def text_paths(data, path=()):
    """Every place of *data* holding a string, as a path of keys and indexes."""
    if isinstance(data, dict):
        items = data.items()
    elif isinstance(data, list):
        items = enumerate(data)
    else:
        return
    for key, value in items:
        if isinstance(value, str):
            yield (*path, key)
        else:
            yield from text_paths(value, (*path, key))


def replaced(document, path, value):
    changed = copy.deepcopy(document)
    holder = changed
    for key in path[:-1]:
        holder = holder[key]
    holder[path[-1]] = value
    return changed


class TestCheckLength:
    def test_at_the_limit(self):
        assert check_length("x" * MAX_ID_LENGTH, "id", MAX_ID_LENGTH) == "x" * MAX_ID_LENGTH

    def test_one_over_the_limit(self):
        with pytest.raises(InvalidValueError) as caught:
            check_length("x" * (MAX_TEXT_LENGTH + 1), "name")
        assert caught.value.field == "name"
        assert (
            caught.value.reason == f"has {MAX_TEXT_LENGTH + 1} characters; at most 10000 are taken"
        )
        assert len(str(caught.value)) < 300


class TestModelTexts:
    @pytest.mark.parametrize(
        ("build", "field", "limit"),
        [
            (lambda text: Employee(id=text, name="Dewi"), "id", MAX_ID_LENGTH),
            (lambda text: Employee(id="e-1", name=text), "name", MAX_TEXT_LENGTH),
            (lambda text: OrgUnit(id=text, name="Bagian Umum"), "id", MAX_ID_LENGTH),
            (
                lambda text: OrgUnit(id="u-1", name="Umum", leader_id=text),
                "leader_id",
                MAX_ID_LENGTH,
            ),
            (
                lambda text: OrdinalScale(id="s", levels=("rendah", text)),
                "levels[1]",
                MAX_ID_LENGTH,
            ),
            (
                lambda text: Rating(rater_id=text, subject="a", scale_id="s", score=1),
                "rater_id",
                MAX_ID_LENGTH,
            ),
        ],
    )
    def test_refused_one_past_the_limit_and_taken_at_it(self, build, field, limit):
        build("x" * limit)  # at the limit: taken
        with pytest.raises(InvalidValueError) as caught:
            build("x" * (limit + 1))
        assert caught.value.field == field
        assert f"at most {limit} are taken" in caught.value.reason


class TestDocumentTexts:
    @pytest.mark.parametrize("name", sorted(documents()))
    def test_a_long_text_anywhere_is_refused_with_a_short_message(self, name):
        """A 100,000-character text at any string of a sample is past every bound: refused."""
        document = documents()[name]
        huge = "x" * 100_000
        paths = list(text_paths(document))
        assert len(paths) > 50
        for path in paths:
            with pytest.raises(PenilaianError) as caught:
                structure(replaced(document, path, huge), p.Appraisal)
            assert len(str(caught.value)) < MESSAGE, path

    def test_the_refusal_names_the_path(self):
        document = documents()[SAMPLES["pp46_2011"]]
        changed = replaced(document, ("targets", 1, "id"), "t" * (MAX_ID_LENGTH + 1))
        with pytest.raises(InvalidInputError) as caught:
            structure(changed, p.Appraisal)
        [problem] = caught.value.problems
        assert problem.path == "$.targets[1].id"
        assert "at most 200 are taken" in str(problem)
