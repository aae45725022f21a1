"""Reports an HR officer reads: the entitlement as information, ties named, no one dropped."""

from __future__ import annotations

import re

import pytest

import penilaian as p
from penilaian.analysis.development.plan import EntitlementOutcome, recommend
from penilaian.exceptions import InvalidValueError
from penilaian.reporting.employee import employee_report
from penilaian.reporting.unit import unit_report
from penilaian.reporting.words import WORDS

UNIT = p.load_sample_unit()
STRATEGY = p.default_registry().get("permen6_2022")
CHECK = UNIT.check_curve()


def entitlement_paragraph(html: str) -> tuple[str, str]:
    """The tone (class) and text of the report's entitlement paragraph."""
    found = re.search(r'<p class="(\w+)"><strong>(?:Hak pengembangan|Entitlement): </strong>', html)
    assert found is not None
    return found.group(1), html[found.end() : html.index("</p>", found.end())]


def plan_of(appraisal):
    """The appraisal's result and development plan."""
    result = STRATEGY.score(appraisal)
    return result, recommend(result, appraisal=appraisal)


class TestEntitlement:
    """The yearly development hours are the employee's entitlement: unplanned hours inform."""

    @pytest.mark.parametrize("lang", ["id", "en"])
    def test_no_gap_is_information_not_an_alarm(self, lang):
        """Someone with no gap and 0 JP planned gets a note, with what the hours are for."""
        appraisal = next(a for a in UNIT.appraisals if not plan_of(a)[1].gaps)
        result, plan = plan_of(appraisal)
        assert plan.entitlement.outcome is EntitlementOutcome.SHORTFALL
        html = employee_report(appraisal, result, plan=plan, lang=lang).html()
        tone, text = entitlement_paragraph(html)
        assert tone == "note"
        assert EntitlementOutcome.SHORTFALL.label(lang) in text
        assert WORDS.in_language(lang)["entitlement_info"] in html

    def test_a_gap_left_unplanned_is_not_an_alarm_either(self):
        """With a gap, hours short of the minimum are still a note, without the no-gap text."""
        appraisal = next(a for a in UNIT.appraisals if plan_of(a)[1].gaps)
        result, plan = plan_of(appraisal)
        assert plan.entitlement.outcome is EntitlementOutcome.SHORTFALL
        html = employee_report(appraisal, result, plan=plan).html()
        assert entitlement_paragraph(html)[0] == "note"
        assert WORDS.in_language("id")["entitlement_info"] not in html

    def test_met_stays_good(self):
        """A plan that meets the minimum keeps its good tone."""
        appraisal = next(
            a
            for a in UNIT.appraisals
            if plan_of(a)[1].entitlement.outcome is EntitlementOutcome.MET
        )
        result, plan = plan_of(appraisal)
        html = employee_report(appraisal, result, plan=plan).html()
        assert entitlement_paragraph(html)[0] == "good"


class TestTies:
    """The calibration report says how equals were chosen, and that it is not merit."""

    @pytest.mark.parametrize(("lang", "phrase"), [("id", "bukan penilaian"), ("en", "not a")])
    def test_ties_named_with_a_proposal(self, lang, phrase):
        """A proposal with changes says ties went by employee id (NIP) order, in both languages."""
        calibration = p.propose_calibration(CHECK)
        assert calibration.changes
        text = unit_report(CHECK, calibration=calibration, lang=lang).markdown()
        note = WORDS.in_language(lang)["calibration_ties"]
        assert note in text
        assert "NIP" in note
        assert phrase in note

    def test_no_ties_note_without_changes(self):
        """A unit needing no change has no tie to break, and says nothing about ties."""
        compliant = p.propose_calibration(p.propose_calibration(CHECK).after)
        assert not compliant.changes
        text = unit_report(compliant.before, calibration=compliant).markdown()
        assert WORDS.in_language("id")["calibration_ties"] not in text


class TestSetAside:
    """A unit report names whoever was left out of its check, and why."""

    def test_section_names_each_person(self):
        """Each (who, why) pair is listed under its own heading, in Markdown and HTML."""
        left = [("Rina (skp-2024-rina)", "indicator iki-1.1 has no realisation")]
        made = unit_report(CHECK, set_aside=left, lang="en")
        markdown = made.markdown()
        assert "## Set aside from the curve" in markdown
        assert "**Rina (skp-2024-rina):** indicator iki-1.1 has no realisation" in markdown
        assert "Rina (skp-2024-rina)" in made.html()

    def test_no_section_when_nobody_is_left_out(self):
        """Without set-aside appraisals there is no such section."""
        assert "Disisihkan" not in unit_report(CHECK).markdown()

    def test_pairs_are_checked(self):
        """Anything but (who, why) pairs of text is refused, naming the field."""
        with pytest.raises(InvalidValueError, match="set_aside"):
            unit_report(CHECK, set_aside=[("only who",)])  # type: ignore[list-item]
