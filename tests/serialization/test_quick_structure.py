"""
The quick way of structuring (issue 13, loading) against the careful way, on right and wrong data.

`penilaian.serialization.structure` tries the quick functions of `serialization._fast`
first and takes the careful way (cattrs' own, every problem noted) when they step aside.
The quick way must never accept what the careful way refuses, and must build the very
same value (the same JSON text, decimals written as they were) from what it accepts.
"""

from __future__ import annotations

import json
import pickle
from datetime import date
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import penilaian as p
from penilaian import model
from penilaian._base.checks import (
    TUPLE,
    TypeCheck,
    identifier,
    instance_of,
    items_of,
    optional_date,
    optional_identifier,
    texts,
)
from penilaian._base.numbers import DECIMAL, to_decimal
from penilaian.exceptions import UnknownLabelError
from penilaian.model.raters import Rating
from penilaian.model.targets import Indicator, WorkTarget
from penilaian.serialization import dumps, loads, schema, structure, unstructure
from penilaian.serialization._converter import _CONVERTER, _QUICK
from penilaian.serialization._fast import (
    Unusual,
    _builds_alike,
    _parts,
    quick_structure_fn,
)
from penilaian.serialization._plain import DIGITS, PLAIN, TEST_NAMES, plain_test
from strategies import appraisals, varied_appraisals

REGIMES = ("pp46_2011", "pp30_2019", "generic", "permen6_2022")
TYPES = (p.Appraisal, Rating, WorkTarget, Indicator, p.Employee, p.Position, p.Period)


def attempt(converter: Any, data: object, cls: type) -> tuple[str, object]:
    """What *converter* makes of *data*: the value's JSON text, or that it raised."""
    try:
        value = converter.structure(data, cls)
    except Exception as error:  # noqa: BLE001 - any refusal counts as one
        return ("refused", type(error))
    return ("built", dumps(value))


# -- wrong data: one change somewhere in a right document -----------------------------------

JUNK = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3, 3),
    st.sampled_from([Decimal("1.5"), Decimal("-0"), Decimal("NaN"), 1.5]),
    st.sampled_from(["", " ", "x", "12.5", "1e3", "2024-02-30", "2024-01-31", "supervisor"]),
    # Just past the bounds of an id and a text, blank, a date with a time, an alias.
    st.sampled_from(["i" * 201, "t" * 10_001, "\u00a0", "2024-01-31T00:00", "Peer", "Kuantitas"]),
    st.just([]),
    st.just({}),
    st.just({"kind": "point", "value": "1"}),
    st.just(["a"]),
)


def places(data: object, path: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    """Every place in *data*: each object key and array index, as a path from the root."""
    found = [path]
    if isinstance(data, dict):
        for key, value in data.items():
            found.extend(places(value, (*path, key)))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found.extend(places(value, (*path, index)))
    return found


@st.composite
def changed(draw: st.DrawFn, data: object) -> object:
    """*data* (JSON data) with one change: a value replaced, a key dropped or one added."""
    copy = json.loads(json.dumps(data, default=str), parse_float=Decimal)
    path = draw(st.sampled_from(places(copy)))
    if not path:
        return draw(JUNK)
    *above, last = path
    parent: Any = copy
    for step in above:
        parent = parent[step]
    change = draw(st.sampled_from(["replace", "drop", "add"]))
    if change == "replace" or isinstance(parent, list):
        parent[last] = draw(JUNK)
    elif change == "drop":
        del parent[last]
    else:
        parent[draw(st.sampled_from(["extra", "Id", "kind", "score", "level"]))] = draw(JUNK)
    return copy


class TestQuickAgreesWithCareful:
    @settings(suppress_health_check=[HealthCheck.too_slow])
    @given(appraisals(min_ratings=1))
    def test_a_right_document_goes_the_quick_way_to_the_same_value(
        self, appraisal: p.Appraisal
    ) -> None:
        data = unstructure(appraisal)
        quick = _QUICK.structure(data, p.Appraisal)  # raises if the quick way steps aside
        assert dumps(quick) == dumps(_CONVERTER.structure(data, p.Appraisal))
        assert quick == appraisal

    @pytest.mark.parametrize("regime", REGIMES)
    @settings(max_examples=25, suppress_health_check=[HealthCheck.too_slow])
    @given(data=st.data())
    def test_samples(self, regime: str, data: st.DataObject) -> None:
        appraisal = data.draw(varied_appraisals(regime))
        text = json.loads(dumps(appraisal), parse_float=Decimal)
        assert dumps(_QUICK.structure(text, p.Appraisal)) == dumps(appraisal)

    @settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
    @given(data=st.data())
    def test_changed_documents_are_refused_or_built_alike(self, data: st.DataObject) -> None:
        appraisal = data.draw(appraisals(min_ratings=1))
        document = data.draw(changed(unstructure(appraisal)))
        careful = attempt(_CONVERTER, document, p.Appraisal)
        quick = attempt(_QUICK, document, p.Appraisal)
        if quick[0] == "built":
            assert careful == quick  # never more lenient, never a different value
        # The public door gives the careful way's answer either way.
        assert attempt(type("Door", (), {"structure": staticmethod(structure)}), document,
                       p.Appraisal)[0] == careful[0]  # fmt: skip

    @pytest.mark.parametrize("cls", TYPES)
    @given(data=st.data())
    @settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow])
    def test_parts_alone(self, cls: type, data: st.DataObject) -> None:
        appraisal = data.draw(appraisals(min_ratings=1))
        part = {
            p.Appraisal: appraisal,
            Rating: appraisal.ratings[0],
            WorkTarget: appraisal.targets[0],
            Indicator: appraisal.targets[0].indicators[0],
            p.Employee: appraisal.employee,
            p.Position: appraisal.position,
            p.Period: appraisal.period,
        }[cls]
        document = data.draw(st.one_of(st.just(unstructure(part)), changed(unstructure(part))))
        careful, quick = attempt(_CONVERTER, document, cls), attempt(_QUICK, document, cls)
        if quick[0] == "built":
            assert careful == quick


def _union_of(cls: type) -> Any:
    return next(union for union, tags in schema.TAGS.items() if cls in tags)


class TestQuickStepsAside:
    def test_an_unknown_key_a_missing_field_or_another_json_type(self) -> None:
        rating = {"rater_id": "r1", "subject": "s1", "scale_id": "x", "score": "3"}
        structure_rating = quick_structure_fn(Rating, _QUICK)
        assert structure_rating(rating, Rating) == Rating("r1", "s1", "x", score=Decimal(3))
        with pytest.raises(Unusual):
            structure_rating({**rating, "extra": 1}, Rating)
        with pytest.raises(KeyError):
            structure_rating({key: rating[key] for key in ("rater_id", "subject")}, Rating)
        with pytest.raises(Unusual):
            structure_rating({**rating, "subject": 5}, Rating)  # a number is not an id
        with pytest.raises(Unusual):
            structure_rating([rating], Rating)

    @pytest.mark.parametrize(
        ("cls", "data"),
        [(p.PointTarget, {"value": "5"}), (p.RangeTarget, {"low": "1", "high": "2"}),
         (p.NumericScale, {"id": "s", "minimum": "0", "maximum": "4", "step": "1"}),
         (p.OrdinalScale, {"id": "o", "levels": ["low", "high"]})],
    )  # fmt: skip
    @pytest.mark.parametrize("kind", [None, "point", "range", "numeric", "ordinal", 5, "Point"])
    def test_a_member_of_a_tagged_union_takes_its_own_tag_or_none(
        self, cls: type, data: dict[str, object], kind: object
    ) -> None:
        """A member's tag is read in place: its own tag or none is taken, any other refused."""
        document = data if kind is None else {"kind": kind, **data}
        union = _union_of(cls)
        own = schema.TAGS[union][cls]
        for type_, taken in ((cls, {None, own}), (union, {own})):  # a union needs the tag
            outcome = "built" if kind in taken else "refused"
            careful, quick = attempt(_CONVERTER, document, type_), attempt(_QUICK, document, type_)
            assert (outcome, outcome) == (careful[0], quick[0])  # the quick way takes the tag
            if outcome == "built":
                assert careful == quick

    def test_the_careful_way_lists_every_problem(self) -> None:
        text = json.dumps(
            {"rater_id": 5, "subject": "s1", "scale_id": "x", "score": "abc", "extra": 1}
        )
        with pytest.raises(p.InvalidInputError) as raised:
            loads(text, Rating)
        assert sorted(problem.path for problem in raised.value.problems) == [
            "$.extra", "$.rater_id", "$.score",
        ]  # fmt: skip

    def test_a_number_is_converted_once_and_as_written(self) -> None:
        rating = structure(
            {"rater_id": "r1", "subject": "s1", "scale_id": "x", "score": "3.50"}, Rating
        )
        assert str(rating.score) == "3.50"


# -- building as __init__ does: the same object, or a step aside -----------------------------


INDICATOR = {
    "id": "i",
    "description": "D",
    "aspect": "quantity",
    "target": {"kind": "point", "value": "1"},
}


@attrs.frozen(cache_hash=True)
class Cached:
    """A cached hash: the hash slot is set by __init__ alone."""

    name: str = attrs.field(validator=identifier)


@attrs.frozen
class Prepared:
    """A pre-init hook."""

    name: str = attrs.field(validator=identifier)

    def __attrs_pre_init__(self) -> None:
        pass


@attrs.frozen(slots=False)
class WithDict:
    """A frozen class with a __dict__."""

    name: str = attrs.field(validator=identifier)


@attrs.frozen
class Later:
    """A field that __init__ sets by itself."""

    name: str = attrs.field(validator=identifier)
    shout: str = attrs.field(init=False, default="!")


@attrs.frozen
class BlankDefault:
    """A default its own validator refuses."""

    name: str = attrs.field(default=" ", validator=identifier)


@attrs.frozen
class Roled:
    """An enumeration with no converter of its own."""

    role: p.RaterRole


def _from_factory(self: Defaults) -> list[str]:
    # A list: the converter makes it a tuple.
    return ["from the factory", "made" if self.count == Decimal(1) else "early"]


@attrs.frozen
class Defaults:
    """Defaults through a converter and validators, and a factory that reads self."""

    count: Decimal = attrs.field(default="1", converter=DECIMAL)
    seen: tuple[str, ...] = attrs.field(
        default=attrs.Factory(_from_factory, takes_self=True), converter=TUPLE, validator=texts
    )

    @count.validator
    def _check_count(self, attribute: attrs.Attribute[Decimal], value: Decimal) -> None:
        if value < 0:
            raise p.InvalidValueError(attribute.name, value, "must be at least 0")


class TestBuiltAsInitBuilds:
    @settings(max_examples=30, suppress_health_check=[HealthCheck.too_slow])
    @given(appraisals(min_ratings=1))
    def test_the_same_object_in_every_respect(self, appraisal: p.Appraisal) -> None:
        """Equal, with the same hash, repr and pickle, and cached properties that work."""
        quick = _QUICK.structure(unstructure(appraisal), p.Appraisal)
        assert (appraisal, hash(appraisal), repr(appraisal)) == (quick, hash(quick), repr(quick))
        assert pickle.loads(pickle.dumps(quick)) == appraisal  # noqa: S301 - our own bytes
        assert dict(quick.rater_roles) == dict(appraisal.rater_roles)
        assert quick.ratings_of(quick.ratings[0].subject) == appraisal.ratings_of(
            appraisal.ratings[0].subject
        )
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            quick.id = "changed"  # type: ignore[misc]

    @pytest.mark.parametrize(
        "cls",
        [p.Appraisal, Rating, p.Rater, WorkTarget, Indicator, p.Realisation, p.PointTarget,
         p.RangeTarget, p.NumericScale, p.FeedbackNote, p.Employee, p.Position, p.Period],
    )  # fmt: skip
    def test_the_classes_of_a_document_are_built_without_init(self, cls: type) -> None:
        """Every class of an appraisal document takes the shortcut (so the tests above test it)."""
        assert _builds_alike(cls)

    @pytest.mark.parametrize(
        ("cls", "document"),
        [
            (WorkTarget, {"id": "t", "title": "T", "indicators": []}),
            (WorkTarget, {"id": "t", "title": "T", "indicators": [INDICATOR, INDICATOR]}),
            (p.Period, {"start": "2024-12-31", "end": "2024-01-01"}),
            (p.Period, {"start": "2024-01-01", "end": "2024-12-30", "kind": "year"}),
            (p.Position, {"title": "Analis", "kind": "expert_first", "leads_unit": True}),
            (p.Position, {"title": "Analis", "kind": "expert_first", "unit_id": "u",
                          "leads_independent_unit": True}),
        ],
    )  # fmt: skip
    def test_a_joined_validator_runs_every_part(self, cls: type, document: object) -> None:
        """Each part of a validator joined with attrs' and_ runs, the plain ones in line."""
        assert attempt(_CONVERTER, document, cls)[0] == "refused"
        with pytest.raises(p.InvalidValueError):
            _QUICK.structure(document, cls)

    def test_validators_switched_off_step_aside(self) -> None:
        """With attrs' validators off, the quick way leaves the building to the class itself."""
        rating = {"rater_id": "r1", "subject": "s1", "scale_id": "x", "score": "3"}
        structure_rating = quick_structure_fn(Rating, _QUICK)
        with attrs.validators.disabled(), pytest.raises(Unusual):
            structure_rating(rating, Rating)
        assert structure(rating, Rating) == Rating("r1", "s1", "x", score=Decimal(3))

    @pytest.mark.parametrize("cls", [Cached, Prepared, WithDict, Later])
    def test_other_classes_are_built_by_calling_them(self, cls: type) -> None:
        """A cached hash, a pre-init hook, a dict class or a field outside __init__: cls(**k)."""
        assert not _builds_alike(cls)
        built = quick_structure_fn(cls, _QUICK)({"name": "a"}, cls)
        assert (built, hash(built)) == (cls(name="a"), hash(cls(name="a")))
        with pytest.raises(p.InvalidValueError):
            quick_structure_fn(cls, _QUICK)({"name": " "}, cls)

    def test_an_attrs_that_cannot_tell_how_it_built(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Before attrs 25.4 (no attrs.inspect) every class is built by calling it."""
        monkeypatch.delattr(attrs, "inspect")
        assert not _builds_alike(Rating)
        rating = {"rater_id": "r1", "subject": "s1", "scale_id": "x", "level": "low"}
        built = quick_structure_fn(Rating, _QUICK)(rating, Rating)
        assert built == Rating("r1", "s1", "x", level="low")

    def test_a_default_that_fails_its_validator(self) -> None:
        """A default is checked as a given value is: a blank default id is refused."""
        with pytest.raises(Unusual):
            quick_structure_fn(BlankDefault, _QUICK)({}, BlankDefault)
        with pytest.raises(p.InvalidValueError):
            BlankDefault()
        assert quick_structure_fn(BlankDefault, _QUICK)({"name": "a"}, BlankDefault).name == "a"

    def test_an_enumeration_without_a_converter(self) -> None:
        """A label that is no id is read by the enumeration's hook, as the careful way reads it."""
        structure_role = quick_structure_fn(Roled, _QUICK)
        for text in ("peer", "Peer", "rekan kerja"):
            built = structure_role({"role": text}, Roled)
            assert (built, type(built.role)) == (Roled(p.RaterRole.PEER), p.RaterRole)
        with pytest.raises(UnknownLabelError):
            structure_role({"role": "nobody"}, Roled)

    def test_defaults_and_factories_as_init_sets_them(self) -> None:
        """A default goes through the converter and the validators; a factory is called."""
        built = quick_structure_fn(Defaults, _QUICK)({}, Defaults)
        assert built == Defaults()
        assert built.seen == ("from the factory", "made")  # the factory saw self
        with pytest.raises(p.InvalidValueError):
            quick_structure_fn(Defaults, _QUICK)({"count": "-1"}, Defaults)


# -- the plain tests in line: true only where their validator passes -------------------------


class Subtext(str):
    """A text of another type: the strict hooks refuse it, so the tests in line must too."""

    __slots__ = ()


@attrs.frozen
class Named:
    """A field for the validators to name."""

    name: object


VALUES = st.one_of(
    st.none(),
    st.text(max_size=4),
    st.sampled_from(["x" * 200, "x" * 201, "y" * 10_000, "y" * 10_001, " \t", "\u00a0", "ok"]),
    st.builds(Subtext, st.text(max_size=3)),
    st.dates(),
    st.datetimes(),
    st.integers(-2, 2),
    st.booleans(),
    st.lists(st.text(max_size=3) | st.integers(), max_size=3).map(tuple),
    st.just(("x" * 10_001,)),
    st.just(("y" * 6_000, "y" * 6_000)),  # each within the limit, together over it
    st.just(("y" * 6_000, "y" * 10_001)),
    st.sampled_from([p.RaterRole.PEER, Decimal(1)]),
)
TYPE_CHECKS = [
    instance_of(int, expected="a number"),
    instance_of(str, type(None), expected="text or None"),
    instance_of(bool, expected="true or false"),
    items_of(str, expected="text"),
    items_of(int, bool, expected="a number"),
]


class TestPlainTests:
    @pytest.mark.parametrize("validator", [*PLAIN, *TYPE_CHECKS], ids=repr)
    @given(value=VALUES)
    def test_a_plain_test_holds_only_where_its_validator_passes(
        self, validator: Any, value: object
    ) -> None:
        """Where the test in line holds, the validator it stands for accepts the value."""
        test = plain_test(validator, "y")
        assert test is not None
        types = frozenset(validator.types) if isinstance(validator, TypeCheck) else None
        if eval(test, {**TEST_NAMES, "y": types}, {"v": value}):  # noqa: S307 - our own test text
            validator(None, attrs.fields(Named).name, value)

    def test_the_plain_case_is_taken(self) -> None:
        """Ordinary values pass the tests in line: the shortcut is the common path."""
        plain = [
            (identifier, "r-1"),
            (optional_identifier, None),
            (texts, ("a", "")),
            (texts, ()),
            (texts, ("y" * 6_000, "y" * 6_000)),
            (optional_date, date(2024, 1, 1)),
        ]
        for validator, value in plain:
            test = plain_test(validator, "y")
            assert test is not None
            assert eval(test, dict(TEST_NAMES), {"v": value})  # noqa: S307 - our own test text

    def test_others_have_none(self) -> None:
        """A validator with no known plain case runs as __init__ runs it."""
        assert plain_test(p.NumericScale._check_maximum, "y") is None
        assert plain_test(p.Appraisal.__attrs_post_init__, "y") is None


# -- numbers of plain digits: Decimal(text), as to_decimal makes it -------------------------

DIGIT_TEXTS = st.one_of(
    st.text("0123456789.", max_size=45),
    st.sampled_from(["", ".", "1.", ".5", "0", "00", "1.2.3", "1e3", "-1", "+1", " 1", "1 ",
                     "\u0663", "\uff11", "\u00b2", "1_0", "NaN", "0" * 40, "9" * 40, "9" * 41,
                     "1" + "0" * 39 + ".5", "0." + "0" * 39, "0." + "1" * 41]),
)  # fmt: skip


class TestDigits:
    @given(DIGIT_TEXTS)
    def test_the_plain_number_test_holds_only_where_decimal_is_what_to_decimal_makes(
        self, text: str
    ) -> None:
        """Where the test in line holds, Decimal(text) is to_decimal's very result."""
        if eval(DIGITS, {}, {"v": text}):  # noqa: S307 - our own test text
            expected = to_decimal(text, "score")
            assert (str(Decimal(text)), type(Decimal(text))) == (str(expected), Decimal)

    @given(DIGIT_TEXTS, st.sampled_from(["score", "level"]))
    def test_a_rating_of_such_a_score_is_built_alike(self, text: str, other: str) -> None:
        """A whole rating: the quick way builds what the careful way builds, or steps aside."""
        document = {"rater_id": "r", "subject": "s", "scale_id": "x", "score": text}
        if other == "level":
            document["level"] = "low"  # both given: refused either way
        careful, quick = attempt(_CONVERTER, document, Rating), attempt(_QUICK, document, Rating)
        assert careful[0] == attempt(type("Door", (), {"structure": staticmethod(structure)}),
                                     document, Rating)[0]  # fmt: skip
        if quick[0] == "built":
            assert careful == quick

    def test_plain_digits_take_the_shortcut(self) -> None:
        """Whole numbers and one point are read in line; a 41-digit number is not."""
        for text in ("7", "191.16", "1.", ".5", "9" * 40):
            assert eval(DIGITS, {}, {"v": text})  # noqa: S307 - our own test text
        for text in ("9" * 41, "-1", "1e3", " 1", "\u0663", ".", ""):
            assert not eval(DIGITS, {}, {"v": text})  # noqa: S307 - our own test text


# -- slots set through their own descriptors -----------------------------------------------


@attrs.frozen
class Base:
    """Fields set through the slots of a base class."""

    name: str = attrs.field(validator=identifier)
    count: Decimal = attrs.field(default=Decimal(1), converter=DECIMAL)


@attrs.frozen
class Derived(Base):
    """Fields of its own, after the base's."""

    extra: tuple[str, ...] = attrs.field(default=(), converter=TUPLE, validator=texts)


@attrs.frozen
class Tags:
    """An array of texts with no validator: its read alone checks the items."""

    tags: tuple[str, ...] = attrs.field(converter=TUPLE)


class Loose:
    """A plain base class: its instances have a `__dict__`."""


@attrs.frozen
class OnALooseBase(Loose):
    """Slotted by attrs, with a `__dict__` all the same, from its base."""

    name: str = attrs.field(validator=identifier)


class TestSlots:
    def test_a_class_with_a_dict_is_built_by_calling_it(self) -> None:
        """No writable twin for a class whose instances have a `__dict__`: it is called."""
        assert not _builds_alike(OnALooseBase)
        built = quick_structure_fn(OnALooseBase, _QUICK)({"name": "a"}, OnALooseBase)
        assert built == OnALooseBase("a")
        assert type(built) is OnALooseBase

    def test_inherited_and_own_slots(self) -> None:
        """A subclass's fields, its own and its base's, are set in their own slots."""
        assert _builds_alike(Derived)
        built = quick_structure_fn(Derived, _QUICK)(
            {"name": "a", "count": "2.50", "extra": ["x", "y"]}, Derived
        )
        assert built == Derived("a", Decimal("2.50"), ("x", "y"))
        assert (str(built.count), hash(built)) == ("2.50", hash(Derived("a", "2.50", ("x", "y"))))

    def test_texts_of_another_type_step_aside(self) -> None:
        """An array of texts with a number or a str subclass in it is not read in line."""
        structure_realisation = quick_structure_fn(p.Realisation, _QUICK)
        plain = {"value": "1", "evidence": ["a", "b"]}
        assert structure_realisation(plain, p.Realisation) == p.Realisation(
            Decimal(1), evidence=("a", "b")
        )
        for evidence in (["a", 5], [Subtext("a")], "ab", [["a"]]):
            with pytest.raises(Unusual):
                structure_realisation({**plain, "evidence": evidence}, p.Realisation)
        structure_tags = quick_structure_fn(Tags, _QUICK)  # no validator: the read alone
        assert structure_tags({"tags": ["a", ""]}, Tags) == Tags(("a", ""))
        for tags in (["a", 5], [Subtext("a")], [None]):
            with pytest.raises(Unusual):
                structure_tags({"tags": tags}, Tags)
            assert attempt(_CONVERTER, {"tags": tags}, Tags)[0] == "refused"


# -- functions marked with their plain case (_base.checks.plain_case) ------------------------


def marked() -> list[tuple[type, str, Any]]:
    """Every class of the model, with the field (or "") and function marked with a plain case."""
    found = []
    for name in model.__all__:
        cls = getattr(model, name)
        if not (isinstance(cls, type) and attrs.has(cls)):
            continue
        post_init = getattr(cls, "__attrs_post_init__", None)
        if hasattr(post_init, "__plain_case__"):
            found.append((cls, "", post_init))
        found.extend(
            (cls, field.name, part)
            for field in attrs.fields(cls)
            for part in (*_parts(field.validator), field.converter)
            if hasattr(part, "__plain_case__")
        )
    return found


MARKED = marked()


# Values near every plain case's edge, for any field.
SOME_VALUES_LIST: list[object] = [
    None, Decimal(-1), Decimal(0), Decimal("0.0"), Decimal("-0"), Decimal("0.5"), Decimal(5),
    0, 1, 1.5, "", " ", "x", "low", "quantity", "higher_is_better", True, False, (), ("a",),
    p.RaterRole.PUBLIC, p.RaterRole.PEER, p.PointTarget(1), p.QualitativeTarget("q"),
    p.Realisation(description="done"), p.Realisation(Decimal(0)),
    p.Realisation(description=" ", value=Decimal(2)),
    *p.Aspect, *p.Direction, *model.TargetKind, *model.Perspective, *p.PositionKind,
    *model.PeriodKind,
    *p.RaterRole, *p.ExpectationLevel, "Kuantitas", "main", "year", p.Nip("198609262015051001"),
    "198609262015051001",
]  # fmt: skip
SOME_VALUES = st.sampled_from(SOME_VALUES_LIST)


def _settled(field: attrs.Attribute[Any], value: object) -> tuple[object, ...]:
    """*value* as *field*'s converter makes it, if its validator then passes it; else ()."""
    converter: Any = field.converter
    try:
        if isinstance(converter, attrs.Converter):  # type: ignore[arg-type]
            value = converter.converter(value, field)  # type: ignore[attr-defined]
        elif converter is not None:
            value = converter(value)
        if field.validator is not None:
            field.validator(None, field, value)
    except (p.PenilaianError, TypeError, AttributeError):
        return ()
    return (value,)


def settled(field: attrs.Attribute[Any]) -> list[object]:
    """The values of `SOME_VALUES` that *field* can hold once built, converted."""
    return [kept for value in SOME_VALUES_LIST for kept in _settled(field, value)]


class TestMarkedPlainCases:
    def test_the_marked_functions(self) -> None:
        """The model marks the checks a document meets most often."""
        names = {(cls.__name__, field) for cls, field, _ in MARKED}
        assert {("Rating", ""), ("Rater", ""), ("Indicator", ""), ("Realisation", ""),
                ("Realisation", "value"), ("PointTarget", "value"), ("Rater", "role"),
                ("Indicator", "aspect"), ("Indicator", "direction"), ("WorkTarget", "kind"),
                ("WorkTarget", "perspective"), ("Position", "kind"),
                ("Period", "kind"), ("Employee", "nip")} <= names  # fmt: skip

    @pytest.mark.parametrize(("cls", "field", "function"), MARKED, ids=repr)
    @given(data=st.data())
    def test_where_the_plain_case_holds_the_function_passes(
        self, cls: type, field: str, function: Any, data: st.DataObject
    ) -> None:
        """A marked post-init or validator never raises where its plain case holds."""
        test = function.__plain_case__
        names = {**TEST_NAMES, **function.__plain_names__}
        attribute = attrs.fields_dict(cls)[field] if field else None
        if attribute is not None and function is attribute.converter:  # v converted to itself
            value = data.draw(SOME_VALUES)
            if eval(test, names, {"v": value}):  # noqa: S307 - our own test text
                assert function(value) is value
            return
        if attribute is not None:  # a validator: the value alone
            value = data.draw(SOME_VALUES)
            if eval(test, names, {"v": value}):  # noqa: S307 - our own test text
                function(None, attribute, value)
            return
        self_ = object.__new__(cls)
        for each in attrs.fields(cls):  # a post-init hook runs on values converted and valid
            object.__setattr__(self_, each.name, data.draw(st.sampled_from(settled(each))))
        if eval(test, names, {"self": self_}):  # noqa: S307 - our own test text
            function(self_)

    def test_a_post_init_outside_its_plain_case_still_runs(self) -> None:
        """Both score and level: the plain case fails, the hook runs and refuses, as __init__."""
        document = {"rater_id": "r", "subject": "s", "scale_id": "x", "score": "1", "level": "a"}
        with pytest.raises(p.InvalidValueError, match="exactly one"):
            quick_structure_fn(Rating, _QUICK)(document, Rating)
        rater = {"id": "r", "role": "peer"}  # no employee: the hook decides by the role
        with pytest.raises(p.InvalidValueError):
            quick_structure_fn(p.Rater, _QUICK)(rater, p.Rater)
        public = quick_structure_fn(p.Rater, _QUICK)({**rater, "role": "public"}, p.Rater)
        assert public == p.Rater("r", p.RaterRole.PUBLIC)
