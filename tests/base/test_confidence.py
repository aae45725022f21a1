"""The confidence tags of rule clauses: every tag the library writes has a legend entry."""

from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path

import pytest

import penilaian as p
from penilaian._base.trace import CONFIDENCE, Rule
from penilaian.analysis.development.careers import Confidence

DOCS = Path(__file__).resolve().parents[2] / "docs"
RULE_LAYERS = ("penilaian.scoring", "penilaian.regimes", "penilaian.policy", "penilaian.analysis")


def _module_rules() -> list[Rule]:
    """Every Rule held by a module of the layers that state rules."""
    rules = []
    for info in pkgutil.walk_packages(p.__path__, "penilaian."):
        if not info.name.startswith(RULE_LAYERS):
            continue
        module = importlib.import_module(info.name)
        rules.extend(value for value in vars(module).values() if isinstance(value, Rule))
    return rules


def _trace_rules() -> list[Rule]:
    """Every Rule applied in the traces of the shipped samples, under their regimes."""
    registry = p.default_registry(entry_points=False)
    rules = []
    for regime_id in ("pp46_2011", "pp30_2019", "permen6_2022", "generic"):
        result = registry.get(regime_id).score(p.load_sample(regime_id))
        assert result.trace is not None
        rules.extend(step.rule for step in result.trace.walk())
    return rules


class TestLegend:
    """CONFIDENCE says what each tag means, in both languages."""

    def test_the_three_tags(self):
        """The tags are those of the regulation notes, strongest first."""
        assert list(CONFIDENCE) == ["HIGH", "MED", "LOW"]

    @pytest.mark.parametrize("tag", ["HIGH", "MED", "LOW"])
    def test_both_languages(self, tag):
        """Each meaning is given in Indonesian and in English, and they differ."""
        text_id, text_en = CONFIDENCE[tag]
        assert text_id.strip() == text_id
        assert text_en.strip() == text_en
        assert text_id
        assert text_en
        assert text_id != text_en

    def test_low_says_configurable(self):
        """A [LOW] rule is configurable, as the house rules require."""
        assert "configurable" in CONFIDENCE["LOW"][1]
        assert "dapat diatur" in CONFIDENCE["LOW"][0]

    @pytest.mark.parametrize("tag", ["HIGH", "MED", "LOW"])
    def test_same_levels_as_the_source_confidence(self, tag):
        """The tags name the levels of the development catalogue's Confidence, one to one."""
        assert Confidence.parse(tag.lower()).name.startswith(tag)

    def test_immutable(self):
        """The legend cannot be changed in place."""
        with pytest.raises(TypeError):
            CONFIDENCE["HIGH"] = ("a", "b")  # type: ignore[index]

    @pytest.mark.parametrize("tag", ["HIGH", "MED", "LOW"])
    def test_documented(self, tag):
        """The scoring page's legend quotes each English meaning and shows the tag."""
        page = (DOCS / "explanation" / "scoring.md").read_text(encoding="utf-8")
        assert f"`[{tag}]`" in page
        assert CONFIDENCE[tag][1] in " ".join(page.split())


class TestRuleConfidence:
    """Rule.confidence reads the tags of a clause."""

    def test_one_tag(self):
        """A clause with one tag gives it."""
        rule = Rule("r", "PermenPANRB 6/2022 Lampiran, predikat kinerja pegawai [HIGH]", "a", "b")
        assert rule.confidence == ("HIGH",)

    def test_tags_in_order(self):
        """A clause that joins two sources gives both tags, in order."""
        rule = Rule("r", "Pasal 5 [HIGH]; at least one feedback note [LOW]", "a", "b")
        assert rule.confidence == ("HIGH", "LOW")

    def test_no_tag(self):
        """A clause without a tag gives none; a bracketed citation is not a tag."""
        rule = Rule("r", "PP 46/2011 [Pasal 12]; Perka BKN 1/2013", "a", "b")
        assert rule.confidence == ()

    def test_convention(self):
        """A convention of the library carries its tag after the word convention."""
        rule = Rule("r", "convention [MED]: the BKN forms show two decimal places", "a", "b")
        assert rule.confidence == ("MED",)


class TestEveryClause:
    """Every tag the library writes in a clause has a legend entry."""

    def test_module_rules(self):
        """Each Rule constant of the rule layers carries only known tags."""
        rules = _module_rules()
        assert len(rules) > 20
        unknown = sorted(
            (rule.id, tag) for rule in rules for tag in rule.confidence if tag not in CONFIDENCE
        )
        assert unknown == []

    def test_sample_traces(self):
        """Each step of the samples' traces carries only known tags, and some carry one."""
        rules = _trace_rules()
        tags = [tag for rule in rules for tag in rule.confidence]
        assert tags
        assert set(tags) <= set(CONFIDENCE)
