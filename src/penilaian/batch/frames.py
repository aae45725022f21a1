"""
pandas in and out of the batch engines: checked DataFrames to a batch, scores to a DataFrame.

A boundary module of the ``batch`` extra, which needs pandas as well as numpy.  Every
frame is checked before any scoring: unknown, missing or misspelt columns (with the
closest known name), dtypes, NaN where a value is required, ids, duplicates and
references.  All problems are raised at once as `penilaian.exceptions.InvalidInputError`,
one `penilaian.exceptions.Problem` per issue, its path naming the column and the row
label: ``$.indicators.realisation[7]`` (long layout, index label 7) or
``$.realisation_0_1['skp-3']`` (wide layout, appraisal ``skp-3``).  A regime option the
engine does not compute is refused before the frames are read
(`penilaian.exceptions.ScoringInputError`).

Numbers are read as the scalar model reads them (`penilaian._base.numbers.to_decimal`):
integers, `decimal.Decimal`, numeric text, or floats through their shortest decimal
text (``87.5`` is ``Decimal("87.5")``); a float never decides a band because every
value is then scaled to exact ``int64``.  A boolean column must have dtype ``bool``
(or pandas' nullable ``boolean`` without NA): nothing else is converted.

**PermenPANRB 6/2022** (`score_permen6_long`, `score_permen6_wide`):

- long: ``appraisals`` indexed by appraisal id with ``leads_unit`` (bool) and
  ``unit_grade`` (a `penilaian.OrganisationGrade` label, NA for none); ``ratings``
  with one row per given rating: ``appraisal`` (id), ``subject`` (``work_results`` or
  ``behaviour``), ``level`` (a `penilaian.ExpectationLevel` label, required).  A
  subject without a row is not rated: that appraisal's result is incomplete.
- wide: one row per appraisal, indexed by id: ``work``, ``behaviour`` (levels, NA for
  not rated), ``leads_unit``, ``unit_grade``.

**PP 30/2019** (`score_pp30_long`, `score_pp30_wide`):

- long: ``appraisals`` indexed by appraisal id with ``position_kind`` (a
  `penilaian.PositionKind` label: it decides which aspects apply and, under
  ``route="auto"``, whether the SKP takes the interpolation table or the category
  route), ``peer_input``, ``innovation`` and, optionally, ``leads_independent_unit``
  (bool: a pimpinan unit kerja mandiri, who takes the interpolation table as a JPT does;
  absent means no); ``indicators`` with one row per indicator: ``appraisal``,
  ``target`` (the work target's id), ``indicator`` (its id, unique in the target),
  ``main`` (bool, the same on every row of a target), ``target_low``, ``target_high``
  (equal for a point target), ``realisation`` (required: missing is never 0),
  ``lower_is_better``, ``at_maximum`` (bool); ``ratings`` with one row per supervisor's
  score: ``appraisal``, ``aspect`` (an id of `penilaian.batch.ASPECTS`), ``score``
  (0 to 120, required).  An applicable aspect without a row is not rated: the
  appraisal's result is incomplete, never scored as 0.
- wide: one row per appraisal, indexed by id: ``position_kind``, ``peer_input``,
  ``innovation``, optionally ``leads_independent_unit``; ``main_<t>`` per work-target
  place ``t`` (0, 1, ...); per indicator place ``i`` of target ``t``:
  ``target_low_<t>_<i>``, ``target_high_<t>_<i>``, ``realisation_<t>_<i>``,
  ``lower_is_better_<t>_<i>``, ``at_maximum_<t>_<i>`` (a place whose three numbers are
  all NA holds no indicator); ``score_<aspect>`` per aspect
  (NA: not rated, or the aspect does not apply to the post).

**Results** (`permen6_results`, `pp30_results`) are indexed by appraisal id.  Scores
are `decimal.Decimal` objects equal to the scalar `penilaian.Result.score`, next to the
same value as a scaled integer (nullable ``Int64``: ``<name>_scaled / 10**places``);
labels are ids (``grade``, ``work``, ...) with their integer codes; `None` or NA where
the scalar result has none (an incomplete result), never 0 and never NaN.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Final

import numpy as np

from penilaian._base.extras import require

if TYPE_CHECKING:
    import pandas as pd
else:
    pd = require("batch", "pandas")  # a missing pandas names the extra

from penilaian.batch import _pp30_frames
from penilaian.batch._columns import GRADES, MISSING, NONE
from penilaian.batch._frame_reader import Framed, Reader, fail
from penilaian.batch.permen6 import (
    LEVELS,
    UNIT_GRADES,
    Permen6Batch,
    _check_rules,
    score_permen6,
)
from penilaian.batch.pp30 import ASPECTS, _check_regime, score_pp30
from penilaian.exceptions import DuplicateIdError
from penilaian.model.grades import OrganisationGrade
from penilaian.model.raters import ExpectationLevel

if TYPE_CHECKING:
    from collections.abc import Sequence

    import numpy.typing as npt

    from penilaian._base.labels import LabelledEnum
    from penilaian.batch._columns import Bools, Codes, Ints
    from penilaian.batch.permen6 import Permen6Scores
    from penilaian.batch.pp30 import Pp30Batch, Pp30Scores
    from penilaian.exceptions import Problem
    from penilaian.regimes.permen6_2022.strategy import Permen6Regime
    from penilaian.regimes.pp30_2019.strategy import Pp30Regime

__all__ = [
    "Framed",
    "permen6_from_long",
    "permen6_from_wide",
    "permen6_results",
    "pp30_from_long",
    "pp30_from_wide",
    "pp30_results",
    "score_permen6_long",
    "score_permen6_wide",
    "score_pp30_long",
    "score_pp30_wide",
]

_SUBJECTS: Final = ("work_results", "behaviour")
"""The subjects of a PermenPANRB 6/2022 rating: ``penilaian.OVERALL_*``."""


# PermenPANRB 6/2022 ----------------------------------------------------------------------


def _codes(found: Sequence[LabelledEnum | None], table: Sequence[LabelledEnum]) -> Codes:
    return np.array([NONE if item is None else table.index(item) for item in found], np.int8)


def _unit_columns(reader: Reader) -> tuple[Bools, Codes]:
    leads = reader.flags("leads_unit")
    unit = reader.members("unit_grade", OrganisationGrade, required=False)
    n = len(reader.labels)
    return (np.zeros(n, np.bool_) if leads is None else leads), _codes(unit, UNIT_GRADES)


def permen6_from_wide(frame: pd.DataFrame) -> Framed[Permen6Batch]:
    """
    Read a wide PermenPANRB 6/2022 frame (see the module docstring) into a batch.

    Raises:
        InvalidInputError: one problem per bad column or cell, naming the row label.
    """
    problems: list[Problem] = []
    reader = Reader("", frame, problems)
    if not reader.columns(("work", "behaviour", "leads_unit", "unit_grade")):
        fail(problems)
    ids = reader.index_ids()
    work = reader.members("work", ExpectationLevel, required=False)
    behaviour = reader.members("behaviour", ExpectationLevel, required=False)
    leads, unit = _unit_columns(reader)
    fail(problems)
    return Framed(ids, Permen6Batch(_codes(work, LEVELS), _codes(behaviour, LEVELS), leads, unit))


def permen6_from_long(ratings: pd.DataFrame, appraisals: pd.DataFrame) -> Framed[Permen6Batch]:
    """
    Read long PermenPANRB 6/2022 frames (see the module docstring) into a batch.

    Raises:
        InvalidInputError: one problem per bad column or cell, naming the frame, the
            column and the row label.
    """
    problems: list[Problem] = []
    people = Reader("appraisals", appraisals, problems)
    rows = Reader("ratings", ratings, problems)
    ready = people.columns(("leads_unit", "unit_grade"))
    ready = rows.columns(("appraisal", "subject", "level")) and ready
    if not ready:
        fail(problems)
    ids = people.index_ids()
    leads, unit = _unit_columns(people)
    codes = rows.references("appraisal", ids)
    subjects = rows.keys("subject")
    bad = [row for row, subject in enumerate(subjects) if subject not in _SUBJECTS]
    rows.cells("subject", bad, f"must be one of {', '.join(_SUBJECTS)}", values=subjects)
    levels = rows.members("level", ExpectationLevel)
    found = {subject: np.full(len(ids), NONE, np.int8) for subject in _SUBJECTS}
    twice = []
    for row, (code, subject, level) in enumerate(
        zip(codes.tolist(), subjects, levels, strict=True)
    ):
        if code < 0 or level is None or subject not in _SUBJECTS:
            continue
        column = found[str(subject)]
        if column[code] != NONE:
            twice.append(row)
            continue
        column[code] = LEVELS.index(ExpectationLevel(level))
    rows.cells("subject", twice, "one rating per appraisal and subject", DuplicateIdError,
               values=subjects)  # fmt: skip
    fail(problems)
    return Framed(ids, Permen6Batch(found["work_results"], found["behaviour"], leads, unit))


def permen6_results(framed: Framed[Permen6Batch], scores: Permen6Scores) -> pd.DataFrame:
    """
    Return the grades of *scores* as a DataFrame indexed by appraisal id.

    Columns: ``complete`` (bool: both ratings present); ``grade`` (`penilaian.Grade`
    id, `None` for none) and ``grade_code`` (code into `penilaian.batch.GRADES`, -1
    for none); ``work`` and ``behaviour`` (the `penilaian.ExpectationLevel` ids used,
    `None` when not rated) with ``work_code`` and ``behaviour_code``.
    """
    return _frame(
        {
            "complete": scores.grade != NONE,
            "grade": _ids(scores.grade, GRADES),
            "grade_code": scores.grade,
            "work": _ids(scores.work, LEVELS),
            "work_code": scores.work,
            "behaviour": _ids(scores.behaviour, LEVELS),
            "behaviour_code": scores.behaviour,
        },
        framed.ids,
    )


def score_permen6_wide(frame: pd.DataFrame, regime: Permen6Regime | None = None) -> pd.DataFrame:
    """
    Check *regime*, read the wide *frame* and grade it: `permen6_results` of every row.

    Raises:
        ScoringInputError: when *regime* derives a rating the engine does not read,
            before the frame is read.
        InvalidInputError: for any problem of the frame.
    """
    if regime is not None:
        _check_rules(regime)
    framed = permen6_from_wide(frame)
    return permen6_results(framed, score_permen6(framed.batch, regime))


def score_permen6_long(
    ratings: pd.DataFrame, appraisals: pd.DataFrame, regime: Permen6Regime | None = None
) -> pd.DataFrame:
    """
    Check *regime*, read the long frames and grade them: `permen6_results` of every appraisal.

    Raises:
        ScoringInputError: when *regime* derives a rating the engine does not read,
            before the frames are read.
        InvalidInputError: for any problem of the frames.
    """
    if regime is not None:
        _check_rules(regime)
    framed = permen6_from_long(ratings, appraisals)
    return permen6_results(framed, score_permen6(framed.batch, regime))


# PP 30/2019 -------------------------------------------------------------------------------


def pp30_from_long(
    indicators: pd.DataFrame, ratings: pd.DataFrame, appraisals: pd.DataFrame
) -> Framed[Pp30Batch]:
    """
    Read long PP 30/2019 frames (see the module docstring) into a batch.

    Work targets and indicators take their places in each appraisal in order of
    first appearance.

    Raises:
        InvalidInputError: one problem per bad column or cell, naming the frame, the
            column and the row label.
    """
    return _pp30_frames.from_long(indicators, ratings, appraisals)


def pp30_from_wide(frame: pd.DataFrame) -> Framed[Pp30Batch]:
    """
    Read a wide PP 30/2019 frame (see the module docstring) into a batch.

    Raises:
        InvalidInputError: one problem per bad column or cell, naming the numbered
            column (``realisation_0_1``) and the row label.
    """
    return _pp30_frames.from_wide(frame)


def pp30_results(framed: Framed[Pp30Batch], scores: Pp30Scores) -> pd.DataFrame:
    """
    Return the scores of *scores* as a DataFrame indexed by appraisal id.

    Columns, one row per appraisal:

    - ``complete`` (bool): every applicable aspect was rated; else the row has no
      score, no grade and no behaviour value (as the scalar result);
    - ``score`` (`decimal.Decimal` or `None`): the nilai kinerja, equal to
      `penilaian.Result.score`; ``score_scaled`` (nullable ``Int64``) the same
      x 10^``places``; ``places`` (int): the regime's rounding places;
    - ``grade`` (`penilaian.Grade` id or `None`), ``grade_code`` (-1 for none),
      ``band`` (the predikat band before the innovation rule and fair label, an id);
    - ``with_peer_input`` (bool): weighted 60/40, else 70/30;
    - ``route`` (``"interpolation"`` or ``"category"``): how the SKP was scored
      (PermenPANRB 8/2021 Bab VI.A.1 or VI.A.2);
    - ``main`` and ``behaviour`` (`decimal.Decimal` or `None`) with ``main_scaled``
      and ``behaviour_scaled``: nilai kinerja utama and the behaviour component;
    - ``additional`` and ``skp`` (`decimal.Decimal`): the additional points (0 on the
      interpolation route) and nilai SKP, ``main + additional``, the work component;
    - ``behaviour_<aspect>`` (`decimal.Decimal` or `None`) per aspect of
      `penilaian.batch.ASPECTS`: each rated aspect's value.
    """
    places = scores.places
    data: dict[str, object] = {
        "complete": scores.complete,
        "score": _numbers(scores.final, places),
        "score_scaled": _nullable(scores.final),
        "places": np.full(len(scores.final), places, np.int64),
        "grade": _ids(scores.grade, GRADES),
        "grade_code": scores.grade,
        "band": _ids(scores.band, GRADES),
        "with_peer_input": scores.with_peer_input,
        "route": np.where(scores.interpolation, "interpolation", "category").astype(object),
        "main": _numbers(scores.main_value, places),
        "main_scaled": _nullable(scores.main_value),
        "additional": _numbers(scores.additional, scores.point_places),
        "skp": _numbers(scores.skp, scores.point_places),
        "behaviour": _numbers(scores.behaviour, places),
        "behaviour_scaled": _nullable(scores.behaviour),
    }
    for a_index, aspect in enumerate(ASPECTS):
        data[f"behaviour_{aspect}"] = _numbers(scores.aspect_value[:, a_index], places)
    return _frame(data, framed.ids)


def score_pp30_wide(frame: pd.DataFrame, regime: Pp30Regime | None = None) -> pd.DataFrame:
    """
    Check *regime*, read the wide *frame* and score it: `pp30_results` of every row.

    Raises:
        ScoringInputError: when *regime* uses a convention the engine does not
            compute, before the frame is read.
        InvalidInputError: for any problem of the frame.
    """
    if regime is not None:
        _check_regime(regime)
    framed = pp30_from_wide(frame)
    return pp30_results(framed, score_pp30(framed.batch, regime))


def score_pp30_long(
    indicators: pd.DataFrame,
    ratings: pd.DataFrame,
    appraisals: pd.DataFrame,
    regime: Pp30Regime | None = None,
) -> pd.DataFrame:
    """
    Check *regime*, read the long frames and score them: `pp30_results` of every appraisal.

    Raises:
        ScoringInputError: when *regime* uses a convention the engine does not
            compute, before the frames are read.
        InvalidInputError: for any problem of the frames.
    """
    if regime is not None:
        _check_regime(regime)
    framed = pp30_from_long(indicators, ratings, appraisals)
    return pp30_results(framed, score_pp30(framed.batch, regime))


# Results ----------------------------------------------------------------------------------


def _ids(codes: Codes, table: Sequence[LabelledEnum]) -> npt.NDArray[np.object_]:
    """The ids of the members *codes* index in *table*, `None` for -1."""
    return np.array([None if code == NONE else table[code].value for code in codes.tolist()],
                    dtype=object)  # fmt: skip


def _numbers(values: Ints, places: int) -> npt.NDArray[np.object_]:
    """Scaled integers as `Decimal` objects, `None` for `MISSING`."""
    return np.array([None if v == MISSING else Decimal(v).scaleb(-places)
                     for v in values.tolist()], dtype=object)  # fmt: skip


def _nullable(values: Ints) -> pd.arrays.IntegerArray:
    """Scaled integers as a nullable ``Int64`` array, NA for `MISSING`."""
    missing = values == MISSING
    return pd.arrays.IntegerArray(np.where(missing, 0, values), missing)


def _frame(data: dict[str, object], ids: pd.Index) -> pd.DataFrame:
    """A frame of *data* on *ids*; object columns stay objects (`None`, not NaN)."""
    columns = {}
    for name, values in data.items():
        is_object = isinstance(values, np.ndarray) and values.dtype == np.dtype(object)
        columns[name] = pd.Series(values, index=ids, dtype=object if is_object else None)
    return pd.DataFrame(columns, index=ids)
