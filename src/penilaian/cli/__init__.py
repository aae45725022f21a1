"""The ``penilaian`` command line."""

from __future__ import annotations

from penilaian.cli._main import console, main

__all__ = ["console", "main"]
