"""Loading fast (issue 13): each fast path gives what the checked path gives, errors too."""

from __future__ import annotations

import json
import math
from decimal import Decimal, InvalidOperation, localcontext
from fractions import Fraction

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import penilaian as p
from penilaian._base.bounds import MAX_ID_LENGTH, MAX_NUMBER_TEXT, MAX_TEXT_LENGTH, check_bounds
from penilaian._base.checks import identifier, non_empty, optional_identifier, optional_text, texts
from penilaian._base.numbers import exact_decimal, to_decimal
from penilaian.exceptions import InvalidInputError, InvalidNumberError, InvalidValueError
from penilaian.model import Scale
from penilaian.serialization import MAX_DEPTH, loads, make_converter, structure, unstructure
from penilaian.serialization._bounds import check_depth, too_deep, type_depth
from penilaian.serialization._hooks import _plain
from penilaian.serialization._reading import parse_document, parse_json, repeated_keys
from strategies import appraisals

# -- the numbers: text parsed once, a Decimal taken as it is -------------------------------


def reference_to_decimal(value: object, field: str = "value") -> Decimal:  # noqa: C901 - kept whole
    """The conversion as it was before the fast paths: every value the long way."""
    if isinstance(value, bool):
        raise InvalidNumberError(field, value, "a boolean is not a number")
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, int):
        result = Decimal(check_bounds(value, field))
    elif isinstance(value, float):
        if not math.isfinite(value):
            raise InvalidNumberError(field, value, "must be a finite number")
        result = Decimal(repr(value))
    elif isinstance(value, str):
        text = value.strip()
        if len(text) > MAX_NUMBER_TEXT:
            reason = f"is {len(text)} characters long; a number is at most {MAX_NUMBER_TEXT}"
            raise InvalidNumberError(field, value, reason)
        try:
            result = Decimal(text)
        except InvalidOperation:
            raise InvalidNumberError(field, value, "is not a number") from None
    elif isinstance(value, Fraction):
        exact = exact_decimal(check_bounds(value, field))
        if exact is None:
            raise InvalidNumberError(field, value, "has no exact decimal form; pass a Decimal")
        result = exact
    else:
        raise InvalidNumberError(field, value, f"expected a number, got {type(value).__name__}")
    if not result.is_finite():
        raise InvalidNumberError(field, value, "must be a finite number")
    return check_bounds(result, field)


def outcome(convert: object, value: object) -> tuple[object, ...]:
    """What *convert* makes of *value*: the exact Decimal (its text too), or the error's data."""
    try:
        result = convert(value, "score")  # type: ignore[operator]
    except InvalidNumberError as error:
        return ("error", error.field, str(error.value), error.reason)
    return ("value", type(result), str(result))


NUMBER_TEXTS = st.one_of(
    st.from_regex(r"\A\s?[+-]?[0-9_]{0,45}(\.[0-9]{0,45})?([eE][+-]?[0-9]{1,3})?\s?\Z"),
    st.sampled_from(["NaN", "-Infinity", "inf", "sNaN", "1e-41", "0." + "0" * 41, "", " ", "x"]),
    st.text(max_size=12),
    st.text(alphabet="0123456789", min_size=195, max_size=210),
)


class TestNumbers:
    @given(NUMBER_TEXTS)
    def test_text_as_before(self, text: str) -> None:
        """A number written as text gives the same Decimal or the same error as before."""
        assert outcome(reference_to_decimal, text) == outcome(to_decimal, text)

    @given(NUMBER_TEXTS)
    def test_decimal_as_before(self, text: str) -> None:
        """A Decimal, however written, gives itself or the same error as before."""
        try:
            value = Decimal(text.strip())
        except InvalidOperation:
            return
        assert outcome(reference_to_decimal, value) == outcome(to_decimal, value)

    @pytest.mark.parametrize(
        "text", ["1E-41", "1e-41", "0E-45", "1E+40", "9" * 40, "9" * 41, "0." + "1" * 41]
    )
    def test_small_e_context(self, text: str) -> None:
        """A context that writes a small e changes nothing: the bounds are the same."""
        value = Decimal(text)
        with localcontext() as context:
            context.capitals = 0
            assert outcome(reference_to_decimal, value) == outcome(to_decimal, value)

    def test_structured_number_is_checked_once_per_hook(self) -> None:
        """A number loads as the very Decimal the text gave, and a bad one names its path."""
        scale = p.NumericScale("s", 0, 100)
        data = unstructure(scale) | {"maximum": "1e99"}
        with pytest.raises(InvalidInputError) as caught:
            structure(data, p.NumericScale)
        assert [problem.path for problem in caught.value.problems] == ["$.maximum"]
        assert structure(unstructure(scale), p.NumericScale) == scale


# -- the checks: decided without a copy, exactly as before ---------------------------------

FIELD = attrs.Attribute(  # type: ignore[call-arg,var-annotated]
    name="id", default=None, validator=None, repr=True, cmp=None, hash=None, init=True,
    inherited=False,
)  # fmt: skip


def refused(check: object, value: object) -> tuple[object, ...] | None:
    """The field and reason of the error *check* raises for *value*, or `None`."""
    try:
        check(None, FIELD, value)  # type: ignore[operator]
    except InvalidValueError as error:
        return (error.field, error.reason)
    return None


def reference_identifier(value: object) -> tuple[object, ...] | None:
    """`identifier` as it was: `is_text`, then the length."""
    if not (isinstance(value, str) and value.strip()):
        return ("id", "must be a non-empty string")
    if len(value) > MAX_ID_LENGTH:
        return ("id", f"has {len(value)} characters; at most {MAX_ID_LENGTH} are taken")
    return None


class Text(str):
    """A str subclass: taken by the long way, as before."""

    __slots__ = ()


IDS = st.one_of(
    st.text(max_size=5),
    st.sampled_from(["", " ", "\u3000", "\t\n", " a ", "a" * MAX_ID_LENGTH, "a" * 201]),
    st.builds(Text, st.text(max_size=3)),
    st.none(),
    st.integers(),
)


def reference_plain(data: object) -> bool:
    """Objects, lists and texts of exactly those types: the walk `_plain` was, item by item."""
    stack = [data]
    while stack:
        item = stack.pop()
        if type(item) is str:
            continue
        if type(item) is list:
            stack.extend(item)
        elif isinstance(item, dict):
            stack.extend(item.values())
        else:
            return False
    return True


class Listed(list):  # type: ignore[type-arg]
    """A list subclass: not plain."""


PLAIN_OR_NOT = st.recursive(
    st.one_of(st.text(max_size=2), st.builds(Text, st.text(max_size=2)), st.none(),
              st.integers(), st.just(Decimal("1.5"))),
    lambda inner: st.one_of(
        st.lists(inner, max_size=3),
        st.lists(inner, max_size=3).map(tuple),
        st.lists(inner, max_size=3).map(Listed),
        st.dictionaries(st.text(max_size=2), inner, max_size=3),
    ),
    max_leaves=12,
)  # fmt: skip


class TestChecks:
    @given(IDS)
    def test_identifier_as_before(self, value: object) -> None:
        """An id is taken or refused, with the same reason, as before."""
        assert reference_identifier(value) == refused(identifier, value)
        expected = None if value is None else reference_identifier(value)
        assert expected == refused(optional_identifier, value)

    @pytest.mark.parametrize(
        ("value", "expected"),
        [
            ("ok", None),
            ("\u3000 ", ("id", "must be a non-empty string")),
            ("", ("id", "must be a non-empty string")),
            ("x" * (MAX_TEXT_LENGTH + 1), ("id", f"has {MAX_TEXT_LENGTH + 1} characters")),
        ],
    )
    def test_non_empty(self, value: str, expected: tuple[str, str] | None) -> None:
        """A text must hold something other than spaces, and keep its length."""
        found = refused(non_empty, value)
        assert expected == (
            found if found is None else (found[0], str(found[1])[: len(expected[1])])
        )  # type: ignore[index]

    def test_optional_text_and_texts(self) -> None:
        """An empty text is text; a non-text item is refused at its place, as before."""
        assert refused(optional_text, "") is None
        assert refused(optional_text, 3) == ("id", "must be text or None")
        assert refused(texts, ("a", Text("b"))) is None
        assert refused(texts, ("a", 2)) == ("id[1]", "must be text")
        long = "x" * (MAX_TEXT_LENGTH + 1)
        assert refused(texts, ["a", long])[0] == "id[1]"  # type: ignore[index]


# -- the structure: optionals, arrays, the known scale -------------------------------------


class TestHooks:
    def test_optional_hook_looks_up_once(self) -> None:
        """``X | None`` keeps None, structures anything else as X, and reports X's error."""
        converter = make_converter()
        hook = converter.get_structure_hook(Decimal | None)
        assert hook(None, Decimal | None) is None
        assert Decimal("1.50") == hook("1.50", Decimal | None)
        with pytest.raises(InvalidNumberError, match="is not a number"):
            hook("x", Decimal | None)

    def test_array_fallback_lists_each_bad_item(self) -> None:
        """An array with bad items reports each one at its index, after the fast attempt."""
        rater = {"id": "r", "role": "peer", "employee_id": "e2"}
        data = [rater, {**rater, "id": 5}, rater, {**rater, "role": "boss"}]
        with pytest.raises(InvalidInputError) as caught:
            structure(data, tuple[p.Rater, ...])
        assert [problem.path for problem in caught.value.problems] == ["$[1].id", "$[3].role"]

    def test_expectation_scale_is_known(self) -> None:
        """The built-in expectation scale, written out, reads back as itself."""
        data = unstructure(p.EXPECTATION_SCALE)
        assert structure(data, Scale) is p.EXPECTATION_SCALE
        untagged = {key: value for key, value in data.items() if key != "kind"}
        assert structure(untagged, p.OrdinalScale) is p.EXPECTATION_SCALE

    def test_near_expectation_scale_is_built(self) -> None:
        """A scale that differs in one alias is built and checked as any other."""
        data = unstructure(p.EXPECTATION_SCALE)
        data["aliases"] = data["aliases"][:-1]
        built = structure(data, Scale)
        assert built is not p.EXPECTATION_SCALE
        assert p.EXPECTATION_SCALE.aliases[:-1] == built.aliases

    @given(PLAIN_OR_NOT)
    def test_plain_data_is_told_as_before(self, data: object) -> None:
        """`_plain`, a depth at a time, tells what the item-by-item walk told."""
        assert _plain(data) is reference_plain(data)

    def test_plain_data_deep_down(self) -> None:
        """A str subclass, a tuple or a number at the third depth is not plain."""
        aliases = [["a", "b"], ["c", "d"]]
        assert _plain({"kind": "ordinal", "aliases": aliases, "levels": ["a"]})
        for odd in (Text("d"), ("d",), 5, None, Decimal(1)):
            assert not _plain({"kind": "ordinal", "aliases": [["a", "b"], ["c", odd]]})

    def test_known_scale_keeps_strict_types(self) -> None:
        """Equal data of another type (a str subclass) is refused as before, not taken."""
        data = unstructure(p.EXPECTATION_SCALE)
        data["levels"] = [Text(level) for level in data["levels"]]
        assert data == unstructure(p.EXPECTATION_SCALE)
        with pytest.raises(InvalidInputError) as caught:
            structure(data, Scale)
        assert caught.value.problems[0].path == "$.levels[0]"


# -- the depth: checked up front only where the type cannot bound it -----------------------


def depth_of(data: object) -> int:
    """How deep *data* nests, the root counted, as `check_depth` counts."""
    if isinstance(data, dict):
        return 1 + max(map(depth_of, data.values()), default=0)
    if isinstance(data, list | tuple):
        return 1 + max(map(depth_of, data), default=0)
    return 0


def nested(depth: int) -> object:
    """A list nested *depth* levels deep."""
    value: object = []
    for _ in range(depth - 1):
        value = [value]
    return value


class TestDepth:
    def test_type_depths(self) -> None:
        """The model's types have a depth; a tree, a policy or a mapping has none."""
        assert type_depth(p.Appraisal) == 7
        assert type_depth(p.Rating) == 1
        assert type_depth(Decimal | None) == 0
        assert type_depth(p.OrgUnit) is None
        assert type_depth(p.WeightingPolicy) is None
        assert type_depth(dict[str, int]) is None
        assert type_depth([]) is None  # type: ignore[arg-type]

    @given(appraisals())
    def test_appraisal_within_its_depth(self, appraisal: p.Appraisal) -> None:
        """An appraisal's data never nests deeper than its type says."""
        assert depth_of(unstructure(appraisal)) <= type_depth(p.Appraisal)  # type: ignore[operator]

    @pytest.mark.parametrize("field", ["id", "targets", "scales"])
    def test_deep_value_in_appraisal(self, field: str) -> None:
        """Data too deep in an appraisal is the one depth problem, where it is too deep."""
        data = json.loads(loads_text())
        data[field] = nested(MAX_DEPTH + 5)
        expected = too_deep(data)
        assert expected is not None
        with pytest.raises(InvalidInputError) as caught:
            structure(data, p.Appraisal)
        assert expected.problems == caught.value.problems
        assert caught.value.__cause__ is None
        with pytest.raises(InvalidInputError) as caught:
            check_depth(data)
        assert expected.problems == caught.value.problems

    def test_appraisal_errors_as_before(self) -> None:
        """Data within the depth but wrong reports its problems, chained to cattrs' error."""
        data = json.loads(loads_text())
        data["id"] = nested(3)
        with pytest.raises(InvalidInputError) as caught:
            structure(data, p.Appraisal)
        assert [problem.path for problem in caught.value.problems] == ["$.id"]
        assert caught.value.__cause__ is not None


def loads_text() -> str:
    """A small valid appraisal as JSON text."""
    appraisal = p.Appraisal(
        "a-1",
        p.Employee("e-1", "Budi"),
        p.Position("Analis", p.PositionKind.EXPERT_FIRST),
        p.Period.year(2024),
        p.BERAKHLAK,
        (p.WorkTarget("t-1", "T", (p.Indicator("i-1", "Out", "quantity", p.PointTarget(3)),)),),
        scales=(p.EXPECTATION_SCALE,),
    )  # fmt: skip
    return json.dumps(unstructure(appraisal))


# -- the parse: repeated keys marked only for the types that ask ---------------------------


class TestParse:
    def test_unmarked_parse_is_the_same_data(self) -> None:
        """Without marking, a document parses to equal data: the last repeated key counts."""
        text = '{"a": 1, "b": {"c": 2.50, "c": 3}, "a": [1.0, {"d": null}]}'
        marked = parse_json(text)
        plain = parse_document(text, marking=False)
        assert parse_json(text, marking=False) == plain
        assert repeated_keys(parse_json(text, marking=False)) == ()
        assert marked == plain
        assert list(marked) == list(plain)
        assert repeated_keys(marked) == ("a",)
        assert repeated_keys(plain) == ()
        assert Decimal(3) == plain["b"]["c"]

    def test_loads_appraisal_with_repeated_key(self) -> None:
        """An appraisal whose text repeats a key loads with the last value, as before."""
        text = loads_text().replace('"id": "a-1"', '"id": "a-0", "id": "a-1"', 1)
        assert loads(text, p.Appraisal).id == "a-1"
