"""
Weighting policies as JSON: the file form of `penilaian.WeightingPolicy`.

An agency keeps its 360-degree policy in a file such as::

    {"weights": {"supervisor": "1/2", "peer": "1/4", "subordinate": "1/4"},
     "aggregation": {"kind": "trimmed_mean", "proportion": "1/4"},
     "min_raters": {"peer": 3},
     "missing": {"kind": "renormalise"},
     "count_self": false}

- ``weights`` (required): each rater role (any spelling `penilaian.RaterRole`
  accepts) to its exact weight; the weights sum to exactly 1.
- ``missing`` (required): ``{"kind": "renormalise"}``, ``{"kind": "require"}``,
  ``{"kind": "zero"}`` or ``{"kind": "impute", "value": "3"}``.
- ``aggregation``: ``{"kind": "mean"}`` (the default), ``{"kind": "median"}`` or
  ``{"kind": "trimmed_mean", "proportion": "1/4"}``.
- ``min_raters``: the fewest ratings a weighted role needs to count, whole numbers.
- ``count_self``: whether the self-assessment counts (`False` by default).

Numbers are exact: text such as ``"1/4"`` or ``"0.25"``, or a JSON number, which the
one JSON reader (`penilaian.serialization.parse_json`) takes exactly as written
(``0.25`` is exactly 1/4, never a binary float); a Python `float` in a mapping is
refused.  Unknown keys and keys given twice are refused, and every problem of a
document is reported at once, each with its JSON path.

The form is read and written by hooks on the one converter, so
``structure(data, WeightingPolicy)`` and ``unstructure(policy)`` of
`penilaian.serialization` do the same as the functions here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from penilaian.policy.weighting import WeightingPolicy
from penilaian.serialization._converter import structure, unstructure
from penilaian.serialization._reading import parse_json, read_document

if TYPE_CHECKING:
    import os

__all__ = ["load_policy", "policy_from_mapping", "policy_to_mapping"]


def policy_from_mapping(data: object) -> WeightingPolicy:
    """
    Build a `penilaian.WeightingPolicy` from its JSON form (parsed JSON, or a dict).

    >>> policy = policy_from_mapping(
    ...     {"weights": {"atasan": "1/2", "rekan kerja": "1/2"}, "missing": {"kind": "require"}}
    ... )
    >>> policy.role_weights["peer"]
    Fraction(1, 2)

    Args:
        data: A mapping with the keys described in `penilaian.serialization.policy`.

    Returns:
        The policy.

    Raises:
        InvalidInputError: listing every problem with its JSON path: an unknown
            or repeated key, a missing required key, an unknown role or kind,
            a float or other inexact number (`InvalidNumberError`), weights that
            do not sum to exactly 1, a value of the wrong type, and roles that
            do not fit together (`min_raters` of an unweighted role, ``self``
            weighted without ``count_self``).
    """
    return structure(data, WeightingPolicy)


def policy_to_mapping(policy: WeightingPolicy) -> dict[str, Any]:
    """
    Return the JSON form of *policy*, for `json.dumps`.

    Weights and numbers are written as exact text (``"1/3"``), roles by their
    ids, and every key is written, defaults included, so the file says all.
    ``policy_from_mapping(policy_to_mapping(policy)) == policy``.

    Raises:
        UnsupportedInputError: for a policy whose aggregation is a function of
            your own, which a file cannot hold.
    """
    mapping: dict[str, Any] = unstructure(policy)
    return mapping


def load_policy(path: str | os.PathLike[str]) -> WeightingPolicy:
    """
    Read a weighting policy from a JSON file, through the one JSON reader.

    Args:
        path: The file.

    Returns:
        The policy.

    Raises:
        InvalidInputError: for a file larger than
            `penilaian.serialization.MAX_DOCUMENT_BYTES` or that is not UTF-8 JSON
            (at ``$``), and every problem `policy_from_mapping` finds, a key
            given twice included.
        InvalidInputError: also when the file is missing, not a regular file, or over
            `MAX_DOCUMENT_BYTES` (one problem naming the path as given).
    """
    return policy_from_mapping(parse_json(read_document(path)))
