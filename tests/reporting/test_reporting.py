"""Tests for penilaian.reporting.employee: the employee's report, its content and its anonymity."""

from __future__ import annotations

import re
from datetime import date

import attrs
import pytest
from hypothesis import given
from reporting_checks import check_page, markdown_cells, text_of, unescape_markdown
from tests.strategies import hostile_texts

import penilaian as p
from penilaian import load_sample, render_trace
from penilaian.analysis.development import (
    DEFAULT_DEVELOPMENT_CATALOGUE,
    DevelopmentCatalogue,
    DevelopmentPolicy,
)
from penilaian.exceptions import InvalidValueError, ScoringInputError, UnknownReferenceError
from penilaian.io.samples import SAMPLES
from penilaian.policy import EXAMPLE_360_ROLE_WEIGHTS, AnonymityThresholds
from penilaian.reporting.employee import EmployeeReport, employee_report
from penilaian.scoring import achievement, figure

REGISTRY = p.default_registry(entry_points=False)
REGIMES = sorted(SAMPLES)
XHTML = "{http://www.w3.org/1999/xhtml}"


def scored(regime_id: str, appraisal: p.Appraisal | None = None, **fields: object):
    """The sample of *regime_id* (or *appraisal*) and its result under that regime."""
    sample = appraisal or load_sample(regime_id)
    regime = REGISTRY.get(regime_id)
    if fields:
        regime = attrs.evolve(regime, **fields)
    return sample, regime.score(sample)


def markdown_row(markdown: str, first_cell: str) -> list[str]:
    """The cells of the table row whose first cell starts with *first_cell*."""
    for line in markdown.splitlines():
        if line.startswith(f"| {first_cell}"):
            return markdown_cells(line)
    raise AssertionError(f"no row {first_cell!r}")


def with_peers(scores, *, min_raters=2, missing=None):
    """The PP 46/2011 sample with peers rating every aspect, and a policy counting them."""
    sample = load_sample("pp46_2011")
    peers = [p.Rater(f"peer-{i}", "peer", f"emp-peer-{i}", f"Peer Name {i}") for i in range(2)]
    aspects = sample.framework.aspects_for(sample.position.kind)
    ratings = [
        p.Rating(rater.id, aspect.id, "nilai", score=score)
        for rater, score in zip(peers, scores, strict=False)
        for aspect in aspects
    ]
    appraisal = attrs.evolve(
        sample, raters=(*sample.raters, *peers), ratings=(*sample.ratings, *ratings)
    )
    policy = p.WeightingPolicy(
        {"supervisor": "1/2", "peer": "1/2"},
        missing=missing or p.Require(),
        min_raters={"peer": min_raters},
    )
    return appraisal, p.Pp46Regime(aggregator=policy).score(appraisal), policy


class TestEmployeeReportPages:
    """Every sample regime, in both languages, gives well-formed and deterministic pages."""

    @pytest.mark.parametrize("lang", ["id", "en"])
    @pytest.mark.parametrize("regime_id", REGIMES)
    def test_every_regime_is_well_formed(self, regime_id, lang):
        """The page passes the strict HTML check and parses as XML, with its plan."""
        appraisal, result = scored(regime_id)
        plan = p.recommend(result, appraisal=appraisal)
        report = employee_report(appraisal, result, lang=lang, plan=plan)
        root = check_page(report.html())
        assert lang == root.get("lang")
        assert report.title == text_of(root.find(f"{XHTML}head/{XHTML}title"))
        assert report.markdown().startswith(f"# {report.title.split(':')[0]}")

    @pytest.mark.parametrize("regime_id", REGIMES)
    def test_equal_input_gives_equal_bytes(self, regime_id):
        """Two reports of equal inputs, built apart, write the same bytes."""
        first = employee_report(*scored(regime_id), lang="en")
        second = employee_report(*scored(regime_id), lang="en")
        assert first.html().encode() == second.html().encode()
        assert first.markdown().encode() == second.markdown().encode()

    def test_indonesian_by_default_english_on_request(self):
        """Without *lang* the report is Indonesian; with ``"en"`` it is English."""
        appraisal, result = scored("permen6_2022")
        indonesian = employee_report(appraisal, result).markdown()
        english = employee_report(appraisal, result, lang="en").markdown()
        assert "## Predikat kinerja" in indonesian
        assert "Predikat: **Baik**" in indonesian
        assert "## Grade" in english
        assert "Grade: **Good**" in english

    def test_unknown_language_is_refused(self):
        """A language other than id or en raises InvalidValueError naming lang."""
        with pytest.raises(InvalidValueError) as raised:
            employee_report(*scored("permen6_2022"), lang="fr")  # type: ignore[arg-type]
        assert raised.value.field == "lang"

    def test_page_loads_and_runs_nothing(self):
        """The page forbids scripts and loads through its Content-Security-Policy."""
        page = employee_report(*scored("generic")).html()
        assert "default-src 'none'" in page
        assert "<script" not in page.lower()
        assert "http://" not in page.replace(f'xmlns="{XHTML[1:-1]}"', "")


class TestEmployeeReportContent:
    """What the report says about the employee, the targets and the grade."""

    def test_employee_facts(self):
        """Name, NIP spaced, PNS, position, unit, period and regime are written out."""
        markdown = employee_report(*scored("permen6_2022")).markdown()
        assert "- **NIP:** 19920315 201903 2 001" in markdown
        assert "- **Status kepegawaian:** PNS" in markdown
        expected = "Analis SDM Aparatur Ahli Pertama (Ahli Pertama, non-manajerial)"
        assert f"- **Jabatan:** {expected}" in markdown
        assert "- **Unit kerja:** bkpsdm-bidang-pengembangan" in markdown
        assert "- **Periode:** Tahun 2024" in markdown
        assert "- **Dasar penilaian:** PermenPANRB 6/2022" in markdown

    def test_pppk_and_unit_name(self):
        """A PPPK number is read as PPPK; a given unit name replaces the unit id."""
        appraisal, result = scored("permen6_2022")
        employee = attrs.evolve(appraisal.employee, nip="200012312024211001")
        appraisal = attrs.evolve(appraisal, employee=employee)
        markdown = employee_report(appraisal, result, unit_name="Bidang Pengembangan").markdown()
        assert "- **Status kepegawaian:** PPPK" in markdown
        assert "- **NIP:** 20001231 2024 2 1 1 001" in markdown
        assert "- **Unit kerja:** Bidang Pengembangan" in markdown

    def test_without_nip(self):
        """Someone without a NIP is written as such, with no employment status."""
        appraisal, result = scored("permen6_2022")
        appraisal = attrs.evolve(appraisal, employee=attrs.evolve(appraisal.employee, nip=None))
        markdown = employee_report(appraisal, result, lang="en").markdown()
        assert "- **NIP:** no NIP" in markdown
        assert "- **Employment status:** \u2014" in markdown

    @pytest.mark.parametrize(
        ("lang", "words"), [("id", "belum dilaporkan"), ("en", "not reported")]
    )
    def test_missing_realisation_is_said_never_zero(self, lang, words):
        """iki-3.2 has no realisation: its cell says so, and no achievement is made up."""
        report = employee_report(*scored("generic"), lang=lang)
        row = markdown_row(report.markdown(), "iki-3.2")
        assert [words, "\u2014"] == row[3:]
        cells = [td for tr in check_page(report.html()).iter(f"{XHTML}tr") for td in tr]
        texts = [text_of(cell) for cell in cells]
        assert words in texts

    def test_achievements_come_from_the_result(self):
        """The generic sample's achievements: iki-1.2 (93 of 80-90) is 310/3 %, as figured."""
        appraisal, result = scored("generic")
        markdown = employee_report(appraisal, result, lang="en").markdown()
        assert markdown_row(markdown, "iki-1.2")[4] == "103.333333"
        assert result.figures["indicator[iki-1.2].achievement"] == figure(
            achievement(appraisal.target("rhk-1").indicator("iki-1.2"))
        )
        assert "Achievement (%)" in markdown

    def test_pp30_shows_achievement_and_indicator_value(self):
        """PermenPANRB 8/2021, JPT: 93 of 95 is 98 % whole, worth 88 on the conversion table."""
        appraisal = load_sample("pp30_2019")
        jpt = attrs.evolve(appraisal.position, kind="jpt_pratama")
        appraisal = attrs.evolve(appraisal, position=jpt)
        result = p.Pp30Regime().score(appraisal)
        markdown = employee_report(appraisal, result, lang="en").markdown()
        assert markdown_row(markdown, "iki-1.1")[4:] == ["98", "88.00"]
        assert "Category points" not in markdown

    def test_pp30_category_route_shows_points(self):
        """PermenPANRB 8/2021, a fungsional: 98 % is Cukup, 8 points; 107 % Sangat Baik, 16."""
        markdown = employee_report(*scored("pp30_2019"), lang="en").markdown()
        assert markdown_row(markdown, "iki-1.1")[4:] == ["98", "8"]
        assert markdown_row(markdown, "iki-1.2")[4:] == ["107", "16"]
        assert "Category points" in markdown

    def test_pp46_shows_aspect_values(self):
        """Perka BKN 1/2013: 11 of 12 months gives the time value 253/3 = 84.333333."""
        markdown = employee_report(*scored("pp46_2011"), lang="en").markdown()
        assert markdown_row(markdown, "k1-w")[4:] == ["84.333333"]
        assert "Aspect value" in markdown
        assert "Aplikasi pemantauan kenaikan pangkat" in markdown

    def test_permen6_has_no_achievement_column(self):
        """A result without achievements gets no empty achievement column."""
        markdown = employee_report(*scored("permen6_2022"), lang="en").markdown()
        assert "Achievement" not in markdown
        assert len(markdown_row(markdown, "iki-1.1")) == 4

    def test_grade_score_and_ratings(self):
        """PP 30/2019, a fungsional: Good, 0.7 x 100 + 0.3 x 96.25 = 98.875, written 98.88."""
        markdown = employee_report(*scored("pp30_2019"), lang="en").markdown()
        assert "Grade: **Good**" in markdown
        assert "- **Score:** 98.88" in markdown
        assert "- **Weighting:** 70 % work, 30 % behaviour (no peer input)" in markdown

    def test_grade_alone(self):
        """A result with a grade and nothing else shows the grade alone."""
        appraisal, result = scored("permen6_2022")
        bare = attrs.evolve(result, ratings={}, notes=())
        markdown = employee_report(appraisal, bare).markdown()
        section = markdown.split("## Predikat kinerja")[1].split("##")[0]
        assert section.strip() == "Predikat: **Baik**"

    def test_notes_beside_the_grade(self):
        """The sample's iki-3.2 has no realisation: a note under the grade, not a gap."""
        appraisal, result = scored("permen6_2022")
        markdown = employee_report(appraisal, result, lang="en").markdown()
        section = markdown.split("## Grade")[1].split("\n## ")[0]
        assert "Grade: **Good**" in section
        assert "Notes (they do not block the grade):" in section
        assert (
            "- indicator iki-3.2 has no realisation; the supervisor's rating decides the grade"
            in section
        )
        assert "incomplete" not in section
        html = employee_report(appraisal, result, lang="en").html()
        assert "iki-3.2 has no realisation" in html

    def test_poor_is_kurang_misconduct_under_permen6(self):
        """Grade.POOR reads Kurang/Misconduct in a PermenPANRB 6/2022 report, Kurang elsewhere."""
        appraisal, result = scored("permen6_2022")
        poor = attrs.evolve(result, grade=p.Grade.POOR, notes=())
        assert "Predikat: **Kurang/Misconduct**" in employee_report(appraisal, poor).markdown()
        other = attrs.evolve(poor, regime="generic")
        assert "Predikat: **Kurang**" in employee_report(appraisal, other).markdown()

    def test_incomplete_result_lists_its_gaps(self):
        """With one peer of two required, no grade: the gap is listed, with its path."""
        appraisal, result, _ = with_peers([70])
        assert result.grade is None
        markdown = employee_report(appraisal, result, lang="en").markdown()
        assert "The appraisal is incomplete" in markdown
        assert "($.ratings)" in markdown
        assert "Grade: **" not in markdown


class TestEmployeeReportAnonymity:
    """Peers, subordinates and the public appear only as aggregates of at least k raters."""

    def test_lone_service_user_is_withheld(self):
        """The one service user's rating, comment and name appear nowhere."""
        report = employee_report(*scored("permen6_2022"))
        for text in (report.markdown(), report.html()):
            assert "Penjelasan jelas dan cepat." not in text
            assert "Responden survei layanan" not in text
            assert "Agus Pratama" not in text
        row = markdown_row(report.markdown(), "Berorientasi Pelayanan")
        assert row[5] == "tidak ditampilkan (kurang dari 3 penilai)"

    def test_peers_as_one_aggregate(self):
        """Three peers gave 4, 5 and 4 for service: only their mean 13/3 and count show."""
        markdown = employee_report(*scored("permen6_2022"), lang="en").markdown()
        row = markdown_row(markdown, "Service oriented")
        assert row[:4] == ["Service oriented", "1\u20135", "5", "4"]
        assert row[4] == "13/3 (\u2248 4.33) \u00b7 3 raters"

    def test_supervisor_ratings_as_the_view_gives_them(self):
        """The supervisor's work-results rating and comment are shown, signed by role."""
        markdown = employee_report(*scored("permen6_2022"), lang="en").markdown()
        assert markdown_row(markdown, "Work-results rating")[3] == "Above expectations"
        assert "Target AKPK dan konsultasi karier terlampaui." in markdown

    def test_weighted_value_withheld_when_a_small_role_entered_it(self):
        """A lone service user counted in the weighted value hides that value."""
        policy = p.WeightingPolicy(
            {"supervisor": "1/2", "peer": "1/4", "public": "1/4"}, missing=p.Renormalise()
        )
        appraisal, result = scored("permen6_2022")
        markdown = employee_report(appraisal, result, lang="en", policy=policy).markdown()
        assert markdown_row(markdown, "Service")[-1] == "not shown (it counts a role not shown)"
        assert markdown_row(markdown, "Collaborative")[-1] == "3"

    def test_feedback_of_a_small_role_is_hidden(self):
        """With two peers (k = 3), a peer's feedback note is not shown."""
        appraisal, result = scored("permen6_2022")
        raters = [rater for rater in appraisal.raters if rater.id != "rekan-3"]
        note = p.FeedbackNote(date(2024, 6, 1), "rekan-1", "Catatan rahasia rekan.")
        appraisal = attrs.evolve(
            appraisal,
            raters=raters,
            ratings=[rating for rating in appraisal.ratings if rating.rater_id != "rekan-3"],
            feedback=(*appraisal.feedback, note),
        )
        markdown = employee_report(appraisal, result).markdown()
        assert "Catatan rahasia rekan." not in markdown
        assert "Modul orientasi bisa dijadikan praktik baik" in markdown

    def test_feedback_of_enough_peers_is_undated(self):
        """With three peers (k = 3), a peer's note is shown by role, without its date."""
        appraisal, result = scored("permen6_2022")
        note = p.FeedbackNote(date(2024, 6, 1), "rekan-2", "Catatan terbuka rekan.")
        appraisal = attrs.evolve(appraisal, feedback=(note,))
        markdown = employee_report(appraisal, result, lang="en").markdown()
        assert "- **Peer**: Catatan terbuka rekan." in markdown
        assert "2024-06-01" not in markdown

    def test_trace_keeps_peer_aggregates_not_their_ratings(self):
        """In the trace, the peers' step keeps their mean and count, not their 4, 4, 5."""
        policy = p.WeightingPolicy(
            {"supervisor": "1/2", "peer": "1/2", "public": 0},
            missing=p.Require(),
            min_raters={"peer": 3},
        )
        appraisal = load_sample()
        result = attrs.evolve(p.GenericRegime.default(), aggregator=policy).score(appraisal)
        assert "ratings = 4, 4, 5" in render_trace(result.trace, "en")
        html = employee_report(appraisal, result, lang="en").html()
        assert "ratings = 4, 4, 5" not in html
        assert "role = peer, status = rated, raters = 3, minimum = 3, own = 13/3" in html
        assert "role = public, status = rated" not in html  # its lone rating did not count
        assert "role = supervisor, status = rated, raters = 1, minimum = 1, ratings = 4" in html

    def test_trace_withheld_when_a_small_role_entered_a_value(self):
        """Two peers (k = 3) counted in behaviour: the trace would reveal them; it is withheld."""
        appraisal, result, _ = with_peers([70, 90])
        assert "ratings = 70, 90" in render_trace(result.trace, "en")
        report = employee_report(appraisal, result, lang="en")
        markdown = report.markdown()
        assert "The trace is not shown" in markdown
        assert "70, 90" not in markdown
        assert "Peer Name" not in report.html()

    def test_trace_withheld_when_it_names_an_anonymous_rater(self):
        """A rating step naming the rater of a role whose k exceeds 1 withholds the trace."""
        appraisal, result = scored("permen6_2022")
        thresholds = AnonymityThresholds({"supervisor": 2})
        markdown = employee_report(appraisal, result, thresholds=thresholds).markdown()
        assert "Jejak perhitungan tidak ditampilkan" in markdown
        assert "rater = atasan" not in markdown

    def test_gap_reason_hides_a_count_below_k(self):
        """'peer (1 of 2 needed)' would count a single peer: it reads 'fewer than 3 raters'."""
        appraisal, result, _ = with_peers([70])
        assert "peer (1 of 2 needed)" in result.gaps[0].reason
        markdown = employee_report(appraisal, result, lang="en").markdown()
        assert "peer (fewer than 3 raters; 2 needed)" in markdown
        assert "1 of 2" not in markdown

    def test_plan_gap_value_hidden_for_a_subject_with_a_withheld_role(self):
        """Self 5 minus the others' 3.6 would reveal the lone service user's 1: not shown."""
        appraisal = load_sample()
        ratings = [
            attrs.evolve(rating, score=1) if rating.rater_id == "layanan" else rating
            for rating in appraisal.ratings
        ]
        appraisal = attrs.evolve(appraisal, ratings=ratings)
        result = p.Permen6Regime().score(appraisal)
        plan = p.recommend(result, appraisal=appraisal)
        assert "self_other[service_oriented] = 1.4" in plan.describe("en")
        markdown = employee_report(appraisal, result, lang="en", plan=plan).markdown()
        assert "self_other\\[service_oriented\\] = not shown" in markdown
        assert "self_other\\[collaborative\\] = 1;" in markdown
        assert "1.4" not in markdown


class TestEmployeeReportTrace:
    """The trace lets the person redo the sums."""

    @pytest.mark.parametrize("lang", ["id", "en"])
    @pytest.mark.parametrize("regime_id", REGIMES)
    def test_trace_lines_are_the_rendered_trace(self, regime_id, lang):
        """Each entry of the HTML trace reads as the same line of render_trace, in order."""
        appraisal, result = scored(regime_id)
        root = check_page(employee_report(appraisal, result, lang=lang).html())
        trace = next(ul for ul in root.iter(f"{XHTML}ul") if ul.get("class") == "trace")
        entries = []
        for item in trace.iter(f"{XHTML}li"):
            own = [part for part in item if part.tag != f"{XHTML}ul"]
            text = (item.text or "") + "".join(tail_text(part) for part in own)
            entries.append(text)
        expected = [line.strip() for line in render_trace(result.trace, lang).splitlines()]
        assert expected == entries

    def test_trace_in_markdown_is_nested(self):
        """Children are indented two spaces under their parent step."""
        markdown = employee_report(*scored("permen6_2022"), lang="en").markdown()
        lines = [
            line
            for line in markdown.splitlines()
            if "PermenPANRB 6/2022 Pasal 5" in line and "realisation" not in line
        ]
        assert len(lines) == 2
        assert all(
            line.startswith("  - The rating set by the appraising supervisor") for line in lines
        )

    def test_trace_can_be_left_out(self):
        """show_trace=False leaves the section out."""
        markdown = employee_report(*scored("pp30_2019"), show_trace=False).markdown()
        assert "Jejak perhitungan" not in markdown

    def test_result_scored_without_trace(self):
        """A result scored with trace=False says so instead of showing nothing."""
        appraisal = load_sample("pp30_2019")
        result = p.Pp30Regime().score(appraisal, trace=False)
        markdown = employee_report(appraisal, result, lang="en").markdown()
        assert "This result was scored without a trace." in markdown


def tail_text(element) -> str:
    """The text of *element* with its tail, everything inside included."""
    return "".join(element.itertext()) + (element.tail or "")


class TestEmployeeReportPlan:
    """The development plan, its items, left-overs and entitlement."""

    def test_plan_items_and_entitlement(self):
        """PP 30/2019 sample: one 6 JP action, against at least 20 JP for a PNS."""
        appraisal, result = scored("pp30_2019")
        plan = p.recommend(result, appraisal=appraisal)
        markdown = employee_report(appraisal, result, lang="en", plan=plan).markdown()
        row = markdown_row(markdown, "3 |")
        assert row[3] == "6"
        assert "**Entitlement:** at least 20 JP; planned 6 JP" in markdown

    def test_deferred_and_unaddressed(self):
        """Past the JP cap items are deferred; gaps without a catalogue action are listed."""
        appraisal, result = scored("pp46_2011")
        policy = DevelopmentPolicy(max_hours=8)
        plan = p.recommend(result, appraisal=appraisal, policy=policy)
        actions = [a for a in DEFAULT_DEVELOPMENT_CATALOGUE.actions if "quality" in a.competency]
        small = p.recommend(result, DevelopmentCatalogue(actions), appraisal=appraisal)
        deferred = employee_report(appraisal, result, lang="en", plan=plan).markdown()
        unaddressed = employee_report(appraisal, result, lang="en", plan=small).markdown()
        assert "### Deferred (over the JP cap)" in deferred
        assert "### Gaps with no action in the catalogue" in unaddressed
        assert "k2-o" in unaddressed.split("### Gaps with no action in the catalogue")[1]

    def test_plan_without_items_and_incomplete(self):
        """An incomplete result's plan says it is partial; no item says so too."""
        appraisal, result, _ = with_peers([70])
        plan = attrs.evolve(p.recommend(result, appraisal=appraisal), items=())
        markdown = employee_report(appraisal, result, lang="en", plan=plan).markdown()
        assert "The result is incomplete: the plan holds only the gaps" in markdown
        assert "No remedial action." in markdown

    def test_plan_of_another_appraisal_is_refused(self):
        """A plan for another appraisal raises UnknownReferenceError naming the field."""
        appraisal, result = scored("pp30_2019")
        other_appraisal, other_result = scored("pp46_2011")
        plan = p.recommend(other_result, appraisal=other_appraisal)
        with pytest.raises(UnknownReferenceError) as raised:
            employee_report(appraisal, result, plan=plan)
        assert raised.value.field == "plan.appraisal_id"

    def test_result_of_another_appraisal_is_refused(self):
        """A result for another appraisal raises UnknownReferenceError naming the field."""
        appraisal, _ = scored("pp30_2019")
        _, other = scored("pp46_2011")
        with pytest.raises(UnknownReferenceError) as raised:
            EmployeeReport(appraisal, other)
        assert raised.value.field == "result.appraisal_id"

    def test_policy_that_cannot_aggregate_fails_early(self):
        """A policy that does not weight the public raises when the report is made."""
        policy = p.WeightingPolicy(EXAMPLE_360_ROLE_WEIGHTS, missing=p.Renormalise())
        with pytest.raises(ScoringInputError):
            employee_report(*scored("permen6_2022"), policy=policy)

    def test_no_ratings(self):
        """An appraisal without ratings says there is nothing to show."""
        appraisal, result = scored("permen6_2022")
        appraisal = attrs.evolve(appraisal, ratings=(), feedback=(), special_expectations=())
        markdown = employee_report(appraisal, result, lang="en").markdown()
        assert "No rating can be shown." in markdown
        assert "### Comments" not in markdown


class TestEmployeeReportEscaping:
    """Text from the data never breaks the page or the Markdown."""

    HOSTILE = "<script>alert('x')</script> & \"Co\" | </td>"

    def hostile_appraisal(self, text: str):
        """The generic sample with *text* in every free-text field the report shows."""
        appraisal = load_sample()
        target = appraisal.targets[2]
        qualitative, missing = target.indicators
        qualitative = attrs.evolve(
            qualitative,
            description=text,
            target=p.QualitativeTarget(text),
            realisation=p.Realisation(description=text),
        )
        missing = attrs.evolve(missing, unit=text)
        targets = (
            *appraisal.targets[:2],
            attrs.evolve(target, title=text, indicators=(qualitative, missing)),
        )
        ratings = [attrs.evolve(rating, comment=text) if rating.rater_id == "atasan" else rating
                   for rating in appraisal.ratings]  # fmt: skip
        return attrs.evolve(
            appraisal,
            employee=attrs.evolve(appraisal.employee, name=text),
            position=attrs.evolve(appraisal.position, title=text),
            targets=targets,
            ratings=ratings,
            feedback=[attrs.evolve(note, text=text) for note in appraisal.feedback],
            special_expectations=[
                attrs.evolve(item, text=text) for item in appraisal.special_expectations
            ],
        )

    def test_hostile_text_is_escaped_in_html(self):
        """Every hostile field comes back as text; no markup of it survives."""
        appraisal = self.hostile_appraisal(self.HOSTILE)
        result = p.Permen6Regime().score(appraisal)
        page = employee_report(appraisal, result, unit_name=self.HOSTILE).html()
        root = check_page(page)
        assert "<script" not in page
        texts = [text_of(element) for element in root.iter()]
        assert sum(self.HOSTILE in text for text in texts) >= 10
        assert f"Laporan penilaian kinerja: {self.HOSTILE}" == text_of(
            root.find(f"{XHTML}body/{XHTML}main/{XHTML}h1")
        )

    def test_hostile_text_keeps_markdown_tables_whole(self):
        """A pipe or a line break in a cell neither adds a cell nor breaks the row."""
        text = "A | B\n| C |"
        appraisal = self.hostile_appraisal(text)
        result = p.Permen6Regime().score(appraisal)
        markdown = employee_report(appraisal, result, lang="en").markdown()
        row = markdown_row(markdown, "iki-3.1")
        assert len(row) == 4
        assert unescape_markdown(row[0]) == "iki-3.1 A | B | C |"
        assert "\\<script" not in markdown
        hostile = employee_report(self.hostile_appraisal(self.HOSTILE), result).markdown()
        assert "\\<script\\>alert('x')\\</script\\> \\& \"Co\" \\| \\</td\\>" in hostile

    @given(text=hostile_texts())
    def test_any_name_is_escaped(self, text):
        """Whatever the name, the page is well formed and shows the name as text."""
        appraisal = load_sample("pp30_2019")
        appraisal = attrs.evolve(appraisal, employee=attrs.evolve(appraisal.employee, name=text))
        report = employee_report(appraisal, p.Pp30Regime().score(appraisal), show_trace=False)
        root = check_page(report.html())
        heading = root.find(f"{XHTML}body/{XHTML}main/{XHTML}h1")
        shown = text_of(heading).removeprefix("Laporan penilaian kinerja: ")
        expected = " ".join(
            re.sub("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe]", "\ufffd", text).split()
        )
        assert expected == shown
        line = report.markdown().splitlines()[0]
        assert expected == unescape_markdown(line).removeprefix("# Laporan penilaian kinerja: ")
