"""
List what is still missing in an appraisal, and show that missing is not zero.

Run: python examples/missing_realisations.py [FILE]   (the shipped sample by default)
"""

from __future__ import annotations

import sys
from pathlib import Path

import penilaian as p
from penilaian import load_sample
from penilaian.exceptions import InvalidInputError
from penilaian.serialization import loads


def missing(appraisal: p.Appraisal) -> list[str]:
    """Return one line per indicator without a realisation, and per role without ratings."""
    lines = [
        f"{target.id}/{indicator.id}: {indicator.description} (no realisation yet)"
        for target, indicator in appraisal.indicators()
        if indicator.realisation is None
    ]
    rated = {rating.rater_id for rating in appraisal.ratings}
    lines += [
        f"{rater.role.label('en')} {rater.name or rater.id}: no ratings yet"
        for rater in appraisal.raters
        if rater.id not in rated
    ]
    return lines


def main(argv: list[str]) -> int:
    """Print what is missing in the appraisal of FILE (or the sample)."""
    try:
        appraisal = loads(Path(argv[0]).read_bytes(), p.Appraisal) if argv else load_sample()
    except InvalidInputError as error:
        print(error, file=sys.stderr)
        return 1
    print(f"{appraisal.employee.name}, {appraisal.period.label('en')}:")
    for line in missing(appraisal) or ["nothing missing"]:
        print(f"  - {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
