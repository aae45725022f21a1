"""
Score a spreadsheet of appraisals and export the results, as an HR officer's script would.

Writes the sample unit as a filled XLSX template (or CSV files without the ``xlsx``
extra), reads it back with every check, scores each appraisal under the regime
that governs its period, checks the unit against its distribution curve, and
writes the results beside it.

Run: python examples/score_spreadsheet.py [FOLDER]   (a temporary folder by default)
"""

from __future__ import annotations

import importlib.util
import sys
import tempfile
from pathlib import Path

import penilaian as p
from penilaian.analysis.curve import check_curve
from penilaian.exceptions import InvalidInputError
from penilaian.io.spreadsheet import read_appraisals, write_appraisals, write_results


def main(folder: Path) -> int:
    fmt = "xlsx" if importlib.util.find_spec("openpyxl") else "csv"
    source = folder / ("unit.xlsx" if fmt == "xlsx" else "unit")
    write_appraisals(source, p.load_sample_unit().appraisals, fmt)
    try:
        appraisals = read_appraisals(source)
    except InvalidInputError as error:  # every problem, each with its sheet, row and column
        print(error, file=sys.stderr)
        return 1
    registry = p.default_registry()
    results = [registry.get(p.suggest_regime(a.period)).score(a) for a in appraisals]
    for appraisal, result in zip(appraisals, results, strict=True):
        grade = result.grade.label("en") if result.grade else "incomplete"
        print(f"{appraisal.employee.name:32} {result.regime:14} {grade}")
    target = folder / ("results.xlsx" if fmt == "xlsx" else "results")
    write_results(target, results, appraisals, fmt, lang="en")
    print(f"results written to {target}")
    unit = p.load_sample_unit()
    check = check_curve(unit.unit.id, unit.unit_grade, unit.graded(tuple(results)))
    print(check.describe("en"))
    return 0


if __name__ == "__main__":
    if len(sys.argv) > 1:
        raise SystemExit(main(Path(sys.argv[1])))
    with tempfile.TemporaryDirectory() as scratch:
        raise SystemExit(main(Path(scratch)))
