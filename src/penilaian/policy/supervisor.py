"""The default rating aggregator: the appraising supervisor's own rating."""

from __future__ import annotations

from fractions import Fraction
from typing import TYPE_CHECKING, Final

import attrs

from penilaian._base.trace import Gap, Rule, Step
from penilaian.exceptions import (
    InvalidInputError,
    Problem,
    ScoringInputError,
    UnsupportedInputError,
)
from penilaian.model.raters import NumericScale, RaterRole, Rating
from penilaian.policy._grouping import grouped_ratings
from penilaian.policy.aggregation import Aggregate

if TYPE_CHECKING:
    from collections.abc import Iterable

    from penilaian.model.appraisal import Appraisal

__all__ = ["SupervisorRating", "supervisor_ratings"]

_SUPERVISOR: Final = RaterRole.SUPERVISOR.value
_SUPERVISOR_ROLE: Final = RaterRole.SUPERVISOR


_SUPERVISOR_RULE: Final = Rule(
    id="supervisor_rating",
    clause="PP 46/2011 (\u00b1Pasal 12); PermenPANRB 6/2022 Pasal 5: the pejabat penilai rates",
    text_id="Nilai dari pejabat penilai (atasan langsung)",
    text_en="The appraising supervisor's rating",
)


@attrs.frozen
class SupervisorRating:
    """
    The default `penilaian.typing.RatingAggregator`: the supervisor's own rating.

    The regulations have the appraising official (pejabat penilai, the direct
    supervisor) rate behaviour.  This aggregator takes that single numeric rating;
    with none it reports a gap (never 0), and with more than one supervisor rating
    of the same subject it refuses to choose and raises.
    """

    def __call__(self, appraisal: Appraisal, subject: str, *, trace: bool = True) -> Aggregate:
        """Return the supervisor's rating of *subject*, or the gap."""
        if not trace:
            # The common case: one numeric supervisor rating.  Anything else takes the
            # full path below.
            plain = _plain_rating(appraisal, subject)
            if plain is not None and plain.score is not None:
                return Aggregate(subject, Fraction(*plain.score.as_integer_ratio()), plain.scale_id)
        found = supervisor_ratings(appraisal, subject)
        if not found:
            reason = f"no supervisor rating of {subject}; the pejabat penilai must rate it"
            return Aggregate(subject, None, gap=Gap("$.ratings", reason))
        if len(found) > 1:
            paths = ", ".join(f"$.ratings[{index}]" for index, _ in found)
            reason = (
                f"{len(found)} supervisor ratings of {subject} ({paths}); use a weighting policy"
            )
            raise _unsupported("$.ratings", subject, reason)
        index, rating = found[0]
        scale = appraisal.scale(rating.scale_id)
        if not isinstance(scale, NumericScale) or rating.score is None:
            reason = f"rating of {subject} is on ordinal scale {scale.id}; a number is needed"
            raise _unsupported(f"$.ratings[{index}].scale_id", rating.scale_id, reason)
        value = Fraction(rating.score)
        step = (
            Step.of(_SUPERVISOR_RULE, value, subject=subject, rater=rating.rater_id)
            if trace
            else None
        )
        return Aggregate(subject, value, scale.id, step=step)

    def ratio(self, appraisal: Appraisal, subject: str) -> tuple[int, int, str] | None:
        """
        Return the supervisor's rating of *subject* as an exact integer ratio, and its scale.

        The value is ``(numerator, denominator, scale_id)``: the rating's score, the
        denominator above 0 and the ratio not necessarily reduced, and the id of its
        scale.  It is the value this aggregator gives, without an
        `penilaian.policy.Aggregate` or a `fractions.Fraction` built, and it is given
        only when the appraisal holds exactly one supervisor rating of *subject*, with a
        score on a numeric scale; otherwise `None`, and calling the aggregator gives the
        gap or raises the error.
        """
        plain = _plain_rating(appraisal, subject)
        if plain is None or plain.score is None:
            return None
        numerator, denominator = plain.score.as_integer_ratio()
        return numerator, denominator, plain.scale_id

    def ratios(
        self, appraisal: Appraisal, subjects: Iterable[str]
    ) -> list[tuple[int, int, str]] | None:
        """
        Return `ratio` of each of *subjects*, in order, from one scan of the ratings.

        The same values as calling `ratio` for each subject, without grouping the
        ratings by subject and role: `None` as soon as one subject has no value there
        (no supervisor rating, more than one, or one without a score).
        """
        supervisors = []
        for rater in appraisal.raters:
            if rater.role is _SUPERVISOR_ROLE:
                supervisors.append(rater.id)  # noqa: PERF401 - a comprehension's frame costs more
        # Each subject's one supervisor rating; None where there is more than one.
        found: dict[str, Rating | None] = {}
        for rating in appraisal.ratings:
            if rating.rater_id in supervisors:
                subject = rating.subject
                found[subject] = None if subject in found else rating
        values: list[tuple[int, int, str]] = []
        for subject in subjects:
            only = found.get(subject)
            if only is None:
                return None
            score = only.score
            if score is None:
                return None
            numerator, denominator = score.as_integer_ratio()
            values.append((numerator, denominator, only.scale_id))
        return values


def supervisor_ratings(appraisal: Appraisal, subject: str) -> list[tuple[int, Rating]]:
    """Return the supervisor's ratings of *subject* with their indexes in `Appraisal.ratings`."""
    # A plain scan: cheaper than building the full ratings index for the few
    # subjects a regime asks the supervisor about.
    roles = appraisal.rater_roles
    return [
        (index, rating)
        for index, rating in enumerate(appraisal.ratings)
        if rating.subject == subject and roles[rating.rater_id] is RaterRole.SUPERVISOR
    ]


def _plain_rating(appraisal: Appraisal, subject: str) -> Rating | None:
    """The one supervisor rating of *subject*, when it has a score (on a numeric scale)."""
    # Read from the ratings grouped once for the appraisal being scored.
    by_role = grouped_ratings(appraisal).get(subject)
    ratings = by_role.get(_SUPERVISOR) if by_role is not None else None
    if ratings is None or len(ratings) != 1:
        return None
    rating = ratings[0]
    # An appraisal refuses a score on an ordinal scale (penilaian.Appraisal checks each
    # rating against its scale), so a rating with a score is on a numeric scale.
    return None if rating.score is None else rating


def _unsupported(path: str, value: object, reason: str) -> InvalidInputError:
    error = UnsupportedInputError(path.rsplit(".", 1)[-1], value, reason)
    return ScoringInputError([Problem.from_error(path, error)])
