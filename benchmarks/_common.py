"""Helpers every benchmark shares: timing one pass, peak memory, and fresh inputs."""

from __future__ import annotations

import argparse
import contextlib
import gc
import math
import os
import platform
import resource
import statistics
import sys
import time
import tracemalloc
from importlib.metadata import version
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Mapping, Sequence
    from decimal import Decimal

T = TypeVar("T")

# The per-appraisal lookup indexes that `penilaian.Appraisal` computes once and keeps.
_CACHED = ("rater_roles", "ratings_by_subject")


def forget_caches(appraisals: Iterable[Any]) -> None:
    """
    Drop the indexes an appraisal keeps after its first scoring.

    A timed pass must pay for them, as a freshly loaded appraisal does; without this
    the second pass over the same objects would look faster than real use.
    """
    for appraisal in appraisals:
        for name in _CACHED:
            with contextlib.suppress(AttributeError):
                object.__delattr__(appraisal, name)


def arguments(
    doc: str,
    argv: Sequence[str] | None = None,
    *,
    default_n: int = 100_000,
    extra: Mapping[str, int] | None = None,
) -> argparse.Namespace:
    """Parse the options every benchmark takes (--n, --repeat, --seed) and its *extra* sizes."""
    parser = argparse.ArgumentParser(description=doc.split("\n\n", 1)[0].strip())
    parser.add_argument("--n", type=int, default=default_n, help=f"size (default {default_n})")
    parser.add_argument("--repeat", type=int, default=3, help="runs, best kept (default 3)")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    for option, default in (extra or {}).items():
        parser.add_argument(option, type=int, default=default, help=f"size (default {default})")
    args = parser.parse_args(argv)
    sizes = [args.n, args.repeat, *(getattr(args, o.lstrip("-")) for o in extra or {})]
    if min(sizes) < 1:
        parser.error("sizes and --repeat must be at least 1")
    return args


def settle() -> None:
    """
    Collect garbage, then move every live object out of the collector's reach.

    Call it once the inputs are built: a timed pass then pays only for the
    collections its own allocations need, not for walking all N inputs each time.
    """
    gc.collect()
    gc.freeze()


def time_once(run: Callable[[Any], object], items: Sequence[Any], *, fresh: bool = False) -> float:
    """
    Return the seconds *run* takes over all *items*; results are dropped as they come.

    With *fresh*, the items' cached indexes are dropped first (outside the timing).
    """
    if fresh:
        forget_caches(items)
    gc.collect()
    start = time.perf_counter()
    for item in items:
        run(item)
    return time.perf_counter() - start


def peak_rss_mib() -> float:
    """The peak resident memory of this process so far, in MiB."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024 if sys.platform == "darwin" else 1024)  # macOS bytes, Linux KiB


def environment(*packages: str) -> str:
    """One line naming the interpreter, penilaian and *packages* with versions, cores, platform."""
    versions = "".join(f", {name} {version(name)}" for name in ("penilaian", "attrs", *packages))
    return (
        f"{platform.python_implementation()} {platform.python_version()}{versions}, "
        f"os.cpu_count()={os.cpu_count()}, {platform.platform()}"
    )


def best_of(repeat: int, run: Callable[[], T]) -> tuple[float, T]:
    """The best of *repeat* timed runs of *run*, in seconds, and what the last run returned."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        result = run()
        best = min(best, time.perf_counter() - start)
    return best, result


def peak_mib(run: Callable[[], object]) -> float:
    """The peak memory traced while *run* runs once (numpy reports to tracemalloc), in MiB."""
    tracemalloc.start()
    tracemalloc.reset_peak()
    run()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 2**20


def half_up(numerator: Decimal, denominator: Decimal | int) -> Decimal:
    """
    ``numerator / denominator`` rounded half away from zero to a whole number, exactly.

    Decimal ``//`` and ``%`` are exact (no context rounding while the quotient fits the
    precision), unlike ``/``: the hand-written floors use this where a rounding point
    follows a division that does not terminate (a mean of 6, a ratio over 12 months).
    *denominator* must be positive.
    """
    whole, rest = divmod(numerator, denominator)  # truncates toward zero; rest has numerator's sign
    if rest + rest >= denominator:
        return whole + 1
    if -(rest + rest) >= denominator:
        return whole - 1
    return whole


def float_half_up(value: float, places: int = 2) -> float:
    """*value* rounded half up to *places* in floats: for the float floors, shown for scale only."""
    scale: float = 10**places
    return math.floor(value * scale + 0.5) / scale


def traced_paths(
    score: Callable[..., Any], appraisals: Sequence[Any]
) -> dict[str, tuple[Callable[[Any], object], Sequence[Any]]]:
    """
    The three paths of a regime's ``score(appraisal, trace=...)`` on *appraisals*.

    ``trace off``; ``trace on``, the result dropped unread (a deferred trace is never
    built); ``trace read``, the whole trace walked, as a person reading it would (which
    builds a deferred one).
    """

    def trace_read(appraisal: Any) -> object:
        trace = score(appraisal).trace
        assert trace is not None
        return sum(1 for _ in trace.walk())

    return {
        "trace off": (lambda appraisal: score(appraisal, trace=False), appraisals),
        "trace on": (score, appraisals),
        "trace read": (trace_read, appraisals),
    }


def interleaved_medians(
    paths: Mapping[str, tuple[Callable[[Any], object], Sequence[Any]]], repeat: int
) -> dict[str, float]:
    """
    Time every path *repeat* times, round after round (A/B interleaved), and return medians.

    Each path is (what to run on one item, its items); appraisals get their cached
    indexes dropped before each timed pass (``fresh``), other items are left alone.
    Interleaving makes drift on a loaded machine hit every path alike.
    """
    samples: dict[str, list[float]] = {name: [] for name in paths}
    for _ in range(repeat):
        for name, (run, items) in paths.items():
            samples[name].append(time_once(run, items, fresh=True))
    return {name: statistics.median(times) for name, times in samples.items()}


def print_paths(median: Mapping[str, float], n: int) -> None:
    """
    Print each path's total, microseconds per appraisal, and ratio to ``floor`` and ``float``.

    The table of the scalar benchmarks: *median* holds each path's median seconds for
    *n* appraisals, ``floor`` and ``float`` among them.
    """
    header = f"{'path':<10} {'N':>9} {'total s':>9} {'µs/appraisal':>13}"
    print(f"{header} {'vs floor':>9} {'vs float':>9}")
    for name, seconds in median.items():
        per = seconds / n * 1e6
        ratio, scale = seconds / median["floor"], seconds / median["float"]
        print(f"{name:<10} {n:>9} {seconds:>9.3f} {per:>13.1f} {ratio:>8.2f}x {scale:>8.2f}x")
