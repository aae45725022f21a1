"""
`achievement_ratio` against a reference copy of the implementation it replaced.

`penilaian.scoring.achievement.achievement_ratio` tests a point, then a range target by
exact type before anything else; every other target (qualitative, a subclass) takes the
general path.  The reference below is the implementation before that change, kept
verbatim: on every indicator (each kind of target, each direction, realised inside, on
and outside a range's bounds, without a realisation or with one in words only) and on
values the model refuses, planted past its validators (a target of 0, negative values,
NaN, infinities), the two must give the same integers or raise the same error, with
the same field, value and reason.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import attrs
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import penilaian as p
from penilaian.exceptions import MissingValueError, UnsupportedInputError
from penilaian.model.targets import (
    Direction,
    Indicator,
    PointTarget,
    QualitativeTarget,
    RangeTarget,
)
from penilaian.scoring.achievement import achievement, achievement_ratio
from strategies.model import indicators

# -- the reference: achievement_ratio as it was (commit 3abcd73) ---------------------------

_QUALITATIVE = "a qualitative target has no achievement percentage; rate it instead"


def reference_ratio(indicator: Indicator) -> tuple[int, int]:
    target = indicator.target
    if isinstance(target, QualitativeTarget):
        raise UnsupportedInputError("target", indicator.id, _QUALITATIVE)
    realisation = indicator.realisation
    if realisation is None or realisation.value is None:
        raise MissingValueError("realisation", None, f"indicator {indicator.id} has no realisation")
    realised = realisation.value
    if isinstance(target, PointTarget):
        compared = target.value
    elif realised > target.high:  # a range: compared with the bound it missed
        compared = target.high
    elif realised < target.low:
        compared = target.low
    else:
        return 100, 1  # inside the range: met
    rn, rd = realised.as_integer_ratio()
    tn, td = compared.as_integer_ratio()
    numerator, denominator = rn * td, rd * tn
    if indicator.direction is Direction.LOWER_IS_BETTER:
        numerator = 2 * denominator - numerator
    return 100 * numerator, denominator


# -- comparing -------------------------------------------------------------------------------


def _outcome(indicator: Indicator) -> tuple[object, ...]:
    try:
        found = achievement_ratio(indicator)
    except Exception as error:  # noqa: BLE001 - the error itself is compared
        return _error(error)
    assert all(type(item) is int for item in found)
    return "value", found


def _reference(indicator: Indicator) -> tuple[object, ...]:
    try:
        return "value", reference_ratio(indicator)
    except Exception as error:  # noqa: BLE001 - the error itself is compared
        return _error(error)


def _error(error: Exception) -> tuple[object, ...]:
    fields = tuple(getattr(error, name, None) for name in ("field", "value", "reason"))
    return "error", type(error), str(error), repr(fields)


def assert_same(indicator: Indicator) -> None:
    assert _outcome(indicator) == _reference(indicator)


# -- indicators, valid and planted -----------------------------------------------------------


@attrs.frozen
class SubPoint(PointTarget):
    """A subclass of a point target: not the exact type, so the general path."""


@attrs.frozen
class SubRange(RangeTarget):
    """A subclass of a range target: not the exact type, so the general path."""


_SPECIAL = (
    Decimal(0),
    Decimal("-0"),
    Decimal(-3),
    Decimal("0.000"),
    Decimal("1E+3"),
    Decimal("12.50"),
    Decimal("NaN"),
    Decimal("sNaN"),
    Decimal("Infinity"),
    Decimal("-Infinity"),
)
planted_numbers = st.one_of(
    st.sampled_from(_SPECIAL),
    st.decimals(min_value=-1000, max_value=1000, places=3, allow_nan=False),
)
"""Numbers the model may refuse (0, negatives, NaN, infinities) or hold in another form."""


def _plant(instance: object, name: str, value: object) -> None:
    object.__setattr__(instance, name, value)  # past the frozen class and its validators


@st.composite
def any_indicators(draw: st.DrawFn) -> Indicator:
    """An indicator of any target and realisation, sometimes with values planted past checks."""
    indicator = draw(indicators())
    target = indicator.target
    shape = draw(st.sampled_from(("as drawn", "words only", "on a bound", "subclass", "planted")))
    if shape == "words only":  # a realisation without a value: missing, never 0
        # (the model refuses it for a numeric target: planted there)
        _plant(indicator, "realisation", p.Realisation(description="selesai"))
    elif shape == "on a bound" and isinstance(target, RangeTarget):
        bound = draw(st.sampled_from((target.low, target.high)))
        nudge = draw(st.sampled_from((Decimal(0), Decimal("0.001"), Decimal("-0.001"))))
        indicator = attrs.evolve(indicator, realisation=p.Realisation(bound + nudge))
    elif shape == "subclass" and isinstance(target, PointTarget):
        indicator = attrs.evolve(indicator, target=SubPoint(target.value))
    elif shape == "subclass" and isinstance(target, RangeTarget):
        indicator = attrs.evolve(indicator, target=SubRange(target.low, target.high))
    elif shape == "planted":
        if isinstance(target, PointTarget):
            _plant(target, "value", draw(planted_numbers))
        elif isinstance(target, RangeTarget):
            _plant(target, draw(st.sampled_from(("low", "high"))), draw(planted_numbers))
        if indicator.realisation is not None and draw(st.booleans()):
            _plant(indicator.realisation, "value", draw(planted_numbers))
    return indicator


def _indicator(target: object, realised: object = None, lower: bool = False) -> Indicator:
    direction = Direction.LOWER_IS_BETTER if lower else Direction.HIGHER_IS_BETTER
    realisation = None if realised is None else p.Realisation(Decimal(1))
    indicator = Indicator("i-1", "Laporan", p.Aspect.QUANTITY, PointTarget(1), direction)
    if realisation is not None:
        _plant(realisation, "value", realised)
    _plant(indicator, "realisation", realisation)
    _plant(indicator, "target", target)
    return indicator


def _range(low: object, high: object) -> RangeTarget:
    found = RangeTarget(1, 2)
    _plant(found, "low", low)
    _plant(found, "high", high)
    return found


def _point(value: object) -> PointTarget:
    found = PointTarget(1)
    _plant(found, "value", value)
    return found


# -- the differential ------------------------------------------------------------------------


@given(any_indicators())
@example(_indicator(_point(Decimal(0)), Decimal(5)))  # a target of 0: as before, no error
@example(_indicator(_point(Decimal(0)), Decimal(5), lower=True))
@example(_indicator(_point(Decimal(-4)), Decimal(5)))
@example(_indicator(_point(Decimal(4)), Decimal(-5), lower=True))
@example(_indicator(_point(Decimal("NaN")), Decimal(5)))
@example(_indicator(_point(Decimal(4)), Decimal("sNaN")))
@example(_indicator(_point(Decimal("NaN")), Decimal("Infinity")))
@example(_indicator(_range(Decimal(0), Decimal(0)), Decimal(0)))
@example(_indicator(_range(Decimal(0), Decimal(10)), Decimal(20)))
@example(_indicator(_range(Decimal(2), Decimal(1)), Decimal("1.5")))
@example(_indicator(_range(Decimal(1), Decimal(2)), Decimal("NaN")))
@example(_indicator(_range(Decimal(1), Decimal(2)), None))
@example(_indicator(_point(Decimal(8)), None))
@example(_indicator(QualitativeTarget("baik"), Decimal(1)))
@example(_indicator(QualitativeTarget("baik"), None))
@example(_indicator(SubPoint(Decimal(8)), Decimal(7), lower=True))
@example(_indicator(SubRange(Decimal(8), Decimal(9)), Decimal(7)))
@example(_indicator(SubRange(Decimal(8), Decimal(9)), Decimal("8.5")))
def test_the_ratio_is_the_references(indicator):
    """The same integers, or the same error (type, text, field, value, reason), as before."""
    assert_same(indicator)


@pytest.mark.parametrize("lower", [False, True])
@pytest.mark.parametrize(
    ("target", "realised", "expected"),
    [
        (PointTarget(8), Decimal(7), (700, 8)),
        (PointTarget(Decimal("12.5")), Decimal(10), (2000, 25)),
        (PointTarget(100), Decimal(0), (0, 100)),  # 0 is a realisation, not a missing one
        (RangeTarget(80, 90), Decimal(80), (100, 1)),  # on a bound: met
        (RangeTarget(80, 90), Decimal(90), (100, 1)),
        (RangeTarget(80, 90), Decimal("79.5"), (15900, 160)),  # below: against the low bound
        (RangeTarget(80, 90), Decimal(99), (9900, 90)),  # above: against the high bound
    ],
)
def test_worked_values(target, realised, expected, lower):
    """Bab VI.A's formulas at each kind of target; lower is better: (2 - R / T) x 100."""
    indicator = _indicator(target, realised, lower=lower)
    numerator, denominator = expected
    if lower and expected != (100, 1):
        numerator = 200 * denominator - numerator
    assert achievement_ratio(indicator) == (numerator, denominator)
    assert achievement(indicator) == Fraction(numerator, denominator)
