"""Every endpoint answers what the library itself gives, over real HTTP."""

from __future__ import annotations

import io
import json

import attrs
import pytest

from penilaian import Permen6Regime, default_registry, load_sample, load_sample_unit
from penilaian._base.trace import render_trace
from penilaian.analysis.completeness import check_completeness, requirements_of
from penilaian.analysis.curve.calibration import propose_calibration
from penilaian.analysis.development.plan import recommend
from penilaian.reporting.employee import employee_report
from penilaian.scoring.timeline import suggest_regime
from penilaian.serialization import dumps, unstructure

JSON = {"content-type": "application/json"}
REGISTRY = default_registry()


def _expected(appraisal, *, trace=True):
    strategy = REGISTRY.get(suggest_regime(appraisal.period))
    return json.loads(json.dumps(unstructure(strategy.score(appraisal, trace=trace))))


class TestScore:
    """POST /score gives the library's results in its own JSON form."""

    def test_one_appraisal_gives_one_result(self, client):
        """One appraisal in, its result (with the trace) out, as the library computes it."""
        sample = load_sample()
        answer = client.post("/score", content=dumps(sample), headers=JSON)
        assert (answer.status_code, answer.headers["content-type"]) == (200, "application/json")
        assert answer.json() == _expected(sample)

    def test_an_array_gives_an_array_under_each_period_regime(self, client):
        """An array of the three regimes' samples gives three results, each under its period's."""
        regimes = ["permen6_2022", "pp30_2019", "pp46_2011"]
        samples = [load_sample(regime) for regime in regimes]
        answer = client.post("/score?trace=false", content=dumps(samples), headers=JSON)
        assert answer.json() == [_expected(sample, trace=False) for sample in samples]
        assert [item["regime"] for item in answer.json()] == regimes

    def test_regime_forced(self, client):
        """?regime= scores with that regime."""
        sample = load_sample()
        answer = client.post("/score?regime=permen6_2022", content=dumps(sample), headers=JSON)
        expected = unstructure(Permen6Regime().score(sample))
        assert answer.json() == json.loads(json.dumps(expected))

    def test_xlsx_and_csv_downloads(self, client):
        """?format=xlsx gives the results workbook; ?format=csv the results table."""
        openpyxl = pytest.importorskip("openpyxl")
        unit = load_sample_unit().appraisals
        answer = client.post("/score?format=xlsx", content=dumps(unit), headers=JSON)
        assert answer.headers["content-disposition"] == 'attachment; filename="results.xlsx"'
        book = openpyxl.load_workbook(io.BytesIO(answer.content), read_only=True)
        rows = list(book["results"].iter_rows(values_only=True))
        assert [row[0] for row in rows[1:]] == [appraisal.id for appraisal in unit]
        answer = client.post("/score?format=csv&lang=en", content=dumps(unit), headers=JSON)
        assert answer.headers["content-type"] == "text/csv; charset=utf-8"
        lines = answer.text.splitlines()
        assert len(lines) == 1 + len(unit)
        assert lines[0].startswith("\ufeffappraisal_id,")  # a BOM, for spreadsheet programs


class TestValidate:
    """POST /validate reads the appraisals and gives each one's grade and notes in the language."""

    @pytest.mark.parametrize(("lang", "field"), [("id", "text_id"), ("en", "text_en")])
    def test_notes_in_the_language(self, client, lang, field):
        """The sample's note is given in the language asked for."""
        sample = load_sample()
        answer = client.post(f"/validate?lang={lang}", content=dumps(sample), headers=JSON)
        result = Permen6Regime().score(sample)
        assert answer.json() == {
            "valid": True,
            "count": 1,
            "appraisals": [
                {
                    "id": sample.id,
                    "employee_id": sample.employee.id,
                    "name": sample.employee.name,
                    "regime": "permen6_2022",
                    "grade": result.grade.id,
                    "notes": [
                        {"path": note.path, "code": note.code, "text": getattr(note, field)}
                        for note in result.notes
                    ],
                }
            ],
        }

    def test_a_scoring_problem_is_listed_not_fatal(self, client):
        """An appraisal its regime cannot score is listed with its problems; the rest validate."""
        samples = [load_sample("pp46_2011"), load_sample()]
        answer = client.post("/validate?regime=pp46_2011", content=dumps(samples), headers=JSON)
        assert answer.status_code == 200
        first, second = answer.json()["appraisals"]
        assert first["regime"] == "pp46_2011"
        assert second["problems"]
        assert all(problem["path"].startswith("$") for problem in second["problems"])


class TestExplainReportCompleteness:
    """explain, report and completeness give what the library's own functions give."""

    @pytest.mark.parametrize("lang", ["id", "en"])
    def test_explain(self, client, lang):
        """The result with its trace, and the trace rendered in the language."""
        sample = load_sample()
        answer = client.post(f"/explain?lang={lang}", content=dumps(sample), headers=JSON).json()
        result = Permen6Regime().score(sample)
        assert answer["appraisal_id"] == sample.id
        assert answer["result"] == _expected(sample)
        assert answer["text"] == render_trace(result.trace, lang)

    def test_explain_needs_an_appraisal_among_several(self, client):
        """Several appraisals and no ?appraisal= is a 400 problem; an unknown id too."""
        unit = load_sample_unit().appraisals
        answer = client.post("/explain", content=dumps(unit), headers=JSON)
        assert (answer.status_code, answer.json()["code"]) == (400, "bad_query")
        answer = client.post("/explain?appraisal=nobody", content=dumps(unit), headers=JSON)
        assert answer.status_code == 400
        chosen = unit[3]
        answer = client.post(f"/explain?appraisal={chosen.id}", content=dumps(unit), headers=JSON)
        assert answer.json()["appraisal_id"] == chosen.id

    @pytest.mark.parametrize(("fmt", "lang"), [("markdown", "id"), ("html", "en")])
    def test_report(self, client, fmt, lang):
        """The employee report, with the development plan, in the format and language asked."""
        sample = load_sample()
        url = f"/report?format={fmt}&lang={lang}"
        answer = client.post(url, content=dumps(sample), headers=JSON)
        result = Permen6Regime().score(sample)
        made = employee_report(sample, result, lang=lang, plan=recommend(result, appraisal=sample))
        expected = made.html() if fmt == "html" else made.markdown()
        media = "text/html" if fmt == "html" else "text/markdown"
        assert answer.headers["content-type"] == f"{media}; charset=utf-8"
        assert answer.text == expected

    def test_completeness(self, client):
        """Who lacks what, as the library's CycleCompleteness in JSON."""
        unit = load_sample_unit().appraisals
        answer = client.post("/completeness", content=dumps(unit), headers=JSON)
        cycle = check_completeness(
            unit, lambda a: requirements_of(REGISTRY.get(suggest_regime(a.period)))
        )
        assert answer.json() == json.loads(json.dumps(unstructure(cycle)))


class TestCurve:
    """POST /curve checks a unit document against its curve and proposes a calibration."""

    @pytest.mark.parametrize("lang", ["id", "en"])
    def test_check_and_calibration(self, client, lang):
        """The check, the calibration and their texts, as the library gives them."""
        unit = load_sample_unit()
        answer = client.post(f"/curve?lang={lang}", content=dumps(unit), headers=JSON).json()
        check = unit.check_curve()
        calibration = propose_calibration(check, max_steps=1)
        assert answer["check"] == json.loads(json.dumps(unstructure(check)))
        assert answer["text"] == check.describe(lang)
        assert answer["calibration"] == json.loads(json.dumps(unstructure(calibration)))
        assert answer["calibration_text"] == calibration.describe(lang)

    def test_without_proposal_and_as_html(self, client):
        """?propose=false leaves the calibration out; ?format=html gives the unit report."""
        unit = load_sample_unit()
        body = dumps(unit)
        answer = client.post("/curve?propose=false", content=body, headers=JSON).json()
        assert answer["calibration"] is None
        answer = client.post("/curve?format=html&lang=en", content=body, headers=JSON)
        assert answer.headers["content-type"] == "text/html; charset=utf-8"
        assert "Unit grade distribution against the curve" in answer.text

    def test_wrong_max_steps(self, client):
        """?max_steps outside 1 to 10 is a 400 problem naming the parameter."""
        answer = client.post("/curve?max_steps=0", content=dumps(load_sample_unit()), headers=JSON)
        assert (answer.status_code, answer.json()["code"]) == (400, "bad_query")
        assert "max_steps" in answer.json()["detail"]


class TestCycle:
    """POST /cycle (the page's): grades, set-aside appraisals and each unit's curve at once."""

    def test_unit(self, client):
        """The sample unit: ten grades, none set aside, the library's check and calibration."""
        unit = load_sample_unit()
        answer = client.post("/cycle?lang=en", content=dumps(unit.appraisals), headers=JSON)
        found = answer.json()
        check = unit.check_curve()
        assert (found["count"], found["set_aside"]) == (10, 0)
        results = unit.score()
        assert [person["grade"] for person in found["appraisals"]] == [r.grade.id for r in results]
        (shown,) = found["units"]
        assert shown["compliant"] is check.compliant
        assert shown["text"] == check.describe("en")
        assert shown["calibration_text"] == propose_calibration(check).describe("en")
        assert [item["count"] for item in shown["counts"]] == list(check.counts.values())

    def test_set_aside_and_unit_without_grade(self, client):
        """An unrated appraisal is set aside with its gaps; a unit without a grade says so."""
        appraisals = [attrs.evolve(a, unit_grade=None) for a in load_sample_unit().appraisals]
        appraisals[2] = attrs.evolve(appraisals[2], ratings=())
        answer = client.post("/cycle", content=dumps(appraisals), headers=JSON).json()
        # The leader (first) has no grade without the unit's; the third has no ratings.
        assert answer["set_aside"] == 2
        leader, person = answer["appraisals"][0], answer["appraisals"][2]
        assert [problem["path"] for problem in leader["problems"]] == ["$[0].unit_grade"]
        assert person["grade"] is None
        assert {problem["path"] for problem in person["problems"]} == {"$[2].ratings"}
        (unit,) = answer["units"]
        assert unit["people"] == 8
        assert unit["problem"].startswith("Unit tanpa predikat kinerja organisasi")

    def test_regime_that_cannot_score_sets_aside(self, client):
        """A forced regime that refuses an appraisal sets it aside with its problems."""
        body = dumps([load_sample(), load_sample("pp46_2011")])
        answer = client.post("/cycle?regime=pp46_2011", content=body, headers=JSON).json()
        first, second = answer["appraisals"]
        assert answer["set_aside"] == 1
        assert first["grade"] is None
        assert all(problem["path"].startswith("$[0]") for problem in first["problems"])
        assert second["regime"] == "pp46_2011"


class TestPageFiles:
    """The page and its files are served with a strict content security policy."""

    @pytest.mark.parametrize(
        ("path", "media"),
        [("/", "text/html"), ("/page.js", "text/javascript"), ("/page.css", "text/css")],
    )
    def test_served(self, client, path, media):
        """Each file with its type, from the package's data."""
        answer = client.get(path)
        assert answer.headers["content-type"] == f"{media}; charset=utf-8"
        assert "script-src 'self'" in answer.headers["content-security-policy"]
        assert answer.headers["x-content-type-options"] == "nosniff"
