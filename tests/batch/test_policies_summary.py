"""
Policy grids as summaries: `summarise_policies` equals the full grid and the scalar regime.

The oracle for the counts and changes is the full grid of `score_policies` (itself
checked row by row against `GenericRegime.score` in `test_batch_generic.py`), and for
the curve `penilaian.analysis.curve.check_curve` on the grid's grades.  The summary
decides bands without rounding every score, folds slices as they pass and carries the
units that cross a slice, so each of those is compared at every chunk boundary.
"""

from __future__ import annotations

import functools
from decimal import Decimal
from fractions import Fraction

import attrs
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.batch.test_batch_generic import (
    ROLE_AMOUNTS,
    batch_of,
    one_row,
    policies,
    regimes,
    with_cuts_at,
    workforce,
)

import penilaian as p
from penilaian.analysis.curve import GradedEmployee, QuotaConvention, check_curve
from penilaian.batch import GRADES
from penilaian.batch.generic import GenericBatch
from penilaian.batch.policies import score_policies, summarise_policies
from penilaian.exceptions import (
    InvalidInputError,
    InvalidNumberError,
    InvalidValueError,
    MissingValueError,
    PenilaianError,
    UnknownLabelError,
)
from penilaian.model.grades import BandTable, OrganisationGrade
from penilaian.policy import SupervisorRating
from penilaian.simulation import WorkforceSpec, generate

N = 60  # the employees of `workforce(seed)`


@functools.cache
def unit_grades(seed: int) -> dict[str, OrganisationGrade]:
    return dict(generate(WorkforceSpec(employees=N, regime="pp30_2019"), seed=seed).unit_grades)


def units_of(seed: int) -> list[str]:
    return [appraisal.position.unit_id for appraisal in workforce(seed)]


@st.composite
def policy_sets(draw: st.DrawFn, seed: int) -> dict[str, p.GenericRegime]:
    """1-4 regimes sharing what the batch reads: weights, roles, rounding and cuts differ."""
    base = draw(regimes())
    chosen = {}
    for number in range(draw(st.integers(1, 4))):
        share = Fraction(draw(st.integers(0, 20)), 20)
        rounding = p.Rounding(
            draw(st.integers(0, 3)), draw(st.sampled_from(["half_up", "half_even", "down"]))
        )
        regime = attrs.evolve(
            base, weights=p.Weights({"work": 1 - share, "behaviour": share}), rounding=rounding
        )
        if not isinstance(base.aggregator, SupervisorRating):
            kind = type(base.aggregator.aggregation)
            aggregator = draw(policies().filter(lambda x, k=kind: isinstance(x.aggregation, k)))
            regime = attrs.evolve(regime, aggregator=aggregator)
        picks = draw(st.lists(st.integers(0, N - 1), max_size=4))
        chosen[f"p{number}"] = with_cuts_at(regime, workforce(seed), picks)
    return chosen


def expected_status(grades: np.ndarray, rows: list[int], unit: str, grade, convention) -> int:
    """The unit's compliance as `check_curve` gives it on the grid's grades; -1 if it cannot."""
    codes = grades[rows]
    if (codes < 0).any():
        return -1
    staff = [
        GradedEmployee(f"e{row}", GRADES[code], unit) for row, code in zip(rows, codes, strict=True)
    ]
    try:
        return int(check_curve(unit, grade, staff, convention=convention).compliant)
    except PenilaianError:  # a grade the curve does not count (Cukup)
        return -1


def assert_summary_is_grid(
    summary, grade, band, complete, labels, *, units=None, grades=None, convention=None, ids=None
) -> None:
    """Counts, bands, changes and unit compliance equal what the per-row *grade* gives."""
    baseline = summary.names.index(summary.baseline)
    counts = np.stack([(grade == code).sum(axis=1) for code in range(len(GRADES))], axis=1)
    assert summary.grades.tolist() == counts.tolist()
    assert summary.ungraded.tolist() == (grade < 0).sum(axis=1).tolist()
    assert summary.incomplete.tolist() == (~complete).sum(axis=1).tolist()
    for index, name in enumerate(summary.names):
        per_band = [int((band[index] == code).sum()) for code in range(len(labels[index]))]
        assert summary.bands[index].tolist() == per_band
        changed = summary.changed(name)
        rows = np.flatnonzero(grade[index] != grade[baseline])
        assert changed.rows.tolist() == rows.tolist()
        assert changed.before.tolist() == grade[baseline, rows].tolist()
        assert changed.after.tolist() == grade[index, rows].tolist()
        assert len(changed) == len(rows)
        if ids is not None:
            assert changed.ids.tolist() == [ids[row] for row in rows]
        else:
            assert changed.ids is None
    if units is None:
        assert summary.units == ()
        assert summary.compliance.shape == (len(summary.names), 0)
        return
    convention = convention or QuotaConvention()
    members: dict[str, list[int]] = {}
    for row, unit in enumerate(units):
        members.setdefault(unit, []).append(row)
    assert summary.units == tuple(members)
    for index, name in enumerate(summary.names):
        want = [
            expected_status(grade[index], rows, unit, grades[unit], convention)
            for unit, rows in members.items()
        ]
        assert summary.compliance[index].tolist() == want
        assert summary.violations(name) == tuple(
            u for u, w in zip(members, want, strict=True) if w == 0
        )
        assert summary.unknown(name) == tuple(
            u for u, w in zip(members, want, strict=True) if w < 0
        )


def behaviour_share(share: Fraction) -> p.Weights:
    return p.Weights({"work": 1 - share, "behaviour": share})


def chunks() -> st.SearchStrategy[int]:
    return st.sampled_from([1, N - 1, N, N + 1]) | st.integers(2, N + 5)


class TestEqualsGrid:
    @settings(max_examples=30, deadline=None)
    @given(data=st.data(), seed=st.integers(0, 5), chunk=chunks(), scattered=st.booleans())
    def test_random_policies(self, data, seed, chunk, scattered):
        """Counts, changes and compliance equal the grid's, at any chunk; units scattered too."""
        chosen = data.draw(policy_sets(seed))
        baseline = data.draw(st.sampled_from(sorted(chosen)))
        if scattered:  # units in no order, so that most cross slices
            units = data.draw(st.lists(st.sampled_from(["a", "b", "c"]), min_size=N, max_size=N))
            grades = {u: data.draw(st.sampled_from(OrganisationGrade)) for u in set(units)}
        else:
            units, grades = units_of(seed), unit_grades(seed)
        convention = data.draw(
            st.builds(
                QuotaConvention,
                maximum=st.sampled_from(["floor", "ceil", "half_up"]),
                minimum=st.sampled_from(["floor", "ceil", "half_up"]),
                small_unit_leniency=st.booleans(),
            )
        )
        ids = [f"e-{row}" for row in range(N)]
        summary = summarise_policies(
            batch_of(seed), chosen, baseline=baseline, units=units, unit_grades=grades,
            ids=ids, convention=convention, chunk=chunk,
        )  # fmt: skip
        grid = score_policies(batch_of(seed), chosen, chunk=data.draw(chunks()))
        assert summary.names == grid.names
        assert summary.labels == grid.labels
        assert summary.baseline == baseline
        assert_summary_is_grid(
            summary, grid.grade, grid.band, grid.complete, grid.labels,
            units=units, grades=grades, convention=convention, ids=ids,
        )  # fmt: skip

    @pytest.mark.parametrize("chunk", [1, 7, 8, N - 1, N, N + 1])
    def test_chunk_boundaries(self, chunk):
        """Slices of one row, of a byte of rows, of all rows but one, of all, of more."""
        policy = p.WeightingPolicy.normalised(ROLE_AMOUNTS, missing=p.Renormalise())
        chosen = {
            f"b{tenths}": attrs.evolve(
                p.GenericRegime.default(),
                aggregator=policy,
                weights=behaviour_share(Fraction(tenths, 10)),
            )
            for tenths in range(1, 6)
        }  # fmt: skip
        calls = []
        summary = summarise_policies(
            batch_of(4), chosen, baseline="b3", units=units_of(4), unit_grades=unit_grades(4),
            chunk=chunk, progress=lambda *a: calls.append(a),
        )  # fmt: skip
        grid = score_policies(batch_of(4), chosen)
        assert_summary_is_grid(
            summary, grid.grade, grid.band, grid.complete, grid.labels,
            units=units_of(4), grades=unit_grades(4),
        )  # fmt: skip
        slices = -(-N // chunk)
        assert calls[-1] == (5 * slices, 5 * slices)
        assert sum(len(summary.changed(name)) for name in chosen) > 0  # the test can fail
        assert {0, 1} <= set(summary.compliance.ravel().tolist())

    def test_without_units_or_ids(self):
        chosen = {"a": p.GenericRegime.default(), "b": attrs.evolve(
            p.GenericRegime.default(), weights=p.Weights({"work": 1, "behaviour": 0})
        )}  # fmt: skip
        summary = summarise_policies(batch_of(1), chosen)
        grid = score_policies(batch_of(1), chosen)
        assert summary.baseline == "a"
        assert_summary_is_grid(summary, grid.grade, grid.band, grid.complete, grid.labels)
        assert (summary.distribution() == grid.distribution()).all()


class TestEqualsScalar:
    @settings(max_examples=10, deadline=None)
    @given(seed=st.integers(0, 5), data=st.data())
    def test_counts_changes_and_curve_from_scalar_results(self, seed, data):
        """On the 60 employees, the summary equals what `GenericRegime.score` gives one by one."""
        chosen = data.draw(policy_sets(seed))
        appraisals = workforce(seed)
        summary = summarise_policies(
            batch_of(seed), chosen, units=units_of(seed), unit_grades=unit_grades(seed),
            chunk=data.draw(chunks()),
        )  # fmt: skip
        grade = np.full((len(chosen), N), -1, np.int64)
        band = np.full((len(chosen), N), -1, np.int64)
        for index, regime in enumerate(chosen.values()):
            for row, appraisal in enumerate(appraisals):
                result = regime.score(appraisal, trace=False)
                if result.score is not None:
                    label = regime.bands.classify(result.score)
                    band[index, row] = regime.bands.labels.index(label)
                if result.grade is not None:
                    grade[index, row] = GRADES.index(result.grade)
        labels = tuple(tuple(regime.bands.labels) for regime in chosen.values())
        assert_summary_is_grid(
            summary, grade, band, band >= 0, labels, units=units_of(seed), grades=unit_grades(seed)
        )


class TestBandsExactly:
    def test_a_score_on_a_half_at_a_cut_takes_the_exact_path(self):
        """(100 + 2 x 0.25) / 3 = 33.5 exactly, rounded to 34: on the cut at 34, not below it."""
        regime = attrs.evolve(
            p.GenericRegime.default(),
            weights=p.Weights({"work": Fraction(1, 3), "behaviour": Fraction(2, 3)}),
            rounding=p.Rounding(0),
            bands=BandTable(
                id="t", clause="test", labels=("low", "high"), cuts=[Decimal(34)], closed="lower"
            ),
        )
        batch = GenericBatch(**one_row(score=101))
        summary = summarise_policies(batch, {"half": regime})
        assert summary.bands[0].tolist() == [0, 1]
        assert summary.exact_cells == 1
        assert summary.ungraded.tolist() == [1]  # "high" is a band, not a grade
        down = summarise_policies(
            batch, {"down": attrs.evolve(regime, rounding=p.Rounding(0, "down"))}
        )
        assert down.bands[0].tolist() == [1, 0]  # 33.5 down is 33
        upper = attrs.evolve(regime, bands=attrs.evolve(regime.bands, closed="upper"))
        above = summarise_policies(batch, {"upper": upper})
        assert (above.bands[0].tolist(), above.exact_cells) == ([1, 0], 0)  # 34 is not above 34


class TestRefused:
    def test_units_and_grades_go_together(self):
        with pytest.raises(MissingValueError, match="is required") as caught:
            summarise_policies(batch_of(0), {"a": p.GenericRegime.default()}, units=units_of(0))
        assert caught.value.field == "unit_grades"
        with pytest.raises(MissingValueError, match="is required") as caught:
            summarise_policies(batch_of(0), {"a": p.GenericRegime.default()}, unit_grades={})
        assert caught.value.field == "units"

    def test_bad_unit_cells_and_grades_are_named(self):
        units = units_of(0)
        units[3], units[9] = None, " "
        with pytest.raises(InvalidInputError) as caught:
            summarise_policies(batch_of(0), {"a": p.GenericRegime.default()}, units=units,
                               unit_grades=unit_grades(0))  # fmt: skip
        assert [problem.path for problem in caught.value.problems] == ["$.units[3]", "$.units[9]"]
        grades = dict(unit_grades(0))
        first, second = list(grades)[:2]
        del grades[first]
        grades[second] = "Luar Biasa"
        with pytest.raises(InvalidInputError) as caught:
            summarise_policies(batch_of(0), {"a": p.GenericRegime.default()}, units=units_of(0),
                               unit_grades=grades)  # fmt: skip
        errors = {problem.path: problem.error for problem in caught.value.problems}
        assert isinstance(errors[f"$.unit_grades[{first!r}]"], MissingValueError)
        assert isinstance(errors[f"$.unit_grades[{second!r}]"], UnknownLabelError)

    def test_many_bad_cells_are_counted_not_dropped(self):
        with pytest.raises(InvalidInputError) as caught:
            summarise_policies(batch_of(0), {"a": p.GenericRegime.default()}, units=[""] * N,
                               unit_grades={})  # fmt: skip
        problems = caught.value.problems
        assert len(problems) == 6
        assert problems[-1].path == "$.units"
        assert problems[-1].error.value == N - 5

    def test_columns_one_per_row(self):
        regimes_ = {"a": p.GenericRegime.default()}
        with pytest.raises(InvalidInputError, match=r"must have shape \(60,\)"):
            summarise_policies(batch_of(0), regimes_, units=["u"] * 3, unit_grades={"u": "good"})
        with pytest.raises(InvalidValueError, match=r"ids: must have shape \(60,\)"):
            summarise_policies(batch_of(0), regimes_, ids=["e"] * (N + 1))

    def test_baseline_and_chunk(self):
        regimes_ = {"a": p.GenericRegime.default()}
        with pytest.raises(InvalidValueError, match="is not a policy scored") as caught:
            summarise_policies(batch_of(0), regimes_, baseline="z")
        assert caught.value.field == "baseline"
        with pytest.raises(InvalidNumberError, match="chunk"):
            summarise_policies(batch_of(0), regimes_, chunk=0)
        with pytest.raises(InvalidNumberError, match="chunk"):
            score_policies(batch_of(0), regimes_, chunk=0)
        summary = summarise_policies(batch_of(0), regimes_)
        with pytest.raises(InvalidValueError, match="is not a policy scored"):
            summary.changed("z")

    def test_curve_and_convention_types(self):
        regimes_ = {"a": p.GenericRegime.default()}
        with pytest.raises(InvalidValueError, match="DistributionCurve"):
            summarise_policies(batch_of(0), regimes_, units=units_of(0),
                               unit_grades=unit_grades(0), curve="permen6")  # fmt: skip
        with pytest.raises(InvalidValueError, match="must map text keys to unit grades"):
            summarise_policies(batch_of(0), regimes_, units=units_of(0), unit_grades=["good"])
