"""
From typed rows to appraisals: one per row of the employees sheet, in that order.

Rows of the other sheets join their appraisal by ``appraisal_id``.  Every part is
built through the library's constructors; an appraisal whose rows all built is
then checked as a whole by `penilaian.Appraisal`, and each rule it breaks is
placed back at the cell it concerns through the places its parts were read from.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

from penilaian.exceptions import (
    DuplicateIdError,
    InvalidInputError,
    InvalidPeriodError,
    InvalidValueError,
    UnknownReferenceError,
)
from penilaian.io._draft import Draft, subjects_of
from penilaian.io._part_notes import NOTE_SHEETS, build_notes
from penilaian.io._part_ratings import build_ratings
from penilaian.io._part_scales import SCALE_FIELDS, build_scale
from penilaian.io._part_targets import build_realisations, build_targets, unclaimed_realisations
from penilaian.io._places import describe
from penilaian.io._rows import Builder, Row, Source
from penilaian.io._scale_ids import UnknownScales
from penilaian.model.appraisal import Appraisal
from penilaian.model.behaviour import BUILTIN_FRAMEWORKS
from penilaian.model.organisation import Position
from penilaian.model.people import Employee
from penilaian.model.periods import Period, PeriodKind

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from penilaian.io._places import Where
    from penilaian.model.behaviour import BehaviourFramework
    from penilaian.model.raters import Scale

__all__ = ["APPRAISAL_FIELDS", "assemble", "locate"]

APPRAISAL_FIELDS: Final = {
    "id": "appraisal_id",
    "framework": "framework_id",
    "unit_grade": "unit_grade",
}
_EMPLOYEE_FIELDS: Final = {"id": "employee_id", "name": "name", "nip": "nip"}
_POSITION_FIELDS: Final = {
    "title": "position_title",
    "kind": "position_kind",
    "unit_id": "unit_id",
    "leads_unit": "leads_unit",
    "leads_independent_unit": "leads_independent_unit",
}
_PERIOD_FIELDS: Final = {"start": "period_start", "end": "period_end", "kind": "period_kind"}
# Tried in turn when period_kind is left empty: the first the dates form exactly.
_CALENDAR_UNITS: Final = (
    PeriodKind.YEAR,
    PeriodKind.SEMESTER,
    PeriodKind.QUARTER,
    PeriodKind.MONTH,
)
_LAST_SEGMENT: Final = re.compile(r"(?P<head>.*)(?:\.(?P<name>\w+)|\[[0-9]+\])")


def assemble(
    rows: Mapping[str, Sequence[Row]],
    builder: Builder,
    places: dict[str, Mapping[str, Source]] | None = None,
) -> tuple[Appraisal, ...]:
    """
    Build one appraisal per row of the employees sheet, recording every problem.

    A rating on a scale no row of the scales sheet defines takes the built-in scale
    of that id (`BUILTIN_SCALES`); an id that is neither is one problem per id, at
    the first rating using it, naming the scales sheet (`penilaian.io._scale_ids`).

    Args:
        rows: The typed rows of each sheet.
        builder: Where the problems go.
        places: If given, filled with each built appraisal's id and where each of
            its parts was read (JSON path prefix to `Source`).

    Returns:
        The appraisals that built, in the employees sheet's order; the caller
        checks ``builder.findings`` before using them.
    """
    drafts = _employees(builder, rows.get("employees", ()))
    groups = {
        sheet: _by_appraisal(builder, drafts, sheet_rows)
        for sheet, sheet_rows in rows.items()
        if sheet not in {"employees", "scales"}
    }
    own_scales, shared = _scales(builder, drafts, rows.get("scales", ()))
    appraisals: list[Appraisal] = []
    unknown = UnknownScales()
    for appraisal_id, draft in drafts.items():
        _parts(
            builder, draft, {sheet: group.get(appraisal_id, []) for sheet, group in groups.items()}
        )
        scales = own_scales.get(appraisal_id, [])
        ids = {scale.id for _, scale in scales}
        scales += [(row, scale) for row, scale in shared if scale.id not in ids]
        for index, (row, _) in enumerate(scales):
            draft.keep(f"$.scales[{index}]", Source(row, SCALE_FIELDS))
        draft.parts["scales"] = [scale for _, scale in scales]
        if not draft.broken:
            draft.parts["scales"] += unknown.complete(draft)
        if not draft.broken:
            appraisal = _appraisal(builder, draft)
            if appraisal is not None:
                appraisals.append(appraisal)
                if places is not None:
                    places[appraisal.id] = draft.places
    unknown.report(builder)
    return tuple(appraisals)


def _framework(row: Row) -> BehaviourFramework | None:
    framework_id = row["framework_id"]
    return None if framework_id is None else BUILTIN_FRAMEWORKS[framework_id]


def _employees(builder: Builder, rows: Sequence[Row]) -> dict[str, Draft]:
    drafts: dict[str, Draft] = {}
    for row in rows:
        appraisal_id = row["appraisal_id"]
        if appraisal_id is None:
            continue
        if appraisal_id in drafts:
            first = drafts[appraisal_id].row.number
            reason = f"repeats appraisal {appraisal_id} of row {first}"
            builder.add(
                row.at("appraisal_id"),
                reason,
                DuplicateIdError("appraisal_id", appraisal_id, reason),
            )
            continue
        draft = Draft(row, broken=not row.ok)
        drafts[appraisal_id] = draft
        draft.keep("$", Source(row, APPRAISAL_FIELDS))
        draft.keep("$.employee", Source(row, _EMPLOYEE_FIELDS))
        draft.keep("$.position", Source(row, _POSITION_FIELDS))
        draft.keep("$.period", Source(row, _PERIOD_FIELDS))
        if not row.ok:
            continue
        draft.parts["employee"] = builder.make(
            draft.places["$.employee"],
            Employee,
            row["employee_id"],
            row["name"],
            row["nip"],
        )
        draft.parts["position"] = builder.make(
            draft.places["$.position"],
            Position,
            row["position_title"],
            row["position_kind"],
            unit_id=row["unit_id"],
            leads_unit=row["leads_unit"] is True,
            leads_independent_unit=row["leads_independent_unit"] is True,
        )
        draft.parts["period"] = _period(builder, row)
        for part in ("employee", "position", "period"):
            draft.check(draft.parts[part])
    return drafts


def _period(builder: Builder, row: Row) -> Period | None:
    start, end, kind = row["period_start"], row["period_end"], row["period_kind"]
    if kind is None:
        found = (_exactly(start, end, unit) for unit in _CALENDAR_UNITS)
        period = next((period for period in found if period is not None), None)
        if period is not None:
            return period
        kind = PeriodKind.CUSTOM
    return builder.make(Source(row, _PERIOD_FIELDS), Period, start, end, kind)


def _exactly(start: object, end: object, unit: PeriodKind) -> Period | None:
    """Return the period *start* to *end* if it is exactly one *unit*, else `None`."""
    try:
        return Period(start, end, unit)  # type: ignore[arg-type]
    except InvalidPeriodError:
        return None


def _by_appraisal(
    builder: Builder, drafts: Mapping[str, Draft], rows: Sequence[Row]
) -> dict[str, list[Row]]:
    groups: dict[str, list[Row]] = {}
    for row in rows:
        appraisal_id = row["appraisal_id"]
        if appraisal_id is None:
            continue
        draft = drafts.get(appraisal_id)
        if draft is None:
            reason = f"no appraisal {appraisal_id} on the employees sheet"
            error = UnknownReferenceError("appraisal_id", appraisal_id, reason)
            builder.add(row.at("appraisal_id"), reason, error)
            continue
        if not row.ok:
            draft.broken = True  # its rows are kept, so that their ids are known
        groups.setdefault(appraisal_id, []).append(row)
    return groups


def _scales(
    builder: Builder, drafts: Mapping[str, Draft], rows: Sequence[Row]
) -> tuple[dict[str, list[tuple[Row, Scale]]], list[tuple[Row, Scale]]]:
    """Build each appraisal's own scales and the shared ones (rows without an appraisal id)."""
    shared_rows = [row for row in rows if row["appraisal_id"] is None and row.ok]
    shared: list[tuple[Row, Scale]] = []
    for row in shared_rows:
        scale = build_scale(builder, row)
        if scale is None:
            for draft in drafts.values():  # every appraisal may use a shared scale
                draft.broken = True
        else:
            shared.append((row, scale))
    if any(not row.ok and row["appraisal_id"] is None for row in rows):
        for draft in drafts.values():
            draft.broken = True
    own: dict[str, list[tuple[Row, Scale]]] = {}
    for appraisal_id, group in _by_appraisal(builder, drafts, rows).items():
        for row in (row for row in group if row.ok):
            scale = build_scale(builder, row)
            drafts[appraisal_id].check(scale)
            if scale is not None:
                own.setdefault(appraisal_id, []).append((row, scale))
    return own, shared


def _parts(builder: Builder, draft: Draft, rows: Mapping[str, Sequence[Row]]) -> None:
    framework = _framework(draft.row)
    realised = build_realisations(builder, draft, rows.get("realisations", ()))
    draft.parts["targets"] = build_targets(builder, draft, rows.get("targets", ()), realised)
    unclaimed_realisations(builder, draft, realised)
    subjects = subjects_of(draft, framework)
    raters, ratings = build_ratings(builder, draft, rows.get("ratings", ()), subjects, framework)
    draft.parts["raters"], draft.parts["ratings"] = raters, ratings
    for sheet, notes in NOTE_SHEETS.items():
        draft.parts[notes.field] = build_notes(
            builder, draft, notes, rows.get(sheet, ()), subjects=subjects, framework=framework
        )


def _appraisal(builder: Builder, draft: Draft) -> Appraisal | None:
    row, parts = draft.row, draft.parts
    try:
        return Appraisal(
            row["appraisal_id"],
            parts["employee"],
            parts["position"],
            parts["period"],
            BUILTIN_FRAMEWORKS[row["framework_id"]],
            parts["targets"],
            parts["raters"],
            parts["scales"],
            parts["ratings"],
            parts["feedback"],
            parts["special_expectations"],
            parts["innovations"],
            row["unit_grade"],
        )
    except InvalidInputError as error:
        builder.omitted += error.omitted
        for problem in error.problems:
            where = locate(draft.places, problem.path)
            if isinstance(problem.error, InvalidValueError):
                builder.add(where, describe(problem.error), problem.error)
            else:  # pragma: no cover - Appraisal gives every problem a typed error
                builder.add(where, problem.message, problem.error)
    except InvalidValueError as error:  # pragma: no cover - its fields are built already
        builder.add(row.at(), describe(error), error)
    return None


def locate(places: Mapping[str, Source], path: str) -> Where:
    """Return the cell a JSON path into an appraisal was read from (its row if no cell)."""
    head, field = path, None
    while head not in places and (found := _LAST_SEGMENT.fullmatch(head)):
        head, field = found["head"], found["name"]
    return places.get(head, places["$"]).place(field)
