"""
Benchmark: score an N-row spreadsheet end to end, each phase against an openpyxl floor.

The workbook is written once, untimed, by ``penilaian.io.spreadsheet.write_appraisals``
(N data rows over all sheets, 10 rows per appraisal).  Then, each phase timed on its own:

- **read**: ``read_appraisals(path)``: zip checks, every cell read by its column's
  type, every appraisal built through the library's constructors and checked; shown
  split into its **cells** pass (zip checks, openpyxl, typed cells) and its **build**
  pass (the library's constructors and the cross-sheet checks);
- **score**: ``Permen6Regime().score(appraisal, trace=False)`` for every appraisal;
- **write**: ``write_results(path, results, appraisals)`` (results, figures, categories);
- **read csv**: ``read_appraisals(directory)`` on the same appraisals written as CSV.

Floors, in the same process on the same files:

- **read floor**: ``openpyxl.load_workbook(path, read_only=True)`` and
  ``iter_rows(values_only=True)`` over every sheet: the same cells, nothing checked;
- **write floor**: an openpyxl write-only workbook with the same result rows as plain
  values (no styles, no checks), saved;
- **csv floor**: ``csv.reader`` over the same CSV files.

Timing is reported, never asserted.

    python benchmarks/bench_spreadsheet.py                     # N=50,000 rows, best of 3
    python benchmarks/bench_spreadsheet.py --n 50 --repeat 1   # a smoke run, seconds
"""

from __future__ import annotations

import csv
import gc
import random
import sys
import tempfile
import time
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

import openpyxl
from _common import arguments, environment, peak_rss_mib

from penilaian import (
    BERAKHLAK,
    EXPECTATION_SCALE,
    Appraisal,
    Employee,
    ExpectationLevel,
    Indicator,
    Period,
    PointTarget,
    Position,
    PositionKind,
    QualitativeTarget,
    RangeTarget,
    Rater,
    RaterRole,
    Rating,
    Realisation,
    WorkTarget,
)
from penilaian.io._assemble import assemble
from penilaian.io._rows import Builder, typed_rows
from penilaian.io._xlsx import Limits, read_xlsx
from penilaian.io.spreadsheet import (
    DEFAULT_MAX_BYTES,
    DEFAULT_MAX_ROWS,
    DEFAULT_MAX_UNPACKED_BYTES,
    read_appraisals,
    write_appraisals,
    write_results,
)
from penilaian.io.tables import INSTRUCTIONS_SHEET, RESULT_TABLES, TABLES
from penilaian.model import OVERALL_BEHAVIOUR, OVERALL_WORK_RESULTS
from penilaian.regimes.permen6_2022 import Permen6Regime

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from penilaian import Result

ROWS_PER_APPRAISAL = 10  # 1 employee, 3 targets, 3 realisations, 2 ratings, 1 scale
LEVELS = tuple(ExpectationLevel)
SHAPE = (
    "one appraisal = 10 rows: employees 1 (NIP-less employee, Ahli Pertama, year 2024, "
    "berakhlak),\n  targets 3 (2 work targets: point, range, qualitative indicators), "
    "realisations 3 (dated, with evidence),\n  ratings 2 (the supervisor's work_results and "
    "behaviour levels), scales 1 (the expectation scale)"
)


def make_appraisal(rng: random.Random, number: int) -> Appraisal:
    """Build one valid appraisal, the same for the same *rng* state and *number*."""
    code = f"{number:06d}"
    indicators = (
        Indicator("iki-1", "Jumlah dokumen analisis", "quantity", PointTarget(12), unit="dokumen",
                  realisation=Realisation(rng.randrange(5, 15), evidence=(f"bukti/{code}-1.pdf",),
                                          recorded_on=date(2024, 12, rng.randrange(1, 29)))),
        Indicator("iki-2", "Persentase pegawai terlayani", "quality", RangeTarget(80, 90), unit="%",
                  realisation=Realisation(Decimal(rng.randrange(7000, 10000)) / 100)),
        Indicator("iki-3", "Modul siap dipakai", "quality",
                  QualitativeTarget("Disetujui tanpa revisi mayor"),
                  realisation=Realisation(description="Disetujui dengan revisi minor")),
    )  # fmt: skip
    supervisor = Rater("atasan", RaterRole.SUPERVISOR, f"sup-{code}", "Atasan langsung")
    ratings = tuple(
        Rating("atasan", subject, EXPECTATION_SCALE.id, level=rng.choice(LEVELS).value)
        for subject in (OVERALL_WORK_RESULTS, OVERALL_BEHAVIOUR)
    )
    return Appraisal(
        f"skp-2024-{code}",
        Employee(f"emp-{code}", f"Pegawai {number}"),
        Position("Analis SDM Aparatur Ahli Pertama", PositionKind.EXPERT_FIRST, unit_id="bkpsdm"),
        Period.year(2024),
        BERAKHLAK,
        (
            WorkTarget("rhk-1", "Tersusunnya rencana pengembangan", indicators[:2]),
            WorkTarget("rhk-2", "Tersusunnya modul", indicators[2:], kind="additional"),
        ),
        (supervisor,),
        (EXPECTATION_SCALE,),
        ratings,
    )


def timed(run: Callable[[], object], repeat: int) -> tuple[float, object]:
    """Return the best seconds of *repeat* runs of *run*, and its last result."""
    best, result = float("inf"), None
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        result = run()
        best = min(best, time.perf_counter() - start)
    return best, result


def read_floor(path: Path) -> int:
    """Iterate every cell of every table's sheet with openpyxl, read-only, values only."""
    book = openpyxl.load_workbook(path, read_only=True)
    rows = 0
    for sheet in book.worksheets:
        if sheet.title != INSTRUCTIONS_SHEET:  # the reader skips it too
            for _ in sheet.iter_rows(values_only=True):
                rows += 1
    book.close()
    return rows - len(TABLES)  # the data rows, without the header rows


def write_floor(path: Path, results: Sequence[Result], appraisals: Sequence[Appraisal]) -> None:
    """Write the same result rows as plain values with openpyxl's write-only workbook."""
    names = {appraisal.id: appraisal.employee for appraisal in appraisals}
    book = openpyxl.Workbook(write_only=True)
    sheets = {table.name: book.create_sheet(table.name) for table in RESULT_TABLES}
    for table in RESULT_TABLES:
        sheets[table.name].append(table.headers)
    for result in results:
        employee = names[result.appraisal_id]
        grade = result.grade
        sheets["results"].append(
            [result.appraisal_id, employee.id, employee.name, None, result.regime,
             grade and grade.value, grade and grade.label_id, result.score, result.is_complete,
             None]
        )  # fmt: skip
        for key, value in result.figures.items():
            sheets["figures"].append([result.appraisal_id, key, value])
        for key, text in result.ratings.items():
            sheets["categories"].append([result.appraisal_id, key, text])
    book.save(path)


def csv_floor(directory: Path) -> int:
    """Parse every CSV file of *directory* with csv.reader; count the rows."""
    rows = 0
    for path in sorted(directory.glob("*.csv")):
        with path.open(encoding="utf-8-sig", newline="") as stream:
            rows += sum(1 for _ in csv.reader(stream))
    return rows


def read_split(path: Path) -> tuple[float, float]:
    """Time read_appraisals' two passes apart: cells (zip, openpyxl, typed cells) and build."""
    limits = Limits(DEFAULT_MAX_BYTES, DEFAULT_MAX_ROWS, DEFAULT_MAX_UNPACKED_BYTES)
    gc.collect()
    start = time.perf_counter()
    tables, findings = read_xlsx(path.name, path.read_bytes(), limits)
    builder = Builder(list(findings))
    rows = {name: typed_rows(raw, builder.findings) for name, raw in tables.items()}
    middle = time.perf_counter()
    assemble(rows, builder)
    end = time.perf_counter()
    assert not builder.findings
    return middle - start, end - middle


def main(argv: Sequence[str] | None = None) -> int:
    args = arguments(__doc__, argv, default_n=50_000)
    count = max(1, args.n // ROWS_PER_APPRAISAL)
    rows = count * ROWS_PER_APPRAISAL
    rng = random.Random(args.seed)
    appraisals = tuple(make_appraisal(rng, number) for number in range(count))
    regime = Permen6Regime()

    with tempfile.TemporaryDirectory() as work:
        folder = Path(work)
        book, directory = folder / "appraisals.xlsx", folder / "appraisals"
        built = time.perf_counter()
        write_appraisals(book, appraisals)
        write_appraisals(directory, appraisals, format="csv")
        built = time.perf_counter() - built

        read_s, back = timed(lambda: read_appraisals(book), args.repeat)
        assert back == appraisals, "the round trip changed the appraisals"
        cells_s, build_s = min((read_split(book) for _ in range(args.repeat)), key=sum)
        floor_s, floor_rows = timed(lambda: read_floor(book), args.repeat)
        assert floor_rows == rows, (floor_rows, rows)
        score_s, results = timed(
            lambda: [regime.score(appraisal, trace=False) for appraisal in appraisals],
            args.repeat,
        )
        assert isinstance(results, list)
        write_s, _ = timed(
            lambda: write_results(folder / "results.xlsx", results, appraisals), args.repeat
        )
        write_floor_s, _ = timed(
            lambda: write_floor(folder / "floor.xlsx", results, appraisals), args.repeat
        )
        csv_s, csv_back = timed(lambda: read_appraisals(directory), args.repeat)
        assert csv_back == appraisals
        csv_floor_s, _ = timed(lambda: csv_floor(directory), args.repeat)
        size = book.stat().st_size

    result_rows = len(results) + sum(len(r.figures) + len(r.ratings) for r in results)
    lines = [
        ("read", read_s, rows, "rows", floor_s),
        ("  cells", cells_s, rows, "rows", floor_s),
        ("  build", build_s, count, "appraisals", None),
        ("read floor", floor_s, rows, "rows", floor_s),
        ("score", score_s, count, "appraisals", None),
        ("write", write_s, result_rows, "rows", write_floor_s),
        ("write floor", write_floor_s, result_rows, "rows", write_floor_s),
        ("read csv", csv_s, rows, "rows", csv_floor_s),
        ("csv floor", csv_floor_s, rows, "rows", csv_floor_s),
    ]
    end_to_end = read_s + score_s + write_s

    print("bench_spreadsheet: read an XLSX workbook, build and score appraisals, write results")
    print(f"workbook shape: {SHAPE}")
    print(
        f"  N={rows:,} data rows = {count:,} appraisals; {size:,} bytes; seed {args.seed}; "
        f"written in {built:.1f} s (untimed)"
    )
    print("measured: read_appraisals (cells + build), Permen6Regime().score(trace=False),")
    print("          write_results (results, figures, categories), read_appraisals on CSV")
    print("floors:   openpyxl read-only iter_rows(values_only=True) over every table's sheet;")
    print("          openpyxl write-only workbook with the same rows as plain values; csv.reader")
    print(f"best of {args.repeat} run(s) per phase, time.perf_counter")
    print()
    print(f"{'phase':<12} {'seconds':>9} {'per second':>12} {'of':<11} {'vs floor':>9}")
    for name, seconds, items, unit, floor in lines:
        ratio = f"{seconds / floor:>8.2f}x" if floor else f"{'':>9}"
        print(f"{name:<12} {seconds:>9.3f} {items / seconds:>12,.0f} {unit:<11} {ratio}")
    print()
    print(
        f"end to end (read + score + write): {end_to_end:.2f} s, "
        f"{rows / end_to_end:,.0f} rows/s; ratio read/floor {read_s / floor_s:.2f}, "
        f"write/floor {write_s / write_floor_s:.2f}"
    )
    print(f"peak RSS: {peak_rss_mib():,.0f} MiB (whole process)")
    print(environment("openpyxl"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
