"""
Mutation testing of one module at a time, each with its own tests (mutmut 3).

    .venv/bin/pip install -e ".[mutation]"
    .venv/bin/python scripts/mutation.py pp46_2011 weighting
    .venv/bin/python scripts/mutation.py all --children 1 --diffs

A target is a package or a group of modules (`TARGETS`: the three regime packages and
the weighting policy) together with the test files that are its own.  For each target the
script copies `src/`, `tests/` and `pyproject.toml` into a fresh temporary folder, tells
mutmut (in that copy's `[tool.mutmut]`) to mutate only the target's files and to select
tests only from its own test files, runs `mutmut run` there and reads `mutmut results`.
It prints, per target, how many mutants were killed, the kill rate and every mutant that
lived (with its diff under ``--diffs``), then a summary table.  Nothing is written in the
checkout: the copy is removed at the end unless ``--keep`` is given.

Hypothesis runs derandomized and without its example database in the copy (mutmut runs
the same tests many times in one process), so two runs of one tree give the same figures.

The kill rate counts as killed what mutmut calls killed, timeout, segfault or caught by
type check, over every mutant mutmut made except those it skipped; a mutant no test
reaches ("no tests") counts as a survivor.  The script exits 1 if a target's rate is
below ``--fail-under`` (default 0: report only).  It is not part of CI: see
docs/explanation/testing.md for the time it takes and the latest figures.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Target:
    """What one mutation run mutates and which tests may kill its mutants."""

    sources: tuple[str, ...]
    tests: tuple[str, ...]


_REGIMES = "src/penilaian/regimes"
_POLICY = "src/penilaian/policy"

TARGETS: dict[str, Target] = {
    "pp46_2011": Target(
        (f"{_REGIMES}/pp46_2011/*",),
        ("tests/regimes/test_regime_pp46.py", "tests/regimes/test_pp46_*.py"),
    ),
    "pp30_2019": Target(
        (f"{_REGIMES}/pp30_2019/*",),
        ("tests/regimes/test_regime_pp30.py", "tests/regimes/test_pp30_*.py"),
    ),
    "permen6_2022": Target(
        (f"{_REGIMES}/permen6_2022/*",),
        (
            "tests/regimes/test_regime_permen6.py",
            "tests/regimes/test_permen6_*.py",
            "tests/regimes/test_credit_*.py",  # the credit modules live in this package
        ),
    ),
    "weighting": Target(
        tuple(
            f"{_POLICY}/{name}.py"
            for name in ("weighting", "_roles", "_weighting_trace", "_weighting_input")
        ),
        ("tests/policy/test_weighting*.py",),
    ),
}

KILLED = frozenset({"killed", "timeout", "segfault", "caught by type check"})
"""The mutmut statuses that mean a test (or the type checker) noticed the mutant."""

NOT_COUNTED = frozenset({"skipped"})
"""The statuses left out of the rate: mutmut made no test run for them on purpose."""

_PROFILE = """

# Added by scripts/mutation.py in its scratch copy: mutmut runs the same tests many times
# in one process, so hypothesis must not mind other executors and must not vary by run;
# a failing example kills the mutant at once, so it is not shrunk.
from hypothesis import Phase  # noqa: E402

settings.register_profile(
    "mutation",
    max_examples=20,
    deadline=None,
    derandomize=True,
    database=None,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.differing_executors],
)
settings.load_profile("mutation")
"""


@dataclass
class Outcome:
    """The statuses of one target's mutants and the time the run took."""

    name: str
    seconds: float
    status: dict[str, str] = field(default_factory=dict)

    @property
    def counted(self) -> list[str]:
        """The mutants the rate is taken over."""
        return [key for key, value in self.status.items() if value not in NOT_COUNTED]

    @property
    def killed(self) -> list[str]:
        """The mutants some test noticed."""
        return [key for key, value in self.status.items() if value in KILLED]

    @property
    def alive(self) -> list[str]:
        """The counted mutants no test noticed, with their status."""
        return [key for key in self.counted if self.status[key] not in KILLED]

    @property
    def rate(self) -> float:
        """Killed over counted, in percent (for display only)."""
        return 100 * len(self.killed) / len(self.counted) if self.counted else 0.0


def _test_files(target: Target, root: Path) -> list[str]:
    files = sorted({str(p.relative_to(root)) for g in target.tests for p in root.glob(g)})
    if not files:
        msg = f"no test files match {target.tests}"
        raise SystemExit(msg)
    return files


def _toml_list(items: list[str]) -> str:
    return "[" + ", ".join(f'"{item}"' for item in items) + "]"


def _prepare(scratch: Path, target: Target) -> None:
    ignore = shutil.ignore_patterns("__pycache__", ".hypothesis", "*.pyc", "mutants")
    for folder in ("src", "tests"):
        shutil.copytree(ROOT / folder, scratch / folder, ignore=ignore)
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    # Drop any [tool.mutmut] table of the checkout: the copy gets its own, per target.
    pyproject = re.sub(r"(?ms)^\[tool\.mutmut\]\n.*?(?=^\[|\Z)", "", pyproject)
    pyproject += (
        "\n[tool.mutmut]\n"
        'source_paths = ["src/"]\n'
        f"only_mutate = {_toml_list(list(target.sources))}\n"
        'pytest_add_cli_args = ["-p", "no:cacheprovider", "-q"]\n'
        f"pytest_add_cli_args_test_selection = {_toml_list(_test_files(target, ROOT))}\n"
    )
    (scratch / "pyproject.toml").write_text(pyproject, encoding="utf-8")
    with (scratch / "tests" / "conftest.py").open("a", encoding="utf-8") as conftest:
        conftest.write(_PROFILE)


def _mutmut() -> str:
    found = shutil.which("mutmut", path=str(Path(sys.executable).parent)) or shutil.which("mutmut")
    if found is None:
        msg = 'mutmut is not installed: .venv/bin/pip install -e ".[mutation]"'
        raise SystemExit(msg)
    return found


def _results(mutmut: str, scratch: Path) -> dict[str, str]:
    listing = subprocess.run(
        [mutmut, "results", "--all", "true"],
        cwd=scratch,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    pairs = (line.strip().rsplit(": ", 1) for line in listing.splitlines() if ": " in line)
    return dict(pair for pair in pairs if len(pair) == 2)


def _diff(mutmut: str, scratch: Path, mutant: str) -> str:
    return subprocess.run(
        [mutmut, "show", mutant], cwd=scratch, capture_output=True, text=True, check=False
    ).stdout


def run_target(name: str, *, children: int, diffs: bool, keep: bool) -> Outcome:
    """Mutate one target in a scratch copy and report its mutants."""
    target = TARGETS[name]
    mutmut = _mutmut()
    scratch = Path(tempfile.mkdtemp(prefix=f"penilaian-mutation-{name}-"))
    try:
        _prepare(scratch, target)
        log = scratch / "mutmut-run.log"
        started = time.monotonic()
        with log.open("w", encoding="utf-8") as out:
            done = subprocess.run(
                [mutmut, "run", "--max-children", str(children)],
                cwd=scratch,
                stdout=out,
                stderr=subprocess.STDOUT,
                check=False,
            )
        outcome = Outcome(name, time.monotonic() - started, _results(mutmut, scratch))
        if done.returncode != 0 or not outcome.status:
            print(log.read_text(encoding="utf-8", errors="replace")[-4000:], file=sys.stderr)
            msg = f"{name}: mutmut run failed (exit {done.returncode}); log above"
            raise SystemExit(msg)
        _print_target(outcome, mutmut, scratch, diffs=diffs)
        return outcome
    finally:
        if keep:
            print(f"{name}: scratch copy kept in {scratch}")
        else:
            shutil.rmtree(scratch, ignore_errors=True)


def _print_target(outcome: Outcome, mutmut: str, scratch: Path, *, diffs: bool) -> None:
    print(
        f"\n== {outcome.name}: {len(outcome.killed)} of {len(outcome.counted)} mutants killed "
        f"({outcome.rate:.1f} %) in {outcome.seconds:.0f} s"
    )
    for mutant in outcome.alive:
        print(f"  {outcome.status[mutant]}: {mutant}")
        if diffs:
            print("    " + _diff(mutmut, scratch, mutant).strip().replace("\n", "\n    "))


def main(argv: list[str] | None = None) -> int:
    """Run the targets named on the command line, one after another."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0].strip())
    names = [*TARGETS, "all"]
    parser.add_argument(
        "targets", nargs="+", choices=names, metavar="TARGET", help=", ".join(names)
    )
    parser.add_argument("--children", type=int, default=2, help="mutmut workers (default 2)")
    parser.add_argument("--diffs", action="store_true", help="show each survivor's diff")
    parser.add_argument("--keep", action="store_true", help="keep the scratch copies")
    parser.add_argument(
        "--fail-under", type=float, default=0.0, metavar="PERCENT", help="exit 1 below this rate"
    )
    args = parser.parse_args(argv)
    names = list(TARGETS) if "all" in args.targets else list(dict.fromkeys(args.targets))
    outcomes = [
        run_target(name, children=args.children, diffs=args.diffs, keep=args.keep) for name in names
    ]
    print("\n| target | mutants | killed | survived | kill rate | time |")
    print("|---|---:|---:|---:|---:|---:|")
    for o in outcomes:
        print(
            f"| {o.name} | {len(o.counted)} | {len(o.killed)} | {len(o.alive)} "
            f"| {o.rate:.1f} % | {o.seconds / 60:.1f} min |"
        )
    return 1 if any(o.rate < args.fail_under for o in outcomes) else 0


if __name__ == "__main__":
    sys.exit(main())
