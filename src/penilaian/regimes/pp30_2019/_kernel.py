"""
PP 30/2019 in exact integers: the score without a trace, with no `Fraction` built.

`score_untraced` computes what `penilaian.regimes.pp30_2019._run.Pp30Run` computes
without a trace, figure for figure, and checks the appraisal at the same points with
the same functions (`penilaian.regimes.pp30_2019._checks`,
`penilaian.regimes.pp30_2019._behaviour.checked_aspects`), so it lists the same
problems in the same order.  Every value is a numerator over a denominator (never
reduced), a rounded value is a whole number of ``10**-places``, and each declared
rounding is one exact integer division (`penilaian._base.numbers.scaled_round_ratio`);
each capaian is `penilaian.scoring.achievement.achievement_ratio` (the one formula, in
integers) and the tables are read as they are (`IkiSegment.apply_ratio`,
`RencanaBands.band_of_ratio`, `BandTable.classify_ratio`).  The figures are kept as
integers and written as `Decimal` only when read (`penilaian._base.figures`).  The
regime's aggregator is called as the run calls it, and builds what it builds.

It builds no step: `Pp30Run` builds the trace, and a differential test
(``tests/regimes/test_pp30_kernel.py``) holds the two equal on random appraisals and
every option, at every band cut and rounding half, and on invalid input.
"""

from __future__ import annotations

from decimal import Decimal
from types import MappingProxyType
from typing import TYPE_CHECKING

from penilaian._base.figures import Figures, figure_of
from penilaian._base.numbers import Ratio, scaled_round_ratio
from penilaian._base.trace import Gap
from penilaian.exceptions import Problem, ScoringInputError
from penilaian.model.grades import Grade
from penilaian.model.targets import TargetKind
from penilaian.regimes.pp30_2019 import rules
from penilaian.regimes.pp30_2019._behaviour import checked_aspects, plain_aspects
from penilaian.regimes.pp30_2019._checks import (
    INDICATOR_ERRORS,
    indicator_problem,
    no_main_problem,
    weight_problems,
)
from penilaian.regimes.pp30_2019._kernel_tables import (
    CAP_D,
    CAP_N,
    PASAL_41_WEIGHTS,
    WHOLE_MODE,
    WHOLE_PLACES,
    WHOLE_SCALE,
    Points,
    points_of,
    whole_segment,
)
from penilaian.regimes.pp30_2019._run import _WEIGHT_FIGURES
from penilaian.regimes.pp30_2019.rules import _iki_segment_ratio
from penilaian.scoring.achievement import achievement_ratio
from penilaian.scoring.result import Result

if TYPE_CHECKING:
    from penilaian._base.figures import Entry
    from penilaian._base.trace import Step
    from penilaian.exceptions import InvalidValueError
    from penilaian.model.appraisal import Appraisal
    from penilaian.model.targets import Indicator, WorkTarget
    from penilaian.regimes.pp30_2019._run import Conventions
    from penilaian.regimes.pp30_2019.tables import IkiSegment

__all__ = ["score_untraced"]


class _Kernel:
    """The state of one untraced scoring: figures, ratings, gaps and problems, in order."""

    __slots__ = (
        "appraisal", "categories", "category_route", "entries", "gaps", "mode", "places",
        "points_of", "problems", "ratings", "regime", "scale", "trace", "whole",
    )  # fmt: skip

    def __init__(self, regime: Conventions, appraisal: Appraisal) -> None:
        self.regime = regime
        self.appraisal = appraisal
        self.trace = False
        self.entries: dict[str, Entry] = {}
        self.ratings: dict[str, str] = {}
        self.gaps: list[Gap] = []
        self.problems: list[Problem] = []
        self.categories: dict[str, Grade] = {}
        rounding = regime.rounding
        self.places = rounding.places
        self.mode = rounding.mode
        self.scale = 10**rounding.places
        self.category_route = regime.route_of(appraisal) == "category"
        self.whole = regime.achievement_rounding == "integer_percent"
        self.points_of = points_of(regime.iki_points) if self.category_route else {}

    def problem(self, path: str, error: InvalidValueError) -> None:
        """Record that the input at *path* failed a check (raised with the others later)."""
        self.problems.append(Problem.from_error(path, error))

    def gap(self, path: str, reason: str) -> None:
        """Record that something the rules need is missing at *path*."""
        self.gaps.append(Gap(path, reason))

    def rounded(self, key: str, numerator: int, denominator: int) -> int:
        """Write figure *key* rounded; return it as a whole number of ``10**-places``."""
        scaled = scaled_round_ratio(numerator, denominator, self.places, self.mode)
        self.entries[key] = (scaled, -self.places)
        return scaled

    # -- work: indicators, work targets, main and additional work, SKP ---------------------

    def work(self) -> Ratio | None:
        """Return the exact SKP value; `None` when problems were found."""
        main: dict[str, int] = {}
        additional: dict[str, int] = {}
        for t_index, target in enumerate(self.appraisal.targets):
            found = self.work_target(t_index, target)
            if found is not None:
                (main if target.kind is TargetKind.MAIN else additional)[target.id] = found
        if self.problems:
            return None
        main_value = self.main(main)
        if main_value is None:
            return None
        extra_n, extra_d = self.additional(additional)
        main_n, main_d = main_value
        skp = main_n * extra_d + extra_n * main_d, main_d * extra_d
        self.entries["skp"] = skp
        return skp

    def work_target(self, t_index: int, target: WorkTarget) -> int | None:
        """Return a work target's rounded value, or `None` after recording its problems."""
        category_route = self.category_route
        values: list[int] = []  # rounded nilai capaian IKI (interpolation route)
        points: list[Points] = []  # IKI points (category route)
        indicators = target.indicators
        for i_index, indicator in enumerate(indicators):
            try:
                numerator, denominator = achievement_ratio(indicator)
            except INDICATOR_ERRORS as error:
                indicator_problem(self, t_index, i_index, error)
                continue
            if category_route:
                points.append(self.points(indicator, numerator, denominator))
            else:
                values.append(self.value(indicator, numerator, denominator))
        if len(points) + len(values) < len(indicators):
            return None
        if category_route:
            return self.rencana(target.id, points)
        if not values:  # no IKI: the rule refuses it, as the run does
            rules.work_target_value(values)
        return self.rounded(f"target[{target.id}].value", sum(values), len(values) * self.scale)

    def read(
        self, indicator: Indicator, numerator: int, denominator: int
    ) -> tuple[IkiSegment, Ratio]:
        """
        Write an IKI's capaian (as the conversion reads it) and category.

        Return its piece of the conversion and the capaian that piece is applied to.
        """
        prefix = f"indicator[{indicator.id}]"
        at_maximum = indicator.target_is_maximum
        if self.whole:
            shown = scaled_round_ratio(numerator, denominator, WHOLE_PLACES, WHOLE_MODE)
            self.entries[f"{prefix}.achievement"] = (shown, -WHOLE_PLACES)
            whole = abs(shown) // WHOLE_SCALE  # int() of the whole percent shown: towards 0
            capaian = (-whole if shown < 0 else whole), 1
            segment, category = whole_segment(capaian[0], at_maximum)
        else:
            shown = scaled_round_ratio(numerator, denominator, self.places, self.mode)
            self.entries[f"{prefix}.achievement"] = (shown, -self.places)
            capaian = numerator, denominator
            segment = _iki_segment_ratio(numerator, denominator, at_maximum=at_maximum)
            category = segment.category.value
        self.ratings[f"{prefix}.category"] = category
        return segment, capaian

    def value(self, indicator: Indicator, numerator: int, denominator: int) -> int:
        """Write and return an IKI's rounded nilai capaian IKI (the interpolation route)."""
        segment, capaian = self.read(indicator, numerator, denominator)
        key = f"indicator[{indicator.id}].value"
        return self.rounded(key, *segment.apply_ratio(*capaian))

    def points(self, indicator: Indicator, numerator: int, denominator: int) -> Points:
        """Write and return an IKI's category points (the category route)."""
        category = self.read(indicator, numerator, denominator)[0].category
        found = self.points_of.get(category)
        if found is None:  # not an IKI category: the rule refuses it
            value = rules.category_points(category, self.regime.iki_points)
            found = value, *value.as_integer_ratio()
        self.entries[f"indicator[{indicator.id}].points"] = found[0]
        return found

    def rencana(self, name: str, points: list[Points]) -> int:
        """Return a work target's rounded nilai from its IKI points (the category route)."""
        bands = self.regime.rencana_bands
        if not points:  # no IKI: the rule refuses it, as the run does
            rules.rencana_band([], bands)
        total_n, total_d = 0, 1
        for _, n, d in points:
            total_n, total_d = total_n * d + n * total_d, total_d * d
        band = bands.band_of_ratio(total_n, total_d, len(points))
        self.entries[f"target[{name}].iki_points"] = sum([row[0] for row in points], Decimal(0))
        self.ratings[f"target[{name}].category"] = band.category.value
        self.categories[name] = band.category
        nilai = band.value
        return self.rounded(f"target[{name}].value", nilai.numerator, nilai.denominator)

    def main(self, values: dict[str, int]) -> Ratio | None:
        """Return nilai kinerja utama: the mean of the main targets, or their weighted sum."""
        if not values:
            no_main_problem(self)
            return None
        scale = self.scale
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
        self.entries["main"] = total, scale
        return total, scale

    def additional(self, values: dict[str, int]) -> Ratio:
        """Return the points additional work adds: none by default, else from the table."""
        entries = self.entries
        table = self.regime.additional_points
        if self.category_route:
            by_category = self.regime.category_additional_points
            if by_category is not None:
                categories = self.categories
                for name in values:
                    entries[f"target[{name}].points"] = by_category.of(categories[name])
                found = rules.additional_category_points(
                    (categories[name] for name in values), by_category
                )
                entries["additional"] = found
                return found.as_integer_ratio()
            table = None
        if table is None:
            entries["additional"] = Decimal(0)
            return 0, 1
        total_n, total_d = 0, 1
        for name, value in values.items():
            points = table.classify_ratio(value, self.scale)
            entries[f"target[{name}].points"] = points
            n, d = points.as_integer_ratio()
            total_n, total_d = total_n * d + n * total_d, total_d * d
        entries["additional"] = total_n, total_d
        return total_n, total_d

    # -- behaviour ---------------------------------------------------------------------------

    def behaviour(self) -> int | None:
        """Return the rounded perilaku value (over ``10**places``); `None` with gaps or problems."""
        found = plain_aspects(self.appraisal, self.regime.aggregator)
        if found is None:  # anything but the plain case: the checks the run makes
            checked = checked_aspects(self)
            if checked is None:
                return None
            found = [
                (f"behaviour[{aspect_id}]", value.numerator, value.denominator)
                for aspect_id, value, _ in checked
            ]
        total = 0
        for key, numerator, denominator in found:
            total += self.rounded(key, numerator, denominator)
        if self.gaps or self.problems:
            return None
        if not found:  # no aspect: the rule refuses it, as the run does
            rules.behaviour_value([])
        return self.rounded("behaviour", total, len(found) * self.scale)

    # -- combination and grade ---------------------------------------------------------------

    def final(self, skp: Ratio, behaviour: int) -> tuple[Grade, Decimal]:
        """Return the predikat and the final value: weighted, capped at 120, rounded."""
        regime = self.regime
        appraisal = self.appraisal
        policy = regime.peer_input
        if policy == "infer":
            roles = appraisal.rater_roles
            used = rules.peer_input_count(roles[r.rater_id] for r in appraisal.ratings) > 0
        else:
            used = policy == "used"
        ratings = self.ratings
        ratings["weighting"] = "with_peer_input" if used else "without_peer_input"
        entries = self.entries
        entries["weight.work"], entries["weight.behaviour"] = _WEIGHT_FIGURES[used]
        (w_n, w_d), (b_n, b_d) = PASAL_41_WEIGHTS[used]
        # work x SKP + behaviour x perilaku, over one denominator.
        a_n, a_d = w_n * skp[0], w_d * skp[1]
        c_n, c_d = b_n * behaviour, b_d * self.scale
        numerator, denominator = a_n * c_d + c_n * a_d, a_d * c_d
        if numerator * CAP_D > CAP_N * denominator:
            numerator, denominator = CAP_N, CAP_D
        final = figure_of((self.rounded("final", numerator, denominator), -self.places))
        band = rules.performance_band(final)
        ratings["band"] = band.value
        found = 0
        if band is Grade.VERY_GOOD:
            found = rules.innovation_count(item.scope for item in appraisal.innovations)
        grade = rules.grade_of_band(band, innovative=found > 0, fair_label=regime.fair_label)
        return grade, final


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
    # Every field is built here, typed and checked: the result skips its validators.
    return Result._trusted(  # noqa: SLF001 - the kernels' constructor
        regime.id, appraisal.id, grade, score, figures=Figures(kernel.entries),
        ratings=MappingProxyType(kernel.ratings), gaps=tuple(kernel.gaps), trace=trace,
    )  # fmt: skip
