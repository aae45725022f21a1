"""
Scoring many appraisals where one bad appraisal is set aside, never the whole file.

`score_each` scores every appraisal of a `penilaian.cli._files.Loaded` file.  An
appraisal whose scoring raises a `penilaian.exceptions.PenilaianError` (a missing
realisation under the generic regime, a rating its regime cannot read) is set aside:
it is named by its person, its appraisal id and its row (``lembar employees, baris
3``), each of its problems is placed at the cell it concerns, and the others are
scored.  The commands then exit 1 and say how many were set aside of how many
(`summary`); JSON output keeps each set-aside appraisal as an explicit entry with its
problems (`set_aside_entry`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from penilaian.cli._files import each_with_progress
from penilaian.cli._text import person, problem_text
from penilaian.cli._words import CLI_WORDS
from penilaian.exceptions import InvalidInputError, PenilaianError, Problem
from penilaian.model.appraisal import Appraisal
from penilaian.scoring.result import Result

if TYPE_CHECKING:
    from collections.abc import Callable

    from penilaian._base.labels import Language
    from penilaian.cli._files import Loaded
    from penilaian.typing import ScoringStrategy

__all__ = [
    "Scored",
    "SetAside",
    "report_set_aside",
    "score_each",
    "set_aside_entry",
    "set_aside_lines",
    "summary",
]


@attrs.frozen
class SetAside:
    """
    An appraisal that could not be scored, and why.

    Attributes:
        appraisal: The appraisal.
        row: Its row or item, in words (``lembar employees, baris 3``).
        problems: Each problem with where it was read (``realisations!C9`` or ``$[2]...``).
    """

    appraisal: Appraisal
    row: str
    problems: tuple[tuple[Problem, str], ...]


@attrs.frozen
class Scored:
    """
    What scoring a file gave: the results, and the appraisals set aside.

    Attributes:
        pairs: Each appraisal scored with its result, in the file's order.
        set_aside: Each appraisal set aside, in the file's order.
        order: Every appraisal's outcome in the file's order: a pair or a `SetAside`.
    """

    pairs: tuple[tuple[Appraisal, Result], ...]
    set_aside: tuple[SetAside, ...]
    order: tuple[tuple[Appraisal, Result] | SetAside, ...]

    @property
    def total(self) -> int:
        """How many appraisals the file holds."""
        return len(self.order)


def _problems(error: PenilaianError) -> list[Problem]:
    if isinstance(error, InvalidInputError):
        return list(error.problems)
    return [Problem("$", str(error), error)]


def score_each(
    loaded: Loaded,
    strategy: Callable[[Appraisal], ScoringStrategy],
    lang: Language = "id",
    *,
    trace: bool = True,
    only: str | None = None,
) -> Scored:
    """
    Score every appraisal of *loaded* (or the one with id *only*).

    Each one whose scoring fails is set aside and named, with its problems placed.
    """
    order: list[tuple[Appraisal, Result] | SetAside] = []
    chosen = [
        (index, appraisal)
        for index, appraisal in enumerate(loaded.appraisals)
        if only in (None, appraisal.id)
    ]
    shown = each_with_progress([appraisal for _, appraisal in chosen], "scored")
    for (index, _), appraisal in zip(chosen, shown, strict=True):
        order.append(_one(loaded, index, appraisal, strategy, lang, trace=trace))
    pairs = tuple(item for item in order if not isinstance(item, SetAside))
    aside = tuple(item for item in order if isinstance(item, SetAside))
    return Scored(pairs, aside, tuple(order))


def _one(
    loaded: Loaded,
    index: int,
    appraisal: Appraisal,
    strategy: Callable[[Appraisal], ScoringStrategy],
    lang: Language,
    *,
    trace: bool,
) -> tuple[Appraisal, Result] | SetAside:
    try:
        return appraisal, strategy(appraisal).score(appraisal, trace=trace)
    except PenilaianError as error:
        problems = tuple(
            (problem, loaded.place(index, problem.path)) for problem in _problems(error)
        )
        return SetAside(appraisal, loaded.row(index, lang), problems)


def set_aside_lines(item: SetAside, lang: Language = "id") -> list[str]:
    """Return the lines naming a set-aside appraisal, then each problem at its place."""
    words = CLI_WORDS.in_language(lang)
    row = f", {item.row}" if item.row else ""
    lines = [f"{person(item.appraisal, lang)}{row}: {words['set_aside']}"]
    lines += [f"  {problem_text(problem, lang)} [{place}]" for problem, place in item.problems]
    return lines


def summary(scored: Scored, lang: Language = "id") -> str:
    """Say how many appraisals were set aside of how many, or that none was."""
    words = CLI_WORDS.in_language(lang)
    if not scored.set_aside:
        return words["set_aside.none"].format(total=scored.total)
    return words["set_aside.summary"].format(
        set_aside=len(scored.set_aside), total=scored.total, scored=len(scored.pairs)
    )


def report_set_aside(scored: Scored, lang: Language, err: Callable[[str], object]) -> bool:
    """Write each set-aside appraisal and, if any, the summary; tell whether any was."""
    for item in scored.set_aside:
        for line in set_aside_lines(item, lang):
            err(line)
    if scored.set_aside:
        err(summary(scored, lang))
    return bool(scored.set_aside)


def set_aside_entry(item: SetAside, lang: Language = "id") -> dict[str, object]:
    """Return a set-aside appraisal as an explicit JSON entry, with its problems."""
    employee = item.appraisal.employee
    return {
        "appraisal_id": item.appraisal.id,
        "employee_id": employee.id,
        "name": employee.name,
        "nip": employee.nip.digits if employee.nip else None,
        "set_aside": True,
        "row": item.row,
        "problems": [
            {"path": problem.path, "place": place, "message": problem_text(problem, lang)}
            for problem, place in item.problems
        ],
    }
