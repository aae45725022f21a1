"""Files in and out: staged writes (modes, links, streams, signals) and the one input check."""

from __future__ import annotations

import io
import os
import signal
import stat
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest

from penilaian.exceptions import InvalidInputError, InvalidValueError, UnsupportedInputError
from penilaian.io._places import Finding
from penilaian.io._source import read_checked
from penilaian.io.files import STANDARD_OUTPUT, staged
from penilaian.serialization import _reading, check_file, read_document, read_file
from penilaian.serialization.policy import load_policy

POSIX = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes and modes are POSIX")
TIMEOUT = 30  # seconds any subprocess or thread here may take


def write(target: object, data: bytes = b"new\n") -> None:
    """Write *data* to *target* through staged."""
    with staged([target]) as (temporary,):  # type: ignore[list-item]
        temporary.write_bytes(data)


def leftovers(folder: Path) -> list[str]:
    """Return the temporary files left in *folder*."""
    return sorted(path.name for path in folder.iterdir() if path.name.endswith(".tmp"))


def node(path: Path, kind: int, device: tuple[int, int]) -> Path:
    """Make a device node at *path*, or skip the test where that is not allowed."""
    try:
        os.mknod(path, kind | 0o600, os.makedev(*device))
    except (AttributeError, PermissionError, OSError) as error:
        pytest.skip(f"cannot make a device node here: {error}")
    return path


def bounded(reader: object, pipe: Path) -> BaseException | None:
    """Return what ``reader(pipe)`` raises, failing the test if it waits on the pipe."""
    raised: list[BaseException] = []

    def run() -> None:
        try:
            reader(pipe)  # type: ignore[operator]
        except BaseException as error:  # noqa: BLE001 - returned to the test
            raised.append(error)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(5)
    if thread.is_alive():
        if pipe.is_fifo():
            with pipe.open("wb"):  # a writer ends the wait
                pass
        thread.join(TIMEOUT)
        pytest.fail(f"{reader!r} waited on a named pipe")
    return raised[0] if raised else None


class ReadInThread:
    """Read a named pipe in a thread, so that a test never waits on it for long."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.data = b""
        self.thread = threading.Thread(target=self._read, daemon=True)
        self.thread.start()

    def _read(self) -> None:
        with self.path.open("rb") as stream:
            self.data = stream.read()

    def result(self) -> bytes:
        self.thread.join(TIMEOUT)
        assert not self.thread.is_alive()
        return self.data


@POSIX
class TestModes:
    """A replaced file keeps its mode; a new file gets the usual one."""

    def test_a_private_file_stays_private(self, tmp_path: Path) -> None:
        """Overwriting a 0600 file leaves it 0600, with the new content."""
        path = tmp_path / "secret.json"
        path.write_bytes(b"old")
        path.chmod(0o600)
        write(path)
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert path.read_bytes() == b"new\n"

    def test_an_unusual_mode_is_kept(self, tmp_path: Path) -> None:
        """A mode wider than the umask allows (0664) is kept exactly."""
        path = tmp_path / "shared.csv"
        path.write_bytes(b"old")
        path.chmod(0o664)
        write(path)
        assert stat.S_IMODE(path.stat().st_mode) == 0o664

    def test_a_new_file_gets_the_umask_mode(self, tmp_path: Path) -> None:
        """A new file is 0666 less the umask, like any new file."""
        umask = os.umask(0o027)
        try:
            write(tmp_path / "new.json")
        finally:
            os.umask(umask)
        assert stat.S_IMODE((tmp_path / "new.json").stat().st_mode) == 0o640


@POSIX
class TestLinksAndStreams:
    """Links are followed, streams written straight through; neither is replaced."""

    def test_a_link_stays_and_its_file_is_written(self, tmp_path: Path) -> None:
        """The file a link points to gets the output; the link remains a link."""
        (tmp_path / "real").mkdir()
        real = tmp_path / "real" / "out.json"
        real.write_bytes(b"old")
        real.chmod(0o600)
        link = tmp_path / "out.json"
        link.symlink_to(real)
        write(link)
        assert link.is_symlink()
        assert real.read_bytes() == b"new\n"
        assert stat.S_IMODE(real.stat().st_mode) == 0o600
        assert leftovers(tmp_path) == leftovers(tmp_path / "real") == []

    def test_a_dangling_link_gets_its_file(self, tmp_path: Path) -> None:
        """A link to a missing file: the file is created where it points."""
        link = tmp_path / "out.json"
        link.symlink_to(tmp_path / "target.json")
        write(link)
        assert link.is_symlink()
        assert (tmp_path / "target.json").read_bytes() == b"new\n"

    def test_a_named_pipe_is_written_through(self, tmp_path: Path) -> None:
        """A named pipe receives the bytes and stays a named pipe."""
        pipe = tmp_path / "pipe"
        os.mkfifo(pipe)
        reader = ReadInThread(pipe)
        write(pipe, b"through the pipe\n")
        assert reader.result() == b"through the pipe\n"
        assert stat.S_ISFIFO(pipe.stat().st_mode)
        assert leftovers(tmp_path) == []

    def test_a_character_device_is_written_through(self, tmp_path: Path) -> None:
        """A character device (a copy of /dev/null's node) is written, never replaced."""
        device = node(tmp_path / "null", stat.S_IFCHR, (1, 3))
        write(device)
        assert stat.S_ISCHR(device.stat().st_mode)
        assert leftovers(tmp_path) == []

    def test_a_block_device_is_refused(self, tmp_path: Path) -> None:
        """A block device is neither written nor replaced."""
        device = node(tmp_path / "disk", stat.S_IFBLK, (7, 0))
        with pytest.raises(InvalidValueError) as caught:
            write(device)
        assert caught.value.value == str(device)
        assert "a block device" in caught.value.reason
        assert stat.S_ISBLK(device.stat().st_mode)

    @pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc")
    def test_a_link_to_an_open_descriptor_is_written_through_it(self, tmp_path: Path) -> None:
        """A link such as /dev/stdout, to this process's descriptor, writes to that descriptor."""
        read_end, write_end = os.pipe()
        try:
            link = tmp_path / "stdout"
            link.symlink_to(f"/proc/self/fd/{write_end}")
            write(link, b"to the descriptor\n")
            os.close(write_end)
            write_end = -1
            with os.fdopen(read_end, "rb") as stream:
                read_end = -1
                assert stream.read() == b"to the descriptor\n"
        finally:
            for end in (read_end, write_end):
                if end >= 0:
                    os.close(end)
        assert link.is_symlink()

    @pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc")
    def test_a_descriptor_to_a_file_is_appended_to_not_replaced(self, tmp_path: Path) -> None:
        """Through a descriptor of a regular file, the output follows what is there."""
        log = tmp_path / "log.txt"
        with log.open("ab") as stream:
            stream.write(b"before\n")
            stream.flush()
            link = tmp_path / "out"
            link.symlink_to(f"/proc/self/fd/{stream.fileno()}")
            write(link, b"after\n")
        assert log.read_bytes() == b"before\nafter\n"

    def test_standard_output(self, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
        """``-`` writes the finished bytes to standard output."""
        sys.stdout.write("first\n")
        sys.stdout.flush()
        write(STANDARD_OUTPUT, b"\x00binary\xff")
        assert capsysbinary.readouterr().out == b"first\n\x00binary\xff"


@POSIX
class TestErrors:
    """A failure touches nothing, leaves nothing, and names the target as given."""

    def test_a_directory_is_refused(self, tmp_path: Path) -> None:
        """A directory target raises IsADirectoryError naming it."""
        with pytest.raises(IsADirectoryError) as caught:
            write(tmp_path)
        assert caught.value.filename == str(tmp_path)
        assert leftovers(tmp_path) == []

    def test_a_missing_folder_names_the_target(self, tmp_path: Path) -> None:
        """The error names the target, never the temporary file beside it."""
        target = str(tmp_path / "missing" / "out.json")
        with pytest.raises(FileNotFoundError) as caught:
            write(target)
        assert caught.value.filename == target
        assert ".tmp" not in str(caught.value)

    def test_a_write_error_in_the_block_names_the_target(self, tmp_path: Path) -> None:
        """An OSError about the temporary file, raised by the writer, names the target."""
        target = tmp_path / "out.json"
        with pytest.raises(PermissionError) as caught, staged([target]) as (temporary,):
            raise PermissionError(13, "Permission denied", str(temporary))
        assert caught.value.filename == str(target)
        assert leftovers(tmp_path) == []
        assert not target.exists()

    def test_a_link_target_keeps_the_users_name(self, tmp_path: Path) -> None:
        """An error about the file behind a link names the link, as the user gave it."""
        link = tmp_path / "out.json"
        link.symlink_to(tmp_path / "missing" / "out.json")
        with pytest.raises(FileNotFoundError) as caught:
            write(link)
        assert caught.value.filename == str(link)

    def test_handlers_are_restored(self, tmp_path: Path) -> None:
        """Signal handlers are what they were once the block ends, however it ends."""
        before = {number: signal.getsignal(number) for number in (signal.SIGINT, signal.SIGTERM)}
        write(tmp_path / "out.json")
        with pytest.raises(RuntimeError), staged([tmp_path / "out.json"]):
            raise RuntimeError
        after = {number: signal.getsignal(number) for number in (signal.SIGINT, signal.SIGTERM)}
        assert after == before


INTERRUPTED = """
import os, signal, sys, time
from pathlib import Path
from penilaian.io.files import staged

signal.signal(signal.SIGINT, signal.default_int_handler)
signal.signal(signal.SIGTERM, signal.SIG_DFL)
target = Path(sys.argv[1])
with staged([target]) as (temporary,):
    temporary.write_bytes(b"partial")
    print("ready", flush=True)
    time.sleep({timeout})
"""


HELD = """
import os, signal, sys
from pathlib import Path
from penilaian.io.files import staged

signal.signal(signal.SIGTERM, signal.SIG_DFL)
replace = Path.replace

def replace_when_told_to_stop(self, target):
    os.kill(os.getpid(), signal.SIGTERM)  # arrives while the file is being renamed
    return replace(self, target)

Path.replace = replace_when_told_to_stop
with staged([Path(sys.argv[1])]) as (temporary,):
    temporary.write_bytes(b"new")
print("not reached")
"""


@POSIX
class TestSignals:
    """SIGTERM or SIGINT while the output is written leaves no temporary file behind."""

    @pytest.mark.parametrize(
        ("number", "code"), [(signal.SIGTERM, 128 + signal.SIGTERM), (signal.SIGINT, -2)]
    )
    def test_interrupted_write(self, tmp_path: Path, number: int, code: int) -> None:
        """The process ends as the signal asks; the target is untouched, no file is left."""
        target = tmp_path / "out.json"
        target.write_bytes(b"old")
        script = textwrap.dedent(INTERRUPTED).replace("{timeout}", str(TIMEOUT))
        with subprocess.Popen(
            [sys.executable, "-c", script, str(target)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        ) as child:
            try:
                assert child.stdout is not None
                assert child.stdout.readline() == b"ready\n"
                assert len(leftovers(tmp_path)) == 1
                child.send_signal(number)
                child.wait(TIMEOUT)
            finally:
                child.kill()
        assert child.returncode == code
        assert leftovers(tmp_path) == []
        assert target.read_bytes() == b"old"

    def test_a_signal_during_the_rename_waits_for_it(self, tmp_path: Path) -> None:
        """SIGTERM while renaming is held back until the output is in place, then ends it."""
        target = tmp_path / "out.json"
        target.write_bytes(b"old")
        done = subprocess.run(
            [sys.executable, "-c", HELD, str(target)],
            capture_output=True,
            timeout=TIMEOUT,
            check=False,
        )
        assert (done.returncode, done.stdout) == (128 + signal.SIGTERM, b"")
        assert target.read_bytes() == b"new"
        assert leftovers(tmp_path) == []


@POSIX
class TestCheckFile:
    """One check for every input file: a regular file within the limit, or a typed refusal."""

    def refused(self, path: Path) -> tuple[str, str, object, str]:
        """Return the path, field, value and reason of check_file's one problem."""
        error = bounded(check_file, path)
        assert isinstance(error, InvalidInputError)
        (problem,) = error.problems
        assert isinstance(problem.error, InvalidValueError)
        return problem.path, problem.error.field, problem.error.value, problem.error.reason

    def test_a_regular_file(self, tmp_path: Path) -> None:
        """A regular file (through a link too) passes, with its status."""
        path = tmp_path / "in.json"
        path.write_bytes(b"{}")
        (tmp_path / "link.json").symlink_to(path)
        assert check_file(path).st_size == 2
        assert check_file(tmp_path / "link.json").st_size == 2

    @pytest.mark.parametrize(
        ("make", "reason"),
        [
            (lambda folder: folder / "missing.json", "no such file"),
            (lambda folder: folder, "a directory, not a file"),
            (lambda _: Path("/dev/null"), "a character device"),
            (lambda folder: (os.mkfifo(folder / "pipe"), folder / "pipe")[1], "a named pipe"),
        ],
        ids=["missing", "directory", "device", "pipe"],
    )
    def test_what_is_not_a_file(self, tmp_path: Path, make: object, reason: str) -> None:
        """Each kind is refused at $ with an InvalidValueError naming the path as given."""
        path = make(tmp_path)  # type: ignore[operator]
        where, field, value, why = self.refused(path)
        assert (where, field, value) == ("$", "path", str(path))
        assert why.startswith(reason)

    def test_a_dangling_link_says_so(self, tmp_path: Path) -> None:
        """A link to nothing is a missing file, and the message says it is a link."""
        (tmp_path / "link.json").symlink_to(tmp_path / "gone.json")
        assert "a link to a file that does not exist" in self.refused(tmp_path / "link.json")[3]

    def test_a_file_over_the_limit(self, tmp_path: Path) -> None:
        """A file over the limit is refused from its size, naming the file and the limit."""
        path = tmp_path / "big.xlsx"
        path.write_bytes(b"x" * 11)
        with pytest.raises(InvalidInputError) as caught:
            check_file(path, limit=10, limit_name="max_bytes")
        (problem,) = caught.value.problems
        assert isinstance(problem.error, UnsupportedInputError)
        assert (problem.path, problem.error.field, problem.error.value) == ("$", "document", 11)
        assert problem.error.reason == (
            f"the file {path} is larger than the limit of 10 bytes (max_bytes)"
        )


@POSIX
class TestReadFile:
    """read_file and read_document read regular files only, and standard input where allowed."""

    def test_a_named_pipe_is_refused_without_waiting(self, tmp_path: Path) -> None:
        """Every JSON reader refuses a named pipe at once, instead of waiting for a writer."""
        pipe = tmp_path / "pipe.json"
        os.mkfifo(pipe)
        for reader in (read_file, read_document, load_policy):
            error = bounded(reader, pipe)
            assert isinstance(error, InvalidInputError)
            assert "a named pipe, not a regular file" in str(error)
            assert str(pipe) in str(error)

    def test_a_device_is_never_read(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """/dev/zero is refused before a byte is read, whatever the limit."""
        monkeypatch.setattr(_reading, "MAX_DOCUMENT_BYTES", 10)
        with pytest.raises(InvalidInputError) as caught:
            read_document("/dev/zero")
        assert "a character device" in str(caught.value)

    def test_a_policy_directory_is_named(self, tmp_path: Path) -> None:
        """load_policy on a directory says what it is, naming it."""
        with pytest.raises(InvalidInputError) as caught:
            load_policy(tmp_path)
        assert f"a directory, not a file (got '{tmp_path}') @ $" in str(caught.value)

    def test_standard_input_where_allowed(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """``-`` reads the stream given, up to the limit; without a stream it is a file name."""
        assert read_file("-", stdin=io.BytesIO(b"[1]")) == b"[1]"
        with pytest.raises(InvalidInputError) as caught:
            read_file("-", stdin=io.BytesIO(b"x" * 11), limit=10, limit_name="the limit")
        assert "standard input is larger than the limit of 10 bytes (the limit)" in str(
            caught.value
        )
        monkeypatch.chdir(tmp_path)
        (tmp_path / "-").write_bytes(b"a file")
        assert read_file("-") == b"a file"

    def test_the_limit_is_read_at_call_time(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A file exactly at MAX_DOCUMENT_BYTES is read; one byte more is refused."""
        monkeypatch.setattr(_reading, "MAX_DOCUMENT_BYTES", 10)
        path = tmp_path / "in.json"
        path.write_bytes(b"1" * 10)
        assert read_file(path) == b"1" * 10
        path.write_bytes(b"1" * 11)
        with pytest.raises(InvalidInputError) as caught:
            read_file(path)
        assert "penilaian.serialization.MAX_DOCUMENT_BYTES" in str(caught.value)


@POSIX
class TestReadChecked:
    """The spreadsheet readers' door to the one check: a file's bytes, or one finding."""

    def test_a_regular_file(self, tmp_path: Path) -> None:
        """A regular file within the limit gives its bytes."""
        path = tmp_path / "book.xlsx"
        path.write_bytes(b"PK")
        assert read_checked(path, 2) == b"PK"

    @pytest.mark.parametrize(
        ("name", "size", "reason"),
        [
            ("pipe", None, "a named pipe, not a regular file"),
            ("missing.xlsx", None, "no such file"),
            ("big.xlsx", 11, "is larger than the limit of 10 bytes (max_bytes)"),
        ],
    )
    def test_a_refusal_is_one_finding(
        self, tmp_path: Path, name: str, size: int | None, reason: str
    ) -> None:
        """What the check refuses is one finding with the whole file, never a wait."""
        path = tmp_path / name
        if name == "pipe":
            os.mkfifo(path)
        elif size is not None:
            path.write_bytes(b"x" * size)
        found = read_checked(path, 10)
        assert isinstance(found, Finding)
        assert (found.where.sheet, found.where.whole_file) == (name, True)
        assert reason in found.reason
        assert isinstance(found.error, InvalidValueError)
