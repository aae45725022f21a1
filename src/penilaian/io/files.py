"""Writing files atomically: to a temporary file beside each target, renamed on success."""

from __future__ import annotations

import contextlib
import os
import secrets
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence
    from pathlib import Path

__all__ = ["staged"]


@contextlib.contextmanager
def staged(targets: Sequence[Path]) -> Iterator[list[Path]]:
    """
    Yield a new empty temporary file beside each of *targets*; move them into place on success.

    The temporary files live in the targets' own directories, so each rename is
    atomic: a reader sees the old file or the new one, never part of one.  If the
    block raises, every temporary file is removed and no target is touched.
    """
    temporary: list[Path] = []
    try:
        for target in targets:
            name = target.parent / f".{target.name}.{secrets.token_hex(6)}.tmp"
            # Created like any new file (mode 0o666 less the umask), and never over another.
            os.close(os.open(name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
            temporary.append(name)
        yield temporary
        for source, target in zip(temporary, targets, strict=True):
            source.replace(target)
    finally:
        for source in temporary:
            source.unlink(missing_ok=True)
