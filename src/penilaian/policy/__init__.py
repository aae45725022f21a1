"""How several raters' ratings are weighed: weights, aggregation, missing raters, anonymity."""

from __future__ import annotations

from penilaian.policy.aggregation import (
    Aggregate,
    Impute,
    Mean,
    Median,
    MissingRaterPolicy,
    PublicIndex,
    Renormalise,
    Require,
    RoleAggregate,
    RoleStatus,
    TrimmedMean,
    WeightedAggregate,
    Zero,
)
from penilaian.policy.anonymity import (
    DEFAULT_ANONYMITY,
    AnonymityRisk,
    AnonymityThresholds,
    EmployeeView,
    NoteSummary,
    ReleasePolicy,
    RoleSummary,
    SignedRating,
    SubjectSummary,
    SupervisorView,
    view_for_employee,
    view_for_supervisor,
)
from penilaian.policy.supervisor import (
    SupervisorRating,
    supervisor_ratings,
)
from penilaian.policy.weighting import (
    EXAMPLE_360_ROLE_WEIGHTS,
    EXAMPLE_SERVICE_ROLE_WEIGHTS,
    WeightingPolicy,
)
from penilaian.policy.weights import (
    PP30_2019_WITH_PEER_INPUT,
    PP30_2019_WITHOUT_PEER_INPUT,
    PP46_2011_COMPONENTS,
    Weights,
)

__all__ = [
    "DEFAULT_ANONYMITY",
    "EXAMPLE_360_ROLE_WEIGHTS",
    "EXAMPLE_SERVICE_ROLE_WEIGHTS",
    "PP30_2019_WITHOUT_PEER_INPUT",
    "PP30_2019_WITH_PEER_INPUT",
    "PP46_2011_COMPONENTS",
    "Aggregate",
    "AnonymityRisk",
    "AnonymityThresholds",
    "EmployeeView",
    "Impute",
    "Mean",
    "Median",
    "MissingRaterPolicy",
    "NoteSummary",
    "PublicIndex",
    "ReleasePolicy",
    "Renormalise",
    "Require",
    "RoleAggregate",
    "RoleStatus",
    "RoleSummary",
    "SignedRating",
    "SubjectSummary",
    "SupervisorRating",
    "SupervisorView",
    "TrimmedMean",
    "WeightedAggregate",
    "WeightingPolicy",
    "Weights",
    "Zero",
    "supervisor_ratings",
    "view_for_employee",
    "view_for_supervisor",
]
