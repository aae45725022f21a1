"""Tests for the progress hooks of penilaian.simulation: notebook, terminal, silence."""

from __future__ import annotations

import io
import subprocess
import sys
import types

import pytest

from penilaian.simulation import WorkforceSpec, generate
from penilaian.simulation.compare import Scenario, run, sweep
from penilaian.simulation.progress import (
    AutoProgress,
    NotebookProgress,
    TerminalProgress,
    in_notebook,
    silent,
)


class _Terminal(io.StringIO):
    def isatty(self):
        return True


class _Handle:
    """A fake IPython DisplayHandle recording what it was updated with."""

    def __init__(self, shown):
        self.shown = shown

    def update(self, obj):
        self.shown.append(("update", repr(obj), obj._repr_html_()))


class _Kernel:
    kernel = object()


class _TerminalShell:
    """A terminal IPython shell: no kernel."""


def _fake_ipython(monkeypatch, shell):
    """Install a fake IPython whose get_ipython returns *shell*; return what it shows."""
    shown = []

    def display(obj, *, display_id):
        assert display_id is True
        shown.append(("display", repr(obj), obj._repr_html_()))
        return _Handle(shown)

    ipython = types.ModuleType("IPython")
    ipython.get_ipython = lambda: shell
    display_module = types.ModuleType("IPython.display")
    display_module.display = display
    monkeypatch.setitem(sys.modules, "IPython", ipython)
    monkeypatch.setitem(sys.modules, "IPython.display", display_module)
    return shown


@pytest.fixture(name="workforce", scope="module")
def _workforce():
    return generate(WorkforceSpec(employees=30), 3)


@pytest.fixture(name="scenario", scope="module")
def _scenario():
    from penilaian import Permen6Regime  # noqa: PLC0415

    return Scenario("6/2022", Permen6Regime())


class TestInNotebook:
    def test_no_ipython_is_no_notebook(self, monkeypatch):
        """Without IPython imported there is no notebook, and IPython is not imported."""
        monkeypatch.delitem(sys.modules, "IPython", raising=False)
        assert in_notebook() is False
        assert "IPython" not in sys.modules

    def test_ipython_without_get_ipython(self, monkeypatch):
        """A module named IPython without get_ipython is no notebook."""
        monkeypatch.setitem(sys.modules, "IPython", types.ModuleType("IPython"))
        assert in_notebook() is False

    def test_imported_but_not_running(self, monkeypatch):
        """IPython imported by a plain script (get_ipython() is None) is no notebook."""
        _fake_ipython(monkeypatch, None)
        assert in_notebook() is False

    def test_terminal_shell_is_no_notebook(self, monkeypatch):
        """A terminal IPython shell has no kernel."""
        _fake_ipython(monkeypatch, _TerminalShell())
        assert in_notebook() is False

    def test_kernel_is_a_notebook(self, monkeypatch):
        """A shell with a kernel is a notebook."""
        _fake_ipython(monkeypatch, _Kernel())
        assert in_notebook() is True

    def test_plain_python_does_not_import_ipython(self):
        """Running the default hook in a fresh interpreter leaves IPython unimported."""
        code = (
            "import sys\n"
            "from penilaian.simulation.progress import AutoProgress\n"
            "hook = AutoProgress()\n"
            "[hook(d, 3) for d in (1, 2, 3)]\n"
            "print('IPython' in sys.modules)\n"
        )
        result = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )
        assert (result.stdout, result.stderr) == ("False\n", "")


class TestNotebookProgress:
    def test_one_bar_updated_in_place(self, monkeypatch):
        """One display, then updates; the last shows the total, as text and HTML."""
        shown = _fake_ipython(monkeypatch, _Kernel())
        hook = NotebookProgress("menilai <unit>")
        for done in range(1, 11):
            hook(done, 10)
        assert [kind for kind, _, _ in shown] == ["display"] + ["update"] * 9
        assert shown[0][1] == "menilai <unit> 1/10"
        assert shown[-1][1] == "menilai <unit> 10/10"
        assert '<progress value="10" max="10"' in shown[-1][2]
        assert "menilai &lt;unit&gt; 10/10" in shown[-1][2]

    def test_throttled(self, monkeypatch):
        """100,000 steps send one display and at most a hundred updates, the last at the end."""
        shown = _fake_ipython(monkeypatch, _Kernel())
        hook = NotebookProgress()
        for done in range(1, 100_001):
            hook(done, 100_000)
        assert shown[0][0] == "display"
        assert len(shown) == 101
        assert shown[-1][1] == "scoring 100000/100000"

    def test_end_on_an_uneven_step(self, monkeypatch):
        """The final count is shown even when it is not a multiple of the step."""
        shown = _fake_ipython(monkeypatch, _Kernel())
        hook = NotebookProgress()
        for done in range(1, 251):
            hook(done, 250)
        assert len(shown) == 1 + 125 + 0  # step 2: displays 1, updates 2, 4, ..., 250
        assert shown[-1][1] == "scoring 250/250"

    def test_each_run_gets_its_own_bar(self, monkeypatch):
        """After a run ends, or when the total changes, the next call shows a new bar."""
        shown = _fake_ipython(monkeypatch, _Kernel())
        hook = NotebookProgress()
        hook(1, 1)
        hook(1, 2)
        hook(1, 3)
        assert [(kind, text) for kind, text, _ in shown] == [
            ("display", "scoring 1/1"),
            ("display", "scoring 1/2"),
            ("display", "scoring 1/3"),
        ]


class TestAutoProgress:
    def test_notebook_bar_from_run(self, monkeypatch, capsys, workforce, scenario):
        """The default hook of run shows a bar in a notebook, counting to the total."""
        shown = _fake_ipython(monkeypatch, _Kernel())
        run(workforce, [scenario])
        assert shown[0][0] == "display"
        assert shown[-1][1] == "scoring 30/30"
        assert len(shown) == 30
        assert capsys.readouterr() == ("", "")

    def test_notebook_bar_from_sweep(self, monkeypatch, workforce, scenario):
        """sweep's default hook counts every scenario's appraisals on one bar."""
        shown = _fake_ipython(monkeypatch, _Kernel())
        sweep(workforce, lambda n: Scenario(f"s{n}", scenario.strategy), [1, 2])
        assert [kind for kind, _, _ in shown].count("display") == 1
        assert shown[-1][1] == "scoring 60/60"

    def test_terminal_line(self, monkeypatch):
        """Outside a notebook, on a terminal, the count is one rewritten line."""
        monkeypatch.delitem(sys.modules, "IPython", raising=False)
        stream = _Terminal()
        hook = AutoProgress("simulating", stream)
        for done in range(1, 11):
            hook(done, 10)
        text = stream.getvalue()
        assert text.startswith("\rsimulating 1/10")
        assert text.endswith("\rsimulating 10/10\n")
        assert text.count("\n") == 1

    def test_terminal_ipython_uses_the_terminal(self, monkeypatch):
        """In a terminal IPython shell the line goes to the terminal, not to display."""
        shown = _fake_ipython(monkeypatch, _TerminalShell())
        stream = _Terminal()
        hook = AutoProgress("simulating", stream)
        hook(1, 2)
        hook(2, 2)
        assert shown == []
        assert stream.getvalue().endswith("simulating 2/2\n")

    def test_silent_when_piped(self, monkeypatch):
        """Into a stream that is not a terminal, outside a notebook, nothing is written."""
        monkeypatch.delitem(sys.modules, "IPython", raising=False)
        stream = io.StringIO()
        hook = AutoProgress("simulating", stream)
        for done in range(1, 11):
            hook(done, 10)
        assert stream.getvalue() == ""

    def test_silent_when_captured(self, monkeypatch, capsys, workforce, scenario):
        """run's default writes nothing to a captured standard error or output."""
        monkeypatch.delitem(sys.modules, "IPython", raising=False)
        run(workforce, [scenario])
        assert capsys.readouterr() == ("", "")


class TestSilent:
    def test_shows_nothing(self, capsys):
        """silent accepts any counts and writes nothing."""
        assert silent(1, 2) is None
        assert capsys.readouterr() == ("", "")

    def test_terminal_progress_kept(self):
        """TerminalProgress stays public and behaves as before."""
        stream = _Terminal()
        hook = TerminalProgress("x", stream)
        hook(1, 2)
        hook(2, 2)
        assert stream.getvalue() == "\rx 1/2\rx 2/2\n"
