"""The target tree: links across appraisals, their checks, the cascading matrix."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from penilaian.analysis.cascade import (
    CascadeMatrix,
    TargetNode,
    TargetRef,
    TargetTree,
    build_tree,
    cascade_matrix,
    check_tree,
    find_cycles,
    supervisor_of,
    unit_matrix,
)
from penilaian.exceptions import InvalidInputError, UnknownReferenceError
from penilaian.io.samples import load_sample_unit
from penilaian.model import (
    BERAKHLAK,
    Appraisal,
    Employee,
    Indicator,
    OrgUnit,
    Period,
    PointTarget,
    Position,
    Rater,
    Realisation,
    TargetKind,
    WorkTarget,
)

YEAR = Period.year(2024)


def target(target_id, cascades_from=None, value=None, kind="main"):
    """A work target with one point indicator (target 100), realised at *value* if given."""
    realisation = None if value is None else Realisation(value)
    indicator = Indicator(
        f"{target_id}-iki", "Jumlah", "quantity", PointTarget(100), realisation=realisation
    )
    return WorkTarget(
        target_id, f"Judul {target_id}", (indicator,), kind=kind, cascades_from=cascades_from
    )


def appraisal(aid, employee, targets, *, boss=None, unit=None, leads=False, period=YEAR):
    """An appraisal of *employee* with *targets*, and a supervisor rater *boss* if given."""
    raters = () if boss is None else (Rater("atasan", "supervisor", boss),)
    position = Position("Jabatan", "administrator" if leads else "executor", unit, leads_unit=leads)
    return Appraisal(
        aid, Employee(employee, f"Pegawai {employee}"), position, period, BERAKHLAK, targets, raters
    )


def agency():
    """A head (kepala), a leader under them (kabid) and two staff under the leader."""
    return [
        appraisal("a-head", "head", [target("t1"), target("t2")]),
        appraisal("a-kabid", "kabid", [target("k1", "t1"), target("k2", "t2")], boss="head"),
        appraisal("a-staf1", "staf1", [target("s1", "k1"), target("s2", "k1")], boss="kabid"),
        appraisal(
            "a-staf2", "staf2", [target("s1", "k2"), target("x", kind="additional")], boss="kabid"
        ),
    ]


def messages(problems):
    return [(problem.path, problem.message) for problem in problems]


class TestBuildTree:
    """Links resolve to the supervisor's targets; ids are unique across appraisals."""

    def test_links_through_the_supervisor_rater(self):
        """A plain target id names a target of the supervisor's appraisal."""
        tree = build_tree(agency())
        assert tree.node("a-staf1/s1").parent == TargetRef("a-kabid", "k1")
        assert tree.node(TargetRef("a-kabid", "k2")).parent == TargetRef("a-head", "t2")
        roots = [str(node.ref) for node in tree.roots()]
        assert roots == ["a-head/t1", "a-head/t2", "a-staf2/x"]  # additional: unlinked

    def test_same_target_id_in_two_appraisals(self):
        """Two staff may both have target s1: the reference carries the appraisal."""
        tree = build_tree(agency())
        assert tree.node("a-staf1/s1").parent != tree.node("a-staf2/s1").parent

    def test_qualified_reference(self):
        """``<appraisal id>/<target id>`` names a target of any appraisal in the set."""
        items = agency()
        items[2] = appraisal("a-staf1", "staf1", [target("s1", "a-head/t2")], boss="kabid")
        tree = build_tree(items)
        assert tree.node("a-staf1/s1").parent == TargetRef("a-head", "t2")

    def test_walk_children_and_depth(self):
        """Walking gives each root then the targets under it, depth first."""
        tree = build_tree(agency())
        walked = [str(node.ref) for node in tree.walk()]
        assert walked == [
            "a-head/t1",
            "a-kabid/k1",
            "a-staf1/s1",
            "a-staf1/s2",
            "a-head/t2",
            "a-kabid/k2",
            "a-staf2/s1",
            "a-staf2/x",
        ]
        assert walked.index("a-head/t1") < walked.index("a-kabid/k1") < walked.index("a-staf1/s2")
        assert [str(n.ref) for n in tree.children(TargetRef("a-kabid", "k1"))] == [
            "a-staf1/s1",
            "a-staf1/s2",
        ]
        assert tree.depth(TargetRef("a-staf1", "s2")) == 2
        assert len(tree) == 8
        assert TargetRef("a-head", "t1") in tree

    def test_unit_tree_gives_the_supervisor(self):
        """Without a supervisor rater, the nearest leader above in the unit tree supervises."""
        units = OrgUnit("dinas", "Dinas", "head", (OrgUnit("bidang", "Bidang", "kabid"),))
        items = [
            appraisal("a-head", "head", [target("t1")], unit="dinas", leads=True),
            appraisal("a-kabid", "kabid", [target("k1", "t1")], unit="bidang", leads=True),
            appraisal("a-staf", "staf", [target("s1", "k1")], unit="bidang"),
        ]
        assert supervisor_of(items[1], units) == "head"
        assert supervisor_of(items[2], units) == "kabid"
        assert supervisor_of(items[0], units) is None
        tree = build_tree(items, units=units)
        assert tree.node("a-staf/s1").parent == TargetRef("a-kabid", "k1")
        assert unit_matrix(tree, "bidang").appraisal_id == "a-kabid"

    def test_unknown_node(self):
        """Asking for a target the tree lacks is a typed error."""
        with pytest.raises(UnknownReferenceError):
            build_tree(agency()).node("a-head/none")


class TestCheckTree:
    """Every broken link is a problem at its path, in Indonesian or English."""

    def test_unknown_parent(self):
        """A target id the supervisor's appraisal lacks is an unknown reference."""
        items = agency()
        items[2] = appraisal("a-staf1", "staf1", [target("s1", "k9")], boss="kabid")
        [problem] = check_tree(items, lang="en")
        assert problem.path == "$[2].targets[0].cascades_from"
        assert "has no work target with this id" in problem.message
        assert isinstance(problem.error, UnknownReferenceError)
        [indonesian] = check_tree(items)
        assert "tidak punya RHK" in indonesian.message

    def test_supervisor_without_appraisal(self):
        """A supervisor who has no appraisal in the set is named."""
        items = agency()[2:]
        problems = check_tree(items, lang="en")
        assert {p.path for p in problems} == {
            "$[0].targets[0].cascades_from",
            "$[0].targets[1].cascades_from",
            "$[1].targets[0].cascades_from",
        }
        assert all("kabid has no appraisal" in p.message for p in problems)

    def test_unknown_supervisor(self):
        """Without a supervisor rater or unit tree, a plain id cannot resolve."""
        items = [agency()[0], appraisal("a-x", "x", [target("y", "t1")])]
        [problem] = check_tree(items, lang="en")
        assert "supervisor is not known" in problem.message

    def test_unlinked_main_target(self):
        """A main target of an official with a supervisor must cascade; an additional need not."""
        items = agency()
        items[1] = appraisal("a-kabid", "kabid", [target("k1", "t1"), target("k2")], boss="head")
        assert messages(check_tree(items, lang="en")) == [
            (
                "$[1].targets[1].cascades_from",
                (
                    "a main work target of an official with a supervisor must cascade from "
                    "a supervisor's target (got None)"
                ),
            )
        ]
        [indonesian] = check_tree(items)
        assert indonesian.message.startswith("RHK utama pegawai yang punya atasan")

    def test_top_exempts(self):
        """An appraisal named as top needs no link."""
        items = agency()
        items[1] = appraisal("a-kabid", "kabid", [target("k1"), target("k2")], boss="head")
        assert check_tree(items, top={"a-kabid"}) == []

    def test_cycle(self):
        """Links that come back are a problem at every target of the cycle."""
        items = [
            appraisal("a", "p", [target("t", "b/u")], boss="q"),
            appraisal("b", "q", [target("u", "a/t")], boss="p"),
        ]
        problems = check_tree(items, lang="en")
        assert [p.path for p in problems] == [
            "$[0].targets[0].cascades_from",
            "$[1].targets[0].cascades_from",
        ]
        assert "a/t \u2192 b/u \u2192 a/t" in problems[0].message
        with pytest.raises(InvalidInputError) as raised:
            build_tree(items)
        assert raised.value.count == 2

    def test_self_link_is_a_cycle(self):
        """A target naming itself is a cycle of one."""
        items = [appraisal("a", "p", [target("t", "a/t")])]
        [problem] = check_tree(items)
        assert "a/t \u2192 a/t" in problem.message

    def test_duplicate_appraisal_and_other_period(self):
        """A repeated appraisal id and another period are problems at the appraisal."""
        items = [*agency(), agency()[0]]
        items[1] = appraisal(
            "a-kabid",
            "kabid",
            [target("k1", "t1"), target("k2", "t2")],
            boss="head",
            period=Period.year(2023),
        )
        assert [p.path for p in check_tree(items)] == ["$[1].period", "$[4].id"]

    def test_ambiguous_supervisor(self):
        """A supervisor with two appraisals in the set cannot be resolved by a plain id."""
        items = [*agency(), appraisal("a-kabid-2", "kabid", [target("k1", "t1")], boss="head")]
        problems = check_tree(items, lang="en")
        assert all("has 2 appraisals" in p.message for p in problems)
        assert len(problems) == 3

    def test_unknown_unit(self):
        """A unit id the unit tree lacks is reported at the position."""
        units = OrgUnit("dinas", "Dinas", "head")
        items = [appraisal("a-head", "head", [target("t1")], unit="elsewhere")]
        [problem] = check_tree(items, units=units)
        assert problem.path == "$[0].position.unit_id"

    def test_sample_unit_names_its_missing_head(self):
        """The sample unit's leader cascades from a head whose appraisal is not in the set."""
        items = load_sample_unit().appraisals
        [problem] = check_tree(items, lang="en")
        assert problem.path == "$[0].targets[0].cascades_from"
        assert "197603222000031002 has no appraisal" in problem.message

    def test_sample_unit_is_one_tree_below_its_leader(self):
        """Named as the top, the leader's outside link is no problem; every main RHK links."""
        items = load_sample_unit().appraisals
        assert check_tree(items, top=(items[0].id,)) == []
        tree = build_tree(items, top=(items[0].id,))
        leader = TargetRef(items[0].id, "rhk-1")
        main = sum(t.kind is TargetKind.MAIN for a in items[1:] for t in a.targets)
        assert len(tree.children(leader)) == main == 10

    def test_a_top_official_keeps_a_link_the_set_resolves(self):
        """Named in top, a link into the set is still followed."""
        items = [
            appraisal("a-head", "head", [target("t1")]),
            appraisal("a-1", "s1", [target("s1", "a-head/t1")], boss="head"),
        ]
        tree = build_tree(items, top=("a-1",))
        assert [n.ref for n in tree.children(TargetRef("a-head", "t1"))] == [TargetRef("a-1", "s1")]


def _node(aid, tid, parent=None):
    return TargetNode(TargetRef(aid, tid), target(tid), f"$.{aid}.{tid}", aid, aid, parent=parent)


class TestTargetTree:
    """The tree value checks its own links."""

    def test_refuses_unknown_parent_duplicate_and_cycle(self):
        """An unknown parent, a repeated reference and a cycle are refused together."""
        nodes = [
            _node("a", "1", TargetRef("a", "2")),
            _node("a", "2", TargetRef("a", "1")),
            _node("c", "1"),
            _node("c", "1"),
            _node("b", "1", TargetRef("z", "9")),
        ]
        with pytest.raises(InvalidInputError) as raised:
            TargetTree(nodes)
        assert raised.value.count == 3

    @given(st.lists(st.integers(0, 9), min_size=1, max_size=10), st.data())
    def test_cycles_always_found(self, links, data):
        """Any functional graph: a cycle exists exactly when following links repeats a node."""
        refs = [TargetRef("a", str(i)) for i in range(len(links))]
        parents = {
            ref: (None if link >= len(refs) else refs[link])
            for ref, link in zip(refs, links, strict=True)
        }
        cycles = find_cycles(parents)
        on_cycle = set()
        for start in refs:
            seen, ref = [], start
            while ref is not None and ref not in seen:
                seen.append(ref)
                ref = parents[ref]
            if ref is not None:
                on_cycle.update(seen[seen.index(ref) :])
        assert {ref for cycle in cycles for ref in cycle} == on_cycle
        assert all(cycle[0] == cycle[-1] for cycle in cycles)
        order = data.draw(st.permutations(refs))
        assert {frozenset(c) for c in find_cycles({r: parents[r] for r in order})} == {
            frozenset(c) for c in cycles
        }

    @given(st.integers(1, 6), st.integers(0, 5))
    def test_cycle_across_appraisals_is_detected(self, length, offset):
        """A ring of appraisals, each cascading from the next, is always reported."""
        ids = [f"a{i}" for i in range(length)]
        items = [
            appraisal(aid, f"e{i}", [target("t", f"{ids[(i + 1) % length]}/t")])
            for i, aid in enumerate(ids)
        ]
        items = items[offset % length :] + items[: offset % length]
        problems = check_tree(items)
        assert len(problems) == length
        assert all("kembali ke dirinya" in p.message for p in problems)


class TestMatrix:
    """The cascading matrix: a row per leader's target, a column per intervening official."""

    def test_kabid_matrix(self):
        """The leader's rows hold each staff member's targets that intervene them."""
        matrix = cascade_matrix(build_tree(agency()), "a-kabid")
        assert isinstance(matrix, CascadeMatrix)
        assert [c.appraisal_id for c in matrix.columns] == ["a-staf1", "a-staf2"]
        assert [[[e.title for e in cell] for cell in row.cells] for row in matrix.rows] == [
            [["Judul s1", "Judul s2"], []],
            [[], ["Judul s1"]],
        ]
        assert matrix.unlinked_rows == ()

    def test_unlinked_rows_and_errors(self):
        """A target nobody intervenes is an unlinked row; unknown appraisals are refused."""
        tree = build_tree(agency())
        assert [r.target.ref.target_id for r in cascade_matrix(tree, "a-staf1").unlinked_rows] == [
            "s1",
            "s2",
        ]
        with pytest.raises(UnknownReferenceError):
            cascade_matrix(tree, "nobody")
        with pytest.raises(UnknownReferenceError):
            unit_matrix(tree, "nowhere")
