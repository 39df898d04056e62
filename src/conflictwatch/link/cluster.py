"""Clustering: candidate pairs -> groups of reports, honouring people's decisions.

The strongest pair is linked first; two groups join only when every report of
one is compatible with every report of the other (so a chain A~B~C never
joins A and C when they disagree) and no person split them apart. Reports a
person merged are one group from the start, whatever the rules say.

The groups are a function of the set of reports and decisions alone, not of
their order, and two reports with no chain of candidate pairs between them
(a "component") never affect each other's grouping: that is what lets new
reports be linked by re-clustering only the components they touch.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from conflictwatch.link.keys import Keyed

Pair = frozenset[str]
MERGE = "merge"
SPLIT = "split"


class UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, item: str) -> str:
        parent = self.parent.setdefault(item, item)
        if parent != item:
            parent = self.parent[item] = self.find(parent)
        return parent

    def union(self, a: str, b: str) -> str:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return ra
        # The smaller id is the root, so a component's name does not depend on order.
        low, high = sorted((ra, rb))
        self.parent[high] = low
        return low


@dataclass
class Constraints:
    """Pairs of reports a person said must (merge) or must not (split) be one event.

    Decisions apply in the order they were made and a later one overrides an
    earlier one for the pairs it names, so "merge, then split part back out"
    ends split, and a split never re-merges.
    """

    must: set[Pair] = field(default_factory=set)
    cannot: set[Pair] = field(default_factory=set)

    @classmethod
    def from_decisions(cls, decisions: Iterable[dict[str, Any]]) -> Constraints:
        """`decisions`: dicts with `kind` (merge/split) and `sides` (two lists of report ids)."""
        verdict: dict[Pair, str] = {}
        for decision in decisions:
            first, second = decision["sides"]
            for a in first:
                for b in second:
                    if a != b:
                        verdict[frozenset((a, b))] = decision["kind"]
        return cls(
            must={pair for pair, kind in verdict.items() if kind == MERGE},
            cannot={pair for pair, kind in verdict.items() if kind == SPLIT},
        )

    def reports(self) -> set[str]:
        return {report for pair in self.must | self.cannot for report in pair}


Edge = tuple[float, str, str]  # (score, lower id, higher id)


def cluster(
    items: dict[str, Keyed],
    edges: list[Edge],
    constraints: Constraints,
    compatible: Callable[[Keyed, Keyed], bool],
) -> list[list[Keyed]]:
    """Group `items` (by report id) along `edges`, strongest first."""
    groups = UnionFind()
    members: dict[str, list[str]] = {rid: [rid] for rid in sorted(items)}
    for pair in sorted(constraints.must, key=sorted):
        a, b = sorted(pair)
        if a in items and b in items:
            _join(groups, members, a, b)
    for _, a, b in sorted(edges, key=lambda edge: (-edge[0], edge[1], edge[2])):
        ra, rb = groups.find(a), groups.find(b)
        if ra != rb and _may_join(members[ra], members[rb], items, constraints, compatible):
            _join(groups, members, a, b)
    roots = {groups.find(rid) for rid in items}
    return [[items[rid] for rid in members[root]] for root in sorted(roots)]


def _join(groups: UnionFind, members: dict[str, list[str]], a: str, b: str) -> None:
    ra, rb = groups.find(a), groups.find(b)
    if ra == rb:
        return
    root = groups.union(ra, rb)
    other = rb if root == ra else ra
    members[root] = sorted(members[root] + members.pop(other))


def _may_join(
    first: list[str],
    second: list[str],
    items: dict[str, Keyed],
    constraints: Constraints,
    compatible: Callable[[Keyed, Keyed], bool],
) -> bool:
    for a in first:
        for b in second:
            pair = frozenset((a, b))
            if pair in constraints.cannot:
                return False
            if pair not in constraints.must and not compatible(items[a], items[b]):
                return False
    return True


def components(
    ids: Iterable[str], edges: Iterable[Edge], constraints: Constraints
) -> dict[str, str]:
    """Report id -> its component's name (the smallest report id in it)."""
    found = UnionFind()
    for rid in ids:
        found.find(rid)
    for _, a, b in edges:
        found.union(a, b)
    for pair in constraints.must:
        a, b = sorted(pair)
        if a in found.parent and b in found.parent:
            found.union(a, b)
    return {rid: found.find(rid) for rid in found.parent}
