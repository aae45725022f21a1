"""The optional ``xlsx`` extra: importing openpyxl, or saying which ``pip install`` to run."""

from __future__ import annotations

from typing import TYPE_CHECKING

from penilaian._base.extras import require

if TYPE_CHECKING:
    from types import ModuleType

__all__ = ["openpyxl_module"]


def openpyxl_module() -> ModuleType:
    """
    Import openpyxl, which reads and writes XLSX workbooks.

    Raises:
        MissingExtraError: naming ``pip install ".[xlsx]"`` when it is missing.
    """
    return require("xlsx", "openpyxl")
