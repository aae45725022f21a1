"""The house: every import points down the layers, no module imports in a cycle."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import penilaian

PACKAGE = Path(penilaian.__file__).parent

# The layers, bottom first (ARCHITECTURE.md, "Layers"): a module may import its own
# layer and the layers below it, never one above.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("penilaian._base", "penilaian.exceptions", "penilaian.typing"),
    ("penilaian.model",),
    ("penilaian.policy",),
    ("penilaian.scoring",),
    ("penilaian.regimes",),
    ("penilaian.analysis",),
    ("penilaian.serialization",),
    (
        "penilaian.io",
        "penilaian.reporting",
        "penilaian.batch",
        "penilaian.simulation",
        "penilaian.cli",
        "penilaian.server",
    ),
    ("penilaian", "penilaian.__main__"),
)
BOUNDARY = LAYERS[-2]
# The contracts sit at the bottom so every layer may use them; the types they name
# are imported for type checking only, the one exception the layering allows.
CONTRACTS = "penilaian.typing"


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def layer_of(module: str) -> int:
    """Return the index of the layer *module* belongs to (the longest matching prefix)."""
    best, found = -1, -1
    for index, prefixes in enumerate(LAYERS):
        for prefix in prefixes:
            if (module == prefix or module.startswith(prefix + ".")) and len(prefix) > best:
                best, found = len(prefix), index
    assert found >= 0, f"{module} belongs to no layer"
    return found


def _top_package(module: str) -> str:
    parts = module.split(".")
    return ".".join(parts[:2]) if len(parts) > 1 else module


def _type_checking_lines(tree: ast.Module) -> set[int]:
    """Return the line numbers of every statement under ``if TYPE_CHECKING:``."""
    lines: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and ast.unparse(node.test) in {
            "TYPE_CHECKING",
            "typing.TYPE_CHECKING",
        }:
            for child in node.body:
                for inner in ast.walk(child):
                    if hasattr(inner, "lineno"):
                        lines.add(inner.lineno)
    return lines


def imports_of(module: str) -> list[tuple[str, tuple[str, ...], bool, int]]:
    """
    Return every import of *module*, function-level ones included.

    Each is (imported module, names taken from it, type-checking only, line).
    """
    path = MODULES[module]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    typing_only = _type_checking_lines(tree)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend(
                (alias.name, (), node.lineno in typing_only, node.lineno)
                for alias in node.names
                if alias.name.startswith("penilaian")
            )
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            if not target.startswith("penilaian"):
                continue
            names = tuple(alias.name for alias in node.names)
            # `from penilaian.x import y` where y is a module imports that module.
            submodules = [f"{target}.{name}" for name in names if f"{target}.{name}" in MODULES]
            rest = tuple(name for name in names if f"{target}.{name}" not in MODULES)
            found.extend((sub, (), node.lineno in typing_only, node.lineno) for sub in submodules)
            if rest or not submodules:
                found.append((target, rest, node.lineno in typing_only, node.lineno))
    return found


def _violations() -> list[str]:
    problems = []
    for module in MODULES:
        own = layer_of(module)
        for target, names, typing_only, line in imports_of(module):
            assert target in MODULES, f"{module}:{line} imports {target}, which does not exist"
            if typing_only and CONTRACTS in {module, target}:
                continue
            if layer_of(target) > own:
                problems.append(f"{module}:{line} imports upward: {target}")
            if _top_package(target) != _top_package(module) and _top_package(target) not in {
                "penilaian._base",
                "penilaian",
            }:
                private_module = any(part.startswith("_") for part in target.split(".")[1:])
                private_names = [name for name in names if name.startswith("_")]
                if private_module or private_names:
                    problems.append(
                        f"{module}:{line} imports a private part of another package: "
                        f"{target} {private_names or ''}".rstrip()
                    )
    return problems


def _cycles() -> list[list[str]]:
    graph = {
        module: sorted(
            {
                target
                for target, _, typing_only, _ in imports_of(module)
                if target != module and not (typing_only and CONTRACTS in {module, target})
            }
        )
        for module in MODULES
    }
    cycles: list[list[str]] = []
    state: dict[str, int] = {}  # 1 on the stack, 2 done
    stack: list[str] = []

    def visit(module: str) -> None:
        state[module] = 1
        stack.append(module)
        for target in graph[module]:
            if state.get(target) == 1:
                cycles.append([*stack[stack.index(target) :], target])
            elif target not in state:
                visit(target)
        stack.pop()
        state[module] = 2

    for module in graph:
        if module not in state:
            visit(module)
    return cycles


class TestLayers:
    """Imports only point down the layers of ARCHITECTURE.md, and never in a circle."""

    def test_every_module_has_a_layer(self):
        """Each module of the package belongs to exactly one named layer."""
        assert all(layer_of(module) >= 0 for module in MODULES)

    def test_no_upward_or_private_import(self):
        """No module imports a layer above it, or another package's private module or name."""
        assert _violations() == []

    def test_contracts_import_nothing_at_run_time(self):
        """penilaian.typing names the library's types for type checking only."""
        assert [line for _, _, typing_only, line in imports_of(CONTRACTS) if not typing_only] == []

    def test_no_cycle(self):
        """No chain of imports, function-level and type-only ones included, comes back."""
        assert _cycles() == []

    @pytest.mark.parametrize(
        ("importer", "imported", "upward"),
        [
            ("penilaian.policy.weighting", "penilaian.scoring.result", True),
            ("penilaian.scoring.result", "penilaian.policy.weighting", False),
            ("penilaian.io.samples", "penilaian.cli._main", False),
            ("penilaian.model.targets", "penilaian._base.numbers", False),
        ],
    )
    def test_layer_order(self, importer, imported, upward):
        """The check itself can fail: an import from a higher layer is upward."""
        assert (layer_of(imported) > layer_of(importer)) is upward
