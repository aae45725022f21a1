"""
Columnar scoring of many appraisals at once with numpy, exactly as the scalar regimes score one.

A boundary package behind the optional ``batch`` extra (``pip install "penilaian[batch]"``):
``import penilaian`` never imports it or numpy.  Each engine reads its rule tables from
the scalar regime module and computes in scaled ``int64`` integers, so every row gets
the score, grade and figures the scalar regime gives, to the last digit.

- `penilaian.batch.permen6`: PermenPANRB 6/2022 (two ratings, the 3 x 3 matrix);
- `penilaian.batch.pp30`: PP 30/2019 with PermenPANRB 8/2021 (capaian IKI to predikat).
"""

from __future__ import annotations

from penilaian.exceptions import MissingExtraError

try:
    import numpy as np  # noqa: F401 - imported first only to name the extra when it is missing
except ImportError as error:  # pragma: no cover - the test environment has numpy
    raise MissingExtraError("batch", "numpy") from error

from penilaian.batch._columns import GRADES, MISSING, NONE, grade_codes, grades
from penilaian.batch.permen6 import (
    LEVELS,
    UNIT_GRADES,
    Permen6Batch,
    Permen6Scores,
    score_permen6,
)
from penilaian.batch.pp30 import ASPECTS, Pp30Batch, Pp30Scores, score_pp30

__all__ = [
    "ASPECTS",
    "GRADES",
    "LEVELS",
    "MISSING",
    "NONE",
    "UNIT_GRADES",
    "Permen6Batch",
    "Permen6Scores",
    "Pp30Batch",
    "Pp30Scores",
    "grade_codes",
    "grades",
    "score_permen6",
    "score_pp30",
]
