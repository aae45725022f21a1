"""
Plots of simulated policies: grade distributions, grade changes, sweeps, curve compliance.

A boundary module behind the optional ``plot`` extra (``pip install ".[plot]"`` in a clone):
matplotlib is imported only when a plot is drawn, and a missing matplotlib raises
`penilaian.exceptions.MissingExtraError`.  Each function draws on the matplotlib
``Axes`` given as *ax* (a new figure's when none is) and returns it; none calls
``plt.show()``, so a notebook shows the figure and a script saves it.

The figures come from the exact values of `penilaian.simulation.compare`: bar
heights are whole counts, labels are the exact shares written to one place.  Floats
appear only where matplotlib draws (positions and percentages on an axis), never in
a count.  Labels are in Indonesian by default, or English with ``lang="en"``, in the
words of `penilaian.reporting.words.WORDS`.
"""

from __future__ import annotations

import numbers
from decimal import Decimal
from typing import TYPE_CHECKING

from penilaian._base.extras import require
from penilaian._base.labels import checked_language
from penilaian._base.numbers import format_number
from penilaian.exceptions import InvalidValueError
from penilaian.model.grades import Grade
from penilaian.reporting.words import WORDS
from penilaian.simulation.compare import Comparison, Sweep

if TYPE_CHECKING:
    from types import ModuleType

    from matplotlib.axes import Axes

    from penilaian._base.labels import Language

__all__ = ["plot_changes", "plot_compliance", "plot_distributions", "plot_sweep"]

_GRADE_COLOURS = {
    Grade.VERY_GOOD: "#1a7f4b",
    Grade.GOOD: "#5bb974",
    Grade.FAIR: "#f2c94c",
    Grade.NEEDS_IMPROVEMENT: "#f2994a",
    Grade.POOR: "#e0603a",
    Grade.VERY_POOR: "#b3261e",
    Grade.BAD: "#7a1712",
}
"""One colour per grade, green (best) to red (worst), the same in every plot."""

_SCENARIO_COLOURS = ("#2f6db5", "#e08a2c", "#3d9a6a", "#8e5bb5", "#c0504d", "#6b7a8f")
"""Colours of scenarios side by side (distinct, readable in grey)."""


def _pyplot() -> ModuleType:
    return require("plot", "matplotlib.pyplot")  # an optional extra, imported on use


def _axes(ax: object, size: tuple[float, float]) -> Axes:
    plt = _pyplot()
    from matplotlib.axes import Axes  # noqa: PLC0415 - after _pyplot has checked the extra

    if ax is None:
        _, created = plt.subplots(figsize=size, layout="constrained")
        return created  # type: ignore[no-any-return]
    if not isinstance(ax, Axes):
        raise InvalidValueError("ax", ax, "must be a matplotlib Axes or None")
    return ax


def _comparison(comparison: object) -> Comparison:
    if not isinstance(comparison, Comparison):
        raise InvalidValueError("comparison", comparison, "must be a Comparison (from run)")
    return comparison


def _grade_label(grade: Grade | None, lang: Language) -> str:
    return WORDS.in_language(lang)["incomplete"] if grade is None else grade.label(lang)


def plot_distributions(
    comparison: Comparison, *, ax: Axes | None = None, lang: Language = "id"
) -> Axes:
    """
    Draw each scenario's grade distribution as grouped bars, one group per grade.

    Each bar's height is the exact number of appraisals with that grade, and its
    label the exact share of the scenario's graded appraisals (one decimal place).
    A scenario with incomplete results says how many in its legend entry.

    Args:
        comparison: From `penilaian.simulation.compare.run` (or a sweep's).
        ax: Where to draw; default a new figure's axes.
        lang: ``"id"`` (default) or ``"en"``.

    Returns:
        The axes drawn on, one bar container per scenario, in order.

    Raises:
        InvalidValueError: *comparison*, *ax* or *lang* is not what it should be.
        MissingExtraError: matplotlib is not installed.
    """
    chosen = _comparison(comparison)
    lang = checked_language(lang)
    words = WORDS.in_language(lang)
    scenarios = len(chosen.distributions)
    axes = _axes(ax, (max(6.0, 1.6 * len(chosen.distributions[0].counts) * scenarios**0.5), 4.2))
    grades = list(chosen.distributions[0].counts)
    width = 0.8 / scenarios
    for index, distribution in enumerate(chosen.distributions):
        offset = (index - (scenarios - 1) / 2) * width
        name = distribution.scenario
        if distribution.incomplete:
            name += f" ({len(distribution.incomplete)} {words['incomplete']})"
        bars = axes.bar(
            [position + offset for position in range(len(grades))],
            [distribution.counts[grade] for grade in grades],
            width,
            label=name,
            color=_SCENARIO_COLOURS[index % len(_SCENARIO_COLOURS)],
        )
        shares = distribution.shares
        labels = [
            format_number(shares[grade], places=1, percent=True) if shares else ""
            for grade in grades
        ]
        axes.bar_label(bars, labels, padding=2, fontsize="small")
    axes.set_xticks(range(len(grades)), [grade.label(lang) for grade in grades])
    axes.set_xlabel(words["grade"])
    axes.set_ylabel(words["appraisals"])
    axes.set_title(words["distributions"])
    axes.margins(y=0.12)
    axes.spines[["top", "right"]].set_visible(False)
    axes.legend(frameon=False)
    return axes


def plot_changes(
    comparison: Comparison,
    before: str,
    after: str,
    *,
    ax: Axes | None = None,
    lang: Language = "id",
) -> Axes:
    """
    Draw who moves between grades from scenario *before* to *after*, as a heat map.

    Row *i*, column *j* counts the appraisals graded *i* under *before* and *j*
    under *after*: the diagonal holds those who keep their grade, the rest those of
    `Comparison.changes`.  Rows sum to *before*'s distribution, columns to
    *after*'s; a row and column "incomplete" appear when some result has no grade.

    Args:
        comparison: From `penilaian.simulation.compare.run`.
        before: The scenario whose grades are the rows.
        after: The scenario whose grades are the columns.
        ax: Where to draw; default a new figure's axes.
        lang: ``"id"`` (default) or ``"en"``.

    Returns:
        The axes drawn on; its one image holds the counts, each cell labelled.

    Raises:
        InvalidValueError: *comparison*, *ax* or *lang* is not what it should be.
        UnknownReferenceError: *before* or *after* is not a scenario compared.
        MissingExtraError: matplotlib is not installed.
    """
    chosen = _comparison(comparison)
    lang = checked_language(lang)
    words = WORDS.in_language(lang)
    changes = chosen.changes(before, after)
    first, second = chosen.distribution(before), chosen.distribution(after)
    grades: list[Grade | None] = list(first.counts)
    if first.incomplete or second.incomplete:
        grades.append(None)
    moved = {(row, column): 0 for row in grades for column in grades}
    for change in changes:
        moved[change.before, change.after] += 1
    for grade in grades:
        kept = len(first.incomplete) if grade is None else first.counts[grade]
        moved[grade, grade] = kept - sum(moved[grade, other] for other in grades if other != grade)
    matrix = [[moved[row, column] for column in grades] for row in grades]
    axes = _axes(ax, (1.2 * len(grades) + 2.2, 1.0 * len(grades) + 1.8))
    from matplotlib.colors import PowerNorm  # noqa: PLC0415 - the extra is checked by _axes

    largest = max(max(row) for row in matrix)
    # A square-root scale keeps the few who move visible beside the many who stay.
    axes.imshow(matrix, cmap="Blues", norm=PowerNorm(0.5, vmin=0, vmax=max(1, largest)))
    for i, row in enumerate(matrix):
        for j, count in enumerate(row):
            dark = count > largest / 2
            colour = "white" if dark else ("#9aa0a6" if count == 0 else "black")
            weight = "bold" if count and i != j else "normal"
            axes.text(j, i, str(count), ha="center", va="center", color=colour, weight=weight)
    labels = [_grade_label(grade, lang) for grade in grades]
    axes.set_xticks(range(len(grades)), labels, rotation=30, ha="right")
    axes.set_yticks(range(len(grades)), labels)
    axes.set_ylabel(f"{words['grade']}: {before}")
    axes.set_xlabel(f"{words['grade']}: {after}")
    total = first.total
    axes.set_title(
        f"{words['changes']}: {before} \u2192 {after}\n{len(changes)} / {total} {words['changed']}",
        fontsize="medium",
    )
    return axes


def _position(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (numbers.Real, Decimal)):
        return None
    return float(value)


def plot_sweep(
    sweep: Sweep,
    *,
    ax: Axes | None = None,
    lang: Language = "id",
    xlabel: str | None = None,
) -> Axes:
    """
    Draw the share of each grade against the swept value, one line per grade.

    Numeric values (integers, fractions, decimals) are placed at their value; any
    other values are placed evenly in the order swept.  Each tick is labelled with
    the value as written (``str(value)``).

    Args:
        sweep: From `penilaian.simulation.compare.sweep`.
        ax: Where to draw; default a new figure's axes.
        lang: ``"id"`` (default) or ``"en"``.
        xlabel: What the swept value is (default "Nilai parameter" / "Parameter value").

    Returns:
        The axes drawn on, one line per grade, best first, each point the grade's
        exact share in percent.

    Raises:
        InvalidValueError: *sweep*, *ax*, *lang* or *xlabel* is not what it should be.
        MissingExtraError: matplotlib is not installed.
    """
    if not isinstance(sweep, Sweep):
        raise InvalidValueError("sweep", sweep, "must be a Sweep (from sweep)")
    lang = checked_language(lang)
    words = WORDS.in_language(lang)
    if xlabel is not None and not isinstance(xlabel, str):
        raise InvalidValueError("xlabel", xlabel, "must be a string or None")
    values = [point.value for point in sweep.points]
    positions = [_position(value) for value in values]
    xs = (
        [float(index) for index in range(len(values))]
        if None in positions or len(set(positions)) < len(positions)
        else [float(position) for position in positions if position is not None]
    )
    percents = {
        grade: [float(point.distribution.shares.get(grade, 0) * 100) for point in sweep.points]
        for grade in sweep.points[0].distribution.counts
    }
    axes = _axes(ax, (7.0, 4.2))
    for grade, line in percents.items():
        axes.plot(
            xs,
            line,
            marker="o",
            label=grade.label(lang),
            color=_GRADE_COLOURS[grade],
            clip_on=False,
        )
    axes.set_xticks(xs, [str(value) for value in values])
    axes.set_xlabel(words["parameter_value"] if xlabel is None else xlabel)
    axes.set_ylabel(words["appraisal_share"])
    highest = max((max(line) for line in percents.values()), default=0.0)
    axes.set_ylim(0, min(100.0, highest + 10.0))
    axes.set_title(words["sweep"])
    axes.grid(axis="y", alpha=0.3)
    axes.spines[["top", "right"]].set_visible(False)
    if percents:
        axes.legend(frameon=False, loc="center left", bbox_to_anchor=(1.0, 0.5))
    return axes


def plot_compliance(
    comparison: Comparison, *, ax: Axes | None = None, lang: Language = "id"
) -> Axes:
    """
    Draw how many units meet their distribution curve under each scenario.

    One horizontal bar per scenario checked against a curve, split into the units
    compliant, not compliant, and not checked (some appraisal without a grade);
    each part labelled with its count.  Scenarios without a curve are left out.

    Args:
        comparison: From `penilaian.simulation.compare.run`.
        ax: Where to draw; default a new figure's axes.
        lang: ``"id"`` (default) or ``"en"``.

    Returns:
        The axes drawn on, three bar containers (compliant, not compliant, not
        checked), one bar per scenario in order from the top.

    Raises:
        InvalidValueError: *comparison*, *ax* or *lang* is not what it should be, or
            no scenario of *comparison* has a curve.
        MissingExtraError: matplotlib is not installed.
    """
    chosen = _comparison(comparison)
    lang = checked_language(lang)
    words = WORDS.in_language(lang)
    names = [scenario.name for scenario in chosen.scenarios if scenario.curve is not None]
    if not names:
        reason = "has no scenario checked against a distribution curve"
        raise InvalidValueError("comparison", chosen, reason)
    units = [chosen.units(name) for name in names]
    parts = {
        "met": [sum(unit.compliant is True for unit in each) for each in units],
        "violated": [sum(unit.compliant is False for unit in each) for each in units],
        "unchecked": [sum(unit.compliant is None for unit in each) for each in units],
    }
    colours = {"met": "#3d9a6a", "violated": "#c0504d", "unchecked": "#b0b4ba"}
    axes = _axes(ax, (7.0, 0.6 * len(names) + 1.8))
    rows = list(range(len(names)))
    left = [0] * len(names)
    for key, counts in parts.items():
        bars = axes.barh(rows, counts, left=left, label=words[key], color=colours[key], height=0.6)
        labels = [str(count) if count else "" for count in counts]
        axes.bar_label(bars, labels, label_type="center", color="white", weight="bold")
        left = [start + count for start, count in zip(left, counts, strict=True)]
    axes.set_yticks(rows, names)
    axes.invert_yaxis()
    axes.set_xlim(0, max(1, *left) * 1.02)
    axes.set_xlabel(words["units"])
    axes.set_title(words["compliance"])
    axes.spines[["top", "right"]].set_visible(False)
    axes.legend(frameon=False, ncols=3, loc="upper center", bbox_to_anchor=(0.5, -0.25))
    return axes
