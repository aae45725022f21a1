"""
The trace: every number of a result, the inputs it came from, the rule and clause.

A `Step` applies one `Rule` (a formula or table, with its regulation clause and its
wording in Indonesian and English) to named inputs and gives an output; steps nest,
so a result's trace is a tree whose root gives the final grade or score.  Values are
kept as exact text (``"88.67"``, ``"266/3"``) so that a person can redo the sums by
hand, and the whole tree serialises to JSON.

A rule's clause may carry a confidence tag, ``[HIGH]``, ``[MED]`` or ``[LOW]``: how sure
the library is of the rule's source.  `CONFIDENCE` says what each tag means, and
`Rule.confidence` reads the tags of a clause.
"""

from __future__ import annotations

import re
import threading
from decimal import Decimal
from enum import Enum
from fractions import Fraction
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Final

import attrs

from penilaian._base.checks import TUPLE, as_tuple, non_empty, repeated_indexes
from penilaian._base.numbers import format_number
from penilaian._base.slots import writable_twin
from penilaian.exceptions import DuplicateIdError, InvalidValueError

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence

    from penilaian._base.labels import Language

__all__ = ["CONFIDENCE", "MISSING", "Gap", "Rule", "Step", "deferred_step", "render_trace", "show"]

MISSING = "(missing)"
"""How an absent value is written in a trace: it is never written as 0."""

CONFIDENCE: Final[Mapping[str, tuple[str, str]]] = MappingProxyType(
    {
        "HIGH": (
            (
                "terlihat dalam teks peraturan atau dokumen resmi BKN/KemenPANRB, "
                "atau beberapa sumber yang saling lepas sepakat"
            ),
            (
                "seen in the regulation text or in an official BKN/KemenPANRB document, "
                "or several independent sources agree"
            ),
        ),
        "MED": (
            (
                "satu sumber sekunder, atau beberapa aplikasi e-kinerja publik yang sepakat, "
                "atau ingatan akan peraturan yang cocok dengan sebagian bukti"
            ),
            (
                "one secondary source, or several public e-kinerja codebases that agree, "
                "or a recollection of the regulation that matches partial evidence"
            ),
        ),
        "LOW": (
            (
                "hanya ingatan, disimpulkan, atau sumber-sumber tidak sepakat; "
                "aturannya dapat diatur dan bawaannya didokumentasikan"
            ),
            (
                "recollection only, inferred, or sources disagree; "
                "the rule is configurable and its default is documented"
            ),
        ),
    }
)
"""
What each confidence tag in a rule's clause means: the tag (``"HIGH"``) to its meaning
in Indonesian and in English, as the project's regulation notes define the tags.
`Rule.confidence` gives the tags of one clause.
"""

_TAG = re.compile(r"\[([A-Z]+)\]")


@attrs.frozen
class Gap:
    """
    Something a rule needed and did not have, so no grade was given.

    Attributes:
        path: Where, as a JSON path into the appraisal (``$.ratings``, ``$.targets[0]...``).
        reason: What is missing and which rule or policy needs it.
    """

    path: str = attrs.field(validator=non_empty)
    reason: str = attrs.field(validator=non_empty)


@attrs.frozen
class Rule:
    """
    A formula, table or convention that a step applies.

    Attributes:
        id: A stable name, such as ``"pp46.time"``.
        clause: Where it comes from, such as ``"Perka BKN 1/2013 Lampiran"``; for a
            convention of this library, the word "convention" and its confidence.
        text_id: The rule in Indonesian.
        text_en: The rule in English.
    """

    id: str = attrs.field(validator=non_empty)
    clause: str = attrs.field(validator=non_empty)
    text_id: str = attrs.field(validator=non_empty)
    text_en: str = attrs.field(validator=non_empty)

    def text(self, lang: Language = "id") -> str:
        """Return the rule's wording in *lang*."""
        return self.text_en if lang == "en" else self.text_id

    @property
    def confidence(self) -> tuple[str, ...]:
        """
        The confidence tags of the clause, in order (``("HIGH",)``); empty if it has none.

        A clause that joins two sources may carry two tags.  Every tag the library
        writes is a key of `CONFIDENCE`.

        >>> Rule("r", "PermenPANRB 6/2022 Pasal 5 [HIGH]; feedback [LOW]", "x", "x").confidence
        ('HIGH', 'LOW')
        """
        return tuple(_TAG.findall(self.clause))


def show(value: object) -> str:
    """
    Write *value* exactly, as a trace shows it.

    Decimals as they are, fractions as decimals when finite and as ``n/d``
    otherwise, enum members by their id, `None` as `MISSING`.
    """
    if value is None:
        return MISSING
    if type(value) is int or type(value) is str:
        return str(value)
    if isinstance(value, Fraction):
        return format_number(value)
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, Decimal | int | str | bool):
        return str(value)
    return repr(value)


def _pairs(value: Iterable[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    """Take the inputs as a tuple of pairs; a pair given as a list becomes a tuple."""
    items = as_tuple(value, "inputs")
    if all(type(item) is tuple for item in items):
        return items
    return tuple(tuple(item) if type(item) is list else item for item in items)


def _named_once(_step: object, _attribute: object, inputs: tuple[Any, ...]) -> None:
    """Validate pairs of texts whose names are unique, so that JSON can write them as an object."""
    # The common case in one plain loop: a step is built for every figure of a trace.
    seen: set[str] = set()
    for item in inputs:
        if type(item) is not tuple or len(item) != 2:
            break
        name, value = item
        if type(name) is not str or type(value) is not str or name in seen:
            break
        seen.add(name)
    else:
        return
    for index, item in enumerate(inputs):
        if not isinstance(item, tuple) or len(item) != 2:
            raise InvalidValueError(f"inputs[{index}]", item, "must be a (name, value) pair")
        for place, text in enumerate(item):
            if not isinstance(text, str):
                raise InvalidValueError(f"inputs[{index}][{place}]", text, "must be text")
    names = [name for name, _ in inputs]
    for index in repeated_indexes(names):
        raise DuplicateIdError(f"inputs[{index}]", names[index], "is given twice")


@attrs.frozen
class Step:
    """
    One application of a rule: inputs in, output out.

    Attributes:
        rule: The rule applied.
        output: The result, written exactly (see `show`).
        inputs: The named inputs, written exactly, in the order the rule reads them:
            (name, value) pairs of texts.  A name is given once per step, so that the
            JSON form can write the inputs as an object ``{"name": "value", ...}``;
            a name given twice is refused with a `penilaian.exceptions.DuplicateIdError`
            (``inputs[2]: is given twice``).
        subject: What the step is about (an indicator, aspect or target id), if any.
        children: The steps that produced the inputs.
    """

    rule: Rule
    output: str
    inputs: tuple[tuple[str, str], ...] = attrs.field(
        default=(), converter=_pairs, validator=_named_once
    )
    subject: str | None = None
    children: tuple[Step, ...] = attrs.field(default=(), converter=TUPLE)

    @classmethod
    def of(
        cls,
        rule: Rule,
        output: object,
        /,
        *,
        subject: str | None = None,
        children: Sequence[Step] = (),
        **inputs: object,
    ) -> Step:
        """Build a step, writing *output* and each input with `show`."""
        return cls.from_mapping(rule, output, inputs, subject=subject, children=children)

    @classmethod
    def from_mapping(
        cls,
        rule: Rule,
        output: object,
        inputs: Mapping[str, object],
        /,
        *,
        subject: str | None = None,
        children: Sequence[Step] = (),
    ) -> Step:
        """Build a step from inputs given as a mapping (for names made at run time)."""
        shown = tuple((name, show(value)) for name, value in inputs.items())
        return cls(rule, show(output), shown, subject, tuple(children))

    def walk(self) -> Iterator[Step]:
        """Yield this step and every step below it, depth first, parents first."""
        yield self
        for child in self.children:
            yield from child.walk()

    def find(self, rule_id: str) -> tuple[Step, ...]:
        """Return every step below (and including) this one that applies *rule_id*."""
        return tuple(step for step in self.walk() if step.rule.id == rule_id)


_BUILDING: Final = threading.RLock()
"""Held while a deferred step is built (see `deferred_step`)."""


class _DeferredStep(Step):
    """
    A `Step` built the first time anything of it is read (see `deferred_step`).

    Each field is read through the step *build* returns, built once; it equals, hashes,
    prints and pickles as that step.
    """

    __slots__ = ("_build", "_built")
    _build: Callable[[], Step | None] | None
    _built: Step | None

    def __new__(cls, build: Callable[[], Step | None] | None = None, /, **fields: Any) -> Step:  # type: ignore[misc]  # noqa: ANN401
        # attrs.evolve(step, ...) calls the class with the fields: that is a plain Step.
        if build is None:
            return Step(**fields)
        return super().__new__(cls)

    def __init__(
        self, build: Callable[[], Step | None] | None = None, /, **_fields: object
    ) -> None:
        object.__setattr__(self, "_build", build)
        object.__setattr__(self, "_built", None)

    def _step(self) -> Step:
        built = self._built
        if built is None:
            # One build, even when two threads read at once; reentrant, since building
            # one step may read another (a regime's trace holds its aggregator's steps).
            with _BUILDING:
                built = self._built
                if built is None:
                    assert self._build is not None  # noqa: S101 - released once built
                    built = self._build()
                    if built is None:  # a traced run always has its root: a bug if not
                        raise RuntimeError("a deferred step's build gave no step")
                    object.__setattr__(self, "_built", built)
                    object.__setattr__(self, "_build", None)  # let go of its inputs
        return built

    @property
    def rule(self) -> Rule:
        return self._step().rule

    @property
    def output(self) -> str:
        return self._step().output

    @property
    def inputs(self) -> tuple[tuple[str, str], ...]:
        return self._step().inputs

    @property
    def subject(self) -> str | None:
        return self._step().subject

    @property
    def children(self) -> tuple[Step, ...]:
        return self._step().children

    def __eq__(self, other: object) -> bool:
        if isinstance(other, _DeferredStep):
            other = other._step()
        return self._step() == other

    def __ne__(self, other: object) -> bool:
        return not self == other

    def __hash__(self) -> int:
        return hash(self._step())

    def __repr__(self) -> str:
        return repr(self._step())

    def __reduce__(self) -> tuple[type[Step], tuple[object, ...]]:
        step = self._step()
        return Step, (step.rule, step.output, step.inputs, step.subject, step.children)


def deferred_step(build: Callable[[], Step | None]) -> Step:
    """
    Return a `Step` that calls *build* the first time any of its fields is read.

    A result's trace is deferred this way: scoring without it costs what scoring
    costs, and the tree is built, once, only if someone reads it.  The step equals,
    prints, serialises and pickles as the one *build* returns.  *build* is typically
    the traced reference run's ``.trace`` (or an aggregate's ``.step``), which a traced
    run always sets: if it gives `None` all the same, reading the step raises
    `RuntimeError`.
    """
    step: Any = _new(_WRITABLE_STEP)  # what `_DeferredStep(build)` makes, without its two calls
    step._build = build  # noqa: SLF001 - its own module's class
    step._built = None  # noqa: SLF001 - its own module's class
    step.__class__ = _DeferredStep
    deferred: Step = step
    return deferred


_new = object.__new__
_WRITABLE_STEP = writable_twin(_DeferredStep)


def render_trace(step: Step, lang: Language = "id", indent: str = "  ") -> str:
    """
    Render *step* and its children as indented text in *lang*.

    Each line reads ``rule [clause] (subject): name = value, ... -> output``.
    """
    lines: list[str] = []

    def visit(node: Step, depth: int) -> None:
        about = f" ({node.subject})" if node.subject else ""
        given = ", ".join(f"{name} = {value}" for name, value in node.inputs)
        arrow = f": {given} \u2192 {node.output}" if given else f": {node.output}"
        lines.append(f"{indent * depth}{node.rule.text(lang)} [{node.rule.clause}]{about}{arrow}")
        for child in node.children:
            visit(child, depth + 1)

    visit(step, 0)
    return "\n".join(lines)
