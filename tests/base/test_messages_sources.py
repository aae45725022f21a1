"""
No raise site lacks a message template: the catalogue renders every reason in Indonesian.

The test reads the source of `penilaian` (its AST, not its behaviour): every call of a
`penilaian.exceptions` value error, of `Problem`, of a result's `Gap` or of a helper that
takes a ``reason``, whose reason is a literal, an f-string, or a local name assigned one
(with the ``+=`` pieces that follow it), and every InvalidNipError group and
UnknownLabelError enumeration written as text.  Each f-string's placeholders are filled
with sample values; the catalogue must match the text and render it without the English
fallback.
"""

from __future__ import annotations

import ast
from pathlib import Path

import attrs
import pytest

import penilaian
from penilaian._base import messages

SOURCE = Path(penilaian.__file__).parent

VALUE_ERRORS = frozenset(
    {
        "InvalidValueError",
        "InvalidNumberError",
        "InvalidNipError",
        "InvalidPeriodError",
        "OffScaleError",
        "DuplicateIdError",
        "SelfRatingError",
        "UnknownReferenceError",
        "MissingValueError",
        "UnsupportedInputError",
    }
)
LABEL_ERROR = "UnknownLabelError"
# What the placeholders of an f-string stand for in the samples: a plain token, a quoted
# text with spaces, or a reason the catalogue knows (a placeholder may hold a reason).
# A text renders if one of its samples does.
SAMPLES = ("7", "'a b'", "must be a non-empty string")


@attrs.frozen
class Site:
    """One text given to an error, where it is written, and what it is for."""

    where: str
    role: str  # "reason", "group" or "enum"
    template: str  # the text, each placeholder written as {}
    texts: tuple[str, ...]  # the text with each placeholder filled by each sample


def _pieces(node: ast.expr) -> list[str | None] | None:
    """Return the text pieces of *node* (None for a placeholder), or None if it is no text."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.JoinedStr):
        return [
            part.value if isinstance(part, ast.Constant) else None
            for part in node.values
            if not (isinstance(part, ast.Constant) and part.value == "")
        ]
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _pieces(node.left), _pieces(node.right)
        return None if left is None or right is None else left + right
    return None


def _assigned(scope: ast.AST, name: str) -> list[list[str | None]]:
    """Return the texts *name* is given in *scope*: each assignment with the += that follow."""
    found: list[list[str | None]] = []
    for node in ast.walk(scope):
        for body in (getattr(node, field, None) for field in ("body", "orelse", "finalbody")):
            if not isinstance(body, list):
                continue
            for index, statement in enumerate(body):
                targets = statement.targets if isinstance(statement, ast.Assign) else []
                if not any(isinstance(t, ast.Name) and t.id == name for t in targets):
                    continue
                pieces = _pieces(statement.value)
                if pieces is None:
                    continue
                for after in body[index + 1 :]:
                    if not (
                        isinstance(after, ast.AugAssign)
                        and isinstance(after.target, ast.Name)
                        and after.target.id == name
                    ):
                        break
                    more = _pieces(after.value)
                    if more is None:
                        break
                    pieces = pieces + more
                found.append(pieces)
    return found


def _texts(pieces: list[str | None]) -> tuple[str, ...]:
    """Return the text once per sample, each placeholder filled with that sample."""
    if None not in pieces:
        return ("".join(pieces),)  # type: ignore[arg-type]
    return tuple("".join(sample if p is None else p for p in pieces) for sample in SAMPLES)


def _name(node: ast.expr) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def _enclosing(node: ast.AST, parents: dict[ast.AST, ast.AST]) -> ast.AST:
    scope = node
    while scope in parents and not isinstance(scope, (ast.FunctionDef, ast.AsyncFunctionDef)):
        scope = parents[scope]
    return scope


def _helpers(trees: list[ast.Module]) -> dict[str, int]:
    """
    Return the functions that take a reason to pass on, by name, with the reason's position.

    A helper is any function with a parameter named ``reason`` (``_refuse(field, value,
    reason)``); a method's position leaves ``self`` or ``cls`` out, as its calls do.
    """
    found: dict[str, int] = {}
    for tree in trees:
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                names = [arg.arg for arg in (*node.args.posonlyargs, *node.args.args)]
                if names and names[0] in {"self", "cls"}:
                    names = names[1:]
                if "reason" in names:
                    found[node.name] = names.index("reason")
    return found


def _roles(error: str | None, helpers: dict[str, int]) -> dict[str, int]:
    """Return which argument of a call to *error* is which text (position), if any."""
    if error in VALUE_ERRORS:
        return {"reason": 2, "group": 1} if error == "InvalidNipError" else {"reason": 2}
    if error == LABEL_ERROR:
        return {"enum": 2}
    if error in {"Problem", "Gap"}:  # a problem's message; a gap of a result (trace.Gap)
        return {"reason": 1}
    if error in helpers:
        return {"reason": helpers[error]}
    return {}


def sites() -> list[Site]:
    """Return every text the library's source gives to an error, with samples filled in."""
    found: list[Site] = []
    paths = sorted(SOURCE.rglob("*.py"))
    trees = [ast.parse(path.read_text(encoding="utf-8")) for path in paths]
    helpers = _helpers(trees)
    for path, tree in zip(paths, trees, strict=True):
        parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            roles = _roles(_name(node.func), helpers)
            for role, position in roles.items():
                given = next((kw.value for kw in node.keywords if kw.arg == role), None)
                if given is None and len(node.args) > position:
                    given = node.args[position]
                if given is None:
                    continue
                direct = _pieces(given)
                options = [direct] if direct is not None else []
                if direct is None and isinstance(given, ast.Name):
                    options = _assigned(_enclosing(node, parents), given.id)
                where = f"{path.relative_to(SOURCE)}:{node.lineno}"
                found.extend(
                    Site(
                        where,
                        role,
                        "".join("{}" if p is None else p for p in pieces),
                        _texts(pieces),
                    )
                    for pieces in options
                )
    return found


SITES = sites()


class TestEveryRaiseHasATemplate:
    """Every reason, NIP group and enumeration the source writes renders in Indonesian."""

    def test_the_walk_finds_the_raise_sites(self):
        """The walk itself can fail: it finds hundreds of reasons, among them known ones."""
        templates = {site.template for site in SITES}
        assert len(SITES) > 400
        assert "must be a non-empty string" in templates
        assert "has {} characters; at most {} are taken" in templates
        assert "appointment month" in {site.template for site in SITES if site.role == "group"}

    @pytest.mark.parametrize("site", SITES, ids=lambda site: f"{site.where}:{site.template[:40]}")
    def test_renders_in_indonesian(self, site):
        """The catalogue has a template for the text, in both languages."""
        render = {
            "reason": messages.reason_in,
            "group": messages.group_in,
            "enum": messages.noun_in,
        }[site.role]
        rendered = [render(text, "id") for text in site.texts]
        assert any(messages.MARK not in text for text in rendered), rendered
        if site.role == "reason":
            assert [messages.reason_in(text, "en") for text in site.texts] == list(site.texts)
