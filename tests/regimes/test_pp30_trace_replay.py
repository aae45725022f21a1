"""
PP 30/2019: every step of a trace, redone from its own inputs, gives its output.

Each step's named inputs are read back, the public rule function of
`penilaian.regimes.pp30_2019.rules` is applied to them and must give the step's
output; the inputs a step takes from its children must be their outputs, and the
outputs must be the figures and ratings of the result.  A trace that drops an input,
writes another value or loses a step fails here even when the figures are right.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

import penilaian as p
from penilaian.model import BandTable, TargetKind
from penilaian.policy import Weights
from penilaian.regimes.pp30_2019 import PP30_2019_CAP, Pp30Regime, rules
from penilaian.scoring import MISSING
from penilaian.scoring.achievement import ACHIEVEMENT_RULES, achievement

SCALE = p.NumericScale("nilai", 0, 150)
ASPECTS = [aspect.id for aspect in p.PP30_2019_BEHAVIOUR.aspects]
# JPT posts: scored by the interpolation table of nilai capaian IKI (Bab VI.A.1) on every route.
KINDS = ("jpt_utama", "jpt_madya", "jpt_pratama")
TAMBAHAN = BandTable(
    "instansi.tambahan", "instansi policy",
    [Decimal(0), Decimal("0.1"), Decimal("0.5"), Decimal("1.0"), Decimal("1.6"), Decimal("2.4")],
    [Decimal(50), Decimal(70), Decimal(90), Decimal(100), Decimal(110)], "lower",
)  # fmt: skip
# Realisations around every cut of the conversion table, for a target of 100.
REALISED = st.sampled_from(
    ["0", "59.5", "60", "79", "80", "95", "99.5", "100", "100.5", "101", "105", "110", "111", "250"]
)


@st.composite
def pp30_appraisals(draw):
    """1-3 work targets, the first main, point and range targets at every cut, all rated."""
    targets = []
    for t_index in range(draw(st.integers(1, 3))):
        indicators = []
        for i_index in range(draw(st.integers(1, 3))):
            target = draw(st.sampled_from([p.PointTarget(100), p.RangeTarget(95, 105)]))
            indicators.append(
                p.Indicator(
                    f"i{t_index}.{i_index}", "Indikator", "quantity", target,
                    draw(st.sampled_from(p.Direction)),
                    realisation=p.Realisation(Decimal(draw(REALISED))),
                    target_is_maximum=draw(st.booleans()),
                )
            )  # fmt: skip
        kind = TargetKind.MAIN if t_index == 0 else draw(st.sampled_from(TargetKind))
        targets.append(p.WorkTarget(f"t{t_index}", f"Rencana {t_index}", indicators, kind))
    raters = [p.Rater("atasan", "supervisor", "e-atasan")]
    ratings = [
        p.Rating("atasan", aspect, "nilai", score=draw(st.sampled_from([60, 99, 100, 120])))
        for aspect in ASPECTS
    ]
    if draw(st.booleans()):
        raters.append(p.Rater("lain", draw(st.sampled_from(["peer", "subordinate"])), "e-lain"))
        ratings.append(p.Rating("lain", ASPECTS[0], "nilai", score=100))
    scopes = draw(st.lists(st.sampled_from(p.InnovationScope), max_size=2))
    return p.Appraisal(
        "skp-2021-2",
        p.Employee("e-1", "Budi Santoso"),
        p.Position("Kepala Seksi", draw(st.sampled_from(KINDS))),
        p.Period.semester(2021, 2),
        p.PP30_2019_BEHAVIOUR,
        targets,
        raters=raters,
        scales=[SCALE],
        ratings=ratings,
        innovations=[p.Innovation("Inovasi", scope) for scope in scopes],
    )


@st.composite
def regimes(draw, value):
    main = [t.id for t in value.targets if t.kind is TargetKind.MAIN]
    weights = None
    if draw(st.booleans()):
        weights = Weights({name: Fraction(1, len(main)) for name in main})
    return Pp30Regime(
        achievement_rounding=draw(st.sampled_from(["integer_percent", "continuous"])),
        utama_weights=weights,
        additional_points=draw(st.sampled_from([None, TAMBAHAN])),
        peer_input=draw(st.sampled_from(["infer", "used", "not_used"])),
        fair_label=draw(st.sampled_from([p.Grade.FAIR, p.Grade.NEEDS_IMPROVEMENT])),
        rounding=draw(st.sampled_from([p.Rounding(2), p.Rounding(1, "half_even")])),
    )


def number(text):
    assert text != MISSING
    return Fraction(text)


def outputs(step):
    return [number(child.output) for child in step.children]


class Replay:
    """Redo every step of one result from its inputs."""

    def __init__(self, value, regime, result):
        self.value, self.regime, self.result = value, regime, result
        self.indicators = {i.id: i for t in value.targets for i in t.indicators}
        self.targets = {t.id: t for t in value.targets}
        self.seen = []

    def check(self, step):
        given_ = dict(step.inputs)
        assert len(given_) == len(step.inputs), step
        self.seen.append(step.rule.id)
        name = "rule_" + step.rule.id.replace(".", "_")
        if step.rule in ACHIEVEMENT_RULES.values():
            name = "rule_achievement"
        elif step.rule.id.startswith("pp30.iki."):
            name = "rule_iki"
        getattr(self, name, self.foreign)(step, given_)

    def foreign(self, step, given_):
        """A step this replay does not redo: the aggregator's own, or a route's choice."""
        assert step.rule.id, step
        assert step.output, step

    def rule_pp30_rounding(self, step, given_):
        assert given_ == {}
        assert step.rule.text_en == f"Rounded to {self.regime.rounding.describe('en')}"
        assert step.rule.text_id == f"Dibulatkan ke {self.regime.rounding.describe('id')}"
        assert step.rule.clause == "pp30_2019 rounding point, convention [LOW]"
        [child] = step.children
        assert step.subject == child.subject
        assert Decimal(step.output) == self.regime.rounding.apply(number(child.output))

    def rule_achievement(self, step, given_):
        indicator = self.indicators[step.subject]
        assert number(step.output) == achievement(indicator)
        assert step.rule is ACHIEVEMENT_RULES[indicator.direction]
        assert Decimal(given_["realisation"]) == indicator.realisation.value
        target = indicator.target
        if isinstance(target, p.RangeTarget):
            # Inside the range (its ends included) is the range rule's step, not this one.
            assert not target.low <= indicator.realisation.value <= target.high
            assert given_["range"] == target.text
            above = indicator.realisation.value > target.high
            assert Decimal(given_["target"]) == (target.high if above else target.low)
        else:
            assert set(given_) == {"realisation", "target"}
            assert Decimal(given_["target"]) == target.value

    def rule_pp30_achievement_range_inside(self, step, given_):
        indicator = self.indicators[step.subject]
        assert number(step.output) == achievement(indicator) == 100
        assert given_ == {
            "realisation": str(indicator.realisation.value),
            "target": indicator.target.text,
        }

    def rule_pp30_achievement_integer_percent(self, step, given_):
        [child] = step.children
        assert step.subject == child.subject
        assert int(step.output) == rules.whole_percent(number(child.output))
        assert Decimal(step.output) == self.result.figures[f"indicator[{step.subject}].achievement"]

    def rule_iki(self, step, given_):
        indicator = self.indicators[step.subject]
        [child] = step.children
        capaian = number(child.output)
        segment = rules.iki_segment(capaian, at_maximum=indicator.target_is_maximum)
        assert step.rule == segment.rule
        assert number(step.output) == segment.apply(capaian)
        assert (
            Decimal(given_["achievement"])
            == self.result.figures[f"indicator[{step.subject}].achievement"]
        )
        assert self.result.ratings[f"indicator[{step.subject}].category"] == segment.category.value

    def rule_pp30_target(self, step, given_):
        target = self.targets[step.subject]
        assert list(given_) == [f"value[{i.id}]" for i in target.indicators]
        assert [number(v) for v in given_.values()] == outputs(step)
        assert number(step.output) == rules.work_target_value(outputs(step))

    def rule_pp30_main_mean(self, step, given_):
        main = [t.id for t in self.value.targets if t.kind is TargetKind.MAIN]
        assert list(given_) == [f"value[{name}]" for name in main]
        assert [child.subject for child in step.children] == main
        assert [number(v) for v in given_.values()] == outputs(step)
        assert number(step.output) == rules.main_work_value(outputs(step))

    def rule_pp30_main_weighted(self, step, given_):
        [child] = step.children
        assert child.subject == step.subject
        assert number(given_["weight"]) == self.regime.utama_weights[step.subject]
        assert given_["value"] == child.output
        assert number(step.output) == rules.weighted_value(
            number(given_["weight"]), number(given_["value"])
        )

    def rule_pp30_main_sum(self, step, given_):
        assert number(step.output) == sum(outputs(step)) == self.result.figures["main"]

    def rule_pp30_additional_none(self, step, given_):
        extra = [t for t in self.value.targets if t.kind is not TargetKind.MAIN]
        assert int(given_["targets"]) == len(step.children) == len(extra)
        assert number(step.output) == 0 == self.result.figures["additional"]

    def rule_pp30_additional_points(self, step, given_):
        table = self.regime.additional_points
        assert given_.pop("table") == table.id
        assert list(given_) == [f"points[{child.subject}]" for child in step.children]
        for child, points in zip(step.children, given_.values(), strict=True):
            assert Decimal(points) == table.classify(Decimal(child.output))
        assert number(step.output) == sum(number(v) for v in given_.values())
        assert number(step.output) == self.result.figures["additional"]

    def rule_pp30_skp(self, step, given_):
        figures = self.result.figures
        assert given_ == {"main": str(figures["main"]), "additional": str(figures["additional"])}
        assert number(step.output) == rules.skp_value(
            number(given_["main"]), number(given_["additional"])
        )
        assert number(step.output) == figures["skp"]

    def rule_pp30_aspect(self, step, given_):
        assert number(step.output) == self.result.figures[f"behaviour[{step.subject}]"]

    def rule_pp30_behaviour(self, step, given_):
        assert int(given_["aspects"]) == len(step.children)
        aspects = p.PP30_2019_BEHAVIOUR.aspects_for(self.value.position.kind)
        assert [child.subject for child in step.children] == [a.id for a in aspects]
        for child in step.children:
            assert Decimal(child.output) == self.result.figures[f"behaviour[{child.subject}]"]
        assert number(step.output) == rules.behaviour_value(outputs(step))

    def rule_pp30_weighting(self, step, given_):
        used = self.result.ratings["weighting"] == "with_peer_input"
        weights = rules.performance_weights(with_peer_input=used)
        assert step.output == self.result.ratings["weighting"]
        assert given_["policy"] == self.regime.peer_input
        if self.regime.peer_input == "infer":
            roles = self.value.rater_roles
            count = rules.peer_input_count(roles[r.rater_id] for r in self.value.ratings)
            assert int(given_["peer_or_subordinate_ratings"]) == count
            assert used == (count > 0)
        else:
            assert given_["peer_or_subordinate_ratings"] == MISSING
            assert used == (self.regime.peer_input == "used")
        assert (number(given_["work"]), number(given_["behaviour"])) == (
            weights["work"],
            weights["behaviour"],
        )

    def rule_pp30_final(self, step, given_):
        figures = self.result.figures
        assert step.children[0].rule.id == "pp30.weighting"
        assert [c.rule.id for c in step.children[1:]] == ["pp30.skp", "pp30.rounding"]
        assert number(given_["work_weight"]) == figures["weight.work"]
        assert number(given_["behaviour_weight"]) == figures["weight.behaviour"]
        assert number(given_["skp"]) == figures["skp"]
        assert number(given_["behaviour"]) == figures["behaviour"]
        weights = Weights(
            {"work": figures["weight.work"], "behaviour": figures["weight.behaviour"]}
        )
        assert number(step.output) == rules.performance_value(
            number(given_["skp"]), number(given_["behaviour"]), weights
        )

    def rule_pp30_cap(self, step, given_):
        [child] = step.children
        assert given_ == {"value": child.output, "cap": str(PP30_2019_CAP)}
        assert number(given_["value"]) > PP30_2019_CAP
        assert number(step.output) == PP30_2019_CAP

    def rule_pp30_predikat(self, step, given_):
        assert step.output == self.result.grade.value
        assert Decimal(given_["value"]) == self.result.score
        band = rules.performance_band(self.result.score)
        assert given_["band"] == band.value == self.result.ratings["band"]

    def rule_pp30_innovation(self, step, given_):
        found = rules.innovation_count(i.scope for i in self.value.innovations)
        assert given_ == {"band": p.Grade.VERY_GOOD.value, "innovations": str(found)}
        expected = rules.grade_of_band(
            p.Grade.VERY_GOOD, innovative=found > 0, fair_label=self.regime.fair_label
        )
        assert step.output == expected.value

    def rule_pp30_fair_label(self, step, given_):
        assert given_ == {"band": p.Grade.FAIR.value}
        assert step.output == self.regime.fair_label.value != p.Grade.FAIR.value


@given(st.data())
def test_every_step_redoes_from_its_inputs(data):
    value = data.draw(pp30_appraisals())
    regime = data.draw(regimes(value))
    result = regime.score(value)
    replay = Replay(value, regime, result)
    for step in result.trace.walk():
        replay.check(step)
    assert result.trace.rule.id == "pp30.predikat"
    indicators = [i for t in value.targets for i in t.indicators]
    # One conversion step per indicator and one work-target step per target: nothing lost.
    assert sum(s.startswith("pp30.iki.") for s in replay.seen) == len(indicators)
    assert replay.seen.count("pp30.target") == len(value.targets)
    whole = regime.achievement_rounding == "integer_percent"
    assert replay.seen.count("pp30.achievement.integer_percent") == (
        len(indicators) if whole else 0
    )
    assert replay.seen.count("pp30.weighting") == replay.seen.count("pp30.final") == 1
    assert result.score <= PP30_2019_CAP
    assert replay.seen.count("pp30.cap") <= 1
