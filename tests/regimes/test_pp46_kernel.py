"""
The PP 46/2011 integer kernel against its reference, `Pp46Run`, on random appraisals.

`Pp46Regime.score` computes in integers (``penilaian.regimes.pp46_2011._kernel``);
`Pp46Run`, which builds the trace, computes in `Fraction` and is the reference.  Every
figure (its key, order and written text), rating, grade, score and gap must agree, for
every option of the regime, with behaviour values aimed so that the final value lands
exactly on a band cut or a rounding half, or just beside it.
"""

from __future__ import annotations

import pickle
from decimal import Decimal
from fractions import Fraction

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import penilaian as p
from penilaian.exceptions import ScoringInputError
from penilaian.model import TargetKind
from penilaian.policy import EXAMPLE_360_ROLE_WEIGHTS, Aggregate, SupervisorRating
from penilaian.regimes.pp46_2011 import Pp46Regime, check_appraisal
from penilaian.regimes.pp46_2011 import strategy as pp46_strategy
from penilaian.regimes.pp46_2011._kernel import _BY_CEILING, _rated
from penilaian.regimes.pp46_2011._plain import from_checked, read_plain
from penilaian.regimes.pp46_2011._run import Pp46Run
from penilaian.regimes.pp46_2011.tables import PP46_2011_CATEGORIES
from penilaian.serialization import unstructure

SCALE = p.NumericScale("nilai", 0, 100)
LOWER = p.Direction.LOWER_IS_BETTER
HIGHER = p.Direction.HIGHER_IS_BETTER
KINDS = (p.PositionKind.SUPERVISOR, p.PositionKind.EXECUTOR, p.PositionKind.EXPERT_FIRST)


def _amounts(places: int) -> st.SearchStrategy[Decimal]:
    return st.integers(1, 4000).map(lambda n: Decimal(n).scaleb(-places))


@st.composite
def _pair(draw: st.DrawFn, lower: bool) -> tuple[Decimal, Decimal]:
    """A target and a realisation: on target, at an efficiency of exactly 24 %, or anything."""
    planned = draw(_amounts(draw(st.integers(0, 2))))
    how = draw(st.sampled_from(("any", "on", "limit", "zero", "near")))
    if how == "on":
        return planned, planned
    if how == "limit":  # 1.76 T - R = T: efficiency exactly 24 %
        return planned, planned * Decimal("0.76")
    if how == "zero":
        return planned, Decimal(0)
    if how == "near":
        return planned, planned * Decimal("0.76") + draw(st.sampled_from((-1, 1))) * Decimal(
            "0.001"
        )
    top = 3 if lower else 2
    realised = draw(st.integers(0, int(planned * 1000) * top)) / Decimal(1000)
    return planned, realised


@st.composite
def _kegiatan(draw: st.DrawFn, index: int) -> p.WorkTarget:
    aspects = [(p.Aspect.QUANTITY, HIGHER), (p.Aspect.QUALITY, HIGHER), (p.Aspect.TIME, LOWER)]
    if draw(st.booleans()):
        aspects.append((p.Aspect.COST, LOWER))
    indicators = []
    for aspect, direction in aspects:
        planned, realised = draw(_pair(direction is LOWER))
        indicators.append(
            p.Indicator(
                f"k{index}-{aspect.value}",
                aspect.value,
                aspect,
                p.PointTarget(planned),
                direction=direction,
                realisation=p.Realisation(realised),
            )
        )
    return p.WorkTarget(f"k{index}", f"Kegiatan {index}", draw(st.permutations(indicators)))


@st.composite
def _regimes(draw: st.DrawFn) -> Pp46Regime:
    work = draw(st.integers(0, 20))
    return Pp46Regime(
        weights=p.Weights({"work": Fraction(work, 20), "behaviour": Fraction(20 - work, 20)}),
        rounding=p.Rounding(
            draw(st.integers(0, 3)), draw(st.sampled_from(("half_up", "half_even", "down")))
        ),
        band_convention=draw(st.sampled_from(("upper_inclusive", "round_to_integer"))),
        creativity=draw(st.sampled_from(("highest", "sum"))),
        zero_output_zeroes_activity=draw(st.booleans()),
        rounding_points=draw(st.sampled_from(("as_bkn_forms", "outputs_only"))),
    )


def _appraisal(
    targets: list[p.WorkTarget],
    kind: p.PositionKind,
    scores: list[Decimal | None],
    innovations: list[p.InnovationScope],
) -> p.Appraisal:
    aspects = p.PP46_2011_BEHAVIOUR.aspects_for(kind)
    ratings = [
        p.Rating("atasan", aspect.id, SCALE.id, score=score)
        for aspect, score in zip(aspects, scores, strict=False)
        if score is not None
    ]
    return p.Appraisal(
        "skp-1",
        p.Employee("e-1", "Pegawai"),
        p.Position("Jabatan", kind),
        p.Period.year(2019),
        p.PP46_2011_BEHAVIOUR,
        targets,
        [p.Rater("atasan", "supervisor", "e-atasan")],
        [SCALE],
        ratings,
        innovations=[p.Innovation("Inovasi", scope) for scope in innovations],
    )


def _aimed(regime: Pp46Regime, skp: Decimal, aim: Decimal, count: int) -> list[Decimal] | None:
    """Behaviour scores (all equal) that put the final value on or just beside *aim*."""
    work, other = regime.weights["work"], regime.weights["behaviour"]
    if other == 0:
        return None
    value = (Fraction(aim) - work * Fraction(skp)) / other
    if not 0 <= value <= 100:
        return None
    places = regime.rounding.places + 1
    return [Decimal(round(value * 10**places)).scaleb(-places)] * count


@st.composite
def _cases(draw: st.DrawFn) -> tuple[Pp46Regime, p.Appraisal]:
    regime = draw(_regimes())
    kind = draw(st.sampled_from(KINDS))
    count = len(p.PP46_2011_BEHAVIOUR.aspects_for(kind))
    targets = [draw(_kegiatan(index)) for index in range(draw(st.integers(1, 4)))]
    for index in range(draw(st.integers(0, 8))):
        indicator = p.Indicator(f"tt{index}-o", "Tugas", p.Aspect.QUANTITY, p.PointTarget(1))
        targets.append(p.WorkTarget(f"tt{index}", "Tugas tambahan", [indicator], "additional"))
    scopes = draw(st.lists(st.sampled_from(list(p.InnovationScope)), max_size=3))
    score = st.integers(0, 10000).map(lambda n: Decimal(n).scaleb(-2))
    scores: list[Decimal | None] = draw(st.lists(score, min_size=count, max_size=count))
    if draw(st.booleans()):  # aim the final value at a band cut or a rounding half
        skp = _reference(regime, _appraisal(targets, kind, scores, scopes)).figures["skp"]
        cut = draw(st.sampled_from(PP46_2011_CATEGORIES.cuts))
        step = Decimal(1).scaleb(-regime.rounding.places)
        aim = cut + draw(st.sampled_from((0, step / 2, -step / 2, step, -step)))
        aimed = _aimed(regime, skp, aim, count)
        if aimed is not None:
            scores = list(aimed)
    elif draw(st.integers(0, 9)) == 0:  # a missing rating: a gap, not a 0
        scores[draw(st.integers(0, count - 1))] = None
    return regime, _appraisal(targets, kind, scores, scopes)


def _reference(regime: Pp46Regime, appraisal: p.Appraisal, *, trace: bool = False) -> p.Result:
    run = Pp46Run(
        appraisal, trace, weights=regime.weights, rounding=regime.rounding,
        band_convention=regime.band_convention, creativity=regime.creativity,
        zero_output_zeroes_activity=regime.zero_output_zeroes_activity,
        rounding_points=regime.rounding_points,
    )  # fmt: skip
    return run.score(check_appraisal(appraisal, regime.aggregator, trace=trace))


def _written(result: p.Result) -> list[tuple[str, str]]:
    return [(key, str(value)) for key, value in result.figures.items()]


@given(_cases())
def test_the_kernel_gives_the_reference_result(case: tuple[Pp46Regime, p.Appraisal]) -> None:
    regime, appraisal = case
    kernel = regime.score(appraisal, trace=False)
    reference = _reference(regime, appraisal)
    assert kernel == reference
    assert _written(kernel) == _written(reference)  # same keys, order and text
    assert str(kernel.score) == str(reference.score)
    assert list(kernel.ratings.items()) == list(reference.ratings.items())
    assert unstructure(kernel) == unstructure(reference)


@given(_cases())
def test_the_deferred_trace_is_the_reference_trace(case: tuple[Pp46Regime, p.Appraisal]) -> None:
    regime, appraisal = case
    scored = regime.score(appraisal)
    reference = _reference(regime, appraisal, trace=True)
    assert scored == reference
    assert reference.trace is not None
    assert scored.trace == reference.trace
    assert list(scored.trace.walk()) == list(reference.trace.walk())
    assert unstructure(scored) == unstructure(reference)
    assert pickle.loads(pickle.dumps(scored)) == reference  # noqa: S301 - our own bytes


@given(
    aim=st.sampled_from(PP46_2011_CATEGORIES.cuts),
    offset=st.sampled_from((0, 1, -1)),
    places=st.integers(0, 3),
    mode=st.sampled_from(("half_up", "half_even", "down")),
    band=st.sampled_from(("upper_inclusive", "round_to_integer")),
)
def test_a_final_value_exactly_on_a_cut_or_a_half(
    aim: Decimal, offset: int, places: int, mode: str, band: str
) -> None:
    # With no weight on the SKP and unrounded steps, the final value is the behaviour
    # value exactly: aimed at a cut, or half a rounding step beside it.
    regime = Pp46Regime(
        weights=p.Weights({"work": 0, "behaviour": 1}),
        rounding=p.Rounding(places, mode),  # type: ignore[arg-type]
        band_convention=band,  # type: ignore[arg-type]
        rounding_points="outputs_only",
    )
    value = aim + offset * Decimal(5).scaleb(-places - 1)
    kegiatan = [
        p.Indicator(f"k-{aspect.value}", "x", aspect, p.PointTarget(10), direction=direction,
                    realisation=p.Realisation(10))
        for aspect, direction in ((p.Aspect.QUANTITY, HIGHER), (p.Aspect.QUALITY, HIGHER),
                                  (p.Aspect.TIME, LOWER))
    ]  # fmt: skip
    kind = p.PositionKind.EXECUTOR
    count = len(p.PP46_2011_BEHAVIOUR.aspects_for(kind))
    appraisal = _appraisal([p.WorkTarget("k", "K", kegiatan)], kind, [value] * count, [])
    kernel = regime.score(appraisal, trace=False)
    reference = _reference(regime, appraisal)
    assert kernel == reference
    assert _written(kernel) == _written(reference)
    assert kernel.figures["final"] == p.Rounding(places, mode).apply(value)  # type: ignore[arg-type]
    if band == "upper_inclusive":
        assert kernel.grade == PP46_2011_CATEGORIES.classify(kernel.figures["final"])


def test_the_trace_is_built_only_when_read(monkeypatch: object) -> None:
    built: list[object] = []
    original = pp46_strategy.Pp46Run.score

    def counting(self: Pp46Run, checked: object) -> p.Result:
        built.append(checked)
        return original(self, checked)  # type: ignore[arg-type]

    monkeypatch.setattr(pp46_strategy.Pp46Run, "score", counting)  # type: ignore[attr-defined]
    appraisal = p.load_sample("pp46_2011")
    result = Pp46Regime().score(appraisal)
    assert built == []
    assert result.trace is not None
    assert result.trace.rule.id == "pp46.result"
    assert len(built) == 1
    list(result.trace.walk())
    assert len(built) == 1  # built once


# -- the plain read (`_plain.read_plain`): it declines whatever the checks would report ------

PANEL = (
    ("atasan", "supervisor"),
    ("rekan-1", "peer"),
    ("rekan-2", "peer"),
    ("bawahan", "subordinate"),
)
POLICY = p.WeightingPolicy(EXAMPLE_360_ROLE_WEIGHTS, missing=p.Renormalise())


def _fraction(value: tuple[int, int] | None) -> Fraction | None:
    return None if value is None else Fraction(*value)


def _as_fractions(plain: object) -> object:
    """A plain read with its ratios as fractions (a ratio need not be reduced)."""
    activities, behaviour, gaps = plain  # type: ignore[misc]
    kegiatan = [
        (target_id, [_fraction(value) for value in values], Fraction(sum_n, sum_d), count)
        for target_id, values, sum_n, sum_d, count in activities
    ]
    keys, values = behaviour
    aspects = [
        (key, whole, None if value is None else Fraction(value[0], value[1]))
        for (key, whole), value in zip(keys, values, strict=True)
    ]
    return kegiatan, aspects, gaps


def _panel(appraisal: p.Appraisal, scores: list[Decimal | None]) -> p.Appraisal:
    """*appraisal* rated by a 360 panel: each rater gives each aspect the next of *scores*."""
    aspects = p.PP46_2011_BEHAVIOUR.aspects_for(appraisal.position.kind)
    raters = [p.Rater(rater_id, role, f"e-{rater_id}") for rater_id, role in PANEL]
    given_scores = iter(scores)
    ratings = [
        p.Rating(rater_id, aspect.id, SCALE.id, score=score)
        for rater_id, _ in PANEL
        for aspect in aspects
        if (score := next(given_scores, Decimal(80))) is not None
    ]
    return attrs.evolve(appraisal, raters=raters, ratings=ratings)


@given(_cases(), st.booleans(), st.lists(st.integers(0, 100).map(Decimal), max_size=24))
def test_the_plain_read_is_what_the_checks_read(
    case: tuple[Pp46Regime, p.Appraisal], panel: bool, scores: list[Decimal]
) -> None:
    """A valid appraisal is read plain exactly when it has no gap, and as the checks read it."""
    regime, appraisal = case
    if panel:
        regime, appraisal = regime.with_aggregator(POLICY), _panel(appraisal, list(scores))
    checked = check_appraisal(appraisal, regime.aggregator)
    assert checked.problems == ()
    plain = read_plain(appraisal, regime.aggregator)
    if checked.gaps:
        assert plain is None
    else:
        assert plain is not None
        assert _as_fractions(plain) == _as_fractions(from_checked(checked))
    kernel = regime.score(appraisal, trace=False)
    reference = _reference(regime, appraisal)
    assert kernel == reference
    assert hash(kernel) == hash(reference)  # built without the validators, it hashes the same
    assert repr(kernel) == repr(reference)
    assert pickle.loads(pickle.dumps(kernel)) == reference  # noqa: S301 - our own bytes
    assert _written(kernel) == _written(reference)
    assert unstructure(kernel) == unstructure(reference)


def _valid() -> p.Appraisal:
    kegiatan = [
        p.Indicator(f"k-{aspect.value}", "x", aspect, p.PointTarget(10), direction=direction,
                    realisation=p.Realisation(9))
        for aspect, direction in ((p.Aspect.QUANTITY, HIGHER), (p.Aspect.QUALITY, HIGHER),
                                  (p.Aspect.TIME, LOWER), (p.Aspect.COST, LOWER))
    ]  # fmt: skip
    kind = p.PositionKind.SUPERVISOR
    count = len(p.PP46_2011_BEHAVIOUR.aspects_for(kind))
    return _appraisal([p.WorkTarget("k", "K", kegiatan)], kind, [Decimal(80)] * count, [])


def _indicators(appraisal: p.Appraisal, change: object) -> p.Appraisal:
    """*appraisal* with its kegiatan's indicators passed through *change*."""
    target = appraisal.targets[0]
    indicators = change(list(target.indicators))  # type: ignore[operator]
    return attrs.evolve(appraisal, targets=[attrs.evolve(target, indicators=indicators)])


def _rescored(appraisal: p.Appraisal, subject: str, score: Decimal | None) -> p.Appraisal:
    """*appraisal* with the supervisor's rating of *subject* set to *score* (`None`: dropped)."""
    scale = p.NumericScale("nilai-150", 0, 150)
    ratings = [r for r in appraisal.ratings if r.subject != subject]
    if score is not None:
        ratings.append(p.Rating("atasan", subject, scale.id, score=score))
    return attrs.evolve(appraisal, scales=[*appraisal.scales, scale], ratings=ratings)


def _executor(appraisal: p.Appraisal) -> p.Appraisal:
    """*appraisal* for a post that is not structural, its kepemimpinan rating kept."""
    return attrs.evolve(appraisal, position=p.Position("Jabatan", p.PositionKind.EXECUTOR))


def _peer_leadership(appraisal: p.Appraisal) -> p.Appraisal:
    """*appraisal* for a post that is not structural, kepemimpinan rated by a peer only."""
    executor = _executor(appraisal)
    ratings = [r for r in executor.ratings if r.subject != "leadership"]
    peer = p.Rater("rekan", "peer", "e-rekan")
    ratings.append(p.Rating("rekan", "leadership", SCALE.id, score=Decimal(80)))
    return attrs.evolve(executor, raters=[*executor.raters, peer], ratings=ratings)


@attrs.frozen
class _Fixed:
    """A custom aggregator: every aspect 75 (the plain read leaves it to the checks)."""

    def __call__(self, appraisal: p.Appraisal, subject: str, *, trace: bool = True) -> object:
        return Aggregate(subject, Fraction(75), SCALE.id)


DEFECTS = {
    "a behaviour value above 100": lambda a: _rescored(a, "integrity", Decimal(120)),
    "kepemimpinan on a post that is not structural": _executor,
    # Every aspect that applies has its one supervisor rating: the extra rating is scanned.
    "kepemimpinan rated by a peer on a post that is not structural": _peer_leadership,
    "a second quantity indicator": lambda a: _indicators(
        a, lambda i: [*i, attrs.evolve(i[0], id="k-quantity-2")]
    ),
    "a range target": lambda a: _indicators(
        a, lambda i: [attrs.evolve(i[0], target=p.RangeTarget(5, 10)), *i[1:]]
    ),
    "the wrong direction": lambda a: _indicators(
        a, lambda i: [*i[:2], attrs.evolve(i[2], direction=HIGHER), *i[3:]]
    ),
    "a missing realisation": lambda a: _indicators(
        a, lambda i: [attrs.evolve(i[0], realisation=None), *i[1:]]
    ),
    "no time indicator": lambda a: _indicators(a, lambda i: [*i[:2], *i[3:]]),
    "no kegiatan": lambda a: attrs.evolve(
        a, targets=[attrs.evolve(a.targets[0], kind=TargetKind.ADDITIONAL)]
    ),
}


@pytest.mark.parametrize("defect", sorted(DEFECTS))
def test_a_defect_is_declined_and_reported_by_the_checks(defect: str) -> None:
    """An appraisal the checks refuse is not read plain; the score raises the checks' problems."""
    regime = Pp46Regime()
    valid = _valid()
    assert read_plain(valid, regime.aggregator) is not None
    appraisal = DEFECTS[defect](valid)
    assert read_plain(appraisal, regime.aggregator) is None
    expected = check_appraisal(appraisal, regime.aggregator).problems
    assert expected
    with pytest.raises(ScoringInputError) as raised:
        regime.score(appraisal, trace=False)
    assert tuple(raised.value.problems) == expected
    assert [str(problem) for problem in raised.value.problems] == [str(e) for e in expected]


@pytest.mark.parametrize(
    "aggregator", [SupervisorRating(), POLICY, _Fixed()], ids=["supervisor", "policy", "custom"]
)
def test_a_gap_or_a_custom_aggregator_takes_the_checks(aggregator: object) -> None:
    """A missing rating (a gap, never 0) or a custom aggregator: scored from the checks."""
    regime = Pp46Regime(aggregator=aggregator)  # type: ignore[arg-type]
    appraisal = _rescored(_valid(), "integrity", None)
    if isinstance(aggregator, p.WeightingPolicy):  # no rater rated integrity
        panel = _panel(_valid(), [])
        kept = [rating for rating in panel.ratings if rating.subject != "integrity"]
        appraisal = attrs.evolve(panel, ratings=kept)
    assert read_plain(appraisal, regime.aggregator) is None
    kernel = regime.score(appraisal, trace=False)
    reference = _reference(regime, appraisal)
    assert kernel == reference
    assert _written(kernel) == _written(reference)
    assert kernel.gaps == reference.gaps
    assert bool(kernel.gaps) is not isinstance(aggregator, _Fixed)


# -- the shortcuts: the bands read in whole numbers, the supervisor found in one scan --------


@given(st.integers(-(10**12), 10**12), st.integers(1, 10**6), st.booleans())
def test_a_band_read_in_whole_numbers_is_the_tables_band(n: int, d: int, whole: bool) -> None:
    """`_rated` gives the band `PP46_2011_CATEGORIES` gives, on and beside every cut."""
    entries: dict[str, object] = {}
    cut = PP46_2011_CATEGORIES.cuts[n % len(PP46_2011_CATEGORIES.cuts)]
    for numerator in (n, int(cut) * d + n % 3 - 1):  # anything, or on a cut or beside it
        band = _rated(entries, "x.whole", numerator, d, whole=whole)  # type: ignore[arg-type]
        value = Fraction(numerator, d)
        if whole:
            value = Fraction(p.Rounding(0).apply(value))
            assert entries == {"x.whole": (int(value), 0)}
        assert PP46_2011_CATEGORIES.labels[band] == PP46_2011_CATEGORIES.classify(value)


@given(st.integers(0, 100), st.integers(1, 400))
def test_a_behaviour_band_read_by_its_ceiling_is_the_tables_band(whole: int, d: int) -> None:
    """`_BY_CEILING`, the band of a value of 0-100 by its ceiling, is `_rated`'s, at every cut."""
    assert len(_BY_CEILING) == 101
    for numerator in {whole * d, max(whole * d - 1, 0)}:  # on a whole number, or just below
        ceiling = -(-numerator // d)
        band = _rated({}, "x.whole", numerator, d, whole=False)
        assert _BY_CEILING[ceiling] == PP46_2011_CATEGORIES.labels[band].value


def _outcome(regime: Pp46Regime, appraisal: p.Appraisal, *, kernel: bool) -> object:
    try:
        result = regime.score(appraisal, trace=False) if kernel else _reference(regime, appraisal)
    except ScoringInputError as error:
        return [str(problem) for problem in error.problems]
    return result, _written(result), list(result.ratings.items())


@given(_cases(), st.sampled_from(("peer", "second supervisor")), st.data())
def test_the_supervisor_is_read_among_other_raters(
    case: tuple[Pp46Regime, p.Appraisal], company: str, data: st.DataObject
) -> None:
    """A peer's ratings are not the supervisor's; a second supervisor's rating is refused."""
    regime, appraisal = case
    subjects = [rating.subject for rating in appraisal.ratings]
    rater = p.Rater("rekan", "peer", "e-rekan")
    if company == "second supervisor":
        rater = p.Rater("atasan-2", "supervisor", "e-atasan-2")
        subjects = data.draw(st.lists(st.sampled_from(subjects), max_size=1)) if subjects else []
    ratings = [p.Rating(rater.id, subject, SCALE.id, score=Decimal(50)) for subject in subjects]
    appraisal = attrs.evolve(
        appraisal, raters=[*appraisal.raters, rater], ratings=[*appraisal.ratings, *ratings]
    )
    expected = _outcome(regime, appraisal, kernel=False)
    assert _outcome(regime, appraisal, kernel=True) == expected
    if company == "second supervisor" and subjects:
        assert isinstance(expected, list)  # refused, never one of the two chosen


@pytest.mark.parametrize("places", [0, 1, 2, 3])
@pytest.mark.parametrize("mode", ["half_up", "half_even", "down"])
@pytest.mark.parametrize("rounding_points", ["as_bkn_forms", "outputs_only"])
def test_a_kegiatan_value_exactly_on_a_rounding_half(
    places: int, mode: str, rounding_points: str
) -> None:
    """
    The kegiatan value (the mean of its aspects) on a half of the last place, and beside it.

    Quality 100 / 100 scores 100 and time 12 / 12 scores 76; quantity R / 1000 scores
    R / 10, so the mean is (R / 10 + 176) / 3, a half when R = 30 h - 1760 for a half h.
    """
    scale = 10**places
    regime = Pp46Regime(rounding=p.Rounding(places, mode), rounding_points=rounding_points)  # type: ignore[arg-type]
    for k in range(92 * scale, 92 * scale + 4):
        for nudge in (0, 1, -1):
            realised = (Decimal(15 * (2 * k + 1)) / scale - 1760) + nudge * Decimal("0.0001")
            expected = (realised / 10 + 176) / 3  # the exact mean, a half when nudge is 0
            if nudge == 0:
                assert (expected * scale * 2) % 2 == 1  # the test's own arithmetic
            kegiatan = [
                p.Indicator("k-q", "x", p.Aspect.QUANTITY, p.PointTarget(1000),
                            realisation=p.Realisation(realised)),
                p.Indicator("k-m", "x", p.Aspect.QUALITY, p.PointTarget(100),
                            realisation=p.Realisation(100)),
                p.Indicator("k-t", "x", p.Aspect.TIME, p.PointTarget(12), direction=LOWER,
                            realisation=p.Realisation(12)),
            ]  # fmt: skip
            kind = p.PositionKind.EXECUTOR
            count = len(p.PP46_2011_BEHAVIOUR.aspects_for(kind))
            appraisal = _appraisal(
                [p.WorkTarget("k", "K", kegiatan)], kind, [Decimal(80)] * count, []
            )
            kernel = regime.score(appraisal, trace=False)
            assert kernel == _reference(regime, appraisal)
            assert _written(kernel) == _written(_reference(regime, appraisal))
            assert kernel.figures["activity[k].value"] == p.Rounding(places, mode).apply(expected)  # type: ignore[arg-type]
