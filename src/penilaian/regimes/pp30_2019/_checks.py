"""
The input checks of one PP 30/2019 scoring, shared by the traced run and the integer kernel.

Private to `penilaian.regimes.pp30_2019`: `_run.Pp30Run` (the traced run, and the
reference) and `_kernel.score_untraced` (the untraced score in integers) check an
appraisal at the same points, in the same order, with these functions, so both list
the same problems at the same paths.  The behaviour checks are
`_behaviour.checked_aspects`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final, Protocol

from penilaian.exceptions import MissingValueError, UnsupportedInputError
from penilaian.model.targets import TargetKind

if TYPE_CHECKING:
    from collections.abc import Collection

    from penilaian.exceptions import InvalidValueError
    from penilaian.model.appraisal import Appraisal
    from penilaian.policy.weights import Weights

__all__ = [
    "INDICATOR_ERRORS",
    "Checked",
    "indicator_problem",
    "no_main_problem",
    "weight_problems",
]

INDICATOR_ERRORS: Final = (MissingValueError, UnsupportedInputError)
"""What an indicator's capaian raises that is a problem of the input (not a bug): listed."""


class Checked(Protocol):
    """What the checks read and record of a scoring: the appraisal, and its problems."""

    @property
    def appraisal(self) -> Appraisal: ...
    def problem(self, path: str, error: InvalidValueError) -> None: ...


def indicator_problem(
    run: Checked, t_index: int, i_index: int, error: MissingValueError | UnsupportedInputError
) -> None:
    """Record that indicator *i_index* of work target *t_index* has no capaian, and why."""
    run.problem(f"$.targets[{t_index}].indicators[{i_index}].{error.field}", error)


def no_main_problem(run: Checked) -> None:
    """Record that the appraisal has no main work target (PermenPANRB 8/2021 needs one)."""
    reason = "pp30_2019 needs at least one main work target (kinerja utama)"
    run.problem("$.targets", MissingValueError("targets", None, reason))


def weight_problems(run: Checked, weights: Weights, names: Collection[str]) -> None:
    """Record every main target without a weight and every weight naming none of *names*."""
    for index, target in enumerate(run.appraisal.targets):
        if target.kind is TargetKind.MAIN and target.id not in weights:
            reason = "a main work target needs a weight in utama_weights"
            run.problem(f"$.targets[{index}].id", UnsupportedInputError("id", target.id, reason))
    for name in sorted(set(weights) - set(names)):
        reason = "utama_weights names no main work target of this appraisal"
        run.problem("$.targets", UnsupportedInputError("utama_weights", name, reason))
