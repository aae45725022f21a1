"""
A small exact minimum-cost flow, for calibration proposals.

Successive shortest paths with Bellman-Ford (queue-based) on integer capacities and
costs: negative costs are allowed as long as the network starts without a negative
cycle, which holds for the layered networks calibration builds.  Integers in, integers
out, so the optimum is exact; the graphs are tiny (tens of nodes) whatever the size
of the unit, because employees enter as counts per kind.
"""

from __future__ import annotations

from collections import deque

__all__ = ["FlowNetwork"]


class FlowNetwork:
    """
    A directed network with integer capacities and costs.

    Build it with `add`, run `solve` once, then read each edge's flow with `flow`.
    """

    def __init__(self, nodes: int) -> None:
        # Each edge is [head, capacity left, cost, index of its reverse edge].
        self._edges: list[list[list[int]]] = [[] for _ in range(nodes)]
        self._handles: list[tuple[int, int, int]] = []

    def add(self, tail: int, head: int, capacity: int, cost: int) -> int:
        """Add an edge and return its handle, for `flow`."""
        forward = [head, capacity, cost, len(self._edges[head])]
        backward = [tail, 0, -cost, len(self._edges[tail])]
        self._edges[tail].append(forward)
        self._edges[head].append(backward)
        self._handles.append((tail, len(self._edges[tail]) - 1, capacity))
        return len(self._handles) - 1

    def flow(self, handle: int) -> int:
        """Return the flow on the edge *handle*."""
        tail, index, capacity = self._handles[handle]
        return capacity - self._edges[tail][index][1]

    def solve(self, source: int, sink: int, amount: int) -> tuple[int, int]:
        """
        Send up to *amount* units from *source* to *sink* at the least total cost.

        Returns:
            The flow sent (less than *amount* when the network cannot carry it) and
            its total cost.
        """
        sent = cost = 0
        while sent < amount:
            path = self._cheapest_path(source, sink)
            if path is None:
                break
            push = amount - sent
            for node, index in path:
                push = min(push, self._edges[node][index][1])
            for node, index in path:
                edge = self._edges[node][index]
                edge[1] -= push
                self._edges[edge[0]][edge[3]][1] += push
                cost += push * edge[2]
            sent += push
        return sent, cost

    def _cheapest_path(self, source: int, sink: int) -> list[tuple[int, int]] | None:
        size = len(self._edges)
        distance: list[int | None] = [None] * size
        via: list[tuple[int, int] | None] = [None] * size
        queued = [False] * size
        distance[source] = 0
        queue = deque([source])
        while queue:
            node = queue.popleft()
            queued[node] = False
            here = distance[node]
            assert here is not None  # noqa: S101 - only reached nodes are queued
            for index, (head, capacity, cost, _) in enumerate(self._edges[node]):
                if capacity <= 0:
                    continue
                there = distance[head]
                if there is None or here + cost < there:
                    distance[head] = here + cost
                    via[head] = (node, index)
                    if not queued[head]:
                        queued[head] = True
                        queue.append(head)
        if distance[sink] is None:
            return None
        path: list[tuple[int, int]] = []
        node = sink
        while node != source:
            step = via[node]
            assert step is not None  # noqa: S101 - every reached node has a predecessor
            path.append(step)
            node = step[0]
        path.reverse()
        return path
