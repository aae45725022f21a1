"""
PP 30/2019 frames to a `penilaian.batch.Pp30Batch`: the long and wide layouts of `frames`.

Private to `penilaian.batch.frames`, whose module docstring documents the layouts.  Both
layouts are read into the same located rows (`Cells`, `Scores`) and then checked and
assembled by one function, so they accept and refuse exactly the same data.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Hashable
from decimal import Decimal
from typing import Final

import attrs
import numpy as np
import pandas as pd

from penilaian.batch._columns import (
    INT64_LIMIT,
    MAX_PLACES,
    Bools,
    Ints,
    fewest_places,
    scaled,
    unfit_reason,
)
from penilaian.batch._frame_reader import NO_ROW, SHOWN, Framed, Reader, Recorder, fail
from penilaian.batch.pp30 import ASPECTS, Pp30Batch
from penilaian.exceptions import (
    DuplicateIdError,
    InvalidValueError,
    MissingValueError,
    OffScaleError,
    Problem,
    UnsupportedInputError,
)
from penilaian.model.behaviour import PP30_2019_BEHAVIOUR
from penilaian.model.organisation import PositionKind
from penilaian.regimes.pp30_2019 import PP30_2019_CAP, skp_route

__all__ = ["from_long", "from_wide"]

APPRAISAL_COLUMNS: Final = ("position_kind", "peer_input", "innovation")
OPTIONAL_APPRAISAL_COLUMNS: Final = ("leads_independent_unit",)
"""Columns of the appraisals frame that may be left out (read as all False)."""
NUMBERS: Final = ("target_low", "target_high", "realisation")
FLAGS: Final = ("lower_is_better", "at_maximum")
_WIDE_CELL: Final = re.compile(rf"({'|'.join((*NUMBERS, *FLAGS))})_(\d+)_(\d+)")
_WIDE_MAIN: Final = re.compile(r"main_(\d+)")


@attrs.frozen
class People:
    """The appraisals frame: ids, position kinds and per-appraisal flags."""

    ids: pd.Index
    kinds: list[PositionKind | None]
    peer_input: Bools
    innovation: Bools
    independent: Bools

    @property
    def interpolation(self) -> Bools:
        """Whether each post takes the interpolation table under ``route="auto"``."""
        routes = [
            kind is not None
            and skp_route(kind, leads_independent_unit=bool(independent)) == "interpolation"
            for kind, independent in zip(self.kinds, self.independent, strict=True)
        ]
        return np.array(routes, np.bool_)

    @classmethod
    def read(cls, reader: Reader) -> People:
        """Read the appraisal columns of *reader*'s frame."""
        ids = reader.index_ids()
        kinds = reader.members("position_kind", PositionKind)
        n = len(ids)
        return cls(
            ids,
            [None if kind is None else PositionKind(kind) for kind in kinds],
            _or_false(reader.flags("peer_input"), n),
            _or_false(reader.flags("innovation"), n),
            _or_false(_optional_flags(reader, "leads_independent_unit"), n),
        )


def _optional_flags(reader: Reader, column: str) -> Bools | None:
    """The flags of an optional *column*: `None` (all False) when the frame has none."""
    return reader.flags(column) if column in reader.frame.columns else None


def _or_false(flags: Bools | None, n: int) -> Bools:
    return np.zeros(n, np.bool_) if flags is None else flags


@attrs.frozen
class Cells:
    """Indicator rows, read: each row's appraisal row, keys, values and where it came from."""

    appraisal: Ints
    target: list[Hashable]
    indicator: list[Hashable]
    main: Bools
    numbers: dict[str, list[Decimal | None]]
    flags: dict[str, Bools]
    record: Recorder


@attrs.frozen
class Scores:
    """Rating rows, read and located."""

    appraisal: Ints
    aspect: list[Hashable]
    score: list[Decimal | None]
    record: Recorder


def from_long(
    indicators: pd.DataFrame, ratings: pd.DataFrame, appraisals: pd.DataFrame
) -> Framed[Pp30Batch]:
    """Read the long layout; see `penilaian.batch.frames.pp30_from_long`."""
    problems: list[Problem] = []
    people_reader = Reader("appraisals", appraisals, problems)
    items = Reader("indicators", indicators, problems)
    rated = Reader("ratings", ratings, problems)
    ready = people_reader.columns(APPRAISAL_COLUMNS, OPTIONAL_APPRAISAL_COLUMNS)
    item_columns = ("appraisal", "target", "indicator", "main", *NUMBERS, *FLAGS)
    ready = items.columns(item_columns) and ready
    ready = rated.columns(("appraisal", "aspect", "score")) and ready
    if not ready:
        fail(problems)
    people = People.read(people_reader)
    n = len(items.labels)
    cells = Cells(
        items.references("appraisal", people.ids),
        items.keys("target"),
        items.keys("indicator"),
        _or_false(items.flags("main"), n),
        {name: items.numbers(name) for name in NUMBERS},
        {name: _or_false(items.flags(name), n) for name in FLAGS},
        Recorder(items, lambda field, _row: field, items.labels),
    )
    scores = Scores(
        rated.references("appraisal", people.ids),
        rated.keys("aspect"),
        rated.numbers("score"),
        Recorder(rated, lambda field, _row: field, rated.labels),
    )
    return _assemble(people, cells, scores, problems)


def from_wide(frame: pd.DataFrame) -> Framed[Pp30Batch]:
    """Read the wide layout; see `penilaian.batch.frames.pp30_from_wide`."""
    problems: list[Problem] = []
    reader = Reader("", frame, problems)
    patterns = (f"^{_WIDE_CELL.pattern}", f"^{_WIDE_MAIN.pattern}")
    scored = tuple(f"score_{aspect}" for aspect in ASPECTS)
    if not reader.columns(APPRAISAL_COLUMNS, (*OPTIONAL_APPRAISAL_COLUMNS, *scored, *patterns)):
        fail(problems)
    people = People.read(reader)
    return _assemble(people, _wide_cells(reader, people), _wide_scores(reader, people), problems)


def _wide_places(reader: Reader) -> tuple[dict[tuple[int, int], dict[str, str]], dict[int, str]]:
    """The complete indicator places ``(t, i)`` with their columns, and the main columns."""
    places: dict[tuple[int, int], dict[str, str]] = {}
    mains: dict[int, str] = {}
    for name in map(str, reader.frame.columns):
        if match := _WIDE_CELL.fullmatch(name):
            places.setdefault((int(match[2]), int(match[3])), {})[match[1]] = name
        elif match := _WIDE_MAIN.fullmatch(name):
            mains[int(match[1])] = name
    complete = {}
    for (t_place, i_place), named in sorted(places.items()):
        lacking = [f"{field}_{t_place}_{i_place}" for field in (*NUMBERS, *FLAGS)
                   if field not in named]  # fmt: skip
        if t_place not in mains:
            lacking.append(f"main_{t_place}")
        for name in lacking:
            reason = "a required column of this indicator place is missing"
            reader.problem(name, NO_ROW, MissingValueError(name, None, reason))
        if not lacking:
            complete[t_place, i_place] = named
    for t_place, name in mains.items():
        if all(t != t_place for t, _ in places):
            reason = f"no indicator place of work target {t_place} (target_low_{t_place}_0, ...)"
            reader.problem(name, NO_ROW, InvalidValueError(name, name, reason))
    return complete, mains


def _wide_cells(reader: Reader, people: People) -> Cells:
    """The indicator rows of a wide frame: one per place whose numbers are not all NA."""
    frame = reader.frame
    places, mains = _wide_places(reader)
    n = len(people.ids)
    rows_of, where = [], []
    numbers: dict[str, list[Decimal | None]] = {name: [] for name in NUMBERS}
    flags: dict[str, list[Bools]] = {name: [] for name in (*FLAGS, "main")}
    for (t_place, i_place), named in places.items():
        present = np.zeros(n, np.bool_)
        for field in NUMBERS:
            present |= frame[named[field]].notna().to_numpy(np.bool_)
        rows = np.flatnonzero(present)
        sub = Reader("", frame.iloc[rows], reader.problems)
        for field in NUMBERS:
            numbers[field] += sub.numbers(named[field])
        for field, name in (*((f, named[f]) for f in FLAGS), ("main", mains[t_place])):
            flags[field].append(_or_false(reader.flags(name, absent=~present), n)[rows])
        rows_of.append(rows)
        where += [(t_place, i_place)] * len(rows)

    def column(field: str, row: int) -> str:
        t_place, i_place = where[row]
        return f"main_{t_place}" if field == "main" else f"{field}_{t_place}_{i_place}"

    appraisal = np.concatenate(rows_of).astype(np.int64) if rows_of else np.zeros(0, np.int64)
    stacked = {name: np.concatenate(parts) if parts else np.zeros(0, np.bool_)
               for name, parts in flags.items()}  # fmt: skip
    labels = [people.ids[row] for row in appraisal.tolist()]
    return Cells(
        appraisal,
        [t for t, _ in where],
        [i for _, i in where],
        stacked["main"],
        numbers,
        {name: stacked[name] for name in FLAGS},
        Recorder(reader, column, labels),
    )


def _wide_scores(reader: Reader, people: People) -> Scores:
    """The given scores of a wide frame: one row per cell that is not NA."""
    rows: list[int] = []
    aspects: list[Hashable] = []
    found: list[Decimal | None] = []
    for aspect in ASPECTS:
        name = f"score_{aspect}"
        if name in reader.frame.columns:
            values = reader.numbers(name, required=False)
            given = [row for row, value in enumerate(values) if value is not None]
            rows += given
            aspects += [aspect] * len(given)
            found += [values[row] for row in given]
    labels = [people.ids[row] for row in rows]
    return Scores(
        np.array(rows, np.int64),
        aspects,
        found,
        Recorder(reader, lambda _field, row: f"score_{aspects[row]}", labels),
    )


@attrs.frozen
class _Layout:
    """Target and indicator places, in order of first appearance within each appraisal."""

    target: Ints
    indicator: Ints
    targets: int
    width: int
    main: dict[tuple[int, int], bool]

    @classmethod
    def of(cls, cells: Cells) -> _Layout:
        """Place every row of *cells*, recording duplicates and disagreeing main flags."""
        target_place = np.zeros(len(cells.target), np.int64)
        indicator_place = np.zeros(len(cells.target), np.int64)
        targets_of: dict[int, dict[Hashable, int]] = {}
        inside_of: dict[tuple[int, int], dict[Hashable, int]] = {}
        main: dict[tuple[int, int], bool] = {}
        twice, mixed = [], []
        keys = zip(cells.appraisal.tolist(), cells.target, cells.indicator, strict=True)
        for row, (code, target, item) in enumerate(keys):
            if code < 0:
                continue
            known = targets_of.setdefault(code, {})
            t_place = known.setdefault(target, len(known))
            inside = inside_of.setdefault((code, t_place), {})
            if item in inside:
                twice.append(row)
                continue
            inside[item] = len(inside)
            target_place[row], indicator_place[row] = t_place, inside[item]
            if main.setdefault((code, t_place), bool(cells.main[row])) != cells.main[row]:
                mixed.append(row)
        cells.record("indicator", twice, "one row per appraisal, target and indicator",
                     DuplicateIdError, cells.indicator)  # fmt: skip
        cells.record("main", mixed, "every row of one work target must agree on main")
        return cls(
            target_place,
            indicator_place,
            max((len(known) for known in targets_of.values()), default=0),
            max((len(inside) for inside in inside_of.values()), default=0),
            main,
        )


def _check_cells(cells: Cells, layout: _Layout, people: People, reader: Reader) -> None:
    """Targets above 0, high at least low, realisations at least 0, a main target each."""
    low, high, real = (cells.numbers[name] for name in NUMBERS)
    cells.record("target_low", [r for r, v in enumerate(low) if v is not None and v <= 0],
                 "must be greater than 0 (achievement divides by it)", values=low)  # fmt: skip
    pairs = enumerate(zip(low, high, strict=True))
    below = [r for r, (a, b) in pairs if a is not None and b is not None and b < a]
    cells.record("target_high", below, "must be at least target_low", values=high)
    cells.record("realisation", [r for r, v in enumerate(real) if v is not None and v < 0],
                 "must be at least 0", values=real)  # fmt: skip
    has_main = np.zeros(len(people.ids), np.bool_)
    for (code, _), is_main in layout.main.items():
        has_main[code] |= is_main
    lacking = np.flatnonzero(~has_main).tolist()
    if lacking and not any(".main" in problem.path for problem in reader.problems):
        column = "main" if reader.prefix != "$." else "main_0"
        reader.cells(column, lacking, "pp30_2019 needs at least one main work target",
                     MissingValueError, labels=list(people.ids))  # fmt: skip


def _check_scores(scores: Scores, people: People) -> tuple[Bools, dict[tuple[int, int], int]]:
    """Which aspects apply to each post, and the row of each given (appraisal, aspect) score."""
    applies = np.zeros((len(people.ids), len(ASPECTS)), np.bool_)
    for code, kind in enumerate(people.kinds):
        if kind is not None:
            for applying in PP30_2019_BEHAVIOUR.aspects_for(kind):
                applies[code, ASPECTS.index(applying.id)] = True
    unknown, off, foreign, again = [], [], [], []
    given: dict[tuple[int, int], int] = {}
    rows = zip(scores.appraisal.tolist(), scores.aspect, scores.score, strict=True)
    for row, (code, aspect, score) in enumerate(rows):
        if aspect not in ASPECTS:
            unknown.append(row)
        elif code >= 0 and score is not None:
            cell = (code, ASPECTS.index(str(aspect)))
            if not 0 <= score <= PP30_2019_CAP:
                off.append(row)
            elif not applies[cell] and people.kinds[code] is not None:
                foreign.append(row)
            elif cell in given:
                again.append(row)
            else:
                given[cell] = row
    _unknown_aspects(scores, unknown)
    scores.record("score", off, "must lie from 0 to 120 under pp30_2019", OffScaleError,
                  scores.score)  # fmt: skip
    scores.record("score", foreign, "this aspect does not apply to the post's position_kind",
                  UnsupportedInputError, scores.score)  # fmt: skip
    scores.record("aspect", again, "one score per appraisal and aspect", DuplicateIdError,
                  scores.aspect)  # fmt: skip
    return applies, given


def _unknown_aspects(scores: Scores, rows: list[int]) -> None:
    """Record each unknown aspect with the closest known id, to catch a misspelling."""
    for row in rows[:SHOWN]:
        close = difflib.get_close_matches(str(scores.aspect[row]), ASPECTS, 1)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        reason = f"must be one of {', '.join(ASPECTS)}{hint}"
        scores.record("aspect", [row], reason, InvalidValueError, scores.aspect)


def _scale(value: Decimal | None, places: int) -> int | None:
    whole = None if value is None else scaled(value, places)
    return None if whole is None or abs(whole) > INT64_LIMIT else whole


def _cell_places(cells: Cells) -> list[int]:
    """Each indicator row's scale: the fewest places that hold its own numbers (at most 6)."""
    rows = zip(*(cells.numbers[name] for name in NUMBERS), strict=True)
    return [
        min(max((fewest_places(v) for v in row if v is not None), default=0), MAX_PLACES)
        for row in rows
    ]


def _assemble(
    people: People, cells: Cells, scores: Scores, problems: list[Problem]
) -> Framed[Pp30Batch]:
    """Check the located rows, then lay them out as scaled columns of a `Pp30Batch`."""
    layout = _Layout.of(cells)
    _check_cells(cells, layout, people, cells.record.reader)
    applies, given = _check_scores(scores, people)
    # Each indicator on its own numbers' scale, each score x 10^6: no row's acceptance
    # depends on another's (the bound is documented in `penilaian.batch.pp30`).
    ints = {}
    places = _cell_places(cells)
    for name in NUMBERS:
        found = cells.numbers[name]
        ints[name] = [_scale(v, p) for v, p in zip(found, places, strict=True)]
        unfit = [r for r, v in enumerate(ints[name]) if v is None and found[r] is not None]
        cells.record(name, unfit, unfit_reason(shared=True), values=found)
    behaviour_ints = {cell: _scale(scores.score[row], MAX_PLACES) for cell, row in given.items()}
    unfit = [given[cell] for cell, whole in behaviour_ints.items() if whole is None]
    scores.record("score", unfit, unfit_reason(shared=False), InvalidValueError, scores.score)
    fail(problems)  # every problem of every row at once
    n = len(people.ids)
    shape = (n, layout.targets, layout.width)
    at = (cells.appraisal, layout.target, layout.indicator)
    columns: dict[str, Ints] = {}
    for name in NUMBERS:
        columns[name] = np.zeros(shape, np.int64)
        columns[name][at] = [0 if v is None else v for v in ints[name]]
    behaviour = np.zeros((n, len(ASPECTS)), np.int64)
    rated = np.zeros((n, len(ASPECTS)), np.bool_)
    for cell, whole in behaviour_ints.items():
        behaviour[cell], rated[cell] = (0, False) if whole is None else (whole, True)
    marks = {name: np.zeros(shape, np.bool_) for name in ("indicator", *FLAGS)}
    marks["indicator"][at] = True
    for name in FLAGS:
        marks[name][at] = cells.flags[name]
    main = np.zeros(shape[:2], np.bool_)
    for cell, is_main in layout.main.items():
        main[cell] = is_main
    batch = Pp30Batch(
        MAX_PLACES, marks["indicator"], columns["target_low"], columns["target_high"],
        columns["realisation"], marks["indicator"].copy(), marks["lower_is_better"],
        marks["at_maximum"], main, behaviour, rated, applies, people.peer_input,
        people.innovation, people.interpolation,
    )  # fmt: skip
    return Framed(people.ids, batch)
