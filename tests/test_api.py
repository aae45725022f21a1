"""The public API: one flat facade, sorted and complete."""

from __future__ import annotations

import importlib
import pkgutil
import re

import pytest

import penilaian

ALL_MODULES = sorted(
    info.name
    for info in pkgutil.walk_packages(penilaian.__path__, "penilaian.")
    if info.name != "penilaian.__main__"
)
PUBLIC_MODULES = ["penilaian", *ALL_MODULES]


class TestFacade:
    """Users import everything from `penilaian`; the private modules stay private."""

    @pytest.mark.parametrize("name", PUBLIC_MODULES)
    def test_all_names_exist(self, name):
        """Every module declares an __all__ (ruff keeps it sorted) whose names exist, once each."""
        module = importlib.import_module(name)
        assert len(set(module.__all__)) == len(module.__all__)
        for exported in module.__all__:
            assert hasattr(module, exported), exported

    def test_core_imports_no_boundary_library(self):
        """Importing penilaian imports no boundary library (cattrs, openpyxl, numpy, pandas...)."""
        import subprocess  # noqa: PLC0415
        import sys  # noqa: PLC0415

        names = [
            "cattrs",
            "matplotlib",
            "numpy",
            "openpyxl",
            "pandas",
            "penilaian.batch",
            "penilaian.io",
            "penilaian.reporting",
            "penilaian.simulation",
        ]
        code = f"import sys, penilaian; print([n for n in {names!r} if n in sys.modules])"
        result = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )
        assert result.stdout.strip() == "[]"

    def test_reference_lists_every_public_name(self):
        """docs/reference/api.md documents every name of the facade."""
        from pathlib import Path  # noqa: PLC0415

        reference = (Path(__file__).parent.parent / "docs/reference/api.md").read_text("utf-8")
        listed = set(re.findall(r"^::: penilaian\.(\w+)$", reference, re.MULTILINE))
        missing = [name for name in penilaian.__all__ if name not in listed and name[0] != "_"]
        assert missing == []
