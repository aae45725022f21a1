"""
The generic regime's integer kernel against its full run, on random 360-degree appraisals.

`GenericRegime.score` computes the plain case in integers
(``penilaian.regimes._generic_kernel``) and takes the full run (fractions, every problem,
gap and note, the trace) otherwise; the full run is the reference.  Every figure (key,
order and written text), rating, grade, score, gap and note must agree, for random
components, weights, bands, rounding and aggregators, with scores aimed at the band
cuts and rounding halves.
"""

from __future__ import annotations

import pickle
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

import penilaian as p
from penilaian.exceptions import InvalidInputError
from penilaian.model.grades import BandTable
from penilaian.policy import SupervisorRating
from penilaian.regimes.generic import (
    GENERIC_DEFAULT_BANDS,
    Component,
    GenericRegime,
    RatedSubjects,
    WorkAchievement,
)
from penilaian.serialization import unstructure
from strategies.model import weighting_policies

SCALES = (
    p.NumericScale("nilai", 0, 100),
    p.NumericScale("lima", 1, 5, step=Decimal("0.5")),
    p.NumericScale("pecahan", Decimal("0.5"), Decimal("4.75"), step=Decimal("0.25")),
    p.NumericScale("bulat", 0, 100, step=1),  # every score whole: the policy sums integers
    p.NumericScale("genap", -10, 10, step=2),
)
ROLES = ("supervisor", "peer", "peer", "subordinate", "self", "second_level_supervisor")
_TARGET = p.WorkTarget("t", "Sasaran", [p.Indicator("i", "I", p.Aspect.QUANTITY, p.PointTarget(1))])
TEXT_BANDS = BandTable(
    "custom", "test", ("rendah", "sedang", "tinggi"), (Decimal(60), Decimal("87.5"))
)


@st.composite
def _indicators(draw: st.DrawFn, target: int) -> list[p.Indicator]:
    found = []
    for index in range(draw(st.integers(1, 3))):
        planned = Decimal(draw(st.integers(1, 400))).scaleb(-draw(st.integers(0, 2)))
        if draw(st.integers(0, 3)) == 0:
            kind: p.PointTarget | p.RangeTarget = p.RangeTarget(planned, planned * 2)
        else:
            kind = p.PointTarget(planned)
        realised = Decimal(draw(st.integers(0, 1200))).scaleb(-draw(st.integers(0, 2)))
        missing = draw(st.integers(0, 30)) == 0  # sometimes: the full path's problem
        found.append(
            p.Indicator(
                f"t{target}.i{index}",
                "Indikator",
                draw(st.sampled_from(list(p.Aspect))),
                kind,
                direction=draw(st.sampled_from(list(p.Direction))),
                realisation=None if missing else p.Realisation(realised),
            )
        )
    return found


def _value(draw: st.DrawFn, scale: p.Scale) -> dict[str, object]:
    """A rating's value on *scale*: a score a whole number of steps up, or a level."""
    if isinstance(scale, p.OrdinalScale):
        return {"level": draw(st.sampled_from(scale.levels))}
    step = scale.step or Decimal("0.01")
    steps = int((scale.maximum - scale.minimum) / step)
    return {"score": scale.minimum + step * draw(st.integers(0, steps))}


@st.composite
def _appraisals(draw: st.DrawFn) -> p.Appraisal:
    scale = draw(st.sampled_from(SCALES))
    count = draw(st.integers(1, len(ROLES)))
    raters = [
        p.Rater(f"r{index}", role, "e-1" if role == "self" else f"emp-{index}")
        for index, role in enumerate(ROLES[:count])
    ]
    # Most often every aspect on one scale; else each aspect on its own, now and then an
    # ordinal one (a problem of the full path).
    scales = {aspect.id: scale for aspect in p.BERAKHLAK.aspects}
    if draw(st.integers(0, 3)) == 0:
        others = st.sampled_from((*SCALES, *SCALES, p.EXPECTATION_SCALE))
        scales = {aspect: draw(others) for aspect in scales}
    ratings = [
        p.Rating(rater.id, aspect.id, scales[aspect.id].id, **_value(draw, scales[aspect.id]))  # type: ignore[arg-type]
        for rater in raters
        for aspect in p.BERAKHLAK.aspects
        if draw(st.integers(0, 40))  # now and then a rating is missing: a gap
    ]
    kinds = (p.model.TargetKind.MAIN, p.model.TargetKind.ADDITIONAL)
    targets = [
        p.WorkTarget(f"t{index}", "Sasaran", draw(_indicators(index)), draw(st.sampled_from(kinds)))
        for index in range(draw(st.integers(1, 4)))
    ]
    return p.Appraisal(
        "a-1",
        p.Employee("e-1", "Pegawai"),
        p.Position("Jabatan", draw(st.sampled_from(list(p.PositionKind)))),
        p.Period.year(2024),
        p.BERAKHLAK,
        targets,
        raters,
        list(dict.fromkeys(scales.values())),
        ratings,
    )


@st.composite
def _regimes(draw: st.DrawFn) -> GenericRegime:
    kinds = draw(st.sampled_from(((p.model.TargetKind.MAIN,), tuple(p.model.TargetKind))))
    cap = draw(st.sampled_from((None, Fraction(120), Fraction(250, 3), 100)))
    subjects = draw(
        st.none() | st.lists(st.sampled_from([a.id for a in p.BERAKHLAK.aspects]), min_size=1,
                             max_size=3, unique=True)
    )  # fmt: skip
    components = [
        Component("work", WorkAchievement(kinds, cap)),
        Component("behaviour", RatedSubjects(subjects)),
    ]
    components = draw(st.sampled_from((components, components[:1], components[1:])))
    work = draw(st.integers(0, 20))
    shares = {"work": Fraction(work, 20), "behaviour": Fraction(20 - work, 20)}
    if len(components) == 1:
        shares = {components[0].id: Fraction(1)}
    aggregator = draw(st.just(SupervisorRating()) | weighting_policies())
    return GenericRegime(
        components=components,
        weights=p.Weights(shares),
        bands=draw(st.sampled_from((GENERIC_DEFAULT_BANDS, TEXT_BANDS))),
        aggregator=aggregator,
        rounding=draw(
            st.none()
            | st.builds(
                p.Rounding, st.integers(0, 3), st.sampled_from(("half_up", "half_even", "down"))
            )
        ),
    )


def _outcome(regime: GenericRegime, appraisal: p.Appraisal, *, kernel: bool, trace: bool):
    score = regime.score if kernel else regime._run
    try:
        return score(appraisal, trace=trace)
    except InvalidInputError as error:
        return type(error), str(error)


def _written(result: object) -> object:
    if not isinstance(result, p.Result):
        return result
    return [(key, str(value)) for key, value in result.figures.items()], str(result.score)


@given(_regimes(), _appraisals())
def test_the_kernel_gives_the_full_runs_result(regime, appraisal) -> None:
    kernel = _outcome(regime, appraisal, kernel=True, trace=False)
    reference = _outcome(regime, appraisal, kernel=False, trace=False)
    assert kernel == reference
    assert _written(kernel) == _written(reference)
    if isinstance(kernel, p.Result):
        assert unstructure(kernel) == unstructure(reference)
        # Built without the validators, it hashes, prints, pickles and reads the same.
        assert hash(kernel) == hash(reference)
        assert repr(kernel) == repr(reference)
        assert pickle.loads(pickle.dumps(kernel)) == reference  # noqa: S301 - our own bytes
        assert list(kernel.ratings.items()) == list(reference.ratings.items())
        with pytest.raises(TypeError):
            kernel.ratings["band"] = "x"  # type: ignore[index]


@given(_regimes(), _appraisals())
def test_the_deferred_trace_is_the_full_runs_trace(regime, appraisal) -> None:
    scored = _outcome(regime, appraisal, kernel=True, trace=True)
    reference = _outcome(regime, appraisal, kernel=False, trace=True)
    assert scored == reference
    if isinstance(scored, p.Result):
        assert scored.trace is not None
        assert list(scored.trace.walk()) == list(reference.trace.walk())
        assert unstructure(scored) == unstructure(reference)


@pytest.mark.parametrize("bands", [GENERIC_DEFAULT_BANDS, TEXT_BANDS])
@pytest.mark.parametrize("places", [None, 0, 1, 2])
@pytest.mark.parametrize("offset", [0, 1, -1])
def test_a_score_exactly_on_a_cut_or_a_half(bands, places, offset) -> None:
    # One rated subject on a 0-100 scale, weight 1: the score is the rating exactly.
    rounding = None if places is None else p.Rounding(places)
    regime = GenericRegime(
        components=[Component("b", RatedSubjects(["service_oriented"]))],
        weights=p.Weights({"b": 1}),
        bands=bands,
        rounding=rounding,
    )
    for cut in bands.cuts:
        if cut > 100:
            continue
        half = Decimal(5).scaleb(-(places or 0) - 1)
        value = cut + offset * half
        appraisal = p.Appraisal(
            "a", p.Employee("e", "E"), p.Position("J", p.PositionKind.EXECUTOR),
            p.Period.year(2024), p.BERAKHLAK, [_TARGET], [p.Rater("s", "supervisor", "x")],
            [SCALES[0]],
            [p.Rating("s", "service_oriented", "nilai", score=value)],
        )  # fmt: skip
        kernel = regime.score(appraisal, trace=False)
        reference = regime._run(appraisal, trace=False)
        assert kernel == reference
        assert _written(kernel) == _written(reference)
        expected = value if rounding is None else rounding.apply(value)
        assert kernel.figures["score"] == expected
        assert kernel.ratings["band"] == reference.ratings["band"]


@pytest.mark.parametrize("kind", [p.PositionKind.SUPERVISOR, p.PositionKind.EXECUTOR])
def test_the_frameworks_subjects_are_those_of_the_post(kind: p.PositionKind) -> None:
    """Subjects not named: the aspects for the post, kepemimpinan only for a structural one."""
    regime = GenericRegime(
        components=[Component("behaviour", RatedSubjects(None))],
        weights=p.Weights({"behaviour": 1}),
        bands=GENERIC_DEFAULT_BANDS,
        aggregator=SupervisorRating(),
        rounding=p.Rounding(2),
    )
    scale = SCALES[0]
    aspects = p.PP46_2011_BEHAVIOUR.aspects_for(kind)
    appraisal = p.Appraisal(
        "a", p.Employee("e", "E"), p.Position("J", kind), p.Period.year(2019),
        p.PP46_2011_BEHAVIOUR, [_TARGET], [p.Rater("atasan", "supervisor", "e-atasan")], [scale],
        [p.Rating("atasan", aspect.id, scale.id, score=Decimal(61 + 7 * index))
         for index, aspect in enumerate(aspects)],
    )  # fmt: skip
    kernel = regime.score(appraisal, trace=False)
    reference = regime._run(appraisal, trace=False)
    assert kernel == reference
    assert _written(kernel) == _written(reference)
    subjects = [key for key in kernel.figures if key.startswith("subject[")]
    assert subjects == [f"subject[{aspect.id}]" for aspect in aspects]
    assert ("subject[leadership]" in subjects) is kind.is_managerial
