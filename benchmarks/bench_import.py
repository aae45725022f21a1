"""
Benchmark ``import penilaian`` against starting Python and importing attrs.

Each sample is a fresh interpreter (``python -c ...``), so nothing is cached in the
process; the three commands are interleaved, round after round, and the medians are
compared.  The floors: ``python -c pass`` (starting the interpreter at all) and
``python -c "import attrs"`` (the one dependency every penilaian value needs).  The
aim is ``import penilaian`` within 100 ms, and it is reported beside the floors.

Also timed: the first use of a name of the face (``penilaian.Appraisal``), which
imports the model, and of a regime (``penilaian.Pp30Regime``), which imports the
scoring path: the face is lazy, so these costs come when a name is used.

    .venv/bin/python benchmarks/bench_import.py            # 3 x 20 rounds
    .venv/bin/python benchmarks/bench_import.py --n 5      # quick
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time

from _common import arguments, environment

COMMANDS = {
    "python -c pass (floor)": "pass",
    "import attrs (floor)": "import attrs",
    "import penilaian": "import penilaian",
    "penilaian.Appraisal": "import penilaian; penilaian.Appraisal",
    "penilaian.Pp30Regime": "import penilaian; penilaian.Pp30Regime",
}
AIM_MS = 100


def _sample(code: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True)  # noqa: S603 - our own interpreter
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> None:
    """Time each command in fresh interpreters, interleaved, and print medians and ratios."""
    args = arguments(__doc__ or "", argv, default_n=20)
    samples: dict[str, list[float]] = {name: [] for name in COMMANDS}
    for _ in range(args.repeat):
        for _ in range(args.n):
            for name, code in COMMANDS.items():
                samples[name].append(_sample(code))
    medians = {name: statistics.median(times) * 1000 for name, times in samples.items()}
    floor = medians["python -c pass (floor)"]
    attrs_floor = medians["import attrs (floor)"]
    print(environment())
    print(f"{args.repeat} x {args.n} interleaved fresh interpreters each; medians:")
    for name, median in medians.items():
        print(
            f"  {name:<26} {median:7.1f} ms   {median / floor:5.2f}x python floor   "
            f"{median / attrs_floor:5.2f}x attrs floor   +{median - floor:6.1f} ms over python"
        )
    verdict = "met" if medians["import penilaian"] <= AIM_MS else "NOT met"
    print(f"aim: import penilaian <= {AIM_MS} ms: {verdict}")


if __name__ == "__main__":
    main()
