"""
The generic engine's arithmetic: component values in floats, decisions exact.

`Inputs.read` turns a slice of a `penilaian.batch.GenericBatch` into what no policy
changes: each work component's float mean with its magnitude, and each subject's
ratings grouped by role (count and float value; grouped when first asked for, by
`penilaian.batch._generic_roles.by_role`, which the compiled path of
`penilaian.batch._compiled` never does: it reads the ratings and weights them in one
pass).
`combine` applies one plan's weights, rounds through the float filter, and sends the
flagged rows to `penilaian.batch._generic_exact.Exact`, which recomputes them in
`fractions.Fraction` with the weighting policy's own code.  `penilaian.batch.policies`
calls `combine` once per policy on the same `Inputs`.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Final

import numpy as np

from penilaian._base.rounding import FIGURE_ROUNDING
from penilaian.batch._columns import MISSING, NONE
from penilaian.batch._compiled import accelerator, rated_means, work_means
from penilaian.batch._filtered import error_bound, round_filtered
from penilaian.batch._generic_exact import Exact, scaled_int64, too_large
from penilaian.batch._generic_plan import Plan, RatedPart, RolePolicy, WorkPart, imputed
from penilaian.batch._generic_roles import by_role
from penilaian.batch._generic_types import KINDS, GenericBatch, GenericScores
from penilaian.exceptions import Problem, ScoringInputError, UnsupportedInputError
from penilaian.model.raters import RaterRole

if TYPE_CHECKING:
    import numpy.typing as npt

    from penilaian.batch._columns import Bools, Codes, Ints

    Floats = npt.NDArray[np.float64]

__all__ = ["Inputs", "check_subjects", "combine", "role_problems"]

_ROLES: Final = tuple(RaterRole)
_SELF: Final = _ROLES.index(RaterRole.SELF)
_SUPERVISOR: Final = _ROLES.index(RaterRole.SUPERVISOR)
_FIGURE_PLACES: Final = FIGURE_ROUNDING.places


class Inputs:
    """
    What one slice of a batch gives every policy: work means, ratings by role.

    Attributes:
        batch: The batch.
        rows: The slice of its rows.
        work: Per work component index: the mean, whether there is one, the magnitude.
        roles: The role codes of the ``k`` axis of `count` and `value`.
        median: Whether a role's ratings combine by median (else mean).
    """

    def __init__(
        self,
        batch: GenericBatch,
        rows: slice,
        work: dict[int, tuple[Floats, Bools, Floats]],
        roles: tuple[int, ...],
        median: bool,
    ) -> None:
        self.batch, self.rows, self.work = batch, rows, work
        self.roles, self.median = roles, median

    @property
    def n(self) -> int:
        """Rows in the slice."""
        return len(range(*self.rows.indices(len(self.batch))))

    @functools.cached_property
    def _grouped(self) -> tuple[Ints, Floats]:
        return by_role(self.batch, self.rows, self.roles, median=self.median)

    @property
    def count(self) -> Ints:
        """``(k, n, s)``: ratings of each read role (grouped on first use: the numpy path)."""
        return self._grouped[0]

    @property
    def value(self) -> Floats:
        """``(k, n, s)``: each role's combined rating, NaN where none."""
        return self._grouped[1]

    @classmethod
    def read(
        cls, batch: GenericBatch, plan: Plan, rows: slice, roles: tuple[int, ...] | None = None
    ) -> Inputs:
        """
        Read *rows* of *batch* for *plan* (and the role codes *roles*, default the plan's).

        Raises:
            ScoringInputError: a row without indicators of a work component's kinds, a
                rating from a role the policy does not weight, or two supervisor
                ratings of one subject under `penilaian.policy.SupervisorRating`.
        """
        read = plan.roles.roles if roles is None else roles
        problems = role_problems(batch, plan.roles, rows)
        work = {}
        for index, part in enumerate(plan.components):
            if isinstance(part, WorkPart):
                mean, has, magnitude = _work(batch, part, rows)
                problems += _no_indicators(part, has, rows.start or 0)
                work[index] = (mean, has, magnitude)
        if problems:
            raise ScoringInputError(problems)
        return cls(batch, rows, work, read, plan.roles.median)


def role_problems(batch: GenericBatch, roles: RolePolicy, rows: slice) -> list[Problem]:
    """
    Return what the scalar regime refuses in the ratings of *rows*, by role.

    Under `penilaian.policy.SupervisorRating`: two supervisor ratings of one subject;
    under a weighting policy: a rating from a role the policy does not weight (the
    first five).
    """
    rated, role = batch.rated[rows], batch.role[rows]
    start = rows.start or 0
    problems: list[Problem] = []
    if roles.policy is None:
        places = role == _SUPERVISOR
        if not (places.sum(axis=1) > 1).any():
            return problems  # no row has two supervisors, so no subject two supervisor ratings
        supervisors = (rated & places[:, None, :]).sum(axis=2)
        for row, subject in np.argwhere(supervisors > 1).tolist():
            reason = (
                f"{int(supervisors[row, subject])} supervisor ratings of "
                f"{batch.subjects[subject]}; use a weighting policy"
            )
            error = UnsupportedInputError("ratings", batch.subjects[subject], reason)
            problems.append(Problem(f"$.rated[{start + row}, {subject}]", reason, error))
        return problems
    allowed = np.zeros(len(_ROLES) + 1, np.bool_)
    allowed[[*roles.roles, _SELF]] = True
    allowed[NONE] = True  # a checked batch has no rating without a rater (role -1)
    strays = ~allowed[role.astype(np.int64)]
    if not strays.any():
        return problems  # every rater's role is weighted: one any() on (rows, raters)
    stray = rated & strays[:, None, :]
    for row, subject, rater in np.argwhere(stray)[:5].tolist():
        name = _ROLES[role[row, rater]].value
        reason = f"rates {batch.subjects[subject]} as {name}, a role the policy does not weight"
        error = UnsupportedInputError("role", name, reason)
        problems.append(Problem(f"$.role[{start + row}, {rater}]", reason, error))
    return problems


def _no_indicators(part: WorkPart, has: Bools, start: int) -> list[Problem]:
    problems: list[Problem] = []
    if has.all():
        return problems
    for row in np.flatnonzero(~has)[:5].tolist():
        kinds = ", ".join(str(kind) for kind in part.kinds)
        reason = f"{part.id}: no indicators of the component's kinds (codes {kinds})"
        error = UnsupportedInputError("indicator", start + row, reason)
        problems.append(Problem(f"$.indicator[{start + row}]", reason, error))
    return problems


def _work(batch: GenericBatch, part: WorkPart, rows: slice) -> tuple[Floats, Bools, Floats]:
    """The float mean achievement of the indicators of *part*'s kinds (PermenPANRB 8/2021)."""
    if accelerator() == "numba":  # the same bits, compiled (_compiled)
        return work_means(batch, part, rows)
    wanted = np.zeros(len(KINDS) + 1, np.bool_)  # the last entry: code -1, no kind
    wanted[list(part.kinds)] = True
    at = batch.indicator[rows] & wanted[batch.kind[rows]]
    real = batch.realisation[rows].astype(np.float64)
    low = batch.target_low[rows].astype(np.float64)
    high = batch.target_high[rows].astype(np.float64)
    compared = np.where(real > high, high, low)
    ratio = np.divide(real, compared, out=np.ones_like(real), where=at)
    achievement = np.where(batch.lower_is_better[rows], (2.0 - ratio) * 100.0, ratio * 100.0)
    inside = (real >= low) & (real <= high)
    achievement = np.where(inside, 100.0, achievement)
    if part.cap is not None:
        achievement = np.minimum(achievement, float(part.cap))
    count = at.sum(axis=1)
    has = count > 0
    total = np.where(at, achievement, 0.0).sum(axis=1)
    mean = total / np.maximum(count, 1)
    magnitude = np.where(at, np.abs(achievement), 0.0).max(axis=1, initial=0.0) + 200.0
    return mean, np.asarray(has), magnitude


def behaviour(
    inputs: Inputs, plan: Plan, part: RatedPart, weights: Floats
) -> tuple[Floats, Bools, Floats]:
    """The float mean of *part*'s rescaled subject values, whether it has one, magnitude."""
    roles = plan.roles
    batch = inputs.batch
    low, high = float(batch.scale_min), float(batch.scale_max)
    top = max(abs(low), abs(high)) + abs(low)
    magnitude = np.full(inputs.n, top * 100.0 / (high - low) + 100.0)
    filler = imputed(roles)
    if accelerator() == "numba":  # the same bits, compiled (_compiled)
        fill = None if filler is None else float(filler)
        picked, rows = _chosen(inputs, part), inputs.rows
        found = rated_means(batch, rows, plan, part, weights.tolist(), chosen=picked, filler=fill)
        return found[0], found[1], magnitude
    shape = inputs.count.shape[1:]
    some, short = np.zeros(shape, np.bool_), np.zeros(shape, np.bool_)
    weighted, present_weight, missing_weight = np.zeros(shape), np.zeros(shape), np.zeros(shape)
    for code, minimum, weight in zip(roles.roles, roles.minimum, weights.tolist(), strict=True):
        if weight <= 0:
            continue  # a role of weight 0 never changes the value, rated or not
        k = inputs.roles.index(code)
        present = inputs.count[k] >= minimum
        some |= present
        short |= ~present
        weighted += np.where(present, inputs.value[k], 0.0) * weight
        present_weight += present * weight
        missing_weight += ~present * weight
    has = some & ~short if roles.require else some
    if roles.require:
        subject = weighted
    elif filler is None:
        subject = weighted / np.where(some, present_weight, 1.0)
    else:
        subject = weighted + missing_weight * float(filler)
    rescaled = (subject - low) / (high - low) * 100.0
    chosen = _chosen(inputs, part)
    ok = (has | ~chosen).all(axis=1) & (not part.unknown)
    total = np.where(chosen & has, rescaled, 0.0).sum(axis=1)
    mean = total / np.maximum(chosen.sum(axis=1), 1)
    return mean, np.asarray(ok), magnitude


def _chosen(inputs: Inputs, part: RatedPart) -> Bools:
    applies = inputs.batch.applies[inputs.rows]
    if part.subjects is None:
        return applies
    chosen = np.zeros_like(applies)
    chosen[:, list(part.subjects)] = True
    return chosen


def check_subjects(inputs: Inputs, plan: Plan) -> None:
    """
    Refuse rows where a rated component has no subject at all.

    Raises:
        ScoringInputError: naming the rows (the scalar regime refuses them too).
    """
    problems = []
    start = inputs.rows.start or 0
    for part in plan.components:
        if isinstance(part, RatedPart):
            empty = ~_chosen(inputs, part).any(axis=1) & (not part.unknown)
            if not empty.any():
                continue
            for row in np.flatnonzero(empty)[:5].tolist():
                reason = f"{part.id}: no subject applies to average"
                error = UnsupportedInputError("applies", start + row, reason)
                problems.append(Problem(f"$.applies[{start + row}]", reason, error))
    if problems:
        raise ScoringInputError(problems)


def combine(
    inputs: Inputs, plan: Plan, *, figures: bool = True, checked: bool = False
) -> GenericScores:
    """
    Score *inputs* under *plan*: floats where clear, `Exact` where the filter flags.

    With *figures* false the component values are not rounded (all `MISSING`), and
    only the score decides which rows take the exact path.  With *checked* the caller
    has already run `check_subjects` for these components.

    Raises:
        ScoringInputError: rows whose exact figure or score has no ``int64`` form.
    """
    if not checked:
        check_subjects(inputs, plan)
    n = inputs.n
    weights = np.array([float(w) for w in plan.roles.weights])
    means, oks, magnitudes = [], [], []
    batch = inputs.batch
    for index, part in enumerate(plan.components):
        if isinstance(part, WorkPart):
            mean, ok, magnitude = inputs.work[index]
        else:
            mean, ok, magnitude = behaviour(inputs, plan, part, weights)
        means.append(mean)
        oks.append(ok)
        magnitudes.append(magnitude)
    # Operations behind one value: a mean over indicator places, or role means over rater
    # places, weighted over roles, rescaled and averaged over subjects; then the weighting.
    terms = batch.indicator.shape[1] + batch.score.shape[1] + batch.score.shape[2]
    terms += len(plan.roles.roles) + len(means) + 8
    complete = np.logical_and.reduce(oks) if oks else np.ones(n, np.bool_)
    total = sum(float(p.weight) * m for p, m in zip(plan.components, means, strict=True))
    size = sum(float(p.weight) * m for p, m in zip(plan.components, magnitudes, strict=True))
    score, flagged = round_filtered(
        np.asarray(total), error_bound(np.asarray(size), terms), plan.rounding
    )
    flagged &= complete
    values = np.full((n, len(means)), MISSING, np.int64)
    for c, (mean, ok, magnitude) in enumerate(zip(means, oks, magnitudes, strict=True)):
        if not figures:
            break
        rounded, near = round_filtered(mean, error_bound(magnitude, terms), FIGURE_ROUNDING)
        values[:, c] = np.where(ok, rounded, MISSING)
        flagged |= near & ok
    exact = Exact(inputs.batch, plan)
    start = inputs.rows.start or 0
    rows = np.flatnonzero(flagged).tolist()
    problems: list[Problem] = []
    for row in rows:
        parts, exact_score = exact.row(start + row)
        named = [
            (v, _FIGURE_PLACES, name) for v, name in zip(parts, plan.component_ids, strict=True)
        ]
        named = [*(named if figures else []), (exact_score, plan.rounding.places, "score")]
        fitted = [scaled_int64(value, places) for value, places, _ in named]
        if None in fitted:
            problems += [
                too_large(start + row, name, value)
                for (value, _, name), fit in zip(named, fitted, strict=True)
                if fit is None
            ]
            continue
        found = [MISSING if fit is None else fit for fit in fitted]
        if figures:
            values[row] = found[:-1]
        score[row] = found[-1]
    if problems:
        raise ScoringInputError(problems)
    band = plan_bands(plan, score)
    score = np.where(complete, score, MISSING)
    band = np.where(complete, band, NONE).astype(np.int8)
    grade = np.where(complete, plan.grade_of_band[np.maximum(band, 0)], NONE).astype(np.int8)
    return GenericScores(
        plan.rounding.places, plan.labels, plan.component_ids, np.asarray(complete),
        score, band, grade, values, len(rows),
    )  # fmt: skip


def plan_bands(plan: Plan, score: Ints) -> Codes:
    """The band index of each rounded *score* (x 10^places), compared in integers."""
    unit = 10**plan.rounding.places
    index = np.zeros(score.shape, np.int64)
    upper = plan.bands.closed == "upper"
    for cut in plan.bands.cuts:
        numerator, denominator = cut.as_integer_ratio()
        left, right = score * denominator, numerator * unit
        index += (left > right) if upper else (left >= right)
    return index.astype(np.int8)
