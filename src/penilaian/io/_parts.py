"""
The parts of an appraisal, each built from its rows through the library's constructors.

Work targets with their indicators and realisations, raters and ratings, scales,
feedback, special expectations and innovations.  Each builder records where every
part came from (`Draft.places`), so that a rule the whole `Appraisal` breaks later
is reported at the cell it concerns.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any, Final, TypeVar

import attrs

from penilaian.exceptions import (
    DuplicateIdError,
    InvalidValueError,
    MissingValueError,
    UnknownLabelError,
    UnknownReferenceError,
)
from penilaian.io._places import show
from penilaian.io._rows import Builder, Row, Source
from penilaian.io.tables import ALIAS_SEPARATOR
from penilaian.model.appraisal import Innovation, SpecialExpectation
from penilaian.model.raters import (
    EXPECTATION_SCALE,
    OVERALL_BEHAVIOUR,
    OVERALL_WORK_RESULTS,
    FeedbackNote,
    NumericScale,
    OrdinalScale,
    Rater,
    Rating,
)
from penilaian.model.targets import (
    Indicator,
    PointTarget,
    QualitativeTarget,
    RangeTarget,
    Realisation,
    WorkTarget,
)

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence

    from penilaian.model.behaviour import BehaviourFramework
    from penilaian.model.raters import Scale
    from penilaian.model.targets import Target

__all__ = [
    "SCALE_FIELDS",
    "Draft",
    "build_items",
    "build_ratings",
    "build_realisations",
    "build_scale",
    "build_targets",
    "resolve",
    "subjects_of",
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
RATER_FIELDS: Final = {
    "id": "rater_id",
    "role": "rater_role",
    "employee_id": "rater_employee_id",
    "name": "rater_name",
}
RATING_FIELDS: Final = {
    name: name
    for name in ("rater_id", "subject", "scale_id", "score", "level", "comment", "rated_on")
}
SCALE_FIELDS: Final = {
    "id": "scale_id",
    **{name: name for name in ("minimum", "maximum", "step", "levels", "aliases")},
}
# The cells a target's rows (or a rater's rows) repeat, and that must agree.
_TARGET_CELLS: Final = ("target_title", "target_kind", "cascades_from", "perspective")
_RATER_CELLS: Final = ("rater_role", "rater_employee_id", "rater_name")
_TARGET_TYPES: Final = {
    "point": (("target_value",), ("target_value",)),
    "range": (("target_low", "target_high"), ("target_low", "target_high")),
    "qualitative": (("target_description",), ("target_description",)),
}
_SCALE_KINDS: Final = {
    # kind: (cells it needs, cells it may have)
    "numeric": (("minimum", "maximum"), ("minimum", "maximum", "step")),
    "ordinal": (("levels",), ("levels", "aliases")),
    "expectation": ((), ()),
}
_RATING_CELLS: Final = ("subject", "scale_id", "score", "level")
_POINT: Final = {"value": "target_value"}
_RANGE: Final = {"low": "target_low", "high": "target_high"}
_QUALITATIVE: Final = {"description": "target_description"}
_FEEDBACK: Final = {name: name for name in ("given_on", "author_id", "text", "subject", "evidence")}
_EXPECTATION: Final = {"aspect_id": "aspect_id", "text": "text"}
_INNOVATION: Final = {name: name for name in ("description", "scope", "evidence", "certified_by")}
T = TypeVar("T")


@attrs.define
class Draft:
    """
    One appraisal while it is being built from its rows.

    Attributes:
        row: Its row on the employees sheet.
        broken: Whether a row of it had a problem; a broken draft is not built,
            so that a missing part does not cause problems elsewhere.
        parts: The values built so far, by `penilaian.Appraisal` field name.
        places: Each JSON path prefix of the appraisal (``$.ratings[3]``) with
            where its fields were read and its row, to place later problems.
    """

    row: Row
    broken: bool = False
    parts: dict[str, Any] = attrs.field(factory=dict)
    places: dict[str, Source] = attrs.field(factory=dict)

    def keep(self, path: str, source: Source) -> None:
        """Remember that the value at *path* was read from *source*."""
        self.places[path] = source

    def check(self, value: object) -> None:
        """Mark the draft broken if *value* could not be built."""
        if value is None:
            self.broken = True


def _gather(
    draft: Draft,
    value: T | None,
    into: list[T],
    *,
    path: str,
    source: Source,
) -> None:
    """Add *value* to *into*, remembering where it came from; mark the draft broken if `None`."""
    if value is None:
        draft.broken = True
    else:
        draft.keep(f"{path}[{len(into)}]", source)
        into.append(value)


def _conflicts(builder: Builder, rows: Sequence[Row], headers: Iterable[str], what: str) -> None:
    """Record each cell that differs from the first row of the same thing."""
    first = rows[0]
    for row in rows[1:]:
        for header in headers:
            if row[header] != first[header]:
                reason = (
                    f"{what} has {show(first[header])} on row {first.number}, and each of "
                    f"its rows must repeat that value (got {show(row[header])})"
                )
                builder.add(row.at(header), reason, InvalidValueError(header, row[header], reason))


def _cells_fit(
    builder: Builder,
    row: Row,
    kind: str,
    *,
    needs: Sequence[str],
    allows: Sequence[str],
    cells: Sequence[str],
) -> bool:
    """Check that *row* fills exactly the cells its *kind* needs and no cell it does not use."""
    fits = True
    for header in cells:
        if header in needs and row[header] is None:
            reason = f"a {kind} needs {header}"
            builder.add(row.at(header), reason, MissingValueError(header, None, reason))
            fits = False
        elif header not in allows and row[header] is not None:
            reason = f"{header} is not used by a {kind}; leave the cell empty"
            builder.add(row.at(header), reason, InvalidValueError(header, row[header], reason))
            fits = False
    return fits


# -- work targets, indicators, realisations ---------------------------------------------


def build_realisations(
    builder: Builder, draft: Draft, rows: Sequence[Row]
) -> dict[str, tuple[Row, Realisation | None]]:
    """Build the realisations of one appraisal, by indicator id (`None` for a bad row)."""
    found: dict[str, tuple[Row, Realisation | None]] = {}
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
    kind = row["target_type"]
    needs, allows = _TARGET_TYPES[kind]
    cells = ("target_value", "target_low", "target_high", "target_description")
    if not _cells_fit(builder, row, f"{kind} target", needs=needs, allows=allows, cells=cells):
        return None
    if kind == "point":
        return builder.make(Source(row, _POINT), PointTarget, row["target_value"])
    if kind == "range":
        source = Source(row, _RANGE)
        return builder.make(source, RangeTarget, row["target_low"], row["target_high"])
    return builder.make(Source(row, _QUALITATIVE), QualitativeTarget, row["target_description"])


def build_targets(
    builder: Builder,
    draft: Draft,
    rows: Sequence[Row],
    realised: dict[str, tuple[Row, Realisation | None]],
) -> list[WorkTarget]:
    """Build the work targets of one appraisal from its indicator rows, in order."""
    groups: dict[str, list[Row]] = {}
    for row in rows:
        if row.ok:
            groups.setdefault(row["target_id"], []).append(row)
        else:  # its indicator is known, so its realisation is not reported as a stray
            realised.pop(row["indicator_id"], None)
    targets: list[WorkTarget] = []
    for target_id, group in groups.items():
        # Differing repeated cells are reported; the first row's values are used.
        _conflicts(builder, group, _TARGET_CELLS, f"work target {target_id}")
        prefix = f"$.targets[{len(targets)}]"
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
        if len(indicators) < len(group):
            continue  # reported already; a target without them would only add noise
        source = Source(group[0], TARGET_FIELDS)
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
        _gather(draft, target, targets, path="$.targets", source=source)
    return targets


def _indicator(
    builder: Builder,
    draft: Draft,
    row: Row,
    path: str,
    realised: dict[str, tuple[Row, Realisation | None]],
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


# -- subjects: ids, or an aspect's label -------------------------------------------------


def subjects_of(draft: Draft, framework: BehaviourFramework | None) -> frozenset[str]:
    """Return every id a rating or note of the draft may be about."""
    subjects = {OVERALL_WORK_RESULTS, OVERALL_BEHAVIOUR}
    if framework is not None:
        subjects.update(aspect.id for aspect in framework.aspects)
    for target in draft.parts.get("targets", ()):
        subjects.add(target.id)
        subjects.update(indicator.id for indicator in target.indicators)
    return frozenset(subjects)


def resolve(
    text: str | None, subjects: frozenset[str], framework: BehaviourFramework | None
) -> str | None:
    """Return *text*, or the id of the behaviour aspect it names by a label (``Akuntabel``)."""
    if text is None or text in subjects or framework is None:
        return text
    try:
        return framework.aspect(text).id
    except UnknownLabelError:
        return text


# -- raters and ratings ------------------------------------------------------------------


def build_ratings(
    builder: Builder,
    draft: Draft,
    rows: Sequence[Row],
    subjects: frozenset[str],
    framework: BehaviourFramework | None,
) -> tuple[list[Rater], list[Rating]]:
    """Build the raters (in order of first mention) and the ratings of one appraisal."""
    rows = [row for row in rows if row.ok]
    by_rater: dict[str, list[Row]] = {}
    for row in rows:
        by_rater.setdefault(row["rater_id"], []).append(row)
    raters: list[Rater] = []
    for rater_id, group in by_rater.items():
        _conflicts(builder, group, _RATER_CELLS, f"rater {rater_id}")
        source = Source(group[0], RATER_FIELDS)
        first = source.row
        rater = builder.make(
            source,
            Rater,
            rater_id,
            first["rater_role"],
            first["rater_employee_id"],
            first["rater_name"],
        )
        _gather(draft, rater, raters, path="$.raters", source=source)
    ratings: list[Rating] = []
    for row in rows:
        if all(row[header] is None for header in _RATING_CELLS):
            # A row naming a rater only: somebody who has not rated yet.
            cells = ("comment", "rated_on")
            if not _cells_fit(
                builder, row, "row without a rating", needs=(), allows=(), cells=cells
            ):
                draft.broken = True
            continue
        needed = ("subject", "scale_id")
        if not _cells_fit(builder, row, "rating", needs=needed, allows=needed, cells=needed):
            draft.broken = True
            continue
        source = Source(row, RATING_FIELDS)
        rating = builder.make(
            source,
            Rating,
            row["rater_id"],
            resolve(row["subject"], subjects, framework),
            row["scale_id"],
            row["score"],
            row["level"],
            row["comment"],
            row["rated_on"],
        )
        _gather(draft, rating, ratings, path="$.ratings", source=source)
    return raters, ratings


# -- scales ------------------------------------------------------------------------------


def build_scale(builder: Builder, row: Row) -> Scale | None:
    """Build the scale of one row of the scales sheet."""
    kind = row["scale_kind"]
    needs, allows = _SCALE_KINDS[kind]
    cells = ("minimum", "maximum", "step", "levels", "aliases")
    if not _cells_fit(builder, row, f"{kind} scale", needs=needs, allows=allows, cells=cells):
        return None
    source = Source(row, SCALE_FIELDS)
    if kind == "numeric":
        return builder.make(
            source,
            NumericScale,
            row["scale_id"],
            row["minimum"],
            row["maximum"],
            row["step"],
        )
    if kind == "expectation":
        return builder.make(source, _expectation_scale, row["scale_id"])
    aliases = _aliases(builder, row)
    if aliases is None:
        return None
    return builder.make(source, OrdinalScale, row["scale_id"], row["levels"], aliases)


@functools.lru_cache(maxsize=64)
def _expectation_scale(scale_id: str) -> OrdinalScale:
    """The expectation scale under *scale_id*, built once per id (its aliases take a while)."""
    return attrs.evolve(EXPECTATION_SCALE, id=scale_id)


def _aliases(builder: Builder, row: Row) -> tuple[tuple[str, str], ...] | None:
    pairs: list[tuple[str, str]] = []
    for item in row["aliases"] or ():
        alias, separator, level = item.rpartition(ALIAS_SEPARATOR)
        if not separator or not alias.strip() or not level.strip():
            example = f"alias{ALIAS_SEPARATOR}level, such as Baik{ALIAS_SEPARATOR}good"
            reason = f"write each alias as {example} (got {show(item)})"
            builder.add(row.at("aliases"), reason, InvalidValueError("aliases", item, reason))
            return None
        pairs.append((alias.strip(), level.strip()))
    return tuple(pairs)


# -- feedback, special expectations, innovations -----------------------------------------


def build_items(
    builder: Builder,
    draft: Draft,
    sheet: str,
    rows: Sequence[Row],
    *,
    subjects: frozenset[str],
    framework: BehaviourFramework | None,
) -> list[object]:
    """Build the feedback notes, special expectations or innovations of one appraisal."""
    items: list[object] = []
    for row in (row for row in rows if row.ok):
        item: object
        if sheet == "feedback":
            path, source = "feedback", Source(row, _FEEDBACK)
            subject = resolve(row["subject"], subjects, framework)
            arguments = (row["given_on"], row["author_id"], row["text"], subject)
            item = builder.make(source, FeedbackNote, *arguments, row["evidence"] or ())
        elif sheet == "expectations":
            path, source = "special_expectations", Source(row, _EXPECTATION)
            if not items:
                draft.keep(f"$.{path}", Source(row, {}))
            aspect_id = resolve(row["aspect_id"], frozenset(), framework)
            item = builder.make(source, SpecialExpectation, aspect_id, row["text"])
        else:
            path, source = "innovations", Source(row, _INNOVATION)
            evidence = row["evidence"] or ()
            made = (row["description"], row["scope"], evidence, row["certified_by"])
            item = builder.make(source, Innovation, *made)
        _gather(draft, item, items, path=f"$.{path}", source=source)
    return items
