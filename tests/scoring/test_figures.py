"""`penilaian._base.figures`: figures held as integers write as the Decimals they stand for."""

from __future__ import annotations

import pickle
from decimal import Decimal
from fractions import Fraction
from types import MappingProxyType

from hypothesis import given
from hypothesis import strategies as st

from penilaian._base.figures import Figures, figure_of
from penilaian._base.rounding import Rounding, figure

NUMERATORS = st.integers(-(10**30), 10**30)
DENOMINATORS = st.integers(1, 10**12) | st.sampled_from((1, 2, 3, 4, 5, 8, 16, 25, 40, 125, 7))


@given(NUMERATORS, DENOMINATORS, st.integers(1, 10**6))
def test_a_ratio_writes_as_figure_writes_its_fraction(n: int, d: int, scale: int) -> None:
    # Unreduced on purpose: the kernels never reduce.
    written = figure_of((n * scale, d * scale))
    expected = figure(Fraction(n, d))
    assert written == expected
    assert str(written) == str(expected)


@given(
    NUMERATORS, DENOMINATORS, st.integers(0, 6), st.sampled_from(("half_up", "half_even", "down"))
)
def test_a_rounded_entry_writes_as_rounding_writes_it(
    n: int, d: int, places: int, mode: str
) -> None:
    rounding = Rounding(places, mode)  # type: ignore[arg-type]
    expected = rounding.apply(Fraction(n, d))
    numerator, denominator = expected.as_integer_ratio()  # exact, whatever the context
    scaled = numerator * 10**places // denominator
    written = figure_of((scaled, -places))
    assert str(written) == str(expected)


def test_figures_read_as_a_read_only_mapping() -> None:
    entries = {"a": (200, 3), "b": (8500, -2), "c": Decimal("1.50"), "d": (7, 0)}
    figures = Figures(entries)  # type: ignore[arg-type]
    plain = {
        "a": Decimal("66.666667"),
        "b": Decimal("85.00"),
        "c": Decimal("1.50"),
        "d": Decimal(7),
    }
    assert figures == plain
    assert plain == figures
    assert MappingProxyType(plain) == figures
    assert figures == MappingProxyType(plain)
    assert [str(value) for value in figures.values()] == ["66.666667", "85.00", "1.50", "7"]
    assert list(figures) == ["a", "b", "c", "d"]
    assert len(figures) == 4
    assert "b" in figures
    assert "z" not in figures
    assert figures.get("z") is None
    loaded = pickle.loads(pickle.dumps(figures))  # noqa: S301 - our own bytes
    assert loaded == plain
    assert type(loaded) is dict
    assert repr(figures) == repr(MappingProxyType(plain))


def test_figures_given_by_a_function_call_it_once_when_first_read() -> None:
    entries = {"a": (200, 3), "b": (8500, -2), "d": (7, 0)}
    calls: list[int] = []

    def build() -> dict[str, object]:
        calls.append(1)
        return dict(entries)

    plain = {"a": Decimal("66.666667"), "b": Decimal("85.00"), "d": Decimal(7)}
    for read in (len, list, lambda f: "b" in f, lambda f: f["a"], dict, repr, pickle.dumps):
        calls.clear()
        figures = Figures(build)  # type: ignore[arg-type]
        assert calls == []  # nothing built until read
        read(figures)
        read(figures)
        assert calls == [1]
        assert figures == Figures(entries)  # type: ignore[arg-type]
        assert figures == plain
        assert list(figures) == ["a", "b", "d"]
        assert len(figures) == 3
        assert "d" in figures
        assert "c" not in figures
        assert calls == [1]
