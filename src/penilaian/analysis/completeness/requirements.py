"""
What an appraisal cycle must collect under a regime: the `Requirements`, read from its objects.

`requirements_of` reads a built-in regime (and the rating aggregator or weighting
policy it holds) and says what each appraisal needs before the regime can grade it:

- PP 46/2011: a realisation of every indicator of the main targets (kegiatan tugas
  jabatan; tugas tambahan are not scored), and the aggregator's ratings of every
  behaviour aspect that applies to the post;
- PP 30/2019: realisations of main and additional targets, and the aggregator's
  ratings of every behaviour aspect that applies to the post;
- PermenPANRB 6/2022: what its two rating rules read (the supervisor's overall
  ratings by default; realisations for `WorkRatingFromAchievement`; the aspects for
  `BehaviourRatingFromValues`), the unit's grade for a unit leader, and continuous
  feedback (Pasal 5);
- the generic regime: realisations for each `WorkAchievement` component, the
  subjects of each `RatedSubjects` component.

Which raters are needed comes from the aggregator: `SupervisorRating` needs one
supervisor rating of each subject; a `WeightingPolicy` needs every role it weighs
above 0 (``self`` only when it counts the self-assessment), each at its
``min_raters`` (1 when not listed).
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Final

import attrs

from penilaian._base.checks import as_tuple, instance_of
from penilaian._base.trace import Rule
from penilaian.exceptions import InvalidValueError, UnsupportedInputError
from penilaian.model.raters import OVERALL_BEHAVIOUR, OVERALL_WORK_RESULTS, RaterRole
from penilaian.model.targets import TargetKind
from penilaian.policy.supervisor import SupervisorRating
from penilaian.policy.weighting import WeightingPolicy
from penilaian.regimes.generic import GenericRegime, WorkAchievement
from penilaian.regimes.permen6_2022.ratings import (
    BehaviourRatingFromValues,
    GivenBehaviourRating,
    GivenWorkRating,
    WorkRatingFromAchievement,
)
from penilaian.regimes.permen6_2022.strategy import Permen6Regime
from penilaian.regimes.pp30_2019.strategy import Pp30Regime
from penilaian.regimes.pp46_2011.strategy import Pp46Regime

if TYPE_CHECKING:
    from penilaian.typing import RatingAggregator

__all__ = ["Requirements", "requirements_of"]

PP46_RULE: Final = Rule(
    "completeness.pp46_2011",
    "PP 46/2011 Pasal 4-12; Perka BKN 1/2013 Lampiran [HIGH]",
    "SKP: realisasi setiap kegiatan tugas jabatan; perilaku kerja: nilai tiap aspek",
    "SKP: a realisation of every kegiatan; behaviour: a rating of every aspect",
)
PP30_RULE: Final = Rule(
    "completeness.pp30_2019",
    "PP 30/2019 Pasal 41; PermenPANRB 8/2021 Bab VI [HIGH]",
    "Realisasi setiap indikator hasil kerja utama dan tambahan; nilai tiap aspek perilaku",
    "A realisation of every main and additional indicator; a rating of every behaviour aspect",
)
PERMEN6_RULE: Final = Rule(
    "completeness.permen6_2022",
    "PermenPANRB 6/2022 Pasal 5, Lampiran [HIGH]; at least one feedback note [LOW]",
    "Rating hasil kerja dan rating perilaku dari pejabat penilai; umpan balik berkelanjutan",
    "The supervisor's work-results and behaviour ratings; continuous feedback",
)
GENERIC_RULE: Final = Rule(
    "completeness.generic",
    "configuration: the regime's components and its weighting policy",
    "Yang dibaca komponen regime dan kebijakan pembobotannya",
    "What the regime's components and its weighting policy read",
)


def _roles(value: object) -> Mapping[RaterRole, int]:
    if not isinstance(value, Mapping):
        raise InvalidValueError("roles", value, "must map rater roles to counts")
    roles: dict[RaterRole, int] = {}
    for key, count in value.items():
        role = RaterRole.parse(key, "roles")
        if type(count) is not int or count < 1:
            raise InvalidValueError(f"roles[{role.value!r}]", count, "must be a whole number >= 1")
        roles[role] = count
    return MappingProxyType(roles)


def _kinds(value: object) -> tuple[TargetKind, ...]:
    items = as_tuple(value, "realisations")
    return tuple(TargetKind.parse(item, "realisations") for item in items)


def _subjects(value: object) -> tuple[str, ...]:
    items = as_tuple(value, "subjects")
    if not all(isinstance(item, str) and item.strip() for item in items):
        raise InvalidValueError("subjects", value, "must be non-empty subject ids")
    return items


_BOOL: Final = instance_of(bool, expected="True or False")


@attrs.frozen
class Requirements:
    """
    What an appraisal needs before a regime can grade it (see `requirements_of`).

    Attributes:
        regime: The id of the regime the requirements are for.
        rule: Why: the regulation's clause, with its confidence tag.
        realisations: The kinds of work target whose indicators each need a
            realisation; empty when the regime reads none.  At least one target of
            these kinds is needed.
        aspects: Whether every behaviour aspect of the framework that applies to
            the post is a rated subject.
        subjects: Other rated subjects, such as ``"work_results"``.
        roles: The raters each rated subject needs: the fewest ratings per role.
        leader_unit_grade: Whether a unit leader's work-results rating is the
            unit's grade, so a leader needs `penilaian.Appraisal.unit_grade`
            instead of a rating of ``"work_results"``.
        feedback: Whether at least one continuous-feedback note is needed.

    Raises:
        InvalidValueError: naming the field, for a value of the wrong kind.
    """

    regime: str = attrs.field()
    rule: Rule = attrs.field(validator=instance_of(Rule, expected="a Rule"))
    realisations: tuple[TargetKind, ...] = attrs.field(default=(), converter=_kinds)
    aspects: bool = attrs.field(default=False, validator=_BOOL)
    subjects: tuple[str, ...] = attrs.field(default=(), converter=_subjects)
    roles: Mapping[RaterRole, int] = attrs.field(
        factory=lambda: MappingProxyType({}), converter=_roles, hash=False
    )
    leader_unit_grade: bool = attrs.field(default=False, validator=_BOOL)
    feedback: bool = attrs.field(default=False, validator=_BOOL)

    @regime.validator
    def _check_regime(self, _attribute: attrs.Attribute[str], value: object) -> None:
        if not isinstance(value, str) or not value.strip():
            raise InvalidValueError("regime", value, "must be a non-empty regime id")

    def with_role(self, role: RaterRole | str, count: int = 1) -> Requirements:
        """
        Return a copy that also needs *count* ratings from *role* for each rated subject.

        >>> from penilaian import Pp46Regime
        >>> needs = requirements_of(Pp46Regime()).with_role("self")
        >>> {role.value: count for role, count in needs.roles.items()}
        {'supervisor': 1, 'self': 1}
        """
        roles: dict[RaterRole, int] = dict(self.roles)
        roles[RaterRole.parse(role, "role")] = count
        return attrs.evolve(self, roles=roles)


def roles_of(aggregator: RatingAggregator) -> dict[RaterRole, int]:
    """
    Return the raters *aggregator* needs for each subject, with their counts.

    Raises:
        UnsupportedInputError: for an aggregator other than `SupervisorRating` or a
            `WeightingPolicy`: what it needs cannot be read from it.
    """
    if isinstance(aggregator, SupervisorRating):
        return {RaterRole.SUPERVISOR: 1}
    if isinstance(aggregator, WeightingPolicy):
        return {
            RaterRole.parse(role): max(aggregator.min_raters.get(RaterRole.parse(role), 1), 1)
            for role, share in aggregator.role_weights.shares.items()
            if share > 0
        }
    reason = "cannot tell which raters this aggregator needs; build Requirements yourself"
    raise UnsupportedInputError("aggregator", type(aggregator).__name__, reason)


def _permen6(regime: Permen6Regime) -> Requirements:
    kinds: tuple[TargetKind, ...] = ()
    subjects: list[str] = []
    aspects = False
    work, behaviour = regime.work_rating, regime.behaviour_rating
    if isinstance(work, GivenWorkRating):
        subjects.append(OVERALL_WORK_RESULTS)
    elif isinstance(work, WorkRatingFromAchievement):
        kinds = work.kinds
    else:
        raise _unknown("work_rating", work)
    if isinstance(behaviour, GivenBehaviourRating):
        subjects.append(OVERALL_BEHAVIOUR)
    elif isinstance(behaviour, BehaviourRatingFromValues):
        aspects = True
    else:
        raise _unknown("behaviour_rating", behaviour)
    return Requirements(
        regime.id,
        PERMEN6_RULE,
        kinds,
        aspects=aspects,
        subjects=tuple(subjects),
        roles={RaterRole.SUPERVISOR: 1},
        leader_unit_grade=regime.leader_rule == "unit_grade",
        feedback=True,
    )


def _generic(regime: GenericRegime) -> Requirements:
    kinds: list[TargetKind] = []
    subjects: list[str] = []
    aspects = False
    for component in regime.components:
        source = component.source
        if isinstance(source, WorkAchievement):
            kinds += [kind for kind in source.kinds if kind not in kinds]
        elif source.subjects is None:
            aspects = True
        else:
            subjects += [subject for subject in source.subjects if subject not in subjects]
    rated = aspects or bool(subjects)
    roles = roles_of(regime.aggregator) if rated else {}
    return Requirements(
        regime.id,
        GENERIC_RULE,
        tuple(kinds),
        aspects=aspects,
        subjects=tuple(subjects),
        roles=roles,
    )


def _unknown(field: str, value: object) -> UnsupportedInputError:
    reason = "a rule whose needs cannot be read; build Requirements yourself"
    return UnsupportedInputError(field, type(value).__name__, reason)


def requirements_of(strategy: object) -> Requirements:
    """
    Return what *strategy* needs of each appraisal, read from its fields.

    >>> from penilaian import Permen6Regime
    >>> needs = requirements_of(Permen6Regime())
    >>> needs.subjects, needs.feedback
    (('work_results', 'behaviour'), True)

    Args:
        strategy: A built-in regime: `penilaian.Pp46Regime`, `penilaian.Pp30Regime`,
            `penilaian.Permen6Regime` or `penilaian.GenericRegime`, with its
            aggregator or weighting policy.

    Raises:
        UnsupportedInputError: for another strategy, aggregator or rating rule,
            whose needs cannot be read: build a `Requirements` for it instead.
    """
    if isinstance(strategy, Pp46Regime):
        roles = roles_of(strategy.aggregator)
        return Requirements("pp46_2011", PP46_RULE, (TargetKind.MAIN,), aspects=True, roles=roles)
    if isinstance(strategy, Pp30Regime):
        kinds = (TargetKind.MAIN, TargetKind.ADDITIONAL)
        roles = roles_of(strategy.aggregator)
        return Requirements("pp30_2019", PP30_RULE, kinds, aspects=True, roles=roles)
    if isinstance(strategy, Permen6Regime):
        return _permen6(strategy)
    if isinstance(strategy, GenericRegime):
        return _generic(strategy)
    reason = "a strategy whose needs cannot be read; build Requirements yourself"
    raise UnsupportedInputError("strategy", type(strategy).__name__, reason)
