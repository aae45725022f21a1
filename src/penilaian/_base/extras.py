"""
Optional dependencies: one lazy import that names the extra to install when it is missing.

`import penilaian` never imports an optional dependency (openpyxl, numpy, pandas,
matplotlib).  A feature that needs one calls `require` when it runs; a missing package
raises `penilaian.exceptions.MissingExtraError`, whose message gives the ``pip install``
that brings it: ``pip install ".[xlsx]"`` in a clone of the repository, and the index form
``pip install "penilaian[xlsx]"`` for when the package is published.  Every extra named
here is an extra of ``pyproject.toml`` that asks for the package (``tests/base/test_extras.py``
checks each call).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from penilaian.exceptions import MissingExtraError

if TYPE_CHECKING:
    from types import ModuleType

__all__ = ["require"]


def require(extra: str, module: str) -> ModuleType:
    """
    Import *module*, which the optional extra *extra* brings, and return it.

    Call it when the feature runs, so that importing the module that offers the feature
    stays cheap and works without the extra; a package that is itself an extra
    (`penilaian.batch`) may call it at its top.  A module already imported is returned
    at once.

    >>> require("plot", "no_such_package.pyplot")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    penilaian.exceptions.MissingExtraError: this needs no_such_package, ... "penilaian[plot]")

    Args:
        extra: The extra of ``pyproject.toml`` that installs the package (``"xlsx"``).
        module: The module to import (``"openpyxl"``, ``"matplotlib.pyplot"``); its
            top-level package is the one named in the error.

    Raises:
        MissingExtraError: if it cannot be imported, naming *extra*, the package,
            ``pip install ".[<extra>]"`` in a clone and ``pip install "penilaian[<extra>]"``
            once published; the import error is its cause.
    """
    try:
        return importlib.import_module(module)
    except ImportError as error:
        raise MissingExtraError(extra, module.partition(".")[0]) from error
