"""Tests for penilaian._base.extras: one lazy import that names the extra when it is missing."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

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
        """The message gives the install from a clone first, then the published one."""
        monkeypatch.setitem(sys.modules, "openpyxl", None)
        with pytest.raises(MissingExtraError) as caught:
            require("xlsx", "openpyxl")
        expected = (
            "this needs openpyxl, which is not installed; install it in a clone of the "
            'repository with: pip install ".[xlsx]" '
            '(once penilaian is published: pip install "penilaian[xlsx]")'
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


ROOT = Path(__file__).resolve().parents[2]
# require("extra", "module") as the library's modules call it.
_REQUIRE = re.compile(r'require\(\s*"(?P<extra>[\w-]+)",\s*"(?P<module>[\w.]+)"\s*\)')
# An import name whose distribution has another name.
_DISTRIBUTION = {"yaml": "pyyaml"}


def _extras() -> dict[str, list[str]]:
    tomllib = pytest.importorskip("tomllib")
    with (ROOT / "pyproject.toml").open("rb") as stream:
        project = tomllib.load(stream)["project"]
    assert project["name"] == "penilaian"
    return project["optional-dependencies"]


def _brings(extras: dict[str, list[str]], extra: str) -> set[str]:
    """The distributions that `pip install ".[extra]"` asks for, self-references expanded."""
    names: set[str] = set()
    for requirement in extras[extra]:
        name = re.split(r"(?=[\[<>=!~; ])", requirement, maxsplit=1)[0]
        if name == "penilaian":
            inner = re.search(r"\[(.*?)\]", requirement)
            assert inner, requirement
            for other in inner.group(1).split(","):
                names |= _brings(extras, other.strip())
        else:
            names.add(name.lower())
    return names


def _require_calls() -> list[tuple[str, str, str]]:
    calls = []
    for path in sorted((ROOT / "src" / "penilaian").rglob("*.py")):
        code = "\n".join(
            line
            for line in path.read_text(encoding="utf-8").splitlines()
            if not line.lstrip().startswith(">>>")  # a docstring's example of a missing extra
        )
        name = str(path.relative_to(ROOT))
        calls.extend((name, match["extra"], match["module"]) for match in _REQUIRE.finditer(code))
    return calls


class TestInstallFromAClone:
    """The extra that a missing-extra message names installs the package, from a clone."""

    def test_the_library_names_extras(self):
        """The scan finds the library's calls, so the next test checks something."""
        extras = {extra for _, extra, _ in _require_calls()}
        assert {"xlsx", "batch", "plot"} <= extras

    @pytest.mark.parametrize(("path", "extra", "module"), _require_calls())
    def test_named_extra_brings_the_module(self, path, extra, module):
        """Each require() names an extra of pyproject.toml that asks for the module's package."""
        extras = _extras()
        assert extra in extras, f"{path}: no extra {extra!r} in pyproject.toml"
        package = module.partition(".")[0]
        assert _DISTRIBUTION.get(package, package) in _brings(extras, extra), path

    def test_dask_extra(self):
        """The dask extra brings the batch extra, Dask's frames and its distributed scheduler."""
        extras = _extras()
        assert _brings(extras, "batch") <= _brings(extras, "dask")
        assert {"dask", "numpy", "pandas"} <= _brings(extras, "dask")
        assert any("distributed" in item and "dataframe" in item for item in extras["dask"])

    def test_message_gives_the_clone_command(self, monkeypatch):
        """The message names the install from a clone with the very extra, and is its own."""
        for name in [name for name in sys.modules if name.split(".")[0] == "matplotlib"]:
            monkeypatch.delitem(sys.modules, name)  # imported by another test: forget it here
        monkeypatch.setitem(sys.modules, "matplotlib", None)
        with pytest.raises(MissingExtraError) as caught:
            require("plot", "matplotlib.pyplot")
        message = str(caught.value)
        assert 'pip install ".[plot]"' in message
        assert "plot" in _extras()
        assert message != str(caught.value.__cause__)
        assert message.startswith("this needs matplotlib, which is not installed")
