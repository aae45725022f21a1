"""
Set up the project and run one of its jobs; needs only Python 3.10+ and the package registry.

    python3 scripts/dev.py demo    # the main job: load, validate and show the embedded sample
    python3 scripts/dev.py test    # the whole test suite, with branch coverage
    python3 scripts/dev.py lint    # ruff check, ruff format --check, mypy --strict
    python3 scripts/dev.py docs    # build the documentation site strictly into site/
    python3 scripts/dev.py bench   # the benchmarks (slow; see benchmarks/README.md)

Each job first makes `.venv/` beside this checkout (once) and installs the package
into it, editable, with the extras the job needs; it reinstalls only when
pyproject.toml changes.  Extra arguments are passed on to the job's command.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".dev-stamp"

# The extras each job installs; they are declared in pyproject.toml.
EXTRAS = {"demo": "", "test": "tests", "lint": "lint,tests", "docs": "docs", "bench": "tests"}


def _run(*command: str | Path) -> int:
    print("+", " ".join(str(part) for part in command), flush=True)
    return subprocess.call([str(part) for part in command], cwd=ROOT)


def _ensure_installed(extras: str) -> None:
    if sys.version_info < (3, 10):  # noqa: UP036 - this script may run on an older Python
        sys.exit(f"penilaian needs Python 3.10 or newer; this is {sys.version.split()[0]}")
    if not PYTHON.exists():
        print(f"creating {VENV}", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes() + extras.encode()).hexdigest()
    installed = set(STAMP.read_text().split()) if STAMP.exists() else set()
    if wanted in installed:
        return
    target = f".[{extras}]" if extras else "."
    quiet = "--quiet"
    if _run(PYTHON, "-m", "pip", "install", quiet, "--upgrade", "pip") != 0:
        sys.exit("could not upgrade pip in .venv")
    if _run(PYTHON, "-m", "pip", "install", quiet, "--editable", target) != 0:
        sys.exit(f"could not install {target} into .venv")
    STAMP.write_text(" ".join(sorted(installed | {wanted})))


def main(argv: list[str]) -> int:
    """Run the job named by *argv[0]* with the rest of *argv* as its arguments."""
    if not argv or argv[0] not in EXTRAS:
        print(__doc__)
        return 2
    job, rest = argv[0], argv[1:]
    _ensure_installed(EXTRAS[job])
    return JOBS[job](rest)


def _demo(rest: list[str]) -> int:
    return _run(PYTHON, "-m", "penilaian", "demo", *rest)


def _test(rest: list[str]) -> int:
    if not any(Path(folder, "chromium").exists() for folder in os.get_exec_path()):
        # CI installs it (.ci/run); locally the page's browser test skips without it.
        print("note: no chromium: tests/server/test_page.py skips (apt-get install chromium)")
    coverage = ("--cov=penilaian", "--cov-report=term", "--cov-fail-under=95")
    return _run(PYTHON, "-m", "pytest", *coverage, *rest)


def _lint(rest: list[str]) -> int:
    folders = ("src", "tests", "benchmarks", "examples", "scripts", "conftest.py")
    for command in (
        ("ruff", "check", *folders),
        ("ruff", "format", "--check", *folders),
        ("mypy", "--strict", *rest),
    ):
        status = _run(PYTHON, "-m", *command)
        if status != 0:
            return status
    return 0


def _docs(rest: list[str]) -> int:
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    return _run(PYTHON, "-m", "mkdocs", "build", "--strict", *rest)


def _bench(rest: list[str]) -> int:
    status = 0
    for bench in sorted((ROOT / "benchmarks").glob("bench_*.py")):
        status = _run(PYTHON, bench, *rest) or status
    return status


JOBS = {"demo": _demo, "test": _test, "lint": _lint, "docs": _docs, "bench": _bench}


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
