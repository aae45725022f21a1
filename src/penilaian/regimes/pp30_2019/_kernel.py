"""
PP 30/2019 in exact integers: the score without a trace, with no `Fraction` built.

`score_untraced` computes what `penilaian.regimes.pp30_2019._run.Pp30Run` computes
without a trace, figure for figure, and checks the appraisal at the same points with
the same functions (`penilaian.regimes.pp30_2019._checks`,
`penilaian.regimes.pp30_2019._behaviour.checked_aspects`), so it lists the same
problems in the same order.  Every value is a numerator over a denominator (never
reduced), a rounded value is a whole number of ``10**-places``, and each declared
rounding is one exact integer division (`penilaian._base.numbers.scaled_round_ratio`,
written inline as ``(2n + d) // 2d`` where the mode is half up and the value not negative);
each capaian is `penilaian.scoring.achievement.achievement_ratio` (the one formula, in
integers) and the tables are read as they are (`IkiSegment.apply_ratio`,
`RencanaBands.band_of_ratio`, `BandTable.classify_ratio`), through the regime's
`_kernel_tables.Plan`, which keeps what a whole percent, a rencana's summed points,
the categories of the additional targets, a rounded final value and each band's
predikat (`rules.grade_of_band`) read.  The
figures and ratings are kept per indicator and written, keys and `Decimal`, only
when read (`_kernel_figures.Kept`).  The behaviour values come from one scan of
the ratings (`_behaviour.plain_aspects`), or the checks the run makes.

It builds no step: `Pp30Run` builds the trace, and a differential test
(``tests/regimes/test_pp30_kernel.py``) holds the two equal on random appraisals and
every option, at every band cut and rounding half, and on invalid input.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Final

from penilaian._base.figures import Figures
from penilaian._base.numbers import scaled_round_ratio
from penilaian._base.trace import Gap
from penilaian.exceptions import Problem, ScoringInputError
from penilaian.model.grades import Grade
from penilaian.model.targets import TargetKind
from penilaian.regimes.pp30_2019 import rules
from penilaian.regimes.pp30_2019._behaviour import (
    checked_aspects,
    plain_aspects,
)
from penilaian.regimes.pp30_2019._checks import (
    INDICATOR_ERRORS,
    indicator_problem,
    no_main_problem,
    weight_problems,
)
from penilaian.regimes.pp30_2019._kernel_figures import Kept, KeptRatings
from penilaian.regimes.pp30_2019._kernel_tables import (
    CAP_D,
    CAP_N,
    PASAL_41_WEIGHTS,
    WHOLE_MODE,
    WHOLE_PLACES,
    plan_of,
    whole_percent,
)
from penilaian.regimes.pp30_2019._run import _WEIGHT_FIGURES
from penilaian.regimes.pp30_2019.rules import _iki_segment_ratio
from penilaian.regimes.pp30_2019.tables import PP30_2019_PEER_ROLES
from penilaian.scoring.achievement import achievement_ratio
from penilaian.scoring.result import Result

if TYPE_CHECKING:
    from penilaian._base.numbers import Ratio
    from penilaian._base.trace import Step
    from penilaian.exceptions import InvalidValueError
    from penilaian.model.appraisal import Appraisal
    from penilaian.regimes.pp30_2019._kernel_figures import Indicator
    from penilaian.regimes.pp30_2019._kernel_tables import Read
    from penilaian.regimes.pp30_2019._run import Conventions

__all__ = ["score_untraced"]

_WHOLE_HALF_UP: Final = WHOLE_MODE == "half_up" and WHOLE_PLACES == 0
"""Whether `PERMEN8_2021_WHOLE_PERCENT` rounds half up to a whole number: then inline."""

_MAIN: Final = TargetKind.MAIN


class _Kernel:
    """The state of one untraced scoring: what it keeps, gaps and problems, in order."""

    __slots__ = (
        "appraisal", "categories", "category_route", "gaps", "kept", "plan",
        "problems", "regime", "tail", "trace",
    )  # fmt: skip

    def __init__(self, regime: Conventions, appraisal: Appraisal) -> None:
        self.regime = regime
        self.appraisal = appraisal
        self.trace = False
        self.plan = plan_of(regime)
        self.kept = kept = Kept()
        self.tail = kept.tail
        self.gaps: list[Gap] = []
        self.problems: list[Problem] = []
        self.categories: dict[str, Grade] = {}
        self.category_route = regime.route_of(appraisal) == "category"

    def problem(self, path: str, error: InvalidValueError) -> None:
        """Record that the input at *path* failed a check (raised with the others later)."""
        self.problems.append(Problem.from_error(path, error))

    def gap(self, path: str, reason: str) -> None:
        """Record that something the rules need is missing at *path*."""
        self.gaps.append(Gap(path, reason))

    def rounded(self, key: str, numerator: int, denominator: int) -> int:
        """Keep figure *key* rounded; return it as a whole number of ``10**-places``."""
        plan = self.plan
        if plan.half_up and numerator >= 0:  # scaled_round_ratio(n, d, places, "half_up")
            scaled = (2 * numerator * plan.scale + denominator) // (2 * denominator)
        else:
            scaled = scaled_round_ratio(numerator, denominator, plan.places, plan.mode)
        self.tail[key] = (scaled, -plan.places)
        return scaled

    # -- work: indicators, work targets, main and additional work, SKP ---------------------

    def work(self) -> Ratio | None:
        """Return the exact SKP value; `None` when problems were found."""
        found = self.work_targets()
        if found is None:
            return None
        main_value = self.main(found[0])
        if main_value is None:
            return None
        extra_n, extra_d = self.additional(found[1])
        main_n, main_d = main_value
        skp = main_n * extra_d + extra_n * main_d, main_d * extra_d
        self.tail["skp"] = skp
        return skp

    def work_targets(  # noqa: C901, PLR0912 - one loop per indicator, kept flat for speed
        self,
    ) -> tuple[dict[str, int], dict[str, int]] | None:
        """Return the main and the additional targets' rounded values by id; `None` on problems."""
        plan = self.plan
        category_route, whole, places = self.category_route, plan.whole, plan.places
        memo = plan.pointed if category_route else plan.valued
        shown_at = -WHOLE_PLACES if whole else -places  # the exponent of the capaian shown
        main: dict[str, int] = {}
        additional: dict[str, int] = {}
        targets = self.kept.targets
        for t_index, target in enumerate(self.appraisal.targets):
            kept: list[Indicator] = []
            total_n, total_d = 0, 1  # the sum of the values (interpolation) or of the points
            for i_index, indicator in enumerate(target.indicators):
                try:
                    numerator, denominator = achievement_ratio(indicator)
                except INDICATOR_ERRORS as error:
                    indicator_problem(self, t_index, i_index, error)
                    continue
                at_maximum = indicator.target_is_maximum
                if whole:  # the capaian the conversion reads: a whole percent, as shown
                    if _WHOLE_HALF_UP:  # scaled_round_ratio(n, d, 0, "half_up"): one division
                        if numerator >= 0:  # floor(n / d + 1 / 2)
                            shown = capaian = (2 * numerator + denominator) // (2 * denominator)
                        else:  # half away from 0, as scaled_round_ratio rounds |n| / d
                            shown = capaian = -((denominator - 2 * numerator) // (2 * denominator))
                    else:
                        shown, capaian = whole_percent(numerator, denominator)
                    read = memo.get(2 * capaian + at_maximum) or plan.read_whole(
                        capaian, at_maximum, category_route
                    )
                else:  # continuous: the exact capaian, shown to the regime's rounding
                    shown, read = self.continuous(numerator, denominator, at_maximum)
                category, figure, n, d = read
                if d == 1 == total_d:  # whole values, or whole points (the default table)
                    total_n += n
                else:
                    total_n, total_d = total_n * d + n * total_d, total_d * d
                kept.append((indicator.id, shown, figure, category))
            count = len(kept)
            if count < len(target.indicators):
                continue
            name = target.id
            if category_route:
                if not count:  # no IKI: the rule refuses it, as the run does
                    rules.rencana_band([], self.regime.rencana_bands)
                category, grade, value = plan.banded.get((total_n, total_d, count)) or plan.band_of(
                    total_n, total_d, count
                )
                self.categories[name] = grade
                targets.append((name, kept, True, shown_at, (value, -places), category))
            else:
                if not count:  # no IKI: the rule refuses it, as the run does
                    rules.work_target_value([])
                value = scaled_round_ratio(total_n, count * plan.scale, places, plan.mode)
                targets.append((name, kept, False, shown_at, (value, -places), None))
            (main if target.kind is _MAIN else additional)[name] = value
        return None if self.problems else (main, additional)

    def continuous(self, numerator: int, denominator: int, at_maximum: bool) -> tuple[int, Read]:
        """The capaian ``numerator / denominator`` rounded as shown, and how the IKI reads."""
        plan = self.plan
        shown = scaled_round_ratio(numerator, denominator, plan.places, plan.mode)
        segment = _iki_segment_ratio(numerator, denominator, at_maximum=at_maximum)
        return shown, plan.read_exact(numerator, denominator, segment, self.category_route)

    def main(self, values: dict[str, int]) -> Ratio | None:
        """Return nilai kinerja utama: the mean of the main targets, or their weighted sum."""
        if not values:
            no_main_problem(self)
            return None
        scale = self.plan.scale
        weights = self.regime.utama_weights
        if weights is None:
            return self.rounded("main", sum(values.values()), len(values) * scale), scale
        if set(weights) != set(values):
            weight_problems(self, weights, values)
            return None
        total = 0
        for name, value in values.items():
            weight = weights[name]
            total += self.rounded(
                f"target[{name}].weighted", weight.numerator * value, weight.denominator * scale
            )
        self.tail["main"] = total, scale
        return total, scale

    def additional(self, values: dict[str, int]) -> Ratio:
        """Return the points additional work adds: none by default, else from the table."""
        tail = self.tail
        table = self.regime.additional_points
        if self.category_route:
            by_category = self.regime.category_additional_points
            if by_category is not None:
                categories = self.categories
                grades = tuple(map(categories.__getitem__, values))
                plan = self.plan
                each, found, ratio = plan.added.get(grades) or plan.added_of(grades)
                for name, points in zip(values, each, strict=True):
                    tail[f"target[{name}].points"] = points
                tail["additional"] = found
                return ratio
            table = None
        if table is None:
            tail["additional"] = Decimal(0)
            return 0, 1
        total_n, total_d = 0, 1
        for name, value in values.items():
            points = table.classify_ratio(value, self.plan.scale)
            tail[f"target[{name}].points"] = points
            n, d = points.as_integer_ratio()
            total_n, total_d = total_n * d + n * total_d, total_d * d
        tail["additional"] = total_n, total_d
        return total_n, total_d

    # -- behaviour ---------------------------------------------------------------------------

    def behaviour(self) -> int | None:
        """Return the rounded perilaku value (over ``10**places``); `None` with gaps or problems."""
        appraisal = self.appraisal
        found = plain_aspects(appraisal, self.regime.aggregator)
        if found is None:  # anything but the plain case: the checks the run makes
            checked = checked_aspects(self)
            if checked is None:
                return None
            keys = tuple(f"behaviour[{aspect_id}]" for aspect_id, _, _ in checked)
            found = keys, [(value.numerator, value.denominator, "") for _, value, _ in checked]
        plan = self.plan
        places, mode, scale, tail = plan.places, plan.mode, plan.scale, self.tail
        total = 0
        keys, values = found
        for key, (numerator, denominator, _) in zip(keys, values, strict=True):
            # A whole number is exact at any places: no division to make.
            scaled = numerator * scale if denominator == 1 else scaled_round_ratio(
                numerator, denominator, places, mode
            )  # fmt: skip
            tail[key] = scaled, -places
            total += scaled
        if self.gaps or self.problems:
            return None
        if not keys:  # no aspect: the rule refuses it, as the run does
            rules.behaviour_value([])
        return self.rounded("behaviour", total, len(keys) * scale)

    # -- combination and grade ---------------------------------------------------------------

    def final(self, skp: Ratio, behaviour: int) -> tuple[Grade, Decimal]:
        """Return the predikat and the final value: weighted, capped at 120, rounded."""
        appraisal = self.appraisal
        policy = self.regime.peer_input
        if policy == "infer":
            # rules.peer_input_count(...) > 0, decided from the raters when none is a peer.
            used = False
            peers = []
            for rater in appraisal.raters:
                if rater.role in PP30_2019_PEER_ROLES:
                    peers.append(rater.id)  # noqa: PERF401 - a comprehension's frame costs more
            if peers:
                for rating in appraisal.ratings:
                    if rating.rater_id in peers:
                        used = True
                        break
        else:
            used = policy == "used"
        ratings, tail = self.kept.tail_ratings, self.tail
        ratings["weighting"] = "with_peer_input" if used else "without_peer_input"
        tail["weight.work"], tail["weight.behaviour"] = _WEIGHT_FIGURES[used]
        (w_n, w_d), (b_n, b_d) = PASAL_41_WEIGHTS[used]
        # work x SKP + behaviour x perilaku, over one denominator.
        scale = self.plan.scale
        a_n, a_d = w_n * skp[0], w_d * skp[1]
        c_n, c_d = b_n * behaviour, b_d * scale
        numerator, denominator = a_n * c_d + c_n * a_d, a_d * c_d
        if numerator * CAP_D > CAP_N * denominator:
            numerator, denominator = CAP_N, CAP_D
        rounded = self.rounded("final", numerator, denominator)
        plan = self.plan
        final, band, ratings["band"] = plan.finals.get(rounded) or plan.final_of(rounded)
        innovative = False
        if band is Grade.VERY_GOOD:
            innovative = rules.innovation_count(item.scope for item in appraisal.innovations) > 0
        # rules.grade_of_band(band, innovative=..., fair_label=regime.fair_label), memoised.
        return (plan.graded.get(band) or plan.grades_of(band))[innovative], final


def score_untraced(regime: Conventions, appraisal: Appraisal, trace: Step | None = None) -> Result:
    """
    Score *appraisal* as `Pp30Run` does, in exact integers, with *trace* as given.

    The kernel builds no step: *trace* is the result's trace (a deferred one, or `None`).

    Raises:
        ScoringInputError: listing every problem, as `Pp30Regime.score` documents.
    """
    kernel = _Kernel(regime, appraisal)
    skp = kernel.work()
    behaviour = kernel.behaviour()
    if kernel.problems:
        raise ScoringInputError(kernel.problems)
    grade = score = None
    if behaviour is not None and skp is not None:  # no gap (and no problem: an SKP value)
        grade, score = kernel.final(skp, behaviour)
    kept = kernel.kept
    # Every field is built here, typed and checked: the result skips its validators.
    return Result._trusted(  # noqa: SLF001 - the kernels' constructor
        regime.id, appraisal.id, grade, score, figures=Figures(kept.figure_entries),
        ratings=KeptRatings(kept), gaps=tuple(kernel.gaps), trace=trace,
    )  # fmt: skip
