"""
Columnar scoring of many appraisals at once with numpy, exactly as the scalar regimes score one.

A boundary package behind the optional ``batch`` extra (``pip install ".[batch]"`` in a clone):
``import penilaian`` never imports it or numpy.  Each engine reads its rule tables from
the scalar regime module and computes in scaled ``int64`` integers, so every row gets
the score, grade and figures the scalar regime gives, to the last digit.

- `penilaian.batch.permen6`: PermenPANRB 6/2022 (two ratings, the 3 x 3 matrix);
- `penilaian.batch.pp30`: PP 30/2019 with PermenPANRB 8/2021 (capaian IKI to predikat).
- `penilaian.batch.pp46`: PP 46/2011 with Perka BKN 1/2013 (SKP, perilaku, the 1.76 rule);
- `penilaian.batch.generic`: `penilaian.GenericRegime` with 360° weighting policies, in
  floats with an error bound and the rows near a decision recomputed exactly;
- `penilaian.batch.policies`: one population under many generic regimes at once.

The generic engine runs compiled loops when numba is installed (`accelerator` says
which path runs); the numpy path gives the same results.
"""

from __future__ import annotations

# The engines' imports come after the check that numpy is there (E402 on purpose), so
# that a missing numpy raises MissingExtraError naming the extra, not a bare ImportError.
# ruff: noqa: E402
from penilaian._base.extras import require

require("batch", "numpy")

from penilaian.batch._columns import GRADES, MISSING, NONE, grade_codes, grades
from penilaian.batch._compiled import accelerator
from penilaian.batch.generic import KINDS, ROLES, GenericBatch, GenericScores, score_generic
from penilaian.batch.permen6 import (
    LEVELS,
    UNIT_GRADES,
    Permen6Batch,
    Permen6Scores,
    score_permen6,
)
from penilaian.batch.policies import PolicyScores, score_policies
from penilaian.batch.pp30 import ASPECTS, Pp30Batch, Pp30Scores, score_pp30
from penilaian.batch.pp46 import (
    PP46_ASPECTS,
    PP46_SCOPES,
    PP46_SLOTS,
    Pp46Batch,
    Pp46Scores,
    score_pp46,
)

__all__ = [
    "ASPECTS",
    "GRADES",
    "KINDS",
    "LEVELS",
    "MISSING",
    "NONE",
    "PP46_ASPECTS",
    "PP46_SCOPES",
    "PP46_SLOTS",
    "ROLES",
    "UNIT_GRADES",
    "GenericBatch",
    "GenericScores",
    "Permen6Batch",
    "Permen6Scores",
    "PolicyScores",
    "Pp30Batch",
    "Pp30Scores",
    "Pp46Batch",
    "Pp46Scores",
    "accelerator",
    "grade_codes",
    "grades",
    "score_generic",
    "score_permen6",
    "score_policies",
    "score_pp30",
    "score_pp46",
]
