"""The command line's files: what it reads, where it writes, and how it ends on Ctrl-C."""

from __future__ import annotations

import io
import json
import os
import signal
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

import penilaian as p
import penilaian.cli._main as cli
from penilaian.cli._main import EXIT_INTERRUPTED, EXIT_INVALID_INPUT, EXIT_OK, EXIT_USAGE, main
from penilaian.io import files
from penilaian.serialization import _reading, dumps, unstructure

POSIX = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes and modes are POSIX")
TIMEOUT = 30  # seconds any subprocess or thread here may take
APPRAISAL = unstructure(p.load_sample("generic"))
# Runs the console script with Ctrl-C raising KeyboardInterrupt, whatever the parent ignores.
CONSOLE = (
    "import signal, sys; signal.signal(signal.SIGINT, signal.default_int_handler); "
    "signal.signal(signal.SIGTERM, signal.SIG_DFL); sys.argv[0] = 'penilaian'; "
    "from penilaian.cli._main import console; console()"
)


def run(*argv: object, stdout: io.StringIO | None = None) -> tuple[int, str, str]:
    """Run the command line in this process, returning its exit code, stdout and stderr."""
    out, err = stdout or io.StringIO(), io.StringIO()
    code = main([str(arg) for arg in argv], stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def run_bounded(*argv: object) -> tuple[int, str, str]:
    """Run the command line in a thread, failing the test if it waits on a named pipe."""
    found: list[tuple[int, str, str]] = []
    thread = threading.Thread(target=lambda: found.append(run(*argv)), daemon=True)
    thread.start()
    thread.join(5)
    if thread.is_alive():
        for arg in argv:  # a writer ends any wait on a pipe
            if Path(str(arg)).is_fifo():
                with Path(str(arg)).open("wb"):
                    pass
        thread.join(TIMEOUT)
        pytest.fail(f"penilaian {argv[0]} waited on a named pipe")
    return found[0]


@pytest.fixture(name="appraisal")
def _appraisal(tmp_path: Path) -> Path:
    path = tmp_path / "rina.json"
    path.write_text(json.dumps(APPRAISAL), encoding="utf-8")
    return path


@pytest.fixture(name="pipe")
def _pipe(tmp_path: Path) -> Path:
    if not hasattr(os, "mkfifo"):
        pytest.skip("named pipes are POSIX")
    path = tmp_path / "pipe.json"
    os.mkfifo(path)
    return path


class Terminal(io.StringIO):
    """A standard output that says it is a terminal."""

    def isatty(self) -> bool:
        return True


class TestInputs:
    """Every input goes through one check: named, typed, never hanging, never unbounded."""

    @pytest.mark.parametrize("command", ["validate", "score", "curve"])
    def test_dev_null_says_what_it_is(self, command: str) -> None:
        """/dev/null is a character device, not 'no such file'."""
        code, _, err = run(command, "/dev/null", "--lang", "en")
        assert code == EXIT_INVALID_INPUT
        assert "a character device" in err
        assert "(got '/dev/null') @ $" in err
        assert "no such file" not in err

    def test_curve_refuses_dev_zero_unread(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """curve's unit file goes through the check: /dev/zero is refused, not read."""
        monkeypatch.setattr(_reading, "MAX_DOCUMENT_BYTES", 1000)
        code, _, err = run("curve", "/dev/zero", "--lang", "en")
        assert code == EXIT_INVALID_INPUT
        assert "a character device" in err

    def test_curve_reads_a_directory_as_csv_files(self, tmp_path: Path) -> None:
        """A directory given to curve is read as the CSV files score reads, its sheets named."""
        code, _, err = run("curve", tmp_path)
        assert code == EXIT_INVALID_INPUT
        assert err.startswith(f"{tmp_path}: 4 masalah")
        assert "berkas employees tidak ada" in err

    @pytest.mark.parametrize("command", ["validate", "curve"])
    def test_a_named_pipe_is_refused_at_once(self, command: str, pipe: Path) -> None:
        """A named pipe as FILE is refused without waiting for a writer."""
        code, _, err = run_bounded(command, pipe)
        assert code == EXIT_INVALID_INPUT
        assert f"pipa bernama, bukan berkas biasa (isian: '{pipe}')" in err

    def test_a_policy_pipe_is_refused_at_once(self, appraisal: Path, pipe: Path) -> None:
        """A named pipe as --policy is refused under its own name."""
        code, _, err = run_bounded("score", appraisal, "--regime", "generic", "--policy", pipe)
        assert code == EXIT_INVALID_INPUT
        assert err.startswith(f"{pipe}: 1 masalah")
        assert "pipa bernama" in err

    def test_a_policy_directory(self, appraisal: Path, tmp_path: Path) -> None:
        """A directory as --policy says so, naming it."""
        code, _, err = run("score", appraisal, "--regime", "generic", "--policy", tmp_path)
        assert code == EXIT_INVALID_INPUT
        assert err.startswith(f"{tmp_path}: 1 masalah")
        assert "sebuah direktori, bukan berkas" in err

    def test_curve_reads_standard_input(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """curve - reads the unit document from standard input, as FILE does."""
        data = dumps(p.load_sample_unit()).encode()
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
        code, out, _ = run("curve", "-", "--lang", "en")
        assert code == EXIT_OK
        assert "Good at most 70%" in out

    def test_a_missing_workbook(self, tmp_path: Path) -> None:
        """A missing .xlsx file is a typed 'no such file', naming it."""
        path = tmp_path / "unit.xlsx"
        code, _, err = run("validate", path, "--lang", "en")
        assert code == EXIT_INVALID_INPUT
        assert f"no such file (got '{path}') @ $" in err

    def test_a_workbook_pipe(self, tmp_path: Path) -> None:
        """A named pipe called .xlsx is a named pipe."""
        if not hasattr(os, "mkfifo"):
            pytest.skip("named pipes are POSIX")
        path = tmp_path / "unit.xlsx"
        os.mkfifo(path)
        code, _, err = run_bounded("validate", path)
        assert code == EXIT_INVALID_INPUT
        assert "pipa bernama, bukan berkas biasa" in err

    def test_a_workbook_over_the_limit_is_refused_unread(self, tmp_path: Path) -> None:
        """A workbook over the spreadsheet limit is refused from its size, naming the limit."""
        from penilaian.io.spreadsheet import DEFAULT_MAX_BYTES  # noqa: PLC0415 - optional

        path = tmp_path / "big.xlsx"
        with path.open("wb") as stream:
            stream.truncate(DEFAULT_MAX_BYTES + 1)  # sparse: nothing is written
        code, _, err = run("validate", path, "--lang", "en")
        assert code == EXIT_INVALID_INPUT
        assert f"the file {path} is larger than the limit of {DEFAULT_MAX_BYTES} bytes" in err
        assert "penilaian.io.spreadsheet.DEFAULT_MAX_BYTES" in err


class TestDuplicateIds:
    """Two appraisals under one id in a JSON array are refused, each repeat at its id."""

    def test_each_repeat_names_the_first(self, tmp_path: Path) -> None:
        """Every repeated $[i].id is a problem naming the first position of that id."""
        other = {**APPRAISAL, "id": "skp-other"}
        path = tmp_path / "many.json"
        path.write_text(json.dumps([APPRAISAL, other, APPRAISAL, APPRAISAL]), encoding="utf-8")
        code, _, err = run("validate", path, "--lang", "en")
        assert code == EXIT_INVALID_INPUT
        first = APPRAISAL["id"]
        assert err.startswith(f"{path}: 2 problem(s)")
        assert f"repeats appraisal {first} of $[0] (got '{first}') @ $[2].id" in err
        assert f"repeats appraisal {first} of $[0] (got '{first}') @ $[3].id" in err

    def test_listed_with_the_other_problems(self, tmp_path: Path) -> None:
        """A repeat is listed beside the problems of the appraisals themselves."""
        broken = {**APPRAISAL, "employee": {**APPRAISAL["employee"], "nip": "x"}}
        path = tmp_path / "many.json"
        path.write_text(json.dumps([APPRAISAL, broken]), encoding="utf-8")
        code, _, err = run("score", path)
        assert code == EXIT_INVALID_INPUT
        assert "@ $[1].employee.nip" in err
        assert "@ $[1].id" in err

    def test_distinct_ids_pass(self, tmp_path: Path) -> None:
        """Different ids are valid."""
        path = tmp_path / "many.json"
        path.write_text(json.dumps([APPRAISAL, {**APPRAISAL, "id": "b"}]), encoding="utf-8")
        assert run("validate", path)[0] == EXIT_OK


class TestOutputs:
    """Outputs: streams written through, files whole with their mode, errors naming them."""

    def test_dev_stdout_is_standard_output(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """-o /dev/stdout writes to the command's standard output, as -o - does."""

        def refuse(*_args: object) -> None:
            pytest.fail("standard output was opened as a file")

        monkeypatch.setattr(files, "staged", refuse)
        for output in ("/dev/stdout", "-"):
            code, out, _ = run("schema", "-o", output)
            assert code == EXIT_OK
            assert json.loads(out)["$schema"].startswith("https://json-schema.org/")

    @POSIX
    def test_a_private_output_stays_private(self, tmp_path: Path) -> None:
        """Overwriting a 0600 output keeps it 0600."""
        path = tmp_path / "schema.json"
        path.write_text("old", encoding="utf-8")
        path.chmod(0o600)
        assert run("schema", "-o", path)[0] == EXIT_OK
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert json.loads(path.read_text(encoding="utf-8"))

    @POSIX
    def test_a_link_output_stays_a_link(self, tmp_path: Path) -> None:
        """-o LINK writes the file the link points to; the link stays."""
        real = tmp_path / "real.json"
        link = tmp_path / "link.json"
        link.symlink_to(real)
        assert run("schema", "-o", link)[0] == EXIT_OK
        assert link.is_symlink()
        assert json.loads(real.read_text(encoding="utf-8"))

    def test_a_pipe_output_is_written_through(self, pipe: Path) -> None:
        """-o PIPE writes into the named pipe, which stays one."""
        received: list[bytes] = []
        reader = threading.Thread(target=lambda: received.append(pipe.read_bytes()), daemon=True)
        reader.start()
        code, _, _ = run("schema", "-o", pipe)
        reader.join(TIMEOUT)
        assert code == EXIT_OK
        assert json.loads(received[0])
        assert pipe.is_fifo()

    def test_an_unwritable_output_names_the_output(self, appraisal: Path, tmp_path: Path) -> None:
        """A missing folder is reported under the output's name, not the input's or a temporary."""
        output = tmp_path / "missing" / "out.txt"
        code, out, err = run("score", appraisal, "-o", output)
        assert (code, out) == (EXIT_INVALID_INPUT, "")
        assert err == f"{output}: No such file or directory\n"

    def test_a_directory_output(self, tmp_path: Path) -> None:
        """A directory as output is named as one."""
        code, _, err = run("schema", "-o", tmp_path)
        assert code == EXIT_INVALID_INPUT
        assert err == f"{tmp_path}: Is a directory\n"

    @pytest.mark.parametrize("output", ["-", "/dev/stdout"])
    def test_a_workbook_to_standard_output(
        self, appraisal: Path, output: str, capsysbinary: pytest.CaptureFixture[bytes]
    ) -> None:
        """--format xlsx -o - writes the workbook's bytes to standard output."""
        code = main(["score", str(appraisal), "--format", "xlsx", "-o", output])
        assert code == EXIT_OK
        assert capsysbinary.readouterr().out.startswith(b"PK\x03\x04")

    def test_a_workbook_never_goes_to_a_terminal(self, appraisal: Path) -> None:
        """A binary workbook on a terminal is wrong usage."""
        code, _, err = run("score", appraisal, "--format", "xlsx", "-o", "-", stdout=Terminal())
        assert code == EXIT_USAGE
        assert "a workbook is binary" in err


class TestInterrupt:
    """Ctrl-C ends the command with one line and exit code 130; no traceback, no temp file."""

    def test_one_line_and_130(self, appraisal: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """A KeyboardInterrupt anywhere in a command becomes one line on standard error."""

        def interrupted(*_args: object) -> None:
            raise KeyboardInterrupt

        monkeypatch.setattr(cli, "load_sourced", interrupted)
        try:
            result = run("validate", appraisal)
        except KeyboardInterrupt:
            pytest.fail("the command let KeyboardInterrupt out")
        assert result == (EXIT_INTERRUPTED, "", "penilaian: dihentikan\n")
        result = run("validate", appraisal, "--lang", "en")
        assert result == (EXIT_INTERRUPTED, "", "penilaian: interrupted\n")

    @POSIX
    @pytest.mark.parametrize(
        ("number", "code", "message"),
        [
            (signal.SIGINT, EXIT_INTERRUPTED, b"penilaian: dihentikan\n"),
            (signal.SIGTERM, 128 + signal.SIGTERM, b""),
        ],
    )
    def test_a_signal_while_writing(
        self, appraisal: Path, pipe: Path, number: int, code: int, message: bytes
    ) -> None:
        """Interrupted while waiting to write its output, the command removes its temporary file."""
        folder = pipe.parent / "tmp"
        folder.mkdir()
        environment = {**os.environ, "TMPDIR": str(folder)}
        with subprocess.Popen(
            [sys.executable, "-c", CONSOLE, "score", str(appraisal), "-o", str(pipe)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=environment,
        ) as child:
            try:
                deadline = time.monotonic() + TIMEOUT
                # Until the output is ready and waits for the pipe: the staged file, not the
                # probe tempfile.gettempdir() writes and removes in the same folder.
                while not list(folder.glob(".penilaian-*.tmp")) and time.monotonic() < deadline:
                    time.sleep(0.02)
                assert len(list(folder.iterdir())) == 1
                child.send_signal(number)
                _, err = child.communicate(timeout=TIMEOUT)
            finally:
                child.kill()
        assert (child.returncode, err) == (code, message)
        assert list(folder.iterdir()) == []
        assert pipe.is_fifo()
