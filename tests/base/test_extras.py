"""Tests for penilaian._base.extras: one lazy import that names the extra when it is missing."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from penilaian._base.extras import require
from penilaian.exceptions import MissingExtraError, PenilaianError


class TestRequire:
    """require imports on call, and a missing package names both ways to install it."""

    def test_returns_the_module(self):
        """An installed module is imported and returned, the very module."""
        assert require("xlsx", "json") is json

    @pytest.mark.parametrize(
        ("module", "blocked", "package"),
        [
            ("openpyxl", "openpyxl", "openpyxl"),
            ("matplotlib.pyplot", "matplotlib", "matplotlib"),
            ("matplotlib.pyplot", "matplotlib.pyplot", "matplotlib"),
        ],
    )
    def test_missing_names_the_extra(self, monkeypatch, module, blocked, package):
        """A missing module raises MissingExtraError naming the extra and the package."""
        for name in [name for name in sys.modules if name.split(".")[0] == package]:
            monkeypatch.delitem(sys.modules, name)  # imported by another test: forget it here
        monkeypatch.setitem(sys.modules, blocked, None)
        with pytest.raises(MissingExtraError) as caught:
            require("plot", module)
        assert (caught.value.extra, caught.value.package) == ("plot", package)
        assert isinstance(caught.value, PenilaianError)
        assert isinstance(caught.value, ImportError)
        assert isinstance(caught.value.__cause__, ImportError)

    def test_message_names_both_install_commands(self, monkeypatch):
        """The message gives the PyPI install and the install from a clone."""
        monkeypatch.setitem(sys.modules, "openpyxl", None)
        with pytest.raises(MissingExtraError) as caught:
            require("xlsx", "openpyxl")
        expected = (
            "this needs openpyxl, which is not installed; "
            'install it with: pip install "penilaian[xlsx]" '
            '(from a clone of the repository: pip install ".[xlsx]")'
        )
        assert str(caught.value) == expected

    def test_not_installed_at_all(self):
        """A package that does not exist is named the same way."""
        with pytest.raises(MissingExtraError) as caught:
            require("plot", "no_such_package_for_penilaian.sub")
        assert caught.value.package == "no_such_package_for_penilaian"

    def test_importing_the_helper_imports_no_extra(self):
        """Importing the helper and the xlsx entry point imports no optional package."""
        names = ["openpyxl", "numpy", "pandas", "matplotlib"]
        code = (
            "import sys, penilaian._base.extras, penilaian.io._extra; "
            f"print([n for n in {names!r} if n in sys.modules])"
        )
        result = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )
        assert result.stdout.strip() == "[]"
