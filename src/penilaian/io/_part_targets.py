"""
The work of an appraisal: its work targets, their indicators and their realisations.

The targets sheet has one row per indicator, and the rows of one work target repeat
its target columns; the realisations sheet has at most one row per indicator.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from penilaian.exceptions import DuplicateIdError, UnknownReferenceError
from penilaian.io._draft import CellsOfKind, Draft, first_of, gather, grouped, kind_of
from penilaian.io._rows import Builder, Row, Source
from penilaian.model.targets import (
    Indicator,
    PointTarget,
    QualitativeTarget,
    RangeTarget,
    Realisation,
    WorkTarget,
)

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from penilaian.model.targets import Target

__all__ = [
    "INDICATOR_FIELDS",
    "REALISATION_FIELDS",
    "TARGET_FIELDS",
    "Realised",
    "build_realisations",
    "build_targets",
    "unclaimed_realisations",
]

TARGET_FIELDS: Final = {
    "id": "target_id",
    "title": "target_title",
    "kind": "target_kind",
    "cascades_from": "cascades_from",
    "perspective": "perspective",
    "indicators": "indicator_id",
}
INDICATOR_FIELDS: Final = {
    "id": "indicator_id",
    "description": "indicator_description",
    "aspect": "aspect",
    "target": "target_type",
    "direction": "direction",
    "unit": "unit",
    "target_is_maximum": "target_is_maximum",
}
REALISATION_FIELDS: Final = {
    name: name for name in ("value", "description", "evidence", "recorded_on")
}
# The cells the rows of one work target repeat, and that must agree.
_TARGET_CELLS: Final = ("target_title", "target_kind", "cascades_from", "perspective")
_TARGET_TYPES: Final = {
    "point": CellsOfKind(("target_value",), ("target_value",)),
    "range": CellsOfKind(("target_low", "target_high"), ("target_low", "target_high")),
    "qualitative": CellsOfKind(("target_description",), ("target_description",)),
}
_POINT: Final = {"value": "target_value"}
_RANGE: Final = {"low": "target_low", "high": "target_high"}
_QUALITATIVE: Final = {"description": "target_description"}

Realised = dict[str, tuple[Row, Realisation | None]]
"""Each reported indicator id with its realisation row and realisation (`None` if bad)."""


def build_realisations(builder: Builder, draft: Draft, rows: Sequence[Row]) -> Realised:
    """Build the realisations of one appraisal, by indicator id (`None` for a bad row)."""
    found: Realised = {}
    for row in rows:
        indicator_id = row["indicator_id"]
        if indicator_id in found:
            first = found[indicator_id][0].number
            reason = (
                f"a second realisation of indicator {indicator_id} (the first is on row {first})"
            )
            error = DuplicateIdError("indicator_id", indicator_id, reason)
            builder.add(row.at("indicator_id"), reason, error)
            draft.broken = True
            continue
        realisation = None
        if row.ok:
            realisation = builder.make(
                Source(row, REALISATION_FIELDS),
                Realisation,
                row["value"],
                row["description"],
                row["evidence"] or (),
                row["recorded_on"],
            )
        draft.check(realisation)
        if indicator_id is not None:
            found[indicator_id] = (row, realisation)
    return found


def _target(builder: Builder, row: Row) -> Target | None:
    kind = kind_of(builder, row, "target_type", _TARGET_TYPES, "target")
    if kind is None:
        return None
    if kind == "point":
        return builder.make(Source(row, _POINT), PointTarget, row["target_value"])
    if kind == "range":
        source = Source(row, _RANGE)
        return builder.make(source, RangeTarget, row["target_low"], row["target_high"])
    return builder.make(Source(row, _QUALITATIVE), QualitativeTarget, row["target_description"])


def build_targets(
    builder: Builder, draft: Draft, rows: Sequence[Row], realised: Realised
) -> list[WorkTarget]:
    """Build the work targets of one appraisal from its indicator rows, in order."""
    for row in rows:
        if not row.ok:  # its indicator is known, so its realisation is not reported as a stray
            realised.pop(row["indicator_id"], None)
    targets: list[WorkTarget] = []
    for target_id, group in grouped((row for row in rows if row.ok), "target_id").items():
        source = first_of(builder, group, TARGET_FIELDS, _TARGET_CELLS, f"work target {target_id}")
        indicators = _indicators(builder, draft, group, f"$.targets[{len(targets)}]", realised)
        if len(indicators) < len(group):
            continue  # reported already; a target without them would only add noise
        first = source.row
        target = builder.make(
            source,
            WorkTarget,
            target_id,
            first["target_title"],
            tuple(indicators),
            first["target_kind"] or "main",
            first["cascades_from"],
            first["perspective"],
        )
        gather(draft, target, targets, path="$.targets", source=source)
    return targets


def _indicators(
    builder: Builder, draft: Draft, group: Sequence[Row], prefix: str, realised: Realised
) -> list[Indicator]:
    """Build the indicators of one work target's rows; a repeated id is a problem."""
    indicators: list[Indicator] = []
    seen: dict[str, Row] = {}
    for row in group:
        indicator_id = row["indicator_id"]
        if indicator_id in seen:
            reason = f"repeats indicator {indicator_id} of row {seen[indicator_id].number}"
            error = DuplicateIdError("indicator_id", indicator_id, reason)
            builder.add(row.at("indicator_id"), reason, error)
            draft.broken = True
            continue
        seen[indicator_id] = row
        path = f"{prefix}.indicators[{len(indicators)}]"
        indicator = _indicator(builder, draft, row, path, realised)
        if indicator is not None:
            indicators.append(indicator)
    return indicators


def _indicator(
    builder: Builder, draft: Draft, row: Row, path: str, realised: Realised
) -> Indicator | None:
    target = _target(builder, row)
    realisation_row, realisation = realised.pop(row["indicator_id"], (None, None))
    source = Source(row, INDICATOR_FIELDS)
    if realisation_row is not None:
        source = Source(row, INDICATOR_FIELDS, {"realisation.value": (realisation_row, "value")})
        draft.keep(f"{path}.realisation", Source(realisation_row, REALISATION_FIELDS))
    if target is None or (realisation_row is not None and realisation is None):
        draft.broken = True
        return None
    indicator = builder.make(
        source,
        Indicator,
        row["indicator_id"],
        row["indicator_description"],
        row["aspect"],
        target,
        row["direction"] or "higher_is_better",
        row["unit"],
        realisation,
        row["target_is_maximum"] is True,
    )
    draft.check(indicator)
    draft.keep(path, source)
    return indicator


def unclaimed_realisations(
    builder: Builder, draft: Draft, realised: Mapping[str, tuple[Row, Realisation | None]]
) -> None:
    """Record each realisation whose indicator is not on the targets sheet."""
    for indicator_id, (row, _) in realised.items():
        appraisal_id = draft.row["appraisal_id"]
        reason = f"appraisal {appraisal_id} has no indicator {indicator_id} on the targets sheet"
        builder.add(
            row.at("indicator_id"),
            reason,
            UnknownReferenceError("indicator_id", indicator_id, reason),
        )
        draft.broken = True
