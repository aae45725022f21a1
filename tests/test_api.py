"""The public API: one flat facade, sorted and complete."""

from __future__ import annotations

import importlib
import pkgutil
import re
from pathlib import Path

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

    def test_face_is_small(self):
        """The face holds the main job only: at most about 80 names."""
        assert len(penilaian.__all__) <= 80

    def test_face_names_resolve_to_their_home(self):
        """Each name of the face is the very object of the topic module it lives in."""
        for name, home in penilaian._HOMES.items():
            assert getattr(penilaian, name) is getattr(importlib.import_module(home), name)

    def test_unknown_face_name_is_an_attribute_error(self):
        """A name the face does not hold raises AttributeError, naming it."""
        with pytest.raises(AttributeError, match="'CurveRule'"):
            _ = penilaian.CurveRule


def _home_modules() -> dict[tuple[int, str], str]:
    """Map each public object (by identity and name) to the shallowest public module with it."""
    homes: dict[tuple[int, str], str] = {}
    for module_name in ALL_MODULES:
        if any(part.startswith("_") for part in module_name.split(".")[1:]):
            continue
        module = importlib.import_module(module_name)
        for name in module.__all__:
            key = (id(getattr(module, name)), name)
            known = homes.get(key)
            if known is None or (module_name.count("."), module_name) < (known.count("."), known):
                homes[key] = module_name
    return homes


REFERENCE = Path(__file__).resolve().parents[1] / "docs" / "reference"


class TestReference:
    """Every public name is documented once, where it lives; the face page lists the face."""

    def test_every_public_name_is_documented_where_it_lives(self):
        """docs/reference has a `::: module.Name` for each name at its shallowest public module."""
        documented = {
            line.removeprefix("::: ").strip()
            for page in REFERENCE.glob("*.md")
            for line in page.read_text("utf-8").splitlines()
            if line.startswith("::: ")
        }
        wanted = {f"{module}.{name}" for (_, name), module in _home_modules().items()}
        assert sorted(wanted - documented) == []
        assert sorted(documented - wanted) == []

    def test_face_page_lists_the_face(self):
        """The reference's front page names every face name with a link to its home."""
        page = (REFERENCE / "index.md").read_text("utf-8")
        listed = set(re.findall(r"^\| `penilaian\.(\w+)` \| \[`([\w.]+)`\]", page, re.MULTILINE))
        expected = {(name, f"{home}.{name}") for name, home in penilaian._HOMES.items()}
        assert listed == expected
