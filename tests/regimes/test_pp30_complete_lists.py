"""
PP 30/2019: every problem and gap is listed, each with its field, value and reason.

Appraisals with a problem in several places: the regime must list all of them (a check
that stopped at the first bad indicator, weight or rating would drop the rest), each as
the typed error of the field it names, with the value it got and its reason.  An
incomplete result keeps a trace of what was scored; the built-in framework given as an
equal copy is the framework; the cap and an aggregator without steps are traced.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import attrs
import pytest

import penilaian as p
from penilaian.exceptions import (
    InvalidValueError,
    MissingValueError,
    ScoringInputError,
    UnsupportedInputError,
)
from penilaian.model import BandTable, TargetKind
from penilaian.policy import Aggregate, Weights
from penilaian.regimes.pp30_2019 import PP30_2019_CAP, Pp30Regime, rules

SCALE = p.NumericScale("nilai", 0, 150)
ASPECTS = [aspect.id for aspect in p.PP30_2019_BEHAVIOUR.aspects]


def indicator(indicator_id, realised=100, target=None):
    return p.Indicator(
        indicator_id, "Indikator", "quantity", target or p.PointTarget(100),
        realisation=None if realised is None else p.Realisation(realised),
    )  # fmt: skip


def work(target_id, *indicators, kind=TargetKind.MAIN):
    return p.WorkTarget(
        target_id, f"Rencana {target_id}", indicators or [indicator(f"{target_id}.1")], kind
    )


def appraisal(targets, scores=None, **changes):
    scores = dict.fromkeys(ASPECTS, 100) if scores is None else scores
    fields = {
        "id": "skp-2021-2",
        "employee": p.Employee("e-1", "Budi"),
        "position": p.Position("Kepala Seksi", p.PositionKind.SUPERVISOR),
        "period": p.Period.semester(2021, 2),
        "framework": p.PP30_2019_BEHAVIOUR,
        "targets": targets,
        "raters": [p.Rater("atasan", "supervisor", "e-atasan")],
        "scales": [SCALE],
        "ratings": [p.Rating("atasan", s, "nilai", score=v) for s, v in scores.items()],
    }
    fields.update(changes)
    return p.Appraisal(**fields)


def listed(value, regime):
    with pytest.raises(ScoringInputError) as caught:
        regime.score(value)
    return [
        (
            problem.path,
            type(problem.error),
            problem.error.field,
            problem.error.value,
            problem.error.reason,
        )
        for problem in caught.value.problems
    ]


def test_every_unrealised_and_qualitative_indicator():
    words = p.QualitativeTarget("Tanpa revisi")
    value = appraisal(
        [
            work("t1", indicator("a", None), indicator("b"), indicator("c", None)),
            work("t2", indicator("d")),
            work("t3", indicator("e", None), kind=TargetKind.ADDITIONAL),
            work(
                "t4",
                p.Indicator(
                    "f", "Mutu", "quality", words, realisation=p.Realisation(description="ok")
                ),
            ),
        ]
    )
    rows = listed(value, Pp30Regime())
    assert [row[:4] for row in rows] == [
        ("$.targets[0].indicators[0].realisation", MissingValueError, "realisation", None),
        ("$.targets[0].indicators[2].realisation", MissingValueError, "realisation", None),
        ("$.targets[2].indicators[0].realisation", MissingValueError, "realisation", None),
        ("$.targets[3].indicators[0].target", UnsupportedInputError, "target", "f"),
    ]
    assert rows[0][4] == "indicator a has no realisation"


def test_every_main_target_without_a_weight_and_every_weight_without_a_target():
    regime = Pp30Regime(
        utama_weights=Weights({"t2": Fraction(1, 2), "x": Fraction(1, 4), "y": Fraction(1, 4)})
    )
    value = appraisal([work("t1"), work("t2"), work("t3", kind=TargetKind.ADDITIONAL), work("t4")])
    assert listed(value, regime) == [
        (
            "$.targets[0].id",
            UnsupportedInputError,
            "id",
            "t1",
            "a main work target needs a weight in utama_weights",
        ),
        (
            "$.targets[3].id",
            UnsupportedInputError,
            "id",
            "t4",
            "a main work target needs a weight in utama_weights",
        ),
        (
            "$.targets",
            UnsupportedInputError,
            "utama_weights",
            "x",
            "utama_weights names no main work target of this appraisal",
        ),
        (
            "$.targets",
            UnsupportedInputError,
            "utama_weights",
            "y",
            "utama_weights names no main work target of this appraisal",
        ),
    ]


def test_no_main_target():
    value = appraisal([work("t1", kind=TargetKind.ADDITIONAL)])
    assert listed(value, Pp30Regime()) == [
        (
            "$.targets",
            MissingValueError,
            "targets",
            None,
            "pp30_2019 needs at least one main work target (kinerja utama)",
        ),
    ]


def test_every_behaviour_value_off_0_to_120_with_the_others():
    scores = dict.fromkeys(ASPECTS, 100) | {ASPECTS[0]: 121, ASPECTS[2]: 150}
    value = appraisal([work("t1", indicator("a", None))], scores)
    rows = listed(value, Pp30Regime())
    assert rows == [
        (
            "$.targets[0].indicators[0].realisation",
            MissingValueError,
            "realisation",
            None,
            "indicator a has no realisation",
        ),
        (
            "$.ratings[0].score",
            UnsupportedInputError,
            "score",
            "121",
            f"the value of {ASPECTS[0]} must lie from 0 to 120 under pp30_2019",
        ),
        (
            "$.ratings[2].score",
            UnsupportedInputError,
            "score",
            "150",
            f"the value of {ASPECTS[2]} must lie from 0 to 120 under pp30_2019",
        ),
    ]


def test_off_range_from_several_ratings_points_at_all_of_them():
    def high(_appraisal, subject, *, trace=True):
        return Aggregate(subject, Fraction(130) if subject == ASPECTS[1] else Fraction(100))

    value = appraisal([work("t1")], {ASPECTS[0]: 100})
    assert [row[:4] for row in listed(value, Pp30Regime(aggregator=high))] == [
        ("$.ratings", UnsupportedInputError, "score", "130"),
    ]


def test_another_framework_is_refused_and_an_equal_copy_is_not():
    value = appraisal([work("t1")], {}, framework=p.BERAKHLAK)
    assert listed(value, Pp30Regime()) == [
        (
            "$.framework",
            UnsupportedInputError,
            "framework",
            p.BERAKHLAK.id,
            f"pp30_2019 appraises the aspects of framework {p.PP30_2019_BEHAVIOUR.id}",
        ),
    ]
    copy = attrs.evolve(p.PP30_2019_BEHAVIOUR)
    assert copy is not p.PP30_2019_BEHAVIOUR
    expected = Pp30Regime().score(appraisal([work("t1")]))
    assert Pp30Regime().score(appraisal([work("t1")], framework=copy)) == expected


def test_every_gap_and_the_trace_of_an_incomplete_result():
    value = appraisal([work("t1")], {ASPECTS[0]: 100, ASPECTS[3]: 90})
    result = Pp30Regime().score(value)
    assert result.grade is None
    missing = [a.id for a in p.PP30_2019_BEHAVIOUR.aspects_for("supervisor")]
    missing = [a for a in missing if a not in {ASPECTS[0], ASPECTS[3]}]
    assert [gap.path for gap in result.gaps] == ["$.ratings"] * len(missing)
    assert all(aspect in gap.reason for aspect, gap in zip(missing, result.gaps, strict=True))
    root = result.trace
    assert root.rule.id == "pp30.incomplete"
    assert dict(root.inputs) == {"gaps": str(len(missing))}
    assert [c.rule.id for c in root.children] == ["pp30.skp", "pp30.rounding", "pp30.rounding"]
    assert [c.subject for c in root.children[1:]] == [ASPECTS[0], ASPECTS[3]]
    assert Pp30Regime().score(value, trace=False).trace is None


def test_an_aggregator_without_a_gap_or_step():
    def bare(_appraisal, subject, *, trace=True):
        return Aggregate(subject, None if subject == ASPECTS[1] else Fraction(100))

    result = Pp30Regime(aggregator=bare).score(appraisal([work("t1")]))
    assert [(gap.path, gap.reason) for gap in result.gaps] == [
        ("$.ratings", f"no value for {ASPECTS[1]}")
    ]
    value = Pp30Regime(aggregator=lambda _a, s, *, trace=True: Aggregate(s, Fraction(99)))
    traced = value.score(appraisal([work("t1")]))
    aspect_steps = traced.trace.find("pp30.aspect")
    assert [(s.subject, s.output) for s in aspect_steps] == [
        (a.id, "99") for a in p.PP30_2019_BEHAVIOUR.aspects_for("supervisor")
    ]


def test_the_cap_is_traced():
    table = BandTable("tambahan", "instansi", [Decimal(0), Decimal("2.4")], [Decimal(50)], "lower")
    value = appraisal(
        [
            work("t1", indicator("a", 200)),
            work("t2", indicator("b", 200), kind=TargetKind.ADDITIONAL),
        ],
        dict.fromkeys(ASPECTS, 120),
    )
    result = Pp30Regime(additional_points=table).score(value)
    [cap] = result.trace.find("pp30.cap")
    [final] = cap.children
    assert dict(cap.inputs) == {"value": final.output, "cap": "120"}
    assert cap.output == "120"
    assert Fraction(final.output) > PP30_2019_CAP
    assert result.score == PP30_2019_CAP


def test_with_aggregator_uses_it():
    regime = Pp30Regime().with_aggregator(lambda _a, s, *, trace=True: Aggregate(s, Fraction(80)))
    assert regime.score(appraisal([work("t1")])).figures["behaviour"] == 80


@pytest.mark.parametrize(
    "table", [3, BandTable("t", "c", [Decimal(-1), Decimal(1)], [Decimal(50)], "lower")]
)
def test_bad_additional_points_name_the_field(table):
    with pytest.raises(InvalidValueError) as caught:
        Pp30Regime(additional_points=table)
    error = caught.value
    assert (error.field, error.value) == ("additional_points", table)
    assert (
        error.reason == "must be a BandTable from work-target value to points (Decimals, 0 or more)"
    )


def test_bad_fair_label_names_the_field():
    with pytest.raises(InvalidValueError) as caught:
        Pp30Regime(fair_label=p.Grade.GOOD)
    error = caught.value
    assert (error.field, error.value) == ("fair_label", p.Grade.GOOD.value)
    assert error.reason == "must be fair (Cukup, PP 30/2019) or needs_improvement (Butuh Perbaikan)"
    with pytest.raises(InvalidValueError) as caught:
        rules.grade_of_band(p.Grade.FAIR, innovative=False, fair_label="cukup")
    assert caught.value.value == "cukup"


@pytest.mark.parametrize(
    "function", [rules.work_target_value, rules.main_work_value, rules.behaviour_value]
)
def test_mean_of_nothing_names_the_reason(function):
    with pytest.raises(MissingValueError) as caught:
        function([])
    assert caught.value.value == []
    assert caught.value.reason == "needs at least one value"


def test_the_fair_band_is_labelled_and_traced():
    """Capaian 80 % (nilai 70) and behaviour 70: the Cukup band, graded Butuh Perbaikan."""
    value = appraisal([work("t1", indicator("a", 80))], dict.fromkeys(ASPECTS, 70))
    result = Pp30Regime().score(value)
    assert (result.ratings["band"], result.grade) == ("fair", p.Grade.NEEDS_IMPROVEMENT)
    [label] = result.trace.find("pp30.fair_label")
    assert (label.output, dict(label.inputs)) == ("needs_improvement", {"band": "fair"})
    plain = Pp30Regime(fair_label=p.Grade.FAIR).score(value)
    assert plain.grade == p.Grade.FAIR
    assert plain.trace.find("pp30.fair_label") == ()


@pytest.mark.parametrize("end", ["95", "105"])
def test_a_realisation_at_either_end_of_a_range_is_inside(end):
    value = appraisal([work("t1", indicator("a", end, p.RangeTarget(95, 105)))])
    result = Pp30Regime().score(value)
    [inside] = result.trace.find("pp30.achievement.range_inside")
    assert (inside.subject, inside.output) == ("a", "100")
    assert dict(inside.inputs) == {"realisation": end, "target": "95\u2013105"}


def test_each_aspect_step_is_the_aggregators_own():
    """The regime asks its aggregator for steps when it traces: each aspect shows how."""
    result = Pp30Regime().score(appraisal([work("t1")]))
    steps = [
        s for s in result.trace.walk() if s.subject in ASPECTS and s.rule.id == "pp30.rounding"
    ]
    assert steps
    assert all(s.children[0].rule.id == "supervisor_rating" for s in steps)


def test_rule_defaults_read_an_ordinary_target():
    """Unless told the target is already the maximum, 100 % is Baik (109), not 120."""
    assert rules.iki_segment(Fraction(100)).rule.id == "pp30.iki.good"
    assert rules.iki_value(Fraction(100)) == 109
    assert rules.iki_value(Fraction(100), at_maximum=True) == 120
