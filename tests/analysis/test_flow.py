"""Tests for penilaian.analysis.curve.flow: the exact minimum-cost flow behind calibration."""

from __future__ import annotations

from penilaian.analysis.curve.flow import FlowNetwork


class TestFlowNetwork:
    """Small networks solved by hand."""

    def test_takes_the_cheaper_path_first(self) -> None:
        """Two paths of capacity 2: the cheap one fills before the dear one."""
        network = FlowNetwork(4)
        cheap = network.add(0, 1, 2, 1)
        dear = network.add(0, 2, 2, 5)
        network.add(1, 3, 2, 0)
        network.add(2, 3, 2, 0)
        assert network.solve(0, 3, 3) == (3, 2 * 1 + 1 * 5)
        assert (network.flow(cheap), network.flow(dear)) == (2, 1)

    def test_negative_costs_attract_flow(self) -> None:
        """An edge of negative cost is used up to its capacity before a free one."""
        network = FlowNetwork(3)
        bonus = network.add(0, 1, 1, -10)
        free = network.add(0, 1, 5, 0)
        network.add(1, 2, 5, 0)
        assert network.solve(0, 2, 2) == (2, -10)
        assert (network.flow(bonus), network.flow(free)) == (1, 1)

    def test_reroutes_through_reverse_edges(self) -> None:
        """The classic case where the second path undoes part of the first."""
        network = FlowNetwork(4)
        network.add(0, 1, 1, 1)
        network.add(0, 2, 1, 3)
        middle = network.add(1, 2, 1, 1)
        network.add(1, 3, 1, 3)
        network.add(2, 3, 1, 1)
        assert network.solve(0, 3, 2) == (2, 1 + 3 + 3 + 1)
        assert network.flow(middle) == 0

    def test_sends_what_it_can_when_capacity_runs_out(self) -> None:
        """Asked for more than the network carries, it sends the most it can."""
        network = FlowNetwork(3)
        network.add(0, 1, 2, 0)
        network.add(1, 2, 1, 4)
        assert network.solve(0, 2, 5) == (1, 4)

    def test_no_path_sends_nothing(self) -> None:
        """A sink nobody reaches gets nothing."""
        network = FlowNetwork(3)
        network.add(0, 1, 2, 0)
        assert network.solve(0, 2, 1) == (0, 0)
