"""Notes that do not block the grade: the Result field, PermenPANRB 6/2022, and who shows them."""

from __future__ import annotations

import io
import pickle

import attrs
import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

import penilaian as p
from penilaian.analysis.curve import GradedEmployee, check_curve, propose_calibration
from penilaian.cli._main import EXIT_OK, main
from penilaian.exceptions import InvalidValueError
from penilaian.scoring.result import Note
from penilaian.serialization import dumps, json_schema, loads, unstructure

NOTE = Note("$.targets[0].indicators[0].realisation", "no_realisation", "belum ada", "none yet")


def without_realisations(appraisal: p.Appraisal, *ids: str) -> p.Appraisal:
    """*appraisal* with the realisations of the indicators *ids* withdrawn."""
    targets = []
    for target in appraisal.targets:
        for indicator in target.indicators:
            if indicator.id in ids:
                target = target.with_realisation(indicator.id, None)  # noqa: PLW2901
        targets.append(target)
    return attrs.evolve(appraisal, targets=tuple(targets))


def run(*argv: str) -> tuple[int, str, str]:
    """Run the command line; return its exit code, standard output and standard error."""
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()


class TestNote:
    """A note is typed like a gap: where, what, and the text in both languages."""

    def test_text_in_both_languages(self):
        """Indonesian by default, English on request."""
        assert (NOTE.text(), NOTE.text("en")) == ("belum ada", "none yet")

    @pytest.mark.parametrize("field", ["path", "code", "text_id", "text_en"])
    def test_every_field_is_required(self, field):
        """An empty field is refused, naming it."""
        with pytest.raises(InvalidValueError, match=field):
            attrs.evolve(NOTE, **{field: ""})

    def test_a_result_takes_only_notes(self):
        """Anything but a Note in a result's notes is refused."""
        with pytest.raises(InvalidValueError, match="notes"):
            p.Result("x", "a", notes=["a note"])  # type: ignore[list-item]

    def test_notes_are_part_of_equality_json_and_pickle(self):
        """Two results differing only in notes differ; JSON and pickle keep the notes."""
        plain = p.Result("permen6_2022", "a", grade=p.Grade.GOOD)
        noted = attrs.evolve(plain, notes=[NOTE])
        assert plain != noted
        assert noted.is_complete
        assert unstructure(noted)["notes"] == [
            {
                "path": NOTE.path,
                "code": "no_realisation",
                "text_id": "belum ada",
                "text_en": "none yet",
            }
        ]
        assert loads(dumps(noted), p.Result) == noted
        assert loads(dumps(plain), p.Result).notes == ()
        assert pickle.loads(pickle.dumps(noted)) == noted  # noqa: S301 - our own bytes

    def test_the_schema_describes_notes(self):
        """The Result schema has notes, and a result with notes validates against it."""
        schema = json_schema(p.Result)
        assert set(schema["$defs"]["Note"]["properties"]) == {"path", "code", "text_id", "text_en"}
        jsonschema.validate(unstructure(attrs.evolve(p.Result("x", "a"), notes=[NOTE])), schema)


class TestPermen6Notes:
    """Under PermenPANRB 6/2022 a missing realisation is a note beside the grade, never a gap."""

    def test_the_sample_notes_its_missing_realisation(self):
        """The sample's iki-3.2 has no realisation: graded Baik, complete, one note."""
        result = p.Permen6Regime().score(p.load_sample("permen6_2022"))
        assert (result.grade, result.gaps) == (p.Grade.GOOD, ())
        assert [(note.path, note.code) for note in result.notes] == [
            ("$.targets[2].indicators[1].realisation", "no_realisation")
        ]
        assert "iki-3.2" in result.notes[0].text("en")
        assert "iki-3.2" in result.notes[0].text()

    @given(st.sets(st.sampled_from(["iki-1.1", "iki-1.2", "iki-2.1", "iki-3.1"])))
    def test_one_note_per_missing_realisation_and_the_same_grade(self, missing):
        """Each withdrawn realisation adds a note; the grade and the gaps never change."""
        sample = p.load_sample("permen6_2022")
        known = {indicator.id for _, indicator in sample.indicators()}
        chosen = sorted(missing & known)
        base = p.Permen6Regime().score(sample)
        result = p.Permen6Regime().score(without_realisations(sample, *chosen))
        assert (result.grade, result.gaps) == (base.grade, base.gaps)
        noted = {note.path.split(".")[1] for note in result.notes}
        assert len(result.notes) == len(base.notes) + len(chosen)
        assert all(part.startswith("targets[") for part in noted)

    def test_other_regimes_grade_as_before(self):
        """A PP 30/2019 result of the same sample keeps its own treatment: notes stay empty."""
        appraisal = p.load_sample("pp30_2019")
        assert p.default_registry().get("pp30_2019").score(appraisal).notes == ()

    def test_notes_without_a_trace(self):
        """Scoring without a trace keeps the notes."""
        result = p.Permen6Regime().score(p.load_sample("permen6_2022"), trace=False)
        assert len(result.notes) == 1


class TestShown:
    """The command line, the reports and calibration reasons show the notes."""

    @pytest.fixture(name="document")
    def _document(self, tmp_path):
        path = tmp_path / "p6.json"
        path.write_text(dumps(p.load_sample("permen6_2022")), "utf-8")
        return str(path)

    def test_validate_says_the_notes(self, document):
        """validate prints each appraisal's notes to standard error, and exits 0."""
        code, out, err = run("validate", document, "--lang", "en")
        assert (code, out) == (EXIT_OK, "")
        lines = err.splitlines()
        assert lines[0].endswith("valid appraisal skp-2024-rina")
        assert lines[1] == (
            "skp-2024-rina (permen6_2022): note: indicator iki-3.2 has no realisation; the "
            "supervisor's rating decides the grade (PermenPANRB 6/2022 Pasal 5) "
            "@ $.targets[2].indicators[1].realisation"
        )

    def test_score_and_explain_say_the_notes(self, document):
        """score (text) and explain list the note under the grade, in Indonesian by default."""
        _, scored, _ = run("score", document)
        lines = scored.splitlines()
        assert lines[0] == "Rina Wulandari, S.E. (NIP 19920315 201903 2 001, skp-2024-rina)"
        assert lines[1] == "permen6_2022: Baik"
        assert "  catatan: IKI iki-3.2 belum ada realisasinya" in scored
        _, explained, _ = run("explain", document, "--lang", "en")
        assert "  note: indicator iki-3.2 has no realisation" in explained

    def test_score_json_carries_the_notes(self, document):
        """score --json writes the notes in the result's JSON form."""
        _, out, _ = run("score", document, "--json")
        assert (
            loads(out, p.Result).notes
            == p.Permen6Regime().score(p.load_sample("permen6_2022")).notes
        )

    def test_calibration_reasons_repeat_the_notes(self):
        """A change proposed for an employee with notes says them in its reason."""
        noted = GradedEmployee("e0", "Sangat Baik", "unit", "above", "above", notes=[NOTE])
        staff = [noted, *(GradedEmployee(f"e{i}", "Butuh Perbaikan", "unit", "below", "meets")
                          for i in range(1, 7))]  # fmt: skip
        calibration = propose_calibration(check_curve("unit", "Butuh Perbaikan", staff))
        (change,) = calibration.changes
        assert change.notes == (NOTE,)
        assert change.reason("en").endswith("; note: none yet")
        assert change.reason().endswith("; catatan: belum ada")
        assert "note: none yet" in calibration.describe("en")

    def test_from_result_keeps_the_notes(self):
        """GradedEmployee.from_result takes the result's notes."""
        unit = p.load_sample_unit()
        appraisal = without_realisations(unit.appraisals[0], "iki-1.1")
        result = p.Permen6Regime().score(appraisal)
        employee = GradedEmployee.from_result(appraisal, result, unit_id=unit.unit.id)
        assert employee.notes == result.notes
