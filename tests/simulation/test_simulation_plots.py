"""Tests for penilaian.simulation.plots: what each plot draws is the exact simulation."""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from fractions import Fraction

import attrs
import matplotlib as mpl
import pytest

from penilaian import (
    GenericRegime,
    Grade,
    Period,
    Pp30Regime,
    Renormalise,
    Require,
    WeightingPolicy,
    Weights,
)
from penilaian._base.numbers import format_number
from penilaian.exceptions import InvalidValueError, MissingExtraError, UnknownReferenceError
from penilaian.simulation import WorkforceSpec, generate
from penilaian.simulation.compare import Scenario, run, silent, sweep
from penilaian.simulation.plots import (
    plot_changes,
    plot_compliance,
    plot_distributions,
    plot_sweep,
)

mpl.use("Agg")
import matplotlib.pyplot as plt

PEERS = WeightingPolicy(
    {"supervisor": "1/2", "peer": "1/4", "subordinate": "1/4", "public": 0},
    missing=Renormalise(),
)
STRICT = WeightingPolicy(
    {"supervisor": "1/2", "peer": "1/4", "subordinate": "1/4", "public": 0},
    missing=Require(),
    min_raters={"peer": 3},
)
SUPERVISOR = Scenario("supervisor", attrs.evolve(Pp30Regime(), peer_input="not_used"))
WITH_PEERS = Scenario("360", attrs.evolve(Pp30Regime(), aggregator=PEERS, peer_input="used"))
STRICT_PEERS = Scenario("strict", attrs.evolve(Pp30Regime(), aggregator=STRICT))


def _behaviour_share(share):
    weights = Weights({"work": 1 - share, "behaviour": share})
    regime = attrs.evolve(GenericRegime.default(), weights=weights)
    return Scenario(f"behaviour {share}", regime, curve=None)


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


@pytest.fixture(name="workforce", scope="module")
def _workforce():
    spec = WorkforceSpec(employees=120, regime="pp30_2019", period=Period.semester(2021, 2))
    return generate(spec, 11)


@pytest.fixture(name="comparison", scope="module")
def _comparison(workforce):
    return run(workforce, [SUPERVISOR, WITH_PEERS, STRICT_PEERS], progress=silent)


@pytest.fixture(name="swept", scope="module")
def _swept(workforce):
    values = [Fraction(1, 5), Fraction(3, 10), Fraction(1, 2)]
    return sweep(workforce, _behaviour_share, values, progress=silent)


def _matrix(ax):
    return [[int(cell) for cell in row] for row in ax.images[0].get_array().tolist()]


class TestPlotDistributions:
    def test_bars_are_the_exact_counts(self, comparison):
        """One bar container per scenario; each bar's height is the grade's count."""
        ax = plot_distributions(comparison)
        assert len(ax.containers) == 3
        for container, distribution in zip(ax.containers, comparison.distributions, strict=True):
            heights = [patch.get_height() for patch in container.patches]
            assert list(distribution.counts.values()) == heights
        assert sum(p.get_height() for p in ax.containers[0].patches) == 120

    def test_labels_are_the_exact_shares(self, comparison):
        """Each bar is labelled with its grade's exact share, in order."""
        ax = plot_distributions(comparison)
        expected = [
            format_number(share, places=1, percent=True)
            for distribution in comparison.distributions
            for share in distribution.shares.values()
        ]
        assert expected == [text.get_text() for text in ax.texts]
        first = comparison.distributions[0]
        assert sum(first.shares.values()) == 1

    def test_grade_labels_in_indonesian_by_default(self, comparison):
        """The ticks name the grades in Indonesian; English on request."""
        grades = list(comparison.distributions[0].counts)
        ax = plot_distributions(comparison)
        assert [g.label("id") for g in grades] == [t.get_text() for t in ax.get_xticklabels()]
        assert ax.get_ylabel() == "Jumlah penilaian"
        english = plot_distributions(comparison, lang="en")
        assert [g.label("en") for g in grades] == [t.get_text() for t in english.get_xticklabels()]
        assert english.get_title() == "Grade distribution by scenario"

    def test_legend_names_scenarios_and_incomplete(self, comparison):
        """The legend names each scenario and how many results of one are incomplete."""
        incomplete = len(comparison.distribution("strict").incomplete)
        assert incomplete
        ax = plot_distributions(comparison, lang="en")
        names = [text.get_text() for text in ax.get_legend().get_texts()]
        assert names == ["supervisor", "360", f"strict ({incomplete} incomplete)"]

    def test_draws_on_the_axes_given(self, comparison):
        """Given axes are drawn on and returned; no new figure is made."""
        figure, ax = plt.subplots()
        assert plot_distributions(comparison, ax=ax) is ax
        assert plt.get_fignums() == [figure.number]

    def test_nothing_graded(self, workforce):
        """When no result has a grade, no bar is drawn and no share written."""
        everything = WeightingPolicy(
            {"supervisor": "1/2", "peer": "1/2", "subordinate": 0, "public": 0},
            missing=Require(),
            min_raters={"peer": 99},
        )
        scenario = Scenario("none", attrs.evolve(Pp30Regime(), aggregator=everything))
        comparison = run(workforce, [scenario], progress=silent)
        assert comparison.distributions[0].graded == 0
        ax = plot_distributions(comparison)
        assert [len(c.patches) for c in ax.containers] == [0]
        nothing = sweep(workforce, lambda _: scenario, [1], progress=silent)
        ax = plot_sweep(nothing)
        assert (list(ax.lines), ax.get_legend(), ax.get_ylim()) == ([], None, (0.0, 10.0))
        matrix = _matrix(plot_changes(comparison, "none", "none"))
        assert matrix == [[120]]


class TestPlotChanges:
    def test_matrix_rows_and_columns_are_the_distributions(self, comparison):
        """Rows sum to the first scenario's counts, columns to the second's."""
        ax = plot_changes(comparison, "supervisor", "360")
        matrix = _matrix(ax)
        before = comparison.distribution("supervisor").counts
        after = comparison.distribution("360").counts
        assert list(before.values()) == [sum(row) for row in matrix]
        assert list(after.values()) == [sum(column) for column in zip(*matrix, strict=True)]

    def test_off_diagonal_cells_are_the_changes(self, comparison):
        """Every cell off the diagonal counts the grade changes between its two grades."""
        changes = comparison.changes("supervisor", "360")
        assert changes
        moved = Counter((c.before, c.after) for c in changes)
        grades = list(comparison.distribution("supervisor").counts)
        matrix = _matrix(plot_changes(comparison, "supervisor", "360"))
        for i, row_grade in enumerate(grades):
            for j, column_grade in enumerate(grades):
                if i != j:
                    assert moved[row_grade, column_grade] == matrix[i][j]
        off = sum(matrix[i][j] for i in range(len(grades)) for j in range(len(grades)) if i != j)
        assert len(changes) == off

    def test_cells_are_labelled_and_titled(self, comparison):
        """Each cell carries its count; the title says how many changed."""
        ax = plot_changes(comparison, "supervisor", "360", lang="en")
        matrix = _matrix(ax)
        assert [str(n) for row in matrix for n in row] == [t.get_text() for t in ax.texts]
        changed = len(comparison.changes("supervisor", "360"))
        assert f"{changed} / 120 changed" in ax.get_title()
        assert ax.get_ylabel() == "Grade: supervisor"
        assert ax.get_xlabel() == "Grade: 360"

    def test_incomplete_row_and_column(self, comparison):
        """Results without a grade get their own row and column, in the words of lang."""
        ax = plot_changes(comparison, "360", "strict")
        labels = [t.get_text() for t in ax.get_xticklabels()]
        assert labels[-1] == "tidak lengkap"
        matrix = _matrix(ax)
        incomplete = len(comparison.distribution("strict").incomplete)
        assert incomplete == sum(row[-1] for row in matrix)
        assert sum(matrix[-1]) == 0
        assert sum(map(sum, matrix)) == 120

    def test_same_scenario_is_the_diagonal(self, comparison):
        """A scenario against itself keeps everyone on the diagonal."""
        matrix = _matrix(plot_changes(comparison, "360", "360"))
        counts = list(comparison.distribution("360").counts.values())
        assert counts == [matrix[i][i] for i in range(len(counts))]
        assert sum(map(sum, matrix)) == sum(counts)

    @pytest.mark.parametrize(
        ("before", "after", "field"), [("x", "360", "before"), ("360", "y", "after")]
    )
    def test_unknown_scenario_names_the_argument(self, comparison, before, after, field):
        """A scenario not compared is refused, naming the argument."""
        with pytest.raises(UnknownReferenceError) as caught:
            plot_changes(comparison, before, after)
        assert field == caught.value.field


class TestPlotSweep:
    def test_one_line_per_grade_at_the_exact_shares(self, swept):
        """Each grade's line passes through its exact share, in percent, at each value."""
        ax = plot_sweep(swept)
        grades = list(swept.points[0].distribution.counts)
        assert [g.label("id") for g in grades] == [line.get_label() for line in ax.lines]
        for grade, line in zip(grades, ax.lines, strict=True):
            expected = [float(p.distribution.shares[grade] * 100) for p in swept.points]
            assert expected == list(line.get_ydata())
            assert list(line.get_xdata()) == [0.2, 0.3, 0.5]
        assert [t.get_text() for t in ax.get_xticklabels()] == ["1/5", "3/10", "1/2"]

    def test_shares_sum_to_one_hundred(self, swept):
        """At each value the grades' shares add up to 100 %."""
        ax = plot_sweep(swept)
        for index in range(len(swept.points)):
            assert sum(line.get_ydata()[index] for line in ax.lines) == pytest.approx(100)

    def test_labels(self, swept):
        """The x label is the one given, or the default in the language chosen."""
        assert plot_sweep(swept, xlabel="bobot perilaku").get_xlabel() == "bobot perilaku"
        ax = plot_sweep(swept, lang="en")
        assert ax.get_xlabel() == "Parameter value"
        assert ax.get_ylabel() == "Share of appraisals (%)"
        assert ax.get_ylim()[0] == 0

    def test_other_values_are_placed_in_order(self, workforce):
        """Values that are not numbers sit evenly, in the order swept."""
        shares = {"low": Fraction(1, 5), "high": Fraction(1, 2)}
        result = sweep(
            workforce, lambda key: _behaviour_share(shares[key]), list(shares), progress=silent
        )
        ax = plot_sweep(result)
        assert list(ax.lines[0].get_xdata()) == [0.0, 1.0]
        assert [t.get_text() for t in ax.get_xticklabels()] == ["low", "high"]

    def test_repeated_positions_are_placed_in_order(self, workforce):
        """Numbers that fall on one position (1 and 1.0) sit evenly too."""
        from decimal import Decimal  # noqa: PLC0415

        def scenario(value):
            return attrs.evolve(_behaviour_share(Fraction(3, 10)), name=repr(value))

        result = sweep(workforce, scenario, [1, Decimal(1)], progress=silent)
        assert list(plot_sweep(result).lines[0].get_xdata()) == [0.0, 1.0]

    def test_refuses_a_bad_xlabel(self, swept):
        """The x label is a string."""
        with pytest.raises(InvalidValueError) as caught:
            plot_sweep(swept, xlabel=3)
        assert caught.value.field == "xlabel"


class TestPlotCompliance:
    def test_bars_are_the_unit_counts(self, comparison):
        """Each scenario's bar splits its units into compliant, not, and not checked."""
        ax = plot_compliance(comparison)
        met, violated, unchecked = ax.containers
        for index, name in enumerate(["supervisor", "360", "strict"]):
            units = comparison.units(name)
            assert comparison.compliant_units(name) == met.patches[index].get_width()
            assert sum(u.compliant is False for u in units) == violated.patches[index].get_width()
            assert sum(u.check is None for u in units) == unchecked.patches[index].get_width()
            total = sum(c.patches[index].get_width() for c in ax.containers)
            assert len(units) == total
        assert unchecked.patches[2].get_width() > 0
        assert [t.get_text() for t in ax.get_yticklabels()] == ["supervisor", "360", "strict"]

    def test_legend_words(self, comparison):
        """The legend is in the language chosen."""
        english = plot_compliance(comparison, lang="en").get_legend().get_texts()
        assert [t.get_text() for t in english] == ["compliant", "not compliant", "not checked"]
        indonesian = plot_compliance(comparison).get_legend().get_texts()
        assert indonesian[0].get_text() == "memenuhi"

    def test_leaves_out_scenarios_without_a_curve(self, swept, workforce):
        """A scenario without a curve has no bar; with none at all the call is refused."""
        with pytest.raises(InvalidValueError) as caught:
            plot_compliance(swept.comparison)
        assert caught.value.field == "comparison"
        mixed = run(workforce, [_behaviour_share(Fraction(1, 5)), SUPERVISOR], progress=silent)
        ax = plot_compliance(mixed)
        assert [t.get_text() for t in ax.get_yticklabels()] == ["supervisor"]


ALL_PLOTS = [
    pytest.param(plot_distributions, (), id="distributions"),
    pytest.param(plot_changes, ("supervisor", "360"), id="changes"),
    pytest.param(plot_compliance, (), id="compliance"),
]


class TestBadInput:
    @pytest.mark.parametrize(("plot", "args"), ALL_PLOTS)
    def test_refuses_what_is_not_a_comparison(self, plot, args, swept):
        """A Sweep (or anything else) where a Comparison is expected is refused."""
        with pytest.raises(InvalidValueError) as caught:
            plot(swept, *args)
        assert caught.value.field == "comparison"

    def test_plot_sweep_refuses_a_comparison(self, comparison):
        """plot_sweep needs a Sweep."""
        with pytest.raises(InvalidValueError) as caught:
            plot_sweep(comparison)
        assert caught.value.field == "sweep"

    @pytest.mark.parametrize(("plot", "args"), ALL_PLOTS)
    def test_refuses_what_is_not_axes(self, plot, args, comparison):
        """ax must be matplotlib Axes."""
        figure, _ = plt.subplots()
        with pytest.raises(InvalidValueError) as caught:
            plot(comparison, *args, ax=figure)
        assert caught.value.field == "ax"

    @pytest.mark.parametrize(("plot", "args"), ALL_PLOTS)
    def test_refuses_an_unknown_language(self, plot, args, comparison):
        """lang is "id" or "en"."""
        with pytest.raises(InvalidValueError) as caught:
            plot(comparison, *args, lang="fr")
        assert caught.value.field == "lang"


class TestMissingExtra:
    @pytest.mark.parametrize(("plot", "args"), ALL_PLOTS)
    def test_names_the_extra(self, monkeypatch, plot, args, comparison):
        """Without matplotlib, drawing names the extra to install."""
        monkeypatch.setitem(sys.modules, "matplotlib", None)
        monkeypatch.setitem(sys.modules, "matplotlib.pyplot", None)
        with pytest.raises(MissingExtraError) as caught:
            plot(comparison, *args)
        assert (caught.value.extra, caught.value.package) == ("plot", "matplotlib")
        assert 'pip install "penilaian[plot]"' in str(caught.value)

    def test_sweep_names_the_extra(self, monkeypatch, swept):
        """plot_sweep too."""
        monkeypatch.setitem(sys.modules, "matplotlib.pyplot", None)
        with pytest.raises(MissingExtraError):
            plot_sweep(swept)

    def test_importing_the_module_imports_no_matplotlib(self):
        """matplotlib is loaded only when a plot is drawn."""
        code = "import sys, penilaian.simulation.plots; print('matplotlib' in sys.modules)"
        result = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )
        assert result.stdout == "False\n"


class TestSaved:
    def test_each_plot_saves_a_png(self, comparison, swept, tmp_path):
        """Every plot renders to a PNG file without warnings."""
        axes = [
            plot_distributions(comparison),
            plot_changes(comparison, "supervisor", "360"),
            plot_sweep(swept, lang="en", xlabel="behaviour weight"),
            plot_compliance(comparison, lang="en"),
        ]
        for index, ax in enumerate(axes):
            path = tmp_path / f"plot-{index}.png"
            ax.figure.savefig(path)
            assert path.read_bytes().startswith(b"\x89PNG")
        assert len({id(ax.figure) for ax in axes}) == 4


def test_grade_colours_cover_every_grade():
    """Every grade has a colour, so no sweep fails on a grade it has not met."""
    from penilaian.simulation.plots import _GRADE_COLOURS  # noqa: PLC0415

    assert set(Grade) == set(_GRADE_COLOURS)
