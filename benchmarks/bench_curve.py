"""
Benchmark: check units against the distribution curve, and propose calibrations.

Two populations, built deterministically from --seed:

- one unit of --unit employees (default 1,000);
- an agency of --n employees (default 50,000) in units of 3 to 30 people, each unit
  with a drawn organisation grade.

Employees sit in drawn cells of the 3 x 3 matrix (weighted towards meeting
expectations); one in each unit is its leader, whose work-results rating is fixed.

Measured paths, per unit: ``check_curve(unit_id, unit_grade, employees)`` (validation,
quotas, counts, statuses, the employees per rule) and ``propose_calibration(check)``
(the exact minimum-cost flow, the changes and the check after them).

Floor, in the same process: a hand-written loop over plain ``(unit grade, [grade ids])``
tuples that counts grades and compares them with quotas computed in integers, giving
the same statuses (checked before timing).  It has no validation, no objects and no
report.  Calibration has no floor of its own (nothing simpler finds a minimal
proposal), so its time is reported beside the same counting floor, as the price of a
proposal over one pass that only counts.  Timing is reported, never asserted.

    python benchmarks/bench_curve.py                          # 50,000 + 1,000, best of 3
    python benchmarks/bench_curve.py --n 2000 --repeat 1      # a quick smoke run
"""

from __future__ import annotations

import random
import sys
import time
from typing import TYPE_CHECKING, Any

from _common import arguments, environment, peak_rss_mib, settle, time_once

from penilaian import ExpectationLevel, OrganisationGrade, propose_calibration
from penilaian.analysis.curve import PERMEN6_2022_CURVE, CurveBound, GradedEmployee, check_curve
from penilaian.regimes.permen6_2022 import PERMEN6_2022_MATRIX

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from penilaian.analysis.curve import CurveCheck

LEVELS = (ExpectationLevel.BELOW, ExpectationLevel.MEETS, ExpectationLevel.ABOVE)
LEVEL_WEIGHTS = (1, 6, 3)  # below, meets, above: most meet expectations
Unit = tuple[str, OrganisationGrade, list[GradedEmployee]]


def make_unit(rng: random.Random, unit_id: str, size: int) -> Unit:
    """One unit of *size* employees in drawn matrix cells; the first is the leader."""
    grade = rng.choice(list(OrganisationGrade))
    staff = []
    for index in range(size):
        work, behaviour = rng.choices(LEVELS, LEVEL_WEIGHTS, k=2)
        staff.append(
            GradedEmployee(
                f"{unit_id}-{index:04d}",
                PERMEN6_2022_MATRIX[work, behaviour],
                unit_id,
                work,
                behaviour,
                work_fixed=index == 0,
            )
        )
    return unit_id, grade, staff


def make_agency(n: int, seed: int) -> list[Unit]:
    """Units of 3 to 30 people until *n* employees are placed."""
    rng = random.Random(seed)
    units: list[Unit] = []
    placed = 0
    while placed < n:
        size = min(rng.randint(3, 30), n - placed)
        units.append(make_unit(rng, f"unit-{len(units):05d}", size))
        placed += size
    return units


# The floor's rules: (bound, grade ids, numerator, denominator) per organisation grade.
PlainRule = tuple[str, frozenset[str], int, int]
PLAIN_RULES: dict[OrganisationGrade, list[PlainRule]] = {
    grade: [
        (
            rule.bound.id,
            frozenset(g.id for g in rule.grades),
            *((rule.share.numerator, rule.share.denominator) if rule.share is not None else (1, 0)),
        )
        for rule in rules
    ]
    for grade, rules in PERMEN6_2022_CURVE.rules.items()
}


def floor_statuses(unit: tuple[OrganisationGrade, list[str]]) -> list[str]:
    """Count grades and compare with integer quotas: the statuses of the default convention."""
    org_grade, grades = unit
    headcount = len(grades)
    counts: dict[str, int] = {}
    for grade in grades:
        counts[grade] = counts.get(grade, 0) + 1
    asked = 0
    statuses = []
    for bound, members, numerator, denominator in PLAIN_RULES[org_grade]:
        count = sum(counts.get(grade, 0) for grade in members)
        if denominator == 0:  # must include: one person
            quota, degenerate = 1, False
        elif bound == "at_most":
            quota = headcount * numerator // denominator
            degenerate = quota == 0 and numerator != 0
        else:
            quota = -(-headcount * numerator // denominator)
            degenerate = quota == 0 and numerator != 0
        if bound == "at_most":
            met = count <= quota
        else:  # the 6/2022 minima are on disjoint grade sets, so they add up
            degenerate = degenerate or asked + quota > headcount
            asked += 0 if degenerate else quota
            met = count >= quota
        statuses.append("too_small" if degenerate else "met" if met else "violated")
    return statuses


def plain(units: Sequence[Unit]) -> list[tuple[OrganisationGrade, list[str]]]:
    """The floor's input: each unit's grade and its employees' grade ids."""
    return [(grade, [employee.grade.id for employee in staff]) for _, grade, staff in units]


def check_equivalent(units: Sequence[Unit]) -> list[CurveCheck]:
    """Assert that check_curve and the floor give the same statuses; return the checks."""
    checks = [check_curve(*unit) for unit in units]
    ours = [[rule.status.id for rule in check.rules] for check in checks]
    assert ours == [floor_statuses(unit) for unit in plain(units)], "statuses disagree"
    assert all(rule.rule.bound is not CurveBound.MUST_INCLUDE or rule.quota == 1
               for check in checks for rule in check.rules)  # fmt: skip
    return checks


def report(title: str, units: Sequence[Unit], repeat: int) -> dict[str, tuple[float, int]]:
    """Time the three paths over *units*; return each path's best seconds and item count."""
    checks = check_equivalent(units)
    plain_units = plain(units)
    paths: dict[str, tuple[Callable[[Any], object], Sequence[Any]]] = {
        "check_curve": (lambda unit: check_curve(*unit), units),
        "propose_calibration": (propose_calibration, checks),
        "floor (count + compare)": (floor_statuses, plain_units),
    }
    settle()
    best = dict.fromkeys(paths, float("inf"))
    for _ in range(repeat):
        for name, (run, items) in paths.items():  # interleaved, so drift hits every path alike
            best[name] = min(best[name], time_once(run, items))
    employees = sum(len(staff) for _, _, staff in units)
    changes = sum(len(propose_calibration(check).changes) for check in checks)
    complying = sum(check.compliant for check in checks)
    print(f"\n{title}: {len(units)} unit(s), {employees} employees")
    print(f"  compliant before: {complying}/{len(units)}; changes proposed in all: {changes}")
    floor = best["floor (count + compare)"]
    print(f"  {'path':26} {'total s':>9} {'µs/unit':>10} {'µs/employee':>12} {'vs floor':>9}")
    for name, seconds in best.items():
        per_unit = seconds / len(units) * 1e6
        per_employee = seconds / employees * 1e6
        print(
            f"  {name:26} {seconds:9.3f} {per_unit:10.1f} {per_employee:12.2f}"
            f" {seconds / floor:8.1f}x"
        )
    return {name: (seconds, len(units)) for name, seconds in best.items()}


def main(argv: Sequence[str] | None = None) -> int:
    args = arguments(__doc__, argv, default_n=50_000, extra={"--unit": 1_000})
    built = time.perf_counter()
    one_unit = [make_unit(random.Random(args.seed), "unit-big", args.unit)]
    agency = make_agency(args.n, args.seed)
    built = time.perf_counter() - built

    print("bench_curve: distribution-curve check and calibration proposal (PermenPANRB 6/2022)")
    print(
        f"shape: cells drawn per rating with weights below/meets/above {LEVEL_WEIGHTS};"
        " first employee of each unit its leader (work rating fixed); unit grades drawn"
    )
    print(f"  seed {args.seed}; built in {built:.1f} s; best of {args.repeat} run(s)")
    print("floor: counts grade ids and compares with integer quotas (statuses checked equal)")
    report(f"one unit of {args.unit}", one_unit, args.repeat)
    report(f"an agency of {args.n}", agency, args.repeat)
    print(f"\npeak RSS: {peak_rss_mib():,.0f} MiB (whole process, inputs included)")
    print(environment())
    return 0


if __name__ == "__main__":
    sys.exit(main())
