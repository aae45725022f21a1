"""
PP 30/2019: the integer kernel (``trace=False``) against the reference run, `Pp30Run`.

`Pp30Regime.score` without a trace computes in integers (`_kernel.score_untraced`); the
reference is the run that builds the trace, run here without one (`_score_run`).  On
random appraisals under every option of the regime, with capaian, final values and
rencana sums drawn to land on a band cut or a rounding half, the two must give the
same result: every figure (key, order, value and `str`), rating, grade, score, gap
and note; on bad input, the same exception with the same problems in the same order.
"""

from __future__ import annotations

import pickle
from decimal import Decimal
from fractions import Fraction
from unittest import mock

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import penilaian as p
from penilaian.exceptions import ScoringInputError
from penilaian.model import BandTable, TargetKind
from penilaian.policy import Aggregate, SupervisorRating, Weights
from penilaian.regimes.pp30_2019 import (
    PERMEN8_2021_ADDITIONAL_POINTS,
    PERMEN8_2021_IKI_POINTS,
    PERMEN8_2021_RENCANA_BANDS,
    CategoryPoints,
    Pp30Regime,
    RencanaBand,
    RencanaBands,
    peer_input_count,
)
from penilaian.regimes.pp30_2019 import _kernel as pp30_kernel
from penilaian.regimes.pp30_2019 import strategy as pp30_strategy
from penilaian.regimes.pp30_2019._behaviour import (
    checked_aspects,
    plain_aspects,
)
from penilaian.regimes.pp30_2019._kernel import _Kernel
from penilaian.regimes.pp30_2019._kernel_tables import _MEMO_SIZE, Plan, plan_of
from penilaian.regimes.pp30_2019.strategy import _score_run
from penilaian.regimes.pp30_2019.tables import PP30_2019_CAP
from penilaian.serialization import dumps, loads
from strategies.model import weighting_policies

SCALE = p.NumericScale("nilai", -30, 150)
"""Wider than 0-120 on both sides, so that an off-range behaviour value can be given."""

GRADES = (p.Grade.VERY_GOOD, p.Grade.GOOD, p.Grade.FAIR, p.Grade.POOR, p.Grade.VERY_POOR)

# -- comparing ---------------------------------------------------------------------------


def _outcome(score):
    try:
        return score(), None
    except Exception as error:  # noqa: BLE001 - the exception itself is compared
        return None, error


def _problems(error):
    return [
        (item.path, type(item.error), item.error.field, item.error.value, item.error.reason)
        for item in error.problems
    ]


def assert_same(regime, appraisal):
    """Assert the kernel and the reference agree on *appraisal*; return the result (or None)."""
    expected, expected_error = _outcome(lambda: _score_run(regime, appraisal, trace=False))
    found, found_error = _outcome(lambda: regime.score(appraisal, trace=False))
    if expected_error is not None:
        assert found_error is not None, (expected_error, found)
        assert type(found_error) is type(expected_error)
        assert str(found_error) == str(expected_error)
        if isinstance(expected_error, ScoringInputError):
            assert _problems(found_error) == _problems(expected_error)
        return None
    assert found_error is None, found_error
    assert found.trace is None
    assert found == expected
    shown = [(key, str(value)) for key, value in found.figures.items()]
    assert shown == [(key, str(value)) for key, value in expected.figures.items()]
    assert list(found.ratings.items()) == list(expected.ratings.items())
    assert (found.grade, str(found.score)) == (expected.grade, str(expected.score))
    assert (found.gaps, found.notes) == (expected.gaps, expected.notes)
    # With a trace: the same result, its trace (built when read) the traced run's.
    traced, reference = regime.score(appraisal), _score_run(regime, appraisal, trace=True)
    assert traced == reference
    assert list(traced.trace.walk()) == list(reference.trace.walk())
    return found


# -- capaian that land on the conversion's cuts and halves --------------------------------

_CUTS = (0, 60, 80, 100, 101, 110)
_SPECIAL = sorted(
    {Decimal(cut) + offset for cut in _CUTS for offset in (Decimal(0), Decimal("-0.5"))}
    | {Decimal("0.5"), Decimal("-0.4"), Decimal("59.4999"), Decimal("99.995")}
)
"""Each cut of `PERMEN8_2021_IKI_CONVERSION`, and the half below it (a whole-percent half)."""

capaians = st.one_of(
    st.sampled_from(_SPECIAL),
    st.decimals(min_value=-20, max_value=140, places=3, allow_nan=False),
    st.integers(-20, 140).map(Decimal),
)
"""A capaian IKI in percent: at a cut, at a half, or anywhere (3 places: IKI-value halves)."""

_BASES = (Decimal(100), Decimal(8), Decimal("12.5"), Decimal(40), Decimal(3))


@st.composite
def indicators(draw, indicator_id, *, capaian=None, valid=True):
    """An indicator whose capaian IKI is exactly *capaian* (drawn when not given)."""
    c = draw(capaians) if capaian is None else capaian
    lower = c < 0 or (c != 100 and draw(st.booleans()))
    base = draw(st.sampled_from(_BASES))
    maximum = draw(st.booleans())
    # R / T x 100 = c, or (2 - R / T) x 100 = c when lower is better.
    share = ((200 - c) if lower else c).scaleb(-2)
    target = p.PointTarget(base)
    realised = share * base
    if draw(st.booleans()):  # a range: the bound compared is the one the capaian is beyond
        high = base + draw(st.sampled_from((Decimal(1), Decimal("0.5"), Decimal(20))))
        target = p.RangeTarget(base, high)
        beyond_high = (c > 100) != lower
        realised = share * (high if beyond_high else base) if c != 100 else base
    realisation = p.Realisation(realised)
    if not valid:
        realisation = None  # missing, or words where a number is needed
        if draw(st.booleans()):
            target = p.QualitativeTarget("Tanpa revisi")
            realisation = p.Realisation(description="selesai")
    direction = p.Direction.LOWER_IS_BETTER if lower else p.Direction.HIGHER_IS_BETTER
    return p.Indicator(
        indicator_id, f"Indikator {indicator_id}", "quantity", target, direction,
        realisation=realisation, target_is_maximum=maximum,
    )  # fmt: skip


@st.composite
def work_targets(draw, *, invalid=False):
    """1-4 work targets of 1-3 indicators; one main at least unless drawn otherwise."""
    count = draw(st.integers(1, 4))
    kinds = [draw(st.sampled_from((TargetKind.MAIN, TargetKind.ADDITIONAL))) for _ in range(count)]
    if not invalid or draw(st.booleans()):
        kinds[0] = TargetKind.MAIN
    targets = []
    for index, kind in enumerate(kinds):
        items = [
            draw(indicators(f"t{index}.i{number}", valid=not invalid or draw(st.booleans())))
            for number in range(draw(st.integers(1, 3)))
        ]
        targets.append(p.WorkTarget(f"t{index}", f"Rencana {index}", items, kind))
    return targets


behaviour_scores = st.one_of(
    st.decimals(min_value=0, max_value=120, places=2, allow_nan=False),
    st.sampled_from((Decimal(0), Decimal(50), Decimal("69.995"), Decimal(120), Decimal("0.5"))),
)

_OFF_RANGE = st.one_of(
    st.sampled_from((Decimal("120.01"), Decimal(121), Decimal("-0.01"), Decimal(-1))),
    st.integers(-30, -1).map(Decimal),
    st.integers(121, 150).map(Decimal),
)
"""A behaviour value outside 0-120: just past either end, or anywhere on the scale."""


@st.composite
def appraisals(draw, targets, *, score=None, invalid=False):
    """An appraisal of *targets*; the supervisor rates each aspect (*score*, else drawn)."""
    kind = draw(st.sampled_from(p.PositionKind))
    framework = p.PP30_2019_BEHAVIOUR
    if invalid and draw(st.integers(0, 5)) == 0:
        framework = p.PP46_2011_BEHAVIOUR
    raters = [p.Rater("atasan", p.RaterRole.SUPERVISOR, "e-atasan")]
    ratings = []
    for aspect in framework.aspects_for(kind):
        if invalid and draw(st.integers(0, 6)) == 0:
            continue  # a gap
        value = draw(behaviour_scores) if score is None else score
        if invalid and draw(st.integers(0, 6)) == 0:
            value = draw(_OFF_RANGE)
        ratings.append(p.Rating("atasan", aspect.id, SCALE.id, score=value))
        if invalid and draw(st.integers(0, 12)) == 0:  # two supervisor ratings: refused
            if len(raters) == 1:
                raters.append(p.Rater("atasan-2", p.RaterRole.SUPERVISOR, "e-atasan-2"))
            ratings.append(p.Rating("atasan-2", aspect.id, SCALE.id, score=value))
    for role in draw(st.lists(st.sampled_from(list(p.RaterRole)), max_size=3, unique=True)):
        if role is p.RaterRole.SUPERVISOR:
            continue
        employee_id = "e-1" if role is p.RaterRole.SELF else f"e-{role.value}"
        raters.append(p.Rater(f"r-{role.value}", role, employee_id))
        ratings.extend(
            p.Rating(f"r-{role.value}", aspect.id, SCALE.id, score=draw(behaviour_scores))
            for aspect in framework.aspects_for(kind)[: draw(st.integers(1, 3))]
        )
    scopes = st.sampled_from(list(p.InnovationScope))
    innovations = [
        p.Innovation(f"Inovasi {i}", draw(scopes)) for i in range(draw(st.integers(0, 2)))
    ]
    position = p.Position("Jabatan", kind)
    if draw(st.integers(0, 3)) == 0:  # a pimpinan unit kerja mandiri: the table, by route_of
        independent = draw(st.booleans())
        position = p.Position("Kepala", kind, "unit-1", True, independent)
    return p.Appraisal(
        "skp-1", p.Employee("e-1", "Budi"), position,
        p.Period.semester(2021, 2), framework, targets, raters, [SCALE], ratings,
        innovations=innovations,
    )  # fmt: skip


# -- every option of the regime ----------------------------------------------------------


@attrs.frozen
class FixedAggregator:
    """Gives each aspect a drawn exact value (or none, with or without a gap of its own)."""

    values: tuple[tuple[str, Fraction | None, bool], ...]

    def __call__(self, appraisal, subject, *, trace=True):
        for aspect, value, with_gap in self.values:
            if aspect == subject:
                gap = p.Gap("$.ratings", f"nothing for {subject}") if with_gap else None
                return Aggregate(subject, value, "nilai", gap=None if value is not None else gap)
        return Aggregate(subject, None)


exact_values = st.one_of(
    st.builds(Fraction, st.integers(0, 360), st.sampled_from((1, 2, 3, 4, 7, 8, 200))),
    st.sampled_from((Fraction(-1, 3), Fraction(361, 3), Fraction(120), Fraction(0))),
)

_CUSTOM_POINTS = CategoryPoints(
    "test.points", "test [LOW]",
    ((p.Grade.VERY_GOOD, Decimal("16.0")), (p.Grade.GOOD, Decimal("12.5")),
     (p.Grade.FAIR, Decimal(8)), (p.Grade.POOR, Decimal("3.25")), (p.Grade.VERY_POOR, Decimal(0))),
)  # fmt: skip
_CUSTOM_ADDITIONAL = CategoryPoints(
    "test.additional", "test [LOW]",
    ((p.Grade.VERY_GOOD, Decimal("3.00")), (p.Grade.GOOD, Decimal("1.5")),
     (p.Grade.FAIR, Decimal("1.0")), (p.Grade.POOR, Decimal(0)),
     (p.Grade.VERY_POOR, Decimal("0.10"))),
)  # fmt: skip
_CUSTOM_BANDS = RencanaBands(
    "test.bands", "test [LOW]",
    (RencanaBand(p.Grade.VERY_GOOD, Fraction(241, 2), Fraction(13), inclusive=True),
     RencanaBand(p.Grade.GOOD, Fraction(100), Fraction(25, 2), inclusive=False),
     RencanaBand(p.Grade.FAIR, Fraction(200, 3), Fraction(8)),
     RencanaBand(p.Grade.VERY_POOR, Fraction(0), None)),
)  # fmt: skip
_ADDITIONAL_TABLE = BandTable(
    "test.additional_points", "test [LOW]",
    (Decimal(0), Decimal("0.50"), Decimal("1.0"), Decimal("2.4")),
    (Decimal(80), Decimal(100), Decimal("110.5")),
)  # fmt: skip


@st.composite
def regimes(draw, appraisal, *, invalid=False):
    """A `Pp30Regime` with every field drawn, fitting *appraisal* (unless *invalid*)."""
    options = {
        "achievement_rounding": draw(st.sampled_from(("integer_percent", "continuous"))),
        "peer_input": draw(st.sampled_from(("infer", "used", "not_used"))),
        "fair_label": draw(st.sampled_from((p.Grade.FAIR, p.Grade.NEEDS_IMPROVEMENT))),
        "rounding": p.Rounding(
            draw(st.integers(0, 4)), draw(st.sampled_from(("half_up", "half_even", "down")))
        ),
        "route": draw(st.sampled_from(("auto", "interpolation", "category"))),
        "iki_points": draw(st.sampled_from((PERMEN8_2021_IKI_POINTS, _CUSTOM_POINTS))),
        "rencana_bands": draw(st.sampled_from((PERMEN8_2021_RENCANA_BANDS, _CUSTOM_BANDS))),
        "category_additional_points": draw(
            st.sampled_from((PERMEN8_2021_ADDITIONAL_POINTS, None, _CUSTOM_ADDITIONAL))
        ),
        "additional_points": draw(st.sampled_from((None, _ADDITIONAL_TABLE))),
    }
    mains = [target.id for target in appraisal.targets if target.kind is TargetKind.MAIN]
    if mains and draw(st.booleans()):
        amounts = {name: draw(st.integers(0, 7)) for name in mains}
        if invalid and draw(st.booleans()):  # a main target without a weight, a stray weight
            if len(mains) > 1 and draw(st.booleans()):
                del amounts[mains[0]]
            amounts["lain"] = draw(st.integers(0, 3))
        if not any(amounts.values()):
            amounts[next(iter(amounts))] = 1
        options["utama_weights"] = Weights.normalised(amounts)
    which = draw(st.sampled_from(("supervisor", "policy", "fixed")))
    if which == "policy":
        options["aggregator"] = draw(weighting_policies())
    elif which == "fixed":
        aspects = [aspect.id for aspect in appraisal.framework.aspects]
        values = exact_values if invalid else exact_values.filter(lambda v: 0 <= v <= 120)
        options["aggregator"] = FixedAggregator(
            tuple(
                (aspect, draw(st.none() | values) if invalid else draw(values), draw(st.booleans()))
                for aspect in aspects
            )
        )
    else:
        options["aggregator"] = SupervisorRating()
    return Pp30Regime(**options)


# -- the properties ------------------------------------------------------------------------


@given(st.data())
def test_valid_appraisals_every_option(data):
    """Valid appraisals, every option: the kernel's result is the reference's, figure by figure."""
    appraisal = data.draw(appraisals(data.draw(work_targets())))
    regime = data.draw(regimes(appraisal))
    assert_same(regime, appraisal)


@given(st.data())
def test_invalid_appraisals_same_problems(data):
    """Bad input: the same exception, listing the same problems in the same order."""
    appraisal = data.draw(appraisals(data.draw(work_targets(invalid=True)), invalid=True))
    regime = data.draw(regimes(appraisal, invalid=True))
    assert_same(regime, appraisal)


_FINAL_CUTS = (50, 70, 90, 110, 120)
"""The predikat cuts of `PP30_2019_PREDIKAT`, and the cap."""


@given(
    cut=st.sampled_from(_FINAL_CUTS),
    offset=st.sampled_from((-10, -5, 0, 5, 10)),  # thousandths: on the cut, or a half away
    with_peers=st.booleans(),
    mode=st.sampled_from(("half_up", "half_even", "down")),
    data=st.data(),
)
def test_final_value_on_every_cut_and_half(cut, offset, with_peers, mode, data):
    """
    A final value drawn to land exactly on a predikat cut, or a rounding half beside it.

    One main target of one IKI gives the SKP exactly (continuous capaian on the
    Kurang/Cukup lines, value = capaian - 10; or 109, or 120); every aspect rated the
    same gives the perilaku exactly; the Pasal 41 weights then give the final value.
    """
    work, behaviour = (6, 4) if with_peers else (7, 3)
    if with_peers:  # 0.6 SKP + 0.4 perilaku of whole hundredths is in even thousandths
        offset = 2 * (offset // 10) * 5
    total = 1000 * cut + offset  # thousandths
    # An SKP (in hundredths) that leaves the perilaku within 0-120: drawn from the range
    # that does, else one of the two SKPs the single IKI gives above 100 % (109 and 120).
    low = max(5000, -(-(total - behaviour * 12000) // work))
    high = min(8996, total // work)
    beyond = [skp for skp in (10900, 12000) if 0 <= total - work * skp <= behaviour * 12000]
    assume(low <= high or beyond)  # above 120 there is nothing to aim at: the cap
    skp = data.draw(st.integers(low, high) if low <= high else st.sampled_from(beyond))
    if skp < 9000:  # move the SKP up to 3 hundredths so that the perilaku is whole hundredths
        skp += next(k for k in range(4) if (total - work * (skp + k)) % behaviour == 0 or k == 3)
    assume((total - work * skp) % behaviour == 0)
    score = (total - work * skp) // behaviour  # hundredths
    assume(0 <= score <= 12000)
    capaian = {10900: Decimal("100.5"), 12000: Decimal(115)}.get(skp, Decimal(skp).scaleb(-2) + 10)
    main = p.WorkTarget("t0", "Rencana", [data.draw(indicators("t0.i0", capaian=capaian))])
    appraisal = data.draw(appraisals([main], score=Decimal(score).scaleb(-2)))
    regime = Pp30Regime(
        achievement_rounding="continuous", route="interpolation", rounding=p.Rounding(2, mode),
        peer_input="used" if with_peers else "not_used",
        fair_label=data.draw(st.sampled_from((p.Grade.FAIR, p.Grade.NEEDS_IMPROVEMENT))),
    )  # fmt: skip
    result = assert_same(regime, appraisal)
    # The SKP and the perilaku are the drawn ones, so the exact final value is on its aim.
    assert Fraction(result.figures["skp"]) == Fraction(skp, 100)
    assert Fraction(result.figures["behaviour"]) == Fraction(score, 100)


@given(data=st.data(), count=st.integers(1, 4))
def test_rencana_sums_on_every_cut(data, count):
    """Category route: a rencana's summed points on each cut-off (and one point either side)."""
    bands = data.draw(st.sampled_from((PERMEN8_2021_RENCANA_BANDS, _CUSTOM_BANDS)))
    # Whole percents that give each IKI category: Sangat Baik ... Sangat Kurang.
    by_category = {
        p.Grade.VERY_GOOD: Decimal(105), p.Grade.GOOD: Decimal(100),
        p.Grade.FAIR: Decimal(90), p.Grade.POOR: Decimal(70), p.Grade.VERY_POOR: Decimal(30),
    }  # fmt: skip
    categories = data.draw(st.lists(st.sampled_from(GRADES), min_size=count, max_size=count))
    items = [
        p.Indicator(f"t0.i{n}", "Indikator", "quantity", p.PointTarget(100),
                    realisation=p.Realisation(by_category[grade]))
        for n, grade in enumerate(categories)
    ]  # fmt: skip
    appraisal = data.draw(appraisals([p.WorkTarget("t0", "Rencana", items)]))
    points = data.draw(st.sampled_from((PERMEN8_2021_IKI_POINTS, _CUSTOM_POINTS)))
    regime = Pp30Regime(route="category", iki_points=points, rencana_bands=bands)
    assert assert_same(regime, appraisal) is not None


def test_the_untraced_score_is_the_kernel(monkeypatch):
    """`Pp30Regime.score` runs `Pp30Run` only when a trace is read, to build it."""
    realised = p.Realisation(98)
    iki = p.Indicator("i", "Indikator", "quantity", p.PointTarget(100), realisation=realised)
    target = p.WorkTarget("t0", "Rencana", [iki])
    appraisal = p.Appraisal(
        "skp-1", p.Employee("e-1", "Budi"), p.Position("Jabatan", p.PositionKind.JPT_PRATAMA),
        p.Period.semester(2021, 2), p.PP30_2019_BEHAVIOUR, [target],
        [p.Rater("atasan", p.RaterRole.SUPERVISOR, "e-atasan")], [SCALE],
        [p.Rating("atasan", a.id, SCALE.id, score=100)
         for a in p.PP30_2019_BEHAVIOUR.aspects_for(p.PositionKind.JPT_PRATAMA)],
    )  # fmt: skip
    regime = Pp30Regime()
    expected = regime.score(appraisal).without_trace()

    def refuse(*_args, **_kwargs):
        raise AssertionError("the reference run was called")

    monkeypatch.setattr(pp30_strategy, "_score_run", refuse)
    found = regime.score(appraisal, trace=False)
    assert found == expected
    # 98 % -> 88 (the Cukup line, 98 - 10); 0.7 x 88 + 0.3 x 100 = 91.6, to 2 places.
    assert (str(found.figures["indicator[i].achievement"]), str(found.figures["final"])) == (
        "98",
        "91.60",
    )
    traced = regime.score(appraisal)  # the trace is built when first read
    assert traced.without_trace() == expected
    with pytest.raises(AssertionError, match="reference run"):
        _ = traced.trace.rule


@given(
    additional=st.lists(st.sampled_from(GRADES), max_size=3),
    score=st.decimals(min_value=100, max_value=120, places=2, allow_nan=False),
    with_peers=st.booleans(),
    data=st.data(),
)
def test_final_value_around_the_cap(additional, score, with_peers, data):
    """Category route, every main IKI Sangat Baik: additional work lifts the SKP past 120."""
    best = p.Indicator(
        "t0.i0", "Indikator", "quantity", p.PointTarget(100), realisation=p.Realisation(105)
    )
    by_category = {
        p.Grade.VERY_GOOD: 105, p.Grade.GOOD: 100, p.Grade.FAIR: 90, p.Grade.POOR: 70,
        p.Grade.VERY_POOR: 30,
    }  # fmt: skip
    targets = [p.WorkTarget("t0", "Rencana", [best])]
    for index, grade in enumerate(additional, start=1):
        extra = p.Indicator(
            f"t{index}.i0", "Indikator", "quantity", p.PointTarget(100),
            realisation=p.Realisation(by_category[grade]),
        )  # fmt: skip
        targets.append(p.WorkTarget(f"t{index}", "Tambahan", [extra], TargetKind.ADDITIONAL))
    appraisal = data.draw(appraisals(targets, score=score))
    points = data.draw(st.sampled_from((PERMEN8_2021_ADDITIONAL_POINTS, _CUSTOM_ADDITIONAL)))
    regime = Pp30Regime(
        route="category", category_additional_points=points,
        peer_input="used" if with_peers else "not_used",
    )  # fmt: skip
    assert assert_same(regime, appraisal) is not None


@given(st.data(), st.booleans())
def test_the_plain_behaviour_read_is_what_the_checks_read(data, invalid):
    """`plain_aspects` answers exactly when the checks find no gap or problem, with their values."""
    appraisal = data.draw(appraisals(data.draw(work_targets()), invalid=invalid))
    regime = data.draw(regimes(appraisal))
    checks = _Kernel(regime, appraisal)
    try:
        checked = checked_aspects(checks)
    except ScoringInputError:
        checked = None  # two supervisor ratings of one aspect: refused
    plain = plain_aspects(appraisal, regime.aggregator)
    custom = isinstance(regime.aggregator, FixedAggregator)
    if custom or checked is None or checks.gaps or checks.problems:
        assert plain is None
    else:
        assert plain is not None
        keys, values = plain
        found = [(key, Fraction(n, d)) for key, (n, d, _) in zip(keys, values, strict=True)]
        assert found == [(f"behaviour[{aspect_id}]", value) for aspect_id, value, _ in checked]
    assert_same(regime, appraisal)


# -- one regime, many appraisals: the plan's memos warm ------------------------------------


@given(st.data())
def test_one_regime_scores_many_appraisals(data):
    """
    The regime's `Plan` keeps what a whole percent, a rencana sum, additional categories
    and a final value read, by those numbers only: one regime scoring many appraisals in
    turn (its memos warm) gives each the reference's result.
    """
    first = data.draw(appraisals(data.draw(work_targets())))
    regime = data.draw(regimes(first))
    assert_same(regime, first)
    for _ in range(data.draw(st.integers(3, 8))):
        assert_same(regime, data.draw(appraisals(data.draw(work_targets()))))
    assert plan_of(regime).regime is regime  # the same plan all along


def test_capaian_far_beyond_the_table_is_read_unmemoised():
    """A whole percent beyond the memos' range (here 5,000 %) reads as one near it would."""
    items = [
        p.Indicator(f"t0.i{n}", "Indikator", "quantity", p.PointTarget(2),
                    realisation=p.Realisation(value), target_is_maximum=n == 1)
        for n, value in enumerate((Decimal(100), Decimal(100), Decimal("2.2")))
    ]  # fmt: skip
    targets = [p.WorkTarget("t0", "Rencana", items)]
    for route in ("interpolation", "category"):
        regime = Pp30Regime(route=route)
        for _ in range(2):  # the second time with the plan's memos filled
            result = assert_same(regime, _appraisal(targets))
            assert str(result.figures["indicator[t0.i0].achievement"]) == "5000"


def test_memos_stay_bounded():
    """A plan keeps at most `_MEMO_SIZE` finals and rencana bands, and reads the same past it."""
    plan = Plan(Pp30Regime(rounding=p.Rounding(4)))
    for rounded in range(_MEMO_SIZE + 10):
        plan.final_of(rounded)
    assert len(plan.finals) == _MEMO_SIZE
    beyond = plan.final_of(1_100_000)  # 110.0000: Sangat Baik's band, unmemoised
    assert beyond == (Decimal("110.0000"), p.Grade.VERY_GOOD, "very_good")
    for total in range(_MEMO_SIZE + 10):
        plan.band_of(total, 1, 3)
    assert len(plan.banded) == _MEMO_SIZE


def test_the_kernels_mappings_read_as_the_runs():
    """Figures and ratings written when read: the same repr, JSON, pickle, length and keys."""
    appraisal = _appraisal([p.WorkTarget("t0", "Rencana", [_indicator("t0.i0", 98)])])
    regime = Pp30Regime(route="category")
    expected = _score_run(regime, appraisal, trace=False)
    for read in ("len", "in", "repr", "json", "pickle", "eq", "evolve"):
        found = regime.score(appraisal, trace=False)  # fresh: nothing written yet
        if read == "len":
            assert (len(found.figures), len(found.ratings)) == (
                len(expected.figures), len(expected.ratings)
            )  # fmt: skip
        elif read == "in":
            assert "target[t0].iki_points" in found.figures
            assert "target[t0].category" in found.ratings
            assert "indicator[t0.i0].value" not in found.figures  # the category route
        elif read == "repr":
            assert repr(found) == repr(expected)
        elif read == "json":
            assert dumps(found) == dumps(expected)
            assert loads(dumps(found), p.Result) == expected
        elif read == "pickle":
            copy = pickle.loads(pickle.dumps(found))  # noqa: S301 - our own bytes
            assert copy == expected
            assert type(copy.ratings) is type(expected.ratings)
            assert pickle.loads(pickle.dumps(found.ratings)) == dict(expected.ratings)  # noqa: S301
        elif read == "eq":
            assert expected.ratings == found.ratings
            assert found.ratings == dict(expected.ratings)
            assert dict(expected.ratings) == found.ratings
        else:
            assert found.without_trace() == expected
        assert list(found.ratings.items()) == list(expected.ratings.items())


@given(st.data(), st.booleans())
def test_the_one_scan_read_is_the_per_aspect_read(data, invalid):
    """
    `plain_aspects` gives, from one scan, what `ratio()` gives aspect by aspect.

    And a scored result weighs peer input as `peer_input_count` counts it.
    """
    appraisal = data.draw(appraisals(data.draw(work_targets()), invalid=invalid))
    aggregator = SupervisorRating()
    expected: list[tuple[str, int, int]] | None = []
    for aspect in p.PP30_2019_BEHAVIOUR.aspects_for(appraisal.position.kind):
        value = aggregator.ratio(appraisal, aspect.id)
        if value is None or not 0 <= Fraction(value[0], value[1]) <= PP30_2019_CAP:
            expected = None
            break
        expected.append((f"behaviour[{aspect.id}]", value[0], value[1]))
    if appraisal.framework != p.PP30_2019_BEHAVIOUR:
        expected = None
    plain = plain_aspects(appraisal, aggregator)
    if plain is not None:
        keys, values = plain
        plain = [(key, n, d) for key, (n, d, _) in zip(keys, values, strict=True)]
    assert plain == (expected or None)
    roles = appraisal.rater_roles
    peers = peer_input_count(roles[rating.rater_id] for rating in appraisal.ratings)
    try:
        result = Pp30Regime().score(appraisal, trace=False)
    except p.PenilaianError:
        return
    if result.score is None:  # gaps: no final value, so nothing weighed
        return
    assert result.ratings["weighting"] == ("with_peer_input" if peers else "without_peer_input")


def _indicator(indicator_id, capaian):
    return p.Indicator(
        indicator_id, "Indikator", "quantity", p.PointTarget(100),
        realisation=p.Realisation(Decimal(capaian)),
    )  # fmt: skip


def _appraisal(targets):
    kind = p.PositionKind.EXECUTOR
    return p.Appraisal(
        "skp-1", p.Employee("e-1", "Budi"), p.Position("Jabatan", kind),
        p.Period.semester(2021, 2), p.PP30_2019_BEHAVIOUR, targets,
        [p.Rater("atasan", p.RaterRole.SUPERVISOR, "e-atasan")], [SCALE],
        [p.Rating("atasan", a.id, SCALE.id, score=100)
         for a in p.PP30_2019_BEHAVIOUR.aspects_for(kind)],
    )  # fmt: skip


def test_one_regime_reads_each_post_by_its_route():
    """One regime: a unit's plain administrator takes the categories, its mandiri head the table."""
    regime = Pp30Regime()
    targets = [p.WorkTarget("t0", "Rencana", [_indicator("t0.i0", 98)])]
    plain = p.Position("Kepala", p.PositionKind.ADMINISTRATOR, "unit-1", True)
    head = attrs.evolve(plain, leads_independent_unit=True)
    for position, key in ((plain, "points"), (head, "value"), (plain, "points"), (head, "value")):
        result = assert_same(regime, attrs.evolve(_appraisal(targets), position=position))
        assert f"indicator[t0.i0].{key}" in result.figures


def test_one_regime_adds_each_set_of_additional_categories():
    """One regime, additional targets of several sets of categories in turn: each adds its own."""
    regime = Pp30Regime(route="category")
    capaian = {p.Grade.VERY_GOOD: 105, p.Grade.GOOD: 100, p.Grade.POOR: 70}
    good, very_good, poor = p.Grade.GOOD, p.Grade.VERY_GOOD, p.Grade.POOR
    sets = ((very_good, good), (very_good,), (good,), (good, very_good), (poor, poor, good), ())
    for grades in (*sets, *reversed(sets)):
        targets = [p.WorkTarget("t0", "Rencana", [_indicator("t0.i0", 100)])]
        targets += [
            p.WorkTarget(f"t{n}", "Tambahan", [_indicator(f"t{n}.i0", capaian[grade])],
                         TargetKind.ADDITIONAL)
            for n, grade in enumerate(grades, start=1)
        ]  # fmt: skip
        result = assert_same(regime, _appraisal(targets))
        points = [PERMEN8_2021_ADDITIONAL_POINTS.of(grade) for grade in grades]
        assert result.figures["additional"] == sum(points, Decimal(0))


@pytest.mark.parametrize(
    ("score", "plain"),
    [("0", True), ("120", True), ("-0.01", False), ("-30", False), ("120.01", False)],
)
def test_behaviour_values_at_either_end(score, plain):
    """0 and 120 are read plainly; a value just past either end is the checks' problem."""
    targets = [p.WorkTarget("t0", "Rencana", [_indicator("t0.i0", 98)])]
    appraisal = _appraisal(targets)
    ratings = list(appraisal.ratings)
    ratings[1] = attrs.evolve(ratings[1], score=Decimal(score))
    appraisal = attrs.evolve(appraisal, ratings=ratings)
    assert (plain_aspects(appraisal, SupervisorRating()) is not None) is plain
    assert (assert_same(Pp30Regime(), appraisal) is not None) is plain


@given(st.data())
def test_the_whole_percent_inline_is_the_general_rounding(data):
    """The whole percent rounded inline (half up, 0 places) equals `scaled_round_ratio`'s."""
    appraisal = data.draw(appraisals(data.draw(work_targets())))
    regime = data.draw(regimes(appraisal))
    inline, inline_error = _outcome(lambda: regime.score(appraisal, trace=False))
    with mock.patch.object(pp30_kernel, "_WHOLE_HALF_UP", False):  # the general path
        general, general_error = _outcome(lambda: regime.score(appraisal, trace=False))
        assert_same(regime, appraisal)
    assert str(inline_error) == str(general_error)
    if inline is not None:
        shown = [(key, str(value)) for key, value in inline.figures.items()]
        assert shown == [(key, str(value)) for key, value in general.figures.items()]
        assert (inline.grade, inline.ratings) == (general.grade, general.ratings)
