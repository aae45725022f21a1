"""
Problems gathered from several checks, keeping the count that nested errors left unlisted.

An `InvalidInputError` lists its first hundred problems and counts the rest.  Code that
gathers the problems of many parts (the rows of a batch, the sheets of a workbook, the
aspects of an appraisal) re-raises them in one error; `ProblemList.within` carries each
part's unlisted count with its problems, so the final error's count is every problem found.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from penilaian.exceptions import InvalidInputError, Problem

if TYPE_CHECKING:
    from penilaian.exceptions import InvalidValueError

__all__ = ["ProblemList"]


class ProblemList(list[Problem]):
    """
    The problems found so far, and how many more nested errors found without listing them.

    >>> found = ProblemList()
    >>> found.within(InvalidInputError([Problem("$.a", "wrong")], omitted=150), "$[3]")
    >>> found
    [Problem(path='$[3].a', message='wrong')]
    >>> found.raise_if_any()
    Traceback (most recent call last):
    penilaian.exceptions.InvalidInputError: 151 problems:
      wrong @ $[3].a
      … and 150 more problems
    """

    def __init__(self) -> None:
        super().__init__()
        self.omitted = 0

    def add(self, path: str, error: InvalidValueError) -> None:
        """Add the problem a failed check raised, at *path* (see `Problem.from_error`)."""
        self.append(Problem.from_error(path, error))

    def within(self, error: InvalidInputError, path: str = "$") -> None:
        """Add the problems of *error*, a part's, placed under *path*, and its unlisted count."""
        if path == "$":
            self.extend(error.problems)
        else:
            self.extend(attrs.evolve(found, path=path + found.path[1:]) for found in error.problems)
        self.omitted += error.omitted

    def raise_if_any(self, kind: type[InvalidInputError] = InvalidInputError) -> None:
        """Raise a *kind* listing these problems and counting the unlisted, if any was found."""
        if self or self.omitted:
            raise kind(self, omitted=self.omitted)
