"""The optional ``xlsx`` extra: importing openpyxl, or saying which ``pip install`` to run."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from penilaian.exceptions import MissingExtraError

if TYPE_CHECKING:
    from types import ModuleType

__all__ = ["openpyxl_module"]


def openpyxl_module() -> ModuleType:
    """
    Import openpyxl, which reads and writes XLSX workbooks.

    Raises:
        MissingExtraError: naming ``pip install "penilaian[xlsx]"`` when it is missing.
    """
    try:
        return importlib.import_module("openpyxl")
    except ImportError as error:
        raise MissingExtraError("xlsx", "openpyxl") from error
