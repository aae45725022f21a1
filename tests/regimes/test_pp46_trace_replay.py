"""
PP 46/2011: every step of a trace, redone from its own inputs, gives its output.

A trace is an explanation a person can check by hand; these tests do that check.  Each
step's named inputs are read back, the public rule function is applied to them, and
the result must equal the step's output; each step's output must equal the figure (or
rating) of its subject, and the inputs a step takes from its children must be their
outputs.  A trace that drops an input, names the wrong subject or writes another value
fails here even when the figures are right.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import penilaian as p
from penilaian._base.rounding import figure
from penilaian.model import TargetKind
from penilaian.policy import PP46_2011_COMPONENTS, Weights
from penilaian.regimes.pp46_2011 import (
    ACTIVITIES_RULE,
    ACTIVITY_RULE,
    ADDITIONAL_TASKS_RULE,
    BEHAVIOUR_ASPECT_RULE,
    BEHAVIOUR_RULE,
    CATEGORY_RULE,
    CREATIVITY_RULE,
    FINAL_RULE,
    PP46_2011_ACTIVITY_ASPECTS,
    PP46_2011_ADDITIONAL_TASK_POINTS,
    PP46_2011_CATEGORIES,
    RESULT_RULE,
    ROUNDING_RULE,
    SKP_RULE,
    WHOLE_NUMBER_RULE,
    ZERO_OUTPUT_RULE,
    Pp46Regime,
    additional_task_points,
    category,
    creativity_points,
    efficiency,
    exceeds_efficiency_limit,
    skp_value,
    time_cost_value,
    whole_value,
)
from penilaian.scoring import MISSING

SCALE = p.NumericScale("nilai", 0, 100)
RATERS = [p.Rater("atasan", "supervisor", "e-atasan"), p.Rater("rekan", "peer", "e-rekan")]
SCOPES = tuple(p.InnovationScope)
KINDS = ("administrator", "expert_first", "executor")
_FORMULAS = {row.rule.id: row for row in PP46_2011_ACTIVITY_ASPECTS}
_ABOVE = {
    row.above_limit_rule.id: row for row in PP46_2011_ACTIVITY_ASPECTS if row.above_limit_rule
}


ONE_EACH = {"quantity": (1, 1), "quality": (1, 1), "time": (1, 1)}


def indicator(target_id, aspect, planned, realised):
    lower = aspect in {"time", "cost"}
    return p.Indicator(
        f"{target_id}-{aspect}",
        f"{aspect} of {target_id}",
        aspect,
        p.PointTarget(planned),
        direction="lower_is_better" if lower else "higher_is_better",
        realisation=p.Realisation(realised),
    )


def kegiatan(target_id, pairs):
    indicators = [indicator(target_id, aspect, *pair) for aspect, pair in pairs.items()]
    return p.WorkTarget(target_id, f"Kegiatan {target_id}", indicators)


def task(number):
    return p.WorkTarget(
        f"tt{number}", "Tugas tambahan", [indicator(f"tt{number}", "quantity", 1, 1)], "additional"
    )


def appraisal(targets, scores, *, kind="executor", scopes=()):
    ratings = [p.Rating("atasan", aspect, "nilai", score=score) for aspect, score in scores.items()]
    innovations = [p.Innovation(f"inovasi {i}", scope) for i, scope in enumerate(scopes)]
    return p.Appraisal(
        id="skp-2019",
        employee=p.Employee("e-ani", "Ani"),
        position=p.Position("Jabatan", kind),
        period=p.Period.year(2019),
        framework=p.PP46_2011_BEHAVIOUR,
        targets=targets,
        raters=RATERS,
        scales=[SCALE],
        ratings=ratings,
        innovations=innovations,
    )


AMOUNTS = st.sampled_from([Decimal(12), Decimal(100), Decimal("9.5"), Decimal(1000)])
# Realisations as a share of the target: no output, the 24 % edge (76 %) and either side of it.
SHARES = st.sampled_from(["0", "0.5", "0.75", "0.76", "0.77", "1", "1.3"]).map(Decimal)


@st.composite
def pp46_appraisals(draw):
    """Kegiatan at the efficiency edge or without output, tasks, innovations, any post."""
    kind = draw(st.sampled_from(KINDS))
    works = []
    for number in range(draw(st.integers(1, 3))):
        aspects = ["quantity", "quality", "time"] + (["cost"] if draw(st.booleans()) else [])
        pairs = {}
        for aspect in aspects:
            planned = draw(AMOUNTS)
            pairs[aspect] = (planned, planned * draw(SHARES))
        works.append(kegiatan(f"k{number}", pairs))
    tasks = [task(n) for n in range(draw(st.sampled_from([0, 1, 3, 4, 7])))]
    targets = draw(st.permutations([*works, *tasks]))
    aspects = p.PP46_2011_BEHAVIOUR.aspects_for(kind)
    scores = {
        a.id: draw(st.sampled_from([50, Decimal("75.5"), 76, 90, Decimal("90.5")])) for a in aspects
    }
    scopes = draw(st.lists(st.sampled_from(SCOPES), max_size=3))
    return appraisal(targets, scores, kind=kind, scopes=scopes)


REGIMES = st.builds(
    Pp46Regime,
    weights=st.sampled_from(
        [PP46_2011_COMPONENTS, Weights({"work": Decimal("0.7"), "behaviour": Decimal("0.3")})]
    ),
    rounding=st.sampled_from([p.Rounding(2), p.Rounding(1, "half_even"), p.Rounding(3)]),
    band_convention=st.sampled_from(["upper_inclusive", "round_to_integer"]),
    creativity=st.sampled_from(["highest", "sum"]),
    zero_output_zeroes_activity=st.booleans(),
)


def number(text):
    assert text != MISSING
    return Fraction(text)


def inputs(step):
    names = [name for name, _ in step.inputs]
    assert len(names) == len(set(names)), step
    return dict(step.inputs)


def children_sum(step):
    return sum((number(child.output) for child in step.children), Fraction(0))


def check_aspect(step, figures):
    given_ = inputs(step)
    if step.rule is ZERO_OUTPUT_RULE:
        assert given_ == {"RO": given_["RO"]}
        assert number(given_["RO"]) == 0
        assert number(step.output) == 0
        return
    row = _FORMULAS.get(step.rule.id) or _ABOVE[step.rule.id]
    planned, realised = number(given_[row.target_symbol]), number(given_[row.realised_symbol])
    assert step.subject == f"{step.subject.rsplit('.', 1)[0]}.{row.name}"
    if row.above_limit_rule is None:
        assert set(given_) == {row.target_symbol, row.realised_symbol}
        assert number(step.output) == row.formula(planned, realised)
    else:
        found = efficiency(planned, realised)
        assert number(given_["efficiency"]) == found
        above = exceeds_efficiency_limit(found)
        assert step.rule is (row.above_limit_rule if above else row.rule)
        assert number(step.output) == time_cost_value(found)
    assert figure(number(step.output)) == figures[step.subject]


def check_mean(step, given_, _run):
    if step.rule is BEHAVIOUR_RULE:
        assert step.subject == "behaviour"
    assert int(given_["aspects"]) == len(step.children)
    assert number(given_["total"]) == children_sum(step)
    assert number(step.output) == number(given_["total"]) / int(given_["aspects"])


def check_activities(step, given_, run):
    assert step.subject == "activities"
    assert int(given_["count"]) == len(step.children)
    assert number(given_["total"]) == children_sum(step)
    assert number(step.output) == number(given_["total"]) / int(given_["count"])
    assert figure(number(step.output)) == run.result.figures["activities"]


def check_rounding(step, given_, run):
    rounding = p.Rounding(int(given_["places"]), given_["mode"])
    assert rounding == run.regime.rounding
    assert [given_["value"]] == [child.output for child in step.children]
    assert Decimal(step.output) == rounding.apply(number(given_["value"]))
    assert Decimal(step.output) == run.result.figures[step.subject]


def check_additional_tasks(step, given_, run):
    assert given_["table"] == PP46_2011_ADDITIONAL_TASK_POINTS.id
    count = sum(t.kind is TargetKind.ADDITIONAL for t in run.value.targets)
    assert int(given_["count"]) == count
    expected = additional_task_points(count)
    assert int(step.output) == expected == run.result.figures["additional_tasks"]


def check_creativity(step, given_, run):
    scopes = [i.scope for i in run.value.innovations]
    assert given_ == {
        **{f"innovations[{i}]": scope.value for i, scope in enumerate(scopes)},
        "policy": run.regime.creativity,
    }
    expected = creativity_points(scopes, run.regime.creativity)
    assert int(step.output) == expected == run.result.figures["creativity"]


def check_skp(step, given_, _run):
    assert step.subject == "skp"
    parts = {child.subject: child.output for child in step.children}
    assert given_ == parts
    assert number(step.output) == skp_value(
        number(parts["activities"]), int(parts["additional_tasks"]), int(parts["creativity"])
    )


def check_behaviour_aspect(step, _given, run):
    assert figure(number(step.output)) == run.result.figures[step.subject]
    [aggregated] = step.children  # how the aggregator formed the value
    assert aggregated.output == step.output


def check_final(step, given_, run):
    assert step.subject == "final"
    parts = {child.subject: child.output for child in step.children}
    assert [given_["skp"], given_["behaviour"]] == [parts["skp"], parts["behaviour"]]
    work, other = number(given_["work_weight"]), number(given_["behaviour_weight"])
    assert (work, other) == (run.regime.weights["work"], run.regime.weights["behaviour"])
    expected = work * number(given_["skp"]) + other * number(given_["behaviour"])
    assert number(step.output) == expected


def check_whole(step, given_, run):
    assert run.regime.band_convention == "round_to_integer"
    assert Decimal(step.output) == whole_value(number(given_["value"]))
    assert Decimal(step.output) == run.result.figures[step.subject]


def check_category(step, given_, run):
    result = run.result
    assert given_["table"] == PP46_2011_CATEGORIES.id
    assert step.output == category(number(given_["value"])).value
    assert step.output == result.ratings.get(step.subject, result.grade and result.grade.value)
    if run.regime.band_convention == "round_to_integer":
        [whole] = step.children
        assert whole.subject == f"{step.subject}.whole"
        assert whole.output == given_["value"]
    else:
        assert step.children == ()
        assert number(given_["value"]) == result.figures[step.subject]


CHECKS = {
    ACTIVITY_RULE: check_mean,
    BEHAVIOUR_RULE: check_mean,
    ACTIVITIES_RULE: check_activities,
    ROUNDING_RULE: check_rounding,
    ADDITIONAL_TASKS_RULE: check_additional_tasks,
    CREATIVITY_RULE: check_creativity,
    SKP_RULE: check_skp,
    BEHAVIOUR_ASPECT_RULE: check_behaviour_aspect,
    FINAL_RULE: check_final,
    WHOLE_NUMBER_RULE: check_whole,
    CATEGORY_RULE: check_category,
}


@attrs.frozen
class Scored:
    value: p.Appraisal
    regime: Pp46Regime
    result: p.Result


def check_step(step, run):
    """Redo *step* from its inputs and its children."""
    rule = step.rule
    if rule.id in _FORMULAS or rule.id in _ABOVE or rule is ZERO_OUTPUT_RULE:
        check_aspect(step, run.result.figures)
    elif rule in CHECKS:
        CHECKS[rule](step, inputs(step), run)
    else:  # the result, or a step of the aggregator (policy's, tested there)
        assert rule is RESULT_RULE or not rule.id.startswith("pp46."), rule


@given(pp46_appraisals(), REGIMES)
def test_every_step_redoes_from_its_inputs(value, regime):
    result = regime.score(value)
    root = result.trace
    assert root.rule is RESULT_RULE
    assert root.subject == value.id
    assert root.output == result.grade.value
    assert dict(root.inputs) == {"final": str(result.score)}
    for step in root.walk():
        check_step(step, Scored(value, regime, result))
    # Every figure and every rating is given by a step about it.
    subjects = {step.subject for step in root.walk()}
    assert set(result.figures) <= subjects
    category_subjects = [s.subject for s in root.walk() if s.rule is CATEGORY_RULE]
    assert sorted(category_subjects) == sorted([*result.ratings, "final"])


@given(pp46_appraisals(), REGIMES)
def test_every_step_is_under_the_root_once(value, regime):
    """No step is lost: the kegiatan, tasks, creativity, every aspect hang under the root."""
    result = regime.score(value)
    main = [t for t in value.targets if t.kind is TargetKind.MAIN]
    walked = list(result.trace.walk())
    rounded = {s.subject for s in walked if s.rule is ROUNDING_RULE}
    assert rounded == {f"activity[{t.id}].value" for t in main} | {"skp", "behaviour", "final"}
    activity_steps = [s for s in walked if s.rule is ACTIVITY_RULE]
    assert [s.subject for s in activity_steps] == [f"activity[{t.id}].value" for t in main]
    for target, step in zip(main, activity_steps, strict=True):
        assert len(step.children) == len(target.indicators)
    aspects = p.PP46_2011_BEHAVIOUR.aspects_for(value.position.kind)
    behaviour = [s.subject for s in walked if s.rule is BEHAVIOUR_ASPECT_RULE]
    assert behaviour == [f"behaviour[{a.id}]" for a in aspects]


def test_the_regime_passes_trace_to_its_aggregator():
    """Each behaviour aspect's step holds the aggregator's own step; without trace, none."""
    aspects = [a.id for a in p.PP46_2011_BEHAVIOUR.aspects_for("executor")]
    value = appraisal([kegiatan("k1", ONE_EACH)], dict.fromkeys(aspects, 80))
    traced = Pp46Regime().score(value)
    for step in traced.trace.find(BEHAVIOUR_ASPECT_RULE.id):
        [child] = step.children
        assert child.output == "80"
    assert Pp46Regime().score(value, trace=False).trace is None


def test_with_aggregator_uses_it():
    """with_aggregator replaces the aggregator: a peer-only policy reads the peer's 60."""
    aspects = [a.id for a in p.PP46_2011_BEHAVIOUR.aspects_for("executor")]
    value = appraisal([kegiatan("k1", ONE_EACH)], dict.fromkeys(aspects, 80))
    peer = [p.Rating("rekan", aspect, "nilai", score=60) for aspect in aspects]
    value = attrs.evolve(value, ratings=[*value.ratings, *peer])
    regime = Pp46Regime().with_aggregator(
        p.WeightingPolicy({"peer": 1, "supervisor": 0}, missing=p.Require())
    )
    assert regime.score(value).figures["behaviour"] == 60
    assert Pp46Regime().score(value).figures["behaviour"] == 80


@pytest.mark.parametrize("convention", ["upper_inclusive", "round_to_integer"])
def test_category_defaults(convention):
    """The rule functions' defaults: the upper-inclusive reading and the highest innovation."""
    assert category(Decimal("90.4")) == category(Decimal("90.4"), "upper_inclusive")
    assert category(Decimal("90.4")) != category(Decimal("90.4"), "round_to_integer")
    assert creativity_points([p.InnovationScope.UNIT, p.InnovationScope.STATE]) == 12
    assert Pp46Regime(band_convention=convention).category(Decimal("90.4")) == category(
        Decimal("90.4"), convention
    )
