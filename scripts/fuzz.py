"""
Fuzz the JSON door: mutate the shipped samples, structure each, and score what loads.

    .venv/bin/python scripts/fuzz.py                      # 100,000 documents, seed 0
    .venv/bin/python scripts/fuzz.py --count 3000 --seed 7

Each document is a shipped sample (`penilaian.load_sample`), unstructured to plain
data and changed one to three times: a number replaced by another (in or out of the
bounds), a value replaced by a huge, tiny or malformed number, a string, a list, an
object or data nested too deep; a key deleted, added or given twice in the JSON text;
a list item repeated; a part moved elsewhere.  The document is structured with
`penilaian.serialization.structure` and, if it loads, scored under every regime of
`penilaian.default_registry()`.  Only `penilaian.PenilaianError` subclasses may come
out, each with a message of at most `MESSAGE` characters, and each document must take
under a second of processor time.

The script prints how many documents it ran, how many let an untyped error (or an
overlong message) out and how many took a second or more, with the first few of each
and the index that reproduces one (``--start INDEX --count 1``); it exits 1 if any did.
`tests/test_fuzz.py` runs the same with a few hundred documents.
"""

from __future__ import annotations

import argparse
import copy
import json
import multiprocessing
import operator
import random
import sys
import time
import traceback
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs

import penilaian
from penilaian.io.samples import SAMPLES
from penilaian.serialization import parse_json, structure, unstructure

if TYPE_CHECKING:
    from collections.abc import Callable
    from multiprocessing.connection import Connection

SECOND = 1.0
"""The processor time one document may take, structuring and every regime's scoring."""

MESSAGE = 30_000
"""The longest error message allowed: a hundred problems of a few hundred characters each."""

_Path = tuple[Any, ...]


def _nested(depth: int, *, objects: bool) -> Any:  # noqa: ANN401 - JSON data
    value: Any = "leaf"
    for _ in range(depth):
        value = {"children": value} if objects else [value]
    return value


_STRANGE: tuple[Callable[[random.Random], Any], ...] = (
    # Numbers out of bounds, at the bounds, malformed, or not finite.
    lambda _: Decimal("1e5000"),
    lambda _: Decimal("1e999999"),
    lambda _: Decimal("-1e-999999"),
    lambda _: "1e999999",
    lambda _: "1e-999999",
    lambda _: Decimal("1e39"),
    lambda _: Decimal("1e40"),
    lambda _: Decimal("1e-40"),
    lambda _: Decimal("1e-41"),
    lambda _: Decimal("0E+1000"),
    lambda _: 10**39,
    lambda _: -(10**40),
    lambda _: 10**4299,
    lambda _: -(10**5000),
    lambda _: "9" * 5000,
    lambda _: "0." + "0" * 5000 + "1",
    lambda _: Decimal("NaN"),
    lambda _: Decimal("-Infinity"),
    lambda _: "Infinity",
    lambda _: 1e308,
    lambda _: 5e-324,
    lambda _: -0.0,
    lambda rng: rng.choice([0, 1, -1, 2, 3, 100, 2**63]),
    lambda rng: Decimal(rng.choice(["0", "0.5", "-0.01", "99.999999", "1.000000000"])),
    lambda rng: rng.choice(["1/3", "1/0", "2/7", "-1/2", "10/" + "9" * 300, "1/" + "3" * 45]),
    # Text.
    lambda rng: rng.choice(["", " ", "x", "NaN", "é" * 3, "\u0000", "2024-02-30", "2024-Q5"]),
    lambda rng: rng.choice(["199203152019032001", "kind", "point", "supervisor", "berakhlak"]),
    lambda rng: "x" * rng.choice([300, 100_000]),
    # Other JSON values.
    lambda rng: rng.choice([True, False, None]),
    lambda rng: rng.choice([[], [None], [1], ["x"], [[]], [{}]]),
    lambda rng: ["x"] * rng.choice([2, 1000, 20_000]),
    lambda rng: [rng.randrange(10)] * rng.choice([3, 5000]),
    lambda rng: rng.choice([{}, {"kind": "point"}, {"kind": "range"}, {"kind": "nope"}]),
    lambda _: {"value": "1", "low": "1", "high": "0", "kind": "range"},
    lambda rng: _nested(rng.choice([10, 63, 64, 65, 500, 5000]), objects=False),
    lambda rng: _nested(rng.choice([10, 63, 64, 65, 500, 5000]), objects=True),
)


# Half the changes put a number where one was, so that many documents load and are scored.
_ACTIONS = ("number",) * 7 + ("replace", "replace", "delete", "repeat", "add", "twice", "move")

_NUMBERS: tuple[Any, ...] = (
    # Plausible numbers, which let a document load and be scored, and some out of bounds.
    *("0", "1", "-1", "0.5", "2.5", "3", "4", "5", "50", "99.5", "100", "101", "120", "1e2"),
    *("1e-3", "1e3", "-0.01", "123456789.123456789", "1e39", "-1e39", "1e40", "1e-40"),
    *("1e-41", "1/3", "2/3", Decimal("1e5000"), Decimal("1e-999999"), 0, 3, 10**39, 10**40),
)


def _is_number(value: Any) -> bool:  # noqa: ANN401 - JSON data
    if isinstance(value, str):
        return value.replace(".", "", 1).replace("-", "", 1).isdigit()
    return isinstance(value, int | Decimal) and not isinstance(value, bool)


def _paths(data: Any) -> list[_Path]:  # noqa: ANN401 - JSON data
    """Return the path of every value in *data* below its root, without recursion."""
    found: list[_Path] = []
    stack: list[tuple[Any, _Path]] = [(data, ())]
    while stack:
        value, path = stack.pop()
        if path:
            found.append(path)
        if len(path) > 80:  # a mutation nested this deep already; do not walk it all
            continue
        if isinstance(value, dict):
            stack.extend((item, (*path, key)) for key, item in value.items())
        elif isinstance(value, list):
            stack.extend((item, (*path, index)) for index, item in enumerate(value))
    return found


def _get(data: Any, path: _Path) -> Any:  # noqa: ANN401 - JSON data
    for key in path:
        data = data[key]
    return data


def _edit(data: Any, path: _Path, change: Callable[[Any], None]) -> Any:  # noqa: ANN401
    """Return *data* with the container at *path* copied and changed: no deep copy."""
    root = copy.copy(data)
    here = root
    for key in path:
        here[key] = copy.copy(here[key])
        here = here[key]
    change(here)
    return root


def _put(data: Any, path: _Path, value: Any) -> Any:  # noqa: ANN401 - JSON data
    """Return *data* with *value* at *path* (a path of at least one step)."""
    return _edit(data, path[:-1], lambda here: here.__setitem__(path[-1], value))


def mutate(document: dict[str, Any], rng: random.Random) -> tuple[dict[str, Any], list[str]]:
    """Change *document* one to three times; return the result and what was done, in words."""
    done: list[str] = []
    for _ in range(rng.choice([1, 1, 2, 3])):
        paths = _paths(document)
        path = rng.choice(paths)
        parent, key = path[:-1], path[-1]
        container = _get(document, parent)
        action = rng.choice(_ACTIONS)
        numbers = [found for found in paths if _is_number(_get(document, found))]
        if action == "number" and numbers:
            path = rng.choice(numbers)
            new = rng.choice(_NUMBERS)
            document = _put(document, path, new)
            done.append(f"replace {path} by {_brief(new)}")
        elif action in {"replace", "number"}:
            new = rng.choice(_STRANGE)(rng)
            document = _put(document, path, new)
            done.append(f"replace {path} by {_brief(new)}")
        elif action == "delete":
            document = _edit(document, parent, operator.methodcaller("__delitem__", key))
            done.append(f"delete {path}")
        elif action == "repeat" and isinstance(container, list):
            times = rng.choice([1, 2, 50])
            item = container[key]
            document = _edit(document, parent, operator.methodcaller("extend", [item] * times))
            done.append(f"repeat {path} {times} times")
        elif action == "add" and isinstance(container, dict):
            name = rng.choice(["extra", str(key).upper(), "kind", "id", "value", ""])
            new = rng.choice(_STRANGE)(rng)
            document = _put(document, (*parent, name), new)
            done.append(f"add key {name!r} = {_brief(new)} to {parent}")
        elif action == "twice" and parent and isinstance(container, dict):
            twice = _twice(container, key, rng.choice(_NUMBERS))
            document = document if twice is None else _put(document, parent, twice)
            done.append(f"give {path} twice in the text")
        else:
            source = rng.choice(paths)
            document = _put(document, path, _get(document, source))
            done.append(f"put {source} at {path}")
    return document, done


def _twice(container: dict[str, Any], key: str, value: Any) -> Any:  # noqa: ANN401 - JSON data
    """Return *container* read from JSON text that gives *key* twice, the second time *value*."""
    pairs = [*container.items(), (key, value)]
    try:
        text = ", ".join(
            f"{json.dumps(name)}: {json.dumps(item, default=str)}" for name, item in pairs
        )
    except (ValueError, RecursionError):  # a huge int or a deep list: no text for it
        return None
    return parse_json("{" + text + "}")


def _brief(value: Any) -> str:  # noqa: ANN401 - JSON data
    """Describe *value* in a few words, whatever its size (no repr of a huge int or deep list)."""
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 64:
        return f"an int of {value.bit_length()} bits"
    if isinstance(value, str) and len(value) > 40:
        return f"{value[:20]!r}... ({len(value)} characters)"
    if isinstance(value, list | dict):
        first = next(iter(value.values() if isinstance(value, dict) else value), None)
        return f"a {type(value).__name__} of {len(value)}, first a {type(first).__name__}"
    return f"{type(value).__name__} {value!r}"[:80]


@attrs.define
class Outcome:
    """What fuzzing found: the documents run, the untyped errors, the slow documents."""

    documents: int = 0
    loaded: int = 0
    untyped: list[str] = attrs.Factory(list)
    slow: list[str] = attrs.Factory(list)


def _samples() -> list[dict[str, Any]]:
    seen: dict[str, dict[str, Any]] = {}
    for regime_id, name in SAMPLES.items():
        if name not in seen:
            seen[name] = unstructure(penilaian.load_sample(regime_id))
    return list(seen.values())


def _attempt(document: Any, registry: penilaian.StrategyRegistry) -> tuple[bool, list[str]]:  # noqa: ANN401
    """Structure *document*, then score it: whether it loaded, and a line per untyped error."""
    try:
        appraisal = structure(document, penilaian.Appraisal)
    except penilaian.PenilaianError as error:
        return False, _long("structure", error)
    except Exception as error:  # noqa: BLE001 - finding these is the point
        return False, [f"structure: {_described(error)}"]
    return True, [line for regime_id in registry for line in _score(appraisal, regime_id, registry)]


def _score(
    appraisal: penilaian.Appraisal, regime_id: str, registry: penilaian.StrategyRegistry
) -> list[str]:
    try:
        registry.get(regime_id).score(appraisal)
    except penilaian.PenilaianError as error:
        return _long(regime_id, error)
    except Exception as error:  # noqa: BLE001 - finding these is the point
        return [f"{regime_id}: {_described(error)}"]
    return []


def _long(where: str, error: penilaian.PenilaianError) -> list[str]:
    """A finding if the message of *error* is longer than `MESSAGE`: it must not grow with input."""
    size = len(str(error))
    return [f"{where}: a message of {size} characters"] if size > MESSAGE else []


def _described(error: BaseException) -> str:
    where = traceback.extract_tb(error.__traceback__)[-1]
    message = str(error)[:160] if not isinstance(error, RecursionError) else "recursion"
    return f"{type(error).__name__}: {message} ({where.filename}:{where.lineno})"


def _document(samples: list[dict[str, Any]], seed: int, index: int) -> tuple[Any, str]:
    """Return document *index* of *seed* and its label: the same in any process, any order."""
    rng = random.Random(f"{seed}:{index}")  # noqa: S311 - reproducible, not secret
    document, done = mutate(rng.choice(samples), rng)
    return document, f"#{index} [{'; '.join(done)}]"


def _work(sender: Connection, seed: int, start: int, stop: int) -> None:
    """Run documents *start* to *stop* (excluded); report (index, loaded, untyped, spent) each."""
    samples = _samples()
    registry = penilaian.default_registry()
    for index in range(start, stop):
        document, _ = _document(samples, seed, index)
        began = time.process_time()
        loaded, untyped = _attempt(document, registry)
        sender.send((index, loaded, untyped, time.process_time() - began))
    sender.close()


def fuzz(count: int, seed: int = 0, start: int = 0, *, watchdog: float = 30.0) -> Outcome:
    """
    Run *count* mutated documents from *start* on; document *i* depends on *seed* and *i* only.

    The documents run in a worker process.  Big-integer work that a signal cannot
    interrupt may hang one, so a document that gives no answer in *watchdog* seconds
    is counted as slow, its worker is killed, and a new one goes on with the next.

    Returns:
        The outcome: each untyped error and each slow document with its index and mutations.
    """
    samples = _samples()
    context = multiprocessing.get_context("fork")
    outcome = Outcome()
    index, stop = start, start + count
    while index < stop:
        receiver, sender = context.Pipe(duplex=False)
        worker = context.Process(target=_work, args=(sender, seed, index, stop), daemon=True)
        worker.start()
        sender.close()
        while index < stop:
            if not receiver.poll(watchdog):
                worker.kill()
                outcome.slow.append(f"{_document(samples, seed, index)[1]} hung ({watchdog} s)")
            else:
                try:
                    done, loaded, untyped, spent = receiver.recv()
                except EOFError:  # the worker died without a word: out of memory, say
                    worker.join()
                    line = f"worker died (exit code {worker.exitcode})"
                    outcome.untyped.append(f"{_document(samples, seed, index)[1]} {line}")
                else:
                    outcome.loaded += loaded
                    label = _document(samples, seed, done)[1] if untyped or spent >= SECOND else ""
                    outcome.untyped.extend(f"{label} {line}" for line in untyped)
                    if spent >= SECOND:
                        outcome.slow.append(f"{label} took {spent:.2f} s")
                    outcome.documents += 1
                    index = done + 1
                    continue
            outcome.documents += 1
            index += 1
            break
        worker.join()
        receiver.close()
    return outcome


def main(argv: list[str] | None = None) -> int:
    """Run the fuzzer from the command line; return 1 if it found anything."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--count", type=int, default=100_000, help="documents (100000)")
    parser.add_argument("--seed", type=int, default=0, help="the seed (0)")
    parser.add_argument("--start", type=int, default=0, help="the first document's index (0)")
    parser.add_argument("--show", type=int, default=10, help="findings to print of each kind")
    parser.add_argument("--watchdog", type=float, default=30.0, help="seconds before a hang (30)")
    args = parser.parse_args(argv)
    began = time.monotonic()
    outcome = fuzz(args.count, args.seed, args.start, watchdog=args.watchdog)
    print(f"documents: {outcome.documents} (seed {args.seed}, {time.monotonic() - began:.0f} s)")
    print(f"structured and scored: {outcome.loaded}")
    print(f"untyped errors: {len(outcome.untyped)}")
    for line in outcome.untyped[: args.show]:
        print(f"  {line}")
    print(f"documents over {SECOND:.0f} s: {len(outcome.slow)}")
    for line in outcome.slow[: args.show]:
        print(f"  {line}")
    return 1 if outcome.untyped or outcome.slow else 0


if __name__ == "__main__":
    sys.exit(main())
