"""
Development gaps: the weaknesses an appraisal result shows, each with its evidence.

`find_gaps` reads a `penilaian.Result` of any regime together with its appraisal and
returns every `penilaian.analysis.development.DevelopmentGap`: indicators below target, behaviour
aspects
below expectations or with low scores, an overall rating below expectations (or, when
nothing more specific is known, a grade below the bar), large self-other gaps and
recurring feedback themes, under the thresholds of a `penilaian.analysis.development.GapPolicy`.

Nothing is invented: a figure the result does not have is not a gap and not zero.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from decimal import Decimal
from typing import Final

import attrs

from penilaian._base.rounding import figure
from penilaian.analysis.development.catalogue import PERFORMANCE_COMPETENCY, work_competency
from penilaian.analysis.development.gap_rules import (
    DEFAULT_GAP_POLICY,
    DevelopmentGap,
    EvidenceSource,
    GapEvidence,
    GapKind,
    GapPolicy,
    GapSeverity,
)
from penilaian.analysis.raters.effects import RaterAnalytics
from penilaian.analysis.raters.findings import FindingKind
from penilaian.exceptions import InvalidValueError, UnknownReferenceError
from penilaian.model.appraisal import Appraisal
from penilaian.model.grades import GRADE_RANKING, Grade
from penilaian.model.raters import (
    OVERALL_BEHAVIOUR,
    OVERALL_WORK_RESULTS,
    ExpectationLevel,
    OrdinalScale,
    RaterRole,
)
from penilaian.model.targets import Aspect, Indicator, PointTarget, QualitativeTarget
from penilaian.scoring.achievement import achievements
from penilaian.scoring.result import Result

__all__ = ["find_gaps"]

_H, _M, _L = GapSeverity.HIGH, GapSeverity.MEDIUM, GapSeverity.LOW


_INDICATOR_KEY: Final = re.compile(r"indicator\[(?P<id>.+)\]\.achievement")
_ACTIVITY_KEY: Final = re.compile(r"activity\[(?P<id>.+)\]\.(?P<aspect>quantity|quality|time|cost)")
_ASPECT_KEY: Final = re.compile(r"(?:behaviour|subject)\[(?P<id>.+)\]")
_BELOW: Final = ExpectationLevel.BELOW


def _level(text: str) -> ExpectationLevel | None:
    try:
        return ExpectationLevel.parse(text)
    except InvalidValueError:
        return None


def _grade_severity(grade: Grade) -> GapSeverity:
    rank = GRADE_RANKING[grade]
    return _H if rank <= 2 else _M if rank == 3 else _L


def _rated_below(text: str, bar: Grade) -> tuple[GapSeverity, str] | None:
    """Return the severity and threshold of a rating that is below the bar, else `None`."""
    if _level(text) is _BELOW:
        return _M, f"= {_BELOW.value}"
    try:
        grade = Grade.parse(text)
    except InvalidValueError:
        return None
    if GRADE_RANKING[grade] < GRADE_RANKING[bar]:
        return _grade_severity(grade), f"below {bar.value}"
    return None


@attrs.frozen
class _Sources:
    """A result with its appraisal and policy, and the lookups the gap finders share."""

    result: Result
    appraisal: Appraisal
    policy: GapPolicy
    aspects: frozenset[str]
    indicators: Mapping[str, Indicator]
    targets: Mapping[str, tuple[Indicator, ...]]

    @classmethod
    def of(cls, result: Result, appraisal: Appraisal, policy: GapPolicy) -> _Sources:
        return cls(
            result,
            appraisal,
            policy,
            frozenset(aspect.id for aspect in appraisal.framework.aspects),
            {indicator.id: indicator for _, indicator in appraisal.indicators()},
            {target.id: target.indicators for target in appraisal.targets},
        )

    def indicator(self, indicator_id: str, key: str) -> Indicator:
        found = self.indicators.get(indicator_id)
        if found is None:
            reason = f"names no indicator of appraisal {self.appraisal.id}"
            raise UnknownReferenceError("figures", key, reason)
        return found

    def activity(self, target_id: str, aspect: Aspect, key: str) -> Indicator:
        for indicator in self.targets.get(target_id, ()):
            if indicator.aspect is aspect:
                return indicator
        reason = f"names no {aspect.value} indicator of a work target of {self.appraisal.id}"
        raise UnknownReferenceError("figures", key, reason)

    def competency_of(self, subject: str) -> str:
        if subject in self.indicators:
            return work_competency(self.indicators[subject].aspect)
        return OVERALL_WORK_RESULTS if subject in self.targets else subject


def _gap(
    kind: GapKind,
    competency: str,
    subject: str,
    evidence: tuple[EvidenceSource, str, Decimal | str, str],
    severity: GapSeverity,
) -> DevelopmentGap:
    return DevelopmentGap(kind, competency, subject, GapEvidence(*evidence), severity)


def _over_target(indicator: Indicator) -> bool:
    realised = indicator.realisation.value if indicator.realisation else None
    target = indicator.target
    return realised is not None and isinstance(target, PointTarget) and realised > target.value


def _reported_indicator_gaps(sources: _Sources) -> list[DevelopmentGap] | None:
    """Gaps from the result's indicator and activity figures; `None` when it has none."""
    policy, gaps, reported = sources.policy, [], False
    for key, value in sources.result.figures.items():
        if match := _INDICATOR_KEY.fullmatch(key):
            indicator = sources.indicator(match["id"], key)
            threshold, test, counts = policy.achievement, policy.achievement.describe(), True
        elif match := _ACTIVITY_KEY.fullmatch(key):
            indicator = sources.activity(match["id"], Aspect(match["aspect"]), key)
            if indicator.aspect in (Aspect.TIME, Aspect.COST):
                threshold = policy.pp46_time_cost
                test = f"{threshold.describe()} and realised above target"
                counts = _over_target(indicator)
            else:
                threshold, test, counts = policy.achievement, policy.achievement.describe(), True
        else:
            continue
        reported = True
        if counts and threshold.is_gap(value):
            evidence = (EvidenceSource.FIGURE, key, value, test)
            gaps.append(_gap(GapKind.BELOW_TARGET, work_competency(indicator.aspect), indicator.id,
                             evidence, threshold.severity.classify(value)))  # fmt: skip
    return gaps if reported else None


def _computed_indicator_gaps(sources: _Sources) -> list[DevelopmentGap]:
    """Gaps from achievement computed from the appraisal; missing realisations are skipped."""
    threshold = sources.policy.achievement
    found, _ = achievements(sources.appraisal, sources.policy.computed_kinds, "development")
    gaps = []
    for indicator, exact in found:
        if threshold.is_gap(exact):
            key = f"indicator[{indicator.id}].achievement"
            evidence = (EvidenceSource.APPRAISAL, key, figure(exact), threshold.describe())
            gaps.append(_gap(GapKind.BELOW_TARGET, work_competency(indicator.aspect), indicator.id,
                             evidence, threshold.severity.classify(exact)))  # fmt: skip
    return gaps


def _rated_indicator_gaps(sources: _Sources) -> list[DevelopmentGap]:
    """Gaps of qualitative targets that the result rates below expectations or the bar."""
    gaps = []
    for indicator in sources.indicators.values():
        if not isinstance(indicator.target, QualitativeTarget):
            continue
        for key in (f"indicator[{indicator.id}].category", f"indicator[{indicator.id}]"):
            text = sources.result.ratings.get(key)
            below = None if text is None else _rated_below(text, sources.policy.grade_bar)
            if text is not None and below is not None:
                evidence = (EvidenceSource.RATING, key, text, below[1])
                gaps.append(_gap(GapKind.BELOW_TARGET, work_competency(indicator.aspect),
                                 indicator.id, evidence, below[0]))  # fmt: skip
    return gaps


def _indicator_gaps(sources: _Sources) -> list[DevelopmentGap]:
    reported = _reported_indicator_gaps(sources)
    found = _computed_indicator_gaps(sources) if reported is None else reported
    return [*found, *_rated_indicator_gaps(sources)]


def _aspect_rating_gaps(sources: _Sources) -> list[DevelopmentGap]:
    result, appraisal, gaps = sources.result, sources.appraisal, []
    for key, text in result.ratings.items():
        match = _ASPECT_KEY.fullmatch(key)
        if match and _level(text) is _BELOW:
            aspect = match["id"]
            evidence = (EvidenceSource.RATING, key, text, f"= {_BELOW.value}")
            gaps.append(_gap(GapKind.BELOW_EXPECTATIONS, aspect, aspect, evidence, _M))
    roles = appraisal.rater_roles
    for rating in appraisal.ratings:
        subject = rating.subject
        if (
            subject not in sources.aspects
            or rating.level is None
            or roles[rating.rater_id] is not RaterRole.SUPERVISOR
            or f"behaviour[{subject}]" in result.ratings
        ):
            continue
        scale = appraisal.scale(rating.scale_id)
        level = _level(scale.resolve(rating.level)) if isinstance(scale, OrdinalScale) else None
        if level is _BELOW:
            key = f"ratings[{subject}][{rating.rater_id}]"
            evidence = (EvidenceSource.APPRAISAL, key, _BELOW.value, f"= {_BELOW.value}")
            gaps.append(_gap(GapKind.BELOW_EXPECTATIONS, subject, subject, evidence, _M))
    return gaps


def _aspect_score_gaps(sources: _Sources) -> list[DevelopmentGap]:
    threshold = sources.policy.behaviour.get(sources.result.regime)
    if threshold is None:
        return []
    gaps = []
    for key, value in sources.result.figures.items():
        match = _ASPECT_KEY.fullmatch(key)
        if match and match["id"] in sources.aspects and threshold.is_gap(value):
            evidence = (EvidenceSource.FIGURE, key, value, threshold.describe())
            severity = threshold.severity.classify(value)
            gaps.append(_gap(GapKind.LOW_SCORE, match["id"], match["id"], evidence, severity))
    return gaps


def _overall_gaps(sources: _Sources) -> list[DevelopmentGap]:
    gaps = []
    for subject in (OVERALL_WORK_RESULTS, OVERALL_BEHAVIOUR):
        text = sources.result.ratings.get(subject)
        if text is not None and _level(text) is _BELOW:
            evidence = (EvidenceSource.RATING, subject, text, f"= {_BELOW.value}")
            gaps.append(_gap(GapKind.OVERALL_RATING, subject, subject, evidence, _H))
    return gaps


def _grade_gaps(sources: _Sources) -> list[DevelopmentGap]:
    grade, bar = sources.result.grade, sources.policy.grade_bar
    if grade is None or GRADE_RANKING[grade] >= GRADE_RANKING[bar]:
        return []
    evidence = (EvidenceSource.GRADE, "grade", grade.value, f"below {bar.value}")
    return [_gap(GapKind.GRADE, PERFORMANCE_COMPETENCY, "grade", evidence, _grade_severity(grade))]


def _self_other_gaps(sources: _Sources) -> list[DevelopmentGap]:
    share = sources.policy.self_other_threshold
    findings = RaterAnalytics(self_other_threshold=share).self_other((sources.appraisal,))
    gaps = []
    for finding in findings:
        if finding.kind is FindingKind.BLIND_SPOT:
            key = f"self_other[{finding.subject}]"
            test = f">= {share} of the scale's range"
            evidence = (EvidenceSource.APPRAISAL, key, figure(finding.gap), test)
            gaps.append(_gap(GapKind.SELF_OTHER, sources.competency_of(finding.subject),
                             finding.subject, evidence, _L))  # fmt: skip
    return gaps


def _feedback_gaps(sources: _Sources) -> list[DevelopmentGap]:
    wanted = sources.policy.feedback_notes
    counts = Counter(
        note.subject for note in sources.appraisal.feedback if note.subject in sources.aspects
    )
    gaps = []
    for aspect, count in counts.items():
        if count >= wanted:
            key, test = f"feedback[{aspect}]", f">= {wanted} notes"
            evidence = (EvidenceSource.APPRAISAL, key, Decimal(count), test)
            gaps.append(_gap(GapKind.FEEDBACK_THEME, str(aspect), str(aspect), evidence, _L))
    return gaps


def _check_pair(result: Result, appraisal: Appraisal) -> None:
    if result.appraisal_id != appraisal.id:
        reason = f"the result is of another appraisal than {appraisal.id!r}"
        raise UnknownReferenceError("appraisal_id", result.appraisal_id, reason)


def find_gaps(
    result: Result, appraisal: Appraisal, *, policy: GapPolicy = DEFAULT_GAP_POLICY
) -> tuple[DevelopmentGap, ...]:
    """
    Return every development gap *result* and its *appraisal* show, in plan order.

    Indicators below target, behaviour below expectations or scored low, and an
    overall rating below expectations come from the result; a grade below
    `GapPolicy.grade_bar` only when none of those is found.  Blind spots
    and feedback themes come from the appraisal.  An incomplete result gives the
    gaps of what it has; what it lacks is no gap.  One gap is kept per kind,
    competency and subject; they are sorted by `DevelopmentGap.sort_key`.

    Raises:
        UnknownReferenceError: if *result* is of another appraisal, or a figure
            names an indicator or work target the appraisal does not have.
    """
    _check_pair(result, appraisal)
    sources = _Sources.of(result, appraisal, policy)
    scored = [
        *_indicator_gaps(sources),
        *_aspect_rating_gaps(sources),
        *_aspect_score_gaps(sources),
        *_overall_gaps(sources),
    ]
    found = [
        *(scored or _grade_gaps(sources)),
        *_self_other_gaps(sources),
        *_feedback_gaps(sources),
    ]
    unique: dict[tuple[GapKind, str, str], DevelopmentGap] = {}
    for gap in sorted(found, key=DevelopmentGap.sort_key):
        unique.setdefault((gap.kind, gap.competency, gap.subject), gap)
    return tuple(unique.values())
