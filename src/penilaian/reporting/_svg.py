"""
A bar chart with quota marks, as inline SVG and as lines of text; no plotting library.

Each bar is a count (employees per grade); each mark is a horizontal line at a quota
across the bars it counts together (a rule on two grades spans both bars), drawn red
and dashed for "at most", green and dashed for "at least", grey and dotted for a
rule that is not enforced; each mark's label sits in the right margin, led to by a
thin line.  Coordinates are exact fractions written to one decimal, so equal charts
are equal bytes on every platform.  Every text is escaped.
"""

from __future__ import annotations

from fractions import Fraction
from typing import TYPE_CHECKING, Final, Literal

import attrs

from penilaian._base.numbers import format_number
from penilaian.reporting._html import escape

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["Bar", "Mark", "bar_chart", "text_chart"]

MarkKind = Literal["at_most", "at_least", "not_enforced"]

_STROKES: Final = {
    "at_most": ("#a8221a", "7 4"),
    "at_least": ("#1b6e3a", "7 4"),
    "not_enforced": ("#8a93a3", "2 3"),
}
_SLOT, _BAR, _LEFT, _RIGHT, _TOP, _PLOT = 124, 70, 44, 200, 24, 220
_STEPS: Final = (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000)


@attrs.frozen
class Bar:
    """
    One bar.

    Attributes:
        label: What it counts (a grade).
        value: The count, 0 or more.
        bad: Whether it belongs to a rule that is not met.
    """

    label: str
    value: int
    bad: bool = False


@attrs.frozen
class Mark:
    """
    One quota line across some bars.

    Attributes:
        bars: The indexes of the bars it counts together.
        value: The quota.
        kind: At most, at least, or a rule not enforced.
        label: The short text beside the line, such as ``"≤ 7"``.
    """

    bars: tuple[int, ...]
    value: int
    kind: MarkKind
    label: str


def _n(value: Fraction | int) -> str:
    """Write a coordinate to one decimal, dropping ``.0``."""
    return format_number(value, places=1, trim=True)


def _step(top: int) -> int:
    return next((step for step in _STEPS if top <= step * 5), _STEPS[-1])


def _runs(indexes: Sequence[int]) -> list[tuple[int, int]]:
    """Group sorted bar indexes into runs of neighbours: (first, last)."""
    runs: list[tuple[int, int]] = []
    for index in sorted(set(indexes)):
        if runs and runs[-1][1] == index - 1:
            runs[-1] = (runs[-1][0], index)
        else:
            runs.append((index, index))
    return runs


def _label_lines(text: str) -> list[str]:
    """Split a long label in two at the space nearest its middle."""
    if len(text) <= 14 or " " not in text:
        return [text]
    spaces = [index for index, char in enumerate(text) if char == " "]
    cut = min(spaces, key=lambda index: abs(index - len(text) // 2))
    return [text[:cut], text[cut + 1 :]]


def bar_chart(
    bars: Sequence[Bar], marks: Sequence[Mark], *, title: str, legend: Sequence[str]
) -> str:
    """
    Draw *bars* with *marks* as an SVG element.

    Args:
        bars: The bars, left to right.
        marks: The quota lines.
        title: The chart's accessible name.
        legend: The words for at most, at least and not enforced, in that order.
    """
    top_value = max([1, *(bar.value for bar in bars), *(mark.value for mark in marks)])
    step = _step(top_value)
    scale_top = -(-top_value // step) * step
    width = max(_LEFT + _SLOT * len(bars) + _RIGHT, _LEFT + 200 * len(legend))
    base = _TOP + _PLOT
    height = base + 84

    def y(value: int) -> Fraction:
        return base - Fraction(value * _PLOT, scale_top)

    parts = [
        (
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
            f'width="{width}" height="{height}" role="img" aria-label="{escape(title)}" '
            'font-family="sans-serif" font-size="12">'
        ),
        f"<title>{escape(title)}</title>",
    ]
    for tick in range(0, scale_top + 1, step):
        parts.append(
            f'<line x1="{_LEFT}" y1="{_n(y(tick))}" x2="{_LEFT + _SLOT * len(bars)}" '
            f'y2="{_n(y(tick))}" stroke="#e3e7ee" stroke-width="1" />'
        )
        parts.append(
            f'<text x="{_LEFT - 8}" y="{_n(y(tick) + 4)}" text-anchor="end" '
            f'fill="#5b6475">{tick}</text>'
        )
    counts: list[str] = []
    for index, bar in enumerate(bars):
        x = _LEFT + _SLOT * index + (_SLOT - _BAR) // 2
        fill = "#c0392b" if bar.bad else "#1f4e8c"
        parts.append(
            f'<rect x="{x}" y="{_n(y(bar.value))}" width="{_BAR}" '
            f'height="{_n(base - y(bar.value))}" fill="{fill}" />'
        )
        counts.append(  # drawn last, with a white halo, so no quota line hides them
            f'<text x="{x + _BAR // 2}" y="{_n(y(bar.value) - 6)}" text-anchor="middle" '
            'font-weight="bold" stroke="#fff" stroke-width="3" paint-order="stroke">'
            f"{bar.value}</text>"
        )
        for line, text in enumerate(_label_lines(bar.label)):
            parts.append(
                f'<text x="{x + _BAR // 2}" y="{base + 18 + 15 * line}" '
                f'text-anchor="middle">{escape(text)}</text>'
            )
    parts.append(
        f'<line x1="{_LEFT}" y1="{base}" x2="{_LEFT + _SLOT * len(bars)}" y2="{base}" '
        'stroke="#1d2330" stroke-width="1" />'
    )
    end = _LEFT + _SLOT * len(bars)
    placed: list[Fraction] = []
    for mark in marks:
        colour, dash = _STROKES[mark.kind]
        level = _n(y(mark.value))
        for first, last in _runs(mark.bars):
            x1 = _LEFT + _SLOT * first + 8
            x2 = _LEFT + _SLOT * (last + 1) - 8
            parts.append(
                f'<line x1="{x1}" y1="{level}" x2="{x2}" y2="{level}" '
                f'stroke="{colour}" stroke-width="2.5" stroke-dasharray="{dash}" />'
            )
        # The label sits in the right margin; a thin line leads to it from the mark.
        parts.append(
            f'<line x1="{_LEFT + _SLOT * (max(mark.bars) + 1) - 8}" y1="{level}" x2="{end + 4}" '
            f'y2="{level}" stroke="{colour}" stroke-width="1" stroke-dasharray="1 3" />'
        )
        label_y = y(mark.value) + 4
        while any(abs(other - label_y) < 14 for other in placed):
            label_y += 14
        placed.append(label_y)
        parts.append(
            f'<text x="{end + 8}" y="{_n(label_y)}" fill="{colour}" '
            f'font-weight="bold">{escape(mark.label)}</text>'
        )
    parts.extend(counts)
    legend_y = height - 14
    for index, (kind, text) in enumerate(zip(_STROKES, legend, strict=True)):
        colour, dash = _STROKES[kind]
        x = _LEFT + 190 * index
        parts.append(
            f'<line x1="{x}" y1="{legend_y - 4}" x2="{x + 28}" y2="{legend_y - 4}" '
            f'stroke="{colour}" stroke-width="2.5" stroke-dasharray="{dash}" />'
        )
        parts.append(f'<text x="{x + 34}" y="{legend_y}">{escape(text)}</text>')
    parts.append("</svg>")
    return "\n".join(parts)


def text_chart(bars: Sequence[Bar], marks: Sequence[Mark]) -> tuple[str, ...]:
    """Draw *bars* as lines of text (one block per unit, scaled to 40 at most), then *marks*."""
    width = max(len(bar.label) for bar in bars)
    top = max(bar.value for bar in bars)
    lines = []
    for bar in bars:
        length = bar.value if top <= 40 else (bar.value * 40 + top // 2) // top
        blocks = "\u2588" * length
        lines.append(f"{bar.label.ljust(width)}  {blocks}{' ' if blocks else ''}{bar.value}")
    for mark in marks:
        counted = " + ".join(bars[index].label for index in sorted(mark.bars))
        lines.append(f"{mark.label}: {counted}")
    return tuple(lines)
