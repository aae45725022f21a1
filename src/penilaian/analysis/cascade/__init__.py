"""
Cascading targets: the target tree of a period, its checks, roll-ups and the cascading matrix.

Under PermenPANRB 6/2022 every official below the top carries work targets that
intervene a supervisor's (RHK atasan yang diintervensi).  `build_tree` links them
across the appraisals of one period and reports every broken link; `roll_up` carries
values from children to parents by a named rule; `cascade_matrix` and `unit_matrix`
give a leader's matrix of who intervenes which target (matriks peran hasil).
"""

from __future__ import annotations

from penilaian.analysis.cascade.links import (
    DEFAULT_LINKED_KINDS,
    build_tree,
    check_tree,
    supervisor_of,
)
from penilaian.analysis.cascade.matrix import (
    CascadeMatrix,
    MatrixColumn,
    MatrixEntry,
    MatrixRow,
    cascade_matrix,
    unit_matrix,
)
from penilaian.analysis.cascade.rollup import (
    OWN_RULE,
    MeanOfChildren,
    MinimumOfChildren,
    MissingChild,
    RolledValue,
    RollUp,
    RollUpRule,
    WeightedMeanOfChildren,
    progress_values,
    roll_up,
)
from penilaian.analysis.cascade.tree import TargetNode, TargetRef, TargetTree, find_cycles

__all__ = [
    "DEFAULT_LINKED_KINDS",
    "OWN_RULE",
    "CascadeMatrix",
    "MatrixColumn",
    "MatrixEntry",
    "MatrixRow",
    "MeanOfChildren",
    "MinimumOfChildren",
    "MissingChild",
    "RollUp",
    "RollUpRule",
    "RolledValue",
    "TargetNode",
    "TargetRef",
    "TargetTree",
    "WeightedMeanOfChildren",
    "build_tree",
    "cascade_matrix",
    "check_tree",
    "find_cycles",
    "progress_values",
    "roll_up",
    "supervisor_of",
    "unit_matrix",
]
