"""
Benchmark: score N appraisals under PP 46/2011, against a hand-written exact floor.

Measured paths, on the same in-memory appraisals:

- ``Pp46Regime().score(appraisal, trace=False)`` and ``.score(appraisal)`` (traced; the
  trace is built when first read), and ``trace read``: the traced score with its whole
  trace read (walked);
- **floor**: a plain function computing the same Perka BKN 1/2013 formulas, the same
  rounding (2 places, halves up, at the kegiatan values, the SKP, the behaviour and
  the final value) and the same category, hand-written in `Decimal`, from plain tuples
  of the `Decimal` targets, realisations and supervisor ratings extracted before
  timing: exact sums over a common denominator, exact half-up division (``divmod``)
  where a quotient does not terminate, ``quantize(..., ROUND_HALF_UP)`` where it does;
  no checks, no figures, no `Result`, no trace;
- **float**: the same formulas in floats, shown for scale only (never the goal's floor).

Ratios are against the floor.  Before timing, the floor's final value and category
are checked against the regime's on every appraisal (with `Inexact` and `Rounded`
trapped, so no Decimal operation rounded), and the inputs are frozen out of the
garbage collector's generations (``gc.freeze``) so that collections do not walk all
N appraisals.  The paths are timed A/B interleaved, round after round, and the
medians reported.  Timing is reported, never asserted.

    python benchmarks/bench_score_pp46.py                       # N=100_000, median of 3
    python benchmarks/bench_score_pp46.py --n 2000 --repeat 1   # a quick smoke run
    python benchmarks/bench_score_pp46.py --raters 6            # behaviour from a 360 panel

With ``--raters 6`` six raters (those of ``bench_aggregate``) rate every aspect and the
regime takes ``bench_aggregate``'s weighting policy; the floor then computes each aspect
by ``bench_aggregate``'s Decimal floor (exact numerator and denominator) and their mean
exactly, half up.
"""

from __future__ import annotations

import random
import sys
import time
from decimal import ROUND_HALF_UP, Context, Decimal, Inexact, Rounded, localcontext
from typing import TYPE_CHECKING, Any

from _common import (
    arguments,
    environment,
    float_half_up,
    half_up,
    interleaved_medians,
    peak_rss_mib,
    print_paths,
    settle,
    traced_paths,
)
from bench_aggregate import POLICY, float_value, floor_value, floor_weights
from bench_aggregate import RATERS as PANEL_RATERS

from penilaian import (
    PP46_2011_BEHAVIOUR,
    Appraisal,
    Aspect,
    Direction,
    Employee,
    Grade,
    Indicator,
    Innovation,
    InnovationScope,
    NumericScale,
    Period,
    PointTarget,
    Position,
    PositionKind,
    Rater,
    RaterRole,
    Rating,
    Realisation,
    WorkTarget,
)
from penilaian.model import TargetKind
from penilaian.regimes.pp46_2011 import Pp46Regime

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

PANEL_WEIGHTS = floor_weights()
"""The policy's weights as the panel floor reads them (``bench_aggregate``'s floor)."""
PANEL_FLOAT_WEIGHTS = tuple((role, float(weight), least) for role, weight, least in PANEL_WEIGHTS)

ACTIVITIES = 4
SHAPE = (
    f"{ACTIVITIES} kegiatan of 3 or 4 aspects (cost on every other one), 0-3 tugas "
    "tambahan, 0-1 innovation, supervisor ratings on 5 or 6 aspects (a third structural)"
)
SCALE = NumericScale("nilai", 0, 100)
KINDS = (PositionKind.SUPERVISOR, PositionKind.EXECUTOR, PositionKind.EXPERT_FIRST)
SCOPES = (None, None, InnovationScope.UNIT, InnovationScope.ORGANISATION, InnovationScope.STATE)


def make_appraisal(rng: random.Random, number: int, *, panel: bool = False) -> Appraisal:
    """
    Return one realistic appraisal: amounts in whole units, months and rupiah.

    With *panel*, the 6 raters of ``bench_aggregate`` rate every aspect (whole scores
    55-100), for `PANEL_REGIME`; else the supervisor alone (scores in hundredths).
    """
    targets = []
    for index in range(ACTIVITIES):
        output = rng.randrange(2, 40)
        months = 12
        cost = rng.randrange(10, 500) * 1_000_000 if index % 2 else None
        aspects = [
            (Aspect.QUANTITY, output, rng.randrange(0, output + 3)),
            (Aspect.QUALITY, 100, rng.randrange(70, 101)),
            (Aspect.TIME, months, rng.choice((8, 9, 10, 11, 12, 12, 12, 13))),
        ]
        if cost:
            aspects.append((Aspect.COST, cost, cost * rng.randrange(70, 111) // 100))
        indicators = [
            Indicator(
                f"k{index}-{aspect.value}",
                f"{aspect.label()} kegiatan {index}",
                aspect,
                PointTarget(planned),
                direction=Direction.LOWER_IS_BETTER
                if aspect in (Aspect.TIME, Aspect.COST)
                else Direction.HIGHER_IS_BETTER,
                realisation=Realisation(realised),
            )
            for aspect, planned, realised in aspects
        ]
        targets.append(WorkTarget(f"k{index}", f"Kegiatan {index}", indicators))
    for index in range(rng.randrange(0, 4)):
        indicator = Indicator(f"tt{index}-o", "Tugas", Aspect.QUANTITY, PointTarget(1))
        targets.append(WorkTarget(f"tt{index}", "Tugas tambahan", [indicator], "additional"))
    kind = KINDS[number % 3]
    raters = [Rater("atasan", "supervisor", f"e-atasan-{number}")]
    ratings = [
        Rating("atasan", aspect.id, SCALE.id, score=Decimal(rng.randrange(6000, 10001)) / 100)
        for aspect in PP46_2011_BEHAVIOUR.aspects_for(kind)
    ]
    if panel:
        raters = [
            Rater(rater_id, role, f"e-{number}" if role is RaterRole.SELF else f"emp-{rater_id}")
            for rater_id, role in PANEL_RATERS
        ]
        ratings = [
            Rating(rater_id, aspect.id, SCALE.id, score=Decimal(rng.randrange(55, 101)))
            for rater_id, _ in PANEL_RATERS
            for aspect in PP46_2011_BEHAVIOUR.aspects_for(kind)
        ]
    scope = rng.choice(SCOPES)
    return Appraisal(
        f"skp-{number:06d}",
        Employee(f"e-{number}", "Pegawai"),
        Position("Jabatan", kind),
        Period.year(2019),
        PP46_2011_BEHAVIOUR,
        targets,
        raters,
        [SCALE],
        ratings,
        innovations=[Innovation("Inovasi", scope)] if scope else [],
    )


# -- the floors: the same formulas on plain tuples, nothing checked ----------------------

Plain = tuple[
    tuple[tuple[tuple[int, Decimal, Decimal], ...], ...], int, tuple[str, ...], tuple[Decimal, ...]
]
FloatPlain = tuple[
    tuple[tuple[tuple[int, float, float], ...], ...], int, tuple[str, ...], tuple[float, ...]
]
ASPECT_CODES = {Aspect.QUANTITY: 0, Aspect.QUALITY: 1, Aspect.TIME: 2, Aspect.COST: 3}
POINTS = {"unit": 3, "organisation": 6, "state": 12}
CUTS = ((5000, Grade.BAD), (6000, Grade.POOR), (7500, Grade.FAIR), (9000, Grade.GOOD))
HUNDREDTH = Decimal("0.01")
ZERO = Decimal(0)
DECLARED = Context(traps=[])
"""The context of the declared rounding points (``quantize``); the check traps any other."""


def extract(appraisal: Appraisal) -> Plain:
    """Return the numbers the floor needs, in plain tuples, in the regime's order."""

    def numbers(indicator: Indicator) -> tuple[int, Decimal, Decimal]:
        assert isinstance(indicator.target, PointTarget)
        assert indicator.realisation is not None
        assert indicator.realisation.value is not None
        return ASPECT_CODES[indicator.aspect], indicator.target.value, indicator.realisation.value

    activities = tuple(
        tuple(sorted(numbers(indicator) for indicator in target.indicators))
        for target in appraisal.targets
        if target.kind is TargetKind.MAIN
    )
    additional = sum(target.kind is TargetKind.ADDITIONAL for target in appraisal.targets)
    scopes = tuple(innovation.scope.value for innovation in appraisal.innovations)
    behaviour: tuple[Any, ...] = tuple(
        rating.score for rating in appraisal.ratings if rating.score is not None
    )
    if len(appraisal.raters) > 1:  # a panel: (role, score) pairs per aspect, as the policy reads
        roles = {rater.id: rater.role.value for rater in appraisal.raters}
        aspects = PP46_2011_BEHAVIOUR.aspects_for(appraisal.position.kind)
        behaviour = tuple(
            tuple((roles[r.rater_id], r.score) for r in appraisal.ratings if r.subject == a.id)
            for a in aspects
        )
    return activities, additional, scopes, behaviour


def floor(plain: Plain) -> tuple[Decimal, Grade]:
    """
    Score one appraisal by PP 46/2011 in `Decimal`, exactly, with no checks.

    A kegiatan's aspects are summed over a common denominator (the product of their
    targets: Decimal products and sums are exact) and divided once, half up, by
    `half_up` (exact ``divmod``); values are carried in hundredths from then on.
    """
    activities, additional, scopes, behaviour = plain
    hundredths = ZERO  # the sum of the kegiatan values, in hundredths
    for aspects in activities:
        if aspects[0][2] == 0:  # no output realised: the kegiatan is worth 0
            continue
        numerator = ZERO
        denominator: Decimal | int = 1
        for code, planned, realised in aspects:
            if code < 2 or 76 * planned > 100 * realised:
                # 100 R/T; for time and cost above 24 % efficiency, 76 - ((1.76T - R)/T x 100
                # - 100) is the same 100 R/T.
                term = 100 * realised
            else:
                term = 176 * planned - 100 * realised  # (1.76 T - R) / T x 100
            numerator = numerator * planned + term * denominator
            denominator *= planned
        hundredths += half_up(100 * numerator, denominator * len(aspects))
    tasks = 0 if additional == 0 else 1 if additional <= 3 else 2 if additional <= 6 else 3
    creativity = max((POINTS[scope] for scope in scopes), default=0)
    count = len(activities)
    skp = half_up(hundredths + 100 * count * (tasks + creativity), count)
    if type(behaviour[0]) is tuple:  # a panel: each aspect the policy's exact value
        total, common = ZERO, 1
        for pairs in behaviour:
            numerator, denominator, _, _ = floor_value(pairs, PANEL_WEIGHTS)
            assert numerator is not None
            total, common = total * denominator + numerator * common, common * denominator
        perilaku = half_up(100 * total, common * len(behaviour))
    else:
        perilaku = half_up(100 * sum(behaviour, ZERO), len(behaviour))
    final = ((6 * skp + 4 * perilaku) / 1000).quantize(HUNDREDTH, ROUND_HALF_UP, DECLARED)
    cents = 100 * final
    grade = next((label for cut, label in CUTS if cents <= cut), Grade.VERY_GOOD)
    return final, grade


def to_floats(plain: Plain) -> FloatPlain:
    """The float floor's input: the same numbers as floats (converted before timing)."""
    activities, additional, scopes, behaviour = plain
    return (
        tuple(tuple((c, float(t), float(r)) for c, t, r in aspects) for aspects in activities),
        additional,
        scopes,
        tuple(
            tuple((role, float(score)) for role, score in item)
            if type(item) is tuple
            else float(item)
            for item in behaviour
        ),
    )


def float_floor(plain: FloatPlain) -> tuple[float, Grade]:
    """The same formulas in floats: shown for scale, never the goal's floor (floats can miss)."""
    activities, additional, scopes, behaviour = plain
    values = 0.0
    for aspects in activities:
        if aspects[0][2] == 0:
            continue
        total = 0.0
        for code, planned, realised in aspects:
            ratio = realised / planned
            total += 100 * ratio if code < 2 or ratio < 0.76 else (1.76 - ratio) * 100
        values += float_half_up(total / len(aspects))
    tasks = 0 if additional == 0 else 1 if additional <= 3 else 2 if additional <= 6 else 3
    creativity = max((POINTS[scope] for scope in scopes), default=0)
    skp = float_half_up(values / len(activities) + tasks + creativity)
    values_of = [
        float_value(item, PANEL_FLOAT_WEIGHTS) if type(item) is tuple else item
        for item in behaviour
    ]
    perilaku = float_half_up(sum(values_of) / len(values_of))  # type: ignore[arg-type]
    final = float_half_up(0.6 * skp + 0.4 * perilaku)
    grade = next((label for cut, label in CUTS if final * 100 <= cut), Grade.VERY_GOOD)
    return final, grade


# -- measuring ---------------------------------------------------------------------------


def regime_for(*, panel: bool) -> Pp46Regime:
    """The default regime, or with ``--raters 6`` the ``bench_aggregate`` 360-degree policy."""
    return Pp46Regime().with_aggregator(POLICY) if panel else Pp46Regime()


def check_equivalent(
    appraisals: Sequence[Appraisal],
    plains: Sequence[Plain],
    floats: Sequence[FloatPlain],
    regime: Pp46Regime,
) -> tuple[dict[str, int], int]:
    """
    Assert that the floor and the regime agree on every appraisal; count the grades.

    The floor runs here with `Inexact` and `Rounded` trapped, so a Decimal operation
    that had to round (not one of the declared rounding points) would raise: this
    proves the floor exact on these very inputs.  Also count where the float floor
    disagrees (it is shown for scale only).
    """
    counts: dict[str, int] = {}
    float_misses = 0
    with localcontext() as exact:
        exact.traps[Inexact] = exact.traps[Rounded] = True
        for appraisal, plain, numbers in zip(appraisals, plains, floats, strict=True):
            result = regime.score(appraisal, trace=False)
            assert result.score is not None
            assert result.grade is not None
            assert (result.score, result.grade) == floor(plain), appraisal.id
            counts[result.grade.value] = counts.get(result.grade.value, 0) + 1
            final, grade = float_floor(numbers)
            float_misses += (round(final, 2), grade) != (float(result.score), result.grade)
    return counts, float_misses


def main(argv: Sequence[str] | None = None) -> int:
    args = arguments(__doc__, argv, extra={"--raters": 1})
    if args.raters not in (1, len(PANEL_RATERS)):
        sys.exit(f"--raters is 1 (the supervisor) or {len(PANEL_RATERS)} (the 360 panel)")
    panel = args.raters > 1
    regime = regime_for(panel=panel)

    built = time.perf_counter()
    rng = random.Random(args.seed)
    appraisals = [make_appraisal(rng, n, panel=panel) for n in range(args.n)]
    plains = [extract(appraisal) for appraisal in appraisals]
    floats = [to_floats(plain) for plain in plains]
    built = time.perf_counter() - built
    counts, float_misses = check_equivalent(appraisals, plains, floats, regime)
    # The N appraisals are live objects (bench_load's inputs are strings, which the
    # collector skips): freeze them, so that collections triggered by the steps a
    # traced score allocates do not walk all N inputs each time.
    settle()

    paths: dict[str, tuple[Callable[[Any], object], Sequence[Any]]] = {
        **traced_paths(regime.score, appraisals),
        "floor": (floor, plains),
        "float": (float_floor, floats),
    }
    median = interleaved_medians(paths, args.repeat)

    print("bench_score_pp46: score appraisals under PP 46/2011")
    print(f"appraisal shape: {SHAPE}")
    if panel:
        print("  --raters 6: instead, 6 raters (bench_aggregate's) rate every aspect, whole 55-100")
    print(f"  seed {args.seed}; built in {built:.1f} s; grades {dict(sorted(counts.items()))}")
    policy = "the 360-degree policy of bench_aggregate" if panel else "the supervisor"
    print(f"measured: Pp46Regime().score(appraisal, trace=False / True), behaviour by {policy};")
    print("          'trace read' also reads the whole trace, which is built when first read")
    print(
        "floor:    the same formulas, rounding and category, hand-written in Decimal on plain\n"
        "          tuples of the Decimal inputs extracted before timing: exact sums over a\n"
        "          common denominator, exact half-up division (divmod) where a mean or a\n"
        "          ratio does not terminate, quantize(ROUND_HALF_UP) where it does; no checks"
    )
    print("the floor agreed with the regime on every appraisal (final value and category),")
    print("  run with Inexact and Rounded trapped (no Decimal operation rounded)")
    print(
        f"float:    the same formulas in floats, for scale only (never the goal's floor);\n"
        f"          it missed the regime's final value or category on {float_misses} of {args.n}"
    )
    print(
        "inputs built before timing and moved out of the collector's reach (gc.freeze);\n"
        f"each result is dropped as it comes; {args.repeat} interleaved run(s), medians,\n"
        "time.perf_counter"
    )
    print()
    print_paths(median, args.n)
    print()
    print(f"ratio trace off / floor: {median['trace off'] / median['floor']:.2f} (target <= 2)")
    print(f"ratio trace on / floor:  {median['trace on'] / median['floor']:.2f} (target <= 4)")
    print(f"ratio trace read / floor: {median['trace read'] / median['floor']:.2f}")
    print(
        f"for scale: trace off / float {median['trace off'] / median['float']:.2f}, "
        f"floor / float {median['floor'] / median['float']:.2f}"
    )
    print(f"peak RSS: {peak_rss_mib():,.0f} MiB (whole process, the N appraisals included)")
    print(environment())
    return 0


if __name__ == "__main__":
    sys.exit(main())
