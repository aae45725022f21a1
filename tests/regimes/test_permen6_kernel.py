"""
The PermenPANRB 6/2022 fast path against its full run, on random appraisals.

`Permen6Regime.score` grades the plain case in one scan
(``penilaian.regimes.permen6_2022._kernel``) and takes the full run (every problem, gap
and note, the trace) otherwise; the full run is the reference.  Result, grade, figures,
ratings (keys, order and values), gaps, notes, problems, JSON and trace must agree, for
every pair of levels, missing and repeated supervisor ratings, levels written as labels,
aliases or off the expectation scale, extra raters, leaders and unit grades, unrealised
indicators, other frameworks and other rating rules.
"""

from __future__ import annotations

import pickle

import attrs
import pytest
from hypothesis import event, given
from hypothesis import strategies as st

import penilaian as p
from penilaian.exceptions import ScoringInputError
from penilaian.model import OVERALL_BEHAVIOUR, OVERALL_WORK_RESULTS
from penilaian.regimes.permen6_2022 import (
    PERMEN6_2022_MATRIX,
    BehaviourRatingFromValues,
    Permen6Regime,
    WorkRatingFromAchievement,
    WorkRatingFromUnit,
)
from penilaian.regimes.permen6_2022 import _kernel as kernel
from penilaian.regimes.permen6_2022 import strategy as permen6_strategy
from penilaian.scoring.result import Result
from penilaian.serialization import unstructure

SUBJECTS = (OVERALL_WORK_RESULTS, OVERALL_BEHAVIOUR)
LEVELS = tuple(p.ExpectationLevel)
NUMERIC = p.NumericScale("nilai", 0, 100)
# Levels spelled as labels, so a canonical id is only an alias here.
LABELLED = p.OrdinalScale(
    "label",
    levels=tuple(level.label_id for level in LEVELS),
    aliases=tuple((level.value, level.label_id) for level in LEVELS),
)
# The expectation ids as levels, in another order, and one level that names no expectation.
MIXED = p.OrdinalScale("mixed", levels=("above_expectations", "below_expectations", "lainnya"))
# Expectation ids only as aliases, of levels that mean something else: the full run refuses.
TRICKY = p.OrdinalScale(
    "tricky",
    levels=("rendah", "sedang", "tinggi"),
    aliases=(("above_expectations", "rendah"), ("below_expectations", "tinggi")),
)
OTHER_SCALES = (LABELLED, MIXED, TRICKY, NUMERIC)
OTHER_FRAMEWORK = p.PP46_2011_BEHAVIOUR
EQUAL_BERAKHLAK = attrs.evolve(p.BERAKHLAK)
OTHER_ROLES = ("peer", "peer", "self", "subordinate", "second_level_supervisor", "public")
CHANGES = (
    "second_supervisor",  # another supervisor rates an overall subject: a problem
    "unrated",  # the supervisor leaves an overall subject out: a gap
    "spelled",  # the supervisor's level written as a label or an alias
    "other_scale",  # the supervisor rates on another scale, ordinal or numeric
    "unrealised",  # an indicator without a realisation: a note
    "framework",  # another framework (a problem), or an equal copy of BerAKHLAK
)
"""What may be changed in a plain appraisal; each change sends it to the full path (or not)."""


def _spellings(scale: p.Scale) -> st.SearchStrategy[dict[str, object]]:
    """Any value on *scale*: a score, or a level in any spelling it takes."""
    if isinstance(scale, p.NumericScale):
        return st.integers(0, 100).map(lambda score: {"score": score})
    spellings = [*scale.levels, *(alias for alias, _ in scale.aliases)]
    return st.sampled_from(spellings).map(lambda level: {"level": level})


@st.composite
def _overall(draw: st.DrawFn, rater: str, subject: str, changes: dict[str, str]) -> p.Rating:
    """A supervisor's rating of an overall subject: a level id, unless *changes* say otherwise."""
    level = draw(st.sampled_from(LEVELS))
    if changes.get("other_scale") == subject:
        scale = draw(st.sampled_from((TRICKY, *OTHER_SCALES)))
        return p.Rating(rater, subject, scale.id, **draw(_spellings(scale)))  # type: ignore[arg-type]
    written = level.value
    if changes.get("spelled") == subject:
        written = draw(st.sampled_from((level.label_id, level.label_en, *level.aliases)))
    return p.Rating(rater, subject, "expectation", level=written)


def _indicator(index: int, *, realised: bool) -> p.Indicator:
    realisation = p.Realisation(index + 10) if realised else None
    return p.Indicator(f"i{index}", "Laporan", "kuantitas", p.PointTarget(12),
                       realisation=realisation)  # fmt: skip


@st.composite
def _ratings(
    draw: st.DrawFn,
    raters: list[p.Rater],
    subjects: list[str],
    scales: list[p.Scale],
    changes: dict[str, str],
) -> list[p.Rating]:
    """The supervisors' overall ratings (as *changes* say), and anything by anyone else."""
    ratings = []
    for rater in raters:
        for subject in subjects:
            if rater.id == "r0" and subject in SUBJECTS:
                if changes.get("unrated") != subject:
                    ratings.append(draw(_overall(rater.id, subject, changes)))
            elif rater.role is p.RaterRole.SUPERVISOR and subject in SUBJECTS:
                if changes.get("second_supervisor") == subject or draw(st.booleans()):
                    ratings.append(draw(_overall(rater.id, subject, changes)))
            elif draw(st.booleans()):
                scale = draw(st.sampled_from(scales))
                ratings.append(p.Rating(rater.id, subject, scale.id, **draw(_spellings(scale))))  # type: ignore[arg-type]
    return ratings


@st.composite
def _appraisals(draw: st.DrawFn) -> p.Appraisal:
    """
    A plain appraisal (one supervisor rates both overall subjects by level id), changed or not.

    Other raters (peers, self, subordinates, a second-level supervisor, the public) rate
    anything on any scale; up to two changes of `CHANGES` are drawn (none a third of the
    time), each with the overall subject it touches.
    """
    changes: dict[str, str] = {}
    for _ in range(draw(st.sampled_from((0, 0, 1, 1, 1, 2)))):  # each with the subject it touches
        changes[draw(st.sampled_from(CHANGES))] = draw(st.sampled_from(SUBJECTS))
    others = draw(st.lists(st.sampled_from(OTHER_ROLES), max_size=3))
    if others.count("self") > 1:  # at most one self rater
        others = [role for role in others if role != "self"]
    roles = ["supervisor", *others]
    if "second_supervisor" in changes:
        roles.append("supervisor")
    raters = [
        p.Rater(f"r{index}", role, "e-1" if role == "self" else f"e-r{index}")
        for index, role in enumerate(roles)
    ]
    scales = draw(st.permutations([p.EXPECTATION_SCALE, *OTHER_SCALES]))
    framework = p.BERAKHLAK
    if "framework" in changes:
        framework = draw(st.sampled_from((EQUAL_BERAKHLAK, OTHER_FRAMEWORK)))
    subjects = [*SUBJECTS, *(aspect.id for aspect in framework.aspects[:2])]
    ratings = draw(_ratings(raters, subjects, scales, changes))
    realised = [True] * draw(st.integers(1, 4))
    if "unrealised" in changes:  # one or more indicators without a realisation
        for index in draw(st.lists(st.integers(0, len(realised) - 1), min_size=1)):
            realised[index] = False
    targets = [
        p.WorkTarget("t0", "Tersusunnya laporan",
                     [_indicator(index, realised=done) for index, done in enumerate(realised)])
    ]  # fmt: skip
    leads = draw(st.integers(0, 3)) == 0
    position = p.Position("Analis", p.PositionKind.EXPERT_FIRST, unit_id="u1", leads_unit=leads)
    return p.Appraisal(
        draw(st.sampled_from(("skp-1", "SKP/2024/007"))),
        p.Employee("e-1", "Budi Santoso"),
        position,
        p.Period.year(2024),
        framework,
        targets,
        raters,
        scales,
        draw(st.permutations(ratings)),
        unit_grade=draw(st.sampled_from((None, *p.OrganisationGrade))),
    )


@st.composite
def _regimes(draw: st.DrawFn) -> Permen6Regime:
    fields: dict[str, object] = {}
    if draw(st.integers(0, 5)) == 0:
        fields["leader_rule"] = "as_configured"
    if draw(st.integers(0, 3)) == 0:
        mapping = {grade: draw(st.sampled_from(LEVELS)) for grade in p.OrganisationGrade}
        fields["unit_rating"] = WorkRatingFromUnit(mapping)
    if draw(st.integers(0, 9)) == 0:
        fields["work_rating"] = WorkRatingFromAchievement()
    if draw(st.integers(0, 9)) == 0:
        fields["behaviour_rating"] = BehaviourRatingFromValues(draw(st.integers(1, 7)))
    return Permen6Regime(**fields)  # type: ignore[arg-type]


def _outcome(score: object) -> Result | list[p.Problem]:
    """The result, or the problems raised."""
    try:
        return score()  # type: ignore[operator]
    except ScoringInputError as error:
        return list(error.problems)


def _same(scored: Result | list[p.Problem], reference: Result | list[p.Problem]) -> None:
    if isinstance(reference, list):
        assert scored == reference
        assert [str(problem) for problem in scored] == [str(problem) for problem in reference]  # type: ignore[union-attr]
        return
    assert isinstance(scored, Result)
    attrs.validate(scored)
    assert scored == reference
    assert scored.grade is reference.grade
    assert list(scored.figures.items()) == list(reference.figures.items())
    assert list(scored.ratings.items()) == list(reference.ratings.items())
    assert scored.gaps == reference.gaps
    assert scored.notes == reference.notes
    assert unstructure(scored) == unstructure(reference)


@given(_regimes(), _appraisals())
def test_the_fast_path_gives_the_full_result(regime: Permen6Regime, appraisal: p.Appraisal) -> None:
    """Untraced, the regime's result equals the full run's, or both raise the same problems."""
    event("fast" if kernel.grade_plain(regime, appraisal, None) is not None else "full")
    scored = _outcome(lambda: regime.score(appraisal, trace=False))
    _same(scored, _outcome(lambda: regime._run(appraisal, trace=False)))


@given(_regimes(), _appraisals())
def test_the_deferred_trace_is_the_full_trace(
    regime: Permen6Regime, appraisal: p.Appraisal
) -> None:
    """Traced, the regime's result and its trace equal the full traced run's."""
    scored = _outcome(lambda: regime.score(appraisal))
    reference = _outcome(lambda: regime._run(appraisal, trace=True))
    _same(scored, reference)
    if isinstance(reference, Result):
        assert isinstance(scored, Result)
        assert reference.trace is not None
        assert scored.trace == reference.trace
        assert list(scored.trace.walk()) == list(reference.trace.walk())  # type: ignore[union-attr]
        assert p.render_trace(scored.trace) == p.render_trace(reference.trace)  # type: ignore[arg-type]
        assert pickle.loads(pickle.dumps(scored)) == reference  # noqa: S301 - our own bytes


def _plain(
    work: p.ExpectationLevel, behaviour: p.ExpectationLevel, **position: object
) -> p.Appraisal:
    raters = [p.Rater("atasan", "supervisor", "e-2"), p.Rater("rekan", "peer", "e-3")]
    ratings = [
        p.Rating("rekan", OVERALL_BEHAVIOUR, "expectation", level=LEVELS[0].value),
        p.Rating("atasan", OVERALL_BEHAVIOUR, "expectation", level=behaviour.value),
        p.Rating("atasan", OVERALL_WORK_RESULTS, "expectation", level=work.value),
    ]
    return p.Appraisal(
        "skp-1",
        p.Employee("e-1", "Budi Santoso"),
        p.Position("Analis", p.PositionKind.EXPERT_FIRST, unit_id="u1", **position),  # type: ignore[arg-type]
        p.Period.year(2024),
        p.BERAKHLAK,
        [p.WorkTarget("t0", "Laporan", [_indicator(0, realised=True)])],
        raters,
        [p.EXPECTATION_SCALE],
        ratings,
        unit_grade="baik",
    )


def _changed(appraisal: p.Appraisal, change: str) -> p.Appraisal:
    """*appraisal* with one unusual thing, the kind the fast path leaves to the full run."""
    ratings = list(appraisal.ratings)
    behaviour = next(
        r for r in ratings if r.rater_id == "atasan" and r.subject == OVERALL_BEHAVIOUR
    )
    index = ratings.index(behaviour)
    scales = [p.EXPECTATION_SCALE, TRICKY, LABELLED, NUMERIC]
    if change == "tricky_alias":  # an expectation id that is an alias of "rendah": refused
        ratings[index] = p.Rating("atasan", OVERALL_BEHAVIOUR, "tricky", level="above_expectations")
    elif change == "label_scale":  # an expectation id that is an alias of a label: accepted
        ratings[index] = p.Rating("atasan", OVERALL_BEHAVIOUR, "label", level="above_expectations")
    elif change == "label":
        ratings[index] = attrs.evolve(behaviour, level="Di Atas Ekspektasi")
    elif change == "numeric":
        ratings[index] = p.Rating("atasan", OVERALL_BEHAVIOUR, "nilai", score=80)
    elif change == "missing":
        del ratings[index]
    elif change == "second_supervisor":
        ratings.append(attrs.evolve(behaviour, rater_id="atasan-2"))
    raters = [*appraisal.raters, p.Rater("atasan-2", "supervisor", "e-4")]
    changed = attrs.evolve(appraisal, raters=raters, scales=scales, ratings=ratings)
    if change == "unrealised":
        changed = changed.with_realisation("t0", "i0", None)
    elif change == "framework":
        changed = attrs.evolve(changed, framework=OTHER_FRAMEWORK, ratings=ratings)
    elif change == "leader_without_unit_grade":
        position = attrs.evolve(appraisal.position, leads_unit=True)
        changed = attrs.evolve(changed, position=position, unit_grade=None)
    return changed


UNUSUAL = (
    "tricky_alias", "label_scale", "label", "numeric", "missing", "second_supervisor",
    "unrealised", "framework", "leader_without_unit_grade",
)  # fmt: skip


class TestFastPath:
    @pytest.mark.parametrize("change", UNUSUAL)
    def test_each_unusual_case_takes_the_full_path(self, change: str) -> None:
        """Anything unusual is left to the full run, and the regime gives what the run gives."""
        regime = Permen6Regime()
        appraisal = _changed(_plain(LEVELS[2], LEVELS[1]), change)
        assert kernel.grade_plain(regime, appraisal, None) is None
        for trace in (False, True):
            scored = _outcome(lambda: regime.score(appraisal, trace=trace))  # noqa: B023
            _same(scored, _outcome(lambda: regime._run(appraisal, trace=trace)))  # noqa: B023

    @pytest.mark.parametrize(("work", "behaviour"), list(PERMEN6_2022_MATRIX))
    def test_every_cell_takes_the_fast_path(
        self, work: p.ExpectationLevel, behaviour: p.ExpectationLevel
    ) -> None:
        """Each of the nine pairs is graded by the fast path, as the matrix says."""
        appraisal = _plain(work, behaviour)
        fast = kernel.grade_plain(Permen6Regime(), appraisal, None)
        assert fast is not None
        assert fast.grade is PERMEN6_2022_MATRIX[work, behaviour]
        assert dict(fast.ratings) == {
            OVERALL_WORK_RESULTS: work.value,
            OVERALL_BEHAVIOUR: behaviour.value,
        }
        assert fast == Permen6Regime()._run(appraisal, trace=False)

    def test_a_leader_takes_the_fast_path_from_the_unit_grade(self) -> None:
        """A unit leader's work-results rating is the unit's grade, also on the fast path."""
        appraisal = _plain(LEVELS[0], LEVELS[2], leads_unit=True)
        fast = kernel.grade_plain(Permen6Regime(), appraisal, None)
        assert fast is not None
        assert list(fast.ratings) == ["unit_grade", OVERALL_WORK_RESULTS, OVERALL_BEHAVIOUR]
        assert fast.grade is p.Grade.GOOD  # baik -> meets; above behaviour -> Baik
        assert fast == Permen6Regime()._run(appraisal, trace=False)

    def test_the_trace_is_built_only_when_read(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """A traced plain score runs the full path once, the first time the trace is read."""
        built: list[bool] = []
        original = permen6_strategy.Permen6Run.check_framework

        def counting(self: permen6_strategy.Permen6Run) -> None:
            built.append(self.trace)
            original(self)

        monkeypatch.setattr(permen6_strategy.Permen6Run, "check_framework", counting)
        result = Permen6Regime().score(_plain(LEVELS[1], LEVELS[1]))
        assert built == []
        assert result.trace is not None
        assert result.trace.rule.id == "permen6.matrix"
        assert built == [True]
        list(result.trace.walk())
        assert built == [True]  # built once


class TestScales:
    """Where the two ratings' scales differ from `EXPECTATION_SCALE`, or from each other."""

    @staticmethod
    def _rated(work_scale: p.Scale, work_level: str, behaviour_scale: p.Scale) -> p.Appraisal:
        appraisal = _plain(LEVELS[2], LEVELS[1])
        ratings = [
            p.Rating("atasan", OVERALL_BEHAVIOUR, behaviour_scale.id, level=LEVELS[1].value),
            p.Rating("atasan", OVERALL_WORK_RESULTS, work_scale.id, level=work_level),
        ]
        scales = list(dict.fromkeys([behaviour_scale, work_scale, p.EXPECTATION_SCALE]))
        return attrs.evolve(appraisal, scales=scales, ratings=ratings)

    @pytest.mark.parametrize(
        ("work_scale", "level", "fast"),
        [
            (TRICKY, "above_expectations", False),  # an alias of "rendah": refused
            (LABELLED, "above_expectations", False),  # an alias of a label: the full run
            (MIXED, "above_expectations", True),  # one of its own levels
            (p.EXPECTATION_SCALE, "above_expectations", True),
        ],
    )
    def test_the_work_rating_is_read_on_its_own_scale(
        self, work_scale: p.Scale, level: str, fast: bool
    ) -> None:
        """Behaviour on `EXPECTATION_SCALE` tells nothing of the work rating's scale."""
        appraisal = self._rated(work_scale, level, p.EXPECTATION_SCALE)
        regime = Permen6Regime()
        assert (kernel.grade_plain(regime, appraisal, None) is not None) is fast
        for trace in (False, True):
            scored = _outcome(lambda: regime.score(appraisal, trace=trace))  # noqa: B023
            _same(scored, _outcome(lambda: regime._run(appraisal, trace=trace)))  # noqa: B023

    @pytest.mark.parametrize(("work_scale", "fast"), [(None, True), (MIXED, True), (TRICKY, False)])
    def test_a_copy_of_the_expectation_scale_is_read_by_its_levels(
        self, work_scale: p.Scale | None, fast: bool
    ) -> None:
        """A scale equal to `EXPECTATION_SCALE` but not it (work on it, or not): read by level."""
        copy = attrs.evolve(p.EXPECTATION_SCALE, id="harapan")
        appraisal = self._rated(work_scale or copy, LEVELS[0].value, copy)
        regime = Permen6Regime()
        assert (kernel.grade_plain(regime, appraisal, None) is not None) is fast
        _same(
            _outcome(lambda: regime.score(appraisal, trace=False)),
            _outcome(lambda: regime._run(appraisal, trace=False)),
        )

    @pytest.mark.parametrize("scale", [LABELLED, TRICKY])
    @pytest.mark.parametrize("leads", [False, True])
    def test_ids_that_are_aliases_on_both_ratings_scale_take_the_full_run(
        self, scale: p.OrdinalScale, leads: bool
    ) -> None:
        """Both ratings on one scale, by expectation ids it takes only as aliases: declined."""
        ratings = [
            p.Rating("atasan", OVERALL_BEHAVIOUR, scale.id, level="above_expectations"),
            p.Rating("atasan", OVERALL_WORK_RESULTS, scale.id, level="below_expectations"),
        ]
        appraisal = attrs.evolve(
            _plain(LEVELS[0], LEVELS[0], leads_unit=leads),
            scales=[p.EXPECTATION_SCALE, scale],
            ratings=ratings,
        )
        regime = Permen6Regime()
        assert kernel.grade_plain(regime, appraisal, None) is None
        for trace in (False, True):
            scored = _outcome(lambda: regime.score(appraisal, trace=trace))  # noqa: B023
            _same(scored, _outcome(lambda: regime._run(appraisal, trace=trace)))  # noqa: B023
