"""
Progress hooks for long simulations: a plain ``progress(done, total)`` callable.

`penilaian.simulation.compare.run` and `sweep` call their hook after each appraisal
scored.  The default, `AutoProgress`, shows a bar where someone is watching and
nothing elsewhere: in a Jupyter notebook it is `NotebookProgress` (one HTML bar,
updated in place), on a terminal `TerminalProgress` (one line on standard error,
through `Progress`, which the command line uses too), and when standard
error is piped or captured it writes nothing.  IPython is never imported here: a
notebook is recognised only when IPython is already loaded and runs a kernel.
"""

from __future__ import annotations

import html
import importlib
import sys
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:
    from penilaian.typing import ProgressHook

__all__ = [
    "AutoProgress",
    "NotebookProgress",
    "Progress",
    "TerminalProgress",
    "in_notebook",
    "silent",
]


class Progress:
    """A one-line count on a terminal's standard error; silent when it is not a terminal."""

    def __init__(self, total: int, label: str, stream: IO[str] | None = None) -> None:
        self.total, self.label = total, label
        self.stream = stream if stream is not None else sys.stderr
        self.shown = self.stream.isatty() and total > 1
        self.step = max(1, total // 100)

    def update(self, done: int) -> None:
        """Show *done* of the total, at most every percent."""
        if self.shown and (done % self.step == 0 or done == self.total):
            self.stream.write(f"\r{self.label} {done}/{self.total}")
            self.stream.flush()

    def close(self) -> None:
        """End the progress line."""
        if self.shown:
            self.stream.write("\n")
            self.stream.flush()


def silent(done: int, total: int) -> None:
    """A progress hook that shows nothing."""
    del done, total


def in_notebook() -> bool:
    """
    Say whether this code runs in a Jupyter kernel (a notebook, JupyterLab, VS Code).

    IPython is consulted only when it is already imported: a terminal IPython shell
    has no kernel and counts as a terminal, plain Python as no notebook.
    """
    ipython = sys.modules.get("IPython")
    get_ipython = getattr(ipython, "get_ipython", None)
    if get_ipython is None:
        return False
    shell = get_ipython()
    return getattr(shell, "kernel", None) is not None


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


class _Bar:
    """What a notebook shows: an HTML progress bar, or one line of text."""

    def __init__(self, label: str, done: int, total: int) -> None:
        self.label, self.done, self.total = label, done, total

    def __repr__(self) -> str:
        return f"{self.label} {self.done}/{self.total}"

    def _repr_html_(self) -> str:
        return (
            f'<progress value="{self.done}" max="{self.total}" style="width: 20em"></progress>'
            f" <code>{html.escape(repr(self))}</code>"
        )


class NotebookProgress:
    """
    A progress hook showing one bar in a Jupyter notebook, updated in place.

    The bar is shown at the first call of each run and then updated at most once
    per hundredth of *total* (and at the end), so that a run of 100,000 appraisals
    sends about a hundred updates, not 100,000.  A run ends when *done* reaches
    *total*; the next call with another total starts a new bar.  It needs IPython,
    which every notebook kernel has loaded.

    Args:
        label: The words before the count.
    """

    def __init__(self, label: str = "scoring") -> None:
        self.label = label
        self._handle: Any = None
        self._total = 0
        self._step = 1

    def __call__(self, done: int, total: int) -> None:
        """Show *done* of *total*."""
        bar = _Bar(self.label, done, total)
        if self._handle is None or self._total != total:
            display = importlib.import_module("IPython.display").display
            self._handle = display(bar, display_id=True)
            self._total, self._step = total, max(1, total // 100)
        elif done % self._step == 0 or done == total:
            self._handle.update(bar)
        if done == total:
            self._handle = None


class AutoProgress:
    """
    The default progress hook: a bar in a notebook, a line on a terminal, else nothing.

    Where it is chosen at the first call (see `in_notebook`): in a Jupyter kernel a
    `NotebookProgress`, otherwise a `TerminalProgress`, which stays silent unless
    *stream* is a terminal.

    Args:
        label: The words before the count.
        stream: Where a terminal line goes (default: standard error at the first call).
    """

    def __init__(self, label: str = "scoring", stream: IO[str] | None = None) -> None:
        self.label = label
        self.stream = stream
        self._hook: ProgressHook | None = None

    def __call__(self, done: int, total: int) -> None:
        """Show *done* of *total* where someone can see it."""
        if self._hook is None:
            if in_notebook():
                self._hook = NotebookProgress(self.label)
            else:
                self._hook = TerminalProgress(self.label, self.stream)
        self._hook(done, total)
