"""
Every hypothesis strategy for the public types of penilaian.

Each strategy builds only valid values; tests that need invalid input make it
from a valid value on purpose.
"""

from __future__ import annotations

import functools
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any

import attrs
from hypothesis import strategies as st

from penilaian import (
    Grade,
    Impute,
    Mean,
    Median,
    Renormalise,
    Require,
    SurveyResponse,
    TrimmedMean,
    WeightingPolicy,
    Zero,
    load_sample,
)
from penilaian.analysis.curve.check import GradedEmployee
from penilaian.analysis.development import (
    DEFAULT_DEVELOPMENT_CATALOGUE,
    ActionKind,
    DevelopmentAction,
    DevelopmentCatalogue,
    DevelopmentEntitlement,
    LearningShare,
)
from penilaian.analysis.survey import SatisfactionAnswer, ServiceElement, SurveyWeighting
from penilaian.io.export import check_writable
from penilaian.io.siasn import SiasnAppraiser, SiasnAppraiserStatus
from penilaian.model.appraisal import Appraisal, SpecialExpectation
from penilaian.model.behaviour import (
    BUILTIN_FRAMEWORKS,
    BehaviourAspect,
    BehaviourFramework,
)
from penilaian.model.grades import OrganisationGrade
from penilaian.model.nip import Gender, Nip, NipKind
from penilaian.model.organisation import OrgUnit, Position, PositionKind
from penilaian.model.people import Employee
from penilaian.model.periods import Period, PeriodKind
from penilaian.model.raters import (
    EXPECTATION_SCALE,
    OVERALL_BEHAVIOUR,
    OVERALL_WORK_RESULTS,
    ExpectationLevel,
    FeedbackNote,
    NumericScale,
    OrdinalScale,
    Rater,
    RaterRole,
    Rating,
    Scale,
)
from penilaian.model.targets import (
    Aspect,
    Direction,
    Indicator,
    Perspective,
    PointTarget,
    QualitativeTarget,
    RangeTarget,
    Realisation,
    Target,
    TargetKind,
    WorkTarget,
)
from penilaian.regimes.permen6_2022 import PERMEN6_2022_MATRIX

if TYPE_CHECKING:
    from penilaian.policy import MissingRaterPolicy
    from penilaian.typing import AggregationFn

# --- numbers -------------------------------------------------------------------------

positive_decimals = st.decimals(
    min_value=Decimal("0.01"), max_value=Decimal(10**6), places=2, allow_nan=False
)
"""Positive decimals with two places, as targets are usually written."""

non_negative_decimals = st.decimals(
    min_value=Decimal(0), max_value=Decimal(10**6), places=2, allow_nan=False
)
"""Non-negative decimals with two places, as realisations are usually written."""

# --- nip (section owned by _nip.py) ---------------------------------------------------


def genders() -> st.SearchStrategy[Gender]:
    """Either gender recorded in a NIP."""
    return st.sampled_from(Gender)


def nip_kinds() -> st.SearchStrategy[NipKind]:
    """Either kind of civil-servant number, PNS or PPPK."""
    return st.sampled_from(NipKind)


@st.composite
def _nip_birth_and_appointment_year(draw: st.DrawFn) -> tuple[date, int]:
    birth = draw(st.dates(min_value=date(1900, 1, 1), max_value=date(9981, 12, 31)))
    year = draw(st.integers(birth.year + 18, min(birth.year + 70, 9999)))
    return birth, year


@st.composite
def nip_pns_parts(draw: st.DrawFn) -> dict[str, Any]:
    """
    Keyword arguments for `Nip.for_pns` that make a valid PNS NIP.

    The appointment day is any day 1-28, which the NIP drops (TMT is the 1st).
    """
    birth, year = draw(_nip_birth_and_appointment_year())
    return {
        "birth_date": birth,
        "appointment": date(year, draw(st.integers(1, 12)), draw(st.integers(1, 28))),
        "gender": draw(genders()),
        "sequence": draw(st.integers(1, 999)),
    }


@st.composite
def nip_pppk_parts(draw: st.DrawFn) -> dict[str, Any]:
    """Keyword arguments for `Nip.for_pppk` that make a valid NI PPPK."""
    birth, year = draw(_nip_birth_and_appointment_year())
    return {
        "birth_date": birth,
        "appointment_year": year,
        "contract_number": draw(st.integers(1, 9)),
        "gender": draw(genders()),
        "sequence": draw(st.integers(1, 999)),
    }


def nips() -> st.SearchStrategy[Nip]:
    """Valid NIPs of both kinds, built from their parts by the named constructors."""
    return st.one_of(
        nip_pns_parts().map(lambda parts: Nip.for_pns(**parts)),
        nip_pppk_parts().map(lambda parts: Nip.for_pppk(**parts)),
    )


# --- periods (section owned by _periods.py) -------------------------------------------


_period_years = st.integers(1900, 9999)


def period_kinds() -> st.SearchStrategy[PeriodKind]:
    """Any kind of period, custom included."""
    return st.sampled_from(PeriodKind)


def _calendar_periods() -> st.SearchStrategy[Period]:
    return st.one_of(
        st.builds(Period.year, _period_years),
        st.builds(Period.semester, _period_years, st.integers(1, 2)),
        st.builds(Period.quarter, _period_years, st.integers(1, 4)),
        st.builds(Period.month, _period_years, st.integers(1, 12)),
    )


@st.composite
def _custom_periods(draw: st.DrawFn) -> Period:
    # Bounds as periods, so this section does not depend on another's `date` import.
    first, last = Period.year(1900).start, Period.year(9996).end
    start = draw(st.dates(min_value=first, max_value=last))
    return Period.custom(start, start + timedelta(days=draw(st.integers(0, 1000))))


def periods() -> st.SearchStrategy[Period]:
    """
    Valid periods of every kind: years, semesters, quarters, months and custom ranges.

    Calendar units come from the named constructors over 1900-9999.  Custom ranges
    are either a calendar unit re-tagged as custom (so it still prints as an
    interval) or any start with up to 1000 more days, so they cover single days,
    month ends and 29 February.
    """
    calendar = _calendar_periods()
    retagged = calendar.map(lambda period: Period.custom(period.start, period.end))
    return st.one_of(calendar, retagged, _custom_periods())


# --- organisation and behaviour (sections owned by _organisation.py, _behaviour.py) --


_org_words = st.text(
    alphabet=st.characters(codec="utf-8", categories=("L", "N", "P", "Zs")),
    min_size=1,
    max_size=20,
).filter(str.strip)
_org_ids = st.from_regex(r"[a-z][a-z0-9_]{0,11}", fullmatch=True)


def position_kinds() -> st.SearchStrategy[PositionKind]:
    """Any kind of post."""
    return st.sampled_from(PositionKind)


@st.composite
def positions(draw: st.DrawFn) -> Position:
    """Posts of any kind, in a unit or not; only a post in a unit may lead it (mandiri or not)."""
    unit_id = draw(st.none() | _org_ids)
    leads = unit_id is not None and draw(st.booleans())
    return Position(
        title=draw(_org_words),
        kind=draw(position_kinds()),
        unit_id=unit_id,
        leads_unit=leads,
        leads_independent_unit=leads and draw(st.booleans()),
    )


@st.composite
def org_units(draw: st.DrawFn, max_units: int = 8) -> OrgUnit:
    """
    Small organisation trees with unique ids and optional leaders.

    Each unit after the first hangs under a random earlier one, so every shape of
    tree up to *max_units* units can occur.
    """
    ids = draw(st.lists(_org_ids, min_size=1, max_size=max_units, unique=True))
    parents = [draw(st.integers(0, index - 1)) for index in range(1, len(ids))]
    leaders = draw(st.lists(st.none() | _org_ids, min_size=len(ids), max_size=len(ids)))
    names = draw(st.lists(_org_words, min_size=len(ids), max_size=len(ids)))
    kids: list[list[int]] = [[] for _ in ids]
    for index, parent in enumerate(parents, start=1):
        kids[parent].append(index)
    built: dict[int, OrgUnit] = {}
    # Children have higher indices than their parents, so build from the last unit back.
    for index in reversed(range(len(ids))):
        children = [built[kid] for kid in kids[index]]
        built[index] = OrgUnit(ids[index], names[index], leaders[index], children)
    return built[0]


@st.composite
def _custom_frameworks(draw: st.DrawFn) -> BehaviourFramework:
    # Ids, labels and aliases start with different letters (x, l, e, a), so no two
    # aspects can share a spelling after normalisation.
    stems = draw(
        st.lists(st.from_regex(r"[a-z]{1,8}", fullmatch=True), min_size=1, max_size=8, unique=True)
    )
    aspects = [
        BehaviourAspect(
            id=f"x_{stem}",
            label_id=f"Label {stem}",
            label_en=f"English {stem}",
            guide_behaviours=draw(st.lists(_org_words, max_size=3)),
            managerial_only=draw(st.booleans()),
            aliases=draw(st.sampled_from([(), (f"alias-{stem}",)])),
        )
        for stem in stems
    ]
    return BehaviourFramework(
        id=draw(_org_ids),
        name=draw(_org_words),
        source=draw(_org_words),
        aspects=aspects,
        has_special_expectations=draw(st.booleans()),
    )


def behaviour_frameworks() -> st.SearchStrategy[BehaviourFramework]:
    """The built-in frameworks and small custom ones, some with managerial-only aspects."""
    return st.sampled_from(tuple(BUILTIN_FRAMEWORKS.values())) | _custom_frameworks()


# --- targets, raters, appraisal -------------------------------------------------------


_texts = st.text(
    alphabet=st.characters(codec="utf-8", categories=("L", "N", "P", "Zs")),
    min_size=1,
    max_size=20,
).filter(str.strip)
# Ids drawn here never contain "-" or ".", so ids built with them ("emp-1", "t0.i1")
# cannot collide with drawn ones.
_ids = st.from_regex(r"[a-z0-9]{1,12}", fullmatch=True)
_units = st.sampled_from(["laporan", "dokumen", "%", "hari", "bulan", "Rp"])
_steps = st.sampled_from([Decimal("0.1"), Decimal("0.5"), Decimal(1), Decimal(5), Decimal(10)])
# Built once: strategies made inside a composite are validated again on every draw.
_optional_texts = st.none() | _texts
_optional_units = st.none() | _units
_optional_ids = st.none() | _ids
_evidence = st.lists(_texts, max_size=3)
_any_days = st.dates(min_value=date(1900, 1, 1), max_value=date(9999, 12, 31))
_optional_values = st.none() | non_negative_decimals
_optional_steps = st.none() | _steps
_optional_perspectives = st.none() | st.sampled_from(Perspective)
_aspects = st.sampled_from(Aspect)
_directions = st.sampled_from(Direction)
_target_kinds = st.sampled_from(TargetKind)


@functools.lru_cache(maxsize=256)
def _days(period: Period | None) -> st.SearchStrategy[date]:
    if period is None:
        return _any_days
    return st.dates(min_value=period.start, max_value=period.end)


@st.composite
def employees(draw: st.DrawFn) -> Employee:
    """
    Appraised people, with or without a NIP.

    The id is either drawn text or the NIP's digits, and the NIP is given as a `Nip`,
    as its compact digits or spaced as printed, so the converter sees every shape.
    """
    nip = draw(st.none() | nips())
    if nip is None:
        return Employee(id=draw(_ids), name=draw(_texts))
    return Employee(
        id=nip.digits if draw(st.booleans()) else draw(_ids),
        name=draw(_texts),
        nip=draw(st.sampled_from([nip, nip.digits, nip.spaced])),
    )


def point_targets() -> st.SearchStrategy[PointTarget]:
    """Single numeric targets, greater than 0."""
    return st.builds(PointTarget, positive_decimals)


@st.composite
def range_targets(draw: st.DrawFn) -> RangeTarget:
    """Target ranges whose low end is greater than 0 and high end greater than low."""
    low = draw(positive_decimals)
    return RangeTarget(low, low + draw(positive_decimals))


def qualitative_targets() -> st.SearchStrategy[QualitativeTarget]:
    """Targets described in words."""
    return st.builds(QualitativeTarget, _texts)


def targets() -> st.SearchStrategy[Target]:
    """Any of the three kinds of target."""
    return st.one_of(point_targets(), range_targets(), qualitative_targets())


@st.composite
def realisations(
    draw: st.DrawFn, numeric: bool = True, period: Period | None = None
) -> Realisation:
    """
    Realisations of a numeric target (*numeric*: always a value) or a qualitative one.

    A qualitative realisation always has a description and sometimes a value.
    *recorded_on* is missing or, when *period* is given, a day inside it.
    """
    value = draw(non_negative_decimals if numeric else _optional_values)
    description = draw(_optional_texts) if numeric else draw(_texts)
    return Realisation(
        value=value,
        description=description,
        evidence=draw(_evidence),
        recorded_on=draw(_days(period)) if draw(st.booleans()) else None,
    )


@st.composite
def indicators(
    draw: st.DrawFn, indicator_id: str | None = None, period: Period | None = None
) -> Indicator:
    """
    Indicators of every aspect and direction, realised or not (missing is `None`).

    A qualitative target gets a realisation with a description; a numeric target a
    realisation with a value.  *indicator_id* fixes the id; *period* bounds the
    realisation's date.
    """
    target = draw(targets())
    numeric = not isinstance(target, QualitativeTarget)
    return Indicator(
        id=draw(_ids) if indicator_id is None else indicator_id,
        description=draw(_texts),
        aspect=draw(_aspects),
        target=target,
        direction=draw(_directions),
        unit=draw(_optional_units),
        realisation=(
            draw(realisations(numeric=numeric, period=period)) if draw(st.booleans()) else None
        ),
        target_is_maximum=draw(st.booleans()),
    )


@st.composite
def work_targets(
    draw: st.DrawFn, id_prefix: str = "t", period: Period | None = None, max_indicators: int = 4
) -> WorkTarget:
    """
    Work targets with 1 to *max_indicators* indicators.

    The target's id is *id_prefix* and its indicators are ``<id_prefix>.i0``,
    ``<id_prefix>.i1``..., so targets built with different prefixes never share an id.
    """
    count = draw(st.integers(1, max_indicators))
    return WorkTarget(
        id=id_prefix,
        title=draw(_texts),
        indicators=[
            draw(indicators(indicator_id=f"{id_prefix}.i{index}", period=period))
            for index in range(count)
        ],
        kind=draw(_target_kinds),
        cascades_from=draw(_optional_ids),
        perspective=draw(_optional_perspectives),
    )


@st.composite
def raters(draw: st.DrawFn) -> Rater:
    """Raters in every role; a public respondent may have no employee id."""
    role = draw(st.sampled_from(RaterRole))
    optional = role is RaterRole.PUBLIC and draw(st.booleans())
    return Rater(
        id=draw(_ids),
        role=role,
        employee_id=None if optional else draw(_ids),
        name=draw(_optional_texts),
    )


@st.composite
def numeric_scales(draw: st.DrawFn, scale_id: str | None = None) -> NumericScale:
    """Numeric scales, with or without a step; *scale_id* fixes the id."""
    minimum = draw(st.decimals(min_value=-100, max_value=100, places=1))
    width = draw(st.decimals(min_value=Decimal("0.1"), max_value=100, places=1))
    return NumericScale(
        id=draw(_ids) if scale_id is None else scale_id,
        minimum=minimum,
        maximum=minimum + width,
        step=draw(_optional_steps),
    )


@st.composite
def _custom_ordinal_scales(draw: st.DrawFn, scale_id: str | None = None) -> OrdinalScale:
    # Levels are distinct letter-only words; an alias is a level plus a digit, so no
    # alias folds to another level or alias.
    words = draw(
        st.lists(st.from_regex(r"[a-z]{1,8}", fullmatch=True), min_size=2, max_size=5, unique=True)
    )
    levels = [word.title() if draw(st.booleans()) else word for word in words]
    aliases = [
        (f"{level} {index}", level) for index, level in enumerate(levels) if draw(st.booleans())
    ]
    return OrdinalScale(
        id=draw(_ids) if scale_id is None else scale_id, levels=levels, aliases=aliases
    )


def ordinal_scales(scale_id: str | None = None) -> st.SearchStrategy[OrdinalScale]:
    """
    Ordinal scales: `EXPECTATION_SCALE` and small custom ones with aliases.

    *scale_id* fixes the id of custom scales; `EXPECTATION_SCALE` keeps its own id
    ("expectation"), so pass a different one when ids must be unique.
    """
    return st.just(EXPECTATION_SCALE) | _custom_ordinal_scales(scale_id)


def scales(scale_id: str | None = None) -> st.SearchStrategy[Scale]:
    """Either kind of scale; *scale_id* fixes the id as for `ordinal_scales`."""
    return numeric_scales(scale_id) | ordinal_scales(scale_id)


@st.composite
def scores_on(draw: st.DrawFn, scale: NumericScale) -> Decimal:
    """Scores that lie on *scale*: a whole number of steps above its minimum, if it has a step."""
    if scale.step is None:
        return draw(st.decimals(min_value=scale.minimum, max_value=scale.maximum, places=2))
    steps = int((scale.maximum - scale.minimum) // scale.step)
    return scale.minimum + draw(st.integers(0, steps)) * scale.step


def levels_on(scale: OrdinalScale) -> st.SearchStrategy[str]:
    """
    Spellings of the levels of *scale*: canonical levels and aliases, as given or re-cased.

    On `EXPECTATION_SCALE` this includes "Di Atas Ekspektasi", "below" and "di bawah ekspetasi".
    """
    spellings = [*scale.levels, *(alias for alias, _ in scale.aliases)]
    return st.builds(
        lambda spelling, case: case(spelling),
        st.sampled_from(spellings),
        st.sampled_from([str, str.upper, str.lower]),
    )


@st.composite
def ratings_for(
    draw: st.DrawFn,
    scale: Scale,
    rater_id: str | None = None,
    subject: str | None = None,
    period: Period | None = None,
) -> Rating:
    """
    Ratings whose value lies on *scale*: a score on a numeric scale, a level on an ordinal one.

    *rater_id* and *subject* fix those fields; *period* bounds *rated_on*.
    """
    if isinstance(scale, NumericScale):
        value: dict[str, Any] = {"score": draw(scores_on(scale))}
    else:
        value = {"level": draw(levels_on(scale))}
    return Rating(
        rater_id=draw(_ids) if rater_id is None else rater_id,
        subject=draw(_ids) if subject is None else subject,
        scale_id=scale.id,
        comment=draw(_optional_texts),
        rated_on=draw(_days(period)) if draw(st.booleans()) else None,
        **value,
    )


@st.composite
def feedback_notes(
    draw: st.DrawFn,
    period: Period | None = None,
    author_ids: tuple[str, ...] | None = None,
    subjects: tuple[str, ...] | None = None,
) -> FeedbackNote:
    """
    Feedback notes dated inside *period* (any day without one).

    The author is one of *author_ids* and the subject missing or one of *subjects*,
    when given.
    """
    authors = _ids if author_ids is None else st.sampled_from(author_ids)
    about = _ids if subjects is None else st.sampled_from(subjects)
    return FeedbackNote(
        given_on=draw(_days(period)),
        author_id=draw(authors),
        text=draw(_texts),
        subject=draw(about) if draw(st.booleans()) else None,
        evidence=draw(st.lists(_texts, max_size=2)),
    )


def special_expectations(aspect_id: str | None = None) -> st.SearchStrategy[SpecialExpectation]:
    """A leader's special expectations; *aspect_id* fixes the aspect."""
    return st.builds(
        SpecialExpectation,
        aspect_id=_ids if aspect_id is None else st.just(aspect_id),
        text=_texts,
    )


_OTHER_ROLES = tuple(role for role in RaterRole if role is not RaterRole.SELF)


@st.composite
def appraisals(draw: st.DrawFn, min_ratings: int = 0) -> Appraisal:
    """
    Valid appraisals: every cross-field rule of `Appraisal` holds.

    Ids are derived from indices so they are unique: targets ``t0``..``t3`` with
    indicators ``t0.i0``..., raters ``r0``..``r5``, scales ``s0``..``s2`` (plus
    `EXPECTATION_SCALE`, id "expectation").  At most one rater is the self rater, with
    the employee's id; the others are employees ``emp-<n>`` (never the appraised one),
    or no one for some public respondents.  Ratings are by known raters about known
    subjects, on a known scale, at most one per rater and subject; feedback is dated
    inside the period; special expectations occur only on frameworks that have them,
    at most one per aspect.  *min_ratings* forces at least that many ratings.
    """
    employee = draw(employees())
    period = draw(periods())
    framework = draw(behaviour_frameworks())
    work = [
        draw(work_targets(id_prefix=f"t{index}", period=period))
        for index in range(draw(st.integers(1, 4)))
    ]

    need = 1 if min_ratings else 0
    people: list[Rater] = []
    if draw(st.booleans()):
        people.append(Rater("r0", RaterRole.SELF, employee.id, draw(_optional_texts)))
    for index in range(len(people), draw(st.integers(max(need, len(people)), 6))):
        role = draw(st.sampled_from(_OTHER_ROLES))
        anonymous = role is RaterRole.PUBLIC and draw(st.booleans())
        people.append(Rater(f"r{index}", role, None if anonymous else f"emp-{index}"))

    rating_scales: list[Scale] = [EXPECTATION_SCALE] if draw(st.booleans()) else []
    low = need if not rating_scales else 0
    rating_scales += [
        draw(numeric_scales(f"s{index}") | _custom_ordinal_scales(f"s{index}"))
        for index in range(draw(st.integers(low, 3)))
    ]

    subjects = (
        OVERALL_WORK_RESULTS,
        OVERALL_BEHAVIOUR,
        *(aspect.id for aspect in framework.aspects),
        *(target.id for target in work),
        *(indicator.id for target in work for indicator in target.indicators),
    )
    rater_ids = tuple(rater.id for rater in people)
    ratings: list[Rating] = []
    if people and rating_scales:
        pairs = draw(
            st.lists(
                st.tuples(st.sampled_from(rater_ids), st.sampled_from(subjects)),
                min_size=min_ratings,
                max_size=max(min_ratings, 8),
                unique=True,
            )
        )
        ratings = [
            draw(ratings_for(draw(st.sampled_from(rating_scales)), rater, subject, period))
            for rater, subject in pairs
        ]
    notes = (
        draw(st.lists(feedback_notes(period, rater_ids, subjects), max_size=3)) if people else []
    )
    expectations: list[SpecialExpectation] = []
    if framework.has_special_expectations:
        aspect_ids = [aspect.id for aspect in framework.aspects]
        chosen = draw(st.lists(st.sampled_from(aspect_ids), max_size=3, unique=True))
        expectations = [draw(special_expectations(aspect_id)) for aspect_id in chosen]

    return Appraisal(
        id=draw(_ids),
        employee=employee,
        position=draw(positions()),
        period=period,
        framework=framework,
        targets=work,
        raters=people,
        scales=rating_scales,
        ratings=ratings,
        feedback=notes,
        special_expectations=expectations,
    )


# --- distribution curve and calibration (sections owned by _curve.py, _calibration.py) --


def organisation_grades() -> st.SearchStrategy[OrganisationGrade]:
    """Any organisation grade (capaian kinerja organisasi)."""
    return st.sampled_from(OrganisationGrade)


@st.composite
def graded_employees(draw: st.DrawFn, employee_id: str, unit_id: str = "unit") -> GradedEmployee:
    """An employee of *unit_id* in a matrix cell; sometimes a leader, sometimes unrated."""
    work, behaviour = draw(st.sampled_from(sorted(PERMEN6_2022_MATRIX, key=str)))
    grade = PERMEN6_2022_MATRIX[work, behaviour]
    if draw(st.integers(0, 9)) == 0:  # ratings unknown: calibration cannot move them
        return GradedEmployee(employee_id, grade, unit_id)
    fixed = draw(st.integers(0, 4)) == 0
    return GradedEmployee(employee_id, grade, unit_id, work, behaviour, work_fixed=fixed)


@st.composite
def units(draw: st.DrawFn, min_size: int = 1, max_size: int = 12) -> list[GradedEmployee]:
    """The employees of one unit, ids unique, in a drawn order."""
    size = draw(st.integers(min_size, max_size))
    staff = [draw(graded_employees(f"emp-{index:03d}")) for index in range(size)]
    return draw(st.permutations(staff))


def expectation_levels() -> st.SearchStrategy[ExpectationLevel]:
    """Below, meets or above expectations."""
    return st.sampled_from(ExpectationLevel)


# --- public satisfaction index (section owned by _survey.py) ----------------------------


def service_elements() -> st.SearchStrategy[ServiceElement]:
    """Any of the nine service elements."""
    return st.sampled_from(ServiceElement)


def satisfaction_answers() -> st.SearchStrategy[SatisfactionAnswer]:
    """Any answer on the 1-4 scale, as a labelled member."""
    return st.sampled_from(SatisfactionAnswer)


def survey_weightings() -> st.SearchStrategy[SurveyWeighting]:
    """Either weighting, official (0.11) or exact (1/9)."""
    return st.sampled_from(SurveyWeighting)


def element_subsets() -> st.SearchStrategy[tuple[ServiceElement, ...]]:
    """A non-empty set of surveyed elements, in the elements' order."""
    return st.sets(service_elements(), min_size=1).map(
        lambda chosen: tuple(element for element in ServiceElement if element in chosen)
    )


@st.composite
def survey_responses(
    draw: st.DrawFn,
    elements: tuple[ServiceElement, ...] = tuple(ServiceElement),
    min_size: int = 1,
    max_size: int = 12,
) -> list[SurveyResponse]:
    """
    Responses with unique ids, each answering some of *elements*, every element by someone.

    Respondents leave elements out at random (an unanswered element is absent); an
    element nobody answered is then given to a drawn respondent, so the survey is valid.
    """
    size = draw(st.integers(min_size, max_size))
    scores = st.integers(1, 4)
    rows: list[dict[ServiceElement, int]] = []
    for _ in range(size):
        row = {
            element: draw(scores)
            for element in elements
            if draw(st.booleans() | st.just(True))  # answered more often than not
        }
        rows.append(row or {draw(st.sampled_from(elements)): draw(scores)})
    for element in elements:
        if all(element not in row for row in rows):
            rows[draw(st.integers(0, size - 1))][element] = draw(scores)
    return [SurveyResponse(f"r-{index}", row) for index, row in enumerate(rows)]


# --- development recommendations (owned by _gaps, _catalogue, _development, _careers) ---


_SLUGS = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789_-.", min_size=1, max_size=12)
_TITLES = st.text(min_size=1, max_size=30).filter(str.strip)
_COMPETENCIES = tuple(sorted(DEFAULT_DEVELOPMENT_CATALOGUE.competencies))


def action_kinds() -> st.SearchStrategy[ActionKind]:
    """Every kind of development action."""
    return st.sampled_from(ActionKind)


def learning_shares() -> st.SearchStrategy[LearningShare]:
    """The three parts of the 70-20-10 model."""
    return st.sampled_from(LearningShare)


@st.composite
def development_actions(
    draw: st.DrawFn, action_id: str | None = None, competency: str | None = None
) -> DevelopmentAction:
    """Valid actions for a known competency, with whole positive hours and both titles."""
    kind = draw(action_kinds())
    return DevelopmentAction(
        id=action_id if action_id is not None else draw(_SLUGS),
        competency=competency if competency is not None else draw(st.sampled_from(_COMPETENCIES)),
        kind=kind,
        hours=draw(st.integers(1, 80)),
        title_id=draw(_TITLES),
        title_en=draw(_TITLES),
        share=draw(st.just(kind.share) | learning_shares()),
    )


@st.composite
def development_catalogues(draw: st.DrawFn) -> DevelopmentCatalogue:
    """Valid catalogues over the built-in frameworks: unique ids, known competencies."""
    size = draw(st.integers(1, 12))
    return DevelopmentCatalogue(
        [draw(development_actions(action_id=f"a{index}")) for index in range(size)]
    )


@st.composite
def default_catalogue_subsets(draw: st.DrawFn) -> DevelopmentCatalogue:
    """Catalogues made of some of the default actions, in a drawn order."""
    actions = draw(st.permutations(DEFAULT_DEVELOPMENT_CATALOGUE.actions))
    return DevelopmentCatalogue(actions[: draw(st.integers(1, len(actions)))])


@st.composite
def development_entitlements(draw: st.DrawFn) -> DevelopmentEntitlement:
    """Entitlements with a minimum, a maximum, both (maximum >= minimum) or neither."""
    minimum = draw(st.none() | st.integers(0, 60))
    low = 0 if minimum is None else minimum
    maximum = draw(st.none() | st.integers(low, low + 60))
    return DevelopmentEntitlement(minimum=minimum, maximum=maximum, basis="test")


@st.composite
def grade_histories(
    draw: st.DrawFn, first: int = 2014, last: int = 2025
) -> dict[int, Grade | None]:
    """Annual grades; some years absent, some mapped to `None` (both unknown)."""
    years = draw(st.lists(st.integers(first, last), unique=True, max_size=last - first + 1))
    return {year: draw(st.none() | st.sampled_from(Grade)) for year in years}


@st.composite
def shuffled(draw: st.DrawFn, appraisal: Appraisal) -> Appraisal:
    """The same appraisal with its targets, indicators, raters, ratings and notes reordered."""
    targets = [
        attrs.evolve(target, indicators=draw(st.permutations(target.indicators)))
        for target in draw(st.permutations(appraisal.targets))
    ]
    return attrs.evolve(
        appraisal,
        targets=targets,
        raters=draw(st.permutations(appraisal.raters)),
        ratings=draw(st.permutations(appraisal.ratings)),
        feedback=draw(st.permutations(appraisal.feedback)),
    )


_REALISED = st.decimals(min_value=1, max_value=200, places=1, allow_nan=False)


def _realised(draw: st.DrawFn, appraisal: Appraisal) -> Appraisal:
    for target, indicator in appraisal.indicators():
        if indicator.realisation is not None and indicator.realisation.value is not None:
            realisation = Realisation(draw(_REALISED))
            appraisal = appraisal.with_realisation(target.id, indicator.id, realisation)
    return appraisal


def _notes(draw: st.DrawFn, appraisal: Appraisal, author: str) -> list[FeedbackNote]:
    aspects = [aspect.id for aspect in appraisal.framework.aspects]
    day = st.dates(min_value=appraisal.period.start, max_value=appraisal.period.end)
    return [
        FeedbackNote(draw(day), author, "catatan", subject=draw(st.sampled_from(aspects)))
        for _ in range(draw(st.integers(0, 4)))
    ]


@st.composite
def varied_appraisals(draw: st.DrawFn, regime_id: str) -> Appraisal:
    """
    A shipped sample with drawn realisations, behaviour ratings and feedback notes.

    ``pp46_2011`` and ``pp30_2019`` get drawn supervisor scores on their 0-100 and
    0-120 scales; ``generic`` drawn 1-5 scores from every rater; ``permen6_2022``
    drawn expectation levels from the supervisor for the two overall ratings and
    for every BerAKHLAK value (in place of the sample's numeric ones).  Every one is
    scorable by its regime with the default configuration.
    """
    sample = _realised(draw, load_sample(regime_id))
    roles = sample.rater_roles
    ratings: list[Rating] = []
    for rating in sample.ratings:
        scale = sample.scale(rating.scale_id)
        supervisor = roles[rating.rater_id] is RaterRole.SUPERVISOR
        if regime_id == "permen6_2022" and supervisor:
            level = draw(st.sampled_from(ExpectationLevel)).value
            ratings.append(
                Rating(rating.rater_id, rating.subject, EXPECTATION_SCALE.id, level=level)
            )
        elif isinstance(scale, NumericScale):
            whole = st.integers(int(scale.minimum), int(scale.maximum)).map(Decimal)
            ratings.append(attrs.evolve(rating, score=draw(whole)))
        else:
            ratings.append(rating)
    author = next(rater.id for rater in sample.raters if rater.role is RaterRole.SUPERVISOR)
    return attrs.evolve(sample, ratings=ratings, feedback=_notes(draw, sample, author))


# --- SIASN export (owned by io/siasn.py) ----------------------------------------------


def siasn_texts() -> st.SearchStrategy[str]:
    """Non-empty text of any Unicode (names, positions, units), commas and quotes included."""
    alphabet = st.characters(blacklist_categories=("Cs",))
    return st.text(alphabet, min_size=1, max_size=30).filter(lambda text: text.strip() != "")


@st.composite
def siasn_appraisers(draw: st.DrawFn) -> SiasnAppraiser:
    """An ASN appraiser with a valid NIP, or a NON ASN one with any NRP and maybe no golongan."""
    status = draw(st.sampled_from(list(SiasnAppraiserStatus)))
    if status is SiasnAppraiserStatus.ASN:
        nip, golongan = draw(nips()).digits, draw(siasn_texts())
    else:
        nip, golongan = draw(siasn_texts()), draw(st.none() | siasn_texts())
    return SiasnAppraiser(
        status=status,
        name=draw(siasn_texts()),
        nip=nip,
        position=draw(siasn_texts()),
        golongan_id=golongan,
        unit=draw(siasn_texts()),
    )


# --- policy files (owned by io/policy.py) ---------------------------------------------


def _fractions(low: Fraction, high: Fraction) -> st.SearchStrategy[Fraction]:
    """Exact fractions in [low, high] with small denominators."""
    return st.builds(
        Fraction, st.integers(0, 240), st.sampled_from([1, 2, 3, 4, 6, 7, 10, 12, 60])
    ).filter(lambda value: low <= value <= high)


def aggregations() -> st.SearchStrategy[AggregationFn]:
    """Every aggregation a policy file can hold: mean, median, trimmed means below 1/2."""
    below_half = _fractions(Fraction(0), Fraction(1, 2)).filter(
        lambda value: value < Fraction(1, 2)
    )
    return st.one_of(st.just(Mean()), st.just(Median()), st.builds(TrimmedMean, below_half))


def missing_rater_policies() -> st.SearchStrategy[MissingRaterPolicy]:
    """Every missing-rater rule, with exact imputed values (on a 0-100 scale or so)."""
    return st.one_of(
        st.just(Renormalise()),
        st.just(Require()),
        st.just(Zero()),
        st.builds(Impute, _fractions(Fraction(0), Fraction(100))),
    )


@st.composite
def weighting_policies(draw: st.DrawFn) -> WeightingPolicy:
    """A policy that a file can hold: some roles with exact weights summing to 1, and the rest."""
    roles = draw(st.lists(st.sampled_from(list(RaterRole)), min_size=1, max_size=6, unique=True))
    amounts = draw(st.lists(st.integers(0, 60), min_size=len(roles), max_size=len(roles)))
    if not any(amounts):
        amounts[0] = 1
    total = sum(amounts)
    weights = {role: Fraction(amount, total) for role, amount in zip(roles, amounts, strict=True)}
    counted = draw(st.lists(st.sampled_from(roles), unique=True))
    return WeightingPolicy(
        weights,
        missing=draw(missing_rater_policies()),
        aggregation=draw(aggregations()),
        min_raters={role: draw(st.integers(0, 5)) for role in counted},
        count_self=RaterRole.SELF in weights,
    )


# --- reports (owned by reporting/) ----------------------------------------------------


HOSTILE_PIECES = (
    "<script>alert('x')</script>",
    '"><img src=x onerror=alert(1)>',
    "</td></tr></table>",
    "&amp; &lt; &#x27; &nbsp;",
    "A | B || C",
    "**bold** _em_ `code` ~~gone~~",
    "[link](javascript:alert(1))",
    "# heading",
    "- item",
    "1. first",
    "---",
    "> quote",
    "\\",
    "line\nbreak\r\nand\ttab",
    "\x00\x08\x1b\x7f\x85\ufffe",
    'O\'Brien & "Sons"',
    "]]> <!-- -->",
    "Rina Wulandari, S.E.",
)
"""Fragments that break naive HTML or Markdown: tags, entities, pipes, list marks, controls."""


@st.composite
def hostile_texts(draw: st.DrawFn) -> str:
    """Text built from hostile fragments and arbitrary characters, never blank."""
    pieces = draw(
        st.lists(st.one_of(st.sampled_from(HOSTILE_PIECES), st.text(max_size=8)), max_size=5)
    )
    text = "".join(pieces)
    return text if text.strip() else f"x{text}"


# --- spreadsheets (owned by io/spreadsheet.py and its modules) ------------------------


def _writable(appraisal: Appraisal) -> bool:
    return not check_writable([appraisal])


def writable_appraisals() -> st.SearchStrategy[Appraisal]:
    """
    Appraisals a spreadsheet carries faithfully (about half of `strategies.appraisals`).

    A built-in behaviour framework, text without spaces around it, list items
    without semicolons: what `penilaian.io.spreadsheet.write_appraisals` accepts.
    """
    return appraisals().filter(_writable)


excel_decimals = st.decimals(
    min_value=Decimal("-1e12"), max_value=Decimal("1e12"), places=3, allow_nan=False
)
"""Decimals of at most 15 significant digits, which an XLSX cell keeps exactly."""

long_decimals = st.builds(
    lambda digits, exponent: Decimal(digits).scaleb(exponent),
    st.integers(10**15, 10**25),
    st.integers(-12, 4),
).filter(lambda value: len(value.normalize().as_tuple().digits) > 15)
"""Decimals of more than 15 significant digits, which an XLSX number cell would round."""
