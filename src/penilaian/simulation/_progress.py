"""
Progress hooks for long simulations: a plain ``progress(done, total)`` callable.

`penilaian.simulation.compare.run` and `sweep` call their hook after each appraisal
scored.  The default, `TerminalProgress`, shows a one-line count on a terminal's
standard error through the command line's own `penilaian._cli_files.Progress`, and
stays silent when standard error is not a terminal (piped, captured, a notebook).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import IO, TypeAlias

from penilaian._cli_files import Progress

__all__ = ["ProgressHook", "TerminalProgress", "silent"]

ProgressHook: TypeAlias = Callable[[int, int], None]
"""Called as ``progress(done, total)``: *done* of *total* steps are finished."""


def silent(done: int, total: int) -> None:
    """A progress hook that shows nothing."""
    del done, total


class TerminalProgress:
    """
    A progress hook showing ``label done/total`` on one line of a terminal.

    The line is ended when *done* reaches *total*; nothing is written when the
    stream is not a terminal.

    Args:
        label: The words before the count.
        stream: Where to write (default: standard error at the first call).
    """

    def __init__(self, label: str = "scoring", stream: IO[str] | None = None) -> None:
        self.label = label
        self.stream = stream
        self._line: Progress | None = None

    def __call__(self, done: int, total: int) -> None:
        """Show *done* of *total*."""
        if self._line is None or self._line.total != total:
            self._line = Progress(total, self.label, self.stream)
        self._line.update(done)
        if done == total:
            self._line.close()
            self._line = None
