"""
The generic engine's compiled path (numba), and the switch that says whether it runs.

`accelerator` names the path: ``"numba"`` when numba is installed (the ``batch`` extra
brings it), ``"numpy"`` when it is not, or when the environment variable
``PENILAIAN_BATCH_ACCELERATOR`` says ``numpy``.  numba is imported, and the kernels of
`penilaian.batch._compiled_kernels` compiled (their machine code cached on disk beside
that file), the first time a kernel runs, never when `penilaian.batch` is imported.

`work_means` and `rated_means` give what their numpy twins in
`penilaian.batch._generic_values` give, to the last bit, so the float filter flags the
same rows and the exact path recomputes the same ones (``tests/batch/test_compiled.py``).
The twins build a temporary as large as the slice for every step (the ratings grouped
by role among them); a kernel walks each row once, from the rating columns to the
component's value, and keeps one row's intermediates in a few small arrays.  The
kernels hold no Python objects and release the GIL (``nogil``), so threads (a Dask
worker's) can run them side by side.
"""

from __future__ import annotations

import functools
import importlib.util
import os
import types
from typing import TYPE_CHECKING, Any, Final, Literal

import numpy as np

from penilaian._base.extras import require
from penilaian.batch import _compiled_kernels as kernels
from penilaian.batch._generic_types import KINDS, ROLES
from penilaian.exceptions import InvalidValueError

if TYPE_CHECKING:
    from collections.abc import Callable

    import numpy.typing as npt

    from penilaian.batch._columns import Bools
    from penilaian.batch._generic_plan import Plan, RatedPart, WorkPart
    from penilaian.batch._generic_types import GenericBatch

    Floats = npt.NDArray[np.float64]

__all__ = ["VARIABLE", "accelerator", "rated_means", "work_means"]

VARIABLE: Final = "PENILAIAN_BATCH_ACCELERATOR"
"""The environment variable that overrides the choice of path."""


def accelerator() -> Literal["numba", "numpy"]:
    """
    Name the path the generic batch engine runs: ``"numba"`` or ``"numpy"``.

    ``"numba"`` when numba is installed (the ``batch`` extra brings it), else
    ``"numpy"``.  Both give the same scores, bands, grades, figures and
    ``exact_rows`` on every row; numba's is the faster.  The environment variable
    ``PENILAIAN_BATCH_ACCELERATOR``, read at each call, overrides the choice:
    ``numpy`` runs the numpy path even where numba is installed, ``numba`` insists on
    the compiled one, and ``auto`` (or an empty value) chooses as above.

    >>> accelerator() in ("numba", "numpy")
    True

    Raises:
        InvalidValueError: the variable holds another value.
        MissingExtraError: the variable says ``numba`` and numba is not installed.
    """
    given = os.environ.get(VARIABLE, "")
    chosen = given.strip().lower()
    if chosen in {"", "auto"}:
        return "numba" if _numba_installed() else "numpy"
    if chosen == "numpy":
        return "numpy"
    if chosen == "numba":
        require("batch", "numba")
        return "numba"
    raise InvalidValueError(VARIABLE, given, "must be numba, numpy or auto (empty: auto)")


@functools.cache
def _numba_installed() -> bool:
    """Whether numba can be imported, asked without importing it."""
    return importlib.util.find_spec("numba") is not None


@functools.cache
def _dispatchers() -> dict[str, Any]:
    """
    Each kernel as a numba dispatcher, compiled at its first call.

    Each is compiled from a copy of the plain function whose globals name the other
    kernels' dispatchers, so that a kernel calls its helpers compiled.  The machine
    code is cached on disk, so a later process loads it instead of compiling.
    """
    numba: Any = require("batch", "numba")
    scope = dict(vars(kernels))
    for name in kernels.KERNELS:
        plain = scope[name]
        function = types.FunctionType(plain.__code__, scope, plain.__name__)
        function.__qualname__ = plain.__qualname__
        scope[name] = numba.njit(cache=True, nogil=True)(function)
    return scope


def compiled(name: str) -> Callable[..., Any]:
    """The compiled kernel *name* of `penilaian.batch._compiled_kernels`."""
    kernel: Callable[..., Any] = _dispatchers()[name]
    return kernel


def work_means(batch: GenericBatch, part: WorkPart, rows: slice) -> tuple[Floats, Bools, Floats]:
    """
    Per row of *rows*: the mean achievement of *part*'s indicators, whether there is
    one, and the largest achievement's magnitude plus 200, as the numpy path has them.
    """  # noqa: D205 - one sentence over two lines
    n, places = batch.indicator[rows].shape
    wanted = np.zeros(len(KINDS), np.bool_)
    wanted[list(part.kinds)] = True
    mean, has, magnitude = np.empty(n), np.empty(n, np.bool_), np.empty(n)
    cap = part.cap
    compiled("work_kernel")(
        batch.indicator[rows], batch.kind[rows], wanted, batch.realisation[rows],
        batch.target_low[rows], batch.target_high[rows], batch.lower_is_better[rows],
        cap is not None, 0.0 if cap is None else float(cap), mean, has, magnitude,
        np.empty(places),
    )  # fmt: skip
    return mean, has, magnitude


def rated_means(
    batch: GenericBatch,
    rows: slice,
    plan: Plan,
    part: RatedPart,
    weights: list[float],
    *,
    chosen: Bools,
    filler: float | None,
) -> tuple[Floats, Bools]:
    """
    Per row of *rows*: the mean of *part*'s *chosen* subjects' rescaled values, and
    whether every chosen subject has one, read from the ratings in one pass.

    *weights* are the roles' float weights; *filler* the value a missing role takes
    (`None`: renormalise, or require).  Each role's ratings of a subject are combined
    as the numpy grouping combines them (a mean adds their floats in rater order from
    0 and divides by ``count x 10^places``; a median halves the sum of the two middle
    ones, then divides by ``10^places``), and weighted as the numpy path weights them.
    """  # noqa: D205 - one sentence over two lines
    roles = plan.roles
    read = [
        (code, minimum, weight)
        for code, minimum, weight in zip(roles.roles, roles.minimum, weights, strict=True)
        if weight > 0  # a role of weight 0 never changes the value, rated or not
    ]
    slots = np.full(len(ROLES), -1, np.int64)
    slots[[code for code, _, _ in read]] = np.arange(len(read))
    mode = 0 if roles.require else 1 if filler is None else 2
    low, high = float(batch.scale_min), float(batch.scale_max)
    terms = [10.0**batch.places, float(roles.median), mode, filler or 0.0, low, high - low]
    n = chosen.shape[0]
    mean, ok = np.empty(n), np.empty(n, np.bool_)
    compiled("rated_kernel")(
        batch.rated[rows], batch.role[rows], batch.score[rows], np.array(terms, np.float64),
        slots, np.array([least for _, least, _ in read], np.int64),
        np.array([weight for _, _, weight in read], np.float64), chosen, mean, ok,
    )  # fmt: skip
    return mean, ok & (not part.unknown)
