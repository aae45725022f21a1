"""
Writing files whole or not at all: to a temporary file first, moved into place on success.

A regular file (or a new one) is replaced atomically: the temporary file lives in
the target's own directory and is renamed over it, so a reader sees the old file
or the new one, never part of one.  A link is followed: the file it points to is
replaced and the link stays.  A stream (``-`` for standard output, a terminal or
another character device, a named pipe, ``/dev/stdout``) is written straight
through, once the whole output is ready.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import shutil
import signal
import stat
import sys
import tempfile
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, Literal

import attrs

from penilaian.exceptions import InvalidValueError

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence
    from types import FrameType

__all__ = ["STANDARD_OUTPUT", "staged"]

STANDARD_OUTPUT: Final = "-"
"""The target that names standard output (``sys.stdout``'s bytes) for `staged`."""

# The signals whose default action would kill the process between creating a
# temporary file and removing it; SIGHUP only where it exists.
_SIGNALS: Final = tuple(
    getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)
)
_CREATE_FLAGS: Final = os.O_WRONLY | os.O_CREAT | os.O_EXCL
# Appended, so that an output the shell opened with >> keeps what it holds.
_THROUGH_FLAGS: Final = os.O_WRONLY | os.O_APPEND | getattr(os, "O_NOCTTY", 0)


@attrs.frozen
class _Plan:
    """How one target is written: its name as given, how, and where."""

    name: str
    how: Literal["replace", "through", "stdout"]
    path: Path  # where the bytes end up: the file replaced, or the stream opened
    mode: int | None = None  # the mode an existing file keeps
    owner: tuple[int, int] | None = None
    descriptor: int | None = None  # an open descriptor of this process to write to


@contextlib.contextmanager
def staged(targets: Sequence[str | os.PathLike[str]]) -> Iterator[list[Path]]:
    """
    Yield a new empty temporary file for each of *targets*; move them into place on success.

    Each target is one of:

    - a regular file, or a new one: the temporary file is created beside it and
      renamed over it, so the change is atomic; an existing file keeps its mode
      (``0600`` stays ``0600``), a new one gets the usual mode (``0666`` less the
      umask);
    - a link: the file it points to is written as above (the rename happens at
      that file's path), and the link stays;
    - ``-`` (`STANDARD_OUTPUT`), a character device such as a terminal, a named
      pipe, or an open descriptor such as ``/dev/stdout``: written straight
      through (appended, never replaced) once the block has finished, from a
      private temporary file.

    If the block raises, every temporary file is removed and no target is touched.
    So are they if the process is interrupted: while the block runs in the main
    thread, SIGINT (if Python's default handler or none is set) raises
    `KeyboardInterrupt`, and SIGTERM and SIGHUP (if no handler is set) raise
    `SystemExit` with 128 plus the signal's number, as a shell reports it.

    Raises:
        OSError: for a target that cannot be written (a directory, a missing
            folder, no permission); the error's ``filename`` is the target as
            given, never a temporary file.
        InvalidValueError: for a block device or a socket, which are never written.
    """
    plans = [_plan(os.fspath(target)) for target in targets]
    if any(plan.how != "replace" for plan in plans):
        # The first call writes and removes a probe file there: done before the handlers,
        # so an interruption never finds a file of tempfile's in the block.
        tempfile.gettempdir()
    temporary: list[Path] = []
    stop = _Stop.install()
    try:
        for plan in plans:
            _create(plan, temporary)
        yield list(temporary)
        for source, plan in zip(temporary, plans, strict=True):
            if plan.how != "replace":
                _copy(source, plan)
        with stop.held():
            for source, plan in zip(temporary, plans, strict=True):
                if plan.how == "replace":
                    source.replace(plan.path)
    except OSError as error:
        raise _named(error, plans, temporary) from error
    finally:
        try:
            with stop.held():
                for source in temporary:
                    source.unlink(missing_ok=True)
        finally:
            stop.restore()


def _plan(name: str) -> _Plan:
    if name == STANDARD_OUTPUT:
        return _Plan(name, "stdout", Path(name))
    path = Path(name)
    try:
        status = path.stat()
    except FileNotFoundError:
        # A new file, or a link to a missing one: created where the link points.
        return _Plan(name, "replace", Path(os.path.realpath(path)))
    except OSError as error:
        raise _renamed(error, name) from error
    mode = status.st_mode
    if stat.S_ISDIR(mode):
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), name)
    descriptor = _descriptor(path)
    if descriptor is not None:
        return _Plan(name, "through", path, descriptor=descriptor)
    if stat.S_ISCHR(mode) or stat.S_ISFIFO(mode):
        return _Plan(name, "through", path)
    if not stat.S_ISREG(mode):
        kind = "a block device" if stat.S_ISBLK(mode) else "a socket"
        reason = f"{kind}; an output is a file, a terminal or a pipe"
        raise InvalidValueError("path", name, reason)
    real = Path(os.path.realpath(path))
    try:
        same = os.path.samestat(status, real.stat())
    except OSError:
        same = False
    if not same:
        return _Plan(name, "through", path)  # a file with no name to replace: written through
    owner = (status.st_uid, status.st_gid)
    return _Plan(name, "replace", real, stat.S_IMODE(mode), owner)


def _descriptor(path: Path) -> int | None:
    """
    Return the descriptor that *path* links to (1 for ``/dev/stdout``), or `None`.

    Such a path is written through the descriptor itself, sharing its position, as
    the process's own output would be; it is never replaced or opened anew.
    """
    current = path.absolute()
    for _ in range(40):  # the kernel's own limit on links followed
        if not current.is_symlink():
            return None
        folder = Path(os.path.realpath(current.parent))
        if folder == Path("/proc", str(os.getpid()), "fd") and current.name.isdigit():
            return int(current.name)
        current = (current.parent / current.readlink()).absolute()
    return None


def _create(plan: _Plan, temporary: list[Path]) -> None:
    """Create *plan*'s temporary file, noted in *temporary* before it exists."""
    if plan.how == "replace":
        # Short enough for any file system, however long the target's name.
        name = plan.path.parent / f".{plan.path.name[:200]}.{secrets.token_hex(6)}.tmp"
    else:
        name = Path(tempfile.gettempdir()) / f".penilaian-{secrets.token_hex(6)}.tmp"
    # Noted first, so that an interruption right after the open still removes it.
    temporary.append(name)
    private = plan.how != "replace" or plan.mode is not None
    try:
        # Never over another file; a new file gets 0666 less the umask, the rest 0600.
        descriptor = os.open(name, _CREATE_FLAGS, 0o600 if private else 0o666)
    except OSError as error:
        temporary.pop()  # not created, or not ours: never removed
        raise _renamed(error, plan.name) from error
    try:
        if plan.mode is not None:
            if plan.owner is not None and plan.owner != _owner(descriptor):
                with contextlib.suppress(OSError):  # only the owner's group, or root, may
                    os.fchown(descriptor, *plan.owner)
            os.fchmod(descriptor, plan.mode)
    finally:
        os.close(descriptor)


def _owner(descriptor: int) -> tuple[int, int]:
    status = os.fstat(descriptor)
    return status.st_uid, status.st_gid


def _copy(source: Path, plan: _Plan) -> None:
    """Write the finished *source* straight through to a stream."""
    with source.open("rb") as data:
        if plan.how == "stdout":
            stream = getattr(sys.stdout, "buffer", None)
            if stream is None:
                raise OSError(errno.EBADF, "standard output takes no bytes here", plan.name)
            sys.stdout.flush()
            shutil.copyfileobj(data, stream)
            stream.flush()
            return
        if plan.descriptor is None:
            descriptor = os.open(plan.path, _THROUGH_FLAGS)
        else:
            for text in (sys.stdout, sys.stderr):
                with contextlib.suppress(AttributeError, OSError, ValueError):
                    text.flush()  # what the process wrote there comes first
            descriptor = os.dup(plan.descriptor)
        with os.fdopen(descriptor, "wb") as stream:
            shutil.copyfileobj(data, stream)


def _named(error: OSError, plans: Sequence[_Plan], temporary: Sequence[Path]) -> OSError:
    """Return *error* naming the target as given instead of a temporary or resolved path."""
    names = {os.fspath(plan.path): plan.name for plan in plans}
    names.update((os.fspath(path), plan.name) for path, plan in zip(temporary, plans, strict=False))
    if error.filename is None:
        # A write without a name (a full disk): the one target, if there is one.
        return _renamed(error, plans[0].name) if len(plans) == 1 else error
    name = names.get(os.fspath(error.filename))
    return error if name is None else _renamed(error, name)


def _renamed(error: OSError, name: str) -> OSError:
    if error.errno is None:
        return error
    return OSError(error.errno, error.strerror, name)  # the subclass follows the errno


class _Stop:
    """Turns the signals that would kill the process mid-write into exceptions, for cleanup."""

    def __init__(self) -> None:
        self.previous: dict[int, Any] = {}
        self.holding = False
        self.pending: int | None = None

    @classmethod
    def install(cls) -> _Stop:
        stop = cls()
        if threading.current_thread() is not threading.main_thread():
            return stop  # only the main thread may set handlers
        for number in _SIGNALS:
            handler = signal.getsignal(number)
            if handler in {signal.SIG_DFL, signal.default_int_handler}:
                stop.previous[number] = signal.signal(number, stop.handle)
        return stop

    def handle(self, number: int, _frame: FrameType | None) -> None:
        if self.holding:
            self.pending = number  # raised once the files are in a settled state
            return
        raise _exception(number)

    @contextlib.contextmanager
    def held(self) -> Iterator[None]:
        """Hold a signal back while renaming or removing files, and raise it afterwards."""
        self.holding = True
        try:
            yield
        finally:
            self.holding = False
        if self.pending is not None:
            number, self.pending = self.pending, None
            raise _exception(number)

    def restore(self) -> None:
        for number, handler in self.previous.items():
            signal.signal(number, handler)
        self.previous.clear()


def _exception(number: int) -> BaseException:
    if number == signal.SIGINT:
        return KeyboardInterrupt()
    return SystemExit(128 + number)
