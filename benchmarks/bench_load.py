"""
Benchmark: load and validate N appraisals from JSON, against a plain-cattrs floor.

Measured path: ``penilaian.serialization.loads(text, penilaian.Appraisal)`` once per
document, as a caller reading one document per line, row or request does.  Where the
``speedups`` extra is installed (msgspec; the ``tests`` extra installs it too), ``loads``
parses with msgspec's reader; the row ``penilaian, json`` is the same load parsed with
the standard library's reader, which is what ``loads`` does without the extra.

Floor, in the same process and on the same JSON text: ``json.loads`` with the same
arguments, then a default (non-strict) ``cattrs.preconf.json`` converter structuring
frozen attrs mirror classes (same field names and nesting, builtin types, no
validators, no converters, extra keys allowed) with only a ``Decimal`` hook added.
The ratio ``penilaian, json``/floor (the same parse on both sides) is what validation,
strict typing and the domain types cost over bare structuring.  The parse-only rows
give the scale of issue 13's target (load and validate in at most 6x ``orjson.loads``
of the same document): ``json only`` (the standard library's reader with
``parse_float=Decimal``), ``msgspec only`` (the extra's reader, numbers with a point
or an exponent as ``Decimal``) and ``orjson`` (``orjson.loads``, numbers as floats; a
benchmark dependency only, in the ``tests`` extra: penilaian never imports it).
Timing is reported, never asserted.

    python benchmarks/bench_load.py                       # N=100_000, best of 3
    python benchmarks/bench_load.py --n 2000 --repeat 1   # a quick smoke run
"""

from __future__ import annotations

import json
import random
import sys
import time
from datetime import date, timedelta
from decimal import Decimal
from importlib.metadata import version
from typing import TYPE_CHECKING, Any

import attrs
import orjson
from _common import arguments, environment, peak_rss_mib, time_once
from cattrs.preconf.json import make_converter as make_plain_json_converter

from penilaian import (
    BERAKHLAK,
    EXPECTATION_SCALE,
    Appraisal,
    Direction,
    Employee,
    ExpectationLevel,
    FeedbackNote,
    Indicator,
    Nip,
    NumericScale,
    Period,
    PointTarget,
    Position,
    PositionKind,
    QualitativeTarget,
    RangeTarget,
    Rater,
    RaterRole,
    Rating,
    Realisation,
    SpecialExpectation,
    WorkTarget,
)
from penilaian.model import OVERALL_BEHAVIOUR, OVERALL_WORK_RESULTS, Gender, TargetKind
from penilaian.serialization import dumps, loads, structure
from penilaian.serialization._reading import quick_reader

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    import cattrs

# -- the documents ------------------------------------------------------------------------

# Indicators per work target: 3 + 3 + 2 = 8.
INDICATORS_PER_TARGET = (3, 3, 2)
# The 8 indicators in order: (aspect, target kind, direction).
INDICATOR_PLAN = (
    ("quantity", "point", Direction.HIGHER_IS_BETTER),
    ("quality", "point", Direction.HIGHER_IS_BETTER),
    ("time", "point", Direction.LOWER_IS_BETTER),
    ("quantity", "range", Direction.HIGHER_IS_BETTER),
    ("quality", "qualitative", Direction.HIGHER_IS_BETTER),
    ("cost", "point", Direction.LOWER_IS_BETTER),
    ("quantity", "point", Direction.HIGHER_IS_BETTER),
    ("quality", "range", Direction.HIGHER_IS_BETTER),
)
RATERS = (
    ("self", RaterRole.SELF),
    ("supervisor", RaterRole.SUPERVISOR),
    ("second_level", RaterRole.SECOND_LEVEL_SUPERVISOR),
    ("peer_1", RaterRole.PEER),
    ("peer_2", RaterRole.PEER),
    ("subordinate", RaterRole.SUBORDINATE),
)
SCORE_SCALE = NumericScale("score_0_100", 0, 100, step=1)
FEEDBACK_NOTES = 2
KINDS = (
    PositionKind.SUPERVISOR,
    PositionKind.ADMINISTRATOR,
    PositionKind.EXPERT_FIRST,
    PositionKind.EXPERT_JUNIOR,
    PositionKind.EXPERT_MIDDLE,
    PositionKind.SKILL_SKILLED,
)
GIVEN = ("Budi", "Siti", "Agus", "Dewi", "Rudi", "Ayu", "Hendra", "Rina", "Joko", "Wulan")
FAMILY = ("Santoso", "Rahmawati", "Pratama", "Lestari", "Wijaya", "Kurniawan", "Hidayat")
RATED = len(RATERS) - 1  # every rater but the employee rates every aspect
RATINGS = RATED * len(BERAKHLAK.aspects) + 2  # + the supervisor's two overall ratings

SHAPE = f"""\
one appraisal = employee (id, name, PNS NIP), position (supervisor/administrator/
  functional kinds), period (one calendar year, 2022-2025, as a {{start, end, kind}} object),
  framework "berakhlak" (built-in, by id),
  {len(INDICATORS_PER_TARGET)} work targets with {sum(INDICATORS_PER_TARGET)} indicators \
(5 point, 2 range, 1 qualitative target; all realised with
  evidence and a recording date; qualitative realised in words),
  {len(RATERS)} raters (self, supervisor, second-level supervisor, 2 peers, 1 subordinate),
  2 scales (numeric 0-100 step 1; penilaian.EXPECTATION_SCALE with its \
{len(EXPECTATION_SCALE.aliases)} aliases),
  {RATINGS} ratings ({RATED} non-self raters x {len(BERAKHLAK.aspects)} BerAKHLAK aspects \
on 0-100, plus the supervisor's
  {OVERALL_WORK_RESULTS} and {OVERALL_BEHAVIOUR} levels on the expectation scale, \
with comment and date),
  {FEEDBACK_NOTES} feedback notes (by the supervisor), \
{len(BERAKHLAK.aspects)} special expectations (one per aspect)"""


def make_appraisal(rng: random.Random, number: int) -> Appraisal:
    """Build one valid appraisal, the same for the same *rng* state and *number*."""
    period = Period.year(rng.randrange(2022, 2026))
    birth = date(rng.randrange(1965, 2000), rng.randrange(1, 13), rng.randrange(1, 29))
    appointed = date(birth.year + rng.randrange(22, 30), rng.randrange(1, 13), 1)
    nip = Nip.for_pns(birth, appointed, rng.choice(list(Gender)), rng.randrange(1, 1000))
    employee_id = f"emp-{number:06d}"
    kind = rng.choice(KINDS)

    def some_day() -> date:
        return period.start + timedelta(days=rng.randrange(period.days))

    indicators: list[Indicator] = []
    for index, (aspect, target_kind, direction) in enumerate(INDICATOR_PLAN):
        target: PointTarget | RangeTarget | QualitativeTarget
        if target_kind == "point":
            target = PointTarget(rng.randrange(1, 200))
            value: Decimal | None = Decimal(rng.randrange(0, 25000)) / 100
        elif target_kind == "range":
            low = rng.randrange(50, 90)
            target = RangeTarget(low, low + rng.randrange(5, 11))
            value = Decimal(rng.randrange(4000, 10000)) / 100
        else:
            target = QualitativeTarget("Laporan diterima pimpinan tanpa revisi")
            value = None
        realisation = Realisation(
            value,
            description="Tercapai sesuai rencana" if value is None else None,
            evidence=tuple(f"bukti/{number}/{index}-{e}.pdf" for e in range(rng.randrange(1, 3))),
            recorded_on=some_day(),
        )
        indicators.append(
            Indicator(
                f"iki-{index + 1}",
                f"Indikator {index + 1}: {aspect} keluaran kegiatan",
                aspect,
                target,
                direction,
                unit="dokumen" if target_kind == "point" else "%",
                realisation=realisation,
            )
        )
    targets, start = [], 0
    for index, count in enumerate(INDICATORS_PER_TARGET):
        main = index < len(INDICATORS_PER_TARGET) - 1
        targets.append(
            WorkTarget(
                f"rhk-{index + 1}",
                f"Rencana hasil kerja {index + 1}",
                tuple(indicators[start : start + count]),
                TargetKind.MAIN if main else TargetKind.ADDITIONAL,
                cascades_from=f"rhk-atasan-{index + 1}" if main else None,
            )
        )
        start += count

    raters = tuple(
        Rater(
            f"r-{name}",
            role,
            employee_id if role is RaterRole.SELF else f"emp-{number:06d}-{name}",
            name=f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}",
        )
        for name, role in RATERS
    )
    ratings = [
        Rating(rater.id, aspect.id, SCORE_SCALE.id, score=rng.randrange(55, 101))
        for rater in raters[1:]
        for aspect in BERAKHLAK.aspects
    ]
    ratings.extend(
        Rating(
            "r-supervisor",
            subject,
            EXPECTATION_SCALE.id,
            level=rng.choice(list(ExpectationLevel)).value,
            comment="Sesuai hasil dialog kinerja",
            rated_on=period.end,
        )
        for subject in (OVERALL_WORK_RESULTS, OVERALL_BEHAVIOUR)
    )
    feedback = tuple(
        FeedbackNote(
            some_day(),
            "r-supervisor",
            "Pertahankan kualitas laporan dan percepat penyelesaian",
            subject=rng.choice(("iki-1", "iki-4", BERAKHLAK.aspects[0].id)),
            evidence=(f"notulen/{number}/{note}.pdf",),
        )
        for note in range(FEEDBACK_NOTES)
    )
    expectations = tuple(
        SpecialExpectation(aspect.id, f"Menunjukkan perilaku {aspect.label()} dalam tim")
        for aspect in BERAKHLAK.aspects
    )
    return Appraisal(
        f"skp-{number:06d}",
        Employee(employee_id, f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}", nip),
        Position(f"Jabatan {kind.label()}", kind, unit_id=f"unit-{rng.randrange(300)}"),
        period,
        BERAKHLAK,
        tuple(targets),
        raters,
        (SCORE_SCALE, EXPECTATION_SCALE),
        tuple(ratings),
        feedback,
        expectations,
    )


def make_documents(n: int, seed: int) -> tuple[list[str], Appraisal]:
    """Return *n* JSON documents, serialised with penilaian, and the first appraisal."""
    rng = random.Random(seed)
    first = make_appraisal(rng, 0)
    texts = [dumps(first)]
    texts.extend(dumps(make_appraisal(rng, number)) for number in range(1, n))
    return texts, first


# -- the floor: the same shape, plain types, nothing checked --------------------------------


@attrs.frozen
class PlainEmployee:
    id: str
    name: str
    nip: str | None = None


@attrs.frozen
class PlainPosition:
    title: str
    kind: str
    unit_id: str | None = None
    leads_unit: bool = False


@attrs.frozen
class PlainPeriod:
    start: date
    end: date
    kind: str = "custom"


@attrs.frozen
class PlainPointTarget:
    value: Decimal


@attrs.frozen
class PlainRangeTarget:
    low: Decimal
    high: Decimal


@attrs.frozen
class PlainQualitativeTarget:
    description: str


PlainTarget = PlainPointTarget | PlainRangeTarget | PlainQualitativeTarget


@attrs.frozen
class PlainRealisation:
    value: Decimal | None = None
    description: str | None = None
    evidence: tuple[str, ...] = ()
    recorded_on: date | None = None


@attrs.frozen
class PlainIndicator:
    id: str
    description: str
    aspect: str
    target: PlainTarget
    direction: str = "higher_is_better"
    unit: str | None = None
    realisation: PlainRealisation | None = None
    target_is_maximum: bool = False


@attrs.frozen
class PlainWorkTarget:
    id: str
    title: str
    indicators: tuple[PlainIndicator, ...]
    kind: str = "main"
    cascades_from: str | None = None
    perspective: str | None = None


@attrs.frozen
class PlainRater:
    id: str
    role: str
    employee_id: str | None = None
    name: str | None = None


@attrs.frozen
class PlainNumericScale:
    id: str
    minimum: Decimal
    maximum: Decimal
    step: Decimal | None = None


@attrs.frozen
class PlainOrdinalScale:
    id: str
    levels: tuple[str, ...]
    aliases: tuple[tuple[str, str], ...] = ()


PlainScale = PlainNumericScale | PlainOrdinalScale


@attrs.frozen
class PlainRating:
    rater_id: str
    subject: str
    scale_id: str
    score: Decimal | None = None
    level: str | None = None
    comment: str | None = None
    rated_on: date | None = None


@attrs.frozen
class PlainFeedbackNote:
    given_on: date
    author_id: str
    text: str
    subject: str | None = None
    evidence: tuple[str, ...] = ()


@attrs.frozen
class PlainSpecialExpectation:
    aspect_id: str
    text: str


@attrs.frozen
class PlainAppraisal:
    id: str
    employee: PlainEmployee
    position: PlainPosition
    period: PlainPeriod
    framework: str
    targets: tuple[PlainWorkTarget, ...]
    raters: tuple[PlainRater, ...] = ()
    scales: tuple[PlainScale, ...] = ()
    ratings: tuple[PlainRating, ...] = ()
    feedback: tuple[PlainFeedbackNote, ...] = ()
    special_expectations: tuple[PlainSpecialExpectation, ...] = ()


def make_floor_converter() -> cattrs.Converter:
    """Return a default cattrs JSON converter with a Decimal hook and two tag lookups."""
    converter = make_plain_json_converter()
    converter.register_structure_hook(Decimal, lambda value, _type: Decimal(value))
    unions = {
        PlainTarget: {
            "point": PlainPointTarget,
            "range": PlainRangeTarget,
            "qualitative": PlainQualitativeTarget,
        },
        PlainScale: {"numeric": PlainNumericScale, "ordinal": PlainOrdinalScale},
    }
    for union, members in unions.items():
        # A dict from the "kind" tag to the member's hook; the tag key itself is ignored.
        hooks = {tag: (converter.get_structure_hook(cls), cls) for tag, cls in members.items()}

        def structure_tagged(value: Any, _type: Any, hooks: Any = hooks) -> Any:
            hook, cls = hooks[value["kind"]]
            return hook(value, cls)

        def is_union(tp: Any, union: Any = union) -> bool:
            return tp == union

        converter.register_structure_hook_func(is_union, structure_tagged)
    return converter


# -- measuring ---------------------------------------------------------------------------


def make_loaders() -> dict[str, Callable[[str], object]]:
    """Return the timed paths: penilaian's load (as installed, and with json's reader), floors."""
    floor = make_floor_converter()
    standard = json.JSONDecoder(parse_float=Decimal, parse_constant=Decimal).decode

    def load_penilaian(text: str) -> object:
        return loads(text, Appraisal)

    def load_penilaian_json(text: str) -> object:
        return structure(standard(text), Appraisal)

    def load_floor(text: str) -> object:
        return floor.structure(json.loads(text, parse_float=Decimal), PlainAppraisal)

    def load_json_only(text: str) -> object:
        return json.loads(text, parse_float=Decimal)

    loaders: dict[str, Callable[[str], object]] = {
        "penilaian": load_penilaian,
        "penilaian, json": load_penilaian_json,
        "floor": load_floor,
        "json only": load_json_only,
    }
    quick = quick_reader()
    if quick is not None:
        loaders["msgspec only"] = quick
    loaders["orjson"] = orjson.loads
    return loaders


def check_equivalent(
    loaders: dict[str, Callable[[str], object]], text: str, first: Appraisal
) -> None:
    """Assert that both paths built the same document (and warm up both converters)."""
    real = loaders["penilaian"](text)
    plain = loaders["floor"](text)
    assert loaders["penilaian, json"](text) == real
    assert isinstance(real, Appraisal)
    assert isinstance(plain, PlainAppraisal)
    assert real == first, "the penilaian round trip changed the document"

    def counts(doc: Appraisal | PlainAppraisal) -> tuple[object, ...]:
        indicators = [i for target in doc.targets for i in target.indicators]
        scores = [rating.score for rating in doc.ratings if rating.score is not None]
        return (
            len(indicators),
            len(doc.raters),
            len(doc.scales),
            len(doc.ratings),
            sum(scores),
            len(doc.feedback),
            len(doc.special_expectations),
        )

    assert counts(real) == counts(plain), (counts(real), counts(plain))
    assert counts(real)[0] == sum(INDICATORS_PER_TARGET)
    assert counts(real)[3] == RATINGS


def main(argv: Sequence[str] | None = None) -> int:
    args = arguments(__doc__, argv)

    built = time.perf_counter()
    texts, first = make_documents(args.n, args.seed)
    built = time.perf_counter() - built
    loaders = make_loaders()
    check_equivalent(loaders, texts[0], first)

    best = dict.fromkeys(loaders, float("inf"))
    for _ in range(args.repeat):
        for name, load in loaders.items():  # interleaved, so drift hits every path alike
            best[name] = min(best[name], time_once(load, texts))

    mean_bytes = sum(len(text.encode()) for text in texts) / len(texts)
    print("bench_load: load and validate appraisals from JSON")
    print(f"document shape: {SHAPE}")
    print(f"  mean JSON size {mean_bytes:,.0f} bytes; seed {args.seed}; built in {built:.1f} s")
    print("measured: penilaian.serialization.loads(text, penilaian.Appraisal), one per document")
    reader = (
        f"msgspec {version('msgspec')} (the speedups extra)" if "msgspec only" in best else "json"
    )
    print(f"          parsing with {reader}; 'penilaian, json': the same with json's reader")
    print(
        "floor:    json.loads(text, parse_float=Decimal), then a default "
        "cattrs.preconf.json converter\n"
        "          .structure(..., PlainAppraisal): frozen attrs mirrors, builtin types, "
        "no validators,\n"
        "          no converters, extra keys allowed, Decimal hook only"
    )
    print(
        "every path parses JSON inside the timed loop; each result is dropped as it comes;\n"
        f"best of {args.repeat} run(s), time.perf_counter"
    )
    print()
    print(f"{'path':<16} {'N':>9} {'total s':>9} {'µs/appraisal':>13} {'vs floor':>9}")
    for name, seconds in best.items():
        per = seconds / args.n * 1e6
        ratio = seconds / best["floor"]
        print(f"{name:<16} {args.n:>9} {seconds:>9.3f} {per:>13.1f} {ratio:>8.2f}x")
    print()
    validation = best["penilaian, json"] / best["floor"]
    print(f"ratio penilaian, json/floor (the same parse): {validation:.2f}")
    print(
        f"ratio penilaian/orjson.loads: {best['penilaian'] / best['orjson']:.2f} "
        f"(issue 13 target: at most 6); penilaian, json/orjson.loads: "
        f"{best['penilaian, json'] / best['orjson']:.2f}"
    )
    print(f"peak RSS: {peak_rss_mib():,.0f} MiB (whole process, input texts included)")
    print(environment("cattrs", "orjson"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
